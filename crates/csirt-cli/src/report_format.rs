//! `--format pdf|html|docx` on the report commands, and the output name it implies.

use std::path::PathBuf;

/// A report's file format, as the command line names it.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// The gap-analysis PDF (the default).
    Pdf,
    /// The same content as one HTML page.
    Html,
    /// An editable Word document.
    Docx,
}

impl From<ReportFormat> for csirt_report::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Pdf => csirt_report::Format::Pdf,
            ReportFormat::Html => csirt_report::Format::Html,
            ReportFormat::Docx => csirt_report::Format::Docx,
        }
    }
}

/// The format asked for: `--format`, else HTML for the older `--html`, else PDF.
pub fn chosen(format: Option<ReportFormat>, html: bool) -> csirt_report::Format {
    match (format, html) {
        (Some(f), _) => f.into(),
        (None, true) => csirt_report::Format::Html,
        (None, false) => csirt_report::Format::Pdf,
    }
}

/// Where to write: `-o` when given, else `report.<extension>`.
pub fn output(output: Option<PathBuf>, format: csirt_report::Format) -> PathBuf {
    output.unwrap_or_else(|| PathBuf::from(format!("report.{}", format.extension())))
}
