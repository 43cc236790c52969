//! The use-case layer's one error: what the store, scoring, the report or a report option
//! refused, each readable in Japanese and English.

use csirt_model::{Lang, Localized, Text};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum UsecaseError {
    #[error(transparent)]
    Model(#[from] csirt_model::ModelError),
    #[error(transparent)]
    Scoring(#[from] csirt_scoring::ScoringError),
    #[error(transparent)]
    Store(#[from] csirt_store::StoreError),
    #[error(transparent)]
    Report(#[from] csirt_report::ReportError),
    /// A report option that cannot be used (an unknown section, a bad confidentiality line).
    #[error("{0}")]
    Option(Text),
    /// A prefilled start that cannot be made (another organisation's assessment, or one that
    /// informs nothing in the chosen questionnaire).
    #[error("{0}")]
    Prefill(Text),
    /// A file that cannot be taken as given (an encrypted respondent's file in a bulk import).
    #[error("{0}")]
    File(Text),
    /// The logo file could not be read.
    #[error("cannot read the logo {path}: {source}")]
    ReadLogo {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The logo file was read but is not a usable PNG or JPEG.
    #[error("the logo {path}: {reason}")]
    BadLogo { path: PathBuf, reason: Text },
    /// A questionnaire package that stored assessments still use.
    #[error("questionnaire {id:?} is used by {} stored assessment(s), so it was not removed: {}; export any you want to keep, then delete each (in the app, from the organisation's list of assessments; on the command line, `csirt assessment delete <id>`)", .assessments.len(), .assessments.join(", "))]
    QuestionnaireInUse {
        id: String,
        assessments: Vec<String>,
    },
}

impl Localized for UsecaseError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            UsecaseError::Model(e) => e.localized(lang),
            UsecaseError::Scoring(e) => e.localized(lang),
            UsecaseError::Store(e) => e.localized(lang),
            UsecaseError::Report(e) => e.localized(lang),
            UsecaseError::Option(t) | UsecaseError::Prefill(t) | UsecaseError::File(t) => {
                t.get(lang).to_string()
            }
            UsecaseError::ReadLogo { path, source } => match lang {
                Lang::En => self.to_string(),
                Lang::Ja => format!(
                    "ロゴのファイル {} を読めません: {}",
                    path.display(),
                    csirt_model::error::io_ja(source)
                ),
            },
            UsecaseError::BadLogo { path, reason } => match lang {
                Lang::En => self.to_string(),
                Lang::Ja => format!("ロゴのファイル {}: {}", path.display(), reason.ja),
            },
            UsecaseError::QuestionnaireInUse { id, assessments } => match lang {
                Lang::En => self.to_string(),
                Lang::Ja => format!(
                    "質問票 {id:?} は保存されている {} 件の評価で使われているため、削除しませんでした: {}。残したい評価を書き出してから、それぞれ削除してください（アプリでは組織の評価一覧から、コマンドラインでは `csirt assessment delete <ID>` で削除できます）",
                    assessments.len(),
                    assessments.join("、")
                ),
            },
        }
    }
}
