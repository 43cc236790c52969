//! Pooling: anonymous contributions (`csirt-contribution/1`, plain or sealed to the collector)
//! become one exact-count benchmark (`csirt-benchmark/1`), with every cell smaller than the
//! minimum suppressed, optional segments by sector, size band and CSIRT form, and byte-identical
//! output for the same inputs in any order.

mod write;

use csirt_export::encrypt::{is_encrypted, open_sealed, CryptoError};
use csirt_model::contribution::{parse_contribution, segment_label, ProfileValue};
use csirt_model::date::{parse_year_month, Date};
use csirt_model::{
    bi, Answer, Contribution, Form, ItemKind, Lang, Localized, Questionnaire, Sector, SizeBand,
    Text,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The smallest cell written when the collector does not say.
pub const DEFAULT_MIN_CELL: u32 = 5;

#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error("only {used} contribution(s) could be used; a benchmark needs at least {min_cell} (--min-cell), so nothing was written")]
    TooFew {
        used: usize,
        min_cell: u32,
        /// The files that were refused, with their reasons, so the collector can see why.
        refused: Vec<Refusal>,
    },
    #[error("--min-cell must be at least 2 (it was {0}): a cell of one contribution is one team")]
    MinCell(u32),
    #[error("unknown segment dimension {0:?}: use sector, size or form")]
    Dimension(String),
    #[error("the collector's name: {0}")]
    Name(Text),
}

impl Localized for PoolError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            PoolError::TooFew { used, min_cell, .. } => format!(
                "使える貢献は {used} 件だけです。ベンチマークには {min_cell} 件以上（--min-cell）必要なため、何も書き出していません"
            ),
            PoolError::MinCell(n) => format!(
                "--min-cell は 2 以上にしてください（指定は {n}）。1 件のセルは 1 チームそのものです"
            ),
            PoolError::Dimension(d) => {
                format!("区分 {d:?} は使えません。sector、size、form のどれかです")
            }
            PoolError::Name(t) => format!("集計者の名前: {}", t.ja),
        }
    }
}

/// A dimension a benchmark can be segmented by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dimension {
    Sector,
    Size,
    Form,
}

impl FromStr for Dimension {
    type Err = PoolError;
    fn from_str(s: &str) -> Result<Self, PoolError> {
        match s.trim() {
            "sector" => Ok(Dimension::Sector),
            "size" => Ok(Dimension::Size),
            "form" => Ok(Dimension::Form),
            other => Err(PoolError::Dimension(other.to_string())),
        }
    }
}

/// `sector,size,form` as dimensions, each once, in that order.
pub fn parse_dimensions(list: &str) -> Result<Vec<Dimension>, PoolError> {
    let mut out = list
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(Dimension::from_str)
        .collect::<Result<Vec<_>, _>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

/// One input file: the name it is reported under and its bytes.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files of `paths`: each file as given, and every file inside each folder (recursively,
/// sorted by path). A file that cannot be read is a refusal, not an error.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Refusal>) {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for p in paths {
        walk(p, &mut files, &mut refused);
    }
    let mut inputs = Vec::new();
    for f in files {
        match std::fs::read(&f) {
            Ok(bytes) => inputs.push(Input {
                name: f.display().to_string(),
                bytes,
            }),
            Err(e) => refused.push(Refusal {
                file: f.display().to_string(),
                reason: read_error(&e),
            }),
        }
    }
    (inputs, refused)
}

fn read_error(e: &std::io::Error) -> Text {
    let ja = csirt_model::error::io_ja(e);
    bi!("読めません: {ja}", "cannot read: {e}")
}

fn walk(p: &Path, files: &mut Vec<PathBuf>, refused: &mut Vec<Refusal>) {
    if p.is_dir() {
        match std::fs::read_dir(p) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for c in children {
                    // Hidden files (.DS_Store, editor swap files) are not contributions.
                    let hidden = c
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if !hidden {
                        walk(&c, files, refused);
                    }
                }
            }
            Err(e) => refused.push(Refusal {
                file: p.display().to_string(),
                reason: read_error(&e),
            }),
        }
    } else {
        files.push(p.to_path_buf());
    }
}

/// What the collector chose.
pub struct Options<'a> {
    pub questionnaire: &'a Questionnaire,
    pub identity: Option<&'a age::x25519::Identity>,
    pub min_cell: u32,
    /// The collector's name, as it appears in the benchmark's source.
    pub collector: String,
    pub build_date: Date,
    pub by: Vec<Dimension>,
}

/// A file that was not used, and why.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub file: String,
    pub reason: Text,
}

/// A segment, and how many contributions it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentCount {
    pub id: String,
    pub n: usize,
}

/// The built benchmark and its summary.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The `csirt-benchmark/1` file.
    pub toml: String,
    pub used: usize,
    pub refused: Vec<Refusal>,
    /// Files whose contribution id was already counted: (file, id).
    pub duplicates: Vec<(String, String)>,
    /// Contributions of another questionnaire version whose every answer fits this one.
    pub compatible_versions: Vec<(String, usize)>,
    pub figures: usize,
    /// Items with no figure because fewer than `min_cell` contributions answered them.
    pub suppressed_items: Vec<String>,
    pub segments: Vec<SegmentCount>,
    /// Segments not written because they hold fewer than `min_cell` contributions.
    pub suppressed_segments: Vec<SegmentCount>,
    pub first_month: String,
    pub last_month: String,
}

impl Outcome {
    /// The one-line summary; `unread` counts files refused before pooling (unreadable).
    pub fn summary(&self, unread: usize) -> Text {
        let (used, refused, dups, figures) = (
            self.used,
            self.refused.len() + unread,
            self.duplicates.len(),
            self.figures,
        );
        let (segs, sup) = (self.segments.len(), self.suppressed_segments.len());
        let (first, last) = (&self.first_month, &self.last_month);
        bi!(
            "{used} 件の貢献を使いました（{first}〜{last}）。読めなかったファイル {refused} 件、重複して一度だけ数えたもの {dups} 件。数値 {figures} 件、区分 {segs} 件を書き出し、小さすぎる区分 {sup} 件は書き出していません",
            "used {used} contributions ({first} to {last}); refused {refused} file(s); {dups} duplicate(s) counted once; wrote {figures} figures and {segs} segments; {sup} segment(s) too small to write"
        )
    }
}

/// Opens, parses and checks one input; a contribution of another version must fit `q` whole.
fn open_one(input: &Input, opts: &Options) -> Result<Contribution, Text> {
    let plain;
    let bytes: &[u8] = if is_encrypted(&input.bytes) {
        let Some(identity) = opts.identity else {
            return Err(bi!(
                "暗号化されたファイルです。集計者の秘密鍵（--identity）を指定してください",
                "the file is sealed: give the collector's key file (--identity)"
            ));
        };
        plain = open_sealed(&input.bytes, identity)
            .map_err(|e: CryptoError| Text::new(e.localized(Lang::Ja), e.localized(Lang::En)))?;
        &plain
    } else {
        &input.bytes
    };
    let q = opts.questionnaire;
    parse_contribution(bytes, Path::new(&input.name), q).map_err(|e| {
        let reason = without_file(&e);
        // A contribution of another version is used only when every answer fits this version.
        let other = csirt_model::contribution::parse_shape(bytes, Path::new(&input.name))
            .ok()
            .map(|c| c.questionnaire_version)
            .filter(|v| *v != q.version);
        match other {
            Some(v) => {
                let here = &q.version;
                let head = bi!(
                    "質問票の版 {v} の貢献で、版 {here} と互換ではありません（回答が合いません）: ",
                    "a contribution to questionnaire version {v}, not compatible with version {here} (its answers do not fit): "
                );
                Text::new(head.ja + &reason.ja, head.en + &reason.en)
            }
            None => reason,
        }
    })
}

/// Opens every input, on every core (opening a sealed file is a key agreement each); the
/// results come back in input order, so the outcome does not depend on the threads.
fn open_all(inputs: &[Input], opts: &Options) -> Vec<Result<Contribution, Text>> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(16);
    if threads < 2 || inputs.len() < 64 {
        return inputs.iter().map(|i| open_one(i, opts)).collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|i| open_one(i, opts)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            // A panic in a worker is a bug: it goes on as a panic here.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A parse failure's problems with their lines but not the file name, which the refusal names.
fn without_file(e: &csirt_model::ModelError) -> Text {
    match e {
        csirt_model::ModelError::Invalid(problems) => {
            let line = |p: &csirt_model::Problem, lang: Lang| match (p.line, lang) {
                (0, _) => p.message.get(lang).to_string(),
                (l, Lang::Ja) => format!("{l} 行目: {}", p.message.ja),
                (l, Lang::En) => format!("line {l}: {}", p.message.en),
            };
            let all = |lang| {
                problems
                    .iter()
                    .map(|p| line(p, lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            Text::new(all(Lang::Ja), all(Lang::En))
        }
        other => Text::new(other.localized(Lang::Ja), other.localized(Lang::En)),
    }
}

/// The tallies of one group of contributions (all, or one segment).
#[derive(Default)]
struct Tally {
    n: usize,
    /// item → (answered, key → count)
    items: BTreeMap<String, (usize, BTreeMap<String, usize>)>,
}

impl Tally {
    fn add(&mut self, c: &Contribution) {
        self.n += 1;
        for (id, answer) in c.answers.iter() {
            // Look up before inserting: a new key is allocated once per item, not per answer.
            if !self.items.contains_key(id) {
                self.items.insert(id.clone(), Default::default());
            }
            let Some(entry) = self.items.get_mut(id) else {
                continue;
            };
            entry.0 += 1;
            let mut count = |k: &String| match entry.1.get_mut(k) {
                Some(n) => *n += 1,
                None => {
                    entry.1.insert(k.clone(), 1);
                }
            };
            match answer {
                Answer::Text(k) => count(k),
                Answer::Keys(keys) => keys.iter().for_each(count),
                Answer::Number(_) => {}
            }
        }
    }
}

/// The answer keys of a pooled item, in the questionnaire's order.
pub(crate) fn item_keys(item: &csirt_model::Item) -> Vec<String> {
    match &item.kind {
        ItemKind::Service { .. } => csirt_model::questionnaire::SERVICE_KEYS
            .iter()
            .map(|k| k.to_string())
            .collect(),
        ItemKind::Number { .. } => csirt_model::contribution::NUMBER_BANDS
            .iter()
            .map(|b| b.0.to_string())
            .collect(),
        _ => item.options().iter().map(|o| o.key.clone()).collect(),
    }
}

/// Pools the inputs. Files that fail are refused with their reason and the rest still pool.
pub fn build(inputs: &[Input], opts: &Options) -> Result<Outcome, PoolError> {
    if opts.min_cell < 2 {
        return Err(PoolError::MinCell(opts.min_cell));
    }
    let collector = csirt_model::limits::check_name(
        csirt_model::limits::TextKind::OrganisationName,
        &opts.collector,
    )
    .map_err(PoolError::Name)?;
    let mut refused = Vec::new();
    let mut opened: Vec<(Contribution, &str)> = Vec::new();
    for (input, result) in inputs.iter().zip(open_all(inputs, opts)) {
        match result {
            Ok(c) => opened.push((c, input.name.as_str())),
            Err(reason) => refused.push(Refusal {
                file: input.name.clone(),
                reason,
            }),
        }
    }
    opened.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    // Among contributions with one id, the one kept is the first by its canonical form, then
    // by file name, so that the choice does not depend on the order the files came in.
    let mut duplicates = Vec::new();
    let mut used: Vec<Contribution> = Vec::new();
    let mut rest = opened.as_slice();
    while let Some((first, _)) = rest.first() {
        let same = rest.iter().take_while(|(c, _)| c.id == first.id).count();
        let (group, tail) = rest.split_at(same);
        rest = tail;
        if let [(only, _)] = group {
            used.push(only.clone());
            continue;
        }
        let mut ranked: Vec<(String, &str, &Contribution)> = group
            .iter()
            .map(|(c, name)| (c.to_json_pretty(), *name, c))
            .collect();
        ranked.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        used.push(ranked[0].2.clone());
        for (_, name, c) in &ranked[1..] {
            duplicates.push((name.to_string(), c.id.to_string()));
        }
    }
    duplicates.sort();
    refused.sort_by(|a, b| a.file.cmp(&b.file));
    let min = opts.min_cell as usize;
    if used.len() < min {
        return Err(PoolError::TooFew {
            used: used.len(),
            min_cell: opts.min_cell,
            refused,
        });
    }
    let q = opts.questionnaire;
    let mut compatible: BTreeMap<String, usize> = BTreeMap::new();
    for c in used.iter().filter(|c| c.questionnaire_version != q.version) {
        *compatible
            .entry(c.questionnaire_version.clone())
            .or_default() += 1;
    }

    let mut all = Tally::default();
    let mut segments: BTreeMap<String, Tally> = BTreeMap::new();
    for c in &used {
        all.add(c);
        for dim in &opts.by {
            let id = match dim {
                Dimension::Sector => c.profile.sector.map(seg::<Sector>),
                Dimension::Size => c.profile.size.map(seg::<SizeBand>),
                Dimension::Form => c.profile.form.map(seg::<Form>),
            };
            if let Some(id) = id {
                segments.entry(id).or_default().add(c);
            }
        }
    }
    let months: Vec<&str> = used.iter().map(|c| c.month.as_str()).collect();
    // Every month was checked by parse_contribution; YYYY-MM sorts as the calendar does.
    let first_month = months.iter().min().copied().unwrap_or_default().to_string();
    let last_month = months.iter().max().copied().unwrap_or_default().to_string();
    debug_assert!(parse_year_month(&last_month).is_ok());

    let (kept, small): (Vec<_>, Vec<_>) = segments.into_iter().partition(|(_, t)| t.n >= min);
    let suppressed_segments = small
        .iter()
        .map(|(id, t)| SegmentCount {
            id: id.clone(),
            n: t.n,
        })
        .collect();
    let out = write::Writer {
        q,
        collector: &collector,
        build_date: opts.build_date,
        min_cell: min,
        first_month: &first_month,
        last_month: &last_month,
    }
    .write(&all, &kept);
    Ok(Outcome {
        toml: out.text,
        used: used.len(),
        refused,
        duplicates,
        compatible_versions: compatible.into_iter().collect(),
        figures: out.figures,
        suppressed_items: out.suppressed_items,
        segments: kept
            .iter()
            .map(|(id, t)| SegmentCount {
                id: id.clone(),
                n: t.n,
            })
            .collect(),
        suppressed_segments,
        first_month,
        last_month,
    })
}

/// The SHA-256 of the written file, in hexadecimal, for the collector to publish.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn seg<V: ProfileValue>(v: V) -> String {
    csirt_model::contribution::segment_id(v)
}

/// The label of a segment id for the file, falling back to the id itself.
pub(crate) fn label_of(id: &str) -> Text {
    segment_label(id).unwrap_or_else(|| Text::new(id, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_in_japanese_and_keeps_its_detail() {
        let errors = [
            PoolError::TooFew {
                used: 3,
                min_cell: 5,
                refused: vec![],
            },
            PoolError::MinCell(1),
            PoolError::Dimension("age".into()),
            PoolError::Name(Text::new(
                "組織には名前が必要です",
                "the organisation needs a name",
            )),
        ];
        for e in &errors {
            let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
            assert_eq!(en, e.to_string());
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{ja}"
            );
            for word in ["could", "must", "unknown", "cannot", "name:"] {
                assert!(!ja.contains(word), "{ja}");
            }
        }
        assert!(errors[0].localized(Lang::Ja).contains("3 件"));
        assert!(errors[3]
            .localized(Lang::Ja)
            .contains("組織には名前が必要です"));
    }

    #[test]
    fn a_sealed_file_without_identity_and_an_empty_name_are_refused() {
        let set = csirt_model::builtin().unwrap();
        let q = &set.questionnaire;
        let pair = csirt_export::encrypt::keygen();
        let r = csirt_export::encrypt::parse_recipient(&pair.public_key).unwrap();
        let input = Input {
            name: "x.age".into(),
            bytes: csirt_export::encrypt::seal_to(b"{}", &r).unwrap(),
        };
        let opts = Options {
            questionnaire: q,
            identity: None,
            min_cell: 5,
            collector: "c".into(),
            build_date: Date::today(),
            by: vec![],
        };
        match build(std::slice::from_ref(&input), &opts) {
            Err(PoolError::TooFew {
                used: 0, refused, ..
            }) => {
                assert_eq!(refused[0].file, "x.age");
                assert!(refused[0].reason.en.contains("--identity"));
            }
            other => panic!("{:?}", other.map(|o| o.used)),
        }
        let opts = Options {
            collector: "  ".into(),
            ..opts
        };
        assert!(matches!(build(&[], &opts), Err(PoolError::Name(_))));
    }

    #[test]
    fn dimensions_parse_once_each() {
        assert_eq!(
            parse_dimensions("form, sector,form").unwrap(),
            vec![Dimension::Sector, Dimension::Form]
        );
        let e = parse_dimensions("sector,age").unwrap_err();
        assert!(e.localized(Lang::Ja).contains("\"age\""));
    }
}
