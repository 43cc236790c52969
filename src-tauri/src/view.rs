//! An assessment as the screens show it, built in two steps by the use-case layer: its row and
//! answers read from the store (under the lock), then scored with its roadmap and peers (after
//! the lock is released). This module only adapts the layer's types to the wire's.

use crate::error::AppError;
use crate::wire::{AssessmentView, BenchmarkChoice};
use csirt_model::Catalog;
use csirt_scoring::PeerMatch;
use csirt_store::Store;

/// What a view is made of, as read from the store.
pub type ViewData = csirt_usecase::Stored;

/// Reads an assessment's row, its scored answers and its remembered benchmark.
pub fn read(store: &Store, catalog: &Catalog, id: i64) -> Result<ViewData, AppError> {
    Ok(csirt_usecase::view::read(store, catalog, id)?)
}

/// Scores what was read, with its roadmap. Needs no store.
pub fn score(data: ViewData, catalog: &Catalog) -> Result<AssessmentView, AppError> {
    let scored = csirt_usecase::view::score(&data, catalog)?;
    Ok(AssessmentView {
        row: data.row,
        assessment: data.assessment,
        report: scored.report,
        roadmap: scored.roadmap,
        version_warning: data.version_warning,
        benchmark_choice: BenchmarkChoice {
            benchmark: data.choice.benchmark,
            segment: data.choice.segment,
        },
        benchmark_warning: scored.benchmark_warning,
        headline: scored.headline,
        benchmark: scored.benchmark,
    })
}

/// The nearest interviewed teams, or none when the questionnaire has no benchmark.
pub fn peers_of(catalog: &Catalog, v: &AssessmentView) -> Result<Vec<PeerMatch>, AppError> {
    Ok(csirt_usecase::view::peers(
        catalog,
        &v.assessment,
        &v.report,
    )?)
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
