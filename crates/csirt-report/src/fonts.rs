//! The embedded Japanese font (BIZ UDPGothic, SIL OFL 1.1; licence in ../fonts/), its metrics
//! for line breaking, and glyph coverage so a missing character is replaced visibly.

use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../fonts/BIZUDPGothic-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../fonts/BIZUDPGothic-Bold.ttf");
/// The family name the SVG charts ask for; the UI ships the same font under this name.
pub const FAMILY: &str = "BIZ UDPGothic";

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

/// Makes text drawable: control characters go, and characters the font lacks (emoji, most
/// non-CJK scripts) become a visible replacement mark instead of an invisible empty box.
pub fn drawable(text: &str, weight: Weight) -> String {
    let Some(m) = metrics(weight) else {
        return text.to_string();
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
