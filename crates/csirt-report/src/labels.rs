//! Every fixed string of the report and charts, in Japanese and English.

use csirt_model::{glossary, Lang};

/// Picks the string for `lang`.
pub fn l(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

pub fn not_answered(lang: Lang) -> &'static str {
    l(lang, "未回答", "not answered")
}

pub fn legend_organisation(lang: Lang) -> &'static str {
    l(lang, glossary::ORGANISATION.ja, "Your organisation")
}

/// The radar's legend for the benchmark's teams, with their number.
pub fn legend_peers(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Ja => format!("{} (推定範囲)", glossary::benchmark_teams(lang, n)),
        Lang::En => format!("The benchmark's {n} teams (estimated range)"),
    }
}

/// The report's title, naming the kind of team assessed (the questionnaire's `subject`:
/// "CSIRT" unless the questionnaire says otherwise, e.g. "PSIRT").
pub fn report_title(lang: Lang, subject: &csirt_model::Text) -> String {
    let subject = subject.get(lang);
    match lang {
        Lang::Ja => format!("{subject} 成熟度評価 ギャップ分析報告書"),
        Lang::En => format!("{subject} maturity assessment: gap analysis"),
    }
}

pub fn confidential(lang: Lang) -> &'static str {
    l(
        lang,
        "社外秘 — 本書は組織の弱点を記載しています。取り扱いに注意してください。",
        "Confidential: this report describes the organisation's weaknesses. Handle with care.",
    )
}

pub fn readiness_word(lang: Lang, r: csirt_scoring::Readiness) -> &'static str {
    use csirt_scoring::Readiness::*;
    match r {
        Green => l(lang, "整っている", "In place"),
        Amber => l(lang, "一部整っている", "Partly in place"),
        Red => l(lang, "整っていない", "Not in place"),
        Unknown => l(lang, "未評価", "Not assessed"),
    }
}

pub fn priority_word(lang: Lang, priority: f64) -> &'static str {
    if priority >= 50.0 {
        l(lang, "高", "High")
    } else if priority >= 25.0 {
        l(lang, "中", "Medium")
    } else {
        l(lang, "低", "Low")
    }
}

pub fn precision_mark(lang: Lang, p: csirt_model::Precision) -> &'static str {
    use csirt_model::Precision::*;
    match p {
        ExactCount => l(lang, "正確 (件数)", "exact (count)"),
        ExactPercent => l(lang, "正確 (割合)", "exact (%)"),
        ExactValue => l(lang, "正確", "exact"),
        Narrative => l(lang, "≈ 本文から", "≈ from text"),
    }
}

pub fn sim3_category(lang: Lang, cat: &str) -> &'static str {
    match cat {
        "organisation" => l(lang, "O: 組織 (Organisation)", "O: Organisation"),
        "human" => l(lang, "H: 人 (Human)", "H: Human"),
        "tools" => l(lang, "T: ツール (Tools)", "T: Tools"),
        _ => l(lang, "P: プロセス (Processes)", "P: Processes"),
    }
}
