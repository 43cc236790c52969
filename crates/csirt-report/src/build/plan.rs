//! The action plan's section (who does what by when, each action's state as the answers show
//! it, open actions over time) and the list of actions closed since the last assessment that
//! the since-last section shows beside the score change.

use super::{columns, table, Ctx};
use crate::model::{Block, Cell, Density, Figure, Tone};
use csirt_model::Lang;
use csirt_scoring::{ActionState, ActionView};

/// The state of an action in words: the derived state, with the assessment it was achieved in.
fn state_text(cx: &Ctx, a: &ActionView) -> String {
    let word = a.state.label(cx.lang);
    match (&a.achieved_in, cx.lang) {
        (Some(date), Lang::Ja) => format!("{word}（{date} の評価で目標に到達）"),
        (Some(date), Lang::En) => format!("{word} (target reached in the assessment of {date})"),
        (None, _) => word.to_string(),
    }
}

fn tone(state: ActionState) -> Tone {
    match state {
        ActionState::Achieved | ActionState::Done => Tone::Good,
        ActionState::Flagged | ActionState::Overdue => Tone::Bad,
        ActionState::Dropped => Tone::Muted,
        ActionState::Open => Tone::Neutral,
    }
}

/// The items an action is linked to, each with the question in short.
fn items(cx: &Ctx, a: &ActionView) -> String {
    a.items
        .iter()
        .map(|id| match cx.item(id) {
            Some(item) => format!("{id} {}", item.text.get(cx.lang)),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The action plan section, when the assessment has a plan.
pub fn action_plan(cx: &Ctx) -> Option<(String, Vec<Block>)> {
    let plan = cx.extras.plan?;
    if plan.actions.is_empty() {
        return None;
    }
    let open = plan
        .actions
        .iter()
        .filter(|a| matches!(a.state, ActionState::Open | ActionState::Overdue))
        .count();
    let overdue = plan
        .actions
        .iter()
        .filter(|a| a.state == ActionState::Overdue)
        .count();
    let total = plan.actions.len();
    let mut blocks = vec![Block::Paragraph {
        text: match cx.lang {
            Lang::Ja => format!(
                "対策 {total} 件のうち、未完了は {open} 件 (うち期限切れ {overdue} 件) です。状態は回答から判断しています。後の評価で対象の項目が目標に達した対策は、完了の記録がなくても「達成」とし、完了と記録されても回答が変わっていない対策は「要確認」としています。"
            ),
            Lang::En => format!(
                "Of {total} actions, {open} are open ({overdue} overdue). The state is read from the answers: an action whose items reached their target in a later assessment is \"achieved\" even if nobody marked it done, and one marked done whose answers did not move is flagged for a check."
            ),
        },
        voice: Default::default(),
    }];
    let rows = plan
        .actions
        .iter()
        .map(|a| {
            vec![
                Cell {
                    text: a.title.clone(),
                    small: Some(items(cx, a)),
                    ..Cell::default()
                },
                Cell::text(a.owner.clone()),
                Cell::text(a.due.clone()),
                Cell::text(a.status.label(cx.lang)),
                Cell {
                    text: state_text(cx, a),
                    tone: Some(tone(a.state)),
                    ..Cell::default()
                },
                Cell::text(a.last_status_change.clone()),
            ]
        })
        .collect();
    blocks.push(table(
        columns(
            cx.lang,
            &[
                ("対策と対象の項目", "Action and items", 0.0),
                ("担当", "Owner", 70.0),
                ("期限", "Due", 58.0),
                ("記録上の状態", "Status", 58.0),
                ("回答から見た状態", "State by the answers", 100.0),
                ("最終更新", "Last change", 58.0),
            ],
        ),
        rows,
        Density::Compact,
    ));
    if !plan.open_over_time.is_empty() {
        blocks.push(Block::Figure(Figure::OpenActions {
            points: plan.open_over_time.clone(),
            lang: cx.lang,
            caption: cx.t(
                "状態が変わった日ごとの、未完了 (計画中・対応中) の対策の数です。",
                "Actions planned or in progress, on each day a status changed.",
            ),
        }));
    }
    Some((cx.t("アクションプラン", "Action plan"), blocks))
}

/// The actions closed between the last assessment and this one, for the since-last section.
pub fn closed_since_last(cx: &Ctx) -> Vec<Block> {
    let Some(plan) = cx.extras.plan else {
        return Vec::new();
    };
    let Some(since) = &plan.since else {
        return Vec::new();
    };
    let mut blocks = vec![Block::Heading {
        text: match cx.lang {
            Lang::Ja => format!("{since} 以降に完了・取りやめとなった対策"),
            Lang::En => format!("Actions closed since {since}"),
        },
    }];
    if plan.closed_since_last.is_empty() {
        blocks.push(Block::Note {
            text: cx.t("ありません。", "None."),
        });
        return blocks;
    }
    blocks.push(Block::Bullets {
        items: plan
            .closed_since_last
            .iter()
            .map(|a| {
                format!(
                    "{} ({}; {} {})",
                    a.title,
                    a.items.join(", "),
                    state_text(cx, a),
                    a.last_status_change
                )
            })
            .collect(),
        voice: Default::default(),
    });
    blocks
}
