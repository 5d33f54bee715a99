//! The witness: how likely the citizen needs one, and whether a person qualifies as one.
//!
//! Source: mitid-rules.md §2 (seed page "CPR questions or a witness", checked against mitid.dk).
//!
//! Must not: read the clock or parse text. Moments arrive as UTC instants; use
//! [`super::time::to_utc`] with [`super::time::Safer::Latest`] for the witness's MitID date and
//! [`super::time::Safer::Earliest`] for the appointment.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Where the citizen lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Residence {
    Denmark,
    /// Outside Denmark, e.g. in Germany while working in Denmark.
    Abroad,
}

/// What the citizen told the bot about their history in the CPR register. `None`: not asked
/// (e.g. the Denmark questions for someone living abroad) or not answered; it adds no reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResidencyFacts {
    /// Renewal: did they need a witness the last time they got MitID?
    pub needed_witness_last_time: Option<bool>,
    pub residence: Residence,
    /// Have they lived in Denmark less than 5 years?
    pub under_five_years_in_denmark: Option<bool>,
    /// Have they rarely moved?
    pub rarely_moved: Option<bool>,
    /// Do they have children?
    pub has_children: Option<bool>,
}

/// How likely a witness is needed. Never "certain": the rules say "likely", at most
/// "almost certain" (mitid-rules.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WitnessLikelihood {
    /// No known reason; a witness can still be needed (say what to do then).
    Unlikely,
    Likely,
    AlmostCertain,
}

/// Why a witness may be needed (mitid-rules.md §2, one variant per row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WitnessReason {
    /// Needed a witness the last time (almost certain; seed page FAQ and §6 "Renewal").
    NeededLastTime,
    /// Lives outside Denmark (mitid.dk recommends always bringing one).
    LivesAbroad,
    /// Has lived in Denmark less than 5 years.
    UnderFiveYears,
    /// Has rarely moved and has no children: little history in the CPR register.
    LittleHistory,
}

/// The forecast: how likely, and every reason that applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WitnessForecast {
    pub likelihood: WitnessLikelihood,
    /// Every reason that applies, in the order of [`WitnessReason`]; empty when unlikely.
    pub reasons: Vec<WitnessReason>,
}

/// How likely the citizen needs a witness (mitid-rules.md §2, "Three levels").
///
/// Needed one last time: almost certain, whatever else is true. Otherwise any of lives abroad,
/// under 5 years in Denmark, or rarely moved **and** no children: likely. Otherwise unlikely.
/// An unanswered question (`None`) is no reason; "rarely moved" counts only together with a
/// clear "no children".
pub fn forecast_witness(facts: &ResidencyFacts) -> WitnessForecast {
    let mut reasons = Vec::new();
    if facts.needed_witness_last_time == Some(true) {
        reasons.push(WitnessReason::NeededLastTime);
    }
    if facts.residence == Residence::Abroad {
        reasons.push(WitnessReason::LivesAbroad);
    }
    if facts.under_five_years_in_denmark == Some(true) {
        reasons.push(WitnessReason::UnderFiveYears);
    }
    if facts.rarely_moved == Some(true) && facts.has_children == Some(false) {
        reasons.push(WitnessReason::LittleHistory);
    }
    let likelihood = if reasons.contains(&WitnessReason::NeededLastTime) {
        WitnessLikelihood::AlmostCertain
    } else if reasons.is_empty() {
        WitnessLikelihood::Unlikely
    } else {
        WitnessLikelihood::Likely
    };
    WitnessForecast {
        likelihood,
        reasons,
    }
}

/// The photo ID a witness brings (mitid-rules.md §2, "bring ... a valid photo ID").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WitnessPhotoId {
    DanishDrivingLicence,
    DanishPassportWithCpr,
    DanishPassportWithoutCpr,
    ResidencePermitWithCpr,
    ResidencePermitWithoutCpr,
    ForeignPassport,
    /// A national ID card with photo from another country.
    ForeignIdCard,
}

impl WitnessPhotoId {
    /// True if this photo ID shows the CPR number; if not, the witness must also bring a CPR
    /// document (mitid-rules.md §2: "every foreign ID, and a Danish passport or permit
    /// without it"; seed page: "Witnesses with non-danish ID must also bring ...").
    pub fn shows_cpr(self) -> bool {
        matches!(
            self,
            WitnessPhotoId::DanishDrivingLicence
                | WitnessPhotoId::DanishPassportWithCpr
                | WitnessPhotoId::ResidencePermitWithCpr
        )
    }
}

/// What the citizen knows about the person they want to bring as a witness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WitnessCandidate {
    /// At least 18 years old.
    pub adult: bool,
    /// When the witness got their own MitID (see [`super::time::to_utc`] with `Latest`).
    pub mitid_since: DateTime<Utc>,
    /// Times they were a witness in the last 120 days; 3 means 3 or more.
    pub witnessed_last_120_days: u8,
    /// The photo ID they will bring, if known.
    pub photo_id: Option<WitnessPhotoId>,
}

/// A reason the person cannot be the witness at that appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WitnessProblem {
    /// Under 18 (mitid-rules.md §2 and §5).
    Under18,
    /// Has had MitID for less than 720 hours at the appointment; can be a witness from
    /// `eligible_from` on.
    MitIdTooRecent { eligible_from: DateTime<Utc> },
    /// Already a witness 3 or more times in the last 120 days.
    TooManyWitnessings,
}

/// The verdict on a witness candidate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WitnessCheck {
    /// Every problem, in the order of [`WitnessProblem`]; empty when the person qualifies.
    pub problems: Vec<WitnessProblem>,
    /// The first instant at which their MitID is old enough (MitID date + 720 hours).
    pub eligible_from: DateTime<Utc>,
    /// The witness must also bring a CPR document: their photo ID does not show the CPR
    /// number, or we do not know which photo ID they bring. Not a problem: advice to bring.
    pub needs_cpr_document: bool,
}

impl WitnessCheck {
    /// True if the person can be the witness at that appointment (they must still bring their
    /// MitID, photo ID and, if [`WitnessCheck::needs_cpr_document`], a CPR document).
    pub fn qualifies(&self) -> bool {
        self.problems.is_empty()
    }
}

/// How long the witness must have had MitID: 30 full days of 24 hours, in elapsed hours.
/// Source: mitid-rules.md §2 (seed page "no less than 30 full days (30 x 24 hours)"; the
/// municipality's counter reading, stricter than mitid.dk's "more than 30 days"; older pages'
/// 10 days are outdated).
pub const WITNESS_WAIT_HOURS: i64 = 720;

/// Most witnessings in the last 120 days that still allow another one today.
/// Source: mitid-rules.md §2 ("at most 2 times in the last 120 days"; seed page "can not have
/// been witness for more than 2 others within the past 120 days").
pub const MAX_EARLIER_WITNESSINGS: u8 = 2;

/// Checks whether `candidate` can be the witness at `appointment` (mitid-rules.md §2).
///
/// Qualifies iff adult, `appointment - mitid_since >= 720 hours` of elapsed real time (both
/// instants in UTC, so a daylight-saving change in between moves the local clock time by an
/// hour), and at most 2 earlier witnessings in the last 120 days. Every problem is returned.
pub fn check_witness(candidate: &WitnessCandidate, appointment: DateTime<Utc>) -> WitnessCheck {
    // Only reachable for instants at the very end of chrono's range: never eligible then.
    let eligible_from = candidate
        .mitid_since
        .checked_add_signed(Duration::hours(WITNESS_WAIT_HOURS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);

    let mut problems = Vec::new();
    if !candidate.adult {
        problems.push(WitnessProblem::Under18);
    }
    if appointment < eligible_from {
        problems.push(WitnessProblem::MitIdTooRecent { eligible_from });
    }
    if candidate.witnessed_last_120_days > MAX_EARLIER_WITNESSINGS {
        problems.push(WitnessProblem::TooManyWitnessings);
    }

    WitnessCheck {
        problems,
        eligible_from,
        needs_cpr_document: !candidate.photo_id.is_some_and(WitnessPhotoId::shows_cpr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::{to_utc, DateReading, Safer};

    /// `DD.MM.YYYY [HH:MM]`, local Copenhagen time.
    fn reading(text: &str) -> DateReading {
        chrono::NaiveDateTime::parse_from_str(text, "%d.%m.%Y %H:%M")
            .map(DateReading::DateTime)
            .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d.%m.%Y").map(DateReading::Date))
            .unwrap()
    }

    /// A typed witness MitID date, read the safer way (latest).
    fn since(text: &str) -> DateTime<Utc> {
        to_utc(&reading(text), Safer::Latest)
    }

    /// A typed appointment, read the safer way (earliest).
    fn at(text: &str) -> DateTime<Utc> {
        to_utc(&reading(text), Safer::Earliest)
    }

    fn candidate(mitid_since: DateTime<Utc>) -> WitnessCandidate {
        WitnessCandidate {
            adult: true,
            mitid_since,
            witnessed_last_120_days: 0,
            photo_id: Some(WitnessPhotoId::DanishDrivingLicence),
        }
    }

    #[test]
    fn likelihood_for_every_row_of_the_rules() {
        use Residence::*;
        use WitnessLikelihood::*;
        use WitnessReason::*;
        let facts = |last: Option<bool>,
                     residence: Residence,
                     under_five: Option<bool>,
                     rarely_moved: Option<bool>,
                     children: Option<bool>| ResidencyFacts {
            needed_witness_last_time: last,
            residence,
            under_five_years_in_denmark: under_five,
            rarely_moved,
            has_children: children,
        };
        let n = None;
        let (yes, no) = (Some(true), Some(false));
        let cases = [
            // Needed one last time: almost certain, and it beats everything.
            (
                facts(yes, Denmark, no, no, yes),
                AlmostCertain,
                vec![NeededLastTime],
            ),
            (
                facts(yes, Abroad, yes, yes, no),
                AlmostCertain,
                vec![NeededLastTime, LivesAbroad, UnderFiveYears, LittleHistory],
            ),
            // Lives abroad: likely.
            (facts(no, Abroad, n, n, n), Likely, vec![LivesAbroad]),
            (facts(n, Abroad, no, no, yes), Likely, vec![LivesAbroad]),
            // Under 5 years in Denmark: likely.
            (
                facts(no, Denmark, yes, no, yes),
                Likely,
                vec![UnderFiveYears],
            ),
            // Rarely moved and no children: likely.
            (facts(no, Denmark, no, yes, no), Likely, vec![LittleHistory]),
            // Rarely moved but has children, or moved but no children: not that row.
            (facts(no, Denmark, no, yes, yes), Unlikely, vec![]),
            (facts(no, Denmark, no, no, no), Unlikely, vec![]),
            (facts(no, Denmark, no, yes, n), Unlikely, vec![]),
            // Several reasons: still likely, all named.
            (
                facts(no, Denmark, yes, yes, no),
                Likely,
                vec![UnderFiveYears, LittleHistory],
            ),
            // Otherwise unlikely.
            (facts(no, Denmark, no, no, yes), Unlikely, vec![]),
            (facts(n, Denmark, n, n, n), Unlikely, vec![]),
        ];
        for (facts, likelihood, reasons) in cases {
            assert_eq!(
                forecast_witness(&facts),
                WitnessForecast {
                    likelihood,
                    reasons
                },
                "{facts:?}"
            );
        }
    }

    #[test]
    fn exactly_720_hours_qualifies_one_minute_less_does_not() {
        let got = since("01.06.2026 12:00");
        let check = check_witness(&candidate(got), at("01.07.2026 12:00"));
        assert!(check.qualifies(), "{check:?}");
        assert_eq!(check.eligible_from, got + Duration::hours(720));

        let check = check_witness(&candidate(got), at("01.07.2026 11:59"));
        assert!(!check.qualifies());
        assert_eq!(
            check.problems,
            vec![WitnessProblem::MitIdTooRecent {
                eligible_from: at("01.07.2026 12:00")
            }]
        );
    }

    #[test]
    fn spring_forward_makes_the_local_wait_an_hour_longer() {
        // 29.03.2026 the clocks go from 02:00 to 03:00: 30 calendar days are 719 hours.
        let got = since("10.03.2026 12:00");
        let check = check_witness(&candidate(got), at("09.04.2026 12:00"));
        assert!(!check.qualifies());
        assert_eq!(at("09.04.2026 12:00") - got, Duration::hours(719));
        assert_eq!(check.eligible_from, at("09.04.2026 13:00"));
        assert!(check_witness(&candidate(got), at("09.04.2026 13:00")).qualifies());
        assert!(!check_witness(&candidate(got), at("09.04.2026 12:59")).qualifies());
    }

    #[test]
    fn fall_back_makes_the_local_wait_an_hour_shorter() {
        // 25.10.2026 the clocks go from 03:00 back to 02:00: 30 calendar days are 721 hours.
        let got = since("10.10.2026 12:00");
        let check = check_witness(&candidate(got), at("09.11.2026 11:00"));
        assert!(check.qualifies(), "{check:?}");
        assert_eq!(check.eligible_from, at("09.11.2026 11:00"));
        assert!(!check_witness(&candidate(got), at("09.11.2026 10:59")).qualifies());
    }

    #[test]
    fn a_witness_mitid_time_inside_the_autumn_hour_is_read_as_the_later_one() {
        // 02:30 on 25.10.2026 happens twice; the later one (01:30 UTC) is the safer reading.
        // 720 hours later it is 01:30 UTC = 02:30 winter time.
        let got = since("25.10.2026 02:30");
        assert_eq!(got, at("25.10.2026 03:30") - Duration::hours(1));
        assert!(check_witness(&candidate(got), at("24.11.2026 02:30")).qualifies());
        // The earlier reading would already have allowed 01:30.
        assert!(!check_witness(&candidate(got), at("24.11.2026 02:29")).qualifies());
        assert!(!check_witness(&candidate(got), at("24.11.2026 01:30")).qualifies());
    }

    #[test]
    fn a_mitid_date_without_time_means_the_end_of_that_day() {
        let got = since("01.06.2026");
        // Had it been the start of the day, this would qualify.
        assert!(!check_witness(&candidate(got), at("01.07.2026 23:59")).qualifies());
        assert!(check_witness(&candidate(got), at("02.07.2026 00:00")).qualifies());
        // An appointment given as a date alone is read as its start.
        assert!(check_witness(&candidate(got), at("02.07.2026")).qualifies());
        assert!(!check_witness(&candidate(got), at("01.07.2026")).qualifies());

        // Across the spring change the end of the day is 01:00 local, 30 days later.
        let got = since("10.03.2026");
        assert_eq!(
            check_witness(&candidate(got), at("10.04.2026")).eligible_from,
            at("10.04.2026 01:00")
        );
    }

    #[test]
    fn under_18_does_not_qualify() {
        let got = since("01.01.2026");
        let mut person = candidate(got);
        person.adult = false;
        let check = check_witness(&person, at("01.06.2026 10:00"));
        assert!(!check.qualifies());
        assert_eq!(check.problems, vec![WitnessProblem::Under18]);
    }

    #[test]
    fn at_most_two_earlier_witnessings() {
        let got = since("01.01.2026");
        for (count, qualifies) in [
            (0, true),
            (1, true),
            (2, true),
            (3, false),
            (u8::MAX, false),
        ] {
            let mut person = candidate(got);
            person.witnessed_last_120_days = count;
            let check = check_witness(&person, at("01.06.2026 10:00"));
            assert_eq!(check.qualifies(), qualifies, "count {count}");
            if !qualifies {
                assert_eq!(check.problems, vec![WitnessProblem::TooManyWitnessings]);
            }
        }
    }

    #[test]
    fn every_problem_is_returned() {
        let person = WitnessCandidate {
            adult: false,
            mitid_since: since("01.06.2026"),
            witnessed_last_120_days: 3,
            photo_id: None,
        };
        let check = check_witness(&person, at("10.06.2026 10:00"));
        assert_eq!(
            check.problems,
            vec![
                WitnessProblem::Under18,
                WitnessProblem::MitIdTooRecent {
                    eligible_from: at("02.07.2026")
                },
                WitnessProblem::TooManyWitnessings,
            ]
        );
    }

    #[test]
    fn photo_id_without_cpr_means_the_witness_brings_a_cpr_document() {
        use WitnessPhotoId::*;
        let cases = [
            (Some(DanishDrivingLicence), false),
            (Some(DanishPassportWithCpr), false),
            (Some(ResidencePermitWithCpr), false),
            (Some(DanishPassportWithoutCpr), true),
            (Some(ResidencePermitWithoutCpr), true),
            (Some(ForeignPassport), true),
            (Some(ForeignIdCard), true),
            // Unknown photo ID: the safer advice is to bring one.
            (None, true),
        ];
        let got = since("01.01.2026");
        for (photo_id, needs_cpr_document) in cases {
            let mut person = candidate(got);
            person.photo_id = photo_id;
            let check = check_witness(&person, at("01.06.2026 10:00"));
            assert_eq!(check.needs_cpr_document, needs_cpr_document, "{photo_id:?}");
            // Advice, not a problem: they still qualify.
            assert!(check.qualifies());
        }
    }

    #[test]
    fn the_end_of_time_does_not_panic() {
        let check = check_witness(
            &candidate(DateTime::<Utc>::MAX_UTC),
            DateTime::<Utc>::MAX_UTC,
        );
        assert_eq!(check.eligible_from, DateTime::<Utc>::MAX_UTC);
    }
}
