//! Writes docx-rs's parts as the DOCX (ZIP) file: the XML parts deflated, the pictures stored,
//! and a JPEG logo under a `.jpeg` name (docx-rs's own packer names every picture `.png`).

use crate::ReportError;
use docx_rs::XMLDocx;
use std::io::Write;
use zip::write::SimpleFileOptions;

/// The package's bytes. `jpeg` names the media ids whose bytes are JPEG.
pub fn pack(xml: XMLDocx, jpeg: &[&str]) -> Result<Vec<u8>, ReportError> {
    let err = |e: zip::result::ZipError| ReportError::Docx(e.to_string());
    let io = |e: std::io::Error| ReportError::Docx(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed time, so the same report gives the same bytes; the document's dates are in
    // docProps/core.xml.
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let stored = deflated.compression_method(zip::CompressionMethod::Stored);

    let mut document_rels =
        String::from_utf8(xml.document_rels).map_err(|e| ReportError::Docx(e.to_string()))?;
    for id in jpeg {
        document_rels = document_rels.replace(
            &format!("\"media/{id}.png\""),
            &format!("\"media/{id}.jpeg\""),
        );
    }
    let mut parts: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), &xml.content_type),
        ("_rels/.rels".into(), &xml.rels),
        ("docProps/app.xml".into(), &xml.doc_props.app),
        ("docProps/core.xml".into(), &xml.doc_props.core),
        ("docProps/custom.xml".into(), &xml.doc_props.custom),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels.as_bytes(),
        ),
        ("word/document.xml".into(), &xml.document),
        ("word/styles.xml".into(), &xml.styles),
        ("word/settings.xml".into(), &xml.settings),
        ("word/fontTable.xml".into(), &xml.font_table),
        ("word/comments.xml".into(), &xml.comments),
        ("word/numbering.xml".into(), &xml.numberings),
        ("word/commentsExtended.xml".into(), &xml.comments_extended),
        ("word/footnotes.xml".into(), &xml.footnotes),
    ];
    for (i, h) in xml.headers.iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), h));
        if let Some(rels) = xml.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels));
        }
    }
    for (i, f) in xml.footers.iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), f));
        if let Some(rels) = xml.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels));
        }
    }
    for (name, bytes) in parts {
        zip.start_file(name, deflated).map_err(err)?;
        zip.write_all(bytes).map_err(io)?;
    }
    for (id, bytes) in &xml.media {
        let ext = if jpeg.contains(&id.as_str()) {
            "jpeg"
        } else {
            "png"
        };
        zip.start_file(format!("word/media/{id}.{ext}"), stored)
            .map_err(err)?;
        zip.write_all(bytes).map_err(io)?;
    }
    let out = zip.finish().map_err(err)?;
    Ok(out.into_inner())
}
