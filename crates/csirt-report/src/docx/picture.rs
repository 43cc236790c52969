//! The DOCX's charts as pictures: the figure drawn as SVG by the same chart code as the PDF and
//! the app (`charts::figure_svg`), rasterised with resvg at print resolution, the embedded font
//! included so Japanese labels render.

use crate::charts;
use crate::fonts;
use crate::model::Figure;
use crate::ReportError;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// Pixels per inch of every chart picture at its printed size.
pub const DPI: f64 = 216.0;

/// A chart ready to be placed: PNG bytes, pixel size and printed size in points.
pub struct Picture {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
    pub width_pt: f64,
    pub height_pt: f64,
}

/// The embedded faces, loaded once per process into the font database resvg resolves text with.
fn font_db() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for bytes in [fonts::REGULAR_TTF, fonts::BOLD_TTF] {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(bytes)));
        }
        db.set_sans_serif_family(fonts::FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The figure as a PNG at `DPI` dots per inch of its printed size, on white.
pub fn render(figure: &Figure) -> Result<Picture, ReportError> {
    let unit = DPI / 72.0;
    let (width_pt, height_pt) = figure_size(figure);
    let svg = figure_svg(figure, unit);
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_string(),
        fontdb: font_db(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options)
        .map_err(|e| ReportError::Docx(format!("chart: {e}")))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ReportError::Docx("chart: empty picture".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .map_err(|e| ReportError::Docx(format!("chart: {e}")))?;
    Ok(Picture {
        png,
        width_px: size.width(),
        height_px: size.height(),
        width_pt,
        height_pt,
    })
}

/// A figure's printed size in points (width, height): the PDF's sizes, the standing bars and
/// the trend across the text width.
pub fn figure_size(figure: &Figure) -> (f64, f64) {
    match figure {
        Figure::Radar { .. } => (300.0, 276.0),
        Figure::Standing { bars, .. } => (480.0, f64::from(charts::standing_height(bars.len()))),
        Figure::Trend(_) => (480.0, 190.0),
        Figure::RoleCoverage { bars, .. } => (
            480.0,
            f64::from(crate::role_chart::role_chart_height(bars.len())),
        ),
        Figure::OpenActions { .. } => (480.0, 150.0),
    }
}

/// The figure as an SVG document of its printed size times `unit` pixels per point, drawn by
/// the chart functions the PDF and the app use.
pub fn figure_svg(figure: &Figure, unit: f64) -> String {
    let (w, h) = figure_size(figure);
    let size = (
        (w * unit).round() as u32,
        (h * unit).round().max(1.0) as u32,
    );
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        // Drawing into a string cannot fail; a failure would leave an empty chart, not a crash.
        let _ = match figure {
            Figure::Radar { axes, legend, .. } => charts::draw_radar(&root, axes, unit, legend),
            Figure::Standing { bars, .. } => charts::draw_standing(&root, bars, unit),
            Figure::Trend(chart) => charts::draw_trend(&root, chart, unit),
            Figure::RoleCoverage { bars, .. } => crate::role_chart::draw_roles(&root, bars, unit),
            Figure::OpenActions { points, lang, .. } => {
                charts::draw_open_actions(&root, points, unit, *lang)
            }
        };
        let _ = root.present();
    }
    svg
}
