//! The storage commands of `csirt`: database location, organisations, assessments, import,
//! export and backup.

use crate::{print_json, read_file, CliError};
use clap::{Subcommand, ValueEnum};
use csirt_model::{assessment, Answer, Catalog, Lang, Organisation, Status};
use csirt_store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

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
        #[arg(long)]
        json: bool,
    },
    /// List assessments, of one organisation or all.
    List {
        #[arg(long)]
        org: Option<i64>,
        #[arg(long)]
        json: bool,
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
    },
    /// Import an interchange file. Everything is validated before anything is written.
    Import {
        file: PathBuf,
        /// Attach to this organisation instead of matching by name.
        #[arg(long)]
        org: Option<i64>,
    },
    /// Mark an assessment final (or draft again).
    Status { id: i64, status: String },
}

/// The database path: `--db`, then `CSIRT_DB` (clap reads both), then the platform's data folder.
pub fn db_path(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    let dirs = directories::ProjectDirs::from("org", "CSIRT Assessment", "csirt-assessment")
        .ok_or(CliError::NoDataDir)?;
    Ok(csirt_store::default_db_path(dirs.data_dir()))
}

pub fn db(
    cmd: DbCommand,
    path: &Path,
    catalog: &Catalog,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match cmd {
        DbCommand::Path => writeln!(out, "{}", path.display())?,
        DbCommand::Backup { file } => {
            let store = Store::open(path)?;
            store.backup_to(&file)?;
            writeln!(out, "backed up {} to {}", path.display(), file.display())?;
        }
        DbCommand::Check => {
            let store = Store::open(path)?;
            let result = store.integrity_check()?;
            writeln!(out, "{result}")?;
            if result != "ok" {
                return Err(CliError::Integrity(result));
            }
        }
        DbCommand::StressWrite {
            assessment,
            count,
            start,
        } => {
            let mut store = Store::open(path)?;
            let row = store.assessment(assessment)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            // An answer of text, a comment and an answer of number type; the value carries the
            // counter, so a reader can tell which save came last.
            for n in (start..).take(usize::try_from(count).unwrap_or(usize::MAX)) {
                match n % 3 {
                    0 => store.save_answer(
                        q,
                        assessment,
                        None,
                        "2.9.w",
                        &Answer::Text(format!("n{n}")),
                        None,
                    )?,
                    1 => {
                        store.save_note(q, assessment, None, "2.8", Some(&format!("n{n}")), None)?
                    }
                    _ => store.save_answer(
                        q,
                        assessment,
                        None,
                        "3.3",
                        &Answer::Number(serde_json::Number::from(n % 10_000)),
                        None,
                    )?,
                }
                writeln!(out, "{n}")?;
                out.flush()?;
            }
        }
    }
    Ok(())
}

pub fn org(cmd: OrgCommand, path: &Path, out: &mut impl Write) -> Result<(), CliError> {
    let store = Store::open(path)?;
    match cmd {
        OrgCommand::Add {
            name,
            sector,
            size,
            form,
            json,
        } => {
            let id = store.add_organisation(&Organisation {
                name,
                sector,
                size,
                csirt_form: form,
            })?;
            if json {
                print_json(out, &store.organisation(id)?)?;
            } else {
                writeln!(out, "{id}")?;
            }
        }
        OrgCommand::List { json } => {
            let orgs = store.list_organisations()?;
            if json {
                print_json(out, &orgs)?;
            } else {
                for o in orgs {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        o.id,
                        o.name,
                        o.sector.unwrap_or_default(),
                        o.assessments
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn write_output(output: Option<&Path>, bytes: &[u8], out: &mut impl Write) -> Result<(), CliError> {
    match output {
        Some(p) => std::fs::write(p, bytes).map_err(|source| CliError::WriteFile {
            path: p.to_path_buf(),
            source,
        })?,
        None => out.write_all(bytes)?,
    }
    Ok(())
}

pub fn assessment(
    cmd: AssessmentCommand,
    path: &Path,
    catalog: &Catalog,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match cmd {
        AssessmentCommand::New {
            org,
            questionnaire,
            date,
            json,
        } => {
            let set = catalog.get(&questionnaire)?;
            let mut store = Store::open(path)?;
            let id = store.create_assessment(org, &set.questionnaire, date.as_deref(), lang)?;
            if json {
                print_json(out, &store.assessment(id)?)?;
            } else {
                writeln!(out, "{id}")?;
            }
        }
        AssessmentCommand::List { org, json } => {
            let store = Store::open(path)?;
            let rows = store.list_assessments(org)?;
            if json {
                print_json(out, &rows)?;
            } else {
                for a in rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{:?}\t{}",
                        a.id, a.date, a.organisation_name, a.questionnaire_id, a.status, a.answered
                    )?;
                }
            }
        }
        AssessmentCommand::Show { id, json } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let a = store.load_assessment(&set.questionnaire, id)?;
            if json {
                print_json(out, &a)?;
            } else {
                writeln!(
                    out,
                    "{} — {} ({:?})",
                    a.organisation.name, row.date, row.status
                )?;
                for item in set.questionnaire.answerable_items() {
                    let answer = a
                        .answers
                        .get(&item.id)
                        .map(|x| item.describe_answer(x, lang))
                        .unwrap_or_else(|| "—".to_string());
                    writeln!(out, "{:<7} {answer}", item.id)?;
                }
            }
        }
        AssessmentCommand::Answer {
            id,
            item,
            value,
            respondent,
        } => {
            let answer: Answer = serde_json::from_str(&value).map_err(|e| {
                CliError::BadValue(format!(
                    "{value:?} is not a JSON answer (\"b\", [\"a\",\"h\"], 7): {e}"
                ))
            })?;
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            store.save_answer(&set.questionnaire, id, respondent, &item, &answer, None)?;
        }
        AssessmentCommand::Export { id, format, output } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            let a = store.load_assessment(q, id)?;
            let bytes = match format {
                ExportFormat::Json => format!("{}\n", a.to_json_pretty()).into_bytes(),
                ExportFormat::Csv | ExportFormat::Xlsx => {
                    let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a)?;
                    match format {
                        ExportFormat::Csv => csirt_export::answers_csv(q, &a, &report, lang)?,
                        _ => csirt_export::workbook_xlsx(q, &a, &report, lang)?,
                    }
                }
            };
            write_output(output.as_deref(), &bytes, out)?;
        }
        AssessmentCommand::Import { file, org } => {
            let a = assessment::parse(&read_file(&file)?)?;
            assessment::validate(&a, catalog)?;
            let set = catalog.get(&a.questionnaire)?;
            let mut store = Store::open(path)?;
            let id = store.import(&set.questionnaire, &a, org)?;
            writeln!(out, "{id}")?;
        }
        AssessmentCommand::Status { id, status } => {
            let status = match status.as_str() {
                "draft" => Status::Draft,
                "final" => Status::Final,
                other => {
                    return Err(CliError::BadValue(format!(
                        "status {other:?}: use draft or final"
                    )))
                }
            };
            Store::open(path)?.set_status(id, status)?;
        }
    }
    Ok(())
}
