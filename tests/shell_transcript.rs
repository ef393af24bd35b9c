//! The transcript of a real shell session: a valid asciicast v2 file next
//! to the journal, redacted, with offsets that point at a command's
//! output; and `asciinema cat` (from PyPI, installed by `.ci/run`) reads it.

use pasos::journal::Redactor;
use pasos::shell::{Shell, ShellConfig, ShellEvent, TranscriptConfig};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn wait_for(shell: &Shell, what: &str, mut want: impl FnMut(&ShellEvent) -> bool) -> ShellEvent {
    let end = Instant::now() + Duration::from_secs(20);
    while Instant::now() < end {
        if let Some(e) = shell.next_event(Duration::from_millis(100))
            && want(&e)
        {
            return e;
        }
    }
    panic!(
        "timed out waiting for {what}; screen:\n{}",
        shell.screen_text()
    );
}

/// Runs a command; returns where its output starts in the transcript.
fn run(shell: &Shell, command: &str, env: &[(String, String)]) -> u64 {
    shell.run(command, env).unwrap();
    let offset = match wait_for(shell, "start", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    }) {
        ShellEvent::CommandStarted {
            transcript_offset, ..
        } => transcript_offset.expect("a transcript offset"),
        _ => unreachable!(),
    };
    wait_for(shell, "end", |e| {
        matches!(e, ShellEvent::CommandFinished { exit_code: 0, .. })
    });
    offset
}

/// Checks the asciicast v2 format line by line; returns the "o" data.
fn validate_cast(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().expect("header")).unwrap();
    assert_eq!(header["version"], 2, "{header}");
    assert!(header["width"].as_u64().unwrap() > 0);
    assert!(header["height"].as_u64().unwrap() > 0);
    assert!(header["timestamp"].as_i64().is_some());
    let mut last = 0.0;
    let mut out = Vec::new();
    let mut count = 0;
    for line in lines {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        let arr = event.as_array().expect("event is an array");
        assert_eq!(arr.len(), 3, "{line}");
        let t = arr[0].as_f64().expect("time");
        assert!(t >= last, "time goes back: {line}");
        last = t;
        let kind = arr[1].as_str().unwrap();
        assert!(kind == "o" || kind == "r", "{line}");
        let data = arr[2].as_str().expect("data is a string");
        if kind == "o" {
            out.push(data.to_string());
        }
        count += 1;
    }
    assert!(count >= 3, "too few events: {count}");
    out
}

fn asciinema() -> Option<Vec<String>> {
    let works = |argv: &[String]| {
        Command::new(&argv[0])
            .args(&argv[1..])
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let home = std::env::var("HOME").unwrap_or_default();
    let candidates: Vec<Vec<String>> = vec![
        vec!["asciinema".into()],
        vec![format!("{home}/.local/bin/asciinema")],
        vec!["python3".into(), "-m".into(), "asciinema".into()],
    ];
    candidates.into_iter().find(|c| works(c))
}

fn record(data: &Path) -> (PathBuf, u64) {
    let run_id = "20261123T200501123Z-cafe";
    let transcript = TranscriptConfig::for_run(data, run_id);
    let path = transcript.path.clone();
    let shell = Shell::spawn(ShellConfig {
        program: Some(PathBuf::from("bash")),
        load_user_rc: false,
        cwd: Some(data.to_path_buf()),
        env: vec![("HISTFILE".into(), "/dev/null".into())],
        transcript: Some(transcript),
        redactor: Redactor::new(["pw-0123456789".to_string()]),
        ..ShellConfig::default()
    })
    .unwrap();
    wait_for(&shell, "prompt", |e| matches!(e, ShellEvent::Prompt { .. }));
    run(&shell, "printf '\\033[32mgreen\\033[0m\\n'", &[]);
    let offset = run(
        &shell,
        "echo hello-cast; echo \"pw=$DB_PW\"",
        &[("DB_PW".into(), "sekrit-value-42".into())],
    );
    run(&shell, "echo typed pw-0123456789 here", &[]);
    shell.resize(30, 100).unwrap();
    drop(shell);
    (path, offset)
}

#[test]
fn the_cast_is_valid_redacted_and_asciinema_reads_it() {
    let data = tempfile::tempdir().unwrap();
    let (path, offset) = record(data.path());
    assert!(
        path.starts_with(data.path().join("runs/2026/11")),
        "{path:?}"
    );
    assert_eq!(path.extension().unwrap(), "cast");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let out = validate_cast(&text).concat();
    assert!(out.contains("\u{1b}[32mgreen"), "colours are kept");
    assert!(out.contains("hello-cast"));
    assert!(
        !text.contains("sekrit-value-42"),
        "a secret sent with a command leaked"
    );
    assert!(!text.contains("pw-0123456789"), "a known secret leaked");
    assert!(text.contains("pw=[redacted]"));
    assert!(text.contains("\"r\", \"100x30\""));
    // The offset points at the start of a line whose output follows.
    let offset = offset as usize;
    assert!(offset > 0 && text.as_bytes()[offset - 1] == b'\n');
    let after: String = validate_cast(&format!(
        "{}\n{}",
        text.lines().next().unwrap(),
        &text[offset..]
    ))
    .concat();
    assert!(after.starts_with("hello-cast"), "{after:?}");

    match asciinema() {
        None => println!(
            "notice: asciinema not installed (python3 -m pip install --user asciinema); `asciinema cat` check skipped, format checked above"
        ),
        Some(argv) => {
            let o = Command::new(&argv[0])
                .args(&argv[1..])
                .arg("cat")
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                o.status.success(),
                "asciinema cat failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let shown = String::from_utf8_lossy(&o.stdout);
            assert!(shown.contains("hello-cast"), "{shown}");
            assert!(shown.contains("green"), "{shown}");
            assert!(!shown.contains("sekrit-value-42"));
            println!("`{} cat` read the transcript", argv.join(" "));
        }
    }
}
