//! How well the FAQ matcher understands questions as citizens type them, and whether every
//! topic it can recognise has its texts in all three languages.
//!
//! `cargo test --test faq_eval -- --nocapture` prints the figures per language for each set.
//!
//! The sets, oldest first:
//! - `tuning.tsv`, `heldout.tsv`: written by the same hands as the first phrases (so they
//!   flatter the matcher); `independent.tsv`: written blind later, used once for tuning.
//! - `blind-a.tsv`: written blind (a helper who saw only the rules and the topic list),
//!   committed before any tuning on it (1b2a866), then tuned on (40f800c on): not blind.
//! - `blind-b.tsv`: written blind by another helper, committed before any tuning on it
//!   (51be814). Measured blind once, at the end of the tuning on A: top-1 da 80.4 %, de
//!   76.8 %, en 85.7 %; confidently wrong 8, 5, 5 of 75; out-of-scope held back 79 %, 95 %,
//!   79 %. Tuned on since (branch faq2, December 2026): no longer blind.
//! - `blind-c.tsv`: written blind by a third helper, committed by the coordinator (7dca192)
//!   before any tuning on it. Measured blind once, after the last tuning commit of round 2
//!   (a4fdd62): top-1 da 89.3 %, de 92.9 %, en 91.1 %; confidently wrong 4, 5, 2 of 75;
//!   out-of-scope held back 94.7 %, 89.5 %, 94.7 %. Tuned on since (branch faq3): no longer
//!   blind.
//! - `blind-d.tsv`: written blind by a fourth helper who saw only the rules and the topic
//!   list, committed by the coordinator (3a2bab6) before any tuning on it. Measured blind
//!   once, after the last tuning commit of round 3 (7ad2602): top-1 da 89.3 %, de 91.1 %,
//!   en 87.5 %; confidently wrong 6, 4, 4 of 75; out-of-scope held back 78.9 %, 94.7 %,
//!   94.7 %. Tuned on since (branch faq5, December 2026): no longer blind. After that
//!   tuning: top-1 da 98.2 %, de 98.2 %, en 98.2 %; confidently wrong 1, 0, 1 of 75;
//!   out-of-scope held back 94.7 %, 100 %, 94.7 % (flattering now, as for A, B and C).
//! - `blind-e.tsv`: written blind by a fifth helper who saw only the rules, the
//!   municipality's page and the topic list, committed (6d77b96) before any tuning on it;
//!   never opened during the tuning of round 5. Only its figures are printed. Measured
//!   once, after the last tuning commit 8ae0b95 (see [`blind_set_e_final`]): top-1 da
//!   93.1 %, de 89.3 %, en 91.4 %; confidently wrong 2, 3, 6 of 75; out-of-scope held back
//!   94.1 %, 94.7 %, 88.2 %. From now on E is no longer blind (its figures have been
//!   seen): the next round needs a new blind set.
//!
//! The blind sets label questions with the topic ids of `TOPICS.md`, which are the ids of
//! `dialogues/faq/match.toml` (no mapping needed); `none` means out of scope.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use mitid_bot::faq::{FaqMatch, FaqMatcher};

const LANGUAGES: [&str; 3] = ["da", "en", "de"];
/// Telegram shows about this much of a button label on a phone.
const MAX_LABEL_CHARS: usize = 40;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn matcher() -> FaqMatcher {
    FaqMatcher::from_toml(
        "dialogues/faq/match.toml",
        &read("dialogues/faq/match.toml"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

struct Question {
    line: usize,
    lang: String,
    expected: String,
    text: String,
}

fn questions(relative: &str) -> Vec<Question> {
    read(relative)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("lang\t"))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.splitn(3, '\t').collect();
            assert_eq!(
                cols.len(),
                3,
                "{relative}:{}: want lang<TAB>expected<TAB>question",
                i + 1
            );
            Question {
                line: i + 1,
                lang: cols[0].to_string(),
                expected: cols[1].to_string(),
                text: cols[2].to_string(),
            }
        })
        .collect()
}

/// Counts per language, for in-scope and out-of-scope questions.
#[derive(Default)]
struct Tally {
    in_scope: usize,
    /// The matcher's first guess (the Sure topic, or the first one offered) is right.
    top1: usize,
    /// Answered directly and rightly.
    sure_right: usize,
    /// Answered directly with the wrong topic: the worst outcome.
    sure_wrong: usize,
    out_of_scope: usize,
    /// Out-of-scope questions that got no confident answer.
    not_sure: usize,
    /// In-scope questions whose topic was answered or among the buttons offered.
    offered: usize,
}

impl Tally {
    fn questions(&self) -> usize {
        self.in_scope + self.out_of_scope
    }

    /// Confident answers that were wrong: a wrong topic, or any answer to an out-of-scope
    /// question.
    fn confidently_wrong(&self) -> usize {
        self.sure_wrong + (self.out_of_scope - self.not_sure)
    }
}

/// The older sets (`tuning`, `heldout`, `independent`) were written before opening hours,
/// photos/apps of documents and getting MitID at home had topics of their own. For them,
/// an answer with the newer topic counts as right: `none` also accepts `opening-hours`,
/// `documents` also accepts `digital-documents`. The blind sets use today's topics.
const OLDER_SETS_ALSO: &[(&str, &str)] = &[
    ("none", "opening-hours"),
    ("documents", "digital-documents"),
];

fn evaluate(relative: &str, show_misses: bool) -> BTreeMap<String, Tally> {
    evaluate_with(relative, show_misses, &[])
}

fn evaluate_with(
    relative: &str,
    show_misses: bool,
    also: &[(&str, &str)],
) -> BTreeMap<String, Tally> {
    let matcher = matcher();
    let topics: BTreeSet<&str> = matcher.topics().collect();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for q in questions(relative) {
        assert!(
            LANGUAGES.contains(&q.lang.as_str()),
            "{relative}:{}: unknown language {:?}",
            q.line,
            q.lang
        );
        assert!(
            q.expected == "none" || topics.contains(q.expected.as_str()),
            "{relative}:{}: unknown topic {:?}",
            q.line,
            q.expected
        );
        let mut got = matcher.match_text(&q.text);
        // An answer an older set could not name: read as the answer it expected.
        let renamed = |id: &String| {
            also.iter()
                .any(|&(old, new)| old == q.expected && new == id)
        };
        got = match got {
            FaqMatch::Sure(id) if renamed(&id) && q.expected == "none" => FaqMatch::NoMatch,
            FaqMatch::Sure(id) if renamed(&id) => FaqMatch::Sure(q.expected.clone()),
            FaqMatch::Unsure(ids) => FaqMatch::Unsure(
                ids.into_iter()
                    .map(|id| if renamed(&id) { q.expected.clone() } else { id })
                    .collect(),
            ),
            other => other,
        };
        let tally = tallies.entry(q.lang.clone()).or_default();
        let ok = if q.expected == "none" {
            tally.out_of_scope += 1;
            let ok = !matches!(got, FaqMatch::Sure(_));
            tally.not_sure += usize::from(ok);
            ok
        } else {
            tally.in_scope += 1;
            let first = match &got {
                FaqMatch::Sure(id) => Some(id),
                FaqMatch::Unsure(ids) => ids.first(),
                FaqMatch::NoMatch => None,
            };
            let right = first == Some(&q.expected);
            tally.top1 += usize::from(right);
            tally.offered += usize::from(match &got {
                FaqMatch::Sure(id) => *id == q.expected,
                FaqMatch::Unsure(ids) => ids.contains(&q.expected),
                FaqMatch::NoMatch => false,
            });
            match &got {
                FaqMatch::Sure(id) if *id == q.expected => tally.sure_right += 1,
                FaqMatch::Sure(_) => tally.sure_wrong += 1,
                _ => {}
            }
            right
        };
        if show_misses && (!ok || !matches!(got, FaqMatch::Sure(_)) && q.expected != "none") {
            println!(
                "  {}:{} [{}] want {:<20} got {:?}  <- {}",
                relative, q.line, q.lang, q.expected, got, q.text
            );
        }
    }
    tallies
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn report(title: &str, tallies: &BTreeMap<String, Tally>) {
    println!("{title}");
    for (lang, t) in tallies {
        println!(
            "  {lang}: top-1 {:5.1}% ({}/{}), within offered buttons {:5.1}% ({}), \
             answered directly and right {:5.1}%, confidently wrong {} of {} ({:.1} per 25), \
             out-of-scope held back {:5.1}% ({}/{})",
            percent(t.top1, t.in_scope),
            t.top1,
            t.in_scope,
            percent(t.offered, t.in_scope),
            t.offered,
            percent(t.sure_right, t.in_scope),
            t.confidently_wrong(),
            t.questions(),
            25.0 * t.confidently_wrong() as f64 / t.questions().max(1) as f64,
            percent(t.not_sure, t.out_of_scope),
            t.not_sure,
            t.out_of_scope
        );
    }
}

#[test]
fn held_out_accuracy_per_language() {
    let tallies = evaluate_with("tests/faq_eval/heldout.tsv", false, OLDER_SETS_ALSO);
    report("held-out set:", &tallies);
    for lang in LANGUAGES {
        let t = tallies
            .get(lang)
            .unwrap_or_else(|| panic!("no {lang} questions"));
        let accuracy = percent(t.top1, t.in_scope);
        assert!(accuracy >= 90.0, "{lang}: top-1 {accuracy:.1}% < 90%");
    }
    let (calm, outside) = tallies
        .values()
        .fold((0, 0), |(c, o), t| (c + t.not_sure, o + t.out_of_scope));
    let rate = percent(calm, outside);
    assert!(
        rate >= 90.0,
        "out-of-scope answered confidently: only {rate:.1}% held back"
    );
}

/// Not a gate: shows the tuning set's misses (`-- --nocapture`) while editing match.toml.
#[test]
fn tuning_set_report() {
    let tallies = evaluate_with("tests/faq_eval/tuning.tsv", true, OLDER_SETS_ALSO);
    report("tuning set:", &tallies);
}

/// A third set, written later by someone who never saw the matcher or its phrases. Its
/// first measurement (before any change) is in the closing note; since then its
/// out-of-scope misses led to new out-of-scope phrases (e-Boks, moving house), so it is no
/// longer blind. Held to the bar that matters most: few confident wrong answers.
#[test]
fn independent_set_report() {
    let tallies = evaluate_with("tests/faq_eval/independent.tsv", true, OLDER_SETS_ALSO);
    report(
        "independent set (written blind; used once for out-of-scope phrases)",
        &tallies,
    );
    for (lang, t) in &tallies {
        let confident_wrong = t.sure_wrong + (t.out_of_scope - t.not_sure);
        assert!(
            confident_wrong <= 2,
            "{lang}: {confident_wrong} confident wrong answers"
        );
    }
}

/// Blind set A: written blind and committed before tuning; then tuned on. Its misses are
/// shown, and it is held to the targets the project set for a blind set.
#[test]
fn blind_set_a_report() {
    let tallies = evaluate("tests/faq_eval/blind-a.tsv", true);
    report(
        "blind set A (written blind; used for tuning since, so no longer blind)",
        &tallies,
    );
    assert_targets("set A", &tallies);
}

/// The project's targets for a blind set, checked per language: top-1 at least 90 %, at
/// most 1 confidently wrong answer per 25 questions, out-of-scope held back at least 90 %.
fn assert_targets(set: &str, tallies: &BTreeMap<String, Tally>) {
    for lang in LANGUAGES {
        let t = &tallies[lang];
        let top1 = percent(t.top1, t.in_scope);
        assert!(top1 >= 90.0, "{set} {lang}: top-1 {top1:.1}%");
        assert!(
            25 * t.confidently_wrong() <= t.questions(),
            "{set} {lang}: {} confidently wrong of {}",
            t.confidently_wrong(),
            t.questions()
        );
        let held = percent(t.not_sure, t.out_of_scope);
        assert!(
            held >= 90.0,
            "{set} {lang}: out-of-scope held back {held:.1}%"
        );
    }
}

/// Blind set B: measured blind once (figures in the header), tuned on since. Its misses
/// are shown, and it is held to the targets like set A.
#[test]
fn blind_set_b_report() {
    let tallies = evaluate("tests/faq_eval/blind-b.tsv", true);
    report(
        "blind set B (written blind; used for tuning since, so no longer blind)",
        &tallies,
    );
    assert_targets("set B", &tallies);
}

/// Blind set C: measured blind once after a4fdd62 (figures in the header), tuned on since
/// (branch faq3). Its misses are shown, and it is held to the targets like sets A and B.
#[test]
fn blind_set_c_report() {
    let tallies = evaluate("tests/faq_eval/blind-c.tsv", true);
    report(
        "blind set C (written blind; used for tuning since, so no longer blind)",
        &tallies,
    );
    assert_targets("set C", &tallies);
}

/// Blind set D: measured blind once after 7ad2602 (figures in the header), tuned on since
/// (branch faq5). Its misses are shown, and it is held to the targets like sets A, B and C.
#[test]
fn blind_set_d_report() {
    let tallies = evaluate("tests/faq_eval/blind-d.tsv", true);
    report(
        "blind set D (written blind; used for tuning since, so no longer blind)",
        &tallies,
    );
    assert_targets("set D", &tallies);
}

/// Blind set E: written blind, committed (6d77b96) before any tuning on it and never tuned
/// on. Only its figures are printed, never its questions or misses.
///
/// Measured once, after the last tuning commit of round 5 (8ae0b95), December 2026:
///
/// | | top-1 | within buttons | confidently wrong | out-of-scope held back |
/// |---|---|---|---|---|
/// | da | 93.1 % (54/58) | 96.6 % | 2 of 75 (0.7 per 25) | 94.1 % (16/17) |
/// | de | 89.3 % (50/56) | 92.9 % | 3 of 75 (1.0 per 25) | 94.7 % (18/19) |
/// | en | 91.4 % (53/58) | 91.4 % | 6 of 75 (2.0 per 25) | 88.2 % (15/17) |
///
/// Targets met: all three in Danish; confidently wrong and out-of-scope in German; top-1 in
/// English. NOT met: German top-1 (one question short of 90 %), English confidently wrong
/// (6, 3 allowed) and English out-of-scope held back.
///
/// The test asserts the measured counts as floors (a change that makes E worse fails) and
/// prints whether each of the project's targets is met; raising the bar needs a new blind
/// set. From now on E is no longer blind: its figures have been seen.
#[test]
fn blind_set_e_final() {
    /// (language, top-1 right, confidently wrong, out-of-scope held back) as measured.
    const MEASURED: [(&str, usize, usize, usize); 3] =
        [("da", 54, 2, 16), ("de", 50, 3, 18), ("en", 53, 6, 15)];
    let tallies = evaluate("tests/faq_eval/blind-e.tsv", false);
    report("blind set E (written blind; never tuned on)", &tallies);
    for (lang, top1_right, wrong, held_back) in MEASURED {
        let t = &tallies[lang];
        let top1 = percent(t.top1, t.in_scope);
        let wrong_ok = 25 * t.confidently_wrong() <= t.questions();
        let held = percent(t.not_sure, t.out_of_scope);
        println!(
            "  {lang}: targets (top-1 >= 90 %, <= 1 confidently wrong per 25, out-of-scope \
             held back >= 90 %): {}, {}, {}",
            if top1 >= 90.0 { "met" } else { "NOT met" },
            if wrong_ok { "met" } else { "NOT met" },
            if held >= 90.0 { "met" } else { "NOT met" },
        );
        assert!(t.top1 >= top1_right, "set E {lang}: top-1 {top1:.1}%");
        assert!(
            t.confidently_wrong() <= wrong,
            "set E {lang}: {} confidently wrong",
            t.confidently_wrong()
        );
        assert!(
            t.not_sure >= held_back,
            "set E {lang}: out-of-scope held back {held:.1}%"
        );
    }
}

#[test]
fn eval_sets_are_big_enough_and_apart() {
    let held = questions("tests/faq_eval/heldout.tsv");
    let tuning = questions("tests/faq_eval/tuning.tsv");
    let all: Vec<&Question> = held.iter().chain(&tuning).collect();
    assert!(all.len() >= 200, "{} questions", all.len());
    for lang in LANGUAGES {
        let n = all.iter().filter(|q| q.lang == lang).count();
        assert!(n >= 60, "{lang}: {n} questions");
    }
    assert!(all.iter().filter(|q| q.expected == "none").count() >= 30);
    let share = percent(held.len(), all.len());
    assert!((30.0..=50.0).contains(&share), "held out {share:.0}%");
    let held_texts: BTreeSet<String> = held.iter().map(|q| q.text.to_lowercase()).collect();
    for q in &tuning {
        assert!(
            !held_texts.contains(&q.text.to_lowercase()),
            "tuning.tsv:{}: also in the held-out set",
            q.line
        );
    }
}

/// Messages of one `.ftl` file: id -> (line where it starts, its text).
type Messages = BTreeMap<String, (usize, String)>;

/// The messages of one `.ftl` file, by a simple line scan.
fn ftl_messages(relative: &str) -> Messages {
    let mut messages = BTreeMap::new();
    let mut current: Option<String> = None;
    for (i, line) in read(relative).lines().enumerate() {
        let starts_message = line
            .split_once(" =")
            .filter(|(id, _)| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .map(|(id, _)| id.to_string());
        if let Some(id) = starts_message {
            let value = line
                .split_once('=')
                .map_or("", |(_, v)| v.trim())
                .to_string();
            messages.insert(id.clone(), (i + 1, value));
            current = Some(id);
        } else if line.starts_with(' ') && !line.trim().is_empty() {
            if let Some((_, text)) = current.as_ref().and_then(|id| messages.get_mut(id)) {
                text.push('\n');
                text.push_str(line.trim());
            }
        } else {
            current = None;
        }
    }
    messages
}

/// The FAQ messages of one language: `faq.ftl` and `faq-more.ftl`.
fn faq_messages(lang: &str) -> Messages {
    let mut messages = ftl_messages(&format!("locales/{lang}/faq.ftl"));
    messages.extend(ftl_messages(&format!("locales/{lang}/faq-more.ftl")));
    messages
}

fn variables(text: &str) -> BTreeSet<String> {
    text.split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn every_topic_has_texts_in_every_language() {
    let matcher = matcher();
    let mut ids: Vec<String> = vec!["faq-menu".into(), "faq-unsure".into(), "faq-none".into()];
    for topic in matcher.topics() {
        ids.push(format!("faq-{topic}-q"));
        ids.push(format!("faq-{topic}"));
        ids.push(format!("faq-{topic}-source"));
    }
    let files: Vec<(String, Messages)> = LANGUAGES
        .iter()
        .map(|lang| {
            let file = format!("locales/{lang}/faq*.ftl");
            (file, faq_messages(lang))
        })
        .collect();
    let mut problems = Vec::new();
    for id in &ids {
        let mut seen_vars: Option<(String, BTreeSet<String>)> = None;
        for (file, messages) in &files {
            let Some((line, text)) = messages.get(id) else {
                problems.push(format!("{file}: {id} is missing"));
                continue;
            };
            if text.trim().is_empty() {
                problems.push(format!("{file}:{line}: {id} is empty"));
            }
            if id.ends_with("-q") && text.chars().count() > MAX_LABEL_CHARS {
                problems.push(format!(
                    "{file}:{line}: {id} has {} characters, at most {MAX_LABEL_CHARS}",
                    text.chars().count()
                ));
            }
            if text.contains("{ faq-") || text.contains("{faq-") {
                problems.push(format!("{file}:{line}: {id} refers to another message"));
            }
            let vars = variables(text);
            match &seen_vars {
                None => seen_vars = Some((file.clone(), vars)),
                Some((first, expected)) if *expected != vars => problems.push(format!(
                    "{file}:{line}: {id} uses {vars:?}, {first} uses {expected:?}"
                )),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn ftl_files_parse() {
    for file in LANGUAGES.iter().flat_map(|lang| {
        [
            format!("locales/{lang}/faq.ftl"),
            format!("locales/{lang}/faq-more.ftl"),
        ]
    }) {
        if let Err((_, errors)) = fluent_syntax::parser::parse(read(&file).as_str()) {
            panic!("{file}: {errors:?}");
        }
    }
}

/// Every button label is also something a citizen could type: typed, it finds its own topic.
#[test]
fn button_labels_typed_find_their_topic() {
    let matcher = matcher();
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let file = format!("locales/{lang}/faq*.ftl");
        let messages = faq_messages(lang);
        for topic in matcher.topics() {
            let Some((line, label)) = messages.get(&format!("faq-{topic}-q")) else {
                continue; // reported by every_topic_has_texts_in_every_language
            };
            let got = matcher.match_text(label);
            if got != FaqMatch::Sure(topic.to_string()) {
                problems.push(format!("{file}:{line}: {label:?} -> {got:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
