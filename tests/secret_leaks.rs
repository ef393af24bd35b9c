//! The leak suite: one secret, every way it could get out. Runs of
//! `tests/fixtures/leak.toml` (which prints the secret as is, on stderr,
//! base64 in three alignments and both alphabets, hex in both cases,
//! reversed, URL-encoded, split by a pause and in 2-byte chunks) through
//! the real binary, full screen and line by line, with HOME, the data dir,
//! TMPDIR and XDG_RUNTIME_DIR in a temporary directory. Afterwards no form
//! of the secret may be found in any file under it, nor in anything pasos
//! printed (plain stdout and stderr, report, export, log), nor in
//! `/proc/<pid>/cmdline` or `environ` of pasos; and pasos must not be
//! dumpable while it runs.

mod common;

use pasos::journal::store;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Has `/` and `+`, so its URL-encoded form differs from it.
const SECRET: &str = "tok-SECRETO/4a7f19+x";
const LEAK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/leak.toml");

/// Where a run keeps everything: HOME (with a .bashrc that would write
/// the history to ~/.bash_history after every command), the data dir
/// inside it, TMPDIR and XDG_RUNTIME_DIR.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::Builder::new()
            .prefix("pasos-leak")
            .tempdir_in("/tmp")
            .unwrap();
        let s = Sandbox { root };
        for d in [s.home(), s.data(), s.tmp(), s.runtime()] {
            std::fs::create_dir_all(&d).unwrap();
        }
        std::fs::write(
            s.home().join(".bashrc"),
            "HISTFILE=$HOME/.bash_history\nshopt -s histappend\nPROMPT_COMMAND='history -a'\n",
        )
        .unwrap();
        s
    }
    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }
    fn data(&self) -> PathBuf {
        self.home().join(".local/share/pasos")
    }
    fn tmp(&self) -> PathBuf {
        self.root.path().join("tmp")
    }
    fn runtime(&self) -> PathBuf {
        self.root.path().join("run")
    }
    fn env(&self) -> Vec<(String, String)> {
        [
            ("HOME", self.home()),
            ("PASOS_DATA_DIR", self.data()),
            ("TMPDIR", self.tmp()),
            ("XDG_RUNTIME_DIR", self.runtime()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.display().to_string()))
        .chain([
            ("LANG".to_string(), "en_US.UTF-8".to_string()),
            ("SHELL".to_string(), "/bin/bash".to_string()),
        ])
        .collect()
    }
    fn pasos(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pasos"));
        c.envs(self.env())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .current_dir(self.root.path());
        c
    }
    fn journal(&self) -> PathBuf {
        let j = store::list(&self.data()).unwrap();
        assert_eq!(j.len(), 1, "{j:?}");
        j[0].clone()
    }
}

/// The tools the leak procedure prints the secret with.
fn tools(test: &str) -> bool {
    ["bash", "base64", "od", "rev", "sed", "seq"]
        .iter()
        .all(|t| common::tool_available(test, t))
}

/// Every form of the secret that must not appear.
fn forms() -> Vec<Vec<u8>> {
    pasos::secret::forms(SECRET)
        .into_iter()
        .map(|f| f.to_vec())
        .collect()
}

fn found_in(bytes: &[u8]) -> Vec<String> {
    // And any 12 bytes of it in a row (a line editor's redraw cuts it).
    let pieces = SECRET.as_bytes().windows(12).map(<[u8]>::to_vec);
    forms()
        .into_iter()
        .chain(pieces)
        .filter(|f| bytes.windows(f.len()).any(|w| w == f.as_slice()))
        .map(|f| String::from_utf8_lossy(&f).into_owned())
        .collect()
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let found = found_in(bytes);
    assert!(
        found.is_empty(),
        "{what} holds the secret as {found:?}:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

/// Every regular file under `dir`, checked.
fn assert_tree_clean(dir: &Path) -> usize {
    let mut files = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                files += 1;
                assert_clean(
                    &e.path().display().to_string(),
                    &std::fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    files
}

/// `pasos report`, `export --run` and `log show` of the run: all clean.
fn assert_outputs_of_the_run_clean(s: &Sandbox) {
    let id = store::run_id_of(&s.journal());
    for args in [
        vec!["report", id.as_str()],
        vec!["export", "--run", id.as_str(), "--format", "md"],
        vec!["export", "--run", id.as_str(), "--format", "html"],
        vec!["log", "show", id.as_str()],
        vec!["log", "verify", id.as_str()],
    ] {
        let out = s.pasos().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        assert_clean(&format!("{args:?} stdout"), &out.stdout);
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
    }
}

/// The journal keeps the commands as written (`${LEAK_TOKEN:0:6}` is no
/// value).
fn assert_journal_faithful(s: &Sandbox) {
    let journal = std::fs::read_to_string(s.journal()).unwrap();
    assert!(
        journal.contains(r#"printf \"split=%s\" \"${LEAK_TOKEN:0:6}\""#),
        "the command text was altered:\n{journal}"
    );
}

fn read_proc(pid: u32, what: &str) -> Vec<u8> {
    std::fs::read(format!("/proc/{pid}/{what}")).unwrap_or_default()
}

/// What another process can learn about a running pasos.
fn assert_process_clean(pid: u32) {
    assert_clean("/proc/<pid>/cmdline", &read_proc(pid, "cmdline"));
    assert_clean("/proc/<pid>/environ", &read_proc(pid, "environ"));
    let limits = String::from_utf8(read_proc(pid, "limits")).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    assert_eq!(
        core.split_whitespace().nth(4),
        Some("0"),
        "core dumps allowed: {core}"
    );
}

#[test]
fn a_plain_run_leaks_nothing() {
    if !tools("a_plain_run_leaks_nothing") {
        return;
    }
    let s = Sandbox::new();
    let mut child = s
        .pasos()
        .args(["run", "--plain", LEAK])
        .env("PASOS_VAR_LEAK_TOKEN", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        stdout.read_to_end(&mut v).unwrap();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        stderr.read_to_end(&mut v).unwrap();
        v
    });
    // While it waits for the first answer.
    std::thread::sleep(Duration::from_millis(500));
    assert_process_clean(pid);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"\n\n\n\n\n").unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    let text = String::from_utf8_lossy(&out);
    assert!(
        status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&err)
    );
    // The commands ran and printed; what they printed was redacted.
    for shown in ["plain=[redacted]", "err=[redacted]", "split=[redacted]"] {
        assert!(text.contains(shown), "{shown} missing:\n{text}");
    }
    assert_clean("plain stdout", &out);
    assert_clean("plain stderr", &err);
    assert_journal_faithful(&s);
    assert_outputs_of_the_run_clean(&s);
    assert!(assert_tree_clean(s.root.path()) >= 2);
}

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Screen {
    fn spawn(s: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Screen {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pasos"));
        cmd.args(args);
        cmd.cwd(s.root.path());
        for (k, v) in s.env() {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("LC_ALL");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(40).unwrap(),
            std::num::NonZeroU16::new(120).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        std::mem::forget(pty.master);
        Screen {
            parser,
            writer,
            child,
        }
    }

    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("`{needle}` never appeared; the screen:\n{}", self.text());
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(80));
    }
}

#[test]
fn a_full_screen_run_leaks_nothing_to_history_transcript_or_journal() {
    if !tools("a_full_screen_run_leaks_nothing") || !common::tool_available("leaks", "/bin/bash") {
        return;
    }
    let s = Sandbox::new();
    let mut screen = Screen::spawn(&s, &["run", LEAK], &[("PASOS_VAR_LEAK_TOKEN", SECRET)]);
    let pid = screen.child.process_id().unwrap();
    for step in ["1", "2", "3"] {
        screen.wait_for("enter run");
        screen.send("\r");
        screen.wait_for(&format!("✓ {step} done"));
    }
    // By hand in the shell pane (journaled while the run is on): the
    // secret typed out, and a command that prints it reversed.
    screen.send("4");
    screen.send(&format!("echo typed {SECRET}\r"));
    screen.wait_for("typed ");
    screen.send("printf '%s\\n' \"$LEAK_TOKEN\" | rev\r");
    std::thread::sleep(Duration::from_millis(600));
    // The shell's history is not the user's, and is private.
    let private: Vec<PathBuf> = std::fs::read_dir(s.runtime())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("pasos-shell-")
        })
        .collect();
    assert_eq!(private.len(), 1, "{private:?}");
    let history = private[0].join("history");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&history).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{}", history.display());
    assert_eq!(
        std::fs::metadata(&private[0]).unwrap().permissions().mode() & 0o777,
        0o700
    );
    assert!(!s.home().join(".bash_history").exists());
    assert_process_clean(pid);
    screen.send("\x07");
    screen.wait_for("enter run");
    screen.send("\r");
    screen.wait_for("✓ 4 done");
    screen.wait_for("FINISHED");
    screen.send("q");
    let start = Instant::now();
    while screen.child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{}",
            screen.text()
        );
        screen.send("y");
        std::thread::sleep(Duration::from_millis(200));
    }
    // The run's own history went with its private directory.
    assert!(!private[0].exists());
    assert!(!s.home().join(".bash_history").exists());
    assert_journal_faithful(&s);
    let journal = std::fs::read_to_string(s.journal()).unwrap();
    assert!(journal.contains("echo typed [redacted]"), "{journal}");
    let cast = std::fs::read_to_string(s.journal().with_extension("cast")).unwrap();
    for shown in [
        "plain=[redacted]",
        "err=[redacted]",
        "typed [redacted]",
        "split=",
    ] {
        assert!(
            cast.contains(shown),
            "{shown} missing from the transcript:\n{cast}"
        );
    }
    assert_outputs_of_the_run_clean(&s);
    assert!(assert_tree_clean(s.root.path()) >= 3);
}

#[test]
fn pasos_is_not_dumpable_while_it_runs() {
    // A process that is not dumpable has its /proc files owned by root,
    // whoever runs it. As root, run pasos as `nobody` to tell them apart.
    let root = unsafe { libc::geteuid() } == 0;
    let s = Sandbox::new();
    let work = s.root.path().join("nobody");
    std::fs::create_dir_all(&work).unwrap();
    let procedure = work.join("leak.toml");
    std::fs::copy(LEAK, &procedure).unwrap();
    let mut cmd = s.pasos();
    cmd.args(["run", "--plain"])
        .arg(&procedure)
        .env("PASOS_DATA_DIR", work.join("data"))
        .env("HOME", &work)
        .env("PASOS_VAR_LEAK_TOKEN", SECRET)
        .current_dir(&work)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let (uid, gid) = if root {
        (65534, 65534)
    } else {
        unsafe { (libc::geteuid(), libc::getegid()) }
    };
    if root {
        use std::os::unix::fs::PermissionsExt;
        use std::os::unix::process::CommandExt;
        for p in [s.root.path(), &work, &procedure] {
            std::os::unix::fs::chown(p, Some(uid), Some(gid)).unwrap();
        }
        std::fs::set_permissions(s.root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        cmd.uid(uid).gid(gid);
    }
    let mut child = cmd.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let pid = child.id();
    use std::os::unix::fs::MetadataExt;
    let status = String::from_utf8(read_proc(pid, "status")).unwrap();
    assert!(
        status
            .lines()
            .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some(&uid.to_string())),
        "{status}"
    );
    let owner = std::fs::metadata(format!("/proc/{pid}/environ"))
        .unwrap()
        .uid();
    assert_process_clean(pid);
    drop(child.stdin.take());
    let _ = child.wait();
    assert_eq!(
        owner, 0,
        "/proc/<pid>/environ belongs to the user: the process is dumpable"
    );
}

#[test]
fn the_unsafe_ways_are_refused_and_the_safe_ones_work() {
    let s = Sandbox::new();
    // On the command line: refused, with the safe ways, without the value.
    let out = s
        .pasos()
        .args([
            "run",
            "--plain",
            &format!("--var=LEAK_TOKEN={SECRET}"),
            LEAK,
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("PASOS_VAR_LEAK_TOKEN") && err.contains("--var-file"),
        "{err}"
    );
    assert_clean("the refusal", &out.stderr);
    // Too short to be redacted.
    let out = s
        .pasos()
        .args(["run", "--plain", LEAK])
        .env("PASOS_VAR_LEAK_TOKEN", "abc")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 6"));
    // A var file others can read: refused; made private: used.
    let file = s.root.path().join("vars");
    std::fs::write(&file, format!("# the token\nLEAK_TOKEN={SECRET}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = |s: &Sandbox| {
        s.pasos()
            .args(["run", "--plain", "--var-file"])
            .arg(&file)
            .arg(LEAK)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let out = run(&s);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("chmod 600"));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = run(&s);
    // No answers on stdin: interrupted at the first step, the secret set.
    assert_eq!(out.status.code(), Some(4), "{out:?}");
    assert_clean("stdout", &out.stdout);
    let journal = std::fs::read_to_string(s.journal()).unwrap();
    assert!(journal.contains("\"LEAK_TOKEN\""), "{journal}");
    assert_clean("journal", journal.as_bytes());
    // The prompt, without echo (stdin is no terminal here: a plain line).
    let s = Sandbox::new();
    let mut child = s
        .pasos()
        .args(["run", "--plain", LEAK])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("abc\n{SECRET}\n\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("at least 6"), "{text}");
    assert!(text.contains("plain=[redacted]"), "{text}");
    assert_clean("prompted run stdout", &out.stdout);
    assert_tree_clean(s.root.path());
}

#[test]
fn a_full_demo_run_redacts_nothing_that_is_not_a_secret() {
    let s = Sandbox::new();
    let workdir = s.tmp().join("demo");
    // Prerequisite, steps P1..3 (3 typed to confirm), 4 fails, overridden
    // with a reason, then 5 and the rest: a successful run.
    let answers = ["y", "", "", "", "", "", "3", ""].join("\n")
        + "\no\nschema migrated by hand, checked with the DBA\n\n\n\n";
    let mut child = s
        .pasos()
        .args(["run", "--plain"])
        .arg(format!("--var=WORKDIR={}", workdir.display()))
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
        .env("PASOS_VAR_NOTIFY_TOKEN", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("version=2.0.0"), "{text}");
    let journal = std::fs::read_to_string(s.journal()).unwrap();
    for (what, t) in [("stdout", text.as_ref()), ("journal", journal.as_str())] {
        assert!(!t.contains("[redacted"), "{what} redacted something:\n{t}");
    }
    assert!(journal.contains(&workdir.display().to_string()));
    assert!(journal.contains("${NOTIFY_TOKEN}"), "{journal}");
    assert_clean("stdout", &out.stdout);
    assert_tree_clean(s.root.path());
}
