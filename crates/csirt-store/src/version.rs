//! A stored assessment read against the questionnaire that is loaded now, which may be another
//! version than the one it was answered with: what still fits is used, and every stored answer,
//! text, note, agreed answer, target or note on a gap that no longer fits is named, never dropped
//! silently.

use crate::error::StoreError;
use crate::{Result, Store};
use csirt_model::assessment::{check_answer, check_other_text, check_target};
use csirt_model::narrative::check_gap_note;
use csirt_model::workshop::Workshop;
use csirt_model::{bi, Answer, Lang, Localized, Narrative, Questionnaire, StrictMap, Text};
use rusqlite::params;
use serde::Serialize;

/// Where a stored value lives, so that it can be removed on the user's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Answer(i64),
    Other(i64),
    Comment(i64),
    Evidence(i64),
    Agreed,
    Target,
    GapNote,
}

/// One stored value that the loaded questionnaire cannot take.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Misfit {
    pub item: String,
    /// Whose value it is and what kind: "the facilitator's answer", "Sato's comment", …
    pub whose: Text,
    /// The value as stored (an answer in the interchange notation, or the text).
    pub value: String,
    /// Why it does not fit.
    pub reason: Text,
    #[serde(skip)]
    pub(crate) place: Place,
}

impl Localized for Misfit {
    fn localized(&self, lang: Lang) -> String {
        let (item, whose, value, reason) = (
            &self.item,
            self.whose.get(lang),
            &self.value,
            self.reason.get(lang),
        );
        match lang {
            Lang::Ja => format!("項目 {item}（{whose}）: {value} — {reason}"),
            Lang::En => format!("item {item} ({whose}): {value} — {reason}"),
        }
    }
}

/// How a stored assessment fits the questionnaire that is loaded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    pub questionnaire: String,
    /// The version the assessment was answered with.
    pub stored_version: String,
    /// The version loaded now.
    pub loaded_version: String,
    /// Every stored value the loaded version cannot take, in questionnaire order.
    pub misfits: Vec<Misfit>,
}

impl Fit {
    /// True when the versions match and everything fits: nothing to say.
    pub fn is_clean(&self) -> bool {
        self.stored_version == self.loaded_version && self.misfits.is_empty()
    }

    /// The warning to show, one line per misfit after a headline; `None` when clean.
    pub fn warning(&self, id: i64) -> Option<Text> {
        if self.is_clean() {
            return None;
        }
        let (q, stored, loaded, n) = (
            &self.questionnaire,
            &self.stored_version,
            &self.loaded_version,
            self.misfits.len(),
        );
        let mut t = if self.stored_version == self.loaded_version {
            bi!(
                "評価 {id}: {n} 件の保存された回答が質問票 {q} {loaded} に合いません（採点には使っていません）:",
                "assessment {id}: {n} stored answer(s) do not fit questionnaire {q} {loaded} (they are not scored):"
            )
        } else if n == 0 {
            bi!(
                "評価 {id} は質問票 {q} の版 {stored} で回答されましたが、読み込まれているのは版 {loaded} です。保存された回答はすべて今の版に合います",
                "assessment {id} was answered with questionnaire {q} version {stored}, but version {loaded} is loaded; every stored answer fits it"
            )
        } else {
            bi!(
                "評価 {id} は質問票 {q} の版 {stored} で回答されましたが、読み込まれているのは版 {loaded} です。次の {n} 件は今の版に合わないため採点に使っていません（データは残っています）:",
                "assessment {id} was answered with questionnaire {q} version {stored}, but version {loaded} is loaded; these {n} stored answer(s) no longer fit it and are not scored (they are kept):"
            )
        };
        for m in &self.misfits {
            t.ja.push_str(&format!("\n  {}", m.localized(Lang::Ja)));
            t.en.push_str(&format!("\n  {}", m.localized(Lang::En)));
        }
        Some(t)
    }
}

/// A person's name in the misfit list: the facilitator, or a named respondent.
fn person(name: Option<&str>) -> Text {
    match name {
        None => Text::new("進行役", "facilitator"),
        Some(n) => bi!("回答者 {n}", "respondent {n}"),
    }
}

fn whose(name: Option<&str>, ja: &str, en: &str) -> Text {
    let p = person(name);
    Text::new(format!("{}の{ja}", p.ja), format!("{}'s {en}", p.en))
}

fn no_item(q: &Questionnaire) -> Text {
    let (id, v) = (&q.id, &q.version);
    bi!(
        "質問票 {id} {v} にこの項目はありません",
        "questionnaire {id} {v} has no such item"
    )
}

fn json(a: &Answer) -> String {
    serde_json::to_string(a).unwrap_or_else(|_| a.display())
}

/// Removes from one person's answers and "other" texts what `q` cannot take, listing it.
pub(crate) fn fit_answers(
    q: &Questionnaire,
    rid: i64,
    name: Option<&str>,
    answers: &mut StrictMap<Answer>,
    other: &mut StrictMap<String>,
    out: &mut Vec<Misfit>,
) {
    answers
        .0
        .retain(|(item, a)| match check_answer(q, item, a) {
            Ok(()) => true,
            Err(reason) => {
                out.push(Misfit {
                    item: item.clone(),
                    whose: whose(name, "回答", "answer"),
                    value: json(a),
                    reason,
                    place: Place::Answer(rid),
                });
                false
            }
        });
    other.0.retain(|(item, text)| {
        let fit = check_other_text(q, item, answers.get(item));
        let fits = fit.is_ok();
        if let Err(reason) = fit {
            out.push(Misfit {
                item: item.clone(),
                whose: whose(name, "「その他」の記述", "\"other\" text"),
                value: text.clone(),
                reason,
                place: Place::Other(rid),
            });
        }
        fits
    });
}

/// Removes comments and evidence on items `q` does not have, listing them.
pub(crate) fn fit_notes(
    q: &Questionnaire,
    rid: i64,
    name: Option<&str>,
    comments: &mut StrictMap<String>,
    evidence: &mut StrictMap<String>,
    out: &mut Vec<Misfit>,
) {
    for (map, ja, en, place) in [
        (comments, "コメント", "comment", Place::Comment(rid)),
        (evidence, "根拠", "evidence", Place::Evidence(rid)),
    ] {
        map.0.retain(|(item, text)| {
            let fits = q.item(item).is_some();
            if !fits {
                out.push(Misfit {
                    item: item.clone(),
                    whose: whose(name, ja, en),
                    value: text.clone(),
                    reason: no_item(q),
                    place,
                });
            }
            fits
        });
    }
}

/// What the store holds of an assessment, cut to what the loaded questionnaire can take.
pub(crate) struct Fitted {
    /// The workshop with the notes of every respondent, misfits removed.
    pub workshop: Workshop,
    pub comments: StrictMap<String>,
    pub evidence: StrictMap<String>,
    pub targets: StrictMap<String>,
    /// The assessor's narrative, its notes on gaps the questionnaire cannot have removed.
    pub narrative: Narrative,
    pub fit: Fit,
}

impl Store {
    /// Reads every stored value of an assessment and splits off what `q` cannot take.
    pub(crate) fn fitted(&self, q: &Questionnaire, assessment_id: i64) -> Result<Fitted> {
        let row = self.assessment(assessment_id)?;
        let mut out = Vec::new();
        let facilitator = self.respondent_for(assessment_id, None)?;
        let mut w = self.load_workshop(assessment_id, true)?;
        let ids: Vec<i64> = self
            .list_respondents(assessment_id)?
            .into_iter()
            .filter(|r| !r.is_default)
            .map(|r| r.id)
            .collect();
        fit_answers(
            q,
            facilitator,
            None,
            &mut w.facilitator_answers,
            &mut w.facilitator_other,
            &mut out,
        );
        let (mut comments, mut evidence) = self.own_notes(assessment_id, None)?;
        fit_notes(q, facilitator, None, &mut comments, &mut evidence, &mut out);
        for (r, rid) in w.respondents.iter_mut().zip(ids) {
            let name = Some(r.name.as_str());
            fit_answers(q, rid, name, &mut r.answers, &mut r.other, &mut out);
            fit_notes(q, rid, name, &mut r.comments, &mut r.evidence, &mut out);
        }
        w.consensus.0.retain(|(item, c)| {
            let mut reason = check_answer(q, item, &c.answer).err();
            if reason.is_none() && c.other.is_some() {
                reason = check_other_text(q, item, Some(&c.answer)).err();
            }
            let Some(reason) = reason else {
                return true;
            };
            let mut value = json(&c.answer);
            if let Some(o) = &c.other {
                value.push_str(&format!(" + {o:?}"));
            }
            if let Some(n) = &c.note {
                value.push_str(&format!(" ({n})"));
            }
            out.push(Misfit {
                item: item.clone(),
                whose: Text::new("合意した回答", "agreed answer"),
                value,
                reason,
                place: Place::Agreed,
            });
            false
        });
        let mut targets = StrictMap::default();
        {
            let mut stmt = self.conn.prepare(
                "SELECT item_id, target_key FROM target_override WHERE assessment_id = ?1",
            )?;
            let rows = stmt
                .query_map([assessment_id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (item, key) in rows {
                match check_target(q, &item, &key) {
                    Ok(()) => targets.insert(item, key),
                    Err(reason) => out.push(Misfit {
                        item,
                        whose: Text::new("目標", "target"),
                        value: key,
                        reason,
                        place: Place::Target,
                    }),
                }
            }
        }
        let mut narrative = self.narrative(assessment_id)?;
        narrative.gap_notes.0.retain(|(item, note)| {
            // The item only: the note's length was checked when it was saved.
            let Err(reason) = check_gap_note(q, item, "") else {
                return true;
            };
            out.push(Misfit {
                item: item.clone(),
                whose: Text::new("ギャップの補足", "note on the gap"),
                value: note.clone(),
                reason,
                place: Place::GapNote,
            });
            false
        });
        let order: std::collections::HashMap<&str, usize> = q
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.as_str(), i))
            .collect();
        out.sort_by(|a, b| {
            let key = |m: &Misfit| order.get(m.item.as_str()).copied().unwrap_or(usize::MAX);
            key(a).cmp(&key(b)).then_with(|| a.item.cmp(&b.item))
        });
        Ok(Fitted {
            workshop: w,
            comments,
            evidence,
            targets,
            narrative,
            fit: Fit {
                questionnaire: row.questionnaire_id,
                stored_version: row.questionnaire_version,
                loaded_version: q.version.clone(),
                misfits: out,
            },
        })
    }

    /// How the stored assessment fits the loaded questionnaire `q`: the two versions and every
    /// stored value `q` cannot take. `show`, `report` and `export` warn with it.
    pub fn fit(&self, q: &Questionnaire, assessment_id: i64) -> Result<Fit> {
        self.check_questionnaire(assessment_id, q)?;
        Ok(self.fitted(q, assessment_id)?.fit)
    }

    /// Removes, on the user's word, the stored values that `q` cannot take (all of them, or
    /// those of one item), in one transaction, and records the loaded version when nothing
    /// misfits any more. Returns what was removed.
    pub fn drop_misfits(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        item: Option<&str>,
    ) -> Result<Vec<Misfit>> {
        self.check_questionnaire(assessment_id, q)?;
        let fit = self.fitted(q, assessment_id)?.fit;
        let (gone, kept): (Vec<Misfit>, Vec<Misfit>) = fit
            .misfits
            .into_iter()
            .partition(|m| item.is_none_or(|i| i == m.item));
        if let (Some(i), true) = (item, gone.is_empty()) {
            return Err(StoreError::InvalidInput(bi!(
                "項目 {i} には今の質問票に合わない回答はありません",
                "item {i} has no stored value that misfits the loaded questionnaire"
            )));
        }
        let now = crate::time::now_rfc3339();
        let tx = self.conn.transaction()?;
        for m in &gone {
            let item = m.item.as_str();
            match m.place {
                Place::Answer(r) => tx.execute(
                    "DELETE FROM answer WHERE respondent_id = ?1 AND item_id = ?2",
                    params![r, item],
                )?,
                Place::Other(r) => tx.execute(
                    "UPDATE answer SET other_text = NULL WHERE respondent_id = ?1 AND item_id = ?2",
                    params![r, item],
                )?,
                Place::Comment(r) => tx.execute(
                    "UPDATE answer_note SET comment = NULL WHERE respondent_id = ?1 AND item_id = ?2",
                    params![r, item],
                )?,
                Place::Evidence(r) => tx.execute(
                    "UPDATE answer_note SET evidence = NULL WHERE respondent_id = ?1 AND item_id = ?2",
                    params![r, item],
                )?,
                Place::Agreed => tx.execute(
                    "DELETE FROM consensus WHERE assessment_id = ?1 AND item_id = ?2",
                    params![assessment_id, item],
                )?,
                Place::Target => tx.execute(
                    "DELETE FROM target_override WHERE assessment_id = ?1 AND item_id = ?2",
                    params![assessment_id, item],
                )?,
                Place::GapNote => tx.execute(
                    "DELETE FROM gap_note WHERE assessment_id = ?1 AND item_id = ?2",
                    params![assessment_id, item],
                )?,
            };
        }
        tx.execute(
            "DELETE FROM answer_note WHERE comment IS NULL AND evidence IS NULL
             AND respondent_id IN (SELECT id FROM respondent WHERE assessment_id = ?1)",
            [assessment_id],
        )?;
        if kept.is_empty() {
            tx.execute(
                "UPDATE assessment SET questionnaire_version = ?2 WHERE id = ?1",
                params![assessment_id, q.version],
            )?;
        }
        crate::touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(gone)
    }
}
