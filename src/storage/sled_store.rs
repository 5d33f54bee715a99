//! Conversations on disk in sled. Every write is flushed before it returns, so a reply is
//! never sent for a step that a crash could undo.
//!
//! Flushes are grouped (group commit): a writer inserts, then waits for a flush that
//! *started after* its insert. Whoever finds no flush running starts one and flushes for
//! everyone who inserted before it; writers arriving meanwhile wait for the next one. Under
//! load one fsync covers many chats' writes; alone, a writer pays one fsync as before.
//!
//! sled lets one process at a time open a directory; a second gets
//! [`StoreError::Locked`], which says so. That is also why [`Store::claim_once`] can be
//! held in memory here: no other process shares the store (a restart forgets claims).
//!
//! # Cheap to ask, cheap to sweep
//!
//! sled's own `len` walks every record, so the number of conversations is counted once
//! when the store opens and then kept up to date by each write; health checks read that
//! number. An index tree, `activity`, holds one key per conversation: the moment its
//! retention counts from (the later of last activity and pending reminder) followed by
//! the chat id. The hourly expiry reads only the index entries old enough to expire, and
//! the records behind them, never the whole store. A store written before the index
//! existed gets it built once, at the first open. A third, `outbox`, lists the
//! conversations with replies not yet shown (a store from before it held none).
//!
//! # Durability
//!
//! [`Durability::Os`] (the default): a save returns once sled has written the record to
//! its log with `sync_file_range`: the data reaches the disk, which survives a crash of
//! the bot or a kill -9, but the file's metadata and the disk's own write cache are not
//! forced out, so a power cut can lose the last moments. [`Durability::Power`] adds an
//! `fsync` of the log to every grouped flush: it survives a power cut too, at a measured
//! cost (BENCHMARKS.md).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::codec;
use super::Record;
use super::{Key, Loaded, LocalClaims, Store, StoreError};
use crate::dialogue::reminders::{Reminder, ReminderKind};

/// The tree that holds one record per conversation, by [`Key::encode`].
const TREE: &str = "conversations";
/// The reminder schedule, ordered by due time.
const REMINDERS: &str = "reminders";
/// Each conversation's scheduled entries, to replace or forget them.
const REMINDER_CHATS: &str = "reminder_chats";
/// The expiry index: retention basis (8 big-endian bytes) + encoded key -> nothing.
const ACTIVITY: &str = "activity";
/// Conversations whose outbox is not empty: encoded key -> nothing.
const OUTBOX: &str = "outbox";
/// Facts about the store itself (not about any chat).
const META: &str = "meta";
/// In [`META`]: present once the [`ACTIVITY`] index covers every record.
const INDEXED: &[u8] = b"activity-index-v1";
/// In [`META`]: present once every key is written by channel ([`Key::encode`]). Before,
/// a key was a Telegram chat id as 8 big-endian bytes; [`SledStore::key_by_channel`]
/// rewrites those once.
const KEYS_BY_CHANNEL: &[u8] = b"keys-by-channel-v1";
/// In [`META`], and in the file [`GENERATION_FILE`] beside sled's files: when this store
/// was created (unix nanoseconds). sled recovers from some damage by quietly dropping
/// what it cannot read, up to every record; the file outside sled tells that apart
/// from a store that was always empty.
const GENERATION: &[u8] = b"generation";
/// See [`GENERATION`].
const GENERATION_FILE: &str = "store-generation";
/// In [`META`]: unix seconds when this store was started afresh because the earlier one
/// could not be opened (see [`SledStore::open_or_recover`]).
const LOST_AT: &[u8] = b"lost-at";

/// How hard a durable save presses the data towards the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// Written to the disk with sled's `sync_file_range`: survives a crash of the bot.
    #[default]
    Os,
    /// Also `fsync`ed: survives a power cut.
    Power,
}

impl Durability {
    /// `os` or `power`, as in the settings.
    pub fn parse(value: &str) -> Option<Durability> {
        match value.trim().to_ascii_lowercase().as_str() {
            "os" => Some(Durability::Os),
            "power" => Some(Durability::Power),
            _ => None,
        }
    }
}

/// sled's page cache. Its default (1 GB) keeps every record ever read: the hourly expiry
/// reads them all, and 100,000 conversations then held ~120 MB. A record is read once per
/// update and is small; 32 MB keeps the active chats' pages and bounds the rest.
const CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// The conversation store of the Telegram bot.
#[derive(Debug)]
pub struct SledStore {
    /// Kept so the database lives as long as the store; all work goes through `tree`.
    _db: sled::Db,
    tree: sled::Tree,
    reminders: sled::Tree,
    reminder_chats: sled::Tree,
    activity: sled::Tree,
    outbox: sled::Tree,
    meta: sled::Tree,
    claims: LocalClaims,
    /// Group commit: who is flushing, and which flushes have completed.
    commit: GroupCommit,
    /// Conversations stored, kept by every write (sled's `len` walks the tree).
    count: AtomicUsize,
    /// With [`Durability::Power`]: sled's log file, to `fsync` after each flush.
    fsync: Option<File>,
}

/// The state of group commit. Flushes are numbered 1, 2, ... in the order they start; at
/// most one runs at a time.
#[derive(Debug, Default)]
struct GroupCommit {
    state: Mutex<Flushes>,
    /// Signalled whenever a flush completes.
    completed: Condvar,
    /// sled flushes actually made (for tests and the benchmarks).
    count: AtomicU64,
}

#[derive(Debug, Default)]
struct Flushes {
    /// Number of the last flush started.
    started: u64,
    /// Number of the last flush completed (successfully or not).
    completed: u64,
    /// Whether a flush is running now.
    running: bool,
    /// Why the last completed flush failed, if it did.
    failed: Option<String>,
}

impl GroupCommit {
    fn lock(&self) -> MutexGuard<'_, Flushes> {
        // The guarded numbers stay consistent whatever panicked while holding the lock.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// How long opening waits for a lock that a closing store still holds.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

impl SledStore {
    /// Opens (or creates) the store in `dir`, with [`Durability::Os`].
    pub fn open(dir: &Path) -> Result<SledStore, StoreError> {
        SledStore::open_with(dir, Durability::Os)
    }

    /// Opens (or creates) the store in `dir`. A directory that sled cannot read (damaged
    /// files, or a panic inside sled while reading them) is [`StoreError::Open`].
    pub fn open_with(dir: &Path, durability: Durability) -> Result<SledStore, StoreError> {
        // A store just closed in this process (or by a process that is exiting) lets go of
        // its lock file only when sled's flusher thread has finished: wait a moment for it
        // before saying the directory is in use.
        let deadline = std::time::Instant::now() + LOCK_WAIT;
        loop {
            match SledStore::try_open(dir, durability) {
                Err(StoreError::Locked { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                other => return other,
            }
        }
    }

    fn try_open(dir: &Path, durability: Durability) -> Result<SledStore, StoreError> {
        let opened = std::panic::catch_unwind(|| {
            sled::Config::new()
                .path(dir)
                .cache_capacity(CACHE_BYTES)
                .open()
                .and_then(|db| {
                    let trees = [TREE, REMINDERS, REMINDER_CHATS, ACTIVITY, OUTBOX, META]
                        .map(|name| db.open_tree(name));
                    let [a, b, c, d, e, f] = trees;
                    Ok((db, a?, b?, c?, d?, e?, f?))
                })
        })
        .unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "sled panicked while reading it".into());
            Err(sled::Error::Io(std::io::Error::other(format!(
                "damaged: {why}"
            ))))
        });
        let (db, tree, reminders, reminder_chats, activity, outbox, meta) = match opened {
            Ok(trees) => trees,
            Err(error) if is_lock_error(&error) => {
                return Err(StoreError::Locked {
                    dir: dir.to_path_buf(),
                })
            }
            Err(source) => {
                return Err(StoreError::Open {
                    dir: PathBuf::from(dir),
                    source,
                })
            }
        };
        let fsync = match durability {
            Durability::Os => None,
            Durability::Power => {
                Some(File::open(dir.join("db")).map_err(|e| StoreError::Open {
                    dir: PathBuf::from(dir),
                    source: sled::Error::Io(e),
                })?)
            }
        };
        check_generation(dir, &meta).map_err(|source| StoreError::Open {
            dir: PathBuf::from(dir),
            source,
        })?;
        let store = SledStore {
            _db: db,
            tree,
            reminders,
            reminder_chats,
            activity,
            outbox,
            meta,
            claims: LocalClaims::default(),
            commit: GroupCommit::default(),
            count: AtomicUsize::new(0),
            fsync,
        };
        store
            .key_by_channel()
            .and_then(|()| store.count_and_index())
            .map_err(|e| match e {
                StoreError::Database(source) => StoreError::Open {
                    dir: PathBuf::from(dir),
                    source,
                },
                other => other,
            })?;
        Ok(store)
    }

    /// Opens the store in `dir`; if it cannot be read, moves sled's files aside into
    /// `dir/damaged-<time>/` (kept for the operator, never deleted by the bot), starts a
    /// fresh store in `dir` and remembers when, so returning citizens can be told that
    /// their earlier answers are gone. A directory held by another process is not
    /// damage: that stays [`StoreError::Locked`]. Returns the store and, if it was
    /// started afresh, where the old files went.
    pub fn open_or_recover(
        dir: &Path,
        durability: Durability,
        now: DateTime<Utc>,
    ) -> Result<(SledStore, Option<PathBuf>), StoreError> {
        match SledStore::open_with(dir, durability) {
            Ok(store) => Ok((store, None)),
            Err(StoreError::Open { source, .. }) => {
                let aside = dir.join(format!("damaged-{}", now.format("%Y%m%dT%H%M%SZ")));
                set_aside(dir, &aside).map_err(|e| StoreError::Open {
                    dir: dir.to_path_buf(),
                    source: sled::Error::Io(std::io::Error::other(format!(
                        "{source}; and moving its files aside to {} failed: {e}",
                        aside.display()
                    ))),
                })?;
                let store = SledStore::open_with(dir, durability)?;
                store.meta.insert(LOST_AT, &now.timestamp().to_be_bytes())?;
                store.flush()?;
                tracing::error!(
                    directory = %dir.display(),
                    set_aside = %aside.display(),
                    error = %source,
                    "the conversation store could not be opened; its files were moved aside \
                     and the bot starts with an empty store (earlier conversations are lost, \
                     statistics are kept)"
                );
                Ok((store, Some(aside)))
            }
            Err(other) => Err(other),
        }
    }

    /// When this store was started afresh because the earlier one was damaged.
    fn read_lost_at(&self) -> Option<DateTime<Utc>> {
        let bytes = self.meta.get(LOST_AT).ok()??;
        let secs = i64::from_be_bytes(bytes.as_ref().try_into().ok()?);
        DateTime::from_timestamp(secs, 0)
    }

    /// Rewrites the keys of a store written before conversations had a channel (a
    /// Telegram chat id as 8 big-endian bytes) as Telegram conversations ([`Key::encode`]),
    /// once: the marker [`KEYS_BY_CHANNEL`] says it is done. The expiry index is rebuilt
    /// by [`SledStore::count_and_index`]. Safe to repeat after a crash half-way: an old
    /// key is written anew before it is removed, and only old keys are touched.
    fn key_by_channel(&self) -> Result<(), StoreError> {
        if self.meta.contains_key(KEYS_BY_CHANNEL)? {
            return Ok(());
        }
        let mut moved = 0usize;
        for tree in [&self.tree, &self.reminder_chats] {
            let old: Vec<(sled::IVec, sled::IVec)> = tree
                .iter()
                .filter(|e| e.as_ref().map_or(true, |(k, _)| old_chat(k).is_some()))
                .collect::<Result<_, _>>()?;
            for (k, v) in old {
                if let Some(chat) = old_chat(&k) {
                    tree.insert(key(&Key::telegram(chat)), v)?;
                    tree.remove(k)?;
                    moved += 1;
                }
            }
        }
        // Due time (8) + chat id (8) + kind (1).
        let old: Vec<(sled::IVec, sled::IVec)> = self
            .reminders
            .iter()
            .filter(|e| {
                e.as_ref().map_or(true, |(k, _)| {
                    k.len() == 17 && old_chat(&k[8..16]).is_some()
                })
            })
            .collect::<Result<_, _>>()?;
        for (k, v) in old {
            let Some(chat) = old_chat(&k[8..16]) else {
                continue;
            };
            let mut new = k[..8].to_vec();
            new.extend_from_slice(&key(&Key::telegram(chat)));
            new.push(k[16]);
            self.reminders.insert(new, v)?;
            self.reminders.remove(k)?;
        }
        if moved > 0 {
            self.activity.clear()?;
            self.meta.remove(INDEXED)?;
            tracing::info!(
                moved,
                "conversations kept by Telegram chat id are now kept by channel"
            );
        }
        self.meta.insert(KEYS_BY_CHANNEL, &[])?;
        self.flush()
    }

    /// Counts the records and, for a store written before the index, builds it: one walk
    /// over the store, at open.
    fn count_and_index(&self) -> Result<(), StoreError> {
        let indexed = self.meta.contains_key(INDEXED)?;
        let mut count = 0;
        for entry in self.tree.iter() {
            let (key, bytes) = entry?;
            count += 1;
            if !indexed {
                let basis = match codec::decode(&bytes) {
                    Loaded::Found(record) => basis(&record),
                    // Unreadable: its age is unknown; the first sweep takes it.
                    _ => 0,
                };
                if let Some(key) = key_from(&key) {
                    self.activity.insert(activity_key(basis, &key), &[])?;
                }
            }
        }
        self.count.store(count, Ordering::Relaxed);
        if !indexed {
            self.meta.insert(INDEXED, &[])?;
            self.flush()?;
        }
        Ok(())
    }

    /// How many flushes (fsyncs) the store has made since it was opened. With concurrent
    /// writers it is far below the number of writes: one flush covers many.
    pub fn flushes(&self) -> u64 {
        self.commit.count.load(Ordering::Relaxed)
    }

    /// Returns once everything written before the call is on disk: after a flush that
    /// started after the call began. One flush covers every tree of the database, and
    /// every writer waiting for it.
    fn flush(&self) -> Result<(), StoreError> {
        let mut st = self.commit.lock();
        // A running flush may have started before our write: only the next one counts.
        let needed = st.started + 1;
        loop {
            if st.completed >= needed {
                // The latest completed flush covers our write (it started after it).
                return match &st.failed {
                    None => Ok(()),
                    Some(why) => Err(StoreError::Database(sled::Error::Io(
                        std::io::Error::other(format!("a shared flush failed: {why}")),
                    ))),
                };
            }
            if st.running {
                st = self
                    .commit
                    .completed
                    .wait(st)
                    .unwrap_or_else(|e| e.into_inner());
                continue;
            }
            // Nobody is flushing: flush for everyone who has written so far.
            st.running = true;
            st.started += 1;
            let number = st.started;
            drop(st);
            let result = self.tree.flush().and_then(|bytes| {
                if let Some(file) = &self.fsync {
                    file.sync_data()?;
                }
                Ok(bytes)
            });
            self.commit.count.fetch_add(1, Ordering::Relaxed);
            st = self.commit.lock();
            st.running = false;
            st.completed = number;
            st.failed = result.as_ref().err().map(|e| e.to_string());
            self.commit.completed.notify_all();
            drop(st);
            // number >= needed: this flush started after our write.
            return result.map(|_| ()).map_err(StoreError::from);
        }
    }

    /// Writes a conversation's record (not yet flushed), keeping the count and the index.
    fn write(&self, chat: &Key, record: &Record) -> Result<(), StoreError> {
        let previous = self.tree.insert(key(chat), codec::encode(record)?)?;
        match &previous {
            None => {
                self.count.fetch_add(1, Ordering::Relaxed);
            }
            Some(old) => {
                if let Loaded::Found(old) = codec::decode(old) {
                    let old_basis = basis(&old);
                    if old_basis != basis(record) {
                        self.activity.remove(activity_key(old_basis, chat))?;
                    }
                }
                // An unreadable old record leaves its index entry behind: the sweep
                // finds the chat's record newer than the entry and drops the entry.
            }
        }
        self.activity
            .insert(activity_key(basis(record), chat), &[])?;
        if record.outbox.is_empty() {
            self.outbox.remove(key(chat))?;
        } else {
            self.outbox.insert(key(chat), &[])?;
        }
        Ok(())
    }

    /// Removes a conversation's scheduled reminders (without flushing).
    fn clear_reminders(&self, chat: &Key) -> Result<(), StoreError> {
        if let Some(old) = self.reminder_chats.remove(key(chat))? {
            let old: Vec<Reminder> = serde_json::from_slice(&old).unwrap_or_default();
            for r in old {
                self.reminders.remove(reminder_key(chat, &r))?;
            }
        }
        Ok(())
    }
}

/// Due time, conversation, kind: due reminders are a prefix of the tree.
fn reminder_key(chat: &Key, r: &Reminder) -> Vec<u8> {
    let mut k = (r.at.timestamp().max(0) as u64).to_be_bytes().to_vec();
    k.extend_from_slice(&key(chat));
    k.push(r.kind.code());
    k
}

fn reminder_from(k: &[u8], v: &[u8]) -> Option<(Key, Reminder)> {
    let at = i64::try_from(u64::from_be_bytes(k.get(..8)?.try_into().ok()?)).ok()?;
    let (kind, middle) = k.get(8..)?.split_last()?;
    let chat = key_from(middle)?;
    let kind = ReminderKind::from_code(*kind)?;
    let appointment = i64::from_be_bytes(v.get(..8)?.try_into().ok()?);
    Some((
        chat,
        Reminder {
            at: DateTime::from_timestamp(at, 0)?,
            kind,
            appointment: DateTime::from_timestamp(appointment, 0)?,
        },
    ))
}

/// sled reports a directory held by another process only through the text of an I/O
/// error ("could not acquire lock on ...").
fn is_lock_error(error: &sled::Error) -> bool {
    match error {
        sled::Error::Io(io) => {
            io.kind() == std::io::ErrorKind::WouldBlock
                || io.to_string().contains("could not acquire lock")
        }
        _ => false,
    }
}

fn key(chat: &Key) -> Vec<u8> {
    chat.encode().into_bytes()
}

fn key_from(bytes: &[u8]) -> Option<Key> {
    Key::decode(std::str::from_utf8(bytes).ok()?)
}

/// A key written before conversations had a channel: a Telegram chat id as 8 big-endian
/// bytes. Its first byte is 0x00 (a user, ids far below 2^56) or 0xFF (a group), which no
/// [`Key::encode`] (text) begins with.
fn old_chat(bytes: &[u8]) -> Option<i64> {
    let bytes: [u8; 8] = bytes.try_into().ok()?;
    matches!(bytes[0], 0x00 | 0xFF).then(|| i64::from_be_bytes(bytes))
}

/// The moment a record's retention counts from, unix seconds (never negative).
fn basis(record: &Record) -> i64 {
    record
        .reminder_at
        .map_or(record.last_active, |r| r.max(record.last_active))
        .max(0)
}

fn activity_key(basis: i64, chat: &Key) -> Vec<u8> {
    let mut k = (basis.max(0) as u64).to_be_bytes().to_vec();
    k.extend_from_slice(&key(chat));
    k
}

fn from_activity_key(k: &[u8]) -> Option<(i64, Key)> {
    let basis = i64::try_from(u64::from_be_bytes(k.get(..8)?.try_into().ok()?)).ok()?;
    Some((basis, key_from(k.get(8..)?)?))
}

/// Compares the generation inside sled with the one in the file beside it (see
/// [`GENERATION`]); writes both for a new store, or the file for a store from before it.
fn check_generation(dir: &Path, meta: &sled::Tree) -> Result<(), sled::Error> {
    let file = dir.join(GENERATION_FILE);
    let outside = match std::fs::read_to_string(&file) {
        Ok(text) => Some(text.trim().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(sled::Error::Io(e)),
    };
    let inside = meta
        .get(GENERATION)?
        .map(|v| String::from_utf8_lossy(&v).into_owned());
    match (inside, outside) {
        (Some(a), Some(b)) if a == b => Ok(()),
        (Some(_), Some(_)) | (None, Some(_)) => Err(sled::Error::Io(std::io::Error::other(
            "damaged: sled opened its files but they no longer hold this store \
             (its records were dropped while reading the damaged log)",
        ))),
        (Some(inside), None) => std::fs::write(&file, inside).map_err(sled::Error::Io),
        (None, None) => {
            let generation = Utc::now()
                .timestamp_nanos_opt()
                .unwrap_or_default()
                .to_string();
            meta.insert(GENERATION, generation.as_bytes())?;
            meta.flush()?;
            std::fs::write(&file, generation).map_err(sled::Error::Io)
        }
    }
}

/// Moves sled's own files and the generation file (not the statistics, nor an earlier
/// set-aside) from `dir` into `aside`.
fn set_aside(dir: &Path, aside: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(aside)?;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let sleds = name == "conf"
            || name == "db"
            || name == "blobs"
            || name == GENERATION_FILE
            || name.starts_with("snap.");
        if sleds {
            std::fs::rename(entry.path(), aside.join(&*name))?;
        }
    }
    Ok(())
}

impl Store for SledStore {
    fn load(&self, chat: &Key) -> Result<Loaded, StoreError> {
        Ok(match self.tree.get(key(chat))? {
            Some(bytes) => codec::decode(&bytes),
            None => Loaded::Missing,
        })
    }

    fn save(&self, chat: &Key, record: &Record) -> Result<(), StoreError> {
        self.write(chat, record)?;
        self.flush()
    }

    fn save_soon(&self, chat: &Key, record: &Record) -> Result<(), StoreError> {
        // On disk with the next grouped flush, or sled's own within half a second.
        self.write(chat, record)
    }

    fn forget(&self, chat: &Key) -> Result<(), StoreError> {
        if let Some(old) = self.tree.remove(key(chat))? {
            self.count.fetch_sub(1, Ordering::Relaxed);
            if let Loaded::Found(old) = codec::decode(&old) {
                self.activity.remove(activity_key(basis(&old), chat))?;
            }
        }
        self.outbox.remove(key(chat))?;
        self.clear_reminders(chat)?;
        self.flush()
    }

    fn expire(&self, now: DateTime<Utc>, retention: chrono::Duration) -> Result<usize, StoreError> {
        // Entries whose basis is at or before `now - retention`: the only candidates.
        // Basis 0 (records of unknown age, that could not be read) always is one.
        let cutoff = now
            .checked_sub_signed(retention)
            .map_or(0, |c| c.timestamp())
            .max(0)
            + 1;
        let end = (cutoff as u64).to_be_bytes();
        let mut start: Vec<u8> = Vec::new();
        let mut removed = 0;
        let mut changed = false;
        // In batches, so that memory stays bounded however many have expired.
        loop {
            let batch: Vec<sled::IVec> = self
                .activity
                .range(start.as_slice()..end.as_slice())
                .keys()
                .take(1024)
                .collect::<Result<_, _>>()?;
            let Some(last) = batch.last() else {
                break;
            };
            start = last.to_vec();
            start.push(0); // just after the last one seen
            for entry in &batch {
                let Some((entry_basis, chat)) = from_activity_key(entry) else {
                    self.activity.remove(entry)?;
                    changed = true;
                    continue;
                };
                let bytes = self.tree.get(key(&chat))?;
                let expired = match bytes.as_deref().map(codec::decode) {
                    // Forgotten, or written again since: the entry is stale.
                    None => None,
                    Some(Loaded::Found(record)) if basis(&record) != entry_basis => None,
                    Some(Loaded::Found(record)) => Some(record.expires_at(retention) <= now),
                    Some(Loaded::Unreadable | Loaded::Missing) => Some(true),
                };
                match (expired, bytes) {
                    (Some(false), _) => {} // a readable record from 1970: judged, kept
                    (Some(true), Some(bytes)) => {
                        // Only if unchanged: the chat may have become active since.
                        if self
                            .tree
                            .compare_and_swap(key(&chat), Some(bytes), None::<&[u8]>)?
                            .is_ok()
                        {
                            self.count.fetch_sub(1, Ordering::Relaxed);
                            self.activity.remove(entry)?;
                            self.outbox.remove(key(&chat))?;
                            removed += 1;
                            changed = true;
                        }
                    }
                    _ => {
                        self.activity.remove(entry)?;
                        changed = true;
                    }
                }
            }
        }
        if changed {
            self.flush()?;
        }
        Ok(removed)
    }

    fn len(&self) -> Result<usize, StoreError> {
        Ok(self.count.load(Ordering::Relaxed))
    }

    fn lost_at(&self) -> Option<DateTime<Utc>> {
        self.read_lost_at()
    }

    fn set_reminders(&self, chat: &Key, reminders: &[Reminder]) -> Result<(), StoreError> {
        self.clear_reminders(chat)?;
        for r in reminders {
            self.reminders.insert(
                reminder_key(chat, r),
                &r.appointment.timestamp().to_be_bytes(),
            )?;
        }
        if !reminders.is_empty() {
            self.reminder_chats
                .insert(key(chat), serde_json::to_vec(reminders)?)?;
        }
        self.flush()
    }

    fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(Key, Reminder)>, StoreError> {
        let end = (now.timestamp().max(0) as u64 + 1).to_be_bytes();
        let mut out = Vec::new();
        for entry in self.reminders.range(..end.as_slice()).take(limit) {
            let (k, v) = entry?;
            match reminder_from(&k, &v) {
                Some(r) => out.push(r),
                // Not ours to read: drop it rather than trip over it at every sweep.
                None => {
                    self.reminders.remove(k)?;
                }
            }
        }
        Ok(out)
    }

    fn take_reminder(&self, chat: &Key, reminder: &Reminder) -> Result<bool, StoreError> {
        let taken = self
            .reminders
            .remove(reminder_key(chat, reminder))?
            .is_some();
        if taken {
            self.flush()?;
        }
        Ok(taken)
    }

    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, StoreError> {
        Ok(self.claims.claim_once(key, ttl))
    }

    fn pending_outbox(&self, limit: usize) -> Result<Vec<Key>, StoreError> {
        let mut out = Vec::new();
        for k in self.outbox.iter().keys() {
            if out.len() >= limit {
                break;
            }
            match key_from(&k?) {
                Some(chat) => out.push(chat),
                None => continue, // not a key this build writes: nothing to send
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::{at, contract, sample, tg};
    use chrono::Duration;

    /// Bytes written under `chat` as a damaged or foreign record would be found at open:
    /// counted, and indexed as of unknown age.
    fn raw(store: &SledStore, chat: i64, bytes: &[u8]) {
        let chat = &tg(chat);
        if store.tree.insert(key(chat), bytes).unwrap().is_none() {
            store.count.fetch_add(1, Ordering::Relaxed);
        }
        store.activity.insert(activity_key(0, chat), &[]).unwrap();
    }

    #[test]
    fn a_store_kept_by_telegram_chat_id_is_read_as_telegram_conversations_after_upgrade() {
        use crate::dialogue::reminders::ReminderKind;
        let dir = tempfile::tempdir().unwrap();
        let now = at(1_700_000_000);
        let (anna, group) = (7_001_234_567_i64, -1_001_234_567_890_i64);
        let evening = Reminder {
            at: at(1_700_050_000),
            kind: ReminderKind::Evening,
            appointment: at(1_700_100_000),
        };
        {
            // The layout of the release before channels, written byte by byte.
            let store = SledStore::open(dir.path()).unwrap();
            store.meta.remove(KEYS_BY_CHANNEL).unwrap();
            store.activity.clear().unwrap();
            for chat in [anna, group] {
                let record = codec::encode(&sample(now)).unwrap();
                store.tree.insert(chat.to_be_bytes(), record).unwrap();
                let mut index = (now.timestamp() as u64).to_be_bytes().to_vec();
                index.extend_from_slice(&chat.to_be_bytes());
                store.activity.insert(index, &[]).unwrap();
            }
            let mut due = (evening.at.timestamp() as u64).to_be_bytes().to_vec();
            due.extend_from_slice(&anna.to_be_bytes());
            due.push(evening.kind.code());
            store
                .reminders
                .insert(due, &evening.appointment.timestamp().to_be_bytes())
                .unwrap();
            store
                .reminder_chats
                .insert(anna.to_be_bytes(), serde_json::to_vec(&[evening]).unwrap())
                .unwrap();
            store.flush().unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 2);
        for chat in [anna, group] {
            assert_eq!(
                store.load(&tg(chat)).unwrap(),
                Loaded::Found(sample(now)),
                "{chat}"
            );
            assert!(!store.tree.contains_key(chat.to_be_bytes()).unwrap());
        }
        assert_eq!(
            store.due_reminders(evening.at, 10).unwrap(),
            vec![(tg(anna), evening)]
        );
        // Forgetting reaches the moved schedule; expiry the rebuilt index.
        store.forget(&tg(anna)).unwrap();
        assert!(store.due_reminders(evening.at, 10).unwrap().is_empty());
        assert!(store.reminder_chats.is_empty());
        assert_eq!(
            store
                .expire(now + Duration::days(31), Duration::days(30))
                .unwrap(),
            1
        );
        assert!(store.is_empty().unwrap());
        // Once: a later open finds the marker and moves nothing.
        store.save(&tg(anna), &sample(now)).unwrap();
        drop(store);
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.load(&tg(anna)).unwrap(), Loaded::Found(sample(now)));
        assert!(store.meta.contains_key(KEYS_BY_CHANNEL).unwrap());
    }

    #[test]
    fn keeps_the_store_contract() {
        let dir = tempfile::tempdir().unwrap();
        contract(&SledStore::open(dir.path()).unwrap());
    }

    #[test]
    fn keeps_the_claim_contract() {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::tests::claim_contract(&SledStore::open(dir.path()).unwrap());
    }

    #[test]
    fn a_record_is_there_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let record = sample(at(1_700_000_000));
        {
            let store = SledStore::open(dir.path()).unwrap();
            store.save(&tg(42), &record).unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.load(&tg(42)).unwrap(), Loaded::Found(record));
    }

    /// A crash right after `save`: a copy of the directory taken while the store is still
    /// open (nothing flushed by drop) must hold the record.
    #[test]
    fn save_is_on_disk_before_it_returns() {
        let dir = tempfile::tempdir().unwrap();
        let copy = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let record = sample(at(1_700_000_000));
        store.save(&tg(42), &record).unwrap();
        copy_dir(dir.path(), copy.path());

        let crashed = SledStore::open(copy.path()).unwrap();
        assert_eq!(crashed.load(&tg(42)).unwrap(), Loaded::Found(record));

        store.forget(&tg(42)).unwrap();
        let copy = tempfile::tempdir().unwrap();
        copy_dir(dir.path(), copy.path());
        let crashed = SledStore::open(copy.path()).unwrap();
        assert_eq!(crashed.load(&tg(42)).unwrap(), Loaded::Missing);
    }

    /// Group commit: many writers at once share flushes, and every write is durable.
    #[test]
    fn concurrent_saves_share_flushes_and_all_survive_a_reopen() {
        const THREADS: i64 = 16;
        const SAVES: i64 = 25;
        let dir = tempfile::tempdir().unwrap();
        let store = std::sync::Arc::new(SledStore::open(dir.path()).unwrap());
        let before = store.flushes();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(THREADS as usize));
        let writers: Vec<_> = (0..THREADS)
            .map(|t| {
                let store = store.clone();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    for i in 0..SAVES {
                        let mut record = sample(at(1_700_000_000 + i));
                        record.mark_seen((t * 1000 + i) as i32);
                        store.save(&tg(t * 1000 + i), &record).unwrap();
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let saves = (THREADS * SAVES) as u64;
        let flushes = store.flushes() - before;
        assert!(flushes >= 1);
        assert!(
            flushes * 2 <= saves,
            "{flushes} flushes for {saves} concurrent saves: they are not grouped"
        );
        // As after a crash: a copy taken while the store is open holds every save.
        let copy = tempfile::tempdir().unwrap();
        copy_dir(dir.path(), copy.path());
        drop(store);
        for path in [copy.path(), dir.path()] {
            let reopened = SledStore::open(path).unwrap();
            assert_eq!(reopened.len().unwrap(), saves as usize);
            for t in 0..THREADS {
                for i in 0..SAVES {
                    let Loaded::Found(record) = reopened.load(&tg(t * 1000 + i)).unwrap() else {
                        panic!("chat {} lost", t * 1000 + i);
                    };
                    assert!(record.seen((t * 1000 + i) as i32));
                    assert_eq!(record.last_active, 1_700_000_000 + i);
                }
            }
        }
    }

    #[test]
    fn a_lone_writer_flushes_once_per_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let before = store.flushes();
        for chat in 0..5 {
            store.save(&tg(chat), &sample(at(0))).unwrap();
        }
        assert_eq!(store.flushes() - before, 5);
    }

    fn copy_dir(from: &Path, to: &Path) {
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    #[test]
    fn a_version_1_record_on_disk_is_migrated_and_written_back_as_current() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let state = sample(at(0)).state;
        let json = format!(
            r#"{{"state":{},"last_active":1600000000}}"#,
            serde_json::to_string(&state).unwrap()
        );
        let mut v1 = vec![1u8];
        v1.extend_from_slice(json.as_bytes());
        raw(&store, 5, &v1);

        let Loaded::Found(mut record) = store.load(&tg(5)).unwrap() else {
            panic!("a v1 record must be read");
        };
        assert_eq!(record.state, state);
        assert_eq!(record.last_active, 1_600_000_000);
        assert!(record.recent_updates.is_empty());
        assert_eq!(record.reminder_at, None);

        record.mark_seen(9);
        store.save(&tg(5), &record).unwrap();
        let stored = store.tree.get(key(&tg(5))).unwrap().unwrap();
        assert_eq!(stored[0], codec::CURRENT);
        assert_eq!(store.load(&tg(5)).unwrap(), Loaded::Found(record));
    }

    #[test]
    fn garbage_and_unknown_versions_are_unreadable_and_then_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let mut unknown = codec::encode(&sample(at(0))).unwrap();
        unknown[0] = 77;
        raw(&store, 1, b"\x00\xffgarbage");
        raw(&store, 2, &unknown);
        raw(&store, 3, b"");
        for chat in 1..=3 {
            assert_eq!(
                store.load(&tg(chat)).unwrap(),
                Loaded::Unreadable,
                "chat {chat}"
            );
        }

        // The caller starts over and saves: the bad bytes are gone.
        let fresh = sample(at(1_700_000_000));
        store.save(&tg(1), &fresh).unwrap();
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Found(fresh));

        // Expire clears what nobody can read, whatever the time.
        assert_eq!(store.expire(at(0), Duration::days(30)).unwrap(), 2);
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn forget_leaves_no_key_for_that_chat() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let record = sample(at(0));
        store.save(&tg(1), &record).unwrap();
        store.save(&tg(2), &record).unwrap();
        store.forget(&tg(1)).unwrap();
        assert!(!store.tree.contains_key(key(&tg(1))).unwrap());
        assert!(store.tree.contains_key(key(&tg(2))).unwrap());
        // Nothing else under any name holds it either.
        let keys: Vec<_> = store.tree.iter().keys().map(|k| k.unwrap()).collect();
        assert_eq!(keys, vec![sled::IVec::from(key(&tg(2)))]);
    }

    #[test]
    fn a_directory_in_use_gives_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let _first = SledStore::open(dir.path()).unwrap();
        let error = SledStore::open(dir.path()).unwrap_err();
        assert!(matches!(error, StoreError::Locked { .. }), "{error:?}");
        let message = error.to_string();
        assert!(
            message.contains(&dir.path().display().to_string()),
            "{message}"
        );
        assert!(
            message.contains("is another mitid-bot running on this data directory?"),
            "{message}"
        );
    }

    #[test]
    fn a_store_written_before_the_index_gets_it_at_open() {
        let dir = tempfile::tempdir().unwrap();
        let now = at(1_700_000_000);
        {
            let store = SledStore::open(dir.path()).unwrap();
            store
                .save(&tg(1), &sample(now - Duration::days(40)))
                .unwrap();
            store
                .save(&tg(2), &sample(now - Duration::days(1)))
                .unwrap();
            // As the previous release left it: records, no index, no marker.
            store.activity.clear().unwrap();
            store.meta.remove(INDEXED).unwrap();
            store.flush().unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 2);
        assert_eq!(store.expire(now, Duration::days(30)).unwrap(), 1);
        assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Missing);
        assert!(matches!(store.load(&tg(2)).unwrap(), Loaded::Found(_)));
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn the_count_survives_reopening_and_follows_every_write() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SledStore::open(dir.path()).unwrap();
            for chat in 0..10 {
                store.save(&tg(chat), &sample(at(1_700_000_000))).unwrap();
            }
            store.save(&tg(3), &sample(at(1_700_000_100))).unwrap(); // again: still 10
            store.forget(&tg(4)).unwrap();
            store.forget(&tg(4)).unwrap(); // twice: still 9
            assert_eq!(store.len().unwrap(), 9);
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 9);
        // A sweep after a later save leaves the chat that was active again.
        let mut later = sample(at(1_700_000_000));
        later.last_active = 1_800_000_000;
        store.save(&tg(5), &later).unwrap();
        assert_eq!(
            store
                .expire(at(1_700_000_100) + Duration::days(31), Duration::days(30))
                .unwrap(),
            8
        );
        assert_eq!(store.len().unwrap(), 1);
        assert_eq!(store.load(&tg(5)).unwrap(), Loaded::Found(later));
        // The index holds one entry per remaining conversation, no stale ones.
        assert_eq!(store.activity.len(), 1);
    }

    #[test]
    fn power_durability_fsyncs_and_keeps_the_contract() {
        let dir = tempfile::tempdir().unwrap();
        let copy = tempfile::tempdir().unwrap();
        let store = SledStore::open_with(dir.path(), Durability::Power).unwrap();
        let record = sample(at(1_700_000_000));
        store.save(&tg(42), &record).unwrap();
        copy_dir(dir.path(), copy.path());
        let crashed = SledStore::open(copy.path()).unwrap();
        assert_eq!(crashed.load(&tg(42)).unwrap(), Loaded::Found(record));
        drop(store);
        let other = tempfile::tempdir().unwrap();
        contract(&SledStore::open_with(other.path(), Durability::Power).unwrap());
        assert_eq!(Durability::parse(" Power "), Some(Durability::Power));
        assert_eq!(Durability::parse("os"), Some(Durability::Os));
        assert_eq!(Durability::parse("fsync"), None);
    }

    /// Damage of each of sled's files: the store is set aside, a fresh one starts, and it
    /// remembers when; the damaged files are kept for the operator.
    #[test]
    fn a_damaged_store_is_set_aside_and_a_fresh_one_starts() {
        for (file, damage) in [
            ("conf", b"not a sled config at all".as_slice()),
            ("db", &[0xA5; 4096][..]),
        ] {
            let dir = tempfile::tempdir().unwrap();
            {
                let store = SledStore::open(dir.path()).unwrap();
                store.save(&tg(1), &sample(at(1_700_000_000))).unwrap();
            }
            std::fs::write(dir.path().join(file), damage).unwrap();
            let now = at(1_800_000_000);
            let (store, aside) =
                SledStore::open_or_recover(dir.path(), Durability::Os, now).unwrap();
            let Some(aside) = aside else {
                panic!(
                    "{file}: damage not noticed; record: {:?}",
                    store.load(&tg(1))
                );
            };
            assert!(aside.starts_with(dir.path()), "{file}: {}", aside.display());
            assert!(
                aside.join(file).exists(),
                "{file}: the damaged file is kept"
            );
            assert_eq!(store.load(&tg(1)).unwrap(), Loaded::Missing, "{file}");
            assert_eq!(store.len().unwrap(), 0);
            assert_eq!(store.lost_at(), Some(now), "{file}");
            // The fresh store works, and stays fresh after a reopen.
            store.save(&tg(2), &sample(now)).unwrap();
            drop(store);
            let again = SledStore::open(dir.path()).unwrap();
            assert!(matches!(again.load(&tg(2)).unwrap(), Loaded::Found(_)));
            assert_eq!(again.lost_at(), Some(now));
        }
    }

    #[test]
    fn a_store_in_use_is_not_taken_for_damage() {
        let dir = tempfile::tempdir().unwrap();
        let _first = SledStore::open(dir.path()).unwrap();
        let error = SledStore::open_or_recover(dir.path(), Durability::Os, at(0)).unwrap_err();
        assert!(matches!(error, StoreError::Locked { .. }), "{error:?}");
        let entries: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !entries.iter().any(|e| e.starts_with("damaged-")),
            "{entries:?}"
        );
    }

    #[test]
    fn a_directory_that_cannot_be_opened_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-directory");
        std::fs::write(&file, b"x").unwrap();
        let error = SledStore::open(&file).unwrap_err();
        assert!(error.to_string().contains("not-a-directory"), "{error}");
    }
}
