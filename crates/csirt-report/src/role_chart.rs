//! The role-coverage chart: one row per staffing role, a bar as long as the role's coverage
//! score in the colour of who covers it, and the coverage and head count in words beside it
//! (colour is never the only cue). Drawn once through plotters, as SVG and into the PDF.

use crate::canvas::{Canvas, PdfBackend};
use crate::charts::{register_fonts, style, DrawResult, GRID, INK, MUTED, ORG};
use csirt_model::{Lang, Text};
use csirt_scoring::{Coverage, Staffing};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea, Rectangle, SVGBackend};
use plotters::prelude::{RGBColor, Text as PText};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, ShapeStyle};
use serde::Serialize;

const VENDOR: RGBColor = RGBColor(0x0f, 0x76, 0x6e);
const NONE: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);

/// One role's row.
#[derive(Debug, Clone, Serialize)]
pub struct RoleBar {
    /// The role's name.
    pub label: String,
    pub coverage: Coverage,
    /// The coverage score 0–100; `None` when unanswered.
    pub score: Option<f64>,
    /// Who covers it and how many people, in words ("In-house · 2 people").
    pub text: String,
}

/// The rows of the chart, in the questionnaire's order, in `lang`.
pub fn role_bars(staffing: &Staffing, lang: Lang) -> Vec<RoleBar> {
    staffing
        .roles
        .iter()
        .map(|r| {
            let who = r.coverage.label().get(lang).to_string();
            let text = match r.headcount {
                Some(n) if n > 0.0 => {
                    let people = people(n, lang);
                    format!("{who} · {people}")
                }
                _ => who,
            };
            RoleBar {
                label: r.name.get(lang).to_string(),
                coverage: r.coverage,
                score: r.score,
                text,
            }
        })
        .collect()
}

/// A head count in words ("2 人", "2 people").
pub fn people(n: f64, lang: Lang) -> String {
    let t = if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    };
    let text: Text = if n == 1.0 {
        csirt_model::bi!("{t} 人", "{t} person")
    } else {
        csirt_model::bi!("{t} 人", "{t} people")
    };
    text.get(lang).to_string()
}

/// The staffing in a few sentences: how many roles are covered and how, how many are not, and
/// the own staff's head count (shown, not scored). The report and the app say the same.
pub fn staffing_summary(s: &Staffing, lang: Lang) -> String {
    let total = s.roles.len();
    let count = |c: Coverage| s.roles.iter().filter(|r| r.coverage == c).count();
    let (own, vendor, both) = (
        count(Coverage::InHouse),
        count(Coverage::Vendor),
        count(Coverage::Both),
    );
    let (covered, uncovered, unanswered) = (s.covered, s.uncovered, s.unanswered);
    let heads = people(s.people, lang);
    let mut text = match lang {
        Lang::Ja => format!(
            "{total} の役割のうち、自組織 {own}、ベンダー {vendor}、両方 {both} の計 {covered} の役割を担う人がいます。担う人がいない役割は {uncovered} です。自組織の担当者は延べ {heads}です。兼務を含み、一人が複数の役割を担えば重ねて数えます。"
        ),
        Lang::En => format!(
            "Of {total} roles, {covered} are covered ({own} in-house, {vendor} by a vendor, {both} by both) and {uncovered} are not. Own staff add up to {heads} (part-time included; a person holding two roles counts twice)."
        ),
    };
    if unanswered > 0 {
        text.push_str(&match lang {
            Lang::Ja => format!("{unanswered} の役割は未回答です。"),
            Lang::En => format!(" {unanswered} roles are unanswered."),
        });
    }
    text
}

fn colour(c: Coverage) -> RGBColor {
    match c {
        Coverage::InHouse | Coverage::Both => ORG,
        Coverage::Vendor => VENDOR,
        Coverage::None | Coverage::Unanswered => NONE,
    }
}

/// Height in points a chart of `rows` roles needs.
pub fn role_chart_height(rows: usize) -> f32 {
    rows as f32 * 13.0 + 4.0
}

/// Draws the rows: name, a track with the bar (both-covered bars half filled in the vendor's
/// colour), and the words.
pub fn draw_roles<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bars: &[RoleBar],
    unit: f64,
) -> DrawResult<DB::ErrorType> {
    let (w, _) = root.dim_in_pixel();
    let w = f64::from(w);
    let label_w = 120.0 * unit;
    let text_w = 130.0 * unit;
    let plot_w = (w - label_w - text_w).max(10.0);
    let row_h = 13.0 * unit;
    let bar_h = 8.0 * unit;
    let x_at = |v: f64| (label_w + plot_w * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    for (i, b) in bars.iter().enumerate() {
        let top = i as f64 * row_h + (row_h - bar_h) / 2.0;
        let (y0, y1) = (top.round() as i32, (top + bar_h).round() as i32);
        root.draw(&Rectangle::new(
            [(x_at(0.0), y0), (x_at(100.0), y1)],
            GRID.mix(0.5).filled(),
        ))?;
        let score = b.score.unwrap_or(0.0);
        if score > 0.0 {
            root.draw(&Rectangle::new(
                [(x_at(0.0), y0), (x_at(score), y1)],
                colour(b.coverage).filled(),
            ))?;
            if b.coverage == Coverage::Both {
                // Own staff and a vendor: the lower half in the vendor's colour.
                let mid = (y0 + y1) / 2;
                root.draw(&Rectangle::new(
                    [(x_at(0.0), mid), (x_at(score), y1)],
                    VENDOR.filled(),
                ))?;
            }
        } else if b.coverage == Coverage::None {
            root.draw(&Rectangle::new(
                [(x_at(0.0), y0), (x_at(100.0), y1)],
                ShapeStyle::from(&NONE).stroke_width((0.8 * unit).max(1.0) as u32),
            ))?;
        }
        let cy = (top + bar_h / 2.0).round() as i32;
        root.draw(&PText::new(
            b.label.clone(),
            (0, cy),
            style(7.0 * unit, INK, HPos::Left, VPos::Center, true),
        ))?;
        let ink = if b.coverage.is_covered() { INK } else { NONE };
        let ink = if b.coverage == Coverage::Unanswered {
            MUTED
        } else {
            ink
        };
        root.draw(&PText::new(
            b.text.clone(),
            ((label_w + plot_w + 4.0 * unit).round() as i32, cy),
            style(7.0 * unit, ink, HPos::Left, VPos::Center, false),
        ))?;
    }
    Ok(())
}

/// The chart as a standalone SVG document, for the app and the HTML report.
pub fn roles_svg(bars: &[RoleBar]) -> String {
    register_fonts();
    let mut svg = String::new();
    {
        let h = (role_chart_height(bars.len()) * 1.6) as u32;
        let root = SVGBackend::with_string(&mut svg, (760, h.max(20))).into_drawing_area();
        // Drawing into a string cannot fail; a failure would leave an empty chart, not a crash.
        let _ = draw_roles(&root, bars, 1.6);
        let _ = root.present();
    }
    svg
}

/// Draws the chart into a region of a PDF page.
pub fn roles_pdf(canvas: &mut Canvas, x: f32, y: f32, w: f32, bars: &[RoleBar]) {
    let h = role_chart_height(bars.len());
    let root = PdfBackend::new(canvas, x, y, w, h).into_drawing_area();
    let _ = draw_roles(&root, bars, f64::from(crate::canvas::CHART_SCALE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_says_who_covers_it_in_words() {
        let bars = vec![
            RoleBar {
                label: "Commander".into(),
                coverage: Coverage::InHouse,
                score: Some(100.0),
                text: "In-house · 1 person".into(),
            },
            RoleBar {
                label: "Legal adviser".into(),
                coverage: Coverage::None,
                score: Some(0.0),
                text: "Not covered".into(),
            },
        ];
        let svg = roles_svg(&bars);
        assert!(svg.starts_with("<svg"));
        for t in [
            "Commander",
            "In-house · 1 person",
            "Legal adviser",
            "Not covered",
        ] {
            assert!(svg.contains(t), "{t} missing");
        }
        assert_eq!(people(1.0, Lang::En), "1 person");
        assert_eq!(people(3.0, Lang::Ja), "3 人");
    }
}
