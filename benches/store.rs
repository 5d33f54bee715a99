//! The conversation store: one read and one durable write, in memory and in sled (alone,
//! and 32 writers at once sharing flushes); and startup with many stored conversations:
//! `SledStore::open` of a directory holding 100,000 records (`STORE_BENCH_STORED`), and
//! open + loading one.
//!
//! `cargo bench --bench store`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, Throughput};
use mitid_bot::dialogue::{Fact, State};
use mitid_bot::i18n::Lang;
use mitid_bot::storage::{Loaded, MemoryStore, Record, SledStore, Store, StoreError};

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
                    store.save(chat, &record).expect("save");
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
    memory.save(7, &record).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sled = Arc::new(SledStore::open(dir.path()).unwrap());
    sled.save(7, &record).unwrap();

    let mut group = c.benchmark_group("store");
    let stores: [(&str, &dyn Store); 2] = [("memory", &memory), ("sled", &*sled)];
    for (name, store) in stores {
        group.bench_function(format!("{name}_load"), |b| {
            b.iter(|| std::hint::black_box(store.load(7).unwrap()))
        });
        group.bench_function(format!("{name}_load_save"), |b| {
            b.iter(|| {
                let Loaded::Found(r) = store.load(7).unwrap() else {
                    panic!("missing")
                };
                store.save(7, &r).unwrap();
            })
        });
    }
    // 32 writers at once, as the bot's blocking threads under load: per save.
    const WRITERS: u64 = 32;
    group.throughput(Throughput::Elements(WRITERS));
    group.bench_function("sled_save_32_writers", |b| {
        b.iter_custom(|iters| {
            let started = Instant::now();
            let workers: Vec<_> = (0..WRITERS as i64)
                .map(|w| {
                    let sled = sled.clone();
                    let record = record.clone();
                    std::thread::spawn(move || {
                        for _ in 0..iters {
                            sled.save(100 + w, &record).unwrap();
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
            assert!(matches!(store.load(n / 2), Ok(Loaded::Found(_))));
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    read_write(&mut c);
    startup(&mut c);
    c.final_summary();
}
