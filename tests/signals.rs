//! Every full-screen command gives the terminal back on SIGTERM, SIGHUP
//! and SIGINT: `stty -g` is the same before and after, the alternate
//! screen is left and the cursor shown. `run` journals the interruption
//! and exits 4; the read-only screens exit 128 + the signal's number.
//! Also: quitting while a command runs asks, and "interrupt" is journaled.

#[path = "support/screen.rs"]
mod screen;

use pasos::journal::{Event, Interruption, store, verify_file};
use screen::eventually;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

/// One interrupted run in `data`, so the browser and KPIs have a row.
fn seed(data: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", FIXTURE])
        .env("PASOS_DATA_DIR", data)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(4));
}

struct Case {
    args: &'static [&'static str],
    ready: &'static str,
}

fn signal_case(case: &Case, sig: i32, expected: u32) {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let args: Vec<String> = case.args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "stty -g > {d}/before; sh -c 'echo $$ > {d}/pid; exec \"$0\" \"$@\"' '{bin}' {args}; echo $? > {d}/rc; stty -g > {d}/after; sleep 30",
        bin = env!("CARGO_BIN_EXE_pasos"),
        args = args.join(" "),
    );
    let mut s = screen::spawn(
        "sh",
        &["-c", &script],
        &[("PASOS_DATA_DIR", data.path().to_str().unwrap())],
    );
    s.wait_for(case.ready);
    std::thread::sleep(Duration::from_millis(300));
    let pid: i32 = std::fs::read_to_string(dir.path().join("pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // SAFETY: kill(2) on the pasos process this test started.
    unsafe { libc::kill(pid, sig) };
    let after = eventually(Duration::from_secs(15), || {
        std::fs::read_to_string(dir.path().join("after"))
            .ok()
            .filter(|s| !s.is_empty())
    })
    .unwrap_or_else(|| {
        panic!(
            "{:?} signal {sig}: never ended; screen:\n{}",
            case.args,
            s.text()
        )
    });
    let before = std::fs::read_to_string(dir.path().join("before")).unwrap();
    let rc = std::fs::read_to_string(dir.path().join("rc")).unwrap();
    let _ = s.child.kill();
    assert_eq!(
        before, after,
        "{:?} signal {sig}: the terminal settings changed",
        case.args
    );
    assert_eq!(
        rc.trim(),
        expected.to_string(),
        "{:?} signal {sig}: exit code",
        case.args
    );
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let left = raw
        .rfind("\x1b[?1049l")
        .expect("the alternate screen is left");
    let entered = raw.rfind("\x1b[?1049h").unwrap();
    assert!(
        left > entered,
        "{:?} signal {sig}: still on the alternate screen",
        case.args
    );
    assert!(
        raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l"),
        "the cursor is hidden"
    );
    if case.args[0] == "run" {
        let journals = store::list(data.path()).unwrap();
        let newest = journals.iter().max().unwrap();
        let v = verify_file(newest).unwrap();
        assert!(v.intact());
        assert!(
            matches!(
                v.lines.last().map(|l| &l.event),
                Some(Event::RunInterrupted { .. })
            ),
            "signal {sig}: the run's interruption is not journaled"
        );
    }
}

#[test]
fn every_full_screen_command_restores_the_terminal_on_term_hup_and_int() {
    let cases = [
        Case {
            args: &["run", FIXTURE],
            ready: "Hardening fixture",
        },
        Case {
            args: &["log"],
            ready: "1 of 1 runs",
        },
        Case {
            args: &["log", "browse"],
            ready: "1 of 1 runs",
        },
        Case {
            args: &["kpi"],
            ready: "Key figures",
        },
    ];
    for case in &cases {
        for (sig, base) in [(libc::SIGTERM, 15), (libc::SIGHUP, 1), (libc::SIGINT, 2)] {
            let expected = if case.args[0] == "run" { 4 } else { 128 + base };
            signal_case(case, sig, expected);
        }
    }
}

#[test]
fn quitting_with_a_command_running_asks_and_an_interrupt_is_journaled() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let mut s = screen::spawn(
        env!("CARGO_BIN_EXE_pasos"),
        &["run", FIXTURE],
        &[("PASOS_DATA_DIR", d)],
    );
    s.wait_for("Hardening fixture");
    let journal = store::list(data.path()).unwrap().remove(0);
    let has = |f: &dyn Fn(&Event) -> bool| {
        verify_file(&journal).is_ok_and(|v| v.lines.iter().any(|l| f(&l.event)))
    };
    s.send("\r");
    eventually(Duration::from_secs(20), || {
        has(&|e| matches!(e, Event::StepFinished { step, .. } if step == "1")).then_some(())
    })
    .expect("step 1 finished");
    s.send("\r");
    eventually(Duration::from_secs(20), || {
        has(&|e| matches!(e, Event::CommandSent { step, .. } if step == "2")).then_some(())
    })
    .expect("step 2 started");
    // q: the dialog asks; c cancels and the command goes on.
    s.send("q");
    s.wait_for("A command is still running");
    s.send("c");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!s.text().contains("A command is still running"));
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "cancel keeps the run"
    );
    // q, i: interrupted (journaled), then the run stops, resumable.
    s.send("q");
    s.wait_for("A command is still running");
    s.send("i");
    assert_eq!(s.wait_exit(Duration::from_secs(15)), Some(4));
    let v = verify_file(&journal).unwrap();
    assert!(v.intact());
    let evs: Vec<Event> = v.lines.into_iter().map(|l| l.event).collect();
    let note = evs
        .iter()
        .position(|e| matches!(e, Event::Note { text, .. } if text.contains("operator quit and interrupted")))
        .unwrap_or_else(|| panic!("{evs:?}"));
    let finished = evs
        .iter()
        .position(
            |e| matches!(e, Event::CommandFinished { step, exit_code: 130, .. } if step == "2"),
        )
        .unwrap_or_else(|| panic!("{evs:?}"));
    assert!(note < finished);
    assert!(
        matches!(evs.last(), Some(Event::RunInterrupted { why, .. }) if why.0 == Interruption::Quit)
    );
}
