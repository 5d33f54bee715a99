//! From the answers in the flow's words (`main_doc = "dk_passport"`) to the domain's types,
//! and back: the domain's verdicts become facts the flow and the texts can select on
//! (`documents = "maybe"`, `witness = "likely"`).
//!
//! The one place where fact names meet the rules. Must not: decide anything itself; every
//! verdict comes from `crate::domain`.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::state::{Fact, Facts};
use crate::domain::documents::{
    assess_documents, what_to_get, Answer, DocumentOutcome, DocumentSet, Home, MainDocument,
    Missing, NotCounted, SecondaryDocument, ToGet,
};
use crate::domain::witness::{
    check_witness, forecast_witness, Residence, ResidencyFacts, WitnessCandidate,
    WitnessLikelihood, WitnessPhotoId, WitnessProblem, WitnessReason,
};

/// What a fact holds, and which values (the ids the flow and the texts test for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// One of these values (`$documents` in a text, `documents = "maybe"` in the flow).
    One(&'static [&'static str]),
    /// Any set of these values (`each = "docs_counted"`; `$docs_counted_count`).
    Many(&'static [&'static str]),
    /// A moment (`$w_eligible`, `$w_eligible_date`, `$w_eligible_from`).
    Time,
}

/// The value ids of the second-list documents, as the `docs` options name them.
pub const SECONDARY_IDS: &[&str] = &[
    "yellow_card",
    "special_card",
    "personal_cert",
    "residence_cert",
    "foreign_id",
    "foreign_passport",
    "municipal_id",
    "dk_id_no_cpr",
    "tax",
    "benefit",
];

/// The value ids of the things to get (`docs_to_get`), as [`to_get_id`] names them.
pub const TO_GET_IDS: &[&str] = &[
    "yellow_card",
    "special_card",
    "tax",
    "ask",
    "photo_id",
    "second_doc",
];

const YES_NO: &[&str] = &["yes", "no"];
const PLANNED: &[&str] = &["planned", "none"];

/// Every fact computed here, with the values it can take: the one table that the flow's
/// conditions, the texts' selectors and this module share. `check` refuses a condition or
/// a selector that tests a value not listed here (or set by an answer in `dialogues/`);
/// the tests below make sure [`with_derived`] writes only listed values.
pub const DERIVED: &[(&str, FactKind)] = &[
    (
        "documents",
        FactKind::One(&["enough", "not_enough", "maybe"]),
    ),
    (
        "documents_missing",
        FactKind::One(&["cpr", "photo", "cpr_and_photo", "second"]),
    ),
    // What to get before booking, when the documents are not enough (texts `get-{}`).
    ("docs_to_get", FactKind::Many(TO_GET_IDS)),
    ("docs_counted", FactKind::Many(SECONDARY_IDS)),
    ("docs_too_old", FactKind::Many(&["tax", "benefit"])),
    (
        "docs_no_cpr",
        FactKind::Many(&["personal_cert", "residence_cert"]),
    ),
    (
        "witness",
        FactKind::One(&["unlikely", "likely", "almost_certain"]),
    ),
    (
        "witness_reason",
        FactKind::Many(&["last_time", "abroad", "under_five", "little_history"]),
    ),
    // The witness checker: `ok`, `not_yet` (only time stands in the way: `w_eligible`
    // says from when) or `not_ok` (a reason time does not fix, in `w_problem`).
    ("w_result", FactKind::One(&["ok", "not_ok", "not_yet"])),
    ("w_problem", FactKind::Many(&["under18", "too_many"])),
    ("w_needs_cpr_doc", FactKind::One(YES_NO)),
    ("w_eligible", FactKind::Time),
    ("appointment_ahead", FactKind::One(YES_NO)),
    // Reminders switched on for an appointment still ahead: what /reminders lists.
    ("reminder_set", FactKind::One(YES_NO)),
    // Is the day of the appointment known (from the reminders or the witness checker)?
    // Texts then judge "at most 3 months old" against `$appointment_day_date`.
    ("appointment_known", FactKind::One(YES_NO)),
    ("appointment_day", FactKind::Time),
    // How reminders reach the conversation: a `message` the bot sends (Telegram), or a
    // `calendar` file the person adds (a web page cannot send). Set by the engine from
    // `State::can_push`, not here.
    ("reminder_by", FactKind::One(&["message", "calendar"])),
    ("remind_evening", FactKind::One(PLANNED)),
    ("remind_soon", FactKind::One(PLANNED)),
];

/// True if the engine computes `fact`: the flow may test it, no answer may set it.
pub fn is_derived(fact: &str) -> bool {
    DERIVED.iter().any(|(name, _)| *name == fact)
}

/// How a derived fact is kept, if `fact` is one.
pub fn derived_kind(fact: &str) -> Option<FactKind> {
    DERIVED
        .iter()
        .find(|(name, _)| *name == fact)
        .map(|(_, kind)| *kind)
}

/// The value each second-list document has in the flow (`docs` option ids).
pub fn secondary_id(d: SecondaryDocument) -> &'static str {
    match d {
        SecondaryDocument::YellowCard => "yellow_card",
        SecondaryDocument::SpecialHealthCard => "special_card",
        SecondaryDocument::PersonalCertificate => "personal_cert",
        SecondaryDocument::ResidenceCertificate => "residence_cert",
        SecondaryDocument::ForeignIdOrLicence => "foreign_id",
        SecondaryDocument::ForeignPassport => "foreign_passport",
        SecondaryDocument::MunicipalIdCard => "municipal_id",
        SecondaryDocument::DanishIdWithoutCpr => "dk_id_no_cpr",
        SecondaryDocument::TaxStatement => "tax",
        SecondaryDocument::BenefitStatement => "benefit",
    }
}

/// The value each thing to get has in the `docs_to_get` fact (texts `get-{}`).
pub fn to_get_id(t: ToGet) -> &'static str {
    match t {
        ToGet::YellowCard => "yellow_card",
        ToGet::SpecialHealthCard => "special_card",
        ToGet::TaxStatement => "tax",
        ToGet::AskWhichCprDocument => "ask",
        ToGet::PhotoId => "photo_id",
        ToGet::SecondDocument => "second_doc",
    }
}

/// Every value `docs_to_get` can hold (for `check`).
pub fn to_get_ids() -> impl Iterator<Item = &'static str> {
    ToGet::ALL.into_iter().map(to_get_id)
}

fn home(facts: &Facts) -> Option<Home> {
    Some(match facts.get("residence")?.as_one()? {
        "dk" => Home::Denmark,
        "cross_border" => Home::AbroadWorkingInDenmark,
        "abroad" => Home::AbroadNotWorkingInDenmark,
        _ => return None,
    })
}

fn secondary_from_id(id: &str) -> Option<SecondaryDocument> {
    SecondaryDocument::ALL
        .into_iter()
        .find(|d| secondary_id(*d) == id)
}

fn answer(facts: &Facts, name: &str) -> Option<Answer> {
    match facts.get(name)?.as_one()? {
        "yes" => Some(Answer::Yes),
        "no" => Some(Answer::No),
        "unsure" => Some(Answer::Unsure),
        _ => None,
    }
}

fn yes_no(facts: &Facts, name: &str, yes: &str) -> Option<bool> {
    facts.get(name)?.as_one().map(|v| v == yes)
}

fn one(v: &str) -> Fact {
    Fact::One(v.to_string())
}

fn many<'a>(v: impl IntoIterator<Item = &'a str>) -> Fact {
    Fact::Many(v.into_iter().map(str::to_string).collect())
}

/// The document answers as the domain sees them.
pub fn document_set(facts: &Facts) -> DocumentSet {
    let main = match facts.get("main_doc").and_then(Fact::as_one) {
        Some("licence") => Some(MainDocument::DanishDrivingLicence),
        Some("dk_passport") => Some(MainDocument::DanishPassport),
        Some("dk_permit") => Some(MainDocument::DanishResidencePermit),
        _ => None,
    };
    let secondary = match facts.get("docs") {
        Some(Fact::Many(ids)) => ids.iter().filter_map(|id| secondary_from_id(id)).collect(),
        _ => BTreeSet::new(),
    };
    DocumentSet {
        main,
        main_shows_cpr: answer(facts, "main_cpr"),
        secondary,
        personal_certificate_cpr: answer(facts, "personal_cert_cpr"),
        residence_certificate_cpr: answer(facts, "residence_cert_cpr"),
        tax_recent: yes_no(facts, "tax_recent", "yes"),
        benefit_recent: yes_no(facts, "benefit_recent", "yes"),
    }
}

/// The residency answers as the domain sees them.
pub fn residency(facts: &Facts) -> Option<ResidencyFacts> {
    let residence = match facts.get("residence")?.as_one()? {
        "dk" => Residence::Denmark,
        _ => Residence::Abroad,
    };
    let needed_witness_last_time = match facts.get("witness_last").and_then(Fact::as_one) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    Some(ResidencyFacts {
        needed_witness_last_time,
        residence,
        under_five_years_in_denmark: yes_no(facts, "years", "under5"),
        rarely_moved: yes_no(facts, "moved", "rarely"),
        has_children: yes_no(facts, "children", "yes"),
    })
}

fn witness_photo(v: &str) -> Option<WitnessPhotoId> {
    Some(match v {
        "licence" => WitnessPhotoId::DanishDrivingLicence,
        "dk_passport_cpr" => WitnessPhotoId::DanishPassportWithCpr,
        "dk_passport_no_cpr" => WitnessPhotoId::DanishPassportWithoutCpr,
        "permit_cpr" => WitnessPhotoId::ResidencePermitWithCpr,
        "permit_no_cpr" => WitnessPhotoId::ResidencePermitWithoutCpr,
        "foreign_passport" => WitnessPhotoId::ForeignPassport,
        "foreign_id" => WitnessPhotoId::ForeignIdCard,
        _ => return None,
    })
}

/// The appointment, when the citizen told us: the reminders' appointment, else the one
/// given in the witness checker.
pub fn appointment_day(facts: &Facts) -> Option<DateTime<Utc>> {
    facts
        .get("appointment")
        .and_then(Fact::time)
        .or_else(|| facts.get("w_appointment").and_then(Fact::time))
}

/// Adds the derived facts to a copy of `facts`.
/// `now` stands in for the appointment when the citizen has not booked yet.
pub fn with_derived(facts: &Facts, now: DateTime<Utc>, globals: &crate::i18n::Globals) -> Facts {
    let mut out = facts.clone();
    if facts.contains_key("main_doc") {
        let a = assess_documents(&document_set(facts));
        let outcome = match a.outcome {
            DocumentOutcome::Enough => "enough",
            DocumentOutcome::NotEnough => "not_enough",
            DocumentOutcome::MayNotBeEnough => "maybe",
        };
        out.insert("documents".into(), one(outcome));
        if let Some(m) = a.missing {
            out.insert(
                "docs_to_get".into(),
                many(what_to_get(m, home(facts)).into_iter().map(to_get_id)),
            );
            let m = match m {
                Missing::CprDocument => "cpr",
                Missing::PhotoId => "photo",
                Missing::CprDocumentAndPhotoId => "cpr_and_photo",
                Missing::SecondDocument => "second",
            };
            out.insert("documents_missing".into(), one(m));
        }
        out.insert(
            "docs_counted".into(),
            many(a.counted.iter().map(|d| secondary_id(*d))),
        );
        let too_old = a
            .not_counted
            .iter()
            .filter(|(_, why)| *why == NotCounted::TooOld);
        out.insert(
            "docs_too_old".into(),
            many(too_old.map(|(d, _)| secondary_id(*d))),
        );
        let no_cpr = a
            .not_counted
            .iter()
            .filter(|(_, why)| *why == NotCounted::NoCprShown);
        out.insert(
            "docs_no_cpr".into(),
            many(no_cpr.map(|(d, _)| secondary_id(*d))),
        );
    }
    if let Some(r) = residency(facts) {
        let f = forecast_witness(&r);
        let level = match f.likelihood {
            WitnessLikelihood::Unlikely => "unlikely",
            WitnessLikelihood::Likely => "likely",
            WitnessLikelihood::AlmostCertain => "almost_certain",
        };
        out.insert("witness".into(), one(level));
        let reasons = f.reasons.iter().map(|r| match r {
            WitnessReason::NeededLastTime => "last_time",
            WitnessReason::LivesAbroad => "abroad",
            WitnessReason::UnderFiveYears => "under_five",
            WitnessReason::LittleHistory => "little_history",
        });
        out.insert("witness_reason".into(), many(reasons));
    }
    let day = appointment_day(facts);
    out.insert(
        "appointment_known".into(),
        one(if day.is_some() { "yes" } else { "no" }),
    );
    if let Some(day) = day {
        out.insert("appointment_day".into(), Fact::Time(day.timestamp()));
    }
    derive_witness_check(facts, now, &mut out);
    if let Some(at) = facts.get("appointment").and_then(Fact::time) {
        out.insert(
            "appointment_ahead".into(),
            one(if at > now { "yes" } else { "no" }),
        );
    }
    let set = super::reminders::appointment(facts).is_some_and(|at| at > now);
    out.insert("reminder_set".into(), one(if set { "yes" } else { "no" }));
    let planned = super::reminders::plan(facts, globals, now);
    let has = |k| planned.iter().any(|r| r.kind == k);
    use super::reminders::ReminderKind;
    out.insert(
        "remind_evening".into(),
        one(if has(ReminderKind::Evening) {
            "planned"
        } else {
            "none"
        }),
    );
    out.insert(
        "remind_soon".into(),
        one(if has(ReminderKind::Soon) {
            "planned"
        } else {
            "none"
        }),
    );
    out
}

/// The witness checker's verdict so far. It stops at the first condition that fails for
/// good (under 18; 3 or more witnessings), and says "not yet" when only time stands in the
/// way. The appointment: the one given in the checker, else the reminders' one, else now.
fn derive_witness_check(facts: &Facts, now: DateTime<Utc>, out: &mut Facts) {
    let adult = yes_no(facts, "w_adult", "yes");
    if adult == Some(false) {
        out.insert("w_result".into(), one("not_ok"));
        out.insert("w_problem".into(), many(["under18"]));
        return;
    }
    let Some(mitid_since) = facts.get("w_mitid").and_then(Fact::time) else {
        return;
    };
    // The time typed into the checker wins over the reminders' one: it is the time the
    // person asked about now (it may be a new booking).
    let appointment = facts
        .get("w_appointment")
        .and_then(Fact::time)
        .or_else(|| appointment_day(facts));
    let candidate = WitnessCandidate {
        adult: adult.unwrap_or(false),
        mitid_since,
        witnessed_last_120_days: facts
            .get("w_count")
            .and_then(Fact::as_one)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0),
        photo_id: facts
            .get("w_photo")
            .and_then(Fact::as_one)
            .and_then(witness_photo),
    };
    // Without a booked time, the check is as of now; the texts then say from when the
    // witness can serve, so the citizen books after that.
    let check = check_witness(&candidate, appointment.unwrap_or(now));
    let lasting: Vec<&str> = check
        .problems
        .iter()
        .filter_map(|p| match p {
            WitnessProblem::Under18 => Some("under18"),
            WitnessProblem::TooManyWitnessings => Some("too_many"),
            WitnessProblem::MitIdTooRecent { .. } => None,
        })
        .collect();
    let result = if !lasting.is_empty() {
        "not_ok"
    } else if check.qualifies() {
        "ok"
    } else {
        "not_yet"
    };
    out.insert("w_result".into(), one(result));
    out.insert("w_problem".into(), many(lasting));
    out.insert(
        "w_needs_cpr_doc".into(),
        one(if check.needs_cpr_document {
            "yes"
        } else {
            "no"
        }),
    );
    out.insert(
        "w_eligible".into(),
        Fact::Time(check.eligible_from.timestamp()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
    }

    fn facts(pairs: &[(&str, &str)]) -> Facts {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Fact::One(v.to_string())))
            .collect()
    }

    /// Every value `with_derived` writes is in the table `check` reads.
    fn assert_in_table(out: &Facts) {
        for (name, fact) in out {
            let Some(kind) = derived_kind(name) else {
                continue;
            };
            match (kind, fact) {
                (FactKind::One(values), Fact::One(v)) => {
                    assert!(values.contains(&v.as_str()), "{name} = {v} not in DERIVED")
                }
                (FactKind::Many(values), Fact::Many(set)) => {
                    for v in set {
                        assert!(
                            values.contains(&v.as_str()),
                            "{name} has {v}, not in DERIVED"
                        )
                    }
                }
                (FactKind::Time, Fact::Time(_)) => {}
                (kind, fact) => panic!("{name} is {fact:?}, but DERIVED says {kind:?}"),
            }
        }
    }

    #[test]
    fn to_get_ids_are_the_table_s() {
        let ids: BTreeSet<&str> = to_get_ids().collect();
        assert_eq!(ids, TO_GET_IDS.iter().copied().collect());
    }

    #[test]
    fn secondary_ids_are_the_table_s() {
        let ids: Vec<&str> = SecondaryDocument::ALL
            .iter()
            .map(|d| secondary_id(*d))
            .collect();
        assert_eq!(ids, SECONDARY_IDS);
    }

    #[test]
    fn derived_values_are_all_in_the_table() {
        let g = crate::i18n::Globals::default();
        let mains = ["licence", "dk_passport", "dk_permit", "none"];
        let answers = ["yes", "no", "unsure"];
        for main in mains {
            for a in answers {
                for (i, d) in SECONDARY_IDS.iter().enumerate() {
                    for e in &SECONDARY_IDS[i..] {
                        let mut f = facts(&[
                            ("main_doc", main),
                            ("main_cpr", a),
                            ("personal_cert_cpr", a),
                            ("residence_cert_cpr", a),
                            ("tax_recent", if a == "yes" { "yes" } else { "no" }),
                            ("benefit_recent", a),
                            ("residence", "abroad"),
                            ("witness_last", a),
                        ]);
                        f.insert("docs".into(), many([*d, *e]));
                        assert_in_table(&with_derived(&f, now(), &g));
                    }
                }
            }
        }
        for (residence, years, moved, children) in [
            ("dk", "under5", "rarely", "no"),
            ("dk", "5plus", "several", "yes"),
            ("cross_border", "5plus", "rarely", "no"),
        ] {
            let f = facts(&[
                ("residence", residence),
                ("years", years),
                ("moved", moved),
                ("children", children),
            ]);
            assert_in_table(&with_derived(&f, now(), &g));
        }
    }

    fn witness(adult: &str, mitid_days_ago: i64, count: &str) -> Facts {
        let mut f = facts(&[
            ("w_adult", adult),
            ("w_count", count),
            ("w_photo", "licence"),
        ]);
        f.insert(
            "w_mitid".into(),
            Fact::Time((now() - chrono::Duration::days(mitid_days_ago)).timestamp()),
        );
        f
    }

    /// Jonas (the personas' walk, 2026-12-08): a reminder for 9 December, and in the checker
    /// a new time, 8 December 13:00, at which his colleague has had MitID for 719 hours.
    /// The checker judges the time typed into it: not yet, not the reminders' "✅".
    #[test]
    fn the_checker_judges_the_appointment_typed_into_it_not_the_reminders_one() {
        let mut f = witness("yes", 0, "0");
        let mitid = Utc.with_ymd_and_hms(2026, 11, 8, 13, 0, 0).unwrap();
        f.insert("w_mitid".into(), Fact::Time(mitid.timestamp()));
        let reminder = Utc.with_ymd_and_hms(2026, 12, 9, 7, 30, 0).unwrap();
        f.insert("appointment".into(), Fact::Time(reminder.timestamp()));
        let typed = Utc.with_ymd_and_hms(2026, 12, 8, 12, 0, 0).unwrap();
        f.insert("w_appointment".into(), Fact::Time(typed.timestamp()));
        let out = with_derived(&f, mitid, &crate::i18n::Globals::default());
        assert_eq!(one_of(&out, "w_result"), Some("not_yet"));
        f.remove("w_appointment");
        let out = with_derived(&f, mitid, &crate::i18n::Globals::default());
        assert_eq!(
            one_of(&out, "w_result"),
            Some("ok"),
            "the reminders' day, 31 days on"
        );
    }

    fn one_of<'a>(f: &'a Facts, k: &str) -> Option<&'a str> {
        f.get(k).and_then(Fact::as_one)
    }

    #[test]
    fn a_witness_under_18_is_refused_before_anything_else_is_asked() {
        let out = with_derived(
            &facts(&[("w_adult", "no")]),
            now(),
            &crate::i18n::Globals::default(),
        );
        assert_eq!(one_of(&out, "w_result"), Some("not_ok"));
        assert_eq!(out.get("w_problem"), Some(&many(["under18"])));
        assert_in_table(&out);
    }

    #[test]
    fn a_witness_whose_mitid_is_too_new_is_not_yet_a_witness() {
        let g = crate::i18n::Globals::default();
        let out = with_derived(&witness("yes", 10, "0"), now(), &g);
        assert_eq!(one_of(&out, "w_result"), Some("not_yet"));
        assert_eq!(out.get("w_problem"), Some(&many([])));
        let eligible = out.get("w_eligible").and_then(Fact::time);
        assert_eq!(eligible, Some(now() + chrono::Duration::days(20)));
        // Too many witnessings is not fixed by time: refused.
        let out = with_derived(&witness("yes", 10, "3"), now(), &g);
        assert_eq!(one_of(&out, "w_result"), Some("not_ok"));
        assert_eq!(out.get("w_problem"), Some(&many(["too_many"])));
        let out = with_derived(&witness("yes", 40, "2"), now(), &g);
        assert_eq!(one_of(&out, "w_result"), Some("ok"));
    }

    #[test]
    fn the_reminders_appointment_is_the_day_the_witness_is_judged_on() {
        let g = crate::i18n::Globals::default();
        let mut f = witness("yes", 10, "0");
        // Booked 25 days from now: the witness has had MitID for 35 days by then.
        let appointment = now() + chrono::Duration::days(25);
        f.insert("appointment".into(), Fact::Time(appointment.timestamp()));
        let out = with_derived(&f, now(), &g);
        assert_eq!(one_of(&out, "w_result"), Some("ok"));
        assert_eq!(one_of(&out, "appointment_known"), Some("yes"));
        assert_eq!(
            out.get("appointment_day").and_then(Fact::time),
            Some(appointment)
        );
        let out = with_derived(&witness("yes", 10, "0"), now(), &g);
        assert_eq!(one_of(&out, "appointment_known"), Some("no"));
    }
}
