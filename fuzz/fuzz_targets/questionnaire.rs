//! Fuzzes the questionnaire loader: any text must give a questionnaire or located problems.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = csirt_model::compile_texts("fuzz", text, None);
    }
});
