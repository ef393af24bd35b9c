//! A paste is text, never keys: the full-screen run turns bracketed paste
//! on; in the checklist a paste is refused with a message (it used to skip
//! a step with the pasted text as reason), in the decision dialog it
//! answers nothing, in a text field it is one line of text, and in the
//! shell pane it reaches the shell.

#[path = "support/screen.rs"]
mod screen;

use pasos::journal::{Event, store, verify_file};
use screen::eventually;
use std::path::Path;
use std::time::Duration;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

fn paste(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

fn events(data: &Path) -> Vec<Event> {
    let journal = store::list(data).unwrap().into_iter().next().unwrap();
    let v = verify_file(&journal).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    v.lines.into_iter().map(|l| l.event).collect()
}

#[test]
fn pastes_are_text_never_keys() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let mut s = screen::spawn(
        env!("CARGO_BIN_EXE_pasos"),
        &["run", FIXTURE],
        &[("PASOS_DATA_DIR", d)],
    );
    s.wait_for("Hardening fixture");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(
        raw.contains("\x1b[?2004h"),
        "bracketed paste is not enabled"
    );

    // The checklist: `s` would skip the step, the rest its reason, Enter
    // would accept it.
    s.send(&paste("sudo systemctl restart nginx\r"));
    s.wait_for("Paste ignored");
    // The decision dialog: Enter would answer "yes".
    s.send("d");
    s.wait_for("Did the sleep step misbehave?");
    s.send(&paste("df -h /tmp\r"));
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        s.text().contains("Did the sleep step misbehave?"),
        "the dialog was answered:\n{}",
        s.text()
    );
    s.send("\x1b"); // Esc: close it unanswered
    // A text field takes a paste as one line.
    s.send("c"); // a note
    s.send(&paste("pasted note\nsecond line"));
    s.send("\r");
    eventually(Duration::from_secs(10), || {
        events(data.path())
            .iter()
            .any(|e| matches!(e, Event::Note { text, .. } if text == "pasted note second line"))
            .then_some(())
    })
    .unwrap_or_else(|| {
        panic!(
            "the pasted note is not journaled: {:?}",
            events(data.path())
        )
    });
    // The shell pane takes it as typed text; Enter runs it.
    s.send("4");
    s.send(&paste("echo pasted-$((6*7))"));
    s.send("\r");
    s.wait_for("pasted-42");
    eventually(Duration::from_secs(10), || {
        events(data.path())
            .iter()
            .any(|e| matches!(e, Event::CommandSent { command, manual: true, .. } if command == "echo pasted-$((6*7))"))
            .then_some(())
    })
    .unwrap_or_else(|| panic!("the pasted command is not journaled: {:?}", events(data.path())));
    s.send("\x07"); // ctrl-g: back to the checklist
    s.send("q");
    s.send("y");
    assert_eq!(s.wait_exit(Duration::from_secs(15)), Some(4));

    let evs = events(data.path());
    for e in &evs {
        assert!(
            !matches!(
                e,
                Event::Deviation { .. }
                    | Event::DecisionAnswered { .. }
                    | Event::StepFinished { .. }
                    | Event::StepStarted { .. }
            ),
            "a paste acted as keys: {e:?}"
        );
    }
}
