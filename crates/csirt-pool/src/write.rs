//! The pooled benchmark's TOML, written by hand so the same tallies always give the same bytes.

use crate::{item_keys, label_of, Tally};
use csirt_model::date::Date;
use csirt_model::{bi, ItemKind, Questionnaire, Text};
use std::fmt::Write;

pub(crate) struct Writer<'a> {
    pub q: &'a Questionnaire,
    pub collector: &'a str,
    pub build_date: Date,
    pub min_cell: usize,
    pub first_month: &'a str,
    pub last_month: &'a str,
}

pub(crate) struct Written {
    pub text: String,
    pub figures: usize,
    pub suppressed_items: Vec<String>,
}

/// A TOML basic string (quoted and escaped by the toml crate itself).
fn s(v: &str) -> String {
    toml::Value::String(v.to_string()).to_string()
}

fn text(t: &Text) -> String {
    format!("{{ ja = {}, en = {} }}", s(&t.ja), s(&t.en))
}

/// A key as TOML writes it: bare when it may be, quoted otherwise.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        k.to_string()
    } else {
        s(k)
    }
}

/// A short, stable fingerprint of the text (FNV-1a), for the benchmark's id.
fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

impl Writer<'_> {
    pub fn write(&self, all: &Tally, segments: &[(String, Tally)]) -> Written {
        let mut body = String::new();
        let mut figures = 0;
        let mut suppressed_items = Vec::new();
        // Figures for all contributions, then for each segment.
        for (segment, tally) in std::iter::once((None, all))
            .chain(segments.iter().map(|(id, t)| (Some(id.as_str()), t)))
        {
            for item in self.q.items.iter().filter(|i| i.benchmark) {
                if matches!(item.kind, ItemKind::Number { .. }) {
                    continue;
                }
                let (answered, counts) = match tally.items.get(&item.id) {
                    Some((n, c)) => (*n, Some(c)),
                    None => (0, None),
                };
                let count = |k: &str| counts.and_then(|c| c.get(k)).copied().unwrap_or(0);
                // A scored item's "other" answer has no level: it is left out of n, as a
                // non-answer, so the figure still gives an exact standing.
                let keys: Vec<String> = item_keys(item)
                    .into_iter()
                    .filter(|k| !item.scored || item.level_of_key(k).is_some())
                    .collect();
                let unlevelled =
                    answered - keys.iter().map(|k| count(k)).sum::<usize>().min(answered);
                let answered = if item.scored {
                    answered - unlevelled
                } else {
                    answered
                };
                if answered < self.min_cell {
                    if segment.is_none() {
                        suppressed_items.push(item.id.clone());
                    }
                    continue;
                }
                figures += 1;
                let values = keys
                    .iter()
                    .map(|k| format!("{} = {}", key(k), count(k)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let source = match segment {
                    None => format!("pooled: {answered} contributions answered this item"),
                    Some(seg) => {
                        format!("pooled: {seg}, {answered} contributions answered this item")
                    }
                };
                let _ = writeln!(body, "\n[[figures]]");
                let _ = writeln!(body, "item = {}", s(&item.id));
                if let Some(seg) = segment {
                    let _ = writeln!(body, "segment = {}", s(seg));
                }
                let _ = writeln!(body, "n = {answered}");
                let _ = writeln!(body, "precision = \"exact-count\"");
                let _ = writeln!(body, "source = {}", s(&source));
                let _ = writeln!(body, "values = {{ {values} }}");
                if item.scored && unlevelled > 0 {
                    let note = bi!(
                        "「その他」（水準なし）と答えた {unlevelled} 件は n に含めていません。",
                        "The {unlevelled} contributions that answered “other” (no level) are not counted in n."
                    );
                    let _ = writeln!(body, "note = {}", text(&note));
                }
            }
        }
        let supplements = self.number_bands(all, segments);

        let n = all.n;
        let (collector, date, first, last) = (
            self.collector,
            self.build_date,
            self.first_month,
            self.last_month,
        );
        let min = self.min_cell;
        let title = bi!(
            "{collector} が集めた {n} 件の貢献によるベンチマーク（{first}〜{last}）",
            "Benchmark pooled by {collector} from {n} contributions ({first} to {last})"
        );
        let source = bi!(
            "{n} 件の匿名の貢献（評価の年月 {first}〜{last}）を {collector} が集計し、{date} に作成した。",
            "Pooled from {n} anonymous contributions (assessments dated {first} to {last}) by {collector}, built on {date}."
        );
        let limits = bi!(
            "貢献したのは集計者の呼びかけに応じたチームで、無作為抽出ではありません。各数値の n はその項目に回答した貢献の数です。{min} 件未満の数値と区分は書き出していません。人数は帯で集計しています。",
            "The contributors are the teams that answered the collector's call, not a random sample. Each figure's n is the number of contributions that answered its item. No figure or segment from fewer than {min} contributions is written. Team sizes are pooled as bands."
        );
        let qid = &self.q.id;
        let mut head = String::new();
        let _ = writeln!(
            head,
            "# A benchmark pooled from anonymous contributions by `csirt benchmark build`."
        );
        let _ = writeln!(
            head,
            "# Every figure is an exact count; no cell holds fewer than {min} contributions.\n"
        );
        let _ = writeln!(head, "format = \"csirt-benchmark/1\"");
        let id_seed = format!("{qid}|{collector}|{date}|{n}|{first}|{last}|{body}");
        let _ = writeln!(
            head,
            "id = {}",
            s(&format!("pooled-{date}-{}", fingerprint(&id_seed)))
        );
        let _ = writeln!(head, "questionnaire = {}", s(qid));
        let _ = writeln!(head, "n = {n}");
        let _ = writeln!(head, "title = {}", text(&title));
        let _ = writeln!(head, "source = {}", text(&source));
        let _ = writeln!(head, "survey_date = {}", s(&format!("{last}-01")));
        let _ = writeln!(head, "published = {}", s(&date.to_string()));
        let _ = writeln!(head, "limits = {}", text(&limits));
        // Lets a reader say why a segment is absent ("fewer than {min} contributions").
        let _ = writeln!(head, "min_cell = {min}");
        if !segments.is_empty() {
            let list = segments
                .iter()
                .map(|(id, t)| {
                    format!(
                        "  {{ id = {}, n = {}, label = {} }},",
                        s(id),
                        t.n,
                        text(&label_of(id))
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let _ = writeln!(head, "segments = [\n{list}\n]");
        }
        Written {
            text: head + &body + &supplements,
            figures,
            suppressed_items,
        }
    }

    /// Number items (team sizes) as a supplement table of counts per band: the benchmark's
    /// figures take option keys, and a number item has none.
    fn number_bands(&self, all: &Tally, segments: &[(String, Tally)]) -> String {
        let mut out = String::new();
        for item in self.q.items.iter().filter(|i| i.benchmark) {
            let ItemKind::Number { unit, .. } = &item.kind else {
                continue;
            };
            let keys = item_keys(item);
            let row = |tally: &Tally| -> Option<(usize, String)> {
                let (answered, counts) = tally.items.get(&item.id)?;
                if *answered < self.min_cell {
                    return None;
                }
                let values = keys
                    .iter()
                    .map(|k| counts.get(k).copied().unwrap_or(0).to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                Some((*answered, values))
            };
            let mut rows = Vec::new();
            if let Some((n, values)) = row(all) {
                rows.push(format!(
                    "  {{ key = \"all\", ja = {}, en = {}, values = [{values}] }},",
                    s(&format!("全体（回答 {n} 件）")),
                    s(&format!("All ({n} answered)"))
                ));
            }
            for (id, tally) in segments {
                if let Some((n, values)) = row(tally) {
                    let l = label_of(id);
                    rows.push(format!(
                        "  {{ key = {}, ja = {}, en = {}, values = [{values}] }},",
                        s(id),
                        s(&format!("{}（回答 {n} 件）", l.ja)),
                        s(&format!("{} ({n} answered)", l.en))
                    ));
                }
            }
            if rows.is_empty() {
                continue;
            }
            let columns = csirt_model::contribution::NUMBER_BANDS
                .iter()
                .map(|(k, _, ja, en)| {
                    format!(
                        "  {{ key = {}, ja = {}, en = {} }},",
                        s(k),
                        s(&format!("{ja} {}", unit.ja)),
                        s(&format!("{en} {}", unit.en))
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let (id, t) = (&item.id, &item.text);
            let title = Text::new(
                format!("{id} {}（帯ごとの件数）", t.ja),
                format!("{id} {} (count per band)", t.en),
            );
            let _ = writeln!(out, "\n[[supplements]]");
            let _ = writeln!(out, "id = {}", s(&format!("bands-{id}")));
            let _ = writeln!(out, "source = \"pooled\"");
            let _ = writeln!(out, "precision = \"exact-count\"");
            let _ = writeln!(out, "title = {}", text(&title));
            let _ = writeln!(out, "columns = [\n{columns}\n]");
            let _ = writeln!(out, "rows = [\n{}\n]", rows.join("\n"));
        }
        out
    }
}
