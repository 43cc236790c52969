//! The workshop's commands for a room on one laptop: hiding the individual answers until the
//! facilitator reveals them (kept in the shell's memory for the session), and several
//! respondents' files imported at once, each named after its file. Thin adapters over
//! `csirt_usecase::workshop`.

use crate::error::AppError;
use crate::files;
use crate::input::Input;
use crate::state::AppState;
use crate::wire::{BulkImportInput, BulkImportRow, HideAnswersInput};
use csirt_model::Localized;
use tauri::{AppHandle, State};

use crate::Reply;

/// Hides the workshop's individual answers until the facilitator reveals them, or reveals
/// them: for this session only (the shell's memory, not the store).
#[tauri::command]
pub async fn hide_answers(state: State<'_, AppState>, input: Input<HideAnswersInput>) -> Reply<()> {
    reply!(state, {
        let input = input.get()?;
        state.set_answers_hidden(input.assessment_id, input.hidden);
        Ok(())
    })
}

/// Several respondents' files added to a workshop at once, each named after its file: every
/// file is read and checked before the store is taken, then imported in its own transaction;
/// each refusal is listed with its file, in the UI's language.
#[tauri::command]
pub async fn import_respondents(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Input<BulkImportInput>,
) -> Reply<Vec<BulkImportRow>> {
    reply!(state, {
        let input = input.get()?;
        let hooks = state.hooks.clone();
        let catalog = state.catalog();
        let lang = state.language();
        let read = AppState::blocking(move || {
            let Some(files) = files::choose_and_read_respondent_files(&app, &hooks) else {
                return Ok(Vec::new());
            };
            Ok(files
                .into_iter()
                .map(|(path, bytes)| {
                    let file = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.display().to_string());
                    let checked = bytes.and_then(|b| {
                        csirt_usecase::workshop::read_respondent_file(&catalog, &file, &b)
                            .map_err(AppError::from)
                    });
                    (file, checked)
                })
                .collect::<Vec<_>>())
        })
        .await?;
        let catalog = state.catalog();
        state
            .with_store(move |s, _| {
                Ok(read
                    .into_iter()
                    .map(|(file, checked)| {
                        let name = csirt_usecase::workshop::respondent_name(&file);
                        let done = checked.and_then(|a| {
                            csirt_usecase::workshop::import_respondent(
                                s,
                                &catalog,
                                input.assessment_id,
                                &name,
                                &a,
                            )
                            .map_err(AppError::from)
                        });
                        BulkImportRow {
                            file,
                            name,
                            respondent_id: done.as_ref().ok().copied(),
                            error: done.err().map(|e| e.localized(lang)),
                        }
                    })
                    .collect())
            })
            .await
    })
}
