//! The benchmark against the seed texts: every exact figure the seeds give is in the benchmark with
//! the same value, every narrative quote is the survey's own sentence, and nothing exact is
//! recorded that the seeds do not give.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use csirt_model::{builtin, Benchmark, Precision};
use regex_lite::Regex;
use std::collections::BTreeMap;
use std::fs;

fn benchmark() -> Benchmark {
    builtin().unwrap().benchmark.unwrap().as_ref().clone()
}

/// The seed text, or `None` (a loud skip) where ../shared is absent outside CI.
fn seed(prefix: &str) -> Option<String> {
    let Some(dir) = common::seeds_dir() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/seeds beside the repository"
        );
        eprintln!("SKIPPED: ../shared/seeds is not beside the repository");
        return None;
    };
    let entry = fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} missing"));
    Some(fs::read_to_string(entry.path()).unwrap())
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Rows "N<TAB>label<TAB>count" following the first line that contains `marker`.
fn table_rows(text: &str, marker: &str, rows: usize) -> Vec<(String, f64)> {
    let row = Regex::new(r"^\s*(\d+)\t([^\t]+)\t\s*(\d+)").unwrap();
    let start = text
        .lines()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("marker {marker:?} not found"));
    text.lines()
        .skip(start + 1)
        .filter_map(|l| row.captures(l))
        .take(rows)
        .map(|c| (c[2].trim().to_string(), c[3].parse().unwrap()))
        .collect()
}

fn exact_values(b: &Benchmark, item: &str, precision: Precision) -> Vec<BTreeMap<String, f64>> {
    b.figures
        .iter()
        .filter(|f| f.item == item && f.precision == precision)
        .map(|f| f.values.iter().map(|v| (v.key.clone(), v.value)).collect())
        .collect()
}

fn letter(i: usize) -> String {
    ((b'a' + i as u8) as char).to_string()
}

#[test]
fn the_count_tables_of_seed_000_are_in_the_benchmark() {
    let Some(text) = seed("000_") else { return };
    let b = benchmark();
    let tables = [
        ("2.1.1.", "1.1", 10),
        ("2.1.2.", "1.2", 10),
        ("2.1.3.", "1.3", 10),
        ("2.1.4.", "1.4", 5),
        ("2.2.1.", "2.1", 10),
        ("2.2.4.", "2.4", 5),
    ];
    for (marker, item, n) in tables {
        let rows = table_rows(&text, marker, n);
        assert_eq!(rows.len(), n, "table {marker} in seed 000");
        let expected: BTreeMap<String, f64> = rows
            .iter()
            .enumerate()
            .map(|(i, (label, count))| {
                let key = if label.contains("未回答") {
                    "unanswered".into()
                } else {
                    letter(i)
                };
                (key, *count)
            })
            .collect();
        let found = exact_values(&b, item, Precision::ExactCount);
        assert!(
            found.contains(&expected),
            "item {item}: seed 000 gives {expected:?}, benchmark has {found:?}"
        );
        let fig = b
            .figures
            .iter()
            .find(|f| f.item == item && f.precision == Precision::ExactCount)
            .unwrap();
        assert!(
            fig.source.contains("000"),
            "item {item}: source must cite seed 000"
        );
    }
}

#[test]
fn the_service_counts_of_seed_004_are_in_the_benchmark() {
    let Some(text) = seed("004_") else { return };
    let b = benchmark();
    let section: String = {
        let start = text.find("2.2.9. 具体的な提供サービス").unwrap();
        let end = text.find("2.2.10.").unwrap();
        text[start..end].to_string()
    };
    let row = Regex::new(r"(?m)^\s*(\d+)\t([^\t]+)\t\s*(\d+)\s*$").unwrap();
    let counts: Vec<f64> = row
        .captures_iter(&section)
        .map(|c| c[3].parse().unwrap())
        .collect();
    // 9 proactive services (g–o), 7 quality-management services (p–v), one "other" (w).
    assert_eq!(counts.len(), 17, "rows in §2.2.9: {counts:?}");
    for (i, count) in counts.iter().enumerate() {
        let item = if i < 16 {
            format!("2.9.{}", letter(6 + i))
        } else {
            "2.9.w".to_string()
        };
        let found = exact_values(&b, &item, Precision::ExactCount);
        let expected: BTreeMap<String, f64> = [("provided".to_string(), *count)].into();
        assert!(
            found.contains(&expected),
            "{item}: seed says {count}, benchmark has {found:?}"
        );
    }
}

fn percentages_in(text: &str, from: &str, to: &str) -> Vec<f64> {
    let start = text.rfind(from).unwrap();
    let end = start + text[start..].find(to).unwrap();
    Regex::new(r"：\s*(\d+(?:\.\d+)?)\s*%")
        .unwrap()
        .captures_iter(&text[start..end])
        .map(|c| c[1].parse().unwrap())
        .collect()
}

#[test]
fn the_printed_percentages_are_in_the_benchmark() {
    let Some(text) = seed("004_") else { return };
    let b = benchmark();
    let authority = percentages_in(&text, "4.2. CSIRT が持つ権限", "4.3. ");
    assert_eq!(authority, vec![12.0, 85.0, 3.0]);
    let expected: BTreeMap<String, f64> = [("a", 12.0), ("b", 85.0), ("c", 3.0)]
        .map(|(k, v)| (k.to_string(), v))
        .into();
    assert!(exact_values(&b, "2.8", Precision::ExactPercent).contains(&expected));

    let escalation = percentages_in(&text, "4.4. 連絡窓口", "4.5. ");
    assert_eq!(escalation, vec![77.0, 20.0, 1.5, 1.5]);
    let expected: BTreeMap<String, f64> = [
        ("a+b+c", 77.0),
        ("d", 20.0),
        ("e", 1.5),
        ("unanswered", 1.5),
    ]
    .map(|(k, v)| (k.to_string(), v))
    .into();
    assert!(exact_values(&b, "4.1", Precision::ExactPercent).contains(&expected));
}

#[test]
fn the_supplement_tables_and_facts_match_the_seed() {
    let Some(text) = seed("004_") else { return };
    let b = benchmark();
    let row = Regex::new(r"^(主に内製|内製と外注が半々|主に外注|未回答)\t(\d+)\t(\d+)").unwrap();
    for (marker, id) in [
        ("補足 2.1.", "malware-by-placement"),
        ("補足 2.2.", "forensics-by-placement"),
    ] {
        let start = text.find(marker).unwrap();
        let rows: Vec<(String, Vec<f64>)> = text[start..]
            .lines()
            .filter_map(|l| row.captures(l))
            .take(4)
            .map(|c| {
                (
                    c[1].to_string(),
                    vec![c[2].parse().unwrap(), c[3].parse().unwrap()],
                )
            })
            .collect();
        assert_eq!(rows.len(), 4, "{marker}");
        let sup = b.supplements.iter().find(|s| s.id == id).expect(id);
        let have: Vec<(String, Vec<f64>)> = sup
            .rows
            .iter()
            .map(|r| (r.text.ja.clone(), r.values.clone()))
            .collect();
        assert_eq!(have, rows, "{id}");
    }
    let fact_values: Vec<f64> = b.facts.iter().filter_map(|f| f.value).collect();
    for (sentence, value) in [
        ("平均メンバー数：11.6 人", 11.6),
        ("平均メンバー数：13.0 人", 13.0),
        ("6 ヶ月未満で CSIRT を構築した 22 組織", 22.0),
        ("15 の組織", 15.0),
    ] {
        assert!(text.contains(sentence), "seed lacks {sentence:?}");
        assert!(fact_values.contains(&value), "no fact with value {value}");
    }
}

#[test]
fn every_narrative_quote_is_the_surveys_own_sentence() {
    let Some(text) = seed("004_") else { return };
    // Footnote markers ("表現方法*4は", "Quality^{*6}") are not part of a sentence.
    let footnotes = Regex::new(r"\^?\{?\*[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+\}?").unwrap();
    let haystack = squash(&footnotes.replace_all(&text, ""));
    let b = benchmark();
    let mut checked = 0;
    // "…" marks an omission: each part must be in the seed, in order.
    let found = |quote: &str| {
        let mut from = 0;
        quote
            .split('…')
            .map(squash)
            .filter(|p| !p.is_empty())
            .all(|part| match haystack[from..].find(&part) {
                Some(at) => {
                    from += at + part.len();
                    true
                }
                None => false,
            })
    };
    let mut missing = Vec::new();
    for f in &b.figures {
        if let Some(q) = &f.quote {
            if !found(&q.ja) {
                missing.push(format!("item {}: {}", f.item, q.ja));
            }
            checked += 1;
        }
        if f.precision == Precision::Narrative {
            assert!(
                f.quote.is_some(),
                "narrative figure for {} without quote",
                f.item
            );
        }
    }
    for fact in &b.facts {
        if let Some(q) = &fact.quote {
            if !found(&q.ja) {
                missing.push(format!("fact {}: {}", fact.id, q.ja));
            }
            checked += 1;
        }
    }
    assert!(
        missing.is_empty(),
        "quotes not in seed 004:\n{}",
        missing.join("\n")
    );
    assert!(checked > 50, "only {checked} quotes checked");
}

#[test]
fn no_exact_figure_is_recorded_that_the_seeds_do_not_give() {
    let (Some(seed000), Some(seed004)) = (seed("000_"), seed("004_")) else {
        return;
    };
    let b = benchmark();
    // Exact counts stated in sentences rather than tables, with the sentence they come from.
    let from_sentences: &[(&str, &str)] = &[
        ("3.2.1", "すべてを外部委託した組織はなかった"),
        ("3.3.1", "すべてを外部委託している組織はなかった"),
        (
            "2.12",
            "自由記述の 2 件についても「作成中」との回答であった",
        ),
    ];
    let tables: Vec<&str> = vec!["1.1", "1.2", "1.3", "1.4", "2.1", "2.4"];
    for f in b.figures.iter().filter(|f| f.precision.is_exact()) {
        let ok = tables.contains(&f.item.as_str())
            || f.item.starts_with("2.9.")
            || (f.precision == Precision::ExactPercent
                && ["2.8", "4.1"].contains(&f.item.as_str()))
            || from_sentences.iter().any(|(item, sentence)| {
                *item == f.item && squash(&seed004).contains(&squash(sentence))
            });
        assert!(
            ok,
            "exact figure for {} ({}) has no source in the seeds",
            f.item, f.source
        );
    }
    assert!(!seed000.is_empty());
}

#[test]
fn the_nine_interviews_match_table_1_3_2() {
    let Some(text) = seed("004_") else { return };
    let b = benchmark();
    let row = Regex::new(r"^(\d)\t([^\t]+)\t([^\t]+)\t(\d{4}) 年 (\d+) 月 (\d+) 日").unwrap();
    let start = text.find("[表 1.3.2]").unwrap();
    let rows: Vec<(String, String)> = text[start..]
        .lines()
        .filter_map(|l| row.captures(l))
        .take(9)
        .map(|c| {
            let date = format!("{}-{:0>2}-{:0>2}", &c[4], &c[5], &c[6]);
            (c[2].trim().to_string(), date)
        })
        .collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(b.interviews.len(), 9);
    for (team, date) in rows {
        let i = b
            .interviews
            .iter()
            .find(|i| i.team == team)
            .unwrap_or_else(|| panic!("{team}"));
        assert_eq!(i.date, date, "{team}");
        assert!(i.practices.len() >= 5, "{team} has few practices");
    }
}
