//! The citizen's identity documents: are they enough to get MitID at the counter?
//!
//! Source for everything here: mitid-rules.md §1 (the municipality's seed page checked against
//! mitid.dk, "MitID and documentation"). Where the two differ, the rules file's decisions apply,
//! and where a case is open the safer advice wins: bring one document more.
//!
//! Must not: decide what to say. It returns the outcome, what is missing and which documents
//! counted; the dialogue layer words it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// A Danish document that is enough on its own (mitid-rules.md §1.A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MainDocument {
    /// Danish or Greenlandic driving licence, card or the driving-licence app. Always enough.
    DanishDrivingLicence,
    /// Danish, Greenlandic or Faroese passport. Enough only if it shows the CPR number
    /// (mitid.dk adds that condition; the seed page does not).
    DanishPassport,
    /// Residence permit/card with photo, issued in Denmark. Enough only if it shows the CPR
    /// number (mitid.dk).
    DanishResidencePermit,
}

impl MainDocument {
    /// True if the bot must ask whether this document shows the CPR number
    /// (mitid-rules.md §1.A, decision). The driving licence always counts.
    pub fn asks_about_cpr(self) -> bool {
        !matches!(self, MainDocument::DanishDrivingLicence)
    }
}

/// A document of the second route: two of these can be enough (mitid-rules.md §1.B, table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SecondaryDocument {
    /// The yellow health card (sundhedskort), physical or app. CPR, no photo.
    YellowCard,
    /// Special health card for cross-border workers (særligt sundhedskort). CPR, no photo.
    SpecialHealthCard,
    /// Personal or birth/baptism certificate from DK/Greenland (personattest). CPR usually:
    /// the bot asks.
    PersonalCertificate,
    /// Residence certificate from DK/Greenland (bopælsattest). CPR usually: the bot asks.
    ResidenceCertificate,
    /// National ID card or driving licence from the home country. Photo, no CPR.
    ForeignIdOrLicence,
    /// Passport from another country. Photo, no CPR.
    ForeignPassport,
    /// Municipal ID card (legitimationskort). CPR and photo.
    MunicipalIdCard,
    /// Danish passport or residence permit without the CPR number. Photo, no CPR.
    DanishIdWithoutCpr,
    /// Danish tax papers (annual statement for last year or preliminary assessment for this
    /// year), at most 3 months old. CPR, no photo.
    TaxStatement,
    /// Documentation of public benefits (e.g. SU), at most 3 months old. CPR, no photo.
    BenefitStatement,
}

impl SecondaryDocument {
    /// Every second-route document, in the order of the rules table.
    pub const ALL: [SecondaryDocument; 10] = [
        SecondaryDocument::YellowCard,
        SecondaryDocument::SpecialHealthCard,
        SecondaryDocument::PersonalCertificate,
        SecondaryDocument::ResidenceCertificate,
        SecondaryDocument::ForeignIdOrLicence,
        SecondaryDocument::ForeignPassport,
        SecondaryDocument::MunicipalIdCard,
        SecondaryDocument::DanishIdWithoutCpr,
        SecondaryDocument::TaxStatement,
        SecondaryDocument::BenefitStatement,
    ];

    /// True if this kind of document always shows the CPR number (mitid-rules.md §1.B table).
    ///
    /// False for the two certificates: they "usually" show it, so whether one counts as a CPR
    /// document depends on the citizen's answer (see [`SecondaryDocument::asks_about_cpr`]).
    pub fn shows_cpr(self) -> bool {
        use SecondaryDocument::*;
        match self {
            YellowCard | SpecialHealthCard | MunicipalIdCard | TaxStatement | BenefitStatement => {
                true
            }
            PersonalCertificate | ResidenceCertificate => false,
            ForeignIdOrLicence | ForeignPassport | DanishIdWithoutCpr => false,
        }
    }

    /// True if this document has a photo of the holder (mitid-rules.md §1.B table).
    pub fn has_photo(self) -> bool {
        use SecondaryDocument::*;
        matches!(
            self,
            ForeignIdOrLicence | ForeignPassport | MunicipalIdCard | DanishIdWithoutCpr
        )
    }

    /// True if the bot asks whether this paper shows the CPR number ("usually" in the table).
    pub fn asks_about_cpr(self) -> bool {
        matches!(
            self,
            SecondaryDocument::PersonalCertificate | SecondaryDocument::ResidenceCertificate
        )
    }

    /// True if this paper counts only when at most 3 months old on the day of the appointment
    /// (mitid-rules.md §1.B: the bot asks it as a yes/no question about that day).
    pub fn must_be_recent(self) -> bool {
        matches!(
            self,
            SecondaryDocument::TaxStatement | SecondaryDocument::BenefitStatement
        )
    }
}

/// A yes/no question the citizen may not be able to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    No,
    Unsure,
}

/// What the citizen told the bot about their documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentSet {
    /// The one document of §1.A they have, if any.
    pub main: Option<MainDocument>,
    /// Does the passport / permit show the CPR number? Only asked for those two; the licence
    /// always counts. `None` (not asked) is read as unsure.
    pub main_shows_cpr: Option<Answer>,
    /// The second-route documents they ticked.
    pub secondary: BTreeSet<SecondaryDocument>,
    /// Does the personal certificate show the CPR number? Asked when it is ticked.
    pub personal_certificate_cpr: Option<Answer>,
    /// Does the residence certificate show the CPR number? Asked when it is ticked.
    pub residence_certificate_cpr: Option<Answer>,
    /// Will the tax paper be at most 3 months old on the day of the appointment? `None` or
    /// `Some(false)`: it does not count.
    pub tax_recent: Option<bool>,
    /// Will the benefit paper be at most 3 months old on the day of the appointment? `None`
    /// or `Some(false)`: it does not count.
    pub benefit_recent: Option<bool>,
}

/// The three outcomes of mitid-rules.md §1.B ("three outcomes, not two").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DocumentOutcome {
    /// They can come with what they have.
    Enough,
    /// They must get another document first.
    NotEnough,
    /// Two CPR documents but no photo: bring a photo ID if they have one, or call.
    MayNotBeEnough,
}

/// What the citizen should get or bring when their documents are not (surely) enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Missing {
    /// A document showing the CPR number (yellow card, special health card, tax statement).
    CprDocument,
    /// A document with a photo.
    PhotoId,
    /// Both: a CPR document and a photo ID.
    CprDocumentAndPhotoId,
    /// Any second document: the one they have shows both CPR and photo (municipal ID card).
    SecondDocument,
}

/// Why a ticked document does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NotCounted {
    /// A tax or benefit paper not known to be at most 3 months old on the day of the
    /// appointment (answered no, or not answered).
    TooOld,
    /// A certificate not known to show the CPR number (answered no or unsure, or not asked).
    /// It has no photo either, so it adds nothing to the second route; see
    /// [`assess_documents`] for why it is not counted as a document at all.
    NoCprShown,
}

/// The verdict on a [`DocumentSet`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentAssessment {
    pub outcome: DocumentOutcome,
    /// `None` when the outcome is [`DocumentOutcome::Enough`].
    pub missing: Option<Missing>,
    /// The documents of the second route that count, in [`SecondaryDocument::ALL`] order.
    /// A Danish passport or permit without a confirmed CPR number appears here as
    /// [`SecondaryDocument::DanishIdWithoutCpr`]. Filled even when a main document is enough
    /// on its own, so a checklist can mention them as a backup.
    pub counted: Vec<SecondaryDocument>,
    /// Ticked documents that do not count, and why, in [`SecondaryDocument::ALL`] order.
    pub not_counted: Vec<(SecondaryDocument, NotCounted)>,
}

/// Decides whether the citizen's documents are enough (mitid-rules.md §1, with its decisions).
///
/// - A Danish driving licence is enough (§1.A).
/// - A Danish passport or residence permit is enough when it shows the CPR number
///   (`main_shows_cpr == Some(Answer::Yes)`; mitid.dk's condition). Otherwise (no, unsure,
///   not asked) it counts in the second route as [`SecondaryDocument::DanishIdWithoutCpr`]:
///   a photo, no CPR. Ticking `DanishIdWithoutCpr` as well does not make it two documents:
///   we cannot tell whether it is the same passport, and the safer advice is to assume so.
/// - Second route (§1.B, decision following mitid.dk's "photo ID combined with a CPR
///   document"), over the documents that count:
///   - two or more, at least one with the CPR number and at least one with a photo: enough;
///   - two or more with the CPR number, none with a photo: may not be enough, bring a photo ID;
///   - none with the CPR number: not enough (missing a CPR document, and a photo ID if none
///     has a photo);
///   - exactly one: not enough, missing what it lacks (a second document if it has both, as
///     the municipal ID card does; the seed page says "always bring 2 documents");
///   - none: not enough, missing a CPR document and a photo ID.
/// - Tax and benefit papers count only when known to be at most 3 months old on the day
///   of the appointment.
/// - A certificate counts as a CPR document only when the citizen answered yes. Otherwise it
///   is not counted at all: with neither CPR nor photo it could only ever fill the "two
///   documents" count, and letting it do so (e.g. municipal ID card + a certificate of unknown
///   content) would call something enough that mitid.dk's "photo ID + CPR document" reading
///   does not support. Not counting it is the safer advice and is never less strict.
pub fn assess_documents(set: &DocumentSet) -> DocumentAssessment {
    let (counted, not_counted) = second_route_documents(set);

    let main_enough = match set.main {
        Some(MainDocument::DanishDrivingLicence) => true,
        Some(MainDocument::DanishPassport | MainDocument::DanishResidencePermit) => {
            set.main_shows_cpr == Some(Answer::Yes)
        }
        None => false,
    };
    let (outcome, missing) = if main_enough {
        (DocumentOutcome::Enough, None)
    } else {
        second_route_outcome(set, &counted)
    };

    DocumentAssessment {
        outcome,
        missing,
        counted,
        not_counted,
    }
}

/// Splits the ticked documents (plus a main document that does not suffice on its own) into
/// those that count in the second route and those that do not.
fn second_route_documents(
    set: &DocumentSet,
) -> (Vec<SecondaryDocument>, Vec<(SecondaryDocument, NotCounted)>) {
    let main_without_cpr = matches!(
        set.main,
        Some(MainDocument::DanishPassport | MainDocument::DanishResidencePermit)
    ) && set.main_shows_cpr != Some(Answer::Yes);

    let mut counted = Vec::new();
    let mut not_counted = Vec::new();
    for document in SecondaryDocument::ALL {
        let ticked = set.secondary.contains(&document)
            || (document == SecondaryDocument::DanishIdWithoutCpr && main_without_cpr);
        if !ticked {
            continue;
        }
        match reason_not_counted(set, document) {
            Some(reason) => not_counted.push((document, reason)),
            None => counted.push(document),
        }
    }
    (counted, not_counted)
}

/// Why a ticked second-route document does not count, if it does not.
fn reason_not_counted(set: &DocumentSet, document: SecondaryDocument) -> Option<NotCounted> {
    let recent = match document {
        SecondaryDocument::TaxStatement => set.tax_recent,
        SecondaryDocument::BenefitStatement => set.benefit_recent,
        _ => Some(true),
    };
    if recent != Some(true) {
        return Some(NotCounted::TooOld);
    }
    if document.asks_about_cpr() && !certificate_shows_cpr(set, document) {
        return Some(NotCounted::NoCprShown);
    }
    None
}

/// Does this document show the CPR number, given what the citizen answered?
fn certificate_shows_cpr(set: &DocumentSet, document: SecondaryDocument) -> bool {
    let answer = match document {
        SecondaryDocument::PersonalCertificate => set.personal_certificate_cpr,
        SecondaryDocument::ResidenceCertificate => set.residence_certificate_cpr,
        _ => return document.shows_cpr(),
    };
    answer == Some(Answer::Yes)
}

/// The second-route verdict over the documents that count (see [`assess_documents`]).
fn second_route_outcome(
    set: &DocumentSet,
    counted: &[SecondaryDocument],
) -> (DocumentOutcome, Option<Missing>) {
    let with_cpr = counted
        .iter()
        .filter(|&&document| certificate_shows_cpr(set, document))
        .count();
    let with_photo = counted
        .iter()
        .filter(|document| document.has_photo())
        .count();

    match (counted.len(), with_cpr, with_photo) {
        (0, _, _) => (
            DocumentOutcome::NotEnough,
            Some(Missing::CprDocumentAndPhotoId),
        ),
        (1, 1, 1) => (DocumentOutcome::NotEnough, Some(Missing::SecondDocument)),
        (1, 1, _) => (DocumentOutcome::NotEnough, Some(Missing::PhotoId)),
        (1, _, 1) => (DocumentOutcome::NotEnough, Some(Missing::CprDocument)),
        (1, _, _) => (
            DocumentOutcome::NotEnough,
            Some(Missing::CprDocumentAndPhotoId),
        ),
        (_, 0, 0) => (
            DocumentOutcome::NotEnough,
            Some(Missing::CprDocumentAndPhotoId),
        ),
        (_, 0, _) => (DocumentOutcome::NotEnough, Some(Missing::CprDocument)),
        (_, _, 0) if with_cpr >= 2 => (DocumentOutcome::MayNotBeEnough, Some(Missing::PhotoId)),
        // One CPR document plus one with neither: cannot happen while such papers are not
        // counted, but if it did, it is not even the two-CPR-documents case.
        (_, _, 0) => (DocumentOutcome::NotEnough, Some(Missing::PhotoId)),
        _ => (DocumentOutcome::Enough, None),
    }
}

/// Where the citizen lives, as far as the document they can get depends on it
/// (mitid-rules.md §1, "When it is not enough, say what to get").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Home {
    Denmark,
    /// Lives abroad and works in Denmark (e.g. lives in Germany): a cross-border worker.
    AbroadWorkingInDenmark,
    /// Lives abroad and does not work in Denmark.
    AbroadNotWorkingInDenmark,
}

/// Something to get before booking, because the documents are not enough without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ToGet {
    /// The yellow health card, as a card: the municipality issues it. The app version counts
    /// too, but it needs MitID to open, so a first-timer cannot show it (mitid-rules.md §1,
    /// "Documents on a phone").
    YellowCard,
    /// The special health card for people who live abroad and work in Denmark.
    SpecialHealthCard,
    /// A statement from the Danish tax authority (annual statement or preliminary
    /// assessment), at most 3 months old on the day of the appointment.
    TaxStatement,
    /// No card fits where they live: ask Borgerservice which CPR document they can get.
    AskWhichCprDocument,
    /// A valid photo ID: a passport or national ID card (not a temporary one).
    PhotoId,
    /// Any second document from the list: the one they have shows both CPR and photo.
    SecondDocument,
}

impl ToGet {
    pub const ALL: [ToGet; 6] = [
        ToGet::YellowCard,
        ToGet::SpecialHealthCard,
        ToGet::TaxStatement,
        ToGet::AskWhichCprDocument,
        ToGet::PhotoId,
        ToGet::SecondDocument,
    ];
}

/// What to get before booking, best first (mitid-rules.md §1, "When it is not enough, say
/// what to get"; seed page FAQ).
///
/// A missing CPR document: lives in Denmark, the yellow health card; lives abroad and works
/// in Denmark, the special health card; lives abroad otherwise (or not said), ask
/// Borgerservice. In every case, or a current statement from the tax authority. A missing
/// photo: a passport or national ID card. The citizen gets these *before* booking: an
/// appointment without them ends without MitID.
pub fn what_to_get(missing: Missing, home: Option<Home>) -> Vec<ToGet> {
    let cpr = || {
        let card = match home {
            Some(Home::Denmark) => ToGet::YellowCard,
            Some(Home::AbroadWorkingInDenmark) => ToGet::SpecialHealthCard,
            Some(Home::AbroadNotWorkingInDenmark) | None => ToGet::AskWhichCprDocument,
        };
        vec![card, ToGet::TaxStatement]
    };
    match missing {
        Missing::CprDocument => cpr(),
        Missing::CprDocumentAndPhotoId => {
            let mut v = cpr();
            v.push(ToGet::PhotoId);
            v
        }
        Missing::PhotoId => vec![ToGet::PhotoId],
        Missing::SecondDocument => vec![ToGet::SecondDocument],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::*;
    use DocumentOutcome::*;
    use MainDocument::*;
    use SecondaryDocument::*;

    fn set(
        main: Option<MainDocument>,
        main_cpr: Option<Answer>,
        secondary: &[SecondaryDocument],
    ) -> DocumentSet {
        DocumentSet {
            main,
            main_shows_cpr: main_cpr,
            secondary: secondary.iter().copied().collect(),
            personal_certificate_cpr: None,
            residence_certificate_cpr: None,
            tax_recent: Some(true),
            benefit_recent: Some(true),
        }
    }

    #[test]
    fn table_of_the_rules_file() {
        use SecondaryDocument as S;
        // (document, shows CPR without asking, photo), exactly as the §1.B table.
        let table = [
            (S::YellowCard, true, false),
            (S::SpecialHealthCard, true, false),
            (S::PersonalCertificate, false, false),
            (S::ResidenceCertificate, false, false),
            (S::ForeignIdOrLicence, false, true),
            (S::ForeignPassport, false, true),
            (S::MunicipalIdCard, true, true),
            (S::DanishIdWithoutCpr, false, true),
            (S::TaxStatement, true, false),
            (S::BenefitStatement, true, false),
        ];
        assert_eq!(table.map(|row| row.0), SecondaryDocument::ALL);
        for (document, cpr, photo) in table {
            assert_eq!(document.shows_cpr(), cpr, "{document:?}");
            assert_eq!(document.has_photo(), photo, "{document:?}");
        }
        assert!(PersonalCertificate.asks_about_cpr() && ResidenceCertificate.asks_about_cpr());
        assert!(TaxStatement.must_be_recent() && BenefitStatement.must_be_recent());
        assert!(!DanishDrivingLicence.asks_about_cpr());
        assert!(DanishPassport.asks_about_cpr() && DanishResidencePermit.asks_about_cpr());
    }

    #[test]
    fn outcomes_a_citizen_gets() {
        // (what they have, outcome, missing)
        let cases: Vec<(DocumentSet, DocumentOutcome, Option<Missing>)> = vec![
            // §1.A: enough on its own.
            (set(Some(DanishDrivingLicence), None, &[]), Enough, None),
            (set(Some(DanishDrivingLicence), Some(No), &[]), Enough, None),
            (set(Some(DanishPassport), Some(Yes), &[]), Enough, None),
            (
                set(Some(DanishResidencePermit), Some(Yes), &[]),
                Enough,
                None,
            ),
            // Passport or permit without (known) CPR: a photo ID, nothing more.
            (
                set(Some(DanishPassport), Some(Unsure), &[]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                set(Some(DanishPassport), Some(No), &[]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                set(Some(DanishPassport), None, &[]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                set(Some(DanishResidencePermit), Some(No), &[YellowCard]),
                Enough,
                None,
            ),
            (
                set(Some(DanishPassport), Some(Unsure), &[DanishIdWithoutCpr]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            // §1.B: photo ID + CPR document.
            (
                set(None, None, &[ForeignPassport, YellowCard]),
                Enough,
                None,
            ),
            (
                set(None, None, &[ForeignIdOrLicence, SpecialHealthCard]),
                Enough,
                None,
            ),
            (
                set(None, None, &[ForeignPassport, TaxStatement]),
                Enough,
                None,
            ),
            (
                set(None, None, &[DanishIdWithoutCpr, BenefitStatement]),
                Enough,
                None,
            ),
            (
                set(None, None, &[MunicipalIdCard, YellowCard]),
                Enough,
                None,
            ),
            (
                set(None, None, &[MunicipalIdCard, ForeignPassport]),
                Enough,
                None,
            ),
            // Two CPR documents, no photo: may not be enough.
            (
                set(None, None, &[YellowCard, TaxStatement]),
                MayNotBeEnough,
                Some(Missing::PhotoId),
            ),
            (
                set(
                    None,
                    None,
                    &[YellowCard, SpecialHealthCard, BenefitStatement],
                ),
                MayNotBeEnough,
                Some(Missing::PhotoId),
            ),
            // Two documents, none showing the CPR number: not enough.
            (
                set(None, None, &[ForeignPassport, ForeignIdOrLicence]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                set(Some(DanishPassport), Some(No), &[ForeignPassport]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            // Exactly one document: say what it lacks.
            (
                set(None, None, &[YellowCard]),
                NotEnough,
                Some(Missing::PhotoId),
            ),
            (
                set(None, None, &[ForeignPassport]),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                set(None, None, &[MunicipalIdCard]),
                NotEnough,
                Some(Missing::SecondDocument),
            ),
            // Nothing at all.
            (
                set(None, None, &[]),
                NotEnough,
                Some(Missing::CprDocumentAndPhotoId),
            ),
        ];
        for (documents, outcome, missing) in cases {
            let assessment = assess_documents(&documents);
            assert_eq!(
                (assessment.outcome, assessment.missing),
                (outcome, missing),
                "{documents:?}"
            );
        }
    }

    #[test]
    fn danish_passport_without_cpr_and_residence_certificate_with_cpr_is_enough() {
        let mut documents = set(Some(DanishPassport), Some(No), &[ResidenceCertificate]);
        documents.residence_certificate_cpr = Some(Yes);
        let assessment = assess_documents(&documents);
        assert_eq!(assessment.outcome, Enough);
        assert_eq!(
            assessment.counted,
            vec![ResidenceCertificate, DanishIdWithoutCpr]
        );
        assert_eq!(assessment.not_counted, vec![]);
    }

    #[test]
    fn certificates_count_as_cpr_documents_only_when_the_citizen_says_yes() {
        for (certificate, answer, outcome, missing) in [
            (PersonalCertificate, Some(Yes), Enough, None),
            (
                PersonalCertificate,
                Some(Unsure),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                PersonalCertificate,
                Some(No),
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (
                PersonalCertificate,
                None,
                NotEnough,
                Some(Missing::CprDocument),
            ),
            (ResidenceCertificate, Some(Yes), Enough, None),
            (
                ResidenceCertificate,
                Some(Unsure),
                NotEnough,
                Some(Missing::CprDocument),
            ),
        ] {
            let mut documents = set(None, None, &[ForeignPassport, certificate]);
            documents.personal_certificate_cpr = answer;
            documents.residence_certificate_cpr = answer;
            let assessment = assess_documents(&documents);
            assert_eq!(
                (assessment.outcome, assessment.missing),
                (outcome, missing),
                "{certificate:?} {answer:?}"
            );
            if answer == Some(Yes) {
                assert_eq!(assessment.not_counted, vec![]);
            } else {
                assert_eq!(
                    assessment.not_counted,
                    vec![(certificate, NotCounted::NoCprShown)]
                );
                assert_eq!(assessment.counted, vec![ForeignPassport]);
            }
        }
    }

    #[test]
    fn a_certificate_of_unknown_content_is_not_a_second_document() {
        // The municipal ID card has CPR and photo; an unsure certificate adds nothing.
        let mut documents = set(None, None, &[MunicipalIdCard, PersonalCertificate]);
        documents.personal_certificate_cpr = Some(Unsure);
        let assessment = assess_documents(&documents);
        assert_eq!(
            (assessment.outcome, assessment.missing),
            (NotEnough, Some(Missing::SecondDocument))
        );
    }

    #[test]
    fn tax_and_benefit_papers_older_than_three_months_do_not_count() {
        for recent in [Some(false), None] {
            let mut documents = set(
                None,
                None,
                &[ForeignPassport, TaxStatement, BenefitStatement],
            );
            documents.tax_recent = recent;
            documents.benefit_recent = recent;
            let assessment = assess_documents(&documents);
            assert_eq!(
                (assessment.outcome, assessment.missing),
                (NotEnough, Some(Missing::CprDocument)),
                "recent: {recent:?}"
            );
            assert_eq!(assessment.counted, vec![ForeignPassport]);
            assert_eq!(
                assessment.not_counted,
                vec![
                    (TaxStatement, NotCounted::TooOld),
                    (BenefitStatement, NotCounted::TooOld)
                ]
            );
        }

        // Old tax papers + yellow card: only the yellow card counts.
        let mut documents = set(None, None, &[YellowCard, TaxStatement]);
        documents.tax_recent = Some(false);
        let assessment = assess_documents(&documents);
        assert_eq!(
            (assessment.outcome, assessment.missing),
            (NotEnough, Some(Missing::PhotoId))
        );

        // Only the benefit paper is recent.
        let mut documents = set(
            None,
            None,
            &[ForeignPassport, TaxStatement, BenefitStatement],
        );
        documents.tax_recent = Some(false);
        let assessment = assess_documents(&documents);
        assert_eq!(assessment.outcome, Enough);
        assert_eq!(assessment.counted, vec![ForeignPassport, BenefitStatement]);
    }

    #[test]
    fn counted_documents_are_listed_even_when_a_main_document_is_enough() {
        let mut documents = set(
            Some(DanishDrivingLicence),
            None,
            &[YellowCard, TaxStatement],
        );
        documents.tax_recent = Some(false);
        let assessment = assess_documents(&documents);
        assert_eq!(assessment.outcome, Enough);
        assert_eq!(assessment.missing, None);
        assert_eq!(assessment.counted, vec![YellowCard]);
        assert_eq!(
            assessment.not_counted,
            vec![(TaxStatement, NotCounted::TooOld)]
        );

        // A passport that shows the CPR number is not also a "without CPR" document.
        let assessment = assess_documents(&set(Some(DanishPassport), Some(Yes), &[]));
        assert_eq!(assessment.counted, vec![]);
    }

    #[test]
    fn every_pair_of_documents_follows_the_decision() {
        // Property over all pairs (answers "yes"/"recent" everywhere): enough exactly when
        // one shows the CPR number and one has a photo.
        for a in SecondaryDocument::ALL {
            for b in SecondaryDocument::ALL {
                if a >= b {
                    continue;
                }
                let mut documents = set(None, None, &[a, b]);
                documents.personal_certificate_cpr = Some(Yes);
                documents.residence_certificate_cpr = Some(Yes);
                let cpr = |d: SecondaryDocument| d.shows_cpr() || d.asks_about_cpr();
                let expected = if (cpr(a) || cpr(b)) && (a.has_photo() || b.has_photo()) {
                    Enough
                } else if cpr(a) && cpr(b) {
                    MayNotBeEnough
                } else {
                    NotEnough
                };
                assert_eq!(
                    assess_documents(&documents).outcome,
                    expected,
                    "{a:?} + {b:?}"
                );
            }
        }
    }

    #[test]
    fn what_to_get_depends_on_where_the_citizen_lives_and_what_is_missing() {
        use ToGet::*;
        let cases = [
            (
                Missing::CprDocument,
                Some(Home::Denmark),
                vec![YellowCard, TaxStatement],
            ),
            (
                Missing::CprDocument,
                Some(Home::AbroadWorkingInDenmark),
                vec![SpecialHealthCard, TaxStatement],
            ),
            (
                Missing::CprDocument,
                Some(Home::AbroadNotWorkingInDenmark),
                vec![AskWhichCprDocument, TaxStatement],
            ),
            (
                Missing::CprDocument,
                None,
                vec![AskWhichCprDocument, TaxStatement],
            ),
            (
                Missing::CprDocumentAndPhotoId,
                Some(Home::Denmark),
                vec![YellowCard, TaxStatement, PhotoId],
            ),
            (Missing::PhotoId, Some(Home::Denmark), vec![PhotoId]),
            (Missing::SecondDocument, None, vec![SecondDocument]),
        ];
        for (missing, home, expected) in cases {
            assert_eq!(what_to_get(missing, home), expected, "{missing:?} {home:?}");
        }
    }
}
