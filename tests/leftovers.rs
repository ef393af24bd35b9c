//! What a SIGKILLed pasos leaves behind is cleaned at the next start: the
//! private dirs of dead processes and lock files nobody holds; the dirs
//! of live processes stay.

use std::process::{Command, Stdio};

const SLOW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

#[test]
fn a_start_cleans_what_dead_processes_left_and_keeps_the_living() {
    let data = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    // A pid that is certainly dead: a child already reaped.
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale_shell = tmp.path().join(format!("pasos-shell-{dead}-abcdef"));
    let stale_run = tmp
        .path()
        .join(format!("pasos-run-{dead}-20261206T000000000Z-aaaa"));
    let living = tmp
        .path()
        .join(format!("pasos-shell-{}-keep", std::process::id()));
    for d in [&stale_shell, &stale_run, &living] {
        std::fs::create_dir_all(d.join("inner")).unwrap();
    }
    let locks = data.path().join("locks");
    std::fs::create_dir_all(&locks).unwrap();
    std::fs::write(locks.join("PROC-OTHER.lock"), "run-x 999999 somewhere\n").unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["run", "--plain", SLOW])
        .env("PASOS_DATA_DIR", data.path())
        .env("TMPDIR", tmp.path())
        .env_remove("XDG_RUNTIME_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(4));
    assert!(!stale_shell.exists(), "the dead shell's dir stayed");
    assert!(!stale_run.exists(), "the dead run's dir stayed");
    assert!(living.exists(), "a live process's dir was removed");
    assert!(
        !locks.join("PROC-OTHER.lock").exists(),
        "a free lock stayed"
    );
    // Nothing of its own is left either.
    let left: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pasos-") && !n.ends_with("-keep"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(std::fs::read_dir(&locks).unwrap().count(), 0);
}
