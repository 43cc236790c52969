//! The workshop's respondents' files imported several at once: each file read and checked on
//! its own, named after its file, and added in its own transaction, so one bad file never
//! stops the others.

use crate::{Result, UsecaseError};
use csirt_model::{bi, Assessment, Catalog};
use csirt_store::Store;

/// The respondent's name a file gives: its name without the folder and without the
/// extensions the app writes (`.age`, then `.csirt` or `.json`), e.g. `Aoki.csirt.age` → `Aoki`.
/// The store still checks it as it checks every name.
pub fn respondent_name(file_name: &str) -> String {
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .trim();
    let mut name = base;
    for ext in [".age", ".csirt", ".json"] {
        if name.len() > ext.len() && name.to_ascii_lowercase().ends_with(ext) {
            name = &name[..name.len() - ext.len()];
        }
    }
    name.trim().to_string()
}

/// One respondent's file, read and checked with no store at hand: parsed and validated against
/// its questionnaire. An encrypted file is refused here: it needs its passphrase, so it is
/// imported on its own.
pub fn read_respondent_file(
    catalog: &Catalog,
    file_name: &str,
    bytes: &[u8],
) -> Result<Assessment> {
    if bytes.starts_with(b"age-encryption.org/") {
        return Err(UsecaseError::File(bi!(
            "{file_name}: 暗号化されたファイルはパスフレーズが必要なため、まとめて取り込めません。1 つずつ取り込んでください",
            "{file_name}: an encrypted file needs its passphrase and cannot be imported with others; import it on its own"
        )));
    }
    let a = csirt_model::assessment::parse(bytes)?;
    csirt_model::assessment::validate(&a, catalog)?;
    Ok(a)
}

/// Adds one checked file's answers as a new respondent named `name` of an assessment, in one
/// transaction (the store's [`Store::import_as_respondent`]: a name already there is refused,
/// so nobody is counted twice). Returns the respondent's id.
pub fn import_respondent(
    store: &mut Store,
    catalog: &Catalog,
    assessment_id: i64,
    name: &str,
    a: &Assessment,
) -> Result<i64> {
    let set = catalog.get(&a.questionnaire)?;
    Ok(store.import_as_respondent(&set.questionnaire, assessment_id, name, None, a)?)
}

/// What became of one file of a bulk import.
#[derive(Debug)]
pub struct FileOutcome {
    /// The file's name, as chosen.
    pub file: String,
    /// The respondent's name taken from it.
    pub name: String,
    /// The new respondent's id, or why the file was refused (nothing of it was written).
    pub result: Result<i64>,
}

/// Several respondents' files at once: each read, named and imported on its own (one
/// transaction per file); every refusal is kept with its file, the rest are imported.
pub fn import_respondents(
    store: &mut Store,
    catalog: &Catalog,
    assessment_id: i64,
    files: &[(String, Vec<u8>)],
) -> Vec<FileOutcome> {
    files
        .iter()
        .map(|(file, bytes)| {
            let name = respondent_name(file);
            let result = read_respondent_file(catalog, file, bytes)
                .and_then(|a| import_respondent(store, catalog, assessment_id, &name, &a));
            FileOutcome {
                file: file.clone(),
                name,
                result,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_the_file_name_without_the_apps_extensions() {
        assert_eq!(respondent_name("/tmp/x/Aoki.csirt"), "Aoki");
        assert_eq!(
            respondent_name("C:\\w\\Baba Ichiro.csirt.age"),
            "Baba Ichiro"
        );
        assert_eq!(respondent_name("青木.json"), "青木");
        assert_eq!(respondent_name("notes.txt"), "notes.txt");
        assert_eq!(respondent_name(".csirt"), ".csirt");
    }
}
