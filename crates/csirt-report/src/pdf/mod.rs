//! The PDF renderer of the report model: lays out `ReportDoc` on A4 pages (cover, one section
//! per new page, header and footer with page numbers). Layout only: wrapping, page breaks,
//! colours from `Tone`, charts from the model's drawing data. It decides no content.

mod blocks;
mod table;

use crate::canvas::{
    Canvas, FontIds, Rgb8, ACCENT, AMBER, GREEN, INK, MUTED, PAGE_H, PAGE_W, RED, RULE,
};
use crate::flow::{line_height, Flow, CONTENT_W, MARGIN_X};
use crate::fonts::Weight;
use crate::layout::{ellipsize, wrap};
use crate::model::{ReportDoc, Tone};

/// The logo's box on the cover: 50 mm × 25 mm, in points.
const LOGO_W: f32 = 50.0 / 25.4 * 72.0;
const LOGO_H: f32 = 25.0 / 25.4 * 72.0;

pub fn tone_colour(t: Tone) -> Rgb8 {
    match t {
        Tone::Neutral => INK,
        Tone::Good => GREEN,
        Tone::Warn => AMBER,
        Tone::Bad => RED,
        Tone::Muted => MUTED,
        Tone::Accent => ACCENT,
    }
}

/// The report's pages. `logo` is the id under which the caller adds the cover's logo image.
pub fn pages(doc: &ReportDoc, fonts: FontIds, logo: Option<printpdf::XObjectId>) -> Vec<Canvas> {
    let mut flow = Flow::new(fonts);
    cover(&mut flow, doc, logo);
    for section in &doc.sections {
        flow.section(&section.title);
        blocks::draw(&mut flow, doc, &section.blocks);
    }
    furnish(flow.pages, doc)
}

fn cover(flow: &mut Flow, doc: &ReportDoc, logo: Option<printpdf::XObjectId>) {
    let page = flow.page();
    page.rect(0.0, 0.0, PAGE_W, 16.0, ACCENT);
    if let (Some(l), Some(id)) = (&doc.cover.logo, logo) {
        // Scaled to fit the box, never enlarged past its own size at 72 dpi... nor distorted.
        let scale = (LOGO_W / l.width_px as f32).min(LOGO_H / l.height_px as f32);
        let (w, h) = (l.width_px as f32 * scale, l.height_px as f32 * scale);
        page.image(id, MARGIN_X, 44.0, w, h, l.width_px, l.height_px);
    }
    let mut y = 150.0;
    for line in wrap(&doc.title, CONTENT_W, 24.0, Weight::Bold) {
        page.text(MARGIN_X, y, &line, 24.0, Weight::Bold, INK);
        y += 34.0;
    }
    y += 24.0;
    // The organisation's name can be any length: wrap it, and shrink it if it is very long.
    let name = &doc.organisation;
    let mut size = 20.0;
    let mut lines = wrap(name, CONTENT_W, size, Weight::Bold);
    while lines.len() > 4 && size > 11.0 {
        size -= 2.0;
        lines = wrap(name, CONTENT_W, size, Weight::Bold);
    }
    if lines.len() > 6 {
        lines.truncate(6);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(&format!("{last}…"), CONTENT_W, size, Weight::Bold);
        }
    }
    for line in &lines {
        page.text(MARGIN_X, y, line, size, Weight::Bold, ACCENT);
        y += line_height(size);
    }
    y += 30.0;
    let label_w = 110.0;
    for fact in &doc.cover.facts {
        page.text(MARGIN_X, y, &fact.label, 9.5, Weight::Bold, MUTED);
        for line in wrap(&fact.value, CONTENT_W - label_w, 9.5, Weight::Regular) {
            page.text(MARGIN_X + label_w, y, &line, 9.5, Weight::Regular, INK);
            y += line_height(9.5);
        }
        y += 6.0;
    }
    let mut y = PAGE_H - 110.0;
    for line in wrap(&doc.confidentiality, CONTENT_W, 9.0, Weight::Bold) {
        page.text(MARGIN_X, y, &line, 9.0, Weight::Bold, RED);
        y += line_height(9.0);
    }
}

/// Adds the header (organisation, date), the footer (confidentiality line) and page numbers
/// to every page but the cover.
fn furnish(mut pages: Vec<Canvas>, doc: &ReportDoc) -> Vec<Canvas> {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        let right = &doc.date;
        let date_w = crate::fonts::metrics(Weight::Regular).map_or(0.0, |m| m.width(right, 7.5));
        let name = ellipsize(
            &doc.running_header,
            CONTENT_W - date_w - 20.0,
            7.5,
            Weight::Regular,
        );
        page.text(MARGIN_X, 34.0, &name, 7.5, Weight::Regular, MUTED);
        page.text_right(
            MARGIN_X + CONTENT_W,
            34.0,
            right,
            7.5,
            Weight::Regular,
            MUTED,
        );
        page.line(MARGIN_X, 40.0, MARGIN_X + CONTENT_W, 40.0, RULE, 0.5);
        let footer_y = PAGE_H - 30.0;
        page.line(
            MARGIN_X,
            footer_y - 10.0,
            MARGIN_X + CONTENT_W,
            footer_y - 10.0,
            RULE,
            0.5,
        );
        // The confidentiality line, shrunk to one line if it must be, cut only past 5.5 pt.
        let room = CONTENT_W - 60.0;
        let mut size = 7.0;
        while size > 5.5
            && crate::fonts::metrics(Weight::Regular)
                .is_some_and(|m| m.width(&doc.confidentiality, size) > room)
        {
            size -= 0.25;
        }
        let footer = ellipsize(&doc.confidentiality, room, size, Weight::Regular);
        page.text(MARGIN_X, footer_y, &footer, size, Weight::Regular, MUTED);
        page.text_right(
            MARGIN_X + CONTENT_W,
            footer_y,
            &format!("{} / {total}", i + 1),
            7.5,
            Weight::Bold,
            INK,
        );
    }
    pages
}
