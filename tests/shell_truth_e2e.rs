//! The shell tells the truth, through the real binary in a PTY: command
//! timeouts are enforced, shell restarts are journaled and never leave a
//! step running, step time is the operator's time, and a resume brings
//! the working context back.

#[path = "support/pty_screen.rs"]
mod pty_screen;

use pasos::journal::{Event, ExitSource, RestartCause, StepCause, StepOutcome, store, verify_file};
use pty_screen::{spawn, spawn_with};
use std::time::{Duration, Instant};

const HEAD: &str = r#"
[procedure]
id = "PROC-ST-001"
title = "Shell truth"
version = "1.0.0"
estimate = "2m"
criticality = "baja"

[[phases]]
id = "main"
kind = "execution"
title = "Main"
"#;

fn step(id: &str, commands: &str, extra: &str) -> String {
    format!(
        "\n[[phases.steps]]\nid = \"{id}\"\ntitle = \"Step {id}\"\nestimate = \"10s\"\nexpected = \"it works\"\nrollback = \"none\"\ncommands = {commands}\n{extra}\n"
    )
}

fn procedure(dir: &std::path::Path, steps: &[String]) -> std::path::PathBuf {
    let path = dir.join("p.toml");
    std::fs::write(&path, format!("{HEAD}{}", steps.concat())).unwrap();
    path
}

fn events(data: &std::path::Path) -> Vec<Event> {
    let journals = store::list(data).unwrap();
    let v = verify_file(&journals[0]).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    v.lines.into_iter().map(|l| l.event).collect()
}

fn bash_available() -> bool {
    if std::path::Path::new("/bin/bash").exists() {
        return true;
    }
    eprintln!("SKIP: bash is not installed");
    false
}

#[test]
fn timeouts_stop_commands_even_when_they_ignore_ctrl_c() {
    if !bash_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let p = procedure(
        work.path(),
        &[
            step("1", r#"[{ run = "sleep 30", timeout = "2s" }]"#, ""),
            step(
                "2",
                r#"[{ run = "bash -c \"trap '' INT TERM; sleep 30\"", timeout = "1s" }]"#,
                "",
            ),
        ],
    );
    let mut s = spawn(&["run", p.to_str().unwrap()], data.path(), work.path());
    s.wait_for("enter run");
    let t0 = Instant::now();
    s.send("\r");
    s.wait_for("✗ 1 failed");
    let took = t0.elapsed();
    assert!(took < Duration::from_secs(4), "step 1 took {took:?}");
    assert!(took >= Duration::from_secs(2), "step 1 took {took:?}");
    // Skip the failed step with a reason, then step 2 ignores INT and TERM.
    s.send("s");
    s.wait_for("Why skip");
    s.send("it timed out as intended\r");
    s.wait_for("enter run");
    let t0 = Instant::now();
    s.send("\r");
    s.wait_for("✗ 2 failed");
    let took = t0.elapsed();
    assert!(took < Duration::from_secs(5), "step 2 took {took:?}");
    s.quit();
    let ev = events(data.path());
    let finished: Vec<_> = ev
        .iter()
        .filter_map(|e| match e {
            Event::CommandFinished { step, source, .. } => Some((step.as_str(), *source)),
            _ => None,
        })
        .collect();
    assert_eq!(
        finished,
        [
            ("1", Some(ExitSource::TimedOut)),
            ("2", Some(ExitSource::TimedOut))
        ]
    );
    let causes: Vec<_> = ev
        .iter()
        .filter_map(|e| match e {
            Event::StepFinished {
                outcome: StepOutcome::Failed,
                why,
                ..
            } => why.cause.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(
        causes,
        [
            StepCause::TimedOut {
                command: 1,
                of: 1,
                after_secs: 2
            },
            StepCause::TimedOut {
                command: 1,
                of: 1,
                after_secs: 1
            }
        ]
    );
}

fn restarts(ev: &[Event]) -> Vec<(RestartCause, Option<i32>, Option<String>)> {
    ev.iter()
        .filter_map(|e| match e {
            Event::ShellRestarted {
                cause,
                exit_code,
                step,
            } => Some((*cause, *exit_code, step.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn shell_restarts_are_journaled_and_never_leave_a_step_running() {
    if !bash_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let p = procedure(
        work.path(),
        &[
            step("1", r#"["true"]"#, ""),
            // The step's own command ends the shell.
            step("2", r#"["echo two", "exit 3", "echo never"]"#, ""),
            // A validation that calls `exit 0` does not pass.
            step("3", r#"["true"]"#, "validation = { command = \"exit 0\" }"),
            // The shell is killed.
            step("4", r#"["kill -9 $$"]"#, ""),
            step("5", r#"["echo five-ran"]"#, ""),
        ],
    );
    let mut s = spawn(&["run", p.to_str().unwrap()], data.path(), work.path());
    s.wait_for("enter run");
    s.send("\r");
    s.wait_for("✓ 1 done");
    // `exit` typed by hand between steps.
    s.send("4");
    s.send("exit\r");
    std::thread::sleep(Duration::from_millis(500));
    s.send("\x07");
    for id in ["2", "3", "4"] {
        s.send("\r");
        s.wait_for(&format!("✗ {id} failed"));
        // Nothing is stuck: the failed step runs again in the new shell.
        s.send("s");
        s.wait_for("Why skip");
        s.send("tested\r");
    }
    s.send("\r");
    s.wait_for("✓ 5 done");
    s.quit();
    let ev = events(data.path());
    assert_eq!(
        restarts(&ev),
        [
            (RestartCause::Exited, Some(0), None),
            (RestartCause::Exited, Some(3), Some("2".into())),
            (RestartCause::Exited, Some(0), Some("3".into())),
            (RestartCause::Killed, None, Some("4".into())),
        ],
        "{ev:#?}"
    );
    let cause = |id: &str| {
        ev.iter().find_map(|e| match e {
            Event::StepFinished {
                step,
                outcome: StepOutcome::Failed,
                why,
                ..
            } if step == id => why.cause.clone(),
            _ => None,
        })
    };
    assert_eq!(
        cause("2"),
        Some(StepCause::ShellExited { command: 2, of: 3 })
    );
    assert!(
        matches!(cause("3"), Some(StepCause::ValidationFailed { .. })),
        "{:?}",
        cause("3")
    );
    assert_eq!(
        cause("4"),
        Some(StepCause::ShellExited { command: 1, of: 1 })
    );
    assert!(
        !ev.iter()
            .any(|e| matches!(e, Event::CommandSent { command, .. } if command == "echo never"))
    );
    assert!(ev.iter().any(|e| matches!(
        e,
        Event::CommandFinished { step, exit_code: -1, source: Some(ExitSource::ShellExited), .. } if step == "4"
    )));
}

#[test]
fn step_time_counts_the_operators_time_between_attempts() {
    if !bash_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let flag = work.path().join("flag");
    let p = procedure(
        work.path(),
        &[step("1", &format!("[\"test -f {}\"]", flag.display()), "")],
    );
    let mut s = spawn(&["run", p.to_str().unwrap()], data.path(), work.path());
    s.wait_for("enter run");
    let t0 = Instant::now();
    s.send("\r");
    s.wait_for("✗ 1 failed");
    // The operator fixes it, which takes a while, and retries.
    std::fs::write(&flag, "").unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    s.send("\r");
    s.wait_for("FINISHED");
    let operator = t0.elapsed();
    s.quit();
    let ev = events(data.path());
    let last = ev
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::StepFinished {
                outcome: StepOutcome::Done,
                duration_ms,
                step_ms,
                command_ms,
                ..
            } => Some((*duration_ms, *step_ms, *command_ms)),
            _ => None,
        })
        .expect("step 1 done");
    let step_ms = last.1.unwrap();
    assert!(step_ms >= 2500, "{last:?}");
    assert!(step_ms <= operator.as_millis() as u64 + 200, "{last:?}");
    assert!(last.0 < 2000, "the attempt alone is short: {last:?}");
    assert!(last.2.unwrap() < 2000, "{last:?}");
    // `log show` says which is which.
    let journal = store::list(data.path()).unwrap().remove(0);
    let id = journal.file_stem().unwrap().to_string_lossy().into_owned();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["log", "show", &id])
        .env("PASOS_DATA_DIR", data.path())
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(step time; this attempt"), "{text}");
    assert!(text.contains("authenticated marker"), "{text}");
}

#[test]
fn a_resume_brings_back_the_directory_and_exported_variables_but_no_secret() {
    if !bash_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let x = work.path().join("x");
    std::fs::create_dir(&x).unwrap();
    let secret_var = "\n[[variables]]\nname = \"TOKEN\"\nsecret = true\n";
    let steps = [
        step(
            "1",
            &format!(
                "[\"cd {} && export MARK=1 && export TOKEN_COPY=\\\"$TOKEN\\\" && PLAIN=2\"]",
                x.display()
            ),
            "",
        ),
        step(
            "2",
            &format!(
                "[\"echo \\\"got $MARK $PWD\\\"; test \\\"$MARK $PWD\\\" = \\\"1 {}\\\"\"]",
                x.display()
            ),
            "",
        ),
        step("3", "[\"echo \\\"plain=${PLAIN:-gone}\\\"\"]", ""),
    ];
    let path = work.path().join("p.toml");
    std::fs::write(&path, format!("{HEAD}{secret_var}{}", steps.concat())).unwrap();
    let p = path.to_str().unwrap();
    let secret = [("PASOS_VAR_TOKEN", "tok-very-secret-42")];
    let mut s = spawn_with(&["run", p], data.path(), work.path(), &secret);
    s.wait_for("enter run");
    s.send("\r");
    s.wait_for("✓ 1 done");
    // Let the context after the command reach the journal, then quit.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(s.quit(), Some(4));
    let journal = store::list(data.path()).unwrap().remove(0);
    let id = journal.file_stem().unwrap().to_string_lossy().into_owned();
    let mut s = spawn_with(
        &["run", "--resume", &id, p],
        data.path(),
        work.path(),
        &secret,
    );
    s.wait_for("1 exported variable restored (MARK)");
    s.wait_for("Not restored (secrets are never recorded");
    s.send("\r");
    s.wait_for("✓ 2 done");
    s.send("\r");
    s.wait_for("✓ 3 done");
    s.wait_for("FINISHED");
    s.quit();
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(!text.contains("tok-very-secret-42"));
    let cast = std::fs::read_to_string(journal.with_extension("cast")).unwrap();
    assert!(!cast.contains("tok-very-secret-42"));
    assert!(cast.contains(&format!("got 1 {}", x.display())), "{cast}");
    // Unexported variables are not brought back (and the banner said so).
    assert!(cast.contains("plain=gone"));
    let ev = events(data.path());
    assert!(ev.iter().any(|e| matches!(
        e,
        Event::ShellContext { withheld, .. } if withheld.iter().any(|w| w == "TOKEN_COPY")
    )));
}

#[test]
fn a_command_in_flight_when_the_run_stopped_is_shown_on_resume() {
    if !bash_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let p = procedure(work.path(), &[step("1", r#"["sleep 30"]"#, "")]);
    let p = p.to_str().unwrap();
    let mut s = spawn(&["run", p], data.path(), work.path());
    s.wait_for("enter run");
    s.send("\r");
    // The shell's echo of it (the step panel shows it too).
    s.wait_for_any(&["# sleep 30", "$ sleep 30"]);
    // Quit once the journal says the command started.
    let journal = store::list(data.path()).unwrap().remove(0);
    let start = Instant::now();
    while !std::fs::read_to_string(&journal)
        .unwrap_or_default()
        .contains("command-sent")
    {
        assert!(start.elapsed() < Duration::from_secs(30), "never sent");
        std::thread::sleep(Duration::from_millis(50));
    }
    // A crash with the command in flight (quitting would now interrupt
    // it and journal its end: see `runner::ending`).
    s.crash();
    let id = journal.file_stem().unwrap().to_string_lossy().into_owned();
    let mut s = spawn(&["run", "--resume", &id, p], data.path(), work.path());
    s.wait_for("Step 1 was running `sleep 30`");
    // Running it again starts from its first command, in a fresh attempt.
    s.send("\x1b"); // nothing to cancel: harmless
    s.quit();
}
