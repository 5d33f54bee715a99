//! The UserID (bruger-ID) rules: what a citizen may choose before the appointment.
//!
//! Must not: keep, log or echo the UserID it was given. The result holds the length and the
//! characters that are not allowed (so the citizen can see what to change), nothing else.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::cpr::contains_cpr_like;

/// Fewest characters a UserID may have. Source: mitid-rules.md §3, seed page ("5 - 48").
pub const MIN_LENGTH: usize = 5;
/// Most characters a UserID may have. Source: mitid-rules.md §3, seed page ("5 - 48").
pub const MAX_LENGTH: usize = 48;

/// Punctuation allowed in a UserID, besides letters, digits and space.
/// Source: mitid-rules.md §3, seed page ("{ } ! # $ ^ , * ( ) _ + - = : ; ? . @ and Space").
pub const ALLOWED_SYMBOLS: &str = "{}!#$^,*()_+-=:;?.@";

/// A reason the UserID cannot be used (mitid-rules.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UserIdProblem {
    /// Fewer than [`MIN_LENGTH`] characters (counted after NFC).
    TooShort { length: usize },
    /// More than [`MAX_LENGTH`] characters (counted after NFC).
    TooLong { length: usize },
    /// Characters outside the allowed set: distinct, in order of first appearance.
    NotAllowed { characters: Vec<char> },
    /// The first character is a space.
    StartsWithSpace,
    /// The last character is a space.
    EndsWithSpace,
    /// The whole UserID is exactly 10 digits (it could be a CPR number).
    TenDigits,
}

/// Allowed, but advise against it (mitid-rules.md §3: it must not be your CPR number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UserIdWarning {
    /// Contains a CPR pattern (see [`contains_cpr_like`]).
    LooksLikeCpr,
    /// Contains 10 or more digits in a row that are not themselves a CPR pattern.
    ContainsTenDigits,
}

/// Everything the checker found about one UserID idea.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserIdCheck {
    /// Number of characters after NFC normalisation (what the citizen sees as letters).
    pub length: usize,
    /// Every reason the UserID cannot be used, in the order of the rules list.
    pub problems: Vec<UserIdProblem>,
    /// Every piece of advice for a UserID that is otherwise usable or not.
    pub warnings: Vec<UserIdWarning>,
}

impl UserIdCheck {
    /// True if MitID would accept this UserID (warnings do not block it). Whether it is
    /// already taken, nobody but MitID can tell (mitid-rules.md §3).
    pub fn is_allowed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks a UserID idea against every rule of mitid-rules.md §3 (source: the seed page's
/// UserID list and mitid.dk).
///
/// The text is normalised to Unicode NFC first, so an "Å" typed as "A" + combining ring is
/// one allowed letter; the length counts characters after NFC, not bytes.
/// Allowed: `a-z`, `A-Z`, `æøåÆØÅ`, `0-9`, the symbols in [`ALLOWED_SYMBOLS`] and space.
///
/// Every problem and every warning is returned, not just the first.
///
/// Ten digits: a UserID that is exactly 10 digits is a [`UserIdProblem::TenDigits`] problem,
/// and then no warning about the same digits is added. Otherwise a CPR pattern gives
/// [`UserIdWarning::LooksLikeCpr`]; a run of 10 or more digits gives
/// [`UserIdWarning::ContainsTenDigits`] unless that run is exactly the 10 digits of a CPR
/// pattern already warned about (one warning per reason, the more specific one wins).
pub fn check_userid(input: &str) -> UserIdCheck {
    let normalised: Vec<char> = input.nfc().collect();
    let length = normalised.len();
    let mut problems = Vec::new();

    if length < MIN_LENGTH {
        problems.push(UserIdProblem::TooShort { length });
    }
    if length > MAX_LENGTH {
        problems.push(UserIdProblem::TooLong { length });
    }

    let mut not_allowed: Vec<char> = Vec::new();
    for &c in &normalised {
        if !is_allowed_char(c) && !not_allowed.contains(&c) {
            not_allowed.push(c);
        }
    }
    if !not_allowed.is_empty() {
        problems.push(UserIdProblem::NotAllowed {
            characters: not_allowed,
        });
    }

    if normalised.first() == Some(&' ') {
        problems.push(UserIdProblem::StartsWithSpace);
    }
    if normalised.last() == Some(&' ') {
        problems.push(UserIdProblem::EndsWithSpace);
    }

    let mut warnings = Vec::new();
    if length == 10 && normalised.iter().all(char::is_ascii_digit) {
        problems.push(UserIdProblem::TenDigits);
    } else {
        let text: String = normalised.iter().collect();
        if contains_cpr_like(&text) {
            warnings.push(UserIdWarning::LooksLikeCpr);
        }
        let long_run_not_cpr = digit_runs(&normalised)
            .into_iter()
            .any(|run| run.len() > 10 || (run.len() == 10 && !contains_cpr_like(&run)));
        if long_run_not_cpr {
            warnings.push(UserIdWarning::ContainsTenDigits);
        }
    }

    UserIdCheck {
        length,
        problems,
        warnings,
    }
}

/// True if `c` may appear in a UserID (mitid-rules.md §3).
fn is_allowed_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "æøåÆØÅ ".contains(c) || ALLOWED_SYMBOLS.contains(c)
}

/// The maximal runs of ASCII digits in `chars`, each as its own string.
fn digit_runs(chars: &[char]) -> Vec<String> {
    chars
        .split(|c| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| run.iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use UserIdProblem::*;
    use UserIdWarning::*;

    /// (input, expected length, expected problems, expected warnings)
    type Case = (String, usize, Vec<UserIdProblem>, Vec<UserIdWarning>);

    fn case(
        input: &str,
        length: usize,
        problems: Vec<UserIdProblem>,
        warnings: Vec<UserIdWarning>,
    ) -> Case {
        (input.to_string(), length, problems, warnings)
    }

    #[test]
    fn rules_a_citizen_meets() {
        let cases = vec![
            // Length: 5 to 48 characters.
            case("hans", 4, vec![TooShort { length: 4 }], vec![]),
            case("hans1", 5, vec![], vec![]),
            case(&"a".repeat(48), 48, vec![], vec![]),
            case(&"a".repeat(49), 49, vec![TooLong { length: 49 }], vec![]),
            case("", 0, vec![TooShort { length: 0 }], vec![]),
            // Danish letters, in either case, and spaces inside.
            case("Åse Ørsted", 10, vec![], vec![]),
            case("ÆBLEGRØD æblegrød", 17, vec![], vec![]),
            // Every allowed symbol.
            case("a{}!#$^,*()_+-=:;?.@z", 21, vec![], vec![]),
            // Other letters are not allowed.
            case(
                "jürgen",
                6,
                vec![NotAllowed {
                    characters: vec!['ü'],
                }],
                vec![],
            ),
            case(
                "hans€",
                5,
                vec![NotAllowed {
                    characters: vec!['€'],
                }],
                vec![],
            ),
            case(
                "Renée Müßig",
                11,
                vec![NotAllowed {
                    characters: vec!['é', 'ü', 'ß'],
                }],
                vec![],
            ),
            case(
                "hans😀",
                5,
                vec![NotAllowed {
                    characters: vec!['😀'],
                }],
                vec![],
            ),
            // Distinct characters, in order of appearance.
            case(
                "ö-ä-ö-ä-ñ",
                9,
                vec![NotAllowed {
                    characters: vec!['ö', 'ä', 'ñ'],
                }],
                vec![],
            ),
            // Symbols that look harmless but are not on the list.
            case(
                "hans&grete",
                10,
                vec![NotAllowed {
                    characters: vec!['&'],
                }],
                vec![],
            ),
            case(
                "hans\tgrete",
                10,
                vec![NotAllowed {
                    characters: vec!['\t'],
                }],
                vec![],
            ),
            // Spaces at the ends.
            case(" hans", 5, vec![StartsWithSpace], vec![]),
            case("hans ", 5, vec![EndsWithSpace], vec![]),
            case(" hans ", 6, vec![StartsWithSpace, EndsWithSpace], vec![]),
            // Ten digits: rejected when that is the whole UserID, a warning otherwise.
            case("0101901234", 10, vec![TenDigits], vec![]),
            case("1234567890", 10, vec![TenDigits], vec![]),
            case("010190-1234", 11, vec![], vec![LooksLikeCpr]),
            case("hans 010190 1234", 16, vec![], vec![LooksLikeCpr]),
            case("hans0101901234", 14, vec![], vec![LooksLikeCpr]),
            case("hans1234567890", 14, vec![], vec![ContainsTenDigits]),
            case("12345678901", 11, vec![], vec![ContainsTenDigits]),
            case(
                "0101901234 1234567890",
                21,
                vec![],
                vec![LooksLikeCpr, ContainsTenDigits],
            ),
            // Nine digits and shorter CPR-like things are fine.
            case("123456789", 9, vec![], vec![]),
            case("hans 0101-1990", 14, vec![], vec![]),
            // A pure number or pure letter UserID is fine (seed page).
            case("12345", 5, vec![], vec![]),
        ];
        for (input, length, problems, warnings) in cases {
            let check = check_userid(&input);
            assert_eq!(
                check,
                UserIdCheck {
                    length,
                    problems: problems.clone(),
                    warnings
                },
                "input: {input:?}"
            );
            assert_eq!(check.is_allowed(), problems.is_empty(), "input: {input:?}");
        }
    }

    #[test]
    fn decomposed_letters_are_normalised_before_checking_and_counting() {
        // "Åse Ørsted" as an iPhone might send it: Å = A + combining ring above.
        // Ø has no decomposition, so it stays one code point.
        let nfd = "A\u{30A}se \u{D8}rsted";
        assert_eq!(nfd.chars().count(), 11);
        let check = check_userid(nfd);
        assert!(check.is_allowed(), "{check:?}");
        assert_eq!(check.length, 10);

        // "åååå" + "a" decomposed is 9 code points but 5 letters: long enough.
        let check = check_userid("a\u{30A}a\u{30A}a\u{30A}a\u{30A}a");
        assert_eq!(check.length, 5);
        assert!(check.is_allowed());

        // A decomposed ü is still ü after NFC: not allowed, reported as one character.
        let check = check_userid("ju\u{308}rgen");
        assert_eq!(check.length, 6);
        assert_eq!(
            check.problems,
            vec![NotAllowed {
                characters: vec!['ü']
            }]
        );
    }

    #[test]
    fn emoji_are_rejected_however_they_are_built() {
        // Thumbs up with skin tone: two code points, both reported.
        let check = check_userid("hans\u{1F44D}\u{1F3FD}");
        assert!(!check.is_allowed());
        assert_eq!(
            check.problems,
            vec![NotAllowed {
                characters: vec!['\u{1F44D}', '\u{1F3FD}']
            }]
        );
    }

    #[test]
    fn several_problems_are_all_returned() {
        let check = check_userid(" ü ");
        assert_eq!(
            check.problems,
            vec![
                TooShort { length: 3 },
                NotAllowed {
                    characters: vec!['ü']
                },
                StartsWithSpace,
                EndsWithSpace,
            ]
        );

        let long = format!(" {}€ ", "x".repeat(50));
        let check = check_userid(&long);
        assert_eq!(
            check.problems,
            vec![
                TooLong { length: 53 },
                NotAllowed {
                    characters: vec!['€']
                },
                StartsWithSpace,
                EndsWithSpace,
            ]
        );

        // Problems and warnings together.
        let check = check_userid("jürgen 010190-1234 ");
        assert_eq!(
            check.problems,
            vec![
                NotAllowed {
                    characters: vec!['ü']
                },
                EndsWithSpace
            ]
        );
        assert_eq!(check.warnings, vec![LooksLikeCpr]);
    }
}
