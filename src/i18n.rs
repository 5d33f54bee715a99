//! Every user-visible word goes through here: Fluent bundles for da, en and de, the
//! choice of language, and the rendering of a [`Msg`] (message id + arguments) to text.
//!
//! Must not: hold words of its own (they live in `locales/`), or join translated pieces
//! into sentences. A date is the one value rendered by a message of its own
//! (`fmt-datetime`, `fmt-date`) and passed into another as a finished string.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Datelike, Timelike, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::{Deserialize, Serialize};

use crate::content::{line_of, ContentSource, Problem};
use chrono_tz::Europe::Copenhagen as ZONE;

/// The three languages the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Da,
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Da, Lang::En, Lang::De];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// `da`, `de`, `en` (also `de-DE`, `en-GB`, `da-DK`); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Da => 0,
            Lang::En => 1,
            Lang::De => 2,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value passed into a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(i64),
    /// A moment, shown in Copenhagen time as people write it in each language.
    Time(DateTime<Utc>),
}

/// A message to show: a Fluent id and its arguments. Replies are made of these.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: String,
    pub args: Vec<(String, Arg)>,
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Msg {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: Arg) -> Msg {
        self.args.push((name.to_string(), value));
        self
    }

    pub fn str(self, name: &str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Str(value.into()))
    }

    pub fn num(self, name: &str, value: i64) -> Msg {
        self.arg(name, Arg::Num(value))
    }
}

/// Values every message may use: `$municipality`, `$phone`, `$booking_url`,
/// `$retention_days`, `$evening_hour`, `$evening_minute`, `$before_hours`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Globals {
    pub municipality: String,
    pub phone: String,
    pub booking_url: String,
    /// Where Borgerservice is (one line, any language: it is an address).
    pub address: String,
    /// The municipality's own page (the source of its answers; opening hours are there).
    pub municipality_url: String,
    /// Opening hours as the operator writes them, by language code ("da", "en", "de").
    /// Missing: the answer points to `municipality_url` and the phone instead.
    pub opening_hours: BTreeMap<String, String>,
    /// Days without activity after which a conversation is deleted.
    pub retention_days: u32,
    /// When the evening-before reminder goes out, local time (hour, minute).
    pub reminder_evening: (u32, u32),
    /// How many hours before the appointment the short reminder goes out.
    pub reminder_before_hours: u32,
}

impl Default for Globals {
    fn default() -> Globals {
        Globals {
            municipality: "Aabenraa Kommune".into(),
            phone: "73 76 76 76".into(),
            booking_url: "https://www.aabenraa.dk".into(),
            address: "Rådhuset, Skelbækvej, Aabenraa".into(),
            municipality_url: "https://www.aabenraa.dk".into(),
            // The municipality's page (seed) gives no opening hours: none are invented.
            opening_hours: BTreeMap::new(),
            retention_days: 30,
            reminder_evening: (18, 0),
            reminder_before_hours: 2,
        }
    }
}

/// Where a message is defined, and what it uses (for `check`).
#[derive(Debug, Clone)]
pub struct MessageInfo {
    pub file: String,
    pub line: usize,
    pub variables: BTreeSet<String>,
    pub references: BTreeSet<String>,
}

/// The loaded Fluent bundles, one per language.
pub struct I18n {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Per language: message id -> where and what.
    pub index: Vec<BTreeMap<String, MessageInfo>>,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("I18n").finish_non_exhaustive()
    }
}

impl I18n {
    /// Parses `locales/<lang>/*.ftl`. Syntax errors and duplicate ids are problems naming
    /// file and line; so is a language with no files at all.
    pub fn load(source: &ContentSource) -> Result<I18n, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut bundles = Vec::new();
        let mut index = Vec::new();
        for lang in Lang::ALL {
            let langid: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .expect("da, en and de are valid language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut infos: BTreeMap<String, MessageInfo> = BTreeMap::new();
            let prefix = format!("locales/{}/", lang.code());
            let mut any = false;
            for file in source.files_in(&prefix, ".ftl") {
                any = true;
                let name = source.display_name(&file.path);
                match fluent_syntax::parser::parse(file.text.as_str()) {
                    Ok(resource) => {
                        index_resource(&name, &file.text, &resource, &mut infos, &mut problems)
                    }
                    Err((resource, errors)) => {
                        for e in errors {
                            problems.push(Problem::new(
                                &name,
                                line_of(&file.text, e.pos.start),
                                format!("Fluent syntax error: {}", e.kind),
                            ));
                        }
                        index_resource(&name, &file.text, &resource, &mut infos, &mut problems);
                    }
                }
                let resource = match FluentResource::try_new(file.text.clone()) {
                    Ok(r) => r,
                    Err((r, _)) => r, // reported above with lines
                };
                // Duplicates were reported by index_resource with both lines.
                bundle.add_resource_overriding(resource);
            }
            if !any {
                problems.push(Problem::new(
                    source.display_name(&prefix),
                    0,
                    format!("no .ftl files for language {}", lang.code()),
                ));
            }
            bundles.push(bundle);
            index.push(infos);
        }
        if problems.is_empty() {
            Ok(I18n { bundles, index })
        } else {
            Err(problems)
        }
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.index[lang.index()].contains_key(id)
    }

    pub fn info(&self, lang: Lang, id: &str) -> Option<&MessageInfo> {
        self.index[lang.index()].get(id)
    }

    /// Renders a message in `lang`. A message missing in `lang` falls back to English,
    /// then to its id: `check` makes sure that never happens with shipped content.
    pub fn render(&self, lang: Lang, msg: &Msg, globals: &Globals) -> String {
        let mut args = FluentArgs::new();
        args.set(
            "municipality",
            FluentValue::from(globals.municipality.clone()),
        );
        args.set("phone", FluentValue::from(globals.phone.clone()));
        args.set(
            "booking_url",
            FluentValue::from(globals.booking_url.clone()),
        );
        args.set("address", FluentValue::from(globals.address.clone()));
        args.set(
            "municipality_url",
            FluentValue::from(globals.municipality_url.clone()),
        );
        let hours = globals.opening_hours.get(lang.code()).cloned();
        args.set(
            "opening_hours_known",
            FluentValue::from(if hours.is_some() { "yes" } else { "no" }),
        );
        args.set(
            "opening_hours",
            FluentValue::from(hours.unwrap_or_default()),
        );
        for (name, value) in &msg.args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Time(t) => FluentValue::from(self.format_time(lang, *t, globals)),
            };
            args.set(name.clone(), value);
        }
        for candidate in [lang, Lang::En] {
            let bundle = &self.bundles[candidate.index()];
            if let Some(pattern) = bundle.get_message(&msg.id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                return text.into_owned();
            }
        }
        msg.id.clone()
    }

    /// A moment in Copenhagen time, through `fmt-datetime`
    /// ("3. december kl. 10.00", "3 December, 10:00", "3. Dezember, 10:00 Uhr").
    fn format_time(&self, lang: Lang, t: DateTime<Utc>, globals: &Globals) -> String {
        let local = t.with_timezone(&ZONE);
        let msg = Msg::new("fmt-datetime")
            .num("day", local.day() as i64)
            .num("month", local.month() as i64)
            .str("year", local.year().to_string())
            .str("hour", format!("{:02}", local.hour()))
            .str("minute", format!("{:02}", local.minute()));
        self.render(lang, &msg, globals)
    }
}

fn index_resource(
    file: &str,
    text: &str,
    resource: &ast::Resource<&str>,
    infos: &mut BTreeMap<String, MessageInfo>,
    problems: &mut Vec<Problem>,
) {
    for entry in &resource.body {
        let (id, patterns): (String, Vec<&ast::Pattern<&str>>) = match entry {
            ast::Entry::Message(m) => {
                let mut p: Vec<_> = m.value.iter().collect();
                p.extend(m.attributes.iter().map(|a| &a.value));
                (m.id.name.to_string(), p)
            }
            ast::Entry::Term(t) => {
                let mut p = vec![&t.value];
                p.extend(t.attributes.iter().map(|a| &a.value));
                (format!("-{}", t.id.name), p)
            }
            _ => continue,
        };
        let line = find_definition_line(text, &id);
        let mut variables = BTreeSet::new();
        let mut references = BTreeSet::new();
        for p in patterns {
            walk_pattern(p, &mut variables, &mut references);
        }
        if let Some(earlier) = infos.get(&id) {
            problems.push(Problem::new(
                file,
                line,
                format!(
                    "`{id}` is defined again (first at {}:{})",
                    earlier.file, earlier.line
                ),
            ));
            continue;
        }
        infos.insert(
            id,
            MessageInfo {
                file: file.to_string(),
                line,
                variables,
                references,
            },
        );
    }
}

/// Messages start at the beginning of a line: `id =`.
fn find_definition_line(text: &str, id: &str) -> usize {
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(id) {
            if rest.trim_start().starts_with('=') {
                return n + 1;
            }
        }
    }
    0
}

fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            walk_expression(expression, vars, refs);
        }
    }
}

fn walk_expression(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, refs);
            for v in variants {
                walk_pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, vars, refs),
    }
}

fn walk_inline(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            refs.insert(format!("-{}", id.name));
            if let Some(a) = arguments {
                for p in &a.positional {
                    walk_inline(p, vars, refs);
                }
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                walk_inline(p, vars, refs);
            }
            for n in &arguments.named {
                walk_inline(&n.value, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, refs),
        _ => {}
    }
}
