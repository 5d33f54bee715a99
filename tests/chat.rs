//! The terminal chat as a newcomer uses it: the built binary, a whole session piped in,
//! start to checklist, in each language.

use mitid_bot::check;
use mitid_bot::content::ContentSource;
use mitid_bot::i18n::{Globals, Lang, Msg};

mod support;

fn chat(args: &[&str], input: &str) -> (String, String, i32) {
    support::binary::run(args, input, None)
}

/// Has lived in Denmark for two years, has a passport from another country and a
/// certificate of residence that shows the CPR number, no phone that can read a passport's
/// chip, wants a code display.
const PERSONA: &str = "\
1
1
3
1
5
4
4
5
10
1
2
Åse Ørsted
1
";

#[test]
fn a_whole_session_ends_in_the_right_checklist_in_every_language() {
    let engine =
        check::load(&ContentSource::embedded(), Globals::default()).expect("content loads");
    let text = |lang: Lang, id: &str| engine.i18n.render(lang, &Msg::new(id), &engine.globals);
    for lang in Lang::ALL {
        let (out, err, code) = chat(&["chat", "--lang", lang.code()], PERSONA);
        assert_eq!(code, 0, "{lang}: {err}");
        let checklist = out
            .rsplit(&text(lang, "cl-title"))
            .next()
            .unwrap_or_default();
        assert_ne!(checklist.len(), out.len(), "{lang}: no checklist in\n{out}");
        for id in [
            "cl-doc-residence-cert",
            "cl-doc-foreign-passport",
            "cl-code-display",
            "cl-userid-chosen",
            "cl-keep",
        ] {
            assert!(
                checklist.contains(&text(lang, id)),
                "{lang}: checklist lacks {id}:\n{checklist}"
            );
        }
        let witness = engine.i18n.render(
            lang,
            &Msg::new("cl-witness").str("witness", "likely"),
            &engine.globals,
        );
        assert!(
            checklist.contains(&witness),
            "{lang}: witness advice missing:\n{checklist}"
        );
        assert!(
            checklist.contains("https://www.aabenraa.dk"),
            "{lang}: booking link"
        );
        assert!(checklist.contains("73 76 76 76"));
        assert!(
            !checklist.contains(&text(lang, "cl-docs-missing")),
            "{lang}: documents are enough"
        );
        assert!(
            out.contains(&text(lang, "docs-enough")),
            "{lang}: told the documents are enough"
        );
        assert!(!out.contains("\x1b["), "no colour codes when piped");
    }
}

#[test]
fn the_english_checklist_reads_as_a_citizen_expects() {
    let (out, _, _) = chat(&["chat", "--lang", "en"], PERSONA);
    let checklist = out.rsplit("Your checklist").next().unwrap();
    for expected in [
        "• Your certificate of residence",
        "• Your passport",
        "You will likely need one",
        "their own MitID (the phone with the app, or their code display) and a valid photo ID",
        "30 full days (30 × 24 hours) at the time of your appointment",
        "a birth or baptism certificate from Denmark or Greenland",
        "8 to 64 characters",
        "not containing your UserID",
        "Book an appointment online: https://www.aabenraa.dk",
    ] {
        assert!(
            checklist.contains(expected),
            "lacks {expected:?}:\n{checklist}"
        );
    }
}

#[test]
fn end_of_input_ends_the_chat_cleanly_wherever_it_is() {
    for input in ["", "1\n", "1\n1\n", "/faq\n"] {
        let (out, err, code) = chat(&["chat", "--lang", "de"], input);
        assert_eq!(code, 0, "{input:?}: {err}");
        assert!(!out.is_empty());
    }
}

#[test]
fn without_a_token_the_bare_command_opens_the_chat() {
    let (out, _, code) = chat(&["--content-dir", env!("CARGO_MANIFEST_DIR")], "");
    assert_eq!(code, 0);
    assert!(out.contains("1) "), "a numbered menu: {out}");
}

#[test]
fn an_unknown_language_is_refused_with_a_clear_message() {
    let (_, err, code) = chat(&["chat", "--lang", "fr"], "");
    assert_ne!(code, 0);
    assert!(err.contains("da, en or de"), "{err}");
}

#[test]
fn with_a_data_dir_the_chat_continues_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (first, _, code) = chat(&["chat", "--lang", "en", "--data-dir", d], "1\n1\n");
    assert_eq!(code, 0);
    assert!(first.contains("Do you have both?"));
    let (second, err, code) = chat(
        &["chat", "--lang", "en", "--data-dir", d],
        "Continue where I left off\n",
    );
    assert_eq!(code, 0, "{err}");
    let after = second.rsplit("Continue where I left off").next().unwrap();
    assert!(after.contains("Do you have both?"), "{second}");
}

/// The Danish texts name Danish commands; each one they name must do what they say.
#[test]
fn the_danish_commands_the_help_names_do_what_it_says() {
    let (out, err, code) = chat(
        &["chat", "--lang", "da"],
        "/hjælp\n/forfra\n/paamindelser\n/sprog\n",
    );
    assert_eq!(code, 0, "{err}");
    for named in [
        "/menu viser hovedmenuen",
        "/forfra starter",
        "/sprog skifter",
        "/glem sletter",
    ] {
        assert!(out.contains(named), "help lacks {named:?}:\n{out}");
    }
    let after_help = out.rsplit("/glem sletter").next().unwrap_or_default();
    for answer in [
        "Vi starter forfra.",
        "Har du et dansk CPR-nummer, og er du fyldt 13 år?",
        "Du har ingen påmindelser.",
        "Hvilket sprog vil du helst bruge?",
    ] {
        assert!(
            after_help.contains(answer),
            "no {answer:?} after the help:\n{out}"
        );
    }
}

#[test]
fn the_danish_privacy_text_says_which_dates_are_kept_and_how_to_delete_them() {
    let (out, err, code) = chat(&["chat", "--lang", "da"], "/privacy\n");
    assert_eq!(code, 0, "{err}");
    for words in [
        "Jeg gemmer dine svar på mine spørgsmål",
        "tidspunktet for din tid, så jeg kan minde dig om den",
        "hvornår dit vidne fik MitID",
        "Jeg gemmer ikke dine forslag til bruger-ID eller dine spørgsmål.",
        "Skriver du /glem, sletter jeg det hele med det samme.",
    ] {
        assert!(out.contains(words), "privacy lacks {words:?}:\n{out}");
    }
    assert!(
        !out.contains("/forget"),
        "one convention for commands:\n{out}"
    );
}

#[test]
fn danish_booking_is_online_and_the_phone_is_for_questions() {
    let (out, err, code) = chat(&["chat", "--lang", "da"], "/book\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Bestil tid på https://www.aabenraa.dk"),
        "{out}"
    );
    assert!(
        out.contains("Har du spørgsmål, så ring på 73 76 76 76."),
        "{out}"
    );
    assert!(!out.contains("Eller ring"), "no booking by phone:\n{out}");
}

#[test]
fn someone_unsure_about_the_device_can_choose_the_audio_code_reader() {
    let (out, err, code) = chat(
        &["chat", "--lang", "da"],
        "/start da-device\nDet ved jeg ikke endnu\nMed en kodeoplæser\n",
    );
    assert_eq!(code, 0, "{err}");
    let compare = out.rsplit("Her er forskellen:").next().unwrap_or_default();
    assert!(compare.contains("Hvad vil du bruge?"), "{out}");
    assert!(
        compare.contains("Du bruger en kodeviser eller kodeoplæser sammen med en adgangskode."),
        "the kodeoplæser leads to the password rules:\n{out}"
    );
}

#[test]
fn the_english_privacy_text_says_what_is_kept_and_how_to_delete_it() {
    let (out, err, code) = chat(&["chat", "--lang", "en"], "/privacy\n");
    assert_eq!(code, 0, "{err}");
    for words in [
        "your answers to my questions",
        "when your witness got MitID, and the date and time of your appointment",
        "your language",
        "not your UserID ideas, and not your questions",
        "When you write /forget, I delete everything at once.",
    ] {
        assert!(out.contains(words), "privacy lacks {words:?}:\n{out}");
    }
    assert!(
        !out.contains("I do not keep what you type"),
        "dates are typed and kept:\n{out}"
    );
}

#[test]
fn english_booking_is_online_and_the_phone_is_for_questions() {
    let (out, err, code) = chat(&["chat", "--lang", "en"], "/book\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Book online: https://www.aabenraa.dk"),
        "{out}"
    );
    assert!(out.contains("If you have questions, call "), "{out}");
    assert!(!out.contains("Or call"), "no booking by phone:\n{out}");
    assert!(
        out.contains("with Citizen Service (Borgerservice)"),
        "the glossary's name, with the word heard at the counter:\n{out}"
    );
}

#[test]
fn the_english_help_names_the_checklist_and_reminders_commands_and_they_work() {
    let (out, err, code) = chat(&["chat", "--lang", "en"], "/help\n/reminders\n");
    assert_eq!(code, 0, "{err}");
    for named in [
        "/checklist shows your checklist",
        "/reminders shows your reminders",
        "/forget deletes everything",
    ] {
        assert!(out.contains(named), "help lacks {named:?}:\n{out}");
    }
    let after_help = out.rsplit("/forget deletes").next().unwrap_or_default();
    assert!(after_help.contains("You have no reminders."), "{out}");
}

#[test]
fn the_german_privacy_text_says_what_is_kept_and_when_it_goes() {
    let (out, err, code) = chat(&["chat", "--lang", "de"], "/privacy\n");
    assert_eq!(code, 0, "{err}");
    for words in [
        "Ich speichere Ihre Antworten auf meine Fragen",
        "und Ihre Sprache",
        "wann Ihr Termin ist, damit ich Sie daran erinnern kann",
        "bei der Zeugenprüfung, wann die Person MitID bekommen hat",
        "Ihre Vorschläge für die Benutzer-ID und Ihre Fragen speichere ich nicht.",
        "Alles wird gelöscht, wenn Sie 30 Tage lang nicht mit mir geschrieben haben.",
        "zählen die Tage erst ab der Erinnerung",
        "Wenn Sie /forget schreiben, lösche ich sofort alles.",
    ] {
        assert!(out.contains(words), "privacy lacks {words:?}:\n{out}");
    }
    assert!(!out.contains("Idee"), "a UserID is a Vorschlag:\n{out}");
}

#[test]
fn german_booking_is_online_and_the_phone_is_for_questions() {
    let (out, err, code) = chat(&["chat", "--lang", "de"], "/book\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Buchen Sie Ihren Termin online: https://www.aabenraa.dk"),
        "{out}"
    );
    assert!(
        out.contains("Haben Sie Fragen? Rufen Sie uns unter +45 73 76 76 76 an."),
        "{out}"
    );
    assert!(
        !out.contains("Oder rufen Sie"),
        "no booking by phone:\n{out}"
    );
    assert!(!out.contains("bedient"), "{out}");
}

/// The German review read "(bei ausländischen Ausweisen nie)" the wrong way round: the
/// FAQ answer now says plainly that every foreign ID needs a CPR document, and names them.
#[test]
fn the_german_witness_answer_names_every_cpr_document_for_a_foreign_id() {
    let (out, err, code) = chat(&["chat", "--lang", "de"], "Wer kann mein Zeuge sein?\n");
    assert_eq!(code, 0, "{err}");
    for words in [
        "mindestens 18 Jahre alt sein",
        "seit mindestens 30 vollen Tagen (30 × 24 Stunden)",
        "höchstens 2-mal Zeugin oder Zeuge",
        "einen gültigen Ausweis mit Foto",
        "das gilt für jeden ausländischen Ausweis, auch den deutschen Personalausweis und Reisepass",
        "die gelbe Gesundheitskarte (sundhedskort)",
        "Geburts- oder Taufurkunde (fødsels-/dåbsattest)",
        "Personenstandsbescheinigung (personattest)",
        "Wohnsitzbescheinigung (bopælsattest)",
        "kommunalen Ausweis (legitimationskort) zusammen mit der gelben Gesundheitskarte",
        "Ein Steuerbescheid oder Vorauszahlungsbescheid zählt dafür nicht.",
    ] {
        assert!(out.contains(words), "witness answer lacks {words:?}:\n{out}");
    }
    assert!(!out.contains("Lichtbildausweis"), "{out}");
}

/// `/glem`, `/forget` and `/vergessen` delete the kept conversation in the terminal as on
/// Telegram, and say so in the conversation's language; the next chat starts afresh.
#[test]
fn forgetting_in_the_terminal_deletes_the_kept_conversation_and_says_so() {
    use mitid_bot::storage::{SledStore, Store};
    let cases = [
        (
            "da",
            "/glem",
            "Nu har jeg slettet alt, hvad jeg havde gemt om dig.",
        ),
        (
            "da",
            "/forget",
            "Nu har jeg slettet alt, hvad jeg havde gemt om dig.",
        ),
        (
            "en",
            "/forget",
            "Done: I have deleted everything I kept about you.",
        ),
        (
            "en",
            "/glem",
            "Done: I have deleted everything I kept about you.",
        ),
        (
            "de",
            "/vergessen",
            "Ich habe alles gelöscht, was ich über Sie gespeichert hatte.",
        ),
        (
            "de",
            "/forget",
            "Ich habe alles gelöscht, was ich über Sie gespeichert hatte.",
        ),
    ];
    for (lang, command, said) in cases {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let (out, err, code) = chat(
            &["chat", "--lang", lang, "--data-dir", d],
            &format!("1\n1\n{command}\n"),
        );
        assert_eq!(code, 0, "{lang} {command}: {err}");
        assert!(out.contains(said), "{lang} {command}: not told:\n{out}");
        let after = out.rsplit(said).next().unwrap_or_default();
        assert!(
            !after.contains("1) "),
            "{lang} {command}: buttons after:\n{out}"
        );
        let store = SledStore::open(dir.path()).unwrap();
        assert!(
            store.is_empty().unwrap(),
            "{lang} {command}: a record is left"
        );
        drop(store);
        if lang == "en" {
            let (again, _, _) = chat(&["chat", "--lang", "en", "--data-dir", d], "");
            assert!(
                !again.contains("Continue where I left off"),
                "nothing to continue after {command}:\n{again}"
            );
        }
    }
}
