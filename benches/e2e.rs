//! End to end: the real dispatcher (`telegram::serve`) against the fake Bot API on
//! loopback, N simulated citizens walking the preparation flow by buttons at once, each
//! pressing the next button as soon as the previous reply arrived.
//!
//! `cargo bench --bench e2e` (`E2E_USERS=500` users, `E2E_ROUNDS=2` walks each). Prints,
//! per store: updates per second, reply latency (update offered → first reply call at the
//! fake server) p50/p99/max, peak RSS, and for sled the bytes on disk per conversation and
//! saves per fsync. Then sled again with the users at a human pace (each presses
//! `E2E_THINK_MS=1000` after a reply), for the latency of a bot that is not saturated.
//! Then the startup figures with 100,000 stored conversations (`E2E_STORED=100000`),
//! measured in a fresh child process.
//!
//! Telegram's rate limits are off (`App::limiter = None`): they would measure Telegram's
//! 1 message a second per chat, not the bot. Everything (bot, fake server, users) shares
//! this process and its cores.

#[path = "../tests/support/fake_telegram.rs"]
#[allow(dead_code)]
mod fake_telegram;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_telegram::{FakeTelegram, Options, SentMessage, User};
use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::Engine;
use mitid_bot::i18n::Globals;
use mitid_bot::storage::{Loaded, MemoryStore, Record, SledStore, Store};
use mitid_bot::telegram::{self, App};
use tokio::sync::mpsc;

/// The preparation flow by buttons, as tests/telegram.rs walks it: `/start`, then these
/// options, ending in the checklist. A walk is 13 updates (12 after `/restart`).
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

/// How long a user waits for a reply before the run counts it as lost.
const PATIENCE: Duration = Duration::from_secs(20);

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn engine() -> Engine {
    check::load(&ContentSource::embedded(), Globals::default()).expect("shipped content loads")
}

/// A field of /proc/self/status in kB (VmHWM, VmRSS).
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so each store's run has
/// its own peak. False if the kernel does not allow it.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Bytes the files under `dir` take: (apparent length, allocated on disk).
fn dir_size(dir: &Path) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let mut total = (0, 0);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                let (a, b) = dir_size(&entry.path());
                total.0 += a;
                total.1 += b;
            } else {
                total.0 += meta.len();
                total.1 += meta.blocks() * 512;
            }
        }
    }
    total
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

struct Figures {
    updates: usize,
    lost: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    peak_rss_kb: u64,
}

impl Figures {
    fn per_sec(&self) -> f64 {
        self.updates as f64 / self.elapsed.as_secs_f64()
    }
}

/// One simulated citizen: walks the flow `rounds` times, returns the latency of each update.
async fn citizen(
    fake: FakeTelegram,
    user: User,
    rounds: usize,
    pace: Pace,
    mut replies: mpsc::UnboundedReceiver<(Instant, SentMessage)>,
) -> (Vec<Duration>, Option<String>) {
    let mut latencies = Vec::with_capacity(rounds * (WALK.len() + 1));
    tokio::time::sleep(pace.start).await;
    let result = walk(
        &fake,
        user,
        rounds,
        pace.think,
        &mut replies,
        &mut latencies,
    )
    .await;
    (latencies, result.err())
}

async fn walk(
    fake: &FakeTelegram,
    user: User,
    rounds: usize,
    think: Duration,
    replies: &mut mpsc::UnboundedReceiver<(Instant, SentMessage)>,
    latencies: &mut Vec<Duration>,
) -> Result<(), String> {
    for round in 0..rounds {
        // `/start` (later `/restart`, which forgets the answers and opens the preparation
        // right away), then each option as soon as a reply offers it.
        let (text, options) = match round {
            0 => ("/start", WALK),
            _ => ("/restart", &WALK[1..]),
        };
        let mut offered = Instant::now();
        fake.send_text(user, text);
        let mut first: Option<Instant> = None;
        let mut last = Vec::new();
        for option in options.iter().map(Some).chain([None]) {
            let suffix = option.map(|o| format!(":{o}"));
            let next = loop {
                let (at, message) = tokio::time::timeout(PATIENCE, replies.recv())
                    .await
                    .map_err(|_| {
                        format!(
                            "user {}: no reply offering {option:?} (last: {last:?})",
                            user.id
                        )
                    })?
                    .ok_or("the watcher stopped")?;
                last = message.callback_data();
                if first.is_none() {
                    first = Some(at);
                    latencies.push(at.saturating_duration_since(offered));
                }
                match &suffix {
                    None => break None,
                    Some(suffix) => {
                        if let Some(data) = message
                            .callback_data()
                            .into_iter()
                            .find(|d| d.ends_with(suffix.as_str()))
                        {
                            break Some((message.message_id, data));
                        }
                    }
                }
            };
            let Some((message_id, data)) = next else {
                break;
            };
            first = None;
            if !think.is_zero() {
                tokio::time::sleep(think).await;
            }
            offered = Instant::now();
            fake.press_button(user, message_id, &data);
        }
        // Let the last step's remaining messages (if any) arrive before the next round.
        while let Ok(Some(_)) =
            tokio::time::timeout(Duration::from_millis(50), replies.recv()).await
        {}
    }
    Ok(())
}

/// How a citizen paces the walk.
#[derive(Clone, Copy)]
struct Pace {
    /// Before the first update (spreads the users' starts).
    start: Duration,
    /// Between a reply and the next press; zero: at once.
    think: Duration,
}

/// Runs the bot on `store` with `users` citizens walking the flow `rounds` times, each
/// pausing `think` before a press (the starts spread over one `think`).
async fn run(store: Arc<dyn Store>, users: usize, rounds: usize, think: Duration) -> Figures {
    let fake = FakeTelegram::start_with(Options {
        record: false,
        ..Options::default()
    })
    .await;
    let mut watched = fake.watch();
    let mut app = App::new(engine(), store, Config::default());
    app.limiter = None;
    let app = Arc::new(app);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stopped.await;
    }));

    // Route the bot's messages to the user they are for.
    let mut inboxes = HashMap::new();
    let mut citizens = Vec::new();
    for i in 0..users {
        let (tx, rx) = mpsc::unbounded_channel();
        let user = User {
            id: 10_000 + i as i64,
            language_code: Some(["da", "de", "en"][i % 3]),
            first_name: "Citizen",
        };
        inboxes.insert(user.id, tx);
        citizens.push((user, rx));
    }
    let router = tokio::spawn(async move {
        while let Some((at, message)) = watched.recv().await {
            if let Some(inbox) = inboxes.get(&message.chat_id) {
                let _ = inbox.send((at, message));
            }
        }
    });

    // Wait until the bot polls (getMe, commands, delete_webhook done).
    tokio::time::sleep(Duration::from_millis(300)).await;
    reset_peak_rss();
    let started = Instant::now();
    let tasks: Vec<_> = citizens
        .into_iter()
        .enumerate()
        .map(|(i, (user, rx))| {
            let pace = Pace {
                start: think.mul_f64(i as f64 / users as f64),
                think,
            };
            tokio::spawn(citizen(fake.clone(), user, rounds, pace, rx))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut lost = 0;
    for task in tasks {
        let (l, error) = task.await.expect("a citizen panicked");
        latencies.extend(l);
        if let Some(e) = error {
            if lost == 0 {
                eprintln!("  {e}");
            }
            lost += 1;
        }
    }
    let elapsed = started.elapsed();
    let peak_rss_kb = status_kb("VmHWM");
    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(10), bot).await;
    router.abort();
    latencies.sort();
    Figures {
        updates: latencies.len(),
        lost,
        elapsed,
        latencies,
        peak_rss_kb,
    }
}

fn print(name: &str, f: &Figures) {
    println!(
        "{name:>7}: {:>6} updates in {:>5.2} s = {:>6.0} updates/s; latency p50 {:>6.2} ms, p99 {:>7.2} ms, max {:>7.2} ms; peak RSS {:>4} MB{}",
        f.updates,
        f.elapsed.as_secs_f64(),
        f.per_sec(),
        ms(percentile(&f.latencies, 0.5)),
        ms(percentile(&f.latencies, 0.99)),
        ms(f.latencies.last().copied().unwrap_or_default()),
        f.peak_rss_kb / 1024,
        if f.lost > 0 {
            format!("; {} users LOST (no reply in {PATIENCE:?})", f.lost)
        } else {
            String::new()
        },
    );
}

/// Fills `dir` with `n` copies of `template` under distinct chat ids, through
/// `SledStore::save` from many threads (group commit); returns (seconds, flushes).
fn fill(dir: &Path, template: &Record, n: usize) -> (f64, u64) {
    let store = Arc::new(SledStore::open(dir).expect("open the store"));
    let started = Instant::now();
    let threads = 64;
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let store = store.clone();
            let template = template.clone();
            std::thread::spawn(move || {
                let mut record = template;
                for chat in (t..n).step_by(threads) {
                    record.last_active += 1;
                    store
                        .save(
                            &mitid_bot::conversation::Key::telegram(1_000_000 + chat as i64),
                            &record,
                        )
                        .expect("save a record");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a writer panicked");
    }
    (started.elapsed().as_secs_f64(), store.flushes())
}

/// In a fresh child process (E2E_STARTUP_DIR set): the bot's startup with the stored
/// conversations: build the engine, open the store, load one record, then sweep them
/// all as the hourly expiry does. Prints one line of `key=value`.
fn startup_child(dir: &Path) {
    let base = status_kb("VmRSS");
    let engine = engine();
    let with_engine = status_kb("VmRSS");
    let t = Instant::now();
    let store = SledStore::open(dir).expect("open the store");
    let open = t.elapsed();
    let t = Instant::now();
    let chat = std::env::var("E2E_STARTUP_CHAT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1_000_000);
    let found = matches!(
        store.load(&mitid_bot::conversation::Key::telegram(chat)),
        Ok(Loaded::Found(_))
    );
    let load = t.elapsed();
    let after_load = status_kb("VmRSS");
    let count = store.len().unwrap_or(0);
    let t = Instant::now();
    let expired = store
        .expire(chrono::Utc::now(), chrono::Duration::days(36_500))
        .unwrap_or(usize::MAX);
    let sweep = t.elapsed();
    let after_sweep = status_kb("VmRSS");
    let peak = status_kb("VmHWM");
    drop(engine);
    println!(
        "found={found} count={count} expired={expired} open_ms={:.1} load_us={:.1} sweep_ms={:.1} \
         rss_base_kb={base} rss_engine_kb={with_engine} rss_loaded_kb={after_load} \
         rss_swept_kb={after_sweep} hwm_kb={peak}",
        ms(open),
        load.as_secs_f64() * 1e6,
        ms(sweep),
    );
}

fn field<'a>(line: &'a str, key: &str) -> &'a str {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or("?")
}

fn kb_to_mb(kb: &str) -> String {
    kb.parse::<f64>()
        .map(|k| format!("{:.1}", k / 1024.0))
        .unwrap_or_else(|_| "?".into())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        // `cargo bench -- --list` and `cargo test --benches` ask what is here.
        println!("e2e: bench");
        return;
    }
    if let Ok(dir) = std::env::var("E2E_STARTUP_DIR") {
        startup_child(Path::new(&dir));
        return;
    }
    let users = env_num("E2E_USERS", 500);
    let rounds = env_num("E2E_ROUNDS", 2);
    let stored = env_num("E2E_STORED", 100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    println!(
        "e2e: {users} users × {rounds} walks of ~{} updates, {} cores, Telegram rate limits off",
        WALK.len() + 1,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
    if !reset_peak_rss() {
        println!("  (cannot reset VmHWM: the peak RSS figures are for the whole run so far)");
    }

    let think = Duration::from_millis(env_num("E2E_THINK_MS", 1000) as u64);
    let memory = runtime.block_on(run(
        Arc::new(MemoryStore::new()),
        users,
        rounds,
        Duration::ZERO,
    ));
    print("memory", &memory);

    let dir = tempfile::tempdir().expect("temporary directory");
    let sled = Arc::new(SledStore::open(dir.path()).expect("open the sled store"));
    let flushes_before = sled.flushes();
    let sled_figures = runtime.block_on(run(sled.clone(), users, rounds, Duration::ZERO));
    print("sled", &sled_figures);
    let flushes = sled.flushes() - flushes_before;
    let conversations = sled.len().unwrap_or(0).max(1);
    let template = match sled.load(&mitid_bot::conversation::Key::telegram(10_000)) {
        Ok(Loaded::Found(r)) => r,
        other => panic!("user 10000's record after the walk: {other:?}"),
    };
    drop(sled);
    let (apparent, allocated) = dir_size(dir.path());
    println!(
        "         sled: {} saves per fsync ({flushes} flushes for {} updates); on disk {:.0} B per conversation ({:.0} B allocated) for {conversations} conversations",
        format_args!("{:.1}", sled_figures.updates as f64 / flushes.max(1) as f64),
        sled_figures.updates,
        apparent as f64 / conversations as f64,
        allocated as f64 / conversations as f64,
    );
    println!(
        "  sled/memory throughput: {:.2}",
        sled_figures.per_sec() / memory.per_sec()
    );
    // The same users at a human pace: each waits `think` before pressing, so the load is
    // what 500 people produce and the latency is the bot's, not the queue's.
    let paced_dir = tempfile::tempdir().expect("temporary directory");
    let paced_store = Arc::new(SledStore::open(paced_dir.path()).expect("open the sled store"));
    let paced = runtime.block_on(run(paced_store, users, 1, think));
    println!(
        "  paced, each user pressing {} ms after a reply:",
        think.as_millis()
    );
    print("sled", &paced);

    // REDIS: `mitid_bot::storage::RedisStore` is being built on another branch. Once it is
    // in this tree, run it here beside the others when MITID_BOT_REDIS_URL is set:
    //     if let Ok(url) = std::env::var("MITID_BOT_REDIS_URL") {
    //         let redis = Arc::new(RedisStore::open(&url).expect("connect to Redis"));
    //         print("redis", &runtime.block_on(run(redis, users, rounds, Duration::ZERO)));
    //     }
    if std::env::var("MITID_BOT_REDIS_URL").is_ok() {
        println!("  redis: skipped (no RedisStore in this tree yet)");
    }
    drop(runtime);

    // Many stored conversations: the largest realistic record (a finished walk with a
    // full list of recent update ids), `stored` times.
    let mut record = template;
    for id in 0..40 {
        record.mark_seen(1_000_000_000 + id);
    }
    let big = tempfile::tempdir().expect("temporary directory");
    let (secs, flushes) = fill(big.path(), &record, stored);
    let (apparent, allocated) = dir_size(big.path());
    println!(
        "stored: {stored} conversations ({} B each encoded) written in {secs:.1} s by 64 threads, {flushes} flushes; on disk {:.0} B per conversation ({:.0} B allocated)",
        serde_json::to_vec(&record).map_or(0, |v| v.len() + 1),
        apparent as f64 / stored as f64,
        allocated as f64 / stored as f64,
    );
    let out = std::process::Command::new(std::env::current_exe().expect("this program"))
        .env("E2E_STARTUP_DIR", big.path())
        .env("E2E_STARTUP_CHAT", (1_000_000 + stored / 2).to_string())
        .output()
        .expect("run the startup child");
    let line = String::from_utf8_lossy(&out.stdout);
    let line = line.trim();
    if !out.status.success() || field(line, "found") != "true" {
        println!(
            "startup: the child failed: {line} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    println!(
        "startup: open {} ms, load one {} µs; RSS {} MB bare, {} MB with the engine, {} MB after open + load, {} MB after sweeping all {} (expiry), peak {} MB",
        field(line, "open_ms"),
        field(line, "load_us"),
        kb_to_mb(field(line, "rss_base_kb")),
        kb_to_mb(field(line, "rss_engine_kb")),
        kb_to_mb(field(line, "rss_loaded_kb")),
        kb_to_mb(field(line, "rss_swept_kb")),
        field(line, "count"),
        kb_to_mb(field(line, "hwm_kb")),
    );
    println!("         sweep {} ms", field(line, "sweep_ms"));
}
