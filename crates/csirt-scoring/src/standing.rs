//! Where an answer stands among the surveyed teams, computed only from what the source gives.
//!
//! A figure may be exact for every option, exact only for a group of options ("77 % documented"),
//! or a sentence ("about 30 %"). Each yields an interval: the share of teams certainly at or
//! above a level (low) and the share that could be (high). Nothing is interpolated.

use crate::round1;
use csirt_model::{Benchmark, Bound, Figure, Group, Item, Precision};
use serde::Serialize;

/// A share of the surveyed teams, in percent, as an interval. `low == high` when exact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub low: f64,
    pub high: f64,
}

impl Share {
    pub fn width(&self) -> f64 {
        self.high - self.low
    }

    pub fn midpoint(&self) -> f64 {
        (self.low + self.high) / 2.0
    }
}

/// A share together with where it comes from and how exact it is.
#[derive(Debug, Clone, Serialize)]
pub struct Standing {
    pub at_or_above: Share,
    pub precision: Precision,
    pub source: String,
    /// The survey's sentence, for narrative figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<csirt_model::Text>,
}

/// A figure's value for one group as an interval of percent, or `None` for a qualitative one.
fn group_interval(fig: &Figure, value: &csirt_model::benchmark::FigureValue) -> Option<Share> {
    let p = fig.percent(value);
    match fig.bound {
        None | Some(Bound::About) => Some(Share { low: p, high: p }),
        Some(Bound::AtLeast) | Some(Bound::MoreThan) => Some(Share {
            low: p,
            high: 100.0,
        }),
        Some(Bound::LessThan) => Some(Share { low: 0.0, high: p }),
        Some(Bound::Qualitative) => None,
    }
}

/// The levels of a group's answer keys; `None` when a key has no level (an "other" option).
/// Looks each key up on the item, without copying keys: pooled benchmarks give every scored
/// item an exact figure, so this runs for every level of every item.
fn group_levels(group: &Group, item: &Item) -> Option<Vec<u32>> {
    let levels: Option<Vec<u32>> = match group {
        Group::Unanswered => None,
        Group::Options(keys) => keys.iter().map(|k| item.level_of_key(k)).collect(),
        Group::Provided => csirt_model::ServiceAnswer::ALL
            .iter()
            .filter(|a| a.provided())
            .map(|a| item.level_of_key(a.key()))
            .collect(),
    };
    levels.filter(|v| !v.is_empty())
}

fn at_or_above_in(item: &Item, fig: &Figure, level: u32) -> Option<Share> {
    if fig.bound == Some(Bound::Qualitative) || fig.values.is_empty() {
        return None;
    }
    let (mut sure_above, mut sure_below) = (0.0, 0.0);
    for v in &fig.values {
        let (Some(ls), Some(iv)) = (group_levels(&v.group, item), group_interval(fig, v)) else {
            continue;
        };
        if ls.iter().all(|&l| l >= level) {
            sure_above += iv.low;
        } else if ls.iter().all(|&l| l < level) {
            sure_below += iv.low;
        }
    }
    let low = sure_above.clamp(0.0, 100.0);
    let high = (100.0 - sure_below).clamp(low, 100.0);
    Some(Share {
        low: round1(low),
        high: round1(high),
    })
}

/// Picks the tightest interval among the item's figures; exact figures win ties.
fn best<'a>(
    b: &'a Benchmark,
    item: &'a Item,
    f: impl Fn(&Figure) -> Option<Share>,
) -> Option<(Share, &'a Figure)> {
    let mut found: Option<(Share, &Figure)> = None;
    for fig in b.figures_for(&item.id) {
        let Some(s) = f(fig) else { continue };
        let better = match &found {
            None => true,
            Some((cur, cur_fig)) => {
                s.width() < cur.width() - 1e-9
                    || ((s.width() - cur.width()).abs() < 1e-9
                        && fig.precision.is_exact()
                        && !cur_fig.precision.is_exact())
            }
        };
        if better {
            found = Some((s, fig));
        }
    }
    found
}

/// Share of the surveyed teams at or above `level` on this item, when the benchmark can tell.
pub fn at_or_above(item: &Item, b: &Benchmark, level: u32) -> Option<Standing> {
    let lowest = item.levelled_keys().iter().map(|(_, l)| *l).min()?;
    if level <= lowest {
        // Every team is at or above the bottom of the scale; the source needs to say nothing.
        let fig = b.figures_for(&item.id).next()?;
        return Some(Standing {
            at_or_above: Share {
                low: 100.0,
                high: 100.0,
            },
            precision: fig.precision,
            source: fig.source.clone(),
            quote: None,
        });
    }
    let (share, fig) = best(b, item, |fig| at_or_above_in(item, fig, level))?;
    if share.width() >= 99.9 {
        return None;
    }
    Some(Standing {
        at_or_above: share,
        precision: fig.precision,
        source: fig.source.clone(),
        quote: fig.quote.clone(),
    })
}

/// The highest level that at least half of the surveyed teams certainly reach.
pub fn common_practice_level(item: &Item, b: &Benchmark) -> Option<u32> {
    let mut levels: Vec<u32> = item.levelled_keys().iter().map(|(_, l)| *l).collect();
    levels.sort_unstable();
    levels.dedup();
    let lowest = *levels.first()?;
    levels
        .into_iter()
        .rev()
        .filter(|&l| l > lowest)
        .find(|&l| at_or_above(item, b, l).is_some_and(|s| s.at_or_above.low >= 50.0))
}

fn expected_in(item: &Item, fig: &Figure) -> Option<Share> {
    if fig.bound == Some(Bound::Qualitative) || fig.values.is_empty() {
        return None;
    }
    let max = f64::from(item.max_level()?);
    if max <= 0.0 {
        return None;
    }
    let (mut low, mut high, mut pinned) = (0.0, 0.0, 0.0);
    for v in &fig.values {
        let (Some(ls), Some(iv)) = (group_levels(&v.group, item), group_interval(fig, v)) else {
            continue;
        };
        let min_l = f64::from(*ls.iter().min()?);
        let max_l = f64::from(*ls.iter().max()?);
        low += iv.low * min_l / max;
        high += iv.low * max_l / max;
        pinned += iv.low;
    }
    high += (100.0 - pinned).max(0.0);
    Some(Share {
        low: round1(low.clamp(0.0, 100.0)),
        high: round1(high.clamp(0.0, 100.0)),
    })
}

/// The surveyed teams' mean score (0–100) on this item, as an interval; `None` when the source
/// leaves more than half of the scale open.
pub fn expected_score(item: &Item, b: &Benchmark) -> Option<Share> {
    let (share, _) = best(b, item, |fig| expected_in(item, fig))?;
    (share.width() <= 50.0).then_some(share)
}
