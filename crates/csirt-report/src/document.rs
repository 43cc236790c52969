//! The report's pages: cover, executive summary, benchmark standing, gap table, roadmap, SIM3
//! view, services, and the appendix (every answer, scoring method, data provenance).

use crate::canvas::{
    Canvas, FontIds, Rgb8, ACCENT, AMBER, GREEN, INK, MUTED, PAGE_H, PAGE_W, RED, RULE,
};
use crate::charts;
use crate::flow::{line_height, Column, Flow, BOTTOM, CONTENT_W, MARGIN_X};
use crate::fonts::Weight;
use crate::labels::{self, l};
use crate::layout::{ellipsize, wrap};
use crate::{ReportExtras, ReportInput};
use csirt_model::questionnaire::{service_label, sim3_category};
use csirt_model::{Answer, Item, ItemKind, Lang, Precision};
use csirt_scoring::{roadmap, Phase, Readiness, Share};

fn share(s: &Share) -> String {
    if (s.high - s.low).abs() < 0.05 {
        format!("{:.0}%", s.low)
    } else if s.high >= 99.95 {
        format!("{:.0}–100%", s.low)
    } else {
        format!("{:.0}–{:.0}%", s.low, s.high)
    }
}

fn readiness_colour(r: Readiness) -> Rgb8 {
    match r {
        Readiness::Green => GREEN,
        Readiness::Amber => AMBER,
        Readiness::Red => RED,
        Readiness::Unknown => MUTED,
    }
}

/// An answer key in a few words, for tables.
fn answer_label(item: &Item, key: &str, lang: Lang) -> String {
    item.describe_answer_short(&Answer::Text(key.to_string()), lang)
}

pub struct Report<'a> {
    pub input: &'a ReportInput<'a>,
    pub extras: &'a ReportExtras<'a>,
    pub lang: Lang,
    pub flow: Flow,
}

impl<'a> Report<'a> {
    pub fn new(
        input: &'a ReportInput<'a>,
        extras: &'a ReportExtras<'a>,
        lang: Lang,
        fonts: FontIds,
    ) -> Self {
        Report {
            input,
            extras,
            lang,
            flow: Flow::new(fonts),
        }
    }

    fn t(&self, ja: &'static str, en: &'static str) -> &'static str {
        l(self.lang, ja, en)
    }

    fn item(&self, id: &str) -> Option<&'a Item> {
        self.input.questionnaire.item(id)
    }

    pub fn build(mut self) -> Vec<Canvas> {
        self.cover();
        self.executive_summary();
        self.since_last();
        self.standing();
        self.gap_table();
        self.roadmap();
        self.sim3_view();
        self.services();
        self.peers();
        self.appendix_answers();
        self.appendix_method();
        // Last, so the letters run in order whether or not there was a workshop.
        self.appendix_disagreements();
        let pages = self.flow.pages;
        furnish(pages, self.input, self.lang)
    }

    fn cover(&mut self) {
        let lang = self.lang;
        let a = self.input.assessment;
        let q = self.input.questionnaire;
        let page = self.flow.page();
        page.rect(0.0, 0.0, PAGE_W, 16.0, ACCENT);
        let mut y = 150.0;
        for line in wrap(labels::report_title(lang), CONTENT_W, 24.0, Weight::Bold) {
            page.text(MARGIN_X, y, &line, 24.0, Weight::Bold, INK);
            y += 34.0;
        }
        y += 24.0;
        // The organisation's name can be any length: wrap it, and shrink it if it is very long.
        let name = &a.organisation.name;
        let mut size = 20.0;
        let mut lines = wrap(name, CONTENT_W, size, Weight::Bold);
        while lines.len() > 4 && size > 11.0 {
            size -= 2.0;
            lines = wrap(name, CONTENT_W, size, Weight::Bold);
        }
        if lines.len() > 6 {
            lines.truncate(6);
            if let Some(last) = lines.last_mut() {
                *last = ellipsize(&format!("{last}…"), CONTENT_W, size, Weight::Bold);
            }
        }
        for line in &lines {
            page.text(MARGIN_X, y, line, size, Weight::Bold, ACCENT);
            y += line_height(size);
        }
        y += 30.0;
        let status = match a.status {
            csirt_model::Status::Final => l(lang, "確定", "Final"),
            csirt_model::Status::Draft => l(lang, "ドラフト", "Draft"),
        };
        let named = self.input.score.benchmark_ref.as_ref();
        let benchmark = named
            .map(|b| b.line().get(lang).to_string())
            .unwrap_or_else(|| l(lang, "なし", "none").to_string());
        let benchmark_source = named
            .map(|b| b.source.get(lang).to_string())
            .unwrap_or_default();
        let rows: Vec<(&str, String)> = vec![
            (
                l(lang, "評価日", "Assessment date"),
                a.date.clone().unwrap_or_default(),
            ),
            (l(lang, "状態", "Status"), status.to_string()),
            (
                l(lang, "業種", "Sector"),
                a.organisation.sector.clone().unwrap_or_default(),
            ),
            (
                l(lang, "設問", "Questionnaire"),
                format!("{} ({})", q.title.get(lang), q.version),
            ),
            (l(lang, "比較対象", "Benchmark"), benchmark),
            (
                l(lang, "比較対象の出典", "Benchmark source"),
                benchmark_source,
            ),
        ];
        let label_w = 110.0;
        for (label, value) in rows {
            if value.is_empty() {
                continue;
            }
            page.text(MARGIN_X, y, label, 9.5, Weight::Bold, MUTED);
            for line in wrap(&value, CONTENT_W - label_w, 9.5, Weight::Regular) {
                page.text(MARGIN_X + label_w, y, &line, 9.5, Weight::Regular, INK);
                y += line_height(9.5);
            }
            y += 6.0;
        }
        let mut y = PAGE_H - 110.0;
        for line in wrap(labels::confidential(lang), CONTENT_W, 9.0, Weight::Bold) {
            page.text(MARGIN_X, y, &line, 9.0, Weight::Bold, RED);
            y += line_height(9.0);
        }
    }

    fn executive_summary(&mut self) {
        let lang = self.lang;
        let r = self.input.score;
        self.flow
            .section(self.t("エグゼクティブサマリー", "Executive summary"));
        let top = self.flow.y;
        // Overall maturity, large.
        let overall = r
            .overall
            .map(|o| format!("{o:.0}"))
            .unwrap_or_else(|| "—".into());
        let readiness = Readiness::of(r.overall);
        {
            let page = self.flow.page();
            page.text(
                MARGIN_X,
                top + 10.0,
                l(lang, "総合成熟度", "Overall maturity"),
                9.5,
                Weight::Bold,
                MUTED,
            );
            page.text(
                MARGIN_X,
                top + 52.0,
                &overall,
                40.0,
                Weight::Bold,
                readiness_colour(readiness),
            );
            let w = crate::fonts::metrics(Weight::Bold).map_or(0.0, |m| m.width(&overall, 40.0));
            page.text(
                MARGIN_X + w + 6.0,
                top + 52.0,
                "/ 100",
                12.0,
                Weight::Regular,
                MUTED,
            );
            let answered = format!(
                "{} {}/{}",
                l(lang, "回答済み", "Answered"),
                r.completeness.answered,
                r.completeness.answerable
            );
            page.text(MARGIN_X, top + 70.0, &answered, 8.5, Weight::Regular, MUTED);
        }
        // Radar on the left, the six set-up items on the right.
        let radar_top = top + 80.0;
        let radar_w = 250.0;
        let radar_h = 230.0;
        charts::radar_pdf(
            self.flow.page(),
            MARGIN_X - 6.0,
            radar_top,
            radar_w,
            radar_h,
            r,
            lang,
        );
        let col_x = MARGIN_X + radar_w + 8.0;
        let col_w = CONTENT_W - radar_w - 8.0;
        let mut y = top;
        self.flow.page().text(
            col_x,
            y + 10.0,
            l(
                lang,
                "構築時に定めておくべき 6 項目",
                "The six set-up items",
            ),
            10.0,
            Weight::Bold,
            INK,
        );
        y += 20.0;
        for s in &r.setup_items {
            let colour = readiness_colour(s.readiness);
            let score = s
                .score
                .map(|v| format!("{v:.0}"))
                .unwrap_or_else(|| "—".into());
            let title = format!("{}. {}", s.number, s.name.get(lang));
            let sentence = setup_sentence(self.input, &s.id, s.readiness, lang);
            let page = self.flow.page();
            page.rect(col_x, y + 1.0, 7.0, 7.0, colour);
            let title_lines = wrap(&title, col_w - 50.0, 8.5, Weight::Bold);
            page.text_right(col_x + col_w, y + 8.0, &score, 9.0, Weight::Bold, colour);
            let mut yy = y;
            for line in title_lines.iter().take(2) {
                page.text(col_x + 12.0, yy + 8.0, line, 8.5, Weight::Bold, INK);
                yy += line_height(8.5);
            }
            let word = labels::readiness_word(lang, s.readiness);
            let sentence = format!("{word}: {sentence}");
            let lines = wrap(&sentence, col_w - 12.0, 7.5, Weight::Regular);
            for (k, line) in lines.iter().take(3).enumerate() {
                let line = if k == 2 && lines.len() > 3 {
                    ellipsize(&format!("{line}…"), col_w - 12.0, 7.5, Weight::Regular)
                } else {
                    line.clone()
                };
                page.text(col_x + 12.0, yy + 7.5, &line, 7.5, Weight::Regular, MUTED);
                yy += line_height(7.5);
            }
            y = yy + 5.0;
        }
        self.flow.y = (radar_top + radar_h).max(y) + 10.0;
        // The top five gaps in plain words.
        self.flow.heading(self.t(
            "優先して取り組むべき 5 つのギャップ",
            "The five gaps to close first",
        ));
        let gaps: Vec<_> = r.gaps.iter().take(5).collect();
        if gaps.is_empty() {
            self.flow.paragraph(
                self.t(
                    "目標を下回る回答はありません。",
                    "No answer is below its target.",
                ),
                9.0,
            );
        }
        for g in gaps {
            let title = format!("{}. {} ({})", g.rank, g.text.get(lang), g.item);
            let rec = g
                .recommendation
                .as_ref()
                .map(|x| x.get(lang).to_string())
                .unwrap_or_default();
            let lh = line_height(8.0);
            let title_lines = wrap(&title, CONTENT_W - 60.0, 8.5, Weight::Bold);
            let rec_lines = wrap(&rec, CONTENT_W - 12.0, 8.0, Weight::Regular);
            let needed = (title_lines.len().min(2) + rec_lines.len().min(3)) as f32 * lh + 6.0;
            if self.flow.y + needed > BOTTOM {
                break; // the summary stays on one page
            }
            let y0 = self.flow.y;
            let prio = format!(
                "{} {:.0}",
                labels::priority_word(lang, g.priority),
                g.priority
            );
            let page = self.flow.page();
            page.text_right(
                MARGIN_X + CONTENT_W,
                y0 + 8.5,
                &prio,
                8.0,
                Weight::Bold,
                ACCENT,
            );
            let mut yy = y0;
            for line in title_lines.iter().take(2) {
                page.text(MARGIN_X, yy + 8.5, line, 8.5, Weight::Bold, INK);
                yy += lh;
            }
            for (k, line) in rec_lines.iter().take(3).enumerate() {
                let line = if k == 2 && rec_lines.len() > 3 {
                    ellipsize(&format!("{line}…"), CONTENT_W - 12.0, 8.0, Weight::Regular)
                } else {
                    line.clone()
                };
                page.text(MARGIN_X + 12.0, yy + 8.0, &line, 8.0, Weight::Regular, INK);
                yy += lh;
            }
            self.flow.y = yy + 6.0;
        }
    }

    fn since_last(&mut self) {
        let lang = self.lang;
        let Some(trend) = self.extras.trend else {
            return;
        };
        if trend.points.len() < 2 {
            return;
        }
        let q = self.input.questionnaire;
        self.flow
            .section(self.t("前回の評価からの変化", "Since the last assessment"));
        let chart_h = 190.0;
        let y = self.flow.y;
        charts::trend_pdf(
            self.flow.page(),
            MARGIN_X,
            y,
            CONTENT_W,
            chart_h,
            trend,
            q,
            lang,
        );
        self.flow.y += chart_h + 8.0;
        let n = trend.points.len();
        let (before, after) = (&trend.points[n - 2], &trend.points[n - 1]);
        let fmt = |v: Option<f64>| v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "—".into());
        let delta = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => format!("{:+.0}", b - a),
            _ => "—".into(),
        };
        let mut rows = vec![vec![
            l(lang, "総合", "Overall").to_string(),
            fmt(before.overall),
            fmt(after.overall),
            delta(before.overall, after.overall),
        ]];
        for (id, now) in &after.areas {
            let then = before
                .areas
                .iter()
                .find(|(i, _)| i == id)
                .and_then(|(_, v)| *v);
            let name = q
                .area(id)
                .map(|a| a.name.get(lang).to_string())
                .unwrap_or_else(|| id.clone());
            rows.push(vec![name, fmt(then), fmt(*now), delta(then, *now)]);
        }
        for (id, now) in &after.setup_items {
            let then = before
                .setup_items
                .iter()
                .find(|(i, _)| i == id)
                .and_then(|(_, v)| *v);
            let name = q
                .setup_item(id)
                .map(|s| format!("{}. {}", s.number, s.name.get(lang)))
                .unwrap_or_else(|| id.clone());
            rows.push(vec![name, fmt(then), fmt(*now), delta(then, *now)]);
        }
        let columns = [
            Column {
                title: String::new(),
                width: 260.0,
            },
            Column {
                title: before.date.clone(),
                width: 70.0,
            },
            Column {
                title: after.date.clone(),
                width: 70.0,
            },
            Column {
                title: l(lang, "変化", "Change").into(),
                width: CONTENT_W - 400.0,
            },
        ];
        self.flow.table(&columns, &rows, 7.5);
        for (title, list) in [
            (l(lang, "改善した項目", "Improved"), &trend.improved),
            (l(lang, "後退した項目", "Regressed"), &trend.regressed),
        ] {
            self.flow.heading(title);
            if list.is_empty() {
                self.flow.note(l(lang, "なし", "None."));
                continue;
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|c| {
                    let item = self.item(&c.item);
                    vec![
                        format!(
                            "{} {}",
                            c.item,
                            item.map(|i| i.text.get(lang)).unwrap_or("")
                        ),
                        format!(
                            "{} → {}",
                            item.map(|i| answer_label(i, &c.from_key, lang))
                                .unwrap_or_default(),
                            item.map(|i| answer_label(i, &c.to_key, lang))
                                .unwrap_or_default()
                        ),
                        format!("{:+.0}", c.delta),
                    ]
                })
                .collect();
            let columns = table_columns(
                lang,
                &[
                    ("項目", "Item", 260.0),
                    ("前回 → 今回", "Before → now", 170.0),
                    ("変化", "Change", 0.0),
                ],
            );
            self.flow.table(&columns, &rows, 7.2);
        }
    }

    fn peers(&mut self) {
        let lang = self.lang;
        let Some(peers) = self.extras.peers else {
            return;
        };
        self.flow
            .section(self.t("近いインタビュー組織", "The nearest interviewed teams"));
        self.flow.paragraph(
            self.t(
                "JPCERT/CC が 2015 年度にインタビューした 9 チームのうち、組織形態・人数・業種・報告頻度・訓練・ツール・権限が貴組織に近い順です。各チームが実践していて貴組織の目標に届いていない取り組みを、報告書の節とともに挙げます。",
                "The nine teams JPCERT/CC interviewed in 2015, nearest first by form, size, sector, reporting cadence, training, tooling and authority. For each, what the team does where your organisation is below target, with the report section it comes from.",
            ),
            8.5,
        );
        for p in peers.iter().take(3) {
            self.flow.heading(&format!(
                "{} — {} ({}, {}, {})",
                p.team,
                p.organisation.get(lang),
                p.form_label.get(lang),
                p.sector.get(lang),
                p.size.get(lang)
            ));
            if p.practices.is_empty() {
                self.flow.note(self.t("貴組織が目標に届いていない点で、このチームが実践している取り組みはありません。", "Nothing this team does falls where your organisation is below target."));
                continue;
            }
            for pr in p.practices.iter().take(4) {
                let line = format!(
                    "{} (§{}; {} {})",
                    pr.text.get(lang),
                    pr.section,
                    l(lang, "関連項目", "item"),
                    pr.item
                );
                self.flow.bullet(&line);
            }
        }
    }

    fn appendix_disagreements(&mut self) {
        let lang = self.lang;
        let notes = self.extras.consensus_notes;
        let mut disputed: Vec<_> = self
            .extras
            .divergence
            .iter()
            .filter(|d| d.disagreement > 0.0)
            .collect();
        // Every agreed answer with a note is shown, most of all one that overrides a room that
        // agreed; a note on an item nobody else answered gets a row of its own.
        let none_answered: Vec<csirt_scoring::Divergence> = notes
            .iter()
            .filter(|(i, _)| !self.extras.divergence.iter().any(|d| d.item == *i))
            .map(|(i, _)| csirt_scoring::Divergence {
                item: i.clone(),
                answered: 0,
                respondents: 0,
                levels: None,
                distribution: Vec::new(),
                answers: Vec::new(),
                disagreement: 0.0,
            })
            .collect();
        disputed.extend(
            self.extras
                .divergence
                .iter()
                .filter(|d| d.disagreement == 0.0 && notes.iter().any(|(i, _)| *i == d.item)),
        );
        disputed.extend(none_answered.iter());
        if disputed.is_empty() {
            return;
        }
        let a = self.input.assessment;
        self.flow.section(self.t(
            "付録 C: 回答者間で意見が分かれた項目と合意のメモ",
            "Appendix C: where respondents disagreed, and agreement notes",
        ));
        self.flow.paragraph(
            self.t(
                "ワークショップで回答者の回答が一致しなかった項目を、意見の分かれが大きい順に示し、続けてメモ付きで合意した項目を示します。報告書のスコアは合意した回答を使っています。",
                "Items on which the workshop's respondents answered differently, most disputed first, then the other items agreed with a note. The report's scores use the agreed (consensus) answer.",
            ),
            8.5,
        );
        let rows: Vec<Vec<String>> = disputed
            .iter()
            .map(|d| {
                let item = self.item(&d.item);
                let answers = d
                    .answers
                    .iter()
                    .map(|(who, ans)| {
                        let shown = item
                            .map(|i| respondent_answer_label(i, ans, lang))
                            .unwrap_or_else(|| ans.clone());
                        format!("{who}: {shown}")
                    })
                    .collect::<Vec<_>>()
                    .join(" / ");
                let agreed = a
                    .answers
                    .get(&d.item)
                    .and_then(|x| item.map(|i| i.describe_answer_short(x, lang)))
                    .unwrap_or_else(|| labels::not_answered(lang).to_string());
                let note = self
                    .extras
                    .consensus_notes
                    .iter()
                    .find(|(i, _)| *i == d.item)
                    .map(|(_, n)| format!(" — {n}"))
                    .unwrap_or_default();
                let spread = d
                    .levels
                    .as_ref()
                    .map(|s| format!("{} {} σ {:.2}", l(lang, "幅", "range"), s.range, s.std_dev))
                    .unwrap_or_else(|| format!("{:.0}%", d.disagreement * 100.0));
                vec![
                    format!(
                        "{} {}",
                        d.item,
                        item.map(|i| i.text.get(lang)).unwrap_or("")
                    ),
                    answers,
                    spread,
                    format!("{agreed}{note}"),
                ]
            })
            .collect();
        let columns = table_columns(
            lang,
            &[
                ("項目", "Item", 150.0),
                ("回答者ごとの回答", "Each respondent's answer", 170.0),
                ("ばらつき", "Spread", 55.0),
                ("合意した回答・メモ", "Agreed answer, note", 0.0),
            ],
        );
        self.flow.table(&columns, &rows, 7.0);
    }

    fn standing(&mut self) {
        let lang = self.lang;
        let r = self.input.score;
        let q = self.input.questionnaire;
        let n = r.benchmark_ref.as_ref().map_or(0, |b| b.n);
        self.flow.section(
            match lang {
                Lang::Ja => format!("調査対象 {n} 組織との比較"),
                Lang::En => format!("Standing among the {n} surveyed teams"),
            }
            .as_str(),
        );
        if let Some(b) = &r.benchmark_ref {
            self.flow.paragraph(b.line().get(lang), 8.5);
        }
        self.flow.paragraph(
            self.t(
                "棒は、貴組織の回答と同じかそれ以上のレベルにある調査対象組織の割合です。塗りつぶしは調査報告書の表や数値による正確な値、斜線は本文の記述 (「約 3 割」など) から読み取った概数です。枠だけの部分は、報告書から分からない範囲です。",
                "Each bar is the share of surveyed teams at or above your answer's level. Solid bars are exact (a table or a printed percentage); hatched bars are approximate, read from a sentence such as \"about 30 %\". An outlined part is the range the survey leaves open.",
            ),
            8.5,
        );
        for area in &q.areas {
            let a = r.areas.iter().find(|x| x.id == area.id);
            let bars = charts::standing_bars(r, &area.id);
            let score = a
                .and_then(|x| x.score)
                .map(|s| format!("{s:.0}"))
                .unwrap_or_else(|| labels::not_answered(lang).to_string());
            let peers = a
                .and_then(|x| x.benchmark)
                .map(|b| {
                    format!(
                        "{} {}",
                        l(lang, "調査対象の推定", "surveyed teams, estimated"),
                        if (b.high - b.low).abs() < 0.05 {
                            format!("{:.0}", b.low)
                        } else {
                            format!("{:.0}–{:.0}", b.low, b.high)
                        }
                    )
                })
                .unwrap_or_else(|| l(lang, "調査データなし", "no survey data").to_string());
            let title = format!(
                "{} — {} {score} ({peers})",
                area.name.get(lang),
                l(lang, "スコア", "score")
            );
            if bars.is_empty() {
                self.flow.heading(&title);
                self.flow.note(self.t(
                    "この領域の回答には、比較できる調査の数値がありません。",
                    "No survey figure allows a comparison for this area's answers.",
                ));
                continue;
            }
            let chart_h = charts::standing_height(bars.len());
            self.flow.ensure(chart_h + 60.0);
            self.flow.heading(&title);
            let y = self.flow.y;
            charts::standing_pdf(self.flow.page(), MARGIN_X, y, CONTENT_W, &bars);
            self.flow.y += chart_h + 4.0;
            let columns = table_columns(
                lang,
                &[
                    ("項目", "Item", 34.0),
                    ("設問", "Question", 185.0),
                    ("貴組織の回答", "Your answer", 120.0),
                    ("同等以上", "At or above", 55.0),
                    ("精度・出典", "Precision, source", 0.0),
                ],
            );
            let rows: Vec<Vec<String>> = r
                .items
                .iter()
                .filter(|i| i.area == area.id)
                .filter_map(|i| {
                    let st = i.standing.as_ref()?;
                    let item = self.item(&i.id)?;
                    Some(vec![
                        i.id.clone(),
                        item.text.get(lang).to_string(),
                        i.answer
                            .as_deref()
                            .map(|k| answer_label(item, k, lang))
                            .unwrap_or_default(),
                        format!(
                            "{}{}",
                            if st.precision == Precision::Narrative {
                                "≈"
                            } else {
                                ""
                            },
                            share(&st.at_or_above)
                        ),
                        format!(
                            "{}; {}",
                            labels::precision_mark(lang, st.precision),
                            st.source
                        ),
                    ])
                })
                .collect();
            self.flow.table(&columns, &rows, 7.0);
        }
    }

    fn gap_table(&mut self) {
        let lang = self.lang;
        let r = self.input.score;
        self.flow.section(self.t("ギャップ分析", "Gap analysis"));
        self.flow.paragraph(
            self.t(
                "目標を下回る回答を優先度の高い順に並べています。「目標に達している組織」は、目標のレベル以上にある調査対象組織の割合です。",
                "Answers below their target, highest priority first. \"Peers at target\" is the share of surveyed teams already at or above the target level.",
            ),
            8.5,
        );
        if r.gaps.is_empty() {
            self.flow.paragraph(
                self.t(
                    "目標を下回る回答はありません。",
                    "No answer is below its target.",
                ),
                9.0,
            );
            return;
        }
        let columns = table_columns(
            lang,
            &[
                ("#", "#", 18.0),
                ("項目", "Item", 122.0),
                ("現状 → 目標", "Current → target", 96.0),
                ("目標に達している組織", "Peers at target", 56.0),
                ("優先度", "Priority", 40.0),
                ("推奨事項", "Recommendation", 0.0),
            ],
        );
        let rows: Vec<Vec<String>> = r
            .gaps
            .iter()
            .map(|g| {
                let item = self.item(&g.item);
                let current = item
                    .map(|i| answer_label(i, &g.current_key, lang))
                    .unwrap_or_default();
                let target = item
                    .map(|i| answer_label(i, &g.target_key, lang))
                    .unwrap_or_default();
                vec![
                    g.rank.to_string(),
                    format!("{} {}", g.item, g.text.get(lang)),
                    format!("{current} → {target}"),
                    g.peers_at_target
                        .as_ref()
                        .map(|s| {
                            format!(
                                "{}{}",
                                if s.precision == Precision::Narrative {
                                    "≈"
                                } else {
                                    ""
                                },
                                share(&s.at_or_above)
                            )
                        })
                        .unwrap_or_else(|| l(lang, "不明", "unknown").to_string()),
                    format!(
                        "{} {:.0}",
                        labels::priority_word(lang, g.priority),
                        g.priority
                    ),
                    g.recommendation
                        .as_ref()
                        .map(|x| x.get(lang).to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        self.flow.table(&columns, &rows, 7.2);
    }

    fn roadmap(&mut self) {
        let lang = self.lang;
        let q = self.input.questionnaire;
        let r = self.input.score;
        let plan = roadmap(q, r);
        self.flow.section(self.t("ロードマップ", "Roadmap"));
        self.flow.paragraph(
            self.t(
                "優先度の高いギャップから着手し、前提となる取り組み (例: 統計の開示の前にインシデントの分類とエスカレーションルール) を先に置いています。",
                "The most urgent gaps come first, and prerequisites come before what depends on them (for example, incident classification and escalation rules before statistics).",
            ),
            8.5,
        );
        for phase in Phase::ALL {
            let entries: Vec<_> = plan.phase(phase).collect();
            self.flow.heading(phase.label().get(lang));
            if entries.is_empty() {
                self.flow.note(self.t("該当なし", "Nothing in this phase."));
                continue;
            }
            for e in entries {
                let Some(g) = r.gaps.iter().find(|g| g.item == e.item) else {
                    continue;
                };
                let item = self.item(&e.item);
                let current = item
                    .map(|i| answer_label(i, &g.current_key, lang))
                    .unwrap_or_default();
                let target = item
                    .map(|i| answer_label(i, &g.target_key, lang))
                    .unwrap_or_default();
                let mut line = format!("{} {} ({current} → {target})", e.item, g.text.get(lang));
                if !e.prerequisites.is_empty() {
                    line.push_str(&format!(
                        " — {} {}",
                        l(lang, "前提:", "after"),
                        e.prerequisites.join(", ")
                    ));
                }
                if e.pulled_forward {
                    line.push_str(l(
                        lang,
                        " (後続の前提のため前倒し)",
                        " (brought forward: later steps depend on it)",
                    ));
                }
                self.flow.bullet(&line);
            }
        }
    }

    fn sim3_view(&mut self) {
        let lang = self.lang;
        let r = self.input.score;
        self.flow.section(self.t("SIM3 の観点", "SIM3 view"));
        self.flow.paragraph(
            self.t(
                "SIM3 のパラメータに対応する設問だけを、SIM3 の 4 つのカテゴリに分けて示します。これは本アンケートの回答の対応付けであり、SIM3 による評価そのものではありません。",
                "The items that map to a SIM3 parameter, grouped by SIM3's four categories. This maps the survey's answers onto SIM3; it is not a SIM3 assessment in itself.",
            ),
            8.5,
        );
        for cat in ["organisation", "human", "tools", "processes"] {
            let rows: Vec<Vec<String>> = r
                .items
                .iter()
                .filter(|i| i.sim3.iter().any(|p| sim3_category(p) == Some(cat)))
                .filter_map(|i| {
                    let item = self.item(&i.id)?;
                    let params: Vec<&String> = i
                        .sim3
                        .iter()
                        .filter(|p| sim3_category(p) == Some(cat))
                        .collect();
                    let status = match (i.score, i.gap) {
                        (None, _) => labels::not_answered(lang).to_string(),
                        (Some(_), Some(g)) if g > 0.0 => {
                            l(lang, "目標未達", "below target").to_string()
                        }
                        _ => l(lang, "目標達成", "at target").to_string(),
                    };
                    Some(vec![
                        params
                            .iter()
                            .map(|p| p.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        format!("{} {}", i.id, item.text.get(lang)),
                        i.answer
                            .as_deref()
                            .map(|k| answer_label(item, k, lang))
                            .unwrap_or_else(|| "—".into()),
                        i.score
                            .map(|s| format!("{s:.0}"))
                            .unwrap_or_else(|| "—".into()),
                        status,
                    ])
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            self.flow.heading(labels::sim3_category(lang, cat));
            let columns = table_columns(
                lang,
                &[
                    ("パラメータ", "Parameter", 58.0),
                    ("設問", "Item", 200.0),
                    ("回答", "Answer", 135.0),
                    ("スコア", "Score", 36.0),
                    ("状態", "Status", 0.0),
                ],
            );
            self.flow.table(&columns, &rows, 7.2);
        }
    }

    fn services(&mut self) {
        let lang = self.lang;
        let q = self.input.questionnaire;
        let a = self.input.assessment;
        self.flow.section(self.t("提供サービス", "Services"));
        let b = self.input.benchmark;
        // The 2015 survey lost the chart of the reactive services; a pooled benchmark has them.
        let survey = b.is_none_or(|b| b.id == csirt_model::load::BUILTIN_ID);
        if survey {
            self.flow.paragraph(
                self.t(
                    "22 のサービスそれぞれについて、貴組織の提供状況と、調査対象 66 組織のうち提供していた組織数です。事後対応型サービス (a〜f) の組織数はグラフのみで、報告書のテキストからは失われています。",
                    "For each of the 22 services: how your organisation provides it, and how many of the 66 surveyed teams provide it. The counts of the reactive services (a–f) were only a chart and did not survive in the report's text.",
                ),
                8.5,
            );
        } else {
            let n = b.map_or(0, |b| b.n);
            let text = match lang {
                Lang::Ja => format!("22 のサービスそれぞれについて、貴組織の提供状況と、基準データの {n} 組織のうち提供している組織数です。"),
                Lang::En => format!("For each of the 22 services: how your organisation provides it, and how many of the benchmark's {n} teams provide it."),
            };
            self.flow.paragraph(&text, 8.5);
        }
        let rows: Vec<Vec<String>> = q
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Service { .. }))
            .map(|i| {
                let yours = match a.answers.get(&i.id) {
                    Some(Answer::Text(k)) => service_label(k)
                        .map(|t| t.get(lang).to_string())
                        .unwrap_or_else(|| k.clone()),
                    _ => labels::not_answered(lang).to_string(),
                };
                let count = b.and_then(|b| {
                    b.figures_for(&i.id)
                        .find(|f| f.precision == Precision::ExactCount)
                        .and_then(|f| {
                            // `provided`, or a pooled file's in-house and outsourced counts.
                            let provided = f.values.iter().find(|v| v.key == "provided");
                            let split: Vec<f64> = f
                                .values
                                .iter()
                                .filter(|v| v.key == "in-house" || v.key == "outsourced")
                                .map(|v| v.value)
                                .collect();
                            match provided {
                                Some(v) => Some(v.value),
                                None if !split.is_empty() => Some(split.iter().sum()),
                                None => None,
                            }
                            .map(|v| (v, f.n, f.source.clone()))
                        })
                });
                let (peers, source) = match count {
                    Some((v, n, src)) => (
                        format!("{v:.0} / {n} ({:.0}%)", v / f64::from(n) * 100.0),
                        src,
                    ),
                    None if survey => (
                        l(lang, "不明 (グラフのみ)", "unknown (chart only)").to_string(),
                        String::new(),
                    ),
                    None => (l(lang, "数値なし", "no figure").to_string(), String::new()),
                };
                let core = if i.scored { " ★" } else { "" };
                vec![
                    format!(
                        "{} {}{core}",
                        i.id.trim_start_matches("2.9."),
                        i.text.get(lang)
                    ),
                    yours,
                    peers,
                    source,
                ]
            })
            .collect();
        let columns = table_columns(
            lang,
            &[
                ("サービス", "Service", 190.0),
                ("貴組織", "Yours", 72.0),
                ("提供している組織", "Surveyed teams providing", 92.0),
                ("出典", "Source", 0.0),
            ],
        );
        self.flow.table(&columns, &rows, 7.2);
        self.flow.note(self.t(
            "★ 第 4.1 節が多くの CSIRT の中核サービスとして挙げるもの。採点の対象です。",
            "★ A core service named in chapter 4.1 as one most CSIRTs provide; it is scored.",
        ));
    }

    fn appendix_answers(&mut self) {
        let lang = self.lang;
        let q = self.input.questionnaire;
        let a = self.input.assessment;
        self.flow
            .section(self.t("付録 A: すべての回答", "Appendix A: every answer"));
        for s in &q.sections {
            self.flow
                .heading(&format!("{} {}", s.id, s.title.get(lang)));
            let rows: Vec<Vec<String>> = q
                .section_items(&s.id)
                .filter(|i| !matches!(i.kind, ItemKind::Group | ItemKind::Service { .. }))
                .map(|i| {
                    let mut answer = a
                        .answers
                        .get(&i.id)
                        .map(|x| i.describe_answer(x, lang))
                        .unwrap_or_else(|| labels::not_answered(lang).to_string());
                    if let Some(o) = a.other.get(&i.id) {
                        answer.push_str(&format!(" ({o})"));
                    }
                    let mut notes = Vec::new();
                    if let Some(c) = a.comments.get(&i.id) {
                        notes.push(c.clone());
                    }
                    if let Some(e) = a.evidence.get(&i.id) {
                        notes.push(format!("{} {e}", l(lang, "根拠:", "Evidence:")));
                    }
                    vec![
                        i.id.clone(),
                        i.text.get(lang).to_string(),
                        answer,
                        notes.join(" / "),
                    ]
                })
                .collect();
            let columns = table_columns(
                lang,
                &[
                    ("項目", "Item", 34.0),
                    ("設問", "Question", 190.0),
                    ("回答", "Answer", 135.0),
                    ("コメント・根拠", "Comment, evidence", 0.0),
                ],
            );
            self.flow.table(&columns, &rows, 7.0);
        }
        // Service answers are in the services section; comments on them are listed here.
        let service_notes: Vec<Vec<String>> = q
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Service { .. }))
            .filter_map(|i| {
                let c = a.comments.get(&i.id);
                let e = a.evidence.get(&i.id);
                (c.is_some() || e.is_some()).then(|| {
                    vec![
                        i.id.clone(),
                        i.text.get(lang).to_string(),
                        [c.cloned(), e.cloned()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" / "),
                    ]
                })
            })
            .collect();
        if !service_notes.is_empty() {
            self.flow
                .heading(self.t("サービスへのコメント", "Comments on services"));
            let columns = table_columns(
                lang,
                &[
                    ("項目", "Item", 34.0),
                    ("サービス", "Service", 190.0),
                    ("コメント・根拠", "Comment, evidence", 0.0),
                ],
            );
            self.flow.table(&columns, &service_notes, 7.0);
        }
    }

    fn appendix_method(&mut self) {
        let lang = self.lang;
        self.flow.section(self.t(
            "付録 B: 採点方法とデータの出典",
            "Appendix B: scoring method and data provenance",
        ));
        self.flow.heading(self.t("採点方法", "Scoring method"));
        let method = match lang {
            Lang::Ja => labels::SCORING_METHOD_JA,
            Lang::En => labels::SCORING_METHOD_EN,
        };
        for p in method {
            self.flow.paragraph(p, 8.5);
        }
        self.flow.heading(self.t("データの出典", "Data provenance"));
        if let Some(b) = self.input.benchmark {
            let segment = b
                .in_segment
                .as_ref()
                .map(|s| match lang {
                    Lang::Ja => format!(" 区分「{}」。", s.label.ja),
                    Lang::En => format!(" Segment: {}.", s.label.en),
                })
                .unwrap_or_default();
            self.flow.paragraph(
                &format!(
                    "{} — {}. n = {}; {} {}; {} {}.{segment}",
                    b.title.get(lang),
                    b.source.get(lang),
                    b.n,
                    l(lang, "調査日", "surveyed"),
                    b.survey_date,
                    l(lang, "公表", "published"),
                    b.published
                ),
                8.5,
            );
            self.flow.paragraph(b.limits.get(lang), 8.5);
            let exact = b.figures.iter().filter(|f| f.precision.is_exact()).count();
            let narrative = b.figures.len() - exact;
            self.flow.paragraph(
                &match lang {
                    Lang::Ja => format!(
                        "比較に使った数値: 正確な数値 {exact} 件、本文の記述から読み取った数値 {narrative} 件。インタビュー {} 組織。",
                        b.interviews.len()
                    ),
                    Lang::En => format!(
                        "Figures used: {exact} exact, {narrative} read from the text. Interviews: {} teams.",
                        b.interviews.len()
                    ),
                },
                8.5,
            );
        }
        let reconstructed: Vec<&str> = self
            .input
            .questionnaire
            .items
            .iter()
            .filter(|i| i.reconstructed)
            .map(|i| i.id.as_str())
            .collect();
        if !reconstructed.is_empty() {
            self.flow.paragraph(
                &match lang {
                    Lang::Ja => format!(
                        "次の設問は、報告書の表 1.3.1 から失われた行を見出しと結果の記述から再構成したものです: {}。",
                        reconstructed.join(", ")
                    ),
                    Lang::En => format!(
                        "These items were rebuilt from their headings and findings because their rows were lost from table 1.3.1: {}.",
                        reconstructed.join(", ")
                    ),
                },
                8.5,
            );
        }
        self.flow.note(self.t(
            "この PDF はタグ付き PDF や PDF/A ではありません。",
            "This PDF is neither tagged nor PDF/A.",
        ));
    }
}

/// A respondent's answer as the divergence view wrote it (keys joined by ", "), in words.
fn respondent_answer_label(item: &Item, shown: &str, lang: Lang) -> String {
    match &item.kind {
        ItemKind::Multiple { .. } => shown
            .split(", ")
            .map(|k| answer_label(item, k, lang))
            .collect::<Vec<_>>()
            .join(", "),
        ItemKind::Single { .. } | ItemKind::Scale { .. } | ItemKind::Service { .. } => {
            answer_label(item, shown, lang)
        }
        _ => shown.to_string(),
    }
}

/// Table columns from (ja title, en title, width); the last column takes the rest of the line.
fn table_columns(lang: Lang, spec: &[(&'static str, &'static str, f32)]) -> Vec<Column> {
    let used: f32 = spec
        .iter()
        .take(spec.len().saturating_sub(1))
        .map(|c| c.2)
        .sum();
    spec.iter()
        .enumerate()
        .map(|(i, &(ja, en, width))| Column {
            title: l(lang, ja, en).to_string(),
            width: if i + 1 == spec.len() {
                CONTENT_W - used
            } else {
                width
            },
        })
        .collect()
}

/// One sentence on a set-up item: how many related practices miss their target, and which first.
fn setup_sentence(input: &ReportInput, setup_id: &str, readiness: Readiness, lang: Lang) -> String {
    let r = input.score;
    let related: Vec<_> = r
        .items
        .iter()
        .filter(|i| i.setup.iter().any(|s| s == setup_id))
        .collect();
    let answered = related.iter().filter(|i| i.score.is_some()).count();
    let below: Vec<_> = r
        .gaps
        .iter()
        .filter(|g| g.setup.iter().any(|s| s == setup_id))
        .collect();
    if answered == 0 {
        return l(
            lang,
            "関係する設問が未回答です。",
            "none of its questions is answered yet.",
        )
        .to_string();
    }
    match (readiness, below.first()) {
        (_, None) => match lang {
            Lang::Ja => format!("関係する {answered} 問はすべて目標に達しています。"),
            Lang::En => format!("all {answered} related practices meet their target."),
        },
        (_, Some(first)) => match lang {
            Lang::Ja => format!(
                "{answered} 問中 {} 問が目標未達。まず「{}」から。",
                below.len(),
                first.text.get(lang)
            ),
            Lang::En => format!(
                "{} of {answered} related practices are below target; start with \"{}\".",
                below.len(),
                first.text.get(lang)
            ),
        },
    }
}

/// Adds the header, footer and page numbers to every page but the cover.
fn furnish(mut pages: Vec<Canvas>, input: &ReportInput, lang: Lang) -> Vec<Canvas> {
    let total = pages.len();
    let org = &input.assessment.organisation.name;
    let date = input.assessment.date.clone().unwrap_or_default();
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        let right = date.clone();
        let date_w = crate::fonts::metrics(Weight::Regular).map_or(0.0, |m| m.width(&right, 7.5));
        let name = ellipsize(org, CONTENT_W - date_w - 20.0, 7.5, Weight::Regular);
        page.text(MARGIN_X, 34.0, &name, 7.5, Weight::Regular, MUTED);
        page.text_right(
            MARGIN_X + CONTENT_W,
            34.0,
            &right,
            7.5,
            Weight::Regular,
            MUTED,
        );
        page.line(MARGIN_X, 40.0, MARGIN_X + CONTENT_W, 40.0, RULE, 0.5);
        let footer_y = PAGE_H - 30.0;
        page.line(
            MARGIN_X,
            footer_y - 10.0,
            MARGIN_X + CONTENT_W,
            footer_y - 10.0,
            RULE,
            0.5,
        );
        let title = ellipsize(
            labels::report_title(lang),
            CONTENT_W - 80.0,
            7.0,
            Weight::Regular,
        );
        page.text(MARGIN_X, footer_y, &title, 7.0, Weight::Regular, MUTED);
        page.text_right(
            MARGIN_X + CONTENT_W,
            footer_y,
            &format!("{} / {total}", i + 1),
            7.5,
            Weight::Bold,
            INK,
        );
    }
    pages
}
