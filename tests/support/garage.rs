//! A real Garage (S3-compatible object store) for tests: a single node on
//! 127.0.0.1, from a config this harness writes into a temporary directory
//! (replication factor 1, its own rpc secret, metadata and data dirs), laid
//! out, with one bucket and one key allowed on it. The server is killed
//! when the `Garage` is dropped.
//!
//! Tests call [`Garage::start`] and return when it gives `None`: the
//! `garage` binary is not installed (`tool_available` says so, and fails
//! under `PASOS_REQUIRE_TOOLS`). `.ci/run` installs it with
//! `cargo install garage --locked`.

#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const REGION: &str = "garage";

pub struct Garage {
    dir: tempfile::TempDir,
    server: Option<Child>,
    pub endpoint: String,
    pub bucket: String,
    pub key_id: String,
    pub secret: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

fn random_hex(bytes: usize) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::new();
    while out.len() < bytes * 2 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_usize(out.len());
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos(),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out.truncate(bytes * 2);
    out
}

impl Garage {
    /// Starts a node with a bucket and a key, or `None` (after a visible
    /// SKIP) when `garage` is not installed.
    pub fn start(test: &str) -> Option<Garage> {
        if !super::common::tool_available(test, "garage") {
            return None;
        }
        let dir = tempfile::Builder::new()
            .prefix("pasos-garage-")
            .tempdir()
            .expect("a temp dir");
        let (rpc, s3, admin) = (free_port(), free_port(), free_port());
        let root = dir.path().display().to_string();
        let config = format!(
            r#"metadata_dir = "{root}/meta"
data_dir = "{root}/data"
db_engine = "sqlite"
replication_factor = 1
rpc_bind_addr = "127.0.0.1:{rpc}"
rpc_public_addr = "127.0.0.1:{rpc}"
rpc_secret = "{secret}"

[s3_api]
s3_region = "{REGION}"
api_bind_addr = "127.0.0.1:{s3}"
root_domain = ".s3.garage.localhost"

[admin]
api_bind_addr = "127.0.0.1:{admin}"
"#,
            secret = random_hex(32)
        );
        std::fs::write(dir.path().join("garage.toml"), config).expect("garage config");
        let mut g = Garage {
            dir,
            server: None,
            endpoint: format!("http://127.0.0.1:{s3}"),
            bucket: "pasos-history".into(),
            key_id: String::new(),
            secret: String::new(),
        };
        g.start_server();
        let id = g.garage(&["node", "id", "-q"]);
        let id = id.trim().split('@').next().unwrap_or_default().to_string();
        g.garage(&["layout", "assign", "-z", "dc1", "-c", "1G", &id]);
        g.garage(&["layout", "apply", "--version", "1"]);
        g.garage(&["bucket", "create", &g.bucket.clone()]);
        let key = g.garage(&["key", "create", "pasos-test"]);
        let field = |name: &str| {
            key.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_string())
                .unwrap_or_else(|| panic!("no `{name}` in `garage key create`: {key}"))
        };
        g.key_id = field("Key ID:");
        g.secret = field("Secret key:");
        g.garage(&[
            "bucket",
            "allow",
            "--read",
            "--write",
            "--owner",
            &g.bucket.clone(),
            "--key",
            "pasos-test",
        ]);
        g.wait_for_s3();
        Some(g)
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("garage.toml")
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `garage -c CONFIG ARGS…`; its stdout. Panics with stderr on failure.
    pub fn garage(&self, args: &[&str]) -> String {
        let out = Command::new("garage")
            .arg("-c")
            .arg(self.config())
            .args(args)
            .env("RUST_LOG", "warn")
            .output()
            .expect("garage runs");
        assert!(
            out.status.success(),
            "garage {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts (or restarts) the server and waits until it answers.
    pub fn start_server(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("server.log"))
            .expect("server log");
        let child = Command::new("garage")
            .arg("-c")
            .arg(self.config())
            .arg("server")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("garage server starts");
        self.server = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let ok = Command::new("garage")
                .arg("-c")
                .arg(self.config())
                .arg("status")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "garage did not come up: {}",
                std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        if !self.key_id.is_empty() {
            self.wait_for_s3();
        }
    }

    /// The S3 port takes requests (after a restart too).
    fn wait_for_s3(&self) {
        let addr = self.endpoint.trim_start_matches("http://").to_string();
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < deadline, "garage's S3 port did not open");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Kills the server (a crash, or the network gone).
    pub fn stop_server(&mut self) {
        if let Some(mut c) = self.server.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The environment a pasos process needs for this bucket.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ACCESS_KEY_ID", self.key_id.clone()),
            ("AWS_SECRET_ACCESS_KEY", self.secret.clone()),
            ("AWS_REGION", REGION.to_string()),
        ]
    }

    /// A pasos `config.toml` pointing at this bucket under `prefix`.
    pub fn pasos_config(&self, prefix: &str) -> String {
        format!(
            "[history]\nremote = \"s3://{}/{prefix}\"\nendpoint = \"{}\"\nregion = \"{REGION}\"\nrefresh_seconds = 0\n",
            self.bucket, self.endpoint
        )
    }
}

impl Drop for Garage {
    fn drop(&mut self) {
        self.stop_server();
    }
}
