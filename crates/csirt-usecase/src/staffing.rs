//! Staffing by role for the app: the role-coverage chart (the report's own chart code), the
//! summary and the advice, in one language, for an assessment of a questionnaire with roles.
//! The screen only draws what this returns.

use csirt_model::{Assessment, Lang, Questionnaire};
use csirt_report::role_chart::{role_bars, roles_svg, staffing_summary};
use serde::Serialize;

/// What the dashboard's "Staffing by role" card shows.
#[derive(Debug, Clone, Serialize)]
pub struct StaffingCard {
    /// The role-coverage chart as an SVG document.
    pub svg: String,
    /// How many roles are covered and how, and the own staff's head count.
    pub summary: String,
    /// The uncovered roles first, then where a vendor fits or does not.
    pub advice: Vec<String>,
}

/// The card of an assessment, or `None` when its questionnaire has no roles.
pub fn staffing_card(q: &Questionnaire, a: &Assessment, lang: Lang) -> Option<StaffingCard> {
    let s = csirt_scoring::staffing(q, &a.answers)?;
    Some(StaffingCard {
        svg: roles_svg(&role_bars(&s, lang)),
        summary: staffing_summary(&s, lang),
        advice: s
            .advice
            .iter()
            .map(|x| x.text.get(lang).to_string())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_model::load::builtin_set;

    #[test]
    fn the_roles_demo_has_a_card_and_the_survey_none() {
        let set = builtin_set("csirt-roles").expect("built in");
        let a = csirt_model::assessment::parse(include_bytes!(
            "../../../questionnaires/csirt-roles/demo.json"
        ))
        .expect("demo");
        let card = staffing_card(&set.questionnaire, &a, Lang::Ja).expect("a card");
        assert!(card.svg.starts_with("<svg") && card.svg.contains("コマンダー"));
        assert!(card.summary.starts_with("14 の役割のうち"));
        assert_eq!(card.advice.len(), 4);
        let jp = builtin_set("jpcert-2015").expect("built in");
        let demo = csirt_model::demo::demo_assessment(Lang::En);
        assert!(staffing_card(&jp.questionnaire, &demo, Lang::En).is_none());
    }
}
