//! The model crate's one error type, and the located problems a validation run collects.

use crate::text::{Lang, Localized, Text};
use std::fmt;
use std::path::PathBuf;

/// One problem found in a data file, with the file and the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based line; 0 when the problem has no single place (e.g. a missing item).
    pub line: usize,
    pub message: Text,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Lang::En))
    }
}

impl Localized for Problem {
    fn localized(&self, lang: Lang) -> String {
        let message = self.message.get(lang);
        if self.line > 0 {
            format!("{}:{}: {message}", self.file.display(), self.line)
        } else {
            format!("{}: {message}", self.file.display())
        }
    }
}

/// One problem in an imported assessment file, naming the item it concerns when there is one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnswerProblem {
    pub item: Option<String>,
    pub message: Text,
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Lang::En))
    }
}

impl Localized for AnswerProblem {
    fn localized(&self, lang: Lang) -> String {
        let message = self.message.get(lang);
        match (&self.item, lang) {
            (Some(item), Lang::Ja) => format!("項目 {item}: {message}"),
            (Some(item), Lang::En) => format!("item {item}: {message}"),
            (None, _) => message.to_string(),
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
    #[error("questionnaire folders {dir} (version {version}) and {other} (version {other_version}) both have the id {id:?}; neither was loaded: give one another id, or move the old copy out of the folder")]
    DuplicateId {
        id: String,
        dir: PathBuf,
        version: String,
        other: PathBuf,
        other_version: String,
    },
    #[error("questionnaire folder {dir} has the id {id:?} of the built-in questionnaire; it was not loaded: give it another id")]
    ShadowsBuiltin { id: String, dir: PathBuf },
    #[error("{}", .message.en)]
    Segment { benchmark: String, message: Text },
    #[error("benchmark files {path} and {other} both have the id {id:?} for questionnaire {questionnaire:?}; {path} was not loaded: give it another id")]
    DuplicateBenchmark {
        id: String,
        questionnaire: String,
        path: PathBuf,
        other: PathBuf,
    },
    #[error("questionnaire {questionnaire:?} has no benchmark {id:?}; it has: {known}")]
    UnknownBenchmark {
        id: String,
        questionnaire: String,
        known: String,
    },
    /// A questionnaire package that is not a zipped questionnaire folder (its shape, size,
    /// names or links); `file` is the package, or the package and the entry.
    #[error("{}: {}", .file.display(), .message.en)]
    Package { file: PathBuf, message: Text },
    /// A package whose questionnaire id is already taken, by a built-in questionnaire or by an
    /// installed package or folder.
    #[error("{0}")]
    IdTaken(Box<IdClash>),
    /// Only an installed package can be removed: not a built-in questionnaire (`dir` is `None`)
    /// nor a folder given with `--questionnaires`.
    #[error("questionnaire {id:?} is {}; only an installed package can be removed", .dir.as_ref().map_or_else(|| "built in".to_string(), |d| format!("read from the folder {}, not an installed package", d.display())))]
    NotAPackage { id: String, dir: Option<PathBuf> },
    #[error("questionnaire {0:?} has no demo assessment (only the built-in questionnaires have one); start an assessment of it instead")]
    NoDemo(String),
}

impl ModelError {
    /// The problems of a data or assessment validation failure, as display lines in `lang`.
    pub fn problem_lines(&self, lang: Lang) -> Vec<String> {
        match self {
            ModelError::Invalid(p) => p.iter().map(|p| p.localized(lang)).collect(),
            ModelError::InvalidAssessment(p) => p.iter().map(|p| p.localized(lang)).collect(),
            other => vec![other.localized(lang)],
        }
    }
}

fn join_in<T: Localized>(problems: &[T], lang: Lang) -> String {
    problems
        .iter()
        .map(|p| p.localized(lang))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Localized for ModelError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ModelError::Io { path, source } => {
                format!("{} を読めません: {}", path.display(), io_ja(source))
            }
            ModelError::Invalid(p) => format!(
                "質問票のデータに {} 件の問題があります:\n{}",
                p.len(),
                join_in(p, lang)
            ),
            ModelError::UnknownQuestionnaire(id) => format!("ID {id:?} の質問票はありません"),
            ModelError::InvalidAssessment(p) => {
                format!("評価ファイルが正しくありません:\n{}", join_in(p, lang))
            }
            ModelError::DuplicateId {
                id,
                dir,
                version,
                other,
                other_version,
            } => format!(
                "質問票のフォルダ {}（版 {version}）と {}（版 {other_version}）が同じ id {id:?} を持っています。\
                 どちらも読み込みませんでした。一方の id を変えるか、古い写しをフォルダの外へ移してください",
                dir.display(),
                other.display()
            ),
            ModelError::ShadowsBuiltin { id, dir } => format!(
                "質問票のフォルダ {} は組み込みの質問票と同じ id {id:?} を持つため、読み込みませんでした。\
                 別の id を付けてください",
                dir.display()
            ),
            ModelError::Segment { message, .. } => message.ja.clone(),
            ModelError::DuplicateBenchmark {
                id,
                questionnaire,
                path,
                other,
            } => format!(
                "基準データのファイル {} と {} が、質問票 {questionnaire:?} について同じ id {id:?} を持っています。\
                 {} は読み込みませんでした。別の id を付けてください",
                path.display(),
                other.display(),
                path.display()
            ),
            ModelError::UnknownBenchmark {
                id,
                questionnaire,
                known,
            } => format!(
                "質問票 {questionnaire:?} に基準データ {id:?} はありません。あるのは: {known}"
            ),
            ModelError::Package { file, message } => {
                format!("{}: {}", file.display(), message.ja)
            }
            ModelError::IdTaken(clash) => clash.localized(lang),
            ModelError::NotAPackage { id, dir } => match dir {
                None => format!(
                    "質問票 {id:?} は組み込みの質問票です。削除できるのはインストールしたパッケージだけです"
                ),
                Some(d) => format!(
                    "質問票 {id:?} はフォルダ {} から読み込んだもので、インストールしたパッケージではありません。\
                     削除できるのはインストールしたパッケージだけです",
                    d.display()
                ),
            },
            ModelError::NoDemo(id) => format!(
                "質問票 {id:?} にはデモの評価がありません（デモがあるのは組み込みの質問票だけです）。この質問票で評価を始めてください"
            ),
        }
    }
}

/// A package refused because its questionnaire id is taken: the package and the questionnaire
/// that has the id, each with its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdClash {
    pub id: String,
    pub version: String,
    /// The package file.
    pub path: PathBuf,
    /// The folder of the questionnaire that has the id; `None` for a built-in one.
    pub other: Option<PathBuf>,
    pub other_version: String,
}

impl fmt::Display for IdClash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Lang::En))
    }
}

impl Localized for IdClash {
    fn localized(&self, lang: Lang) -> String {
        let IdClash {
            id,
            version,
            path,
            other,
            other_version,
        } = self;
        let path = path.display();
        match lang {
            Lang::En => {
                let other = other.as_ref().map_or_else(
                    || "the built-in questionnaire".to_string(),
                    |p| p.display().to_string(),
                );
                format!(
                    "{path} (questionnaire {id:?}, version {version}) was not installed: \
                     {other} (version {other_version}) already has the id {id:?}"
                )
            }
            Lang::Ja => {
                let other = other.as_ref().map_or_else(
                    || "組み込みの質問票".to_string(),
                    |p| p.display().to_string(),
                );
                format!(
                    "{path}（質問票 {id:?}、版 {version}）はインストールしませんでした: \
                     {other}（版 {other_version}）がすでに同じ id {id:?} を使っています"
                )
            }
        }
    }
}

/// An I/O error's cause in Japanese, for the common kinds; the system's own text otherwise.
pub fn io_ja(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "ファイルまたはフォルダがありません".into(),
        K::PermissionDenied => "アクセスが許可されていません".into(),
        K::AlreadyExists => "すでに存在します".into(),
        K::InvalidData => "内容が正しくありません".into(),
        K::StorageFull => "ディスクがいっぱいです".into(),
        K::ReadOnlyFilesystem => "読み取り専用のファイルシステムです".into(),
        K::IsADirectory => "フォルダです（ファイルを指定してください）".into(),
        K::NotADirectory => "フォルダではありません".into(),
        _ => format!("入出力エラー（{e}）"),
    }
}
