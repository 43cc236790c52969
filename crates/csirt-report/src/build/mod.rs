//! Builds the report model (`model::ReportDoc`) from the score and its extras: the one place
//! that decides what the report says, in which words, order and number format, and which
//! sections appear. One file per group of sections; the renderers only lay it out.

mod appendix;
mod gaps;
mod plan;
mod staffing;
mod standing;
mod summary;
mod views;

use crate::labels::{self, l};
use crate::model::{
    Block, Cell, Column, Cover, Density, Fact, Preset, ReportDoc, ReportOptions, Section,
    SectionKind, Table,
};
use crate::{ReportExtras, ReportInput};
use csirt_model::{Answer, Item, Lang};
use csirt_scoring::Share;

/// Every section in the report's own order.
pub const ORDER: [SectionKind; 13] = [
    SectionKind::Summary,
    SectionKind::SinceLast,
    SectionKind::Standing,
    SectionKind::Gaps,
    SectionKind::ActionPlan,
    SectionKind::Roadmap,
    SectionKind::Staffing,
    SectionKind::Sim3,
    SectionKind::Services,
    SectionKind::Peers,
    SectionKind::AppendixAnswers,
    SectionKind::AppendixMethod,
    SectionKind::AppendixDisagreements,
];

/// The sections a preset includes.
pub fn preset_sections(preset: Preset) -> Vec<SectionKind> {
    ORDER
        .into_iter()
        .filter(|k| match preset {
            Preset::Board => matches!(
                k,
                SectionKind::Summary
                    | SectionKind::SinceLast
                    | SectionKind::Gaps
                    | SectionKind::ActionPlan
                    | SectionKind::Roadmap
            ),
            Preset::Team => *k != SectionKind::AppendixMethod,
            Preset::Full => true,
        })
        .collect()
}

/// The sections these options ask for, in the report's order: the explicit list when given,
/// else the preset's.
pub fn chosen_sections(options: &ReportOptions) -> Vec<SectionKind> {
    match &options.sections {
        Some(list) => ORDER.into_iter().filter(|k| list.contains(k)).collect(),
        None => preset_sections(options.preset),
    }
}

/// What every section builder reads.
pub(crate) struct Ctx<'a> {
    pub input: &'a ReportInput<'a>,
    pub extras: &'a ReportExtras<'a>,
    pub lang: Lang,
}

impl<'a> Ctx<'a> {
    pub fn t(&self, ja: &'static str, en: &'static str) -> String {
        l(self.lang, ja, en).to_string()
    }

    pub fn item(&self, id: &str) -> Option<&'a Item> {
        self.input.questionnaire.item(id)
    }

    /// An answer key in a few words, in one capitalisation style.
    pub fn answer_label(&self, item: &Item, key: &str) -> String {
        label_case(
            &item.describe_answer_short(&Answer::Text(key.to_string()), self.lang),
            self.lang,
        )
    }

    /// An item's answer key as a label, or empty when the item is unknown.
    pub fn key_label(&self, item: &str, key: &str) -> String {
        self.item(item)
            .map(|i| self.answer_label(i, key))
            .unwrap_or_default()
    }

    pub fn not_answered(&self) -> String {
        label_case(labels::not_answered(self.lang), self.lang)
    }

    /// The benchmark in use, named in one line, or None without a benchmark.
    pub fn benchmark_line(&self) -> Option<String> {
        self.input
            .score
            .benchmark_ref
            .as_ref()
            .map(|b| b.line().get(self.lang).to_string())
    }

    /// "Benchmark: …" as small print for every standing.
    pub fn benchmark_note(&self) -> Option<Block> {
        self.benchmark_line().map(|b| Block::Note {
            text: match self.lang {
                Lang::Ja => format!("比較対象: {b}"),
                Lang::En => format!("Benchmark: {b}"),
            },
        })
    }

    /// A benchmark figure's citation in the report's language. The figures' sources are one
    /// language only, as the survey printed them (Japanese); in English the words they use to
    /// name a part of the survey are translated.
    pub fn cite(&self, source: &str) -> String {
        match self.lang {
            Lang::Ja => source.to_string(),
            Lang::En => CITATION_WORDS
                .iter()
                .fold(source.to_string(), |s, (ja, en)| s.replace(ja, en)),
        }
    }
}

/// The words benchmark sources use to name a part of a survey, in English.
const CITATION_WORDS: &[(&str, &str)] = &[
    ("【事前対応型サービス】", "proactive services"),
    (
        "【セキュリティ品質管理サービス】",
        "security quality management services",
    ),
    ("【その他】", "other services"),
    ("アンケート", "questionnaire"),
    // "JPCERT/CC 2017年度調査": the survey of fiscal year 2017.
    ("年度調査", " survey"),
    // The staffing roles' sources (csirt-roles).
    (
        "「CSIRT人材の定義と確保」",
        " 'Defining and securing CSIRT staff' ",
    ),
    (
        "「MALWARE CONTAINMENT ゲームを終えて」",
        "MALWARE CONTAINMENT game debrief",
    ),
    ("補足", "supplement"),
];

/// Answer labels start with a capital in English (options are written either way in the data).
pub fn label_case(s: &str, lang: Lang) -> String {
    if lang == Lang::Ja {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A share of teams as printed: "40%", "10–30%", "40–100%".
pub fn share(s: &Share) -> String {
    if (s.high - s.low).abs() < 0.05 {
        format!("{:.0}%", s.low)
    } else if s.high >= 99.95 {
        format!("{:.0}–100%", s.low)
    } else {
        format!("{:.0}–{:.0}%", s.low, s.high)
    }
}

/// A score as printed, or "—".
pub fn score(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "—".into())
}

/// Ends `text` with one full stop of the language's kind, never two.
pub fn sentence(text: &str, lang: Lang) -> String {
    let t = text.trim_end();
    let ends = t.ends_with(['。', '.', '!', '?', '！', '？', '」', '）', ')'])
        && !(t.ends_with(')') && lang == Lang::Ja);
    if t.is_empty() || ends {
        t.to_string()
    } else {
        match lang {
            Lang::Ja => format!("{t}。"),
            Lang::En => format!("{t}."),
        }
    }
}

/// Columns from (ja, en, relative width); 0 takes what is left.
pub fn columns(lang: Lang, spec: &[(&'static str, &'static str, f32)]) -> Vec<Column> {
    spec.iter()
        .map(|&(ja, en, width)| Column {
            title: l(lang, ja, en).to_string(),
            width,
        })
        .collect()
}

/// A table block from plain rows.
pub fn table(columns: Vec<Column>, rows: Vec<Vec<Cell>>, density: Density) -> Block {
    Block::Table(Table {
        columns,
        rows,
        density,
    })
}

/// Plain text cells.
pub fn cells(texts: Vec<String>) -> Vec<Cell> {
    texts.into_iter().map(Cell::text).collect()
}

/// The report in `lang`, with the sections the options ask for.
pub fn build(
    input: &ReportInput,
    extras: &ReportExtras,
    lang: Lang,
    options: &ReportOptions,
) -> ReportDoc {
    let cx = Ctx {
        input,
        extras,
        lang,
    };
    let confidentiality = options
        .confidentiality
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| labels::confidential(lang).to_string());
    let organisation = crate::fonts::composed(&input.assessment.organisation.name).into_owned();
    let mut sections = Vec::new();
    let mut letter = b'A';
    for kind in chosen_sections(options) {
        let built = match kind {
            SectionKind::Summary => Some(summary::summary(&cx)),
            SectionKind::SinceLast => standing::since_last(&cx),
            SectionKind::Standing => standing::standing(&cx),
            SectionKind::Gaps => Some(gaps::gap_analysis(&cx)),
            SectionKind::ActionPlan => plan::action_plan(&cx),
            SectionKind::Roadmap => Some(gaps::roadmap(&cx)),
            SectionKind::Staffing => staffing::staffing(&cx),
            SectionKind::Sim3 => views::sim3(&cx),
            SectionKind::Services => views::services(&cx),
            SectionKind::Peers => views::peers(&cx),
            SectionKind::AppendixAnswers => Some(appendix::answers(&cx)),
            SectionKind::AppendixMethod => Some(appendix::method(&cx)),
            SectionKind::AppendixDisagreements => appendix::disagreements(&cx),
        };
        let Some((title, blocks)) = built else {
            continue;
        };
        let appendix = matches!(
            kind,
            SectionKind::AppendixAnswers
                | SectionKind::AppendixMethod
                | SectionKind::AppendixDisagreements
        );
        // Appendices are lettered in the order they appear, whichever are included.
        let title = if appendix {
            let c = char::from(letter);
            letter += 1;
            match lang {
                Lang::Ja => format!("付録 {c}: {title}"),
                Lang::En => format!("Appendix {c}: {title}"),
            }
        } else {
            title
        };
        sections.push(Section {
            kind,
            title,
            appendix,
            blocks,
        });
    }
    ReportDoc {
        lang,
        title: labels::report_title(lang, &input.questionnaire.subject),
        running_header: organisation.clone(),
        date: input.assessment.date.clone().unwrap_or_default(),
        organisation,
        cover: cover(&cx, options),
        confidentiality,
        assessor_label: cx.t("評価者のコメント", "Assessor's note"),
        sections,
    }
}

fn cover(cx: &Ctx, options: &ReportOptions) -> Cover {
    let lang = cx.lang;
    let a = cx.input.assessment;
    let q = cx.input.questionnaire;
    let status = match a.status {
        csirt_model::Status::Final => cx.t("確定", "Final"),
        csirt_model::Status::Draft => cx.t("ドラフト", "Draft"),
    };
    let named = cx.input.score.benchmark_ref.as_ref();
    let not_recorded = cx.t("記録なし", "Not recorded");
    // Who answered: the workshop's respondents by name (and role), else not recorded.
    let respondents = a
        .workshop
        .as_ref()
        .map(|w| {
            w.respondents
                .iter()
                .map(|r| match &r.role {
                    Some(role) if !role.trim().is_empty() => format!("{} ({role})", r.name),
                    _ => r.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(l(lang, "、", ", "))
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| not_recorded.clone());
    // The interchange file names no facilitator or assessor; a workshop says one was held.
    let ran_by = match &a.workshop {
        Some(_) => cx.t(
            "ワークショップの進行役 (氏名の記録なし)",
            "A workshop facilitator (name not recorded)",
        ),
        None => not_recorded,
    };
    let mut facts = vec![
        (
            cx.t("評価日", "Assessment date"),
            a.date.clone().unwrap_or_default(),
        ),
        (cx.t("状態", "Status"), status),
        (
            cx.t("業種", "Sector"),
            a.organisation.sector.clone().unwrap_or_default(),
        ),
        (cx.t("評価の実施", "Assessment run by"), ran_by),
        (cx.t("回答者", "Answered by"), respondents),
        (
            cx.t("質問票", "Questionnaire"),
            format!("{} ({})", q.title.get(lang), q.version),
        ),
        (
            cx.t("比較対象", "Benchmark"),
            named
                .map(|b| b.line().get(lang).to_string())
                .unwrap_or_else(|| cx.t("なし", "None")),
        ),
        (
            cx.t("比較対象の出典", "Benchmark source"),
            named
                .map(|b| b.source.get(lang).to_string())
                .unwrap_or_default(),
        ),
    ];
    facts.retain(|(_, v)| !v.trim().is_empty());
    Cover {
        facts: facts
            .into_iter()
            .map(|(label, value)| Fact { label, value })
            .collect(),
        logo: options.logo.clone(),
    }
}
