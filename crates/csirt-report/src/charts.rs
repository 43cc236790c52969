//! The charts, drawn once through plotters: as SVG for the app and as vector shapes with real,
//! searchable text inside the PDF. Both outputs come from the same drawing functions.

use crate::canvas::{Canvas, PdfBackend};
use crate::fonts::{self, FAMILY};
use crate::labels;
use crate::model::{TrendChart, TrendSeries};
use csirt_model::{Lang, Precision};
use csirt_scoring::ScoreReport;
use plotters::coord::Shift;
use plotters::prelude::{
    DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea, IntoFont, PathElement,
    Polygon, RGBColor, Rectangle, SVGBackend, ShapeStyle, Text,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontStyle, TextStyle};
use std::sync::Once;

pub(crate) const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub(crate) const MUTED: RGBColor = RGBColor(0x6b, 0x72, 0x80);
pub(crate) const GRID: RGBColor = RGBColor(0xd1, 0xd5, 0xdb);
pub(crate) const ORG: RGBColor = RGBColor(0x1d, 0x4e, 0xd8);
const PEER: RGBColor = RGBColor(0x6b, 0x72, 0x80);
const PEER_SOFT: RGBColor = RGBColor(0xcb, 0xd0, 0xd8);

/// One axis of the radar: an area's name, the organisation's score and the surveyed teams' range.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RadarAxis {
    pub label: String,
    pub score: Option<f64>,
    /// The score as printed beside the label ("58", or "not answered").
    pub value: String,
    pub peers: Option<(f64, f64)>,
}

/// One bar of a standing chart: the share of surveyed teams at or above the answer's level.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StandingBar {
    pub label: String,
    pub low: f64,
    pub high: f64,
    pub exact: bool,
}

pub fn radar_axes(report: &ScoreReport, lang: Lang) -> Vec<RadarAxis> {
    report
        .areas
        .iter()
        .map(|a| RadarAxis {
            label: a.name.get(lang).to_string(),
            score: a.score,
            value: a
                .score
                .map(|s| format!("{s:.0}"))
                .unwrap_or_else(|| labels::not_answered(lang).to_string()),
            peers: a.benchmark.map(|b| (b.low, b.high)),
        })
        .collect()
}

/// Standing bars of the answered items of one area, in questionnaire order.
pub fn standing_bars(report: &ScoreReport, area: &str) -> Vec<StandingBar> {
    report
        .items
        .iter()
        .filter(|i| i.area == area)
        .filter_map(|i| {
            let st = i.standing.as_ref()?;
            Some(StandingBar {
                label: i.id.clone(),
                low: st.at_or_above.low,
                high: st.at_or_above.high,
                exact: st.precision != Precision::Narrative,
            })
        })
        .collect()
}

pub(crate) fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Registration only fails for a font ab_glyph cannot parse; the PDF path does not use it.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, fonts::REGULAR_TTF);
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, fonts::BOLD_TTF);
    });
}

pub(crate) fn style(
    size: f64,
    color: RGBColor,
    h: HPos,
    v: VPos,
    bold: bool,
) -> TextStyle<'static> {
    let font = if bold {
        (FAMILY, size, FontStyle::Bold).into_font()
    } else {
        (FAMILY, size).into_font()
    };
    font.color(&color).pos(Pos::new(h, v))
}

pub(crate) type DrawResult<E> = Result<(), DrawingAreaErrorKind<E>>;

/// The radar: grid rings, the surveyed teams' range on each spoke, the organisation's polygon.
pub fn draw_radar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    axes: &[RadarAxis],
    unit: f64,
    legend: &[String; 2],
) -> DrawResult<DB::ErrorType> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let legend_h = 28.0 * unit;
    let cx = w / 2.0;
    let cy = (h - legend_h) / 2.0;
    let radius = (w.min(h - legend_h) / 2.0 - 34.0 * unit).max(10.0);
    let n = axes.len().max(3);
    let at = |i: usize, value: f64| -> (i32, i32) {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
        let r = radius * value.clamp(0.0, 100.0) / 100.0;
        (
            (cx + r * angle.cos()).round() as i32,
            (cy + r * angle.sin()).round() as i32,
        )
    };
    let thin = ShapeStyle::from(&GRID).stroke_width((0.6 * unit).max(1.0) as u32);
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let pts: Vec<(i32, i32)> = (0..=n).map(|i| at(i % n, ring)).collect();
        root.draw(&PathElement::new(pts, thin))?;
    }
    for ring in [50.0, 100.0] {
        let (x, y) = at(0, ring);
        root.draw(&Text::new(
            format!("{ring:.0}"),
            (x + (2.0 * unit) as i32, y),
            style(5.5 * unit, MUTED, HPos::Left, VPos::Center, false),
        ))?;
    }
    for i in 0..n {
        root.draw(&PathElement::new(vec![at(i, 0.0), at(i, 100.0)], thin))?;
    }
    // The surveyed teams' range on each spoke: a wide pale bar, a darker mid-point tick.
    for (i, a) in axes.iter().enumerate() {
        if let Some((low, high)) = a.peers {
            let band = ShapeStyle::from(&PEER_SOFT).stroke_width((7.0 * unit) as u32);
            root.draw(&PathElement::new(
                vec![at(i, low), at(i, high.max(low + 1.0))],
                band,
            ))?;
            let mid = (low + high) / 2.0;
            let tick = ShapeStyle::from(&PEER).filled();
            let (x, y) = at(i, mid);
            let d = (2.6 * unit) as i32;
            root.draw(&Polygon::new(
                vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
                tick,
            ))?;
        }
    }
    let pts: Vec<(i32, i32)> = axes
        .iter()
        .enumerate()
        .map(|(i, a)| at(i, a.score.unwrap_or(0.0)))
        .collect();
    root.draw(&Polygon::new(pts.clone(), ORG.mix(0.18).filled()))?;
    let mut outline = pts.clone();
    outline.extend(pts.first().copied());
    root.draw(&PathElement::new(
        outline,
        ShapeStyle::from(&ORG).stroke_width((1.6 * unit) as u32),
    ))?;
    for (i, a) in axes.iter().enumerate() {
        if a.score.is_some() {
            let (x, y) = pts[i];
            let d = (2.0 * unit) as i32;
            root.draw(&Rectangle::new(
                [(x - d, y - d), (x + d, y + d)],
                ORG.filled(),
            ))?;
        }
    }
    // Labels just outside each spoke, anchored away from the centre.
    for (i, a) in axes.iter().enumerate() {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
        let (dx, dy) = (angle.cos(), angle.sin());
        let lx = cx + (radius + 8.0 * unit) * dx;
        let ly = cy + (radius + 8.0 * unit) * dy;
        let hpos = if dx > 0.3 {
            HPos::Left
        } else if dx < -0.3 {
            HPos::Right
        } else {
            HPos::Center
        };
        let vpos = if dy > 0.3 {
            VPos::Top
        } else if dy < -0.3 {
            VPos::Bottom
        } else {
            VPos::Center
        };
        let score = a.value.clone();
        let line2_offset = match vpos {
            VPos::Bottom => -9.0 * unit,
            _ => 9.0 * unit,
        };
        let (l1, l2) = if matches!(vpos, VPos::Bottom) {
            (ly + line2_offset, ly)
        } else {
            (ly, ly + line2_offset)
        };
        root.draw(&Text::new(
            a.label.clone(),
            (lx.round() as i32, l1.round() as i32),
            style(7.5 * unit, INK, hpos, vpos, true),
        ))?;
        root.draw(&Text::new(
            score,
            (lx.round() as i32, l2.round() as i32),
            style(7.0 * unit, ORG, hpos, vpos, false),
        ))?;
    }
    // Legend, one entry per row so it never runs into whatever sits beside the chart.
    let d = (4.0 * unit) as i32;
    let x0 = (w * 0.08) as i32;
    let row1 = (h - legend_h + 8.0 * unit) as i32;
    let row2 = (h - legend_h + 20.0 * unit) as i32;
    root.draw(&Rectangle::new(
        [(x0, row1 - d), (x0 + 2 * d, row1 + d)],
        ORG.mix(0.5).filled(),
    ))?;
    root.draw(&Text::new(
        legend[0].clone(),
        (x0 + 3 * d, row1),
        style(7.0 * unit, INK, HPos::Left, VPos::Center, false),
    ))?;
    // Without a benchmark there is no band, and no second entry.
    if legend[1].is_empty() {
        return Ok(());
    }
    root.draw(&Rectangle::new(
        [(x0 - d / 2, row2 - d), (x0 + 5 * d / 2, row2 + d)],
        PEER_SOFT.filled(),
    ))?;
    root.draw(&Polygon::new(
        vec![
            (x0 + d, row2 - d / 2),
            (x0 + 3 * d / 2, row2),
            (x0 + d, row2 + d / 2),
            (x0 + d / 2, row2),
        ],
        PEER.filled(),
    ))?;
    root.draw(&Text::new(
        legend[1].clone(),
        (x0 + 3 * d, row2),
        style(7.0 * unit, INK, HPos::Left, VPos::Center, false),
    ))?;
    Ok(())
}

/// Horizontal bars: share of surveyed teams at or above the organisation's answer, 0–100 %.
/// Exact figures are solid; figures read from the text are hatched and marked "≈".
pub fn draw_standing<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bars: &[StandingBar],
    unit: f64,
) -> DrawResult<DB::ErrorType> {
    let (w, _) = root.dim_in_pixel();
    let w = f64::from(w);
    let label_w = 34.0 * unit;
    let value_w = 50.0 * unit;
    let plot_w = (w - label_w - value_w).max(10.0);
    let row_h = 13.0 * unit;
    let bar_h = 8.0 * unit;
    let x_at = |v: f64| (label_w + plot_w * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    for (i, b) in bars.iter().enumerate() {
        let top = i as f64 * row_h + (row_h - bar_h) / 2.0;
        let (y0, y1) = (top.round() as i32, (top + bar_h).round() as i32);
        root.draw(&Rectangle::new(
            [(x_at(0.0), y0), (x_at(100.0), y1)],
            PEER_SOFT.mix(0.6).filled(),
        ))?;
        if b.exact {
            root.draw(&Rectangle::new(
                [(x_at(0.0), y0), (x_at(b.low), y1)],
                ORG.filled(),
            ))?;
        } else {
            root.draw(&Rectangle::new(
                [(x_at(0.0), y0), (x_at(b.low), y1)],
                ORG.mix(0.45).filled(),
            ))?;
            // Hatching marks an approximate share.
            let step = (4.0 * unit) as i32;
            let mut x = x_at(0.0);
            while x < x_at(b.low) {
                let x2 = (x + (y1 - y0)).min(x_at(b.low));
                root.draw(&PathElement::new(
                    vec![(x, y1), (x2, y1 - (x2 - x))],
                    ShapeStyle::from(&ORG).stroke_width((0.6 * unit).max(1.0) as u32),
                ))?;
                x += step;
            }
        }
        if b.high > b.low + 0.5 {
            // The part the source leaves open: possible, not certain.
            root.draw(&Rectangle::new(
                [(x_at(b.low), y0), (x_at(b.high), y1)],
                ShapeStyle::from(&ORG).stroke_width((0.6 * unit).max(1.0) as u32),
            ))?;
        }
        let cy = (top + bar_h / 2.0).round() as i32;
        root.draw(&Text::new(
            b.label.clone(),
            (0, cy),
            style(7.0 * unit, INK, HPos::Left, VPos::Center, true),
        ))?;
        let value = if (b.high - b.low).abs() < 0.05 {
            format!("{}{:.0}%", if b.exact { "" } else { "≈" }, b.low)
        } else {
            format!("{:.0}–{:.0}%", b.low, b.high)
        };
        root.draw(&Text::new(
            value,
            ((label_w + plot_w + 4.0 * unit).round() as i32, cy),
            style(7.0 * unit, INK, HPos::Left, VPos::Center, false),
        ))?;
    }
    // Axis ticks under the bars.
    let y = (bars.len() as f64 * row_h + 2.0 * unit).round() as i32;
    for v in [0.0, 50.0, 100.0] {
        root.draw(&Text::new(
            format!("{v:.0}%"),
            (x_at(v), y),
            style(6.0 * unit, MUTED, HPos::Center, VPos::Top, false),
        ))?;
    }
    Ok(())
}

/// Height in points a standing chart of `rows` bars needs.
pub fn standing_height(rows: usize) -> f32 {
    rows as f32 * 13.0 + 12.0
}

/// The radar as a standalone SVG document, for the app's dashboard.
pub fn radar_svg(report: &ScoreReport, lang: Lang) -> String {
    radar_svg_of(&radar_axes(report, lang), &radar_legend(report, lang))
}

/// The radar drawn from its data as an SVG document.
pub fn radar_svg_of(axes: &[RadarAxis], legend: &[String; 2]) -> String {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (520, 460)).into_drawing_area();
        // Drawing into a string cannot fail; a failure would leave an empty chart, not a crash.
        let _ = draw_radar(&root, axes, 1.6, legend);
        let _ = root.present();
    }
    svg
}

/// The standing bars of one area as SVG, for the app.
pub fn standing_svg(report: &ScoreReport, area: &str) -> String {
    standing_svg_of(&standing_bars(report, area))
}

/// Standing bars drawn from their data as an SVG document.
pub fn standing_svg_of(bars: &[StandingBar]) -> String {
    register_fonts();
    let mut svg = String::new();
    {
        let h = (standing_height(bars.len()) * 1.6) as u32;
        let root = SVGBackend::with_string(&mut svg, (640, h.max(20))).into_drawing_area();
        let _ = draw_standing(&root, bars, 1.6);
        let _ = root.present();
    }
    svg
}

/// The radar's legend: the organisation, and the benchmark's teams with their number.
/// The radar's legend: the organisation, and the benchmark's teams with their n (empty without
/// a benchmark, when no band is drawn).
pub fn radar_legend(report: &ScoreReport, lang: Lang) -> [String; 2] {
    [
        labels::legend_organisation(lang).to_string(),
        // The band's entry only where some area has a band (a benchmark of sentences alone
        // draws none).
        report
            .benchmark_ref
            .as_ref()
            .filter(|_| report.areas.iter().any(|a| a.benchmark.is_some()))
            .map(|b| labels::legend_peers(lang, b.n))
            .unwrap_or_default(),
    ]
}

/// Draws the radar into a region of a PDF page.
pub fn radar_pdf(
    canvas: &mut Canvas,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    axes: &[RadarAxis],
    legend: &[String; 2],
) {
    let root = PdfBackend::new(canvas, x, y, w, h).into_drawing_area();
    let _ = draw_radar(&root, axes, f64::from(crate::canvas::CHART_SCALE), legend);
}

/// Draws standing bars into a region of a PDF page.
pub fn standing_pdf(canvas: &mut Canvas, x: f32, y: f32, w: f32, bars: &[StandingBar]) {
    let h = standing_height(bars.len());
    let root = PdfBackend::new(canvas, x, y, w, h).into_drawing_area();
    let _ = draw_standing(&root, bars, f64::from(crate::canvas::CHART_SCALE));
}

const SERIES: [RGBColor; 8] = [
    RGBColor(0x1d, 0x4e, 0xd8),
    RGBColor(0x15, 0x80, 0x3d),
    RGBColor(0xd9, 0x77, 0x06),
    RGBColor(0xb9, 0x1c, 0x1c),
    RGBColor(0x7c, 0x3a, 0xed),
    RGBColor(0x0e, 0x74, 0x90),
    RGBColor(0xbe, 0x18, 0x5d),
    RGBColor(0x4d, 0x7c, 0x0f),
];

/// The trend chart's data: the overall score and each area, over the assessments' dates.
pub fn trend_chart(
    trend: &csirt_scoring::Trend,
    q: &csirt_model::Questionnaire,
    lang: Lang,
) -> TrendChart {
    let mut series = vec![TrendSeries {
        name: labels::l(lang, "総合", "Overall").to_string(),
        values: trend.points.iter().map(|p| p.overall).collect(),
        bold: true,
        hidden: false,
    }];
    for area in &q.areas {
        series.push(TrendSeries {
            name: area.name.get(lang).to_string(),
            values: trend
                .points
                .iter()
                .map(|p| {
                    p.areas
                        .iter()
                        .find(|(a, _)| *a == area.id)
                        .and_then(|(_, v)| *v)
                })
                .collect(),
            bold: false,
            hidden: false,
        });
    }
    TrendChart {
        dates: trend.points.iter().map(|p| p.date.clone()).collect(),
        series,
        caption: String::new(),
    }
}

/// Scores over time: the overall score thick and dark, each area thin and coloured.
pub fn draw_trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TrendChart,
    unit: f64,
) -> DrawResult<DB::ErrorType> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let left = 26.0 * unit;
    let legend_w = 120.0 * unit;
    let top = 8.0 * unit;
    let bottom = h - 18.0 * unit;
    let right = w - legend_w;
    let n = chart.dates.len().max(1);
    let x_at = |i: usize| {
        if n == 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * i as f64 / (n - 1) as f64
        }
    };
    let y_at = |v: f64| bottom - (bottom - top) * v.clamp(0.0, 100.0) / 100.0;
    let grid = ShapeStyle::from(&GRID).stroke_width((0.6 * unit).max(1.0) as u32);
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = y_at(v).round() as i32;
        root.draw(&PathElement::new(
            vec![(left as i32, y), (right as i32, y)],
            grid,
        ))?;
        root.draw(&Text::new(
            format!("{v:.0}"),
            ((left - 4.0 * unit) as i32, y),
            style(6.0 * unit, MUTED, HPos::Right, VPos::Center, false),
        ))?;
    }
    for (i, date) in chart.dates.iter().enumerate() {
        root.draw(&Text::new(
            date.clone(),
            (x_at(i).round() as i32, (bottom + 4.0 * unit) as i32),
            style(6.5 * unit, INK, HPos::Center, VPos::Top, false),
        ))?;
    }
    let mut coloured = 0;
    let mut k = 0;
    for s in &chart.series {
        let (colour, width) = if s.bold {
            (INK, 3.0)
        } else {
            coloured += 1;
            (SERIES[(coloured - 1) % SERIES.len()], 1.0)
        };
        if s.hidden {
            continue;
        }
        let pts: Vec<(i32, i32)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (x_at(i).round() as i32, y_at(v).round() as i32)))
            .collect();
        let line = ShapeStyle::from(&colour).stroke_width((width * unit) as u32);
        if pts.len() > 1 {
            root.draw(&PathElement::new(pts.clone(), line))?;
        }
        let d = (1.6 * unit * f64::max(width, 1.0)) as i32;
        for &(x, y) in &pts {
            root.draw(&Rectangle::new(
                [(x - d, y - d), (x + d, y + d)],
                colour.filled(),
            ))?;
        }
        let ly = (top + f64::from(k) * 10.0 * unit).round() as i32;
        k += 1;
        let lx = (right + 10.0 * unit) as i32;
        root.draw(&PathElement::new(
            vec![(lx, ly), (lx + (10.0 * unit) as i32, ly)],
            line,
        ))?;
        root.draw(&Text::new(
            s.name.clone(),
            (lx + (13.0 * unit) as i32, ly),
            style(6.5 * unit, INK, HPos::Left, VPos::Center, s.bold),
        ))?;
    }
    Ok(())
}

/// The trend chart as SVG, for the app.
pub fn trend_svg(
    trend: &csirt_scoring::Trend,
    q: &csirt_model::Questionnaire,
    lang: Lang,
) -> String {
    trend_svg_of(&trend_chart(trend, q, lang))
}

/// The trend chart for the app with some areas toggled off (by area id); the overall line is
/// always drawn. Each area keeps its colour whichever others are hidden.
pub fn trend_svg_showing(
    trend: &csirt_scoring::Trend,
    q: &csirt_model::Questionnaire,
    lang: Lang,
    hidden_areas: &[String],
) -> String {
    let mut chart = trend_chart(trend, q, lang);
    let mut area = q.areas.iter();
    for s in chart.series.iter_mut().filter(|s| !s.bold) {
        if area.next().is_some_and(|a| hidden_areas.contains(&a.id)) {
            s.hidden = true;
        }
    }
    trend_svg_of(&chart)
}

/// The trend chart drawn from its data as an SVG document.
pub fn trend_svg_of(chart: &TrendChart) -> String {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 320)).into_drawing_area();
        let _ = draw_trend(&root, chart, 1.6);
        let _ = root.present();
    }
    svg
}

/// Draws the trend chart into a region of a PDF page.
pub fn trend_pdf(canvas: &mut Canvas, x: f32, y: f32, w: f32, h: f32, chart: &TrendChart) {
    let root = PdfBackend::new(canvas, x, y, w, h).into_drawing_area();
    let _ = draw_trend(&root, chart, f64::from(crate::canvas::CHART_SCALE));
}

// ------------------------------------------------------------------ open actions over time
// (issue 14: the action plan)

/// Open actions over time as a step line: the count holds from one change to the next. The
/// axis is in whole actions; each point's date is written under it (the first, the last and,
/// when they fit, those between). Drawn once for the app (SVG) and the PDF.
pub fn draw_open_actions<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[csirt_scoring::OpenPoint],
    unit: f64,
    lang: Lang,
) -> DrawResult<DB::ErrorType> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let (left, right) = (26.0 * unit, w - 10.0 * unit);
    let (top, bottom) = (14.0 * unit, h - 18.0 * unit);
    root.draw(&Text::new(
        labels::l(lang, "未完了の対策の数", "Open actions").to_string(),
        (left as i32, (2.0 * unit) as i32),
        style(6.5 * unit, INK, HPos::Left, VPos::Top, true),
    ))?;
    if points.is_empty() {
        root.draw(&Text::new(
            labels::l(lang, "まだ対策がありません", "No actions yet").to_string(),
            (((left + right) / 2.0) as i32, ((top + bottom) / 2.0) as i32),
            style(7.0 * unit, MUTED, HPos::Center, VPos::Center, false),
        ))?;
        return Ok(());
    }
    let max = points.iter().map(|p| p.open).max().unwrap_or(0).max(1);
    let n = points.len();
    let x_at = |i: usize| {
        if n == 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * i as f64 / (n - 1) as f64
        }
    };
    let y_at = |v: usize| bottom - (bottom - top) * v as f64 / max as f64;
    let grid = ShapeStyle::from(&GRID).stroke_width((0.6 * unit).max(1.0) as u32);
    let step = max.div_ceil(4).max(1);
    for v in (0..=max).step_by(step) {
        let y = y_at(v).round() as i32;
        root.draw(&PathElement::new(
            vec![(left as i32, y), (right as i32, y)],
            grid,
        ))?;
        root.draw(&Text::new(
            v.to_string(),
            ((left - 4.0 * unit) as i32, y),
            style(6.0 * unit, MUTED, HPos::Right, VPos::Center, false),
        ))?;
    }
    // Dates: every point when they fit, else the first, the last and every k-th between.
    let room = ((right - left) / (48.0 * unit)).max(1.0) as usize;
    let every = n.div_ceil(room).max(1);
    for (i, p) in points.iter().enumerate() {
        if i % every == 0 || i == n - 1 {
            root.draw(&Text::new(
                p.date.clone(),
                (x_at(i).round() as i32, (bottom + 4.0 * unit) as i32),
                style(6.0 * unit, INK, HPos::Center, VPos::Top, false),
            ))?;
        }
    }
    let mut path = Vec::with_capacity(2 * n);
    for (i, p) in points.iter().enumerate() {
        let (x, y) = (x_at(i).round() as i32, y_at(p.open).round() as i32);
        if let Some(&(_, prev_y)) = path.last() {
            path.push((x, prev_y));
        }
        path.push((x, y));
    }
    let line = ShapeStyle::from(&INK).stroke_width((1.6 * unit) as u32);
    if path.len() > 1 {
        root.draw(&PathElement::new(path, line))?;
    }
    let d = (1.8 * unit) as i32;
    for (i, p) in points.iter().enumerate() {
        let (x, y) = (x_at(i).round() as i32, y_at(p.open).round() as i32);
        root.draw(&Rectangle::new(
            [(x - d, y - d), (x + d, y + d)],
            INK.filled(),
        ))?;
        root.draw(&Text::new(
            p.open.to_string(),
            (x, y - d - (2.0 * unit) as i32),
            style(6.0 * unit, INK, HPos::Center, VPos::Bottom, false),
        ))?;
    }
    Ok(())
}

/// The open-actions chart as SVG, for the app's Action plan screen.
pub fn open_actions_svg(points: &[csirt_scoring::OpenPoint], lang: Lang) -> String {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 220)).into_drawing_area();
        let _ = draw_open_actions(&root, points, 1.6, lang);
        let _ = root.present();
    }
    svg
}

/// The open-actions chart in a region of a PDF page.
pub fn open_actions_pdf(
    canvas: &mut Canvas,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    points: &[csirt_scoring::OpenPoint],
    lang: Lang,
) {
    let root = PdfBackend::new(canvas, x, y, w, h).into_drawing_area();
    let _ = draw_open_actions(&root, points, f64::from(crate::canvas::CHART_SCALE), lang);
}

#[cfg(test)]
mod open_actions_tests {
    use super::*;

    #[test]
    fn the_chart_names_its_axis_and_every_count_in_both_languages() {
        let points: Vec<csirt_scoring::OpenPoint> =
            [("2026-01-10", 3), ("2026-02-01", 2), ("2026-03-01", 0)]
                .into_iter()
                .map(|(d, n)| csirt_scoring::OpenPoint {
                    date: d.into(),
                    open: n,
                })
                .collect();
        let en = open_actions_svg(&points, Lang::En);
        assert!(en.starts_with("<svg"), "{en}");
        assert!(
            en.contains("Open actions") && en.contains("2026-01-10") && en.contains("2026-03-01")
        );
        let ja = open_actions_svg(&points, Lang::Ja);
        assert!(ja.contains("未完了の対策の数"));
        assert!(open_actions_svg(&[], Lang::En).contains("No actions yet"));
    }
}
