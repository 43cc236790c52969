//! Other views of the same answers: the SIM3 parameters, the services provided, and the
//! nearest interviewed teams.

use super::{columns, table, Ctx};
use crate::labels;
use crate::model::{Block, Cell, Density, Voice};
use csirt_model::questionnaire::{service_label, sim3_category};
use csirt_model::{Answer, ItemKind, Lang, Precision, ServiceAnswer};

/// Whether the SIM3 view says anything the radar does not: some scored item maps to a SIM3
/// parameter, and the items are not themselves SIM3's parameters (for a SIM3 questionnaire,
/// whose radar areas are SIM3's categories, the view would repeat the radar).
pub fn has_sim3_view(q: &csirt_model::Questionnaire) -> bool {
    let mapped: Vec<_> = q.scored_items().filter(|i| !i.sim3.is_empty()).collect();
    !mapped.is_empty() && !mapped.iter().all(|i| i.sim3 == [i.id.clone()])
}

/// The questionnaire's service items, in file order.
fn service_items(q: &csirt_model::Questionnaire) -> Vec<&csirt_model::Item> {
    q.items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Service { .. }))
        .collect()
}

pub fn sim3(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    if !has_sim3_view(cx.input.questionnaire) {
        return None;
    }
    let lang = cx.lang;
    let r = cx.input.score;
    let mut blocks = vec![Block::Paragraph {
        text: cx.t(
            "SIM3 のパラメータに対応する設問だけを、SIM3 の 4 つのカテゴリに分けて示します。これは本質問票の回答の対応付けであり、SIM3 による評価そのものではありません。",
            "The items that map to a SIM3 parameter, grouped by SIM3's four categories. This maps the questionnaire's answers onto SIM3; it is not a SIM3 assessment in itself.",
        ),
        voice: Voice::Report,
    }];
    for cat in ["organisation", "human", "tools", "processes"] {
        let rows: Vec<Vec<Cell>> = r
            .items
            .iter()
            .filter(|i| i.sim3.iter().any(|p| sim3_category(p) == Some(cat)))
            .filter_map(|i| {
                let item = cx.item(&i.id)?;
                let params: Vec<&str> = i
                    .sim3
                    .iter()
                    .filter(|p| sim3_category(p) == Some(cat))
                    .map(String::as_str)
                    .collect();
                let status = match (i.score, i.gap) {
                    (None, _) => cx.not_answered(),
                    (Some(_), Some(g)) if g > 0.0 => cx.t("目標未達", "Below target"),
                    _ => cx.t("目標達成", "At target"),
                };
                Some(vec![
                    Cell::text(params.join(", ")),
                    Cell {
                        small: Some(i.id.clone()),
                        ..Cell::text(item.text.get(lang))
                    },
                    Cell::text(
                        i.answer
                            .as_deref()
                            .map(|k| cx.answer_label(item, k))
                            .unwrap_or_else(|| "—".into()),
                    ),
                    Cell::text(super::score(i.score)),
                    Cell::text(status),
                ])
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            text: labels::sim3_category(lang, cat).to_string(),
        });
        blocks.push(table(
            columns(
                lang,
                &[
                    ("パラメータ", "Parameter", 58.0),
                    ("設問", "Item", 200.0),
                    ("回答", "Answer", 135.0),
                    ("スコア", "Score", 36.0),
                    ("状態", "Status", 0.0),
                ],
            ),
            rows,
            Density::Normal,
        ));
    }
    Some((cx.t("SIM3 の観点", "SIM3 view"), blocks))
}

/// The benchmark's count of teams providing a service: `provided`, or a pooled file's
/// in-house and outsourced counts; with n and the source.
fn provided_count(b: &csirt_model::Benchmark, item: &str) -> Option<(f64, u32, String)> {
    b.figures_for(item)
        .find(|f| f.precision == Precision::ExactCount)
        .and_then(|f| {
            let provided = f.values.iter().find(|v| v.key == "provided");
            let split: Vec<f64> = f
                .values
                .iter()
                .filter(|v| ServiceAnswer::from_key(&v.key).is_some_and(ServiceAnswer::provided))
                .map(|v| v.value)
                .collect();
            match provided {
                Some(v) => Some(v.value),
                None if !split.is_empty() => Some(split.iter().sum()),
                None => None,
            }
            .map(|v| (v, f.n, f.source.clone()))
        })
}

pub fn services(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let lang = cx.lang;
    let q = cx.input.questionnaire;
    let a = cx.input.assessment;
    let b = cx.input.benchmark;
    let services = service_items(q);
    if services.is_empty() {
        return None;
    }
    let total = services.len();
    let counted = services
        .iter()
        .filter(|i| b.and_then(|b| provided_count(b, &i.id)).is_some())
        .count();
    let mut text = match (lang, b) {
        (Lang::Ja, Some(b)) => {
            let n = b.n;
            format!(
                "{total} のサービスそれぞれについて、貴組織の提供状況と、比較対象の {n} 組織のうち提供している組織数です。"
            )
        }
        (Lang::En, Some(b)) => {
            let n = b.n;
            format!(
                "For each of the {total} services: how your organisation provides it, and how many of the benchmark's {n} teams provide it."
            )
        }
        (Lang::Ja, None) => format!(
            "{total} のサービスそれぞれについての、貴組織の提供状況です (比較対象の基準データはありません)。"
        ),
        (Lang::En, None) => format!(
            "For each of the {total} services: how your organisation provides it (there is no benchmark to compare with)."
        ),
    };
    if let Some(b) = b.filter(|_| counted < total) {
        let missing = total - counted;
        // A published survey's missing counts are lost to its printing; a pooled benchmark's
        // (it has a minimum cell) were never counted or were suppressed.
        let survey = b.min_cell.is_none();
        text.push_str(&match (lang, survey) {
            (Lang::Ja, true) => format!(
                "{missing} のサービスは、出典に組織数がテキストとして残っていないため「—」としています。"
            ),
            (Lang::En, true) => format!(
                " For {missing} services the source gives no count in its text, so they show \"—\"."
            ),
            (Lang::Ja, false) => format!(
                "{missing} のサービスは、比較対象に数値がないため「—」としています。"
            ),
            (Lang::En, false) => format!(
                " For {missing} services the benchmark has no figure; they show \"—\"."
            ),
        });
    }
    let mut blocks = vec![Block::Paragraph {
        text,
        voice: Voice::Report,
    }];
    let rows = services
        .iter()
        .map(|i| {
            let yours = match a.answers.get(&i.id) {
                Some(Answer::Text(k)) => service_label(k)
                    .map(|t| t.get(lang).to_string())
                    .unwrap_or_else(|| k.clone()),
                _ => cx.not_answered(),
            };
            let (peers, source) = match b.and_then(|b| provided_count(b, &i.id)) {
                Some((v, n, src)) => (
                    format!("{v:.0} / {n} ({:.0}%)", v / f64::from(n) * 100.0),
                    Some(cx.cite(&src)),
                ),
                None => ("—".to_string(), None),
            };
            let core = if i.scored { " ★" } else { "" };
            vec![
                Cell {
                    small: Some(i.id.clone()),
                    ..Cell::text(format!("{}{core}", i.text.get(lang)))
                },
                Cell::text(yours),
                Cell {
                    small: source,
                    ..Cell::text(peers)
                },
            ]
        })
        .collect();
    blocks.push(table(
        columns(
            lang,
            &[
                ("サービス", "Service", 260.0),
                ("貴組織", "Yours", 90.0),
                ("提供している組織", "Teams providing it", 0.0),
            ],
        ),
        rows,
        Density::Normal,
    ));
    if services.iter().any(|i| i.scored) {
        blocks.push(Block::Note {
            text: cx.t(
                "★ 質問票が中核サービスとして採点の対象にしているサービスです。",
                "★ A core service, which the questionnaire scores.",
            ),
        });
    }
    Some((cx.t("提供サービス", "Services"), blocks))
}

pub fn peers(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let lang = cx.lang;
    let peers = cx.extras.peers.filter(|p| !p.is_empty())?;
    let count = peers.len();
    let criteria = cx
        .extras
        .peer_criteria
        .map(|c| c.get(lang).to_string())
        .unwrap_or_default();
    let text = match (lang, criteria.is_empty()) {
        (Lang::Ja, false) => format!(
            "基準データの出典でインタビューされた {count} チームを、{criteria}が貴組織に近い順に並べています。各チームが実践していて、貴組織が目標に届いていない取り組みを、出典の節とともに挙げます。"
        ),
        (Lang::Ja, true) => format!(
            "基準データの出典でインタビューされた {count} チームを、貴組織に近い順に並べています。各チームが実践していて、貴組織が目標に届いていない取り組みを、出典の節とともに挙げます。"
        ),
        (Lang::En, false) => format!(
            "The {count} teams interviewed in the benchmark's source, nearest first by {criteria}. For each, what the team does where your organisation is below target, with the section of the source it comes from."
        ),
        (Lang::En, true) => format!(
            "The {count} teams interviewed in the benchmark's source, nearest first. For each, what the team does where your organisation is below target, with the section of the source it comes from."
        ),
    };
    let mut blocks = vec![Block::Paragraph {
        text,
        voice: Voice::Report,
    }];
    for p in peers.iter().take(3) {
        blocks.push(Block::Heading {
            text: format!(
                "{} — {} ({}, {}, {})",
                p.team,
                p.organisation.get(lang),
                p.form_label.get(lang),
                p.sector.get(lang),
                p.size.get(lang)
            ),
        });
        if p.practices.is_empty() {
            blocks.push(Block::Note {
                text: cx.t(
                    "貴組織が目標に届いていない点で、このチームが実践している取り組みはありません。",
                    "Nothing this team does falls where your organisation is below target.",
                ),
            });
            continue;
        }
        let items = p
            .practices
            .iter()
            .take(4)
            .map(|pr| {
                let (text, section, item) = (pr.text.get(lang), &pr.section, &pr.item);
                match lang {
                    Lang::Ja => format!("{text} (§{section}、関連項目 {item})"),
                    Lang::En => format!("{text} (§{section}; item {item})"),
                }
            })
            .collect();
        blocks.push(Block::Bullets {
            items,
            voice: Voice::Report,
        });
    }
    Some((
        cx.t("近いインタビュー組織", "The nearest interviewed teams"),
        blocks,
    ))
}
