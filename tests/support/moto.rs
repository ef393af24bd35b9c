//! A real S3 server that enforces Object Lock, for the retention tests:
//! moto's standalone server (`moto_server`, PyPI `moto[server]`), started
//! on 127.0.0.1 on a port of its own, with one bucket created with Object
//! Lock enabled. moto keeps every version of an object in a locked bucket,
//! refuses to delete a version before its retain-until date
//! (`AccessDenied`), and refuses a second `If-None-Match: *` write
//! (`PreconditionFailed`) — what AWS S3 does. Garage, the team-history
//! server of the other tests, answers NotImplemented to Object Lock.
//!
//! Tests call [`Moto::start`] and return when it gives `None` (the binary
//! is missing: `tool_available` says so, and fails under
//! `PASOS_REQUIRE_TOOLS`). The server is killed when the `Moto` drops.
//!
//! moto does not check request signatures, so the raw requests of the
//! tests ([`Moto::request`]) go unsigned; pasos signs its own as always.

#![allow(dead_code)] // each test binary uses a different subset

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const REGION: &str = "us-east-1";

pub struct Moto {
    server: Child,
    _dir: tempfile::TempDir,
    pub port: u16,
    pub endpoint: String,
    pub bucket: String,
}

/// An HTTP answer: status, headers (lower-case names), body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

impl Moto {
    /// Starts the server with a bucket that has Object Lock enabled, or
    /// `None` (after a visible SKIP) when `moto_server` is not installed.
    pub fn start(test: &str) -> Option<Moto> {
        if !super::common::tool_available(test, "moto_server") {
            return None;
        }
        let dir = tempfile::Builder::new()
            .prefix("pasos-moto-")
            .tempdir()
            .expect("a temp dir");
        let log = std::fs::File::create(dir.path().join("server.log")).expect("server log");
        let port = free_port();
        let server = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(dir.path())
            // Its own state: nothing from the machine's AWS setup.
            .env("HOME", dir.path())
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_CONFIG_FILE")
            .env_remove("AWS_SHARED_CREDENTIALS_FILE")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("moto_server starts");
        let m = Moto {
            server,
            port,
            endpoint: format!("http://127.0.0.1:{port}"),
            bucket: "pasos-locked".into(),
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "moto_server did not open its port"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let made = m.request(
            "PUT",
            &format!("/{}", m.bucket),
            &[("x-amz-bucket-object-lock-enabled", "true")],
            b"",
        );
        assert_eq!(made.status, 200, "bucket not created: {}", made.body);
        Some(m)
    }

    /// One unsigned HTTP/1.1 request to the server.
    pub fn request(
        &self,
        method: &str,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Answer {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to moto");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut req = format!(
            "{method} {path_and_query} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.port,
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("moto answers");
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
        Answer {
            status,
            headers,
            body: body.to_string(),
        }
    }

    /// The environment a pasos process needs for this bucket (moto takes
    /// any credentials).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ACCESS_KEY_ID", "pasos-test".into()),
            ("AWS_SECRET_ACCESS_KEY", "pasos-test-secret".into()),
            ("AWS_REGION", REGION.to_string()),
        ]
    }

    /// A pasos `config.toml` pointing at this bucket under `prefix`.
    pub fn pasos_config(&self, prefix: &str, days: u32) -> String {
        format!(
            "[history]\nremote = \"s3://{}/{prefix}\"\nendpoint = \"{}\"\nregion = \"{REGION}\"\nretention_days = {days}\nrefresh_seconds = 0\n",
            self.bucket, self.endpoint
        )
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}
