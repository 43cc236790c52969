//! Trend across re-assessments of one organisation: scores per area and set-up item over time,
//! and which items improved or regressed since the previous assessment.

use crate::ScoreReport;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<f64>,
    /// Area id and score, in questionnaire order.
    pub areas: Vec<(String, Option<f64>)>,
    /// Set-up item id and score, in questionnaire order.
    pub setup_items: Vec<(String, Option<f64>)>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemChange {
    pub item: String,
    pub from_key: String,
    pub to_key: String,
    pub from_score: f64,
    pub to_score: f64,
    pub delta: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// Oldest first.
    pub points: Vec<TrendPoint>,
    /// Between the last two assessments, largest change first.
    pub improved: Vec<ItemChange>,
    pub regressed: Vec<ItemChange>,
}

/// The trend over several scored assessments of the same organisation, in any order (they are
/// sorted by date). Items answered in only one of the last two assessments are not compared.
pub fn trend(reports: &[&ScoreReport]) -> Trend {
    let mut sorted: Vec<&ScoreReport> = reports.to_vec();
    // By the calendar (the model's dates), not by the text; a date that is not a real day
    // (stored before dates were checked) or none comes last.
    sorted.sort_by_key(|r| {
        let day = r
            .date
            .as_deref()
            .and_then(|d| csirt_model::date::parse_date(d).ok());
        (day.is_none(), day)
    });
    let points = sorted
        .iter()
        .map(|r| TrendPoint {
            date: r.date.clone().unwrap_or_default(),
            overall: r.overall,
            areas: r.areas.iter().map(|a| (a.id.clone(), a.score)).collect(),
            setup_items: r
                .setup_items
                .iter()
                .map(|s| (s.id.clone(), s.score))
                .collect(),
        })
        .collect();
    let (mut improved, mut regressed) = (Vec::new(), Vec::new());
    if let [.., before, after] = sorted.as_slice() {
        for now in &after.items {
            let Some(then) = before.item(&now.id) else {
                continue;
            };
            let (Some(a), Some(b)) = (then.score, now.score) else {
                continue;
            };
            let change = ItemChange {
                item: now.id.clone(),
                from_key: then.answer.clone().unwrap_or_default(),
                to_key: now.answer.clone().unwrap_or_default(),
                from_score: a,
                to_score: b,
                delta: crate::round1(b - a),
            };
            if b > a {
                improved.push(change);
            } else if b < a {
                regressed.push(change);
            }
        }
    }
    improved.sort_by(|a, b| b.delta.total_cmp(&a.delta));
    regressed.sort_by(|a, b| a.delta.total_cmp(&b.delta));
    Trend {
        points,
        improved,
        regressed,
    }
}
