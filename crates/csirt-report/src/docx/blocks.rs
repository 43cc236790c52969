//! The report model's blocks as Word paragraphs, tables and pictures. Every text comes from the
//! model; this file decides only how it looks (styles, colours, sizes).

use super::picture;
use super::styles::{self, *};
use crate::model::{
    Block, Callout, Cell, Figure, Finding, Headline, StatusList, Table, Tone, Voice,
};
use crate::ReportError;
use docx_rs::{
    AlignmentType, Paragraph, Pic, Run, Shading, ShdType, TableBorder, TableBorderPosition,
    TableCell, TableLayoutType, TableRow, WidthType,
};

/// The text width between the margins, in twentieths of a point (A4 less 2 × 20 mm).
pub const TEXT_WIDTH: usize = 11906 - 2 * 1134;
/// English Metric Units per point.
const EMU_PER_PT: f64 = 12_700.0;

/// A piece of the document body, in order.
pub enum Item {
    P(Box<Paragraph>),
    T(Box<docx_rs::Table>),
}

/// What a section's blocks become, with the label that marks the assessor's text.
pub struct Writer<'a> {
    pub assessor_label: &'a str,
    pub items: Vec<Item>,
    /// Charts placed so far, for their picture ids (`chart1`, `chart2`…).
    pub charts: usize,
}

/// A paragraph of one run in `style`.
pub fn para(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

fn tone_colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => INK,
        Tone::Good => "15803D",
        Tone::Warn => "B45309",
        Tone::Bad => "B91C1C",
        Tone::Muted => MUTED,
        Tone::Accent => ACCENT,
    }
}

fn body_style(voice: Voice) -> &'static str {
    match voice {
        Voice::Report => NORMAL,
        Voice::Assessor => ASSESSOR_STYLE,
    }
}

impl Writer<'_> {
    pub fn push(&mut self, p: Paragraph) {
        self.items.push(Item::P(Box::new(p)));
    }

    /// The label above the assessor's own text, kept with it on the page.
    fn assessor_label(&mut self) {
        let label = self.assessor_label.to_string();
        self.push(para(ASSESSOR_LABEL, &label).keep_next(true));
    }

    pub fn block(&mut self, block: &Block) -> Result<(), ReportError> {
        match block {
            Block::Heading { text } => self.push(para(HEADING2, text).keep_next(true)),
            Block::Paragraph { text, voice } => {
                if *voice == Voice::Assessor {
                    self.assessor_label();
                }
                self.push(para(body_style(*voice), text));
            }
            Block::Bullets { items, voice } => {
                if *voice == Voice::Assessor {
                    self.assessor_label();
                }
                let (id, level) = styles::bullet();
                for item in items {
                    self.push(para(body_style(*voice), item).numbering(id.clone(), level.clone()));
                }
            }
            Block::Note { text } => self.push(para(NOTE, text)),
            Block::Headline(h) => self.headline(h),
            Block::Callout(c) => self.callout(c),
            Block::StatusList(s) => self.status_list(s),
            Block::Findings(findings) => {
                for f in findings {
                    self.finding(f);
                }
            }
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f)?,
        }
        Ok(())
    }

    fn headline(&mut self, h: &Headline) {
        self.push(
            Paragraph::new()
                .style(NORMAL)
                .keep_next(true)
                .add_run(Run::new().bold().color(MUTED).add_text(&h.label)),
        );
        self.push(
            Paragraph::new()
                .style(HEADLINE)
                .keep_next(!h.context.is_empty())
                .add_run(Run::new().add_text(&h.value))
                .add_run(
                    Run::new()
                        .size(24)
                        .disable_bold()
                        .color(MUTED)
                        .add_text(format!(" {}", h.unit)),
                ),
        );
        for line in &h.context {
            self.push(para(NORMAL, line));
        }
    }

    fn callout(&mut self, c: &Callout) {
        let (title_style, body) = match c.voice {
            Voice::Report => (CALLOUT_TITLE, CALLOUT),
            Voice::Assessor => (ASSESSOR_LABEL, ASSESSOR_STYLE),
        };
        self.push(para(title_style, &c.title).keep_next(true));
        if let Some(who) = &c.attribution {
            self.push(
                Paragraph::new()
                    .style(body)
                    .keep_next(true)
                    .add_run(Run::new().italic().size(17).color(MUTED).add_text(who)),
            );
        }
        let (id, level) = styles::bullet();
        for line in &c.lines {
            let p = para(body, line);
            self.push(if c.list {
                p.numbering(id.clone(), level.clone())
            } else {
                p
            });
        }
    }

    fn status_list(&mut self, s: &StatusList) {
        self.push(
            Paragraph::new()
                .style(NORMAL)
                .keep_next(true)
                .add_run(Run::new().bold().add_text(&s.title)),
        );
        for e in &s.entries {
            let colour = tone_colour(e.tone);
            self.push(
                Paragraph::new()
                    .style(NORMAL)
                    .keep_next(true)
                    .line_spacing(docx_rs::LineSpacing::new().after(0))
                    .add_run(Run::new().color(colour).add_text("■ "))
                    .add_run(Run::new().bold().add_text(&e.title))
                    .add_run(
                        Run::new()
                            .bold()
                            .color(colour)
                            .add_text(format!("  {}", e.value)),
                    ),
            );
            self.push(para(NOTE, &e.text).indent(Some(280), None, None, None));
        }
    }

    fn finding(&mut self, f: &Finding) {
        self.push(
            Paragraph::new()
                .style(NORMAL)
                .keep_next(true)
                .line_spacing(docx_rs::LineSpacing::new().before(160).after(40))
                .add_run(
                    Run::new()
                        .bold()
                        .add_text(format!("{}. {}", f.rank, f.finding)),
                ),
        );
        for text in [&f.consequence, &f.action] {
            self.push(
                para(NORMAL, text)
                    .keep_next(true)
                    .indent(Some(280), None, None, None),
            );
        }
        if let Some(note) = &f.assessor_note {
            self.assessor_label();
            self.push(para(ASSESSOR_STYLE, note).keep_next(true));
        }
        self.push(
            para(NOTE, &f.why_ranked)
                .keep_next(true)
                .indent(Some(280), None, None, None),
        );
        self.push(para(SMALL, &f.code).indent(Some(280), None, None, None));
    }

    fn table(&mut self, t: &Table) {
        let widths = column_widths(t);
        let size = match t.density {
            crate::model::Density::Normal => 18,
            crate::model::Density::Compact => 16,
        };
        let head: Vec<TableCell> = t
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(
                        Shading::new()
                            .shd_type(ShdType::Clear)
                            .color("auto")
                            .fill(HEADER_FILL),
                    )
                    .add_paragraph(
                        Paragraph::new()
                            .style(TABLE_HEAD)
                            .add_run(Run::new().size(size).add_text(&c.title)),
                    )
            })
            .collect();
        let mut rows = vec![TableRow::new(head).cant_split()];
        for row in &t.rows {
            let cells: Vec<TableCell> = widths
                .iter()
                .enumerate()
                .map(|(i, w)| self.cell(row.get(i), *w, size))
                .collect();
            rows.push(TableRow::new(cells));
        }
        let mut table = docx_rs::Table::new(rows);
        for position in [
            TableBorderPosition::Top,
            TableBorderPosition::Left,
            TableBorderPosition::Bottom,
            TableBorderPosition::Right,
            TableBorderPosition::InsideH,
            TableBorderPosition::InsideV,
        ] {
            table = table.set_border(TableBorder::new(position).size(4).color(RULE));
        }
        let table = table
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .style(REPORT_TABLE);
        self.items.push(Item::T(Box::new(table)));
        // Word needs a paragraph between two tables, and it spaces what follows.
        self.push(para(TABLE_TEXT, ""));
    }

    fn cell(&self, cell: Option<&Cell>, width: usize, size: usize) -> TableCell {
        let mut tc = TableCell::new().width(width, WidthType::Dxa);
        let Some(cell) = cell else {
            return tc.add_paragraph(Paragraph::new().style(TABLE_TEXT));
        };
        let mut run = Run::new().size(size).add_text(&cell.text);
        if let Some(tone) = cell.tone {
            run = run.color(tone_colour(tone));
        }
        let style = match cell.voice {
            Voice::Report => TABLE_TEXT,
            Voice::Assessor => ASSESSOR_STYLE,
        };
        tc = tc.add_paragraph(Paragraph::new().style(style).add_run(run));
        if let Some(small) = &cell.small {
            tc = tc.add_paragraph(
                Paragraph::new()
                    .style(SMALL)
                    .add_run(Run::new().size(size.saturating_sub(3)).add_text(small)),
            );
        }
        if let Some(note) = &cell.assessor_note {
            tc = tc
                .add_paragraph(
                    Paragraph::new().style(ASSESSOR_LABEL).add_run(
                        Run::new()
                            .size(size.saturating_sub(2))
                            .add_text(self.assessor_label),
                    ),
                )
                .add_paragraph(
                    Paragraph::new()
                        .style(ASSESSOR_STYLE)
                        .add_run(Run::new().size(size).add_text(note)),
                );
        }
        tc
    }

    fn figure(&mut self, f: &Figure) -> Result<(), ReportError> {
        let pic = picture::render(f)?;
        let emu = |pt: f64| (pt * EMU_PER_PT).round() as u32;
        self.charts += 1;
        let image = Pic::new_with_dimensions(pic.png, pic.width_px, pic.height_px)
            .id(format!("chart{}", self.charts))
            .size(emu(pic.width_pt), emu(pic.height_pt));
        self.push(
            Paragraph::new()
                .style(NORMAL)
                .align(AlignmentType::Center)
                .keep_next(true)
                .add_run(Run::new().add_image(image)),
        );
        let caption = match f {
            Figure::Radar { caption, .. }
            | Figure::Standing { caption, .. }
            | Figure::OpenActions { caption, .. }
            | Figure::RoleCoverage { caption, .. } => caption,
            Figure::Trend(t) => &t.caption,
        };
        if !caption.is_empty() {
            self.push(para(CAPTION, caption));
        }
        Ok(())
    }
}

/// Column widths in twentieths of a point. The model's widths are points of the PDF's text
/// width (`PDF_TEXT_WIDTH`), kept in proportion; columns of width 0 share what is left (at
/// least a tenth of the width each, the others shrinking to make room).
pub fn column_widths(t: &Table) -> Vec<usize> {
    let n = t.columns.len().max(1);
    let total = TEXT_WIDTH as f32;
    let fixed: f32 = t.columns.iter().map(|c| c.width.max(0.0)).sum();
    let flexible = t.columns.iter().filter(|c| c.width <= 0.0).count();
    if fixed <= 0.0 {
        return vec![TEXT_WIDTH / n; n];
    }
    let min_rest = if flexible == 0 {
        0.0
    } else {
        total * 0.1 * flexible as f32
    };
    let mut scale = total / PDF_TEXT_WIDTH;
    if fixed * scale > total - min_rest || flexible == 0 {
        scale = (total - min_rest) / fixed;
    }
    let rest = (total - fixed * scale) / flexible.max(1) as f32;
    t.columns
        .iter()
        .map(|c| {
            let w = if c.width > 0.0 { c.width * scale } else { rest };
            w.round() as usize
        })
        .collect()
}

/// The PDF's text width in points, which the model's column widths are measured against.
const PDF_TEXT_WIDTH: f32 = 595.28 - 2.0 * 48.0;
