//! Trend across re-assessments of one organisation: scores per area and set-up item over time,
//! and which items improved or regressed since the previous assessment.

use crate::ScoreReport;
use csirt_model::{bi, Text};
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
    /// Set when the last two assessments answered different versions of the questionnaire:
    /// only the items present in both were compared, and this says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The trend over several scored assessments of the same organisation, in any order (they are
/// sorted by date). Only assessments of one questionnaire are compared: that of the latest
/// assessment; the others are left out (a trend never mixes questionnaires). Items are compared
/// by (questionnaire, item id); items answered in only one of the last two assessments, or
/// present in only one of their questionnaire versions, are not compared, and differing
/// versions are named in [`Trend::note`].
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
    // The questionnaire of the latest dated assessment (the last one when none is dated).
    let latest = sorted
        .iter()
        .rev()
        .find(|r| {
            r.date
                .as_deref()
                .is_some_and(|d| csirt_model::date::parse_date(d).is_ok())
        })
        .or(sorted.last())
        .map(|r| r.questionnaire.clone());
    sorted.retain(|r| Some(&r.questionnaire) == latest.as_ref());
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
    let mut note = None;
    if let [.., before, after] = sorted.as_slice() {
        if before.questionnaire_version != after.questionnaire_version {
            let (q, then, now) = (
                &after.questionnaire,
                &before.questionnaire_version,
                &after.questionnaire_version,
            );
            note = Some(bi!(
                "直近の 2 回の評価は質問票 {q} の異なる版（{then} と {now}）で回答されています。両方の版にある項目だけを比べています。",
                "The last two assessments answered different versions of questionnaire {q} ({then} and {now}); only the items present in both are compared."
            ));
        }
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
        note,
    }
}

/// The change of each score between the last two points of a trend, for the trend tables'
/// change column: the overall score, each area and each set-up item, in the trend's order.
/// A score missing at either point has no change (`None`); one point only gives no changes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TrendChanges {
    pub overall: Option<f64>,
    pub areas: Vec<(String, Option<f64>)>,
    pub setup_items: Vec<(String, Option<f64>)>,
}

/// See [`TrendChanges`]: the last point minus the one before it, rounded to one decimal.
pub fn trend_changes(trend: &Trend) -> TrendChanges {
    let change = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => Some(crate::round1(b - a)),
        _ => None,
    };
    let find = |list: &[(String, Option<f64>)], id: &str| {
        list.iter().find(|(i, _)| i == id).and_then(|(_, v)| *v)
    };
    match trend.points.as_slice() {
        [.., before, after] => TrendChanges {
            overall: change(before.overall, after.overall),
            areas: after
                .areas
                .iter()
                .map(|(id, v)| (id.clone(), change(find(&before.areas, id), *v)))
                .collect(),
            setup_items: after
                .setup_items
                .iter()
                .map(|(id, v)| (id.clone(), change(find(&before.setup_items, id), *v)))
                .collect(),
        },
        [only] => TrendChanges {
            overall: None,
            areas: only
                .areas
                .iter()
                .map(|(id, _)| (id.clone(), None))
                .collect(),
            setup_items: only
                .setup_items
                .iter()
                .map(|(id, _)| (id.clone(), None))
                .collect(),
        },
        [] => TrendChanges {
            overall: None,
            areas: Vec::new(),
            setup_items: Vec::new(),
        },
    }
}
