//! The web chat's per-client rate limit: a token bucket per conversation (cookie id) and
//! one per address, in memory. A client over its limit gets a friendly 429 page; nothing
//! is stored, and a bucket that has filled up again (a minute without requests) is
//! forgotten at the next sweep.
//!
//! Must not: keep an address or an id longer than its bucket needs, or log either.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Every this many requests, buckets that have filled up again (a minute without
/// requests) are dropped; also whenever there are [`SWEEP_AT`] of them.
const SWEEP_EVERY: u64 = 256;
const SWEEP_AT: usize = 10_000;

/// Token buckets by key: `per_minute` requests a minute, bursts up to the same number.
pub struct RateLimit {
    per_minute: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
    calls: std::sync::atomic::AtomicU64,
}

impl RateLimit {
    pub fn new(per_minute: u32) -> RateLimit {
        RateLimit {
            per_minute: per_minute.max(1) as f64,
            buckets: Mutex::new(HashMap::new()),
            calls: Default::default(),
        }
    }

    /// Takes a token for `key` at `now`; `false` when there is none left.
    pub fn allow(&self, key: &str, now: Instant) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return true;
        };
        let full = self.per_minute;
        let refill = |tokens: f64, since: Instant| {
            let secs = now.saturating_duration_since(since).as_secs_f64();
            (tokens + secs * full / 60.0).min(full)
        };
        let calls = self
            .calls
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if calls % SWEEP_EVERY == SWEEP_EVERY - 1 || buckets.len() >= SWEEP_AT {
            buckets.retain(|_, (tokens, since)| refill(*tokens, *since) < full);
        }
        let (tokens, since) = buckets.entry(key.to_string()).or_insert((full, now));
        let available = refill(*tokens, *since);
        *since = now;
        if available >= 1.0 {
            *tokens = available - 1.0;
            true
        } else {
            *tokens = available;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn five_a_minute_allows_five_then_one_more_every_twelve_seconds() {
        let limit = RateLimit::new(5);
        let t0 = Instant::now();
        for _ in 0..5 {
            assert!(limit.allow("a", t0));
        }
        assert!(!limit.allow("a", t0));
        assert!(limit.allow("b", t0), "another client has its own bucket");
        assert!(!limit.allow("a", t0 + Duration::from_secs(6)));
        assert!(limit.allow("a", t0 + Duration::from_secs(13)));
        assert!(!limit.allow("a", t0 + Duration::from_secs(13)));
    }

    #[test]
    fn a_client_idle_for_a_minute_is_forgotten() {
        let limit = RateLimit::new(5);
        let t0 = Instant::now();
        limit.allow("idle", t0);
        for i in 0..SWEEP_EVERY {
            limit.allow(&format!("busy{i}"), t0 + Duration::from_secs(61));
        }
        let buckets = limit.buckets.lock().unwrap();
        assert!(!buckets.contains_key("idle"));
        assert!(
            buckets.contains_key("busy0"),
            "a client seen just now is kept"
        );
    }
}
