//! Engine replies in Telegram's shape: plain text (no parse mode, so nothing can break the
//! markup) split to Telegram's 4096 characters, and inline keyboards.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::dialogue::engine::{ButtonAction, RenderedButton};

/// Telegram's limit for a message text, in characters.
pub const MAX_TEXT: usize = 4096;

/// Splits a text into pieces of at most `max` characters, at paragraph or line breaks where
/// possible.
pub fn split_text(text: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text.trim_end();
    while rest.chars().count() > max {
        let cut_byte = rest
            .char_indices()
            .nth(max)
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        let head = &rest[..cut_byte];
        let at = head
            .rfind("\n\n")
            .or_else(|| head.rfind('\n'))
            .or_else(|| head.rfind(' '))
            .filter(|i| *i > 0)
            .unwrap_or(cut_byte);
        pieces.push(rest[..at].trim_end().to_string());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(rest.to_string());
    }
    pieces
}

/// One button a row: labels are sentences and need the width.
pub fn keyboard(buttons: &[RenderedButton]) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<Vec<InlineKeyboardButton>> = buttons
        .iter()
        .filter_map(|b| {
            let label = match b.ticked {
                Some(true) => format!("✅ {}", b.label),
                Some(false) => format!("⬜ {}", b.label),
                None => b.label.clone(),
            };
            match &b.action {
                ButtonAction::Callback(data) => {
                    Some(InlineKeyboardButton::callback(label, data.clone()))
                }
                ButtonAction::Url(url) => match url.parse() {
                    Ok(u) => Some(InlineKeyboardButton::url(label, u)),
                    Err(_) => {
                        tracing::warn!(
                            "a configured address is not a valid URL; its button is left out"
                        );
                        None
                    }
                },
            }
        })
        .map(|b| vec![b])
        .collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_split_at_paragraphs_and_nothing_is_lost() {
        let para = "word ".repeat(300);
        let text = [para.trim(); 5].join("\n\n");
        let pieces = split_text(&text, 4096);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.chars().count() <= 4096));
        assert_eq!(
            pieces.join(" ").split_whitespace().count(),
            text.split_whitespace().count()
        );
    }

    #[test]
    fn a_text_without_breaks_is_still_cut_to_size() {
        let pieces = split_text(&"æ".repeat(9000), 4096);
        assert_eq!(
            pieces.iter().map(|p| p.chars().count()).sum::<usize>(),
            9000
        );
        assert!(pieces.iter().all(|p| p.chars().count() <= 4096));
    }

    #[test]
    fn short_texts_stay_whole() {
        assert_eq!(split_text("Hej", 4096), vec!["Hej".to_string()]);
    }
}
