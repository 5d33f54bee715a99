//! The conversation store: what is kept for each chat between two updates, how it is
//! written so that it survives a crash, how an older record is migrated, and when it is
//! deleted.
//!
//! Three stores implement [`Store`]: [`SledStore`] on disk (the Telegram bot, one
//! process), [`RedisStore`] (several instances of the bot sharing conversations) and
//! [`MemoryStore`] (the terminal chat and tests). All three keep the same bytes per record.
//!
//! # How the conversation service uses it
//!
//! For each update (`conversation::Service::handle`): [`Store::load`] the conversation's
//! record; if [`Record::seen`] says the update was handled already (Telegram redelivers
//! after a crash), answer without stepping the engine again; otherwise step the engine, [`Record::mark_seen`], set `last_active`,
//! [`Store::save`] with the rendered replies in the record's outbox ([`Record::outbox`],
//! on a channel that can send unasked), and only then send the replies; the channel clears
//! the outbox once they are shown ([`Record::shown`]). `save` returns after the record is
//! on disk (for Redis: on the server, see [`RedisStore`] on its persistence), so a crash
//! between save and reply delays the reply until the restart sends what is pending
//! ([`Store::pending_outbox`]), never loses it, and never repeats a step.
//! [`Loaded::Unreadable`] means: start a new conversation and tell the user kindly that
//! we start over; the next `save` overwrites the unreadable bytes.
//!
//! The calls block (a save waits for an fsync): from async code, call them through
//! `tokio::task::spawn_blocking`.
//!
//! # On disk
//!
//! Conversations are kept by [`Key`] (channel + the channel's id), written as
//! [`Key::encode`] gives it: a Telegram chat as its id in decimal, `web:<id>`, `terminal`.
//! One sled tree, `conversations`: key = the encoded key's bytes. Value: one version
//! byte, then the record as JSON (serde_json). In Redis the same value under
//! `mitid-bot:conv:<encoded key>`. Before conversations had a channel, sled's key was the
//! Telegram chat id as 8 big-endian bytes: such keys are rewritten as Telegram
//! conversations once, when the store opens (`SledStore`, marker `keys-by-channel-v1`);
//! Redis' keys of that time already read as Telegram conversations.
//!
//! - Version 4 (current): [`Record`] as it is: `{ "state": <State>, "recent_updates":
//!   [i32, ...], "last_active": i64, "reminder_at": i64 | null, "screen": { "message":
//!   i32, "kept": bool } | null, "outbox": [{ "turn": u32, "replies": [<Rendered>, ...],
//!   "notice": bool, "calendar": i64 | null }, ...] }`, a `Rendered` being `{ "text",
//!   "buttons": [{ "label", "action": {"Callback": data} | {"Url": url}, "ticked" }],
//!   "replaces_previous", "keep" }`. The outbox holds the bot's own words, never the
//!   person's: a turn whose input was private (a UserID idea, whose verdict may name its
//!   characters) is not put there.
//! - Version 3: the same without `outbox`. Migrated on load with an empty outbox,
//!   written back as version 4 at the next save.
//! - Version 2: the same without `screen`. Migrated on load with no screen (the next
//!   reply is a new message).
//! - Version 1 (the first release): `{ "state": <State>, "last_active": i64 }`. It is
//!   migrated on load with no recent updates, no reminder and no screen.
//!
//! Anything else (an unknown version byte, bytes that are not JSON of the expected shape,
//! a [`State`] whose own `version` this build does not know) is [`Loaded::Unreadable`].
//! A change to the shape of [`Record`] takes a new version byte and a migration in
//! `codec.rs`; a change to [`State`] bumps [`crate::dialogue::state::STATE_VERSION`] and
//! its migration goes there as well.
//!
//! A second tree, `reminders`, is the schedule: key = due time (8 big-endian bytes of the
//! unix seconds) + encoded key + kind (1), value = the appointment (8), so the due ones
//! are a range scan. A third, `reminder_chats`, lists each conversation's entries (JSON)
//! so they can be replaced or forgotten. The schedule holds no content: at sending time
//! the reminder is checked against the conversation's record (still on, same
//! appointment, still ahead).
//!
//! A fourth, `outbox`, is the index of conversations whose outbox is not empty (key =
//! encoded key, no value), kept by every write of a record, so that a restart finds what
//! is pending without reading every record.
//!
//! # Must not
//!
//! - Nothing outside `storage/` touches sled or Redis.
//! - Never store text the user typed: [`State`] cannot hold it, a record holds nothing
//!   else but update ids, times and the bot's own replies not yet shown.
//! - Never log chat content, nor which chat a stored record belongs to.
//! - Never panic on what is read from disk: bad bytes are [`Loaded::Unreadable`],
//!   failures of the disk are [`StoreError`].

mod codec;
mod memory;
mod redis_store;
mod sled_store;

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::dialogue::reminders::Reminder;
use crate::dialogue::State;

pub use memory::MemoryStore;
pub use redis_store::{redact_url as redact_redis_url, RedisStore};
pub use sled_store::{Durability, SledStore};

pub use crate::conversation::Key;

/// How many handled update ids a record remembers. Telegram redelivers the updates after
/// the last confirmed offset, a handful at most; 32 covers that with room to spare.
pub const RECENT_UPDATES: usize = 32;

/// What is kept for one chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub state: State,
    /// Telegram update ids already handled, newest last, at most [`RECENT_UPDATES`].
    /// A set rather than a high-water mark: Telegram's ids are not always increasing.
    pub recent_updates: VecDeque<i32>,
    /// Last activity, unix seconds.
    pub last_active: i64,
    /// Latest pending reminder, unix seconds. A record lives at least until its
    /// reminder is due, however idle the chat (reminders come later; the field is here
    /// so that adding them needs no new record version).
    pub reminder_at: Option<i64>,
    /// The bot's message that shows the conversation's current screen (the latest message
    /// with live buttons), so a channel can edit it in place or take its buttons away when
    /// the conversation moves on. Not durable on its own: written with the next save, or
    /// by [`Store::save_soon`]; losing it costs a new message instead of an edit.
    pub screen: Option<Screen>,
    /// Replies saved with the step that made them and not yet shown by the channel (the
    /// outbox), oldest first. Written in the same durable save as the state, cleared by
    /// the channel once it has shown them ([`Record::shown`]), so a crash between the
    /// save and the send delays a reply instead of losing it. Only navigation of the
    /// newest entry is kept: a newer turn replaces a screen that never went out
    /// ([`Record::push_outgoing`]); a message the person keeps stays until shown.
    pub outbox: Vec<Outgoing>,
}

/// One turn's replies waiting in the outbox: see [`Record::outbox`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outgoing {
    /// Which turn of the conversation, counting up while the outbox is not empty: the
    /// channel clears what it has shown, up to this one, and nothing newer.
    pub turn: u32,
    /// The replies in order, rendered in the conversation's language.
    pub replies: Vec<crate::dialogue::engine::Rendered>,
    /// The first reply carries a notice (a channel shows it as a new message).
    pub notice: bool,
    /// The appointment of a calendar file to send after the replies, unix seconds.
    pub calendar: Option<i64>,
}

/// A message of the bot in the chat: see [`Record::screen`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screen {
    /// The channel's message id (Telegram's `message_id`).
    pub message: i32,
    /// The message is one the person keeps (see `Reply::keep`): never edited into
    /// another screen, only its buttons taken away.
    pub kept: bool,
}

impl Record {
    /// A fresh record for a conversation that starts at `now`.
    pub fn new(state: State, now: DateTime<Utc>) -> Record {
        Record {
            state,
            recent_updates: VecDeque::new(),
            last_active: now.timestamp(),
            reminder_at: None,
            screen: None,
            outbox: Vec::new(),
        }
    }

    /// Puts a turn's replies in the outbox, after those still waiting, and returns the
    /// number it gets. What waits from earlier turns loses its navigation (a newer screen
    /// replaces a screen that never went out; the person sees the last one, not a row of
    /// stale ones); messages the person keeps (a verdict, the checklist) stay.
    pub fn push_outgoing(
        &mut self,
        replies: Vec<crate::dialogue::engine::Rendered>,
        notice: bool,
        calendar: Option<i64>,
    ) -> u32 {
        let turn = self
            .outbox
            .last()
            .map_or(1, |last| last.turn.wrapping_add(1).max(1));
        self.supersede_outbox();
        self.outbox.push(Outgoing {
            turn,
            replies,
            notice,
            calendar,
        });
        turn
    }

    /// A newer screen is coming: what waits in the outbox loses its navigation, and keeps
    /// the messages the person keeps.
    pub fn supersede_outbox(&mut self) {
        for older in &mut self.outbox {
            let first_kept = older.replies.first().is_some_and(|r| r.keep);
            older.replies.retain(|r| r.keep);
            // The notice led the first reply: it leads it still only if that one stayed.
            older.notice &= first_kept;
        }
        self.outbox
            .retain(|o| !o.replies.is_empty() || o.calendar.is_some());
    }

    /// Clears the outbox up to turn `turn`, which the channel has shown. Whether
    /// anything was cleared.
    pub fn shown(&mut self, turn: u32) -> bool {
        let before = self.outbox.len();
        self.outbox.retain(|o| o.turn > turn);
        self.outbox.len() != before
    }

    /// Whether the update `update_id` was handled already.
    pub fn seen(&self, update_id: i32) -> bool {
        self.recent_updates.contains(&update_id)
    }

    /// Remembers `update_id` as handled, forgetting the oldest beyond [`RECENT_UPDATES`].
    pub fn mark_seen(&mut self, update_id: i32) {
        if !self.seen(update_id) {
            self.recent_updates.push_back(update_id);
        }
        self.trim_recent();
    }

    fn trim_recent(&mut self) {
        while self.recent_updates.len() > RECENT_UPDATES {
            self.recent_updates.pop_front();
        }
    }

    /// When the record may be deleted: `retention` after the last activity or the last
    /// pending reminder, whichever is later.
    pub fn expires_at(&self, retention: chrono::Duration) -> DateTime<Utc> {
        let latest = self
            .reminder_at
            .map_or(self.last_active, |r| r.max(self.last_active));
        // A timestamp beyond chrono's range can only come from a damaged record: treat
        // it as long past, so that the record goes rather than stays forever.
        let latest = DateTime::from_timestamp(latest, 0).unwrap_or(DateTime::UNIX_EPOCH);
        latest
            .checked_add_signed(retention)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }
}

/// The outcome of [`Store::load`].
// Returned once per update, next to a disk or network read: moving ~200 bytes costs
// nothing worth a Box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing is stored for this chat: a new conversation.
    Missing,
    /// The record, migrated to the current version if it was older.
    Found(Record),
    /// Something is stored but could not be read at all (garbage, or a version newer
    /// than we know): the caller starts over and says so.
    Unreadable,
}

/// A failure of the store itself (the disk, the database), never of what it holds.
#[derive(thiserror::Error, Debug)]
pub enum StoreError {
    #[error(
        "the data directory {} is in use by another process: is another mitid-bot \
         running on this data directory? Stop it, or give this one its own --data-dir",
        dir.display()
    )]
    Locked { dir: PathBuf },
    #[error("could not open the data directory {}: {source}", dir.display())]
    Open {
        dir: PathBuf,
        #[source]
        source: sled::Error,
    },
    #[error("the conversation store failed: {0}")]
    Database(#[from] sled::Error),
    #[error("a conversation record could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
    /// Opening or using Redis failed. `url` has no password (see [`redact_redis_url`]);
    /// `message` is Redis' own error text with the password blanked, should it be there.
    #[error("the Redis store at {url} failed: {message}")]
    Redis { url: String, message: String },
}

/// Where conversations are kept between updates.
pub trait Store: Send + Sync + 'static {
    /// The record of the conversation `key`, migrated to the current version.
    fn load(&self, key: &Key) -> Result<Loaded, StoreError>;
    /// Durable: returns only after the write is flushed to disk.
    fn save(&self, key: &Key, record: &Record) -> Result<(), StoreError>;
    /// Like `save`, but need not wait for the disk: for what is cheap to lose (which
    /// message shows the screen), written right after a durable save of the same record.
    fn save_soon(&self, key: &Key, record: &Record) -> Result<(), StoreError> {
        self.save(key, record)
    }
    /// Removes everything held for the conversation. Durable, like `save`.
    fn forget(&self, key: &Key) -> Result<(), StoreError>;
    /// Deletes records whose `expires_at(retention) <= now`; returns how many.
    /// Records that cannot be read are deleted too: their age is unknown, and what
    /// cannot be read cannot be kept for anyone's benefit.
    fn expire(&self, now: DateTime<Utc>, retention: chrono::Duration) -> Result<usize, StoreError>;
    /// Number of stored conversations (for health and metrics).
    fn len(&self) -> Result<usize, StoreError>;
    /// When this store was started empty because the earlier one could not be read
    /// (see `SledStore::open_or_recover`); `None` for a store that never was.
    fn lost_at(&self) -> Option<DateTime<Utc>> {
        None
    }
    /// Whether no conversation is stored.
    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }
    /// Replaces the reminders scheduled for the conversation (an empty list cancels them).
    /// Durable.
    fn set_reminders(&self, key: &Key, reminders: &[Reminder]) -> Result<(), StoreError>;
    /// Reminders due at `now` (their time has come), the oldest first, at most `limit`.
    fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(Key, Reminder)>, StoreError>;
    /// Removes one scheduled reminder; true only for the one caller that removed it, so a
    /// reminder goes out once even with several bot instances on one store.
    fn take_reminder(&self, key: &Key, reminder: &Reminder) -> Result<bool, StoreError>;
    /// Claims `key` for `ttl`: true for the first caller, false for every other until
    /// `ttl` has passed, across every instance that shares this store. So that something
    /// happens once however many instances run (the Telegram adapter's pointer in a group,
    /// at most one every three seconds). Reminders do not need it: `take_reminder` is
    /// their once.
    ///
    /// Required rather than provided, so that no store inherits an in-process answer
    /// where instances share it. `ttl` counts in whole milliseconds, at least one.
    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, StoreError>;
    /// Conversations whose record holds replies not yet shown ([`Record::outbox`]), at
    /// most `limit`, in no particular order: what a channel sends after a restart. An
    /// index kept by every write (never a walk over all records); a key may be listed
    /// whose outbox was cleared meanwhile, so the caller loads the record and looks.
    fn pending_outbox(&self, limit: usize) -> Result<Vec<Key>, StoreError>;
}

/// Claims held in this process, for the stores that only one process uses (sled allows
/// one process per directory; memory is one process by nature). Forgotten on restart.
#[derive(Debug, Default)]
pub(crate) struct LocalClaims {
    /// Key -> when the claim runs out.
    held: Mutex<HashMap<String, Instant>>,
}

impl LocalClaims {
    pub(crate) fn claim_once(&self, key: &str, ttl: Duration) -> bool {
        let now = Instant::now();
        let ttl = ttl.max(Duration::from_millis(1));
        // Every entry is whole after any panic (one insert or retain at a time).
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.retain(|_, until| *until > now);
        if held.contains_key(key) {
            return false;
        }
        held.insert(key.to_string(), now + ttl);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::Fact;
    use crate::i18n::Lang;
    use chrono::{Duration, TimeZone};

    pub(crate) fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(secs, 0).single().unwrap()
    }

    pub(crate) fn sample(now: DateTime<Utc>) -> Record {
        let mut state = State::new(Lang::De);
        state.node = "residence".into();
        state
            .facts
            .insert("purpose".into(), Fact::One("first".into()));
        state.history.push("start".into());
        let mut record = Record::new(state, now);
        record.mark_seen(7);
        record
    }

    #[test]
    fn new_record_is_active_now_and_has_seen_nothing() {
        let record = Record::new(State::new(Lang::Da), at(1_000));
        assert_eq!(record.last_active, 1_000);
        assert!(record.recent_updates.is_empty());
        assert_eq!(record.reminder_at, None);
        assert!(!record.seen(1));
    }

    #[test]
    fn mark_seen_keeps_the_newest_32_and_copes_with_ids_out_of_order() {
        let mut record = Record::new(State::new(Lang::En), at(0));
        // Not increasing: Telegram does not promise it.
        for id in [50, 10, 30, 20] {
            record.mark_seen(id);
        }
        assert!([50, 10, 30, 20].iter().all(|&id| record.seen(id)));
        assert!(!record.seen(40));

        record.mark_seen(10); // again: no duplicate
        assert_eq!(record.recent_updates.len(), 4);

        for id in 100..140 {
            record.mark_seen(id);
        }
        assert_eq!(record.recent_updates.len(), RECENT_UPDATES);
        assert!(!record.seen(50), "the oldest are forgotten first");
        assert!(!record.seen(107));
        assert!(record.seen(108) && record.seen(139));
        assert_eq!(record.recent_updates.back(), Some(&139));
    }

    #[test]
    fn expiry_counts_from_the_later_of_activity_and_reminder() {
        let days = Duration::days(30);
        let mut record = Record::new(State::new(Lang::En), at(1_000));
        assert_eq!(record.expires_at(days), at(1_000) + days);

        record.reminder_at = Some(500); // a reminder in the past changes nothing
        assert_eq!(record.expires_at(days), at(1_000) + days);

        record.reminder_at = Some(90_000);
        assert_eq!(record.expires_at(days), at(90_000) + days);

        record.last_active = i64::MAX; // damaged: goes rather than stays
        record.reminder_at = None;
        assert_eq!(record.expires_at(days), DateTime::UNIX_EPOCH + days);
    }

    /// A Telegram chat's key (tests).
    pub(crate) fn tg(chat: i64) -> Key {
        Key::telegram(chat)
    }

    /// The behaviour both stores share; each store's tests run it.
    fn reminder_contract(store: &dyn Store) {
        use crate::dialogue::reminders::ReminderKind;
        let appt = at(1_800_000_000);
        let evening = Reminder {
            at: at(1_799_950_000),
            kind: ReminderKind::Evening,
            appointment: appt,
        };
        let soon = Reminder {
            at: at(1_799_992_800),
            kind: ReminderKind::Soon,
            appointment: appt,
        };
        store.set_reminders(&tg(7), &[evening, soon]).unwrap();
        store.set_reminders(&tg(8), &[soon]).unwrap();
        assert!(
            store
                .due_reminders(at(1_799_949_999), 10)
                .unwrap()
                .is_empty(),
            "nothing due yet"
        );
        assert_eq!(
            store.due_reminders(at(1_799_950_000), 10).unwrap(),
            vec![(tg(7), evening)]
        );
        let due = store.due_reminders(at(1_800_000_000), 10).unwrap();
        assert_eq!(
            due,
            vec![(tg(7), evening), (tg(7), soon), (tg(8), soon)],
            "oldest first"
        );
        assert!(
            store.take_reminder(&tg(7), &evening).unwrap(),
            "the first taker gets it"
        );
        assert!(
            !store.take_reminder(&tg(7), &evening).unwrap(),
            "nobody gets it twice"
        );
        // Replacing the schedule drops the old entries.
        store.set_reminders(&tg(8), &[]).unwrap();
        assert_eq!(
            store.due_reminders(at(1_800_000_000), 10).unwrap(),
            vec![(tg(7), soon)]
        );
        store.forget(&tg(7)).unwrap();
        assert!(
            store
                .due_reminders(at(1_900_000_000), 10)
                .unwrap()
                .is_empty(),
            "forget removes reminders"
        );
    }

    /// The URL of a Redis for tests, from `MITID_BOT_REDIS_URL`; without it a note and
    /// `None`, and the test that asked returns: Redis tests skip, they do not fail.
    pub(crate) fn redis_url() -> Option<String> {
        match std::env::var("MITID_BOT_REDIS_URL") {
            Ok(url) if !url.trim().is_empty() => Some(url),
            _ => {
                println!("skipped: MITID_BOT_REDIS_URL not set");
                None
            }
        }
    }

    /// A key namespace no other test (nor another run at the same time) uses.
    pub(crate) fn unique_namespace(test: &str) -> String {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        format!(
            "mitid-bot-test:{test}:{}-{}-{}",
            std::process::id(),
            Utc::now().timestamp_nanos_opt().unwrap_or_default(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        )
    }

    /// What `claim_once` promises, for every store.
    pub(crate) fn claim_contract(store: &dyn Store) {
        let ttl = std::time::Duration::from_millis(300);
        assert!(store.claim_once("reminder:1:2026-12-03", ttl).unwrap());
        assert!(!store.claim_once("reminder:1:2026-12-03", ttl).unwrap());
        assert!(
            store.claim_once("reminder:2:2026-12-03", ttl).unwrap(),
            "another key is claimed on its own"
        );
        // A claim does not count as a conversation.
        assert!(store.is_empty().unwrap());
        std::thread::sleep(ttl + std::time::Duration::from_millis(200));
        assert!(
            store.claim_once("reminder:1:2026-12-03", ttl).unwrap(),
            "after its time to live a key can be claimed again"
        );
        // A zero time to live still claims (for a millisecond), and does not fail.
        assert!(store.claim_once("zero", std::time::Duration::ZERO).unwrap());
    }

    fn reply(text: &str, keep: bool) -> crate::dialogue::engine::Rendered {
        crate::dialogue::engine::Rendered {
            text: text.into(),
            buttons: Vec::new(),
            replaces_previous: false,
            keep,
        }
    }

    #[test]
    fn a_newer_turn_replaces_a_waiting_screen_but_never_a_kept_message() {
        let mut record = Record::new(State::new(Lang::En), at(0));
        let first = record.push_outgoing(
            vec![reply("verdict", true), reply("question 1", false)],
            false,
            None,
        );
        let second = record.push_outgoing(vec![reply("question 2", false)], false, None);
        let third = record.push_outgoing(vec![reply("question 3", false)], true, Some(5));
        assert!(first < second && second < third);
        let texts: Vec<Vec<&str>> = record
            .outbox
            .iter()
            .map(|o| o.replies.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(texts, vec![vec!["verdict"], vec!["question 3"]]);
        assert_eq!(record.outbox[0].turn, first);

        // Shown up to the second turn: only the third waits.
        assert!(record.shown(second));
        assert_eq!(record.outbox.len(), 1);
        assert_eq!(record.outbox[0].turn, third);
        assert!(!record.shown(second), "nothing more to clear");
        assert!(record.shown(third));
        assert!(record.outbox.is_empty());
    }

    /// What `pending_outbox` promises, for every store: the index follows each save.
    fn outbox_contract(store: &dyn Store) {
        let now = at(1_700_000_000);
        assert!(store.pending_outbox(10).unwrap().is_empty());
        let mut waiting = sample(now);
        waiting.push_outgoing(vec![reply("hello", true)], false, None);
        store.save(&tg(21), &waiting).unwrap();
        store.save(&tg(22), &sample(now)).unwrap();
        store.save(&Key::web("w".into()), &waiting).unwrap();
        let mut pending = store.pending_outbox(10).unwrap();
        pending.sort();
        assert_eq!(pending, vec![tg(21), Key::web("w".into())]);
        assert_eq!(store.pending_outbox(1).unwrap().len(), 1, "the limit holds");
        assert_eq!(store.load(&tg(21)).unwrap(), Loaded::Found(waiting.clone()));

        // Shown: the next save takes it off; forgetting does too.
        waiting.shown(1);
        store.save_soon(&tg(21), &waiting).unwrap();
        store.forget(&Key::web("w".into())).unwrap();
        assert!(store.pending_outbox(10).unwrap().is_empty());

        // Expiry takes a waiting record's entry with it.
        let mut old = Record::new(State::new(Lang::En), now - Duration::days(40));
        old.push_outgoing(vec![reply("old", true)], false, None);
        store.save(&tg(23), &old).unwrap();
        assert_eq!(store.pending_outbox(10).unwrap(), vec![tg(23)]);
        store.forget(&tg(21)).unwrap();
        store.forget(&tg(22)).unwrap();
        assert_eq!(store.expire(now, Duration::days(30)).unwrap(), 1);
        assert!(store.pending_outbox(10).unwrap().is_empty());
        assert!(store.is_empty().unwrap());
    }

    /// The behaviour all stores share; each store's tests run it.
    pub(crate) fn contract(store: &dyn Store) {
        reminder_contract(store);
        outbox_contract(store);
        let now = at(1_700_000_000);
        let retention = Duration::days(30);
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Missing);
        assert!(store.is_empty().unwrap());

        // Round trip, for a private chat and a group (negative id).
        let record = sample(now);
        store.save(&tg(1), &record).unwrap();
        store.save(&tg(-100_200), &record).unwrap();
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Found(record.clone()));
        assert_eq!(
            store.load(&tg(-100_200)).unwrap(),
            Loaded::Found(record.clone())
        );
        assert_eq!(store.len().unwrap(), 2);

        // A later save replaces the record.
        let mut later = record.clone();
        later.mark_seen(8);
        later.state.node = "documents".into();
        store.save(&tg(1), &later).unwrap();
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Found(later));

        // Forget removes that chat only.
        store.forget(&tg(1)).unwrap();
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Missing);
        assert_eq!(store.load(&tg(-100_200)).unwrap(), Loaded::Found(record));
        store.forget(&tg(1)).unwrap(); // forgetting twice is fine
        store.forget(&tg(-100_200)).unwrap();
        assert_eq!(store.len().unwrap(), 0);

        // Expire: idle ones go; a pending reminder keeps one alive.
        let idle = Record::new(State::new(Lang::En), now - Duration::days(31));
        let recent = Record::new(State::new(Lang::En), now - Duration::days(29));
        let exactly = Record::new(State::new(Lang::En), now - retention);
        let mut reminded = idle.clone();
        reminded.reminder_at = Some((now + Duration::days(2)).timestamp());
        let mut reminded_long_ago = idle.clone();
        reminded_long_ago.reminder_at = Some((now - Duration::days(40)).timestamp());
        store.save(&tg(10), &idle).unwrap();
        store.save(&tg(11), &recent).unwrap();
        store.save(&tg(12), &exactly).unwrap();
        store.save(&tg(13), &reminded).unwrap();
        store.save(&tg(14), &reminded_long_ago).unwrap();

        assert_eq!(store.expire(now, retention).unwrap(), 3);
        assert_eq!(store.load(&tg(10)).unwrap(), Loaded::Missing);
        assert_eq!(store.load(&tg(12)).unwrap(), Loaded::Missing);
        assert_eq!(store.load(&tg(14)).unwrap(), Loaded::Missing);
        assert_eq!(store.load(&tg(11)).unwrap(), Loaded::Found(recent));
        assert_eq!(
            store.load(&tg(13)).unwrap(),
            Loaded::Found(reminded.clone())
        );
        assert_eq!(store.len().unwrap(), 2);

        // Five days on, the recent one has gone idle; the reminder still holds.
        assert_eq!(store.expire(now + Duration::days(5), retention).unwrap(), 1);
        assert_eq!(store.load(&tg(11)).unwrap(), Loaded::Missing);
        assert_eq!(store.load(&tg(13)).unwrap(), Loaded::Found(reminded));
        // Then the reminder's own 30 days run out too.
        assert_eq!(
            store.expire(now + Duration::days(40), retention).unwrap(),
            1
        );
        assert!(store.is_empty().unwrap());

        // The channels' conversations are apart, also under the same id; a web id may
        // hold any character.
        let web = Key::web("1".into());
        let odd = Key::web("1:evening:*?[x] ü".into());
        let terminal = Key::terminal();
        let mut other = sample(now);
        other.state.node = "documents".into();
        store.save(&tg(1), &sample(now)).unwrap();
        store.save(&web, &other).unwrap();
        store.save(&odd, &other).unwrap();
        store.save(&terminal, &other).unwrap();
        assert_eq!(store.len().unwrap(), 4);
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Found(sample(now)));
        assert_eq!(store.load(&web).unwrap(), Loaded::Found(other.clone()));
        assert_eq!(store.load(&odd).unwrap(), Loaded::Found(other.clone()));
        let soon = Reminder {
            at: at(1_700_000_100),
            kind: crate::dialogue::reminders::ReminderKind::Soon,
            appointment: at(1_700_000_200),
        };
        store.set_reminders(&odd, &[soon]).unwrap();
        store.set_reminders(&tg(1), &[soon]).unwrap();
        let due = store.due_reminders(at(1_700_000_100), 10).unwrap();
        assert_eq!(due.len(), 2);
        assert!(due.contains(&(odd.clone(), soon)), "{due:?}");
        assert!(due.contains(&(tg(1), soon)), "{due:?}");
        assert!(store.take_reminder(&odd, &soon).unwrap());
        assert_eq!(
            store.due_reminders(at(1_700_000_100), 10).unwrap(),
            vec![(tg(1), soon)]
        );
        store.forget(&web).unwrap();
        assert_eq!(store.load(&web).unwrap(), Loaded::Missing);
        assert_eq!(store.load(&odd).unwrap(), Loaded::Found(other.clone()));
        store.forget(&tg(1)).unwrap();
        assert!(store
            .due_reminders(at(1_800_000_000), 10)
            .unwrap()
            .is_empty());
        assert_eq!(store.load(&terminal).unwrap(), Loaded::Found(other));
        store.forget(&odd).unwrap();
        store.forget(&terminal).unwrap();
        assert!(store.is_empty().unwrap());
    }
}
