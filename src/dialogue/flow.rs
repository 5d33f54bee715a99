//! The flow as data: `dialogues/*.toml` parsed into [`Flow`], and checked for the mistakes
//! that would otherwise surface in a citizen's chat (a missing target, an unreachable node,
//! a button whose callback data would not fit Telegram's 64 bytes).
//!
//! File format (see `dialogues/README.md` for the staff-facing description):
//! - one `[flow]` table: `start`, the ordered `sections`, and `[flow.entries]` (command or
//!   deep-link topic -> node);
//! - `[[node]]` tables: `id`, optional `section`, `kind` (`choice`, `multi`, `input`,
//!   `branch`), the message as `text = "id"` or conditional `parts`, `options`, `nav`.
//!
//! Must not: know any Fluent text or Telegram type. Locale cross-checks live in `check`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::content::{line_of, ContentSource, Problem};
use crate::i18n::Lang;

/// Telegram's limit for callback data.
pub const MAX_CALLBACK_BYTES: usize = 64;

/// What a button or route leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Node(String),
    /// The previous node of the guided flow.
    Back,
    /// Forget the facts and begin again (language stays).
    Restart,
    /// Back to where the guided flow was left (after a question or a tool).
    Resume,
    /// Stay on this node and show it again.
    Stay,
}

impl Target {
    fn parse(s: &str) -> Target {
        match s {
            "@back" => Target::Back,
            "@restart" => Target::Restart,
            "@resume" => Target::Resume,
            "@stay" => Target::Stay,
            other => Target::Node(other.to_string()),
        }
    }
}

/// Facts a condition looks at: every listed fact must have one of the listed values
/// (`when`), and none of the `unless` ones. The value `*` means "is set at all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cond {
    pub when: Vec<(String, Vec<String>)>,
    pub unless: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A message and buttons; one button is pressed.
    Choice,
    /// Buttons without `goto` toggle their id in the node's set-valued fact.
    Multi,
    /// Waits for typed input (`input = "userid"` or `"date"`).
    Input,
    /// Shows nothing: follows the first route whose condition holds.
    Branch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Checked against the UserID rules, never stored.
    UserId,
    /// A date (and time), stored as a moment in the node's `fact`.
    Date,
}

/// What a date input asks about. It decides which dates make sense and which moment a
/// date without a time stands for (the safer reading): a past event (when the witness got
/// MitID) is read as the end of that day, a coming one (the appointment) as its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReadingRule {
    Past,
    Future,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub msg: String,
    pub cond: Cond,
    /// For each value of this (set-valued) fact, the message `msg` with `{}` replaced.
    pub each: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    pub id: String,
    pub label: String,
    pub goto: Option<Target>,
    pub set: Vec<(String, String)>,
    /// Facts an answer makes stale (choosing another main document clears `main_cpr`).
    pub clear: Vec<String>,
    pub lang: Option<Lang>,
    /// A link button: the name of a configured address (`booking_url`).
    pub url: Option<String>,
    pub cond: Cond,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub cond: Cond,
    pub goto: Target,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub file: String,
    pub line: usize,
    pub section: Option<String>,
    pub kind: NodeKind,
    pub parts: Vec<Part>,
    pub options: Vec<Opt>,
    pub fact: Option<String>,
    pub input: Option<InputKind>,
    pub date_rule: DateReadingRule,
    /// A date input that needs a time too (`time = "required"`: the appointment).
    pub need_time: bool,
    pub next: Option<Target>,
    pub routes: Vec<Route>,
    /// What the node shows is a message the person keeps (a verdict, the checklist, a
    /// guide, an answer): a channel sends it as a new message and never edits it into the
    /// next screen. Otherwise it is navigation, which a channel may replace in place.
    /// `keep = true` in the flow; answers of the FAQ (`faq-*`) keep by default. A kept
    /// screen is not a question on the way: the step counter does not count it.
    pub keep: bool,
    /// Nodes whose messages are shown first, as a reply of their own (a result shown
    /// together with the next question instead of a "Continue"-only screen).
    pub before: Vec<String>,
    /// An outcome the statistics count (once per conversation) when the node is entered.
    pub count: Option<Outcome>,
}

/// Outcomes the statistics count when a node is entered (`count = "..."` in the flow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The guide to getting MitID at home was shown.
    HomeGuide,
    /// After the at-home guide, the person went on to prepare for Borgerservice.
    HomeWentOn,
    /// A renewal was told how to do it without an appointment.
    SelfService,
}

impl Outcome {
    /// The name in the flow files (and in the state's record of what was counted).
    pub fn name(self) -> &'static str {
        match self {
            Outcome::HomeGuide => "home_guide",
            Outcome::HomeWentOn => "home_went_on",
            Outcome::SelfService => "self_service",
        }
    }

    fn parse(s: &str) -> Option<Outcome> {
        [
            Outcome::HomeGuide,
            Outcome::HomeWentOn,
            Outcome::SelfService,
        ]
        .into_iter()
        .find(|o| o.name() == s)
    }
}

impl Node {
    /// A screen that asks something on the way through the preparation: the step counter
    /// counts these ("Step 2 of 5").
    pub fn is_step(&self) -> bool {
        self.section.is_some() && self.kind != NodeKind::Branch && !self.keep
    }
}

/// The whole, checked flow.
#[derive(Debug, Clone)]
pub struct Flow {
    pub start: String,
    pub sections: Vec<String>,
    pub entries: BTreeMap<String, String>,
    pub nodes: BTreeMap<String, Node>,
    /// Every fact an answer can set, with the values it can take (for `check`).
    pub fact_values: BTreeMap<String, BTreeSet<String>>,
}

impl Flow {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }
}

// ---- the file format ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    flow: Option<Spanned<FlowDef>>,
    #[serde(default)]
    node: Vec<NodeDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowDef {
    start: Spanned<String>,
    sections: Vec<String>,
    #[serde(default)]
    entries: BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

type CondDef = BTreeMap<String, OneOrMany>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartDef {
    msg: Spanned<String>,
    #[serde(default)]
    when: CondDef,
    #[serde(default)]
    unless: CondDef,
    each: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptDef {
    id: Spanned<String>,
    label: Spanned<String>,
    goto: Option<Spanned<String>>,
    #[serde(default)]
    set: BTreeMap<String, String>,
    #[serde(default)]
    clear: Vec<String>,
    lang: Option<String>,
    url: Option<String>,
    #[serde(default)]
    when: CondDef,
    #[serde(default)]
    unless: CondDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteDef {
    #[serde(default)]
    when: CondDef,
    #[serde(default)]
    unless: CondDef,
    goto: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeDef {
    id: Spanned<String>,
    section: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
    #[serde(default)]
    parts: Vec<PartDef>,
    #[serde(default)]
    options: Vec<OptDef>,
    #[serde(default)]
    nav: Vec<Spanned<String>>,
    fact: Option<String>,
    input: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    time: Option<Spanned<String>>,
    next: Option<Spanned<String>>,
    #[serde(default)]
    routes: Vec<RouteDef>,
    keep: Option<Spanned<bool>>,
    #[serde(default)]
    before: Vec<Spanned<String>>,
    count: Option<Spanned<String>>,
}

fn cond(when: CondDef, unless: CondDef) -> Cond {
    Cond {
        when: when.into_iter().map(|(k, v)| (k, v.into_vec())).collect(),
        unless: unless.into_iter().map(|(k, v)| (k, v.into_vec())).collect(),
    }
}

/// Navigation buttons that many nodes share, named in a node's `nav` list.
fn nav_option(name: &str, line: usize) -> Option<Opt> {
    let (label, goto) = match name {
        "back" => ("btn-back", Target::Back),
        "restart" => ("btn-restart", Target::Restart),
        "resume" => ("btn-resume", Target::Resume),
        "menu" => ("btn-menu", Target::Node("menu".into())),
        "faq" => ("btn-faq", Target::Node("faq".into())),
        "book" => ("btn-book", Target::Node("book".into())),
        _ => return None,
    };
    Some(Opt {
        id: name.to_string(),
        label: label.to_string(),
        goto: Some(goto),
        set: Vec::new(),
        clear: Vec::new(),
        lang: None,
        url: None,
        cond: Cond::default(),
        line,
    })
}

/// Facts the engine derives from the answers (see `dialogue::derive`); conditions may
/// name them, answers may not set them.
pub use super::derive::is_derived;

impl Flow {
    /// Parses every `dialogues/*.toml` (not sub-folders: those hold other data) and checks
    /// the flow's structure. Every problem names its file and line.
    pub fn load(source: &ContentSource) -> Result<Flow, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut flow_def: Option<(String, String, FlowDef)> = None;
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        let mut fact_values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        // (node, the node it shows first, file, line): checked once every node is known.
        let mut before_lines: Vec<(String, String, String, usize)> = Vec::new();

        let files: Vec<_> = source
            .files_in("dialogues/", ".toml")
            .filter(|f| !f.path["dialogues/".len()..].contains('/'))
            .collect();
        if files.is_empty() {
            problems.push(Problem::new(
                source.display_name("dialogues/"),
                0,
                "no flow files (*.toml)",
            ));
        }
        for file in files {
            let name = source.display_name(&file.path);
            let text = &file.text;
            let def: FileDef = match toml::from_str(text) {
                Ok(d) => d,
                Err(e) => {
                    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
                    problems.push(Problem::new(&name, line, e.message().trim().to_string()));
                    continue;
                }
            };
            if let Some(fd) = def.flow {
                let line = line_of(text, fd.span().start);
                if let Some((other, _, _)) = &flow_def {
                    problems.push(Problem::new(
                        &name,
                        line,
                        format!("a second [flow] table (the first is in {other})"),
                    ));
                } else {
                    flow_def = Some((name.clone(), text.clone(), fd.into_inner()));
                }
            }
            for nd in def.node {
                let node = read_node(
                    nd,
                    &name,
                    text,
                    &mut fact_values,
                    &mut before_lines,
                    &mut problems,
                );
                let (id, line) = (node.id.clone(), node.line);
                if let Some(earlier) = nodes.get(&id) {
                    problems.push(Problem::new(
                        &name,
                        line,
                        format!(
                            "node `{id}` is defined again (first at {}:{})",
                            earlier.file, earlier.line
                        ),
                    ));
                } else {
                    nodes.insert(id, node);
                }
            }
        }

        let Some((flow_file, flow_text, fd)) = flow_def else {
            problems.push(Problem::new(
                source.display_name("dialogues/"),
                0,
                "no [flow] table with `start` and `sections`",
            ));
            return Err(problems);
        };
        for (node, b, file, line) in &before_lines {
            match nodes.get(b) {
                None => problems.push(Problem::new(
                    file,
                    *line,
                    format!("node `{node}`: `before` names `{b}`, which does not exist"),
                )),
                Some(n) if !n.before.is_empty() || n.kind == NodeKind::Branch => {
                    problems.push(Problem::new(
                        file,
                        *line,
                        format!(
                            "node `{node}`: `before` names `{b}`, which is a branch or shows other nodes first itself"
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        let mut entries = BTreeMap::new();
        let start_line = line_of(&flow_text, fd.start.span().start);
        if !nodes.contains_key(fd.start.get_ref()) {
            problems.push(Problem::new(
                &flow_file,
                start_line,
                format!("start node `{}` does not exist", fd.start.get_ref()),
            ));
        }
        for (topic, target) in fd.entries {
            if !nodes.contains_key(target.get_ref()) {
                problems.push(Problem::new(
                    &flow_file,
                    line_of(&flow_text, target.span().start),
                    format!(
                        "entry `{topic}` points at `{}`, which does not exist",
                        target.get_ref()
                    ),
                ));
            }
            entries.insert(topic, target.into_inner());
        }
        let flow = Flow {
            start: fd.start.into_inner(),
            sections: fd.sections,
            entries,
            nodes,
            fact_values,
        };
        flow.check_structure(&mut problems);
        if problems.is_empty() {
            Ok(flow)
        } else {
            Err(problems)
        }
    }

    fn check_structure(&self, problems: &mut Vec<Problem>) {
        let known_fact = |f: &str| self.fact_values.contains_key(f) || is_derived(f);
        for node in self.nodes.values() {
            let p = |line: usize, m: String| Problem::new(&node.file, line, m);
            let target_ok = |t: &Target| match t {
                Target::Node(n) => self.nodes.contains_key(n),
                _ => true,
            };
            if let Some(s) = &node.section {
                if !self.sections.contains(s) {
                    problems.push(p(
                        node.line,
                        format!(
                            "node `{}`: section `{s}` is not in [flow] sections",
                            node.id
                        ),
                    ));
                }
            }
            let mut seen = BTreeSet::new();
            for o in &node.options {
                if !seen.insert(&o.id) {
                    problems.push(p(
                        o.line,
                        format!("node `{}`: option `{}` appears twice", node.id, o.id),
                    ));
                }
                let data = callback_data(&node.id, &o.id);
                if data.len() > MAX_CALLBACK_BYTES {
                    problems.push(p(o.line, format!("node `{}`: callback data `{data}` is {} bytes, over Telegram's {MAX_CALLBACK_BYTES}", node.id, data.len())));
                }
                if let Some(t) = &o.goto {
                    if !target_ok(t) {
                        problems.push(p(
                            o.line,
                            format!(
                                "node `{}`: option `{}` goes to `{}`, which does not exist",
                                node.id,
                                o.id,
                                show(t)
                            ),
                        ));
                    }
                } else if node.kind != NodeKind::Multi && o.url.is_none() && o.lang.is_none() {
                    problems.push(p(
                        o.line,
                        format!("node `{}`: option `{}` has no goto", node.id, o.id),
                    ));
                }
                for (f, _) in o.cond.when.iter().chain(&o.cond.unless) {
                    if !known_fact(f) {
                        problems.push(p(
                            o.line,
                            format!(
                                "node `{}`: option `{}` tests fact `{f}`, which nothing sets",
                                node.id, o.id
                            ),
                        ));
                    }
                }
            }
            for part in &node.parts {
                for (f, _) in part.cond.when.iter().chain(&part.cond.unless) {
                    if !known_fact(f) {
                        problems.push(p(
                            part.line,
                            format!(
                                "node `{}`: part `{}` tests fact `{f}`, which nothing sets",
                                node.id, part.msg
                            ),
                        ));
                    }
                }
                if let Some(f) = &part.each {
                    if !known_fact(f) {
                        problems.push(p(
                            part.line,
                            format!(
                                "node `{}`: part `{}` lists fact `{f}`, which nothing sets",
                                node.id, part.msg
                            ),
                        ));
                    }
                    if !part.msg.contains("{}") {
                        problems.push(p(
                            part.line,
                            format!(
                                "node `{}`: part `{}` has `each` but no `{{}}` in its id",
                                node.id, part.msg
                            ),
                        ));
                    }
                }
            }
            for r in &node.routes {
                if !target_ok(&r.goto) {
                    problems.push(p(
                        r.line,
                        format!(
                            "node `{}`: route goes to `{}`, which does not exist",
                            node.id,
                            show(&r.goto)
                        ),
                    ));
                }
                for (f, _) in r.cond.when.iter().chain(&r.cond.unless) {
                    if !known_fact(f) {
                        problems.push(p(
                            r.line,
                            format!(
                                "node `{}`: route tests fact `{f}`, which nothing sets",
                                node.id
                            ),
                        ));
                    }
                }
            }
            if let Some(t) = &node.next {
                if !target_ok(t) {
                    problems.push(p(
                        node.line,
                        format!("node `{}`: next `{}` does not exist", node.id, show(t)),
                    ));
                }
            }
            match node.kind {
                NodeKind::Branch => {
                    if node.routes.last().is_none_or(|r| r.cond != Cond::default()) {
                        problems.push(p(
                            node.line,
                            format!(
                                "node `{}`: a branch needs a last route without a condition",
                                node.id
                            ),
                        ));
                    }
                    if !node.parts.is_empty() || !node.options.is_empty() {
                        problems.push(p(node.line, format!("node `{}`: a branch shows nothing; move its text and options to a node it routes to", node.id)));
                    }
                }
                NodeKind::Multi if node.fact.is_none() => {
                    problems.push(p(
                        node.line,
                        format!("node `{}`: a multi node needs `fact`", node.id),
                    ));
                }
                NodeKind::Input => match node.input {
                    None => problems.push(p(
                        node.line,
                        format!("node `{}`: an input node needs `input`", node.id),
                    )),
                    Some(InputKind::Date) if node.fact.is_none() || node.next.is_none() => problems
                        .push(p(
                            node.line,
                            format!("node `{}`: a date input needs `fact` and `next`", node.id),
                        )),
                    _ => {}
                },
                _ => {}
            }
            if node.kind != NodeKind::Branch && node.parts.is_empty() {
                problems.push(p(node.line, format!("node `{}` shows no text", node.id)));
            }
        }
        // Branches must not loop among themselves: the engine would never reach a screen.
        for node in self.nodes.values().filter(|n| n.kind == NodeKind::Branch) {
            let mut stack = vec![node.id.as_str()];
            let mut visited = BTreeSet::new();
            while let Some(id) = stack.pop() {
                let Some(n) = self.nodes.get(id) else {
                    continue;
                };
                if n.kind != NodeKind::Branch || !visited.insert(id) {
                    continue;
                }
                for r in &n.routes {
                    if let Target::Node(t) = &r.goto {
                        if t == &node.id {
                            problems.push(Problem::new(
                                &node.file,
                                node.line,
                                format!("node `{}`: branches lead back to it in a loop", node.id),
                            ));
                        }
                        stack.push(t);
                    }
                }
            }
        }
        // Every node reachable from the start, the entries or a nav target.
        let mut reached: BTreeSet<&str> = BTreeSet::new();
        let mut stack: Vec<&str> = vec![self.start.as_str()];
        stack.extend(self.entries.values().map(|s| s.as_str()));
        while let Some(id) = stack.pop() {
            if !reached.insert(id) {
                continue;
            }
            let Some(n) = self.nodes.get(id) else {
                continue;
            };
            let targets = n
                .options
                .iter()
                .filter_map(|o| o.goto.as_ref())
                .chain(n.routes.iter().map(|r| &r.goto))
                .chain(n.next.iter());
            for t in targets {
                if let Target::Node(t) = t {
                    stack.push(t);
                }
            }
            stack.extend(n.before.iter().map(|b| b.as_str()));
        }
        for node in self.nodes.values() {
            if !reached.contains(node.id.as_str()) {
                problems.push(Problem::new(
                    &node.file,
                    node.line,
                    format!(
                        "node `{}` cannot be reached from the start or an entry",
                        node.id
                    ),
                ));
            }
        }
    }
}

/// Reads one `[[node]]` of the file `name` (its text `text`, for line numbers): the facts
/// its answers set go to `fact_values`, its `before` nodes to `before_lines` (checked once
/// every node is known), and what is wrong to `problems`.
fn read_node(
    nd: NodeDef,
    name: &str,
    text: &str,
    fact_values: &mut BTreeMap<String, BTreeSet<String>>,
    before_lines: &mut Vec<(String, String, String, usize)>,
    problems: &mut Vec<Problem>,
) -> Node {
    let line = line_of(text, nd.id.span().start);
    let id = nd.id.get_ref().clone();
    let at = |s: std::ops::Range<usize>| line_of(text, s.start);
    let kind = match nd.kind.as_ref().map(|k| k.get_ref().as_str()) {
        None | Some("choice") => NodeKind::Choice,
        Some("multi") => NodeKind::Multi,
        Some("input") => NodeKind::Input,
        Some("branch") => NodeKind::Branch,
        Some(other) => {
            problems.push(Problem::new(
                name,
                at(nd.kind.as_ref().map(|k| k.span()).unwrap_or(0..0)),
                format!("node `{id}`: unknown kind `{other}` (choice, multi, input or branch)"),
            ));
            NodeKind::Choice
        }
    };
    let mut parts = Vec::new();
    if let Some(t) = &nd.text {
        parts.push(Part {
            msg: t.get_ref().clone(),
            cond: Cond::default(),
            each: None,
            line: at(t.span()),
        });
    }
    for p in nd.parts {
        parts.push(Part {
            line: at(p.msg.span()),
            msg: p.msg.into_inner(),
            cond: cond(p.when, p.unless),
            each: p.each,
        });
    }
    let mut options = Vec::new();
    for o in nd.options {
        let oline = at(o.id.span());
        let lang = match o.lang.as_deref() {
            None => None,
            Some(code) => match Lang::from_code(code) {
                Some(l) => Some(l),
                None => {
                    problems.push(Problem::new(
                        name,
                        oline,
                        format!("option `{}`: unknown language `{code}`", o.id.get_ref()),
                    ));
                    None
                }
            },
        };
        if let Some(u) = &o.url {
            if u != "booking_url" {
                problems.push(Problem::new(
                    name,
                    oline,
                    format!(
                        "option `{}`: unknown address `{u}` (booking_url)",
                        o.id.get_ref()
                    ),
                ));
            }
        }
        for (f, v) in &o.set {
            if is_derived(f) {
                problems.push(Problem::new(
                    name,
                    oline,
                    format!(
                        "option `{}` sets `{f}`, which the engine derives",
                        o.id.get_ref()
                    ),
                ));
            }
            fact_values.entry(f.clone()).or_default().insert(v.clone());
        }
        if kind == NodeKind::Multi && o.goto.is_none() {
            if let Some(f) = &nd.fact {
                fact_values
                    .entry(f.clone())
                    .or_default()
                    .insert(o.id.get_ref().clone());
            }
        }
        options.push(Opt {
            id: o.id.into_inner(),
            label: o.label.into_inner(),
            goto: o.goto.map(|g| Target::parse(g.get_ref())),
            set: o.set.into_iter().collect(),
            clear: o.clear,
            lang,
            url: o.url,
            cond: cond(o.when, o.unless),
            line: oline,
        });
    }
    for n in &nd.nav {
        match nav_option(n.get_ref(), at(n.span())) {
            Some(o) => options.push(o),
            None => problems.push(Problem::new(
                name,
                at(n.span()),
                format!(
                    "node `{id}`: unknown nav `{}` (back, restart, resume, menu, faq, book)",
                    n.get_ref()
                ),
            )),
        }
    }
    let input = match nd.input.as_ref().map(|i| i.get_ref().as_str()) {
        None => None,
        Some("userid") => Some(InputKind::UserId),
        Some("date") => Some(InputKind::Date),
        Some(other) => {
            problems.push(Problem::new(
                name,
                line,
                format!("node `{id}`: unknown input `{other}` (userid or date)"),
            ));
            None
        }
    };
    let date_rule = match nd.date.as_ref().map(|d| d.get_ref().as_str()) {
        None | Some("past") => DateReadingRule::Past,
        Some("future") => DateReadingRule::Future,
        Some(other) => {
            problems.push(Problem::new(
                name,
                line,
                format!("node `{id}`: unknown date kind `{other}` (past or future)"),
            ));
            DateReadingRule::Past
        }
    };
    let need_time = match nd.time.as_ref().map(|t| t.get_ref().as_str()) {
        None | Some("optional") => false,
        Some("required") => true,
        Some(other) => {
            problems.push(Problem::new(
                name,
                line,
                format!("node `{id}`: unknown time rule `{other}` (required or optional)"),
            ));
            false
        }
    };
    if input == Some(InputKind::Date) {
        if let Some(f) = &nd.fact {
            fact_values.entry(f.clone()).or_default().insert("*".into());
            let only = fact_values.entry(format!("{f}_date_only")).or_default();
            only.insert("yes".into());
            only.insert("no".into());
        }
    }
    let count = match nd.count.as_ref() {
        None => None,
        Some(c) => match Outcome::parse(c.get_ref()) {
            Some(o) => Some(o),
            None => {
                problems.push(Problem::new(
                    name,
                    at(c.span()),
                    format!(
                        "node `{id}`: unknown count `{}` (home_guide, home_went_on, self_service)",
                        c.get_ref()
                    ),
                ));
                None
            }
        },
    };
    let before: Vec<(String, usize)> = nd
        .before
        .into_iter()
        .map(|b| {
            let l = at(b.span());
            (b.into_inner(), l)
        })
        .collect();
    for (b, l) in &before {
        before_lines.push((id.clone(), b.clone(), name.to_string(), *l));
    }
    let routes = nd
        .routes
        .into_iter()
        .map(|r| Route {
            line: at(r.goto.span()),
            goto: Target::parse(r.goto.get_ref()),
            cond: cond(r.when, r.unless),
        })
        .collect();
    // FAQ answers are kept unless a node says otherwise (faq.toml's convention:
    // every answer is a node `faq-<topic>`).
    let keep = match &nd.keep {
        Some(k) if *k.get_ref() && kind == NodeKind::Branch => {
            problems.push(Problem::new(
                name,
                at(k.span()),
                format!("node `{id}`: `keep` on a branch, which shows nothing"),
            ));
            false
        }
        Some(k) => *k.get_ref(),
        None => id.starts_with("faq-") && kind != NodeKind::Branch,
    };
    Node {
        id: id.clone(),
        file: name.to_string(),
        line,
        section: nd.section.map(|s| s.into_inner()),
        kind,
        parts,
        options,
        fact: nd.fact,
        input,
        date_rule,
        need_time,
        next: nd.next.map(|n| Target::parse(n.get_ref())),
        routes,
        keep,
        before: before.into_iter().map(|(b, _)| b).collect(),
        count,
    }
}

fn show(t: &Target) -> String {
    match t {
        Target::Node(n) => n.clone(),
        Target::Back => "@back".into(),
        Target::Restart => "@restart".into(),
        Target::Resume => "@resume".into(),
        Target::Stay => "@stay".into(),
    }
}

/// The callback data of a button: `node:option`. Checked against Telegram's 64 bytes.
pub fn callback_data(node: &str, option: &str) -> String {
    format!("{node}:{option}")
}
