//! Issue 12 as a citizen meets it: who does not need to come at all (MitID at home with a
//! passport or ID card with a chip, renewals done on their own), the common case in few
//! presses, and a step counter that counts the screens the person sees.
//!
//! Presses are counted from `/start` to the checklist. Expectations are the words and links
//! a citizen reads, written here, not taken from the texts under test.

use chrono::{DateTime, TimeZone, Utc};
use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::{ButtonAction, Engine, Input, Reply};
use mitid_bot::dialogue::State;
use mitid_bot::i18n::{Arg, Globals, Lang};

fn engine() -> Engine {
    match check::load(&ContentSource::embedded(), Globals::default()) {
        Ok(e) => e,
        Err(problems) => panic!("shipped content has problems: {problems:#?}"),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

/// A conversation driven like a user would, counting button presses and the step
/// counter of every screen.
struct Talk<'a> {
    engine: &'a Engine,
    state: State,
    last: Vec<Reply>,
    presses: usize,
    /// (step, total) of each screen that showed the counter, in order.
    counter: Vec<(i64, i64)>,
    /// Everything shown so far, rendered.
    transcript: String,
}

impl<'a> Talk<'a> {
    fn start(engine: &'a Engine, lang: Lang, payload: Option<&str>) -> Talk<'a> {
        let mut t = Talk {
            engine,
            state: engine.new_state(lang),
            last: Vec::new(),
            presses: 0,
            counter: Vec::new(),
            transcript: String::new(),
        };
        t.send(Input::Start {
            payload: payload.map(str::to_string),
        });
        t
    }

    fn send(&mut self, input: Input) -> &mut Self {
        let step = self.engine.step(&self.state, input, now());
        self.state = step.state;
        self.last = step.replies;
        // A redrawn screen (a ticked document) is the same screen, not a new step.
        for r in self.last.iter().filter(|r| !r.replaces_previous) {
            for m in r.parts.iter().filter(|m| m.id == "progress") {
                let num = |k: &str| {
                    m.args.iter().find_map(|(n, v)| match v {
                        Arg::Num(x) if n == k => Some(*x),
                        _ => None,
                    })
                };
                self.counter
                    .push((num("step").unwrap_or(-1), num("total").unwrap_or(-1)));
            }
        }
        let shown = self.shown();
        self.transcript.push_str(&shown);
        self.transcript.push('\n');
        self
    }

    /// Presses the button whose callback data ends in `:option` on the last screen.
    fn press(&mut self, option: &str) -> &mut Self {
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
                    "no button `{option}` on screen `{}`:\n{}",
                    self.state.node,
                    self.shown()
                )
            });
        self.presses += 1;
        self.send(Input::Button(data))
    }

    fn presses(&mut self, options: &[&str]) -> &mut Self {
        for o in options {
            self.press(o);
        }
        self
    }

    /// The last screen as the citizen reads it: texts, then button labels.
    fn shown(&self) -> String {
        self.last
            .iter()
            .map(|r| {
                let rendered = self.engine.render(self.state.lang, "telegram", r);
                let labels: Vec<String> =
                    rendered.buttons.iter().map(|b| b.label.clone()).collect();
                format!("{}\n{}", rendered.text, labels.join("\n"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn has_link_button(&self) -> bool {
        self.last
            .iter()
            .flat_map(|r| &r.buttons)
            .any(|b| matches!(b.action, ButtonAction::Url(_)))
    }
}

/// What each language calls the checklist's title and the step counter.
fn checklist_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Din tjekliste",
        Lang::En => "Your checklist",
        Lang::De => "Ihre Checkliste",
    }
}

fn step_words(lang: Lang, step: i64, total: i64) -> String {
    match lang {
        Lang::Da => format!("Trin {step} af {total}"),
        Lang::En => format!("Step {step} of {total}"),
        Lang::De => format!("Schritt {step} von {total}"),
    }
}

/// The step counter counts up by one with each question screen, never past the total.
fn assert_counter_counts_screens(t: &Talk, what: &str) {
    assert!(!t.counter.is_empty(), "{what}: no step counter shown");
    for (i, (step, total)) in t.counter.iter().enumerate() {
        assert_eq!(
            *step,
            i as i64 + 1,
            "{what}: screen {} says step {step}: {:?}",
            i + 1,
            t.counter
        );
        assert!(step <= total, "{what}: step {step} of {total}");
    }
}

/// Lives in Denmark for years, has moved and has children, a Danish driving licence, a
/// phone that runs the app (but no passport with a chip), chooses the UserID later.
const COMMON_CASE: &[&str] = &[
    "prepare", "yes", "no-doc", "dk", "both", "licence", "app", "later",
];

#[test]
fn the_common_case_reaches_the_checklist_in_at_most_8_presses_in_every_language() {
    let e = engine();
    for lang in Lang::ALL {
        let mut t = Talk::start(&e, lang, None);
        t.presses(COMMON_CASE);
        println!(
            "{lang}: common case, {} presses from /start to the checklist",
            t.presses
        );
        assert!(t.presses <= 8, "{lang}: {} presses", t.presses);
        let shown = t.shown();
        assert!(shown.contains(checklist_title(lang)), "{lang}: {shown}");
        assert!(shown.contains("https://www.aabenraa.dk"), "{lang}: {shown}");
        // Every screen that asked something said where the person is, with no jumps, and
        // the total stayed the same on the way.
        assert_counter_counts_screens(&t, &format!("{lang} common case"));
        let total = t.counter[0].1;
        assert!(
            t.counter.iter().all(|(_, n)| *n == total),
            "{lang}: {:?}",
            t.counter
        );
        assert_eq!(t.counter.len() as i64, total, "{lang}: {:?}", t.counter);
        assert!(
            t.transcript.contains(&step_words(lang, 1, total)),
            "{lang}: the counter in words"
        );
        assert!(t.transcript.contains(&step_words(lang, total, total)));
    }
}

#[test]
fn the_common_case_hears_the_verdict_with_the_next_question() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&COMMON_CASE[..6]);
    let shown = t.shown();
    assert!(shown.contains("Your documents are enough"), "{shown}");
    assert!(
        shown.contains("You will probably not need a witness"),
        "{shown}"
    );
    assert!(shown.contains("How do you want to use MitID?"), "{shown}");
    let checklist = {
        t.presses(&COMMON_CASE[6..]);
        t.shown()
    };
    for expected in [
        "Your Danish driving licence",
        "You will probably not need a witness",
        "Install the MitID app before you come",
        "Choose a UserID before you come",
    ] {
        assert!(checklist.contains(expected), "{expected}: {checklist}");
    }
}

/// Lives in Germany, works in Denmark; a German ID card and the special health card; the
/// phone cannot read the chip.
const COMMUTER: &[&str] = &[
    "prepare",
    "yes",
    "no-phone",
    "cross",
    "none",
    "foreign_id",
    "special_card",
    "done",
    "app",
    "later",
];

#[test]
fn a_cross_border_commuter_reaches_the_checklist_in_at_most_10_presses() {
    let e = engine();
    for lang in Lang::ALL {
        let mut t = Talk::start(&e, lang, None);
        t.presses(COMMUTER);
        println!(
            "{lang}: commuter, {} presses from /start to the checklist",
            t.presses
        );
        assert!(t.presses <= 10, "{lang}: {} presses", t.presses);
        let shown = t.shown();
        assert!(shown.contains(checklist_title(lang)), "{lang}: {shown}");
        assert_counter_counts_screens(&t, &format!("{lang} commuter"));
    }
    let mut t = Talk::start(&e, Lang::De, None);
    t.presses(COMMUTER);
    let checklist = t.shown();
    assert!(checklist.contains("særligt sundhedskort"), "{checklist}");
    assert!(
        checklist.contains("Zeug"),
        "a witness is likely: {checklist}"
    );
}

#[test]
fn a_danish_chip_passport_and_an_nfc_phone_end_on_the_at_home_route() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::Da, None);
    t.presses(&["prepare", "yes"]);
    let question = t.shown();
    assert!(question.contains("chip"), "{question}");
    assert!(
        question.contains("en lille firkant med en cirkel"),
        "the chip symbol in words: {question}"
    );
    t.press("yes");
    let guide = t.shown();
    for expected in [
        "hjemmefra",
        "https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/",
        "Scan dit ansigt",
        "Vælg dit bruger-ID",
        "tag telefonen ud af coveret",
        "briller",
        "en anden telefon",
    ] {
        assert!(guide.contains(expected), "{expected}: {guide}");
    }
    assert!(
        !guide.contains("P-kode"),
        "has a CPR number: no P-code: {guide}"
    );
    assert!(
        !t.has_link_button(),
        "no booking button on the at-home guide"
    );
    t.press("try");
    assert!(
        t.shown().contains("Held og lykke"),
        "ends kindly at home: {}",
        t.shown()
    );
}

#[test]
fn no_cpr_number_and_a_foreign_chip_passport_get_the_p_code_and_its_limit() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["prepare", "no"]);
    let stopped = t.shown();
    assert!(
        stopped.contains("You need a CPR number to get MitID at Citizen Service"),
        "{stopped}"
    );
    assert!(
        stopped.contains("P-code"),
        "offered the way at home: {stopped}"
    );
    t.presses(&["home", "yes"]);
    let guide = t.shown();
    for expected in [
        "You do not have a CPR number, so you need a P-code (8 digits)",
        "+45 33 98 00 10",
        "60 days",
        "3 times",
        "cannot be used for most self-service that needs a CPR number",
        "https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/",
    ] {
        assert!(guide.contains(expected), "{expected}: {guide}");
    }
    // If the scan fails, Borgerservice cannot help without a CPR number either.
    t.press("failed");
    assert_eq!(t.state.node, "no-cpr");
}

#[test]
fn the_home_topic_opens_the_question_and_mentions_the_p_code_for_those_without_cpr() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::En, Some("da-home"));
    assert_eq!(t.state.lang, Lang::Da);
    assert!(t.shown().contains("Har du begge dele?"), "{}", t.shown());
    t.press("yes");
    let guide = t.shown();
    assert!(guide.contains("Har du ikke et CPR-nummer?"), "{guide}");
    assert!(guide.contains("33 98 00 10"), "{guide}");
    // Then the scan fails: the preparation asks what it does not know yet.
    t.press("failed");
    assert_eq!(t.state.node, "cpr");
}

#[test]
fn without_a_chip_or_a_suitable_phone_the_document_questions_follow() {
    let e = engine();
    for answer in ["no-doc", "no-phone", "tried"] {
        let mut t = Talk::start(&e, Lang::En, None);
        t.presses(&["prepare", "yes", answer]);
        assert!(
            t.shown().contains("Where do you live?"),
            "{answer}: {}",
            t.shown()
        );
        t.presses(&["dk", "under5"]);
        assert!(
            t.shown()
                .contains("Which of these Danish documents do you have?"),
            "{answer}: {}",
            t.shown()
        );
    }
}

#[test]
fn when_the_scan_fails_the_preparation_goes_on_with_the_answers_kept() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::De, None);
    t.presses(&["prepare", "yes", "yes"]);
    assert!(t.shown().contains("von zu Hause"), "{}", t.shown());
    t.press("failed");
    // The CPR question is not asked again; the next question is where the person lives.
    assert!(t.shown().contains("Wo wohnen Sie?"), "{}", t.shown());
    assert_eq!(t.state.one("cpr"), Some("yes"));
    // The counter goes on from where it was: the guide itself is not a question.
    assert_counter_counts_screens(&t, "scan failed");
    t.presses(&["dk", "both", "licence", "app", "later"]);
    assert!(t.shown().contains("Ihre Checkliste"), "{}", t.shown());
    assert_counter_counts_screens(&t, "scan failed, to the checklist");

    // "Prepare anyway" from the guide, too.
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["prepare", "yes", "yes", "anyway"]);
    assert!(t.shown().contains("Where do you live?"), "{}", t.shown());
}

#[test]
fn a_new_phone_with_a_working_old_app_is_told_to_copy_it_without_a_booking_push() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["renew", "phone"]);
    assert!(
        t.shown()
            .contains("Does the MitID app still work on your old phone?"),
        "{}",
        t.shown()
    );
    t.press("yes");
    let advice = t.shown();
    for expected in [
        "you do not need an appointment",
        "Copy the MitID app",
        "close together",
        "Bluetooth",
        "location",
        "1 hour",
        "up to 3 active apps",
        "https://www.mitid.dk/en-gb/help/help-universe/mitid-app/copy-app/",
    ] {
        assert!(advice.contains(expected), "{expected}: {advice}");
    }
    for booking in ["aabenraa.dk", "Book", "73 76 76 76"] {
        assert!(!advice.contains(booking), "no booking push: {advice}");
    }
    assert!(!t.has_link_button());
    assert!(t.presses <= 3, "{} presses", t.presses);
}

#[test]
fn renewals_ask_only_what_decides_and_skip_the_userid() {
    let e = engine();
    // Forgotten UserID: no question at all, straight to where it is shown.
    let mut t = Talk::start(&e, Lang::Da, None);
    t.presses(&["renew", "userid"]);
    let advice = t.shown();
    assert!(advice.contains("MitID.dk"), "{advice}");
    assert!(advice.contains("bruger-ID"), "{advice}");
    assert!(!advice.contains("Bestil tid"), "{advice}");

    // Forgotten password with the app: a new one on MitID.dk.
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["renew", "password", "yes"]);
    assert!(t.shown().contains("new password"), "{}", t.shown());

    // Forgotten password without the app: MitID Support, and the 5-day exception.
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["renew", "password", "no"]);
    let shown = t.shown();
    assert!(shown.contains("+45 33 98 00 10"), "{shown}");
    assert!(shown.contains("last 5 days"), "{shown}");

    // A lost phone and no working app: the at-home question, then the preparation, with
    // the witness question of a renewal and without the UserID question.
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["renew", "phone", "no", "no-doc"]);
    assert!(
        t.shown().contains("did you need a witness"),
        "{}",
        t.shown()
    );
    t.presses(&["no", "dk", "both", "licence", "app"]);
    let checklist = t.shown();
    assert!(checklist.contains("Your checklist"), "{checklist}");
    assert!(checklist.contains("You keep your UserID"), "{checklist}");
    assert!(!checklist.contains("Choose a UserID"), "{checklist}");
    assert_counter_counts_screens(&t, "renewal");
}

#[test]
fn back_takes_the_step_counter_back_and_never_past_the_total() {
    let e = engine();
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&["prepare", "yes", "no-doc", "dk"]);
    assert!(t.shown().contains("Step 4 of 7"), "{}", t.shown());
    t.press("back");
    assert!(t.shown().contains("Step 3 of 7"), "{}", t.shown());
    t.press("dk");
    assert!(t.shown().contains("Step 4 of 7"), "{}", t.shown());
    // A longer path (a second-list document with follow-up questions) grows the total,
    // never puts the step past it.
    let mut t = Talk::start(&e, Lang::En, None);
    t.presses(&[
        "prepare",
        "yes",
        "no-doc",
        "abroad",
        "none",
        "personal_cert",
        "tax",
        "foreign_passport",
        "done",
        "yes",
        "yes",
        "code",
        "chosen",
    ]);
    assert!(t.shown().contains("Your checklist"), "{}", t.shown());
    assert_counter_counts_screens(&t, "long path");
}
