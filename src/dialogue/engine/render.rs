//! Rendering: a [`Reply`] (message ids with their variables) becomes the text and the
//! button labels of one language and one channel.
//!
//! Must not: decide what to show (that is the engine's step), or read facts.

use super::*;

impl Engine {
    /// Renders a reply in `lang` for a channel (`$channel`, one of [`crate::i18n::CHANNELS`]: a text
    /// may differ where a channel works differently). A text that cannot be rendered whole
    /// is logged (and panics with `i18n.strict`); see [`Engine::try_render`].
    pub fn render(&self, lang: Lang, channel: &str, reply: &Reply) -> Rendered {
        self.render_with(reply, &mut |m| self.text(lang, channel, m))
    }

    /// One message in `lang` for a channel: the globals and `$channel` besides its own
    /// arguments.
    pub fn text(&self, lang: Lang, channel: &str, msg: &Msg) -> String {
        self.i18n
            .render(lang, &on_channel(msg, channel), &self.globals)
    }

    /// Renders a reply in `lang` for a channel, or every problem of its texts (a missing
    /// message, a variable nobody passed, an empty text).
    pub fn try_render(
        &self,
        lang: Lang,
        channel: &str,
        reply: &Reply,
    ) -> Result<Rendered, Vec<TextError>> {
        let mut errors = Vec::new();
        let rendered = self.render_with(reply, &mut |m| match self.i18n.try_render(
            lang,
            &on_channel(m, channel),
            &self.globals,
        ) {
            Ok(t) => t,
            Err((t, e)) => {
                errors.extend(e);
                t
            }
        });
        if errors.is_empty() {
            Ok(rendered)
        } else {
            Err(errors)
        }
    }

    pub(super) fn render_with(
        &self,
        reply: &Reply,
        text_of: &mut dyn FnMut(&Msg) -> String,
    ) -> Rendered {
        // Paragraphs are separated by a blank line; list items ("• ...") follow each other.
        let mut text = String::new();
        for m in &reply.parts {
            let part = text_of(m);
            if !text.is_empty() {
                text.push_str(if part.starts_with('•') {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            text.push_str(&part);
        }
        let buttons = reply
            .buttons
            .iter()
            .map(|b| RenderedButton {
                label: text_of(&b.label),
                action: b.action.clone(),
                ticked: b.ticked,
            })
            .collect();
        Rendered {
            text,
            buttons,
            replaces_previous: reply.replaces_previous,
            keep: reply.keep,
        }
    }
}
