//! `--benchmark <path or id>` and `--segment <id>`: which benchmark a score, report or export is
//! compared with, and `csirt benchmark list`, which names every benchmark with its provenance.

use crate::{print_json, CliError};
use csirt_model::load::narrow;
use csirt_model::{bi, load_benchmark_file, Catalog, Lang, Origin};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// The flags that choose the benchmark.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct BenchmarkChoice {
    /// The benchmark to compare with: a benchmark file's path, or the id of one the
    /// questionnaire has (`csirt benchmark list`). Default: the questionnaire's own
    /// (jpcert-2015: the JPCERT/CC 2015 survey).
    #[arg(long)]
    pub benchmark: Option<String>,
    /// A segment of a pooled benchmark (`sector=manufacturing`, `size=…`, `form=…`).
    #[arg(long)]
    pub segment: Option<String>,
}

impl BenchmarkChoice {
    pub fn is_default(&self) -> bool {
        self.benchmark.is_none() && self.segment.is_none()
    }
}

/// A `--benchmark` value that names a file rather than an id.
fn is_path(spec: &str) -> bool {
    spec.ends_with(".toml")
        || spec.contains('/')
        || spec.contains('\\')
        || Path::new(spec).is_file()
}

/// Makes the chosen benchmark (and segment) the one every later step uses: the catalog's
/// default for the questionnaires concerned. A file is validated and added first; an id or a
/// segment that does not exist is an error naming it.
pub fn apply(catalog: &mut Catalog, choice: &BenchmarkChoice) -> Result<(), CliError> {
    if choice.is_default() {
        return Ok(());
    }
    let segment = choice.segment.as_deref();
    match choice.benchmark.as_deref() {
        Some(spec) if is_path(spec) => {
            let b = Arc::new(load_benchmark_file(Path::new(spec), catalog)?);
            let set = catalog
                .sets
                .iter_mut()
                .find(|s| s.questionnaire.id == b.questionnaire)
                .ok_or_else(|| {
                    csirt_model::ModelError::UnknownQuestionnaire(b.questionnaire.clone())
                })?;
            set.benchmark = narrow(Some(b), segment, &set.questionnaire.id)?;
        }
        Some(id) => {
            let mut found = false;
            for set in &mut catalog.sets {
                if set.benchmark_by_id(id).is_ok() {
                    set.benchmark = set.choose(Some(id), segment)?;
                    found = true;
                }
            }
            if !found {
                return Err(match catalog.sets.first() {
                    Some(set) => set.benchmark_by_id(id).err().map(CliError::from),
                    None => None,
                }
                .unwrap_or_else(|| {
                    CliError::BadValue(bi!(
                        "基準データ {id} はありません",
                        "there is no benchmark {id}"
                    ))
                }));
            }
        }
        None => {
            for set in &mut catalog.sets {
                set.benchmark = set.choose(None, segment)?;
            }
        }
    }
    Ok(())
}

/// Every benchmark of every questionnaire, with its provenance and segments.
pub fn list(
    out: &mut impl Write,
    catalog: &Catalog,
    lang: Lang,
    json: bool,
) -> Result<(), CliError> {
    if json {
        let list: Vec<_> = catalog
            .sets
            .iter()
            .flat_map(|s| {
                s.benchmarks.iter().map(move |e| {
                    serde_json::json!({
                        "questionnaire": s.questionnaire.id,
                        "benchmark": e.benchmark.reference(),
                        "origin": e.origin,
                        "path": e.path,
                        "min_cell": e.benchmark.min_cell,
                        "segments": e.benchmark.segments,
                        "default": std::ptr::eq(e, &s.benchmarks[0]),
                    })
                })
            })
            .collect();
        return print_json(out, &list);
    }
    for s in &catalog.sets {
        for (i, e) in s.benchmarks.iter().enumerate() {
            let b = &e.benchmark;
            let origin = match (e.origin, lang) {
                (Origin::Builtin, Lang::Ja) => "組み込み",
                (Origin::Builtin, Lang::En) => "built in",
                (Origin::Folder, Lang::Ja) => "質問票のフォルダ",
                (Origin::Folder, Lang::En) => "questionnaire folder",
                (Origin::Added, Lang::Ja) => "追加したファイル",
                (Origin::Added, Lang::En) => "added file",
            };
            let default = match (i, lang) {
                (0, Lang::Ja) => "（既定）",
                (0, Lang::En) => " (default)",
                _ => "",
            };
            writeln!(out, "{}\t{}{default}\t{origin}", s.questionnaire.id, b.id)?;
            writeln!(out, "  {}", b.reference().line().get(lang))?;
            writeln!(out, "  {}", b.source.get(lang))?;
            for seg in &b.segments {
                writeln!(out, "  {}\t{}\tn = {}", seg.id, seg.label.get(lang), seg.n)?;
            }
        }
    }
    Ok(())
}
