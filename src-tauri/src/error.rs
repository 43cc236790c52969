//! The app's one error type, and the `{kind, message, problems}` shape it reaches the UI in.
//!
//! The UI branches on `kind` (a closed set, so the TypeScript side can switch on it) and shows
//! `message`; an import that fails validation also carries every problem, item by item.

use crate::wire::{AnswerProblem, ErrorKind, ErrorPayload};
use csirt_export::encrypt::CryptoError;
use csirt_model::ModelError;
use csirt_store::StoreError;
use serde::{Serialize, Serializer};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Scoring(#[from] csirt_scoring::ScoringError),
    #[error(transparent)]
    Export(#[from] csirt_export::ExportError),
    #[error(transparent)]
    Report(#[from] csirt_report::ReportError),
    #[error(transparent)]
    Crypto(#[from] csirt_export::encrypt::CryptoError),
    #[error("the file is encrypted: enter its passphrase")]
    PassphraseRequired,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the database could not be opened: {0}")]
    NoStore(String),
    #[error("this platform has no data folder: start the app with --db <file> or set CSIRT_DB")]
    NoDataDir,
    #[error("{0}")]
    InvalidInput(String),
    #[error("the window system failed: {0}")]
    Tauri(#[from] tauri::Error),
    #[error("a background task failed: {0}")]
    Task(String),
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Store(e) => match e {
                StoreError::NoOrganisation(_)
                | StoreError::NoAssessment(_)
                | StoreError::NoRespondent(_)
                | StoreError::UnknownQuestionnaire(_) => ErrorKind::NotFound,
                StoreError::InvalidAnswer { .. }
                | StoreError::InvalidInput(_)
                | StoreError::InvalidDate(_)
                | StoreError::DuplicateName { .. }
                | StoreError::ControlCharacter { .. } => ErrorKind::InvalidInput,
                StoreError::Model(m) => model_kind(m),
                StoreError::Scoring(_) => ErrorKind::InvalidInput,
                StoreError::Io { .. } => ErrorKind::Io,
                _ => ErrorKind::Storage,
            },
            AppError::Model(m) => model_kind(m),
            AppError::Scoring(_) | AppError::InvalidInput(_) => ErrorKind::InvalidInput,
            AppError::PassphraseRequired => ErrorKind::PassphraseRequired,
            AppError::Crypto(c) => match c {
                CryptoError::WrongPassphrase => ErrorKind::WrongPassphrase,
                CryptoError::EmptyPassphrase => ErrorKind::InvalidInput,
                CryptoError::Tampered(_) => ErrorKind::InvalidAssessment,
                CryptoError::Encrypt(_) => ErrorKind::Export,
            },
            AppError::Export(_) | AppError::Report(_) => ErrorKind::Export,
            AppError::Io { .. } => ErrorKind::Io,
            AppError::NoStore(_) | AppError::NoDataDir => ErrorKind::Storage,
            AppError::Task(_) | AppError::Tauri(_) => ErrorKind::Internal,
        }
    }

    /// The item-by-item problems of an assessment file that failed validation.
    pub fn problems(&self) -> Vec<AnswerProblem> {
        let model = match self {
            AppError::Model(m) | AppError::Store(StoreError::Model(m)) => m,
            _ => return Vec::new(),
        };
        match model {
            ModelError::InvalidAssessment(p) => p
                .iter()
                .map(|p| AnswerProblem {
                    item: p.item.clone(),
                    message: p.message.clone(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        let problems = self.problems();
        // With the problems listed one by one, the summary line alone reads better than the
        // model's multi-line message.
        let message = if problems.is_empty() {
            self.to_string()
        } else {
            "the assessment file is not valid".to_string()
        };
        ErrorPayload {
            kind: self.kind(),
            message,
            problems,
        }
    }
}

fn model_kind(m: &ModelError) -> ErrorKind {
    match m {
        ModelError::InvalidAssessment(_) => ErrorKind::InvalidAssessment,
        ModelError::UnknownQuestionnaire(_) => ErrorKind::NotFound,
        ModelError::Io { .. } => ErrorKind::Io,
        ModelError::Invalid(_) => ErrorKind::InvalidInput,
    }
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_assessment_keeps_every_problem() {
        let e = AppError::Model(ModelError::InvalidAssessment(vec![
            csirt_model::AnswerProblem {
                item: Some("2.8".into()),
                message: "\"z\" is not an option".into(),
            },
            csirt_model::AnswerProblem {
                item: None,
                message: "the organisation needs a name".into(),
            },
        ]));
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["kind"], "invalid-assessment");
        assert_eq!(v["problems"][0]["item"], "2.8");
        assert_eq!(v["problems"][1]["item"], serde_json::Value::Null);
    }

    #[test]
    fn store_errors_map_to_kinds() {
        let nf = AppError::Store(StoreError::NoAssessment(4));
        assert_eq!(serde_json::to_value(&nf).unwrap()["kind"], "not-found");
        let bad = AppError::Store(StoreError::InvalidInput(csirt_model::Text::new(
            "組織には名前が必要です",
            "an organisation needs a name",
        )));
        let v = serde_json::to_value(&bad).unwrap();
        assert_eq!(v["kind"], "invalid-input");
        assert_eq!(v["message"], "an organisation needs a name");
    }

    #[test]
    fn passphrase_errors_have_their_own_kinds() {
        let need = serde_json::to_value(AppError::PassphraseRequired).unwrap();
        assert_eq!(need["kind"], "passphrase-required");
        let wrong = serde_json::to_value(AppError::Crypto(CryptoError::WrongPassphrase)).unwrap();
        assert_eq!(wrong["kind"], "wrong-passphrase");
        assert!(wrong["message"]
            .as_str()
            .unwrap()
            .contains("passphrase is wrong"));
    }
}
