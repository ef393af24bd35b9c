//! The bucket's runs, read into the local history: every run's journal
//! segments are listed (month by month, in parallel), the runs whose
//! segments changed since the last time are fetched and put back together
//! into `<data>/remote/runs/YYYY/MM/<run-id>.jsonl` (with a `.head`), where
//! the history reads them beside the local runs (see `store::Scope`).
//!
//! A manifest (`<data>/remote/cache.json`) remembers which segments each
//! cached copy was made of, so only new or grown runs are fetched again;
//! the time of the last refresh lets history commands skip the bucket for
//! `refresh_seconds`.

use super::assemble::{self, Assembled};
use super::client::{Client, RemoteError};
use super::keys::{Piece, SegmentKey};
use crate::journal::store;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use object_store::ObjectMeta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// One object of the bucket, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The key relative to the location's prefix.
    pub rest: String,
    pub key: SegmentKey,
    pub size: u64,
}

/// The bucket's segments, run by run.
pub type Bucket = BTreeMap<String, Vec<Listed>>;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub location: String,
    pub refreshed_at: Option<DateTime<Utc>>,
    /// Run id → the segment keys its cached copy was made of.
    pub runs: BTreeMap<String, Vec<String>>,
}

fn manifest_path(data: &Path) -> PathBuf {
    store::remote_cache_dir(data).join("cache.json")
}

pub fn load_manifest(data: &Path) -> Manifest {
    std::fs::read(manifest_path(data))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        store::create_private_dir_all(dir)?;
    }
    let tmp = path.with_extension("tmp");
    let mut f = store::private_file_options()
        .create(true)
        .write(true)
        .truncate(true)
        .open(&tmp)?;
    f.write_all(bytes)?;
    drop(f);
    std::fs::rename(tmp, path)
}

fn save_manifest(data: &Path, m: &Manifest) -> io::Result<()> {
    write_private(
        &manifest_path(data),
        &serde_json::to_vec(m).map_err(io::Error::other)?,
    )
}

/// The last attempt to read the bucket: when, and why it failed if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub error: Option<String>,
}

/// The last attempt on `location`, if less than `seconds` ago: the history
/// commands then do not read the bucket again (a failed attempt too, so an
/// unreachable bucket costs one timeout per `refresh_seconds`, not one per
/// command).
pub fn recent_attempt(data: &Path, location: &str, seconds: u64) -> Option<Attempt> {
    // Only this small file is read on this path: a warm history command
    // must not pay for the manifest.
    let text = std::fs::read_to_string(store::remote_cache_dir(data).join("refreshed")).ok()?;
    let mut lines = text.lines();
    let (at, loc) = lines.next()?.split_once(' ')?;
    let at: DateTime<Utc> = at.parse().ok()?;
    let age = Utc::now().signed_duration_since(at);
    let recent =
        loc == location && age >= chrono::Duration::zero() && age.num_seconds() < seconds as i64;
    recent.then(|| Attempt {
        at,
        error: lines.next().map(str::to_string),
    })
}

/// Records an attempt (called by [`refresh`], and by callers whose
/// attempt failed before it could start).
pub fn record_attempt(
    data: &Path,
    location: &str,
    at: DateTime<Utc>,
    error: Option<&str>,
) -> io::Result<()> {
    let mut text = format!("{} {location}\n", at.to_rfc3339());
    if let Some(e) = error {
        text.push_str(&e.replace('\n', " "));
        text.push('\n');
    }
    write_private(
        &store::remote_cache_dir(data).join("refreshed"),
        text.as_bytes(),
    )
}

/// Lists every segment of the bucket, month by month in parallel.
pub async fn list_bucket(client: &Client) -> Result<Bucket, RemoteError> {
    let months = client.list_dirs(&client.key("runs")).await?;
    let listed: Vec<Result<Vec<ObjectMeta>, RemoteError>> = futures_util::stream::iter(months)
        .map(|m| async move { client.list(&m).await })
        .buffer_unordered(8)
        .collect()
        .await;
    let strip = if client.location.prefix.is_empty() {
        String::new()
    } else {
        format!("{}/", client.location.prefix)
    };
    let mut out = Bucket::new();
    for month in listed {
        for meta in month? {
            let full = meta.location.as_ref();
            let Some(rest) = full.strip_prefix(&strip) else {
                continue;
            };
            if let Some(key) = SegmentKey::parse(rest) {
                out.entry(key.run_id.clone()).or_default().push(Listed {
                    rest: rest.to_string(),
                    key,
                    size: meta.size,
                });
            }
        }
    }
    for segs in out.values_mut() {
        segs.sort_by(|a, b| a.key.piece.cmp(&b.key.piece));
    }
    Ok(out)
}

/// Fetches the journal segments of one run and puts them together.
pub async fn fetch_journal(client: &Client, segs: &[Listed]) -> Result<Assembled, RemoteError> {
    let journal: Vec<&Listed> = segs
        .iter()
        .filter(|s| matches!(s.key.piece, Piece::Journal { .. }))
        .collect();
    let mut parts = Vec::with_capacity(journal.len());
    for s in journal {
        let bytes = client.get(&client.key(&s.rest)).await?;
        parts.push((s.key.clone(), s.rest.clone(), bytes.to_vec()));
    }
    Ok(assemble::journal(parts))
}

/// The files beside a run's journal, put together from their segments:
/// `(name, bytes)`, each from offset 0 through the segments that follow on
/// (a segment whose bytes do not match its key ends the file there).
pub async fn fetch_side_files(
    client: &Client,
    segs: &[Listed],
) -> Result<Vec<(String, Vec<u8>)>, RemoteError> {
    let mut files: BTreeMap<String, Vec<(u64, &Listed)>> = BTreeMap::new();
    for s in segs {
        if let Piece::File { name, offset } = &s.key.piece {
            files.entry(name.clone()).or_default().push((*offset, s));
        }
    }
    let mut out = Vec::new();
    for (name, mut parts) in files {
        parts.sort_by_key(|(offset, _)| *offset);
        let mut bytes: Vec<u8> = Vec::new();
        for (offset, s) in parts {
            if offset != bytes.len() as u64 {
                continue;
            }
            let got = client.get(&client.key(&s.rest)).await?;
            if !s.key.matches(&got) {
                break;
            }
            bytes.extend_from_slice(&got);
        }
        out.push((name, bytes));
    }
    Ok(out)
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// Runs in the bucket.
    pub runs: usize,
    /// Runs fetched (new or grown since the last refresh).
    pub fetched: usize,
}

/// Writes a run's cached copy: the journal, a `.head` from its last line,
/// and the files beside it.
fn write_copy(
    data: &Path,
    run_id: &str,
    a: &Assembled,
    side: &[(String, Vec<u8>)],
) -> io::Result<()> {
    let cache = store::remote_cache_dir(data);
    let path = store::journal_path(&cache, run_id);
    write_private(&path, &a.bytes)?;
    if let Some(dir) = path.parent() {
        for (name, bytes) in side {
            write_private(&dir.join(format!("{run_id}.{name}")), bytes)?;
        }
    }
    let head = store::head_path(&path);
    match &a.last {
        Some((seq, hash)) => write_private(&head, format!("{seq} {hash}\n").as_bytes()),
        None => match std::fs::remove_file(&head) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

/// Reads the bucket's new and grown runs into the local cache.
pub async fn refresh(client: &Client, data: &Path) -> Result<Refreshed, RemoteError> {
    let started = Utc::now();
    let location = client.location.to_string();
    let bucket = match list_bucket(client).await {
        Ok(b) => b,
        Err(e) => {
            let _ = record_attempt(data, &location, started, Some(&e.detail));
            return Err(e);
        }
    };
    let mut manifest = load_manifest(data);
    if manifest.location != location {
        manifest = Manifest {
            location: location.clone(),
            ..Manifest::default()
        };
    }
    let journal_keys =
        |segs: &[Listed]| -> Vec<String> { segs.iter().map(|s| s.rest.clone()).collect() };
    let stale: Vec<(&String, &Vec<Listed>)> = bucket
        .iter()
        .filter(|(id, segs)| manifest.runs.get(*id) != Some(&journal_keys(segs)))
        .collect();
    type Fetched = Result<(Assembled, Vec<(String, Vec<u8>)>), RemoteError>;
    let fetched: Vec<(String, Fetched)> = futures_util::stream::iter(stale)
        .map(|(id, segs)| async move {
            let got = async {
                let journal = fetch_journal(client, segs).await?;
                let side = fetch_side_files(client, segs).await?;
                Ok((journal, side))
            };
            (id.clone(), got.await)
        })
        .buffer_unordered(32)
        .collect()
        .await;
    let mut out = Refreshed {
        runs: bucket.len(),
        fetched: 0,
    };
    let mut first_error = None;
    for (id, result) in fetched {
        match result {
            Ok((a, side)) => {
                write_copy(data, &id, &a, &side).map_err(|e| RemoteError {
                    detail: e.to_string(),
                    kind: super::client::ErrorKind::Other,
                })?;
                manifest.runs.insert(id.clone(), journal_keys(&bucket[&id]));
                out.fetched += 1;
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    manifest.refreshed_at = Some(started);
    let io_err = |e: io::Error| RemoteError {
        detail: e.to_string(),
        kind: super::client::ErrorKind::Other,
    };
    save_manifest(data, &manifest).map_err(io_err)?;
    if let Some(e) = first_error {
        let _ = record_attempt(data, &location, started, Some(&e.detail));
        return Err(e);
    }
    record_attempt(data, &location, started, None).map_err(io_err)?;
    Ok(out)
}
