//! A data file's path and text, to turn byte offsets into line numbers for error messages.

use crate::error::Problem;
use crate::text::Text;
use std::path::PathBuf;

pub(crate) struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    pub fn problem_at(&self, offset: usize, message: Text) -> Problem {
        Problem {
            file: self.path.clone(),
            line: self.line_of(offset),
            message,
        }
    }

    /// Parses the file with serde, turning a syntax or shape error into a located problem.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, Problem> {
        toml::from_str::<T>(&self.text).map_err(|e| {
            let line = e.span().map(|s| self.line_of(s.start)).unwrap_or(0);
            Problem {
                file: self.path.clone(),
                line,
                message: Text::new(
                    format!("書き方が正しくありません: {}", e.message().trim()),
                    e.message().trim(),
                ),
            }
        })
    }
}
