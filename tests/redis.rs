//! Several bot instances on one Redis: a conversation answered by one instance is continued
//! by another, and `claim_once` holds across connections. Needs a Redis server named by
//! `MITID_BOT_REDIS_URL` (`.ci/run` starts one); without it those tests print
//! "skipped: MITID_BOT_REDIS_URL not set" and pass. The last two, on the settings and a
//! Redis that does not answer, need no server.
//!
//! How the two instances take turns: `telegram::serve` fetches updates by long polling,
//! and Telegram lets one poller per token at a time (a second `getUpdates` gets 409
//! Conflict). Behind a webhook, instances run side by side and each gets some of the
//! updates. What matters for the store is the same in both: the next update of a chat
//! lands on an instance that did not handle the previous one, with its own connection to
//! Redis and nothing of that chat in its memory. So two `App`s, each with its own
//! `RedisStore` (own connection), live for the whole test, and their dispatchers take
//! turns on one fake Telegram (one update id sequence, one set of messages, as with the
//! real one): A, then B, then A, then B.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::Engine;
use mitid_bot::i18n::{Globals, Lang, Msg};
use mitid_bot::storage::{Key, Loaded, RedisStore, Store};
use mitid_bot::telegram::{self, App};
use support::{FakeTelegram, SentMessage, User};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const ANNA: User = User {
    id: 3001,
    language_code: Some("da"),
    first_name: "Anna",
};

/// The Redis to use, or `None` after saying the test is skipped.
fn redis_url() -> Option<String> {
    match std::env::var("MITID_BOT_REDIS_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            println!("skipped: MITID_BOT_REDIS_URL not set");
            None
        }
    }
}

/// Keys of their own for each test and each run, so runs in parallel never meet.
fn namespace(test: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("mitid-bot-test:{test}:{}-{nanos}", std::process::id())
}

fn engine() -> Engine {
    check::load(&ContentSource::embedded(), Globals::default()).expect("shipped content loads")
}

fn text(id: &str) -> String {
    let e = engine();
    e.i18n.render(Lang::Da, &Msg::new(id), &e.globals)
}

/// One bot instance: its own engine, its own connection to Redis.
fn instance(store: RedisStore, data_dir: &std::path::Path) -> Arc<App> {
    Arc::new(App::new(
        engine(),
        Arc::new(store),
        Config {
            // Never created: conversations are in Redis.
            data_dir: data_dir.join("unused"),
            ..Config::default()
        },
    ))
}

struct Running {
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
}

fn serve(fake: &FakeTelegram, app: &Arc<App>) -> Running {
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::serve(fake.bot(), app.clone(), async {
        let _ = stopped.await;
    }));
    Running { stop, task }
}

async fn stop(running: Running) {
    let _ = running.stop.send(());
    tokio::time::timeout(Duration::from_secs(10), running.task)
        .await
        .expect("the instance stops within 10 s")
        .expect("the instance did not panic")
        .expect("the instance ran without error");
}

fn messages(fake: &FakeTelegram) -> Vec<SentMessage> {
    fake.sent_messages(ANNA.id)
}

/// Waits until the bot has said something new and then been quiet for a moment.
async fn replies_after(fake: &FakeTelegram, before: usize) -> Vec<SentMessage> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = before;
    let mut quiet_since = Instant::now();
    loop {
        let now = messages(fake).len();
        if now != last {
            last = now;
            quiet_since = Instant::now();
        }
        if last > before && quiet_since.elapsed() > Duration::from_millis(150) {
            return messages(fake)[before..].to_vec();
        }
        assert!(
            Instant::now() < deadline,
            "no reply in 10 s; calls:\n{}",
            fake.dump(&fake.calls())
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Presses the newest button whose callback data ends in `:option`.
async fn press(fake: &FakeTelegram, option: &str) -> String {
    let suffix = format!(":{option}");
    let (message_id, data) = messages(fake)
        .iter()
        .rev()
        .find_map(|m| {
            let data = m
                .callback_data()
                .into_iter()
                .find(|d| d.ends_with(&suffix))?;
            Some((m.message_id, data))
        })
        .unwrap_or_else(|| panic!("no button `{option}` in {:#?}", messages(fake)));
    let before = messages(fake).len();
    fake.press_button(ANNA, message_id, &data);
    let replies = replies_after(fake, before).await;
    replies
        .iter()
        .map(|m| m.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_continue_one_conversation() {
    let Some(url) = redis_url() else {
        return;
    };
    let ns = namespace("two-instances");
    let dir = tempfile::tempdir().unwrap();
    let a = instance(RedisStore::open_in(&url, &ns).unwrap(), dir.path());
    let b = instance(RedisStore::open_in(&url, &ns).unwrap(), dir.path());
    let fake = FakeTelegram::start().await;

    // Instance A: the start and the first answers, up to "do you need to come at all?".
    let running = serve(&fake, &a);
    fake.send_text(ANNA, "/start");
    replies_after(&fake, 0).await;
    press(&fake, "prepare").await;
    let shown = press(&fake, "yes").await;
    assert!(shown.contains(&text("home-question")), "A: {shown}");
    stop(running).await;

    // Instance B continues right there: the answer to that question moves on.
    let running = serve(&fake, &b);
    let shown = press(&fake, "no-doc").await;
    assert!(shown.contains(&text("residence-question")), "B: {shown}");
    stop(running).await;

    // And back and forth: each sees what the other saved.
    let running = serve(&fake, &a);
    let shown = press(&fake, "dk").await;
    assert!(
        shown.contains(&text("history-question")),
        "A again: {shown}"
    );
    stop(running).await;
    let running = serve(&fake, &b);
    let shown = press(&fake, "under5").await;
    assert!(
        shown.contains(&text("doc-main-question")),
        "B again: {shown}"
    );
    stop(running).await;

    // Every question came once: no step was repeated or skipped by a change of instance.
    let all: Vec<String> = messages(&fake).into_iter().map(|m| m.text).collect();
    for id in [
        "welcome",
        "home-question",
        "residence-question",
        "history-question",
        "doc-main-question",
    ] {
        let asked = all.iter().filter(|t| t.contains(&text(id))).count();
        assert_eq!(asked, 1, "`{id}` shown {asked} times:\n{all:#?}");
    }
    // The shared record is where the conversation is, whichever connection reads it.
    for store in [&a.service.store, &b.service.store] {
        let Loaded::Found(record) = store.load(&Key::telegram(ANNA.id)).unwrap() else {
            panic!("the conversation is in Redis");
        };
        assert_eq!(record.state.node, "doc-main");
    }
    assert!(!dir.path().join("unused").exists(), "sled was not used");

    a.service.store.forget(&Key::telegram(ANNA.id)).unwrap();
    assert_eq!(
        b.service.store.load(&Key::telegram(ANNA.id)).unwrap(),
        Loaded::Missing
    );
}

#[test]
fn claim_once_across_two_connections_is_true_exactly_once() {
    let Some(url) = redis_url() else {
        return;
    };
    let ns = namespace("claim");
    let a = Arc::new(RedisStore::open_in(&url, &ns).unwrap());
    let b = Arc::new(RedisStore::open_in(&url, &ns).unwrap());
    // Short-lived, so the keys clean themselves up.
    let ttl = Duration::from_secs(5);

    assert!(a.claim_once("reminder:3001:2026-12-03", ttl).unwrap());
    assert!(!b.claim_once("reminder:3001:2026-12-03", ttl).unwrap());
    assert!(!a.claim_once("reminder:3001:2026-12-03", ttl).unwrap());

    // Eight at once, on both connections: one wins.
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let store = if i % 2 == 0 { a.clone() } else { b.clone() };
            std::thread::spawn(move || store.claim_once("reminder:3001:2026-12-04", ttl).unwrap())
        })
        .collect();
    let won = threads
        .into_iter()
        .map(|t| t.join().unwrap())
        .filter(|&w| w)
        .count();
    assert_eq!(won, 1, "exactly one instance fires the reminder");

    // Another namespace (another bot on the same Redis) has claims of its own.
    let other = RedisStore::open_in(&url, &namespace("claim-other")).unwrap();
    assert!(other.claim_once("reminder:3001:2026-12-03", ttl).unwrap());
}

#[test]
fn run_on_a_redis_that_does_not_answer_names_it_without_the_password() {
    // Needs no Redis: port 1 on loopback, where nothing listens.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .arg("run")
        .env("TELOXIDE_TOKEN", FakeTelegram::TOKEN)
        .env("MITID_BOT_STORAGE", "redis")
        .env("MITID_BOT_REDIS_URL", "redis://:hunter2@127.0.0.1:1/")
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("redis://:***@127.0.0.1:1/"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn storage_redis_without_an_address_is_refused_by_name() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .arg("check")
        .env("MITID_BOT_STORAGE", "redis")
        .env_remove("MITID_BOT_REDIS_URL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("MITID_BOT_STORAGE: `redis_url`"), "{err}");
}

/// Two instances running at the same time, each behind its own fake Telegram, both looking
/// for due reminders in one Redis: the reminder goes out once, by one of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_fires_once_with_two_instances() {
    let Some(url) = redis_url() else { return };
    use chrono::TimeZone;
    use mitid_bot::clock::FakeClock;
    use mitid_bot::dialogue::{Fact, State};
    use mitid_bot::storage::Record;
    let ns = namespace("reminder-once");
    let cph = |d: u32, h: u32| {
        chrono_tz::Europe::Copenhagen
            .with_ymd_and_hms(2026, 12, d, h, 0, 0)
            .single()
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let setup = RedisStore::open_in(&url, &ns).unwrap();
    let mut state = State::new(Lang::Da);
    state.node = "remind-set".into();
    state
        .facts
        .insert("appointment".into(), Fact::Time(cph(3, 10).timestamp()));
    state
        .facts
        .insert("reminders".into(), Fact::One("on".into()));
    let plan = engine().reminder_plan(&state, cph(1, 12));
    setup
        .save(&Key::telegram(ANNA.id), &Record::new(state, cph(1, 12)))
        .unwrap();
    setup.set_reminders(&Key::telegram(ANNA.id), &plan).unwrap();

    let clock = Arc::new(FakeClock::new(cph(2, 18)));
    let dir = tempfile::tempdir().unwrap();
    let mut running = Vec::new();
    let mut fakes = Vec::new();
    for _ in 0..2 {
        let fake = FakeTelegram::start().await;
        let store = RedisStore::open_in(&url, &ns).unwrap();
        let mut app = App::new(
            engine(),
            Arc::new(store),
            Config {
                data_dir: dir.path().join("unused"),
                ..Config::default()
            },
        )
        .with_clock(clock.clone());
        app.reminder_tick = Duration::from_millis(20);
        let app = Arc::new(app);
        running.push(serve(&fake, &app));
        fakes.push(fake);
    }
    let sent = |fakes: &[FakeTelegram]| {
        fakes
            .iter()
            .map(|f| f.sent_messages(ANNA.id).len())
            .sum::<usize>()
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while sent(&fakes) == 0 {
        assert!(Instant::now() < deadline, "no reminder went out");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sent(&fakes), 1, "exactly one instance sent it, once");
    for r in running {
        stop(r).await;
    }
    setup.forget(&Key::telegram(ANNA.id)).unwrap();
}
