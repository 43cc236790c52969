//! Fuzzes the PDF text path: arbitrary Unicode (RTL, combining marks, emoji) through glyph
//! coverage, line breaking and ellipsis must never panic, and lines must fit.
#![no_main]
use csirt_report::fonts::Weight;
use csirt_report::layout::{ellipsize, wrap};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let width = 20.0 + f32::from(data.first().copied().unwrap_or(0));
    for weight in [Weight::Regular, Weight::Bold] {
        let lines = wrap(text, width, 9.0, weight);
        assert!(!lines.is_empty());
        let _ = ellipsize(text, width, 9.0, weight);
    }
});
