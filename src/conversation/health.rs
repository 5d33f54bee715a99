//! Operator-facing health and Prometheus metrics of the conversation service, whatever
//! the channel: updates handled, errors, reply latency, store failures, stored
//! conversations. `/healthz` and `/metrics` ([`router`]), served by whichever listener the
//! operator asks for.
//!
//! Must not: count or show anything about one conversation (no keys, no text).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::storage::Store;

/// The store's health, for `/healthz` and `/metrics`: counts only.
#[derive(Debug, Default)]
pub struct Health {
    /// Loads and saves that failed (a full disk, a lost Redis).
    store_errors: AtomicU64,
    /// Whether the latest save failed: `/healthz` answers 503 until one works again.
    store_failing: AtomicBool,
}

impl Health {
    /// The store failed to load or save a conversation.
    pub fn store_failed(&self) {
        self.store_errors.fetch_add(1, Ordering::Relaxed);
        self.store_failing.store(true, Ordering::Relaxed);
    }

    /// A save worked: the store is writable (again).
    pub fn store_ok(&self) {
        self.store_failing.store(false, Ordering::Relaxed);
    }

    pub fn store_failing(&self) -> bool {
        self.store_failing.load(Ordering::Relaxed)
    }

    pub fn store_errors(&self) -> u64 {
        self.store_errors.load(Ordering::Relaxed)
    }
}

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
pub struct Metrics {
    updates: AtomicU64,
    errors: AtomicU64,
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
    /// The store's failures, counted by the service.
    pub health: Arc<Health>,
}

impl Metrics {
    /// One update handled, from arrival to the last reply call.
    pub fn observe(&self, took: Duration) {
        self.updates.fetch_add(1, Ordering::Relaxed);
        let secs = took.as_secs_f64();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    pub fn error(&self) {
        self.errors.fetch_add(1, Ordering::Relaxed);
    }

    pub fn updates(&self) -> u64 {
        self.updates.load(Ordering::Relaxed)
    }

    /// The Prometheus text format. `stored`: conversations kept; `afresh`: whether the
    /// store was started empty because the earlier one was damaged.
    pub fn render(&self, stored: Option<usize>, afresh: bool) -> String {
        let mut out = String::new();
        out.push_str("# HELP mitid_bot_updates_total Updates handled, of every channel.\n# TYPE mitid_bot_updates_total counter\n");
        out.push_str(&format!(
            "mitid_bot_updates_total {}\n",
            self.updates.load(Ordering::Relaxed)
        ));
        out.push_str("# HELP mitid_bot_errors_total Updates that failed (store or channel errors).\n# TYPE mitid_bot_errors_total counter\n");
        out.push_str(&format!(
            "mitid_bot_errors_total {}\n",
            self.errors.load(Ordering::Relaxed) + self.health.store_errors()
        ));
        out.push_str("# HELP mitid_bot_reply_seconds Time from an update to its last reply.\n# TYPE mitid_bot_reply_seconds histogram\n");
        for (i, bound) in BUCKETS.iter().enumerate() {
            out.push_str(&format!(
                "mitid_bot_reply_seconds_bucket{{le=\"{bound}\"}} {}\n",
                self.buckets[i].load(Ordering::Relaxed)
            ));
        }
        let count = self.count.load(Ordering::Relaxed);
        out.push_str(&format!(
            "mitid_bot_reply_seconds_bucket{{le=\"+Inf\"}} {count}\n"
        ));
        out.push_str(&format!(
            "mitid_bot_reply_seconds_sum {}\n",
            self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6
        ));
        out.push_str(&format!("mitid_bot_reply_seconds_count {count}\n"));
        out.push_str("# HELP mitid_bot_store_errors_total Conversation loads and saves that failed.\n# TYPE mitid_bot_store_errors_total counter\n");
        out.push_str(&format!(
            "mitid_bot_store_errors_total {}\n",
            self.health.store_errors()
        ));
        out.push_str("# HELP mitid_bot_store_failing 1 while saves fail (then /healthz answers 503).\n# TYPE mitid_bot_store_failing gauge\n");
        out.push_str(&format!(
            "mitid_bot_store_failing {}\n",
            u8::from(self.health.store_failing())
        ));
        out.push_str("# HELP mitid_bot_store_started_afresh 1 if the store was damaged and set aside at start (see the log for where).\n# TYPE mitid_bot_store_started_afresh gauge\n");
        out.push_str(&format!(
            "mitid_bot_store_started_afresh {}\n",
            u8::from(afresh)
        ));
        if let Some(n) = stored {
            out.push_str("# HELP mitid_bot_conversations Conversations kept in the store.\n# TYPE mitid_bot_conversations gauge\n");
            out.push_str(&format!("mitid_bot_conversations {n}\n"));
        }
        out
    }
}

#[derive(Clone)]
struct Served {
    metrics: Arc<Metrics>,
    store: Arc<dyn Store>,
}

/// `/healthz` (200 when the store answers, else 503) and `/metrics`.
pub fn router(metrics: Arc<Metrics>, store: Arc<dyn Store>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(prometheus))
        .with_state(Served { metrics, store })
}

async fn store_len(store: Arc<dyn Store>) -> Option<usize> {
    tokio::task::spawn_blocking(move || store.len().ok())
        .await
        .ok()
        .flatten()
}

async fn healthz(State(h): State<Served>) -> impl IntoResponse {
    if h.metrics.health.store_failing() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "store failing: saves do not work\n",
        );
    }
    match store_len(h.store).await {
        Some(_) => (StatusCode::OK, "ok\n"),
        None => (StatusCode::SERVICE_UNAVAILABLE, "store unavailable\n"),
    }
}

async fn prometheus(State(h): State<Served>) -> impl IntoResponse {
    let stored = store_len(h.store.clone()).await;
    let afresh = h.store.lost_at().is_some();
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        h.metrics.render(stored, afresh),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_histogram_counts_each_update_in_every_bucket_at_or_above_it() {
        let m = Metrics::default();
        m.observe(Duration::from_millis(3));
        m.observe(Duration::from_millis(30));
        m.error();
        let text = m.render(Some(7), false);
        assert!(text.contains("mitid_bot_updates_total 2"));
        assert!(text.contains("mitid_bot_errors_total 1"));
        assert!(text.contains("mitid_bot_reply_seconds_bucket{le=\"0.005\"} 1"));
        assert!(text.contains("mitid_bot_reply_seconds_bucket{le=\"0.05\"} 2"));
        assert!(text.contains("mitid_bot_reply_seconds_count 2"));
        assert!(text.contains("mitid_bot_conversations 7"));
        assert!(text.contains("mitid_bot_store_failing 0"));
        assert!(text.contains("mitid_bot_store_started_afresh 0"));
    }

    #[test]
    fn a_failing_store_is_counted_until_a_save_works() {
        let m = Metrics::default();
        m.health.store_failed();
        m.health.store_failed();
        assert!(m.health.store_failing());
        let text = m.render(None, true);
        assert!(text.contains("mitid_bot_store_errors_total 2"), "{text}");
        assert!(text.contains("mitid_bot_errors_total 2"), "{text}");
        assert!(text.contains("mitid_bot_store_failing 1"), "{text}");
        assert!(text.contains("mitid_bot_store_started_afresh 1"), "{text}");
        m.health.store_ok();
        assert!(!m.health.store_failing());
    }
}
