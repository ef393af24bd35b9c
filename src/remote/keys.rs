//! Object keys of a team's history. Every upload is a segment with a key
//! of its own, named by run, position and content hash, so no write ever
//! needs to replace an object:
//!
//! ```text
//! <prefix>/runs/2026-11/<run-id>/j/<from seq>-<to seq>-<sha256>.jsonl   journal lines from..=to
//! <prefix>/runs/2026-11/<run-id>/f/<name>/<offset>-<sha256>              bytes of a file beside the journal
//! <prefix>/probe/<host>-<nanos>                                          what `sync --status` writes to probe
//! ```
//!
//! `<name>` is the part of a side file's path after `<run-id>.`: `cast`
//! for the transcript, `checkpoints/0003.sig` for a file in the run's
//! `<run-id>.checkpoints/` folder. The month groups runs so a listing can
//! go month by month in parallel.

use sha2::{Digest, Sha256};

/// Hex digits of the content hash kept in a key (128 bits).
const HASH_HEX: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Piece {
    /// Journal lines `from..=to` (seq numbers).
    Journal { from: u64, to: u64 },
    /// Bytes of a side file starting at `offset`.
    File { name: String, offset: u64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SegmentKey {
    pub run_id: String,
    pub piece: Piece,
    /// Leading hex digits of the SHA-256 of the segment's bytes.
    pub hash: String,
}

pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(HASH_HEX);
    for b in digest.iter().take(HASH_HEX / 2) {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// `2026-11` for a run id that starts with its time, else `undated`.
pub fn month_of(run_id: &str) -> String {
    match crate::journal::store::run_id_time(run_id) {
        Some(t) => t.format("%Y-%m").to_string(),
        None => "undated".into(),
    }
}

/// `runs/<month>/<run-id>`, relative to the location's prefix.
pub fn run_dir(run_id: &str) -> String {
    format!("runs/{}/{run_id}", month_of(run_id))
}

impl SegmentKey {
    pub fn new(run_id: &str, piece: Piece, bytes: &[u8]) -> SegmentKey {
        SegmentKey {
            run_id: run_id.to_string(),
            piece,
            hash: content_hash(bytes),
        }
    }

    /// The key relative to the location's prefix.
    pub fn rest(&self) -> String {
        let dir = run_dir(&self.run_id);
        match &self.piece {
            Piece::Journal { from, to } => {
                format!("{dir}/j/{from:010}-{to:010}-{}.jsonl", self.hash)
            }
            Piece::File { name, offset } => format!("{dir}/f/{name}/{offset:012}-{}", self.hash),
        }
    }

    /// Reads a key relative to the prefix; `None` for anything else.
    pub fn parse(rest: &str) -> Option<SegmentKey> {
        let tail = rest.strip_prefix("runs/")?;
        let (_month, tail) = tail.split_once('/')?;
        let (run_id, tail) = tail.split_once('/')?;
        // Keys come from a shared bucket: nothing in them may lead a cached
        // copy out of its folder.
        let safe_id = |id: &str| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if !safe_id(run_id) {
            return None;
        }
        let (piece, hash) = if let Some(name) = tail.strip_prefix("j/") {
            let name = name.strip_suffix(".jsonl")?;
            let mut parts = name.splitn(3, '-');
            let from = parts.next()?.parse().ok()?;
            let to = parts.next()?.parse().ok()?;
            let hash = parts.next()?;
            (Piece::Journal { from, to }, hash)
        } else if let Some(rest) = tail.strip_prefix("f/") {
            let (name, last) = rest.rsplit_once('/')?;
            let (offset, hash) = last.split_once('-')?;
            let safe_part = |p: &str| {
                !p.is_empty() && p != "." && p != ".." && !p.contains('\\') && !p.contains('\0')
            };
            // Never a name that would stand for the journal itself.
            let reserved = matches!(name, "jsonl" | "head" | "lock") || name.ends_with(".tmp");
            if reserved || !name.split('/').all(safe_part) {
                return None;
            }
            (
                Piece::File {
                    name: name.to_string(),
                    offset: offset.parse().ok()?,
                },
                hash,
            )
        } else {
            return None;
        };
        if hash.len() != HASH_HEX || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Some(SegmentKey {
            run_id: run_id.to_string(),
            piece,
            hash: hash.to_string(),
        })
    }

    /// The bytes are the ones this key was named after.
    pub fn matches(&self, bytes: &[u8]) -> bool {
        content_hash(bytes) == self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_name_their_content() {
        let run = "20261123T200501123Z-3f9a";
        let j = SegmentKey::new(run, Piece::Journal { from: 1, to: 17 }, b"lines\n");
        assert!(
            j.rest()
                .starts_with("runs/2026-11/20261123T200501123Z-3f9a/j/0000000001-0000000017-")
        );
        assert_eq!(SegmentKey::parse(&j.rest()), Some(j.clone()));
        assert!(j.matches(b"lines\n"));
        assert!(!j.matches(b"lines!\n"));
        let f = SegmentKey::new(
            run,
            Piece::File {
                name: "checkpoints/0003.sig".into(),
                offset: 512,
            },
            b"sig",
        );
        assert_eq!(SegmentKey::parse(&f.rest()), Some(f));
        assert_eq!(SegmentKey::parse("probe/host-1"), None);
        assert_eq!(SegmentKey::parse("runs/2026-11/x/j/1-2-zz.jsonl"), None);
        let h = "0".repeat(HASH_HEX);
        assert!(SegmentKey::parse(&format!("runs/m/r1/f/cast/000-{h}")).is_some());
        assert_eq!(
            SegmentKey::parse(&format!("runs/m/r1/f/../../etc/000-{h}")),
            None
        );
        assert_eq!(
            SegmentKey::parse(&format!("runs/m/../j/1-2-{h}.jsonl")),
            None
        );
        assert_eq!(
            SegmentKey::parse(&format!("runs/m/r1/f/jsonl/000-{h}")),
            None
        );
        assert_eq!(month_of("odd"), "undated");
    }
}
