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
        stderr.contains("la variable NOTIFY_TOKEN no tiene valor: defina PASOS_VAR_NOTIFY_TOKEN"),
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
    // The decision tree's entry first; R2 and R4 do steps 3's and 2's undos.
    assert_eq!(started.1, ["R1", "R2", "R3", "R4"]);
    let plan = started.1;
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
        out.stdout.contains(&format!(
            "Steps: {} passed, 1 failed, 3 not run",
            5 + plan.len()
        )),
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
        "suite tests={} failures=1 skipped=3 errors=0\n\
         property pasos.run_id={run_id}\n\
         property pasos.procedure=PROC-DEMO-001\n\
         property pasos.outcome=rolled-back\n",
        9 + plan.len()
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

fn drill_fixture() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/unattended/drill.toml")
}

#[test]
fn a_manual_step_is_answered_by_yes_to_and_a_failed_check_ends_the_run() {
    let env = Env::new();
    let marker = env.work.path().join("marker");
    let marker_var = format!("--var=MARKER={}", marker.display());
    let run = |extra: &[&str]| {
        env.cmd("en_US.UTF-8")
            .args(["run", "--unattended", &marker_var])
            .args(extra)
            .arg(drill_fixture())
            .output()
            .unwrap()
    };
    // Step 1 has no command: only --yes-to 1 answers it.
    let out = run(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("add --yes-to 1 once it is done"),
        "{stderr}"
    );
    assert!(env.journals().is_empty());

    // The prerequisite's check fails: nothing runs, the run ends failed.
    let out = run(&["--yes-to", "1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Prerequisite not met: The marker file exists"),
        "{stdout}"
    );
    let events = env.events();
    assert_eq!(mode(&events), Some(Mode::Test));
    assert_eq!(outcome(&events), Some(RunOutcome::Aborted));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::StepStarted { .. }))
    );
    std::fs::remove_file(&env.journals()[0]).unwrap();

    // With the marker there, the manual step is reported done by the flag.
    std::fs::write(&marker, "").unwrap();
    let out = run(&["--yes-to", "1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let journals = env.journals();
    let last = journals.iter().max().unwrap();
    let events: Vec<Event> = verify_file(last)
        .unwrap()
        .lines
        .into_iter()
        .map(|l| l.event)
        .collect();
    assert!(events.iter().any(|e| matches!(
        e,
        Event::StepFinished { step, outcome: pasos::journal::StepOutcome::Done, .. } if step == "1"
    )));
    assert_eq!(outcome(&events), Some(RunOutcome::Success));
    assert!(
        stdout.contains("Steps: 2 passed, 0 failed, 0 not run"),
        "{stdout}"
    );
}

#[test]
fn sigterm_interrupts_the_drill_resumably_with_a_summary() {
    use std::io::Read;
    let env = Env::new();
    let marker = env.work.path().join("marker");
    std::fs::write(&marker, "").unwrap();
    let junit = env.work.path().join("stopped.xml");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pasos"))
        .env("PASOS_DATA_DIR", env.data.path())
        .env("HOME", env.work.path())
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("SSH_AUTH_SOCK")
        .args(["run", "--unattended", "--yes-to", "1", "--var=LONG=yes"])
        .arg(format!("--var=MARKER={}", marker.display()))
        .arg("--junit")
        .arg(&junit)
        .arg(drill_fixture())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until step 2 runs (its command is journaled), then stop pasos.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let sent = env.journals().first().is_some_and(|j| {
            std::fs::read_to_string(j).is_ok_and(|t| t.contains("\"command-sent\""))
        });
        if sent {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "step 2 never started");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert_eq!(status.code(), Some(4), "{stdout}");
    let events = env.events();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind()).collect();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::RunInterrupted { .. })),
        "{kinds:?}\n{stdout}"
    );
    assert!(outcome(&events).is_none());
    assert!(stdout.contains("Outcome: INTERRUPTED"), "{stdout}");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains("pasos.outcome\" value=\"interrupted\""),
        "{xml}"
    );
}

fn drill_demo() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo-drill.toml")
}

impl Env {
    /// `pasos run --unattended` on the demo drill (a condition and a
    /// choice), WORKDIR in the test's own directory.
    fn drill_demo(&self, extra: &[&str]) -> common::Output {
        let out = self
            .cmd("en_US.UTF-8")
            .args(["run", "--unattended", "--yes-to", "3"])
            .arg(format!("--var=WORKDIR={}", self.workdir().display()))
            .env("PASOS_VAR_NOTIFY_TOKEN", SECRET)
            .args(extra)
            .arg(drill_demo())
            .output()
            .expect("pasos runs");
        common::Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

#[test]
fn the_demo_drill_succeeds_with_its_questions_answered_by_flags() {
    let env = Env::new();
    // Unanswered, the condition and the choice are named with their flags.
    let out = env.drill_demo(&[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("add --answer M1=yes or --answer M1=no"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("(log, none): add --answer 6=OPTION"),
        "{}",
        out.stderr
    );
    let out = env.drill_demo(&["--answer", "M1=yes", "--answer", "6=sms"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no option sms; its options: log, none"));
    assert!(env.journals().is_empty());

    let junit = env.work.path().join("drill.xml");
    let junit_arg = junit.display().to_string();
    let out = env.drill_demo(&[
        "--answer", "M1=yes", "--answer", "6=log", "--junit", &junit_arg,
    ]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let events = env.events();
    assert_eq!(mode(&events), Some(Mode::Test));
    assert_eq!(outcome(&events), Some(RunOutcome::Success));
    assert!(events.iter().any(|e| matches!(
        e,
        Event::ConditionAnswered { step, answer: true } if step == "M1"
    )));
    assert!(events.iter().any(|e| matches!(
        e,
        Event::ChoiceMade { step, option, .. } if step == "6" && option == "log"
    )));
    let log = std::fs::read_to_string(env.workdir().join("notifications.log")).unwrap();
    assert!(log.contains("deploy 2.0.0 finished"), "{log}");
    assert!(
        out.stdout.contains("Steps: 10 passed, 0 failed, 0 not run"),
        "{}",
        out.stdout
    );
    assert!(!env.data_bytes().contains(SECRET));
    assert!(!std::fs::read_to_string(&junit).unwrap().contains(SECRET));
    if !python_module(
        "the_demo_drill_succeeds_with_its_questions_answered_by_flags",
        "junitparser",
    ) {
        return;
    }
    let read = junit_summary(&junit);
    assert!(
        read.starts_with("suite tests=10 failures=0 skipped=0 errors=0\n"),
        "{read}"
    );
    assert!(read.contains("property pasos.outcome=success\n"), "{read}");
}

#[test]
fn the_demo_drill_answered_no_fails_at_step_4_and_rolls_back() {
    let env = Env::new();
    let junit = env.work.path().join("drill.xml");
    let junit_arg = junit.display().to_string();
    let out = env.drill_demo(&[
        "--answer",
        "M1=no",
        "--answer",
        "6=none",
        "--rollback-on-failure",
        "--junit",
        &junit_arg,
    ]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let events = env.events();
    assert_eq!(outcome(&events), Some(RunOutcome::RolledBack));
    assert!(env.config().contains("version=1.0.0"), "{}", env.config());
    assert!(
        out.stdout.contains("condition answered no"),
        "{}",
        out.stdout
    );
    if !python_module(
        "the_demo_drill_answered_no_fails_at_step_4_and_rolls_back",
        "junitparser",
    ) {
        return;
    }
    let read = junit_summary(&junit);
    assert!(
        read.starts_with("suite tests=13 failures=1 skipped=5 errors=0\n"),
        "{read}"
    );
    assert!(
        read.contains("case M1 — Migrate the database schema to version 2 | PROC-DEMO-002.deploy | Skipped | condition answered no"),
        "{read}"
    );
    assert!(read.contains("case 4 — Check the database schema is migrated | PROC-DEMO-002.deploy | Failure | exit code 1"), "{read}");
}

#[test]
fn a_failure_in_the_junit_file_is_redacted() {
    let env = Env::new();
    let junit = env.work.path().join("leak.xml");
    let out = env
        .cmd("en_US.UTF-8")
        .args(["run", "--unattended", "--junit"])
        .arg(&junit)
        .env("PASOS_VAR_TOKEN", SECRET)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/unattended/leak.toml"
        ))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let xml = std::fs::read_to_string(&junit).unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(SECRET);
    for leak in [SECRET, b64.as_str(), "AKIAIOSFODNN7EXAMPLE"] {
        assert!(!xml.contains(leak), "{leak} in\n{xml}");
    }
    // (The command line itself, from the procedure file, is echoed as
    // written; what the secret variable holds never is.)
    for leak in [SECRET, b64.as_str()] {
        assert!(!stdout.contains(leak), "{leak} in\n{stdout}");
    }
    assert!(xml.contains("token is [redacted]"), "{xml}");
    assert!(xml.contains("exit code 3"), "{xml}");
    assert!(!env.data_bytes().contains(SECRET));
}

#[test]
fn an_approval_nobody_gave_ahead_of_time_is_refused_before_the_start() {
    let env = Env::new();
    let text = std::fs::read_to_string(drill_fixture()).unwrap();
    let text = text.replacen(
        "rpo = \"0s\"\n",
        "rpo = \"0s\"\napproval = [\"tech-lead\"]\n",
        1,
    );
    assert!(text.contains("approval = [\"tech-lead\"]"));
    let file = env.work.path().join("approved.toml");
    std::fs::write(&file, text).unwrap();
    let out = env
        .cmd("en_US.UTF-8")
        .args(["run", "--unattended", "--yes-to", "1", "--var=MARKER=/"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the procedure needs an approval by tech-lead before its first step"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pasos approve --procedure PROC-DRILL-001 --from"),
        "{stderr}"
    );
    assert!(env.journals().is_empty());
}

#[test]
fn a_window_approval_signed_ahead_of_time_lets_the_drill_run() {
    let test = "a_window_approval_signed_ahead_of_time_lets_the_drill_run";
    if !common::tool_available(test, "ssh-keygen") {
        return;
    }
    let env = Env::new();
    let d = env.work.path();
    let key = d.join("ana");
    let made = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "ana@laptop", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let team = d.join("team");
    std::fs::write(&team, format!("tech-lead ana@example {public}")).unwrap();
    let text = std::fs::read_to_string(drill_fixture()).unwrap().replacen(
        "rpo = \"0s\"\n",
        "rpo = \"0s\"\napproval = [\"tech-lead\"]\n",
        1,
    );
    let file = d.join("approved.toml");
    std::fs::write(&file, text).unwrap();
    let now = chrono::Utc::now();
    let stamp = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339();
    let approve = env
        .cmd("en_US.UTF-8")
        .env("PASOS_TEAM", &team)
        .args([
            "approve",
            "--procedure",
            "PROC-DRILL-001",
            "--role",
            "tech-lead",
        ])
        .arg("--signing-key")
        .arg(&key)
        .args(["--from", &stamp(now - chrono::Duration::hours(1))])
        .args(["--until", &stamp(now + chrono::Duration::hours(1))])
        .output()
        .unwrap();
    assert!(
        approve.status.success(),
        "{}",
        String::from_utf8_lossy(&approve.stderr)
    );
    let out = env
        .cmd("en_US.UTF-8")
        .env("PASOS_TEAM", &team)
        .args(["run", "--unattended", "--yes-to", "1", "--var=MARKER=/"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("approved by ana@example (tech-lead)"),
        "{stdout}"
    );
    let events = env.events();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::ApprovalGranted(_)))
    );
    assert_eq!(outcome(&events), Some(RunOutcome::Success));
}
