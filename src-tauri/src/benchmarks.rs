//! The benchmarks the app knows, as the Benchmarks screen lists them, and the import of a
//! benchmark file into the app-data folder (validated by the model first; nothing is written
//! for a file that fails).

use crate::error::AppError;
use crate::state::TestHooks;
use crate::wire::{BenchmarkInfo, BenchmarkRef, Segment, Text};
use csirt_model::{BenchmarkEntry, Catalog, Origin, QuestionnaireSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// A benchmark file is small text; anything larger is not one.
const MAX_BENCHMARK_BYTES: u64 = 16 * 1024 * 1024;

fn text(t: &csirt_model::Text) -> Text {
    Text {
        ja: t.ja.clone(),
        en: t.en.clone(),
    }
}

fn segment(s: &csirt_model::Segment) -> Segment {
    Segment {
        id: s.id.clone(),
        n: s.n,
        label: text(&s.label),
    }
}

/// One benchmark with its provenance, as the UI shows it.
pub fn info(set: &QuestionnaireSet, entry: &BenchmarkEntry) -> BenchmarkInfo {
    let b = &entry.benchmark;
    let r = b.reference();
    BenchmarkInfo {
        questionnaire: set.questionnaire.id.clone(),
        reference: BenchmarkRef {
            id: r.id.clone(),
            title: text(&r.title),
            source: text(&r.source),
            n: r.n,
            survey_date: r.survey_date.clone(),
            published: r.published.clone(),
            segment: r.segment.as_ref().map(segment),
        },
        line: text(&r.line()),
        limits: text(&b.limits),
        origin: match entry.origin {
            Origin::Builtin => "builtin",
            Origin::Folder => "folder",
            Origin::Added => "added",
        }
        .to_string(),
        path: entry.path.as_ref().map(|p| p.display().to_string()),
        segments: b.segments.iter().map(segment).collect(),
        min_cell: b.min_cell,
        is_default: set
            .benchmark
            .as_ref()
            .is_some_and(|d| std::sync::Arc::ptr_eq(d, &entry.benchmark)),
    }
}

/// Every benchmark of one questionnaire, its own first.
pub fn list(catalog: &Catalog, questionnaire: &str) -> Result<Vec<BenchmarkInfo>, AppError> {
    let set = catalog.get(questionnaire)?;
    Ok(set.benchmarks.iter().map(|e| info(set, e)).collect())
}

/// The file the user picks (or the test hook's), read whole; `None` when cancelled.
pub fn choose_file(
    app: &AppHandle,
    hooks: &TestHooks,
) -> Result<Option<(PathBuf, Vec<u8>)>, AppError> {
    let path = match &hooks.open_benchmark {
        Some(p) => p.clone(),
        None => {
            let chosen = app
                .dialog()
                .file()
                .add_filter("TOML", &["toml"])
                .blocking_pick_file();
            match chosen.and_then(|p| p.as_path().map(Path::to_path_buf)) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    let io = |source| AppError::Read {
        path: path.clone(),
        source,
    };
    let file = std::fs::File::open(&path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_BENCHMARK_BYTES)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(Some((path, bytes)))
}

/// Validates a benchmark file against the catalog, refuses an id its questionnaire already
/// has, then writes it into `dir` as `<id>.toml` and returns the catalog with it added. A file
/// that fails changes nothing: nothing is written and the catalog stays as it was.
pub fn import(
    catalog: &Catalog,
    dir: &Path,
    name: &Path,
    bytes: &[u8],
) -> Result<(Catalog, String, String), AppError> {
    let label = name
        .file_name()
        .map_or_else(|| name.to_path_buf(), PathBuf::from);
    let b = csirt_model::compile_benchmark_bytes(&label, bytes, catalog)?;
    let set = catalog.get(&b.questionnaire)?;
    let target = dir.join(format!("{}.toml", b.id));
    if let Some(other) = set.benchmarks.iter().find(|e| e.benchmark.id == b.id) {
        return Err(csirt_model::ModelError::DuplicateBenchmark {
            id: b.id.clone(),
            questionnaire: set.questionnaire.id.clone(),
            path: name.to_path_buf(),
            other: other
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("(built in)")),
        }
        .into());
    }
    std::fs::create_dir_all(dir).map_err(|source| AppError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    // Written whole under another name first, so a full disk never leaves half a file that
    // the next start would refuse.
    let partial = dir.join(format!(".{}.toml.partial", b.id));
    std::fs::write(&partial, bytes)
        .and_then(|()| std::fs::rename(&partial, &target))
        .map_err(|source| {
            let _ = std::fs::remove_file(&partial);
            AppError::Write {
                path: target.clone(),
                source,
            }
        })?;
    let mut updated = catalog.clone();
    let ids = updated.add_benchmark_file(&target, Origin::Added)?;
    Ok((updated, ids.0, ids.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/benchmarks/synthetic-pool.toml")
    }

    #[test]
    fn an_imported_benchmark_is_stored_listed_and_not_imported_twice() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::load(None).unwrap();
        let bytes = std::fs::read(fixture()).unwrap();
        let (updated, q, id) = import(&catalog, dir.path(), &fixture(), &bytes).unwrap();
        assert_eq!((q.as_str(), id.as_str()), ("jpcert-2015", "synthetic-pool"));
        assert!(dir.path().join("synthetic-pool.toml").is_file());
        let listed = list(&updated, "jpcert-2015").unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed[0].is_default && !listed[1].is_default);
        assert_eq!(listed[1].origin, "added");
        assert_eq!(listed[1].reference.n, 40);
        assert_eq!(listed[1].segments.len(), 3);
        let e = import(&updated, dir.path(), &fixture(), &bytes).unwrap_err();
        assert!(e.to_string().contains("synthetic-pool"), "{e}");
    }

    #[test]
    fn a_broken_file_is_refused_line_by_line_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::load(None).unwrap();
        let text = std::fs::read_to_string(fixture()).unwrap().replacen(
            "segment = \"sector=finance\"",
            "segment = \"sector=retail\"",
            1,
        );
        let e = import(
            &catalog,
            dir.path(),
            Path::new("pool.toml"),
            text.as_bytes(),
        )
        .unwrap_err();
        let payload = e.payload(csirt_model::Lang::Ja);
        assert_eq!(payload.message, "データファイルが正しくありません");
        assert!(!payload.problems.is_empty());
        assert!(
            payload.problems[0].message.starts_with("pool.toml:"),
            "{}",
            payload.problems[0].message
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
