//! Spreadsheet exports of a scored assessment, for consultants who live in Excel: CSV of the
//! answers, and XLSX with one sheet of answers and one of gaps.

pub mod encrypt;

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

/// One row per answerable item, in questionnaire order.
fn answer_rows(q: &Questionnaire, a: &Assessment, r: &ScoreReport, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
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
    ]];
    for item in q.answerable_items() {
        let answer = a.answers.get(&item.id);
        let scored = r.item(&item.id);
        let (standing, precision, source) = standing_text(scored.and_then(|s| s.standing.as_ref()));
        let kind = match &item.kind {
            ItemKind::Scale { scale, .. } => scale.clone(),
            k => k.type_name().to_string(),
        };
        rows.push(vec![
            item.id.clone(),
            item.text.get(lang).to_string(),
            kind,
            answer.map(|x| x.display()).unwrap_or_default(),
            answer
                .map(|x| item.describe_answer(x, lang))
                .unwrap_or_else(|| t("未回答", "not answered", lang)),
            a.other.get(&item.id).cloned().unwrap_or_default(),
            scored
                .and_then(|s| s.level)
                .map(|l| l.to_string())
                .unwrap_or_default(),
            scored.map(|s| s.max_level.to_string()).unwrap_or_default(),
            scored
                .and_then(|s| s.score)
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default(),
            scored.map(|s| s.target.key.clone()).unwrap_or_default(),
            scored
                .and_then(|s| s.gap)
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default(),
            standing,
            precision,
            source,
            a.comments.get(&item.id).cloned().unwrap_or_default(),
            a.evidence.get(&item.id).cloned().unwrap_or_default(),
        ]);
    }
    rows
}

fn gap_rows(q: &Questionnaire, r: &ScoreReport, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
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
    ]];
    for g in &r.gaps {
        let label = |key: &str| {
            q.item(&g.item)
                .map(|i| i.describe_answer(&csirt_model::Answer::Text(key.to_string()), lang))
                .unwrap_or_else(|| key.to_string())
        };
        rows.push(vec![
            g.rank.to_string(),
            g.item.clone(),
            g.text.get(lang).to_string(),
            label(&g.current_key),
            label(&g.target_key),
            format!("{:.1}", g.gap),
            g.peers_at_target
                .as_ref()
                .map(|s| share(&s.at_or_above))
                .unwrap_or_default(),
            format!("{:.1}", g.priority),
            g.recommendation
                .as_ref()
                .map(|x| x.get(lang).to_string())
                .unwrap_or_default(),
        ]);
    }
    rows
}

/// The answers as CSV (UTF-8 with a BOM, so Excel opens Japanese text correctly).
pub fn answers_csv(
    q: &Questionnaire,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    for row in answer_rows(q, a, r, lang) {
        w.write_record(&row)?;
    }
    w.into_inner()
        .map_err(|e| ExportError::CsvFinish(e.to_string()))
}

/// An XLSX workbook with a sheet of answers and a sheet of gaps.
pub fn workbook_xlsx(
    q: &Questionnaire,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheets = [
        (t("回答", "Answers", lang), answer_rows(q, a, r, lang)),
        (t("ギャップ", "Gaps", lang), gap_rows(q, r, lang)),
    ];
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        for (ri, row) in rows.iter().enumerate() {
            for (ci, cell) in row.iter().enumerate() {
                let (r16, c16) = (ri as u32, ci as u16);
                if ri == 0 {
                    sheet.write_string_with_format(r16, c16, cell, &bold)?;
                } else if let Ok(n) = cell.parse::<f64>() {
                    sheet.write_number(r16, c16, n)?;
                } else {
                    sheet.write_string_with_format(r16, c16, cell, &wrap)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_column_width(1, 14)?;
        sheet.set_column_width(2, 48)?;
    }
    Ok(book.save_to_buffer()?)
}

// TEMPORARY: English in both languages until this crate's messages are translated.
impl csirt_model::Localized for ExportError {
    fn localized(&self, _lang: csirt_model::Lang) -> String {
        self.to_string()
    }
}
