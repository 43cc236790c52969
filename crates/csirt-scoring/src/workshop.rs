//! Workshops: how far several respondents' answers diverge, item by item, so the facilitator
//! knows what to discuss first. Works for every answer type.

use csirt_model::assessment::Workshop;
use csirt_model::{bi, Answer, Assessment, Item, ItemKind, Questionnaire, StrictMap, Text};
use serde::Serialize;

/// One respondent's answers.
pub struct RespondentAnswers<'a> {
    pub name: &'a str,
    pub answers: &'a StrictMap<Answer>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LevelSpread {
    pub min: u32,
    pub max: u32,
    pub range: u32,
    /// Population standard deviation of the levels.
    pub std_dev: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Divergence {
    pub item: String,
    /// How many respondents answered the item.
    pub answered: usize,
    pub respondents: usize,
    /// For scored items: the spread of levels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub levels: Option<LevelSpread>,
    /// Each distinct answer (an option key for multiple choice) and how many gave it.
    pub distribution: Vec<(String, usize)>,
    /// Each respondent's answer, as written.
    pub answers: Vec<(String, String)>,
    /// 0 when everyone agrees, up to 1 for the widest disagreement; the sort key.
    pub disagreement: f64,
    /// The disagreement in plain words ([`Spread::of`]).
    pub spread: Spread,
    /// Where the item stands: agreed, unanimous, provisional (the facilitator's answer is
    /// scored while people differ) or open. [`divergence`] knows only the answers, so it says
    /// unanimous or open; [`workshop_divergence`] adds what the workshop recorded.
    pub agreement: Agreement,
}

/// The spread of views on one item in plain words, for the room and the report: the formula's
/// figure ([`Divergence::disagreement`]) stays available on demand.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Spread {
    /// Everyone gave the same answer.
    None,
    Narrow,
    Moderate,
    Wide,
}

impl Spread {
    /// Below this disagreement the views are narrow (one level apart on a five-level scale
    /// between two people is 0.25).
    pub const NARROW_BELOW: f64 = 0.3;
    /// Below this (and at or above [`Self::NARROW_BELOW`]) they are moderate; at or above, wide
    /// (two levels apart between two people is 0.5, opposite ends 1).
    pub const MODERATE_BELOW: f64 = 0.6;

    /// The words for a disagreement between 0 (everyone agrees) and 1.
    pub fn of(disagreement: f64) -> Self {
        if disagreement <= 0.0 {
            Spread::None
        } else if disagreement < Self::NARROW_BELOW {
            Spread::Narrow
        } else if disagreement < Self::MODERATE_BELOW {
            Spread::Moderate
        } else {
            Spread::Wide
        }
    }

    /// The word alone, where the heading already says "spread of views": 「大」 / "wide".
    pub fn word(self) -> Text {
        match self {
            Spread::None => bi!("なし", "none"),
            Spread::Narrow => bi!("小", "narrow"),
            Spread::Moderate => bi!("中", "moderate"),
            Spread::Wide => bi!("大", "wide"),
        }
    }

    /// 「意見の幅: 大」 / "Spread of views: wide".
    pub fn label(self) -> Text {
        match self {
            Spread::None => bi!(
                "意見の幅: なし（全員一致）",
                "Spread of views: none (all agree)"
            ),
            Spread::Narrow => bi!("意見の幅: 小", "Spread of views: narrow"),
            Spread::Moderate => bi!("意見の幅: 中", "Spread of views: moderate"),
            Spread::Wide => bi!("意見の幅: 大", "Spread of views: wide"),
        }
    }
}

/// Where one item of a workshop stands.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    /// The workshop recorded an agreed answer.
    Agreed,
    /// Everyone who answered gave the same answer; nothing to discuss.
    Unanimous,
    /// People differ and nothing was agreed, but the facilitator answered, so the facilitator's
    /// answer is the one scored until agreement is recorded.
    Provisional,
    /// People differ, nothing was agreed and nothing is scored yet.
    Open,
}

impl Agreement {
    /// Still to be settled by the room: provisional or open.
    pub fn is_open(self) -> bool {
        matches!(self, Agreement::Provisional | Agreement::Open)
    }

    /// The label shown beside the item in the app and the report.
    pub fn label(self) -> Text {
        match self {
            Agreement::Agreed => bi!("合意済み", "Agreed"),
            Agreement::Unanimous => bi!("全員一致", "All agree"),
            Agreement::Provisional => bi!(
                "暫定（進行役の回答）・未合意",
                "Provisional (facilitator's answer), not agreed"
            ),
            Agreement::Open => bi!("未合意", "Not agreed"),
        }
    }
}

fn std_dev(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64).sqrt()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The share of respondents who did not give the most common answer.
fn plurality_gap(counts: &[(String, usize)], answered: usize) -> f64 {
    let top = counts.iter().map(|(_, c)| *c).max().unwrap_or(0);
    if answered == 0 {
        0.0
    } else {
        1.0 - top as f64 / answered as f64
    }
}

/// How an answer is shown in the distribution: free text trimmed and lower-cased (as it is
/// compared), anything else as written.
fn label(item: &Item, answer: &Answer) -> String {
    match (&item.kind, answer) {
        (ItemKind::Text, Answer::Text(s)) => s.trim().to_lowercase(),
        (_, a) => a.display(),
    }
}

/// The smallest disagreement of respondents who did not all give the same answer, so that a
/// disagreement never rounds to 0 (which means "everyone agrees").
const LEAST_DISAGREEMENT: f64 = 0.001;

fn divergence_of(item: &Item, respondents: &[RespondentAnswers]) -> Divergence {
    let given: Vec<(&str, &Answer)> = respondents
        .iter()
        .filter_map(|r| r.answers.get(&item.id).map(|a| (r.name, a)))
        .collect();
    let answered = given.len();
    // The model's one definition of "the same answer", also used by the merge.
    let unanimous = given.windows(2).all(|w| w[0].1.same_as(w[1].1));
    // (comparison form, shown label, count)
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    let mut count = |key: String, shown: String| match counts.iter_mut().find(|(k, _, _)| *k == key)
    {
        Some(slot) => slot.2 += 1,
        None => counts.push((key, shown, 1)),
    };
    match &item.kind {
        ItemKind::Multiple { .. } => {
            for (_, a) in &given {
                if let Answer::Keys(keys) = a {
                    let mut set: Vec<&String> = keys.iter().collect();
                    set.sort();
                    set.dedup();
                    for k in set {
                        count(k.clone(), k.clone());
                    }
                }
            }
        }
        _ => {
            for (_, a) in &given {
                count(a.canonical(), label(item, a));
            }
        }
    }
    let mut distribution: Vec<(String, usize)> =
        counts.into_iter().map(|(_, shown, n)| (shown, n)).collect();
    distribution.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let levels: Vec<u32> = given
        .iter()
        .filter_map(|(_, a)| a.as_str().and_then(|k| item.level_of_key(k)))
        .collect();
    let level_spread = (item.scored && !levels.is_empty()).then(|| {
        let (min, max) = (
            levels.iter().copied().min().unwrap_or(0),
            levels.iter().copied().max().unwrap_or(0),
        );
        LevelSpread {
            min,
            max,
            range: max - min,
            std_dev: round3(std_dev(
                &levels.iter().map(|&l| f64::from(l)).collect::<Vec<_>>(),
            )),
        }
    });

    let disagreement = if answered < 2 {
        0.0
    } else {
        match (&item.kind, &level_spread, item.max_level()) {
            // Scaled answers: the spread of normalised levels (at most 0.5), doubled to 0–1,
            // so "audited vs none" outranks "approved vs documented".
            (_, Some(_), Some(top)) if top > 0 => {
                let norm: Vec<f64> = levels
                    .iter()
                    .map(|&l| f64::from(l) / f64::from(top))
                    .collect();
                (2.0 * std_dev(&norm)).min(1.0)
            }
            (ItemKind::Multiple { .. }, _, _) => {
                // Mean pairwise Jaccard distance between the chosen sets.
                let sets: Vec<Vec<&String>> = given
                    .iter()
                    .filter_map(|(_, a)| match a {
                        Answer::Keys(k) => {
                            let mut set: Vec<&String> = k.iter().collect();
                            set.sort();
                            set.dedup();
                            Some(set)
                        }
                        _ => None,
                    })
                    .collect();
                let mut total = 0.0;
                let mut pairs = 0.0;
                for i in 0..sets.len() {
                    for j in i + 1..sets.len() {
                        let inter = sets[i].iter().filter(|k| sets[j].contains(k)).count() as f64;
                        let union = (sets[i].len() + sets[j].len()) as f64 - inter;
                        total += if union == 0.0 {
                            0.0
                        } else {
                            1.0 - inter / union
                        };
                        pairs += 1.0;
                    }
                }
                if pairs == 0.0 {
                    0.0
                } else {
                    total / pairs
                }
            }
            (ItemKind::Number { .. }, _, _) => {
                let nums: Vec<f64> = given
                    .iter()
                    .filter_map(|(_, a)| match a {
                        Answer::Number(n) => n.as_f64(),
                        _ => None,
                    })
                    .collect();
                let mean = nums.iter().sum::<f64>() / nums.len().max(1) as f64;
                if mean.abs() < f64::EPSILON {
                    if nums.iter().any(|v| v.abs() > f64::EPSILON) {
                        1.0
                    } else {
                        0.0
                    }
                } else {
                    (std_dev(&nums) / mean.abs()).min(1.0)
                }
            }
            _ => plurality_gap(&distribution, answered),
        }
    };

    let disagreement = if unanimous {
        0.0
    } else {
        round3(disagreement).max(LEAST_DISAGREEMENT)
    };
    Divergence {
        item: item.id.clone(),
        answered,
        respondents: respondents.len(),
        levels: level_spread,
        distribution,
        answers: given
            .iter()
            .map(|(name, a)| (name.to_string(), a.display()))
            .collect(),
        disagreement,
        spread: Spread::of(disagreement),
        agreement: if unanimous {
            Agreement::Unanimous
        } else {
            Agreement::Open
        },
    }
}

/// Everyone in a workshop who answered anything, the facilitator first (called `facilitator`),
/// then the respondents in the order they were added.
pub fn workshop_people<'a>(w: &'a Workshop, facilitator: &'a str) -> Vec<RespondentAnswers<'a>> {
    std::iter::once(RespondentAnswers {
        name: facilitator,
        answers: &w.facilitator_answers,
    })
    .chain(w.respondents.iter().map(|r| RespondentAnswers {
        name: &r.name,
        answers: &r.answers,
    }))
    .filter(|r| !r.answers.is_empty())
    .collect()
}

/// What the report shows of an assessment's workshop: where people disagreed (empty unless two
/// or more answered: one person cannot disagree) and the notes of the agreed answers. The same
/// for a stored assessment and for a file that carries its workshop.
pub fn workshop_report(
    q: &Questionnaire,
    a: &Assessment,
    facilitator: &str,
) -> (Vec<Divergence>, Vec<(String, String)>) {
    let Some(w) = &a.workshop else {
        return (Vec::new(), Vec::new());
    };
    let divergence = if workshop_people(w, facilitator).len() > 1 {
        workshop_divergence(q, w, facilitator)
    } else {
        Vec::new()
    };
    let notes = w
        .consensus
        .iter()
        .filter_map(|(item, c)| c.note.clone().map(|n| (item.clone(), n)))
        .collect();
    (divergence, notes)
}

/// Every answered item's divergence, most disputed first (ties in questionnaire order).
pub fn divergence(q: &Questionnaire, respondents: &[RespondentAnswers]) -> Vec<Divergence> {
    let mut out: Vec<(usize, Divergence)> = q
        .answerable_items()
        .enumerate()
        .map(|(i, item)| (i, divergence_of(item, respondents)))
        .filter(|(_, d)| d.answered > 0)
        .collect();
    out.sort_by(|(ia, a), (ib, b)| b.disagreement.total_cmp(&a.disagreement).then(ia.cmp(ib)));
    out.into_iter().map(|(_, d)| d).collect()
}

/// Every answered item's divergence among the workshop's people (the facilitator called
/// `facilitator`), most disputed first, each with where it stands: agreed when the workshop
/// recorded an answer, provisional while people differ and the facilitator's answer is the
/// one scored ([`Workshop::agreed`]), open while they differ and nothing is scored.
pub fn workshop_divergence(q: &Questionnaire, w: &Workshop, facilitator: &str) -> Vec<Divergence> {
    let mut out = divergence(q, &workshop_people(w, facilitator));
    for d in &mut out {
        d.agreement = agreement_of(w, &d.item, d.disagreement);
    }
    out
}

/// Where one item stands, by the workshop's record and how far its people differ.
pub fn agreement_of(w: &Workshop, item: &str, disagreement: f64) -> Agreement {
    if w.consensus.get(item).is_some() {
        Agreement::Agreed
    } else if disagreement <= 0.0 {
        Agreement::Unanimous
    } else if w.facilitator_answers.get(item).is_some() {
        Agreement::Provisional
    } else {
        Agreement::Open
    }
}

/// How many items the room still has to settle (provisional or open) among those two or more
/// people answered.
pub fn open_items(divergence: &[Divergence]) -> usize {
    divergence
        .iter()
        .filter(|d| d.answered > 1 && d.agreement.is_open())
        .count()
}

/// A divergence with the individual answers hidden (before the facilitator reveals them):
/// how many answered and whether the item is settled stay; who answered what, the tally, the
/// levels and the spread go.
pub fn hidden(d: &Divergence) -> Divergence {
    Divergence {
        levels: None,
        distribution: Vec::new(),
        answers: Vec::new(),
        disagreement: 0.0,
        spread: Spread::None,
        ..d.clone()
    }
}
