//! The Questionnaires screen's commands and payloads: every questionnaire with its version (to
//! choose one for a new assessment, and to see where each comes from), the import of a package
//! chosen in the shell's file dialog (the window never sends a path), and the removal of one
//! no stored assessment uses. Thin adapters over `csirt_usecase::questionnaires`; also the
//! CSIRT forms an organisation can have, from the model's one list.

use crate::error::AppError;
use crate::input::Input;
use crate::state::{AppState, TestHooks};
use crate::wire::{ProfileChoice, QuestionnaireInput, Text};
use csirt_model::package::{Listed, MAX_PACKAGE_BYTES};
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// One questionnaire the app knows, as the new-assessment choice and the Questionnaires screen
/// list it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub title: Text,
    #[ts(type = "number")]
    pub items: usize,
    /// Shipped inside the app (cannot be removed).
    pub builtin: bool,
    /// Installed from a package (can be removed when no assessment uses it).
    pub package: bool,
    /// Its benchmarks' ids, the default first.
    pub benchmarks: Vec<String>,
}

fn info(l: Listed) -> QuestionnaireInfo {
    QuestionnaireInfo {
        id: l.id,
        version: l.version,
        title: Text {
            ja: l.title.ja,
            en: l.title.en,
        },
        items: l.items,
        builtin: l.builtin,
        package: l.package,
        benchmarks: l.benchmarks,
    }
}

fn list_of(state: &AppState) -> Vec<QuestionnaireInfo> {
    csirt_usecase::questionnaires::list(&state.catalog(), &state.packages_dir())
        .into_iter()
        .map(info)
        .collect()
}

/// The package the user picks (or the test hook's), read whole up to the size a package may
/// have; `None` when cancelled.
fn choose_package(
    app: &AppHandle,
    hooks: &TestHooks,
) -> Result<Option<(PathBuf, Vec<u8>)>, AppError> {
    let path = match &hooks.open_package {
        Some(p) => p.clone(),
        None => {
            let chosen = app
                .dialog()
                .file()
                .add_filter("ZIP", &["zip"])
                .blocking_pick_file();
            match chosen.and_then(|p| p.as_path().map(Path::to_path_buf)) {
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
    // One byte more than allowed, so a larger file is refused as such by the model.
    file.take(MAX_PACKAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(Some((path, bytes)))
}

use crate::Reply;

/// Every questionnaire, built-in ones first.
#[tauri::command]
pub async fn list_questionnaires(state: State<'_, AppState>) -> Reply<Vec<QuestionnaireInfo>> {
    Ok(list_of(&state))
}

/// Imports a questionnaire package chosen in the file dialog; `None` when the user cancelled.
/// A package that fails is refused with every problem (file and line) and leaves nothing.
#[tauri::command]
pub async fn import_questionnaire(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<QuestionnaireInfo>> {
    let result: Result<_, AppError> = async {
        let hooks = state.hooks.clone();
        let catalog = state.catalog();
        let root = state.packages_dir();
        let installed = AppState::blocking(move || {
            let Some((path, bytes)) = choose_package(&app, &hooks)? else {
                return Ok(None);
            };
            // Messages name the file, not the folder it was picked from.
            let name = path.file_name().map_or_else(|| path.clone(), PathBuf::from);
            let (_, set) = csirt_usecase::questionnaires::install(&catalog, &root, &name, &bytes)?;
            Ok(Some(set))
        })
        .await?;
        let Some(set) = installed else {
            return Ok(None);
        };
        let id = set.questionnaire.id.clone();
        state.replace_catalog(state.catalog().with(set));
        Ok(list_of(&state).into_iter().find(|q| q.id == id))
    }
    .await;
    state.reply(result)
}

/// Removes an installed package that no stored assessment uses, and returns the list after.
#[tauri::command]
pub async fn remove_questionnaire(
    state: State<'_, AppState>,
    input: Input<QuestionnaireInput>,
) -> Reply<Vec<QuestionnaireInfo>> {
    let result: Result<_, AppError> = async {
        let id = input.get()?.id;
        let root = state.packages_dir();
        let removed = id.clone();
        // Under the store's lock, so no assessment of it is created meanwhile.
        state
            .with_store(move |s, c| {
                csirt_usecase::questionnaires::remove(s, c, &root, &removed)?;
                Ok(())
            })
            .await?;
        state.replace_catalog(state.catalog().without(&id));
        Ok(list_of(&state))
    }
    .await;
    state.reply(result)
}

/// The CSIRT forms an organisation can have: the model's one list (the contribution profile's).
#[tauri::command]
pub async fn csirt_forms(state: State<'_, AppState>) -> Reply<Vec<ProfileChoice>> {
    state.reply(Ok(crate::contribute::options().forms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_model::Catalog;

    #[test]
    fn the_list_marks_built_in_questionnaires_and_the_forms_come_from_the_model() {
        let (catalog, _) = Catalog::load(None).unwrap();
        let root = Path::new("/nonexistent");
        let listed: Vec<QuestionnaireInfo> = csirt_usecase::questionnaires::list(&catalog, root)
            .into_iter()
            .map(info)
            .collect();
        let ids: Vec<&str> = listed.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["jpcert-2015", "sim3", "psirt", "csirt-roles"]);
        assert!(listed.iter().all(|q| q.builtin && !q.package));
        let forms: Vec<String> = crate::contribute::options()
            .forms
            .into_iter()
            .map(|f| f.key)
            .collect();
        assert!(forms.contains(&"coordinating".to_string()), "{forms:?}");
    }

    fn zip_of(name: &str, text: &str) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_broken_package_reaches_the_ui_line_by_line_and_a_taken_id_names_both() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/packages/small-survey/questionnaire.toml");
        let text = std::fs::read_to_string(fixture).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::load(None).unwrap();
        let broken = zip_of(
            "questionnaire.toml",
            &text.replace("type = \"scale\"", "type = 3"),
        );
        let e: AppError = csirt_usecase::questionnaires::install(
            &catalog,
            dir.path(),
            Path::new("p.zip"),
            &broken,
        )
        .unwrap_err()
        .into();
        let payload = e.payload(csirt_model::Lang::Ja);
        assert_eq!(payload.message, "データファイルが正しくありません");
        assert!(
            payload.problems[0]
                .message
                .starts_with("p.zip/questionnaire.toml:37: 書き方が正しくありません"),
            "{:?}",
            payload.problems
        );
        assert_eq!(std::fs::read_dir(dir.path()).map_or(0, |d| d.count()), 0);

        let shadow = zip_of(
            "questionnaire.toml",
            &text.replace("id = \"small-survey\"", "id = \"psirt\""),
        );
        let e: AppError = csirt_usecase::questionnaires::install(
            &catalog,
            dir.path(),
            Path::new("p.zip"),
            &shadow,
        )
        .unwrap_err()
        .into();
        let payload = e.payload(csirt_model::Lang::En);
        assert_eq!(payload.kind, crate::wire::ErrorKind::InvalidInput);
        assert!(
            payload.message.contains("the built-in questionnaire"),
            "{}",
            payload.message
        );
    }
}
