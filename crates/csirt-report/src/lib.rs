//! The gap-analysis report: a bilingual A4 PDF with the Japanese font embedded and subset, and
//! the charts shared with the app (SVG). Built with printpdf and plotters; no browser involved.

mod canvas;
pub mod charts;
mod document;
mod flow;
pub mod fonts;
pub mod html;
mod labels;
pub mod layout;

use csirt_model::{Assessment, Benchmark, Lang, Questionnaire};
use csirt_scoring::ScoreReport;
use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

pub use labels::report_title;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the embedded font could not be loaded: {0}")]
    Font(String),
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
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
}

fn parsed_fonts() -> Result<(ParsedFont, ParsedFont), ReportError> {
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(fonts::REGULAR_TTF, 0, &mut warnings)
        .ok_or_else(|| ReportError::Font("BIZ UDPGothic Regular".into()))?;
    let bold = ParsedFont::from_bytes(fonts::BOLD_TTF, 0, &mut warnings)
        .ok_or_else(|| ReportError::Font("BIZ UDPGothic Bold".into()))?;
    Ok((regular, bold))
}

fn now_unix() -> i64 {
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

/// Renders the report with its optional sections (workshop disagreements, trend, peers).
pub fn render_pdf_with(
    input: &ReportInput,
    extras: &ReportExtras,
    lang: Lang,
    created: i64,
) -> Result<Vec<u8>, ReportError> {
    static FONTS: std::sync::OnceLock<Result<(ParsedFont, ParsedFont), String>> =
        std::sync::OnceLock::new();
    let (regular, bold) = FONTS
        .get_or_init(|| parsed_fonts().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ReportError::Font(e.clone()))?;

    let title = format!(
        "{} — {}",
        labels::report_title(lang),
        input.assessment.organisation.name
    );
    let mut doc = PdfDocument::new(&title);
    let font_ids = canvas::FontIds {
        regular: doc.add_font(regular),
        bold: doc.add_font(bold),
    };
    let info = &mut doc.metadata.info;
    info.author = "CSIRT maturity assessment".to_string();
    info.creator = "csirt-report".to_string();
    info.producer = "csirt-report (printpdf)".to_string();
    info.subject = input.questionnaire.title.get(lang).to_string();
    if let Ok(t) = printpdf::DateTime::from_unix_timestamp(created) {
        info.creation_date = t;
        info.modification_date = t;
        info.metadata_date = t;
    }

    let pages = document::Report::new(input, extras, lang, font_ids).build();
    let pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|c| PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), c.ops))
        .collect();
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions::default();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // printpdf has no /Lang API; set it on the catalog so readers pick the right language.
    let root = lo
        .trailer
        .get(b"Root")
        .and_then(|r| r.as_reference())
        .map_err(|e| ReportError::Pdf(e.to_string()))?;
    if let Ok(catalog) = lo.get_object_mut(root).and_then(|o| o.as_dict_mut()) {
        catalog.set("Lang", lopdf::Object::string_literal(lang.code()));
    }
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| ReportError::Pdf(e.to_string()))?;
    Ok(bytes)
}
