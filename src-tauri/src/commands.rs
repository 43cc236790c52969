//! The Tauri commands: thin adapters that take a payload, call the core crates on a blocking
//! thread, and return their result. Anything worth computing belongs in a core crate.
//!
//! Each command reads its `input` itself ([`Input`]) and answers through [`AppState::reply`],
//! so every error, a malformed payload's included, reaches the UI in the UI's language. Work
//! that takes time (scoring, rendering, sealing, charts) runs after the store is released
//! ([`AppState::read_then`]).

use crate::benchmarks;
use crate::contribute;
use crate::error::AppError;
use crate::export;
use crate::files;
use crate::input::Input;
use crate::state::{self, AppState};
use crate::view;
use crate::wire::AboutView;
use crate::wire::{
    AppInfo, AssessmentSummary, AssessmentView, CreateAssessmentInput, ExportInput, IdInput,
    ImportInput, Imported, ItemInput, LanguageInput, ListAssessmentsInput, OrganisationInput,
    QuestionnaireInput, RadarInput, SaveAnswerInput, SaveNoteInput, SavedFile, SetStatusInput,
    SetTargetInput, TrendInput, TrendView, UpdateOrganisationInput,
};
use crate::wire::{BenchmarkInfo, LogoInfo, SetBenchmarkInput};
use crate::wire::{ContributionInput, ContributionPreview, ExportFormat, SaveContributionInput};
use csirt_model::{assessment, Catalog, Lang, Questionnaire};
use csirt_scoring::{Completeness, PeerMatch};
use csirt_store::{AssessmentRow, OrganisationRow, Store};
use std::sync::Arc;
use tauri::{AppHandle, State};

// The Action plan screen's commands live in `plan.rs`.
pub use crate::plan::*;
pub use crate::staffing::*;
// So are prefilling's, in `prefill.rs`.
pub use crate::prefill::*;
// The Questionnaires screen's commands live in `questionnaires.rs`.
pub use crate::questionnaires::*;
pub use crate::workshop::*;
// The Workshop screen's respondents, divergence and agreed answers, in `respondents.rs`.
pub use crate::respondents::*;
// The assessor's narrative, in `narrative.rs`.
pub use crate::narrative::*;

type Res<T> = Result<T, AppError>;
use crate::Reply;

/// The questionnaire an assessment was answered against.
pub(crate) fn questionnaire_of(
    store: &Store,
    catalog: &Catalog,
    id: i64,
) -> Res<Arc<Questionnaire>> {
    let row = store.assessment(id)?;
    Ok(Arc::clone(
        &catalog.get(&row.questionnaire_id)?.questionnaire,
    ))
}

/// A new assessment's date as typed: checked by the model's one date rule (a real calendar day,
/// `YYYY-MM-DD`), written back in its canonical form; `None` means today.
pub fn assessment_date(date: Option<&str>) -> Res<Option<String>> {
    date.map(|d| {
        csirt_model::date::parse_date(d)
            .map(|d| d.to_string())
            .map_err(AppError::InvalidInput)
    })
    .transpose()
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        language: state.language(),
        db_path: state.db_path.display().to_string(),
        startup_error: state.startup_error(),
        about: AboutView::from(csirt_model::about::About::of(
            &state.catalog(),
            csirt_report::fonts::licences(),
        )),
        opened_file: state.opened().map(|p| p.display().to_string()),
    })
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, input: Input<LanguageInput>) -> Reply<()> {
    reply!(state, {
        let lang = Lang::from(input.get()?.language);
        state
            .with_store(move |s, _| Ok(s.set_setting(state::LANGUAGE, lang.code())?))
            .await?;
        state.set_language(lang);
        Ok(())
    })
}

#[tauri::command]
pub async fn get_questionnaire(
    state: State<'_, AppState>,
    input: Input<QuestionnaireInput>,
) -> Reply<Arc<Questionnaire>> {
    reply!(state, {
        let id = input.get()?.id;
        Ok(Arc::clone(&state.catalog().get(&id)?.questionnaire))
    })
}

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Reply<Vec<OrganisationRow>> {
    reply!(state, {
        state.with_store(|s, _| Ok(s.list_organisations()?)).await
    })
}

#[tauri::command]
pub async fn create_organisation(
    state: State<'_, AppState>,
    input: Input<OrganisationInput>,
) -> Reply<OrganisationRow> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, _| {
                let id = s.add_organisation(&input.into())?;
                Ok(s.organisation(id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    input: Input<UpdateOrganisationInput>,
) -> Reply<OrganisationRow> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, _| {
                s.update_organisation(input.id, &input.organisation.into())?;
                Ok(s.organisation(input.id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn delete_organisation(state: State<'_, AppState>, input: Input<IdInput>) -> Reply<()> {
    reply!(state, {
        let id = input.get()?.id;
        state
            .with_store(move |s, _| Ok(s.delete_organisation(id)?))
            .await
    })
}

#[tauri::command]
pub async fn list_assessments(
    state: State<'_, AppState>,
    input: Input<ListAssessmentsInput>,
) -> Reply<Vec<AssessmentSummary>> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                Ok(csirt_usecase::view::summaries(s, c, input.organisation_id)?
                    .into_iter()
                    .map(|a| AssessmentSummary {
                        row: a.row,
                        overall: a.overall,
                        answerable: a.answerable,
                        missing: a.missing,
                    })
                    .collect())
            })
            .await
    })
}

#[tauri::command]
pub async fn create_assessment(
    state: State<'_, AppState>,
    input: Input<CreateAssessmentInput>,
) -> Reply<AssessmentRow> {
    reply!(state, {
        let input = input.get()?;
        let date = assessment_date(input.date.as_deref())?;
        let lang = state.language();
        state
            .with_store(move |s, c| {
                // The questionnaire the user chose; the JPCERT/CC 2015 one when none is named.
                let id = input.questionnaire.as_deref();
                let set = c.get(id.unwrap_or(csirt_model::load::BUILTIN_ID))?;
                let id = s.create_assessment(
                    input.organisation_id,
                    &set.questionnaire,
                    date.as_deref(),
                    lang,
                )?;
                Ok(s.assessment(id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn delete_assessment(state: State<'_, AppState>, input: Input<IdInput>) -> Reply<()> {
    reply!(state, {
        let id = input.get()?.id;
        state
            .with_store(move |s, _| Ok(s.delete_assessment(id)?))
            .await
    })
}

#[tauri::command]
pub async fn set_assessment_status(
    state: State<'_, AppState>,
    input: Input<SetStatusInput>,
) -> Reply<AssessmentRow> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, _| {
                s.set_status(input.id, input.status.into())?;
                Ok(s.assessment(input.id)?)
            })
            .await
    })
}

#[tauri::command]
pub async fn load_assessment(
    state: State<'_, AppState>,
    input: Input<IdInput>,
) -> Reply<AssessmentView> {
    reply!(state, {
        let id = input.get()?.id;
        state
            .read_then(move |s, c| view::read(s, c, id), view::score)
            .await
    })
}

#[tauri::command]
pub async fn save_answer(
    state: State<'_, AppState>,
    input: Input<SaveAnswerInput>,
) -> Reply<Completeness> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                s.save_answer(
                    &q,
                    input.assessment_id,
                    input.respondent_id,
                    &input.item,
                    &input.answer,
                    input.other_text.as_deref(),
                )?;
                Ok(csirt_usecase::view::progress(
                    s,
                    c,
                    input.assessment_id,
                    input.respondent_id,
                )?)
            })
            .await
    })
}

#[tauri::command]
pub async fn clear_answer(
    state: State<'_, AppState>,
    input: Input<ItemInput>,
) -> Reply<Completeness> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                s.clear_answer(input.assessment_id, input.respondent_id, &input.item)?;
                Ok(csirt_usecase::view::progress(
                    s,
                    c,
                    input.assessment_id,
                    input.respondent_id,
                )?)
            })
            .await
    })
}

#[tauri::command]
pub async fn save_note(state: State<'_, AppState>, input: Input<SaveNoteInput>) -> Reply<()> {
    reply!(state, {
        let input = input.get()?;
        state
            .with_store(move |s, c| {
                let q = questionnaire_of(s, c, input.assessment_id)?;
                Ok(s.save_note(
                    &q,
                    input.assessment_id,
                    input.respondent_id,
                    &input.item,
                    input.comment.as_deref(),
                    input.evidence.as_deref(),
                )?)
            })
            .await
    })
}

#[tauri::command]
pub async fn set_target(
    state: State<'_, AppState>,
    input: Input<SetTargetInput>,
) -> Reply<AssessmentView> {
    reply!(state, {
        let input = input.get()?;
        state
            .read_then(
                move |s, c| {
                    let q = questionnaire_of(s, c, input.assessment_id)?;
                    s.set_target(&q, input.assessment_id, &input.item, input.key.as_deref())?;
                    view::read(s, c, input.assessment_id)
                },
                view::score,
            )
            .await
    })
}

#[tauri::command]
pub async fn radar_svg(state: State<'_, AppState>, input: Input<RadarInput>) -> Reply<String> {
    reply!(state, {
        let input = input.get()?;
        let lang = Lang::from(input.language);
        state
            .read_then(
                move |s, c| view::read(s, c, input.assessment_id),
                move |data, c| files::radar_svg(&view::score(data, c)?.report, lang),
            )
            .await
    })
}

#[tauri::command]
pub async fn export_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Input<ExportInput>,
) -> Reply<SavedFile> {
    reply!(state, {
        let input = input.get()?;
        let format = input.format;
        let encrypted = input.passphrase.is_some();
        let options = export::options(&input, state.logo())?;
        let file = export::run(&state, input, options, export::make).await?;
        let hooks = state.hooks.clone();
        let warnings = file.warnings.clone();
        let path = AppState::blocking(move || {
            files::save_chosen(&app, &hooks, &file.name, format, encrypted, &file.bytes)
        })
        .await?;
        Ok(SavedFile {
            path: path.map(|p| p.display().to_string()),
            warnings,
        })
    })
}

#[tauri::command]
pub async fn import_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Input<ImportInput>,
) -> Reply<Imported> {
    reply!(state, {
        let input = input.get()?;
        let hooks = state.hooks.clone();
        let pending = state.pending_import.clone();
        let passphrase = input.passphrase.clone();
        // The file the app was opened with, when the user asked to import it.
        let given = state.opened().filter(|_| input.opened == Some(true));
        let catalog = state.catalog();
        // Choosing, reading, decrypting, parsing and validating the file: all before the store
        // is taken.
        let parsed = AppState::blocking(move || {
            let Some(bytes) =
                files::read_import(&app, &hooks, &pending, passphrase.as_deref(), given)?
            else {
                return Ok(None);
            };
            let a = assessment::parse(&bytes)?;
            assessment::validate(&a, &catalog)?;
            Ok(Some(a))
        })
        .await?;
        let Some(a) = parsed else {
            return Ok(Imported {
                assessment_id: None,
                respondent_id: None,
                notice: None,
            });
        };
        state
            .with_store(move |s, c| {
                let set = c.get(&a.questionnaire)?;
                let notice = assessment::version_notice(&a, &set.questionnaire);
                Ok(match input.respondent {
                    Some(r) => Imported {
                        assessment_id: Some(r.assessment_id),
                        respondent_id: Some(s.import_as_respondent(
                            &set.questionnaire,
                            r.assessment_id,
                            &r.name,
                            r.role.as_deref(),
                            &a,
                        )?),
                        notice,
                    },
                    None => Imported {
                        assessment_id: Some(s.import(
                            &set.questionnaire,
                            &a,
                            input.organisation_id,
                        )?),
                        respondent_id: None,
                        notice,
                    },
                })
            })
            .await
    })
}

#[tauri::command]
pub async fn trend(state: State<'_, AppState>, input: Input<TrendInput>) -> Reply<TrendView> {
    reply!(state, {
        let input = input.get()?;
        let lang = Lang::from(input.language);
        state
            .read_then(
                move |s, c| {
                    let row = s.assessment(input.assessment_id)?;
                    let q = questionnaire_of(s, c, input.assessment_id)?;
                    // Up to this assessment, as its PDF shows it: an older one is not compared
                    // with what came after it. Read here, scored after the lock is released.
                    let history = s.history(
                        c,
                        row.organisation_id,
                        &row.questionnaire_id,
                        Some(&row.date),
                    )?;
                    Ok((history, q))
                },
                move |(history, q), c| {
                    let trend = csirt_usecase::view::trend_of(c, &history)?;
                    let hidden = input.hidden_areas.unwrap_or_default();
                    let svg = csirt_report::charts::trend_svg_showing(&trend, &q, lang, &hidden);
                    let changes = csirt_scoring::trend_changes(&trend);
                    Ok(TrendView {
                        trend,
                        changes,
                        svg,
                    })
                },
            )
            .await
    })
}

#[tauri::command]
pub async fn peers(state: State<'_, AppState>, input: Input<IdInput>) -> Reply<Vec<PeerMatch>> {
    reply!(state, {
        let id = input.get()?.id;
        state
            .read_then(
                move |s, c| view::read(s, c, id),
                |data, c| view::peers_of(c, &view::score(data, c)?),
            )
            .await
    })
}

#[tauri::command]
pub async fn list_benchmarks(
    state: State<'_, AppState>,
    input: Input<QuestionnaireInput>,
) -> Reply<Vec<BenchmarkInfo>> {
    reply!(state, {
        let id = input.get()?.id;
        benchmarks::list(&state.catalog(), &id)
    })
}

/// Imports a benchmark file into the app-data folder; `None` when the user cancelled.
#[tauri::command]
pub async fn import_benchmark(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<BenchmarkInfo>> {
    reply!(state, {
        let hooks = state.hooks.clone();
        let catalog = state.catalog();
        let dir = state.benchmarks_dir();
        let imported = AppState::blocking(move || {
            let Some((path, bytes)) = benchmarks::choose_file(&app, &hooks)? else {
                return Ok(None);
            };
            benchmarks::import(&catalog, &dir, &path, &bytes).map(Some)
        })
        .await?;
        let Some((updated, questionnaire, id)) = imported else {
            return Ok(None);
        };
        let set = updated.get(&questionnaire)?;
        let entry = set.benchmark_by_id(&id)?;
        let info = benchmarks::info(set, entry);
        state.replace_catalog(updated);
        Ok(Some(info))
    })
}

/// Remembers the benchmark and segment of an assessment and returns it scored against them.
#[tauri::command]
pub async fn set_assessment_benchmark(
    state: State<'_, AppState>,
    input: Input<SetBenchmarkInput>,
) -> Reply<AssessmentView> {
    reply!(state, {
        let input = input.get()?;
        let id = input.assessment_id;
        state
            .read_then(
                move |s, c| {
                    let row = s.assessment(id)?;
                    let set = c.get(&row.questionnaire_id)?;
                    let choice = csirt_store::BenchmarkChoice {
                        benchmark: input.benchmark,
                        segment: input.segment,
                    };
                    s.set_benchmark_choice(set, id, &choice)?;
                    view::read(s, c, id)
                },
                view::score,
            )
            .await
    })
}

/// The contribution of an assessment to a pooled benchmark, for the person to read before
/// anything leaves the machine. Reads under the lock; builds after releasing it.
#[tauri::command]
pub async fn preview_contribution(
    state: State<'_, AppState>,
    input: Input<ContributionInput>,
) -> Reply<ContributionPreview> {
    reply!(state, {
        let input = input.get()?;
        let id = input.assessment_id;
        state
            .read_then(
                move |s, c| view::read(s, c, id),
                move |data, c| {
                    contribute::preview(
                        c,
                        &data.row.questionnaire_id,
                        &data.assessment,
                        &input,
                        input.language.into(),
                    )
                },
            )
            .await
    })
}

/// Saves exactly the previewed contribution, sealed when a collector's key is given.
#[tauri::command]
pub async fn save_contribution(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Input<SaveContributionInput>,
) -> Reply<SavedFile> {
    reply!(state, {
        let input = input.get()?;
        let catalog = state.catalog();
        let hooks = state.hooks.clone();
        let path = AppState::blocking(move || {
            let (bytes, name) =
                contribute::seal(&catalog, &input.json, input.recipient.as_deref())?;
            let encrypted = name.ends_with(".age");
            files::save_chosen(&app, &hooks, &name, ExportFormat::Json, encrypted, &bytes)
        })
        .await?;
        Ok(SavedFile {
            path: path.map(|p| p.display().to_string()),
            warnings: Vec::new(),
        })
    })
}

/// Chooses the cover logo for the reports exported after: a PNG or JPEG, checked and kept;
/// `None` when the user cancelled (the logo chosen before stays).
#[tauri::command]
pub async fn choose_logo(app: AppHandle, state: State<'_, AppState>) -> Reply<Option<LogoInfo>> {
    reply!(state, {
        let hooks = state.hooks.clone();
        let chosen = AppState::blocking(move || files::choose_logo(&app, &hooks)).await?;
        let Some((name, logo)) = chosen else {
            return Ok(None);
        };
        let info = LogoInfo {
            name,
            width: logo.width_px,
            height: logo.height_px,
        };
        state.set_logo(Some(logo));
        Ok(Some(info))
    })
}

/// Forgets the cover logo.
#[tauri::command]
pub async fn clear_logo(state: State<'_, AppState>) -> Reply<()> {
    reply!(state, {
        state.set_logo(None);
        Ok(())
    })
}
