//! The engine as a citizen meets it, without any channel: button presses, typed text,
//! stale and forged buttons, private input, deep links and languages.

use chrono::{DateTime, TimeZone, Utc};
use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::{ButtonAction, Command, Engine, Input, Reply};
use mitid_bot::dialogue::State;
use mitid_bot::i18n::{Globals, Lang, Msg};

/// The engine with the shipped content; a text that cannot be rendered whole panics.
fn engine() -> Engine {
    match check::load(&ContentSource::embedded(), Globals::default()) {
        Ok(mut e) => {
            e.i18n.strict = true;
            e
        }
        Err(problems) => panic!("shipped content has problems: {problems:#?}"),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

/// A conversation driven like a user would.
struct Talk<'a> {
    engine: &'a Engine,
    now: DateTime<Utc>,
    state: State,
    last: Vec<Reply>,
    deleted: bool,
}

impl<'a> Talk<'a> {
    fn new(engine: &'a Engine, lang: Lang) -> Talk<'a> {
        let mut t = Talk {
            engine,
            now: now(),
            state: engine.new_state(lang),
            last: Vec::new(),
            deleted: false,
        };
        t.send(Input::Start { payload: None });
        t
    }

    fn send(&mut self, input: Input) -> &mut Self {
        let step = self.engine.step(&self.state, input, self.now);
        self.state = step.state;
        self.last = step.replies;
        self.deleted = step.delete_input;
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
                    "no button `{option}` on screen `{}`: {:#?}",
                    self.state.node, self.last
                )
            });
        self.send(Input::Button(data))
    }

    fn text(&mut self, t: &str) -> &mut Self {
        self.send(Input::Text(t.to_string()))
    }

    fn ids(&self) -> Vec<String> {
        self.last
            .iter()
            .flat_map(|r| r.parts.iter().map(|m| m.id.clone()))
            .collect()
    }

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
}

fn to_documents(t: &mut Talk) {
    t.press("prepare")
        .press("yes")
        .press("no-doc")
        .press("dk")
        .press("under5");
    assert_eq!(t.state.node, "doc-main");
}

#[test]
fn persona_with_foreign_passport_and_residence_certificate_gets_a_complete_checklist() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    to_documents(&mut t);
    t.press("none")
        .press("residence_cert")
        .press("foreign_passport")
        .press("done");
    assert_eq!(
        t.state.node, "residence-cert-cpr",
        "asks whether the certificate shows the CPR number"
    );
    t.press("yes");
    assert!(
        t.ids().contains(&"docs-enough".to_string()),
        "{:?}",
        t.ids()
    );
    // The verdict and the witness forecast come with the next question, not alone.
    let shown = t.shown();
    assert!(shown.contains("You will likely need a witness"), "{shown}");
    assert!(shown.contains("less than 5 years"), "{shown}");
    assert_eq!(t.state.node, "device");
    t.press("code");
    assert_eq!(t.state.node, "userid");
    assert!(t.shown().contains("8 to 64 characters"), "{}", t.shown());
    t.press("chosen");
    let checklist = t.shown();
    for expected in [
        "Your certificate of residence",
        "Your passport",
        "Bring a witness",
        "8 to 64 characters",
        "https://www.aabenraa.dk",
        "73 76 76 76",
        "You have chosen your UserID",
    ] {
        assert!(
            checklist.contains(expected),
            "checklist lacks {expected:?}:\n{checklist}"
        );
    }
    assert!(!checklist.contains("You still need"), "{checklist}");
}

#[test]
fn two_documents_without_cpr_are_not_enough_and_say_what_to_get() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    to_documents(&mut t);
    t.press("none")
        .press("foreign_passport")
        .press("foreign_id")
        .press("done");
    assert!(t.ids().contains(&"docs-not-enough".to_string()));
    let shown = t.shown();
    assert!(
        shown.contains("yellow health insurance card"),
        "lives in Denmark: {shown}"
    );
}

#[test]
fn tax_papers_older_than_three_months_do_not_count() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    to_documents(&mut t);
    t.press("none")
        .press("foreign_passport")
        .press("tax")
        .press("done");
    assert_eq!(t.state.node, "tax-recent");
    t.press("no");
    assert!(
        t.ids().contains(&"docs-not-enough".to_string()),
        "{:?}",
        t.ids()
    );
    assert!(
        t.ids().contains(&"docs-too-old-tax".to_string()),
        "{:?}",
        t.ids()
    );
}

#[test]
fn ticking_a_document_twice_unticks_it_and_redraws_the_screen() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    to_documents(&mut t);
    t.press("none").press("yellow_card");
    let ticked = |t: &Talk| {
        t.last[0]
            .buttons
            .iter()
            .filter(|b| b.ticked == Some(true))
            .count()
    };
    assert_eq!(ticked(&t), 1);
    assert!(t.last[0].replaces_previous);
    t.press("yellow_card");
    assert_eq!(ticked(&t), 0);
}

#[test]
fn a_button_from_an_earlier_screen_does_not_move_the_dialogue() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare").press("yes");
    let before = t.state.clone();
    t.send(Input::Button("cpr:no".into()));
    assert_eq!(t.ids()[0], "stale-button");
    assert_eq!(t.state.node, before.node);
    assert_eq!(t.state.facts, before.facts);
}

#[test]
fn forged_callback_data_gets_a_calm_answer() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare");
    let node = t.state.node.clone();
    for forged in [
        "",
        ":",
        "cpr:",
        "cpr:drop table",
        "@nav:nowhere",
        &"x".repeat(5000),
        "cpr:yes:extra",
    ] {
        t.send(Input::Button(forged.to_string()));
        assert_eq!(t.ids()[0], "stale-button", "for {forged:?}");
        assert_eq!(t.state.node, node);
    }
}

#[test]
fn a_cpr_number_is_warned_about_deleted_and_never_kept() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare");
    t.text("my number is 010190-1234");
    assert_eq!(t.ids()[0], "cpr-warning");
    assert!(t.deleted);
    assert_eq!(t.state.node, "cpr");
    let stored = serde_json::to_string(&t.state).unwrap();
    assert!(!stored.contains("1234"), "{stored}");
}

#[test]
fn a_userid_idea_is_checked_and_not_kept() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.send(Input::Command(Command::UserId));
    assert_eq!(t.state.node, "userid");
    t.text("Åse Ørsted");
    assert_eq!(t.ids()[0], "userid-allowed");
    assert!(
        t.deleted,
        "the idea's message is deleted where the channel allows"
    );
    t.text("jürgen");
    assert!(t.ids().contains(&"userid-problem-characters".to_string()));
    assert!(t.shown().contains('ü'));
    t.text("0101901234");
    assert!(
        t.ids().contains(&"userid-problem-ten-digits".to_string())
            || t.ids().contains(&"cpr-warning".to_string())
    );
    let stored = serde_json::to_string(&t.state).unwrap();
    for typed in ["Åse", "Ørsted", "rgen"] {
        assert!(!stored.contains(typed), "{typed} found in {stored}");
    }
    assert_eq!(t.state.node, "userid", "stays to check another idea");
}

#[test]
fn typing_a_label_or_its_number_works_like_pressing() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::Da);
    t.text("1");
    assert_eq!(t.state.node, "cpr");
    let yes = e
        .i18n
        .render(Lang::Da, &Msg::new("btn-cpr-age-yes"), &e.globals);
    t.text(&yes.to_uppercase());
    assert_eq!(t.state.node, "home-check");
}

#[test]
fn back_goes_to_the_previous_question_and_restart_forgets_the_answers() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare").press("yes").press("no-doc");
    assert_eq!(t.state.node, "residence");
    t.send(Input::Command(Command::Back));
    assert_eq!(t.state.node, "home-check");
    t.send(Input::Command(Command::Restart));
    assert_eq!(t.state.node, "cpr");
    assert!(t.state.facts.is_empty());
}

#[test]
fn deep_links_choose_language_and_topic() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.send(Input::Start {
        payload: Some("de-witness".into()),
    });
    assert_eq!(t.state.lang, Lang::De);
    assert_eq!(t.state.node, "wc-intro");
    t.send(Input::Start {
        payload: Some("da".into()),
    });
    assert_eq!(t.state.lang, Lang::Da);
    assert_eq!(t.state.node, "welcome");
    t.send(Input::Start {
        payload: Some("xx-nonsense".into()),
    });
    assert_eq!(
        t.state.lang,
        Lang::Da,
        "an unknown payload keeps the language"
    );
    assert_eq!(t.state.node, "welcome");
}

#[test]
fn changing_language_mid_flow_returns_to_the_same_question() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare").press("yes");
    t.send(Input::Command(Command::Language));
    t.press("de");
    assert_eq!(t.state.node, "home-check");
    assert_eq!(t.state.lang, Lang::De);
}

#[test]
fn a_question_in_the_middle_of_the_flow_can_be_resumed() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare").press("yes").press("no-doc");
    t.send(Input::Command(Command::Faq));
    t.press("sharing");
    assert_eq!(t.state.node, "faq-sharing");
    t.press("resume");
    assert_eq!(t.state.node, "residence");
}

#[test]
fn stickers_huge_text_and_nonsense_get_a_helpful_answer() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.press("prepare");
    t.send(Input::Other);
    assert_eq!(t.ids()[0], "only-text");
    assert_eq!(t.state.node, "cpr");
    t.text(&"blah ".repeat(50_000));
    assert!(
        t.ids().contains(&"not-understood".to_string()),
        "{:?}",
        t.ids()
    );
    assert!(t.shown().contains("73 76 76 76"));
    assert_eq!(t.state.node, "cpr");
}

fn witness_until_dates(t: &mut Talk) {
    t.send(Input::Command(Command::Witness));
    t.press("start").press("yes");
    assert_eq!(t.state.node, "w-mitid");
}

#[test]
fn witness_check_counts_elapsed_hours_across_the_spring_change() {
    let e = engine();
    // MitID at 12:00 on 1 March; 29 March 2026 moves the clocks forward, so 12:00 on
    // 31 March is only 719 hours later: not yet. 13:00 is exactly 720 hours.
    for (appointment, ok) in [("31.03.2026 12:00", false), ("31.03.2026 13:00", true)] {
        let mut t = Talk::new(&e, Lang::En);
        t.now = Utc.with_ymd_and_hms(2026, 3, 5, 9, 0, 0).unwrap();
        witness_until_dates(&mut t);
        t.text("01.03.2026 12:00");
        t.press("yes");
        t.text(appointment);
        assert_eq!(t.state.node, "w-count", "{}", t.shown());
        t.press("0").press("licence");
        let ids = t.ids();
        if ok {
            assert!(ids.contains(&"wc-ok".to_string()), "{appointment}: {ids:?}");
        } else {
            assert!(
                ids.contains(&"wc-not-yet".to_string()),
                "{appointment}: {ids:?}"
            );
            // Not "cannot be your witness": time fixes it, and the text says from when.
            let shown = t.shown();
            assert!(
                shown.contains("from 31 March 2026 at 13:00") && !shown.contains("cannot be"),
                "{shown}"
            );
        }
        assert!(
            !ids.contains(&"wc-brings-cpr-doc".to_string()),
            "a Danish driving licence shows the CPR number"
        );
    }
}

#[test]
fn witness_check_says_from_when_and_what_to_bring() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    witness_until_dates(&mut t);
    t.text("20.11.2026");
    assert_eq!(t.state.node, "w-appointment-known");
    t.press("no").press("0").press("foreign-pass");
    let ids = t.ids();
    for id in [
        "wc-not-yet",
        "wc-assumed-end-of-day",
        "wc-brings",
        "wc-brings-cpr-doc",
        "wc-cannot-find",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} missing in {ids:?}");
    }
    assert!(!ids.contains(&"wc-not-ok".to_string()), "{ids:?}");
    // The MitID date alone means the end of 20 November; 720 hours later is the start of
    // 21 December: the date alone.
    let shown = t.shown();
    assert!(
        shown.contains("can be your witness from 21 December 2026."),
        "{shown}"
    );
    assert!(!shown.contains("00:00"), "{shown}");
}

#[test]
fn a_witness_with_three_witnessings_is_told_at_once() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    witness_until_dates(&mut t);
    t.text("20.10.2026");
    t.press("no").press("3");
    assert_eq!(t.state.node, "w-result", "no question about the photo ID");
    let shown = t.shown();
    assert!(shown.contains("cannot be your witness"), "{shown}");
    assert!(shown.contains("3 times or more"), "{shown}");
    assert!(!shown.contains("Which photo ID"), "{shown}");
}

#[test]
fn an_unreadable_or_future_date_is_asked_again() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    witness_until_dates(&mut t);
    t.text("a while ago, I think");
    assert_eq!(t.ids()[0], "date-unreadable");
    assert_eq!(t.state.node, "w-mitid");
    t.text("31.02.2026");
    assert_eq!(t.ids()[0], "date-no-such-day");
    t.text("01.01.2030");
    assert_eq!(t.ids()[0], "date-in-future");
    assert_eq!(t.state.node, "w-mitid");
}

#[test]
fn every_language_renders_every_screen_of_the_preparation() {
    let e = engine();
    for lang in Lang::ALL {
        let mut t = Talk::new(&e, lang);
        to_documents(&mut t);
        t.press("licence").press("app").press("later");
        let shown = t.shown();
        assert_eq!(t.state.node, "checklist");
        assert!(
            !shown.contains("cl-"),
            "an id instead of a text in {lang}: {shown}"
        );
        assert!(shown.contains("73 76 76 76"));
    }
}

#[test]
fn steps_report_what_the_statistics_count_and_nothing_typed() {
    let e = engine();
    let state = e.new_state(Lang::De);
    let step = e.step(&state, Input::Text("Hallo".into()), now());
    assert_eq!(
        step.events[0],
        mitid_bot::dialogue::Event::ConversationStarted { lang: Lang::De }
    );
    let step = e.step(
        &step.state,
        Input::Text("wie ist das wetter morgen".into()),
        now(),
    );
    assert!(
        step.events
            .contains(&mitid_bot::dialogue::Event::Unanswered),
        "{:?}",
        step.events
    );
    let mut t = Talk::new(&e, Lang::En);
    to_documents(&mut t);
    t.press("licence").press("app");
    let step = e.step(&t.state, Input::Button("userid:later".into()), now());
    assert_eq!(
        step.events,
        vec![mitid_bot::dialogue::Event::ChecklistShown {
            documents: Some("enough".into()),
            witness: Some("likely".into()),
            device: Some("app".into()),
        }]
    );
}

#[test]
fn a_question_typed_mid_flow_is_answered_and_the_flow_resumes() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::De);
    t.press("prepare").press("yes").press("no-doc");
    assert_eq!(t.state.node, "residence");
    t.text("Brauche ich einen Zeugen?");
    assert_eq!(t.state.node, "faq-witness-needed", "{:?}", t.ids());
    t.press("resume");
    assert_eq!(t.state.node, "residence");
    t.text("kan min søn bruge mit MitID?");
    assert_eq!(
        t.state.node, "faq-sharing",
        "a MitID is personal: the son may not use it"
    );
    t.text("what are your opening hours on saturday");
    assert_eq!(t.state.node, "faq-opening-hours", "{:?}", t.ids());
    t.text("what will the weather be like on saturday");
    assert!(
        t.ids().contains(&"not-understood".to_string()),
        "{:?}",
        t.ids()
    );
}

fn to_reminder(t: &mut Talk) {
    to_documents(t);
    t.press("licence").press("app").press("later");
    assert_eq!(t.state.node, "checklist");
    t.press("remind");
    assert_eq!(t.state.node, "remind-when");
}

#[test]
fn an_appointment_is_read_repeated_in_words_and_reminders_planned() {
    let e = engine();
    for (lang, typed, shown) in [
        (
            Lang::Da,
            "3.12. kl. 10",
            "torsdag den 3. december 2026 kl. 10.00",
        ),
        (
            Lang::En,
            "Dec 3 10:30",
            "on Thursday 3 December 2026 at 10:30",
        ),
        (
            Lang::De,
            "3. Dezember 10 Uhr",
            "am Donnerstag, 3. Dezember 2026, um 10:00 Uhr",
        ),
    ] {
        let mut t = Talk::new(&e, lang);
        to_reminder(&mut t);
        t.text(typed);
        assert_eq!(
            t.state.node,
            "remind-confirm",
            "{lang}: {typed}: {}",
            t.shown()
        );
        assert!(
            t.shown().contains(shown),
            "{lang}: repeated in words: {}",
            t.shown()
        );
        t.press("yes");
        assert_eq!(t.state.node, "remind-set");
        let plan = e.reminder_plan(&t.state, now());
        assert_eq!(
            plan.len(),
            2,
            "{lang}: the evening before and shortly before"
        );
        let evening = e
            .reminder_reply(&t.state, &plan[0], plan[0].at)
            .expect("applies");
        let text = e.render(lang, "telegram", &evening).text;
        assert!(
            text.contains(&e.i18n.render(
                lang,
                &Msg::new("cl-doc-main").str("main_doc", "licence"),
                &e.globals
            )),
            "{lang}: the checklist rides along: {text}"
        );
    }
}

#[test]
fn an_appointment_in_the_past_or_without_a_time_is_asked_again() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    to_reminder(&mut t);
    t.text("20.11.2026 10:00");
    assert_eq!(t.ids()[0], "date-in-past");
    t.text("3.12.2026");
    assert_eq!(t.ids()[0], "date-need-time");
    assert_eq!(t.state.node, "remind-when");
}

#[test]
fn an_ambiguous_hour_is_asked_back_with_a_button_for_each_reading() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::Da);
    to_reminder(&mut t);
    t.text("torsdag kl 7");
    assert_eq!(t.ids()[0], "date-ambiguous", "{}", t.shown());
    assert_eq!(t.state.node, "remind-when", "nothing guessed");
    let picks: Vec<String> = t.last[0]
        .buttons
        .iter()
        .filter_map(|b| match &b.action {
            ButtonAction::Callback(d) if d.contains(":@at") => Some(d.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(picks.len(), 2, "07:00 or 19:00");
    let labels = e.render(Lang::Da, "telegram", &t.last[0]).buttons;
    let evening = labels
        .iter()
        .position(|b| b.label.contains("19.00"))
        .expect("a 19.00 reading");
    t.send(Input::Button(picks[evening].clone()));
    assert_eq!(t.state.node, "remind-confirm");
    assert!(t.shown().contains(&labels[evening].label), "{}", t.shown());
    // A forged pick on another screen does nothing.
    t.send(Input::Button("remind-when:@at99999999999".into()));
    assert_eq!(t.ids()[0], "stale-button");
}

#[test]
fn reminders_can_be_listed_and_cancelled() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    to_reminder(&mut t);
    t.text("3.12.2026 10:00").press("yes");
    t.send(Input::Command(Command::Reminders));
    assert!(
        t.ids().contains(&"reminders-list".to_string()),
        "{:?}",
        t.ids()
    );
    t.press("cancel");
    assert_eq!(t.state.node, "reminders-cancelled");
    assert!(e.reminder_plan(&t.state, now()).is_empty());
}

// ---- What a citizen reads: variables, dates, phone numbers, checker verdicts ----

#[test]
fn the_privacy_text_says_after_how_many_days_everything_is_deleted() {
    for (days, lang, words) in [
        (30, Lang::Da, "30 dage"),
        (30, Lang::En, "30 days"),
        (30, Lang::De, "30 Tage"),
        (45, Lang::En, "45 days"),
    ] {
        let globals = Globals {
            retention_days: days,
            ..Globals::default()
        };
        let mut e = check::load(&ContentSource::embedded(), globals).expect("content loads");
        e.i18n.strict = true;
        let mut t = Talk::new(&e, lang);
        t.send(Input::Command(Command::Privacy));
        let shown = t.shown();
        assert!(shown.contains(words), "{lang}: {shown}");
        assert!(!shown.contains("{$") && !shown.contains("{ $"), "{shown}");
    }
}

#[test]
fn the_userid_checker_gives_its_verdict_before_the_cpr_warning() {
    let mut e = engine();
    e.i18n.strict = true;
    // (idea, allowed, characters counted)
    for (idea, allowed, length) in [
        ("0101901234", false, None),
        ("010190-1234", true, Some("(11 characters)")),
        ("hans0101901234", true, Some("(14 characters)")),
    ] {
        let mut t = Talk::new(&e, Lang::En);
        t.send(Input::Command(Command::UserId));
        t.text(idea);
        assert_eq!(t.state.node, "userid", "{idea}: still on the checker");
        assert!(t.deleted, "{idea}: the message is deleted");
        let shown = t.shown();
        let verdict = if allowed { "✅" } else { "❌" };
        assert!(
            shown.starts_with(verdict),
            "{idea}: the verdict comes first: {shown}"
        );
        if let Some(length) = length {
            assert!(shown.contains(length), "{idea}: {shown}");
            // Allowed, with the advice against a CPR number in it.
            assert!(shown.contains("advise"), "{idea}: {shown}");
        } else {
            assert!(shown.contains("10 digits"), "{idea}: {shown}");
        }
        // Then the CPR warning, after the verdict.
        let warning = shown.find("never send your CPR number");
        assert!(
            warning.is_some_and(|w| w > shown.find(verdict).unwrap_or(0)),
            "{idea}: the CPR warning follows the verdict: {shown}"
        );
        assert!(!shown.contains(idea), "{idea}: never echoed");
    }
}

#[test]
fn the_userid_checker_says_it_cannot_see_spaces_at_the_ends() {
    let e = engine();
    let mut t = Talk::new(&e, Lang::En);
    t.send(Input::Command(Command::UserId));
    t.text("hans1");
    let shown = t.shown();
    assert!(shown.contains("(5 characters)"), "{shown}");
    assert!(
        shown.contains("cannot see spaces at the very start or end"),
        "{shown}"
    );
}

#[test]
fn a_witness_under_18_is_stopped_at_the_first_question() {
    let e = engine();
    for (lang, refused, age) in [
        (Lang::En, "cannot be your witness", "18 or older"),
        (Lang::Da, "kan ikke være dit vidne", "18 år"),
        (Lang::De, "nicht Ihre Zeugin", "18"),
    ] {
        let mut t = Talk::new(&e, lang);
        t.send(Input::Command(Command::Witness));
        t.press("start").press("no");
        assert_eq!(t.state.node, "w-result", "{lang}: no further questions");
        let shown = t.shown();
        assert!(shown.contains(refused), "{lang}: {shown}");
        assert!(shown.contains(age), "{lang}: {shown}");
        assert!(
            !t.ids().iter().any(|id| id.starts_with("wc-brings")),
            "{lang}: nothing to bring for someone who cannot come: {:?}",
            t.ids()
        );
    }
}

#[test]
fn a_witness_not_yet_eligible_is_told_from_when_in_each_language() {
    let e = engine();
    for (lang, from, refused) in [
        (Lang::En, "from 21 December 2026.", "cannot be your witness"),
        (
            Lang::Da,
            "fra og med den 21. december 2026.",
            "kan ikke være dit vidne",
        ),
        (
            Lang::De,
            "ab dem 21. Dezember 2026 Ihre",
            "nicht Ihre Zeugin",
        ),
    ] {
        let mut t = Talk::new(&e, lang);
        t.send(Input::Command(Command::Witness));
        t.press("start").press("yes");
        t.text("20.11.2026");
        t.press("no").press("0").press("licence");
        let shown = t.shown();
        assert!(shown.contains(from), "{lang}: {shown}");
        assert!(
            !shown.contains(refused),
            "{lang}: time will fix it: {shown}"
        );
    }
    // With a time, the time too (no leading zero on the hour).
    let mut t = Talk::new(&e, Lang::En);
    t.send(Input::Command(Command::Witness));
    t.press("start").press("yes");
    t.text("11.11.2026 9:05");
    t.press("no").press("0").press("licence");
    assert!(
        t.shown().contains("from 11 December 2026 at 9:05."),
        "{}",
        t.shown()
    );
}

#[test]
fn a_date_typed_at_the_checklist_is_the_appointment_written_as_natives_write_it() {
    let e = engine();
    for (lang, written) in [
        (
            Lang::Da,
            "Din tid er torsdag den 3. december 2026 kl. 9.30.",
        ),
        (Lang::En, "on Thursday 3 December 2026 at 9:30."),
        (Lang::De, "am Donnerstag, 3. Dezember 2026, um 9:30 Uhr."),
    ] {
        let mut t = Talk::new(&e, lang);
        t.send(Input::Command(Command::Checklist));
        assert_eq!(t.state.node, "checklist");
        t.text("3.12. kl. 9.30");
        assert_eq!(t.state.node, "remind-confirm", "{lang}: {}", t.shown());
        assert!(t.shown().contains(written), "{lang}: {}", t.shown());
        t.press("yes");
        let shown = t.shown();
        // The evening reminder's time, from the configuration (18:00).
        let (evening, before) = match lang {
            Lang::Da => ("kl. 18.00", "2 timer"),
            Lang::En => ("at 18:00", "2 hours"),
            Lang::De => ("um 18:00 Uhr", "2 Stunden"),
        };
        assert!(shown.contains(evening), "{lang}: {shown}");
        assert!(shown.contains(before), "{lang}: {shown}");
        assert!(!shown.contains("{$") && !shown.contains("{ $"), "{shown}");
    }
}

#[test]
fn phone_numbers_carry_the_country_code_outside_danish() {
    let e = engine();
    for (lang, phone, support) in [
        (Lang::En, "+45 73 76 76 76", "+45 33 98 00 10"),
        (Lang::De, "+45 73 76 76 76", "+45 33 98 00 10"),
        (Lang::Da, "73 76 76 76", "33 98 00 10"),
    ] {
        let mut t = Talk::new(&e, lang);
        t.send(Input::Command(Command::Help));
        assert!(t.shown().contains(phone), "{lang}: {}", t.shown());
        if lang == Lang::Da {
            assert!(!t.shown().contains("+45"), "{}", t.shown());
        }
        let mut t = Talk::new(&e, lang);
        t.press("renew").press("password");
        t.press("no");
        assert_eq!(t.state.node, "self-service");
        assert!(t.shown().contains(support), "{lang}: {}", t.shown());
    }
}

#[test]
fn tax_papers_are_judged_on_the_day_of_the_appointment_once_it_is_known() {
    let e = engine();
    for (lang, before, after) in [
        (
            Lang::En,
            "at most 3 months old on the day of your appointment",
            "at most 3 months old on Thursday 3 December 2026",
        ),
        (
            Lang::Da,
            "højst 3 måneder gammel den dag, du har tid",
            "højst 3 måneder gammel torsdag den 3. december 2026",
        ),
        (
            Lang::De,
            "am Tag Ihres Termins höchstens 3 Monate alt",
            "am Donnerstag, 3. Dezember 2026, höchstens 3 Monate alt",
        ),
    ] {
        let mut t = Talk::new(&e, lang);
        to_documents(&mut t);
        t.press("none")
            .press("tax")
            .press("foreign_passport")
            .press("done");
        assert_eq!(t.state.node, "tax-recent", "{lang}");
        t.press("yes");
        t.press("app").press("later");
        assert_eq!(t.state.node, "checklist");
        assert!(t.shown().contains(before), "{lang}: {}", t.shown());
        // The appointment, typed at the checklist: the evening reminder's checklist names
        // the day the tax paper is judged on.
        t.text("3.12. kl. 10");
        t.press("yes");
        let plan = e.reminder_plan(&t.state, now());
        let evening = e
            .reminder_reply(&t.state, &plan[0], plan[0].at)
            .expect("applies");
        let text = e.render(lang, "telegram", &evening).text;
        assert!(text.contains(after), "{lang}: {text}");
    }
}

#[test]
fn at_the_userid_step_a_question_goes_to_the_faq_and_an_idea_to_the_checker() {
    let e = engine();
    // (language, typed, checked as a UserID idea)
    let cases = [
        (Lang::En, "i need witness? i live here only 8 month", false),
        (Lang::Da, "Skal jeg have et vidne med?", false),
        (
            Lang::De,
            "Brauche ich einen Zeugen, wenn ich erst seit 8 Monaten hier wohne",
            false,
        ),
        (Lang::Da, "Zebrafisk Quokka 42", true),
        (Lang::En, "anna?", true),
        (Lang::De, "Åse Ørsted", true),
    ];
    for (lang, typed, checked) in cases {
        let mut t = Talk::new(&e, lang);
        t.send(Input::Command(Command::UserId));
        assert_eq!(t.state.node, "userid");
        t.text(typed);
        let ids = t.ids();
        let verdict = ids
            .iter()
            .any(|id| id == "userid-allowed" || id == "userid-not-allowed");
        assert_eq!(verdict, checked, "{lang} {typed:?}: {ids:?}");
        if !checked {
            assert!(
                t.shown().contains("witness")
                    || t.shown().contains("vidne")
                    || t.shown().contains("Zeug"),
                "{lang} {typed:?}: the witness answer: {}",
                t.shown()
            );
        }
    }
}
