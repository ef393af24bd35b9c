//! The browser's transcript jump (run: `cargo bench --bench transcript_replay`):
//! a 32 MB asciicast (`seq 1 3000000` at 120x36 in 1,500 frames) read and
//! replayed to its end, as pressing `n`/`p` or Enter on a step does.
//! Median of 5.

use pasos::shell::cast::Cast;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.cast");
    let mut text = String::from("{\"version\":2,\"width\":120,\"height\":36}\n");
    let mut chunk = String::new();
    let mut t = 0.0;
    for i in 1..=3_000_000u32 {
        chunk.push_str(&format!("{i}\r\n"));
        if i % 2000 == 0 {
            t += 0.01;
            let frame = serde_json::to_string(&(t, "o", &chunk)).expect("json");
            text.push_str(&frame);
            text.push('\n');
            chunk.clear();
        }
    }
    std::fs::write(&path, &text).expect("write cast");
    let (mut read, mut replay) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let cast = Cast::read(&path).expect("read cast");
        read.push(t.elapsed());
        let t = Instant::now();
        let emu = cast.replay_until(cast.end_offset(), pasos::shell::DEFAULT_SCROLLBACK);
        replay.push(t.elapsed());
        assert!(emu.screen_text().contains("3000000"));
    }
    println!(
        "transcript of {:.1} MB: read {:.1} ms, replay to the end {:.1} ms (median of 5)",
        text.len() as f64 / 1e6,
        median(read).as_secs_f64() * 1e3,
        median(replay).as_secs_f64() * 1e3
    );
}
