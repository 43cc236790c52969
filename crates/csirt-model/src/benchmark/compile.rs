//! The benchmark's second validation phase: a parsed benchmark file checked against its
//! questionnaire (ids, dates, segments, figures, facts, supplements, interviews), every problem
//! with its line.

use crate::benchmark::{
    check_segment_id, Benchmark, Bound, Fact, Figure, FigureValue, Group, Interview, Practice,
    Precision, Segment, Supplement, SupplementColumn, SupplementRow, BENCHMARK_FORMAT, CADENCES,
    INTERVIEW_FORMS, PRACTICE_TOPICS,
};
use crate::bi;
use crate::date::parse_date;
use crate::error::Problem;
use crate::questionnaire::{check_bound, prefix, ItemKind, Questionnaire, MAX_DATA_NUMBER};
use crate::raw::RawBenchmark;
use crate::source::SourceFile;
use crate::text::Text;
use std::collections::BTreeSet;

/// Second validation phase for the benchmark, checked against its questionnaire.
pub(crate) fn compile(
    raw: RawBenchmark,
    q: &Questionnaire,
    file: &SourceFile,
) -> Result<Benchmark, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut bad = |span: std::ops::Range<usize>, msg: Text| {
        problems.push(file.problem_at(span.start, msg));
    };

    if raw.format.get_ref() != BENCHMARK_FORMAT {
        let format = raw.format.get_ref();
        bad(
            raw.format.span(),
            bi!(
                "format が {format:?} です。この版のアプリが読めるのは {BENCHMARK_FORMAT:?} です",
                "format is {format:?}; this version of the app reads {BENCHMARK_FORMAT:?}"
            ),
        );
    }
    let bench_id = raw.id.get_ref();
    if bench_id.is_empty()
        || !bench_id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
    {
        bad(
            raw.id.span(),
            bi!(
                "id {bench_id:?} には英小文字・数字・-・. だけが使えます",
                "id {bench_id:?} may hold only lower-case letters, digits, - and ."
            ),
        );
    }
    if raw.questionnaire.get_ref() != &q.id {
        let (named, held) = (raw.questionnaire.get_ref(), &q.id);
        bad(
            raw.questionnaire.span(),
            bi!(
                "questionnaire が {named:?} ですが、フォルダにあるのは {held:?} です",
                "questionnaire is {named:?} but the folder holds {held:?}"
            ),
        );
    }
    if raw.n == 0 || f64::from(raw.n) > MAX_DATA_NUMBER {
        let n = raw.n;
        bad(
            raw.format.span(),
            bi!(
                "調査の n = {n} は 1 以上 {MAX_DATA_NUMBER} 以下でなければなりません",
                "the survey's n = {n} must be between 1 and {MAX_DATA_NUMBER}"
            ),
        );
    }
    for (what, t) in [
        ("title", &raw.title),
        ("source", &raw.source),
        ("limits", &raw.limits),
    ] {
        if t.is_incomplete() {
            bad(
                raw.format.span(),
                bi!(
                    "{what} には ja と en の両方の文が必要です",
                    "{what} needs both ja and en text"
                ),
            );
        }
    }
    for (what, d) in [
        ("survey_date", &raw.survey_date),
        ("published", &raw.published),
    ] {
        if let Err(m) = parse_date(d) {
            bad(
                raw.format.span(),
                prefix(Text::new(format!("{what}: "), format!("{what}: ")), m),
            );
        }
    }

    if let Some(min) = raw.min_cell {
        if min == 0 || min > raw.n {
            let all = raw.n;
            bad(
                raw.format.span(),
                bi!(
                    "min_cell = {min} は 1 から n = {all} までの間でなければなりません",
                    "min_cell = {min} must be between 1 and n = {all}"
                ),
            );
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for spanned in &raw.segments {
        let seg = spanned.get_ref();
        let id = seg.id.get_ref();
        let span = seg.id.span();
        let mut here = |msg: Text| {
            bad(
                span.clone(),
                prefix(bi!("区分 {id}: ", "segment {id}: "), msg),
            )
        };
        if let Err(m) = check_segment_id(id) {
            here(m);
        }
        if segments.iter().any(|s| &s.id == id) {
            here(bi!("同じ区分が二度あります", "the segment is listed twice"));
        }
        let (n, all) = (seg.n, raw.n);
        if n == 0 || n > all {
            here(bi!(
                "n = {n} は 1 から基準データの n = {all} までの間でなければなりません",
                "n = {n} must be between 1 and the benchmark's n = {all}"
            ));
        }
        if let Some(min) = raw.min_cell {
            if n < min {
                here(bi!(
                    "n = {n} が min_cell = {min} より小さくなっています",
                    "n = {n} is below min_cell = {min}"
                ));
            }
        }
        if seg.label.is_incomplete() {
            here(bi!(
                "label には ja と en の両方が必要です",
                "label needs both ja and en"
            ));
        }
        segments.push(Segment {
            id: id.clone(),
            n: seg.n,
            label: seg.label.clone(),
        });
    }

    let mut figures = Vec::new();
    let mut segment_figures = Vec::new();
    let mut seen = BTreeSet::new();
    for spanned in &raw.figures {
        let f = spanned.get_ref();
        let span = f.item.span();
        let item_id = f.item.get_ref();
        if let Some(seg_id) = &f.segment {
            let id = seg_id.get_ref();
            let at = seg_id.span();
            match segments.iter().find(|s| &s.id == id) {
                None => bad(
                    at,
                    bi!(
                        "項目 {item_id} の数値: 区分 {id:?} は segments にありません",
                        "figure for item {item_id}: segment {id:?} is not in segments"
                    ),
                ),
                Some(s) if f.n > s.n => {
                    let (n, sn) = (f.n, s.n);
                    bad(
                        at,
                        bi!(
                            "項目 {item_id} の数値: n = {n} が区分 {id} の n = {sn} より多くなっています",
                            "figure for item {item_id}: n = {n} is more than segment {id}'s n = {sn}"
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        if let Some(min) = raw.min_cell {
            if f.n < min {
                let n = f.n;
                bad(
                    span.clone(),
                    bi!(
                        "項目 {item_id} の数値: n = {n} が min_cell = {min} より小さくなっています",
                        "figure for item {item_id}: n = {n} is below min_cell = {min}"
                    ),
                );
            }
        }
        let mut here = |msg: Text| {
            bad(
                span.clone(),
                prefix(
                    bi!("項目 {item_id} の数値: ", "figure for item {item_id}: "),
                    msg,
                ),
            )
        };
        let precision = Precision::from(f.precision);
        let item = q.item(item_id);
        if item.is_none() {
            here(bi!(
                "質問票にこの項目はありません",
                "no such item in the questionnaire"
            ));
        }
        if f.n == 0 || f.n > raw.n {
            let (n, all) = (f.n, raw.n);
            here(bi!(
                "n = {n} は 1 から調査の n = {all} までの間でなければなりません",
                "n = {n} must be between 1 and the survey's n = {all}"
            ));
        }
        if f.source.trim().is_empty() {
            here(bi!("source が必要です", "source is required"));
        }
        if precision == Precision::ExactValue {
            here(bi!(
                "exact-value は fact のためのものです。数値は件数、割合、文のどれかです",
                "exact-value is for facts; a figure is a count, a percentage or narrative"
            ));
        }
        let dup_key = (
            (
                item_id.clone(),
                f.segment.as_ref().map(|s| s.get_ref().clone()),
            ),
            format!("{:?}", f.precision),
            f.source.clone(),
            f.values.keys().cloned().collect::<Vec<_>>().join(","),
            f.quote.as_ref().map(|q| q.ja.clone()).unwrap_or_default(),
            f.subject.join(","),
        );
        if !seen.insert(dup_key) {
            here(bi!(
                "同じ数値が二度記録されています",
                "the same figure is recorded twice"
            ));
        }
        let is_narrative = precision == Precision::Narrative;
        match (is_narrative, &f.quote, f.bound) {
            (true, None, _) => here(bi!(
                "文で示す数値には引用（ja と en）が必要です",
                "a narrative figure must keep its quote (ja and en)"
            )),
            (true, _, None) => here(bi!(
                "文で示す数値には bound が必要です",
                "a narrative figure needs a bound"
            )),
            (false, _, Some(_)) => here(bi!(
                "bound は文で示す数値のためのものです",
                "bound is only for narrative figures"
            )),
            _ => {}
        }
        for (what, t) in [("quote", &f.quote), ("note", &f.note)] {
            if t.as_ref().is_some_and(Text::is_incomplete) {
                here(bi!(
                    "{what} には ja と en の両方が必要です",
                    "{what} needs both ja and en"
                ));
            }
        }
        let bound = f.bound.map(Bound::from);
        if bound == Some(Bound::Qualitative) && !f.values.is_empty() {
            here(bi!(
                "定性的な数値は数を示しません。values を消してください",
                "a qualitative figure claims no number: remove values"
            ));
        }
        if bound != Some(Bound::Qualitative) && f.values.is_empty() {
            here(bi!(
                "values が必要です（または bound = \"qualitative\"）",
                "values are required (or bound = \"qualitative\")"
            ));
        }

        let mut values = Vec::new();
        let mut covered: BTreeSet<String> = BTreeSet::new();
        let mut total = 0.0;
        for (key, &value) in &f.values {
            let group = Group::parse(key);
            if !(value.is_finite() && value >= 0.0) {
                here(bi!(
                    "値 {key} = {value} は 0 以上の有限の数でなければなりません",
                    "value {key} = {value} must be a finite number >= 0"
                ));
            }
            let n = f.n;
            match precision {
                Precision::ExactCount => {
                    if value.fract() != 0.0 {
                        here(bi!(
                            "{key} = {value}: 件数は整数でなければなりません",
                            "{key} = {value}: a count must be a whole number"
                        ));
                    }
                    if value > f64::from(n) {
                        here(bi!(
                            "{key} = {value} が n = {n} より多くなっています",
                            "{key} = {value} is more than n = {n}"
                        ));
                    }
                }
                _ => {
                    if value > 100.0 {
                        here(bi!(
                            "{key} = {value} が 100 % を超えています",
                            "{key} = {value} is more than 100 %"
                        ));
                    }
                }
            }
            total += value;
            if let Some(item) = item {
                match (&group, &item.kind) {
                    (Group::Provided, ItemKind::Service { .. }) => {}
                    // The free-text "other" service (2.9.w) is counted as provided too.
                    (Group::Provided, ItemKind::Text) if item.parent.is_some() => {}
                    (Group::Provided, _) => here(bi!(
                        "`provided` は 2.9 のサービス項目のためのものです",
                        "`provided` is only for 2.9 service items"
                    )),
                    (Group::Unanswered, _) => {}
                    (Group::Options(keys), _) => {
                        // A service is answered in-house, outsourced or none: a pooled count
                        // of each gives an exact standing.
                        let service = matches!(item.kind, ItemKind::Service { .. });
                        for k in keys {
                            let service_key =
                                service && crate::questionnaire::SERVICE_KEYS.contains(&k.as_str());
                            if item.option(k).is_none() && !service_key {
                                here(bi!(
                                    "選択肢のキー {k:?} はこの項目の選択肢ではありません",
                                    "option key {k:?} is not an option of the item"
                                ));
                            }
                            if !covered.insert(k.clone()) {
                                here(bi!(
                                    "選択肢のキー {k:?} が二つの値で数えられています",
                                    "option key {k:?} is counted in two values"
                                ));
                            }
                        }
                    }
                }
            }
            values.push(FigureValue {
                key: key.clone(),
                group,
                value,
            });
        }
        // Shares of a single-answer item cannot exceed the whole; multiple-answer tables can.
        let single_answer = item
            .is_some_and(|i| matches!(i.kind, ItemKind::Single { .. } | ItemKind::Scale { .. }));
        if single_answer && precision == Precision::ExactPercent && total > 100.5 {
            here(bi!(
                "割合の合計が {total} % で、100 % を超えています",
                "the shares add up to {total} %, more than 100 %"
            ));
        }
        if let Some(item) = item {
            for k in &f.subject {
                let service_key = matches!(item.kind, ItemKind::Service { .. })
                    && (k == "provided"
                        || crate::questionnaire::SERVICE_KEYS.contains(&k.as_str()));
                if item.option(k).is_none() && !service_key {
                    here(bi!(
                        "subject のキー {k:?} はこの項目の選択肢ではありません",
                        "subject key {k:?} is not an option of the item"
                    ));
                }
            }
        }
        let segment = f.segment.as_ref().map(|s| s.get_ref().clone());
        let into = if segment.is_some() {
            &mut segment_figures
        } else {
            &mut figures
        };
        into.push(Figure {
            item: item_id.clone(),
            segment,
            n: f.n,
            precision,
            source: f.source.clone(),
            values,
            note: f.note.clone(),
            quote: f.quote.clone(),
            bound,
            subject: f.subject.clone(),
        });
    }

    let mut facts: Vec<Fact> = Vec::new();
    for spanned in &raw.facts {
        let span = spanned.span();
        let f = spanned.get_ref();
        let precision = Precision::from(f.precision);
        let fid = &f.id;
        let mut here = |msg: Text| {
            bad(
                span.clone(),
                prefix(bi!("事実 {fid}: ", "fact {fid}: "), msg),
            )
        };
        if facts.iter().any(|x| &x.id == fid) {
            here(bi!("id が重複しています", "duplicate fact id"));
        }
        if f.label.is_incomplete() {
            here(bi!(
                "label には ja と en の両方が必要です",
                "label needs both ja and en"
            ));
        }
        if precision == Precision::Narrative && f.quote.is_none() {
            here(bi!(
                "文で示す事実には引用が必要です",
                "a narrative fact must keep its quote"
            ));
        }
        match f.value {
            None if precision != Precision::Narrative => here(bi!(
                "正確な事実には value が必要です",
                "an exact fact needs a value"
            )),
            Some(v) => {
                if let Err(m) = check_bound(v) {
                    here(prefix(Text::new("value: ", "value: "), m));
                }
            }
            None => {}
        }
        facts.push(Fact {
            id: f.id.clone(),
            precision,
            source: f.source.clone(),
            value: f.value,
            label: f.label.clone(),
            quote: f.quote.clone(),
            note: f.note.clone(),
        });
    }

    let mut supplements: Vec<Supplement> = Vec::new();
    for spanned in &raw.supplements {
        let span = spanned.span();
        let s = spanned.get_ref();
        let sid = &s.id;
        let mut here = |msg: Text| {
            bad(
                span.clone(),
                prefix(bi!("補足表 {sid}: ", "supplement {sid}: "), msg),
            )
        };
        if supplements.iter().any(|x| &x.id == sid) {
            here(bi!("id が重複しています", "duplicate supplement id"));
        }
        if s.title.is_incomplete() {
            here(bi!(
                "title には ja と en の両方が必要です",
                "title needs ja and en"
            ));
        }
        for r in &s.rows {
            let (key, values, columns) = (&r.key, r.values.len(), s.columns.len());
            if values != columns {
                here(bi!(
                    "行 {key:?} に {columns} 列に対して {values} 個の値があります",
                    "row {key:?} has {values} values for {columns} columns"
                ));
            }
            for &v in &r.values {
                if !((0.0..=MAX_DATA_NUMBER).contains(&v)) {
                    here(bi!(
                        "行 {key:?}: 値 {v} は 0 以上 {MAX_DATA_NUMBER} 以下の有限の数でなければなりません",
                        "row {key:?}: value {v} must be a finite number from 0 to {MAX_DATA_NUMBER}"
                    ));
                }
            }
        }
        supplements.push(Supplement {
            id: s.id.clone(),
            source: s.source.clone(),
            precision: s.precision.into(),
            title: s.title.clone(),
            columns: s
                .columns
                .iter()
                .map(|c| SupplementColumn {
                    key: c.key.clone(),
                    text: Text::new(c.ja.clone(), c.en.clone()),
                })
                .collect(),
            rows: s
                .rows
                .iter()
                .map(|r| SupplementRow {
                    key: r.key.clone(),
                    text: Text::new(r.ja.clone(), r.en.clone()),
                    values: r.values.clone(),
                })
                .collect(),
            note: s.note.clone(),
        });
    }

    let mut interviews: Vec<Interview> = Vec::new();
    for spanned in &raw.interviews {
        let span = spanned.span();
        let i = spanned.get_ref();
        let iid = &i.id;
        let mut here = |msg: Text| {
            bad(
                span.clone(),
                prefix(bi!("インタビュー {iid}: ", "interview {iid}: "), msg),
            )
        };
        if interviews.iter().any(|x| &x.id == iid) {
            here(bi!("id が重複しています", "duplicate interview id"));
        }
        let form = &i.form;
        if !INTERVIEW_FORMS.contains(&form.as_str()) {
            here(bi!(
                "form {form:?} は {INTERVIEW_FORMS:?} のどれでもありません",
                "form {form:?} is not one of {INTERVIEW_FORMS:?}"
            ));
        }
        if let Err(m) = parse_date(&i.date) {
            here(m);
        }
        if let Some(size) = i.size_approx {
            if f64::from(size) > MAX_DATA_NUMBER {
                here(bi!(
                    "size_approx = {size} が大きすぎます",
                    "size_approx = {size} is too large"
                ));
            }
        }
        for t in [
            &i.organisation,
            &i.sector,
            &i.form_label,
            &i.size,
            &i.affiliation,
            &i.budget,
            &i.constituency,
        ] {
            if t.is_incomplete() {
                here(bi!(
                    "プロフィールの文にはすべて ja と en が必要です",
                    "every profile text needs ja and en"
                ));
                break;
            }
        }
        for p in &i.practices {
            let topic = &p.topic;
            if !PRACTICE_TOPICS.contains(&topic.as_str()) {
                here(bi!(
                    "取り組みの topic {topic:?} は知りません",
                    "practice topic {topic:?} is unknown"
                ));
            }
            if let Some(c) = &p.cadence {
                if !CADENCES.contains(&c.as_str()) {
                    here(bi!(
                        "cadence {c:?} は {CADENCES:?} のどれでもありません",
                        "cadence {c:?} is not one of {CADENCES:?}"
                    ));
                }
            }
            let (section, own) = (&p.section, &i.section);
            if !section.starts_with(own.as_str()) {
                here(bi!(
                    "取り組みの節 {section} がインタビューの節 {own} の外にあります",
                    "practice section {section} is outside the interview's section {own}"
                ));
            }
            for item in &p.items {
                if q.item(item).is_none() {
                    here(bi!(
                        "取り組みが存在しない項目 {item} を指しています",
                        "practice refers to unknown item {item}"
                    ));
                }
            }
            if p.text.is_incomplete() {
                here(bi!(
                    "取り組み {topic} には ja と en の文が必要です",
                    "practice {topic} needs ja and en text"
                ));
            }
        }
        interviews.push(Interview {
            id: i.id.clone(),
            team: i.team.clone(),
            section: i.section.clone(),
            date: i.date.clone(),
            organisation: i.organisation.clone(),
            sector: i.sector.clone(),
            form: i.form.clone(),
            form_label: i.form_label.clone(),
            size: i.size.clone(),
            size_approx: i.size_approx,
            affiliation: i.affiliation.clone(),
            budget: i.budget.clone(),
            constituency: i.constituency.clone(),
            practices: i
                .practices
                .iter()
                .map(|p| Practice {
                    topic: p.topic.clone(),
                    section: p.section.clone(),
                    present: p.present,
                    cadence: p.cadence.clone(),
                    items: p.items.clone(),
                    text: p.text.clone(),
                })
                .collect(),
        });
    }

    let peer_matching = raw
        .peer_matching
        .as_ref()
        .and_then(|m| super::peers::compile(m, !interviews.is_empty(), q, file, &mut problems));

    if problems.is_empty() {
        Ok(Benchmark {
            id: raw.id.into_inner(),
            questionnaire: raw.questionnaire.into_inner(),
            n: raw.n,
            title: raw.title,
            source: raw.source,
            survey_date: raw.survey_date,
            published: raw.published,
            limits: raw.limits,
            min_cell: raw.min_cell,
            segments,
            figures,
            segment_figures,
            in_segment: None,
            facts,
            supplements,
            interviews,
            peer_matching,
        })
    } else {
        Err(problems)
    }
}
