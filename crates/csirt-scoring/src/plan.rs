//! The action plan's derived state: whether an action's items reached their targets in a later
//! assessment ("achieved in the assessment of <date>"), whether an action marked done left the
//! answers where they were ("done, but the answers did not move"), whether it is overdue, and the
//! number of open actions over time. Pure functions of the actions, the assessments and today.

use csirt_model::action::{Action, ActionNote, ActionStatus};
use csirt_model::date::{parse_date, Date};
use csirt_model::{Answer, Assessment, Lang, Questionnaire, StrictMap, Text};
use serde::Serialize;

/// The flag raised on an action that is marked done but whose items did not improve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionFlag {
    /// Marked done, not achieved, and in the latest later assessment no linked item is at a
    /// higher level than when the action was made.
    DoneButAnswersDidNotMove,
}

impl ActionFlag {
    pub fn text(self) -> Text {
        match self {
            ActionFlag::DoneButAnswersDidNotMove => Text::new(
                "完了となっていますが、回答は変わっていません",
                "done, but the answers did not move",
            ),
        }
    }
}

/// What a reader sees first about an action, in this order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionState {
    /// Every linked item reached its target in a later assessment (whatever the status says).
    Achieved,
    /// Marked done, but the answers did not move.
    Flagged,
    Done,
    Dropped,
    /// Planned or in progress, and past its due date.
    Overdue,
    /// Planned or in progress.
    Open,
}

impl ActionState {
    pub fn label(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            ActionState::Achieved => ("達成", "achieved"),
            ActionState::Flagged => (
                "要確認（完了だが回答は不変）",
                "check: done, answers unchanged",
            ),
            ActionState::Done => ("完了", "done"),
            ActionState::Dropped => ("取りやめ", "dropped"),
            ActionState::Overdue => ("期限切れ", "overdue"),
            ActionState::Open => ("未完了", "open"),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// The levels of an action's linked items in one assessment, in the order of `Action::items`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Levels {
    pub date: Date,
    /// `None` for an item not answered (or answered with no level).
    pub levels: Vec<Option<u32>>,
}

/// The derived facts of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    /// The date of the first later assessment in which every linked item reached its target.
    pub achieved_in: Option<Date>,
    pub flag: Option<ActionFlag>,
    pub overdue: bool,
    pub state: ActionState,
}

/// The core rule, on levels alone.
///
/// - `targets`: the target level of each linked item (`None` when the target has no level, which
///   the validator refuses; such an item is never reached);
/// - `baseline`: the levels when the action was made, if known;
/// - `later`: the levels in each later assessment (any order).
pub fn derive(
    status: ActionStatus,
    due: Option<Date>,
    targets: &[Option<u32>],
    baseline: Option<&[Option<u32>]>,
    later: &[Levels],
    today: Date,
) -> Derived {
    let mut later: Vec<&Levels> = later.iter().collect();
    later.sort_by_key(|l| l.date);
    let reached = |l: &Levels| {
        !targets.is_empty()
            && targets.iter().enumerate().all(|(i, t)| {
                matches!((t, l.levels.get(i).copied().flatten()), (Some(t), Some(v)) if v >= *t)
            })
    };
    let achieved_in = later.iter().find(|l| reached(l)).map(|l| l.date);
    let moved = |base: &[Option<u32>], now: &Levels| {
        (0..targets.len()).any(|i| {
            match (
                base.get(i).copied().flatten(),
                now.levels.get(i).copied().flatten(),
            ) {
                (Some(b), Some(n)) => n > b,
                (None, Some(_)) => true,
                _ => false,
            }
        })
    };
    let flag = match (status, achieved_in, baseline, later.last()) {
        (ActionStatus::Done, None, Some(base), Some(latest)) if !moved(base, latest) => {
            Some(ActionFlag::DoneButAnswersDidNotMove)
        }
        _ => None,
    };
    let overdue = status.is_open() && achieved_in.is_none() && due.is_some_and(|d| d < today);
    let state = if achieved_in.is_some() {
        ActionState::Achieved
    } else if flag.is_some() {
        ActionState::Flagged
    } else {
        match status {
            ActionStatus::Done => ActionState::Done,
            ActionStatus::Dropped => ActionState::Dropped,
            _ if overdue => ActionState::Overdue,
            _ => ActionState::Open,
        }
    };
    Derived {
        achieved_in,
        flag,
        overdue,
        state,
    }
}

/// One assessment of the organisation, dated, as the plan reads it.
#[derive(Debug, Clone, Copy)]
pub struct Dated<'a> {
    pub date: Date,
    pub assessment: &'a Assessment,
}

/// The level an answer gives on a scored item.
fn level(q: &Questionnaire, item: &str, answer: Option<&Answer>) -> Option<u32> {
    q.item(item)?.level_of_key(answer?.as_str()?)
}

/// The levels of `items` in one assessment.
pub fn levels_of(q: &Questionnaire, items: &[String], a: &Dated) -> Levels {
    Levels {
        date: a.date,
        levels: items
            .iter()
            .map(|i| level(q, i, a.assessment.answers.get(i)))
            .collect(),
    }
}

/// An action with everything the plan's views show: the stored action, its derived state and
/// the day of its last status change.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub id: String,
    pub items: Vec<String>,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub status: ActionStatus,
    /// The date of the assessment in which every linked item reached its target, or null.
    pub achieved_in: Option<String>,
    pub flag: Option<ActionFlag>,
    pub overdue: bool,
    pub state: ActionState,
    pub targets: StrictMap<String>,
    pub created: String,
    pub last_status_change: String,
    pub notes: Vec<ActionNote>,
    /// The date of the assessment the action was made in, when known.
    pub origin: Option<String>,
}

/// The view of one action.
///
/// `origin` is the assessment the action was made in (its answers are the baseline); `history`
/// is every assessment of the organisation (the origin may be among them). Only assessments
/// dated after the origin (after the day the action was made, when the origin is unknown) count
/// as later.
pub fn action_view(
    q: &Questionnaire,
    action: &Action,
    origin: Option<&Dated>,
    history: &[Dated],
    today: Date,
) -> ActionView {
    let targets: Vec<Option<u32>> = action
        .items
        .iter()
        .map(|i| {
            let key = action.targets.get(i)?;
            q.item(i)?.level_of_key(key)
        })
        .collect();
    let since = origin
        .map(|o| o.date)
        .or_else(|| parse_date(&action.created).ok());
    let later: Vec<Levels> = history
        .iter()
        .filter(|h| since.is_some_and(|s| h.date > s))
        .map(|h| levels_of(q, &action.items, h))
        .collect();
    let baseline = origin.map(|o| levels_of(q, &action.items, o));
    let d = derive(
        action.status,
        parse_date(&action.due).ok(),
        &targets,
        baseline.as_ref().map(|b| b.levels.as_slice()),
        &later,
        today,
    );
    ActionView {
        id: action.id.clone(),
        items: action.items.clone(),
        title: action.title.clone(),
        owner: action.owner.clone(),
        due: action.due.clone(),
        status: action.status,
        achieved_in: d.achieved_in.map(|d| d.to_string()),
        flag: d.flag,
        overdue: d.overdue,
        state: d.state,
        targets: action.targets.clone(),
        created: action.created.clone(),
        last_status_change: action.last_status_change().to_string(),
        notes: action.notes.clone(),
        origin: origin.map(|o| o.date.to_string()),
    }
}

/// The status an action had at the end of `day`: its status now from its last status change on,
/// before that the status of the latest change on or before `day`, and planned before any.
/// `None` before the action was made.
pub fn status_on(action: &Action, day: Date) -> Option<ActionStatus> {
    let created = parse_date(&action.created).ok()?;
    if day < created {
        return None;
    }
    let last = parse_date(action.last_status_change()).ok();
    if last.is_none_or(|l| day >= l) {
        return Some(action.status);
    }
    Some(
        action
            .notes
            .iter()
            .filter(|n| parse_date(&n.date).is_ok_and(|d| d <= day))
            .filter_map(|n| n.status)
            .next_back()
            .unwrap_or(ActionStatus::Planned),
    )
}

/// One point of the open-actions chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenPoint {
    pub date: String,
    /// Actions planned or in progress at the end of that day.
    pub open: usize,
}

/// Open actions over time: a point on each day an action was made or changed status (up to
/// today), and today, which counts the statuses as they stand. Actions whose dates are not real days are left out.
pub fn open_over_time(actions: &[Action], today: Date) -> Vec<OpenPoint> {
    let mut days: Vec<Date> = actions
        .iter()
        .flat_map(|a| {
            std::iter::once(a.created.as_str()).chain(
                a.notes
                    .iter()
                    .filter(|n| n.status.is_some())
                    .map(|n| n.date.as_str()),
            )
        })
        .filter_map(|d| parse_date(d).ok())
        .filter(|d| *d <= today)
        .collect();
    if days.is_empty() {
        return Vec::new();
    }
    days.push(today);
    days.sort();
    days.dedup();
    days.into_iter()
        .map(|day| OpenPoint {
            date: day.to_string(),
            open: actions
                .iter()
                .filter(|a| {
                    // Today is the status as it stands, even after a change dated later.
                    let status = match status_on(a, day) {
                        Some(_) if day == today => Some(a.status),
                        s => s,
                    };
                    status.is_some_and(ActionStatus::is_open)
                })
                .count(),
        })
        .collect()
}

/// The actions closed (done or dropped) after `from` and on or before `to`: for the trend page,
/// beside the score change between two assessments.
pub fn closed_between(actions: &[Action], from: Date, to: Date) -> Vec<&Action> {
    actions
        .iter()
        .filter(|a| !a.status.is_open())
        .filter(|a| parse_date(a.last_status_change()).is_ok_and(|d| d > from && d <= to))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> Date {
        parse_date(s).expect("date")
    }

    fn at(s: &str, levels: &[Option<u32>]) -> Levels {
        Levels {
            date: day(s),
            levels: levels.to_vec(),
        }
    }

    #[test]
    fn the_issue_three_cases() {
        let today = day("2026-03-01");
        let base = [Some(1)];
        let later = |l| vec![at("2026-01-15", &[Some(l)])];
        // Reached its target although nobody marked it done.
        let a = derive(
            ActionStatus::Planned,
            Some(day("2026-02-01")),
            &[Some(3)],
            Some(&base),
            &later(3),
            today,
        );
        assert_eq!(a.achieved_in, Some(day("2026-01-15")));
        assert_eq!(
            (a.state, a.flag, a.overdue),
            (ActionState::Achieved, None, false)
        );
        // Marked done, the answer did not move.
        let f = derive(
            ActionStatus::Done,
            None,
            &[Some(3)],
            Some(&base),
            &later(1),
            today,
        );
        assert_eq!(
            (f.state, f.flag),
            (
                ActionState::Flagged,
                Some(ActionFlag::DoneButAnswersDidNotMove)
            )
        );
        // Untouched: open, and overdue once past its date.
        let o = derive(
            ActionStatus::Planned,
            Some(day("2026-06-30")),
            &[Some(3)],
            Some(&base),
            &later(1),
            today,
        );
        assert_eq!(
            (o.state, o.achieved_in, o.flag),
            (ActionState::Open, None, None)
        );
        let late = derive(
            ActionStatus::InProgress,
            Some(day("2026-02-28")),
            &[Some(3)],
            Some(&base),
            &later(1),
            today,
        );
        assert_eq!((late.state, late.overdue), (ActionState::Overdue, true));
        // Done and moved (not yet at target): no flag.
        let m = derive(
            ActionStatus::Done,
            None,
            &[Some(3)],
            Some(&base),
            &later(2),
            today,
        );
        assert_eq!((m.state, m.flag), (ActionState::Done, None));
        // Done with no later assessment: nothing to judge by.
        let n = derive(
            ActionStatus::Done,
            None,
            &[Some(3)],
            Some(&base),
            &[],
            today,
        );
        assert_eq!(n.flag, None);
    }

    fn action(
        created: &str,
        status: ActionStatus,
        notes: Vec<(String, Option<ActionStatus>)>,
    ) -> Action {
        Action {
            id: "act-1".into(),
            title: "t".into(),
            items: vec!["4.1".into()],
            targets: StrictMap::default(),
            owner: "o".into(),
            due: "2026-06-30".into(),
            status,
            created: created.into(),
            notes: notes
                .into_iter()
                .map(|(date, status)| ActionNote {
                    date,
                    text: String::new(),
                    status,
                })
                .collect(),
        }
    }

    #[test]
    fn open_actions_over_time_follow_the_status_changes() {
        let a = action(
            "2026-01-01",
            ActionStatus::Done,
            vec![
                ("2026-02-01".into(), Some(ActionStatus::InProgress)),
                ("2026-03-01".into(), Some(ActionStatus::Done)),
            ],
        );
        let b = action("2026-01-15", ActionStatus::Planned, vec![]);
        let pts = open_over_time(&[a.clone(), b], day("2026-04-01"));
        let got: Vec<(&str, usize)> = pts.iter().map(|p| (p.date.as_str(), p.open)).collect();
        assert_eq!(
            got,
            [
                ("2026-01-01", 1),
                ("2026-01-15", 2),
                ("2026-02-01", 2),
                ("2026-03-01", 1),
                ("2026-04-01", 1)
            ]
        );
        let closed = closed_between(
            std::slice::from_ref(&a),
            day("2026-01-10"),
            day("2026-03-01"),
        );
        assert_eq!(closed.len(), 1);
        assert!(closed_between(&[a], day("2026-03-01"), day("2026-04-01")).is_empty());
    }

    fn levels() -> impl Strategy<Value = Vec<Option<u32>>> {
        prop::collection::vec(prop::option::of(0u32..5), 1..4)
    }

    fn status() -> impl Strategy<Value = ActionStatus> {
        prop::sample::select(ActionStatus::ALL.to_vec())
    }

    proptest! {
        /// Achieved exactly when some later assessment has every item at or above its target;
        /// the date is the earliest such; never both achieved and flagged.
        #[test]
        fn achieved_means_every_item_reached_its_target(
            targets in prop::collection::vec(0u32..5, 1..4),
            base in levels(),
            later in prop::collection::vec((0i64..800, levels()), 0..5),
            st in status(),
        ) {
            let start = day("2024-01-01");
            let later: Vec<Levels> = later.into_iter().map(|(d, l)| Levels {
                date: parse_date(&jiff_add(start, d)).expect("date"),
                levels: l,
            }).collect();
            let t: Vec<Option<u32>> = targets.iter().copied().map(Some).collect();
            let d = derive(st, None, &t, Some(&base), &later, day("2030-01-01"));
            let ok = |l: &Levels| targets.iter().enumerate().all(|(i, t)| l.levels.get(i).copied().flatten().is_some_and(|v| v >= *t));
            let first = later.iter().filter(|l| ok(l)).map(|l| l.date).min();
            prop_assert_eq!(d.achieved_in, first);
            prop_assert!(!(d.achieved_in.is_some() && d.flag.is_some()));
            if d.flag.is_some() {
                prop_assert_eq!(st, ActionStatus::Done);
                prop_assert_eq!(d.state, ActionState::Flagged);
            }
            if st != ActionStatus::Done { prop_assert!(d.flag.is_none()); }
        }

        /// A better later answer never raises the flag that a worse one did not, and never takes
        /// away an achievement.
        #[test]
        fn improving_the_latest_answers_never_adds_a_flag(
            targets in prop::collection::vec(0u32..5, 1..4),
            base in levels(),
            now in levels(),
            bump in 0usize..4,
        ) {
            let t: Vec<Option<u32>> = targets.iter().copied().map(Some).collect();
            let today = day("2030-01-01");
            let before = derive(ActionStatus::Done, None, &t, Some(&base), &[Levels { date: day("2025-01-01"), levels: now.clone() }], today);
            let mut better = now.clone();
            if let Some(slot) = better.get_mut(bump) { *slot = Some(slot.map_or(0, |v| v + 1)); }
            let after = derive(ActionStatus::Done, None, &t, Some(&base), &[Levels { date: day("2025-01-01"), levels: better }], today);
            prop_assert!(after.flag.is_none() || before.flag.is_some());
            prop_assert!(after.achieved_in.is_some() || before.achieved_in.is_none());
        }

        /// Today's point counts exactly the actions whose status is planned or in progress.
        #[test]
        fn the_last_point_counts_the_open_actions(
            specs in prop::collection::vec((0i64..300, status(), prop::collection::vec((0i64..300, prop::option::of(status())), 0..4)), 1..8),
        ) {
            let start = day("2025-01-01");
            let actions: Vec<Action> = specs.into_iter().map(|(c, st, notes)| {
                let mut notes: Vec<(String, Option<ActionStatus>)> = notes.into_iter().map(|(d, s)| (jiff_add(start, c + d), s)).collect();
                notes.sort_by(|a, b| a.0.cmp(&b.0));
                action(&jiff_add(start, c), st, notes)
            }).collect();
            let today = day("2026-06-01");
            let pts = open_over_time(&actions, today);
            let last = pts.last().expect("a point");
            prop_assert_eq!(last.date.as_str(), "2026-06-01");
            prop_assert_eq!(last.open, actions.iter().filter(|a| a.status.is_open()).count());
            for w in pts.windows(2) { prop_assert!(w[0].date < w[1].date); }
        }
    }

    /// `start` plus `days`, as text.
    fn jiff_add(start: Date, days: i64) -> String {
        let d = jiff::civil::date(start.year(), start.month(), start.day())
            .checked_add(jiff::Span::new().days(days))
            .expect("in range");
        d.to_string()
    }
}
