//! When the reminders of an appointment go out: the evening before (at the configured local
//! time, with the checklist) and a few hours before. Pure: the caller passes `now`.
//!
//! Must not: send anything or touch a store; the adapters schedule what [`plan`] returns.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::state::{Fact, Facts};
use crate::domain::time::{to_utc, DateReading, Safer, ZONE};
use crate::i18n::Globals;

/// Which reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReminderKind {
    /// The evening before, with the checklist.
    Evening,
    /// A short note a few hours before.
    Soon,
}

impl ReminderKind {
    pub fn code(self) -> u8 {
        match self {
            ReminderKind::Evening => 1,
            ReminderKind::Soon => 2,
        }
    }

    pub fn from_code(c: u8) -> Option<ReminderKind> {
        match c {
            1 => Some(ReminderKind::Evening),
            2 => Some(ReminderKind::Soon),
            _ => None,
        }
    }
}

/// One reminder to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reminder {
    /// When it is due.
    pub at: DateTime<Utc>,
    pub kind: ReminderKind,
    /// The appointment it is for: a reminder for an appointment since changed is dropped.
    pub appointment: DateTime<Utc>,
}

/// The appointment the citizen asked to be reminded of, if it is set and switched on.
pub fn appointment(facts: &Facts) -> Option<DateTime<Utc>> {
    let on = facts.get("reminders").and_then(Fact::as_one) == Some("on");
    on.then(|| facts.get("appointment").and_then(Fact::time))
        .flatten()
}

/// Every reminder of `facts` still ahead of `now` (none when reminders are off, or the
/// appointment has passed). A reminder whose time has passed is not planned: the citizen
/// just saw the checklist.
pub fn plan(facts: &Facts, globals: &Globals, now: DateTime<Utc>) -> Vec<Reminder> {
    let Some(appointment) = appointment(facts) else {
        return Vec::new();
    };
    if appointment <= now {
        return Vec::new();
    }
    let mut out = Vec::new();
    let local_day = appointment.with_timezone(&ZONE).date_naive();
    let (h, m) = globals.reminder_evening;
    if let (Some(eve), Some(time)) = (local_day.pred_opt(), NaiveTime::from_hms_opt(h, m, 0)) {
        let at = to_utc(&DateReading::DateTime(eve.and_time(time)), Safer::Earliest);
        if at > now && at < appointment {
            out.push(Reminder {
                at,
                kind: ReminderKind::Evening,
                appointment,
            });
        }
    }
    let soon = appointment - Duration::hours(globals.reminder_before_hours as i64);
    if soon > now {
        out.push(Reminder {
            at: soon,
            kind: ReminderKind::Soon,
            appointment,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn facts(appointment: DateTime<Utc>, on: bool) -> Facts {
        let mut f = Facts::new();
        f.insert("appointment".into(), Fact::Time(appointment.timestamp()));
        if on {
            f.insert("reminders".into(), Fact::One("on".into()));
        }
        f
    }

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        ZONE.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn an_appointment_next_thursday_gets_the_evening_before_and_two_hours_before() {
        let g = Globals::default();
        let appt = local(2026, 12, 3, 10, 0);
        let now = local(2026, 11, 26, 12, 0);
        let p = plan(&facts(appt, true), &g, now);
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].kind, p[0].at),
            (ReminderKind::Evening, local(2026, 12, 2, 18, 0))
        );
        assert_eq!(
            (p[1].kind, p[1].at),
            (ReminderKind::Soon, local(2026, 12, 3, 8, 0))
        );
    }

    #[test]
    fn nothing_is_planned_when_switched_off_or_past() {
        let g = Globals::default();
        let appt = local(2026, 12, 3, 10, 0);
        assert!(plan(&facts(appt, false), &g, local(2026, 11, 26, 12, 0)).is_empty());
        assert!(plan(&facts(appt, true), &g, local(2026, 12, 3, 10, 1)).is_empty());
    }

    #[test]
    fn a_reminder_whose_time_has_passed_is_left_out() {
        let g = Globals::default();
        // Set at 20:00 for 9:00 tomorrow: the evening reminder's time has passed.
        let p = plan(
            &facts(local(2026, 12, 3, 9, 0), true),
            &g,
            local(2026, 12, 2, 20, 0),
        );
        assert_eq!(
            p.iter().map(|r| r.kind).collect::<Vec<_>>(),
            vec![ReminderKind::Soon]
        );
    }

    #[test]
    fn the_evening_before_follows_local_time_across_the_clock_change() {
        let g = Globals::default();
        // Appointment Monday 30 March 2026; the clocks went forward on Sunday 29 March.
        let p = plan(
            &facts(local(2026, 3, 30, 10, 0), true),
            &g,
            local(2026, 3, 20, 9, 0),
        );
        assert_eq!(p[0].at, local(2026, 3, 29, 18, 0));
        assert_eq!(
            p[0].at,
            Utc.with_ymd_and_hms(2026, 3, 29, 16, 0, 0).unwrap()
        );
    }
}
