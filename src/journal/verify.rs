//! `pasos log verify`: is a journal exactly what pasos wrote?
//!
//! Every line must be canonical and hash to its `hash`; `seq` must count
//! up by one; `prev` must be the hash of the line before (the genesis value
//! of the run for the first line); the last line must match the `.head`
//! file. A torn last line (a write cut by a crash) is reported apart: the
//! rest of the journal stays valid and the run can be resumed.

use super::line::{Line, genesis};
use super::store;
use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The line's bytes changed after it was written.
    Edited,
    /// Lines are missing before this one.
    Missing,
    /// This line repeats an earlier one.
    Duplicated,
    /// Lines are out of order.
    Reordered,
    /// The file ends before the head says it should.
    Truncated,
    /// The line does not belong to this run's journal.
    Foreign,
    /// The `.head` file is missing or unreadable.
    Head,
    Io,
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ProblemKind::Edited => "edited",
            ProblemKind::Missing => "missing",
            ProblemKind::Duplicated => "duplicated",
            ProblemKind::Reordered => "reordered",
            ProblemKind::Truncated => "truncated",
            ProblemKind::Foreign => "foreign",
            ProblemKind::Head => "head",
            ProblemKind::Io => "unreadable",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// 1-based line number in the file, when it is about one line.
    pub line: Option<usize>,
    pub detail: String,
}

/// Bytes after the last newline that are not a whole line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornTail {
    pub line: usize,
    /// Where the torn line starts (the length of the valid journal).
    pub offset: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// Lines that took part in the chain.
    pub events: usize,
    /// Seq and hash of the last line in the chain.
    pub last: Option<(u64, String)>,
    /// The parsed lines, in file order (filled by [`verify_file`] only).
    pub lines: Vec<Line>,
    pub problems: Vec<Problem>,
    pub torn_tail: Option<TornTail>,
}

impl Verification {
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn io_error(e: &std::io::Error) -> Self {
        Verification {
            problems: vec![Problem {
                kind: ProblemKind::Io,
                line: None,
                detail: e.to_string(),
            }],
            ..Verification::default()
        }
    }

    pub fn first_problem(&self) -> Option<&Problem> {
        self.problems.first()
    }
}

/// The `.head` contents: last seq and hash.
pub fn read_head(journal: &Path) -> Option<(u64, String)> {
    let text = std::fs::read_to_string(store::head_path(journal)).ok()?;
    let (seq, hash) = text.trim().split_once(' ')?;
    Some((seq.parse().ok()?, hash.to_string()))
}

/// Verifies a journal and parses its events (for replay, listings and
/// reviews): a line whose bytes hash right but whose event does not parse
/// is reported as edited.
pub fn verify_file(path: &Path) -> std::io::Result<Verification> {
    let bytes = std::fs::read(path)?;
    let mut v = verify_file_bytes(path, &bytes);
    let mut lines = Vec::with_capacity(v.events);
    for (n, raw) in complete_lines(&bytes).into_iter().enumerate() {
        match parse(raw) {
            Some((line, _)) => lines.push(line),
            None => {
                if !v.problems.iter().any(|p| p.line == Some(n + 1)) {
                    v.problems.push(Problem {
                        kind: ProblemKind::Edited,
                        line: Some(n + 1),
                        detail: "not a valid journal line".into(),
                    });
                }
            }
        }
    }
    v.lines = lines;
    Ok(v)
}

/// Verifies the chain without parsing events: what `pasos log verify`
/// runs, fast enough for journals of millions of events.
pub fn verify_file_fast(path: &Path) -> std::io::Result<Verification> {
    let bytes = std::fs::read(path)?;
    Ok(verify_file_bytes(path, &bytes))
}

/// [`verify_file_fast`] over bytes already read from `path` (the `.head`
/// is read from beside it): for readers that need the bytes too.
pub fn verify_file_bytes(path: &Path, bytes: &[u8]) -> Verification {
    let head = read_head(path);
    let mut v = verify_bytes(bytes, &store::run_id_of(path), head.clone());
    if head.is_none() && !bytes.is_empty() {
        v.problems.push(Problem {
            kind: ProblemKind::Head,
            line: None,
            detail: if store::head_path(path).exists() {
                "the .head file is unreadable".into()
            } else {
                "the .head file is missing: lines removed from the end could not be detected".into()
            },
        });
    }
    v
}

fn complete_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', bytes) {
        out.push(&bytes[start..i]);
        start = i + 1;
    }
    out
}

/// What the chain check needs from one line.
#[derive(Debug, Clone)]
struct Meta {
    seq: u64,
    prev: String,
    hash: String,
    /// The bytes hash to `hash`.
    hash_ok: bool,
}

const HASH_SUFFIX: &[u8] = b",\"hash\":\"";

/// Reads `{"seq":N,"ts":"..","prev":"<64 hex>","event":..,"hash":"<64 hex>"}`
/// without parsing the event, and checks the hash over the exact bytes.
fn meta(raw: &[u8]) -> Option<Meta> {
    use sha2::{Digest, Sha256};
    let n = raw.len();
    if n < 75 + 20 || !raw.ends_with(b"\"}") || &raw[n - 75..n - 66] != HASH_SUFFIX {
        return None;
    }
    let hash = std::str::from_utf8(&raw[n - 66..n - 2]).ok()?;
    let rest = raw.strip_prefix(b"{\"seq\":")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let seq: u64 = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    let rest = rest[digits..].strip_prefix(b",\"ts\":\"")?;
    let ts_len = rest.iter().position(|b| *b == b'"')?;
    let rest = rest[ts_len..].strip_prefix(b"\",\"prev\":\"")?;
    let prev = std::str::from_utf8(rest.get(..64)?).ok()?;
    rest[64..].strip_prefix(b"\",\"event\":")?;
    let mut h = Sha256::new();
    h.update(&raw[..n - 75]);
    h.update(b"}");
    let digest = h.finalize();
    let hash_ok = hex_eq(&digest, hash.as_bytes());
    Some(Meta {
        seq,
        prev: prev.to_string(),
        hash: hash.to_string(),
        hash_ok,
    })
}

fn hex_eq(digest: &[u8], hex: &[u8]) -> bool {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    hex.len() == digest.len() * 2
        && digest.iter().enumerate().all(|(i, b)| {
            hex[2 * i] == HEX[(b >> 4) as usize] && hex[2 * i + 1] == HEX[(b & 15) as usize]
        })
}

/// Per-line checks in parallel (one chunk per core), in file order.
fn metas(lines: &[&[u8]]) -> Vec<Option<Meta>> {
    // Small journals first: asking for the core count reads cgroup files.
    if lines.len() < 4096 {
        return lines.iter().map(|l| meta(l)).collect();
    }
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    if threads < 2 {
        return lines.iter().map(|l| meta(l)).collect();
    }
    let chunk = lines.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|l| meta(l)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

pub fn verify_bytes(bytes: &[u8], run_id: &str, head: Option<(u64, String)>) -> Verification {
    let mut v = Verification::default();
    let problem = |v: &mut Verification, kind, line: Option<usize>, detail: String| {
        v.problems.push(Problem { kind, line, detail })
    };
    if bytes.is_empty() {
        problem(
            &mut v,
            ProblemKind::Truncated,
            None,
            "the journal is empty".into(),
        );
        return v;
    }
    let raw_lines = complete_lines(bytes);
    let consumed: usize = raw_lines.iter().map(|l| l.len() + 1).sum();
    // Bytes after the last newline are a torn write, even when they parse:
    // pasos writes each line with its newline in one go, so a line without
    // one was never completed (and the head says whether it had been).
    if consumed < bytes.len() {
        v.torn_tail = Some(TornTail {
            line: raw_lines.len() + 1,
            offset: consumed as u64,
            bytes: (bytes.len() - consumed) as u64,
        });
    }
    let all = metas(&raw_lines);
    // Sequence numbers present, to tell a swap from a gap.
    let mut later: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    for m in all.iter().flatten() {
        *later.entry(m.seq).or_default() += 1;
    }
    let mut last_seq = 0u64;
    let mut last_hash = genesis(run_id);
    let mut seen: std::collections::HashSet<u64> = std::collections::HashSet::new();
    let mut last_good: Option<(u64, String)> = None;
    for (i, entry) in all.iter().enumerate() {
        let n = i + 1;
        let Some(m) = entry else {
            problem(
                &mut v,
                ProblemKind::Edited,
                Some(n),
                "not a valid journal line".into(),
            );
            last_seq += 1;
            last_hash = String::new();
            continue;
        };
        if let Some(c) = later.get_mut(&m.seq) {
            *c -= 1;
        }
        if !m.hash_ok {
            problem(
                &mut v,
                ProblemKind::Edited,
                Some(n),
                format!("line {n} (seq {}) does not match its hash", m.seq),
            );
        }
        let expected = last_seq + 1;
        if m.seq != expected {
            if seen.contains(&m.seq) {
                let kind = if m.seq == last_seq && m.hash == last_hash {
                    ProblemKind::Duplicated
                } else {
                    ProblemKind::Reordered
                };
                problem(
                    &mut v,
                    kind.clone(),
                    Some(n),
                    format!("seq {} appears again", m.seq),
                );
                if kind == ProblemKind::Duplicated {
                    continue;
                }
            } else if later.get(&expected).is_some_and(|c| *c > 0) {
                problem(
                    &mut v,
                    ProblemKind::Reordered,
                    Some(n),
                    format!("seq {} comes before seq {expected}", m.seq),
                );
            } else {
                problem(
                    &mut v,
                    ProblemKind::Missing,
                    Some(n),
                    format!(
                        "seq {expected}..{} is missing before this line",
                        m.seq.saturating_sub(1)
                    ),
                );
            }
        } else if m.prev != last_hash && !last_hash.is_empty() {
            let kind = if n == 1 {
                ProblemKind::Foreign
            } else {
                ProblemKind::Edited
            };
            let detail = if n == 1 {
                format!("the first line does not chain from run `{run_id}`")
            } else {
                format!(
                    "`prev` of seq {} is not the hash of seq {}",
                    m.seq, last_seq
                )
            };
            problem(&mut v, kind, Some(n), detail);
        }
        if n == 1 {
            match parse(raw_lines[0]).map(|(l, _)| l.event) {
                Some(super::event::Event::RunStarted { run_id: id, .. }) if id == run_id => {}
                Some(super::event::Event::RunStarted { run_id: id, .. }) => problem(
                    &mut v,
                    ProblemKind::Foreign,
                    Some(1),
                    format!("this journal belongs to run `{id}`, not `{run_id}`"),
                ),
                _ => problem(
                    &mut v,
                    ProblemKind::Foreign,
                    Some(1),
                    "the first line is not `run-started`".into(),
                ),
            }
        }
        seen.insert(m.seq);
        last_seq = m.seq.max(last_seq);
        last_hash = m.hash.clone();
        last_good = Some((m.seq, m.hash.clone()));
        v.events += 1;
    }
    if let Some((head_seq, head_hash)) = head {
        let (seq, hash) = last_good.clone().unwrap_or((0, String::new()));
        if head_seq > seq {
            let torn = if v.torn_tail.is_some() {
                " (its last line is cut)"
            } else {
                ""
            };
            problem(
                &mut v,
                ProblemKind::Truncated,
                None,
                format!("the journal ends at seq {seq}{torn} but was written up to seq {head_seq}"),
            );
        } else if head_seq == seq && head_seq > 0 && head_hash != hash {
            problem(
                &mut v,
                ProblemKind::Edited,
                Some(all.len()),
                format!("the last line (seq {seq}) is not the one that was written"),
            );
        }
    }
    v.last = last_good;
    v
}

/// A line and whether its text is exactly canonical.
fn parse(raw: &[u8]) -> Option<(Line, bool)> {
    let text = std::str::from_utf8(raw).ok()?;
    let line: Line = serde_json::from_str(text).ok()?;
    let canonical = line.is_canonical(text);
    Some((line, canonical))
}
