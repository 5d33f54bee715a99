//! The built binary on a data directory, killed with SIGKILL right after a reply and started
//! again: the conversation continues at the same step. Telegram is a fake server on loopback.

mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::i18n::{Globals, Lang, Msg};
use support::{FakeTelegram, SentMessage, User};

const MARIA: User = User {
    id: 2001,
    language_code: Some("de"),
    first_name: "Maria",
};

fn text(lang: Lang, id: &str) -> String {
    let e = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    e.i18n.render(lang, &Msg::new(id), &e.globals)
}

fn start(fake: &FakeTelegram, dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["run", "--data-dir"])
        .arg(dir)
        .envs(fake.child_env())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

fn wait_for_new(fake: &FakeTelegram, before: usize) -> Vec<SentMessage> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let sent = fake.sent_messages(MARIA.id);
        if sent.len() > before {
            return sent[before..].to_vec();
        }
        assert!(
            Instant::now() < deadline,
            "no reply; calls:\n{}",
            fake.dump(&fake.calls())
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn press(fake: &FakeTelegram, option: &str) -> Vec<SentMessage> {
    let sent = fake.sent_messages(MARIA.id);
    let last = sent.last().expect("a screen with buttons");
    let data = last
        .callback_data()
        .into_iter()
        .find(|d| d.ends_with(&format!(":{option}")))
        .unwrap_or_else(|| panic!("no `{option}` on {last:#?}"));
    fake.press_button(MARIA, last.message_id, &data);
    wait_for_new(fake, sent.len())
}

#[test]
fn killed_right_after_a_reply_the_bot_continues_at_the_same_step() {
    let fake = FakeTelegram::start_in_background();
    let dir = tempfile::tempdir().unwrap();
    let mut bot = start(&fake, dir.path());

    fake.send_text(MARIA, "/start");
    wait_for_new(&fake, 0);
    press(&fake, "prepare");
    let shown = press(&fake, "yes");
    assert!(
        shown[0].text.contains(&text(Lang::De, "home-question")),
        "{}",
        shown[0].text
    );
    bot.kill().expect("SIGKILL");
    bot.wait().unwrap();

    let mut bot = start(&fake, dir.path());
    let next = press(&fake, "no-doc");
    assert!(
        next[0].text.contains(&text(Lang::De, "residence-question")),
        "continued at the same step: {}",
        next[0].text
    );
    // Nothing that was answered before the kill is asked again.
    std::thread::sleep(Duration::from_millis(500));
    let after = fake.sent_messages(MARIA.id);
    let asked_again = after
        .iter()
        .filter(|m| m.text.contains(&text(Lang::De, "home-question")))
        .count();
    assert_eq!(asked_again, 1, "the at-home question was not asked twice");
    bot.kill().unwrap();
    bot.wait().unwrap();
}

#[test]
fn without_a_token_run_says_what_to_do() {
    let out = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .arg("run")
        .env_remove("TELOXIDE_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("TELOXIDE_TOKEN") && err.contains("BotFather"),
        "{err}"
    );
}

#[test]
fn sigterm_stops_the_bot_cleanly_and_the_token_is_not_logged() {
    let fake = FakeTelegram::start_in_background();
    let dir = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["run", "--data-dir"])
        .arg(dir.path())
        .envs(fake.child_env())
        .env("RUST_LOG", "debug")
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    fake.send_text(MARIA, "/start");
    wait_for_new(&fake, 0);
    let out = support::binary::stop(child, Duration::from_secs(60));
    assert!(out.status.success(), "exit status {:?}", out.status);
    let log = String::from_utf8_lossy(&out.stderr);
    let secret = FakeTelegram::TOKEN.split(':').nth(1).unwrap();
    assert!(!log.contains(secret), "the token is in the log:\n{log}");
    assert!(log.contains("stopped"), "{log}");
    // The counts were written on the way out, and `stats` reads them.
    let stats = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["stats", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&stats.stdout).expect("stats --json prints JSON");
    assert_eq!(json["total"]["conversations_started"], 1, "{json}");
}
