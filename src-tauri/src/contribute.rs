//! The anonymous contribution to a pooled benchmark, from the export screen: the preview shows
//! every field that would leave the machine, and what is saved is exactly the previewed file
//! (re-checked, then sealed to the collector's key when one is given).

use crate::error::AppError;
use crate::wire::{
    ContributionInput, ContributionPreview, PreviewRow, ProfileChoice, ProfileOptions,
};
use csirt_model::contribution::{
    contribution_from, month_of, parse_contribution, parse_shape, ContributionId, Form, Profile,
    ProfileValue, Sector, SizeBand,
};
use csirt_model::{Assessment, Catalog, Lang};
use std::path::Path;

fn choices<V: ProfileValue>() -> Vec<ProfileChoice> {
    V::ALL
        .iter()
        .map(|v| ProfileChoice {
            key: v.key().to_string(),
            label: v.label(),
        })
        .collect()
}

/// The fixed lists a team describes itself with.
pub fn options() -> ProfileOptions {
    ProfileOptions {
        sectors: choices::<Sector>(),
        sizes: choices::<SizeBand>(),
        forms: choices::<Form>(),
    }
}

fn part<V: ProfileValue>(key: Option<&str>) -> Result<Option<V>, AppError> {
    key.filter(|k| !k.is_empty())
        .map(|k| V::parse_key(k).map_err(AppError::InvalidInput))
        .transpose()
}

/// The contribution of an assessment (already read from the store), with a fresh random id,
/// as the rows a person reads and the file's exact text.
pub fn preview(
    catalog: &Catalog,
    questionnaire_id: &str,
    a: &Assessment,
    input: &ContributionInput,
    lang: Lang,
) -> Result<ContributionPreview, AppError> {
    let q = &catalog.get(questionnaire_id)?.questionnaire;
    let profile = Profile {
        sector: part(input.sector.as_deref())?,
        size: part(input.size.as_deref())?,
        form: part(input.form.as_deref())?,
    };
    let c = contribution_from(q, a, profile, ContributionId::random()?, &month_of(a)?)?;
    let rows = c
        .preview(q, lang)
        .into_iter()
        .map(|(field, value)| PreviewRow { field, value })
        .collect();
    Ok(ContributionPreview {
        rows,
        json: c.to_json_pretty(),
        options: options(),
    })
}

/// The bytes to save for a previewed contribution and the file name to offer: the same text,
/// checked again against its questionnaire, sealed to `recipient` (an `age1…` key) when given.
pub fn seal(
    catalog: &Catalog,
    json: &str,
    recipient: Option<&str>,
) -> Result<(Vec<u8>, String), AppError> {
    let label = Path::new("contribution.json");
    let shape = parse_shape(json.as_bytes(), label)?;
    let q = &catalog.get(&shape.questionnaire)?.questionnaire;
    let c = parse_contribution(json.as_bytes(), label, q)?;
    let short: String = c.id.as_str().chars().take(8).collect();
    let name = format!("csirt-contribution-{}-{short}.json", c.month);
    match recipient.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => {
            let key = csirt_export::encrypt::parse_recipient(r)?;
            let sealed = csirt_export::encrypt::seal_to(json.as_bytes(), &key)?;
            Ok((sealed, format!("{name}.age")))
        }
        None => Ok((json.as_bytes().to_vec(), name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (Catalog, Assessment) {
        let (catalog, _) = Catalog::load(None).unwrap();
        (catalog, csirt_model::demo::demo_assessment(Lang::Ja))
    }

    fn input(sector: Option<&str>) -> ContributionInput {
        ContributionInput {
            assessment_id: 1,
            language: crate::wire::Lang::En,
            sector: sector.map(str::to_string),
            size: None,
            form: None,
        }
    }

    /// What is saved is the previewed text, byte for byte; sealed, it opens with the collector's
    /// identity to the same text.
    #[test]
    fn the_saved_file_is_the_previewed_one() {
        let (catalog, a) = demo();
        let sector = options().sectors[0].key.clone();
        let p = preview(&catalog, "jpcert-2015", &a, &input(Some(&sector)), Lang::En).unwrap();
        assert!(p
            .rows
            .iter()
            .any(|r| r.value.contains(&sector) || r.field.contains("ector")));
        assert!(
            !p.json.contains(&a.organisation.name),
            "the name left the machine"
        );
        let (bytes, name) = seal(&catalog, &p.json, None).unwrap();
        assert_eq!(bytes, p.json.as_bytes());
        assert!(name.ends_with(".json"));
        let keys = csirt_export::encrypt::keygen();
        let (sealed, name) = seal(&catalog, &p.json, Some(&keys.public_key)).unwrap();
        assert!(name.ends_with(".json.age"));
        let identity = csirt_export::encrypt::parse_identity(&keys.identity_file).unwrap();
        let opened = csirt_export::encrypt::open_sealed(&sealed, &identity).unwrap();
        assert_eq!(opened, p.json.as_bytes());
    }

    /// A file edited between preview and save, a bad key or an unknown sector is refused.
    #[test]
    fn anything_but_the_preview_is_refused() {
        let (catalog, a) = demo();
        let p = preview(&catalog, "jpcert-2015", &a, &input(None), Lang::En).unwrap();
        let edited = p
            .json
            .replacen('{', "{\"organisation\": \"Sample K.K.\",", 1);
        assert!(seal(&catalog, &edited, None).is_err());
        assert!(seal(&catalog, &p.json, Some("age1notakey")).is_err());
        let e = preview(
            &catalog,
            "jpcert-2015",
            &a,
            &input(Some("nowhere")),
            Lang::En,
        )
        .unwrap_err();
        assert!(e.to_string().contains("nowhere"), "{e}");
    }
}
