//! `csirt`: the headless command line over the core crates, for batch work, scripts and tests.

mod action;
mod batch;
mod choice;
mod contribute;
mod human;
mod package;
mod report_flags;
mod report_format;
mod storage;
mod version;

use clap::{Parser, Subcommand};
use csirt_model::{
    assessment, demo, load_dir, Assessment, Catalog, Lang, Localized, ModelError, Text,
};
use csirt_scoring::ScoringError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Scoring(#[from] ScoringError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Store(#[from] csirt_store::StoreError),
    #[error(transparent)]
    Export(#[from] csirt_export::ExportError),
    #[error(transparent)]
    Report(#[from] csirt_report::ReportError),
    #[error(transparent)]
    Crypto(#[from] csirt_export::encrypt::CryptoError),
    /// Boxed: it can hold a store error, and the enum stays small.
    #[error(transparent)]
    Usecase(Box<csirt_usecase::UsecaseError>),
    #[error("cannot write {path}: {source}")]
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("this platform has no data folder: pass --db <file> or set CSIRT_DB")]
    NoDataDir,
    #[error("integrity check failed: {0}")]
    Integrity(String),
    #[error("{0}")]
    BadValue(Text),
    #[error("{failed} of {total} reports failed")]
    BatchFailed { failed: usize, total: usize },
    #[error("{path} is sealed (encrypted with a passphrase): import it with its passphrase (`csirt assessment import {path} --passphrase-file <file>`, or $CSIRT_PASSPHRASE), then work on the stored assessment")]
    Sealed { path: PathBuf },
}

impl From<csirt_usecase::UsecaseError> for CliError {
    fn from(e: csirt_usecase::UsecaseError) -> Self {
        CliError::Usecase(Box::new(e))
    }
}

impl Localized for CliError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            CliError::Model(e) => return e.localized(lang),
            CliError::Scoring(e) => return e.localized(lang),
            CliError::Store(e) => return e.localized(lang),
            CliError::Export(e) => return e.localized(lang),
            CliError::Report(e) => return e.localized(lang),
            CliError::Crypto(e) => return e.localized(lang),
            CliError::Usecase(e) => return e.localized(lang),
            CliError::BadValue(t) => return t.get(lang).to_string(),
            _ if lang == Lang::En => return self.to_string(),
            _ => {}
        }
        let ja = csirt_model::error::io_ja;
        match self {
            CliError::Read { path, source } => {
                format!("{} を読めません: {}", path.display(), ja(source))
            }
            CliError::Write(e) => format!("出力を書き込めません: {}", ja(e)),
            CliError::Json(e) => format!("JSON に変換できません: {e}"),
            CliError::WriteFile { path, source } => {
                format!("{} に書き込めません: {}", path.display(), ja(source))
            }
            CliError::NoDataDir => "この環境にはデータ用のフォルダがありません。--db <ファイル> を指定するか、CSIRT_DB を設定してください".into(),
            CliError::Integrity(detail) => format!("整合性検査で問題が見つかりました: {detail}"),
            CliError::BatchFailed { failed, total } => {
                format!("{total} 件の報告書のうち {failed} 件を作れませんでした")
            }
            CliError::Sealed { path } => format!(
                "{p} は封印された（パスフレーズで暗号化された）ファイルです。パスフレーズを指定して取り込み（`csirt assessment import {p} --passphrase-file <ファイル>` か $CSIRT_PASSPHRASE）、取り込んだ評価を使ってください",
                p = path.display()
            ),
            // Handled above.
            other => other.to_string(),
        }
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "csirt",
    version,
    about = "CSIRT maturity assessment: questionnaires, scores against their benchmarks, reports"
)]
struct Cli {
    /// Extra questionnaire folders (each holding questionnaire.toml and benchmark.toml).
    /// Defaults to $CSIRT_QUESTIONNAIRES; the built-in questionnaires and the packages installed
    /// beside the database (`csirt questionnaire import`) are always available.
    #[arg(long, global = true, env = "CSIRT_QUESTIONNAIRES")]
    questionnaires: Option<PathBuf>,
    /// The database file. Defaults to $CSIRT_DB, then the platform's app-data folder.
    #[arg(long, global = true, env = "CSIRT_DB")]
    db: Option<PathBuf>,
    /// Language of human output: ja or en.
    #[arg(long, global = true, default_value = "ja")]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List or show questionnaires.
    Questionnaire {
        #[command(subcommand)]
        command: QuestionnaireCommand,
    },
    /// Validate a questionnaire folder and report every problem with its file and line.
    Validate { dir: PathBuf },
    /// Show a questionnaire's benchmark figures.
    Benchmark {
        #[command(subcommand)]
        command: BenchmarkCommand,
    },
    /// Score an assessment file against its questionnaire and benchmark.
    Score {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        choice: choice::BenchmarkChoice,
    },
    /// Print the demo assessment (a realistic sample) as an interchange file.
    Demo {
        /// The questionnaire whose demo to print (every built-in questionnaire has one).
        #[arg(long, default_value = csirt_model::load::BUILTIN_ID)]
        questionnaire: String,
    },
    /// Make an anonymous benchmark contribution (csirt-contribution/1) from an assessment file:
    /// only the benchmarkable answers, the month and a coarse profile leave the machine.
    Contribute {
        file: PathBuf,
        #[command(flatten)]
        args: contribute::ContributeArgs,
    },
    /// Write the gap-analysis PDF of an assessment file (or of the demo, or of every file in a
    /// folder).
    Report {
        /// The assessment interchange file.
        #[arg(required_unless_present_any = ["demo", "all"])]
        file: Option<PathBuf>,
        /// Use the demo organisation instead of a file.
        #[arg(long, conflicts_with_all = ["file", "all"])]
        demo: bool,
        /// With --demo: the questionnaire whose demo to report (default jpcert-2015).
        #[arg(long, requires = "demo")]
        questionnaire: Option<String>,
        /// Render one report per *.json or *.csirt in this folder, beside each file, with a progress bar.
        #[arg(long, conflicts_with = "file")]
        all: Option<PathBuf>,
        /// Where to write the report (default: report.pdf, report.html or report.docx). Without
        /// --format, its extension (.pdf, .html, .docx) chooses the format.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The file format: pdf (default), html, or docx (an editable Word document); refused
        /// when it contradicts the extension of -o.
        #[arg(long, value_enum, conflicts_with = "html")]
        format: Option<report_format::ReportFormat>,
        /// Write the same content as one HTML page instead of a PDF (same as --format html).
        #[arg(long)]
        html: bool,
        #[command(flatten)]
        choice: choice::BenchmarkChoice,
        #[command(flatten)]
        report: report_flags::ReportFlags,
    },
    /// The database: where it is, backups, integrity.
    Db {
        #[command(subcommand)]
        command: storage::DbCommand,
    },
    /// Organisations.
    Org {
        #[command(subcommand)]
        command: storage::OrgCommand,
    },
    /// Assessments: new, list, show, answer, export, import.
    Assessment {
        #[command(subcommand)]
        command: storage::AssessmentCommand,
    },
    /// The action plan of an assessment: add, list, update, export.
    Action {
        #[command(subcommand)]
        command: action::ActionCommand,
    },
}

#[derive(Subcommand, Debug)]
enum QuestionnaireCommand {
    /// Every questionnaire (built in, installed packages, folders) with its version.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Install a questionnaire package (the questionnaire folder, zipped) beside the database,
    /// after validating it as `csirt validate` does.
    Import { file: PathBuf },
    /// Remove an installed package; refused while a stored assessment uses it.
    Remove { id: String },
    /// One questionnaire (built in, installed package or folder): its title, id and version,
    /// then every section with its items (id, answer type, question); --json for the whole
    /// questionnaire as data.
    Show {
        /// The questionnaire's id, as `questionnaire list` shows it (e.g. jpcert-2015, sim3).
        id: String,
        /// Print the questionnaire as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum BenchmarkCommand {
    /// Every benchmark of every questionnaire, with its n, dates, source and segments.
    List {
        #[arg(long)]
        json: bool,
    },
    /// A questionnaire's benchmark figures (its default benchmark, or the one chosen).
    Show {
        id: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        choice: choice::BenchmarkChoice,
    },
    /// Make a collector's key pair: writes the secret key file, prints the public key (age1…).
    Keygen {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Pool contributions (files or folders) into an exact-count benchmark file.
    Build {
        #[command(flatten)]
        args: contribute::BuildArgs,
    },
}

/// The built-in questionnaires, the valid folders under `extra` and the packages installed
/// beside the database. A folder that is invalid, or that shares its id with another folder or
/// a built-in questionnaire, is reported on stderr and left out; everything else keeps working.
fn load_catalog(extra: Option<&Path>, db: Option<&Path>, lang: Lang) -> Result<Catalog, CliError> {
    let (mut catalog, mut failures) = Catalog::load(extra)?;
    // The packages installed beside the database (`csirt questionnaire import`, or the app).
    // A packages folder that is also the `--questionnaires` folder is read once, as that.
    if let Ok(db) = storage::db_path(db) {
        let packages = csirt_model::package::packages_dir(&db);
        let same = |p: &Path| p.canonicalize().ok() == packages.canonicalize().ok();
        if !extra.is_some_and(same) {
            failures.extend(catalog.add_packages(&packages)?);
        }
    }
    for (path, e) in &failures {
        let (head, hint) = match lang {
            Lang::Ja => (
                "読み込まなかった質問票のフォルダ",
                "`csirt validate <フォルダ>` で詳しく確認できます",
            ),
            Lang::En => (
                "questionnaire folder skipped",
                "`csirt validate <folder>` explains",
            ),
        };
        eprintln!(
            "{head}: {}\n{}\n({hint})",
            path.display(),
            e.localized(lang)
        );
    }
    Ok(catalog)
}

/// Adds the benchmarks the user added (the folder beside the database); a file that fails is
/// reported on stderr and left out.
fn add_benchmarks(catalog: &mut Catalog, dir: &Path, lang: Lang) -> Result<(), CliError> {
    for (path, e) in catalog.add_benchmarks(dir)? {
        let head = Text::new(
            "読み込まなかった基準データのファイル",
            "benchmark file skipped",
        );
        eprintln!(
            "{}: {}\n{}",
            head.get(lang),
            path.display(),
            e.localized(lang)
        );
    }
    Ok(())
}

pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// An assessment file, parsed (not yet validated). A sealed file is named as such, not taken
/// for broken text.
pub(crate) fn read_assessment(path: &Path) -> Result<Assessment, CliError> {
    let bytes = read_file(path)?;
    if csirt_export::encrypt::is_encrypted(&bytes) {
        return Err(CliError::Sealed {
            path: path.to_path_buf(),
        });
    }
    Ok(assessment::parse(&bytes)?)
}

pub(crate) fn print_json<T: serde::Serialize>(
    out: &mut impl Write,
    value: &T,
) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

fn run(cli: Cli, out: &mut impl Write) -> Result<(), CliError> {
    let lang = cli.lang;
    // A PDF is coming: its fonts parse on another core while the data loads.
    let pdf = |format, html, output: &Option<PathBuf>| {
        report_format::resolve(format, html, output.clone())
            .is_ok_and(|(f, _)| f == csirt_report::Format::Pdf)
    };
    let pdf_coming = match &cli.command {
        Command::Report {
            all: Some(_),
            format,
            html,
            ..
        } => report_format::chosen(*format, *html) == csirt_report::Format::Pdf,
        Command::Report {
            format,
            html,
            output,
            ..
        } => pdf(*format, *html, output),
        Command::Assessment {
            command: storage::AssessmentCommand::Report { format, output, .. },
        } => pdf(*format, false, output),
        _ => false,
    };
    if pdf_coming {
        csirt_report::warm_up();
    }
    match cli.command {
        Command::Validate { dir } => {
            let set = load_dir(&dir)?;
            let q = &set.questionnaire;
            writeln!(
                out,
                "ok: {} {} — {} items, {} figures, {} interviews",
                q.id,
                q.version,
                q.items.len(),
                set.benchmark.as_ref().map_or(0, |b| b.figures.len()),
                set.benchmark.as_ref().map_or(0, |b| b.interviews.len()),
            )?;
            // Further benchmarks (benchmarks/*.toml), each on its own line.
            for e in set.benchmarks.iter().skip(1) {
                let b = &e.benchmark;
                writeln!(
                    out,
                    "ok: benchmark {} — {} figures, {} segments ({})",
                    b.id,
                    b.figures.len() + b.segment_figures.len(),
                    b.segments.len(),
                    e.path
                        .as_deref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                )?;
            }
        }
        Command::Questionnaire { command } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            match command {
                QuestionnaireCommand::List { json } => package::list(
                    out,
                    &catalog,
                    &storage::db_path(cli.db.as_deref())?,
                    lang,
                    json,
                )?,
                QuestionnaireCommand::Import { file } => package::import(
                    out,
                    &catalog,
                    &storage::db_path(cli.db.as_deref())?,
                    &file,
                    lang,
                )?,
                QuestionnaireCommand::Remove { id } => package::remove(
                    out,
                    &catalog,
                    &storage::db_path(cli.db.as_deref())?,
                    &id,
                    lang,
                )?,
                QuestionnaireCommand::Show { id, json } => {
                    let set = catalog.get(&id)?;
                    if json {
                        print_json(out, set.questionnaire.as_ref())?;
                    } else {
                        human::questionnaire(out, &set.questionnaire, lang)?;
                    }
                }
            }
        }
        Command::Benchmark {
            command: BenchmarkCommand::Keygen { output },
        } => contribute::keygen(&output, lang, out)?,
        Command::Benchmark {
            command: BenchmarkCommand::Build { args },
        } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            let set = catalog.get(&args.questionnaire)?;
            contribute::build(&set.questionnaire, &args, lang, out)?;
        }
        Command::Contribute { file, args } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            let a = contribute::read_for_contribution(&file)?;
            let set = catalog.get(&a.questionnaire)?;
            contribute::contribute(&set.questionnaire, &a, &args, lang, out)?;
        }
        Command::Benchmark {
            command: BenchmarkCommand::List { json },
        } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            choice::list(out, &catalog, lang, json)?;
        }
        Command::Benchmark {
            command: BenchmarkCommand::Show { id, json, choice },
        } => {
            let mut catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            choice::apply(&mut catalog, &choice)?;
            let set = catalog.get(&id)?;
            match &set.benchmark {
                Some(b) if json => print_json(out, &b.figures)?,
                Some(b) => human::benchmark(out, &set.questionnaire, b, lang)?,
                None if json => print_json(out, &Vec::<()>::new())?,
                None => writeln!(out, "{id} has no benchmark")?,
            }
        }
        Command::Score { file, json, choice } => {
            let mut catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            choice::apply(&mut catalog, &choice)?;
            let a = read_assessment(&file)?;
            assessment::validate(&a, &catalog)?;
            let set = catalog.get(&a.questionnaire)?;
            let report = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a)?;
            if json {
                print_json(out, &report)?;
            } else {
                human::score(out, &set.questionnaire, &report, lang)?;
            }
        }
        Command::Demo { questionnaire } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            catalog.get(&questionnaire)?;
            let a = demo::demo_of(&questionnaire, lang)?;
            assessment::validate(&a, &catalog)?;
            writeln!(out, "{}", a.to_json_pretty())?;
        }
        Command::Report {
            all: Some(dir),
            format,
            html,
            choice,
            report,
            ..
        } => {
            let options = report.options()?;
            let format = report_format::chosen(format, html);
            let mut catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            choice::apply(&mut catalog, &choice)?;
            batch::report_all(&dir, &catalog, lang, &options, format, out)?;
        }
        Command::Report {
            file,
            demo,
            questionnaire,
            output,
            format,
            html,
            choice,
            report,
            ..
        } => {
            let options = report.options()?;
            let (format, output) = report_format::resolve(format, html, output)?;
            let mut catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            choice::apply(&mut catalog, &choice)?;
            let a = match (file, demo) {
                (Some(f), _) => {
                    let a = read_assessment(&f)?;
                    assessment::validate(&a, &catalog)?;
                    a
                }
                (None, _) => {
                    let id = questionnaire
                        .as_deref()
                        .unwrap_or(csirt_model::load::BUILTIN_ID);
                    catalog.get(id)?;
                    let a = demo::demo_of(id, lang)?;
                    assessment::validate(&a, &catalog)?;
                    a
                }
            };
            let bytes = batch::render_assessment(&a, &catalog, lang, &options, format)?;
            std::fs::write(&output, &bytes).map_err(|source| CliError::WriteFile {
                path: output.clone(),
                source,
            })?;
            writeln!(out, "{} ({} bytes)", output.display(), bytes.len())?;
        }
        Command::Db { command } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            let path = storage::db_path(cli.db.as_deref())?;
            storage::db(command, &path, &catalog, lang, out)?;
        }
        Command::Org { command } => {
            let catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            let path = storage::db_path(cli.db.as_deref())?;
            storage::org(command, &path, &catalog, lang, out)?;
        }
        Command::Assessment { command } => {
            let mut catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            let path = storage::db_path(cli.db.as_deref())?;
            add_benchmarks(&mut catalog, &storage::added_benchmarks_dir(&path), lang)?;
            storage::assessment(command, &path, &catalog, lang, out)?;
        }
        Command::Action { command } => {
            let mut catalog = load_catalog(cli.questionnaires.as_deref(), cli.db.as_deref(), lang)?;
            let path = storage::db_path(cli.db.as_deref())?;
            add_benchmarks(&mut catalog, &storage::added_benchmarks_dir(&path), lang)?;
            action::action(command, &path, &catalog, lang, out)?;
        }
    }
    Ok(())
}

/// The language asked for with `--lang`, read before the arguments are parsed, so that a
/// mistake in them is explained in that language too (Japanese unless `--lang en`).
fn lang_from_args(args: &[std::ffi::OsString]) -> Lang {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(w) = words.next() {
        let value = match w.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if w == "--lang" => words.next(),
            None => None,
        };
        if let Some(l) = value.and_then(|v| v.parse::<Lang>().ok()) {
            return l;
        }
    }
    Lang::Ja
}

/// A usage mistake (an unknown flag, a bad value, a missing argument) in Japanese, keeping
/// what clap found; `None` for help and version output, which clap prints as they are.
fn usage_error_ja(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ErrorKind};
    let ctx = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let (arg, value) = (ctx(ContextKind::InvalidArg), ctx(ContextKind::InvalidValue));
    let text = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = ctx(ContextKind::ValidValue);
            let mut t = format!("{arg} の値 {value:?} は使えません");
            if !valid.is_empty() {
                t.push_str(&format!("（使える値: {valid}）"));
            }
            t
        }
        ErrorKind::UnknownArgument => format!("{arg} という指定はありません"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "{} というコマンドはありません",
                ctx(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::MissingRequiredArgument => format!("{arg} を指定してください"),
        ErrorKind::MissingSubcommand => "コマンドを指定してください".to_string(),
        ErrorKind::ArgumentConflict => {
            format!("{arg} と {} は一緒に使えません", ctx(ContextKind::PriorArg))
        }
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => format!("{arg} の値の数が正しくありません"),
        ErrorKind::InvalidUtf8 => "引数が UTF-8 として正しくありません".to_string(),
        _ => "コマンドの指定が正しくありません".to_string(),
    };
    Some(format!(
        "エラー: {text}\n使い方は `csirt --help` で確認できます。"
    ))
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => {
            return version::print(lang_from_args(&args));
        }
        Err(e) => match (lang_from_args(&args), usage_error_ja(&e)) {
            (Lang::Ja, Some(text)) => {
                eprintln!("{text}");
                return ExitCode::from(2);
            }
            _ => e.exit(),
        },
    };
    let lang = cli.lang;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`csirt … | head`) is the reader's choice, not an error.
        Err(CliError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            let label = match lang {
                Lang::Ja => "エラー",
                Lang::En => "error",
            };
            eprintln!("{label}: {}", e.localized(lang));
            ExitCode::FAILURE
        }
    }
}
