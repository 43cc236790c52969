//! The change since the last assessment (trend chart, score table, improved and regressed
//! items) and the standing among the benchmark's teams, area by area.

use super::{cells, columns, score, share, table, Ctx};
use crate::charts::StandingBar;
use crate::labels;
use crate::model::{Block, Cell, Density, Figure, Voice};
use csirt_model::{glossary, Lang, Precision};
use csirt_scoring::Share;

pub fn since_last(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let lang = cx.lang;
    let trend = cx.extras.trend?;
    let [.., before, after] = trend.points.as_slice() else {
        return None;
    };
    let q = cx.input.questionnaire;
    let mut chart = crate::charts::trend_chart(trend, q, lang);
    chart.caption = cx.t(
        "太線は総合スコア、細線は領域ごとのスコアです。",
        "The thick line is the overall score; the thin lines are the areas.",
    );
    let mut blocks = vec![Block::Figure(Figure::Trend(chart))];
    // Two versions of the questionnaire: only the items both have were compared.
    if let Some(note) = &trend.note {
        blocks.push(Block::Note {
            text: note.get(lang).to_string(),
        });
    }
    let delta = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => format!("{:+.0}", b - a),
        _ => "—".into(),
    };
    let mut rows = vec![cells(vec![
        cx.t("総合", "Overall"),
        score(before.overall),
        score(after.overall),
        delta(before.overall, after.overall),
    ])];
    let find = |list: &[(String, Option<f64>)], id: &str| {
        list.iter().find(|(i, _)| i == id).and_then(|(_, v)| *v)
    };
    for (id, now) in &after.areas {
        let then = find(&before.areas, id);
        let name = q
            .area(id)
            .map(|a| a.name.get(lang).to_string())
            .unwrap_or_else(|| id.clone());
        rows.push(cells(vec![
            name,
            score(then),
            score(*now),
            delta(then, *now),
        ]));
    }
    for (id, now) in &after.setup_items {
        let then = find(&before.setup_items, id);
        let name = q
            .setup_item(id)
            .map(|s| format!("{}. {}", s.number, s.name.get(lang)))
            .unwrap_or_else(|| id.clone());
        rows.push(cells(vec![
            name,
            score(then),
            score(*now),
            delta(then, *now),
        ]));
    }
    let mut cols = columns(
        lang,
        &[
            ("", "", 260.0),
            ("", "", 70.0),
            ("", "", 70.0),
            ("変化", "Change", 0.0),
        ],
    );
    cols[1].title = before.date.clone();
    cols[2].title = after.date.clone();
    blocks.push(table(cols, rows, Density::Normal));
    for (title, list) in [
        (cx.t("改善した項目", "Improved"), &trend.improved),
        (cx.t("後退した項目", "Regressed"), &trend.regressed),
    ] {
        blocks.push(Block::Heading { text: title });
        if list.is_empty() {
            blocks.push(Block::Note {
                text: cx.t("該当する項目はありません。", "None."),
            });
            continue;
        }
        let rows = list
            .iter()
            .map(|c| {
                let text = cx.item(&c.item).map(|i| i.text.get(lang)).unwrap_or("");
                vec![
                    Cell {
                        small: Some(c.item.clone()),
                        ..Cell::text(text)
                    },
                    Cell::text(format!(
                        "{} → {}",
                        cx.key_label(&c.item, &c.from_key),
                        cx.key_label(&c.item, &c.to_key)
                    )),
                    Cell::text(format!("{:+.0}", c.delta)),
                ]
            })
            .collect();
        blocks.push(table(
            columns(
                lang,
                &[
                    ("項目", "Item", 260.0),
                    ("前回 → 今回", "Before → now", 170.0),
                    ("変化", "Change", 0.0),
                ],
            ),
            rows,
            Density::Normal,
        ));
    }
    blocks.extend(super::plan::closed_since_last(cx));
    Some((
        cx.t("前回の評価からの変化", "Since the last assessment"),
        blocks,
    ))
}

/// The share of teams below a level: the teams an answer is ahead of.
fn ahead_of(at_or_above: &Share) -> Share {
    Share {
        low: (100.0 - at_or_above.high).max(0.0),
        high: (100.0 - at_or_above.low).min(100.0),
    }
}

/// Standing among the benchmark's teams; `None` without a benchmark (nothing to stand among).
pub fn standing(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let lang = cx.lang;
    let r = cx.input.score;
    let q = cx.input.questionnaire;
    let n = r.benchmark_ref.as_ref()?.n;
    // A benchmark of sentences alone gives no answer a standing: no section claiming one.
    if r.items.iter().all(|i| i.standing.is_none()) {
        return None;
    }
    let title = match lang {
        Lang::Ja => format!("{}との比較", glossary::benchmark_teams(lang, n)),
        Lang::En => format!("Standing among {}", glossary::benchmark_teams(lang, n)),
    };
    let mut blocks: Vec<Block> = cx.benchmark_note().into_iter().collect();
    blocks.push(Block::Paragraph {
        text: cx.t(
            "棒は、貴組織の回答より低いレベルにある比較対象の組織の割合、つまり貴組織が上回っている組織の割合です。棒が長いほど、貴組織は多くの組織より進んでいます。塗りつぶしは表や数値による正確な値、斜線は本文の記述 (「約 3 割」など) から読み取った概数です。枠だけの部分は、出典から分からない範囲です。",
            "Each bar is the share of the benchmark's teams below your answer's level: the teams you are ahead of. A longer bar is better. Solid bars are exact (a table or a printed percentage); hatched bars are approximate, read from a sentence such as \"about 30 %\". An outlined part is the range the source leaves open.",
        ),
        voice: Voice::Report,
    });
    for area in &q.areas {
        let a = r.areas.iter().find(|x| x.id == area.id);
        let area_score = a
            .and_then(|x| x.score)
            .map(|s| format!("{s:.0}"))
            .unwrap_or_else(|| cx.not_answered());
        let peers = a
            .and_then(|x| x.benchmark)
            .map(|b| {
                let range = if (b.high - b.low).abs() < 0.05 {
                    format!("{:.0}", b.low)
                } else {
                    format!("{:.0}–{:.0}", b.low, b.high)
                };
                match lang {
                    Lang::Ja => format!("比較対象の推定 {range}"),
                    Lang::En => format!("benchmark teams, estimated {range}"),
                }
            })
            .unwrap_or_else(|| cx.t("比較できる数値なし", "no benchmark figure"));
        let heading = match lang {
            Lang::Ja => format!("{} — スコア {area_score} ({peers})", area.name.get(lang)),
            Lang::En => format!("{} — score {area_score} ({peers})", area.name.get(lang)),
        };
        blocks.push(Block::Heading { text: heading });
        let items: Vec<_> = r
            .items
            .iter()
            .filter(|i| i.area == area.id)
            .filter_map(|i| Some((i, i.standing.as_ref()?, cx.item(&i.id)?)))
            .collect();
        if items.is_empty() {
            blocks.push(Block::Note {
                text: cx.t(
                    "この領域の回答には、比較できる数値がありません。",
                    "No benchmark figure allows a comparison for this area's answers.",
                ),
            });
            continue;
        }
        let bars = items
            .iter()
            .map(|(i, st, _)| {
                let s = ahead_of(&st.at_or_above);
                StandingBar {
                    label: i.id.clone(),
                    low: s.low,
                    high: s.high,
                    exact: st.precision != Precision::Narrative,
                }
            })
            .collect();
        blocks.push(Block::Figure(Figure::Standing {
            bars,
            caption: cx.t(
                "棒が長いほど、貴組織が上回っている組織が多いことを示します。",
                "Longer bars: more teams you are ahead of.",
            ),
        }));
        let rows = items
            .iter()
            .map(|(i, st, item)| {
                let approx = if st.precision == Precision::Narrative {
                    "≈"
                } else {
                    ""
                };
                vec![
                    Cell {
                        small: Some(i.id.clone()),
                        ..Cell::text(item.text.get(lang))
                    },
                    Cell::text(
                        i.answer
                            .as_deref()
                            .map(|k| cx.answer_label(item, k))
                            .unwrap_or_default(),
                    ),
                    Cell::text(format!("{approx}{}", share(&ahead_of(&st.at_or_above)))),
                    Cell::text(format!(
                        "{}; {}",
                        labels::precision_mark(lang, st.precision),
                        cx.cite(&st.source)
                    )),
                ]
            })
            .collect();
        blocks.push(table(
            columns(
                lang,
                &[
                    ("設問", "Question", 219.0),
                    ("貴組織の回答", "Your answer", 120.0),
                    ("貴組織が上回る組織", "Teams you are ahead of", 60.0),
                    ("精度・出典", "Precision, source", 0.0),
                ],
            ),
            rows,
            Density::Compact,
        ));
    }
    Some((title, blocks))
}
