//! Draws a section's blocks down the page: paragraphs, headings, notes, bullets, the headline,
//! callouts, the status list (beside the radar when it follows it), findings and figures.

use super::{table, tone_colour};
use crate::canvas::{ACCENT, ASSESSOR, INK, MUTED, PALE};
use crate::charts;
use crate::flow::{line_height, Flow, BOTTOM, CONTENT_W, MARGIN_X, TOP};
use crate::fonts::Weight;
use crate::layout::wrap;
use crate::model::{Block, Callout, Figure, Finding, Headline, ReportDoc, StatusList, Voice};
use crate::role_chart;

const RADAR_W: f32 = 250.0;
const RADAR_H: f32 = 230.0;
const TREND_H: f32 = 190.0;
const OPEN_ACTIONS_H: f32 = 150.0;

pub fn draw(flow: &mut Flow, doc: &ReportDoc, blocks: &[Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let next = blocks.get(i + 1);
        match &blocks[i] {
            Block::Heading { text } => {
                flow.ensure(keep_with_next(next));
                flow.heading(text);
            }
            Block::Paragraph { text, voice } => match voice {
                Voice::Report => flow.paragraph(text, 8.5),
                Voice::Assessor => assessor_text(flow, &doc.assessor_label, &[text.as_str()]),
            },
            Block::Bullets { items, voice } => match voice {
                Voice::Report => {
                    for item in items {
                        flow.bullet(item);
                    }
                }
                Voice::Assessor => {
                    let items: Vec<&str> = items.iter().map(String::as_str).collect();
                    assessor_text(flow, &doc.assessor_label, &items);
                }
            },
            Block::Note { text } => flow.note(text),
            Block::Headline(h) => headline(flow, h),
            Block::Callout(c) => callout(flow, c),
            Block::StatusList(s) => {
                flow.ensure(status_height(s, CONTENT_W));
                let y = status_list(flow, s, MARGIN_X, CONTENT_W, flow.y);
                flow.y = y + 6.0;
            }
            Block::Findings(list) => {
                for f in list {
                    finding(flow, doc, f);
                }
            }
            Block::Table(t) => table::draw(flow, doc, t),
            Block::Figure(Figure::Radar {
                axes,
                legend,
                caption,
            }) => {
                // The status list that follows sits beside the radar.
                let beside = match next {
                    Some(Block::StatusList(s)) => Some(s),
                    _ => None,
                };
                let col_x = MARGIN_X + RADAR_W + 8.0;
                let col_w = CONTENT_W - RADAR_W - 8.0;
                let caption_h =
                    wrap(caption, RADAR_W, 7.5, Weight::Regular).len() as f32 * line_height(7.5);
                let list_h = beside.map_or(0.0, |s| status_height(s, col_w));
                flow.ensure((RADAR_H + caption_h).max(list_h));
                let top = flow.y;
                charts::radar_pdf(
                    flow.page(),
                    MARGIN_X - 6.0,
                    top,
                    RADAR_W,
                    RADAR_H,
                    axes,
                    legend,
                );
                let mut y = top + RADAR_H;
                for line in wrap(caption, RADAR_W, 7.5, Weight::Regular) {
                    flow.page()
                        .text(MARGIN_X, y + 7.5, &line, 7.5, Weight::Regular, MUTED);
                    y += line_height(7.5);
                }
                if let Some(s) = beside {
                    let end = status_list(flow, s, col_x, col_w, top);
                    y = y.max(end);
                    i += 1;
                }
                flow.y = y + 8.0;
            }
            Block::Figure(Figure::Standing { bars, caption }) => {
                let h = charts::standing_height(bars.len());
                flow.ensure(h + 14.0);
                let y = flow.y;
                charts::standing_pdf(flow.page(), MARGIN_X, y, CONTENT_W, bars);
                flow.y += h + 2.0;
                flow.note(caption);
            }
            Block::Figure(Figure::RoleCoverage { bars, caption }) => {
                let h = role_chart::role_chart_height(bars.len());
                flow.ensure(h + 14.0);
                let y = flow.y;
                role_chart::roles_pdf(flow.page(), MARGIN_X, y, CONTENT_W, bars);
                flow.y += h + 2.0;
                flow.note(caption);
            }
            Block::Figure(Figure::Trend(chart)) => {
                flow.ensure(TREND_H + 20.0);
                let y = flow.y;
                charts::trend_pdf(flow.page(), MARGIN_X, y, CONTENT_W, TREND_H, chart);
                flow.y += TREND_H + 4.0;
                flow.note(&chart.caption);
            }
            Block::Figure(Figure::OpenActions {
                points,
                lang,
                caption,
            }) => {
                flow.ensure(OPEN_ACTIONS_H + 20.0);
                let y = flow.y;
                charts::open_actions_pdf(
                    flow.page(),
                    MARGIN_X,
                    y,
                    CONTENT_W,
                    OPEN_ACTIONS_H,
                    points,
                    *lang,
                );
                flow.y += OPEN_ACTIONS_H + 4.0;
                flow.note(caption);
            }
        }
        i += 1;
    }
}

/// Room a heading needs so that it is not left alone at the foot of a page.
fn keep_with_next(next: Option<&Block>) -> f32 {
    let rest = match next {
        Some(Block::Figure(Figure::Standing { bars, .. })) => {
            charts::standing_height(bars.len()) + 60.0
        }
        Some(Block::Figure(Figure::Trend(_))) => TREND_H + 20.0,
        Some(Block::Figure(Figure::RoleCoverage { bars, .. })) => {
            role_chart::role_chart_height(bars.len()) + 20.0
        }
        Some(Block::Table(_)) => 60.0,
        // A finding (title, finding, consequence, what to do, why) is seldom under 150 pt:
        // a heading with less room than that below it would be left alone at the page foot.
        Some(Block::Findings(_)) => 170.0,
        _ => 30.0,
    };
    rest.min(BOTTOM - TOP - 40.0) + 30.0
}

/// The assessor's own words: a coloured rule on the left, the label above, then the text.
fn assessor_text(flow: &mut Flow, label: &str, paragraphs: &[&str]) {
    let x = MARGIN_X + 10.0;
    let w = CONTENT_W - 10.0;
    let lines: Vec<Vec<String>> = paragraphs
        .iter()
        .map(|p| wrap(p, w, 8.5, Weight::Regular))
        .collect();
    let lh = line_height(8.5);
    let total = line_height(7.5) + lines.iter().map(|l| l.len() as f32 * lh + 3.0).sum::<f32>();
    if total < BOTTOM - TOP {
        flow.ensure(total);
    }
    let top = flow.y;
    flow.page()
        .text(x, top + 7.5, label, 7.5, Weight::Bold, ASSESSOR);
    flow.y += line_height(7.5);
    for para in lines {
        for line in para {
            if flow.y + lh > BOTTOM {
                rule(flow, top);
                flow.new_page();
            }
            let y = flow.y;
            flow.page()
                .text(x, y + 8.5, &line, 8.5, Weight::Regular, INK);
            flow.y += lh;
        }
        flow.y += 3.0;
    }
    rule(flow, top);
    flow.y += 4.0;
}

/// The assessor's rule from `top` (on this page, or its top when the text began earlier).
fn rule(flow: &mut Flow, top: f32) {
    let y0 = if top > flow.y { TOP } else { top };
    let y1 = flow.y;
    flow.page()
        .line(MARGIN_X + 2.0, y0, MARGIN_X + 2.0, y1, ASSESSOR, 2.0);
}

fn headline(flow: &mut Flow, h: &Headline) {
    let num_w = 150.0;
    let ctx_x = MARGIN_X + num_w;
    let ctx_w = CONTENT_W - num_w;
    let ctx: Vec<String> = h
        .context
        .iter()
        .flat_map(|c| wrap(c, ctx_w, 8.5, Weight::Regular))
        .collect();
    let height = (ctx.len() as f32 * line_height(8.5) + 8.0).max(64.0);
    flow.ensure(height);
    let top = flow.y;
    let page = flow.page();
    page.text(MARGIN_X, top + 10.0, &h.label, 9.5, Weight::Bold, MUTED);
    page.text(MARGIN_X, top + 52.0, &h.value, 40.0, Weight::Bold, INK);
    let w = crate::fonts::metrics(Weight::Bold).map_or(0.0, |m| m.width(&h.value, 40.0));
    page.text(
        MARGIN_X + w + 6.0,
        top + 52.0,
        &h.unit,
        12.0,
        Weight::Regular,
        MUTED,
    );
    let mut y = top + 4.0;
    for line in &ctx {
        page.text(ctx_x, y + 8.5, line, 8.5, Weight::Regular, INK);
        y += line_height(8.5);
    }
    flow.y = top + height + 6.0;
}

fn callout(flow: &mut Flow, c: &Callout) {
    let assessor = c.voice == Voice::Assessor;
    let pad = 7.0;
    let x = MARGIN_X + pad + if assessor { 4.0 } else { 0.0 };
    let w = CONTENT_W - (x - MARGIN_X) - pad;
    let lh = line_height(9.0);
    let bullet_in = if c.list { 10.0 } else { 0.0 };
    let body: Vec<(bool, Vec<String>)> = c
        .lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            // In a list, the first line may be an introduction (a sentence ending in ":" or "。").
            let bulleted = c.list && !(k == 0 && c.lines.len() > 1 && is_intro(l));
            let indent = if bulleted { bullet_in } else { 0.0 };
            (bulleted, wrap(l, w - indent, 9.0, Weight::Regular))
        })
        .collect();
    let label_h = if c.attribution.is_some() {
        line_height(7.5)
    } else {
        0.0
    };
    let height = pad * 2.0
        + label_h
        + line_height(10.5)
        + body
            .iter()
            .map(|(_, l)| l.len() as f32 * lh + 2.0)
            .sum::<f32>();
    flow.ensure(height.min(BOTTOM - TOP));
    let top = flow.y;
    let colour = if assessor { ASSESSOR } else { ACCENT };
    let page = flow.page();
    page.rect(MARGIN_X, top, CONTENT_W, height, PALE);
    if assessor {
        page.rect(MARGIN_X, top, 3.0, height, ASSESSOR);
    } else {
        page.rect_outline(MARGIN_X, top, CONTENT_W, height, ACCENT, 0.8);
    }
    let mut y = top + pad;
    if let Some(a) = &c.attribution {
        page.text(x, y + 7.5, a, 7.5, Weight::Bold, ASSESSOR);
        y += label_h;
    }
    page.text(x, y + 10.5, &c.title, 10.5, Weight::Bold, colour);
    y += line_height(10.5);
    for (bulleted, lines) in &body {
        if *bulleted {
            page.rect(x + 2.0, y + 3.5, 4.0, 4.0, colour);
        }
        let indent = if *bulleted { bullet_in } else { 0.0 };
        for line in lines {
            page.text(x + indent, y + 9.0, line, 9.0, Weight::Regular, INK);
            y += lh;
        }
        y += 2.0;
    }
    flow.y = top + height + 8.0;
}

fn is_intro(line: &str) -> bool {
    line.ends_with(':') || line.ends_with('。')
}

fn status_height(s: &StatusList, w: f32) -> f32 {
    let mut h = 20.0;
    for e in &s.entries {
        h += wrap(&e.title, w - 50.0, 8.5, Weight::Bold).len() as f32 * line_height(8.5);
        h += wrap(&e.text, w - 12.0, 7.5, Weight::Regular).len() as f32 * line_height(7.5);
        h += 5.0;
    }
    h
}

/// The status list in a column from `top`; returns where it ends. Nothing is cut.
fn status_list(flow: &mut Flow, s: &StatusList, x: f32, w: f32, top: f32) -> f32 {
    let page = flow.page();
    page.text(x, top + 10.0, &s.title, 10.0, Weight::Bold, INK);
    let mut y = top + 20.0;
    for e in &s.entries {
        let colour = tone_colour(e.tone);
        page.rect(x, y + 1.0, 7.0, 7.0, colour);
        page.text_right(x + w, y + 8.0, &e.value, 9.0, Weight::Bold, colour);
        for line in wrap(&e.title, w - 50.0, 8.5, Weight::Bold) {
            page.text(x + 12.0, y + 8.0, &line, 8.5, Weight::Bold, INK);
            y += line_height(8.5);
        }
        for line in wrap(&e.text, w - 12.0, 7.5, Weight::Regular) {
            page.text(x + 12.0, y + 7.5, &line, 7.5, Weight::Regular, MUTED);
            y += line_height(7.5);
        }
        y += 5.0;
    }
    y
}

/// One gap as a finding: the finding in bold, its consequence, the action, the code and why it
/// ranks there in small print, and the assessor's note beside it.
fn finding(flow: &mut Flow, doc: &ReportDoc, f: &Finding) {
    let x = MARGIN_X + 14.0;
    let w = CONTENT_W - 14.0;
    let title = wrap(&f.finding, w, 8.5, Weight::Bold);
    let consequence = wrap(&f.consequence, w, 8.0, Weight::Regular);
    let action = wrap(&f.action, w - 10.0, 8.0, Weight::Regular);
    let small = wrap(
        &format!("{} — {}", f.code, f.why_ranked),
        w,
        6.8,
        Weight::Regular,
    );
    let note = f
        .assessor_note
        .as_ref()
        .map(|n| wrap(n, w - 10.0, 8.0, Weight::Regular))
        .unwrap_or_default();
    let (lh, sh) = (line_height(8.0), line_height(6.8));
    let height = title.len() as f32 * line_height(8.5)
        + (consequence.len() + action.len()) as f32 * lh
        + small.len() as f32 * sh
        + if note.is_empty() {
            0.0
        } else {
            line_height(7.0) + note.len() as f32 * lh + 2.0
        }
        + 8.0;
    flow.ensure(height);
    let top = flow.y;
    let page = flow.page();
    page.text(
        MARGIN_X,
        top + 8.5,
        &format!("{}.", f.rank),
        8.5,
        Weight::Bold,
        ACCENT,
    );
    let mut y = top;
    for line in &title {
        page.text(x, y + 8.5, line, 8.5, Weight::Bold, INK);
        y += line_height(8.5);
    }
    for line in &consequence {
        page.text(x, y + 8.0, line, 8.0, Weight::Regular, INK);
        y += lh;
    }
    for (k, line) in action.iter().enumerate() {
        if k == 0 {
            page.text(x, y + 8.0, "→", 8.0, Weight::Bold, ACCENT);
        }
        page.text(x + 10.0, y + 8.0, line, 8.0, Weight::Regular, INK);
        y += lh;
    }
    for line in &small {
        page.text(x, y + 6.8, line, 6.8, Weight::Regular, MUTED);
        y += sh;
    }
    if !note.is_empty() {
        y += 2.0;
        let note_top = y;
        page.text(
            x + 8.0,
            y + 7.0,
            &doc.assessor_label,
            7.0,
            Weight::Bold,
            ASSESSOR,
        );
        y += line_height(7.0);
        for line in &note {
            page.text(x + 8.0, y + 8.0, line, 8.0, Weight::Regular, INK);
            y += lh;
        }
        page.line(x + 2.0, note_top, x + 2.0, y, ASSESSOR, 2.0);
    }
    flow.y = y + 8.0;
}
