//! A command's `input`, read by the app itself, so a payload of the wrong shape (an id that is
//! not a number, an unknown language, a missing field) is refused with the app's own error in
//! the user's language rather than Tauri's English text.

use crate::error::AppError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// The `input` of a command: the payload if it has the type's shape, else why not.
///
/// Deserialising never fails on a JSON payload: the value (null when `input` is missing) is
/// taken whole and read into `T` afterwards, and [`Input::get`] turns a mismatch into
/// [`AppError::BadArguments`].
#[derive(Debug)]
pub struct Input<T>(Result<T, String>);

impl<T> Input<T> {
    pub fn get(self) -> Result<T, AppError> {
        self.0.map_err(|detail| AppError::BadArguments { detail })
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Input<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Through `Option`, so a call without `input` at all is also ours to refuse (Tauri
        // hands a missing key to `deserialize_option` as none).
        let value = Option::<serde_json::Value>::deserialize(d)?.unwrap_or_default();
        Ok(Input(
            serde_json::from_value(value).map_err(|e| e.to_string()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{CreateAssessmentInput, ExportInput, IdInput, LanguageInput};
    use csirt_model::{Lang, Localized};

    fn read<T: DeserializeOwned>(json: &str) -> Result<T, AppError> {
        serde_json::from_str::<Input<T>>(json).unwrap().get()
    }

    #[test]
    fn a_good_input_is_read() {
        assert_eq!(read::<IdInput>(r#"{"id": 7}"#).unwrap().id, 7);
        let c: CreateAssessmentInput =
            read(r#"{"organisation_id": 1, "date": "2025-04-01"}"#).unwrap();
        assert_eq!(c.date.as_deref(), Some("2025-04-01"));
    }

    /// Every kind of wrong shape comes back as the app's own error, in both languages.
    #[test]
    fn every_wrong_shape_is_a_bilingual_error() {
        type Check = fn(&str) -> Option<AppError>;
        let id: Check = |j| read::<IdInput>(j).err();
        let lang: Check = |j| read::<LanguageInput>(j).err();
        let export: Check = |j| read::<ExportInput>(j).err();
        let wrong = [
            (r#"{"id": "7"}"#, id),
            (r#"{"id": 1.5}"#, id),
            (r#"{"id": 99999999999999999999}"#, id),
            (r#"{}"#, id),
            (r#"{"id": 1, "extra": true}"#, id),
            (r#"null"#, id),
            (r#"{"language": "fr"}"#, lang),
            (
                r#"{"assessment_id": 1, "format": "docx", "language": "ja", "passphrase": null, "peers": false, "facilitator": "x"}"#,
                export,
            ),
        ];
        for (json, check) in wrong {
            let e = check(json).unwrap_or_else(|| panic!("{json} was accepted"));
            assert!(matches!(e, AppError::BadArguments { .. }), "{json}: {e:?}");
            let ja = e.payload(Lang::Ja);
            assert_eq!(ja.kind, crate::wire::ErrorKind::InvalidInput);
            assert!(
                ja.message.starts_with("コマンドへの入力が正しくありません"),
                "{json}: {}",
                ja.message
            );
            assert!(e
                .localized(Lang::En)
                .starts_with("the command's input is not valid"));
        }
    }
}
