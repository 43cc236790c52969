//! Spreadsheet exports of a scored assessment, for consultants who live in Excel: CSV of the
//! answers, and XLSX with one sheet of answers and one of gaps.

mod cell;
pub mod encrypt;
mod plan;

pub use plan::{plan_csv, plan_xlsx};

pub use cell::{looks_like_formula, neutralise, nfc};
use cell::{Cell, Place};

use csirt_model::{Assessment, ItemKind, Lang, Questionnaire, Text};
use csirt_scoring::{ScoreReport, Share, Standing};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot finish CSV: {0}")]
    CsvFinish(String),
}

fn t(ja: &str, en: &str, lang: Lang) -> String {
    Text::new(ja, en).get(lang).to_string()
}

fn share(s: &Share) -> String {
    if (s.high - s.low).abs() < 0.05 {
        format!("{:.1}%", s.low)
    } else {
        format!("{:.1}–{:.1}%", s.low, s.high)
    }
}

fn standing_text(st: Option<&Standing>) -> (String, String, String) {
    match st {
        Some(s) => (
            share(&s.at_or_above),
            s.precision.code().to_string(),
            s.source.clone(),
        ),
        None => (String::new(), String::new(), String::new()),
    }
}

/// The benchmark the standings come from, in one line: title, segment, n, dates and source.
fn benchmark_named(r: &ScoreReport, lang: Lang) -> String {
    match &r.benchmark_ref {
        Some(b) => format!("{} — {}", b.line().get(lang), b.source.get(lang)),
        None => t("なし", "none", lang),
    }
}

/// One sheet of an export: its name, its headings and one row per item.
struct Sheet {
    name: String,
    header: Vec<String>,
    /// Each row with the item it is about, for warnings.
    rows: Vec<(String, Vec<Cell>)>,
}

fn opt_text(s: Option<&String>) -> Cell {
    s.map_or(Cell::Empty, |s| Cell::text(s.clone()))
}

fn opt_number(v: Option<f64>, decimals: usize) -> Cell {
    v.map_or(Cell::Empty, |v| Cell::Number(v, decimals))
}

/// One row per answerable item, in questionnaire order.
fn answer_sheet(q: &Questionnaire, a: &Assessment, r: &ScoreReport, lang: Lang) -> Sheet {
    let header = vec![
        t("項目", "Item", lang),
        t("設問", "Question", lang),
        t("種類", "Type", lang),
        t("回答 (キー)", "Answer (key)", lang),
        t("回答", "Answer", lang),
        t("その他 (自由記述)", "Other (free text)", lang),
        t("レベル", "Level", lang),
        t("最高レベル", "Top level", lang),
        t("スコア", "Score", lang),
        t("目標", "Target", lang),
        t("ギャップ", "Gap", lang),
        t("同等以上の組織の割合", "Surveyed teams at or above", lang),
        t("精度", "Precision", lang),
        t("出典", "Source", lang),
        t("コメント", "Comment", lang),
        t("根拠", "Evidence", lang),
        t("比較した基準データ", "Benchmark compared with", lang),
    ];
    let named = benchmark_named(r, lang);
    let mut rows = Vec::new();
    for item in q.answerable_items() {
        let answer = a.answers.get(&item.id);
        let scored = r.item(&item.id);
        let (standing, precision, source) = standing_text(scored.and_then(|s| s.standing.as_ref()));
        let kind = match &item.kind {
            ItemKind::Scale { scale, .. } => scale.clone(),
            k => k.type_name().to_string(),
        };
        let cells = vec![
            Cell::text(item.id.clone()),
            Cell::text(item.text.get(lang)),
            Cell::text(kind),
            answer.map_or(Cell::Empty, |x| Cell::text(x.display())),
            Cell::text(
                answer
                    .map(|x| item.describe_answer(x, lang))
                    .unwrap_or_else(|| t("未回答", "not answered", lang)),
            ),
            opt_text(a.other.get(&item.id)),
            opt_number(scored.and_then(|s| s.level).map(f64::from), 0),
            opt_number(scored.map(|s| f64::from(s.max_level)), 0),
            opt_number(scored.and_then(|s| s.score), 1),
            scored.map_or(Cell::Empty, |s| Cell::text(s.target.key.clone())),
            opt_number(scored.and_then(|s| s.gap), 1),
            Cell::text(standing),
            Cell::text(precision),
            Cell::text(source),
            opt_text(a.comments.get(&item.id)),
            opt_text(a.evidence.get(&item.id)),
            Cell::text(named.clone()),
        ];
        rows.push((item.id.clone(), cells));
    }
    Sheet {
        name: t("回答", "Answers", lang),
        header,
        rows,
    }
}

fn gap_sheet(q: &Questionnaire, r: &ScoreReport, lang: Lang) -> Sheet {
    let header = vec![
        t("順位", "Rank", lang),
        t("項目", "Item", lang),
        t("設問", "Question", lang),
        t("現状", "Current", lang),
        t("目標", "Target", lang),
        t("ギャップ", "Gap", lang),
        t(
            "目標に達している組織の割合",
            "Surveyed teams at target",
            lang,
        ),
        t("優先度", "Priority", lang),
        t("推奨事項", "Recommendation", lang),
        t("比較した基準データ", "Benchmark compared with", lang),
    ];
    let named = benchmark_named(r, lang);
    let mut rows = Vec::new();
    for g in &r.gaps {
        let label = |key: &str| {
            q.item(&g.item)
                .map(|i| i.describe_answer(&csirt_model::Answer::Text(key.to_string()), lang))
                .unwrap_or_else(|| key.to_string())
        };
        let cells = vec![
            Cell::Number(g.rank as f64, 0),
            Cell::text(g.item.clone()),
            Cell::text(g.text.get(lang)),
            Cell::text(label(&g.current_key)),
            Cell::text(label(&g.target_key)),
            Cell::Number(g.gap, 1),
            g.peers_at_target
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::text(share(&s.at_or_above))),
            Cell::Number(g.priority, 1),
            g.recommendation
                .as_ref()
                .map_or(Cell::Empty, |x| Cell::text(x.get(lang))),
            Cell::text(named.clone()),
        ];
        rows.push((g.item.clone(), cells));
    }
    Sheet {
        name: t("ギャップ", "Gaps", lang),
        header,
        rows,
    }
}

/// An export's bytes, with a warning for every cell that had to be cut to fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub warnings: Vec<Text>,
}

/// The answers as CSV (UTF-8 with a BOM, so Excel opens Japanese text correctly). A cut cell
/// carries a visible marker; [`answers_csv_with_warnings`] also names it.
pub fn answers_csv(
    q: &Questionnaire,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    answers_csv_with_warnings(q, a, r, lang).map(|e| e.bytes)
}

/// The answers as CSV (RFC 4180, UTF-8 with a BOM). Every text is composed to NFC, a text a
/// spreadsheet could run as a formula gets a leading `'`, and a text longer than an Excel cell
/// is cut with a marker and a warning.
pub fn answers_csv_with_warnings(
    q: &Questionnaire,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
) -> Result<Exported, ExportError> {
    csv_of(&answer_sheet(q, a, r, lang), lang)
}

/// One sheet as CSV (RFC 4180, UTF-8 with a BOM): text composed to NFC, formula starts
/// neutralised, a cell too long for Excel cut with a marker and a warning.
fn csv_of(sheet: &Sheet, lang: Lang) -> Result<Exported, ExportError> {
    let mut warnings = Vec::new();
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(&sheet.header)?;
    for (item, cells) in &sheet.rows {
        let mut record = Vec::with_capacity(cells.len());
        for (cell, column) in cells.iter().zip(&sheet.header) {
            record.push(match cell {
                Cell::Text(s) => {
                    let place = Place {
                        sheet: &sheet.name,
                        item,
                        column,
                    };
                    cell::prepare(s, true, lang, &place, &mut warnings)
                }
                Cell::Number(v, d) => Cell::number_text(*v, *d),
                Cell::Empty => String::new(),
            });
        }
        w.write_record(&record)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::CsvFinish(e.to_string()))?;
    Ok(Exported { bytes, warnings })
}

/// An XLSX workbook with a sheet of answers and a sheet of gaps. A cut cell carries a visible
/// marker; [`workbook_xlsx_with_warnings`] also names it.
pub fn workbook_xlsx(
    q: &Questionnaire,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    workbook_xlsx_with_warnings(q, a, r, lang).map(|e| e.bytes)
}

/// An XLSX workbook with a sheet of answers and a sheet of gaps. Only the figures are numbers;
/// every other cell is a string cell (never a formula, never a guessed number), composed to
/// NFC, marked with Excel's quote prefix so editing it keeps it text, and cut with a marker and
/// a warning when it is longer than a cell holds.
pub fn workbook_xlsx_with_warnings(
    q: &Questionnaire,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
) -> Result<Exported, ExportError> {
    xlsx_of(&[answer_sheet(q, a, r, lang), gap_sheet(q, r, lang)], lang)
}

/// Sheets as an XLSX workbook: figures as numbers, every other cell a string cell with Excel's
/// quote prefix, composed to NFC and cut with a marker and a warning when too long.
fn xlsx_of(sheets: &[Sheet], lang: Lang) -> Result<Exported, ExportError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_text_wrap().set_quote_prefix();
    let mut warnings = Vec::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        for (ci, heading) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, ci as u16, heading, &bold)?;
        }
        for (ri, (item, cells)) in sheet.rows.iter().enumerate() {
            let row = ri as u32 + 1;
            for (ci, (cell, column)) in cells.iter().zip(&sheet.header).enumerate() {
                let col = ci as u16;
                match cell {
                    Cell::Text(s) => {
                        let place = Place {
                            sheet: &sheet.name,
                            item,
                            column,
                        };
                        let s = cell::prepare(s, false, lang, &place, &mut warnings);
                        ws.write_string_with_format(row, col, &s, &text)?;
                    }
                    Cell::Number(v, _) => {
                        ws.write_number(row, col, *v)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.set_column_width(1, 14)?;
        ws.set_column_width(2, 48)?;
    }
    let bytes = book.save_to_buffer()?;
    Ok(Exported { bytes, warnings })
}

impl csirt_model::Localized for ExportError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ExportError::Csv(e) => format!("CSV ファイルを書き出せません: {e}"),
            ExportError::Xlsx(e) => format!("XLSX ファイルを書き出せません: {e}"),
            ExportError::CsvFinish(e) => format!("CSV ファイルを最後まで書き出せません: {e}"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
