//! `[peer_matching]` of a benchmark file: which questionnaire items and interview practices an
//! organisation is compared on with the benchmark's interviewed teams, and their weights, so
//! no item id is written in the matching code. Checked against the questionnaire with lines.

use crate::benchmark::PRACTICE_TOPICS;
use crate::bi;
use crate::questionnaire::{check_weight, prefix, ItemKind, Questionnaire};
use crate::raw::RawPeerMatching;
use crate::source::SourceFile;
use crate::text::Text;
use crate::Problem;
use serde::Serialize;
use toml::Spanned;

/// How an organisation is matched with the interviewed teams: its CSIRT form and sector (from
/// its profile), and optionally a team-size item, a reporting-cadence item and practice items,
/// each with its weight in the distance.
#[derive(Debug, Clone, Serialize)]
pub struct PeerMatching {
    /// The matching criteria in words, for the report ("form, size, sector, …").
    pub criteria: Text,
    pub form_weight: f64,
    pub sector_weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<PeerSize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<PeerCadence>,
    pub practices: Vec<PeerKey>,
}

/// A number item holding the team's size, compared on a log scale with each interviewed
/// team's `size_approx`.
#[derive(Debug, Clone, Serialize)]
pub struct PeerSize {
    pub item: String,
    pub weight: f64,
}

/// A scored item whose level is the reporting cadence, compared with the cadence of each
/// team's practice `topic`.
#[derive(Debug, Clone, Serialize)]
pub struct PeerCadence {
    pub item: String,
    pub topic: String,
    pub weight: f64,
}

/// A choice item whose answer among `keys` means the organisation has the practice `topic`.
#[derive(Debug, Clone, Serialize)]
pub struct PeerKey {
    pub item: String,
    pub keys: Vec<String>,
    pub topic: String,
    pub weight: f64,
}

/// Checks `[peer_matching]` against the questionnaire; every problem with its line.
pub(crate) fn compile(
    raw: &Spanned<RawPeerMatching>,
    has_interviews: bool,
    q: &Questionnaire,
    file: &SourceFile,
    problems: &mut Vec<Problem>,
) -> Option<PeerMatching> {
    let before = problems.len();
    let mut bad = |span: std::ops::Range<usize>, msg: Text| {
        problems.push(file.problem_at(
            span.start,
            prefix(bi!("peer_matching: ", "peer_matching: "), msg),
        ));
    };
    let m = raw.get_ref();
    if !has_interviews {
        bad(
            raw.span(),
            bi!(
                "インタビュー（[[interviews]]）のない基準データには書けません",
                "a benchmark without [[interviews]] cannot have one"
            ),
        );
    }
    if m.criteria.is_incomplete() {
        bad(
            raw.span(),
            bi!(
                "criteria には ja と en が必要です",
                "criteria needs ja and en"
            ),
        );
    }
    for w in [m.form_weight, m.sector_weight] {
        if let Err(msg) = check_weight(w) {
            bad(raw.span(), msg);
        }
    }
    let topic_ok = |topic: &str| PRACTICE_TOPICS.contains(&topic);
    if let Some(size) = &m.size {
        let s = size.get_ref();
        let item = &s.item;
        match q.item(item).map(|i| &i.kind) {
            Some(ItemKind::Number { .. }) => {}
            Some(_) => bad(
                size.span(),
                bi!(
                    "size の項目 {item} は数の項目ではありません",
                    "size item {item} is not a number item"
                ),
            ),
            None => bad(
                size.span(),
                bi!(
                    "size の項目 {item} はありません",
                    "size item {item} does not exist"
                ),
            ),
        }
        if let Err(msg) = check_weight(s.weight) {
            bad(size.span(), msg);
        }
    }
    if let Some(cadence) = &m.cadence {
        let c = cadence.get_ref();
        let (item, topic) = (&c.item, &c.topic);
        match q.item(item) {
            Some(i) if i.scored && !i.options().is_empty() => {}
            Some(_) => bad(
                cadence.span(),
                bi!(
                    "cadence の項目 {item} は採点される選択肢の項目ではありません",
                    "cadence item {item} is not a scored choice item"
                ),
            ),
            None => bad(
                cadence.span(),
                bi!(
                    "cadence の項目 {item} はありません",
                    "cadence item {item} does not exist"
                ),
            ),
        }
        if !topic_ok(topic) {
            bad(
                cadence.span(),
                bi!(
                    "topic {topic:?} は {PRACTICE_TOPICS:?} のどれでもありません",
                    "topic {topic:?} is not one of {PRACTICE_TOPICS:?}"
                ),
            );
        }
        if let Err(msg) = check_weight(c.weight) {
            bad(cadence.span(), msg);
        }
    }
    for spanned in &m.practices {
        let p = spanned.get_ref();
        let (item, topic) = (&p.item, &p.topic);
        match q.item(item) {
            Some(i) if !i.options().is_empty() => {
                for key in &p.keys {
                    if i.option(key).is_none() {
                        bad(
                            spanned.span(),
                            bi!(
                                "項目 {item} に選択肢 {key:?} はありません",
                                "item {item} has no option {key:?}"
                            ),
                        );
                    }
                }
            }
            Some(_) => bad(
                spanned.span(),
                bi!(
                    "項目 {item} は選択肢の項目ではありません",
                    "item {item} is not a choice item"
                ),
            ),
            None => bad(
                spanned.span(),
                bi!("項目 {item} はありません", "item {item} does not exist"),
            ),
        }
        if p.keys.is_empty() {
            bad(
                spanned.span(),
                bi!(
                    "keys に選択肢を 1 つ以上書いてください",
                    "keys needs at least one option key"
                ),
            );
        }
        if !topic_ok(topic) {
            bad(
                spanned.span(),
                bi!(
                    "topic {topic:?} は {PRACTICE_TOPICS:?} のどれでもありません",
                    "topic {topic:?} is not one of {PRACTICE_TOPICS:?}"
                ),
            );
        }
        if let Err(msg) = check_weight(p.weight) {
            bad(spanned.span(), msg);
        }
    }
    (problems.len() == before).then(|| PeerMatching {
        criteria: m.criteria.clone(),
        form_weight: m.form_weight,
        sector_weight: m.sector_weight,
        size: m.size.as_ref().map(|s| PeerSize {
            item: s.get_ref().item.clone(),
            weight: s.get_ref().weight,
        }),
        cadence: m.cadence.as_ref().map(|c| PeerCadence {
            item: c.get_ref().item.clone(),
            topic: c.get_ref().topic.clone(),
            weight: c.get_ref().weight,
        }),
        practices: m
            .practices
            .iter()
            .map(|p| {
                let p = p.get_ref();
                PeerKey {
                    item: p.item.clone(),
                    keys: p.keys.clone(),
                    topic: p.topic.clone(),
                    weight: p.weight,
                }
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use crate::load::{builtin, builtin_texts, compile_texts};
    use crate::{Lang, Localized, ModelError};

    /// The built-in benchmark with its `[peer_matching]` table's body replaced by `table`.
    fn with_table(table: &str) -> Result<crate::QuestionnaireSet, ModelError> {
        let (q, b) = builtin_texts();
        let start = b.find("[peer_matching]").unwrap();
        let end = start + b[start..].find("\n\n").unwrap();
        let b = format!("{}[peer_matching]\n{table}{}", &b[..start], &b[end..]);
        compile_texts("t", q, Some(&b))
    }

    fn problems(table: &str) -> Vec<(usize, String, String)> {
        match with_table(table) {
            Err(ModelError::Invalid(p)) => p
                .iter()
                .map(|p| (p.line, p.message.ja.clone(), p.message.en.clone()))
                .collect(),
            Err(e) => panic!("{}", e.localized(Lang::En)),
            Ok(_) => Vec::new(),
        }
    }

    #[test]
    fn the_builtin_benchmark_names_its_matching_items_in_data() {
        let set = builtin().unwrap();
        let m = set.benchmark.unwrap().peer_matching.clone().unwrap();
        assert_eq!(m.size.unwrap().item, "3.3");
        assert_eq!(m.cadence.unwrap().item, "7.1");
        let items: Vec<&str> = m.practices.iter().map(|p| p.item.as_str()).collect();
        assert_eq!(items, ["3.5", "5.2", "2.8"]);
    }

    #[test]
    fn bad_matching_tables_are_refused_with_their_line_in_both_languages() {
        let base =
            "criteria = { ja = \"形態\", en = \"form\" }\nform_weight = 1.0\nsector_weight = 1.0\n";
        let cases = [
            (format!("{base}colour = 1\n"), "unknown field `colour`"),
            (
                format!("{base}size = {{ item = \"2.8\", weight = 1.0 }}\n"),
                "size item 2.8 is not a number item",
            ),
            (
                format!("{base}size = {{ item = \"9.9\", weight = 1.0 }}\n"),
                "size item 9.9 does not exist",
            ),
            (
                format!("{base}cadence = {{ item = \"7.1\", topic = \"tea\", weight = 1.0 }}\n"),
                "topic \"tea\" is not one of",
            ),
            (
                format!("{base}practices = [{{ item = \"2.8\", keys = [\"z\"], topic = \"authority\", weight = 1.0 }}]\n"),
                "item 2.8 has no option \"z\"",
            ),
            (
                format!("{base}practices = [{{ item = \"2.8\", keys = [\"a\"], topic = \"authority\", weight = 0.0 }}]\n"),
                "weight must be a finite number above 0",
            ),
            (
                "criteria = { ja = \"形態\", en = \"\" }\nform_weight = 1.0\nsector_weight = 1.0\n".to_string(),
                "criteria needs ja and en",
            ),
        ];
        for (table, expected) in cases {
            let found = match with_table(&table) {
                Err(e) => e.localized(Lang::En),
                Ok(_) => panic!("accepted: {table}"),
            };
            assert!(found.contains(expected), "{table}: {found}");
            let ja = match with_table(&table) {
                Err(e) => e.localized(Lang::Ja),
                Ok(_) => unreachable!(),
            };
            assert!(
                ja.contains("t/benchmark.toml:") && ja.contains("問題があります"),
                "{ja}"
            );
        }
        // Each problem of the second phase is on the table's line or after it.
        let (_, b) = builtin_texts();
        let table_line = b[..b.find("[peer_matching]").unwrap()].lines().count() + 1;
        let p = problems(&format!(
            "{base}size = {{ item = \"9.9\", weight = 1.0 }}\n"
        ));
        assert_eq!(p.len(), 1);
        assert!(p[0].0 > table_line, "{p:?} after line {table_line}");
        assert!(
            p[0].1
                .starts_with("peer_matching: size の項目 9.9 はありません"),
            "{p:?}"
        );
    }

    #[test]
    fn a_matching_table_without_interviews_is_refused() {
        let (q, _) = builtin_texts();
        let b = r#"format = "csirt-benchmark/1"
id = "tiny"
questionnaire = "jpcert-2015"
n = 3
title = { ja = "小さな基準", en = "Tiny" }
source = { ja = "テスト", en = "Test" }
survey_date = "2020-01-01"
published = "2020-02-01"
limits = { ja = "テスト", en = "Test" }

[peer_matching]
criteria = { ja = "形態", en = "form" }
form_weight = 1.0
sector_weight = 1.0
"#;
        let e = compile_texts("t", q, Some(b)).unwrap_err();
        assert!(
            e.localized(Lang::En)
                .contains("a benchmark without [[interviews]] cannot have one"),
            "{e}"
        );
        // Without the table, the benchmark is fine and offers no peers.
        let plain = b.split("[peer_matching]").next().unwrap();
        let set = compile_texts("t", q, Some(plain)).unwrap();
        assert!(set.benchmark.unwrap().peer_matching.is_none());
    }
}
