//! The web chat's HTML, written by hand: one page that works without JavaScript (every
//! button is a `<button>` in a `<form method="post">`), with the words of the conversation
//! (rendered by the engine) and the page's own words (`locales/*/web.ftl`).
//!
//! Must not: use inline script or style (the Content-Security-Policy forbids both), load
//! anything from another site, or put anything a person typed into the page: their typed
//! text is read by the engine and answered, never echoed back.

use crate::dialogue::engine::{ButtonAction, Engine, Rendered};
use crate::i18n::{Lang, Msg};

/// What a page shows besides the conversation's words.
pub struct PageParts<'a> {
    pub lang: Lang,
    /// The replies to show: the newest turn, or the current screen after a reload.
    pub replies: &'a [Rendered],
    /// Sent back with every form, so that a form sent twice (a reload after a post, a
    /// double click) is recognised as the same input.
    pub nonce: i64,
    /// The conversation knows an appointment: offer the calendar file.
    pub calendar: bool,
    /// It learnt the appointment in this turn: offer the file in the reply too, where
    /// the person (and a screen reader) is.
    pub calendar_in_turn: bool,
    /// The page answers a post: focus starts at the newest message.
    pub focus_reply: bool,
    /// The input held something private (a CPR number, a UserID idea): the turn is marked
    /// `data-private`, and the script does not show what was typed above the reply.
    pub private_input: bool,
    /// The last reply is the personal checklist: marked `checklist`, so that the print
    /// button appears and prints it (also once newer turns are below it).
    pub checklist: bool,
}

/// A message of the page's own, in `lang`.
pub fn text(engine: &Engine, lang: Lang, id: &str) -> String {
    engine.i18n.render(lang, &Msg::new(id), &engine.globals)
}

/// `<`, `>`, `&`, `"` and `'` as entities: safe in text and in quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The conversation page.
pub fn conversation(engine: &Engine, p: &PageParts) -> String {
    let t = |id: &str| escape(&text(engine, p.lang, id));
    let mut body = String::new();
    body.push_str(&format!(
        "<main id=\"chat\">\n<h2 class=\"visually-hidden\" id=\"log-title\">{}</h2>\n\
         <div id=\"log\" role=\"log\" aria-live=\"polite\" aria-labelledby=\"log-title\">\n",
        t("web-conversation")
    ));
    body.push_str(&turn(
        engine,
        p.lang,
        p.replies,
        p.nonce,
        p.focus_reply,
        p.private_input,
        p.checklist,
    ));
    if p.calendar_in_turn {
        // Inside the newest turn, so the script appends it with the reply.
        let at = body.rfind("</div>\n").unwrap_or(body.len());
        let link = format!(
            "<p class=\"offer\"><a class=\"button\" href=\"/calendar.ics\" download=\"mitid.ics\">{}</a></p>\n",
            escape(&text(engine, p.lang, "web-calendar"))
        );
        body.insert_str(at, &link);
    }
    body.push_str("</div>\n");
    body.push_str(&ask_form(engine, p.lang, p.nonce));
    body.push_str(&tools(engine, p.lang, p.calendar));
    body.push_str("</main>\n");
    document(
        engine,
        p.lang,
        &text(engine, p.lang, "web-title"),
        &body,
        true,
    )
}

/// One turn: each reply a message, each message's buttons a form below it. `private`:
/// the input was private, so the script must not show it (`data-private`); `checklist`:
/// the last reply is the checklist (class `checklist`, what the print button prints).
pub fn turn(
    engine: &Engine,
    lang: Lang,
    replies: &[Rendered],
    nonce: i64,
    focus: bool,
    private: bool,
    checklist: bool,
) -> String {
    let mut out = String::from(if private {
        "<div class=\"turn\" data-private>\n"
    } else {
        "<div class=\"turn\">\n"
    });
    for (i, r) in replies.iter().enumerate() {
        let class = match (r.keep, checklist && i + 1 == replies.len()) {
            (_, true) => "msg bot keep checklist",
            (true, false) => "msg bot keep",
            (false, false) => "msg bot",
        };
        let autofocus = if focus && i == 0 { " autofocus" } else { "" };
        out.push_str(&format!(
            "<div class=\"{class}\" tabindex=\"-1\"{autofocus}>\n{}</div>\n",
            paragraphs(&r.text)
        ));
        if !r.buttons.is_empty() {
            out.push_str(&buttons(engine, lang, r, nonce));
        }
    }
    out.push_str("</div>\n");
    out
}

/// The engine's text as HTML: paragraphs at blank lines, "• " lines as a list (indented
/// "– " lines below an item as its own list), web addresses as links.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let mut prose: Vec<&str> = Vec::new();
        let mut items: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in para.lines().map(str::trim_end) {
            let trimmed = line.trim_start();
            if let Some(item) = trimmed.strip_prefix('•') {
                flush_prose(&mut prose, &mut out);
                items.push((item.trim(), Vec::new()));
            } else if let (Some(sub), Some(last)) = (trimmed.strip_prefix('–'), items.last_mut())
            {
                last.1.push(sub.trim());
            } else {
                flush_items(&mut items, &mut out);
                prose.push(line);
            }
        }
        flush_prose(&mut prose, &mut out);
        flush_items(&mut items, &mut out);
    }
    out
}

fn flush_prose(prose: &mut Vec<&str>, out: &mut String) {
    if !prose.is_empty() {
        let lines: Vec<String> = prose.iter().map(|l| linked(l)).collect();
        out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
        prose.clear();
    }
}

fn flush_items(items: &mut Vec<(&str, Vec<&str>)>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for (item, subs) in items.iter() {
        out.push_str(&format!("<li>{}", linked(item)));
        if !subs.is_empty() {
            out.push_str("\n<ul>\n");
            for s in subs {
                out.push_str(&format!("<li>{}</li>\n", linked(s)));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    items.clear();
}

/// A line with its `http(s)://` addresses made links (escaped everywhere).
fn linked(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("https://").or_else(|| rest.find("http://")) {
        out.push_str(&escape(&rest[..at]));
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| c.is_whitespace() || c == ')' || c == '"')
            .unwrap_or(tail.len());
        // A full stop or comma after an address ends the sentence, not the address.
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        out.push_str(&format!(
            "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>",
            escape(url)
        ));
        rest = &tail[url.len()..];
    }
    out.push_str(&escape(rest));
    out
}

/// A reply's buttons: callback buttons post the form, link buttons are links.
fn buttons(engine: &Engine, lang: Lang, r: &Rendered, nonce: i64) -> String {
    let new_window = escape(&text(engine, lang, "web-new-window"));
    let mut out = format!(
        "<form method=\"post\" action=\"/\" class=\"choices\" data-chat>\n\
         <input type=\"hidden\" name=\"u\" value=\"{nonce}\">\n"
    );
    for b in &r.buttons {
        let label = escape(&b.label);
        match &b.action {
            ButtonAction::Callback(data) => {
                let pressed = match b.ticked {
                    Some(true) => " aria-pressed=\"true\"",
                    Some(false) => " aria-pressed=\"false\"",
                    None => "",
                };
                out.push_str(&format!(
                    "<button type=\"submit\" name=\"b\" value=\"{}\"{pressed}>{label}</button>\n",
                    escape(data)
                ));
            }
            ButtonAction::Url(url) if url.starts_with("https://") || url.starts_with("http://") => {
                out.push_str(&format!(
                    "<a class=\"button link\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{label} \
                     <span class=\"visually-hidden\">{new_window}</span></a>\n",
                    escape(url)
                ));
            }
            ButtonAction::Url(_) => {
                tracing::warn!("a configured address is not a web address; its button is left out")
            }
        }
    }
    out.push_str("</form>\n");
    out
}

/// The text field for questions, dates and UserID ideas, with the privacy hint.
fn ask_form(engine: &Engine, lang: Lang, nonce: i64) -> String {
    let t = |id: &str| escape(&text(engine, lang, id));
    format!(
        "<form method=\"post\" action=\"/\" class=\"ask\" data-chat>\n\
         <input type=\"hidden\" name=\"u\" value=\"{nonce}\">\n\
         <label for=\"say\">{label}</label>\n\
         <p id=\"say-hint\" class=\"hint\">{hint}</p>\n\
         <div class=\"row\">\n\
         <input id=\"say\" name=\"text\" type=\"text\" maxlength=\"1000\" autocomplete=\"off\" \
         spellcheck=\"false\" autocapitalize=\"off\" enterkeyhint=\"send\" aria-describedby=\"say-hint\">\n\
         <button type=\"submit\">{send}</button>\n\
         </div>\n\
         </form>\n",
        label = t("web-text-label"),
        hint = t("web-text-hint"),
        send = t("web-send"),
    )
}

/// Calendar file, print, and "delete my answers".
fn tools(engine: &Engine, lang: Lang, calendar: bool) -> String {
    let t = |id: &str| escape(&text(engine, lang, id));
    let mut out = String::from("<div id=\"tools\" class=\"tools\">\n");
    if calendar {
        out.push_str(&format!(
            "<p><a class=\"button secondary\" id=\"calendar\" href=\"/calendar.ics\" download=\"mitid.ics\" \
             aria-describedby=\"calendar-hint\">{}</a></p>\n<p id=\"calendar-hint\" class=\"hint\">{}</p>\n",
            t("web-calendar"),
            t("web-calendar-hint")
        ));
    }
    // Printing needs the script, which shows the button once a checklist is on the page;
    // without it the browser's own print prints the newest turn.
    out.push_str(&format!(
        "<p><button type=\"button\" id=\"print\" class=\"secondary\" hidden>{}</button></p>\n",
        t("web-print")
    ));
    out.push_str(&format!(
        "<form method=\"post\" action=\"/forget\" class=\"forget\">\n\
         <button type=\"submit\" class=\"danger\" aria-describedby=\"forget-hint\">{}</button>\n\
         <p id=\"forget-hint\" class=\"hint\">{}</p>\n</form>\n",
        t("web-forget"),
        t("web-forget-hint")
    ));
    out.push_str("</div>\n");
    out
}

/// A page with one message and a way back: after "delete my answers", and for the
/// friendly errors (too many requests, too long, not found).
pub fn notice(engine: &Engine, lang: Lang, title_id: &str, text_id: &str, link_id: &str) -> String {
    let t = |id: &str| escape(&text(engine, lang, id));
    let body = format!(
        "<main id=\"chat\">\n<div aria-live=\"polite\">\n<div class=\"msg bot notice\" tabindex=\"-1\">\n\
         <h2>{}</h2>\n{}</div>\n</div>\n<p><a class=\"button\" href=\"/\">{}</a></p>\n</main>\n",
        t(title_id),
        paragraphs(&text(engine, lang, text_id)),
        t(link_id),
    );
    let title = format!(
        "{} – {}",
        text(engine, lang, title_id),
        text(engine, lang, "web-title")
    );
    document(engine, lang, &title, &body, false)
}

/// The frame every page shares: `lang`, title, our own stylesheet and script, the skip
/// link, the heading and the language choice.
fn document(engine: &Engine, lang: Lang, title: &str, body: &str, languages: bool) -> String {
    let t = |id: &str| escape(&text(engine, lang, id));
    let mut nav = String::new();
    if languages {
        nav.push_str(&format!(
            "<nav aria-label=\"{}\">\n<form method=\"post\" action=\"/language\" class=\"languages\" data-chat>\n",
            t("web-language")
        ));
        for l in Lang::ALL {
            let current = if l == lang {
                " aria-current=\"true\""
            } else {
                ""
            };
            // Each language's name in that language, marked as such for screen readers.
            let name = escape(&text(engine, l, &format!("lang-{}", l.code())));
            nav.push_str(&format!(
                "<button type=\"submit\" name=\"lang\" value=\"{code}\" lang=\"{code}\"{current}>{name}</button>\n",
                code = l.code()
            ));
        }
        nav.push_str("</form>\n</nav>\n");
    }
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"/static/chat.css\">\n\
         <script src=\"/static/chat.js\" defer></script>\n\
         </head>\n<body data-you=\"{you}\">\n\
         <a class=\"skip\" href=\"#chat\">{skip}</a>\n\
         <header>\n<h1>{heading}</h1>\n<p class=\"intro\">{intro}</p>\n{nav}</header>\n\
         {body}\
         <footer>\n<p class=\"hint\">{privacy}</p>\n</footer>\n\
         </body>\n</html>\n",
        code = lang.code(),
        title = escape(title),
        skip = t("web-skip"),
        heading = t("web-heading"),
        intro = t("web-intro"),
        privacy = t("web-privacy-note"),
        you = t("web-you"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_links_become_html_and_markup_in_text_is_escaped() {
        let html = paragraphs(
            "Bring <these>:\n• your passport\n• a letter & a card\n\nBook at https://example.dk/book.",
        );
        assert_eq!(
            html,
            "<p>Bring &lt;these&gt;:</p>\n<ul>\n<li>your passport</li>\n<li>a letter &amp; a card</li>\n</ul>\n\
             <p>Book at <a href=\"https://example.dk/book\" rel=\"noopener noreferrer\">https://example.dk/book</a>.</p>\n"
        );
    }

    #[test]
    fn an_address_with_a_quote_cannot_leave_its_attribute() {
        let html = linked("see https://x.dk/?a=\"><script>");
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn indented_dashes_under_an_item_are_its_own_list() {
        let html = paragraphs("Your witness must:\n• be 18,\n• bring one of:\n   – a yellow card,\n   – a birth certificate.\nOther papers do not count.");
        assert_eq!(
            html,
            "<p>Your witness must:</p>\n<ul>\n<li>be 18,</li>\n<li>bring one of:\n<ul>\n<li>a yellow card,</li>\n\
             <li>a birth certificate.</li>\n</ul>\n</li>\n</ul>\n<p>Other papers do not count.</p>\n"
        );
    }
}
