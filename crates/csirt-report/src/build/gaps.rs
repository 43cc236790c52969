//! The gaps: each stated as a finding and its consequence (the summary's and the gap
//! analysis'), the full gap table with the assessor's notes beside their gaps, and the roadmap.

use super::{columns, sentence, share, table, Ctx};
use crate::labels;
use crate::model::{Block, Cell, Density, Finding, Voice};
use csirt_model::{glossary, Lang, Precision};
use csirt_scoring::{roadmap as plan, Gap, Phase};

/// The share of benchmark teams already at the target, as printed ("≈" for figures from text).
fn peers_at_target(g: &Gap) -> Option<String> {
    g.peers_at_target.as_ref().map(|s| {
        let approx = if s.precision == Precision::Narrative {
            "≈"
        } else {
            ""
        };
        format!("{approx}{}", share(&s.at_or_above))
    })
}

fn priority(cx: &Ctx, g: &Gap) -> String {
    format!(
        "{} {:.0}",
        labels::priority_word(cx.lang, g.priority),
        g.priority
    )
}

/// The assessor's note on a gap, when written.
fn note<'a>(cx: &'a Ctx, item: &str) -> Option<&'a str> {
    cx.input
        .assessment
        .narrative
        .as_ref()
        .and_then(|n| n.gap_note(item))
}

/// One gap as a board reads it: what is missing, what it means, what to do, and why it ranks
/// where it does, with the item code in small print. Worded from the data: the item's text,
/// the answer labels, the benchmark's share at the target, the set-up items it informs and
/// the recommendation.
pub fn finding(cx: &Ctx, g: &Gap) -> Finding {
    let lang = cx.lang;
    let q = cx.input.questionnaire;
    let text = g.text.get(lang);
    let current = cx.key_label(&g.item, &g.current_key);
    let target = cx.key_label(&g.item, &g.target_key);
    let finding = match lang {
        Lang::Ja => {
            format!("「{text}」の回答は「{current}」で、目標の「{target}」に届いていません。")
        }
        Lang::En => format!("“{text}” is answered “{current}”, below the target “{target}”."),
    };
    let mut consequence = Vec::new();
    if let Some(p) = peers_at_target(g) {
        consequence.push(match lang {
            Lang::Ja => format!("比較対象の組織の {p} はすでにこの目標に達しています。"),
            Lang::En => format!("{p} of the benchmark's teams already reach this target."),
        });
    }
    let setup: Vec<String> = g
        .setup
        .iter()
        .filter_map(|s| q.setup_item(s))
        .map(|s| format!("{}. {}", s.number, s.name.get(lang)))
        .collect();
    if setup.is_empty() {
        if let Some(area) = q.area(&g.area) {
            let name = area.name.get(lang);
            consequence.push(match lang {
                Lang::Ja => format!("「{name}」領域のスコアを下げています。"),
                Lang::En => format!("It lowers the score of the “{name}” area."),
            });
        }
    } else {
        let list = setup.join(labels::l(lang, "」「", "”, “"));
        consequence.push(match lang {
            Lang::Ja => format!("構築時に決めるべき項目「{list}」が整わない一因です。"),
            Lang::En => format!("It holds back the set-up item “{list}”."),
        });
    }
    let action = what_to_do(cx, g);
    let rank = g.rank;
    let pr = g.priority;
    // The scoring says why in its own words (share of the way to the target, benchmark, set-up
    // weight); the report only prefixes the rank.
    let why = sentence(g.why.get(lang), lang);
    let why_ranked = match lang {
        Lang::Ja => format!("{rank} 位 (優先度 {pr:.0}/100)。{why}"),
        Lang::En => format!("Ranked {rank} (priority {pr:.0} of 100): {why}"),
    };
    Finding {
        rank,
        finding,
        consequence: consequence.join(" "),
        action,
        why_ranked,
        code: match lang {
            Lang::Ja => format!("項目 {} ・ 優先度 {}", g.item, priority(cx, g)),
            Lang::En => format!("Item {} · priority {}", g.item, priority(cx, g)),
        },
        assessor_note: note(cx, &g.item).map(str::to_string),
    }
}

/// The item's action phrase, where the data has one, as a sentence.
fn action_phrase(cx: &Ctx, item: &str) -> Option<String> {
    cx.input
        .questionnaire
        .item(item)
        .and_then(|i| i.action.as_ref())
        .map(|a| match cx.lang {
            // The phrase is in the plain form (「…を得る」) and the recommendation after it in
            // です・ます, so in Japanese it stands as a heading in 【】, not as a sentence.
            Lang::Ja => format!("【{}】", a.ja.trim_end().trim_end_matches('。')),
            Lang::En => sentence(&a.en, Lang::En),
        })
}

/// What to do about a gap: the item's action phrase, then the recommendation.
fn what_to_do(cx: &Ctx, g: &Gap) -> String {
    let lang = cx.lang;
    [
        action_phrase(cx, &g.item),
        g.recommendation
            .as_ref()
            .map(|r| sentence(r.get(lang), lang)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(labels::l(lang, "", " "))
}

pub fn gap_analysis(cx: &Ctx) -> (String, Vec<Block>) {
    let lang = cx.lang;
    let r = cx.input.score;
    // Without a benchmark there are no teams to count: no column and no sentence about them.
    let benchmarked = r.benchmark_ref.is_some();
    let mut blocks = vec![Block::Paragraph {
        text: if benchmarked {
            cx.t(
                "目標を下回る回答を優先度の高い順に並べています。「目標に達している組織」は、目標のレベル以上にある比較対象の組織の割合です。「—」は比較対象にその数値がないことを示します。",
                "Answers below their target, highest priority first. \"Peers at target\" is the share of the benchmark's teams already at or above the target level; \"—\" means the benchmark has no figure for it.",
            )
        } else {
            cx.t(
                "目標を下回る回答を優先度の高い順に並べています。",
                "Answers below their target, highest priority first.",
            )
        },
        voice: Voice::Report,
    }];
    blocks.extend(cx.benchmark_note());
    if r.gaps.is_empty() {
        blocks.push(Block::Paragraph {
            text: cx.t(
                "目標を下回る回答はありません。",
                "No answer is below its target.",
            ),
            voice: Voice::Report,
        });
        return (cx.t("ギャップ分析", "Gap analysis"), blocks);
    }
    let rows = r
        .gaps
        .iter()
        .map(|g| {
            let current = cx.key_label(&g.item, &g.current_key);
            let target = cx.key_label(&g.item, &g.target_key);
            let mut recommendation = Cell::text(what_to_do(cx, g));
            recommendation.assessor_note = note(cx, &g.item).map(str::to_string);
            let mut row = vec![
                Cell::text(g.rank.to_string()),
                Cell {
                    small: Some(g.item.clone()),
                    ..Cell::text(g.text.get(lang))
                },
                Cell::text(format!("{current} → {target}")),
            ];
            if benchmarked {
                row.push(Cell::text(peers_at_target(g).unwrap_or_else(|| "—".into())));
            }
            row.extend([Cell::text(priority(cx, g)), recommendation]);
            row
        })
        .collect();
    blocks.push(table(
        columns(
            lang,
            &[
                ("#", "#", 18.0),
                ("項目", "Item", 122.0),
                ("現状 → 目標", "Current → target", 96.0),
                ("目標に達している組織", "Peers at target", 56.0),
                ("優先度", "Priority", 40.0),
                ("取り組み", "What to do", 0.0),
            ]
            .into_iter()
            .filter(|c| benchmarked || c.0 != "目標に達している組織")
            .collect::<Vec<_>>(),
        ),
        rows,
        Density::Normal,
    ));
    (cx.t("ギャップ分析", "Gap analysis"), blocks)
}

pub fn roadmap(cx: &Ctx) -> (String, Vec<Block>) {
    let lang = cx.lang;
    let r = cx.input.score;
    let q = cx.input.questionnaire;
    let plan = plan(q, r);
    let mut blocks = vec![Block::Paragraph {
        text: cx.t(
            "優先度の高いギャップから着手し、前提となる取り組み (例: 統計の開示の前にインシデントの分類とエスカレーションルール) を先に置いています。",
            "The most urgent gaps come first, and prerequisites come before what depends on them (for example, incident classification and escalation rules before statistics).",
        ),
        voice: Voice::Report,
    }];
    for phase in Phase::ALL {
        blocks.push(Block::Heading {
            text: phase.label().get(lang).to_string(),
        });
        let items: Vec<String> = plan
            .phase(phase)
            .filter_map(|e| {
                let g = r.gaps.iter().find(|g| g.item == e.item)?;
                let current = cx.key_label(&g.item, &g.current_key);
                let target = cx.key_label(&g.item, &g.target_key);
                // The action to take, worded in the data; the question where there is none.
                let what = q
                    .item(&e.item)
                    .map_or_else(|| g.text.get(lang), |i| i.action_or_text().get(lang));
                let mut line = format!("{} {what} ({current} → {target})", e.item);
                if !e.prerequisites.is_empty() {
                    let after = e.prerequisites.join(", ");
                    let term = glossary::PREREQUISITE.get(lang);
                    line.push_str(&match lang {
                        Lang::Ja => format!(" — {term}: {after}"),
                        Lang::En => format!(" — {term}s: {after}"),
                    });
                }
                if e.pulled_forward {
                    line.push_str(labels::l(
                        lang,
                        " (後続の取り組みの前提のため前倒し)",
                        " (brought forward: later steps depend on it)",
                    ));
                }
                Some(line)
            })
            .collect();
        if items.is_empty() {
            blocks.push(Block::Note {
                text: cx.t(
                    "この期間に取り組む項目はありません。",
                    "Nothing in this phase.",
                ),
            });
        } else {
            blocks.push(Block::Bullets {
                items,
                voice: Voice::Report,
            });
        }
    }
    (cx.t("ロードマップ", "Roadmap"), blocks)
}
