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
/// the default against the remembered benchmark). Without a title, the first item's action
/// phrase (else its question, `Item::action_or_text`) in `lang` is the title.
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
                q.item(first)
                    .map(|i| i.action_or_text().get(lang).trim().to_string())
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

/// The action plan as a report shows it, from what `Store::plan_context` read: every action of
/// the plan with its state, the open actions over time, and the actions closed between the
/// previous assessment and this one (dated `date`).
pub fn report_extras(
    catalog: &Catalog,
    context: &PlanContext,
    date: Option<Date>,
    today: Date,
) -> Result<csirt_report::PlanExtras> {
    let set = catalog.get(&context.questionnaire_id)?;
    let q = &set.questionnaire;
    let actions = views_from(catalog, context, today)?;
    let since = date.and_then(|d| {
        context
            .history
            .iter()
            .map(|(_, when, _)| *when)
            .filter(|when| *when < d)
            .max()
    });
    let closed_since_last = match (since, date) {
        (Some(from), Some(to)) => {
            let history: Vec<Dated> = context
                .history
                .iter()
                .map(|(_, when, a)| Dated {
                    date: *when,
                    assessment: a,
                })
                .collect();
            csirt_scoring::closed_between(&context.organisation_actions, from, to)
                .into_iter()
                .map(|a| csirt_scoring::action_view(q, a, None, &history, today))
                .collect()
        }
        _ => Vec::new(),
    };
    Ok(csirt_report::PlanExtras {
        actions,
        open_over_time: open_over_time(context, today),
        since: since.map(|d| d.to_string()),
        closed_since_last,
    })
}

/// The plan an assessment file carries, as a report shows it: the file is its own baseline and
/// nothing later is known, so each action's state is its status (and its due date).
pub fn file_extras(
    catalog: &Catalog,
    a: &csirt_model::Assessment,
    today: Date,
) -> Result<Option<csirt_report::PlanExtras>> {
    if a.actions.is_empty() {
        return Ok(None);
    }
    let date = a
        .date
        .as_deref()
        .and_then(|d| csirt_model::date::parse_date(d).ok())
        .unwrap_or(today);
    let context = PlanContext {
        questionnaire_id: a.questionnaire.clone(),
        history: vec![(0, date, a.clone())],
        plan: a.actions.iter().map(|x| (x.clone(), Some(0))).collect(),
        organisation_actions: a.actions.clone(),
    };
    Ok(Some(report_extras(catalog, &context, None, today)?))
}
