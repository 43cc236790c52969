//! `csirt action`: the action plan of a stored assessment: add an action for one or more items,
//! list the plan with each action's derived state, update status, owner, due date or add a note,
//! and export the plan as CSV or XLSX (POA&M columns).

use crate::{print_json, CliError};
use clap::{Subcommand, ValueEnum};
use csirt_model::action::ActionStatus;
use csirt_model::date::Date;
use csirt_model::{bi, Catalog, Lang, Text};
use csirt_scoring::ActionView;
use csirt_store::{ActionChange, ActionDraft, Store};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PlanFormat {
    Csv,
    Xlsx,
}

#[derive(Subcommand, Debug)]
pub enum ActionCommand {
    /// Add an action to an assessment's plan, for one or more items (its target is the
    /// assessment's target for each item; without --title, the item's recommendation).
    Add {
        /// The assessment's id.
        assessment: i64,
        /// A linked item (repeat for several).
        #[arg(long = "item", required = true)]
        items: Vec<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        owner: String,
        /// The due date, YYYY-MM-DD (a real calendar day).
        #[arg(long)]
        due: String,
        #[arg(long)]
        json: bool,
    },
    /// The plan of an assessment: its own actions and the open ones it took over, each with
    /// whether it was achieved in a later assessment, flagged or overdue.
    List {
        assessment: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change an action's status, owner, due date or title, or add a note (a status change is
    /// dated today).
    Update {
        /// The action's id (as `action list` shows it).
        action: String,
        /// planned, in-progress, done or dropped.
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        /// YYYY-MM-DD (a real calendar day).
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The plan as a spreadsheet with the POA&M columns.
    Export {
        assessment: i64,
        #[arg(long)]
        format: PlanFormat,
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// One action as `--json` gives it.
#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    items: &'a [String],
    title: &'a str,
    owner: &'a str,
    due: &'a str,
    status: ActionStatus,
    achieved_in: Option<&'a str>,
    flag: Option<csirt_scoring::ActionFlag>,
    overdue: bool,
    state: csirt_scoring::ActionState,
    last_status_change: &'a str,
    #[serde(flatten)]
    rest: Rest<'a>,
}

#[derive(Serialize)]
struct Rest<'a> {
    targets: &'a csirt_model::StrictMap<String>,
    created: &'a str,
    notes: &'a [csirt_model::ActionNote],
}

fn json_of(v: &ActionView) -> ActionJson<'_> {
    ActionJson {
        id: &v.id,
        items: &v.items,
        title: &v.title,
        owner: &v.owner,
        due: &v.due,
        status: v.status,
        achieved_in: v.achieved_in.as_deref(),
        flag: v.flag,
        overdue: v.overdue,
        state: v.state,
        last_status_change: &v.last_status_change,
        rest: Rest {
            targets: &v.targets,
            created: &v.created,
            notes: &v.notes,
        },
    }
}

fn status(s: &str) -> Result<ActionStatus, CliError> {
    s.parse().map_err(CliError::BadValue)
}

/// One action in one line (and its notes' count), in `lang`.
fn human(v: &ActionView, lang: Lang, out: &mut impl Write) -> Result<(), CliError> {
    let (id, state, status) = (&v.id, v.state.label(lang), v.status.label(lang));
    let (owner, due, items, title) = (&v.owner, &v.due, v.items.join(", "), &v.title);
    let line = bi!(
        "{id}  [{state}]  状態: {status}  担当: {owner}  期限: {due}  項目: {items}\n    {title}",
        "{id}  [{state}]  status: {status}  owner: {owner}  due: {due}  items: {items}\n    {title}"
    );
    writeln!(out, "{}", line.get(lang))?;
    if let Some(d) = &v.achieved_in {
        let t = bi!(
            "    {d} の評価で達成",
            "    achieved in the assessment of {d}"
        );
        writeln!(out, "{}", t.get(lang))?;
    }
    if let Some(f) = v.flag {
        writeln!(out, "    ⚑ {}", f.text().get(lang))?;
    }
    Ok(())
}

fn views_of(
    store: &Store,
    catalog: &Catalog,
    assessment: i64,
    uid: &str,
) -> Result<Option<ActionView>, CliError> {
    Ok(
        csirt_usecase::plan::action_views(store, catalog, assessment, Date::today())?
            .into_iter()
            .find(|v| v.id == uid),
    )
}

pub fn action(
    cmd: ActionCommand,
    path: &Path,
    catalog: &Catalog,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match cmd {
        ActionCommand::Add {
            assessment,
            items,
            title,
            owner,
            due,
            json,
        } => {
            let mut store = Store::open(path)?;
            let row = store.assessment(assessment)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let draft = ActionDraft {
                items,
                title,
                owner,
                due,
            };
            let a = csirt_usecase::plan::add_action(&mut store, set, assessment, &draft, lang)?;
            match views_of(&store, catalog, assessment, &a.id)? {
                Some(v) if json => print_json(out, &json_of(&v))?,
                Some(v) => human(&v, lang, out)?,
                None => writeln!(out, "{}", a.id)?,
            }
        }
        ActionCommand::List { assessment, json } => {
            let store = Store::open(path)?;
            let views =
                csirt_usecase::plan::action_views(&store, catalog, assessment, Date::today())?;
            if json {
                let list: Vec<ActionJson> = views.iter().map(json_of).collect();
                print_json(out, &list)?;
            } else if views.is_empty() {
                let t = Text::new(
                    "この評価の対策計画には、まだ対策がありません",
                    "this assessment's plan has no actions yet",
                );
                writeln!(out, "{}", t.get(lang))?;
            } else {
                for v in &views {
                    human(v, lang, out)?;
                }
            }
        }
        ActionCommand::Update {
            action,
            status: new_status,
            owner,
            due,
            title,
            note,
            json,
        } => {
            let change = ActionChange {
                status: new_status.as_deref().map(status).transpose()?,
                title,
                owner,
                due,
                note,
            };
            let mut store = Store::open(path)?;
            let a = store.update_action(catalog, &action, &change)?;
            if json {
                print_json(out, &a)?;
            } else {
                let (id, st, owner, due) = (&a.id, a.status.label(lang), &a.owner, &a.due);
                let t = bi!(
                    "{id} を更新しました（状態: {st}、担当: {owner}、期限: {due}）",
                    "updated {id} (status: {st}, owner: {owner}, due: {due})"
                );
                writeln!(out, "{}", t.get(lang))?;
            }
        }
        ActionCommand::Export {
            assessment,
            format,
            output,
        } => {
            let store = Store::open(path)?;
            let row = store.assessment(assessment)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let views =
                csirt_usecase::plan::action_views(&store, catalog, assessment, Date::today())?;
            let q = &set.questionnaire;
            let exported = match format {
                PlanFormat::Csv => csirt_export::plan_csv(q, &views, lang)?,
                PlanFormat::Xlsx => csirt_export::plan_xlsx(q, &views, lang)?,
            };
            let label = Text::new("警告", "warning");
            for w in &exported.warnings {
                eprintln!("{}: {}", label.get(lang), w.get(lang));
            }
            match output {
                Some(p) => std::fs::write(&p, &exported.bytes)
                    .map_err(|source| CliError::WriteFile { path: p, source })?,
                None => out.write_all(&exported.bytes)?,
            }
        }
    }
    Ok(())
}
