//! Conversations in Redis, so that several bot instances behind one webhook share them:
//! an update answered by one instance is continued by whichever instance gets the next.
//!
//! # Keys
//!
//! - `mitid-bot:conv:<key>` (the conversation's [`Key::encode`]: a Telegram chat id in
//!   decimal, negative for groups, as before keys had a channel, so those records read as
//!   Telegram conversations unchanged; `web:<id>`; `terminal`): the record, in the same bytes as on disk in sled (one version byte, then JSON; see `codec.rs`), so
//!   a record moves between the stores unchanged and migrates the same way.
//! - `mitid-bot:claim:<key>`: [`Store::claim_once`] markers, with a time to live.
//! - `mitid-bot:outbox`: a set of the conversations (their keys) whose record holds
//!   replies not yet shown, written in the `MULTI` of each save; read by an instance
//!   that starts ([`Store::pending_outbox`]).
//! - `mitid-bot:activity`: a sorted set with one member per conversation (its key),
//!   scored by the moment its retention counts from (the later of last activity and
//!   pending reminder). `len` is its `ZCARD`; the expiry sweep reads only the members old
//!   enough to expire. Written in one `MULTI` with the record. `mitid-bot:activity-indexed`
//!   says it covers every record: a Redis from before it gets it built once, at open.
//!
//! `mitid-bot` is the default namespace; [`RedisStore::open_in`] takes another (tests use
//! one per test, and two bots, say of two municipalities, can share one Redis that way).
//!
//! # Durability
//!
//! `save` is a plain `SET`: it returns once the Redis server has the record in memory.
//! Whether that survives a crash of the *server* is the server's setting, not ours. Run
//! Redis with `appendonly yes` (and the default `appendfsync everysec`, at most a second
//! lost; `always` for none); with only RDB snapshots, or with persistence off, a restart
//! of Redis loses conversations, and citizens start over.
//!
//! # Connection
//!
//! One connection behind a mutex: the store's calls come from `spawn_blocking`, a handful
//! a second even on a busy day, and one connection keeps the code simple. A call that finds
//! the connection broken (Redis restarted, a proxy dropped it, a timeout) connects again
//! and tries once more; every call here may safely run twice (see `claim_once` for the one
//! that needs care).
//!
//! # Several instances, one chat
//!
//! Updates of one chat are handled in order within one instance (teloxide), not across
//! instances: two presses of one citizen arriving at two instances at the same moment
//! both load the same record and the later save wins, one step lost (the citizen sees
//! the screen of the step that was kept and presses again). It takes two updates of one
//! chat in flight at once on two instances, a quick double tap say; where that matters,
//! have the load balancer route by chat id. Redelivered updates are safe: the record's
//! `recent_updates` is shared like the rest of it. An instance that starts sends what
//! is pending in the shared outbox: a turn another instance is showing at that very
//! moment may reach its chat twice (the outbox is cleared only after the showing).
//!
//! # Must not
//!
//! - Never write the password of the Redis URL into an error or a log: [`redact_url`].
//! - Never use `KEYS` (it blocks the server for everyone while it walks all keys): `SCAN`.
//! - Never delete a record that changed since it was read (`expire` compares and deletes
//!   in one step on the server).

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use redis::{Client, Connection, RedisError, RedisResult};

use super::codec;
use super::{Key, Loaded, Record, Store, StoreError};
use crate::dialogue::reminders::{Reminder, ReminderKind};

/// The namespace of the keys unless [`RedisStore::open_in`] names another.
pub const DEFAULT_NAMESPACE: &str = "mitid-bot";

/// How long to wait for Redis to accept a connection, and for any reply. A store call
/// runs on a blocking thread while a citizen waits; better an error than a hang.
const TIMEOUT: Duration = Duration::from_secs(5);

/// How many keys `SCAN` is asked to look at per round trip.
const SCAN_COUNT: usize = 500;

/// Deletes `KEYS[1]` only if it still holds `ARGV[1]`, and then the chat `ARGV[2]` from
/// the activity index `KEYS[2]` and the outbox index `KEYS[3]`: the sled store's
/// compare-and-swap.
const DELETE_IF_UNCHANGED: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('ZREM', KEYS[2], ARGV[2])
  redis.call('SREM', KEYS[3], ARGV[2])
  return redis.call('DEL', KEYS[1])
end
return 0
"#;

/// How many index members the expiry sweep reads per round trip.
const SWEEP_BATCH: isize = 500;

/// The conversation store shared by several instances of the bot.
pub struct RedisStore {
    client: Client,
    /// `None` until the first call, and again after a connection broke.
    connection: Mutex<Option<Connection>>,
    namespace: String,
    /// The URL as it may be shown: no password.
    shown_url: String,
    /// The password, to blank it should a Redis error ever repeat it.
    password: Option<String>,
    /// Makes every claim's value unique to this store (see `claim_once`).
    claim_owner: String,
    claims_made: AtomicU64,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("url", &self.shown_url)
            .field("namespace", &self.namespace)
            .finish_non_exhaustive()
    }
}

impl RedisStore {
    /// Connects to the Redis at `url` (`redis://[:password@]host[:port][/db]`, or
    /// `rediss://` for TLS) and checks that it answers, with the keys under `mitid-bot:`.
    pub fn open(url: &str) -> Result<RedisStore, StoreError> {
        RedisStore::open_in(url, DEFAULT_NAMESPACE)
    }

    /// Like [`RedisStore::open`], with the keys under `namespace:` instead.
    pub fn open_in(url: &str, namespace: &str) -> Result<RedisStore, StoreError> {
        let shown_url = redact_url(url);
        let fail = |message: String| StoreError::Redis {
            url: shown_url.clone(),
            message,
        };
        if namespace.is_empty() {
            return Err(fail("the key namespace must not be empty".into()));
        }
        let client = Client::open(url).map_err(|e| fail(e.to_string()))?;
        let password = client
            .get_connection_info()
            .redis_settings()
            .password()
            .map(str::to_string)
            .filter(|p| !p.is_empty());
        let store = RedisStore {
            client,
            connection: Mutex::new(None),
            namespace: namespace.to_string(),
            shown_url,
            password,
            claim_owner: format!(
                "{}-{}",
                std::process::id(),
                Utc::now().timestamp_nanos_opt().unwrap_or_default()
            ),
            claims_made: AtomicU64::new(0),
        };
        // Fail at start, with the URL named, rather than at a citizen's first message.
        store.with_connection(|c| redis::cmd("PING").query::<String>(c))?;
        store.build_index()?;
        Ok(store)
    }

    /// For a Redis written before the activity index: one walk over the records, once.
    /// Several instances starting at once may each do it; `ZADD` makes that harmless.
    fn build_index(&self) -> Result<(), StoreError> {
        let marker = format!("{}:activity-indexed", self.namespace);
        let done: bool = self.with_connection(|c| redis::cmd("EXISTS").arg(&marker).query(c))?;
        if done {
            return Ok(());
        }
        let prefix = format!("{}:conv:", self.namespace);
        for key in self.conversation_keys()? {
            let Some(chat) = std::str::from_utf8(&key)
                .ok()
                .and_then(|k| k.strip_prefix(&prefix))
                .and_then(Key::decode)
            else {
                continue;
            };
            let bytes: Option<Vec<u8>> =
                self.with_connection(|c| redis::cmd("GET").arg(&key).query(c))?;
            let Some(bytes) = bytes else { continue };
            let score = match codec::decode(&bytes) {
                Loaded::Found(record) => basis(&record),
                _ => 0, // unknown age: the next sweep takes it
            };
            let index = self.activity_key();
            self.with_connection(|c| {
                redis::cmd("ZADD")
                    .arg(&index)
                    .arg(score)
                    .arg(chat.encode())
                    .query::<()>(c)
            })?;
        }
        self.with_connection(|c| redis::cmd("SET").arg(&marker).arg(1).query::<()>(c))
    }

    fn activity_key(&self) -> String {
        format!("{}:activity", self.namespace)
    }

    /// The set of conversations whose outbox is not empty.
    fn outbox_key(&self) -> String {
        format!("{}:outbox", self.namespace)
    }

    fn conversation_key(&self, chat: &Key) -> String {
        format!("{}:conv:{}", self.namespace, chat.encode())
    }

    /// The schedule: a sorted set of `key:kind:at:appointment`, scored by due time.
    fn schedule_key(&self) -> String {
        format!("{}:reminders", self.namespace)
    }

    /// The members one chat has in the schedule, to replace or forget them.
    fn chat_schedule_key(&self, chat: &Key) -> String {
        format!("{}:reminders:{}", self.namespace, chat.encode())
    }

    fn claim_key(&self, key: &str) -> String {
        format!("{}:claim:{key}", self.namespace)
    }

    fn connection(&self) -> MutexGuard<'_, Option<Connection>> {
        // A panic while holding the lock leaves at worst a connection mid-reply; drop it.
        self.connection.lock().unwrap_or_else(|poisoned| {
            let mut guard = poisoned.into_inner();
            *guard = None;
            guard
        })
    }

    fn connect(&self) -> RedisResult<Connection> {
        let connection = self.client.get_connection_with_timeout(TIMEOUT)?;
        connection.set_read_timeout(Some(TIMEOUT))?;
        connection.set_write_timeout(Some(TIMEOUT))?;
        Ok(connection)
    }

    /// Runs `call` on the connection; if the connection turns out broken, connects again
    /// and runs it once more.
    fn with_connection<T>(
        &self,
        mut call: impl FnMut(&mut Connection) -> RedisResult<T>,
    ) -> Result<T, StoreError> {
        let mut guard = self.connection();
        let mut retried = false;
        loop {
            let connection = match &mut *guard {
                Some(connection) => connection,
                None => guard.insert(self.connect().map_err(|e| self.error(e))?),
            };
            match call(connection) {
                Ok(value) => return Ok(value),
                Err(e) if is_broken(&e) => {
                    // The stream may be mid-reply: never use it again.
                    *guard = None;
                    if retried {
                        return Err(self.error(e));
                    }
                    retried = true;
                    tracing::warn!("the Redis connection broke; connecting again");
                }
                Err(e) => return Err(self.error(e)),
            }
        }
    }

    fn error(&self, error: RedisError) -> StoreError {
        let mut message = error.to_string();
        if let Some(password) = &self.password {
            message = message.replace(password.as_str(), "***");
        }
        StoreError::Redis {
            url: self.shown_url.clone(),
            message,
        }
    }

    /// Every key that matches `pattern`, each once (SCAN may return a key twice while
    /// Redis resizes its table).
    fn scan(&self, pattern: &str) -> Result<HashSet<Vec<u8>>, StoreError> {
        let mut keys = HashSet::new();
        let mut cursor = 0u64;
        loop {
            let (next, batch): (u64, Vec<Vec<u8>>) = self.with_connection(|c| {
                redis::cmd("SCAN")
                    .cursor_arg(cursor)
                    .arg("MATCH")
                    .arg(pattern)
                    .arg("COUNT")
                    .arg(SCAN_COUNT)
                    .query(c)
            })?;
            keys.extend(batch);
            if next == 0 {
                return Ok(keys);
            }
            cursor = next;
        }
    }

    fn conversation_keys(&self) -> Result<HashSet<Vec<u8>>, StoreError> {
        self.scan(&format!("{}:conv:*", glob_literal(&self.namespace)))
    }
}

/// `text` with the characters `SCAN MATCH` treats as wildcards escaped.
fn glob_literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Whether the connection can no longer be trusted: a retry must use a new one.
fn is_broken(error: &RedisError) -> bool {
    error.is_io_error()
        || error.is_connection_dropped()
        || error.is_timeout()
        || error.is_unrecoverable_error()
}

/// `url` with its password replaced by `***`, for errors and logs:
/// `redis://:secret@host:6379/0` becomes `redis://:***@host:6379/0`,
/// `redis://user:secret@host` becomes `redis://user:***@host`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        // Not a URL at all; it may still be a password pasted in the wrong place.
        return "<not a redis:// URL>".to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = match userinfo.split_once(':') {
                Some((user, _password)) => format!("{user}:***"),
                // `redis://name@host`: a user name only.
                None => userinfo.to_string(),
            };
            format!("{scheme}://{user}@{host}{path}")
        }
        None => url.to_string(),
    }
}

/// The moment a record's retention counts from, unix seconds (never negative).
fn basis(record: &Record) -> i64 {
    record
        .reminder_at
        .map_or(record.last_active, |r| r.max(record.last_active))
        .max(0)
}

/// `key:kind:at:appointment`, read from the right (a web id may hold `:`). A Telegram
/// conversation's member is the same as before keys had a channel.
fn reminder_member(chat: &Key, r: &Reminder) -> String {
    format!(
        "{}:{}:{}:{}",
        chat.encode(),
        r.kind.code(),
        r.at.timestamp(),
        r.appointment.timestamp()
    )
}

fn reminder_from_member(member: &str) -> Option<(Key, Reminder)> {
    let mut parts = member.rsplitn(4, ':');
    let appointment = DateTime::from_timestamp(parts.next()?.parse().ok()?, 0)?;
    let at = DateTime::from_timestamp(parts.next()?.parse().ok()?, 0)?;
    let kind = ReminderKind::from_code(parts.next()?.parse().ok()?)?;
    let chat = Key::decode(parts.next()?)?;
    Some((
        chat,
        Reminder {
            at,
            kind,
            appointment,
        },
    ))
}

impl Store for RedisStore {
    fn load(&self, chat: &Key) -> Result<Loaded, StoreError> {
        let key = self.conversation_key(chat);
        let bytes: Option<Vec<u8>> =
            self.with_connection(|c| redis::cmd("GET").arg(&key).query(c))?;
        Ok(match bytes {
            Some(bytes) => codec::decode(&bytes),
            None => Loaded::Missing,
        })
    }

    /// Returns when the Redis server has the record; whether it survives a crash of the
    /// server depends on the server's persistence (see the module doc: `appendonly yes`).
    fn save(&self, chat: &Key, record: &Record) -> Result<(), StoreError> {
        let key = self.conversation_key(chat);
        let bytes = codec::encode(record)?;
        let index = self.activity_key();
        let outbox = self.outbox_key();
        let pending = if record.outbox.is_empty() {
            "SREM"
        } else {
            "SADD"
        };
        let score = basis(record);
        self.with_connection(|c| {
            redis::pipe()
                .atomic()
                .cmd("SET")
                .arg(&key)
                .arg(&bytes)
                .ignore()
                .cmd("ZADD")
                .arg(&index)
                .arg(score)
                .arg(chat.encode())
                .ignore()
                .cmd(pending)
                .arg(&outbox)
                .arg(chat.encode())
                .ignore()
                .query::<()>(c)
        })
    }

    fn forget(&self, chat: &Key) -> Result<(), StoreError> {
        let key = self.conversation_key(chat);
        let index = self.activity_key();
        let outbox = self.outbox_key();
        self.with_connection(|c| {
            redis::pipe()
                .atomic()
                .cmd("DEL")
                .arg(&key)
                .ignore()
                .cmd("ZREM")
                .arg(&index)
                .arg(chat.encode())
                .ignore()
                .cmd("SREM")
                .arg(&outbox)
                .arg(chat.encode())
                .ignore()
                .query::<()>(c)
        })?;
        self.set_reminders(chat, &[])
    }

    /// Reads only the index members old enough to expire (score at most `now -
    /// retention`; 0, unknown age, always), and the records behind them.
    fn expire(&self, now: DateTime<Utc>, retention: chrono::Duration) -> Result<usize, StoreError> {
        let cutoff = now
            .checked_sub_signed(retention)
            .map_or(0, |c| c.timestamp())
            .max(0);
        let index = self.activity_key();
        let outbox = self.outbox_key();
        let mut removed = 0;
        // Members looked at and kept (re-scored), to page past them.
        let mut offset: isize = 0;
        loop {
            let chats: Vec<String> = self.with_connection(|c| {
                redis::cmd("ZRANGEBYSCORE")
                    .arg(&index)
                    .arg("-inf")
                    .arg(cutoff)
                    .arg("LIMIT")
                    .arg(offset)
                    .arg(SWEEP_BATCH)
                    .query(c)
            })?;
            if chats.is_empty() {
                break;
            }
            for chat in &chats {
                let Some(key) = Key::decode(chat).map(|k| self.conversation_key(&k)) else {
                    // Not a key this build writes: drop the member.
                    self.with_connection(|c| {
                        redis::cmd("ZREM").arg(&index).arg(chat).query::<()>(c)
                    })?;
                    continue;
                };
                let bytes: Option<Vec<u8>> =
                    self.with_connection(|c| redis::cmd("GET").arg(&key).query(c))?;
                let Some(bytes) = bytes else {
                    // Forgotten since: drop the member.
                    self.with_connection(|c| {
                        redis::cmd("ZREM").arg(&index).arg(chat).query::<()>(c)
                    })?;
                    continue;
                };
                let expired = match codec::decode(&bytes) {
                    Loaded::Found(record) if record.expires_at(retention) > now => {
                        // Indexed as older than it is (built from a raw record): put it
                        // where it belongs, and page past it.
                        let score = basis(&record);
                        self.with_connection(|c| {
                            redis::cmd("ZADD")
                                .arg(&index)
                                .arg(score)
                                .arg(chat)
                                .query::<()>(c)
                        })?;
                        if score <= cutoff {
                            offset += 1;
                        }
                        false
                    }
                    Loaded::Found(_) | Loaded::Unreadable | Loaded::Missing => true,
                };
                if !expired {
                    continue;
                }
                // Only if unchanged: another instance may have saved a new step meanwhile.
                let deleted: i64 = self.with_connection(|c| {
                    redis::cmd("EVAL")
                        .arg(DELETE_IF_UNCHANGED)
                        .arg(3)
                        .arg(&key)
                        .arg(&index)
                        .arg(&outbox)
                        .arg(&bytes)
                        .arg(chat)
                        .query(c)
                })?;
                if deleted > 0 {
                    removed += 1;
                } else {
                    offset += 1; // changed meanwhile: its new score moved it on, or not
                }
            }
        }
        Ok(removed)
    }

    fn len(&self) -> Result<usize, StoreError> {
        let index = self.activity_key();
        self.with_connection(|c| redis::cmd("ZCARD").arg(&index).query(c))
    }

    /// `SET mitid-bot:claim:<key> <value> NX PX <ttl>`: the first instance to ask wins,
    /// across every instance on this Redis.
    ///
    /// The value is unique to this call. If the connection breaks after Redis took the
    /// `SET` but before its answer arrived, the retry finds the key taken; reading the
    /// value back tells whether it was this call that took it, so a lost answer neither
    /// claims twice nor leaves a claim that nobody owns.
    fn set_reminders(&self, chat: &Key, reminders: &[Reminder]) -> Result<(), StoreError> {
        let schedule = self.schedule_key();
        let mine = self.chat_schedule_key(chat);
        let old: Vec<String> =
            self.with_connection(|c| redis::cmd("SMEMBERS").arg(&mine).query(c))?;
        if !old.is_empty() {
            self.with_connection(|c| redis::cmd("ZREM").arg(&schedule).arg(&old).query::<()>(c))?;
        }
        self.with_connection(|c| redis::cmd("DEL").arg(&mine).query::<()>(c))?;
        for r in reminders {
            let member = reminder_member(chat, r);
            self.with_connection(|c| {
                redis::cmd("ZADD")
                    .arg(&schedule)
                    .arg(r.at.timestamp())
                    .arg(&member)
                    .query::<()>(c)
            })?;
            self.with_connection(|c| redis::cmd("SADD").arg(&mine).arg(&member).query::<()>(c))?;
        }
        Ok(())
    }

    fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(Key, Reminder)>, StoreError> {
        let schedule = self.schedule_key();
        let members: Vec<String> = self.with_connection(|c| {
            redis::cmd("ZRANGEBYSCORE")
                .arg(&schedule)
                .arg("-inf")
                .arg(now.timestamp())
                .arg("LIMIT")
                .arg(0)
                .arg(limit)
                .query(c)
        })?;
        Ok(members
            .iter()
            .filter_map(|m| reminder_from_member(m))
            .collect())
    }

    /// ZREM answers 1 to exactly one caller: the reminder goes out once across instances.
    fn take_reminder(&self, chat: &Key, reminder: &Reminder) -> Result<bool, StoreError> {
        let member = reminder_member(chat, reminder);
        let schedule = self.schedule_key();
        let removed: i64 =
            self.with_connection(|c| redis::cmd("ZREM").arg(&schedule).arg(&member).query(c))?;
        let mine = self.chat_schedule_key(chat);
        self.with_connection(|c| redis::cmd("SREM").arg(&mine).arg(&member).query::<()>(c))?;
        Ok(removed > 0)
    }

    /// `SSCAN` over `mitid-bot:outbox` (a set written in the `MULTI` of each save).
    fn pending_outbox(&self, limit: usize) -> Result<Vec<Key>, StoreError> {
        let outbox = self.outbox_key();
        let mut found: HashSet<String> = HashSet::new();
        let mut cursor: u64 = 0;
        loop {
            let (next, members): (u64, Vec<String>) = self.with_connection(|c| {
                redis::cmd("SSCAN")
                    .arg(&outbox)
                    .arg(cursor)
                    .arg("COUNT")
                    .arg(SCAN_COUNT)
                    .query(c)
            })?;
            found.extend(members);
            cursor = next;
            if cursor == 0 || found.len() >= limit {
                break;
            }
        }
        Ok(found
            .iter()
            .filter_map(|m| Key::decode(m))
            .take(limit)
            .collect())
    }

    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, StoreError> {
        let key = self.claim_key(key);
        let value = format!(
            "{}-{}",
            self.claim_owner,
            self.claims_made.fetch_add(1, Ordering::Relaxed)
        );
        let millis = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        self.with_connection(|c| {
            let set: Option<String> = redis::cmd("SET")
                .arg(&key)
                .arg(&value)
                .arg("NX")
                .arg("PX")
                .arg(millis)
                .query(c)?;
            if set.is_some() {
                return Ok(true);
            }
            let holder: Option<String> = redis::cmd("GET").arg(&key).query(c)?;
            Ok(holder.as_deref() == Some(value.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows() {
        let cases = [
            (
                "redis://:s3cret@db.example:6379/0",
                "redis://:***@db.example:6379/0",
            ),
            (
                "rediss://bot:s3cret@db.example",
                "rediss://bot:***@db.example",
            ),
            ("redis://:p@ss@word@host/1", "redis://:***@host/1"),
            ("redis://user@host:6379", "redis://user@host:6379"),
            ("redis://127.0.0.1:6379/", "redis://127.0.0.1:6379/"),
            ("redis://host/0?x=@", "redis://host/0?x=@"),
            ("s3cret", "<not a redis:// URL>"),
        ];
        for (url, shown) in cases {
            assert_eq!(redact_url(url), shown, "{url}");
        }
    }

    #[test]
    fn an_unreachable_server_is_an_error_naming_the_url_without_its_password() {
        // Port 1 on loopback: nothing listens there.
        let error = RedisStore::open("redis://:s3cret@127.0.0.1:1/").unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, StoreError::Redis { .. }), "{error:?}");
        assert!(message.contains("redis://:***@127.0.0.1:1/"), "{message}");
        assert!(!message.contains("s3cret"), "{message}");
    }

    #[test]
    fn a_url_that_does_not_parse_is_an_error_without_its_password() {
        let error = RedisStore::open("redis://:s3cret@[not-a-host").unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, StoreError::Redis { .. }), "{error:?}");
        assert!(!message.contains("s3cret"), "{message}");
    }

    #[test]
    fn a_namespace_is_matched_literally() {
        assert_eq!(glob_literal("a*b?[c]\\d"), "a\\*b\\?\\[c\\]\\\\d");
        assert_eq!(glob_literal("mitid-bot"), "mitid-bot");
    }

    /// A store on the Redis named by `MITID_BOT_REDIS_URL`, in a namespace of its own.
    /// `None` (with a note) when the variable is not set: these tests then do nothing.
    fn live_store(test: &str) -> Option<RedisStore> {
        let url = crate::storage::tests::redis_url()?;
        let namespace = crate::storage::tests::unique_namespace(test);
        Some(RedisStore::open_in(&url, &namespace).expect("MITID_BOT_REDIS_URL answers"))
    }

    /// Removes every key of the store's namespace, also when the test fails.
    struct Cleanup<'a>(&'a RedisStore);

    impl Drop for Cleanup<'_> {
        fn drop(&mut self) {
            let pattern = format!("{}:*", glob_literal(&self.0.namespace));
            for key in self.0.scan(&pattern).unwrap_or_default() {
                let _ = self
                    .0
                    .with_connection(|c| redis::cmd("DEL").arg(&key).query::<()>(c));
            }
        }
    }

    /// Bytes under `chat` as a record from elsewhere would be found at open: indexed as
    /// of unknown age.
    fn raw(store: &RedisStore, chat: i64, bytes: &[u8]) {
        let key = store.conversation_key(&Key::telegram(chat));
        let index = store.activity_key();
        store
            .with_connection(|c| redis::cmd("SET").arg(&key).arg(bytes).query::<()>(c))
            .unwrap();
        store
            .with_connection(|c| {
                redis::cmd("ZADD")
                    .arg(&index)
                    .arg(0)
                    .arg(chat)
                    .query::<()>(c)
            })
            .unwrap();
    }

    #[test]
    fn a_redis_from_before_the_index_gets_it_at_open() {
        use crate::storage::tests::{at, sample};
        let Some(store) = live_store("index") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        let now = at(1_700_000_000);
        store
            .save(&Key::telegram(1), &sample(now - chrono::Duration::days(40)))
            .unwrap();
        store
            .save(&Key::telegram(2), &sample(now - chrono::Duration::days(1)))
            .unwrap();
        // As the previous release left it: records, no index, no marker.
        let index = store.activity_key();
        let marker = format!("{}:activity-indexed", store.namespace);
        store
            .with_connection(|c| redis::cmd("DEL").arg(&index).arg(&marker).query::<()>(c))
            .unwrap();
        let reopened = RedisStore::open_in(
            &crate::storage::tests::redis_url().unwrap(),
            &store.namespace,
        )
        .unwrap();
        assert_eq!(reopened.len().unwrap(), 2);
        assert_eq!(reopened.expire(now, chrono::Duration::days(30)).unwrap(), 1);
        assert_eq!(reopened.load(&Key::telegram(1)).unwrap(), Loaded::Missing);
        assert_eq!(reopened.len().unwrap(), 1);
    }

    #[test]
    fn conversations_kept_by_telegram_chat_id_are_read_as_telegram_conversations() {
        use crate::dialogue::reminders::ReminderKind;
        use crate::storage::tests::{at, sample};
        let Some(store) = live_store("by-chat-id") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        let now = at(1_700_000_000);
        let anna = 7_001_234_567_i64;
        // As the release before channels left it: the chat id in decimal everywhere.
        let ns = &store.namespace;
        let member = format!("{anna}:1:1700050000:1700100000");
        store
            .with_connection(|c| {
                redis::pipe()
                    .cmd("SET")
                    .arg(format!("{ns}:conv:{anna}"))
                    .arg(codec::encode(&sample(now)).unwrap())
                    .cmd("ZADD")
                    .arg(format!("{ns}:activity"))
                    .arg(now.timestamp())
                    .arg(anna)
                    .cmd("ZADD")
                    .arg(format!("{ns}:reminders"))
                    .arg(1_700_050_000)
                    .arg(&member)
                    .cmd("SADD")
                    .arg(format!("{ns}:reminders:{anna}"))
                    .arg(&member)
                    .query::<()>(c)
            })
            .unwrap();
        let anna = Key::telegram(anna);
        assert_eq!(store.load(&anna).unwrap(), Loaded::Found(sample(now)));
        assert_eq!(store.len().unwrap(), 1);
        let evening = Reminder {
            at: at(1_700_050_000),
            kind: ReminderKind::Evening,
            appointment: at(1_700_100_000),
        };
        assert_eq!(
            store.due_reminders(evening.at, 10).unwrap(),
            vec![(anna.clone(), evening)]
        );
        assert!(store.take_reminder(&anna, &evening).unwrap());
        store.forget(&anna).unwrap();
        assert!(store.is_empty().unwrap());
    }

    #[test]
    fn keeps_the_store_contract() {
        let Some(store) = live_store("contract") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        crate::storage::tests::contract(&store);
    }

    #[test]
    fn keeps_the_claim_contract() {
        let Some(store) = live_store("claim") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        crate::storage::tests::claim_contract(&store);
    }

    #[test]
    fn records_are_stored_under_the_documented_key_in_the_codec_bytes() {
        use crate::storage::tests::{at, sample};
        let Some(store) = live_store("layout") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        let record = sample(at(1_700_000_000));
        store.save(&Key::telegram(-100_200), &record).unwrap();
        let key = format!("{}:conv:-100200", store.namespace);
        let bytes: Vec<u8> = store
            .with_connection(|c| redis::cmd("GET").arg(&key).query(c))
            .unwrap();
        assert_eq!(bytes, codec::encode(&record).unwrap());
        store.forget(&Key::telegram(-100_200)).unwrap();
        let exists: bool = store
            .with_connection(|c| redis::cmd("EXISTS").arg(&key).query(c))
            .unwrap();
        assert!(!exists, "forget deletes the key");
    }

    #[test]
    fn a_version_1_record_is_migrated_and_garbage_is_unreadable_then_expired() {
        use crate::storage::tests::{at, sample};
        let Some(store) = live_store("migrate") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        let state = serde_json::to_string(&sample(at(0)).state).unwrap();
        let mut v1 = vec![1u8];
        v1.extend_from_slice(format!(r#"{{"state":{state},"last_active":1600000000}}"#).as_bytes());
        raw(&store, 5, &v1);
        raw(&store, 6, b"\x00\xffgarbage");
        let Loaded::Found(record) = store.load(&Key::telegram(5)).unwrap() else {
            panic!("a v1 record must be read");
        };
        assert_eq!(record.last_active, 1_600_000_000);
        assert_eq!(store.load(&Key::telegram(6)).unwrap(), Loaded::Unreadable);
        // What nobody can read goes at the next expiry, whatever the time.
        assert_eq!(store.expire(at(0), chrono::Duration::days(30)).unwrap(), 1);
        assert_eq!(store.load(&Key::telegram(6)).unwrap(), Loaded::Missing);
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn a_broken_connection_is_replaced_once_and_the_call_goes_through() {
        use crate::storage::tests::{at, sample};
        let Some(store) = live_store("reconnect") else {
            return;
        };
        let _cleanup = Cleanup(&store);
        // Have the server close our connection, as a Redis restart would.
        let id: i64 = store
            .with_connection(|c| redis::cmd("CLIENT").arg("ID").query(c))
            .unwrap();
        let killer = RedisStore::open_in(
            &crate::storage::tests::redis_url().unwrap(),
            &store.namespace,
        )
        .unwrap();
        let killed: i64 = killer
            .with_connection(|c| redis::cmd("CLIENT").arg("KILL").arg("ID").arg(id).query(c))
            .unwrap();
        assert_eq!(killed, 1);
        let record = sample(at(1_700_000_000));
        store.save(&Key::telegram(1), &record).unwrap();
        assert_eq!(
            store.load(&Key::telegram(1)).unwrap(),
            Loaded::Found(record)
        );
    }
}
