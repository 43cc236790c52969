//! Passphrase-encrypted hand-off files (age, scrypt recipient), for carrying an assessment
//! between a client site and a consultant's machine.

use age::secrecy::SecretString;
use std::io::{Read, Write};

/// The first bytes of every age file; used to recognise encrypted imports.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// scrypt work factor (log2 N). 18 costs about a second here, which is the point: it makes
/// guessing passphrases slow. Tests may pass a smaller one.
pub const DEFAULT_WORK_FACTOR: u8 = 18;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("the passphrase is wrong, or the file was not encrypted with a passphrase")]
    WrongPassphrase,
    #[error("the encrypted file is damaged or was tampered with: {0}")]
    Tampered(String),
    #[error("cannot encrypt: {0}")]
    Encrypt(String),
}

pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

pub fn encrypt(plain: &[u8], passphrase: &str, work_factor: u8) -> Result<Vec<u8>, CryptoError> {
    if passphrase.is_empty() {
        return Err(CryptoError::EmptyPassphrase);
    }
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    recipient.set_work_factor(work_factor);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| CryptoError::Encrypt(e.to_string()))?;
    let mut out = Vec::new();
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| CryptoError::Encrypt(e.to_string()))?;
    writer
        .write_all(plain)
        .map_err(|e| CryptoError::Encrypt(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| CryptoError::Encrypt(e.to_string()))?;
    Ok(out)
}

/// Decrypts fully before returning anything, so a tampered file yields no partial plaintext.
pub fn decrypt(cipher: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let decryptor =
        age::Decryptor::new(cipher).map_err(|e| CryptoError::Tampered(e.to_string()))?;
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                CryptoError::WrongPassphrase
            }
            other => CryptoError::Tampered(other.to_string()),
        })?;
    let mut plain = Vec::new();
    reader
        .read_to_end(&mut plain)
        .map_err(|e| CryptoError::Tampered(e.to_string()))?;
    Ok(plain)
}

impl csirt_model::Localized for CryptoError {
    fn localized(&self, lang: csirt_model::Lang) -> String {
        if lang == csirt_model::Lang::En {
            return self.to_string();
        }
        match self {
            CryptoError::EmptyPassphrase => "パスフレーズが空です".to_string(),
            CryptoError::WrongPassphrase => {
                "パスフレーズが違うか、このファイルはパスフレーズで暗号化されていません".to_string()
            }
            CryptoError::Tampered(e) => {
                format!("暗号化されたファイルが壊れているか、改ざんされています: {e}")
            }
            CryptoError::Encrypt(e) => format!("暗号化できません: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_wrong_passphrase_and_tampering() {
        let plain = br#"{"format":"csirt-assessment/1"}"#;
        let sealed = encrypt(plain, "correct horse", 10).unwrap();
        assert!(is_encrypted(&sealed));
        assert_eq!(decrypt(&sealed, "correct horse").unwrap(), plain);
        assert!(matches!(
            decrypt(&sealed, "wrong"),
            Err(CryptoError::WrongPassphrase)
        ));
        let mut bad = sealed.clone();
        let last = bad.len() - 5;
        bad[last] ^= 0x40;
        assert!(matches!(
            decrypt(&bad, "correct horse"),
            Err(CryptoError::Tampered(_))
        ));
        assert!(matches!(
            encrypt(plain, "", 10),
            Err(CryptoError::EmptyPassphrase)
        ));
    }

    #[test]
    fn every_error_reads_in_japanese_and_keeps_its_detail() {
        use csirt_model::{Lang, Localized};
        let errors = [
            CryptoError::EmptyPassphrase,
            CryptoError::WrongPassphrase,
            CryptoError::Tampered("header MAC mismatch".into()),
            CryptoError::Encrypt("out of memory".into()),
        ];
        for e in &errors {
            let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
            assert_eq!(en, e.to_string());
            assert_ne!(ja, en);
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{ja}"
            );
            // Only the detail may be English: no English sentence of ours is left over.
            for word in ["passphrase", "cannot", "encrypted file", "tampered"] {
                assert!(!ja.contains(word), "{ja}");
            }
        }
        assert!(errors[2]
            .localized(Lang::Ja)
            .contains("header MAC mismatch"));
        assert!(errors[3].localized(Lang::Ja).contains("out of memory"));
    }
}
