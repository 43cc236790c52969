//! Where a workshop's items stand (agreed, unanimous, provisional, open), the plain words for
//! the spread of views and for the peers' closeness (their thresholds), and the trend's change
//! column.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::assessment::{Consensus, Workshop, WorkshopRespondent};
use csirt_model::{Answer, Item, ItemKind, Lang, Questionnaire, StrictMap};
use csirt_scoring::{
    hidden, open_items, trend_changes, workshop_divergence, Agreement, Closeness, Spread, Trend,
    TrendPoint,
};

fn questionnaire() -> std::sync::Arc<Questionnaire> {
    csirt_model::load::builtin().unwrap().questionnaire
}

/// The first scored scale item with at least five levels.
fn scale_item(q: &Questionnaire) -> &Item {
    q.answerable_items()
        .find(|i| i.scored && matches!(i.kind, ItemKind::Scale { .. }) && i.max_level() >= Some(4))
        .unwrap()
}

fn key_at(item: &Item, level: u32) -> String {
    item.levelled_keys()
        .into_iter()
        .find(|(_, l)| *l == level)
        .unwrap()
        .0
}

fn person(name: &str, item: &str, key: &str) -> WorkshopRespondent {
    WorkshopRespondent {
        name: name.into(),
        role: None,
        answers: StrictMap(vec![(item.into(), Answer::Text(key.into()))]),
        other: StrictMap::default(),
        comments: StrictMap::default(),
        evidence: StrictMap::default(),
    }
}

/// Two respondents at `level_r`, the facilitator (when given) at `level_f`.
fn workshop(item: &Item, level_r: u32, level_f: Option<u32>) -> Workshop {
    let r = key_at(item, level_r);
    Workshop {
        facilitator_answers: StrictMap(
            level_f
                .map(|l| vec![(item.id.clone(), Answer::Text(key_at(item, l)))])
                .unwrap_or_default(),
        ),
        facilitator_other: StrictMap::default(),
        respondents: vec![person("A", &item.id, &r), person("B", &item.id, &r)],
        consensus: StrictMap::default(),
    }
}

#[test]
fn the_facilitators_answer_against_the_room_is_provisional_until_agreed() {
    let q = questionnaire();
    let item = scale_item(&q);
    let mut w = workshop(item, 1, Some(3));
    let d = workshop_divergence(&q, &w, "F");
    let row = d.iter().find(|d| d.item == item.id).unwrap();
    assert_eq!(row.agreement, Agreement::Provisional);
    assert_eq!(open_items(&d), 1);
    // The scored answer really is the facilitator's (the rule the label describes).
    let (scored, _) = w.agreed();
    assert_eq!(scored.get(&item.id), Some(&Answer::Text(key_at(item, 3))));

    w.consensus = StrictMap(vec![(
        item.id.clone(),
        Consensus {
            answer: Answer::Text(key_at(item, 1)),
            other: None,
            note: None,
        },
    )]);
    let d = workshop_divergence(&q, &w, "F");
    assert_eq!(d[0].agreement, Agreement::Agreed);
    assert_eq!(open_items(&d), 0);
}

#[test]
fn differing_respondents_without_the_facilitator_are_open_and_agreement_is_unanimous() {
    let q = questionnaire();
    let item = scale_item(&q);
    let mut w = workshop(item, 1, None);
    w.respondents[1] = person("B", &item.id, &key_at(item, 2));
    let d = workshop_divergence(&q, &w, "F");
    assert_eq!(d[0].agreement, Agreement::Open);
    assert_eq!(open_items(&d), 1);

    // Everyone the same, the facilitator included: nothing to settle.
    let w = workshop(item, 2, Some(2));
    let d = workshop_divergence(&q, &w, "F");
    assert_eq!(d[0].agreement, Agreement::Unanimous);
    assert_eq!(d[0].spread, Spread::None);
    assert_eq!(open_items(&d), 0);
}

#[test]
fn the_labels_are_bilingual() {
    assert_eq!(
        Agreement::Provisional.label().get(Lang::Ja),
        "暫定（進行役の回答）・未合意"
    );
    assert_eq!(
        Agreement::Provisional.label().get(Lang::En),
        "Provisional (facilitator's answer), not agreed"
    );
    assert_eq!(Spread::Wide.label().get(Lang::Ja), "意見の幅: 大");
    assert_eq!(
        Spread::Narrow.label().get(Lang::En),
        "Spread of views: narrow"
    );
}

#[test]
fn spread_thresholds() {
    assert_eq!(Spread::of(0.0), Spread::None);
    assert_eq!(Spread::of(0.001), Spread::Narrow);
    assert_eq!(Spread::of(Spread::NARROW_BELOW - 0.001), Spread::Narrow);
    assert_eq!(Spread::of(Spread::NARROW_BELOW), Spread::Moderate);
    assert_eq!(Spread::of(Spread::MODERATE_BELOW - 0.001), Spread::Moderate);
    assert_eq!(Spread::of(Spread::MODERATE_BELOW), Spread::Wide);
    assert_eq!(Spread::of(1.0), Spread::Wide);
}

#[test]
fn spread_words_follow_the_distance_between_answers() {
    let q = questionnaire();
    let item = scale_item(&q);
    let top = item.max_level().unwrap();
    let spread = |a: u32, b: u32| {
        let mut w = workshop(item, a, None);
        w.respondents[1] = person("B", &item.id, &key_at(item, b));
        workshop_divergence(&q, &w, "F")[0].spread
    };
    // Neighbouring levels are a narrow spread, the two ends of the scale a wide one.
    assert_eq!(spread(1, 2), Spread::Narrow);
    assert_eq!(spread(0, top), Spread::Wide);
    assert!(spread(1, 3) >= Spread::Moderate);
}

#[test]
fn hidden_answers_keep_only_the_count_and_the_state() {
    let q = questionnaire();
    let item = scale_item(&q);
    let d = workshop_divergence(&q, &workshop(item, 1, Some(3)), "F");
    let h = hidden(&d[0]);
    assert!(h.answers.is_empty() && h.distribution.is_empty() && h.levels.is_none());
    assert_eq!(h.answered, 3);
    assert_eq!(h.agreement, Agreement::Provisional);
    assert!(!d[0].answers.is_empty());
}

#[test]
fn closeness_thresholds() {
    assert_eq!(Closeness::of(0.0), Closeness::Close);
    assert_eq!(
        Closeness::of(Closeness::CLOSE_BELOW - 0.001),
        Closeness::Close
    );
    assert_eq!(Closeness::of(Closeness::CLOSE_BELOW), Closeness::Somewhat);
    assert_eq!(Closeness::of(Closeness::SOMEWHAT_BELOW), Closeness::Far);
    assert_eq!(Closeness::of(Closeness::MAX_DISTANCE), Closeness::Far);
    assert_eq!(
        Closeness::Far.label().get(Lang::Ja),
        "近さ: あまり似ていない"
    );
}

fn point(date: &str, overall: Option<f64>, area: Option<f64>) -> TrendPoint {
    TrendPoint {
        date: date.into(),
        overall,
        areas: vec![("a1".into(), area), ("a2".into(), Some(10.0))],
        setup_items: vec![("s1".into(), Some(50.0))],
    }
}

#[test]
fn the_change_column_is_the_last_point_minus_the_one_before() {
    let trend = Trend {
        points: vec![
            point("2024-01-01", Some(10.0), Some(1.0)),
            point("2025-01-01", Some(40.0), None),
            point("2026-01-01", Some(52.35), Some(3.0)),
        ],
        improved: Vec::new(),
        regressed: Vec::new(),
        note: None,
    };
    let c = trend_changes(&trend);
    assert_eq!(c.overall, Some(12.4));
    // Missing at the point before: no change, not a change from zero.
    assert_eq!(c.areas[0], ("a1".to_string(), None));
    assert_eq!(c.areas[1], ("a2".to_string(), Some(0.0)));
    assert_eq!(c.setup_items[0], ("s1".to_string(), Some(0.0)));

    let one = Trend {
        points: vec![point("2026-01-01", Some(50.0), Some(3.0))],
        improved: Vec::new(),
        regressed: Vec::new(),
        note: None,
    };
    let c = trend_changes(&one);
    assert_eq!(c.overall, None);
    assert!(c.areas.iter().all(|(_, v)| v.is_none()));
}
