//! The line-mode shell: one persistent bash, exit codes per command,
//! variables and `cd` that persist, heredocs, Ctrl-C to the command only.

use pasos::runner::pipe_shell::PipeShell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn run(shell: &mut PipeShell, cmd: &str) -> (Option<i32>, String) {
    let never = AtomicBool::new(false);
    let f = shell.run(cmd, &[], &mut |_| {}, &never).unwrap();
    (f.exit_code, f.output)
}

#[test]
fn exit_codes_state_and_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let mut sh = PipeShell::spawn(dir.path().join("sh")).unwrap();
    assert_eq!(run(&mut sh, "true").0, Some(0));
    assert_eq!(run(&mut sh, "false").0, Some(1));
    assert_eq!(run(&mut sh, "(exit 3)").0, Some(3));
    assert_eq!(run(&mut sh, "false | true").0, Some(0));
    assert_eq!(run(&mut sh, "ls /definitely/not/here").0, Some(2));
    // Output, stdout and stderr in order.
    assert_eq!(
        run(&mut sh, "echo uno; echo dos >&2; echo tres").1,
        "uno\ndos\ntres\n"
    );
    // A variable set in one command is there in the next; so is cd.
    run(&mut sh, "ROLLBACK_DIR=\"./rollback-logs/$(date +%Y)\"");
    assert!(
        run(&mut sh, "echo \"$ROLLBACK_DIR\"")
            .1
            .starts_with("./rollback-logs/20")
    );
    run(&mut sh, &format!("cd '{}'", dir.path().display()));
    assert_eq!(
        run(&mut sh, "pwd").1.trim(),
        dir.path().display().to_string()
    );
    // A multi-line script with a heredoc arrives intact.
    let (code, out) = run(
        &mut sh,
        "cat <<'EOF'\nlínea 1\n$NO_EXPANDE\nEOF\nf() { echo \"dentro de f\"; }\nf",
    );
    assert_eq!(code, Some(0));
    assert_eq!(out, "línea 1\n$NO_EXPANDE\ndentro de f\n");
    // Commands cannot read the control stream.
    assert_eq!(run(&mut sh, "read x; echo \"leído:[$x]\"").1, "leído:[]\n");
    // Variables passed for a command (secrets) reach it.
    let never = AtomicBool::new(false);
    let f = sh
        .run(
            "echo \"${TOKEN}\" | wc -c",
            &[("TOKEN".into(), "a b'c\"d".into())],
            &mut |_| {},
            &never,
        )
        .unwrap();
    assert_eq!(f.output.trim(), "8");
}

#[test]
fn ctrl_c_interrupts_the_command_not_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let mut sh = PipeShell::spawn(dir.path().join("sh")).unwrap();
    run(&mut sh, "KEEP=sigo-aqui");
    let sigint = Arc::new(AtomicBool::new(false));
    let flag = sigint.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        flag.store(true, Ordering::SeqCst);
    });
    let t = std::time::Instant::now();
    let f = sh.run("sleep 30", &[], &mut |_| {}, &sigint).unwrap();
    assert!(t.elapsed().as_secs() < 10);
    assert!(f.interrupted);
    assert_eq!(f.exit_code, Some(130));
    assert_eq!(run(&mut sh, "echo $KEEP").1, "sigo-aqui\n");
}

#[test]
fn a_shell_that_exits_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut sh = PipeShell::spawn(dir.path().join("sh")).unwrap();
    let (code, _) = run(&mut sh, "exit 7");
    assert_eq!(code, None);
    assert!(!sh.is_alive());
}
