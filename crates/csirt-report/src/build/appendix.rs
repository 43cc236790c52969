//! The appendices: every answer with its comment and evidence, the scoring method and the
//! data's provenance, and the workshop's disagreements and agreement notes.

use super::{cells, columns, table, Ctx};
use crate::labels;
use crate::model::{Block, Cell, Density, Voice};
use csirt_model::{Item, ItemKind, Lang};

pub fn answers(cx: &Ctx) -> (String, Vec<Block>) {
    let lang = cx.lang;
    let q = cx.input.questionnaire;
    let a = cx.input.assessment;
    let mut blocks = Vec::new();
    for s in &q.sections {
        blocks.push(Block::Heading {
            text: format!("{} {}", s.id, s.title.get(lang)),
        });
        let rows = q
            .section_items(&s.id)
            .filter(|i| !matches!(i.kind, ItemKind::Group | ItemKind::Service { .. }))
            .map(|i| {
                let mut answer = a
                    .answers
                    .get(&i.id)
                    .map(|x| super::label_case(&i.describe_answer(x, lang), lang))
                    .unwrap_or_else(|| cx.not_answered());
                if let Some(o) = a.other.get(&i.id) {
                    answer.push_str(&format!(" ({o})"));
                }
                // A derived answer not yet confirmed says so beside it, naming its sources.
                if let Some(from) = a.derived.as_ref().and_then(|d| d.items.get(&i.id)) {
                    let from = from.join(", ");
                    answer.push_str(&match lang {
                        Lang::Ja => format!("（導出・未確認: {from} から）"),
                        Lang::En => format!(" (derived from {from}, not yet confirmed)"),
                    });
                }
                let mut notes = Vec::new();
                if let Some(c) = a.comments.get(&i.id) {
                    notes.push(c.clone());
                }
                if let Some(e) = a.evidence.get(&i.id) {
                    notes.push(format!("{} {e}", labels::l(lang, "根拠:", "Evidence:")));
                }
                cells(vec![
                    i.id.clone(),
                    i.text.get(lang).to_string(),
                    answer,
                    notes.join(" / "),
                ])
            })
            .collect();
        blocks.push(table(
            columns(
                lang,
                &[
                    ("項目", "Item", 34.0),
                    ("設問", "Question", 190.0),
                    ("回答", "Answer", 135.0),
                    ("コメント・根拠", "Comment, evidence", 0.0),
                ],
            ),
            rows,
            Density::Compact,
        ));
    }
    // Service answers are in the services section; comments on them are listed here.
    let service_notes: Vec<Vec<Cell>> = q
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Service { .. }))
        .filter_map(|i| {
            let c = a.comments.get(&i.id);
            let e = a.evidence.get(&i.id);
            (c.is_some() || e.is_some()).then(|| {
                cells(vec![
                    i.id.clone(),
                    i.text.get(lang).to_string(),
                    [c.cloned(), e.cloned()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" / "),
                ])
            })
        })
        .collect();
    if !service_notes.is_empty() {
        blocks.push(Block::Heading {
            text: cx.t("サービスへのコメント", "Comments on services"),
        });
        blocks.push(table(
            columns(
                lang,
                &[
                    ("項目", "Item", 34.0),
                    ("サービス", "Service", 190.0),
                    ("コメント・根拠", "Comment, evidence", 0.0),
                ],
            ),
            service_notes,
            Density::Compact,
        ));
    }
    (cx.t("すべての回答", "every answer"), blocks)
}

pub fn method(cx: &Ctx) -> (String, Vec<Block>) {
    let lang = cx.lang;
    let mut blocks = vec![Block::Heading {
        text: cx.t("採点方法", "Scoring method"),
    }];
    for text in method_paragraphs(cx) {
        blocks.push(Block::Paragraph {
            text,
            voice: Voice::Report,
        });
    }
    blocks.push(Block::Heading {
        text: cx.t("データの出典", "Data provenance"),
    });
    // The questionnaire's own source first: every report has one, benchmark or not.
    let q = cx.input.questionnaire;
    let version = &q.version;
    blocks.push(Block::Bullets {
        items: vec![match lang {
            Lang::Ja => format!(
                "質問票: {}（版 {version}）。出典: {}",
                q.title.ja, q.source.ja
            ),
            Lang::En => format!(
                "Questionnaire: {} (version {version}). Source: {}",
                q.title.en, q.source.en
            ),
        }],
        voice: Voice::Report,
    });
    if cx.input.benchmark.is_none() {
        blocks.push(Block::Paragraph {
            text: cx.t(
                "この評価は基準データと比較していません。スコアと目標は回答だけから求めています。",
                "This assessment is compared with no benchmark: its scores and targets come from the answers alone.",
            ),
            voice: Voice::Report,
        });
    }
    if let Some(b) = cx.input.benchmark {
        // The benchmark named as a citation: its title and source are the data's own words.
        let (n, surveyed, published) = (b.n, &b.survey_date, &b.published);
        let mut items = match lang {
            Lang::Ja => vec![
                format!("比較対象: {}", b.title.ja),
                format!("出典: {}", b.source.ja),
                format!("n = {n}、調査日 {surveyed}、公表日 {published}"),
            ],
            Lang::En => vec![
                format!("Benchmark: {}", b.title.en),
                format!("Source: {}", b.source.en),
                format!("n = {n}; surveyed {surveyed}; published {published}"),
            ],
        };
        // Its limits, as the benchmark file words them.
        items.push(match lang {
            Lang::Ja => format!("限界: {}", b.limits.ja),
            Lang::En => format!("Limits: {}", b.limits.en),
        });
        if let Some(s) = &b.in_segment {
            items.push(match lang {
                Lang::Ja => format!("区分: {}", s.label.ja),
                Lang::En => format!("Segment: {}", s.label.en),
            });
        }
        blocks.push(Block::Bullets {
            items,
            voice: Voice::Report,
        });
        let exact = b.figures.iter().filter(|f| f.precision.is_exact()).count();
        let narrative = b.figures.len() - exact;
        let interviews = b.interviews.len();
        blocks.push(Block::Paragraph {
            text: match lang {
                Lang::Ja => format!(
                    "比較に使った数値は、正確な数値が {exact} 件、本文の記述から読み取った数値が {narrative} 件です。インタビューは {interviews} 組織です。"
                ),
                Lang::En => format!(
                    "Figures used: {exact} exact, {narrative} read from the text. Interviews: {interviews} teams."
                ),
            },
            voice: Voice::Report,
        });
    }
    let reconstructed: Vec<&Item> = cx
        .input
        .questionnaire
        .items
        .iter()
        .filter(|i| i.reconstructed)
        .collect();
    if !reconstructed.is_empty() {
        let n = reconstructed.len();
        blocks.push(Block::Paragraph {
            text: match lang {
                Lang::Ja => format!(
                    "次の {n} 問は、出典の表から失われた行を、見出しと結果の記述から再構成した設問です。再構成の根拠は次のとおりです。"
                ),
                Lang::En => format!(
                    "These {n} items were reconstructed from their headings and findings because their rows were lost from the source table. How each was reconstructed:"
                ),
            },
            voice: Voice::Report,
        });
        // The full note of each reconstructed item, as the data words it.
        let rows = reconstructed
            .iter()
            .map(|i| {
                cells(vec![
                    i.id.clone(),
                    i.text.get(lang).to_string(),
                    i.note
                        .as_ref()
                        .map(|x| x.get(lang).to_string())
                        .unwrap_or_default(),
                ])
            })
            .collect();
        blocks.push(table(
            columns(
                lang,
                &[
                    ("項目", "Item", 34.0),
                    ("設問", "Question", 150.0),
                    ("再構成の根拠", "How it was reconstructed", 0.0),
                ],
            ),
            rows,
            Density::Compact,
        ));
    }
    (
        cx.t(
            "採点方法とデータの出典",
            "scoring method and data provenance",
        ),
        blocks,
    )
}

/// A respondent's answer as the divergence view wrote it (keys joined by ", "), in words.
fn respondent_answer_label(cx: &Ctx, item: &Item, shown: &str) -> String {
    match &item.kind {
        ItemKind::Multiple { .. } => shown
            .split(", ")
            .map(|k| cx.answer_label(item, k))
            .collect::<Vec<_>>()
            .join(", "),
        ItemKind::Single { .. } | ItemKind::Scale { .. } | ItemKind::Service { .. } => {
            cx.answer_label(item, shown)
        }
        _ => shown.to_string(),
    }
}

pub fn disagreements(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let lang = cx.lang;
    let notes = cx.extras.consensus_notes;
    let divergence = cx.extras.divergence;
    let mut disputed: Vec<_> = divergence.iter().filter(|d| d.disagreement > 0.0).collect();
    // Every agreed answer with a note is shown, most of all one that overrides a room that
    // agreed; a note on an item nobody else answered gets a row of its own.
    let none_answered: Vec<csirt_scoring::Divergence> = notes
        .iter()
        .filter(|(i, _)| !divergence.iter().any(|d| d.item == *i))
        .map(|(i, _)| csirt_scoring::Divergence {
            item: i.clone(),
            answered: 0,
            respondents: 0,
            levels: None,
            distribution: Vec::new(),
            answers: Vec::new(),
            disagreement: 0.0,
            spread: csirt_scoring::Spread::None,
            agreement: csirt_scoring::Agreement::Agreed,
        })
        .collect();
    disputed.extend(
        divergence
            .iter()
            .filter(|d| d.disagreement == 0.0 && notes.iter().any(|(i, _)| *i == d.item)),
    );
    disputed.extend(none_answered.iter());
    if disputed.is_empty() {
        return None;
    }
    let a = cx.input.assessment;
    let rows = disputed
        .iter()
        .map(|d| {
            let item = cx.item(&d.item);
            let answers = d
                .answers
                .iter()
                .map(|(who, ans)| {
                    let shown = item
                        .map(|i| respondent_answer_label(cx, i, ans))
                        .unwrap_or_else(|| ans.clone());
                    format!("{who}: {shown}")
                })
                .collect::<Vec<_>>()
                .join(" / ");
            let agreed = a
                .answers
                .get(&d.item)
                .and_then(|x| {
                    item.map(|i| super::label_case(&i.describe_answer_short(x, lang), lang))
                })
                .unwrap_or_else(|| cx.not_answered());
            let note = notes
                .iter()
                .find(|(i, _)| *i == d.item)
                .map(|(_, n)| format!(" — {n}"))
                .unwrap_or_default();
            // The spread of views in plain words; how they are decided is said above the table.
            let spread = if d.answered > 1 {
                d.spread.word().get(lang).to_string()
            } else {
                String::new()
            };
            // Until the room agrees, the facilitator's answer is scored: say so.
            let agreed = if d.agreement == csirt_scoring::Agreement::Provisional {
                let label = d.agreement.label();
                format!("{}: {agreed}", label.get(lang))
            } else {
                agreed
            };
            vec![
                Cell {
                    small: Some(d.item.clone()),
                    ..Cell::text(item.map(|i| i.text.get(lang)).unwrap_or(""))
                },
                Cell::text(answers),
                Cell::text(spread),
                Cell::text(format!("{agreed}{note}")),
            ]
        })
        .collect();
    let blocks = vec![
        Block::Paragraph {
            text: {
                // The thresholds are scoring's, so the words and this sentence cannot drift.
                let (narrow, moderate) = (
                    csirt_scoring::Spread::NARROW_BELOW,
                    csirt_scoring::Spread::MODERATE_BELOW,
                );
                csirt_model::bi!(
                    "ワークショップで回答者の回答が一致しなかった項目を、意見の分かれが大きい順に示し、続けてメモ付きで合意した項目を示します。報告書のスコアは合意した回答を使っています。合意がまだ記録されていない項目では進行役の回答を暫定的に使っており、その旨を示します。意見の幅（小・中・大）は、回答の水準や選択のばらつきを 0（全員一致）〜 1 で表した値が {narrow} 未満なら小、{moderate} 未満なら中、それ以上なら大です。",
                    "Items on which the workshop's respondents answered differently, most disputed first, then the other items agreed with a note. The report's scores use the agreed (consensus) answer; where no agreement has been recorded yet, the facilitator's answer is used provisionally, and the table says so. The spread of views (narrow, moderate, wide) rates how far the answers' levels or choices differ from 0 (all agree) to 1: below {narrow} is narrow, below {moderate} moderate, and above that wide."
                )
                .get(lang)
                .to_string()
            },
            voice: Voice::Report,
        },
        table(
            columns(
                lang,
                &[
                    ("項目", "Item", 150.0),
                    ("回答者ごとの回答", "Each respondent's answer", 170.0),
                    ("意見の幅", "Spread of views", 55.0),
                    ("合意した回答・メモ", "Agreed answer, note", 0.0),
                ],
            ),
            rows,
            Density::Compact,
        ),
    ];
    Some((
        cx.t(
            "回答者間で意見が分かれた項目と合意のメモ",
            "where respondents disagreed, and agreement notes",
        ),
        blocks,
    ))
}

/// The scoring method in words, from the questionnaire and benchmark in use: its main scale's
/// levels, its set-up items (if any), the benchmark's standing (if any) and the targets.
fn method_paragraphs(cx: &Ctx) -> Vec<String> {
    let lang = cx.lang;
    let q = cx.input.questionnaire;
    let benchmark = cx.input.benchmark.is_some();
    let setup = q.setup_items.len();
    let sim3 = q.scored_items().any(|i| !i.sim3.is_empty());
    let mut out = Vec::new();
    // The first scale is the questionnaire's main one: its levels named.
    let levels = q.scales.first().map(|s| {
        let named: Vec<String> = s
            .options
            .iter()
            .filter_map(|o| {
                let word = o.short.as_ref().unwrap_or(&o.text).get(lang);
                o.level.map(|l| (word.to_string(), l))
            })
            .map(|(w, l)| match lang {
                Lang::Ja => format!("「{w}」が {l}"),
                Lang::En => format!("{w} {l}"),
            })
            .collect();
        (s.name.get(lang).to_string(), named)
    });
    let head = match lang {
        Lang::Ja => "各設問の回答を SIM3 (Security Incident Management Maturity Model) の 0〜4 の考え方に沿ったレベルに置き換え、最高レベルを 100 とする 0〜100 のスコアにしています。",
        Lang::En => "Each answer is turned into a level in the spirit of SIM3 (the Security Incident Management Maturity Model, 0–4) and scored 0–100, where the top level is 100.",
    };
    out.push(match levels.filter(|(_, n)| !n.is_empty()) {
        Some((name, named)) => match lang {
            Lang::Ja => format!("{head}「{name}」の設問では、{} です。", named.join("、")),
            Lang::En => {
                let list = match named.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => named.join(""),
                };
                format!("{head} On the items of the scale “{name}”: {list}.")
            }
        },
        None => head.to_string(),
    });
    out.push(match (lang, setup) {
        (Lang::Ja, 0) => "領域のスコアは、関係する回答済みの設問のスコアの平均です。総合スコアは領域スコアの平均です。未回答の設問は 0 点として扱わず、計算から除きます。よりよい回答によってスコアが下がることはありません。".to_string(),
        (Lang::En, 0) => "Area scores are the mean of the related answered items. The overall score is the mean of the area scores. Unanswered items are left out, never counted as zero. A better answer never lowers any score.".to_string(),
        (Lang::Ja, n) => format!("領域と構築時の {n} 項目のスコアは、関係する回答済みの設問のスコアの平均です。総合スコアは領域スコアの平均です。未回答の設問は 0 点として扱わず、計算から除きます。よりよい回答によってスコアが下がることはありません。"),
        (Lang::En, n) => format!("Area scores and the scores of the {n} set-up items are the mean of the related answered items. The overall score is the mean of the area scores. Unanswered items are left out, never counted as zero. A better answer never lowers any score."),
    });
    if benchmark {
        out.push(cx.t(
            "比較対象の組織との比較 (同等以上の組織の割合) は、出典に残っている数値だけから区間として求めています。数値が文章からの概数しかない場合は「≈」を付け、分からない部分は推定しません。",
            "Standing among the benchmark's teams (the share at or above your level) is computed only from the figures the source gives, as a range. Figures read from a sentence are marked with ≈; what the source does not say is not estimated.",
        ));
    }
    let target = match (lang, benchmark, sim3) {
        (Lang::Ja, true, true) => "目標は、比較対象の過半数が達しているレベルと SIM3 レベル 3 (承認) の高い方を初期値とし、利用者が変更できます。",
        (Lang::En, true, true) => "The default target is the higher of the level most of the benchmark's teams reach and SIM3 level 3 (approved); users can change it.",
        (Lang::Ja, true, false) => "目標は、比較対象の過半数が達しているレベル (数値がなければ最高レベル) を初期値とし、利用者が変更できます。",
        (Lang::En, true, false) => "The default target is the level most of the benchmark's teams reach (the highest level where no figure says); users can change it.",
        (Lang::Ja, false, true) => "目標は、SIM3 に対応する設問では SIM3 レベル 3 (承認) に当たるレベル、それ以外では最高レベルを初期値とし、利用者が変更できます。",
        (Lang::En, false, true) => "The default target is the level matching SIM3 level 3 (approved) on items mapped to SIM3, and the highest level elsewhere; users can change it.",
        (Lang::Ja, false, false) => "目標は最高レベルを初期値とし、利用者が変更できます。",
        (Lang::En, false, false) => "The default target is the highest level; users can change it.",
    };
    let priority = match (lang, benchmark, setup > 0) {
        (Lang::Ja, true, true) => "ギャップの優先度は、ギャップの大きさ、目標に達している組織の割合、関係する構築時の項目の重みから求め、0〜100 で表しています。",
        (Lang::En, true, true) => " A gap's priority combines the size of the gap, the share of the benchmark's teams already at the target and the weight of the set-up items it informs, on a 0–100 scale.",
        (Lang::Ja, true, false) => "ギャップの優先度は、ギャップの大きさと目標に達している組織の割合から求め、0〜100 で表しています。",
        (Lang::En, true, false) => " A gap's priority combines the size of the gap and the share of the benchmark's teams already at the target, on a 0–100 scale.",
        (Lang::Ja, false, true) => "ギャップの優先度は、ギャップの大きさと関係する構築時の項目の重みから求め、0〜100 で表しています。",
        (Lang::En, false, true) => " A gap's priority combines the size of the gap and the weight of the set-up items it informs, on a 0–100 scale.",
        (Lang::Ja, false, false) => "ギャップの優先度は、ギャップの大きさから求め、0〜100 で表しています。",
        (Lang::En, false, false) => " A gap's priority follows the size of the gap, on a 0–100 scale.",
    };
    out.push(format!("{target}{priority}"));
    out
}
