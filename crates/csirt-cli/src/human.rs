//! Human-readable terminal output of the CLI, in Japanese or English.

use csirt_model::{Benchmark, ItemKind, Lang, Questionnaire, Text};
use csirt_scoring::{Readiness, ScoreReport, Share, Standing};
use std::io::{self, Write};

fn t(ja: &str, en: &str, lang: Lang) -> String {
    Text::new(ja, en).get(lang).to_string()
}

fn bar(score: f64) -> String {
    let filled = (score / 5.0).round().clamp(0.0, 20.0) as usize;
    format!("{}{}", "█".repeat(filled), "·".repeat(20 - filled))
}

pub fn share(s: &Share) -> String {
    if (s.high - s.low).abs() < 0.05 {
        format!("{:.0}%", s.low)
    } else if s.high >= 99.95 {
        format!("≥{:.0}%", s.low)
    } else if s.low <= 0.05 {
        format!("≤{:.0}%", s.high)
    } else {
        format!("{:.0}–{:.0}%", s.low, s.high)
    }
}

/// A benchmark score range (0–100 points, not a share of teams).
fn score_range(s: &Share) -> String {
    if (s.high - s.low).abs() < 0.05 {
        format!("{:.0}", s.low)
    } else {
        format!("{:.0}–{:.0}", s.low, s.high)
    }
}

fn standing(st: &Standing, lang: Lang) -> String {
    let exact_point = (st.at_or_above.high - st.at_or_above.low).abs() < 0.05;
    let mark = if !st.precision.is_exact() && exact_point {
        "≈"
    } else {
        ""
    };
    format!(
        "{mark}{} ({}; {})",
        share(&st.at_or_above),
        st.precision.label().get(lang),
        st.source
    )
}

pub fn questionnaire(out: &mut impl Write, q: &Questionnaire, lang: Lang) -> io::Result<()> {
    writeln!(out, "{} ({} {})", q.title.get(lang), q.id, q.version)?;
    for s in &q.sections {
        writeln!(out, "\n{} {}", s.id, s.title.get(lang))?;
        for i in q.section_items(&s.id) {
            let kind = match &i.kind {
                ItemKind::Scale { scale, .. } => scale.clone(),
                k => k.type_name().to_string(),
            };
            writeln!(out, "  {:<7} [{kind}] {}", i.id, i.text.get(lang))?;
        }
    }
    Ok(())
}

pub fn benchmark(
    out: &mut impl Write,
    q: &Questionnaire,
    b: &Benchmark,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out, "{}", b.reference().line().get(lang))?;
    for f in &b.figures {
        let text = q.item(&f.item).map(|i| i.text.get(lang)).unwrap_or("");
        let values: Vec<String> = f
            .values
            .iter()
            .map(|v| format!("{}={}", v.key, v.value))
            .collect();
        writeln!(
            out,
            "{:<7} {:<14} n={:<3} {:<40} {}  [{}]",
            f.item,
            f.precision.code(),
            f.n,
            values.join(" "),
            text,
            f.source
        )?;
    }
    Ok(())
}

pub fn score(
    out: &mut impl Write,
    q: &Questionnaire,
    r: &ScoreReport,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out, "{} — {}", r.organisation, q.title.get(lang))?;
    match r.overall {
        Some(o) => writeln!(
            out,
            "{}: {o:.1} / 100",
            t("総合成熟度", "Overall maturity", lang)
        )?,
        None => writeln!(
            out,
            "{}",
            t("採点対象の回答がありません", "No scored answers yet", lang)
        )?,
    }
    writeln!(
        out,
        "{}: {}/{}",
        t("回答済み", "Answered", lang),
        r.completeness.answered,
        r.completeness.answerable
    )?;
    if let Some(d) = &r.derived {
        writeln!(out, "{}", d.note.get(lang))?;
    }
    match &r.benchmark_ref {
        Some(b) => {
            writeln!(
                out,
                "{}: {}",
                t("比較する基準データ", "Compared with", lang),
                b.line().get(lang)
            )?;
            writeln!(out, "{}: {}", t("出典", "Source", lang), b.source.get(lang))?;
            let n = b.n;
            // The brackets only where some area has a figure from the benchmark.
            let banded = r.areas.iter().any(|a| a.benchmark.is_some());
            writeln!(
                out,
                "\n{}",
                match (lang, banded) {
                    (Lang::Ja, true) =>
                        format!("領域別スコア (括弧内は基準データの {n} 組織の推定スコア)"),
                    (Lang::En, true) =>
                        format!("Areas (in brackets: the benchmark's {n} teams' estimated score)"),
                    (Lang::Ja, false) =>
                        "領域別スコア (基準データに領域の数値はありません)".to_string(),
                    (Lang::En, false) =>
                        "Areas (the benchmark has no figures for them)".to_string(),
                }
            )?;
        }
        None => writeln!(
            out,
            "{}\n\n{}",
            t(
                "比較する基準データ: なし",
                "Compared with: no benchmark",
                lang
            ),
            t("領域別スコア", "Areas", lang)
        )?,
    }
    for a in &r.areas {
        let bench = a
            .benchmark
            .as_ref()
            .map(|b| format!("  [{}]", score_range(b)))
            .unwrap_or_default();
        match a.score {
            Some(s) => writeln!(out, "  {:<14} {} {s:>5.1}{bench}", a.name.get(lang), bar(s))?,
            None => writeln!(
                out,
                "  {:<14} {}",
                a.name.get(lang),
                t("未回答", "not answered", lang)
            )?,
        }
    }
    let setup = r.setup_items.len();
    if setup > 0 {
        let heading = match lang {
            Lang::Ja => format!("構築時に決めるべき {setup} 項目"),
            Lang::En => format!("The {setup} set-up items"),
        };
        writeln!(out, "\n{heading}")?;
    }
    for s in &r.setup_items {
        let light = match s.readiness {
            Readiness::Green => t("良好", "ready", lang),
            Readiness::Amber => t("要改善", "partly ready", lang),
            Readiness::Red => t("不十分", "not ready", lang),
            Readiness::Unknown => t("不明", "unknown", lang),
        };
        let score = s
            .score
            .map(|v| format!("{v:.1}"))
            .unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "  {}. {score:>5}  {light:<12} {}",
            s.number,
            s.name.get(lang)
        )?;
    }
    writeln!(
        out,
        "\n{}",
        t("優先度の高いギャップ", "Prioritised gaps", lang)
    )?;
    for g in r.gaps.iter().take(10) {
        let peers = g
            .peers_at_target
            .as_ref()
            .map(|st| standing(st, lang))
            .unwrap_or_else(|| t("基準データなし", "no benchmark data", lang));
        writeln!(
            out,
            "  {:>2}. [{:>5.1}] {} {} ({} → {}); {}: {}",
            g.rank,
            g.priority,
            g.item,
            g.text.get(lang),
            g.current_key,
            g.target_key,
            t("目標に達している組織", "peers at target", lang),
            peers
        )?;
        if let Some(rec) = &g.recommendation {
            writeln!(out, "      → {}", rec.get(lang))?;
        }
    }
    if r.gaps.len() > 10 {
        writeln!(
            out,
            "  … {} {}",
            r.gaps.len() - 10,
            t(
                "件のギャップ (--json で全件)",
                "more gaps (all with --json)",
                lang
            )
        )?;
    }
    Ok(())
}
