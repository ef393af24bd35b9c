//! The embedded shell driven for real: bash in a PTY, no TTY needed on
//! stdin. Every wait is on an event or a screen condition with a timeout.

use pasos::shell::{Phase, Shell, ShellConfig, ShellError, ShellEvent};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn bash() -> Option<std::path::PathBuf> {
    ["/bin/bash", "/usr/bin/bash"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

fn config(dir: &std::path::Path) -> ShellConfig {
    ShellConfig {
        program: bash(),
        load_user_rc: false,
        cwd: Some(dir.to_path_buf()),
        env: vec![("HISTFILE".into(), "/dev/null".into())],
        ..ShellConfig::default()
    }
}

fn spawn_in(dir: &std::path::Path) -> Shell {
    let shell = Shell::spawn(config(dir)).expect("spawn bash");
    wait_for(&shell, "first prompt", |e| {
        matches!(e, ShellEvent::Prompt { .. })
    });
    shell
}

/// Waits for an event matching `want`, returning it; panics with the
/// screen on timeout.
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

/// Waits until the screen satisfies `want`.
fn wait_screen(shell: &Shell, what: &str, want: impl Fn(&str) -> bool) -> String {
    let end = Instant::now() + TIMEOUT;
    loop {
        let text = shell.screen_text();
        if want(&text) {
            return text;
        }
        if Instant::now() > end {
            panic!("timed out waiting for {what}; screen:\n{text}");
        }
        let _ = shell.next_event(Duration::from_millis(50));
    }
}

struct Done {
    started: String,
    manual: bool,
    exit_code: i32,
    output: String,
}

/// Waits for the next command to start and finish.
fn next_command(shell: &Shell) -> Done {
    let (started, manual) = match wait_for(shell, "command start", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    }) {
        ShellEvent::CommandStarted { text, manual, .. } => (text, manual),
        _ => unreachable!(),
    };
    match wait_for(shell, "command end", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    }) {
        ShellEvent::CommandFinished {
            exit_code,
            output_tail,
            ..
        } => Done {
            started,
            manual,
            exit_code,
            output: output_tail,
        },
        _ => unreachable!(),
    }
}

fn run(shell: &Shell, command: &str) -> Done {
    shell.run(command, &[]).expect("run");
    let done = next_command(shell);
    assert!(!done.manual, "{command} reported as manual");
    done
}

#[test]
fn exit_codes_of_simple_commands_subshells_and_pipelines() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    assert_eq!(run(&shell, "true").exit_code, 0);
    assert_eq!(run(&shell, "false").exit_code, 1);
    assert_eq!(run(&shell, "( exit 3 )").exit_code, 3);
    assert_eq!(run(&shell, "false | true").exit_code, 0);
    assert_eq!(run(&shell, "true | false").exit_code, 1);
    let d = run(&shell, "echo hello");
    assert_eq!(d.started, "echo hello");
    assert_eq!(d.output.trim(), "hello");
}

#[test]
fn a_multi_line_script_with_a_heredoc_arrives_whole() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    let script = "cat <<'EOF' > notes.txt\nfirst line\n$HOME stays literal\nEOF\nwc -l < notes.txt\ngrep -c literal notes.txt";
    let d = run(&shell, script);
    assert_eq!(d.exit_code, 0, "{}", d.output);
    let lines: Vec<&str> = d.output.lines().map(str::trim).collect();
    assert_eq!(lines, ["2", "1"], "{}", d.output);
    let text = std::fs::read_to_string(dir.path().join("notes.txt")).unwrap();
    assert_eq!(text, "first line\n$HOME stays literal\n");
    // The exit code is the last command's.
    assert_eq!(run(&shell, "true\nfalse").exit_code, 1);
}

#[test]
fn variables_functions_and_cd_persist_between_steps() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let shell = spawn_in(dir.path());
    run(&shell, "ROLLBACK_DIR=/srv/rollback-42");
    run(&shell, "greet() { echo \"hi $1\"; }");
    let d = run(&shell, "echo \"dir=${ROLLBACK_DIR}\"; greet op");
    assert_eq!(d.output, "dir=/srv/rollback-42\nhi op\n");
    run(&shell, "cd sub");
    let d = run(&shell, "pwd");
    assert!(d.output.trim().ends_with("/sub"), "{}", d.output);
    wait_for(&shell, "prompt", |e| matches!(e, ShellEvent::Prompt { .. }));
    assert!(shell.cwd().unwrap_or_default().ends_with("/sub"));
}

#[test]
fn ctrl_c_interrupts_the_foreground_command() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    shell.run("sleep 30", &[]).unwrap();
    wait_for(&shell, "sleep starts", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    });
    assert_eq!(shell.phase(), Phase::Running);
    wait_until_foreground(&shell, "sleep");
    let t = Instant::now();
    shell.write_bytes(&[0x03]);
    let fin = wait_for(&shell, "sleep interrupted", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    });
    assert!(
        matches!(fin, ShellEvent::CommandFinished { exit_code: 130, .. }),
        "{fin:?}"
    );
    assert!(t.elapsed() < Duration::from_secs(10));
    // The API does the same with a signal to the process group.
    shell.run("sleep 30", &[]).unwrap();
    wait_for(&shell, "sleep starts", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    });
    wait_until_foreground(&shell, "sleep");
    shell.interrupt();
    let fin = wait_for(&shell, "sleep interrupted", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    });
    assert!(
        matches!(fin, ShellEvent::CommandFinished { exit_code: 130, .. }),
        "{fin:?}"
    );
    // A command that ignores SIGINT is killed.
    shell.run("bash -c 'trap \"\" INT; sleep 30'", &[]).unwrap();
    wait_for(&shell, "start", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    });
    wait_until_foreground(&shell, "sleep");
    assert!(shell.kill_foreground());
    let fin = wait_for(&shell, "killed", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    });
    assert!(
        matches!(fin, ShellEvent::CommandFinished { exit_code: 137, .. }),
        "{fin:?}"
    );
}

/// Waits until `program` owns the terminal: the C marker comes just
/// before bash starts the command, so a signal sent right after it could
/// reach the shell instead.
fn wait_until_foreground(shell: &Shell, program: &str) {
    let end = Instant::now() + TIMEOUT;
    while Instant::now() < end {
        if shell.foreground().is_some_and(|(_, p)| p == program) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!(
        "{program} never in the foreground: {:?}",
        shell.foreground()
    );
}

#[test]
fn hand_typed_commands_are_detected_with_secrets_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    shell.add_secret("hunter2-secret".into());
    shell.write_bytes(b"echo typed by hand\r");
    let d = next_command(&shell);
    assert!(d.manual);
    assert_eq!(d.started, "echo typed by hand");
    assert_eq!(d.exit_code, 0);
    assert_eq!(d.output, "typed by hand\n");
    shell.write_bytes(b"echo hunter2-secret; false\r");
    let d = next_command(&shell);
    assert!(d.manual);
    assert_eq!(d.started, "echo [redacted]; false");
    assert_eq!(d.exit_code, 1);
    // Left out of history (leading space, HISTCONTROL=ignorespace): the
    // text is read off the screen instead.
    run(&shell, "HISTCONTROL=ignorespace");
    shell.write_bytes(b" echo   spaced\r");
    let d = next_command(&shell);
    assert!(d.manual);
    assert_eq!(d.started, "echo   spaced");
}

#[test]
fn a_command_typed_at_the_prompt_waits_for_enter() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    shell.type_at_prompt("echo prefilled", &[]).unwrap();
    wait_screen(&shell, "prefilled text", |s| s.contains("echo prefilled"));
    let end = Instant::now() + Duration::from_millis(300);
    while let Some(e) = shell.next_event(end.saturating_duration_since(Instant::now())) {
        assert!(!matches!(e, ShellEvent::CommandStarted { .. }), "{e:?}");
    }
    shell.write_bytes(b" edited\r");
    let d = next_command(&shell);
    assert!(!d.manual);
    assert_eq!(d.started, "echo prefilled edited");
    assert_eq!(d.output, "prefilled edited\n");
}

#[test]
fn secrets_reach_the_command_but_not_the_screen_or_history() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    let env = vec![("API_TOKEN".to_string(), "tok-9f8e7d6c5b".to_string())];
    shell
        .run(
            "test \"$API_TOKEN\" = \"$(printf 'tok-%s' 9f8e7d6c5b)\" && echo match",
            &env,
        )
        .unwrap();
    let d = next_command(&shell);
    assert_eq!(d.exit_code, 0, "{}", shell.screen_text());
    assert_eq!(d.output, "match\n");
    let screen = shell.screen_text();
    assert!(!screen.contains("tok-9f8e7d6c5b"), "{screen}");
    assert!(!screen.contains("export"), "{screen}");
    let d = run(&shell, "history");
    assert!(!d.output.contains("tok-9f8e7d6c5b"), "{}", d.output);
    assert!(!d.output.contains("API_TOKEN="), "{}", d.output);
    // Still set in the next step, like every exported variable.
    let d = run(&shell, "echo ${#API_TOKEN}");
    assert_eq!(d.output.trim(), "14");
}

#[test]
fn less_renders_on_the_emulated_screen() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (1..=200)
        .map(|i| format!("registro número {i}\n"))
        .collect();
    std::fs::write(dir.path().join("log.txt"), lines).unwrap();
    let shell = spawn_in(dir.path());
    shell.run("less log.txt", &[]).unwrap();
    let screen = wait_screen(&shell, "less shows the file", |s| {
        s.contains("registro número 1\n") && s.contains("registro número 23")
    });
    assert!(!screen.contains("registro número 24\n"), "{screen}");
    assert!(shell.with_emulator(|e| {
        e.mode()
            .contains(pasos::shell::alacritty_terminal::term::TermMode::ALT_SCREEN)
    }));
    // Page down with the space bar, then jump to the end.
    shell.write_bytes(b" ");
    wait_screen(&shell, "second page", |s| s.contains("registro número 40"));
    shell.write_bytes(b"G");
    wait_screen(&shell, "end", |s| {
        s.contains("registro número 200") && s.contains("(END)")
    });
    shell.write_bytes(b"q");
    let fin = wait_for(&shell, "less quits", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    });
    assert!(matches!(
        fin,
        ShellEvent::CommandFinished { exit_code: 0, .. }
    ));
    let screen = wait_screen(&shell, "back from the alternate screen", |s| {
        s.contains("less log.txt")
    });
    assert!(!screen.contains("registro número 100"), "{screen}");
}

#[test]
fn resize_reaches_the_pty_and_terminal_queries_are_answered() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    shell.resize(30, 100).unwrap();
    let d = run(&shell, "stty size");
    assert_eq!(d.output.trim(), "30 100");
    assert_eq!(shell.with_emulator(|e| e.size().cols), 100);
    // DSR 6 (cursor position) and DA1, answered by the emulator.
    let d = run(
        &shell,
        "stty -echo; printf '\\033[6n'; IFS= read -rs -d R pos; printf '\\033[c'; IFS= read -rs -d c da; stty echo; echo \"pos=${pos#*[} da=${da#*[}\"",
    );
    assert_eq!(d.exit_code, 0);
    assert!(d.output.starts_with("pos="), "{}", d.output);
    assert!(d.output.contains("da=?"), "{}", d.output);
}

#[test]
fn foreign_shells_are_reported_and_sentinels_give_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    // A nested shell without our integration stands in for `ssh host`.
    shell.run("bash --norc --noprofile -i", &[]).unwrap();
    let e = wait_for(&shell, "foreign", |e| {
        matches!(e, ShellEvent::Foreign { .. })
    });
    assert_eq!(
        e,
        ShellEvent::Foreign {
            program: "bash".into()
        }
    );
    assert!(matches!(
        shell.run("true", &[]),
        Err(ShellError::Foreign(_))
    ));
    shell.run_with_sentinel("( exit 4 )").unwrap();
    let d = next_command(&shell);
    assert!(!d.manual);
    assert_eq!(d.exit_code, 4);
    shell.write_bytes(b"exit\r");
    let fin = wait_for(&shell, "nested shell ends", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    });
    assert!(
        matches!(fin, ShellEvent::CommandFinished { exit_code: 0, .. }),
        "{fin:?}"
    );
    wait_for(&shell, "native again", |e| *e == ShellEvent::Native);
    assert_eq!(run(&shell, "false").exit_code, 1);
}

#[test]
fn restart_and_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = spawn_in(dir.path());
    run(&shell, "export KEPT=yes");
    let old = shell.pid();
    shell.restart().unwrap();
    assert_ne!(shell.pid(), old);
    wait_for(&shell, "new prompt", |e| {
        matches!(e, ShellEvent::Prompt { .. })
    });
    let d = run(&shell, "echo \"kept=${KEPT:-no}\"");
    assert_eq!(d.output, "kept=no\n");
    shell.run("exit 7", &[]).unwrap();
    let e = wait_for(&shell, "exit", |e| matches!(e, ShellEvent::Exited { .. }));
    assert_eq!(e, ShellEvent::Exited { code: Some(7) });
    assert!(matches!(shell.run("true", &[]), Err(ShellError::Exited)));
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn garbage_floods_and_endless_escapes_keep_memory_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    let before = rss_kb();
    // 16 MB of random bytes, then an OSC that never ends (8 MB).
    let d = run(
        &shell,
        "head -c 16000000 /dev/urandom; printf '\\033]0;'; head -c 8000000 /dev/zero | tr '\\0' a; printf '\\a'",
    );
    assert_eq!(d.exit_code, 0);
    assert!(d.output.len() <= 2 * 64 * 1024 * 4, "{}", d.output.len());
    let grown = rss_kb().saturating_sub(before);
    assert!(grown < 64 * 1024, "RSS grew by {grown} kB");
    // Still responsive, and the screen works.
    let d = run(&shell, "printf '\\033c'; echo still-here");
    assert_eq!(d.output.trim(), "still-here");
    wait_screen(&shell, "text after the flood", |s| s.contains("still-here"));
}

#[test]
fn keys_follow_the_application_cursor_mode_and_stray_markers_are_ignored() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn_in(dir.path());
    // A program printing someone else's OSC 133 D does not end the command.
    shell
        .run(
            "printf '\\033]133;D;5\\007\\033]0;a title\\007'; cat -v",
            &[],
        )
        .unwrap();
    wait_for(&shell, "start", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    });
    wait_for(&shell, "title", |e| {
        *e == ShellEvent::Title("a title".into())
    });
    wait_until_foreground(&shell, "cat");
    let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
    shell.send_key(&up);
    shell.send_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    wait_screen(&shell, "normal-mode arrow", |s| s.contains("^[[A"));
    assert_eq!(shell.phase(), Phase::Running);
    shell.send_key(&KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    let fin = wait_for(&shell, "cat ends", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    });
    assert!(
        matches!(fin, ShellEvent::CommandFinished { exit_code: 0, .. }),
        "{fin:?}"
    );
    shell.run("printf '\\033[?1h'; cat -v", &[]).unwrap();
    wait_for(&shell, "start", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    });
    wait_until_foreground(&shell, "cat");
    wait_screen(&shell, "mode set", |_| {
        shell.with_emulator(|e| {
            e.mode()
                .contains(pasos::shell::alacritty_terminal::term::TermMode::APP_CURSOR)
        })
    });
    shell.send_key(&up);
    shell.send_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    wait_screen(&shell, "application-mode arrow", |s| s.contains("^[OA"));
    shell.interrupt();
    wait_for(&shell, "cat interrupted", |e| {
        matches!(e, ShellEvent::CommandFinished { exit_code: 130, .. })
    });
}
