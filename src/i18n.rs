//! Every user-visible word goes through here: Fluent bundles for da, en and de, the
//! choice of language, and the rendering of a [`Msg`] (message id + arguments) to text.
//!
//! Must not: hold words of its own (they live in `locales/`), or join translated pieces
//! into sentences. A moment is the one value rendered by a message of its own
//! (`fmt-datetime`, `fmt-date`, `fmt-from-date`, `fmt-from-datetime`) and passed into
//! another as a finished string. Must not swallow a Fluent error: a text that cannot be
//! rendered whole is logged (message id and language, never user text), and fails in
//! tests ([`I18n::strict`]).

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
    /// A moment, shown in Copenhagen time as people write it in each language
    /// (`fmt-datetime`: "torsdag den 3. december 2026 kl. 9.30").
    Time(DateTime<Utc>),
    /// The day of a moment alone (`fmt-date`: "torsdag den 3. december 2026").
    Date(DateTime<Utc>),
    /// "From" a moment (`fmt-from-datetime`: "fra den 11. december 2026 kl. 12.00"); a
    /// moment exactly at local midnight is the start of that day and reads as the date
    /// alone (`fmt-from-date`: "fra og med den 21. december 2026").
    From(DateTime<Utc>),
}

/// The variables a moment gives a text: `$name` (date and time), `$name_date` (the day)
/// and `$name_from` ("from" that moment). The engine passes every moment this way, so a
/// text may use whichever reads best.
pub fn moment_args(name: &str, t: DateTime<Utc>) -> [(String, Arg); 3] {
    [
        (name.to_string(), Arg::Time(t)),
        (format!("{name}_date"), Arg::Date(t)),
        (format!("{name}_from"), Arg::From(t)),
    ]
}

/// The names [`moment_args`] gives a moment called `name`, for `check`.
pub fn moment_arg_names(name: &str) -> [String; 3] {
    [
        name.to_string(),
        format!("{name}_date"),
        format!("{name}_from"),
    ]
}

/// MitID Support's number, the same for every municipality (mitid-rules.md §0), in the
/// local form; [`Globals`] writes it with `+45` where the reader may dial from abroad.
pub const MITID_SUPPORT_PHONE: &str = "33 98 00 10";

/// The country code of the configured numbers (a Danish municipality's).
pub const COUNTRY_CODE: &str = "+45";

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

/// Values every message may use; [`GLOBAL_VARIABLES`] names them.
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

/// The variables every message is given, whoever shows it:
/// - `$municipality`, `$booking_url`, `$address`, `$municipality_url`;
/// - `$opening_hours` in the reader's language, and `$opening_hours_known` (`yes`/`no`:
///   none configured for that language);
/// - `$phone` (Borgerservice) and `$support_phone` (MitID Support): local in Danish
///   ("73 76 76 76"), with the country code in the other languages ("+45 73 76 76 76");
/// - `$retention_days`: days without activity before a conversation is deleted;
/// - `$evening_hour`, `$evening_minute` (padded: "00"), `$before_hours`: when the
///   reminders go out.
pub const GLOBAL_VARIABLES: &[&str] = &[
    "municipality",
    "phone",
    "support_phone",
    "booking_url",
    "address",
    "municipality_url",
    "opening_hours",
    "opening_hours_known",
    "retention_days",
    "evening_hour",
    "evening_minute",
    "before_hours",
];

/// The variable every text of a conversation is given: which channel shows it, one of
/// [`CHANNELS`]. A text that must differ where a channel works differently selects on it
/// (`{ $channel -> [web] ... *[other] ... }`): one message id per text, not a copy per
/// channel. `check` allows the selector only these values, and no button label uses it
/// (typed text is matched against labels without a channel).
pub const CHANNEL_VARIABLE: &str = "channel";

/// The values of `$channel`.
pub const CHANNELS: &[&str] = &["telegram", "web", "terminal"];

impl Globals {
    /// The global variables as rendered in `lang` (see [`GLOBAL_VARIABLES`]).
    fn args(&self, lang: Lang) -> Vec<(&'static str, FluentValue<'static>)> {
        let (hour, minute) = self.reminder_evening;
        let hours = self.opening_hours.get(lang.code()).cloned();
        vec![
            ("municipality", FluentValue::from(self.municipality.clone())),
            ("phone", FluentValue::from(phone_for(lang, &self.phone))),
            (
                "support_phone",
                FluentValue::from(phone_for(lang, MITID_SUPPORT_PHONE)),
            ),
            ("booking_url", FluentValue::from(self.booking_url.clone())),
            ("address", FluentValue::from(self.address.clone())),
            (
                "municipality_url",
                FluentValue::from(self.municipality_url.clone()),
            ),
            (
                "opening_hours_known",
                FluentValue::from(if hours.is_some() { "yes" } else { "no" }),
            ),
            (
                "opening_hours",
                FluentValue::from(hours.unwrap_or_default()),
            ),
            ("retention_days", FluentValue::from(self.retention_days)),
            ("evening_hour", FluentValue::from(hour)),
            ("evening_minute", FluentValue::from(format!("{minute:02}"))),
            (
                "before_hours",
                FluentValue::from(self.reminder_before_hours),
            ),
        ]
    }
}

/// A Danish number as a reader of `lang` dials it: Danish readers know the local form;
/// everyone else may call from abroad and gets the country code. A number configured
/// with a `+` already is left as it is.
pub fn phone_for(lang: Lang, number: &str) -> String {
    let number = number.trim();
    if lang == Lang::Da || number.starts_with('+') {
        number.to_string()
    } else {
        format!("{COUNTRY_CODE} {number}")
    }
}

/// Why a text could not be rendered whole. Names the message and the language, never
/// what a user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub id: String,
    pub lang: Lang,
    pub problem: String,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "message `{}` in {}: {}",
            self.id, self.lang, self.problem
        )
    }
}

/// Where a message is defined, and what it uses (for `check`).
#[derive(Debug, Clone)]
pub struct MessageInfo {
    pub file: String,
    pub line: usize,
    pub variables: BTreeSet<String>,
    /// The variables whose value is written into the text (not only tested by a selector).
    pub shown: BTreeSet<String>,
    pub references: BTreeSet<String>,
}

/// The loaded Fluent bundles, one per language.
pub struct I18n {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Per language: message id -> where and what.
    pub index: Vec<BTreeMap<String, MessageInfo>>,
    /// Per language: message id -> the variables its selectors test, with the variant
    /// keys they test for and the line of each (for `check`).
    pub selectors: Vec<BTreeMap<String, Vec<SelectorUse>>>,
    /// Panic on a text that cannot be rendered whole, instead of logging it and showing
    /// what Fluent could make of it. On in unit tests; integration tests switch it on.
    pub strict: bool,
}

/// A selector in a message: `{ $witness -> [likely] ... }` tests `witness` for `likely`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectorUse {
    pub variable: String,
    /// The named variant keys (number keys such as `[1]` are not fact values).
    pub keys: Vec<(String, usize)>,
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
        let mut selectors = Vec::new();
        for lang in Lang::ALL {
            let langid: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .expect("da, en and de are valid language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut infos: BTreeMap<String, MessageInfo> = BTreeMap::new();
            let mut sels: BTreeMap<String, Vec<SelectorUse>> = BTreeMap::new();
            let prefix = format!("locales/{}/", lang.code());
            let mut any = false;
            for file in source.files_in(&prefix, ".ftl") {
                any = true;
                let name = source.display_name(&file.path);
                match fluent_syntax::parser::parse(file.text.as_str()) {
                    Ok(resource) => {
                        index_resource(&name, &file.text, &resource, &mut infos, &mut problems);
                        index_selectors(&file.text, &resource, &mut sels);
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
                        index_selectors(&file.text, &resource, &mut sels);
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
            selectors.push(sels);
        }
        if problems.is_empty() {
            Ok(I18n {
                bundles,
                index,
                selectors,
                strict: cfg!(test),
            })
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

    /// Renders a message in `lang`. A text that cannot be rendered whole (a missing
    /// message, a variable nobody passed) is logged and shown as well as Fluent can;
    /// with [`I18n::strict`] it panics. `check` makes sure shipped content never gets here.
    pub fn render(&self, lang: Lang, msg: &Msg, globals: &Globals) -> String {
        match self.try_render(lang, msg, globals) {
            Ok(text) => text,
            Err((text, errors)) => {
                for e in &errors {
                    tracing::error!(message = %e.id, lang = %e.lang, problem = %e.problem, "a text could not be rendered whole");
                }
                if self.strict {
                    let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                    panic!("text errors: {}", all.join("; "));
                }
                text
            }
        }
    }

    /// Renders a message in `lang`, or says why it could not be rendered whole (with the
    /// best text Fluent could make: the English message, or the id when none exists).
    pub fn try_render(
        &self,
        lang: Lang,
        msg: &Msg,
        globals: &Globals,
    ) -> Result<String, (String, Vec<TextError>)> {
        let mut problems = Vec::new();
        let mut args = FluentArgs::new();
        for (name, value) in globals.args(lang) {
            args.set(name, value);
        }
        for (name, value) in &msg.args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Time(t) => self.moment(lang, "fmt-datetime", *t, globals, &mut problems),
                Arg::Date(t) => self.moment(lang, "fmt-date", *t, globals, &mut problems),
                Arg::From(t) => {
                    let id = if is_local_midnight(*t) {
                        "fmt-from-date"
                    } else {
                        "fmt-from-datetime"
                    };
                    self.moment(lang, id, *t, globals, &mut problems)
                }
            };
            args.set(name.clone(), value);
        }
        let error = |problem: String| TextError {
            id: msg.id.clone(),
            lang,
            problem,
        };
        let mut text = None;
        for candidate in [lang, Lang::En] {
            let bundle = &self.bundles[candidate.index()];
            if let Some(pattern) = bundle.get_message(&msg.id).and_then(|m| m.value()) {
                if candidate != lang {
                    problems.push(error(format!("missing; shown in {candidate}")));
                }
                let mut errors = Vec::new();
                let rendered = bundle.format_pattern(pattern, Some(&args), &mut errors);
                problems.extend(errors.iter().map(|e| error(e.to_string())));
                text = Some(rendered.into_owned());
                break;
            }
        }
        let text = text.unwrap_or_else(|| {
            problems.push(error("no such message".into()));
            msg.id.clone()
        });
        if text.trim().is_empty() {
            problems.push(error("renders as an empty text".into()));
        }
        if problems.is_empty() {
            Ok(text)
        } else {
            Err((text, problems))
        }
    }

    /// A moment in Copenhagen time through one of the `fmt-*` messages, which get
    /// `$weekday` (1 = Monday), `$day`, `$month`, `$year`, `$hour` (no leading zero) and
    /// `$minute` (two digits).
    fn moment(
        &self,
        lang: Lang,
        id: &str,
        t: DateTime<Utc>,
        globals: &Globals,
        problems: &mut Vec<TextError>,
    ) -> FluentValue<'static> {
        let msg = moment_msg(id, t);
        match self.try_render(lang, &msg, globals) {
            Ok(text) => FluentValue::from(text),
            Err((text, errors)) => {
                problems.extend(errors);
                FluentValue::from(text)
            }
        }
    }
}

/// The arguments the `fmt-*` messages get (see [`MOMENT_VARIABLES`]).
fn moment_msg(id: &str, t: DateTime<Utc>) -> Msg {
    let local = t.with_timezone(&ZONE);
    Msg::new(id)
        .num("weekday", local.weekday().number_from_monday() as i64)
        .num("day", local.day() as i64)
        .num("month", local.month() as i64)
        .str("year", local.year().to_string())
        .num("hour", local.hour() as i64)
        .str("minute", format!("{:02}", local.minute()))
}

/// The messages that render a moment, and the variables they get.
pub const MOMENT_MESSAGES: &[&str] = &[
    "fmt-datetime",
    "fmt-date",
    "fmt-from-date",
    "fmt-from-datetime",
];

/// The variables of [`MOMENT_MESSAGES`].
pub const MOMENT_VARIABLES: &[&str] = &["weekday", "day", "month", "year", "hour", "minute"];

/// True at 00:00:00 Copenhagen time: the start of a day, which reads as the date alone.
fn is_local_midnight(t: DateTime<Utc>) -> bool {
    let local = t.with_timezone(&ZONE);
    local.hour() == 0 && local.minute() == 0 && local.second() == 0
}

/// Records, per message, the selectors on variables and the variant keys they test.
fn index_selectors(
    text: &str,
    resource: &ast::Resource<&str>,
    out: &mut BTreeMap<String, Vec<SelectorUse>>,
) {
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name.to_string();
        let start = find_definition_line(text, &id);
        let mut uses = Vec::new();
        let mut patterns: Vec<_> = m.value.iter().collect();
        patterns.extend(m.attributes.iter().map(|a| &a.value));
        for p in patterns {
            selectors_in(p, &mut uses);
        }
        // Each key's line: the first line at or after the definition that holds `[key]`.
        let lines: Vec<&str> = text.lines().collect();
        for u in &mut uses {
            for (key, line) in &mut u.keys {
                let needle = format!("[{key}]");
                *line = lines
                    .iter()
                    .enumerate()
                    .skip(start.saturating_sub(1))
                    .find(|(_, l)| l.contains(&needle))
                    .map(|(n, _)| n + 1)
                    .unwrap_or(start);
            }
        }
        if !uses.is_empty() {
            out.entry(id).or_default().extend(uses);
        }
    }
}

fn selectors_in(p: &ast::Pattern<&str>, out: &mut Vec<SelectorUse>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            selectors_in_expression(expression, out);
        }
    }
}

fn selectors_in_expression(e: &ast::Expression<&str>, out: &mut Vec<SelectorUse>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                let keys = variants
                    .iter()
                    .filter_map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => Some((name.to_string(), 0)),
                        ast::VariantKey::NumberLiteral { .. } => None,
                    })
                    .collect();
                out.push(SelectorUse {
                    variable: id.name.to_string(),
                    keys,
                });
            }
            for v in variants {
                selectors_in(&v.value, out);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            selectors_in_expression(expression, out)
        }
        ast::Expression::Inline(_) => {}
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
        let mut shown = BTreeSet::new();
        let mut references = BTreeSet::new();
        for p in patterns {
            walk_pattern(p, &mut variables, &mut references);
            shown_in(p, &mut shown);
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
                shown,
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

/// Variables written into the text: placeables, not selectors.
fn shown_in(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        match el {
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    shown_in(&v.value, out);
                }
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => {
                out.insert(id.name.to_string());
            }
            _ => {}
        }
    }
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
