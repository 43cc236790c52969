//! An export in two stages: what it needs is read from the store under its lock, and the slow
//! part (scoring, the report, the sealing's scrypt, CSV and XLSX) runs on that owned data after
//! the lock is released, so an answer saved meanwhile does not wait behind it. Reports go the
//! use-case layer's one path (`csirt_usecase::report`), as the command line's do.

use crate::error::AppError;
use crate::files;
use crate::state::AppState;
use crate::view::{self, ViewData};
use crate::wire::{ExportFormat, ExportInput};
use csirt_model::{Catalog, Lang};
use csirt_report::ReportOptions;
use csirt_store::Store;

/// What an export is made from, read from the store.
pub enum Read {
    /// A report: the assessment with its workshop, remembered benchmark and history.
    Report(csirt_usecase::ReportData),
    /// A data file (JSON, CSV, XLSX): the assessment; for JSON, with its workshop.
    Data(ViewData),
}

/// Everything an export is made from. Owns its data: the slow stage cannot reach the store
/// through it.
pub struct ExportData {
    pub format: ExportFormat,
    pub lang: Lang,
    pub passphrase: Option<String>,
    pub peers: bool,
    pub facilitator: String,
    /// The report's options, already checked.
    pub options: ReportOptions,
    pub read: Read,
}

/// The bytes of an export, the file name to offer for them, and the warnings (cells cut to
/// fit a spreadsheet), in the export's language.
pub struct ExportFile {
    pub bytes: Vec<u8>,
    pub name: String,
    pub warnings: Vec<String>,
}

/// The report format of an export format, `None` for the data files.
pub fn report_format(format: ExportFormat) -> Option<csirt_report::Format> {
    match format {
        ExportFormat::Pdf => Some(csirt_report::Format::Pdf),
        ExportFormat::Docx => Some(csirt_report::Format::Docx),
        ExportFormat::Json | ExportFormat::Csv | ExportFormat::Xlsx => None,
    }
}

/// The report options of an export: its preset and confidentiality line (checked by the
/// use-case layer) and the logo chosen beforehand.
pub fn options(
    input: &ExportInput,
    logo: Option<csirt_report::model::Logo>,
) -> Result<ReportOptions, AppError> {
    Ok(ReportOptions {
        sections: None,
        preset: input.preset.into(),
        logo: if input.logo { logo } else { None },
        confidentiality: input
            .confidentiality
            .as_deref()
            .map(csirt_usecase::options::confidentiality)
            .transpose()?,
    })
}

/// The fast stage, under the store's lock.
pub fn read(
    store: &mut Store,
    catalog: &Catalog,
    input: ExportInput,
    options: ReportOptions,
) -> Result<ExportData, AppError> {
    let id = input.assessment_id;
    let read = if report_format(input.format).is_some() {
        Read::Report(csirt_usecase::report::read(store, catalog, id)?)
    } else {
        let mut view = view::read(store, catalog, id)?;
        if input.format == ExportFormat::Json {
            // The file carries the workshop too, so importing it elsewhere loses nobody's answers.
            let set = catalog.get(&view.row.questionnaire_id)?;
            view.assessment = store.export_assessment(&set.questionnaire, id)?;
        }
        Read::Data(view)
    };
    Ok(ExportData {
        format: input.format,
        lang: input.language.into(),
        passphrase: input.passphrase,
        peers: input.peers,
        facilitator: input.facilitator,
        options,
        read,
    })
}

/// The slow stage, with the store released: scores, renders and seals.
pub fn make(data: ExportData, catalog: &Catalog) -> Result<ExportFile, AppError> {
    let (bytes, row, warnings) = match (data.read, report_format(data.format)) {
        (Read::Report(r), Some(format)) => {
            let req = csirt_usecase::ReportRequest {
                lang: data.lang,
                options: &data.options,
                format,
                created: csirt_report::now_unix(),
                facilitator: &data.facilitator,
                peers: data.peers,
            };
            let benchmark = csirt_usecase::BenchmarkUse::RememberedOrDefault;
            let bytes = csirt_usecase::report::render(&r, catalog, &benchmark, &req)?;
            (bytes, r.row, Vec::new())
        }
        (Read::Report(r), None) => {
            // Not reached: `read` reads a report only for a report format.
            return Err(AppError::Task(format!(
                "a report was read for a {:?} export of assessment {}",
                data.format, r.row.id
            )));
        }
        (Read::Data(v), _) => {
            let set = catalog.get(&v.row.questionnaire_id)?;
            let v = view::score(v, catalog)?;
            let out = files::render(data.format, set, &v, data.lang, data.passphrase.as_deref())?;
            let warnings = out
                .warnings
                .iter()
                .map(|w| w.get(data.lang).to_string())
                .collect();
            (out.bytes, v.row, warnings)
        }
    };
    let name = files::suggested_name(&row, data.format, data.lang);
    let name = if data.passphrase.is_some() {
        files::encrypted_name(&name)
    } else {
        name
    };
    Ok(ExportFile {
        bytes,
        name,
        warnings,
    })
}

/// Runs an export's two stages: `read` under the lock, then `slow` (in the app, [`make`]) after
/// it is released.
pub async fn run<W>(
    state: &AppState,
    input: ExportInput,
    options: ReportOptions,
    slow: W,
) -> Result<ExportFile, AppError>
where
    W: FnOnce(ExportData, &Catalog) -> Result<ExportFile, AppError> + Send + 'static,
{
    state
        .read_then(move |s, c| read(s, c, input, options), slow)
        .await
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
            preset: crate::wire::ReportPreset::Full,
            confidentiality: None,
            logo: false,
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
                tauri::async_runtime::block_on(run(
                    &state,
                    sealed_json(id),
                    ReportOptions::default(),
                    move |d, c| {
                        started_tx.send(()).unwrap();
                        release_rx.recv().unwrap();
                        make(d, c)
                    },
                ))
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
                let file = tauri::async_runtime::block_on(run(
                    &state,
                    sealed_json(id),
                    ReportOptions::default(),
                    make,
                ));
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

    /// A report export goes the use-case layer's path with the options given; a confidentiality
    /// line too long is refused before anything is read, in either language.
    #[test]
    fn a_report_export_takes_its_options_and_refuses_bad_ones() {
        let (_dir, state, id) = state();
        let mut input = sealed_json(id);
        input.format = ExportFormat::Pdf;
        input.passphrase = None;
        input.preset = crate::wire::ReportPreset::Board;
        input.confidentiality = Some(" 社外秘 ".into());
        let chosen = super::options(&input, None).unwrap();
        assert_eq!(chosen.preset, csirt_report::Preset::Board);
        assert_eq!(chosen.confidentiality.as_deref(), Some("社外秘"));
        let file =
            tauri::async_runtime::block_on(run(&state, input.clone(), chosen, make)).unwrap();
        assert!(file.bytes.starts_with(b"%PDF"), "not a PDF");
        assert!(file.name.ends_with("-ja.pdf"), "{}", file.name);

        input.confidentiality = Some("x".repeat(201));
        let e = super::options(&input, None).unwrap_err();
        assert_eq!(e.kind(), crate::wire::ErrorKind::InvalidInput);
        use csirt_model::Localized;
        assert!(e.localized(Lang::Ja).contains("200 文字"), "{e}");
        assert!(e.localized(Lang::En).contains("200 characters"), "{e}");
    }
}
