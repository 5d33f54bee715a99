//! The Telegram channel: teloxide's dispatcher in front of the conversation service.
//!
//! For every update of a private chat: translate it into an [`Incoming`] and hand it to
//! [`Service::handle`] (which loads, drops a redelivered update, steps, saves durably),
//! then show the [`Turn`]. Updates of one chat are handled in order, different chats in
//! parallel (teloxide distributes by chat). A button press is answered as it arrives
//! (`answer.rs`), before all that. Telegram is told an update is done only when its
//! handler has finished (`confirm.rs`: the polling offset, the webhook's answer). Replies
//! edit the screen in place or come as new messages (`show`; ARCHITECTURE.md, "Screens
//! and kept messages"), and once shown the service is told (`Service::shown`): until then
//! they wait in the chat's outbox, saved with the step, and a restart sends what waits
//! (`outbox.rs`). Reminders reach a chat through `TelegramDelivery`, called by the
//! service's jobs.
//!
//! Must not: hold dialogue logic or load and save conversations (the service does),
//! store or log anything a user typed, or let the bot token reach a log line (see
//! [`redact`]).

mod answer;
mod confirm;
mod limits;
mod outbox;
mod render;
mod show;

use std::sync::Arc;
use std::time::Duration;

use teloxide::error_handlers::ErrorHandler;
use teloxide::payloads::{
    SetMyCommandsSetters, SetMyDescriptionSetters, SetMyShortDescriptionSetters,
};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, ChatId, MessageId, UpdateKind};
use teloxide::update_listeners::UpdateListener as _;
use teloxide::RequestError;

use crate::clock::Clock;
use crate::config::Config;
use crate::conversation::jobs::{Jobs, ReminderTimer};
use crate::conversation::Key;
use crate::conversation::{Channel, Delivery, DeliveryError, Service, Turn, TurnKind};
use crate::dialogue::engine::{Engine, Input, Rendered};
use crate::i18n::{Lang, Msg};
use crate::stats::Stats;
use crate::storage::Store;
use futures_util::future::BoxFuture;

pub use crate::conversation::{parse_text, Incoming};
pub use limits::{Limiter, Limits, Priority};
pub use render::{split_text, MAX_TEXT};
use show::{send_calendar, send_or_forget, send_retrying, show, strip};

/// What the handlers need of a bot: teloxide's `Bot` (Telegram's rate limits are kept
/// by [`App::limiter`], not by an adaptor).
pub trait TgBot:
    Requester<
        Err = RequestError,
        GetUpdates: Send,
        DeleteWebhook: Send,
        SetWebhook: Send,
        GetMe: Send,
        SendMessage: Send,
        SendDocument: Send,
        EditMessageText: Send,
        EditMessageReplyMarkup: Send,
        AnswerCallbackQuery: Send,
        DeleteMessage: Send,
        SetMyCommands: Send,
        SetMyDescription: Send,
        SetMyShortDescription: Send,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<B> TgBot for B where
    B: Requester<
            Err = RequestError,
            GetUpdates: Send,
            DeleteWebhook: Send,
            SetWebhook: Send,
            GetMe: Send,
            SendMessage: Send,
            SendDocument: Send,
            EditMessageText: Send,
            EditMessageReplyMarkup: Send,
            AnswerCallbackQuery: Send,
            DeleteMessage: Send,
            SetMyCommands: Send,
            SetMyDescription: Send,
            SetMyShortDescription: Send,
        > + Clone
        + Send
        + Sync
        + 'static
{
}

/// The commands shown in Telegram's menu, with the message that describes each.
const COMMANDS: &[(&str, &str)] = &[
    ("start", "cmd-start"),
    ("menu", "cmd-menu"),
    ("faq", "cmd-faq"),
    ("witness", "cmd-witness"),
    ("userid", "cmd-userid"),
    ("checklist", "cmd-checklist"),
    ("reminders", "cmd-reminders"),
    ("book", "cmd-book"),
    ("language", "cmd-language"),
    ("restart", "cmd-restart"),
    ("privacy", "cmd-privacy"),
    ("forget", "cmd-forget"),
    ("help", "cmd-help"),
];

/// Everything a handler needs: the conversation service and Telegram's own settings.
pub struct App {
    pub service: Service,
    /// How often due reminders are looked for.
    pub reminder_tick: Duration,
    /// Wakes the reminder sender before its tick (tests that moved the clock on).
    pub wake_reminders: Arc<tokio::sync::Notify>,
    /// Telegram's rate limits for new messages ([`Limits::telegram`], `limits.rs`), with
    /// replies before reminders; `None` sends without waiting. Only tests and benchmarks
    /// against a local fake Bot API turn it off (`rate_limits = "off"`): the real Telegram
    /// answers a bot that exceeds them with 429s.
    pub limiter: Option<Limiter>,
    /// Chats whose replies saved before a restart are being sent (`outbox.rs`): their
    /// next update waits for them.
    resending: outbox::Resending,
}

impl App {
    pub fn new(engine: Engine, store: Arc<dyn Store>, config: Config) -> App {
        App::serving(Service::new(engine, store, config))
    }

    /// Telegram in front of a conversation service (shared with other channels).
    pub fn serving(service: Service) -> App {
        App {
            reminder_tick: Duration::from_secs(20),
            wake_reminders: Arc::default(),
            limiter: service
                .config
                .rate_limits
                .then(|| Limiter::new(Limits::telegram())),
            resending: outbox::Resending::default(),
            service,
        }
    }

    /// The same app counting into `stats`.
    pub fn with_stats(mut self, stats: Arc<Stats>) -> App {
        self.service = self.service.with_stats(stats);
        self
    }

    /// The same app on another clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> App {
        self.service = self.service.with_clock(clock);
        self
    }
}

/// The bot's @username, for links to a private chat.
#[derive(Clone)]
struct BotName(String);

/// The language for a new conversation: Telegram's language_code if we speak it, else the
/// configured default.
pub fn language_for(code: Option<&str>, default: Lang) -> Lang {
    code.and_then(Lang::from_code).unwrap_or(default)
}

/// Removes the token from a text before it is logged.
pub fn redact(text: &str, token: &str) -> String {
    if token.is_empty() {
        return text.to_string();
    }
    text.replace(token, "<token>")
}

/// Runs the bot with long polling until SIGINT or SIGTERM, with the token and API address
/// from `TELOXIDE_TOKEN` and `TELOXIDE_API_URL`.
pub async fn run(app: Arc<App>) -> anyhow::Result<()> {
    let token = std::env::var("TELOXIDE_TOKEN").unwrap_or_default();
    if token.trim().is_empty() {
        anyhow::bail!("TELOXIDE_TOKEN is not set: get a token from @BotFather and set it, or run `mitid-bot chat` to try the bot in the terminal");
    }
    if let Ok(url) = std::env::var("TELOXIDE_API_URL") {
        if reqwest_url_ok(&url).is_none() {
            anyhow::bail!("TELOXIDE_API_URL is not a valid address: {url}");
        }
    }
    serve(Bot::from_env(), app, wait_for_signal()).await
}

/// Runs the bot until `stop` completes, then finishes the updates in flight and returns.
/// With `webhook_url` and `listen` configured it takes updates by webhook (checking the
/// secret), else by long polling; `listen` alone serves `/healthz` and `/metrics` next to
/// polling.
pub async fn serve(
    bot: Bot,
    app: Arc<App>,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let token = bot.token().to_string();
    serve_with(bot, token, app, stop).await
}

async fn serve_with<B: TgBot>(
    bot: B,
    token: String,
    app: Arc<App>,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let me = match bot.get_me().await {
        Ok(me) => me,
        Err(e) => anyhow::bail!(
            "Telegram did not answer getMe: {}",
            redact(&e.to_string(), &token)
        ),
    };
    tracing::info!(bot = %me.username(), "connected to Telegram");
    announce(&bot, &app, &token).await;
    let username = app
        .service
        .config
        .bot_username
        .clone()
        .unwrap_or_else(|| me.username().to_string());

    if app.limiter.is_none() {
        tracing::warn!("Telegram's rate limits are off: only for a local fake Bot API");
    }
    let answers = Arc::new(answer::Answers::default());
    let ledger = Arc::new(confirm::Ledger::default());
    let handler = dptree::endpoint(on_update::<B>);
    let mut dispatcher = Dispatcher::builder(bot.clone(), handler)
        .dependencies(dptree::deps![
            app.clone(),
            BotName(username),
            answers.clone(),
            ledger.clone()
        ])
        .default_handler(|_| async {})
        .error_handler(Arc::new(Redacting(token.clone())))
        .build();

    let shutdown = dispatcher.shutdown_token();
    let (stopped_tx, stopped_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        stop.await;
        tracing::info!("shutting down: finishing updates in flight");
        let _ = stopped_tx.send(true);
        // Retry until the dispatcher is running (a stop can come before it started).
        loop {
            match shutdown.shutdown() {
                Ok(f) => {
                    f.await;
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    });
    let delivery: Arc<dyn Delivery> = Arc::new(TelegramDelivery {
        bot: bot.clone(),
        app: app.clone(),
        token: token.clone(),
    });
    let jobs = Jobs::start(
        &app.service,
        vec![delivery],
        ReminderTimer {
            tick: app.reminder_tick,
            wake: app.wake_reminders.clone(),
        },
    );
    // Replies saved before a restart but never sent go out first, while updates come in.
    let resent = outbox::resend(bot.clone(), app.clone()).await;
    let health =
        crate::conversation::health::router(app.service.metrics.clone(), app.service.store.clone());
    let until_stopped = move || {
        let mut rx = stopped_rx.clone();
        async move {
            let _ = rx.wait_for(|s| *s).await;
        }
    };

    match (&app.service.config.webhook_url, app.service.config.listen) {
        (Some(url), Some(addr)) => {
            let url: url::Url = url
                .parse()
                .map_err(|e| anyhow::anyhow!("webhook_url: {e}"))?;
            let mut options = teloxide::update_listeners::webhooks::Options::new(addr, url);
            if let Some(secret) = &app.service.config.webhook_secret {
                options = options.secret_token(secret.clone());
            }
            let (listener, listener_stopped, router) =
                teloxide::update_listeners::webhooks::axum_to_router(bot.clone(), options)
                    .await
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "could not set the webhook: {}",
                            redact(&e.to_string(), &token)
                        )
                    })?;
            let tcp = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
            tracing::info!(%addr, "taking updates by webhook");
            // Telegram gets its answer once the update is handled (`confirm.rs`).
            let router = router.layer(axum::middleware::from_fn_with_state(
                ledger.clone(),
                confirm::after_handling,
            ));
            let server = tokio::spawn(async move {
                axum::serve(tcp, router.merge(health))
                    .with_graceful_shutdown(listener_stopped)
                    .await
            });
            let mut listener = answer::AnswerFirst {
                inner: listener,
                bot: bot.clone(),
                answers: answers.clone(),
            };
            stop_listener_when(listener.stop_token(), until_stopped());
            dispatcher
                .dispatch_with_listener(listener, Arc::new(Redacting(token)))
                .await;
            let _ = server.await;
        }
        (_, listen) => {
            let server = match listen {
                Some(addr) => {
                    let tcp = tokio::net::TcpListener::bind(addr)
                        .await
                        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
                    tracing::info!(%addr, "serving /healthz and /metrics");
                    let done = until_stopped();
                    Some(tokio::spawn(async move {
                        axum::serve(tcp, health).with_graceful_shutdown(done).await
                    }))
                }
                None => None,
            };
            if let Err(e) = bot.delete_webhook().await {
                tracing::warn!(error = %redact(&e.to_string(), &token), "could not delete a webhook");
            }
            let polling = confirm::ConfirmedPolling::new(
                bot.clone(),
                ledger.clone(),
                Duration::from_secs(25),
            );
            let mut listener = answer::AnswerFirst {
                inner: polling,
                bot: bot.clone(),
                answers,
            };
            stop_listener_when(listener.stop_token(), until_stopped());
            tracing::info!("polling for updates");
            dispatcher
                .dispatch_with_listener(listener, Arc::new(Redacting(token)))
                .await;
            // Every update in flight is finished: Telegram may forget them.
            confirm::confirm(&bot, &ledger).await;
            if let Some(server) = server {
                let _ = server.await;
            }
        }
    }
    outbox::finish(resent, Duration::from_secs(10)).await;
    jobs.stop().await;
    tracing::info!("stopped");
    Ok(())
}

/// Stops the update listener itself when `stopped` completes. teloxide's shutdown token
/// alone is not enough: the dispatcher hears of a shutdown only while it waits for the next
/// update (a `notify_waiters` without a permit), so a shutdown that comes while it hands an
/// update to a worker is lost and the bot polls on after SIGTERM. A listener that ends makes
/// the dispatcher finish the updates in flight and return, whatever it was doing.
fn stop_listener_when(
    token: teloxide::stop::StopToken,
    stopped: impl std::future::Future<Output = ()> + Send + 'static,
) {
    tokio::spawn(async move {
        stopped.await;
        token.stop();
    });
}

fn reqwest_url_ok(url: &str) -> Option<()> {
    (url.starts_with("http://") || url.starts_with("https://")).then_some(())
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Telegram as a way to reach a conversation unasked (reminders): it can push.
struct TelegramDelivery<B> {
    bot: B,
    app: Arc<App>,
    token: String,
}

impl<B: TgBot> Delivery for TelegramDelivery<B> {
    fn channel(&self) -> Channel {
        Channel::Telegram
    }

    fn can_push(&self) -> bool {
        true
    }

    fn deliver<'a>(
        &'a self,
        key: &'a Key,
        screens: Vec<Rendered>,
    ) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let Some(chat) = key.telegram_chat() else {
                return Err(DeliveryError::Failed("not a Telegram conversation".into()));
            };
            for screen in screens {
                let keyboard = render::keyboard(&screen.buttons);
                match send_or_forget(
                    &self.bot,
                    &self.app,
                    Priority::Background,
                    ChatId(chat),
                    &screen.text,
                    keyboard,
                )
                .await
                {
                    Ok(Some(_)) => {}
                    Ok(None) => return Err(DeliveryError::Gone),
                    Err(e) => {
                        return Err(DeliveryError::Failed(redact(&e.to_string(), &self.token)))
                    }
                }
            }
            Ok(())
        })
    }
}

/// Logs errors with the token removed.
struct Redacting(String);

impl<E: std::fmt::Debug + Send + 'static> ErrorHandler<E> for Redacting {
    fn handle_error(self: Arc<Self>, error: E) -> futures_util::future::BoxFuture<'static, ()> {
        let text = redact(&format!("{error:?}"), &self.0);
        Box::pin(async move { tracing::error!(error = %text, "telegram error") })
    }
}

/// Registers the command menu and the descriptions in da, de and (as default) en.
async fn announce<B: TgBot>(bot: &B, app: &App, token: &str) {
    for lang in [Lang::En, Lang::Da, Lang::De] {
        let text = |id: &str| {
            app.service
                .engine
                .i18n
                .render(lang, &Msg::new(id), &app.service.engine.globals)
        };
        let commands: Vec<BotCommand> = COMMANDS
            .iter()
            .map(|(c, id)| BotCommand::new(*c, text(id)))
            .collect();
        let code = (lang != Lang::En).then(|| lang.code().to_string());
        let mut req = bot.set_my_commands(commands);
        if let Some(c) = &code {
            req = req.language_code(c.clone());
        }
        if let Err(e) = req.await {
            tracing::warn!(lang = %lang, error = %redact(&e.to_string(), token), "could not set commands");
        }
        let mut d = bot
            .set_my_description()
            .description(text("bot-description"));
        let mut s = bot
            .set_my_short_description()
            .short_description(text("bot-short-description"));
        if let Some(c) = &code {
            d = d.language_code(c.clone());
            s = s.language_code(c.clone());
        }
        let _ = d.await;
        let _ = s.await;
    }
}

async fn timed(
    app: &App,
    started: std::time::Instant,
    result: Result<(), RequestError>,
) -> Result<(), RequestError> {
    if result.is_err() {
        app.service.metrics.error();
    }
    app.service.metrics.observe(started.elapsed());
    result
}

/// Every update: handled by its kind, then marked done, so that polling confirms it to
/// Telegram (`polling.rs`) only now.
async fn on_update<B: TgBot>(
    bot: B,
    app: Arc<App>,
    name: BotName,
    answers: Arc<answer::Answers>,
    ledger: Arc<confirm::Ledger>,
    update: Update,
) -> Result<(), RequestError> {
    let _handling = ledger.handling(update.id.0 as i32);
    crate::conversation::stall::at("before-handle").await;
    match update.kind.clone() {
        UpdateKind::Message(msg) => on_message(bot, app, name, update, msg).await,
        UpdateKind::EditedMessage(msg) => on_edited(bot, app, update, msg).await,
        UpdateKind::CallbackQuery(q) => on_callback(bot, app, answers, update, q).await,
        _ => Ok(()),
    }
}

async fn on_message<B: TgBot>(
    bot: B,
    app: Arc<App>,
    name: BotName,
    update: Update,
    msg: Message,
) -> Result<(), RequestError> {
    let lang_code = msg.from.as_ref().and_then(|u| u.language_code.clone());
    if !msg.chat.is_private() {
        return in_group(&bot, &app, &name, &msg, lang_code.as_deref()).await;
    }
    let incoming = match msg.text() {
        Some(t) => parse_text(t),
        None => Incoming::Engine(Input::Other),
    };
    let started = std::time::Instant::now();
    let result = handle(
        &bot,
        &app,
        update.id.0 as i32,
        msg.chat.id,
        lang_code.as_deref(),
        incoming,
        Some(msg.id),
        None,
    )
    .await;
    timed(&app, started, result).await
}

async fn on_edited<B: TgBot>(
    bot: B,
    app: Arc<App>,
    update: Update,
    msg: Message,
) -> Result<(), RequestError> {
    if !msg.chat.is_private() {
        return Ok(());
    }
    let lang_code = msg.from.as_ref().and_then(|u| u.language_code.clone());
    let started = std::time::Instant::now();
    let result = handle(
        &bot,
        &app,
        update.id.0 as i32,
        msg.chat.id,
        lang_code.as_deref(),
        Incoming::Edited,
        None,
        None,
    )
    .await;
    timed(&app, started, result).await
}

/// A button press. It was answered as it arrived ([`answer`]); here it moves the dialogue.
async fn on_callback<B: TgBot>(
    bot: B,
    app: Arc<App>,
    answers: Arc<answer::Answers>,
    update: Update,
    q: CallbackQuery,
) -> Result<(), RequestError> {
    let Some(message) = q.message.as_ref() else {
        answers.forget(&q.id.0);
        return Ok(());
    };
    let chat = message.chat();
    if !chat.is_private() {
        answers.forget(&q.id.0);
        return Ok(());
    }
    let data = q.data.clone().unwrap_or_default();
    let lang_code = q.from.language_code.clone();
    let pressed = Pressed {
        answers: answers.clone(),
        query: q.id.0.clone(),
        message: message.id(),
    };
    let started = std::time::Instant::now();
    let result = handle(
        &bot,
        &app,
        update.id.0 as i32,
        chat.id,
        lang_code.as_deref(),
        Incoming::Engine(Input::Button(data)),
        None,
        Some(pressed),
    )
    .await;
    timed(&app, started, result).await
}

/// A button press being handled: which message it came from, and its answer.
struct Pressed {
    answers: Arc<answer::Answers>,
    query: String,
    message: MessageId,
}

impl Pressed {
    /// Waits for the press's answer to have gone out; then the reply may follow.
    async fn answered(&self) {
        self.answers.answered(&self.query).await;
    }
}

/// In a group the bot answers /start with a pointer to a private chat and otherwise stays
/// quiet: what people discuss there is not for us. At most one pointer every three seconds
/// per group, which keeps within Telegram's 20 messages a minute in a group.
async fn in_group<B: TgBot>(
    bot: &B,
    app: &App,
    name: &BotName,
    msg: &Message,
    lang_code: Option<&str>,
) -> Result<(), RequestError> {
    let Some(text) = msg.text() else {
        return Ok(());
    };
    if !matches!(parse_text(text), Incoming::Engine(Input::Start { .. })) {
        return Ok(());
    }
    let key = format!("group-pointer:{}", msg.chat.id.0);
    let first = app
        .service
        .on_store(move |s| s.claim_once(&key, Duration::from_secs(3)))
        .await;
    if !first.unwrap_or(true) {
        return Ok(());
    }
    let lang = language_for(lang_code, app.service.config.default_language);
    let link = format!("https://t.me/{}", name.0);
    let text = app.service.engine.i18n.render(
        lang,
        &Msg::new("group-private-only").str("link", link),
        &app.service.engine.globals,
    );
    send_retrying(
        bot,
        app.limiter.as_ref(),
        Priority::Interactive,
        msg.chat.id,
        &text,
        None,
    )
    .await
    .map(|_| ())
}

/// One update of a private chat: the conversation service steps and saves, then the
/// turn is shown here, Telegram's way (`show`).
#[allow(clippy::too_many_arguments)]
async fn handle<B: TgBot>(
    bot: &B,
    app: &App,
    update_id: i32,
    chat: ChatId,
    lang_code: Option<&str>,
    incoming: Incoming,
    user_message: Option<MessageId>,
    pressed: Option<Pressed>,
) -> Result<(), RequestError> {
    let forget_answer = || {
        if let Some(p) = &pressed {
            p.answers.forget(&p.query);
        }
    };
    let key = Key::telegram(chat.0);
    let hint = lang_code.and_then(Lang::from_code);
    // Replies saved before a restart and being sent now come first.
    app.resending.settled(chat.0).await;
    let turn = app
        .service
        .handle(&key, Some(i64::from(update_id)), hint, incoming)
        .await;
    let text = |turn: &Turn| {
        turn.replies
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    match turn.kind {
        TurnKind::Stepped => {}
        TurnKind::Duplicate => {
            forget_answer();
            return Ok(());
        }
        TurnKind::StoreFailed | TurnKind::Forgotten => {
            if turn.kind == TurnKind::StoreFailed {
                // Not the step's reply (it is not saved), but never silence.
                forget_answer();
            } else if let Some(screen) = turn.screen {
                // Forgotten: the screen's buttons would start a new conversation.
                strip(bot, chat, screen).await;
            }
            return send_retrying(
                bot,
                app.limiter.as_ref(),
                Priority::Interactive,
                chat,
                &text(&turn),
                None,
            )
            .await
            .map(|_| ());
        }
    }
    // The step and its replies are saved (in the outbox): a crash from here on delays
    // the replies until the restart, never loses them.
    crate::conversation::stall::at("before-send").await;
    if let Some(p) = &pressed {
        p.answered().await;
    }
    if turn.delete_input {
        if let Some(id) = user_message {
            // Private input (a CPR number, a UserID idea): remove it from the chat.
            let bot = bot.clone();
            tokio::spawn(async move {
                let _ = bot.delete_message(chat, id).await;
            });
        }
    }
    let from = pressed.as_ref().map(|p| p.message);
    show_turn(bot, app, chat, &key, turn, from).await
}

/// Shows a stepped turn (`show`), sends its calendar file, and tells the service it was
/// shown ([`Service::shown`]: the outbox is cleared, the screen noted). `pressed`: the
/// message whose button was pressed, none for typed input or replies sent after a
/// restart. An error leaves the replies in the outbox.
async fn show_turn<B: TgBot>(
    bot: &B,
    app: &App,
    chat: ChatId,
    key: &Key,
    turn: Turn,
    pressed: Option<MessageId>,
) -> Result<(), RequestError> {
    let single_notice =
        turn.notice && turn.replies.len() == 1 && turn.replies[0].buttons.is_empty();
    let screen = if single_notice {
        // A notice alone (an edited message is not read): a new message, and the screen
        // stays the screen.
        let text = &turn.replies[0].text;
        if send_or_forget(bot, app, Priority::Interactive, chat, text, None)
            .await?
            .is_none()
        {
            return Ok(()); // blocked: everything held for the chat is gone
        }
        turn.screen
    } else if turn.replies.is_empty() {
        turn.screen
    } else {
        let Some(screen) = show(
            bot,
            app,
            chat,
            turn.screen,
            pressed,
            turn.replies,
            turn.notice,
        )
        .await?
        else {
            return Ok(()); // blocked: everything held for the chat is gone
        };
        screen
    };
    if let Some(at) = turn.calendar {
        // Beside the reminders: the appointment for the person's own calendar.
        send_calendar(bot, app, chat, turn.lang, at).await;
    }
    if screen != turn.screen || turn.outbox.is_some() {
        app.service.shown(key, turn.outbox, screen).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_telegram_or_the_default() {
        assert_eq!(language_for(Some("da"), Lang::En), Lang::Da);
        assert_eq!(language_for(Some("de-AT"), Lang::En), Lang::De);
        assert_eq!(language_for(Some("pl"), Lang::En), Lang::En);
        assert_eq!(language_for(Some("pl"), Lang::Da), Lang::Da);
        assert_eq!(language_for(None, Lang::De), Lang::De);
    }

    #[test]
    fn the_token_never_reaches_a_log_line() {
        let token = "123456:ABC-secret";
        let err = format!(
            "error sending request for url (https://api.telegram.org/bot{token}/getUpdates)"
        );
        let shown = redact(&err, token);
        assert!(!shown.contains("ABC-secret"));
        assert!(shown.contains("bot<token>/getUpdates"));
    }
}
