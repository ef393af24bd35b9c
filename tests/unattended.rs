//! `pasos run --unattended` end to end through the real binary, on the
//! demo procedure: the refusal before the start, a drill to the failure
//! of step 4 with `--rollback-on-failure`, a drill to success, the JUnit
//! file read by a real consumer (Python's `junitparser`), and test runs
//! kept apart from live runs in `kpi` and `log list`.

mod common;

use assert_cmd::Command;
use pasos::journal::{Event, Mode, RunOutcome, store, verify_file};
use std::path::{Path, PathBuf};

const SECRET: &str = "tok-DRILL-SECRETO-5b8e27";

struct Env {
    data: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            data: tempfile::tempdir().unwrap(),
            work: tempfile::Builder::new()
                .prefix("pasos-drill-")
                .tempdir_in("/tmp")
                .unwrap(),
        }
    }

    fn workdir(&self) -> PathBuf {
        self.work.path().join("demo")
    }

    fn cmd(&self, lang: &str) -> Command {
        let mut cmd = Command::cargo_bin("pasos").unwrap();
        cmd.env("PASOS_DATA_DIR", self.data.path())
            .env("HOME", self.work.path())
            .env("LANG", lang)
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("SSH_AUTH_SOCK")
            .timeout(std::time::Duration::from_secs(120));
        cmd
    }

    /// `pasos run --unattended` on the demo, with the secret from the
    /// environment and WORKDIR in the test's own directory.
    fn drill(&self, extra: &[&str]) -> common::Output {
        let out = self
            .cmd("en_US.UTF-8")
            .arg("run")
            .arg("--unattended")
            .arg(format!("--var=WORKDIR={}", self.workdir().display()))
            .env("PASOS_VAR_NOTIFY_TOKEN", SECRET)
            .args(extra)
            .arg(demo())
            .write_stdin("")
            .output()
            .expect("pasos runs");
        common::Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn journals(&self) -> Vec<PathBuf> {
        store::list(self.data.path()).unwrap_or_default()
    }

    fn events(&self) -> Vec<Event> {
        let journals = self.journals();
        assert_eq!(journals.len(), 1, "{journals:?}");
        let v = verify_file(&journals[0]).unwrap();
        assert!(v.intact(), "{:?}", v.problems);
        v.lines.into_iter().map(|l| l.event).collect()
    }

    fn config(&self) -> String {
        std::fs::read_to_string(self.workdir().join("app/config.ini")).unwrap()
    }

    /// Every byte pasos wrote under the data directory, for leak checks.
    fn data_bytes(&self) -> String {
        let mut out = String::new();
        let mut dirs = vec![self.data.path().to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else {
                    out.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
                }
            }
        }
        out
    }
}

fn demo() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml")
}

const ANSWERS: &[&str] = &["--yes-to", "3", "--yes-to", "prerequisites"];

fn outcome(events: &[Event]) -> Option<RunOutcome> {
    events.iter().find_map(|e| match e {
        Event::RunFinished { outcome, .. } => Some(*outcome),
        _ => None,
    })
}

fn mode(events: &[Event]) -> Option<Mode> {
    events.iter().find_map(|e| match e {
        Event::RunStarted { mode, .. } => Some(*mode),
        _ => None,
    })
}

#[test]
fn questions_without_flags_are_refused_before_anything_runs() {
    let env = Env::new();
    let out = env.drill(&["--yes-to", "33"]);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    for expected in [
        "step 3 (Deploy version 2.0.0) needs a typed confirmation: add --yes-to 3",
        "--yes-to prerequisites",
        "--yes-to 33: the procedure has no step 33",
        "Nothing was run and no journal was written.",
    ] {
        assert!(out.stderr.contains(expected), "{expected}\n{}", out.stderr);
    }
    assert!(env.journals().is_empty());
    assert!(!env.workdir().exists(), "nothing may run");

    // A variable without a value is named with the way to give it, in
    // the operator's language.
    let out = env
        .cmd("es_ES.UTF-8")
        .args(["run", "--unattended", "--yes-to", "3"])
        .args(["--yes-to", "prerequisites"])
        .arg(demo())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("la variable NOTIFY_TOKEN no tiene valor: define PASOS_VAR_NOTIFY_TOKEN"),
        "{stderr}"
    );
    assert!(env.journals().is_empty());

    // The flags of a drill make no sense without --unattended.
    let out = env
        .cmd("en_US.UTF-8")
        .args(["run", "--answer", "4=yes"])
        .arg(demo())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--unattended"));
}

#[test]
fn a_drill_to_the_failure_of_step_4_rolls_back_and_exits_1() {
    let env = Env::new();
    let junit = env.work.path().join("report.xml");
    let mut args = ANSWERS.to_vec();
    let junit_arg = junit.display().to_string();
    args.extend(["--rollback-on-failure", "--junit", &junit_arg]);
    let out = env.drill(&args);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let events = env.events();
    assert_eq!(mode(&events), Some(Mode::Test));
    assert_eq!(outcome(&events), Some(RunOutcome::RolledBack));
    let started = events
        .iter()
        .find_map(|e| match e {
            Event::RollbackStarted {
                from_step, plan, ..
            } => Some((from_step.clone(), plan.clone())),
            _ => None,
        })
        .expect("the rollback started");
    assert_eq!(started.0.as_deref(), Some("4"));
    assert_eq!(started.1, ["undo:3", "undo:2", "R1", "R2", "R3", "R4"]);
    // The rollback really ran: release 1.0.0 is back, the flag is down.
    assert!(env.config().contains("version=1.0.0"), "{}", env.config());
    assert!(!env.workdir().join("maintenance.flag").exists());
    // Steps after the failure never ran.
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::StepStarted { step, .. } if step == "5"))
    );
    // The summary.
    assert!(out.stdout.contains("✗ 4 "), "{}", out.stdout);
    assert!(
        out.stdout.contains("Steps: 11 passed, 1 failed, 3 not run"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Outcome: FAILED, rolled back"),
        "{}",
        out.stdout
    );
    assert!(!env.data_bytes().contains(SECRET));

    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(!xml.contains(SECRET));
    let run_id = store::run_id_of(&env.journals()[0]);
    if !python_module(
        "a_drill_to_the_failure_of_step_4_rolls_back_and_exits_1",
        "junitparser",
    ) {
        return;
    }
    let read = junit_summary(&junit);
    let expected_head = format!(
        "suite tests=15 failures=1 skipped=3 errors=0\n\
         property pasos.run_id={run_id}\n\
         property pasos.procedure=PROC-DEMO-001\n\
         property pasos.outcome=rolled-back\n"
    );
    assert!(read.starts_with(&expected_head), "{read}");
    assert!(
        read.contains(
            "case 4 — Check the database schema is migrated | PROC-DEMO-001.deploy | Failure | \
             exit code 1: command 1 of 1 exited with 1 | cat: "
        ),
        "{read}"
    );
    assert!(
        read.contains("schema.version: No such file or directory"),
        "{read}"
    );
    assert!(
        read.contains("case 5 — Take down the maintenance flag | PROC-DEMO-001.deploy | Skipped"),
        "{read}"
    );
    assert!(
        read.contains("case R4 — Take down the flag and notify | PROC-DEMO-001.rollback | passed"),
        "{read}"
    );
}

#[test]
fn without_rollback_on_failure_the_drill_stops_at_the_failure() {
    let env = Env::new();
    let out = env.drill(ANSWERS);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let events = env.events();
    assert_eq!(outcome(&events), Some(RunOutcome::Failed));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::RollbackStarted { .. }))
    );
    assert!(env.config().contains("version=2.0.0"));
    assert!(
        out.stdout.contains("add --rollback-on-failure"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_drill_to_success_counts_as_a_test_not_an_execution() {
    let env = Env::new();
    // The migration step 4 checks has run on this "server".
    std::fs::create_dir_all(env.workdir().join("app")).unwrap();
    std::fs::write(env.workdir().join("app/schema.version"), "schema=2\n").unwrap();
    let junit = env.work.path().join("ok.xml");
    let mut args = ANSWERS.to_vec();
    let junit_arg = junit.display().to_string();
    args.extend(["--rollback-on-failure", "--junit", &junit_arg]);
    let out = env.drill(&args);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let events = env.events();
    assert_eq!(mode(&events), Some(Mode::Test));
    assert_eq!(outcome(&events), Some(RunOutcome::Success));
    assert!(out.stdout.contains("Outcome: SUCCESS"), "{}", out.stdout);
    assert!(!env.data_bytes().contains(SECRET));
    assert!(!out.stdout.contains(SECRET));

    // Kept apart from live runs: no execution, one test, its date.
    let kpi = env
        .cmd("en_US.UTF-8")
        .args(["kpi", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&kpi.stdout).expect("kpi json");
    let text = json.to_string();
    assert_eq!(json["global"]["executions"], 0, "{text}");
    assert_eq!(json["global"]["tests"], 1, "{text}");
    assert_eq!(json["global"]["rehearsals"], 0, "{text}");
    let fig = &json["procedures"][0]["figures"];
    assert_eq!(fig["executions"], 0, "{text}");
    assert_eq!(fig["tests"], 1, "{text}");
    assert_eq!(fig["last_test_passed"], true, "{text}");
    assert!(fig["last_test"].is_string(), "{text}");
    assert!(fig["last_execution"].is_null(), "{text}");

    let list = env
        .cmd("en_US.UTF-8")
        .args(["log", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.contains("success (test)"), "{list}");

    if !python_module(
        "a_drill_to_success_counts_as_a_test_not_an_execution",
        "junitparser",
    ) {
        return;
    }
    let read = junit_summary(&junit);
    assert!(
        read.starts_with("suite tests=9 failures=0 skipped=0 errors=0\n"),
        "{read}"
    );
}

/// Whether `python3` can import `module`; prints a visible SKIP notice
/// when not, and fails instead when `PASOS_REQUIRE_TOOLS` is set (CI).
fn python_module(test: &str, module: &str) -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return true;
    }
    if std::env::var_os("PASOS_REQUIRE_TOOLS").is_some() {
        panic!("{test}: python3 -m {module} is required (PASOS_REQUIRE_TOOLS is set) but missing");
    }
    eprintln!("SKIP {test}: the Python module {module} is not installed (.ci/run installs it)");
    false
}

/// The JUnit file as `junitparser` reads it, one line per fact.
fn junit_summary(path: &Path) -> String {
    let script = r#"
import sys
from junitparser import JUnitXml, Failure, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    print(f"suite tests={suite.tests} failures={suite.failures} skipped={suite.skipped} errors={suite.errors}")
    for p in suite.properties():
        if p.name in ("pasos.run_id", "pasos.procedure", "pasos.outcome"):
            print(f"property {p.name}={p.value}")
    for case in suite:
        res = case.result
        if not res:
            print(f"case {case.name} | {case.classname} | passed | {case.time}")
        for r in res:
            text = (r.text or "").replace("\n", " ")
            print(f"case {case.name} | {case.classname} | {type(r).__name__} | {r.message} | {text}")
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "junitparser could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
