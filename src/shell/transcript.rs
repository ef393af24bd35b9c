//! The transcript: everything the pane showed, as an asciicast v2 file
//! (`<run-id>.cast` next to the journal, mode 0600), redacted. A header
//! line, then one `[seconds, "o", text]` line per output event (and `"r"`
//! for a resize). Byte offsets into the file are handed out so journal
//! events can point at the place where a command's output starts.
//!
//! One command's output is recorded up to a limit (default 16 MiB); past
//! it a single note says how many bytes were left out, so a command that
//! prints gigabytes does not fill the disk.

use super::redact_stream::StreamRedactor;
use crate::journal::Redactor;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const DEFAULT_MAX_COMMAND_BYTES: u64 = 16 * 1024 * 1024;

/// Where and how to record.
#[derive(Debug, Clone)]
pub struct TranscriptConfig {
    pub path: PathBuf,
    /// Output recorded per command; `None` records everything.
    pub max_command_bytes: Option<u64>,
}

impl TranscriptConfig {
    /// `<data>/runs/YYYY/MM/<run-id>.cast`, next to the run's journal.
    pub fn for_run(data_dir: &Path, run_id: &str) -> TranscriptConfig {
        TranscriptConfig {
            path: crate::journal::store::journal_path(data_dir, run_id).with_extension("cast"),
            max_command_bytes: Some(DEFAULT_MAX_COMMAND_BYTES),
        }
    }
}

pub struct Transcript {
    out: BufWriter<File>,
    /// Bytes written to the file so far (buffered ones included).
    offset: u64,
    start: Instant,
    redact: StreamRedactor,
    /// When the oldest held byte arrived, in seconds since the start.
    held_since: Option<f64>,
    /// Output bytes of the current command, recorded or not.
    command_bytes: u64,
    skipped: u64,
    max_command_bytes: Option<u64>,
}

impl Transcript {
    /// Creates (or appends to, after a restart) the file and writes the
    /// header when the file is new.
    pub fn open(
        config: &TranscriptConfig,
        cols: u16,
        rows: u16,
        redactor: Redactor,
        shell: &str,
    ) -> io::Result<Transcript> {
        if let Some(dir) = config.path.parent() {
            crate::journal::store::create_private_dir_all(dir)?;
        }
        let file = crate::journal::store::private_file_options()
            .create(true)
            .append(true)
            .open(&config.path)?;
        let offset = file.metadata()?.len();
        let mut t = Transcript {
            out: BufWriter::with_capacity(64 * 1024, file),
            offset,
            start: Instant::now(),
            redact: StreamRedactor::new(redactor),
            held_since: None,
            command_bytes: 0,
            skipped: 0,
            max_command_bytes: config.max_command_bytes,
        };
        if offset == 0 {
            let header = serde_json::json!({
                "version": 2,
                "width": cols,
                "height": rows,
                "timestamp": chrono::Utc::now().timestamp(),
                "env": {"SHELL": shell, "TERM": super::pty::TERM},
            });
            t.line(&header.to_string())?;
        } else {
            // A restarted shell continues the same file; times go on from
            // the last event so the cast stays ordered.
            t.start -= std::time::Duration::from_secs_f64(last_time(&config.path).unwrap_or(0.0));
        }
        t.out.flush()?;
        Ok(t)
    }

    fn now(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    fn line(&mut self, s: &str) -> io::Result<()> {
        self.out.write_all(s.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.offset += s.len() as u64 + 1;
        Ok(())
    }

    fn event(&mut self, time: f64, kind: &str, data: &str) -> io::Result<()> {
        let data = serde_json::to_string(data).map_err(io::Error::other)?;
        let line = format!("[{time:.6}, \"{kind}\", {data}]");
        self.line(&line)
    }

    /// Records output shown in the pane.
    pub fn output(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.command_bytes += bytes.len() as u64;
        if let Some(max) = self.max_command_bytes
            && self.command_bytes > max
        {
            let over = (self.command_bytes - max).min(bytes.len() as u64);
            self.skipped += over;
            let keep = bytes.len() - over as usize;
            if keep == 0 {
                return Ok(());
            }
            return self.output_recorded(&bytes[..keep]);
        }
        self.output_recorded(bytes)
    }

    fn output_recorded(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.held_since.is_none() {
            self.held_since = Some(self.now());
        }
        let text = self.redact.push(bytes);
        if !text.is_empty() {
            let t = self.held_since.unwrap_or_else(|| self.now());
            self.event(t, "o", &text)?;
        }
        self.held_since = if self.redact.has_held() {
            Some(self.now())
        } else {
            None
        };
        Ok(())
    }

    /// Writes out what is held back (a partial line, except what could
    /// still be the start of a secret) and reports how much
    /// output of the last command was not recorded.
    pub fn flush_held(&mut self) -> io::Result<()> {
        let text = self.redact.flush();
        if !text.is_empty() {
            let t = self.held_since.take().unwrap_or_else(|| self.now());
            self.event(t, "o", &text)?;
        }
        self.held_since = None;
        Ok(())
    }

    /// The output ended (the shell exited): writes out everything held,
    /// an unfinished start of a secret replaced.
    pub fn finish(&mut self) -> io::Result<()> {
        let text = self.redact.finish();
        if !text.is_empty() {
            let t = self.held_since.take().unwrap_or_else(|| self.now());
            self.event(t, "o", &text)?;
        }
        self.held_since = None;
        Ok(())
    }

    /// Whether a partial line has been held for longer than `secs`.
    pub fn held_longer_than(&self, secs: f64) -> bool {
        self.held_since.is_some_and(|t| self.now() - t > secs)
    }

    /// A command starts or ends: everything before it is written, the
    /// per-command limit starts over; returns the offset of what comes next.
    pub fn boundary(&mut self) -> io::Result<u64> {
        self.flush_held()?;
        if self.skipped > 0 {
            let note = format!(
                "\r\n[pasos: {} bytes of output not recorded]\r\n",
                self.skipped
            );
            let t = self.now();
            self.event(t, "o", &note)?;
            self.skipped = 0;
        }
        self.command_bytes = 0;
        Ok(self.offset)
    }

    pub fn resize(&mut self, cols: u16, rows: u16) -> io::Result<()> {
        self.flush_held()?;
        let t = self.now();
        self.event(t, "r", &format!("{cols}x{rows}"))
    }

    pub fn add_secret(&mut self, secret: String) {
        self.redact.add_secret(secret);
    }

    /// Puts buffered lines in the file (not fsynced: the journal is the
    /// record, the transcript the illustration).
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    pub fn offset(&self) -> u64 {
        self.offset
    }
}

impl Drop for Transcript {
    fn drop(&mut self) {
        let _ = self.boundary();
        let _ = self.out.flush();
    }
}

/// The time of the last event of an existing cast file.
fn last_time(path: &Path) -> Option<f64> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    f.seek(SeekFrom::Start(len.saturating_sub(64 * 1024)))
        .ok()?;
    let mut tail = String::new();
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).ok()?;
    tail.push_str(&String::from_utf8_lossy(&buf));
    tail.lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find_map(|v| v.get(0).and_then(|t| t.as_f64()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_events(path: &Path) -> (serde_json::Value, Vec<serde_json::Value>) {
        let text = std::fs::read_to_string(path).unwrap();
        let mut lines = text.lines();
        let header = serde_json::from_str(lines.next().unwrap()).unwrap();
        (
            header,
            lines.map(|l| serde_json::from_str(l).unwrap()).collect(),
        )
    }

    #[test]
    fn cast_is_valid_redacted_and_offsets_point_at_lines() {
        let dir = tempfile::tempdir().unwrap();
        let config = TranscriptConfig {
            path: dir.path().join("r.cast"),
            max_command_bytes: Some(10),
        };
        let mut t = Transcript::open(
            &config,
            80,
            24,
            Redactor::new(["topsecret".to_string()]),
            "bash",
        )
        .unwrap();
        t.output(b"$ ").unwrap();
        let off = t.boundary().unwrap();
        t.output("tops".as_bytes()).unwrap();
        t.output("ecret é\r\n".as_bytes()).unwrap();
        t.output(b"more than ten bytes here\r\n").unwrap();
        t.boundary().unwrap();
        t.resize(100, 30).unwrap();
        t.flush().unwrap();
        let text = std::fs::read_to_string(&config.path).unwrap();
        assert!(text[off as usize..].starts_with("["), "{text}");
        assert!(!text.contains("topsecret"));
        let (header, events) = read_events(&config.path);
        assert_eq!(header["version"], 2);
        assert_eq!(header["width"], 80);
        let datas: Vec<&str> = events.iter().map(|e| e[2].as_str().unwrap()).collect();
        assert_eq!(datas[0], "$ ");
        assert_eq!(datas[1], "[redacted] ");
        assert!(datas[2].contains("bytes of output not recorded"));
        assert_eq!(events.last().unwrap()[1], "r");
        let times: Vec<f64> = events.iter().map(|e| e[0].as_f64().unwrap()).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&config.path)
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        drop(t);
        // A restart appends without a second header.
        let t2 = Transcript::open(&config, 80, 24, Redactor::default(), "bash").unwrap();
        drop(t2);
        let (_, again) = read_events(&config.path);
        assert!(again.len() >= events.len());
    }
}
