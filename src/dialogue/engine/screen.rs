//! Moving through the flow and showing the screen where it lands: targets, branches,
//! the buttons of a node, the step counter, the parts a node shows and what they count.
//!
//! Must not: read typed text or render words (that is `typed` and `render`).

use super::*;

impl Ctx<'_> {
    /// Moves along a target and shows where it lands.
    pub(super) fn go(&mut self, target: &Target) {
        match target {
            Target::Stay => self.show_current(),
            Target::Back => {
                let mut back = None;
                while let Some(prev) = self.state.history.pop() {
                    if prev != self.state.node && self.flow().node(&prev).is_some() {
                        back = Some(prev);
                        break;
                    }
                }
                match back {
                    Some(prev) => {
                        self.state.node = prev;
                        self.going_back = true;
                        self.resolve_and_show(false);
                    }
                    None => self.show_current(),
                }
            }
            Target::Restart => {
                self.state.facts.clear();
                self.state.history.clear();
                self.state.resume = None;
                self.state.steps.clear();
                self.pending.push(Msg::new("start-over-notice"));
                let first = self.entry_or_start("prepare");
                self.state.node = first;
                self.resolve_and_show(false);
            }
            Target::Resume => {
                if self.state.resume.is_none()
                    && self.current().is_some_and(|n| n.section.is_some())
                {
                    // Already in the guided flow: show the question again.
                    return self.show_current();
                }
                let to = self
                    .state
                    .resume
                    .clone()
                    .unwrap_or_else(|| self.entry_or_start("prepare"));
                self.move_to(&to);
                self.show_current();
            }
            Target::Node(n) => {
                if n.starts_with("@nav") {
                    return self.show_current();
                }
                let n = n.clone();
                self.move_to(&n);
                self.show_current();
            }
        }
    }

    /// Leaves the current node for `to` (following branches), keeping history and the
    /// place to resume.
    pub(super) fn move_to(&mut self, to: &str) {
        let from = self.state.node.clone();
        let from_guided = self.current().is_some_and(|n| n.section.is_some());
        if !from.is_empty() && from != to {
            self.state.history.push(from.clone());
            if self.state.history.len() > HISTORY_LIMIT {
                self.state.history.remove(0);
            }
        }
        let resuming = self.state.resume.as_deref() == Some(to);
        self.state.node = to.to_string();
        self.resolve_and_show_silent();
        let to_guided = self.current().is_some_and(|n| n.section.is_some());
        if to_guided {
            if !from_guided && !resuming {
                // Into the preparation from the menu, a deep link or a command: a fresh
                // run, and the step counter starts at 1.
                self.state.steps.clear();
            }
            self.state.resume = None;
        } else if from_guided && self.state.resume.is_none() {
            self.state.resume = Some(from);
        }
    }

    /// Follows branch nodes until a node that shows something.
    pub(super) fn resolve_and_show_silent(&mut self) {
        let facts = self.derived(&self.state.facts);
        for _ in 0..64 {
            let Some(node) = self.current() else { break };
            if node.kind != NodeKind::Branch {
                break;
            }
            if let Some(o) = node.count {
                self.count_once(o);
            }
            let Some(node) = self.current() else { break };
            let next = node
                .routes
                .iter()
                .find(|r| cond_holds(&r.cond, &facts))
                .map(|r| r.goto.clone());
            match next {
                Some(Target::Node(n)) => self.state.node = n,
                Some(Target::Resume) => {
                    self.state.node = self
                        .state
                        .resume
                        .clone()
                        .unwrap_or_else(|| self.entry_or_start("prepare"))
                }
                _ => {
                    self.state.node = self.flow().start.clone();
                    break;
                }
            }
        }
    }

    pub(super) fn resolve_and_show(&mut self, _replace: bool) {
        self.resolve_and_show_silent();
        self.show_current();
    }

    pub(super) fn buttons_for_current(&self) -> Vec<Button> {
        let facts = &self.state.facts;
        let node = match self.current() {
            Some(n) => n,
            None => return Vec::new(),
        };
        // Under every FAQ answer: "this helped" / "this did not help", counted per topic.
        let feedback: Vec<Button> = node
            .id
            .strip_prefix("faq-")
            .into_iter()
            .flat_map(|topic| {
                [("btn-faq-helped", "y"), ("btn-faq-not-helped", "n")].map(|(label, answer)| {
                    Button {
                        label: Msg::new(label),
                        action: ButtonAction::Callback(format!("@fb:{topic}:{answer}")),
                        ticked: None,
                    }
                })
            })
            .collect();
        let mut buttons: Vec<Button> = self
            .visible_options()
            .into_iter()
            .map(|o| {
                let action = match &o.url {
                    Some(_) => ButtonAction::Url(self.engine.globals.booking_url.clone()),
                    None => ButtonAction::Callback(callback_data(&node.id, &o.id)),
                };
                let ticked = (node.kind == NodeKind::Multi && o.goto.is_none()).then(|| {
                    matches!(node.fact.as_ref().and_then(|f| facts.get(f)), Some(Fact::Many(s)) if s.contains(&o.id))
                });
                Button {
                    label: Msg::new(o.label.clone()),
                    action,
                    ticked,
                }
            })
            .collect();
        buttons.extend(feedback);
        buttons
    }

    /// Shows the current node (after anything pending, such as a warning).
    pub(super) fn show_current(&mut self) {
        if self.current().is_none() {
            self.state.node = self.flow().start.clone();
            self.resolve_and_show_silent();
        }
        let Some(node) = self.current().cloned() else {
            return;
        };
        let facts = self.derived(&self.state.facts);
        self.count_shown(&node, &facts);
        let mut parts = std::mem::take(&mut self.pending);
        // Results shown together with the next question: each a message of its own, first.
        for b in &node.before {
            let shown = match self.flow().node(b) {
                Some(n) => self.parts_of(n, &facts),
                None => continue,
            };
            if !shown.is_empty() {
                parts.extend(shown);
                self.emit(Reply {
                    parts: std::mem::take(&mut parts),
                    buttons: Vec::new(),
                    replaces_previous: false,
                    keep: true,
                });
            }
        }
        if let Some((step, total)) = self.progress(&node) {
            parts.push(
                Msg::new("progress")
                    .num("step", step as i64)
                    .num("total", total as i64),
            );
        }
        parts.extend(self.parts_of(&node, &facts));
        let buttons = self.buttons_for_current();
        self.emit(Reply {
            parts,
            buttons,
            replaces_previous: false,
            keep: node.keep,
        });
    }

    /// Where the person is in the preparation: (this screen's number, the number of
    /// screens to the checklist on the path the answers so far point to). Counts only
    /// screens that ask something, as the person sees them: one more with each question,
    /// one less with Back; never a step beyond the total. `None` off the preparation, or
    /// where no path leads on to the checklist.
    pub(super) fn progress(&mut self, node: &Node) -> Option<(usize, usize)> {
        if !node.is_step() {
            return None;
        }
        let steps = &mut self.state.steps;
        if steps.last() != Some(&node.id) {
            match steps.iter().rposition(|s| *s == node.id) {
                Some(i) if self.going_back => steps.truncate(i + 1),
                _ => {
                    steps.push(node.id.clone());
                    if steps.len() > STEPS_LIMIT {
                        steps.remove(0);
                    }
                }
            }
        }
        let step = self.state.steps.len();
        let ahead = self.steps_ahead(node)?;
        Some((step, step + ahead))
    }

    /// How many question screens lie between `node` and the checklist, following the
    /// first answer on each screen that leads there (the flow lists the most common
    /// answer first), with the facts those answers would set.
    pub(super) fn steps_ahead(&self, node: &Node) -> Option<usize> {
        let goal = self.flow().entries.get("checklist")?.clone();
        let mut seen = BTreeSet::new();
        self.path_from(node, self.state.facts.clone(), &goal, &mut seen)
    }

    pub(super) fn path_from(
        &self,
        node: &Node,
        facts: Facts,
        goal: &str,
        seen: &mut BTreeSet<String>,
    ) -> Option<usize> {
        if seen.len() > LOOKAHEAD_LIMIT * 8 {
            return None;
        }
        let derived = self.derived(&facts);
        for o in node
            .options
            .iter()
            .filter(|o| cond_holds(&o.cond, &derived))
        {
            let Some(Target::Node(to)) = &o.goto else {
                continue;
            };
            let mut f = facts.clone();
            for k in &o.clear {
                f.remove(k);
            }
            for (k, v) in &o.set {
                f.insert(k.clone(), Fact::One(v.clone()));
            }
            let Some(landing) = self.resolve_hypothetical(to, &f) else {
                continue;
            };
            if landing.id == goal {
                return Some(0);
            }
            if landing.section.is_none() || !seen.insert(format!("{}{f:?}", landing.id)) {
                continue;
            }
            if let Some(n) = self.path_from(landing, f, goal, seen) {
                return Some(n + usize::from(landing.is_step()));
            }
        }
        None
    }

    /// The node a move to `to` would show with these facts (following branches).
    pub(super) fn resolve_hypothetical(&self, to: &str, facts: &Facts) -> Option<&Node> {
        let mut node = self.flow().node(to)?;
        for _ in 0..LOOKAHEAD_LIMIT {
            if node.kind != NodeKind::Branch {
                return Some(node);
            }
            let derived = self.derived(facts);
            match node.routes.iter().find(|r| cond_holds(&r.cond, &derived)) {
                Some(r) => match &r.goto {
                    Target::Node(n) => node = self.flow().node(n)?,
                    _ => return None,
                },
                None => return None,
            }
        }
        None
    }

    /// Counts an outcome for the statistics, once per conversation.
    pub(super) fn count_once(&mut self, o: Outcome) {
        if self.state.counted.insert(o.name().to_string()) {
            self.events.push(Event::Outcome(o));
        }
    }

    /// The messages a node shows for these facts.
    pub(super) fn parts_of(&self, node: &Node, facts: &Facts) -> Vec<Msg> {
        let mut parts = Vec::new();
        for part in &node.parts {
            if !cond_holds(&part.cond, facts) {
                continue;
            }
            match &part.each {
                None => parts.push(self.with_fact_args(Msg::new(part.msg.clone()), facts)),
                Some(f) => {
                    if let Some(Fact::Many(values)) = facts.get(f.as_str()) {
                        for v in values {
                            let id = part.msg.replace("{}", &v.replace('_', "-"));
                            parts.push(self.with_fact_args(Msg::new(id), facts));
                        }
                    }
                }
            }
        }
        parts
    }

    pub(super) fn count_shown(&mut self, node: &Node, facts: &Facts) {
        if let Some(o) = node.count {
            self.count_once(o);
        }
        let one = |k: &str| facts.get(k).and_then(Fact::as_one).map(str::to_string);
        if node.id == "checklist" {
            self.events.push(Event::ChecklistShown {
                documents: one("documents"),
                witness: one("witness"),
                device: one("device"),
            });
        } else if let Some(topic) = node.id.strip_prefix("faq-") {
            self.events.push(Event::FaqAnswer {
                topic: topic.to_string(),
            });
        }
    }

    /// Every single-valued fact and every moment is available to the texts as a variable
    /// (a moment as `$x`, `$x_date` and `$x_from`); a set-valued fact as `$x_count`.
    /// A single-valued fact not answered (yet) is passed empty, so a selector on it takes
    /// its default variant: a deep link into the documents knows no `$residence`. (`check`
    /// makes sure no text shows a fact's value as words.)
    pub(super) fn with_fact_args(&self, mut msg: Msg, facts: &Facts) -> Msg {
        let flow_facts = self
            .engine
            .flow
            .fact_values
            .iter()
            .filter(|(_, values)| !values.contains("*"))
            .map(|(name, _)| name.as_str());
        let derived = DERIVED.iter().filter_map(|(name, kind)| match kind {
            FactKind::One(_) => Some(*name),
            _ => None,
        });
        for name in flow_facts.chain(derived) {
            if !facts.contains_key(name) {
                msg.args.push((name.to_string(), Arg::Str(String::new())));
            }
        }
        for (k, v) in facts {
            match v {
                Fact::One(s) => msg.args.push((k.clone(), Arg::Str(s.clone()))),
                Fact::Time(_) => {
                    if let Some(t) = v.time() {
                        msg.args.extend(moment_args(k, t));
                    }
                }
                Fact::Many(set) => msg
                    .args
                    .push((format!("{k}_count"), Arg::Num(set.len() as i64))),
            }
        }
        msg
    }

    pub(super) fn emit(&mut self, reply: Reply) {
        self.replies.push(reply);
    }
}
