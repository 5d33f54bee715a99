//! The web chat in a real browser: headless Chromium through WebDriver (Debian's
//! `chromium` and `chromium-driver`; `.ci/run` starts chromedriver and sets
//! `MITID_BOT_WEBDRIVER_URL`). The built binary serves the page; the test uses only the
//! keyboard (Tab, Enter, typing) to walk to the checklist in Danish, switches language,
//! reloads mid-flow and goes on, adds the appointment to the calendar (the file is
//! downloaded and read), and deletes the answers. On every screen an accessibility check
//! of our own: `lang`, names of buttons and links, labels of fields, no positive
//! `tabindex`, an `aria-live` region, and focus on the newest message after a reply.
//!
//! Without `MITID_BOT_WEBDRIVER_URL` the test says SKIPPED loudly and passes: CI always
//! sets it.

mod support;

use std::time::{Duration, Instant};

use chrono::{Datelike, Days, Utc};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use support::web::WebChat;

/// Checks of the page's accessibility, run in the page; returns the problems found.
const AUDIT: &str = r#"
const problems = [];
const expected = arguments[0];
if (document.documentElement.lang !== expected) {
  problems.push(`html lang is "${document.documentElement.lang}", expected "${expected}"`);
}
const name = (el) => {
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
  return (el.getAttribute('aria-label') || el.innerText || el.textContent || el.value || '').trim();
};
const visible = (el) => !el.closest('[hidden]') && el.getClientRects().length > 0;
for (const el of document.querySelectorAll('button, a, [role=button]')) {
  if (visible(el) && !name(el)) problems.push(`${el.outerHTML.slice(0, 80)} has no accessible name`);
}
for (const el of document.querySelectorAll('a')) {
  if (!el.getAttribute('href')) problems.push(`a link without href: ${el.outerHTML.slice(0, 80)}`);
}
for (const el of document.querySelectorAll('input:not([type=hidden]), textarea, select')) {
  const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim())
    || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.closest('label');
  if (!labelled) problems.push(`field ${el.outerHTML.slice(0, 80)} has no label`);
}
for (const el of document.querySelectorAll('[tabindex]')) {
  if (parseInt(el.getAttribute('tabindex'), 10) > 0) problems.push(`positive tabindex: ${el.outerHTML.slice(0, 80)}`);
}
if (!document.querySelector('[aria-live=polite]')) problems.push('no aria-live="polite" region');
const ids = {};
for (const el of document.querySelectorAll('[id]')) {
  if (ids[el.id]) problems.push(`id "${el.id}" used twice`);
  ids[el.id] = true;
}
for (const el of document.querySelectorAll('img')) {
  if (!el.hasAttribute('alt')) problems.push('an image without alt');
}
if (!document.querySelector('h1')) problems.push('no h1');
// Contrast (WCAG 1.4.3): text against the first opaque background behind it.
const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
const lum = ([r, g, b]) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const background = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
  }
  return [255, 255, 255];
};
for (const el of document.querySelectorAll('body *')) {
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own || !visible(el) || el.closest('.visually-hidden')) continue;
  const style = getComputedStyle(el);
  const fg = rgb(style.color).slice(0, 3);
  const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
  if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)} for "${el.textContent.trim().slice(0, 40)}"`);
}
// Reflow (WCAG 1.4.10): nothing wider than the window, also at 412 CSS pixels.
if (document.documentElement.scrollWidth > window.innerWidth + 1) {
  problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
}
if (!document.title.trim()) problems.push('no title');
return problems;
"#;

/// Whether focus is on the first message of the newest reply.
const FOCUS_ON_NEWEST: &str =
    "return document.activeElement === document.querySelector('#log > .turn:last-child .msg');";

struct Browser {
    client: Client,
    lang: &'static str,
}

impl Browser {
    async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .expect("script runs")
    }

    async fn key(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(keys)
            .await
            .expect("a key press");
    }

    async fn type_text(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".into());
        for c in text.chars() {
            keys = keys
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(keys).await.expect("typing");
    }

    /// Waits until `condition` (a script returning a boolean) holds.
    async fn wait_until(&self, condition: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if self.js(condition, vec![]).await == json!(true) {
                return;
            }
            if Instant::now() > deadline {
                let text = self.js("return document.body.innerText", vec![]).await;
                panic!("waited in vain for {what}; the page says:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Tabs forward until the focused element is the button or link whose text is
    /// `label` (of the newest reply where there are several), at most 80 times.
    async fn tab_to(&self, label: &str) {
        for _ in 0..80 {
            self.key(Key::Tab.into()).await;
            let focused = self
                .js(
                    "const a = document.activeElement;
                     const newest = document.querySelector('#log > .turn:last-child');
                     const inOld = a.closest('.turn') && a.closest('.turn') !== newest;
                     return (a.matches('button, a, input') && !inOld)
                       ? (a.id === 'say' ? '#say' : a.textContent.replace(/\\s+/g, ' ').trim()) : '';",
                    vec![],
                )
                .await;
            if focused.as_str() == Some(label) {
                // Focus is visible (WCAG 2.4.7): an outline of at least 2 px.
                let outline = self
                    .js(
                        "const s = getComputedStyle(document.activeElement);
                         return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;",
                        vec![],
                    )
                    .await;
                assert_eq!(outline, json!(true), "no visible focus on {label:?}");
                return;
            }
        }
        let text = self.js("return document.body.innerText", vec![]).await;
        panic!("Tab never reached {label:?}; the page says:\n{text}");
    }

    /// Presses a button of the conversation with the keyboard and waits for the reply:
    /// focus must then be on the newest message, and the page must pass the audit.
    async fn press(&self, label: &str) {
        self.tab_to(label).await;
        let turns = self
            .js(
                "return document.querySelectorAll('#log > .turn').length",
                vec![],
            )
            .await;
        self.key(Key::Enter.into()).await;
        self.wait_until(
            &format!("return document.querySelectorAll('#log > .turn').length > {turns}"),
            &format!("the reply to {label:?}"),
        )
        .await;
        assert_eq!(
            self.js(FOCUS_ON_NEWEST, vec![]).await,
            json!(true),
            "after {label:?} focus is not on the newest message"
        );
        self.audit().await;
    }

    /// Types into the text field (reached by Tab) and sends it with Enter.
    async fn say(&self, text: &str) {
        self.tab_to("#say").await;
        let turns = self
            .js(
                "return document.querySelectorAll('#log > .turn').length",
                vec![],
            )
            .await;
        self.type_text(text).await;
        self.key(Key::Enter.into()).await;
        self.wait_until(
            &format!("return document.querySelectorAll('#log > .turn').length > {turns}"),
            "the reply to a typed text",
        )
        .await;
        assert_eq!(self.js(FOCUS_ON_NEWEST, vec![]).await, json!(true));
        self.audit().await;
    }

    /// Switches the page's language with the keyboard (the language buttons at the top).
    async fn switch_language(&mut self, name: &str, code: &'static str) {
        // From the top of the page: the skip link, then the languages.
        self.js(
            "document.activeElement.blur(); window.scrollTo(0, 0);",
            vec![],
        )
        .await;
        self.tab_to(name).await;
        self.key(Key::Enter.into()).await;
        self.wait_until(
            &format!("return document.documentElement.lang === '{code}'"),
            &format!("the page in {code}"),
        )
        .await;
        self.lang = code;
        assert_eq!(
            self.js(
                "return document.activeElement === document.querySelector('#log .msg');",
                vec![]
            )
            .await,
            json!(true),
            "after switching language focus is not on the message"
        );
        self.audit().await;
    }

    async fn audit(&self) {
        let problems = self.js(AUDIT, vec![json!(self.lang)]).await;
        assert_eq!(
            problems,
            json!([]),
            "accessibility problems on {}",
            self.text().await
        );
    }

    /// What the newest reply says.
    async fn newest(&self) -> String {
        self.js(
            "return document.querySelector('#log > .turn:last-child').innerText",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    async fn text(&self) -> String {
        self.js("return document.body.innerText", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

#[tokio::test]
async fn a_citizen_walks_to_the_checklist_by_keyboard_in_a_real_browser() {
    let Ok(webdriver) = std::env::var("MITID_BOT_WEBDRIVER_URL") else {
        eprintln!(
            "\n\n********************************************************************\n\
             SKIPPED: web_browser: MITID_BOT_WEBDRIVER_URL is not set (no chromedriver).\n\
             .ci/run sets it; locally: apt-get install chromium chromium-driver, then\n\
             chromedriver --port=9515 & MITID_BOT_WEBDRIVER_URL=http://127.0.0.1:9515\n\
             ********************************************************************\n"
        );
        return;
    };
    let mut chat = WebChat::start(&[("MITID_BOT_WEB_HEALTH", "on")]);
    let profile = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let mut options = json!({
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--window-size=412,915",
            format!("--user-data-dir={}", profile.path().display()),
        ],
        "prefs": {
            "download.default_directory": downloads.path().display().to_string(),
            "download.prompt_for_download": false,
            "intl.accept_languages": "en-US,en",
        },
    });
    if std::path::Path::new("/usr/bin/chromium").exists() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&webdriver)
        .await
        .expect("chromedriver answers");
    let mut b = Browser { client, lang: "da" };

    // A link in Danish, as the municipality's Danish page gives it.
    b.client
        .goto(&format!("{}?lang=da", chat.url()))
        .await
        .unwrap();
    b.audit().await;
    assert!(b.text().await.contains("Jeg er en automatisk assistent"));
    let print_hidden = "return document.getElementById('print').hidden";
    assert_eq!(
        b.js(print_hidden, vec![]).await,
        json!(true),
        "no checklist yet"
    );
    b.press("Jeg skal have MitID for første gang").await;
    assert!(b
        .newest()
        .await
        .contains("Har du et dansk CPR-nummer, og er du fyldt 13 år?"));
    b.press("Ja, og jeg er fyldt 13 år").await;
    b.press("Nej, ingen telefon, der kan læse det").await;
    assert!(b.newest().await.contains("Hvor bor du?"));

    // Another language and back: the conversation stays where it was.
    b.switch_language("English", "en").await;
    assert!(
        b.text().await.contains("Where do you live?"),
        "{}",
        b.text().await
    );
    b.switch_language("Dansk", "da").await;
    assert!(b.text().await.contains("Hvor bor du?"));

    b.press("I Danmark").await;
    b.press("Under 5 år").await;
    assert!(b
        .newest()
        .await
        .contains("Hvilket af disse danske dokumenter"));

    // A reload in the middle: the same question again, and the walk goes on.
    b.client.refresh().await.unwrap();
    b.audit().await;
    assert!(b
        .text()
        .await
        .contains("Hvilket af disse danske dokumenter"));
    b.press("Ingen af dem").await;
    b.press("Bopælsattest (DK/Grønland)").await;
    assert_eq!(
        b.js(
            "return [...document.querySelectorAll('#log > .turn:last-child button[aria-pressed=true]')].map(b => b.textContent)",
            vec![]
        )
        .await,
        json!(["Bopælsattest (DK/Grønland)"]),
        "the ticked document is marked for screen readers"
    );
    b.press("Pas fra et andet land (ikke et nødpas)").await;
    b.press("Færdig").await;
    b.press("Ja").await;
    assert!(b
        .text()
        .await
        .contains("Du har de dokumenter, du skal bruge"));
    b.press("Med en kodeviser").await;
    b.say("Åse Ørsted").await;
    assert!(b.newest().await.contains("Det bruger-ID følger reglerne"));
    b.press("Jeg har valgt et bruger-ID").await;
    let checklist = b.newest().await;
    for words in [
        "Din tjekliste til MitID hos Borgerservice i Aabenraa Kommune",
        "Dit pas fra dit hjemland",
        "Din bopælsattest",
        "Tag et vidne med",
        "Ring til Borgerservice på 73 76 76 76",
    ] {
        assert!(checklist.contains(words), "{words:?} not in\n{checklist}");
    }
    assert_eq!(
        b.js(print_hidden, vec![]).await,
        json!(false),
        "a checklist"
    );
    // 320 CSS pixels wide is a 1280-pixel screen at 400 % zoom (WCAG 1.4.10): the
    // checklist still reads without sideways scrolling.
    b.client.set_window_size(320, 800).await.unwrap();
    b.audit().await;
    if let Ok(dir) = std::env::var("MITID_BOT_SCREENSHOTS") {
        let png = b.client.screenshot().await.unwrap();
        std::fs::write(format!("{dir}/checklist-320.png"), png).unwrap();
    }
    b.client.set_window_size(412, 915).await.unwrap();
    // Printed (the print stylesheet: the conversation without its controls).
    let pdf = b
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    if let Ok(dir) = std::env::var("MITID_BOT_SCREENSHOTS") {
        std::fs::write(format!("{dir}/checklist.pdf"), pdf).unwrap();
    }
    // The booking button is a link that opens the booking page.
    assert_eq!(
        b.js(
            "const a = [...document.querySelectorAll('#log > .turn:last-child a.button')][0]; return a && a.getAttribute('href');",
            vec![]
        )
        .await,
        json!("https://www.aabenraa.dk")
    );

    // The appointment in a week, at 10 in the morning: then the calendar file.
    let day = Utc::now().checked_add_days(Days::new(7)).unwrap();
    let typed = format!("{}.{}.{} kl. 10", day.day(), day.month(), day.year());
    b.press("Mind mig om min tid").await;
    // The print button still prints the checklist, now in an older turn, and only it.
    assert_eq!(
        b.js(
            "window.print = () => { window.printed = document.body.classList.contains('print-checklist') \
             && [...document.querySelectorAll('.msg.print-this')].map(m => m.innerText); }; \
             document.getElementById('print').click(); \
             window.dispatchEvent(new Event('afterprint')); \
             return [window.printed.length, window.printed[0].includes('Din tjekliste til MitID'), \
             document.querySelectorAll('.print-this').length, \
             document.body.classList.contains('print-checklist')];",
            vec![]
        )
        .await,
        json!([1, true, 0, false]),
        "printed: the newest checklist alone; afterwards the page as it was"
    );
    b.say(&typed).await;
    assert!(b.newest().await.contains("kl. 10"), "{}", b.newest().await);
    b.press("Ja, mind mig om det").await;
    assert!(
        b.newest().await.contains("Tilføj tiden til din kalender"),
        "the calendar file is offered in the reply: {}",
        b.newest().await
    );
    b.tab_to("Tilføj tiden til din kalender").await;
    b.key(Key::Enter.into()).await;
    let deadline = Instant::now() + Duration::from_secs(15);
    let ics = loop {
        let done = std::fs::read_dir(downloads.path())
            .unwrap()
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "ics"));
        if let Some(file) = done {
            break std::fs::read_to_string(file.path()).unwrap();
        }
        assert!(Instant::now() < deadline, "no calendar file was downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert!(lines.contains(&"BEGIN:VEVENT"));
    // 10:00 in Copenhagen is 9:00 UTC in winter, 8:00 in summer.
    let start = lines
        .iter()
        .find_map(|l| l.strip_prefix("DTSTART:"))
        .expect("DTSTART");
    let date = format!("{:04}{:02}{:02}", day.year(), day.month(), day.day());
    assert!(
        start == format!("{date}T090000Z") || start == format!("{date}T080000Z"),
        "{start}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("SUMMARY:MitID hos Borgerservice\\, Aabenraa Kommune")));
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VALARM").count(), 2);
    assert!(lines.contains(&"TRIGGER;RELATED=START:-PT2H"));

    // "Delete my answers": nothing is kept; a new visit starts from the beginning.
    b.tab_to("Slet mine svar").await;
    b.key(Key::Enter.into()).await;
    b.wait_until(
        "return document.body.innerText.includes('Dine svar er slettet')",
        "the deletion",
    )
    .await;
    b.audit().await;
    let metrics = chat.get("/metrics", &[]);
    assert!(
        metrics.body.contains("mitid_bot_conversations 0"),
        "{}",
        metrics.body
    );
    b.client
        .goto(&format!("{}?lang=da", chat.url()))
        .await
        .unwrap();
    b.audit().await;
    assert!(b.text().await.contains("Jeg er en automatisk assistent"));
    assert!(!b.text().await.contains("tjekliste til MitID"));

    b.client.close().await.unwrap();
    let log = chat.stop();
    assert!(!log.contains("Åse"), "typed text in the log:\n{log}");
}
