//! Signing while the run goes on, off the hot path: the journal writer
//! hands every line it appended to [`Checkpointer::observe`] (a channel
//! send), and a thread of its own decides when to sign — at the run's
//! start, at every step outcome, at the end, and otherwise every N events
//! or M seconds — hashes what the transcript grew by, asks the agent or the
//! key for the signature and writes the two files. The operator never
//! waits for the agent; a signature that fails is counted and the next
//! checkpoint covers the lines again.

use super::checkpoint::{Checkpoint, Reason};
use super::coverage::{Coverage, cast_path};
use super::signer::Signer;
use super::store;
use crate::journal::{Event, Line};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What every checkpoint of this run says besides the journal's head.
#[derive(Debug, Clone)]
pub struct RunFacts {
    pub journal: PathBuf,
    pub run_id: String,
    pub procedure_sha256: String,
    pub operator: String,
    pub login: String,
    pub host: String,
    pub every_events: u64,
    pub every_seconds: u64,
}

/// How signing went so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub signed: u64,
    pub failed: u64,
    /// The seq of the last checkpoint written.
    pub last_seq: u64,
    pub last_error: Option<String>,
}

enum Note {
    Line {
        seq: u64,
        hash: String,
        reason: Option<Reason>,
    },
    Stop,
}

pub struct Checkpointer {
    tx: mpsc::Sender<Note>,
    handle: Option<JoinHandle<()>>,
    status: Arc<Mutex<Status>>,
}

/// The checkpoint a journal event calls for, if any.
pub fn reason_for(event: &Event) -> Option<Reason> {
    match event {
        Event::RunStarted { .. } | Event::RunResumed { .. } => Some(Reason::Start),
        Event::StepFinished { .. } => Some(Reason::Step),
        Event::RunInterrupted { .. } => Some(Reason::Interrupted),
        Event::RunFinished { .. } => Some(Reason::End),
        _ => None,
    }
}

fn rank(r: Option<Reason>) -> u8 {
    match r {
        None | Some(Reason::Interval) => 0,
        Some(Reason::Start) => 1,
        Some(Reason::Step) => 2,
        Some(Reason::Interrupted) => 3,
        Some(Reason::End) => 4,
    }
}

impl Checkpointer {
    pub fn start(signer: Signer, facts: RunFacts) -> Checkpointer {
        let (tx, rx) = mpsc::channel();
        let status = Arc::new(Mutex::new(Status::default()));
        let shared = status.clone();
        let handle = std::thread::Builder::new()
            .name("pasos-checkpoints".into())
            .spawn(move || Worker::new(signer, facts, shared).run(rx))
            .ok();
        Checkpointer { tx, handle, status }
    }

    /// Called for every line appended, right after its fsync.
    pub fn observe(&self, line: &Line) {
        let _ = self.tx.send(Note::Line {
            seq: line.seq,
            hash: line.hash.clone(),
            reason: reason_for(&line.event),
        });
    }

    pub fn status(&self) -> Arc<Mutex<Status>> {
        self.status.clone()
    }

    /// Signs what is pending and waits for the thread.
    pub fn finish(&mut self) {
        let _ = self.tx.send(Note::Stop);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.finish();
    }
}

struct Worker {
    signer: Signer,
    facts: RunFacts,
    status: Arc<Mutex<Status>>,
    coverage: Option<Coverage>,
    latest: Option<(u64, String)>,
    pending: u64,
    reason: Option<Reason>,
    last_signed: Instant,
}

impl Worker {
    fn new(signer: Signer, facts: RunFacts, status: Arc<Mutex<Status>>) -> Worker {
        Worker {
            signer,
            facts,
            status,
            coverage: None,
            latest: None,
            pending: 0,
            reason: None,
            last_signed: Instant::now(),
        }
    }

    /// The transcript's coverage, picked up from the last checkpoint of a
    /// resumed run.
    fn coverage(&mut self) -> &mut Coverage {
        let cast = cast_path(&self.facts.journal);
        self.coverage.get_or_insert_with(|| {
            let from = store::last_message(&self.facts.journal)
                .and_then(|m| Checkpoint::parse(&m).ok())
                .map(|c| c.transcript_len)
                .unwrap_or(0);
            Coverage::resume(&cast, from).unwrap_or_else(|_| Coverage::new(&cast))
        })
    }

    fn run(mut self, rx: mpsc::Receiver<Note>) {
        let every = Duration::from_secs(self.facts.every_seconds.max(1));
        loop {
            let wait = if self.pending > 0 {
                every.saturating_sub(self.last_signed.elapsed())
            } else {
                Duration::from_secs(3600)
            };
            let mut stop = false;
            match rx.recv_timeout(wait) {
                Ok(note) => {
                    stop |= self.take(note);
                    // Lines that arrived meanwhile go in the same checkpoint.
                    while let Ok(n) = rx.try_recv() {
                        stop |= self.take(n);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => stop = true,
            }
            let due = self.reason.is_some()
                || self.pending >= self.facts.every_events.max(1)
                || self.last_signed.elapsed() >= every;
            if self.pending > 0 && (due || stop) {
                self.sign();
            }
            if stop {
                return;
            }
        }
    }

    fn take(&mut self, note: Note) -> bool {
        match note {
            Note::Line { seq, hash, reason } => {
                self.latest = Some((seq, hash));
                self.pending += 1;
                if rank(reason) > rank(self.reason) {
                    self.reason = reason;
                }
                false
            }
            Note::Stop => true,
        }
    }

    fn sign(&mut self) {
        let Some((seq, head)) = self.latest.clone() else {
            return;
        };
        let reason = self.reason.take().unwrap_or(Reason::Interval);
        let result = self.sign_at(seq, head, reason);
        self.last_signed = Instant::now();
        let mut st = self.status.lock().unwrap_or_else(|p| p.into_inner());
        match result {
            Ok(()) => {
                self.pending = 0;
                st.signed += 1;
                st.last_seq = seq;
            }
            Err(e) => {
                st.failed += 1;
                st.last_error = Some(e);
            }
        }
    }

    fn sign_at(&mut self, seq: u64, head: String, reason: Reason) -> Result<(), String> {
        // Coverage moves on only once the checkpoint is on disk, so a failed
        // signature leaves no gap between chunks.
        let mut coverage = self.coverage().clone();
        let mark = coverage.advance().map_err(|e| e.to_string())?;
        let c = Checkpoint {
            run_id: self.facts.run_id.clone(),
            seq,
            head,
            procedure_sha256: self.facts.procedure_sha256.clone(),
            transcript_len: mark.len,
            transcript_sha256: mark.sha256,
            chunk: mark.chunk,
            operator: self.facts.operator.clone(),
            login: self.facts.login.clone(),
            host: self.facts.host.clone(),
            time: crate::journal::writer::format_ts(chrono::Utc::now()),
            reason: Some(reason),
            key: self.signer.fingerprint(),
        };
        let msg = c.to_message();
        let sig = self
            .signer
            .sign(msg.as_bytes())
            .map_err(|e| e.to_string())?;
        store::write(&self.facts.journal, seq, &msg, &sig).map_err(|e| e.to_string())?;
        self.coverage = Some(coverage);
        Ok(())
    }
}
