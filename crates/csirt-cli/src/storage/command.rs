//! The clap subcommands of `csirt db`, `csirt org` and `csirt assessment`, with their arguments
//! and help texts.

use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// Print where the database is.
    Path,
    /// Write a consistent copy of the database (SQLite online backup).
    Backup { file: PathBuf },
    /// Check the database file's integrity.
    Check,
    /// Save answers in a loop, printing each one after its save returns (crash tests).
    #[command(hide = true)]
    StressWrite {
        #[arg(long)]
        assessment: i64,
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
        /// The first counter value, so successive runs write distinct values.
        #[arg(long, default_value_t = 0)]
        start: u64,
    },
}

#[derive(Subcommand, Debug)]
pub enum OrgCommand {
    /// Add an organisation.
    Add {
        name: String,
        #[arg(long)]
        sector: Option<String>,
        #[arg(long)]
        size: Option<String>,
        /// CSIRT form: distributed, integrated, centralised, coordinating, …
        #[arg(long)]
        form: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List organisations.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Scores of an organisation's assessments over time, and what changed since the last one.
    Trend {
        id: i64,
        /// The questionnaire whose assessments to compare (default: that of the latest
        /// assessment); a trend never mixes questionnaires.
        #[arg(long)]
        questionnaire: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Xlsx,
}

#[derive(Subcommand, Debug)]
pub enum AssessmentCommand {
    /// Start a new (draft) assessment for an organisation.
    New {
        #[arg(long)]
        org: i64,
        #[arg(long, default_value = "jpcert-2015")]
        questionnaire: String,
        /// Date of the assessment, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Start from this assessment of the same organisation (another questionnaire): the
        /// answers it informs are derived and marked until confirmed (`assessment confirm`).
        #[arg(long, value_name = "ASSESSMENT_ID")]
        prefill_from: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Confirm derived answers as they stand: one item's, or every one with --all.
    Confirm {
        id: i64,
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        item: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// Correct the date of an assessment (YYYY-MM-DD, a real calendar day).
    Date { id: i64, date: String },
    /// Delete a stored assessment with everything it holds (answers, respondents, agreed
    /// answers, notes, action plan), without asking; prints what was deleted. Export it first
    /// (`assessment export`) to keep a copy.
    Delete { id: i64 },
    /// Remove, after `show` has listed them, the stored answers, notes, agreed answers and
    /// targets that the loaded questionnaire version can no longer take (all, or one item's).
    DropMisfits {
        id: i64,
        #[arg(long)]
        item: Option<String>,
    },
    /// List assessments, of one organisation or all.
    List {
        #[arg(long)]
        org: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Make an anonymous benchmark contribution from a stored assessment (see `csirt contribute`).
    Contribute {
        id: i64,
        #[command(flatten)]
        args: crate::contribute::ContributeArgs,
    },
    /// Show an assessment's answers.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Save one answer: a JSON value in the interchange notation ("b", ["a","h"], 7, "in-house").
    Answer {
        id: i64,
        item: String,
        value: String,
        #[arg(long)]
        respondent: Option<i64>,
    },
    /// Export an assessment as an interchange file (json), CSV or XLSX.
    Export {
        id: i64,
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Encrypt the interchange file with a passphrase (age, scrypt): from
        /// --passphrase-file or $CSIRT_PASSPHRASE.
        #[arg(long)]
        encrypt: bool,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// For CSV and XLSX: compare with this benchmark instead of the one remembered.
        #[command(flatten)]
        choice: crate::choice::BenchmarkChoice,
    },
    /// Import an interchange file (plain or encrypted). Everything is validated before anything
    /// is written.
    Import {
        file: PathBuf,
        /// Attach to this organisation instead of matching by name.
        #[arg(long)]
        org: Option<i64>,
        /// Add the file's answers as a new respondent of this assessment (a workshop
        /// participant who answered on their own machine).
        #[arg(long, requires = "respondent")]
        into: Option<i64>,
        /// The respondent's name, with --into.
        #[arg(long)]
        respondent: Option<String>,
        /// The respondent's role (CSIRT lead, IT operations, legal, PR…).
        #[arg(long)]
        role: Option<String>,
        /// With --into: replace the answers of the respondent of the same name (a participant
        /// who sent a corrected file) instead of refusing the second import.
        #[arg(long, requires = "into")]
        replace: bool,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Add a workshop respondent; prints its id (use it with `answer --respondent`).
    AddRespondent {
        id: i64,
        name: String,
        #[arg(long)]
        role: Option<String>,
    },
    /// The workshop's respondents: id, name, role (the facilitator first, unnamed).
    Respondents {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Correct a respondent's name and role.
    RenameRespondent {
        id: i64,
        respondent: i64,
        name: String,
        #[arg(long)]
        role: Option<String>,
    },
    /// Remove a respondent with their answers and notes (agreed answers stay).
    RemoveRespondent { id: i64, respondent: i64 },
    /// The workshop's disagreements, most disputed first: the facilitator's agenda.
    Divergence {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Set the answer the workshop agreed on, with a note.
    Consensus {
        id: i64,
        item: String,
        value: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// The nearest of the teams the benchmark's source interviewed (where its benchmark has
    /// `[peer_matching]`), and what they do that you do not.
    Peers {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The PDF of a stored assessment, with the trend over earlier assessments of the same
    /// organisation and the workshop's disagreements.
    Report {
        id: i64,
        /// Where to write the report (default: report.pdf, report.html or report.docx). Without
        /// --format, its extension (.pdf, .html, .docx) chooses the format.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The file format: pdf (default), html, or docx (an editable Word document); refused
        /// when it contradicts the extension of -o.
        #[arg(long, value_enum)]
        format: Option<crate::report_format::ReportFormat>,
        /// Add the nearest interviewed teams.
        #[arg(long)]
        peers: bool,
        /// Compare with this benchmark instead of the one remembered for the assessment.
        #[command(flatten)]
        choice: crate::choice::BenchmarkChoice,
        #[command(flatten)]
        report: crate::report_flags::ReportFlags,
    },
    /// The benchmark the assessment is compared with: shown, or changed and remembered with
    /// --benchmark <id> [--segment <id>], or back to the questionnaire's own with --default.
    Benchmark {
        id: i64,
        #[command(flatten)]
        choice: crate::choice::BenchmarkChoice,
        #[arg(long, conflicts_with_all = ["benchmark", "segment"])]
        default: bool,
    },
    /// Mark an assessment final (or draft again).
    Status { id: i64, status: String },
    /// The assessor's own words: the executive message, key findings and notes on gaps. Shown,
    /// or changed with --message/--message-file, --finding, --gap-note and --clear.
    Narrative {
        id: i64,
        #[command(flatten)]
        args: super::narrative::NarrativeArgs,
    },
}
