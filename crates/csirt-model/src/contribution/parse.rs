//! The contribution file's parser: its size, encoding, format version and fields, then every
//! answer checked against the questionnaire, each problem with its line.

use super::{
    Contribution, CONTRIBUTION_FORMAT, FORMAT_PREFIX, FORMAT_VERSION, MAX_CONTRIBUTION_BYTES,
};
use crate::assessment::strip_bom;
use crate::bi;
use crate::error::{ModelError, Problem};
use crate::questionnaire::Questionnaire;
use crate::text::Text;
use std::path::Path;

fn problem(file: &Path, line: usize, message: Text) -> ModelError {
    ModelError::Invalid(vec![Problem {
        file: file.to_path_buf(),
        line,
        message,
    }])
}

/// The 1-based line of the first `"key":` in `text`, or 0.
fn line_of_key(text: &str, key: &str) -> usize {
    let needle = format!("\"{key}\"");
    text.find(&needle)
        .map(|at| text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
        .unwrap_or(0)
}

/// Parses a contribution file (`file` names it in messages) and checks it against `q`, reporting
/// every problem with its line. A leading byte-order mark is accepted.
pub fn parse_contribution(
    bytes: &[u8],
    file: &Path,
    q: &Questionnaire,
) -> Result<Contribution, ModelError> {
    let c = parse_shape(bytes, file)?;
    let text = std::str::from_utf8(strip_bom(bytes)).unwrap_or_default();
    let problems: Vec<Problem> = c
        .check(q)
        .into_iter()
        .map(|(item, message)| {
            let (line, message) = match item {
                Some(id) => (
                    line_of_key(text, &id),
                    crate::questionnaire::prefix(bi!("項目 {id}: ", "item {id}: "), message),
                ),
                None => (0, message),
            };
            Problem {
                file: file.to_path_buf(),
                line,
                message,
            }
        })
        .collect();
    if problems.is_empty() {
        Ok(c)
    } else {
        Err(ModelError::Invalid(problems))
    }
}

/// Parses the file's shape only: size, encoding, format version and fields.
pub fn parse_shape(bytes: &[u8], file: &Path) -> Result<Contribution, ModelError> {
    if bytes.len() > MAX_CONTRIBUTION_BYTES {
        let (size, kb) = (bytes.len(), MAX_CONTRIBUTION_BYTES / 1024);
        return Err(problem(
            file,
            0,
            bi!(
                "ファイルは {size} バイトあります。貢献ファイルは {kb} KB までです",
                "the file is {size} bytes; a contribution is at most {kb} KB"
            ),
        ));
    }
    let text = std::str::from_utf8(strip_bom(bytes)).map_err(|e| {
        let at = e.valid_up_to();
        problem(
            file,
            0,
            bi!(
                "ファイルが UTF-8 として正しくありません（最初の不正なバイトは {at} バイト目）",
                "the file is not valid UTF-8 (first bad byte at offset {at})"
            ),
        )
    })?;
    let json_fault = |e: serde_json::Error| {
        let line = e.line();
        let what = match e.classify() {
            serde_json::error::Category::Eof => "ファイルが途中で終わっています".to_string(),
            serde_json::error::Category::Syntax => "書き方に誤りがあります".to_string(),
            _ => format!(
                "ファイルの形が正しくありません（{}）",
                crate::source::serde_ja(&e.to_string())
            ),
        };
        problem(
            file,
            line,
            bi!(
                "貢献ファイルとして読めません: {what}",
                "not a contribution file: {e}"
            ),
        )
    };
    // The common case first: a well-formed contribution parses once.
    if let Ok(c) = serde_json::from_str::<Contribution>(text) {
        if c.format == CONTRIBUTION_FORMAT {
            return Ok(c);
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_fault)?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    match format.strip_prefix(FORMAT_PREFIX).map(str::parse::<u32>) {
        Some(Ok(v)) if v == FORMAT_VERSION => {}
        Some(Ok(v)) if v > FORMAT_VERSION => {
            return Err(problem(
                file,
                line_of_key(text, "format"),
                bi!(
                    "形式 {format:?} は新しい版のアプリが書いたものです。この版が読めるのは {CONTRIBUTION_FORMAT:?} です",
                    "format {format:?} was written by a newer version of the app; this version reads {CONTRIBUTION_FORMAT:?}"
                ),
            ))
        }
        _ => {
            return Err(problem(
                file,
                line_of_key(text, "format"),
                bi!(
                    "貢献ファイルではありません（format が {format:?} です。{CONTRIBUTION_FORMAT:?} のはずです）",
                    "not a contribution file (format is {format:?}; expected {CONTRIBUTION_FORMAT:?})"
                ),
            ))
        }
    }
    serde_json::from_str::<Contribution>(text).map_err(json_fault)
}
