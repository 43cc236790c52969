//! The assessor's own words: the executive message, the key findings and the gap notes,
//! each saved in its own transaction as typed.

use crate::commands::questionnaire_of;
use crate::input::Input;
use crate::state::AppState;
use crate::wire::{IdInput, SaveFindingsInput, SaveGapNoteInput, SaveMessageInput};
use tauri::State;

use crate::Reply;

/// The assessor's narrative of an assessment (empty parts absent), fitted to its questionnaire.
#[tauri::command]
pub async fn narrative(
    state: State<'_, AppState>,
    input: Input<IdInput>,
) -> Reply<csirt_model::Narrative> {
    reply!(state, {
        let id = input.get()?.id;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, id)?;
                Ok(s.load_assessment(&q, id)?.narrative.unwrap_or_default())
            })
            .await
    })
}

/// Saves the executive message as typed (autosave); blank clears it.
#[tauri::command]
pub async fn save_message(state: State<'_, AppState>, input: Input<SaveMessageInput>) -> Reply<()> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                Ok(s.set_message(&q, input.assessment_id, &input.message)?)
            })
            .await
    })
}

/// Saves the whole list of key findings (autosave); blank findings are dropped.
#[tauri::command]
pub async fn save_findings(
    state: State<'_, AppState>,
    input: Input<SaveFindingsInput>,
) -> Reply<()> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                Ok(s.set_findings(&q, input.assessment_id, &input.findings)?)
            })
            .await
    })
}

/// Saves the note on one gap ("why it matters here") as typed; blank clears it.
#[tauri::command]
pub async fn save_gap_note(
    state: State<'_, AppState>,
    input: Input<SaveGapNoteInput>,
) -> Reply<()> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                Ok(s.set_gap_note(&q, input.assessment_id, &input.item, &input.note)?)
            })
            .await
    })
}
