//! The glossary test on the report's wording: every string literal in `labels.rs` and
//! `build/*.rs`, and every string of the UI's dictionary (`ui/src/i18n.ts`), uses the
//! glossary's term for a concept, never a listed variant (`csirt_model::glossary`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::glossary::misused;
use csirt_model::Lang;
use std::path::{Path, PathBuf};

/// The string literals of a Rust or TypeScript source, with their line numbers. Comments are
/// skipped; escapes are kept as written (no listed variant contains one).
fn literals(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with("///") || code.starts_with("//!") {
            continue;
        }
        let mut chars = line.chars().peekable();
        let mut current: Option<(char, String)> = None;
        while let Some(c) = chars.next() {
            match &mut current {
                None => {
                    if c == '/' && chars.peek() == Some(&'/') {
                        break;
                    }
                    if c == '"' || c == '\'' || c == '`' {
                        current = Some((c, String::new()));
                    }
                }
                Some((quote, text)) => {
                    if c == '\\' {
                        if let Some(next) = chars.next() {
                            text.push('\\');
                            text.push(next);
                        }
                    } else if c == *quote {
                        out.push((n + 1, std::mem::take(text)));
                        current = None;
                    } else {
                        text.push(c);
                    }
                }
            }
        }
    }
    out
}

/// Every variant found in `file`, as "path:line: 「variant」 (use 「term」)".
fn problems(file: &Path) -> Vec<String> {
    let src = std::fs::read_to_string(file).unwrap();
    let mut found = Vec::new();
    for (line, text) in literals(&src) {
        // A literal is checked in both languages: English strings hold no Japanese variant
        // and the English variants are English words.
        for lang in [Lang::Ja, Lang::En] {
            for (term, variant) in misused(&text, lang) {
                found.push(format!(
                    "{}:{line}: “{variant}” instead of “{}” in {text:?}",
                    file.display(),
                    term.get(lang)
                ));
            }
        }
    }
    found
}

fn report_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("labels.rs")];
    let mut build: Vec<PathBuf> = std::fs::read_dir(root.join("build"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    build.sort();
    files.extend(build);
    files
}

#[test]
fn the_report_labels_use_the_glossary_terms() {
    let files = report_sources();
    assert!(files.len() >= 8, "{files:?}");
    let found: Vec<String> = files.iter().flat_map(|f| problems(f)).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_ui_strings_use_the_glossary_terms() {
    let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/i18n.ts");
    let found = problems(&i18n);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_scan_finds_a_variant_in_a_literal() {
    let src = "let a = \"調査対象 66 組織\"; // あなた in a comment is fine\n// \"あなた\"\n'dash.you': { ja: 'あなた', en: 'First: 4.1' },";
    let lits = literals(src);
    assert_eq!(lits.len(), 4, "{lits:?}");
    let hits: Vec<_> = lits
        .iter()
        .flat_map(|(_, t)| misused(t, Lang::Ja).into_iter().chain(misused(t, Lang::En)))
        .map(|(term, _)| term.id)
        .collect();
    assert_eq!(
        hits,
        vec!["benchmark-teams", "organisation", "prerequisite"]
    );
}
