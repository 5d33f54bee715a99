//! The Copenhagen clock: reading a date the citizen typed and turning it into an instant.
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

/// Why a typed date could not be read. The messages are for developers; the dialogue layer
/// shows its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
pub enum DateError {
    /// Not in a shape we read (e.g. "next Tuesday", "2026-03-10").
    #[error("not a date of the form DD.MM.YYYY [HH:MM]")]
    Unreadable,
    /// The right shape, but no such day or time (e.g. 31.02.2026, 24:30).
    #[error("no such date or time")]
    NoSuchDate,
}

/// Reads `DD.MM.YYYY`, optionally followed by a time `HH:MM` or `HH.MM`.
///
/// Also accepted: one-digit day, month and hour (`1.3.2026 9:05`), `kl.` (or `kl`) between
/// date and time (`10.03.2026 kl. 12.00`), and whitespace around the parts. The year must have
/// four digits (a two-digit year is ambiguous). Nothing else yet; a friendlier reader comes
/// later. Source: the Danish way of writing dates (design notes: "3. december kl. 10.00").
pub fn read_date(text: &str) -> Result<DateReading, DateError> {
    let text = text.trim();
    let (date_part, rest) = match text.find(char::is_whitespace) {
        Some(index) => (&text[..index], text[index..].trim_start()),
        None => (text, ""),
    };
    let date = read_day(date_part)?;
    if rest.is_empty() {
        return Ok(DateReading::Date(date));
    }
    let time_part = strip_prefix_ignore_case(rest, "kl.")
        .or_else(|| strip_prefix_ignore_case(rest, "kl"))
        .unwrap_or(rest)
        .trim_start();
    let time = read_time(time_part)?;
    Ok(DateReading::DateTime(date.and_time(time)))
}

/// Reads `D.M.YYYY` / `DD.MM.YYYY`.
fn read_day(text: &str) -> Result<NaiveDate, DateError> {
    let mut parts = text.split('.');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateError::Unreadable);
    };
    let day = number(day, 1..=2)?;
    let month = number(month, 1..=2)?;
    let year = number(year, 4..=4)?;
    let year = i32::try_from(year).map_err(|_| DateError::Unreadable)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDate)
}

/// Reads `H:MM`, `HH:MM`, `H.MM` or `HH.MM`.
fn read_time(text: &str) -> Result<NaiveTime, DateError> {
    let (hour, minute) = text
        .split_once(':')
        .or_else(|| text.split_once('.'))
        .ok_or(DateError::Unreadable)?;
    let hour = number(hour, 1..=2)?;
    let minute = number(minute, 2..=2)?;
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or(DateError::NoSuchDate)
}

/// An unsigned number of ASCII digits whose count lies in `digits`.
fn number(text: &str, digits: std::ops::RangeInclusive<usize>) -> Result<u32, DateError> {
    if !digits.contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Unreadable);
    }
    text.parse().map_err(|_| DateError::Unreadable)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
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
    fn reads_dates_as_danes_write_them() {
        use DateReading::*;
        let cases: Vec<(&str, Result<DateReading, DateError>)> = vec![
            ("10.03.2026", Ok(Date(date(10, 3, 2026)))),
            ("  10.03.2026  ", Ok(Date(date(10, 3, 2026)))),
            ("1.3.2026", Ok(Date(date(1, 3, 2026)))),
            ("10.03.2026 12:00", Ok(DateTime(local(10, 3, 2026, 12, 0)))),
            ("10.03.2026 12.00", Ok(DateTime(local(10, 3, 2026, 12, 0)))),
            (
                "10.03.2026 kl. 12.00",
                Ok(DateTime(local(10, 3, 2026, 12, 0))),
            ),
            (
                "10.03.2026 Kl.12:00",
                Ok(DateTime(local(10, 3, 2026, 12, 0))),
            ),
            ("10.03.2026 kl 9:05", Ok(DateTime(local(10, 3, 2026, 9, 5)))),
            (
                "10.03.2026\t 00:00 ",
                Ok(DateTime(local(10, 3, 2026, 0, 0))),
            ),
            ("29.02.2028", Ok(Date(date(29, 2, 2028)))),
            // Right shape, impossible value.
            ("29.02.2026", Err(DateError::NoSuchDate)),
            ("31.04.2026", Err(DateError::NoSuchDate)),
            ("00.04.2026", Err(DateError::NoSuchDate)),
            ("10.13.2026", Err(DateError::NoSuchDate)),
            ("10.03.2026 24:00", Err(DateError::NoSuchDate)),
            ("10.03.2026 12:60", Err(DateError::NoSuchDate)),
            // Shapes we do not read (yet).
            ("", Err(DateError::Unreadable)),
            ("i morgen", Err(DateError::Unreadable)),
            ("2026-03-10", Err(DateError::Unreadable)),
            ("10/03/2026", Err(DateError::Unreadable)),
            ("10.03.26", Err(DateError::Unreadable)),
            ("10.03.2026.", Err(DateError::Unreadable)),
            ("10.03.2026 12", Err(DateError::Unreadable)),
            ("10.03.2026 12:0", Err(DateError::Unreadable)),
            ("10.03.2026 kl.", Err(DateError::Unreadable)),
            ("10.03.2026 12:00 extra", Err(DateError::Unreadable)),
            ("+1.03.2026", Err(DateError::Unreadable)),
            ("１0.03.2026", Err(DateError::Unreadable)),
            ("10.03.2026 kø", Err(DateError::Unreadable)),
        ];
        for (text, expected) in cases {
            assert_eq!(read_date(text), expected, "text: {text:?}");
        }
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
