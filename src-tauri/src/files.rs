//! Files in and out: rendering an export through the core crates, the native save and open
//! dialogs, and the end-to-end test hooks that stand in for those dialogs.

use crate::error::AppError;
use crate::state::TestHooks;
use crate::wire::{AssessmentView, ExportFormat};
use csirt_model::assessment::MAX_IMPORT_BYTES;
use csirt_model::{Lang, QuestionnaireSet};
use csirt_scoring::ScoreReport;
use std::io::Read;
use std::path::PathBuf;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// The bytes of one export of a scored assessment.
pub fn render(
    format: ExportFormat,
    set: &QuestionnaireSet,
    v: &AssessmentView,
    lang: Lang,
) -> Result<Vec<u8>, AppError> {
    let q = &set.questionnaire;
    Ok(match format {
        ExportFormat::Json => format!("{}\n", v.assessment.to_json_pretty()).into_bytes(),
        ExportFormat::Csv => csirt_export::answers_csv(q, &v.assessment, &v.report, lang)?,
        ExportFormat::Xlsx => csirt_export::workbook_xlsx(q, &v.assessment, &v.report, lang)?,
        ExportFormat::Pdf => csirt_report::render_pdf(
            &csirt_report::ReportInput {
                questionnaire: q,
                benchmark: set.benchmark.as_deref(),
                assessment: &v.assessment,
                score: &v.report,
            },
            lang,
        )?,
    })
}

/// The radar chart of area scores against the benchmark, as a standalone SVG document.
pub fn radar_svg(report: &ScoreReport, lang: Lang) -> Result<String, AppError> {
    Ok(csirt_report::charts::radar_svg(report, lang))
}

fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
    }
}

/// A file name to offer in the save dialog: organisation, date and, for documents written in
/// one language, that language. Characters no file system accepts become `_`.
pub fn suggested_name(v: &AssessmentView, format: ExportFormat, lang: Lang) -> String {
    let org: String = v
        .row
        .organisation_name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let org = org.trim().trim_start_matches('.');
    let stem = format!("csirt-{}-{}", org.replace(' ', "_"), v.row.date);
    match format {
        ExportFormat::Json => format!("{stem}.json"),
        f => format!("{stem}-{}.{}", lang.code(), extension(f)),
    }
}

/// Where to write an export: the test hook's folder, or the user's choice in the native save
/// dialog (`None` when cancelled). Must run off the main thread: the dialog blocks until closed.
pub fn choose_save_path(
    app: &AppHandle,
    hooks: &TestHooks,
    name: &str,
    format: ExportFormat,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = &hooks.save_dir {
        return Ok(Some(dir.join(name)));
    }
    let ext = extension(format);
    let chosen = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file();
    Ok(chosen.and_then(|p| p.as_path().map(|p| p.to_path_buf())))
}

/// The bytes of the assessment file to import: the test hook's file, or the user's choice in
/// the native open dialog (`None` when cancelled). Reads at most one byte past the size limit,
/// so an enormous file is refused by the parser without being loaded whole.
pub fn choose_and_read_import(
    app: &AppHandle,
    hooks: &TestHooks,
) -> Result<Option<Vec<u8>>, AppError> {
    let path = match &hooks.open_file {
        Some(p) => p.clone(),
        None => {
            let chosen = app
                .dialog()
                .file()
                .add_filter("JSON", &["json"])
                .blocking_pick_file();
            match chosen.and_then(|p| p.as_path().map(|p| p.to_path_buf())) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    let io = |source| AppError::Io {
        path: path.clone(),
        source,
    };
    let file = std::fs::File::open(&path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(Some(bytes))
}
