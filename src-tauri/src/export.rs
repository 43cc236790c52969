//! An export in two stages: what it needs is read from the store under its lock, and the slow
//! part (scoring, the PDF, the sealing's scrypt, CSV and XLSX) runs on that owned data after
//! the lock is released, so an answer saved meanwhile does not wait behind it.

use crate::error::AppError;
use crate::files;
use crate::state::AppState;
use crate::view::{self, ViewData};
use crate::wire::{ExportFormat, ExportInput};
use csirt_model::{Catalog, Lang};
use csirt_store::{ReportContext, Store};

/// Everything an export is made from, read from the store. Owns its data: the slow stage
/// cannot reach the store through it.
pub struct ExportData {
    pub format: ExportFormat,
    pub lang: Lang,
    pub passphrase: Option<String>,
    pub peers: bool,
    /// The assessment to write; for JSON, with its workshop.
    pub view: ViewData,
    /// The report's workshop appendix and trend page.
    pub context: ReportContext,
}

/// The bytes of an export, the file name to offer for them, and the warnings (cells cut to
/// fit a spreadsheet), in the export's language.
pub struct ExportFile {
    pub bytes: Vec<u8>,
    pub name: String,
    pub warnings: Vec<String>,
}

/// The fast stage, under the store's lock: reads the assessment, its workshop and the report's
/// extras.
pub fn read(
    store: &mut Store,
    catalog: &Catalog,
    input: ExportInput,
) -> Result<ExportData, AppError> {
    let mut view = view::read(store, catalog, input.assessment_id)?;
    if input.format == ExportFormat::Json {
        // The file carries the workshop too, so importing it elsewhere loses nobody's answers.
        let set = catalog.get(&view.row.questionnaire_id)?;
        view.assessment = store.export_assessment(&set.questionnaire, input.assessment_id)?;
    }
    let context = store.report_context(catalog, input.assessment_id, &input.facilitator)?;
    Ok(ExportData {
        format: input.format,
        lang: input.language.into(),
        passphrase: input.passphrase,
        peers: input.peers,
        view,
        context,
    })
}

/// The slow stage, with the store released: scores, renders and seals.
pub fn make(data: ExportData, catalog: &Catalog) -> Result<ExportFile, AppError> {
    let set = catalog.get(&data.view.row.questionnaire_id)?;
    let v = view::score(data.view, catalog)?;
    let peers = match (data.format, data.peers) {
        (ExportFormat::Pdf, true) => Some(view::peers_of(catalog, &v)?),
        _ => None,
    };
    let extras = files::ExportExtras {
        context: &data.context,
        peers: peers.as_deref(),
        passphrase: data.passphrase.as_deref(),
    };
    let out = files::render(data.format, set, &v, data.lang, &extras)?;
    let warnings = out
        .warnings
        .iter()
        .map(|w| w.get(data.lang).to_string())
        .collect();
    let name = files::suggested_name(&v, data.format, data.lang);
    let name = if data.passphrase.is_some() {
        files::encrypted_name(&name)
    } else {
        name
    };
    Ok(ExportFile {
        bytes: out.bytes,
        name,
        warnings,
    })
}

/// Runs an export's two stages: `read` under the lock, then `slow` (in the app, [`make`]) after
/// it is released.
pub async fn run<W>(state: &AppState, input: ExportInput, slow: W) -> Result<ExportFile, AppError>
where
    W: FnOnce(ExportData, &Catalog) -> Result<ExportFile, AppError> + Send + 'static,
{
    state.read_then(move |s, c| read(s, c, input), slow).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::TestHooks;
    use crate::wire::Lang as WireLang;
    use std::sync::mpsc;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    fn state() -> (tempfile::TempDir, Arc<AppState>, i64) {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::load(None).unwrap();
        let state = AppState::open(
            dir.path().join("app.sqlite3"),
            catalog,
            TestHooks::default(),
        );
        let id = tauri::async_runtime::block_on(
            state.with_store(|s, _| Ok(s.list_assessments(None)?[0].id)),
        )
        .unwrap();
        (dir, Arc::new(state), id)
    }

    fn sealed_json(id: i64) -> ExportInput {
        ExportInput {
            assessment_id: id,
            format: ExportFormat::Json,
            language: WireLang::Ja,
            passphrase: Some("correct horse".into()),
            peers: false,
            facilitator: "進行役".into(),
        }
    }

    /// Saves answer `key` to item 4.1 through the store, as `save_answer` does.
    fn save(state: &AppState, id: i64, key: &'static str) -> Result<(), AppError> {
        tauri::async_runtime::block_on(state.with_store(move |s, c| {
            let row = s.assessment(id)?;
            let q = c.get(&row.questionnaire_id)?.questionnaire.clone();
            let answer = csirt_model::Answer::Text(key.into());
            s.save_answer(&q, id, None, "4.1", &answer, None)?;
            Ok(())
        }))
    }

    fn answer_41(bytes: &[u8]) -> String {
        let plain = csirt_export::encrypt::decrypt(bytes, "correct horse").unwrap();
        let a = csirt_model::assessment::parse(&plain).unwrap();
        let (_, answer) = a.answers.0.iter().find(|(k, _)| k == "4.1").unwrap();
        serde_json::to_string(answer).unwrap()
    }

    /// The export's slow stage is held open; an answer saved meanwhile goes through, and the
    /// export, released afterwards, writes what was read before the save.
    #[test]
    fn a_save_goes_through_while_the_slow_stage_of_an_export_runs() {
        let (_dir, state, id) = state();
        save(&state, id, "b").unwrap();
        let (started_tx, started) = mpsc::channel();
        let (release, release_rx) = mpsc::channel::<()>();
        let exporter = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                tauri::async_runtime::block_on(run(&state, sealed_json(id), move |d, c| {
                    started_tx.send(()).unwrap();
                    release_rx.recv().unwrap();
                    make(d, c)
                }))
            })
        };
        started.recv_timeout(Duration::from_secs(60)).unwrap();

        let (saved_tx, saved) = mpsc::channel();
        let saver = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || saved_tx.send(save(&state, id, "d")).unwrap())
        };
        let result = saved.recv_timeout(Duration::from_secs(10));
        // Release the export before asserting, so a failure does not leave a thread blocked.
        release.send(()).unwrap();
        let file = exporter.join().unwrap().unwrap();
        saver.join().unwrap();
        result
            .expect("the save waited for the export: the store was held during its slow stage")
            .unwrap();
        assert!(file.name.ends_with(".csirt.age"), "{}", file.name);
        assert_eq!(answer_41(&file.bytes), "\"b\"");
    }

    /// With the real slow stage (scrypt at the default work factor), a save issued while the
    /// export runs returns long before the export does.
    #[test]
    fn a_save_during_a_sealed_export_does_not_wait_for_scrypt() {
        let (_dir, state, id) = state();
        let exporter = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                let file = tauri::async_runtime::block_on(run(&state, sealed_json(id), make));
                (file, Instant::now())
            })
        };
        // Long enough for the export to have read its data and to be sealing.
        std::thread::sleep(Duration::from_millis(150));
        let t0 = Instant::now();
        save(&state, id, "e").unwrap();
        let saved_at = Instant::now();
        let save_took = saved_at - t0;
        let (file, exported_at) = exporter.join().unwrap();
        file.unwrap();
        assert!(
            saved_at < exported_at,
            "the save ({save_took:?}) finished after the export: it waited for the sealing"
        );
    }
}
