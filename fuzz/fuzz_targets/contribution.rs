//! Fuzzes what a collector's `csirt benchmark build` reads from strangers: any bytes as a
//! contribution file (shape, then the check against the questionnaire), or as a file sealed to
//! the collector's key.
#![no_main]
use std::path::Path;
use std::sync::OnceLock;

fn catalog() -> &'static csirt_model::Catalog {
    static C: OnceLock<csirt_model::Catalog> = OnceLock::new();
    C.get_or_init(|| {
        csirt_model::Catalog::load(None)
            .map(|(c, _)| c)
            .unwrap_or_default()
    })
}

fn identity() -> &'static Option<age::x25519::Identity> {
    static I: OnceLock<Option<age::x25519::Identity>> = OnceLock::new();
    I.get_or_init(|| {
        let keys = csirt_export::encrypt::keygen();
        csirt_export::encrypt::parse_identity(&keys.identity_file).ok()
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if csirt_export::encrypt::is_encrypted(data) {
        if let Some(id) = identity() {
            let _ = csirt_export::encrypt::open_sealed(data, id);
        }
        return;
    }
    let file = Path::new("fuzz.json");
    if csirt_model::contribution::parse_shape(data, file).is_ok() {
        if let Some(set) = catalog().sets.first() {
            let _ = csirt_model::contribution::parse_contribution(data, file, &set.questionnaire);
        }
    }
});
