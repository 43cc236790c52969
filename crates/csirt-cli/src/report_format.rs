//! `--format pdf|html|docx` on the report commands, the format an output's extension implies,
//! and the output name a format implies.

use std::path::{Path, PathBuf};

use csirt_model::bi;

use crate::CliError;

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

/// The format asked for on the command line alone: `--format`, else HTML for the older
/// `--html`, else none.
fn asked(format: Option<ReportFormat>, html: bool) -> Option<csirt_report::Format> {
    match (format, html) {
        (Some(f), _) => Some(f.into()),
        (None, true) => Some(csirt_report::Format::Html),
        (None, false) => None,
    }
}

/// The format for a folder of reports (`report --all`): `--format`, else `--html`, else PDF.
pub fn chosen(format: Option<ReportFormat>, html: bool) -> csirt_report::Format {
    asked(format, html).unwrap_or(csirt_report::Format::Pdf)
}

/// The format an output file's extension names (.pdf, .html or .htm, .docx; any case), if any.
fn of_extension(path: &Path) -> Option<csirt_report::Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(csirt_report::Format::Pdf),
        "html" | "htm" => Some(csirt_report::Format::Html),
        "docx" => Some(csirt_report::Format::Docx),
        _ => None,
    }
}

/// The format and the file of one report: `--format` (or `--html`) when given, else the one
/// `-o`'s extension names, else PDF; the file is `-o`, else `report.<extension>`. A format that
/// contradicts `-o`'s extension (`--format docx -o x.pdf`) is refused, before anything is written.
pub fn resolve(
    format: Option<ReportFormat>,
    html: bool,
    output: Option<PathBuf>,
) -> Result<(csirt_report::Format, PathBuf), CliError> {
    let asked = asked(format, html);
    let implied = output.as_deref().and_then(of_extension);
    let format = match (asked, implied) {
        (Some(a), Some(i)) if a != i => {
            let file = output
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let (a, i) = (a.extension(), i.extension());
            return Err(CliError::BadValue(bi!(
                "出力ファイル {file} の拡張子は {i} ですが、形式に {a} が指定されています。拡張子を .{a} にするか、--format（または --html）を省いてください",
                "the output {file} ends in .{i} but the format asked for is {a}: name the file .{a}, or leave out --format (or --html)"
            )));
        }
        (Some(a), _) => a,
        (None, Some(i)) => i,
        (None, None) => csirt_report::Format::Pdf,
    };
    let output = output.unwrap_or_else(|| PathBuf::from(format!("report.{}", format.extension())));
    Ok((format, output))
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_report::Format;

    fn ok(format: Option<ReportFormat>, html: bool, output: Option<&str>) -> (Format, PathBuf) {
        match resolve(format, html, output.map(PathBuf::from)) {
            Ok(r) => r,
            Err(e) => panic!("refused: {e}"),
        }
    }

    #[test]
    fn the_extension_decides_when_no_format_is_given() {
        assert_eq!(ok(None, false, Some("x.docx")).0, Format::Docx);
        assert_eq!(ok(None, false, Some("x.HTML")).0, Format::Html);
        assert_eq!(ok(None, false, Some("x.htm")).0, Format::Html);
        assert_eq!(ok(None, false, Some("x.pdf")).0, Format::Pdf);
        assert_eq!(ok(None, false, Some("x.bin")).0, Format::Pdf);
        assert_eq!(ok(None, false, Some("x")).0, Format::Pdf);
    }

    #[test]
    fn the_format_names_the_default_file() {
        assert_eq!(
            ok(Some(ReportFormat::Docx), false, None),
            (Format::Docx, PathBuf::from("report.docx"))
        );
        assert_eq!(ok(None, true, None).1, PathBuf::from("report.html"));
        assert_eq!(ok(None, false, None).1, PathBuf::from("report.pdf"));
    }

    #[test]
    fn a_format_that_agrees_or_an_unknown_extension_is_kept() {
        assert_eq!(
            ok(Some(ReportFormat::Docx), false, Some("x.DOCX")).0,
            Format::Docx
        );
        assert_eq!(ok(None, true, Some("x.html")).0, Format::Html);
        assert_eq!(
            ok(Some(ReportFormat::Html), false, Some("x.txt")).0,
            Format::Html
        );
    }

    #[test]
    fn a_format_that_contradicts_the_extension_is_refused_in_both_languages() {
        for (format, html, file) in [
            (Some(ReportFormat::Docx), false, "x.pdf"),
            (Some(ReportFormat::Pdf), false, "x.docx"),
            (None, true, "x.pdf"),
        ] {
            let e = match resolve(format, html, Some(PathBuf::from(file))) {
                Err(e) => e,
                Ok(r) => panic!("accepted {file}: {r:?}"),
            };
            use csirt_model::{Lang, Localized};
            assert!(
                e.localized(Lang::Ja).contains("拡張子"),
                "{}",
                e.localized(Lang::Ja)
            );
            assert!(
                e.localized(Lang::En).contains(file),
                "{}",
                e.localized(Lang::En)
            );
        }
    }
}
