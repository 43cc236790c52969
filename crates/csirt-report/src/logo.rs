//! The cover logo: a PNG or JPEG recognised by its content (never by its name), decoded to
//! prove it is whole, and limited in size (`Logo::from_bytes`); drawn as raw pixels.

use crate::model::{ImageFormat, Logo};
use crate::ReportError;

/// The largest logo file accepted.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The largest side in pixels.
pub const MAX_SIDE: u32 = 4000;

/// Decoded pixels, 8 bits a channel: grey, grey+alpha, RGB or RGBA.
struct Pixels {
    width: u32,
    height: u32,
    channels: u8,
    data: Vec<u8>,
}

fn format_of(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else {
        None
    }
}

fn check_side(width: u32, height: u32) -> Result<(), ReportError> {
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(ReportError::LogoTooWide { width, height });
    }
    Ok(())
}

fn decode_png(bytes: &[u8]) -> Result<Pixels, ReportError> {
    let bad = |e: png::DecodingError| ReportError::LogoUnreadable(e.to_string());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // 16-bit samples become 8-bit, palettes become RGB.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(bad)?;
    let (width, height) = (reader.info().width, reader.info().height);
    // The size is checked before the pixels are allocated.
    check_side(width, height)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| ReportError::LogoUnreadable("image too large".into()))?;
    let mut data = vec![0; size];
    let frame = reader.next_frame(&mut data).map_err(bad)?;
    data.truncate(frame.buffer_size());
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => {
            return Err(ReportError::LogoUnreadable("palette not expanded".into()))
        }
    };
    Ok(Pixels {
        width,
        height,
        channels,
        data,
    })
}

fn decode_jpeg(bytes: &[u8]) -> Result<Pixels, ReportError> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::RGB)
        .set_max_width(MAX_SIDE as usize)
        .set_max_height(MAX_SIDE as usize);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(
        zune_jpeg::zune_core::bytestream::ZCursor::new(bytes),
        options,
    );
    let bad = |e: zune_jpeg::errors::DecodeErrors| ReportError::LogoUnreadable(e.to_string());
    decoder.decode_headers().map_err(bad)?;
    let (w, h) = decoder
        .dimensions()
        .ok_or_else(|| ReportError::LogoUnreadable("no dimensions".into()))?;
    check_side(w as u32, h as u32)?;
    let data = decoder.decode().map_err(bad)?;
    Ok(Pixels {
        width: w as u32,
        height: h as u32,
        channels: 3,
        data,
    })
}

fn decode(format: ImageFormat, bytes: &[u8]) -> Result<Pixels, ReportError> {
    let p = match format {
        ImageFormat::Png => decode_png(bytes)?,
        ImageFormat::Jpeg => decode_jpeg(bytes)?,
    };
    let want = p.width as usize * p.height as usize * usize::from(p.channels);
    if p.data.len() < want {
        return Err(ReportError::LogoUnreadable(
            "the image data is cut short".into(),
        ));
    }
    Ok(p)
}

impl Logo {
    /// Checks a logo file: PNG or JPEG by content, at most 2 MB and 4000 pixels a side, and
    /// decodable to the end.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo, ReportError> {
        if bytes.len() > MAX_BYTES {
            return Err(ReportError::LogoTooBig { bytes: bytes.len() });
        }
        let format = format_of(&bytes).ok_or(ReportError::LogoFormat)?;
        let p = decode(format, &bytes)?;
        Ok(Logo {
            format,
            width_px: p.width,
            height_px: p.height,
            bytes,
        })
    }

    /// The logo as printpdf's raw image, on white where it was transparent.
    pub(crate) fn raw_image(&self) -> Result<printpdf::RawImage, ReportError> {
        let p = decode(self.format, &self.bytes)?;
        let n = p.width as usize * p.height as usize;
        let mut rgb = Vec::with_capacity(n * 3);
        let blend = |v: u8, a: u8| -> u8 {
            ((u16::from(v) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8
        };
        for px in p.data.chunks_exact(usize::from(p.channels)).take(n) {
            match *px {
                [g] => rgb.extend([g, g, g]),
                [g, a] => rgb.extend([blend(g, a); 3]),
                [r, g, b] => rgb.extend([r, g, b]),
                [r, g, b, a] => rgb.extend([blend(r, a), blend(g, a), blend(b, a)]),
                _ => {}
            }
        }
        Ok(printpdf::RawImage {
            pixels: printpdf::RawImageData::U8(rgb),
            width: p.width as usize,
            height: p.height as usize,
            data_format: printpdf::RawImageFormat::RGB8,
            tag: Vec::new(),
        })
    }
}
