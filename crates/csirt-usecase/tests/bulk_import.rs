//! Several respondents' files imported at once into a workshop: each named after its file,
//! each refusal listed with its file in both languages, the good files imported all the same.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{builtin, demo, Answer, Catalog, Lang, Localized};
use csirt_store::Store;
use csirt_usecase::workshop::import_respondents;

#[test]
fn good_files_are_imported_by_their_names_and_bad_ones_are_listed_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let catalog = Catalog::load(None).unwrap().0;
    let set = builtin().unwrap();
    let q = &set.questionnaire;
    let demo = demo::demo_assessment(Lang::En);
    let id = store.import(q, &demo, None).unwrap();

    let mut other = demo.clone();
    other.workshop = None;
    other.answers.insert("4.2".into(), Answer::Text("a".into()));
    let good = serde_json::to_vec(&other).unwrap();
    let mut bad = demo.clone();
    bad.workshop = None;
    bad.answers.insert("4.2".into(), Answer::Text("zz".into()));
    let bad = serde_json::to_vec(&bad).unwrap();
    let files = vec![
        ("/home/f/Aoki.csirt".to_string(), good.clone()),
        ("/home/f/broken.csirt".to_string(), bad),
        (
            "/home/f/sealed.csirt.age".to_string(),
            b"age-encryption.org/v1\n...".to_vec(),
        ),
        ("/home/f/Baba.json".to_string(), good.clone()),
        // The same person twice: refused, not counted twice.
        ("/home/f/aoki.csirt".to_string(), good),
    ];
    let before = store.list_respondents(id).unwrap().len();
    let out = import_respondents(&mut store, &catalog, id, &files);
    let names: Vec<(&str, bool)> = out
        .iter()
        .map(|o| (o.name.as_str(), o.result.is_ok()))
        .collect();
    assert_eq!(
        names,
        [
            ("Aoki", true),
            ("broken", false),
            ("sealed", false),
            ("Baba", true),
            ("aoki", false)
        ]
    );
    let rows = store.list_respondents(id).unwrap();
    assert_eq!(rows.len(), before + 2);
    assert!(rows.iter().any(|r| r.name == "Aoki") && rows.iter().any(|r| r.name == "Baba"));
    // Every refusal says why in both languages; the encrypted one names its file.
    for o in out.iter().filter(|o| o.result.is_err()) {
        let e = o.result.as_ref().unwrap_err();
        assert!(!e.localized(Lang::Ja).is_empty() && !e.localized(Lang::En).is_empty());
    }
    let sealed = out[2].result.as_ref().unwrap_err();
    assert!(sealed.localized(Lang::Ja).contains("暗号化"));
    assert!(sealed.localized(Lang::En).contains("sealed.csirt.age"));
    // Aoki's answer to 4.2 was taken as theirs.
    let w = store.load_workshop(id, false).unwrap();
    let aoki = w.respondents.iter().find(|r| r.name == "Aoki").unwrap();
    assert_eq!(aoki.answers.get("4.2"), Some(&Answer::Text("a".into())));
}
