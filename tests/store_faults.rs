//! When the conversation store fails: a damaged data directory, a store whose writes fail
//! (a full disk), a data directory the bot cannot write. The citizen gets a calm answer,
//! the operator a clear log line, `/healthz` and `/metrics` tell the truth, and the bot
//! recovers without a restart once the store works again.

mod support;

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::reminders::Reminder;
use mitid_bot::i18n::Globals;
use mitid_bot::storage::{Key, Loaded, MemoryStore, Record, SledStore, Store, StoreError};
use mitid_bot::telegram::{self, App};
use support::http::{free_port, http};
use support::{FakeTelegram, SentMessage, User};

const EMMA: User = User {
    id: 3001,
    language_code: Some("en"),
    first_name: "Emma",
};

fn wait_for_new(fake: &FakeTelegram, user: User, before: usize) -> Vec<SentMessage> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let sent = fake.sent_messages(user.id);
        if sent.len() > before {
            // Let a second message of the same reply arrive too.
            std::thread::sleep(Duration::from_millis(300));
            return fake.sent_messages(user.id)[before..].to_vec();
        }
        assert!(
            Instant::now() < deadline,
            "no reply; calls:\n{}",
            fake.dump(&fake.calls())
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn joined(ms: &[SentMessage]) -> String {
    ms.iter()
        .map(|m| m.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn start_binary(fake: &FakeTelegram, dir: &Path, listen: SocketAddr) -> Child {
    Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["run", "--listen", &listen.to_string(), "--data-dir"])
        .arg(dir)
        .envs(fake.child_env())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

fn kill(mut child: Child) -> String {
    child.kill().expect("SIGKILL");
    let out = child.wait_with_output().expect("the bot ends");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn check_store(dir: &Path) -> (String, i32) {
    let (out, err, code) = support::binary::run(
        &["check", "--data-dir", &dir.display().to_string()],
        "",
        None,
    );
    (format!("{out}{err}"), code)
}

/// A damaged `conf`, then a damaged log: each time the bot starts anyway, keeps the old
/// files for the operator, says so in the log and in `/metrics`, and a citizen who presses
/// a button from before is told calmly that the earlier answers are gone.
#[test]
fn a_damaged_data_directory_is_set_aside_and_the_bot_answers() {
    for damaged in ["conf", "db"] {
        let fake = FakeTelegram::start_in_background();
        let dir = tempfile::tempdir().unwrap();
        let listen: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
        let bot = start_binary(&fake, dir.path(), listen);
        fake.send_text(EMMA, "/start");
        let welcome = wait_for_new(&fake, EMMA, 0);
        let old_screen = welcome.last().unwrap().clone();
        let prepare = old_screen
            .callback_data()
            .into_iter()
            .find(|d| d.ends_with(":prepare"))
            .expect("the welcome offers to prepare");
        kill(bot);

        let (report, code) = check_store(dir.path());
        assert_eq!(code, 0, "{report}");
        assert!(report.contains("1 conversation"), "{damaged}: {report}");

        let file = dir.path().join(damaged);
        let mut bytes = std::fs::read(&file).unwrap();
        let len = bytes.len().min(4096);
        bytes[..len].iter_mut().for_each(|b| *b = 0xA5);
        std::fs::write(&file, &bytes).unwrap();

        let (report, code) = check_store(dir.path());
        assert_eq!(code, 1, "{damaged}: check reports the damage: {report}");
        assert!(
            report.contains("damaged") || report.contains("could not open"),
            "{report}"
        );

        let bot = start_binary(&fake, dir.path(), listen);
        let before = fake.sent_messages(EMMA.id).len();
        fake.press_button(EMMA, old_screen.message_id, &prepare);
        let reply = joined(&wait_for_new(&fake, EMMA, before));
        assert!(
            reply.contains("lost your earlier answers"),
            "{damaged}: the citizen is told: {reply}"
        );
        let (status, metrics) = http(listen, "GET", "/metrics", &[], "");
        assert_eq!(status, 200);
        assert!(
            metrics.contains("mitid_bot_store_started_afresh 1"),
            "{damaged}: {metrics}"
        );
        let (status, _) = http(listen, "GET", "/healthz", &[], "");
        assert_eq!(status, 200, "{damaged}: the fresh store is healthy");
        let log = kill(bot);
        assert!(
            log.contains("moved aside") && log.contains("damaged-"),
            "{damaged}: one clear error in the log: {log}"
        );
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("damaged-"))
            .collect();
        assert_eq!(aside.len(), 1, "{damaged}: {aside:?}");
        assert!(
            dir.path().join(&aside[0]).join(damaged).exists(),
            "{damaged}: the damaged file is kept for the operator"
        );
        let (report, code) = check_store(dir.path());
        assert_eq!(code, 0, "{report}");
        assert!(report.contains("started afresh"), "{report}");
    }
}

#[test]
fn a_data_directory_that_cannot_be_written_is_named_with_the_user_once() {
    let dir = tempfile::tempdir().unwrap();
    // A file where a directory should be: not writable for anyone, root included.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, b"x").unwrap();
    let data_dir = blocker.join("data");
    let fake = FakeTelegram::start_in_background();
    let out = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["run", "--data-dir"])
        .arg(&data_dir)
        .envs(fake.child_env())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(78),
        "an exit code to not restart on"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&data_dir.display().to_string()), "{err}");
    assert!(err.contains("uid"), "names the user: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

/// A store whose writes fail while `failing` is set, as on a full disk.
struct FullDisk {
    inner: MemoryStore,
    failing: AtomicBool,
}

impl FullDisk {
    fn check(&self) -> Result<(), StoreError> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(StoreError::Database(sled::Error::Io(
                std::io::Error::other("No space left on device (os error 28)"),
            )));
        }
        Ok(())
    }
}

impl Store for FullDisk {
    fn load(&self, chat: &Key) -> Result<Loaded, StoreError> {
        self.inner.load(chat)
    }
    fn save(&self, chat: &Key, record: &Record) -> Result<(), StoreError> {
        self.check()?;
        self.inner.save(chat, record)
    }
    fn forget(&self, chat: &Key) -> Result<(), StoreError> {
        self.check()?;
        self.inner.forget(chat)
    }
    fn expire(&self, now: DateTime<Utc>, retention: chrono::Duration) -> Result<usize, StoreError> {
        self.inner.expire(now, retention)
    }
    fn len(&self) -> Result<usize, StoreError> {
        self.inner.len()
    }
    fn set_reminders(&self, chat: &Key, reminders: &[Reminder]) -> Result<(), StoreError> {
        self.check()?;
        self.inner.set_reminders(chat, reminders)
    }
    fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(Key, Reminder)>, StoreError> {
        self.inner.due_reminders(now, limit)
    }
    fn take_reminder(&self, chat: &Key, reminder: &Reminder) -> Result<bool, StoreError> {
        self.inner.take_reminder(chat, reminder)
    }
    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, StoreError> {
        self.inner.claim_once(key, ttl)
    }
    fn pending_outbox(&self, limit: usize) -> Result<Vec<Key>, StoreError> {
        self.inner.pending_outbox(limit)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_gets_a_calm_reply_a_503_and_a_count_and_recovers_without_restart() {
    let fake = FakeTelegram::start().await;
    let listen: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let mut config = Config::default();
    config.set_flag("listen", &listen.to_string()).unwrap();
    let store = Arc::new(FullDisk {
        inner: MemoryStore::new(),
        failing: AtomicBool::new(false),
    });
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    let app = Arc::new(App::new(engine, store.clone(), config));
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stop_rx.await;
    }));
    let get = |path: &'static str| {
        tokio::task::spawn_blocking(move || http(listen, "GET", path, &[], ""))
    };

    fake.send_text(EMMA, "/start");
    let welcome = tokio::task::spawn_blocking({
        let fake = fake.clone();
        move || wait_for_new(&fake, EMMA, 0)
    })
    .await
    .unwrap();
    assert_eq!(get("/healthz").await.unwrap().0, 200);

    store.failing.store(true, Ordering::SeqCst);
    let screen = welcome.last().unwrap().clone();
    let prepare = screen
        .callback_data()
        .into_iter()
        .find(|d| d.ends_with(":prepare"))
        .unwrap();
    let before = fake.sent_messages(EMMA.id).len();
    let answered = fake.calls_to("answerCallbackQuery").len();
    fake.press_button(EMMA, screen.message_id, &prepare);
    let reply = tokio::task::spawn_blocking({
        let fake = fake.clone();
        move || joined(&wait_for_new(&fake, EMMA, before))
    })
    .await
    .unwrap();
    assert!(reply.contains("could not save your answer"), "{reply}");
    assert!(reply.contains("73 76 76 76"), "the phone number: {reply}");
    assert_eq!(
        fake.calls_to("answerCallbackQuery").len(),
        answered + 1,
        "the button stops spinning"
    );
    let (status, body) = get("/healthz").await.unwrap();
    assert_eq!(status, 503, "{body}");
    let (_, metrics) = get("/metrics").await.unwrap();
    assert!(
        metrics.contains("mitid_bot_store_errors_total 1"),
        "{metrics}"
    );
    assert!(metrics.contains("mitid_bot_store_failing 1"), "{metrics}");

    // Space is freed: the same press works, and health comes back, no restart.
    store.failing.store(false, Ordering::SeqCst);
    let before = fake.sent_messages(EMMA.id).len();
    fake.press_button(EMMA, screen.message_id, &prepare);
    let reply = tokio::task::spawn_blocking({
        let fake = fake.clone();
        move || joined(&wait_for_new(&fake, EMMA, before))
    })
    .await
    .unwrap();
    assert!(!reply.contains("could not save"), "{reply}");
    assert_eq!(get("/healthz").await.unwrap().0, 200);
    assert!(
        store.load(&Key::telegram(EMMA.id)).unwrap() != Loaded::Missing,
        "saved again"
    );

    let _ = stop_tx.send(());
    let _ = tokio::time::timeout(Duration::from_secs(10), bot).await;
}

#[test]
fn check_reports_a_healthy_store_and_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    let (report, code) = check_store(dir.path());
    assert_eq!(code, 0, "{report}");
    assert!(report.contains("no conversation store yet"), "{report}");
    {
        let store = SledStore::open(dir.path()).unwrap();
        let record = Record::new(
            mitid_bot::dialogue::State::new(mitid_bot::i18n::Lang::Da),
            Utc::now(),
        );
        for chat in 1..=3 {
            store.save(&Key::telegram(chat), &record).unwrap();
        }
    }
    let (report, code) = check_store(dir.path());
    assert_eq!(code, 0, "{report}");
    assert!(report.contains("opens; 3 conversation"), "{report}");
}
