//! Reading a run's record straight from its journal's bytes, parsing only
//! the events the figures need (most lines are commands, exit codes and
//! validations, which the figures never look at).
//!
//! The bytes must already have passed verification: this reader trusts the
//! canonical line layout pasos writes
//! (`{"seq":N,"ts":"..","prev":"<64 hex>","event":{"type":"..",..},"hash":"<64 hex>"}`)
//! and says so when a line does not have it.

use super::RunRecord;
use super::build::RecordBuilder;
use super::fact::Fact;
use crate::journal::line::parse_ts;

/// `,"hash":"` + 64 hex digits + `"}`.
const HASH_TAIL: usize = 75;
const PREV_LEN: usize = 64;

/// The record of the first `lines` lines of a verified journal's bytes
/// (`Verification::events`: the lines that took part in the chain). Bytes
/// after the last newline (a torn write) are never part of the journal.
pub fn record_from_bytes(bytes: &[u8], lines: usize) -> Result<RunRecord, String> {
    let end = memchr::memrchr(b'\n', bytes).map_or(0, |i| i + 1);
    let mut b = RecordBuilder::new();
    let mut start = 0;
    for (i, nl) in memchr::memchr_iter(b'\n', &bytes[..end])
        .take(lines)
        .enumerate()
    {
        let n = i + 1;
        let raw = &bytes[start..nl];
        start = nl + 1;
        let (ts, kind, event) =
            split(raw).ok_or_else(|| format!("line {n} is not a journal line"))?;
        let ts = parse_ts(ts).ok_or_else(|| format!("line {n}: `{ts}` is not a time"))?;
        let fact = Fact::parse(kind, event)
            .map_err(|e| format!("line {n}: the event does not read: {e}"))?;
        b.line(ts, fact);
    }
    b.finish()
}

/// (ts, event type, event JSON) of one canonical line.
fn split(raw: &[u8]) -> Option<(&str, &str, &[u8])> {
    let n = raw.len();
    if n < HASH_TAIL {
        return None;
    }
    let rest = raw.strip_prefix(b"{\"seq\":")?;
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = rest[digits..].strip_prefix(b",\"ts\":\"")?;
    let ts_len = rest.iter().position(|c| *c == b'"')?;
    let ts = std::str::from_utf8(&rest[..ts_len]).ok()?;
    let rest = rest[ts_len..].strip_prefix(b"\",\"prev\":\"")?;
    let event_start = n - rest.len() + PREV_LEN + "\",\"event\":".len();
    if event_start > n - HASH_TAIL {
        return None;
    }
    let event = &raw[event_start..n - HASH_TAIL];
    let body = event.strip_prefix(b"{\"type\":\"")?;
    let kind_len = body.iter().position(|c| *c == b'"')?;
    let kind = std::str::from_utf8(&body[..kind_len]).ok()?;
    Some((ts, kind, event))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::line::genesis;
    use crate::journal::{Event, Line, Mode, Operator, Profile, RunOutcome, StepOutcome};

    fn journal(events: &[(&str, Event)]) -> (Vec<Line>, Vec<u8>) {
        let mut prev = genesis("r1");
        let mut lines = Vec::new();
        let mut bytes = Vec::new();
        for (i, (ts, e)) in events.iter().enumerate() {
            let l = Line::new(
                i as u64 + 1,
                crate::journal::line::parse_ts(ts).unwrap(),
                prev,
                e.clone(),
            );
            prev = l.hash.clone();
            bytes.extend_from_slice(l.to_text().as_bytes());
            bytes.push(b'\n');
            lines.push(l);
        }
        (lines, bytes)
    }

    fn started() -> Event {
        Event::RunStarted {
            run_id: "r1".into(),
            procedure_id: "P".into(),
            procedure_title: "T".into(),
            version: "1".into(),
            procedure_sha256: String::new(),
            source: "p.toml".into(),
            environment: None,
            mode: Mode::Live,
            operator: Operator {
                user: "u".into(),
                host: "h".into(),
                ssh: None,
                name: None,
            },
            forced: false,
            profile: Box::new(Profile::default()),
        }
    }

    #[test]
    fn bytes_and_lines_give_the_same_record_and_pauses_are_subtracted() {
        let (lines, bytes) = journal(&[
            ("2026-01-01T10:00:00.000Z", started()),
            (
                "2026-01-01T10:00:10.000Z",
                Event::StepStarted {
                    step: "1".into(),
                    attempt: 1,
                },
            ),
            (
                "2026-01-01T10:01:00.000Z",
                Event::RunInterrupted {
                    why: crate::journal::InterruptionWhy(
                        crate::journal::Interruption::from_sentence("quit"),
                    ),
                    step: None,
                },
            ),
            (
                "2026-01-01T11:00:10.000Z",
                Event::RunResumed {
                    operator: Operator::default(),
                    discarded_torn_bytes: None,
                },
            ),
            (
                "2026-01-01T11:00:40.000Z",
                Event::StepFinished {
                    step: "1".into(),
                    outcome: StepOutcome::Done,
                    duration_ms: 30_000,
                    why: crate::journal::StepWhy::default(),
                },
            ),
            (
                "2026-01-01T11:00:50.000Z",
                Event::RunFinished {
                    outcome: RunOutcome::Success,
                    duration_ms: 0,
                    reason: None,
                },
            ),
        ]);
        let a = record_from_bytes(&bytes, 6).unwrap();
        let b = super::super::build::from_lines(&lines).unwrap();
        assert_eq!(a, b);
        // Wall 1h00m50s; the operator quit at 10:01:00 (the pause starts
        // at `run-interrupted`, not at the line before) and resumed at
        // 11:00:10: paused 59m10s. Working 1m40s.
        assert_eq!(a.wall_ms, 3_650_000);
        assert_eq!(a.paused_ms, 3_550_000);
        assert_eq!(a.working_ms(), 100_000);
        assert_eq!(a.steps[0].duration_ms, 30_000);
        // A torn tail is ignored.
        let mut torn = bytes.clone();
        torn.extend_from_slice(b"{\"seq\":7,\"ts\"");
        assert_eq!(record_from_bytes(&torn, 6).unwrap(), a);
        // Only the lines asked for: without `run-finished` the run is open.
        let first5 = record_from_bytes(&bytes, 5).unwrap();
        assert_eq!(first5.status, crate::history::kpi::RunStatus::Open);
    }
}
