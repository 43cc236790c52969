// The IPC contract between the UI and the csirt-app commands. GENERATED from
// src-tauri/src/wire.rs by src-tauri/src/bindings.rs — do not edit by hand. Regenerate:
// CSIRT_UPDATE_BINDINGS=1 cargo test -p csirt-app bindings

export type Text = { ja: string, en: string, };

export type Lang = "ja" | "en";

export type ChoiceOption = { key: string, text: Text, 
/**
 * A few words for tables, when the full wording is long.
 */
short?: Text, level?: number, 
/**
 * Present (and true) when the option takes free text.
 */
other?: boolean, };

export type Scale = { id: string, name: Text, options: Array<ChoiceOption>, };

export type Area = { id: string, name: Text, };

export type SetupItem = { id: string, number: number, name: Text, source: string, weight: number, guidance: Text, };

export type Section = { id: string, title: Text, };

export type ItemKind = { "type": "single", options: Array<ChoiceOption>, } | { "type": "multiple", options: Array<ChoiceOption>, } | { "type": "scale", scale: string, options: Array<ChoiceOption>, } | { "type": "number", unit: Text, min: number | null, max: number | null, } | { "type": "year-month" } | { "type": "service" } | { "type": "text" } | { "type": "group" };

export type Item = { id: string, section: string, text: Text, survey_section?: string, finding?: Text, area: string, setup: Array<string>, sim3: Array<string>, 
/**
 * Items whose gaps come first on the roadmap; absent when none.
 */
after?: Array<string>, weight: number, parent?: string, recommendation?: Text, 
/**
 * What to do about a gap in this item ("Document … and have them approved"); absent in
 * data that has none, where the question stands in.
 */
action?: Text, reconstructed: boolean, note?: Text, scored: boolean, } & ({ "type": "single", options: Array<ChoiceOption>, } | { "type": "multiple", options: Array<ChoiceOption>, } | { "type": "scale", scale: string, options: Array<ChoiceOption>, } | { "type": "number", unit: Text, min: number | null, max: number | null, } | { "type": "year-month" } | { "type": "service" } | { "type": "text" } | { "type": "group" });

export type Questionnaire = { id: string, version: string, title: Text, source: Text, scales: Array<Scale>, areas: Array<Area>, setup_items: Array<SetupItem>, sections: Array<Section>, items: Array<Item>, 
/**
 * Staffing roles; absent for a questionnaire without them.
 */
roles?: Array<Role>, };

export type Answer = number | string | Array<string>;

export type Status = "draft" | "final";

export type Organisation = { name: string, sector?: string, size?: string, csirt_form?: string, };

export type Narrative = { message?: string, findings?: Array<string>, gap_notes?: { [key in string]?: string }, };

export type Assessment = { format: string, questionnaire: string, questionnaire_version?: string, organisation: Organisation, date?: string, language?: Lang, status: Status, answers: { [key in string]?: Answer }, other?: { [key in string]?: string }, comments?: { [key in string]?: string }, evidence?: { [key in string]?: string }, targets?: { [key in string]?: string }, 
/**
 * The assessor's own words; absent when nothing was written.
 */
narrative?: Narrative, 
/**
 * The derived answers not yet confirmed; absent when there are none.
 */
derived?: Derivation, };

export type AnswerProblem = { item: string | null, message: string, };

export type OrganisationRow = { id: number, name: string, sector: string | null, size: string | null, csirt_form: string | null, assessments: number, created_at: string, updated_at: string, };

export type AssessmentRow = { id: number, organisation_id: number, organisation_name: string, questionnaire_id: string, questionnaire_version: string, date: string, status: Status, language: Lang, answered: number, created_at: string, updated_at: string, };

export type RespondentRow = { id: number, 
/**
 * Empty for the default respondent: the facilitator, whose answers the wizard edits.
 */
name: string, role: string | null, is_default: boolean, };

export type RespondentNote = { item: string, 
/**
 * The respondent's name; the facilitator is called by the workshop's `facilitator` word.
 */
respondent: string, comment: string | null, evidence: string | null, };

export type Share = { low: number, high: number, };

export type Precision = "exact-count" | "exact-percent" | "exact-value" | "narrative";

export type Standing = { at_or_above: Share, precision: Precision, source: string, quote?: Text, };

export type TargetSource = "common-practice" | "sim3" | "highest" | "override";

export type Target = { key: string, level: number, score: number, source: TargetSource, };

export type Readiness = "green" | "amber" | "red" | "unknown";

export type ItemScore = { id: string, area: string, setup: Array<string>, sim3: Array<string>, answer?: string, level?: number, max_level: number, score?: number, standing?: Standing, target: Target, gap?: number, };

export type AreaScore = { id: string, name: Text, score?: number, answered: number, scored_items: number, benchmark?: Share, benchmark_items: number, };

export type SetupScore = { id: string, number: number, name: Text, score?: number, readiness: Readiness, answered: number, scored_items: number, };

export type Gap = { rank: number, item: string, text: Text, area: string, setup: Array<string>, current_key: string, current_level: number, target_key: string, target_level: number, max_level: number, gap: number, share: number, peers_at_target?: Standing, priority: number, why: Text, recommendation?: Text, };

export type SectionProgress = { id: string, answered: number, total: number, };

export type Completeness = { answered: number, answerable: number, scored_answered: number, scored_total: number, sections: Array<SectionProgress>, };

export type ScoreReport = { questionnaire: string, questionnaire_version: string, benchmark?: string, 
/**
 * The benchmark the standings come from, named.
 */
benchmark_ref?: BenchmarkRef, organisation: string, date?: string, overall?: number, areas: Array<AreaScore>, setup_items: Array<SetupScore>, items: Array<ItemScore>, gaps: Array<Gap>, completeness: Completeness, 
/**
 * How many answers are derived and not yet confirmed; absent when none are.
 */
derived?: DerivedCount, };

export type Phase = "now" | "next-six-months" | "next-year";

export type RoadmapEntry = { item: string, rank: number, priority: number, phase: Phase, prerequisites: Array<string>, pulled_forward: boolean, };

export type Roadmap = { entries: Array<RoadmapEntry>, };

export type LevelSpread = { min: number, max: number, range: number, std_dev: number, };

export type Divergence = { item: string, answered: number, respondents: number, 
/**
 * Scored items only: the spread of levels.
 */
levels?: LevelSpread, 
/**
 * Each distinct answer (an option key for multiple choice) and how many gave it.
 */
distribution: Array<[string, number]>, 
/**
 * Each respondent's name and answer, as written.
 */
answers: Array<[string, string]>, 
/**
 * 0 when everyone agrees, up to 1; the list is sorted by it.
 */
disagreement: number, 
/**
 * The disagreement in plain words.
 */
spread: Spread, 
/**
 * Where the item stands: agreed, unanimous, provisional or open.
 */
agreement: Agreement, };

export type Spread = "none" | "narrow" | "moderate" | "wide";

export type Agreement = "agreed" | "unanimous" | "provisional" | "open";

export type Closeness = "close" | "somewhat" | "far";

export type TrendChanges = { overall: number | null, areas: Array<[string, number | null]>, setup_items: Array<[string, number | null]>, };

export type TrendPoint = { date: string, overall?: number, areas: Array<[string, number | null]>, setup_items: Array<[string, number | null]>, };

export type Headline = { overall?: number, sim3_level?: number, sim3_word?: Text, previous?: TrendPoint, change?: number, lines: Array<Text>, };

export type ItemChange = { item: string, from_key: string, to_key: string, from_score: number, to_score: number, delta: number, };

export type Trend = { points: Array<TrendPoint>, improved: Array<ItemChange>, regressed: Array<ItemChange>, 
/**
 * Set when the last two assessments answered different questionnaire versions.
 */
note?: Text, };

export type PeerPractice = { topic: string, 
/**
 * The interview section it is cited from.
 */
section: string, text: Text, item: string, };

export type PeerMatch = { id: string, team: string, organisation: Text, section: string, form_label: Text, sector: Text, size: Text, distance: number, closeness: Closeness, practices: Array<PeerPractice>, };

export type AppInfo = { version: string, 
/**
 * The saved language, or the system locale's when none is saved yet.
 */
language: Lang, db_path: string, 
/**
 * Set when the database could not be opened; every other command then fails with it.
 */
startup_error: ErrorPayload | null, 
/**
 * The About box: versions of the app, questionnaires and benchmarks, and the licences.
 */
about: AboutView, 
/**
 * The file the app was started with (a double-clicked `.csirt`): the UI offers to import
 * it; nothing is imported until the user says so.
 */
opened_file: string | null, };

export type AboutView = { version: string, questionnaires: Array<AboutQuestionnaire>, licences: Array<AboutLicence>, };

export type AboutQuestionnaire = { id: string, version: string, title: Text, benchmarks: Array<AboutBenchmark>, };

export type AboutBenchmark = { id: string, title: Text, n: number, published: string, 
/**
 * Built into the app, read from a questionnaire folder, or added by the user.
 */
builtin: boolean, };

export type AboutLicence = { component: Text, licence: string, note: Text, };

export type ErrorKind = "invalid-input" | "invalid-assessment" | "not-found" | "passphrase-required" | "wrong-passphrase" | "storage" | "io" | "export" | "internal";

export type ErrorPayload = { kind: ErrorKind, message: string, problems: Array<AnswerProblem>, };

export type OrganisationInput = { name: string, sector: string | null, size: string | null, csirt_form: string | null, };

export type UpdateOrganisationInput = { id: number, organisation: OrganisationInput, };

export type IdInput = { id: number, };

export type QuestionnaireInput = { id: string, };

export type ListAssessmentsInput = { organisation_id: number | null, };

export type CreateAssessmentInput = { organisation_id: number, 
/**
 * YYYY-MM-DD; today when null.
 */
date: string | null, 
/**
 * The questionnaire's id (`list_questionnaires`); the JPCERT/CC 2015 one when left out.
 */
questionnaire?: string, };

export type SetStatusInput = { id: number, status: Status, };

export type SaveAnswerInput = { assessment_id: number, 
/**
 * A workshop respondent answering on their own; null for the facilitator.
 */
respondent_id: number | null, item: string, answer: Answer, 
/**
 * Free text of an "other" option; null when none is chosen.
 */
other_text: string | null, };

export type ItemInput = { assessment_id: number, 
/**
 * Null for the facilitator.
 */
respondent_id: number | null, item: string, };

export type SaveNoteInput = { assessment_id: number, 
/**
 * The respondent writing; the facilitator (the assessment's own notes) when absent.
 */
respondent_id?: number | null, item: string, comment: string | null, evidence: string | null, };

export type SaveMessageInput = { assessment_id: number, message: string, };

export type SaveFindingsInput = { assessment_id: number, findings: Array<string>, };

export type SaveGapNoteInput = { assessment_id: number, item: string, note: string, };

export type SetTargetInput = { assessment_id: number, item: string, 
/**
 * The option key (or service answer) aimed for; null restores the default target.
 */
key: string | null, };

export type LanguageInput = { language: Lang, };

export type RadarInput = { assessment_id: number, language: Lang, };

export type ExportFormat = "pdf" | "docx" | "json" | "csv" | "xlsx";

export type ExportInput = { assessment_id: number, format: ExportFormat, 
/**
 * Language of the PDF, DOCX, CSV and XLSX (the JSON file is language-neutral).
 */
language: Lang, 
/**
 * Seals the JSON file with this passphrase (age); only for `json`.
 */
passphrase: string | null, 
/**
 * Adds the nearest interviewed teams to the report (PDF or DOCX).
 */
peers: boolean, 
/**
 * What the PDF calls the facilitator among the respondents, in its language.
 */
facilitator: string, 
/**
 * The report's sections, ready-made (PDF only).
 */
preset: ReportPreset, 
/**
 * The confidentiality line's text, instead of the default (PDF only).
 */
confidentiality: string | null, 
/**
 * Put the logo chosen with `choose_logo` on the cover (PDF only).
 */
logo: boolean, };

export type ReportPreset = "board" | "team" | "full";

export type LogoInfo = { name: string, width: number, height: number, };

export type ImportInput = { 
/**
 * Attach to this organisation; null matches by name or creates one.
 */
organisation_id: number | null, 
/**
 * For an encrypted file. Given after a `passphrase-required` error, it opens the file
 * already chosen rather than asking for one again.
 */
passphrase: string | null, 
/**
 * Add the file's answers as a new respondent of an assessment instead.
 */
respondent: NewRespondent | null, 
/**
 * Import the file the app was started with (`AppInfo.opened_file`) instead of asking for one.
 */
opened?: boolean, };

export type NewRespondent = { assessment_id: number, name: string, role: string | null, };

export type RespondentInput = { assessment_id: number, respondent_id: number, };

export type UpdateRespondentInput = { assessment_id: number, respondent_id: number, name: string, role: string | null, };

export type RespondentAnswers = { answers: { [key in string]?: Answer }, other: { [key in string]?: string }, comments: { [key in string]?: string }, evidence: { [key in string]?: string }, 
/**
 * The respondent's own progress (not the assessment's).
 */
completeness: Completeness, };

export type WorkshopInput = { assessment_id: number, 
/**
 * What to call the facilitator among the respondents.
 */
facilitator: string, };

export type WorkshopView = { respondents: Array<RespondentRow>, 
/**
 * Every answerable item, most disputed first.
 */
divergence: Array<Divergence>, 
/**
 * The note recorded with each consensus answer, by item.
 */
consensus_notes: Array<[string, string]>, 
/**
 * What each respondent wrote beside their answers, in questionnaire order (empty while
 * the answers are hidden).
 */
notes: Array<RespondentNote>, 
/**
 * How many items two or more people answered are still to be settled (provisional or open).
 */
open: number, 
/**
 * The individual answers are hidden until the facilitator reveals them (kept by the shell
 * for this session): `divergence` then has no answers, tally or spread.
 */
hidden: boolean, };

export type HideAnswersInput = { assessment_id: number, hidden: boolean, };

export type BulkImportInput = { assessment_id: number, };

export type BulkImportRow = { file: string, name: string, respondent_id: number | null, error: string | null, };

export type ConsensusInput = { assessment_id: number, item: string, 
/**
 * The answer agreed on; null removes the consensus.
 */
answer: Answer | null, other_text: string | null, note: string | null, };

export type TrendInput = { 
/**
 * The trend is of this assessment's organisation, over all its assessments.
 */
assessment_id: number, language: Lang, 
/**
 * Areas left out of the chart (toggled off in its legend); the overall line always shows.
 */
hidden_areas?: Array<string>, };

export type TrendView = { trend: Trend, 
/**
 * The tables' change column: the last point against the one before.
 */
changes: TrendChanges, 
/**
 * The chart, drawn by csirt-report as for the PDF.
 */
svg: string, };

export type SavedFile = { path: string | null, warnings: Array<string>, };

export type Imported = { assessment_id: number | null, 
/**
 * Set when the file was added as a respondent.
 */
respondent_id: number | null, 
/**
 * Set when the file was answered on another version of the installed questionnaire
 * (everything in it fitted): both versions named.
 */
notice: Text | null, };

export type AssessmentSummary = { row: AssessmentRow, overall: number | null, answerable: number, 
/**
 * Set when the assessment's questionnaire is not installed: "questionnaire X version Y is
 * not installed"; the assessment is listed unscored and cannot be opened.
 */
missing?: Text, };

export type AssessmentView = { row: AssessmentRow, assessment: Assessment, report: ScoreReport, 
/**
 * The gaps grouped into now / six months / a year.
 */
roadmap: Roadmap, 
/**
 * Set when the assessment was answered with another version of its questionnaire, or
 * holds stored answers the loaded version cannot take: what differs, and each answer that
 * no longer fits (kept in the store, not scored).
 */
version_warning: Text | null, 
/**
 * The benchmark and segment remembered for the assessment (none: the questionnaire's own).
 */
benchmark_choice: BenchmarkChoice, 
/**
 * Set when the remembered benchmark is no longer there (its file removed): why, and that
 * the questionnaire's own benchmark is used instead.
 */
benchmark_warning: Text | null, 
/**
 * What the overall score means (SIM3 level, change since the last assessment), worded
 * as the report's headline words it.
 */
headline: Headline, };

export type ContributionInput = { assessment_id: number, 
/**
 * Language of the preview's field names and values.
 */
language: Lang, sector: string | null, size: string | null, form: string | null, };

export type PreviewRow = { field: string, value: string, };

export type ProfileChoice = { key: string, label: Text, };

export type ProfileOptions = { sectors: Array<ProfileChoice>, sizes: Array<ProfileChoice>, forms: Array<ProfileChoice>, };

export type ContributionPreview = { rows: Array<PreviewRow>, json: string, options: ProfileOptions, };

export type SaveContributionInput = { json: string, recipient: string | null, };

export type Segment = { id: string, n: number, label: Text, };

export type BenchmarkRef = { id: string, title: Text, source: Text, n: number, survey_date: string, published: string, segment?: Segment, };

export type BenchmarkChoice = { benchmark: string | null, segment: string | null, };

export type BenchmarkInfo = { questionnaire: string, 
/**
 * Title, n, dates and source.
 */
reference: BenchmarkRef, 
/**
 * One line naming it, in both languages.
 */
line: Text, 
/**
 * Who the figures count and what they cannot tell.
 */
limits: Text, 
/**
 * `builtin`, `folder` or `added`.
 */
origin: string, 
/**
 * The file it was read from; none for the built-in survey.
 */
path: string | null, segments: Array<Segment>, min_cell: number | null, 
/**
 * The questionnaire's own benchmark, used when none is chosen.
 */
is_default: boolean, };

export type SetBenchmarkInput = { assessment_id: number, benchmark: string | null, segment: string | null, };

export type ActionStatus = "planned" | "in-progress" | "done" | "dropped";

export type ActionNote = { date: string, text?: string, status?: ActionStatus, };

export type ActionFlag = "done-but-answers-did-not-move";

export type ActionState = "achieved" | "flagged" | "done" | "dropped" | "overdue" | "open";

export type ActionView = { id: string, items: Array<string>, title: string, owner: string, due: string, status: ActionStatus, achieved_in: string | null, flag: ActionFlag | null, overdue: boolean, state: ActionState, targets: { [key in string]?: string }, created: string, last_status_change: string, notes: Array<ActionNote>, origin: string | null, };

export type OpenPoint = { date: string, open: number, };

export type PlanInput = { assessment_id: number, 
/**
 * Language of the chart.
 */
language: Lang, };

export type AddActionInput = { assessment_id: number, items: Array<string>, title: string | null, owner: string, 
/**
 * YYYY-MM-DD.
 */
due: string, 
/**
 * Language of the default title and the chart.
 */
language: Lang, };

export type UpdateActionInput = { 
/**
 * The plan to answer with.
 */
assessment_id: number, action_id: string, status: ActionStatus | null, title: string | null, owner: string | null, due: string | null, note: string | null, language: Lang, };

export type PlanExportInput = { assessment_id: number, 
/**
 * csv or xlsx.
 */
format: ExportFormat, language: Lang, };

export type PlanView = { actions: Array<ActionView>, open_over_time: Array<OpenPoint>, svg: string, 
/**
 * Today, as the overdue test used it.
 */
today: string, };

export type Role = { id: string, name: Text, source: string, coverage: string, headcount?: string, };

export type StaffingCard = { 
/**
 * The role-coverage chart (SVG from csirt-report).
 */
svg: string, summary: string, 
/**
 * The uncovered roles first, then where a vendor fits or does not.
 */
advice: Array<string>, };

export type DerivedSource = { questionnaire: string, title: Text, date?: string, };

export type Derivation = { source: DerivedSource, items: { [key in string]?: Array<string> }, };

export type DerivedCount = { unconfirmed: number, answered: number, source: DerivedSource, note: Text, label: Text, };

export type PrefillSource = { assessment_id: number, date: string, questionnaire: string, title: Text, target: string, target_title: Text, informs: number, offer: Text, };

export type PrefillSourcesInput = { organisation_id: number, 
/**
 * The questionnaire the new assessment will use; every loaded one when null.
 */
questionnaire: string | null, };

export type StartPrefilledInput = { organisation_id: number, questionnaire: string, 
/**
 * YYYY-MM-DD; today when null.
 */
date: string | null, 
/**
 * The assessment of the same organisation to derive the answers from.
 */
from: number, };

export type ConfirmDerivedInput = { assessment_id: number, 
/**
 * One item's derived answer, or every one when null.
 */
item: string | null, };

export type QuestionnaireInfo = { id: string, version: string, title: Text, items: number, 
/**
 * Shipped inside the app (cannot be removed).
 */
builtin: boolean, 
/**
 * Installed from a package (can be removed when no assessment uses it).
 */
package: boolean, 
/**
 * Its benchmarks' ids, the default first.
 */
benchmarks: Array<string>, };

/** The answers a service item takes (csirt_model::ServiceAnswer). */
export type ServiceAnswer = "in-house" | "outsourced" | "none";

/** Every service answer with its label, in the order forms list them. */
export const SERVICE_ANSWERS: ReadonlyArray<{ key: ServiceAnswer; label: Text }> = [
  { key: "in-house", label: { ja: "内製", en: "In-house" } },
  { key: "outsourced", label: { ja: "外注", en: "Outsourced" } },
  { key: "none", label: { ja: "提供していない", en: "Not provided" } },
];

/** Every command: the payload it takes as `input`, and what it returns. */
export interface Commands {
  app_info: { input: null; output: AppInfo };
  set_language: { input: LanguageInput; output: null };
  get_questionnaire: { input: QuestionnaireInput; output: Questionnaire };
  list_organisations: { input: null; output: Array<OrganisationRow> };
  create_organisation: { input: OrganisationInput; output: OrganisationRow };
  update_organisation: { input: UpdateOrganisationInput; output: OrganisationRow };
  delete_organisation: { input: IdInput; output: null };
  list_assessments: { input: ListAssessmentsInput; output: Array<AssessmentSummary> };
  create_assessment: { input: CreateAssessmentInput; output: AssessmentRow };
  delete_assessment: { input: IdInput; output: null };
  set_assessment_status: { input: SetStatusInput; output: AssessmentRow };
  load_assessment: { input: IdInput; output: AssessmentView };
  save_answer: { input: SaveAnswerInput; output: Completeness };
  clear_answer: { input: ItemInput; output: Completeness };
  save_note: { input: SaveNoteInput; output: null };
  set_target: { input: SetTargetInput; output: AssessmentView };
  radar_svg: { input: RadarInput; output: string };
  export_assessment: { input: ExportInput; output: SavedFile };
  import_assessment: { input: ImportInput; output: Imported };
  list_respondents: { input: IdInput; output: Array<RespondentRow> };
  add_respondent: { input: NewRespondent; output: Array<RespondentRow> };
  update_respondent: { input: UpdateRespondentInput; output: Array<RespondentRow> };
  delete_respondent: { input: RespondentInput; output: Array<RespondentRow> };
  respondent_answers: { input: RespondentInput; output: RespondentAnswers };
  workshop: { input: WorkshopInput; output: WorkshopView };
  set_consensus: { input: ConsensusInput; output: AssessmentView };
  hide_answers: { input: HideAnswersInput; output: null };
  import_respondents: { input: BulkImportInput; output: Array<BulkImportRow> };
  trend: { input: TrendInput; output: TrendView };
  peers: { input: IdInput; output: Array<PeerMatch> };
  preview_contribution: { input: ContributionInput; output: ContributionPreview };
  save_contribution: { input: SaveContributionInput; output: SavedFile };
  list_benchmarks: { input: QuestionnaireInput; output: Array<BenchmarkInfo> };
  import_benchmark: { input: null; output: BenchmarkInfo | null };
  set_assessment_benchmark: { input: SetBenchmarkInput; output: AssessmentView };
  narrative: { input: IdInput; output: Narrative };
  save_message: { input: SaveMessageInput; output: null };
  save_findings: { input: SaveFindingsInput; output: null };
  save_gap_note: { input: SaveGapNoteInput; output: null };
  choose_logo: { input: null; output: LogoInfo | null };
  clear_logo: { input: null; output: null };
  action_plan: { input: PlanInput; output: PlanView };
  add_action: { input: AddActionInput; output: PlanView };
  update_action: { input: UpdateActionInput; output: PlanView };
  export_plan: { input: PlanExportInput; output: SavedFile };
  staffing_card: { input: RadarInput; output: StaffingCard | null };
  prefill_sources: { input: PrefillSourcesInput; output: Array<PrefillSource> };
  start_prefilled: { input: StartPrefilledInput; output: AssessmentRow };
  confirm_derived: { input: ConfirmDerivedInput; output: AssessmentView };
  list_questionnaires: { input: null; output: Array<QuestionnaireInfo> };
  import_questionnaire: { input: null; output: QuestionnaireInfo | null };
  remove_questionnaire: { input: QuestionnaireInput; output: Array<QuestionnaireInfo> };
  csirt_forms: { input: null; output: Array<ProfileChoice> };
}
