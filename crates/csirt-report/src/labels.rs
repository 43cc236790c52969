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

pub fn report_title(lang: Lang) -> &'static str {
    l(
        lang,
        "CSIRT 成熟度評価 ギャップ分析報告書",
        "CSIRT maturity assessment: gap analysis",
    )
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

pub const SCORING_METHOD_JA: &[&str] = &[
    "各設問の回答を SIM3 (Security Incident Management Maturity Model) の 0〜4 の考え方に沿ったレベルに置き換え、最高レベルを 100 とする 0〜100 のスコアにしています。5 段階の設問は「監査されている」が 4、「承認されている」が 3、「文書化されている」が 2、「目安がある」が 1、「設定されていない」が 0 です。",
    "領域と構築時の 6 項目のスコアは、関係する回答済みの設問のスコアの平均です。総合スコアは領域スコアの平均です。未回答の設問は 0 点として扱わず、計算から除きます。よりよい回答によってスコアが下がることはありません。",
    "比較対象の組織との比較 (同等以上の組織の割合) は、基準データに残っている数値だけから区間として求めています。数値が文章からの概数しかない場合は「≈」を付け、分からない部分は推定しません。",
    "目標は、比較対象の組織の過半数が達しているレベルと SIM3 レベル 3 (承認) の高い方を初期値とし、利用者が変更できます。ギャップの優先度は、ギャップの大きさ、目標に達している組織の割合、関係する構築時の項目の重みから求め、0〜100 で表しています。",
];

pub const SCORING_METHOD_EN: &[&str] = &[
    "Each answer is turned into a level in the spirit of SIM3 (the Security Incident Management Maturity Model, 0–4) and scored 0–100, where the top level is 100. On the five-level items, audited is 4, approved 3, documented 2, implicit (a rough guideline) 1 and none 0.",
    "Area scores and the scores of the six set-up items are the mean of the related answered items. The overall score is the mean of the area scores. Unanswered items are left out, never counted as zero. A better answer never lowers any score.",
    "Standing among the benchmark's teams (the share at or above your level) is computed only from the figures that survive in the benchmark, as a range. Figures read from a sentence are marked with ≈; what the source does not say is not estimated.",
    "The default target is the higher of the level most of the benchmark's teams reach and SIM3 level 3 (approved); users can change it. A gap's priority combines the size of the gap, the share of the benchmark's teams already at the target and the weight of the set-up items it informs, on a 0–100 scale.",
];
