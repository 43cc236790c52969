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
                    format!("書き方が正しくありません: {}", serde_ja(e.message().trim())),
                    e.message().trim(),
                ),
            }
        })
    }
}

/// The Japanese of a TOML or JSON (serde) error message: what is wrong in Japanese words, keeping
/// only the names the file itself wrote (`colour`) and the names it may use; the library's English
/// stays in the English message.
pub(crate) fn serde_ja(message: &str) -> String {
    let first_line = message.lines().next().unwrap_or_default();
    // The names between backticks: the one written first, then the ones allowed.
    let names: Vec<&str> = first_line.split('`').skip(1).step_by(2).collect();
    let allowed = || {
        let rest = names.get(1..).unwrap_or_default();
        if rest.is_empty() {
            String::new()
        } else {
            let list = rest
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join("、");
            format!("（使えるのは {list}）")
        }
    };
    let named = names.first().map(|n| format!("`{n}`"));
    let starts = |p: &str| first_line.starts_with(p);
    match named {
        Some(n) if starts("unknown field") => format!("{n} という項目名は使えません{}", allowed()),
        Some(n) if starts("unknown variant") => format!("{n} という値は使えません{}", allowed()),
        Some(n) if starts("missing field") => format!("必要な {n} がありません"),
        Some(n) if starts("duplicate") => format!("{n} が二度書かれています"),
        None if starts("duplicate") => "同じ名前が二度書かれています".into(),
        _ if starts("invalid type") || starts("wanted ") => {
            "値の種類（文字列・数・配列・表など）が違います".into()
        }
        _ if starts("invalid length") => "値の数が違います".into(),
        _ if starts("invalid value") => "値が正しくありません".into(),
        _ => "TOML の構文を確かめてください（引用符・括弧・カンマ・= の抜けや余分など）".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shape {
        id: String,
        kind: Kind,
        #[serde(default)]
        keys: Vec<String>,
        #[serde(default)]
        more: BTreeMap<String, i64>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Choice,
        Scale,
    }

    fn problem(text: &str) -> Problem {
        let file = SourceFile {
            path: PathBuf::from("q.toml"),
            text: text.to_string(),
        };
        match file.parse::<Shape>() {
            Err(p) => p,
            Ok(s) => panic!("parsed: {s:?}"),
        }
    }

    /// Every kind of TOML mistake gets a Japanese message free of the library's English, with
    /// its line, while the English keeps the library's detail.
    #[test]
    fn a_toml_mistake_is_told_in_japanese_without_the_librarys_english() {
        let cases = [
            ("id = \"a\nkind = \"scale\"\n", 1, "構文"),
            (
                "id = \"a\"\nkind = \"scale\"\ncolour = \"red\"\n",
                3,
                "`colour` という項目名",
            ),
            ("id = \"a\"\nkind = \"scael\"\n", 2, "`scael` という値"),
            ("kind = \"scale\"\n", 1, "必要な `id`"),
            ("id = \"a\"\nid = \"b\"\nkind = \"scale\"\n", 2, "二度"),
            ("id = \"a\"\nkind = \"scale\"\nkeys = 3\n", 3, "値の種類"),
            (
                "id = \"a\"\nkind = \"scale\"\n[more]\nx = \"y\"\n",
                4,
                "値の種類",
            ),
            ("id = [\"a\",\nkind = \"scale\"\n", 2, "構文"),
            ("id = \"a\"\nkind = 3\n", 2, "値の種類"),
        ];
        for (text, line, ja_words) in cases {
            let p = problem(text);
            let (ja, en) = (&p.message.ja, &p.message.en);
            eprintln!("{line}: {ja} | {en}");
            assert!(ja.starts_with("書き方が正しくありません: "), "{ja}");
            assert!(ja.contains(ja_words), "{text:?}: {ja}");
            // Outside the names between backticks, no ASCII word of the library is left.
            let outside: String = ja.split('`').step_by(2).collect();
            assert!(
                !outside.chars().any(|c| c.is_ascii_lowercase()),
                "{text:?}: {ja}"
            );
            assert!(!en.is_empty() && en.is_ascii(), "{en}");
            assert_eq!(p.line, line, "{text:?}: {ja} | {en}");
        }
    }
}
