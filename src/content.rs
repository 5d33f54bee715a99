//! Where the content comes from: the copy of `locales/` and `dialogues/` embedded at build
//! time, or the same folders on disk (`--content-dir`), so staff can edit a text and run
//! `check` without rebuilding.
//!
//! Must not: interpret the files. It only reads them and names them for error messages.

use std::fmt;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// One content file, named by its path relative to the content root
/// (`locales/de/main.ftl`, `dialogues/prepare.toml`).
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub path: String,
    pub text: String,
}

/// All content files, and where they were read from (for error messages).
#[derive(Debug, Clone)]
pub struct ContentSource {
    pub root: Option<PathBuf>,
    pub files: Vec<ContentFile>,
}

/// A problem in a content file, shown as `file:line: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl Problem {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl ContentSource {
    /// The content compiled into this binary.
    pub fn embedded() -> ContentSource {
        ContentSource {
            root: None,
            files: embedded::EMBEDDED
                .iter()
                .map(|(path, text)| ContentFile {
                    path: path.to_string(),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    /// `locales/**/*.ftl` and `dialogues/**/*.toml` below `dir`.
    pub fn from_dir(dir: &Path) -> std::io::Result<ContentSource> {
        let mut files = Vec::new();
        for sub in ["locales", "dialogues"] {
            let start = dir.join(sub);
            if !start.is_dir() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("{} is not a folder", start.display()),
                ));
            }
            read_tree(dir, &start, &mut files)?;
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(ContentSource {
            root: Some(dir.to_path_buf()),
            files,
        })
    }

    /// The name a problem report uses for a file: with the folder it was read from.
    pub fn display_name(&self, path: &str) -> String {
        match &self.root {
            Some(root) => root.join(path).display().to_string(),
            None => path.to_string(),
        }
    }

    /// Files below `prefix` (e.g. `locales/da/`) ending in `suffix`.
    pub fn files_in<'a>(
        &'a self,
        prefix: &'a str,
        suffix: &'a str,
    ) -> impl Iterator<Item = &'a ContentFile> + 'a {
        self.files
            .iter()
            .filter(move |f| f.path.starts_with(prefix) && f.path.ends_with(suffix))
    }
}

fn read_tree(root: &Path, dir: &Path, out: &mut Vec<ContentFile>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            read_tree(root, &path, out)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str());
        if !matches!(ext, Some("ftl" | "toml")) {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        out.push(ContentFile { path: rel, text });
    }
    Ok(())
}
