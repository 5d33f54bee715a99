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

use support::{Call, FakeTelegram, SentMessage, User};

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

// ---- The kill loop ----------------------------------------------------------------------

/// People tapping in the kill loop (private chats, English).
const TAPPERS: [User; 8] = [
    User {
        id: 3001,
        language_code: Some("en"),
        first_name: "Ane",
    },
    User {
        id: 3002,
        language_code: Some("en"),
        first_name: "Bo",
    },
    User {
        id: 3003,
        language_code: Some("en"),
        first_name: "Cecilie",
    },
    User {
        id: 3004,
        language_code: Some("en"),
        first_name: "Dan",
    },
    User {
        id: 3005,
        language_code: Some("en"),
        first_name: "Emil",
    },
    User {
        id: 3006,
        language_code: Some("en"),
        first_name: "Frida",
    },
    User {
        id: 3007,
        language_code: Some("en"),
        first_name: "Gustav",
    },
    User {
        id: 3008,
        language_code: Some("en"),
        first_name: "Hanne",
    },
];

/// The answer to a press on a button of a screen the conversation has left.
const STALE: &str = "That button belongs to an earlier message";

/// How the messages a person keeps begin (the checklist, the document verdicts), in every
/// language: the same one twice in a row is a reply sent twice.
const KEPT: [&str; 3] = ["📋", "✅", "❌"];

/// A small seeded generator (splitmix64), so a failing run can be repeated with its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

/// The bot run by the kill loop, its log appended to one file across restarts.
fn start_logged(fake: &FakeTelegram, data: &Path, log: &Path, rate_limits: &str) -> Running {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("the log file opens");
    let mut command = Command::new(env!("CARGO_BIN_EXE_mitid-bot"));
    command
        .args(["run", "--data-dir"])
        .arg(data)
        .envs(fake.child_env())
        .env("RUST_LOG", "warn")
        .env("MITID_BOT_RATE_LIMITS", rate_limits)
        .env_remove("MITID_BOT_TEST_STALL")
        .env_remove("MITID_BOT_CONFIG")
        .env_remove("MITID_BOT_DATA_DIR")
        .env_remove("MITID_BOT_STORAGE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log);
    Running(Some(command.spawn().expect("the binary starts")))
}

/// One update the loop queued.
struct Queued {
    id: i32,
    chat: i64,
    /// The callback query's id, for a button press.
    callback: Option<String>,
}

/// What the fake saw of one chat and the bot's log, for a failure message.
fn kill_loop_dump(fake: &FakeTelegram, chat: Option<(i64, &[Queued])>, log: &Path) -> String {
    let calls: Vec<Call> = fake
        .calls()
        .into_iter()
        .filter(|c| match chat {
            Some((chat, queued)) => {
                call_chat(c) == Some(chat)
                    || queued.iter().any(|q| {
                        q.chat == chat
                            && q.callback.is_some()
                            && c.body["callback_query_id"].as_str() == q.callback.as_deref()
                    })
            }
            None => c.method != "getUpdates",
        })
        .collect();
    let dump = fake.dump(&calls);
    let lines: Vec<&str> = dump.lines().collect();
    let keep = if chat.is_some() { 400 } else { 150 };
    let tail = lines[lines.len().saturating_sub(keep)..].join("\n");
    let log = std::fs::read_to_string(log).unwrap_or_default();
    let log_lines: Vec<&str> = log.lines().collect();
    let log_tail = log_lines[log_lines.len().saturating_sub(40)..].join("\n");
    format!(
        "confirmed offset {}, pending {}\ncalls (the last {keep}):\n{tail}\nbot log (last 40 lines):\n{log_tail}",
        fake.confirmed_offset(),
        fake.pending_updates()
    )
}

fn call_chat(call: &Call) -> Option<i64> {
    match call.body.get("chat_id")? {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// A reply the person sees: a message sent, or the screen edited; also an edit that
/// Telegram refuses as "not modified", because the screen already shows it (a second tap
/// on the same button).
fn is_reply(call: &Call) -> bool {
    (call.method == "sendMessage" || call.method == "editMessageText")
        && call
            .error
            .as_deref()
            .is_none_or(|e| e.contains("message is not modified"))
}

/// Waits until `done`, at most `timeout`; else the bot is killed (dropped) and the test
/// panics with what the fake saw.
fn wait_or_dump(
    what: &str,
    timeout: Duration,
    fake: &FakeTelegram,
    log: &Path,
    mut done: impl FnMut() -> bool,
) {
    let deadline = Instant::now() + timeout;
    while !done() {
        if Instant::now() >= deadline {
            panic!(
                "timed out after {timeout:?} waiting for {what}\n{}",
                kill_loop_dump(fake, None, log)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The kill loop of issue 13: eight people send /start or press a button of their current
/// screen, some twice within 100 ms; 0–300 ms after each burst the built binary is killed
/// with SIGKILL, and started again on the same data directory. After the last restart, as a
/// person would notice: every update the fake handed out was confirmed and answered (none
/// confirmed and never answered), every press got its answerCallbackQuery, no verdict or
/// checklist came twice in a row (but for a kill between its send and its save, counted),
/// and a further press on each chat's last screen works.
///
/// `MITID_BOT_KILL_CYCLES` cycles (default 15, about 30 s in a debug build), seed from
/// `MITID_BOT_KILL_SEED` (default: the clock; printed, so a failure can be run again). The
/// figures in BENCHMARKS.md come from
/// `MITID_BOT_KILL_CYCLES=100 cargo test --test durability kill_loop -- --nocapture`.
fn kill_loop(rate_limits: &str) {
    let cycles: usize = std::env::var("MITID_BOT_KILL_CYCLES")
        .ok()
        .map(|v| v.parse().expect("MITID_BOT_KILL_CYCLES is a number"))
        .unwrap_or(15);
    let seed: u64 = std::env::var("MITID_BOT_KILL_SEED")
        .ok()
        .map(|v| v.parse().expect("MITID_BOT_KILL_SEED is a number"))
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("kill loop: rate limits {rate_limits}, {cycles} cycles, MITID_BOT_KILL_SEED={seed}");
    let mut rng = Rng(seed);
    let fake = FakeTelegram::start_in_background();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("bot.log");
    let began = Instant::now();

    let mut queued: Vec<Queued> = Vec::new();
    let queue = |queued: &mut Vec<Queued>, user: User, press: Option<(i32, String)>| {
        let id = match press {
            Some((message, data)) => fake.press_button(user, message, &data),
            None => fake.send_text(user, "/start"),
        };
        let callback = fake
            .queued_update(id)
            .and_then(|u| u["callback_query"]["id"].as_str().map(str::to_string));
        queued.push(Queued {
            id,
            chat: user.id,
            callback,
        });
    };
    // (when, the updates not yet confirmed then, with how often each had been handed out)
    let mut kills: Vec<(Instant, Vec<(i32, usize)>)> = Vec::new();
    let mut double_taps = 0;

    let mut bot = start_logged(&fake, &data, &log, rate_limits);
    for _ in 0..cycles {
        // The burst: each person acts once within 50 ms, a third of them tap twice.
        let mut events: Vec<(u64, usize, bool)> = Vec::new();
        for user in 0..TAPPERS.len() {
            let at = rng.below(50);
            events.push((at, user, false));
            if rng.percent(33) {
                events.push((at + rng.below(100), user, true));
            }
        }
        events.sort_by_key(|e| (e.0, e.2));
        let burst = Instant::now();
        let mut pressed: Vec<Option<Option<(i32, String)>>> = vec![None; TAPPERS.len()];
        for (at, user, second) in events {
            let due = burst + Duration::from_millis(at);
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
            let person = TAPPERS[user];
            let press = if second {
                double_taps += 1;
                pressed[user].clone().flatten()
            } else {
                let screen = fake
                    .visible_bot_messages(person.id)
                    .into_iter()
                    .rev()
                    .find(|m| !m.callback_data().is_empty());
                let press = match screen {
                    Some(screen) if !rng.percent(10) => {
                        let buttons: Vec<&support::Button> = screen
                            .buttons
                            .iter()
                            .flatten()
                            .filter(|b| b.callback_data.is_some() && !b.text.contains("Sprog"))
                            .collect();
                        (!buttons.is_empty()).then(|| {
                            let b = buttons[rng.below(buttons.len() as u64) as usize];
                            (screen.message_id, b.callback_data.clone().unwrap())
                        })
                    }
                    _ => None,
                };
                pressed[user] = Some(press.clone());
                press
            };
            queue(&mut queued, person, press);
        }

        // Killed at a random moment after the burst, and started again.
        std::thread::sleep(Duration::from_millis(rng.below(301)));
        bot.kill();
        let offset = fake.confirmed_offset();
        let in_flight = queued
            .iter()
            .filter(|q| q.id >= offset)
            .map(|q| (q.id, fake.times_delivered(q.id)))
            .collect();
        kills.push((Instant::now(), in_flight));
        let restarted = Instant::now();
        bot = start_logged(&fake, &data, &log, rate_limits);
        wait_or_dump(
            "the restarted bot to poll",
            Duration::from_secs(30),
            &fake,
            &log,
            || {
                fake.calls_to("getUpdates")
                    .last()
                    .is_some_and(|c| c.at > restarted)
            },
        );
        std::thread::sleep(Duration::from_millis(rng.below(200)));
    }

    // Quiet: everything confirmed, and nothing sent for 1.5 s.
    let last_id = queued.last().map_or(0, |q| q.id);
    wait_or_dump(
        "every update to be confirmed and the bot to fall quiet",
        Duration::from_secs(90),
        &fake,
        &log,
        || {
            fake.confirmed_offset() > last_id
                && fake.pending_updates() == 0
                && fake
                    .calls()
                    .iter()
                    .rev()
                    .find(|c| c.method != "getUpdates")
                    .is_none_or(|c| c.at.elapsed() > Duration::from_millis(1500))
        },
    );

    let calls = fake.calls();
    let offset = fake.confirmed_offset();
    let answered_at = |q: &Queued| -> Option<Instant> {
        let offered = fake.first_delivered_at(q.id)?;
        calls
            .iter()
            .filter(|c| c.at >= offered && is_reply(c) && call_chat(c) == Some(q.chat))
            .map(|c| c.at)
            .next()
    };
    let mut lost = Vec::new();
    let mut spinning = Vec::new();
    for q in &queued {
        let delivered = fake.times_delivered(q.id);
        let confirmed = q.id < offset;
        if confirmed && (delivered == 0 || answered_at(q).is_none()) {
            let offered = fake
                .first_delivered_at(q.id)
                .map(|at| at.saturating_duration_since(began).as_millis());
            lost.push(format!(
                "update {} (chat {}, {}, first handed out at +{offered:?} ms, {delivered}× in \
                 all)",
                q.id,
                q.chat,
                q.callback.as_deref().unwrap_or("/start"),
            ));
        }
        if let Some(callback) = &q.callback {
            let answered = calls.iter().any(|c| {
                c.method == "answerCallbackQuery"
                    && c.body["callback_query_id"].as_str() == Some(callback)
            });
            if !answered {
                spinning.push(format!("update {} ({callback}, chat {})", q.id, q.chat));
            }
        }
    }
    let first_lost_chat = lost
        .first()
        .and_then(|_| {
            queued
                .iter()
                .find(|q| q.id < offset && answered_at(q).is_none())
        })
        .map(|q| (q.chat, queued.as_slice()));
    assert!(
        lost.is_empty(),
        "seed {seed}: {} update(s) confirmed to Telegram and never answered: {lost:?}; \
         kills at (ms) {:?}\n{}",
        lost.len(),
        kills
            .iter()
            .map(|(at, _)| at.saturating_duration_since(began).as_millis())
            .collect::<Vec<_>>(),
        kill_loop_dump(&fake, first_lost_chat, &log)
    );
    assert!(
        spinning.is_empty(),
        "seed {seed}: {} button press(es) never answered (the spinner keeps turning): \
         {spinning:?}\n{}",
        spinning.len(),
        kill_loop_dump(&fake, None, &log)
    );

    // No verdict or checklist twice in a row in a chat, except one the bot was killed
    // after sending and before noting it sent (Telegram took it, the store does not know):
    // the restart sends it again. That window (a send's answer, the old screen's buttons
    // taken off, one save) cannot be closed without Telegram's help; it is counted.
    let mut kept_twice = Vec::new();
    for person in TAPPERS {
        let sent: Vec<&Call> = calls
            .iter()
            .filter(|c| {
                c.method == "sendMessage" && c.error.is_none() && call_chat(c) == Some(person.id)
            })
            .collect();
        for pair in sent.windows(2) {
            let text = pair[0].body["text"].as_str().unwrap_or_default();
            let kept = KEPT.iter().any(|k| text.starts_with(k));
            if !(kept && pair[0].body == pair[1].body) {
                continue;
            }
            let killed_between = kills
                .iter()
                .any(|(at, _)| *at > pair[0].at && *at < pair[1].at);
            assert!(
                killed_between,
                "seed {seed}: chat {} got the same kept message twice, with no kill between: \
                 {text:?}\n{}",
                person.id,
                kill_loop_dump(&fake, Some((person.id, &queued)), &log)
            );
            let ms = |at: Instant| at.saturating_duration_since(began).as_millis();
            let between: Vec<String> = calls
                .iter()
                .filter(|c| c.at >= pair[0].at && c.at <= pair[1].at)
                .filter(|c| call_chat(c) == Some(person.id))
                .map(|c| format!("+{} {}", ms(c.at), c.method))
                .chain(
                    kills
                        .iter()
                        .filter(|(at, _)| *at > pair[0].at && *at < pair[1].at)
                        .map(|(at, _)| format!("+{} KILL", ms(*at))),
                )
                .collect();
            kept_twice.push(format!(
                "chat {}: {:?} [{}]",
                person.id,
                text.chars().take(30).collect::<String>(),
                between.join(", ")
            ));
        }
    }

    // Counted before the last presses, which are not in flight at any kill.
    let in_flight: usize = kills.iter().map(|(_, ids)| ids.len()).sum();
    let mut after_restart = std::collections::HashSet::new();
    let mut fetched_at_kill = std::collections::HashSet::new();
    let mut redelivered = std::collections::HashSet::new();
    for (killed, ids) in &kills {
        for &(id, delivered) in ids {
            let q = queued.iter().find(|q| q.id == id).unwrap();
            if answered_at(q).is_some_and(|at| at > *killed) {
                after_restart.insert(id);
            }
            if delivered > 0 {
                fetched_at_kill.insert(id);
                if fake.times_delivered(id) > delivered {
                    redelivered.insert(id);
                }
            }
        }
    }
    let unique_in_flight: std::collections::HashSet<i32> = kills
        .iter()
        .flat_map(|(_, ids)| ids.iter().map(|(id, _)| *id))
        .collect();
    let presses = queued.iter().filter(|q| q.callback.is_some()).count();

    // Each chat's last screen matches the state: a further press on it works (not "an
    // earlier message"); a chat without buttons on screen starts again with /start.
    for person in TAPPERS {
        let screen = fake
            .visible_bot_messages(person.id)
            .into_iter()
            .rev()
            .find(|m| !m.callback_data().is_empty());
        let since = Instant::now();
        let update = match &screen {
            Some(screen) => {
                let data = screen
                    .buttons
                    .iter()
                    .flatten()
                    .find(|b| b.callback_data.is_some() && !b.text.contains("Sprog"))
                    .and_then(|b| b.callback_data.clone())
                    .unwrap_or_else(|| screen.callback_data()[0].clone());
                fake.press_button(person, screen.message_id, &data)
            }
            None => fake.send_text(person, "/start"),
        };
        let reply = || {
            fake.calls()
                .into_iter()
                .filter(|c| c.at >= since && is_reply(c) && call_chat(c) == Some(person.id))
                .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
                .next()
        };
        wait_or_dump(
            &format!("a reply to a last press in chat {}", person.id),
            Duration::from_secs(30),
            &fake,
            &log,
            || reply().is_some() && fake.confirmed_offset() > update,
        );
        let text = reply().unwrap();
        assert!(
            !text.starts_with(STALE),
            "seed {seed}: chat {}'s last screen did not match its state: a press on it was \
             answered {text:?}\n{}",
            person.id,
            kill_loop_dump(&fake, Some((person.id, &queued)), &log)
        );
        if screen.is_none() {
            assert!(text.starts_with(WELCOME), "chat {}: {text:?}", person.id);
        }
    }
    bot.kill();

    println!(
        "kill loop: rate limits {rate_limits}, seed {seed}: {cycles} cycles in {:.1} s; {} \
         updates ({presses} presses, {double_taps} taps repeated within 100 ms); \
         in flight at the kills {in_flight} ({} different updates, {} of them already \
         fetched by the killed bot); fetched again after a restart {}; answered after a \
         restart {}; confirmed and never answered 0; presses never answered 0; a kept \
         message sent again after a kill between its send and its save {} {kept_twice:?}",
        began.elapsed().as_secs_f64(),
        queued.len(),
        unique_in_flight.len(),
        fetched_at_kill.len(),
        redelivered.len(),
        after_restart.len(),
        kept_twice.len(),
    );
}

#[test]
fn kill_loop_with_rate_limits_off_loses_no_reply() {
    kill_loop("off");
}

#[test]
fn kill_loop_with_telegrams_rate_limits_loses_no_reply() {
    kill_loop("on");
}
