//! Prefilling in the app: the organisation's assessments that can start one of another
//! questionnaire (`prefill_sources`), starting it with the derived answers marked
//! (`start_prefilled`), and confirming a derived answer as it stands (`confirm_derived`). Thin
//! adapters over `csirt_usecase::prefill` and the store; the TypeScript mirrors of the derived
//! marks and of the count the score carries are here too.

use crate::commands::assessment_date;
use crate::input::Input;
use crate::state::AppState;
use crate::view;
use crate::wire::{AssessmentView, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tauri::State;
use ts_rs::TS;

// ------------------------------------------------------------------ mirrors of the core types

/// The assessment derived answers came from (csirt_model::DerivedSource).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DerivedSource {
    pub questionnaire: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<String>,
}

/// The derived answers not yet confirmed, by item, each with its source items
/// (csirt_model::Derivation).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    pub source: DerivedSource,
    pub items: HashMap<String, Vec<String>>,
}

/// How many scored answers are derived and unconfirmed, the line saying so and each one's label
/// (csirt_scoring::DerivedCount).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DerivedCount {
    pub unconfirmed: usize,
    pub answered: usize,
    pub source: DerivedSource,
    pub note: Text,
    pub label: Text,
}

/// An assessment of the organisation that can start one of the chosen questionnaire
/// (csirt_usecase::prefill::PrefillSource).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PrefillSource {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub date: String,
    pub questionnaire: String,
    pub title: Text,
    pub target: String,
    pub target_title: Text,
    pub informs: usize,
    pub offer: Text,
}

// ------------------------------------------------------------------ inputs

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PrefillSourcesInput {
    #[ts(type = "number")]
    pub organisation_id: i64,
    /// The questionnaire the new assessment will use; every loaded one when null.
    pub questionnaire: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StartPrefilledInput {
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub questionnaire: String,
    /// YYYY-MM-DD; today when null.
    pub date: Option<String>,
    /// The assessment of the same organisation to derive the answers from.
    #[ts(type = "number")]
    pub from: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ConfirmDerivedInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// One item's derived answer, or every one when null.
    pub item: Option<String>,
}

// ------------------------------------------------------------------ commands

use crate::Reply;

#[tauri::command]
pub async fn prefill_sources(
    state: State<'_, AppState>,
    input: Input<PrefillSourcesInput>,
) -> Reply<Vec<csirt_usecase::prefill::PrefillSource>> {
    let result = async {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                Ok(csirt_usecase::prefill::sources(
                    s,
                    c,
                    input.organisation_id,
                    input.questionnaire.as_deref(),
                )?)
            })
            .await
    }
    .await;
    state.reply(result)
}

#[tauri::command]
pub async fn start_prefilled(
    state: State<'_, AppState>,
    input: Input<StartPrefilledInput>,
) -> Reply<csirt_store::AssessmentRow> {
    let result = async {
        let input = input.get()?;
        let date = assessment_date(input.date.as_deref())?;
        let lang = state.language();
        state
            .with_store(move |s, c| {
                let made = csirt_usecase::prefill::start_prefilled(
                    s,
                    c,
                    input.organisation_id,
                    &input.questionnaire,
                    date.as_deref(),
                    lang,
                    input.from,
                )?;
                Ok(s.assessment(made.assessment_id)?)
            })
            .await
    }
    .await;
    state.reply(result)
}

#[tauri::command]
pub async fn confirm_derived(
    state: State<'_, AppState>,
    input: Input<ConfirmDerivedInput>,
) -> Reply<AssessmentView> {
    let result = async {
        let input = input.get()?;
        let id = input.assessment_id;
        state
            .read_then(
                move |s, c| {
                    let q = crate::commands::questionnaire_of(s, c, id)?;
                    s.confirm_derived(&q, id, input.item.as_deref())?;
                    view::read(s, c, id)
                },
                view::score,
            )
            .await
    }
    .await;
    state.reply(result)
}
