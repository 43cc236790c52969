//! Scoring against a chosen benchmark: a pooled file gives exact standings, a segment changes
//! them, and the report names the benchmark in use.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{demo, load_benchmark_file, Benchmark, Catalog, Lang, Precision};
use csirt_scoring::score;
use std::path::Path;

fn pool() -> (Catalog, Benchmark) {
    let catalog = Catalog::load(None).unwrap().0;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/benchmarks/synthetic-pool.toml");
    let b = load_benchmark_file(&path, &catalog).unwrap();
    (catalog, b)
}

/// The share (percent) of a benchmark's counted teams whose answer's level is at or above
/// `level`, tallied from the figure's counts directly.
fn tally(b: &Benchmark, item: &csirt_model::Item, level: u32) -> f64 {
    let fig = b.figures_for(&item.id).next().unwrap();
    let levels: std::collections::HashMap<String, u32> = item.levelled_keys().into_iter().collect();
    let above: f64 = fig
        .values
        .iter()
        .filter(|v| levels.get(&v.key).is_some_and(|&l| l >= level))
        .map(|v| v.value)
        .sum();
    (above / f64::from(fig.n) * 1000.0).round() / 10.0
}

#[test]
fn a_pooled_benchmark_gives_every_answered_scored_item_an_exact_standing() {
    let (catalog, b) = pool();
    let set = catalog.get("jpcert-2015").unwrap();
    let a = demo::demo_assessment(Lang::En);
    let report = score(&set.questionnaire, Some(&b), &a).unwrap();
    let mut checked = 0;
    for item in set.questionnaire.scored_items() {
        let s = report.item(&item.id).unwrap();
        let Some(level) = s.level else { continue };
        let lowest = item.levelled_keys().iter().map(|(_, l)| *l).min().unwrap();
        if level == lowest {
            // At the bottom of the scale everyone is "at or above": scoring reports no standing.
            assert!(s.standing.is_none());
            continue;
        }
        let st = s
            .standing
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no standing", item.id));
        assert_eq!(st.precision, Precision::ExactCount, "{}", item.id);
        assert_eq!(st.at_or_above.low, st.at_or_above.high, "{}", item.id);
        assert_eq!(st.at_or_above.low, tally(&b, item, level), "{}", item.id);
        checked += 1;
    }
    assert!(checked > 10, "only {checked} answered scored items");
}

#[test]
fn a_segment_changes_the_standings_and_is_named() {
    let (catalog, b) = pool();
    let set = catalog.get("jpcert-2015").unwrap();
    let a = demo::demo_assessment(Lang::En);
    let whole = score(&set.questionnaire, Some(&b), &a).unwrap();
    let finance = b.segment("sector=finance").unwrap();
    let part = score(&set.questionnaire, Some(&finance), &a).unwrap();
    let mut differ = 0;
    for item in set.questionnaire.scored_items() {
        let (Some(w), Some(p)) = (
            whole.item(&item.id).and_then(|s| s.standing.as_ref()),
            part.item(&item.id).and_then(|s| s.standing.as_ref()),
        ) else {
            continue;
        };
        let level = part.item(&item.id).unwrap().level.unwrap();
        assert_eq!(
            p.at_or_above.low,
            tally(&finance, item, level),
            "{}",
            item.id
        );
        if w.at_or_above.low != p.at_or_above.low {
            differ += 1;
        }
    }
    assert!(differ > 0, "the segment changed no standing");
    let named = part.benchmark_ref.as_ref().unwrap();
    assert_eq!(named.n, 9);
    assert_eq!(named.segment.as_ref().unwrap().id, "sector=finance");
    assert_eq!(whole.benchmark_ref.as_ref().unwrap().n, b.n);
    assert!(whole.benchmark_ref.as_ref().unwrap().segment.is_none());
}

#[test]
fn the_default_is_still_the_2015_survey() {
    let catalog = Catalog::load(None).unwrap().0;
    let set = catalog.get("jpcert-2015").unwrap();
    let a = demo::demo_assessment(Lang::Ja);
    let chosen = set.choose(None, None).unwrap();
    let r = score(&set.questionnaire, chosen.as_deref(), &a).unwrap();
    let named = r.benchmark_ref.unwrap();
    assert_eq!((named.id.as_str(), named.n), ("jpcert-2015", 66));
    assert_eq!(
        (named.survey_date.as_str(), named.published.as_str()),
        ("2015-12-08", "2016-06-29")
    );
}

#[test]
fn every_scored_item_gets_an_exact_standing_at_every_level() {
    let (catalog, b) = pool();
    let set = catalog.get("jpcert-2015").unwrap();
    let mut items = 0;
    for item in set.questionnaire.scored_items() {
        let lowest = item.levelled_keys().iter().map(|(_, l)| *l).min().unwrap();
        let max = item.max_level().unwrap();
        for level in lowest + 1..=max {
            let st = csirt_scoring::at_or_above(item, &b, level)
                .unwrap_or_else(|| panic!("{} level {level}: no standing", item.id));
            assert_eq!(st.precision, Precision::ExactCount, "{}", item.id);
            assert_eq!(st.at_or_above.low, st.at_or_above.high, "{}", item.id);
            assert_eq!(st.at_or_above.low, tally(&b, item, level), "{}", item.id);
        }
        items += 1;
    }
    assert_eq!(items, set.questionnaire.scored_items().count());
}
