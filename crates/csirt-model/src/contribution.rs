//! The anonymous benchmark contribution (`csirt-contribution/1`): what one team hands in for a
//! pooled benchmark, made from an assessment, parsed and validated.
//!
//! A contribution holds the questionnaire id and version, a random id, the assessment's year and
//! month, a coarse profile (sector, size band, CSIRT form, each from a fixed list) and the answers
//! to the items the questionnaire marks `benchmark`: option keys as they are, numbers as a band.
//! It never holds the organisation's name, comments, evidence, "other" texts, free-text answers,
//! respondents, targets or a date finer than the month; [`contribution_from`] copies nothing else.

use crate::assessment::{validate_against, Answer, Assessment, StrictMap};
use crate::bi;
use crate::date::{parse_year_month, Date};
use crate::error::ModelError;
use crate::questionnaire::{service_label, Item, ItemKind, Questionnaire, SERVICE_KEYS};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

mod parse;
mod profile;
pub use parse::{parse_contribution, parse_shape};
pub use profile::{segment_id, segment_label, Form, Profile, ProfileValue, Sector, SizeBand};

pub const CONTRIBUTION_FORMAT: &str = "csirt-contribution/1";
const FORMAT_PREFIX: &str = "csirt-contribution/";
const FORMAT_VERSION: u32 = 1;
/// A contribution is a few kilobytes; anything above this is not one.
pub const MAX_CONTRIBUTION_BYTES: usize = 1024 * 1024;

/// The bands a number item (team size) is contributed as: key, lowest value, label.
/// The bounds follow the 2015 survey's own wording (fewer than 5, 5 to 9, fewer than 20).
pub const NUMBER_BANDS: [(&str, f64, &str, &str); 5] = [
    ("under-5", 0.0, "5 未満", "fewer than 5"),
    ("5-9", 5.0, "5〜9", "5 to 9"),
    ("10-19", 10.0, "10〜19", "10 to 19"),
    ("20-49", 20.0, "20〜49", "20 to 49"),
    ("50-plus", 50.0, "50 以上", "50 or more"),
];

/// The band key of a number.
pub fn number_band(v: f64) -> &'static str {
    NUMBER_BANDS
        .iter()
        .rev()
        .find(|(_, lo, _, _)| v >= *lo)
        .map(|(k, _, _, _)| *k)
        .unwrap_or(NUMBER_BANDS[0].0)
}

fn band_label(key: &str, unit: &Text) -> Option<Text> {
    NUMBER_BANDS
        .iter()
        .find(|(k, _, _, _)| *k == key)
        .map(|(_, _, ja, en)| Text::new(format!("{ja} {}", unit.ja), format!("{en} {}", unit.en)))
}

/// A random contribution id: 32 lowercase hexadecimal digits (128 bits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContributionId(String);

impl ContributionId {
    /// A fresh id from the operating system's random source.
    pub fn random() -> Result<Self, ModelError> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| ModelError::Io {
            path: PathBuf::from("(random source)"),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(Self::from_bytes(bytes))
    }

    /// The id of 16 given bytes (tests make ids from a seeded generator).
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        ContributionId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ContributionId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(ContributionId(s))
        } else {
            Err(format!(
                "the contribution id {s:?} is not 32 lowercase hexadecimal digits"
            ))
        }
    }
}

impl From<ContributionId> for String {
    fn from(id: ContributionId) -> String {
        id.0
    }
}

impl fmt::Display for ContributionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One team's anonymous contribution to a pooled benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub format: String,
    pub questionnaire: String,
    pub questionnaire_version: String,
    pub id: ContributionId,
    /// The assessment's year and month, `YYYY-MM`.
    pub month: String,
    #[serde(default)]
    pub profile: Profile,
    /// Option keys (a list for multiple choice), service answers, and number bands, by item.
    #[serde(default, deserialize_with = "answers_fast")]
    pub answers: StrictMap<Answer>,
}

/// An answer read straight from its JSON kind (serde's untagged enums buffer every value first,
/// which is most of the time of pooling 10,000 files).
struct FastAnswer(Answer);

impl<'de> Deserialize<'de> for FastAnswer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FastAnswer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an option key, a list of option keys or a band")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FastAnswer, E> {
                Ok(FastAnswer(Answer::Text(v.to_string())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<FastAnswer, E> {
                Ok(FastAnswer(Answer::Text(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FastAnswer, E> {
                Ok(FastAnswer(Answer::Number(v.into())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FastAnswer, E> {
                Ok(FastAnswer(Answer::Number(v.into())))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FastAnswer, E> {
                serde_json::Number::from_f64(v)
                    .map(|n| FastAnswer(Answer::Number(n)))
                    .ok_or_else(|| E::custom("a number must be finite"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FastAnswer, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<String>()? {
                    keys.push(k);
                }
                Ok(FastAnswer(Answer::Keys(keys)))
            }
        }
        d.deserialize_any(V)
    }
}

fn answers_fast<'de, D: serde::Deserializer<'de>>(d: D) -> Result<StrictMap<Answer>, D::Error> {
    let map = StrictMap::<FastAnswer>::deserialize(d)?;
    Ok(StrictMap(
        map.0.into_iter().map(|(k, v)| (k, v.0)).collect(),
    ))
}

/// The year and month of an assessment: its date's, or this month's when it has none.
pub fn month_of(a: &Assessment) -> Result<String, ModelError> {
    match &a.date {
        Some(d) => crate::date::parse_date(d)
            .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
            .map_err(|m| {
                ModelError::InvalidAssessment(vec![crate::error::AnswerProblem {
                    item: None,
                    message: m,
                }])
            }),
        None => {
            let d = Date::today();
            Ok(format!("{:04}-{:02}", d.year(), d.month()))
        }
    }
}

/// The contribution of an assessment: its benchmarkable answers and nothing else.
///
/// The assessment is validated first, so a contribution only ever holds valid keys.
pub fn contribution_from(
    q: &Questionnaire,
    a: &Assessment,
    profile: Profile,
    id: ContributionId,
    month: &str,
) -> Result<Contribution, ModelError> {
    validate_against(a, q)?;
    parse_year_month(month).map_err(|m| {
        ModelError::InvalidAssessment(vec![crate::error::AnswerProblem {
            item: None,
            message: m,
        }])
    })?;
    let mut answers = StrictMap::default();
    for item in q.items.iter().filter(|i| i.benchmark) {
        let Some(answer) = a.answers.get(&item.id) else {
            continue;
        };
        let pooled = match (&item.kind, answer) {
            (ItemKind::Number { .. }, Answer::Number(n)) => match n.as_f64() {
                Some(v) => Answer::Text(number_band(v).to_string()),
                None => continue,
            },
            (ItemKind::Number { .. }, _) => continue,
            (_, Answer::Text(k)) => Answer::Text(k.clone()),
            (_, Answer::Keys(k)) => Answer::Keys(k.clone()),
            (_, Answer::Number(_)) => continue,
        };
        answers.insert(item.id.clone(), pooled);
    }
    Ok(Contribution {
        format: CONTRIBUTION_FORMAT.to_string(),
        questionnaire: q.id.clone(),
        questionnaire_version: q.version.clone(),
        id,
        month: month.to_string(),
        profile,
        answers,
    })
}

impl Contribution {
    /// The file's bytes: pretty JSON, answers in questionnaire order.
    pub fn to_json_pretty(&self) -> String {
        // Plain strings and maps: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Every field that leaves the machine, as (label, value) in `lang`, in file order.
    pub fn preview(&self, q: &Questionnaire, lang: Lang) -> Vec<(String, String)> {
        let t = |ja: &str, en: &str| Text::new(ja, en).get(lang).to_string();
        let unstated = t("（記入なし）", "(not given)");
        let mut out = vec![
            (t("形式", "Format"), self.format.clone()),
            (
                t("質問票", "Questionnaire"),
                format!("{} ({})", self.questionnaire, self.questionnaire_version),
            ),
            (
                t("貢献 ID（無作為）", "Contribution id (random)"),
                self.id.to_string(),
            ),
            (t("評価の年月", "Assessment month"), self.month.clone()),
        ];
        fn part<V: ProfileValue>(v: Option<V>, lang: Lang, unstated: &str) -> (String, String) {
            (
                V::dimension_label().get(lang).to_string(),
                v.map(|v| v.label().get(lang).to_string())
                    .unwrap_or_else(|| unstated.to_string()),
            )
        }
        out.push(part(self.profile.sector, lang, &unstated));
        out.push(part(self.profile.size, lang, &unstated));
        out.push(part(self.profile.form, lang, &unstated));
        for (id, answer) in self.answers.iter() {
            let item = q.item(id);
            let label = match (item, lang) {
                (Some(i), _) => format!("{id} {}", i.text.get(lang)),
                (None, _) => id.clone(),
            };
            let value = match item {
                Some(i) => describe(i, answer, lang),
                None => answer.display(),
            };
            out.push((label, value));
        }
        out
    }

    /// Checks the contribution against its questionnaire: ids, month, and every answer, which
    /// must be a benchmarkable item's option key, service answer or number band.
    pub fn check(&self, q: &Questionnaire) -> Vec<(Option<String>, Text)> {
        let mut problems = Vec::new();
        if self.questionnaire != q.id {
            let (file, loaded) = (&self.questionnaire, &q.id);
            problems.push((
                None,
                bi!(
                    "この貢献ファイルは質問票 {file:?} のもので、{loaded:?} のものではありません",
                    "the contribution is for questionnaire {file:?}, not {loaded:?}"
                ),
            ));
        }
        if let Err(m) = parse_year_month(&self.month) {
            problems.push((None, m));
        }
        for (id, answer) in self.answers.iter() {
            if let Err(m) = check_pooled(q, id, answer) {
                problems.push((Some(id.clone()), m));
            }
        }
        problems
    }
}

fn describe(item: &Item, answer: &Answer, lang: Lang) -> String {
    match (&item.kind, answer) {
        (ItemKind::Number { unit, .. }, Answer::Text(k)) => band_label(k, unit)
            .map(|t| t.get(lang).to_string())
            .unwrap_or_else(|| k.clone()),
        (ItemKind::Service { .. }, Answer::Text(k)) => service_label(k)
            .map(|t| t.get(lang).to_string())
            .unwrap_or_else(|| k.clone()),
        _ => item.describe_answer(answer, lang),
    }
}

/// One contributed answer: the item must be benchmarkable and the answer one of its keys.
pub fn check_pooled(q: &Questionnaire, item_id: &str, answer: &Answer) -> Result<(), Text> {
    let item = q.item(item_id).ok_or_else(|| {
        let qid = &q.id;
        bi!(
            "質問票 {qid} にこの項目はありません",
            "no such item in questionnaire {qid}"
        )
    })?;
    if !item.benchmark {
        return Err(bi!(
            "この項目は貢献ファイルに入れない項目です",
            "this item never goes into a contribution"
        ));
    }
    match (&item.kind, answer) {
        (ItemKind::Number { .. }, Answer::Text(k)) => {
            if NUMBER_BANDS.iter().any(|(b, _, _, _)| b == k) {
                Ok(())
            } else {
                let bands = NUMBER_BANDS
                    .iter()
                    .map(|(b, _, _, _)| *b)
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(bi!(
                    "{k:?} は人数の帯ではありません（帯: {bands}）",
                    "{k:?} is not a number band (bands: {bands})"
                ))
            }
        }
        (ItemKind::Number { .. }, _) => Err(bi!(
            "数の項目は帯（\"5-9\" など）で書きます。人数そのものは入れません",
            "a number item is given as a band (such as \"5-9\"), never as the number itself"
        )),
        (ItemKind::Service { .. }, Answer::Text(k)) if !SERVICE_KEYS.contains(&k.as_str()) => {
            let (ja, en) = (
                crate::ServiceAnswer::listed(Lang::Ja),
                crate::ServiceAnswer::listed(Lang::En),
            );
            Err(bi!(
                "{k:?} はサービスの回答ではありません。{ja} のどれかです",
                "{k:?} is not a service answer: use {en}"
            ))
        }
        _ => crate::assessment::check_answer(q, item_id, answer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_assessment;
    use std::path::Path;

    fn q() -> std::sync::Arc<Questionnaire> {
        crate::load::builtin().unwrap().questionnaire
    }

    fn id() -> ContributionId {
        ContributionId::from_bytes([7; 16])
    }

    #[test]
    fn demo_contribution_round_trips_and_holds_only_keys() {
        let q = q();
        let a = demo_assessment(Lang::Ja);
        let c = contribution_from(&q, &a, Profile::default(), id(), "2026-04").unwrap();
        let json = c.to_json_pretty();
        let back = parse_contribution(json.as_bytes(), Path::new("c.json"), &q).unwrap();
        assert_eq!(back, c);
        assert!(!json.contains(&a.organisation.name));
        for (item, _) in c.answers.iter() {
            assert!(q.item(item).unwrap().benchmark, "{item}");
        }
        // A number is a band, never the number.
        if let Some(a33) = c.answers.get("3.3") {
            assert!(matches!(a33, Answer::Text(k) if NUMBER_BANDS.iter().any(|b| b.0 == k)));
        }
    }

    #[test]
    fn bom_is_accepted_and_unknown_fields_are_refused_with_a_line() {
        let q = q();
        let c = contribution_from(
            &q,
            &demo_assessment(Lang::En),
            Profile::default(),
            id(),
            "2026-04",
        )
        .unwrap();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(c.to_json_pretty().bytes());
        assert!(parse_contribution(&bytes, Path::new("c.json"), &q).is_ok());
        let bad = c
            .to_json_pretty()
            .replace("\"month\"", "\"organisation\": \"x\",\n  \"month\"");
        let e = parse_contribution(bad.as_bytes(), Path::new("c.json"), &q).unwrap_err();
        let lines = e.problem_lines(Lang::Ja);
        assert!(lines[0].starts_with("c.json:"), "{lines:?}");
        assert!(lines[0].contains("organisation"), "{lines:?}");
    }

    #[test]
    fn bad_answers_and_numbers_are_refused_in_both_languages() {
        let q = q();
        let mut c = contribution_from(
            &q,
            &demo_assessment(Lang::En),
            Profile::default(),
            id(),
            "2026-04",
        )
        .unwrap();
        c.answers
            .insert("3.3".into(), Answer::Number(serde_json::Number::from(7)));
        c.answers.insert("2.8".into(), Answer::Text("zz".into()));
        let json = c.to_json_pretty();
        let e = parse_contribution(json.as_bytes(), Path::new("c.json"), &q).unwrap_err();
        let (ja, en) = (e.problem_lines(Lang::Ja), e.problem_lines(Lang::En));
        assert_eq!(ja.len(), 2, "{ja:?}");
        assert!(en
            .iter()
            .any(|l| l.contains("item 3.3") && l.contains("band")));
        assert!(ja.iter().any(|l| l.contains("項目 2.8")));
        assert!(ja.iter().all(|l| !l.ends_with(": 0:")));
    }

    #[test]
    fn text_items_never_benchmark_and_bands_cover_every_number() {
        let q = q();
        for i in &q.items {
            if matches!(
                i.kind,
                ItemKind::Text | ItemKind::YearMonth | ItemKind::Group
            ) {
                assert!(!i.benchmark, "{}", i.id);
            }
            if i.scored {
                assert!(i.benchmark, "{}", i.id);
            }
        }
        assert_eq!(number_band(0.0), "under-5");
        assert_eq!(number_band(4.9), "under-5");
        assert_eq!(number_band(5.0), "5-9");
        assert_eq!(number_band(19.0), "10-19");
        assert_eq!(number_band(10000.0), "50-plus");
    }

    #[test]
    fn profile_keys_parse_and_name_the_list() {
        assert_eq!("manufacturing".parse::<Sector>(), Ok(Sector::Manufacturing));
        let e = "steel".parse::<Sector>().unwrap_err();
        assert!(e.en.contains("manufacturing") && e.ja.contains("業種"));
        assert_eq!(
            segment_label("size=100-999").unwrap().en,
            "organisation size: 100 to 999 employees"
        );
        assert!(ContributionId::try_from("ABC".to_string()).is_err());
    }
}
