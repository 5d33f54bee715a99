//! Recognises which FAQ topic a typed question is about, in Danish, English or German.
//!
//! The phrases live in `dialogues/faq/match.toml` (see its header for how to add one); this
//! module folds spelling ([`normalise`]), finds each word's forms (Snowball stems in da, en
//! and de, synonyms, the parts of a compound), finds the phrases in the text and weighs
//! them: a question inside a long message weighs more than the story around it, and
//! `[[about]]` rules move a score when the question is about someone else (the witness) or
//! something else (a renewal, a document on the phone). A question pointing back at the
//! story ("Is that true?") is read with the sentences before it; a phrase does not reach
//! across a word of another topic. A text starting with "/" is a command and never a
//! question.
//! A question that is not clearly about one topic gets [`FaqMatch::Unsure`] or
//! [`FaqMatch::NoMatch`]: a wrong confident answer is worse than asking back.
//!
//! Must not: log, store or return the text it is given. It holds no words shown to users
//! (answers are `faq-<topic>` in `locales/*/faq.ftl`).

mod data;
pub mod normalise;
mod stem;

use std::collections::HashMap;

use data::{PhraseSpec, WordPattern};
use normalise::{allowed_typos, is_marked, join_words, raw_words, spelt_key, typo_distance};
use stem::Stemmers;

/// A score from this on may be answered without asking back (weights in match.toml are on a
/// 1–5 scale: 3 means "this phrase alone is enough").
const SURE_SCORE: f32 = 3.0;
/// The best topic must beat the runner-up (or the out-of-scope score) by this factor to be sure.
const SURE_LEAD: f32 = 1.5;
/// Below this nothing is offered at all.
const UNSURE_SCORE: f32 = 1.0;
/// When unsure, topics scoring at least this share of the best are offered too.
const UNSURE_SHARE: f32 = 0.4;
/// Topics offered when unsure.
const UNSURE_MAX: usize = 3;
/// Only the first words of a long message are read (the engine passes at most 1000
/// characters): this bounds the time a question takes.
const MAX_WORDS: usize = 200;
/// In a message of several sentences: the weight of a phrase found in a question, and of
/// one found only in the rest.
const QUESTION_WEIGHT: f32 = 1.5;
const STORY_WEIGHT: f32 = 0.5;
/// What the story around a question can add to one topic at most.
const STORY_CAP: f32 = 2.0;
/// What story weight beyond [`STORY_CAP`] still adds: enough to rank two capped topics, too
/// little to make an answer sure.
const STORY_BEYOND_CAP: f32 = 0.05;
/// From this many words on, a message of several sentences is read as a story around a
/// question.
const STORY_WORDS: usize = 20;
/// A data word this long or longer is a content word: a phrase does not reach across it.
const MIN_CONTENT_WORD: usize = 5;
/// The most letters a stem may drop from its word and still stand for it (an ending, not a
/// suffix that makes another word: "persönlich" is not "Person").
const MAX_ENDING: usize = 3;
/// A stem shorter than this is not used as a key (it would find unrelated words).
const MIN_STEM: usize = 4;
/// How many first bytes of a typed word decide whether it is worth stemming (a stem is
/// kept from 4 letters on).
const STEM_PREFIX: usize = 4;
/// A compound is split only when it is at least this long ("sundhedskortet").
const MIN_COMPOUND: usize = 7;
/// Each part of a split compound is at least this long.
const MIN_COMPOUND_PART: usize = 3;

/// What the matcher made of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaqMatch {
    /// Clearly this topic (its id): answer it.
    Sure(String),
    /// Maybe one of these, best first: ask "did you mean ...?". Usually 2–3 ids; one when
    /// only one topic came near.
    Unsure(Vec<String>),
    /// Not a question the FAQ knows (or not about MitID at all).
    NoMatch,
}

/// A problem in the FAQ data file, as `file:line: problem`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct FaqDataError {
    /// The `source_name` given to [`FaqMatcher::from_toml`].
    pub file: String,
    /// 1-based line of the key or value at fault.
    pub line: usize,
    pub problem: String,
}

/// Owner of a phrase: a topic (index into `topics`), the out-of-scope list, or a "who is it
/// about" rule (index into `about`).
#[derive(Debug, Clone, Copy)]
enum Owner {
    Topic(usize),
    OutOfScope,
    About(usize),
}

/// A phrase compiled to word ids (indices into `FaqMatcher::words`).
struct Phrase {
    owner: Owner,
    weight: f32,
    parts: Vec<Vec<u32>>,
    /// Phrases of one owner written alike in several languages ("pdf", "nemid", "chip")
    /// share a group and count once (the heaviest that occurs): a word spelt the same in
    /// Danish, English and German is not three times the evidence.
    group: u32,
}

impl Phrase {
    /// Whether every part occurs in `hits`. The words of a one-part `[[about]]` phrase
    /// follow one another without a word between: "witness for me" is not in "a witness
    /// necessary for me". (A phrase of several parts, "witness* + her passport", already
    /// asks for more than one thing and keeps the usual gap: "her US passport".)
    /// `foreign` says which word patterns are content words of other owners only (see
    /// [`FaqMatcher::foreign`]).
    fn occurs(&self, hits: &[Vec<u32>], foreign: &Foreign) -> bool {
        let gap = match self.owner {
            Owner::About(_) if self.parts.len() == 1 => 0,
            _ => MAX_GAP,
        };
        self.parts
            .iter()
            .all(|part| part_occurs_within(part, hits, gap, |ids| foreign.at(ids, self.owner)))
    }
}

/// An owner as one number, for [`Foreign`].
type OwnerKey = (u8, u32);

fn owner_key(owner: Owner) -> OwnerKey {
    match owner {
        Owner::Topic(t) => (0, t as u32),
        Owner::OutOfScope => (1, 0),
        Owner::About(a) => (2, a as u32),
    }
}

/// Per word pattern, the owners whose phrases use it, when it is a content word (a word of
/// 5 letters or more, a prefix or part of 4 or more; empty otherwise): a word of the text
/// that points to another topic ends a phrase ("meinen Personalausweis für MitID" is not
/// "meine MitID", sharing), one of the phrase's own topic does not ("jemanden als Zeugen
/// mitbringen" is "jemanden mitbringen").
#[derive(Default)]
struct Foreign {
    owners: Vec<Vec<OwnerKey>>,
}

impl Foreign {
    /// Whether a word of the text (the word patterns it found) is a content word that
    /// only other owners than `owner` use.
    fn at(&self, ids: &[u32], owner: Owner) -> bool {
        let key = owner_key(owner);
        let mut content = false;
        for &id in ids {
            let owners = &self.owners[id as usize];
            if owners.contains(&key) {
                return false;
            }
            content |= !owners.is_empty();
        }
        content
    }
}

/// A "who is it about" rule, compiled: score moves between topics (indices).
struct About {
    who: String,
    moves: Vec<(usize, usize)>,
}

/// The FAQ data, compiled once at load so that matching a question is a few thousand cheap
/// comparisons.
pub struct FaqMatcher {
    topics: Vec<String>,
    /// Every distinct word pattern used by any phrase.
    words: Vec<WordPattern>,
    phrases: Vec<Phrase>,
    /// How many phrase groups there are (see [`Phrase::group`]).
    groups: usize,
    about: Vec<About>,
    /// A word form (loose form, stem, or a synonym's) -> the word patterns it matches exactly.
    exact: HashMap<String, Vec<u32>>,
    stemmers: Stemmers,
    /// Word patterns by first letter and length ([`near_slot`]), for typos and inflections:
    /// a typed word is compared only with words of its first letter and a length near its
    /// own.
    near: Vec<Vec<u32>>,
    /// `word*` patterns by first letter ([`near_slot`] with length 0).
    prefixes: Vec<Vec<u32>>,
    /// `*word` patterns (few): compared with every typed word.
    wildcards: Vec<u32>,
    /// The first [`STEM_PREFIX`] bytes of every exact form: a typed word is stemmed only
    /// when its loose form starts like one of them.
    stem_prefixes: std::collections::HashSet<Vec<u8>>,
    /// Content words and their owners, which a phrase of another owner does not reach
    /// across.
    foreign: Foreign,
    /// Phrases (indices, ascending) by the first word of their first part: a question is
    /// scored only with phrases whose first word it contains.
    phrases_by_first_word: Vec<Vec<u32>>,
}

impl FaqMatcher {
    /// Parses the text of `dialogues/faq/match.toml`. `source_name` names the file in errors.
    pub fn from_toml(source_name: &str, text: &str) -> Result<FaqMatcher, FaqDataError> {
        let stemmers = Stemmers::default();
        let data = data::parse(source_name, text, &stemmers)?;
        let mut matcher = FaqMatcher {
            topics: Vec::with_capacity(data.topics.len()),
            words: Vec::new(),
            phrases: Vec::new(),
            groups: 0,
            about: Vec::new(),
            exact: HashMap::new(),
            stemmers,
            near: vec![Vec::new(); 256 * NEAR_LENGTHS],
            prefixes: vec![Vec::new(); 256],
            wildcards: Vec::new(),
            stem_prefixes: Default::default(),
            phrases_by_first_word: Vec::new(),
            foreign: Foreign::default(),
        };
        let mut word_ids = HashMap::new();
        let mut compile = |spec: &PhraseSpec, owner: Owner, matcher: &mut FaqMatcher| {
            let parts = spec
                .parts
                .iter()
                .map(|part| {
                    part.iter()
                        .map(|word| {
                            *word_ids.entry(word.clone()).or_insert_with(|| {
                                matcher.words.push(word.clone());
                                (matcher.words.len() - 1) as u32
                            })
                        })
                        .collect()
                })
                .collect();
            matcher.phrases.push(Phrase {
                owner,
                weight: spec.weight,
                parts,
                group: 0,
            });
        };
        for (index, (id, specs)) in data.topics.iter().enumerate() {
            matcher.topics.push(id.clone());
            for spec in specs {
                compile(spec, Owner::Topic(index), &mut matcher);
            }
        }
        for spec in &data.out_of_scope {
            compile(spec, Owner::OutOfScope, &mut matcher);
        }
        for (index, about) in data.about.iter().enumerate() {
            for spec in &about.phrases {
                compile(spec, Owner::About(index), &mut matcher);
            }
            let topic = |id: &str| matcher.topics.iter().position(|t| t == id);
            let moves = about
                .moves
                .iter()
                .filter_map(|(from, to)| Some((topic(from)?, topic(to)?)))
                .collect();
            matcher.about.push(About {
                who: about.who.clone(),
                moves,
            });
        }
        matcher.group_phrases(&data.synonyms);
        // Exact forms: each word's loose form and stem, and those of its synonyms.
        for (id, word) in matcher.words.iter().enumerate() {
            if let WordPattern::Exact(form) = word {
                matcher
                    .exact
                    .entry(form.clone())
                    .or_default()
                    .push(id as u32);
                continue;
            }
            let WordPattern::Word { loose, stem } = word else {
                continue;
            };
            // A short stem finds too much ("anden" -> "and"): only the word itself then.
            // Nor does a stem that drops more than an ending: "persönlich" -> "person".
            let mut forms = vec![loose.clone()];
            if stem.len() >= MIN_STEM && loose.len() <= stem.len() + MAX_ENDING {
                forms.push(stem.clone());
            }
            for group in &data.synonyms {
                if group.contains(loose) || group.contains(stem) {
                    forms.extend(group.iter().cloned());
                }
            }
            for form in forms {
                let ids = matcher.exact.entry(form).or_default();
                if !ids.contains(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
        for (id, word) in matcher.words.iter().enumerate() {
            match word {
                WordPattern::Word { loose, .. } => {
                    if let Some(&first) = loose.as_bytes().first() {
                        matcher.near[near_slot(first, loose.len())].push(id as u32);
                    }
                }
                WordPattern::Prefix(p) => match p.as_bytes().first() {
                    Some(&first) => matcher.prefixes[first as usize].push(id as u32),
                    None => matcher.wildcards.push(id as u32),
                },
                WordPattern::Contains(_) => matcher.wildcards.push(id as u32),
                WordPattern::Exact(_) => {}
            }
        }
        matcher.stem_prefixes = matcher
            .exact
            .keys()
            .filter_map(|form| form.as_bytes().get(..STEM_PREFIX).map(<[u8]>::to_vec))
            .collect();
        let mut owners: Vec<Vec<OwnerKey>> = vec![Vec::new(); matcher.words.len()];
        for phrase in &matcher.phrases {
            for &id in phrase.parts.iter().flatten() {
                let key = owner_key(phrase.owner);
                if !owners[id as usize].contains(&key) {
                    owners[id as usize].push(key);
                }
            }
        }
        for (id, word) in matcher.words.iter().enumerate() {
            let content = match word {
                // A short word kept as spelt ("\u{1}laast") is not a content word.
                WordPattern::Word { loose, .. } => {
                    loose.len() >= MIN_CONTENT_WORD && !loose.starts_with('\u{1}')
                }
                WordPattern::Prefix(p) | WordPattern::Contains(p) => p.len() >= MIN_STEM,
                WordPattern::Exact(_) => false,
            };
            if !content {
                owners[id].clear();
            }
        }
        matcher.foreign = Foreign { owners };
        matcher.phrases_by_first_word = vec![Vec::new(); matcher.words.len()];
        for (index, phrase) in matcher.phrases.iter().enumerate() {
            if let Some(&first) = phrase.parts.first().and_then(|part| part.first()) {
                matcher.phrases_by_first_word[first as usize].push(index as u32);
            }
        }
        Ok(matcher)
    }

    /// Gives phrases of one owner with the same loose words one group, and orders the
    /// phrases so that in each group the heaviest comes first (scoring credits the first
    /// phrase of a group that occurs, and skips the rest of the group).
    fn group_phrases(&mut self, synonyms: &[data::SynonymGroup]) {
        // Synonyms are one word here: "id", "legitimation" and "identification" in three
        // tables are one piece of evidence. Groups sharing a word ("id") merge.
        let mut canonical: HashMap<&str, String> = HashMap::new();
        let mut merged: Vec<Vec<&str>> = Vec::new();
        for group in synonyms {
            let mut set: Vec<&str> = group.iter().map(String::as_str).collect();
            let (joined, apart): (Vec<_>, Vec<_>) = merged
                .into_iter()
                .partition(|m| m.iter().any(|w| set.contains(w)));
            set.extend(joined.into_iter().flatten());
            set.sort_unstable();
            set.dedup();
            merged = apart;
            merged.push(set);
        }
        for set in &merged {
            for w in set {
                canonical.insert(w, set[0].to_string());
            }
        }
        let owner_key = |owner: Owner| match owner {
            Owner::Topic(t) => (0, t),
            Owner::OutOfScope => (1, 0),
            Owner::About(a) => (2, a),
        };
        let loose_of = |id: &u32| match &self.words[*id as usize] {
            // By stem: "meine mitid" and "meiner mitid" find the same words.
            WordPattern::Word { loose, stem } => canonical
                .get(loose.as_str())
                .or_else(|| canonical.get(stem.as_str()))
                .unwrap_or(if stem.len() >= MIN_STEM { stem } else { loose })
                .clone(),
            WordPattern::Exact(w) => format!("={w}"),
            WordPattern::Prefix(p) => format!("{p}*"),
            WordPattern::Contains(p) => format!("*{p}"),
        };
        let mut groups: HashMap<GroupKey, u32> = HashMap::new();
        let keys: Vec<_> = self
            .phrases
            .iter()
            .map(|p| {
                // The words, in any order and however split into parts: "scan passport",
                // "scan + passport" and "passport + scan" are one piece of evidence.
                let mut words: Vec<String> = p.parts.iter().flatten().map(loose_of).collect();
                words.sort();
                (owner_key(p.owner), words)
            })
            .collect();
        for (phrase, key) in self.phrases.iter_mut().zip(keys) {
            let next = groups.len() as u32;
            phrase.group = *groups.entry(key).or_insert(next);
        }
        self.groups = groups.len();
        self.phrases
            .sort_by(|a, b| a.group.cmp(&b.group).then(b.weight.total_cmp(&a.weight)));
    }

    /// Topic ids in the order of the file (the FAQ menu's order).
    pub fn topics(&self) -> impl Iterator<Item = &str> {
        self.topics.iter().map(String::as_str)
    }

    /// Which topic `text` asks about. The text is neither kept nor logged.
    pub fn match_text(&self, text: &str) -> FaqMatch {
        let (scores, out_of_scope) = self.scores(text);
        let mut ranked: Vec<(usize, f32)> = scores
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, score)| score > 0.0)
            .collect();
        // Stable: on a tie the topic earlier in the file wins.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        let Some(&(best, best_score)) = ranked.first() else {
            return FaqMatch::NoMatch;
        };
        if best_score < UNSURE_SCORE || out_of_scope >= best_score {
            return FaqMatch::NoMatch;
        }
        let runner_up = ranked.get(1).map_or(0.0, |r| r.1);
        let rival = runner_up.max(out_of_scope);
        if best_score >= SURE_SCORE && best_score >= SURE_LEAD * rival {
            return FaqMatch::Sure(self.topics[best].clone());
        }
        FaqMatch::Unsure(
            ranked
                .iter()
                .take_while(|&&(_, score)| score >= best_score * UNSURE_SHARE)
                .take(UNSURE_MAX)
                .map(|&(topic, _)| self.topics[topic].clone())
                .collect(),
        )
    }

    /// Every topic with a score above zero, best first, and the out-of-scope score: for
    /// tuning `match.toml` and for tests. The text is not kept.
    pub fn ranking(&self, text: &str) -> (Vec<(&str, f32)>, f32) {
        let (scores, out_of_scope) = self.scores(text);
        let mut ranked: Vec<(&str, f32)> = self
            .topics()
            .zip(scores)
            .filter(|&(_, score)| score > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        (ranked, out_of_scope)
    }

    /// For tuning: each position of the text with the data's words found there (as the data
    /// writes them, loose). Nothing is kept.
    pub fn explain(&self, text: &str) -> Vec<Vec<String>> {
        self.hits(text)
            .into_iter()
            .map(|ids| {
                ids.into_iter()
                    .map(|id| match &self.words[id as usize] {
                        WordPattern::Word { loose, .. } => loose.replace('\u{1}', "'"),
                        WordPattern::Exact(w) => format!("={}", w.replace('\u{1}', "'")),
                        WordPattern::Prefix(p) => format!("{p}*"),
                        WordPattern::Contains(p) => format!("*{p}"),
                    })
                    .collect()
            })
            .collect()
    }

    /// For each position of the text, the word patterns found there. A compound that splits
    /// into two known words ("sundheds|kortet") takes two positions.
    fn hits(&self, text: &str) -> Vec<Vec<u32>> {
        self.hits_by_sentence(text).0
    }

    /// [`Self::hits`], and the ranges of positions that are questions (sentences ending in
    /// `?`), when the text has more than one sentence: each question alone, and with the
    /// two sentences before it ("... my colleague had to bring someone to vouch for him.
    /// Is that likely for me?").
    fn hits_by_sentence(&self, text: &str) -> (Vec<Vec<u32>>, Vec<QuestionSpan>) {
        let mut hits = Vec::new();
        let mut questions = Vec::new();
        // Where the last two sentences began.
        let mut before = [0usize; 2];
        let mut sentences = 0;
        let mut words_read = 0;
        for (sentence, is_question) in sentences_of(text) {
            if words_read >= MAX_WORDS {
                break;
            }
            let mut words = join_words(raw_words(sentence));
            if words.is_empty() {
                continue;
            }
            words.truncate(MAX_WORDS - words_read);
            words_read += words.len();
            sentences += 1;
            let start = hits.len();
            self.push_hits(&words, &mut hits);
            if is_question {
                questions.push(QuestionSpan {
                    alone: start..hits.len(),
                    with_before: before[0]..hits.len(),
                    refers_back: refers_back(&words),
                });
            }
            before = [before[1], start];
        }
        // A short message is all question: "Handy verloren!! Wie komme ich rein?"
        if sentences < 2 || words_read < STORY_WORDS {
            questions.clear();
        }
        (hits, questions)
    }

    fn push_hits(&self, words: &[String], hits: &mut Vec<Vec<u32>>) {
        for word in words {
            // A stem starts like its word (loosely): when no form of the data starts with
            // the word's first four letters, no stem of it can be found either.
            let forms = self.stemmers.forms_if(word, |loose| {
                loose
                    .as_bytes()
                    .get(..STEM_PREFIX)
                    .is_some_and(|p| self.stem_prefixes.contains(p))
            });
            let mut ids: Vec<u32> = Vec::new();
            // A short word is also looked up as spelt ("laast", "låst"); a short word with a
            // mark only so ("låst" is not "last").
            let spelt = spelt_key(word);
            if let Some(found) = spelt.as_ref().and_then(|key| self.exact.get(key)) {
                ids.extend(found);
            }
            let as_spelt_only = spelt.is_some() && is_marked(word);
            for (i, form) in forms.iter().enumerate().filter(|_| !as_spelt_only) {
                if let Some(found) = self.exact.get(form) {
                    // A word matched "only as written" is not found through a stem
                    // ("sidste" is not "sidst").
                    ids.extend(found.iter().filter(|&&id| {
                        i == 0 || !matches!(self.words[id as usize], WordPattern::Exact(_))
                    }));
                }
            }
            // A word the data knows as a whole is not split ("passport" is not "pas|port").
            let known = !ids.is_empty();
            let plain = &forms[0];
            // Typos and inflections: the typed word is at most 3 letters longer (an
            // ending) or 2 shorter (typos) than the data's word, and starts like it. A word
            // the data knows is not read as a typo of another ("pasport" is a passport,
            // not a "paswort").
            if let Some(&first) = plain.as_bytes().first() {
                let len = plain.len();
                // Endings: data words up to 3 letters shorter. Typos (unknown words of 6
                // letters or more): data words up to 2 letters shorter or longer.
                let typos = !known && len >= 6;
                let lengths = if typos {
                    len.saturating_sub(3)..=len + 2
                } else {
                    len.saturating_sub(3)..=len.saturating_sub(1)
                };
                for near_len in lengths {
                    for &id in &self.near[near_slot(first, near_len)] {
                        if word_matches(&self.words[id as usize], plain, typos) {
                            ids.push(id);
                        }
                    }
                }
                for &id in &self.prefixes[first as usize] {
                    if word_matches(&self.words[id as usize], plain, false) {
                        ids.push(id);
                    }
                }
            }
            for &id in &self.wildcards {
                if word_matches(&self.words[id as usize], plain, false) {
                    ids.push(id);
                }
            }
            let split = (!known && plain.len() >= MIN_COMPOUND && plain.is_ascii())
                .then(|| self.split_compound(plain))
                .flatten();
            match split {
                Some((left, right)) => {
                    ids.extend(left);
                    ids.sort_unstable();
                    ids.dedup();
                    hits.push(ids);
                    hits.push(right);
                }
                None => {
                    ids.sort_unstable();
                    ids.dedup();
                    hits.push(ids);
                }
            }
        }
    }

    /// "sundhedskortet" -> the words of "sundhed" and of "kort": both parts must be words of
    /// the data (the left one perhaps with a joining s or e, the right one perhaps with an
    /// ending of up to three letters). The longest known right part wins.
    fn split_compound(&self, word: &str) -> Option<(Vec<u32>, Vec<u32>)> {
        let lookup = |form: &str| self.exact.get(form).filter(|ids| !ids.is_empty());
        for at in MIN_COMPOUND_PART..=word.len().saturating_sub(MIN_COMPOUND_PART) {
            let (left, right) = word.split_at(at);
            let left_ids = lookup(left).or_else(|| {
                left.strip_suffix(['s', 'e'])
                    .filter(|l| l.len() >= MIN_COMPOUND_PART)
                    .and_then(lookup)
            });
            let Some(left_ids) = left_ids else { continue };
            let right_ids = (0..=3)
                .filter(|&cut| right.len() >= MIN_COMPOUND_PART + cut)
                .find_map(|cut| lookup(&right[..right.len() - cut]));
            if let Some(right_ids) = right_ids {
                return Some((left_ids.clone(), right_ids.clone()));
            }
        }
        None
    }

    /// Who the question is about, when the data knows it changes the answer (`who` of each
    /// `[[about]]` rule that applies: "witness", ...). The text is not kept.
    pub fn about(&self, text: &str) -> Vec<&str> {
        let hits = self.hits(text);
        let mut found = Vec::new();
        for phrase in &self.phrases {
            if let Owner::About(rule) = phrase.owner {
                let who = self.about[rule].who.as_str();
                if !found.contains(&who) && phrase.occurs(&hits, &self.foreign) {
                    found.push(who);
                }
            }
        }
        found
    }

    /// Score per topic (in `topics` order) and the out-of-scope score.
    fn scores(&self, text: &str) -> (Vec<f32>, f32) {
        let mut scores = vec![0.0; self.topics.len()];
        // A command ("/forget", "/start") is never a question, whatever its words.
        if text.trim_start().starts_with('/') {
            return (scores, 0.0);
        }
        let (hits, questions) = self.hits_by_sentence(text);
        let mut found_anywhere = vec![false; self.words.len()];
        for ids in &hits {
            for &id in ids {
                found_anywhere[id as usize] = true;
            }
        }
        // The phrases that occur (the heaviest of each group).
        let mut credited = vec![false; self.groups];
        let mut found: Vec<&Phrase> = Vec::new();
        let mut candidates: Vec<u32> = found_anywhere
            .iter()
            .enumerate()
            .filter(|(_, found)| **found)
            .flat_map(|(id, _)| self.phrases_by_first_word[id].iter().copied())
            .collect();
        // In file order again: in a group, the heaviest phrase comes first.
        candidates.sort_unstable();
        for phrase in candidates.iter().map(|&i| &self.phrases[i as usize]) {
            if credited[phrase.group as usize] {
                continue;
            }
            let possible = phrase
                .parts
                .iter()
                .flatten()
                .all(|&id| found_anywhere[id as usize]);
            if possible && phrase.occurs(&hits, &self.foreign) {
                credited[phrase.group as usize] = true;
                found.push(phrase);
            }
        }
        // In a message of several sentences, the question ("...?") weighs most: a phrase
        // there counts 1.5 times, one only in the story around it half. A question without
        // a topic's words ("Is that right?") is read with the two sentences before it.
        let in_question = |phrase: &Phrase, wide: bool| {
            questions.iter().any(|q| {
                let range = if wide || q.refers_back {
                    &q.with_before
                } else {
                    &q.alone
                };
                phrase.occurs(&hits[range.clone()], &self.foreign)
            })
        };
        let wide = !questions.is_empty()
            && !found
                .iter()
                .any(|p| matches!(p.owner, Owner::Topic(_)) && in_question(p, false));
        let mut story = vec![0.0f32; self.topics.len()];
        let mut out_of_scope = 0.0;
        let mut out_of_scope_story = 0.0f32;
        let mut about = vec![false; self.about.len()];
        for phrase in found {
            let in_story = !questions.is_empty() && !in_question(phrase, wide);
            let weight = if questions.is_empty() {
                phrase.weight
            } else if in_story {
                phrase.weight * STORY_WEIGHT
            } else {
                phrase.weight * QUESTION_WEIGHT
            };
            match phrase.owner {
                // Many small hints in a story do not add up to an answer: capped per topic.
                Owner::Topic(topic) if in_story => story[topic] += weight,
                Owner::Topic(topic) => scores[topic] += weight,
                // Nor does a story mentioning NemID or the bank rule out the question.
                Owner::OutOfScope if in_story => out_of_scope_story += weight,
                Owner::OutOfScope => out_of_scope += weight,
                Owner::About(rule) => about[rule] = true,
            }
        }
        for (score, from_story) in scores.iter_mut().zip(story) {
            // Beyond the cap, a story still breaks a tie between two capped topics: the one
            // the story says more about ranks first.
            *score +=
                from_story.min(STORY_CAP) + (from_story - STORY_CAP).max(0.0) * STORY_BEYOND_CAP;
        }
        out_of_scope += out_of_scope_story.min(STORY_CAP);
        for (rule, _) in about.iter().enumerate().filter(|(_, on)| **on) {
            for &(from, to) in &self.about[rule].moves {
                let moved = std::mem::take(&mut scores[from]);
                scores[to] += moved;
            }
        }
        (scores, out_of_scope)
    }
}

/// What makes two phrases one piece of evidence: their owner, and their words (stems,
/// synonyms as one) in any order.
type GroupKey = ((u8, usize), Vec<String>);

/// Lengths told apart in [`FaqMatcher::near`]; longer words share the last slot.
const NEAR_LENGTHS: usize = 40;

/// The slot in [`FaqMatcher::near`] of words starting with `first` and `len` bytes long.
fn near_slot(first: u8, len: usize) -> usize {
    first as usize * NEAR_LENGTHS + len.min(NEAR_LENGTHS - 1)
}

/// A question inside a longer message, as ranges of word positions.
struct QuestionSpan {
    alone: std::ops::Range<usize>,
    with_before: std::ops::Range<usize>,
    /// The question points back at what was said before it ("Is that true?", "Gælder det
    /// også for mig?", "Stimmt das?"): read with the two sentences before it, also when it
    /// names a topic's word itself.
    refers_back: bool,
}

/// Words that, among a question's first three, point back at the sentences before it.
const REFERS_BACK: &[&str] = &["that", "this", "det", "dette", "das", "dies", "stimmt"];

/// Whether a question (its lower-case words) points back at what was said before it.
fn refers_back(words: &[String]) -> bool {
    words
        .iter()
        .take(3)
        .any(|w| REFERS_BACK.contains(&w.as_str()))
}

/// The sentences of a text, each with whether it is a question (ends with `?`).
fn sentences_of(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // A mark ends a sentence when a space or the end follows: "borger.dk", "3.12."
        // and "kl.10" stay inside theirs.
        let bytes = rest.as_bytes();
        let end = rest
            .match_indices(['.', '!', '?', '\n'])
            .map(|(i, _)| i + 1)
            .find(|&i| {
                bytes[i - 1] == b'\n'
                    || bytes
                        .get(i..)
                        .and_then(|after| after.iter().find(|b| !b".!?".contains(b)))
                        .is_none_or(|b| b.is_ascii_whitespace())
            })
            .unwrap_or(rest.len());
        let (sentence, after) = rest.split_at(end);
        // "??" and "?!" end the same sentence.
        let marks = after
            .find(|c: char| !matches!(c, '.' | '!' | '?'))
            .unwrap_or(after.len());
        let is_question = sentence.ends_with('?') || after[..marks].contains('?');
        rest = &after[marks..];
        Some((sentence, is_question))
    })
}

/// Words between neighbours of a phrase's part ("bring a witness" is `bring witness`).
const MAX_GAP: usize = 2;

/// Whether the words of `part` occur in order, with at most `gap` other words between
/// neighbours ("bring a witness" matches `bring witness`; "witness ... bring" does not).
/// A word between may not be a word pointing elsewhere (`foreign`): "meine MitID benutzen"
/// is not in "meinen Personalausweis für MitID benutzen".
fn part_occurs_within(
    part: &[u32],
    hits: &[Vec<u32>],
    gap: usize,
    foreign: impl Fn(&[u32]) -> bool,
) -> bool {
    let Some((&first, rest)) = part.split_first() else {
        return false;
    };
    'start: for start in 0..hits.len() {
        if !hits[start].contains(&first) {
            continue;
        }
        let mut at = start;
        for &id in rest {
            let window = hits.iter().enumerate().take(at + 2 + gap).skip(at + 1);
            let mut next = None;
            for (i, ids) in window {
                if ids.contains(&id) {
                    next = Some(i);
                    break;
                }
                if foreign(ids) {
                    break;
                }
            }
            match next {
                Some(i) => at = i,
                None => continue 'start,
            }
        }
        return true;
    }
    false
}

/// Whether one folded word of the text matches one word pattern of the data beyond the
/// exact forms: a prefix, a part, a few letters more, or (when `typos`) a small typo.
fn word_matches(pattern: &WordPattern, word: &str, typos: bool) -> bool {
    match pattern {
        WordPattern::Exact(_) => false,
        WordPattern::Prefix(p) => word.starts_with(p.as_str()),
        WordPattern::Contains(p) => word.contains(p.as_str()),
        WordPattern::Word { loose: w, .. } => {
            // Inflections the stemmer does not know: "kodeviseren", "witnesses".
            // Not for short words: "åben" is not in "Aabenraa".
            let endings = if w.len() >= 5 { 3 } else { 0 };
            if endings > 0 && word.starts_with(w.as_str()) && word.len() - w.len() <= endings {
                return true;
            }
            if !typos {
                return false;
            }
            // Both words long enough: "code" is not a typo of "pcode".
            let typos = allowed_typos(w.len().min(word.len()));
            typos > 0
                && word.is_ascii()
                && w.is_ascii()
                && typo_distance(word.as_bytes(), w.as_bytes(), typos).is_some()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[topic]]
id = "witness"
[topic.da]
"vidne" = 3
[topic.en]
"witness" = 3
"who + witness" = 1
[topic.de]
"zeuge" = 3

[[topic]]
id = "password-reset"
[topic.da]
"glemt + adgangskode" = 4
[topic.en]
"forgot + password" = 4
"password" = 1
[topic.de]
"passwort vergessen" = 4

[out-of-scope.en]
"parking" = 4
"#;

    fn small() -> FaqMatcher {
        match FaqMatcher::from_toml("match.toml", SMALL) {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn topics_keep_file_order() {
        assert_eq!(
            small().topics().collect::<Vec<_>>(),
            ["witness", "password-reset"]
        );
    }

    #[test]
    fn forgives_case_typos_inflection_and_spelling() {
        let m = small();
        for text in [
            "Brauche ich einen Zeugen?",
            "skal jeg have VIDNER med",
            "do I need a witnes",
            "do I need a wtiness",
        ] {
            assert_eq!(
                m.match_text(text),
                FaqMatch::Sure("witness".into()),
                "{text}"
            );
        }
        for text in [
            "jeg har glemt min adgangskode",
            "I forgott my pasword",
            "passwort vergesen",
            "hab mein Passwort vergessen",
        ] {
            assert_eq!(
                m.match_text(text),
                FaqMatch::Sure("password-reset".into()),
                "{text}"
            );
        }
    }

    #[test]
    fn weak_or_mixed_or_foreign_questions_are_not_sure() {
        let m = small();
        assert_eq!(
            m.match_text("what is my password"),
            FaqMatch::Unsure(vec!["password-reset".into()])
        );
        assert_eq!(m.match_text("hvad er vejret"), FaqMatch::NoMatch);
        assert_eq!(m.match_text(""), FaqMatch::NoMatch);
        assert_eq!(
            m.match_text("witness parking"),
            FaqMatch::NoMatch,
            "out-of-scope outweighs"
        );
        assert!(matches!(
            m.match_text("witness: glemt adgangskode"),
            FaqMatch::Unsure(ids) if ids == ["password-reset", "witness"]
        ));
    }

    fn error_of(text: &str) -> String {
        match FaqMatcher::from_toml("dialogues/faq/match.toml", text) {
            Ok(_) => panic!("accepted broken data"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn broken_data_names_the_line() {
        // A TOML syntax error on line 5 (line 1 is the empty one after `r#"`).
        let broken = SMALL.replacen("\"vidne\" = 3", "\"vidne = 3", 1);
        let e = error_of(&broken);
        assert!(e.starts_with("dialogues/faq/match.toml:5:"), "{e}");

        // A bad weight on line 7.
        let bad_weight = SMALL.replacen("\"witness\" = 3", "\"witness\" = 0", 1);
        let e = error_of(&bad_weight);
        assert!(e.starts_with("dialogues/faq/match.toml:7: weight"), "{e}");

        // A missing language, reported at the topic's id (line 3).
        let no_german = SMALL.replacen("[topic.de]\n\"zeuge\" = 3\n", "", 1);
        let e = error_of(&no_german);
        assert!(e.starts_with("dialogues/faq/match.toml:3:"), "{e}");
        assert!(e.contains("\"de\""), "{e}");

        // A phrase without letters, a duplicate id, a misspelt language.
        let e = error_of(&SMALL.replacen("\"zeuge\" = 3", "\"*\" = 3", 1));
        assert!(e.starts_with("dialogues/faq/match.toml:10:"), "{e}");
        let e = error_of(&SMALL.replacen("id = \"password-reset\"", "id = \"witness\"", 1));
        assert!(e.starts_with("dialogues/faq/match.toml:13:"), "{e}");
        assert!(e.contains("twice"), "{e}");
        let e = error_of(&SMALL.replacen("[topic.de]", "[topic.dk]", 1));
        assert!(e.contains("dk"), "{e}");
    }
}
