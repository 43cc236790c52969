//! The action plan's use cases: adding an action from a gap (its target and default title come
//! from the assessment's score), and the plan's derived views (achieved, flagged, overdue) and
//! the open actions over time. The store keeps the actions; this layer scores.

use crate::Result;
use csirt_model::action::Action;
use csirt_model::date::Date;
use csirt_model::{bi, Catalog, Lang, QuestionnaireSet, StrictMap};
use csirt_scoring::{ActionView, Dated, OpenPoint};
use csirt_store::{ActionDraft, PlanContext, Store, StoreError};

/// Adds an action to an assessment's plan. Each linked item must be a scored item of the
/// assessment's questionnaire; its target is the assessment's target for it (the override, else
/// the default against the remembered benchmark). Without a title, the first item's
/// recommendation (else its question) in `lang` is the title.
pub fn add_action(
    store: &mut Store,
    set: &QuestionnaireSet,
    assessment_id: i64,
    draft: &ActionDraft,
    lang: Lang,
) -> Result<Action> {
    let q = &set.questionnaire;
    let choice = store.benchmark_choice(assessment_id)?;
    let benchmark = set.choose(choice.benchmark.as_deref(), choice.segment.as_deref())?;
    let file = store.load_assessment(q, assessment_id)?;
    let report = csirt_scoring::score(q, benchmark.as_deref(), &file)?;
    let mut targets = StrictMap::default();
    for item in &draft.items {
        let qid = &q.id;
        match (q.item(item), report.item(item)) {
            (None, _) => {
                return Err(StoreError::InvalidAnswer {
                    item: item.clone(),
                    message: bi!(
                        "質問票 {qid} にこの項目はありません",
                        "no such item in questionnaire {qid}"
                    ),
                }
                .into())
            }
            (Some(_), None) => {
                return Err(StoreError::InvalidAnswer {
                    item: item.clone(),
                    message: bi!(
                        "この項目は採点されないため、目指す水準を決められません",
                        "this item is not scored, so it has no level to aim for"
                    ),
                }
                .into())
            }
            (Some(_), Some(s)) => targets.insert(item.clone(), s.target.key.clone()),
        }
    }
    let title = match draft.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => draft
            .items
            .first()
            .and_then(|first| {
                let from_gap = report
                    .gaps
                    .iter()
                    .find(|g| &g.item == first)
                    .and_then(|g| g.recommendation.as_ref());
                from_gap
                    .or_else(|| q.item(first).map(|i| &i.text))
                    .map(|t| t.get(lang).trim().to_string())
            })
            .unwrap_or_default(),
    };
    Ok(store.add_action(set, assessment_id, draft, targets, title)?)
}

/// Each action of an assessment's plan with its derived state on `today`.
pub fn action_views(
    store: &Store,
    catalog: &Catalog,
    assessment_id: i64,
    today: Date,
) -> Result<Vec<ActionView>> {
    views_from(catalog, &store.plan_context(catalog, assessment_id)?, today)
}

/// The plan's views computed from what `Store::plan_context` read (so the app reads under its
/// lock and derives after releasing it).
pub fn views_from(
    catalog: &Catalog,
    context: &PlanContext,
    today: Date,
) -> Result<Vec<ActionView>> {
    let set = catalog.get(&context.questionnaire_id)?;
    let q = &set.questionnaire;
    let history: Vec<Dated> = context
        .history
        .iter()
        .map(|(_, date, a)| Dated {
            date: *date,
            assessment: a,
        })
        .collect();
    let origin_of = |id: Option<i64>| {
        let id = id?;
        context
            .history
            .iter()
            .position(|(rid, _, _)| *rid == id)
            .map(|i| history[i])
    };
    Ok(context
        .plan
        .iter()
        .map(|(a, origin)| {
            csirt_scoring::action_view(q, a, origin_of(*origin).as_ref(), &history, today)
        })
        .collect())
}

/// The organisation's open actions over time, for the chart beside an assessment's plan.
pub fn open_over_time(context: &PlanContext, today: Date) -> Vec<OpenPoint> {
    csirt_scoring::open_over_time(&context.organisation_actions, today)
}
