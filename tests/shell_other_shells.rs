//! zsh, fish and a plain POSIX sh in the pane: exit codes, persistence,
//! hand-typed commands and secrets where the shell can have them. Each
//! test is skipped, with a notice, when its shell is not installed.

use pasos::shell::{Shell, ShellConfig, ShellError, ShellEvent, ShellKind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn find(name: &str) -> Option<PathBuf> {
    ["/bin", "/usr/bin", "/usr/local/bin"]
        .iter()
        .map(|d| PathBuf::from(d).join(name))
        .find(|p| p.exists())
}

fn spawn(program: PathBuf, dir: &std::path::Path) -> Shell {
    let shell = Shell::spawn(ShellConfig {
        program: Some(program),
        load_user_rc: false,
        cwd: Some(dir.to_path_buf()),
        env: vec![
            ("HISTFILE".into(), "/dev/null".into()),
            ("fish_history".into(), "".into()),
        ],
        ..ShellConfig::default()
    })
    .expect("spawn");
    wait_for(&shell, "first prompt", |e| {
        matches!(e, ShellEvent::Prompt { .. })
    });
    shell
}

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

/// (text, manual, exit code, output) of the next command.
fn next_command(shell: &Shell) -> (String, bool, i32, String) {
    let (text, manual) = match wait_for(shell, "start", |e| {
        matches!(e, ShellEvent::CommandStarted { .. })
    }) {
        ShellEvent::CommandStarted { text, manual, .. } => (text, manual),
        _ => unreachable!(),
    };
    match wait_for(shell, "end", |e| {
        matches!(e, ShellEvent::CommandFinished { .. })
    }) {
        ShellEvent::CommandFinished {
            exit_code,
            output_tail,
            ..
        } => (text, manual, exit_code, output_tail),
        _ => unreachable!(),
    }
}

fn run(shell: &Shell, command: &str) -> (i32, String) {
    shell.run(command, &[]).expect("run");
    let (_, manual, code, out) = next_command(shell);
    assert!(!manual);
    (code, out)
}

fn full_integration(name: &str, kind: ShellKind, set_var: &str) {
    let Some(program) = find(name) else {
        println!("notice: {name} not installed; skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let shell = spawn(program, dir.path());
    assert_eq!(shell.kind(), kind);
    assert_eq!(run(&shell, "true").0, 0);
    assert_eq!(run(&shell, "false").0, 1);
    assert_eq!(run(&shell, "false | true").0, 0);
    run(&shell, set_var);
    let (code, out) = run(&shell, "echo \"dir=$ROLLBACK_DIR\"");
    assert_eq!((code, out.as_str()), (0, "dir=/srv/rb\n"));
    run(&shell, "cd sub");
    let (_, out) = run(&shell, "pwd");
    assert!(out.trim().ends_with("/sub"), "{out}");
    shell.write_bytes(b"echo by hand\r");
    let (text, manual, code, out) = next_command(&shell);
    assert!(manual);
    assert_eq!(text, "echo by hand");
    assert_eq!((code, out.as_str()), (0, "by hand\n"));
    let env = vec![("API_TOKEN".to_string(), "tok-5566778899".to_string())];
    shell
        .run("echo \"len=$(printf %s \"$API_TOKEN\" | wc -c)\"", &env)
        .unwrap();
    let (_, _, code, out) = next_command(&shell);
    assert_eq!(code, 0, "{}", shell.screen_text());
    assert_eq!(out.trim(), "len=14");
    assert!(!shell.screen_text().contains("tok-5566778899"));
}

#[test]
fn zsh_has_the_full_integration() {
    full_integration("zsh", ShellKind::Zsh, "export ROLLBACK_DIR=/srv/rb");
}

#[test]
fn fish_has_the_full_integration() {
    full_integration("fish", ShellKind::Fish, "set -gx ROLLBACK_DIR /srv/rb");
}

#[test]
fn a_posix_sh_reports_exit_codes_of_our_commands() {
    let Some(program) = find("dash") else {
        println!("notice: dash not installed; skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let shell = spawn(program, dir.path());
    assert_eq!(shell.kind(), ShellKind::Sh);
    assert_eq!(run(&shell, "true").0, 0);
    assert_eq!(run(&shell, "( exit 3 )").0, 3);
    run(&shell, "ROLLBACK_DIR=/srv/rb");
    let (code, out) = run(&shell, "echo \"dir=$ROLLBACK_DIR\"");
    assert_eq!(code, 0);
    assert!(out.contains("dir=/srv/rb"), "{out:?}");
    assert!(matches!(
        shell.run("true", &[("A".into(), "b".into())]),
        Err(ShellError::SecretsUnsupported)
    ));
}

#[test]
fn bash_without_ps0_falls_back_to_prompt_markers() {
    // What bash < 4.4 (no PS0) gets; forced here on a newer bash.
    let Some(program) = find("bash") else {
        println!("notice: bash not installed; skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::spawn(ShellConfig {
        program: Some(program),
        load_user_rc: false,
        cwd: Some(dir.path().to_path_buf()),
        env: vec![
            ("HISTFILE".into(), "/dev/null".into()),
            ("PASOS_SHELL_PROMPT_ONLY".into(), "1".into()),
        ],
        ..ShellConfig::default()
    })
    .unwrap();
    wait_for(&shell, "first prompt", |e| {
        matches!(e, ShellEvent::Prompt { .. })
    });
    assert_eq!(run(&shell, "( exit 3 )").0, 3);
    assert_eq!(run(&shell, "false | true").0, 0);
    run(&shell, "ROLLBACK_DIR=/srv/rb");
    let (code, out) = run(&shell, "echo \"dir=$ROLLBACK_DIR\"");
    assert_eq!((code, out.as_str()), (0, "dir=/srv/rb\n"));
    let env = vec![("API_TOKEN".to_string(), "tok-5566778899".to_string())];
    shell.run("echo \"len=${#API_TOKEN}\"", &env).unwrap();
    let (_, _, code, out) = next_command(&shell);
    assert_eq!((code, out.trim()), (0, "len=14"));
    assert!(!shell.screen_text().contains("tok-5566778899"));
}
