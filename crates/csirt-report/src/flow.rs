//! Page flow: a cursor moving down A4 pages, with wrapped paragraphs, headings, bullets and
//! notes that break across pages, so no text ever leaves its box (tables: `pdf::table`).

use crate::canvas::{Canvas, FontIds, Rgb8, INK, MUTED, PAGE_H, PAGE_W};
use crate::fonts::Weight;
use crate::layout::wrap;

pub const MARGIN_X: f32 = 48.0;
pub const TOP: f32 = 72.0;
pub const BOTTOM: f32 = PAGE_H - 60.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

pub fn line_height(size: f32) -> f32 {
    size * 1.45
}

pub struct Flow {
    pub pages: Vec<Canvas>,
    pub y: f32,
    fonts: FontIds,
}

impl Flow {
    pub fn new(fonts: FontIds) -> Self {
        Flow {
            pages: vec![Canvas::new(fonts.clone())],
            y: TOP,
            fonts,
        }
    }

    pub fn page(&mut self) -> &mut Canvas {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Canvas::new(self.fonts.clone()));
        self.y = TOP;
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    /// Writes wrapped text at `x` within `width`, breaking pages between lines.
    pub fn text_block(
        &mut self,
        x: f32,
        width: f32,
        text: &str,
        size: f32,
        weight: Weight,
        color: Rgb8,
    ) {
        let lh = line_height(size);
        for line in wrap(text, width, size, weight) {
            self.ensure(lh);
            let baseline = self.y + size;
            self.page().text(x, baseline, &line, size, weight, color);
            self.y += lh;
        }
    }

    pub fn paragraph(&mut self, text: &str, size: f32) {
        self.text_block(MARGIN_X, CONTENT_W, text, size, Weight::Regular, INK);
        self.y += size * 0.6;
    }

    /// A section title at the top of a new page.
    pub fn section(&mut self, title: &str) {
        self.new_page();
        self.text_block(MARGIN_X, CONTENT_W, title, 17.0, Weight::Bold, INK);
        let y = self.y + 2.0;
        self.page().line(
            MARGIN_X,
            y,
            MARGIN_X + CONTENT_W,
            y,
            crate::canvas::ACCENT,
            1.2,
        );
        self.y += 12.0;
    }

    pub fn heading(&mut self, title: &str) {
        self.ensure(40.0);
        self.y += 4.0;
        self.text_block(MARGIN_X, CONTENT_W, title, 11.5, Weight::Bold, INK);
        self.y += 3.0;
    }

    /// A bulleted paragraph: a small square, then the wrapped text.
    pub fn bullet(&mut self, text: &str) {
        let size = 8.5;
        self.ensure(line_height(size));
        let y = self.y;
        self.page()
            .rect(MARGIN_X + 2.0, y + 3.5, 4.0, 4.0, crate::canvas::ACCENT);
        self.text_block(
            MARGIN_X + 12.0,
            CONTENT_W - 12.0,
            text,
            size,
            Weight::Regular,
            INK,
        );
        self.space(2.0);
    }

    /// Small grey note text.
    pub fn note(&mut self, text: &str) {
        self.text_block(MARGIN_X, CONTENT_W, text, 7.5, Weight::Regular, MUTED);
        self.y += 4.0;
    }
}
