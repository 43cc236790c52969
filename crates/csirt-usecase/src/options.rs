//! The report options as a person types them (`--preset`, `--sections`, `--logo`,
//! `--confidential`, or the app's export screen), checked into a `ReportOptions`. Each bad
//! value is refused with a message in both languages that says what would be accepted.

use crate::{Result, UsecaseError};
use csirt_model::limits::{check_name, TextKind};
use csirt_model::{bi, Text};
use csirt_report::model::Logo;
use csirt_report::{Preset, ReportOptions, SectionKind};
use serde::de::IntoDeserializer;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every section kind, in the report's order, for listing the valid names.
pub const SECTION_KINDS: [SectionKind; 13] = [
    SectionKind::Summary,
    SectionKind::SinceLast,
    SectionKind::Standing,
    SectionKind::Gaps,
    SectionKind::Roadmap,
    SectionKind::ActionPlan,
    SectionKind::Staffing,
    SectionKind::Sim3,
    SectionKind::Services,
    SectionKind::Peers,
    SectionKind::AppendixAnswers,
    SectionKind::AppendixMethod,
    SectionKind::AppendixDisagreements,
];

/// What the person chose, unchecked.
#[derive(Debug, Clone, Default)]
pub struct OptionsInput {
    /// `board`, `team` or `full`; `None` for the default (full).
    pub preset: Option<String>,
    /// Comma-separated section names (`summary,gaps`); `None` for the preset's.
    pub sections: Option<String>,
    /// A PNG or JPEG file for the cover.
    pub logo: Option<PathBuf>,
    /// The confidentiality line's text.
    pub confidential: Option<String>,
}

/// A kebab-case name as the options and the interchange spell it (`since-last`).
pub fn section_name(kind: SectionKind) -> String {
    plain_name(&kind)
}

/// A unit variant's serde name.
fn plain_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn valid_list<T: serde::Serialize>(all: &[T]) -> String {
    all.iter().map(plain_name).collect::<Vec<_>>().join(", ")
}

fn parse_name<'de, T: Deserialize<'de>>(name: &'de str) -> Option<T> {
    let d: serde::de::value::StrDeserializer<'de, serde::de::value::Error> =
        name.into_deserializer();
    T::deserialize(d).ok()
}

/// A preset by name: `board`, `team` or `full`.
pub fn parse_preset(name: &str) -> Result<Preset> {
    let name = name.trim();
    parse_name(name).ok_or_else(|| {
        let valid = valid_list(&[Preset::Board, Preset::Team, Preset::Full]);
        UsecaseError::Option(bi!(
            "プリセット {name:?} はありません。使えるのは {valid} です",
            "there is no preset {name:?}; use one of {valid}"
        ))
    })
}

/// Section names separated by commas, each once; an unknown name is refused with the list of
/// valid ones.
pub fn parse_sections(spec: &str) -> Result<Vec<SectionKind>> {
    let mut out = Vec::new();
    for name in spec.split(',').map(str::trim) {
        if name.is_empty() {
            continue;
        }
        let Some(kind) = parse_name::<SectionKind>(name) else {
            let valid = valid_list(&SECTION_KINDS);
            return Err(UsecaseError::Option(bi!(
                "章 {name:?} はありません。使えるのは {valid} です",
                "there is no section {name:?}; use any of {valid}"
            )));
        };
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    if out.is_empty() {
        let valid = valid_list(&SECTION_KINDS);
        return Err(UsecaseError::Option(bi!(
            "章を 1 つ以上指定してください（{valid}）",
            "name at least one section ({valid})"
        )));
    }
    Ok(out)
}

/// The confidentiality line: trimmed, one line, not empty, at most 200 characters.
pub fn confidentiality(text: &str) -> Result<String> {
    check_name(TextKind::Confidentiality, text).map_err(UsecaseError::Option)
}

/// A logo file, read (no more than one byte past the limit) and checked as a PNG or JPEG
/// within the size limits.
pub fn read_logo(path: &Path) -> Result<Logo> {
    let io = |source| UsecaseError::ReadLogo {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(csirt_report::logo::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    logo_from_bytes(path, &bytes)
}

/// A logo already read (the app's file picker), checked; `path` names it in errors.
pub fn logo_from_bytes(path: &Path, bytes: &[u8]) -> Result<Logo> {
    Logo::from_bytes(bytes.to_vec()).map_err(|e| UsecaseError::BadLogo {
        path: path.to_path_buf(),
        reason: reason(&e),
    })
}

fn reason(e: &csirt_report::ReportError) -> Text {
    use csirt_model::{Lang, Localized};
    Text::new(e.localized(Lang::Ja), e.localized(Lang::En))
}

/// Checks every option; the first bad one is the error.
pub fn options(input: &OptionsInput) -> Result<ReportOptions> {
    Ok(ReportOptions {
        preset: input
            .preset
            .as_deref()
            .map(parse_preset)
            .transpose()?
            .unwrap_or_default(),
        sections: input.sections.as_deref().map(parse_sections).transpose()?,
        logo: input.logo.as_deref().map(read_logo).transpose()?,
        confidentiality: input
            .confidential
            .as_deref()
            .map(confidentiality)
            .transpose()?,
    })
}
