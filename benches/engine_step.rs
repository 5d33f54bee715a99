//! One engine step: a button press mid-flow, typed free text (a question the FAQ matcher
//! answers, and text nothing recognises), and rendering a reply.
//!
//! `cargo bench --bench engine_step`. Before criterion's means, it prints p50/p99/max of
//! single steps timed one by one (the target is on p99).

use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::Criterion;
use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::{ButtonAction, Engine, Input, Reply};
use mitid_bot::dialogue::State;
use mitid_bot::i18n::{Globals, Lang};

fn engine() -> Engine {
    check::load(&ContentSource::embedded(), Globals::default()).expect("shipped content loads")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
        .single()
        .expect("a valid time")
}

fn button(replies: &[Reply], option: &str) -> String {
    replies
        .iter()
        .flat_map(|r| &r.buttons)
        .find_map(|b| match &b.action {
            ButtonAction::Callback(d) if d.rsplit(':').next() == Some(option) => Some(d.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no button {option}"))
}

/// The state on the documents question (mid-flow), with its replies.
fn mid_flow(engine: &Engine) -> (State, Vec<Reply>) {
    let mut step = engine.step(
        &engine.new_state(Lang::De),
        Input::Start { payload: None },
        now(),
    );
    for option in ["prepare", "yes", "no-doc", "dk", "under5"] {
        let data = button(&step.replies, option);
        step = engine.step(&step.state, Input::Button(data), now());
    }
    (step.state, step.replies)
}

struct Case {
    name: &'static str,
    input: Input,
}

fn cases(replies: &[Reply]) -> Vec<Case> {
    vec![
        Case {
            name: "button_mid_flow",
            input: Input::Button(button(replies, "none")),
        },
        Case {
            name: "text_faq_question",
            input: Input::Text(
                "Brauche ich einen Zeugen, wenn ich meinen Pass vergessen habe?".into(),
            ),
        },
        Case {
            name: "text_not_understood",
            input: Input::Text("qwerty uiop asdf ghjk zxcv".into()),
        },
    ]
}

fn percentiles(engine: &Engine, state: &State, cases: &[Case]) {
    const RUNS: usize = 20_000;
    println!("engine step, {RUNS} single steps timed one by one:");
    for case in cases {
        let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let input = case.input.clone();
            let t = Instant::now();
            std::hint::black_box(engine.step(state, input, now()));
            times.push(t.elapsed());
        }
        times.sort();
        let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize].as_secs_f64() * 1e6;
        println!(
            "  {:<20} p50 {:>7.1} µs  p99 {:>7.1} µs  max {:>8.1} µs",
            case.name,
            at(0.5),
            at(0.99),
            times[times.len() - 1].as_secs_f64() * 1e6
        );
    }
}

fn main() {
    let engine = engine();
    let (state, replies) = mid_flow(&engine);
    let cases = cases(&replies);
    if !std::env::args().any(|a| a == "--list") {
        percentiles(&engine, &state, &cases);
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut group = c.benchmark_group("engine_step");
    for case in &cases {
        group.bench_function(case.name, |b| {
            b.iter(|| engine.step(&state, std::hint::black_box(case.input.clone()), now()))
        });
    }
    group.finish();
    let step = engine.step(&state, cases[0].input.clone(), now());
    c.bench_function("engine_render_reply", |b| {
        b.iter(|| {
            for r in &step.replies {
                std::hint::black_box(engine.render(Lang::De, "telegram", r));
            }
        })
    });
    c.final_summary();
}
