//! What of a local run is not in the bucket yet, cut into segments: the
//! journal's new whole lines, and the new bytes of every file beside it
//! (`<run-id>.cast`, `<run-id>.checkpoints/…`, whatever a run keeps next to
//! its journal: this module knows no file by name).

use super::keys::{Piece, SegmentKey};
use super::sent::Sent;
use crate::journal::store;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// One object to write, and how far the state moves once it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub key: SegmentKey,
    pub bytes: Vec<u8>,
    pub advance: Advance,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advance {
    Journal { bytes: u64, seq: u64 },
    File { name: String, len: u64 },
}

impl Sent {
    pub fn apply(&mut self, a: &Advance) {
        match a {
            Advance::Journal { bytes, seq } => {
                self.journal_bytes = *bytes;
                self.journal_seq = *seq;
            }
            Advance::File { name, len } => {
                self.files.insert(name.clone(), *len);
            }
        }
    }
}

/// The local journal no longer continues what was uploaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diverged {
    Shorter { uploaded: u64, now: u64 },
    Renumbered { expected: u64, found: Option<u64> },
}

#[derive(Debug)]
pub enum SegmentError {
    Io(io::Error),
    Diverged(Diverged),
}

impl From<io::Error> for SegmentError {
    fn from(e: io::Error) -> Self {
        SegmentError::Io(e)
    }
}

/// The files beside `journal` that belong to its run: `(name, path)`, the
/// name being what follows `<run-id>.` (`cast`, `checkpoints/0001.sig`).
pub fn side_files(journal: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let run_id = store::run_id_of(journal);
    let Some(dir) = journal.parent() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let head = format!("{run_id}.");
    let names = listing(dir)?;
    let start = names.partition_point(|(n, _)| n.as_str() < head.as_str());
    for (name, is_dir) in &names[start..] {
        let Some(suffix) = name.strip_prefix(&head) else {
            break;
        };
        if matches!(suffix, "jsonl" | "head" | "lock") || suffix.ends_with(".tmp") {
            continue;
        }
        let path = dir.join(name);
        if *is_dir {
            collect(&path, suffix, &mut out)?;
        } else {
            out.push((suffix.to_string(), path));
        }
    }
    out.sort();
    Ok(out)
}

type Names = std::sync::Arc<Vec<(String, bool)>>;

/// The sorted entries of a month folder, read once per change of the
/// folder (its mtime): a sync over thousands of runs in one folder must not
/// read the folder once per run.
fn listing(dir: &Path) -> io::Result<Names> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static MEMO: Mutex<Option<HashMap<PathBuf, (std::time::SystemTime, Names)>>> = Mutex::new(None);
    let stamp = std::fs::metadata(dir)?.modified()?;
    if let Ok(memo) = MEMO.lock()
        && let Some((at, names)) = memo.as_ref().and_then(|m| m.get(dir))
        && *at == stamp
    {
        return Ok(names.clone());
    }
    let mut names = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        names.push((
            e.file_name().to_string_lossy().into_owned(),
            e.file_type()?.is_dir(),
        ));
    }
    names.sort();
    let names: Names = std::sync::Arc::new(names);
    // A folder changed this very moment may change again within the same
    // mtime tick: only settled folders are remembered.
    let settled = std::time::SystemTime::now()
        .duration_since(stamp)
        .is_ok_and(|age| age > std::time::Duration::from_secs(2));
    if settled && let Ok(mut memo) = MEMO.lock() {
        memo.get_or_insert_with(HashMap::new)
            .insert(dir.to_path_buf(), (stamp, names.clone()));
    }
    Ok(names)
}

fn collect(dir: &Path, name: &str, out: &mut Vec<(String, PathBuf)>) -> io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let child = format!("{name}/{}", e.file_name().to_string_lossy());
        if child.ends_with(".tmp") {
            continue;
        }
        if e.file_type()?.is_dir() {
            collect(&e.path(), &child, out)?;
        } else {
            out.push((child, e.path()));
        }
    }
    Ok(())
}

fn read_from(path: &Path, offset: u64) -> io::Result<Vec<u8>> {
    let mut f = std::fs::File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut out = Vec::new();
    f.read_to_end(&mut out)?;
    Ok(out)
}

#[derive(serde::Deserialize)]
struct SeqOnly {
    seq: u64,
}

fn seq_of(line: &[u8]) -> Option<u64> {
    serde_json::from_slice::<SeqOnly>(line).ok().map(|s| s.seq)
}

/// The segments of `journal`'s run beyond `sent`. While the run goes
/// (`whole == false`) only whole lines of the side files are taken; at the
/// end everything.
pub fn pending(journal: &Path, sent: &Sent, whole: bool) -> Result<Vec<Segment>, SegmentError> {
    let run_id = store::run_id_of(journal);
    let mut out = Vec::new();
    let len = std::fs::metadata(journal)?.len();
    if len < sent.journal_bytes {
        return Err(SegmentError::Diverged(Diverged::Shorter {
            uploaded: sent.journal_bytes,
            now: len,
        }));
    }
    let tail = read_from(journal, sent.journal_bytes)?;
    // Whole lines only: a torn last line is not part of the journal.
    if let Some(end) = tail.iter().rposition(|b| *b == b'\n') {
        let bytes = tail[..=end].to_vec();
        let lines: Vec<&[u8]> = bytes[..end].split(|b| *b == b'\n').collect();
        let from = sent.journal_seq + 1;
        let first = lines.first().and_then(|l| seq_of(l));
        if first != Some(from) {
            return Err(SegmentError::Diverged(Diverged::Renumbered {
                expected: from,
                found: first,
            }));
        }
        let to = sent.journal_seq + lines.len() as u64;
        let last = lines.last().and_then(|l| seq_of(l));
        if last != Some(to) {
            return Err(SegmentError::Diverged(Diverged::Renumbered {
                expected: to,
                found: last,
            }));
        }
        out.push(Segment {
            key: SegmentKey::new(&run_id, Piece::Journal { from, to }, &bytes),
            advance: Advance::Journal {
                bytes: sent.journal_bytes + bytes.len() as u64,
                seq: to,
            },
            bytes,
        });
    }
    for (name, path) in side_files(journal)? {
        let done = sent.files.get(&name).copied().unwrap_or(0);
        let len = std::fs::metadata(&path)?.len();
        // A file rewritten shorter is sent again whole, under new keys.
        let offset = if len < done { 0 } else { done };
        if len == offset {
            continue;
        }
        let mut bytes = read_from(&path, offset)?;
        if !whole {
            match bytes.iter().rposition(|b| *b == b'\n') {
                Some(end) => bytes.truncate(end + 1),
                None => continue,
            }
        }
        if bytes.is_empty() {
            continue;
        }
        let piece = Piece::File {
            name: name.clone(),
            offset,
        };
        out.push(Segment {
            key: SegmentKey::new(&run_id, piece, &bytes),
            advance: Advance::File {
                name,
                len: offset + bytes.len() as u64,
            },
            bytes,
        });
    }
    Ok(out)
}

/// Whether anything of the run is not in the bucket yet (sizes only, for
/// listings). `None` state: nothing was ever sent.
pub fn behind(journal: &Path, sent: Option<&Sent>) -> bool {
    let Some(sent) = sent else {
        return true;
    };
    let journal_len = std::fs::metadata(journal).map(|m| m.len()).unwrap_or(0);
    if journal_len > sent.journal_bytes {
        // Unless all that is left is a torn last line.
        if read_from(journal, sent.journal_bytes).is_ok_and(|t| t.contains(&b'\n')) {
            return true;
        }
    }
    side_files(journal).is_ok_and(|files| {
        files.iter().any(|(name, path)| {
            let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            len != sent.files.get(name).copied().unwrap_or(0)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(seq: u64) -> String {
        format!("{{\"seq\":{seq},\"ts\":\"t\",\"prev\":\"p\",\"hash\":\"h\"}}\n")
    }

    #[test]
    fn segments_follow_the_journal_and_the_files_beside_it() {
        let d = tempfile::tempdir().unwrap();
        let j = d.path().join("20261123T200501123Z-3f9a.jsonl");
        std::fs::write(&j, line(1) + &line(2) + "{\"seq\":3,\"to").unwrap();
        std::fs::write(d.path().join("20261123T200501123Z-3f9a.head"), "2 h").unwrap();
        std::fs::write(
            d.path().join("20261123T200501123Z-3f9a.cast"),
            "{hdr}\n[1.0,\"o\",\"x",
        )
        .unwrap();
        let cp = d.path().join("20261123T200501123Z-3f9a.checkpoints");
        std::fs::create_dir(&cp).unwrap();
        std::fs::write(cp.join("0001.sig"), "SIG").unwrap();
        std::fs::write(d.path().join("20261123T200501124Z-0000.cast"), "other run").unwrap();

        let mut sent = Sent::default();
        let segs = pending(&j, &sent, false).unwrap();
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].key.piece, Piece::Journal { from: 1, to: 2 });
        assert_eq!(segs[0].bytes, (line(1) + &line(2)).into_bytes());
        assert_eq!(segs[1].bytes, b"{hdr}\n");
        for s in &segs {
            sent.apply(&s.advance);
        }
        assert!(
            behind(&j, Some(&sent)),
            "the signature file is not sent yet"
        );
        let segs = pending(&j, &sent, true).unwrap();
        let names: Vec<_> = segs.iter().map(|s| s.key.piece.clone()).collect();
        assert_eq!(
            names,
            vec![
                Piece::File {
                    name: "cast".into(),
                    offset: 6
                },
                Piece::File {
                    name: "checkpoints/0001.sig".into(),
                    offset: 0
                },
            ]
        );
        for s in &segs {
            sent.apply(&s.advance);
        }
        assert!(!behind(&j, Some(&sent)), "only the torn line is left");
        assert!(pending(&j, &sent, true).unwrap().is_empty());

        // The journal goes on: the next segment starts at seq 3.
        std::fs::write(&j, line(1) + &line(2) + &line(3)).unwrap();
        let segs = pending(&j, &sent, false).unwrap();
        assert_eq!(segs[0].key.piece, Piece::Journal { from: 3, to: 3 });
        // A journal cut shorter than what was sent is refused.
        std::fs::write(&j, line(1)).unwrap();
        assert!(matches!(
            pending(&j, &sent, false),
            Err(SegmentError::Diverged(Diverged::Shorter { .. }))
        ));
    }
}
