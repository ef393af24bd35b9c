//! A journal deleted or replaced mid-run stops the run (exit 3, the
//! documented "could not journal" code) instead of writing into an
//! unlinked file and reporting success; what was written is put back, so
//! the run resumes. A `.head` whose journal is gone is reported by
//! `log verify` as a missing journal (exit 1).

use pasos::journal::{Event, store, verify_file};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SLOW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

fn pasos(data: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(args)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn first_journal(data: &Path) -> std::path::PathBuf {
    let start = Instant::now();
    loop {
        if let Some(j) = store::list(data).unwrap().into_iter().next()
            && verify_file(&j).is_ok_and(|v| !v.lines.is_empty())
        {
            return j;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no journal");
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn a_journal_deleted_mid_run_stops_it_and_is_put_back_resumable() {
    for replace in [false, true] {
        let data = tempfile::tempdir().unwrap();
        let mut c = Command::new(env!("CARGO_BIN_EXE_pasos"))
            .args(["run", "--plain", SLOW])
            .env("PASOS_DATA_DIR", data.path())
            .env("LANG", "en_US.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let journal = first_journal(data.path());
        std::fs::remove_file(&journal).unwrap();
        if replace {
            std::fs::write(&journal, b"not the journal\n").unwrap();
        }
        // Run step 1: its first event cannot be journaled.
        c.stdin.as_mut().unwrap().write_all(b"\n").unwrap();
        let out = c.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{stderr}");
        assert!(stderr.contains("deleted or replaced"), "{stderr}");
        let saved = if replace {
            journal.with_extension("jsonl.rescued")
        } else {
            journal.clone()
        };
        assert!(stderr.contains(&saved.display().to_string()), "{stderr}");
        if replace {
            assert_eq!(std::fs::read(&journal).unwrap(), b"not the journal\n");
            continue;
        }
        let v = verify_file(&journal).unwrap();
        assert!(v.intact(), "{:?}", v.problems);
        assert!(matches!(v.lines[0].event, Event::RunStarted { .. }));
        let run_id = store::run_id_of(&journal);
        let (code, text) = pasos(data.path(), &["run", "--plain", SLOW, "--resume", &run_id]);
        assert_eq!(code, 4, "{text}");
        let v = verify_file(&journal).unwrap();
        assert!(v.intact());
        assert!(
            v.lines
                .iter()
                .any(|l| matches!(l.event, Event::RunResumed { .. }))
        );
    }
}

#[test]
fn log_verify_reports_a_head_without_its_journal_as_missing() {
    let data = tempfile::tempdir().unwrap();
    let (code, _) = pasos(data.path(), &["run", "--plain", SLOW]);
    assert_eq!(code, 4);
    let journal = store::list(data.path()).unwrap().remove(0);
    assert!(store::head_path(&journal).exists());
    std::fs::remove_file(&journal).unwrap();
    let (code, text) = pasos(data.path(), &["log", "verify"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("missing journal"), "{text}");
    let run_id = store::run_id_of(&journal);
    let (code, text) = pasos(data.path(), &["log", "verify", &run_id]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("missing journal"), "{text}");
}
