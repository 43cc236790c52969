//! The one glossary: the word the app and the report use for each concept, in Japanese and
//! English, and the variants they must not use for it.
//!
//! The report's labels call it (`term`, `benchmark_teams`); the UI reads the same terms from
//! `crates/csirt-model/glossary.json`, which a test keeps equal to `TERMS`
//! (`CSIRT_UPDATE_GLOSSARY=1 cargo test -p csirt-model glossary` rewrites it). The glossary
//! tests (`crates/csirt-report/tests/glossary.rs`, `ui/test/glossary.test.ts`) fail when a
//! UI string or a report label uses a listed variant instead of the term.
//!
//! Choices:
//! - the user's organisation is 「貴組織」: the report is read by the organisation's board, and
//!   「貴組織」 is how a Japanese assessment report addresses its reader's organisation; the app
//!   uses the same word so that the screen and the PDF read alike (「あなた」 is too personal
//!   for a team's result, and 「あなたの組織」 reads as a translation);
//! - the benchmark is 「基準データ」 (the data compared with), and its teams are 「比較対象の
//!   組織」, always with their number from the data (`benchmark_teams`), never a fixed
//!   「調査の 66 チーム」: a pooled benchmark is not the 2015 survey;
//! - the set-up items are 「構築時に決めるべき項目」; a prerequisite is 「前提」;
//! - the workshop's facilitator is 「進行役」 (the house term for messages), not 「ファシリテーター」.

use crate::text::{Lang, Text};
use serde::Serialize;

/// One concept's word in each language, and the words not to use for it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
    /// What the word means, for the reader (shown on demand).
    pub meaning_ja: &'static str,
    pub meaning_en: &'static str,
    /// Variants that must not appear in Japanese strings.
    pub avoid_ja: &'static [&'static str],
    /// Variants that must not appear in English strings.
    pub avoid_en: &'static [&'static str],
}

impl Term {
    pub fn text(&self) -> Text {
        Text::new(self.ja, self.en)
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

pub const ORGANISATION: Term = Term {
    id: "organisation",
    ja: "貴組織",
    en: "your organisation",
    meaning_ja: "評価を受けている組織です。",
    meaning_en: "The organisation being assessed.",
    avoid_ja: &["あなた"],
    avoid_en: &[],
};

pub const BENCHMARK: Term = Term {
    id: "benchmark",
    ja: "基準データ",
    en: "benchmark",
    meaning_ja: "比較に使う他の組織の回答の集計です（名前と組織数はデータから表示します）。",
    meaning_en: "The tallied answers of other teams that the result is compared with (its name and number of teams come from the data).",
    avoid_ja: &["ベンチマーク"],
    avoid_en: &[],
};

pub const BENCHMARK_TEAMS: Term = Term {
    id: "benchmark-teams",
    ja: "比較対象の組織",
    en: "the benchmark's teams",
    meaning_ja: "基準データに回答した組織です。数は基準データごとに異なります。",
    meaning_en:
        "The teams whose answers make up the benchmark; their number depends on the benchmark.",
    avoid_ja: &[
        "調査対象",
        "調査の 66",
        "調査組織",
        "調査回答組織",
        "基準データのチーム",
        "66 チーム",
    ],
    avoid_en: &[
        "surveyed teams",
        "survey's 66",
        "survey of 66",
        "Benchmark teams",
    ],
};

pub const SETUP_ITEMS: Term = Term {
    id: "setup-items",
    ja: "構築時に決めるべき項目",
    en: "set-up items",
    meaning_ja: "CSIRT を作るときに決めておくべき 6 つの事柄（サービス範囲、権限など）です。",
    meaning_en: "The six things to decide when a CSIRT is set up (scope of services, authority…).",
    avoid_ja: &["定めておくべき"],
    avoid_en: &[],
};

pub const PREREQUISITE: Term = Term {
    id: "prerequisite",
    ja: "前提",
    en: "prerequisite",
    meaning_ja: "その項目より先に整えるべき項目です。",
    meaning_en: "An item to put in place before this one.",
    avoid_ja: &["先に:", "先に：", "先にやること"],
    avoid_en: &["First:"],
};

pub const AGREED_ANSWER: Term = Term {
    id: "agreed-answer",
    ja: "合意した回答",
    en: "agreed answer",
    meaning_ja: "ワークショップで話し合って決めた回答です。スコアに使われます。",
    meaning_en: "The answer settled in the workshop; the scores use it.",
    avoid_ja: &["合意回答", "コンセンサス回答", "合意済み回答"],
    avoid_en: &["consensus answer"],
};

pub const PROVISIONAL: Term = Term {
    id: "provisional",
    ja: "暫定",
    en: "provisional",
    meaning_ja: "まだ合意していない回答です（進行役の回答などを仮に使っています）。",
    meaning_en: "Not agreed yet (the facilitator's answer or similar stands in for now).",
    avoid_ja: &["仮回答", "仮の回答"],
    avoid_en: &["tentative"],
};

pub const GAP: Term = Term {
    id: "gap",
    ja: "ギャップ",
    en: "gap",
    meaning_ja: "目標までの残りの道のりの割合です（0〜100 %）。",
    meaning_en: "The share of the way to the target still to go (0–100 %).",
    avoid_ja: &["差分"],
    avoid_en: &["shortfall"],
};

pub const PRIORITY: Term = Term {
    id: "priority",
    ja: "優先度",
    en: "priority",
    meaning_ja: "ギャップ、比較対象の組織の達成状況、構築時に決めるべき項目への影響から求めた 0〜100 の値です。",
    meaning_en: "0–100, from the gap, how many of the benchmark's teams reach the target, and the weight of the set-up items it informs.",
    avoid_ja: &["優先順位"],
    avoid_en: &["urgency"],
};

pub const TARGET: Term = Term {
    id: "target",
    ja: "目標",
    en: "target",
    meaning_ja: "目指す回答です。既定は、比較対象の組織の過半数が達している水準と SIM3 の 3（承認）の高い方です。",
    meaning_en: "The answer to aim for. By default the higher of the level most of the benchmark's teams reach and SIM3 3 (approved).",
    avoid_ja: &["目標値", "ターゲット"],
    avoid_en: &["goal"],
};

pub const RECONSTRUCTED: Term = Term {
    id: "reconstructed",
    ja: "再構成",
    en: "reconstructed",
    meaning_ja: "元の表から失われ、見出しと結果の記述から作り直した設問です。",
    meaning_en: "An item lost from the source table and rebuilt from its heading and findings.",
    avoid_ja: &["復元した設問"],
    avoid_en: &["rebuilt item"],
};

pub const FACILITATOR: Term = Term {
    id: "facilitator",
    ja: "進行役",
    en: "facilitator",
    meaning_ja: "ワークショップを進め、合意した回答を記録する人です。",
    meaning_en: "The person who runs the workshop and records the agreed answers.",
    avoid_ja: &["ファシリテーター"],
    avoid_en: &[],
};

/// Every term, in the order a glossary page lists them.
pub const TERMS: &[Term] = &[
    ORGANISATION,
    BENCHMARK,
    BENCHMARK_TEAMS,
    SETUP_ITEMS,
    PREREQUISITE,
    AGREED_ANSWER,
    FACILITATOR,
    PROVISIONAL,
    GAP,
    PRIORITY,
    TARGET,
    RECONSTRUCTED,
];

/// The term with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.id == id)
}

/// The benchmark's teams with their number from the data: 「比較対象の 66 組織」,
/// "the benchmark's 66 teams".
pub fn benchmark_teams(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Ja => format!("比較対象の {n} 組織"),
        Lang::En => format!("the benchmark's {n} teams"),
    }
}

/// Each variant `text` uses instead of a glossary term, with that term: the check the
/// glossary tests run on every UI string and report label.
pub fn misused(text: &str, lang: Lang) -> Vec<(&'static Term, &'static str)> {
    TERMS
        .iter()
        .flat_map(|t| {
            let avoid = match lang {
                Lang::Ja => t.avoid_ja,
                Lang::En => t.avoid_en,
            };
            avoid
                .iter()
                .filter(|v| text.contains(**v))
                .map(move |v| (t, *v))
        })
        .collect()
}

/// The glossary as the JSON the UI imports (`glossary.json`).
pub fn to_json() -> String {
    let mut s = serde_json::to_string_pretty(&serde_json::json!({
        "comment": "Generated from crates/csirt-model/src/glossary.rs; do not edit. Regenerate: CSIRT_UPDATE_GLOSSARY=1 cargo test -p csirt-model glossary",
        "terms": TERMS,
    }))
    .unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/glossary.json");

    #[test]
    fn glossary_json_is_up_to_date() {
        let fresh = to_json();
        if std::env::var_os("CSIRT_UPDATE_GLOSSARY").is_some() {
            std::fs::write(JSON_PATH, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(JSON_PATH).unwrap_or_default();
        assert_eq!(
            committed, fresh,
            "glossary.json is stale; regenerate with CSIRT_UPDATE_GLOSSARY=1 cargo test -p csirt-model glossary"
        );
    }

    #[test]
    fn ids_are_unique_and_no_term_is_its_own_variant() {
        let mut ids: Vec<_> = TERMS.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TERMS.len());
        for t in TERMS {
            assert!(misused(t.ja, Lang::Ja).is_empty(), "{}", t.id);
            assert!(misused(t.en, Lang::En).is_empty(), "{}", t.id);
            assert!(misused(t.meaning_ja, Lang::Ja).is_empty(), "{}", t.id);
            assert!(misused(t.meaning_en, Lang::En).is_empty(), "{}", t.id);
        }
    }

    #[test]
    fn a_variant_is_caught_and_the_term_is_not() {
        let found = misused("あなたの組織のスコア", Lang::Ja);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.id, "organisation");
        assert!(misused("貴組織のスコア", Lang::Ja).is_empty());
        let found = misused("調査対象 66 組織との比較", Lang::Ja);
        assert_eq!(found[0].0.id, "benchmark-teams");
        assert!(misused(&benchmark_teams(Lang::Ja, 66), Lang::Ja).is_empty());
        assert_eq!(misused("First: 4.1", Lang::En)[0].0.id, "prerequisite");
    }

    #[test]
    fn every_scored_jpcert_item_has_an_action_phrase() {
        let set = crate::load::builtin().unwrap();
        let missing: Vec<_> = set
            .questionnaire
            .scored_items()
            .filter(|i| i.action.is_none())
            .map(|i| i.id.clone())
            .collect();
        assert!(missing.is_empty(), "no action phrase: {missing:?}");
        let i = set.questionnaire.item("4.3").unwrap();
        assert_eq!(
            i.action_or_text().ja,
            "法務部門へのエスカレーションルールを文書化し、承認を得る"
        );
        // Without a phrase, the question stands in.
        let g = set.questionnaire.item("1.1").unwrap();
        assert_eq!(g.action_or_text(), &g.text);
    }
}
