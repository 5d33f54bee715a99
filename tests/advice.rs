//! Advice that must be right on the day of the appointment (issue 11), as a citizen reads it:
//! the 3-month question, a password reset, the witness's CPR documents, documents that are
//! not enough, a phone that cannot run the app, and a source under each rule answer.
//!
//! Every test drives the real engine with button presses and reads the rendered text. The
//! expected words are written here, never taken from the renderer.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::{ButtonAction, Command, Engine, Input, Reply};
use mitid_bot::dialogue::State;
use mitid_bot::i18n::{Globals, Lang};

fn engine() -> Engine {
    match check::load(&ContentSource::embedded(), Globals::default()) {
        Ok(e) => e,
        Err(problems) => panic!("shipped content has problems: {problems:#?}"),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

/// A citizen's answers, by screen: the option ids pressed there, in order (for a screen with
/// tick boxes: the ticks, then "done").
type Answers = HashMap<&'static str, Vec<&'static str>>;

fn answers(list: &[(&'static str, &[&'static str])]) -> Answers {
    list.iter().map(|(n, o)| (*n, o.to_vec())).collect()
}

/// Answers every screen from `/start <lang>-prepare` until the screen `stop`, and returns
/// what that screen shows (text and button labels).
struct Walk {
    engine: Engine,
    lang: Lang,
    state: State,
    last: Vec<Reply>,
}

impl Walk {
    fn to(lang: Lang, given: &Answers, stop: &str) -> Walk {
        Walk::from_topic("prepare", lang, given, stop)
    }

    /// Like [`Walk::to`], from the deep-link topic `topic` (`documents`, `witness`, ...).
    fn from_topic(topic: &str, lang: Lang, given: &Answers, stop: &str) -> Walk {
        let engine = engine();
        let state = engine.new_state(lang);
        let mut w = Walk {
            engine,
            lang,
            state,
            last: Vec::new(),
        };
        w.send(Input::Start {
            payload: Some(format!("{}-{topic}", lang.code())),
        });
        for _ in 0..40 {
            if w.state.node == stop {
                return w;
            }
            let node = w.state.node.clone();
            let Some(options) = given.get(node.as_str()) else {
                panic!("{lang}: no answer for screen `{node}`:\n{}", w.shown());
            };
            for o in options {
                w.press(o);
            }
            assert_ne!(w.state.node, node, "{lang}: `{node}` did not move on");
        }
        panic!("{lang}: never reached `{stop}`");
    }

    fn send(&mut self, input: Input) {
        let step = self.engine.step(&self.state, input, now());
        self.state = step.state;
        self.last = step.replies;
    }

    fn press(&mut self, option: &str) {
        let data = self
            .last
            .iter()
            .flat_map(|r| &r.buttons)
            .find_map(|b| match &b.action {
                ButtonAction::Callback(d) if d.rsplit(':').next() == Some(option) => {
                    Some(d.clone())
                }
                _ => None,
            })
            .unwrap_or_else(|| {
                panic!(
                    "no button `{option}` on `{}`:\n{}",
                    self.state.node,
                    self.shown()
                )
            });
        self.send(Input::Button(data));
    }

    fn shown(&self) -> String {
        self.last
            .iter()
            .map(|r| {
                let rendered = self.engine.render(self.lang, "telegram", r);
                let labels: Vec<String> =
                    rendered.buttons.iter().map(|b| b.label.clone()).collect();
                format!("{}\n{}", rendered.text, labels.join("\n"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Lives in Denmark for years, first MitID, app on a phone that works, chooses the UserID
/// later. Documents: a foreign passport and the yellow card (enough).
fn first_timer() -> Answers {
    answers(&[
        ("cpr", &["yes"]),
        ("reason", &["first"]),
        ("home-check", &["no-doc"]),
        ("self-service", &["come"]),
        ("residence", &["dk"]),
        ("history", &["both"]),
        ("doc-main", &["none"]),
        ("docs", &["foreign_passport", "yellow_card", "done"]),
        ("device", &["app"]),
        ("userid", &["later"]),
    ])
}

fn with(mut base: Answers, changes: &[(&'static str, &[&'static str])]) -> Answers {
    for (n, o) in changes {
        base.insert(n, o.to_vec());
    }
    base
}

fn assert_has(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

#[test]
fn the_three_month_question_is_about_the_day_of_the_appointment() {
    let given = with(
        first_timer(),
        &[("docs", &["foreign_passport", "tax", "done"])],
    );
    for (lang, words) in [
        (
            Lang::En,
            ["at most 3 months old on the day of your appointment"],
        ),
        (Lang::Da, ["højst 3 måneder gammel den dag, du har tid"]),
        (Lang::De, ["am Tag Ihres Termins höchstens 3 Monate alt"]),
    ] {
        let w = Walk::to(lang, &given, "tax-recent");
        assert_has(&w.shown(), &words);
    }
    // The checklist line says the same.
    let given = with(given, &[("tax-recent", &["yes"])]);
    let w = Walk::to(Lang::En, &given, "checklist");
    assert_has(
        &w.shown(),
        &["• Your Danish tax statement (at most 3 months old on the day of your appointment)"],
    );
}

#[test]
fn once_the_appointment_is_known_the_three_month_question_names_its_date() {
    for (lang, words) in [
        (
            Lang::En,
            "Your appointment is on Thursday 3 December 2026. Will your Danish tax statement",
        ),
        (
            Lang::Da,
            "Du har tid torsdag den 3. december 2026. Er din årsopgørelse eller forskudsopgørelse højst 3 måneder gammel den dag?",
        ),
        (Lang::De, "Ihr Termin ist am Donnerstag, 3. Dezember 2026."),
    ] {
        let mut w = Walk::to(lang, &first_timer(), "checklist");
        w.press("remind");
        w.send(Input::Text("03.12.2026 10:00".into()));
        w.press("yes");
        w.send(Input::Start {
            payload: Some(format!("{}-documents", lang.code())),
        });
        // The documents ticked before stay ticked; the tax paper is new.
        for o in ["none", "tax", "done"] {
            w.press(o);
        }
        assert_eq!(w.state.node, "tax-recent", "{lang}");
        assert_has(&w.shown(), &[words]);
    }
}

#[test]
fn a_password_reset_ends_in_a_checklist_with_the_code_display_and_mitid_support() {
    // Forgot the password, cannot log in, Danish passport with CPR number, code display.
    let given = with(
        first_timer(),
        &[
            ("reason", &["password"]),
            ("renew-working", &["no"]),
            ("witness-last", &["no"]),
            ("doc-main", &["passport"]),
            ("main-cpr", &["yes"]),
            ("device", &["code"]),
        ],
    );
    for (lang, words, never) in [
        (
            Lang::En,
            vec![
                "Bring your code display",
                "activation code",
                "MitID Support",
                "+45 33 98 00 10",
                "changed in the last 5 days",
                "• Your Danish passport with your CPR number",
                "You keep your UserID: remember it",
                "https://www.mitid.dk/en-gb/help/help-universe/mitid-password/get-new-mitid-password/",
            ],
            "choose a userid",
        ),
        (
            Lang::De,
            vec![
                "Bringen Sie Ihren Codeanzeiger (kodeviser) mit",
                "Aktivierungscode",
                "MitID-Support",
                "+45 33 98 00 10",
                "Ihre Benutzer-ID behalten Sie",
            ],
            "wählen sie eine benutzer-id",
        ),
        (
            Lang::Da,
            vec![
                "Tag din kodeviser med",
                "MitID Support",
                "33 98 00 10",
                "Du beholder dit bruger-ID",
            ],
            "vælg et bruger-id",
        ),
    ] {
        let w = Walk::to(lang, &given, "checklist");
        let shown = w.shown();
        assert_has(&shown, &words);
        assert!(
            !shown.to_lowercase().contains(never),
            "{lang}: a renewer is told to choose a UserID:\n{shown}"
        );
    }
}

#[test]
fn a_renewer_is_not_asked_to_choose_a_userid() {
    let given = with(
        first_timer(),
        &[
            ("reason", &["device"]),
            ("renew-working", &["no"]),
            ("witness-last", &["no"]),
        ],
    );
    // From the phone screen straight to the checklist: no UserID screen in between.
    let w = Walk::to(Lang::En, &given, "checklist");
    let shown = w.shown();
    assert_has(
        &shown,
        &[
            "You get a new code display at the counter",
            "MitID Support can block your lost code display",
            "+45 33 98 00 10",
        ],
    );
    assert!(!shown.contains("Choose a UserID"), "{shown}");
}

#[test]
fn the_witness_checklist_names_every_cpr_document_the_witness_may_bring() {
    // Lives in Germany and works in Denmark: a witness is likely.
    let given = answers(&[
        ("cpr", &["yes"]),
        ("reason", &["first"]),
        ("home-check", &["no-phone"]),
        ("residence", &["cross"]),
        ("doc-main", &["none"]),
        ("docs", &["foreign_id", "special_card", "done"]),
        ("device", &["app"]),
        ("userid", &["later"]),
    ]);
    let cases: [(Lang, &[&str]); 3] = [
        (
            Lang::En,
            &[
                "👥 Bring a witness. You will likely need one.",
                "at least 30 full days (30 × 24 hours) at the time of your appointment",
                "at most 2 times in the last 120 days",
                "at most their 3rd time",
                "their own MitID",
                "a valid photo ID",
                "the yellow health insurance card (card or app)",
                "a birth or baptism certificate from Denmark or Greenland",
                "a personal certificate (personattest) or certificate of residence (bopælsattest) from Denmark or Greenland",
                "a municipal ID card (legitimationskort) together with the yellow card",
                "for example a tax statement, do not count for the witness",
            ],
        ),
        (
            Lang::Da,
            &[
                "👥 Tag et vidne med.",
                "mindst 30 hele døgn (30 × 24 timer)",
                "det gule sundhedskort (kort eller app)",
                "en dåbs- eller fødselsattest fra Danmark eller Grønland",
                "en personattest eller bopælsattest fra Danmark eller Grønland",
                "et legitimationskort fra kommunen sammen med det gule sundhedskort",
                "tæller ikke for vidnet",
            ],
        ),
        (
            Lang::De,
            &[
                "👥 Bringen Sie eine Zeugin oder einen Zeugen mit.",
                "seit mindestens 30 vollen Tagen (30 × 24 Stunden)",
                "die gelbe Gesundheitskarte (sundhedskort), als Karte oder App",
                "eine Geburts- oder Taufurkunde (fødsels-/dåbsattest) aus Dänemark oder Grönland",
                "eine Personenstandsbescheinigung (personattest) oder Wohnsitzbescheinigung (bopælsattest) aus Dänemark oder Grönland",
                "einen kommunalen Ausweis (legitimationskort) zusammen mit der gelben Gesundheitskarte",
                "Steuerbescheide, zählen für die Zeugin oder den Zeugen nicht",
                // The review's sentence that read the wrong way round is gone: foreign IDs
                // never show the CPR number, so the extra document is always needed.
                "Das gilt für alle ausländischen Ausweise, auch für den deutschen Personalausweis und Reisepass",
            ],
        ),
    ];
    for (lang, words) in cases {
        let w = Walk::to(lang, &given, "checklist");
        assert_has(&w.shown(), words);
        if lang == Lang::De {
            assert!(!w.shown().contains("bei ausländischen Ausweisen nie"));
        }
    }
    // The witness forecast (shown with the device question) says the same, with its source.
    let w = Walk::to(Lang::En, &given, "device");
    assert_has(
        &w.shown(),
        &[
            "a birth or baptism certificate from Denmark or Greenland",
            "Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/",
        ],
    );
}

#[test]
fn documents_that_are_not_enough_mean_get_it_first_then_book() {
    // Lives in Denmark, has only two photo IDs: no CPR document.
    let given = with(
        first_timer(),
        &[("docs", &["foreign_passport", "foreign_id", "done"])],
    );
    let w = Walk::to(Lang::En, &given, "device");
    assert_has(
        &w.shown(),
        &[
            "❌ Your documents are not enough yet.",
            "Get this first, and book your appointment when you have it:",
            "• The yellow health insurance card, the card itself.",
            "• Or a paper from the Danish Tax Agency (Skattestyrelsen)",
            "at most 3 months old on the day of your appointment",
        ],
    );
    let w = Walk::to(Lang::En, &given, "checklist");
    let shown = w.shown();
    assert_has(
        &shown,
        &[
            "Get this first, then book your appointment:",
            "• The yellow health insurance card, the card itself.",
            "📅 When you have it, book your appointment: https://www.aabenraa.dk",
        ],
    );
    assert!(
        !shown.contains("📅 Book an appointment:"),
        "says book with a missing document:\n{shown}"
    );
    // The card first, then "or" the tax paper.
    let card = shown.find("• The yellow health insurance card").unwrap();
    let tax = shown
        .find("• Or a paper from the Danish Tax Agency")
        .unwrap();
    assert!(card < tax, "card before tax paper:\n{shown}");

    // Nothing at all: a CPR document and also a photo ID.
    let nothing = with(first_timer(), &[("docs", &["done"])]);
    let w = Walk::to(Lang::En, &nothing, "device");
    assert_has(
        &w.shown(),
        &[
            "• The yellow health insurance card, the card itself.",
            "• And also a valid photo ID: a passport or a national ID card",
            "If you live in Denmark, you can also order a municipal ID card (legitimationskort)",
        ],
    );
    // Only the yellow card (Inger, whose passport expired): a photo ID to get, the
    // municipality's own ID card for who lives here, and an expired passport plainly does
    // not count.
    let card_only = with(first_timer(), &[("docs", &["yellow_card", "done"])]);
    for (lang, words) in [
        (
            Lang::Da,
            [
                "udløbne dokumenter – tjek udløbsdatoen på dit pas eller ID-kort",
                "Bor du i Danmark, kan du også bestille et legitimationskort i din kommune.",
            ],
        ),
        (
            Lang::En,
            [
                "expired documents – check the expiry date on your passport or ID card",
                "If you live in Denmark, you can also order a municipal ID card (legitimationskort)",
            ],
        ),
        (
            Lang::De,
            [
                "abgelaufene Dokumente – prüfen Sie das Ablaufdatum Ihres Reisepasses oder Ausweises",
                "Wenn Sie in Dänemark wohnen, können Sie auch bei Ihrer Kommune einen kommunalen Ausweis (legitimationskort) bestellen.",
            ],
        ),
    ] {
        let w = Walk::to(lang, &card_only, "docs");
        assert_has(&w.shown(), &words[..1]);
        let w = Walk::to(lang, &card_only, "checklist");
        assert_has(&w.shown(), &words[1..]);
    }

    // A cross-border worker is told about the special health card instead, in German.
    let given = with(given, &[("residence", &["cross"])]);
    let w = Walk::to(Lang::De, &given, "checklist");
    assert_has(
        &w.shown(),
        &[
            "Besorgen Sie zuerst Folgendes und buchen Sie erst dann Ihren Termin:",
            "• Die spezielle Gesundheitskarte für Grenzpendler (særligt sundhedskort)",
            "📅 Wenn Sie es haben, buchen Sie Ihren Termin:",
        ],
    );
}

#[test]
fn where_a_document_is_chosen_the_bot_says_what_does_not_count() {
    for (lang, screen, words) in [
        (
            Lang::En,
            "doc-main",
            vec![
                "Danish passport (not an emergency passport)",
                "photos, scans or PDFs of a document",
                "AltID",
                "Getting MitID for the first time? Then bring the cards themselves.",
            ],
        ),
        (
            Lang::En,
            "docs",
            vec![
                "Passport from another country (not an emergency passport)",
                "temporary documents, for example an emergency passport",
                "AltID",
                "the health card app need MitID to open",
            ],
        ),
        (
            Lang::Da,
            "doc-main",
            vec!["Dansk pas (ikke et nødpas)", "AltID", "selve kortene"],
        ),
        (
            Lang::De,
            "docs",
            vec!["(kein Notpass)", "AltID", "die Karten selbst"],
        ),
    ] {
        let w = Walk::to(lang, &first_timer(), screen);
        assert_has(&w.shown(), &words);
    }
    // Someone renewing may still open the apps: no first-time warning for them.
    let renewer = with(
        first_timer(),
        &[
            ("reason", &["password"]),
            ("renew-working", &["no"]),
            ("witness-last", &["no"]),
        ],
    );
    let w = Walk::to(Lang::En, &renewer, "doc-main");
    assert!(!w.shown().contains("first time"), "{}", w.shown());
}

#[test]
fn a_phone_that_cannot_run_the_app_is_told_plainly_to_use_a_code_display() {
    // The phone's needs come with the UserID question; "my phone cannot do that" is there.
    let mut w = Walk::to(Lang::En, &first_timer(), "userid");
    w.press("not-ok");
    assert_has(
        &w.shown(),
        &[
            "Then the MitID app will not work on your phone.",
            "rooted or jailbroken",
            "some Huawei phones",
            "Android 9 or older",
            "A code display is the way for you",
        ],
    );
    w.press("later");
    assert_eq!(w.state.node, "checklist");
    assert_has(
        &w.shown(),
        &["📱 The MitID app will not work on your phone, so you will use a code display."],
    );
    assert!(
        !w.shown().contains("Install the MitID app"),
        "{}",
        w.shown()
    );
}

#[test]
fn a_first_timer_with_a_yellow_card_is_told_to_bring_the_card_not_the_app() {
    let w = Walk::to(Lang::En, &first_timer(), "checklist");
    assert_has(
        &w.shown(),
        &[
            "• Your yellow health insurance card",
            "Then bring the cards themselves. The driving licence app and the health card app need MitID to open",
        ],
    );
}

#[test]
fn every_rule_answer_names_its_source_on_mitid_dk() {
    let given = first_timer();
    for (lang, screen, url) in [
        (
            Lang::En,
            "device",
            "https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/",
        ),
        (
            Lang::En,
            "userid",
            "https://www.mitid.dk/en-gb/help/help-universe/when-you-get-mitid/",
        ),
        (
            Lang::En,
            "userid",
            "https://www.mitid.dk/en-gb/help/help-universe/mitid-user/",
        ),
        (
            Lang::Da,
            "userid",
            "Kilde: mitid.dk – https://www.mitid.dk/hjaelp/hjaelpeunivers/mitid-bruger-id/hvad-er-et-bruger-id/",
        ),
        (
            Lang::De,
            "device",
            "Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/",
        ),
    ] {
        let w = Walk::to(lang, &given, screen);
        assert_has(&w.shown(), &[url]);
    }
    let given = with(first_timer(), &[("device", &["code"])]);
    let w = Walk::to(Lang::En, &given, "userid");
    assert_has(
        &w.shown(),
        &["Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-password/"],
    );
}

/// Who checked the documents first (the poster's "documents" link) reaches a checklist that
/// cannot say whether a witness is needed. It says so, offers the two questions that decide
/// it, and then says it, without asking for the documents again (the personas' review:
/// Amina, 8 months in Denmark, would otherwise have come without a witness).
#[test]
fn a_checklist_without_the_witness_forecast_offers_it_and_then_gives_it() {
    let given = answers(&[
        ("doc-main", &["none"]),
        ("docs", &["foreign_passport", "yellow_card", "done"]),
        ("doc-result", &["next"]),
        ("witness-forecast", &["next"]),
        ("device", &["app"]),
        ("userid", &["later"]),
    ]);
    let cases: [(Lang, &str, &str, &str, &str); 3] = [
        (
            Lang::En,
            "I do not know yet whether you need a witness.",
            "Do I need a witness?",
            "Where do you live?",
            "👥 Bring a witness. You will likely need one.",
        ),
        (
            Lang::Da,
            "Jeg ved endnu ikke, om du skal have et vidne med.",
            "Skal jeg have et vidne med?",
            "Hvor bor du?",
            "👥 Tag et vidne med. Du får sandsynligvis brug for et.",
        ),
        (
            Lang::De,
            "Ob Sie eine Zeugin oder einen Zeugen brauchen, weiß ich noch nicht.",
            "Brauche ich einen Zeugen?",
            "Wo wohnen Sie?",
            "👥 Bringen Sie eine Zeugin oder einen Zeugen mit. Das ist wahrscheinlich nötig.",
        ),
    ];
    for (lang, unknown, button, question, verdict) in cases {
        let mut w = Walk::from_topic("documents", lang, &given, "checklist");
        let before = w.shown();
        assert_has(&before, &[unknown, button]);
        w.press("witness-need");
        assert_has(&w.shown(), &[question]);
        w.press("dk");
        w.press("under5");
        assert_eq!(w.state.node, "checklist", "{lang}: back at the checklist");
        let after = w.shown();
        assert_has(&after, &[verdict]);
        assert!(!after.contains(unknown), "{lang}: still unknown:\n{after}");
        assert!(
            !after.contains(button),
            "{lang}: the button stays:\n{after}"
        );
    }
    // Someone who has lived here long, moved several times and has children: the CPR
    // register knows enough, probably no witness.
    let mut w = Walk::from_topic("documents", Lang::En, &given, "checklist");
    w.press("witness-need");
    w.press("dk");
    w.press("both");
    assert_has(
        &w.shown(),
        &["You will probably not need a witness", "Your passport"],
    );
}

/// A witness the person has checked with the checker is not met with every rule again on
/// the checklist: it says the check was passed and what the witness brings (Jonas's
/// finding: "Bring a witness, likely needed" and all the rules, after a ✅).
#[test]
fn a_witness_checked_and_found_fit_is_named_on_the_checklist() {
    let given = answers(&[
        ("cpr", &["yes"]),
        ("reason", &["first"]),
        ("home-check", &["no-phone"]),
        ("residence", &["cross"]),
        ("doc-main", &["none"]),
        ("docs", &["foreign_id", "special_card", "done"]),
        ("device", &["app"]),
        ("userid", &["later"]),
    ]);
    let mut w = Walk::to(Lang::En, &given, "checklist");
    assert_has(
        &w.shown(),
        &["Your witness must:", "at most 2 times in the last 120 days"],
    );
    // Left after the MitID date (count and photo ID not asked): not checked, the rules stand.
    let mut early = Walk::to(Lang::En, &given, "checklist");
    early.press("witness");
    early.press("start");
    early.press("yes");
    early.send(Input::Text("3.1.2025".into()));
    early.send(Input::Command(Command::Checklist));
    let shown = early.shown();
    assert_has(&shown, &["👥 Bring a witness.", "Your witness must:"]);
    assert!(
        !shown.contains("your witness meets the rules"),
        "called checked half-way:\n{shown}"
    );
    w.press("witness");
    w.press("start");
    w.press("yes");
    w.send(Input::Text("3.1.2025".into()));
    w.press("no");
    w.press("0");
    w.press("pass-no-cpr");
    assert_has(&w.shown(), &["✅ This person can be your witness."]);
    w.send(Input::Command(Command::Checklist));
    let checklist = w.shown();
    assert_has(
        &checklist,
        &[
            "👥 Bring your witness. You will likely need one. From your answers, your witness meets the rules. They must still meet them on the day of your appointment.",
            "Their photo ID does not show their CPR number",
            "the yellow health insurance card",
        ],
    );
    assert!(
        !checklist.contains("Your witness must:"),
        "the rules again after a passed check:\n{checklist}"
    );
}

/// A typed question the bot is unsure about, asked in the middle of the preparation, gets
/// its suggestions and a way back: where the person left off, and the main menu (the
/// personas' walk: "Did you mean …?" had neither, and Amina lost her place).
#[test]
fn did_you_mean_offers_the_way_back_to_the_preparation() {
    let mut w = Walk::to(Lang::En, &first_timer(), "device");
    w.send(Input::Text("I forgot my user ID".into()));
    let shown = w.shown();
    assert_has(
        &shown,
        &[
            "I forgot my password",
            "Continue where I left off",
            "Main menu",
        ],
    );
    let resume = w
        .last
        .iter()
        .flat_map(|r| &r.buttons)
        .find_map(|b| match &b.action {
            ButtonAction::Callback(d) if d.ends_with("resume") => Some(d.clone()),
            _ => None,
        })
        .expect("a resume button");
    w.send(Input::Button(resume));
    assert_eq!(w.state.node, "device", "back at the question it left");
}
