//! An assessment started from another questionnaire's assessment of the same organisation (a
//! SIM3 assessment from its JPCERT assessment): the answers the source informs are derived by
//! `csirt_scoring::prefill` and stored marked, to be confirmed, in one transaction.

use crate::{Result, UsecaseError};
use csirt_model::{bi, Assessment, Catalog, Derivation, DerivedSource, Lang, Organisation};
use csirt_model::{Answer, StrictMap, Text};
use csirt_scoring::prefill::{propose, Derived};
use csirt_store::Store;
use serde::Serialize;

/// What a prefilled start made: the new assessment and the answers derived into it.
#[derive(Debug, Clone, Serialize)]
pub struct Prefilled {
    pub assessment_id: i64,
    pub derived: Vec<Derived>,
}

/// An assessment of the organisation that can start one of the `target` questionnaire: its id,
/// date and questionnaire, and how many of the target's items it informs.
#[derive(Debug, Clone, Serialize)]
pub struct PrefillSource {
    pub assessment_id: i64,
    pub date: String,
    pub questionnaire: String,
    pub title: Text,
    /// The questionnaire the new assessment would use, and its title.
    pub target: String,
    pub target_title: Text,
    pub informs: usize,
    /// "<target>: start from the <date> <title> assessment (N items derived)", in both languages.
    pub offer: Text,
}

/// The organisation's assessments that inform some item of another questionnaire: for
/// `target`, or for every loaded questionnaire when `None`; newest first within each target, in
/// the catalog's order. Assessments whose questionnaire is not loaded are skipped.
pub fn sources(
    store: &Store,
    catalog: &Catalog,
    organisation_id: i64,
    target: Option<&str>,
) -> Result<Vec<PrefillSource>> {
    store.organisation(organisation_id)?;
    if let Some(t) = target {
        catalog.get(t)?;
    }
    // Each referring assessment read once.
    let mut read = Vec::new();
    for row in store.list_assessments(Some(organisation_id))? {
        let Ok(set) = catalog.get(&row.questionnaire_id) else {
            continue;
        };
        let q = &set.questionnaire;
        if !q.scored_items().any(|i| !i.sim3.is_empty()) {
            continue;
        }
        let a = store.load_assessment(q, row.id)?;
        read.push((row, q, a));
    }
    let mut out = Vec::new();
    for set in catalog
        .sets
        .iter()
        .filter(|s| target.is_none_or(|t| s.questionnaire.id == t))
    {
        let tq = &set.questionnaire;
        for (row, q, a) in &read {
            if row.questionnaire_id == tq.id {
                continue;
            }
            let informs = propose(q, a, tq).len();
            if informs == 0 {
                continue;
            }
            let (date, tja, ten) = (&row.date, &q.title.ja, &q.title.en);
            let (gja, gen) = (&tq.title.ja, &tq.title.en);
            out.push(PrefillSource {
                assessment_id: row.id,
                date: row.date.clone(),
                questionnaire: q.id.clone(),
                title: q.title.clone(),
                target: tq.id.clone(),
                target_title: tq.title.clone(),
                informs,
                offer: bi!(
                    "{gja}: {date} の「{tja}」の評価から始める（{informs} 項目を導出）",
                    "{gen}: start from the {date} {ten} assessment ({informs} items derived)"
                ),
            });
        }
    }
    Ok(out)
}

/// Starts an assessment of `target` for the organisation from its assessment `from`: every
/// answer the source informs is derived and marked unconfirmed, in one transaction. Refused,
/// with nothing written, when `from` belongs to another organisation or informs nothing.
pub fn start_prefilled(
    store: &mut Store,
    catalog: &Catalog,
    organisation_id: i64,
    target: &str,
    date: Option<&str>,
    language: Lang,
    from: i64,
) -> Result<Prefilled> {
    let org = store.organisation(organisation_id)?;
    let row = store.assessment(from)?;
    if row.organisation_id != organisation_id {
        let (other, name) = (&row.organisation_name, &org.name);
        return Err(UsecaseError::Prefill(bi!(
            "評価 {from} は組織「{other}」のもので、「{name}」のものではありません。同じ組織の評価からしか始められません",
            "assessment {from} belongs to the organisation {other:?}, not {name:?}; an assessment can only start from one of the same organisation"
        )));
    }
    if row.questionnaire_id == target {
        return Err(UsecaseError::Prefill(bi!(
            "評価 {from} は同じ質問票 {target} のものです。導出できるのは別の質問票の評価からだけです",
            "assessment {from} is of the same questionnaire {target}; answers can only be derived from another questionnaire's assessment"
        )));
    }
    let source_set = catalog.get(&row.questionnaire_id)?;
    let target_set = catalog.get(target)?;
    let (sq, tq) = (&source_set.questionnaire, &target_set.questionnaire);
    let source = store.load_assessment(sq, from)?;
    let derived = propose(sq, &source, tq);
    if derived.is_empty() {
        let (tid, sid) = (&tq.id, &sq.id);
        return Err(UsecaseError::Prefill(bi!(
            "評価 {from}（質問票 {sid}）から質問票 {tid} の項目に導出できる回答はありません。空の評価として始めてください",
            "assessment {from} (questionnaire {sid}) informs no item of questionnaire {tid}; start an empty assessment instead"
        )));
    }
    let mut a = Assessment::new(
        tq,
        Organisation {
            name: org.name,
            sector: org.sector,
            size: org.size,
            csirt_form: org.csirt_form,
        },
    );
    a.date = Some(match date {
        Some(d) => d.to_string(),
        None => csirt_model::date::Date::today().to_string(),
    });
    a.language = Some(language);
    let mut items = StrictMap::default();
    for d in &derived {
        a.answers
            .insert(d.item.clone(), Answer::Text(d.key.clone()));
        items.insert(d.item.clone(), d.from.clone());
    }
    a.derived = Some(Derivation {
        source: DerivedSource {
            questionnaire: sq.id.clone(),
            title: sq.title.clone(),
            date: Some(row.date.clone()).filter(|d| csirt_model::date::parse_date(d).is_ok()),
        },
        items,
    });
    let assessment_id = store.import(tq, &a, Some(organisation_id))?;
    Ok(Prefilled {
        assessment_id,
        derived,
    })
}
