//! The benchmark round end to end: contributions made from assessments carry nothing that could
//! name the team, and pooling them gives exact counts equal to a seeded generator's tally, with
//! small cells suppressed, duplicates counted once, bad files refused by name, and byte-identical
//! output in any input order. Generated contributions exist only here, never in the product.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, stderr, stdout};
use csirt_model::contribution::{ProfileValue, NUMBER_BANDS};
use csirt_model::date::Date;
use csirt_model::{
    builtin, builtin_texts, compile_texts, contribution_from, demo, Answer, Assessment,
    Contribution, ContributionId, Form, ItemKind, Lang, Profile, Questionnaire, Sector, SizeBand,
    StrictMap,
};
use csirt_pool::{build, Dimension, Input, Options, Outcome, PoolError};
use std::collections::BTreeMap;
use std::sync::Arc;

fn q() -> Arc<Questionnaire> {
    builtin().unwrap().questionnaire
}

/// SplitMix64: a small, seeded generator, so every run draws the same contributions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Index drawn with the given weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut r = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        // One in six leaves the profile part unstated.
        if self.below(6) == 0 {
            None
        } else {
            Some(all[self.below(all.len())])
        }
    }
}

/// The keys a benchmarkable item takes in a contribution.
fn keys_of(item: &csirt_model::Item) -> Vec<String> {
    match &item.kind {
        ItemKind::Service { .. } => ["in-house", "outsourced", "none"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        ItemKind::Number { .. } => NUMBER_BANDS.iter().map(|b| b.0.to_string()).collect(),
        _ => item.options().iter().map(|o| o.key.clone()).collect(),
    }
}

/// The n a figure must have: the answers, less a scored item's answers without a level.
fn expected_n(
    item: &csirt_model::Item,
    answered: usize,
    counts: &BTreeMap<String, usize>,
) -> usize {
    let unlevelled: usize = keys_of(item)
        .iter()
        .filter(|k| item.scored && item.level_of_key(k).is_none())
        .map(|k| counts.get(k).copied().unwrap_or(0))
        .sum();
    answered - unlevelled
}

/// What the generator drew: for each group ("" for all, or a segment id), for each item, the
/// number of contributions that answered it and the count of each key.
type Tallies = BTreeMap<String, BTreeMap<String, (usize, BTreeMap<String, usize>)>>;

/// `n` contributions with known distributions: item `i`'s key `k` is drawn with weight
/// `1 + (i + k) % 4`, multiple choices each with probability 1/3, one answer in ten left out.
fn generate(q: &Questionnaire, n: usize, seed: u64) -> (Vec<Contribution>, Tallies) {
    let mut rng = Rng(seed);
    let mut tallies: Tallies = BTreeMap::new();
    let mut out = Vec::new();
    for _ in 0..n {
        let mut id = [0u8; 16];
        for chunk in id.chunks_mut(8) {
            chunk.copy_from_slice(&rng.next().to_le_bytes());
        }
        let profile = Profile {
            sector: rng.pick(Sector::ALL),
            size: rng.pick(SizeBand::ALL),
            form: rng.pick(Form::ALL),
        };
        let month = format!("{}-{:02}", 2025 + rng.below(2), 1 + rng.below(12));
        let mut answers = StrictMap::default();
        for (i, item) in q.items.iter().filter(|i| i.benchmark).enumerate() {
            if rng.below(10) == 0 {
                continue;
            }
            let keys = keys_of(item);
            let answer = if matches!(item.kind, ItemKind::Multiple { .. }) {
                let chosen: Vec<String> =
                    keys.iter().filter(|_| rng.below(3) == 0).cloned().collect();
                Answer::Keys(chosen)
            } else {
                let weights: Vec<usize> = (0..keys.len()).map(|k| 1 + (i + k) % 4).collect();
                Answer::Text(keys[rng.weighted(&weights)].clone())
            };
            answers.insert(item.id.clone(), answer);
        }
        let c = Contribution {
            format: csirt_model::CONTRIBUTION_FORMAT.to_string(),
            questionnaire: q.id.clone(),
            questionnaire_version: q.version.clone(),
            id: ContributionId::from_bytes(id),
            month,
            profile,
            answers,
        };
        let mut groups = vec![String::new()];
        groups.extend(c.profile.segment_ids());
        for g in groups {
            let items = tallies.entry(g).or_default();
            for (item, answer) in c.answers.iter() {
                let e = items.entry(item.clone()).or_default();
                e.0 += 1;
                let keys = match answer {
                    Answer::Text(k) => vec![k.clone()],
                    Answer::Keys(k) => k.clone(),
                    Answer::Number(_) => unreachable!(),
                };
                for k in keys {
                    *e.1.entry(k).or_default() += 1;
                }
            }
        }
        out.push(c);
    }
    (out, tallies)
}

fn inputs(cs: &[Contribution]) -> Vec<Input> {
    cs.iter()
        .enumerate()
        .map(|(i, c)| Input {
            name: format!("c{i:05}.json"),
            bytes: c.to_json_pretty().into_bytes(),
        })
        .collect()
}

fn options(q: &Questionnaire, by: Vec<Dimension>) -> Options<'_> {
    Options {
        questionnaire: q,
        identity: None,
        min_cell: 5,
        collector: "Test collector".into(),
        build_date: "2026-11-29".parse::<Date>().unwrap(),
        by,
    }
}

fn pool(q: &Questionnaire, cs: &[Contribution], by: Vec<Dimension>) -> Outcome {
    build(&inputs(cs), &options(q, by)).unwrap()
}

/// The figures of the file as (segment, item) → (n, values), read generically.
fn figures(toml_text: &str) -> BTreeMap<(String, String), (usize, BTreeMap<String, usize>)> {
    let v: toml::Value = toml::from_str(toml_text).unwrap();
    let mut out = BTreeMap::new();
    for f in v["figures"].as_array().unwrap() {
        let seg = f
            .get("segment")
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string();
        let item = f["item"].as_str().unwrap().to_string();
        assert_eq!(f["precision"].as_str(), Some("exact-count"));
        let values = f["values"]
            .as_table()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_integer().unwrap() as usize))
            .collect();
        let n = f["n"].as_integer().unwrap() as usize;
        assert!(out.insert((seg, item), (n, values)).is_none());
    }
    out
}

#[test]
fn every_count_equals_the_generators_tally() {
    let q = q();
    let (cs, tallies) = generate(&q, 400, 12);
    let outcome = pool(&q, &cs, vec![]);
    assert_eq!(outcome.used, 400);
    let figs = figures(&outcome.toml);
    let all = &tallies[""];
    let mut checked = 0;
    for item in q.items.iter().filter(|i| i.benchmark) {
        if matches!(item.kind, ItemKind::Number { .. }) {
            assert!(!figs.contains_key(&(String::new(), item.id.clone())));
            continue;
        }
        let (answered, counts) = &all[&item.id];
        let (n, values) = &figs[&(String::new(), item.id.clone())];
        // A scored item's answers without a level ("other") are left out of n.
        let keys: Vec<String> = keys_of(item)
            .into_iter()
            .filter(|k| !item.scored || item.level_of_key(k).is_some())
            .collect();
        let unlevelled: usize = keys_of(item)
            .iter()
            .filter(|k| !keys.contains(k))
            .map(|k| counts.get(k).copied().unwrap_or(0))
            .sum();
        assert_eq!(*n, answered - unlevelled, "item {}", item.id);
        // Every key is written, zero counts included, and equals the tally.
        assert_eq!(values.len(), keys.len(), "item {}", item.id);
        for (k, v) in values {
            assert_eq!(
                *v,
                counts.get(k).copied().unwrap_or(0),
                "item {} key {k}",
                item.id
            );
        }
        checked += 1;
    }
    assert!(checked > 60, "{checked}");
    // Team sizes are a table of counts per band.
    let v: toml::Value = toml::from_str(&outcome.toml).unwrap();
    let sup = v["supplements"].as_array().unwrap();
    let bands33 = sup
        .iter()
        .find(|s| s["id"].as_str() == Some("bands-3.3"))
        .unwrap();
    let row = &bands33["rows"].as_array().unwrap()[0];
    let want: Vec<i64> = NUMBER_BANDS
        .iter()
        .map(|b| all["3.3"].1.get(b.0).copied().unwrap_or(0) as i64)
        .collect();
    let got: Vec<i64> = row["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_integer().unwrap())
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        v["source"]["en"].as_str().unwrap(),
        format!(
            "Pooled from 400 anonymous contributions (assessments dated {} to {}) by Test collector, built on 2026-11-29.",
            outcome.first_month, outcome.last_month
        )
    );
}

#[test]
fn the_pooled_benchmark_compiles_and_gives_an_exact_standing_on_every_scored_item() {
    let q = q();
    let (cs, _) = generate(&q, 200, 7);
    let outcome = pool(&q, &cs, vec![]);
    let (q_text, _) = builtin_texts();
    let set = compile_texts("pooled", q_text, Some(&outcome.toml)).unwrap();
    let b = set.benchmark.as_deref().unwrap();
    assert_eq!(b.n, 200);
    // Every level of every scored item.
    let mut scored = 0;
    for item in set.questionnaire.scored_items() {
        scored += 1;
        for (key, level) in item.levelled_keys() {
            let st = csirt_scoring::at_or_above(item, b, level)
                .unwrap_or_else(|| panic!("item {} key {key}: no standing", item.id));
            assert!(st.precision.is_exact(), "item {}", item.id);
            assert_eq!(
                st.at_or_above.low, st.at_or_above.high,
                "item {} key {key}",
                item.id
            );
        }
    }
    assert!(scored >= 30, "{scored}");
    // The demo, scored against it: every scored item it answers stands exactly.
    let demo = demo::demo_assessment(Lang::En);
    let report = csirt_scoring::score(&set.questionnaire, Some(b), &demo).unwrap();
    let mut answered = 0;
    for item in set.questionnaire.scored_items() {
        // At the bottom of the scale the scoring reports no standing, whatever the benchmark.
        let level = report.item(&item.id).unwrap().level;
        let lowest = item.levelled_keys().iter().map(|(_, l)| *l).min();
        if level.is_none() || level == lowest {
            continue;
        }
        answered += 1;
        let st = report.item(&item.id).unwrap().standing.as_ref();
        let st = st.unwrap_or_else(|| panic!("item {}: no standing", item.id));
        assert_eq!(st.at_or_above.low, st.at_or_above.high, "item {}", item.id);
        assert_eq!(st.precision, csirt_model::Precision::ExactCount);
    }
    assert!(answered >= 20, "{answered}");
}

#[test]
fn segments_hold_their_own_counts_and_small_ones_are_not_written() {
    let q = q();
    // 60 contributions over 12 sectors: some sectors get fewer than 5.
    let (cs, tallies) = generate(&q, 60, 99);
    let outcome = pool(&q, &cs, vec![Dimension::Sector, Dimension::Form]);
    let v: toml::Value = toml::from_str(&outcome.toml).unwrap();
    let segments: BTreeMap<String, i64> = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["n"].as_integer().unwrap(),
            )
        })
        .collect();
    let group_size = |id: &str| {
        cs.iter()
            .filter(|c| c.profile.segment_ids().iter().any(|s| s == id))
            .count()
    };
    assert!(
        !outcome.suppressed_segments.is_empty(),
        "the seed makes small sectors"
    );
    for s in &outcome.suppressed_segments {
        assert!(s.n < 5);
        assert!(!segments.contains_key(&s.id));
        assert!(!outcome.toml.contains(&format!("\"{}\"", s.id)), "{}", s.id);
    }
    for (id, n) in &segments {
        assert!(*n >= 5, "{id}");
        assert_eq!(*n as usize, group_size(id), "{id}");
        assert!(id.starts_with("sector=") || id.starts_with("form="), "{id}");
    }
    let figs = figures(&outcome.toml);
    let mut seg_figs = 0;
    for ((seg, item), (n, values)) in &figs {
        // No figure from fewer than five.
        assert!(*n >= 5, "{seg} {item}");
        if seg.is_empty() {
            continue;
        }
        seg_figs += 1;
        let (answered, counts) = &tallies[seg][item];
        assert_eq!(*n, expected_n(q.item(item).unwrap(), *answered, counts));
        for (k, v) in values {
            assert_eq!(*v, counts.get(k).copied().unwrap_or(0));
        }
    }
    assert!(seg_figs > 0);
    // Figures an item answered by fewer than five in a kept segment are left out.
    for (seg, items) in &tallies {
        if seg.is_empty() || !segments.contains_key(seg) {
            continue;
        }
        for (item, (answered, counts)) in items {
            let written = figs.contains_key(&(seg.clone(), item.clone()));
            let it = q.item(item).unwrap();
            let number = matches!(it.kind, ItemKind::Number { .. });
            let n = expected_n(it, *answered, counts);
            assert_eq!(written, n >= 5 && !number, "{seg} {item}");
        }
    }
}

#[test]
fn fewer_contributions_than_the_minimum_write_nothing() {
    let q = q();
    let (cs, _) = generate(&q, 4, 3);
    match build(&inputs(&cs), &options(&q, vec![])) {
        Err(PoolError::TooFew { used, min_cell, .. }) => assert_eq!((used, min_cell), (4, 5)),
        other => panic!("{:?}", other.map(|o| o.used)),
    }
    // An item answered by fewer than five gets no figure even when the pool is large enough.
    let (mut cs, _) = generate(&q, 8, 4);
    for c in cs.iter_mut().skip(3) {
        c.answers.remove("2.8");
    }
    let outcome = pool(&q, &cs, vec![]);
    assert!(outcome.suppressed_items.contains(&"2.8".to_string()));
    assert!(!figures(&outcome.toml).contains_key(&(String::new(), "2.8".into())));
    let mut opts = options(&q, vec![]);
    opts.min_cell = 1;
    assert!(matches!(
        build(&inputs(&cs), &opts),
        Err(PoolError::MinCell(1))
    ));
}

#[test]
fn duplicates_count_once_and_the_output_does_not_depend_on_order() {
    let q = q();
    let (cs, _) = generate(&q, 30, 5);
    let first = pool(&q, &cs, vec![Dimension::Sector, Dimension::Size]);
    let mut shuffled = inputs(&cs);
    shuffled.reverse();
    shuffled.swap(3, 17);
    // The same contribution handed in twice, under another name.
    shuffled.push(Input {
        name: "again.json".into(),
        bytes: cs[4].to_json_pretty().into_bytes(),
    });
    let second = build(
        &shuffled,
        &options(&q, vec![Dimension::Sector, Dimension::Size]),
    )
    .unwrap();
    assert_eq!(second.used, 30);
    assert_eq!(second.duplicates.len(), 1);
    assert_eq!(second.duplicates[0].1, cs[4].id.to_string());
    assert_eq!(first.toml, second.toml, "byte-identical");
    assert_eq!(
        csirt_pool::sha256_hex(first.toml.as_bytes()),
        csirt_pool::sha256_hex(second.toml.as_bytes())
    );
    assert!(second.summary(0).en.contains("1 duplicate(s) counted once"));
}

#[test]
fn versions_are_used_only_when_every_answer_fits() {
    let q = q();
    let (mut cs, _) = generate(&q, 8, 21);
    cs[0].questionnaire_version = "2014.9".into();
    cs[1].questionnaire_version = "2014.9".into();
    cs[1]
        .answers
        .insert("2.8".into(), Answer::Text("zz".into()));
    let outcome = pool(&q, &cs, vec![]);
    assert_eq!(outcome.used, 7);
    assert_eq!(outcome.compatible_versions, vec![("2014.9".to_string(), 1)]);
    assert_eq!(outcome.refused.len(), 1);
    let r = &outcome.refused[0];
    assert_eq!(r.file, "c00001.json");
    assert!(
        r.reason.en.contains("not compatible with version 2015.1"),
        "{}",
        r.reason.en
    );
    assert!(r.reason.en.contains("item 2.8"), "{}", r.reason.en);
    assert!(
        r.reason.ja.contains("互換ではありません"),
        "{}",
        r.reason.ja
    );
}

/// An assessment with a distinctive string in every text it can hold.
fn distinctive() -> (Assessment, Vec<String>) {
    let q = q();
    let mut a = demo::demo_assessment(Lang::En);
    let mut marks = Vec::new();
    let mut mark = |what: &str| {
        let m = format!("ZQX{what}{}", marks.len());
        marks.push(m.clone());
        m
    };
    a.organisation.name = mark("org");
    a.organisation.sector = Some(mark("sector"));
    a.organisation.size = Some(mark("size"));
    a.organisation.csirt_form = Some(mark("form"));
    a.date = Some("2026-04-17".into());
    for item in q.answerable_items() {
        a.comments.insert(item.id.clone(), mark("comment"));
        a.evidence.insert(item.id.clone(), mark("evidence"));
        match &item.kind {
            ItemKind::Text => {
                a.answers
                    .insert(item.id.clone(), Answer::Text(mark("free")));
            }
            _ => {
                if let Some(o) = item.options().iter().find(|o| o.other) {
                    let answer = match item.kind {
                        ItemKind::Multiple { .. } => Answer::Keys(vec![o.key.clone()]),
                        _ => Answer::Text(o.key.clone()),
                    };
                    a.answers.insert(item.id.clone(), answer);
                    a.other.insert(item.id.clone(), mark("other"));
                }
            }
        }
        if item.scored {
            if let Some((key, _)) = item.levelled_keys().last() {
                a.targets.insert(item.id.clone(), key.clone());
            }
        }
    }
    a.answers
        .insert("3.3".into(), Answer::Number(serde_json::Number::from(4321)));
    let respondent = csirt_model::assessment::WorkshopRespondent {
        name: mark("respondent"),
        role: Some(mark("role")),
        answers: a.answers.clone(),
        other: a.other.clone(),
        comments: StrictMap(vec![("2.8".into(), mark("rcomment"))]),
        evidence: StrictMap(vec![("2.8".into(), mark("revidence"))]),
    };
    let mut consensus = StrictMap::default();
    consensus.insert(
        "2.8".into(),
        csirt_model::assessment::Consensus {
            answer: a.answers.get("2.8").unwrap().clone(),
            other: None,
            note: Some(mark("note")),
        },
    );
    a.workshop = Some(csirt_model::assessment::Workshop {
        facilitator_answers: a.answers.clone(),
        facilitator_other: a.other.clone(),
        respondents: vec![respondent],
        consensus,
    });
    let mut narrative = csirt_model::Narrative {
        message: mark("message"),
        findings: vec![mark("finding"), mark("finding")],
        ..Default::default()
    };
    narrative.gap_notes.insert("4.3".into(), mark("gapnote"));
    a.narrative = Some(narrative);
    csirt_model::assessment::validate_against(&a, &q).unwrap();
    (a, marks)
}

#[test]
fn a_contribution_holds_none_of_the_assessments_own_words() {
    let q = q();
    let (a, marks) = distinctive();
    let profile = Profile {
        sector: Some(Sector::Finance),
        size: None,
        form: Some(Form::Integrated),
    };
    let c = contribution_from(
        &q,
        &a,
        profile,
        ContributionId::random().unwrap(),
        "2026-04",
    )
    .unwrap();
    let bytes = c.to_json_pretty();
    assert!(marks.len() > 150, "{}", marks.len());
    for m in &marks {
        assert!(!bytes.contains(m.as_str()), "{m} leaked");
    }
    assert!(!bytes.contains("ZQX"));
    assert!(!bytes.contains("2026-04-17") && !bytes.contains("-17\""));
    // The random id may hold any digits; the team size must not appear anywhere else.
    assert!(!bytes.replace(c.id.as_str(), "").contains("4321"));
    assert_eq!(c.answers.get("3.3"), Some(&Answer::Text("50-plus".into())));
    // Only benchmarkable items, only keys.
    for (id, answer) in c.answers.iter() {
        let item = q.item(id).unwrap();
        assert!(item.benchmark, "{id}");
        assert!(!matches!(item.kind, ItemKind::Text | ItemKind::YearMonth));
        assert!(!matches!(answer, Answer::Number(_)));
    }
    let v: serde_json::Value = serde_json::from_str(&bytes).unwrap();
    let fields: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "format",
            "questionnaire",
            "questionnaire_version",
            "id",
            "month",
            "profile",
            "answers"
        ]
    );
    // The preview lists every field that leaves: every answer, and the profile.
    let preview = c.preview(&q, Lang::En);
    assert_eq!(preview.len(), 7 + c.answers.len());
    assert!(preview.iter().all(|(_, v)| !v.contains("ZQX")));
}

#[test]
fn the_cli_contributes_shows_seals_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).display().to_string();
    let (a, marks) = distinctive();
    std::fs::write(p("a.json"), a.to_json_pretty()).unwrap();

    // --show lists every field and writes nothing.
    let o = csirt(&[
        "--lang",
        "en",
        "contribute",
        &p("a.json"),
        "-o",
        &p("shown.json"),
        "--show",
        "--sector",
        "finance",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = stdout(&o);
    assert!(shown.contains("Contribution id (random)") && shown.contains("Finance"));
    assert!(
        shown.contains("3.3 Current number of members: 50 or more people"),
        "{shown}"
    );
    assert!(!std::path::Path::new(&p("shown.json")).exists());
    assert!(marks.iter().all(|m| !shown.contains(m.as_str())));

    // A bad profile value names the list, in Japanese too.
    let o = csirt(&[
        "contribute",
        &p("a.json"),
        "-o",
        &p("x.json"),
        "--sector",
        "steel",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("業種 \"steel\"") && stderr(&o).contains("manufacturing"));

    // The collector's key pair; contributions sealed to it; one to another key; one tampered.
    let o = csirt(&["benchmark", "keygen", "-o", &p("collector.key")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let public = stdout(&o).lines().last().unwrap().trim().to_string();
    assert!(public.starts_with("age1"));
    let o = csirt(&["benchmark", "keygen", "-o", &p("collector.key")]);
    assert!(!o.status.success(), "a key file is never overwritten");
    let o = csirt(&["benchmark", "keygen", "-o", &p("stranger.key")]);
    let stranger = stdout(&o).lines().last().unwrap().trim().to_string();
    std::fs::create_dir(p("in")).unwrap();
    std::fs::write(p("collector.pub"), format!("{public}\n")).unwrap();
    for i in 0..6 {
        let out = p(&format!("in/team{i}.age"));
        let o = if i % 2 == 0 {
            csirt(&[
                "contribute",
                &p("a.json"),
                "-o",
                &out,
                "--to",
                &public,
                "--size",
                "100-999",
            ])
        } else {
            csirt(&[
                "contribute",
                &p("a.json"),
                "-o",
                &out,
                "--to-file",
                &p("collector.pub"),
            ])
        };
        assert!(o.status.success(), "{}", stderr(&o));
        let sealed = std::fs::read(&out).unwrap();
        assert!(csirt_export::encrypt::is_encrypted(&sealed));
        assert!(!String::from_utf8_lossy(&sealed).contains("jpcert-2015"));
    }
    csirt(&[
        "contribute",
        &p("a.json"),
        "-o",
        &p("in/stranger.age"),
        "--to",
        &stranger,
    ]);
    let mut tampered = std::fs::read(p("in/team0.age")).unwrap();
    let at = tampered.len() - 10;
    tampered[at] ^= 0x20;
    std::fs::write(p("in/tampered.age"), tampered).unwrap();
    std::fs::copy(p("a.json"), p("in/assessment.json")).unwrap();
    std::fs::copy(p("in/team1.age"), p("in/team1-again.age")).unwrap();

    let build = |lang: &str, out: &str| {
        csirt(&[
            "--lang",
            lang,
            "benchmark",
            "build",
            &p("in"),
            "--questionnaire",
            "jpcert-2015",
            "-o",
            out,
            "--identity",
            &p("collector.key"),
            "--name",
            "NCA test round",
            "--build-date",
            "2026-11-29",
            "--by",
            "size",
        ])
    };
    let o = build("en", &p("b.toml"));
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("tampered.age: the encrypted file is damaged or was tampered with"),
        "{err}"
    );
    assert!(
        err.contains("stranger.age: the file was sealed to another key"),
        "{err}"
    );
    assert!(
        err.contains("assessment.json: line 2: not a contribution file"),
        "{err}"
    );
    assert!(
        err.contains("duplicate: ") && err.contains("/in/team1") && err.contains("counted once"),
        "{err}"
    );
    let summary = stdout(&o);
    assert!(summary.starts_with("used 6 contributions (2026-04 to 2026-04); refused 3 file(s); 1 duplicate(s) counted once"), "{summary}");
    let toml_text = std::fs::read_to_string(p("b.toml")).unwrap();
    assert!(summary.contains(&csirt_pool::sha256_hex(toml_text.as_bytes())));
    // Three contributions said their size: too few for a segment.
    assert!(!toml_text.contains("size=100-999"), "{toml_text}");
    let o = build("ja", &p("b2.toml"));
    let err = stderr(&o);
    assert!(
        err.contains("stranger.age: このファイルは別の鍵あてに暗号化されています"),
        "{err}"
    );
    assert!(
        stdout(&o).starts_with("6 件の貢献を使いました"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        std::fs::read(p("b.toml")).unwrap(),
        std::fs::read(p("b2.toml")).unwrap()
    );

    // Without the identity every sealed file is refused by name, and too few are left.
    let o = csirt(&[
        "--lang",
        "en",
        "benchmark",
        "build",
        &p("in"),
        "--questionnaire",
        "jpcert-2015",
        "-o",
        &p("none.toml"),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("team3.age: the file is sealed: give the collector's key file"));
    assert!(stderr(&o).contains("only 0 contribution(s) could be used"));
    assert!(!std::path::Path::new(&p("none.toml")).exists());
}

#[test]
fn a_stored_assessment_contributes_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("csirt.db").display().to_string();
    let demo_file = dir.path().join("demo.json");
    std::fs::write(&demo_file, demo::demo_assessment(Lang::En).to_json_pretty()).unwrap();
    let o = csirt(&[
        "--db",
        &db,
        "assessment",
        "import",
        demo_file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("c.json");
    let o = csirt(&[
        "--db",
        &db,
        "--lang",
        "en",
        "assessment",
        "contribute",
        "1",
        "-o",
        out.to_str().unwrap(),
        "--form",
        "distributed",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c: Contribution = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(c.profile.form, Some(Form::Distributed));
    assert_eq!(c.month, "2026-04");
    assert!(c.answers.len() > 40);
}

/// Writing a contribution shows every field it wrote, its random id included, so what left the
/// machine is what the person was shown (a `--show` run before has another id).
#[test]
fn writing_a_contribution_shows_exactly_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.json");
    std::fs::write(&demo, stdout(&csirt(&["demo"]))).unwrap();
    let file = dir.path().join("c.json");
    let out = csirt(&[
        "--lang",
        "en",
        "contribute",
        demo.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let shown = stdout(&out);
    assert!(shown.contains(written["id"].as_str().unwrap()), "{shown}");
    assert!(
        shown.contains(written["month"].as_str().unwrap()),
        "{shown}"
    );
    assert!(!shown.contains("サンプル精機"), "{shown}");
}

/// A pooled benchmark with segments is read by the same parser as every benchmark: it compiles,
/// each segment it lists can be chosen, and scoring against a segment names it.
#[test]
fn a_pooled_benchmark_with_segments_loads_and_each_segment_scores() {
    let q = q();
    let (cs, _) = generate(&q, 120, 7);
    let outcome = pool(
        &q,
        &cs,
        vec![Dimension::Sector, Dimension::Size, Dimension::Form],
    );
    let (catalog, _) = csirt_model::Catalog::load(None).unwrap();
    let b = csirt_model::compile_benchmark_bytes(
        std::path::Path::new("pooled.toml"),
        outcome.toml.as_bytes(),
        &catalog,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !b.segments.is_empty(),
        "the seed gives segments of five or more"
    );
    let demo = csirt_model::demo::demo_assessment(csirt_model::Lang::En);
    for s in &b.segments {
        let seg = b.segment(&s.id).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        let report = csirt_scoring::score(&q, Some(&seg), &demo).unwrap();
        let named = serde_json::to_string(&report.benchmark_ref).unwrap();
        assert!(named.contains(&s.id), "{}: {named}", s.id);
    }
    assert!(b.segment("sector=nowhere").is_err());
}
