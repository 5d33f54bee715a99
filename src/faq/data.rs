//! Reads `dialogues/faq/match.toml`: the phrases that point to each FAQ topic.
//!
//! The file is for staff: adding a phrasing must not need Rust. Every problem is reported as
//! `file:line: problem`, with the line of the offending key or value.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::normalise::{is_marked, join_pair, loose, raw_words, spelt_key};
use super::stem::Stemmers;
use super::FaqDataError;

/// The largest weight one phrase may carry; weights are meant to stay on a 1–5 scale.
const MAX_WEIGHT: f64 = 10.0;

type PhraseTable = BTreeMap<Spanned<String>, Spanned<f64>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatchFile {
    #[serde(default)]
    topic: Vec<TopicEntry>,
    #[serde(default, rename = "out-of-scope")]
    out_of_scope: Option<PhrasesByLanguage>,
    #[serde(default)]
    synonyms: Vec<SynonymEntry>,
    #[serde(default)]
    about: Vec<AboutEntry>,
}

/// Words people use for the same thing, one word each, by language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymEntry {
    #[serde(default)]
    da: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    de: Vec<Spanned<String>>,
}

/// Who a question is about, when that changes the answer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AboutEntry {
    who: Spanned<String>,
    moves: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    da: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    de: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    id: Spanned<String>,
    da: Option<PhraseTable>,
    en: Option<PhraseTable>,
    de: Option<PhraseTable>,
}

impl TopicEntry {
    fn by_language(&self) -> [(&'static str, Option<&PhraseTable>); 3] {
        [
            ("da", self.da.as_ref()),
            ("en", self.en.as_ref()),
            ("de", self.de.as_ref()),
        ]
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PhrasesByLanguage {
    da: Option<PhraseTable>,
    en: Option<PhraseTable>,
    de: Option<PhraseTable>,
}

impl PhrasesByLanguage {
    fn by_language(&self) -> [(&'static str, Option<&PhraseTable>); 3] {
        [
            ("da", self.da.as_ref()),
            ("en", self.en.as_ref()),
            ("de", self.de.as_ref()),
        ]
    }
}

/// One word of a phrase, already folded (see [`super::normalise::fold_words`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WordPattern {
    /// A word (its loose form and the loose form of its stem in the phrase's language);
    /// also matches its inflections, its synonyms, small typos, and a part of a compound.
    Word { loose: String, stem: String },
    /// A word matched only as written (no stem, no typos): in `[[about]]` rules, where
    /// "vidnet" (the witness) must not find "vidne" (a witness).
    Exact(String),
    /// `word*`: any word that starts with it (compounds: "sundhedskort*").
    Prefix(String),
    /// `*word`: any word that contains it ("*vollmacht" in "Generalvollmacht").
    Contains(String),
}

/// A parsed entry: all `parts` must occur (in any order); the words within a part follow one
/// another, with at most two other words between neighbours.
#[derive(Debug, Clone)]
pub struct PhraseSpec {
    pub parts: Vec<Vec<WordPattern>>,
    pub weight: f32,
}

/// A group of words that mean the same: the loose forms and stems of its members.
pub type SynonymGroup = Vec<String>;

/// "The question is about my witness": when one of `phrases` occurs, the score of each
/// `from` topic goes to its `to` topic.
#[derive(Debug, Clone)]
pub struct AboutSpec {
    pub who: String,
    pub phrases: Vec<PhraseSpec>,
    pub moves: Vec<(String, String)>,
}

/// The file's content, checked, before it is compiled for matching.
pub struct MatchData {
    /// Topic ids in file order (the order of the FAQ menu), each with its phrases.
    pub topics: Vec<(String, Vec<PhraseSpec>)>,
    /// Phrases that mark a question as outside MitID (opening hours, NemID, passports, ...).
    pub out_of_scope: Vec<PhraseSpec>,
    pub synonyms: Vec<SynonymGroup>,
    pub about: Vec<AboutSpec>,
}

pub fn parse(
    source_name: &str,
    text: &str,
    stemmers: &Stemmers,
) -> Result<MatchData, FaqDataError> {
    let error_at = |offset: usize, problem: String| FaqDataError {
        file: source_name.to_string(),
        line: line_of(text, offset),
        problem,
    };
    let file: MatchFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        error_at(offset, e.message().trim().to_string())
    })?;
    if file.topic.is_empty() {
        return Err(error_at(
            0,
            "no [[topic]] defined; each FAQ topic needs an id and da/en/de phrases".to_string(),
        ));
    }

    let mut seen = HashSet::new();
    let mut topics = Vec::with_capacity(file.topic.len());
    for entry in &file.topic {
        let id = entry.id.get_ref();
        let id_offset = entry.id.span().start;
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            return Err(error_at(
                id_offset,
                format!("topic id {id:?} must be lower-case letters, digits and '-'"),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(error_at(
                id_offset,
                format!("topic {id:?} is defined twice"),
            ));
        }
        let mut phrases = Vec::new();
        for (language, table) in entry.by_language() {
            match table {
                Some(table) if !table.is_empty() => {
                    phrases.extend(parse_table(table, language, stemmers, &error_at)?);
                }
                _ => {
                    return Err(error_at(
                        id_offset,
                        format!(
                            "topic {id:?} has no phrases for {language:?}; add [topic.{language}]"
                        ),
                    ))
                }
            }
        }
        topics.push((id.clone(), phrases));
    }

    let mut out_of_scope = Vec::new();
    if let Some(sets) = &file.out_of_scope {
        for (language, table) in sets.by_language() {
            if let Some(table) = table {
                out_of_scope.extend(parse_table(table, language, stemmers, &error_at)?);
            }
        }
    }

    // One group per language: a Danish word finds its Danish synonyms. (Across languages
    // every table is read anyway; a shared group would count one word three times.)
    let mut synonyms = Vec::new();
    for entry in &file.synonyms {
        for (language, words) in [("da", &entry.da), ("en", &entry.en), ("de", &entry.de)] {
            let mut group = Vec::new();
            for word in words {
                let raw = raw_words(word.get_ref());
                if raw.len() != 1 {
                    return Err(error_at(
                        word.span().start,
                        format!("synonym {:?} must be one word", word.get_ref()),
                    ));
                }
                for form in [loose(&raw[0]), stemmers.stem(language, &raw[0])] {
                    if !group.contains(&form) {
                        group.push(form);
                    }
                }
            }
            if group.len() > 1 {
                synonyms.push(group);
            }
        }
    }

    let mut about = Vec::new();
    for entry in &file.about {
        let mut phrases = Vec::new();
        for (language, list) in [("da", &entry.da), ("en", &entry.en), ("de", &entry.de)] {
            for phrase in list {
                // Unstemmed: the form says who ("vidnet", the witness; not "vidne").
                let _ = language;
                let parts = parse_phrase(phrase.get_ref(), "", stemmers)
                    .map_err(|problem| error_at(phrase.span().start, problem))?;
                phrases.push(PhraseSpec { parts, weight: 1.0 });
            }
        }
        let mut moves = Vec::new();
        for (from, to) in &entry.moves {
            for id in [from, to] {
                if !seen.contains(id.get_ref()) {
                    return Err(error_at(
                        id.span().start,
                        format!(
                            "about {:?}: no topic {:?} (define it with [[topic]] first)",
                            entry.who.get_ref(),
                            id.get_ref()
                        ),
                    ));
                }
            }
            moves.push((from.get_ref().clone(), to.get_ref().clone()));
        }
        about.push(AboutSpec {
            who: entry.who.get_ref().clone(),
            phrases,
            moves,
        });
    }
    Ok(MatchData {
        topics,
        out_of_scope,
        synonyms,
        about,
    })
}

fn parse_table(
    table: &PhraseTable,
    language: &str,
    stemmers: &Stemmers,
    error_at: &impl Fn(usize, String) -> FaqDataError,
) -> Result<Vec<PhraseSpec>, FaqDataError> {
    let mut specs = Vec::with_capacity(table.len());
    for (key, weight) in table {
        let w = *weight.get_ref();
        if !(w > 0.0 && w <= MAX_WEIGHT) {
            return Err(error_at(
                weight.span().start,
                format!(
                    "weight of {:?} must be above 0 and at most {MAX_WEIGHT}",
                    key.get_ref()
                ),
            ));
        }
        let parts = parse_phrase(key.get_ref(), language, stemmers)
            .map_err(|problem| error_at(key.span().start, problem))?;
        specs.push(PhraseSpec {
            parts,
            weight: w as f32,
        });
    }
    Ok(specs)
}

/// `"glemt + adgangskode"`, `"bruger-id"`, `"sundhedskort*"`, `"*vollmacht"`.
fn parse_phrase(
    raw: &str,
    language: &str,
    stemmers: &Stemmers,
) -> Result<Vec<Vec<WordPattern>>, String> {
    let mut parts = Vec::new();
    for part in raw.split('+') {
        // (typed word, wildcard in front, wildcard behind), over the whole part, so that
        // words written apart ("user id") are joined as in a typed text.
        let mut typed: Vec<(String, bool, bool)> = Vec::new();
        for token in part.split_whitespace() {
            let contains = token.starts_with('*');
            let prefix = token.ends_with('*') && !contains;
            let words = raw_words(token.trim_matches('*'));
            if words.is_empty() {
                return Err(format!(
                    "{token:?} in phrase {raw:?} has no letters or digits"
                ));
            }
            let last = words.len() - 1;
            for (i, word) in words.into_iter().enumerate() {
                typed.push((word, contains && i == 0, prefix && i == last));
            }
        }
        let mut joined: Vec<(String, bool, bool)> = Vec::with_capacity(typed.len());
        for (word, contains, prefix) in typed {
            if let Some(last) = joined.last_mut() {
                if !last.1 && !last.2 && !contains {
                    if let Some(one) = join_pair(&last.0, &word) {
                        *last = (one, false, prefix);
                        continue;
                    }
                }
            }
            joined.push((word, contains, prefix));
        }
        let words: Vec<WordPattern> = joined
            .into_iter()
            .map(|(word, contains, prefix)| {
                if contains {
                    WordPattern::Contains(loose(&word))
                } else if prefix {
                    WordPattern::Prefix(loose(&word))
                } else if let Some(key) = spelt_key(&word).filter(|_| is_marked(&word)) {
                    // A short word with a mark ("låst", "får", "på"): found only as spelt.
                    if language.is_empty() {
                        WordPattern::Exact(key)
                    } else {
                        WordPattern::Word {
                            stem: key.clone(),
                            loose: key,
                        }
                    }
                } else if language.is_empty() {
                    WordPattern::Exact(loose(&word))
                } else {
                    WordPattern::Word {
                        stem: stemmers.stem(language, &word),
                        loose: loose(&word),
                    }
                }
            })
            .collect();
        if words.is_empty() {
            return Err(format!("phrase {raw:?} has an empty part"));
        }
        parts.push(words);
    }
    Ok(parts)
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
