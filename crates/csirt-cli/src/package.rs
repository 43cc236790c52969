//! `csirt questionnaire list|import|remove`: the questionnaires built in and the packages
//! installed beside the database (the same folder the app uses), through `csirt-usecase`.

use crate::{print_json, read_file, CliError};
use csirt_model::package::packages_dir;
use csirt_model::{Catalog, Lang, Text};
use csirt_store::Store;
use std::io::Write;
use std::path::Path;

/// Every questionnaire with its version; `builtin` and `package` say where it comes from.
pub fn list(
    out: &mut impl Write,
    catalog: &Catalog,
    db: &Path,
    lang: Lang,
    json: bool,
) -> Result<(), CliError> {
    let listed = csirt_usecase::questionnaires::list(catalog, &packages_dir(db));
    if json {
        return print_json(out, &listed);
    }
    for l in &listed {
        let origin = match (l.builtin, l.package) {
            (true, _) => Text::new("組み込み", "built in"),
            (_, true) => Text::new("パッケージ", "package"),
            _ => Text::new("フォルダ", "folder"),
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            l.id,
            l.version,
            origin.get(lang),
            l.title.get(lang)
        )?;
    }
    Ok(())
}

/// Installs a package zip beside the database, after checking and validating it.
pub fn import(
    out: &mut impl Write,
    catalog: &Catalog,
    db: &Path,
    file: &Path,
    lang: Lang,
) -> Result<(), CliError> {
    let bytes = read_file(file)?;
    let (_, set) =
        csirt_usecase::questionnaires::install(catalog, &packages_dir(db), file, &bytes)?;
    let q = &set.questionnaire;
    let (id, version) = (&q.id, &q.version);
    let dir = set
        .dir
        .as_deref()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let done = csirt_model::bi!(
        "質問票 {id}（版 {version}）をインストールしました: {dir}",
        "installed questionnaire {id} (version {version}): {dir}"
    );
    writeln!(out, "{}", done.get(lang))?;
    Ok(())
}

/// Removes an installed package when no stored assessment uses it.
pub fn remove(
    out: &mut impl Write,
    catalog: &Catalog,
    db: &Path,
    id: &str,
    lang: Lang,
) -> Result<(), CliError> {
    let store = Store::open(db)?;
    let (_, dir) = csirt_usecase::questionnaires::remove(&store, catalog, &packages_dir(db), id)?;
    let dir = dir.display().to_string();
    let done = csirt_model::bi!(
        "質問票 {id} を削除しました: {dir}",
        "removed questionnaire {id}: {dir}"
    );
    writeln!(out, "{}", done.get(lang))?;
    Ok(())
}
