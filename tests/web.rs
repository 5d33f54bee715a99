//! The web chat over plain HTTP, without a browser: the built binary (`mitid-bot web`) and
//! requests as a browser without JavaScript would send them. Cookie flags, the
//! Content-Security-Policy, a form post that walks a step, the limits (body size, rate),
//! forged and stale buttons, two tabs, a missing cookie, "delete my answers", and what is
//! left in the data directory afterwards.

mod support;

use support::web::WebChat;

const DA: (&str, &str) = ("Accept-Language", "da-DK,da;q=0.9,en;q=0.8");

/// Every file below `dir`, read as bytes.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                out.push((p, bytes));
            }
        }
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_new_visitor_gets_a_private_cookie_a_strict_policy_and_the_danish_welcome() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    assert_eq!(page.status, 200);
    let cookie = page.header("set-cookie").expect("a cookie");
    let id = page.cookie_id().unwrap();
    assert_eq!(id.len(), 32, "128 bits in hex: {cookie}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(page.body.contains("<html lang=\"da\">"));
    assert!(page
        .body
        .contains("Jeg er en automatisk assistent fra Borgerservice"));
    assert!(page.body.contains("aria-live=\"polite\""));
    assert!(page.body.contains("Slet mine svar"));
    // No script or style written into the page, nothing from another site.
    assert!(!page.body.contains("<script>") && !page.body.contains("style="));
    assert!(!page.body.contains("src=\"http") && !page.body.contains("href=\"//"));

    // Behind an HTTPS proxy the cookie is Secure.
    let page = chat.get("/", &[DA, ("X-Forwarded-Proto", "https")]);
    assert!(page.header("set-cookie").unwrap().contains("; Secure"));

    // The stylesheet and the script are ours, from this address.
    let css = chat.get("/static/chat.css", &[]);
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert!(css.body.contains("@media print"));
    let js = chat.get("/static/chat.js", &[]);
    assert_eq!(js.status, 200);
    assert!(js.body.contains("fetch("));
}

#[test]
fn without_javascript_a_button_is_a_form_post_that_walks_one_step() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    let first = page.button("Jeg skal have MitID for første gang");
    let next = chat.post(
        "/",
        &[DA, ("Cookie", &cookie)],
        &format!("u={}&b={}", page.nonce(), first),
    );
    assert_eq!(next.status, 200);
    assert!(
        next.body
            .contains("Har du et dansk CPR-nummer, og er du fyldt 13 år?"),
        "{}",
        next.body
    );
    assert!(next.body.contains("Trin 1 af 7"));
    // The same form sent again (a reload after the post) is one input, not two.
    let again = chat.post(
        "/",
        &[DA, ("Cookie", &cookie)],
        &format!("u={}&b={}", page.nonce(), first),
    );
    assert_eq!(again.status, 200);
    assert!(again
        .body
        .contains("Har du et dansk CPR-nummer, og er du fyldt 13 år?"));
    assert!(!again.body.contains("hører til en tidligere besked"));
    // A reload shows where the conversation is.
    let reload = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert!(reload
        .body
        .contains("Har du et dansk CPR-nummer, og er du fyldt 13 år?"));
    assert!(reload
        .buttons()
        .iter()
        .any(|(_, l)| l == "Ja, og jeg er fyldt 13 år"));
}

#[test]
fn a_forged_or_stale_button_gets_the_calm_answer_and_moves_nothing() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    for forged in [
        "nope:zzz",
        "welcome:prepare%3Cscript%3E",
        "%00%01",
        &"x".repeat(300),
    ] {
        let r = chat.post("/", &[DA, ("Cookie", &cookie)], &format!("b={forged}"));
        assert_eq!(r.status, 200, "{forged}");
        assert!(
            r.body
                .contains("Den knap hører til en tidligere besked. Her er vi nu:"),
            "{forged}: {}",
            r.body
        );
        assert!(!r.body.contains("<script>"));
    }
    // Still on the welcome screen: its first button works.
    let r = chat.post("/", &[DA, ("Cookie", &cookie)], "b=welcome%3Aprepare");
    assert!(r.body.contains("Har du et dansk CPR-nummer"));
}

#[test]
fn two_tabs_with_one_cookie_share_one_conversation_and_the_older_tab_gets_the_calm_answer() {
    let chat = WebChat::start(&[]);
    let tab1 = chat.get("/", &[DA]);
    let cookie = tab1.cookie();
    let tab2 = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert_eq!(tab2.cookie_id(), tab1.cookie_id(), "the same conversation");
    let r1 = chat.post(
        "/",
        &[DA, ("Cookie", &cookie)],
        &format!("u={}&b=welcome%3Aprepare", tab1.nonce()),
    );
    assert!(r1.body.contains("Har du et dansk CPR-nummer"));
    let r2 = chat.post(
        "/",
        &[DA, ("Cookie", &cookie)],
        &format!("u={}&b=welcome%3Afaq", tab2.nonce()),
    );
    assert_eq!(r2.status, 200);
    assert!(
        r2.body.contains("Den knap hører til en tidligere besked"),
        "{}",
        r2.body
    );
    assert!(r2.body.contains("Har du et dansk CPR-nummer"));
}

#[test]
fn a_post_without_a_cookie_starts_a_conversation_calmly() {
    let chat = WebChat::start(&[]);
    let r = chat.post("/", &[DA], "b=cpr%3Ayes");
    assert_eq!(r.status, 200);
    assert!(
        r.cookie_id().is_some(),
        "a new conversation gets its cookie"
    );
    assert!(r.body.contains("<html lang=\"da\">"));
    // A cookie that is not one of ours is not used as an id.
    let r = chat.get("/", &[DA, ("Cookie", "mitid_chat=../../etc/passwd")]);
    assert_eq!(r.status, 200);
    assert_ne!(r.cookie_id().as_deref(), Some("../../etc/passwd"));
}

#[test]
fn an_oversized_body_gets_413_and_a_friendly_page() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let body = format!("text={}", "a".repeat(8 * 1024));
    let r = chat.post("/", &[DA, ("Cookie", &page.cookie())], &body);
    assert_eq!(r.status, 413);
    assert!(
        r.body.contains("Din besked er for lang til mig"),
        "{}",
        r.body
    );
    assert!(r.header("content-security-policy").is_some());
}

#[test]
fn too_many_requests_get_429_with_a_friendly_page() {
    let chat = WebChat::start(&[("MITID_BOT_WEB_RATE_LIMIT", "5")]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(chat.get("/", &[DA, ("Cookie", &cookie)]).status);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429]);
    let r = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert_eq!(r.status, 429, "{statuses:?}");
    assert_eq!(r.header("retry-after"), Some("60"));
    assert!(r.body.contains("Vent et minut"), "{}", r.body);
    assert!(r.body.contains("73 76 76 76"));
}

#[test]
fn health_and_metrics_are_not_on_the_public_listener_unless_asked_for() {
    let chat = WebChat::start(&[]);
    assert_eq!(chat.get("/healthz", &[]).status, 404);
    assert_eq!(chat.get("/metrics", &[]).status, 404);
    let chat = WebChat::start(&[("MITID_BOT_WEB_HEALTH", "on")]);
    let r = chat.get("/healthz", &[]);
    assert_eq!((r.status, r.body.as_str()), (200, "ok\n"));
    assert!(chat
        .get("/metrics", &[])
        .body
        .contains("mitid_bot_conversations 0"));
}

#[test]
fn a_deep_link_opens_the_topic_in_its_language_and_a_reload_does_not_start_again() {
    let chat = WebChat::start(&[]);
    let r = chat.get("/?start=de-witness", &[DA]);
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/"));
    let cookie = r.cookie();
    let page = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert!(page.body.contains("<html lang=\"de\">"), "{}", page.body);
    assert!(page
        .body
        .contains("Ich prüfe, ob jemand Ihre Zeugin oder Ihr Zeuge sein kann"));
    assert!(page.body.contains("Meine Antworten löschen"));
    // ?lang= for a new visitor: English, whatever the browser says.
    let r = chat.get("/?lang=en", &[DA]);
    let page = chat.get("/", &[("Cookie", &r.cookie())]);
    assert!(page.body.contains("<html lang=\"en\">"));
    assert!(page.body.contains("I am the automated assistant"));
}

#[test]
fn typed_text_is_answered_never_stored_and_delete_my_answers_leaves_no_record() {
    let mut chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    let userid = chat.post("/", &[DA, ("Cookie", &cookie)], "b=welcome%3Auserid");
    assert!(userid.body.contains("Skriv et forslag"), "{}", userid.body);
    let verdict = chat.post(
        "/",
        &[DA, ("Cookie", &cookie)],
        &format!("u={}&text=Zebrafink2026", userid.nonce()),
    );
    assert!(
        verdict.body.contains("Det bruger-ID følger reglerne"),
        "{}",
        verdict.body
    );
    assert!(
        !verdict.body.contains("Zebrafink2026"),
        "typed text is not echoed into the page"
    );
    // A question in words, and a CPR number: answered, warned, not kept.
    chat.post(
        "/",
        &[DA, ("Cookie", &cookie)],
        "text=Kan+min+s%C3%B8n+bruge+mit+MitID%3F+Hemmeligsnegl",
    );
    let cpr = chat.post("/", &[DA, ("Cookie", &cookie)], "text=010203-1234");
    assert!(
        cpr.body.contains("Send aldrig dit CPR-nummer i en chat"),
        "{}",
        cpr.body
    );

    // "Delete my answers": the cookie goes, and the conversation starts afresh.
    let gone = chat.post("/forget", &[DA, ("Cookie", &cookie)], "");
    assert_eq!(gone.status, 200);
    assert!(gone.body.contains("Dine svar er slettet"), "{}", gone.body);
    assert!(gone.header("set-cookie").unwrap().contains("Max-Age=0"));
    let fresh = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert!(fresh.body.contains("Jeg er en automatisk assistent"));

    let log = chat.stop();
    for (path, bytes) in files(chat.data_dir.path()) {
        for secret in [
            "Zebrafink2026",
            "Hemmeligsnegl",
            "010203-1234",
            "0102031234",
        ] {
            assert!(!contains(&bytes, secret), "{secret} in {}", path.display());
        }
    }
    for secret in ["Zebrafink2026", "Hemmeligsnegl", "010203", &cookie[11..]] {
        assert!(!log.contains(secret), "{secret} in the log:\n{log}");
    }
    // Only the fresh conversation started after the deletion is left.
    let (out, err, code) = support::binary::run(
        &[
            "--data-dir",
            chat.data_dir.path().to_str().unwrap(),
            "check",
        ],
        "",
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("opens; 1 conversation(s)"), "{out}");
}

#[test]
fn a_page_that_does_not_exist_says_so_in_the_browsers_language() {
    let chat = WebChat::start(&[]);
    let r = chat.get("/wp-admin", &[("Accept-Language", "de-DE,de;q=0.9")]);
    assert_eq!(r.status, 404);
    assert!(r.body.contains("Diese Seite gibt es nicht"), "{}", r.body);
    let r = chat.get("/calendar.ics", &[DA]);
    assert_eq!(r.status, 404);
    assert!(
        r.body.contains("<h2>Tidspunktet mangler</h2>"),
        "{}",
        r.body
    );
    assert!(r
        .body
        .contains("Jeg kender ikke dato og klokkeslæt for din næste tid."));
}

#[test]
fn beside_the_telegram_bot_the_web_chat_shares_the_store_and_both_answer() {
    let fake = support::FakeTelegram::start_in_background();
    let env: Vec<(String, String)> = fake
        .child_env()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let mut chat = WebChat::start_with(&["run", "--web-listen", "127.0.0.1:0"], &env);
    let maria = support::User {
        id: 4711,
        first_name: "Maria",
        language_code: Some("da"),
    };
    fake.send_text(maria, "/start");
    let web = chat.get("/", &[DA]);
    assert!(web.body.contains("Jeg er en automatisk assistent"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while fake.sent_messages(maria.id).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "Telegram got no reply"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(fake.sent_messages(maria.id)[0]
        .text
        .contains("Jeg er en automatisk assistent"));
    // The webhook's /healthz is not on the public web listener.
    assert_eq!(chat.get("/healthz", &[]).status, 404);
    chat.stop();
    let (out, err, code) = support::binary::run(
        &[
            "--data-dir",
            chat.data_dir.path().to_str().unwrap(),
            "check",
        ],
        "",
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("opens; 2 conversation(s)"), "{out}");
}

#[test]
fn on_the_web_a_reminder_is_a_calendar_file_never_a_promise_of_a_message() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    let post = |form: &str| chat.post("/", &[DA, ("Cookie", &cookie)], form);
    let checklist = post("text=%2Fchecklist");
    let remind = post(&format!("b={}", checklist.button("Mind mig om min tid")));
    assert!(
        remind.body.contains("Hvornår har du tid?"),
        "{}",
        remind.body
    );
    // A week ahead, at 10 in the morning.
    let day = chrono::Utc::now() + chrono::Duration::days(7);
    let typed = format!("text={}", day.format("%-d.%-m.%Y+kl.+10"));
    let confirm = post(&typed);
    assert!(confirm.body.contains("Passer det?"), "{}", confirm.body);
    assert!(
        !confirm.body.contains("href=\"/calendar.ics\""),
        "no file before the time is confirmed"
    );
    let set = post(&format!("b={}", confirm.button("Ja, mind mig om det")));
    assert!(
        set.body
            .contains("Jeg kan ikke sende dig en besked fra denne side"),
        "{}",
        set.body
    );
    assert!(set.body.contains("aftenen før kl. 18.00"), "{}", set.body);
    assert!(set.body.contains("2 timer før"), "{}", set.body);
    for promise in ["Jeg minder dig om", "/paamindelser", "med din tjekliste"] {
        assert!(!set.body.contains(promise), "{promise}: {}", set.body);
    }
    // The file is offered in the reply itself, and served.
    let turn = set.body.split("<div class=\"turn\">").nth(1).unwrap();
    let turn = turn
        .split("<form method=\"post\" action=\"/\" class=\"ask\"")
        .next()
        .unwrap();
    assert!(
        turn.contains("href=\"/calendar.ics\"") && turn.contains("Tilføj tiden til din kalender"),
        "{turn}"
    );
    let ics = chat.get("/calendar.ics", &[DA, ("Cookie", &cookie)]);
    assert_eq!(ics.status, 200);
    assert!(ics.body.starts_with("BEGIN:VCALENDAR"), "{}", ics.body);

    // /paamindelser typed anyway: the appointment and the file, no reminders to stop.
    let list = post("text=%2Fpaamindelser");
    assert!(
        list.body
            .contains("Tilføj den til din kalender med kalenderfilen"),
        "{}",
        list.body
    );
    assert!(!list.body.contains("Jeg minder dig om"), "{}", list.body);
    assert!(
        !list
            .buttons()
            .iter()
            .any(|(_, l)| l == "Stop mine påmindelser"),
        "{}",
        list.body
    );
}

#[test]
fn on_the_web_what_is_kept_names_the_button_and_the_cookie_not_telegram_or_commands() {
    let chat = WebChat::start(&[]);
    // (browser language, the menu button, what the page must say, what it must not)
    let cases = [
        (
            "da-DK,da;q=0.9",
            "Hvad gemmer du om mig?",
            [
                "30 dage efter dit sidste svar",
                "\"Slet mine svar\"",
                "én cookie",
            ],
            ["Telegram", "/glem", "minde dig om"],
        ),
        (
            "en-GB,en;q=0.9",
            "What do you keep about me?",
            [
                "30 days after your last answer",
                "\"Delete my answers\"",
                "one cookie",
            ],
            ["Telegram", "/forget", "remind you"],
        ),
        (
            "de-DE,de;q=0.9",
            "Was speichern Sie über mich?",
            [
                "30 Tage nach Ihrer letzten Antwort",
                "„Meine Antworten löschen“",
                "ein Cookie",
            ],
            ["Telegram", "/forget", "erinnern"],
        ),
    ];
    for (language, button, says, never) in cases {
        let page = chat.get("/", &[("Accept-Language", language)]);
        let cookie = page.cookie();
        let privacy = chat.post(
            "/",
            &[("Accept-Language", language), ("Cookie", &cookie)],
            "text=%2Fmenu",
        );
        let privacy = chat.post(
            "/",
            &[("Accept-Language", language), ("Cookie", &cookie)],
            &format!("b={}", privacy.button(button)),
        );
        // The reply itself, not the footer's note or the delete form below it.
        let body = privacy.body.replace("&quot;", "\"");
        let body = body
            .split("<div class=\"turn\">")
            .nth(1)
            .and_then(|t| t.split("class=\"ask\"").next())
            .unwrap_or_default();
        for words in says {
            assert!(body.contains(words), "{language}: {words}: {body}");
        }
        for words in never {
            assert!(!body.contains(words), "{language}: {words}: {body}");
        }
    }
}

#[test]
fn a_typed_cpr_number_is_never_shown_again_and_the_warning_is_true_on_the_web() {
    let chat = WebChat::start(&[]);
    // (browser language, the warning, the Telegram-only claim it must not make)
    let cases = [
        (
            "da-DK,da;q=0.9",
            "Det ser ud til, at du har skrevet et CPR-nummer. Send aldrig dit CPR-nummer i en chat. Jeg har ikke gemt det.",
            "forsøgt at slette",
        ),
        (
            "en-GB,en;q=0.9",
            "It looks like you wrote a CPR number. Please never send your CPR number in a chat. I have not saved it.",
            "tried to delete",
        ),
        (
            "de-DE,de;q=0.9",
            "Es sieht so aus, als hätten Sie eine CPR-Nummer geschrieben. Bitte schicken Sie Ihre CPR-Nummer nie in einem Chat. Ich habe sie nicht gespeichert.",
            "versucht, Ihre Nachricht zu löschen",
        ),
    ];
    for (language, warning, untrue) in cases {
        let page = chat.get("/", &[("Accept-Language", language)]);
        let cookie = page.cookie();
        for typed in ["text=Mit+nummer+er+150287-1234", "text=1502871234"] {
            let r = chat.post(
                "/",
                &[("Accept-Language", language), ("Cookie", &cookie)],
                typed,
            );
            assert_eq!(r.status, 200, "{language}");
            for number in ["150287", "1502871234"] {
                assert!(
                    !r.body.contains(number),
                    "{language}: {number} on the page:\n{}",
                    r.body
                );
            }
            assert!(r.body.contains(warning), "{language}: {}", r.body);
            assert!(!r.body.contains(untrue), "{language}: {}", r.body);
            // The script is told not to show the typed text above the reply.
            assert!(
                r.body.contains("<div class=\"turn\" data-private>"),
                "{language}: {}",
                r.body
            );
        }
        // A question is not private: the script may show it.
        let r = chat.post(
            "/",
            &[("Accept-Language", language), ("Cookie", &cookie)],
            "text=MitID%3F",
        );
        assert!(!r.body.contains("data-private"), "{language}: {}", r.body);
    }
    let js = chat.get("/static/chat.js", &[]);
    assert!(js.body.contains("hasAttribute(\"data-private\")"));
}

#[test]
fn with_only_the_web_chat_serving_an_expired_web_conversation_is_deleted() {
    use mitid_bot::dialogue::State;
    use mitid_bot::i18n::Lang;
    use mitid_bot::storage::{Key, Loaded, Record, SledStore, Store};

    // Two web conversations: one last used 31 days ago (retention is 30), one today.
    let data_dir = tempfile::tempdir().unwrap();
    let now = chrono::Utc::now();
    let old = Key::web("0123456789abcdef0123456789abcdef".into());
    let fresh = Key::web("fedcba9876543210fedcba9876543210".into());
    {
        let store = SledStore::open(data_dir.path()).unwrap();
        let mut record = Record::new(State::new(Lang::Da), now);
        record.last_active = (now - chrono::Duration::days(31)).timestamp();
        store.save(&old, &record).unwrap();
        store
            .save(&fresh, &Record::new(State::new(Lang::Da), now))
            .unwrap();
    }
    let env = [
        ("MITID_BOT_EXPIRY_INTERVAL_SECONDS", "1"),
        ("MITID_BOT_WEB_HEALTH", "on"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()));
    let mut chat = WebChat::start_in(data_dir, &["web", "--listen", "127.0.0.1:0"], &env);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let metrics = chat.get("/metrics", &[]).body;
        if metrics.contains("mitid_bot_conversations 1\n") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no expiry sweep within 20 s of a web-only start:\n{metrics}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let log = chat.stop();
    assert!(log.contains("expired idle conversations"), "{log}");
    let store = SledStore::open(chat.data_dir.path()).unwrap();
    assert_eq!(
        store.load(&old).unwrap(),
        Loaded::Missing,
        "the expired one"
    );
    assert!(
        matches!(store.load(&fresh).unwrap(), Loaded::Found(_)),
        "the one used today stays"
    );
}

#[test]
fn the_checklist_is_marked_for_the_print_button_and_nothing_else_is() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    let post = |form: &str| chat.post("/", &[DA, ("Cookie", &cookie)], form);
    // The print button is hidden until the script finds a checklist on the page.
    assert!(
        page.body
            .contains("id=\"print\" class=\"secondary\" hidden>Udskriv tjeklisten"),
        "{}",
        page.body
    );
    assert!(!page.body.contains(" checklist\""), "{}", page.body);
    let checklist = post("text=%2Fchecklist");
    let marked = checklist
        .body
        .split("<div class=\"msg bot keep checklist\" tabindex=\"-1\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no checklist marked: {}", checklist.body));
    let marked = marked.split("</div>").next().unwrap();
    assert!(
        marked.contains("Din tjekliste til MitID hos Borgerservice"),
        "{marked}"
    );
    // A reload on the checklist marks it too; the next screen is not a checklist.
    let reload = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert!(
        reload.body.contains("msg bot keep checklist"),
        "{}",
        reload.body
    );
    let next = post(&format!("b={}", checklist.button("Mind mig om min tid")));
    assert!(next.body.contains("Hvornår har du tid?"), "{}", next.body);
    assert!(!next.body.contains(" checklist\""), "{}", next.body);
}

/// The reply of a page: the newest turn, without the footer or the forms below it.
fn reply_of(body: &str) -> String {
    let body = body.replace("&quot;", "\"");
    body.split("<div class=\"turn\"")
        .nth(1)
        .and_then(|t| t.split("class=\"ask\"").next())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn on_the_web_help_and_the_witness_check_name_the_page_not_telegram_commands() {
    let chat = WebChat::start(&[]);
    // (language, help says, witness check says)
    let cases = [
        (
            "da",
            "\"Slet mine svar\" nederst på siden sletter alt, hvad jeg har gemt om dig.",
            "Du kan altid slette dem – se \"Hvad gemmer du om mig?\" i hovedmenuen.",
        ),
        (
            "en",
            "\"Delete my answers\" at the bottom of the page deletes everything I keep about you.",
            "You can delete them at any time: see \"What do you keep about me?\" in the main menu.",
        ),
        (
            "de",
            "„Meine Antworten löschen“ unten auf der Seite löscht alles, was ich über Sie gespeichert habe.",
            "Sie können sie jederzeit löschen – siehe „Was speichern Sie über mich?“ im Hauptmenü.",
        ),
    ];
    for (lang, help_says, witness_says) in cases {
        let start = chat.get(&format!("/?start={lang}-witness"), &[]);
        let cookie = start.cookie();
        let witness = chat.get("/", &[("Cookie", &cookie)]);
        let witness = witness.body.replace("&quot;", "\"");
        assert!(witness.contains(witness_says), "{lang}: {witness}");
        let help = chat.post("/", &[("Cookie", &cookie)], "text=%2Fhelp");
        let help = reply_of(&help.body);
        assert!(help.contains(help_says), "{lang}: {help}");
        for command in [
            "/menu",
            "/glem",
            "/forget",
            "/sprog",
            "/language",
            "nummer",
            "number",
            "Nummer",
        ] {
            assert!(!help.contains(command), "{lang}: {command}: {help}");
        }
    }
}

#[test]
fn the_page_after_deleting_says_it_is_done_and_the_cookie_lasts_as_long_as_the_answers() {
    let chat = WebChat::start(&[]);
    let page = chat.get("/", &[DA]);
    let cookie = page.cookie();
    let max_age = |r: &support::web::Response| -> i64 {
        let c = r.header("set-cookie").expect("a cookie");
        c.split("Max-Age=")
            .nth(1)
            .and_then(|v| v.split(';').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no Max-Age: {c}"))
    };
    // 30 days without an appointment.
    let thirty_days = 30 * 24 * 3600;
    assert!(
        (thirty_days - 5..=thirty_days).contains(&max_age(&page)),
        "{}",
        max_age(&page)
    );
    // An appointment in 60 days: the answers are kept until 30 days after it, and so is
    // the cookie.
    let post = |form: &str| chat.post("/", &[DA, ("Cookie", &cookie)], form);
    let checklist = post("text=%2Fchecklist");
    post(&format!("b={}", checklist.button("Mind mig om min tid")));
    let day = chrono::Utc::now() + chrono::Duration::days(60);
    let confirm = post(&format!("text={}", day.format("%-d.%-m.%Y+kl.+10")));
    let set = post(&format!("b={}", confirm.button("Ja, mind mig om det")));
    assert!(
        set.body.contains(
            "Kalenderfilen har to påmindelser: aftenen før kl. 18.00 og 2 timer før. Tjek, at din kalender viser dem."
        ),
        "{}",
        set.body
    );
    let days = max_age(&set) as f64 / (24.0 * 3600.0);
    assert!((88.5..=90.5).contains(&days), "{days} days");
    let reload = chat.get("/", &[DA, ("Cookie", &cookie)]);
    assert!(max_age(&reload) as f64 / (24.0 * 3600.0) > 88.5);

    // The page after deleting is titled as done, not with the button's order.
    let gone = chat.post("/forget", &[DA, ("Cookie", &cookie)], "");
    assert!(
        gone.body.contains("<h2>Dine svar er slettet</h2>"),
        "{}",
        gone.body
    );
    assert!(
        gone.body.contains("<title>Dine svar er slettet – "),
        "{}",
        gone.body
    );
    let en = chat.post("/forget", &[("Accept-Language", "en")], "");
    assert!(
        en.body.contains("<h2>Your answers have been deleted</h2>"),
        "{}",
        en.body
    );
}

#[test]
fn a_question_typed_at_the_userid_step_is_answered_not_checked_as_a_userid() {
    let chat = WebChat::start(&[]);
    let en = ("Accept-Language", "en-GB,en;q=0.9");
    let page = chat.get("/", &[en]);
    let cookie = page.cookie();
    let post = |form: &str| chat.post("/", &[en, ("Cookie", &cookie)], form);
    let step = post("b=welcome%3Auserid");
    assert!(
        step.body.contains("Type an idea and I will check it"),
        "{}",
        step.body
    );
    let asked = post("text=i+need+witness%3F+i+live+here+only+8+month");
    let reply = reply_of(&asked.body);
    assert!(
        reply.contains("have lived here for less than 5 years"),
        "the witness answer: {reply}"
    );
    assert!(!reply.contains("That UserID follows the rules"), "{reply}");
    // Back at the UserID step, an idea of a few words is still checked.
    let back = post(&format!("b={}", asked.button("Continue where I left off")));
    assert!(
        back.body.contains("Type an idea and I will check it"),
        "{}",
        back.body
    );
    let idea = post("text=Zebrafisk+Quokka+42");
    assert!(
        reply_of(&idea.body).contains("That UserID follows the rules (19 characters)"),
        "{}",
        idea.body
    );
}
