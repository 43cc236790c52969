//! The coarse profile a contribution carries (sector, size band, CSIRT form, each from a fixed
//! list), and the benchmark segment ids and labels made from it.

use crate::bi;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A coarse profile value from one of the fixed lists: its file key and its bilingual label.
pub trait ProfileValue: Sized + Copy + 'static {
    /// The dimension's name in segment ids (`sector`, `size`, `form`).
    const DIMENSION: &'static str;
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> Text;
    /// The dimension's name for people.
    fn dimension_label() -> Text;

    /// Parses a key, naming every allowed key in both languages when it is not one.
    fn parse_key(s: &str) -> Result<Self, Text> {
        let s = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.key() == s)
            .ok_or_else(|| {
                let keys = Self::ALL
                    .iter()
                    .map(|v| v.key())
                    .collect::<Vec<_>>()
                    .join(", ");
                let (dja, den) = (Self::dimension_label().ja, Self::dimension_label().en);
                bi!(
                    "{dja} {s:?} は一覧にありません（使えるもの: {keys}）",
                    "{den} {s:?} is not in the list (use one of: {keys})"
                )
            })
    }
}

macro_rules! profile_enum {
    ($name:ident, $dim:literal, $dja:literal, $den:literal, [$(($variant:ident, $key:literal, $ja:literal, $en:literal)),+ $(,)?]) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant,)+
        }

        impl ProfileValue for $name {
            const DIMENSION: &'static str = $dim;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }
            fn label(self) -> Text {
                match self { $($name::$variant => Text::new($ja, $en),)+ }
            }
            fn dimension_label() -> Text {
                Text::new($dja, $den)
            }
        }

        impl FromStr for $name {
            type Err = Text;
            fn from_str(s: &str) -> Result<Self, Text> {
                <$name as ProfileValue>::parse_key(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

profile_enum!(
    Sector,
    "sector",
    "業種",
    "sector",
    [
        (
            Government,
            "government",
            "官公庁・自治体",
            "Government and public administration"
        ),
        (Finance, "finance", "金融・保険", "Finance and insurance"),
        (Manufacturing, "manufacturing", "製造業", "Manufacturing"),
        (
            InformationCommunications,
            "information-communications",
            "情報通信業",
            "Information and communications"
        ),
        (
            EnergyUtilities,
            "energy-utilities",
            "電気・ガス・水道",
            "Energy and utilities"
        ),
        (
            Transport,
            "transport",
            "運輸・物流",
            "Transport and logistics"
        ),
        (
            Healthcare,
            "healthcare",
            "医療・福祉",
            "Healthcare and welfare"
        ),
        (
            Education,
            "education-research",
            "教育・研究",
            "Education and research"
        ),
        (Commerce, "commerce", "卸売・小売", "Wholesale and retail"),
        (Services, "services", "サービス業", "Services"),
        (
            Construction,
            "construction",
            "建設・不動産",
            "Construction and real estate"
        ),
        (Other, "other", "その他", "Other"),
    ]
);

profile_enum!(
    SizeBand,
    "size",
    "組織の規模",
    "organisation size",
    [
        (
            Under100,
            "under-100",
            "従業員 100 名未満",
            "Fewer than 100 employees"
        ),
        (
            From100,
            "100-999",
            "従業員 100〜999 名",
            "100 to 999 employees"
        ),
        (
            From1000,
            "1000-4999",
            "従業員 1,000〜4,999 名",
            "1,000 to 4,999 employees"
        ),
        (
            From5000,
            "5000-plus",
            "従業員 5,000 名以上",
            "5,000 employees or more"
        ),
    ]
);

profile_enum!(
    Form,
    "form",
    "CSIRT の形態",
    "CSIRT form",
    [
        (Centralised, "centralised", "集中型", "Centralised"),
        (Distributed, "distributed", "分散型", "Distributed"),
        (Integrated, "integrated", "統合型", "Integrated"),
        (Coordinating, "coordinating", "調整型", "Coordinating"),
        (Other, "other", "その他", "Other"),
    ]
);

/// The coarse profile of the contributing team, each part optional (the team may not say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<SizeBand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
}

impl Profile {
    /// The profile's segment ids (`sector=manufacturing`, …), for the parts that are given.
    pub fn segment_ids(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(v) = self.sector {
            out.push(segment_id(v));
        }
        if let Some(v) = self.size {
            out.push(segment_id(v));
        }
        if let Some(v) = self.form {
            out.push(segment_id(v));
        }
        out
    }
}

/// `dimension=key`, the id of a benchmark segment.
pub fn segment_id<V: ProfileValue>(v: V) -> String {
    format!("{}={}", V::DIMENSION, v.key())
}

/// The bilingual label of a segment id, when it names a known dimension and value.
pub fn segment_label(id: &str) -> Option<Text> {
    let (dim, key) = id.split_once('=')?;
    fn of<V: ProfileValue>(key: &str) -> Option<Text> {
        V::parse_key(key).ok().map(|v| {
            let (d, l) = (V::dimension_label(), v.label());
            Text::new(format!("{}: {}", d.ja, l.ja), format!("{}: {}", d.en, l.en))
        })
    }
    match dim {
        "sector" => of::<Sector>(key),
        "size" => of::<SizeBand>(key),
        "form" => of::<Form>(key),
        _ => None,
    }
}
