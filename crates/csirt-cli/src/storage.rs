//! The storage commands of `csirt`: database location, organisations, assessments, import,
//! export and backup.

use crate::{print_json, read_file, CliError};
use clap::{Subcommand, ValueEnum};
use csirt_model::{
    bi, Answer, Catalog, Lang, Localized, Organisation, Questionnaire, Status, Text,
};
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
    /// Scores of an organisation's assessments over time, and what changed since the last one.
    Trend {
        id: i64,
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
    /// Correct the date of an assessment (YYYY-MM-DD, a real calendar day).
    Date { id: i64, date: String },
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
    /// The nearest of the nine teams JPCERT/CC interviewed, and what they do that you do not.
    Peers {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The PDF of a stored assessment, with the trend over earlier assessments of the same
    /// organisation and the workshop's disagreements.
    Report {
        id: i64,
        #[arg(short, long, default_value = "report.pdf")]
        output: PathBuf,
        /// Add the nearest interviewed teams.
        #[arg(long)]
        peers: bool,
        /// Compare with this benchmark instead of the one remembered for the assessment.
        #[command(flatten)]
        choice: crate::choice::BenchmarkChoice,
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
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match cmd {
        DbCommand::Path => writeln!(out, "{}", path.display())?,
        DbCommand::Backup { file } => {
            let store = Store::open(path)?;
            store.backup_to(&file)?;
            let (from, to) = (path.display(), file.display());
            let done = bi!(
                "{from} を {to} にバックアップしました",
                "backed up {from} to {to}"
            );
            writeln!(out, "{}", done.get(lang))?;
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

fn passphrase(file: Option<&Path>) -> Result<String, CliError> {
    match file {
        Some(f) => {
            let text = std::fs::read_to_string(f).map_err(|source| CliError::Read {
                path: f.to_path_buf(),
                source,
            })?;
            // Notepad saves with a byte-order mark; it is not part of the passphrase.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            Ok(text.trim_end_matches(['\n', '\r']).to_string())
        }
        None => std::env::var("CSIRT_PASSPHRASE").map_err(|_| {
            CliError::BadValue(bi!(
                "パスフレーズが必要です。--passphrase-file <ファイル> を指定するか、CSIRT_PASSPHRASE を設定してください",
                "a passphrase is needed: pass --passphrase-file <file> or set CSIRT_PASSPHRASE"
            ))
        }),
    }
}

/// A cell of the tab-separated lists: a name stored before names were checked may hold a tab
/// or a line break, which would break the columns, so each becomes one space.
fn cell(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// How a stored date is listed: as stored, marked when it is not a real calendar day (written
/// before dates were checked), so that the user sees what to correct.
fn shown_date(date: &str, lang: Lang) -> String {
    match csirt_model::date::parse_date(date) {
        Ok(_) => date.to_string(),
        Err(_) => {
            let d = cell(date);
            bi!("{d}（日付が正しくありません）", "{d} (not a valid date)")
                .get(lang)
                .to_string()
        }
    }
}

/// Warns on stderr, in the user's language, when the stored assessment was answered with
/// another questionnaire version or holds values the loaded one cannot take.
fn warn_fit(store: &Store, q: &Questionnaire, id: i64, lang: Lang) -> Result<(), CliError> {
    let fit = store.fit(q, id)?;
    if let Some(w) = fit.warning(id) {
        let label = match lang {
            Lang::Ja => "警告",
            Lang::En => "warning",
        };
        eprintln!("{label}: {}", w.get(lang));
        if !fit.misfits.is_empty() {
            eprintln!(
                "{}",
                bi!(
                    "  答え直すか、`csirt assessment drop-misfits {id}` で削除すると、この警告は消えます",
                    "  answer them again, or remove them with `csirt assessment drop-misfits {id}`, to clear this warning"
                )
                .get(lang)
            );
        }
    }
    Ok(())
}

/// The CLI's name for the default respondent (the facilitator) in divergence lists and the
/// report; the same words the app uses.
pub(crate) fn default_respondent(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ファシリテーター",
        Lang::En => "Facilitator",
    }
}

pub fn org(
    cmd: OrgCommand,
    path: &Path,
    catalog: &Catalog,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
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
        OrgCommand::Trend { id, json } => {
            store.organisation(id)?;
            let trend = store.trend(catalog, id, None)?;
            if json {
                print_json(out, &trend)?;
            } else {
                for p in &trend.points {
                    let overall = p
                        .overall
                        .map(|v| format!("{v:.1}"))
                        .unwrap_or_else(|| "-".into());
                    writeln!(out, "{}\t{overall}", shown_date(&p.date, lang))?;
                }
                for (label, list) in [
                    (
                        Text::new("改善", "improved").get(lang).to_string(),
                        &trend.improved,
                    ),
                    (
                        Text::new("後退", "regressed").get(lang).to_string(),
                        &trend.regressed,
                    ),
                ] {
                    for c in list {
                        writeln!(
                            out,
                            "{label}\t{}\t{} -> {}\t{:+.1}",
                            c.item, c.from_key, c.to_key, c.delta
                        )?;
                    }
                }
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
                        cell(&o.name),
                        cell(&o.sector.unwrap_or_default()),
                        o.assessments
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// An answer typed on the command line, in the interchange notation.
fn parse_answer(value: &str) -> Result<Answer, CliError> {
    serde_json::from_str(value).map_err(|e| {
        CliError::BadValue(bi!(
            "{value:?} は JSON の回答ではありません（例: \"b\"、[\"a\",\"h\"]、7）: {e}",
            "{value:?} is not a JSON answer (\"b\", [\"a\",\"h\"], 7): {e}"
        ))
    })
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
                        a.id,
                        shown_date(&a.date, lang),
                        cell(&a.organisation_name),
                        a.questionnaire_id,
                        a.status,
                        a.answered
                    )?;
                }
            }
        }
        AssessmentCommand::Contribute { id, args } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            warn_fit(&store, q, id, lang)?;
            let a = store.load_assessment(q, id)?;
            crate::contribute::contribute(q, &a, &args, lang, out)?;
        }
        AssessmentCommand::Show { id, json } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let a = store.load_assessment(&set.questionnaire, id)?;
            warn_fit(&store, &set.questionnaire, id, lang)?;
            if json {
                print_json(out, &a)?;
            } else {
                writeln!(
                    out,
                    "{} — {} ({:?})",
                    cell(&a.organisation.name),
                    shown_date(&row.date, lang),
                    row.status
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
            let answer = parse_answer(&value)?;
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            store.save_answer(&set.questionnaire, id, respondent, &item, &answer, None)?;
        }
        AssessmentCommand::Export {
            id,
            format,
            output,
            encrypt,
            passphrase_file,
            choice,
        } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let catalog = &chosen(&store, catalog, id, &row.questionnaire_id, &choice)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            warn_fit(&store, q, id, lang)?;
            // The interchange file carries the workshop, if any, so that importing it elsewhere
            // loses nobody's answers (scoring ignores it); it is refused while stored answers
            // misfit the loaded questionnaire, as it could not be imported. CSV and XLSX are
            // read, not imported: they show what fits, after the warning.
            let a = match format {
                ExportFormat::Json => store.export_assessment(q, id)?,
                ExportFormat::Csv | ExportFormat::Xlsx => store.load_assessment(q, id)?,
            };
            let bytes = match format {
                ExportFormat::Json if encrypt => {
                    let pass = passphrase(passphrase_file.as_deref())?;
                    csirt_export::encrypt::encrypt(
                        format!("{}\n", a.to_json_pretty()).as_bytes(),
                        &pass,
                        csirt_export::encrypt::DEFAULT_WORK_FACTOR,
                    )?
                }
                _ if encrypt => {
                    return Err(CliError::BadValue(bi!(
                        "--encrypt は評価ファイル（--format json）にだけ使えます",
                        "--encrypt applies to the interchange file (--format json)"
                    )))
                }
                ExportFormat::Json => format!("{}\n", a.to_json_pretty()).into_bytes(),
                ExportFormat::Csv | ExportFormat::Xlsx => {
                    let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a)?;
                    let exported = match format {
                        ExportFormat::Csv => {
                            csirt_export::answers_csv_with_warnings(q, &a, &report, lang)?
                        }
                        _ => csirt_export::workbook_xlsx_with_warnings(q, &a, &report, lang)?,
                    };
                    // A cell cut to fit is marked in the file; say which, on stderr.
                    let label = csirt_model::Text::new("警告", "warning");
                    for w in &exported.warnings {
                        eprintln!("{}: {}", label.get(lang), w.get(lang));
                    }
                    exported.bytes
                }
            };
            write_output(output.as_deref(), &bytes, out)?;
        }
        AssessmentCommand::Import {
            file,
            org,
            into,
            respondent,
            role,
            replace,
            passphrase_file,
        } => {
            let mut bytes = read_file(&file)?;
            if csirt_export::encrypt::is_encrypted(&bytes) {
                let pass = passphrase(passphrase_file.as_deref()).map_err(|e| match e {
                    CliError::BadValue(t) => {
                        let p = file.display();
                        let (ja, en) = (&t.ja, &t.en);
                        CliError::BadValue(bi!(
                            "{p} は封印された（パスフレーズで暗号化された）ファイルです。{ja}",
                            "{p} is sealed (encrypted with a passphrase): {en}"
                        ))
                    }
                    other => other,
                })?;
                bytes = csirt_export::encrypt::decrypt(&bytes, &pass)?;
            }
            let a = csirt_model::assessment::parse(&bytes)?;
            csirt_model::assessment::validate(&a, catalog)?;
            let set = catalog.get(&a.questionnaire)?;
            let mut store = Store::open(path)?;
            let id = match (into, respondent) {
                (Some(target), Some(name)) => store.import_respondent(
                    &set.questionnaire,
                    target,
                    &name,
                    role.as_deref(),
                    &a,
                    replace,
                )?,
                _ => store.import(&set.questionnaire, &a, org)?,
            };
            writeln!(out, "{id}")?;
        }
        AssessmentCommand::AddRespondent { id, name, role } => {
            let store = Store::open(path)?;
            writeln!(out, "{}", store.add_respondent(id, &name, role.as_deref())?)?;
        }
        AssessmentCommand::Respondents { id, json } => {
            let store = Store::open(path)?;
            let rows = store.list_respondents(id)?;
            if json {
                print_json(out, &rows)?;
            } else {
                for r in rows {
                    let name = if r.is_default {
                        default_respondent(lang).to_string()
                    } else {
                        r.name
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{}",
                        r.id,
                        cell(&name),
                        cell(&r.role.unwrap_or_default())
                    )?;
                }
            }
        }
        AssessmentCommand::RenameRespondent {
            id,
            respondent,
            name,
            role,
        } => {
            let mut store = Store::open(path)?;
            store.update_respondent(id, respondent, &name, role.as_deref())?;
        }
        AssessmentCommand::RemoveRespondent { id, respondent } => {
            let mut store = Store::open(path)?;
            store.delete_respondent(id, respondent)?;
        }
        AssessmentCommand::Divergence { id, json } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let div = store.divergence(&set.questionnaire, id, default_respondent(lang))?;
            if json {
                print_json(out, &div)?;
            } else {
                for d in div.iter().filter(|d| d.disagreement > 0.0) {
                    let answers: Vec<String> =
                        d.answers.iter().map(|(w, a)| format!("{w}={a}")).collect();
                    writeln!(
                        out,
                        "{:.3}\t{}\t{}",
                        d.disagreement,
                        d.item,
                        answers.join("  ")
                    )?;
                }
            }
        }
        AssessmentCommand::Consensus {
            id,
            item,
            value,
            note,
        } => {
            let answer = parse_answer(&value)?;
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            store.set_consensus(
                &set.questionnaire,
                id,
                &item,
                Some(&answer),
                None,
                note.as_deref(),
            )?;
        }
        AssessmentCommand::Peers { id, json } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            let a = store.load_assessment(q, id)?;
            let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a)?;
            let peers = match set.benchmark.as_deref() {
                Some(b) => csirt_scoring::nearest_peers(q, b, &a, &report),
                None => Vec::new(),
            };
            if json {
                print_json(out, &peers)?;
            } else {
                for p in &peers {
                    writeln!(
                        out,
                        "{:.2}\t{}\t{}",
                        p.distance,
                        p.team,
                        p.organisation.get(lang)
                    )?;
                    for pr in p.practices.iter().take(3) {
                        writeln!(out, "\t§{} [{}] {}", pr.section, pr.item, pr.text.get(lang))?;
                    }
                }
            }
        }
        AssessmentCommand::Benchmark {
            id,
            choice,
            default,
        } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            if default || !choice.is_default() {
                let wanted = csirt_store::BenchmarkChoice {
                    benchmark: choice.benchmark.clone(),
                    segment: choice.segment.clone(),
                };
                store.set_benchmark_choice(set, id, &wanted)?;
            }
            let stored = store.benchmark_choice(id)?;
            let b = set.choose(stored.benchmark.as_deref(), stored.segment.as_deref())?;
            match b {
                Some(b) => writeln!(out, "{}", b.reference().line().get(lang))?,
                None => writeln!(
                    out,
                    "{}",
                    csirt_model::Text::new("基準データなし", "no benchmark").get(lang)
                )?,
            }
        }
        AssessmentCommand::Report {
            id,
            output,
            peers,
            choice,
        } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let survey = catalog.get(&row.questionnaire_id)?.benchmark.clone();
            let catalog = &chosen(&store, catalog, id, &row.questionnaire_id, &choice)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            let a = store.load_assessment(q, id)?;
            warn_fit(&store, q, id, lang)?;
            let score = csirt_scoring::score(q, set.benchmark.as_deref(), &a)?;
            let context = store.report_context(catalog, id, default_respondent(lang))?;
            // The interviewed teams belong to the questionnaire's own benchmark (the survey),
            // whichever benchmark the standings come from.
            let peer_list = match (peers, survey.as_deref()) {
                (true, Some(b)) => Some(csirt_scoring::nearest_peers(q, b, &a, &score)),
                _ => None,
            };
            let input = csirt_report::ReportInput {
                questionnaire: q,
                benchmark: set.benchmark.as_deref(),
                assessment: &a,
                score: &score,
            };
            let extras = csirt_report::ReportExtras {
                divergence: &context.divergence,
                consensus_notes: &context.consensus_notes,
                trend: Some(&context.trend),
                peers: peer_list.as_deref(),
            };
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            let pdf = csirt_report::render_pdf_with(&input, &extras, lang, now)?;
            std::fs::write(&output, &pdf).map_err(|source| CliError::WriteFile {
                path: output.clone(),
                source,
            })?;
            writeln!(out, "{} ({} bytes)", output.display(), pdf.len())?;
        }
        AssessmentCommand::Status { id, status } => {
            let status = match status.as_str() {
                "draft" => Status::Draft,
                "final" => Status::Final,
                other => {
                    return Err(CliError::BadValue(bi!(
                        "状態 {other:?} は使えません。draft か final を指定してください",
                        "status {other:?}: use draft or final"
                    )))
                }
            };
            Store::open(path)?.set_status(id, status)?;
        }
        AssessmentCommand::Date { id, date } => {
            Store::open(path)?.set_date(id, &date)?;
        }
        AssessmentCommand::DropMisfits { id, item } => {
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            for m in store.drop_misfits(&set.questionnaire, id, item.as_deref())? {
                writeln!(out, "{}", m.localized(lang))?;
            }
        }
    }
    Ok(())
}

/// The catalog with the assessment's benchmark in place: the one given on the command line,
/// or else the one remembered for the assessment. A remembered benchmark that is no longer
/// there (its file removed) is an error naming it.
fn chosen(
    store: &Store,
    catalog: &Catalog,
    id: i64,
    questionnaire: &str,
    choice: &crate::choice::BenchmarkChoice,
) -> Result<Catalog, CliError> {
    let mut catalog = catalog.clone();
    if !choice.is_default() {
        crate::choice::apply(&mut catalog, choice)?;
        return Ok(catalog);
    }
    let stored = store.benchmark_choice(id)?;
    if let Some(set) = catalog
        .sets
        .iter_mut()
        .find(|s| s.questionnaire.id == questionnaire)
    {
        set.benchmark = set.choose(stored.benchmark.as_deref(), stored.segment.as_deref())?;
    }
    Ok(catalog)
}

/// The folder of benchmarks the user added (in the app, or by copying files): `benchmarks`
/// beside the database.
pub fn added_benchmarks_dir(db: &Path) -> PathBuf {
    db.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("benchmarks")
}
