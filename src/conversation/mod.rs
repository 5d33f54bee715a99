//! The conversation service: the one place where a channel's input becomes a step of the
//! conversation and the step becomes screens to show. Telegram, the terminal chat and the
//! web chat translate their own input into [`Incoming`] (one parser for all:
//! [`parse_text`]), call [`Service::handle`] and show the [`Turn`] it returns.
//!
//! For every input, in this order: load the conversation's record (migrated by the
//! store), drop an update seen before (a channel redelivers after a crash), step the
//! engine, count the step's events, re-plan the reminders when the appointment changed,
//! render the replies and, on a channel that can send unasked, put them in the record's
//! outbox, save durably, and only then hand them to the channel, which says when it has
//! shown them ([`Service::shown`]); what waits after a crash is [`Service::waiting`]
//! ([`Service::pending_outbox`] lists the conversations). Background work that belongs to the
//! conversations (retention expiry, the statistics flush, due reminders through each
//! channel's [`Delivery`]) lives here too, not in an adapter.
//!
//! Must not: import an adapter (`telegram`, `console`, `web`), know how a channel shows a
//! screen (editing in place is Telegram's business), or store or log anything a person
//! typed, or which conversation a log line is about.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use futures_util::future::BoxFuture;

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::dialogue::engine::{Command, Engine, Input, Rendered};
use crate::dialogue::reminders;
use crate::dialogue::State;
use crate::i18n::{Lang, Msg};
use crate::stats::Stats;
use crate::storage::{Loaded, Record, Screen, Store, StoreError};

pub mod health;
pub mod jobs;
mod key;
pub mod messages;
pub mod stall;

pub use health::{Health, Metrics};
pub use key::{Channel, Key};

/// What a person's message or button means for the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// Something for the engine to step on.
    Engine(Input),
    /// `/forget` (or `/glem`, `/vergessen`): delete everything held for the conversation.
    Forget,
    /// The person edited a message they sent earlier: it is not read again; they are told.
    Edited,
}

impl Incoming {
    /// Whether this is a button press.
    fn is_button(&self) -> bool {
        matches!(self, Incoming::Engine(Input::Button(_)))
    }
}

/// Reads a typed message: a command (with an optional `@botname` and an argument) or
/// text. The one command parser of every channel: `/start [payload]`, `/forget` `/glem`
/// `/vergessen`, the engine's commands with their Danish and German aliases
/// ([`Command::from_name`]); an unknown command is read as text.
pub fn parse_text(text: &str) -> Incoming {
    let t = text.trim();
    let Some(cmd) = t.strip_prefix('/') else {
        return Incoming::Engine(Input::Text(t.to_string()));
    };
    let (head, arg) = match cmd.split_once(char::is_whitespace) {
        Some((h, a)) => (h, Some(a.trim().to_string()).filter(|a| !a.is_empty())),
        None => (cmd, None),
    };
    let name = head.split('@').next().unwrap_or_default().to_lowercase();
    match name.as_str() {
        "start" => return Incoming::Engine(Input::Start { payload: arg }),
        "forget" | "glem" | "vergessen" => return Incoming::Forget,
        _ => {}
    }
    let Some(command) = Command::from_name(&name) else {
        return Incoming::Engine(Input::Text(t.to_string()));
    };
    Incoming::Engine(Input::Command(command))
}

/// What one input came to: the screens to show, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// Rendered screens in order. A notice (the store lost the answers, we start over, an
    /// edited message is not read) leads the first reply, or is the only reply.
    pub replies: Vec<Rendered>,
    /// The typed message held private input (a CPR number, a UserID idea): delete it
    /// where the channel can.
    pub delete_input: bool,
    pub kind: TurnKind,
    /// The conversation's language after the turn.
    pub lang: Lang,
    /// The first reply carries a notice: a channel shows it as a new message.
    pub notice: bool,
    /// The message that showed the screen before this turn, as the channel noted it
    /// ([`Service::note_screen`]).
    pub screen: Option<Screen>,
    /// The appointment the person asked to be reminded of, when this turn set or changed
    /// it: a channel offers it as a calendar file ([`crate::calendar::for_appointment`]),
    /// the web page instead of reminders, Telegram beside them.
    pub calendar: Option<DateTime<Utc>>,
    /// On a channel that can send unasked: the replies are saved in the conversation's
    /// outbox up to this turn, and `replies` begins with what still waited there from
    /// earlier turns (kept messages a crash or a failed send held back). The channel
    /// calls [`Service::shown`] with it once it has shown them.
    pub outbox: Option<u32>,
    /// The last reply is the personal checklist: a channel may offer to print it.
    pub checklist: bool,
}

/// What kind of turn it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TurnKind {
    /// The input was handled and saved (also an edited message: a notice, no step).
    Stepped,
    /// The channel delivered this update before: it was handled; send nothing.
    Duplicate,
    /// Everything held for the conversation was deleted; `replies` says so.
    Forgotten,
    /// The store failed; nothing was saved. `replies` says so, with the phone number.
    StoreFailed,
}

/// Why screens could not be delivered.
#[derive(thiserror::Error, Debug)]
pub enum DeliveryError {
    /// The person blocked the bot or left: the channel deleted the conversation.
    #[error("the conversation is gone (blocked or left)")]
    Gone,
    /// The channel failed (network, its server); the message says how, without content.
    #[error("the channel failed: {0}")]
    Failed(String),
}

/// How the service reaches a conversation on its own initiative (a reminder): each
/// channel implements it.
pub trait Delivery: Send + Sync {
    fn channel(&self) -> Channel;
    /// Whether the channel can send without being asked (Telegram can; a web page
    /// cannot).
    fn can_push(&self) -> bool;
    /// Sends these screens to the conversation, in order.
    fn deliver<'a>(
        &'a self,
        key: &'a Key,
        screens: Vec<Rendered>,
    ) -> BoxFuture<'a, Result<(), DeliveryError>>;
}

/// The conversation service. Cheap to clone (shared parts behind `Arc`s).
#[derive(Clone)]
pub struct Service {
    pub engine: Arc<Engine>,
    pub store: Arc<dyn Store>,
    /// Anonymous counters; in memory unless given a data directory.
    pub stats: Arc<Stats>,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    /// The store's failures (`/healthz` answers 503 while saves fail).
    pub health: Arc<Health>,
    /// Updates handled, errors and latency, for `/metrics`; holds `health`.
    pub metrics: Arc<Metrics>,
}

impl Service {
    /// A service on the system clock, counting in memory.
    pub fn new(engine: Engine, store: Arc<dyn Store>, config: Config) -> Service {
        let metrics = Arc::new(Metrics::default());
        Service {
            health: metrics.health.clone(),
            metrics,
            engine: Arc::new(engine),
            store,
            stats: Arc::new(Stats::memory()),
            clock: Arc::new(SystemClock),
            config: Arc::new(config),
        }
    }

    /// The same service counting into `stats`.
    pub fn with_stats(mut self, stats: Arc<Stats>) -> Service {
        self.stats = stats;
        self
    }

    /// The same service on another clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Service {
        self.clock = clock;
        self
    }

    /// Runs a store call off the async threads: a durable save waits for the disk.
    pub async fn on_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Store) -> T + Send + 'static,
    ) -> T {
        let store = self.store.clone();
        match tokio::task::spawn_blocking(move || f(&*store)).await {
            Ok(v) => v,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }

    /// One message rendered in `lang` for `channel`.
    pub fn text(&self, lang: Lang, channel: Channel, msg: &Msg) -> String {
        self.engine.text(lang, channel.name(), msg)
    }

    fn say(&self, lang: Lang, channel: Channel, id: &str) -> Rendered {
        Rendered {
            text: self.text(lang, channel, &Msg::new(id)),
            buttons: Vec::new(),
            replaces_previous: false,
            keep: true,
        }
    }

    fn store_failed_turn(&self, lang: Lang, channel: Channel, screen: Option<Screen>) -> Turn {
        Turn {
            replies: vec![self.say(lang, channel, "store-failed")],
            delete_input: false,
            kind: TurnKind::StoreFailed,
            lang,
            notice: false,
            screen,
            calendar: None,
            outbox: None,
            checklist: false,
        }
    }

    /// Handles one input of a conversation: load, drop a redelivered `update`, step, count,
    /// re-plan reminders, save durably, render. `lang_hint`: the language for a new
    /// conversation (Telegram's language code, the browser's), else the configured default.
    pub async fn handle(
        &self,
        key: &Key,
        update: Option<i64>,
        lang_hint: Option<Lang>,
        incoming: Incoming,
    ) -> Turn {
        let now = self.clock.now();
        let default_lang = lang_hint.unwrap_or(self.config.default_language);
        let id = key.clone();
        let load = key.clone();
        let (mut record, mut notices) = match self.on_store(move |s| s.load(&load)).await {
            Ok(Loaded::Found(r)) => (r, Vec::new()),
            Ok(Loaded::Missing) => {
                // A button pressed in a conversation we hold nothing for, after the store
                // had to be started afresh: the person answered before and deserves to
                // know why the answers are gone.
                let lost = incoming.is_button() && self.store.lost_at().is_some();
                let notices = if lost { vec!["store-lost"] } else { Vec::new() };
                (Record::new(State::new(default_lang), now), notices)
            }
            Ok(Loaded::Unreadable) => {
                tracing::warn!("a stored conversation could not be read; starting over");
                (
                    Record::new(State::new(default_lang), now),
                    vec!["store-start-over"],
                )
            }
            Err(e) => {
                tracing::error!(error = %e, "store unavailable");
                self.health.store_failed();
                return self.store_failed_turn(default_lang, key.channel, None);
            }
        };
        // Whether the flow may promise reminders, or offers a calendar file (the web).
        record.state.can_push = key.channel.promises_reminders();
        // Telegram's update ids fit 32 bits; the record keeps them so.
        let update = update.map(|u| u as i32);
        let screen = record.screen;
        if update.is_some_and(|u| record.seen(u)) {
            // Delivered again (we crashed before confirming it): it was handled, so it
            // must not move the conversation a second time.
            return Turn {
                replies: Vec::new(),
                delete_input: false,
                kind: TurnKind::Duplicate,
                lang: record.state.lang,
                notice: false,
                screen,
                calendar: None,
                outbox: None,
                checklist: false,
            };
        }
        let lang = record.state.lang;
        let input = match incoming {
            Incoming::Forget => {
                let (kind, id) = match self.forget(key).await {
                    Ok(()) => (TurnKind::Forgotten, "forget-done"),
                    Err(e) => {
                        tracing::error!(error = %e, "could not forget a conversation");
                        self.health.store_failed();
                        (TurnKind::StoreFailed, "store-failed")
                    }
                };
                return Turn {
                    replies: vec![self.say(lang, key.channel, id)],
                    delete_input: false,
                    kind,
                    lang,
                    notice: false,
                    screen,
                    calendar: None,
                    outbox: None,
                    checklist: false,
                };
            }
            Incoming::Edited => {
                notices.push("edited-message");
                None
            }
            Incoming::Engine(i) => Some(i),
        };
        let before = reminders::appointment(&record.state.facts);
        let step = input.map(|i| self.engine.step(&record.state, i, now));
        if let Some(s) = &step {
            record.state = s.state.clone();
            self.stats.record(&s.events, now);
        }
        let plan = self.engine.reminder_plan(&record.state, now);
        let after = reminders::appointment(&record.state.facts);
        let replan = before != after;
        record.reminder_at = plan.iter().map(|r| r.at.timestamp()).max();
        if let Some(u) = update {
            record.mark_seen(u);
        }
        record.last_active = now.timestamp();
        let lang = record.state.lang;
        let mut replies: Vec<Rendered> = match &step {
            Some(s) => s
                .replies
                .iter()
                .map(|r| self.engine.render(lang, key.channel.name(), r))
                .collect(),
            None => Vec::new(),
        };
        // A notice leads the first reply rather than arriving as a message of its own.
        let notice = (!notices.is_empty()).then(|| {
            notices
                .iter()
                .map(|id| self.text(lang, key.channel, &Msg::new(*id)))
                .collect::<Vec<_>>()
                .join("\n\n")
        });
        let noticed = notice.is_some();
        if let Some(n) = notice {
            match replies.first_mut() {
                Some(first) => first.text = format!("{n}\n\n{}", first.text),
                None => replies.push(Rendered {
                    text: n,
                    buttons: Vec::new(),
                    replaces_previous: false,
                    keep: true,
                }),
            }
        }
        let delete_input = step.as_ref().is_some_and(|s| s.delete_input);
        let calendar = after.filter(|at| replan && *at > now);
        // The outbox: on a channel that can send unasked, the replies are saved with the
        // state, so that a crash before they are shown delays them, never loses them.
        // Not a private input's (a UserID idea's verdict may name its characters): the
        // outbox holds the bot's words, never the person's.
        let outbox = key.channel.can_push();
        if outbox && delete_input {
            record.supersede_outbox();
        } else if outbox && (!replies.is_empty() || calendar.is_some()) {
            record.push_outgoing(replies.clone(), noticed, calendar.map(|c| c.timestamp()));
        }
        let saved = record.clone();
        let result = self
            .on_store(move |s| {
                s.save(&id, &saved)?;
                if replan {
                    s.set_reminders(&id, &plan)?;
                }
                Ok::<(), StoreError>(())
            })
            .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "could not save a conversation");
            // Counted, and /healthz answers 503 until a save works again.
            self.health.store_failed();
            // Not the step's reply (it is not saved), but never silence.
            return self.store_failed_turn(lang, key.channel, screen);
        }
        self.health.store_ok();
        let turn = Turn {
            replies,
            delete_input,
            kind: TurnKind::Stepped,
            lang,
            notice: noticed,
            screen,
            calendar,
            outbox: None,
            checklist: step.is_some() && self.engine.on_checklist(&record.state),
        };
        if !outbox {
            return turn;
        }
        // What still waited from earlier turns goes first, in order (this turn's own
        // replies are the outbox's last entry, unless its input was private).
        if !delete_input || record.outbox.is_empty() {
            return waiting_turn(&record, turn);
        }
        let mut waiting = waiting_turn(&record, turn.clone());
        waiting.replies.extend(turn.replies);
        waiting.calendar = turn.calendar.or(waiting.calendar);
        waiting
    }

    /// What waits in the conversation's outbox (replies saved but not yet shown: the
    /// process stopped before, or the send failed), as a turn to show now, with
    /// [`Turn::outbox`] to clear it by. `None` when nothing waits (or nothing is stored).
    pub async fn waiting(&self, key: &Key) -> Option<Turn> {
        let id = key.clone();
        let record = match self.on_store(move |s| s.load(&id)).await {
            Ok(Loaded::Found(r)) => r,
            Ok(_) => return None,
            Err(e) => {
                tracing::error!(error = %e, "store unavailable");
                self.health.store_failed();
                return None;
            }
        };
        if record.outbox.is_empty() {
            return None;
        }
        let lang = record.state.lang;
        Some(waiting_turn(
            &record,
            Turn {
                replies: Vec::new(),
                delete_input: false,
                kind: TurnKind::Stepped,
                lang,
                notice: false,
                screen: record.screen,
                calendar: None,
                outbox: None,
                checklist: false,
            },
        ))
    }

    /// Conversations with replies waiting in their outbox, at most `limit` (a channel
    /// sends them after a restart: [`Service::waiting`], then [`Service::shown`]).
    pub async fn pending_outbox(&self, limit: usize) -> Vec<Key> {
        match self.on_store(move |s| s.pending_outbox(limit)).await {
            Ok(keys) => keys,
            Err(e) => {
                tracing::error!(error = %e, "could not list the replies waiting to be sent");
                self.health.store_failed();
                Vec::new()
            }
        }
    }

    /// The channel has shown the turn: clears the outbox up to `turn` ([`Turn::outbox`])
    /// and notes which message shows the screen now, in one write. Durable when it clears
    /// (a crash right after must not send the replies again); a failure is logged, and
    /// costs at worst the replies once more after a restart.
    pub async fn shown(&self, key: &Key, turn: Option<u32>, screen: Option<Screen>) {
        let id = key.clone();
        let result = self
            .on_store(move |s| match s.load(&id)? {
                Loaded::Found(mut r) => {
                    let cleared = turn.is_some_and(|t| r.shown(t));
                    let moved = r.screen != screen;
                    r.screen = screen;
                    if cleared {
                        s.save(&id, &r)
                    } else if moved {
                        s.save_soon(&id, &r)
                    } else {
                        Ok(())
                    }
                }
                _ => Ok(()),
            })
            .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "could not note that replies were shown");
        }
    }

    /// The screen the conversation is on, rendered again without stepping or saving (a
    /// web page reloaded mid-flow). `None` when nothing is stored (or nothing readable:
    /// the next input starts over and says so).
    pub async fn current(&self, key: &Key) -> Option<Turn> {
        let id = key.clone();
        let record = match self.on_store(move |s| s.load(&id)).await {
            Ok(Loaded::Found(mut r)) => {
                r.state.can_push = key.channel.promises_reminders();
                r
            }
            Ok(_) => return None,
            Err(e) => {
                tracing::error!(error = %e, "store unavailable");
                self.health.store_failed();
                return Some(self.store_failed_turn(
                    self.config.default_language,
                    key.channel,
                    None,
                ));
            }
        };
        let lang = record.state.lang;
        let reply = self
            .engine
            .current_screen(&record.state, self.clock.now())?;
        Some(Turn {
            replies: vec![self.engine.render(lang, key.channel.name(), &reply)],
            delete_input: false,
            kind: TurnKind::Stepped,
            lang,
            notice: false,
            screen: record.screen,
            calendar: None,
            outbox: None,
            checklist: self.engine.on_checklist(&record.state),
        })
    }

    /// Deletes everything held for the conversation (its record and its reminders).
    pub async fn forget(&self, key: &Key) -> Result<(), StoreError> {
        let id = key.clone();
        self.on_store(move |s| s.forget(&id)).await
    }

    /// Notes which message shows the conversation's screen now (a channel that edits its
    /// screen in place needs it next time). Cheap to lose: not waited for on disk.
    pub async fn note_screen(&self, key: &Key, screen: Option<Screen>) {
        let id = key.clone();
        let result = self
            .on_store(move |s| match s.load(&id)? {
                Loaded::Found(mut r) if r.screen != screen => {
                    r.screen = screen;
                    s.save_soon(&id, &r)
                }
                _ => Ok(()),
            })
            .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "could not note which message shows the screen");
        }
    }
}

/// `base` with the replies, the notice and the calendar of everything in `record`'s
/// outbox, in order, and [`Turn::outbox`] its last turn.
fn waiting_turn(record: &Record, base: Turn) -> Turn {
    let mut turn = base;
    if record.outbox.is_empty() {
        return turn;
    }
    turn.replies = record
        .outbox
        .iter()
        .flat_map(|o| o.replies.iter().cloned())
        .collect();
    turn.notice = record.outbox[0].notice;
    turn.calendar = record
        .outbox
        .iter()
        .rev()
        .find_map(|o| o.calendar)
        .and_then(|at| DateTime::from_timestamp(at, 0));
    turn.outbox = record.outbox.last().map(|o| o.turn);
    turn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_read_with_bot_names_and_arguments() {
        assert_eq!(
            parse_text("/start de-witness"),
            Incoming::Engine(Input::Start {
                payload: Some("de-witness".into())
            })
        );
        assert_eq!(
            parse_text("/start@mitid_bot"),
            Incoming::Engine(Input::Start { payload: None })
        );
        assert_eq!(
            parse_text("/FAQ"),
            Incoming::Engine(Input::Command(Command::Faq))
        );
        assert_eq!(
            parse_text("/sprog"),
            Incoming::Engine(Input::Command(Command::Language))
        );
        assert_eq!(
            parse_text("/HJÆLP"),
            Incoming::Engine(Input::Command(Command::Help))
        );
        assert_eq!(parse_text("/forget"), Incoming::Forget);
        assert_eq!(parse_text("/glem"), Incoming::Forget);
        assert_eq!(parse_text("/Vergessen@mitid_bot"), Incoming::Forget);
        assert_eq!(
            parse_text("/nonsense"),
            Incoming::Engine(Input::Text("/nonsense".into()))
        );
        assert_eq!(
            parse_text("  hej  "),
            Incoming::Engine(Input::Text("hej".into()))
        );
    }

    fn service() -> Service {
        let engine = crate::check::load(
            &crate::content::ContentSource::embedded(),
            crate::i18n::Globals::default(),
        )
        .expect("content loads");
        Service::new(
            engine,
            Arc::new(crate::storage::MemoryStore::new()),
            Config::default(),
        )
    }

    #[tokio::test]
    async fn an_update_seen_before_sends_nothing_and_a_reload_shows_the_same_screen() {
        let service = service();
        let key = Key::web("tab".into());
        assert_eq!(service.current(&key).await, None, "nothing stored yet");
        let start = Incoming::Engine(Input::Start { payload: None });
        let first = service
            .handle(&key, Some(1), Some(Lang::Da), start.clone())
            .await;
        assert_eq!(first.kind, TurnKind::Stepped);
        assert_eq!(first.lang, Lang::Da);
        let shown = first.replies.last().expect("a screen").clone();
        assert!(!shown.buttons.is_empty());
        let again = service.handle(&key, Some(1), None, start).await;
        assert_eq!(again.kind, TurnKind::Duplicate);
        assert!(again.replies.is_empty());
        let reloaded = service.current(&key).await.expect("stored");
        assert_eq!(reloaded.replies, vec![shown]);

        let gone = service
            .handle(&key, Some(2), None, parse_text("/glem"))
            .await;
        assert_eq!(gone.kind, TurnKind::Forgotten);
        assert_eq!(service.current(&key).await, None, "forgotten");
        assert!(service.store.is_empty().unwrap());
    }

    #[tokio::test]
    async fn replies_wait_in_the_outbox_until_shown_and_a_newer_screen_replaces_a_waiting_one() {
        use crate::dialogue::engine::ButtonAction;
        let service = service();
        let key = Key::telegram(77);
        let start = Incoming::Engine(Input::Start { payload: None });
        let first = service.handle(&key, Some(1), Some(Lang::En), start).await;
        assert!(
            first.outbox.is_some(),
            "a Telegram turn is saved to be sent"
        );
        assert_eq!(service.pending_outbox(10).await, vec![key.clone()]);
        let waiting = service.waiting(&key).await.expect("it waits");
        assert_eq!(waiting.replies, first.replies);
        assert_eq!(waiting.outbox, first.outbox);

        // Not shown (the process stopped before), and the person pressed on: the screen
        // that never went out is replaced; what they keep still comes, first.
        let Some(ButtonAction::Callback(data)) = first
            .replies
            .last()
            .and_then(|r| r.buttons.first())
            .map(|b| b.action.clone())
        else {
            panic!("the greeting has a button");
        };
        let second = service
            .handle(&key, Some(2), None, Incoming::Engine(Input::Button(data)))
            .await;
        let kept: Vec<Rendered> = first.replies.iter().filter(|r| r.keep).cloned().collect();
        let own = second.replies[kept.len()..].to_vec();
        assert_eq!(second.replies[..kept.len()], kept[..]);
        assert!(!own.is_empty() && !own.contains(first.replies.last().unwrap()));
        assert_eq!(service.waiting(&key).await.unwrap().replies, second.replies);

        // Shown: nothing waits any more, and the screen is noted.
        let screen = Some(Screen {
            message: 9,
            kept: false,
        });
        service.shown(&key, second.outbox, screen).await;
        assert_eq!(service.waiting(&key).await, None);
        assert!(service.pending_outbox(10).await.is_empty());
        let third = service
            .handle(&key, Some(3), None, parse_text("/help"))
            .await;
        assert_eq!(third.screen, screen);

        // A private input's replies are not kept (a UserID verdict may name what was
        // typed), and come once.
        let asked = service
            .handle(&key, Some(4), None, parse_text("/userid"))
            .await;
        service.shown(&key, asked.outbox, screen).await;
        let private = service
            .handle(&key, Some(5), None, parse_text("hans æøå"))
            .await;
        assert!(private.delete_input);
        assert_eq!(private.outbox, None);
        assert_eq!(service.waiting(&key).await, None);
        let texts: Vec<&str> = private.replies.iter().map(|r| r.text.as_str()).collect();
        let mut unique = texts.clone();
        unique.dedup();
        assert_eq!(texts, unique, "each reply once");

        // The web has no outbox: its page is the answer to the request.
        let web = Key::web("tab".into());
        let turn = service
            .handle(&web, None, Some(Lang::Da), parse_text("/start"))
            .await;
        assert_eq!(turn.outbox, None);
        assert_eq!(service.waiting(&web).await, None);
    }
}
