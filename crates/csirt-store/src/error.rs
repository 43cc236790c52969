//! The store crate's one error type, in English (`Display`, for logs) and in the user's language
//! (`Localized`).

use crate::version::Misfit;
use csirt_model::{Lang, Localized, Text};
use std::path::PathBuf;

/// What a name belongs to, for the messages about names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    Organisation,
    Respondent,
}

impl NameOf {
    fn en(self) -> &'static str {
        match self {
            NameOf::Organisation => "organisation",
            NameOf::Respondent => "respondent",
        }
    }
    fn en_a(self) -> &'static str {
        match self {
            NameOf::Organisation => "an organisation",
            NameOf::Respondent => "a respondent",
        }
    }
    fn ja(self) -> &'static str {
        match self {
            NameOf::Organisation => "組織",
            NameOf::Respondent => "回答者",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a CSIRT assessment database (it is not an SQLite file, or it is damaged); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error("{path} is empty (0 bytes), perhaps from a failed copy or sync; it was left untouched — restore a backup, or remove the file to start a new database there")]
    EmptyFile { path: PathBuf },
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
    #[error("no action with id {0:?} (see `csirt action list <assessment>`)")]
    NoAction(String),
    #[error("the action id {uid:?} is used by {count} organisations; export and import kept it in each, so it names no single action")]
    AmbiguousAction { uid: String, count: usize },
    #[error("item {item}: {message}")]
    InvalidAnswer { item: String, message: Text },
    #[error("{0}")]
    InvalidInput(Text),
    /// A date that is not a real calendar day `YYYY-MM-DD`; the message names it.
    #[error("{0}")]
    InvalidDate(Text),
    #[error("{} named {name:?} already exists (id {id}); names are compared ignoring case, width and extra spaces", .what.en_a())]
    DuplicateName { what: NameOf, name: String, id: i64 },
    #[error("the {} name {name:?} contains a control character (a line break or tab, for example); type it on one line", .what.en())]
    ControlCharacter { what: NameOf, name: String },
    #[error("assessment {id} has the date {date:?}, which is not a real calendar day YYYY-MM-DD; correct it first (`csirt assessment date {id} YYYY-MM-DD`)")]
    StoredDateInvalid { id: i64, date: String },
    #[error("assessment {id} was answered with questionnaire {questionnaire} version {stored}, but version {loaded} is loaded, and {} answer(s) no longer fit it:\n{}", .misfits.len(), list(.misfits, Lang::En))]
    Misfits {
        id: i64,
        questionnaire: String,
        stored: String,
        loaded: String,
        misfits: Vec<Misfit>,
    },
    #[error("the assessment uses questionnaire {0:?}, which is not loaded")]
    UnknownQuestionnaire(String),
    #[error(transparent)]
    Model(#[from] csirt_model::ModelError),
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

fn list(misfits: &[Misfit], lang: Lang) -> String {
    misfits
        .iter()
        .map(|m| format!("  {}", m.localized(lang)))
        .collect::<Vec<_>>()
        .join("\n")
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

impl Localized for StoreError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StoreError::NotADatabase { path } => format!(
                "{} は CSIRT 評価のデータベースではありません（SQLite のファイルでないか、壊れています）。ファイルには手を加えていません",
                path.display()
            ),
            StoreError::EmptyFile { path } => format!(
                "{} は空（0 バイト）です。コピーや同期が失敗したのかもしれません。ファイルには手を加えていません。バックアップから戻すか、このファイルを削除すると、そこに新しいデータベースを作ります",
                path.display()
            ),
            StoreError::ForeignDatabase { path } => format!(
                "{} は別のアプリケーションの SQLite データベースです。ファイルには手を加えていません",
                path.display()
            ),
            StoreError::Corrupt { path, detail } => format!(
                "{} は壊れています（整合性検査: {detail}）。ファイルには手を加えていません。バックアップから戻してください",
                path.display()
            ),
            StoreError::NewerSchema { path, found, known } => format!(
                "{} はこのアプリの新しい版で書かれています（スキーマ {found}、この版が知っているのは {known} まで）。開くにはアプリを更新してください。ファイルには手を加えていません",
                path.display()
            ),
            StoreError::ReadOnly { path } => format!(
                "{} に書き込めません。ファイルかフォルダが読み取り専用か、別のユーザーのものです。何も変更していません（--db か CSIRT_DB で書き込める場所を指定してください）",
                path.display()
            ),
            StoreError::CannotOpen { path } => format!(
                "{} を開くことも作ることもできません。フォルダが読み取り専用か、存在しないか、あなたのものではありません。何も変更していません（--db か CSIRT_DB で書き込める場所を指定してください）",
                path.display()
            ),
            StoreError::Backup(detail) => format!(
                "更新の前にデータベースのバックアップを取れませんでした: {detail}"
            ),
            StoreError::NoOrganisation(id) => format!("ID {id} の組織はありません"),
            StoreError::NoAssessment(id) => format!("ID {id} の評価はありません"),
            StoreError::NoRespondent(id) => format!("この評価に ID {id} の回答者はいません"),
            StoreError::NoAction(uid) => format!(
                "ID {uid:?} の対策はありません（`csirt action list <評価>` で確かめてください）"
            ),
            StoreError::AmbiguousAction { uid, count } => format!(
                "対策の ID {uid:?} は {count} つの組織で使われています（書き出しと取り込みでそれぞれに残りました）。一つの対策に決まりません"
            ),
            StoreError::InvalidAnswer { item, message } => {
                format!("項目 {item}: {}", message.get(lang))
            }
            StoreError::InvalidInput(t) | StoreError::InvalidDate(t) => t.get(lang).to_string(),
            StoreError::DuplicateName { what, name, id } => format!(
                "{}「{name}」はすでにあります（ID {id}）。名前は大文字と小文字、全角と半角、余分な空白を区別せずに比べます",
                what.ja()
            ),
            StoreError::ControlCharacter { what, name } => format!(
                "{}名 {name:?} に制御文字（改行やタブなど）が含まれています。1 行で入力してください",
                what.ja()
            ),
            StoreError::StoredDateInvalid { id, date } => format!(
                "評価 {id} の日付 {date:?} は暦にある YYYY-MM-DD の日付ではありません。先に直してください（`csirt assessment date {id} YYYY-MM-DD`）"
            ),
            StoreError::Misfits {
                id,
                questionnaire,
                stored,
                loaded,
                misfits,
            } => format!(
                "評価 {id} は質問票 {questionnaire} の版 {stored} で回答されましたが、読み込まれているのは版 {loaded} です。{} 件の回答が今の版に合いません:\n{}",
                misfits.len(),
                list(misfits, lang)
            ),
            StoreError::UnknownQuestionnaire(id) => {
                format!("この評価は質問票 {id:?} を使っていますが、読み込まれていません")
            }
            StoreError::Model(e) => e.localized(lang),
            StoreError::Write(e) => format!(
                "データベースに書き込めません（ディスクがいっぱいか、障害です）。何も保存していません（{e}）"
            ),
            StoreError::Sqlite(e) => format!("データベースのエラーです: {e}"),
            StoreError::Json(e) => format!("保存されている回答が JSON として正しくありません: {e}"),
            StoreError::Io { path, source } => {
                format!("{}: {}", path.display(), csirt_model::error::io_ja(source))
            }
        }
    }
}
