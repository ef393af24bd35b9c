//! Signed checkpoints (run: `cargo bench --bench trust`):
//! - the cost of one checkpoint signature with a key file and through a
//!   real `ssh-agent` (started here; skipped with a notice without
//!   OpenSSH), and of writing its two files;
//! - what the journal writer pays per line for signing (the hand-off to
//!   the signing thread);
//! - `pasos log verify` of a signed 1,000,000-event journal (a checkpoint
//!   every 100 events, the default, and a 44 MB transcript): target < 2 s
//!   on 2 cores.

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use pasos::journal::line::{Line, genesis};
use pasos::journal::{Event, Mode, Operator, store};
use pasos::trust::checkpoint::{Checkpoint, Chunk, Reason};
use pasos::trust::coverage::hex;
use pasos::trust::{Signer, allowed::AllowedSigners};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn event(i: u64) -> Event {
    match i % 4 {
        0 => Event::StepStarted { step: format!("{}", i % 50), attempt: 1 },
        1 => Event::CommandSent {
            step: format!("{}", i % 50),
            command: "PGPASSWORD=\"${DB_PASSWORD}\" psql -h db-prod-01.interno -c 'SELECT count(*) FROM users'".into(),
            manual: false,
            transcript_offset: Some(i * 16),
        },
        2 => Event::CommandFinished { step: format!("{}", i % 50), exit_code: 0, duration_ms: 812, source: Some(pasos::journal::ExitSource::Marker) },
        _ => Event::StepFinished { step: format!("{}", i % 50), outcome: pasos::journal::StepOutcome::Done, duration_ms: 900, step_ms: Some(900), command_ms: Some(812), why: pasos::journal::StepWhy::default() },
    }
}

fn keygen(dir: &Path) -> Option<PathBuf> {
    let key = dir.join("bench_ed25519");
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "bench@pasos", "-f"])
        .arg(&key)
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(key)
}

fn message(seq: u64) -> Checkpoint {
    Checkpoint {
        run_id: "20261206T080000000Z-3f9a".into(),
        seq,
        head: "ab".repeat(32),
        procedure_sha256: "cd".repeat(32),
        transcript_len: 4096,
        transcript_sha256: "ef".repeat(32),
        chunk: Chunk {
            start: 1024,
            end: 4096,
            sha256: "01".repeat(32),
        },
        operator: "Ana Pérez".into(),
        login: "ana@bastion-01".into(),
        host: "bastion-01".into(),
        time: "2026-12-06T08:00:01.250Z".into(),
        reason: Some(Reason::Step),
        key: "SHA256:x".into(),
    }
}

/// A signed journal of `n` events with a `cast_bytes` transcript and a
/// checkpoint every `every` events, as a run writes them.
fn signed_journal(dir: &Path, n: u64, every: u64, cast_bytes: u64, signer: &mut Signer) -> PathBuf {
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap();
    let run_id = store::new_run_id(t0);
    let path = store::journal_path(dir, &run_id);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let cast_path = path.with_extension("cast");
    let mut cast = std::io::BufWriter::new(std::fs::File::create(&cast_path).unwrap());
    let frame = b"[1.000000, \"o\", \"psql: 1 row (812 ms)\\r\\n\"]\n";
    let frames_per_event = (cast_bytes / n / frame.len() as u64).max(1);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut prev = genesis(&run_id);
    let mut whole = Sha256::new();
    let mut chunk = Sha256::new();
    let (mut cast_len, mut chunk_start) = (0u64, 0u64);
    for seq in 1..=n {
        let ev = if seq == 1 {
            Event::RunStarted {
                run_id: run_id.clone(),
                procedure_id: "PROC-BENCH".into(),
                procedure_title: "bench".into(),
                version: "1.0.0".into(),
                procedure_sha256: "00".repeat(32),
                source: "bench.toml".into(),
                environment: None,
                mode: Mode::Live,
                operator: Operator::default(),
                forced: false,
                profile: Default::default(),
            }
        } else {
            event(seq)
        };
        let line = Line::new(
            seq,
            t0 + chrono::Duration::milliseconds(seq as i64),
            prev,
            ev,
        );
        out.write_all(line.to_text().as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
        for _ in 0..frames_per_event {
            cast.write_all(frame).unwrap();
            whole.update(frame);
            chunk.update(frame);
            cast_len += frame.len() as u64;
        }
        prev = line.hash.clone();
        if seq % every == 0 || seq == n {
            let mut c = message(seq);
            c.run_id = run_id.clone();
            c.head = line.hash.clone();
            c.transcript_len = cast_len;
            c.transcript_sha256 = hex(&whole.clone().finalize());
            c.chunk = Chunk {
                start: chunk_start,
                end: cast_len,
                sha256: hex(&std::mem::take(&mut chunk).finalize()),
            };
            chunk_start = cast_len;
            c.reason = Some(if seq == n {
                Reason::End
            } else {
                Reason::Interval
            });
            c.key = signer.fingerprint();
            let msg = c.to_message();
            let sig = signer.sign(msg.as_bytes()).unwrap();
            let d = pasos::trust::store::dir(&path);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(pasos::trust::store::msg_path(&d, seq), msg).unwrap();
            std::fs::write(pasos::trust::store::sig_path(&d, seq), sig).unwrap();
        }
        if seq == n {
            std::fs::write(store::head_path(&path), format!("{} {}\n", seq, line.hash)).unwrap();
        }
    }
    out.flush().unwrap();
    cast.flush().unwrap();
    path
}

struct Agent(std::process::Child, PathBuf);
impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn agent(dir: &Path, key: &Path) -> Option<Agent> {
    let sock = dir.join("agent.sock");
    let child = Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&sock)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let agent = Agent(child, sock.clone());
    for _ in 0..500 {
        if sock.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The socket appears at bind(), a moment before listen(): retry.
    for _ in 0..100 {
        let ok = Command::new("ssh-add")
            .arg("-q")
            .arg(key)
            .env("SSH_AUTH_SOCK", &sock)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(agent);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    None
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(std::env::var("PASOS_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    let Some(key) = keygen(dir.path()) else {
        eprintln!("SKIP: ssh-keygen not found (Debian package openssh-client)");
        return;
    };
    let msg = message(12).to_message();
    let mut file_signer = Signer::from_file(&key).unwrap();
    c.bench_function("checkpoint signature, key file (ed25519)", |b| {
        b.iter(|| file_signer.sign(msg.as_bytes()).unwrap())
    });
    match agent(dir.path(), &key) {
        Some(a) => {
            let mut s = Signer::from_agent(&a.1, None).unwrap();
            c.bench_function("checkpoint signature, ssh-agent (ed25519)", |b| {
                b.iter(|| s.sign(msg.as_bytes()).unwrap())
            });
        }
        None => eprintln!("SKIP: no ssh-agent/ssh-add: the agent figure is not measured"),
    }
    let sig = file_signer.sign(msg.as_bytes()).unwrap();
    let journal = dir.path().join("runs/w.jsonl");
    let mut seq = 0;
    c.bench_function("checkpoint files written (.msg + .sig, fsynced)", |b| {
        b.iter(|| {
            seq += 1;
            pasos::trust::store::write(&journal, seq, &msg, &sig).unwrap()
        })
    });

    // The writer's cost per line: the hand-off to the signing thread.
    let hand = dir.path().join("runs/hand.jsonl");
    let cp = pasos::trust::recorder::Checkpointer::start(
        Signer::from_file(&key).unwrap(),
        pasos::trust::recorder::RunFacts {
            journal: hand,
            run_id: "hand".into(),
            procedure_sha256: String::new(),
            operator: "bench".into(),
            login: "bench@b".into(),
            host: "b".into(),
            every_events: 1_000_000,
            every_seconds: 3600,
        },
    );
    let line = Line::new(
        2,
        Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap(),
        genesis("hand"),
        event(3),
    );
    c.bench_function("journal line handed to the signing thread", |b| {
        b.iter(|| cp.observe(&line))
    });
    drop(cp);

    let path = signed_journal(dir.path(), 1_000_000, 100, 44_000_000, &mut file_signer);
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let allowed = AllowedSigners::parse(&format!("bench@pasos {public}")).unwrap();
    let r = pasos::trust::verify::verify(&path, Some(&allowed)).unwrap();
    assert!(
        r.ok(),
        "{:?} {:?} {:?}",
        r.authenticity,
        r.completeness,
        r.transcript
    );
    assert_eq!(r.checkpoints.len(), 10_000);
    eprintln!(
        "signed journal: {:.1} MB, {} checkpoints, transcript {:?}",
        std::fs::metadata(&path).unwrap().len() as f64 / 1e6,
        r.checkpoints.len(),
        r.transcript
    );
    let mut g = c.benchmark_group("verify");
    g.sample_size(10);
    g.bench_function(
        "chain only (pasos log verify before signing), same journal",
        |b| b.iter(|| pasos::journal::verify_file_fast(&path).unwrap()),
    );
    g.bench_function(
        "log verify, signed 1,000,000 events, 10,000 checkpoints, 44 MB cast",
        |b| b.iter(|| pasos::trust::verify::verify(&path, Some(&allowed)).unwrap()),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
