//! The answers a service item takes (in-house, outsourced, not provided): their one home, with
//! the keys the interchange file and the benchmark use, their levels and bilingual labels.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// How an organisation provides a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ServiceAnswer {
    #[serde(rename = "in-house")]
    InHouse,
    #[serde(rename = "outsourced")]
    Outsourced,
    #[serde(rename = "none")]
    NotProvided,
}

impl ServiceAnswer {
    /// Every answer, in the order forms and tables list them.
    pub const ALL: [ServiceAnswer; 3] = [
        ServiceAnswer::InHouse,
        ServiceAnswer::Outsourced,
        ServiceAnswer::NotProvided,
    ];

    /// The answer's key in files (`"in-house"`, `"outsourced"`, `"none"`).
    pub const fn key(self) -> &'static str {
        match self {
            ServiceAnswer::InHouse => "in-house",
            ServiceAnswer::Outsourced => "outsourced",
            ServiceAnswer::NotProvided => "none",
        }
    }

    /// The answer a key names, if any (exactly as written; the validator refuses others).
    pub fn from_key(key: &str) -> Option<ServiceAnswer> {
        ServiceAnswer::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Whether the service is provided at all (in-house or outsourced).
    pub const fn provided(self) -> bool {
        !matches!(self, ServiceAnswer::NotProvided)
    }

    /// The level of a scored service item: 1 when provided, 0 when not.
    pub const fn level(self) -> u32 {
        if self.provided() {
            1
        } else {
            0
        }
    }

    /// The answer in words, in both languages.
    pub fn label(self) -> Text {
        match self {
            ServiceAnswer::InHouse => Text::new("内製", "In-house"),
            ServiceAnswer::Outsourced => Text::new("外注", "Outsourced"),
            ServiceAnswer::NotProvided => Text::new("提供していない", "Not provided"),
        }
    }

    /// The keys of every answer, quoted and listed for a message (`"in-house"、"outsourced"…`).
    pub fn listed(lang: crate::text::Lang) -> String {
        let quoted: Vec<String> = ServiceAnswer::ALL
            .iter()
            .map(|a| format!("{:?}", a.key()))
            .collect();
        match lang {
            crate::text::Lang::Ja => quoted.join("、"),
            crate::text::Lang::En => match quoted.split_last() {
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            },
        }
    }
}

/// The keys of the three service answers, in [`ServiceAnswer::ALL`]'s order.
pub const SERVICE_KEYS: [&str; 3] = [
    ServiceAnswer::InHouse.key(),
    ServiceAnswer::Outsourced.key(),
    ServiceAnswer::NotProvided.key(),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn keys_serde_names_levels_and_labels_agree() {
        for a in ServiceAnswer::ALL {
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("{:?}", a.key()));
            assert_eq!(serde_json::from_str::<ServiceAnswer>(&json).unwrap(), a);
            assert_eq!(ServiceAnswer::from_key(a.key()), Some(a));
            assert!(!a.label().ja.is_empty() && !a.label().en.is_empty());
            assert_eq!(a.level(), u32::from(a.provided()));
        }
        assert_eq!(ServiceAnswer::from_key("In-house"), None);
        assert_eq!(
            ServiceAnswer::listed(Lang::En),
            "\"in-house\", \"outsourced\" or \"none\""
        );
        assert_eq!(
            ServiceAnswer::listed(Lang::Ja),
            "\"in-house\"、\"outsourced\"、\"none\""
        );
    }
}
