//! The store crate's one error type.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a CSIRT assessment database (it is not an SQLite file, or it is damaged); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error("{path} is an SQLite database of another application; it was left untouched")]
    ForeignDatabase { path: PathBuf },
    #[error(
        "{path} is damaged (integrity check: {detail}); it was left untouched — restore a backup"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} was written by a newer version of this app (schema {found}, this app knows up to {known}); update the app to open it — the file was left untouched")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("cannot write to {path}: the file or its folder is read-only, or belongs to another user; nothing was changed (choose a writable place with --db or CSIRT_DB)")]
    ReadOnly { path: PathBuf },
    #[error("cannot open or create {path}: its folder is read-only, missing or not yours; nothing was changed (choose a writable place with --db or CSIRT_DB)")]
    CannotOpen { path: PathBuf },
    #[error("cannot back up the database before upgrading it: {0}")]
    Backup(String),
    #[error("no organisation with id {0}")]
    NoOrganisation(i64),
    #[error("no assessment with id {0}")]
    NoAssessment(i64),
    #[error("no respondent with id {0} in this assessment")]
    NoRespondent(i64),
    #[error("item {item}: {message}")]
    InvalidAnswer {
        item: String,
        message: csirt_model::Text,
    },
    #[error("{0}")]
    InvalidInput(String),
    #[error("the assessment uses questionnaire {0:?}, which is not loaded")]
    UnknownQuestionnaire(String),
    #[error(transparent)]
    Model(#[from] csirt_model::ModelError),
    #[error(transparent)]
    Scoring(#[from] csirt_scoring::ScoringError),
    #[error(
        "cannot write to the database (the disk is full, or it failed): nothing was saved ({0})"
    )]
    Write(rusqlite::Error),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored answer is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull)
            | Some(rusqlite::ErrorCode::SystemIoFailure)
            | Some(rusqlite::ErrorCode::ReadOnly) => StoreError::Write(e),
            _ => StoreError::Sqlite(e),
        }
    }
}

// TEMPORARY: English in both languages until this crate's messages are translated.
impl csirt_model::Localized for StoreError {
    fn localized(&self, _lang: csirt_model::Lang) -> String {
        self.to_string()
    }
}
