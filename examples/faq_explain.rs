//! Tuning aid: `cargo run -q --example faq_explain -- "question"` prints the ranking and
//! which data words each word of the question found.
fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dialogues/faq/match.toml");
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let m = mitid_bot::faq::FaqMatcher::from_toml(path, &data).unwrap_or_else(|e| panic!("{e}"));
    for q in std::env::args().skip(1) {
        println!(
            "{q}\n  -> {:?}\n  {:?}\n  {:?}",
            m.match_text(&q),
            m.ranking(&q),
            m.explain(&q)
        );
    }
}
