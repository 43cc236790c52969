//! Tests of prefilling: hand-made questionnaires for the rule, the built-in pair for the
//! properties (proptest).

use super::*;
use csirt_model::load::{builtin_set, compile_texts};
use csirt_model::{Answer, Organisation};
use proptest::prelude::*;

const SOURCE: &str = r#"
format = "csirt-questionnaire/1"
id = "src"
version = "1"
title = { ja = "元の質問票", en = "the source questionnaire" }
source = { ja = "試験", en = "Test" }

[[scales]]
id = "five"
name = { ja = "5 段階", en = "Five levels" }
options = [
  { key = "a", level = 4, short = { ja = "監査", en = "audited" }, ja = "監査", en = "Audited" },
  { key = "b", level = 3, short = { ja = "承認", en = "approved" }, ja = "承認", en = "Approved" },
  { key = "c", level = 2, ja = "文書化", en = "Documented" },
  { key = "d", level = 1, short = { ja = "目安のみ", en = "implicit" }, ja = "目安", en = "Implicit" },
  { key = "e", level = 0, ja = "なし", en = "None" },
]

[[scales]]
id = "three"
name = { ja = "3 段階", en = "Three levels" }
options = [
  { key = "a", level = 2, ja = "明確", en = "Clear" },
  { key = "b", level = 1, ja = "目安", en = "Rough" },
  { key = "c", level = 0, ja = "なし", en = "None" },
]

[[areas]]
id = "x"
name = { ja = "領域", en = "Area" }

[[sections]]
id = "4"
title = { ja = "節", en = "Section" }

[[items]]
id = "4.1"
section = "4"
type = "scale"
scale = "five"
text = { ja = "問 4.1", en = "Question 4.1" }
area = "x"
recommendation = { ja = "改善", en = "Improve" }
sim3 = ["P-1"]

[[items]]
id = "4.2"
section = "4"
type = "scale"
scale = "three"
text = { ja = "問 4.2", en = "Question 4.2" }
area = "x"
recommendation = { ja = "改善", en = "Improve" }
sim3 = ["P-1", "P-2"]

[[items]]
id = "4.3"
section = "4"
type = "scale"
scale = "five"
text = { ja = "問 4.3", en = "Question 4.3" }
area = "x"
recommendation = { ja = "改善", en = "Improve" }
"#;

const TARGET: &str = r#"
format = "csirt-questionnaire/1"
id = "tgt"
version = "1"
title = { ja = "先の質問票", en = "the target questionnaire" }
source = { ja = "試験", en = "Test" }

[[scales]]
id = "zero-four"
name = { ja = "0〜4", en = "0–4" }
options = [
  { key = "4", level = 4, ja = "4", en = "4" },
  { key = "3", level = 3, ja = "3", en = "3" },
  { key = "2", level = 2, ja = "2", en = "2" },
  { key = "1", level = 1, ja = "1", en = "1" },
  { key = "0", level = 0, ja = "0", en = "0" },
]

[[scales]]
id = "three"
name = { ja = "3 段階", en = "Three levels" }
options = [
  { key = "hi", level = 2, ja = "高", en = "High" },
  { key = "mid", level = 1, ja = "中", en = "Mid" },
  { key = "lo", level = 0, ja = "低", en = "Low" },
]

[[areas]]
id = "p"
name = { ja = "プロセス", en = "Processes" }

[[sections]]
id = "P"
title = { ja = "プロセス", en = "Processes" }

[[items]]
id = "P-1"
section = "P"
type = "scale"
scale = "zero-four"
text = { ja = "P-1", en = "P-1" }
area = "p"
recommendation = { ja = "改善", en = "Improve" }

[[items]]
id = "P-2"
section = "P"
type = "scale"
scale = "three"
text = { ja = "P-2", en = "P-2" }
area = "p"
recommendation = { ja = "改善", en = "Improve" }

[[items]]
id = "P-3"
section = "P"
type = "scale"
scale = "zero-four"
text = { ja = "P-3", en = "P-3" }
area = "p"
recommendation = { ja = "改善", en = "Improve" }
"#;

fn pair() -> (Questionnaire, Questionnaire) {
    let s = compile_texts("src", SOURCE, None).expect("source compiles");
    let t = compile_texts("tgt", TARGET, None).expect("target compiles");
    (
        s.questionnaire.as_ref().clone(),
        t.questionnaire.as_ref().clone(),
    )
}

fn answered(q: &Questionnaire, answers: &[(&str, &str)]) -> Assessment {
    let mut a = Assessment::new(
        q,
        Organisation {
            name: "Org".into(),
            ..Default::default()
        },
    );
    for (item, key) in answers {
        a.answers
            .insert(item.to_string(), Answer::Text(key.to_string()));
    }
    a
}

#[test]
fn one_source_item_maps_its_level_onto_the_target_scale() {
    let (s, t) = pair();
    // 4.1 approved (3/4) alone informs P-1 → 3 on 0–4.
    let d = propose(&s, &answered(&s, &[("4.1", "b")]), &t);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].item, "P-1");
    assert_eq!(d[0].key, "3");
    assert_eq!(d[0].from, vec!["4.1".to_string()]);
    assert_eq!(
        d[0].why.en,
        "derived from the source questionnaire: 4.1 approved"
    );
    assert_eq!(d[0].why.ja, "元の質問票から導出: 4.1 承認");
}

#[test]
fn several_source_items_give_the_lowest_and_name_every_one() {
    let (s, t) = pair();
    // 4.1 audited (4/4) and 4.2 rough (1/2) inform P-1: the lowest is 1/2 → 2 on 0–4.
    // 4.2 alone informs P-2 (three levels): 1/2 → mid.
    let d = propose(&s, &answered(&s, &[("4.1", "a"), ("4.2", "b")]), &t);
    let p1 = d.iter().find(|d| d.item == "P-1").expect("P-1 proposed");
    assert_eq!(p1.key, "2");
    assert_eq!(p1.from, vec!["4.1".to_string(), "4.2".to_string()]);
    assert_eq!(
        p1.why.en,
        "derived from the source questionnaire: 4.1 audited, 4.2 Rough → lowest"
    );
    assert!(p1.why.ja.ends_with("→ 最も低い水準"), "{}", p1.why.ja);
    let p2 = d.iter().find(|d| d.item == "P-2").expect("P-2 proposed");
    assert_eq!(p2.key, "mid");
    // No source refers to P-3: nothing is proposed for it.
    assert!(d.iter().all(|d| d.item != "P-3"), "{d:?}");
}

#[test]
fn a_level_between_target_levels_rounds_down() {
    let (s, t) = pair();
    // 4.1 implicit (1/4) informs P-1 only; but 4.2 none (0/2) informs P-1 and P-2 → 0.
    let d = propose(&s, &answered(&s, &[("4.1", "d"), ("4.2", "c")]), &t);
    let keys: Vec<(&str, &str)> = d
        .iter()
        .map(|d| (d.item.as_str(), d.key.as_str()))
        .collect();
    assert_eq!(keys, vec![("P-1", "0"), ("P-2", "lo")]);
    // 4.1 at 3/4 onto three levels would be 1.5 → mid (1), never high.
    let src = SOURCE.replace("sim3 = [\"P-1\"]\n", "sim3 = [\"P-2\"]\n");
    let s2 = compile_texts("src", &src, None).expect("compiles");
    let s2 = s2.questionnaire.as_ref().clone();
    let d = propose(&s2, &answered(&s2, &[("4.1", "b")]), &t);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].item.as_str(), d[0].key.as_str()), ("P-2", "mid"));
}

#[test]
fn unanswered_and_unscored_source_items_inform_nothing() {
    let (s, t) = pair();
    assert!(propose(&s, &answered(&s, &[]), &t).is_empty());
    // 4.3 has no refs.
    assert!(propose(&s, &answered(&s, &[("4.3", "a")]), &t).is_empty());
}

#[test]
fn the_jpcert_demo_informs_sim3() {
    let jp = builtin_set("jpcert-2015").expect("jpcert-2015");
    let sim3 = builtin_set("sim3").expect("sim3");
    let demo = csirt_model::demo::demo_assessment(csirt_model::Lang::En);
    let d = propose(&jp.questionnaire, &demo, &sim3.questionnaire);
    assert!(!d.is_empty());
    for p in &d {
        assert!(sim3.questionnaire.item(&p.item).is_some());
        for f in &p.from {
            let src = jp.questionnaire.item(f).expect("source item");
            assert!(
                src.sim3.contains(&p.item),
                "{f} does not refer to {}",
                p.item
            );
            assert!(demo.answers.get(f).is_some(), "{f} is not answered");
        }
    }
}

/// The built-in pair and a random answer (or none) for each of the source's referring items.
fn builtin_case() -> impl Strategy<Value = (Vec<Option<usize>>,)> {
    (proptest::collection::vec(
        proptest::option::of(0usize..8),
        64,
    ),)
}

fn jp_assessment(jp: &Questionnaire, choices: &[Option<usize>]) -> Assessment {
    let mut a = answered(jp, &[]);
    let referring = jp.scored_items().filter(|i| !i.sim3.is_empty());
    for (item, choice) in referring.zip(choices.iter().cycle()) {
        let keys = item.levelled_keys();
        if let Some(c) = choice {
            if !keys.is_empty() {
                let (k, _) = &keys[c % keys.len()];
                a.answers.insert(item.id.clone(), Answer::Text(k.clone()));
            }
        }
    }
    a
}

proptest! {
    #[test]
    fn never_above_any_source_deterministic_and_only_referred_items((choices,) in builtin_case()) {
        let jp = builtin_set("jpcert-2015").expect("jpcert-2015");
        let sim3 = builtin_set("sim3").expect("sim3");
        let (jq, sq) = (&jp.questionnaire, &sim3.questionnaire);
        let a = jp_assessment(jq, &choices);
        let d = propose(jq, &a, sq);
        // Deterministic.
        prop_assert_eq!(&d, &propose(jq, &a, sq));
        for p in &d {
            let t = sq.item(&p.item).expect("a target item");
            let t_level = t.level_of_key(&p.key).expect("a levelled key");
            let t_max = t.max_level().expect("scored");
            prop_assert!(!p.from.is_empty());
            for f in &p.from {
                let s = jq.item(f).expect("a source item");
                // Only items a source item refers to, and only from answered sources.
                prop_assert!(s.sim3.contains(&p.item));
                let key = a.answers.get(f).and_then(|x| x.as_str()).expect("answered");
                let (l, m) = (s.level_of_key(key).expect("level"), s.max_level().expect("max"));
                // Never above any source item's normalised level.
                prop_assert!(f64::from(t_level) / f64::from(t_max) <= f64::from(l) / f64::from(m) + 1e-12,
                    "{} {}/{} above {} {}/{}", p.item, t_level, t_max, f, l, m);
            }
        }
        // Every target item some answered source refers to gets a proposal (0 always fits).
        let referred: std::collections::BTreeSet<&str> = jq
            .scored_items()
            .filter(|i| a.answers.get(&i.id).is_some())
            .flat_map(|i| i.sim3.iter().map(String::as_str))
            .filter(|p| sq.item(p).is_some_and(|t| t.scored))
            .collect();
        let proposed: std::collections::BTreeSet<&str> = d.iter().map(|p| p.item.as_str()).collect();
        prop_assert_eq!(referred, proposed);
    }
}
