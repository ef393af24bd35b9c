//! The real binary, full screen, in a pseudo-terminal: the demo procedure
//! completed through keys (the failing step, a deviation, a rollback), then
//! the journal checked. The screen is read through a terminal emulator.

use pasos::journal::{Event, RunOutcome, store, verify_file};
use std::time::Duration;

#[path = "support/pty_screen.rs"]
mod pty_screen;
use pty_screen::{spawn, spawn_with};

#[test]
fn the_demo_completes_through_keys_with_a_deviation_and_a_rollback() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-e2e-")
        .tempdir_in("/tmp")
        .unwrap();
    let workdir = work.path().join("demo");
    let mut s = spawn_with(
        &[
            "run",
            "--var",
            &format!("WORKDIR={}", workdir.display()),
            concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"),
        ],
        data.path(),
        work.path(),
        &[("PASOS_VAR_NOTIFY_TOKEN", "e2e-secret-99")],
    );

    s.wait_for("Prerequisite (People)");
    s.send("y");
    // The other prerequisites are checked by commands in the shell.
    s.wait_gone("to confirm");
    // P1 through `e`: its command waits at the prompt, edited, then Enter.
    s.wait_for("enter run");
    s.send("e");
    s.wait_for("the command waits at the shell prompt");
    s.send(" && echo edited-by-hand\r");
    s.wait_for("✓ P1 done");
    s.send("\x07"); // ctrl-g: back to the checklist
    for step in ["P2", "1", "2"] {
        s.wait_for("enter run");
        s.send("\r");
        s.wait_for(&format!("✓ {step} done"));
    }
    s.send("\r");
    s.wait_for("Confirm step 3");
    s.send("3\r");
    s.wait_for("✓ 3 done");
    s.send("\r");
    s.wait_for("✗ 4 failed");
    assert!(s.text().contains("Rollback plan from here"), "{}", s.text());
    // A deviation: mark step 4 done with a reason.
    s.send("o");
    s.wait_for("Why mark step 4 done");
    s.send("schema migrated by hand with the DBA\r");
    s.send("\r");
    s.wait_for("✓ 5 done");
    // Then the rollback.
    s.send("b");
    s.wait_for("Why start the rollback?");
    s.send("smoke test would fail: roll back\r");
    s.wait_for("ROLLING BACK");
    for _ in 0..7 {
        s.send("\r");
        std::thread::sleep(Duration::from_millis(250));
    }
    s.wait_for("FINISHED: ROLLED BACK");
    s.send("q");
    s.send("y");
    let status = s.child.wait().unwrap();
    assert_eq!(status.exit_code(), 1, "a rolled-back run exits 1");

    let journals = store::list(data.path()).unwrap();
    let v = verify_file(&journals[0]).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    let events: Vec<Event> = v.lines.into_iter().map(|l| l.event).collect();
    assert!(events.iter().any(|e| matches!(e, Event::Deviation { step: Some(s), reason, .. } if s == "4" && reason.contains("DBA"))));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::RollbackStarted { .. }))
    );
    assert!(matches!(
        events.last(),
        Some(Event::RunFinished {
            outcome: RunOutcome::RolledBack,
            ..
        })
    ));
    let config = std::fs::read_to_string(workdir.join("app/config.ini")).unwrap();
    assert!(config.contains("version=1.0.0"), "{config}");
    let journal = std::fs::read_to_string(&journals[0]).unwrap();
    assert!(!journal.contains("e2e-secret-99"));
    assert!(
        journal.contains("echo tools-ok && echo edited-by-hand"),
        "the edited command is journaled as run"
    );
    // The transcript hides the secret but not the other variables.
    let cast = std::fs::read_to_string(journals[0].with_extension("cast")).unwrap();
    assert!(!cast.contains("e2e-secret-99"));
    assert!(
        !cast.contains("[redacted"),
        "no false positive in a demo run"
    );
    assert!(
        cast.contains(&workdir.display().to_string()),
        "a variable that is not secret was redacted from the transcript"
    );

    // Review it: the browser lists the run, opens its timeline, and the
    // transcript shows the output of step 4's command.
    let mut b = spawn(&["log"], data.path(), work.path());
    b.wait_for("1 of 1 runs");
    b.wait_for("rolled back");
    b.send("\r");
    b.wait_for("verified");
    b.send("\x1b[F"); // end: the last event
    b.wait_for("Run finished: rolled back");
    b.send("\t\t"); // deviations and notes
    b.wait_for("Deviation: step 4: failed → done (overridden)");
    b.wait_for("[x] R4");
    b.send("\x1b[Z"); // back-tab: the steps
    b.wait_for("[x] P1");
    for _ in 0..5 {
        b.send("\x1b[B"); // down: P1 P2 1 2 3 4
    }
    b.send("\r");
    b.wait_for("(step 4)");
    // `cat: …/schema.version: No such file or directory`, wrapped at the
    // width the shell pane had during the run.
    b.wait_for("directory");
    b.send("q");
    assert_eq!(b.child.wait().unwrap().exit_code(), 0);

    // `pasos kpi` on a terminal opens the KPI screen; Esc goes on to the
    // list of runs.
    let mut k = spawn(&["kpi"], data.path(), work.path());
    k.wait_for("Key figures — PROC-DEMO-001");
    k.wait_for("rolled back 1");
    k.send("\x1b");
    k.wait_for("1 of 1 runs");
    k.send("q");
    assert_eq!(k.child.wait().unwrap().exit_code(), 0);
}
