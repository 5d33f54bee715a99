//! A fake Telegram Bot API server on loopback, for tests that must not touch the network.
//!
//! teloxide reaches it through `Bot::new(FakeTelegram::TOKEN).set_api_url(..)` in-process, or
//! through `TELOXIDE_TOKEN` + `TELOXIDE_API_URL` for the real binary run as a child process
//! (see [`FakeTelegram::child_env`]). Requests arrive as `POST /bot{token}/{method}` with a
//! JSON body; answers use Telegram's envelopes: `{"ok":true,"result":..}` and
//! `{"ok":false,"error_code":..,"description":..,"parameters":{"retry_after":..}}`.
//!
//! The test queues updates (`send_text`, `press_button`, ...), the bot fetches them with
//! `getUpdates`, and every call the bot makes is recorded ([`FakeTelegram::calls`],
//! [`FakeTelegram::sent_messages`]).
//!
//! A test that runs the real binary keeps the server on its own thread, so it serves the
//! child whatever the test's runtime does:
//!
//! ```ignore
//! let tg = FakeTelegram::start_in_background();
//! let mut child = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
//!     .envs(tg.child_env()) // TELOXIDE_TOKEN, TELOXIDE_API_URL, NO_PROXY
//!     .spawn()
//!     .unwrap();
//! let anna = User { id: 42, language_code: Some("de"), first_name: "Anna" };
//! tg.send_text(anna, "/start de");
//! tg.wait_until_blocking(Duration::from_secs(10), |calls| {
//!     calls.iter().any(|c| c.method == "sendMessage")
//! });
//! let menu = tg.sent_messages(42).pop().unwrap();
//! tg.press_button(anna, menu.message_id, &menu.callback_data()[0]);
//! // ... then stop the child (SIGINT lets teloxide confirm its offset: `confirmed_offset`).
//! child.kill().unwrap();
//! ```
//!
//! Long polls are capped at 1 s, so a bot that asks for `timeout=10` never blocks a test.
//!
//! Under load (the end-to-end benchmark) start it with [`Options`] `record: false`, so its
//! memory stays flat however many updates go through, and follow the bot's messages with
//! [`FakeTelegram::watch`] instead of polling [`FakeTelegram::sent_messages`].
//!
//! For load tests that check what a person would notice (benches/crowd.rs), three more
//! options, all off by default: `limits` answers 429 with `retry_after` as Telegram does
//! when a bot sends too fast, `query_timeout` refuses an answer to a button press older
//! than Telegram's 15 s, and `measure` keeps, for every update, when it was handed out
//! and when it got its answer and its first reply ([`FakeTelegram::load`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Map, Value};
use tokio::sync::{oneshot, Notify};

/// The bot's own user id, as `getMe` reports it and as `from` of the bot's messages.
pub const BOT_ID: i64 = 123456;
/// The bot's username, as `getMe` reports it.
pub const BOT_USERNAME: &str = "mitid_test_bot";
/// Long polls never wait longer than this, whatever `timeout` the bot asks for.
const MAX_LONG_POLL: Duration = Duration::from_secs(1);
/// Telegram's answer to an edit that changes nothing.
const NOT_MODIFIED: &str = "Bad Request: message is not modified: specified new message \
    content and reply markup are exactly the same as a current content and reply markup of \
    the message";

/// How the server keeps what happens; [`Options::default`] is what the tests expect.
#[derive(Clone, Debug)]
pub struct Options {
    /// Keep every call, sent message, message content and queued update for inspection
    /// (`calls`, `sent_messages`, `current_message`, `redeliver`). Off, none of them is
    /// kept: button presses carry a made-up message, and only [`FakeTelegram::watch`]
    /// sees what the bot sends.
    pub record: bool,
    /// Telegram's limits for new messages (Bot FAQ, "My bot is hitting limits"): in a
    /// private chat a burst of [`CHAT_BURST`] then one a second; in a group
    /// [`GROUP_PER_MINUTE`] in any minute; all chats together [`OVERALL_PER_SECOND`] in
    /// any second. A message above them is refused with 429 and `retry_after` (whole
    /// seconds, as Telegram), the chat stays refused until then, and the refusal is
    /// counted ([`Load::too_many_requests`]). New messages only (`sendMessage`,
    /// `sendDocument`, other `send*`, `copyMessage`, `forwardMessage`); edits, deletions
    /// and answers to button presses are not limited.
    pub limits: bool,
    /// `answerCallbackQuery` for a press older than [`QUERY_TIMEOUT`] (from the press,
    /// i.e. the update being queued), or for a query answered before, fails as in Telegram
    /// (400 [`QUERY_TOO_OLD`]); counted ([`Load::too_old`]).
    pub query_timeout: bool,
    /// Keep, for every update, when getUpdates first handed it out and how long until its
    /// answer (a callback query) and its first reply to the chat; see [`FakeTelegram::load`].
    /// Kept even when `record` is off (a few dozen bytes an update).
    pub measure: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            record: true,
            limits: false,
            query_timeout: false,
            measure: false,
        }
    }
}

/// With [`Options::limits`]: messages a private chat may get at once, then one a second.
pub const CHAT_BURST: f64 = 3.0;
/// With [`Options::limits`]: messages a group may get in any minute.
pub const GROUP_PER_MINUTE: usize = 20;
/// With [`Options::limits`]: messages all chats together may get in any second.
pub const OVERALL_PER_SECOND: usize = 30;
/// With [`Options::query_timeout`]: how long Telegram waits for the answer to a press.
pub const QUERY_TIMEOUT: Duration = Duration::from_secs(15);
/// Telegram's answer to an answerCallbackQuery that came too late (or twice).
pub const QUERY_TOO_OLD: &str =
    "Bad Request: query is too old and response timeout expired or query ID is invalid";

/// What the bot did with the updates, measured with [`Options::measure`] (counts of
/// refusals are kept always). Latencies are from the getUpdates that first handed the
/// update out, sorted ascending.
#[derive(Clone, Debug, Default)]
pub struct Load {
    /// Updates queued since the start.
    pub updates: usize,
    /// Of them, never handed out by getUpdates.
    pub not_fetched: usize,
    /// Queued (the person acted) → first handed out by getUpdates, sorted: how long an
    /// update waited at Telegram for the bot to fetch it.
    pub fetch_waits: Vec<Duration>,
    /// Button presses (callback queries) queued.
    pub presses: usize,
    /// Handed out → first successful answerCallbackQuery, one per answered press.
    pub answers: Vec<Duration>,
    /// Presses never answered successfully (also the refused ones).
    pub unanswered: usize,
    /// Presses answered more than [`QUERY_TIMEOUT`] after the press: refused by
    /// [`Options::query_timeout`], or (with it off) accepted late.
    pub late: usize,
    /// Handed out → first reply to the update's chat (`sendMessage`, `sendDocument`,
    /// `editMessageText`, `editMessageReplyMarkup`, or an answer to a press with a text).
    /// Telegram does not say which update a message answers: a reply counts for every
    /// update of its chat handed out before it and not yet replied.
    pub first_replies: Vec<Duration>,
    /// Updates handed out without any reply to their chat since.
    pub unreplied: usize,
    /// 429s sent for [`Options::limits`].
    pub too_many_requests: usize,
    /// For each message over a limit (not those refused while their chat was held): how
    /// much too early it came, sorted. Milliseconds: the bot kept the limit but its requests
    /// arrived in another order or spacing than it sent them; seconds: it did not keep it.
    pub refused_early: Vec<Duration>,
    /// 400 [`QUERY_TOO_OLD`] sent for [`Options::query_timeout`].
    pub too_old: usize,
}

/// A Telegram user who writes to the bot. Private chat id == user id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub language_code: Option<&'static str>,
    pub first_name: &'static str,
}

/// One request the bot made, in arrival order.
#[derive(Clone, Debug)]
pub struct Call {
    /// Telegram method name as documented, e.g. `sendMessage` (teloxide sends
    /// `SendMessage`; the first letter is lowercased).
    pub method: String,
    /// The JSON body; a urlencoded or multipart body becomes an object of strings (a file
    /// part: its content, and its name under `<field>_file_name`); anything else is kept
    /// as a `Value::String` of the raw body.
    pub body: Value,
    pub at: Instant,
    /// `Some(error_code)` when the call was answered with an error (by `fail_next`, or as
    /// Telegram would: an edit that changes nothing, of a message that is gone).
    pub failed_with: Option<u16>,
    /// The error's description, as Telegram words it (e.g. "message is not modified").
    pub error: Option<String>,
}

/// A message as the bot left it: a `sendMessage`, or the new content of an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentMessage {
    pub message_id: i32,
    pub chat_id: i64,
    pub text: String,
    pub parse_mode: Option<String>,
    /// Inline keyboard rows; empty when the message has no inline keyboard.
    pub buttons: Vec<Vec<Button>>,
    pub edited: bool,
}

/// A file the bot sent with `sendDocument`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentDocument {
    pub chat_id: i64,
    pub file_name: String,
    /// The file's content (as text: the bot sends calendar files).
    pub content: String,
    pub caption: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Button {
    pub text: String,
    pub callback_data: Option<String>,
    pub url: Option<String>,
}

impl SentMessage {
    /// All callback data of the keyboard, row by row.
    pub fn callback_data(&self) -> Vec<String> {
        self.buttons
            .iter()
            .flatten()
            .filter_map(|b| b.callback_data.clone())
            .collect()
    }

    /// The first button whose text contains `needle`.
    pub fn button(&self, needle: &str) -> Option<&Button> {
        self.buttons
            .iter()
            .flatten()
            .find(|b| b.text.contains(needle))
    }
}

/// The fake server. Cheap to clone; the server stops when the last clone is dropped.
#[derive(Clone)]
pub struct FakeTelegram {
    inner: Arc<Inner>,
    /// Dropping the last handle drops the sender, which shuts the server down.
    _stop: Arc<oneshot::Sender<()>>,
}

struct Inner {
    addr: SocketAddr,
    started: Instant,
    state: Mutex<State>,
    /// Woken whenever an update is queued, for long polls.
    queued: Notify,
    /// Woken whenever a chat gets a reply, for [`FakeTelegram::wait_replied`].
    replied: Notify,
}

/// One update, for [`Options::measure`] and [`Options::query_timeout`].
struct Tracked {
    chat: Option<i64>,
    queued: Instant,
    /// When getUpdates first handed it out.
    fetched: Option<Instant>,
    replied: Option<Instant>,
    /// The callback query id, for a press.
    query: Option<String>,
    answered: Option<Instant>,
    /// Answered (or refused) after [`QUERY_TIMEOUT`].
    late: bool,
}

/// Telegram's limits as the fake keeps them ([`Options::limits`]).
#[derive(Default)]
struct Rates {
    /// When the messages of the last second went.
    overall: std::collections::VecDeque<Instant>,
    /// Private chats: tokens left and when counted.
    chats: HashMap<i64, (f64, Instant)>,
    /// Groups: when the messages of the last minute went.
    groups: HashMap<i64, std::collections::VecDeque<Instant>>,
    /// Chats refused until then (a 429's retry_after).
    held: HashMap<i64, Instant>,
}

struct Queued {
    id: i32,
    update: Value,
    delivered: bool,
}

struct Failure {
    method: String,
    remaining: usize,
    error_code: u16,
    description: String,
    retry_after: Option<u32>,
}

struct StoredMessage {
    json: Value,
    parse_mode: Option<String>,
}

#[derive(Default)]
struct State {
    /// See [`Options::record`].
    record: bool,
    /// Receives every message the bot sends or edits (text), with its arrival time.
    watcher: Option<tokio::sync::mpsc::UnboundedSender<(Instant, SentMessage)>>,
    calls: Vec<Call>,
    sent: Vec<SentMessage>,
    documents: Vec<SentDocument>,
    /// Pending updates, sorted by update_id (stable for equal ids).
    queue: Vec<Queued>,
    /// Every update ever queued, for `redeliver`.
    history: HashMap<i32, Value>,
    next_update_id: i32,
    next_message_id: i32,
    next_callback_id: u64,
    confirmed_offset: i32,
    /// Current content of every message the server knows (bot's and users'), by (chat, id).
    messages: HashMap<(i64, i32), StoredMessage>,
    /// Chat objects of the chats the test has written from, by chat id.
    chats: HashMap<i64, Value>,
    failures: Vec<Failure>,
    webhook_url: String,
    commands: Option<Value>,
    /// How often each update was handed out by getUpdates.
    deliveries: HashMap<i32, usize>,
    /// See [`Options`].
    limits: bool,
    query_timeout: bool,
    measure: bool,
    rates: Rates,
    /// Updates by id, and callback query ids → update id ([`Options::measure`] or
    /// [`Options::query_timeout`]).
    tracked: HashMap<i32, Tracked>,
    queries: HashMap<String, i32>,
    /// Per chat: updates handed out and not yet replied ([`Options::measure`]).
    awaiting: HashMap<i64, Vec<i32>>,
    too_many_requests: usize,
    /// For each 429 of [`Options::limits`] (not those of a held chat): how early it was.
    refused_early: Vec<Duration>,
    too_old: usize,
    /// When getUpdates first handed out each update.
    first_delivered: HashMap<i32, Instant>,
}

impl FakeTelegram {
    /// Any token works; the server only uses the `/bot{token}/` segment for routing.
    pub const TOKEN: &'static str = "123456:TEST-TOKEN";

    /// Starts the server on 127.0.0.1:0 as a task of the current tokio runtime.
    pub async fn start() -> FakeTelegram {
        Self::start_with(Options::default()).await
    }

    /// [`Self::start`] with other [`Options`].
    pub async fn start_with(options: Options) -> FakeTelegram {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake Telegram: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("fake Telegram: local addr");
        let (inner, stop, stopped) = Self::parts(addr, options);
        tokio::spawn(serve(listener, inner.clone(), stopped));
        FakeTelegram { inner, _stop: stop }
    }

    /// Starts the server on its own thread with its own runtime, so it serves a child
    /// process (or a plain `#[test]`) independently of any runtime of the test.
    pub fn start_in_background() -> FakeTelegram {
        let listener =
            std::net::TcpListener::bind("127.0.0.1:0").expect("fake Telegram: bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("fake Telegram: nonblocking listener");
        let addr = listener.local_addr().expect("fake Telegram: local addr");
        let (inner, stop, stopped) = Self::parts(addr, Options::default());
        let server_inner = inner.clone();
        std::thread::Builder::new()
            .name(format!("fake-telegram-{}", addr.port()))
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("fake Telegram: runtime");
                runtime.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .expect("fake Telegram: tokio listener");
                    serve(listener, server_inner, stopped).await;
                });
            })
            .expect("fake Telegram: spawn thread");
        FakeTelegram { inner, _stop: stop }
    }

    fn parts(
        addr: SocketAddr,
        options: Options,
    ) -> (Arc<Inner>, Arc<oneshot::Sender<()>>, oneshot::Receiver<()>) {
        let (stop, stopped) = oneshot::channel();
        let state = State {
            record: options.record,
            limits: options.limits,
            query_timeout: options.query_timeout,
            measure: options.measure,
            next_update_id: 1,
            next_message_id: 1,
            next_callback_id: 1,
            ..State::default()
        };
        let inner = Arc::new(Inner {
            addr,
            started: Instant::now(),
            state: Mutex::new(state),
            queued: Notify::new(),
            replied: Notify::new(),
        });
        (inner, Arc::new(stop), stopped)
    }

    /// `http://127.0.0.1:PORT/`, the value for `TELOXIDE_API_URL` / `Bot::set_api_url`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.inner.addr)
    }

    /// A teloxide `Bot` talking to this server: teloxide's default client settings, minus
    /// any system proxy. (The crate has no `reqwest`/`url` dependency to name a `Url`, so
    /// the URL is parsed through a teloxide type.)
    pub fn bot(&self) -> teloxide::Bot {
        let client = teloxide::net::default_reqwest_settings()
            .no_proxy()
            .build()
            .expect("fake Telegram: reqwest client");
        let url = serde_json::from_value::<teloxide::types::WebAppInfo>(json!({"url": self.url()}))
            .expect("fake Telegram: URL parses")
            .url;
        teloxide::Bot::with_client(Self::TOKEN, client).set_api_url(url)
    }

    /// Environment for the real binary as a child process: token, API URL, and `NO_PROXY`
    /// so that an `HTTP_PROXY` of the host can never divert loopback traffic.
    pub fn child_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("TELOXIDE_TOKEN", Self::TOKEN.to_string()),
            ("TELOXIDE_API_URL", self.url()),
            ("NO_PROXY", "127.0.0.1,localhost".to_string()),
            ("no_proxy", "127.0.0.1,localhost".to_string()),
        ]
    }

    // ---- updates the bot will receive -------------------------------------------------

    /// A private text message from `chat`. Bot commands (`/start de`) get a `bot_command`
    /// entity, as Telegram adds them.
    pub fn send_text(&self, chat: User, text: &str) -> i32 {
        self.enqueue(|st| {
            let chat_json = st.private_chat(chat);
            let mut msg = st.user_message(chat, chat_json);
            set_text(&mut msg, text);
            ("message", msg)
        })
    }

    /// A press on an inline button of the bot's message `message_id` in the private chat
    /// with `chat`. The update carries the message as the server last knows it (after
    /// edits); a message id the server never saw is made up as a bot message.
    pub fn press_button(&self, chat: User, message_id: i32, data: &str) -> i32 {
        self.enqueue(|st| {
            let chat_json = st.private_chat(chat);
            let message = match st.messages.get(&(chat.id, message_id)) {
                Some(stored) => stored.json.clone(),
                None => json!({
                    "message_id": message_id,
                    "from": bot_user(),
                    "chat": chat_json,
                    "date": unix_now(),
                    "text": "(a message the fake server never saw)",
                }),
            };
            let id = st.next_callback_id;
            st.next_callback_id += 1;
            let query = json!({
                "id": format!("cbq-{id}"),
                "from": user_json(chat),
                "message": message,
                "chat_instance": format!("ci-{}", chat.id),
                "data": data,
            });
            ("callback_query", query)
        })
    }

    /// A sticker in the private chat with `chat`.
    pub fn send_sticker(&self, chat: User) -> i32 {
        self.enqueue(|st| {
            let chat_json = st.private_chat(chat);
            let mut msg = st.user_message(chat, chat_json);
            msg["sticker"] = json!({
                "file_id": "CAACAgIAAxkBAAFAKEstickerFileId",
                "file_unique_id": "AgADfakeSticker",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": false,
                "is_video": false,
                "emoji": "👍",
                "set_name": "FakeStickers",
                "file_size": 23456,
            });
            ("message", msg)
        })
    }

    /// A photo (two sizes) in the private chat with `chat`.
    pub fn send_photo(&self, chat: User) -> i32 {
        self.enqueue(|st| {
            let chat_json = st.private_chat(chat);
            let mut msg = st.user_message(chat, chat_json);
            msg["photo"] = json!([
                {"file_id": "AgACAgIAAxkBAAFAKEphotoSmall", "file_unique_id": "AQADfakeS",
                 "width": 90, "height": 67, "file_size": 1234},
                {"file_id": "AgACAgIAAxkBAAFAKEphotoLarge", "file_unique_id": "AQADfakeL",
                 "width": 1280, "height": 960, "file_size": 123456},
            ]);
            ("message", msg)
        })
    }

    /// `edited_message`: the user edited their message `message_id` to `text`.
    pub fn send_edited_text(&self, chat: User, message_id: i32, text: &str) -> i32 {
        self.enqueue(|st| {
            let chat_json = st.private_chat(chat);
            let date = st
                .messages
                .get(&(chat.id, message_id))
                .and_then(|m| m.json["date"].as_i64())
                .unwrap_or_else(|| unix_now() - 60);
            let mut msg = json!({
                "message_id": message_id,
                "from": user_json(chat),
                "chat": chat_json,
                "date": date,
                "edit_date": unix_now(),
            });
            set_text(&mut msg, text);
            st.messages.insert(
                (chat.id, message_id),
                StoredMessage {
                    json: msg.clone(),
                    parse_mode: None,
                },
            );
            ("edited_message", msg)
        })
    }

    /// A text message from `from` in the group `group_id` (negative; ids below
    /// -1000000000000 are supergroups).
    pub fn send_in_group(&self, from: User, group_id: i64, text: &str) -> i32 {
        self.enqueue(|st| {
            let kind = if group_id < -1_000_000_000_000 {
                "supergroup"
            } else {
                "group"
            };
            let chat_json =
                json!({"id": group_id, "type": kind, "title": format!("Test group {group_id}")});
            st.chats.insert(group_id, chat_json.clone());
            let mut msg = st.user_message(from, chat_json);
            set_text(&mut msg, text);
            ("message", msg)
        })
    }

    /// Queues any update. Uses its `update_id` if it has one (so the same id can be
    /// delivered twice), else assigns the next one.
    pub fn push_raw_update(&self, mut update: Value) -> i32 {
        let mut st = self.inner.lock();
        let id = match update.get("update_id").and_then(Value::as_i64) {
            Some(id) => {
                let id = i32::try_from(id).expect("update_id fits i32");
                st.next_update_id = st.next_update_id.max(id + 1);
                id
            }
            None => {
                let id = st.next_update_id;
                st.next_update_id += 1;
                update["update_id"] = json!(id);
                id
            }
        };
        st.track(id, &update);
        st.push_queue(id, update);
        drop(st);
        self.inner.queued.notify_waiters();
        id
    }

    /// Puts an already queued update back in the queue with the same id, as Telegram does
    /// when a bot did not confirm it. It is delivered once more even if the bot already
    /// confirmed an offset above it.
    pub fn redeliver(&self, update_id: i32) {
        let mut st = self.inner.lock();
        let update = st
            .history
            .get(&update_id)
            .cloned()
            .unwrap_or_else(|| panic!("fake Telegram: no update {update_id} was ever queued"));
        st.push_queue(update_id, update);
        drop(st);
        self.inner.queued.notify_waiters();
    }

    /// From now on, every `sendMessage` and text edit the bot makes, as it arrives (with
    /// the time it arrived). A second call replaces the first watcher.
    pub fn watch(&self) -> tokio::sync::mpsc::UnboundedReceiver<(Instant, SentMessage)> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        self.inner.lock().watcher = Some(tx);
        rx
    }

    /// How many times getUpdates has handed out the update `update_id` (0: not yet).
    pub fn times_delivered(&self, update_id: i32) -> usize {
        let st = self.inner.lock();
        st.deliveries.get(&update_id).copied().unwrap_or_default()
    }

    /// When getUpdates first handed out the update `update_id` (`None`: not yet).
    pub fn first_delivered_at(&self, update_id: i32) -> Option<Instant> {
        self.inner.lock().first_delivered.get(&update_id).copied()
    }

    /// The update `update_id` as it was queued (`None` if never, or not recording).
    pub fn queued_update(&self, update_id: i32) -> Option<Value> {
        self.inner.lock().history.get(&update_id).cloned()
    }

    /// Updates queued and not yet confirmed.
    pub fn pending_updates(&self) -> usize {
        self.inner.lock().queue.len()
    }

    fn enqueue(&self, build: impl FnOnce(&mut State) -> (&'static str, Value)) -> i32 {
        let mut st = self.inner.lock();
        let (kind, payload) = build(&mut st);
        if kind == "message" && st.record {
            // Kept so an edit of it (send_edited_text) keeps its date.
            if let (Some(chat), Some(id)) = (
                payload["chat"]["id"].as_i64(),
                payload["message_id"].as_i64(),
            ) {
                let stored = StoredMessage {
                    json: payload.clone(),
                    parse_mode: None,
                };
                st.messages.insert((chat, id as i32), stored);
            }
        }
        let id = st.next_update_id;
        st.next_update_id += 1;
        let update = json!({"update_id": id, kind: payload});
        st.track(id, &update);
        st.push_queue(id, update);
        drop(st);
        self.inner.queued.notify_waiters();
        id
    }

    // ---- what the bot did --------------------------------------------------------------

    /// What the bot did with the updates so far ([`Options::measure`]; without it only the
    /// counts of refusals).
    pub fn load(&self) -> Load {
        let st = self.inner.lock();
        let mut load = Load {
            too_many_requests: st.too_many_requests,
            too_old: st.too_old,
            refused_early: st.refused_early.clone(),
            ..Load::default()
        };
        for t in st.tracked.values() {
            load.updates += 1;
            let Some(fetched) = t.fetched else {
                load.not_fetched += 1;
                if t.query.is_some() {
                    load.presses += 1;
                    load.unanswered += 1;
                }
                continue;
            };
            load.fetch_waits
                .push(fetched.saturating_duration_since(t.queued));
            match t.replied {
                Some(at) => load
                    .first_replies
                    .push(at.saturating_duration_since(fetched)),
                None => load.unreplied += 1,
            }
            if t.query.is_some() {
                load.presses += 1;
                match t.answered {
                    Some(at) => load.answers.push(at.saturating_duration_since(fetched)),
                    None => load.unanswered += 1,
                }
                if t.late {
                    load.late += 1;
                }
            }
        }
        load.answers.sort_unstable();
        load.fetch_waits.sort_unstable();
        load.refused_early.sort_unstable();
        load.first_replies.sort_unstable();
        load
    }

    /// Whether the update `update_id` has been answered (a press) and its chat got a reply
    /// since it was handed out ([`Options::measure`]).
    pub fn replied(&self, update_id: i32) -> bool {
        let st = self.inner.lock();
        st.tracked
            .get(&update_id)
            .is_some_and(|t| t.replied.is_some())
    }

    /// Waits at most `timeout` until [`Self::replied`] holds for `update_id`; false if it
    /// did not.
    pub async fn wait_replied(&self, update_id: i32, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.inner.replied.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.replied(update_id) {
                return true;
            }
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::select! {
                _ = notified => {}
                _ = tokio::time::sleep_until(deadline) => {}
            }
        }
    }

    /// Every call the bot made, in order (including `getUpdates` and failed calls).
    pub fn calls(&self) -> Vec<Call> {
        self.inner.lock().calls.clone()
    }

    /// The calls of one method (e.g. `"answerCallbackQuery"`), in order.
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.inner
            .lock()
            .calls
            .iter()
            .filter(|c| c.method.eq_ignore_ascii_case(method))
            .cloned()
            .collect()
    }

    /// Successful `sendMessage` and `editMessageText` calls to `chat_id`, in order.
    pub fn sent_documents(&self, chat_id: i64) -> Vec<SentDocument> {
        self.inner
            .lock()
            .documents
            .iter()
            .filter(|d| d.chat_id == chat_id)
            .cloned()
            .collect()
    }

    /// The messages sent to `chat_id` (and edits of them), in order.
    pub fn sent_messages(&self, chat_id: i64) -> Vec<SentMessage> {
        self.inner
            .lock()
            .sent
            .iter()
            .filter(|m| m.chat_id == chat_id)
            .cloned()
            .collect()
    }

    /// A message as it is now (after every edit, also `editMessageReplyMarkup`), or
    /// `None` if the server does not know it or the bot deleted it.
    pub fn current_message(&self, chat_id: i64, message_id: i32) -> Option<SentMessage> {
        let st = self.inner.lock();
        let stored = st.messages.get(&(chat_id, message_id))?;
        Some(sent_from_json(
            &stored.json,
            stored.parse_mode.clone(),
            false,
        ))
    }

    /// The bot's messages in the chat as the person sees them now: after every edit, without
    /// the deleted ones, oldest first.
    pub fn visible_bot_messages(&self, chat_id: i64) -> Vec<SentMessage> {
        let st = self.inner.lock();
        let mut ids: Vec<i32> = st
            .messages
            .iter()
            .filter(|((chat, _), m)| *chat == chat_id && m.json["from"]["id"] == json!(BOT_ID))
            .map(|((_, id), _)| *id)
            .collect();
        ids.sort_unstable();
        ids.into_iter()
            .filter_map(|id| {
                let m = st.messages.get(&(chat_id, id))?;
                Some(sent_from_json(
                    &m.json,
                    m.parse_mode.clone(),
                    m.json.get("edit_date").is_some(),
                ))
            })
            .collect()
    }

    /// Waits (polling every 10 ms, at most `timeout`) until `pred(&calls)` holds and
    /// returns the calls; panics with a dump of all calls otherwise.
    pub async fn wait_until(&self, timeout: Duration, pred: impl Fn(&[Call]) -> bool) -> Vec<Call> {
        let deadline = Instant::now() + timeout;
        loop {
            let calls = self.calls();
            if pred(&calls) {
                return calls;
            }
            if Instant::now() >= deadline {
                self.timed_out(timeout, &calls);
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// [`Self::wait_until`] for non-async tests. Don't call it on a runtime thread that
    /// also runs the server (use `start_in_background` for blocking tests).
    #[track_caller]
    pub fn wait_until_blocking(
        &self,
        timeout: Duration,
        pred: impl Fn(&[Call]) -> bool,
    ) -> Vec<Call> {
        let deadline = Instant::now() + timeout;
        loop {
            let calls = self.calls();
            if pred(&calls) {
                return calls;
            }
            if Instant::now() >= deadline {
                self.timed_out(timeout, &calls);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[track_caller]
    fn timed_out(&self, timeout: Duration, calls: &[Call]) -> ! {
        let pending = self.pending_updates();
        panic!(
            "fake Telegram: condition not met within {timeout:?}; {pending} update(s) still \
             pending; confirmed offset {}; calls received:\n{}",
            self.confirmed_offset(),
            self.dump(calls)
        );
    }

    /// The calls, one a line, with time since start; runs of identical `getUpdates` are
    /// folded.
    pub fn dump(&self, calls: &[Call]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < calls.len() {
            let call = &calls[i];
            let mut run = 1;
            if call.method == "getUpdates" {
                while i + run < calls.len()
                    && calls[i + run].method == "getUpdates"
                    && calls[i + run].body == call.body
                {
                    run += 1;
                }
            }
            let ms = call
                .at
                .saturating_duration_since(self.inner.started)
                .as_millis();
            let mut body = call.body.to_string();
            if body.len() > 600 {
                let mut cut = 600;
                while !body.is_char_boundary(cut) {
                    cut -= 1;
                }
                body.truncate(cut);
                body.push('…');
            }
            let _ = write!(out, "  +{ms:>6}ms {} {body}", call.method);
            if let Some(code) = call.failed_with {
                let _ = write!(out, "  -> failed {code}");
            }
            if run > 1 {
                let _ = write!(out, "  ×{run}");
            }
            out.push('\n');
            i += run;
        }
        if out.is_empty() {
            out.push_str("  (none)\n");
        }
        out
    }

    /// The highest offset the bot confirmed with getUpdates (updates below it count as
    /// handled); 0 before any confirmation.
    pub fn confirmed_offset(&self) -> i32 {
        self.inner.lock().confirmed_offset
    }

    /// Makes the next `times` calls of `method` fail with this error. `retry_after` adds
    /// `parameters.retry_after` (teloxide: `RequestError::RetryAfter`). Avoid 5xx codes:
    /// teloxide sleeps 10 s after a server error.
    pub fn fail_next(
        &self,
        method: &str,
        times: usize,
        error_code: u16,
        description: &str,
        retry_after: Option<u32>,
    ) {
        self.inner.lock().failures.push(Failure {
            method: method.to_string(),
            remaining: times,
            error_code,
            description: description.to_string(),
            retry_after,
        });
    }
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking test thread must not hide the calls from the other tests' dumps.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl State {
    fn push_queue(&mut self, id: i32, update: Value) {
        if self.record {
            self.history.insert(id, update.clone());
        }
        let at = self.queue.partition_point(|q| q.id <= id);
        self.queue.insert(
            at,
            Queued {
                id,
                update,
                delivered: false,
            },
        );
    }

    fn private_chat(&mut self, user: User) -> Value {
        let chat = json!({"id": user.id, "type": "private", "first_name": user.first_name});
        self.chats.insert(user.id, chat.clone());
        chat
    }

    /// A message from `from` in `chat`, without content, with the next message id.
    fn user_message(&mut self, from: User, chat: Value) -> Value {
        let id = self.next_message_id;
        self.next_message_id += 1;
        json!({
            "message_id": id,
            "from": user_json(from),
            "chat": chat,
            "date": unix_now(),
        })
    }

    fn chat_json(&self, chat_id: i64) -> Value {
        self.chats.get(&chat_id).cloned().unwrap_or_else(|| {
            if chat_id < 0 {
                json!({"id": chat_id, "type": "group", "title": format!("Test group {chat_id}")})
            } else {
                json!({"id": chat_id, "type": "private", "first_name": "Test user"})
            }
        })
    }

    fn take_failure(&mut self, method: &str) -> Option<(u16, String, Option<u32>)> {
        let failure = self
            .failures
            .iter_mut()
            .find(|f| f.remaining > 0 && f.method.eq_ignore_ascii_case(method))?;
        failure.remaining -= 1;
        let out = (
            failure.error_code,
            failure.description.clone(),
            failure.retry_after,
        );
        self.failures.retain(|f| f.remaining > 0);
        Some(out)
    }

    /// Applies the `offset` of a getUpdates call (Telegram semantics).
    fn confirm(&mut self, offset: i64) {
        if offset > 0 {
            let offset = i32::try_from(offset).unwrap_or(i32::MAX);
            // Only updates the bot has seen count as confirmed; one queued again below the
            // offset (redeliver) is delivered once more first.
            self.queue.retain(|q| !(q.delivered && q.id < offset));
            self.confirmed_offset = self.confirmed_offset.max(offset);
        } else if offset < 0 {
            // Negative offset: keep the last -offset updates, forget all before.
            let keep = usize::try_from(offset.unsigned_abs()).unwrap_or(usize::MAX);
            let drop_n = self.queue.len().saturating_sub(keep);
            if let Some(last_dropped) = self.queue.drain(..drop_n).map(|q| q.id).max() {
                self.confirmed_offset = self.confirmed_offset.max(last_dropped + 1);
            }
        }
    }

    fn take_batch(&mut self, limit: usize) -> Vec<Value> {
        let now = Instant::now();
        self.queue
            .iter_mut()
            .take(limit)
            .map(|q| {
                q.delivered = true;
                *self.deliveries.entry(q.id).or_default() += 1;
                if let Some(t) = self.tracked.get_mut(&q.id) {
                    if t.fetched.is_none() {
                        t.fetched = Some(now);
                        if let (true, Some(chat)) = (self.measure, t.chat) {
                            self.awaiting.entry(chat).or_default().push(q.id);
                        }
                    }
                }
                self.first_delivered
                    .entry(q.id)
                    .or_insert_with(Instant::now);
                q.update.clone()
            })
            .collect()
    }

    /// Starts keeping the times of update `id` (if measuring or checking query ages).
    fn track(&mut self, id: i32, update: &Value) {
        if !(self.measure || self.query_timeout) || self.tracked.contains_key(&id) {
            return;
        }
        let query = update["callback_query"]["id"].as_str().map(str::to_string);
        let chat = [
            "message",
            "edited_message",
            "channel_post",
            "edited_channel_post",
        ]
        .iter()
        .find_map(|k| update[k]["chat"]["id"].as_i64())
        .or_else(|| update["callback_query"]["message"]["chat"]["id"].as_i64());
        if let Some(q) = &query {
            self.queries.insert(q.clone(), id);
        }
        self.tracked.insert(
            id,
            Tracked {
                chat,
                queued: Instant::now(),
                fetched: None,
                replied: None,
                query,
                answered: None,
                late: false,
            },
        );
    }

    /// [`Options::limits`]: `Some(retry_after)` if a new message now would exceed
    /// Telegram's limits; else counts it as sent.
    fn over_limit(&mut self, method: &str, body: &Value) -> Option<u64> {
        let method = method.to_ascii_lowercase();
        let new_message = (method.starts_with("send") && method != "sendchataction")
            || method == "copymessage"
            || method == "forwardmessage";
        if !self.limits || !new_message {
            return None;
        }
        let chat = chat_id_field(body).unwrap_or(0);
        let now = Instant::now();
        let secs = |d: Duration| d.as_secs_f64().ceil().max(1.0) as u64;
        if let Some(until) = self.rates.held.get(&chat) {
            if *until > now {
                return Some(secs(*until - now));
            }
        }
        let rates = &mut self.rates;
        while rates
            .overall
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
        {
            rates.overall.pop_front();
        }
        let mut wait = None;
        if rates.overall.len() >= OVERALL_PER_SECOND {
            wait = Some(rates.overall[0] + Duration::from_secs(1) - now);
        }
        if chat < 0 {
            let group = rates.groups.entry(chat).or_default();
            while group
                .front()
                .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60))
            {
                group.pop_front();
            }
            if group.len() >= GROUP_PER_MINUTE {
                let until = group[0] + Duration::from_secs(60) - now;
                wait = Some(wait.map_or(until, |w: Duration| w.max(until)));
            }
        } else {
            let (tokens, at) = rates.chats.entry(chat).or_insert((CHAT_BURST, now));
            let refilled = (*tokens + now.duration_since(*at).as_secs_f64()).min(CHAT_BURST);
            if refilled < 1.0 {
                let until = Duration::from_secs_f64(1.0 - refilled);
                wait = Some(wait.map_or(until, |w: Duration| w.max(until)));
            }
        }
        if let Some(wait) = wait {
            let retry_after = secs(wait);
            self.refused_early.push(wait);
            self.rates
                .held
                .insert(chat, now + Duration::from_secs(retry_after));
            return Some(retry_after);
        }
        self.rates.held.remove(&chat);
        self.rates.overall.push_back(now);
        if chat < 0 {
            self.rates.groups.entry(chat).or_default().push_back(now);
        } else {
            let entry = self.rates.chats.entry(chat).or_insert((CHAT_BURST, now));
            let refilled = (entry.0 + now.duration_since(entry.1).as_secs_f64()).min(CHAT_BURST);
            *entry = (refilled - 1.0, now);
        }
        None
    }

    /// answerCallbackQuery: notes the answer of a tracked press; with
    /// [`Options::query_timeout`], `Err` for one too old or answered before.
    fn answer_query(&mut self, method: &str, body: &Value) -> Result<(), String> {
        if !method.eq_ignore_ascii_case("answerCallbackQuery") {
            return Ok(());
        }
        let query = str_field(body, "callback_query_id").unwrap_or_default();
        let Some(t) = self
            .queries
            .get(&query)
            .and_then(|id| self.tracked.get_mut(id))
        else {
            return Ok(());
        };
        let now = Instant::now();
        let too_old = now.duration_since(t.queued) > QUERY_TIMEOUT;
        if self.query_timeout && (too_old || t.answered.is_some()) {
            if too_old && t.answered.is_none() {
                t.late = true;
            }
            self.too_old += 1;
            return Err(QUERY_TOO_OLD.into());
        }
        if t.answered.is_none() {
            t.answered = Some(now);
            t.late = too_old;
        }
        Ok(())
    }

    /// [`Options::measure`]: a call that shows the person something is the first reply of
    /// every update of the chat handed out and not yet replied. True if it was one.
    fn note_reply(&mut self, method: &str, body: &Value) -> bool {
        if !self.measure {
            return false;
        }
        let chat = match method.to_ascii_lowercase().as_str() {
            "sendmessage" | "senddocument" | "editmessagetext" | "editmessagereplymarkup" => {
                chat_id_field(body)
            }
            "answercallbackquery" if str_field(body, "text").is_some_and(|t| !t.is_empty()) => {
                let query = str_field(body, "callback_query_id").unwrap_or_default();
                self.queries
                    .get(&query)
                    .and_then(|id| self.tracked.get(id))
                    .and_then(|t| t.chat)
            }
            _ => None,
        };
        let Some(ids) = chat.and_then(|c| self.awaiting.remove(&c)) else {
            return false;
        };
        let now = Instant::now();
        for id in ids {
            if let Some(t) = self.tracked.get_mut(&id) {
                t.replied.get_or_insert(now);
            }
        }
        true
    }

    /// Every method but getUpdates: the result, or Telegram's error code and description.
    fn dispatch(&mut self, method: &str, body: &Value) -> Result<Value, (u16, String)> {
        Ok(match method.to_ascii_lowercase().as_str() {
            "getme" => bot_me(),
            "getwebhookinfo" => json!({
                "url": self.webhook_url,
                "has_custom_certificate": false,
                "pending_update_count": self.queue.len(),
            }),
            "setwebhook" => {
                self.webhook_url = str_field(body, "url").unwrap_or_default();
                json!(true)
            }
            "deletewebhook" => {
                self.webhook_url.clear();
                if bool_field(body, "drop_pending_updates") {
                    if let Some(last) = self.queue.iter().map(|q| q.id).max() {
                        self.confirmed_offset = self.confirmed_offset.max(last + 1);
                    }
                    self.queue.clear();
                }
                json!(true)
            }
            "sendmessage" => self.send_message(body),
            "senddocument" => self.send_document(body),
            "editmessagetext" => self.edit_message(body, true)?,
            "editmessagereplymarkup" => self.edit_message(body, false)?,
            "deletemessage" => {
                if let (Some(chat), Some(id)) = (chat_id_field(body), int_field(body, "message_id"))
                {
                    let known = self.messages.remove(&(chat, id as i32)).is_some();
                    if !known && self.record {
                        return Err((400, "Bad Request: message to delete not found".into()));
                    }
                }
                json!(true)
            }
            "setmycommands" => {
                self.commands = Some(json_field(body, "commands").unwrap_or(json!([])));
                json!(true)
            }
            "deletemycommands" => {
                self.commands = None;
                json!(true)
            }
            "getmycommands" => self.commands.clone().unwrap_or(json!([])),
            // answerCallbackQuery, sendChatAction, setMyDescription, setMyShortDescription,
            // close, logOut, and anything unknown.
            _ => json!(true),
        })
    }

    fn send_message(&mut self, body: &Value) -> Value {
        let chat_id = chat_id_field(body).unwrap_or(0);
        let message_id = self.next_message_id;
        self.next_message_id += 1;
        let mut msg = json!({
            "message_id": message_id,
            "from": bot_user(),
            "chat": self.chat_json(chat_id),
            "date": unix_now(),
            "text": str_field(body, "text").unwrap_or_default(),
        });
        if let Some(markup) = inline_markup(body) {
            msg["reply_markup"] = markup;
        }
        let parse_mode = str_field(body, "parse_mode");
        self.record_sent(sent_from_json(&msg, parse_mode.clone(), false));
        if self.record {
            self.messages.insert(
                (chat_id, message_id),
                StoredMessage {
                    json: msg.clone(),
                    parse_mode,
                },
            );
        }
        msg
    }

    fn send_document(&mut self, body: &Value) -> Value {
        let chat_id = chat_id_field(body).unwrap_or(0);
        let message_id = self.next_message_id;
        self.next_message_id += 1;
        // teloxide sends the file as its own part and `document` as `attach://<part>`.
        let part = str_field(body, "document")
            .and_then(|d| d.strip_prefix("attach://").map(str::to_string))
            .unwrap_or_else(|| "document".into());
        let file_name = str_field(body, &format!("{part}_file_name")).unwrap_or_default();
        let content = str_field(body, &part).unwrap_or_default();
        let caption = str_field(body, "caption");
        if self.record {
            self.documents.push(SentDocument {
                chat_id,
                file_name: file_name.clone(),
                content: content.clone(),
                caption: caption.clone(),
            });
        }
        let mut msg = json!({
            "message_id": message_id,
            "from": bot_user(),
            "chat": self.chat_json(chat_id),
            "date": unix_now(),
            "document": {
                "file_id": format!("doc{message_id}"),
                "file_unique_id": format!("udoc{message_id}"),
                "file_name": file_name,
                "file_size": content.len(),
            },
        });
        if let Some(c) = caption {
            msg["caption"] = json!(c);
        }
        msg
    }

    /// Keeps a message the bot sent or edited (if recording) and shows it to the watcher.
    fn record_sent(&mut self, sent: SentMessage) {
        if let Some(watcher) = &self.watcher {
            let _ = watcher.send((Instant::now(), sent.clone()));
        }
        if self.record {
            self.sent.push(sent);
        }
    }

    /// editMessageText (`text == true`) or editMessageReplyMarkup. As in Telegram, an edit
    /// without `reply_markup` removes the inline keyboard; when recording, an edit of a
    /// message the server does not know (or that was deleted) fails with "message to edit
    /// not found", and one that changes nothing with "message is not modified".
    fn edit_message(&mut self, body: &Value, text: bool) -> Result<Value, (u16, String)> {
        let (Some(chat_id), Some(message_id)) =
            (chat_id_field(body), int_field(body, "message_id"))
        else {
            // Inline-mode edit (inline_message_id): Telegram answers `true`.
            return Ok(json!(true));
        };
        let message_id = message_id as i32;
        let (mut msg, mut parse_mode) = match self.messages.get(&(chat_id, message_id)) {
            Some(stored) => {
                let same_text = !text
                    || stored.json["text"].as_str()
                        == Some(&str_field(body, "text").unwrap_or_default());
                if same_text && stored.json.get("reply_markup").cloned() == inline_markup(body) {
                    return Err((400, NOT_MODIFIED.into()));
                }
                (stored.json.clone(), stored.parse_mode.clone())
            }
            None if self.record => {
                return Err((400, "Bad Request: message to edit not found".into()));
            }
            None => (
                json!({
                    "message_id": message_id,
                    "from": bot_user(),
                    "chat": self.chat_json(chat_id),
                    "date": unix_now(),
                    "text": "",
                }),
                None,
            ),
        };
        let obj = msg.as_object_mut().expect("message is an object");
        if text {
            obj.insert(
                "text".into(),
                json!(str_field(body, "text").unwrap_or_default()),
            );
            obj.remove("entities");
            parse_mode = str_field(body, "parse_mode");
        }
        obj.insert("edit_date".into(), json!(unix_now()));
        match inline_markup(body) {
            Some(markup) => obj.insert("reply_markup".into(), markup),
            None => obj.remove("reply_markup"),
        };
        if text {
            self.record_sent(sent_from_json(&msg, parse_mode.clone(), true));
        }
        if self.record {
            self.messages.insert(
                (chat_id, message_id),
                StoredMessage {
                    json: msg.clone(),
                    parse_mode,
                },
            );
        }
        Ok(msg)
    }
}

// ---- HTTP ------------------------------------------------------------------------------

async fn serve(
    listener: tokio::net::TcpListener,
    inner: Arc<Inner>,
    stopped: oneshot::Receiver<()>,
) {
    let app = Router::new().fallback(handle).with_state(inner);
    let _ = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            // Resolves (with an error) when the last FakeTelegram handle is dropped.
            let _ = stopped.await;
        })
        .await;
}

async fn handle(
    AxumState(inner): AxumState<Arc<Inner>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(method) = method_from_path(uri.path()) else {
        return envelope(
            StatusCode::NOT_FOUND,
            json!({"ok": false, "error_code": 404, "description": "Not Found"}),
        );
    };
    let body = parse_body(&headers, uri.query(), &body);

    let result = {
        let mut st = inner.lock();
        let failure = st.take_failure(&method);
        if st.record {
            st.calls.push(Call {
                method: method.clone(),
                body: body.clone(),
                at: Instant::now(),
                failed_with: failure.as_ref().map(|f| f.0),
                error: failure.as_ref().map(|f| f.1.clone()),
            });
        }
        if let Some((code, description, retry_after)) = failure {
            let mut err = json!({"ok": false, "error_code": code, "description": description});
            if let Some(secs) = retry_after {
                err["parameters"] = json!({"retry_after": secs});
            }
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST);
            return envelope(status, err);
        }
        if method.eq_ignore_ascii_case("getUpdates") {
            None
        } else {
            if let Some(retry_after) = st.over_limit(&method, &body) {
                st.too_many_requests += 1;
                if st.record {
                    if let Some(call) = st.calls.last_mut() {
                        call.failed_with = Some(429);
                    }
                }
                return envelope(
                    StatusCode::TOO_MANY_REQUESTS,
                    json!({
                        "ok": false,
                        "error_code": 429,
                        "description": format!("Too Many Requests: retry after {retry_after}"),
                        "parameters": {"retry_after": retry_after},
                    }),
                );
            }
            if let Err(description) = st.answer_query(&method, &body) {
                if st.record {
                    if let Some(call) = st.calls.last_mut() {
                        call.failed_with = Some(400);
                    }
                }
                return envelope(
                    StatusCode::BAD_REQUEST,
                    json!({"ok": false, "error_code": 400, "description": description}),
                );
            }
            match st.dispatch(&method, &body) {
                Ok(result) => {
                    if st.note_reply(&method, &body) {
                        inner.replied.notify_waiters();
                    }
                    Some(result)
                }
                Err((code, description)) => {
                    if st.record {
                        if let Some(call) = st.calls.last_mut() {
                            call.failed_with = Some(code);
                            call.error = Some(description.clone());
                        }
                    }
                    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST);
                    return envelope(
                        status,
                        json!({"ok": false, "error_code": code, "description": description}),
                    );
                }
            }
        }
    };
    let result = match result {
        Some(result) => result,
        None => get_updates(&inner, &body).await,
    };
    envelope(StatusCode::OK, json!({"ok": true, "result": result}))
}

async fn get_updates(inner: &Inner, body: &Value) -> Value {
    let offset = int_field(body, "offset").unwrap_or(0);
    let limit = int_field(body, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let timeout = Duration::from_secs(int_field(body, "timeout").unwrap_or(0).max(0) as u64);
    let deadline = tokio::time::Instant::now() + timeout.min(MAX_LONG_POLL);
    inner.lock().confirm(offset);
    loop {
        let notified = inner.queued.notified();
        tokio::pin!(notified);
        // Register before looking at the queue, so a push in between is not missed.
        notified.as_mut().enable();
        let batch = inner.lock().take_batch(limit);
        if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
            return Value::Array(batch);
        }
        tokio::select! {
            _ = notified => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}

fn envelope(status: StatusCode, value: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

/// `/bot{token}/{method}` → method, first letter lowercased.
fn method_from_path(path: &str) -> Option<String> {
    let mut segments = path.trim_matches('/').rsplit('/');
    let method = segments.next()?;
    let token = segments.next()?;
    if !token.starts_with("bot") || method.is_empty() {
        return None;
    }
    // teloxide sends `SendMessage`; Telegram is case-insensitive and documents `sendMessage`.
    let mut chars = method.chars();
    let first = chars.next()?.to_ascii_lowercase();
    Some(std::iter::once(first).chain(chars).collect())
}

fn parse_body(headers: &HeaderMap, query: Option<&str>, body: &[u8]) -> Value {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut value = if body.is_empty() {
        Value::Object(Map::new())
    } else if content_type.starts_with("application/json") {
        serde_json::from_slice(body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        parse_urlencoded(&String::from_utf8_lossy(body))
    } else if let Some(boundary) = content_type
        .strip_prefix("multipart/form-data")
        .and_then(|rest| rest.split("boundary=").nth(1))
    {
        // The boundary as sent (the header was lower-cased above).
        let sent = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split("boundary=").nth(1))
            .unwrap_or(boundary);
        parse_multipart(&String::from_utf8_lossy(body), sent.trim_matches('"'))
    } else {
        Value::String(String::from_utf8_lossy(body).into_owned())
    };
    if let (Some(query), Value::Object(obj)) = (query, &mut value) {
        if let Value::Object(params) = parse_urlencoded(query) {
            for (k, v) in params {
                obj.entry(k).or_insert(v);
            }
        }
    }
    value
}

/// A multipart/form-data body as an object of its parts' contents; a file part also
/// gives its file name as `<name>_file_name`.
fn parse_multipart(body: &str, boundary: &str) -> Value {
    let mut out = Map::new();
    let delimiter = format!("--{boundary}");
    for part in body.split(delimiter.as_str()) {
        let Some((head, content)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let content = content.strip_suffix("\r\n").unwrap_or(content);
        let attr = |key: &str| {
            let start = head.find(&format!("{key}=\""))? + key.len() + 2;
            let len = head[start..].find('"')?;
            Some(head[start..start + len].to_string())
        };
        let Some(name) = attr(" name").or_else(|| attr("name")) else {
            continue;
        };
        if let Some(file_name) = attr("filename") {
            out.insert(format!("{name}_file_name"), Value::String(file_name));
        }
        out.insert(name, Value::String(content.to_string()));
    }
    Value::Object(out)
}

fn parse_urlencoded(s: &str) -> Value {
    let mut obj = Map::new();
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        obj.insert(percent_decode(k), Value::String(percent_decode(v)));
    }
    Value::Object(obj)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---- JSON helpers ----------------------------------------------------------------------

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "MitID test bot", "username": BOT_USERNAME})
}

fn bot_me() -> Value {
    let mut me = bot_user();
    let obj = me.as_object_mut().expect("object");
    for (k, v) in [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_inline_queries", false),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
    ] {
        obj.insert(k.into(), json!(v));
    }
    me
}

fn user_json(user: User) -> Value {
    let mut v = json!({"id": user.id, "is_bot": false, "first_name": user.first_name});
    if let Some(lang) = user.language_code {
        v["language_code"] = json!(lang);
    }
    v
}

/// Sets `text` and, for bot commands, `entities` like Telegram: a `/command` (optionally
/// `@bot`) at the start or after whitespace, offsets in UTF-16 code units.
fn set_text(msg: &mut Value, text: &str) {
    msg["text"] = json!(text);
    let entities = command_entities(text);
    if !entities.is_empty() {
        msg["entities"] = Value::Array(entities);
    }
}

fn command_entities(text: &str) -> Vec<Value> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut entities = Vec::new();
    let mut utf16_pos = 0usize;
    let mut prev_space = true;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && prev_space {
            let mut j = i + 1;
            while j < chars.len() && is_word(chars[j]) && j - i <= 64 {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j] == '@' {
                let mut k = j + 1;
                while k < chars.len() && is_word(chars[k]) {
                    k += 1;
                }
                if k > j + 1 {
                    j = k;
                }
            }
            if j > i + 1 && (j == chars.len() || chars[j].is_whitespace()) {
                let len: usize = chars[i..j].iter().map(|c| c.len_utf16()).sum();
                entities.push(json!({"type": "bot_command", "offset": utf16_pos, "length": len}));
                utf16_pos += len;
                i = j;
                prev_space = false;
                continue;
            }
        }
        prev_space = c.is_whitespace();
        utf16_pos += c.len_utf16();
        i += 1;
    }
    entities
}

fn sent_from_json(msg: &Value, parse_mode: Option<String>, edited: bool) -> SentMessage {
    let buttons = msg["reply_markup"]["inline_keyboard"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    row.as_array()
                        .map(|row| {
                            row.iter()
                                .map(|b| Button {
                                    text: b["text"].as_str().unwrap_or_default().to_string(),
                                    callback_data: b["callback_data"].as_str().map(str::to_string),
                                    url: b["url"].as_str().map(str::to_string),
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    SentMessage {
        message_id: msg["message_id"].as_i64().unwrap_or_default() as i32,
        chat_id: msg["chat"]["id"].as_i64().unwrap_or_default(),
        text: msg["text"].as_str().unwrap_or_default().to_string(),
        parse_mode,
        buttons,
        edited,
    }
}

/// A field that may be JSON-encoded inside a string (urlencoded bodies).
fn json_field(body: &Value, key: &str) -> Option<Value> {
    match body.get(key)? {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        v => Some(v.clone()),
    }
}

/// `reply_markup` if it is an inline keyboard (the only kind a Message echoes).
fn inline_markup(body: &Value) -> Option<Value> {
    json_field(body, "reply_markup").filter(|m| m.get("inline_keyboard").is_some())
}

fn int_field(body: &Value, key: &str) -> Option<i64> {
    match body.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn chat_id_field(body: &Value) -> Option<i64> {
    int_field(body, "chat_id")
}

fn str_field(body: &Value, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_string)
}

fn bool_field(body: &Value, key: &str) -> bool {
    match body.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}
