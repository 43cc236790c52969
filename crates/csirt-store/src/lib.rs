//! Embedded SQLite storage: organisations, assessments, respondents, answers, consensus, notes,
//! target overrides and the assessor's narrative. Every save is one small transaction, so the UI can save on each change.

mod action;
mod answer;
mod assessment;
mod derived;
mod error;
mod interchange;
pub mod migrate;
mod names;
mod narrative;
mod organisation;
mod respondent;
pub mod time;
mod version;
mod workshop;

pub use action::{ActionChange, ActionDraft, PlanContext};
pub use answer::ItemNote;
pub use assessment::{AssessmentRow, BenchmarkChoice};
pub use error::{NameOf, StoreError};
pub use narrative::NarrativeEdit;
pub use organisation::OrganisationRow;
pub use respondent::RespondentRow;
pub use version::{Fit, Misfit};
pub use workshop::RespondentNote;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use std::path::{Path, PathBuf};

pub type Result<T> = std::result::Result<T, StoreError>;

/// A handle on one database file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

impl Store {
    /// Opens (or creates) the database at `path`. A file that is not ours, is damaged, or was
    /// written by a newer version is refused and left untouched. Before a migration of an
    /// existing database, a backup is written beside it.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_unclassified(path).map_err(|e| classify_open_error(e, path))
    }

    fn open_unclassified(path: &Path) -> Result<Store> {
        let existed = path.exists();
        if existed {
            check_header(path)?;
        }
        if !existed {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                    path: dir.to_path_buf(),
                    source,
                })?;
            }
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let (app_id, version, tables) = migrate::inspect(&conn, path)?;
        if tables > 0 && app_id != migrate::APPLICATION_ID {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
            });
        }
        if version > migrate::latest_version() {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                known: migrate::latest_version(),
            });
        }
        if tables > 0 {
            migrate::quick_check(&conn, path)?;
        }
        // Only now, with the file known to be ours and readable, may anything be written.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if tables > 0 && version < migrate::latest_version() {
            let backup = backup_path(path, version);
            migrate::backup(&conn, &backup).map_err(|e| StoreError::Backup(e.to_string()))?;
        }
        migrate::migrate(&mut conn, version)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Writes a consistent copy of the database to `dest` (SQLite online backup).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        migrate::backup(&self.conn, dest)
    }

    // ----------------------------------------------------------------- settings

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Every row of every table, as text: for tests that check "nothing changed".
    pub fn dump(&self) -> Result<String> {
        let mut out = String::new();
        for table in [
            "organisation",
            "assessment",
            "respondent",
            "answer",
            "consensus",
            "answer_note",
            "target_override",
            "narrative_message",
            "narrative_finding",
            "gap_note",
            "setting",
            "action",
            "action_item",
            "action_note",
            "action_plan",
            "derived_source",
            "derived_answer",
        ] {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))?;
            let cols = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let mut line = vec![table.to_string()];
                for i in 0..cols {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push(format!("{v:?}"));
                }
                out.push_str(&line.join("|"));
                out.push('\n');
            }
        }
        Ok(out)
    }
}

fn backup_path(path: &Path, version: u32) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "csirt.sqlite3".into());
    let stamp = time::now_rfc3339().replace(':', "");
    path.with_file_name(format!("{name}.v{version}-{stamp}.bak"))
}

fn touch(tx: &Transaction, assessment_id: i64, now: &str) -> Result<()> {
    let n = tx.execute(
        "UPDATE assessment SET updated_at = ?2 WHERE id = ?1",
        params![assessment_id, now],
    )?;
    if n == 0 {
        return Err(StoreError::NoAssessment(assessment_id));
    }
    Ok(())
}

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The length of SQLite's database header.
const SQLITE_HEADER: usize = 100;

/// Refuses, reading only, an existing file that cannot be one of our databases. Only a path where
/// nothing is becomes a new database: an empty file, or one cut short, is what a failed copy or
/// sync leaves, and SQLite would take a file shorter than a page for a new, empty database,
/// hiding that the data is gone.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // SQLite reports what is wrong with it, in its words, below.
    };
    if !meta.is_file() {
        return Ok(());
    }
    if meta.len() == 0 {
        return Err(StoreError::EmptyFile {
            path: path.to_path_buf(),
        });
    }
    let mut head = Vec::with_capacity(SQLITE_HEADER);
    let read =
        std::fs::File::open(path).and_then(|f| f.take(SQLITE_HEADER as u64).read_to_end(&mut head));
    if read.is_err() {
        return Ok(()); // Unreadable: SQLite's own error (read-only, cannot open) says why.
    }
    if head.len() < SQLITE_HEADER || !head.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Where the database lives when neither `--db` nor `CSIRT_DB` says otherwise.
pub fn default_db_path(data_dir: &Path) -> PathBuf {
    data_dir.join("csirt.sqlite3")
}

/// Opening fails in SQLite's words ("attempt to write a readonly database", "unable to open
/// database file"), which do not tell the user that the folder is the problem or what to do.
fn classify_open_error(e: StoreError, path: &Path) -> StoreError {
    let code = match &e {
        StoreError::Sqlite(inner) | StoreError::Write(inner) => inner.sqlite_error_code(),
        _ => None,
    };
    match code {
        Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        Some(rusqlite::ErrorCode::CannotOpen) => StoreError::CannotOpen {
            path: path.to_path_buf(),
        },
        _ => e,
    }
}
