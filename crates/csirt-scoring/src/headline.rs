//! What the overall score means, for the app's dashboard and the report's headline alike: the
//! SIM3 level it corresponds to and the change since the last assessment, each also as one
//! sentence in both languages.

use crate::TrendPoint;
use csirt_model::{bi, Questionnaire, Text};
use serde::Serialize;

/// The overall score with its meaning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<f64>,
    /// The SIM3 level (0–4) the overall score corresponds to: 25 points a level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sim3_level: Option<f64>,
    /// The SIM3 stage nearest that level, in words ("approved").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sim3_word: Option<Text>,
    /// The last assessment before this one: its date and overall score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<TrendPoint>,
    /// The change in points since `previous`, when both have an overall score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
    /// The SIM3 sentence, then the change sentence.
    pub lines: Vec<Text>,
}

/// The words of SIM3's 0–4 stages.
pub fn sim3_word(level: u32) -> Text {
    match level {
        0 => Text::new("設定されていない", "none"),
        1 => Text::new("目安がある", "implicit"),
        2 => Text::new("文書化されている", "documented"),
        3 => Text::new("承認されている", "approved"),
        _ => Text::new("監査されている", "audited"),
    }
}

/// The word for SIM3 stage `level` in the questionnaire's own terms: the short label of that
/// level on its first scale whose levels are exactly 0–4, each labelled (the `sim3` scale's
/// 「明示・内部」, jpcert-2015's five-level 「文書化」); [`sim3_word`]'s where it has none.
pub fn stage_word(q: &Questionnaire, level: u32) -> Text {
    let sim3_like = q
        .scales
        .iter()
        .find(|s| is_sim3_scale(s) && s.options.iter().all(|o| o.short.is_some()));
    sim3_like
        .and_then(|s| s.options.iter().find(|o| o.level == Some(level)))
        .and_then(|o| o.short.clone())
        .unwrap_or_else(|| sim3_word(level))
}

/// A scale of SIM3's five stages: exactly the levels 0–4.
fn is_sim3_scale(s: &csirt_model::questionnaire::Scale) -> bool {
    let mut levels: Vec<u32> = s.options.iter().filter_map(|o| o.level).collect();
    levels.sort_unstable();
    levels == [0, 1, 2, 3, 4] && s.options.len() == 5
}

/// The headline of an assessment of `q` scored `overall`, with `points` the organisation's
/// trend up to and including it (oldest first; the last point is this assessment).
pub fn headline(q: &Questionnaire, overall: Option<f64>, points: &[TrendPoint]) -> Headline {
    let mut lines = Vec::new();
    // The SIM3 level is claimed only for a questionnaire answered on SIM3's stages (a scale
    // of levels 0–4); a staffing questionnaire's in-house/vendor answers are no SIM3 stage.
    let on_sim3 = q.scales.iter().any(is_sim3_scale);
    let (sim3_level, sim3_word) = match overall.filter(|_| on_sim3) {
        Some(o) => {
            let level = o / 25.0;
            let word = stage_word(q, level.round().clamp(0.0, 4.0) as u32);
            let (wj, we) = (word.ja.clone(), word.en.clone());
            let l = format!("{level:.1}");
            lines.push(bi!(
                "SIM3 の 0〜4 の段階ではレベル {l} に相当し、「{wj}」の段階に最も近い水準です。",
                "Corresponds to SIM3 level {l} of 4, nearest the “{we}” stage."
            ));
            (Some(level), Some(word))
        }
        None => (None, None),
    };
    let previous = match points {
        [.., before, _now] => Some(before.clone()),
        _ => None,
    };
    let change = match (&previous, overall) {
        (Some(p), Some(now)) => p.overall.map(|b| now - b),
        _ => None,
    };
    lines.push(match (&previous, change) {
        (Some(p), Some(d)) => {
            let date = &p.date;
            let then = p.overall.map(|b| format!("{b:.0}")).unwrap_or_default();
            let d = format!("{d:+.0}");
            bi!(
                "前回の評価 ({date}、{then}) から {d} ポイントです。",
                "{d} points since the last assessment ({date}: {then})."
            )
        }
        (Some(_), None) => bi!(
            "前回の評価とは総合スコアを比べられません。",
            "The overall score cannot be compared with the last assessment."
        ),
        (None, _) => bi!(
            "比べられる前回の評価はありません。",
            "No earlier assessment to compare with."
        ),
    });
    Headline {
        overall,
        sim3_level,
        sim3_word,
        previous,
        change,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(date: &str, overall: Option<f64>) -> TrendPoint {
        TrendPoint {
            date: date.into(),
            overall,
            areas: Vec::new(),
            setup_items: Vec::new(),
        }
    }

    #[test]
    fn the_level_and_the_change_are_named() {
        let q = csirt_model::builtin().unwrap().questionnaire;
        let h = headline(
            &q,
            Some(49.8),
            &[
                point("2025-11-01", Some(41.0)),
                point("2026-11-29", Some(49.8)),
            ],
        );
        assert_eq!(h.sim3_level, Some(49.8 / 25.0));
        assert_eq!(h.sim3_word.as_ref().unwrap().en, "documented");
        assert!((h.change.unwrap() - 8.8).abs() < 1e-9);
        assert_eq!(h.lines.len(), 2);
        assert_eq!(
            h.lines[0].en,
            "Corresponds to SIM3 level 2.0 of 4, nearest the “documented” stage."
        );
        assert_eq!(
            h.lines[1].ja,
            "前回の評価 (2025-11-01、41) から +9 ポイントです。"
        );
    }

    #[test]
    fn without_a_score_or_a_previous_assessment_it_says_so() {
        let q = csirt_model::builtin().unwrap().questionnaire;
        let h = headline(&q, None, &[point("2026-11-29", None)]);
        assert_eq!(h.sim3_level, None);
        assert_eq!(h.previous, None);
        assert_eq!(h.lines.len(), 1);
        assert_eq!(h.lines[0].en, "No earlier assessment to compare with.");
        let h = headline(
            &q,
            Some(80.0),
            &[point("2025-01-01", None), point("2026-01-01", Some(80.0))],
        );
        assert_eq!(h.change, None);
        assert_eq!(h.sim3_word.unwrap().ja, "承認");
    }

    #[test]
    fn the_stage_is_named_in_the_questionnaires_own_words() {
        let sim3 = csirt_model::load::builtin_set("sim3")
            .unwrap()
            .questionnaire;
        let h = headline(&sim3, Some(45.4), &[point("2026-04-01", Some(45.4))]);
        assert_eq!(h.sim3_word.as_ref().unwrap().ja, "明示・内部");
        assert!(
            h.lines[0].ja.contains("「明示・内部」"),
            "{}",
            h.lines[0].ja
        );
        // A questionnaire without a 0–4 scale falls back to SIM3's own words.
        let roles = csirt_model::load::builtin_set("csirt-roles")
            .unwrap()
            .questionnaire;
        assert_eq!(stage_word(&roles, 2), sim3_word(2));
    }
}
