//! The `csirt assessment` commands: new, list, show, answer, export and import, the workshop
//! (respondents, divergence, consensus), peers, the remembered benchmark, the report and status.

use super::{cell, chosen, default_respondent, passphrase, shown_date, warn_fit};
use super::{AssessmentCommand, ExportFormat};
use crate::{print_json, read_file, CliError};
use csirt_model::{bi, Answer, Catalog, Lang, Localized, Status};
use csirt_store::Store;
use std::io::Write;
use std::path::Path;

/// An answer typed on the command line, in the interchange notation.
fn parse_answer(value: &str) -> Result<Answer, CliError> {
    serde_json::from_str(value).map_err(|e| {
        CliError::BadValue(bi!(
            "{value:?} は JSON の回答ではありません（例: \"b\"、[\"a\",\"h\"]、7）",
            "{value:?} is not a JSON answer (\"b\", [\"a\",\"h\"], 7): {e}"
        ))
    })
}

fn write_output(output: Option<&Path>, bytes: &[u8], out: &mut impl Write) -> Result<(), CliError> {
    match output {
        Some(p) => std::fs::write(p, bytes).map_err(|source| CliError::WriteFile {
            path: p.to_path_buf(),
            source,
        })?,
        None => out.write_all(bytes)?,
    }
    Ok(())
}

pub fn assessment(
    cmd: AssessmentCommand,
    path: &Path,
    catalog: &Catalog,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match cmd {
        AssessmentCommand::New {
            org,
            questionnaire,
            date,
            prefill_from: Some(from),
            json,
        } => super::prefill::new_prefilled(
            path,
            catalog,
            lang,
            (org, &questionnaire, date.as_deref(), from),
            json,
            out,
        )?,
        AssessmentCommand::Confirm { id, item, all: _ } => {
            super::prefill::confirm(path, catalog, id, item.as_deref(), lang, out)?
        }
        AssessmentCommand::New {
            org,
            questionnaire,
            date,
            prefill_from: None,
            json,
        } => {
            let set = catalog.get(&questionnaire)?;
            let mut store = Store::open(path)?;
            let id = store.create_assessment(org, &set.questionnaire, date.as_deref(), lang)?;
            if json {
                print_json(out, &store.assessment(id)?)?;
            } else {
                writeln!(out, "{id}")?;
            }
        }
        AssessmentCommand::List { org, json } => {
            let store = Store::open(path)?;
            let rows = store.list_assessments(org)?;
            if json {
                print_json(out, &rows)?;
            } else {
                for a in rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        a.id,
                        shown_date(&a.date, lang),
                        cell(&a.organisation_name),
                        a.questionnaire_id,
                        a.status.label().get(lang),
                        a.answered
                    )?;
                }
            }
        }
        AssessmentCommand::Contribute { id, args } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            warn_fit(&store, q, id, lang)?;
            let a = store.load_assessment(q, id)?;
            crate::contribute::contribute(q, &a, &args, lang, out)?;
        }
        AssessmentCommand::Show { id, json } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let a = store.load_assessment(&set.questionnaire, id)?;
            warn_fit(&store, &set.questionnaire, id, lang)?;
            if json {
                print_json(out, &a)?;
            } else {
                writeln!(
                    out,
                    "{} — {} ({})",
                    cell(&a.organisation.name),
                    shown_date(&row.date, lang),
                    row.status.label().get(lang)
                )?;
                for item in set.questionnaire.answerable_items() {
                    let mut answer = a
                        .answers
                        .get(&item.id)
                        .map(|x| item.describe_answer(x, lang))
                        .unwrap_or_else(|| "—".to_string());
                    if let Some(d) = a.derived.as_ref().filter(|d| d.is_derived(&item.id)) {
                        answer = format!("{answer}  [{}]", d.label_in(lang));
                    }
                    writeln!(out, "{:<7} {answer}", item.id)?;
                }
            }
        }
        AssessmentCommand::Answer {
            id,
            item,
            value,
            respondent,
        } => {
            let answer = parse_answer(&value)?;
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            store.save_answer(&set.questionnaire, id, respondent, &item, &answer, None)?;
        }
        AssessmentCommand::Export {
            id,
            format,
            output,
            encrypt,
            passphrase_file,
            choice,
        } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let catalog = &chosen(&store, catalog, id, &row.questionnaire_id, &choice)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let q = &set.questionnaire;
            warn_fit(&store, q, id, lang)?;
            // The interchange file carries the workshop, if any, so that importing it elsewhere
            // loses nobody's answers (scoring ignores it); it is refused while stored answers
            // misfit the loaded questionnaire, as it could not be imported. CSV and XLSX are
            // read, not imported: they show what fits, after the warning.
            let a = match format {
                ExportFormat::Json => store.export_assessment(q, id)?,
                ExportFormat::Csv | ExportFormat::Xlsx => store.load_assessment(q, id)?,
            };
            let bytes = match format {
                ExportFormat::Json if encrypt => {
                    let pass = passphrase(passphrase_file.as_deref())?;
                    csirt_export::encrypt::encrypt(
                        format!("{}\n", a.to_json_pretty()).as_bytes(),
                        &pass,
                        csirt_export::encrypt::DEFAULT_WORK_FACTOR,
                    )?
                }
                _ if encrypt => {
                    return Err(CliError::BadValue(bi!(
                        "--encrypt は評価ファイル（--format json）にだけ使えます",
                        "--encrypt applies to the interchange file (--format json)"
                    )))
                }
                ExportFormat::Json => format!("{}\n", a.to_json_pretty()).into_bytes(),
                ExportFormat::Csv | ExportFormat::Xlsx => {
                    let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a)?;
                    let exported = match format {
                        ExportFormat::Csv => {
                            csirt_export::answers_csv_with_warnings(q, &a, &report, lang)?
                        }
                        _ => csirt_export::workbook_xlsx_with_warnings(q, &a, &report, lang)?,
                    };
                    // A cell cut to fit is marked in the file; say which, on stderr.
                    let label = csirt_model::Text::new("警告", "warning");
                    for w in &exported.warnings {
                        eprintln!("{}: {}", label.get(lang), w.get(lang));
                    }
                    exported.bytes
                }
            };
            write_output(output.as_deref(), &bytes, out)?;
        }
        AssessmentCommand::Import {
            file,
            org,
            into,
            respondent,
            role,
            replace,
            passphrase_file,
        } => {
            let mut bytes = read_file(&file)?;
            if csirt_export::encrypt::is_encrypted(&bytes) {
                let pass = passphrase(passphrase_file.as_deref()).map_err(|e| match e {
                    CliError::BadValue(t) => {
                        let p = file.display();
                        let (ja, en) = (&t.ja, &t.en);
                        CliError::BadValue(bi!(
                            "{p} は封印された（パスフレーズで暗号化された）ファイルです。{ja}",
                            "{p} is sealed (encrypted with a passphrase): {en}"
                        ))
                    }
                    other => other,
                })?;
                bytes = csirt_export::encrypt::decrypt(&bytes, &pass)?;
            }
            let a = csirt_model::assessment::parse(&bytes)?;
            csirt_model::assessment::validate(&a, catalog)?;
            let set = catalog.get(&a.questionnaire)?;
            // Answered on another version whose answers all fit: imported, and said so.
            if let Some(notice) = csirt_model::assessment::version_notice(&a, &set.questionnaire) {
                eprintln!("{}", notice.get(lang));
            }
            let mut store = Store::open(path)?;
            let id = match (into, respondent) {
                (Some(target), Some(name)) => store.import_respondent(
                    &set.questionnaire,
                    target,
                    &name,
                    role.as_deref(),
                    &a,
                    replace,
                )?,
                _ => store.import(&set.questionnaire, &a, org)?,
            };
            writeln!(out, "{id}")?;
        }
        AssessmentCommand::AddRespondent { id, name, role } => {
            let store = Store::open(path)?;
            writeln!(out, "{}", store.add_respondent(id, &name, role.as_deref())?)?;
        }
        AssessmentCommand::Respondents { id, json } => {
            let store = Store::open(path)?;
            let rows = store.list_respondents(id)?;
            if json {
                print_json(out, &rows)?;
            } else {
                for r in rows {
                    let name = if r.is_default {
                        default_respondent(lang).to_string()
                    } else {
                        r.name
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{}",
                        r.id,
                        cell(&name),
                        cell(&r.role.unwrap_or_default())
                    )?;
                }
            }
        }
        AssessmentCommand::RenameRespondent {
            id,
            respondent,
            name,
            role,
        } => {
            let mut store = Store::open(path)?;
            store.update_respondent(id, respondent, &name, role.as_deref())?;
        }
        AssessmentCommand::RemoveRespondent { id, respondent } => {
            let mut store = Store::open(path)?;
            store.delete_respondent(id, respondent)?;
        }
        AssessmentCommand::Divergence { id, json } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            let div = csirt_usecase::view::divergence(
                &store,
                &set.questionnaire,
                id,
                default_respondent(lang),
            )?;
            if json {
                print_json(out, &div)?;
            } else {
                for d in div.iter().filter(|d| d.disagreement > 0.0) {
                    let answers: Vec<String> =
                        d.answers.iter().map(|(w, a)| format!("{w}={a}")).collect();
                    // The spread of views and where the item stands, in words (as the app
                    // and the report say them).
                    writeln!(
                        out,
                        "{:.3}\t{}\t{}\t{}\t{}",
                        d.disagreement,
                        d.item,
                        d.spread.label().get(lang),
                        d.agreement.label().get(lang),
                        answers.join("  ")
                    )?;
                }
            }
        }
        AssessmentCommand::Consensus {
            id,
            item,
            value,
            note,
        } => {
            let answer = parse_answer(&value)?;
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            store.set_consensus(
                &set.questionnaire,
                id,
                &item,
                Some(&answer),
                None,
                note.as_deref(),
            )?;
        }
        AssessmentCommand::Peers { id, json } => {
            let store = Store::open(path)?;
            let stored = csirt_usecase::view::read(&store, catalog, id)?;
            let scored = csirt_usecase::view::score(&stored, catalog)?;
            let peers = csirt_usecase::view::peers(catalog, &stored.assessment, &scored.report)?;
            if json {
                print_json(out, &peers)?;
            } else {
                for p in &peers {
                    writeln!(
                        out,
                        "{:.2}\t{}\t{}",
                        p.distance,
                        p.team,
                        p.organisation.get(lang)
                    )?;
                    for pr in p.practices.iter().take(3) {
                        writeln!(out, "\t§{} [{}] {}", pr.section, pr.item, pr.text.get(lang))?;
                    }
                }
            }
        }
        AssessmentCommand::Benchmark {
            id,
            choice,
            default,
        } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            if default || !choice.is_default() {
                let wanted = csirt_store::BenchmarkChoice {
                    benchmark: choice.benchmark.clone(),
                    segment: choice.segment.clone(),
                };
                store.set_benchmark_choice(set, id, &wanted)?;
            }
            let stored = store.benchmark_choice(id)?;
            let b = set.choose(stored.benchmark.as_deref(), stored.segment.as_deref())?;
            match b {
                Some(b) => writeln!(out, "{}", b.reference().line().get(lang))?,
                None => writeln!(
                    out,
                    "{}",
                    csirt_model::Text::new("基準データなし", "no benchmark").get(lang)
                )?,
            }
        }
        AssessmentCommand::Report {
            id,
            output,
            format,
            peers,
            choice,
            report,
        } => {
            let options = report.options()?;
            let (format, output) = crate::report_format::resolve(format, false, output)?;
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            warn_fit(
                &store,
                &catalog.get(&row.questionnaire_id)?.questionnaire,
                id,
                lang,
            )?;
            // The standings come from --benchmark when given, else the remembered one; the
            // interviewed teams from the questionnaire's own benchmark (the survey) either way.
            let benchmark = if choice.is_default() {
                csirt_usecase::BenchmarkUse::Remembered
            } else {
                let chosen = chosen(&store, catalog, id, &row.questionnaire_id, &choice)?;
                csirt_usecase::BenchmarkUse::Given(
                    chosen.get(&row.questionnaire_id)?.benchmark.clone(),
                )
            };
            let req = csirt_usecase::ReportRequest {
                lang,
                options: &options,
                format,
                created: csirt_report::now_unix(),
                facilitator: default_respondent(lang),
                peers,
            };
            let bytes = csirt_usecase::report::report(&store, catalog, id, &benchmark, &req)?;
            std::fs::write(&output, &bytes).map_err(|source| CliError::WriteFile {
                path: output.clone(),
                source,
            })?;
            writeln!(out, "{} ({} bytes)", output.display(), bytes.len())?;
        }
        AssessmentCommand::Status { id, status } => {
            let status = match status.as_str() {
                "draft" => Status::Draft,
                "final" => Status::Final,
                other => {
                    return Err(CliError::BadValue(bi!(
                        "状態 {other:?} は使えません。draft か final を指定してください",
                        "status {other:?}: use draft or final"
                    )))
                }
            };
            Store::open(path)?.set_status(id, status)?;
        }
        AssessmentCommand::Delete { id } => {
            let store = Store::open(path)?;
            let row = store.assessment(id)?;
            store.delete_assessment(id)?;
            let (org, date, q) = (
                cell(&row.organisation_name),
                shown_date(&row.date, lang),
                &row.questionnaire_id,
            );
            let (status, answered) = (row.status.label(), row.answered);
            let (ja, en) = (status.ja, status.en);
            let line = bi!(
                "評価 {id} を削除しました: {org} — {date}（{q}、{ja}、回答 {answered} 件）",
                "deleted assessment {id}: {org} — {date} ({q}, {en}, {answered} answers)"
            );
            writeln!(out, "{}", line.get(lang))?;
        }
        AssessmentCommand::Date { id, date } => {
            Store::open(path)?.set_date(id, &date)?;
        }
        AssessmentCommand::Narrative { id, args } => {
            super::narrative::narrative(id, &args, path, catalog, lang, out)?;
        }
        AssessmentCommand::DropMisfits { id, item } => {
            let mut store = Store::open(path)?;
            let row = store.assessment(id)?;
            let set = catalog.get(&row.questionnaire_id)?;
            for m in store.drop_misfits(&set.questionnaire, id, item.as_deref())? {
                writeln!(out, "{}", m.localized(lang))?;
            }
        }
    }
    Ok(())
}
