//! The "Staffing by role" section: who covers each role (chart and table), the head counts
//! (shown, never scored) and the advice on which uncovered roles come first and where a vendor
//! fits. Built only for a questionnaire with `[[roles]]`.

use super::{cells, columns, table, Ctx};
use crate::model::{Block, Cell, Density, Figure, Tone, Voice};
use crate::role_chart::{people, role_bars, staffing_summary};
use csirt_scoring::Coverage;

pub fn staffing(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let lang = cx.lang;
    let s = csirt_scoring::staffing(cx.input.questionnaire, &cx.input.assessment.answers)?;
    let text = staffing_summary(&s, lang);
    let mut blocks = vec![Block::Paragraph {
        text,
        voice: Voice::Report,
    }];
    blocks.push(Block::Figure(Figure::RoleCoverage {
        bars: role_bars(&s, lang),
        caption: cx.t(
            "棒の長さは役割の担い方の評価（0〜100）で、色は担い手を表します。青は自組織、緑はベンダー、青と緑の二段は両方、赤枠は担う人がいないことを示します。人数は表示のみで、採点には含めません。",
            "Bar length is the role's coverage score (0–100) and colour says who covers it: blue in-house, green a vendor, blue over green both, a red outline nobody. Head counts are shown, not scored.",
        ),
    }));
    blocks.push(Block::Heading {
        text: cx.t(
            "優先して手当てする役割と、ベンダーが合う役割",
            "Roles to cover first, and where a vendor fits",
        ),
    });
    if s.advice.is_empty() {
        blocks.push(Block::Note {
            text: cx.t(
                "すべての役割に担い手がいて、ベンダーに関する助言もありません。",
                "Every role is covered, and there is no advice about vendors.",
            ),
        });
    } else {
        blocks.push(Block::Bullets {
            items: s
                .advice
                .iter()
                .map(|a| a.text.get(lang).to_string())
                .collect(),
            voice: Voice::Report,
        });
        blocks.push(Block::Note {
            text: cx.t(
                "順位は役割の重み（質問票のデータ）によります。ベンダーが合う役割とは、ベンダーだけで担っても最高の評価になる役割です。株式会社ラックの講演資料「IoT時代のCSIRT ~PSIRT構築の課題~」（2017 年 12 月）の「適材適所でベンダーを活用」という助言に従っています。",
                "The order follows each role's weight in the questionnaire's data. A vendor fits a role when a vendor alone reaches its top level, following the advice to use vendors where they fit in LAC's seminar slides 'CSIRTs in the IoT era: challenges of building a PSIRT' (December 2017).",
            ),
        });
    }
    let yes = cx.t("合う", "Fits");
    let rows = s
        .roles
        .iter()
        .map(|r| {
            let mut row = cells(vec![r.name.get(lang).to_string()]);
            row[0].small = Some(cx.cite(&r.source));
            let tone = match r.coverage {
                Coverage::None => Some(Tone::Bad),
                Coverage::Unanswered => Some(Tone::Muted),
                _ => None,
            };
            row.push(Cell {
                tone,
                ..Cell::text(r.coverage.label().get(lang))
            });
            row.push(Cell::text(
                r.headcount
                    .map(|n| people(n, lang))
                    .unwrap_or_else(|| "—".into()),
            ));
            row.push(Cell::text(if r.vendor_fits {
                yes.clone()
            } else {
                String::new()
            }));
            row
        })
        .collect();
    blocks.push(table(
        columns(
            lang,
            &[
                ("役割（出典）", "Role (source)", 250.0),
                ("担い手", "Covered by", 100.0),
                ("自組織の人数", "Own staff", 70.0),
                ("ベンダーが合う", "Vendor fits", 0.0),
            ],
        ),
        rows,
        Density::Compact,
    ));
    Some((cx.t("役割別の人員体制", "Staffing by role"), blocks))
}
