//! The statistics as an operator meets them: a terminal session with a data dir counts,
//! `mitid-bot stats` shows the counts (also while the bot holds the store), and nothing a
//! citizen typed reaches the files.

use std::path::Path;

mod support;

/// Runs the built binary in `cwd` with `input` on stdin; (stdout, stderr, exit code).
fn bot(args: &[&str], input: &str, cwd: &Path) -> (String, String, i32) {
    support::binary::run(args, input, Some(cwd))
}

/// The persona of tests/chat.rs (two years in Denmark, a certificate of residence and a
/// foreign passport, code display: documents enough, witness likely), then a question
/// nothing answers and one the FAQ knows.
const SESSION: &str = "\
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
what is the weather
power of attorney
";

#[test]
fn a_terminal_session_is_counted_and_nothing_typed_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let data_arg = data.to_str().unwrap();
    let (out, err, code) = bot(
        &["chat", "--lang", "en", "--data-dir", data_arg],
        SESSION,
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Your checklist"), "{out}");

    let (json, err, code) = bot(&["stats", "--data-dir", data_arg, "--json"], "", tmp.path());
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).expect("stats --json is JSON");
    let t = &report["total"];
    assert_eq!(t["conversations_started"], 1, "{json}");
    assert_eq!(t["language"]["en"], 1);
    assert_eq!(t["language"]["da"], 0);
    assert_eq!(t["checklists_completed"], 1);
    assert_eq!(t["documents"]["enough"], 1);
    assert_eq!(t["witness"]["likely"], 1);
    assert_eq!(t["device"]["code_display"], 1);
    assert!(t["unanswered"].as_u64().unwrap() >= 1, "{json}");
    assert_eq!(t["faq"]["power-of-attorney"], 1, "{json}");
    assert_eq!(
        report["days"].as_array().unwrap().len(),
        30,
        "default: 30 days"
    );
    assert_eq!(report["warnings"].as_array().unwrap().len(), 0);

    let (table, _, code) = bot(&["stats", "--data-dir", data_arg], "", tmp.path());
    assert_eq!(code, 0);
    assert!(table.contains("power-of-attorney"), "{table}");
    assert!(table.lines().any(|l| l.starts_with("total")), "{table}");

    // Only day files, holding only counters.
    for entry in std::fs::read_dir(data.join("stats")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.len() == "2026-03-10.json".len() && name.ends_with(".json"),
            "unexpected file {name}"
        );
        let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
        for typed in [
            "åse",
            "ørsted",
            "weather",
            "power of attorney",
            "chat",
            "user",
        ] {
            assert!(!text.contains(typed), "{name} holds `{typed}`:\n{text}");
        }
    }
}

#[test]
fn stats_reads_while_the_bot_holds_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let data_arg = data.to_str().unwrap();
    let (_, err, code) = bot(
        &["chat", "--lang", "de", "--data-dir", data_arg],
        "1\n",
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    // The running bot's lock on the sled store in the same data dir.
    let _store = mitid_bot::storage::SledStore::open(&data).expect("the store opens");
    let (json, err, code) = bot(&["stats", "--data-dir", data_arg, "--json"], "", tmp.path());
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["total"]["language"]["de"], 1, "{json}");
}

#[test]
fn a_chat_without_a_data_dir_writes_no_statistics() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, err, code) = bot(&["chat", "--lang", "en"], "1\n1\n", tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        !tmp.path().join("data").exists(),
        "the default ./data is not touched by a chat"
    );
}

#[test]
fn a_bad_date_or_range_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().to_str().unwrap();
    let (_, err, code) = bot(
        &["stats", "--data-dir", d, "--from", "10.03.2026"],
        "",
        tmp.path(),
    );
    assert_ne!(code, 0);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let (_, err, code) = bot(
        &[
            "stats",
            "--data-dir",
            d,
            "--from",
            "2026-03-10",
            "--to",
            "2026-03-01",
        ],
        "",
        tmp.path(),
    );
    assert_ne!(code, 0);
    assert!(err.contains("swap --from and --to"), "{err}");
    let (out, err, code) = bot(
        &[
            "stats",
            "--data-dir",
            d,
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-03",
        ],
        "",
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 day(s), 0 with activity"), "{out}");
}

/// Two scripted terminal sessions: one tries the at-home route, the scan fails and she
/// prepares for Borgerservice; the other reads the at-home guide and stays home, then asks
/// about a new phone and is told to copy the app.
#[test]
fn the_at_home_route_and_self_service_are_counted_as_appointments_avoided() {
    let tmp = tempfile::tempdir().unwrap();
    // First MitID, CPR yes, chip passport + phone: the guide; "the scan did not work";
    // Denmark, 5+ years with moves and children, driving licence, app, UserID later.
    let went_on = tmp.path().join("went-on");
    let (out, err, code) = bot(
        &[
            "chat",
            "--lang",
            "en",
            "--data-dir",
            went_on.to_str().unwrap(),
        ],
        "1\n1\n1\n2\n1\n1\n1\n1\n2\n",
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Your checklist"), "{out}");
    // "Can I get MitID at home?", yes, "I will try at home"; then a new phone whose old app
    // still works.
    let stayed = tmp.path().join("stayed");
    let (out, err, code) = bot(
        &[
            "chat",
            "--lang",
            "da",
            "--data-dir",
            stayed.to_str().unwrap(),
        ],
        "3\n1\n1\n/start\n2\n2\n1\n",
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Bluetooth"), "{out}");

    let report = |dir: &Path| {
        let (json, err, code) = bot(
            &["stats", "--data-dir", dir.to_str().unwrap(), "--json"],
            "",
            tmp.path(),
        );
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let (table, _, code) = bot(
            &["stats", "--data-dir", dir.to_str().unwrap()],
            "",
            tmp.path(),
        );
        assert_eq!(code, 0);
        (v, table)
    };
    let (v, table) = report(&went_on);
    let w = &v["total"]["without_appointment"];
    assert_eq!(w["at_home_guide"], 1, "{v}");
    assert_eq!(w["at_home_went_on"], 1, "{v}");
    assert_eq!(w["self_service"], 0, "{v}");
    assert_eq!(v["ended_at_home"], 0, "{v}");
    assert_eq!(v["total"]["checklists_completed"], 1, "{v}");
    assert!(
        table
            .lines()
            .any(|l| l.contains("then prepared for Borgerservice") && l.ends_with(" 1")),
        "{table}"
    );

    let (v, table) = report(&stayed);
    let w = &v["total"]["without_appointment"];
    assert_eq!(w["at_home_guide"], 1, "{v}");
    assert_eq!(w["at_home_went_on"], 0, "{v}");
    assert_eq!(w["self_service"], 1, "{v}");
    assert_eq!(v["ended_at_home"], 1, "{v}");
    assert_eq!(v["total"]["checklists_completed"], 0, "{v}");
    for line in ["ended at home", "renewal done on their own"] {
        assert!(
            table.lines().any(|l| l.contains(line) && l.ends_with(" 1")),
            "{line}: {table}"
        );
    }
    assert!(table.contains("appointments avoided"), "{table}");
}
