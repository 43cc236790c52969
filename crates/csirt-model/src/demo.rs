//! The demo organisation: a realistic two-year-old CSIRT at a mid-sized manufacturer.

use crate::assessment::{Answer, Assessment, Organisation, Status, StrictMap, ASSESSMENT_FORMAT};
use crate::error::ModelError;
use crate::load::{BUILTINS, BUILTIN_ID};
use crate::text::Lang;

/// The demo assessment of questionnaire `id`: jpcert-2015's is [`demo_assessment`] in `lang`;
/// every other built-in questionnaire's is its `demo.json` as shipped. A questionnaire without
/// one (a user's package) is refused with [`ModelError::NoDemo`]: no demo is made up. The caller
/// validates it against the questionnaire in its catalog.
pub fn demo_of(id: &str, lang: Lang) -> Result<Assessment, ModelError> {
    if id == BUILTIN_ID {
        return Ok(demo_assessment(lang));
    }
    let json = BUILTINS
        .iter()
        .find(|b| b.id == id)
        .and_then(|b| b.demo)
        .ok_or_else(|| ModelError::NoDemo(id.to_string()))?;
    crate::assessment::parse(json.as_bytes())
}

/// Answers of the demo, as JSON fragments in the interchange file's own notation.
const DEMO_ANSWERS: &[(&str, &str)] = &[
    ("1.1", r#""h""#),
    ("1.2", r#"["a","g","h"]"#),
    ("1.3", r#"["a","b","c"]"#),
    ("1.4", r#""a""#),
    ("1.5", r#""2023-04""#),
    ("1.6", r#""2023-10""#),
    ("2.1", r#"["a"]"#),
    ("2.2", r#"["b","c"]"#),
    ("2.3", r#"["a","b"]"#),
    ("2.4", r#"["a","c"]"#),
    ("2.4.1", r#"["a","d"]"#),
    ("2.5", r#"["d"]"#),
    ("2.6", r#"["a"]"#),
    ("2.7", r#"["a","b"]"#),
    ("2.8", r#""b""#),
    ("2.9.a", r#""in-house""#),
    ("2.9.b", r#""in-house""#),
    ("2.9.c", r#""in-house""#),
    ("2.9.d", r#""outsourced""#),
    ("2.9.e", r#""outsourced""#),
    ("2.9.f", r#""in-house""#),
    ("2.9.g", r#""none""#),
    ("2.9.h", r#""in-house""#),
    ("2.9.i", r#""outsourced""#),
    ("2.9.j", r#""in-house""#),
    ("2.9.k", r#""in-house""#),
    ("2.9.l", r#""in-house""#),
    ("2.9.m", r#""none""#),
    ("2.9.n", r#""outsourced""#),
    ("2.9.o", r#""none""#),
    ("2.9.p", r#""in-house""#),
    ("2.9.q", r#""none""#),
    ("2.9.r", r#""in-house""#),
    ("2.9.s", r#""in-house""#),
    ("2.9.t", r#""none""#),
    ("2.9.u", r#""none""#),
    ("2.9.v", r#""in-house""#),
    ("2.10", r#""b""#),
    ("2.11", r#""d""#),
    ("2.12", r#""a""#),
    ("2.13", r#""b""#),
    ("2.14", r#""a""#),
    ("2.14.1", r#""a""#),
    ("2.14.2", r#""c""#),
    ("2.14.3", r#""b""#),
    ("3.1", r#""d""#),
    ("3.2", "4"),
    ("3.2.1", r#""f""#),
    ("3.3", "7"),
    ("3.3.1", r#""e""#),
    ("3.4", r#""e""#),
    ("3.5", r#""c""#),
    ("3.6", r#""b""#),
    ("3.7", r#""c""#),
    ("3.8", r#""b""#),
    ("4.1", r#""c""#),
    ("4.2", r#""d""#),
    ("4.3", r#""e""#),
    ("4.4", r#""d""#),
    ("4.5", r#""e""#),
    ("4.6", r#""c""#),
    ("4.7", r#""e""#),
    ("4.8", r#""c""#),
    ("4.9", r#""d""#),
    ("4.10", r#""e""#),
    ("4.11", r#""d""#),
    ("5.1", r#""a""#),
    ("5.2", r#""b""#),
    ("6.1", r#""d""#),
    ("6.2", r#""d""#),
    ("6.3", r#""e""#),
    ("7.1", r#""b""#),
    ("7.1.2", r#""b""#),
];

/// The demo assessment, with the organisation and comments written in `lang`.
pub fn demo_assessment(lang: Lang) -> Assessment {
    let mut answers = StrictMap::default();
    for (id, json) in DEMO_ANSWERS {
        if let Ok(answer) = serde_json::from_str::<Answer>(json) {
            answers.insert((*id).to_string(), answer);
        }
    }
    let evidence: [(&str, &str); 2] = match lang {
        Lang::Ja => [
            (
                "2.11",
                "インシデント分類表（2024 年版、CSIRT 内で合意、未承認）",
            ),
            (
                "4.1",
                "エスカレーション手順書 v1.2（情報システム部長まで回覧済み）",
            ),
        ],
        Lang::En => [
            (
                "2.11",
                "Incident classification table (2024; agreed in the CSIRT, not approved)",
            ),
            (
                "4.1",
                "Escalation procedure v1.2 (circulated up to the head of IT)",
            ),
        ],
    };
    let mut evidence_map = StrictMap::default();
    for (id, text) in evidence {
        evidence_map.insert(id.to_string(), text.to_string());
    }
    let (name, sector, size, comments): (&str, &str, &str, [(&str, &str); 4]) = match lang {
        Lang::Ja => (
            "サンプル精機株式会社",
            "製造業",
            "従業員 約 3,000 名",
            [
                ("2.8", "停止の判断はシステム主管部門。CSIRT は助言のみ。"),
                (
                    "4.2",
                    "広報へのエスカレーションは担当者の判断に任されている。",
                ),
                (
                    "5.2",
                    "インシデントは表計算ソフトで管理。専用ツールを検討中。",
                ),
                ("6.3", "連絡体制図は人事異動の時にしか更新していない。"),
            ],
        ),
        Lang::En => (
            "Sample Precision Co., Ltd.",
            "Manufacturing",
            "About 3,000 employees",
            [
                (
                    "2.8",
                    "System owners decide on shutdowns; the CSIRT only advises.",
                ),
                (
                    "4.2",
                    "Escalation to PR is left to the judgement of whoever is on duty.",
                ),
                (
                    "5.2",
                    "Incidents are tracked in a spreadsheet; a ticketing tool is being considered.",
                ),
                ("6.3", "The contact chart is only updated when staff move."),
            ],
        ),
    };
    let mut comment_map = StrictMap::default();
    for (id, text) in comments {
        comment_map.insert(id.to_string(), text.to_string());
    }
    Assessment {
        format: ASSESSMENT_FORMAT.to_string(),
        questionnaire: "jpcert-2015".to_string(),
        questionnaire_version: Some("2015.1".to_string()),
        organisation: Organisation {
            name: name.to_string(),
            sector: Some(sector.to_string()),
            size: Some(size.to_string()),
            csirt_form: Some("distributed".to_string()),
        },
        date: Some("2026-04-01".to_string()),
        language: Some(lang),
        status: Status::Final,
        answers,
        other: StrictMap::default(),
        comments: comment_map,
        evidence: evidence_map,
        targets: StrictMap::default(),
        workshop: None,
        narrative: None,
        actions: Vec::new(),
        derived: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_has_a_demo_that_validates() {
        let (catalog, _) = crate::Catalog::load(None).unwrap();
        for b in BUILTINS {
            let a = demo_of(b.id, Lang::En).unwrap();
            assert_eq!(a.questionnaire, b.id);
            crate::assessment::validate(&a, &catalog).unwrap();
        }
    }

    #[test]
    fn a_questionnaire_without_a_demo_is_refused_in_both_languages() {
        use crate::Localized;
        let e = demo_of("my-own", Lang::Ja).unwrap_err();
        assert!(matches!(e, ModelError::NoDemo(ref id) if id == "my-own"));
        assert!(e.localized(Lang::Ja).contains("デモの評価がありません"));
        assert!(e.localized(Lang::En).contains("no demo assessment"));
    }
}
