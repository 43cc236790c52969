//! `csirt assessment new --prefill-from <id>` and `csirt assessment confirm`: an assessment
//! started from another questionnaire's assessment of the same organisation, and its derived
//! answers confirmed, through `csirt_usecase::prefill` and the store.

use crate::{print_json, CliError};
use csirt_model::{bi, Catalog, Lang};
use csirt_store::Store;
use std::io::Write;
use std::path::Path;

/// Starts the prefilled assessment and prints its id (or, with `json`, the id and every derived
/// answer with its sources and reason). `what` is (organisation, questionnaire, date, source).
pub fn new_prefilled(
    path: &Path,
    catalog: &Catalog,
    lang: Lang,
    what: (i64, &str, Option<&str>, i64),
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (org, questionnaire, date, from) = what;
    let mut store = Store::open(path)?;
    let made = csirt_usecase::prefill::start_prefilled(
        &mut store,
        catalog,
        org,
        questionnaire,
        date,
        lang,
        from,
    )?;
    if json {
        print_json(out, &made)?;
    } else {
        writeln!(out, "{}", made.assessment_id)?;
        let n = made.derived.len();
        let note = bi!(
            "{n} 件の回答を導出しました。確認するまで「導出」と表示されます（csirt assessment confirm）",
            "{n} answers derived; they are marked as derived until confirmed (csirt assessment confirm)"
        );
        eprintln!("{}", note.get(lang));
    }
    Ok(())
}

/// Confirms one derived answer, or all of them, and says how many.
pub fn confirm(
    path: &Path,
    catalog: &Catalog,
    id: i64,
    item: Option<&str>,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut store = Store::open(path)?;
    let row = store.assessment(id)?;
    let q = &catalog.get(&row.questionnaire_id)?.questionnaire;
    let n = store.confirm_derived(q, id, item)?;
    let note = bi!(
        "{n} 件の導出された回答を確認しました",
        "{n} derived answers confirmed"
    );
    writeln!(out, "{}", note.get(lang))?;
    Ok(())
}
