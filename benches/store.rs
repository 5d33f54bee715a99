//! The conversation store: one read and one durable write, in memory and in sled (alone,
//! and 32 writers at once sharing flushes), with `durability = "os"` and `"power"`; and
//! startup with many stored conversations: `SledStore::open` of a directory holding
//! 100,000 records (`STORE_BENCH_STORED`), open + loading one, the count that `/healthz`
//! reads, and in a fresh child process the RSS after the hourly expiry sweep (once
//! expiring none of them, once all).
//!
//! `cargo bench --bench store`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, Throughput};
use mitid_bot::dialogue::{Fact, State};
use mitid_bot::i18n::Lang;
use mitid_bot::storage::{
    Durability, Key, Loaded, MemoryStore, Record, SledStore, Store, StoreError,
};

/// A record as one mid-flow conversation leaves it: a dozen answers, a history, a full
/// list of recent update ids.
fn record() -> Record {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
        .single()
        .expect("a valid time");
    let mut state = State::new(Lang::De);
    state.node = "device".into();
    for (k, v) in [
        ("cpr", "yes"),
        ("age13", "yes"),
        ("purpose", "first"),
        ("residence", "dk"),
        ("years", "under5"),
        ("moved", "several"),
        ("children", "yes"),
        ("danish_doc", "none"),
        ("witness_known", "yes"),
        ("device", "code"),
    ] {
        state.facts.insert(k.into(), Fact::One(v.into()));
    }
    for n in [
        "start",
        "prepare",
        "cpr",
        "age",
        "purpose",
        "residence",
        "documents",
    ] {
        state.history.push(n.into());
    }
    let mut record = Record::new(state, now);
    for id in 0..40 {
        record.mark_seen(100_000 + id);
    }
    record
}

fn open_retrying(dir: &Path) -> SledStore {
    // A store dropped a moment ago may still hold the directory's lock.
    loop {
        match SledStore::open(dir) {
            Ok(s) => return s,
            Err(StoreError::Locked { .. }) => std::thread::sleep(Duration::from_millis(1)),
            Err(e) => panic!("{e}"),
        }
    }
}

/// `n` records under chat ids 1..=n, written by 64 threads (their flushes shared).
fn fill(dir: &Path, n: i64) {
    let store = Arc::new(open_retrying(dir));
    let template = record();
    let workers: Vec<_> = (0..64)
        .map(|t| {
            let store = store.clone();
            let record = template.clone();
            std::thread::spawn(move || {
                for chat in (1 + t..=n).step_by(64) {
                    store.save(&Key::telegram(chat), &record).expect("save");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a writer panicked");
    }
}

fn read_write(c: &mut Criterion) {
    let record = record();
    let memory = MemoryStore::new();
    memory.save(&Key::telegram(7), &record).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sled = Arc::new(SledStore::open(dir.path()).unwrap());
    sled.save(&Key::telegram(7), &record).unwrap();
    let power_dir = tempfile::tempdir().unwrap();
    let power = Arc::new(SledStore::open_with(power_dir.path(), Durability::Power).unwrap());
    power.save(&Key::telegram(7), &record).unwrap();

    let mut group = c.benchmark_group("store");
    let stores: [(&str, &dyn Store); 3] = [
        ("memory", &memory),
        ("sled", &*sled),
        ("sled_power", &*power),
    ];
    for (name, store) in stores {
        group.bench_function(format!("{name}_load"), |b| {
            b.iter(|| std::hint::black_box(store.load(&Key::telegram(7)).unwrap()))
        });
        group.bench_function(format!("{name}_load_save"), |b| {
            b.iter(|| {
                let Loaded::Found(r) = store.load(&Key::telegram(7)).unwrap() else {
                    panic!("missing")
                };
                store.save(&Key::telegram(7), &r).unwrap();
            })
        });
    }
    // 32 writers at once, as the bot's blocking threads under load: per save.
    const WRITERS: u64 = 32;
    group.throughput(Throughput::Elements(WRITERS));
    for (name, sled) in [("sled", sled.clone()), ("sled_power", power.clone())] {
        group.bench_function(format!("{name}_save_32_writers"), |b| {
            b.iter_custom(|iters| {
                let started = Instant::now();
                let workers: Vec<_> = (0..WRITERS as i64)
                    .map(|w| {
                        let sled = sled.clone();
                        let record = record.clone();
                        std::thread::spawn(move || {
                            for _ in 0..iters {
                                sled.save(&Key::telegram(100 + w), &record).unwrap();
                            }
                        })
                    })
                    .collect();
                for w in workers {
                    w.join().unwrap();
                }
                started.elapsed()
            })
        });
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let n: i64 = std::env::var("STORE_BENCH_STORED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    fill(dir.path(), n);
    println!(
        "store: {n} records written in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let mut group = c.benchmark_group(format!("startup_{n}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("sled_open", |b| {
        b.iter(|| drop(std::hint::black_box(open_retrying(dir.path()))))
    });
    group.bench_function("sled_open_load_one", |b| {
        b.iter(|| {
            let store = open_retrying(dir.path());
            assert!(matches!(
                store.load(&Key::telegram(n / 2)),
                Ok(Loaded::Found(_))
            ));
        })
    });
    {
        let store = open_retrying(dir.path());
        group.bench_function("sled_count_for_healthz", |b| {
            b.iter(|| assert_eq!(std::hint::black_box(store.len().unwrap()), n as usize))
        });
    }
    group.finish();

    // The sweep, each in a fresh process so that its RSS is the sweep's own.
    let day = 86_400;
    for (what, now) in [
        ("expiring none", RECORDED_AT + day),
        ("expiring all", RECORDED_AT + 40 * day),
    ] {
        let out = std::process::Command::new(std::env::current_exe().expect("own path"))
            .env("STORE_SWEEP_DIR", dir.path())
            .env("STORE_SWEEP_NOW", now.to_string())
            .output()
            .expect("the sweep child runs");
        println!(
            "store: sweep over {n} stored, {what}: {}",
            String::from_utf8_lossy(&out.stdout).trim()
        );
    }
}

/// `last_active` of every record the benchmark writes (2026-11-26 09:00 UTC).
const RECORDED_AT: i64 = 1_795_683_600;

/// A field of /proc/self/status in kB (VmRSS, VmHWM).
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// In the child: open, count, sweep with 30 days' retention at STORE_SWEEP_NOW.
fn sweep_child(dir: &Path, now: i64) {
    let base = status_kb("VmRSS");
    let store = open_retrying(dir);
    let opened = status_kb("VmRSS");
    let count = store.len().unwrap_or(0);
    let now = Utc.timestamp_opt(now, 0).single().expect("a valid time");
    let t = Instant::now();
    let expired = store
        .expire(now, chrono::Duration::days(30))
        .expect("sweep");
    let took = t.elapsed();
    println!(
        "count {count}, expired {expired} in {:.0} ms; RSS {:.1} MB at start, {:.1} MB open, \
         {:.1} MB after the sweep, peak {:.1} MB",
        took.as_secs_f64() * 1e3,
        base as f64 / 1024.0,
        opened as f64 / 1024.0,
        status_kb("VmRSS") as f64 / 1024.0,
        status_kb("VmHWM") as f64 / 1024.0,
    );
}

fn main() {
    if let (Ok(dir), Ok(now)) = (
        std::env::var("STORE_SWEEP_DIR"),
        std::env::var("STORE_SWEEP_NOW"),
    ) {
        sweep_child(
            Path::new(&dir),
            now.parse().expect("STORE_SWEEP_NOW: unix seconds"),
        );
        return;
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    read_write(&mut c);
    startup(&mut c);
    c.final_summary();
}
