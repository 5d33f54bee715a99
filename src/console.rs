//! The terminal chat: the same conversation service as on Telegram, for staff trying the
//! flow and for anyone without a token. Buttons become numbered choices; a number picks
//! one, other text is typed input, `/command` works as on Telegram (the one parser,
//! [`parse_text`]), `/glem` and `/forget` too. Reads until end of input.
//!
//! Must not: hold dialogue logic (that is the engine's), keep anything itself (that is
//! the service's, in memory unless the chat was given a data directory), or print colour
//! codes.

use std::io::{self, BufRead, IsTerminal, Write};

use crate::conversation::{parse_text, Incoming, Key, Service};
use crate::dialogue::engine::{ButtonAction, Input, Rendered, RenderedButton};
use crate::i18n::Lang;

/// Reads a typed line as what it stands for, given the buttons on screen: a number picks
/// a button; anything else is read as on every channel ([`parse_text`]). `None` for an
/// empty line.
pub fn parse_line(line: &str, on_screen: &[RenderedButton]) -> Option<Incoming> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(n) = t.parse::<usize>() {
        if let Some(b) = n.checked_sub(1).and_then(|i| on_screen.get(i)) {
            if let ButtonAction::Callback(data) = &b.action {
                return Some(Incoming::Engine(Input::Button(data.clone())));
            }
        }
    }
    Some(parse_text(t))
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

/// Runs the terminal's conversation ([`Key::terminal`]) over `input` until it ends,
/// through `service`: a conversation kept from an earlier run (a data directory) goes on
/// where it was. `lang` is the language of a new conversation.
pub async fn run(
    service: &Service,
    lang: Lang,
    mut input: impl BufRead,
    mut out: impl Write,
) -> io::Result<()> {
    let interactive = io::stdin().is_terminal() && io::stdout().is_terminal();
    let key = Key::terminal();
    let mut on_screen = Vec::new();
    let mut next = Some(Incoming::Engine(Input::Start { payload: None }));
    loop {
        if let Some(incoming) = next.take() {
            // Nothing is redelivered here: no update ids.
            let turn = service.handle(&key, None, Some(lang), incoming).await;
            for r in &turn.replies {
                print_reply(&mut out, r)?;
            }
            if let Some(last) = turn.replies.last() {
                on_screen = last.buttons.clone();
            }
        }
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(());
        }
        next = parse_line(&line, &on_screen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_picks_a_button_and_everything_else_is_read_as_on_telegram() {
        let on_screen = vec![RenderedButton {
            label: "Ja".into(),
            action: ButtonAction::Callback("q:yes".into()),
            ticked: None,
        }];
        assert_eq!(
            parse_line("1", &on_screen),
            Some(Incoming::Engine(Input::Button("q:yes".into())))
        );
        assert_eq!(
            parse_line("2", &on_screen),
            Some(Incoming::Engine(Input::Text("2".into())))
        );
        assert_eq!(parse_line("/glem", &on_screen), Some(Incoming::Forget));
        assert_eq!(parse_line("/forget\n", &on_screen), Some(Incoming::Forget));
        assert_eq!(parse_line("   ", &on_screen), None);
    }
}
