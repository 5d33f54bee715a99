//! A friendly reader for a date and time as citizens type it, in Danish, English or German,
//! or a mix of them: `3.12. kl. 10`, `torsdag kl 9`, `morgen 14 Uhr`, `Dec 3 10:30`.
//!
//! It reads what people actually write, and says so when it cannot tell what they meant
//! instead of guessing ([`WhenError::Ambiguous`]). Its result is local Copenhagen wall time; turn it into
//! an instant with [`super::time::to_utc`] (via `DateReading::from(when)`).
//!
//! Must not: read the clock (callers pass `now`), do I/O, or hold user-visible words. The
//! month and weekday names below are words it *reads*, never words it shows.
//!
//! How it works: the text is folded (lower case, diacritics dropped: `März` → `marz`,
//! `søndag` → `sondag`, `ß` → `ss`), cut into numbers, words and punctuation, and read left
//! to right into pieces (a date, a clock time, a weekday, "tomorrow", a morning/evening hint).
//! Words it does not know are skipped, so "torsdag kl 9 tak" reads. Then the pieces must agree
//! with each other, and the rules of [`read_when`] turn them into one [`When`].

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime};
use chrono::{TimeZone, Utc, Weekday};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::time::{to_utc, DateReading, Safer, ZONE};

/// A moment the citizen named, in local Europe/Copenhagen wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum When {
    /// A day and a time of day.
    At(NaiveDateTime),
    /// A day without a time ("3.12.2026", "torsdag").
    Day(NaiveDate),
}

impl When {
    /// The day, with or without a time.
    pub fn date(&self) -> NaiveDate {
        match self {
            When::At(moment) => moment.date(),
            When::Day(day) => *day,
        }
    }
}

/// So that [`super::time::to_utc`] turns a reading into an instant.
impl From<When> for DateReading {
    fn from(when: When) -> Self {
        match when {
            When::At(moment) => DateReading::DateTime(moment),
            When::Day(day) => DateReading::Date(day),
        }
    }
}

/// Why a text gave no single moment. The messages are for developers; the dialogue shows its
/// own words (and, for `Ambiguous`, the options as buttons).
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub enum WhenError {
    /// Nothing we can read as a day ("soon", "asap", "kl 10" without a day), or pieces that
    /// contradict each other ("torsdag 4.12." when 4.12. is a Friday, "mandag fredag").
    #[error("no date we can read")]
    Unreadable,
    /// A date or time that does not exist: 31.02., 29.02.2027, 25:00, 13 pm, or a wall time in
    /// the spring daylight-saving gap (29.03.2026 02:30).
    #[error("no such date or time")]
    NoSuchDate,
    /// Two readings are possible; ask back with these, earliest first. Never guessed.
    #[error("more than one reading: {options:?}")]
    Ambiguous { options: Vec<NaiveDateTime> },
    /// An [`Expect::Future`] reading that has already passed.
    #[error("the moment has already passed")]
    InThePast,
}

/// Which way the question points: it decides a left-out year, a weekday, and whether a past
/// moment is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expect {
    /// The appointment: the next such moment; a past one is [`WhenError::InThePast`].
    Future,
    /// E.g. "when did your witness get MitID": the last such moment. A moment in the future
    /// is *not* refused (there is no error for it): the witness check judges it.
    Past,
}

/// Reads a date, with or without a time of day, as citizens write it in da/en/de.
///
/// `now` decides the year when it is left out and resolves weekdays and "tomorrow"; "today"
/// is `now`'s day in Copenhagen.
///
/// # What it reads
/// - Numeric dates, always **day first**: `3.12.`, `3.12.2026`, `03-12-2026`, `3/12`,
///   `3.12.26` (a two-digit year is 20xx, never ambiguous). Also ISO `2026-12-03`.
///   `3/4` is the 3rd of April even without any language hint: the bot serves a Danish
///   municipality, where (as in Germany) everyone writes the day first; `4/3/2026` is the 4th
///   of March although the 3rd of April would also be a date, and `12/25/2026` is
///   [`WhenError::NoSuchDate`] rather than a guess at the US order. Only a month *name*
///   reorders: `Dec 3`, `December 3rd`, `3 December`, `3. Dezember`, `3rd of December`.
/// - Month names and abbreviations in all three languages (`maj`/`may`/`mai`, `marts`/
///   `march`/`März`/`Maerz`, `okt`/`oct`, `dec`/`dez`, ...), weekday names (`mandag`,
///   `monday`, `Montag`) and abbreviations (`man`, `mon`, `Mo`), today/tomorrow/the day after
///   (`i dag`, `i morgen`, `i overmorgen`, `today`, `tomorrow`, `heute`, `morgen`,
///   `übermorgen`), yesterday and the day before (for [`Expect::Past`]).
/// - Clock times: `10`, `10:30`, `10.30`, `kl. 10`, `kl 10.30`, `um 10`, `at 9`, `10 Uhr`,
///   `10 Uhr 30`, `10am`, `2 pm`, `10:30 a.m.`, `14h`.
/// - Case and missing diacritics are forgiven; unknown words are skipped ("tak", "bitte").
///
/// # Rules
/// - **Left-out year**: the next such date that is not yet past ([`Expect::Future`]; `26.11.
///   kl 9` at 10:00 on 26.11.2026 is 26.11.2027) or the last one that is not in the future
///   ([`Expect::Past`]). `29.2.` is the next (or last) 29 February that exists.
/// - **Weekday**: the next one ([`Expect::Future`]); today counts if the time is still ahead,
///   and for a weekday without a time (the day is not over). The last one for
///   [`Expect::Past`] (today counts if the time has passed). `next`/`næste`/`nächsten` and
///   `last`/`sidste`/`letzten` exclude today.
/// - A weekday or "tomorrow" next to a date must agree with it, or the text is
///   [`WhenError::Unreadable`] (we cannot know which half was meant).
/// - **Hours 1 to 7** written without minutes, am/pm or a leading zero (`kl 7`, `7 Uhr`) are
///   [`WhenError::Ambiguous`]: 07:00 or 19:00. `7:00`, `07`, `7am` and a hint word
///   (`morgen` after a weekday, `morning`, `formiddag`, `früh`; `aften`, `evening`, `Abend`,
///   `nachmittags`, ...) decide it. An option that cannot be meant is dropped rather than asked
///   about: one already past for [`Expect::Future`], one in the future for [`Expect::Past`],
///   one in the spring gap. If one option is left, it is the answer.
/// - **Past**: an [`Expect::Future`] reading before `now` is [`WhenError::InThePast`], with
///   no tolerance (one minute ago is past; exactly `now` is not). A day without a time is past
///   only once it is over.
/// - **Daylight saving**: a wall time in the spring gap (29.03.2026 02:30) is
///   [`WhenError::NoSuchDate`]. A wall time that happens twice (25.10.2026 02:30) is
///   returned as `At(02:30)`: a `NaiveDateTime` cannot tell the two instants apart, so the
///   caller picks with [`super::time::to_utc`] and [`Safer`] (the safe side differs by use).
/// - A day is needed: a clock time alone (`kl 10`) is [`WhenError::Unreadable`], and so is a
///   day of the month without its month (`torsdag den 3.`): asked again, not taken for 03:00.
/// - Pieces must agree: two different dates, times or days, or two morning/evening hints
///   that disagree, are [`WhenError::Unreadable`].
pub fn read_when(text: &str, now: DateTime<Utc>, expect: Expect) -> Result<When, WhenError> {
    let tokens = tokenize(&fold(text));
    let mut reader = Reader {
        tokens: &tokens,
        pieces: Pieces::default(),
        not_today: false,
    };
    reader.read();
    reader.pieces.resolve(now, expect)
}

/// Lower case without diacritics, so `März`, `MÄRZ` and `marz` read alike.
fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            // Combining marks: what is left of `ä`, `å`, `é` after decomposition.
            '\u{300}'..='\u{36f}' => {}
            'ø' | 'Ø' => folded.push('o'),
            'æ' | 'Æ' => folded.push_str("ae"),
            'ß' | 'ẞ' => folded.push_str("ss"),
            c => folded.extend(c.to_lowercase()),
        }
    }
    folded.replace("a.m.", "am").replace("p.m.", "pm")
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// At most four ASCII digits; `digits` keeps the leading zero of `07`. `spaced`: whitespace
    /// came before it (`3.12. 10` is a date and an hour, `3.12.10` a date in 2010).
    Num {
        value: u32,
        digits: usize,
        spaced: bool,
    },
    Word(String),
    Punct(char),
    /// Anything else (emoji, longer numbers, other digits): it breaks every pattern.
    Other,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    let mut spaced = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            spaced = true;
            chars.next();
            continue;
        }
        if c.is_numeric() || c.is_alphabetic() {
            // Other digits (`１`, `½`) join the run and make it `Other`.
            let digit = c.is_numeric();
            let mut run = String::new();
            while let Some(&d) = chars.peek() {
                if (digit && d.is_numeric()) || (!digit && d.is_alphabetic()) {
                    run.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let ascii = run.bytes().all(|b| b.is_ascii_digit());
            tokens.push(match (digit, run.parse()) {
                (true, Ok(value)) if ascii && run.len() <= 4 => Token::Num {
                    value,
                    digits: run.len(),
                    spaced,
                },
                (true, _) => Token::Other,
                (false, _) => Token::Word(run),
            });
        } else {
            chars.next();
            tokens.push(match c {
                '.' | ':' | '/' | '-' | ',' => Token::Punct(c),
                '@' => Token::Word("at".to_string()),
                _ => Token::Other,
            });
        }
        spaced = false;
    }
    tokens
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Half {
    Am,
    Pm,
}

/// A clock time as written, before am/pm and ambiguity are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    hour: u32,
    minute: Option<u32>,
    /// Written am/pm (not a hint word).
    half: Option<Half>,
    /// `07`: a leading zero says the 24-hour clock.
    padded: bool,
}

impl Clock {
    /// The times this clock can mean: one, or two for a bare hour from 1 to 7.
    fn candidates(&self, hint: Option<Half>) -> Result<Vec<NaiveTime>, WhenError> {
        let hours = match (self.half, hint) {
            (Some(_), _) if !(1..=12).contains(&self.hour) => return Err(WhenError::NoSuchDate),
            (Some(Half::Am), _) => vec![self.hour % 12],
            (Some(Half::Pm), _) => vec![self.hour % 12 + 12],
            (None, Some(half)) if (1..=11).contains(&self.hour) => match half {
                Half::Am => vec![self.hour],
                Half::Pm => vec![self.hour + 12],
            },
            (None, _) if self.minute.is_none() && !self.padded && (1..=7).contains(&self.hour) => {
                vec![self.hour, self.hour + 12]
            }
            (None, _) => vec![self.hour],
        };
        hours
            .into_iter()
            .map(|hour| {
                NaiveTime::from_hms_opt(hour, self.minute.unwrap_or(0), 0)
                    .ok_or(WhenError::NoSuchDate)
            })
            .collect()
    }
}

/// A numeric date as written; checked when resolved (`31.02.` is read, then refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DayMonth {
    day: u32,
    month: u32,
    year: Option<i32>,
}

/// `N.NN`: a date (`3.12`) or a time (`10.30`), decided once the whole text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateOrClock {
    left: u32,
    right: u32,
    right_digits: usize,
    /// `3.12.`: the Danish way to end a date.
    trailing_dot: bool,
}

/// A number standing alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bare {
    value: u32,
    digits: usize,
    /// Followed by a dot: a day of the month in da/de (`den 3.`), which we do not read alone.
    ordinal: bool,
}

/// Everything read from the text, in order of appearance within each kind.
#[derive(Debug, Default)]
struct Pieces {
    dates: Vec<DayMonth>,
    clocks: Vec<Clock>,
    dates_or_clocks: Vec<DateOrClock>,
    /// Numbers standing alone: an hour once a day is known (`torsdag 9`).
    bare: Vec<Bare>,
    /// Full weekday names, with "not today" (`next thursday`).
    weekdays: Vec<(Weekday, bool)>,
    /// Abbreviations that are also common words (`man`, `so`, `sun`): used only when nothing
    /// else names the day.
    weak_weekdays: Vec<(Weekday, bool)>,
    /// Days from today: `i morgen` is 1.
    relative: Vec<i64>,
    hints: Vec<Half>,
}

struct Reader<'a> {
    tokens: &'a [Token],
    pieces: Pieces,
    /// A "next"/"last" waiting for its weekday.
    not_today: bool,
}

impl Reader<'_> {
    fn num(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.tokens.get(i) {
            Some(Token::Num {
                value,
                digits,
                spaced,
            }) => Some((*value, *digits, *spaced)),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.tokens.get(i) {
            Some(Token::Word(word)) => Some(word),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i) {
            Some(Token::Punct(c)) => Some(*c),
            _ => None,
        }
    }

    fn skip_punct(&self, mut i: usize, c: char) -> usize {
        while self.punct(i) == Some(c) {
            i += 1;
        }
        i
    }

    fn read(&mut self) {
        let tokens = self.tokens;
        let mut i = 0;
        while i < tokens.len() {
            i = match &tokens[i] {
                Token::Num { .. } => self.at_number(i),
                Token::Word(word) => self.at_word(i, word),
                Token::Punct(_) | Token::Other => i + 1,
            };
        }
    }

    /// Reads what starts with a number; returns where to go on.
    fn at_number(&mut self, i: usize) -> usize {
        if let Some(next) = self.numeric_date(i) {
            return next;
        }
        if let Some(next) = self.day_then_month(i) {
            return next;
        }
        if let Some((clock, next, marked)) = self.clock(i) {
            if marked {
                self.pieces.clocks.push(clock);
                return next;
            }
        }
        if let Some(next) = self.day_dot_month(i) {
            return next;
        }
        if let Some((value, digits, _)) = self.num(i) {
            // `den 3.` / `am 3.` is a day of the month, never three o'clock.
            let ordinal = self.punct(i + 1) == Some('.');
            self.pieces.bare.push(Bare {
                value,
                digits,
                ordinal,
            });
        }
        i + 1
    }

    /// `3.12.2026`, `03-12-2026`, `3/12/26`, ISO `2026-12-03`.
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let (a, a_digits, _) = self.num(i)?;
        let separator = self.punct(i + 1).filter(|c| matches!(c, '.' | '/' | '-'))?;
        let (b, b_digits, _) = self.num(i + 2)?;
        if self.punct(i + 3) != Some(separator) || b_digits > 2 {
            return None;
        }
        let (c, c_digits, c_spaced) = self.num(i + 4)?;
        let year = |y: u32| i32::try_from(y).ok();
        let date = if a_digits == 4 && separator == '-' && c_digits <= 2 {
            DayMonth {
                day: c,
                month: b,
                year: year(a),
            }
        } else if a_digits <= 2 && c_digits == 4 {
            DayMonth {
                day: a,
                month: b,
                year: year(c),
            }
        } else if a_digits <= 2 && c_digits == 2 && !c_spaced {
            DayMonth {
                day: a,
                month: b,
                year: year(2000 + c),
            }
        } else {
            return None;
        };
        self.pieces.dates.push(date);
        Some(i + 5)
    }

    /// `3 December`, `3. Dezember 2026`, `3rd of December`.
    fn day_then_month(&mut self, i: usize) -> Option<usize> {
        let (day, digits, _) = self.num(i)?;
        if digits > 2 {
            return None;
        }
        let mut j = self.skip_punct(i + 1, '.');
        if self.word(j).is_some_and(is_ordinal) {
            j += 1;
        }
        if self.word(j) == Some("of") {
            j += 1;
        }
        let month = month_of(self.word(j)?)?;
        let (year, next) = self.year_after(j + 1);
        self.pieces.dates.push(DayMonth { day, month, year });
        Some(next)
    }

    /// `Dec 3`, `December 3rd, 2026`. A month name followed by a clock (`Dezember 10:30`)
    /// is not a date.
    fn month_then_day(&mut self, i: usize, month: u32) -> Option<usize> {
        let j = self.skip_punct(i + 1, '.');
        let (day, digits, _) = self.num(j)?;
        let clock_follows = self.punct(j + 1) == Some(':')
            || (self.punct(j + 1) == Some('.') && self.num(j + 2).is_some())
            || self.word(j + 1).is_some_and(is_clock_suffix);
        if digits > 2 || clock_follows {
            return None;
        }
        let mut k = j + 1;
        if self.word(k).is_some_and(is_ordinal) {
            k += 1;
        }
        let (year, next) = self.year_after(k);
        self.pieces.dates.push(DayMonth { day, month, year });
        Some(next)
    }

    /// An optional four-digit year after a month name (`, 2026`, `. 2026`).
    fn year_after(&self, i: usize) -> (Option<i32>, usize) {
        let j = self.skip_punct(self.skip_punct(i, '.'), ',');
        match self.num(j) {
            Some((year, 4, _)) => (i32::try_from(year).ok(), j + 1),
            _ => (None, i),
        }
    }

    /// `3.12`, `3.12.`, `10.30` (date or time: decided later), `3/12`, `3-12` (dates).
    fn day_dot_month(&mut self, i: usize) -> Option<usize> {
        let (left, left_digits, _) = self.num(i)?;
        let separator = self.punct(i + 1).filter(|c| matches!(c, '.' | '/' | '-'))?;
        let (right, right_digits, _) = self.num(i + 2)?;
        if left_digits > 2 || right_digits > 2 {
            return None;
        }
        if separator == '.' {
            self.pieces.dates_or_clocks.push(DateOrClock {
                left,
                right,
                right_digits,
                trailing_dot: self.punct(i + 3) == Some('.'),
            });
        } else {
            self.pieces.dates.push(DayMonth {
                day: left,
                month: right,
                year: None,
            });
        }
        Some(i + 3)
    }

    /// A clock at `i`: `10`, `10:30`, `10.30`, `10 Uhr`, `10 Uhr 30`, `14h`, `2 pm`.
    /// `marked`: something says it is a time (a colon, `Uhr`/`h`, am/pm).
    fn clock(&self, i: usize) -> Option<(Clock, usize, bool)> {
        let (hour, digits, _) = self.num(i)?;
        if digits > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut minute = None;
        let mut marked = false;
        if let Some(separator @ (':' | '.')) = self.punct(j) {
            if let Some((m, 2, _)) = self.num(j + 1) {
                minute = Some(m);
                marked = separator == ':';
                j += 2;
            }
        }
        if self.word(j).is_some_and(|w| matches!(w, "uhr" | "h")) {
            marked = true;
            j += 1;
            // `10 Uhr 30`, `14h30`; but not the day in `14 Uhr 15. März`.
            if minute.is_none() && self.punct(j + 1) != Some('.') {
                if let Some((m, 2, _)) = self.num(j) {
                    minute = Some(m);
                    j += 1;
                }
            }
        }
        // German `am` before a day (`um 7 am 3. Dezember`) is a preposition, not a.m.
        let half = match self.word(j) {
            Some("am") if self.num(j + 1).is_none() => Some(Half::Am),
            Some("pm") => Some(Half::Pm),
            _ => None,
        };
        if half.is_some() {
            marked = true;
            j += 1;
        }
        let clock = Clock {
            hour,
            minute,
            half,
            padded: digits == 2 && hour < 10,
        };
        Some((clock, j, marked))
    }

    /// Reads what starts with a word; returns where to go on.
    fn at_word(&mut self, i: usize, word: &str) -> usize {
        if word == "i" {
            let (relative, hint) = match self.word(i + 1) {
                Some("dag") => (0, None),
                Some("morgen") => (1, None),
                Some("overmorgen") => (2, None),
                Some("gar") => (-1, None),
                Some("forgars") => (-2, None),
                Some("aften") => (0, Some(Half::Pm)),
                _ => return i + 1,
            };
            self.pieces.relative.push(relative);
            self.pieces.hints.extend(hint);
            return i + 2;
        }
        if word == "day" {
            let relative = match (self.word(i + 1), self.word(i + 2)) {
                (Some("after"), Some("tomorrow")) => 2,
                (Some("before"), Some("yesterday")) => -2,
                _ => return i + 1,
            };
            self.pieces.relative.push(relative);
            return i + 3;
        }
        if word == "morgen" {
            // After a day, German and Danish "morgen" is the morning: `Donnerstag morgen`,
            // `heute morgen`, `torsdag morgen`. Alone it is German "tomorrow".
            if self.pieces.weekdays.is_empty()
                && self.pieces.weak_weekdays.is_empty()
                && self.pieces.relative.is_empty()
            {
                self.pieces.relative.push(1);
            } else {
                self.pieces.hints.push(Half::Am);
            }
            return i + 1;
        }
        if is_marker(word) {
            let j = self.skip_punct(i + 1, '.');
            if let Some((clock, next, _)) = self.clock(j) {
                self.pieces.clocks.push(clock);
                return next;
            }
            return i + 1;
        }
        if let Some(month) = month_of(word) {
            return self.month_then_day(i, month).unwrap_or(i + 1);
        }
        if let Some((weekday, strength)) = weekday_of(word) {
            let not_today = std::mem::take(&mut self.not_today);
            match strength {
                Strength::Full => self.pieces.weekdays.push((weekday, not_today)),
                Strength::Short => self.pieces.weak_weekdays.push((weekday, not_today)),
                // `Do.` or `Mo 14 Uhr` at the start; not "I can do 10:30".
                Strength::TwoLetters if i == 0 || self.punct(i + 1) == Some('.') => {
                    self.pieces.weak_weekdays.push((weekday, not_today))
                }
                Strength::TwoLetters => {}
            }
            return i + 1;
        }
        if let Some(relative) = relative_of(word) {
            self.pieces.relative.push(relative);
            if word == "tonight" {
                self.pieces.hints.push(Half::Pm);
            }
            return i + 1;
        }
        if let Some(half) = hint_of(word) {
            self.pieces.hints.push(half);
            return i + 1;
        }
        if is_not_today(word) {
            self.not_today = true;
        }
        i + 1
    }
}

/// The one value a list holds (repeats allowed), `None` if empty, `Unreadable` if it holds
/// two different ones.
fn one<T: PartialEq + Copy>(values: &[T]) -> Result<Option<T>, WhenError> {
    match values.split_first() {
        None => Ok(None),
        Some((first, rest)) if rest.iter().all(|value| value == first) => Ok(Some(*first)),
        Some(_) => Err(WhenError::Unreadable),
    }
}

/// What names the day, after the pieces were checked against each other.
struct DaySpec {
    date: Option<DayMonth>,
    relative: Option<i64>,
    weekday: Option<(Weekday, bool)>,
}

impl Pieces {
    fn resolve(mut self, now: DateTime<Utc>, expect: Expect) -> Result<When, WhenError> {
        self.settle_numbers()?;
        let weekday = match one(&self.weekdays)? {
            Some(weekday) => Some(weekday),
            None if self.dates.is_empty() && self.relative.is_empty() => one(&self.weak_weekdays)?,
            None => None,
        };
        let day = DaySpec {
            date: one(&self.dates)?,
            relative: one(&self.relative)?,
            weekday,
        };
        if day.date.is_none() && day.relative.is_none() && day.weekday.is_none() {
            return Err(WhenError::Unreadable);
        }
        let times = match one(&self.clocks)? {
            None => vec![None],
            Some(clock) => clock
                .candidates(one(&self.hints)?)?
                .into_iter()
                .map(Some)
                .collect(),
        };

        let mut found = Vec::new();
        let mut errors = Vec::new();
        for time in times {
            match day.resolve(time, now, expect) {
                Ok(when) => found.push(when),
                Err(error) => errors.push(error),
            }
        }
        if expect == Expect::Past && found.iter().any(|when| !is_future(*when, now)) {
            found.retain(|when| !is_future(*when, now));
        }
        found.sort();
        found.dedup();
        match found.as_slice() {
            [] if errors.contains(&WhenError::InThePast) => Err(WhenError::InThePast),
            [] => Err(errors.into_iter().next().unwrap_or(WhenError::Unreadable)),
            [when] => Ok(*when),
            several => Err(WhenError::Ambiguous {
                options: several
                    .iter()
                    .filter_map(|when| match when {
                        When::At(moment) => Some(*moment),
                        When::Day(_) => None,
                    })
                    .collect(),
            }),
        }
    }

    /// Decides each `N.NN` (date or time) and each number standing alone (an hour).
    fn settle_numbers(&mut self) -> Result<(), WhenError> {
        let mut has_day = !self.dates.is_empty()
            || !self.relative.is_empty()
            || !self.weekdays.is_empty()
            || !self.weak_weekdays.is_empty();
        for pair in std::mem::take(&mut self.dates_or_clocks) {
            let can_be_date = (1..=31).contains(&pair.left) && (1..=12).contains(&pair.right);
            let can_be_clock = pair.right_digits == 2 && pair.left <= 23 && pair.right <= 59;
            let is_date = match (can_be_date, can_be_clock) {
                // `3.12`: a date, unless a day is named already and no time yet.
                (true, true) => pair.trailing_dot || !has_day || !self.clocks.is_empty(),
                (false, true) => false,
                // Neither: read as the date it tries to be, so it is refused as NoSuchDate.
                (_, false) => true,
            };
            if is_date {
                has_day = true;
                self.dates.push(DayMonth {
                    day: pair.left,
                    month: pair.right,
                    year: None,
                });
            } else {
                self.clocks.push(Clock {
                    hour: pair.left,
                    minute: Some(pair.right),
                    half: None,
                    padded: false,
                });
            }
        }
        for bare in std::mem::take(&mut self.bare) {
            let is_hour = self.clocks.is_empty()
                && has_day
                && !bare.ordinal
                && bare.value <= 23
                && bare.digits <= 2;
            if !is_hour {
                return Err(WhenError::Unreadable);
            }
            self.clocks.push(Clock {
                hour: bare.value,
                minute: None,
                half: None,
                padded: bare.digits == 2 && bare.value < 10,
            });
        }
        Ok(())
    }
}

impl DaySpec {
    /// The reading for one candidate time (or none), checked against `now`.
    fn resolve(
        &self,
        time: Option<NaiveTime>,
        now: DateTime<Utc>,
        expect: Expect,
    ) -> Result<When, WhenError> {
        let today = now.with_timezone(&ZONE).date_naive();
        let make = |day: NaiveDate| match time {
            Some(time) => When::At(day.and_time(time)),
            None => When::Day(day),
        };
        let fits = |when: When| match expect {
            Expect::Future => !is_past(when, now),
            Expect::Past => !is_future(when, now),
        };
        let when = if let Some(date) = self.date {
            match date.year {
                Some(year) => make(
                    NaiveDate::from_ymd_opt(year, date.month, date.day)
                        .ok_or(WhenError::NoSuchDate)?,
                ),
                None => nearest_year(date, today, expect, make, fits)?,
            }
        } else if let Some(days) = self.relative {
            make(add_days(today, days).ok_or(WhenError::Unreadable)?)
        } else if let Some((weekday, not_today)) = self.weekday {
            nearest_weekday(weekday, not_today, today, expect, make, fits)?
        } else {
            return Err(WhenError::Unreadable);
        };

        if let Some(days) = self.relative {
            if add_days(today, days) != Some(when.date()) {
                return Err(WhenError::Unreadable);
            }
        }
        if let Some((weekday, _)) = self.weekday {
            if when.date().weekday() != weekday {
                return Err(WhenError::Unreadable);
            }
        }
        if let When::At(moment) = when {
            if let LocalResult::None = ZONE.from_local_datetime(&moment) {
                return Err(WhenError::NoSuchDate);
            }
        }
        if expect == Expect::Future && is_past(when, now) {
            return Err(WhenError::InThePast);
        }
        Ok(when)
    }
}

/// The next (or last) year in which the day exists and the reading fits `expect`.
fn nearest_year(
    date: DayMonth,
    today: NaiveDate,
    expect: Expect,
    make: impl Fn(NaiveDate) -> When,
    fits: impl Fn(When) -> bool,
) -> Result<When, WhenError> {
    // 2000 is a leap year: a day that does not exist then exists in no year.
    if NaiveDate::from_ymd_opt(2000, date.month, date.day).is_none() {
        return Err(WhenError::NoSuchDate);
    }
    // Eight years cover the longest wait for a 29 February (2096 → 2104).
    let step = match expect {
        Expect::Future => 1,
        Expect::Past => -1,
    };
    (0..=8)
        .filter_map(|offset| {
            NaiveDate::from_ymd_opt(today.year() + step * offset, date.month, date.day)
        })
        .map(make)
        .find(|when| fits(*when))
        .ok_or(WhenError::NoSuchDate)
}

/// The next (or last) `weekday` from today whose reading fits `expect`.
fn nearest_weekday(
    weekday: Weekday,
    not_today: bool,
    today: NaiveDate,
    expect: Expect,
    make: impl Fn(NaiveDate) -> When,
    fits: impl Fn(When) -> bool,
) -> Result<When, WhenError> {
    let first = i64::from(not_today);
    (first..=first + 7)
        .filter_map(|days| match expect {
            Expect::Future => add_days(today, days),
            Expect::Past => add_days(today, -days),
        })
        .filter(|day| day.weekday() == weekday)
        .map(make)
        .find(|when| fits(*when))
        .ok_or(WhenError::Unreadable)
}

fn add_days(day: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        day.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Over before `now`: a time strictly before it (the later instant of a doubled hour), a day
/// once it has ended.
fn is_past(when: When, now: DateTime<Utc>) -> bool {
    let end = to_utc(&when.into(), Safer::Latest);
    match when {
        When::At(_) => end < now,
        When::Day(_) => end <= now,
    }
}

/// Not begun at `now` (the earlier instant of a doubled hour, the start of a day).
fn is_future(when: When, now: DateTime<Utc>) -> bool {
    to_utc(&when.into(), Safer::Earliest) > now
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// A full name: `torsdag`, `thursday`, `Donnerstag`.
    Full,
    /// An abbreviation that may also be a word (`man`, `son`, `sat`, `sun`).
    Short,
    /// German `Mo`..`So`: counted only at the start or followed by a dot.
    TwoLetters,
}

/// Weekday names and abbreviations, folded (`lørdag` → `lordag`; `loerdag` for those
/// without `ø`).
fn weekday_of(word: &str) -> Option<(Weekday, Strength)> {
    use Strength::*;
    use Weekday::*;
    Some(match word {
        "mandag" | "monday" | "montag" => (Mon, Full),
        "tirsdag" | "tuesday" | "dienstag" => (Tue, Full),
        "onsdag" | "wednesday" | "mittwoch" => (Wed, Full),
        "torsdag" | "thursday" | "donnerstag" => (Thu, Full),
        "fredag" | "friday" | "freitag" => (Fri, Full),
        "lordag" | "loerdag" | "saturday" | "samstag" | "sonnabend" => (Sat, Full),
        "sondag" | "soendag" | "sunday" | "sonntag" => (Sun, Full),
        "man" | "mon" => (Mon, Short),
        "tir" | "tirs" | "tue" | "tues" => (Tue, Short),
        "ons" | "wed" => (Wed, Short),
        "tor" | "tors" | "thu" | "thur" | "thurs" => (Thu, Short),
        "fre" | "fri" => (Fri, Short),
        "lor" | "loer" | "sat" => (Sat, Short),
        "son" | "soen" | "sun" => (Sun, Short),
        "mo" => (Mon, TwoLetters),
        "di" => (Tue, TwoLetters),
        "mi" => (Wed, TwoLetters),
        "do" => (Thu, TwoLetters),
        "fr" => (Fri, TwoLetters),
        "sa" => (Sat, TwoLetters),
        "so" => (Sun, TwoLetters),
        _ => return None,
    })
}

/// Month names and abbreviations in da/en/de, folded (`März` → `marz`).
fn month_of(word: &str) -> Option<u32> {
    Some(match word {
        "januar" | "january" | "janner" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "marts" | "march" | "marz" | "maerz" | "mar" | "mrz" => 3,
        "april" | "apr" => 4,
        "maj" | "may" | "mai" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dezember" | "dec" | "dez" => 12,
        _ => return None,
    })
}

/// One-word days relative to today.
fn relative_of(word: &str) -> Option<i64> {
    Some(match word {
        "idag" | "today" | "tonight" | "heute" => 0,
        "imorgen" | "tomorrow" => 1,
        "iovermorgen" | "overmorgen" | "ubermorgen" | "uebermorgen" => 2,
        "igar" | "yesterday" | "gestern" => -1,
        "iforgars" | "forgars" | "vorgestern" => -2,
        _ => return None,
    })
}

/// Words that say morning or afternoon/evening, deciding `kl 7`.
fn hint_of(word: &str) -> Option<Half> {
    match word {
        "morning" | "formiddag" | "formiddagen" | "morgenen" | "morgens" | "vormittag"
        | "vormittags" | "fruh" | "frueh" => Some(Half::Am),
        "afternoon" | "evening" | "eftermiddag" | "eftermiddagen" | "aften" | "aftenen"
        | "nachmittag" | "nachmittags" | "abend" | "abends" => Some(Half::Pm),
        _ => None,
    }
}

/// Words after which a number is a clock time (`kl. 10.30` is never the 10th of a month).
fn is_marker(word: &str) -> bool {
    matches!(
        word,
        "kl" | "klokken" | "um" | "at" | "gegen" | "omkring" | "around"
    )
}

fn is_clock_suffix(word: &str) -> bool {
    matches!(word, "uhr" | "h" | "am" | "pm")
}

fn is_ordinal(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// "next"/"last" before a weekday: not today, but a week on (or back).
fn is_not_today(word: &str) -> bool {
    matches!(
        word,
        "next"
            | "naeste"
            | "nachsten"
            | "naechsten"
            | "nachster"
            | "naechster"
            | "nachste"
            | "naechste"
            | "kommende"
            | "kommenden"
            | "coming"
            | "last"
            | "sidste"
            | "forrige"
            | "letzten"
            | "letzter"
            | "vorigen"
            | "vergangenen"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Expect::{Future, Past};
    use WhenError::*;

    /// Thursday 26 November 2026, 10:00 in Copenhagen (09:00 UTC, winter time).
    fn now() -> DateTime<Utc> {
        ZONE.with_ymd_and_hms(2026, 11, 26, 10, 0, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn moment(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Result<When, WhenError> {
        Ok(When::At(moment(y, m, d, h, min)))
    }

    fn day(y: i32, m: u32, d: u32) -> Result<When, WhenError> {
        Ok(When::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
    }

    fn either(a: NaiveDateTime, b: NaiveDateTime) -> Result<When, WhenError> {
        Err(Ambiguous {
            options: vec![a, b],
        })
    }

    fn check(expect: Expect, cases: &[(&str, Result<When, WhenError>)]) {
        for (text, expected) in cases {
            assert_eq!(
                &read_when(text, now(), expect),
                expected,
                "text: {text:?}, {expect:?}"
            );
        }
    }

    #[test]
    fn the_fixed_now_is_a_thursday() {
        assert_eq!(now().with_timezone(&ZONE).weekday(), Weekday::Thu);
    }

    #[test]
    fn reads_danish() {
        check(
            Future,
            &[
                ("3.12. kl. 10", at(2026, 12, 3, 10, 0)),
                ("03-12-2026 10:30", at(2026, 12, 3, 10, 30)),
                ("torsdag kl 9", at(2026, 12, 3, 9, 0)),
                ("i morgen 14:00", at(2026, 11, 27, 14, 0)),
                ("3.12.2026 kl. 10.30", at(2026, 12, 3, 10, 30)),
                ("03.12.2026 10:30", at(2026, 12, 3, 10, 30)),
                ("3.12.2026", day(2026, 12, 3)),
                ("torsdag", day(2026, 11, 26)),
                ("i dag kl. 15", at(2026, 11, 26, 15, 0)),
                ("idag kl 16", at(2026, 11, 26, 16, 0)),
                ("i overmorgen kl 11", at(2026, 11, 28, 11, 0)),
                ("fredag kl. 8.15", at(2026, 11, 27, 8, 15)),
                ("3. december kl. 10.00", at(2026, 12, 3, 10, 0)),
                ("mandag d. 30. november kl 13", at(2026, 11, 30, 13, 0)),
                ("Søndag kl 11", at(2026, 11, 29, 11, 0)),
                ("soendag kl 12", at(2026, 11, 29, 12, 0)),
                ("lørdag", day(2026, 11, 28)),
                ("LORDAG", day(2026, 11, 28)),
                ("næste torsdag kl 9", at(2026, 12, 3, 9, 0)),
                ("naeste torsdag kl 11", at(2026, 12, 3, 11, 0)),
                ("på torsdag kl 11", at(2026, 11, 26, 11, 0)),
                ("3. dec. kl 14.30", at(2026, 12, 3, 14, 30)),
                ("tirs kl 10", at(2026, 12, 1, 10, 0)),
                ("15. marts kl. 9.30", at(2027, 3, 15, 9, 30)),
                ("1.5. kl 12", at(2027, 5, 1, 12, 0)),
                ("2. maj 2027 kl 10", at(2027, 5, 2, 10, 0)),
                ("3/12 kl 10", at(2026, 12, 3, 10, 0)),
                ("torsdag morgen kl 7", at(2026, 12, 3, 7, 0)),
                ("fredag eftermiddag kl 3", at(2026, 11, 27, 15, 0)),
                ("i aften kl 8", at(2026, 11, 26, 20, 0)),
                ("den 3.12. klokken 10", at(2026, 12, 3, 10, 0)),
                ("torsdag den 3. december kl. 10", at(2026, 12, 3, 10, 0)),
            ],
        );
    }

    #[test]
    fn reads_english() {
        check(
            Future,
            &[
                ("Dec 3 10:30", at(2026, 12, 3, 10, 30)),
                ("3 December 10:30", at(2026, 12, 3, 10, 30)),
                ("next thursday at 9", at(2026, 12, 3, 9, 0)),
                ("next thursday at 11", at(2026, 12, 3, 11, 0)),
                ("10:30 3/12", at(2026, 12, 3, 10, 30)),
                ("tomorrow 2 pm", at(2026, 11, 27, 14, 0)),
                ("today at 3pm", at(2026, 11, 26, 15, 0)),
                ("December 3rd at 10am", at(2026, 12, 3, 10, 0)),
                ("3rd of December, 10:30", at(2026, 12, 3, 10, 30)),
                ("Thursday", day(2026, 11, 26)),
                ("thu 14:00", at(2026, 11, 26, 14, 0)),
                ("Monday at 11", at(2026, 11, 30, 11, 0)),
                ("day after tomorrow at 10", at(2026, 11, 28, 10, 0)),
                ("Dec 3, 2026 at 10:30 am", at(2026, 12, 3, 10, 30)),
                ("Jan 5 9:15", at(2027, 1, 5, 9, 15)),
                ("may 1 at 12 pm", at(2027, 5, 1, 12, 0)),
                ("October 15th 2 p.m.", at(2027, 10, 15, 14, 0)),
                ("tomorrow 12am", at(2026, 11, 27, 0, 0)),
                ("tomorrow at 7 a.m.", at(2026, 11, 27, 7, 0)),
                ("friday 10:30 please", at(2026, 11, 27, 10, 30)),
                ("wednesday morning at 7", at(2026, 12, 2, 7, 0)),
                ("march 29 2027 14h", at(2027, 3, 29, 14, 0)),
                ("sat @ 11", at(2026, 11, 28, 11, 0)),
                ("tonight at 8", at(2026, 11, 26, 20, 0)),
            ],
        );
    }

    #[test]
    fn reads_german() {
        check(
            Future,
            &[
                ("3. Dezember 10 Uhr", at(2026, 12, 3, 10, 0)),
                ("Donnerstag 9:30", at(2026, 12, 3, 9, 30)),
                ("morgen 14:00", at(2026, 11, 27, 14, 0)),
                ("übermorgen 10 Uhr", at(2026, 11, 28, 10, 0)),
                ("uebermorgen um 11", at(2026, 11, 28, 11, 0)),
                ("heute 16 Uhr", at(2026, 11, 26, 16, 0)),
                ("am 3. Dezember um 10 Uhr", at(2026, 12, 3, 10, 0)),
                ("Freitag, 27.11.2026, 8:30 Uhr", at(2026, 11, 27, 8, 30)),
                ("3.12.26 10:30", at(2026, 12, 3, 10, 30)),
                ("Mo 14 Uhr", at(2026, 11, 30, 14, 0)),
                ("Do. 14 Uhr", at(2026, 11, 26, 14, 0)),
                ("nächsten Dienstag um 9", at(2026, 12, 1, 9, 0)),
                ("10 Uhr 30 am 4. Dezember", at(2026, 12, 4, 10, 30)),
                ("15. März 10:00", at(2027, 3, 15, 10, 0)),
                ("15. Maerz 10:00", at(2027, 3, 15, 10, 0)),
                ("1. Mai 14h", at(2027, 5, 1, 14, 0)),
                ("Sonntag", day(2026, 11, 29)),
                ("Samstag 11.00", at(2026, 11, 28, 11, 0)),
                ("31. Okt. 12 Uhr", at(2027, 10, 31, 12, 0)),
                ("morgen früh um 7", at(2026, 11, 27, 7, 0)),
                ("Donnerstag morgen 9 Uhr", at(2026, 12, 3, 9, 0)),
                ("heute Abend um 7", at(2026, 11, 26, 19, 0)),
                ("DONNERSTAG 14 UHR", at(2026, 11, 26, 14, 0)),
                ("Donnerstag, 3. Dezember", day(2026, 12, 3)),
                ("3. Dez. 2026 um 10.30 Uhr", at(2026, 12, 3, 10, 30)),
                ("14 Uhr 15. März", at(2027, 3, 15, 14, 0)),
            ],
        );
    }

    #[test]
    fn numbers_are_day_first_unless_a_month_name_says_otherwise() {
        check(
            Future,
            &[
                ("3/4", day(2027, 4, 3)),
                ("4/3/2027", day(2027, 3, 4)),
                ("12/25/2026", Err(NoSuchDate)),
                ("2026-12-03", day(2026, 12, 3)),
                ("2026-12-03 10:30", at(2026, 12, 3, 10, 30)),
                ("3.12", day(2026, 12, 3)),
                ("12.11.", day(2027, 11, 12)),
                ("3.12 10.30", at(2026, 12, 3, 10, 30)),
                ("10.30 3.12", at(2026, 12, 3, 10, 30)),
                ("3.12. 10", at(2026, 12, 3, 10, 0)),
                ("torsdag 11.30", at(2026, 11, 26, 11, 30)),
                ("1.1.30", day(2030, 1, 1)),
                ("May 4", day(2027, 5, 4)),
                ("4 May", day(2027, 5, 4)),
            ],
        );
        check(Past, &[("4/3/2026", day(2026, 3, 4))]);
    }

    #[test]
    fn a_missing_year_is_the_next_or_the_last() {
        check(
            Future,
            &[
                ("26.11.", day(2026, 11, 26)),
                ("26.11. kl 11", at(2026, 11, 26, 11, 0)),
                ("26.11. kl 9", at(2027, 11, 26, 9, 0)),
                ("25.11.", day(2027, 11, 25)),
                ("1.1.", day(2027, 1, 1)),
            ],
        );
        check(
            Past,
            &[
                ("26.11.", day(2026, 11, 26)),
                ("26.11. kl 9", at(2026, 11, 26, 9, 0)),
                ("26.11. kl 11", at(2025, 11, 26, 11, 0)),
                ("3.12.", day(2025, 12, 3)),
                ("1. Oktober", day(2026, 10, 1)),
            ],
        );
    }

    #[test]
    fn weekdays_are_the_next_or_the_last() {
        check(
            Future,
            &[
                ("torsdag kl 11", at(2026, 11, 26, 11, 0)),
                ("torsdag kl 10", at(2026, 11, 26, 10, 0)),
                ("torsdag kl 9.59", at(2026, 12, 3, 9, 59)),
                ("onsdag", day(2026, 12, 2)),
                ("next thursday", day(2026, 12, 3)),
                ("fredag", day(2026, 11, 27)),
            ],
        );
        check(
            Past,
            &[
                ("torsdag", day(2026, 11, 26)),
                ("torsdag kl 9", at(2026, 11, 26, 9, 0)),
                ("torsdag kl 11", at(2026, 11, 19, 11, 0)),
                ("sidste torsdag", day(2026, 11, 19)),
                ("fredag", day(2026, 11, 20)),
                ("mandag kl 14", at(2026, 11, 23, 14, 0)),
                ("i går", day(2026, 11, 25)),
                ("gestern 15 Uhr", at(2026, 11, 25, 15, 0)),
                ("yesterday at 9", at(2026, 11, 25, 9, 0)),
                ("i forgårs", day(2026, 11, 24)),
            ],
        );
    }

    #[test]
    fn hours_one_to_seven_are_asked_back() {
        check(
            Future,
            &[
                (
                    "torsdag kl 7",
                    either(moment(2026, 11, 26, 19, 0), moment(2026, 12, 3, 7, 0)),
                ),
                (
                    "i morgen kl 5",
                    either(moment(2026, 11, 27, 5, 0), moment(2026, 11, 27, 17, 0)),
                ),
                (
                    "3.12. um 3 Uhr",
                    either(moment(2026, 12, 3, 3, 0), moment(2026, 12, 3, 15, 0)),
                ),
                (
                    "tomorrow at 1",
                    either(moment(2026, 11, 27, 1, 0), moment(2026, 11, 27, 13, 0)),
                ),
                (
                    "fredag 7",
                    either(moment(2026, 11, 27, 7, 0), moment(2026, 11, 27, 19, 0)),
                ),
                // Only one option is still ahead: no need to ask.
                ("i dag kl 7", at(2026, 11, 26, 19, 0)),
                // Minutes, a leading zero, am/pm or a hint word decide.
                ("i morgen 7:00", at(2026, 11, 27, 7, 0)),
                ("i morgen kl. 07", at(2026, 11, 27, 7, 0)),
                ("i morgen 7am", at(2026, 11, 27, 7, 0)),
                ("i morgen 7 pm", at(2026, 11, 27, 19, 0)),
                ("i morgen formiddag kl 7", at(2026, 11, 27, 7, 0)),
                ("morgen abends um 7", at(2026, 11, 27, 19, 0)),
                // 8 and later, and 0, read as written.
                ("i morgen kl 8", at(2026, 11, 27, 8, 0)),
                ("i morgen kl 0", at(2026, 11, 27, 0, 0)),
            ],
        );
        check(
            Past,
            &[
                // 19:00 today is still ahead: not a moment that has happened.
                ("i dag kl 7", at(2026, 11, 26, 7, 0)),
                (
                    "i går kl 7",
                    either(moment(2026, 11, 25, 7, 0), moment(2026, 11, 25, 19, 0)),
                ),
            ],
        );
    }

    #[test]
    fn past_readings_are_refused_for_the_future() {
        check(
            Future,
            &[
                ("25.11.2026 10:00", Err(InThePast)),
                ("26.11.2026 09:59", Err(InThePast)),
                ("26.11.2026 10:00", at(2026, 11, 26, 10, 0)),
                ("26.11.2026", day(2026, 11, 26)),
                ("i dag kl 9", Err(InThePast)),
                ("heute 9 Uhr", Err(InThePast)),
                ("today 9:59", Err(InThePast)),
                ("i går", Err(InThePast)),
                ("1.1.2020", Err(InThePast)),
                ("25.11.26", Err(InThePast)),
            ],
        );
        // The past direction does not refuse a future date: the witness check judges it.
        check(Past, &[("3.12.2026", day(2026, 12, 3))]);
    }

    #[test]
    fn daylight_saving_days() {
        check(
            Past,
            &[
                // Spring: 02:00-03:00 does not exist on 29.03.2026.
                ("29.03.2026 02:30", Err(NoSuchDate)),
                ("29.03.2026 kl. 2.00", Err(NoSuchDate)),
                ("29.03.2026 03:00", at(2026, 3, 29, 3, 0)),
                ("29.03.2026 01:59", at(2026, 3, 29, 1, 59)),
                // `kl 2` could be 02:00 or 14:00; 02:00 does not exist that day.
                ("29.03.2026 kl 2", at(2026, 3, 29, 14, 0)),
                // Autumn: 02:30 happens twice on 25.10.2026; the wall time is returned.
                ("25.10.2026 02:30", at(2026, 10, 25, 2, 30)),
                (
                    "25.10.2026 kl 2",
                    either(moment(2026, 10, 25, 2, 0), moment(2026, 10, 25, 14, 0)),
                ),
            ],
        );
        check(
            Future,
            &[
                // The gap is checked before the past.
                ("29.03.2026 02:30", Err(NoSuchDate)),
                // In 2027 the change is on 28 March.
                ("28.3.2027 2:30", Err(NoSuchDate)),
                ("29.3. kl. 2.30", at(2027, 3, 29, 2, 30)),
            ],
        );
        // The caller decides which of the two 02:30s with `to_utc` and `Safer`.
        let when = read_when("25.10.2026 02:30", now(), Past).unwrap();
        let utc = |h, min| moment(2026, 10, 25, h, min).and_utc();
        assert_eq!(to_utc(&when.into(), Safer::Earliest), utc(0, 30));
        assert_eq!(to_utc(&when.into(), Safer::Latest), utc(1, 30));
    }

    #[test]
    fn february_29() {
        check(
            Future,
            &[
                ("29.02.2028", day(2028, 2, 29)),
                ("29.02.2027", Err(NoSuchDate)),
                ("29.2.", day(2028, 2, 29)),
                ("29.2. kl 10", at(2028, 2, 29, 10, 0)),
                ("29. Februar", day(2028, 2, 29)),
                ("feb 29", day(2028, 2, 29)),
                ("31.02.", Err(NoSuchDate)),
                ("30. februar", Err(NoSuchDate)),
            ],
        );
        check(Past, &[("29.2.", day(2024, 2, 29))]);
    }

    #[test]
    fn impossible_dates_and_times() {
        check(
            Future,
            &[
                ("31.4.2027", Err(NoSuchDate)),
                ("32.12.", Err(NoSuchDate)),
                ("3.13.2027", Err(NoSuchDate)),
                ("i morgen 25:00", Err(NoSuchDate)),
                ("i morgen 24:00", Err(NoSuchDate)),
                ("i morgen 10:60", Err(NoSuchDate)),
                ("i morgen kl 25", Err(NoSuchDate)),
                ("tomorrow 13 pm", Err(NoSuchDate)),
                ("tomorrow 0 am", Err(NoSuchDate)),
            ],
        );
    }

    #[test]
    fn unreadable_text_is_refused() {
        check(
            Future,
            &[
                ("", Err(Unreadable)),
                ("   ", Err(Unreadable)),
                ("soon", Err(Unreadable)),
                ("asap", Err(Unreadable)),
                ("snart", Err(Unreadable)),
                ("bald", Err(Unreadable)),
                ("😀", Err(Unreadable)),
                ("🗓️ ⏰", Err(Unreadable)),
                ("next week", Err(Unreadable)),
                ("Dezember", Err(Unreadable)),
                ("December 10:30", Err(Unreadable)),
                ("kl 10", Err(Unreadable)),
                ("10:30", Err(Unreadable)),
                ("10", Err(Unreadable)),
                ("1234567890", Err(Unreadable)),
                ("１0.12.2026", Err(Unreadable)),
                ("I can do 10:30", Err(Unreadable)),
            ],
        );
    }

    #[test]
    fn contradictions_are_refused_not_guessed() {
        check(
            Future,
            &[
                // 4.12.2026 is a Friday.
                ("torsdag 4.12.", Err(Unreadable)),
                // Tomorrow is a Friday: these two agree.
                ("tomorrow, friday", day(2026, 11, 27)),
                ("i morgen lørdag", Err(Unreadable)),
                ("mandag fredag", Err(Unreadable)),
                ("3.12. 4.12.", Err(Unreadable)),
                ("torsdag kl 9 og 10", Err(Unreadable)),
                ("kl 9 kl 10 torsdag", Err(Unreadable)),
                ("morgen früh abends um 7", Err(Unreadable)),
                // A day of the month alone is not an hour (nor read as a date yet).
                ("torsdag den 3.", Err(Unreadable)),
                ("Donnerstag, 3.", Err(Unreadable)),
            ],
        );
    }

    #[test]
    fn trailing_and_common_words_are_tolerated() {
        check(
            Future,
            &[
                ("torsdag kl 9 tak", at(2026, 12, 3, 9, 0)),
                ("am 3. Dezember um 10 Uhr bitte", at(2026, 12, 3, 10, 0)),
                ("tomorrow at 10 thanks", at(2026, 11, 27, 10, 0)),
                ("Min tid er torsdag kl. 11 :)", at(2026, 11, 26, 11, 0)),
                ("man kan komme torsdag kl 11", at(2026, 11, 26, 11, 0)),
                ("so thursday at 11", at(2026, 11, 26, 11, 0)),
                ("I may come on 3.12. at 10", at(2026, 12, 3, 10, 0)),
                (
                    "Ich habe am Donnerstag um 11 Uhr einen Termin",
                    at(2026, 11, 26, 11, 0),
                ),
                ("  3.12.2026   kl.10.30  ", at(2026, 12, 3, 10, 30)),
            ],
        );
    }
}
