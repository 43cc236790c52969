//! Loading questionnaire folders from disk (or the built-in copy) through both validation phases.

use crate::benchmark::{self, Benchmark};
use crate::error::{ModelError, Problem};
use crate::questionnaire::{self, Questionnaire};
use crate::raw::{RawBenchmark, RawQuestionnaire};
use crate::source::SourceFile;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const QUESTIONNAIRE_FILE: &str = "questionnaire.toml";
pub const BENCHMARK_FILE: &str = "benchmark.toml";

/// The JPCERT/CC 2015 questionnaire compiled into the binary, so the app works from anywhere.
pub const BUILTIN_ID: &str = "jpcert-2015";
const BUILTIN_QUESTIONNAIRE: &str =
    include_str!("../../../questionnaires/jpcert-2015/questionnaire.toml");
const BUILTIN_BENCHMARK: &str = include_str!("../../../questionnaires/jpcert-2015/benchmark.toml");

/// One questionnaire shipped inside the binary: its folder name under `questionnaires/` and the
/// texts of its files.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    pub id: &'static str,
    pub questionnaire: &'static str,
    pub benchmark: Option<&'static str>,
    /// Its demo assessment (`questionnaires/<id>/demo.json`, a `csirt-assessment/1` file), for
    /// `csirt demo --questionnaire <id>`. `None` for jpcert-2015, whose demo is written in both
    /// languages in `demo.rs`.
    pub demo: Option<&'static str>,
}

/// Every built-in questionnaire, the JPCERT/CC 2015 survey first. A questionnaire folder or
/// package with one of these ids is refused (it would shadow the built-in one).
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        id: BUILTIN_ID,
        questionnaire: BUILTIN_QUESTIONNAIRE,
        benchmark: Some(BUILTIN_BENCHMARK),
        demo: None,
    },
    Builtin {
        id: "sim3",
        questionnaire: include_str!("../../../questionnaires/sim3/questionnaire.toml"),
        benchmark: None,
        demo: Some(include_str!("../../../questionnaires/sim3/demo.json")),
    },
    Builtin {
        id: "psirt",
        questionnaire: include_str!("../../../questionnaires/psirt/questionnaire.toml"),
        benchmark: Some(include_str!("../../../questionnaires/psirt/benchmark.toml")),
        demo: Some(include_str!("../../../questionnaires/psirt/demo.json")),
    },
    Builtin {
        id: "csirt-roles",
        questionnaire: include_str!("../../../questionnaires/csirt-roles/questionnaire.toml"),
        benchmark: None,
        demo: Some(include_str!(
            "../../../questionnaires/csirt-roles/demo.json"
        )),
    },
];

/// Whether `id` is the id of a built-in questionnaire.
pub fn is_builtin_id(id: &str) -> bool {
    BUILTINS.iter().any(|b| b.id == id)
}

/// The folder beside `benchmark.toml` that holds a questionnaire's further benchmarks,
/// one `<name>.toml` each.
pub const BENCHMARKS_DIR: &str = "benchmarks";

/// Where a benchmark came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Shipped inside the binary (the JPCERT/CC 2015 figures).
    Builtin,
    /// A questionnaire folder's `benchmark.toml` or `benchmarks/*.toml`.
    Folder,
    /// A file the user added (the app's benchmarks folder, or `--benchmark <path>`).
    Added,
}

/// One benchmark of a questionnaire, with the file it was read from.
#[derive(Debug, Clone)]
pub struct BenchmarkEntry {
    pub benchmark: Arc<Benchmark>,
    /// `None` for the built-in copy.
    pub path: Option<PathBuf>,
    pub origin: Origin,
}

/// A questionnaire and the benchmarks that belong to it.
#[derive(Debug, Clone)]
pub struct QuestionnaireSet {
    pub questionnaire: Arc<Questionnaire>,
    /// The default benchmark: the folder's `benchmark.toml` (for jpcert-2015, the survey).
    pub benchmark: Option<Arc<Benchmark>>,
    /// Every benchmark of the questionnaire, the default first; ids are unique.
    pub benchmarks: Vec<BenchmarkEntry>,
    /// The folder it was read from; `None` for the built-in copy.
    pub dir: Option<PathBuf>,
}

impl QuestionnaireSet {
    pub(crate) fn new(
        questionnaire: Questionnaire,
        benchmarks: Vec<BenchmarkEntry>,
        dir: Option<PathBuf>,
    ) -> Self {
        QuestionnaireSet {
            questionnaire: Arc::new(questionnaire),
            benchmark: benchmarks.first().map(|e| e.benchmark.clone()),
            benchmarks,
            dir,
        }
    }

    /// One benchmark of the questionnaire by id.
    pub fn benchmark_by_id(&self, id: &str) -> Result<&BenchmarkEntry, ModelError> {
        self.benchmarks
            .iter()
            .find(|e| e.benchmark.id == id)
            .ok_or_else(|| ModelError::UnknownBenchmark {
                id: id.to_string(),
                questionnaire: self.questionnaire.id.clone(),
                known: self.benchmark_ids(),
            })
    }

    fn benchmark_ids(&self) -> String {
        if self.benchmarks.is_empty() {
            return "-".into();
        }
        self.benchmarks
            .iter()
            .map(|e| e.benchmark.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The benchmark an assessment is compared with: `benchmark` by id (the default when
    /// `None`), narrowed to `segment` when one is given. A benchmark or segment that does not
    /// exist is an error naming it, never a silent fallback.
    pub fn choose(
        &self,
        benchmark: Option<&str>,
        segment: Option<&str>,
    ) -> Result<Option<Arc<Benchmark>>, ModelError> {
        let chosen = match benchmark {
            Some(id) => Some(self.benchmark_by_id(id)?.benchmark.clone()),
            None => self.benchmark.clone(),
        };
        narrow(chosen, segment, &self.questionnaire.id)
    }

    /// Adds a benchmark read from `path` (already compiled against this questionnaire), refusing
    /// an id the questionnaire already has.
    fn add(&mut self, entry: BenchmarkEntry) -> Result<(), ModelError> {
        if let Some(other) = self
            .benchmarks
            .iter()
            .find(|e| e.benchmark.id == entry.benchmark.id)
        {
            return Err(ModelError::DuplicateBenchmark {
                id: entry.benchmark.id.clone(),
                questionnaire: self.questionnaire.id.clone(),
                path: entry.path.clone().unwrap_or_default(),
                other: other
                    .path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("(built in)")),
            });
        }
        if self.benchmark.is_none() {
            self.benchmark = Some(entry.benchmark.clone());
        }
        self.benchmarks.push(entry);
        Ok(())
    }
}

/// A chosen benchmark narrowed to a segment, when one is asked for.
pub fn narrow(
    benchmark: Option<Arc<Benchmark>>,
    segment: Option<&str>,
    questionnaire: &str,
) -> Result<Option<Arc<Benchmark>>, ModelError> {
    match (benchmark, segment) {
        (Some(b), Some(seg)) => Ok(Some(Arc::new(b.segment(seg)?))),
        (None, Some(seg)) => Err(ModelError::Segment {
            benchmark: String::new(),
            message: crate::bi!(
                "質問票 {questionnaire} には基準データがないため、区分 {seg} は選べません",
                "questionnaire {questionnaire} has no benchmark, so there is no segment {seg}"
            ),
        }),
        (b, None) => Ok(b),
    }
}

fn read(path: &Path) -> Result<SourceFile, ModelError> {
    let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            path: path.to_path_buf(),
            // A UTF-8 byte-order mark (as Windows editors write) is not part of the data.
            text: match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_string(),
                None => text,
            },
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
            let file = SourceFile {
                path: path.to_path_buf(),
                text: prefix,
            };
            Err(ModelError::Invalid(vec![file.problem_at(
                offset,
                crate::bi!(
                    "ファイルが UTF-8 として正しくありません",
                    "the file is not valid UTF-8"
                ),
            )]))
        }
    }
}

/// Validates one questionnaire and its benchmarks from their texts, reporting every problem,
/// a benchmark id used twice included.
pub(crate) fn compile_pair(
    q_file: &SourceFile,
    b_files: &[SourceFile],
) -> Result<(Questionnaire, Vec<Benchmark>), ModelError> {
    let mut problems: Vec<Problem> = Vec::new();
    let questionnaire = match q_file.parse::<RawQuestionnaire>() {
        Ok(raw) => match questionnaire::compile(raw, q_file) {
            Ok(q) => Some(q),
            Err(p) => {
                problems.extend(p);
                None
            }
        },
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let mut benchmarks: Vec<(Benchmark, &SourceFile)> = Vec::new();
    for file in b_files {
        let raw = match file.parse::<RawBenchmark>() {
            Ok(raw) => raw,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let Some(q) = &questionnaire else { continue };
        let id_at = raw.id.span().start;
        match benchmark::compile(raw, q, file) {
            Ok(b) => {
                if let Some((_, other)) = benchmarks.iter().find(|(o, _)| o.id == b.id) {
                    let (id, other) = (&b.id, other.path.display().to_string());
                    problems.push(file.problem_at(
                        id_at,
                        crate::bi!(
                            "基準データの id {id:?} は {other} ですでに使われています",
                            "benchmark id {id:?} is already used by {other}"
                        ),
                    ));
                } else {
                    benchmarks.push((b, file));
                }
            }
            Err(p) => problems.extend(p),
        }
    }
    match questionnaire {
        Some(q) if problems.is_empty() => Ok((q, benchmarks.into_iter().map(|(b, _)| b).collect())),
        _ => Err(ModelError::Invalid(problems)),
    }
}

pub(crate) fn entries(
    benchmarks: Vec<Benchmark>,
    files: &[SourceFile],
    origin: Origin,
    builtin: bool,
) -> Vec<BenchmarkEntry> {
    benchmarks
        .into_iter()
        .zip(files)
        .map(|(b, f)| BenchmarkEntry {
            benchmark: Arc::new(b),
            path: (!builtin).then(|| f.path.clone()),
            origin,
        })
        .collect()
}

/// The `*.toml` files directly in `dir`, sorted by name; none when it does not exist.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, ModelError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir).map_err(|source| ModelError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Loads and validates one questionnaire folder: `questionnaire.toml`, then the optional
/// `benchmark.toml` (the default benchmark) and `benchmarks/*.toml` (further ones).
pub fn load_dir(dir: &Path) -> Result<QuestionnaireSet, ModelError> {
    let q_file = read(&dir.join(QUESTIONNAIRE_FILE))?;
    let mut b_files = Vec::new();
    let b_path = dir.join(BENCHMARK_FILE);
    if b_path.exists() {
        b_files.push(read(&b_path)?);
    }
    for path in toml_files(&dir.join(BENCHMARKS_DIR))? {
        b_files.push(read(&path)?);
    }
    let (q, b) = compile_pair(&q_file, &b_files)?;
    Ok(QuestionnaireSet::new(
        q,
        entries(b, &b_files, Origin::Folder, false),
        Some(dir.to_path_buf()),
    ))
}

/// Validates a questionnaire (and optional benchmark) given as text, e.g. from an editor or a
/// fuzzer; `name` labels the problems.
pub fn compile_texts(
    name: &str,
    questionnaire: &str,
    benchmark: Option<&str>,
) -> Result<QuestionnaireSet, ModelError> {
    let q = SourceFile {
        path: PathBuf::from(format!("{name}/{QUESTIONNAIRE_FILE}")),
        text: questionnaire.to_string(),
    };
    let b: Vec<SourceFile> = benchmark
        .map(|text| SourceFile {
            path: PathBuf::from(format!("{name}/{BENCHMARK_FILE}")),
            text: text.to_string(),
        })
        .into_iter()
        .collect();
    let (q, benchmarks) = compile_pair(&q, &b)?;
    Ok(QuestionnaireSet::new(
        q,
        entries(benchmarks, &b, Origin::Folder, true),
        None,
    ))
}

/// The built-in questionnaire and benchmark texts, as shipped.
pub fn builtin_texts() -> (&'static str, &'static str) {
    (BUILTIN_QUESTIONNAIRE, BUILTIN_BENCHMARK)
}

/// The built-in JPCERT/CC 2015 questionnaire and benchmark.
pub fn builtin() -> Result<QuestionnaireSet, ModelError> {
    builtin_set(BUILTIN_ID)
}

/// One built-in questionnaire by id, with its benchmark when it ships one.
pub fn builtin_set(id: &str) -> Result<QuestionnaireSet, ModelError> {
    let b = BUILTINS
        .iter()
        .find(|b| b.id == id)
        .ok_or_else(|| ModelError::UnknownQuestionnaire(id.to_string()))?;
    compile_builtin(b)
}

/// Every built-in questionnaire, in the order of [`BUILTINS`].
pub fn builtins() -> Result<Vec<QuestionnaireSet>, ModelError> {
    BUILTINS.iter().map(compile_builtin).collect()
}

fn compile_builtin(b: &Builtin) -> Result<QuestionnaireSet, ModelError> {
    let id = b.id;
    let q = SourceFile {
        path: PathBuf::from(format!("questionnaires/{id}/questionnaire.toml (built in)")),
        text: b.questionnaire.to_string(),
    };
    let files: Vec<SourceFile> = b
        .benchmark
        .map(|text| SourceFile {
            path: PathBuf::from(format!("questionnaires/{id}/benchmark.toml (built in)")),
            text: text.to_string(),
        })
        .into_iter()
        .collect();
    let (q, benchmarks) = compile_pair(&q, &files)?;
    Ok(QuestionnaireSet::new(
        q,
        entries(benchmarks, &files, Origin::Builtin, true),
        None,
    ))
}

/// A benchmark file on its own (one the user adds, or `--benchmark <path>`), validated against
/// the questionnaire it names in the catalog. Every problem comes with the file and its line.
pub fn load_benchmark_file(path: &Path, catalog: &Catalog) -> Result<Benchmark, ModelError> {
    let file = read(path)?;
    compile_benchmark(&file, catalog)
}

/// The same as [`load_benchmark_file`] for a file's bytes (the app's import); `name` labels the
/// problems. A byte-order mark is accepted.
pub fn compile_benchmark_bytes(
    name: &Path,
    bytes: &[u8],
    catalog: &Catalog,
) -> Result<Benchmark, ModelError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(ModelError::Invalid(vec![Problem {
            file: name.to_path_buf(),
            line: 0,
            message: crate::bi!(
                "ファイルが UTF-8 として正しくありません",
                "the file is not valid UTF-8"
            ),
        }]));
    };
    let file = SourceFile {
        path: name.to_path_buf(),
        text: text.to_string(),
    };
    compile_benchmark(&file, catalog)
}

fn compile_benchmark(file: &SourceFile, catalog: &Catalog) -> Result<Benchmark, ModelError> {
    let raw = file
        .parse::<RawBenchmark>()
        .map_err(|p| ModelError::Invalid(vec![p]))?;
    let named = raw.questionnaire.get_ref();
    let Some(set) = catalog.sets.iter().find(|s| &s.questionnaire.id == named) else {
        let known = catalog
            .sets
            .iter()
            .map(|s| s.questionnaire.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ModelError::Invalid(vec![file.problem_at(
            raw.questionnaire.span().start,
            crate::bi!(
                "質問票 {named:?} はありません（あるのは: {known}）",
                "there is no questionnaire {named:?} (known: {known})"
            ),
        )]));
    };
    benchmark::compile(raw, &set.questionnaire, file).map_err(ModelError::Invalid)
}

/// Every questionnaire the app knows: the built-in ones ([`BUILTINS`]), then each valid folder under `extra_root`.
/// Folders that fail validation, that share an id with another folder, or that would shadow the
/// built-in questionnaire are returned beside the catalog (and left out of it), so the caller can
/// show their problems while everything else keeps working.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub sets: Vec<QuestionnaireSet>,
}

impl Catalog {
    pub fn load(
        extra_root: Option<&Path>,
    ) -> Result<(Catalog, Vec<(PathBuf, ModelError)>), ModelError> {
        let builtins = builtins()?;
        let mut failures = Vec::new();
        let mut extra: Vec<QuestionnaireSet> = Vec::new();
        if let Some(root) = extra_root {
            let entries = std::fs::read_dir(root).map_err(|source| ModelError::Io {
                path: root.to_path_buf(),
                source,
            })?;
            let mut dirs: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join(QUESTIONNAIRE_FILE).is_file())
                .collect();
            dirs.sort();
            for dir in dirs {
                match load_dir(&dir) {
                    Ok(set) => extra.push(set),
                    Err(e) => failures.push((dir, e)),
                }
            }
        }
        let folder = |s: &QuestionnaireSet| s.dir.clone().unwrap_or_default();
        let mut sets = builtins;
        for set in &extra {
            let id = &set.questionnaire.id;
            if is_builtin_id(id) {
                failures.push((
                    folder(set),
                    ModelError::ShadowsBuiltin {
                        id: id.clone(),
                        dir: folder(set),
                    },
                ));
                continue;
            }
            let same: Vec<&QuestionnaireSet> = extra
                .iter()
                .filter(|o| o.questionnaire.id == *id && !std::ptr::eq(*o, set))
                .collect();
            if let Some(other) = same.first() {
                failures.push((
                    folder(set),
                    ModelError::DuplicateId {
                        id: id.clone(),
                        dir: folder(set),
                        version: set.questionnaire.version.clone(),
                        other: folder(other),
                        other_version: other.questionnaire.version.clone(),
                    },
                ));
                continue;
            }
            sets.push(set.clone());
        }
        Ok((Catalog { sets }, failures))
    }

    /// Adds every `*.toml` benchmark file directly in `dir` (the user's added benchmarks) to the
    /// questionnaire it names. A file that fails validation, or whose id its questionnaire
    /// already has (the built-in survey's included), is returned with its problem and left out;
    /// the others are added. A missing folder adds nothing.
    pub fn add_benchmarks(&mut self, dir: &Path) -> Result<Vec<(PathBuf, ModelError)>, ModelError> {
        let mut failures = Vec::new();
        for path in toml_files(dir)? {
            match self.add_benchmark_file(&path, Origin::Added) {
                Ok(_) => {}
                Err(e) => failures.push((path, e)),
            }
        }
        Ok(failures)
    }

    /// Reads one benchmark file and adds it to its questionnaire; returns the questionnaire id and
    /// the benchmark id.
    pub fn add_benchmark_file(
        &mut self,
        path: &Path,
        origin: Origin,
    ) -> Result<(String, String), ModelError> {
        let b = load_benchmark_file(path, self)?;
        let ids = (b.questionnaire.clone(), b.id.clone());
        let set = self
            .sets
            .iter_mut()
            .find(|s| s.questionnaire.id == b.questionnaire)
            .ok_or_else(|| ModelError::UnknownQuestionnaire(b.questionnaire.clone()))?;
        set.add(BenchmarkEntry {
            benchmark: Arc::new(b),
            path: Some(path.to_path_buf()),
            origin,
        })?;
        Ok(ids)
    }

    pub fn get(&self, id: &str) -> Result<&QuestionnaireSet, ModelError> {
        self.sets
            .iter()
            .find(|s| s.questionnaire.id == id)
            .ok_or_else(|| ModelError::UnknownQuestionnaire(id.to_string()))
    }
}
