//! Passphrase-encrypted hand-off files (age, scrypt recipient), for carrying an assessment
//! between a client site and a consultant's machine; and files sealed to a collector's public key
//! (age X25519, `age1…`), for benchmark contributions only the collector can open.

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
    #[error(
        "{0:?} is not a collector's public key (an age X25519 recipient starting with \"age1\")"
    )]
    BadRecipient(String),
    #[error(
        "the key file holds no age X25519 secret key (a line starting with \"AGE-SECRET-KEY-1\")"
    )]
    BadIdentity,
    #[error("the file was sealed to another key, not to this identity")]
    OtherKey,
}

/// A collector's key pair: the identity file's text (secret) and the public key to hand out.
pub struct KeyPair {
    /// The identity file, in the format `age-keygen` writes: two comment lines and the key.
    pub identity_file: String,
    /// The recipient, `age1…`.
    pub public_key: String,
}

/// A fresh X25519 key pair for a collector.
pub fn keygen() -> KeyPair {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    let public_key = identity.to_public().to_string();
    let secret = identity.to_string();
    KeyPair {
        identity_file: format!(
            "# csirt benchmark collector key: keep this file secret\n# public key: {public_key}\n{}\n",
            secret.expose_secret()
        ),
        public_key,
    }
}

/// Parses a public key (`age1…`); surrounding spaces are ignored.
pub fn parse_recipient(text: &str) -> Result<age::x25519::Recipient, CryptoError> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    line.parse::<age::x25519::Recipient>()
        .map_err(|_| CryptoError::BadRecipient(line.chars().take(80).collect()))
}

/// Parses an identity file: comment lines are skipped, the first secret key is used.
pub fn parse_identity(text: &str) -> Result<age::x25519::Identity, CryptoError> {
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .and_then(|l| l.parse::<age::x25519::Identity>().ok())
        .ok_or(CryptoError::BadIdentity)
}

/// Seals `plain` so that only the holder of the recipient's identity can open it.
pub fn seal_to(plain: &[u8], recipient: &age::x25519::Recipient) -> Result<Vec<u8>, CryptoError> {
    seal(plain, recipient)
}

/// Seals `plain` to one age recipient (a collector's key, or a passphrase's scrypt recipient).
fn seal(plain: &[u8], recipient: &dyn age::Recipient) -> Result<Vec<u8>, CryptoError> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient))
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

/// Opens a file sealed with [`seal_to`]; reads it whole first, so a tampered file yields nothing.
pub fn open_sealed(
    cipher: &[u8],
    identity: &age::x25519::Identity,
) -> Result<Vec<u8>, CryptoError> {
    let decryptor =
        age::Decryptor::new(cipher).map_err(|e| CryptoError::Tampered(e.to_string()))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => CryptoError::OtherKey,
            other => CryptoError::Tampered(other.to_string()),
        })?;
    let mut plain = Vec::new();
    reader
        .read_to_end(&mut plain)
        .map_err(|e| CryptoError::Tampered(e.to_string()))?;
    Ok(plain)
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
    seal(plain, &recipient)
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
            CryptoError::BadRecipient(k) => format!(
                "{k:?} は集計者の公開鍵ではありません（\"age1\" で始まる age X25519 の鍵を指定してください）"
            ),
            CryptoError::BadIdentity => "鍵ファイルに age X25519 の秘密鍵（\"AGE-SECRET-KEY-1\" で始まる行）がありません".to_string(),
            CryptoError::OtherKey => {
                "このファイルは別の鍵あてに暗号化されています。この秘密鍵では開けません".to_string()
            }
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
    fn sealed_to_a_key_opens_only_with_its_identity() {
        let pair = keygen();
        let recipient = parse_recipient(&pair.public_key).unwrap();
        let identity = parse_identity(&pair.identity_file).unwrap();
        let sealed = seal_to(b"contribution", &recipient).unwrap();
        assert!(is_encrypted(&sealed));
        assert_eq!(open_sealed(&sealed, &identity).unwrap(), b"contribution");
        let other = parse_identity(&keygen().identity_file).unwrap();
        assert!(matches!(
            open_sealed(&sealed, &other),
            Err(CryptoError::OtherKey)
        ));
        let mut bad = sealed.clone();
        let last = bad.len() - 3;
        bad[last] ^= 1;
        assert!(matches!(
            open_sealed(&bad, &identity),
            Err(CryptoError::Tampered(_))
        ));
        assert!(matches!(
            parse_recipient("age1nope"),
            Err(CryptoError::BadRecipient(_))
        ));
        assert!(matches!(
            parse_identity("# nothing"),
            Err(CryptoError::BadIdentity)
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
            CryptoError::BadRecipient("age1x".into()),
            CryptoError::BadIdentity,
            CryptoError::OtherKey,
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
