//! The app's own payloads that cross the IPC boundary (inputs, `AppInfo`, `ErrorPayload`…), as
//! Rust types that `ts-rs` turns into TypeScript. The mirrors of core types live in `mirror`
//! and are re-exported here, so `wire::*` is the whole IPC vocabulary.

pub use crate::mirror::*;
pub use crate::plan::{
    ActionFlag, ActionNote, ActionState, ActionStatus, ActionView, AddActionInput, OpenPoint,
    PlanExportInput, PlanInput, PlanView, UpdateActionInput,
};
pub use crate::prefill::{
    ConfirmDerivedInput, Derivation, DerivedCount, DerivedSource, PrefillSource,
    PrefillSourcesInput, StartPrefilledInput,
};
pub use crate::staffing::StaffingCard;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

// ------------------------------------------------------------------------ the app's own payloads

/// What the UI needs before its first screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The saved language, or the system locale's when none is saved yet.
    #[ts(as = "Lang")]
    pub language: csirt_model::Lang,
    pub db_path: String,
    /// Set when the database could not be opened; every other command then fails with it.
    pub startup_error: Option<ErrorPayload>,
    /// The About box: versions of the app, questionnaires and benchmarks, and the licences.
    pub about: AboutView,
    /// The file the app was started with (a double-clicked `.csirt`): the UI offers to import
    /// it; nothing is imported until the user says so.
    pub opened_file: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The input was refused (empty name, answer that is not an option…).
    InvalidInput,
    /// An imported assessment file failed validation; `problems` lists why, item by item.
    InvalidAssessment,
    NotFound,
    /// The file is encrypted: ask for its passphrase and import again.
    PassphraseRequired,
    WrongPassphrase,
    /// The database refused to open, or a query failed.
    Storage,
    Io,
    Export,
    Internal,
}

/// One problem in an imported assessment file, naming its item when there is one; the message
/// is in the UI's language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AnswerProblem {
    pub item: Option<String>,
    pub message: String,
}

/// Every command error, as the UI receives it, its messages in the UI's language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    pub problems: Vec<AnswerProblem>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    pub name: String,
    pub sector: Option<String>,
    pub size: Option<String>,
    pub csirt_form: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganisationInput {
    #[ts(type = "number")]
    pub id: i64,
    pub organisation: OrganisationInput,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct IdInput {
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireInput {
    pub id: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ListAssessmentsInput {
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CreateAssessmentInput {
    #[ts(type = "number")]
    pub organisation_id: i64,
    /// YYYY-MM-DD; today when null.
    pub date: Option<String>,
    /// The questionnaire's id (`list_questionnaires`); the JPCERT/CC 2015 one when left out.
    #[serde(default)]
    #[ts(optional)]
    pub questionnaire: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetStatusInput {
    #[ts(type = "number")]
    pub id: i64,
    pub status: Status,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveAnswerInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// A workshop respondent answering on their own; null for the facilitator.
    #[ts(type = "number | null")]
    pub respondent_id: Option<i64>,
    pub item: String,
    #[ts(as = "Answer")]
    pub answer: csirt_model::Answer,
    /// Free text of an "other" option; null when none is chosen.
    pub other_text: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// Null for the facilitator.
    #[ts(type = "number | null")]
    pub respondent_id: Option<i64>,
    pub item: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveNoteInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// The respondent writing; the facilitator (the assessment's own notes) when absent.
    #[serde(default)]
    #[ts(optional, type = "number | null")]
    pub respondent_id: Option<i64>,
    pub item: String,
    pub comment: Option<String>,
    pub evidence: Option<String>,
}

/// The assessor's executive message, saved as typed; blank clears it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveMessageInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub message: String,
}

/// The assessor's key findings, the whole list in order; blank findings are dropped.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveFindingsInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub findings: Vec<String>,
}

/// The assessor's note on one gap ("why it matters here"); blank clears it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveGapNoteInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub item: String,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetTargetInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub item: String,
    /// The option key (or service answer) aimed for; null restores the default target.
    pub key: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LanguageInput {
    pub language: Lang,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RadarInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub language: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    /// The report as an editable Word document.
    Docx,
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub format: ExportFormat,
    /// Language of the PDF, DOCX, CSV and XLSX (the JSON file is language-neutral).
    pub language: Lang,
    /// Seals the JSON file with this passphrase (age); only for `json`.
    pub passphrase: Option<String>,
    /// Adds the nearest interviewed teams to the report (PDF or DOCX).
    pub peers: bool,
    /// What the PDF calls the facilitator among the respondents, in its language.
    pub facilitator: String,
    /// The report's sections, ready-made (PDF only).
    pub preset: ReportPreset,
    /// The confidentiality line's text, instead of the default (PDF only).
    pub confidentiality: Option<String>,
    /// Put the logo chosen with `choose_logo` on the cover (PDF only).
    pub logo: bool,
}

/// Which sections a report holds: for a board, for the CSIRT team, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReportPreset {
    Board,
    Team,
    Full,
}

impl From<ReportPreset> for csirt_report::Preset {
    fn from(p: ReportPreset) -> Self {
        match p {
            ReportPreset::Board => csirt_report::Preset::Board,
            ReportPreset::Team => csirt_report::Preset::Team,
            ReportPreset::Full => csirt_report::Preset::Full,
        }
    }
}

/// The cover logo the user chose, checked: its file name and size in pixels.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LogoInfo {
    pub name: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ImportInput {
    /// Attach to this organisation; null matches by name or creates one.
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
    /// For an encrypted file. Given after a `passphrase-required` error, it opens the file
    /// already chosen rather than asking for one again.
    pub passphrase: Option<String>,
    /// Add the file's answers as a new respondent of an assessment instead.
    pub respondent: Option<NewRespondent>,
    /// Import the file the app was started with (`AppInfo.opened_file`) instead of asking for one.
    #[serde(default)]
    #[ts(optional)]
    pub opened: Option<bool>,
}

/// A workshop respondent to add to an assessment.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewRespondent {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub name: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RespondentInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    #[ts(type = "number")]
    pub respondent_id: i64,
}

/// A respondent's corrected name and role.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UpdateRespondentInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    #[ts(type = "number")]
    pub respondent_id: i64,
    pub name: String,
    pub role: Option<String>,
}

/// One respondent's own answers, for the wizard when answering as them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RespondentAnswers {
    #[ts(as = "HashMap<String, Answer>")]
    pub answers: HashMap<String, csirt_model::Answer>,
    pub other: HashMap<String, String>,
    pub comments: HashMap<String, String>,
    pub evidence: HashMap<String, String>,
    /// The respondent's own progress (not the assessment's).
    #[ts(as = "Completeness")]
    pub completeness: csirt_scoring::Completeness,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WorkshopInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// What to call the facilitator among the respondents.
    pub facilitator: String,
}

/// The workshop of one assessment: who answered, and where they disagree.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WorkshopView {
    #[ts(as = "Vec<RespondentRow>")]
    pub respondents: Vec<csirt_store::RespondentRow>,
    /// Every answerable item, most disputed first.
    #[ts(as = "Vec<Divergence>")]
    pub divergence: Vec<csirt_scoring::Divergence>,
    /// The note recorded with each consensus answer, by item.
    pub consensus_notes: Vec<(String, String)>,
    /// What each respondent wrote beside their answers, in questionnaire order (empty while
    /// the answers are hidden).
    #[ts(as = "Vec<RespondentNote>")]
    pub notes: Vec<csirt_store::RespondentNote>,
    /// How many items two or more people answered are still to be settled (provisional or open).
    pub open: usize,
    /// The individual answers are hidden until the facilitator reveals them (kept by the shell
    /// for this session): `divergence` then has no answers, tally or spread.
    pub hidden: bool,
}

/// Hides or reveals the individual answers of an assessment's workshop for this session.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HideAnswersInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub hidden: bool,
}

/// Several respondents' files for one assessment, chosen in one dialog.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BulkImportInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
}

/// What became of one file of a bulk import: the respondent's name taken from it and their
/// id, or why it was refused (in the UI's language; nothing of it was written).
#[derive(Debug, Clone, Serialize, TS)]
pub struct BulkImportRow {
    pub file: String,
    pub name: String,
    #[ts(type = "number | null")]
    pub respondent_id: Option<i64>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ConsensusInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub item: String,
    /// The answer agreed on; null removes the consensus.
    #[ts(as = "Option<Answer>")]
    pub answer: Option<csirt_model::Answer>,
    pub other_text: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TrendInput {
    /// The trend is of this assessment's organisation, over all its assessments.
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub language: Lang,
    /// Areas left out of the chart (toggled off in its legend); the overall line always shows.
    #[serde(default)]
    #[ts(optional)]
    pub hidden_areas: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TrendView {
    #[ts(as = "Trend")]
    pub trend: csirt_scoring::Trend,
    /// The tables' change column: the last point against the one before.
    #[ts(as = "TrendChanges")]
    pub changes: csirt_scoring::TrendChanges,
    /// The chart, drawn by csirt-report as for the PDF.
    pub svg: String,
}

/// Which assessment to contribute, described by the team's coarse profile (keys from
/// [`ProfileOptions`]; each may be left out).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ContributionInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    /// Language of the preview's field names and values.
    pub language: Lang,
    pub sector: Option<String>,
    pub size: Option<String>,
    pub form: Option<String>,
}

/// One field that would leave the machine, as a person reads it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PreviewRow {
    pub field: String,
    pub value: String,
}

/// One entry of a fixed profile list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProfileChoice {
    pub key: String,
    #[ts(as = "Text")]
    pub label: csirt_model::Text,
}

/// The fixed lists a contributing team describes itself with.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProfileOptions {
    pub sectors: Vec<ProfileChoice>,
    pub sizes: Vec<ProfileChoice>,
    pub forms: Vec<ProfileChoice>,
}

/// Every field of the contribution, and the exact file text that saving writes.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ContributionPreview {
    pub rows: Vec<PreviewRow>,
    pub json: String,
    pub options: ProfileOptions,
}

/// Saves a previewed contribution: its exact text, sealed to the collector's `age1…` key
/// when one is given.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveContributionInput {
    pub json: String,
    pub recipient: Option<String>,
}

/// Where a file was written; `path` is null when the user cancelled the dialog. `warnings` name
/// each cell a spreadsheet export had to cut, in the export's language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedFile {
    pub path: Option<String>,
    pub warnings: Vec<String>,
}

/// What an import created; both ids are null when the user cancelled.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Imported {
    #[ts(type = "number | null")]
    pub assessment_id: Option<i64>,
    /// Set when the file was added as a respondent.
    #[ts(type = "number | null")]
    pub respondent_id: Option<i64>,
    /// Set when the file was answered on another version of the installed questionnaire
    /// (everything in it fitted): both versions named.
    #[ts(as = "Option<Text>")]
    pub notice: Option<csirt_model::Text>,
}

/// An assessment of the organisation list, with its overall score for the history view.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentSummary {
    #[ts(as = "AssessmentRow")]
    pub row: csirt_store::AssessmentRow,
    pub overall: Option<f64>,
    pub answerable: usize,
    /// Set when the assessment's questionnaire is not installed: "questionnaire X version Y is
    /// not installed"; the assessment is listed unscored and cannot be opened.
    #[ts(as = "Option<Text>", optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<csirt_model::Text>,
}

/// Everything the wizard, dashboard and gap screens show for one assessment.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentView {
    #[ts(as = "AssessmentRow")]
    pub row: csirt_store::AssessmentRow,
    #[ts(as = "Assessment")]
    pub assessment: csirt_model::Assessment,
    #[ts(as = "ScoreReport")]
    pub report: csirt_scoring::ScoreReport,
    /// The gaps grouped into now / six months / a year.
    #[ts(as = "Roadmap")]
    pub roadmap: csirt_scoring::Roadmap,
    /// Set when the assessment was answered with another version of its questionnaire, or
    /// holds stored answers the loaded version cannot take: what differs, and each answer that
    /// no longer fits (kept in the store, not scored).
    #[ts(as = "Option<Text>")]
    pub version_warning: Option<csirt_model::Text>,
    /// The benchmark and segment remembered for the assessment (none: the questionnaire's own).
    pub benchmark_choice: BenchmarkChoice,
    /// Set when the remembered benchmark is no longer there (its file removed): why, and that
    /// the questionnaire's own benchmark is used instead.
    #[ts(as = "Option<Text>")]
    pub benchmark_warning: Option<csirt_model::Text>,
    /// What the overall score means (SIM3 level, change since the last assessment), worded
    /// as the report's headline words it.
    #[ts(as = "Headline")]
    pub headline: csirt_scoring::Headline,
    /// The benchmark the report was scored with, for the exports.
    #[serde(skip)]
    #[ts(skip)]
    pub benchmark: Option<std::sync::Arc<csirt_model::Benchmark>>,
}

/// The benchmark an assessment is compared with: ids, none for the questionnaire's own.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkChoice {
    #[serde(default)]
    pub benchmark: Option<String>,
    #[serde(default)]
    pub segment: Option<String>,
}

/// One benchmark the app knows, with its provenance, for the Benchmarks screen and the choice.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BenchmarkInfo {
    pub questionnaire: String,
    /// Title, n, dates and source.
    pub reference: BenchmarkRef,
    /// One line naming it, in both languages.
    pub line: Text,
    /// Who the figures count and what they cannot tell.
    pub limits: Text,
    /// `builtin`, `folder` or `added`.
    pub origin: String,
    /// The file it was read from; none for the built-in survey.
    pub path: Option<String>,
    pub segments: Vec<Segment>,
    pub min_cell: Option<u32>,
    /// The questionnaire's own benchmark, used when none is chosen.
    pub is_default: bool,
}

/// Chooses the benchmark (and segment) of an assessment; both none for the questionnaire's own.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetBenchmarkInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    #[serde(default)]
    pub benchmark: Option<String>,
    #[serde(default)]
    pub segment: Option<String>,
}

impl From<Lang> for csirt_model::Lang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Ja => csirt_model::Lang::Ja,
            Lang::En => csirt_model::Lang::En,
        }
    }
}

impl From<Status> for csirt_model::Status {
    fn from(s: Status) -> Self {
        match s {
            Status::Draft => csirt_model::Status::Draft,
            Status::Final => csirt_model::Status::Final,
        }
    }
}

impl From<OrganisationInput> for csirt_model::Organisation {
    fn from(o: OrganisationInput) -> Self {
        csirt_model::Organisation {
            name: o.name,
            sector: o.sector,
            size: o.size,
            csirt_form: o.csirt_form,
        }
    }
}

// ------------------------------------------------------------------------ the About box

/// What the About box shows (the same as `csirt --version`).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AboutView {
    pub version: String,
    pub questionnaires: Vec<AboutQuestionnaire>,
    pub licences: Vec<AboutLicence>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AboutQuestionnaire {
    pub id: String,
    pub version: String,
    #[ts(as = "Text")]
    pub title: csirt_model::Text,
    pub benchmarks: Vec<AboutBenchmark>,
}

/// A benchmark is named by its id, its publication date and its n (it has no version number).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AboutBenchmark {
    pub id: String,
    #[ts(as = "Text")]
    pub title: csirt_model::Text,
    pub n: u32,
    pub published: String,
    /// Built into the app, read from a questionnaire folder, or added by the user.
    pub builtin: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AboutLicence {
    #[ts(as = "Text")]
    pub component: csirt_model::Text,
    pub licence: String,
    #[ts(as = "Text")]
    pub note: csirt_model::Text,
}

impl From<csirt_model::about::About> for AboutView {
    fn from(a: csirt_model::about::About) -> Self {
        AboutView {
            version: a.version,
            questionnaires: a
                .questionnaires
                .into_iter()
                .map(|q| AboutQuestionnaire {
                    id: q.id,
                    version: q.version,
                    title: q.title,
                    benchmarks: q
                        .benchmarks
                        .into_iter()
                        .map(|b| AboutBenchmark {
                            id: b.id,
                            title: b.title,
                            n: b.n,
                            published: b.published,
                            builtin: b.origin == csirt_model::Origin::Builtin,
                        })
                        .collect(),
                })
                .collect(),
            licences: a
                .licences
                .into_iter()
                .map(|l| AboutLicence {
                    component: l.component,
                    licence: l.licence,
                    note: l.note,
                })
                .collect(),
        }
    }
}
