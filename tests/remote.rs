//! The team history in a real S3 server (Garage on 127.0.0.1, started by
//! `support/garage.rs` from its own config): two bastions share a bucket,
//! a third sees both runs; objects deleted or changed in the bucket are
//! reported by `log verify --remote`; a server that goes down during a run
//! costs nothing but a later `pasos sync`. Skipped, visibly, without the
//! `garage` binary (`.ci/run` installs it).

mod common;
#[path = "support/garage.rs"]
mod garage;
#[path = "support/journal_gen.rs"]
mod journal_gen;

use garage::Garage;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// One bastion: its own config dir (pointing at the bucket) and data dir.
struct Bastion {
    config: tempfile::TempDir,
    data: tempfile::TempDir,
    work: tempfile::TempDir,
    env: Vec<(&'static str, String)>,
}

const SECRET: &str = "tok-SECRETO-4a7f19";

impl Bastion {
    fn new(g: &Garage, prefix: &str) -> Bastion {
        let b = Bastion {
            config: tempfile::tempdir().unwrap(),
            data: tempfile::tempdir().unwrap(),
            work: tempfile::Builder::new()
                .prefix("pasos-test-")
                .tempdir_in("/tmp")
                .unwrap(),
            env: g.env(),
        };
        std::fs::write(b.config.path().join("config.toml"), g.pasos_config(prefix)).unwrap();
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
        let out = self.command(args).output().unwrap();
        text(out)
    }

    fn demo_args(&self) -> Vec<String> {
        vec![
            "run".into(),
            "--plain".into(),
            format!("--var=WORKDIR={}", self.work.path().join("demo").display()),
            concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml").into(),
        ]
    }

    /// Runs the demo to success with a deviation at step 4.
    fn run_demo(&self) -> (i32, String, String) {
        let args = self.demo_args();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut child = self
            .command(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(demo_input().as_bytes())
            .unwrap();
        text(child.wait_with_output().unwrap())
    }

    fn journals(&self) -> Vec<PathBuf> {
        pasos::journal::store::list(self.data.path()).unwrap()
    }
}

fn text(out: Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Up to step 4 (which fails), a recorded deviation, then to the end.
fn demo_first_half() -> String {
    ["y", "", "", "", "", "", "3", ""].join("\n") + "\n"
}

fn demo_second_half() -> String {
    "o\nschema migrated by hand, checked with the DBA\n\n\n\n".to_string()
}

fn demo_input() -> String {
    demo_first_half() + &demo_second_half()
}

fn kpi_runs(b: &Bastion, extra: &[&str]) -> u64 {
    let mut args = vec!["kpi", "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = b.pasos(&args);
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    v["global"]["executions"].as_u64().unwrap_or(0)
}

/// A client on the bucket, as an attacker (or an accident) with the key.
fn bucket(g: &Garage, prefix: &str) -> (tokio::runtime::Runtime, pasos::remote::Client) {
    let cfg = pasos::remote::RemoteConfig {
        location: pasos::remote::Location::parse(&format!("s3://{}/{prefix}", g.bucket)).unwrap(),
        endpoint: Some(g.endpoint.clone()),
        region: Some(garage::REGION.into()),
        retention_days: 90,
        refresh_seconds: 0,
    };
    let rt = pasos::remote::client::runtime().unwrap();
    let c = pasos::remote::Client::with_keys(&cfg, &g.key_id, &g.secret).unwrap();
    (rt, c)
}

fn keys(rt: &tokio::runtime::Runtime, c: &pasos::remote::Client) -> Vec<String> {
    let mut out: Vec<String> = rt
        .block_on(c.list(&c.key("runs")))
        .unwrap()
        .into_iter()
        .map(|m| m.location.as_ref().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn two_bastions_share_one_history_and_a_third_sees_both() {
    let Some(g) = Garage::start("two_bastions_share_one_history_and_a_third_sees_both") else {
        return;
    };
    let (a, b, lead) = (
        Bastion::new(&g, "team"),
        Bastion::new(&g, "team"),
        Bastion::new(&g, "team"),
    );
    for bastion in [&a, &b] {
        let (code, out, err) = bastion.run_demo();
        assert_eq!(code, 0, "{out}{err}");
        assert!(err.contains("the run is in the team's bucket"), "{err}");
    }
    // A third machine, with no runs of its own, sees both.
    assert_eq!(kpi_runs(&lead, &[]), 2);
    // A bastion sees its own and the other's, each once.
    assert_eq!(kpi_runs(&a, &[]), 2);
    assert_eq!(kpi_runs(&a, &["--local-only"]), 1);
    assert_eq!(kpi_runs(&a, &["--remote-only"]), 2);
    let (code, list, err) = lead.pasos(&["log", "list"]);
    assert_eq!(code, 0, "{err}");
    for j in a.journals().iter().chain(b.journals().iter()) {
        let id = pasos::journal::store::run_id_of(j);
        assert!(list.contains(&id), "{id} not in\n{list}");
        // report and export --run read a remote run like a local one.
        let (code, report, err) = lead.pasos(&["report", &id]);
        assert_eq!(code, 0, "{err}");
        assert!(
            report.contains("PROC-DEMO") || report.contains(&id),
            "{report}"
        );
        let (code, _, err) = lead.pasos(&["export", "--run", &id[..id.len() - 2]]);
        assert_eq!(code, 0, "{err}");
    }
    // Every object is in place; the bastions have nothing left to send.
    let (code, out, err) = a.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("2 runs in s3://pasos-history/team: 0 do not verify"),
        "{out}"
    );
    // Nothing secret went to the bucket.
    let (rt, c) = bucket(&g, "team");
    let all = keys(&rt, &c);
    assert!(all.iter().any(|k| k.contains("/j/")), "{all:?}");
    for k in &all {
        let bytes = rt
            .block_on(c.get(&object_store::path::Path::from(k.as_str())))
            .unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(SECRET),
            "{k} holds the secret"
        );
    }
}

#[test]
fn objects_deleted_or_changed_in_the_bucket_are_reported() {
    let Some(g) = Garage::start("objects_deleted_or_changed_in_the_bucket_are_reported") else {
        return;
    };
    let a = Bastion::new(&g, "ops");
    let (code, out, err) = a.run_demo();
    assert_eq!(code, 0, "{out}{err}");
    // A file beside the journal (as signed checkpoints are) goes up too.
    let journal = &a.journals()[0];
    let id = pasos::journal::store::run_id_of(journal);
    let beside = journal.with_file_name(format!("{id}.checkpoints"));
    std::fs::create_dir(&beside).unwrap();
    std::fs::write(beside.join("0001.sig"), "-----BEGIN SSH SIGNATURE-----\n").unwrap();
    let (code, out, _) = a.pasos(&["sync"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 run sent"), "{out}");
    let (code, out, _) = a.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 0, "{out}");

    let (rt, c) = bucket(&g, "ops");
    let all = keys(&rt, &c);
    let signature = all
        .iter()
        .find(|k| k.contains("/f/checkpoints/0001.sig/"))
        .unwrap_or_else(|| panic!("{all:?}"))
        .clone();
    // Edit a journal segment in place: the deviation's record changed.
    let (key, bytes) = all
        .iter()
        .filter(|k| k.contains("/j/"))
        .map(|k| {
            let key = object_store::path::Path::from(k.as_str());
            let bytes = rt.block_on(c.get(&key)).unwrap();
            (key, bytes)
        })
        .find(|(_, b)| String::from_utf8_lossy(b).contains("\"deviation\""))
        .expect("a journal segment with the deviation");
    let edited = String::from_utf8_lossy(&bytes).replacen("\"deviation\"", "\"deviatiom\"", 1);
    assert_ne!(
        edited.as_bytes(),
        &bytes[..],
        "the journal has a deviation to edit"
    );
    use object_store::ObjectStoreExt as _;
    let raw = object_store::aws::AmazonS3Builder::new()
        .with_endpoint(&g.endpoint)
        .with_allow_http(true)
        .with_bucket_name(&g.bucket)
        .with_region(garage::REGION)
        .with_access_key_id(&g.key_id)
        .with_secret_access_key(&g.secret)
        .build()
        .unwrap();
    rt.block_on(raw.put(&key, edited.into_bytes().into()))
        .unwrap();
    // Delete the signature.
    rt.block_on(c.delete(&object_store::path::Path::from(signature.as_str())))
        .unwrap();

    let (code, out, err) = a.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("FAIL"), "{out}");
    assert!(out.contains("was changed in the bucket"), "{out}");
    assert!(out.contains("bytes of checkpoints/0001.sig"), "{out}");

    // A whole run deleted is reported too.
    for k in keys(&rt, &c) {
        rt.block_on(c.delete(&object_store::path::Path::from(k.as_str())))
            .unwrap();
    }
    let (code, out, _) = a.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the whole run is gone from the bucket"),
        "{out}"
    );
    // Garage enforces neither conditional puts nor retention: said so.
    assert!(out.contains("retention: NOT enforced"), "{out}");
    assert!(out.contains("bucket pasos-history"), "{out}");
}

#[test]
fn a_run_survives_the_server_going_down_and_sync_uploads_it_later() {
    let Some(mut g) =
        Garage::start("a_run_survives_the_server_going_down_and_sync_uploads_it_later")
    else {
        return;
    };
    let a = Bastion::new(&g, "shift");
    let args = a.demo_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut child = a
        .command(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(demo_first_half().as_bytes()).unwrap();
    // The uploader sends the first lines while the run waits at step 4.
    std::thread::sleep(Duration::from_secs(5));
    g.stop_server();
    stdin.write_all(demo_second_half().as_bytes()).unwrap();
    drop(stdin);
    let (code, out, err) = text(child.wait_with_output().unwrap());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Run finished: SUCCESS"), "{out}");
    assert!(err.contains("the run is safe here"), "{err}");
    let run_id = pasos::journal::store::run_id_of(&a.journals()[0]);

    let (code, list, _) = a.pasos(&["log", "list"]);
    assert_eq!(code, 0);
    assert!(
        list.contains("not yet uploaded to s3://pasos-history/shift"),
        "{list}"
    );
    assert!(list.contains(&format!("{run_id}  not uploaded:")), "{list}");
    let (code, out, _) = a.pasos(&["sync"]);
    assert_eq!(code, 1, "the server is still down: {out}");

    g.start_server();
    let (code, out, err) = a.pasos(&["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 run sent"), "{out}");
    let (_, list, _) = a.pasos(&["log", "list"]);
    assert!(!list.contains("not yet uploaded"), "{list}");
    let (code, out, _) = a.pasos(&["log", "verify", "--remote"]);
    assert_eq!(code, 0, "{out}");
    // Uploaded in more than one piece: before and after the outage.
    let (rt, c) = bucket(&g, "shift");
    let journal_segments = keys(&rt, &c).iter().filter(|k| k.contains("/j/")).count();
    assert!(journal_segments >= 2, "{journal_segments}");
    let lead = Bastion::new(&g, "shift");
    assert_eq!(kpi_runs(&lead, &[]), 1);
}

#[test]
fn sync_status_names_what_the_bucket_does_not_enforce() {
    let Some(g) = Garage::start("sync_status_names_what_the_bucket_does_not_enforce") else {
        return;
    };
    let a = Bastion::new(&g, "probe");
    let (code, out, err) = a.pasos(&["sync", "--status"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("remote history: s3://pasos-history/probe"),
        "{out}"
    );
    // Garage 2.5 takes If-None-Match: * and overwrites anyway.
    assert!(out.contains("conditional puts: IGNORED"), "{out}");
    assert!(out.contains("retention: NOT enforced"), "{out}");
    assert!(out.contains("pasos-history"), "{out}");
    assert!(out.contains("upload queue: empty"), "{out}");
    let _ = Path::new("");
}

#[test]
fn a_new_reader_takes_the_runs_from_packs_that_cannot_change_them() {
    let Some(g) = Garage::start("a_new_reader_takes_the_runs_from_packs_that_cannot_change_them")
    else {
        return;
    };
    const RUNS: usize = 80;
    // One bastion with many runs sends them; its sync reads them back one
    // by one and leaves them packed.
    let a = Bastion::new(&g, "packed");
    for n in 0..RUNS {
        journal_gen::bench_journal(a.data.path(), n, 3, 20);
    }
    let (code, out, err) = a.pasos(&["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    let (rt, c) = bucket(&g, "packed");
    let packs: Vec<String> = rt
        .block_on(c.list(&c.key("packs")))
        .unwrap()
        .into_iter()
        .map(|m| m.location.as_ref().to_string())
        .collect();
    assert_eq!(packs.len(), 1, "{packs:?}");

    // The pack replaced by a forged one: the same segments, but a run's
    // first one under its real key with other bytes (a pack is anyone's to
    // write, like every object).
    let first = keys(&rt, &c)
        .into_iter()
        .find(|k| k.contains("/j/"))
        .unwrap();
    let rest = first.strip_prefix("packed/").unwrap().to_string();
    let original = rt
        .block_on(c.get(&object_store::path::Path::from(first.as_str())))
        .unwrap();
    let forged_bytes = String::from_utf8_lossy(&original).replace("Ana", "Eve");
    assert_ne!(forged_bytes.as_bytes(), &original[..]);
    let real = object_store::path::Path::from(packs[0].as_str());
    let real_bytes = rt.block_on(c.get(&real)).unwrap();
    let mut forged = pasos::remote::pack::Packer::default();
    let mut replaced = 0;
    for (key, bytes) in pasos::remote::pack::segments(&real_bytes) {
        if key == rest {
            replaced += 1;
            forged.add(key, forged_bytes.as_bytes());
        } else {
            forged.add(key, bytes);
        }
    }
    assert_eq!(replaced, 1);
    let forged = forged.finish().unwrap();
    rt.block_on(c.put_new(
        &c.key(&pasos::remote::pack::rest_for(&forged)),
        forged.into(),
        false,
    ))
    .unwrap();
    rt.block_on(c.delete(&real)).unwrap();

    // A new reader: every run, every one verified, none changed.
    let lead = Bastion::new(&g, "packed");
    assert_eq!(kpi_runs(&lead, &[]), RUNS as u64);
    let (code, out, err) = lead.pasos(&["log", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    let run = pasos::remote::keys::SegmentKey::parse(&rest)
        .unwrap()
        .run_id;
    let copy = pasos::journal::store::journal_path(&lead.data.path().join("remote"), &run);
    assert_eq!(std::fs::read(&copy).unwrap(), original.to_vec());
    // The verdicts of the copies are in the remote runs' index, which a
    // warm `kpi` reads instead of the copies.
    assert!(pasos::remote::index::load(lead.data.path()).is_some_and(|i| i.len() == RUNS));
}
