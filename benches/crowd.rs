//! Issue 13's crowd, as a person would notice it: the real dispatcher (`telegram::serve`)
//! against the fake Bot API on loopback, which answers like Telegram (429 with
//! `retry_after` above Telegram's limits, "query is too old" for an answer to a press more
//! than 15 s old) and times every update from the `getUpdates` that handed it out to the
//! answer of the press and to the first reply to the chat (`fake_telegram::Load`).
//!
//! `cargo bench --bench crowd` runs, on the memory and the sled store, with the bot's
//! limiter on (`Limits::telegram()`, the fake enforcing Telegram's limits) and off (both
//! off, as `rate_limits = "off"` against a local fake):
//! - **walk**: `CROWD_USERS=200` people walking `CROWD_STEPS=12` steps of the preparation
//!   by buttons at once, each pressing the next button as soon as the screen offers it;
//! - **double**: the same, with every `CROWD_DOUBLE_EVERY=3`rd person pressing each button
//!   twice, the second time 0–100 ms after the first (not the ticks of the documents
//!   screen, where a second press unticks the document);
//! - **crawl**: `CROWD_CRAWL_CHATS=200` chats (`CROWD_CRAWL_CHATS_LIMITS_ON=24` with the
//!   limits on: at one message a second per chat it takes ~1 s an action), `CROWD_CRAWL_PARALLEL=8` at a time, each
//!   `CROWD_CRAWL_ACTIONS=50` random actions (the buttons on screen, stale and forged
//!   buttons, text, stickers, /start, /forget), each after the reply to the previous one
//!   (or `CROWD_CRAWL_PATIENCE_MS=5000` without one).
//!
//! `CROWD_STORES=memory,sled`, `CROWD_LIMITS=off,on` and `CROWD_PARTS=walk,double,crawl`
//! choose what runs. Per run it prints updates/s; p50/p95/p99/max of the answer to a press;
//! p50/p95/p99 of the first reply; p99/max of the time an update waited to be fetched
//! (the age a press has when the bot sees it; Telegram's 15 s count from the press);
//! presses unanswered, answered late (> 15 s), updates
//! without any reply, 429s from the fake (and the most any of them came too early); and how many people gave up (no screen to go on
//! within `PATIENCE`). Everything shares this process and its cores.

#[path = "../tests/support/fake_telegram.rs"]
#[allow(dead_code)]
mod fake_telegram;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_telegram::{FakeTelegram, Load, Options, SentMessage, User};
use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::Engine;
use mitid_bot::i18n::Globals;
use mitid_bot::storage::{MemoryStore, SledStore, Store};
use mitid_bot::telegram::{self, App, Limiter, Limits};
use tokio::sync::mpsc;

/// The preparation flow by buttons, as benches/e2e.rs and tests/telegram.rs walk it: after
/// `/start`, these options, ending in the checklist.
const WALK: &[&str] = &[
    "prepare",
    "yes",
    "no-phone",
    "dk",
    "under5",
    "none",
    "residence_cert",
    "foreign_passport",
    "done",
    "yes",
    "code",
    "chosen",
];

/// How long a walker waits for the screen with the next button before giving up.
const PATIENCE: Duration = Duration::from_secs(60);

/// Things people type in the crawl (none of them personal data).
const TEXTS: &[&str] = &[
    "hej",
    "hvad koster det?",
    "Wo ist das Bürgerservice?",
    "I lost my phone",
    "hvornår har I åbent",
    "?",
    "🙂",
    "kan min søn hjælpe mig",
];

type Inbox = mpsc::UnboundedReceiver<(Instant, SentMessage)>;

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn env_list(name: &str, default: &str) -> Vec<String> {
    std::env::var(name)
        .unwrap_or_else(|_| default.into())
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn engine() -> Engine {
    check::load(&ContentSource::embedded(), Globals::default()).expect("shipped content loads")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A small deterministic random source (xorshift), one per person.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The bot and the fake Bot API of one run, with the bot's messages routed to the person
/// they are for.
struct Setup {
    fake: FakeTelegram,
    stop: tokio::sync::oneshot::Sender<()>,
    bot: tokio::task::JoinHandle<anyhow::Result<()>>,
    router: tokio::task::JoinHandle<()>,
}

async fn setup(store: Arc<dyn Store>, limits: bool, chats: &[i64]) -> (Setup, HashMap<i64, Inbox>) {
    let fake = FakeTelegram::start_with(Options {
        record: false,
        limits,
        query_timeout: true,
        measure: true,
    })
    .await;
    let mut watched = fake.watch();
    let mut app = App::new(engine(), store, Config::default());
    app.limiter = limits.then(|| Limiter::new(Limits::telegram()));
    let app = Arc::new(app);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stopped.await;
    }));
    let mut senders = HashMap::new();
    let mut inboxes = HashMap::new();
    for &chat in chats {
        let (tx, rx) = mpsc::unbounded_channel();
        senders.insert(chat, tx);
        inboxes.insert(chat, rx);
    }
    let router = tokio::spawn(async move {
        while let Some((at, message)) = watched.recv().await {
            if let Some(inbox) = senders.get(&message.chat_id) {
                let _ = inbox.send((at, message));
            }
        }
    });
    // Let the bot start polling (getMe, commands, delete_webhook).
    tokio::time::sleep(Duration::from_millis(300)).await;
    (
        Setup {
            fake,
            stop,
            bot,
            router,
        },
        inboxes,
    )
}

impl Setup {
    /// Waits (at most `grace`) until every update got its reply, then stops the bot and
    /// returns what the fake measured.
    async fn finish(self, grace: Duration) -> (Load, bool) {
        let deadline = Instant::now() + grace;
        loop {
            let load = self.fake.load();
            if load.unreplied == 0 && load.not_fetched == 0 && load.unanswered == 0
                || Instant::now() >= deadline
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let load = self.fake.load();
        let running = !self.bot.is_finished();
        let _ = self.stop.send(());
        let _ = tokio::time::timeout(Duration::from_secs(10), self.bot).await;
        self.router.abort();
        (load, running)
    }
}

fn user(i: usize) -> User {
    User {
        id: 20_000 + i as i64,
        language_code: Some(["da", "de", "en"][i % 3]),
        first_name: "Citizen",
    }
}

/// Waits for a message offering `option`; returns its id and the button's data.
async fn wait_for_option(inbox: &mut Inbox, option: &str) -> Option<(i32, String)> {
    let suffix = format!(":{option}");
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let (_, message) = tokio::time::timeout_at(deadline, inbox.recv())
            .await
            .ok()??;
        if let Some(data) = message
            .callback_data()
            .into_iter()
            .find(|d| d.ends_with(&suffix))
        {
            return Some((message.message_id, data));
        }
    }
}

/// One person walking `steps` steps; false if they gave up.
async fn walker(
    fake: FakeTelegram,
    user: User,
    steps: usize,
    double: bool,
    mut inbox: Inbox,
) -> bool {
    let mut rng = Rng::new(user.id as u64);
    fake.send_text(user, "/start");
    for option in &WALK[..steps] {
        let Some((message_id, data)) = wait_for_option(&mut inbox, option).await else {
            return false;
        };
        fake.press_button(user, message_id, &data);
        // Not the ticks of the documents screen: a second press unticks, for a person too.
        if double && !data.starts_with("docs:") {
            tokio::time::sleep(Duration::from_millis(rng.below(100) as u64)).await;
            fake.press_button(user, message_id, &data);
        }
    }
    // The last press's screen.
    tokio::time::timeout(PATIENCE, inbox.recv())
        .await
        .is_ok_and(|m| m.is_some())
}

struct Figures {
    part: &'static str,
    store: &'static str,
    limits: bool,
    elapsed: Duration,
    load: Load,
    gave_up: usize,
    bot_running: bool,
}

async fn walk(
    store: Arc<dyn Store>,
    limits: bool,
    users: usize,
    steps: usize,
    double_every: usize,
) -> (Load, Duration, usize, bool) {
    let chats: Vec<i64> = (0..users).map(|i| user(i).id).collect();
    let (setup, mut inboxes) = setup(store, limits, &chats).await;
    let started = Instant::now();
    let tasks: Vec<_> = (0..users)
        .map(|i| {
            let u = user(i);
            let inbox = inboxes.remove(&u.id).expect("an inbox per person");
            let double = double_every > 0 && i % double_every == 0;
            tokio::spawn(walker(setup.fake.clone(), u, steps, double, inbox))
        })
        .collect();
    let mut gave_up = 0;
    for t in tasks {
        if !t.await.expect("a walker panicked") {
            gave_up += 1;
        }
    }
    let elapsed = started.elapsed();
    let (load, running) = setup.finish(Duration::from_secs(20)).await;
    (load, elapsed, gave_up, running)
}

/// One chat of the crawl: `actions` random actions, each after the reply to the previous
/// (or `patience`).
async fn crawler(
    fake: FakeTelegram,
    user: User,
    actions: usize,
    patience: Duration,
    mut inbox: Inbox,
) {
    let mut rng = Rng::new(user.id as u64 ^ 0xC4A7);
    // The buttons of the newest screen, and every button ever seen (stale ones).
    let mut screen: Option<(i32, Vec<String>)> = None;
    let mut seen: Vec<(i32, String)> = Vec::new();
    let mut update = fake.send_text(user, "/start");
    for _ in 0..actions {
        fake.wait_replied(update, patience).await;
        // A moment for the rest of a reply in several parts.
        tokio::time::sleep(Duration::from_millis(5)).await;
        while let Ok((_, message)) = inbox.try_recv() {
            let data = message.callback_data();
            if !data.is_empty() {
                seen.extend(data.iter().map(|d| (message.message_id, d.clone())));
                screen = Some((message.message_id, data));
            }
        }
        update = match rng.below(20) {
            0..=8 => match &screen {
                Some((id, data)) => {
                    let choice = data[rng.below(data.len())].clone();
                    fake.press_button(user, *id, &choice)
                }
                None => fake.send_text(user, "/start"),
            },
            9..=10 if !seen.is_empty() => {
                let (id, data) = seen[rng.below(seen.len())].clone();
                fake.press_button(user, id, &data)
            }
            11 => {
                let forged = ["nonsense", "cpr:delete", "@nav:../../etc", "x:y:z"];
                let id = screen.as_ref().map_or(1, |s| s.0);
                fake.press_button(user, id, forged[rng.below(forged.len())])
            }
            12..=14 => fake.send_text(user, TEXTS[rng.below(TEXTS.len())]),
            15 => fake.send_sticker(user),
            16 | 17 => fake.send_text(user, "/start"),
            18 => fake.send_text(user, "/forget"),
            _ => fake.send_text(user, "/menu"),
        };
    }
    fake.wait_replied(update, patience).await;
}

async fn crawl(
    store: Arc<dyn Store>,
    limits: bool,
    chats: usize,
    actions: usize,
    parallel: usize,
    patience: Duration,
) -> (Load, Duration, bool) {
    let ids: Vec<i64> = (0..chats).map(|i| user(i).id).collect();
    let (setup, inboxes) = setup(store, limits, &ids).await;
    let inboxes = Arc::new(std::sync::Mutex::new(inboxes));
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..parallel)
        .map(|_| {
            let fake = setup.fake.clone();
            let next = next.clone();
            let inboxes = inboxes.clone();
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= chats {
                        break;
                    }
                    let u = user(i);
                    let inbox = inboxes
                        .lock()
                        .expect("inboxes")
                        .remove(&u.id)
                        .expect("an inbox per chat");
                    crawler(fake.clone(), u, actions, patience, inbox).await;
                }
            })
        })
        .collect();
    for w in workers {
        w.await.expect("a crawler panicked");
    }
    let elapsed = started.elapsed();
    let (load, running) = setup.finish(Duration::from_secs(20)).await;
    (load, elapsed, running)
}

fn print(f: &Figures) {
    let l = &f.load;
    println!(
        "{:<6} {:<6} limits {:<3}: {:>6} updates in {:>6.1} s = {:>5.0}/s | answer p50 {:>7.1} p95 {:>7.1} p99 {:>7.1} max {:>7.1} ms | first reply p50 {:>7.1} p95 {:>7.1} p99 {:>7.1} ms | fetch wait p99 {:>7.1} max {:>7.1} ms | presses {} unanswered {} late {} | unreplied {} | 429s {} (most early {:.1} ms) | too old {}{}{}",
        f.part,
        f.store,
        if f.limits { "on" } else { "off" },
        l.updates,
        f.elapsed.as_secs_f64(),
        l.updates as f64 / f.elapsed.as_secs_f64(),
        ms(percentile(&l.answers, 0.5)),
        ms(percentile(&l.answers, 0.95)),
        ms(percentile(&l.answers, 0.99)),
        ms(l.answers.last().copied().unwrap_or_default()),
        ms(percentile(&l.first_replies, 0.5)),
        ms(percentile(&l.first_replies, 0.95)),
        ms(percentile(&l.first_replies, 0.99)),
        ms(percentile(&l.fetch_waits, 0.99)),
        ms(l.fetch_waits.last().copied().unwrap_or_default()),
        l.presses,
        l.unanswered,
        l.late,
        l.unreplied,
        l.too_many_requests,
        ms(l.refused_early.last().copied().unwrap_or_default()),
        l.too_old,
        if f.gave_up > 0 {
            format!(" | {} people GAVE UP", f.gave_up)
        } else {
            String::new()
        },
        if f.bot_running { "" } else { " | THE BOT STOPPED" },
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("crowd: bench");
        return;
    }
    let users = env_num("CROWD_USERS", 200);
    let steps = env_num("CROWD_STEPS", WALK.len()).min(WALK.len());
    let double_every = env_num("CROWD_DOUBLE_EVERY", 3);
    let chats = env_num("CROWD_CRAWL_CHATS", 200);
    let chats_on = env_num("CROWD_CRAWL_CHATS_LIMITS_ON", 24);
    let actions = env_num("CROWD_CRAWL_ACTIONS", 50);
    let parallel = env_num("CROWD_CRAWL_PARALLEL", 8).max(1);
    let patience = Duration::from_millis(env_num("CROWD_CRAWL_PATIENCE_MS", 5000) as u64);
    let stores = env_list("CROWD_STORES", "memory,sled");
    let limits = env_list("CROWD_LIMITS", "off,on");
    let parts = env_list("CROWD_PARTS", "walk,double,crawl");
    println!(
        "crowd: walk {users} people × {steps} steps (double: every {double_every}th presses twice); \
         crawl {chats} chats ({chats_on} with limits on) × {actions} actions, {parallel} at a time; {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut all = Vec::new();
    for limit in &limits {
        let on = match limit.as_str() {
            "on" => true,
            "off" => false,
            other => panic!("CROWD_LIMITS: {other}? (on, off)"),
        };
        for store_name in &stores {
            for part in &parts {
                let dir = tempfile::tempdir().expect("temporary directory");
                let (store, name): (Arc<dyn Store>, &'static str) = match store_name.as_str() {
                    "memory" => (Arc::new(MemoryStore::new()), "memory"),
                    "sled" => (
                        Arc::new(SledStore::open(dir.path()).expect("open the sled store")),
                        "sled",
                    ),
                    other => panic!("CROWD_STORES: {other}? (memory, sled)"),
                };
                let figures = match part.as_str() {
                    "walk" | "double" => {
                        let every = if part == "walk" { 0 } else { double_every };
                        let (load, elapsed, gave_up, bot_running) =
                            runtime.block_on(walk(store, on, users, steps, every));
                        Figures {
                            part: if every == 0 { "walk" } else { "double" },
                            store: name,
                            limits: on,
                            elapsed,
                            load,
                            gave_up,
                            bot_running,
                        }
                    }
                    "crawl" => {
                        let (load, elapsed, bot_running) = runtime.block_on(crawl(
                            store,
                            on,
                            if on { chats_on } else { chats },
                            actions,
                            parallel,
                            patience,
                        ));
                        Figures {
                            part: "crawl",
                            store: name,
                            limits: on,
                            elapsed,
                            load,
                            gave_up: 0,
                            bot_running,
                        }
                    }
                    other => panic!("CROWD_PARTS: {other}? (walk, double, crawl)"),
                };
                print(&figures);
                all.push(figures);
            }
        }
    }
    drop(runtime);
    println!("targets:");
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    let sum = |f: &dyn Fn(&Figures) -> usize| all.iter().map(f).sum::<usize>();
    println!(
        "  every press answered: {} ({} unanswered)",
        verdict(sum(&|f| f.load.unanswered) == 0),
        sum(&|f| f.load.unanswered)
    );
    println!(
        "  none late (> 15 s): {} ({} late)",
        verdict(sum(&|f| f.load.late) == 0),
        sum(&|f| f.load.late)
    );
    println!(
        "  every update replied: {} ({} without a reply)",
        verdict(sum(&|f| f.load.unreplied) == 0),
        sum(&|f| f.load.unreplied)
    );
    let with_limits: Vec<_> = all.iter().filter(|f| f.limits).collect();
    if !with_limits.is_empty() {
        let n: usize = with_limits.iter().map(|f| f.load.too_many_requests).sum();
        println!("  0 × 429 with limits on: {} ({n})", verdict(n == 0));
    }
    for f in all.iter().filter(|f| !f.limits && f.part == "walk") {
        let p99 = percentile(&f.load.first_replies, 0.99);
        println!(
            "  p99 first reply < 50 ms, {users} people, limits off, {}: {} ({:.1} ms)",
            f.store,
            verdict(p99 < Duration::from_millis(50)),
            ms(p99)
        );
    }
}
