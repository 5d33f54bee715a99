//! QR codes for posters and the counter: an SVG with a caption, or a plain PNG.
//!
//! Both draw the same modules: error correction level Q (a poster on a counter gets
//! scuffed and bent; a deep link is short, so the code stays coarse) and a quiet zone of
//! [`QUIET_ZONE`] modules, as the QR standard asks.

use std::path::Path;

use qrcode::{Color, EcLevel, QrCode};

use super::StaffError;

/// Light modules around the code, on every side.
pub const QUIET_ZONE: usize = 4;

/// Pixels per module in the PNG: big enough to print sharp at poster size.
pub const PNG_PX_PER_MODULE: usize = 16;

/// Caption font size in the SVG, in modules.
const FONT_SIZE: f64 = 2.0;
/// Line height of the caption, in modules.
const LINE_HEIGHT: f64 = FONT_SIZE * 1.3;

/// What `mitid-bot qr --out FILE` writes, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Svg,
    Png,
}

impl OutputFormat {
    /// `.svg` or `.png` (any case); anything else is an error naming the file.
    pub fn from_path(path: &Path) -> Result<OutputFormat, StaffError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("svg") => Ok(OutputFormat::Svg),
            Some("png") => Ok(OutputFormat::Png),
            _ => Err(StaffError::UnknownFormat(path.display().to_string())),
        }
    }
}

/// The code's modules, quiet zone included: `size × size`, row by row, `true` is dark.
struct Modules {
    size: usize,
    dark: Vec<bool>,
}

impl Modules {
    /// # Panics
    /// If `link` does not fit in a QR code (over about 1,600 bytes at level Q); a deep link
    /// is under 100.
    fn of(link: &str) -> Modules {
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::Q)
            .expect("a deep link is far shorter than a QR code holds");
        let n = code.width();
        let colors = code.to_colors();
        let size = n + 2 * QUIET_ZONE;
        let mut dark = vec![false; size * size];
        for y in 0..n {
            for x in 0..n {
                dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = colors[y * n + x] == Color::Dark;
            }
        }
        Modules { size, dark }
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }
}

/// An SVG poster piece: the QR code for `link` on white, and `caption` as text below it
/// (wrapped, centred, XML-escaped), with the caption as the picture's `<title>`.
///
/// One SVG unit is one module; the dark modules are one `<path id="qr-modules">` made of
/// horizontal runs `M x y h w v1 h-w z`.
///
/// # Panics
/// If `link` does not fit in a QR code (over about 1,600 bytes); a deep link is under 100.
pub fn qr_svg(link: &str, caption: &str) -> String {
    let m = Modules::of(link);
    let size = m.size;
    let max_chars = ((size as f64 - 2.0) / (FONT_SIZE * 0.55)).floor() as usize;
    let lines = wrap(caption, max_chars.max(10));
    let height = size as f64 + lines.len() as f64 * LINE_HEIGHT + FONT_SIZE;

    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if m.is_dark(x, y) {
                let start = x;
                while x < size && m.is_dark(x, y) {
                    x += 1;
                }
                let w = x - start;
                d.push_str(&format!("M{start} {y}h{w}v1h-{w}z"));
            } else {
                x += 1;
            }
        }
    }

    let mut svg = String::new();
    svg.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {height}\" \
         width=\"{w}\" height=\"{h}\">\n",
        w = size * 8,
        h = (height * 8.0).round()
    ));
    svg.push_str(&format!("<title>{}</title>\n", escape(caption)));
    svg.push_str(&format!("<desc>{}</desc>\n", escape(link)));
    svg.push_str(&format!(
        "<rect width=\"{size}\" height=\"{height}\" fill=\"#fff\"/>\n"
    ));
    svg.push_str(&format!(
        "<path id=\"qr-modules\" fill=\"#000\" shape-rendering=\"crispEdges\" d=\"{d}\"/>\n"
    ));
    svg.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{FONT_SIZE}\" \
         text-anchor=\"middle\" fill=\"#000\">",
        x = size as f64 / 2.0,
        y = size as f64 + FONT_SIZE * 0.4,
    ));
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { LINE_HEIGHT };
        svg.push_str(&format!(
            "<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>",
            escape(line),
            x = size as f64 / 2.0
        ));
    }
    svg.push_str("</text>\n</svg>\n");
    svg
}

/// A PNG of the QR code for `link`: black on white, [`PNG_PX_PER_MODULE`] pixels per
/// module, grayscale.
///
/// Without text: drawing a caption into pixels needs a font, and none ships with the bot.
/// Use [`qr_svg`] for a poster with a caption.
///
/// # Panics
/// If `link` does not fit in a QR code (over about 1,600 bytes); a deep link is under 100.
pub fn qr_png(link: &str) -> Vec<u8> {
    let m = Modules::of(link);
    let px = m.size * PNG_PX_PER_MODULE;
    let mut pixels = vec![255u8; px * px];
    for (i, p) in pixels.iter_mut().enumerate() {
        let (x, y) = (i % px / PNG_PX_PER_MODULE, i / px / PNG_PX_PER_MODULE);
        if m.is_dark(x, y) {
            *p = 0;
        }
    }
    encode_png(&pixels, px as u32).expect("encoding a grayscale image into memory does not fail")
}

fn encode_png(pixels: &[u8], side: u32) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(out)
}

/// Words into lines of at most `max` characters (a longer word gets a line of its own).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            OutputFormat::from_path(Path::new("poster.svg")),
            Ok(OutputFormat::Svg)
        );
        assert_eq!(
            OutputFormat::from_path(Path::new("dir/Poster.PNG")),
            Ok(OutputFormat::Png)
        );
        for bad in ["poster.jpg", "poster", "svg", "poster.svg.txt"] {
            let err = OutputFormat::from_path(Path::new(bad)).unwrap_err();
            assert!(err.to_string().contains(".svg or .png"), "{err}");
        }
    }

    #[test]
    fn wrapping_keeps_every_word_in_order() {
        let text = "Scan with your phone to get ready for your MitID appointment";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("", 20), Vec::<String>::new());
        assert_eq!(
            wrap("Donaudampfschifffahrt ok", 5),
            ["Donaudampfschifffahrt", "ok"]
        );
    }

    #[test]
    fn the_caption_is_escaped() {
        let svg = qr_svg("https://t.me/a_bot?start=da", "Tom & Jerry <b>\"hi\"</b>");
        assert!(svg.contains("<title>Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt;</title>"));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn the_quiet_zone_is_light() {
        let m = Modules::of("https://t.me/aabenraa_mitid_bot?start=de-witness");
        for y in 0..m.size {
            for x in 0..m.size {
                let inside = (QUIET_ZONE..m.size - QUIET_ZONE).contains(&x)
                    && (QUIET_ZONE..m.size - QUIET_ZONE).contains(&y);
                if !inside {
                    assert!(!m.is_dark(x, y), "({x}, {y})");
                }
            }
        }
        // The finder pattern's corner starts right after the quiet zone.
        assert!(m.is_dark(QUIET_ZONE, QUIET_ZONE));
    }
}
