//! The action plan as a spreadsheet (CSV and XLSX), with the columns of a POA&M (plan of action
//! and milestones): id, item, weakness, action, owner, due date, status and the date of the last
//! status change, then what the app works out (achieved in, flag). Every cell is text but the
//! dates' own text, through the same neutralising as the other exports.

use crate::cell::Cell;
use crate::{csv_of, t, xlsx_of, ExportError, Exported, Sheet};
use csirt_model::{Lang, Questionnaire};
use csirt_scoring::ActionView;

fn plan_sheet(q: &Questionnaire, actions: &[ActionView], lang: Lang) -> Sheet {
    let header = vec![
        t("ID", "ID", lang),
        t("項目", "Item", lang),
        t("弱点（設問）", "Weakness (question)", lang),
        t("対策", "Action", lang),
        t("担当者", "Owner", lang),
        t("期限", "Due date", lang),
        t("状態", "Status", lang),
        t("最後に状態が変わった日", "Last status change", lang),
        t("判定", "Assessed as", lang),
        t("達成した評価の日付", "Achieved in the assessment of", lang),
        t("注意", "Flag", lang),
    ];
    let rows = actions
        .iter()
        .map(|a| {
            let weakness = a
                .items
                .iter()
                .map(|i| match q.item(i) {
                    Some(item) => format!("{i} {}", item.text.get(lang)),
                    None => i.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            let cells = vec![
                Cell::text(a.id.clone()),
                Cell::text(a.items.join(", ")),
                Cell::text(weakness),
                Cell::text(a.title.clone()),
                Cell::text(a.owner.clone()),
                Cell::text(a.due.clone()),
                Cell::text(a.status.label(lang)),
                Cell::text(a.last_status_change.clone()),
                Cell::text(a.state.label(lang)),
                a.achieved_in
                    .as_ref()
                    .map_or(Cell::Empty, |d| Cell::text(d.clone())),
                a.flag
                    .map_or(Cell::Empty, |f| Cell::text(f.text().get(lang))),
            ];
            (a.id.clone(), cells)
        })
        .collect();
    Sheet {
        name: t("対策計画", "Action plan", lang),
        header,
        rows,
    }
}

/// The plan as CSV (UTF-8 with a BOM), one row per action.
pub fn plan_csv(
    q: &Questionnaire,
    actions: &[ActionView],
    lang: Lang,
) -> Result<Exported, ExportError> {
    csv_of(&plan_sheet(q, actions, lang), lang)
}

/// The plan as an XLSX workbook of one sheet, one row per action; every cell a string cell.
pub fn plan_xlsx(
    q: &Questionnaire,
    actions: &[ActionView],
    lang: Lang,
) -> Result<Exported, ExportError> {
    xlsx_of(&[plan_sheet(q, actions, lang)], lang)
}
