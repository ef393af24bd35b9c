//! Line mode under a hostile or absent operator: signals honoured while
//! the input never ends, while stdout is blocked and at a secret prompt;
//! endless unusable answers end the run by themselves (exit 4); output
//! with a stray 0x1e is streamed as it comes.

use pasos::journal::{Event, Interruption, store, verify_file};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SLOW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");
const STREAM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/stream.toml");
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml");

fn spawn(data: &Path, args: &[&str], stdout: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain"])
        .args(args)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Writes `line` to the child's stdin forever (until the pipe breaks).
fn feed_forever(child: &mut Child, line: &'static [u8]) {
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || while stdin.write_all(line).is_ok() {});
}

fn wait(child: &mut Child, limit: Duration) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s.code().unwrap_or(-1));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

fn term(child: &Child) {
    // SAFETY: kill(2) on a child this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
}

fn last_event(data: &Path) -> Event {
    let j = store::list(data).unwrap().into_iter().next().unwrap();
    let v = verify_file(&j).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    v.lines.last().unwrap().event.clone()
}

#[test]
fn sigterm_ends_a_run_fed_endless_input_with_stdout_blocked_within_5_s() {
    let data = tempfile::tempdir().unwrap();
    // stdout is a pipe nobody reads: it fills and blocks.
    let mut c = spawn(data.path(), &[SLOW], Stdio::piped());
    feed_forever(&mut c, b"\n");
    std::thread::sleep(Duration::from_secs(2));
    term(&c);
    let t = Instant::now();
    assert_eq!(
        wait(&mut c, Duration::from_secs(5)),
        Some(4),
        "did not end within 5 s of SIGTERM"
    );
    eprintln!("ended {:?} after SIGTERM", t.elapsed());
    assert!(
        matches!(last_event(data.path()), Event::RunInterrupted { why, .. } if why.0 == Interruption::Signal { name: "SIGTERM".into() })
    );
}

#[test]
fn sigterm_ends_a_run_waiting_for_a_secret_from_a_pipe() {
    let data = tempfile::tempdir().unwrap();
    let mut c = spawn(
        data.path(),
        &["--var", "WORKDIR=/tmp/pasos-hardening-secret", DEMO],
        Stdio::null(),
    );
    // stdin stays open and silent: pasos waits at the secret prompt.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(c.try_wait().unwrap().is_none(), "it should be waiting");
    term(&c);
    assert_eq!(wait(&mut c, Duration::from_secs(5)), Some(4));
    assert!(matches!(
        last_event(data.path()),
        Event::RunInterrupted { .. }
    ));
}

#[test]
fn endless_unusable_answers_end_the_run_by_themselves_with_exit_4() {
    let data = tempfile::tempdir().unwrap();
    let mut c = spawn(data.path(), &[SLOW], Stdio::piped());
    feed_forever(&mut c, b"zzz\n");
    let mut out = c.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut n = 0usize;
        let mut buf = [0u8; 65536];
        while let Ok(k) = out.read(&mut buf) {
            if k == 0 {
                break;
            }
            n += k;
        }
        n
    });
    assert_eq!(wait(&mut c, Duration::from_secs(10)), Some(4));
    let written = reader.join().unwrap();
    assert!(
        written < 1_000_000,
        "{written} bytes of output for unusable answers"
    );
    let mut err = String::new();
    c.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    match last_event(data.path()) {
        Event::RunInterrupted { why, .. } => assert_eq!(why.0, Interruption::NoInput),
        e => panic!("{e:?}"),
    }
}

#[test]
fn end_of_input_from_a_script_interrupts_the_run() {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", SLOW])
        .env("PASOS_DATA_DIR", data.path())
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("the run is interrupted"));
}

#[test]
fn output_with_a_stray_record_separator_is_streamed_as_it_comes() {
    let data = tempfile::tempdir().unwrap();
    let mut c = spawn(data.path(), &[STREAM], Stdio::piped());
    let mut stdin = c.stdin.take().unwrap();
    stdin.write_all(b"\n").unwrap(); // run step 1
    let mut out = c.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(k) = out.read(&mut buf) {
            if k == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..k]);
            let _ = tx.send(String::from_utf8_lossy(&seen).into_owned());
        }
    });
    let start = Instant::now();
    let mut early = None;
    let mut last = String::new();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(text) = rx.recv_timeout(Duration::from_millis(100)) {
            last = text.clone();
            if text.contains("early-42") && early.is_none() {
                early = Some(start.elapsed());
                assert!(!text.contains("late-2\n"), "shown only at the end:\n{text}");
                assert!(text.contains("before\x1eafter"), "{text}");
            }
            if text.contains("late-2\n") {
                break;
            }
        }
    }
    assert!(early.is_some(), "the early output never came:\n{last}");
    drop(stdin);
    let _ = wait(&mut c, Duration::from_secs(10));
}
