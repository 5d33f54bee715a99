//! Appointment reminders through the real dispatcher, with a fake clock (no test sleeps
//! for a reminder's time) and a fake Bot API on loopback.

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use mitid_bot::check;
use mitid_bot::clock::FakeClock;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::{Fact, State};
use mitid_bot::i18n::{Globals, Lang, Msg};
use mitid_bot::storage::{Key, Record, SledStore, Store};
use mitid_bot::telegram::{self, App};
use support::{FakeTelegram, SentMessage, User};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const ANNA: User = User {
    id: 3001,
    language_code: Some("da"),
    first_name: "Anna",
};

fn cph(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Copenhagen
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn text(lang: Lang, id: &str) -> String {
    let e = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    e.i18n.render(lang, &Msg::new(id), &e.globals)
}

/// The first line of a reminder, without the date it names.
fn reminder_head(lang: Lang, id: &str) -> String {
    text(lang, id)
        .split(['{', ',', ':'])
        .next()
        .unwrap()
        .to_string()
}

struct Running {
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
    app: Arc<App>,
}

fn open_store(dir: &Path) -> SledStore {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match SledStore::open(dir) {
            Ok(s) => return s,
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("{e}"),
        }
    }
}

async fn start(fake: &FakeTelegram, dir: &Path, clock: Arc<FakeClock>) -> Running {
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    let mut app = App::new(engine, Arc::new(open_store(dir)), Config::default()).with_clock(clock);
    app.reminder_tick = Duration::from_millis(50);
    let app = Arc::new(app);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::serve(fake.bot(), app.clone(), async {
        let _ = stopped.await;
    }));
    Running { stop, task, app }
}

async fn stop(r: Running) {
    drop(r.app);
    let _ = r.stop.send(());
    tokio::time::timeout(Duration::from_secs(10), r.task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

fn reminders_to(fake: &FakeTelegram, chat: i64) -> Vec<SentMessage> {
    let evening = reminder_head(Lang::Da, "reminder-evening");
    let soon = reminder_head(Lang::Da, "reminder-soon");
    fake.sent_messages(chat)
        .into_iter()
        .filter(|m| m.text.starts_with(&evening) || m.text.starts_with(&soon))
        .collect()
}

async fn wait_for(fake: &FakeTelegram, chat: i64, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while reminders_to(fake, chat).len() < n {
        assert!(
            Instant::now() < deadline,
            "no reminder; calls:\n{}",
            fake.dump(&fake.calls())
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Asks for reminders through the chat, as a citizen would.
async fn ask_for_reminder(fake: &FakeTelegram, chat: User, appointment: &str) {
    let say = |t: &str| fake.send_text(chat, t);
    let count = || fake.sent_messages(chat.id).len();
    let wait = |n: usize| async move {
        let deadline = Instant::now() + Duration::from_secs(10);
        while fake.sent_messages(chat.id).len() < n {
            assert!(Instant::now() < deadline, "{}", fake.dump(&fake.calls()));
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    let n = count();
    say("/checklist");
    wait(n + 1).await;
    let last = fake.sent_messages(chat.id).pop().unwrap();
    let data = last
        .callback_data()
        .into_iter()
        .find(|d| d.ends_with(":remind"))
        .unwrap();
    let n = count();
    fake.press_button(chat, last.message_id, &data);
    wait(n + 1).await;
    let n = count();
    say(appointment);
    wait(n + 1).await;
    let confirm = fake.sent_messages(chat.id).pop().unwrap();
    assert!(
        confirm.text.contains("3. december 2026 kl. 10.00"),
        "{}",
        confirm.text
    );
    let yes = confirm
        .callback_data()
        .into_iter()
        .find(|d| d.ends_with(":yes"))
        .unwrap();
    let n = count();
    fake.press_button(chat, confirm.message_id, &yes);
    wait(n + 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_evening_reminder_comes_once_with_the_checklist_after_a_restart() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FakeClock::new(cph(2026, 11, 26, 10, 0)));
    let bot = start(&fake, dir.path(), clock.clone()).await;
    ask_for_reminder(&fake, ANNA, "3.12. kl. 10").await;
    stop(bot).await;

    let bot = start(&fake, dir.path(), clock.clone()).await;
    clock.set(cph(2026, 12, 2, 17, 59));
    bot.app.wake_reminders.notify_one();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(reminders_to(&fake, ANNA.id).is_empty(), "not before 18:00");

    clock.set(cph(2026, 12, 2, 18, 0));
    bot.app.wake_reminders.notify_one();
    wait_for(&fake, ANNA.id, 1).await;
    let sent = reminders_to(&fake, ANNA.id);
    assert!(
        sent[0].text.contains(&text(Lang::Da, "cl-keep")),
        "the checklist rides along: {}",
        sent[0].text
    );

    for minutes in [1, 30, 120] {
        clock.set(cph(2026, 12, 2, 18, 0) + chrono::Duration::minutes(minutes));
        bot.app.wake_reminders.notify_one();
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    assert_eq!(
        reminders_to(&fake, ANNA.id).len(),
        1,
        "exactly one evening reminder"
    );
    stop(bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn down_over_the_reminder_time_one_late_reminder_if_still_ahead_else_none() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FakeClock::new(cph(2026, 11, 26, 10, 0)));
    let late = User {
        id: 3002,
        language_code: Some("da"),
        first_name: "Late",
    };
    let missed = User {
        id: 3003,
        language_code: Some("da"),
        first_name: "Missed",
    };
    let bot = start(&fake, dir.path(), clock.clone()).await;
    ask_for_reminder(&fake, late, "3.12.2026 10:00").await;
    stop(bot).await;

    // Down from before the evening reminder until 09:00 on the day: both reminders are
    // due, the appointment is still ahead: one late reminder (with the checklist).
    clock.set(cph(2026, 12, 3, 9, 0));
    let bot = start(&fake, dir.path(), clock.clone()).await;
    wait_for(&fake, late.id, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(reminders_to(&fake, late.id).len(), 1);
    stop(bot).await;

    clock.set(cph(2026, 11, 26, 10, 0));
    let bot = start(&fake, dir.path(), clock.clone()).await;
    ask_for_reminder(&fake, missed, "3.12.2026 10:00").await;
    stop(bot).await;
    // Back only after the appointment: nothing.
    clock.set(cph(2026, 12, 3, 11, 0));
    let bot = start(&fake, dir.path(), clock.clone()).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(reminders_to(&fake, missed.id).is_empty());
    stop(bot).await;
}

/// Conversations of `chats` in Danish, told on `now` of an appointment at `appointment`
/// with reminders on: their evening reminder is due at 18:00 the day before.
fn remind_at_six(
    dir: &Path,
    chats: std::ops::Range<i64>,
    now: DateTime<Utc>,
    appointment: DateTime<Utc>,
) {
    let store = open_store(dir);
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    for chat in chats {
        let mut state = State::new(Lang::Da);
        state.node = "remind-set".into();
        state
            .facts
            .insert("appointment".into(), Fact::Time(appointment.timestamp()));
        state
            .facts
            .insert("reminders".into(), Fact::One("on".into()));
        let plan = engine.reminder_plan(&state, now);
        store
            .save(&Key::telegram(chat), &Record::new(state, now))
            .unwrap();
        store.set_reminders(&Key::telegram(chat), &plan).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_at_six_goes_out_within_telegrams_limits_and_a_blocked_user_is_dropped() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let now = cph(2026, 11, 26, 10, 0);
    let appointment = cph(2026, 12, 3, 10, 0);
    remind_at_six(dir.path(), 4000..4040, now, appointment);
    fake.fail_next(
        "sendMessage",
        1,
        403,
        "Forbidden: bot was blocked by the user",
        None,
    );
    let clock = Arc::new(FakeClock::new(cph(2026, 12, 2, 18, 0)));
    let bot = start(&fake, dir.path(), clock).await;
    fake.wait_until(Duration::from_secs(20), |calls| {
        calls
            .iter()
            .filter(|c| c.method == "sendMessage" && c.failed_with.is_none())
            .count()
            >= 39
    })
    .await;
    let sends: Vec<Instant> = fake
        .calls()
        .iter()
        .filter(|c| c.method == "sendMessage")
        .map(|c| c.at)
        .collect();
    for (i, start) in sends.iter().enumerate() {
        let in_a_second = sends[i..]
            .iter()
            .take_while(|t| t.duration_since(*start) < Duration::from_secs(1))
            .count();
        assert!(
            in_a_second <= 30,
            "{in_a_second} messages within one second"
        );
    }
    stop(bot).await;
    let store = open_store(dir.path());
    let kept = (4000..4040)
        .filter(|c| {
            !matches!(
                store.load(&Key::telegram(*c)).unwrap(),
                mitid_bot::storage::Loaded::Missing
            )
        })
        .count();
    assert_eq!(kept, 39, "the chat that blocked the bot is forgotten");
    assert!(store
        .due_reminders(cph(2026, 12, 3, 9, 0), 100)
        .unwrap()
        .iter()
        .all(|(_, r)| r.kind == mitid_bot::dialogue::reminders::ReminderKind::Soon));
}

/// 18:00 with 300 evening reminders due: they need at least 15 s at Telegram's 30
/// messages a second, of which reminders take at most 20. Anna, who writes to the bot in
/// the middle of it, gets her answer first, not after the reminders queued before her.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_for_many_at_six_never_hold_up_an_answer_to_someone_writing_now() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    remind_at_six(
        dir.path(),
        5000..5300,
        cph(2026, 11, 26, 10, 0),
        cph(2026, 12, 3, 10, 0),
    );
    let clock = Arc::new(FakeClock::new(cph(2026, 12, 2, 18, 0)));
    let bot = start(&fake, dir.path(), clock).await;
    let is_reminder = |c: &support::Call| {
        c.method == "sendMessage"
            && c.failed_with.is_none()
            && c.body["chat_id"]
                .as_i64()
                .is_some_and(|id| (5000..5300).contains(&id))
    };
    fake.wait_until(Duration::from_secs(20), |calls| {
        calls.iter().filter(|c| is_reminder(c)).count() >= 25
    })
    .await;

    let wrote = Instant::now();
    fake.send_text(ANNA, "/start");
    let to_anna = |c: &support::Call| c.method == "sendMessage" && c.body["chat_id"] == ANNA.id;
    let calls = fake
        .wait_until(Duration::from_secs(20), |calls| calls.iter().any(to_anna))
        .await;
    let answered = calls.iter().find(|c| to_anna(c)).unwrap().at;
    let reminders: Vec<Instant> = calls
        .iter()
        .filter(|c| is_reminder(c))
        .map(|c| c.at)
        .collect();
    let meanwhile = reminders
        .iter()
        .filter(|t| **t > wrote && **t < answered)
        .count();
    let welcome = fake.sent_messages(ANNA.id);
    assert!(
        welcome[0]
            .text
            .starts_with("Hej! Jeg er en automatisk assistent"),
        "{}",
        welcome[0].text
    );
    assert!(
        reminders.len() < 300,
        "the reminders were all out before Anna's answer: this shows nothing"
    );
    // Reminders go on beside her answer (20 a second), but she never waits behind those
    // queued before her: at most a second's worth passes her.
    assert!(
        meanwhile <= 20,
        "{meanwhile} reminders went out between Anna's message and her answer"
    );
    // Within Telegram's 30 a second, as they arrive (the 20 of them for reminders is
    // counted when a message leaves; network jitter can bunch a few on arrival).
    let sends: Vec<Instant> = calls
        .iter()
        .filter(|c| c.method == "sendMessage" && c.failed_with.is_none())
        .map(|c| c.at)
        .collect();
    for (i, start) in sends.iter().enumerate() {
        let in_a_second = sends[i..]
            .iter()
            .take_while(|t| t.duration_since(*start) < Duration::from_secs(1))
            .count();
        assert!(
            in_a_second <= 30,
            "{in_a_second} messages within one second"
        );
    }
    stop(bot).await;
}

/// A data directory of the release before conversations had a channel: sled's keys are
/// Telegram chat ids as 8 big-endian bytes, in the record tree and in the reminder
/// schedule. After the upgrade Anna's reminder still goes out, through Telegram (the
/// service's reminder job and Telegram's delivery), and her conversation goes on with
/// what she told the bot before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_upgrade_to_channels_an_old_reminder_goes_out_and_the_conversation_goes_on() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    let set_at = cph(2026, 11, 26, 10, 0);
    let appointment = cph(2026, 12, 3, 10, 0);
    {
        let mut state = State::new(Lang::Da);
        state.node = "remind-set".into();
        state
            .facts
            .insert("appointment".into(), Fact::Time(appointment.timestamp()));
        state
            .facts
            .insert("reminders".into(), Fact::One("on".into()));
        let plan = engine.reminder_plan(&state, set_at);
        assert_eq!(plan.len(), 2, "evening before and hours before");
        let mut record = Record::new(state, set_at);
        record.reminder_at = plan.iter().map(|r| r.at.timestamp()).max();
        let chat = ANNA.id.to_be_bytes();
        let db = sled::open(dir.path()).unwrap();
        let mut bytes = vec![3u8]; // the record format of that release, unchanged since
        bytes.extend(serde_json::to_vec(&record).unwrap());
        db.open_tree("conversations")
            .unwrap()
            .insert(chat, bytes)
            .unwrap();
        let schedule = db.open_tree("reminders").unwrap();
        for r in &plan {
            let mut key = (r.at.timestamp() as u64).to_be_bytes().to_vec();
            key.extend_from_slice(&chat);
            key.push(r.kind.code());
            schedule
                .insert(key, &r.appointment.timestamp().to_be_bytes())
                .unwrap();
        }
        db.open_tree("reminder_chats")
            .unwrap()
            .insert(chat, serde_json::to_vec(&plan).unwrap())
            .unwrap();
        db.flush().unwrap();
    }

    let clock = Arc::new(FakeClock::new(cph(2026, 12, 2, 18, 0)));
    let bot = start(&fake, dir.path(), clock).await;
    bot.app.wake_reminders.notify_one();
    wait_for(&fake, ANNA.id, 1).await;
    let sent = reminders_to(&fake, ANNA.id);
    assert!(
        sent[0]
            .text
            .starts_with("⏰ Husk: Du har tid til MitID hos Borgerservice i morgen"),
        "{}",
        sent[0].text
    );
    assert!(sent[0].text.contains("kl. 10.00"), "{}", sent[0].text);

    let before = fake.sent_messages(ANNA.id).len();
    fake.send_text(ANNA, "/paamindelser");
    let deadline = Instant::now() + Duration::from_secs(10);
    while fake.sent_messages(ANNA.id).len() <= before {
        assert!(Instant::now() < deadline, "{}", fake.dump(&fake.calls()));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let reply = fake.sent_messages(ANNA.id).pop().unwrap().text;
    assert!(
        reply.contains("Jeg minder dig om din tid")
            && reply.contains("3. december")
            && reply.contains("kl. 10.00"),
        "her appointment is still known: {reply}"
    );
    stop(bot).await;
}

/// Beside the reminders, Telegram offers the same calendar file as the web chat: Anna
/// says yes and gets `mitid.ics`, her appointment at 10:00 (9:00 UTC in December) with
/// an alarm the evening before and one two hours before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_telegram_the_reminders_come_with_the_appointment_as_a_calendar_file() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FakeClock::new(cph(2026, 11, 26, 10, 0)));
    let bot = start(&fake, dir.path(), clock).await;
    ask_for_reminder(&fake, ANNA, "3.12. kl. 10").await;
    let set = fake.sent_messages(ANNA.id).pop().unwrap().text;
    assert!(
        set.contains("Godt. Jeg minder dig om din tid") && set.contains("/paamindelser"),
        "Telegram still promises its reminders: {set}"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while fake.sent_documents(ANNA.id).is_empty() {
        assert!(Instant::now() < deadline, "{}", fake.dump(&fake.calls()));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let docs = fake.sent_documents(ANNA.id);
    assert_eq!(docs.len(), 1, "one file: {docs:?}");
    let doc = &docs[0];
    assert_eq!(doc.file_name, "mitid.ics");
    assert_eq!(
        doc.caption.as_deref(),
        Some("Din tid som kalenderfil. Åbn den for at tilføje tiden til din kalender.")
    );
    let ics = doc.content.replace("\r\n ", "");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("DTSTART:20261203T090000Z"), "{ics}");
    assert!(ics.contains("SUMMARY:MitID hos Borgerservice"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VALARM").count(), 2, "{ics}");
    // The evening before at 18:00 (17:00 UTC), and two hours before the start.
    assert!(
        ics.contains("TRIGGER;VALUE=DATE-TIME:20261202T170000Z"),
        "{ics}"
    );
    assert!(ics.contains("TRIGGER;RELATED=START:-PT2H"), "{ics}");
    stop(bot).await;
}

/// One store, a Telegram conversation and a web conversation (its id all digits, as if
/// it were a chat id), both with a reminder due. The Telegram process sends Anna's and
/// nothing else to anyone: the web page cannot be reached, so its reminder is taken from
/// the schedule and dropped, never sent to a Telegram chat.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_due_for_a_web_conversation_never_goes_to_telegram() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let set_at = cph(2026, 11, 26, 10, 0);
    let appointment = cph(2026, 12, 3, 10, 0);
    let web = Key::web(format!("{:032}", 3003));
    {
        let store = open_store(dir.path());
        let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
        for key in [Key::telegram(ANNA.id), web.clone()] {
            let mut state = State::new(Lang::Da);
            state.node = "remind-set".into();
            state
                .facts
                .insert("appointment".into(), Fact::Time(appointment.timestamp()));
            state
                .facts
                .insert("reminders".into(), Fact::One("on".into()));
            let plan = engine.reminder_plan(&state, set_at);
            assert_eq!(plan.len(), 2);
            store.save(&key, &Record::new(state, set_at)).unwrap();
            store.set_reminders(&key, &plan).unwrap();
        }
    }
    let clock = Arc::new(FakeClock::new(cph(2026, 12, 2, 18, 0)));
    let bot = start(&fake, dir.path(), clock).await;
    bot.app.wake_reminders.notify_one();
    wait_for(&fake, ANNA.id, 1).await;
    // Further rounds: nothing more comes.
    for _ in 0..3 {
        bot.app.wake_reminders.notify_one();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop(bot).await;
    let sends = fake.calls_to("sendMessage");
    assert_eq!(sends.len(), 1, "{}", fake.dump(&sends));
    assert_eq!(fake.sent_messages(ANNA.id).len(), 1);
    assert!(fake.sent_messages(3003).is_empty());
    let store = open_store(dir.path());
    let due = store.due_reminders(cph(2026, 12, 2, 18, 0), 10).unwrap();
    assert!(
        due.is_empty(),
        "the web conversation's evening reminder was taken and dropped: {due:?}"
    );
    // Its conversation is kept: the page still offers the calendar file.
    assert!(matches!(
        store.load(&web).unwrap(),
        mitid_bot::storage::Loaded::Found(_)
    ));
}
