//! A hook for the crash tests, and nothing else: with `MITID_BOT_TEST_STALL=<point>` the
//! process stops at that point of handling an update (logging it once) and waits there
//! until it is killed, so a test can SIGKILL it at a moment it chose. The points:
//! `before-handle` (the update is fetched, not yet stepped or saved) and `before-send`
//! (the step and its replies are saved, nothing is sent yet).
//!
//! Must not: be set outside tests (the bot stops answering at that point).

use std::sync::OnceLock;

/// Waits forever if `MITID_BOT_TEST_STALL` names `point`; returns at once otherwise.
pub async fn at(point: &str) {
    static STALL: OnceLock<Option<String>> = OnceLock::new();
    let stall = STALL.get_or_init(|| std::env::var("MITID_BOT_TEST_STALL").ok());
    if stall.as_deref() == Some(point) {
        tracing::warn!(point, "MITID_BOT_TEST_STALL: holding here until killed");
        std::future::pending::<()>().await;
    }
}
