//! Staffing roles (`[[roles]]` in questionnaire.toml): which items say who covers a role and
//! how many people do, and their checks.

use crate::bi;
use crate::error::Problem;
use crate::questionnaire::{Item, ItemKind};
use crate::raw::RawRole;
use crate::source::SourceFile;
use crate::text::Text;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use toml::Spanned;

/// The four answers of a role's coverage item, in this order: covered by the team's own
/// people, by a vendor, by both, or not at all.
pub const ROLE_COVERAGE_KEYS: [&str; 4] = ["in-house", "vendor", "both", "none"];

/// One staffing role. Its coverage is a scored `single` item with the options
/// [`ROLE_COVERAGE_KEYS`]; the levels of those options say how well each way of covering
/// fits the role (where the vendor's level is the item's highest, a vendor fits). Its head
/// count, when asked, is a `number` item, shown and never scored.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub id: String,
    pub name: Text,
    /// Where the role is described, as the reader sees it (`NCA「CSIRT人材の定義と確保」Ver.1.5 §4.9`).
    pub source: String,
    /// The id of the scored coverage item.
    pub coverage: String,
    /// The id of the head-count item, if the questionnaire asks for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headcount: Option<String>,
}

/// Checks every `[[roles]]` entry against the compiled items.
pub(crate) fn compile_roles(
    raw: &[Spanned<RawRole>],
    items: &[Item],
    index: &HashMap<String, usize>,
    file: &SourceFile,
    problems: &mut Vec<Problem>,
) -> Vec<Role> {
    let mut roles = Vec::new();
    let mut ids = BTreeSet::new();
    let mut used = BTreeSet::new();
    for spanned in raw {
        let at = spanned.span().start;
        let r = spanned.get_ref();
        let mut bad = |m: Text| problems.push(file.problem_at(at, m));
        let rid = &r.id;
        if rid.is_empty() || !ids.insert(rid.clone()) {
            bad(bi!(
                "役割 id {rid:?} が空か重複しています",
                "role id {rid:?} is empty or used twice"
            ));
        }
        if r.name.is_incomplete() {
            bad(bi!(
                "役割 {rid}: name には ja と en の両方が必要です",
                "role {rid}: name needs both ja and en text"
            ));
        }
        if r.source.trim().is_empty() {
            bad(bi!(
                "役割 {rid}: source（出典）が必要です",
                "role {rid}: source is required"
            ));
        }
        let item = |id: &str| index.get(id).and_then(|&i| items.get(i));
        let cov = &r.coverage;
        match item(cov) {
            None => bad(bi!(
                "役割 {rid}: coverage の項目 {cov:?} はありません",
                "role {rid}: coverage names unknown item {cov:?}"
            )),
            Some(it) => {
                if let Err(m) = check_coverage(it) {
                    let (ja, en) = (m.ja, m.en);
                    bad(bi!(
                        "役割 {rid}: coverage の項目 {cov}: {ja}",
                        "role {rid}: coverage item {cov}: {en}"
                    ));
                }
            }
        }
        if !used.insert(cov.clone()) {
            bad(bi!(
                "役割 {rid}: 項目 {cov} はほかの役割でも使われています",
                "role {rid}: item {cov} belongs to another role too"
            ));
        }
        if let Some(hc) = &r.headcount {
            match item(hc) {
                Some(Item {
                    kind: ItemKind::Number { .. },
                    ..
                }) => {}
                Some(_) => bad(bi!(
                    "役割 {rid}: headcount の項目 {hc} は数の項目でなければなりません",
                    "role {rid}: headcount item {hc} must be a number item"
                )),
                None => bad(bi!(
                    "役割 {rid}: headcount の項目 {hc:?} はありません",
                    "role {rid}: headcount names unknown item {hc:?}"
                )),
            }
            if !used.insert(hc.clone()) {
                bad(bi!(
                    "役割 {rid}: 項目 {hc} はほかの役割でも使われています",
                    "role {rid}: item {hc} belongs to another role too"
                ));
            }
        }
        roles.push(Role {
            id: r.id.clone(),
            name: r.name.clone(),
            source: r.source.clone(),
            coverage: r.coverage.clone(),
            headcount: r.headcount.clone(),
        });
    }
    roles
}

/// A coverage item is a scored single choice with exactly the four coverage keys, "none" at
/// level 0 and every other key above it.
fn check_coverage(it: &Item) -> Result<(), Text> {
    let keys: Vec<&str> = it.options().iter().map(|o| o.key.as_str()).collect();
    let expected = ROLE_COVERAGE_KEYS.join(", ");
    if !matches!(it.kind, ItemKind::Single { .. }) || !it.scored {
        return Err(bi!(
            "採点される単一選択の項目でなければなりません",
            "it must be a scored single-choice item"
        ));
    }
    if keys.len() != ROLE_COVERAGE_KEYS.len()
        || ROLE_COVERAGE_KEYS.iter().any(|k| !keys.contains(k))
    {
        return Err(bi!(
            "選択肢のキーは {expected} の四つでなければなりません",
            "its option keys must be exactly {expected}"
        ));
    }
    for o in it.options() {
        let ok = match (o.key.as_str(), o.level) {
            ("none", Some(l)) => l == 0,
            (_, Some(l)) => l > 0,
            (_, None) => false,
        };
        if !ok {
            return Err(bi!(
                "\"none\" の level は 0、ほかの選択肢の level は 1 以上でなければなりません",
                "\"none\" must have level 0 and every other option a level above 0"
            ));
        }
    }
    Ok(())
}
