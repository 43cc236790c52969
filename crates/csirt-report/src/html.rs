//! The HTML renderer of the report model: one self-contained page (charts as inline SVG),
//! for readers who want a web page. Layout only; every word comes from the model.

use crate::charts;
use crate::model::{Block, Callout, Cell, Figure, Finding, ReportDoc, Table, Tone, Voice};
use crate::{ReportExtras, ReportInput, ReportOptions};
use csirt_model::Lang;
use std::fmt::Write;

/// Text for the page: composed to NFC (like the PDF) and escaped.
fn esc(s: &str) -> String {
    crate::fonts::composed(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Neutral => "neutral",
        Tone::Good => "good",
        Tone::Warn => "warn",
        Tone::Bad => "bad",
        Tone::Muted => "muted",
        Tone::Accent => "accent",
    }
}

/// The assessor's words, marked as theirs.
fn assessor(o: &mut String, label: &str, inner: &str) {
    let _ = write!(
        o,
        "<div class=\"assessor\"><div class=\"who\">{}</div>{inner}</div>",
        esc(label)
    );
}

fn cell(o: &mut String, doc: &ReportDoc, c: &Cell) {
    let class = c.tone.map(tone_class).unwrap_or("");
    let _ = write!(o, "<td class=\"{class}\">");
    if c.voice == Voice::Assessor {
        assessor(o, &doc.assessor_label, &esc(&c.text));
    } else {
        o.push_str(&esc(&c.text));
    }
    if let Some(s) = &c.small {
        let _ = write!(o, "<div class=\"small\">{}</div>", esc(s));
    }
    if let Some(n) = &c.assessor_note {
        assessor(o, &doc.assessor_label, &esc(n));
    }
    o.push_str("</td>");
}

fn table(o: &mut String, doc: &ReportDoc, t: &Table) {
    o.push_str("<table><thead><tr>");
    for c in &t.columns {
        let _ = write!(o, "<th>{}</th>", esc(&c.title));
    }
    o.push_str("</tr></thead><tbody>");
    for r in &t.rows {
        o.push_str("<tr>");
        for c in r {
            cell(o, doc, c);
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
}

fn callout(o: &mut String, doc: &ReportDoc, c: &Callout) {
    let mut inner = format!("<h3>{}</h3>", esc(&c.title));
    if c.list {
        inner.push_str("<ul>");
        for l in &c.lines {
            let _ = write!(inner, "<li>{}</li>", esc(l));
        }
        inner.push_str("</ul>");
    } else {
        for l in &c.lines {
            let _ = write!(inner, "<p>{}</p>", esc(l));
        }
    }
    o.push_str("<div class=\"callout\">");
    match c.voice {
        Voice::Assessor => assessor(o, &doc.assessor_label, &inner),
        Voice::Report => o.push_str(&inner),
    }
    o.push_str("</div>");
}

fn finding(o: &mut String, doc: &ReportDoc, f: &Finding) {
    let _ = write!(
        o,
        "<div class=\"finding\"><p><b>{}. {}</b></p><p>{}</p><p>→ {}</p><p class=\"small\">{} — {}</p>",
        f.rank,
        esc(&f.finding),
        esc(&f.consequence),
        esc(&f.action),
        esc(&f.code),
        esc(&f.why_ranked)
    );
    if let Some(n) = &f.assessor_note {
        assessor(o, &doc.assessor_label, &format!("<p>{}</p>", esc(n)));
    }
    o.push_str("</div>");
}

fn block(o: &mut String, doc: &ReportDoc, b: &Block) {
    match b {
        Block::Heading { text } => {
            let _ = write!(o, "<h2>{}</h2>", esc(text));
        }
        Block::Paragraph { text, voice } => match voice {
            Voice::Report => {
                let _ = write!(o, "<p>{}</p>", esc(text));
            }
            Voice::Assessor => assessor(o, &doc.assessor_label, &format!("<p>{}</p>", esc(text))),
        },
        Block::Bullets { items, voice } => {
            let mut inner = String::from("<ul>");
            for i in items {
                let _ = write!(inner, "<li>{}</li>", esc(i));
            }
            inner.push_str("</ul>");
            match voice {
                Voice::Report => o.push_str(&inner),
                Voice::Assessor => assessor(o, &doc.assessor_label, &inner),
            }
        }
        Block::Note { text } => {
            let _ = write!(o, "<p class=\"small\">{}</p>", esc(text));
        }
        Block::Headline(h) => {
            let _ = write!(
                o,
                "<div class=\"headline\"><div class=\"small\">{}</div><span class=\"big\">{}</span> {}<ul>",
                esc(&h.label),
                esc(&h.value),
                esc(&h.unit)
            );
            for c in &h.context {
                let _ = write!(o, "<li>{}</li>", esc(c));
            }
            o.push_str("</ul></div>");
        }
        Block::Callout(c) => callout(o, doc, c),
        Block::StatusList(s) => {
            let _ = write!(o, "<h3>{}</h3><ul class=\"status\">", esc(&s.title));
            for e in &s.entries {
                let _ = write!(
                    o,
                    "<li><span class=\"{}\">■ {}</span> <b>{}</b><br>{}</li>",
                    tone_class(e.tone),
                    esc(&e.value),
                    esc(&e.title),
                    esc(&e.text)
                );
            }
            o.push_str("</ul>");
        }
        Block::Findings(list) => {
            for f in list {
                finding(o, doc, f);
            }
        }
        Block::Table(t) => table(o, doc, t),
        Block::Figure(f) => {
            let (svg, caption) = match f {
                Figure::Radar {
                    axes,
                    legend,
                    caption,
                } => (charts::radar_svg_of(axes, legend), caption),
                Figure::Standing { bars, caption } => (charts::standing_svg_of(bars), caption),
                Figure::Trend(t) => (charts::trend_svg_of(t), &t.caption),
                Figure::RoleCoverage { bars, caption } => {
                    (crate::role_chart::roles_svg(bars), caption)
                }
                Figure::OpenActions {
                    points,
                    lang,
                    caption,
                } => (charts::open_actions_svg(points, *lang), caption),
            };
            let _ = write!(
                o,
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                esc(caption)
            );
        }
    }
}

/// The report model as one self-contained HTML document.
pub fn render_doc(doc: &ReportDoc) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>\
         @page{{size:A4;margin:18mm}}body{{font-family:'{}',sans-serif;font-size:9pt;color:#1f2937}}\
         h1{{font-size:17pt;border-bottom:2px solid #1d4ed8;page-break-before:always}}h1.cover{{page-break-before:auto;font-size:24pt;border:0}}\
         table{{border-collapse:collapse;width:100%;margin:6pt 0}}th{{background:#f3f4f6;text-align:left}}\
         td,th{{border-bottom:0.5pt solid #d1d5db;padding:3pt;vertical-align:top}}\
         .small{{font-size:7pt;color:#6b7280}}.big{{font-size:32pt;font-weight:bold}}\
         .assessor{{border-left:3px solid #6d28d9;padding-left:6pt;margin:4pt 0}}.who{{font-size:7pt;font-weight:bold;color:#6d28d9}}\
         .callout{{background:#f3f4f6;border:1px solid #1d4ed8;padding:6pt;margin:6pt 0}}\
         .good{{color:#15803d}}.warn{{color:#d97706}}.bad{{color:#b91c1c}}.muted{{color:#6b7280}}.accent{{color:#1d4ed8}}\
         .confidential{{color:#b91c1c;font-weight:bold}}figure svg{{max-width:100%;height:auto}}</style></head><body>",
        doc.lang.code(),
        esc(&doc.title),
        esc(&doc.organisation),
        crate::fonts::FAMILY
    );
    let _ = write!(
        o,
        "<h1 class=\"cover\">{}</h1><h2>{}</h2><dl>",
        esc(&doc.title),
        esc(&doc.organisation)
    );
    for f in &doc.cover.facts {
        let _ = write!(
            o,
            "<dt><b>{}</b></dt><dd>{}</dd>",
            esc(&f.label),
            esc(&f.value)
        );
    }
    let _ = write!(
        o,
        "</dl><p class=\"confidential\">{}</p>",
        esc(&doc.confidentiality)
    );
    for s in &doc.sections {
        let _ = write!(o, "<h1>{}</h1>", esc(&s.title));
        for b in &s.blocks {
            block(&mut o, doc, b);
        }
    }
    o.push_str("</body></html>");
    o
}

/// The full report in `lang` as one HTML page, without the optional extras.
pub fn render_html(input: &ReportInput, lang: Lang) -> String {
    let doc = crate::build::build(
        input,
        &ReportExtras::default(),
        lang,
        &ReportOptions::default(),
    );
    render_doc(&doc)
}
