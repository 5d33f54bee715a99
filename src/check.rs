//! Loading the content is checking it: the flow, the three locales and the FAQ data are
//! read, cross-checked, and either become an [`Engine`] or a list of `file:line: problem`
//! lines. `mitid-bot check` prints that list; the bot refuses to start with one.
//!
//! Must not: render messages for users, or stop at the first problem (staff fix a file in
//! one go when they see every problem at once).

use std::collections::BTreeSet;

use crate::content::{line_of, ContentSource, Problem};
use crate::dialogue::engine::Engine;
use crate::dialogue::flow::{Flow, NodeKind};
use crate::faq::FaqMatcher;
use crate::i18n::{Globals, I18n, Lang, Msg};

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
                "src/dialogue/engine.rs",
                0,
                "the engine",
                &mut problems,
            );
        }
        for id in crate::telegram::MESSAGES {
            require(
                i18n,
                id,
                "src/telegram/mod.rs",
                0,
                "the Telegram front end",
                &mut problems,
            );
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
    use crate::dialogue::derive::secondary_id;
    use crate::domain::documents::SecondaryDocument;
    match fact {
        "docs_counted" | "docs_too_old" | "docs_no_cpr" => SecondaryDocument::ALL
            .iter()
            .filter(|d| match fact {
                "docs_too_old" => d.must_be_recent(),
                "docs_no_cpr" => d.asks_about_cpr(),
                _ => true,
            })
            .map(|d| secondary_id(*d).to_string())
            .collect(),
        "docs_to_get" => crate::dialogue::derive::to_get_ids()
            .map(String::from)
            .collect(),
        "witness_reason" => ["last_time", "abroad", "under_five", "little_history"]
            .map(String::from)
            .into(),
        "w_problem" => ["under18", "too_recent", "too_many"]
            .map(String::from)
            .into(),
        _ => BTreeSet::new(),
    }
}

/// Problems in a text file's line for a byte offset (used by loaders).
pub fn at(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Problem {
    Problem::new(file, line_of(text, offset), message)
}
