//! The executive summary: the headline number with its context, what management is asked to
//! decide, the assessor's message and findings, the radar beside the six set-up items, and the
//! gaps to close first stated as findings.

use super::{gaps, score, sentence, Ctx};
use crate::labels;
use crate::model::{Block, Callout, Figure, Headline, StatusEntry, StatusList, Tone, Voice};
use csirt_model::Lang;
use csirt_scoring::Readiness;

/// How many gaps the summary states.
const TOP_GAPS: usize = 5;
/// How many gaps fill the "what we ask" box when the assessor wrote no message.
const ASK_GAPS: usize = 3;

pub fn summary(cx: &Ctx) -> (String, Vec<Block>) {
    let lang = cx.lang;
    let r = cx.input.score;
    let mut blocks = vec![Block::Headline(headline(cx))];
    // Derived answers are scored, but the reader is told how many are not yet confirmed.
    if let Some(d) = &r.derived {
        blocks.push(Block::Paragraph {
            text: d.note.get(lang).to_string(),
            voice: Voice::Report,
        });
    }
    let narrative = cx.input.assessment.narrative.as_ref();
    let paragraphs: Vec<&str> = narrative.map(|n| n.paragraphs()).unwrap_or_default();
    blocks.push(Block::Callout(ask(cx, &paragraphs)));
    // The rest of the assessor's message, after the paragraph the box quotes.
    for p in paragraphs.iter().skip(1) {
        blocks.push(Block::Paragraph {
            text: p.to_string(),
            voice: Voice::Assessor,
        });
    }
    let findings: Vec<String> = narrative
        .map(|n| {
            n.findings
                .iter()
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if !findings.is_empty() {
        blocks.push(Block::Callout(Callout {
            title: cx.t("評価者による主な指摘", "Key findings"),
            voice: Voice::Assessor,
            lines: findings,
            list: true,
            attribution: Some(cx.t("評価者のコメント", "Assessor's note")),
        }));
    }
    // The radar's areas and the set-up items (where the questionnaire has them) regroup the
    // same answers: say so.
    let (areas, setup) = (r.areas.len(), r.setup_items.len());
    let subject = cx.input.questionnaire.subject.get(lang);
    // A band is drawn only where the benchmark gives an area a range.
    let benchmarked = r.benchmark_ref.is_some() && r.areas.iter().any(|a| a.benchmark.is_some());
    if setup > 0 {
        blocks.push(Block::Paragraph {
            text: match lang {
                Lang::Ja => format!(
                    "左の図は質問票の {areas} 領域ごとのスコア、右は構築時に決めるべき {setup} 項目ごとのスコアです。どちらも同じ回答を別の切り口で平均したもので、1 つの回答が両方に数えられることがあります。"
                ),
                Lang::En => format!(
                    "The chart shows the questionnaire's {areas} areas; the list beside it, the {setup} items a {subject} must settle when it is set up. Both average the same answers, grouped two ways, so one answer can count in both."
                ),
            },
            voice: Voice::Report,
        });
    } else {
        blocks.push(Block::Paragraph {
            text: match lang {
                Lang::Ja => format!("図は質問票の {areas} 領域ごとのスコアです。"),
                Lang::En => format!("The chart shows the questionnaire's {areas} areas."),
            },
            voice: Voice::Report,
        });
    }
    blocks.push(Block::Figure(Figure::Radar {
        axes: crate::charts::radar_axes(r, lang),
        legend: crate::charts::radar_legend(r, lang),
        caption: if benchmarked {
            cx.t(
                "青は貴組織のスコア、灰色の帯は比較対象の組織の推定範囲です。",
                "Blue is your organisation's score; the grey band is the benchmark teams' estimated range.",
            )
        } else {
            cx.t(
                "青は貴組織のスコアです (比較対象の基準データはありません)。",
                "Blue is your organisation's score (there is no benchmark to compare with).",
            )
        },
    }));
    if setup > 0 {
        blocks.push(Block::StatusList(StatusList {
            title: match lang {
                Lang::Ja => format!("構築時に決めるべき {setup} 項目"),
                Lang::En => format!("The {setup} set-up items"),
            },
            entries: r
                .setup_items
                .iter()
                .map(|s| StatusEntry {
                    title: format!("{}. {}", s.number, s.name.get(lang)),
                    value: score(s.score),
                    tone: tone(s.readiness),
                    text: format!(
                        "{}: {}",
                        labels::readiness_word(lang, s.readiness),
                        setup_sentence(cx, &s.id)
                    ),
                })
                .collect(),
        }));
    }
    blocks.push(Block::Heading {
        text: match lang {
            Lang::Ja => format!("優先して取り組むべき {TOP_GAPS} つのギャップ"),
            Lang::En => "The five gaps to close first".to_string(),
        },
    });
    if r.gaps.is_empty() {
        blocks.push(Block::Paragraph {
            text: cx.t(
                "目標を下回る回答はありません。",
                "No answer is below its target.",
            ),
            voice: Voice::Report,
        });
    } else {
        blocks.push(Block::Findings(
            r.gaps
                .iter()
                .take(TOP_GAPS)
                .map(|g| gaps::finding(cx, g))
                .collect(),
        ));
    }
    (cx.t("エグゼクティブサマリー", "Executive summary"), blocks)
}

fn tone(r: Readiness) -> Tone {
    match r {
        Readiness::Green => Tone::Good,
        Readiness::Amber => Tone::Warn,
        Readiness::Red => Tone::Bad,
        Readiness::Unknown => Tone::Muted,
    }
}

fn headline(cx: &Ctx) -> Headline {
    let lang = cx.lang;
    let r = cx.input.score;
    // The SIM3 level and the change since the last assessment, worded by the scoring so the
    // app's dashboard says the same.
    let points = cx.extras.trend.map(|t| t.points.as_slice()).unwrap_or(&[]);
    let mut context: Vec<String> =
        csirt_scoring::headline(cx.input.questionnaire, r.overall, points)
            .lines
            .iter()
            .map(|l| l.get(lang).to_string())
            .collect();
    context.push(match cx.benchmark_line() {
        Some(b) => match lang {
            Lang::Ja => format!("比較対象: {b}"),
            Lang::En => format!("Compared with: {b}"),
        },
        None => cx.t("比較対象はありません。", "No benchmark to compare with."),
    });
    let (answered, of) = (r.completeness.answered, r.completeness.answerable);
    context.push(match lang {
        Lang::Ja => format!("{of} 問中 {answered} 問に回答しています。"),
        Lang::En => format!("{answered} of {of} questions answered."),
    });
    Headline {
        label: cx.t("総合成熟度", "Overall maturity"),
        value: score(r.overall),
        unit: "/ 100".to_string(),
        context,
    }
}

/// "What we ask of management": the assessor's first paragraph, else the top gaps' actions.
fn ask(cx: &Ctx, paragraphs: &[&str]) -> Callout {
    let title = cx.t("経営層に求める判断", "What we ask of management");
    if let Some(first) = paragraphs.first() {
        return Callout {
            title,
            voice: Voice::Assessor,
            lines: vec![first.to_string()],
            list: false,
            attribution: Some(cx.t("評価者のコメント", "Assessor's note")),
        };
    }
    let gaps = &cx.input.score.gaps;
    if gaps.is_empty() {
        return Callout {
            title,
            voice: Voice::Report,
            lines: vec![cx.t(
                "目標を下回る回答はありません。現在の水準を維持し、次回の評価の時期を決めてください。",
                "No answer is below its target. Keep the current level and set the date of the next assessment.",
            )],
            list: false,
            attribution: None,
        };
    }
    let n = gaps.len().min(ASK_GAPS);
    let mut lines = vec![match cx.lang {
        Lang::Ja => format!(
            "次の {n} 件の取り組みへの着手を承認し、それぞれに責任者と期限を決めてください。"
        ),
        Lang::En => {
            format!("Approve the start of these {n} steps, and give each an owner and a date:")
        }
    }];
    for g in gaps.iter().take(ASK_GAPS) {
        // The item's action phrase where the data has one (a step to approve, not the reason
        // for it); else the recommendation's first sentence.
        let phrase = cx
            .input
            .questionnaire
            .item(&g.item)
            .and_then(|i| i.action.as_ref())
            .map(|a| a.get(cx.lang).trim_end().trim_end_matches('。').to_string());
        let line = match phrase {
            Some(p) => match cx.lang {
                Lang::Ja => p,
                Lang::En => sentence(&p, Lang::En),
            },
            None => sentence(
                &g.recommendation
                    .as_ref()
                    .map(|x| first_sentence(x.get(cx.lang)))
                    .unwrap_or_else(|| g.text.get(cx.lang).to_string()),
                cx.lang,
            ),
        };
        lines.push(line);
    }
    Callout {
        title,
        voice: Voice::Report,
        lines,
        list: true,
        attribution: None,
    }
}

/// The first sentence of a text (up to and including its first full stop).
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    for (i, c) in text.char_indices() {
        if c == '。' || (c == '.' && text[i + 1..].starts_with(' ')) {
            return text[..i + c.len_utf8()].to_string();
        }
    }
    text.to_string()
}

/// One sentence on a set-up item: how many related practices miss their target, and which first.
fn setup_sentence(cx: &Ctx, setup_id: &str) -> String {
    let lang = cx.lang;
    let r = cx.input.score;
    let answered = r
        .items
        .iter()
        .filter(|i| i.setup.iter().any(|s| s == setup_id) && i.score.is_some())
        .count();
    let below: Vec<_> = r
        .gaps
        .iter()
        .filter(|g| g.setup.iter().any(|s| s == setup_id))
        .collect();
    if answered == 0 {
        return cx.t(
            "関係する設問はまだ回答されていません。",
            "none of its questions is answered yet.",
        );
    }
    match below.first() {
        None => match lang {
            Lang::Ja => format!("関係する {answered} 問はすべて目標に達しています。"),
            Lang::En => format!("all {answered} related practices meet their target."),
        },
        Some(first) => {
            let n = below.len();
            let text = first.text.get(lang);
            match lang {
                Lang::Ja => format!(
                    "関係する {answered} 問のうち {n} 問が目標に届いていません。まず「{text}」から取り組んでください。"
                ),
                Lang::En => format!(
                    "{n} of {answered} related practices are below target; start with “{text}”."
                ),
            }
        }
    }
}
