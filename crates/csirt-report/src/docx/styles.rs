//! The DOCX's named styles, bullet numbering and font table, and the few settings docx-rs has no
//! API for (the language, kinsoku, repeating table headers), added to its XML before packing.
//!
//! Headings are Word's built-in "heading 1" and "heading 2" (ids `Heading1`, `Heading2`) with
//! outline levels, so the navigation pane and a table of contents work. Every style names
//! BIZ UDPGothic for Latin and East Asian text; the font table tells Word what to substitute
//! where it is not installed (docs/report.md).

use csirt_model::Lang;
use docx_rs::{
    AbstractNumbering, BorderType, Docx, IndentLevel, LevelJc, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, Numbering, NumberingId, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, ShdType, SpecialIndentType,
    Start, Style, StyleType,
};

/// The font every style names.
pub const FONT: &str = "BIZ UDPGothic";
/// What Word substitutes for BIZ UDPGothic when it is not installed (`w:altName`): Yu Gothic
/// ships with Windows 8.1 and later and with Office for Mac.
pub const FONT_ALT: &str = "Yu Gothic";

pub const INK: &str = "1F2937";
pub const MUTED: &str = "6B7280";
pub const ACCENT: &str = "1D4ED8";
pub const ASSESSOR: &str = "0F766E";
pub const RULE: &str = "D1D5DB";
pub const HEADER_FILL: &str = "F3F4F6";
pub const CALLOUT_FILL: &str = "EFF6FF";
pub const ASSESSOR_FILL: &str = "F0FDFA";

/// Style ids used by the renderer.
pub const NORMAL: &str = "Normal";
pub const HEADING1: &str = "Heading1";
pub const HEADING2: &str = "Heading2";
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const NOTE: &str = "Note";
pub const SMALL: &str = "SmallPrint";
pub const CAPTION: &str = "Caption";
pub const ASSESSOR_STYLE: &str = "Assessor";
pub const ASSESSOR_LABEL: &str = "AssessorLabel";
pub const CALLOUT: &str = "Callout";
pub const CALLOUT_TITLE: &str = "CalloutTitle";
pub const TABLE_TEXT: &str = "TableText";
pub const TABLE_HEAD: &str = "TableHeading";
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";
pub const HEADLINE: &str = "Headline";
/// The table style of the model's tables, whose first row is a header that repeats.
pub const REPORT_TABLE: &str = "ReportTable";

/// The numbering id of bullet lists (docx-rs writes a decimal list of its own as 1).
pub const BULLETS: usize = 2;

pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(NORMAL)
        .next(NORMAL)
}

fn left_rule(style: Style, colour: &str, fill: &str) -> Style {
    let mut style = style;
    style.paragraph_property = style
        .paragraph_property
        .clone()
        // Only the left rule: docx-rs's own default borders are all four sides.
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Left)
                    .val(BorderType::Single)
                    .size(18)
                    .space(8)
                    .color(colour),
            ),
        )
        .shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(fill),
        );
    style
}

/// Adds the document defaults, every named style and the bullet numbering.
pub fn add(docx: Docx) -> Docx {
    let normal = Style::new(NORMAL, StyleType::Paragraph)
        .name("Normal")
        .fonts(fonts())
        .size(21)
        .color(INK)
        // "auto": 1.15 lines that grow for a picture (without the rule LibreOffice reads an
        // exact height and clips the charts).
        .line_spacing(spacing(0, 120).line(276).line_rule(LineSpacingType::Auto));
    let heading1 = paragraph(HEADING1, "heading 1")
        .outline_lvl(0)
        .size(32)
        .bold()
        .color(INK)
        .line_spacing(spacing(240, 160));
    let heading2 = paragraph(HEADING2, "heading 2")
        .outline_lvl(1)
        .size(26)
        .bold()
        .color(INK)
        .line_spacing(spacing(240, 80));
    let title = paragraph(TITLE, "Title")
        .size(48)
        .bold()
        .color(INK)
        .line_spacing(spacing(2400, 240));
    let subtitle = paragraph(SUBTITLE, "Subtitle")
        .size(32)
        .color(INK)
        .line_spacing(spacing(0, 480));
    let note = paragraph(NOTE, "Note").size(17).color(MUTED);
    let small = paragraph(SMALL, "Small print")
        .size(16)
        .color(MUTED)
        .line_spacing(spacing(0, 60));
    let caption = paragraph(CAPTION, "caption")
        .size(17)
        .color(MUTED)
        .line_spacing(spacing(60, 200));
    let assessor = left_rule(
        paragraph(ASSESSOR_STYLE, "Assessor").indent(Some(240), None, None, None),
        ASSESSOR,
        ASSESSOR_FILL,
    );
    let assessor_label = left_rule(
        paragraph(ASSESSOR_LABEL, "Assessor label")
            .based_on(ASSESSOR_STYLE)
            .next(ASSESSOR_STYLE)
            .indent(Some(240), None, None, None)
            .size(17)
            .bold()
            .color(ASSESSOR)
            .line_spacing(spacing(120, 40)),
        ASSESSOR,
        ASSESSOR_FILL,
    );
    let callout = left_rule(
        paragraph(CALLOUT, "Callout").indent(Some(240), None, None, None),
        ACCENT,
        CALLOUT_FILL,
    );
    let callout_title = left_rule(
        paragraph(CALLOUT_TITLE, "Callout title")
            .based_on(CALLOUT)
            .next(CALLOUT)
            .indent(Some(240), None, None, None)
            .bold()
            .line_spacing(spacing(120, 60)),
        ACCENT,
        CALLOUT_FILL,
    );
    let table_text = paragraph(TABLE_TEXT, "Table text")
        .size(18)
        .line_spacing(spacing(0, 0).line(240).line_rule(LineSpacingType::Auto));
    let table_head = paragraph(TABLE_HEAD, "Table heading")
        .based_on(TABLE_TEXT)
        .size(18)
        .bold();
    let header = paragraph(HEADER, "header").size(16).color(MUTED);
    let footer = paragraph(FOOTER, "footer").size(16).color(MUTED);
    let headline = paragraph(HEADLINE, "Headline")
        .size(44)
        .bold()
        .color(INK)
        .line_spacing(spacing(120, 60));
    let bullets = AbstractNumbering::new(BULLETS).add_level(
        docx_rs::Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )
        .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
    );
    docx.default_fonts(fonts())
        .default_size(21)
        .add_style(normal)
        .add_style(heading1)
        .add_style(heading2)
        .add_style(title)
        .add_style(subtitle)
        .add_style(note)
        .add_style(small)
        .add_style(caption)
        .add_style(assessor)
        .add_style(assessor_label)
        .add_style(callout)
        .add_style(callout_title)
        .add_style(table_text)
        .add_style(table_head)
        .add_style(header)
        .add_style(footer)
        .add_style(headline)
        .add_style(Style::new(REPORT_TABLE, StyleType::Table).name("Report table"))
        .add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// The numbering reference of a bullet list's paragraph.
pub fn bullet() -> (NumberingId, IndentLevel) {
    (NumberingId::new(BULLETS), IndentLevel::new(0))
}

/// The language tag of Latin text (`w:val`): the report's language.
fn latin_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja-JP",
        Lang::En => "en-GB",
    }
}

/// Adds to styles.xml what docx-rs has no API for: the language of the text (Latin in the
/// report's language, East Asian always Japanese) on the run defaults, and kinsoku (Japanese
/// line-breaking rules) on the paragraph defaults and on every paragraph style.
pub fn patch_styles(xml: &str, lang: Lang) -> Result<String, String> {
    let language = format!(
        r#"<w:lang w:val="{}" w:eastAsia="ja-JP" w:bidi="ar-SA" />"#,
        latin_lang(lang)
    );
    // The run defaults end with their fonts and size; w:lang is the last child docx-rs writes.
    let xml = insert_before_close(xml, "<w:rPrDefault>", "</w:rPr>", &language)?;
    // docx-rs always writes a bare "Normal" style before the added ones; ours replaces it.
    let xml = xml.replacen(BARE_NORMAL, "", 1);
    // w:kinsoku comes before every spacing or indentation element in w:pPr (ECMA-376 §17.3.1.26):
    // it goes first after w:pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl,
    // numPr, suppressLineNumbers, pBdr, shd, tabs and suppressAutoHyphens.
    let xml = add_kinsoku(&xml)?;
    Ok(xml)
}

/// The "Normal" style docx-rs writes whatever the document adds.
const BARE_NORMAL: &str = r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>"#;

/// Inserts `what` before the first `close` that follows `anchor`.
fn insert_before_close(xml: &str, anchor: &str, close: &str, what: &str) -> Result<String, String> {
    let start = xml
        .find(anchor)
        .ok_or_else(|| format!("styles.xml has no {anchor}"))?;
    let at = xml[start..]
        .find(close)
        .map(|i| start + i)
        .ok_or_else(|| format!("styles.xml has no {close} after {anchor}"))?;
    let mut out = String::with_capacity(xml.len() + what.len());
    out.push_str(&xml[..at]);
    out.push_str(what);
    out.push_str(&xml[at..]);
    Ok(out)
}

/// The elements of w:pPr that come after w:kinsoku in the schema's sequence.
const AFTER_KINSOKU: [&str; 24] = [
    "<w:wordWrap",
    "<w:overflowPunct",
    "<w:topLinePunct",
    "<w:autoSpaceDE",
    "<w:autoSpaceDN",
    "<w:bidi",
    "<w:adjustRightInd",
    "<w:snapToGrid",
    "<w:spacing",
    "<w:ind",
    "<w:contextualSpacing",
    "<w:mirrorIndents",
    "<w:suppressOverlap",
    "<w:jc",
    "<w:textDirection",
    "<w:textAlignment",
    "<w:textboxTightWrap",
    "<w:outlineLvl",
    "<w:divId",
    "<w:cnfStyle",
    "<w:rPr",
    "<w:sectPr",
    "<w:pPrChange",
    "</w:pPr>",
];

/// Sets `<w:kinsoku w:val="1"/>` in every w:pPr of styles.xml (the defaults' included), at its
/// place in the sequence. A self-closing `<w:pPr />` is opened to hold it.
fn add_kinsoku(xml: &str) -> Result<String, String> {
    const KINSOKU: &str = r#"<w:kinsoku w:val="1" />"#;
    let xml = xml.replace("<w:pPr />", "<w:pPr></w:pPr>");
    let mut out = String::with_capacity(xml.len() + 4096);
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<w:pPr>") {
        let body_start = start + "<w:pPr>".len();
        let end = rest[body_start..]
            .find("</w:pPr>")
            .map(|i| body_start + i)
            .ok_or("styles.xml has an unclosed w:pPr")?;
        let body = &rest[body_start..end];
        let at = AFTER_KINSOKU
            .iter()
            .filter_map(|tag| body.find(tag))
            .min()
            .unwrap_or(body.len());
        out.push_str(&rest[..body_start]);
        out.push_str(&body[..at]);
        out.push_str(KINSOKU);
        out.push_str(&body[at..]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Marks the first row of every table in the report table style as a header row that repeats
/// on each page (`w:tblHeader`); the renderer gives that row `w:cantSplit`, so it has a w:trPr.
pub fn patch_table_headers(xml: &str) -> Result<String, String> {
    let mut out = String::with_capacity(xml.len() + 1024);
    let mut rest = xml;
    let styled = format!(r#"<w:tblStyle w:val="{REPORT_TABLE}" />"#);
    while let Some(start) = rest.find("<w:tbl>") {
        let props_end = rest[start..]
            .find("</w:tblPr>")
            .map(|i| start + i)
            .ok_or("a table without properties")?;
        if !rest[start..props_end].contains(&styled) {
            out.push_str(&rest[..props_end]);
            rest = &rest[props_end..];
            continue;
        }
        let tr = rest[start..]
            .find("<w:trPr>")
            .map(|i| start + i + "<w:trPr>".len())
            .ok_or("a table without a row property")?;
        out.push_str(&rest[..tr]);
        out.push_str("<w:tblHeader />");
        rest = &rest[tr..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The font table: BIZ UDPGothic with what Word substitutes for it, and the substitutes
/// themselves (Yu Gothic and Meiryo on Windows, Hiragino Sans on macOS).
pub fn font_table() -> Vec<u8> {
    let font = |name: &str, alt: Option<&str>, panose: &str| {
        let alt = alt
            .map(|a| format!(r#"<w:altName w:val="{a}" />"#))
            .unwrap_or_default();
        format!(
            r#"<w:font w:name="{name}">{alt}<w:panose1 w:val="{panose}" /><w:charset w:val="80" /><w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font>"#
        )
    };
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    xml.push_str(&font(FONT, Some(FONT_ALT), "020B0400000000000000"));
    xml.push_str(&font(FONT_ALT, Some("Meiryo"), "020B0400000000000000"));
    xml.push_str(&font("Meiryo", None, "020B0604030504040204"));
    xml.push_str(&font("Hiragino Sans", None, "020B0300000000000000"));
    xml.push_str("</w:fonts>");
    xml.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinsoku_goes_before_spacing_and_into_empty_paragraph_properties() {
        let xml = r#"<w:pPr><w:keepNext /><w:spacing w:after="1" /></w:pPr><w:pPr /><w:pPr><w:pBdr /></w:pPr>"#;
        let got = add_kinsoku(xml).unwrap();
        assert_eq!(
            got,
            r#"<w:pPr><w:keepNext /><w:kinsoku w:val="1" /><w:spacing w:after="1" /></w:pPr><w:pPr><w:kinsoku w:val="1" /></w:pPr><w:pPr><w:pBdr /><w:kinsoku w:val="1" /></w:pPr>"#
        );
    }

    #[test]
    fn only_the_first_row_of_each_table_repeats() {
        let styled = r#"<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable" /></w:tblPr><w:tr><w:trPr></w:trPr></w:tr><w:tr><w:trPr></w:trPr></w:tr></w:tbl>"#;
        let plain = "<w:tbl><w:tblPr></w:tblPr><w:tr><w:trPr></w:trPr></w:tr></w:tbl>";
        let got = patch_table_headers(&format!("{styled}{plain}{styled}")).unwrap();
        assert_eq!(got.matches("<w:tblHeader />").count(), 2);
        assert!(got.contains(
            r#"</w:tblPr><w:tr><w:trPr><w:tblHeader /></w:trPr></w:tr><w:tr><w:trPr></w:trPr>"#
        ));
        assert!(got.contains("<w:tblPr></w:tblPr><w:tr><w:trPr></w:trPr>"));
    }
}
