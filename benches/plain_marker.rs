//! Line mode's output handling with a stray 0x1e (record separator) at the
//! start of a command's output: it used to hold everything after it back
//! and rescan it for every chunk (8 MB: 6.7 s). Target: linear, the same
//! as without the stray byte.
//! Run: `cargo bench --bench plain_marker`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pasos::runner::marker_scan::{MarkerScan, Scanned};
use pasos::runner::pipe_shell::PipeShell;
use std::hint::black_box;
use std::sync::atomic::AtomicBool;

const SIZE: usize = 8 * 1024 * 1024;

fn scan_all(stream: &[u8]) -> usize {
    let mut s = MarkerScan::new(b"\x1ePASOS-0123456789abcdef-");
    let mut shown = 0;
    for chunk in stream.chunks(16 * 1024) {
        match s.push(chunk) {
            Scanned::Output(o) => shown += o.len(),
            Scanned::Done(o, _) => return shown + o.len(),
        }
    }
    shown
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("plain output 8 MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(SIZE as u64));
    let mut stream = vec![b'a'; SIZE];
    stream[0] = 0x1e;
    stream.extend_from_slice(b"\x1ePASOS-0123456789abcdef-0\x1e\n");
    g.bench_function("marker scan, stray 0x1e first", |b| {
        b.iter(|| scan_all(black_box(&stream)))
    });
    let dir = tempfile::tempdir().unwrap();
    let mut shell = PipeShell::spawn(dir.path().join("sh")).unwrap();
    let never = AtomicBool::new(false);
    for (name, cmd) in [
        (
            "pipe shell, stray 0x1e first",
            "printf '\\036'; head -c 8388608 /dev/zero | tr '\\0' a",
        ),
        (
            "pipe shell, clean",
            "head -c 8388608 /dev/zero | tr '\\0' a",
        ),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                let f = shell
                    .run(cmd, &[], &mut |bytes: &[u8]| n += bytes.len(), &never)
                    .unwrap();
                assert_eq!(f.exit_code, Some(0));
                assert!(n >= SIZE, "{n}");
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
