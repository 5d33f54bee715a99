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

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::codec;
use super::Record;
use super::{ChatId, Loaded, LocalClaims, Store, StoreError};
use crate::dialogue::reminders::{Reminder, ReminderKind};

/// The tree that holds one record per chat.
const TREE: &str = "conversations";
/// The reminder schedule, ordered by due time.
const REMINDERS: &str = "reminders";
/// Each chat's scheduled entries, to replace or forget them.
const REMINDER_CHATS: &str = "reminder_chats";

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
    claims: LocalClaims,
    /// Group commit: who is flushing, and which flushes have completed.
    commit: GroupCommit,
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

impl SledStore {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<SledStore, StoreError> {
        let opened = sled::Config::new()
            .path(dir)
            .cache_capacity(CACHE_BYTES)
            .open()
            .and_then(|db| {
                let tree = db.open_tree(TREE)?;
                let reminders = db.open_tree(REMINDERS)?;
                let reminder_chats = db.open_tree(REMINDER_CHATS)?;
                Ok((db, tree, reminders, reminder_chats))
            });
        match opened {
            Ok((db, tree, reminders, reminder_chats)) => Ok(SledStore {
                _db: db,
                tree,
                reminders,
                reminder_chats,
                claims: LocalClaims::default(),
                commit: GroupCommit::default(),
            }),
            Err(error) if is_lock_error(&error) => Err(StoreError::Locked {
                dir: dir.to_path_buf(),
            }),
            Err(source) => Err(StoreError::Open {
                dir: PathBuf::from(dir),
                source,
            }),
        }
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
            let result = self.tree.flush();
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

    /// Removes `chat`'s scheduled reminders (without flushing).
    fn clear_reminders(&self, chat: ChatId) -> Result<(), StoreError> {
        if let Some(old) = self.reminder_chats.remove(key(chat))? {
            let old: Vec<Reminder> = serde_json::from_slice(&old).unwrap_or_default();
            for r in old {
                self.reminders.remove(reminder_key(chat, &r))?;
            }
        }
        Ok(())
    }
}

/// Due time, chat, kind: due reminders are a prefix of the tree.
fn reminder_key(chat: ChatId, r: &Reminder) -> [u8; 17] {
    let mut k = [0u8; 17];
    k[..8].copy_from_slice(&(r.at.timestamp().max(0) as u64).to_be_bytes());
    k[8..16].copy_from_slice(&chat.to_be_bytes());
    k[16] = r.kind.code();
    k
}

fn reminder_from(k: &[u8], v: &[u8]) -> Option<(ChatId, Reminder)> {
    let at = i64::try_from(u64::from_be_bytes(k.get(..8)?.try_into().ok()?)).ok()?;
    let chat = i64::from_be_bytes(k.get(8..16)?.try_into().ok()?);
    let kind = ReminderKind::from_code(*k.get(16)?)?;
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

fn key(chat: ChatId) -> [u8; 8] {
    chat.to_be_bytes()
}

impl Store for SledStore {
    fn load(&self, chat: ChatId) -> Result<Loaded, StoreError> {
        Ok(match self.tree.get(key(chat))? {
            Some(bytes) => codec::decode(&bytes),
            None => Loaded::Missing,
        })
    }

    fn save(&self, chat: ChatId, record: &Record) -> Result<(), StoreError> {
        self.tree.insert(key(chat), codec::encode(record)?)?;
        self.flush()
    }

    fn save_soon(&self, chat: ChatId, record: &Record) -> Result<(), StoreError> {
        // On disk with the next grouped flush, or sled's own within half a second.
        self.tree.insert(key(chat), codec::encode(record)?)?;
        Ok(())
    }

    fn forget(&self, chat: ChatId) -> Result<(), StoreError> {
        self.tree.remove(key(chat))?;
        self.clear_reminders(chat)?;
        self.flush()
    }

    fn expire(&self, now: DateTime<Utc>, retention: chrono::Duration) -> Result<usize, StoreError> {
        let mut stale = Vec::new();
        for entry in self.tree.iter() {
            let (key, bytes) = entry?;
            let expired = match codec::decode(&bytes) {
                Loaded::Found(record) => record.expires_at(retention) <= now,
                Loaded::Unreadable | Loaded::Missing => true,
            };
            if expired {
                stale.push((key, bytes));
            }
        }
        let mut removed = 0;
        for (key, bytes) in stale {
            // Only if unchanged: the chat may have become active since it was read.
            if self
                .tree
                .compare_and_swap(key, Some(bytes), None::<&[u8]>)?
                .is_ok()
            {
                removed += 1;
            }
        }
        if removed > 0 {
            self.flush()?;
        }
        Ok(removed)
    }

    fn len(&self) -> Result<usize, StoreError> {
        Ok(self.tree.len())
    }

    fn set_reminders(&self, chat: ChatId, reminders: &[Reminder]) -> Result<(), StoreError> {
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
    ) -> Result<Vec<(ChatId, Reminder)>, StoreError> {
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

    fn take_reminder(&self, chat: ChatId, reminder: &Reminder) -> Result<bool, StoreError> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::{at, contract, sample};
    use chrono::Duration;

    fn raw(store: &SledStore, chat: ChatId, bytes: &[u8]) {
        store.tree.insert(key(chat), bytes).unwrap();
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
            store.save(42, &record).unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.load(42).unwrap(), Loaded::Found(record));
    }

    /// A crash right after `save`: a copy of the directory taken while the store is still
    /// open (nothing flushed by drop) must hold the record.
    #[test]
    fn save_is_on_disk_before_it_returns() {
        let dir = tempfile::tempdir().unwrap();
        let copy = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let record = sample(at(1_700_000_000));
        store.save(42, &record).unwrap();
        copy_dir(dir.path(), copy.path());

        let crashed = SledStore::open(copy.path()).unwrap();
        assert_eq!(crashed.load(42).unwrap(), Loaded::Found(record));

        store.forget(42).unwrap();
        let copy = tempfile::tempdir().unwrap();
        copy_dir(dir.path(), copy.path());
        let crashed = SledStore::open(copy.path()).unwrap();
        assert_eq!(crashed.load(42).unwrap(), Loaded::Missing);
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
                        store.save(t * 1000 + i, &record).unwrap();
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
                    let Loaded::Found(record) = reopened.load(t * 1000 + i).unwrap() else {
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
            store.save(chat, &sample(at(0))).unwrap();
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

        let Loaded::Found(mut record) = store.load(5).unwrap() else {
            panic!("a v1 record must be read");
        };
        assert_eq!(record.state, state);
        assert_eq!(record.last_active, 1_600_000_000);
        assert!(record.recent_updates.is_empty());
        assert_eq!(record.reminder_at, None);

        record.mark_seen(9);
        store.save(5, &record).unwrap();
        let stored = store.tree.get(key(5)).unwrap().unwrap();
        assert_eq!(stored[0], codec::CURRENT);
        assert_eq!(store.load(5).unwrap(), Loaded::Found(record));
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
            assert_eq!(store.load(chat).unwrap(), Loaded::Unreadable, "chat {chat}");
        }

        // The caller starts over and saves: the bad bytes are gone.
        let fresh = sample(at(1_700_000_000));
        store.save(1, &fresh).unwrap();
        assert_eq!(store.load(1).unwrap(), Loaded::Found(fresh));

        // Expire clears what nobody can read, whatever the time.
        assert_eq!(store.expire(at(0), Duration::days(30)).unwrap(), 2);
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn forget_leaves_no_key_for_that_chat() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let record = sample(at(0));
        store.save(1, &record).unwrap();
        store.save(2, &record).unwrap();
        store.forget(1).unwrap();
        assert!(!store.tree.contains_key(key(1)).unwrap());
        assert!(store.tree.contains_key(key(2)).unwrap());
        // Nothing else under any name holds it either.
        let keys: Vec<_> = store.tree.iter().keys().map(|k| k.unwrap()).collect();
        assert_eq!(keys, vec![sled::IVec::from(&key(2))]);
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
    fn a_directory_that_cannot_be_opened_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-directory");
        std::fs::write(&file, b"x").unwrap();
        let error = SledStore::open(&file).unwrap_err();
        assert!(error.to_string().contains("not-a-directory"), "{error}");
    }
}
