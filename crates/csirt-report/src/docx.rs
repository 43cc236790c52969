//! The editable report: renders the report model as a Word document (DOCX) with docx-rs.
//!
//! A4 with 20 mm margins; a header with the running header and the confidentiality line, the
//! page number in the footer (a PAGE field); the cover (title, organisation, logo, facts,
//! confidentiality) on its own page, then each section from a new page under a Heading 1.
//! Sub-headings are Heading 2, tables are real tables whose header row repeats, charts are
//! PNG pictures at print resolution drawn by the same chart code as the PDF. The styles, fonts
//! and Japanese settings are in `styles`; the blocks in `blocks`; the pictures in `picture`.

mod blocks;
mod package;
mod picture;
mod styles;
#[cfg(test)]
mod tests;

use crate::model::{ImageFormat, ReportDoc};
use crate::ReportError;
use blocks::{para, Item, Writer, TEXT_WIDTH};
use docx_rs::{
    AlignmentType, Docx, Footer, Header, PageMargin, PageNum, Paragraph, Pic, Run, Tab,
    TabValueType, TableCell, TableLayoutType, TableRow, WidthType,
};
use styles::*;

pub use picture::DPI;

/// A4 in twentieths of a point.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// 20 mm, and the header's and footer's distance from the edge (10 mm).
const MARGIN: i32 = 1134;
const HEADER_MARGIN: i32 = 567;
/// The cover logo's largest printed size in points (60 × 25 mm).
const LOGO_MAX: (f64, f64) = (170.0, 71.0);
/// The picture id of the cover logo (its media file is renamed for a JPEG).
const LOGO_ID: &str = "logo";

/// The DOCX file's bytes, dated `created` (seconds since 1970, UTC).
pub fn render_docx(doc: &ReportDoc, created: i64) -> Result<Vec<u8>, ReportError> {
    let when = jiff::Timestamp::from_second(created)
        .map_err(|e| ReportError::Docx(format!("date: {e}")))?
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let mut docx = styles::add(Docx::new())
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(HEADER_MARGIN)
                .footer(HEADER_MARGIN),
        )
        .header(header(doc))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .style(FOOTER)
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
        // The cover has no header and no page number.
        .title_pg()
        .first_header(Header::new())
        .first_footer(Footer::new())
        .created_at(&when)
        .updated_at(&when);

    for item in body(doc)? {
        docx = match item {
            Item::P(p) => docx.add_paragraph(*p),
            Item::T(t) => docx.add_table(*t),
        };
    }

    let mut xml = docx.build();
    xml.styles = patch(&xml.styles, |s| styles::patch_styles(s, doc.lang))?;
    xml.document = patch(&xml.document, styles::patch_table_headers)?;
    xml.document = patch(&xml.document, number_pictures)?;
    xml.font_table = styles::font_table();
    xml.doc_props.core = core_properties(doc, &when);
    let jpeg: &[&str] = match &doc.cover.logo {
        Some(logo) if logo.format == ImageFormat::Jpeg => &[LOGO_ID],
        _ => &[],
    };
    package::pack(xml, jpeg)
}

/// Applies a text patch to one XML part.
fn patch(
    part: &[u8],
    f: impl FnOnce(&str) -> Result<String, String>,
) -> Result<Vec<u8>, ReportError> {
    let text = std::str::from_utf8(part).map_err(|e| ReportError::Docx(e.to_string()))?;
    f(text).map(String::into_bytes).map_err(ReportError::Docx)
}

/// Gives every picture its own drawing id (`wp:docPr id`): docx-rs writes 1 for all of them,
/// and Word wants them unique.
fn number_pictures(xml: &str) -> Result<String, String> {
    const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let mut out = String::with_capacity(xml.len() + 256);
    for (i, piece) in xml.split(DOC_PR).enumerate() {
        if i > 0 {
            out.push_str(&format!(r#"<wp:docPr id="{i}" name="Figure {i}" />"#));
        }
        out.push_str(piece);
    }
    Ok(out)
}

/// docProps/core.xml: the title, the language and the dates. Nobody is named as author: the
/// tool wrote the file (docx-rs would write "unknown").
fn core_properties(doc: &ReportDoc, when: &str) -> Vec<u8> {
    let title = escape(&format!("{} — {}", doc.title, doc.organisation));
    let lang = doc.lang.code();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:language>{lang}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified><cp:revision>1</cp:revision></cp:coreProperties>"#
    )
    .into_bytes()
}

/// Text as XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The running header on the left, the confidentiality line on the right.
fn header(doc: &ReportDoc) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .style(HEADER)
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(Run::new().add_text(&doc.running_header))
            .add_run(Run::new().add_tab().add_text(&doc.confidentiality)),
    )
}

/// The cover, then every section from a new page.
fn body(doc: &ReportDoc) -> Result<Vec<Item>, ReportError> {
    let mut w = Writer {
        assessor_label: assessor_label(doc),
        items: Vec::new(),
        charts: 0,
    };
    w.push(para(TITLE, &doc.title));
    w.push(para(SUBTITLE, &doc.organisation));
    if let Some(logo) = &doc.cover.logo {
        w.push(logo_paragraph(logo)?);
    }
    if !doc.cover.facts.is_empty() {
        w.items.push(Item::T(Box::new(facts(doc))));
    }
    w.push(
        Paragraph::new()
            .style(NORMAL)
            .line_spacing(docx_rs::LineSpacing::new().before(480))
            .add_run(
                Run::new()
                    .bold()
                    .color(ACCENT)
                    .add_text(&doc.confidentiality),
            ),
    );
    for section in &doc.sections {
        w.push(
            para(HEADING1, &section.title)
                .page_break_before(true)
                .keep_next(true),
        );
        for block in &section.blocks {
            w.block(block)?;
        }
    }
    Ok(w.items)
}

/// The label that marks the assessor's own text.
fn assessor_label(doc: &ReportDoc) -> &str {
    &doc.assessor_label
}

/// The cover's facts: a two-column table without a header row.
fn facts(doc: &ReportDoc) -> docx_rs::Table {
    let label_w = TEXT_WIDTH * 3 / 10;
    let rows = doc
        .cover
        .facts
        .iter()
        .map(|f| {
            TableRow::new(vec![
                TableCell::new()
                    .width(label_w, WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new()
                            .style(TABLE_TEXT)
                            .add_run(Run::new().bold().color(MUTED).add_text(&f.label)),
                    ),
                TableCell::new()
                    .width(TEXT_WIDTH - label_w, WidthType::Dxa)
                    .add_paragraph(para(TABLE_TEXT, &f.value)),
            ])
        })
        .collect();
    docx_rs::Table::without_borders(rows)
        .set_grid(vec![label_w, TEXT_WIDTH - label_w])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The logo, scaled to fit `LOGO_MAX` keeping its proportions (the model has checked the file).
fn logo_paragraph(logo: &crate::model::Logo) -> Result<Paragraph, ReportError> {
    let (w, h) = (f64::from(logo.width_px), f64::from(logo.height_px));
    if w <= 0.0 || h <= 0.0 {
        return Err(ReportError::Docx("logo: empty picture".into()));
    }
    let scale = (LOGO_MAX.0 / w).min(LOGO_MAX.1 / h);
    let emu = |pt: f64| (pt * 12_700.0).round() as u32;
    let pic = Pic::new_with_dimensions(logo.bytes.clone(), logo.width_px, logo.height_px)
        .id(LOGO_ID)
        .size(emu(w * scale), emu(h * scale));
    Ok(Paragraph::new()
        .style(NORMAL)
        .line_spacing(docx_rs::LineSpacing::new().after(360))
        .add_run(Run::new().add_image(pic)))
}
