//! Questionnaire packages: a questionnaire folder, zipped, checked entry by entry, validated like
//! `csirt validate`, installed whole (or not at all) into the app-data folder, listed and removed.

use crate::error::{IdClash, ModelError, Problem};
use crate::load::{
    compile_pair, entries, is_builtin_id, load_dir, Catalog, Origin, QuestionnaireSet,
    BENCHMARKS_DIR, BENCHMARK_FILE, QUESTIONNAIRE_FILE,
};
use crate::source::SourceFile;
use crate::text::Text;
use crate::{assessment, bi};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The folder beside the database that installed packages go into, one folder per id.
pub const PACKAGES_DIR: &str = "questionnaires";
/// The demo assessment a package may carry.
pub const DEMO_FILE: &str = "demo.json";
/// A package is a few text files; a larger zip is not one.
pub const MAX_PACKAGE_BYTES: u64 = 8 * 1024 * 1024;
/// The largest file a package may hold, unpacked.
const MAX_ENTRY_BYTES: u64 = 4 * 1024 * 1024;
/// All of a package's files together, unpacked.
const MAX_TOTAL_BYTES: u64 = 16 * 1024 * 1024;
/// A questionnaire, a default benchmark, a demo and some further benchmarks.
const MAX_ENTRIES: usize = 64;

/// The installed packages' folder for a database path: `questionnaires` beside it.
pub fn packages_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(PACKAGES_DIR)
}

/// A checked and validated package, not yet installed.
#[derive(Debug, Clone)]
pub struct Package {
    /// The questionnaire and its benchmarks, as they would be loaded (no folder yet).
    pub set: QuestionnaireSet,
    /// The files to write, by their path inside the questionnaire folder.
    files: Vec<(String, Vec<u8>)>,
}

fn refuse(file: &Path, message: Text) -> ModelError {
    ModelError::Package {
        file: file.to_path_buf(),
        message,
    }
}

/// A file or folder name a package may use: ASCII letters, digits, `.`, `_` and `-`, not
/// starting with a dot.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Whether `rest` (a path inside the questionnaire folder) is a file a package may hold.
fn is_allowed_file(rest: &str) -> bool {
    match rest.split_once('/') {
        None => matches!(rest, QUESTIONNAIRE_FILE | BENCHMARK_FILE | DEMO_FILE),
        Some((BENCHMARKS_DIR, name)) => is_plain_name(name) && name.ends_with(".toml"),
        Some(_) => false,
    }
}

/// The entry names of the zip, each checked for traversal, absolute paths and links.
fn entry_names(
    name: &Path,
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> Result<Vec<(String, bool)>, ModelError> {
    if archive.len() > MAX_ENTRIES {
        let n = archive.len();
        return Err(refuse(
            name,
            bi!(
                "ファイルが多すぎます（{n} 個。上限は {MAX_ENTRIES} 個です）",
                "too many entries ({n}; at most {MAX_ENTRIES})"
            ),
        ));
    }
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| bad_zip(name, &e))?;
        let raw = entry.name().map_err(|e| bad_zip(name, &e))?.to_string();
        let at = name.join(&raw);
        if entry.is_symlink() {
            return Err(refuse(
                &at,
                bi!(
                    "シンボリックリンクは受け付けません",
                    "symbolic links are not accepted"
                ),
            ));
        }
        let is_dir = entry.is_dir();
        let trimmed = raw.strip_suffix('/').unwrap_or(&raw);
        let unsafe_path = raw.starts_with('/')
            || raw.contains(['\\', ':', '\0'])
            || trimmed
                .split('/')
                .any(|c| c.is_empty() || c == "." || c == "..")
            || entry.enclosed_name().is_none();
        if unsafe_path {
            return Err(refuse(
                &at,
                bi!(
                    "パッケージの外を指すパスは受け付けません",
                    "a path leading outside the package is not accepted"
                ),
            ));
        }
        if names.iter().any(|(n, _)| n == &raw) {
            return Err(refuse(
                &at,
                bi!(
                    "同じ名前のファイルが二つあります",
                    "the entry appears twice"
                ),
            ));
        }
        names.push((raw, is_dir));
    }
    Ok(names)
}

fn bad_zip(name: &Path, e: &zip::result::ZipError) -> ModelError {
    refuse(name, zip_problem(e))
}

/// What is wrong with a zip, in both languages: the Japanese in Japanese words, the English
/// with the zip library's own detail.
fn zip_problem(e: &zip::result::ZipError) -> Text {
    use zip::result::ZipError as Z;
    let detail = e.to_string();
    let ja = match e {
        Z::Io(io) => format!("ZIP ファイルを読めません（{}）", crate::error::io_ja(io)),
        Z::UnsupportedArchive(_) | Z::CompressionMethodNotSupported(_) | Z::InvalidPassword => {
            "この ZIP ファイルの形式（暗号化や圧縮方式）には対応していません。暗号化せず、通常の圧縮で作り直してください".into()
        }
        _ => "ZIP ファイルとして読めません（壊れているか、ZIP ファイルではありません）".into(),
    };
    Text::new(ja, format!("not a readable zip file ({detail})"))
}

/// The folder inside the zip that holds `questionnaire.toml`: the zip's top (`""`) or one
/// folder (`"<name>/"`), as zipping a folder makes.
fn folder_prefix(name: &Path, names: &[(String, bool)]) -> Result<String, ModelError> {
    if names.iter().any(|(n, _)| n == QUESTIONNAIRE_FILE) {
        return Ok(String::new());
    }
    let tops: Vec<&str> = names
        .iter()
        .filter_map(|(n, _)| n.strip_suffix(&format!("/{QUESTIONNAIRE_FILE}")))
        .filter(|top| !top.contains('/'))
        .collect();
    match tops.as_slice() {
        [top] => Ok(format!("{top}/")),
        _ => Err(refuse(
            name,
            bi!(
                "パッケージの最上位（またはその中の一つのフォルダ）に questionnaire.toml がありません",
                "there is no questionnaire.toml at the top of the package (or in its one folder)"
            ),
        )),
    }
}

/// Reads a file's bytes as the loader reads a file: UTF-8, a byte-order mark dropped.
fn source(path: PathBuf, bytes: &[u8]) -> Result<SourceFile, Problem> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            path,
            text: text.to_string(),
        }),
        Err(e) => {
            let file = SourceFile {
                path,
                text: String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
            };
            Err(file.problem_at(
                e.valid_up_to(),
                bi!(
                    "ファイルが UTF-8 として正しくありません",
                    "the file is not valid UTF-8"
                ),
            ))
        }
    }
}

/// Checks a package's bytes (`name` labels every problem, e.g. `survey.zip`): its size, its
/// entries (only `questionnaire.toml`, `benchmark.toml`, `benchmarks/*.toml` and `demo.json`,
/// at the top or in one folder; no links, no path leading out), then validates the
/// questionnaire and its benchmarks exactly as `csirt validate` does, every problem with its
/// file and line, and the demo against the questionnaire.
pub fn read_package(name: &Path, bytes: &[u8]) -> Result<Package, ModelError> {
    if bytes.len() as u64 > MAX_PACKAGE_BYTES {
        let mb = MAX_PACKAGE_BYTES / (1024 * 1024);
        return Err(refuse(
            name,
            bi!(
                "パッケージが大きすぎます（上限は {mb} MB です）",
                "the package is too large (at most {mb} MB)"
            ),
        ));
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad_zip(name, &e))?;
    let names = entry_names(name, &mut archive)?;
    let prefix = folder_prefix(name, &names)?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total = 0u64;
    for (i, (raw, is_dir)) in names.iter().enumerate() {
        let at = name.join(raw);
        let Some(rest) = raw.strip_prefix(&prefix) else {
            return Err(refuse(
                &at,
                bi!(
                    "質問票のフォルダの外にあるファイルは受け付けません",
                    "an entry outside the questionnaire folder is not accepted"
                ),
            ));
        };
        if *is_dir {
            if rest.is_empty() || rest == format!("{BENCHMARKS_DIR}/") {
                continue;
            }
            return Err(refuse(
                &at,
                bi!(
                    "このフォルダは受け付けません（受け付けるのは benchmarks/ だけです）",
                    "this folder is not accepted (only benchmarks/ is)"
                ),
            ));
        }
        if !is_allowed_file(rest) {
            return Err(refuse(
                &at,
                bi!(
                    "このファイルは受け付けません（受け付けるのは questionnaire.toml、benchmark.toml、benchmarks/*.toml、demo.json です）",
                    "this file is not accepted (only questionnaire.toml, benchmark.toml, benchmarks/*.toml and demo.json are)"
                ),
            ));
        }
        let entry = archive.by_index(i).map_err(|e| bad_zip(&at, &e))?;
        let mut content = Vec::new();
        entry
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut content)
            .map_err(|e| {
                let detail = e.to_string();
                refuse(
                    &at,
                    bi!(
                        "展開できません（{detail}）",
                        "cannot be unpacked ({detail})"
                    ),
                )
            })?;
        total += content.len() as u64;
        if content.len() as u64 > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES {
            let (each, all) = (MAX_ENTRY_BYTES / 1048576, MAX_TOTAL_BYTES / 1048576);
            return Err(refuse(
                &at,
                bi!(
                    "展開すると大きすぎます（1 ファイル {each} MB、合計 {all} MB まで）",
                    "too large when unpacked (at most {each} MB a file, {all} MB in all)"
                ),
            ));
        }
        files.push((rest.to_string(), content));
    }
    let set = compile(name, &files)?;
    Ok(Package { set, files })
}

/// Validates the package's files as the loader validates a folder.
fn compile(name: &Path, files: &[(String, Vec<u8>)]) -> Result<QuestionnaireSet, ModelError> {
    let mut problems = Vec::new();
    let mut read = |rest: &str, bytes: &[u8]| match source(name.join(rest), bytes) {
        Ok(f) => Some(f),
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let q_file = files
        .iter()
        .find(|(r, _)| r == QUESTIONNAIRE_FILE)
        .and_then(|(r, b)| read(r, b));
    // The default benchmark first, then benchmarks/*.toml by name, as a folder loads.
    let mut b_entries: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(r, _)| r.starts_with(&format!("{BENCHMARKS_DIR}/")))
        .collect();
    b_entries.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(default) = files.iter().find(|(r, _)| r == BENCHMARK_FILE) {
        b_entries.insert(0, default);
    }
    let b_files: Vec<SourceFile> = b_entries.iter().filter_map(|(r, b)| read(r, b)).collect();
    let demo = files.iter().find(|(r, _)| r == DEMO_FILE);
    let Some(q_file) = q_file else {
        return Err(ModelError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(ModelError::Invalid(problems));
    }
    let (q, benchmarks) = compile_pair(&q_file, &b_files)?;
    let set = QuestionnaireSet::new(q, entries(benchmarks, &b_files, Origin::Folder, true), None);
    if let Some((rest, bytes)) = demo {
        let checked = assessment::parse(bytes)
            .and_then(|a| assessment::validate_against(&a, &set.questionnaire));
        if let Err(e) = checked {
            let file = name.join(rest);
            let lines = |lang| e.problem_lines(lang);
            return Err(ModelError::Invalid(
                lines(crate::Lang::Ja)
                    .into_iter()
                    .zip(lines(crate::Lang::En))
                    .map(|(ja, en)| Problem {
                        file: file.clone(),
                        line: 0,
                        message: Text { ja, en },
                    })
                    .collect(),
            ));
        }
    }
    Ok(set)
}

fn random_suffix() -> String {
    let mut bytes = [0u8; 8];
    // Only a name for a scratch folder: the time will do when the system has no randomness.
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        return format!("{nanos:x}");
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_err(path: &Path) -> impl Fn(std::io::Error) -> ModelError + '_ {
    move |source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Installs a package into `root` (the packages' folder) as `root/<id>/`, and returns the
/// questionnaire as loaded from there. Refused, naming both, when its id is a built-in
/// questionnaire's or one the catalog already has (an installed package or a folder), or when
/// `root/<id>` already exists. Atomic: the files are written into a scratch folder that is
/// renamed into place only when complete; a failure leaves nothing behind.
pub fn install(
    root: &Path,
    catalog: &Catalog,
    name: &Path,
    bytes: &[u8],
) -> Result<QuestionnaireSet, ModelError> {
    let package = read_package(name, bytes)?;
    let q = &package.set.questionnaire;
    let taken = |other: Option<PathBuf>, other_version: String| {
        ModelError::IdTaken(Box::new(IdClash {
            id: q.id.clone(),
            version: q.version.clone(),
            path: name.to_path_buf(),
            other,
            other_version,
        }))
    };
    if let Some(set) = catalog.sets.iter().find(|s| s.questionnaire.id == q.id) {
        let other = set.dir.clone();
        return Err(taken(other, set.questionnaire.version.clone()));
    }
    if is_builtin_id(&q.id) {
        return Err(taken(None, "-".into()));
    }
    if !is_plain_name(&q.id) {
        let id = &q.id;
        return Err(refuse(
            name,
            bi!(
                "質問票の id {id:?} はフォルダ名に使えません（英数字と . _ - だけにしてください）",
                "the questionnaire id {id:?} cannot name a folder (use letters, digits, . _ - only)"
            ),
        ));
    }
    let target = root.join(&q.id);
    if target.exists() {
        let version = load_dir(&target)
            .map(|s| s.questionnaire.version.clone())
            .unwrap_or_else(|_| "?".into());
        return Err(taken(Some(target), version));
    }
    std::fs::create_dir_all(root).map_err(write_err(root))?;
    let scratch = root.join(format!(".{}.partial-{}", q.id, random_suffix()));
    let written = write_files(&scratch, &package.files)
        .and_then(|()| std::fs::rename(&scratch, &target).map_err(write_err(&target)));
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&scratch);
        return Err(e);
    }
    load_dir(&target).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(&target);
    })
}

fn write_files(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), ModelError> {
    std::fs::create_dir(dir).map_err(write_err(dir))?;
    for (rest, bytes) in files {
        let path = dir.join(rest);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_err(parent))?;
        }
        std::fs::write(&path, bytes).map_err(write_err(&path))?;
    }
    Ok(())
}

/// Removes the installed package `id` from `root`. A built-in questionnaire, or one read from a
/// folder elsewhere, is refused. Whether an assessment still uses it is the caller's check
/// (`csirt_usecase::questionnaires::remove`), made before this. The folder is first renamed
/// aside, so the package is gone at once even if deleting its files fails halfway.
pub fn uninstall(root: &Path, catalog: &Catalog, id: &str) -> Result<PathBuf, ModelError> {
    if is_builtin_id(id) {
        return Err(ModelError::NotAPackage {
            id: id.to_string(),
            dir: None,
        });
    }
    let target = root.join(id);
    if let Ok(set) = catalog.get(id) {
        if set.dir.as_deref() != Some(target.as_path()) {
            return Err(ModelError::NotAPackage {
                id: id.to_string(),
                dir: set.dir.clone(),
            });
        }
    }
    if !is_plain_name(id) || !target.join(QUESTIONNAIRE_FILE).is_file() {
        return Err(ModelError::UnknownQuestionnaire(id.to_string()));
    }
    let aside = root.join(format!(".{id}.removing-{}", random_suffix()));
    std::fs::rename(&target, &aside).map_err(write_err(&target))?;
    std::fs::remove_dir_all(&aside).map_err(write_err(&aside))?;
    Ok(target)
}

/// One questionnaire as the package list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Listed {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub items: usize,
    /// Shipped inside the program.
    pub builtin: bool,
    /// Installed from a package (so it can be removed).
    pub package: bool,
    /// The folder it was read from; `None` for a built-in one.
    pub dir: Option<PathBuf>,
    /// Its benchmarks' ids, the default first.
    pub benchmarks: Vec<String>,
}

/// Every questionnaire of the catalog, built-in ones first, each marked built in or installed
/// from a package in `root`.
pub fn list(catalog: &Catalog, root: &Path) -> Vec<Listed> {
    catalog
        .sets
        .iter()
        .map(|s| {
            let q = &s.questionnaire;
            Listed {
                id: q.id.clone(),
                version: q.version.clone(),
                title: q.title.clone(),
                items: q.items.len(),
                builtin: s.dir.is_none() && is_builtin_id(&q.id),
                package: s.dir.as_deref().and_then(Path::parent) == Some(root),
                dir: s.dir.clone(),
                benchmarks: s
                    .benchmarks
                    .iter()
                    .map(|b| b.benchmark.id.clone())
                    .collect(),
            }
        })
        .collect()
}

impl Catalog {
    /// Adds every installed package under `root` (one folder per id; scratch folders, whose
    /// names start with a dot, are skipped). A package that fails validation, or whose id the
    /// catalog already has, is returned with its problem and left out. A missing folder adds
    /// nothing.
    pub fn add_packages(&mut self, root: &Path) -> Result<Vec<(PathBuf, ModelError)>, ModelError> {
        if !root.is_dir() {
            return Ok(Vec::new());
        }
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
            .map_err(write_err(root))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with('.'))
                    && p.join(QUESTIONNAIRE_FILE).is_file()
            })
            .collect();
        dirs.sort();
        let mut failures = Vec::new();
        for dir in dirs {
            let set = match load_dir(&dir) {
                Ok(set) => set,
                Err(e) => {
                    failures.push((dir, e));
                    continue;
                }
            };
            let q = &set.questionnaire;
            if is_builtin_id(&q.id) {
                let e = ModelError::ShadowsBuiltin {
                    id: q.id.clone(),
                    dir: dir.clone(),
                };
                failures.push((dir, e));
            } else if let Ok(other) = self.get(&q.id) {
                let e = ModelError::DuplicateId {
                    id: q.id.clone(),
                    dir: dir.clone(),
                    version: q.version.clone(),
                    other: other.dir.clone().unwrap_or_default(),
                    other_version: other.questionnaire.version.clone(),
                };
                failures.push((dir, e));
            } else {
                self.sets.push(set);
            }
        }
        Ok(failures)
    }

    /// The catalog with one more questionnaire (a package just installed).
    pub fn with(&self, set: QuestionnaireSet) -> Catalog {
        let mut c = self.clone();
        c.sets.push(set);
        c
    }

    /// The catalog without the questionnaire `id` (a package just removed).
    pub fn without(&self, id: &str) -> Catalog {
        let mut c = self.clone();
        c.sets.retain(|s| s.questionnaire.id != id);
        c
    }
}
