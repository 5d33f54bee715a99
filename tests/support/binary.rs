//! The built `mitid-bot` binary as a test runs it: piped input, captured output, signals.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// Runs the binary with `input` on stdin, in `cwd` if given, without a token or settings
/// from the environment; returns (stdout, stderr, exit code).
pub fn run(args: &[&str], input: &str, cwd: Option<&Path>) -> (String, String, i32) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mitid-bot"));
    command
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("MITID_BOT_DATA_DIR")
        .env_remove("MITID_BOT_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = cwd {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("the binary reads its input");
    let out = wait_or_kill(child, Duration::from_secs(60), "the terminal chat to end");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Sends SIGTERM through the shell's `kill`, which every machine has.
pub fn sigterm(child: &Child) {
    let status = Command::new("sh")
        .args(["-c", &format!("kill -TERM {}", child.id())])
        .status()
        .expect("sh runs");
    assert!(status.success(), "kill -TERM failed");
}

/// Stops the bot with SIGTERM and waits for it to finish the updates in flight and exit;
/// a bot still running after `limit` is killed and the test fails (never hangs).
pub fn stop(child: Child, limit: Duration) -> Output {
    sigterm(&child);
    wait_or_kill(child, limit, "the bot to stop after SIGTERM")
}

/// Waits for the child to exit and collects its output; after `limit` it is killed
/// (SIGKILL) and the test panics, naming what it waited for.
pub fn wait_or_kill(child: Child, limit: Duration, what: &str) -> Output {
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out.expect("the binary's output is readable"),
        Err(_) => {
            let _ = Command::new("sh")
                .args(["-c", &format!("kill -KILL {pid}")])
                .status();
            let _ = rx.recv_timeout(Duration::from_secs(10));
            panic!("timed out after {limit:?} waiting for {what}: killed it");
        }
    }
}
