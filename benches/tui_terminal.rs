//! The real binary in a pseudo-terminal (run: `cargo bench --bench
//! tui_terminal`; needs a release build, which cargo bench makes):
//! - start to first frame for a 500-step procedure (target < 20 ms: the
//!   frame is drawn before the shell starts and the journal's first sync);
//! - bytes written to the terminal per minute while idle with a step
//!   running (only the clock cells change, once a second);
//! - keypress-to-screen latency while the shell floods output;
//! - bytes written to the terminal per MB of shell output.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "common/generated.rs"]
mod generated;

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<AtomicU64>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _data: tempfile::TempDir,
}

impl Session {
    fn start(procedure: &std::path::Path, vars: &[&str]) -> (Session, Instant) {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let data = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pasos"));
        cmd.arg("run");
        // Secrets go by the environment (`--var` refuses them).
        for v in vars {
            let (name, value) = v.split_once('=').expect("NAME=VALUE");
            cmd.env(format!("PASOS_VAR_{name}"), value);
        }
        cmd.arg(procedure);
        cmd.env("PASOS_DATA_DIR", data.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "en_US.UTF-8");
        let t0 = Instant::now();
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(40).unwrap(),
            NonZeroU16::new(120).unwrap(),
            0,
        )));
        let bytes = Arc::new(AtomicU64::new(0));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (p, b) = (parser.clone(), bytes.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                b.fetch_add(n as u64, Ordering::SeqCst);
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        std::mem::forget(pty.master);
        (
            Session {
                parser,
                bytes,
                writer,
                child,
                _data: data,
            },
            t0,
        )
    }

    fn wait_for(&self, needle: &str, timeout: Duration) -> Option<Instant> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self
                .parser
                .lock()
                .unwrap()
                .screen()
                .contents()
                .contains(needle)
            {
                return Some(Instant::now());
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        None
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    std::fs::write(&big, generated::generated_procedure(500)).unwrap();
    if let Some(keep) = std::env::var_os("PASOS_BENCH_WRITE_PROCEDURE") {
        // For bench/first-frame-ab.py, which compares two binaries on it.
        std::fs::copy(&big, keep).unwrap();
    }
    let mut firsts = Vec::new();
    for _ in 0..7 {
        let (s, t0) = Session::start(&big, &["DB_PASSWORD=bench-pw-1"]);
        let t = s
            .wait_for("PROC-BENCH-001", Duration::from_secs(10))
            .expect("first frame");
        firsts.push((t - t0).as_secs_f64() * 1000.0);
    }
    println!(
        "start to first frame, 500 steps: median {:.1} ms (of {firsts:.1?})",
        median(firsts.clone())
    );

    // A step that sleeps, then one that floods.
    let flood = dir.path().join("flood.toml");
    std::fs::write(
        &flood,
        r#"[procedure]
id = "PROC-BENCH-FLOOD"
title = "flood"
criticality = "baja"
version = "1.0.0"
[[phases]]
id = "e"
kind = "execution"
[[phases.steps]]
id = "1"
title = "sleep"
commands = ["sleep 40"]
[[phases.steps]]
id = "2"
title = "flood"
commands = ["seq 1 1000000"]
"#,
    )
    .unwrap();
    let (mut s, _) = Session::start(&flood, &[]);
    s.wait_for("PROC-BENCH-FLOOD", Duration::from_secs(10))
        .expect("first frame");
    s.send("\r");
    s.wait_for("sleep 40", Duration::from_secs(5));
    std::thread::sleep(Duration::from_secs(2));
    let before = s.bytes.load(Ordering::SeqCst);
    let window = Duration::from_secs(20);
    std::thread::sleep(window);
    let idle = s.bytes.load(Ordering::SeqCst) - before;
    println!(
        "idle with a step running: {idle} bytes in {}s = {:.0} bytes/minute",
        window.as_secs(),
        idle as f64 * 60.0 / window.as_secs_f64()
    );
    drop(s);

    let mut latencies = Vec::new();
    let mut per_mb = 0.0;
    for round in 0..5 {
        let (mut s, _) = Session::start(&flood, &[]);
        s.wait_for("PROC-BENCH-FLOOD", Duration::from_secs(10))
            .expect("first frame");
        // Skip the sleeping step with a reason, then run the flood.
        s.send("s");
        s.wait_for("Why skip", Duration::from_secs(5));
        s.send("bench\r");
        s.wait_for("2 flood", Duration::from_secs(5));
        let before = s.bytes.load(Ordering::SeqCst);
        s.send("\r");
        std::thread::sleep(Duration::from_millis(150));
        let t = Instant::now();
        s.send("?");
        let shown = s
            .wait_for(" Keys ", Duration::from_secs(10))
            .expect("help overlay");
        latencies.push((shown - t).as_secs_f64() * 1000.0);
        s.send("\x1b");
        if round == 0 {
            s.wait_for("done", Duration::from_secs(60));
            std::thread::sleep(Duration::from_millis(300));
            let out_mb = 6_888_896.0 / 1e6; // bytes printed by `seq 1 1000000`
            per_mb = (s.bytes.load(Ordering::SeqCst) - before) as f64 / out_mb;
        }
    }
    println!(
        "keypress to screen while the shell floods: median {:.1} ms (of {latencies:.1?})",
        median(latencies.clone())
    );
    println!("bytes to the terminal per MB of shell output: {per_mb:.0}");
}
