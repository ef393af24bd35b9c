//! The full screen degrades with the terminal: `--ascii`, `LANG=C` and
//! `TERM=vt100`/`linux` get ASCII only; vt100/linux get no colour escapes
//! (bold and reverse video only). Checked on the raw bytes the real
//! binary writes in a PTY.

#[path = "support/screen.rs"]
mod screen;

use std::time::Duration;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

fn raw_screen(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap().to_string();
    let mut all_env = vec![("PASOS_DATA_DIR", d.as_str())];
    all_env.extend_from_slice(env);
    let mut s = screen::spawn(env!("CARGO_BIN_EXE_pasos"), args, &all_env);
    s.wait_for("Hardening fixture");
    // A step with output in the shell pane, then the screen settles.
    s.send("\r");
    s.wait_for("hello-step-one");
    std::thread::sleep(Duration::from_millis(500));
    s.send("q");
    s.send("y");
    assert_eq!(s.wait_exit(Duration::from_secs(15)), Some(4));
    s.raw.lock().unwrap().clone()
}

/// The part of the stream written while on the alternate screen.
fn frames(raw: &[u8]) -> &[u8] {
    let text = raw;
    let start = find(text, b"\x1b[?1049h").expect("alternate screen entered");
    let end = find(text, b"\x1b[?1049l").unwrap_or(text.len());
    &text[start..end]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn ascii_flag_c_locale_and_old_terminals_get_ascii_only() {
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
    let cases: [Case; 4] = [
        (&["run", "--ascii", FIXTURE], &[]),
        (&["run", FIXTURE], &[("LANG", "C"), ("LC_ALL", "C")]),
        (&["run", FIXTURE], &[("TERM", "vt100")]),
        (&["run", FIXTURE], &[("TERM", "linux")]),
    ];
    for (args, env) in cases {
        let raw = raw_screen(args, env);
        let f = frames(&raw);
        let bad: Vec<u8> = f
            .iter()
            .copied()
            .filter(|b| !b.is_ascii())
            .take(20)
            .collect();
        assert!(
            bad.is_empty(),
            "{args:?} {env:?}: non-ASCII bytes {:?}",
            String::from_utf8_lossy(&bad)
        );
    }
    // The default terminal still gets box drawing.
    let raw = raw_screen(&["run", FIXTURE], &[]);
    assert!(
        !frames(&raw).is_ascii(),
        "a UTF-8 xterm should get box drawing"
    );
}

#[test]
fn old_terminals_get_no_colour_escapes() {
    for term in ["vt100", "linux"] {
        let raw = raw_screen(&["run", FIXTURE], &[("TERM", term), ("NO_COLOR", "")]);
        let f = frames(&raw);
        for esc in [&b"38;5;"[..], b"48;5;", b"38;2;", b"48;2;"] {
            assert!(
                find(f, esc).is_none(),
                "{term}: colour escape {:?}",
                String::from_utf8_lossy(esc)
            );
        }
    }
    // An xterm does get colour.
    let raw = raw_screen(&["run", FIXTURE], &[("NO_COLOR", "")]);
    assert!(
        find(frames(&raw), b"38;5;").is_some(),
        "xterm-256color gets colour"
    );
}
