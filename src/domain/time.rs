//! The Copenhagen clock: turning a date the citizen typed (read by [`super::when`]) into
//! an instant.
//!
//! Source: mitid-rules.md §2 (the witness's 30 days are 720 elapsed hours: "read both moments
//! in Europe/Copenhagen local time, convert to UTC, subtract"; "when the witness only knows the
//! date, assume the end of that day").
//!
//! Must not: look at the system clock. Callers pass "now" or the appointment in.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// The municipality's time zone: every date a citizen types is local time here.
pub const ZONE: chrono_tz::Tz = chrono_tz::Europe::Copenhagen;

/// A date the citizen typed, with or without a time of day (local Copenhagen time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DateReading {
    DateTime(NaiveDateTime),
    Date(NaiveDate),
}

/// Which way to resolve a reading that could mean more than one instant.
///
/// Pick the one that gives the safer advice. For the witness check: the moment the witness got
/// MitID with [`Safer::Latest`] (they may have got it late that day), the appointment with
/// [`Safer::Earliest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Safer {
    Earliest,
    Latest,
}

/// Turns a local Copenhagen reading into a UTC instant (mitid-rules.md §2).
///
/// - A date alone: [`Safer::Latest`] gives the end of that day (00:00 local on the next day),
///   [`Safer::Earliest`] the start of that day (00:00 local).
/// - A local time that happens twice (the autumn change, 02:00–03:00 on the last Sunday of
///   October): `Latest` gives the later instant, `Earliest` the earlier.
/// - A local time that does not exist (the spring gap, 02:00–03:00 on the last Sunday of
///   March): the first instant after the gap (03:00 summer time), whichever `safer`.
pub fn to_utc(reading: &DateReading, safer: Safer) -> DateTime<Utc> {
    match *reading {
        DateReading::DateTime(local) => local_to_utc(local, safer),
        DateReading::Date(day) => {
            let midnight = match safer {
                Safer::Earliest => Some(day),
                Safer::Latest => day.succ_opt(),
            };
            match midnight {
                Some(day) => local_to_utc(day.and_time(NaiveTime::MIN), safer),
                // The last day chrono can represent: its last second is as late as it gets.
                None => {
                    let last_second = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
                    local_to_utc(day.and_time(last_second), safer)
                }
            }
        }
    }
}

fn local_to_utc(local: NaiveDateTime, safer: Safer) -> DateTime<Utc> {
    match ZONE.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
            match safer {
                Safer::Earliest => a.min(b),
                Safer::Latest => a.max(b),
            }
        }
        LocalResult::None => first_instant_after_gap(local),
    }
}

/// The first instant whose local time is at or after `local`, for a `local` inside a gap.
///
/// Binary search over UTC seconds in a window of a day either side: local time rises with UTC
/// there (a gap and an autumn change are never that close).
fn first_instant_after_gap(local: NaiveDateTime) -> DateTime<Utc> {
    let as_utc = local.and_utc();
    let local_at = |seconds: i64| {
        DateTime::from_timestamp(seconds, 0)
            .map(|instant| instant.with_timezone(&ZONE).naive_local())
    };
    const DAY: i64 = 24 * 60 * 60;
    let (mut before, mut after) = (as_utc.timestamp() - DAY, as_utc.timestamp() + DAY);
    // Invariant: local(before) < local <= local(after), in whole UTC seconds.
    while after - before > 1 {
        let middle = before + (after - before) / 2;
        match local_at(middle) {
            Some(middle_local) if middle_local < local => before = middle,
            Some(_) => after = middle,
            None => return as_utc,
        }
    }
    DateTime::from_timestamp(after, 0).unwrap_or(as_utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: u32, m: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn local(d: u32, m: u32, y: i32, h: u32, min: u32) -> NaiveDateTime {
        date(d, m, y).and_hms_opt(h, min, 0).unwrap()
    }

    fn utc(d: u32, m: u32, y: i32, h: u32, min: u32) -> DateTime<Utc> {
        local(d, m, y, h, min).and_utc()
    }

    #[test]
    fn local_times_become_the_right_instants() {
        use DateReading::*;
        use Safer::*;
        let cases = [
            // Winter time is UTC+1, summer time UTC+2.
            (
                DateTime(local(10, 3, 2026, 12, 0)),
                Earliest,
                utc(10, 3, 2026, 11, 0),
            ),
            (
                DateTime(local(9, 4, 2026, 12, 0)),
                Latest,
                utc(9, 4, 2026, 10, 0),
            ),
            // A date alone: start or end of the local day.
            (Date(date(10, 3, 2026)), Earliest, utc(9, 3, 2026, 23, 0)),
            (Date(date(10, 3, 2026)), Latest, utc(10, 3, 2026, 23, 0)),
            (Date(date(1, 7, 2026)), Latest, utc(1, 7, 2026, 22, 0)),
            // The day of the spring change is 23 hours long.
            (Date(date(29, 3, 2026)), Earliest, utc(28, 3, 2026, 23, 0)),
            (Date(date(29, 3, 2026)), Latest, utc(29, 3, 2026, 22, 0)),
            // Spring gap: 02:30 does not exist on 29.03.2026; the first instant after the gap
            // is 03:00 summer time = 01:00 UTC.
            (
                DateTime(local(29, 3, 2026, 2, 30)),
                Earliest,
                utc(29, 3, 2026, 1, 0),
            ),
            (
                DateTime(local(29, 3, 2026, 2, 30)),
                Latest,
                utc(29, 3, 2026, 1, 0),
            ),
            (
                DateTime(local(29, 3, 2026, 2, 0)),
                Latest,
                utc(29, 3, 2026, 1, 0),
            ),
            (
                DateTime(local(29, 3, 2026, 3, 0)),
                Earliest,
                utc(29, 3, 2026, 1, 0),
            ),
            // Autumn change: 02:30 on 25.10.2026 happens twice.
            (
                DateTime(local(25, 10, 2026, 2, 30)),
                Earliest,
                utc(25, 10, 2026, 0, 30),
            ),
            (
                DateTime(local(25, 10, 2026, 2, 30)),
                Latest,
                utc(25, 10, 2026, 1, 30),
            ),
        ];
        for (reading, safer, expected) in cases {
            assert_eq!(to_utc(&reading, safer), expected, "{reading:?} {safer:?}");
        }
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        let _ = to_utc(&DateReading::Date(NaiveDate::MAX), Safer::Latest);
        let _ = to_utc(&DateReading::Date(NaiveDate::MIN), Safer::Earliest);
        let _ = to_utc(&DateReading::DateTime(NaiveDateTime::MAX), Safer::Latest);
        let _ = to_utc(&DateReading::DateTime(NaiveDateTime::MIN), Safer::Earliest);
    }
}
