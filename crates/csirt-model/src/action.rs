//! The action plan: who does what by when to close a gap, with its status history. Actions
//! travel in the interchange file as the optional `actions` list and are checked here against
//! the questionnaire (linked items and their targets), the calendar and the text limits.

use crate::assessment::StrictMap;
use crate::bi;
use crate::date::parse_date;
use crate::limits::{check_name, check_text, TextKind};
use crate::questionnaire::Questionnaire;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest action id: ids are made by [`new_action_id`] (34 characters) or by another copy
/// of the app; a longer one is not ours.
pub const ACTION_ID_MAX_CHARS: usize = 64;

/// Where an action stands, as its owner says. "Achieved" and "overdue" are not statuses: they
/// are worked out from the answers and the calendar (`csirt_scoring::action_view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The word in files, on the command line and in the database.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Planned or in progress: still to do, and carried into the next assessment.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }

    /// The status as a reader sees it.
    pub fn label(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            ActionStatus::Planned => ("予定", "planned"),
            ActionStatus::InProgress => ("対応中", "in progress"),
            ActionStatus::Done => ("完了", "done"),
            ActionStatus::Dropped => ("取りやめ", "dropped"),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for ActionStatus {
    type Err = Text;
    /// Accepts the file's words, with `_` or a space for the hyphen, in any case.
    fn from_str(s: &str) -> Result<Self, Text> {
        let key = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        ActionStatus::ALL
            .into_iter()
            .find(|st| st.code() == key)
            .ok_or_else(|| {
                bi!(
                    "状態 {s:?} は使えません。planned、in-progress、done、dropped のどれかです",
                    "unknown status {s:?}: use planned, in-progress, done or dropped"
                )
            })
    }
}

/// A dated note on an action; a status change is recorded as a note with the new status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionNote {
    /// The day it was written, `YYYY-MM-DD`.
    pub date: String,
    /// What happened; may be empty for a bare status change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The status the action moved to on that day, when the note records a change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActionStatus>,
}

/// One action of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable across machines (not a database row id): made once by [`new_action_id`].
    pub id: String,
    pub title: String,
    /// The linked items, at least one, in the order given.
    pub items: Vec<String>,
    /// The level each linked item aims for, as an option key (or service answer) of the item,
    /// by item. Every linked item has one.
    pub targets: StrictMap<String>,
    pub owner: String,
    /// The due date, `YYYY-MM-DD`.
    pub due: String,
    #[serde(default)]
    pub status: ActionStatus,
    /// The day the action was made, `YYYY-MM-DD`.
    pub created: String,
    /// Notes and status changes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ActionNote>,
}

impl Action {
    /// The day of the last status change: the latest note that changed the status, else the
    /// day the action was made.
    pub fn last_status_change(&self) -> &str {
        self.notes
            .iter()
            .rev()
            .find(|n| n.status.is_some())
            .map_or(self.created.as_str(), |n| n.date.as_str())
    }
}

/// A fresh action id: `act-` and 30 hexadecimal digits from the operating system's random
/// source, so ids made on two machines do not collide.
pub fn new_action_id() -> Result<String, Text> {
    let mut bytes = [0u8; 15];
    getrandom::fill(&mut bytes).map_err(|e| {
        let e = e.to_string();
        bi!(
            "乱数を取得できず、対策の ID を作れません（{e}）",
            "cannot read the random source to make an action id ({e})"
        )
    })?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("act-{hex}"))
}

/// Checks an action id: one line of letters, digits, `-` and `_`, at most
/// [`ACTION_ID_MAX_CHARS`].
pub fn check_action_id(id: &str) -> Result<(), Text> {
    let max = ACTION_ID_MAX_CHARS;
    if id.is_empty()
        || id.chars().count() > max
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(bi!(
            "対策の ID {id:?} は使えません（英数字・-・_ で {max} 文字まで）",
            "the action id {id:?} is not valid (letters, digits, - and _, up to {max} characters)"
        ));
    }
    Ok(())
}

/// Checks one linked item and its target: the item must be scored, the target one of its
/// levelled answers.
pub fn check_action_item(q: &Questionnaire, item: &str, target: Option<&str>) -> Result<(), Text> {
    let Some(target) = target else {
        let qid = &q.id;
        return Err(if q.item(item).is_none() {
            bi!(
                "質問票 {qid} にこの項目はありません",
                "no such item in questionnaire {qid}"
            )
        } else {
            bi!(
                "目指す水準（目標）がありません",
                "no target level to aim for is given"
            )
        });
    };
    crate::assessment::check_target(q, item, target)
}

fn prefixed(whose: &Text, m: Text) -> Text {
    Text::new(
        format!("{}{}", whose.ja, m.ja),
        format!("{}{}", whose.en, m.en),
    )
}

/// Checks one action against the questionnaire, the calendar and the text limits. Every problem
/// goes to `push`, naming the item when there is one; `whose` prefixes each message.
pub fn check_action(
    q: &Questionnaire,
    a: &Action,
    whose: &Text,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    let mut say = |item: Option<&str>, m: Text| push(item, prefixed(whose, m));
    if let Err(m) = check_action_id(&a.id) {
        say(None, m);
    }
    if let Err(m) = check_name(TextKind::ActionTitle, &a.title) {
        say(None, m);
    }
    if let Err(m) = check_name(TextKind::ActionOwner, &a.owner) {
        say(None, m);
    }
    if a.items.is_empty() {
        say(
            None,
            bi!("関連する項目が一つもありません", "no linked item is given"),
        );
    }
    for (i, item) in a.items.iter().enumerate() {
        if a.items[..i].contains(item) {
            say(
                Some(item),
                bi!("同じ項目が二度あります", "the item is linked twice"),
            );
        } else if let Err(m) = check_action_item(q, item, a.targets.get(item).map(String::as_str)) {
            say(Some(item), m);
        }
    }
    for (item, _) in a.targets.iter() {
        if !a.items.contains(item) {
            say(
                Some(item),
                bi!(
                    "関連していない項目に目標があります",
                    "a target is given for an item that is not linked"
                ),
            );
        }
    }
    for (what, d) in [
        (Text::new("期限: ", "due date: "), &a.due),
        (Text::new("作成日: ", "created: "), &a.created),
    ] {
        if let Err(m) = parse_date(d) {
            say(None, prefixed(&what, m));
        }
    }
    for (i, n) in a.notes.iter().enumerate() {
        let k = i + 1;
        let whose = bi!("メモ {k}: ", "note {k}: ");
        if let Err(m) = parse_date(&n.date) {
            say(None, prefixed(&whose, m));
        }
        if let Err(m) = check_text(TextKind::ActionNote, &n.text) {
            say(None, prefixed(&whose, m));
        }
    }
}

/// Checks a plan: every action, and that no id appears twice.
pub fn check_actions(
    q: &Questionnaire,
    actions: &[Action],
    push: &mut impl FnMut(Option<&str>, Text),
) {
    for (i, a) in actions.iter().enumerate() {
        let (n, id) = (i + 1, &a.id);
        let whose = bi!("対策 {n}（{id}）: ", "action {n} ({id}): ");
        check_action(q, a, &whose, push);
        if actions[..i].iter().any(|b| b.id == a.id) {
            push(
                None,
                prefixed(
                    &whose,
                    bi!(
                        "同じ ID の対策がすでにあります",
                        "another action has the same id"
                    ),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> crate::QuestionnaireSet {
        crate::builtin().expect("builtin")
    }

    fn scored(q: &Questionnaire) -> (String, String) {
        let item = q.scored_items().next().expect("a scored item");
        let (key, _) = item.levelled_keys().into_iter().last().expect("a level");
        (item.id.clone(), key)
    }

    fn action(item: &str, key: &str) -> Action {
        Action {
            id: new_action_id().expect("random"),
            title: "Write the playbook".into(),
            items: vec![item.into()],
            targets: StrictMap(vec![(item.into(), key.into())]),
            owner: "Sato".into(),
            due: "2026-06-30".into(),
            status: ActionStatus::Planned,
            created: "2026-01-10".into(),
            notes: vec![],
        }
    }

    fn problems(q: &Questionnaire, a: &[Action]) -> Vec<(Option<String>, Text)> {
        let mut out = Vec::new();
        check_actions(q, a, &mut |i, m| out.push((i.map(str::to_string), m)));
        out
    }

    #[test]
    fn a_good_action_passes_and_round_trips() {
        let set = q();
        let (item, key) = scored(&set.questionnaire);
        let mut a = action(&item, &key);
        a.notes.push(ActionNote {
            date: "2026-02-01".into(),
            text: "started".into(),
            status: Some(ActionStatus::InProgress),
        });
        assert!(problems(&set.questionnaire, std::slice::from_ref(&a)).is_empty());
        let json = serde_json::to_string(&a).expect("json");
        assert!(json.contains("\"in-progress\""), "{json}");
        let back: Action = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, a);
        assert_eq!(a.last_status_change(), "2026-02-01");
    }

    #[test]
    fn bad_dates_items_targets_and_texts_are_each_named_in_both_languages() {
        let set = q();
        let q = &set.questionnaire;
        let (item, key) = scored(q);
        let mut a = action(&item, &key);
        a.due = "2026-02-30".into();
        a.items.push("99.99".into());
        a.owner = " ".into();
        a.title = "a\nb".into();
        a.notes.push(ActionNote {
            date: "2026-13-01".into(),
            text: String::new(),
            status: None,
        });
        let p = problems(q, &[a]);
        assert_eq!(p.len(), 5, "{p:?}");
        assert!(p.iter().any(|(i, _)| i.as_deref() == Some("99.99")));
        for (_, m) in &p {
            assert!(m.en.starts_with("action 1 (act-"), "{m:?}");
            assert!(m.ja.starts_with("対策 1（act-"), "{m:?}");
            assert_ne!(m.ja, m.en);
        }
    }

    #[test]
    fn a_target_must_be_a_levelled_answer_and_ids_unique() {
        let set = q();
        let q = &set.questionnaire;
        let (item, _) = scored(q);
        let a = action(&item, "no-such-key");
        let mut b = action(&item, "no-such-key");
        b.id = a.id.clone();
        b.targets = StrictMap::default();
        let p = problems(q, &[a, b]);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[2].1.en.contains("same id"), "{p:?}");
    }

    #[test]
    fn statuses_parse_leniently_and_refuse_the_unknown() {
        assert_eq!(
            "In_Progress".parse::<ActionStatus>(),
            Ok(ActionStatus::InProgress)
        );
        assert_eq!("done".parse::<ActionStatus>(), Ok(ActionStatus::Done));
        let e = "finished".parse::<ActionStatus>().unwrap_err();
        assert!(e.ja.contains("finished") && e.en.contains("finished"));
        assert!(ActionStatus::Planned.is_open() && !ActionStatus::Dropped.is_open());
    }

    #[test]
    fn ids_are_fresh_and_valid() {
        let (a, b) = (new_action_id().unwrap(), new_action_id().unwrap());
        assert_ne!(a, b);
        assert!(check_action_id(&a).is_ok());
        assert!(check_action_id("a b").is_err());
        assert!(check_action_id(&"x".repeat(65)).is_err());
    }
}
