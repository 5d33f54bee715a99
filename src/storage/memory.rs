//! Conversations in memory, for the terminal chat and tests. Gone when the process ends,
//! so `save` is as durable as it needs to be.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{Key, Loaded, LocalClaims, Record, Store, StoreError};
use crate::dialogue::reminders::Reminder;

/// A map from conversation to record behind a mutex.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: Mutex<HashMap<Key, Record>>,
    /// The schedule, ordered by due time.
    reminders: Mutex<BTreeSet<(DateTime<Utc>, Key, Reminder)>>,
    claims: LocalClaims,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn schedule(&self) -> MutexGuard<'_, BTreeSet<(DateTime<Utc>, Key, Reminder)>> {
        self.reminders
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn records(&self) -> MutexGuard<'_, HashMap<Key, Record>> {
        // A panic elsewhere while holding the lock leaves whole records behind (every
        // change is one insert or remove), so the map is still good to use.
        self.records
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store for MemoryStore {
    fn load(&self, key: &Key) -> Result<Loaded, StoreError> {
        Ok(match self.records().get(key) {
            Some(record) => Loaded::Found(record.clone()),
            None => Loaded::Missing,
        })
    }

    fn save(&self, key: &Key, record: &Record) -> Result<(), StoreError> {
        self.records().insert(key.clone(), record.clone());
        Ok(())
    }

    fn forget(&self, key: &Key) -> Result<(), StoreError> {
        self.records().remove(key);
        self.schedule().retain(|(_, c, _)| c != key);
        Ok(())
    }

    fn expire(&self, now: DateTime<Utc>, retention: chrono::Duration) -> Result<usize, StoreError> {
        let mut records = self.records();
        let before = records.len();
        records.retain(|_, record| record.expires_at(retention) > now);
        Ok(before - records.len())
    }

    fn len(&self) -> Result<usize, StoreError> {
        Ok(self.records().len())
    }

    fn set_reminders(&self, key: &Key, reminders: &[Reminder]) -> Result<(), StoreError> {
        let mut schedule = self.schedule();
        schedule.retain(|(_, c, _)| c != key);
        schedule.extend(reminders.iter().map(|r| (r.at, key.clone(), *r)));
        Ok(())
    }

    fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(Key, Reminder)>, StoreError> {
        Ok(self
            .schedule()
            .iter()
            .take_while(|(at, _, _)| *at <= now)
            .take(limit)
            .map(|(_, c, r)| (c.clone(), *r))
            .collect())
    }

    fn take_reminder(&self, key: &Key, reminder: &Reminder) -> Result<bool, StoreError> {
        Ok(self
            .schedule()
            .remove(&(reminder.at, key.clone(), *reminder)))
    }

    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, StoreError> {
        Ok(self.claims.claim_once(key, ttl))
    }

    /// A walk over the records: the memory store holds the terminal's one conversation
    /// and tests' few, and nothing survives a restart to send anyway.
    fn pending_outbox(&self, limit: usize) -> Result<Vec<Key>, StoreError> {
        Ok(self
            .records()
            .iter()
            .filter(|(_, r)| !r.outbox.is_empty())
            .map(|(k, _)| k.clone())
            .take(limit)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_store_contract() {
        crate::storage::tests::contract(&MemoryStore::new());
    }

    #[test]
    fn keeps_the_claim_contract() {
        crate::storage::tests::claim_contract(&MemoryStore::new());
    }
}
