//! Structure-aware fuzzing of assessment import: documents built from real item ids, real option
//! keys and short strings (dates, names, answers, with multi-byte text where digits are expected),
//! so the fuzzer reaches validation, the workshop merge and scoring, not only the JSON parser.
#![no_main]
use arbitrary::Arbitrary;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

fn catalog() -> &'static csirt_model::Catalog {
    static C: OnceLock<csirt_model::Catalog> = OnceLock::new();
    C.get_or_init(|| {
        csirt_model::Catalog::load(None)
            .map(|(c, _)| c)
            .unwrap_or_default()
    })
}

/// Short text: mostly pieces a date, a key or a name is made of, sometimes anything.
#[derive(Arbitrary, Debug)]
enum Piece {
    Digits(u16),
    Dash,
    Multibyte(u8),
    Key(u8),
    Any(String),
}

const MULTIBYTE: [&str; 8] = ["é", "０", "〇", "\u{301}", "\u{feff}", "𝟚", "－", "\u{200b}"];
const KEYS: [&str; 8] = ["a", "b", "c", "h", "in-house", "outsourced", "none", "other"];

fn text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .take(8)
        .map(|p| match p {
            Piece::Digits(n) => n.to_string(),
            Piece::Dash => "-".to_string(),
            Piece::Multibyte(i) => MULTIBYTE[usize::from(*i) % MULTIBYTE.len()].to_string(),
            Piece::Key(i) => KEYS[usize::from(*i) % KEYS.len()].to_string(),
            Piece::Any(s) => s.chars().take(12).collect(),
        })
        .collect()
}

#[derive(Arbitrary, Debug)]
enum FuzzAnswer {
    Key(u8),
    Keys(Vec<u8>),
    Number(f64),
    Int(i64),
    Text(Vec<Piece>),
}

#[derive(Arbitrary, Debug)]
struct Entry {
    item: u16,
    answer: FuzzAnswer,
    other: Option<Vec<Piece>>,
    comment: Option<Vec<Piece>>,
}

#[derive(Arbitrary, Debug)]
struct Respondent {
    name: Vec<Piece>,
    entries: Vec<Entry>,
}

#[derive(Arbitrary, Debug)]
struct Doc {
    date: Option<Vec<Piece>>,
    name: Vec<Piece>,
    entries: Vec<Entry>,
    targets: Vec<(u16, u8)>,
    respondents: Option<Vec<Respondent>>,
    agreed: Vec<(u16, FuzzAnswer, Option<Vec<Piece>>)>,
}

fn answer(a: &FuzzAnswer, item: &csirt_model::Item) -> Value {
    let keys: Vec<&str> = item.options().iter().map(|o| o.key.as_str()).collect();
    let key = |i: u8| {
        keys.get(usize::from(i) % keys.len().max(1))
            .map_or_else(|| KEYS[usize::from(i) % KEYS.len()].to_string(), |k| k.to_string())
    };
    match a {
        FuzzAnswer::Key(i) => json!(key(*i)),
        FuzzAnswer::Keys(v) => json!(v.iter().take(6).map(|i| key(*i)).collect::<Vec<_>>()),
        FuzzAnswer::Number(n) => json!(n),
        FuzzAnswer::Int(n) => json!(n),
        FuzzAnswer::Text(p) => json!(text(p)),
    }
}

fn maps(entries: &[Entry], q: &csirt_model::Questionnaire) -> (Value, Value, Value) {
    let (mut answers, mut other, mut comments) = (Map::new(), Map::new(), Map::new());
    for e in entries.iter().take(40) {
        let item = &q.items[usize::from(e.item) % q.items.len()];
        answers.insert(item.id.clone(), answer(&e.answer, item));
        if let Some(o) = &e.other {
            other.insert(item.id.clone(), json!(text(o)));
        }
        if let Some(c) = &e.comment {
            comments.insert(item.id.clone(), json!(text(c)));
        }
    }
    (Value::Object(answers), Value::Object(other), Value::Object(comments))
}

libfuzzer_sys::fuzz_target!(|doc: Doc| {
    let Some(set) = catalog().sets.first() else {
        return;
    };
    let q = &set.questionnaire;
    if q.items.is_empty() {
        return;
    }
    let (answers, other, comments) = maps(&doc.entries, q);
    let mut file = json!({
        "format": "csirt-assessment/1",
        "questionnaire": q.id,
        "organisation": {"name": text(&doc.name)},
        "answers": answers,
        "other": other,
        "comments": comments,
    });
    if let Some(d) = &doc.date {
        file["date"] = json!(text(d));
    }
    let mut targets = Map::new();
    for (i, k) in doc.targets.iter().take(8) {
        let item = &q.items[usize::from(*i) % q.items.len()];
        targets.insert(item.id.clone(), json!(KEYS[usize::from(*k) % KEYS.len()]));
    }
    file["targets"] = Value::Object(targets);
    if let Some(rs) = &doc.respondents {
        let respondents: Vec<Value> = rs
            .iter()
            .take(5)
            .map(|r| {
                let (answers, other, comments) = maps(&r.entries, q);
                json!({"name": text(&r.name), "answers": answers, "other": other,
                       "comments": comments})
            })
            .collect();
        let mut consensus = Map::new();
        for (i, a, note) in doc.agreed.iter().take(8) {
            let item = &q.items[usize::from(*i) % q.items.len()];
            let mut c = json!({"answer": answer(a, item)});
            if let Some(n) = note {
                c["note"] = json!(text(n));
            }
            consensus.insert(item.id.clone(), c);
        }
        let workshop = json!({"respondents": respondents, "consensus": consensus});
        // A file's answers must be what its workshop gives, or validation stops early; make
        // them so, to reach the merge and the scoring of workshop files.
        if let Ok(w) = serde_json::from_value::<csirt_model::assessment::Workshop>(workshop.clone())
        {
            let (answers, other) = w.agreed();
            if let (Ok(a), Ok(o)) = (serde_json::to_value(&answers), serde_json::to_value(&other))
            {
                file["answers"] = a;
                file["other"] = o;
            }
        }
        file["workshop"] = workshop;
    }
    let bytes = file.to_string().into_bytes();
    let Ok(a) = csirt_model::assessment::parse(&bytes) else {
        return;
    };
    if csirt_model::assessment::validate(&a, catalog()).is_ok() {
        // A valid document must also score and export without a panic.
        if let Ok(report) = csirt_scoring::score(q, set.benchmark.as_deref(), &a) {
            let _ = csirt_export::answers_csv(q, &a, &report, csirt_model::Lang::Ja);
        }
    }
});
