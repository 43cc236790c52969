//! The action plan in the database: adding and updating actions (each save one transaction),
//! the plan of an assessment, carrying open actions into a new assessment of the same
//! organisation, importing a file's actions, and the plan's views (derived state, open actions
//! over time).
//!
//! Actions belong to the organisation and remember the assessment they were made in (the
//! baseline: did the answers move?). `action_plan` lists the actions of each assessment's plan:
//! those made in it, and the open ones (planned or in progress) it took over when it was created
//! or imported, from assessments dated on or before it.

use crate::{time, Result, Store, StoreError};
use csirt_model::action::{
    check_action, new_action_id, Action, ActionNote, ActionStatus, ACTION_ID_MAX_CHARS,
};
use csirt_model::date::{parse_date, Date};
use csirt_model::{Assessment, Catalog, QuestionnaireSet, StrictMap, Text};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A new action as the user gives it: the title may be left out, and is then taken from the
/// first item's recommendation (or its question).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionDraft {
    pub items: Vec<String>,
    pub title: Option<String>,
    pub owner: String,
    /// `YYYY-MM-DD`, a real calendar day.
    pub due: String,
}

/// What an update changes; `None` leaves a field as it is. A status change and a note are
/// recorded as one dated note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionChange {
    pub status: Option<ActionStatus>,
    pub title: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub note: Option<String>,
}

/// The first problem `check_action` finds, as a store error naming its item.
fn checked(set: &QuestionnaireSet, action: &Action) -> Result<()> {
    let mut first: Option<(Option<String>, Text)> = None;
    check_action(
        &set.questionnaire,
        action,
        &Text::default(),
        &mut |item, m| {
            first.get_or_insert((item.map(str::to_string), m));
        },
    );
    match first {
        None => Ok(()),
        Some((Some(item), message)) => Err(StoreError::InvalidAnswer { item, message }),
        Some((None, message)) => Err(StoreError::InvalidInput(message)),
    }
}

fn status_of(s: &str) -> ActionStatus {
    s.parse().unwrap_or_default()
}

/// The stored actions with these row ids, in that order, with their origin assessment.
fn load_actions(conn: &Connection, ids: &[i64]) -> Result<Vec<(Action, Option<i64>)>> {
    let mut head = conn.prepare(
        "SELECT uid, title, owner, due, status, created, origin_assessment_id
         FROM action WHERE id = ?1",
    )?;
    let mut items = conn.prepare(
        "SELECT item_id, target_key FROM action_item WHERE action_id = ?1 ORDER BY position",
    )?;
    let mut notes = conn
        .prepare("SELECT date, text, status FROM action_note WHERE action_id = ?1 ORDER BY id")?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let (mut action, origin) = head.query_row([id], |r| {
            Ok((
                Action {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    owner: r.get(2)?,
                    due: r.get(3)?,
                    status: status_of(&r.get::<_, String>(4)?),
                    created: r.get(5)?,
                    items: Vec::new(),
                    targets: StrictMap::default(),
                    notes: Vec::new(),
                },
                r.get::<_, Option<i64>>(6)?,
            ))
        })?;
        let linked = items
            .query_map([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (item, key) in linked {
            action.items.push(item.clone());
            action.targets.insert(item, key);
        }
        action.notes = notes
            .query_map([id], |r| {
                Ok(ActionNote {
                    date: r.get(0)?,
                    text: r.get(1)?,
                    status: r.get::<_, Option<String>>(2)?.map(|s| status_of(&s)),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push((action, origin));
    }
    Ok(out)
}

fn ids(conn: &Connection, sql: &str, key: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map([key], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(rows)
}

/// Writes an action's fields, items and notes (replacing those stored for `row`, or as a new row
/// of `organisation_id` made in `origin`), inside the caller's transaction. Returns its row id.
fn write_action_tx(
    tx: &Transaction,
    row: Option<i64>,
    organisation_id: i64,
    origin: Option<i64>,
    a: &Action,
    now: &str,
) -> Result<i64> {
    let id = match row {
        Some(id) => {
            tx.execute(
                "UPDATE action SET title = ?2, owner = ?3, due = ?4, status = ?5, created = ?6,
                        updated_at = ?7 WHERE id = ?1",
                params![
                    id,
                    a.title.trim(),
                    a.owner.trim(),
                    a.due,
                    a.status.code(),
                    a.created,
                    now
                ],
            )?;
            tx.execute("DELETE FROM action_item WHERE action_id = ?1", [id])?;
            tx.execute("DELETE FROM action_note WHERE action_id = ?1", [id])?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO action (uid, organisation_id, origin_assessment_id, title, owner, due,
                                     status, created, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    a.id,
                    organisation_id,
                    origin,
                    a.title.trim(),
                    a.owner.trim(),
                    a.due,
                    a.status.code(),
                    a.created,
                    now
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    for (position, item) in a.items.iter().enumerate() {
        tx.execute(
            "INSERT INTO action_item (action_id, position, item_id, target_key)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, position as i64, item, a.targets.get(item)],
        )?;
    }
    for n in &a.notes {
        tx.execute(
            "INSERT INTO action_note (action_id, date, text, status) VALUES (?1, ?2, ?3, ?4)",
            params![id, n.date, n.text, n.status.map(ActionStatus::code)],
        )?;
    }
    Ok(id)
}

fn link_tx(tx: &Transaction, assessment_id: i64, action: i64) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO action_plan (assessment_id, action_id) VALUES (?1, ?2)",
        params![assessment_id, action],
    )?;
    Ok(())
}

/// A new assessment takes over its organisation's open actions made in assessments dated on or
/// before `date` (or whose assessment was deleted), inside the caller's transaction.
pub(crate) fn carry_forward_tx(
    tx: &Transaction,
    organisation_id: i64,
    assessment_id: i64,
    date: &str,
) -> Result<()> {
    let date = parse_date(date).ok();
    let mut stmt = tx.prepare(
        "SELECT a.id, o.date FROM action a LEFT JOIN assessment o ON o.id = a.origin_assessment_id
         WHERE a.organisation_id = ?1 AND a.status IN ('planned', 'in-progress')
               AND a.origin_assessment_id IS NOT ?2
         ORDER BY a.id",
    )?;
    let open = stmt
        .query_map(params![organisation_id, assessment_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    for (action, origin_date) in open {
        // By the calendar: an action made in a later assessment is not this one's.
        let before = match (origin_date.and_then(|d| parse_date(&d).ok()), date) {
            (Some(o), Some(d)) => o <= d,
            _ => true,
        };
        if before {
            link_tx(tx, assessment_id, action)?;
        }
    }
    Ok(())
}

/// Writes a file's actions for an imported assessment, inside the caller's transaction: an
/// action the organisation already has (same id) takes the file's fields and joins this
/// assessment's plan; a new one is made in it. The file was validated before.
pub(crate) fn import_actions_tx(
    tx: &Transaction,
    organisation_id: i64,
    assessment_id: i64,
    actions: &[Action],
    now: &str,
) -> Result<()> {
    for a in actions {
        let row: Option<i64> = tx
            .query_row(
                "SELECT id FROM action WHERE organisation_id = ?1 AND uid = ?2",
                params![organisation_id, a.id],
                |r| r.get(0),
            )
            .optional()?;
        let id = write_action_tx(tx, row, organisation_id, Some(assessment_id), a, now)?;
        link_tx(tx, assessment_id, id)?;
    }
    Ok(())
}

impl Store {
    /// The actions of an assessment's plan (its own and those it took over), oldest first.
    pub fn plan(&self, assessment_id: i64) -> Result<Vec<Action>> {
        self.assessment(assessment_id)?;
        Ok(self
            .plan_rows(assessment_id)?
            .into_iter()
            .map(|(a, _)| a)
            .collect())
    }

    fn plan_rows(&self, assessment_id: i64) -> Result<Vec<(Action, Option<i64>)>> {
        let rows = ids(
            &self.conn,
            "SELECT action_id FROM action_plan WHERE assessment_id = ?1 ORDER BY action_id",
            assessment_id,
        )?;
        load_actions(&self.conn, &rows)
    }

    /// Every action of an organisation, oldest first.
    pub fn organisation_actions(&self, organisation_id: i64) -> Result<Vec<Action>> {
        let rows = ids(
            &self.conn,
            "SELECT id FROM action WHERE organisation_id = ?1 ORDER BY id",
            organisation_id,
        )?;
        Ok(load_actions(&self.conn, &rows)?
            .into_iter()
            .map(|(a, _)| a)
            .collect())
    }

    /// Adds an action to an assessment's plan, as resolved by the caller (csirt-usecase scores
    /// the assessment for each item's target and the default title): `targets` holds the option
    /// key each linked item aims for, and `title` the title to use. Everything is checked first;
    /// then one transaction writes it.
    pub fn add_action(
        &mut self,
        set: &QuestionnaireSet,
        assessment_id: i64,
        draft: &ActionDraft,
        targets: StrictMap<String>,
        title: String,
    ) -> Result<Action> {
        let q = &set.questionnaire;
        self.check_questionnaire(assessment_id, q)?;
        let row = self.assessment(assessment_id)?;
        let action = Action {
            id: new_action_id().map_err(StoreError::InvalidInput)?,
            title,
            items: draft.items.clone(),
            targets,
            owner: draft.owner.trim().to_string(),
            due: draft.due.trim().to_string(),
            status: ActionStatus::Planned,
            created: time::today(),
            notes: Vec::new(),
        };
        checked(set, &action)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        let id = write_action_tx(
            &tx,
            None,
            row.organisation_id,
            Some(assessment_id),
            &action,
            &now,
        )?;
        link_tx(&tx, assessment_id, id)?;
        tx.commit()?;
        Ok(action)
    }

    /// The row, organisation and questionnaire of the action with this id. An id the store
    /// does not have, or one kept in two organisations, is refused by name.
    fn find_action(&self, uid: &str) -> Result<(i64, i64, Option<i64>)> {
        let uid = uid.trim();
        if uid.is_empty() || uid.chars().count() > ACTION_ID_MAX_CHARS {
            return Err(StoreError::NoAction(uid.to_string()));
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, organisation_id, origin_assessment_id FROM action WHERE uid = ?1",
        )?;
        let rows = stmt
            .query_map([uid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(i64, i64, Option<i64>)>>>()?;
        match rows.as_slice() {
            [] => Err(StoreError::NoAction(uid.to_string())),
            [one] => Ok(*one),
            more => Err(StoreError::AmbiguousAction {
                uid: uid.to_string(),
                count: more.len(),
            }),
        }
    }

    /// The action with this id, as stored.
    pub fn action(&self, uid: &str) -> Result<Action> {
        let (row, _, _) = self.find_action(uid)?;
        load_actions(&self.conn, &[row])?
            .pop()
            .map(|(a, _)| a)
            .ok_or_else(|| StoreError::NoAction(uid.to_string()))
    }

    /// Changes an action: status, title, owner, due date, and a note. A status change is dated
    /// today in a note (with the note's text, if given). Everything is checked first (a date
    /// that is not a real day, an empty owner, a text over its limit); then one transaction
    /// writes it.
    pub fn update_action(
        &mut self,
        catalog: &Catalog,
        uid: &str,
        change: &ActionChange,
    ) -> Result<Action> {
        let (row, organisation_id, origin) = self.find_action(uid)?;
        let stored = self.action(uid)?;
        // The questionnaire of the assessments whose plan holds it.
        let questionnaire: Option<String> = self
            .conn
            .query_row(
                "SELECT a.questionnaire_id FROM action_plan p
                 JOIN assessment a ON a.id = p.assessment_id
                 WHERE p.action_id = ?1 ORDER BY a.id LIMIT 1",
                [row],
                |r| r.get(0),
            )
            .optional()?;
        let questionnaire = questionnaire.ok_or_else(|| StoreError::NoAction(uid.to_string()))?;
        let set = catalog.get(&questionnaire)?;
        let mut action = stored.clone();
        if let Some(t) = &change.title {
            action.title = t.trim().to_string();
        }
        if let Some(o) = &change.owner {
            action.owner = o.trim().to_string();
        }
        if let Some(d) = &change.due {
            action.due = d.trim().to_string();
        }
        let text = change.note.as_deref().map(str::trim).unwrap_or_default();
        let moved = change.status.filter(|s| *s != action.status);
        if moved.is_some() || !text.is_empty() {
            action.notes.push(ActionNote {
                date: time::today(),
                text: text.to_string(),
                status: moved,
            });
        }
        if let Some(s) = moved {
            action.status = s;
        }
        checked(set, &action)?;
        if action == stored {
            return Ok(action); // Nothing to save.
        }
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        write_action_tx(&tx, Some(row), organisation_id, origin, &action, &now)?;
        tx.commit()?;
        Ok(action)
    }

    /// What the plan's views are derived from: the assessment's questionnaire id, the
    /// organisation's assessments of that questionnaire with a valid date (row id, date, loaded),
    /// and the plan's actions with the row id of the assessment each was made in.
    pub fn plan_context(&self, catalog: &Catalog, assessment_id: i64) -> Result<PlanContext> {
        let row = self.assessment(assessment_id)?;
        let set = catalog.get(&row.questionnaire_id)?;
        let q = &set.questionnaire;
        let mut history = Vec::new();
        for r in self.list_assessments(Some(row.organisation_id))? {
            if r.questionnaire_id != q.id {
                continue;
            }
            let Ok(date) = parse_date(&r.date) else {
                continue;
            };
            history.push((r.id, date, self.load_assessment(q, r.id)?));
        }
        Ok(PlanContext {
            questionnaire_id: q.id.clone(),
            history,
            plan: self.plan_rows(assessment_id)?,
            organisation_actions: self.organisation_actions(row.organisation_id)?,
        })
    }
}

/// The stored data an action plan's views are computed from (see `Store::plan_context`).
#[derive(Debug, Clone)]
pub struct PlanContext {
    pub questionnaire_id: String,
    /// The organisation's assessments of this questionnaire with a valid date, in store order.
    pub history: Vec<(i64, Date, Assessment)>,
    /// The plan's actions, each with the row id of the assessment it was made in.
    pub plan: Vec<(Action, Option<i64>)>,
    /// Every action of the organisation (for the open-actions-over-time chart).
    pub organisation_actions: Vec<Action>,
}
