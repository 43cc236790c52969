//! Derived answers in the store (migration 0005): a file's marks imported and exported
//! unchanged; the assessment's own save, clear or agreed answer clears a mark in the same
//! transaction, a workshop participant's answer does not; confirming one or all; deleting the
//! assessment deletes its marks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::load::builtin_set;
use csirt_model::{Answer, Assessment, Derivation, DerivedSource, Organisation, StrictMap, Text};
use csirt_store::Store;

/// A SIM3 file with three derived answers (O-2, O-3, O-7) and one of the user's own (H-1).
fn file(q: &csirt_model::Questionnaire) -> Assessment {
    let mut a = Assessment::new(
        q,
        Organisation {
            name: "Derived K.K.".into(),
            ..Default::default()
        },
    );
    a.date = Some("2026-05-01".into());
    let mut items = StrictMap::default();
    for (item, from) in [("O-2", "2.3"), ("O-3", "2.8"), ("O-7", "2.10")] {
        a.answers.insert(item.into(), key(q, item, 0));
        items.insert(item.into(), vec![from.to_string()]);
    }
    a.answers.insert("H-1".into(), key(q, "H-1", 0));
    a.derived = Some(Derivation {
        source: DerivedSource {
            questionnaire: "jpcert-2015".into(),
            title: Text::new("2015 年の質問票", "the 2015 questionnaire"),
            date: Some("2026-04-01".into()),
        },
        items,
    });
    a
}

/// The `n`th option of a SIM3 item (from the data, whatever its keys are).
fn key(q: &csirt_model::Questionnaire, item: &str, n: usize) -> Answer {
    let options = q.item(item).unwrap().options();
    Answer::Text(options[n % options.len()].key.clone())
}

fn marked(store: &Store, id: i64) -> Vec<String> {
    store
        .derivation(id)
        .unwrap()
        .map(|d| d.items.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn the_marks_round_trip_and_only_the_assessments_own_saves_clear_them() {
    let set = builtin_set("sim3").unwrap();
    let q = &set.questionnaire;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let a = file(q);
    let id = store.import(q, &a, None).unwrap();
    assert_eq!(marked(&store, id), ["O-2", "O-3", "O-7"]);
    let out = store.export_assessment(q, id).unwrap();
    assert_eq!(out.derived, a.derived);
    assert_eq!(out.answers.get("O-2"), a.answers.get("O-2"));

    // A workshop participant's answer leaves the mark: the agreed answer is still the derived one.
    let p = store.add_respondent(id, "Participant", None).unwrap();
    store
        .save_answer(q, id, Some(p), "O-2", &key(q, "O-2", 1), None)
        .unwrap();
    assert_eq!(marked(&store, id), ["O-2", "O-3", "O-7"]);
    // The assessment's own save clears it.
    store
        .save_answer(q, id, None, "O-2", &key(q, "O-2", 0), None)
        .unwrap();
    assert_eq!(marked(&store, id), ["O-3", "O-7"]);
    // So does clearing the answer, and an agreed answer.
    store.clear_answer(id, None, "O-3").unwrap();
    assert_eq!(marked(&store, id), ["O-7"]);
    store
        .set_consensus(q, id, "O-7", Some(&key(q, "O-7", 0)), None, None)
        .unwrap();
    assert!(marked(&store, id).is_empty());
    assert!(store.export_assessment(q, id).unwrap().derived.is_none());
}

#[test]
fn confirming_one_then_all_and_deleting_the_assessment() {
    let set = builtin_set("sim3").unwrap();
    let q = &set.questionnaire;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = store.import(q, &file(q), None).unwrap();
    assert_eq!(store.confirm_derived(q, id, Some("O-3")).unwrap(), 1);
    assert_eq!(marked(&store, id), ["O-2", "O-7"]);
    // An answer that is the user's own, or an unknown item, is refused; nothing changes.
    let before = store.dump().unwrap();
    use csirt_model::{Lang, Localized};
    for item in ["H-1", "O-3", "Z-9"] {
        let e = store.confirm_derived(q, id, Some(item)).unwrap_err();
        assert!(e.localized(Lang::Ja).contains(item), "{e}");
        // Each for its own reason: an unknown item is named as one, in both languages.
        let unknown = item == "Z-9";
        assert_eq!(
            e.localized(Lang::En)
                .contains("no such item in questionnaire sim3"),
            unknown,
            "{e}"
        );
        assert_eq!(
            e.localized(Lang::Ja)
                .contains("質問票 sim3 にこの項目はありません"),
            unknown,
            "{}",
            e.localized(Lang::Ja)
        );
    }
    assert_eq!(store.dump().unwrap(), before);
    assert_eq!(store.confirm_derived(q, id, None).unwrap(), 2);
    assert!(store.derivation(id).unwrap().is_none());
    // The answers stay.
    let a = store.load_assessment(q, id).unwrap();
    assert_eq!(a.answers.len(), 4);

    // Marks go with their assessment.
    let id2 = store.import(q, &file(q), None).unwrap();
    store.delete_assessment(id2).unwrap();
    assert!(!store.dump().unwrap().contains("derived_answer|"));
    // Another assessment that does not exist.
    assert!(store.confirm_derived(q, 999, None).is_err());
}
