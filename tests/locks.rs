//! One writer per journal, through the real binary: simultaneous starts
//! give exactly one live run; a live holder is never joined (`--resume`
//! refuses, `--force` stops it cleanly first); a holder killed with
//! SIGKILL leaves a lock that is taken over and the takeover journaled.

use pasos::journal::{Event, store, verify_file};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

/// `pasos run --plain FIXTURE ARGS` with its stdin an open pipe: it waits
/// at its first question until told otherwise.
fn start(data: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", FIXTURE])
        .args(args)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_code(child: &mut Child, limit: Duration) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s.code().unwrap_or(-1));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

fn terminate(child: &Child) {
    // SAFETY: kill(2) on a child this test started and has not reaped.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
}

fn events(journal: &Path) -> Vec<Event> {
    let v = verify_file(journal).unwrap();
    assert!(v.intact(), "{}: {:?}", journal.display(), v.problems);
    v.lines.into_iter().map(|l| l.event).collect()
}

fn wait_for_event(journal: &Path, f: impl Fn(&Event) -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if journal.exists()
            && verify_file(journal).is_ok_and(|v| v.lines.iter().any(|l| f(&l.event)))
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    panic!("the event never came: {:?}", events(journal));
}

#[test]
fn fifty_rounds_of_eight_simultaneous_starts_give_one_live_run_each() {
    let data = tempfile::tempdir().unwrap();
    for round in 1..=50 {
        let barrier = Arc::new(Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let b = barrier.clone();
                let d = data.path().to_path_buf();
                std::thread::spawn(move || {
                    b.wait();
                    start(&d, &[])
                })
            })
            .collect();
        let mut children: Vec<Child> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        // Seven are refused; one stays, waiting for its operator.
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut codes = vec![None; 8];
        while Instant::now() < deadline && codes.iter().filter(|c| c.is_some()).count() < 7 {
            for (i, c) in children.iter_mut().enumerate() {
                if codes[i].is_none()
                    && let Some(s) = c.try_wait().unwrap()
                {
                    codes[i] = Some(s.code().unwrap_or(-1));
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(200));
        for (i, c) in children.iter_mut().enumerate() {
            if codes[i].is_none()
                && let Some(s) = c.try_wait().unwrap()
            {
                codes[i] = Some(s.code().unwrap_or(-1));
            }
        }
        let live: Vec<usize> = (0..8).filter(|&i| codes[i].is_none()).collect();
        assert_eq!(
            live.len(),
            1,
            "round {round}: live runs {live:?}, codes {codes:?}"
        );
        for (i, code) in codes.iter().enumerate() {
            if let Some(code) = code {
                assert_eq!(*code, 2, "round {round}: start {i} exited {code}");
            }
        }
        // The holder writes its journal right after taking the lock: give
        // it a moment under load, then there must be exactly one more.
        let start = Instant::now();
        while store::list(data.path()).unwrap().len() < round
            && start.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(
            store::list(data.path()).unwrap().len(),
            round,
            "round {round}: one journal per round"
        );
        let holder = &mut children[live[0]];
        terminate(holder);
        assert_eq!(
            wait_code(holder, Duration::from_secs(20)),
            Some(4),
            "round {round}"
        );
        for c in &mut children {
            let _ = c.wait();
        }
    }
    for j in store::list(data.path()).unwrap() {
        let evs = events(&j);
        assert!(
            matches!(evs.last(), Some(Event::RunInterrupted { .. })),
            "{evs:?}"
        );
    }
    let locks = data.path().join("locks");
    let left: Vec<_> = std::fs::read_dir(&locks)
        .map(|d| d.count())
        .into_iter()
        .collect();
    assert!(
        left.iter().all(|n| *n == 0),
        "lock files left behind in {}",
        locks.display()
    );
}

#[test]
fn a_live_holder_is_never_joined_and_force_stops_it_cleanly_first() {
    let data = tempfile::tempdir().unwrap();
    let mut a = start(data.path(), &[]);
    let journal = {
        let start = Instant::now();
        loop {
            if let Some(j) = store::list(data.path()).unwrap().into_iter().next() {
                break j;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "no journal");
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    wait_for_event(&journal, |e| matches!(e, Event::RunStarted { .. }));
    let run_id = store::run_id_of(&journal);
    std::thread::sleep(Duration::from_millis(300));
    let before = std::fs::read(&journal).unwrap();

    // Resuming a live run is refused, and the journal is not touched.
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", FIXTURE, "--resume", &run_id])
        .env("PASOS_DATA_DIR", data.path())
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("already running"), "{stderr}");
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "a refused resume touched the journal"
    );
    assert_eq!(a.try_wait().unwrap(), None, "the holder is still running");

    // --force: the holder is asked to stop, journals its interruption and
    // exits 4; only then does the new process resume.
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", FIXTURE, "--resume", &run_id, "--force"])
        .env("PASOS_DATA_DIR", data.path())
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(wait_code(&mut a, Duration::from_secs(5)), Some(4));
    let evs = events(&journal);
    let kinds: Vec<&str> = evs.iter().map(|e| e.kind()).collect();
    let first_interrupt = kinds.iter().position(|k| *k == "run-interrupted").unwrap();
    let resumed = kinds.iter().position(|k| *k == "run-resumed").unwrap();
    assert!(first_interrupt < resumed, "{kinds:?}");
    assert!(
        evs.iter().any(|e| matches!(e, Event::Note { text, .. } if text.contains("--force") && text.contains(&a.id().to_string()))),
        "the takeover is not journaled: {evs:?}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["log", "verify", &run_id])
        .env("PASOS_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_lock_left_by_a_killed_holder_is_taken_over_and_journaled() {
    let data = tempfile::tempdir().unwrap();
    let mut a = start(data.path(), &[]);
    let journal = {
        let start = Instant::now();
        loop {
            if let Some(j) = store::list(data.path()).unwrap().into_iter().next() {
                break j;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "no journal");
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    wait_for_event(&journal, |e| matches!(e, Event::RunStarted { .. }));
    let pid = a.id();
    a.kill().unwrap();
    a.wait().unwrap();
    let run_id = store::run_id_of(&journal);
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", FIXTURE, "--resume", &run_id])
        .env("PASOS_DATA_DIR", data.path())
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let evs = events(&journal);
    assert!(
        evs.iter().any(|e| matches!(e, Event::Note { text, .. } if text.contains("ended without releasing") && text.contains(&format!("pid {pid}")))),
        "{evs:?}"
    );
}
