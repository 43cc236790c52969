//! `csirt assessment narrative`: the assessor's own words on a stored assessment (executive
//! message, key findings, notes on gaps), shown or changed. Every change is checked before
//! anything is written, and written in one transaction.

use super::{cell, warn_fit};
use crate::{print_json, read_file, CliError};
use clap::Args;
use csirt_model::{bi, Catalog, Lang, Narrative, Questionnaire};
use csirt_store::{NarrativeEdit, Store};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct NarrativeArgs {
    /// The new executive message (a few paragraphs, separated by blank lines); "" clears it.
    #[arg(long, conflicts_with = "message_file")]
    pub message: Option<String>,
    /// Read the executive message from a UTF-8 text file.
    #[arg(long)]
    pub message_file: Option<PathBuf>,
    /// A key finding; repeat for several. The findings given replace the stored list.
    #[arg(long = "finding")]
    pub findings: Vec<String>,
    /// A note on a gap, `<item>=<text>` ("why it matters here"); repeat for several;
    /// `<item>=` clears that item's note.
    #[arg(long = "gap-note")]
    pub gap_notes: Vec<String>,
    /// Remove the whole narrative first (then apply any other change given).
    #[arg(long)]
    pub clear: bool,
    #[arg(long)]
    pub json: bool,
}

/// `<item>=<text>`, split at the first `=`.
fn gap_note(arg: &str) -> Result<(String, String), CliError> {
    match arg.split_once('=') {
        Some((item, text)) if !item.trim().is_empty() => {
            Ok((item.trim().to_string(), text.to_string()))
        }
        _ => Err(CliError::BadValue(bi!(
            "--gap-note {arg:?} は「項目=文」の形で書いてください（例: --gap-note \"4.3=法務への連絡がないと…\"）",
            "--gap-note {arg:?} must be <item>=<text> (for example --gap-note \"4.3=Without legal…\")"
        ))),
    }
}

fn message_from(path: &Path) -> Result<String, CliError> {
    let bytes = read_file(path)?;
    let text = std::str::from_utf8(csirt_model::assessment::strip_bom(&bytes)).map_err(|e| {
        let (p, at) = (path.display(), e.valid_up_to());
        CliError::BadValue(bi!(
            "{p} が UTF-8 のテキストとして正しくありません（最初の不正なバイトは {at} バイト目）",
            "{p} is not valid UTF-8 text (first bad byte at offset {at})"
        ))
    })?;
    // A text file's Windows line ends become plain ones, as the app's text box gives them.
    Ok(text.replace("\r\n", "\n"))
}

impl NarrativeArgs {
    /// The change asked for, read and parsed (files read, notes split); `None` when only shown.
    fn edit(&self) -> Result<Option<NarrativeEdit>, CliError> {
        let message = match (&self.message, &self.message_file) {
            (Some(m), _) => Some(m.clone()),
            (None, Some(p)) => Some(message_from(p)?),
            (None, None) => None,
        };
        let edit = NarrativeEdit {
            clear: self.clear,
            message,
            findings: (!self.findings.is_empty()).then(|| self.findings.clone()),
            gap_notes: self
                .gap_notes
                .iter()
                .map(|g| gap_note(g))
                .collect::<Result<_, _>>()?,
        };
        Ok((edit != NarrativeEdit::default()).then_some(edit))
    }
}

/// Writes the narrative for a reader: each part under its heading, marked as the assessor's.
fn print_human(
    n: &Narrative,
    q: &Questionnaire,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let l = |t: csirt_model::Text| t.get(lang).to_string();
    if n.is_empty() {
        let none = bi!(
            "評価者の記述はまだありません（--message、--finding、--gap-note で書けます）",
            "the assessor has written nothing yet (write with --message, --finding, --gap-note)"
        );
        writeln!(out, "{}", l(none))?;
        return Ok(());
    }
    if !n.message.trim().is_empty() {
        writeln!(
            out,
            "{}",
            l(bi!(
                "経営層へのメッセージ（評価者の記述）:",
                "Executive message (the assessor's words):"
            ))
        )?;
        for line in n.message.trim().lines() {
            match line.trim_end() {
                "" => writeln!(out)?,
                text => writeln!(out, "  {}", cell(text))?,
            }
        }
    }
    if !n.findings.is_empty() {
        writeln!(
            out,
            "{}",
            l(bi!(
                "主な所見（評価者の記述）:",
                "Key findings (the assessor's words):"
            ))
        )?;
        for (i, f) in n.findings.iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, cell(f.trim()))?;
        }
    }
    if !n.gap_notes.is_empty() {
        writeln!(
            out,
            "{}",
            l(bi!(
                "ギャップの補足・この組織にとっての重要性（評価者の記述）:",
                "Notes on gaps, why it matters here (the assessor's words):"
            ))
        )?;
        for (item, note) in n.gap_notes.iter() {
            let title = q
                .item(item)
                .map(|i| i.text.get(lang).to_string())
                .unwrap_or_default();
            writeln!(out, "  {item} {}", cell(&title))?;
            writeln!(out, "      {}", cell(note.trim()))?;
        }
    }
    Ok(())
}

/// Shows the narrative of assessment `id`, after applying the change `args` asks for, if any.
pub fn narrative(
    id: i64,
    args: &NarrativeArgs,
    path: &Path,
    catalog: &Catalog,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    // Read and parse everything the user gave before opening the database.
    let edit = args.edit()?;
    let mut store = Store::open(path)?;
    let row = store.assessment(id)?;
    let set = catalog.get(&row.questionnaire_id)?;
    let q = &set.questionnaire;
    if let Some(edit) = &edit {
        store.edit_narrative(q, id, edit)?;
    }
    warn_fit(&store, q, id, lang)?;
    let n = store.load_assessment(q, id)?.narrative.unwrap_or_default();
    if args.json {
        print_json(out, &n)?;
    } else {
        print_human(&n, q, lang, out)?;
    }
    Ok(())
}
