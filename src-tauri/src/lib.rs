//! The desktop shell: shared state, the command handler list, and the TypeScript bindings.
//!
//! Layout: `commands` (thin adapters over the core crates), `input` (reading a command's
//! payload), `state` (store, catalog, language, start-up), `view` and `export` (reading under
//! the store's lock, then scoring and rendering without it), `files` (rendering, dialogs, test
//! hooks), `wire` and `mirror` (payload types), `bindings` (TypeScript generation), `error` (the
//! one error type).

/// What a command returns to the UI: its value, or the error in the UI's language.
pub(crate) type Reply<T> = Result<T, wire::ErrorPayload>;

/// Runs a command's body (a block that may use `?` on `AppError`s) and answers the UI through
/// [`state::AppState::reply`]. Defined before the modules so every command module can use it.
macro_rules! reply {
    ($state:ident, $body:block) => {{
        let result: Result<_, $crate::error::AppError> = async { $body }.await;
        $state.reply(result)
    }};
}

pub mod benchmarks;
pub mod bindings;
pub mod commands;
pub mod contribute;
pub mod error;
pub mod export;
pub mod files;
pub mod input;
pub mod mirror;
pub mod narrative;
pub mod plan;
pub mod prefill;
pub mod questionnaires;
pub mod respondents;
pub mod staffing;
pub mod state;
pub mod view;
pub mod wire;
pub mod workshop;

include!("command_names.rs");

pub use error::AppError;

/// Declares every command once: the handler list, and each command's input and output type
/// for the TypeScript bindings. `tests::command_lists_agree` checks it against
/// `command_names.rs`, which `build.rs` hands to Tauri's ACL.
macro_rules! app_commands {
    ($($name:ident($($input:ty)?) -> $output:ty;)*) => {
        fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$name),*]
        }

        /// `(name, input type, output type)` of every command, as TypeScript type names.
        pub fn command_signatures() -> Vec<(&'static str, String, String)> {
            vec![$((
                stringify!($name),
                app_commands!(@input $($input)?),
                <$output as ts_rs::TS>::name(),
            )),*]
        }
    };
    (@input) => { "null".to_string() };
    (@input $t:ty) => { <$t as ts_rs::TS>::name() };
}

use questionnaires::QuestionnaireInfo;
use wire::*;

app_commands! {
    app_info() -> AppInfo;
    set_language(LanguageInput) -> ();
    get_questionnaire(QuestionnaireInput) -> Questionnaire;
    list_organisations() -> Vec<OrganisationRow>;
    create_organisation(OrganisationInput) -> OrganisationRow;
    update_organisation(UpdateOrganisationInput) -> OrganisationRow;
    delete_organisation(IdInput) -> ();
    list_assessments(ListAssessmentsInput) -> Vec<AssessmentSummary>;
    create_assessment(CreateAssessmentInput) -> AssessmentRow;
    delete_assessment(IdInput) -> ();
    set_assessment_status(SetStatusInput) -> AssessmentRow;
    load_assessment(IdInput) -> AssessmentView;
    save_answer(SaveAnswerInput) -> Completeness;
    clear_answer(ItemInput) -> Completeness;
    save_note(SaveNoteInput) -> ();
    set_target(SetTargetInput) -> AssessmentView;
    radar_svg(RadarInput) -> String;
    export_assessment(ExportInput) -> SavedFile;
    import_assessment(ImportInput) -> Imported;
    list_respondents(IdInput) -> Vec<RespondentRow>;
    add_respondent(NewRespondent) -> Vec<RespondentRow>;
    update_respondent(UpdateRespondentInput) -> Vec<RespondentRow>;
    delete_respondent(RespondentInput) -> Vec<RespondentRow>;
    respondent_answers(RespondentInput) -> RespondentAnswers;
    workshop(WorkshopInput) -> WorkshopView;
    set_consensus(ConsensusInput) -> AssessmentView;
    hide_answers(HideAnswersInput) -> ();
    import_respondents(BulkImportInput) -> Vec<BulkImportRow>;
    trend(TrendInput) -> TrendView;
    peers(IdInput) -> Vec<PeerMatch>;
    preview_contribution(ContributionInput) -> ContributionPreview;
    save_contribution(SaveContributionInput) -> SavedFile;
    list_benchmarks(QuestionnaireInput) -> Vec<BenchmarkInfo>;
    import_benchmark() -> Option<BenchmarkInfo>;
    set_assessment_benchmark(SetBenchmarkInput) -> AssessmentView;
    narrative(IdInput) -> Narrative;
    save_message(SaveMessageInput) -> ();
    save_findings(SaveFindingsInput) -> ();
    save_gap_note(SaveGapNoteInput) -> ();
    choose_logo() -> Option<LogoInfo>;
    clear_logo() -> ();
    action_plan(PlanInput) -> PlanView;
    add_action(AddActionInput) -> PlanView;
    update_action(UpdateActionInput) -> PlanView;
    export_plan(PlanExportInput) -> SavedFile;
    staffing_card(RadarInput) -> Option<StaffingCard>;
    prefill_sources(PrefillSourcesInput) -> Vec<PrefillSource>;
    start_prefilled(StartPrefilledInput) -> AssessmentRow;
    confirm_derived(ConfirmDerivedInput) -> AssessmentView;
    list_questionnaires() -> Vec<QuestionnaireInfo>;
    import_questionnaire() -> Option<QuestionnaireInfo>;
    remove_questionnaire(QuestionnaireInput) -> Vec<QuestionnaireInfo>;
    csirt_forms() -> Vec<ProfileChoice>;
}

/// WebKitGTK's DMA-BUF renderer costs start-up time and memory that a page of forms does not
/// need: under Xvfb it took the first screen from about 1.1 s to 0.6 s and the app's processes
/// from 312 MB to 222 MB (PSS; docs/performance.md). It also fails on some NVIDIA drivers. A
/// value the user set is kept. Called before any thread or WebKit starts.
fn use_shared_memory_rendering() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}

/// Opens the store and the questionnaires, then runs the app until its window closes.
pub fn run() -> Result<(), AppError> {
    use_shared_memory_rendering();
    let args: Vec<String> = std::env::args().collect();
    let db_path = state::db_path(&args, std::env::var("CSIRT_DB").ok())?;
    let extra = std::env::var_os("CSIRT_QUESTIONNAIRES").map(std::path::PathBuf::from);
    let (mut catalog, mut failures) = csirt_model::Catalog::load(extra.as_deref())?;
    // The questionnaire packages the user installed (unless that folder is the extra one).
    let packages = csirt_model::package::packages_dir(&db_path);
    let same = |p: &std::path::Path| p.canonicalize().ok() == packages.canonicalize().ok();
    if !extra.as_deref().is_some_and(same) {
        failures.extend(catalog.add_packages(&packages)?);
    }
    // The benchmarks the user imported; a file that no longer validates is left out.
    failures.extend(catalog.add_benchmarks(&state::benchmarks_dir(&db_path))?);
    let lang = state::system_language_from_env();
    for (dir, e) in failures {
        // A broken extra folder must not keep the app from starting; `csirt validate` explains.
        use csirt_model::Localized;
        let head = match lang {
            csirt_model::Lang::Ja => "読み込まなかった質問票のフォルダまたは基準データのファイル",
            csirt_model::Lang::En => "skipped questionnaire folder or benchmark file",
        };
        eprintln!("csirt-app: {head} {}: {}", dir.display(), e.localized(lang));
    }
    let app_state = state::AppState::open(db_path, catalog, state::TestHooks::from_env());
    // A file given on the command line (a double-clicked `.csirt`): the UI offers to import it.
    let opened = state::opened_file(&args);
    if let Some(p) = &opened {
        eprintln!("csirt-app: opened with {}", p.display());
    }
    app_state.set_opened(opened);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(app_state)
        .invoke_handler(handler())
        .run(context())?;
    Ok(())
}

/// The app context that `build.rs` generated (configuration, ACL, embedded front end).
// The generated code unwraps values tauri-build already validated at build time.
#[allow(clippy::unwrap_used, clippy::expect_used)]
fn context() -> tauri::Context<tauri::Wry> {
    tauri::tauri_build_context!()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lists_agree() {
        let declared: Vec<&str> = command_signatures().iter().map(|c| c.0).collect();
        assert_eq!(declared, COMMAND_NAMES);
    }

    #[test]
    fn capability_allows_exactly_the_commands() {
        let text = include_str!("../capabilities/default.json");
        let cap: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut allowed: Vec<String> = cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect();
        allowed.sort();
        let mut expected: Vec<String> = COMMAND_NAMES
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        expected.sort();
        assert_eq!(allowed, expected);
    }
}
