//! The report over a range of days (`mitid-bot stats`): the day files summed, as a table
//! for staff or as JSON for tools.
//!
//! Must not: write anything; it reads the day files only, so it is safe while the bot runs.

use super::*;

/// The counts over a range of days, as `mitid-bot stats` shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Every day of the range, in order; a day without a file counts zero.
    pub days: Vec<ReportDay>,
    pub total: DayCounts,
    /// Files that could not be read, each naming the file. Their days count zero.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDay {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub counts: DayCounts,
}

/// Sums the day files from `from` to `to` (both included) under `<data_dir>/stats/`.
/// Reads only; safe while the bot runs.
pub fn report(data_dir: &Path, from: NaiveDate, to: NaiveDate) -> Result<Report, StatsError> {
    if from > to {
        return Err(StatsError::Backwards { from, to });
    }
    if (to - from).num_days() >= MAX_REPORT_DAYS {
        return Err(StatsError::TooLong { from, to });
    }
    let dir = stats_dir(data_dir);
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        warnings.push(format!(
            "{}: no statistics folder (has the bot run with this data dir?)",
            dir.display()
        ));
    }
    let mut days = Vec::new();
    let mut total = DayCounts::default();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let counts = match read_day(&day_path(&dir, date)) {
            Ok(c) => c.unwrap_or_default(),
            Err(e) => {
                warnings.push(format!("{e}; counted as zero"));
                DayCounts::default()
            }
        };
        total.add(&counts);
        days.push(ReportDay { date, counts });
    }
    Ok(Report {
        from,
        to,
        days,
        total,
        warnings,
    })
}

impl Report {
    /// A table for operators: one row per day with activity, the totals, then the checklist
    /// outcomes and the FAQ topics over the whole range.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let active = self.days.iter().filter(|d| !d.counts.is_empty()).count();
        let _ = writeln!(
            s,
            "Statistics {} to {} (days in Copenhagen time): {} day(s), {} with activity",
            self.from,
            self.to,
            self.days.len(),
            active
        );
        let _ = writeln!(s);
        let header = [
            "date",
            "started",
            "da",
            "en",
            "de",
            "checklists",
            "faq",
            "unanswered",
        ];
        let widths = [10, 7, 5, 5, 5, 10, 5, 10];
        let row = |s: &mut String, cells: [String; 8]| {
            let mut line = String::new();
            for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                if i == 0 {
                    let _ = write!(line, "{c:<w$}");
                } else {
                    let _ = write!(line, "  {c:>w$}");
                }
            }
            let _ = writeln!(s, "{}", line.trim_end());
        };
        let cells = |label: String, c: &DayCounts| {
            [
                label,
                c.conversations_started.to_string(),
                c.language.da.to_string(),
                c.language.en.to_string(),
                c.language.de.to_string(),
                c.checklists_completed.to_string(),
                c.faq_total().to_string(),
                c.unanswered.to_string(),
            ]
        };
        row(&mut s, header.map(str::to_string));
        for d in self.days.iter().filter(|d| !d.counts.is_empty()) {
            row(&mut s, cells(d.date.to_string(), &d.counts));
        }
        row(&mut s, cells("total".into(), &self.total));

        let t = &self.total;
        let _ = writeln!(s);
        let _ = writeln!(s, "Checklists by outcome");
        let groups: [(&str, Vec<(&str, u64)>); 3] = [
            (
                "documents",
                vec![
                    ("enough", t.documents.enough),
                    ("not enough", t.documents.not_enough),
                    ("may not be enough", t.documents.maybe),
                    ("unknown", t.documents.unknown),
                ],
            ),
            (
                "witness",
                vec![
                    ("unlikely", t.witness.unlikely),
                    ("likely", t.witness.likely),
                    ("almost certain", t.witness.almost_certain),
                    ("unknown", t.witness.unknown),
                ],
            ),
            (
                "device",
                vec![
                    ("app", t.device.app),
                    ("code display", t.device.code_display),
                    ("audio code reader", t.device.audio),
                    ("unknown", t.device.unknown),
                ],
            ),
        ];
        for (group, items) in groups {
            let _ = writeln!(s, "  {group}");
            for (label, n) in items {
                let _ = writeln!(s, "    {label:<20} {n:>7}");
            }
        }
        let w = &t.without_appointment;
        let _ = writeln!(s);
        let _ = writeln!(s, "Without an appointment (appointments avoided)");
        for (label, n) in [
            ("shown how to get MitID at home", w.at_home_guide),
            ("  then prepared for Borgerservice", w.at_home_went_on),
            ("  ended at home", w.ended_at_home()),
            ("renewal done on their own", w.self_service),
        ] {
            let _ = writeln!(s, "    {label:<34} {n:>7}");
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "FAQ answers by topic");
        let topics: std::collections::BTreeSet<&String> = t
            .faq
            .keys()
            .chain(t.faq_helped.keys())
            .chain(t.faq_not_helped.keys())
            .collect();
        if topics.is_empty() {
            let _ = writeln!(s, "    (none)");
        } else {
            let topic_width = topics.iter().map(|k| k.chars().count()).max().unwrap_or(0);
            let topic_width = topic_width.max(20);
            let _ = writeln!(
                s,
                "    {:<topic_width$} {:>7}  {:>7}  {:>10}",
                "topic", "shown", "helped", "not helped"
            );
            let get = |m: &BTreeMap<String, u64>, k: &String| m.get(k).copied().unwrap_or(0);
            for topic in topics {
                let _ = writeln!(
                    s,
                    "    {topic:<topic_width$} {:>7}  {:>7}  {:>10}",
                    get(&t.faq, topic),
                    get(&t.faq_helped, topic),
                    get(&t.faq_not_helped, topic)
                );
            }
        }
        let _ = writeln!(s, "Questions nothing could answer: {}", t.unanswered);
        for w in &self.warnings {
            let _ = writeln!(s);
            let _ = writeln!(s, "warning: {w}");
        }
        s
    }

    /// The report as JSON for tools: `version`, `from`, `to`, `timezone`, `days` (every day
    /// of the range, each with `date` and the counters), `total`, `ended_at_home` (at-home guide
    /// shown, not gone on to Borgerservice), `warnings`.
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            version: u32,
            from: NaiveDate,
            to: NaiveDate,
            timezone: &'static str,
            days: &'a [ReportDay],
            total: &'a DayCounts,
            /// Shown the at-home guide and did not go on to Borgerservice, over the range.
            ended_at_home: u64,
            warnings: &'a [String],
        }
        let out = Out {
            version: STATS_VERSION,
            from: self.from,
            to: self.to,
            timezone: ZONE.name(),
            days: &self.days,
            total: &self.total,
            ended_at_home: self.total.without_appointment.ended_at_home(),
            warnings: &self.warnings,
        };
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string_pretty(&out).unwrap_or_default()
    }
}
