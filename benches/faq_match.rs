//! Time to match one typed question, over the whole held-out set.
//!
//! `cargo bench --bench faq_match`; the figure is per question (throughput counts elements).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mitid_bot::faq::FaqMatcher;

fn held_out_questions() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/faq_eval/heldout.tsv");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with("lang\t") && !l.starts_with('#'))
        .filter_map(|l| l.splitn(3, '\t').nth(2).map(str::to_string))
        .collect()
}

fn bench(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dialogues/faq/match.toml");
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let matcher = FaqMatcher::from_toml(path, &data).unwrap_or_else(|e| panic!("{e}"));
    let questions = held_out_questions();

    let mut group = c.benchmark_group("faq_match");
    group.throughput(Throughput::Elements(questions.len() as u64));
    group.bench_function("held_out_set", |b| {
        b.iter(|| {
            for q in &questions {
                std::hint::black_box(matcher.match_text(std::hint::black_box(q)));
            }
        })
    });
    group.finish();
    c.bench_function("faq_load", |b| {
        b.iter(|| FaqMatcher::from_toml(path, std::hint::black_box(&data)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
