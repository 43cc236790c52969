//! The model crate's one error type, and the located problems a validation run collects.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a data file, with the file and the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based line; 0 when the problem has no single place (e.g. a missing item).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

/// One problem in an imported assessment file, naming the item it concerns when there is one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnswerProblem {
    pub item: Option<String>,
    pub message: String,
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "item {item}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn join<T: fmt::Display>(problems: &[T]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} problem(s) in the questionnaire data:\n{}", .0.len(), join(.0))]
    Invalid(Vec<Problem>),
    #[error("no questionnaire with id {0:?}")]
    UnknownQuestionnaire(String),
    #[error("the assessment file is not valid:\n{}", join(.0))]
    InvalidAssessment(Vec<AnswerProblem>),
}

impl ModelError {
    /// The problems of a data or assessment validation failure, as display lines.
    pub fn problem_lines(&self) -> Vec<String> {
        match self {
            ModelError::Invalid(p) => p.iter().map(|p| p.to_string()).collect(),
            ModelError::InvalidAssessment(p) => p.iter().map(|p| p.to_string()).collect(),
            other => vec![other.to_string()],
        }
    }
}
