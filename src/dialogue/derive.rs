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

/// Facts computed here; the flow may test them but no answer may set them.
pub const DERIVED_FACTS: &[&str] = &[
    "documents",
    "documents_missing",
    "docs_to_get",
    "docs_counted",
    "docs_too_old",
    "docs_no_cpr",
    "witness",
    "witness_reason",
    "w_result",
    "w_problem",
    "w_needs_cpr_doc",
    "w_eligible_from",
    "appointment_ahead",
    "remind_evening",
    "remind_soon",
];

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
    derive_witness_check(facts, now, &mut out);
    if let Some(at) = facts.get("appointment").and_then(Fact::time) {
        out.insert(
            "appointment_ahead".into(),
            one(if at > now { "yes" } else { "no" }),
        );
    }
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

fn derive_witness_check(facts: &Facts, now: DateTime<Utc>, out: &mut Facts) {
    let Some(mitid_since) = facts.get("w_mitid").and_then(Fact::time) else {
        return;
    };
    let appointment: Option<DateTime<Utc>> = facts.get("w_appointment").and_then(Fact::time);
    let candidate = WitnessCandidate {
        adult: yes_no(facts, "w_adult", "yes").unwrap_or(false),
        mitid_since,
        witnessed_last_120_days: facts
            .get("w_count")
            .and_then(Fact::as_one)
            .and_then(|c| c.parse().ok())
            .unwrap_or(3),
        photo_id: facts
            .get("w_photo")
            .and_then(Fact::as_one)
            .and_then(witness_photo),
    };
    // Without a booked time, the check is as of now; the texts then say from when the
    // witness can serve, so the citizen books after that.
    let check = check_witness(&candidate, appointment.unwrap_or(now));
    out.insert(
        "w_result".into(),
        one(if check.qualifies() { "ok" } else { "not_ok" }),
    );
    let problems = check.problems.iter().map(|p| match p {
        WitnessProblem::Under18 => "under18",
        WitnessProblem::MitIdTooRecent { .. } => "too_recent",
        WitnessProblem::TooManyWitnessings => "too_many",
    });
    out.insert("w_problem".into(), many(problems));
    out.insert(
        "w_needs_cpr_doc".into(),
        one(if check.needs_cpr_document {
            "yes"
        } else {
            "no"
        }),
    );
    out.insert(
        "w_eligible_from".into(),
        Fact::Time(check.eligible_from.timestamp()),
    );
}
