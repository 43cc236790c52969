//! Tables: wrapped cells with small print and the assessor's notes, rows kept whole across
//! pages (the header repeated), and never one row left alone on a page.

use crate::canvas::{Rgb8, ASSESSOR, INK, MUTED, PALE, RULE};
use crate::flow::{line_height, Flow, BOTTOM, CONTENT_W, MARGIN_X, TOP};
use crate::fonts::Weight;
use crate::layout::wrap;
use crate::model::{Cell, Density, ReportDoc, Table, Voice};

const PAD: f32 = 3.0;

/// One drawn line of a cell.
struct Line {
    text: String,
    size: f32,
    weight: Weight,
    colour: Rgb8,
    /// The assessor's words: drawn indented, with a rule on the left.
    assessor: bool,
}

/// Column widths in points: the given widths, the zero one taking what is left, scaled to fit.
fn widths(t: &Table) -> Vec<f32> {
    let fixed: f32 = t.columns.iter().map(|c| c.width).sum();
    let free = t.columns.iter().filter(|c| c.width <= 0.0).count();
    let rest = if free > 0 {
        ((CONTENT_W - fixed) / free as f32).max(40.0)
    } else {
        0.0
    };
    let raw: Vec<f32> = t
        .columns
        .iter()
        .map(|c| if c.width <= 0.0 { rest } else { c.width })
        .collect();
    let total: f32 = raw.iter().sum();
    raw.iter().map(|w| w * CONTENT_W / total.max(1.0)).collect()
}

fn cell_lines(doc: &ReportDoc, cell: &Cell, width: f32, size: f32) -> Vec<Line> {
    let inner = width - 2.0 * PAD;
    let mut out = Vec::new();
    let own = cell.voice == Voice::Assessor;
    if own {
        out.push(Line {
            text: doc.assessor_label.clone(),
            size: size - 0.8,
            weight: Weight::Bold,
            colour: ASSESSOR,
            assessor: true,
        });
    }
    let indent = if own { 6.0 } else { 0.0 };
    for text in wrap(&cell.text, inner - indent, size, Weight::Regular) {
        out.push(Line {
            text,
            size,
            weight: Weight::Regular,
            colour: INK,
            assessor: own,
        });
    }
    if let Some(small) = &cell.small {
        for text in wrap(small, inner, size - 0.8, Weight::Regular) {
            out.push(Line {
                text,
                size: size - 0.8,
                weight: Weight::Regular,
                colour: MUTED,
                assessor: false,
            });
        }
    }
    if let Some(note) = &cell.assessor_note {
        out.push(Line {
            text: doc.assessor_label.clone(),
            size: size - 0.8,
            weight: Weight::Bold,
            colour: ASSESSOR,
            assessor: true,
        });
        for text in wrap(note, inner - 6.0, size, Weight::Regular) {
            out.push(Line {
                text,
                size,
                weight: Weight::Regular,
                colour: INK,
                assessor: true,
            });
        }
    }
    if let Some(t) = cell.tone {
        for l in out.iter_mut().filter(|l| !l.assessor && l.colour == INK) {
            l.colour = super::tone_colour(t);
        }
    }
    out
}

pub fn draw(flow: &mut Flow, doc: &ReportDoc, t: &Table) {
    let size = match t.density {
        Density::Normal => 7.2,
        Density::Compact => 7.0,
    };
    let lh = line_height(size);
    let widths = widths(t);
    let header: Vec<Vec<String>> = t
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| wrap(&c.title, w - 2.0 * PAD, size, Weight::Bold))
        .collect();
    let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
    let draw_header = |flow: &mut Flow| {
        let y = flow.y;
        flow.page().rect(MARGIN_X, y, CONTENT_W, header_h, PALE);
        let mut x = MARGIN_X;
        for (lines, w) in header.iter().zip(&widths) {
            for (k, line) in lines.iter().enumerate() {
                let baseline = y + PAD + size + k as f32 * lh;
                flow.page()
                    .text(x + PAD, baseline, line, size, Weight::Bold, INK);
            }
            x += w;
        }
        flow.y += header_h;
    };
    let rows: Vec<Vec<Vec<Line>>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .zip(&widths)
                .map(|(c, w)| cell_lines(doc, c, *w, size))
                .collect()
        })
        .collect();
    let heights: Vec<f32> = rows
        .iter()
        .map(|r| r.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 2.0 * PAD)
        .collect();
    let page_room = BOTTOM - TOP - header_h;
    // The header with the first row (two when there are more), so neither is left alone.
    let first = heights.iter().take(2).sum::<f32>().min(page_room);
    flow.ensure(header_h + first);
    draw_header(flow);
    let mut on_page = 0;
    for (i, (row, &row_h)) in rows.iter().zip(&heights).enumerate() {
        let fits = flow.y + row_h <= BOTTOM;
        // The last two rows travel together, so the last is never alone on a page.
        let pair_fits = i + 2 != rows.len() || flow.y + row_h + heights[i + 1] <= BOTTOM;
        let movable = row_h <= page_room;
        if movable && on_page > 0 && (!fits || (!pair_fits && row_h + heights[i + 1] <= page_room))
        {
            flow.new_page();
            draw_header(flow);
            on_page = 0;
        }
        draw_row(flow, row, &widths, size, lh, &draw_header);
        on_page += 1;
        let y = flow.y;
        flow.page()
            .line(MARGIN_X, y, MARGIN_X + CONTENT_W, y, RULE, 0.5);
    }
    flow.y += 8.0;
}

/// Draws a row line by line, so a row taller than a page continues on the next.
fn draw_row(
    flow: &mut Flow,
    row: &[Vec<Line>],
    widths: &[f32],
    size: f32,
    lh: f32,
    draw_header: &dyn Fn(&mut Flow),
) {
    let n_lines = row.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut line = 0;
    while line < n_lines {
        if flow.y + lh + PAD > BOTTOM {
            flow.new_page();
            draw_header(flow);
        }
        let top = flow.y;
        let room = ((BOTTOM - top - 2.0 * PAD) / lh).floor().max(1.0) as usize;
        let take = room.min(n_lines - line);
        let mut x = MARGIN_X;
        for (lines, w) in row.iter().zip(widths) {
            for (k, l) in lines.iter().enumerate().skip(line).take(take) {
                let baseline = top + PAD + size + (k - line) as f32 * lh;
                let indent = if l.assessor { 6.0 } else { 0.0 };
                if l.assessor {
                    flow.page().line(
                        x + PAD + 1.5,
                        baseline - size,
                        x + PAD + 1.5,
                        baseline - size + lh,
                        ASSESSOR,
                        1.5,
                    );
                }
                flow.page().text(
                    x + PAD + indent,
                    baseline,
                    &l.text,
                    l.size,
                    l.weight,
                    l.colour,
                );
            }
            x += w;
        }
        flow.y += take as f32 * lh + 2.0 * PAD;
        line += take;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::FontIds;
    use crate::model::{Column, Cover};

    fn doc() -> ReportDoc {
        ReportDoc {
            lang: csirt_model::Lang::En,
            title: String::new(),
            organisation: String::new(),
            cover: Cover {
                facts: Vec::new(),
                logo: None,
            },
            confidentiality: String::new(),
            running_header: String::new(),
            date: String::new(),
            assessor_label: "Assessor's note".into(),
            sections: Vec::new(),
        }
    }

    fn rows(n: usize) -> Table {
        Table {
            columns: vec![
                Column {
                    title: "Item".into(),
                    width: 100.0,
                },
                Column {
                    title: "Text".into(),
                    width: 0.0,
                },
            ],
            rows: (0..n)
                .map(|i| vec![Cell::text(format!("row{i}")), Cell::text("x")])
                .collect(),
            density: Density::Normal,
        }
    }

    /// The rows drawn on each page, by their "rowN" text.
    fn rows_per_page(flow: &Flow) -> Vec<Vec<String>> {
        flow.pages
            .iter()
            .map(|p| {
                p.ops
                    .iter()
                    .filter_map(|op| match op {
                        printpdf::Op::ShowText { items } => items.iter().find_map(|t| match t {
                            printpdf::TextItem::Text(s) if s.starts_with("row") => Some(s.clone()),
                            _ => None,
                        }),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    fn flow() -> Flow {
        Flow::new(FontIds {
            regular: printpdf::FontId::new(),
            bold: printpdf::FontId::new(),
        })
    }

    #[test]
    fn the_last_row_is_never_alone_on_a_page() {
        let lh = line_height(7.2);
        let row_h = lh + 2.0 * PAD;
        let header_h = row_h;
        let n = 6;
        // Start the table where every row but the last fits on the first page.
        let mut f = flow();
        f.y = BOTTOM - header_h - (n as f32 - 1.0) * row_h - 0.5 * row_h;
        draw(&mut f, &doc(), &rows(n));
        let pages = rows_per_page(&f);
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert_eq!(pages[1], ["row4", "row5"], "{pages:?}");
        // With room for every row, all stay on one page.
        let mut f = flow();
        f.y = BOTTOM - header_h - n as f32 * row_h - 1.0;
        draw(&mut f, &doc(), &rows(n));
        assert_eq!(rows_per_page(&f).len(), 1);
        // A table starting with room for its header and one row only moves whole.
        let mut f = flow();
        f.y = BOTTOM - header_h - 1.5 * row_h;
        draw(&mut f, &doc(), &rows(n));
        let pages = rows_per_page(&f);
        assert!(pages[0].is_empty(), "{pages:?}");
    }
}
