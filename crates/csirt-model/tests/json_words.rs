//! A malformed assessment or contribution file is told in Japanese without the JSON library's
//! English, keeping the names the file wrote and the line; the English keeps the library's text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{assessment, Lang, Localized};

const HEAD: &str = r#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","questionnaire_version":"2015.1","#;

fn ja_en(text: &str) -> (String, String) {
    let e = assessment::parse(text.as_bytes()).unwrap_err();
    (e.localized(Lang::Ja), e.localized(Lang::En))
}

#[test]
fn an_unknown_field_or_a_wrong_kind_is_told_in_japanese() {
    let cases = [
        // An unknown field in the organisation, named with the fields allowed.
        (
            r#""organisation":{"name":"x","colour":"red"},"date":"2026-01-01","language":"ja","status":"draft","answers":{}}"#,
            "`colour` という項目名は使えません",
        ),
        // A number where a text belongs.
        (
            r#""organisation":{"name":7},"date":"2026-01-01","language":"ja","status":"draft","answers":{}}"#,
            "値の種類",
        ),
        // A status the format does not know.
        (
            r#""organisation":{"name":"x"},"date":"2026-01-01","language":"ja","status":"done","answers":{}}"#,
            "`done` という値は使えません",
        ),
    ];
    for (tail, want) in cases {
        let (ja, en) = ja_en(&format!("{HEAD}{tail}"));
        assert!(ja.contains(want), "{ja}");
        assert!(ja.contains("行"), "{ja}");
        for english in ["unknown", "expected", "invalid type", "at line"] {
            assert!(!ja.contains(english), "{english} in {ja}");
        }
        assert!(en.contains("line 1"), "{en}");
    }
}
