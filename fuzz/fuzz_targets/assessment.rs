//! Fuzzes assessment import, plain and encrypted: parse, validate, and decrypt.
#![no_main]
use std::sync::OnceLock;

fn catalog() -> &'static csirt_model::Catalog {
    static C: OnceLock<csirt_model::Catalog> = OnceLock::new();
    C.get_or_init(|| {
        csirt_model::Catalog::load(None)
            .map(|(c, _)| c)
            .unwrap_or_default()
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if csirt_export::encrypt::is_encrypted(data) {
        let _ = csirt_export::encrypt::decrypt(data, "fuzz");
        return;
    }
    if let Ok(a) = csirt_model::assessment::parse(data) {
        let _ = csirt_model::assessment::validate(&a, catalog());
    }
});
