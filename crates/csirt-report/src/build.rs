//! Builds the report model (`model::ReportDoc`) from the score and its extras: the one place
//! that decides what the report says.
//!
//! TEMPORARY: a minimal builder so that the renderers can be written in parallel; the full
//! builder (every section of today's PDF) replaces it.

use crate::labels;
use crate::model::{Cover, ReportDoc, ReportOptions};
use crate::{ReportExtras, ReportInput};
use csirt_model::Lang;

/// The report in `lang`, with the sections the options ask for.
pub fn build(
    input: &ReportInput,
    _extras: &ReportExtras,
    lang: Lang,
    options: &ReportOptions,
) -> ReportDoc {
    let confidentiality = options
        .confidentiality
        .clone()
        .unwrap_or_else(|| labels::confidential(lang).to_string());
    ReportDoc {
        lang,
        title: labels::report_title(lang).to_string(),
        organisation: input.assessment.organisation.name.clone(),
        cover: Cover {
            facts: Vec::new(),
            logo: options.logo.clone(),
        },
        confidentiality,
        running_header: labels::report_title(lang).to_string(),
        sections: Vec::new(),
    }
}
