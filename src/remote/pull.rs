//! The bucket's runs, read into the local history: every run's journal
//! segments are listed (month by month, in parallel), the runs whose
//! segments changed since the last time are fetched and put back together
//! into `<data>/remote/runs/YYYY/MM/<run-id>.jsonl` (with a `.head`), where
//! the history reads them beside the local runs (see `store::Scope`).
//!
//! A manifest (`<data>/remote/cache.json`) remembers which segments each
//! cached copy was made of, so only new or grown runs are fetched again;
//! the time of the last refresh lets history commands skip the bucket for
//! `refresh_seconds`. The verdict of every copy goes into the remote runs'
//! index ([`super::index`]), which the history reads instead of the copies.
//!
//! Many segments to fetch (a bastion new to the team) are read from packs
//! ([`super::pack`]) where the bucket has them, and what had to be read
//! one by one is left as packs for the next reader.

use super::assemble::{self, Assembled};
use super::client::{Client, RemoteError};
use super::keys::{Piece, SegmentKey};
use super::{index, pack};
use crate::journal::store;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use object_store::ObjectMeta;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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
    /// Packs already read (what they hold was cached then).
    #[serde(default)]
    pub packs: BTreeSet<String>,
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

/// The packs in the bucket (keys relative to the prefix).
pub async fn list_packs(client: &Client) -> Result<Vec<String>, RemoteError> {
    let strip = if client.location.prefix.is_empty() {
        String::new()
    } else {
        format!("{}/", client.location.prefix)
    };
    Ok(client
        .list(&client.key("packs"))
        .await?
        .into_iter()
        .filter_map(|m| {
            let rest = m.location.as_ref().strip_prefix(&strip)?.to_string();
            pack::hash_of(&rest).is_some().then_some(rest)
        })
        .collect())
}

/// Where segments come from: read from packs already, or one GET each.
#[derive(Default)]
struct Source {
    /// Segments found in packs, by key (not yet checked: the assembly
    /// checks every segment against its key).
    packed: HashMap<String, Bytes>,
}

impl Source {
    /// The segment's bytes, and whether it took a GET of its own.
    async fn get(&self, client: &Client, s: &Listed) -> Result<(Bytes, bool), RemoteError> {
        if let Some(b) = self.packed.get(&s.rest)
            && s.key.matches(b)
        {
            return Ok((b.clone(), false));
        }
        Ok((client.get(&client.key(&s.rest)).await?, true))
    }
}

/// Fetches the journal segments of one run and puts them together.
pub async fn fetch_journal(client: &Client, segs: &[Listed]) -> Result<Assembled, RemoteError> {
    journal_from(client, &Source::default(), segs, &mut Vec::new()).await
}

/// The journal of a run from its segments; segments read one by one are
/// added to `fetched`.
async fn journal_from(
    client: &Client,
    source: &Source,
    segs: &[Listed],
    fetched: &mut Vec<(String, Bytes)>,
) -> Result<Assembled, RemoteError> {
    let journal: Vec<&Listed> = segs
        .iter()
        .filter(|s| matches!(s.key.piece, Piece::Journal { .. }))
        .collect();
    let mut parts = Vec::with_capacity(journal.len());
    for s in journal {
        let (bytes, own) = source.get(client, s).await?;
        // Only what holds the bytes its key names is worth a pack.
        if own && s.key.matches(&bytes) {
            fetched.push((s.rest.clone(), bytes.clone()));
        }
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
    side_files_from(client, &Source::default(), segs, &mut Vec::new()).await
}

async fn side_files_from(
    client: &Client,
    source: &Source,
    segs: &[Listed],
    fetched: &mut Vec<(String, Bytes)>,
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
            let (got, own) = source.get(client, s).await?;
            if !s.key.matches(&got) {
                break;
            }
            if own {
                fetched.push((s.rest.clone(), got.clone()));
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
    /// Segments read one GET each (the others came from packs).
    pub gets: usize,
    /// Packs read, and packs written for the next reader.
    pub packs_read: usize,
    pub packs_written: usize,
}

/// Writes a run's cached copy: the journal, a `.head` from its last line,
/// and the files beside it. Its path.
fn write_copy(
    data: &Path,
    run_id: &str,
    a: &Assembled,
    side: &[(String, Vec<u8>)],
) -> io::Result<PathBuf> {
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
        Some((seq, hash)) => write_private(&head, format!("{seq} {hash}\n").as_bytes())?,
        None => match std::fs::remove_file(&head) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        },
    }
    Ok(path)
}

fn local_error(e: io::Error) -> RemoteError {
    RemoteError {
        detail: e.to_string(),
        kind: super::client::ErrorKind::Other,
    }
}

/// Reads the packs not read before, keeping (copied out) the segments in
/// `needed`, up to [`pack::MAX_KEPT`] bytes: past that, segments are read
/// one by one.
async fn read_packs(
    client: &Client,
    packs: &[String],
    needed: &HashSet<&str>,
) -> (HashMap<String, Bytes>, Vec<String>) {
    let mut packed = HashMap::new();
    let mut read = Vec::new();
    let mut kept = 0usize;
    let mut stream = futures_util::stream::iter(packs)
        .map(|p| async move { (p.clone(), client.get(&client.key(p)).await) })
        .buffer_unordered(4);
    while let Some((rest, bytes)) = stream.next().await {
        // A pack that cannot be read now is tried again next time.
        let Ok(bytes) = bytes else { continue };
        read.push(rest);
        for (key, seg) in pack::segments(&bytes) {
            if kept + seg.len() > pack::MAX_KEPT {
                break;
            }
            if needed.contains(key) && !packed.contains_key(key) {
                kept += seg.len();
                packed.insert(key.to_string(), Bytes::copy_from_slice(seg));
            }
        }
    }
    (packed, read)
}

/// Writes a pack, best effort (a reader may lack the right to write).
async fn write_pack(client: &Client, bytes: Vec<u8>) -> bool {
    let key = client.key(&pack::rest_for(&bytes));
    client
        .put_new(&key, Bytes::from(bytes), false)
        .await
        .is_ok()
}

/// Reads the bucket's new and grown runs into the local cache, with the
/// verdict of each copy in the remote runs' index ([`super::index`]).
pub async fn refresh(client: &Client, data: &Path) -> Result<Refreshed, RemoteError> {
    let started = Utc::now();
    let location = client.location.to_string();
    let listed = futures_util::future::join(list_bucket(client), list_packs(client)).await;
    let (bucket, packs) = match listed {
        (Ok(b), packs) => (b, packs.unwrap_or_default()),
        (Err(e), _) => {
            let _ = record_attempt(data, &location, started, Some(&e.detail));
            return Err(e);
        }
    };
    let mut manifest = load_manifest(data);
    let mut index = index::load(data);
    if manifest.location != location {
        manifest = Manifest {
            location: location.clone(),
            ..Manifest::default()
        };
        index = None;
    }
    let mut index = index.unwrap_or_default();
    let journal_keys =
        |segs: &[Listed]| -> Vec<String> { segs.iter().map(|s| s.rest.clone()).collect() };
    let stale: Vec<(&String, &Vec<Listed>)> = bucket
        .iter()
        .filter(|(id, segs)| manifest.runs.get(*id) != Some(&journal_keys(segs)))
        .collect();
    let needed: HashSet<&str> = stale
        .iter()
        .flat_map(|(_, segs)| segs.iter().map(|s| s.rest.as_str()))
        .collect();
    let mut out = Refreshed {
        runs: bucket.len(),
        ..Refreshed::default()
    };
    let mut source = Source::default();
    if needed.len() >= pack::MIN_SEGMENTS {
        let unread: Vec<String> = packs
            .into_iter()
            .filter(|p| !manifest.packs.contains(p))
            .collect();
        let (packed, read) = read_packs(client, &unread, &needed).await;
        out.packs_read = read.len();
        source.packed = packed;
        manifest.packs.extend(read);
    }
    type Fetched = Result<(Assembled, Vec<(String, Vec<u8>)>, Vec<(String, Bytes)>), RemoteError>;
    let source = &source;
    let mut fetching = futures_util::stream::iter(stale)
        .map(|(id, segs)| async move {
            let got: Fetched = async {
                let mut fetched = Vec::new();
                let journal = journal_from(client, source, segs, &mut fetched).await?;
                let side = side_files_from(client, source, segs, &mut fetched).await?;
                Ok((journal, side, fetched))
            }
            .await;
            (id.clone(), got)
        })
        .buffer_unordered(32);
    let mut first_error = None;
    let mut copies: Vec<(String, PathBuf)> = Vec::new();
    let mut packer = pack::Packer::default();
    let mut full: Vec<Vec<u8>> = Vec::new();
    while let Some((id, result)) = fetching.next().await {
        match result {
            Ok((a, side, fetched)) => {
                let path = write_copy(data, &id, &a, &side).map_err(local_error)?;
                manifest.runs.insert(id.clone(), journal_keys(&bucket[&id]));
                copies.push((id, path));
                out.fetched += 1;
                out.gets += fetched.len();
                for (rest, bytes) in fetched {
                    full.extend(packer.add(&rest, &bytes));
                }
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    drop(fetching);
    // Who read many segments one by one leaves them as packs.
    if out.gets >= pack::MIN_SEGMENTS {
        full.extend(packer.finish());
    }
    for p in full {
        out.packs_written += usize::from(write_pack(client, p).await);
    }
    // The verdicts of the new copies, on every core; the others are kept
    // while their segments are the same.
    let verdicts = crate::history::kpi::parallel::map(&copies, |(_, path)| {
        crate::history::scan::examine(path)
    });
    let cache = store::remote_cache_dir(data);
    index.retain(|id, (key, _)| {
        manifest
            .runs
            .get(id)
            .is_some_and(|keys| index::key_of(keys) == *key)
    });
    for ((id, _), verdict) in copies.into_iter().zip(verdicts) {
        let key = index::key_of(&manifest.runs[&id]);
        index.insert(id, (key, verdict));
    }
    // Copies made by an older pasos, or whose entry was lost.
    let missing: Vec<(String, String)> = manifest
        .runs
        .iter()
        .filter(|(id, _)| !index.contains_key(*id))
        .map(|(id, keys)| (id.clone(), index::key_of(keys)))
        .collect();
    let examined = crate::history::kpi::parallel::map(&missing, |(id, _)| {
        crate::history::scan::examine(&store::journal_path(&cache, id))
    });
    for ((id, key), verdict) in missing.into_iter().zip(examined) {
        index.insert(id, (key, verdict));
    }
    manifest.refreshed_at = Some(started);
    // The index before the manifest: a copy the manifest names always has
    // its verdict (a failed write removes the index: the scan then reads
    // the copies themselves).
    let _ = index::save(data, &index);
    save_manifest(data, &manifest).map_err(local_error)?;
    if let Some(e) = first_error {
        let _ = record_attempt(data, &location, started, Some(&e.detail));
        return Err(e);
    }
    record_attempt(data, &location, started, None).map_err(local_error)?;
    Ok(out)
}
