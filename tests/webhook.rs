//! Webhook mode: updates posted to the bot on loopback with the secret are answered, without
//! it refused; `/healthz` and `/metrics` answer. And SIGTERM under load loses no update.

mod support;

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::conversation::Key;
use mitid_bot::i18n::Globals;
use mitid_bot::storage::{Loaded, MemoryStore, Store};
use mitid_bot::telegram::{self, App};
use support::http::{free_port, http};
use support::{FakeTelegram, User};

fn update_json(id: i32, chat: i64, text: &str) -> String {
    serde_json::json!({
        "update_id": id,
        "message": {
            "message_id": id, "date": 1_700_000_000,
            "chat": { "id": chat, "type": "private", "first_name": "Test" },
            "from": { "id": chat, "is_bot": false, "first_name": "Test", "language_code": "en" },
            "text": text
        }
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_answers_an_update_with_the_secret_and_refuses_one_without() {
    let fake = FakeTelegram::start().await;
    let port = free_port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut config = Config::default();
    config
        .set_flag("webhook_url", "https://bot.example.org/telegram")
        .unwrap();
    config.set_flag("listen", &addr.to_string()).unwrap();
    config.set_flag("webhook_secret", "s3cret-Token_1").unwrap();
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    let store = Arc::new(MemoryStore::new());
    let app = Arc::new(App::new(engine, store.clone(), config));
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stop_rx.await;
    }));

    let set = fake
        .wait_until(Duration::from_secs(10), |c| {
            c.iter().any(|c| c.method == "setWebhook")
        })
        .await;
    let call = set.iter().find(|c| c.method == "setWebhook").unwrap();
    // setWebhook may be sent as a form (it can carry a certificate): look at it as text.
    let body = call.body.to_string();
    assert!(body.contains("https://bot.example.org/telegram"), "{body}");
    assert!(body.contains("s3cret-Token_1"), "{body}");

    let (refused, _) = tokio::task::spawn_blocking(move || {
        http(
            addr,
            "POST",
            "/telegram",
            &[("Content-Type", "application/json")],
            &update_json(1, 4242, "/start"),
        )
    })
    .await
    .unwrap();
    assert_eq!(refused, 401, "no secret, no entry");
    let (wrong, _) = tokio::task::spawn_blocking(move || {
        http(
            addr,
            "POST",
            "/telegram",
            &[
                ("Content-Type", "application/json"),
                ("X-Telegram-Bot-Api-Secret-Token", "guess"),
            ],
            &update_json(2, 4242, "/start"),
        )
    })
    .await
    .unwrap();
    assert_eq!(wrong, 401);
    assert!(
        fake.sent_messages(4242).is_empty(),
        "refused updates are not handled"
    );

    let (ok, _) = tokio::task::spawn_blocking(move || {
        http(
            addr,
            "POST",
            "/telegram",
            &[
                ("Content-Type", "application/json"),
                ("X-Telegram-Bot-Api-Secret-Token", "s3cret-Token_1"),
            ],
            &update_json(3, 4242, "/start"),
        )
    })
    .await
    .unwrap();
    assert_eq!(ok, 200);
    // Telegram got its 200 only once the step was saved: had the bot died before, it
    // would have delivered the update again.
    match store.load(&Key::telegram(4242)).unwrap() {
        Loaded::Found(record) => assert!(record.seen(3), "update 3 is saved as handled"),
        other => panic!("nothing saved when Telegram got its answer: {other:?}"),
    }
    fake.wait_until(Duration::from_secs(10), |c| {
        c.iter().any(|c| c.method == "sendMessage")
    })
    .await;
    assert_eq!(fake.sent_messages(4242).len(), 1);

    let (health, body) =
        tokio::task::spawn_blocking(move || http(addr, "GET", "/healthz", &[], ""))
            .await
            .unwrap();
    assert_eq!((health, body.trim()), (200, "ok"));
    let (_, metrics) = tokio::task::spawn_blocking(move || http(addr, "GET", "/metrics", &[], ""))
        .await
        .unwrap();
    assert!(metrics.contains("mitid_bot_updates_total 1"), "{metrics}");
    assert!(metrics.contains("mitid_bot_conversations 1"), "{metrics}");

    let _ = stop_tx.send(());
    tokio::time::timeout(Duration::from_secs(10), bot)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(
        fake.calls().iter().any(|c| c.method == "deleteWebhook"),
        "the webhook is removed on shutdown"
    );
}

#[test]
fn sigterm_under_load_answers_or_leaves_unconfirmed_every_update() {
    let fake = FakeTelegram::start_in_background();
    let dir = tempfile::tempdir().unwrap();
    let mut ids = Vec::new();
    for i in 0..60 {
        let user = User {
            id: 5000 + i,
            language_code: Some("da"),
            first_name: "Load",
        };
        ids.push((user.id, fake.send_text(user, "/start")));
    }
    let child = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["run", "--data-dir"])
        .arg(dir.path())
        .envs(fake.child_env())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    // Stop it while replies are still going out (Telegram's limits make 60 take seconds).
    fake.wait_until_blocking(Duration::from_secs(20), |c| {
        c.iter().filter(|c| c.method == "sendMessage").count() >= 5
    });
    let out = support::binary::stop(child, Duration::from_secs(60));
    assert!(out.status.success());
    let confirmed = fake.confirmed_offset();
    let mut answered = 0;
    for (chat, update) in ids {
        let replied = !fake.sent_messages(chat).is_empty();
        answered += replied as usize;
        assert!(
            replied || update >= confirmed,
            "update {update} was confirmed (offset {confirmed}) but never answered"
        );
    }
    assert!(answered >= 5);
}
