//! The built `mitid-bot` binary as a test runs it: piped input, captured output, signals.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

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
    let out = child.wait_with_output().expect("the binary ends");
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
