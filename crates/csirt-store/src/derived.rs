//! Derived answers (migration 0005): the answers of an assessment started from another
//! questionnaire's assessment stay marked, with the source items they came from, until the user
//! saves or confirms them. Saving an answer clears its mark in the same transaction.

use crate::{time, touch, Result, Store, StoreError};
use csirt_model::{bi, Derivation, DerivedSource, Questionnaire, StrictMap, Text};
use rusqlite::{params, OptionalExtension, Transaction};

impl Store {
    /// The derived answers of an assessment still unconfirmed, and their source; `None` when
    /// none are left (or the assessment was never derived).
    pub fn derivation(&self, assessment_id: i64) -> Result<Option<Derivation>> {
        self.assessment(assessment_id)?;
        let source = self
            .conn
            .query_row(
                "SELECT questionnaire, title_ja, title_en, date FROM derived_source
                 WHERE assessment_id = ?1",
                [assessment_id],
                |r| {
                    Ok(DerivedSource {
                        questionnaire: r.get(0)?,
                        title: Text::new(r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                        date: r.get(3)?,
                    })
                },
            )
            .optional()?;
        let Some(source) = source else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare(
            "SELECT item_id, from_items FROM derived_answer WHERE assessment_id = ?1
             ORDER BY item_id",
        )?;
        let rows = stmt
            .query_map([assessment_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut items = StrictMap::default();
        for (item, from) in rows {
            items.insert(item, serde_json::from_str::<Vec<String>>(&from)?);
        }
        Ok((!items.is_empty()).then_some(Derivation { source, items }))
    }

    /// Confirms derived answers as they stand: one item's, or every one with `None`. Returns
    /// how many were confirmed. An item `q` (the assessment's questionnaire) does not have, or
    /// whose answer is not derived and unconfirmed, is refused and nothing changes.
    pub fn confirm_derived(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        item: Option<&str>,
    ) -> Result<usize> {
        self.assessment(assessment_id)?;
        if let Some(item) = item.filter(|i| q.item(i).is_none()) {
            let qid = &q.id;
            return Err(StoreError::InvalidAnswer {
                item: item.to_string(),
                message: bi!(
                    "質問票 {qid} にこの項目はありません",
                    "no such item in questionnaire {qid}"
                ),
            });
        }
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        let n = match item {
            Some(item) => {
                let n = tx.execute(
                    "DELETE FROM derived_answer WHERE assessment_id = ?1 AND item_id = ?2",
                    params![assessment_id, item],
                )?;
                if n == 0 {
                    return Err(StoreError::InvalidAnswer {
                        item: item.to_string(),
                        message: bi!(
                            "この回答は導出された未確認の回答ではありません",
                            "this answer is not a derived answer awaiting confirmation"
                        ),
                    });
                }
                n
            }
            None => tx.execute(
                "DELETE FROM derived_answer WHERE assessment_id = ?1",
                [assessment_id],
            )?,
        };
        if n > 0 {
            touch(&tx, assessment_id, &now)?;
        }
        tx.commit()?;
        Ok(n)
    }
}

/// Writes a file's derived marks for a new assessment, inside the caller's transaction.
pub(crate) fn insert_derived_tx(
    tx: &Transaction,
    assessment_id: i64,
    d: &Derivation,
) -> Result<()> {
    let s = &d.source;
    tx.execute(
        "INSERT INTO derived_source (assessment_id, questionnaire, title_ja, title_en, date)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            assessment_id,
            s.questionnaire,
            s.title.ja,
            s.title.en,
            s.date
        ],
    )?;
    for (item, from) in d.items.iter() {
        tx.execute(
            "INSERT INTO derived_answer (assessment_id, item_id, from_items) VALUES (?1, ?2, ?3)",
            params![assessment_id, item, serde_json::to_string(from)?],
        )?;
    }
    Ok(())
}

/// Clears an item's derived mark: the user saved (or cleared) its agreed answer, so it is theirs.
pub(crate) fn clear_derived_tx(tx: &Transaction, assessment_id: i64, item_id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM derived_answer WHERE assessment_id = ?1 AND item_id = ?2",
        params![assessment_id, item_id],
    )?;
    Ok(())
}

/// Clears an item's derived mark when `respondent_id` is the assessment's own (default)
/// respondent, whose answer is the derived one; a workshop participant answering leaves it.
pub(crate) fn clear_derived_by_tx(
    tx: &Transaction,
    assessment_id: i64,
    respondent_id: i64,
    item_id: &str,
) -> Result<()> {
    tx.execute(
        "DELETE FROM derived_answer WHERE assessment_id = ?1 AND item_id = ?2
         AND EXISTS (SELECT 1 FROM respondent WHERE id = ?3 AND is_default = 1)",
        params![assessment_id, item_id, respondent_id],
    )?;
    Ok(())
}
