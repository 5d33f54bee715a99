//! Conversations in memory, for the terminal chat and tests. Gone when the process ends,
//! so `save` is as durable as it needs to be.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{ChatId, Loaded, LocalClaims, Record, Store, StoreError};
use crate::dialogue::reminders::Reminder;

/// A map from chat to record behind a mutex.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: Mutex<HashMap<ChatId, Record>>,
    /// The schedule, ordered by due time.
    reminders: Mutex<BTreeSet<(DateTime<Utc>, ChatId, Reminder)>>,
    claims: LocalClaims,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn schedule(&self) -> MutexGuard<'_, BTreeSet<(DateTime<Utc>, ChatId, Reminder)>> {
        self.reminders
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn records(&self) -> MutexGuard<'_, HashMap<ChatId, Record>> {
        // A panic elsewhere while holding the lock leaves whole records behind (every
        // change is one insert or remove), so the map is still good to use.
        self.records
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store for MemoryStore {
    fn load(&self, chat: ChatId) -> Result<Loaded, StoreError> {
        Ok(match self.records().get(&chat) {
            Some(record) => Loaded::Found(record.clone()),
            None => Loaded::Missing,
        })
    }

    fn save(&self, chat: ChatId, record: &Record) -> Result<(), StoreError> {
        self.records().insert(chat, record.clone());
        Ok(())
    }

    fn forget(&self, chat: ChatId) -> Result<(), StoreError> {
        self.records().remove(&chat);
        self.schedule().retain(|(_, c, _)| *c != chat);
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

    fn set_reminders(&self, chat: ChatId, reminders: &[Reminder]) -> Result<(), StoreError> {
        let mut schedule = self.schedule();
        schedule.retain(|(_, c, _)| *c != chat);
        schedule.extend(reminders.iter().map(|r| (r.at, chat, *r)));
        Ok(())
    }

    fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(ChatId, Reminder)>, StoreError> {
        Ok(self
            .schedule()
            .iter()
            .take_while(|(at, _, _)| *at <= now)
            .take(limit)
            .map(|(_, c, r)| (*c, *r))
            .collect())
    }

    fn take_reminder(&self, chat: ChatId, reminder: &Reminder) -> Result<bool, StoreError> {
        Ok(self.schedule().remove(&(reminder.at, chat, *reminder)))
    }

    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, StoreError> {
        Ok(self.claims.claim_once(key, ttl))
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
