//! Files in and out: the data exports (JSON, CSV, XLSX) through the core crates, the native
//! save and open dialogs (the cover logo's included), and the end-to-end test hooks that stand
//! in for those dialogs.

use crate::error::AppError;
use crate::state::TestHooks;
use crate::wire::{AssessmentView, ExportFormat};
use csirt_export::encrypt;
use csirt_model::assessment::MAX_IMPORT_BYTES;
use csirt_model::{Lang, QuestionnaireSet};
use csirt_scoring::ScoreReport;
use csirt_store::AssessmentRow;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// The bytes of one data export (JSON, CSV, XLSX) of a scored assessment, with a warning for
/// each cell the spreadsheet exports had to cut (text stored before the limits, too long for a
/// cell). Reports go through `csirt_usecase::report` instead.
pub fn render(
    format: ExportFormat,
    set: &QuestionnaireSet,
    v: &AssessmentView,
    lang: Lang,
    passphrase: Option<&str>,
) -> Result<csirt_export::Exported, AppError> {
    let q = &set.questionnaire;
    if passphrase.is_some() && format != ExportFormat::Json {
        return Err(AppError::InvalidInput(csirt_model::Text::new(
            "暗号化できるのは評価ファイル（JSON）だけです",
            "only the assessment file (JSON) can be encrypted",
        )));
    }
    Ok(match format {
        ExportFormat::Json => {
            let json = format!("{}\n", v.assessment.to_json_pretty()).into_bytes();
            csirt_export::Exported {
                bytes: match passphrase {
                    Some(p) => encrypt::encrypt(&json, p, encrypt::DEFAULT_WORK_FACTOR)?,
                    None => json,
                },
                warnings: Vec::new(),
            }
        }
        ExportFormat::Csv => {
            csirt_export::answers_csv_with_warnings(q, &v.assessment, &v.report, lang)?
        }
        ExportFormat::Xlsx => {
            csirt_export::workbook_xlsx_with_warnings(q, &v.assessment, &v.report, lang)?
        }
        ExportFormat::Pdf | ExportFormat::Docx => {
            return Err(AppError::Task(
                "a report is rendered by the use-case layer, not as a data file".into(),
            ))
        }
    })
}

/// The radar chart of area scores against the benchmark, as a standalone SVG document.
pub fn radar_svg(report: &ScoreReport, lang: Lang) -> Result<String, AppError> {
    Ok(csirt_report::charts::radar_svg(report, lang))
}

fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Docx => "docx",
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
    }
}

/// A file name to offer in the save dialog: organisation, date and, for documents written in
/// one language, that language. Characters no file system accepts become `_`.
pub fn suggested_name(row: &AssessmentRow, format: ExportFormat, lang: Lang) -> String {
    let safe = |text: &str| -> String {
        text.chars()
            .map(|c| match c {
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
                c if c.is_control() => '_',
                c => c,
            })
            .collect()
    };
    let org = safe(&row.organisation_name);
    let org = org.trim().trim_start_matches('.');
    // A date stored before dates were checked ("31/03/2026") must not make folders.
    let stem = format!(
        "csirt-{}-{}",
        org.replace(' ', "_"),
        safe(&row.date).replace(' ', "_")
    );
    match format {
        ExportFormat::Json => format!("{stem}.{INTERCHANGE_EXTENSION}"),
        f => format!("{stem}-{}.{}", lang.code(), extension(f)),
    }
}

/// The interchange file's own extension (MIME type `application/x-csirt-assessment`, which the
/// Linux packages register with `*.csirt` and `*.csirt.age`). Imports still read `.json`.
pub const INTERCHANGE_EXTENSION: &str = "csirt";

/// The suggested name of an encrypted interchange file: age's usual suffix after the plain one.
pub fn encrypted_name(name: &str) -> String {
    format!("{name}.age")
}

/// Where to write an export: the test hook's folder, or the user's choice in the native save
/// dialog (`None` when cancelled). Must run off the main thread: the dialog blocks until closed.
fn choose_save_path(
    app: &AppHandle,
    hooks: &TestHooks,
    name: &str,
    format: ExportFormat,
    encrypted: bool,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = &hooks.save_dir {
        return Ok(Some(dir.join(name)));
    }
    let ext = match (encrypted, format) {
        (true, _) => "age",
        (false, ExportFormat::Json) => INTERCHANGE_EXTENSION,
        (false, f) => extension(f),
    };
    let chosen = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file();
    Ok(chosen.and_then(|p| p.as_path().map(|p| p.to_path_buf())))
}

/// Writes `bytes` where the user chooses in the save dialog (or the test hook's folder);
/// `None` when the user cancelled.
pub fn save_chosen(
    app: &AppHandle,
    hooks: &TestHooks,
    name: &str,
    format: ExportFormat,
    encrypted: bool,
    bytes: &[u8],
) -> Result<Option<PathBuf>, AppError> {
    let Some(path) = choose_save_path(app, hooks, name, format, encrypted)? else {
        return Ok(None);
    };
    std::fs::write(&path, bytes).map_err(|source| AppError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(Some(path))
}

/// The bytes of the assessment file to import: `given` (the file the app was opened with, once
/// the user asked to import it), the test hook's file, or the user's choice in the native open
/// dialog (`None` when cancelled). Reads at most one byte past the size limit,
/// so an enormous file is refused by the parser without being loaded whole.
pub fn choose_and_read_import(
    app: &AppHandle,
    hooks: &TestHooks,
    given: Option<PathBuf>,
) -> Result<Option<Vec<u8>>, AppError> {
    let path = match given.or_else(|| hooks.open_file.clone()) {
        Some(p) => p,
        None => {
            let chosen = app
                .dialog()
                .file()
                .add_filter("CSIRT", &[INTERCHANGE_EXTENSION, "age", "json"])
                .blocking_pick_file();
            match chosen.and_then(|p| p.as_path().map(|p| p.to_path_buf())) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    let io = |source| AppError::Read {
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

/// Several respondents' files for a bulk import: the test hook's list, or the user's choice in
/// the native open dialog with multiple selection (`None` when cancelled). Each file is read on
/// its own (at most one byte past the size limit), so one unreadable file is listed with its
/// error and the others are still imported.
#[allow(clippy::type_complexity)]
pub fn choose_and_read_respondent_files(
    app: &AppHandle,
    hooks: &TestHooks,
) -> Option<Vec<(PathBuf, Result<Vec<u8>, AppError>)>> {
    let paths = match &hooks.open_files {
        Some(p) => p.clone(),
        None => app
            .dialog()
            .file()
            .add_filter("CSIRT", &[INTERCHANGE_EXTENSION, "age", "json"])
            .blocking_pick_files()?
            .into_iter()
            .filter_map(|p| p.as_path().map(|p| p.to_path_buf()))
            .collect(),
    };
    Some(
        paths
            .into_iter()
            .map(|path| {
                let io = |source| AppError::Read {
                    path: path.clone(),
                    source,
                };
                let read = std::fs::File::open(&path).map_err(io).and_then(|file| {
                    let mut bytes = Vec::new();
                    file.take(MAX_IMPORT_BYTES as u64 + 1)
                        .read_to_end(&mut bytes)
                        .map_err(io)?;
                    Ok(bytes)
                });
                (path, read)
            })
            .collect(),
    )
}

/// The cover logo: the test hook's file, or the user's choice of a PNG or JPEG in the native
/// open dialog (`None` when cancelled), read and checked by the use-case layer.
pub fn choose_logo(
    app: &AppHandle,
    hooks: &TestHooks,
) -> Result<Option<(String, csirt_report::model::Logo)>, AppError> {
    let path = match &hooks.open_logo {
        Some(p) => p.clone(),
        None => {
            let chosen = app
                .dialog()
                .file()
                .add_filter("PNG / JPEG", &["png", "jpg", "jpeg"])
                .blocking_pick_file();
            match chosen.and_then(|p| p.as_path().map(|p| p.to_path_buf())) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    let logo = csirt_usecase::options::read_logo(&path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some((name, logo)))
}

/// The plain bytes of the file to import. An encrypted file needs its passphrase: without one,
/// or with a wrong one, the file is kept in `pending` so the next attempt with a passphrase
/// reads it again without asking the user to choose it again. `None` when the user cancelled.
pub fn read_import(
    app: &AppHandle,
    hooks: &TestHooks,
    pending: &Mutex<Option<Vec<u8>>>,
    passphrase: Option<&str>,
    given: Option<PathBuf>,
) -> Result<Option<Vec<u8>>, AppError> {
    // A poisoned lock only means an earlier import panicked; the bytes are still whole.
    let mut slot = pending.lock().unwrap_or_else(|p| p.into_inner());
    let waiting = if passphrase.is_some() {
        slot.take()
    } else {
        None
    };
    let bytes = match waiting {
        Some(b) => b,
        None => match choose_and_read_import(app, hooks, given)? {
            Some(b) => b,
            None => return Ok(None),
        },
    };
    if !encrypt::is_encrypted(&bytes) {
        return Ok(Some(bytes));
    }
    let result = match passphrase {
        None => Err(AppError::PassphraseRequired),
        Some(p) => encrypt::decrypt(&bytes, p).map_err(AppError::from),
    };
    match result {
        Ok(plain) => Ok(Some(plain)),
        Err(e) => {
            *slot = Some(bytes);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_model::Catalog;

    /// A stored date from before dates were checked, and a name with a path separator and a
    /// line break, still give a plain file name (no folder, no control character).
    #[test]
    fn a_suggested_name_never_makes_folders_from_a_name_or_an_old_date() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::load(None).unwrap();
        let mut store = csirt_store::Store::open(&dir.path().join("db.sqlite3")).unwrap();
        let org = store
            .add_organisation(&csirt_model::Organisation {
                name: "R&D / Tokyo".into(),
                ..Default::default()
            })
            .unwrap();
        let q = &catalog.get("jpcert-2015").unwrap().questionnaire;
        let id = store
            .create_assessment(org, q, Some("2026-03-31"), Lang::En)
            .unwrap();
        let mut v =
            crate::view::score(crate::view::read(&store, &catalog, id).unwrap(), &catalog).unwrap();
        for (date, want) in [
            ("2026-03-31", "csirt-R&D___Tokyo-2026-03-31.csirt"),
            ("31/03/2026", "csirt-R&D___Tokyo-31_03_2026.csirt"),
            ("next\tweek", "csirt-R&D___Tokyo-next_week.csirt"),
        ] {
            v.row.date = date.into();
            let name = suggested_name(&v.row, ExportFormat::Json, Lang::En);
            assert_eq!(name, want);
            assert!(!name.contains(['/', '\\']) && !name.chars().any(char::is_control));
        }
    }
}
