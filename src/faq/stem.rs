//! Word stems in Danish, English and German (Snowball, through `rust-stemmers`), so that
//! "vidnet", "vidner" and "vidne", or "Zeugen" and "Zeuge", or "witnesses" and "witness"
//! meet in one form without lists of endings.
//!
//! Must not: keep anything it is given; it only turns a word into its forms.

use rust_stemmers::{Algorithm, Stemmer};

use super::normalise::loose;

/// The three stemmers, created once (they are plain functions, cheap to hold).
pub struct Stemmers {
    da: Stemmer,
    en: Stemmer,
    de: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            da: Stemmer::create(Algorithm::Danish),
            en: Stemmer::create(Algorithm::English),
            de: Stemmer::create(Algorithm::German),
        }
    }
}

impl Stemmers {
    /// The loose form of the stem of a lower-case word in `lang` ("da", "en" or "de"; any
    /// other code: the word's loose form unstemmed).
    pub fn stem(&self, lang: &str, word: &str) -> String {
        let stemmer = match lang {
            "da" => &self.da,
            "en" => &self.en,
            "de" => &self.de,
            _ => return loose(word),
        };
        loose(&stemmer.stem(word))
    }

    /// The forms a typed word may take: its loose form, then its stems in the three
    /// languages (people mix them), without repeats. The first is always the loose form.
    /// Stems only when `worth_stemming` says yes for the loose form (a caller that knows no
    /// stem of its data starts like the word saves the work).
    pub fn forms_if(&self, word: &str, worth_stemming: impl FnOnce(&str) -> bool) -> Vec<String> {
        let mut forms = vec![loose(word)];
        // A stem is kept from 4 letters on, and a stem is never longer than its word: a
        // short word ("jeg", "the", "ich") is its own only form. Most words of a long
        // message are short, so this saves most of the stemming.
        if word.chars().count() <= 4 || !worth_stemming(&forms[0]) {
            return forms;
        }
        for lang in ["da", "en", "de"] {
            let s = self.stem(lang, word);
            if s.len() >= 4 && !forms.contains(&s) {
                forms.push(s);
            }
        }
        forms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_meet_in_their_language() {
        let s = Stemmers::default();
        assert_eq!(s.stem("da", "vidnet"), s.stem("da", "vidne"));
        assert_eq!(s.stem("da", "vidner"), s.stem("da", "vidne"));
        assert_eq!(s.stem("da", "sundhedskortet"), s.stem("da", "sundhedskort"));
        assert_eq!(s.stem("de", "zeugen"), s.stem("de", "zeuge"));
        assert_eq!(s.stem("de", "unterlagen"), s.stem("de", "unterlage"));
        assert_eq!(s.stem("en", "witnesses"), s.stem("en", "witness"));
        assert_eq!(s.stem("en", "documents"), s.stem("en", "document"));
    }

    #[test]
    fn a_typed_word_is_tried_in_every_language() {
        let s = Stemmers::default();
        let forms = s.forms_if("zeugen", |_| true);
        assert_eq!(forms[0], "zeugen");
        assert!(forms.contains(&s.stem("de", "zeuge")), "{forms:?}");
    }
}
