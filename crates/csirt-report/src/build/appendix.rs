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
    let method = match lang {
        Lang::Ja => labels::SCORING_METHOD_JA,
        Lang::En => labels::SCORING_METHOD_EN,
    };
    for p in method {
        blocks.push(Block::Paragraph {
            text: p.to_string(),
            voice: Voice::Report,
        });
    }
    blocks.push(Block::Heading {
        text: cx.t("データの出典", "Data provenance"),
    });
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
            let spread = d
                .levels
                .as_ref()
                .map(|s| {
                    let (range, sd) = (s.range, s.std_dev);
                    match lang {
                        Lang::Ja => format!("幅 {range} σ {sd:.2}"),
                        Lang::En => format!("range {range} σ {sd:.2}"),
                    }
                })
                .unwrap_or_else(|| format!("{:.0}%", d.disagreement * 100.0));
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
            text: cx.t(
                "ワークショップで回答者の回答が一致しなかった項目を、意見の分かれが大きい順に示し、続けてメモ付きで合意した項目を示します。報告書のスコアは合意した回答を使っています。",
                "Items on which the workshop's respondents answered differently, most disputed first, then the other items agreed with a note. The report's scores use the agreed (consensus) answer.",
            ),
            voice: Voice::Report,
        },
        table(
            columns(
                lang,
                &[
                    ("項目", "Item", 150.0),
                    ("回答者ごとの回答", "Each respondent's answer", 170.0),
                    ("ばらつき", "Spread", 55.0),
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
