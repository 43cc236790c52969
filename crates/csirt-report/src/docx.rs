//! The editable report: renders the report model as a Word document (DOCX).
//!
//! TEMPORARY: refuses until the DOCX renderer lands.

use crate::model::ReportDoc;
use crate::ReportError;

/// The DOCX file's bytes, dated `created` (seconds since 1970, UTC).
pub fn render_docx(_doc: &ReportDoc, _created: i64) -> Result<Vec<u8>, ReportError> {
    Err(ReportError::Docx("not written yet".into()))
}
