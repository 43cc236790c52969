//! The Workshop screen's commands: respondents, their answers, the divergence with its
//! states and open count, and the agreed answers. Thin adapters over the store and
//! `csirt_usecase::view`.

use crate::commands::questionnaire_of;
use crate::input::Input;
use crate::state::AppState;
use crate::view;
use crate::wire::{
    AssessmentView, ConsensusInput, IdInput, NewRespondent, RespondentAnswers, RespondentInput,
    UpdateRespondentInput, WorkshopInput, WorkshopView,
};
use csirt_store::RespondentRow;
use tauri::State;

use crate::Reply;

#[tauri::command]
pub async fn list_respondents(
    state: State<'_, AppState>,
    input: Input<IdInput>,
) -> Reply<Vec<RespondentRow>> {
    reply!(state, {
        let id = input.get()?.id;
        state
            .with_store(move |s, _| Ok(s.list_respondents(id)?))
            .await
    })
}

#[tauri::command]
pub async fn add_respondent(
    state: State<'_, AppState>,
    input: Input<NewRespondent>,
) -> Reply<Vec<RespondentRow>> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, _| {
                s.add_respondent(input.assessment_id, &input.name, input.role.as_deref())?;
                Ok(s.list_respondents(input.assessment_id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn update_respondent(
    state: State<'_, AppState>,
    input: Input<UpdateRespondentInput>,
) -> Reply<Vec<RespondentRow>> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, _| {
                s.update_respondent(
                    input.assessment_id,
                    input.respondent_id,
                    &input.name,
                    input.role.as_deref(),
                )?;
                Ok(s.list_respondents(input.assessment_id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn delete_respondent(
    state: State<'_, AppState>,
    input: Input<RespondentInput>,
) -> Reply<Vec<RespondentRow>> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, _| {
                s.delete_respondent(input.assessment_id, input.respondent_id)?;
                Ok(s.list_respondents(input.assessment_id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn respondent_answers(
    state: State<'_, AppState>,
    input: Input<RespondentInput>,
) -> Reply<RespondentAnswers> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                let own =
                    s.load_respondent_assessment(&q, input.assessment_id, input.respondent_id)?;
                Ok(RespondentAnswers {
                    answers: own.answers.0.into_iter().collect(),
                    other: own.other.0.into_iter().collect(),
                    comments: own.comments.0.into_iter().collect(),
                    evidence: own.evidence.0.into_iter().collect(),
                    completeness: csirt_usecase::view::progress(
                        s,
                        c,
                        input.assessment_id,
                        Some(input.respondent_id),
                    )?,
                })
            })
            .await
    })
}

#[tauri::command]
pub async fn workshop(
    state: State<'_, AppState>,
    input: Input<WorkshopInput>,
) -> Reply<WorkshopView> {
    reply!(state, {
        let input = input.get()?;
        let hidden = state.answers_hidden(input.assessment_id);
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                let divergence = csirt_usecase::view::divergence(
                    s,
                    &q,
                    input.assessment_id,
                    &input.facilitator,
                )?;
                let open = csirt_scoring::open_items(&divergence);
                let (divergence, notes) = if hidden {
                    (
                        divergence.iter().map(csirt_scoring::hidden).collect(),
                        Vec::new(),
                    )
                } else {
                    let notes = s.named_notes(&q, input.assessment_id, &input.facilitator)?;
                    (divergence, notes)
                };
                Ok(WorkshopView {
                    respondents: s.list_respondents(input.assessment_id)?,
                    divergence,
                    consensus_notes: s.consensus_notes(input.assessment_id)?,
                    notes,
                    open,
                    hidden,
                })
            })
            .await
    })
}

#[tauri::command]
pub async fn set_consensus(
    state: State<'_, AppState>,
    input: Input<ConsensusInput>,
) -> Reply<AssessmentView> {
    reply!(state, {
        let input = input.get()?;
        state
            .read_then(
                move |s, c| {
                    let q = questionnaire_of(s, c, input.assessment_id)?;
                    s.set_consensus(
                        &q,
                        input.assessment_id,
                        &input.item,
                        input.answer.as_ref(),
                        input.other_text.as_deref(),
                        input.note.as_deref(),
                    )?;
                    view::read(s, c, input.assessment_id)
                },
                view::score,
            )
            .await
    })
}
