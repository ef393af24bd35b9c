//! Sending a local run's new segments to the bucket, create-only, moving
//! its state file forward after each one the bucket took. A failure stops
//! the run's upload where it is (the next segment must not skip one) and
//! is written into the state, for `pasos log list` and the next attempt.

use super::client::{Client, Put, RemoteError};
use super::segment::{self, SegmentError};
use super::sent::{self, Sent};
use crate::journal::store;
use bytes::Bytes;
use futures_util::StreamExt;
use std::path::{Path, PathBuf};

/// How one run's upload went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    /// Objects written (0: nothing was new).
    Done {
        objects: u64,
    },
    /// Another uploader holds the run (its own `pasos run`, a `sync`).
    Busy,
    Failed(PushError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushError {
    Remote(RemoteError),
    /// The local files could not be read or the state not written.
    Local(String),
    /// The local journal no longer continues what was uploaded: it was
    /// edited or cut after upload. Nothing more is sent.
    Diverged(segment::Diverged),
}

impl PushError {
    /// One line for a listing and the state file.
    pub fn detail(&self) -> String {
        match self {
            PushError::Remote(e) => e.detail.clone(),
            PushError::Local(e) => e.clone(),
            PushError::Diverged(segment::Diverged::Shorter { uploaded, now }) => {
                format!("local journal is {now} bytes, {uploaded} were uploaded")
            }
            PushError::Diverged(segment::Diverged::Renumbered { expected, found }) => format!(
                "local journal does not continue the upload: seq {expected} expected, {} found",
                found.map_or_else(|| "none".to_string(), |f| f.to_string())
            ),
        }
    }
}

/// Sends what `journal`'s run has beyond its state. `whole`: the run is
/// over, send the side files to their last byte. `wait`: wait for another
/// uploader of the same run instead of leaving it to them.
pub async fn push_run(
    client: &Client,
    data: &Path,
    journal: &Path,
    whole: bool,
    look_first: bool,
    wait: bool,
) -> Pushed {
    let run_id = store::run_id_of(journal);
    let _lock = match sent::lock(data, &run_id, wait) {
        Ok(Some(l)) => l,
        Ok(None) => return Pushed::Busy,
        Err(e) => return Pushed::Failed(PushError::Local(e.to_string())),
    };
    let mut state = sent::load(data, &run_id).unwrap_or_default();
    let segments = match segment::pending(journal, &state, whole) {
        Ok(s) => s,
        Err(SegmentError::Io(e)) => {
            return fail(data, &run_id, state, PushError::Local(e.to_string()));
        }
        Err(SegmentError::Diverged(d)) => {
            return fail(data, &run_id, state, PushError::Diverged(d));
        }
    };
    let mut objects = 0;
    for seg in segments {
        let key = client.key(&seg.key.rest());
        match client
            .put_new(&key, Bytes::from(seg.bytes), look_first)
            .await
        {
            Ok(put) => {
                if put == Put::Created {
                    objects += 1;
                    state.objects += 1;
                }
                state.apply(&seg.advance);
                if let Err(e) = sent::save(data, &run_id, &state) {
                    return Pushed::Failed(PushError::Local(e.to_string()));
                }
            }
            Err(e) => return fail(data, &run_id, state, PushError::Remote(e)),
        }
    }
    if state.error.is_some() || sent::load(data, &run_id).is_none() {
        state.error = None;
        if let Err(e) = sent::save(data, &run_id, &state) {
            return Pushed::Failed(PushError::Local(e.to_string()));
        }
    }
    Pushed::Done { objects }
}

fn fail(data: &Path, run_id: &str, mut state: Sent, e: PushError) -> Pushed {
    state.error = Some(e.detail());
    let _ = sent::save(data, run_id, &state);
    Pushed::Failed(e)
}

/// The local journals with something not in the bucket yet.
pub fn backlog(data: &Path) -> std::io::Result<Vec<PathBuf>> {
    let states = sent::all(data);
    Ok(store::list(data)?
        .into_iter()
        .filter(|j| segment::behind(j, states.get(&store::run_id_of(j))))
        .collect())
}

/// What a sweep over many runs did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sweep {
    pub runs: usize,
    pub objects: u64,
    /// `(run id, why)` for every run still behind.
    pub failed: Vec<(String, String)>,
}

/// Sends every run of the backlog, a few at a time.
pub async fn push_all(
    client: &Client,
    data: &Path,
    journals: &[PathBuf],
    look_first: bool,
) -> Sweep {
    let results: Vec<(String, Pushed)> = futures_util::stream::iter(journals.iter())
        .map(|j| async move {
            (
                store::run_id_of(j),
                push_run(client, data, j, true, look_first, true).await,
            )
        })
        .buffer_unordered(8)
        .collect()
        .await;
    let mut sweep = Sweep::default();
    for (id, pushed) in results {
        match pushed {
            Pushed::Done { objects } => {
                sweep.runs += 1;
                sweep.objects += objects;
            }
            Pushed::Busy => sweep.failed.push((id, "busy".into())),
            Pushed::Failed(e) => sweep.failed.push((id, e.detail())),
        }
    }
    sweep.failed.sort();
    sweep
}
