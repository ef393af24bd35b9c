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
    /// The lines that parsed, in file order.
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

pub fn verify_file(path: &Path) -> std::io::Result<Verification> {
    let bytes = std::fs::read(path)?;
    let head = read_head(path);
    let head_exists = store::head_path(path).exists();
    let mut v = verify_bytes(&bytes, &store::run_id_of(path), head.clone());
    if head.is_none() && !bytes.is_empty() {
        v.problems.push(Problem {
            kind: ProblemKind::Head,
            line: None,
            detail: if head_exists {
                "the .head file is unreadable".into()
            } else {
                "the .head file is missing: lines removed from the end could not be detected".into()
            },
        });
    }
    Ok(v)
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
    // Split into complete lines and a possible torn tail.
    let mut raw_lines: Vec<(usize, &[u8])> = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            raw_lines.push((start, &bytes[start..i]));
            start = i + 1;
        }
    }
    let tail = &bytes[start..];
    let parsed: Vec<Option<(Line, bool)>> = raw_lines.iter().map(|(_, raw)| parse(raw)).collect();
    // Bytes after the last newline are a torn write, even when they parse:
    // pasos writes each line with its newline in one go, so a line without
    // one was never completed (and the head says whether it had been).
    if !tail.is_empty() {
        v.torn_tail = Some(TornTail {
            line: raw_lines.len() + 1,
            offset: start as u64,
            bytes: tail.len() as u64,
        });
    }
    let all = parsed;

    let mut last_seq = 0u64;
    let mut last_hash = genesis(run_id);
    let mut seen_raw: Vec<u64> = Vec::new();
    for (i, entry) in all.iter().enumerate() {
        let n = i + 1;
        let Some((line, canonical)) = entry else {
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
        if !canonical {
            problem(
                &mut v,
                ProblemKind::Edited,
                Some(n),
                format!("line {n} (seq {}) does not match its hash", line.seq),
            );
        }
        let expected = last_seq + 1;
        if line.seq != expected {
            if seen_raw.contains(&line.seq) {
                let kind = if line.seq == last_seq && line.hash == last_hash {
                    ProblemKind::Duplicated
                } else {
                    ProblemKind::Reordered
                };
                problem(
                    &mut v,
                    kind.clone(),
                    Some(n),
                    format!("seq {} appears again", line.seq),
                );
                if kind == ProblemKind::Duplicated {
                    continue;
                }
            } else if all[i + 1..]
                .iter()
                .flatten()
                .any(|(l, _)| l.seq == expected)
            {
                problem(
                    &mut v,
                    ProblemKind::Reordered,
                    Some(n),
                    format!("seq {} comes before seq {expected}", line.seq),
                );
            } else {
                problem(
                    &mut v,
                    ProblemKind::Missing,
                    Some(n),
                    format!(
                        "seq {expected}..{} is missing before this line",
                        line.seq - 1
                    ),
                );
            }
        } else if line.prev != last_hash && !last_hash.is_empty() {
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
                    line.seq, last_seq
                )
            };
            problem(&mut v, kind, Some(n), detail);
        }
        if n == 1 {
            match &line.event {
                super::event::Event::RunStarted { run_id: id, .. } if id == run_id => {}
                super::event::Event::RunStarted { run_id: id, .. } => problem(
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
        seen_raw.push(line.seq);
        last_seq = line.seq.max(last_seq);
        last_hash = line.hash.clone();
        v.lines.push(line.clone());
    }
    if let Some((head_seq, head_hash)) = head {
        let last = v.lines.last();
        let (seq, hash) = last.map(|l| (l.seq, l.hash.as_str())).unwrap_or((0, ""));
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
        } else if head_seq == seq && head_hash != hash {
            problem(
                &mut v,
                ProblemKind::Edited,
                Some(all.len()),
                format!("the last line (seq {seq}) is not the one that was written"),
            );
        }
    }
    v
}

/// A line and whether its text is exactly canonical.
fn parse(raw: &[u8]) -> Option<(Line, bool)> {
    let text = std::str::from_utf8(raw).ok()?;
    let line: Line = serde_json::from_str(text).ok()?;
    let canonical = line.is_canonical(text);
    Some((line, canonical))
}
