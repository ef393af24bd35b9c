//! The transcript under the checkpoints: what the `.cast` grew by since the
//! last checkpoint (one *chunk*: a byte range and its SHA-256) and the
//! SHA-256 of everything so far. The cast is only ever appended to, so a
//! byte once covered never changes; an edit shows up as the first chunk
//! whose bytes no longer hash to what was signed.

use super::checkpoint::Chunk;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

pub fn hex(digest: &[u8]) -> String {
    let mut out = String::with_capacity(digest.len() * 2);
    for b in digest {
        out.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
        out.push(char::from(b"0123456789abcdef"[(b & 15) as usize]));
    }
    out
}

/// The `.cast` beside a journal.
pub fn cast_path(journal: &Path) -> PathBuf {
    journal.with_extension("cast")
}

#[derive(Clone)]
pub struct Coverage {
    path: PathBuf,
    len: u64,
    whole: Sha256,
}

/// What one checkpoint says about the transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub len: u64,
    pub sha256: String,
    pub chunk: Chunk,
}

impl Coverage {
    /// Nothing covered yet.
    pub fn new(cast: &Path) -> Coverage {
        Coverage {
            path: cast.to_path_buf(),
            len: 0,
            whole: Sha256::new(),
        }
    }

    /// Covering goes on from `len` bytes (the last checkpoint of a resumed
    /// run): the running hash is rebuilt from the file. If those bytes were
    /// changed meanwhile, verification finds it at the earlier chunk.
    pub fn resume(cast: &Path, len: u64) -> io::Result<Coverage> {
        let mut c = Coverage::new(cast);
        if len > 0 {
            let mut f = File::open(cast)?;
            let mut chunk = Sha256::new();
            copy_range(&mut f, 0, len, &mut c.whole, &mut chunk)?;
        }
        c.len = len;
        Ok(c)
    }

    /// Covers what was appended since the last mark.
    pub fn advance(&mut self) -> io::Result<Mark> {
        let start = self.len;
        let mut chunk = Sha256::new();
        match File::open(&self.path) {
            Ok(mut f) => {
                let end = f.metadata()?.len();
                if end > start {
                    let read = copy_range(&mut f, start, end, &mut self.whole, &mut chunk)?;
                    self.len = start + read;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        Ok(Mark {
            len: self.len,
            sha256: hex(&self.whole.clone().finalize()),
            chunk: Chunk {
                start,
                end: self.len,
                sha256: hex(&chunk.finalize()),
            },
        })
    }
}

/// Feeds bytes `start..end` of `f` to both hashers; returns how many
/// were read (fewer if the file is shorter than `end`).
fn copy_range(
    f: &mut File,
    start: u64,
    end: u64,
    a: &mut Sha256,
    b: &mut Sha256,
) -> io::Result<u64> {
    f.seek(SeekFrom::Start(start))?;
    let mut left = end - start;
    let mut buf = vec![0u8; 64 * 1024];
    let mut read = 0;
    while left > 0 {
        let want = buf.len().min(left as usize);
        let n = f.read(&mut buf[..want])?;
        if n == 0 {
            break;
        }
        a.update(&buf[..n]);
        b.update(&buf[..n]);
        left -= n as u64;
        read += n as u64;
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn chunks_follow_appends_and_resume_continues_the_hash() {
        let dir = tempfile::tempdir().unwrap();
        let cast = dir.path().join("r.cast");
        let mut c = Coverage::new(&cast);
        let m0 = c.advance().unwrap();
        assert_eq!((m0.len, m0.chunk.start, m0.chunk.end), (0, 0, 0));
        std::fs::write(&cast, b"header\n").unwrap();
        let m1 = c.advance().unwrap();
        assert_eq!((m1.chunk.start, m1.chunk.end), (0, 7));
        assert_eq!(m1.chunk.sha256, hex(&Sha256::digest(b"header\n")));
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&cast)
            .unwrap();
        f.write_all(b"[0.1, \"o\", \"x\"]\n").unwrap();
        let m2 = c.advance().unwrap();
        assert_eq!(m2.chunk.start, 7);
        let all = std::fs::read(&cast).unwrap();
        assert_eq!(m2.sha256, hex(&Sha256::digest(&all)));
        let mut again = Coverage::resume(&cast, m1.len).unwrap();
        assert_eq!(again.advance().unwrap(), m2);
    }
}
