//! The storage commands of `csirt`: database location, organisations, assessments, import,
//! export and backup.

mod assessment;
mod command;
mod narrative;
mod prefill;

pub use assessment::assessment;
pub use command::{AssessmentCommand, DbCommand, ExportFormat, OrgCommand};

use crate::{print_json, CliError};
use csirt_model::{bi, Answer, Catalog, Lang, Organisation, Questionnaire, Text};
use csirt_store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

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
        Lang::Ja => "進行役",
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
        OrgCommand::Trend {
            id,
            questionnaire,
            json,
        } => {
            store.organisation(id)?;
            if let Some(q) = &questionnaire {
                catalog.get(q)?;
            }
            let trend =
                csirt_usecase::view::trend(&store, catalog, id, questionnaire.as_deref(), None)?;
            if json {
                print_json(out, &trend)?;
            } else {
                if let Some(note) = &trend.note {
                    writeln!(out, "{}", note.get(lang))?;
                }
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
