//! The engine: `(state, input, now) -> (state, replies)`. Pure: it reads no clock, touches
//! no store and sends nothing. Everything it says is a [`Msg`] the adapters render.
//!
//! Reading typed text, in this order: (1) a button's label or number on the current
//! keyboard (so that typing "Back" on the UserID step goes back); (2) input the current
//! node waits for: a UserID idea gets the checker's verdict first, then, if it looks like
//! a CPR number, the CPR warning (and the message is deleted); (3) anything else that looks
//! like a CPR number gets the warning and goes no further; (4) a date where a button leads
//! to a date question (the checklist's "remind me": a typed date is the appointment);
//! (5) a question the FAQ matcher recognises; (6) otherwise "I did not understand", with
//! the menu, booking and the phone number.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::derive::{with_derived, FactKind, DERIVED};
use super::flow::{
    callback_data, Cond, DateReadingRule, Flow, InputKind, Node, NodeKind, Opt, Outcome, Target,
};
use super::reminders::{self, Reminder, ReminderKind};
use super::state::{Fact, Facts, State, HISTORY_LIMIT, STATE_VERSION, STEPS_LIMIT};
use crate::domain::cpr::contains_cpr_like;
use crate::domain::time::{to_utc, DateReading, Safer};
use crate::domain::userid::{check_userid, UserIdProblem, UserIdWarning};
use crate::domain::when::{read_when, Expect, When, WhenError};
use crate::faq::{FaqMatch, FaqMatcher};
use crate::i18n::{moment_args, Arg, Globals, I18n, Lang, Msg, TextError, CHANNEL_VARIABLE};

mod render;
mod screen;
mod typed;

/// Longest text the engine reads; the rest of a huge message is ignored.
const MAX_TEXT_CHARS: usize = 1000;

/// What the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `/start`, with the deep-link payload if any (`de`, `de-witness`).
    Start {
        payload: Option<String>,
    },
    Command(Command),
    /// A button press: its callback data.
    Button(String),
    /// Typed text. Read, answered, never kept.
    Text(String),
    /// A sticker, photo, voice note, location, ...: anything but text.
    Other,
}

/// The commands the engine knows (besides /start; /forget is the store's business).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Help,
    Language,
    Restart,
    Back,
    Faq,
    Book,
    UserId,
    Witness,
    Checklist,
    Privacy,
    Menu,
    Reminders,
}

impl Command {
    /// A command by its name as typed after `/` (lower case, without `@botname`), with the
    /// Danish and German aliases people try. `start` and `forget` are not engine commands.
    pub fn from_name(name: &str) -> Option<Command> {
        Some(match name {
            "help" | "hjaelp" | "hjælp" | "hilfe" => Command::Help,
            "language" | "sprog" | "sprache" => Command::Language,
            "restart" | "forfra" => Command::Restart,
            "back" => Command::Back,
            "faq" => Command::Faq,
            "book" => Command::Book,
            "userid" => Command::UserId,
            "witness" => Command::Witness,
            "checklist" | "tjekliste" | "checkliste" => Command::Checklist,
            "privacy" => Command::Privacy,
            "menu" => Command::Menu,
            "reminders" | "paamindelser" | "påmindelser" => Command::Reminders,
            _ => return None,
        })
    }

    /// The flow entry a command opens.
    fn entry(self) -> &'static str {
        match self {
            Command::Help => "help",
            Command::Language => "language",
            Command::Faq => "faq",
            Command::Book => "book",
            Command::UserId => "userid",
            Command::Witness => "witness",
            Command::Checklist => "checklist",
            Command::Privacy => "privacy",
            Command::Reminders => "reminders",
            Command::Menu | Command::Restart | Command::Back => "menu",
        }
    }
}

/// Part of a stored record: a reply not yet shown waits in the conversation's outbox
/// (`storage::Outgoing`), so a change of its shape is a change of the codec.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ButtonAction {
    /// Callback data, at most 64 bytes.
    Callback(String),
    /// A link the button opens.
    Url(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub label: Msg,
    pub action: ButtonAction,
    /// For toggles: whether it is ticked.
    pub ticked: Option<bool>,
}

/// One message to send.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reply {
    /// Paragraphs, each a whole message of its own.
    pub parts: Vec<Msg>,
    pub buttons: Vec<Button>,
    /// The reply redraws the previous screen (a toggle): adapters may edit in place.
    pub replaces_previous: bool,
    /// A message the person keeps (a verdict, the checklist, a guide, an answer, a
    /// checker's result): a channel sends it as a new message and never replaces it.
    /// Otherwise the reply is navigation, which the next screen may replace in place.
    pub keep: bool,
}

/// The result of one step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub state: State,
    pub replies: Vec<Reply>,
    /// The user's message held something private (a CPR number, a UserID idea): delete it
    /// where the channel allows.
    pub delete_input: bool,
    /// What happened, for the anonymous statistics. Never anything the user typed.
    pub events: Vec<Event>,
}

/// Something worth counting. Carries only values from the flow and the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A conversation began (the first input of a new state), in this language.
    ConversationStarted { lang: Lang },
    /// The checklist was shown, with the outcomes it was built from.
    ChecklistShown {
        documents: Option<String>,
        witness: Option<String>,
        device: Option<String>,
    },
    /// An answer of the FAQ was shown (by button or by free text).
    FaqAnswer { topic: String },
    /// "This helped" (`helped`) or "this did not help" pressed under an FAQ answer.
    FaqFeedback { topic: String, helped: bool },
    /// Typed text that nothing recognised.
    Unanswered,
    /// A node marked `count = "..."` was entered (once per conversation): the at-home
    /// guide, going on to Borgerservice after it, self-service advice for a renewal.
    Outcome(Outcome),
}

/// A reply rendered in one language, ready for a channel. Stored until shown (the
/// outbox, `storage::Outgoing`): a change of its shape is a change of the codec.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rendered {
    pub text: String,
    pub buttons: Vec<RenderedButton>,
    pub replaces_previous: bool,
    /// See [`Reply::keep`].
    pub keep: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RenderedButton {
    pub label: String,
    pub action: ButtonAction,
    pub ticked: Option<bool>,
}

/// The flow, the words and the FAQ, loaded and checked: everything a step needs.
pub struct Engine {
    pub flow: Flow,
    pub i18n: I18n,
    pub faq: FaqMatcher,
    pub globals: Globals,
}

struct Ctx<'a> {
    engine: &'a Engine,
    now: DateTime<Utc>,
    state: State,
    replies: Vec<Reply>,
    pending: Vec<Msg>,
    delete_input: bool,
    events: Vec<Event>,
    /// This step goes back (`Back`): the step counter goes back with it.
    going_back: bool,
}

/// How deep the step counter looks ahead for the rest of the preparation.
const LOOKAHEAD_LIMIT: usize = 48;

impl Engine {
    /// A fresh conversation in `lang`, on no node yet: the first input shows the start.
    pub fn new_state(&self, lang: Lang) -> State {
        State::new(lang)
    }

    /// One step of the conversation.
    pub fn step(&self, state: &State, input: Input, now: DateTime<Utc>) -> Step {
        let mut state = state.clone();
        if state.version != STATE_VERSION
            || (!state.node.is_empty() && self.flow.node(&state.node).is_none())
        {
            // A node that no longer exists (content changed): start over kindly.
            let (lang, can_push) = (state.lang, state.can_push);
            state = State::new(lang);
            state.can_push = can_push;
        }
        let mut cx = Ctx {
            engine: self,
            now,
            state,
            replies: Vec::new(),
            pending: Vec::new(),
            delete_input: false,
            events: Vec::new(),
            going_back: false,
        };
        let new = cx.state.node.is_empty();
        cx.handle(input);
        if new {
            let lang = cx.state.lang;
            cx.events.insert(0, Event::ConversationStarted { lang });
        }
        Step {
            state: cx.state,
            replies: cx.replies,
            delete_input: cx.delete_input,
            events: cx.events,
        }
    }

    /// Whether the conversation is on the personal checklist (the flow's `checklist`
    /// entry): the last reply of its screen is the checklist, which a channel may offer to
    /// print.
    pub fn on_checklist(&self, state: &State) -> bool {
        self.flow
            .entries
            .get("checklist")
            .is_some_and(|node| *node == state.node)
    }

    /// The reminders this conversation wants, still ahead of `now`.
    pub fn reminder_plan(&self, state: &State, now: DateTime<Utc>) -> Vec<Reminder> {
        reminders::plan(&state.facts, &self.globals, now)
    }

    /// The message for a due reminder, or `None` when it no longer applies (reminders
    /// cancelled, the appointment changed or already passed). The evening reminder carries
    /// the checklist, built from the stored answers.
    pub fn reminder_reply(
        &self,
        state: &State,
        reminder: &Reminder,
        now: DateTime<Utc>,
    ) -> Option<Reply> {
        let appointment = reminders::appointment(&state.facts)?;
        if appointment != reminder.appointment || appointment <= now {
            return None;
        }
        let cx = Ctx {
            engine: self,
            now,
            state: state.clone(),
            replies: Vec::new(),
            pending: Vec::new(),
            delete_input: false,
            events: Vec::new(),
            going_back: false,
        };
        let id = match reminder.kind {
            ReminderKind::Evening => "reminder-evening",
            ReminderKind::Soon => "reminder-soon",
        };
        let mut msg = Msg::new(id);
        msg.args.extend(moment_args("appointment", appointment));
        let mut parts = vec![msg];
        if reminder.kind == ReminderKind::Evening {
            if let Some(node) = self.flow.node("checklist") {
                let facts = cx.derived(&state.facts);
                parts.extend(cx.parts_of(node, &facts).into_iter().skip(1));
            }
        }
        Some(Reply {
            parts,
            buttons: Vec::new(),
            replaces_previous: false,
            keep: true,
        })
    }

    /// The screen the conversation is on (the current node's texts, step counter and
    /// buttons), without stepping: what a channel shows again when the person lost it (a
    /// web page reloaded mid-flow). `None` before the first step, or when the stored node
    /// no longer exists (the next step starts over). Counts nothing.
    pub fn current_screen(&self, state: &State, now: DateTime<Utc>) -> Option<Reply> {
        if state.version != STATE_VERSION || state.node.is_empty() {
            return None;
        }
        let node = self.flow.node(&state.node)?.clone();
        let mut cx = Ctx {
            engine: self,
            now,
            state: state.clone(),
            replies: Vec::new(),
            pending: Vec::new(),
            delete_input: false,
            events: Vec::new(),
            going_back: false,
        };
        let facts = cx.derived(&cx.state.facts);
        let mut parts = Vec::new();
        if let Some((step, total)) = cx.progress(&node) {
            parts.push(
                Msg::new("progress")
                    .num("step", step as i64)
                    .num("total", total as i64),
            );
        }
        parts.extend(cx.parts_of(&node, &facts));
        Some(Reply {
            parts,
            buttons: cx.buttons_for_current(),
            replaces_previous: false,
            keep: node.keep,
        })
    }

    /// The message ids the engine itself uses, which every locale must define.
    pub const MESSAGES: &'static [&'static str] = &[
        "progress",
        "fmt-datetime",
        "fmt-date",
        "fmt-from-date",
        "fmt-from-datetime",
        "fmt-weekday",
        "fmt-month",
        "stale-button",
        "not-understood",
        "only-text",
        "cpr-warning",
        "date-unreadable",
        "date-no-such-day",
        "date-in-future",
        "date-in-past",
        "date-need-time",
        "date-ambiguous",
        "date-option",
        "reminder-evening",
        "reminder-soon",
        "userid-allowed",
        "userid-not-allowed",
        "userid-problem-too-short",
        "userid-problem-too-long",
        "userid-problem-characters",
        "userid-problem-starts-with-space",
        "userid-problem-ends-with-space",
        "userid-problem-ten-digits",
        "userid-warning-cpr",
        "userid-warning-ten-digits",
        "userid-not-kept",
        "userid-ends-not-seen",
        "faq-unsure",
        "faq-can-help",
        "faq-feedback-thanks",
        "faq-feedback-sorry",
        "btn-faq-helped",
        "btn-faq-not-helped",
        "btn-menu",
        "btn-book",
        "btn-resume",
        "btn-faq",
        "start-over-notice",
    ];

    /// The variables the engine passes to its own messages (besides the globals), for
    /// `check`: a text may use these and no others. A moment `x` gives `x`, `x_date` and
    /// `x_from` ([`moment_args`]). Texts shown on a flow node get the facts instead
    /// (`check` knows them from the flow and `derive::FACTS`).
    pub const MESSAGE_ARGS: &'static [(&'static str, &'static [&'static str])] = &[
        ("progress", &["step", "total"]),
        ("fmt-datetime", crate::i18n::MOMENT_VARIABLES),
        ("fmt-date", crate::i18n::MOMENT_VARIABLES),
        ("fmt-from-date", crate::i18n::MOMENT_VARIABLES),
        ("fmt-from-datetime", crate::i18n::MOMENT_VARIABLES),
        ("fmt-weekday", crate::i18n::MOMENT_VARIABLES),
        ("fmt-month", crate::i18n::MOMENT_VARIABLES),
        (
            "reminder-evening",
            &["appointment", "appointment_date", "appointment_from"],
        ),
        (
            "reminder-soon",
            &["appointment", "appointment_date", "appointment_from"],
        ),
        ("date-option", &["when"]),
        ("userid-allowed", &["length"]),
        ("userid-problem-too-short", &["length"]),
        ("userid-problem-too-long", &["length"]),
        ("userid-problem-characters", &["characters"]),
    ];
}

/// `msg` with `$channel` (see [`crate::i18n::CHANNELS`]).
fn on_channel(msg: &Msg, channel: &str) -> Msg {
    msg.clone().str(CHANNEL_VARIABLE, channel)
}

fn cond_holds(cond: &Cond, facts: &Facts) -> bool {
    let matches = |name: &str, values: &[String]| -> bool {
        match facts.get(name) {
            None => false,
            Some(f) => values.iter().any(|v| {
                (v == "*" && !matches!(f, Fact::Many(s) if s.is_empty()))
                    || match f {
                        Fact::One(s) => s == v,
                        Fact::Many(set) => set.contains(v),
                        Fact::Time(_) => false,
                    }
            }),
        }
    };
    cond.when.iter().all(|(n, v)| matches(n, v)) && !cond.unless.iter().any(|(n, v)| matches(n, v))
}

impl Ctx<'_> {
    fn flow(&self) -> &Flow {
        &self.engine.flow
    }

    /// `facts` with the derived ones ([`with_derived`]) and how reminders reach this
    /// conversation (`reminder_by`: `message` where the channel can push, else
    /// `calendar`).
    fn derived(&self, facts: &Facts) -> Facts {
        let mut out = with_derived(facts, self.now, &self.engine.globals);
        let by = if self.state.can_push {
            "message"
        } else {
            "calendar"
        };
        out.insert("reminder_by".into(), Fact::One(by.into()));
        out
    }

    fn handle(&mut self, input: Input) {
        match input {
            Input::Start { payload } => self.start(payload.as_deref()),
            Input::Command(Command::Restart) => self.go(&Target::Restart),
            Input::Command(Command::Back) => {
                if self.state.node.is_empty() {
                    self.go_start();
                } else {
                    self.go(&Target::Back)
                }
            }
            Input::Command(c) => {
                let target = self.entry_or_start(c.entry());
                self.go(&Target::Node(target));
            }
            Input::Button(data) => self.button(&data),
            Input::Text(text) => self.text(&text),
            Input::Other => {
                self.pending.push(Msg::new("only-text"));
                self.show_current();
            }
        }
    }

    fn entry_or_start(&self, entry: &str) -> String {
        self.flow()
            .entries
            .get(entry)
            .cloned()
            .unwrap_or_else(|| self.flow().start.clone())
    }

    fn go_start(&mut self) {
        let start = self.flow().start.clone();
        self.go(&Target::Node(start));
    }

    /// `/start`, `/start de`, `/start de-witness`. An unknown payload starts normally.
    fn start(&mut self, payload: Option<&str>) {
        let mut target = self.flow().start.clone();
        if let Some(p) = payload {
            let p = p.trim().to_ascii_lowercase();
            let (lang, topic) = match p.split_once('-') {
                Some((l, t)) => (l.to_string(), Some(t.to_string())),
                None => (p.clone(), None),
            };
            if let Some(l) = Lang::from_code(&lang).filter(|_| lang.len() == 2) {
                self.state.lang = l;
                self.state.lang_chosen = true;
                if let Some(t) = topic {
                    if let Some(node) = self.flow().entries.get(&t) {
                        target = node.clone();
                    }
                }
            }
        }
        self.go(&Target::Node(target));
    }

    fn current(&self) -> Option<&Node> {
        self.engine.flow.node(&self.state.node)
    }

    fn visible_options(&self) -> Vec<Opt> {
        let facts = self.derived(&self.state.facts);
        let has_resume = self.state.resume.is_some();
        let has_history = !self.state.history.is_empty();
        self.current()
            .map(|n| {
                n.options
                    .iter()
                    .filter(|o| cond_holds(&o.cond, &facts))
                    .filter(|o| match o.goto {
                        Some(Target::Resume) => has_resume,
                        Some(Target::Back) => has_history,
                        _ => true,
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    fn button(&mut self, data: &str) {
        if let Some(feedback) = data.strip_prefix("@fb:") {
            return self.feedback(feedback);
        }
        if let Some(to) = data.strip_prefix("@nav:") {
            // Buttons that work from any screen: an entry (menu, faq, book, resume) or an
            // answer of the FAQ.
            if to == "resume" {
                return self.go(&Target::Resume);
            }
            let node = match self.flow().entries.get(to) {
                Some(n) => Some(n.clone()),
                None if to.starts_with("faq-") && self.flow().node(to).is_some() => {
                    Some(to.to_string())
                }
                None => None,
            };
            match node {
                Some(n) => self.go(&Target::Node(n)),
                None => {
                    self.pending.push(Msg::new("stale-button"));
                    self.show_current();
                }
            }
            return;
        }
        if let Some((node, at)) = data.split_once(":@at") {
            // A reading picked among several (an ambiguous date): only on that date input.
            let current = self.current().cloned();
            let moment = at
                .parse::<i64>()
                .ok()
                .and_then(|t| DateTime::from_timestamp(t, 0));
            if let (Some(n), Some(moment)) = (current, moment) {
                if n.id == node && n.input == Some(InputKind::Date) {
                    return self.accept_moment(&n, moment, false);
                }
            }
            self.pending.push(Msg::new("stale-button"));
            return self.show_current();
        }
        let found = data.split_once(':').and_then(|(node, opt)| {
            if node != self.state.node {
                return None;
            }
            self.visible_options()
                .into_iter()
                .find(|o| o.id == opt && o.url.is_none())
        });
        match found {
            Some(o) => self.press(&o),
            None => {
                // From an older message, from before a restart, or forged: say so calmly
                // and show where the conversation really is.
                self.pending.push(Msg::new("stale-button"));
                self.show_current();
            }
        }
    }

    /// "This helped" / "this did not help" under an FAQ answer (`<topic>:y` or `<topic>:n`):
    /// counted, thanked, and the conversation stays where it is.
    fn feedback(&mut self, data: &str) {
        let parsed = data.rsplit_once(':').and_then(|(topic, answer)| {
            let helped = match answer {
                "y" => true,
                "n" => false,
                _ => return None,
            };
            self.flow()
                .node(&format!("faq-{topic}"))
                .map(|_| (topic.to_string(), helped))
        });
        let Some((topic, helped)) = parsed else {
            self.pending.push(Msg::new("stale-button"));
            return self.show_current();
        };
        self.events.push(Event::FaqFeedback { topic, helped });
        let mut buttons = Vec::new();
        if self.state.resume.is_some() {
            buttons.push(self.nav_button("btn-resume", "resume"));
        }
        if helped {
            self.pending.push(Msg::new("faq-feedback-thanks"));
            buttons.push(self.nav_button("btn-faq", "faq"));
        } else {
            self.pending.push(Msg::new("faq-feedback-sorry"));
            buttons.push(self.nav_button("btn-faq", "faq"));
            buttons.push(self.nav_button("btn-book", "book"));
        }
        buttons.push(self.nav_button("btn-menu", "menu"));
        self.emit_aside(buttons);
    }

    /// A button that works from any node: `@nav:<entry>`.
    fn nav_button(&self, label: &str, entry: &str) -> Button {
        Button {
            label: Msg::new(label),
            action: ButtonAction::Callback(format!("@nav:{entry}")),
            ticked: None,
        }
    }

    fn press(&mut self, o: &Opt) {
        let node = match self.current() {
            Some(n) => n.clone(),
            None => return self.go_start(),
        };
        for k in &o.clear {
            self.state.facts.remove(k);
        }
        for (k, v) in &o.set {
            self.state.facts.insert(k.clone(), Fact::One(v.clone()));
        }
        if let Some(l) = o.lang {
            self.state.lang = l;
            self.state.lang_chosen = true;
        }
        match (&node.kind, &o.goto) {
            (NodeKind::Multi, None) => {
                let fact = node.fact.clone().unwrap_or_default();
                let entry = self
                    .state
                    .facts
                    .entry(fact)
                    .or_insert_with(|| Fact::Many(BTreeSet::new()));
                if !matches!(entry, Fact::Many(_)) {
                    *entry = Fact::Many(BTreeSet::new());
                }
                if let Fact::Many(set) = entry {
                    if !set.remove(&o.id) {
                        set.insert(o.id.clone());
                    }
                }
                self.show_current();
                if let Some(last) = self.replies.last_mut() {
                    last.replaces_previous = true;
                }
            }
            (_, Some(t)) => self.go(t),
            (_, None) => self.show_current(),
        }
    }
}
