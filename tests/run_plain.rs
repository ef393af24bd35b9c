//! `pasos run` (line mode) end to end through the real binary, on the
//! demo procedure: a deviation, a rollback, quitting and resuming, the
//! lock, and secrets that never reach the data directory.

use assert_cmd::Command;
use pasos::journal::{Event, store, verify_file};
use std::path::{Path, PathBuf};

struct Env {
    data: tempfile::TempDir,
    work: tempfile::TempDir,
}

const SECRET: &str = "tok-SECRETO-4a7f19";

impl Env {
    fn new() -> Env {
        Env {
            data: tempfile::tempdir().unwrap(),
            work: tempfile::Builder::new()
                .prefix("pasos-test-")
                .tempdir_in("/tmp")
                .unwrap(),
        }
    }

    fn workdir(&self) -> String {
        self.work.path().join("demo").display().to_string()
    }

    fn run(&self, extra: &[&str], stdin: &str) -> assert_cmd::assert::Assert {
        let mut cmd = Command::cargo_bin("pasos").unwrap();
        cmd.env("PASOS_DATA_DIR", self.data.path())
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("run")
            .arg(format!("--var=WORKDIR={}", self.workdir()))
            .env("PASOS_VAR_NOTIFY_TOKEN", SECRET)
            .args(extra)
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
            .write_stdin(stdin.to_string())
            .timeout(std::time::Duration::from_secs(60));
        cmd.assert()
    }

    fn journals(&self) -> Vec<PathBuf> {
        store::list(self.data.path()).unwrap()
    }

    fn events(&self) -> Vec<Event> {
        let j = &self.journals()[0];
        let v = verify_file(j).unwrap();
        assert!(v.intact(), "{:?}", v.problems);
        v.lines.into_iter().map(|l| l.event).collect()
    }

    fn config(&self) -> String {
        std::fs::read_to_string(Path::new(&self.workdir()).join("app/config.ini")).unwrap()
    }

    /// No file under the data dir mentions the secret.
    fn assert_secret_absent(&self) {
        let mut stack = vec![self.data.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let bytes = std::fs::read(&p).unwrap();
                    let text = String::from_utf8_lossy(&bytes);
                    assert!(
                        !text.contains(SECRET),
                        "the secret leaked into {}",
                        p.display()
                    );
                }
            }
        }
    }
}

/// Answers up to and including the failure of step 4.
fn to_step_4() -> String {
    // prerequisite "read the procedure"; P1, P2, 1, 2; step 3 + its
    // confirmation; step 4 (fails).
    ["y", "", "", "", "", "", "3", ""].join("\n") + "\n"
}

#[test]
fn a_deviation_lets_the_run_go_on_to_success() {
    let env = Env::new();
    let stdin = to_step_4() + "o\nschema migrated by hand, checked with the DBA\n\n\n\n";
    let out = env.run(&[], &stdin).code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("✗ 4 failed"), "{stdout}");
    assert!(stdout.contains("Rollback plan from here"), "{stdout}");
    assert!(stdout.contains("Run finished: SUCCESS"), "{stdout}");
    assert!(env.config().contains("version=2.0.0"));
    let events = env.events();
    assert!(events.iter().any(|e| matches!(e, Event::Deviation { step: Some(s), reason, .. } if s == "4" && reason.contains("DBA"))));
    assert!(
        events.iter().any(
            |e| matches!(e, Event::Confirmation { step, typed } if step == "3" && typed == "3")
        )
    );
    assert!(matches!(
        events.last(),
        Some(Event::RunFinished {
            outcome: pasos::journal::RunOutcome::Success,
            ..
        })
    ));
    // Step 6 printed a fingerprint of the secret, never the secret.
    assert!(!stdout.contains(SECRET));
    env.assert_secret_absent();
}

#[test]
fn a_rollback_restores_the_previous_release() {
    let env = Env::new();
    let stdin = to_step_4() + "b\nschema not migrated; cannot fix in 5 minutes\n\n\n\n\n\n\n";
    let out = env.run(&[], &stdin).code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("Run finished: ROLLED BACK"), "{stdout}");
    assert!(env.config().contains("version=1.0.0"), "{}", env.config());
    let notifications =
        std::fs::read_to_string(Path::new(&env.workdir()).join("notifications.log")).unwrap();
    assert!(notifications.contains("ROLLBACK to 1.0.0"));
    let events = env.events();
    let plan = events.iter().find_map(|e| match e {
        Event::RollbackStarted { plan, .. } => Some(plan.clone()),
        _ => None,
    });
    // The tree's entry first; steps 2 and 3 are undone by R4 and R2.
    assert_eq!(plan.unwrap(), vec!["R1", "R2", "R3", "R4"]);
    env.assert_secret_absent();
}

#[test]
fn quitting_keeps_the_run_resumable_at_the_same_step() {
    let env = Env::new();
    // Confirm the prerequisite, run P1, then end of input at P2.
    let out = env.run(&[], "y\n\n").code(4);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("pasos run --resume"), "{stdout}");
    let run_id = store::run_id_of(&env.journals()[0]);
    // Resume: the secret is asked again (given with --var), P2 is next.
    let out = env
        .run(&["--resume", &run_id[..20]], "\n\n\n\n3\n\no\nok\n\n\n\n")
        .code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("[P2]"), "{stdout}");
    assert!(!stdout.contains("[P1]"), "P1 was already done: {stdout}");
    assert_eq!(env.journals().len(), 1);
    let events = env.events();
    let kinds: Vec<&str> = events.iter().map(Event::kind).collect();
    assert!(
        kinds.contains(&"run-interrupted") && kinds.contains(&"run-resumed"),
        "{kinds:?}"
    );
}

#[test]
fn a_second_live_run_of_the_same_procedure_is_refused_without_force() {
    use std::os::fd::AsRawFd;
    let env = Env::new();
    let locks = env.data.path().join("locks");
    std::fs::create_dir_all(&locks).unwrap();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let path = locks.join("PROC-DEMO-001.lock");
    std::fs::write(
        &path,
        format!(
            "20261123T000000000Z-aaaa {} {}",
            std::process::id(),
            host.trim()
        ),
    )
    .unwrap();
    // A live holder holds the file's flock (this test stands in for it).
    let held = std::fs::File::open(&path).unwrap();
    // SAFETY: flock on a descriptor this test owns.
    assert_eq!(
        unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
    env.run(&[], "").code(2).stderr(predicates::str::contains(
        "is already running this procedure",
    ));
    assert!(env.journals().is_empty(), "a refused run leaves no journal");
    // The holder dies without cleaning up: its file stays, its flock goes.
    drop(held);
    env.run(&["--force"], "q\n").code(4);
    let events = env.events();
    assert!(matches!(&events[0], Event::RunStarted { forced: true, .. }));
    assert!(
        events.iter().any(
            |e| matches!(e, Event::Note { text, .. } if text.contains("20261123T000000000Z-aaaa"))
        ),
        "the takeover names the previous holder: {events:?}"
    );
}

#[test]
fn unknown_variables_and_rehearsals() {
    let env = Env::new();
    let mut cmd = Command::cargo_bin("pasos").unwrap();
    cmd.env("PASOS_DATA_DIR", env.data.path())
        .args([
            "run",
            "--var",
            "NOPE=1",
            concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("declares no such variable"));
    // A rehearsal runs nothing: WORKDIR is never created.
    // Three prerequisites confirmed by hand (checks do not run either),
    // P1 reviewed, P2 shown.
    let out = env.run(&["--dry-run"], "y\ny\ny\n\ny\n\n").code(4);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("(would run) $ mkdir -p"), "{stdout}");
    assert!(
        !stdout.contains("/usr/bin/tar"),
        "prerequisite checks ran: {stdout}"
    );
    assert!(!Path::new(&env.workdir()).exists());
}
