//! Packs: many segments in one object, so a bastion that has none of the
//! team's runs reads a few large objects instead of one object per segment
//! (a server spends about a millisecond on every GET, whatever its size).
//!
//! A pack is only a copy. The segments stay where they are, under their
//! own keys, and a reader takes from a pack only the segments that are
//! listed in the bucket right now, each checked against the content hash
//! its key names (as if it had been read on its own). So a pack can make
//! nothing appear that is not in the bucket, change no byte, and bring back
//! no deleted segment; deleting a pack loses nothing.
//!
//! Who reads many segments one by one (a first refresh, a `pasos sync`
//! after a long time offline) writes them as packs, best effort, so the
//! next reader does not pay again: `<prefix>/packs/<sha256>.pack`, named by
//! its content, written create-only like everything else.
//!
//! The format: the line `PASOSPACK 1`, then for every segment its key
//! relative to the prefix on a line, its length in bytes on a line, and
//! the bytes.

use super::keys::content_hash;

const MAGIC: &[u8] = b"PASOSPACK 1\n";

/// Below this many segments to fetch, packs are neither read nor written.
pub const MIN_SEGMENTS: usize = 64;
/// A pack is closed when it holds this many bytes.
pub const TARGET_BYTES: usize = 8 << 20;
/// Larger segments (long transcripts) are never packed.
pub const MAX_SEGMENT: usize = 256 << 10;
/// A reader keeps at most this many bytes taken from packs in memory.
pub const MAX_KEPT: usize = 512 << 20;

/// `packs/<hash>.pack` for these pack bytes, relative to the prefix.
pub fn rest_for(bytes: &[u8]) -> String {
    format!("packs/{}.pack", content_hash(bytes))
}

/// The hash a pack key names, if `rest` is a pack key.
pub fn hash_of(rest: &str) -> Option<&str> {
    let hash = rest.strip_prefix("packs/")?.strip_suffix(".pack")?;
    (hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hash)
}

/// Segments gathered for packing; [`Packer::add`] gives back a finished
/// pack when one fills up.
#[derive(Debug, Default)]
pub struct Packer {
    bytes: Vec<u8>,
    segments: usize,
}

impl Packer {
    /// Adds a segment (`rest`: its key relative to the prefix); a full
    /// pack is returned, to be written.
    pub fn add(&mut self, rest: &str, bytes: &[u8]) -> Option<Vec<u8>> {
        if bytes.len() > MAX_SEGMENT || rest.contains('\n') {
            return None;
        }
        if self.bytes.is_empty() {
            self.bytes.extend_from_slice(MAGIC);
        }
        self.bytes.extend_from_slice(rest.as_bytes());
        self.bytes.push(b'\n');
        self.bytes
            .extend_from_slice(format!("{}\n", bytes.len()).as_bytes());
        self.bytes.extend_from_slice(bytes);
        self.segments += 1;
        (self.bytes.len() >= TARGET_BYTES).then(|| self.take())
    }

    /// What is gathered, as a pack, if it is worth one.
    pub fn finish(mut self) -> Option<Vec<u8>> {
        (self.segments >= MIN_SEGMENTS).then(|| self.take())
    }

    fn take(&mut self) -> Vec<u8> {
        self.segments = 0;
        std::mem::take(&mut self.bytes)
    }
}

/// The segments of a pack: `(rest, bytes)`. Reading stops at the first
/// thing that is not in the format (what came before it is kept: every
/// segment is checked against its own key by whoever uses it).
pub fn segments(pack: &[u8]) -> Vec<(&str, &[u8])> {
    let mut out = Vec::new();
    let Some(mut rest) = pack.strip_prefix(MAGIC) else {
        return out;
    };
    let line = |b: &[u8]| -> Option<(usize, usize)> {
        let end = memchr::memchr(b'\n', b)?;
        Some((end, end + 1))
    };
    while !rest.is_empty() {
        let Some((end, next)) = line(rest) else { break };
        let Ok(key) = std::str::from_utf8(&rest[..end]) else {
            break;
        };
        let after_key = &rest[next..];
        let Some((end, next)) = line(after_key) else {
            break;
        };
        let Some(len) = std::str::from_utf8(&after_key[..end])
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        else {
            break;
        };
        let body = &after_key[next..];
        if body.len() < len {
            break;
        }
        out.push((key, &body[..len]));
        rest = &body[len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_round_trip_and_stop_at_garbage() {
        let mut p = Packer::default();
        for i in 0..MIN_SEGMENTS {
            assert!(
                p.add(&format!("runs/m/r{i}/j/x.jsonl"), b"line\n")
                    .is_none()
            );
        }
        let pack = p.finish().unwrap();
        let segs = segments(&pack);
        assert_eq!(segs.len(), MIN_SEGMENTS);
        assert_eq!(segs[3], ("runs/m/r3/j/x.jsonl", &b"line\n"[..]));
        assert_eq!(hash_of(&rest_for(&pack)).map(str::len), Some(32));
        assert_eq!(hash_of("runs/x"), None);

        let mut cut = pack.clone();
        cut.truncate(pack.len() - 2);
        assert_eq!(segments(&cut).len(), MIN_SEGMENTS - 1);
        assert!(segments(b"not a pack").is_empty());

        let mut few = Packer::default();
        few.add("runs/m/r/j/x.jsonl", b"a");
        assert_eq!(few.finish(), None);
        let mut big = Packer::default();
        assert!(
            big.add("runs/m/r/f/cast/0-x", &vec![0; MAX_SEGMENT + 1])
                .is_none()
        );
        assert_eq!(big.segments, 0);
    }
}
