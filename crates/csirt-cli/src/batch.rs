//! `csirt report --all <dir>`: one PDF per assessment file, for consultants with many clients.

use crate::{read_file, CliError};
use csirt_model::{assessment, Assessment, Catalog, Lang};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The report of one validated assessment file: PDF, or HTML with `html`. A file that carries
/// its workshop gets the appendix of disagreements and agreement notes, as from the store.
pub(crate) fn render_assessment(
    a: &Assessment,
    catalog: &Catalog,
    lang: Lang,
    html: bool,
) -> Result<Vec<u8>, CliError> {
    let set = catalog.get(&a.questionnaire)?;
    let q = &set.questionnaire;
    let score = csirt_scoring::score(q, set.benchmark.as_deref(), a)?;
    let input = csirt_report::ReportInput {
        questionnaire: q,
        benchmark: set.benchmark.as_deref(),
        assessment: a,
        score: &score,
    };
    if html {
        return Ok(csirt_report::html::render_html(&input, lang).into_bytes());
    }
    let (divergence, consensus_notes) =
        csirt_scoring::workshop_report(q, a, crate::storage::default_respondent(lang));
    let extras = csirt_report::ReportExtras {
        divergence: &divergence,
        consensus_notes: &consensus_notes,
        ..Default::default()
    };
    Ok(csirt_report::render_pdf_with(
        &input,
        &extras,
        lang,
        csirt_report::now_unix(),
    )?)
}

fn render_one(file: &Path, catalog: &Catalog, lang: Lang, html: bool) -> Result<PathBuf, CliError> {
    let a = assessment::parse(&read_file(file)?)?;
    assessment::validate(&a, catalog)?;
    let bytes = render_assessment(&a, catalog, lang, html)?;
    let ext = if html { "html" } else { "pdf" };
    let out = file.with_extension(format!("{}.{ext}", lang.code()));
    std::fs::write(&out, bytes).map_err(|source| CliError::WriteFile {
        path: out.clone(),
        source,
    })?;
    Ok(out)
}

pub fn report_all(
    dir: &Path,
    catalog: &Catalog,
    lang: Lang,
    html: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CliError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
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
        match render_one(f, catalog, lang, html) {
            Ok(pdf) => bar.println(format!("ok      {}", pdf.display())),
            Err(e) => {
                failed += 1;
                bar.println(format!("failed  {}: {e}", f.display()));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    writeln!(out, "{} written, {failed} failed", files.len() - failed)?;
    if failed > 0 {
        return Err(CliError::BatchFailed {
            failed,
            total: files.len(),
        });
    }
    Ok(())
}
