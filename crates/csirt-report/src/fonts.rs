//! The embedded Japanese font (BIZ UDPGothic, SIL OFL 1.1; licence in ../fonts/), its metrics
//! for line breaking, and glyph coverage so a missing character is replaced visibly.

use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../fonts/BIZUDPGothic-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../fonts/BIZUDPGothic-Bold.ttf");
/// The family name the SVG charts ask for; the UI ships the same font under this name.
pub const FAMILY: &str = "BIZ UDPGothic";

/// The licences of what this crate embeds, for `csirt --version` and the app's About box.
pub fn licences() -> Vec<csirt_model::about::Licence> {
    vec![csirt_model::about::Licence {
        component: csirt_model::Text::new(
            "埋め込みフォント BIZ UDPGothic (© 2022 The BIZ UDGothic Project Authors)",
            "Embedded font BIZ UDPGothic (© 2022 The BIZ UDGothic Project Authors)",
        ),
        licence: "OFL-1.1".to_string(),
        note: csirt_model::Text::new(
            "SIL Open Font License 1.1。全文はアプリと共に配布しています (Linux のパッケージでは /usr/share/doc/csirt-assessment/LICENSE-BIZUDGothic.txt)。",
            "SIL Open Font License 1.1; its full text ships with the app (in the Linux packages: /usr/share/doc/csirt-assessment/LICENSE-BIZUDGothic.txt).",
        ),
    }]
}

/// Shown in place of a character the font cannot draw (GETA MARK, the Japanese convention).
pub const REPLACEMENT: char = '〓';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Advance widths of one face, in font units, looked up by character.
pub struct Metrics {
    units_per_em: f32,
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    fn load(bytes: &'static [u8]) -> Option<Metrics> {
        let face = ttf_parser::Face::parse(bytes, 0).ok()?;
        Some(Metrics {
            units_per_em: f32::from(face.units_per_em()),
            face,
        })
    }

    pub fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// Width of one character at `size` points; 0 for characters the font lacks.
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        self.face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .map(|adv| f32::from(adv) / self.units_per_em * size)
            .unwrap_or(0.0)
    }

    /// Width of a string at `size` points. printpdf applies no kerning, so this is exact.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    pub fn ascender(&self, size: f32) -> f32 {
        f32::from(self.face.ascender()) / self.units_per_em * size
    }
}

/// The font's Unicode-to-glyph mapping as one dense table (cmap format 10), for printpdf.
///
/// printpdf looks up every character it writes through allsorts' cmap, which for a format 12
/// subtable scans the groups one by one; BIZ UDPGothic has thousands of them. That scan was
/// 62 % of the instructions of a whole `csirt report` run (callgrind). A dense table answers
/// in one index. Characters inside its range that the font lacks map to glyph 0 (.notdef);
/// the report never writes such a character, because [`drawable`] replaces it first.
/// Other subtable formats are left as they are (`None`).
pub(crate) fn dense_cmap(
    cmap: &allsorts::tables::cmap::owned::CmapSubtable,
) -> Option<allsorts::tables::cmap::owned::CmapSubtable> {
    use allsorts::binary::write::{WriteBinary, WriteBuffer};
    use allsorts::tables::cmap::owned::CmapSubtable;
    if !matches!(cmap, CmapSubtable::Format12(_)) {
        return None;
    }
    // allsorts keeps the groups' fields private, so read them back from the subtable written
    // out in its standard layout: a 16-byte header, then (start, end, first glyph) triplets.
    let mut buffer = WriteBuffer::new();
    CmapSubtable::write(&mut buffer, cmap.clone()).ok()?;
    let bytes = buffer.into_inner();
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    let groups: Vec<(u32, u32, u32)> = (0..usize::try_from(u32_at(12)?).ok()?)
        .map(|i| {
            let at = 16 + 12 * i;
            Some((u32_at(at)?, u32_at(at + 4)?, u32_at(at + 8)?))
        })
        .collect::<Option<_>>()?;
    let first = groups.iter().map(|g| g.0).min()?;
    let last = groups.iter().map(|g| g.1).max()?.min(0x10FFFF);
    let mut glyph_id_array = vec![0u16; usize::try_from(last.checked_sub(first)?).ok()? + 1];
    // The scan returns the first group that holds a character, so earlier groups win: write
    // the groups last to first.
    for &(start, end, start_glyph) in groups.iter().rev() {
        for ch in start..=end {
            let glyph = start_glyph
                .checked_add(ch - start)
                .and_then(|g| u16::try_from(g).ok());
            let cell = glyph_id_array.get_mut(usize::try_from(ch - first).ok()?);
            if let (Some(glyph), Some(cell)) = (glyph, cell) {
                *cell = glyph;
            }
        }
    }
    Some(CmapSubtable::Format10 {
        language: 0,
        start_char_code: first,
        glyph_id_array,
    })
}

fn regular() -> Option<&'static Metrics> {
    static M: OnceLock<Option<Metrics>> = OnceLock::new();
    M.get_or_init(|| Metrics::load(REGULAR_TTF)).as_ref()
}

fn bold() -> Option<&'static Metrics> {
    static M: OnceLock<Option<Metrics>> = OnceLock::new();
    M.get_or_init(|| Metrics::load(BOLD_TTF)).as_ref()
}

/// Metrics of a weight; `None` only if the embedded font could not be parsed (a build defect).
pub fn metrics(weight: Weight) -> Option<&'static Metrics> {
    match weight {
        Weight::Regular => regular(),
        Weight::Bold => bold(),
    }
}

/// `text` in Unicode composed form (NFC). Text typed on macOS or with some input methods comes
/// decomposed ("e" + U+0301, か + U+3099); drawn as it is, the accent or the dakuten stands
/// apart from its letter, or becomes 〓 when the font has no glyph for the combining mark.
pub fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

/// Makes text drawable: composed to NFC first, then control characters go, and characters the
/// font lacks (emoji, most non-CJK scripts) become a visible replacement mark instead of an
/// invisible empty box.
pub fn drawable(text: &str, weight: Weight) -> String {
    let text = composed(text);
    let Some(m) = metrics(weight) else {
        return text.into_owned();
    };
    text.chars()
        .filter_map(|c| {
            if c == '\n' || c == '\t' {
                Some(' ')
            } else if c.is_control() {
                None
            } else if is_invisible_format(c) {
                // Zero-width joiners, bidi marks and variation selectors have no glyph to draw.
                None
            } else if m.has_glyph(c) {
                Some(c)
            } else {
                Some(REPLACEMENT)
            }
        })
        .collect()
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}
