//! Signed checkpoints end to end, with real OpenSSH: a demo run signed
//! through a real `ssh-agent`, checked by `pasos log verify` and by the
//! commands of `docs/verify-without-pasos.md` run verbatim; then the
//! attacks: an edited line, a forgery that recomputes every hash, a cut
//! tail, a key that is not allowed, an edited transcript. Each needs
//! `ssh-agent`, `ssh-add` and `ssh-keygen` (Debian `openssh-client`); without
//! them the test says SKIP and passes.

use assert_cmd::Command;
use pasos::journal::line::{Line, genesis};
use pasos::journal::store;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

mod common;

/// OpenSSH's client tools are here; else a visible SKIP (a failure under
/// `PASOS_REQUIRE_TOOLS`, as in CI).
fn have_openssh(test: &str) -> bool {
    ["ssh-agent", "ssh-add", "ssh-keygen"]
        .iter()
        .all(|t| common::tool_available(test, t))
}

macro_rules! need_openssh {
    () => {
        if !have_openssh(module_path!()) {
            return;
        }
    };
}

/// A real ssh-agent on a socket of its own, with one key added; killed
/// when dropped.
struct Agent {
    child: std::process::Child,
    socket: PathBuf,
}

impl Agent {
    fn start(dir: &Path, key: &Path) -> Agent {
        let socket = dir.join("agent.sock");
        let child = std::process::Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let t = Instant::now();
        while !socket.exists() {
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "ssh-agent did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let agent = Agent { child, socket };
        // The socket file appears at bind(), a moment before listen():
        // ssh-add is retried until the agent answers.
        let t = Instant::now();
        loop {
            let st = std::process::Command::new("ssh-add")
                .arg("-q")
                .arg(key)
                .env("SSH_AUTH_SOCK", &agent.socket)
                .stderr(Stdio::null())
                .status()
                .unwrap();
            if st.success() {
                break;
            }
            assert!(t.elapsed() < Duration::from_secs(10), "ssh-add failed");
            std::thread::sleep(Duration::from_millis(50));
        }
        agent
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path, comment: &str) -> String {
    let st = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
        .arg(path)
        .status()
        .unwrap();
    assert!(st.success());
    std::fs::read_to_string(path.with_extension("pub"))
        .unwrap()
        .trim()
        .to_string()
}

struct Env {
    dir: tempfile::TempDir,
    data: PathBuf,
    agent: Agent,
    allowed: PathBuf,
    /// `ssh-keygen -l` fingerprint of the operator's key.
    fingerprint: String,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::Builder::new()
            .prefix("pasos-trust-")
            .tempdir_in("/tmp")
            .unwrap();
        let key = dir.path().join("ana");
        let public = keygen(&key, "ana@laptop");
        let allowed = dir.path().join("allowed_signers");
        std::fs::write(&allowed, format!("ana@example.com {public}\n")).unwrap();
        let agent = Agent::start(dir.path(), &key);
        let out = std::process::Command::new("ssh-keygen")
            .args(["-l", "-f"])
            .arg(key.with_extension("pub"))
            .output()
            .unwrap();
        let fingerprint = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string();
        Env {
            data: dir.path().join("data"),
            dir,
            agent,
            allowed,
            fingerprint,
        }
    }

    fn pasos(&self) -> Command {
        let mut cmd = Command::cargo_bin("pasos").unwrap();
        cmd.env("PASOS_DATA_DIR", &self.data)
            .env("PASOS_CONFIG_DIR", self.dir.path().join("config"))
            .env("SSH_AUTH_SOCK", &self.agent.socket)
            .env("PASOS_VAR_NOTIFY_TOKEN", "tok-trust-1")
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PASOS_SIGNING_KEY")
            .env_remove("PASOS_ALLOWED_SIGNERS")
            .timeout(Duration::from_secs(90));
        cmd
    }

    /// The demo in line mode: a failed step 4 marked done with a reason,
    /// then on to success.
    fn demo_run(&self) -> (PathBuf, String) {
        let workdir = self.dir.path().join("demo");
        let stdin = [
            "y",
            "",
            "",
            "",
            "",
            "",
            "3",
            "",
            "o",
            "by hand with the DBA",
            "",
            "",
            "",
        ]
        .join("\n")
            + "\n";
        let out = self
            .pasos()
            .arg("run")
            .arg("--plain")
            .arg(format!("--var=WORKDIR={}", workdir.display()))
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
            .write_stdin(stdin)
            .assert()
            .code(0);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        let journals = store::list(&self.data).unwrap();
        assert_eq!(journals.len(), 1);
        (journals[0].clone(), stdout)
    }

    /// `pasos log verify RUN --allowed-signers FILE`: exit code, stdout.
    fn verify(&self, journal: &Path) -> (i32, String) {
        let out = self
            .pasos()
            .args(["log", "verify"])
            .arg(store::run_id_of(journal))
            .arg("--allowed-signers")
            .arg(&self.allowed)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    }

    /// The block of docs/verify-without-pasos.md, verbatim, in bash.
    fn doc_commands(&self, journal: &Path) -> (bool, String) {
        let doc = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/verify-without-pasos.md"
        ))
        .unwrap();
        let start = doc.find("<!-- verify-run:begin").unwrap();
        let end = doc.find("<!-- verify-run:end").unwrap();
        let block = &doc[start..end];
        let body = block
            .split_once("```sh\n")
            .unwrap()
            .1
            .rsplit_once("```")
            .unwrap()
            .0;
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(body)
            .env("J", journal)
            .env("ALLOWED", &self.allowed)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    }
}

fn checkpoint_seqs(journal: &Path) -> Vec<u64> {
    pasos::trust::store::list(journal)
        .unwrap()
        .into_iter()
        .map(|s| s.seq)
        .collect()
}

/// Rewrites the journal from parsed lines, recomputing every hash and the
/// head, as a forger with a text editor and `sha256sum` would.
fn rewrite_chain(journal: &Path, mut edit: impl FnMut(&mut Line)) {
    let run_id = store::run_id_of(journal);
    let text = std::fs::read_to_string(journal).unwrap();
    let mut prev = genesis(&run_id);
    let mut out = String::new();
    let mut last = (0, String::new());
    for raw in text.lines() {
        let mut l: Line = serde_json::from_str(raw).unwrap();
        edit(&mut l);
        let line = Line::new(l.seq, l.ts, prev.clone(), l.event.clone());
        out.push_str(&line.to_text());
        out.push('\n');
        prev = line.hash.clone();
        last = (line.seq, line.hash.clone());
    }
    std::fs::write(journal, out).unwrap();
    std::fs::write(
        store::head_path(journal),
        format!("{} {}\n", last.0, last.1),
    )
    .unwrap();
}

#[test]
fn a_demo_run_signed_through_the_agent_verifies_with_pasos_and_with_stock_openssh() {
    need_openssh!();
    let env = Env::new();
    let (journal, stdout) = env.demo_run();
    assert!(
        stdout.contains(&format!("journal signed with {}", env.fingerprint)),
        "{stdout}"
    );
    let seqs = checkpoint_seqs(&journal);
    let lines = std::fs::read_to_string(&journal).unwrap().lines().count() as u64;
    // Lines that reach the signing thread together share a checkpoint, so
    // the start's may cover a few lines; it comes before any step ends.
    let first_step_end = std::fs::read_to_string(&journal)
        .unwrap()
        .lines()
        .position(|l| l.contains("\"type\":\"step-finished\""))
        .unwrap() as u64
        + 1;
    assert!(
        seqs[0] < first_step_end,
        "a checkpoint at the start: {seqs:?}"
    );
    assert_eq!(seqs.last(), Some(&lines), "a checkpoint at the end");
    assert!(seqs.len() >= 5, "one per step outcome: {seqs:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = pasos::trust::store::dir(&journal);
        assert_eq!(
            std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
        let sig = pasos::trust::store::sig_path(&dir, seqs[0]);
        assert_eq!(
            std::fs::metadata(&sig).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("integrity:    ok"), "{out}");
    assert!(
        out.contains(&format!(
            "authenticity: ok, every line up to seq {lines} is signed"
        )),
        "{out}"
    );
    assert!(out.contains("the run ended"), "{out}");
    assert!(
        out.contains(&format!("signed by ana@example.com ({})", env.fingerprint)),
        "{out}"
    );
    let (ok, text) = env.doc_commands(&journal);
    assert!(ok, "{text}");
    assert!(text.contains(&format!("VERIFIED: {lines} lines")), "{text}");
    assert!(
        text.contains("Good \"pasos-journal@pasos\" signature for ana@example.com"),
        "{text}"
    );

    // A line edited in place (hash not recomputed): both checks fail.
    let body = std::fs::read_to_string(&journal).unwrap();
    let edited = body.replacen("by hand with the DBA", "by hand with the CTO", 1);
    assert_ne!(body, edited);
    std::fs::write(&journal, edited).unwrap();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("integrity:    FAILED"), "{out}");
    let (ok, text) = env.doc_commands(&journal);
    assert!(!ok, "{text}");
    assert!(
        text.contains("edited") && text.contains("NOT VERIFIED"),
        "{text}"
    );
}

#[test]
fn a_forgery_that_recomputes_every_hash_fails_authenticity_at_the_first_forged_seq() {
    need_openssh!();
    let env = Env::new();
    let (journal, _) = env.demo_run();
    // Step 4's command failed (exit 1): make it a success, rename the
    // operator, and recompute every hash and the head.
    let mut forged_seq = None;
    rewrite_chain(&journal, |l| match &mut l.event {
        pasos::journal::Event::CommandFinished {
            step, exit_code, ..
        } if step == "4" && *exit_code != 0 => {
            *exit_code = 0;
            forged_seq.get_or_insert(l.seq);
        }
        pasos::journal::Event::RunStarted { operator, .. } => operator.user = "mallory".into(),
        _ => {}
    });
    let forged = forged_seq.expect("step 4 failed in the demo");
    // The chain itself holds again: only the signatures catch it. The
    // first line is forged too (operator), so nothing is covered.
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("integrity:    ok"), "{out}");
    assert!(
        out.contains("authenticity: FAILED: seq 1 onwards is not covered by a valid signature"),
        "{out}"
    );
    let first = checkpoint_seqs(&journal)[0];
    assert!(
        out.contains(&format!(
            "checkpoint {first}: journal line {first} is not the line that was signed"
        )),
        "{out}"
    );
    let (ok, text) = env.doc_commands(&journal);
    assert!(!ok && text.contains("NOT VERIFIED"), "{text}");

    // Forging only from step 4 on leaves the signed prefix covered.
    let env = Env::new();
    let (journal, _) = env.demo_run();
    rewrite_chain(&journal, |l| {
        if let pasos::journal::Event::CommandFinished {
            step, exit_code, ..
        } = &mut l.event
            && step == "4"
        {
            *exit_code = 0;
        }
    });
    let covered = checkpoint_seqs(&journal)
        .into_iter()
        .filter(|s| *s < forged)
        .max()
        .unwrap();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "authenticity: FAILED: seq {} onwards is not covered by a valid signature",
            covered + 1
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("seq 1..{covered}")),
        "the honest prefix is named: {out}"
    );
}

#[test]
fn a_cut_journal_and_an_unsigned_tail_are_reported_as_incomplete() {
    need_openssh!();
    let env = Env::new();
    let (journal, _) = env.demo_run();
    let last = *checkpoint_seqs(&journal).last().unwrap();
    // Cut the last three lines and move the head back: the chain holds,
    // the signed end does not.
    let text = std::fs::read_to_string(&journal).unwrap();
    let kept: Vec<&str> = text.lines().collect();
    let kept = &kept[..kept.len() - 3];
    std::fs::write(&journal, kept.join("\n") + "\n").unwrap();
    let l: Line = serde_json::from_str(kept.last().unwrap()).unwrap();
    std::fs::write(
        store::head_path(&journal),
        format!("{} {}\n", l.seq, l.hash),
    )
    .unwrap();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("integrity:    ok"), "{out}");
    assert!(
        out.contains(&format!(
            "completeness: FAILED: seq {last} was signed but the journal ends at seq {}",
            l.seq
        )),
        "{out}"
    );
    let (ok, text) = env.doc_commands(&journal);
    assert!(!ok, "{text}");

    // Lines after the last checkpoint (its files gone, as after a crash
    // between a line and its signature): an unsigned tail.
    let env = Env::new();
    let (journal, _) = env.demo_run();
    let seqs = checkpoint_seqs(&journal);
    let (prev, last) = (seqs[seqs.len() - 2], seqs[seqs.len() - 1]);
    let dir = pasos::trust::store::dir(&journal);
    std::fs::remove_file(pasos::trust::store::msg_path(&dir, last)).unwrap();
    std::fs::remove_file(pasos::trust::store::sig_path(&dir, last)).unwrap();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "completeness: INCOMPLETE: seq {}..{last} after the last signed checkpoint is not signed",
            prev + 1
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("seq {} onwards is not covered", prev + 1)),
        "{out}"
    );
    let (ok, text) = env.doc_commands(&journal);
    assert!(!ok && text.contains("FAIL completeness"), "{text}");
}

#[test]
fn a_checkpoint_signed_by_a_key_not_in_allowed_signers_is_named() {
    need_openssh!();
    let env = Env::new();
    let (journal, _) = env.demo_run();
    let other = env.dir.path().join("mallory");
    keygen(&other, "mallory@x");
    let dir = pasos::trust::store::dir(&journal);
    let seq = checkpoint_seqs(&journal)[1];
    let msg = pasos::trust::store::msg_path(&dir, seq);
    let sig = pasos::trust::store::sig_path(&dir, seq);
    std::fs::remove_file(&sig).unwrap();
    let st = std::process::Command::new("ssh-keygen")
        .args(["-q", "-Y", "sign", "-n", "pasos-journal@pasos", "-f"])
        .arg(&other)
        .arg(&msg)
        .status()
        .unwrap();
    assert!(st.success());
    std::fs::rename(msg.with_extension("msg.sig"), &sig).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args(["-l", "-f"])
        .arg(other.with_extension("pub"))
        .output()
        .unwrap();
    let mallory = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "checkpoint {seq}: signed by {mallory}, a key that is not in allowed_signers"
        )),
        "{out}"
    );
    let (ok, text) = env.doc_commands(&journal);
    assert!(!ok && text.contains("FAIL signature"), "{text}");
}

#[test]
fn a_run_that_must_be_signed_refuses_to_start_without_a_key_and_a_key_file_signs() {
    need_openssh!();
    let env = Env::new();
    let config = env.dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    // The demo is `alta`.
    std::fs::write(
        config.join("trust.toml"),
        "[signing]\nrequire_for_criticality = [\"alta\"]\n",
    )
    .unwrap();
    let workdir = env.dir.path().join("demo");
    let run = |cmd: &mut Command| {
        cmd.arg("run")
            .arg("--plain")
            .arg(format!("--var=WORKDIR={}", workdir.display()))
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
            .write_stdin("q\n");
    };
    let mut cmd = env.pasos();
    cmd.env_remove("SSH_AUTH_SOCK");
    run(&mut cmd);
    let out = cmd.assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("this run must be signed (SSH_AUTH_SOCK is not set)"),
        "{err}"
    );
    assert!(err.contains("ssh-add"), "says how to provide a key: {err}");
    assert!(
        store::list(&env.data).unwrap().is_empty(),
        "no journal left behind"
    );

    // A key file instead of the agent.
    let key = env.dir.path().join("ana");
    let mut cmd = env.pasos();
    cmd.env_remove("SSH_AUTH_SOCK").arg("--lang=en");
    cmd.arg("run").arg("--signing-key").arg(&key);
    cmd.arg("--plain")
        .arg(format!("--var=WORKDIR={}", workdir.display()))
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
        .write_stdin("q\n");
    let out = cmd.assert();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains(&format!(
            "journal signed with {} (key file)",
            env.fingerprint
        )),
        "{stdout}"
    );
    let journal = store::list(&env.data).unwrap()[0].clone();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("the run was interrupted"), "{out}");

    // Unsigned runs still run, and are labelled unsigned.
    std::fs::remove_file(config.join("trust.toml")).unwrap();
    let mut cmd = env.pasos();
    cmd.env_remove("SSH_AUTH_SOCK");
    run(&mut cmd);
    let out = cmd.assert();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("unsigned run: SSH_AUTH_SOCK is not set"),
        "{stdout}"
    );
    let out = env.pasos().args(["log", "verify"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("unsigned"), "{text}");
    let out = env
        .pasos()
        .args(["log", "verify", "--require-signed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[path = "support/pty_screen.rs"]
mod pty_screen;

#[test]
fn the_transcript_is_covered_and_an_edited_cast_names_its_chunk() {
    need_openssh!();
    let env = Env::new();
    let workdir = env.dir.path().join("demo");
    let config = env.dir.path().join("config");
    let mut s = pty_screen::spawn_with(
        &[
            "run",
            "--var",
            &format!("WORKDIR={}", workdir.display()),
            concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"),
        ],
        &env.data,
        env.dir.path(),
        &[
            ("PASOS_CONFIG_DIR", config.to_str().unwrap()),
            ("SSH_AUTH_SOCK", env.agent.socket.to_str().unwrap()),
            ("PASOS_VAR_NOTIFY_TOKEN", "tok-trust-2"),
        ],
    );
    s.wait_for("Prerequisite (People)");
    s.send("y");
    s.wait_gone("to confirm");
    for step in ["P1", "P2", "1", "2"] {
        s.wait_for("enter run");
        s.send("\r");
        s.wait_for(&format!("✓ {step} done"));
    }
    s.send("\r");
    s.wait_for("Confirm step 3");
    s.send("3\r");
    s.wait_for("✓ 3 done");
    s.send("\r");
    s.wait_for("✗ 4 failed");
    s.send("q");
    s.send("y");
    let _ = s.child.wait();
    let journal = store::list(&env.data).unwrap()[0].clone();
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("transcript:   ok"), "{out}");
    let (ok, text) = env.doc_commands(&journal);
    assert!(ok, "{text}");

    // Output edited as in the issue (`DEPLOY OK` added): the chunk that holds it is
    // named, with its bytes and lines.
    let cast_path = journal.with_extension("cast");
    let cast = std::fs::read_to_string(&cast_path).unwrap();
    let at = cast.rfind("tools-ok").expect("P1's output in the cast");
    let mut edited = cast.clone();
    edited.insert_str(at, "DEPLOY OK ");
    std::fs::write(&cast_path, edited).unwrap();
    let report = pasos::trust::verify::verify(
        &journal,
        Some(&pasos::trust::allowed::AllowedSigners::read(&env.allowed).unwrap()),
    )
    .unwrap();
    let pasos::trust::verify::TranscriptCheck::Edited {
        start,
        end,
        chunk,
        seq,
        ..
    } = report.transcript
    else {
        panic!("not caught: {:?}", report.transcript);
    };
    assert!(
        start as usize <= at && at < end as usize,
        "{start}..{end} holds {at}"
    );
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "transcript:   FAILED: chunk {chunk} (bytes {start}..{end}, .cast lines"
        )) && out.contains(&format!("signed at seq {seq}) was edited")),
        "{out}"
    );
    let (ok, text) = env.doc_commands(&journal);
    assert!(!ok && text.contains("FAIL transcript"), "{text}");
}

#[test]
fn a_run_handed_over_and_resumed_names_each_signer_and_its_seqs() {
    need_openssh!();
    let env = Env::new();
    let luis = env.dir.path().join("luis");
    let luis_pub = keygen(&luis, "luis@laptop");
    let mut allowed = std::fs::read_to_string(&env.allowed).unwrap();
    allowed.push_str(&format!("luis@example.com {luis_pub}\n"));
    std::fs::write(&env.allowed, allowed).unwrap();
    let workdir = env.dir.path().join("demo");
    let run = |extra: &[&str], stdin: &str| {
        env.pasos()
            .arg("run")
            .arg("--plain")
            .args(extra)
            .arg(format!("--var=WORKDIR={}", workdir.display()))
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
            .write_stdin(stdin.to_string())
            .assert()
    };
    // Ana (through the agent): the prerequisite, P1, then the input ends.
    run(&[], "y\n\n").code(4);
    let journal = store::list(&env.data).unwrap()[0].clone();
    let interrupted = std::fs::read_to_string(&journal).unwrap().lines().count() as u64;
    assert_eq!(checkpoint_seqs(&journal).last(), Some(&interrupted));
    // Luis resumes with his key file and finishes.
    let id = store::run_id_of(&journal);
    run(
        &["--resume", &id, "--signing-key", luis.to_str().unwrap()],
        "\n\n\n\n3\n\no\nok\n\n\n\n",
    )
    .code(0);
    let last = std::fs::read_to_string(&journal).unwrap().lines().count() as u64;
    let (code, out) = env.verify(&journal);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!(
            "signed by ana@example.com ({}): seq 1..{interrupted}",
            env.fingerprint
        )),
        "{out}"
    );
    assert!(
        out.contains("signed by luis@example.com (SHA256:")
            && out.contains(&format!("seq {}..{last}", interrupted + 1)),
        "{out}"
    );
    assert!(out.contains("the run ended"), "{out}");
    let (ok, text) = env.doc_commands(&journal);
    assert!(ok, "{text}");
    assert!(text.contains("signature for luis@example.com"), "{text}");
}
