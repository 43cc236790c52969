//! The gap-analysis report: a bilingual A4 PDF with the Japanese font embedded and subset, and
//! the charts shared with the app (SVG). Built with printpdf and plotters; no browser involved.

pub mod build;
mod canvas;
pub mod charts;
pub mod docx;
mod flow;
pub mod fonts;
pub mod html;
mod labels;
pub mod layout;
pub mod logo;
pub mod model;
mod pdf;
pub mod role_chart;

use csirt_model::{Assessment, Benchmark, Lang, Questionnaire};
use csirt_scoring::ScoreReport;
use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

pub use labels::report_title;
pub use model::{Preset, ReportDoc, ReportOptions, SectionKind};

/// The report's file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Html,
    Docx,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// The one entry point: the report in `format`, built once as a model and then rendered.
/// `created` is the creation time (seconds since 1970, UTC) written into the file.
pub fn render(
    input: &ReportInput,
    extras: &ReportExtras,
    lang: Lang,
    options: &ReportOptions,
    format: Format,
    created: i64,
) -> Result<Vec<u8>, ReportError> {
    let doc = build::build(input, extras, lang, options);
    match format {
        Format::Pdf => render_pdf_doc(&doc, input.questionnaire.title.get(lang), created),
        Format::Html => Ok(html::render_doc(&doc).into_bytes()),
        Format::Docx => docx::render_docx(&doc, created),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the embedded font could not be loaded: {0}")]
    Font(String),
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    #[error("cannot write the DOCX: {0}")]
    Docx(String),
    #[error("the logo is not a PNG or JPEG image")]
    LogoFormat,
    #[error("the logo file is {bytes} bytes; at most 2 MB is accepted")]
    LogoTooBig { bytes: usize },
    #[error("the logo is {width} × {height} pixels; at most 4000 pixels a side is accepted")]
    LogoTooWide { width: u32, height: u32 },
    #[error("the logo cannot be read as an image: {0}")]
    LogoUnreadable(String),
}

/// Everything the report shows: the questionnaire, its benchmark, the answers and their scores.
pub struct ReportInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub benchmark: Option<&'a Benchmark>,
    pub assessment: &'a Assessment,
    pub score: &'a ScoreReport,
}

/// Optional parts of the report: a workshop's disagreements, the trend over earlier
/// assessments, and the nearest interviewed teams.
#[derive(Default)]
pub struct ReportExtras<'a> {
    /// Divergence of respondents' answers (from `csirt_scoring::divergence`).
    pub divergence: &'a [csirt_scoring::Divergence],
    /// The facilitator's consensus notes, by item.
    pub consensus_notes: &'a [(String, String)],
    /// The trend over this and earlier assessments of the same organisation.
    pub trend: Option<&'a csirt_scoring::Trend>,
    /// The nearest interviewed teams (from `csirt_scoring::nearest_peers`).
    pub peers: Option<&'a [csirt_scoring::PeerMatch]>,
    /// The criteria the teams were matched on, in words (the benchmark's `[peer_matching]`).
    pub peer_criteria: Option<&'a csirt_model::Text>,
    /// The assessment's action plan, when it has one.
    pub plan: Option<&'a PlanExtras>,
}

/// The action plan as the report shows it: each action with its derived state, the open actions
/// over time, and the actions closed since the last assessment (for the since-last section).
#[derive(Debug, Clone, Default)]
pub struct PlanExtras {
    pub actions: Vec<csirt_scoring::ActionView>,
    pub open_over_time: Vec<csirt_scoring::OpenPoint>,
    /// The date of the previous assessment, when there is one.
    pub since: Option<String>,
    /// Actions done or dropped after `since`, up to this assessment's date.
    pub closed_since_last: Vec<csirt_scoring::ActionView>,
}

fn parsed_font(bytes: &[u8], name: &str) -> Result<ParsedFont, ReportError> {
    let mut warnings = Vec::new();
    let mut font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
        .ok_or_else(|| ReportError::Font(name.into()))?;
    if let Some(dense) = font.cmap_subtable.as_ref().and_then(fonts::dense_cmap) {
        font.cmap_subtable = Some(dense);
    }
    Ok(font)
}

/// Both faces, each parsed on its own thread: parsing a 4.6 MB face is most of a first render.
fn parsed_fonts() -> Result<(ParsedFont, ParsedFont), ReportError> {
    std::thread::scope(|s| {
        let bold = s.spawn(|| parsed_font(fonts::BOLD_TTF, "BIZ UDPGothic Bold"));
        let regular = parsed_font(fonts::REGULAR_TTF, "BIZ UDPGothic Regular")?;
        let bold = bold
            .join()
            .map_err(|_| ReportError::Font("BIZ UDPGothic Bold".into()))??;
        Ok((regular, bold))
    })
}

/// The parsed faces, parsed once per process.
fn loaded_fonts() -> Result<&'static (ParsedFont, ParsedFont), ReportError> {
    static FONTS: std::sync::OnceLock<Result<(ParsedFont, ParsedFont), String>> =
        std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| parsed_fonts().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ReportError::Font(e.clone()))
}

/// Starts parsing the fonts on a background thread, so that a program about to render (the
/// CLI) can load its data meanwhile. Rendering waits for the parse if it is not done.
pub fn warm_up() {
    std::thread::spawn(|| {
        let _ = loaded_fonts();
    });
}

/// Deflates every stream that allows it, as `lopdf::Document::compress` does, but at a level
/// chosen for speed: lopdf uses the best (9). At zlib's default (6) the demo report takes 10 %
/// fewer instructions to write and grows by 0.5 % (callgrind, 2026-11-22).
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish());
        // A stream that does not shrink stays as it is (lopdf's rule, with the same margin).
        if let Ok(compressed) = compressed {
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

/// The program that wrote the PDF, as its information dictionary names it.
pub const PRODUCER: &str = concat!("csirt-report ", env!("CARGO_PKG_VERSION"), " (printpdf)");

/// Removes from the information dictionary what printpdf writes for every file whatever it is:
/// `/GTS_PDFXVersion` (even empty, readers take it as a PDF/X claim, and the report is not
/// PDF/X: no output intent, RGB colour) and keys left empty (no identifier, no keywords, no
/// author), so the file claims no standard it does not meet and no metadata it does not have.
fn claim_only_what_is_true(doc: &mut lopdf::Document) {
    let Ok(info) = doc.trailer.get(b"Info").and_then(|i| i.as_reference()) else {
        return;
    };
    let Ok(dict) = doc.get_object_mut(info).and_then(|o| o.as_dict_mut()) else {
        return;
    };
    dict.remove(b"GTS_PDFXVersion");
    let empty: Vec<Vec<u8>> = dict
        .iter()
        .filter(|(_, v)| is_empty_text(v))
        .map(|(k, _)| k.clone())
        .collect();
    for key in empty {
        dict.remove(&key);
    }
}

/// An empty PDF string, or one holding only the UTF-16 byte-order mark.
fn is_empty_text(v: &lopdf::Object) -> bool {
    match v {
        lopdf::Object::String(bytes, _) => bytes.is_empty() || bytes.as_slice() == [0xFE, 0xFF],
        _ => false,
    }
}

/// The current time in seconds since 1970 (UTC), as the reports are dated.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Renders the report in `lang`, dated now.
pub fn render_pdf(input: &ReportInput, lang: Lang) -> Result<Vec<u8>, ReportError> {
    render_pdf_at(input, lang, now_unix())
}

/// Renders the report in `lang` with the given creation time (seconds since 1970, UTC).
pub fn render_pdf_at(
    input: &ReportInput,
    lang: Lang,
    created: i64,
) -> Result<Vec<u8>, ReportError> {
    render_pdf_with(input, &ReportExtras::default(), lang, created)
}

/// Renders the report with its optional sections (workshop disagreements, trend, peers), in
/// the full preset.
pub fn render_pdf_with(
    input: &ReportInput,
    extras: &ReportExtras,
    lang: Lang,
    created: i64,
) -> Result<Vec<u8>, ReportError> {
    let doc = build::build(input, extras, lang, &ReportOptions::default());
    render_pdf_doc(&doc, input.questionnaire.title.get(lang), created)
}

/// Renders a built report model as a PDF. `subject` goes into the information dictionary.
pub fn render_pdf_doc(
    doc: &ReportDoc,
    subject: &str,
    created: i64,
) -> Result<Vec<u8>, ReportError> {
    let lang = doc.lang;
    let title = format!("{} — {}", doc.title, doc.organisation);
    // The layout needs only the fonts' metrics, not printpdf's parse of them, so on a first
    // render the parse runs beside the layout. The ids are made here for both to use.
    let font_ids = canvas::FontIds {
        regular: printpdf::FontId::new(),
        bold: printpdf::FontId::new(),
    };
    let logo = doc
        .cover
        .logo
        .as_ref()
        .map(|l| l.raw_image().map(|raw| (printpdf::XObjectId::new(), raw)))
        .transpose()?;
    let (pages, fonts) = std::thread::scope(|s| {
        let fonts = s.spawn(loaded_fonts);
        let pages = pdf::pages(
            doc,
            font_ids.clone(),
            logo.as_ref().map(|(id, _)| id.clone()),
        );
        (pages, fonts.join())
    });
    let (regular, bold) =
        fonts.map_err(|_| ReportError::Font("the font parser stopped".into()))??;

    let mut pdf_doc = PdfDocument::new(&title);
    // What `PdfDocument::add_font` does, with the ids the pages already use.
    let fonts = &mut pdf_doc.resources.fonts.map;
    fonts.insert(font_ids.regular, printpdf::PdfFont::new(regular.clone()));
    fonts.insert(font_ids.bold, printpdf::PdfFont::new(bold.clone()));
    if let Some((id, raw)) = logo {
        pdf_doc
            .resources
            .xobjects
            .map
            .insert(id, printpdf::XObject::Image(raw));
    }
    let info = &mut pdf_doc.metadata.info;
    // Nobody is named as author: the tool wrote the file, and Creator and Producer say so.
    info.author = String::new();
    info.creator = "CSIRT maturity assessment".to_string();
    info.producer = PRODUCER.to_string();
    info.subject = subject.to_string();
    if let Ok(t) = printpdf::DateTime::from_unix_timestamp(created) {
        info.creation_date = t;
        info.modification_date = t;
        info.metadata_date = t;
    }

    let pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|c| PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), c.ops))
        .collect();
    pdf_doc.with_pages(pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions::default();
    let mut lo = pdf_doc.to_lopdf_document(&opts, &mut warnings);
    // printpdf has no /Lang API; set it on the catalog so readers pick the right language.
    let root = lo
        .trailer
        .get(b"Root")
        .and_then(|r| r.as_reference())
        .map_err(|e| ReportError::Pdf(e.to_string()))?;
    if let Ok(catalog) = lo.get_object_mut(root).and_then(|o| o.as_dict_mut()) {
        catalog.set("Lang", lopdf::Object::string_literal(lang.code()));
    }
    claim_only_what_is_true(&mut lo);
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| ReportError::Pdf(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod font_tests {
    use super::*;

    /// The dense table must map every character exactly as the font's own cmap does.
    #[test]
    fn the_dense_cmap_maps_every_character_as_the_fonts_own_cmap() {
        for bytes in [fonts::REGULAR_TTF, fonts::BOLD_TTF] {
            let mut warnings = Vec::new();
            let original = ParsedFont::from_bytes(bytes, 0, &mut warnings).unwrap();
            let dense = parsed_font(bytes, "test").unwrap();
            assert!(
                matches!(
                    dense.cmap_subtable,
                    Some(allsorts::tables::cmap::owned::CmapSubtable::Format10 { .. })
                ),
                "the embedded font's cmap was not replaced"
            );
            let face = ttf_parser::Face::parse(bytes, 0).unwrap();
            let mut mapped = 0;
            for cp in 0..=0x10FFFFu32 {
                let in_font = char::from_u32(cp)
                    .and_then(|c| face.glyph_index(c))
                    .is_some();
                // The original lookup is the slow scan this replaces, so it is asked about
                // every mapped character but only a sample of the unmapped ones.
                if in_font || cp % 251 == 0 {
                    let want = original.lookup_glyph_index(cp);
                    match want {
                        Some(_) => assert_eq!(dense.lookup_glyph_index(cp), want, "U+{cp:04X}"),
                        None => assert!(
                            matches!(dense.lookup_glyph_index(cp), None | Some(0)),
                            "U+{cp:04X}"
                        ),
                    }
                    mapped += usize::from(want.is_some());
                } else {
                    assert!(matches!(dense.lookup_glyph_index(cp), None | Some(0)));
                }
            }
            assert!(mapped > 10_000, "only {mapped} characters mapped");
        }
    }
}

impl csirt_model::Localized for ReportError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ReportError::Font(e) => format!("組み込みのフォントを読み込めません: {e}"),
            ReportError::Pdf(e) => format!("PDF を書き出せません: {e}"),
            ReportError::Docx(e) => format!("DOCX を書き出せません: {e}"),
            ReportError::LogoFormat => "ロゴは PNG または JPEG の画像にしてください。".to_string(),
            ReportError::LogoTooBig { bytes } => {
                format!("ロゴのファイルは {bytes} バイトです。2 MB 以下にしてください。")
            }
            ReportError::LogoTooWide { width, height } => format!(
                "ロゴは {width} × {height} ピクセルです。各辺 4000 ピクセル以下にしてください。"
            ),
            ReportError::LogoUnreadable(e) => {
                format!("ロゴを画像として読み込めません: {e}")
            }
        }
    }
}

#[cfg(test)]
mod error_tests {
    use super::*;
    use csirt_model::Localized;

    #[test]
    fn every_error_reads_in_japanese_and_keeps_its_detail() {
        let errors = [
            ReportError::Font("BIZ UDPGothic Bold".into()),
            ReportError::Pdf("invalid object reference 3 0 R".into()),
        ];
        for e in &errors {
            let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
            assert_eq!(en, e.to_string());
            assert_ne!(ja, en);
            assert!(ja.contains("ません"), "{ja}");
            for english in ["could not", "cannot", "embedded font"] {
                assert!(!ja.contains(english), "{ja}");
            }
        }
        assert!(errors[0].localized(Lang::Ja).contains("BIZ UDPGothic Bold"));
        assert!(errors[1].localized(Lang::Ja).contains("3 0 R"));
    }
}
