//! The retention-enforced path, against a real S3 server that enforces
//! Object Lock (moto's standalone server on 127.0.0.1, started by
//! `support/moto.rs`; Garage answers NotImplemented to Object Lock): pasos
//! finds the bucket enforcing, asks every object it writes for retention,
//! and a locked object can be neither overwritten nor deleted. Skipped,
//! visibly, without `moto_server` (`.ci/run` installs PyPI `moto[server]`).

mod common;
#[path = "support/moto.rs"]
mod moto;

use moto::Moto;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const SECRET: &str = "tok-SECRETO-4a7f19";

struct Bastion {
    config: tempfile::TempDir,
    data: tempfile::TempDir,
    work: tempfile::TempDir,
    env: Vec<(&'static str, String)>,
}

impl Bastion {
    fn new(m: &Moto, prefix: &str, days: u32) -> Bastion {
        let b = Bastion {
            config: tempfile::tempdir().unwrap(),
            data: tempfile::tempdir().unwrap(),
            work: tempfile::Builder::new()
                .prefix("pasos-test-")
                .tempdir_in("/tmp")
                .unwrap(),
            env: m.env(),
        };
        std::fs::write(
            b.config.path().join("config.toml"),
            m.pasos_config(prefix, days),
        )
        .unwrap();
        b
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pasos"));
        c.args(args)
            .env("PASOS_CONFIG_DIR", self.config.path())
            .env("PASOS_DATA_DIR", self.data.path())
            .env("LANG", "en_US.UTF-8")
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PASOS_REMOTE")
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_ENDPOINT_URL")
            .env("HOME", self.config.path())
            .env("PASOS_VAR_NOTIFY_TOKEN", SECRET);
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c
    }

    fn pasos(&self, args: &[&str]) -> (i32, String, String) {
        text(self.command(args).output().unwrap())
    }

    /// The demo to success, with a recorded deviation at step 4.
    fn run_demo(&self) -> (i32, String, String) {
        let workdir = format!("--var=WORKDIR={}", self.work.path().join("demo").display());
        let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml");
        let mut child = self
            .command(&["run", "--plain", &workdir, demo])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let input = [
            "y", "", "", "", "", "", "3", "", "o", "by hand", "", "", "", "",
        ]
        .join("\n");
        child
            .stdin
            .take()
            .unwrap()
            .write_all((input + "\n").as_bytes())
            .unwrap();
        text(child.wait_with_output().unwrap())
    }
}

fn text(out: Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every `<tag>…</tag>` text in an XML answer.
fn xml_all(body: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(&close) else { break };
        out.push(after[..end].to_string());
        rest = &after[end + close.len()..];
    }
    out
}

#[test]
fn a_locked_bucket_is_reported_enforcing_and_its_objects_cannot_be_removed() {
    let Some(m) =
        Moto::start("a_locked_bucket_is_reported_enforcing_and_its_objects_cannot_be_removed")
    else {
        return;
    };
    let b = Bastion::new(&m, "team", 30);

    // What the bucket enforces, probed by trying it.
    let (code, out, err) = b.pasos(&["sync", "--status"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("conditional puts: enforced"), "{out}");
    assert!(out.contains("retention: enforced, COMPLIANCE"), "{out}");
    assert!(out.contains("30 days"), "{out}");
    assert!(!out.contains("NOT enforced"), "{out}");

    // A run uploads as it goes; every object it wrote asks for retention.
    let (code, out, err) = b.run_demo();
    assert_eq!(code, 0, "{out}{err}");
    let (rt, c) = client(&m, "team");
    let keys: Vec<String> = rt
        .block_on(c.list(&c.key("runs")))
        .unwrap()
        .into_iter()
        .map(|o| o.location.as_ref().to_string())
        .collect();
    let journal: Vec<&String> = keys.iter().filter(|k| k.contains("/j/")).collect();
    assert!(!journal.is_empty(), "no journal segment in {keys:?}");
    let now = chrono::Utc::now();
    let raw = |method: http::Method, key: &str, query: &str| {
        let key = object_store::path::Path::from(key);
        rt.block_on(c.raw(method, Some(&key), query)).unwrap()
    };
    for key in &keys {
        let (status, headers, _) = raw(http::Method::HEAD, key, "");
        assert_eq!(status, 200, "{key}");
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        assert_eq!(
            header("x-amz-object-lock-mode"),
            Some("COMPLIANCE"),
            "{key}: {headers:?}"
        );
        let until = header("x-amz-object-lock-retain-until-date")
            .unwrap_or_else(|| panic!("{key} has no retention: {headers:?}"));
        let until = chrono::DateTime::parse_from_rfc3339(until)
            .unwrap_or_else(|e| panic!("{until}: {e}"))
            .with_timezone(&chrono::Utc);
        let days = (until - now).num_hours() as f64 / 24.0;
        assert!((29.0..=30.1).contains(&days), "{key}: retained {days} days");
    }

    // log verify --remote: every run intact, and the bucket named enforcing.
    let (code, out, err) = b.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("retention: enforced, COMPLIANCE"), "{out}");
    assert!(!out.contains("FAIL"), "{out}");

    // An overwrite is refused…
    let key = journal[0].as_str();
    let (status, _, original) = raw(http::Method::GET, key, "");
    assert_eq!(status, 200);
    let put = rt.block_on(c.put_new(
        &object_store::path::Path::from(key),
        bytes::Bytes::from_static(b"{\"seq\":1}\n"),
        false,
    ));
    assert_eq!(put, Ok(pasos::remote::client::Put::AlreadyThere));
    assert_eq!(raw(http::Method::GET, key, "").2, original);
    // …and so is deleting the locked version, before its date.
    let (_, _, versions) = rt
        .block_on(c.raw(http::Method::GET, None, &format!("versions&prefix={key}")))
        .unwrap();
    let versions = String::from_utf8_lossy(&versions).into_owned();
    let ids = xml_all(&versions, "VersionId");
    assert_eq!(ids.len(), 1, "{versions}");
    let version = format!("versionId={}", ids[0]);
    let (status, _, body) = raw(http::Method::DELETE, key, &version);
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 403, "locked version deleted: {body}");
    assert!(body.contains("AccessDenied"), "{body}");

    // A plain DELETE only lays a delete marker over it (S3's rule): verify
    // reports the segment missing, and the locked version is still there
    // to be restored.
    let (status, _, _) = raw(http::Method::DELETE, key, "");
    assert_eq!(status, 204);
    let (code, out, _) = b.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL"), "{out}");
    let (status, _, kept) = raw(http::Method::GET, key, &version);
    assert_eq!(status, 200);
    assert_eq!(kept, original);
}

/// A client on the bucket, signed with the bastion's keys (an operator,
/// or an attacker, holding them).
fn client(m: &Moto, prefix: &str) -> (tokio::runtime::Runtime, pasos::remote::Client) {
    let cfg = pasos::remote::RemoteConfig {
        location: pasos::remote::Location::parse(&format!("s3://{}/{prefix}", m.bucket)).unwrap(),
        endpoint: Some(m.endpoint.clone()),
        region: Some(moto::REGION.into()),
        retention_days: 30,
        refresh_seconds: 0,
    };
    let rt = pasos::remote::client::runtime().unwrap();
    let (id, secret) = (&m.env()[0].1, &m.env()[1].1);
    let c = pasos::remote::Client::with_keys(&cfg, id, secret).unwrap();
    (rt, c)
}
