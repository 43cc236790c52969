//! `csirt report --all <dir>`: one PDF per assessment file, for consultants with many clients.

use crate::{read_assessment, CliError};
use csirt_model::{assessment, bi, Assessment, Catalog, Lang, Localized, Text};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The report of one validated assessment file, through the use-case layer: a file that
/// carries its workshop gets the appendix of disagreements and agreement notes, as from the
/// store.
pub(crate) fn render_assessment(
    a: &Assessment,
    catalog: &Catalog,
    lang: Lang,
    options: &csirt_report::ReportOptions,
    format: csirt_report::Format,
) -> Result<Vec<u8>, CliError> {
    let req = csirt_usecase::ReportRequest {
        lang,
        options,
        format,
        created: csirt_report::now_unix(),
        facilitator: crate::storage::default_respondent(lang),
        peers: false,
    };
    Ok(csirt_usecase::report::render_file(a, catalog, &req)?)
}

fn render_one(
    file: &Path,
    catalog: &Catalog,
    lang: Lang,
    options: &csirt_report::ReportOptions,
    format: csirt_report::Format,
) -> Result<PathBuf, CliError> {
    let a = read_assessment(file)?;
    assessment::validate(&a, catalog)?;
    let bytes = render_assessment(&a, catalog, lang, options, format)?;
    let ext = format.extension();
    let out = file.with_extension(format!("{}.{ext}", lang.code()));
    std::fs::write(&out, bytes).map_err(|source| CliError::WriteFile {
        path: out.clone(),
        source,
    })?;
    Ok(out)
}

/// True when the name ends in `.ext`, in any case (`.JSON` from Windows is a JSON file too).
fn has_extension(p: &Path, ext: &str) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case(ext))
}

/// A report this command wrote beside an earlier file (`x.ja.pdf`, `x.en.html`): not worth
/// naming as skipped.
fn is_our_report(p: &Path) -> bool {
    (has_extension(p, "pdf") || has_extension(p, "html") || has_extension(p, "docx"))
        && p.file_stem()
            .map(Path::new)
            .is_some_and(|stem| has_extension(stem, "ja") || has_extension(stem, "en"))
}

/// Entries of a folder that are not assessment files, each with why.
type Skipped = Vec<(PathBuf, Text)>;

/// The assessment files of `dir` (`*.json` or `*.csirt`, any case) in name order, and every other entry that
/// is not one of our own reports, with why it was skipped.
fn sort_entries(dir: &Path) -> Result<(Vec<PathBuf>, Skipped), CliError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CliError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let (mut files, mut skipped) = (Vec::new(), Vec::new());
    for entry in entries {
        let path = match entry {
            Ok(e) => e.path(),
            Err(e) => {
                let why = bi!(
                    "フォルダの項目を読めません: {e}",
                    "a folder entry cannot be read: {e}"
                );
                skipped.push((dir.to_path_buf(), why));
                continue;
            }
        };
        if path.is_dir() {
            skipped.push((
                path,
                bi!(
                    "フォルダです（中は見ません）",
                    "a folder (its contents are not read)"
                ),
            ));
        } else if has_extension(&path, "json") || has_extension(&path, "csirt") {
            files.push(path);
        } else if !is_our_report(&path) {
            skipped.push((
                path,
                bi!(
                    "拡張子が .json でも .csirt でもありません",
                    "its name does not end in .json or .csirt"
                ),
            ));
        }
    }
    files.sort();
    skipped.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((files, skipped))
}

/// Renders every assessment file of `dir`. Each failure and each skipped entry is printed on
/// stderr with its reason, whether or not it is a terminal (a log keeps them), and the summary
/// goes to `out`.
pub fn report_all(
    dir: &Path,
    catalog: &Catalog,
    lang: Lang,
    options: &csirt_report::ReportOptions,
    format: csirt_report::Format,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (files, skipped) = sort_entries(dir)?;
    for (path, why) in &skipped {
        let label = Text::new("スキップ", "skipped");
        eprintln!("{}  {}: {}", label.get(lang), path.display(), why.get(lang));
    }
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut failed = 0;
    for f in &files {
        bar.set_message(
            f.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        match render_one(f, catalog, lang, options, format) {
            Ok(pdf) => bar.println(format!("ok      {}", pdf.display())),
            Err(e) => {
                failed += 1;
                // Not through the bar, which draws nothing when stderr is not a terminal.
                let label = Text::new("失敗", "failed");
                let (path, why) = (f.display(), e.localized(lang));
                bar.suspend(|| eprintln!("{}  {path}: {why}", label.get(lang)));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let (written, skips) = (files.len() - failed, skipped.len());
    let summary = bi!(
        "{written} 件作成、{failed} 件失敗、{skips} 件スキップ",
        "{written} written, {failed} failed, {skips} skipped"
    );
    writeln!(out, "{}", summary.get(lang))?;
    if failed > 0 {
        return Err(CliError::BatchFailed {
            failed,
            total: files.len(),
        });
    }
    Ok(())
}
