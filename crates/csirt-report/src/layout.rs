//! Line breaking with real glyph widths: UAX #14 break opportunities (so English breaks at
//! spaces and Japanese between characters), kinsoku shori, and hard breaks inside words too long
//! for the line.

use crate::fonts::{self, Weight};
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// Characters that must not start a line (行頭禁則).
const NO_START: &str = "、。，．・：；？！゛゜ヽヾゝゞ々ー’”）〕］｝〉》」』】〙〗〟‐゠–〜～ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)]},.:;!?%";
/// Characters that must not end a line (行末禁則).
const NO_END: &str = "‘“（〔［｛〈《「『【〘〖〝([{";

fn width(text: &str, size: f32, weight: Weight) -> f32 {
    fonts::metrics(weight).map_or(0.0, |m| m.width(text, size))
}

/// Splits `text` into lines no wider than `max_width` points. Never returns an empty vector for
/// non-empty text, and never loses a character (other than trailing spaces at breaks).
pub fn wrap(text: &str, max_width: f32, size: f32, weight: Weight) -> Vec<String> {
    let text = fonts::drawable(text, weight);
    let mut lines = Vec::new();
    for paragraph in text.split('\u{2029}') {
        wrap_paragraph(paragraph, max_width.max(size), size, weight, &mut lines);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Break opportunities of `text` as byte offsets, adjusted for kinsoku.
fn break_points(text: &str) -> Vec<usize> {
    let mut points: Vec<usize> = Vec::new();
    for (at, op) in linebreaks(text) {
        if at == text.len() {
            continue;
        }
        if op == BreakOpportunity::Mandatory {
            points.push(at);
            continue;
        }
        let next = text[at..].chars().next();
        let prev = text[..at].chars().next_back();
        if next.is_some_and(|c| NO_START.contains(c)) || prev.is_some_and(|c| NO_END.contains(c)) {
            continue;
        }
        points.push(at);
    }
    points
}

/// Widths of every prefix of `text`, indexed by byte offset (only char boundaries are filled).
fn prefix_widths(text: &str, size: f32, weight: Weight) -> Vec<f32> {
    let mut out = vec![0.0; text.len() + 1];
    let Some(m) = fonts::metrics(weight) else {
        return out;
    };
    let mut acc = 0.0;
    for (i, c) in text.char_indices() {
        out[i] = acc;
        acc += m.char_width(c, size);
    }
    out[text.len()] = acc;
    out
}

fn wrap_paragraph(text: &str, max_width: f32, size: f32, weight: Weight, out: &mut Vec<String>) {
    let points = break_points(text);
    let prefix = prefix_widths(text, size, weight);
    // Width of text[a..b] without its trailing spaces, from the prefix sums.
    let seg_width = |a: usize, b: usize| -> f32 {
        let trimmed = a + text[a..b].trim_end().len();
        prefix[trimmed] - prefix[a]
    };
    let mut start = 0;
    let mut last_fit: Option<usize> = None;
    let mut i = 0;
    loop {
        let candidate = points.get(i).copied().unwrap_or(text.len());
        if seg_width(start, candidate) <= max_width {
            last_fit = Some(candidate);
            if candidate == text.len() {
                out.push(text[start..candidate].trim_end().to_string());
                return;
            }
            i += 1;
            continue;
        }
        match last_fit {
            Some(fit) if fit > start => {
                out.push(text[start..fit].trim_end().to_string());
                start = fit;
                while text[start..].starts_with(' ') {
                    start += 1;
                }
                last_fit = None;
            }
            _ => {
                // One unbreakable run wider than the line: cut it by characters.
                let mut end = start;
                for (off, c) in text[start..].char_indices() {
                    let next = start + off + c.len_utf8();
                    if prefix[next] - prefix[start] > max_width && end > start {
                        break;
                    }
                    end = next;
                }
                out.push(text[start..end].to_string());
                start = end;
                last_fit = None;
                while i < points.len() && points[i] <= start {
                    i += 1;
                }
            }
        }
        if start >= text.len() {
            return;
        }
    }
}

/// Shortens text to fit `max_width`, ending it with an ellipsis when cut.
pub fn ellipsize(text: &str, max_width: f32, size: f32, weight: Weight) -> String {
    let text = fonts::drawable(text, weight);
    if width(&text, size, weight) <= max_width {
        return text;
    }
    let ell = "…";
    let room = max_width - width(ell, size, weight);
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if width(&out, size, weight) > room {
            out.pop();
            break;
        }
    }
    out.push_str(ell);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(lines: &[String], max: f32, size: f32) {
        for l in lines {
            assert!(
                width(l, size, Weight::Regular) <= max + 0.01,
                "{l:?} is too wide"
            );
        }
    }

    #[test]
    fn english_breaks_at_spaces() {
        let t = "The point of contact receives reports from outside and escalates them quickly.";
        let lines = wrap(t, 150.0, 10.0, Weight::Regular);
        assert!(lines.len() > 1);
        fits(&lines, 150.0, 10.0);
        assert_eq!(lines.join(" "), t);
    }

    #[test]
    fn japanese_breaks_between_characters_with_kinsoku() {
        let t = "インシデント発生時には、現場での対応から支援、調整役まで幅広い役割が CSIRT に求められている。";
        let lines = wrap(t, 80.0, 10.0, Weight::Regular);
        assert!(lines.len() > 2);
        fits(&lines, 80.0, 10.0);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(
                !NO_START.contains(first),
                "line starts with {first}: {lines:?}"
            );
        }
        assert_eq!(lines.concat().replace(' ', ""), t.replace(' ', ""));
    }

    #[test]
    fn an_unbreakable_run_is_cut_not_overflowed() {
        let t = "x".repeat(400);
        let lines = wrap(&t, 100.0, 10.0, Weight::Regular);
        fits(&lines, 100.0, 10.0);
        assert_eq!(lines.concat(), t);
    }

    #[test]
    fn missing_glyphs_are_replaced_visibly_and_nothing_panics() {
        let t = "Team 🚀 مرحبا e\u{301} \u{200D}\u{202E}ok";
        let lines = wrap(t, 60.0, 9.0, Weight::Bold);
        let joined = lines.concat();
        assert!(joined.contains(crate::fonts::REPLACEMENT));
        assert!(joined.contains("ok"));
    }

    #[test]
    fn ellipsize_fits() {
        let t = "株式会社".repeat(50);
        let e = ellipsize(&t, 120.0, 10.0, Weight::Regular);
        assert!(e.ends_with('…'));
        assert!(width(&e, 10.0, Weight::Regular) <= 120.0 + 0.01);
    }
}
