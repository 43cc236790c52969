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

/// A questionnaire and the benchmark that belongs to it.
#[derive(Debug, Clone)]
pub struct QuestionnaireSet {
    pub questionnaire: Arc<Questionnaire>,
    pub benchmark: Option<Arc<Benchmark>>,
    /// The folder it was read from; `None` for the built-in copy.
    pub dir: Option<PathBuf>,
}

fn read(path: &Path) -> Result<SourceFile, ModelError> {
    let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            path: path.to_path_buf(),
            text,
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

/// Validates one questionnaire (and optional benchmark) from their texts, reporting every problem.
fn compile_pair(
    q_file: &SourceFile,
    b_file: Option<&SourceFile>,
) -> Result<(Questionnaire, Option<Benchmark>), ModelError> {
    let mut problems: Vec<Problem> = Vec::new();
    let raw_q = q_file.parse::<RawQuestionnaire>();
    let raw_b = b_file.map(|f| f.parse::<RawBenchmark>());

    let questionnaire = match raw_q {
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
    let benchmark = match (raw_b, b_file, &questionnaire) {
        (Some(Ok(raw)), Some(file), Some(q)) => match benchmark::compile(raw, q, file) {
            Ok(b) => Some(b),
            Err(p) => {
                problems.extend(p);
                None
            }
        },
        (Some(Err(p)), _, _) => {
            problems.push(p);
            None
        }
        _ => None,
    };
    match questionnaire {
        Some(q) if problems.is_empty() => Ok((q, benchmark)),
        _ => Err(ModelError::Invalid(problems)),
    }
}

/// Loads and validates one questionnaire folder. `benchmark.toml` is optional.
pub fn load_dir(dir: &Path) -> Result<QuestionnaireSet, ModelError> {
    let q_file = read(&dir.join(QUESTIONNAIRE_FILE))?;
    let b_path = dir.join(BENCHMARK_FILE);
    let b_file = if b_path.exists() {
        Some(read(&b_path)?)
    } else {
        None
    };
    let (q, b) = compile_pair(&q_file, b_file.as_ref())?;
    Ok(QuestionnaireSet {
        questionnaire: Arc::new(q),
        benchmark: b.map(Arc::new),
        dir: Some(dir.to_path_buf()),
    })
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
    let b = benchmark.map(|text| SourceFile {
        path: PathBuf::from(format!("{name}/{BENCHMARK_FILE}")),
        text: text.to_string(),
    });
    let (q, b) = compile_pair(&q, b.as_ref())?;
    Ok(QuestionnaireSet {
        questionnaire: Arc::new(q),
        benchmark: b.map(Arc::new),
        dir: None,
    })
}

/// The built-in questionnaire and benchmark texts, as shipped.
pub fn builtin_texts() -> (&'static str, &'static str) {
    (BUILTIN_QUESTIONNAIRE, BUILTIN_BENCHMARK)
}

/// The built-in JPCERT/CC 2015 questionnaire and benchmark.
pub fn builtin() -> Result<QuestionnaireSet, ModelError> {
    let q = SourceFile {
        path: PathBuf::from("questionnaires/jpcert-2015/questionnaire.toml (built in)"),
        text: BUILTIN_QUESTIONNAIRE.to_string(),
    };
    let b = SourceFile {
        path: PathBuf::from("questionnaires/jpcert-2015/benchmark.toml (built in)"),
        text: BUILTIN_BENCHMARK.to_string(),
    };
    let (q, b) = compile_pair(&q, Some(&b))?;
    Ok(QuestionnaireSet {
        questionnaire: Arc::new(q),
        benchmark: b.map(Arc::new),
        dir: None,
    })
}

/// Every questionnaire the app knows: the built-in one, then each valid folder under `extra_root`.
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
        let builtin = builtin()?;
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
        let mut sets = vec![builtin];
        for set in &extra {
            let id = &set.questionnaire.id;
            if *id == sets[0].questionnaire.id {
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

    pub fn get(&self, id: &str) -> Result<&QuestionnaireSet, ModelError> {
        self.sets
            .iter()
            .find(|s| s.questionnaire.id == id)
            .ok_or_else(|| ModelError::UnknownQuestionnaire(id.to_string()))
    }
}
