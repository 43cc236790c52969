//! The Action plan screen's commands and payloads: the plan of an assessment with each action's
//! derived state and the open-actions chart, adding an action (from a gap), saving a change as
//! it is typed, and exporting the plan as CSV or XLSX. Thin adapters over csirt-store,
//! csirt-scoring, csirt-export and csirt-report; the TypeScript mirrors of the core types are
//! here too (`mirror.rs` is full).

use crate::error::AppError;
use crate::files;
use crate::input::Input;
use crate::state::AppState;
use crate::wire::{ExportFormat, Lang, SavedFile, Text};
use csirt_model::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tauri::{AppHandle, State};
use ts_rs::TS;

// ------------------------------------------------------------------ mirrors of the core types

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl From<ActionStatus> for csirt_model::ActionStatus {
    fn from(s: ActionStatus) -> Self {
        match s {
            ActionStatus::Planned => csirt_model::ActionStatus::Planned,
            ActionStatus::InProgress => csirt_model::ActionStatus::InProgress,
            ActionStatus::Done => csirt_model::ActionStatus::Done,
            ActionStatus::Dropped => csirt_model::ActionStatus::Dropped,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ActionNote {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<ActionStatus>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ActionFlag {
    DoneButAnswersDidNotMove,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ActionState {
    Achieved,
    Flagged,
    Done,
    Dropped,
    Overdue,
    Open,
}

/// An action as the plan shows it (csirt_scoring::ActionView).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ActionView {
    pub id: String,
    pub items: Vec<String>,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub status: ActionStatus,
    pub achieved_in: Option<String>,
    pub flag: Option<ActionFlag>,
    pub overdue: bool,
    pub state: ActionState,
    pub targets: HashMap<String, String>,
    pub created: String,
    pub last_status_change: String,
    pub notes: Vec<ActionNote>,
    pub origin: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OpenPoint {
    pub date: String,
    pub open: usize,
}

// ------------------------------------------------------------------ payloads

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// Language of the chart.
    pub language: Lang,
}

/// A new action: from a gap (one item, no title: the recommendation is the title) or typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddActionInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub items: Vec<String>,
    pub title: Option<String>,
    pub owner: String,
    /// YYYY-MM-DD.
    pub due: String,
    /// Language of the default title and the chart.
    pub language: Lang,
}

/// One change to an action, saved as typed; null fields stay as they are.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UpdateActionInput {
    /// The plan to answer with.
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub action_id: String,
    pub status: Option<ActionStatus>,
    pub title: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub note: Option<String>,
    pub language: Lang,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlanExportInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// csv or xlsx.
    pub format: ExportFormat,
    pub language: Lang,
}

/// The plan of an assessment, with the open-actions chart drawn by csirt-report.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanView {
    #[ts(as = "Vec<ActionView>")]
    pub actions: Vec<csirt_scoring::ActionView>,
    #[ts(as = "Vec<OpenPoint>")]
    pub open_over_time: Vec<csirt_scoring::OpenPoint>,
    pub svg: String,
    /// Today, as the overdue test used it.
    pub today: String,
}

// ------------------------------------------------------------------ commands

use crate::Reply;

/// Reads the plan under the store's lock, then draws the chart after it is released.
async fn plan_view(state: &AppState, assessment_id: i64, lang: Lang) -> Result<PlanView, AppError> {
    let lang = csirt_model::Lang::from(lang);
    state
        .read_then(
            move |s, c| Ok(s.plan_context(c, assessment_id)?),
            move |context, c| {
                let today = Date::today();
                let actions = csirt_usecase::plan::views_from(c, &context, today)?;
                let open_over_time = csirt_usecase::plan::open_over_time(&context, today);
                let svg = csirt_report::charts::open_actions_svg(&open_over_time, lang);
                Ok(PlanView {
                    actions,
                    open_over_time,
                    svg,
                    today: today.to_string(),
                })
            },
        )
        .await
}

#[tauri::command]
pub async fn action_plan(state: State<'_, AppState>, input: Input<PlanInput>) -> Reply<PlanView> {
    let result = async {
        let input = input.get()?;
        plan_view(&state, input.assessment_id, input.language).await
    }
    .await;
    state.reply(result)
}

#[tauri::command]
pub async fn add_action(
    state: State<'_, AppState>,
    input: Input<AddActionInput>,
) -> Reply<PlanView> {
    let result = async {
        let input = input.get()?;
        let (id, lang) = (input.assessment_id, input.language);
        state
            .with_store(move |s, c| {
                let row = s.assessment(id)?;
                let set = c.get(&row.questionnaire_id)?;
                let draft = csirt_store::ActionDraft {
                    items: input.items,
                    title: input.title,
                    owner: input.owner,
                    due: input.due,
                };
                csirt_usecase::plan::add_action(s, set, id, &draft, csirt_model::Lang::from(lang))?;
                Ok(())
            })
            .await?;
        plan_view(&state, id, lang).await
    }
    .await;
    state.reply(result)
}

#[tauri::command]
pub async fn update_action(
    state: State<'_, AppState>,
    input: Input<UpdateActionInput>,
) -> Reply<PlanView> {
    let result = async {
        let input = input.get()?;
        let (id, lang) = (input.assessment_id, input.language);
        state
            .with_store(move |s, c| {
                let change = csirt_store::ActionChange {
                    status: input.status.map(Into::into),
                    title: input.title,
                    owner: input.owner,
                    due: input.due,
                    note: input.note,
                };
                s.update_action(c, &input.action_id, &change)?;
                Ok(())
            })
            .await?;
        plan_view(&state, id, lang).await
    }
    .await;
    state.reply(result)
}

#[tauri::command]
pub async fn export_plan(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Input<PlanExportInput>,
) -> Reply<SavedFile> {
    let result = async {
        let input = input.get()?;
        let (id, format) = (input.assessment_id, input.format);
        let lang = csirt_model::Lang::from(input.language);
        let (exported, name) = state
            .read_then(
                move |s, c| Ok((s.assessment(id)?, s.plan_context(c, id)?)),
                move |(row, context), c| {
                    let views = csirt_usecase::plan::views_from(c, &context, Date::today())?;
                    let q = &c.get(&row.questionnaire_id)?.questionnaire;
                    let exported = match format {
                        ExportFormat::Csv => csirt_export::plan_csv(q, &views, lang)?,
                        ExportFormat::Xlsx => csirt_export::plan_xlsx(q, &views, lang)?,
                        _ => {
                            return Err(AppError::InvalidInput(csirt_model::bi!(
                                "対策計画は CSV か XLSX で書き出せます",
                                "the action plan exports as CSV or XLSX"
                            )))
                        }
                    };
                    let stem = Text {
                        ja: "対策計画".into(),
                        en: "action-plan".into(),
                    };
                    let ext = if matches!(format, ExportFormat::Csv) {
                        "csv"
                    } else {
                        "xlsx"
                    };
                    let stem = if lang == csirt_model::Lang::Ja {
                        stem.ja
                    } else {
                        stem.en
                    };
                    Ok((exported, format!("{stem}-{}.{ext}", row.date)))
                },
            )
            .await?;
        let hooks = state.hooks.clone();
        let warnings: Vec<String> = exported
            .warnings
            .iter()
            .map(|w| w.get(lang).to_string())
            .collect();
        let path = AppState::blocking(move || {
            files::save_chosen(&app, &hooks, &name, format, false, &exported.bytes)
        })
        .await?;
        Ok(SavedFile {
            path: path.map(|p| p.display().to_string()),
            warnings,
        })
    }
    .await;
    state.reply(result)
}
