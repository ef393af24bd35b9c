//! Putting a run's journal back together from its segments in the bucket:
//! in seq order, each checked against the content hash its key names.
//! A segment whose bytes do not match its key is left out (it was changed
//! in the bucket), so the chain breaks there and the history sees it.

use super::keys::{Piece, SegmentKey};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentProblem {
    /// Lines `from..=to` are in no segment.
    Gap { from: u64, to: u64 },
    /// The object's bytes are not the ones its key was named after.
    Changed { key: String },
    /// Two segments cover the same lines with different bytes.
    Overlap { key: String },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assembled {
    pub bytes: Vec<u8>,
    /// Seq and hash of the last line, for the cached copy's `.head`.
    pub last: Option<(u64, String)>,
    pub problems: Vec<SegmentProblem>,
}

#[derive(serde::Deserialize)]
struct SeqHash {
    seq: u64,
    hash: String,
}

/// The journal from its segments (`(key, rest, bytes)`; other pieces are
/// ignored).
pub fn journal(mut segments: Vec<(SegmentKey, String, Vec<u8>)>) -> Assembled {
    segments.retain(|(k, _, _)| matches!(k.piece, Piece::Journal { .. }));
    segments.sort_by(|a, b| a.0.piece.cmp(&b.0.piece));
    let mut out = Assembled::default();
    let mut next = 1u64;
    for (key, rest, bytes) in segments {
        let Piece::Journal { from, to } = key.piece else {
            continue;
        };
        if !key.matches(&bytes) {
            out.problems.push(SegmentProblem::Changed { key: rest });
            continue;
        }
        if from < next {
            out.problems.push(SegmentProblem::Overlap { key: rest });
            continue;
        }
        if from > next {
            out.problems.push(SegmentProblem::Gap {
                from: next,
                to: from - 1,
            });
        }
        out.bytes.extend_from_slice(&bytes);
        next = to + 1;
    }
    if let Some(line) = out
        .bytes
        .strip_suffix(b"\n")
        .and_then(|b| b.rsplit(|c| *c == b'\n').next())
        && let Ok(l) = serde_json::from_slice::<SeqHash>(line)
    {
        out.last = Some((l.seq, l.hash));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(from: u64, to: u64, text: &str) -> (SegmentKey, String, Vec<u8>) {
        let k = SegmentKey::new(
            "20261123T200501123Z-3f9a",
            Piece::Journal { from, to },
            text.as_bytes(),
        );
        let rest = k.rest();
        (k, rest, text.as_bytes().to_vec())
    }

    #[test]
    fn segments_in_order_gaps_and_changes() {
        let a = "{\"seq\":1,\"hash\":\"h1\"}\n";
        let b = "{\"seq\":2,\"hash\":\"h2\"}\n{\"seq\":3,\"hash\":\"h3\"}\n";
        let c = "{\"seq\":4,\"hash\":\"h4\"}\n";
        let whole = journal(vec![seg(2, 3, b), seg(1, 1, a), seg(4, 4, c)]);
        assert_eq!(whole.bytes, format!("{a}{b}{c}").into_bytes());
        assert_eq!(whole.last, Some((4, "h4".into())));
        assert!(whole.problems.is_empty());

        let gap = journal(vec![seg(1, 1, a), seg(4, 4, c)]);
        assert_eq!(gap.problems, vec![SegmentProblem::Gap { from: 2, to: 3 }]);

        let mut edited = seg(2, 3, b);
        edited.2 = b"{\"seq\":2,\"hash\":\"hX\"}\n{\"seq\":3,\"hash\":\"h3\"}\n".to_vec();
        let changed = journal(vec![seg(1, 1, a), edited.clone()]);
        assert_eq!(
            changed.problems,
            vec![SegmentProblem::Changed { key: edited.1 }]
        );
        assert_eq!(changed.bytes, a.as_bytes());
    }
}
