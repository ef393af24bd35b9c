//! A dropped SSH session, for real: a private `sshd` on 127.0.0.1 (its own
//! config, host key and authorized key in a temporary directory), `ssh -tt`
//! running the full-screen `pasos run`, then the client killed — once while
//! idle, once while a step's command runs. The journal must end with
//! `run-interrupted`, verify, show as interrupted in `log list`, and the
//! run must resume.
//!
//! Needs `/usr/sbin/sshd` and `ssh`, `ssh-keygen` (Debian: openssh-server,
//! openssh-client); skips with a notice without them.

#[path = "support/screen.rs"]
mod screen;

use pasos::journal::{Event, Interruption, store, verify_file};
use screen::{Screen, eventually};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const SSHD: &str = "/usr/sbin/sshd";
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hardening/slow.toml");

fn tools_missing() -> Option<String> {
    if !Path::new(SSHD).exists() {
        return Some(format!("{SSHD} is missing (install openssh-server)"));
    }
    for tool in ["ssh", "ssh-keygen"] {
        if Command::new(tool)
            .arg("-V")
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .is_err()
        {
            return Some(format!("`{tool}` is missing (install openssh-client)"));
        }
    }
    None
}

struct Sshd {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "ssh-keygen failed");
}

fn start_sshd() -> Sshd {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    keygen(&d.join("host_key"));
    keygen(&d.join("client_key"));
    std::fs::copy(d.join("client_key.pub"), d.join("authorized_keys")).unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nPidFile {pid}\n\
AuthorizedKeysFile {auth}\nUsePAM no\nStrictModes no\nPubkeyAuthentication yes\n\
PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin yes\n\
AllowUsers {user}\nPrintMotd no\nPrintLastLog no\nLogLevel ERROR\n",
        host = d.join("host_key").display(),
        pid = d.join("sshd.pid").display(),
        auth = d.join("authorized_keys").display(),
    );
    std::fs::write(d.join("sshd_config"), config).unwrap();
    // sshd started by root wants its privilege separation directory.
    if nix_is_root() && !Path::new("/run/sshd").exists() {
        let _ = std::fs::create_dir_all("/run/sshd");
    }
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(d.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(d.join("sshd.log")).unwrap())
        .spawn()
        .unwrap();
    let up = eventually(Duration::from_secs(10), || {
        std::net::TcpStream::connect(("127.0.0.1", port)).ok()
    });
    assert!(
        up.is_some(),
        "sshd did not come up: {}",
        std::fs::read_to_string(d.join("sshd.log")).unwrap_or_default()
    );
    Sshd { child, port, dir }
}

fn nix_is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

/// `ssh -tt` into the private sshd running the full-screen pasos; the
/// client itself sits in a local pseudo-terminal, as an operator's would.
/// Its exit code is written to `rc` by a wrapper that outlives the hang-up.
fn ssh_run(sshd: &Sshd, data: &Path, rc: &Path, extra: &str) -> Screen {
    let remote = format!(
        "cd /tmp && trap '' HUP; env PASOS_DATA_DIR={data} TERM=xterm-256color LANG=en_US.UTF-8 NO_COLOR=1 {bin} run {extra} {fixture}; echo $? > {rc}",
        data = data.display(),
        bin = env!("CARGO_BIN_EXE_pasos"),
        fixture = FIXTURE,
        rc = rc.display(),
    );
    let key = sshd.dir.path().join("client_key");
    let port = sshd.port.to_string();
    screen::spawn(
        "ssh",
        &[
            "-tt",
            "-i",
            key.to_str().unwrap(),
            "-p",
            &port,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "127.0.0.1",
            &remote,
        ],
        &[],
    )
}

fn events(journal: &Path) -> Vec<Event> {
    let v = verify_file(journal).unwrap();
    assert!(v.intact(), "the journal does not verify: {:?}", v.problems);
    v.lines.into_iter().map(|l| l.event).collect()
}

fn the_journal(data: &Path) -> PathBuf {
    eventually(Duration::from_secs(20), || {
        store::list(data).ok()?.into_iter().next()
    })
    .expect("a journal appears")
}

fn wait_interrupted(journal: &Path) -> Vec<Event> {
    eventually(Duration::from_secs(30), || {
        let evs = events(journal);
        matches!(evs.last(), Some(Event::RunInterrupted { .. })).then_some(evs)
    })
    .unwrap_or_else(|| panic!("no run-interrupted: {:?}", events(journal)))
}

fn pasos(data: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(args)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// What every drop must leave: exit 4, `run-interrupted` for a hang-up
/// last, a journal that verifies, `log list` saying interrupted, and a
/// run that resumes.
fn check_after_drop(data: &Path, journal: &Path, rc: &Path) -> Vec<Event> {
    let evs = wait_interrupted(journal);
    match evs.last() {
        Some(Event::RunInterrupted { why, .. }) => assert_eq!(
            why.0,
            Interruption::Signal {
                name: "SIGHUP".into()
            }
        ),
        other => panic!("last event: {other:?}"),
    }
    let code = eventually(Duration::from_secs(20), || {
        std::fs::read_to_string(rc).ok().filter(|s| !s.is_empty())
    })
    .expect("the remote wrapper wrote pasos's exit code");
    assert_eq!(code.trim(), "4", "a hang-up exits 4");
    let run_id = store::run_id_of(journal);
    let (code, out) = pasos(data, &["log", "verify", &run_id]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = pasos(data, &["log", "list"]);
    assert_eq!(code, 0, "{out}");
    let row = out
        .lines()
        .find(|l| l.contains(&run_id))
        .unwrap_or_else(|| panic!("{run_id} not listed:\n{out}"));
    assert!(row.contains("interrupted"), "{row}");
    // Resume in line mode; end of input interrupts it again, cleanly.
    let (code, out) = pasos(data, &["run", "--plain", FIXTURE, "--resume", &run_id]);
    assert_eq!(code, 4, "{out}");
    let after = events(journal);
    assert!(
        after[evs.len()..]
            .iter()
            .any(|e| matches!(e, Event::RunResumed { .. })),
        "{after:?}"
    );
    evs
}

#[test]
fn a_dropped_ssh_session_interrupts_the_run_while_idle_and_mid_command() {
    if let Some(why) = tools_missing() {
        eprintln!("SKIP: a_dropped_ssh_session…: {why}");
        return;
    }
    let sshd = start_sshd();

    // Idle: the run is on screen, nothing runs, the client dies.
    let data = tempfile::tempdir().unwrap();
    let rc = data.path().join("rc");
    let mut s = ssh_run(&sshd, data.path(), &rc, "");
    s.wait_for("Hardening fixture");
    let journal = the_journal(data.path());
    std::thread::sleep(Duration::from_millis(500));
    s.child.kill().unwrap();
    let _ = s.child.wait();
    let evs = check_after_drop(data.path(), &journal, &rc);
    assert!(
        !evs.iter().any(|e| matches!(e, Event::CommandSent { .. })),
        "{evs:?}"
    );

    // Mid-command: step 1 done, step 2 (`sleep 60`) running, client dies.
    let data = tempfile::tempdir().unwrap();
    let rc = data.path().join("rc");
    let mut s = ssh_run(&sshd, data.path(), &rc, "");
    s.wait_for("Hardening fixture");
    let journal = the_journal(data.path());
    s.send("\r");
    eventually(Duration::from_secs(20), || {
        events(&journal)
            .iter()
            .any(|e| matches!(e, Event::StepFinished { step, .. } if step == "1"))
            .then_some(())
    })
    .expect("step 1 finished");
    s.send("\r");
    eventually(Duration::from_secs(20), || {
        events(&journal)
            .iter()
            .any(|e| matches!(e, Event::CommandSent { step, .. } if step == "2"))
            .then_some(())
    })
    .expect("step 2's command started");
    std::thread::sleep(Duration::from_millis(300));
    s.child.kill().unwrap();
    let _ = s.child.wait();
    let evs = check_after_drop(data.path(), &journal, &rc);
    // The policy (runner::ending): a grace period, then SIGINT to the
    // command, noted; its real exit status journaled; then the interruption.
    let sent = evs
        .iter()
        .position(|e| matches!(e, Event::CommandSent { step, .. } if step == "2"))
        .unwrap();
    let tail = &evs[sent..];
    let note = tail
        .iter()
        .position(|e| matches!(e, Event::Note { text, .. } if text.contains("SIGHUP") && text.contains("interrupted")))
        .unwrap_or_else(|| panic!("no note about the interrupted command: {tail:?}"));
    let finished = tail
        .iter()
        .position(|e| matches!(e, Event::CommandFinished { step, exit_code, .. } if step == "2" && *exit_code == 130))
        .unwrap_or_else(|| panic!("no command-finished 130 for step 2: {tail:?}"));
    assert!(note < finished, "{tail:?}");
}
