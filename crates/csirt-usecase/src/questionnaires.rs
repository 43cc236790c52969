//! The questionnaires the user installs as packages: install, list and remove, shared by the
//! `csirt questionnaire` commands and the app's Questionnaires screen. Removal is refused while a
//! stored assessment uses the questionnaire, naming those assessments.

use crate::{Result, UsecaseError};
use csirt_model::package::{self, Listed};
use csirt_model::{Catalog, QuestionnaireSet};
use csirt_store::Store;
use std::path::{Path, PathBuf};

/// Installs the package `bytes` (named `name` in every message) into `root`, checked and
/// validated first; returns the catalog with it and the questionnaire as installed.
pub fn install(
    catalog: &Catalog,
    root: &Path,
    name: &Path,
    bytes: &[u8],
) -> Result<(Catalog, QuestionnaireSet)> {
    let set = package::install(root, catalog, name, bytes)?;
    Ok((catalog.with(set.clone()), set))
}

/// Every questionnaire, built in or installed, with its version.
pub fn list(catalog: &Catalog, root: &Path) -> Vec<Listed> {
    package::list(catalog, root)
}

/// Removes the installed package `id` from `root` when no stored assessment uses it; returns
/// the catalog without it and the folder removed. Call under the store's lock, so no
/// assessment of it is created meanwhile.
pub fn remove(
    store: &Store,
    catalog: &Catalog,
    root: &Path,
    id: &str,
) -> Result<(Catalog, PathBuf)> {
    let users: Vec<String> = store
        .list_assessments(None)?
        .into_iter()
        .filter(|a| a.questionnaire_id == id)
        .map(|a| format!("{} {} (#{})", a.organisation_name, a.date, a.id))
        .collect();
    if !users.is_empty() {
        return Err(UsecaseError::QuestionnaireInUse {
            id: id.to_string(),
            assessments: users,
        });
    }
    let dir = package::uninstall(root, catalog, id)?;
    Ok((catalog.without(id), dir))
}
