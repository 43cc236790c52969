//! Bilingual text and the two languages every user-visible string exists in.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A user-visible string in Japanese and English. Both are required wherever text is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The string in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// True when one of the two languages is empty or only whitespace.
    pub fn is_incomplete(&self) -> bool {
        self.ja.trim().is_empty() || self.en.trim().is_empty()
    }
}

/// The languages of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code that is neither `ja` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use \"ja\" or \"en\"")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" => Ok(Lang::Ja),
            "en" | "english" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// A message a user can see (an error, a warning), in the language they chose.
///
/// Every crate's error type implements it, so the CLI and the app show errors in the user's
/// language; `Display` stays English, for logs and for callers that have no language.
pub trait Localized {
    fn localized(&self, lang: Lang) -> String;
}

impl Localized for Text {
    fn localized(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
}

impl fmt::Display for Text {
    /// The English text; use [`Text::get`] for the user's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A bilingual message from two format strings: `bi!("…{x}…", "…{x}…")`, Japanese first.
#[macro_export]
macro_rules! bi {
    ($ja:literal, $en:literal $(,)?) => {
        $crate::text::Text::new(format!($ja), format!($en))
    };
}

impl Localized for UnknownLang {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "言語 {:?} は使えません。\"ja\" か \"en\" を指定してください",
                self.0
            ),
            Lang::En => self.to_string(),
        }
    }
}
