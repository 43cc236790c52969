//! Prefilling: answers for a target questionnaire derived from an assessment of another one,
//! through the source items' parameter references (`sim3 = ["O-7"]` on a JPCERT item informs
//! the SIM3 item `O-7`). Pure and generic: no questionnaire id is named here.
//!
//! Each source item's level is normalised by its own top level; when several source items
//! inform one target item, the lowest normalised level wins (conservative), and the target
//! option is the highest level on the target's scale that does not exceed it. Every proposal
//! names the source items it used and says why, in both languages.

use csirt_model::{bi, Assessment, Item, Questionnaire, Text};
use serde::Serialize;

/// One proposed answer: the target item, the option key proposed, the source items it was
/// derived from (in the source questionnaire's order) and why, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Derived {
    pub item: String,
    pub key: String,
    pub from: Vec<String>,
    pub why: Text,
}

/// A scored, answered source item: its id, its level and its top level.
struct SourceLevel<'a> {
    item: &'a Item,
    key: &'a str,
    level: u32,
    max: u32,
}

/// The answers `source_a` (an assessment of `source_q`) informs in `target`, in the target's
/// item order. Only scored target items whose id a scored, answered source item refers to get
/// a proposal; the rest get nothing.
pub fn propose(
    source_q: &Questionnaire,
    source_a: &Assessment,
    target: &Questionnaire,
) -> Vec<Derived> {
    let sources: Vec<SourceLevel> = source_q
        .scored_items()
        .filter(|i| !i.sim3.is_empty())
        .filter_map(|item| {
            let key = source_a.answers.get(&item.id)?.as_str()?;
            let level = item.level_of_key(key)?;
            let max = item.max_level().filter(|m| *m > 0)?;
            Some(SourceLevel {
                item,
                key,
                level,
                max,
            })
        })
        .collect();
    let title = &source_q.title;
    target
        .scored_items()
        .filter_map(|t| {
            let informing: Vec<&SourceLevel> = sources
                .iter()
                .filter(|s| s.item.sim3.contains(&t.id))
                .collect();
            if informing.is_empty() {
                return None;
            }
            let t_max = t.max_level()?;
            // The highest target level L with L / t_max ≤ level / max for every source, in
            // integers so no rounding can lift it; the first option of that level.
            let fits = |l: u32| {
                informing.iter().all(|s| {
                    u64::from(l) * u64::from(s.max) <= u64::from(s.level) * u64::from(t_max)
                })
            };
            let (key, _) = t
                .levelled_keys()
                .into_iter()
                .filter(|(_, l)| fits(*l))
                .fold(None::<(String, u32)>, |best, (k, l)| match best {
                    Some((_, bl)) if bl >= l => best,
                    _ => Some((k, l)),
                })?;
            Some(Derived {
                item: t.id.clone(),
                key,
                from: informing.iter().map(|s| s.item.id.clone()).collect(),
                why: why(title, &informing),
            })
        })
        .collect()
}

/// "derived from the 2015 questionnaire: 4.1 approved, 4.2 implicit → lowest".
fn why(title: &Text, informing: &[&SourceLevel]) -> Text {
    let part = |s: &SourceLevel, lang: csirt_model::Lang| {
        let label = s
            .item
            .option(s.key)
            .map(|o| o.short.as_ref().unwrap_or(&o.text).get(lang).to_string())
            .unwrap_or_else(|| s.key.to_string());
        format!("{} {label}", s.item.id)
    };
    let ja_parts = informing
        .iter()
        .map(|s| part(s, csirt_model::Lang::Ja))
        .collect::<Vec<_>>()
        .join("、");
    let en_parts = informing
        .iter()
        .map(|s| part(s, csirt_model::Lang::En))
        .collect::<Vec<_>>()
        .join(", ");
    let (tja, ten) = (&title.ja, &title.en);
    if informing.len() > 1 {
        bi!(
            "{tja}から導出: {ja_parts} → 最も低い水準",
            "derived from {ten}: {en_parts} → lowest"
        )
    } else {
        bi!(
            "{tja}から導出: {ja_parts}",
            "derived from {ten}: {en_parts}"
        )
    }
}

#[cfg(test)]
mod tests;
