//! `mitid-bot link` and `mitid-bot qr`, through the built binary: the link is exact, the
//! QR codes decode back to it, and mistakes get exit 1 and a message that names them.

use std::path::Path;
use std::process::{Command, Output};

use mitid_bot::content::ContentSource;
use mitid_bot::i18n::{Globals, Lang, Msg};

const BOT: &str = "aabenraa_mitid_bot";
const LINK: &str = "https://t.me/aabenraa_mitid_bot?start=de-witness";

/// Runs the binary in `dir` with only our settings: `bot` as MITID_BOT_BOT_USERNAME (when
/// given) and a data directory that must never be created.
fn run(dir: &Path, bot: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let data_dir = dir.join("data-must-not-exist");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mitid-bot"));
    cmd.current_dir(dir).args(args);
    for (key, _) in std::env::vars() {
        if key.starts_with("MITID_BOT_") || key == "TELOXIDE_TOKEN" {
            cmd.env_remove(key);
        }
    }
    cmd.env("MITID_BOT_DATA_DIR", &data_dir);
    if let Some(bot) = bot {
        cmd.env("MITID_BOT_BOT_USERNAME", bot);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("the binary runs");
    assert!(
        !data_dir.exists() && !dir.join("data").exists(),
        "{args:?} created a data directory"
    );
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// Decodes the one QR code in a grayscale picture.
fn decode(width: usize, height: usize, pixel: impl FnMut(usize, usize) -> u8) -> String {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, pixel);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "expected one QR code");
    let (_meta, content) = grids[0].decode().expect("the QR code decodes");
    content
}

/// The German caption, rendered from the embedded locales as the binary does.
fn german_caption() -> String {
    let engine = mitid_bot::check::load(&ContentSource::embedded(), Globals::default())
        .expect("the embedded content loads");
    engine
        .i18n
        .render(Lang::De, &Msg::new("qr-caption"), &engine.globals)
}

/// Draws the dark modules of the `<path id="qr-modules">` our SVG carries (runs written as
/// `M x y h w v1 h-w z`), `scale` pixels per module, over the code's square.
fn rasterise_svg(svg: &str, scale: usize) -> (usize, Vec<u8>) {
    let view_box = attr(svg, "<svg", "viewBox");
    let size: usize = view_box
        .split_whitespace()
        .nth(2)
        .and_then(|w| w.parse().ok())
        .expect("viewBox has a whole-number width");
    let path_d = attr(svg, "<path id=\"qr-modules\"", "d");
    let px = size * scale;
    let mut pixels = vec![255u8; px * px];
    let mut runs = 0;
    for run in path_d.split('z').filter(|r| !r.is_empty()) {
        let rest = run.strip_prefix('M').expect("a run starts with M");
        let (xy, rest) = rest.split_once('h').expect("M x y h");
        let (x, y) = xy.split_once(' ').expect("M x y");
        let (w, back) = rest.split_once("v1h-").expect("h w v1 h-w");
        let (x, y, w): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), w.parse().unwrap());
        assert_eq!(back, w.to_string(), "a run closes where it started");
        assert!(x + w <= size && y < size, "run outside the code");
        for py in y * scale..(y + 1) * scale {
            for pxl in x * scale..(x + w) * scale {
                pixels[py * px + pxl] = 0;
            }
        }
        runs += 1;
    }
    assert!(runs > 20, "the path has too few runs: {runs}");
    (px, pixels)
}

/// The value of `name="..."` in the first element that starts with `element`.
fn attr<'a>(svg: &'a str, element: &str, name: &str) -> &'a str {
    let start = svg.find(element).unwrap_or_else(|| panic!("no {element}"));
    let tag = &svg[start..start + svg[start..].find('>').expect("tag ends")];
    let key = format!(" {name}=\"");
    let from = tag
        .find(&key)
        .unwrap_or_else(|| panic!("{element} has no {name}"))
        + key.len();
    &tag[from..from + tag[from..].find('"').expect("value ends")]
}

#[test]
fn link_prints_the_deep_link() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        dir.path(),
        Some(BOT),
        &["link", "--lang", "de", "--topic", "witness"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("{LINK}\n"));

    let (code, out, err) = run(
        dir.path(),
        Some("@aabenraa_mitid_bot"),
        &["link", "--lang", "da"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "https://t.me/aabenraa_mitid_bot?start=da\n");
}

#[test]
fn png_decodes_to_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["qr", "--lang", "de", "--topic", "witness", "--out", "x.png"];
    let (code, _out, err) = run(dir.path(), Some(BOT), &args);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(dir.path().join("x.png")).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let (w, h) = (info.width as usize, info.height as usize);
    let pixel = |x: usize, y: usize| buf[y * info.line_size + x];
    // Version 5 at level Q is 37 modules; with the quiet zone 45; 8 px or more each.
    assert!(w >= 45 * 8 && w == h, "{w}x{h}");
    // The quiet zone: the border is white for 4 modules of at least 8 px.
    for i in 0..w {
        for d in 0..32 {
            assert_eq!(pixel(i, d), 255);
            assert_eq!(pixel(d, i), 255);
        }
    }
    let decoded = decode(w, h, pixel);
    assert_eq!(decoded, LINK);
}

#[test]
fn svg_decodes_to_the_link_and_carries_the_caption() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["qr", "--lang", "de", "--topic", "witness", "--out", "x.svg"];
    let (code, _out, err) = run(dir.path(), Some(BOT), &args);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(dir.path().join("x.svg")).unwrap();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );

    let (px, pixels) = rasterise_svg(&svg, 8);
    assert_eq!(decode(px, px, |x, y| pixels[y * px + x]), LINK);

    let caption = german_caption();
    assert!(caption.starts_with("Scannen Sie"), "{caption}");
    assert!(caption.contains("Aabenraa Kommune"), "{caption}");
    assert!(svg.contains(&format!("<title>{caption}</title>")), "{svg}");
    // The caption is also drawn below the code, as text, word for word.
    let text = &svg[svg.find("<text").unwrap()..svg.find("</text>").unwrap()];
    let words: Vec<&str> = text
        .split("<tspan")
        .skip(1)
        .map(|t| &t[t.find('>').unwrap() + 1..t.find("</tspan>").unwrap()])
        .collect();
    assert_eq!(words.join(" "), caption);
}

#[test]
fn an_unknown_topic_names_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        &["link", "--lang", "de", "--topic", "witnes"][..],
        &["qr", "--lang", "de", "--topic", "witnes", "--out", "x.svg"][..],
    ] {
        let (code, out, err) = run(dir.path(), Some(BOT), cmd);
        assert_eq!(code, 1, "{cmd:?}: {err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("unknown topic `witnes`"), "{err}");
        for t in mitid_bot::staff::TOPICS {
            assert!(err.contains(t), "{err}");
        }
    }
    assert!(!dir.path().join("x.svg").exists());
}

#[test]
fn an_unknown_language_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        &["link", "--lang", "fr"][..],
        &["qr", "--lang", "fr", "--out", "x.png"][..],
    ] {
        let (code, _out, err) = run(dir.path(), Some(BOT), cmd);
        assert_eq!(code, 1, "{cmd:?}: {err}");
        assert!(err.contains("unknown language `fr`"), "{err}");
        assert!(err.contains("da, en or de"), "{err}");
    }
}

#[test]
fn a_missing_bot_username_says_how_to_set_it() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        &["link", "--lang", "de", "--topic", "witness"][..],
        &["qr", "--lang", "de", "--out", "x.png"][..],
    ] {
        let (code, out, err) = run(dir.path(), None, cmd);
        assert_eq!(code, 1, "{cmd:?}: {err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("bot_username"), "{err}");
        assert!(err.contains("MITID_BOT_BOT_USERNAME"), "{err}");
    }
    assert!(!dir.path().join("x.png").exists());
}

#[test]
fn a_bad_bot_username_or_file_type_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _out, err) = run(
        dir.path(),
        Some("aabenraa-mitid"),
        &["link", "--lang", "da"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("aabenraa-mitid"), "{err}");

    let (code, _out, err) = run(
        dir.path(),
        Some(BOT),
        &["qr", "--lang", "da", "--out", "x.jpg"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("x.jpg") && err.contains(".svg or .png"),
        "{err}"
    );
    assert!(!dir.path().join("x.jpg").exists());
}
