//! `csirt --version` (and `-V`): the version, every questionnaire and benchmark with its
//! version, and the licences, in the language of `--lang` (the app's About box shows the same).

use csirt_model::about::About;
use csirt_model::{Catalog, Lang, Localized};
use std::process::ExitCode;

/// Prints the version text. Extra questionnaire folders come from $CSIRT_QUESTIONNAIRES only
/// (the other options are not parsed when the version is asked for); one that fails validation
/// is left out, as everywhere else.
pub(crate) fn print(lang: Lang) -> ExitCode {
    let extra = std::env::var_os("CSIRT_QUESTIONNAIRES")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from);
    match Catalog::load(extra.as_deref()) {
        Ok((catalog, _)) => {
            print!(
                "{}",
                About::of(&catalog, csirt_report::fonts::licences()).text(lang)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let label = match lang {
                Lang::Ja => "エラー",
                Lang::En => "error",
            };
            eprintln!("{label}: {}", e.localized(lang));
            ExitCode::FAILURE
        }
    }
}
