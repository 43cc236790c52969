//! The questionnaire's second validation phase: cross-checks of a parsed questionnaire file
//! (ids, options, scales, areas, set-up items, bounds, weights), every problem with its line.

use crate::bi;
use crate::error::Problem;
use crate::questionnaire::{
    check_bound, check_weight, is_sim3_parameter, prefix, Area, ChoiceOption, Item, ItemKind,
    Questionnaire, Scale, Section, SetupItem, DEFAULT_SUBJECT, QUESTIONNAIRE_FORMAT,
};
use crate::raw::{RawItemType, RawOption, RawQuestionnaire};
use crate::source::SourceFile;
use crate::text::Text;
use std::collections::{BTreeSet, HashMap};

fn option_from_raw(o: &RawOption) -> ChoiceOption {
    ChoiceOption {
        key: o.key.clone(),
        text: Text::new(o.ja.clone(), o.en.clone()),
        short: o.short.clone(),
        level: o.level,
        other: o.other,
    }
}

fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
}

/// Second validation phase: cross-checks, then the compiled questionnaire.
pub(crate) fn compile(
    raw: RawQuestionnaire,
    file: &SourceFile,
) -> Result<Questionnaire, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut bad = |span: std::ops::Range<usize>, msg: Text| {
        problems.push(file.problem_at(span.start, msg));
    };

    if raw.format.get_ref() != QUESTIONNAIRE_FORMAT {
        let format = raw.format.get_ref();
        bad(
            raw.format.span(),
            bi!(
                "format が {format:?} です。この版のアプリが読めるのは {QUESTIONNAIRE_FORMAT:?} です",
                "format is {format:?}; this version of the app reads {QUESTIONNAIRE_FORMAT:?}"
            ),
        );
    }
    if !is_plain_id(raw.id.get_ref()) {
        bad(
            raw.id.span(),
            bi!(
                "id に使えるのは英数字と '.'、'-'、'_' だけです",
                "id must be letters, digits, '.', '-' or '_'"
            ),
        );
    }
    let subject = raw
        .subject
        .clone()
        .unwrap_or_else(|| Text::new(DEFAULT_SUBJECT, DEFAULT_SUBJECT));
    for (what, t) in [
        ("title", &raw.title),
        ("source", &raw.source),
        ("subject", &subject),
    ] {
        if t.is_incomplete() {
            bad(
                raw.id.span(),
                bi!(
                    "{what} には ja と en の両方の文が必要です",
                    "{what} needs both ja and en text"
                ),
            );
        }
    }

    // Scales.
    let mut scales: Vec<Scale> = Vec::new();
    for s in &raw.scales {
        let span = s.span();
        let s = s.get_ref();
        let sid = &s.id;
        if scales.iter().any(|x| &x.id == sid) {
            bad(
                span.clone(),
                bi!(
                    "尺度 id {sid:?} が重複しています",
                    "duplicate scale id {sid:?}"
                ),
            );
        }
        if s.name.is_incomplete() {
            bad(
                span.clone(),
                bi!(
                    "尺度 {sid:?} には ja と en の名前が必要です",
                    "scale {sid:?} needs a ja and en name"
                ),
            );
        }
        if s.options.len() < 2 {
            bad(
                span.clone(),
                bi!(
                    "尺度 {sid:?} には選択肢が二つ以上必要です",
                    "scale {sid:?} needs at least two options"
                ),
            );
        }
        let mut keys = BTreeSet::new();
        let mut levels = BTreeSet::new();
        for o in &s.options {
            let key = &o.key;
            if !keys.insert(o.key.clone()) {
                bad(
                    span.clone(),
                    bi!(
                        "尺度 {sid:?}: 選択肢のキー {key:?} が重複しています",
                        "scale {sid:?}: duplicate option key {key:?}"
                    ),
                );
            }
            match o.level {
                Some(l) => {
                    if !levels.insert(l) {
                        bad(
                            span.clone(),
                            bi!(
                                "尺度 {sid:?}: 水準 {l} が二度使われています",
                                "scale {sid:?}: level {l} used twice"
                            ),
                        );
                    }
                }
                None => bad(
                    span.clone(),
                    bi!(
                        "尺度 {sid:?}: 選択肢 {key:?} に水準がありません",
                        "scale {sid:?}: option {key:?} has no level"
                    ),
                ),
            }
            if o.ja.trim().is_empty() || o.en.trim().is_empty() {
                bad(
                    span.clone(),
                    bi!(
                        "尺度 {sid:?}: 選択肢 {key:?} には ja と en の文が必要です",
                        "scale {sid:?}: option {key:?} needs ja and en text"
                    ),
                );
            }
            if o.other {
                bad(
                    span.clone(),
                    bi!(
                        "尺度 {sid:?}: 尺度の選択肢を「その他」にはできません",
                        "scale {sid:?}: a scale option cannot be \"other\""
                    ),
                );
            }
        }
        if levels.first() != Some(&0) {
            bad(
                span.clone(),
                bi!(
                    "尺度 {sid:?}: いちばん低い水準は 0 でなければなりません",
                    "scale {sid:?}: the lowest level must be 0"
                ),
            );
        }
        scales.push(Scale {
            id: s.id.clone(),
            name: s.name.clone(),
            options: s.options.iter().map(option_from_raw).collect(),
        });
    }

    let mut areas: Vec<Area> = Vec::new();
    for a in &raw.areas {
        let span = a.span();
        let a = a.get_ref();
        let aid = &a.id;
        if areas.iter().any(|x| &x.id == aid) {
            bad(
                span.clone(),
                bi!(
                    "領域 id {aid:?} が重複しています",
                    "duplicate area id {aid:?}"
                ),
            );
        }
        if a.name.is_incomplete() {
            bad(
                span.clone(),
                bi!(
                    "領域 {aid:?} には ja と en の名前が必要です",
                    "area {aid:?} needs a ja and en name"
                ),
            );
        }
        areas.push(Area {
            id: a.id.clone(),
            name: a.name.clone(),
        });
    }

    let mut setup_items: Vec<SetupItem> = Vec::new();
    for s in &raw.setup_items {
        let span = s.span();
        let s = s.get_ref();
        let sid = &s.id;
        if setup_items.iter().any(|x| &x.id == sid) {
            bad(
                span.clone(),
                bi!(
                    "設置項目 id {sid:?} が重複しています",
                    "duplicate set-up item id {sid:?}"
                ),
            );
        }
        if s.name.is_incomplete() || s.guidance.is_incomplete() {
            bad(
                span.clone(),
                bi!(
                    "設置項目 {sid:?} には ja と en の名前と指針が必要です",
                    "set-up item {sid:?} needs ja and en name and guidance"
                ),
            );
        }
        if let Err(m) = check_weight(s.weight) {
            bad(
                span.clone(),
                prefix(bi!("設置項目 {sid:?}: ", "set-up item {sid:?}: "), m),
            );
        }
        setup_items.push(SetupItem {
            id: s.id.clone(),
            number: s.number,
            name: s.name.clone(),
            source: s.source.clone(),
            weight: s.weight,
            guidance: s.guidance.clone(),
        });
    }

    let mut sections: Vec<Section> = Vec::new();
    for s in &raw.sections {
        let span = s.span();
        let s = s.get_ref();
        let sid = &s.id;
        if sections.iter().any(|x| &x.id == sid) {
            bad(
                span.clone(),
                bi!(
                    "章 id {sid:?} が重複しています",
                    "duplicate section id {sid:?}"
                ),
            );
        }
        if s.title.is_incomplete() {
            bad(
                span.clone(),
                bi!(
                    "章 {sid:?} には ja と en の題名が必要です",
                    "section {sid:?} needs a ja and en title"
                ),
            );
        }
        sections.push(Section {
            id: s.id.clone(),
            title: s.title.clone(),
        });
    }

    let group_ids: BTreeSet<&str> = raw
        .items
        .iter()
        .filter(|i| i.get_ref().item_type == RawItemType::Group)
        .map(|i| i.get_ref().id.get_ref().as_str())
        .collect();

    let mut items: Vec<Item> = Vec::new();
    let mut index = HashMap::new();
    for spanned in &raw.items {
        let it = spanned.get_ref();
        // Point at the item's `id = …` line, the first thing a reader looks for.
        let span = it.id.span();
        let id = it.id.get_ref();
        let mut here =
            |msg: Text| bad(span.clone(), prefix(bi!("項目 {id}: ", "item {id}: "), msg));

        if !is_plain_id(id) {
            here(bi!(
                "id に使えるのは英数字と '.'、'-'、'_' だけです",
                "the id must be letters, digits, '.', '-' or '_'"
            ));
        }
        if index.contains_key(id) {
            here(bi!("項目 id が重複しています", "duplicate item id"));
        }
        let section = &it.section;
        if !sections.iter().any(|s| &s.id == section) {
            here(bi!(
                "章 {section:?} はありません",
                "unknown section {section:?}"
            ));
        }
        let area = &it.area;
        if !areas.iter().any(|a| &a.id == area) {
            here(bi!("領域 {area:?} はありません", "unknown area {area:?}"));
        }
        for s in &it.setup {
            if !setup_items.iter().any(|x| &x.id == s) {
                here(bi!(
                    "設置項目 {s:?} はありません",
                    "unknown set-up item {s:?}"
                ));
            }
        }
        for p in &it.sim3 {
            if !is_sim3_parameter(p) {
                here(bi!(
                    "{p:?} は SIM3 のパラメータ（O-n、H-n、T-n、P-n）ではありません",
                    "{p:?} is not a SIM3 parameter (O-n, H-n, T-n or P-n)"
                ));
            }
        }
        for (what, t) in [
            ("text", Some(&it.text)),
            ("finding", it.finding.as_ref()),
            ("note", it.note.as_ref()),
            ("former", it.former.as_ref()),
        ] {
            if t.is_some_and(Text::is_incomplete) {
                here(bi!(
                    "{what} には ja と en の両方が必要です",
                    "{what} needs both ja and en"
                ));
            }
        }
        if it.reconstructed && it.note.is_none() {
            here(bi!(
                "再構成した項目には、どう再構成したかを書いた note が必要です",
                "a reconstructed item needs a note saying how it was reconstructed"
            ));
        }
        let weight = it.weight.unwrap_or(1.0);
        if let Err(m) = check_weight(weight) {
            here(m);
        }
        if let Some(p) = &it.parent {
            if !group_ids.contains(p.as_str()) {
                here(bi!(
                    "parent {p:?} はグループ項目ではありません",
                    "parent {p:?} is not a group item"
                ));
            }
        }

        let takes_options = matches!(it.item_type, RawItemType::Single | RawItemType::Multiple);
        if !takes_options && !it.options.is_empty() {
            let kind = format!("{:?}", it.item_type);
            here(bi!(
                "{kind} 型の項目は選択肢を持ちません",
                "a {kind} item takes no options"
            ));
        }
        if it.item_type != RawItemType::Scale && it.scale.is_some() {
            here(bi!(
                "scale を指定できるのは尺度の項目だけです",
                "only a scale item names a scale"
            ));
        }
        if it.item_type != RawItemType::Service && it.scored.is_some() {
            here(bi!(
                "`scored` はサービス項目のためのものです。他の項目は水準で採点されます",
                "`scored` is for service items; other items are scored by their levels"
            ));
        }
        if it.item_type != RawItemType::Number
            && (it.unit.is_some() || it.min.is_some() || it.max.is_some())
        {
            here(bi!(
                "unit、min、max は数の項目のためのものです",
                "unit, min and max are for number items"
            ));
        }

        let check_options = |opts: &[RawOption], here: &mut dyn FnMut(Text)| {
            let mut keys = BTreeSet::new();
            for o in opts {
                let key = &o.key;
                if !keys.insert(o.key.as_str()) {
                    here(bi!(
                        "選択肢のキー {key:?} が重複しています",
                        "duplicate option key {key:?}"
                    ));
                }
                if o.ja.trim().is_empty() || o.en.trim().is_empty() {
                    here(bi!(
                        "選択肢 {key:?} には ja と en の文が必要です",
                        "option {key:?} needs ja and en text"
                    ));
                }
            }
            if opts.len() < 2 {
                here(bi!(
                    "選択式の項目には選択肢が二つ以上必要です",
                    "a choice item needs at least two options"
                ));
            }
        };

        let (kind, scored) = match it.item_type {
            RawItemType::Single => {
                check_options(&it.options, &mut here);
                let plain: Vec<&RawOption> = it.options.iter().filter(|o| !o.other).collect();
                let with_level = plain.iter().filter(|o| o.level.is_some()).count();
                if with_level != 0 && with_level != plain.len() {
                    here(bi!(
                        "「その他」以外の選択肢は、すべてに水準を付けるか、どれにも付けないかのどちらかです",
                        "either every non-other option has a level or none has"
                    ));
                }
                if it.options.iter().any(|o| o.other && o.level.is_some()) {
                    here(bi!(
                        "「その他」の選択肢には水準を付けられません",
                        "an \"other\" option cannot carry a level"
                    ));
                }
                let scored = with_level > 0 && with_level == plain.len();
                (
                    ItemKind::Single {
                        options: it.options.iter().map(option_from_raw).collect(),
                    },
                    scored,
                )
            }
            RawItemType::Multiple => {
                check_options(&it.options, &mut here);
                if it.options.iter().any(|o| o.level.is_some()) {
                    here(bi!(
                        "複数選択の選択肢には水準を付けません（採点されません）",
                        "multiple-choice options carry no level: they are not scored"
                    ));
                }
                (
                    ItemKind::Multiple {
                        options: it.options.iter().map(option_from_raw).collect(),
                    },
                    false,
                )
            }
            RawItemType::Scale => match &it.scale {
                Some(sid) => match scales.iter().find(|s| &s.id == sid) {
                    Some(scale) => (
                        ItemKind::Scale {
                            scale: sid.clone(),
                            options: scale.options.clone(),
                        },
                        true,
                    ),
                    None => {
                        here(bi!("尺度 {sid:?} はありません", "unknown scale {sid:?}"));
                        (
                            ItemKind::Scale {
                                scale: sid.clone(),
                                options: vec![],
                            },
                            false,
                        )
                    }
                },
                None => {
                    here(bi!(
                        "尺度の項目には `scale` が必要です",
                        "a scale item needs `scale`"
                    ));
                    (
                        ItemKind::Scale {
                            scale: String::new(),
                            options: vec![],
                        },
                        false,
                    )
                }
            },
            RawItemType::Number => {
                for (what, bound) in [("min", it.min), ("max", it.max)] {
                    if let Some(Err(m)) = bound.map(check_bound) {
                        here(prefix(
                            Text::new(format!("{what}: "), format!("{what}: ")),
                            m,
                        ));
                    }
                }
                if let (Some(lo), Some(hi)) = (it.min, it.max) {
                    if lo > hi {
                        here(bi!("min が max より大きくなっています", "min is above max"));
                    }
                }
                let unit = it.unit.clone().unwrap_or_default();
                if it.unit.is_some() && unit.is_incomplete() {
                    here(bi!(
                        "unit には ja と en の両方が必要です",
                        "unit needs both ja and en"
                    ));
                }
                (
                    ItemKind::Number {
                        unit,
                        min: it.min,
                        max: it.max,
                    },
                    false,
                )
            }
            RawItemType::YearMonth => (ItemKind::YearMonth, false),
            RawItemType::Service => {
                let scored = it.scored.unwrap_or(false);
                (ItemKind::Service { scored }, scored)
            }
            RawItemType::Text => (ItemKind::Text, false),
            RawItemType::Group => (ItemKind::Group, false),
        };

        let can_pool = matches!(
            it.item_type,
            RawItemType::Single
                | RawItemType::Multiple
                | RawItemType::Scale
                | RawItemType::Service
                | RawItemType::Number
        );
        if it.benchmark == Some(true) && !can_pool {
            here(bi!(
                "`benchmark = true` にできるのは選択式、尺度、サービス、数の項目だけです。自由記述や年月は組織を特定できるため、貢献ファイルに入れません",
                "only choice, scale, service and number items can have `benchmark = true`; free text and year-months could identify the team, so they never go into a contribution"
            ));
        }
        let benchmark = can_pool && it.benchmark.unwrap_or(true);

        match (&it.recommendation, scored) {
            (None, true) => here(bi!(
                "採点される項目には ja と en の recommendation が必要です",
                "a scored item needs a recommendation in ja and en"
            )),
            (Some(r), _) if r.is_incomplete() => here(bi!(
                "recommendation には ja と en の両方が必要です",
                "recommendation needs both ja and en"
            )),
            _ => {}
        }
        if it.action.as_ref().is_some_and(Text::is_incomplete) {
            here(bi!(
                "action には ja と en の両方が必要です",
                "action needs both ja and en"
            ));
        }

        index.insert(id.clone(), items.len());
        items.push(Item {
            id: id.clone(),
            section: it.section.clone(),
            kind,
            text: it.text.clone(),
            survey_section: it.survey_section.clone(),
            finding: it.finding.clone(),
            area: it.area.clone(),
            setup: it.setup.clone(),
            sim3: it.sim3.clone(),
            after: it.after.clone(),
            weight,
            parent: it.parent.clone(),
            recommendation: it.recommendation.clone(),
            action: it.action.clone(),
            former: it.former.clone(),
            reconstructed: it.reconstructed,
            note: it.note.clone(),
            scored,
            benchmark,
        });
    }

    if items.is_empty() {
        problems.push(file.problem_at(
            0,
            bi!("質問票に項目がありません", "the questionnaire has no items"),
        ));
    }
    for spanned in &raw.items {
        let it = spanned.get_ref();
        let id = it.id.get_ref();
        for dep in &it.after {
            let message = match index.get(dep).and_then(|&i| items.get(i)) {
                None => bi!(
                    "項目 {id}: `after` の項目 {dep:?} はありません",
                    "item {id}: `after` names unknown item {dep:?}"
                ),
                Some(d) if !d.scored => bi!(
                    "項目 {id}: `after` の項目 {dep} は採点されないので、差がありません",
                    "item {id}: `after` item {dep} is not scored, so it has no gap"
                ),
                Some(_) if dep == id => bi!(
                    "項目 {id}: 項目は自分自身の後には来られません",
                    "item {id}: an item cannot come after itself"
                ),
                Some(_) => continue,
            };
            problems.push(file.problem_at(it.id.span().start, message));
        }
    }
    for a in &areas {
        let aid = &a.id;
        if !items.iter().any(|i| &i.area == aid) {
            problems.push(file.problem_at(
                0,
                bi!(
                    "領域 {aid:?} に項目がありません",
                    "area {aid:?} has no items"
                ),
            ));
        }
    }

    let roles = super::roles::compile_roles(&raw.roles, &items, &index, file, &mut problems);

    if problems.is_empty() {
        Ok(Questionnaire {
            id: raw.id.into_inner(),
            version: raw.version,
            title: raw.title,
            source: raw.source,
            subject,
            scales,
            areas,
            setup_items,
            sections,
            items,
            roles,
            index,
        })
    } else {
        Err(problems)
    }
}
