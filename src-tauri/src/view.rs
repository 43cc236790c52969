//! An assessment as the screens show it, built in two steps: its row and answers read from the
//! store (under the lock), then scored with its roadmap and peers (after the lock is released).

use crate::error::AppError;
use crate::wire::{AssessmentView, BenchmarkChoice};
use csirt_model::{Assessment, Catalog, Lang, Localized};
use csirt_scoring::PeerMatch;
use csirt_store::{AssessmentRow, Store};

/// What a view is made of, as read from the store.
pub struct ViewData {
    pub row: AssessmentRow,
    pub assessment: Assessment,
    /// What no longer fits the loaded questionnaire version, if anything.
    pub version_warning: Option<csirt_model::Text>,
    /// The benchmark and segment remembered for the assessment.
    pub choice: BenchmarkChoice,
}

/// Reads an assessment's row and its scored answers.
pub fn read(store: &Store, catalog: &Catalog, id: i64) -> Result<ViewData, AppError> {
    let row = store.assessment(id)?;
    let set = catalog.get(&row.questionnaire_id)?;
    let assessment = store.load_assessment(&set.questionnaire, id)?;
    let version_warning = store.fit(&set.questionnaire, id)?.warning(id);
    let stored = store.benchmark_choice(id)?;
    Ok(ViewData {
        row,
        assessment,
        version_warning,
        choice: BenchmarkChoice {
            benchmark: stored.benchmark,
            segment: stored.segment,
        },
    })
}

/// Scores what was read, with its roadmap. Needs no store.
pub fn score(data: ViewData, catalog: &Catalog) -> Result<AssessmentView, AppError> {
    let set = catalog.get(&data.row.questionnaire_id)?;
    let choice = &data.choice;
    // A remembered benchmark whose file was removed: the questionnaire's own is used, and the
    // screens say so.
    let (benchmark, benchmark_warning) =
        match set.choose(choice.benchmark.as_deref(), choice.segment.as_deref()) {
            Ok(b) => (b, None),
            Err(e) => {
                let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
                (
                    set.benchmark.clone(),
                    Some(csirt_model::bi!(
                        "{ja}。質問票の既定の基準データで比較しています",
                        "{en}; compared with the questionnaire's own benchmark instead"
                    )),
                )
            }
        };
    let report = csirt_scoring::score(&set.questionnaire, benchmark.as_deref(), &data.assessment)?;
    let roadmap = csirt_scoring::roadmap(&set.questionnaire, &report);
    Ok(AssessmentView {
        row: data.row,
        assessment: data.assessment,
        report,
        roadmap,
        version_warning: data.version_warning,
        benchmark_choice: data.choice,
        benchmark_warning,
        benchmark,
    })
}

/// The nearest interviewed teams, or none when the questionnaire has no benchmark.
pub fn peers_of(catalog: &Catalog, v: &AssessmentView) -> Result<Vec<PeerMatch>, AppError> {
    let set = catalog.get(&v.row.questionnaire_id)?;
    Ok(match set.benchmark.as_deref() {
        Some(b) => csirt_scoring::nearest_peers(&set.questionnaire, b, &v.assessment, &v.report),
        None => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// An assessment answered under one version of its questionnaire and opened under another
    /// carries the store's warning to the screens; under its own version, none.
    #[test]
    fn a_view_names_a_changed_questionnaire_version() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::load(None).unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        let org = store
            .add_organisation(&csirt_model::Organisation {
                name: "Versioned".into(),
                ..Default::default()
            })
            .unwrap();
        let q = catalog.get("jpcert-2015").unwrap().questionnaire.clone();
        let id = store
            .create_assessment(org, &q, Some("2026-03-31"), csirt_model::Lang::En)
            .unwrap();
        assert!(read(&store, &catalog, id)
            .unwrap()
            .version_warning
            .is_none());

        let mut newer = (*q).clone();
        newer.version = "9.9".into();
        let mut changed = catalog.clone();
        changed.sets[0].questionnaire = Arc::new(newer);
        let warning = read(&store, &changed, id).unwrap().version_warning.unwrap();
        assert!(
            warning.en.contains("9.9") && warning.ja.contains("9.9"),
            "{warning:?}"
        );
        let view = score(read(&store, &changed, id).unwrap(), &changed).unwrap();
        assert!(view.version_warning.is_some());
    }
}
