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
    // A long message: greeting, story, the question, a sign-off (about 600 characters).
    let long = "Good morning! I hope you are well. My name is Maria and I moved to Aabenraa \
        from Spain about two years ago with my husband, who works at the hospital. We rent a \
        flat near the harbour and my daughter started school here last autumn. Last month my \
        bank told me that I should get MitID, and my colleague said it is easy if you bring \
        your passport and the yellow card, which I have. I booked a time at Borgerservice for \
        next Tuesday. But my neighbour told me she had to go home the first time. Do I need \
        a witness? Thank you very much for your help. Best regards, Maria";
    group.throughput(Throughput::Elements(1));
    group.bench_function("long_message", |b| {
        b.iter(|| std::hint::black_box(matcher.match_text(std::hint::black_box(long))))
    });
    group.finish();
    c.bench_function("faq_load", |b| {
        b.iter(|| FaqMatcher::from_toml(path, std::hint::black_box(&data)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
