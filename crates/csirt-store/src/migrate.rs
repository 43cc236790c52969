//! Opening a database file safely: refuse what is not ours or is newer, back up, then migrate.

use crate::error::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// The ordered list of migrations. Entry N (1-based) brings the schema to `user_version` N.
/// Never edit a released migration: append a new file.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../migrations/0001_initial.sql"),
    ),
    (
        "0002_benchmark_choice",
        include_str!("../migrations/0002_benchmark_choice.sql"),
    ),
    (
        "0003_narrative",
        include_str!("../migrations/0003_narrative.sql"),
    ),
    (
        "0004_actions",
        include_str!("../migrations/0004_actions.sql"),
    ),
    (
        "0005_derived",
        include_str!("../migrations/0005_derived.sql"),
    ),
];

/// `PRAGMA application_id` of our databases: "CSIR" in ASCII.
pub const APPLICATION_ID: i32 = 0x4353_4952;

pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Reads the header fields without writing anything. Fails on a file that is not SQLite.
pub(crate) fn inspect(conn: &Connection, path: &Path) -> Result<(i32, u32, i64), StoreError> {
    let read = || -> rusqlite::Result<(i32, u32, i64)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        Ok((app, version, tables))
    };
    read().map_err(|e| {
        if is_not_a_database(&e) {
            StoreError::NotADatabase {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::Sqlite(e)
        }
    })
}

pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let result: rusqlite::Result<String> = conn.query_row("PRAGMA quick_check", [], |r| r.get(0));
    match result {
        Ok(s) if s == "ok" => Ok(()),
        Ok(detail) => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail,
        }),
        Err(e) if is_not_a_database(&e) => Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(StoreError::Sqlite(e)),
    }
}

/// Copies the live database to `dest` with SQLite's online backup API.
pub fn backup(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
    let mut out = Connection::open_with_flags(
        dest,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )?;
    let b = rusqlite::backup::Backup::new(conn, &mut out)?;
    b.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    Ok(())
}

/// Applies the pending migrations, each in its own transaction.
pub(crate) fn migrate(conn: &mut Connection, from: u32) -> Result<(), StoreError> {
    for (i, (_, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as u32)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    Ok(())
}
