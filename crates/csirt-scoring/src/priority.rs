//! How a gap's size compares across scales (the share of the way to the target still to go)
//! and the one sentence that says why a gap ranks where it does (docs/scoring.md).

use crate::{round1, Standing};
use csirt_model::Text;

/// The share (0–100) of the way from the bottom of the scale (`lowest`) to the target that is
/// still to go from `level`.
pub fn distance_share(level: u32, target: u32, lowest: u32) -> f64 {
    if level >= target || target <= lowest {
        return 0.0;
    }
    round1(f64::from(target - level) / f64::from(target - lowest) * 100.0)
}

/// What a gap's sentence is made from.
pub(crate) struct WhyParts<'a> {
    pub share: f64,
    pub steps: u32,
    pub span: u32,
    pub peers: Option<&'a Standing>,
    /// Whether there is a benchmark at all: without one, the sentence says nothing of teams.
    pub benchmarked: bool,
    pub setup: Option<(&'a Text, f64)>,
    pub prerequisite_of: usize,
}

/// One sentence saying why a gap ranks where it does: how much of the way to the target is
/// left, how many surveyed teams reach it, the set-up item that weighs it, and how many later
/// gaps wait for it.
pub(crate) fn why_ranked(w: &WhyParts) -> Text {
    let (share, steps, span) = (w.share, w.steps, w.span);
    let mut parts = vec![if share >= 100.0 && span == 1 {
        csirt_model::bi!(
            "目標の水準にまったく達していません（残りは 1 段階です）",
            "the target practice is missing entirely (one step to go)"
        )
    } else if share >= 100.0 {
        csirt_model::bi!(
            "目標の水準にまったく達していません（{span} 段階すべてが残っています）",
            "the target practice is missing entirely (all {span} steps to go)"
        )
    } else {
        csirt_model::bi!(
            "目標までの道のりの {share:.0} % が残っています（{span} 段階中 {steps} 段階）",
            "{share:.0} % of the way to the target is still to go ({steps} of {span} steps)"
        )
    }];
    let teams = match w.peers.map(|p| &p.at_or_above) {
        Some(s) if (s.high - s.low).abs() < 0.05 => {
            let v = s.low;
            csirt_model::bi!(
                "比較対象の組織の {v:.0} % が既に達しています",
                "{v:.0} % of the benchmark's teams already reach it"
            )
        }
        Some(s) => {
            let (lo, hi) = (s.low, s.high);
            csirt_model::bi!(
                "比較対象の組織の {lo:.0}〜{hi:.0} % が既に達しています",
                "{lo:.0}–{hi:.0} % of the benchmark's teams already reach it"
            )
        }
        None => csirt_model::bi!(
            "達しているチームの割合は基準データからは分かりません",
            "the benchmark does not say how many teams reach it"
        ),
    };
    if w.benchmarked {
        parts.push(teams);
    }
    if let Some((name, weight)) = w.setup {
        let (ja, en) = (&name.ja, &name.en);
        parts.push(csirt_model::bi!(
            "「{ja}」の項目として {weight:.1} 倍に重み付けしています",
            "weighted {weight:.1}× as part of \"{en}\""
        ));
    }
    if w.prerequisite_of > 0 {
        let n = w.prerequisite_of;
        parts.push(if n == 1 {
            csirt_model::bi!(
                "後続の {n} 件のギャップの前提です",
                "a prerequisite of {n} later gap"
            )
        } else {
            csirt_model::bi!(
                "後続の {n} 件のギャップの前提です",
                "a prerequisite of {n} later gaps"
            )
        });
    }
    let ja: Vec<&str> = parts.iter().map(|t| t.ja.as_str()).collect();
    let en: Vec<&str> = parts.iter().map(|t| t.en.as_str()).collect();
    // Japanese: short です・ます sentences; English: one sentence, its parts joined by ";".
    Text::new(
        format!("{}。", ja.join("。")),
        capitalised(&format!("{}.", en.join("; "))),
    )
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
