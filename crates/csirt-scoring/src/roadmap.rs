//! The roadmap: gaps grouped into now / next six months / next year, by priority and by the
//! order the survey implies (an item's `after` list: e.g. escalation rules before statistics).

use crate::ScoreReport;
use csirt_model::{Questionnaire, Text};
use serde::Serialize;
use std::collections::HashMap;

/// Gaps ranked this high start now; the next ones within six months.
pub const NOW_RANKS: usize = 5;
pub const SIX_MONTH_RANKS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Now,
    NextSixMonths,
    NextYear,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Now, Phase::NextSixMonths, Phase::NextYear];

    pub fn label(self) -> Text {
        match self {
            Phase::Now => Text::new("今すぐ", "Now"),
            Phase::NextSixMonths => Text::new("6 か月以内", "Next 6 months"),
            Phase::NextYear => Text::new("1 年以内", "Next year"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RoadmapEntry {
    pub item: String,
    pub rank: usize,
    pub priority: f64,
    pub phase: Phase,
    /// Gaps among this item's prerequisites, which the roadmap puts first.
    pub prerequisites: Vec<String>,
    /// True when the item was pulled forward because a more urgent gap depends on it.
    pub pulled_forward: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Roadmap {
    pub entries: Vec<RoadmapEntry>,
}

impl Roadmap {
    pub fn phase(&self, phase: Phase) -> impl Iterator<Item = &RoadmapEntry> {
        self.entries.iter().filter(move |e| e.phase == phase)
    }
}

fn base_phase(rank: usize) -> Phase {
    if rank <= NOW_RANKS {
        Phase::Now
    } else if rank <= SIX_MONTH_RANKS {
        Phase::NextSixMonths
    } else {
        Phase::NextYear
    }
}

/// Builds the roadmap from the report's ordered gaps.
pub fn roadmap(q: &Questionnaire, report: &ScoreReport) -> Roadmap {
    let rank_of: HashMap<&str, usize> = report
        .gaps
        .iter()
        .map(|g| (g.item.as_str(), g.rank))
        .collect();
    let mut phase: HashMap<&str, Phase> = report
        .gaps
        .iter()
        .map(|g| (g.item.as_str(), base_phase(g.rank)))
        .collect();
    let prerequisites = |id: &str| -> Vec<&str> {
        q.item(id)
            .map(|i| {
                i.after
                    .iter()
                    .map(String::as_str)
                    .filter(|d| rank_of.contains_key(d))
                    .collect()
            })
            .unwrap_or_default()
    };
    // Pull prerequisites forward to the phase of the gap that needs them, until nothing moves.
    let mut moved = true;
    let mut pulled: Vec<&str> = Vec::new();
    while moved {
        moved = false;
        for g in &report.gaps {
            let p = phase[g.item.as_str()];
            for d in prerequisites(&g.item) {
                if phase[d] > p {
                    phase.insert(d, p);
                    pulled.push(d);
                    moved = true;
                }
            }
        }
    }
    // Within a phase: prerequisites first, then by rank.
    let depth = |id: &str| -> usize {
        let mut depth = 0;
        let mut frontier = vec![id];
        let mut guard = 0;
        while let Some(cur) = frontier.pop() {
            guard += 1;
            if guard > 1000 {
                break;
            }
            let deps: Vec<&str> = prerequisites(cur)
                .into_iter()
                .filter(|d| phase[*d] == phase[id])
                .collect();
            if !deps.is_empty() {
                depth += 1;
                frontier.extend(deps);
            }
        }
        depth
    };
    let mut entries: Vec<RoadmapEntry> = report
        .gaps
        .iter()
        .map(|g| RoadmapEntry {
            item: g.item.clone(),
            rank: g.rank,
            priority: g.priority,
            phase: phase[g.item.as_str()],
            prerequisites: prerequisites(&g.item)
                .into_iter()
                .map(str::to_string)
                .collect(),
            pulled_forward: pulled.contains(&g.item.as_str()),
        })
        .collect();
    entries.sort_by_key(|e| (e.phase, depth(&e.item), e.rank));
    Roadmap { entries }
}
