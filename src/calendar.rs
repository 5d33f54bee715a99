//! The appointment as a calendar file (iCalendar, RFC 5545): one `VEVENT` with two alarms,
//! the evening before (at the reminder time, local Copenhagen time) and a few hours
//! before. A channel that cannot push a reminder (the web chat) offers this file instead;
//! it works on Telegram too.
//!
//! Times are written in UTC (`...Z`), so the file needs no time zone definition and every
//! calendar shows the right local time. Lines end in CRLF and are folded at 75 octets,
//! never inside a UTF-8 character; text values are escaped (`\\`, `;`, `,`, newlines).
//!
//! Any channel gets the file with [`for_appointment`] (the web chat's `/calendar.ics`;
//! Telegram can send the same bytes as a document).
//!
//! Must not: put anything about the conversation in the file but the appointment and the
//! texts of `locales/*/web.ftl` (`calendar-*`): no conversation id (the `UID` is made from
//! the appointment time alone), no answers.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use crate::dialogue::engine::Engine;
use crate::domain::time::{to_utc, DateReading, Safer, ZONE};
use crate::i18n::{moment_args, Lang, Msg};

/// The calendar file for an appointment at `at`, in `lang`, with the alarms at the
/// reminder times of the settings (`reminder_evening`, `reminder_before_hours`).
pub fn for_appointment(
    engine: &Engine,
    lang: Lang,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> String {
    let say = |id: &str| {
        let mut msg = Msg::new(id);
        msg.args.extend(moment_args("appointment", at));
        engine.i18n.render(lang, &msg, &engine.globals)
    };
    let text = EventText {
        summary: say("calendar-summary"),
        location: say("calendar-location"),
        description: say("calendar-description"),
        alarm_evening: say("calendar-alarm-evening"),
        alarm_soon: say("calendar-alarm-soon"),
    };
    let g = &engine.globals;
    appointment_ics(
        at,
        &text,
        Alarms {
            evening: g.reminder_evening,
            before_hours: g.reminder_before_hours,
        },
        now,
    )
}

/// The words of the event, in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventText {
    pub summary: String,
    pub location: String,
    pub description: String,
    /// What the evening alarm says.
    pub alarm_evening: String,
    /// What the alarm a few hours before says.
    pub alarm_soon: String,
}

/// When the alarms ring: the local time of the evening before (hour, minute) and the hours
/// before the appointment (the same settings as the Telegram reminders).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alarms {
    pub evening: (u32, u32),
    pub before_hours: u32,
}

/// How long the event is shown in the calendar; Borgerservice's appointments are short.
const LENGTH_MINUTES: i64 = 30;

/// The calendar file for an appointment at `start`. `stamp` is when the file was made.
pub fn appointment_ics(
    start: DateTime<Utc>,
    text: &EventText,
    alarms: Alarms,
    stamp: DateTime<Utc>,
) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//mitid-bot//MitID appointment//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:mitid-appointment-{}@mitid-bot", start.timestamp()),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(start)),
        format!("DTEND:{}", utc(start + Duration::minutes(LENGTH_MINUTES))),
        format!("SUMMARY:{}", escape(&text.summary)),
        format!("LOCATION:{}", escape(&text.location)),
        format!("DESCRIPTION:{}", escape(&text.description)),
    ];
    if let Some(at) = evening_before(start, alarms.evening) {
        lines.extend([
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("TRIGGER;VALUE=DATE-TIME:{}", utc(at)),
            format!("DESCRIPTION:{}", escape(&text.alarm_evening)),
            "END:VALARM".into(),
        ]);
    }
    lines.extend([
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("TRIGGER;RELATED=START:-PT{}H", alarms.before_hours),
        format!("DESCRIPTION:{}", escape(&text.alarm_soon)),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]);
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// The evening before `start` at `evening` local time, as UTC (around a clock change the
/// earlier of two readings).
fn evening_before(start: DateTime<Utc>, (h, m): (u32, u32)) -> Option<DateTime<Utc>> {
    let day = start.with_timezone(&ZONE).date_naive().pred_opt()?;
    let time = NaiveTime::from_hms_opt(h, m, 0)?;
    Some(to_utc(
        &DateReading::DateTime(day.and_time(time)),
        Safer::Earliest,
    ))
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to at most 75 octets a line (RFC 5545 §3.1), each line ending in
/// CRLF and each continuation starting with one space.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A small reader, written from RFC 5545 rather than from the writer above: unfolds,
    /// splits each line into name (with parameters) and value, unescapes TEXT.
    fn parse(ics: &str) -> Vec<(String, String)> {
        assert!(ics.ends_with("\r\n"), "the file ends with CRLF");
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "every line break is CRLF"
        );
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "a line is longer than 75 octets: {physical:?}"
            );
        }
        let unfolded = ics.replace("\r\n ", "");
        unfolded
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (name, value) = l.split_once(':').expect("name:value");
                let mut v = String::new();
                let mut chars = value.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        match chars.next() {
                            Some('n') | Some('N') => v.push('\n'),
                            Some(o) => v.push(o),
                            None => panic!("a lone backslash"),
                        }
                    } else {
                        v.push(c);
                    }
                }
                (name.to_string(), v)
            })
            .collect()
    }

    fn get<'a>(props: &'a [(String, String)], name: &str) -> Vec<&'a str> {
        props
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn text() -> EventText {
        EventText {
            summary: "MitID-aftale hos Borgerservice, Aabenraa Kommune".into(),
            location: "Rådhuset; Skelbækvej, Aabenraa".into(),
            description: "Husk:\n• pas\n• sundhedskort, gult\\grønt ".repeat(5),
            alarm_evening: "I morgen: MitID hos Borgerservice".into(),
            alarm_soon: "Om lidt: MitID hos Borgerservice".into(),
        }
    }

    const ALARMS: Alarms = Alarms {
        evening: (18, 0),
        before_hours: 2,
    };

    #[test]
    fn thursday_at_half_past_nine_with_alarms_the_evening_before_and_two_hours_before() {
        // Thursday 3 December 2026, 9:30 in Aabenraa = 8:30 UTC.
        let start = ZONE
            .with_ymd_and_hms(2026, 12, 3, 9, 30, 0)
            .unwrap()
            .with_timezone(&Utc);
        let stamp = Utc.with_ymd_and_hms(2026, 12, 1, 11, 0, 0).unwrap();
        let ics = appointment_ics(start, &text(), ALARMS, stamp);
        let p = parse(&ics);
        assert_eq!(p.first().unwrap().1, "VCALENDAR");
        assert_eq!(get(&p, "VERSION"), ["2.0"]);
        assert_eq!(get(&p, "DTSTART"), ["20261203T083000Z"]);
        assert_eq!(get(&p, "DTEND"), ["20261203T090000Z"]);
        assert_eq!(
            get(&p, "SUMMARY"),
            ["MitID-aftale hos Borgerservice, Aabenraa Kommune"]
        );
        assert_eq!(get(&p, "LOCATION"), ["Rådhuset; Skelbækvej, Aabenraa"]);
        let description = get(&p, "DESCRIPTION");
        assert_eq!(
            description[0],
            text().description,
            "escaped and unescaped whole"
        );
        // 18:00 on Wednesday 2 December in Copenhagen is 17:00 UTC.
        assert_eq!(get(&p, "TRIGGER;VALUE=DATE-TIME"), ["20261202T170000Z"]);
        assert_eq!(get(&p, "TRIGGER;RELATED=START"), ["-PT2H"]);
        assert_eq!(
            p.iter()
                .filter(|(n, v)| n == "BEGIN" && v == "VALARM")
                .count(),
            2
        );
        assert_eq!(
            get(&p, "DESCRIPTION")[1..],
            [
                "I morgen: MitID hos Borgerservice",
                "Om lidt: MitID hos Borgerservice"
            ]
        );
        assert_eq!(p.last().unwrap(), &("END".into(), "VCALENDAR".into()));
    }

    #[test]
    fn the_evening_alarm_follows_local_time_in_summer() {
        // Monday 30 March 2026, the day after the clocks went forward: 18:00 on Sunday
        // is 16:00 UTC.
        let start = ZONE
            .with_ymd_and_hms(2026, 3, 30, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let p = parse(&appointment_ics(start, &text(), ALARMS, start));
        assert_eq!(get(&p, "TRIGGER;VALUE=DATE-TIME"), ["20260329T160000Z"]);
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_escapes_survive() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", escape(&"æøå, ;\\\n".repeat(40)));
        fold(&line, &mut out);
        assert!(out.lines().count() > 3);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?}");
        }
        let p = parse(&out);
        assert_eq!(p[0].1, "æøå, ;\\\n".repeat(40));
    }

    #[test]
    fn the_file_speaks_the_persons_language_and_carries_the_phone_number() {
        let engine = crate::check::load(
            &crate::content::ContentSource::embedded(),
            crate::i18n::Globals::default(),
        )
        .expect("content loads");
        let start = ZONE
            .with_ymd_and_hms(2026, 12, 3, 9, 30, 0)
            .unwrap()
            .with_timezone(&Utc);
        let p = parse(&for_appointment(&engine, Lang::De, start, start));
        assert_eq!(
            get(&p, "SUMMARY"),
            ["MitID beim Bürgerservice, Aabenraa Kommune"]
        );
        assert!(get(&p, "LOCATION")[0].contains("Skelbækvej"));
        assert!(
            get(&p, "DESCRIPTION")[0].contains("+45 73 76 76 76"),
            "{:?}",
            get(&p, "DESCRIPTION")
        );
        assert_eq!(get(&p, "TRIGGER;VALUE=DATE-TIME"), ["20261202T170000Z"]);
    }
}
