//! The Telegram front end as citizens meet it: the real teloxide dispatcher, a sled store
//! in a temporary folder, and a fake Bot API server on loopback (no network).

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::Engine;
use mitid_bot::i18n::{Globals, Lang, Msg};
use mitid_bot::storage::{Key, Loaded, SledStore, Store};
use mitid_bot::telegram::{self, App};
use support::{FakeTelegram, SentMessage, User};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const ANNA: User = User {
    id: 1001,
    language_code: Some("da"),
    first_name: "Anna",
};
const KLAUS: User = User {
    id: 1002,
    language_code: Some("de"),
    first_name: "Klaus",
};
const ALEX: User = User {
    id: 1003,
    language_code: Some("pl"),
    first_name: "Alex",
};

fn engine() -> Engine {
    check::load(&ContentSource::embedded(), Globals::default()).expect("shipped content loads")
}

fn text(lang: Lang, id: &str) -> String {
    engine().text(lang, "telegram", &Msg::new(id))
}

struct Bot {
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
}

fn open_store(dir: &Path) -> SledStore {
    // A stopped bot may still be dropping its store for a moment.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match SledStore::open(dir) {
            Ok(s) => return s,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("{e}"),
        }
    }
}

async fn start(fake: &FakeTelegram, dir: &Path) -> Bot {
    let config = Config {
        data_dir: dir.to_path_buf(),
        ..Config::default()
    };
    let app = Arc::new(App::new(engine(), Arc::new(open_store(dir)), config));
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stopped.await;
    }));
    Bot { stop, task }
}

async fn stop(bot: Bot) {
    let _ = bot.stop.send(());
    tokio::time::timeout(Duration::from_secs(10), bot.task)
        .await
        .expect("the bot stops within 10 s")
        .expect("the bot task did not panic")
        .expect("the bot ran without error");
}

/// One user's chat, driven like a person would.
struct Chat<'a> {
    fake: &'a FakeTelegram,
    user: User,
}

/// Where a chat stood before an action: how many messages were sent or edited, and how
/// many calls the bot had made.
#[derive(Clone, Copy)]
struct Mark {
    messages: usize,
    calls: usize,
}

/// What the bot does in a chat in reply to something: send, edit or delete a message.
fn is_reply_call(c: &support::Call, chat: i64) -> bool {
    [
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
    ]
    .contains(&c.method.as_str())
        && c.body["chat_id"].as_i64() == Some(chat)
}

impl Chat<'_> {
    fn messages(&self) -> Vec<SentMessage> {
        self.fake.sent_messages(self.user.id)
    }

    fn mark(&self) -> Mark {
        Mark {
            messages: self.messages().len(),
            calls: self.fake.calls().len(),
        }
    }

    /// Waits until the bot has replied (sent or tried to edit a message in this chat), and
    /// then has been quiet in the chat for a moment; returns what it sent or edited.
    async fn replies_after(&self, before: Mark) -> Vec<SentMessage> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let count = || {
            let calls = self.fake.calls();
            let since = &calls[before.calls.min(calls.len())..];
            // Sent, edited, or an edit that changed nothing (Telegram's 400); not a 429,
            // which is tried again.
            let replied = since.iter().any(|c| {
                is_reply_call(c, self.user.id)
                    && ["sendMessage", "editMessageText"].contains(&c.method.as_str())
                    && (c.failed_with.is_none()
                        || (c.method == "editMessageText" && c.failed_with == Some(400)))
            });
            let busy = since
                .iter()
                .filter(|c| is_reply_call(c, self.user.id) || c.method == "answerCallbackQuery")
                .count();
            (replied, busy)
        };
        let mut last = 0;
        let mut quiet_since = Instant::now();
        loop {
            let (replied, busy) = count();
            if busy != last {
                last = busy;
                quiet_since = Instant::now();
            }
            if replied && quiet_since.elapsed() > Duration::from_millis(150) {
                return self.messages()[before.messages..].to_vec();
            }
            if Instant::now() > deadline {
                panic!(
                    "no reply in 10 s; calls:\n{}",
                    self.fake.dump(&self.fake.calls())
                );
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    async fn say(&self, t: &str) -> Vec<SentMessage> {
        let before = self.mark();
        self.fake.send_text(self.user, t);
        self.replies_after(before).await
    }

    /// Presses the newest button whose callback data ends in `:option` (waiting for it: a
    /// screen of several messages arrives at Telegram's pace, one a second), and checks
    /// that the press was answered before the reply came.
    async fn press(&self, option: &str) -> Vec<SentMessage> {
        let suffix = format!(":{option}");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline
            && !self
                .messages()
                .iter()
                .any(|m| m.callback_data().iter().any(|d| d.ends_with(&suffix)))
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let (message_id, data) = self.find_button(option);
        let before = self.mark();
        self.fake.press_button(self.user, message_id, &data);
        let replies = self.replies_after(before).await;
        let calls = self.fake.calls();
        let since = &calls[before.calls..];
        let answered = since
            .iter()
            .position(|c| c.method == "answerCallbackQuery")
            .unwrap_or_else(|| panic!("`{option}` was not answered:\n{}", self.fake.dump(since)));
        let replied = since
            .iter()
            .position(|c| is_reply_call(c, self.user.id))
            .expect("a reply");
        assert!(
            answered < replied,
            "`{option}` answered before the reply:\n{}",
            self.fake.dump(since)
        );
        replies
    }

    fn find_button(&self, option: &str) -> (i32, String) {
        let suffix = format!(":{option}");
        for m in self.visible().iter().rev() {
            if let Some(d) = m.callback_data().into_iter().find(|d| d.ends_with(&suffix)) {
                return (m.message_id, d);
            }
        }
        panic!("no button `{option}` in:\n{:#?}", self.visible());
    }

    /// The bot's messages as the person sees them now (edited, without the deleted).
    fn visible(&self) -> Vec<SentMessage> {
        self.fake.visible_bot_messages(self.user.id)
    }

    fn last_text(&self) -> String {
        self.visible()
            .last()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }
}

fn joined(ms: &[SentMessage]) -> String {
    ms.iter()
        .map(|m| m.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

async fn walk_to_documents(chat: &Chat<'_>) {
    chat.say("/start").await;
    for option in ["prepare", "yes", "no-doc", "dk", "under5"] {
        chat.press(option).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_preparation_by_buttons_in_danish_and_german_ends_in_the_checklist() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    for (user, lang) in [(ANNA, Lang::Da), (KLAUS, Lang::De)] {
        let chat = Chat { fake: &fake, user };
        walk_to_documents(&chat).await;
        chat.press("none").await;
        chat.press("residence_cert").await;
        chat.press("foreign_passport").await;
        chat.press("done").await;
        chat.press("yes").await;
        for option in ["code", "chosen"] {
            chat.press(option).await;
        }
        let checklist = chat.last_text();
        assert!(
            checklist.contains(&text(lang, "cl-title")),
            "{lang}: {checklist}"
        );
        for id in [
            "cl-doc-residence-cert",
            "cl-doc-foreign-passport",
            "cl-code-display",
            "cl-keep",
        ] {
            assert!(
                checklist.contains(&text(lang, id)),
                "{lang}: {id} missing in {checklist}"
            );
        }
        let all = joined(&chat.messages());
        let progress = engine().i18n.render(
            lang,
            &Msg::new("progress").num("step", 3).num("total", 7),
            &Globals::default(),
        );
        assert!(all.contains(&progress), "{lang}: the step counter shows");
        let greeting = text(lang, "welcome");
        assert_eq!(
            all.matches(&greeting).count(),
            1,
            "{lang}: the greeting comes once"
        );
        let last = chat.messages().last().cloned().unwrap();
        let booking = last.buttons.iter().flatten().find_map(|b| b.url.clone());
        assert_eq!(
            booking.as_deref(),
            Some("https://www.aabenraa.dk/"),
            "{lang}: a booking link button"
        );
    }
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_and_descriptions_are_registered_in_every_language() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    fake.wait_until(Duration::from_secs(10), |c| {
        c.iter()
            .filter(|c| c.method == "setMyShortDescription")
            .count()
            >= 3
    })
    .await;
    let commands = fake.calls_to("setMyCommands");
    let langs: Vec<Option<String>> = commands
        .iter()
        .map(|c| c.body["language_code"].as_str().map(String::from))
        .collect();
    assert_eq!(
        langs,
        vec![None, Some("da".into()), Some("de".into())],
        "English is the default"
    );
    let danish = &commands[1].body["commands"];
    let described = danish
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["command"] == "witness")
        .unwrap();
    assert_eq!(described["description"], text(Lang::Da, "cmd-witness"));
    for method in ["setMyDescription", "setMyShortDescription"] {
        assert_eq!(fake.calls_to(method).len(), 3, "{method} in da, de and en");
    }
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_button_press_is_answered() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    chat.press("prepare").await;
    chat.press("yes").await;
    let before = chat.mark();
    fake.press_button(ANNA, 1, "forged:data");
    chat.replies_after(before).await;
    // Three presses, three answers: no button keeps spinning.
    assert_eq!(fake.calls_to("answerCallbackQuery").len(), 3);
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ticking_documents_on_and_off_redraws_the_same_message() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    walk_to_documents(&chat).await;
    chat.press("none").await;
    let (list_id, _) = chat.find_button("yellow_card");
    let after = chat.press("yellow_card").await;
    assert!(
        after.iter().all(|m| m.edited && m.message_id == list_id),
        "edited in place: {after:#?}"
    );
    let ticked = fake.current_message(ANNA.id, list_id).unwrap();
    assert!(
        ticked
            .buttons
            .iter()
            .flatten()
            .any(|b| b.text.starts_with('✅')),
        "{ticked:#?}"
    );
    chat.press("yellow_card").await;
    let unticked = fake.current_message(ANNA.id, list_id).unwrap();
    assert!(
        !unticked
            .buttons
            .iter()
            .flatten()
            .any(|b| b.text.starts_with('✅')),
        "{unticked:#?}"
    );
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_from_before_a_restart_gets_a_calm_answer_and_the_dialogue_is_kept() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: KLAUS,
    };
    chat.say("/start").await;
    chat.press("prepare").await;
    let (old_message, old_button) = chat.find_button("yes");
    chat.press("yes").await;
    stop(bot).await;

    let bot = start(&fake, dir.path()).await;
    let before = chat.mark();
    fake.press_button(KLAUS, old_message, &old_button);
    let replies = chat.replies_after(before).await;
    let shown = joined(&replies);
    assert!(shown.contains(&text(Lang::De, "stale-button")), "{shown}");
    assert!(
        shown.contains(&text(Lang::De, "home-question")),
        "still at the at-home question after the restart: {shown}"
    );
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_callback_data_stickers_photos_and_edits_get_a_helpful_reply() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ALEX,
    };
    let welcome = chat.say("/start").await;
    assert!(
        joined(&welcome).contains(&text(Lang::En, "welcome")),
        "pl falls back to English"
    );
    chat.press("prepare").await;
    let at = chat.messages().last().unwrap().message_id;
    for forged in ["nonsense", "cpr:delete", "@nav:../../etc", &"z".repeat(64)] {
        let before = chat.mark();
        fake.press_button(ALEX, at, forged);
        chat.replies_after(before).await;
        // The screen says so in place (a second identical answer leaves it as it is).
        let shown = chat.last_text();
        assert!(
            shown.contains(&text(Lang::En, "stale-button")),
            "{forged}: {shown}"
        );
        assert!(
            shown.contains(&text(Lang::En, "cpr-age-question")),
            "{forged}: {shown}"
        );
    }
    let before = chat.mark();
    fake.send_sticker(ALEX);
    assert!(joined(&chat.replies_after(before).await).contains(&text(Lang::En, "only-text")));
    let before = chat.mark();
    fake.send_photo(ALEX);
    assert!(joined(&chat.replies_after(before).await).contains(&text(Lang::En, "only-text")));
    let before = chat.mark();
    fake.send_edited_text(ALEX, 1, "yes");
    assert!(joined(&chat.replies_after(before).await).contains(&text(Lang::En, "edited-message")));
    let huge = chat.say(&"a".repeat(4096)).await;
    assert!(joined(&huge).contains(&text(Lang::En, "not-understood")));
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_the_bot_points_to_a_private_chat_and_otherwise_stays_quiet() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let group = -5001;
    fake.send_in_group(ANNA, group, "Hej alle sammen, hvem kender MitID?");
    fake.send_in_group(ANNA, group, "/start");
    fake.wait_until(Duration::from_secs(10), |calls| {
        calls.iter().any(|c| c.method == "sendMessage")
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent = fake.sent_messages(group);
    assert_eq!(sent.len(), 1, "one answer, to /start only: {sent:#?}");
    assert!(
        sent[0].text.contains("https://t.me/mitid_test_bot"),
        "{}",
        sent[0].text
    );
    stop(bot).await;
    let store = open_store(dir.path());
    assert_eq!(
        store.load(&Key::telegram(group)).unwrap(),
        Loaded::Missing,
        "nothing is kept about a group"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_checked_userid_and_a_cpr_number_are_nowhere_in_the_data_directory() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    let reply = chat.say("/userid").await;
    assert!(joined(&reply).contains(&text(Lang::Da, "userid-rules")));
    let before = fake.calls_to("deleteMessage").len();
    let checked = chat.say("Zebrafisk Quokka 42").await;
    assert!(joined(&checked).contains("✅"), "{}", joined(&checked));
    let warned = chat.say("mit cpr er 0101901234").await;
    assert!(
        joined(&warned).contains(
            "Send aldrig dit CPR-nummer i en chat. Jeg har ikke gemt det, og jeg har forsøgt at slette din besked."
        ),
        "{}",
        joined(&warned)
    );
    assert_eq!(
        fake.calls_to("deleteMessage").len(),
        before + 2,
        "both messages deleted from the chat"
    );
    stop(bot).await;
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        for secret in [&b"Quokka"[..], b"0101901234"] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{} holds {:?}",
                entry.display(),
                String::from_utf8_lossy(secret)
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_leaves_no_record_for_that_chat() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let anna = Chat {
        fake: &fake,
        user: ANNA,
    };
    let klaus = Chat {
        fake: &fake,
        user: KLAUS,
    };
    anna.say("/start").await;
    anna.press("prepare").await;
    klaus.say("/start").await;
    let done = anna.say("/forget").await;
    assert!(joined(&done).contains(&text(Lang::Da, "forget-done")));
    stop(bot).await;
    let store = open_store(dir.path());
    assert_eq!(
        store.load(&Key::telegram(ANNA.id)).unwrap(),
        Loaded::Missing
    );
    assert!(
        matches!(
            store.load(&Key::telegram(KLAUS.id)).unwrap(),
            Loaded::Found(_)
        ),
        "other chats stay"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_update_delivered_twice_advances_the_dialogue_once() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    chat.press("prepare").await;
    let (message, data) = chat.find_button("yes");
    let before = chat.mark();
    let update = fake.press_button(ANNA, message, &data);
    chat.replies_after(before).await;
    let after_once = chat.messages().len();
    fake.redeliver(update);
    // Wait until the redelivered update was fetched, then a little longer.
    fake.wait_until(Duration::from_secs(10), |_| fake.pending_updates() == 0)
        .await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(chat.messages().len(), after_once, "no second reply");
    stop(bot).await;
    let store = open_store(dir.path());
    let Loaded::Found(record) = store.load(&Key::telegram(ANNA.id)).unwrap() else {
        panic!("a record")
    };
    assert_eq!(
        record.state.node, "home-check",
        "advanced once, from the CPR question to the at-home question"
    );
}

fn write_raw(dir: &Path, chat: i64, bytes: &[u8]) {
    let db = sled::open(dir).unwrap();
    let tree = db.open_tree("conversations").unwrap();
    tree.insert(chat.to_be_bytes(), bytes).unwrap();
    db.flush().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_of_the_previous_version_continues_and_garbage_restarts_calmly() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    // Version 1: the state without the list of handled updates. Anna was at the question
    // where she lives.
    let v1 = serde_json::json!({
        "state": { "version": 1, "lang": "da", "lang_chosen": false, "node": "residence",
                   "facts": { "cpr": { "one": "yes" } }, "history": ["welcome", "cpr"], "resume": null },
        "last_active": chrono::Utc::now().timestamp()
    });
    let mut bytes = vec![1u8];
    bytes.extend(serde_json::to_vec(&v1).unwrap());
    write_raw(dir.path(), ANNA.id, &bytes);
    write_raw(
        dir.path(),
        KLAUS.id,
        b"\xff\x00garbage that no release ever wrote",
    );
    let bot = start(&fake, dir.path()).await;

    let anna = Chat {
        fake: &fake,
        user: ANNA,
    };
    let next = anna.say("1").await;
    assert!(
        joined(&next).contains(&text(Lang::Da, "history-question")),
        "continued from the question where she lives: {}",
        joined(&next)
    );

    let klaus = Chat {
        fake: &fake,
        user: KLAUS,
    };
    let restart = klaus.say("/start").await;
    let shown = joined(&restart);
    assert!(
        shown.contains(&text(Lang::De, "store-start-over")),
        "{shown}"
    );
    assert!(shown.contains(&text(Lang::De, "welcome")), "{shown}");
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_who_blocked_the_bot_is_forgotten_and_a_429_is_waited_out() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: KLAUS,
    };
    chat.say("/start").await;

    fake.fail_next(
        "sendMessage",
        1,
        429,
        "Too Many Requests: retry after 1",
        Some(1),
    );
    let started = Instant::now();
    let reply = chat.say("/help").await;
    assert!(joined(&reply).contains(&text(Lang::De, "help")));
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited for retry_after"
    );

    fake.fail_next(
        "sendMessage",
        1,
        403,
        "Forbidden: bot was blocked by the user",
        None,
    );
    fake.send_text(KLAUS, "/faq");
    fake.wait_until(Duration::from_secs(10), |calls| {
        calls.iter().any(|c| c.failed_with == Some(403))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop(bot).await;
    let store = open_store(dir.path());
    assert_eq!(
        store.load(&Key::telegram(KLAUS.id)).unwrap(),
        Loaded::Missing
    );
}

/// The aim for the common case: at most this many messages of the bot in the
/// chat at the checklist. (Today's path leaves three: the document verdict, the witness
/// forecast and the checklist.)
const MAX_BOT_MESSAGES_AT_THE_CHECKLIST: usize = 6;

/// The common case by buttons: a Dane who has lived here for years, has moved and has
/// children, with a driving licence and a phone for the app, who picks the UserID later.
const COMMON_CASE: &[&str] = &[
    "prepare", "yes", "no-doc", "dk", "both", "licence", "app", "later",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_are_answered_in_place_and_the_chat_keeps_the_verdicts_and_the_checklist() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    for option in COMMON_CASE {
        chat.press(option).await;
    }
    let visible = chat.visible();
    println!(
        "{} presses to the checklist; {} messages of the bot in the chat",
        COMMON_CASE.len(),
        visible.len()
    );
    assert!(
        visible.len() <= MAX_BOT_MESSAGES_AT_THE_CHECKLIST,
        "{} messages: {visible:#?}",
        visible.len()
    );
    // What stays is what the person keeps, in order: the verdict on the documents, the
    // witness forecast, the checklist last; no question is left behind.
    let texts: Vec<&str> = visible.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:#?}");
    assert!(
        texts[0].contains('✅') && texts[0].contains("dokumenter"),
        "the document verdict: {}",
        texts[0]
    );
    assert!(
        texts[1].to_lowercase().contains("vidne"),
        "the witness forecast: {}",
        texts[1]
    );
    assert!(
        texts[2].contains(&text(Lang::Da, "cl-title")),
        "{}",
        texts[2]
    );
    assert!(
        texts[2].contains(&text(Lang::Da, "cl-keep")),
        "{}",
        texts[2]
    );
    // Only the checklist still has buttons: older keyboards do not invite taps.
    for m in &visible[..2] {
        assert!(m.buttons.is_empty(), "buttons left on {:?}", m.text);
    }
    assert!(!visible[2].callback_data().is_empty());
    // Every press answered, once.
    let answers = fake.calls_to("answerCallbackQuery");
    assert_eq!(answers.len(), COMMON_CASE.len());
    let mut ids: Vec<String> = answers
        .iter()
        .map(|c| c.body["callback_query_id"].as_str().unwrap().to_string())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), COMMON_CASE.len(), "each press its own answer");
    // Most screens were edits, not new messages.
    let sends = fake
        .calls_to("sendMessage")
        .iter()
        .filter(|c| c.body["chat_id"].as_i64() == Some(ANNA.id))
        .count();
    assert!(
        sends <= 5,
        "{sends} messages sent for 1 command and {} presses",
        COMMON_CASE.len()
    );
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_presses_within_a_second_are_all_answered_at_once_and_the_last_screen_stays() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: KLAUS,
    };
    chat.say("/start").await;
    chat.press("prepare").await;
    let (screen, _) = chat.find_button("yes");
    let before = chat.mark();
    // Quick taps on the screen as it changes: a CPR number and 13 or older, no chip
    // passport, lives in Denmark, less than 5 years, and back again.
    let mut pressed = Vec::new();
    for data in [
        "cpr:yes",
        "home-check:no-doc",
        "residence:dk",
        "history:under5",
        "doc-main:back",
    ] {
        pressed.push(Instant::now());
        fake.press_button(KLAUS, screen, data);
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    assert!(pressed[4] - pressed[0] < Duration::from_secs(1));
    fake.wait_until(Duration::from_secs(10), |calls| {
        calls[before.calls..]
            .iter()
            .filter(|c| c.method == "editMessageText")
            .count()
            >= 5
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let calls = fake.calls();
    let since = &calls[before.calls..];
    let answers: Vec<&support::Call> = since
        .iter()
        .filter(|c| c.method == "answerCallbackQuery")
        .collect();
    assert_eq!(answers.len(), 5, "{}", fake.dump(since));
    for (answer, at) in answers.iter().zip(&pressed) {
        let took = answer.at.saturating_duration_since(*at);
        assert!(took < Duration::from_secs(1), "answered after {took:?}");
    }
    // Each press answered before its screen was drawn.
    let edits: Vec<&support::Call> = since
        .iter()
        .filter(|c| c.method == "editMessageText")
        .collect();
    assert_eq!(edits.len(), 5, "{}", fake.dump(since));
    for (answer, edit) in answers.iter().zip(&edits) {
        assert!(answer.at <= edit.at, "{}", fake.dump(since));
    }
    // The last screen is the last thing drawn, and it is what the person sees.
    let moved = text(Lang::De, "history-question");
    assert!(
        edits[4].body["text"].as_str().unwrap().contains(&moved),
        "{}",
        fake.dump(since)
    );
    assert!(
        !since.iter().any(|c| c.method == "sendMessage"),
        "no screen sent after the last one: {}",
        fake.dump(since)
    );
    let visible = chat.visible();
    assert_eq!(visible.len(), 1, "{visible:#?}");
    assert!(visible[0].text.contains(&moved), "{}", visible[0].text);
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_answers_get_a_new_message_and_the_question_above_loses_its_buttons() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    chat.press("prepare").await;
    let (question, _) = chat.find_button("yes");
    let reply = chat.say(&text(Lang::Da, "btn-cpr-age-yes")).await;
    assert_eq!(reply.len(), 1, "{reply:#?}");
    assert!(!reply[0].edited && reply[0].message_id != question);
    assert!(reply[0].text.contains(&text(Lang::Da, "home-question")));
    let above = fake
        .current_message(ANNA.id, question)
        .expect("still there");
    assert!(above.text.contains(&text(Lang::Da, "cpr-age-question")));
    assert!(above.buttons.is_empty(), "{above:#?}");
    // The new question is the screen again: a press edits it in place.
    let next = chat.press("no-doc").await;
    assert!(next
        .iter()
        .all(|m| m.edited && m.message_id == reply[0].message_id));
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screen_that_cannot_be_edited_is_sent_anew_and_the_old_one_goes() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: KLAUS,
    };
    chat.say("/start").await;
    chat.press("prepare").await;
    let (old, _) = chat.find_button("yes");
    fake.fail_next(
        "editMessageText",
        1,
        400,
        "Bad Request: message can't be edited",
        None,
    );
    let reply = chat.press("yes").await;
    assert_eq!(reply.len(), 1, "{reply:#?}");
    assert!(!reply[0].edited, "a new message");
    assert!(reply[0].text.contains(&text(Lang::De, "home-question")));
    assert!(
        fake.current_message(KLAUS.id, old).is_none(),
        "the question answered is gone"
    );
    assert_eq!(chat.visible().len(), 1);
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faq_answers_stay_in_the_chat_and_the_menu_comes_back_below_them() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/faq").await;
    let first = chat.press("sharing").await;
    assert_eq!(first.len(), 1);
    assert!(!first[0].edited, "an answer is a new message");
    let back = chat.press("faq").await;
    assert!(!back[0].edited, "the menu comes below the answer");
    chat.press("voluntary").await;
    let visible = chat.visible();
    assert_eq!(visible.len(), 2, "two answers, no menus: {visible:#?}");
    assert!(visible[0].text.contains(&text(Lang::Da, "faq-sharing")));
    assert!(
        visible[0].buttons.is_empty(),
        "the first answer's buttons are gone"
    );
    assert!(visible[1].text.contains(&text(Lang::Da, "faq-voluntary")));
    stop(bot).await;
}

/// A store whose writes fail while `failing` is set (a full disk), in memory otherwise.
struct FailingStore {
    inner: mitid_bot::storage::MemoryStore,
    failing: std::sync::atomic::AtomicBool,
}

impl FailingStore {
    fn check(&self) -> Result<(), mitid_bot::storage::StoreError> {
        if self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(mitid_bot::storage::StoreError::Redis {
                url: "test".into(),
                message: "no space left on device".into(),
            });
        }
        Ok(())
    }
}

impl Store for FailingStore {
    fn load(&self, chat: &Key) -> Result<Loaded, mitid_bot::storage::StoreError> {
        self.inner.load(chat)
    }
    fn save(
        &self,
        chat: &Key,
        record: &mitid_bot::storage::Record,
    ) -> Result<(), mitid_bot::storage::StoreError> {
        self.check()?;
        self.inner.save(chat, record)
    }
    fn forget(&self, chat: &Key) -> Result<(), mitid_bot::storage::StoreError> {
        self.check()?;
        self.inner.forget(chat)
    }
    fn expire(
        &self,
        now: chrono::DateTime<chrono::Utc>,
        retention: chrono::Duration,
    ) -> Result<usize, mitid_bot::storage::StoreError> {
        self.inner.expire(now, retention)
    }
    fn len(&self) -> Result<usize, mitid_bot::storage::StoreError> {
        self.inner.len()
    }
    fn set_reminders(
        &self,
        chat: &Key,
        reminders: &[mitid_bot::dialogue::reminders::Reminder],
    ) -> Result<(), mitid_bot::storage::StoreError> {
        self.check()?;
        self.inner.set_reminders(chat, reminders)
    }
    fn due_reminders(
        &self,
        now: chrono::DateTime<chrono::Utc>,
        limit: usize,
    ) -> Result<Vec<(Key, mitid_bot::dialogue::reminders::Reminder)>, mitid_bot::storage::StoreError>
    {
        self.inner.due_reminders(now, limit)
    }
    fn take_reminder(
        &self,
        chat: &Key,
        reminder: &mitid_bot::dialogue::reminders::Reminder,
    ) -> Result<bool, mitid_bot::storage::StoreError> {
        self.inner.take_reminder(chat, reminder)
    }
    fn claim_once(&self, key: &str, ttl: Duration) -> Result<bool, mitid_bot::storage::StoreError> {
        self.inner.claim_once(key, ttl)
    }
    fn pending_outbox(&self, limit: usize) -> Result<Vec<Key>, mitid_bot::storage::StoreError> {
        self.inner.pending_outbox(limit)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_answers_cannot_be_saved_the_person_is_told_and_given_the_phone_number() {
    let fake = FakeTelegram::start().await;
    let store = Arc::new(FailingStore {
        inner: mitid_bot::storage::MemoryStore::new(),
        failing: std::sync::atomic::AtomicBool::new(false),
    });
    let app = Arc::new(App::new(engine(), store.clone(), Config::default()));
    let (stop_tx, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stopped.await;
    }));
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    store
        .failing
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let sorry = chat.press("prepare").await;
    let shown = joined(&sorry);
    assert!(shown.contains("gemme dit svar"), "{shown}");
    assert!(shown.contains("73 76 76 76"), "{shown}");
    assert!(
        !shown.contains(&text(Lang::Da, "cpr-age-question")),
        "no step that was not saved: {shown}"
    );
    // Space again: the same button works.
    store
        .failing
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let (welcome, _) = chat.find_button("prepare");
    chat.press("prepare").await;
    let screen = fake.current_message(ANNA.id, welcome).unwrap();
    assert!(
        screen.text.contains(&text(Lang::Da, "cpr-age-question")),
        "{screen:#?}"
    );
    let _ = stop_tx.send(());
    let _ = tokio::time::timeout(Duration::from_secs(10), task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_press_is_answered_at_once_even_while_earlier_replies_wait_for_telegrams_limits() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ANNA,
    };
    chat.say("/start").await;
    let (welcome, prepare) = chat.find_button("prepare");
    let before = chat.mark();
    // Five typed lines at once: five new messages, which Telegram's limits spread out.
    for _ in 0..5 {
        fake.send_text(ANNA, "hmm");
    }
    let pressed = Instant::now();
    fake.press_button(ANNA, welcome, &prepare);
    fake.wait_until(Duration::from_secs(15), |calls| {
        calls[before.calls..]
            .iter()
            .filter(|c| c.method == "sendMessage" && c.failed_with.is_none())
            .count()
            >= 6
    })
    .await;
    let calls = fake.calls();
    let since = &calls[before.calls..];
    let answer = since
        .iter()
        .find(|c| c.method == "answerCallbackQuery")
        .expect("the press is answered");
    let sends: Vec<&support::Call> = since.iter().filter(|c| c.method == "sendMessage").collect();
    let took = answer.at.saturating_duration_since(pressed);
    assert!(took < Duration::from_secs(1), "answered after {took:?}");
    assert!(
        answer.at < sends[4].at,
        "answered before the replies queued ahead of it went out:\n{}",
        fake.dump(since)
    );
    let last = sends.last().unwrap();
    assert!(
        last.body["text"]
            .as_str()
            .unwrap()
            .contains(&text(Lang::Da, "cpr-age-question")),
        "{}",
        fake.dump(since)
    );
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_userid_checker_answers_first_then_warns_about_the_cpr_number_and_deletes_it() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, dir.path()).await;
    let chat = Chat {
        fake: &fake,
        user: ALEX,
    };
    chat.say("/start").await;
    chat.say("/userid").await;
    for (idea, verdict, detail) in [
        ("0101901234", "❌", "10 digits"),
        ("010190-1234", "✅", "(11 characters)"),
        ("hans0101901234", "✅", "(14 characters)"),
    ] {
        let deleted = fake.calls_to("deleteMessage").len();
        let reply = joined(&chat.say(idea).await);
        assert!(reply.starts_with(verdict), "{idea}: verdict first: {reply}");
        assert!(reply.contains(detail), "{idea}: {reply}");
        let warning = reply.find("never send your CPR number");
        assert!(
            warning.is_some_and(|w| w > reply.find(detail).unwrap_or(0)),
            "{idea}: the CPR warning after the verdict: {reply}"
        );
        assert_eq!(
            fake.calls_to("deleteMessage").len(),
            deleted + 1,
            "{idea}: the message is deleted"
        );
    }
    stop(bot).await;
}
