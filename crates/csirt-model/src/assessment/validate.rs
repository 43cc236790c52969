//! Checking an assessment against its questionnaire: each answer, "other" text, note, target and
//! carried workshop, every problem reported at once and in both languages.

use super::{one, Answer, Assessment, StrictMap};
use crate::bi;
use crate::date::{parse_date, parse_year_month};
use crate::error::{AnswerProblem, ModelError};
use crate::limits::{check_name, TextKind};
use crate::load::Catalog;
use crate::questionnaire::{ItemKind, Questionnaire, SERVICE_KEYS};
use crate::service::ServiceAnswer;
use crate::text::{Lang, Text};
use crate::workshop::Workshop;

/// Checks one answer against its item. Returns the problem message, if any.
pub fn check_answer(q: &Questionnaire, item_id: &str, answer: &Answer) -> Result<(), Text> {
    let qid = &q.id;
    let item = q.item(item_id).ok_or_else(|| {
        bi!(
            "質問票 {qid} にこの項目はありません",
            "no such item in questionnaire {qid}"
        )
    })?;
    let keys_list = || {
        item.options()
            .iter()
            .map(|o| o.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&item.kind, answer) {
        (ItemKind::Group, _) => Err(bi!(
            "これは見出しです。下位の項目に回答してください",
            "this is a heading; answer its sub-items instead"
        )),
        (ItemKind::Single { .. } | ItemKind::Scale { .. }, Answer::Text(k)) => {
            if item.option(k).is_some() {
                Ok(())
            } else {
                let keys = keys_list();
                Err(bi!(
                    "{k:?} はこの項目の選択肢ではありません（選択肢: {keys}）",
                    "{k:?} is not an option of this item (options: {keys})"
                ))
            }
        }
        (ItemKind::Multiple { .. }, Answer::Keys(keys)) => {
            for (i, k) in keys.iter().enumerate() {
                if item.option(k).is_none() {
                    let keys = keys_list();
                    return Err(bi!(
                        "{k:?} はこの項目の選択肢ではありません（選択肢: {keys}）",
                        "{k:?} is not an option of this item (options: {keys})"
                    ));
                }
                if keys.iter().take(i).any(|earlier| earlier == k) {
                    return Err(bi!(
                        "選択肢 {k:?} が二度選ばれています",
                        "option {k:?} is chosen twice"
                    ));
                }
            }
            Ok(())
        }
        (ItemKind::Number { min, max, .. }, Answer::Number(n)) => {
            let v = n.as_f64().filter(|v| v.is_finite()).ok_or_else(|| {
                bi!(
                    "数が大きすぎるか、数として扱えません",
                    "the number is out of range"
                )
            })?;
            if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                let lo = min.map(|m| m.to_string()).unwrap_or_default();
                let hi = max.map(|m| m.to_string()).unwrap_or_default();
                return Err(bi!(
                    "{v} は範囲 {lo}〜{hi} の外です",
                    "{v} is outside the allowed range {lo}–{hi}"
                ));
            }
            Ok(())
        }
        (ItemKind::YearMonth, Answer::Text(s)) => parse_year_month(s).map(|_| ()),
        (ItemKind::Service { .. }, Answer::Text(s)) => {
            if SERVICE_KEYS.contains(&s.as_str()) {
                Ok(())
            } else {
                let (ja, en) = (
                    ServiceAnswer::listed(Lang::Ja),
                    ServiceAnswer::listed(Lang::En),
                );
                Err(bi!(
                    "{s:?} はサービスの回答ではありません。{ja} のどれかです",
                    "{s:?} is not a service answer: use {en}"
                ))
            }
        }
        (ItemKind::Text, Answer::Text(_)) => Ok(()),
        (kind, answer) => {
            let (kja, ken) = (kind.described(Lang::Ja), kind.described(Lang::En));
            let (ja, en) = match answer {
                Answer::Number(_) => ("数", "a number"),
                Answer::Text(_) => ("文字列", "a string"),
                Answer::Keys(_) => ("リスト", "a list"),
            };
            Err(bi!("{kja}に{ja}は入りません", "{ken} cannot take {en}"))
        }
    }
}

/// Whether `answer` picks an "other" option of the item, the only kind that takes free text.
pub fn chooses_other(q: &Questionnaire, item_id: &str, answer: &Answer) -> bool {
    let Some(item) = q.item(item_id) else {
        return false;
    };
    let chosen: Vec<&str> = match answer {
        Answer::Text(k) => vec![k.as_str()],
        Answer::Keys(k) => k.iter().map(String::as_str).collect(),
        Answer::Number(_) => vec![],
    };
    item.options()
        .iter()
        .any(|o| o.other && chosen.contains(&o.key.as_str()))
}

/// `message` with `whose` (whose answers these are; empty for the file's own) put before it.
fn prefixed(whose: &Text, message: Text) -> Text {
    Text::new(
        format!("{}{}", whose.ja, message.ja),
        format!("{}{}", whose.en, message.en),
    )
}

/// The one rule for an "other" free text: it goes only with an answer that chooses an "other"
/// option of the item. `answer` is the answer it would go with, if any.
pub fn check_other_text(
    q: &Questionnaire,
    item_id: &str,
    answer: Option<&Answer>,
) -> Result<(), Text> {
    if answer.is_some_and(|a| chooses_other(q, item_id, a)) {
        Ok(())
    } else {
        Err(bi!(
            "自由記述がありますが、「その他」の選択肢が選ばれていません",
            "free text is given but no \"other\" option is chosen"
        ))
    }
}

/// Checks answers and their "other" texts; `whose` prefixes each message (empty for the file's own).
fn check_answers(
    q: &Questionnaire,
    answers: &StrictMap<Answer>,
    other: &StrictMap<String>,
    whose: &Text,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    for (id, answer) in answers.iter() {
        if let Err(m) = check_answer(q, id, answer) {
            push(Some(id), prefixed(whose, m));
        }
    }
    for (id, _) in other.iter() {
        if let Err(m) = check_other_text(q, id, answers.get(id)) {
            push(Some(id), prefixed(whose, m));
        }
    }
}

fn check_notes(
    q: &Questionnaire,
    comments: &StrictMap<String>,
    evidence: &StrictMap<String>,
    whose: &Text,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    for (id, _) in comments.iter() {
        if q.item(id).is_none() {
            let m = bi!(
                "存在しない項目へのコメントです",
                "comment for an item that does not exist"
            );
            push(Some(id), prefixed(whose, m));
        }
    }
    for (id, _) in evidence.iter() {
        if q.item(id).is_none() {
            let m = bi!(
                "存在しない項目への根拠です",
                "evidence for an item that does not exist"
            );
            push(Some(id), prefixed(whose, m));
        }
    }
}

/// Checks a carried workshop: every part against the questionnaire, and the file's answers
/// against what the workshop's parts give, so an import scores exactly as the file says.
fn check_workshop(
    q: &Questionnaire,
    w: &Workshop,
    a: &Assessment,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    check_answers(
        q,
        &w.facilitator_answers,
        &w.facilitator_other,
        &Text::new("ワークショップ・進行役: ", "workshop, facilitator: "),
        push,
    );
    for (i, r) in w.respondents.iter().enumerate() {
        let (n, name) = (i + 1, &r.name);
        let whose = bi!(
            "ワークショップ・回答者 {n}（{name:?}）: ",
            "workshop, respondent {n} ({name:?}): "
        );
        if let Err(m) = check_name(TextKind::RespondentName, &r.name) {
            push(None, prefixed(&whose, m));
        }
        check_answers(q, &r.answers, &r.other, &whose, push);
        check_notes(q, &r.comments, &r.evidence, &whose, push);
    }
    if let Some((i, j)) = w.repeated_respondent() {
        let (first, second, name) = (i + 1, j + 1, &w.respondents[j].name);
        push(
            None,
            bi!(
                "ワークショップ・回答者 {second}（{name:?}）: 回答者 {first} と同じ名前です。同じ人が二度数えられないよう、名前は大文字と小文字、全角と半角、余分な空白を区別せずに比べます",
                "workshop, respondent {second} ({name:?}): the same name as respondent {first}; names are compared ignoring case, width and extra spaces, so nobody is counted twice"
            ),
        );
    }
    for (id, c) in w.consensus.iter() {
        let other = StrictMap(c.other.iter().map(|o| (id.clone(), o.clone())).collect());
        let answer = StrictMap(vec![(id.clone(), c.answer.clone())]);
        let whose = Text::new(
            "ワークショップ・合意した回答: ",
            "workshop, agreed answer: ",
        );
        check_answers(q, &answer, &other, &whose, push);
    }
    let (answers, other) = w.agreed();
    if let Some(item) = first_difference(&answers, &a.answers, Answer::same_as)
        .or_else(|| first_difference(&other, &a.other, |x, y| x == y))
    {
        push(
            Some(item),
            bi!(
                "ファイルの回答が、ワークショップから導かれる回答（合意した回答、次に進行役の回答、\
                 次に全員が同じだった回答）と違います。手で編集されたか、壊れています",
                "the file's answers differ from what its workshop gives (agreed answers, then the \
                 facilitator's, then answers every respondent gave alike); the file was edited by \
                 hand or is damaged"
            ),
        );
    }
}

/// The first item on which two maps disagree, looking from both sides.
fn first_difference<'a, V>(
    x: &'a StrictMap<V>,
    y: &'a StrictMap<V>,
    same: impl Fn(&V, &V) -> bool,
) -> Option<&'a str> {
    x.iter()
        .find(|(k, v)| !y.get(k).is_some_and(|w| same(v, w)))
        .or_else(|| y.iter().find(|(k, _)| x.get(k).is_none()))
        .map(|(k, _)| k.as_str())
}

/// Checks a target override: the item must be scored and the key must carry a level.
pub fn check_target(q: &Questionnaire, item_id: &str, key: &str) -> Result<(), Text> {
    let qid = &q.id;
    let item = q.item(item_id).ok_or_else(|| {
        bi!(
            "質問票 {qid} にこの項目はありません",
            "no such item in questionnaire {qid}"
        )
    })?;
    if !item.scored {
        return Err(bi!(
            "目標を設定できるのは採点される項目だけです",
            "only scored items take a target"
        ));
    }
    if item.level_of_key(key).is_none() {
        return Err(bi!(
            "{key:?} はこの項目の水準を持つ回答ではありません",
            "{key:?} is not a levelled answer of this item"
        ));
    }
    Ok(())
}

/// Validates every answer, other-text, comment, target and the assessor's narrative against the
/// questionnaire, reporting all problems at once. A file whose questionnaire is not installed
/// says so, with the version it names; a file answered on another version of the installed
/// questionnaire is accepted when everything in it fits, and otherwise refused with both
/// versions named before its problems.
pub fn validate(a: &Assessment, catalog: &Catalog) -> Result<(), ModelError> {
    let Ok(set) = catalog.get(&a.questionnaire) else {
        let id = &a.questionnaire;
        let v = a.questionnaire_version.as_deref().unwrap_or("?");
        return Err(one(
            None,
            bi!(
                "質問票 {id}（版 {v}）はインストールされていません。その質問票のパッケージをインストールしてください",
                "questionnaire {id} (version {v}) is not installed; install its package"
            ),
        ));
    };
    match validate_against(a, &set.questionnaire) {
        Err(ModelError::InvalidAssessment(mut problems)) => {
            if let Some(m) = version_notice(a, &set.questionnaire) {
                problems.insert(
                    0,
                    AnswerProblem {
                        item: None,
                        message: m,
                    },
                );
            }
            Err(ModelError::InvalidAssessment(problems))
        }
        other => other,
    }
}

/// When the file was answered on another version of `q` than the one installed: says so,
/// naming both versions (`None` when the versions agree or the file names none).
pub fn version_notice(a: &Assessment, q: &Questionnaire) -> Option<Text> {
    let v = a.questionnaire_version.as_deref()?;
    if v == q.version || a.questionnaire != q.id {
        return None;
    }
    let (id, w) = (&q.id, &q.version);
    Some(bi!(
        "このファイルは質問票 {id} の版 {v} で回答されています。インストールされているのは版 {w} です",
        "this file was answered on {id} version {v}; installed is {w}"
    ))
}

pub fn validate_against(a: &Assessment, q: &Questionnaire) -> Result<(), ModelError> {
    let mut problems = Vec::new();
    let mut push = |item: Option<&str>, message: Text| {
        problems.push(AnswerProblem {
            item: item.map(str::to_string),
            message,
        })
    };
    if a.questionnaire != q.id {
        let (file, loaded) = (&a.questionnaire, &q.id);
        push(
            None,
            bi!(
                "このファイルは質問票 {file:?} のもので、{loaded:?} のものではありません",
                "the file is for questionnaire {file:?}, not {loaded:?}"
            ),
        );
    }
    if let Err(m) = check_name(TextKind::OrganisationName, &a.organisation.name) {
        push(None, m);
    }
    if let Some(d) = &a.date {
        if let Err(m) = parse_date(d) {
            push(None, m);
        }
    }
    let own = Text::default();
    check_answers(q, &a.answers, &a.other, &own, &mut push);
    check_notes(q, &a.comments, &a.evidence, &own, &mut push);
    if let Some(w) = &a.workshop {
        check_workshop(q, w, a, &mut push);
    }
    for (id, key) in a.targets.iter() {
        if let Err(m) = check_target(q, id, key) {
            push(Some(id), prefixed(&Text::new("目標: ", "target: "), m));
        }
    }
    crate::limits::check_assessment(a, &mut push);
    if let Some(n) = &a.narrative {
        crate::narrative::check(n, q, &mut push);
    }
    crate::action::check_actions(q, &a.actions, &mut push);
    if let Some(d) = &a.derived {
        let answered = |id: &str| a.answers.get(id).is_some();
        crate::derived::check(d, q, &answered, &mut push);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ModelError::InvalidAssessment(problems))
    }
}
