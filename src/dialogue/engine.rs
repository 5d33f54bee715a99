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
            "checklist" => Command::Checklist,
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

    /// Renders a reply in `lang` for a channel (`$channel`, one of [`crate::i18n::CHANNELS`]: a text
    /// may differ where a channel works differently). A text that cannot be rendered whole
    /// is logged (and panics with `i18n.strict`); see [`Engine::try_render`].
    pub fn render(&self, lang: Lang, channel: &str, reply: &Reply) -> Rendered {
        self.render_with(reply, &mut |m| self.text(lang, channel, m))
    }

    /// One message in `lang` for a channel: the globals and `$channel` besides its own
    /// arguments.
    pub fn text(&self, lang: Lang, channel: &str, msg: &Msg) -> String {
        self.i18n
            .render(lang, &on_channel(msg, channel), &self.globals)
    }

    /// Renders a reply in `lang` for a channel, or every problem of its texts (a missing
    /// message, a variable nobody passed, an empty text).
    pub fn try_render(
        &self,
        lang: Lang,
        channel: &str,
        reply: &Reply,
    ) -> Result<Rendered, Vec<TextError>> {
        let mut errors = Vec::new();
        let rendered = self.render_with(reply, &mut |m| match self.i18n.try_render(
            lang,
            &on_channel(m, channel),
            &self.globals,
        ) {
            Ok(t) => t,
            Err((t, e)) => {
                errors.extend(e);
                t
            }
        });
        if errors.is_empty() {
            Ok(rendered)
        } else {
            Err(errors)
        }
    }

    fn render_with(&self, reply: &Reply, text_of: &mut dyn FnMut(&Msg) -> String) -> Rendered {
        // Paragraphs are separated by a blank line; list items ("• ...") follow each other.
        let mut text = String::new();
        for m in &reply.parts {
            let part = text_of(m);
            if !text.is_empty() {
                text.push_str(if part.starts_with('•') {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            text.push_str(&part);
        }
        let buttons = reply
            .buttons
            .iter()
            .map(|b| RenderedButton {
                label: text_of(&b.label),
                action: b.action.clone(),
                ticked: b.ticked,
            })
            .collect();
        Rendered {
            text,
            buttons,
            replaces_previous: reply.replaces_previous,
            keep: reply.keep,
        }
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

/// Typed at the UserID step, a text that reads as a question rather than an idea, and goes
/// to the FAQ matcher like a question anywhere else: a question mark among words ("i need
/// witness? i live here only 8 month"), or four words or more that the matcher knows. A
/// "✅ follows the rules" under a question reads as a yes and loses the question. Both
/// `?` and spaces are allowed in a UserID, so a short idea ("Zebrafisk Quokka 42",
/// "anna?") is still checked.
fn reads_as_question(text: &str, faq: &FaqMatcher) -> bool {
    let words = text.split_whitespace().count();
    (words >= 2 && text.contains('?'))
        || (words >= 4 && !matches!(faq.match_text(text), FaqMatch::NoMatch))
}

/// Folds a label or typed text for comparison: lower case, no surrounding symbols.
fn fold(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
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

    fn text(&mut self, text: &str) {
        let text: String = text.chars().take(MAX_TEXT_CHARS).collect();
        if let Some(o) = self.option_for_text(&text) {
            if o.url.is_some() {
                // A link cannot be pressed by typing; show the screen that has it.
                self.show_current();
            } else {
                self.press(&o);
            }
            return;
        }
        let current = self.current().cloned();
        if let Some(node) = &current {
            if node.kind == NodeKind::Input
                && node.input == Some(InputKind::UserId)
                && !reads_as_question(&text, &self.engine.faq)
            {
                // The checker's verdict first; a CPR-like idea also gets the warning.
                return self.userid(&text);
            }
        }
        if contains_cpr_like(&text) {
            self.delete_input = true;
            self.pending.push(Msg::new("cpr-warning"));
            self.show_current();
            return;
        }
        if let Some(node) = &current {
            if node.kind == NodeKind::Input && node.input == Some(InputKind::Date) {
                return self.date(node, &text);
            }
        }
        if let Some(node) = self.date_question_for(&text) {
            // "3.12. kl. 10" at the checklist: the appointment, not a question for the FAQ.
            self.move_to(&node.id);
            return self.date(&node, &text);
        }
        match self.engine.faq.match_text(&text) {
            FaqMatch::Sure(topic) => {
                let node = format!("faq-{topic}");
                if self.flow().node(&node).is_some() {
                    self.go(&Target::Node(node));
                    return;
                }
                self.not_understood();
            }
            FaqMatch::Unsure(topics) => {
                let mut buttons: Vec<Button> = topics
                    .iter()
                    .map(|t| format!("faq-{t}"))
                    .filter(|node| self.flow().node(node).is_some())
                    .map(|node| Button {
                        label: Msg::new(format!("{node}-q")),
                        action: ButtonAction::Callback(format!("@nav:{node}")),
                        ticked: None,
                    })
                    .collect();
                if buttons.is_empty() {
                    return self.not_understood();
                }
                buttons.push(self.nav_button("btn-faq", "faq"));
                self.pending.push(Msg::new("faq-unsure"));
                let parts = std::mem::take(&mut self.pending);
                self.emit(Reply {
                    parts,
                    buttons,
                    replaces_previous: false,
                    keep: false,
                });
            }
            FaqMatch::NoMatch => self.not_understood(),
        }
    }

    /// The date question a button on this screen leads to, when the text reads as a date
    /// for it (or as several readings to choose from): typing the date skips the button.
    fn date_question_for(&self, text: &str) -> Option<Node> {
        let mut targets = self
            .visible_options()
            .into_iter()
            .filter_map(|o| match o.goto {
                Some(Target::Node(n)) => self
                    .flow()
                    .node(&n)
                    .filter(|n| n.kind == NodeKind::Input && n.input == Some(InputKind::Date))
                    .cloned(),
                _ => None,
            });
        let node = targets.next()?;
        if targets.next().is_some() {
            return None; // Two date questions: which one is meant is not ours to guess.
        }
        let expect = match node.date_rule {
            DateReadingRule::Past => Expect::Past,
            DateReadingRule::Future => Expect::Future,
        };
        match read_when(text, self.now, expect) {
            Ok(_) | Err(WhenError::Ambiguous { .. }) => Some(node),
            Err(_) => None,
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
        let parts = std::mem::take(&mut self.pending);
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: false,
        });
    }

    fn not_understood(&mut self) {
        self.events.push(Event::Unanswered);
        let mut buttons = Vec::new();
        if self.state.resume.is_some() || self.current().is_some_and(|n| n.section.is_some()) {
            buttons.push(self.nav_button("btn-resume", "resume"));
        }
        for (label, entry) in [
            ("btn-menu", "menu"),
            ("btn-faq", "faq"),
            ("btn-book", "book"),
        ] {
            buttons.push(self.nav_button(label, entry));
        }
        self.pending.push(Msg::new("not-understood"));
        // What the bot can do, with the booking link (the phone is in "not-understood").
        self.pending.push(Msg::new("faq-can-help"));
        let parts = std::mem::take(&mut self.pending);
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: false,
        });
    }

    /// A button that works from any node: `@nav:<entry>`.
    fn nav_button(&self, label: &str, entry: &str) -> Button {
        Button {
            label: Msg::new(label),
            action: ButtonAction::Callback(format!("@nav:{entry}")),
            ticked: None,
        }
    }

    /// Matches typed text to a button on the current keyboard: its number, or its label in
    /// any of the three languages.
    fn option_for_text(&self, text: &str) -> Option<Opt> {
        let options = self.visible_options();
        let t = text.trim();
        if let Ok(n) = t.parse::<usize>() {
            return n.checked_sub(1).and_then(|i| options.get(i).cloned());
        }
        let folded = fold(t);
        if folded.is_empty() {
            return None;
        }
        let i18n = &self.engine.i18n;
        let globals = &self.engine.globals;
        let mut langs = vec![self.state.lang];
        langs.extend(Lang::ALL.into_iter().filter(|l| *l != self.state.lang));
        for lang in langs {
            for o in &options {
                if fold(&i18n.render(lang, &Msg::new(o.label.clone()), globals)) == folded {
                    return Some(o.clone());
                }
            }
        }
        None
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

    /// The UserID checker: the verdict and its reasons first, then the advice against, then
    /// (for an idea that looks like a CPR number) the CPR warning. The message is deleted.
    fn userid(&mut self, text: &str) {
        // The idea is checked and answered here, then dropped: never stored, never logged.
        self.delete_input = true;
        let check = check_userid(text);
        let length = check.length as i64;
        if check.is_allowed() {
            self.pending
                .push(Msg::new("userid-allowed").num("length", length));
        } else {
            self.pending.push(Msg::new("userid-not-allowed"));
        }
        for p in &check.problems {
            self.pending.push(match p {
                UserIdProblem::TooShort { length } => {
                    Msg::new("userid-problem-too-short").num("length", *length as i64)
                }
                UserIdProblem::TooLong { length } => {
                    Msg::new("userid-problem-too-long").num("length", *length as i64)
                }
                UserIdProblem::NotAllowed { characters } => {
                    let shown: Vec<String> = characters.iter().map(|c| c.to_string()).collect();
                    Msg::new("userid-problem-characters").str("characters", shown.join(" "))
                }
                UserIdProblem::StartsWithSpace => Msg::new("userid-problem-starts-with-space"),
                UserIdProblem::EndsWithSpace => Msg::new("userid-problem-ends-with-space"),
                UserIdProblem::TenDigits => Msg::new("userid-problem-ten-digits"),
            });
        }
        for w in &check.warnings {
            self.pending.push(Msg::new(match w {
                UserIdWarning::LooksLikeCpr => "userid-warning-cpr",
                UserIdWarning::ContainsTenDigits => "userid-warning-ten-digits",
            }));
        }
        if !text.starts_with(' ') && !text.ends_with(' ') {
            // Telegram (and the terminal) drop spaces at the ends of a message: the count
            // above cannot include them, so say so rather than count wrongly.
            self.pending.push(Msg::new("userid-ends-not-seen"));
        }
        if contains_cpr_like(text) {
            self.pending.push(Msg::new("cpr-warning"));
        }
        self.pending.push(Msg::new("userid-not-kept"));
        let parts = std::mem::take(&mut self.pending);
        let buttons = self.buttons_for_current();
        // A checker's verdict is kept: the next idea must not overwrite this one's answer.
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: true,
        });
    }

    fn date(&mut self, node: &Node, text: &str) {
        let (expect, safer) = match node.date_rule {
            DateReadingRule::Past => (Expect::Past, Safer::Latest),
            DateReadingRule::Future => (Expect::Future, Safer::Earliest),
        };
        match read_when(text, self.now, expect) {
            Ok(When::At(local)) => {
                let at = to_utc(&DateReading::DateTime(local), safer);
                self.accept_moment(node, at, false)
            }
            Ok(When::Day(_)) if node.need_time => {
                self.pending.push(Msg::new("date-need-time"));
                self.show_current();
            }
            Ok(When::Day(day)) => {
                let at = to_utc(&DateReading::Date(day), safer);
                self.accept_moment(node, at, true)
            }
            Err(WhenError::Ambiguous { options }) => {
                // Asked back, never guessed: one button for each reading.
                let mut buttons: Vec<Button> = options
                    .iter()
                    .map(|local| {
                        let at = to_utc(&DateReading::DateTime(*local), safer);
                        Button {
                            label: Msg::new("date-option").arg("when", Arg::Time(at)),
                            action: ButtonAction::Callback(callback_data(
                                &node.id,
                                &format!("@at{}", at.timestamp()),
                            )),
                            ticked: None,
                        }
                    })
                    .collect();
                buttons.extend(self.buttons_for_current());
                self.pending.push(Msg::new("date-ambiguous"));
                let parts = std::mem::take(&mut self.pending);
                self.emit(Reply {
                    parts,
                    buttons,
                    replaces_previous: false,
                    keep: false,
                });
            }
            Err(e) => {
                self.pending.push(Msg::new(match e {
                    WhenError::NoSuchDate => "date-no-such-day",
                    WhenError::InThePast => "date-in-past",
                    _ => "date-unreadable",
                }));
                self.show_current();
            }
        }
    }

    /// Stores a moment read from a date input (typed, or picked among readings) and moves on.
    fn accept_moment(&mut self, node: &Node, at: DateTime<Utc>, date_only: bool) {
        let Some(fact) = node.fact.clone() else {
            return self.show_current();
        };
        let refusal = match node.date_rule {
            DateReadingRule::Past if at > self.now + chrono::Duration::hours(24) => {
                Some("date-in-future")
            }
            DateReadingRule::Future if at <= self.now => Some("date-in-past"),
            _ => None,
        };
        if let Some(id) = refusal {
            self.pending.push(Msg::new(id));
            return self.show_current();
        }
        self.state
            .facts
            .insert(fact.clone(), Fact::Time(at.timestamp()));
        self.state.facts.insert(
            format!("{fact}_date_only"),
            Fact::One(if date_only { "yes" } else { "no" }.into()),
        );
        match node.next.clone() {
            Some(next) => self.go(&next),
            None => self.show_current(),
        }
    }

    /// Moves along a target and shows where it lands.
    fn go(&mut self, target: &Target) {
        match target {
            Target::Stay => self.show_current(),
            Target::Back => {
                let mut back = None;
                while let Some(prev) = self.state.history.pop() {
                    if prev != self.state.node && self.flow().node(&prev).is_some() {
                        back = Some(prev);
                        break;
                    }
                }
                match back {
                    Some(prev) => {
                        self.state.node = prev;
                        self.going_back = true;
                        self.resolve_and_show(false);
                    }
                    None => self.show_current(),
                }
            }
            Target::Restart => {
                self.state.facts.clear();
                self.state.history.clear();
                self.state.resume = None;
                self.state.steps.clear();
                self.pending.push(Msg::new("start-over-notice"));
                let first = self.entry_or_start("prepare");
                self.state.node = first;
                self.resolve_and_show(false);
            }
            Target::Resume => {
                if self.state.resume.is_none()
                    && self.current().is_some_and(|n| n.section.is_some())
                {
                    // Already in the guided flow: show the question again.
                    return self.show_current();
                }
                let to = self
                    .state
                    .resume
                    .clone()
                    .unwrap_or_else(|| self.entry_or_start("prepare"));
                self.move_to(&to);
                self.show_current();
            }
            Target::Node(n) => {
                if n.starts_with("@nav") {
                    return self.show_current();
                }
                let n = n.clone();
                self.move_to(&n);
                self.show_current();
            }
        }
    }

    /// Leaves the current node for `to` (following branches), keeping history and the
    /// place to resume.
    fn move_to(&mut self, to: &str) {
        let from = self.state.node.clone();
        let from_guided = self.current().is_some_and(|n| n.section.is_some());
        if !from.is_empty() && from != to {
            self.state.history.push(from.clone());
            if self.state.history.len() > HISTORY_LIMIT {
                self.state.history.remove(0);
            }
        }
        let resuming = self.state.resume.as_deref() == Some(to);
        self.state.node = to.to_string();
        self.resolve_and_show_silent();
        let to_guided = self.current().is_some_and(|n| n.section.is_some());
        if to_guided {
            if !from_guided && !resuming {
                // Into the preparation from the menu, a deep link or a command: a fresh
                // run, and the step counter starts at 1.
                self.state.steps.clear();
            }
            self.state.resume = None;
        } else if from_guided && self.state.resume.is_none() {
            self.state.resume = Some(from);
        }
    }

    /// Follows branch nodes until a node that shows something.
    fn resolve_and_show_silent(&mut self) {
        let facts = self.derived(&self.state.facts);
        for _ in 0..64 {
            let Some(node) = self.current() else { break };
            if node.kind != NodeKind::Branch {
                break;
            }
            if let Some(o) = node.count {
                self.count_once(o);
            }
            let Some(node) = self.current() else { break };
            let next = node
                .routes
                .iter()
                .find(|r| cond_holds(&r.cond, &facts))
                .map(|r| r.goto.clone());
            match next {
                Some(Target::Node(n)) => self.state.node = n,
                Some(Target::Resume) => {
                    self.state.node = self
                        .state
                        .resume
                        .clone()
                        .unwrap_or_else(|| self.entry_or_start("prepare"))
                }
                _ => {
                    self.state.node = self.flow().start.clone();
                    break;
                }
            }
        }
    }

    fn resolve_and_show(&mut self, _replace: bool) {
        self.resolve_and_show_silent();
        self.show_current();
    }

    fn buttons_for_current(&self) -> Vec<Button> {
        let facts = &self.state.facts;
        let node = match self.current() {
            Some(n) => n,
            None => return Vec::new(),
        };
        // Under every FAQ answer: "this helped" / "this did not help", counted per topic.
        let feedback: Vec<Button> = node
            .id
            .strip_prefix("faq-")
            .into_iter()
            .flat_map(|topic| {
                [("btn-faq-helped", "y"), ("btn-faq-not-helped", "n")].map(|(label, answer)| {
                    Button {
                        label: Msg::new(label),
                        action: ButtonAction::Callback(format!("@fb:{topic}:{answer}")),
                        ticked: None,
                    }
                })
            })
            .collect();
        let mut buttons: Vec<Button> = self
            .visible_options()
            .into_iter()
            .map(|o| {
                let action = match &o.url {
                    Some(_) => ButtonAction::Url(self.engine.globals.booking_url.clone()),
                    None => ButtonAction::Callback(callback_data(&node.id, &o.id)),
                };
                let ticked = (node.kind == NodeKind::Multi && o.goto.is_none()).then(|| {
                    matches!(node.fact.as_ref().and_then(|f| facts.get(f)), Some(Fact::Many(s)) if s.contains(&o.id))
                });
                Button {
                    label: Msg::new(o.label.clone()),
                    action,
                    ticked,
                }
            })
            .collect();
        buttons.extend(feedback);
        buttons
    }

    /// Shows the current node (after anything pending, such as a warning).
    fn show_current(&mut self) {
        if self.current().is_none() {
            self.state.node = self.flow().start.clone();
            self.resolve_and_show_silent();
        }
        let Some(node) = self.current().cloned() else {
            return;
        };
        let facts = self.derived(&self.state.facts);
        self.count_shown(&node, &facts);
        let mut parts = std::mem::take(&mut self.pending);
        // Results shown together with the next question: each a message of its own, first.
        for b in &node.before {
            let shown = match self.flow().node(b) {
                Some(n) => self.parts_of(n, &facts),
                None => continue,
            };
            if !shown.is_empty() {
                parts.extend(shown);
                self.emit(Reply {
                    parts: std::mem::take(&mut parts),
                    buttons: Vec::new(),
                    replaces_previous: false,
                    keep: true,
                });
            }
        }
        if let Some((step, total)) = self.progress(&node) {
            parts.push(
                Msg::new("progress")
                    .num("step", step as i64)
                    .num("total", total as i64),
            );
        }
        parts.extend(self.parts_of(&node, &facts));
        let buttons = self.buttons_for_current();
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: node.keep,
        });
    }

    /// Where the person is in the preparation: (this screen's number, the number of
    /// screens to the checklist on the path the answers so far point to). Counts only
    /// screens that ask something, as the person sees them: one more with each question,
    /// one less with Back; never a step beyond the total. `None` off the preparation, or
    /// where no path leads on to the checklist.
    fn progress(&mut self, node: &Node) -> Option<(usize, usize)> {
        if !node.is_step() {
            return None;
        }
        let steps = &mut self.state.steps;
        if steps.last() != Some(&node.id) {
            match steps.iter().rposition(|s| *s == node.id) {
                Some(i) if self.going_back => steps.truncate(i + 1),
                _ => {
                    steps.push(node.id.clone());
                    if steps.len() > STEPS_LIMIT {
                        steps.remove(0);
                    }
                }
            }
        }
        let step = self.state.steps.len();
        let ahead = self.steps_ahead(node)?;
        Some((step, step + ahead))
    }

    /// How many question screens lie between `node` and the checklist, following the
    /// first answer on each screen that leads there (the flow lists the most common
    /// answer first), with the facts those answers would set.
    fn steps_ahead(&self, node: &Node) -> Option<usize> {
        let goal = self.flow().entries.get("checklist")?.clone();
        let mut seen = BTreeSet::new();
        self.path_from(node, self.state.facts.clone(), &goal, &mut seen)
    }

    fn path_from(
        &self,
        node: &Node,
        facts: Facts,
        goal: &str,
        seen: &mut BTreeSet<String>,
    ) -> Option<usize> {
        if seen.len() > LOOKAHEAD_LIMIT * 8 {
            return None;
        }
        let derived = self.derived(&facts);
        for o in node
            .options
            .iter()
            .filter(|o| cond_holds(&o.cond, &derived))
        {
            let Some(Target::Node(to)) = &o.goto else {
                continue;
            };
            let mut f = facts.clone();
            for k in &o.clear {
                f.remove(k);
            }
            for (k, v) in &o.set {
                f.insert(k.clone(), Fact::One(v.clone()));
            }
            let Some(landing) = self.resolve_hypothetical(to, &f) else {
                continue;
            };
            if landing.id == goal {
                return Some(0);
            }
            if landing.section.is_none() || !seen.insert(format!("{}{f:?}", landing.id)) {
                continue;
            }
            if let Some(n) = self.path_from(landing, f, goal, seen) {
                return Some(n + usize::from(landing.is_step()));
            }
        }
        None
    }

    /// The node a move to `to` would show with these facts (following branches).
    fn resolve_hypothetical(&self, to: &str, facts: &Facts) -> Option<&Node> {
        let mut node = self.flow().node(to)?;
        for _ in 0..LOOKAHEAD_LIMIT {
            if node.kind != NodeKind::Branch {
                return Some(node);
            }
            let derived = self.derived(facts);
            match node.routes.iter().find(|r| cond_holds(&r.cond, &derived)) {
                Some(r) => match &r.goto {
                    Target::Node(n) => node = self.flow().node(n)?,
                    _ => return None,
                },
                None => return None,
            }
        }
        None
    }

    /// Counts an outcome for the statistics, once per conversation.
    fn count_once(&mut self, o: Outcome) {
        if self.state.counted.insert(o.name().to_string()) {
            self.events.push(Event::Outcome(o));
        }
    }

    /// The messages a node shows for these facts.
    fn parts_of(&self, node: &Node, facts: &Facts) -> Vec<Msg> {
        let mut parts = Vec::new();
        for part in &node.parts {
            if !cond_holds(&part.cond, facts) {
                continue;
            }
            match &part.each {
                None => parts.push(self.with_fact_args(Msg::new(part.msg.clone()), facts)),
                Some(f) => {
                    if let Some(Fact::Many(values)) = facts.get(f.as_str()) {
                        for v in values {
                            let id = part.msg.replace("{}", &v.replace('_', "-"));
                            parts.push(self.with_fact_args(Msg::new(id), facts));
                        }
                    }
                }
            }
        }
        parts
    }

    fn count_shown(&mut self, node: &Node, facts: &Facts) {
        if let Some(o) = node.count {
            self.count_once(o);
        }
        let one = |k: &str| facts.get(k).and_then(Fact::as_one).map(str::to_string);
        if node.id == "checklist" {
            self.events.push(Event::ChecklistShown {
                documents: one("documents"),
                witness: one("witness"),
                device: one("device"),
            });
        } else if let Some(topic) = node.id.strip_prefix("faq-") {
            self.events.push(Event::FaqAnswer {
                topic: topic.to_string(),
            });
        }
    }

    /// Every single-valued fact and every moment is available to the texts as a variable
    /// (a moment as `$x`, `$x_date` and `$x_from`); a set-valued fact as `$x_count`.
    /// A single-valued fact not answered (yet) is passed empty, so a selector on it takes
    /// its default variant: a deep link into the documents knows no `$residence`. (`check`
    /// makes sure no text shows a fact's value as words.)
    fn with_fact_args(&self, mut msg: Msg, facts: &Facts) -> Msg {
        let flow_facts = self
            .engine
            .flow
            .fact_values
            .iter()
            .filter(|(_, values)| !values.contains("*"))
            .map(|(name, _)| name.as_str());
        let derived = DERIVED.iter().filter_map(|(name, kind)| match kind {
            FactKind::One(_) => Some(*name),
            _ => None,
        });
        for name in flow_facts.chain(derived) {
            if !facts.contains_key(name) {
                msg.args.push((name.to_string(), Arg::Str(String::new())));
            }
        }
        for (k, v) in facts {
            match v {
                Fact::One(s) => msg.args.push((k.clone(), Arg::Str(s.clone()))),
                Fact::Time(_) => {
                    if let Some(t) = v.time() {
                        msg.args.extend(moment_args(k, t));
                    }
                }
                Fact::Many(set) => msg
                    .args
                    .push((format!("{k}_count"), Arg::Num(set.len() as i64))),
            }
        }
        msg
    }

    fn emit(&mut self, reply: Reply) {
        self.replies.push(reply);
    }
}
