//! The use-case layer on a real store: the scores it puts beside stored assessments, progress,
//! the trend, the one report path for stored assessments and files, and the report options'
//! refusals in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{builtin, demo, Answer, Catalog, Lang, Localized};
use csirt_report::{Format, Preset, ReportOptions, SectionKind};
use csirt_store::Store;
use csirt_usecase::options::{self, OptionsInput};
use csirt_usecase::{report, view, BenchmarkUse, ReportRequest, UsecaseError};

fn catalog() -> Catalog {
    Catalog::load(None).unwrap().0
}

/// A store holding the demo assessment, and its id.
fn demo_store() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let set = builtin().unwrap();
    let id = store
        .import(&set.questionnaire, &demo::demo_assessment(Lang::En), None)
        .unwrap();
    (dir, store, id)
}

#[test]
fn summaries_carry_the_score_of_each_assessment() {
    let (_dir, mut store, full) = demo_store();
    let catalog = catalog();
    let set = catalog.get("jpcert-2015").unwrap();
    let q = &set.questionnaire;
    let org = store.assessment(full).unwrap().organisation_id;
    let empty = store
        .create_assessment(org, q, Some("2030-01-01"), Lang::Ja)
        .unwrap();
    let summaries = view::summaries(&store, &catalog, Some(org)).unwrap();
    assert_eq!(summaries.len(), 2);
    for s in &summaries {
        let a = store.load_assessment(q, s.row.id).unwrap();
        let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a).unwrap();
        assert_eq!(s.overall, report.overall);
        assert_eq!(s.answerable, report.completeness.answerable);
    }
    let by_id = |id: i64| summaries.iter().find(|x| x.row.id == id).unwrap();
    assert!(by_id(full).overall.is_some());
    assert_eq!(by_id(empty).overall, None);
}

#[test]
fn progress_counts_a_respondents_own_answers() {
    let (_dir, mut store, id) = demo_store();
    let catalog = catalog();
    let q = catalog.get("jpcert-2015").unwrap().questionnaire.clone();
    let legal = store.add_respondent(id, "Legal", None).unwrap();
    store
        .save_answer(&q, id, Some(legal), "4.3", &Answer::Text("b".into()), None)
        .unwrap();
    let all = store.load_assessment(&q, id).unwrap();
    assert_eq!(
        view::progress(&store, &catalog, id, Some(legal))
            .unwrap()
            .answered,
        1
    );
    assert_eq!(
        view::progress(&store, &catalog, id, None).unwrap().answered,
        all.answers.0.len()
    );
}

#[test]
fn the_trend_runs_in_calendar_order_up_to_the_date_asked_for() {
    let (_dir, mut store, first) = demo_store();
    let catalog = catalog();
    let q = catalog.get("jpcert-2015").unwrap().questionnaire.clone();
    let row = store.assessment(first).unwrap();
    for date in ["2031-01-01", "2030-01-01"] {
        store
            .create_assessment(row.organisation_id, &q, Some(date), Lang::Ja)
            .unwrap();
    }
    let dates = |upto: Option<&str>| -> Vec<String> {
        view::trend(&store, &catalog, row.organisation_id, None, upto)
            .unwrap()
            .points
            .into_iter()
            .map(|p| p.date)
            .collect()
    };
    assert_eq!(
        dates(None),
        [row.date.clone(), "2030-01-01".into(), "2031-01-01".into()]
    );
    assert_eq!(
        dates(Some("2030-01-01")),
        [row.date.clone(), "2030-01-01".into()]
    );
}

#[test]
fn the_view_says_what_the_overall_score_means_and_the_change_since_the_last() {
    let (_dir, mut store, first) = demo_store();
    let catalog = catalog();
    let q = catalog.get("jpcert-2015").unwrap().questionnaire.clone();
    let row = store.assessment(first).unwrap();
    // Alone, the demo has no earlier assessment to compare with.
    let alone = view::score(&view::read(&store, &catalog, first).unwrap(), &catalog).unwrap();
    let overall = alone.report.overall.unwrap();
    assert_eq!(alone.headline.overall, Some(overall));
    assert_eq!(alone.headline.sim3_level, Some(overall / 25.0));
    assert_eq!(alone.headline.previous, None);
    assert!(alone.headline.lines[1].en.contains("No earlier assessment"));
    // A later assessment that answers 4.3 better than the demo did moves by the difference.
    let later = store
        .create_assessment(row.organisation_id, &q, Some("2031-01-01"), Lang::Ja)
        .unwrap();
    let demo = store.load_assessment(&q, first).unwrap();
    for (item, answer) in demo.answers.0.iter() {
        store
            .save_answer(&q, later, None, item, answer, None)
            .unwrap();
    }
    store
        .save_answer(&q, later, None, "4.3", &Answer::Text("a".into()), None)
        .unwrap();
    let v = view::score(&view::read(&store, &catalog, later).unwrap(), &catalog).unwrap();
    let now = v.report.overall.unwrap();
    assert!(now > overall, "{now} vs {overall}");
    assert_eq!(v.headline.previous.as_ref().unwrap().date, row.date);
    assert!((v.headline.change.unwrap() - (now - overall)).abs() < 1e-9);
    assert!(
        v.headline.lines[1].ja.contains(&row.date),
        "{:?}",
        v.headline.lines
    );
}

#[test]
fn a_divergence_is_the_same_from_the_store_and_from_its_file() {
    let (_dir, mut store, id) = demo_store();
    let catalog = catalog();
    let q = catalog.get("jpcert-2015").unwrap().questionnaire.clone();
    let sato = store.add_respondent(id, "Sato", None).unwrap();
    let suzuki = store.add_respondent(id, "Suzuki", None).unwrap();
    for (who, key) in [(sato, "a"), (suzuki, "e")] {
        store
            .save_answer(&q, id, Some(who), "4.1", &Answer::Text(key.into()), None)
            .unwrap();
    }
    let from_store = view::divergence(&store, &q, id, "F").unwrap();
    let top = &from_store[0];
    assert_eq!(top.item, "4.1");
    assert!(top.disagreement > 0.8, "{top:?}");
    let file = store.export_assessment(&q, id).unwrap();
    let (from_file, _) = csirt_scoring::workshop_report(&q, &file, "F");
    assert_eq!(from_file.first().map(|d| &d.item), Some(&top.item));
}

fn request(options: &ReportOptions, format: Format) -> ReportRequest<'_> {
    ReportRequest {
        lang: Lang::En,
        options,
        format,
        created: 0,
        facilitator: "Facilitator",
        peers: true,
    }
}

/// The stored demo and the demo file give the same HTML (the same content), through the one
/// path; the read step needs the store, the render step does not.
#[test]
fn a_stored_assessment_and_its_file_report_alike() {
    let (_dir, store, id) = demo_store();
    let catalog = catalog();
    let options = ReportOptions::default();
    let data = report::read(&store, &catalog, id).unwrap();
    drop(store);
    let stored = report::render(
        &data,
        &catalog,
        &BenchmarkUse::Remembered,
        &request(&options, Format::Html),
    )
    .unwrap();
    let file =
        report::render_file(&data.assessment, &catalog, &request(&options, Format::Html)).unwrap();
    assert_eq!(stored, file);
    let pdf = report::render(
        &data,
        &catalog,
        &BenchmarkUse::RememberedOrDefault,
        &request(&options, Format::Pdf),
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

/// A remembered benchmark that no longer exists: an error naming it for the command line,
/// the questionnaire's own (with a warning) for the app.
#[test]
fn a_remembered_benchmark_that_is_gone_is_an_error_or_a_warning() {
    let (_dir, store, id) = demo_store();
    let catalog = catalog();
    let mut data = report::read(&store, &catalog, id).unwrap();
    data.choice.benchmark = Some("gone".into());
    let options = ReportOptions::default();
    let req = request(&options, Format::Html);
    let e = report::render(&data, &catalog, &BenchmarkUse::Remembered, &req).unwrap_err();
    assert!(e.localized(Lang::En).contains("gone"), "{e}");
    assert!(e.localized(Lang::Ja).contains("gone"), "{e}");
    report::render(&data, &catalog, &BenchmarkUse::RememberedOrDefault, &req).unwrap();
    let stored = view::Stored {
        row: data.row.clone(),
        assessment: data.assessment.clone(),
        version_warning: None,
        choice: data.choice.clone(),
        history: data.history.clone(),
    };
    let scored = view::score(&stored, &catalog).unwrap();
    let warning = scored.benchmark_warning.unwrap();
    assert!(warning.en.contains("gone") && warning.ja.contains("gone"));
}

// ------------------------------------------------------------------ options

/// Both languages of an option's refusal, each holding `detail`.
fn refused(e: UsecaseError, detail: &str) -> (String, String) {
    let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
    assert!(ja.contains(detail) && en.contains(detail), "{ja} / {en}");
    assert_ne!(ja, en);
    (ja, en)
}

#[test]
fn presets_and_sections_are_read_by_name() {
    let o = options::options(&OptionsInput {
        preset: Some("board".into()),
        sections: Some("summary, gaps,since-last,gaps".into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(o.preset, Preset::Board);
    assert_eq!(
        o.sections,
        Some(vec![
            SectionKind::Summary,
            SectionKind::Gaps,
            SectionKind::SinceLast
        ])
    );
    for kind in options::SECTION_KINDS {
        let name = options::section_name(kind);
        assert_eq!(options::parse_sections(&name).unwrap(), [kind]);
    }
}

#[test]
fn an_unknown_section_or_preset_is_refused_with_the_valid_names() {
    let (ja, en) = refused(
        options::parse_sections("summary,apendix").unwrap_err(),
        "apendix",
    );
    for valid in ["summary", "since-last", "appendix-disagreements"] {
        assert!(ja.contains(valid) && en.contains(valid), "{en}");
    }
    assert!(ja.contains("章"), "{ja}");
    let (ja, en) = refused(options::parse_preset("ceo").unwrap_err(), "ceo");
    assert!(en.contains("board") && ja.contains("team"), "{en}");
    refused(options::parse_sections(" , ").unwrap_err(), "summary");
}

#[test]
fn a_missing_logo_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("logo.png");
    let (ja, _) = refused(options::read_logo(&path).unwrap_err(), "logo.png");
    assert!(ja.contains("ロゴ"), "{ja}");
}

#[test]
fn a_logo_that_is_not_an_image_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("logo.png");
    std::fs::write(&path, "<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
    let (ja, en) = refused(options::read_logo(&path).unwrap_err(), "logo.png");
    assert!(
        en.contains("PNG or JPEG") && ja.contains("PNG または JPEG"),
        "{en} / {ja}"
    );
    // A PNG signature with no header after it: damaged.
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n").unwrap();
    let (_, en) = refused(options::read_logo(&path).unwrap_err(), "logo.png");
    assert!(en.contains("cannot be read"), "{en}");
    // Too large: more bytes than the limit.
    let big = vec![0u8; csirt_report::logo::MAX_BYTES + 10];
    std::fs::write(&path, big).unwrap();
    let (_, en) = refused(options::read_logo(&path).unwrap_err(), "logo.png");
    assert!(en.contains("at most 2 MB"), "{en}");
}

/// A real PNG (the app's own icon) is read with its size; JPEG decoding is tested in
/// csirt-report (`a_jpeg_logo_is_accepted`).
#[test]
fn a_png_logo_is_read_with_its_size() {
    let icon =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/icons/32x32.png");
    let logo = options::read_logo(&icon).unwrap();
    assert_eq!((logo.width_px, logo.height_px), (32, 32));
    // Only its header: refused as unreadable, naming the file.
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.png");
    let bytes = std::fs::read(&icon).unwrap();
    std::fs::write(&cut, &bytes[..40]).unwrap();
    let (_, en) = refused(options::read_logo(&cut).unwrap_err(), "cut.png");
    assert!(en.contains("cannot be read"), "{en}");
}

#[test]
fn the_confidentiality_line_is_trimmed_one_line_and_limited() {
    assert_eq!(
        options::confidentiality("  社外秘 — Board only  ").unwrap(),
        "社外秘 — Board only"
    );
    let (ja, en) = refused(
        options::confidentiality(&"x".repeat(201)).unwrap_err(),
        "200",
    );
    assert!(
        ja.contains("機密区分") && en.contains("confidentiality"),
        "{en}"
    );
    refused(options::confidentiality("   ").unwrap_err(), "");
    refused(options::confidentiality("a\nb").unwrap_err(), "U+000A");
}
