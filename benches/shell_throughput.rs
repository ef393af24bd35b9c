//! Driver for `bench/shell-throughput.sh`: streams `seq 1 3000000` (23 MB)
//! through pasos's shell pane (PTY + emulator + marker tracking, and the
//! transcript unless `PASOS_BENCH_TRANSCRIPT=0`) and prints the time from
//! sending the command to its D marker, and the process's memory after it.
//!
//! `cargo bench --bench shell_throughput` (one run), or through the script.

use pasos::shell::{Shell, ShellConfig, ShellEvent, TranscriptConfig};
use std::time::{Duration, Instant};

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn wait_for(shell: &Shell, mut want: impl FnMut(&ShellEvent) -> bool) -> ShellEvent {
    let end = Instant::now() + Duration::from_secs(300);
    while Instant::now() < end {
        if let Some(e) = shell.next_event(Duration::from_millis(200))
            && want(&e)
        {
            return e;
        }
    }
    panic!("timed out; screen:\n{}", shell.screen_text());
}

fn main() {
    let count: u64 = std::env::var("PASOS_BENCH_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000_000);
    let with_transcript = std::env::var("PASOS_BENCH_TRANSCRIPT").as_deref() != Ok("0");
    let dir = tempfile::tempdir().expect("tempdir");
    let transcript = with_transcript.then(|| TranscriptConfig::for_run(dir.path(), "bench-run"));
    let shell = Shell::spawn(ShellConfig {
        program: Some("bash".into()),
        load_user_rc: false,
        env: vec![("HISTFILE".into(), "/dev/null".into())],
        cwd: Some(dir.path().to_path_buf()),
        transcript: transcript.clone(),
        ..ShellConfig::default()
    })
    .expect("spawn bash");
    wait_for(&shell, |e| matches!(e, ShellEvent::Prompt { .. }));
    let rss_before = status_kb("VmRSS:");
    let started = Instant::now();
    shell.run(&format!("seq 1 {count}"), &[]).expect("run");
    let code = match wait_for(&shell, |e| matches!(e, ShellEvent::CommandFinished { .. })) {
        ShellEvent::CommandFinished { exit_code, .. } => exit_code,
        _ => unreachable!(),
    };
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(code, 0);
    let last = shell.screen_text();
    assert!(last.contains(&count.to_string()), "{last}");
    let cast_bytes = transcript
        .as_ref()
        .and_then(|t| std::fs::metadata(&t.path).ok())
        .map_or(0, |m| m.len());
    println!(
        "pasos seconds={secs:.3} rss_before_kb={rss_before} rss_after_kb={} peak_rss_kb={} scrollback_lines={} transcript={} cast_bytes={cast_bytes}",
        status_kb("VmRSS:"),
        status_kb("VmHWM:"),
        shell.with_emulator(|e| e.history_len()),
        if with_transcript { "on" } else { "off" },
    );
}
