//! The uploader of a live run: a thread of its own with a small
//! current-thread runtime, so the run never waits on the network. First it
//! sends older runs still queued; then every few seconds what the run's
//! journal and the files beside it gained; at the end the rest (the end of
//! the run waits only for that). A failure only leaves the run queued (its
//! state file says why) for the next tick, the next run or `pasos sync`.

use super::client::{self, Client};
use super::config::RemoteConfig;
use super::probe;
use super::upload::{self, PushError, Pushed};
use crate::journal::store;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

/// How often a live run's new lines go out.
pub const TICK: Duration = Duration::from_secs(3);

/// What the uploader did by the time it was asked to finish.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub objects: u64,
    /// Runs of this data dir still not (fully) in the bucket.
    pub queued: usize,
    /// The last failure, if the last attempt failed.
    pub error: Option<String>,
}

pub struct Uploader {
    tx: mpsc::Sender<()>,
    done: mpsc::Receiver<Report>,
}

impl Uploader {
    /// Starts watching `data` for the journals of runs started (or resumed:
    /// `also`) from now on.
    pub fn start(
        config: RemoteConfig,
        data: PathBuf,
        also: Vec<PathBuf>,
    ) -> std::io::Result<Uploader> {
        let (tx, rx) = mpsc::channel::<()>();
        let (done_tx, done) = mpsc::channel();
        let since = SystemTime::now() - Duration::from_secs(1);
        std::thread::Builder::new()
            .name("pasos-upload".into())
            .spawn(move || {
                let report = work(&config, &data, &also, since, &rx);
                let _ = done_tx.send(report);
            })?;
        Ok(Uploader { tx, done })
    }

    /// Tells the uploader the run is over and waits at most `grace` for the
    /// last segments; `None` when it is still busy (what is left stays
    /// queued for `pasos sync`).
    pub fn finish(self, grace: Duration) -> Option<Report> {
        let _ = self.tx.send(());
        self.done.recv_timeout(grace).ok()
    }
}

fn work(
    config: &RemoteConfig,
    data: &Path,
    also: &[PathBuf],
    since: SystemTime,
    rx: &mpsc::Receiver<()>,
) -> Report {
    let mut report = Report::default();
    let Ok(rt) = client::runtime() else {
        report.error = Some("no runtime".into());
        return report;
    };
    let client = match Client::new(config) {
        Ok(c) => c,
        Err(e) => {
            report.error = Some(e.detail);
            return wait_and_count(data, rx, report);
        }
    };
    let location = client.location.to_string();
    // What the bucket enforces decides how to write; probed at most daily.
    let caps = probe::cached(data, &location).or_else(|| {
        let c = rt
            .block_on(probe::probe(&client, config.retention_days))
            .ok()?;
        let _ = probe::remember(data, &c);
        Some(c)
    });
    let look_first = caps.as_ref().is_none_or(|c| c.look_first());
    let client = match caps.as_ref().and_then(|c| c.lock(config.retention_days)) {
        Some(lock) => match rt.block_on(client.clone().with_lock(&lock)) {
            Ok(c) => c,
            Err(_) => client,
        },
        None => client,
    };
    // Older runs still queued (an upload that failed, runs made while
    // offline) go out now, while this run is young, rather than at its end:
    // the end of a run waits only for its own last segments.
    let mut older_queued = 0;
    if let Ok(backlog) = upload::backlog(data) {
        let older: Vec<PathBuf> = backlog
            .into_iter()
            .filter(|j| !also.contains(j) && !changed_since(j, since))
            .collect();
        if !older.is_empty() {
            let sweep = rt.block_on(upload::push_all(&client, data, &older, look_first));
            report.objects += sweep.objects;
            older_queued = sweep.failed.len();
        }
    }
    let mut last_error: Option<String> = None;
    let mut behind: Vec<PathBuf> = Vec::new();
    loop {
        let last = match rx.recv_timeout(TICK) {
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => true,
            Err(mpsc::RecvTimeoutError::Timeout) => false,
        };
        let mut journals: Vec<PathBuf> = also.to_vec();
        for j in started_since(data, since) {
            if !journals.contains(&j) {
                journals.push(j);
            }
        }
        for j in &journals {
            match rt.block_on(upload::push_run(&client, data, j, last, look_first, last)) {
                Pushed::Done { objects } => {
                    report.objects += objects;
                    last_error = None;
                    behind.retain(|b| b != j);
                }
                Pushed::Busy => {}
                Pushed::Failed(e) => {
                    last_error = Some(error_line(&e));
                    if !behind.contains(j) {
                        behind.push(j.clone());
                    }
                }
            }
        }
        if last {
            report.error = last_error;
            report.queued = older_queued + behind.len();
            return report;
        }
    }
}

/// The journal was written to since `since` (a live run's).
fn changed_since(journal: &Path, since: SystemTime) -> bool {
    std::fs::metadata(journal)
        .and_then(|m| m.modified())
        .is_ok_and(|m| m >= since)
}

fn error_line(e: &PushError) -> String {
    e.detail()
}

fn wait_and_count(data: &Path, rx: &mpsc::Receiver<()>, mut report: Report) -> Report {
    let _ = rx.recv();
    report.queued = upload::backlog(data).map_or(0, |b| b.len());
    report
}

/// Journals under this and last month's folders changed since `since`.
fn started_since(data: &Path, since: SystemTime) -> Vec<PathBuf> {
    let now = chrono::Utc::now();
    let earlier = now - chrono::Duration::days(31);
    let mut dirs = Vec::new();
    for t in [earlier, now] {
        let probe_id = format!("{}-0000", t.format("%Y%m%dT%H%M%S%3fZ"));
        if let Some(dir) = store::journal_path(data, &probe_id).parent() {
            let dir = dir.to_path_buf();
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
    }
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "jsonl")
                && e.metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|m| m >= since)
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
