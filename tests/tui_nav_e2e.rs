//! Issue 15 end to end, through the real binary in a pseudo-terminal: the
//! demo rehearsed (`--dry-run`, prerequisites with a check asked and
//! confirmed), the dialogs (prerequisites again after "later", help
//! scrolled to its legend, search, jump, the decision tree in one dialog,
//! the quit dialog), and `y` copying a command with OSC 52 (the bytes on
//! the PTY decoded).

use base64::Engine as _;
use pasos::journal::{Event, Mode, store, verify_file};
use std::time::Duration;

#[path = "support/pty_screen.rs"]
mod pty_screen;
use pty_screen::{Screen, spawn_with};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml");

fn demo(extra: &[&str], data: &std::path::Path, work: &std::path::Path) -> Screen {
    let var = format!("WORKDIR={}", work.join("demo").display());
    let mut args = vec!["run", "--var", var.as_str()];
    args.extend_from_slice(extra);
    args.push(DEMO);
    spawn_with(
        &args,
        data,
        work,
        &[("PASOS_VAR_NOTIFY_TOKEN", "e2e-secret-99")],
    )
}

fn workdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("pasos-nav-")
        .tempdir_in("/tmp")
        .unwrap()
}

/// Confirms every prerequisite dialog as it comes.
fn confirm_prerequisites(s: &mut Screen) {
    s.wait_for("to confirm");
    for _ in 0..10 {
        if !s.text().contains("to confirm") {
            return;
        }
        if s.text().contains("Prerequisite (") {
            s.send("y");
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    s.wait_gone("to confirm");
}

fn events(data: &std::path::Path) -> Vec<Event> {
    let journal = store::list(data).unwrap().into_iter().next().unwrap();
    let v = verify_file(&journal).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    v.lines.into_iter().map(|l| l.event).collect()
}

#[test]
fn the_demo_is_rehearsed_with_its_checked_prerequisites() {
    let data = tempfile::tempdir().unwrap();
    let work = workdir();
    let mut s = demo(&["--dry-run"], data.path(), work.path());
    s.wait_for(" REHEARSAL ");
    // The checked prerequisites are asked, showing their check.
    let mut checks = 0;
    for _ in 0..10 {
        s.wait_for_any(&["Prerequisite (", "enter run"]);
        let text = s.text();
        if !text.contains("Prerequisite (") {
            break;
        }
        if text.contains("Check (not run in a rehearsal)") {
            checks += 1;
        }
        s.send("y");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(checks, 2, "{}", s.text());
    s.wait_gone("to confirm");
    s.send("\r");
    s.wait_for("step P1 started");
    s.send("\r"); // reviewed
    s.wait_for("[x] P1");
    s.wait_gone("step P1 started");
    let code = s.quit();
    assert_eq!(code, Some(4), "interrupted, resumable");
    let evs = events(data.path());
    assert!(
        evs.iter().any(|e| matches!(
            e,
            Event::RunStarted {
                mode: Mode::Rehearsal,
                ..
            }
        )),
        "{evs:?}"
    );
    let confirmed = evs
        .iter()
        .filter(|e| matches!(e, Event::PrerequisiteConfirmed { .. }))
        .count();
    assert_eq!(confirmed, 3, "{evs:?}");
    assert!(
        evs.iter()
            .any(|e| matches!(e, Event::StepFinished { step, .. } if step == "P1")),
        "{evs:?}"
    );
}

#[test]
fn dialogs_come_back_and_answer_in_place() {
    let data = tempfile::tempdir().unwrap();
    let work = workdir();
    let mut s = demo(&[], data.path(), work.path());
    s.wait_for("Prerequisite (People)");
    // The checks done (they ask again about what is left when they end),
    // "[esc] later", then p brings it back.
    s.wait_for("1 prerequisite to confirm");
    s.send("\x1b");
    s.wait_gone("Prerequisite (People)");
    s.wait_for("p prereqs");
    s.send("p");
    s.wait_for("Prerequisite (People)");
    s.send("y");
    s.wait_gone("to confirm");
    // The help scrolls down to the legend.
    s.send("?");
    s.wait_for(" Keys ");
    assert!(!s.text().contains("[states]"), "{}", s.text());
    s.send("\x1b[F"); // End
    s.wait_for("[states]");
    s.wait_for("done by override");
    s.send("\x1b");
    s.wait_gone(" Keys ");
    // Search, next match, jump.
    s.send("/");
    s.wait_for("Search steps");
    s.send("tar\r");
    s.wait_for("match 1 of 3");
    s.send("n");
    s.wait_for("match 2 of 3");
    s.send(":");
    s.wait_for("Go to step");
    s.send("R2\r");
    s.wait_for("R2 Restore the newest backup ·");
    // The decision tree, one question after the other.
    s.send("d");
    s.wait_for("Did a step fail?");
    s.send("y");
    s.wait_for("Was version 2.0.0 already deployed");
    s.send("y");
    s.wait_for("Can the cause be fixed in under 5 minutes?");
    s.send("n");
    s.wait_for("Decision: ");
    // The quit dialog is titled Quit, the run resumable.
    s.send("q");
    s.wait_for(" Quit ");
    assert!(s.text().contains("resumable"), "{}", s.text());
    s.send("\x1b");
    s.wait_gone(" Quit ");
    let evs = events(data.path());
    let answers = evs
        .iter()
        .filter(|e| matches!(e, Event::DecisionAnswered { .. }))
        .count();
    assert_eq!(answers, 3, "{evs:?}");
    s.quit();
}

#[test]
fn y_copies_the_command_with_osc_52() {
    let data = tempfile::tempdir().unwrap();
    let work = workdir();
    let mut s = demo(&[], data.path(), work.path());
    s.wait_for("Prerequisite (People)");
    confirm_prerequisites(&mut s);
    s.send(":");
    s.wait_for("Go to step");
    s.send("1\r");
    s.wait_for("1 Back up the current release ·");
    s.send("y");
    s.wait_for("sent to the clipboard");
    let bytes = s.bytes();
    let start = bytes
        .windows(7)
        .position(|w| w == b"\x1b]52;c;")
        .expect("an OSC 52 sequence on the terminal");
    let rest = &bytes[start + 7..];
    let end = rest.iter().position(|b| *b == 0x07).expect("ended by BEL");
    let text = base64::engine::general_purpose::STANDARD
        .decode(&rest[..end])
        .expect("standard base64");
    let text = String::from_utf8(text).unwrap();
    let workdir = work.path().join("demo");
    assert!(text.starts_with("tar -czf"), "{text}");
    assert!(
        text.contains(&workdir.display().to_string()),
        "variables filled in: {text}"
    );
    s.quit();
}
