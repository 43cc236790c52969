//! The Tauri commands: thin adapters that take a payload, call the core crates on a blocking
//! thread, and return their result. Anything worth computing belongs in a core crate.

use crate::error::AppError;
use crate::files;
use crate::state::{self, AppState};
use crate::wire::{
    AppInfo, AssessmentSummary, AssessmentView, ConsensusInput, CreateAssessmentInput,
    ExportFormat, ExportInput, IdInput, ImportInput, Imported, ItemInput, LanguageInput,
    ListAssessmentsInput, NewRespondent, OrganisationInput, QuestionnaireInput, RadarInput,
    RespondentAnswers, RespondentInput, SaveAnswerInput, SaveNoteInput, SavedFile, SetStatusInput,
    SetTargetInput, TrendInput, TrendView, UpdateOrganisationInput, UpdateRespondentInput,
    WorkshopInput, WorkshopView,
};
use csirt_model::{assessment, Catalog, Lang, Questionnaire};
use csirt_scoring::{Completeness, PeerMatch};
use csirt_store::{AssessmentRow, OrganisationRow, RespondentRow, Store};
use std::sync::Arc;
use tauri::{AppHandle, State};

type Res<T> = Result<T, AppError>;

/// The questionnaire an assessment was answered against.
fn questionnaire_of(store: &Store, catalog: &Catalog, id: i64) -> Res<Arc<Questionnaire>> {
    let row = store.assessment(id)?;
    Ok(Arc::clone(
        &catalog.get(&row.questionnaire_id)?.questionnaire,
    ))
}

fn view(store: &Store, catalog: &Catalog, id: i64) -> Res<AssessmentView> {
    let row = store.assessment(id)?;
    let set = catalog.get(&row.questionnaire_id)?;
    let assessment = store.load_assessment(&set.questionnaire, id)?;
    let report = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &assessment)?;
    let roadmap = csirt_scoring::roadmap(&set.questionnaire, &report);
    Ok(AssessmentView {
        row,
        assessment,
        report,
        roadmap,
    })
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Res<AppInfo> {
    let db_path = state.db_path.display().to_string();
    let startup_error = state.startup_error();
    let language = if startup_error.is_some() {
        state::system_language_from_env()
    } else {
        state.with_store(|s, _| state::language(s)).await?
    };
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        language,
        db_path,
        startup_error,
    })
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, input: LanguageInput) -> Res<()> {
    let lang = Lang::from(input.language);
    state
        .with_store(move |s, _| Ok(s.set_setting(state::LANGUAGE, lang.code())?))
        .await
}

#[tauri::command]
pub async fn get_questionnaire(
    state: State<'_, AppState>,
    input: QuestionnaireInput,
) -> Res<Arc<Questionnaire>> {
    Ok(Arc::clone(&state.catalog.get(&input.id)?.questionnaire))
}

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Res<Vec<OrganisationRow>> {
    state.with_store(|s, _| Ok(s.list_organisations()?)).await
}

#[tauri::command]
pub async fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> Res<OrganisationRow> {
    state
        .with_store(move |s, _| {
            let id = s.add_organisation(&input.into())?;
            Ok(s.organisation(id)?)
        })
        .await
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    input: UpdateOrganisationInput,
) -> Res<OrganisationRow> {
    state
        .with_store(move |s, _| {
            s.update_organisation(input.id, &input.organisation.into())?;
            Ok(s.organisation(input.id)?)
        })
        .await
}

#[tauri::command]
pub async fn delete_organisation(state: State<'_, AppState>, input: IdInput) -> Res<()> {
    state
        .with_store(move |s, _| Ok(s.delete_organisation(input.id)?))
        .await
}

#[tauri::command]
pub async fn list_assessments(
    state: State<'_, AppState>,
    input: ListAssessmentsInput,
) -> Res<Vec<AssessmentSummary>> {
    state
        .with_store(move |s, c| {
            Ok(s.assessment_summaries(c, input.organisation_id)?
                .into_iter()
                .map(|a| AssessmentSummary {
                    row: a.row,
                    overall: a.overall,
                    answerable: a.answerable,
                })
                .collect())
        })
        .await
}

#[tauri::command]
pub async fn create_assessment(
    state: State<'_, AppState>,
    input: CreateAssessmentInput,
) -> Res<AssessmentRow> {
    state
        .with_store(move |s, c| {
            let lang = state::language(s)?;
            // New assessments use the built-in questionnaire; others arrive by import.
            let set = c.get(csirt_model::load::BUILTIN_ID)?;
            let id = s.create_assessment(
                input.organisation_id,
                &set.questionnaire,
                input.date.as_deref(),
                lang,
            )?;
            Ok(s.assessment(id)?)
        })
        .await
}

#[tauri::command]
pub async fn delete_assessment(state: State<'_, AppState>, input: IdInput) -> Res<()> {
    state
        .with_store(move |s, _| Ok(s.delete_assessment(input.id)?))
        .await
}

#[tauri::command]
pub async fn set_assessment_status(
    state: State<'_, AppState>,
    input: SetStatusInput,
) -> Res<AssessmentRow> {
    state
        .with_store(move |s, _| {
            s.set_status(input.id, input.status.into())?;
            Ok(s.assessment(input.id)?)
        })
        .await
}

#[tauri::command]
pub async fn load_assessment(state: State<'_, AppState>, input: IdInput) -> Res<AssessmentView> {
    state.with_store(move |s, c| view(s, c, input.id)).await
}

#[tauri::command]
pub async fn save_answer(state: State<'_, AppState>, input: SaveAnswerInput) -> Res<Completeness> {
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
            Ok(s.progress(c, input.assessment_id, input.respondent_id)?)
        })
        .await
}

#[tauri::command]
pub async fn clear_answer(state: State<'_, AppState>, input: ItemInput) -> Res<Completeness> {
    state
        .with_store(move |s, c| {
            s.clear_answer(input.assessment_id, input.respondent_id, &input.item)?;
            Ok(s.progress(c, input.assessment_id, input.respondent_id)?)
        })
        .await
}

#[tauri::command]
pub async fn save_note(state: State<'_, AppState>, input: SaveNoteInput) -> Res<()> {
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
}

#[tauri::command]
pub async fn set_target(state: State<'_, AppState>, input: SetTargetInput) -> Res<AssessmentView> {
    state
        .with_store(move |s, c| {
            let q = questionnaire_of(s, c, input.assessment_id)?;
            s.set_target(&q, input.assessment_id, &input.item, input.key.as_deref())?;
            view(s, c, input.assessment_id)
        })
        .await
}

#[tauri::command]
pub async fn radar_svg(state: State<'_, AppState>, input: RadarInput) -> Res<String> {
    let lang = Lang::from(input.language);
    state
        .with_store(move |s, c| {
            let v = view(s, c, input.assessment_id)?;
            files::radar_svg(&v.report, lang)
        })
        .await
}

/// The nearest interviewed teams, or none when the questionnaire has no benchmark.
fn peers_of(catalog: &Catalog, v: &AssessmentView) -> Res<Vec<PeerMatch>> {
    let set = catalog.get(&v.row.questionnaire_id)?;
    Ok(match set.benchmark.as_deref() {
        Some(b) => csirt_scoring::nearest_peers(&set.questionnaire, b, &v.assessment, &v.report),
        None => Vec::new(),
    })
}

#[tauri::command]
pub async fn export_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ExportInput,
) -> Res<SavedFile> {
    let lang = Lang::from(input.language);
    let format = input.format;
    let encrypted = input.passphrase.is_some();
    let (bytes, name) = state
        .with_store(move |s, c| {
            let row = s.assessment(input.assessment_id)?;
            let set = c.get(&row.questionnaire_id)?;
            let mut v = view(s, c, input.assessment_id)?;
            if format == ExportFormat::Json {
                // The file carries the workshop too, so importing it elsewhere loses nobody's
                // answers.
                v.assessment = s.export_assessment(&set.questionnaire, input.assessment_id)?;
            }
            let context = s.report_context(c, input.assessment_id, &input.facilitator)?;
            let peers = match (format, input.peers) {
                (ExportFormat::Pdf, true) => Some(peers_of(c, &v)?),
                _ => None,
            };
            let extras = files::ExportExtras {
                context: &context,
                peers: peers.as_deref(),
                passphrase: input.passphrase.as_deref(),
            };
            let bytes = files::render(format, set, &v, lang, &extras)?;
            let name = files::suggested_name(&v, format, lang);
            Ok((
                bytes,
                if encrypted {
                    files::encrypted_name(&name)
                } else {
                    name
                },
            ))
        })
        .await?;
    let hooks = state.hooks.clone();
    let path = AppState::blocking(move || {
        let Some(path) = files::choose_save_path(&app, &hooks, &name, format, encrypted)? else {
            return Ok(None);
        };
        std::fs::write(&path, &bytes).map_err(|source| AppError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(Some(path))
    })
    .await?;
    Ok(SavedFile {
        path: path.map(|p| p.display().to_string()),
    })
}

#[tauri::command]
pub async fn import_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ImportInput,
) -> Res<Imported> {
    let hooks = state.hooks.clone();
    let pending = state.pending_import.clone();
    let passphrase = input.passphrase.clone();
    let Some(bytes) = AppState::blocking(move || {
        files::read_import(&app, &hooks, &pending, passphrase.as_deref())
    })
    .await?
    else {
        return Ok(Imported {
            assessment_id: None,
            respondent_id: None,
        });
    };
    state
        .with_store(move |s, c| {
            let a = assessment::parse(&bytes)?;
            assessment::validate(&a, c)?;
            let set = c.get(&a.questionnaire)?;
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
                },
                None => Imported {
                    assessment_id: Some(s.import(&set.questionnaire, &a, input.organisation_id)?),
                    respondent_id: None,
                },
            })
        })
        .await
}

#[tauri::command]
pub async fn list_respondents(
    state: State<'_, AppState>,
    input: IdInput,
) -> Res<Vec<RespondentRow>> {
    state
        .with_store(move |s, _| Ok(s.list_respondents(input.id)?))
        .await
}

#[tauri::command]
pub async fn add_respondent(
    state: State<'_, AppState>,
    input: NewRespondent,
) -> Res<Vec<RespondentRow>> {
    state
        .with_store(move |s, _| {
            s.add_respondent(input.assessment_id, &input.name, input.role.as_deref())?;
            Ok(s.list_respondents(input.assessment_id)?)
        })
        .await
}

#[tauri::command]
pub async fn update_respondent(
    state: State<'_, AppState>,
    input: UpdateRespondentInput,
) -> Res<Vec<RespondentRow>> {
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
}

#[tauri::command]
pub async fn delete_respondent(
    state: State<'_, AppState>,
    input: RespondentInput,
) -> Res<Vec<RespondentRow>> {
    state
        .with_store(move |s, _| {
            s.delete_respondent(input.assessment_id, input.respondent_id)?;
            Ok(s.list_respondents(input.assessment_id)?)
        })
        .await
}

#[tauri::command]
pub async fn respondent_answers(
    state: State<'_, AppState>,
    input: RespondentInput,
) -> Res<RespondentAnswers> {
    state
        .with_store(move |s, c| {
            let q = questionnaire_of(s, c, input.assessment_id)?;
            let own = s.load_respondent_assessment(&q, input.assessment_id, input.respondent_id)?;
            Ok(RespondentAnswers {
                answers: own.answers.0.into_iter().collect(),
                other: own.other.0.into_iter().collect(),
                comments: own.comments.0.into_iter().collect(),
                evidence: own.evidence.0.into_iter().collect(),
                completeness: s.progress(c, input.assessment_id, Some(input.respondent_id))?,
            })
        })
        .await
}

#[tauri::command]
pub async fn workshop(state: State<'_, AppState>, input: WorkshopInput) -> Res<WorkshopView> {
    state
        .with_store(move |s, c| {
            let q = questionnaire_of(s, c, input.assessment_id)?;
            Ok(WorkshopView {
                respondents: s.list_respondents(input.assessment_id)?,
                divergence: s.divergence(&q, input.assessment_id, &input.facilitator)?,
                consensus_notes: s.consensus_notes(input.assessment_id)?,
                notes: s.named_notes(&q, input.assessment_id, &input.facilitator)?,
            })
        })
        .await
}

#[tauri::command]
pub async fn set_consensus(
    state: State<'_, AppState>,
    input: ConsensusInput,
) -> Res<AssessmentView> {
    state
        .with_store(move |s, c| {
            let q = questionnaire_of(s, c, input.assessment_id)?;
            s.set_consensus(
                &q,
                input.assessment_id,
                &input.item,
                input.answer.as_ref(),
                input.other_text.as_deref(),
                input.note.as_deref(),
            )?;
            view(s, c, input.assessment_id)
        })
        .await
}

#[tauri::command]
pub async fn trend(state: State<'_, AppState>, input: TrendInput) -> Res<TrendView> {
    let lang = Lang::from(input.language);
    state
        .with_store(move |s, c| {
            let row = s.assessment(input.assessment_id)?;
            let q = questionnaire_of(s, c, input.assessment_id)?;
            // Up to this assessment, as its PDF shows it: an older one is not compared with
            // what came after it.
            let trend = s.trend(c, row.organisation_id, Some(&row.date))?;
            let svg = csirt_report::charts::trend_svg(&trend, &q, lang);
            Ok(TrendView { trend, svg })
        })
        .await
}

#[tauri::command]
pub async fn peers(state: State<'_, AppState>, input: IdInput) -> Res<Vec<PeerMatch>> {
    state
        .with_store(move |s, c| peers_of(c, &view(s, c, input.id)?))
        .await
}
