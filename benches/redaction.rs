//! Redaction throughput (run: `cargo bench --bench redaction`): 4 MiB of
//! shell-like output (`ls -l`-style lines, a secret or one of its encodings
//! every ~64 KiB) through the streaming redactor the transcript and plain
//! mode use, with 5 secrets, in 64 KiB chunks as the PTY reader sees them;
//! and the same without secrets (the credential patterns only). Criterion
//! reports the rate as MB/s (`thrpt`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pasos::journal::Redactor;
use pasos::shell::redact_stream::StreamRedactor;

const SECRETS: [&str; 5] = [
    "tok-SECRETO-4a7f19",
    "hunter2-very-secret",
    "ghx_0123456789abcdefABCDEF",
    "p@ss w/rd+x 2026!",
    "AKIA-not-really-a-key-77",
];

fn output() -> Vec<u8> {
    let mut out = Vec::with_capacity(4 << 20);
    let mut i = 0u64;
    while out.len() < 4 << 20 {
        out.extend_from_slice(
            format!(
                "-rw-r--r-- 1 deploy deploy {:>8} Nov 23 03:{:02} release-{i}.tar.gz\r\n",
                i * 7919 % 100_000,
                i % 60
            )
            .as_bytes(),
        );
        if i.is_multiple_of(900) {
            let s = SECRETS[(i / 900) as usize % SECRETS.len()];
            let forms = pasos::secret::forms(s);
            let f = &forms[(i / 900) as usize % forms.len()];
            out.extend_from_slice(b"token: ");
            out.extend_from_slice(f);
            out.extend_from_slice(b"\r\n");
        }
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let data = output();
    let mut g = c.benchmark_group("redaction");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.sample_size(20);
    for (name, secrets) in [("5 secrets", &SECRETS[..]), ("no secrets", &[][..])] {
        let redactor = Redactor::new(secrets.iter().map(|s| s.to_string()));
        g.bench_function(format!("stream, 64 KiB chunks, {name}"), |b| {
            b.iter(|| {
                let mut r = StreamRedactor::new(redactor.clone());
                let mut n = 0;
                for chunk in data.chunks(64 * 1024) {
                    n += r.push(chunk).len();
                    n += r.flush().len();
                }
                n + r.finish().len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
