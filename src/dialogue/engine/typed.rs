//! Reading typed text (the order is in the engine's module doc): a label or number of the
//! current keyboard, the UserID idea, a date, the CPR warning, an FAQ question, or "not
//! understood".
//!
//! Must not: keep what was typed beyond the step (a UserID idea is checked and forgotten).

use super::*;

impl Ctx<'_> {
    pub(super) fn text(&mut self, text: &str) {
        let text: String = text.chars().take(MAX_TEXT_CHARS).collect();
        if let Some(o) = self.option_for_text(&text) {
            if o.url.is_some() {
                // A link cannot be pressed by typing; show the screen that has it.
                self.show_current();
            } else {
                self.press(&o);
            }
            return;
        }
        let current = self.current().cloned();
        if let Some(node) = &current {
            if node.kind == NodeKind::Input
                && node.input == Some(InputKind::UserId)
                && !reads_as_question(&text, &self.engine.faq)
            {
                // The checker's verdict first; a CPR-like idea also gets the warning.
                return self.userid(&text);
            }
        }
        if contains_cpr_like(&text) {
            self.delete_input = true;
            self.pending.push(Msg::new("cpr-warning"));
            self.show_current();
            return;
        }
        if let Some(node) = &current {
            if node.kind == NodeKind::Input && node.input == Some(InputKind::Date) {
                return self.date(node, &text);
            }
        }
        if let Some(node) = self.date_question_for(&text) {
            // "3.12. kl. 10" at the checklist: the appointment, not a question for the FAQ.
            self.move_to(&node.id);
            return self.date(&node, &text);
        }
        match self.engine.faq.match_text(&text) {
            FaqMatch::Sure(topic) => {
                let node = format!("faq-{topic}");
                if self.flow().node(&node).is_some() {
                    self.go(&Target::Node(node));
                    return;
                }
                self.not_understood();
            }
            FaqMatch::Unsure(topics) => {
                let mut buttons: Vec<Button> = topics
                    .iter()
                    .map(|t| format!("faq-{t}"))
                    .filter(|node| self.flow().node(node).is_some())
                    .map(|node| Button {
                        label: Msg::new(format!("{node}-q")),
                        action: ButtonAction::Callback(format!("@nav:{node}")),
                        ticked: None,
                    })
                    .collect();
                if buttons.is_empty() {
                    return self.not_understood();
                }
                buttons.push(self.nav_button("btn-faq", "faq"));
                // A way back to where the person was, as after "not understood".
                buttons.extend(self.resume_button());
                buttons.push(self.nav_button("btn-menu", "menu"));
                self.pending.push(Msg::new("faq-unsure"));
                self.emit_aside(buttons);
            }
            FaqMatch::NoMatch => self.not_understood(),
        }
    }

    /// The date question a button on this screen leads to, when the text reads as a date
    /// for it (or as several readings to choose from): typing the date skips the button.
    pub(super) fn date_question_for(&self, text: &str) -> Option<Node> {
        let mut targets = self
            .visible_options()
            .into_iter()
            .filter_map(|o| match o.goto {
                Some(Target::Node(n)) => self
                    .flow()
                    .node(&n)
                    .filter(|n| n.kind == NodeKind::Input && n.input == Some(InputKind::Date))
                    .cloned(),
                _ => None,
            });
        let node = targets.next()?;
        if targets.next().is_some() {
            return None; // Two date questions: which one is meant is not ours to guess.
        }
        let expect = match node.date_rule {
            DateReadingRule::Past => Expect::Past,
            DateReadingRule::Future => Expect::Future,
        };
        match read_when(text, self.now, expect) {
            Ok(_) | Err(WhenError::Ambiguous { .. }) => Some(node),
            Err(_) => None,
        }
    }

    pub(super) fn not_understood(&mut self) {
        self.events.push(Event::Unanswered);
        let mut buttons = Vec::new();
        buttons.extend(self.resume_button());
        for (label, entry) in [
            ("btn-menu", "menu"),
            ("btn-faq", "faq"),
            ("btn-book", "book"),
        ] {
            buttons.push(self.nav_button(label, entry));
        }
        self.pending.push(Msg::new("not-understood"));
        // What the bot can do, with the booking link (the phone is in "not-understood").
        self.pending.push(Msg::new("faq-can-help"));
        self.emit_aside(buttons);
    }

    /// Matches typed text to a button on the current keyboard: its number, or its label in
    /// any of the three languages.
    pub(super) fn option_for_text(&self, text: &str) -> Option<Opt> {
        let options = self.visible_options();
        let t = text.trim();
        if let Ok(n) = t.parse::<usize>() {
            return n.checked_sub(1).and_then(|i| options.get(i).cloned());
        }
        let folded = fold(t);
        if folded.is_empty() {
            return None;
        }
        let i18n = &self.engine.i18n;
        let globals = &self.engine.globals;
        let mut langs = vec![self.state.lang];
        langs.extend(Lang::ALL.into_iter().filter(|l| *l != self.state.lang));
        for lang in langs {
            for o in &options {
                if fold(&i18n.render(lang, &Msg::new(o.label.clone()), globals)) == folded {
                    return Some(o.clone());
                }
            }
        }
        None
    }

    /// The UserID checker: the verdict and its reasons first, then the advice against, then
    /// (for an idea that looks like a CPR number) the CPR warning. The message is deleted.
    pub(super) fn userid(&mut self, text: &str) {
        // The idea is checked and answered here, then dropped: never stored, never logged.
        self.delete_input = true;
        let check = check_userid(text);
        let length = check.length as i64;
        if check.is_allowed() {
            self.pending
                .push(Msg::new("userid-allowed").num("length", length));
        } else {
            self.pending.push(Msg::new("userid-not-allowed"));
        }
        for p in &check.problems {
            self.pending.push(match p {
                UserIdProblem::TooShort { length } => {
                    Msg::new("userid-problem-too-short").num("length", *length as i64)
                }
                UserIdProblem::TooLong { length } => {
                    Msg::new("userid-problem-too-long").num("length", *length as i64)
                }
                UserIdProblem::NotAllowed { characters } => {
                    let shown: Vec<String> = characters.iter().map(|c| c.to_string()).collect();
                    Msg::new("userid-problem-characters").str("characters", shown.join(" "))
                }
                UserIdProblem::StartsWithSpace => Msg::new("userid-problem-starts-with-space"),
                UserIdProblem::EndsWithSpace => Msg::new("userid-problem-ends-with-space"),
                UserIdProblem::TenDigits => Msg::new("userid-problem-ten-digits"),
            });
        }
        for w in &check.warnings {
            self.pending.push(Msg::new(match w {
                UserIdWarning::LooksLikeCpr => "userid-warning-cpr",
                UserIdWarning::ContainsTenDigits => "userid-warning-ten-digits",
            }));
        }
        if !text.starts_with(' ') && !text.ends_with(' ') {
            // Telegram (and the terminal) drop spaces at the ends of a message: the count
            // above cannot include them, so say so rather than count wrongly.
            self.pending.push(Msg::new("userid-ends-not-seen"));
        }
        if contains_cpr_like(text) {
            self.pending.push(Msg::new("cpr-warning"));
        }
        self.pending.push(Msg::new("userid-not-kept"));
        let parts = std::mem::take(&mut self.pending);
        let buttons = self.buttons_for_current();
        // A checker's verdict is kept: the next idea must not overwrite this one's answer.
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: true,
        });
    }

    pub(super) fn date(&mut self, node: &Node, text: &str) {
        let (expect, safer) = match node.date_rule {
            DateReadingRule::Past => (Expect::Past, Safer::Latest),
            DateReadingRule::Future => (Expect::Future, Safer::Earliest),
        };
        match read_when(text, self.now, expect) {
            Ok(When::At(local)) => {
                let at = to_utc(&DateReading::DateTime(local), safer);
                self.accept_moment(node, at, false)
            }
            Ok(When::Day(_)) if node.need_time => {
                self.pending.push(Msg::new("date-need-time"));
                self.show_current();
            }
            Ok(When::Day(day)) => {
                let at = to_utc(&DateReading::Date(day), safer);
                self.accept_moment(node, at, true)
            }
            Err(WhenError::Ambiguous { options }) => {
                // Asked back, never guessed: one button for each reading.
                let mut buttons: Vec<Button> = options
                    .iter()
                    .map(|local| {
                        let at = to_utc(&DateReading::DateTime(*local), safer);
                        Button {
                            label: Msg::new("date-option").arg("when", Arg::Time(at)),
                            action: ButtonAction::Callback(callback_data(
                                &node.id,
                                &format!("@at{}", at.timestamp()),
                            )),
                            ticked: None,
                        }
                    })
                    .collect();
                buttons.extend(self.buttons_for_current());
                self.pending.push(Msg::new("date-ambiguous"));
                self.emit_aside(buttons);
            }
            Err(e) => {
                self.pending.push(Msg::new(match e {
                    WhenError::NoSuchDate => "date-no-such-day",
                    WhenError::InThePast => "date-in-past",
                    _ => "date-unreadable",
                }));
                self.show_current();
            }
        }
    }

    /// Stores a moment read from a date input (typed, or picked among readings) and moves on.
    pub(super) fn accept_moment(&mut self, node: &Node, at: DateTime<Utc>, date_only: bool) {
        let Some(fact) = node.fact.clone() else {
            return self.show_current();
        };
        let refusal = match node.date_rule {
            DateReadingRule::Past if at > self.now + chrono::Duration::hours(24) => {
                Some("date-in-future")
            }
            DateReadingRule::Future if at <= self.now => Some("date-in-past"),
            _ => None,
        };
        if let Some(id) = refusal {
            self.pending.push(Msg::new(id));
            return self.show_current();
        }
        self.state
            .facts
            .insert(fact.clone(), Fact::Time(at.timestamp()));
        self.state.facts.insert(
            format!("{fact}_date_only"),
            Fact::One(if date_only { "yes" } else { "no" }.into()),
        );
        match node.next.clone() {
            Some(next) => self.go(&next),
            None => self.show_current(),
        }
    }

    /// "Continue where I left off", when there is a place to go back to: a question of the
    /// preparation left for this answer, or the one on screen.
    pub(super) fn resume_button(&self) -> Option<Button> {
        (self.state.resume.is_some() || self.current().is_some_and(|n| n.section.is_some()))
            .then(|| self.nav_button("btn-resume", "resume"))
    }

    /// Shows what is pending as a message aside (not kept, not replacing the screen), with
    /// `buttons`.
    pub(super) fn emit_aside(&mut self, buttons: Vec<Button>) {
        let parts = std::mem::take(&mut self.pending);
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: false,
        });
    }
}

/// Typed at the UserID step, a text that reads as a question rather than an idea, and goes
/// to the FAQ matcher like a question anywhere else: a question mark among words ("i need
/// witness? i live here only 8 month"), or four words or more that the matcher knows. A
/// "✅ follows the rules" under a question reads as a yes and loses the question. Both
/// `?` and spaces are allowed in a UserID, so a short idea ("Zebrafisk Quokka 42",
/// "anna?") is still checked.
pub(super) fn reads_as_question(text: &str, faq: &FaqMatcher) -> bool {
    let words = text.split_whitespace().count();
    (words >= 2 && text.contains('?'))
        || (words >= 4 && !matches!(faq.match_text(text), FaqMatch::NoMatch))
}

/// Folds a label or typed text for comparison: lower case, no surrounding symbols.
pub(super) fn fold(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}
