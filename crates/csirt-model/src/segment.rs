//! The segments of a pooled benchmark (its figures per sector, size band or CSIRT form), the
//! benchmark of one segment, and the benchmark in use named for every output.

use crate::benchmark::Benchmark;
use crate::bi;
use crate::error::ModelError;
use crate::text::Text;
use serde::Serialize;

/// The dimensions a pooled benchmark can be split by.
pub const SEGMENT_DIMENSIONS: [&str; 3] = ["sector", "size", "form"];

/// One part of a pooled benchmark that has figures of its own: the contributions of one sector,
/// size band or CSIRT form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// `<dimension>=<value>`, e.g. `sector=manufacturing`.
    pub id: String,
    /// The contributions in the segment.
    pub n: u32,
    pub label: Text,
}

/// Checks a segment id's shape: `<dimension>=<value>`, the dimension one of
/// [`SEGMENT_DIMENSIONS`], the value lower-case letters, digits and `-`.
pub fn check_segment_id(id: &str) -> Result<(), Text> {
    let ok = id.split_once('=').is_some_and(|(dim, value)| {
        SEGMENT_DIMENSIONS.contains(&dim)
            && !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    if ok {
        Ok(())
    } else {
        Err(bi!(
            "区分 {id:?} は「<次元>=<値>」の形でなければなりません（次元は sector、size、form のどれか、値は英小文字・数字・-）",
            "segment {id:?} must read <dimension>=<value> (dimension sector, size or form; value in lower-case letters, digits and -)"
        ))
    }
}

impl Benchmark {
    /// The benchmark of one segment: only that segment's figures, with its n. The survey's facts,
    /// supplement tables and interviews describe the whole and are left out.
    ///
    /// A segment the benchmark does not hold is refused by name, in both languages: a well-formed
    /// id is one the collector did not write, because it had fewer contributions than the
    /// minimum cell or none at all.
    pub fn segment(&self, id: &str) -> Result<Benchmark, ModelError> {
        if let Err(message) = check_segment_id(id) {
            return Err(ModelError::Segment {
                benchmark: self.id.clone(),
                message,
            });
        }
        let Some(seg) = self.segments.iter().find(|s| s.id == id) else {
            let bench = &self.id;
            let known = if self.segments.is_empty() {
                Text::new(
                    "この基準データには区分がありません",
                    "this benchmark has no segments",
                )
            } else {
                let list = self
                    .segments
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                bi!("ある区分: {list}", "segments it has: {list}")
            };
            let known_ja = known.ja;
            let known_en = known.en;
            let message = match self.min_cell {
                Some(min) => bi!(
                    "基準データ {bench} に区分 {id} はありません。集計した側が {min} 件未満の区分は書き出さないため、該当する回答が少なすぎるか、ありません（{known_ja}）",
                    "benchmark {bench} has no segment {id}: the collector writes no segment of fewer than {min} contributions, so it has too few or none ({known_en})"
                ),
                None => bi!(
                    "基準データ {bench} に区分 {id} はありません（{known_ja}）",
                    "benchmark {bench} has no segment {id} ({known_en})"
                ),
            };
            return Err(ModelError::Segment {
                benchmark: self.id.clone(),
                message,
            });
        };
        let figures = self
            .segment_figures
            .iter()
            .filter(|f| f.segment.as_deref() == Some(id))
            .cloned()
            .collect();
        Ok(Benchmark {
            id: self.id.clone(),
            questionnaire: self.questionnaire.clone(),
            n: seg.n,
            title: self.title.clone(),
            source: self.source.clone(),
            survey_date: self.survey_date.clone(),
            published: self.published.clone(),
            limits: self.limits.clone(),
            min_cell: self.min_cell,
            segments: Vec::new(),
            figures,
            segment_figures: Vec::new(),
            in_segment: Some(seg.clone()),
            facts: Vec::new(),
            supplements: Vec::new(),
            interviews: Vec::new(),
            peer_matching: None,
        })
    }

    /// What a screen, report or export says about the benchmark in use.
    pub fn reference(&self) -> BenchmarkRef {
        BenchmarkRef {
            id: self.id.clone(),
            title: self.title.clone(),
            source: self.source.clone(),
            n: self.n,
            survey_date: self.survey_date.clone(),
            published: self.published.clone(),
            segment: self.in_segment.clone(),
        }
    }
}

/// The benchmark in use, named: title, n, dates and source, and the segment when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkRef {
    pub id: String,
    pub title: Text,
    pub source: Text,
    /// The teams or contributions the figures count (the segment's n for a segment).
    pub n: u32,
    pub survey_date: String,
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<Segment>,
}

impl BenchmarkRef {
    /// One line naming it: "title — segment (n = 12; surveyed 2026-03-31, published 2026-04-15)".
    pub fn line(&self) -> Text {
        let (n, surveyed, published) = (self.n, &self.survey_date, &self.published);
        let (title_ja, title_en) = (&self.title.ja, &self.title.en);
        match &self.segment {
            Some(s) => {
                let (seg_ja, seg_en) = (&s.label.ja, &s.label.en);
                bi!(
                    "{title_ja} — 区分「{seg_ja}」（n = {n}、調査日 {surveyed}、公表日 {published}）",
                    "{title_en} — segment “{seg_en}” (n = {n}; surveyed {surveyed}, published {published})"
                )
            }
            None => bi!(
                "{title_ja}（n = {n}、調査日 {surveyed}、公表日 {published}）",
                "{title_en} (n = {n}; surveyed {surveyed}, published {published})"
            ),
        }
    }
}
