//! The dashboard's "Staffing by role" card: its payload and its command, which reads the
//! assessment under the store's lock and asks the use-case layer for the chart, the summary and
//! the advice after it is released. Nothing is decided here.

use crate::error::AppError;
use crate::input::Input;
use crate::state::AppState;
use crate::wire::RadarInput;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// Staffing by role, drawn and worded by the core in the language asked for.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StaffingCard {
    /// The role-coverage chart (SVG from csirt-report).
    pub svg: String,
    pub summary: String,
    /// The uncovered roles first, then where a vendor fits or does not.
    pub advice: Vec<String>,
}

use crate::Reply;

/// The card, or null when the assessment's questionnaire has no roles.
#[tauri::command]
pub async fn staffing_card(
    state: State<'_, AppState>,
    input: Input<RadarInput>,
) -> Reply<Option<StaffingCard>> {
    let result = async {
        let input = input.get()?;
        let lang = csirt_model::Lang::from(input.language);
        state
            .read_then(
                move |s, c| Ok(csirt_usecase::view::read(s, c, input.assessment_id)?),
                move |data, c| -> Result<Option<StaffingCard>, AppError> {
                    let set = c.get(&data.row.questionnaire_id)?;
                    Ok(csirt_usecase::staffing::staffing_card(
                        &set.questionnaire,
                        &data.assessment,
                        lang,
                    )
                    .map(|card| StaffingCard {
                        svg: card.svg,
                        summary: card.summary,
                        advice: card.advice,
                    }))
                },
            )
            .await
    }
    .await;
    state.reply(result)
}
