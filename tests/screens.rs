//! Every screen a citizen can meet, in Danish, English and German, through the real engine
//! and renderer: every node of every dialogue (with fact combinations that reach each of
//! its conditional parts), every reminder, every answer of the UserID and the witness
//! checker, every FAQ answer, and the adapters' own messages. A screen fails when it shows
//! `{$` or `{ $` (a variable nobody passed), names a message that does not exist, or is
//! empty.
//!
//! Fact combinations are drawn from the flow itself (`Flow::fact_values`: what the answers
//! in `dialogues/*.toml` can set) with a fixed seed, and a screen is rendered again only
//! when it would show other parts or other values. The test also fails when a part of a
//! node was never shown: then the drawing below needs a case that reaches it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::dialogue::engine::{ButtonAction, Command, Engine, Input, Reply};
use mitid_bot::dialogue::flow::InputKind;
use mitid_bot::dialogue::{Fact, State};
use mitid_bot::i18n::{Globals, Lang, Msg, CHANNELS};

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

/// Renders replies in `lang` and records what is wrong with them.
struct Screens<'a> {
    engine: &'a Engine,
    rendered: usize,
    failures: Vec<String>,
}

impl Screens<'_> {
    fn check(&mut self, lang: Lang, what: &str, replies: &[Reply]) {
        for reply in replies {
            for channel in CHANNELS {
                self.rendered += 1;
                match self.engine.try_render(lang, channel, reply) {
                    Err(errors) => {
                        for e in errors {
                            self.failures
                                .push(format!("{what} ({lang}, {channel}): {e}"));
                        }
                    }
                    Ok(r) => {
                        let mut texts = vec![r.text.clone()];
                        texts.extend(r.buttons.iter().map(|b| b.label.clone()));
                        for t in texts {
                            if t.contains("{$") || t.contains("{ $") {
                                self.failures
                                    .push(format!("{what} ({lang}): a raw variable in {t:?}"));
                            }
                            if t.trim().is_empty() {
                                self.failures
                                    .push(format!("{what} ({lang}): an empty text"));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A small deterministic generator (xorshift), so a failure can be reproduced.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the walker does on a screen: press one of its buttons, or type what the screen
/// waits for (a date, a UserID idea), or something else.
fn act(dice: &mut Dice, e: &Engine, state: &State, replies: &[Reply]) -> Input {
    let buttons: Vec<String> = replies
        .iter()
        .flat_map(|r| &r.buttons)
        .filter_map(|b| match &b.action {
            ButtonAction::Callback(d) => Some(d.clone()),
            ButtonAction::Url(_) => None,
        })
        .collect();
    let node = e.flow.node(&state.node);
    let typed: &[&str] = match node.and_then(|n| n.input) {
        Some(InputKind::Date) => &[
            "20.11.2026",
            "20.10.2026 14:30",
            "15.11.2026",
            "3.12. kl. 10",
            "21.12.2026 9:30",
            "Thursday 9:30",
            "a while ago",
            "4",
        ],
        Some(InputKind::UserId) => &["hans1", "0101901234", "hans0101901234", "jürgen"],
        None => &["3.12. kl. 10", "Brauche ich einen Zeugen?", "qwerty asdf"],
    };
    let roll = dice.below(20);
    if roll == 19 {
        return Input::Command(*dice.pick(&[
            Command::Reminders,
            Command::Checklist,
            Command::Witness,
            Command::Back,
            Command::Menu,
            Command::Faq,
        ]));
    }
    let roll = roll / 2;
    if buttons.is_empty() || roll == 0 || (roll < 4 && node.and_then(|n| n.input).is_some()) {
        Input::Text(dice.pick(typed).to_string())
    } else {
        Input::Button(dice.pick(&buttons).clone())
    }
}

/// The message ids a reply shows, and the values of the facts its texts use: two screens
/// with the same key read the same, so one of them is rendered.
fn key_of(e: &Engine, state: &State, replies: &[Reply]) -> (String, Vec<String>, Vec<String>) {
    let mut ids = Vec::new();
    let mut values = Vec::new();
    for r in replies {
        for m in r.parts.iter().chain(r.buttons.iter().map(|b| &b.label)) {
            ids.push(m.id.clone());
            if let Some(info) = e.i18n.info(Lang::En, &m.id) {
                for (name, value) in &m.args {
                    if info.variables.contains(name) {
                        values.push(format!("{name}={value:?}"));
                    }
                }
            }
        }
    }
    (state.node.clone(), ids, values)
}

/// A scripted walk: facts known before, the inputs (option ids, `/commands`, `@date`,
/// `@past`), and the screen it must end on.
type Script = (
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
    &'static str,
);

#[test]
fn every_screen_in_every_language_is_complete() {
    let e = engine();
    let mut screens = Screens {
        engine: &e,
        rendered: 0,
        failures: Vec::new(),
    };
    // 1. Random walks through the real flow, from the start and from every entry (a deep
    // link or a command), pressing buttons and typing: only screens a citizen can reach.
    let mut dice = Dice(0x5eed_1234_abcd_0001);
    let mut entries: Vec<Input> = vec![Input::Start { payload: None }];
    for topic in e.flow.entries.keys() {
        entries.push(Input::Start {
            payload: Some(format!("en-{topic}")),
        });
    }
    let mut seen = BTreeSet::new();
    let mut shown: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut states: Vec<State> = Vec::new();
    for walk in 0..2500 {
        let mut state = e.new_state(Lang::En);
        // Every fourth conversation already knows its appointment (set through the
        // reminders earlier), so screens that name its date are reached too.
        if walk % 4 == 3 {
            let at = now() + Duration::days(7) + Duration::minutes(30);
            state
                .facts
                .insert("appointment".into(), Fact::Time(at.timestamp()));
        }
        // Every third conversation is on a web page, which cannot send a reminder: the
        // flow offers a calendar file there.
        if walk % 3 == 1 {
            state.can_push = false;
        }
        let mut input = entries[walk % entries.len()].clone();
        for _ in 0..40 {
            let step = e.step(&state, input, now());
            state = step.state;
            let replies = step.replies;
            // A node's `before` nodes (the verdict shown with the next question) are shown
            // on its screen: their parts count for them too.
            let mut on_screen = vec![state.node.clone()];
            if let Some(n) = e.flow.node(&state.node) {
                on_screen.extend(n.before.iter().cloned());
            }
            for r in &replies {
                for id in &on_screen {
                    let ids = shown.entry(id.clone()).or_default();
                    ids.extend(r.parts.iter().map(|m| m.id.clone()));
                }
            }
            if seen.insert(key_of(&e, &state, &replies)) {
                for lang in Lang::ALL {
                    screens.check(lang, &format!("node `{}`", state.node), &replies);
                }
                states.push(state.clone());
            }
            input = act(&mut dice, &e, &state, &replies);
        }
    }
    // Scripted walks for parts the drawing reaches only by chance: reminders set, then
    // cancelled, then Back to the "reminders set" screen, which has no time to show then.
    // (facts known before, the script, the screen it must end on)
    let scripted: [Script; 2] = [
        // A witness checked to the end whose photo ID lacks the CPR number: the checklist
        // names the CPR document the witness brings.
        (
            &[("residence", "abroad")],
            &[
                "/checklist",
                "witness",
                "start",
                "yes",
                "@past",
                "no",
                "0",
                "pass-no-cpr",
                "/checklist",
            ],
            "checklist",
        ),
        (
            &[],
            &[
                "/checklist",
                "remind",
                "@date",
                "yes",
                "/reminders",
                "cancel",
                "/back",
                "/back",
            ],
            "remind-set",
        ),
    ];
    for (facts, script, end) in scripted {
        let mut state = e.new_state(Lang::En);
        for (name, value) in facts {
            state
                .facts
                .insert(name.to_string(), Fact::One(value.to_string()));
        }
        let mut replies = e
            .step(&state, Input::Start { payload: None }, now())
            .replies;
        state = e.step(&state, Input::Start { payload: None }, now()).state;
        for act in script {
            let input = match *act {
                "@date" => Input::Text("3.12.2026 10:30".into()),
                "@past" => Input::Text("3.1.2025".into()),
                c if c.starts_with('/') => Input::Command(
                    Command::from_name(&c[1..]).unwrap_or_else(|| panic!("no command {c}")),
                ),
                option => Input::Button(
                    replies
                        .iter()
                        .flat_map(|r| &r.buttons)
                        .find_map(|b| match &b.action {
                            ButtonAction::Callback(d) if d.rsplit(':').next() == Some(option) => {
                                Some(d.clone())
                            }
                            _ => None,
                        })
                        .unwrap_or_else(|| panic!("no button {option} on `{}`", state.node)),
                ),
            };
            let step = e.step(&state, input, now());
            state = step.state;
            replies = step.replies;
            for r in &replies {
                let ids = shown.entry(state.node.clone()).or_default();
                ids.extend(r.parts.iter().map(|m| m.id.clone()));
            }
            for lang in Lang::ALL {
                screens.check(lang, &format!("node `{}`", state.node), &replies);
            }
        }
        assert_eq!(state.node, end, "the script {script:?} ended elsewhere");
    }
    let mut never = Vec::new();
    for node in e.flow.nodes.values() {
        let ids = shown.get(&node.id).cloned().unwrap_or_default();
        for part in &node.parts {
            let (before, after) = part.msg.split_once("{}").unwrap_or((&part.msg, ""));
            let reached = ids.iter().any(|id| {
                id == &part.msg
                    || (part.each.is_some() && id.starts_with(before) && id.ends_with(after))
            });
            if !reached {
                never.push(format!("node `{}`: part `{}`", node.id, part.msg));
            }
        }
    }
    assert!(
        never.is_empty(),
        "no walk showed these parts (walk longer, or they cannot be reached): {never:#?}"
    );

    // 2. Every reminder, for every drawn conversation that has one.
    for state in &states {
        let mut state = state.clone();
        if !state.facts.contains_key("appointment") {
            let at = now() + Duration::days(7) + Duration::minutes(30);
            state
                .facts
                .insert("appointment".into(), Fact::Time(at.timestamp()));
        }
        state
            .facts
            .insert("reminders".into(), Fact::One("on".into()));
        for reminder in e.reminder_plan(&state, now()) {
            if let Some(reply) = e.reminder_reply(&state, &reminder, reminder.at) {
                for lang in Lang::ALL {
                    screens.check(lang, "a reminder", std::slice::from_ref(&reply));
                }
            }
        }
    }

    // 3. Everything typed or pressed that the engine answers itself.
    for lang in Lang::ALL {
        let start = e.step(&e.new_state(lang), Input::Start { payload: None }, now());
        screens.check(lang, "/start", &start.replies);
        let state = start.state;
        let on = |node: &str| {
            let mut s = state.clone();
            s.node = node.to_string();
            s
        };
        let typed = |node: &str, text: &str, screens: &mut Screens| {
            let step = e.step(&on(node), Input::Text(text.to_string()), now());
            screens.check(lang, &format!("`{text}` typed on `{node}`"), &step.replies);
        };
        // The UserID checker: every verdict, problem and warning.
        for idea in [
            "hans",
            "hans1",
            "Åse Ørsted",
            "jürgen",
            " hans1",
            "hans1 ",
            "0101901234",
            "010190-1234",
            "hans0101901234",
            "hans12345678901",
            &"a".repeat(49),
        ] {
            typed("userid", idea, &mut screens);
        }
        // Date questions: read, unreadable, no such day, wrong side of today, ambiguous.
        for node in e
            .flow
            .nodes
            .values()
            .filter(|n| n.input == Some(InputKind::Date))
        {
            for text in [
                "20.11.2026",
                "20.11.2026 14:30",
                "3.12. kl. 10",
                "Thursday 9:30",
                "a while ago",
                "31.02.2026",
                "01.01.2030 10:00",
                "01.01.2020 10:00",
                "3.12.",
                "4",
            ] {
                typed(&node.id, text, &mut screens);
            }
        }
        // Free text: an FAQ question, an unsure one, nonsense, a CPR number, a date at the
        // checklist.
        for text in [
            "Brauche ich einen Zeugen?",
            "power of attorney",
            "kan min søn bruge mit MitID?",
            "witness",
            "qwerty asdf",
            "my number is 010190-1234",
        ] {
            typed("menu", text, &mut screens);
        }
        typed("checklist", "3.12. kl. 10", &mut screens);
        // Commands, a stale button, a sticker.
        for c in [
            Command::Help,
            Command::Language,
            Command::Restart,
            Command::Back,
            Command::Faq,
            Command::Book,
            Command::UserId,
            Command::Witness,
            Command::Checklist,
            Command::Privacy,
            Command::Menu,
            Command::Reminders,
        ] {
            let step = e.step(&state, Input::Command(c), now());
            screens.check(lang, &format!("{c:?}"), &step.replies);
        }
        let step = e.step(&state, Input::Button("cpr:gone".into()), now());
        screens.check(lang, "a stale button", &step.replies);
        // Every button on the FAQ menu, pressed: every FAQ answer.
        let faq = e.step(&state, Input::Command(Command::Faq), now());
        for b in faq.replies.iter().flat_map(|r| &r.buttons) {
            if let ButtonAction::Callback(data) = &b.action {
                let step = e.step(&faq.state, Input::Button(data.clone()), now());
                screens.check(lang, &format!("FAQ `{data}`"), &step.replies);
            }
        }
        // The service's and the adapters' own messages (Telegram, the staff tools).
        for id in mitid_bot::conversation::messages::USERS
            .iter()
            .flat_map(|(_, _, ids)| ids.iter())
            .chain(mitid_bot::staff::MESSAGES)
        {
            let msg = Msg::new(*id).str("link", "https://t.me/example_bot");
            let reply = Reply {
                parts: vec![msg],
                ..Reply::default()
            };
            screens.check(lang, &format!("`{id}`"), &[reply]);
        }
    }

    println!(
        "rendered {} screens in da, en and de ({} different screens met on the walks)",
        screens.rendered,
        states.len()
    );
    assert!(
        screens.failures.is_empty(),
        "{} broken screens:\n{}",
        screens.failures.len(),
        screens
            .failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
