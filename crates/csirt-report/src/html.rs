//! The same report content as a single HTML page (radar SVG included): for readers who want a
//! web page, and for timing our PDF against a browser printing the same content.

use crate::charts;
use crate::labels::{self, l};
use crate::ReportInput;
use csirt_model::{Answer, Lang};
use csirt_scoring::roadmap;
use std::fmt::Write;

/// Text for the page: composed to NFC (like the PDF) and escaped.
fn esc(s: &str) -> String {
    crate::fonts::composed(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// The report as one self-contained HTML document in `lang`.
pub fn render_html(input: &ReportInput, lang: Lang) -> String {
    let q = input.questionnaire;
    let a = input.assessment;
    let r = input.score;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         @page{{size:A4;margin:18mm}}body{{font-family:'{}',sans-serif;font-size:9pt;color:#1f2937}}\
         h1{{font-size:17pt;border-bottom:2px solid #1d4ed8;page-break-before:always}}h1.cover{{page-break-before:auto;font-size:24pt;border:0}}\
         table{{border-collapse:collapse;width:100%;margin:6pt 0}}th{{background:#f3f4f6;text-align:left}}\
         td,th{{border-bottom:0.5pt solid #d1d5db;padding:3pt;vertical-align:top}}</style></head><body>",
        lang.code(),
        esc(labels::report_title(lang)),
        crate::fonts::FAMILY
    );
    let _ = write!(
        o,
        "<h1 class=\"cover\">{}</h1><h2>{}</h2><p>{}</p><p>{}</p>",
        esc(labels::report_title(lang)),
        esc(&a.organisation.name),
        esc(&a.date.clone().unwrap_or_default()),
        esc(labels::confidential(lang))
    );
    if let Some(b) = &r.benchmark_ref {
        let _ = write!(
            o,
            "<p><b>{}</b> {}</p><p><b>{}</b> {}</p>",
            l(lang, "比較対象", "Benchmark"),
            esc(b.line().get(lang)),
            l(lang, "比較対象の出典", "Benchmark source"),
            esc(b.source.get(lang))
        );
    }
    let _ = write!(
        o,
        "<h1>{}</h1><p><b>{}</b> {}</p>{}",
        l(lang, "エグゼクティブサマリー", "Executive summary"),
        l(lang, "総合成熟度", "Overall maturity"),
        r.overall
            .map(|v| format!("{v:.0} / 100"))
            .unwrap_or_default(),
        charts::radar_svg(r, lang)
    );
    let setup: Vec<Vec<String>> = r
        .setup_items
        .iter()
        .map(|s| {
            vec![
                format!("{}. {}", s.number, s.name.get(lang)),
                s.score.map(|v| format!("{v:.0}")).unwrap_or_default(),
                labels::readiness_word(lang, s.readiness).to_string(),
            ]
        })
        .collect();
    table(
        &mut o,
        &[
            l(lang, "構築時の項目", "Set-up item"),
            l(lang, "スコア", "Score"),
            "",
        ],
        &setup,
    );
    let gaps: Vec<Vec<String>> = r
        .gaps
        .iter()
        .map(|g| {
            vec![
                g.rank.to_string(),
                format!("{} {}", g.item, g.text.get(lang)),
                format!("{} → {}", g.current_key, g.target_key),
                g.peers_at_target
                    .as_ref()
                    .map(|s| format!("{:.0}–{:.0}%", s.at_or_above.low, s.at_or_above.high))
                    .unwrap_or_default(),
                format!("{:.0}", g.priority),
                g.recommendation
                    .as_ref()
                    .map(|x| x.get(lang).to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let _ = write!(o, "<h1>{}</h1>", l(lang, "ギャップ分析", "Gap analysis"));
    table(
        &mut o,
        &["#", "Item", "→", "Peers", "Priority", "Recommendation"],
        &gaps,
    );
    let plan = roadmap(q, r);
    let _ = write!(o, "<h1>{}</h1>", l(lang, "ロードマップ", "Roadmap"));
    for phase in csirt_scoring::Phase::ALL {
        let _ = write!(o, "<h2>{}</h2><ul>", phase.label().get(lang));
        for e in plan.phase(phase) {
            let text = q.item(&e.item).map(|i| i.text.get(lang)).unwrap_or("");
            let _ = write!(o, "<li>{} {}</li>", esc(&e.item), esc(text));
        }
        o.push_str("</ul>");
    }
    let _ = write!(
        o,
        "<h1>{}</h1>",
        l(lang, "付録 A: すべての回答", "Appendix A: every answer")
    );
    let answers: Vec<Vec<String>> = q
        .answerable_items()
        .map(|i| {
            vec![
                i.id.clone(),
                i.text.get(lang).to_string(),
                a.answers
                    .get(&i.id)
                    .map(|x: &Answer| i.describe_answer(x, lang))
                    .unwrap_or_default(),
                a.comments.get(&i.id).cloned().unwrap_or_default(),
            ]
        })
        .collect();
    table(&mut o, &["Item", "Question", "Answer", "Comment"], &answers);
    let _ = write!(
        o,
        "<h1>{}</h1>",
        l(lang, "付録 B: 採点方法", "Appendix B: scoring method")
    );
    for p in match lang {
        Lang::Ja => labels::SCORING_METHOD_JA,
        Lang::En => labels::SCORING_METHOD_EN,
    } {
        let _ = write!(o, "<p>{}</p>", esc(p));
    }
    o.push_str("</body></html>");
    o
}
