//! Peer profiles: the organisation against the teams a benchmark's source interviewed, on the
//! criteria its `[peer_matching]` names (form and sector from the profile; the size, cadence and
//! practice items and their weights from the data), nearest first, with what each does that the
//! organisation does not yet, citing the interview section. Without `[peer_matching]`, none.

use crate::ScoreReport;
use csirt_model::benchmark::PeerMatching;
use csirt_model::{bi, Answer, Assessment, Benchmark, Interview, Questionnaire, Text};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PeerPractice {
    pub topic: String,
    pub section: String,
    pub text: Text,
    /// The questionnaire item where the organisation falls short.
    pub item: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeerMatch {
    pub id: String,
    pub team: String,
    pub organisation: Text,
    pub section: String,
    pub form_label: Text,
    pub sector: Text,
    pub size: Text,
    /// 0 is identical; larger is further. Weighted sum of the per-feature distances below.
    pub distance: f64,
    /// The distance in plain words ([`Closeness::of`]).
    pub closeness: Closeness,
    /// What this team does that the organisation does not yet, most urgent gap first.
    pub practices: Vec<PeerPractice>,
}

/// How alike an interviewed team is to the organisation, in plain words; the distance's
/// figure and formula stay available on demand.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Closeness {
    Close,
    Somewhat,
    Far,
}

impl Closeness {
    /// The largest distance there is: every feature's weight (form 2, size 2, sector 1.5,
    /// cadence 1, training 0.5, tooling 1, authority 1).
    pub const MAX_DISTANCE: f64 = 9.0;
    /// Below this distance a team is close (two features apart at most, or all unknown but one).
    pub const CLOSE_BELOW: f64 = 2.5;
    /// Below this (and at or above [`Self::CLOSE_BELOW`]) it is somewhat alike; at or above,
    /// far (half the largest distance).
    pub const SOMEWHAT_BELOW: f64 = 4.5;

    /// The closeness of a distance on a benchmark's own `[peer_matching]` weights: the distance
    /// rescaled to the reference range 0–[`Self::MAX_DISTANCE`] by the largest distance those
    /// weights allow, so heavier weights do not make every team look far.
    pub fn on(distance: f64, m: &PeerMatching) -> Self {
        let max = max_distance(m);
        if max > 0.0 {
            Self::of(distance * Self::MAX_DISTANCE / max)
        } else {
            Self::of(distance)
        }
    }

    pub fn of(distance: f64) -> Self {
        if distance < Self::CLOSE_BELOW {
            Closeness::Close
        } else if distance < Self::SOMEWHAT_BELOW {
            Closeness::Somewhat
        } else {
            Closeness::Far
        }
    }

    /// 「よく似ている」 / "Very alike".
    pub fn label(self) -> Text {
        match self {
            Closeness::Close => bi!("近さ: よく似ている", "Closeness: very alike"),
            Closeness::Somewhat => bi!("近さ: ある程度似ている", "Closeness: somewhat alike"),
            Closeness::Far => bi!("近さ: あまり似ていない", "Closeness: not much alike"),
        }
    }
}

/// Frequency level (0–5 on the questionnaire's frequency scale) of an interview cadence.
fn cadence_level(c: &str) -> f64 {
    match c {
        "weekly" | "monthly" => 5.0,
        "bimonthly" | "quarterly" => 4.0,
        "half-yearly" => 3.0,
        "yearly" => 2.0,
        _ => 1.0,
    }
}

fn practice<'a>(i: &'a Interview, topic: &str) -> Option<&'a csirt_model::benchmark::Practice> {
    i.practices.iter().find(|p| p.topic == topic)
}

fn key(a: &Assessment, item: &str) -> Option<String> {
    a.answers
        .get(item)
        .and_then(|x| x.as_str())
        .map(str::to_string)
}

/// Distance of one interviewed team from the organisation on the benchmark's criteria `m`;
/// unknown features count as half.
/// The largest distance `m`'s weights allow: every feature apart.
fn max_distance(m: &PeerMatching) -> f64 {
    m.form_weight
        + m.sector_weight
        + m.size.as_ref().map_or(0.0, |x| x.weight)
        + m.cadence.as_ref().map_or(0.0, |x| x.weight)
        + m.practices.iter().map(|p| p.weight).sum::<f64>()
}

fn distance(q: &Questionnaire, a: &Assessment, i: &Interview, m: &PeerMatching) -> f64 {
    let mut d = 0.0;
    d += m.form_weight
        * match a.organisation.csirt_form.as_deref() {
            Some(f) if f.eq_ignore_ascii_case(&i.form) => 0.0,
            Some(_) => 1.0,
            None => 0.5,
        };
    // Team size on a log scale: 5 against 50 is as far apart as it gets.
    if let Some(size) = &m.size {
        let ours = match a.answers.get(&size.item) {
            Some(Answer::Number(n)) => n.as_f64(),
            _ => None,
        };
        d += size.weight
            * match (ours, i.size_approx) {
                (Some(s), Some(p)) if s > 0.0 && p > 0 => {
                    ((s.ln() - f64::from(p).ln()).abs() / 10f64.ln()).min(1.0)
                }
                _ => 0.5,
            };
    }
    // Sector: the same words in either language.
    d += m.sector_weight
        * match a
            .organisation
            .sector
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => {
                let s = s.to_lowercase();
                let hit = [&i.sector.ja, &i.sector.en].iter().any(|p| {
                    let p = p.to_lowercase();
                    p.contains(&s) || s.contains(&p)
                });
                if hit {
                    0.0
                } else {
                    1.0
                }
            }
            None => 0.5,
        };
    // Reporting cadence: the item's level against the team's cadence of the practice.
    if let Some(c) = &m.cadence {
        let ours = key(a, &c.item).and_then(|k| q.item(&c.item).and_then(|it| it.level_of_key(&k)));
        let theirs = practice(i, &c.topic).map(|p| match (&p.cadence, p.present) {
            (_, false) => 0.0,
            (Some(c), true) => cadence_level(c),
            (None, true) => 1.0,
        });
        d += c.weight
            * match (ours, theirs) {
                (Some(o), Some(t)) => (f64::from(o) - t).abs() / 5.0,
                _ => 0.5,
            };
    }
    // Practices: the item's answer among the keys means the organisation has the practice.
    for p in &m.practices {
        let ours = key(a, &p.item).map(|k| p.keys.contains(&k));
        let theirs = practice(i, &p.topic).map(|x| x.present);
        d += p.weight
            * match (ours, theirs) {
                (Some(x), Some(y)) if x == y => 0.0,
                (Some(_), Some(_)) => 1.0,
                _ => 0.5,
            };
    }
    (d * 1000.0).round() / 1000.0
}

/// The benchmark's interviewed teams, nearest first, each with the practices the organisation
/// lacks; empty when the benchmark has no `[peer_matching]` (peers are then not offered).
pub fn nearest_peers(
    q: &Questionnaire,
    b: &Benchmark,
    a: &Assessment,
    report: &ScoreReport,
) -> Vec<PeerMatch> {
    let Some(m) = &b.peer_matching else {
        return Vec::new();
    };
    let mut out: Vec<PeerMatch> = b
        .interviews
        .iter()
        .map(|i| {
            let mut practices: Vec<(f64, PeerPractice)> = i
                .practices
                .iter()
                .filter(|p| p.present)
                .filter_map(|p| {
                    // A practice is worth learning where a related item is below its target.
                    let gap = p
                        .items
                        .iter()
                        .filter_map(|id| report.gaps.iter().find(|g| &g.item == id))
                        .max_by(|x, y| x.priority.total_cmp(&y.priority))?;
                    Some((
                        gap.priority,
                        PeerPractice {
                            topic: p.topic.clone(),
                            section: p.section.clone(),
                            text: p.text.clone(),
                            item: gap.item.clone(),
                        },
                    ))
                })
                .collect();
            practices.sort_by(|x, y| y.0.total_cmp(&x.0));
            let distance = distance(q, a, i, m);
            PeerMatch {
                id: i.id.clone(),
                team: i.team.clone(),
                organisation: i.organisation.clone(),
                section: i.section.clone(),
                form_label: i.form_label.clone(),
                sector: i.sector.clone(),
                size: i.size.clone(),
                distance,
                closeness: Closeness::on(distance, m),
                practices: practices.into_iter().map(|(_, p)| p).collect(),
            }
        })
        .collect();
    out.sort_by(|x, y| x.distance.total_cmp(&y.distance).then(x.team.cmp(&y.team)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_model::{builtin, demo::demo_assessment, Lang};

    #[test]
    fn the_matching_follows_the_benchmarks_table_and_without_it_there_are_no_peers() {
        let set = builtin().unwrap();
        let q = &set.questionnaire;
        let a = demo_assessment(Lang::En);
        let b = set.benchmark.as_deref().unwrap();
        let report = crate::score(q, Some(b), &a).unwrap();
        let peers = nearest_peers(q, b, &a, &report);
        assert_eq!(peers.len(), b.interviews.len());

        // Without [peer_matching], no peers at all.
        let mut none = b.clone();
        none.peer_matching = None;
        assert!(nearest_peers(q, &none, &a, &report).is_empty());

        // Weigh only the form: every team of the demo's form comes before every other.
        let mut form_only = b.clone();
        let m = form_only.peer_matching.as_mut().unwrap();
        m.form_weight = 100.0;
        m.sector_weight = 0.001;
        m.size = None;
        m.cadence = None;
        m.practices.clear();
        let ranked = nearest_peers(q, &form_only, &a, &report);
        let form = a.organisation.csirt_form.clone().unwrap();
        let same: Vec<bool> = ranked
            .iter()
            .map(|p| {
                b.interviews
                    .iter()
                    .find(|i| i.id == p.id)
                    .is_some_and(|i| i.form == form)
            })
            .collect();
        assert!(same.iter().any(|s| *s) && same.iter().any(|s| !*s));
        let first_other = same.iter().position(|s| !*s).unwrap();
        assert!(same[first_other..].iter().all(|s| !*s), "{same:?}");
    }

    #[test]
    fn closeness_reads_the_same_when_every_weight_is_scaled() {
        let set = builtin().unwrap();
        let q = &set.questionnaire;
        let a = demo_assessment(Lang::En);
        let b = set.benchmark.as_deref().unwrap();
        let report = crate::score(q, Some(b), &a).unwrap();
        let words = |b: &Benchmark| -> Vec<(String, Closeness)> {
            nearest_peers(q, b, &a, &report)
                .into_iter()
                .map(|p| (p.id, p.closeness))
                .collect()
        };
        let mut tripled = b.clone();
        let m = tripled.peer_matching.as_mut().unwrap();
        m.form_weight *= 3.0;
        m.sector_weight *= 3.0;
        if let Some(x) = m.size.as_mut() {
            x.weight *= 3.0;
        }
        if let Some(x) = m.cadence.as_mut() {
            x.weight *= 3.0;
        }
        for p in &mut m.practices {
            p.weight *= 3.0;
        }
        assert_eq!(words(b), words(&tripled));
        // The survey's own weights span exactly the reference range.
        let max = max_distance(b.peer_matching.as_ref().unwrap());
        assert!((max - Closeness::MAX_DISTANCE).abs() < 1e-9, "{max}");
    }
}
