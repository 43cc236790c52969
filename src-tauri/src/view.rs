//! An assessment as the screens show it, built in two steps: its row and answers read from the
//! store (under the lock), then scored with its roadmap and peers (after the lock is released).

use crate::error::AppError;
use crate::wire::AssessmentView;
use csirt_model::{Assessment, Catalog};
use csirt_scoring::PeerMatch;
use csirt_store::{AssessmentRow, Store};

/// What a view is made of, as read from the store.
pub struct ViewData {
    pub row: AssessmentRow,
    pub assessment: Assessment,
}

/// Reads an assessment's row and its scored answers.
pub fn read(store: &Store, catalog: &Catalog, id: i64) -> Result<ViewData, AppError> {
    let row = store.assessment(id)?;
    let set = catalog.get(&row.questionnaire_id)?;
    let assessment = store.load_assessment(&set.questionnaire, id)?;
    Ok(ViewData { row, assessment })
}

/// Scores what was read, with its roadmap. Needs no store.
pub fn score(data: ViewData, catalog: &Catalog) -> Result<AssessmentView, AppError> {
    let set = catalog.get(&data.row.questionnaire_id)?;
    let report = csirt_scoring::score(
        &set.questionnaire,
        set.benchmark.as_deref(),
        &data.assessment,
    )?;
    let roadmap = csirt_scoring::roadmap(&set.questionnaire, &report);
    Ok(AssessmentView {
        row: data.row,
        assessment: data.assessment,
        report,
        roadmap,
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
