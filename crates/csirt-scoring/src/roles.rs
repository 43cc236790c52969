//! Staffing by role: each role's coverage (in-house, vendor, both, none) from the answers and
//! the questionnaire's `[[roles]]`, the head counts (shown, never scored) and the advice: which
//! uncovered roles matter first, and where a vendor fits.

use csirt_model::{bi, Answer, Questionnaire, StrictMap, Text};
use serde::Serialize;

/// Who covers a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    InHouse,
    Vendor,
    Both,
    None,
    Unanswered,
}

impl Coverage {
    /// The coverage an answer key stands for (the keys of `ROLE_COVERAGE_KEYS`).
    pub fn from_key(key: &str) -> Option<Coverage> {
        match key {
            "in-house" => Some(Coverage::InHouse),
            "vendor" => Some(Coverage::Vendor),
            "both" => Some(Coverage::Both),
            "none" => Some(Coverage::None),
            _ => None,
        }
    }

    /// A few words for charts and tables.
    pub fn label(self) -> Text {
        match self {
            Coverage::InHouse => Text::new("自組織", "In-house"),
            Coverage::Vendor => Text::new("ベンダー", "Vendor"),
            Coverage::Both => Text::new("自組織とベンダー", "Both"),
            Coverage::None => Text::new("担う人なし", "Not covered"),
            Coverage::Unanswered => Text::new("未回答", "Unanswered"),
        }
    }

    /// Someone (own staff, a vendor or both) covers the role.
    pub fn is_covered(self) -> bool {
        matches!(self, Coverage::InHouse | Coverage::Vendor | Coverage::Both)
    }
}

/// One role as the assessment answers it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleCoverage {
    pub id: String,
    pub name: Text,
    pub source: String,
    /// The coverage item's id.
    pub item: String,
    pub coverage: Coverage,
    /// Own staff covering the role, as answered: shown, never scored.
    pub headcount: Option<f64>,
    /// The coverage item's level as 0–100; `None` when unanswered.
    pub score: Option<f64>,
    /// The coverage item's weight: the heavier, the sooner an uncovered role matters.
    pub weight: f64,
    /// A vendor alone reaches the item's top level, so a vendor fits this role.
    pub vendor_fits: bool,
}

/// Why a piece of advice is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdviceKind {
    /// Nobody covers the role; the ranks follow the roles' weights.
    Uncovered,
    /// Only a vendor covers a role that fits own staff better.
    KeepInHouse,
    /// One person in-house covers a role a vendor fits: a vendor can back them up.
    VendorBackup,
}

/// One recommendation about a role.
#[derive(Debug, Clone, Serialize)]
pub struct RoleAdvice {
    pub role: String,
    pub kind: AdviceKind,
    pub text: Text,
}

/// The staffing of a questionnaire with roles.
#[derive(Debug, Clone, Serialize)]
pub struct Staffing {
    pub roles: Vec<RoleCoverage>,
    pub covered: usize,
    pub uncovered: usize,
    pub unanswered: usize,
    /// Sum of the answered head counts (a person covering two roles counts twice).
    pub people: f64,
    /// Uncovered roles first (heaviest first), then vendor-only roles that fit own staff, then
    /// single-person roles a vendor could back up.
    pub advice: Vec<RoleAdvice>,
}

/// The staffing by role of an assessment; `None` when the questionnaire has no roles.
pub fn staffing(q: &Questionnaire, answers: &StrictMap<Answer>) -> Option<Staffing> {
    if q.roles.is_empty() {
        return None;
    }
    let mut roles = Vec::new();
    for r in &q.roles {
        let Some(item) = q.item(&r.coverage) else {
            continue;
        };
        let key = answers.get(&r.coverage).and_then(Answer::as_str);
        let coverage = key
            .and_then(Coverage::from_key)
            .unwrap_or(Coverage::Unanswered);
        let max = item.max_level().unwrap_or(0);
        let score = key
            .and_then(|k| item.level_of_key(k))
            .filter(|_| max > 0)
            .map(|l| f64::from(l) / f64::from(max) * 100.0);
        let headcount = r.headcount.as_ref().and_then(|h| match answers.get(h) {
            Some(Answer::Number(n)) => n.as_f64(),
            _ => None,
        });
        let vendor_fits = max > 0 && item.level_of_key("vendor") == Some(max);
        roles.push(RoleCoverage {
            id: r.id.clone(),
            name: r.name.clone(),
            source: r.source.clone(),
            item: r.coverage.clone(),
            coverage,
            headcount,
            score,
            weight: item.weight,
            vendor_fits,
        });
    }
    let covered = roles.iter().filter(|r| r.coverage.is_covered()).count();
    let uncovered = roles
        .iter()
        .filter(|r| r.coverage == Coverage::None)
        .count();
    let unanswered = roles.len() - covered - uncovered;
    let people = roles.iter().filter_map(|r| r.headcount).sum();
    let advice = advise(&roles);
    Some(Staffing {
        roles,
        covered,
        uncovered,
        unanswered,
        people,
        advice,
    })
}

fn advise(roles: &[RoleCoverage]) -> Vec<RoleAdvice> {
    let mut uncovered: Vec<&RoleCoverage> = roles
        .iter()
        .filter(|r| r.coverage == Coverage::None)
        .collect();
    // Stable: roles of equal weight keep the questionnaire's order.
    uncovered.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut advice = Vec::new();
    for (i, r) in uncovered.iter().enumerate() {
        let rank = i + 1;
        let (ja, en) = (&r.name.ja, in_sentence(&r.name.en));
        let text = if r.vendor_fits {
            bi!(
                "優先 {rank}: {ja}を担う人がいません。この役割にはベンダーが合うので、人を確保できなければベンダーの活用を検討してください。",
                "Priority {rank}: nobody covers the {en} role. A vendor fits this role, so if you cannot staff it, consider a vendor."
            )
        } else {
            bi!(
                "優先 {rank}: {ja}を担う人がいません。この役割は自組織の担当者が担うことを勧めます。兼務でもかまいません。",
                "Priority {rank}: nobody covers the {en} role. It is best held by your own staff; part-time is fine."
            )
        };
        advice.push(RoleAdvice {
            role: r.id.clone(),
            kind: AdviceKind::Uncovered,
            text,
        });
    }
    for r in roles
        .iter()
        .filter(|r| r.coverage == Coverage::Vendor && !r.vendor_fits)
    {
        let (ja, en) = (&r.name.ja, in_sentence(&r.name.en));
        advice.push(RoleAdvice {
            role: r.id.clone(),
            kind: AdviceKind::KeepInHouse,
            text: bi!(
                "{ja}はベンダーだけが担っています。この役割は自組織の担当者を置き、ベンダーはその補助とすることを勧めます。",
                "Only a vendor covers the {en} role. Put your own staff in charge of it and let the vendor support them."
            ),
        });
    }
    for r in roles.iter().filter(|r| {
        r.coverage == Coverage::InHouse && r.vendor_fits && r.headcount.is_some_and(|h| h <= 1.0)
    }) {
        let (ja, en) = (&r.name.ja, in_sentence(&r.name.en));
        advice.push(RoleAdvice {
            role: r.id.clone(),
            kind: AdviceKind::VendorBackup,
            text: bi!(
                "{ja}は自組織の 1 人以下で担っています。この役割にはベンダーが合うので、不在時の備えとしてベンダーの支援を検討してください。",
                "The {en} role rests on one person or fewer in-house. A vendor fits this role, so consider one as cover for absences."
            ),
        });
    }
    advice
}

/// An English role name inside a sentence: "Legal adviser" → "legal adviser", while a name
/// that starts with an acronym ("PoC") keeps its capitals.
fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_model::load::builtin_set;
    use csirt_model::Assessment;
    use proptest::prelude::*;

    fn roles_q() -> std::sync::Arc<Questionnaire> {
        builtin_set("csirt-roles")
            .expect("the built-in roles questionnaire loads")
            .questionnaire
    }

    fn demo() -> Assessment {
        csirt_model::assessment::parse(include_bytes!(
            "../../../questionnaires/csirt-roles/demo.json"
        ))
        .expect("the roles demo parses")
    }

    #[test]
    fn no_roles_no_staffing() {
        let q = builtin_set("jpcert-2015").expect("builtin").questionnaire;
        assert!(staffing(&q, &StrictMap::default()).is_none());
    }

    #[test]
    fn demo_counts_and_order_of_uncovered_roles() {
        let q = roles_q();
        let s = staffing(&q, &demo().answers).expect("roles");
        assert_eq!(s.roles.len(), 14);
        assert_eq!((s.covered, s.uncovered, s.unanswered), (10, 4, 0));
        assert_eq!(s.people, 11.0);
        let first: Vec<&str> = s
            .advice
            .iter()
            .filter(|a| a.kind == AdviceKind::Uncovered)
            .map(|a| a.role.as_str())
            .collect();
        // legal adviser and solution analyst weigh 0.9, investigator and self-assessment 0.8;
        // equal weights keep the questionnaire's order.
        assert_eq!(
            first,
            [
                "legal",
                "solution-analyst",
                "self-assessment",
                "investigator"
            ]
        );
        assert!(s.advice[0]
            .text
            .ja
            .starts_with("優先 1: リーガルアドバイザー"));
        assert!(s.advice[3].text.en.contains("A vendor fits"));
    }

    #[test]
    fn vendor_only_on_a_role_that_fits_staff_is_flagged() {
        let q = roles_q();
        let mut answers = StrictMap::default();
        answers.insert("3.1.1".into(), Answer::Text("vendor".into())); // commander
        answers.insert("3.6.1".into(), Answer::Text("vendor".into())); // forensic engineer
        let s = staffing(&q, &answers).expect("roles");
        let keep: Vec<&str> = s
            .advice
            .iter()
            .filter(|a| a.kind == AdviceKind::KeepInHouse)
            .map(|a| a.role.as_str())
            .collect();
        assert_eq!(keep, ["commander"]);
        let commander = s.roles.iter().find(|r| r.id == "commander").expect("role");
        assert_eq!(commander.score, Some(50.0));
        let forensic = s
            .roles
            .iter()
            .find(|r| r.id == "forensic-engineer")
            .expect("role");
        assert_eq!(forensic.score, Some(100.0));
        assert!(forensic.vendor_fits && !commander.vendor_fits);
        assert_eq!(s.unanswered, 12);
    }

    #[test]
    fn one_person_on_a_vendor_role_gets_a_backup_hint() {
        let q = roles_q();
        let mut answers = StrictMap::default();
        answers.insert("2.1.1".into(), Answer::Text("in-house".into())); // researcher
        answers.insert("2.1.2".into(), Answer::Number(1.into()));
        answers.insert("3.1.1".into(), Answer::Text("in-house".into())); // commander
        answers.insert("3.1.2".into(), Answer::Number(1.into()));
        let s = staffing(&q, &answers).expect("roles");
        let backup: Vec<&str> = s
            .advice
            .iter()
            .filter(|a| a.kind == AdviceKind::VendorBackup)
            .map(|a| a.role.as_str())
            .collect();
        assert_eq!(backup, ["researcher"]);
    }

    const KEYS: [&str; 5] = ["in-house", "vendor", "both", "none", ""];

    proptest! {
        #[test]
        fn counts_add_up_uncovered_ranked_and_headcount_never_scores(
            picks in proptest::collection::vec((0usize..5, 0u32..20), 14),
            other in proptest::collection::vec(0u32..20, 14),
        ) {
            let q = roles_q();
            let mut a = StrictMap::default();
            let mut b = StrictMap::default();
            for (role, ((k, n), m)) in q.roles.iter().zip(picks.iter().zip(other.iter())) {
                for (map, count) in [(&mut a, *n), (&mut b, *m)] {
                    if !KEYS[*k].is_empty() {
                        map.insert(role.coverage.clone(), Answer::Text(KEYS[*k].into()));
                    }
                    if let Some(h) = &role.headcount {
                        map.insert(h.clone(), Answer::Number(count.into()));
                    }
                }
            }
            let s = staffing(&q, &a).expect("roles");
            let t = staffing(&q, &b).expect("roles");
            prop_assert_eq!(s.covered + s.uncovered + s.unanswered, s.roles.len());
            let expected_none = picks.iter().filter(|(k, _)| KEYS[*k] == "none").count();
            prop_assert_eq!(s.uncovered, expected_none);
            let ranked: Vec<f64> = s
                .advice
                .iter()
                .filter(|x| x.kind == AdviceKind::Uncovered)
                .filter_map(|x| s.roles.iter().find(|r| r.id == x.role))
                .map(|r| r.weight)
                .collect();
            prop_assert_eq!(ranked.len(), s.uncovered);
            prop_assert!(ranked.windows(2).all(|w| w[0] >= w[1]));
            for (r, u) in s.roles.iter().zip(t.roles.iter()) {
                // The head count is shown, never scored.
                prop_assert_eq!(r.score, u.score);
                prop_assert_eq!(r.coverage, u.coverage);
                if let Some(x) = r.score {
                    prop_assert!((0.0..=100.0).contains(&x));
                }
                prop_assert_eq!(r.score == Some(0.0), r.coverage == Coverage::None);
            }
        }
    }
}
