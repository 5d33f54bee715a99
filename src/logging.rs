//! Logs for operators: `tracing` to stderr, level from `RUST_LOG` (default `info`).
//!
//! Must not: carry message text (no caller logs it), or the bot token: every line passes
//! through [`Redacted`], which blanks the token wherever a library put it (an HTTP error
//! with the request URL, say).

use std::io::{self, Write};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Writes log lines to stderr with the token replaced by `<token>`.
#[derive(Clone)]
pub struct Redacted {
    token: String,
}

pub struct RedactedWriter {
    token: String,
}

impl Write for RedactedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let clean = crate::telegram::redact(&text, &self.token);
        io::stderr().write_all(clean.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

impl<'a> MakeWriter<'a> for Redacted {
    type Writer = RedactedWriter;

    fn make_writer(&'a self) -> RedactedWriter {
        RedactedWriter {
            token: self.token.clone(),
        }
    }
}

/// Installs the subscriber. Safe to call once per process.
pub fn init() {
    let token = std::env::var("TELOXIDE_TOKEN").unwrap_or_default();
    let mut filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Library log lines that can carry a user's message (an update that failed to parse,
    // traced responses) are off whatever RUST_LOG says: logs carry no message text.
    for quiet in [
        "teloxide::update_listeners::webhooks=off",
        "teloxide::dispatching::dispatcher=warn",
        "teloxide_core::adaptors::trace=off",
    ] {
        if let Ok(d) = quiet.parse() {
            filter = filter.add_directive(d);
        }
    }
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Redacted { token })
        .try_init();
}
