//! The assessor's narrative in the store: saved as typed part by part, each change checked first
//! (a bad one changes nothing), exported and imported losslessly, removed with its assessment,
//! and fitted to the questionnaire version like every other stored value.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::limits::{FINDING_MAX_CHARS, LONG_TEXT_MAX_CHARS, MAX_FINDINGS};
use csirt_model::{builtin, Lang, Localized, Narrative, Organisation, QuestionnaireSet, StrictMap};
use csirt_store::{NarrativeEdit, Store, StoreError};

fn set() -> QuestionnaireSet {
    builtin().unwrap()
}

fn fresh(dir: &tempfile::TempDir) -> (Store, i64) {
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let org = store
        .add_organisation(&Organisation {
            name: "CSIRT 東京".into(),
            ..Organisation::default()
        })
        .unwrap();
    let id = store
        .create_assessment(org, &set().questionnaire, Some("2026-03-01"), Lang::Ja)
        .unwrap();
    (store, id)
}

fn rich() -> Narrative {
    let mut gap_notes = StrictMap::default();
    gap_notes.insert(
        "4.3".into(),
        "法務部門への連絡がないと、個人情報の漏えいで届出の期限を逃します。".into(),
    );
    gap_notes.insert("2.8".into(), "Two lines\nof note.".into());
    Narrative {
        message: "経営層の皆様へ。\n\n第一に、法務へのエスカレーションを整えてください。\n\nSecond, fund training."
            .into(),
        findings: vec![
            "インシデント対応の手順はあるが、訓練されていない".into(),
            "Escalation to legal is missing".into(),
            "「その他」— 記号 & <tags> \"quotes\"".into(),
        ],
        gap_notes,
    }
}

#[test]
fn each_part_is_saved_as_typed_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = fresh(&dir);
    let q = &set().questionnaire;
    assert!(store.narrative(id).unwrap().is_empty());
    assert_eq!(store.load_assessment(q, id).unwrap().narrative, None);

    store
        .set_message(q, id, "一段落目。\n\n二段落目。")
        .unwrap();
    store
        .set_findings(q, id, &["a".into(), "  ".into(), "b".into()])
        .unwrap();
    store.set_gap_note(q, id, "4.3", "なぜ重要か").unwrap();
    let n = store.narrative(id).unwrap();
    assert_eq!(n.message, "一段落目。\n\n二段落目。");
    assert_eq!(n.findings, ["a", "b"], "blank findings are dropped");
    assert_eq!(n.gap_note("4.3"), Some("なぜ重要か"));
    assert_eq!(store.load_assessment(q, id).unwrap().narrative, Some(n));

    // One finding at a time.
    assert_eq!(store.add_finding(q, id, "c").unwrap(), 2);
    store.edit_finding(q, id, 0, "A").unwrap();
    store.remove_finding(q, id, 1).unwrap();
    assert_eq!(store.narrative(id).unwrap().findings, ["A", "c"]);
    store.edit_finding(q, id, 0, " ").unwrap();
    assert_eq!(store.narrative(id).unwrap().findings, ["c"]);

    // Empty text clears each part; nothing is left.
    store.set_message(q, id, "   ").unwrap();
    store.set_findings(q, id, &[]).unwrap();
    store.set_gap_note(q, id, "4.3", "").unwrap();
    assert!(store.narrative(id).unwrap().is_empty());
    assert!(!store.dump().unwrap().contains("narrative_"));
    assert!(!store.dump().unwrap().contains("gap_note|"));
    assert_eq!(store.load_assessment(q, id).unwrap().narrative, None);
}

#[test]
fn bad_changes_are_refused_in_both_languages_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = fresh(&dir);
    let q = &set().questionnaire;
    store
        .edit_narrative(
            q,
            id,
            &NarrativeEdit {
                message: Some("kept".into()),
                findings: Some(vec!["kept".into()]),
                gap_notes: vec![("4.3".into(), "kept".into())],
                ..NarrativeEdit::default()
            },
        )
        .unwrap();
    let before = store.dump().unwrap();
    let unscored = q.items.iter().find(|i| !i.scored).unwrap().id.clone();
    let bad: Vec<(NarrativeEdit, &str, &str)> = vec![
        (
            NarrativeEdit {
                message: Some("x".repeat(LONG_TEXT_MAX_CHARS + 1)),
                ..NarrativeEdit::default()
            },
            "executive message",
            "経営層へのメッセージ",
        ),
        (
            NarrativeEdit {
                findings: Some(vec!["f".into(); MAX_FINDINGS + 1]),
                ..NarrativeEdit::default()
            },
            "at most 50 key findings",
            "50 件まで",
        ),
        (
            NarrativeEdit {
                findings: Some(vec!["ok".into(), "y".repeat(FINDING_MAX_CHARS + 1)]),
                ..NarrativeEdit::default()
            },
            "key finding 2",
            "主な所見 2",
        ),
        (
            NarrativeEdit {
                gap_notes: vec![("9.99".into(), "why".into())],
                ..NarrativeEdit::default()
            },
            "item 9.99",
            "項目 9.99",
        ),
        (
            NarrativeEdit {
                gap_notes: vec![(unscored.clone(), "why".into())],
                ..NarrativeEdit::default()
            },
            "not scored",
            "採点されない",
        ),
        (
            // A good message with a bad note: the whole change is refused, the message too.
            NarrativeEdit {
                clear: true,
                message: Some("new".into()),
                gap_notes: vec![("4.3".into(), "z".repeat(FINDING_MAX_CHARS + 1))],
                ..NarrativeEdit::default()
            },
            "2000",
            "2000",
        ),
    ];
    for (edit, en, ja) in bad {
        let e = store.edit_narrative(q, id, &edit).unwrap_err();
        assert!(e.localized(Lang::En).contains(en), "{e}");
        assert!(
            e.localized(Lang::Ja).contains(ja),
            "{}",
            e.localized(Lang::Ja)
        );
        assert_eq!(store.dump().unwrap(), before, "{edit:?}");
    }
    for e in [
        store.edit_finding(q, id, 5, "x").unwrap_err(),
        store.remove_finding(q, id, 1).unwrap_err(),
        store.add_finding(q, id, " ").unwrap_err(),
    ] {
        assert!(matches!(e, StoreError::InvalidInput(_)), "{e}");
        assert_ne!(e.localized(Lang::Ja), e.localized(Lang::En));
    }
    assert!(matches!(
        store.set_message(q, 9999, "x").unwrap_err(),
        StoreError::NoAssessment(9999)
    ));
    assert_eq!(store.dump().unwrap(), before);
}

#[test]
fn clear_removes_every_part_in_one_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = fresh(&dir);
    let q = &set().questionnaire;
    let mut a = store.load_assessment(q, id).unwrap();
    a.narrative = Some(rich());
    let id = store.import(q, &a, None).unwrap();
    let after = store
        .edit_narrative(
            q,
            id,
            &NarrativeEdit {
                clear: true,
                findings: Some(vec!["only this".into()]),
                ..NarrativeEdit::default()
            },
        )
        .unwrap();
    assert_eq!(
        after,
        Narrative {
            findings: vec!["only this".into()],
            ..Narrative::default()
        }
    );
}

#[test]
fn the_narrative_travels_losslessly_and_a_file_without_one_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = fresh(&dir);
    let q = &set().questionnaire;
    let mut a = csirt_model::demo::demo_assessment(Lang::Ja);
    a.narrative = Some(rich());
    let id = store.import(q, &a, None).unwrap();
    let exported = store.export_assessment(q, id).unwrap();
    let mut expected = rich();
    expected.gap_notes.sort_by_order(&["2.8", "4.3"]);
    assert_eq!(exported.narrative.as_ref(), Some(&expected));

    // Through the file's bytes and back, twice: the same narrative and the same bytes.
    let json = exported.to_json_pretty();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["narrative"]["findings"][1],
        "Escalation to legal is missing"
    );
    assert!(value["narrative"]["message"]
        .as_str()
        .unwrap()
        .starts_with("経営層の皆様へ。"));
    assert_eq!(
        value["narrative"]["gap_notes"]["4.3"],
        "法務部門への連絡がないと、個人情報の漏えいで届出の期限を逃します。"
    );
    let again = csirt_model::assessment::parse(json.as_bytes()).unwrap();
    let id2 = store.import(q, &again, None).unwrap();
    let exported2 = store.export_assessment(q, id2).unwrap();
    assert_eq!(exported2.narrative, exported.narrative);
    assert_eq!(exported2.to_json_pretty(), json);

    // A file written before narratives existed imports, and exports without the field.
    let mut old = csirt_model::demo::demo_assessment(Lang::En);
    old.narrative = None;
    let text = old.to_json_pretty();
    assert!(!text.contains("narrative"));
    let id3 = store
        .import(
            q,
            &csirt_model::assessment::parse(text.as_bytes()).unwrap(),
            None,
        )
        .unwrap();
    assert!(!store
        .export_assessment(q, id3)
        .unwrap()
        .to_json_pretty()
        .contains("\"narrative\""));

    // An empty narrative in a file is accepted and not written back.
    let empty = text.replacen("\"format\"", "\"narrative\": {},\n  \"format\"", 1);
    let id4 = store
        .import(
            q,
            &csirt_model::assessment::parse(empty.as_bytes()).unwrap(),
            None,
        )
        .unwrap();
    assert_eq!(store.export_assessment(q, id4).unwrap().narrative, None);
}

#[test]
fn an_import_with_a_bad_narrative_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = fresh(&dir);
    let q = &set().questionnaire;
    let before = store.dump().unwrap();
    let mut a = csirt_model::demo::demo_assessment(Lang::Ja);
    let mut n = rich();
    n.gap_notes.insert("9.99".into(), "why".into());
    n.findings.push("y".repeat(FINDING_MAX_CHARS + 1));
    a.narrative = Some(n);
    let e = store.import(q, &a, None).unwrap_err();
    let ja = e.localized(Lang::Ja);
    assert!(ja.contains("9.99") && ja.contains("主な所見 4"), "{ja}");
    assert!(e.localized(Lang::En).contains("key finding 4"), "{e}");
    assert_eq!(store.dump().unwrap(), before);
    // Unknown fields inside the narrative are refused by the parser, with the line.
    let text = csirt_model::demo::demo_assessment(Lang::Ja)
        .to_json_pretty()
        .replacen(
            "\"format\"",
            "\"narrative\": {\"summary\": \"x\"},\n  \"format\"",
            1,
        );
    let e = csirt_model::assessment::parse(text.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("summary"), "{e}");
}

#[test]
fn a_respondents_file_brings_no_narrative_and_deleting_the_assessment_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = fresh(&dir);
    let q = &set().questionnaire;
    store
        .set_message(q, id, "the facilitator's message")
        .unwrap();
    let mut theirs = csirt_model::demo::demo_assessment(Lang::Ja);
    theirs.narrative = Some(rich());
    let r = store
        .import_as_respondent(q, id, "Sato", None, &theirs)
        .unwrap();
    assert_eq!(
        store.narrative(id).unwrap().message,
        "the facilitator's message"
    );
    assert!(store.narrative(id).unwrap().findings.is_empty());
    assert_eq!(
        store
            .load_respondent_assessment(q, id, r)
            .unwrap()
            .narrative,
        None
    );
    store.set_gap_note(q, id, "4.3", "note").unwrap();
    store.set_findings(q, id, &["f".into()]).unwrap();
    store.delete_assessment(id).unwrap();
    let dump = store.dump().unwrap();
    assert!(
        !dump.contains("narrative_") && !dump.contains("gap_note|"),
        "{dump}"
    );
}

/// The built-in questionnaire as a folder of another version, without item 4.3.
fn without_4_3(dir: &std::path::Path) -> QuestionnaireSet {
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../questionnaires/jpcert-2015/questionnaire.toml"),
    )
    .unwrap();
    let src = src.replacen("version = \"2015.1\"", "version = \"2016.1\"", 1);
    let start = src.find("[[items]]\nid = \"4.3\"").unwrap();
    let next = start + 1 + src[start + 1..].find("[[items]]").unwrap();
    let src = format!("{}{}", &src[..start], &src[next..]);
    let folder = dir.join("jpcert-2016");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("questionnaire.toml"), src).unwrap();
    csirt_model::load_dir(&folder).unwrap()
}

#[test]
fn a_note_on_an_item_another_version_lacks_is_named_kept_and_dropped_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = fresh(&dir);
    let q1 = &set().questionnaire;
    let two = without_4_3(dir.path());
    let q2 = &two.questionnaire;
    store.set_gap_note(q1, id, "4.3", "法務が要").unwrap();
    store.set_gap_note(q1, id, "4.4", "kept").unwrap();
    store.set_message(q1, id, "message").unwrap();

    let fit = store.fit(q2, id).unwrap();
    assert_eq!(fit.misfits.len(), 1, "{:?}", fit.misfits);
    let m = &fit.misfits[0];
    assert_eq!((m.item.as_str(), m.value.as_str()), ("4.3", "法務が要"));
    assert_eq!(m.whose.en, "note on the gap");
    let a = store.load_assessment(q2, id).unwrap();
    let n = a.narrative.unwrap();
    assert_eq!((n.gap_note("4.3"), n.gap_note("4.4")), (None, Some("kept")));
    assert_eq!(n.message, "message");
    // Kept in the store; the export is refused until it is dropped.
    assert_eq!(
        store.narrative(id).unwrap().gap_note("4.3"),
        Some("法務が要")
    );
    assert!(matches!(
        store.export_assessment(q2, id).unwrap_err(),
        StoreError::Misfits { .. }
    ));
    let gone = store.drop_misfits(q2, id, Some("4.3")).unwrap();
    assert_eq!(gone.len(), 1);
    assert_eq!(store.narrative(id).unwrap().gap_note("4.3"), None);
    assert!(store.export_assessment(q2, id).is_ok());
}
