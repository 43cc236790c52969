//! The app's one error type, and the `{kind, message, problems}` shape it reaches the UI in.
//!
//! The UI branches on `kind` (a closed set, so the TypeScript side can switch on it) and shows
//! `message`; an import that fails validation also carries every problem, item by item. Both
//! are in the UI's language: `payload(lang)` localizes every message through
//! [`csirt_model::Localized`], which every core crate's error implements.

use crate::wire::{AnswerProblem, ErrorKind, ErrorPayload};
use csirt_export::encrypt::CryptoError;
use csirt_model::error::io_ja;
use csirt_model::{Lang, Localized, ModelError, Text};
use csirt_store::StoreError;
use csirt_usecase::UsecaseError;
use std::path::PathBuf;
use std::sync::Arc;

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
    /// Boxed: it can hold a store error, and the enum stays small.
    #[error(transparent)]
    Usecase(Box<csirt_usecase::UsecaseError>),
    #[error("the file is encrypted: enter its passphrase")]
    PassphraseRequired,
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Why the database could not be opened at start-up; every store command fails with it.
    #[error("the database could not be opened: {0}")]
    NoStore(Arc<AppError>),
    #[error("this platform has no data folder: start the app with --db <file> or set CSIRT_DB")]
    NoDataDir,
    /// A value the user gave was refused, with the reason in both languages.
    #[error("{0}")]
    InvalidInput(Text),
    /// A command's `input` did not have the shape the command takes (a wrong type, a missing
    /// field, an unknown value); `detail` is the parser's own words.
    #[error("the command's input is not valid: {detail}")]
    BadArguments { detail: String },
    #[error("the window system failed: {0}")]
    Tauri(#[from] tauri::Error),
    #[error("a background task failed: {0}")]
    Task(String),
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Store(e) => AppError::kind_of_store(e),
            AppError::Model(m) => model_kind(m),
            // The use-case layer's errors are the store's, scoring's and the report's.
            AppError::Usecase(u) => match u.as_ref() {
                UsecaseError::Store(e) => AppError::kind_of_store(e),
                UsecaseError::Model(m) => model_kind(m),
                UsecaseError::Scoring(_)
                | UsecaseError::Option(_)
                | UsecaseError::Prefill(_)
                | UsecaseError::BadLogo { .. }
                | UsecaseError::QuestionnaireInUse { .. }
                | UsecaseError::File(_) => ErrorKind::InvalidInput,
                UsecaseError::Report(_) => ErrorKind::Export,
                UsecaseError::ReadLogo { .. } => ErrorKind::Io,
            },
            AppError::Scoring(_) | AppError::InvalidInput(_) | AppError::BadArguments { .. } => {
                ErrorKind::InvalidInput
            }
            AppError::PassphraseRequired => ErrorKind::PassphraseRequired,
            AppError::Crypto(c) => match c {
                CryptoError::WrongPassphrase => ErrorKind::WrongPassphrase,
                CryptoError::EmptyPassphrase => ErrorKind::InvalidInput,
                CryptoError::Tampered(_) => ErrorKind::InvalidAssessment,
                CryptoError::Encrypt(_) => ErrorKind::Export,
                CryptoError::BadRecipient(_) | CryptoError::BadIdentity => ErrorKind::InvalidInput,
                CryptoError::OtherKey => ErrorKind::InvalidAssessment,
            },
            AppError::Export(_) | AppError::Report(_) => ErrorKind::Export,
            AppError::Read { .. } | AppError::Write { .. } => ErrorKind::Io,
            AppError::NoStore(_) | AppError::NoDataDir => ErrorKind::Storage,
            AppError::Task(_) | AppError::Tauri(_) => ErrorKind::Internal,
        }
    }

    /// The kind of a store error, wherever it is wrapped.
    fn kind_of_store(e: &StoreError) -> ErrorKind {
        match e {
            StoreError::NoOrganisation(_)
            | StoreError::NoAssessment(_)
            | StoreError::NoRespondent(_)
            | StoreError::NoAction(_)
            | StoreError::UnknownQuestionnaire(_) => ErrorKind::NotFound,
            StoreError::AmbiguousAction { .. } => ErrorKind::InvalidInput,
            StoreError::InvalidAnswer { .. }
            | StoreError::InvalidInput(_)
            | StoreError::InvalidDate(_)
            | StoreError::DuplicateName { .. }
            | StoreError::ControlCharacter { .. } => ErrorKind::InvalidInput,
            StoreError::Model(m) => model_kind(m),
            StoreError::Io { .. } => ErrorKind::Io,
            // What the store holds cannot become a file that imports: the user's to mend.
            StoreError::StoredDateInvalid { .. } | StoreError::Misfits { .. } => ErrorKind::Export,
            _ => ErrorKind::Storage,
        }
    }

    /// The model's error inside this one, wherever it is wrapped.
    fn model(&self) -> Option<&ModelError> {
        match self {
            AppError::Model(m) | AppError::Store(StoreError::Model(m)) => Some(m),
            AppError::Usecase(u) => match u.as_ref() {
                UsecaseError::Model(m) | UsecaseError::Store(StoreError::Model(m)) => Some(m),
                _ => None,
            },
            _ => None,
        }
    }

    /// The item-by-item problems of an assessment file that failed validation, in `lang`.
    pub fn problems(&self, lang: Lang) -> Vec<AnswerProblem> {
        let Some(model) = self.model() else {
            return Vec::new();
        };
        match model {
            ModelError::InvalidAssessment(p) => p
                .iter()
                .map(|p| AnswerProblem {
                    item: p.item.clone(),
                    message: p.message.get(lang).to_string(),
                })
                .collect(),
            // A benchmark file's problems, each with its file and line.
            ModelError::Invalid(p) => p
                .iter()
                .map(|p| AnswerProblem {
                    item: None,
                    message: p.localized(lang),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The error as the UI receives it, every message in `lang`.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        let problems = self.problems(lang);
        // With the problems listed one by one, the summary line alone reads better than the
        // model's multi-line message.
        let data_file = matches!(self.model(), Some(ModelError::Invalid(_)));
        let message = if problems.is_empty() {
            self.localized(lang)
        } else if data_file {
            Text::new(
                "データファイルが正しくありません",
                "the data file is not valid",
            )
            .get(lang)
            .to_string()
        } else {
            Text::new(
                "評価ファイルが正しくありません",
                "the assessment file is not valid",
            )
            .get(lang)
            .to_string()
        };
        ErrorPayload {
            kind: self.kind(),
            message,
            problems,
        }
    }
}

impl From<UsecaseError> for AppError {
    fn from(e: UsecaseError) -> Self {
        AppError::Usecase(Box::new(e))
    }
}

impl Localized for AppError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            AppError::Store(e) => e.localized(lang),
            AppError::Model(e) => e.localized(lang),
            AppError::Scoring(e) => e.localized(lang),
            AppError::Export(e) => e.localized(lang),
            AppError::Report(e) => e.localized(lang),
            AppError::Crypto(e) => e.localized(lang),
            AppError::Usecase(e) => e.localized(lang),
            AppError::NoStore(e) => match lang {
                Lang::Ja => format!("データベースを開けませんでした: {}", e.localized(lang)),
                Lang::En => format!("the database could not be opened: {}", e.localized(lang)),
            },
            AppError::InvalidInput(text) => text.get(lang).to_string(),
            _ if lang == Lang::En => self.to_string(),
            AppError::PassphraseRequired => {
                "このファイルは暗号化されています。パスフレーズを入力してください".to_string()
            }
            AppError::Read { path, source } => {
                format!("{} を読めません: {}", path.display(), io_ja(source))
            }
            AppError::Write { path, source } => {
                format!("{} に書き込めません: {}", path.display(), io_ja(source))
            }
            AppError::NoDataDir => "この環境にはデータ用のフォルダがありません。--db <ファイル> を付けて起動するか、CSIRT_DB を設定してください".to_string(),
            AppError::BadArguments { detail } => {
                format!("コマンドへの入力が正しくありません（{detail}）")
            }
            AppError::Tauri(e) => format!("ウィンドウシステムでエラーが起きました（{e}）"),
            AppError::Task(e) => format!("バックグラウンドの処理が失敗しました（{e}）"),
        }
    }
}

fn model_kind(m: &ModelError) -> ErrorKind {
    match m {
        ModelError::InvalidAssessment(_) => ErrorKind::InvalidAssessment,
        ModelError::UnknownQuestionnaire(_) | ModelError::UnknownBenchmark { .. } => {
            ErrorKind::NotFound
        }
        ModelError::Io { .. } => ErrorKind::Io,
        ModelError::Invalid(_)
        | ModelError::DuplicateId { .. }
        | ModelError::ShadowsBuiltin { .. }
        | ModelError::Segment { .. }
        | ModelError::DuplicateBenchmark { .. }
        | ModelError::Package { .. }
        | ModelError::IdTaken(_)
        | ModelError::NotAPackage { .. }
        | ModelError::NoDemo(_) => ErrorKind::InvalidInput,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invalid_file() -> AppError {
        AppError::Model(ModelError::InvalidAssessment(vec![
            csirt_model::AnswerProblem {
                item: Some("2.8".into()),
                message: Text::new("\"z\" は選択肢にありません", "\"z\" is not an option"),
            },
            csirt_model::AnswerProblem {
                item: None,
                message: Text::new("組織名が必要です", "the organisation needs a name"),
            },
        ]))
    }

    #[test]
    fn invalid_assessment_keeps_every_problem_in_the_users_language() {
        let e = invalid_file();
        let en = serde_json::to_value(e.payload(Lang::En)).unwrap();
        assert_eq!(en["kind"], "invalid-assessment");
        assert_eq!(en["message"], "the assessment file is not valid");
        assert_eq!(en["problems"][0]["item"], "2.8");
        assert_eq!(en["problems"][0]["message"], "\"z\" is not an option");
        assert_eq!(en["problems"][1]["item"], serde_json::Value::Null);
        let ja = serde_json::to_value(e.payload(Lang::Ja)).unwrap();
        assert_eq!(ja["message"], "評価ファイルが正しくありません");
        assert_eq!(ja["problems"][0]["item"], "2.8");
        assert_eq!(ja["problems"][0]["message"], "\"z\" は選択肢にありません");
        assert_eq!(ja["problems"][1]["message"], "組織名が必要です");
    }

    /// The same problems reach the UI when the store refuses an import.
    #[test]
    fn problems_through_the_store_are_localized_too() {
        let AppError::Model(m) = invalid_file() else {
            unreachable!()
        };
        let e = AppError::Store(StoreError::Model(m));
        let ja = e.payload(Lang::Ja);
        assert_eq!(ja.problems.len(), 2);
        assert_eq!(ja.problems[1].message, "組織名が必要です");
    }

    #[test]
    fn store_errors_map_to_kinds() {
        let nf = AppError::Store(StoreError::NoAssessment(4));
        assert_eq!(nf.payload(Lang::En).kind, ErrorKind::NotFound);
        assert!(nf.payload(Lang::En).message.contains('4'));
        assert!(nf.payload(Lang::Ja).message.contains('4'));
        let bad = AppError::Store(StoreError::InvalidInput(csirt_model::Text::new(
            "組織には名前が必要です",
            "an organisation needs a name",
        )));
        let v = serde_json::to_value(bad.payload(Lang::En)).unwrap();
        assert_eq!(v["kind"], "invalid-input");
        assert_eq!(v["message"], "an organisation needs a name");
    }

    #[test]
    fn passphrase_errors_have_their_own_kinds() {
        let need = AppError::PassphraseRequired;
        assert_eq!(need.payload(Lang::En).kind, ErrorKind::PassphraseRequired);
        assert!(need.payload(Lang::Ja).message.contains("パスフレーズ"));
        let wrong = AppError::Crypto(CryptoError::WrongPassphrase).payload(Lang::En);
        assert_eq!(wrong.kind, ErrorKind::WrongPassphrase);
        assert!(wrong.message.contains("passphrase is wrong"));
    }

    /// Every one of the app's own variants has a Japanese message that differs from its English
    /// one, and each keeps its path or detail in both languages.
    #[test]
    fn the_apps_own_errors_are_in_both_languages() {
        let io = || std::io::Error::from(std::io::ErrorKind::NotFound);
        let path = PathBuf::from("/tmp/外部/file.json");
        let cases: Vec<(AppError, Vec<&str>)> = vec![
            (AppError::PassphraseRequired, vec![]),
            (
                AppError::Read {
                    path: path.clone(),
                    source: io(),
                },
                vec!["/tmp/外部/file.json"],
            ),
            (
                AppError::Write {
                    path: path.clone(),
                    source: io(),
                },
                vec!["/tmp/外部/file.json"],
            ),
            (AppError::NoDataDir, vec!["--db", "CSIRT_DB"]),
            (
                AppError::InvalidInput(Text::new(
                    "項目 4.1: 選んでください",
                    "item 4.1: choose one",
                )),
                vec!["4.1"],
            ),
            (
                AppError::BadArguments {
                    detail: "invalid type: string \"x\", expected i64".into(),
                },
                vec!["expected i64"],
            ),
            (AppError::Task("join failed".into()), vec!["join failed"]),
            (
                AppError::NoStore(Arc::new(AppError::NoDataDir)),
                vec!["CSIRT_DB"],
            ),
        ];
        for (e, keep) in cases {
            let ja = e.localized(Lang::Ja);
            let en = e.localized(Lang::En);
            assert_ne!(ja, en, "{e:?}: the Japanese message is the English one");
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{e:?}: no kana in {ja:?}"
            );
            for k in keep {
                assert!(ja.contains(k), "{e:?}: {ja:?} lost {k:?}");
                assert!(en.contains(k), "{e:?}: {en:?} lost {k:?}");
            }
            assert_eq!(e.payload(Lang::Ja).message, ja);
            assert_eq!(e.payload(Lang::En).message, en);
        }
    }

    /// A bad date typed into the app is refused by the model's one date check, in both
    /// languages, keeping what was typed.
    #[test]
    fn a_bad_date_is_refused_in_both_languages() {
        for bad in [
            "2025-02-30",
            "2025-13-01",
            "25-01-01",
            "1800-01-01",
            "２０２５-01-01",
        ] {
            let e = crate::commands::assessment_date(Some(bad)).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
            assert_ne!(ja, en, "{bad}");
        }
        assert_eq!(
            crate::commands::assessment_date(Some("2024-02-29")).unwrap(),
            Some("2024-02-29".to_string())
        );
        assert_eq!(crate::commands::assessment_date(None).unwrap(), None);
    }
}
