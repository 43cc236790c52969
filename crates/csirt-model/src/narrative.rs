//! The assessor's own words on an assessment: an executive message, key findings and a note on
//! any gap ("why it matters here"). They travel in the interchange file as `narrative` and appear
//! in the reports marked as the assessor's text, never as the survey's.

use crate::assessment::StrictMap;
use serde::{Deserialize, Serialize};

/// What the assessor wrote. Every part is optional; an empty narrative is not written to files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// The executive message: a few paragraphs, separated by blank lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// Key findings, one sentence or short paragraph each, in the assessor's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// "Why it matters here", by item id of a gap.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub gap_notes: StrictMap<String>,
}

impl Narrative {
    /// True when the assessor wrote nothing (blank text counts as nothing).
    pub fn is_empty(&self) -> bool {
        self.message.trim().is_empty()
            && self.findings.iter().all(|f| f.trim().is_empty())
            && self.gap_notes.iter().all(|(_, n)| n.trim().is_empty())
    }

    /// The message's paragraphs: split on blank lines, trimmed, empty ones dropped.
    pub fn paragraphs(&self) -> Vec<&str> {
        self.message
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The note on one gap, when the assessor wrote one.
    pub fn gap_note(&self, item: &str) -> Option<&str> {
        self.gap_notes
            .get(item)
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
    }
}
