//! Nothing fetched is lost, nothing is done twice: the built binary on a data directory,
//! killed with SIGKILL at chosen moments (`MITID_BOT_TEST_STALL`) and at random ones, and
//! started again on the same directory. Telegram is the fake Bot API on loopback.

mod support;

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use support::{FakeTelegram, SentMessage, User};

const MARIA: User = User {
    id: 2001,
    language_code: Some("en"),
    first_name: "Maria",
};

/// The first words of the greeting a person gets for /start.
const WELCOME: &str = "Hello! I am the automated assistant of Citizen Service";

fn start(fake: &FakeTelegram, dir: &Path, stall: Option<&str>) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mitid-bot"));
    command
        .args(["run", "--data-dir"])
        .arg(dir)
        .envs(fake.child_env())
        .env("RUST_LOG", "warn")
        .env_remove("MITID_BOT_TEST_STALL")
        .stdin(Stdio::null());
    if let Some(point) = stall {
        command.env("MITID_BOT_TEST_STALL", point);
    }
    command.spawn().expect("the binary starts")
}

fn kill(mut bot: Child) {
    bot.kill().expect("SIGKILL");
    bot.wait().expect("reaped");
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn greetings(fake: &FakeTelegram, user: User) -> Vec<SentMessage> {
    fake.sent_messages(user.id)
        .into_iter()
        .filter(|m| m.text.starts_with(WELCOME))
        .collect()
}

#[test]
fn killed_after_fetching_an_update_and_before_handling_it_the_bot_answers_it_once_after_restart() {
    let fake = FakeTelegram::start_in_background();
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path(), Some("before-handle"));
    let update = fake.send_text(MARIA, "/start");
    wait_for("the bot to fetch /start", Duration::from_secs(20), || {
        fake.times_delivered(update) > 0
    });
    // Long enough for more getUpdates calls (teloxide's polling confirmed the update with
    // the next one, and it was gone).
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        fake.confirmed_offset() <= update,
        "the update was confirmed before it was handled (offset {})",
        fake.confirmed_offset()
    );
    assert!(greetings(&fake, MARIA).is_empty(), "nothing was sent yet");
    kill(bot);

    let bot = start(&fake, dir.path(), None);
    wait_for(
        "the greeting after the restart",
        Duration::from_secs(20),
        || !greetings(&fake, MARIA).is_empty(),
    );
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(greetings(&fake, MARIA).len(), 1, "the greeting comes once");
    assert!(
        fake.confirmed_offset() > update,
        "handled now, and confirmed"
    );
    kill(bot);
}

/// A bot started by a test, killed when dropped: also when a wait times out and the test
/// panics, so no child outlives its test.
struct Running(Option<Child>);

impl Running {
    fn kill(mut self) {
        if let Some(child) = self.0.take() {
            kill(child);
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts the bot stalled at `point`, and a flag that is set once it says it holds there.
fn start_stalled(fake: &FakeTelegram, dir: &Path, point: &str) -> (Running, Arc<AtomicBool>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mitid-bot"));
    command
        .args(["run", "--data-dir"])
        .arg(dir)
        .envs(fake.child_env())
        .env("RUST_LOG", "warn")
        .env("MITID_BOT_TEST_STALL", point)
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let holding = Arc::new(AtomicBool::new(false));
    let flag = holding.clone();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if line.contains("MITID_BOT_TEST_STALL") {
                flag.store(true, Ordering::SeqCst);
            }
        }
    });
    (Running(Some(child)), holding)
}

#[test]
fn killed_after_saving_a_reply_and_before_sending_it_the_bot_sends_it_once_after_restart() {
    let fake = FakeTelegram::start_in_background();
    let dir = tempfile::tempdir().unwrap();
    let (bot, holding) = start_stalled(&fake, dir.path(), "before-send");
    let update = fake.send_text(MARIA, "/start");
    wait_for(
        "the bot to save the step and stop before sending",
        Duration::from_secs(20),
        || holding.load(Ordering::SeqCst),
    );
    assert!(greetings(&fake, MARIA).is_empty(), "nothing was sent yet");
    bot.kill();

    // Restarted: the saved reply goes out, and the redelivered update is not stepped
    // again (it would greet a second time).
    let bot = Running(Some(start(&fake, dir.path(), None)));
    wait_for(
        "the saved greeting after the restart",
        Duration::from_secs(20),
        || !greetings(&fake, MARIA).is_empty(),
    );
    wait_for(
        "the update to be confirmed",
        Duration::from_secs(20),
        || fake.confirmed_offset() > update,
    );
    std::thread::sleep(Duration::from_millis(1500));
    let greeted = greetings(&fake, MARIA);
    assert_eq!(greeted.len(), 1, "the greeting comes once: {greeted:?}");
    assert!(
        greeted[0]
            .button("I need MitID for the first time")
            .is_some(),
        "it is the whole screen, with its buttons: {:?}",
        greeted[0]
    );

    // Sent, and known to be sent: another kill and start sends nothing again.
    bot.kill();
    let bot = Running(Some(start(&fake, dir.path(), None)));
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(
        greetings(&fake, MARIA).len(),
        1,
        "a reply that went out is not sent again after a restart"
    );
    bot.kill();
}
