//! Loading the content is checking it: the flow, the three locales and the FAQ data are
//! read, cross-checked, and either become an [`Engine`] or a list of `file:line: problem`
//! lines. `mitid-bot check` prints that list; the bot refuses to start with one.
//!
//! Must not: render messages for users, or stop at the first problem (staff fix a file in
//! one go when they see every problem at once).

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{line_of, ContentSource, Problem};
use crate::dialogue::derive::{derived_kind, FactKind, DERIVED};
use crate::dialogue::engine::Engine;
use crate::dialogue::flow::{Cond, Flow, InputKind, NodeKind};
use crate::faq::FaqMatcher;
use crate::i18n::{
    moment_arg_names, Globals, I18n, Lang, Msg, CHANNELS, CHANNEL_VARIABLE, GLOBAL_VARIABLES,
    MOMENT_MESSAGES,
};

/// Longest button label Telegram shows comfortably (and our rule).
pub const MAX_LABEL_CHARS: usize = 64;

/// Where the FAQ matcher's phrases live.
pub const FAQ_DATA: &str = "dialogues/faq/match.toml";

/// Loads and checks everything; an engine only when there is no problem at all.
pub fn load(source: &ContentSource, globals: Globals) -> Result<Engine, Vec<Problem>> {
    let mut problems = Vec::new();
    let flow = Flow::load(source).map_err(|p| problems.extend(p)).ok();
    let i18n = I18n::load(source).map_err(|p| problems.extend(p)).ok();
    let faq = match source.files.iter().find(|f| f.path == FAQ_DATA) {
        None => {
            problems.push(Problem::new(source.display_name(FAQ_DATA), 0, "missing"));
            None
        }
        Some(f) => match FaqMatcher::from_toml(&source.display_name(FAQ_DATA), &f.text) {
            Ok(m) => Some(m),
            Err(e) => {
                problems.push(problem_from_text(
                    &e.to_string(),
                    &source.display_name(FAQ_DATA),
                ));
                None
            }
        },
    };
    if let Some(i18n) = &i18n {
        check_locales(i18n, &mut problems);
        if let Some(flow) = &flow {
            check_flow_messages(flow, i18n, &globals, &mut problems);
            let facts = FactTable::of(flow);
            check_condition_values(flow, &facts, &mut problems);
            check_variables(flow, i18n, &facts, &mut problems);
            check_selector_values(i18n, &facts, &mut problems);
        }
        if let Some(faq) = &faq {
            let file = source.display_name(FAQ_DATA);
            for topic in faq.topics() {
                for id in [format!("faq-{topic}"), format!("faq-{topic}-q")] {
                    require(
                        i18n,
                        &id,
                        &file,
                        0,
                        &format!("FAQ topic `{topic}`"),
                        &mut problems,
                    );
                }
                if let Some(flow) = &flow {
                    if flow.node(&format!("faq-{topic}")).is_none() {
                        problems.push(Problem::new(
                            &file,
                            0,
                            format!("FAQ topic `{topic}` has no node `faq-{topic}` in dialogues/"),
                        ));
                    }
                }
            }
        }
        for id in Engine::MESSAGES {
            require(
                i18n,
                id,
                "src/dialogue/engine/mod.rs",
                0,
                "the engine",
                &mut problems,
            );
        }
        for (file, who, ids) in crate::conversation::messages::USERS {
            for id in *ids {
                require(i18n, id, file, 0, who, &mut problems);
            }
        }
        for id in crate::web::MESSAGES {
            require(i18n, id, "src/web/mod.rs", 0, "the web chat", &mut problems);
        }
        for id in crate::staff::MESSAGES {
            require(
                i18n,
                id,
                "src/staff/mod.rs",
                0,
                "the staff tools (link, qr)",
                &mut problems,
            );
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    problems.dedup();
    match (problems.is_empty(), flow, i18n, faq) {
        (true, Some(flow), Some(i18n), Some(faq)) => Ok(Engine {
            flow,
            i18n,
            faq,
            globals,
        }),
        _ => Err(problems),
    }
}

/// A problem from a message that may already read `file:line: what`.
fn problem_from_text(text: &str, file: &str) -> Problem {
    if let Some(rest) = text.strip_prefix(file).and_then(|r| r.strip_prefix(':')) {
        if let Some((line, msg)) = rest.split_once(':') {
            if let Ok(n) = line.trim().parse() {
                return Problem::new(file, n, msg.trim());
            }
        }
    }
    Problem::new(file, 0, text)
}

/// The message `id` must exist in all three locales.
fn require(
    i18n: &I18n,
    id: &str,
    file: &str,
    line: usize,
    user: &str,
    problems: &mut Vec<Problem>,
) {
    let lacking: Vec<&str> = Lang::ALL
        .iter()
        .filter(|l| !i18n.has(**l, id))
        .map(|l| l.code())
        .collect();
    if !lacking.is_empty() {
        problems.push(Problem::new(
            file,
            line,
            format!(
                "{user} uses message `{id}`, which is missing in locales/{}",
                lacking.join(", locales/")
            ),
        ));
    }
}

/// Every message in every locale, with the same variables; references resolve.
fn check_locales(i18n: &I18n, problems: &mut Vec<Problem>) {
    let mut all: BTreeSet<&String> = BTreeSet::new();
    for lang in Lang::ALL {
        all.extend(i18n.index[lang_index(lang)].keys());
    }
    for id in all {
        let defined: Vec<(Lang, &crate::i18n::MessageInfo)> = Lang::ALL
            .iter()
            .filter_map(|l| i18n.info(*l, id).map(|i| (*l, i)))
            .collect();
        let (first_lang, first) = defined[0];
        for lang in Lang::ALL {
            if i18n.info(lang, id).is_none() {
                problems.push(Problem::new(
                    &first.file,
                    first.line,
                    format!(
                        "`{id}` is defined here but missing in locales/{}",
                        lang.code()
                    ),
                ));
            }
        }
        for (lang, info) in &defined[1..] {
            if info.variables != first.variables {
                problems.push(Problem::new(
                    &info.file,
                    info.line,
                    format!(
                        "`{id}` uses {} here, but {} in locales/{} ({}:{})",
                        vars(&info.variables),
                        vars(&first.variables),
                        first_lang.code(),
                        first.file,
                        first.line
                    ),
                ));
            }
            let _ = lang;
        }
        for (lang, info) in &defined {
            for r in &info.references {
                if !i18n.has(*lang, r) {
                    problems.push(Problem::new(
                        &info.file,
                        info.line,
                        format!(
                            "`{id}` refers to `{r}`, which locales/{} does not define",
                            lang.code()
                        ),
                    ));
                }
            }
        }
    }
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

fn vars(v: &BTreeSet<String>) -> String {
    if v.is_empty() {
        "no variables".into()
    } else {
        v.iter()
            .map(|x| format!("${x}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every message the flow names exists everywhere; labels fit on a button.
fn check_flow_messages(flow: &Flow, i18n: &I18n, globals: &Globals, problems: &mut Vec<Problem>) {
    for node in flow.nodes.values() {
        let what = format!("node `{}`", node.id);
        for part in &node.parts {
            match &part.each {
                None => require(i18n, &part.msg, &node.file, part.line, &what, problems),
                Some(fact) => {
                    let values = flow
                        .fact_values
                        .get(fact)
                        .cloned()
                        .unwrap_or_else(|| derived_values(fact));
                    let values: BTreeSet<String> =
                        values.into_iter().filter(|v| v != "*").collect();
                    for v in values {
                        let id = part.msg.replace("{}", &v.replace('_', "-"));
                        require(i18n, &id, &node.file, part.line, &what, problems);
                    }
                }
            }
        }
        for o in &node.options {
            require(i18n, &o.label, &node.file, o.line, &what, problems);
            for lang in Lang::ALL {
                if let Some(info) = i18n.info(lang, &o.label) {
                    if info.variables.contains(CHANNEL_VARIABLE) {
                        problems.push(Problem::new(
                            &info.file,
                            info.line,
                            format!(
                                "button label `{}` uses `$channel`; typed text is matched \
                                 against labels without one: give the option a `when` instead",
                                o.label
                            ),
                        ));
                    }
                }
                if i18n.has(lang, &o.label) {
                    let text = i18n.render(lang, &Msg::new(o.label.clone()), globals);
                    let n = text.chars().count();
                    if n > MAX_LABEL_CHARS {
                        let info = i18n
                            .info(lang, &o.label)
                            .map(|i| (i.file.clone(), i.line))
                            .unwrap_or_default();
                        problems.push(Problem::new(
                            info.0,
                            info.1,
                            format!(
                                "button label `{}` is {n} characters in {}, over {MAX_LABEL_CHARS}",
                                o.label,
                                lang.code()
                            ),
                        ));
                    }
                }
            }
        }
        if node.kind == NodeKind::Input && node.options.is_empty() {
            problems.push(Problem::new(
                &node.file,
                node.line,
                format!("{what}: an input node needs at least one button (a way out)"),
            ));
        }
    }
}

/// Values of derived set-valued facts that a part may list with `each`.
fn derived_values(fact: &str) -> BTreeSet<String> {
    match derived_kind(fact) {
        Some(FactKind::Many(values)) | Some(FactKind::One(values)) => {
            values.iter().map(|v| v.to_string()).collect()
        }
        _ => BTreeSet::new(),
    }
}

/// Messages shown by an adapter with variables of their own (besides the globals).
/// The engine's are [`Engine::MESSAGE_ARGS`].
const ADAPTER_ARGS: &[(&str, &[&str])] = &[("group-private-only", &["link"])];

/// Every fact the flow and the engine know: what it holds and which values it can take.
/// Built from the answers in `dialogues/*.toml` (options' `set`, multi nodes' ticks, date
/// questions) and from [`DERIVED`]: the names data and code share.
struct FactTable {
    facts: BTreeMap<String, (Holds, BTreeSet<String>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    One,
    Many,
    Time,
}

impl FactTable {
    fn of(flow: &Flow) -> FactTable {
        let mut facts: BTreeMap<String, (Holds, BTreeSet<String>)> = BTreeMap::new();
        let mut holds: BTreeMap<&str, Holds> = BTreeMap::new();
        for node in flow.nodes.values() {
            if let Some(f) = &node.fact {
                match (node.kind, node.input) {
                    (NodeKind::Multi, _) => {
                        holds.insert(f, Holds::Many);
                    }
                    (_, Some(InputKind::Date)) => {
                        holds.insert(f, Holds::Time);
                    }
                    _ => {}
                }
            }
        }
        for (name, values) in &flow.fact_values {
            let h = holds.get(name.as_str()).copied().unwrap_or(Holds::One);
            let values = values.iter().filter(|v| *v != "*").cloned().collect();
            facts.insert(name.clone(), (h, values));
        }
        for (name, kind) in DERIVED {
            let (h, values): (Holds, &[&str]) = match kind {
                FactKind::One(v) => (Holds::One, v),
                FactKind::Many(v) => (Holds::Many, v),
                FactKind::Time => (Holds::Time, &[]),
            };
            let entry = facts
                .entry(name.to_string())
                .or_insert((h, BTreeSet::new()));
            entry.1.extend(values.iter().map(|v| v.to_string()));
        }
        FactTable { facts }
    }

    /// The values a fact can take, if it is a fact at all.
    fn values(&self, fact: &str) -> Option<&BTreeSet<String>> {
        self.facts.get(fact).map(|(_, v)| v)
    }

    /// The variables the facts give a text shown on a node (see `Ctx::with_fact_args`).
    fn variables(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (name, (holds, _)) in &self.facts {
            match holds {
                Holds::One => {
                    out.insert(name.clone());
                }
                Holds::Many => {
                    out.insert(format!("{name}_count"));
                }
                Holds::Time => out.extend(moment_arg_names(name)),
            }
        }
        out
    }

    /// Facts a text may select on: those with one value at a time.
    fn selectable(&self, variable: &str) -> Option<&BTreeSet<String>> {
        match self.facts.get(variable) {
            Some((Holds::One, values)) => Some(values),
            _ => None,
        }
    }
}

/// (c) A `when`/`unless` in `dialogues/*.toml` names only values something sets.
fn check_condition_values(flow: &Flow, facts: &FactTable, problems: &mut Vec<Problem>) {
    let mut check = |cond: &Cond, file: &str, line: usize, what: &str| {
        for (fact, values) in cond.when.iter().chain(&cond.unless) {
            let Some(known) = facts.values(fact) else {
                continue; // An unknown fact name is the flow loader's report.
            };
            for v in values {
                if v != "*" && !known.contains(v) {
                    problems.push(Problem::new(
                        file,
                        line,
                        format!(
                            "{what} tests `{fact} = \"{v}\"`, but nothing sets that value ({})",
                            list(known)
                        ),
                    ));
                }
            }
        }
    };
    for node in flow.nodes.values() {
        for part in &node.parts {
            let what = format!("node `{}`: part `{}`", node.id, part.msg);
            check(&part.cond, &node.file, part.line, &what);
        }
        for o in &node.options {
            let what = format!("node `{}`: option `{}`", node.id, o.id);
            check(&o.cond, &node.file, o.line, &what);
        }
        for r in &node.routes {
            let what = format!("node `{}`: a route", node.id);
            check(&r.cond, &node.file, r.line, &what);
        }
    }
}

/// (a) Every variable a message uses is given to it: the globals, the facts (for texts a
/// node shows), the engine's or an adapter's own arguments; a message another one refers
/// to gets what its callers get.
fn check_variables(flow: &Flow, i18n: &I18n, facts: &FactTable, problems: &mut Vec<Problem>) {
    let fact_vars = facts.variables();
    let mut supplied: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for node in flow.nodes.values() {
        for part in &node.parts {
            let ids: Vec<String> = match &part.each {
                None => vec![part.msg.clone()],
                Some(fact) => facts
                    .values(fact)
                    .into_iter()
                    .flatten()
                    .map(|v| part.msg.replace("{}", &v.replace('_', "-")))
                    .collect(),
            };
            for id in ids {
                supplied
                    .entry(id)
                    .or_default()
                    .extend(fact_vars.iter().cloned());
            }
        }
    }
    for (id, args) in Engine::MESSAGE_ARGS.iter().chain(ADAPTER_ARGS) {
        supplied
            .entry(id.to_string())
            .or_default()
            .extend(args.iter().map(|a| a.to_string()));
    }
    // Texts a channel renders itself (its page, the calendar file, Telegram's menu, the
    // staff tools) and the moments inside other texts get no `$channel`; every text of a
    // conversation does ([`Engine::text`]).
    let no_channel: BTreeSet<&str> = MOMENT_MESSAGES
        .iter()
        .chain(&["fmt-weekday", "fmt-month"])
        .chain(crate::web::MESSAGES)
        .chain(crate::staff::MESSAGES)
        .chain(crate::conversation::messages::TELEGRAM)
        .copied()
        .collect();
    for lang in Lang::ALL {
        let index = &i18n.index[lang_index(lang)];
        let mut given: BTreeMap<&str, BTreeSet<String>> = index
            .keys()
            .map(|id| {
                let mut vars: BTreeSet<String> =
                    GLOBAL_VARIABLES.iter().map(|g| g.to_string()).collect();
                if !no_channel.contains(id.as_str()) {
                    vars.insert(CHANNEL_VARIABLE.to_string());
                }
                if let Some(s) = supplied.get(id) {
                    vars.extend(s.iter().cloned());
                }
                (id.as_str(), vars)
            })
            .collect();
        // A referenced message is resolved with its caller's variables.
        loop {
            let mut changed = false;
            for (id, info) in index {
                let Some(mine) = given.get(id.as_str()).cloned() else {
                    continue;
                };
                for r in &info.references {
                    if let Some(theirs) = given.get_mut(r.as_str()) {
                        let before = theirs.len();
                        theirs.extend(mine.iter().cloned());
                        changed |= theirs.len() != before;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for (id, info) in index {
            if id.starts_with('-') {
                continue; // Terms get their variables from the call.
            }
            for v in &info.shown {
                if facts.selectable(v).is_some() {
                    problems.push(Problem::new(
                        &info.file,
                        info.line,
                        format!(
                            "`{id}` writes the fact `${v}` into the text; a fact's value is an id \
                             for a selector (`{{ ${v} -> [value] ... }}`), not words"
                        ),
                    ));
                }
            }
            let vars = &given[id.as_str()];
            for v in info.variables.difference(vars) {
                problems.push(Problem::new(
                    &info.file,
                    info.line,
                    format!(
                        "`{id}` uses `${v}`, which it is never given (it would show as {{${v}}})"
                    ),
                ));
            }
        }
    }
}

/// (b) A selector on a fact tests only values the flow or the engine can set: a misspelt
/// value would silently fall to the default variant.
fn check_selector_values(i18n: &I18n, facts: &FactTable, problems: &mut Vec<Problem>) {
    for lang in Lang::ALL {
        let index = &i18n.index[lang_index(lang)];
        for (id, uses) in &i18n.selectors[lang_index(lang)] {
            let Some(info) = index.get(id) else { continue };
            for u in uses {
                if u.variable == CHANNEL_VARIABLE {
                    for (key, line) in &u.keys {
                        if key != "other" && !CHANNELS.contains(&key.as_str()) {
                            problems.push(Problem::new(
                                &info.file,
                                *line,
                                format!(
                                    "`{id}` tests `$channel = [{key}]`, but the channels are {}",
                                    CHANNELS
                                        .iter()
                                        .map(|c| format!("`{c}`"))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            ));
                        }
                    }
                    continue;
                }
                let Some(values) = facts.selectable(&u.variable) else {
                    continue;
                };
                for (key, line) in &u.keys {
                    if key != "other" && !values.contains(key) {
                        problems.push(Problem::new(
                            &info.file,
                            *line,
                            format!(
                                "`{id}` tests `${} = [{key}]`, but the flow never sets that value ({})",
                                u.variable,
                                list(values)
                            ),
                        ));
                    }
                }
            }
        }
    }
}

fn list(values: &BTreeSet<String>) -> String {
    if values.is_empty() {
        "it has no fixed values".into()
    } else {
        let v: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        format!("known: {}", v.join(", "))
    }
}

/// Problems in a text file's line for a byte offset (used by loaders).
pub fn at(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Problem {
    Problem::new(file, line_of(text, offset), message)
}
