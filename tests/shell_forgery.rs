//! Exit codes that output cannot forge: a command prints every marker it
//! can make up or find (guessed tags, the old format, another session's
//! markers, whatever a child finds in `/proc/$PPID` or in the private
//! directories) and its recorded exit code is still its own. See
//! docs/shell-markers.md for the threat model.

use pasos::shell::marker_key::halfsiphash24_words;
use pasos::shell::{Shell, ShellConfig, ShellEvent};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn bash() -> Option<std::path::PathBuf> {
    ["/bin/bash", "/usr/bin/bash"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

fn spawn_in(dir: &std::path::Path) -> Shell {
    let shell = Shell::spawn(ShellConfig {
        program: bash(),
        load_user_rc: false,
        cwd: Some(dir.to_path_buf()),
        env: vec![("HISTFILE".into(), "/dev/null".into())],
        ..ShellConfig::default()
    })
    .expect("spawn bash");
    wait_for(&shell, "first prompt", |e| {
        matches!(e, ShellEvent::Prompt { .. })
    });
    shell
}

fn wait_for(shell: &Shell, what: &str, mut want: impl FnMut(&ShellEvent) -> bool) -> ShellEvent {
    let end = Instant::now() + TIMEOUT;
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

/// Runs `command`; returns every `CommandFinished` until the prompt is
/// back, and how many markers were rejected.
fn run(shell: &Shell, command: &str) -> (Vec<(i32, String)>, usize) {
    shell.run(command, &[]).expect("run");
    let mut finished = Vec::new();
    let mut rejected = 0;
    let end = Instant::now() + TIMEOUT;
    let mut started = false;
    while Instant::now() < end {
        match shell.next_event(Duration::from_millis(100)) {
            Some(ShellEvent::CommandStarted { .. }) => started = true,
            Some(ShellEvent::CommandFinished {
                exit_code,
                output_tail,
                ..
            }) => finished.push((exit_code, output_tail)),
            Some(ShellEvent::MarkerRejected) => rejected += 1,
            Some(ShellEvent::Prompt { .. }) if started => return (finished, rejected),
            _ => {}
        }
    }
    panic!("`{command}` did not end; screen:\n{}", shell.screen_text());
}

/// The hostile program: collects every candidate secret a child process
/// of the shell can find, and prints `D;0` markers with each of them.
const FORGER: &str = r#"#!/bin/bash
shell=$PPID
cands=$(
  {
    # The shell's environment (the old nonce lived there).
    tr '\0' '\n' </proc/$shell/environ 2>/dev/null
    # Its command line (names the rc file) and the rc file itself.
    tr '\0' '\n' </proc/$shell/cmdline 2>/dev/null
    for f in $(tr '\0' ' ' </proc/$shell/cmdline 2>/dev/null); do
      [ -f "$f" ] && cat "$f" 2>/dev/null
    done
    # Every private directory it can list, and any file in them.
    for base in "${XDG_RUNTIME_DIR:-/nonexistent}" /tmp; do
      ls -d "$base"/pasos-shell-* 2>/dev/null
      cat "$base"/pasos-shell-*/* 2>/dev/null
    done
    # Our own environment, for good measure.
    env
  } | grep -oE '[0-9a-fA-Fx]{8,}' | sort -u
)
for c in $cands guessed0000000000 0000000000000000; do
  printf '\033]133;D;0;aid=%s\a' "$c"
  printf '\033]133;D;0;aid=%s;mac=%s\a' "$c" "$c"
  printf '\033]633;S;0;%s\a' "$c"
  printf '\033]133;A;aid=%s\a\033]133;B;aid=%s\a' "$c" "$c"
done
# The old format, and no tag at all.
printf '\033]133;D;0\a\033]133;D;0;aid=\a\033]133;A\a'
echo "tried $(echo $cands | wc -w) candidates"
exit 3
"#;

#[test]
fn nothing_a_command_or_its_children_can_see_forges_an_exit_code() {
    if bash().is_none() {
        eprintln!("SKIP: bash is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let forger = dir.path().join("forge.sh");
    std::fs::write(&forger, FORGER).unwrap();
    // Another session running at the same time: its secrets must not
    // help either.
    let other = spawn_in(dir.path());
    let shell = spawn_in(dir.path());
    // Nothing of pasos's in the environment a child inherits.
    let (fin, _) = run(&shell, "env | grep -c '^PASOS_SHELL' ; true");
    assert_eq!(fin.len(), 1);
    assert_eq!(fin[0].1.trim(), "0", "{fin:?}");
    // A child of the shell (the script), and its own child reading
    // /proc/$PPID of the shell through the script's parent.
    let (fin, _) = run(&shell, &format!("bash {}", forger.display()));
    assert_eq!(fin.len(), 1, "{fin:?}");
    assert_eq!(fin[0].0, 3, "{fin:?}");
    assert!(fin[0].1.contains("candidates"), "{fin:?}");
    // A file of markers printed by cat, in the same command as `false`.
    let markers = dir.path().join("markers.txt");
    let mut text = String::new();
    for tag in ["0123456789abcdef", "deadbeefdeadbeef", "ffffffffffffffff"] {
        for code in [0, 1, 130] {
            text.push_str(&format!("\x1b]133;D;{code};aid={tag}\x07"));
            text.push_str(&format!("\x1b]133;D;{code};aid={tag};mac=00000000\x07"));
        }
        text.push_str(&format!("\x1b]133;A;aid={tag}\x07\x1b]133;C;aid={tag}\x07"));
    }
    std::fs::write(&markers, text).unwrap();
    let (fin, _) = run(&shell, &format!("cat {}; false", markers.display()));
    assert_eq!(fin.iter().map(|f| f.0).collect::<Vec<_>>(), [1]);
    // The other session still works and was not disturbed.
    let (fin, _) = run(&other, "true");
    assert_eq!(fin.iter().map(|f| f.0).collect::<Vec<_>>(), [0]);
}

#[test]
fn knowing_the_tag_is_not_enough_without_the_mac_key() {
    if bash().is_none() {
        eprintln!("SKIP: bash is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    // Out of scope (the command text reads the shell's own variables),
    // but the MAC still holds: the tag alone forges nothing, and a MAC
    // needs the key.
    let (fin, rejected) = run(
        &shell,
        r#"printf '\033]133;D;0;aid=%s\a\033]133;D;0;aid=%s;mac=00000000\a' "$__pasos_tag" "$__pasos_tag"; ( exit 5 )"#,
    );
    assert_eq!(fin.iter().map(|f| f.0).collect::<Vec<_>>(), [5]);
    assert_eq!(rejected, 2);
    // A replayed MAC (the one of an earlier command) does not verify either.
    let (fin, _) = run(&shell, "true");
    assert_eq!(fin.iter().map(|f| f.0).collect::<Vec<_>>(), [0]);
    // The shell's MAC arithmetic equals the Rust one.
    let key = [0x0302_0100u32, 0x0706_0504];
    let mut want = Vec::new();
    let mut script = String::from("(__pasos_k0=0x03020100 __pasos_k1=0x07060504; ");
    for (seq, code) in [(1u32, 0i32), (2, 1), (77, 255), (4_000_000_000, 130)] {
        script.push_str(&format!(
            "__pasos_mac {seq} {code}; echo \"$__pasos_out\"; "
        ));
        want.push(format!(
            "{:08x}",
            halfsiphash24_words(key, &[seq, code as u32])
        ));
    }
    script.push(')');
    let (fin, _) = run(&shell, &script);
    assert_eq!(fin.len(), 1);
    let got: Vec<&str> = fin[0].1.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn the_key_file_is_gone_once_the_shell_runs() {
    if bash().is_none() {
        eprintln!("SKIP: bash is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    // The rc file names the key file; it no longer exists.
    let (fin, _) = run(
        &shell,
        r#"rc=$(tr '\0' '\n' </proc/$$/cmdline | grep pasos.bash); kf=$(sed -n "s/^__pasos_keyfile=//p" "$rc" | tr -d "'"); ls -ld "$(dirname "$rc")" | cut -c1-10; [ -n "$kf" ] && [ ! -e "$kf" ] && echo gone"#,
    );
    let out = &fin[0].1;
    assert!(out.contains("drwx------"), "{out}");
    assert!(out.contains("gone"), "{out}");
}
