//! Turns what people type into comparable word forms, and compares them forgivingly.
//!
//! Both the phrases in `dialogues/faq/match.toml` and the citizen's text go through the same
//! [`fold_words`], so "Kodeoplæser", "kodeoplaeser" and "kodeoplaser" meet in one form.
//! Must not: keep, log or return anything beyond the folded words of the call.

use unicode_normalization::UnicodeNormalization;

/// Folds a text into lower-case "loose" words.
///
/// - letters with diacritics become their plain spelling: æ/ä → ae, ø/ö → oe, å → aa,
///   ü → ue, ß → ss, é → e, ...;
/// - then the two spellings meet: ae → a, oe → o, ue → u, and a doubled letter becomes one
///   ("aa" → "a", "password" → "pasword"), so "får", "faar" and "far" are one word;
/// - anything that is not a letter or digit separates words.
///
/// The loose form is only ever compared, never shown.
pub fn fold_words(text: &str) -> Vec<String> {
    raw_words(text).iter().map(|w| loose(w)).collect()
}

/// The words of a text in lower case (NFC), split at anything that is not a letter or digit,
/// with their letters as typed: what a stemmer wants to read.
pub fn raw_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut take = |c: char| {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    };
    // Composing is needed only where a letter and a combining mark may meet.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        text.chars().for_each(&mut take);
    } else {
        text.nfc().for_each(&mut take);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Words people write apart or together ("bruger id", "bruger-id", "brugerid"; "P-kode"):
/// the pair is read as one word, so "id" alone keeps meaning an identity document.
const JOINED: &[(&str, &str)] = &[
    ("user", "id"),
    ("bruger", "id"),
    ("benutzer", "id"),
    ("nutzer", "id"),
    ("p", "code"),
    ("p", "kode"),
    ("p", "koden"),
    ("p", "codes"),
    ("alt", "id"),
];

/// The one word two neighbouring lower-case words stand for, if they are such a pair.
pub fn join_pair(first: &str, second: &str) -> Option<String> {
    JOINED
        .iter()
        .any(|&(a, b)| a == first && b == second)
        .then(|| format!("{first}{second}"))
}

/// Joins the pairs of [`join_pair`] in a list of lower-case words.
pub fn join_words(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        if let Some(last) = out.last_mut() {
            if let Some(one) = join_pair(last, &word) {
                *last = one;
                continue;
            }
        }
        out.push(word);
    }
    out
}

/// The loose form of one lower-case word (see [`fold_words`]).
pub fn loose(word: &str) -> String {
    // Most words are plain ASCII: fold them in one pass over the bytes.
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let mut out = String::with_capacity(bytes.len());
        let mut last = 0u8;
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i].to_ascii_lowercase();
            i += 1;
            if matches!(c, b'a' | b'o' | b'u')
                && bytes.get(i).map(u8::to_ascii_lowercase) == Some(b'e')
            {
                i += 1;
            }
            if c == last && c.is_ascii_alphabetic() {
                continue;
            }
            out.push(c as char);
            last = c;
        }
        return out;
    }
    let mut spelled = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        spell_plain(c, &mut spelled);
    }
    loosen(&spelled)
}

/// Loose forms up to this long are compared as spelt when a letter with a mark is involved:
/// "låst" (locked) is not "last", "får" (gets) is not "far" (father).
pub const MAX_SHORT: usize = 4;

/// The key under which a short word is compared as spelt ("låst" and "laast" -> "laast",
/// not "last"), or `None` for a word that compares loosely. A short data word with a
/// marked letter (å, æ, ø, ä, ö, ü) is found only through this key; every short typed
/// word looks it up. The key starts with a control character, so it never equals a loose
/// form.
pub fn spelt_key(word: &str) -> Option<String> {
    if loose(word).len() > MAX_SHORT {
        return None;
    }
    let mut key = String::from("\u{1}");
    for c in word.chars() {
        spell_plain(c, &mut key);
    }
    Some(key)
}

/// Whether a word has a letter with a mark that changes a short word's meaning (å, æ, ø,
/// ä, ö, ü; not ß, which is only spelt otherwise).
pub fn is_marked(word: &str) -> bool {
    word.chars()
        .flat_map(char::to_lowercase)
        .any(|c| matches!(c, 'å' | 'æ' | 'ø' | 'ä' | 'ö' | 'ü'))
}

/// Appends the lower-case plain spelling of one letter or digit.
fn spell_plain(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        match lower {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            _ if lower.is_ascii() => out.push(lower),
            // é → e, ñ → n, ...: drop the combining marks; keep letters of other scripts.
            _ => out.extend(
                std::iter::once(lower)
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d)),
            ),
        }
    }
}

/// ae → a, oe → o, ue → u, then runs of one letter → one letter. One pass, one string.
fn loosen(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    let mut last: Option<char> = None;
    while let Some(c) = chars.next() {
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
        if last == Some(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// How many typos a keyword of this many characters forgives: none under 6, one from 6,
/// two from 9. Short words differ by one letter too often ("pin"/"pen", "alder"/"adler",
/// "vidne"/"viden").
pub fn allowed_typos(keyword_len: usize) -> usize {
    match keyword_len {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// Words longer than this are only compared exactly (no real word in a question is).
const MAX_TYPO_WORD: usize = 31;

/// Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours),
/// or `None` when it is above `limit`. Compares bytes: callers pass ASCII words.
/// Allocation-free: it runs for many word pairs per question.
pub fn typo_distance(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if a.len().abs_diff(b.len()) > limit || a.len() > MAX_TYPO_WORD || b.len() > MAX_TYPO_WORD {
        return None;
    }
    // Three rows are enough for OSA.
    let width = b.len() + 1;
    let mut before = [0usize; MAX_TYPO_WORD + 1];
    let mut previous = [0usize; MAX_TYPO_WORD + 1];
    let mut current = [0usize; MAX_TYPO_WORD + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        before = previous;
        previous = current;
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold_words(text).join(" ")
    }

    #[test]
    fn danish_and_german_spellings_meet() {
        let cases = [
            ("Kodeoplæser", "kodeoplaeser"),
            ("kodeoplaser", "kodeoplæser"),
            ("får", "faar"),
            ("far", "får"),
            ("Bürgerservice", "buergerservice"),
            ("Burgerservice", "Bürgerservice"),
            ("Fuß", "fuss"),
            ("Rådhuset", "raadhuset"),
            ("søn", "soen"),
            ("Führerschein", "fuhrerschein"),
            ("café", "cafe"),
            ("ÆØÅ", "æøå"),
        ];
        for (a, b) in cases {
            assert_eq!(folded(a), folded(b), "{a} vs {b}");
        }
    }

    #[test]
    fn ascii_words_fold_like_any_other() {
        for word in [
            "Paasport",
            "KOERekort",
            "queue",
            "aeoeue",
            "Zeuge",
            "abba1122",
        ] {
            let spelled: String = word.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(loose(word), loosen(&spelled), "{word}");
        }
    }

    #[test]
    fn decomposed_letters_fold_like_composed_ones() {
        // "å" as "a" + combining ring, as some keyboards send it.
        assert_eq!(folded("ra\u{30a}dhus"), folded("rådhus"));
    }

    #[test]
    fn punctuation_and_case_separate_words() {
        assert_eq!(
            fold_words("Kan min søn bruge mit MitID-app?"),
            ["kan", "min", "son", "bruge", "mit", "mitid", "ap"]
        );
        assert_eq!(fold_words("  ...  "), Vec::<String>::new());
        assert_eq!(fold_words("CPR-nr. 13"), ["cpr", "nr", "13"]);
    }

    #[test]
    fn typos_are_counted_with_swaps() {
        let cases: [(&str, &str, usize, Option<usize>); 7] = [
            ("pasword", "pasword", 1, Some(0)),
            ("pasword", "paswrd", 1, Some(1)),
            ("pasword", "paswrod", 1, Some(1)),
            ("witnes", "wtines", 1, Some(1)),
            ("kodeviser", "kodevisr", 2, Some(1)),
            ("kodeviser", "kadavisar", 2, None),
            ("vidne", "vidnerne", 2, None),
        ];
        for (a, b, limit, expected) in cases {
            assert_eq!(
                typo_distance(a.as_bytes(), b.as_bytes(), limit),
                expected,
                "{a} vs {b}"
            );
        }
    }

    #[test]
    fn short_words_with_a_mark_are_compared_as_spelt() {
        assert_eq!(spelt_key("låst"), spelt_key("laast"));
        assert_ne!(spelt_key("låst"), spelt_key("last"));
        assert_ne!(spelt_key("får"), spelt_key("far"));
        assert_eq!(spelt_key("für"), spelt_key("fuer"));
        assert_eq!(spelt_key("låste"), None, "longer words compare loosely");
        assert!(is_marked("Låst") && is_marked("für"));
        assert!(!is_marked("laast") && !is_marked("muß"));
    }

    #[test]
    fn short_words_forgive_no_typos() {
        assert_eq!(allowed_typos(3), 0);
        assert_eq!(allowed_typos(5), 0);
        assert_eq!(allowed_typos(6), 1);
        assert_eq!(allowed_typos(12), 2);
    }
}
