//! `mitid-bot check` catches broken content with file and line, before a citizen does.

use std::path::Path;
use std::process::Command;

fn copy_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["locales", "dialogues"] {
        copy_tree(&root.join(sub), &dir.path().join(sub));
    }
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn check(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mitid-bot"))
        .args(["check", "--content-dir"])
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    let new = f(text.clone());
    assert_ne!(text, new, "the edit changed nothing in {}", path.display());
    std::fs::write(path, new).unwrap();
}

fn line_of(path: &Path, needle: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

#[test]
fn shipped_content_passes() {
    let dir = copy_content();
    let (code, out) = check(dir.path());
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_message_removed_from_german_is_reported_with_file_and_line() {
    let dir = copy_content();
    let de = dir.path().join("locales/de/main.ftl");
    edit(&de, |t| {
        t.lines()
            .filter(|l| !l.starts_with("residence-question"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    // Reported where it is defined (the first locale that has it, Danish), and where it is used.
    let da = dir.path().join("locales/da/main.ftl");
    let expected = format!("{}:{}:", da.display(), line_of(&da, "residence-question ="));
    assert!(
        out.lines().any(|l| l.starts_with(&expected)
            && l.contains("`residence-question`")
            && l.contains("missing in locales/de")),
        "where it is defined, and which locale lacks it: {out}"
    );
    let flow = dir.path().join("dialogues/prepare.toml");
    let used_at = format!(
        "{}:{}:",
        flow.display(),
        line_of(&flow, "text = \"residence-question\"")
    );
    assert!(out.contains(&used_at), "where it is used: {out}");
}

#[test]
fn the_qr_caption_is_required_in_every_locale() {
    let dir = copy_content();
    for lang in ["da", "en", "de"] {
        edit(&dir.path().join(format!("locales/{lang}/main.ftl")), |t| {
            t.lines()
                .filter(|l| !l.starts_with("qr-caption"))
                .collect::<Vec<_>>()
                .join("\n")
        });
    }
    let (code, out) = check(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("src/staff/mod.rs")
            && l.contains("`qr-caption`")
            && l.contains("missing in locales/da, locales/en, locales/de")),
        "{out}"
    );
}

#[test]
fn a_transition_to_a_missing_node_is_reported_with_file_and_line() {
    let dir = copy_content();
    let flow = dir.path().join("dialogues/prepare.toml");
    edit(&flow, |t| {
        t.replacen("goto = \"history\"", "goto = \"nowhere\"", 1)
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    let expected = format!(
        "{}:{}:",
        flow.display(),
        line_of(&flow, "goto = \"nowhere\"")
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with(&expected) && l.contains("nowhere")),
        "{out}"
    );
}

#[test]
fn broken_fluent_and_toml_syntax_name_file_and_line() {
    let dir = copy_content();
    let da = dir.path().join("locales/da/main.ftl");
    edit(&da, |t| t.replacen("progress =", "progress = { $step", 1));
    let flow = dir.path().join("dialogues/tools.toml");
    edit(&flow, |t| {
        t.replacen("id = \"w-count\"", "id = \"w-count", 1)
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    assert!(
        out.contains(&format!("{}:{}:", da.display(), line_of(&da, "progress ="))),
        "{out}"
    );
    assert!(out.contains(&format!("{}:", flow.display())), "{out}");
}

#[test]
fn a_variable_missing_in_one_language_is_reported() {
    let dir = copy_content();
    let de = dir.path().join("locales/de/main.ftl");
    edit(&de, |t| t.replacen("{ $total }", "6", 1));
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    assert!(
        out.contains("`progress`") && out.contains("$total"),
        "{out}"
    );
}

#[test]
fn an_unreachable_node_and_a_long_callback_are_reported() {
    let dir = copy_content();
    let flow = dir.path().join("dialogues/tools.toml");
    edit(&flow, |t| {
        t + "\n[[node]]\nid = \"orphan\"\ntext = \"menu\"\noptions = [{ id = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", label = \"btn-yes\", goto = \"menu\" }]\n"
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    assert!(out.contains("`orphan` cannot be reached"), "{out}");
    assert!(out.contains("over Telegram's 64"), "{out}");
}

#[test]
fn keep_on_a_branch_is_reported_and_keep_must_be_true_or_false() {
    let dir = copy_content();
    let flow = dir.path().join("dialogues/prepare.toml");
    edit(&flow, |t| {
        t.replacen(
            "id = \"docs-followup\"\nkind = \"branch\"",
            "id = \"docs-followup\"\nkind = \"branch\"\nkeep = true",
            1,
        )
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    // The `keep = true` just added, two lines below the node's id.
    let expected = format!(
        "{}:{}:",
        flow.display(),
        line_of(&flow, "id = \"docs-followup\"") + 2
    );
    assert!(
        out.lines().any(|l| l.starts_with(&expected)
            && l.contains("docs-followup")
            && l.contains("branch")),
        "{out}"
    );

    let dir = copy_content();
    let tools = dir.path().join("dialogues/tools.toml");
    edit(&tools, |t| t.replacen("keep = true", "keep = \"yes\"", 1));
    let (code, out) = check(dir.path());
    assert_ne!(code, 0);
    assert!(out.contains(&format!("{}:", tools.display())), "{out}");
}

/// The three faults that used to reach a citizen's screen silently: a variable nobody
/// passes (`{$nickname}` shown raw), a selector testing a value the flow never sets (the
/// default variant shown instead), and a flow condition on a value nothing sets (a part
/// never shown). Each is reported at its own file and line.
#[test]
fn unsupplied_variables_and_unknown_values_are_reported_where_they_are() {
    let dir = copy_content();
    let en = dir.path().join("locales/en/main.ftl");
    edit(&en, |t| {
        t.replacen(
            "menu = What would you like to do?",
            "menu = What would you like to do, { $nickname }?",
            1,
        )
        .replacen(
            "    [almost_certain] You will almost",
            "    [almost-certain] You will almost",
            1,
        )
    });
    let flow = dir.path().join("dialogues/prepare.toml");
    edit(&flow, |t| {
        t.replacen(
            "when = { documents = \"enough\" }",
            "when = { documents = \"sufficient\" }",
            1,
        )
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0, "{out}");
    let at = |path: &Path, needle: &str| format!("{}:{}:", path.display(), line_of(path, needle));
    let variable = at(&en, "{ $nickname }");
    assert!(
        out.lines()
            .any(|l| l.starts_with(&variable) && l.contains("`menu` uses `$nickname`")),
        "a variable never supplied, at {variable}: {out}"
    );
    let selector = at(&en, "[almost-certain]");
    assert!(
        out.lines()
            .any(|l| l.starts_with(&selector) && l.contains("[almost-certain]")),
        "a selector value nothing sets, at {selector}: {out}"
    );
    let condition = at(&flow, "documents = \"sufficient\"");
    assert!(
        out.lines().any(|l| l.starts_with(&condition)
            && l.contains("documents = \"sufficient\"")
            && l.contains("nothing sets")),
        "a condition value nothing sets, at {condition}: {out}"
    );
}

#[test]
fn channel_selectors_name_only_our_channels_and_stay_out_of_labels_and_page_texts() {
    let dir = copy_content();
    let en = dir.path().join("locales/en/main.ftl");
    edit(&en, |t| {
        t.replacen(
            "        [telegram] It looks like you sent a CPR number.",
            "        [webchat] It looks like you sent a CPR number.",
            1,
        )
        .replacen(
            "btn-restart = Start over",
            "btn-restart = { $channel ->\n    [web] Start over\n   *[other] Start over\n}",
            1,
        )
    });
    let web = dir.path().join("locales/en/web.ftl");
    edit(&web, |t| {
        t.replacen(
            "web-send = Send",
            "web-send = { $channel ->\n    [web] Send\n   *[other] Send\n}",
            1,
        )
    });
    let (code, out) = check(dir.path());
    assert_ne!(code, 0, "{out}");
    let at = |path: &Path, needle: &str| format!("{}:{}:", path.display(), line_of(path, needle));
    let value = at(&en, "[webchat]");
    assert!(
        out.lines().any(|l| l.starts_with(&value)
            && l.contains("`cpr-warning` tests `$channel = [webchat]`")
            && l.contains("`telegram`, `web`, `terminal`")),
        "an unknown channel, at {value}: {out}"
    );
    let label = at(&en, "btn-restart =");
    assert!(
        out.lines()
            .any(|l| l.starts_with(&label)
                && l.contains("button label `btn-restart` uses `$channel`")),
        "a label on a channel, at {label}: {out}"
    );
    let page = at(&web, "web-send =");
    assert!(
        out.lines().any(|l| l.starts_with(&page)
            && l.contains("`web-send` uses `$channel`, which it is never given")),
        "a page text on a channel, at {page}: {out}"
    );
}
