//! The fake Bot API server (`tests/support/fake_telegram.rs`) against teloxide's real client:
//! every answer must deserialize into teloxide's types, errors must map to teloxide's errors.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{FakeTelegram, User};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, CallbackQueryId, ChatAction, InlineKeyboardButton, InlineKeyboardMarkup,
    MessageEntityKind, ParseMode, UpdateKind, WebAppInfo,
};
use teloxide::{ApiError, RequestError};

const ANNA: User = User {
    id: 4242,
    language_code: Some("de"),
    first_name: "Anna",
};
const BO: User = User {
    id: 5151,
    language_code: None,
    first_name: "Bo",
};

const SECOND: Duration = Duration::from_secs(1);

fn keyboard() -> InlineKeyboardMarkup {
    let url = serde_json::from_value::<WebAppInfo>(json!({"url": "https://www.mitid.dk/"}))
        .unwrap()
        .url;
    InlineKeyboardMarkup::new([
        vec![
            InlineKeyboardButton::callback("Ja", "q1:yes"),
            InlineKeyboardButton::callback("Nej", "q1:no"),
        ],
        vec![InlineKeyboardButton::url("MitID", url)],
    ])
}

#[tokio::test]
async fn bot_new_with_set_api_url_reaches_the_fake() {
    let fake = FakeTelegram::start().await;
    let url = serde_json::from_value::<WebAppInfo>(json!({ "url": fake.url() }))
        .unwrap()
        .url;
    let bot = Bot::new(FakeTelegram::TOKEN).set_api_url(url);

    let me = bot.get_me().await.expect("getMe deserializes into Me");
    assert_eq!(me.user.id, UserId(123456));
    assert!(me.user.is_bot);
    assert_eq!(me.username(), "mitid_test_bot");
    assert!(me.can_join_groups);

    let info = bot.get_webhook_info().await.unwrap();
    assert!(info.url.is_none());
    bot.delete_webhook().await.unwrap();

    let calls = fake.calls();
    let methods: Vec<_> = calls.iter().map(|c| c.method.as_str()).collect();
    assert_eq!(methods, ["getMe", "getWebhookInfo", "deleteWebhook"]);
}

#[tokio::test]
async fn send_and_edit_round_trip_with_inline_keyboard() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    // The user wrote first, so the server knows the private chat.
    fake.send_text(ANNA, "hallo");

    let sent = bot
        .send_message(ChatId(ANNA.id), "<b>Willkommen</b>")
        .parse_mode(ParseMode::Html)
        .reply_markup(keyboard())
        .await
        .expect("sendMessage answer deserializes into Message");
    assert_eq!(sent.text(), Some("<b>Willkommen</b>"));
    assert_eq!(sent.chat.id, ChatId(ANNA.id));
    assert!(sent.chat.is_private());
    assert_eq!(sent.chat.first_name(), Some("Anna"));
    assert!(sent.from.as_ref().unwrap().is_bot);
    assert_eq!(sent.reply_markup(), Some(&keyboard()));

    let second = bot.send_message(ChatId(ANNA.id), "zwei").await.unwrap();
    assert!(second.id.0 > sent.id.0, "message ids increase");

    let log = fake.sent_messages(ANNA.id);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].message_id, sent.id.0);
    assert_eq!(log[0].chat_id, ANNA.id);
    assert_eq!(log[0].parse_mode.as_deref(), Some("HTML"));
    assert!(!log[0].edited);
    assert_eq!(log[0].callback_data(), ["q1:yes", "q1:no"]);
    assert_eq!(log[0].buttons[1][0].text, "MitID");
    assert_eq!(
        log[0].buttons[1][0].url.as_deref(),
        Some("https://www.mitid.dk/")
    );
    assert!(log[1].buttons.is_empty());

    let edited = bot
        .edit_message_text(ChatId(ANNA.id), sent.id, "Bearbeitet")
        .reply_markup(InlineKeyboardMarkup::new([[
            InlineKeyboardButton::callback("Weiter", "next"),
        ]]))
        .await
        .expect("editMessageText answer deserializes");
    assert_eq!(edited.id, sent.id);
    assert_eq!(edited.text(), Some("Bearbeitet"));
    assert!(edited.edit_date().is_some());
    let log = fake.sent_messages(ANNA.id);
    assert_eq!(log.len(), 3);
    assert!(log[2].edited);
    assert_eq!(log[2].text, "Bearbeitet");
    assert_eq!(log[2].callback_data(), ["next"]);

    // editMessageReplyMarkup without a markup removes the keyboard.
    let bare = bot
        .edit_message_reply_markup(ChatId(ANNA.id), sent.id)
        .await
        .unwrap();
    assert!(bare.reply_markup().is_none());
    let now = fake.current_message(ANNA.id, sent.id.0).unwrap();
    assert_eq!(now.text, "Bearbeitet");
    assert!(now.buttons.is_empty());

    bot.delete_message(ChatId(ANNA.id), second.id)
        .await
        .unwrap();
    assert!(fake.current_message(ANNA.id, second.id.0).is_none());

    bot.answer_callback_query(CallbackQueryId("cbq-1".to_string()))
        .await
        .unwrap();
    bot.send_chat_action(ChatId(ANNA.id), ChatAction::Typing)
        .await
        .unwrap();
    bot.set_my_commands([BotCommand::new("start", "Beginnen")])
        .await
        .unwrap();
    assert_eq!(bot.get_my_commands().await.unwrap()[0].command, "start");
    bot.set_my_description().description("d").await.unwrap();
    bot.set_my_short_description()
        .short_description("s")
        .await
        .unwrap();

    // A chat the server never saw: private for positive ids, group for negative ones.
    let stranger = bot.send_message(ChatId(777), "hi").await.unwrap();
    assert!(stranger.chat.is_private());
    let group = bot.send_message(ChatId(-100), "hi").await.unwrap();
    assert!(group.chat.is_group());
}

#[tokio::test]
async fn queued_updates_of_every_kind_deserialize() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let menu = bot
        .send_message(ChatId(ANNA.id), "Menü")
        .reply_markup(keyboard())
        .await
        .unwrap();

    let ids = [
        fake.send_text(ANNA, "/start de"),
        fake.press_button(ANNA, menu.id.0, "q1:yes"),
        fake.send_sticker(BO),
        fake.send_photo(BO),
        fake.send_edited_text(ANNA, 3, "korrigiert"),
        fake.send_in_group(BO, -987, "/help@mitid_test_bot bitte"),
    ];
    assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "{ids:?}");

    let updates = bot.get_updates().await.expect("updates deserialize");
    let got: Vec<i32> = updates.iter().map(|u| u.id.0 as i32).collect();
    assert_eq!(got, ids);

    match &updates[0].kind {
        UpdateKind::Message(m) => {
            assert_eq!(m.text(), Some("/start de"));
            assert!(m.chat.is_private());
            assert_eq!(m.chat.id, ChatId(ANNA.id));
            let from = m.from.as_ref().unwrap();
            assert_eq!(from.language_code.as_deref(), Some("de"));
            assert_eq!(from.first_name, "Anna");
            let e = &m.entities().unwrap()[0];
            assert_eq!(e.kind, MessageEntityKind::BotCommand);
            assert_eq!((e.offset, e.length), (0, 6));
        }
        other => panic!("expected a text message, got {other:?}"),
    }
    match &updates[1].kind {
        UpdateKind::CallbackQuery(q) => {
            assert_eq!(q.data.as_deref(), Some("q1:yes"));
            assert_eq!(q.from.id, UserId(ANNA.id as u64));
            let m = q.regular_message().expect("an accessible message");
            assert_eq!(m.id, menu.id);
            assert_eq!(m.text(), Some("Menü"));
            assert!(m.from.as_ref().unwrap().is_bot);
            assert_eq!(m.reply_markup(), Some(&keyboard()));
        }
        other => panic!("expected a callback query, got {other:?}"),
    }
    match &updates[2].kind {
        UpdateKind::Message(m) => {
            let sticker = m.sticker().expect("a sticker");
            assert_eq!((sticker.width, sticker.height), (512, 512));
            assert!(sticker.is_static());
            assert!(m.text().is_none());
        }
        other => panic!("expected a sticker, got {other:?}"),
    }
    match &updates[3].kind {
        UpdateKind::Message(m) => assert_eq!(m.photo().expect("a photo").len(), 2),
        other => panic!("expected a photo, got {other:?}"),
    }
    match &updates[4].kind {
        UpdateKind::EditedMessage(m) => {
            assert_eq!(m.id.0, 3);
            assert_eq!(m.text(), Some("korrigiert"));
            assert!(m.edit_date().is_some());
        }
        other => panic!("expected an edited message, got {other:?}"),
    }
    match &updates[5].kind {
        UpdateKind::Message(m) => {
            assert!(m.chat.is_group());
            assert_eq!(m.chat.id, ChatId(-987));
            assert_eq!(m.chat.title(), Some("Test group -987"));
            let e = &m.entities().unwrap()[0];
            assert_eq!(e.kind, MessageEntityKind::BotCommand);
            assert_eq!(e.length, "/help@mitid_test_bot".len());
        }
        other => panic!("expected a group message, got {other:?}"),
    }

    // A raw update in the same envelope.
    let raw = fake.push_raw_update(json!({
        "my_chat_member": {
            "chat": {"id": BO.id, "type": "private", "first_name": "Bo"},
            "from": {"id": BO.id, "is_bot": false, "first_name": "Bo"},
            "date": 1_700_000_000,
            "old_chat_member": {"user": {"id": 123456, "is_bot": true, "first_name": "MitID test bot"}, "status": "member"},
            "new_chat_member": {"user": {"id": 123456, "is_bot": true, "first_name": "MitID test bot"}, "status": "kicked", "until_date": 0},
        }
    }));
    let updates = bot.get_updates().offset(raw).await.unwrap();
    assert_eq!(updates.len(), 1);
    assert!(
        matches!(updates[0].kind, UpdateKind::MyChatMember(_)),
        "{:?}",
        updates[0].kind
    );
}

#[tokio::test]
async fn offsets_confirm_and_redeliver_repeats() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let a = fake.send_text(ANNA, "eins");
    let b = fake.send_text(ANNA, "zwei");
    let ids = |u: &[Update]| u.iter().map(|u| u.id.0 as i32).collect::<Vec<_>>();

    // Not confirmed: delivered again.
    assert_eq!(ids(&bot.get_updates().await.unwrap()), [a, b]);
    assert_eq!(ids(&bot.get_updates().await.unwrap()), [a, b]);
    assert_eq!(fake.confirmed_offset(), 0);

    // offset = b confirms a only.
    assert_eq!(ids(&bot.get_updates().offset(b).await.unwrap()), [b]);
    assert_eq!(fake.confirmed_offset(), b);
    assert_eq!(
        ids(&bot.get_updates().offset(b + 1).await.unwrap()),
        Vec::<i32>::new()
    );
    assert_eq!(fake.confirmed_offset(), b + 1);
    assert_eq!(fake.pending_updates(), 0);

    // Telegram delivers a confirmed update once more.
    fake.redeliver(a);
    assert_eq!(ids(&bot.get_updates().offset(b + 1).await.unwrap()), [a]);
    assert_eq!(
        ids(&bot.get_updates().offset(b + 1).await.unwrap()),
        Vec::<i32>::new()
    );
    assert_eq!(fake.confirmed_offset(), b + 1, "never goes down");

    // The same update_id twice.
    let dup = json!({"update_id": 50, "message": {
        "message_id": 99, "date": 1_700_000_000, "text": "doppelt",
        "chat": {"id": BO.id, "type": "private", "first_name": "Bo"},
        "from": {"id": BO.id, "is_bot": false, "first_name": "Bo"},
    }});
    assert_eq!(fake.push_raw_update(dup.clone()), 50);
    assert_eq!(fake.push_raw_update(dup), 50);
    let got = bot.get_updates().offset(b + 1).limit(1).await.unwrap();
    assert_eq!(ids(&got), [50], "limit honoured");
    let got = bot.get_updates().offset(b + 1).await.unwrap();
    assert_eq!(ids(&got), [50, 50]);
    match &got[1].kind {
        UpdateKind::Message(m) => assert_eq!(m.text(), Some("doppelt")),
        other => panic!("{other:?}"),
    }
    // Later updates continue after the highest id seen.
    assert_eq!(fake.send_text(BO, "weiter"), 51);

    // Negative offset: keep the last one, forget the rest.
    let got = bot.get_updates().offset(-1).await.unwrap();
    assert_eq!(ids(&got), [51]);
    assert_eq!(fake.confirmed_offset(), 51);
}

#[tokio::test]
async fn long_poll_waits_at_most_a_second_and_wakes_on_an_update() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    let t = Instant::now();
    let got = bot.get_updates().timeout(30).await.unwrap();
    assert!(got.is_empty());
    let waited = t.elapsed();
    assert!(
        waited >= Duration::from_millis(900) && waited < Duration::from_secs(3),
        "{waited:?}"
    );

    let pusher = fake.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        pusher.send_text(ANNA, "da");
    });
    let t = Instant::now();
    let got = bot.get_updates().timeout(30).await.unwrap();
    assert_eq!(got.len(), 1);
    assert!(
        t.elapsed() < Duration::from_millis(800),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn fail_next_maps_to_teloxide_errors() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    fake.fail_next(
        "sendMessage",
        1,
        429,
        "Too Many Requests: retry after 3",
        Some(3),
    );
    fake.fail_next(
        "sendMessage",
        1,
        403,
        "Forbidden: bot was blocked by the user",
        None,
    );

    match bot.send_message(ChatId(ANNA.id), "a").await {
        Err(RequestError::RetryAfter(secs)) => assert_eq!(secs.seconds(), 3),
        other => panic!("expected RetryAfter, got {other:?}"),
    }
    match bot.send_message(ChatId(ANNA.id), "b").await {
        Err(RequestError::Api(ApiError::BotBlocked)) => {}
        other => panic!("expected BotBlocked, got {other:?}"),
    }
    bot.send_message(ChatId(ANNA.id), "c").await.unwrap();
    // Other methods were never affected.
    bot.get_me().await.unwrap();

    let failed: Vec<_> = fake
        .calls_to("sendMessage")
        .iter()
        .map(|c| c.failed_with)
        .collect();
    assert_eq!(failed, [Some(429), Some(403), None]);
    let sent = fake.sent_messages(ANNA.id);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].text, "c");

    // getUpdates can fail too (teloxide's polling then sleeps retry_after).
    fake.fail_next("getUpdates", 1, 429, "Too Many Requests", Some(1));
    assert!(matches!(
        bot.get_updates().await,
        Err(RequestError::RetryAfter(_))
    ));
}

#[tokio::test]
async fn teloxide_dispatcher_polls_answers_and_confirms_on_shutdown() {
    let fake = FakeTelegram::start().await;
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        let text = msg.text().unwrap_or("?").to_uppercase();
        bot.send_message(msg.chat.id, text).await?;
        respond(())
    });
    let mut dispatcher = Dispatcher::builder(fake.bot(), handler).build();
    let token = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    let id = fake.send_text(ANNA, "hej");
    fake.wait_until(10 * SECOND, |calls| {
        calls.iter().any(|c| c.method == "sendMessage")
    })
    .await;
    assert_eq!(fake.sent_messages(ANNA.id)[0].text, "HEJ");

    // Wait until the dispatcher is ready to stop, then stop it: its last getUpdates
    // confirms the handled update.
    let stop = loop {
        match token.shutdown() {
            Ok(stop) => break stop,
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    };
    tokio::time::timeout(10 * SECOND, stop).await.unwrap();
    tokio::time::timeout(10 * SECOND, running)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(fake.confirmed_offset(), id + 1);
}

#[tokio::test]
#[should_panic(expected = "condition not met within")]
async fn wait_until_panics_with_a_dump() {
    let fake = FakeTelegram::start().await;
    fake.bot().get_me().await.unwrap();
    fake.wait_until(Duration::from_millis(50), |calls| calls.len() > 5)
        .await;
}

/// A plain test, no runtime of its own: the server lives on its own thread and outlives the
/// runtimes the "bot" side uses, as it must for a child process.
#[test]
fn background_server_serves_plain_tests_and_outlives_runtimes() {
    let fake = FakeTelegram::start_in_background();
    assert!(fake.url().starts_with("http://127.0.0.1:"));
    let env = fake.child_env();
    assert!(env.contains(&("TELOXIDE_API_URL", fake.url())));

    let runtime = || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    };
    runtime().block_on(async {
        fake.bot().get_me().await.unwrap();
    });

    // Another thread with another runtime plays the bot; this thread only waits.
    let id = fake.send_text(BO, "/start");
    let bot_side = {
        let fake = fake.clone();
        std::thread::spawn(move || {
            runtime().block_on(async {
                let bot = fake.bot();
                let updates = bot.get_updates().timeout(5).await.unwrap();
                let last = updates.last().unwrap().id.0 as i32;
                bot.send_message(ChatId(BO.id), "Velkommen").await.unwrap();
                bot.get_updates().offset(last + 1).timeout(0).await.unwrap();
            })
        })
    };
    let calls = fake.wait_until_blocking(10 * SECOND, |calls| {
        calls.iter().any(|c| c.method == "sendMessage")
    });
    assert_eq!(calls[1].method, "getUpdates");
    bot_side.join().unwrap();
    assert_eq!(fake.sent_messages(BO.id)[0].text, "Velkommen");
    assert_eq!(fake.confirmed_offset(), id + 1);
}
