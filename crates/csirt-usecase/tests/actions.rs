//! The action plan in the store: adding and updating actions, refusals that change nothing,
//! carrying open actions into a new or imported assessment, the derived states, and a lossless
//! export/import round trip.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::action::ActionStatus;
use csirt_model::date::parse_date;
use csirt_model::demo::demo_assessment;
use csirt_model::{builtin, Answer, Catalog, Lang, QuestionnaireSet};
use csirt_scoring::{ActionFlag, ActionState};
use csirt_store::{ActionChange, ActionDraft, Store, StoreError};
use csirt_usecase::{plan, UsecaseError};

fn set() -> QuestionnaireSet {
    builtin().unwrap()
}

fn catalog() -> Catalog {
    Catalog { sets: vec![set()] }
}

/// A store holding the demo assessment (dated 2026-04-01) and its three first gaps.
fn demo_store(dir: &tempfile::TempDir) -> (Store, i64, Vec<(String, String)>) {
    let set = set();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let a = demo_assessment(Lang::En);
    let id = store.import(&set.questionnaire, &a, None).unwrap();
    let report = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a).unwrap();
    let gaps = report
        .gaps
        .iter()
        .take(3)
        .map(|g| (g.item.clone(), g.target_key.clone()))
        .collect();
    (store, id, gaps)
}

fn draft(item: &str, owner: &str, due: &str) -> ActionDraft {
    ActionDraft {
        items: vec![item.to_string()],
        title: None,
        owner: owner.to_string(),
        due: due.to_string(),
    }
}

#[test]
fn an_action_from_a_gap_takes_the_action_phrase_and_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, gaps) = demo_store(&dir);
    let set = set();
    let (item, target) = &gaps[0];
    let a = plan::add_action(
        &mut store,
        &set,
        id,
        &draft(item, " Sato ", "2026-09-30"),
        Lang::En,
    )
    .unwrap();
    assert_eq!(a.owner, "Sato");
    assert_eq!(a.targets.get(item), Some(target));
    assert!(a.id.starts_with("act-"), "{}", a.id);
    let report = csirt_scoring::score(
        &set.questionnaire,
        set.benchmark.as_deref(),
        &demo_assessment(Lang::En),
    )
    .unwrap();
    // The item's action phrase ("Document … and have them approved"), not its question.
    let item_data = set.questionnaire.item(&report.gaps[0].item).unwrap();
    let phrase = item_data.action.as_ref().map(|t| t.en.clone());
    assert!(
        phrase.is_some(),
        "gap {} has no action phrase",
        item_data.id
    );
    assert_eq!(Some(a.title.clone()), phrase);
    assert_ne!(a.title, item_data.text.en);
    assert_eq!(store.plan(id).unwrap(), vec![a.clone()]);
    assert_eq!(store.action(&a.id).unwrap(), a);
}

#[test]
fn bad_input_is_refused_in_both_languages_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, gaps) = demo_store(&dir);
    let set = set();
    let (item, _) = &gaps[0];
    let a = plan::add_action(
        &mut store,
        &set,
        id,
        &draft(item, "Sato", "2026-09-30"),
        Lang::En,
    )
    .unwrap();
    let before = store.dump().unwrap();
    let bad_adds = [
        draft(item, "Sato", "2026-02-30"),
        draft("99.99", "Sato", "2026-09-30"),
        draft(item, "  ", "2026-09-30"),
        draft(item, "Sa\nto", "2026-09-30"),
        ActionDraft {
            items: vec![],
            ..draft(item, "Sato", "2026-09-30")
        },
    ];
    for d in &bad_adds {
        let e = plan::add_action(&mut store, &set, id, d, Lang::En).unwrap_err();
        let (ja, en) = (
            csirt_model::Localized::localized(&e, Lang::Ja),
            csirt_model::Localized::localized(&e, Lang::En),
        );
        assert_ne!(ja, en, "{d:?}");
        assert_eq!(store.dump().unwrap(), before, "{d:?}");
    }
    let e = plan::add_action(
        &mut store,
        &set,
        id,
        &draft(item, "Sato", "2026-02-30"),
        Lang::En,
    )
    .unwrap_err();
    assert!(e.to_string().contains("2026-02-30"), "{e}");
    let e = plan::add_action(
        &mut store,
        &set,
        id,
        &draft("99.99", "Sato", "2026-09-30"),
        Lang::En,
    )
    .unwrap_err();
    assert!(
        matches!(&e, UsecaseError::Store(StoreError::InvalidAnswer { item, .. }) if item == "99.99"),
        "{e}"
    );
    let bad_changes = [
        ActionChange {
            due: Some("2026-13-01".into()),
            ..Default::default()
        },
        ActionChange {
            owner: Some("".into()),
            ..Default::default()
        },
        ActionChange {
            note: Some("x".repeat(10_001)),
            status: Some(ActionStatus::Done),
            ..Default::default()
        },
    ];
    for c in &bad_changes {
        assert!(store.update_action(&catalog(), &a.id, c).is_err(), "{c:?}");
        assert_eq!(store.dump().unwrap(), before, "{c:?}");
    }
    let e = store
        .update_action(&catalog(), "act-nope", &ActionChange::default())
        .unwrap_err();
    assert!(matches!(e, StoreError::NoAction(_)), "{e}");
    assert_eq!(store.dump().unwrap(), before);
}

#[test]
fn a_status_change_is_dated_in_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, gaps) = demo_store(&dir);
    let set = set();
    let a = plan::add_action(
        &mut store,
        &set,
        id,
        &draft(&gaps[0].0, "Sato", "2026-09-30"),
        Lang::En,
    )
    .unwrap();
    let change = ActionChange {
        status: Some(ActionStatus::InProgress),
        note: Some("draft sent to the CISO".into()),
        owner: Some("Suzuki".into()),
        ..Default::default()
    };
    let b = store.update_action(&catalog(), &a.id, &change).unwrap();
    assert_eq!(b.status, ActionStatus::InProgress);
    assert_eq!(b.owner, "Suzuki");
    assert_eq!(b.notes.len(), 1);
    assert_eq!(b.notes[0].status, Some(ActionStatus::InProgress));
    assert_eq!(b.notes[0].text, "draft sent to the CISO");
    assert!(parse_date(&b.notes[0].date).is_ok());
    assert_eq!(b.last_status_change(), b.notes[0].date);
    // A note alone does not change the status.
    let c = store
        .update_action(
            &catalog(),
            &a.id,
            &ActionChange {
                note: Some("reviewed".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(c.notes.len(), 2);
    assert_eq!(c.notes[1].status, None);
    assert_eq!(store.action(&a.id).unwrap(), c);
}

/// The scenario: three actions in assessment 1; assessment 2 of the same organisation is
/// imported, with one item at its target, one action marked done whose item did not move, one
/// untouched: achieved, flagged and open.
#[test]
fn the_scenario_achieved_flagged_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, first, gaps) = demo_store(&dir);
    let set = set();
    let mut ids = Vec::new();
    for (item, _) in &gaps {
        ids.push(
            plan::add_action(
                &mut store,
                &set,
                first,
                &draft(item, "Sato", "2099-12-31"),
                Lang::En,
            )
            .unwrap()
            .id,
        );
    }
    store
        .update_action(
            &catalog(),
            &ids[1],
            &ActionChange {
                status: Some(ActionStatus::Done),
                ..Default::default()
            },
        )
        .unwrap();
    let mut second = demo_assessment(Lang::En);
    second.date = Some("2027-04-01".into());
    second
        .answers
        .insert(gaps[0].0.clone(), Answer::Text(gaps[0].1.clone()));
    let second_id = store.import(&set.questionnaire, &second, None).unwrap();
    let row = store.assessment(second_id).unwrap();
    assert_eq!(
        row.organisation_id,
        store.assessment(first).unwrap().organisation_id
    );

    let today = parse_date("2027-05-01").unwrap();
    let views = plan::action_views(&store, &catalog(), first, today).unwrap();
    let got: Vec<_> = views
        .iter()
        .map(|v| (v.state, v.achieved_in.clone(), v.flag))
        .collect();
    assert_eq!(
        got,
        [
            (ActionState::Achieved, Some("2027-04-01".to_string()), None),
            (
                ActionState::Flagged,
                None,
                Some(ActionFlag::DoneButAnswersDidNotMove)
            ),
            (ActionState::Open, None, None),
        ]
    );
    // The new assessment took over the two open actions (the done one stays behind).
    let carried: Vec<String> = store
        .plan(second_id)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(carried, [ids[0].clone(), ids[2].clone()]);
    let views2 = plan::action_views(&store, &catalog(), second_id, today).unwrap();
    assert_eq!(views2[0].state, ActionState::Achieved);
    assert_eq!(views2[1].state, ActionState::Open);
    // Past its due date, the open one is overdue.
    let late =
        plan::action_views(&store, &catalog(), first, parse_date("2100-01-01").unwrap()).unwrap();
    assert_eq!(late[2].state, ActionState::Overdue);
    assert!(late[2].overdue && !late[0].overdue);
    // A newly created assessment takes over the open ones too; an earlier-dated one does not.
    let org = row.organisation_id;
    let third = store
        .create_assessment(org, &set.questionnaire, Some("2027-06-01"), Lang::En)
        .unwrap();
    assert_eq!(store.plan(third).unwrap().len(), 2);
    let old = store
        .create_assessment(org, &set.questionnaire, Some("2020-01-01"), Lang::En)
        .unwrap();
    assert!(store.plan(old).unwrap().is_empty());
    let points = plan::open_over_time(&store.plan_context(&catalog(), first).unwrap(), today);
    assert_eq!(points.last().unwrap().open, 2);

    // The report of assessment 2 has the plan (owners, dates, states read from the answers) and,
    // beside the score change, the action closed since assessment 1, in both languages.
    let titles: Vec<String> = ids.iter().map(|i| store.action(i).unwrap().title).collect();
    for (lang, section, achieved, closed) in [
        (
            Lang::En,
            "Action plan",
            "achieved (target reached in the assessment of 2027-04-01)",
            "Actions closed since 2026-04-01",
        ),
        (
            Lang::Ja,
            "アクションプラン",
            "達成（2027-04-01 の評価で目標に到達）",
            "2026-04-01 以降に完了・取りやめとなった対策",
        ),
    ] {
        let options = csirt_report::ReportOptions::default();
        let req = csirt_usecase::ReportRequest {
            lang,
            options: &options,
            format: csirt_report::Format::Html,
            created: 0,
            facilitator: "facilitator",
            peers: false,
        };
        let html = csirt_usecase::report::report(
            &store,
            &catalog(),
            second_id,
            &csirt_usecase::BenchmarkUse::Remembered,
            &req,
        )
        .unwrap();
        let html = String::from_utf8(html).unwrap();
        for wanted in [section, achieved, closed, "Sato", "2099-12-31"] {
            assert!(html.contains(wanted), "{lang:?}: no {wanted:?}");
        }
        let at = |t: &str| {
            html.find(&esc(t))
                .unwrap_or_else(|| panic!("{lang:?}: no {t:?}"))
        };
        // The carried actions are in the plan; the done one is listed as closed since the last.
        at(&titles[0]);
        at(&titles[2]);
        assert!(
            at(&titles[1]) < html.find(section).unwrap(),
            "{lang:?}: closed action not in since-last"
        );
    }
}

fn esc(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn actions_survive_export_and_import_into_another_database() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, gaps) = demo_store(&dir);
    let set = set();
    for (i, (item, _)) in gaps.iter().enumerate() {
        let a = plan::add_action(
            &mut store,
            &set,
            id,
            &draft(item, "佐藤", "2026-10-31"),
            Lang::Ja,
        )
        .unwrap();
        if i == 1 {
            store
                .update_action(
                    &catalog(),
                    &a.id,
                    &ActionChange {
                        status: Some(ActionStatus::Dropped),
                        note: Some("予算なし\n来年度に再検討".into()),
                        ..Default::default()
                    },
                )
                .unwrap();
        }
    }
    let file = store.export_assessment(&set.questionnaire, id).unwrap();
    assert_eq!(file.actions.len(), 3);
    let text = file.to_json_pretty();
    let parsed = csirt_model::assessment::parse(text.as_bytes()).unwrap();
    assert_eq!(parsed.actions, file.actions);

    let other = tempfile::tempdir().unwrap();
    let mut elsewhere = Store::open(&other.path().join("db.sqlite3")).unwrap();
    let new_id = elsewhere.import(&set.questionnaire, &parsed, None).unwrap();
    let again = elsewhere
        .export_assessment(&set.questionnaire, new_id)
        .unwrap();
    assert_eq!(again.actions, file.actions);

    // Imported again into the first store: the same actions, not copies.
    let before = store.organisation_actions(store.assessment(id).unwrap().organisation_id);
    let mut twice = parsed.clone();
    twice.date = Some("2026-05-01".into());
    let id2 = store.import(&set.questionnaire, &twice, None).unwrap();
    let org = store.assessment(id2).unwrap().organisation_id;
    assert_eq!(store.organisation_actions(org).unwrap(), before.unwrap());
    assert_eq!(store.plan(id2).unwrap(), file.actions);
}

#[test]
fn a_file_with_a_bad_action_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, gaps) = demo_store(&dir);
    let set = set();
    plan::add_action(
        &mut store,
        &set,
        id,
        &draft(&gaps[0].0, "Sato", "2026-09-30"),
        Lang::En,
    )
    .unwrap();
    let mut file = store.export_assessment(&set.questionnaire, id).unwrap();
    file.actions[0].due = "2026-02-30".into();
    let before = store.dump().unwrap();
    let e = store.import(&set.questionnaire, &file, None).unwrap_err();
    assert!(e.to_string().contains("2026-02-30"), "{e}");
    assert_eq!(store.dump().unwrap(), before);
    file.actions[0].due = "2026-03-01".into();
    file.actions[0].items = vec!["99.99".into()];
    assert!(store.import(&set.questionnaire, &file, None).is_err());
    assert_eq!(store.dump().unwrap(), before);
}

#[test]
fn a_schema_2_database_gains_the_plan_and_keeps_its_assessments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", csirt_store::migrate::APPLICATION_ID)
            .unwrap();
        for (_, sql) in &csirt_store::migrate::MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO organisation (id, name, created_at, updated_at)
                 VALUES (1, 'Alpha', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO assessment (id, organisation_id, questionnaire_id, questionnaire_version,
                 date, created_at, updated_at)
                 VALUES (1, 1, 'jpcert-2015', '2015.1', '2026-01-01',
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO respondent (assessment_id, name, is_default, created_at)
                 VALUES (1, '', 1, '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        csirt_store::migrate::latest_version()
    );
    assert!(store.plan(1).unwrap().is_empty());
    let set = set();
    let item = set.questionnaire.scored_items().next().unwrap().id.clone();
    plan::add_action(
        &mut store,
        &set,
        1,
        &draft(&item, "Sato", "2026-09-30"),
        Lang::En,
    )
    .unwrap();
    assert_eq!(store.plan(1).unwrap().len(), 1);
}
