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
        "their own MitID and a photo ID",
        "8–64 characters, not your UserID",
        "Book an appointment: https://www.aabenraa.dk",
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
