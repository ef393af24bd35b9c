//! Appending to a journal: redact, chain, write, fsync, then move the head.
//! An event is on disk before `append` returns, so the caller may show it
//! as done.

use super::event::Event;
use super::line::{Line, genesis};
use super::redact::Redactor;
use super::store;
use super::verify::{self, Verification};
use chrono::{DateTime, Utc};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Told of every line once it is on disk (the signed checkpoints).
type Observer = Box<dyn FnMut(&Line) + Send>;

pub struct JournalWriter {
    file: File,
    path: PathBuf,
    run_id: String,
    seq: u64,
    last_hash: String,
    redactor: Redactor,
    observer: Option<Observer>,
}

pub use super::line::format_ts;

impl JournalWriter {
    /// Starts the journal of a new run; fails if it already exists.
    pub fn create(path: &Path, run_id: &str, redactor: Redactor) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            store::create_private_dir_all(dir)?;
        }
        let file = store::private_file_options()
            .create_new(true)
            .append(true)
            .open(path)?;
        let writer = JournalWriter {
            file,
            path: path.to_path_buf(),
            run_id: run_id.to_string(),
            seq: 0,
            last_hash: genesis(run_id),
            redactor,
            observer: None,
        };
        // The head exists before the first line: a crash between that
        // line's fsync and its head leaves a head one line behind (which
        // verifies and resumes), never a journal without a head (which
        // would look truncated-and-covered-up, and not resume).
        writer.write_head()?;
        Ok(writer)
    }

    /// Reopens a journal to resume its run. A torn last line is cut off
    /// (its size is returned so the resume event can record it); any other
    /// problem refuses, with the verification that found it.
    pub fn reopen(
        path: &Path,
        redactor: Redactor,
    ) -> Result<(Self, Vec<Line>, Option<u64>), Verification> {
        let run_id = store::run_id_of(path);
        let v = verify::verify_file(path).map_err(|e| Verification::io_error(&e))?;
        if !v.intact() {
            return Err(v);
        }
        let mut torn = None;
        let file = store::private_file_options()
            .append(true)
            .open(path)
            .map_err(|e| Verification::io_error(&e))?;
        if let Some(t) = &v.torn_tail {
            file.set_len(t.offset)
                .map_err(|e| Verification::io_error(&e))?;
            file.sync_all().map_err(|e| Verification::io_error(&e))?;
            torn = Some(t.bytes);
        }
        let (seq, last_hash) = v.last.clone().unwrap_or((0, genesis(&run_id)));
        let lines = v.lines;
        Ok((
            JournalWriter {
                file,
                path: path.to_path_buf(),
                run_id,
                seq,
                last_hash,
                redactor,
                observer: None,
            },
            lines,
            torn,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// Calls `f` with every line appended from now on, after its fsync.
    pub fn observe(&mut self, f: impl FnMut(&Line) + Send + 'static) {
        self.observer = Some(Box::new(f));
    }

    pub fn redactor_mut(&mut self) -> &mut Redactor {
        &mut self.redactor
    }

    /// The journal is still the file this writer has open: not deleted
    /// (no links left) nor replaced by another file at its path. Writing
    /// on would record the run where nobody will ever read it, so the run
    /// stops; what was written is put back (from the file still open) so
    /// the run can be resumed.
    fn check_in_place(&self) -> io::Result<()> {
        use std::os::unix::fs::MetadataExt;
        let open = self.file.metadata()?;
        let in_place = open.nlink() > 0
            && match std::fs::metadata(&self.path) {
                Ok(now) => now.dev() == open.dev() && now.ino() == open.ino(),
                Err(e) if e.kind() == io::ErrorKind::NotFound => false,
                Err(e) => return Err(e),
            };
        if in_place {
            return Ok(());
        }
        let saved = match self.rescue() {
            Ok(at) => format!("what it held is saved in {}", at.display()),
            Err(e) => format!("what it held could not be saved ({e})"),
        };
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "{} was deleted or replaced during the run; the run stopped; {saved}",
                self.path.display()
            ),
        ))
    }

    /// Copies the open journal back to its path when nothing is there (it
    /// was deleted), or next to it (`.jsonl.rescued`) when another file
    /// took its place. Returns where it went.
    fn rescue(&self) -> io::Result<PathBuf> {
        use std::os::fd::AsRawFd;
        let bytes = std::fs::read(format!("/proc/self/fd/{}", self.file.as_raw_fd()))?;
        let mut target = self.path.clone();
        if target.exists() {
            target = self.path.with_extension("jsonl.rescued");
        }
        let mut f = store::private_file_options()
            .write(true)
            .create_new(true)
            .open(&target)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
        Ok(target)
    }

    /// Writes one event durably and returns the line as written.
    pub fn append(&mut self, mut event: Event, at: DateTime<Utc>) -> io::Result<Line> {
        self.check_in_place()?;
        for text in event.texts_mut() {
            *text = self.redactor.redact(text);
        }
        let line = Line::new(self.seq + 1, at, self.last_hash.clone(), event);
        let mut bytes = line.to_text().into_bytes();
        bytes.push(b'\n');
        self.file.write_all(&bytes)?;
        self.file.sync_data()?;
        self.seq = line.seq;
        self.last_hash = line.hash.clone();
        self.write_head()?;
        if let Some(observe) = &mut self.observer {
            observe(&line);
        }
        Ok(line)
    }

    /// The head is replaced atomically (write, rename) and not fsynced: after
    /// a crash it may lag one line behind the journal, never run ahead of it.
    fn write_head(&self) -> io::Result<()> {
        let head = store::head_path(&self.path);
        let tmp = head.with_extension("head.tmp");
        let mut f = store::private_file_options()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&tmp)?;
        f.write_all(format!("{} {}\n", self.seq, self.last_hash).as_bytes())?;
        drop(f);
        std::fs::rename(&tmp, &head)
    }
}
