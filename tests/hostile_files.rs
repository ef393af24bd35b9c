//! Hostile inputs through the real binary: a FIFO, `/dev/zero`, a
//! directory and an oversized file are refused at once with exit 2 and a
//! clear message (never read, never hung on); escape bytes in a procedure
//! never reach the terminal raw; decision chains of 20,000 and 100,000
//! nodes check and run without overflowing the stack.

#[path = "../benches/common/decision_chain.rs"]
mod decision_chain;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn pasos(args: &[&str], data: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(args)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("pasos {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn fifos_devices_directories_and_huge_files_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("proc.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let big = dir.path().join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    let big_md = dir.path().join("big.md");
    std::fs::File::create(&big_md)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    let cases: [(&Path, &str); 4] = [
        (&fifo, "FIFO"),
        (Path::new("/dev/zero"), "character device"),
        (dir.path(), "directory"),
        (&big, "over the limit of 16.0 MB"),
    ];
    for (path, says) in cases {
        let p = path.to_str().unwrap();
        for args in [
            vec!["check", p],
            vec!["run", "--plain", p],
            vec!["import", p],
        ] {
            if args[0] == "import" && says.starts_with("over") {
                continue; // import's own cap is larger (see below)
            }
            let o = pasos(&args, dir.path());
            let t = text(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {t}");
            assert!(t.contains(says), "{args:?}: {t}");
        }
    }
    let o = pasos(&["import", big_md.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("over the limit of 256.0 MB"),
        "{}",
        text(&o)
    );
    // The cap is configurable.
    let o = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["check", big.to_str().unwrap()])
        .env("PASOS_MAX_FILE_MB", "1")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(text(&o).contains("limit of 1.0 MB"), "{}", text(&o));
}

#[test]
fn escape_bytes_from_a_procedure_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let valid = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/hardening/slow.toml"
    ))
    .unwrap();
    // A raw ESC in a comment: a TOML error whose snippet shows the line.
    let comment = dir.path().join("comment.toml");
    std::fs::write(&comment, format!("# \x1b]0;pwned\x07\x1b[2J\n{valid}")).unwrap();
    // An escaped ESC in the title: valid TOML, a title with control bytes.
    let title = dir.path().join("title.toml");
    std::fs::write(
        &title,
        valid.replace(
            "title = \"Hardening fixture\"",
            "title = \"Hardening \\u001b]0;pwned\\u0007\\u001b[2Jfixture\"",
        ),
    )
    .unwrap();
    for file in [&comment, &title] {
        let p = file.to_str().unwrap();
        for args in [vec!["check", p], vec!["run", "--plain", p]] {
            let o = pasos(&args, dir.path());
            let raw = [o.stdout.clone(), o.stderr.clone()].concat();
            assert!(
                !raw.contains(&0x1b) && !raw.contains(&0x07),
                "{args:?} printed control bytes: {:?}",
                String::from_utf8_lossy(&raw)
            );
        }
    }
    let o = pasos(&["check", comment.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("\u{241b}]0;pwned"), "{}", text(&o));
}

#[test]
fn decision_chains_of_20k_and_100k_nodes_check_and_run() {
    let dir = tempfile::tempdir().unwrap();
    for n in [20_000, 100_000] {
        let file = dir.path().join(format!("chain-{n}.toml"));
        std::fs::write(&file, decision_chain::decision_chain(n)).unwrap();
        let p = file.to_str().unwrap();
        let o = pasos(&["check", p], dir.path());
        assert_eq!(o.status.code(), Some(0), "{n}: {}", text(&o));
        // The run loads it, starts, and is interrupted at end of input.
        let o = pasos(&["run", "--plain", p], dir.path());
        assert_eq!(o.status.code(), Some(4), "{n}: {}", text(&o));
    }
}
