//! What a journal's checkpoints prove, in three separate answers:
//!
//! - **integrity**: the hash chain (`journal::verify`), unchanged;
//! - **authenticity**: which allowed signer signed up to which seq; the
//!   first seq that no valid signature covers; checkpoints whose signature
//!   fails or whose key is not allowed, by name;
//! - **completeness**: the signed head is the journal's last line (no
//!   unsigned tail, no signed line missing), and whether the run was
//!   closed by a checkpoint (finished or interrupted).
//!
//! And the transcript: every signed chunk of the `.cast` still hashes to
//! what was signed; the first that does not is named.

use super::allowed::AllowedSigners;
use super::checkpoint::{Checkpoint, Reason};
use super::coverage::{cast_path, hex};
use super::store;
use crate::journal::verify::{Verification, verify_file_bytes};
use sha2::{Digest, Sha256};
use ssh_key::{HashAlg, PublicKey, SshSig};
use std::path::Path;

/// Why one checkpoint does not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flaw {
    /// The `.msg` or `.sig` file is missing or cannot be read.
    Unreadable(String),
    /// The signature does not verify over the message (or is for another
    /// namespace).
    BadSignature(String),
    /// A good signature by a key that `allowed_signers` does not list.
    UnknownSigner,
    /// The message is not a pasos checkpoint, or names another run or seq.
    Malformed(String),
    /// The journal ends before this seq.
    BeyondEnd,
    /// Line `seq` of the journal does not hash to the signed head.
    HeadMismatch { journal: String },
    /// The chain is broken at or before this seq.
    ChainBroken,
}

/// One checkpoint as found.
#[derive(Debug, Clone)]
pub struct Found {
    pub seq: u64,
    /// The principals `allowed_signers` lists for its key.
    pub principal: Option<String>,
    /// `SHA256:…` of the key in the signature.
    pub fingerprint: Option<String>,
    pub checkpoint: Option<Checkpoint>,
    pub flaw: Option<Flaw>,
}

impl Found {
    pub fn valid(&self) -> bool {
        self.flaw.is_none()
    }
}

/// Consecutive checkpoints by one signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub principal: String,
    pub fingerprint: String,
    /// First and last seq this signer's checkpoints cover.
    pub from: u64,
    pub to: u64,
    pub checkpoints: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authenticity {
    /// No checkpoint at all.
    Unsigned,
    /// Every line is covered by a valid signature of an allowed signer.
    Authentic,
    /// Signatures are valid and cover every line, but no `allowed_signers`
    /// was given: who signed is not checked against the team.
    SignersNotChecked,
    /// `first_uncovered` is the first seq no valid signature covers (none
    /// when everything is covered but some checkpoint is bad).
    Failed { first_uncovered: Option<u64> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completeness {
    /// No valid checkpoint: nothing to compare with.
    Unknown,
    /// The signed head is the last line; `closed` says how the run ended
    /// (None: no closing checkpoint — a crash, a live run, or an end cut off).
    Complete { closed: Option<Reason> },
    /// Lines after the last signed checkpoint.
    UnsignedTail { from: u64, to: u64 },
    /// A valid checkpoint signed a seq the journal no longer has.
    Truncated { signed: u64, last: u64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranscriptCheck {
    /// Nothing signed about a transcript.
    NotCovered,
    /// Every signed chunk matches; `uncovered` bytes follow the last one.
    Intact {
        bytes: u64,
        chunks: usize,
        uncovered: u64,
    },
    /// The signed transcript is not there.
    Missing { signed_bytes: u64 },
    /// Shorter than signed.
    Shorter { len: u64, signed_bytes: u64 },
    /// The first chunk that does not hash to what was signed: bytes
    /// `start..end`, cast lines `lines.0..=lines.1`, signed at `seq`;
    /// `later` more chunks after it differ too.
    Edited {
        chunk: usize,
        start: u64,
        end: u64,
        seq: u64,
        lines: (usize, usize),
        later: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Report {
    pub integrity: Verification,
    /// Seq of the journal's last line (0 when empty).
    pub last_seq: u64,
    pub checkpoints: Vec<Found>,
    pub allowed_checked: bool,
    /// Lines 1..=covered are covered by a valid, allowed signature.
    pub covered: u64,
    pub signers: Vec<Span>,
    pub authenticity: Authenticity,
    pub completeness: Completeness,
    pub transcript: TranscriptCheck,
}

impl Report {
    /// Everything holds (unsigned runs: the chain holds).
    pub fn ok(&self) -> bool {
        self.integrity.intact()
            && matches!(
                self.authenticity,
                Authenticity::Authentic | Authenticity::Unsigned | Authenticity::SignersNotChecked
            )
            && matches!(
                self.completeness,
                Completeness::Complete { .. } | Completeness::Unknown
            )
            && matches!(
                self.transcript,
                TranscriptCheck::Intact { .. } | TranscriptCheck::NotCovered
            )
    }

    pub fn signed(&self) -> bool {
        !self.checkpoints.is_empty()
    }
}

/// Start offsets of every complete line.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::with_capacity(bytes.len() / 160 + 1);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', bytes) {
        out.push(start);
        start = i + 1;
    }
    out
}

/// The `hash` member of line `idx` (0-based), read from its last bytes.
fn hash_of(bytes: &[u8], starts: &[usize], idx: usize) -> Option<String> {
    let start = *starts.get(idx)?;
    let end = starts.get(idx + 1).map_or_else(
        || memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |e| start + e),
        |n| n - 1,
    );
    let raw = &bytes[start..end];
    let n = raw.len();
    if n < 66 || !raw.ends_with(b"\"}") {
        return None;
    }
    std::str::from_utf8(&raw[n - 66..n - 2])
        .ok()
        .map(str::to_string)
}

/// Verifies one checkpoint's signature (no journal yet): key, principal.
fn check_signature(
    stored: &store::Stored,
    run_id: &str,
    allowed: Option<&AllowedSigners>,
) -> Found {
    let mut f = Found {
        seq: stored.seq,
        principal: None,
        fingerprint: None,
        checkpoint: None,
        flaw: None,
    };
    let msg = match std::fs::read(&stored.msg) {
        Ok(m) => m,
        Err(e) => {
            f.flaw = Some(Flaw::Unreadable(format!("{}: {e}", stored.msg.display())));
            return f;
        }
    };
    let sig = match std::fs::read(&stored.sig) {
        Ok(s) => s,
        Err(e) => {
            f.flaw = Some(Flaw::Unreadable(format!("{}: {e}", stored.sig.display())));
            return f;
        }
    };
    let sig = match SshSig::from_pem(&sig) {
        Ok(s) => s,
        Err(e) => {
            f.flaw = Some(Flaw::BadSignature(format!("not an SSH signature ({e})")));
            return f;
        }
    };
    let key = PublicKey::from(sig.public_key().clone());
    f.fingerprint = Some(key.fingerprint(HashAlg::Sha256).to_string());
    if let Err(e) = key.verify(super::NAMESPACE, &msg, &sig) {
        f.flaw = Some(Flaw::BadSignature(e.to_string()));
        return f;
    }
    let c = match std::str::from_utf8(&msg)
        .map_err(|e| e.to_string())
        .and_then(Checkpoint::parse)
    {
        Ok(c) => c,
        Err(e) => {
            f.flaw = Some(Flaw::Malformed(e));
            return f;
        }
    };
    if let Some(a) = allowed {
        let p = a.principals(&key, super::NAMESPACE, &c.time);
        if p.is_empty() {
            f.flaw = Some(Flaw::UnknownSigner);
        } else {
            f.principal = Some(p.join(" "));
        }
    }
    if c.run_id != run_id {
        f.flaw.get_or_insert(Flaw::Malformed(format!(
            "it is a checkpoint of run `{}`",
            c.run_id
        )));
    } else if c.seq != stored.seq {
        f.flaw.get_or_insert(Flaw::Malformed(format!(
            "its file is named for seq {} but it signs seq {}",
            stored.seq, c.seq
        )));
    }
    f.checkpoint = Some(c);
    f
}

/// Signature checks of many checkpoints, on every core.
fn check_all(
    stored: &[store::Stored],
    run_id: &str,
    allowed: Option<&AllowedSigners>,
) -> Vec<Found> {
    let threads = if stored.len() < 64 {
        1
    } else {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8)
    };
    if threads < 2 {
        return stored
            .iter()
            .map(|s| check_signature(s, run_id, allowed))
            .collect();
    }
    let chunk = stored.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = stored
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|s| check_signature(s, run_id, allowed))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The seq up to which the chain holds: lines before the first line with
/// a problem.
fn intact_through(v: &Verification, last_seq: u64) -> u64 {
    v.problems
        .iter()
        .filter_map(|p| p.line)
        .min()
        .map_or(last_seq, |l| (l as u64).saturating_sub(1).min(last_seq))
}

/// Verifies the journal at `path`, its checkpoints and its transcript.
pub fn verify(path: &Path, allowed: Option<&AllowedSigners>) -> std::io::Result<Report> {
    let bytes = std::fs::read(path)?;
    let run_id = crate::journal::store::run_id_of(path);
    let stored = store::list(path)?;
    // The chain and the signatures do not depend on each other: checked
    // side by side (each spreads over the cores it gets).
    let (integrity, (starts, mut checkpoints)) = std::thread::scope(|scope| {
        let sigs = scope.spawn(|| (line_starts(&bytes), check_all(&stored, &run_id, allowed)));
        let integrity = verify_file_bytes(path, &bytes);
        let other = sigs
            .join()
            .unwrap_or_else(|_| (line_starts(&bytes), check_all(&stored, &run_id, allowed)));
        (integrity, other)
    });
    let last_seq = integrity.last.as_ref().map_or(0, |(s, _)| *s);
    let good_through = intact_through(&integrity, last_seq);
    for f in &mut checkpoints {
        if f.flaw.is_some() {
            continue;
        }
        let Some(c) = &f.checkpoint else { continue };
        if c.seq > last_seq || c.seq == 0 {
            f.flaw = Some(Flaw::BeyondEnd);
        } else if c.seq > good_through {
            f.flaw = Some(Flaw::ChainBroken);
        } else {
            let found = hash_of(&bytes, &starts, (c.seq - 1) as usize).unwrap_or_default();
            if found != c.head {
                f.flaw = Some(Flaw::HeadMismatch { journal: found });
            }
        }
    }
    let covered = checkpoints
        .iter()
        .filter(|f| f.valid())
        .map(|f| f.seq)
        .max()
        .unwrap_or(0);
    let signers = spans(&checkpoints);
    let any_bad = checkpoints.iter().any(|f| !f.valid());
    let authenticity = if checkpoints.is_empty() {
        Authenticity::Unsigned
    } else if covered < last_seq || any_bad || !integrity.intact() {
        Authenticity::Failed {
            first_uncovered: (covered < last_seq).then_some(covered + 1),
        }
    } else if allowed.is_none() {
        Authenticity::SignersNotChecked
    } else {
        Authenticity::Authentic
    };
    // A checkpoint whose signature holds says its seq existed, even when
    // the journal no longer agrees.
    let signed_max = checkpoints
        .iter()
        .filter(|f| {
            matches!(
                f.flaw,
                None | Some(Flaw::BeyondEnd | Flaw::HeadMismatch { .. } | Flaw::ChainBroken)
            )
        })
        .map(|f| f.seq)
        .max()
        .unwrap_or(0);
    let completeness = if checkpoints.iter().all(|f| f.checkpoint.is_none()) {
        Completeness::Unknown
    } else if signed_max > last_seq {
        Completeness::Truncated {
            signed: signed_max,
            last: last_seq,
        }
    } else if covered < last_seq {
        Completeness::UnsignedTail {
            from: covered + 1,
            to: last_seq,
        }
    } else {
        let closed = checkpoints
            .iter()
            .rev()
            .find(|f| f.valid())
            .and_then(|f| f.checkpoint.as_ref())
            .and_then(|c| c.reason)
            .filter(|r| r.closes());
        Completeness::Complete { closed }
    };
    let transcript = check_transcript(&cast_path(path), &checkpoints);
    Ok(Report {
        integrity,
        last_seq,
        checkpoints,
        allowed_checked: allowed.is_some(),
        covered,
        signers,
        authenticity,
        completeness,
        transcript,
    })
}

/// Valid checkpoints grouped into runs of one signer.
fn spans(found: &[Found]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut prev_seq = 0;
    for f in found.iter().filter(|f| f.valid()) {
        let principal = f.principal.clone().unwrap_or_default();
        let fingerprint = f.fingerprint.clone().unwrap_or_default();
        match out.last_mut() {
            Some(s) if s.fingerprint == fingerprint && s.principal == principal => {
                s.to = f.seq;
                s.checkpoints += 1;
            }
            _ => out.push(Span {
                principal,
                fingerprint,
                from: prev_seq + 1,
                to: f.seq,
                checkpoints: 1,
            }),
        }
        prev_seq = f.seq;
    }
    out
}

fn check_transcript(cast: &Path, found: &[Found]) -> TranscriptCheck {
    let signed: Vec<(u64, &Checkpoint)> = found
        .iter()
        .filter(|f| f.valid())
        .filter_map(|f| f.checkpoint.as_ref().map(|c| (f.seq, c)))
        .collect();
    let Some((_, last)) = signed.iter().max_by_key(|(_, c)| c.transcript_len) else {
        return TranscriptCheck::NotCovered;
    };
    let signed_bytes = last.transcript_len;
    if signed_bytes == 0 {
        return TranscriptCheck::NotCovered;
    }
    let bytes = match std::fs::read(cast) {
        Ok(b) => b,
        Err(_) => return TranscriptCheck::Missing { signed_bytes },
    };
    if (bytes.len() as u64) < signed_bytes {
        return TranscriptCheck::Shorter {
            len: bytes.len() as u64,
            signed_bytes,
        };
    }
    let chunks: Vec<(u64, &Checkpoint)> = signed
        .iter()
        .copied()
        .filter(|(_, c)| c.chunk.end > c.chunk.start)
        .collect();
    let bad: Vec<usize> = chunks
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| {
            let (s, e) = (c.chunk.start as usize, c.chunk.end as usize);
            e > bytes.len() || hex(&Sha256::digest(&bytes[s..e])) != c.chunk.sha256
        })
        .map(|(i, _)| i)
        .collect();
    if let Some(&first) = bad.first() {
        let (seq, c) = chunks[first];
        let line_of = |off: u64| {
            let off = (off as usize).min(bytes.len());
            memchr::memchr_iter(b'\n', &bytes[..off]).count() + 1
        };
        return TranscriptCheck::Edited {
            chunk: first + 1,
            start: c.chunk.start,
            end: c.chunk.end,
            seq,
            lines: (
                line_of(c.chunk.start),
                line_of(c.chunk.end.saturating_sub(1)),
            ),
            later: bad.len() - 1,
        };
    }
    // Chunks of checkpoints that failed leave gaps: then the running hash
    // of the last one, which covers every byte, is checked too.
    let contiguous = chunks.first().is_some_and(|(_, c)| c.chunk.start == 0)
        && chunks
            .windows(2)
            .all(|w| w[0].1.chunk.end == w[1].1.chunk.start)
        && chunks
            .last()
            .is_some_and(|(_, c)| c.chunk.end == signed_bytes);
    if !contiguous
        && hex(&Sha256::digest(&bytes[..signed_bytes as usize])) != last.transcript_sha256
    {
        return TranscriptCheck::Edited {
            chunk: 0,
            start: 0,
            end: signed_bytes,
            seq: last.seq,
            lines: (
                1,
                memchr::memchr_iter(b'\n', &bytes[..signed_bytes as usize]).count(),
            ),
            later: 0,
        };
    }
    TranscriptCheck::Intact {
        bytes: signed_bytes,
        chunks: chunks.len(),
        uncovered: bytes.len() as u64 - signed_bytes,
    }
}
