//! The store's rules for the names of organisations and respondents: not empty, on one line
//! (no control characters, which break tables and the CLI's tab-separated lists), and not the
//! same as another's once case, width and spaces are set aside (`csirt_model::workshop::name_key`).

use crate::error::{NameOf, StoreError};
use crate::Result;
use csirt_model::limits::{check_name, check_optional, TextKind};
use csirt_model::workshop::name_key;
use rusqlite::Connection;

/// The name as it is stored (trimmed), or why it cannot be one: empty, a control character
/// (named by its own error, since it breaks tables), or longer than `csirt_model::limits` allows.
pub(crate) fn clean(what: NameOf, name: &str) -> Result<String> {
    let trimmed = name.trim();
    if !trimmed.is_empty() && trimmed.chars().any(char::is_control) {
        return Err(StoreError::ControlCharacter {
            what,
            name: trimmed.to_string(),
        });
    }
    let kind = match what {
        NameOf::Organisation => TextKind::OrganisationName,
        NameOf::Respondent => TextKind::RespondentName,
    };
    check_name(kind, trimmed).map_err(StoreError::InvalidInput)
}

/// An organisation's sector, size and form, or a respondent's role: within their limit and on
/// one line.
pub(crate) fn details(texts: &[Option<&str>], kind: TextKind) -> Result<()> {
    for t in texts {
        check_optional(kind, *t).map_err(StoreError::InvalidInput)?;
    }
    Ok(())
}

/// The id of the first row of `rows` (id, name) whose name is the same as `name`, skipping
/// `except`.
fn same_name(rows: Vec<(i64, String)>, name: &str, except: Option<i64>) -> Option<i64> {
    let key = name_key(name);
    rows.into_iter()
        .find(|(id, n)| Some(*id) != except && name_key(n) == key)
        .map(|(id, _)| id)
}

fn rows(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map(p, |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The organisation whose name is the same as `name`, other than `except`.
pub(crate) fn organisation_named(
    conn: &Connection,
    name: &str,
    except: Option<i64>,
) -> Result<Option<i64>> {
    let all = rows(conn, "SELECT id, name FROM organisation ORDER BY id", [])?;
    Ok(same_name(all, name, except))
}

/// The named respondent of an assessment whose name is the same as `name`, other than `except`.
pub(crate) fn respondent_named(
    conn: &Connection,
    assessment_id: i64,
    name: &str,
    except: Option<i64>,
) -> Result<Option<i64>> {
    let all = rows(
        conn,
        "SELECT id, name FROM respondent WHERE assessment_id = ?1 AND is_default = 0 ORDER BY id",
        [assessment_id],
    )?;
    Ok(same_name(all, name, except))
}

/// Refuses `name` when another organisation (not `except`) has the same name.
pub(crate) fn unique_organisation(
    conn: &Connection,
    name: &str,
    except: Option<i64>,
) -> Result<()> {
    match organisation_named(conn, name, except)? {
        Some(id) => Err(StoreError::DuplicateName {
            what: NameOf::Organisation,
            name: name.to_string(),
            id,
        }),
        None => Ok(()),
    }
}

/// Refuses `name` when another respondent of the assessment (not `except`) has the same name.
pub(crate) fn unique_respondent(
    conn: &Connection,
    assessment_id: i64,
    name: &str,
    except: Option<i64>,
) -> Result<()> {
    match respondent_named(conn, assessment_id, name, except)? {
        Some(id) => Err(StoreError::DuplicateName {
            what: NameOf::Respondent,
            name: name.to_string(),
            id,
        }),
        None => Ok(()),
    }
}
