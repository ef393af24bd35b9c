//! The catalog through the real binary in a pseudo-terminal: `pasos open`
//! lists the procedures of a directory, Enter on the demo offers a
//! rehearsal, and choosing it hands over to the run screen, which journals
//! a rehearsal of that file.

use pasos::journal::{Event, Mode, store, verify_file};

#[path = "support/pty_screen.rs"]
mod pty_screen;
use pty_screen::spawn_with;

#[test]
fn open_the_catalog_and_rehearse_the_demo() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-catalog-")
        .tempdir_in("/tmp")
        .unwrap();
    let procedures = work.path().join("procedures");
    std::fs::create_dir_all(&procedures).unwrap();
    std::fs::write(
        procedures.join("demo.toml"),
        include_str!("../procedures/demo.toml"),
    )
    .unwrap();
    let workdir = work.path().join("demo");
    let workdir = workdir.display().to_string();
    let mut s = spawn_with(
        &["open", "procedures"],
        data.path(),
        work.path(),
        &[
            ("PASOS_VAR_WORKDIR", workdir.as_str()),
            ("PASOS_VAR_NOTIFY_TOKEN", "catalog-e2e-secret"),
        ],
    );
    s.wait_for("Procedure catalog");
    s.wait_for("PROC-DEMO-001");
    s.wait_for("HIGH · Deployment (1)");
    s.send("\r");
    s.wait_for("What to do with PROC-DEMO-001?");
    // The rehearsal is offered first.
    assert!(s.text().contains("> Rehearse (dry run)"), "{}", s.text());
    s.send("\r");
    s.wait_for("REHEARSAL");
    s.wait_gone("Procedure catalog");
    // The prerequisites ask one by one; leave them for later, then quit.
    s.wait_for("Prerequisite (");
    for _ in 0..10 {
        if !s.text().contains("Prerequisite (") {
            break;
        }
        s.send("\x1b");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    s.wait_gone("Prerequisite (");
    let code = s.quit();
    assert_eq!(
        code,
        Some(4),
        "a rehearsal left before its end is interrupted"
    );

    let runs = store::list(data.path()).unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");
    let v = verify_file(&runs[0]).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    match &v.lines[0].event {
        Event::RunStarted {
            procedure_id,
            mode,
            source,
            ..
        } => {
            assert_eq!(procedure_id, "PROC-DEMO-001");
            assert_eq!(*mode, Mode::Rehearsal);
            assert_eq!(source, "procedures/demo.toml");
        }
        other => panic!("first event {other:?}"),
    }
}

#[path = "support/catalog_fixture.rs"]
mod catalog_fixture;
#[path = "support/journal_gen.rs"]
mod journal_gen;

/// `pasos open` draws from the procedure files and the last summary, then
/// verifies the history behind the screen: the notice goes, the verified
/// figures stay, and the summary the next start begins from is written.
#[test]
fn the_history_is_checked_behind_the_screen() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    catalog_fixture::procedures(&work.path().join("procedures"));
    catalog_fixture::history(data.path());
    let summary = pasos::catalog::summary::path(data.path());
    assert!(!summary.exists());
    for _ in 0..2 {
        let s = spawn_with(
            &["open", "procedures"],
            data.path(),
            work.path(),
            &[("PASOS_TODAY", "2026-12-01"), ("TZ", "UTC")],
        );
        s.wait_for("PROC-BACKEND-001");
        s.wait_gone("Checking the history");
        let row = s
            .text()
            .lines()
            .find(|l| l.contains("PROC-BACKEND-001"))
            .map(str::to_string)
            .unwrap();
        assert!(row.contains("67%"), "{row}\n{}", s.text());
        assert_eq!(s.quit(), Some(0));
        assert!(summary.is_file());
    }
}

/// A run the catalog handed over to handles its own hang-up: the
/// catalog's exit-on-signal watch ends with the catalog's screen, so a
/// dropped link mid-step is journaled (`run-interrupted`) before the
/// process ends, as for `pasos run`.
#[test]
fn a_hang_up_in_a_run_started_from_the_catalog_is_journaled() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let procedures = work.path().join("procedures");
    std::fs::create_dir_all(&procedures).unwrap();
    std::fs::write(
        procedures.join("wait.toml"),
        "[procedure]\nid = \"PROC-HUP-001\"\ntitle = \"Wait\"\ncriticality = \"baja\"\nversion = \"1.0.0\"\n\n\
[[phases]]\nid = \"e\"\nkind = \"execution\"\n\n\
[[phases.steps]]\nid = \"1\"\ntitle = \"Wait\"\nestimate = \"1m\"\ncommands = [\"sleep 30\"]\n",
    )
    .unwrap();
    let mut s = spawn_with(&["open", "procedures"], data.path(), work.path(), &[]);
    s.wait_for("PROC-HUP-001");
    s.send("\r");
    s.wait_for("What to do with PROC-HUP-001?");
    s.send("\x1b[B"); // down: run live
    s.send("\r");
    s.wait_gone("Procedure catalog");
    s.wait_for("enter run");
    s.send("\r");
    s.wait_for("step 1 started");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let pid = s.child.process_id().unwrap() as i32;
    // SAFETY: a signal to the child this test started.
    unsafe { libc::kill(pid, libc::SIGHUP) };
    let code = s.child.wait().unwrap().exit_code();
    assert_eq!(code, 4, "a hang-up is an interruption");
    let runs = store::list(data.path()).unwrap();
    let v = verify_file(&runs[0]).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    let last = &v.lines.last().unwrap().event;
    assert!(
        matches!(last, Event::RunInterrupted { .. }),
        "the journal ends with {last:?}"
    );
}
