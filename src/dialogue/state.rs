//! The conversation's state: small, serde-serialisable, versioned, and free of anything
//! the user typed. Facts hold only values that come from the flow data (option ids) or
//! that the engine computed (a moment read from a date).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Bumped when the shape of [`State`] changes; storage migrates older records.
pub const STATE_VERSION: u32 = 1;

/// How many steps back `Back` can go.
pub const HISTORY_LIMIT: usize = 24;

/// How many question screens the step counter remembers.
pub const STEPS_LIMIT: usize = 64;

/// A fact collected from an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fact {
    /// One of the values the flow offers (an option id or a value set by an option).
    One(String),
    /// Several option ids (the ticked documents).
    Many(BTreeSet<String>),
    /// A moment, read from a date the user gave; seconds since 1970 (UTC).
    Time(i64),
}

impl Fact {
    pub fn as_one(&self) -> Option<&str> {
        match self {
            Fact::One(s) => Some(s),
            _ => None,
        }
    }

    pub fn time(&self) -> Option<DateTime<Utc>> {
        match self {
            Fact::Time(t) => DateTime::from_timestamp(*t, 0),
            _ => None,
        }
    }
}

pub type Facts = BTreeMap<String, Fact>;

/// Where one conversation stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    pub lang: Lang,
    /// Chosen by the user (menu or deep link), not guessed from Telegram's language_code.
    #[serde(default)]
    pub lang_chosen: bool,
    /// The node on screen. Empty before the first step.
    pub node: String,
    #[serde(default)]
    pub facts: Facts,
    /// Nodes passed through, for `Back`; the newest last.
    #[serde(default)]
    pub history: Vec<String>,
    /// The guided-flow node to return to after a question or a tool.
    #[serde(default)]
    pub resume: Option<String>,
    /// The question screens of this run through the preparation, oldest first, the one on
    /// screen last: its length is the step number ("Step 3 of 7"). Node ids only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// Outcomes already counted for the statistics in this conversation (`home_guide`):
    /// each is counted once, however often the screen is seen again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub counted: BTreeSet<String>,
    /// Whether the conversation's channel can send a message unasked (Telegram can). A web
    /// page cannot: there the flow offers the appointment as a calendar file instead of
    /// promising reminders (the derived fact `reminder_by`). Set by the conversation
    /// service from the channel before every step; kept across a restart.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub can_push: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(v: &bool) -> bool {
    *v
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            version: STATE_VERSION,
            lang,
            lang_chosen: false,
            node: String::new(),
            facts: Facts::new(),
            history: Vec::new(),
            resume: None,
            steps: Vec::new(),
            counted: BTreeSet::new(),
            can_push: true,
        }
    }

    pub fn one(&self, fact: &str) -> Option<&str> {
        self.facts.get(fact).and_then(Fact::as_one)
    }
}
