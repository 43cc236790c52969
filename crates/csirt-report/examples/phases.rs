//! Prints how long each phase of producing the demo report takes (for profiling).
#![allow(clippy::expect_used)]
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let set = csirt_model::builtin().expect("questionnaire");
    eprintln!("load questionnaire+benchmark: {:?}", t.elapsed());
    let lang = csirt_model::Lang::Ja;
    let a = csirt_model::demo::demo_assessment(lang);
    let t = Instant::now();
    let score =
        csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a).expect("score");
    eprintln!("score: {:?}", t.elapsed());
    let input = csirt_report::ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: &a,
        score: &score,
    };
    for i in 0..3 {
        let t = Instant::now();
        let pdf = csirt_report::render_pdf_at(&input, lang, 0).expect("pdf");
        eprintln!("render #{i}: {:?} ({} bytes)", t.elapsed(), pdf.len());
    }
}
