//! Scoring: item levels, area and set-up-item scores, benchmark standing, targets and gaps.
//!
//! Every function here is pure: the same questionnaire, benchmark and answers give the same
//! report. The model is documented in `docs/scoring.md`.

mod headline;
mod peers;
mod plan;
pub mod prefill;
mod priority;
mod roadmap;
mod roles;
mod standing;
mod trend;
mod workshop;

pub use headline::{headline, sim3_word, Headline};
pub use peers::{nearest_peers, Closeness, PeerMatch, PeerPractice};
pub use plan::{
    action_view, closed_between, derive, levels_of, open_over_time, status_on, ActionFlag,
    ActionState, ActionView, Dated, Derived, Levels, OpenPoint,
};
pub use priority::distance_share;
pub use roadmap::{roadmap, Phase, Roadmap, RoadmapEntry};
pub use roles::{staffing, AdviceKind, Coverage, RoleAdvice, RoleCoverage, Staffing};
pub use standing::{at_or_above, common_practice_level, expected_score, Share, Standing};
pub use trend::{trend, trend_changes, ItemChange, Trend, TrendChanges, TrendPoint};
pub use workshop::{
    agreement_of, divergence, hidden, open_items, workshop_divergence, workshop_people,
    workshop_report, Agreement, Divergence, LevelSpread, RespondentAnswers, Spread,
};

use csirt_model::{Answer, Assessment, Benchmark, Item, Questionnaire, Text};
use serde::Serialize;

/// Readiness thresholds on the 0–100 scale, used for the traffic lights of the six set-up items.
pub const GREEN_FROM: f64 = 75.0;
pub const AMBER_FROM: f64 = 50.0;
/// SIM3 level 3 ("approved") as a share of the top level 4.
pub const SIM3_TARGET_SHARE: f64 = 0.75;

#[derive(Debug, thiserror::Error)]
pub enum ScoringError {
    #[error("the assessment is for questionnaire {found:?}, not {expected:?}")]
    WrongQuestionnaire { expected: String, found: String },
}

impl csirt_model::Localized for ScoringError {
    fn localized(&self, lang: csirt_model::Lang) -> String {
        match (self, lang) {
            (ScoringError::WrongQuestionnaire { expected, found }, csirt_model::Lang::Ja) => {
                format!("この評価は質問票 {found:?} のもので、{expected:?} のものではありません")
            }
            (e, csirt_model::Lang::En) => e.to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSource {
    /// The highest level at least half of the surveyed teams reach.
    CommonPractice,
    /// SIM3 level 3 ("approved"), for items mapped to a SIM3 parameter.
    Sim3,
    /// Neither applies: the item's top level.
    Highest,
    /// Set by the user.
    Override,
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub key: String,
    pub level: u32,
    pub score: f64,
    pub source: TargetSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    Green,
    Amber,
    Red,
    Unknown,
}

impl Readiness {
    pub fn of(score: Option<f64>) -> Readiness {
        match score {
            None => Readiness::Unknown,
            Some(s) if s >= GREEN_FROM => Readiness::Green,
            Some(s) if s >= AMBER_FROM => Readiness::Amber,
            Some(_) => Readiness::Red,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemScore {
    pub id: String,
    pub area: String,
    pub setup: Vec<String>,
    pub sim3: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    pub max_level: u32,
    /// The level normalised to 0–100; `None` when not answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Share of surveyed teams at or above this answer's level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    pub target: Target,
    /// Points (0–100) between the answer and the target; 0 when met, `None` when not answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaScore {
    pub id: String,
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    pub answered: usize,
    pub scored_items: usize,
    /// The surveyed teams' expected score on the same items, as a range where the source is
    /// not exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Share>,
    pub benchmark_items: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SetupScore {
    pub id: String,
    pub number: u32,
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    pub readiness: Readiness,
    pub answered: usize,
    pub scored_items: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub rank: usize,
    pub item: String,
    pub text: Text,
    pub area: String,
    pub setup: Vec<String>,
    pub current_key: String,
    pub current_level: u32,
    pub target_key: String,
    pub target_level: u32,
    pub max_level: u32,
    /// Points on the 0–100 scale between the answer and the target.
    pub gap: f64,
    /// The share (0–100 %) of the way from the bottom of the item's scale to its target that
    /// is still to go: 100 when the practice the target asks for is missing entirely, on any
    /// scale. This, not `gap`, is what the priority weighs, so scales of different lengths
    /// compare (docs/scoring.md).
    pub share: f64,
    /// Share of surveyed teams that already reach the target, when the benchmark tells.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peers_at_target: Option<Standing>,
    pub priority: f64,
    /// One sentence saying why the gap ranks where it does.
    pub why: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionProgress {
    pub id: String,
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Completeness {
    pub answered: usize,
    pub answerable: usize,
    pub scored_answered: usize,
    pub scored_total: usize,
    pub sections: Vec<SectionProgress>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreReport {
    pub questionnaire: String,
    pub questionnaire_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<String>,
    /// The benchmark the standings come from, named: title, n, dates, source and segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark_ref: Option<csirt_model::BenchmarkRef>,
    pub organisation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<f64>,
    pub areas: Vec<AreaScore>,
    pub setup_items: Vec<SetupScore>,
    pub items: Vec<ItemScore>,
    pub gaps: Vec<Gap>,
    pub completeness: Completeness,
    /// How many answers are derived from another questionnaire's assessment and not yet
    /// confirmed; absent when none are. They are scored like any answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<DerivedCount>,
}

/// The answers scored that were derived from another assessment and are not yet confirmed.
#[derive(Debug, Clone, Serialize)]
pub struct DerivedCount {
    pub unconfirmed: usize,
    /// Every answered item, derived or not (the "of M").
    pub answered: usize,
    pub source: csirt_model::DerivedSource,
    /// "N of M answers are derived from …, not yet confirmed", in both languages.
    pub note: Text,
    /// The label each derived answer carries until confirmed ("Derived from … — confirm").
    pub label: Text,
}

impl ScoreReport {
    pub fn item(&self, id: &str) -> Option<&ItemScore> {
        self.items.iter().find(|i| i.id == id)
    }
}

pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The key the answer gives for a scored item (option key or service answer).
fn answered_key<'a>(item: &Item, answer: Option<&'a Answer>) -> Option<&'a str> {
    let key = answer?.as_str()?;
    item.level_of_key(key).map(|_| key)
}

/// The lowest level at or above SIM3 level 3 on this item's scale.
fn sim3_level(item: &Item) -> Option<u32> {
    if item.sim3.is_empty() {
        return None;
    }
    let max = item.max_level()?;
    let mut levels: Vec<u32> = item.levelled_keys().iter().map(|(_, l)| *l).collect();
    levels.sort_unstable();
    levels
        .into_iter()
        .find(|&l| f64::from(l) >= SIM3_TARGET_SHARE * f64::from(max))
}

fn key_for_level(item: &Item, level: u32, prefer: Option<&str>) -> String {
    if let Some(p) = prefer {
        if item.level_of_key(p) == Some(level) {
            return p.to_string();
        }
    }
    item.levelled_keys()
        .into_iter()
        .find(|(_, l)| *l == level)
        .map(|(k, _)| k)
        .unwrap_or_default()
}

/// The default target of a scored item, before any override.
pub fn default_target(item: &Item, benchmark: Option<&Benchmark>) -> Target {
    let max = item.max_level().unwrap_or(0);
    let common = benchmark.and_then(|b| common_practice_level(item, b));
    let sim3 = sim3_level(item);
    let (level, source) = match (common, sim3) {
        (Some(c), Some(s)) if s > c => (s, TargetSource::Sim3),
        (Some(c), _) => (c, TargetSource::CommonPractice),
        (None, Some(s)) => (s, TargetSource::Sim3),
        (None, None) => (max, TargetSource::Highest),
    };
    Target {
        key: key_for_level(item, level, None),
        level,
        score: normalise(level, max),
        source,
    }
}

fn normalise(level: u32, max: u32) -> f64 {
    if max == 0 {
        0.0
    } else {
        round1(f64::from(level) / f64::from(max) * 100.0)
    }
}

fn weighted_mean(values: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for (v, w) in values {
        sum += v * w;
        weights += w;
    }
    (weights > 0.0).then(|| round1(sum / weights))
}

/// What scoring needs per item that does not depend on the answers: worked out once per
/// questionnaire and benchmark, so scoring thousands of assessments stays cheap.
struct PreparedItem {
    default_target: Target,
    lowest: u32,
    /// Standing of each level (index = level).
    standing: Vec<Option<Standing>>,
    expected: Option<Share>,
}

/// A questionnaire and benchmark prepared for scoring many assessments.
pub struct Scorer<'a> {
    q: &'a Questionnaire,
    benchmark: Option<&'a Benchmark>,
    prepared: std::collections::HashMap<&'a str, PreparedItem>,
}

impl<'a> Scorer<'a> {
    pub fn new(q: &'a Questionnaire, benchmark: Option<&'a Benchmark>) -> Self {
        let prepared = q
            .scored_items()
            .map(|item| {
                let max = item.max_level().unwrap_or(0);
                let prep = PreparedItem {
                    default_target: default_target(item, benchmark),
                    lowest: item
                        .levelled_keys()
                        .iter()
                        .map(|(_, l)| *l)
                        .min()
                        .unwrap_or(0),
                    standing: (0..=max)
                        .map(|l| benchmark.and_then(|b| at_or_above(item, b, l)))
                        .collect(),
                    expected: benchmark.and_then(|b| expected_score(item, b)),
                };
                (item.id.as_str(), prep)
            })
            .collect();
        Scorer {
            q,
            benchmark,
            prepared,
        }
    }

    pub fn score(&self, a: &Assessment) -> Result<ScoreReport, ScoringError> {
        score_prepared(self, a)
    }
}

/// Scores an assessment. The benchmark is optional: without it there is no standing and targets
/// fall back to SIM3 level 3 or the top level. To score many assessments, build a [`Scorer`].
pub fn score(
    q: &Questionnaire,
    benchmark: Option<&Benchmark>,
    a: &Assessment,
) -> Result<ScoreReport, ScoringError> {
    Scorer::new(q, benchmark).score(a)
}

fn score_prepared(scorer: &Scorer, a: &Assessment) -> Result<ScoreReport, ScoringError> {
    let (q, benchmark) = (scorer.q, scorer.benchmark);
    let prep = |id: &str| scorer.prepared.get(id);
    if a.questionnaire != q.id {
        return Err(ScoringError::WrongQuestionnaire {
            expected: q.id.clone(),
            found: a.questionnaire.clone(),
        });
    }
    let mut items = Vec::new();
    for item in q.scored_items() {
        let max_level = item.max_level().unwrap_or(0);
        let answer = a.answers.get(&item.id);
        let key = answered_key(item, answer);
        let level = key.and_then(|k| item.level_of_key(k));
        let target = match a.targets.get(&item.id) {
            Some(k) if item.level_of_key(k).is_some() => {
                let level = item.level_of_key(k).unwrap_or(0);
                Target {
                    key: k.clone(),
                    level,
                    score: normalise(level, max_level),
                    source: TargetSource::Override,
                }
            }
            _ => {
                let mut t = match prep(&item.id) {
                    Some(p) => p.default_target.clone(),
                    None => default_target(item, benchmark),
                };
                t.key = key_for_level(item, t.level, key);
                t
            }
        };
        // At the bottom of the scale every team is "at or above": that says nothing, so no
        // standing is reported there.
        let standing = match (level, prep(&item.id)) {
            (Some(l), Some(p)) if l > p.lowest => p.standing.get(l as usize).cloned().flatten(),
            _ => None,
        };
        let gap = level.map(|l| {
            if l >= target.level {
                0.0
            } else {
                normalise(target.level - l, max_level)
            }
        });
        items.push(ItemScore {
            id: item.id.clone(),
            area: item.area.clone(),
            setup: item.setup.clone(),
            sim3: item.sim3.clone(),
            answer: key.map(str::to_string),
            level,
            max_level,
            score: level.map(|l| normalise(l, max_level)),
            standing,
            target,
            gap,
        });
    }

    let item_weight = |id: &str| q.item(id).map(|i| i.weight).unwrap_or(1.0);

    let areas: Vec<AreaScore> = q
        .areas
        .iter()
        .map(|area| {
            let in_area: Vec<&ItemScore> = items.iter().filter(|i| i.area == area.id).collect();
            let bench: Vec<Share> = in_area
                .iter()
                .filter_map(|i| prep(&i.id).and_then(|p| p.expected))
                .collect();
            let benchmark_share = if bench.is_empty() {
                None
            } else {
                let n = bench.len() as f64;
                Some(Share {
                    low: round1(bench.iter().map(|s| s.low).sum::<f64>() / n),
                    high: round1(bench.iter().map(|s| s.high).sum::<f64>() / n),
                })
            };
            AreaScore {
                id: area.id.clone(),
                name: area.name.clone(),
                score: weighted_mean(
                    in_area
                        .iter()
                        .filter_map(|i| i.score.map(|s| (s, item_weight(&i.id)))),
                ),
                answered: in_area.iter().filter(|i| i.score.is_some()).count(),
                scored_items: in_area.len(),
                benchmark: benchmark_share,
                benchmark_items: bench.len(),
            }
        })
        .collect();

    let setup_items = q
        .setup_items
        .iter()
        .map(|s| {
            let related: Vec<&ItemScore> =
                items.iter().filter(|i| i.setup.contains(&s.id)).collect();
            let score = weighted_mean(
                related
                    .iter()
                    .filter_map(|i| i.score.map(|v| (v, item_weight(&i.id)))),
            );
            SetupScore {
                id: s.id.clone(),
                number: s.number,
                name: s.name.clone(),
                score,
                readiness: Readiness::of(score),
                answered: related.iter().filter(|i| i.score.is_some()).count(),
                scored_items: related.len(),
            }
        })
        .collect();

    let overall = {
        let scores: Vec<f64> = areas.iter().filter_map(|a| a.score).collect();
        (!scores.is_empty()).then(|| round1(scores.iter().sum::<f64>() / scores.len() as f64))
    };

    // Priorities are scaled so the largest possible gap, in the most common practice, under the
    // heaviest set-up item and item weight, scores 100.
    let max_setup = q
        .setup_items
        .iter()
        .map(|s| s.weight)
        .fold(1.0_f64, f64::max);
    let max_item = q.scored_items().map(|i| i.weight).fold(1.0_f64, f64::max);
    let priority_scale = 1.5 * max_setup * max_item;
    let below: Vec<&str> = items
        .iter()
        .filter(|s| s.gap.is_some_and(|g| g > 0.0))
        .map(|s| s.id.as_str())
        .collect();
    let mut gaps: Vec<(usize, Gap)> = Vec::new();
    for (order, s) in items.iter().enumerate() {
        let (Some(level), Some(gap), Some(item)) = (s.level, s.gap, q.item(&s.id)) else {
            continue;
        };
        if gap <= 0.0 {
            continue;
        }
        let lowest = prep(&s.id).map_or(0, |p| p.lowest);
        let share = distance_share(level, s.target.level, lowest);
        let peers =
            prep(&s.id).and_then(|p| p.standing.get(s.target.level as usize).cloned().flatten());
        let p = peers
            .as_ref()
            .map(|st| (st.at_or_above.low + st.at_or_above.high) / 200.0)
            .unwrap_or(0.5);
        let heaviest = item
            .setup
            .iter()
            .filter_map(|id| q.setup_item(id))
            .max_by(|a, b| a.weight.total_cmp(&b.weight));
        let setup_factor = heaviest.map_or(1.0, |x| x.weight.max(1.0));
        let priority = round1(share * (0.5 + p) * setup_factor * item.weight / priority_scale);
        // The later gaps that need this one first (their `after` names it).
        let prerequisite_of = below
            .iter()
            .filter_map(|id| q.item(id))
            .filter(|other| other.after.contains(&item.id))
            .count();
        let why = priority::why_ranked(&priority::WhyParts {
            share,
            steps: s.target.level.saturating_sub(level),
            span: s.target.level.saturating_sub(lowest),
            peers: peers.as_ref(),
            benchmarked: benchmark.is_some(),
            setup: heaviest
                .filter(|x| x.weight > 1.0)
                .map(|x| (&x.name, x.weight)),
            prerequisite_of,
        });
        gaps.push((
            order,
            Gap {
                rank: 0,
                item: s.id.clone(),
                text: item.text.clone(),
                area: s.area.clone(),
                setup: s.setup.clone(),
                current_key: s.answer.clone().unwrap_or_default(),
                current_level: level,
                target_key: s.target.key.clone(),
                target_level: s.target.level,
                max_level: s.max_level,
                gap,
                share,
                peers_at_target: peers,
                priority,
                why,
                recommendation: item.recommendation.clone(),
            },
        ));
    }
    gaps.sort_by(|(oa, a), (ob, b)| b.priority.total_cmp(&a.priority).then(oa.cmp(ob)));
    let gaps: Vec<Gap> = gaps
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut g))| {
            g.rank = i + 1;
            g
        })
        .collect();

    let is_answered = |id: &str| a.answers.get(id).is_some();
    let answerable: Vec<&Item> = q.answerable_items().collect();
    let completeness = Completeness {
        answered: answerable.iter().filter(|i| is_answered(&i.id)).count(),
        answerable: answerable.len(),
        scored_answered: items.iter().filter(|i| i.level.is_some()).count(),
        scored_total: items.len(),
        sections: q
            .sections
            .iter()
            .map(|s| {
                let in_section: Vec<&&Item> =
                    answerable.iter().filter(|i| i.section == s.id).collect();
                SectionProgress {
                    id: s.id.clone(),
                    answered: in_section.iter().filter(|i| is_answered(&i.id)).count(),
                    total: in_section.len(),
                }
            })
            .collect(),
    };

    let derived = a.derived.as_ref().and_then(|d| {
        let unconfirmed = d.items.iter().filter(|(id, _)| is_answered(id)).count();
        (unconfirmed > 0).then(|| DerivedCount {
            unconfirmed,
            answered: completeness.answered,
            source: d.source.clone(),
            note: d
                .source
                .unconfirmed_line(unconfirmed, completeness.answered),
            label: d.source.label(),
        })
    });

    Ok(ScoreReport {
        questionnaire: q.id.clone(),
        questionnaire_version: q.version.clone(),
        benchmark: benchmark.map(|b| b.id.clone()),
        benchmark_ref: benchmark.map(|b| b.reference()),
        organisation: a.organisation.name.clone(),
        date: a.date.clone(),
        overall,
        areas,
        setup_items,
        items,
        gaps,
        completeness,
        derived,
    })
}
