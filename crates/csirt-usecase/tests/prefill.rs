//! Prefilling on a real store: a SIM3 assessment started from the demo's JPCERT assessment, its
//! derived answers marked, scored and counted, carried by the interchange file, cleared by a
//! save or a confirmation, and the refusals (another organisation's assessment, a source that
//! informs nothing, a bad confirmation) in both languages with nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{demo, Answer, Catalog, Lang, Localized, Organisation};
use csirt_store::Store;
use csirt_usecase::prefill::{sources, start_prefilled};
use csirt_usecase::{view, UsecaseError};

fn catalog() -> Catalog {
    Catalog::load(None).unwrap().0
}

/// A store holding the demo's JPCERT assessment: the store, its organisation and the id.
fn demo_store(catalog: &Catalog) -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let q = &catalog.get("jpcert-2015").unwrap().questionnaire;
    let id = store
        .import(q, &demo::demo_assessment(Lang::En), None)
        .unwrap();
    let org = store.assessment(id).unwrap().organisation_id;
    (dir, store, org, id)
}

#[test]
fn a_prefilled_sim3_assessment_holds_the_derived_answers_marked_and_counted() {
    let catalog = catalog();
    let (_dir, mut store, org, jp) = demo_store(&catalog);
    let offers = sources(&store, &catalog, org, Some("sim3")).unwrap();
    assert_eq!(offers.len(), 1, "{offers:?}");
    assert_eq!(offers[0].assessment_id, jp);
    assert!(
        offers[0].offer.en.contains(": start from the "),
        "{:?}",
        offers[0].offer
    );
    assert_eq!(offers[0].target, "sim3");
    // Without a target, every questionnaire the demo informs is offered, SIM3 among them.
    let all = sources(&store, &catalog, org, None).unwrap();
    assert!(all
        .iter()
        .any(|o| o.target == "sim3" && o.assessment_id == jp));
    assert!(all.iter().all(|o| o.target != "jpcert-2015"));

    let made = start_prefilled(
        &mut store,
        &catalog,
        org,
        "sim3",
        Some("2026-01-10"),
        Lang::Ja,
        jp,
    )
    .unwrap();
    assert!(!made.derived.is_empty());
    let stored = view::read(&store, &catalog, made.assessment_id).unwrap();
    assert_eq!(stored.row.organisation_id, org);
    assert_eq!(stored.row.questionnaire_id, "sim3");
    let a = &stored.assessment;
    let d = a.derived.as_ref().expect("derived marks");
    assert_eq!(d.items.len(), made.derived.len());
    assert_eq!(d.source.questionnaire, "jpcert-2015");
    assert_eq!(
        d.source.date.as_deref(),
        Some(store.assessment(jp).unwrap().date.as_str())
    );
    for p in &made.derived {
        assert_eq!(a.answers.get(&p.item), Some(&Answer::Text(p.key.clone())));
        assert_eq!(d.from_items(&p.item), Some(p.from.as_slice()));
    }
    // Scored like any answer, and counted as derived.
    let scored = view::score(&stored, &catalog).unwrap();
    let count = scored.report.derived.as_ref().expect("a count");
    assert_eq!(count.unconfirmed, made.derived.len());
    assert_eq!(count.answered, made.derived.len());
    assert!(scored.report.overall.is_some());
    let n = made.derived.len();
    assert_eq!(
        count.note.en,
        format!(
            "{n} of {n} answers are derived from {} (assessment of {}), not yet confirmed.",
            d.source.title.en,
            d.source.date.as_deref().unwrap()
        )
    );
    // The SIM3 assessment is no source for itself, and the JPCERT one is still offered.
    assert_eq!(
        sources(&store, &catalog, org, Some("sim3")).unwrap().len(),
        1
    );
}

#[test]
fn the_mark_survives_export_and_import_and_unknown_fields_are_refused() {
    let catalog = catalog();
    let (_dir, mut store, org, jp) = demo_store(&catalog);
    let made = start_prefilled(&mut store, &catalog, org, "sim3", None, Lang::En, jp).unwrap();
    let q = &catalog.get("sim3").unwrap().questionnaire;
    let file = store.export_assessment(q, made.assessment_id).unwrap();
    assert!(file.derived.is_some());
    let json = file.to_json_pretty();
    let parsed = csirt_model::assessment::parse(json.as_bytes()).unwrap();
    let dir2 = tempfile::tempdir().unwrap();
    let mut other = Store::open(&dir2.path().join("db.sqlite3")).unwrap();
    let id2 = other.import(q, &parsed, None).unwrap();
    assert_eq!(other.export_assessment(q, id2).unwrap(), file);

    // An unknown field inside `derived` is refused like any other.
    let bad = json.replacen("\"items\": {", "\"extra\": 1,\n    \"items\": {", 1);
    assert_ne!(bad, json);
    assert!(csirt_model::assessment::parse(bad.as_bytes()).is_err());
    // A mark on an item without an answer is refused, in both languages, and changes nothing.
    let mut unanswered = parsed.clone();
    let first = unanswered.derived.as_ref().unwrap().items.0[0].0.clone();
    unanswered.answers.remove(&first);
    let before = other.dump().unwrap();
    let e = other.import(q, &unanswered, None).unwrap_err();
    assert!(
        e.localized(Lang::En).contains("cannot be marked derived"),
        "{e}"
    );
    assert!(
        e.localized(Lang::Ja).contains("導出された回答にできません"),
        "{}",
        e.localized(Lang::Ja)
    );
    assert_eq!(other.dump().unwrap(), before);
}

#[test]
fn saving_an_answer_or_confirming_clears_the_mark() {
    let catalog = catalog();
    let (_dir, mut store, org, jp) = demo_store(&catalog);
    let made = start_prefilled(&mut store, &catalog, org, "sim3", None, Lang::En, jp).unwrap();
    let id = made.assessment_id;
    let q = catalog.get("sim3").unwrap().questionnaire.clone();
    let n = made.derived.len();
    assert!(n >= 3, "the demo informs {n} parameters");
    let (first, second) = (&made.derived[0], &made.derived[1]);

    // Saving the same answer again is the user's answer now.
    store
        .save_answer(
            &q,
            id,
            None,
            &first.item,
            &Answer::Text(first.key.clone()),
            None,
        )
        .unwrap();
    let d = store.derivation(id).unwrap().unwrap();
    assert!(!d.is_derived(&first.item));
    assert_eq!(d.items.len(), n - 1);

    // Confirming one.
    assert_eq!(
        store.confirm_derived(&q, id, Some(&second.item)).unwrap(),
        1
    );
    let d = store.derivation(id).unwrap().unwrap();
    assert!(!d.is_derived(&second.item));
    // Confirming it again is refused, in both languages, and changes nothing.
    let before = store.dump().unwrap();
    let e = store
        .confirm_derived(&q, id, Some(&second.item))
        .unwrap_err();
    assert!(
        e.localized(Lang::En).contains("not a derived answer"),
        "{e}"
    );
    assert!(e
        .localized(Lang::Ja)
        .contains("導出された未確認の回答ではありません"));
    assert_eq!(store.dump().unwrap(), before);

    // Confirming the rest.
    assert_eq!(store.confirm_derived(&q, id, None).unwrap(), n - 2);
    assert!(store.derivation(id).unwrap().is_none());
    let stored = view::read(&store, &catalog, id).unwrap();
    assert!(stored.assessment.derived.is_none());
    assert!(view::score(&stored, &catalog)
        .unwrap()
        .report
        .derived
        .is_none());
    // The answers stay.
    assert_eq!(stored.assessment.answers.len(), n);
}

#[test]
fn another_organisations_assessment_or_one_that_informs_nothing_is_refused() {
    let catalog = catalog();
    let (_dir, mut store, org, jp) = demo_store(&catalog);
    let other = store
        .add_organisation(&Organisation {
            name: "Other K.K.".into(),
            ..Default::default()
        })
        .unwrap();
    let before = store.dump().unwrap();
    let e = start_prefilled(&mut store, &catalog, other, "sim3", None, Lang::En, jp).unwrap_err();
    assert!(matches!(e, UsecaseError::Prefill(_)), "{e:?}");
    assert!(
        e.localized(Lang::En)
            .contains("belongs to the organisation"),
        "{e}"
    );
    assert!(e
        .localized(Lang::Ja)
        .contains("同じ組織の評価からしか始められません"));
    assert_eq!(store.dump().unwrap(), before);

    // An empty JPCERT assessment informs nothing.
    let jq = catalog.get("jpcert-2015").unwrap().questionnaire.clone();
    let empty = store
        .create_assessment(org, &jq, Some("2026-02-01"), Lang::En)
        .unwrap();
    let before = store.dump().unwrap();
    let e = start_prefilled(&mut store, &catalog, org, "sim3", None, Lang::En, empty).unwrap_err();
    assert!(e.localized(Lang::En).contains("informs no item"), "{e}");
    assert!(e.localized(Lang::Ja).contains("導出できる回答はありません"));
    assert_eq!(store.dump().unwrap(), before);
    // A bad date is refused and nothing is written.
    let e = start_prefilled(
        &mut store,
        &catalog,
        org,
        "sim3",
        Some("2026-02-30"),
        Lang::En,
        jp,
    )
    .unwrap_err();
    assert!(!e.localized(Lang::Ja).is_empty());
    assert_eq!(store.dump().unwrap(), before);
    // Nor can a SIM3 assessment prefill another SIM3 assessment.
    let sim3 = start_prefilled(&mut store, &catalog, org, "sim3", None, Lang::En, jp)
        .unwrap()
        .assessment_id;
    let before = store.dump().unwrap();
    let e = start_prefilled(&mut store, &catalog, org, "sim3", None, Lang::En, sim3).unwrap_err();
    assert!(e.localized(Lang::En).contains("same questionnaire"), "{e}");
    assert!(e
        .localized(Lang::Ja)
        .contains("別の質問票の評価からだけです"));
    assert_eq!(store.dump().unwrap(), before);
    // Only the demo's assessment is offered.
    let offers = sources(&store, &catalog, org, Some("sim3")).unwrap();
    assert_eq!(
        offers.iter().map(|o| o.assessment_id).collect::<Vec<_>>(),
        vec![jp]
    );
}
