//! The terminal chat: the same engine as on Telegram, for staff trying the flow and for
//! anyone without a token. Buttons become numbered choices; a number picks one, other
//! text is typed input, `/command` works as on Telegram. Reads until end of input.
//!
//! Must not: hold dialogue logic (that is the engine's), or print colour codes.

use std::io::{self, BufRead, IsTerminal, Write};

use chrono::Utc;

use crate::dialogue::engine::{ButtonAction, Command, Engine, Input, Rendered};
use crate::dialogue::State;
use crate::i18n::Lang;
use crate::stats::Stats;
use crate::storage::{Loaded, Record, Store};

/// The chat id the terminal's conversation is kept under in a data directory.
pub const TERMINAL_CHAT: i64 = 0;

/// Reads a typed line as the input it stands for, given the buttons on screen.
pub fn parse_line(
    line: &str,
    on_screen: &[crate::dialogue::engine::RenderedButton],
) -> Option<Input> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(cmd) = t.strip_prefix('/') {
        let (name, arg) = match cmd.split_once(char::is_whitespace) {
            Some((n, a)) => (n, Some(a.trim().to_string()).filter(|a| !a.is_empty())),
            None => (cmd, None),
        };
        let name = name.to_ascii_lowercase();
        if name == "start" {
            return Some(Input::Start { payload: arg });
        }
        let Some(command) = Command::from_name(&name) else {
            return Some(Input::Text(t.to_string()));
        };
        return Some(Input::Command(command));
    }
    if let Ok(n) = t.parse::<usize>() {
        if let Some(b) = n.checked_sub(1).and_then(|i| on_screen.get(i)) {
            if let ButtonAction::Callback(data) = &b.action {
                return Some(Input::Button(data.clone()));
            }
        }
    }
    Some(Input::Text(t.to_string()))
}

/// Writes a rendered reply: the text, then the buttons numbered from 1.
pub fn print_reply(out: &mut dyn Write, r: &Rendered) -> io::Result<()> {
    writeln!(out, "{}", r.text)?;
    if !r.buttons.is_empty() {
        writeln!(out)?;
    }
    for (i, b) in r.buttons.iter().enumerate() {
        let tick = match b.ticked {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        match &b.action {
            ButtonAction::Callback(_) => writeln!(out, "  {}) {tick}{}", i + 1, b.label)?,
            ButtonAction::Url(url) => writeln!(out, "  {}) {}: {url}", i + 1, b.label)?,
        }
    }
    writeln!(out)
}

/// Runs a conversation over `input` until it ends. Returns the final state. Each step's
/// events are counted in `stats` when given (the caller flushes).
/// With a `store`, the conversation is kept under [`TERMINAL_CHAT`] and continues where it
/// was left the next time.
pub fn run(
    engine: &Engine,
    lang: Lang,
    mut input: impl BufRead,
    mut out: impl Write,
    stats: Option<&Stats>,
    store: Option<&dyn Store>,
) -> io::Result<State> {
    let interactive = io::stdin().is_terminal() && io::stdout().is_terminal();
    let mut record = match store.map(|s| s.load(&crate::conversation::Key::terminal())) {
        Some(Ok(Loaded::Found(r))) => Some(r),
        Some(Err(e)) => return Err(io::Error::other(e.to_string())),
        _ => None,
    };
    let mut state = match &record {
        Some(r) => r.state.clone(),
        None => {
            let mut s = engine.new_state(lang);
            s.lang_chosen = true;
            s
        }
    };
    let mut on_screen = Vec::new();
    let mut next = Some(Input::Start { payload: None });
    loop {
        if let Some(inp) = next.take() {
            let now = Utc::now();
            let step = engine.step(&state, inp, now);
            if let Some(stats) = stats {
                stats.record(&step.events, now);
            }
            state = step.state;
            if let Some(store) = store {
                let r = record.get_or_insert_with(|| Record::new(state.clone(), now));
                r.state = state.clone();
                r.last_active = now.timestamp();
                store
                    .save(&crate::conversation::Key::terminal(), r)
                    .map_err(|e| io::Error::other(e.to_string()))?;
            }
            for reply in &step.replies {
                let r = engine.render(state.lang, reply);
                print_reply(&mut out, &r)?;
                on_screen = r.buttons;
            }
        }
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(state);
        }
        next = parse_line(&line, &on_screen);
    }
}
