//! A page being drawn, in points from the top-left corner (printpdf measures from the bottom),
//! and the plotters backend that draws charts straight onto it as vector shapes and real text.

use crate::fonts::{self, Weight};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt,
    Rgb, TextItem, WindingOrder,
};

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;

/// An RGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb8(pub u8, pub u8, pub u8);

impl Rgb8 {
    fn pdf(self) -> Color {
        Color::Rgb(Rgb {
            r: f32::from(self.0) / 255.0,
            g: f32::from(self.1) / 255.0,
            b: f32::from(self.2) / 255.0,
            icc_profile: None,
        })
    }
}

pub const INK: Rgb8 = Rgb8(0x1f, 0x29, 0x37);
pub const MUTED: Rgb8 = Rgb8(0x6b, 0x72, 0x80);
pub const RULE: Rgb8 = Rgb8(0xd1, 0xd5, 0xdb);
pub const ACCENT: Rgb8 = Rgb8(0x1d, 0x4e, 0xd8);
pub const PALE: Rgb8 = Rgb8(0xf3, 0xf4, 0xf6);
pub const GREEN: Rgb8 = Rgb8(0x15, 0x80, 0x3d);
pub const AMBER: Rgb8 = Rgb8(0xd9, 0x77, 0x06);
pub const RED: Rgb8 = Rgb8(0xb9, 0x1c, 0x1c);
/// The assessor's own text: a colour no status uses.
pub const ASSESSOR: Rgb8 = Rgb8(0x6d, 0x28, 0xd9);

/// The font resources of the document.
#[derive(Debug, Clone)]
pub struct FontIds {
    pub regular: FontId,
    pub bold: FontId,
}

impl FontIds {
    fn handle(&self, weight: Weight) -> PdfFontHandle {
        PdfFontHandle::External(match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        })
    }
}

pub struct Canvas {
    pub ops: Vec<Op>,
    fonts: FontIds,
}

fn pt(x: f32, y_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_H - y_top),
    }
}

impl Canvas {
    pub fn new(fonts: FontIds) -> Self {
        Canvas {
            ops: Vec::new(),
            fonts,
        }
    }

    pub fn fonts(&self) -> &FontIds {
        &self.fonts
    }

    /// Draws one line of text with its baseline at `baseline` (from the top). The text must
    /// already be drawable (see `fonts::drawable`); callers lay text out with `layout`.
    pub fn text(&mut self, x: f32, baseline: f32, s: &str, size: f32, weight: Weight, color: Rgb8) {
        if s.is_empty() {
            return;
        }
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFillColor { col: color.pdf() });
        self.ops.push(Op::SetFont {
            font: self.fonts.handle(weight),
            size: Pt(size),
        });
        // One text section per string: SetTextCursor is relative to the previous position.
        self.ops.push(Op::SetTextCursor {
            pos: pt(x, baseline),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(s.to_string())],
        });
        self.ops.push(Op::EndTextSection);
    }

    /// Text right-aligned to `right`.
    pub fn text_right(
        &mut self,
        right: f32,
        baseline: f32,
        s: &str,
        size: f32,
        weight: Weight,
        color: Rgb8,
    ) {
        let w = fonts::metrics(weight).map_or(0.0, |m| m.width(s, size));
        self.text(right - w, baseline, s, size, weight, color);
    }

    /// Places an image (added to the document's resources under `id`, `w_px` × `h_px`) with
    /// its top-left corner at (`x`, `y`), `w` points wide and `h` points high.
    #[allow(clippy::too_many_arguments)]
    pub fn image(
        &mut self,
        id: printpdf::XObjectId,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        w_px: u32,
        h_px: u32,
    ) {
        // At 72 dpi one pixel is one point; scale from there to the box.
        self.ops.push(Op::UseXobject {
            id,
            transform: printpdf::XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(PAGE_H - y - h)),
                rotate: None,
                scale_x: Some(w / w_px.max(1) as f32),
                scale_y: Some(h / h_px.max(1) as f32),
                dpi: Some(72.0),
                no_auto_scale: false,
            },
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb8) {
        self.polygon(&[(x, y), (x + w, y), (x + w, y + h), (x, y + h)], fill);
    }

    pub fn rect_outline(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8, width: f32) {
        self.polyline(
            &[(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)],
            color,
            width,
        );
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb8, width: f32) {
        self.polyline(&[(x1, y1), (x2, y2)], color, width);
    }

    pub fn polyline(&mut self, points: &[(f32, f32)], color: Rgb8, width: f32) {
        if points.len() < 2 {
            return;
        }
        self.ops.push(Op::SetOutlineColor { col: color.pdf() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: pt(x, y),
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        });
    }

    pub fn polygon(&mut self, points: &[(f32, f32)], fill: Rgb8) {
        if points.len() < 3 {
            return;
        }
        self.ops.push(Op::SetFillColor { col: fill.pdf() });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: pt(x, y),
                            bezier: false,
                        })
                        .collect(),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
}

/// Plotters drawing units per PDF point: charts are laid out on a finer integer grid, then
/// scaled, so vector coordinates keep sub-point precision.
pub const CHART_SCALE: f32 = 10.0;

/// A plotters backend drawing onto a region of a `Canvas`.
pub struct PdfBackend<'a> {
    canvas: &'a mut Canvas,
    origin: (f32, f32),
    size: (u32, u32),
}

impl<'a> PdfBackend<'a> {
    /// A backend over the `w` × `h` point region whose top-left corner is (`x`, `y`).
    pub fn new(canvas: &'a mut Canvas, x: f32, y: f32, w: f32, h: f32) -> Self {
        PdfBackend {
            canvas,
            origin: (x, y),
            size: ((w * CHART_SCALE) as u32, (h * CHART_SCALE) as u32),
        }
    }

    fn at(&self, c: BackendCoord) -> (f32, f32) {
        (
            self.origin.0 + c.0 as f32 / CHART_SCALE,
            self.origin.1 + c.1 as f32 / CHART_SCALE,
        )
    }
}

fn rgb(c: BackendColor) -> Rgb8 {
    // PDF without transparency groups: blend translucent colours over white instead.
    let a = c.alpha.clamp(0.0, 1.0);
    let mix = |v: u8| (f64::from(v) * a + 255.0 * (1.0 - a)).round() as u8;
    Rgb8(mix(c.rgb.0), mix(c.rgb.1), mix(c.rgb.2))
}

#[derive(Debug)]
pub struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreachable")
    }
}

impl std::error::Error for NoError {}

impl DrawingBackend for PdfBackend<'_> {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        if color.alpha > 0.0 {
            let (x, y) = self.at(point);
            self.canvas
                .rect(x, y, 1.0 / CHART_SCALE, 1.0 / CHART_SCALE, rgb(color));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x1, y1) = self.at(ul);
        let (x2, y2) = self.at(br);
        if fill {
            self.canvas
                .rect(x1, y1, x2 - x1, y2 - y1, rgb(style.color()));
        } else {
            let w = style.stroke_width() as f32 / CHART_SCALE;
            self.canvas
                .rect_outline(x1, y1, x2 - x1, y2 - y1, rgb(style.color()), w);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<(f32, f32)> = path.into_iter().map(|c| self.at(c)).collect();
        let w = (style.stroke_width() as f32 / CHART_SCALE).max(0.3);
        self.canvas.polyline(&points, rgb(style.color()), w);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<(f32, f32)> = vert.into_iter().map(|c| self.at(c)).collect();
        self.canvas.polygon(&points, rgb(style.color()));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        let (cx, cy) = self.at(center);
        let r = radius as f32 / CHART_SCALE;
        let points: Vec<(f32, f32)> = (0..=24)
            .map(|i| {
                let a = i as f32 / 24.0 * std::f32::consts::TAU;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        if fill {
            self.canvas.polygon(&points, rgb(style.color()));
        } else {
            let w = (style.stroke_width() as f32 / CHART_SCALE).max(0.3);
            self.canvas.polyline(&points, rgb(style.color()), w);
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        let size = style.size() as f32 / CHART_SCALE;
        let weight = if matches!(style.style(), plotters_backend::FontStyle::Bold) {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let Some(m) = fonts::metrics(weight) else {
            return Ok(());
        };
        let text = fonts::drawable(text, weight);
        let w = m.width(&text, size);
        let (x, y) = self.at(pos);
        let x = match style.anchor().h_pos {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        // Plotters anchors the text box; PDF places the baseline.
        let ascent = m.ascender(size) * 0.88;
        let baseline = match style.anchor().v_pos {
            VPos::Top => y + ascent,
            VPos::Center => y + ascent / 2.0,
            VPos::Bottom => y,
        };
        self.canvas
            .text(x, baseline, &text, size, weight, rgb(style.color()));
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<NoError>> {
        let size = style.size() as f32 / CHART_SCALE;
        let w = fonts::metrics(Weight::Regular).map_or(0.0, |m| m.width(text, size));
        Ok(((w * CHART_SCALE) as u32, (size * CHART_SCALE) as u32))
    }
}
