//! Questionnaire packages on a real store: installed, used by an assessment, refused removal
//! naming that assessment (in both languages), then removed once it is gone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{Catalog, Lang, Localized, Organisation};
use csirt_store::Store;
use csirt_usecase::{questionnaires, UsecaseError};
use std::io::Write;
use std::path::Path;

/// The test package `tests/fixtures/packages/small-survey`, zipped as a folder.
fn small_survey_zip() -> Vec<u8> {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/packages/small-survey");
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    w.add_directory("small-survey/", opts).unwrap();
    w.start_file("small-survey/questionnaire.toml", opts)
        .unwrap();
    w.write_all(&std::fs::read(dir.join("questionnaire.toml")).unwrap())
        .unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
fn a_package_in_use_is_not_removed_and_the_refusal_names_the_assessments() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("questionnaires");
    let mut store = Store::open(&tmp.path().join("db.sqlite3")).unwrap();
    let catalog = Catalog::load(None).unwrap().0;
    let (catalog, set) =
        questionnaires::install(&catalog, &root, Path::new("small.zip"), &small_survey_zip())
            .unwrap();
    assert_eq!(set.questionnaire.id, "small-survey");
    let listed = questionnaires::list(&catalog, &root);
    let small = listed.iter().find(|l| l.id == "small-survey").unwrap();
    assert!(small.package && small.version == "1.0");
    assert_eq!(listed.iter().filter(|l| l.builtin).count(), 4);

    let org = store
        .add_organisation(&Organisation {
            name: "Example K.K.".into(),
            ..Default::default()
        })
        .unwrap();
    let id = store
        .create_assessment(org, &set.questionnaire, Some("2026-04-01"), Lang::En)
        .unwrap();
    let e = questionnaires::remove(&store, &catalog, &root, "small-survey").unwrap_err();
    assert!(
        matches!(e, UsecaseError::QuestionnaireInUse { .. }),
        "{e:?}"
    );
    let named = format!("Example K.K. 2026-04-01 (#{id})");
    // It names the command that gets the user out: deleting each assessment.
    let en = e.localized(Lang::En);
    assert!(
        en.contains(&named) && en.contains("csirt assessment delete <id>"),
        "{en}"
    );
    let ja = e.localized(Lang::Ja);
    assert!(
        ja.contains(&named)
            && ja.contains("削除しませんでした")
            && ja.contains("csirt assessment delete <ID>"),
        "{ja}"
    );
    assert!(root.join("small-survey/questionnaire.toml").is_file());

    // A built-in questionnaire is never removed, in use or not.
    let e = questionnaires::remove(&store, &catalog, &root, "sim3").unwrap_err();
    assert!(e.localized(Lang::En).contains("built in"), "{e}");

    store.delete_assessment(id).unwrap();
    let (after, dir) = questionnaires::remove(&store, &catalog, &root, "small-survey").unwrap();
    assert_eq!(dir, root.join("small-survey"));
    assert!(!dir.exists());
    assert!(after.get("small-survey").is_err());
    assert_eq!(std::fs::read_dir(&root).unwrap().count(), 0);
}
