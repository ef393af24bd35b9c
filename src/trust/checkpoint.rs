//! One checkpoint: the exact text that is signed.
//!
//! A few `key: value` lines, LF-terminated, in a fixed order, so a person
//! can read what was signed (`cat 00000012.msg`) and `ssh-keygen` can check
//! the signature over the very same bytes:
//!
//! ```text
//! pasos-checkpoint 1
//! run: 20261206T080000000Z-3f9a
//! seq: 12
//! head: <sha256 of journal line 12, as in its "hash">
//! procedure-sha256: <sha256 of the procedure file>
//! transcript: <bytes of the .cast covered> <sha256 of those bytes>
//! chunk: <start> <end> <sha256 of the .cast bytes start..end>
//! operator: Ana Pérez
//! login: ana@bastion-01
//! host: bastion-01
//! time: 2026-12-06T08:00:01.250Z
//! reason: step
//! key: SHA256:<fingerprint of the signing key>
//! ```

use std::fmt::Write as _;

pub const FORMAT_LINE: &str = "pasos-checkpoint 1";

/// Why a checkpoint was signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The run started (or was resumed).
    Start,
    /// A step ended (done, failed, skipped, rolled back).
    Step,
    /// Enough events or seconds went by since the last one.
    Interval,
    /// The run was interrupted (resumable).
    Interrupted,
    /// The run finished: nothing may follow.
    End,
}

impl Reason {
    pub fn word(self) -> &'static str {
        match self {
            Reason::Start => "start",
            Reason::Step => "step",
            Reason::Interval => "interval",
            Reason::Interrupted => "interrupted",
            Reason::End => "end",
        }
    }

    fn parse(s: &str) -> Option<Reason> {
        [
            Reason::Start,
            Reason::Step,
            Reason::Interval,
            Reason::Interrupted,
            Reason::End,
        ]
        .into_iter()
        .find(|r| r.word() == s)
    }

    /// The run is closed at this checkpoint (finished, or stopped to be
    /// resumed): nothing after it was written in that session.
    pub fn closes(self) -> bool {
        matches!(self, Reason::End | Reason::Interrupted)
    }
}

/// A byte range of the transcript and the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chunk {
    pub start: u64,
    pub end: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checkpoint {
    pub run_id: String,
    pub seq: u64,
    /// The `hash` of journal line `seq`.
    pub head: String,
    pub procedure_sha256: String,
    /// Bytes of the transcript covered so far, from its start.
    pub transcript_len: u64,
    /// SHA-256 of the transcript's first `transcript_len` bytes.
    pub transcript_sha256: String,
    /// What the transcript grew by since the previous checkpoint.
    pub chunk: Chunk,
    /// How the operator is named (`--operator`, else the login).
    pub operator: String,
    pub login: String,
    pub host: String,
    /// RFC 3339, UTC, milliseconds.
    pub time: String,
    pub reason: Option<Reason>,
    /// Fingerprint of the key that signs it (`SHA256:…`).
    pub key: String,
}

/// Control characters (a newline in `--operator`) would add lines to the
/// message; they become spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Checkpoint {
    /// The canonical text, as signed and stored.
    pub fn to_message(&self) -> String {
        let mut m = String::with_capacity(640);
        let reason = self.reason.map(Reason::word).unwrap_or("interval");
        let _ = writeln!(m, "{FORMAT_LINE}");
        let _ = writeln!(m, "run: {}", clean(&self.run_id));
        let _ = writeln!(m, "seq: {}", self.seq);
        let _ = writeln!(m, "head: {}", clean(&self.head));
        let _ = writeln!(m, "procedure-sha256: {}", clean(&self.procedure_sha256));
        let _ = writeln!(
            m,
            "transcript: {} {}",
            self.transcript_len,
            clean(&self.transcript_sha256)
        );
        let _ = writeln!(
            m,
            "chunk: {} {} {}",
            self.chunk.start,
            self.chunk.end,
            clean(&self.chunk.sha256)
        );
        let _ = writeln!(m, "operator: {}", clean(&self.operator));
        let _ = writeln!(m, "login: {}", clean(&self.login));
        let _ = writeln!(m, "host: {}", clean(&self.host));
        let _ = writeln!(m, "time: {}", clean(&self.time));
        let _ = writeln!(m, "reason: {reason}");
        let _ = writeln!(m, "key: {}", clean(&self.key));
        m
    }

    /// Reads a message back. Strict: the lines must be exactly those of
    /// [`Checkpoint::to_message`], in order; the error names the line.
    pub fn parse(text: &str) -> Result<Checkpoint, String> {
        let mut lines = text.split_terminator('\n');
        if lines.next() != Some(FORMAT_LINE) {
            return Err(format!("line 1: not `{FORMAT_LINE}`"));
        }
        let mut field = |n: usize, key: &str| -> Result<String, String> {
            let line = lines
                .next()
                .ok_or_else(|| format!("line {n}: `{key}:` is missing"))?;
            line.strip_prefix(key)
                .and_then(|r| r.strip_prefix(": "))
                .map(str::to_string)
                .ok_or_else(|| format!("line {n}: expected `{key}: …`"))
        };
        let num = |n: usize, key: &str, s: &str| -> Result<u64, String> {
            s.parse()
                .map_err(|_| format!("line {n}: `{key}` is not a number: {s}"))
        };
        let run_id = field(2, "run")?;
        let seq = field(3, "seq")?;
        let seq = num(3, "seq", &seq)?;
        let head = field(4, "head")?;
        let procedure_sha256 = field(5, "procedure-sha256")?;
        let transcript = field(6, "transcript")?;
        let (len, sha) = transcript
            .split_once(' ')
            .ok_or("line 6: expected `transcript: <bytes> <sha256>`")?;
        let transcript_len = num(6, "transcript", len)?;
        let chunk = field(7, "chunk")?;
        let parts: Vec<&str> = chunk.split(' ').collect();
        let [start, end, chunk_sha] = parts[..] else {
            return Err("line 7: expected `chunk: <start> <end> <sha256>`".into());
        };
        let chunk = Chunk {
            start: num(7, "chunk", start)?,
            end: num(7, "chunk", end)?,
            sha256: chunk_sha.to_string(),
        };
        let operator = field(8, "operator")?;
        let login = field(9, "login")?;
        let host = field(10, "host")?;
        let time = field(11, "time")?;
        let reason = field(12, "reason")?;
        let reason = Some(
            Reason::parse(&reason).ok_or_else(|| format!("line 12: unknown reason `{reason}`"))?,
        );
        let key = field(13, "key")?;
        if lines.next().is_some() {
            return Err("line 14: unexpected text after `key:`".into());
        }
        Ok(Checkpoint {
            run_id,
            seq,
            head,
            procedure_sha256,
            transcript_len,
            transcript_sha256: sha.to_string(),
            chunk,
            operator,
            login,
            host,
            time,
            reason,
            key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_round_trips_and_stays_one_field_per_line() {
        let c = Checkpoint {
            run_id: "r1".into(),
            seq: 12,
            head: "ab".repeat(32),
            procedure_sha256: "cd".repeat(32),
            transcript_len: 100,
            transcript_sha256: "ef".repeat(32),
            chunk: Chunk {
                start: 40,
                end: 100,
                sha256: "01".repeat(32),
            },
            operator: "Ana\nseq: 99".into(),
            login: "ana@b".into(),
            host: "b".into(),
            time: "2026-12-06T08:00:00.000Z".into(),
            reason: Some(Reason::Step),
            key: "SHA256:xyz".into(),
        };
        let m = c.to_message();
        assert_eq!(m.lines().count(), 13, "{m}");
        let back = Checkpoint::parse(&m).unwrap();
        assert_eq!(back.operator, "Ana seq: 99");
        assert_eq!(back.seq, 12);
        assert_eq!(back.chunk, c.chunk);
        assert_eq!(back.to_message(), m);
        let bad = m.replace("seq: 12", "seq: x");
        assert!(Checkpoint::parse(&bad).unwrap_err().starts_with("line 3"));
        assert!(Checkpoint::parse(&format!("{m}extra\n")).is_err());
    }
}
