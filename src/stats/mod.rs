//! Anonymous statistics for staff: counters per day, in Copenhagen time. How many
//! conversations started (and in which language), how many checklists were shown and with
//! which outcomes, which FAQ answers were shown, how much typed text nothing recognised, and
//! who may need no appointment at all (the at-home guide, going on to Borgerservice after
//! it, self-service renewals: the figure staff report as appointments avoided).
//!
//! Where: one small JSON file per day, `<data_dir>/stats/YYYY-MM-DD.json`, deliberately
//! outside sled: sled allows one process per directory, and `mitid-bot stats` must read
//! while the bot runs. A day file is replaced atomically (temp file in the same folder,
//! fsync, rename), so a reader sees the old file or the new one, never half of one.
//!
//! One writer per data dir: the bot counts in memory ([`Stats::record`]) and adds those
//! counts to the day files in [`Stats::flush`] (read, add, write, under its mutex). Two
//! processes flushing the same day at the same moment could lose one's counts (the last
//! rename wins); one bot process per data dir is the rule, as for the conversation store.
//!
//! Must not: hold a chat id, a user id or any text a user typed. It sees only
//! [`Event`]s, which carry values from the flow and the rules.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::dialogue::{Event, Outcome};
use crate::domain::time::ZONE;
use crate::i18n::Lang;

mod report;
pub use report::{report, Report, ReportDay};

/// The format of a day file. A reader skips (with a warning) a file of another version.
pub const STATS_VERSION: u32 = 1;

/// The longest range `report` reads: ten years of days.
const MAX_REPORT_DAYS: i64 = 3660;

#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("the range starts ({from}) after it ends ({to}): swap --from and --to")]
    Backwards { from: NaiveDate, to: NaiveDate },
    #[error(
        "the range {from} to {to} is longer than {MAX_REPORT_DAYS} days: choose a shorter one"
    )]
    TooLong { from: NaiveDate, to: NaiveDate },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StatsError + '_ {
    move |source| StatsError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Conversations started, by the language they started in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ByLanguage {
    pub da: u64,
    pub en: u64,
    pub de: u64,
}

/// Checklists by what the documents were judged (rules §1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ByDocuments {
    pub enough: u64,
    pub not_enough: u64,
    /// "May not be enough".
    pub maybe: u64,
    /// The checklist was reached without a verdict (e.g. straight from the menu).
    pub unknown: u64,
}

/// Checklists by how likely a witness is needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ByWitness {
    pub unlikely: u64,
    pub likely: u64,
    pub almost_certain: u64,
    pub unknown: u64,
}

/// Checklists by the device chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ByDevice {
    pub app: u64,
    pub code_display: u64,
    pub audio: u64,
    pub unknown: u64,
}

/// Conversations that may need no appointment at all (rules §0): the figure staff report
/// as appointments avoided. Each is counted once per conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WithoutAppointment {
    /// Shown how to get MitID at home with a passport or ID card with a chip.
    pub at_home_guide: u64,
    /// Of those, went on to prepare for Borgerservice (the scan failed, or to be safe).
    pub at_home_went_on: u64,
    /// Renewals told how to do it themselves (copy the app, a new password, the UserID).
    pub self_service: u64,
}

impl WithoutAppointment {
    /// Conversations that ended on the at-home route: shown the guide, and did not go on
    /// to prepare for Borgerservice. (Over a range: someone may go on a day later.)
    pub fn ended_at_home(&self) -> u64 {
        self.at_home_guide.saturating_sub(self.at_home_went_on)
    }
}

/// The counters of one day (or of a range, summed). Unknown keys in a file are ignored and
/// missing ones count zero, so a counter can be added without a new version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DayCounts {
    pub conversations_started: u64,
    pub language: ByLanguage,
    pub checklists_completed: u64,
    pub documents: ByDocuments,
    pub witness: ByWitness,
    pub device: ByDevice,
    /// FAQ answers shown, by topic (the FAQ node's id without `faq-`).
    pub faq: BTreeMap<String, u64>,
    /// "This helped" pressed under an FAQ answer, by topic.
    pub faq_helped: BTreeMap<String, u64>,
    /// "This did not help" pressed under an FAQ answer, by topic: the answers to improve.
    pub faq_not_helped: BTreeMap<String, u64>,
    /// Typed text nothing recognised. Counted; the text is never seen here.
    pub unanswered: u64,
    /// The at-home route and self-service renewals.
    pub without_appointment: WithoutAppointment,
}

impl DayCounts {
    /// Counts one event.
    pub fn count(&mut self, event: &Event) {
        match event {
            Event::ConversationStarted { lang } => {
                self.conversations_started += 1;
                *match lang {
                    Lang::Da => &mut self.language.da,
                    Lang::En => &mut self.language.en,
                    Lang::De => &mut self.language.de,
                } += 1;
            }
            Event::ChecklistShown {
                documents,
                witness,
                device,
            } => {
                self.checklists_completed += 1;
                let d = &mut self.documents;
                *match documents.as_deref() {
                    Some("enough") => &mut d.enough,
                    Some("not_enough") => &mut d.not_enough,
                    Some("maybe") => &mut d.maybe,
                    _ => &mut d.unknown,
                } += 1;
                let w = &mut self.witness;
                *match witness.as_deref() {
                    Some("unlikely") => &mut w.unlikely,
                    Some("likely") => &mut w.likely,
                    Some("almost_certain") => &mut w.almost_certain,
                    _ => &mut w.unknown,
                } += 1;
                let v = &mut self.device;
                *match device.as_deref() {
                    Some("app") => &mut v.app,
                    Some("code_display") => &mut v.code_display,
                    Some("audio") => &mut v.audio,
                    _ => &mut v.unknown,
                } += 1;
            }
            Event::FaqAnswer { topic } => *self.faq.entry(topic.clone()).or_default() += 1,
            Event::FaqFeedback { topic, helped } => {
                let counts = if *helped {
                    &mut self.faq_helped
                } else {
                    &mut self.faq_not_helped
                };
                *counts.entry(topic.clone()).or_default() += 1;
            }
            Event::Unanswered => self.unanswered += 1,
            Event::Outcome(o) => {
                let w = &mut self.without_appointment;
                *match o {
                    Outcome::HomeGuide => &mut w.at_home_guide,
                    Outcome::HomeWentOn => &mut w.at_home_went_on,
                    Outcome::SelfService => &mut w.self_service,
                } += 1;
            }
        }
    }

    /// Adds another day's (or range's) counts to these.
    pub fn add(&mut self, o: &DayCounts) {
        fn plus(a: &mut u64, b: u64) {
            *a = a.saturating_add(b);
        }
        plus(&mut self.conversations_started, o.conversations_started);
        plus(&mut self.language.da, o.language.da);
        plus(&mut self.language.en, o.language.en);
        plus(&mut self.language.de, o.language.de);
        plus(&mut self.checklists_completed, o.checklists_completed);
        plus(&mut self.documents.enough, o.documents.enough);
        plus(&mut self.documents.not_enough, o.documents.not_enough);
        plus(&mut self.documents.maybe, o.documents.maybe);
        plus(&mut self.documents.unknown, o.documents.unknown);
        plus(&mut self.witness.unlikely, o.witness.unlikely);
        plus(&mut self.witness.likely, o.witness.likely);
        plus(&mut self.witness.almost_certain, o.witness.almost_certain);
        plus(&mut self.witness.unknown, o.witness.unknown);
        plus(&mut self.device.app, o.device.app);
        plus(&mut self.device.code_display, o.device.code_display);
        plus(&mut self.device.audio, o.device.audio);
        plus(&mut self.device.unknown, o.device.unknown);
        for (mine, theirs) in [
            (&mut self.faq, &o.faq),
            (&mut self.faq_helped, &o.faq_helped),
            (&mut self.faq_not_helped, &o.faq_not_helped),
        ] {
            for (topic, n) in theirs {
                plus(mine.entry(topic.clone()).or_default(), *n);
            }
        }
        plus(&mut self.unanswered, o.unanswered);
        let (w, ow) = (&mut self.without_appointment, &o.without_appointment);
        plus(&mut w.at_home_guide, ow.at_home_guide);
        plus(&mut w.at_home_went_on, ow.at_home_went_on);
        plus(&mut w.self_service, ow.self_service);
    }

    pub fn is_empty(&self) -> bool {
        *self == DayCounts::default()
    }

    fn faq_total(&self) -> u64 {
        self.faq.values().fold(0, |a, n| a.saturating_add(*n))
    }
}

/// A day file on disk: the version, then the counters.
#[derive(Serialize, Deserialize)]
struct DayFile {
    version: u32,
    #[serde(flatten)]
    counts: DayCounts,
}

/// The Copenhagen calendar day an instant falls on.
pub fn local_day(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&ZONE).date_naive()
}

/// `<data_dir>/stats`.
pub fn stats_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("stats")
}

fn day_path(dir: &Path, day: NaiveDate) -> PathBuf {
    dir.join(format!("{}.json", day.format("%Y-%m-%d")))
}

/// Reads one day file: `None` when there is none.
fn read_day(path: &Path) -> Result<Option<DayCounts>, StatsError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path)(e)),
    };
    let corrupt = |reason: String| StatsError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    let file: DayFile = serde_json::from_slice(&bytes)
        .map_err(|e| corrupt(format!("not a statistics day file ({e})")))?;
    if file.version != STATS_VERSION {
        return Err(corrupt(format!(
            "version {} (this mitid-bot reads version {STATS_VERSION})",
            file.version
        )));
    }
    Ok(Some(file.counts))
}

/// Replaces a day file atomically: temp file in the same folder, fsync, rename, fsync the
/// folder (so the rename itself survives a power cut).
fn write_day(dir: &Path, day: NaiveDate, counts: &DayCounts) -> Result<(), StatsError> {
    let path = day_path(dir, day);
    let tmp = dir.join(format!(
        ".{}.json.tmp-{}",
        day.format("%Y-%m-%d"),
        std::process::id()
    ));
    let file = DayFile {
        version: STATS_VERSION,
        counts: counts.clone(),
    };
    let mut json = serde_json::to_vec_pretty(&file).map_err(|e| StatsError::Corrupt {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    json.push(b'\n');
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, &path)?;
        #[cfg(unix)]
        fs::File::open(dir)?.sync_all()?;
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_err(&path)(e)
    })
}

/// The bot's counters: counted in memory, added to the day files on [`Stats::flush`].
/// Thread-safe; share it as `Arc<Stats>`.
#[derive(Debug)]
pub struct Stats {
    /// `<data_dir>/stats`, or `None` for counts kept in memory only.
    dir: Option<PathBuf>,
    /// Counts not yet on disk, by Copenhagen day.
    pending: Mutex<BTreeMap<NaiveDate, DayCounts>>,
}

impl Stats {
    /// Statistics under `<data_dir>/stats/` (created if missing). Opens no file yet, takes
    /// no lock: `mitid-bot stats` may read at the same time.
    pub fn open(data_dir: &Path) -> Result<Stats, StatsError> {
        let dir = stats_dir(data_dir);
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        Ok(Stats {
            dir: Some(dir),
            pending: Mutex::new(BTreeMap::new()),
        })
    }

    /// Statistics kept in memory only (tests, a chat without a data dir): `flush` writes
    /// nothing and keeps the counts.
    pub fn memory() -> Stats {
        Stats {
            dir: None,
            pending: Mutex::new(BTreeMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<NaiveDate, DayCounts>> {
        // Counters stay consistent even if a holder panicked: use them anyway.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a step's events into the Copenhagen day of `now`. Cheap: memory only.
    pub fn record(&self, events: &[Event], now: DateTime<Utc>) {
        if events.is_empty() {
            return;
        }
        let mut pending = self.lock();
        let day = pending.entry(local_day(now)).or_default();
        for e in events {
            day.count(e);
        }
    }

    /// The counts not yet written (for a memory `Stats`: everything counted).
    pub fn pending(&self) -> BTreeMap<NaiveDate, DayCounts> {
        self.lock().clone()
    }

    /// Adds the pending counts to the day files and forgets them. A day whose write fails
    /// stays pending for the next flush; days already written are not counted twice.
    /// A day file that cannot be read as one is moved aside to `YYYY-MM-DD.json.corrupt`
    /// (kept for the operator) and the day starts again from these counts.
    ///
    /// Blocking file I/O of a few small files; holds the mutex meanwhile, so concurrent
    /// `record`s wait for it.
    pub fn flush(&self) -> Result<(), StatsError> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let mut pending = self.lock();
        let days: Vec<NaiveDate> = pending.keys().copied().collect();
        for day in days {
            let path = day_path(dir, day);
            let mut total = match read_day(&path) {
                Ok(existing) => existing.unwrap_or_default(),
                Err(StatsError::Corrupt { reason, .. }) => {
                    let aside = path.with_extension("json.corrupt");
                    tracing::warn!(file = %path.display(), %reason, "statistics day file unreadable; moved aside");
                    fs::rename(&path, &aside).map_err(io_err(&path))?;
                    DayCounts::default()
                }
                Err(e) => return Err(e),
            };
            if let Some(counts) = pending.get(&day) {
                total.add(counts);
            }
            write_day(dir, day, &total)?;
            pending.remove(&day);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn checklist(d: Option<&str>, w: Option<&str>, v: Option<&str>) -> Event {
        Event::ChecklistShown {
            documents: d.map(str::to_string),
            witness: w.map(str::to_string),
            device: v.map(str::to_string),
        }
    }

    #[test]
    fn events_land_in_their_counters() {
        let mut c = DayCounts::default();
        for e in [
            Event::ConversationStarted { lang: Lang::Da },
            Event::ConversationStarted { lang: Lang::De },
            Event::ConversationStarted { lang: Lang::De },
            checklist(Some("enough"), Some("likely"), Some("code_display")),
            checklist(Some("not_enough"), Some("almost_certain"), Some("app")),
            checklist(Some("maybe"), Some("unlikely"), Some("audio")),
            checklist(None, Some("something new"), None),
            Event::FaqAnswer {
                topic: "sharing".into(),
            },
            Event::FaqAnswer {
                topic: "sharing".into(),
            },
            Event::FaqAnswer {
                topic: "witness-needed".into(),
            },
            Event::Unanswered,
        ] {
            c.count(&e);
        }
        assert_eq!(c.conversations_started, 3);
        assert_eq!(
            c.language,
            ByLanguage {
                da: 1,
                en: 0,
                de: 2
            }
        );
        assert_eq!(c.checklists_completed, 4);
        assert_eq!(
            c.documents,
            ByDocuments {
                enough: 1,
                not_enough: 1,
                maybe: 1,
                unknown: 1
            }
        );
        assert_eq!(
            c.witness,
            ByWitness {
                unlikely: 1,
                likely: 1,
                almost_certain: 1,
                unknown: 1
            }
        );
        assert_eq!(
            c.device,
            ByDevice {
                app: 1,
                code_display: 1,
                audio: 1,
                unknown: 1
            }
        );
        assert_eq!(c.faq["sharing"], 2);
        assert_eq!(c.faq["witness-needed"], 1);
        assert_eq!(c.unanswered, 1);
        let mut twice = c.clone();
        twice.add(&c);
        assert_eq!(twice.checklists_completed, 8);
        assert_eq!(twice.faq["sharing"], 4);
        assert_eq!(twice.device.audio, 2);
    }

    #[test]
    fn days_are_copenhagen_days() {
        let s = Stats::memory();
        let started = [Event::ConversationStarted { lang: Lang::En }];
        // Winter (UTC+1): 23:30 UTC is 00:30 the next local day; 22:59 UTC is still today.
        s.record(&started, utc(2026, 1, 14, 23, 30));
        s.record(&started, utc(2026, 1, 14, 22, 59));
        // Summer (UTC+2): 22:00 UTC is already the next day; 21:59 UTC is not.
        s.record(&started, utc(2026, 7, 1, 22, 0));
        s.record(&started, utc(2026, 7, 1, 21, 59));
        let p = s.pending();
        let days: Vec<String> = p.keys().map(|d| d.to_string()).collect();
        assert_eq!(
            days,
            ["2026-01-14", "2026-01-15", "2026-07-01", "2026-07-02"]
        );
        assert!(p.values().all(|c| c.conversations_started == 1));
        // A memory Stats keeps its counts across a flush.
        s.flush().unwrap();
        assert_eq!(s.pending().len(), 4);
    }

    #[test]
    fn flush_adds_to_the_file_on_disk_and_forgets_what_it_wrote() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Stats::open(tmp.path()).unwrap();
        let now = utc(2026, 3, 10, 9, 0);
        s.record(
            &[
                Event::ConversationStarted { lang: Lang::Da },
                Event::FaqAnswer {
                    topic: "voluntary".into(),
                },
            ],
            now,
        );
        s.flush().unwrap();
        assert!(s.pending().is_empty());
        // Nothing pending: nothing counted twice.
        s.flush().unwrap();
        // Another run of the bot, the same day.
        let s = Stats::open(tmp.path()).unwrap();
        s.record(
            &[
                Event::ConversationStarted { lang: Lang::En },
                Event::Unanswered,
            ],
            now,
        );
        s.flush().unwrap();
        let r = report(tmp.path(), date("2026-03-10"), date("2026-03-10")).unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let c = &r.total;
        assert_eq!(c.conversations_started, 2);
        assert_eq!(
            c.language,
            ByLanguage {
                da: 1,
                en: 1,
                de: 0
            }
        );
        assert_eq!(c.faq["voluntary"], 1);
        assert_eq!(c.unanswered, 1);
        let names: Vec<String> = fs::read_dir(stats_dir(tmp.path()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["2026-03-10.json"], "no temp file left behind");
    }

    #[test]
    fn a_corrupt_day_is_a_warning_naming_the_file_and_counts_zero() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Stats::open(tmp.path()).unwrap();
        s.record(&[Event::Unanswered], utc(2026, 3, 11, 9, 0));
        s.flush().unwrap();
        let dir = stats_dir(tmp.path());
        fs::write(dir.join("2026-03-10.json"), "{ half a fi").unwrap();
        fs::write(dir.join("2026-03-12.json"), r#"{"version": 99}"#).unwrap();
        let r = report(tmp.path(), date("2026-03-09"), date("2026-03-12")).unwrap();
        assert_eq!(r.days.len(), 4);
        assert_eq!(r.total.unanswered, 1);
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
        assert!(
            r.warnings[0].contains("2026-03-10.json"),
            "{:?}",
            r.warnings
        );
        assert!(
            r.warnings[1].contains("2026-03-12.json"),
            "{:?}",
            r.warnings
        );
        assert!(r.warnings[1].contains("version 99"), "{:?}", r.warnings);
        assert!(r.table().contains("warning: "));

        // The bot, flushing onto the corrupt day, keeps the old file aside and starts anew.
        s.record(&[Event::Unanswered], utc(2026, 3, 10, 9, 0));
        s.flush().unwrap();
        assert!(dir.join("2026-03-10.json.corrupt").exists());
        let r = report(tmp.path(), date("2026-03-10"), date("2026-03-10")).unwrap();
        assert!(r.warnings.is_empty());
        assert_eq!(r.total.unanswered, 1);
    }

    #[test]
    fn a_range_must_run_forward_and_may_be_empty_of_files() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(
            report(tmp.path(), date("2026-03-10"), date("2026-03-09")),
            Err(StatsError::Backwards { .. })
        ));
        assert!(matches!(
            report(tmp.path(), date("2000-01-01"), date("2026-03-09")),
            Err(StatsError::TooLong { .. })
        ));
        let r = report(tmp.path(), date("2026-02-27"), date("2026-03-01")).unwrap();
        assert_eq!(r.days.len(), 3);
        assert!(r.total.is_empty());
        assert!(r.warnings[0].contains("no statistics folder"));
    }

    #[test]
    fn day_file_and_report_json_have_stable_keys() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Stats::open(tmp.path()).unwrap();
        s.record(
            &[
                Event::ConversationStarted { lang: Lang::De },
                checklist(Some("enough"), Some("likely"), Some("app")),
                Event::FaqAnswer {
                    topic: "sharing".into(),
                },
                Event::FaqFeedback {
                    topic: "sharing".into(),
                    helped: false,
                },
            ],
            utc(2026, 3, 10, 9, 0),
        );
        s.flush().unwrap();
        let file: serde_json::Value = serde_json::from_slice(
            &fs::read(stats_dir(tmp.path()).join("2026-03-10.json")).unwrap(),
        )
        .unwrap();
        let counters = serde_json::json!({
            "conversations_started": 1,
            "language": {"da": 0, "en": 0, "de": 1},
            "checklists_completed": 1,
            "documents": {"enough": 1, "not_enough": 0, "maybe": 0, "unknown": 0},
            "witness": {"unlikely": 0, "likely": 1, "almost_certain": 0, "unknown": 0},
            "device": {"app": 1, "code_display": 0, "audio": 0, "unknown": 0},
            "faq": {"sharing": 1},
            "faq_helped": {},
            "faq_not_helped": {"sharing": 1},
            "unanswered": 0,
            "without_appointment": {"at_home_guide": 0, "at_home_went_on": 0, "self_service": 0}
        });
        let mut expected = serde_json::json!({"version": 1});
        expected
            .as_object_mut()
            .unwrap()
            .extend(counters.as_object().unwrap().clone());
        assert_eq!(file, expected);

        let r = report(tmp.path(), date("2026-03-09"), date("2026-03-10")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&r.json()).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        let mut sorted = vec![
            "version",
            "from",
            "to",
            "timezone",
            "days",
            "total",
            "ended_at_home",
            "warnings",
        ];
        sorted.sort();
        assert_eq!(keys, sorted);
        assert_eq!(json["from"], "2026-03-09");
        assert_eq!(json["timezone"], "Europe/Copenhagen");
        assert_eq!(json["total"], counters);
        assert_eq!(json["days"][0]["date"], "2026-03-09");
        assert_eq!(json["days"][0]["conversations_started"], 0);
        assert_eq!(json["days"][1]["date"], "2026-03-10");
        assert_eq!(json["days"][1]["faq"]["sharing"], 1);

        let table = r.table();
        assert!(table.contains("2026-03-10"), "{table}");
        assert!(
            !table.lines().any(|l| l.starts_with("2026-03-09")),
            "quiet days are left out:\n{table}"
        );
        assert!(table.contains("sharing"), "{table}");
    }
}
