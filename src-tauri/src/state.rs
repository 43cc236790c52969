//! The state every command shares (one store handle, the loaded questionnaires and the UI's
//! language), how it is opened at start-up, and the helpers that run store work off the main
//! thread, holding the store no longer than the reading and writing itself.

use crate::error::AppError;
use crate::wire::ErrorPayload;
use csirt_model::{demo, Catalog, Lang, Localized};
use csirt_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Set once the demo organisation has been imported, so deleting it is for good.
const DEMO_SEEDED: &str = "demo_seeded";
/// The UI language the user chose last.
pub const LANGUAGE: &str = "language";

/// Where files go, and come from, instead of a native dialog. Only the end-to-end tests set
/// these (WebDriver cannot click a GTK dialog); see docs/desktop.md.
#[derive(Debug, Clone, Default)]
pub struct TestHooks {
    /// `CSIRT_E2E_SAVE_DIR`: exports are written here under their suggested file name.
    pub save_dir: Option<PathBuf>,
    /// `CSIRT_E2E_OPEN_FILE`: imports read this file.
    pub open_file: Option<PathBuf>,
    /// `CSIRT_E2E_OPEN_FILES`: a bulk import of respondents' files reads these (a path list,
    /// separated as `PATH` is).
    pub open_files: Option<Vec<PathBuf>>,
    /// `CSIRT_E2E_OPEN_BENCHMARK`: a benchmark import reads this file.
    pub open_benchmark: Option<PathBuf>,
    /// `CSIRT_E2E_OPEN_LOGO`: choosing a cover logo reads this file.
    pub open_logo: Option<PathBuf>,
    /// `CSIRT_E2E_OPEN_PACKAGE`: a questionnaire package import reads this file.
    pub open_package: Option<PathBuf>,
}

impl TestHooks {
    pub fn from_env() -> Self {
        let path = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        TestHooks {
            save_dir: path("CSIRT_E2E_SAVE_DIR"),
            open_file: path("CSIRT_E2E_OPEN_FILE"),
            open_files: std::env::var_os("CSIRT_E2E_OPEN_FILES")
                .map(|v| std::env::split_paths(&v).collect()),
            open_benchmark: path("CSIRT_E2E_OPEN_BENCHMARK"),
            open_logo: path("CSIRT_E2E_OPEN_LOGO"),
            open_package: path("CSIRT_E2E_OPEN_PACKAGE"),
        }
    }
}

pub struct AppState {
    /// The open store, or why it could not be opened (shown by the UI instead of a crash).
    store: Result<Arc<Mutex<Store>>, Arc<AppError>>,
    /// The questionnaires and their benchmarks; replaced whole when a benchmark or a
    /// questionnaire package is imported, or a package removed.
    catalog: Mutex<Arc<Catalog>>,
    pub db_path: PathBuf,
    pub hooks: TestHooks,
    /// An encrypted file chosen for import, waiting for its passphrase.
    pub pending_import: Arc<Mutex<Option<Vec<u8>>>>,
    /// The cover logo chosen on the export screen (checked), for the reports exported after.
    logo: Mutex<Option<csirt_report::model::Logo>>,
    /// The UI's language (the saved setting, else the system's), which every error reaching
    /// the UI is written in. `set_language` changes it together with the setting.
    language: Mutex<Lang>,
    /// The file the app was started with (`csirt-app <file>`, a double-clicked `.csirt`),
    /// imported only when the user asks for it.
    opened: Mutex<Option<PathBuf>>,
    /// The assessments whose workshop answers are hidden until the facilitator reveals them
    /// (answering privately on one laptop). Kept in memory for this session only: a restart
    /// shows them again.
    hidden_answers: Mutex<std::collections::HashSet<i64>>,
}

/// The database path: `--db <file>` (or `--db=<file>`), then `CSIRT_DB`, then the platform's
/// app-data folder, exactly as the `csirt` command line resolves it.
pub fn db_path(args: &[String], env_db: Option<String>) -> Result<PathBuf, AppError> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--db" {
            if let Some(p) = it.next() {
                return Ok(PathBuf::from(p));
            }
        } else if let Some(p) = a.strip_prefix("--db=") {
            return Ok(PathBuf::from(p));
        }
    }
    if let Some(p) = env_db.filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("org", "CSIRT Assessment", "csirt-assessment")
        .ok_or(AppError::NoDataDir)?;
    Ok(csirt_store::default_db_path(dirs.data_dir()))
}

/// The file to open given on the command line (`csirt-app [--db <file>] <file>`, as the desktop
/// entry's `Exec=csirt-app %f` passes a double-clicked file): the first argument that is neither
/// an option nor `--db`'s value, made absolute against the current folder.
pub fn opened_file(args: &[String]) -> Option<PathBuf> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        if a == "--db" {
            it.next();
        } else if !a.starts_with('-') && !a.is_empty() {
            let p = PathBuf::from(a);
            return Some(std::path::absolute(&p).unwrap_or(p));
        }
    }
    None
}

/// The imported benchmarks' folder for a database path.
pub fn benchmarks_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("benchmarks")
}

/// Japanese where the system locale is Japanese, else English (POSIX precedence of variables).
pub fn system_language(vars: &[Option<String>]) -> Lang {
    let locale = vars.iter().flatten().find(|v| !v.is_empty());
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("ja") => Lang::Ja,
        _ => Lang::En,
    }
}

pub fn system_language_from_env() -> Lang {
    let var = |n: &str| std::env::var(n).ok();
    system_language(&[var("LC_ALL"), var("LC_MESSAGES"), var("LANG")])
}

/// The language to start in: the saved one, else the system's.
pub fn language(store: &Store) -> Result<Lang, AppError> {
    Ok(match store.setting(LANGUAGE)? {
        Some(code) => code.parse().unwrap_or_else(|_| system_language_from_env()),
        None => system_language_from_env(),
    })
}

/// Opens the store and, on the very first start, imports the demo organisation.
fn open_store(path: &Path, catalog: &Catalog) -> Result<Store, AppError> {
    let mut store = Store::open(path)?;
    if store.setting(DEMO_SEEDED)?.is_none() {
        let demo = demo::demo_assessment(language(&store)?);
        let set = catalog.get(&demo.questionnaire)?;
        store.import(&set.questionnaire, &demo, None)?;
        store.set_setting(DEMO_SEEDED, "1")?;
    }
    Ok(store)
}

impl AppState {
    pub fn open(db_path: PathBuf, catalog: Catalog, hooks: TestHooks) -> AppState {
        let store = open_store(&db_path, &catalog);
        let language = match &store {
            Ok(s) => language(s).unwrap_or_else(|_| system_language_from_env()),
            Err(_) => system_language_from_env(),
        };
        AppState {
            store: store.map(|s| Arc::new(Mutex::new(s))).map_err(Arc::new),
            catalog: Mutex::new(Arc::new(catalog)),
            db_path,
            hooks,
            pending_import: Arc::default(),
            logo: Mutex::default(),
            language: Mutex::new(language),
            opened: Mutex::new(None),
            hidden_answers: Mutex::default(),
        }
    }

    /// Hides (or reveals) the individual answers of an assessment's workshop for this session.
    pub fn set_answers_hidden(&self, assessment_id: i64, hidden: bool) {
        let mut set = self
            .hidden_answers
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if hidden {
            set.insert(assessment_id);
        } else {
            set.remove(&assessment_id);
        }
    }

    /// Whether an assessment's workshop answers are hidden now.
    pub fn answers_hidden(&self, assessment_id: i64) -> bool {
        self.hidden_answers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(&assessment_id)
    }

    /// Remembers the file the app was started with, for the UI to offer to import.
    pub fn set_opened(&self, path: Option<PathBuf>) {
        *self.opened.lock().unwrap_or_else(|p| p.into_inner()) = path;
    }

    /// The file the app was started with, if any.
    pub fn opened(&self) -> Option<PathBuf> {
        self.opened
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The catalog as it is now (a benchmark imported later replaces it, not this copy).
    pub fn catalog(&self) -> Arc<Catalog> {
        Arc::clone(&self.catalog.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Puts a catalog with one more benchmark or questionnaire (or one fewer) in place.
    pub fn replace_catalog(&self, catalog: Catalog) {
        *self.catalog.lock().unwrap_or_else(|p| p.into_inner()) = Arc::new(catalog);
    }

    /// The folder of the benchmarks the user imported: `benchmarks` beside the database, the
    /// same folder the `csirt` command line reads.
    pub fn benchmarks_dir(&self) -> PathBuf {
        benchmarks_dir(&self.db_path)
    }

    /// The folder of the installed questionnaire packages: `questionnaires` beside the
    /// database, the same folder the `csirt` command line reads.
    pub fn packages_dir(&self) -> PathBuf {
        csirt_model::package::packages_dir(&self.db_path)
    }

    /// Why the database could not be opened, in the UI's language.
    pub fn startup_error(&self) -> Option<ErrorPayload> {
        let lang = self.language();
        self.store.as_ref().err().map(|e| e.payload(lang))
    }

    /// The cover logo chosen for the reports, if any.
    pub fn logo(&self) -> Option<csirt_report::model::Logo> {
        self.logo.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Keeps (or, with `None`, forgets) the cover logo.
    pub fn set_logo(&self, logo: Option<csirt_report::model::Logo>) {
        *self.logo.lock().unwrap_or_else(|p| p.into_inner()) = logo;
    }

    /// The UI's language.
    pub fn language(&self) -> Lang {
        // A poisoned lock still holds a whole `Lang`.
        *self.language.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set_language(&self, lang: Lang) {
        *self.language.lock().unwrap_or_else(|p| p.into_inner()) = lang;
    }

    /// A command's result as the UI receives it: an error becomes its payload, every message
    /// in the UI's language.
    pub fn reply<T>(&self, result: Result<T, AppError>) -> Result<T, ErrorPayload> {
        result.map_err(|e| {
            let lang = self.language();
            if e.kind() == crate::wire::ErrorKind::Internal {
                // Not the user's doing: keep the English for a bug report as well.
                eprintln!("csirt-app: {}", e.localized(Lang::En));
            }
            e.payload(lang)
        })
    }

    /// Runs `f` with the store on a blocking thread, so SQLite never holds up the UI thread.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store, &Catalog) -> Result<T, AppError> + Send + 'static,
    {
        let store = self.store.clone().map_err(AppError::NoStore)?;
        let catalog = self.catalog();
        tauri::async_runtime::spawn_blocking(move || {
            // A panic inside a save cannot leave a half-written answer (each save is one
            // transaction that rolls back on drop), so a poisoned lock is safe to reuse.
            let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard, &catalog)
        })
        .await
        .map_err(|e| AppError::Task(e.to_string()))?
    }

    /// Reads what `work` needs under the store's lock, releases the lock, then runs `work` on
    /// what was read, on a blocking thread. For commands with slow work (rendering, sealing,
    /// scoring, charts): `work` gets owned data and the catalog, never the store, so an answer
    /// saved meanwhile does not wait for it.
    pub async fn read_then<R, T, F, W>(&self, read: F, work: W) -> Result<T, AppError>
    where
        R: Send + 'static,
        T: Send + 'static,
        F: FnOnce(&mut Store, &Catalog) -> Result<R, AppError> + Send + 'static,
        W: FnOnce(R, &Catalog) -> Result<T, AppError> + Send + 'static,
    {
        let data = self.with_store(read).await?;
        let catalog = self.catalog();
        Self::blocking(move || work(data, &catalog)).await
    }

    /// Runs blocking work that does not touch the store (dialogs, file writes).
    pub async fn blocking<T, F>(f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, AppError> + Send + 'static,
    {
        tauri::async_runtime::spawn_blocking(f)
            .await
            .map_err(|e| AppError::Task(e.to_string()))?
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_file_to_open_is_the_first_plain_argument() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let file = std::env::temp_dir().join("a b.csirt");
        let given = file.to_string_lossy().into_owned();
        let got = super::opened_file(&args(&["csirt-app", "--db", "x.sqlite3", &given]));
        assert_eq!(got, Some(file));
        assert_eq!(
            super::opened_file(&args(&["csirt-app", "--db", "x.sqlite3"])),
            None
        );
        assert_eq!(
            super::opened_file(&args(&["csirt-app", "--db=x", "-v"])),
            None
        );
        let rel = super::opened_file(&args(&["csirt-app", "a.csirt"])).unwrap();
        assert!(rel.is_absolute() && rel.ends_with("a.csirt"), "{rel:?}");
    }

    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn db_flag_wins_over_env() {
        let p = db_path(&args(&["app", "--db", "/x/a.db"]), Some("/y/b.db".into())).unwrap();
        assert_eq!(p, PathBuf::from("/x/a.db"));
        let p = db_path(&args(&["app", "--db=/x/c.db"]), None).unwrap();
        assert_eq!(p, PathBuf::from("/x/c.db"));
        let p = db_path(&args(&["app"]), Some("/y/b.db".into())).unwrap();
        assert_eq!(p, PathBuf::from("/y/b.db"));
    }

    #[test]
    fn japanese_locale_means_japanese() {
        assert_eq!(
            system_language(&[None, None, Some("ja_JP.UTF-8".into())]),
            Lang::Ja
        );
        assert_eq!(
            system_language(&[Some("en_US.UTF-8".into()), None, Some("ja_JP".into())]),
            Lang::En
        );
        assert_eq!(
            system_language(&[Some(String::new()), None, Some("ja_JP".into())]),
            Lang::Ja
        );
        assert_eq!(system_language(&[None, None, None]), Lang::En);
    }

    #[test]
    fn demo_is_seeded_once_and_stays_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.sqlite3");
        let (catalog, _) = Catalog::load(None).unwrap();
        let store = open_store(&path, &catalog).unwrap();
        let orgs = store.list_organisations().unwrap();
        assert_eq!(orgs.len(), 1);
        store.delete_organisation(orgs[0].id).unwrap();
        drop(store);
        let store = open_store(&path, &catalog).unwrap();
        assert!(store.list_organisations().unwrap().is_empty());
    }
}
