//! Fuzzes the benchmark loader against the shipped questionnaire.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (q, _) = csirt_model::builtin_texts();
        let _ = csirt_model::compile_texts("fuzz", q, Some(text));
    }
});
