//! One journal line: `{"seq":..,"ts":..,"prev":..,"event":{..},"hash":".."}`.
//!
//! `hash` is the SHA-256 of the exact bytes of the line without its
//! `,"hash":".."` member (the canonical serialization), and `prev` is the
//! hash of the line before, starting from a genesis value derived from the
//! run id. Editing, removing, duplicating or reordering a line breaks the
//! chain.

use super::event::Event;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub seq: u64,
    /// Written as RFC 3339, UTC, milliseconds; parsed once when the line
    /// is read (a line whose time does not parse is not a journal line).
    #[serde(with = "ts_format")]
    pub ts: DateTime<Utc>,
    pub prev: String,
    pub event: Event,
    pub hash: String,
}

/// How a journal writes a time: `2026-11-23T20:00:00.000Z`.
pub fn format_ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a journal time (any RFC 3339 offset, kept as UTC).
pub fn parse_ts(ts: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(ts)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

mod ts_format {
    use super::*;

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_ts(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        parse_ts(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not an RFC 3339 time")))
    }
}

#[derive(Serialize)]
struct Unsigned<'a> {
    seq: u64,
    ts: &'a str,
    prev: &'a str,
    event: &'a Event,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
        out.push(char::from(b"0123456789abcdef"[(b & 15) as usize]));
    }
    out
}

/// The `prev` of the first line of a run's journal.
pub fn genesis(run_id: &str) -> String {
    sha256_hex(format!("pasos-journal-genesis:{run_id}").as_bytes())
}

/// The canonical bytes the hash covers.
pub fn unsigned_text(seq: u64, ts: DateTime<Utc>, prev: &str, event: &Event) -> String {
    serde_json::to_string(&Unsigned {
        seq,
        ts: &format_ts(ts),
        prev,
        event,
    })
    .expect("journal events always serialize")
}

impl Line {
    pub fn new(seq: u64, ts: DateTime<Utc>, prev: String, event: Event) -> Line {
        // The journal keeps milliseconds: the line in memory is the line read back.
        let ts = chrono::SubsecRound::trunc_subsecs(ts, 3);
        let hash = sha256_hex(unsigned_text(seq, ts, &prev, &event).as_bytes());
        Line {
            seq,
            ts,
            prev,
            event,
            hash,
        }
    }

    /// The line as written, without the trailing newline.
    pub fn to_text(&self) -> String {
        let unsigned = unsigned_text(self.seq, self.ts, &self.prev, &self.event);
        let body = unsigned.strip_suffix('}').unwrap_or(&unsigned);
        format!("{body},\"hash\":\"{}\"}}", self.hash)
    }

    /// Whether `raw` is exactly this line's canonical text and its hash
    /// matches: any byte changed anywhere fails one or the other.
    pub fn is_canonical(&self, raw: &str) -> bool {
        let unsigned = unsigned_text(self.seq, self.ts, &self.prev, &self.event);
        sha256_hex(unsigned.as_bytes()) == self.hash && self.to_text() == raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_any_change_is_caught() {
        let l = Line::new(
            1,
            parse_ts("2026-11-23T20:00:00.000Z").unwrap(),
            genesis("r1"),
            Event::Note {
                step: None,
                text: "hola ñ".into(),
            },
        );
        let text = l.to_text();
        let back: Line = serde_json::from_str(&text).unwrap();
        assert_eq!(back, l);
        assert!(back.is_canonical(&text));
        let edited = text.replace("hola", "hoLa");
        let back: Line = serde_json::from_str(&edited).unwrap();
        assert!(!back.is_canonical(&edited));
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
