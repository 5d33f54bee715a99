//! The web chat as tests use it: the built binary (`mitid-bot web --listen 127.0.0.1:0`)
//! on a fresh data directory, and plain HTTP/1.1 requests that show every header.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `mitid-bot web`; killed when dropped.
pub struct WebChat {
    child: Option<Child>,
    pub addr: SocketAddr,
    pub data_dir: tempfile::TempDir,
}

impl WebChat {
    /// Starts the binary with these extra environment variables and waits for the
    /// address it prints.
    pub fn start(env: &[(&str, &str)]) -> WebChat {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        WebChat::start_with(&["web", "--listen", "127.0.0.1:0"], &env)
    }

    /// Starts the binary with these arguments (after `--data-dir`), which must make it
    /// serve the web chat on a port it prints.
    pub fn start_with(args: &[&str], env: &[(String, String)]) -> WebChat {
        let data_dir = tempfile::tempdir().expect("a temporary directory");
        WebChat::start_in(data_dir, args, env)
    }

    /// [`WebChat::start_with`] on a data directory the test prepared.
    pub fn start_in(
        data_dir: tempfile::TempDir,
        args: &[&str],
        env: &[(String, String)],
    ) -> WebChat {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mitid-bot"));
        command
            .arg("--data-dir")
            .arg(data_dir.path())
            .args(args)
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("MITID_BOT_DATA_DIR")
            .env_remove("MITID_BOT_CONFIG")
            .env_remove("MITID_BOT_STORAGE")
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("the binary starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                if let Some(url) = line.trim().strip_prefix("web chat: http://") {
                    let _ = tx.send(url.trim_end_matches('/').to_string());
                }
                line.clear();
            }
        });
        let addr = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(a) => a.parse().expect("an address"),
            Err(_) => {
                let _ = child.kill();
                let out = child.wait_with_output().expect("the binary ends");
                panic!(
                    "the web chat did not say where it listens:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        };
        WebChat {
            child: Some(child),
            addr,
            data_dir,
        }
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Stops the binary with SIGTERM and returns what it wrote to stderr (its log).
    pub fn stop(&mut self) -> String {
        let Some(child) = self.child.take() else {
            return String::new();
        };
        let out = super::binary::stop(child, std::time::Duration::from_secs(60));
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        request(self.addr, "GET", path, headers, b"")
    }

    /// A form post (`application/x-www-form-urlencoded`).
    pub fn post(&self, path: &str, headers: &[(&str, &str)], form: &str) -> Response {
        let mut h = headers.to_vec();
        h.push(("Content-Type", "application/x-www-form-urlencoded"));
        request(self.addr, "POST", path, &h, form.as_bytes())
    }
}

impl Drop for WebChat {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What came back: status, headers (names in lower case), body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The conversation id the `Set-Cookie` header gives, if any.
    pub fn cookie_id(&self) -> Option<String> {
        let v = self.header("set-cookie")?;
        let first = v.split(';').next()?;
        let (_, id) = first.split_once('=')?;
        Some(id.to_string())
    }

    /// The `Cookie` header to send back.
    pub fn cookie(&self) -> String {
        format!("mitid_chat={}", self.cookie_id().expect("a cookie"))
    }

    /// The buttons on the page: (data, label), in order.
    pub fn buttons(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for piece in self
            .body
            .split("<button type=\"submit\" name=\"b\" value=\"")
            .skip(1)
        {
            let (value, rest) = piece.split_once('"').expect("a value");
            let label = rest
                .split_once('>')
                .and_then(|(_, r)| r.split_once("</button>"))
                .map(|(l, _)| l.to_string())
                .unwrap_or_default();
            out.push((value.to_string(), label));
        }
        out
    }

    /// The data of the button with this label.
    pub fn button(&self, label: &str) -> String {
        self.buttons()
            .into_iter()
            .find(|(_, l)| l == label)
            .map(|(v, _)| v)
            .unwrap_or_else(|| panic!("no button {label:?} in\n{}", self.body))
    }

    /// The number the page's forms send back (`u`).
    pub fn nonce(&self) -> String {
        self.body
            .split("name=\"u\" value=\"")
            .nth(1)
            .and_then(|r| r.split_once('"'))
            .map(|(v, _)| v.to_string())
            .expect("a form with its number")
    }
}

/// One HTTP/1.1 request (retrying the connection for up to 10 s).
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut stream = loop {
        match TcpStream::connect(addr) {
            Ok(s) => break s,
            Err(_) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(e) => panic!("cannot connect to {addr}: {e}"),
        }
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    let mut bytes = req.into_bytes();
    bytes.extend_from_slice(body);
    // The server may answer (413) before it read a large body: a failed write is fine.
    let _ = stream.write_all(&bytes);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}
