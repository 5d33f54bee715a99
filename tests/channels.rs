//! One conversation service, three channels: the same persona walk (to the checklist, in
//! Danish) through the terminal chat, Telegram (the real dispatcher against the fake Bot
//! API) and the web chat (the built binary, form posts without JavaScript) shows the same
//! screens in the same order: after each input, the same choices on the current screen.

mod support;

use std::io::Cursor;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mitid_bot::check;
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::conversation::Service;
use mitid_bot::i18n::{Globals, Lang};
use mitid_bot::storage::MemoryStore;
use mitid_bot::telegram::{self, App};
use support::web::WebChat;
use support::{FakeTelegram, User};
use tokio::sync::oneshot;

/// The persona of tests/chat.rs: has lived in Denmark for two years, a passport from
/// another country and a certificate of residence, no phone that reads a passport's chip,
/// wants a code display; types a UserID idea. A number picks the n-th choice on screen.
const WALK: &[&str] = &[
    "1",
    "1",
    "3",
    "1",
    "5",
    "4",
    "4",
    "5",
    "10",
    "1",
    "2",
    "Åse Ørsted",
    "1",
];

const ANNA: User = User {
    id: 4242,
    language_code: Some("da"),
    first_name: "Anna",
};

fn service() -> Service {
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    let config = Config {
        default_language: Lang::Da,
        ..Config::default()
    };
    Service::new(engine, Arc::new(MemoryStore::new()), config)
}

/// A choice's label without the channel's way of showing a tick.
fn plain(label: &str) -> String {
    let label = label.trim();
    for tick in ["[x] ", "[ ] ", "✅ ", "⬜ "] {
        if let Some(rest) = label.strip_prefix(tick) {
            return rest.to_string();
        }
    }
    label.to_string()
}

/// The terminal chat: the choices of the last screen it printed (link buttons left out:
/// the web shows them as links, not choices).
fn terminal_choices(out: &str) -> Vec<String> {
    let mut screens: Vec<Vec<String>> = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in out.lines() {
        let numbered = line
            .strip_prefix("  ")
            .and_then(|l| l.split_once(") "))
            .filter(|(n, _)| n.parse::<usize>().is_ok());
        match numbered {
            Some((_, label)) => {
                let c = current.get_or_insert_with(Vec::new);
                if !label.contains(": http") {
                    c.push(plain(label));
                }
            }
            None => screens.extend(current.take()),
        }
    }
    screens.extend(current);
    screens.pop().unwrap_or_default()
}

async fn terminal_walk() -> Vec<Vec<String>> {
    let mut seen = Vec::new();
    for n in 0..=WALK.len() {
        let input: String = WALK[..n].iter().map(|l| format!("{l}\n")).collect();
        let mut out = Vec::new();
        mitid_bot::console::run(&service(), Lang::Da, Cursor::new(input), &mut out)
            .await
            .unwrap();
        seen.push(terminal_choices(&String::from_utf8(out).unwrap()));
    }
    seen
}

/// Telegram: the choices of the newest message with buttons, once the bot is quiet.
fn telegram_choices(fake: &FakeTelegram) -> (Vec<String>, Option<(i32, Vec<String>)>) {
    let screen = fake
        .visible_bot_messages(ANNA.id)
        .into_iter()
        .rev()
        .find(|m| !m.callback_data().is_empty());
    match screen {
        Some(m) => {
            let buttons: Vec<_> = m.buttons.iter().flatten().cloned().collect();
            let labels = buttons
                .iter()
                .filter(|b| b.callback_data.is_some())
                .map(|b| plain(&b.text))
                .collect();
            (labels, Some((m.message_id, m.callback_data())))
        }
        None => (Vec::new(), None),
    }
}

async fn quiet(fake: &FakeTelegram, calls_before: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = calls_before;
    let mut since = Instant::now();
    loop {
        let calls = fake.calls();
        let replied = calls[calls_before.min(calls.len())..]
            .iter()
            .any(|c| c.method == "sendMessage" || c.method == "editMessageText");
        let n = calls.iter().filter(|c| c.method != "getUpdates").count();
        if n != last {
            last = n;
            since = Instant::now();
        }
        if replied && since.elapsed() > Duration::from_millis(200) {
            return;
        }
        assert!(Instant::now() < deadline, "{}", fake.dump(&calls));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn telegram_walk() -> Vec<Vec<String>> {
    let fake = FakeTelegram::start().await;
    let config = Config {
        default_language: Lang::Da,
        rate_limits: false,
        ..Config::default()
    };
    let engine = check::load(&ContentSource::embedded(), Globals::default()).unwrap();
    let app = Arc::new(App::new(engine, Arc::new(MemoryStore::new()), config));
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::serve(fake.bot(), app, async {
        let _ = stopped.await;
    }));
    let mut seen = Vec::new();
    let before = fake.calls().len();
    fake.send_text(ANNA, "/start");
    quiet(&fake, before).await;
    for input in WALK {
        let (labels, screen) = telegram_choices(&fake);
        seen.push(labels);
        let before = fake.calls().len();
        match (input.parse::<usize>(), screen) {
            (Ok(n), Some((message, data))) => {
                fake.press_button(ANNA, message, &data[n - 1]);
            }
            _ => {
                fake.send_text(ANNA, input);
            }
        }
        quiet(&fake, before).await;
    }
    seen.push(telegram_choices(&fake).0);
    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    seen
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The web chat: the choices of the last set of buttons on the page, (data, label).
fn web_choices(body: &str) -> Vec<(String, String)> {
    let Some(form) = body
        .rsplit("class=\"choices\"")
        .next()
        .filter(|_| body.contains("class=\"choices\""))
    else {
        return Vec::new();
    };
    let form = form.split("</form>").next().unwrap_or_default();
    form.split("<button type=\"submit\" name=\"b\" value=\"")
        .skip(1)
        .filter_map(|piece| {
            let (value, rest) = piece.split_once('"')?;
            let label = rest.split_once('>')?.1.split_once("</button>")?.0;
            Some((unescape(value), plain(&unescape(label))))
        })
        .collect()
}

fn form_value(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn web_walk() -> Vec<Vec<String>> {
    let chat = WebChat::start(&[]);
    let da = ("Accept-Language", "da");
    let mut page = chat.get("/", &[da]);
    assert_eq!(page.status, 200, "{}", page.body);
    let cookie = page.cookie();
    let mut seen = Vec::new();
    for input in WALK {
        assert!(
            page.body.contains("name=\"u\" value=\""),
            "before {input}: {}",
            page.body
        );
        let choices = web_choices(&page.body);
        seen.push(choices.iter().map(|(_, l)| l.clone()).collect());
        let form = match input.parse::<usize>() {
            Ok(n) => format!("u={}&b={}", page.nonce(), form_value(&choices[n - 1].0)),
            Err(_) => format!("u={}&text={}", page.nonce(), form_value(input)),
        };
        page = chat.post("/", &[da, ("Cookie", &cookie)], &form);
        assert_eq!(page.status, 200, "{}", page.body);
    }
    seen.push(
        web_choices(&page.body)
            .into_iter()
            .map(|(_, l)| l)
            .collect(),
    );
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_walk_shows_the_same_screens_on_every_channel() {
    let terminal = terminal_walk().await;
    let telegram = telegram_walk().await;
    let web = tokio::task::spawn_blocking(web_walk).await.unwrap();
    assert_eq!(terminal.len(), WALK.len() + 1);
    // The walk goes somewhere: the first screen is the welcome's menu, the persona ends
    // at the checklist.
    assert!(
        terminal[0].contains(&"Jeg skal have MitID for første gang".to_string()),
        "{:?}",
        terminal[0]
    );
    for (i, input) in WALK.iter().enumerate() {
        if let Ok(n) = input.parse::<usize>() {
            assert!(terminal[i].len() >= n, "no choice {n} on {:?}", terminal[i]);
        }
    }
    let mut out = Vec::new();
    let all: String = WALK.iter().map(|l| format!("{l}\n")).collect();
    mitid_bot::console::run(&service(), Lang::Da, Cursor::new(all), &mut out)
        .await
        .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Din tjekliste til MitID hos Borgerservice i Aabenraa Kommune")
            && out.contains("Vis tjeklisten ved skranken. Tag gerne et skærmbillede af den"),
        "the walk ends at the checklist:\n{out}"
    );
    assert_eq!(telegram.len(), terminal.len());
    assert_eq!(web.len(), terminal.len());
    for (i, ((t, g), w)) in terminal.iter().zip(&telegram).zip(&web).enumerate() {
        let after = if i == 0 { "the start" } else { WALK[i - 1] };
        assert_eq!(t, g, "after input {i} ({after}): terminal vs Telegram");
        assert_eq!(t, w, "after input {i} ({after}): terminal vs web");
    }
}
