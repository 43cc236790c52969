//! The benchmark round from the command line: `contribute` (a file or a stored assessment),
//! `benchmark keygen` and `benchmark build`. Thin: the contribution is made by csirt-model,
//! sealed by csirt-export and pooled by csirt-pool.

use crate::{read_file, CliError};
use clap::Args;
use csirt_model::contribution::{contribution_from, month_of, ProfileValue};
use csirt_model::date::{parse_date, Date};
use csirt_model::{bi, Assessment, ContributionId, Lang, Localized, Profile, Questionnaire};
use csirt_pool::{collect_inputs, parse_dimensions, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a contribution is made and where it goes.
#[derive(Args, Debug)]
pub struct ContributeArgs {
    /// Where to write the contribution file.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Seal the file to the collector's public key (age1…), so only the collector can read it.
    #[arg(long, conflicts_with = "to_file")]
    pub to: Option<String>,
    /// Seal the file to the public key written in this file.
    #[arg(long)]
    pub to_file: Option<PathBuf>,
    /// Show every field that would leave the machine, and write nothing.
    #[arg(long)]
    pub show: bool,
    /// The sector, from the fixed list (e.g. manufacturing, finance, government).
    #[arg(long)]
    pub sector: Option<String>,
    /// The organisation's size band: under-100, 100-999, 1000-4999, 5000-plus.
    #[arg(long)]
    pub size: Option<String>,
    /// The CSIRT's form: centralised, distributed, integrated, coordinating, other.
    #[arg(long)]
    pub form: Option<String>,
}

fn parse_part<V: ProfileValue>(s: Option<&str>) -> Result<Option<V>, CliError> {
    s.map(|s| V::parse_key(s).map_err(CliError::BadValue))
        .transpose()
}

/// Makes, shows or writes the contribution of an assessment.
pub fn contribute(
    q: &Questionnaire,
    a: &Assessment,
    args: &ContributeArgs,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let profile = Profile {
        sector: parse_part(args.sector.as_deref())?,
        size: parse_part(args.size.as_deref())?,
        form: parse_part(args.form.as_deref())?,
    };
    let recipient = match (&args.to, &args.to_file) {
        (Some(key), _) => Some(csirt_export::encrypt::parse_recipient(key)?),
        (None, Some(path)) => {
            let bytes = read_file(path)?;
            let text = String::from_utf8_lossy(&bytes);
            Some(csirt_export::encrypt::parse_recipient(&text)?)
        }
        (None, None) => None,
    };
    let month = month_of(a)?;
    let c = contribution_from(q, a, profile, ContributionId::random()?, &month)?;
    if args.show {
        let rows = c.preview(q, lang);
        let head = bi!(
            "このファイルがこの端末から出す項目はこれですべてです（まだ何も書き出していません）:",
            "These are all the fields the file would take off this machine (nothing written yet):"
        );
        writeln!(out, "{}", head.get(lang))?;
        for (k, v) in rows {
            writeln!(out, "  {k}: {v}")?;
        }
        let sealed = match &recipient {
            Some(r) => bi!(
                "書き出すときは集計者の鍵 {r} あてに暗号化します。",
                "When written, it is sealed to the collector's key {r}."
            ),
            None => bi!(
                "書き出すときは暗号化しません（--to で集計者の鍵を指定できます）。",
                "When written, it is not sealed (give the collector's key with --to)."
            ),
        };
        writeln!(out, "{}", sealed.get(lang))?;
        return Ok(());
    }
    let plain = c.to_json_pretty();
    let bytes = match &recipient {
        Some(r) => csirt_export::encrypt::seal_to(plain.as_bytes(), r)?,
        None => plain.into_bytes(),
    };
    std::fs::write(&args.output, &bytes).map_err(|source| CliError::WriteFile {
        path: args.output.clone(),
        source,
    })?;
    // What was written is shown too, field by field: the file holds nothing else (its random
    // id is new on each run, so a `--show` run before cannot show this one's).
    let head = bi!(
        "書き出した項目はこれですべてです:",
        "These are all the fields written:"
    );
    writeln!(out, "{}", head.get(lang))?;
    for (k, v) in c.preview(q, lang) {
        writeln!(out, "  {k}: {v}")?;
    }
    let (file, n) = (args.output.display(), c.answers.len());
    let done = match recipient {
        Some(_) => bi!(
            "{file}: {n} 件の回答を集計者の鍵あてに暗号化して書き出しました",
            "{file}: {n} answers written, sealed to the collector's key"
        ),
        None => bi!(
            "{file}: {n} 件の回答を書き出しました（暗号化なし）",
            "{file}: {n} answers written (not sealed)"
        ),
    };
    writeln!(out, "{}", done.get(lang))?;
    Ok(())
}

/// Writes a new collector key file (never over an existing one) and prints the public key.
pub fn keygen(output: &Path, lang: Lang, out: &mut impl Write) -> Result<(), CliError> {
    let pair = csirt_export::encrypt::keygen();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let write = |p: &Path| -> std::io::Result<()> {
        let mut f = options.open(p)?;
        f.write_all(pair.identity_file.as_bytes())?;
        f.sync_all()
    };
    write(output).map_err(|source| CliError::WriteFile {
        path: output.to_path_buf(),
        source,
    })?;
    let file = output.display();
    let note = bi!(
        "秘密鍵を {file} に書き出しました。この鍵は外に出さないでください。貢献を呼びかけるときは次の公開鍵を配ってください:",
        "The secret key is in {file}: keep it to yourself. Hand out this public key in your call for contributions:"
    );
    writeln!(out, "{}", note.get(lang))?;
    writeln!(out, "{}", pair.public_key)?;
    Ok(())
}

/// What `benchmark build` was asked for.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Contribution files, or folders holding them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The questionnaire the contributions answer.
    #[arg(long)]
    pub questionnaire: String,
    /// Where to write the benchmark (csirt-benchmark/1 TOML).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The collector's key file, to open sealed contributions.
    #[arg(long)]
    pub identity: Option<PathBuf>,
    /// No figure or segment is written from fewer contributions than this.
    #[arg(long, default_value_t = csirt_pool::DEFAULT_MIN_CELL)]
    pub min_cell: u32,
    /// The collector's name, for the benchmark's source.
    #[arg(long, default_value = "unnamed collector")]
    pub name: String,
    /// Also write the figures of each sector, size band or CSIRT form: e.g. sector,size,form.
    #[arg(long)]
    pub by: Option<String>,
    /// The build date written into the source, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub build_date: Option<String>,
}

/// Pools the contributions and writes the benchmark; refused files go to stderr with reasons.
pub fn build(
    q: &Questionnaire,
    args: &BuildArgs,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let build_date = match &args.build_date {
        Some(d) => parse_date(d).map_err(CliError::BadValue)?,
        None => Date::today(),
    };
    let by = parse_dimensions(args.by.as_deref().unwrap_or(""))?;
    let identity = match &args.identity {
        Some(p) => {
            let bytes = read_file(p)?;
            Some(csirt_export::encrypt::parse_identity(
                &String::from_utf8_lossy(&bytes),
            )?)
        }
        None => None,
    };
    let (inputs, mut unread) = collect_inputs(&args.inputs);
    let opts = Options {
        questionnaire: q,
        identity: identity.as_ref(),
        min_cell: args.min_cell,
        collector: args.name.clone(),
        build_date,
        by,
    };
    let outcome = match csirt_pool::build(&inputs, &opts) {
        Ok(o) => o,
        Err(csirt_pool::PoolError::TooFew {
            used,
            min_cell,
            refused,
        }) => {
            // Say why each file was left out before saying that too few were left.
            unread.extend(refused);
            report_refusals(&unread, lang);
            return Err(csirt_pool::PoolError::TooFew {
                used,
                min_cell,
                refused: Vec::new(),
            }
            .into());
        }
        Err(e) => return Err(e.into()),
    };
    report_refusals(&unread, lang);
    report_refusals(&outcome.refused, lang);
    for (file, id) in &outcome.duplicates {
        let line = bi!(
            "重複: {file}（貢献 ID {id} はすでに数えたため、一度だけ数えます）",
            "duplicate: {file} (contribution id {id} already counted; counted once)"
        );
        eprintln!("{}", line.get(lang));
    }
    for (version, n) in &outcome.compatible_versions {
        let here = &q.version;
        let line = bi!(
            "質問票の版 {version} の貢献 {n} 件は、回答がすべて版 {here} に合うため使いました",
            "{n} contribution(s) to questionnaire version {version} used: every answer fits version {here}"
        );
        eprintln!("{}", line.get(lang));
    }
    std::fs::write(&args.output, &outcome.toml).map_err(|source| CliError::WriteFile {
        path: args.output.clone(),
        source,
    })?;
    let summary = outcome.summary(unread.len());
    writeln!(out, "{}", summary.get(lang))?;
    let (file, hash) = (
        args.output.display(),
        csirt_pool::sha256_hex(outcome.toml.as_bytes()),
    );
    writeln!(out, "{file} sha256 {hash}")?;
    Ok(())
}

fn report_refusals(refused: &[csirt_pool::Refusal], lang: Lang) {
    for r in refused {
        let head = bi!("使えないファイル", "refused");
        eprintln!("{}: {}: {}", head.get(lang), r.file, r.reason.get(lang));
    }
}

impl From<csirt_pool::PoolError> for CliError {
    fn from(e: csirt_pool::PoolError) -> Self {
        CliError::BadValue(csirt_model::Text::new(
            e.localized(Lang::Ja),
            e.localized(Lang::En),
        ))
    }
}

/// Reads an assessment file for `contribute`: a sealed hand-off file is refused by name.
pub fn read_for_contribution(path: &Path) -> Result<Assessment, CliError> {
    crate::read_assessment(path)
}
