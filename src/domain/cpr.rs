//! Recognising text that looks like a Danish CPR number.
//!
//! Used twice: the dialogue warns before anything else when a message looks like a CPR
//! number (design.md, "Reading what people type", step 1), and the UserID checker warns
//! about a UserID that contains one (mitid-rules.md §3).
//!
//! Must not: keep, log or return the digits it found. It answers yes or no, nothing more.

/// True if `text` contains something that looks like a CPR number.
///
/// Source: mitid-rules.md §3 ("a CPR pattern: valid DDMMYY date, then `-`, space or nothing,
/// then 4 digits") and design.md "Reading what people type".
///
/// The pattern: a valid `DDMMYY` date (the day must exist in that month; 29.02 is always
/// allowed because the century, and so the leap year, is unknown), then nothing, one `-` or
/// one space, then 4 digits. The match must not be part of a longer run of digits, so
/// `"1234567890123"` is not a CPR number, while `"my cpr is 010190-1234 ok"` is.
///
/// Only ASCII digits count. No modulus-11 check: CPR numbers issued since 2007 need not
/// pass it, and a false warning costs less than a missed one.
pub fn contains_cpr_like(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).any(|start| cpr_starts_at(&chars, start))
}

/// True if a CPR-like number begins exactly at `chars[start]` (see [`contains_cpr_like`]).
fn cpr_starts_at(chars: &[char], start: usize) -> bool {
    let digit_at = |index: usize| chars.get(index).is_some_and(char::is_ascii_digit);

    // Part of a longer digit run on the left.
    if start > 0 && digit_at(start - 1) {
        return false;
    }
    let Some(date) = digits(chars, start, 6) else {
        return false;
    };
    let (day, month) = (date[0] * 10 + date[1], date[2] * 10 + date[3]);
    if !is_cpr_date(day, month) {
        return false;
    }
    let after_date = start + 6;
    let serial_start = match chars.get(after_date) {
        Some('-') | Some(' ') => after_date + 1,
        _ => after_date,
    };
    digits(chars, serial_start, 4).is_some() && !digit_at(serial_start + 4)
}

/// The values of `count` ASCII digits starting at `chars[start]`, or `None`.
fn digits(chars: &[char], start: usize, count: usize) -> Option<Vec<u32>> {
    chars
        .get(start..start.checked_add(count)?)?
        .iter()
        .map(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()))
        .collect()
}

/// True if `day`.`month` exists in some year (29 February included).
fn is_cpr_date(day: u32, month: u32) -> bool {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_a_citizen_would_type_as_a_cpr_number() {
        let cases: &[(&str, bool)] = &[
            // The three spellings people use.
            ("0101901234", true),
            ("010190-1234", true),
            ("010190 1234", true),
            // Inside a sentence, next to letters or punctuation.
            ("my cpr is 010190-1234 ok", true),
            ("cpr:0101901234.", true),
            ("abc0101901234xyz", true),
            ("min cpr er 311299-4321", true),
            // 29 February is allowed whatever the year (the century is unknown).
            ("290201-1234", true),
            ("300401-1234", true),
            // Dates that do not exist.
            ("320190-1234", false),
            ("000190-1234", false),
            ("011390-1234", false),
            ("010090-1234", false),
            ("300290-1234", false),
            ("310490-1234", false),
            // Part of a longer digit run: a phone or account number, not a CPR number.
            ("1234567890123", false),
            ("00101901234", false),
            ("01019012345", false),
            ("9010190-1234", false),
            ("010190-12345", false),
            // Wrong separators or lengths.
            ("010190--1234", false),
            ("010190  1234", false),
            ("010190/1234", false),
            ("010190-123", false),
            ("01019-01234", false),
            // Nothing to see.
            ("", false),
            ("hello", false),
            ("Ring 73 76 76 76", false),
            ("10.03.2026 12:00", false),
            // Non-ASCII digits do not count.
            ("\u{0660}\u{0661}0190-1234", false),
        ];
        for (text, expected) in cases {
            assert_eq!(contains_cpr_like(text), *expected, "text: {text:?}");
        }
    }

    #[test]
    fn finds_a_cpr_number_after_a_false_start() {
        // The first digit run is not a CPR number; the second one is.
        assert!(contains_cpr_like("12345678901234 and 010190-1234"));
        assert!(contains_cpr_like("320190-1234 010190-1234"));
    }
}
