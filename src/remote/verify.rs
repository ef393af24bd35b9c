//! `pasos log verify --remote`: every run in the bucket, read back object by
//! object. For each: segments whose bytes no longer match their key
//! (changed), lines in no segment (deleted), the hash chain over what is
//! there, and, against this bastion's own records, objects it uploaded that
//! are gone and lines it has that the bucket lacks. Runs this bastion has
//! and never uploaded are named too.

use super::assemble::SegmentProblem;
use super::client::{Client, RemoteError};
use super::keys::Piece;
use super::pull::{self, Listed};
use super::sent;
use crate::journal::store;
use crate::journal::verify::{read_head, verify_bytes};
use futures_util::StreamExt;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    Segment(SegmentProblem),
    /// The chain over the lines that are there does not hold (kind, line).
    Chain {
        kind: String,
        line: Option<usize>,
        detail: String,
    },
    /// A file beside the journal: an object whose bytes are not its key's.
    FileChanged {
        key: String,
    },
    /// This bastion uploaded lines up to `uploaded`; the bucket has up to
    /// `remote`.
    LinesGone {
        uploaded: u64,
        remote: u64,
    },
    /// This bastion uploaded `uploaded` bytes of a side file; fewer are there.
    FileGone {
        name: String,
        uploaded: u64,
        remote: u64,
    },
    /// A run this bastion uploaded (or saw in the bucket before) is not
    /// there at all.
    RunGone,
    /// The bucket is behind this bastion's journal (not uploaded yet).
    Behind {
        local: u64,
        remote: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunCheck {
    pub run_id: String,
    /// Journal lines found in the bucket.
    pub lines: u64,
    /// Objects of the run in the bucket.
    pub objects: usize,
    pub findings: Vec<Finding>,
}

impl RunCheck {
    pub fn intact(&self) -> bool {
        self.findings
            .iter()
            .all(|f| matches!(f, Finding::Behind { .. }))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub runs: Vec<RunCheck>,
    /// Local runs with nothing in the bucket and no upload ever made.
    pub never_uploaded: Vec<String>,
}

impl Report {
    pub fn failed(&self) -> usize {
        self.runs.iter().filter(|r| !r.intact()).count()
    }
}

async fn check_run(
    client: &Client,
    data: &Path,
    run_id: &str,
    segs: &[Listed],
) -> Result<RunCheck, RemoteError> {
    let mut findings = Vec::new();
    let assembled = pull::fetch_journal(client, segs).await?;
    findings.extend(assembled.problems.iter().cloned().map(Finding::Segment));
    let v = verify_bytes(&assembled.bytes, run_id, assembled.last.clone());
    for p in &v.problems {
        findings.push(Finding::Chain {
            kind: p.kind.to_string(),
            line: p.line,
            detail: p.detail.clone(),
        });
    }
    let remote_seq = assembled.last.as_ref().map_or(0, |l| l.0);
    // Side files: every object must hold the bytes its key names.
    let mut file_bytes: BTreeMap<String, u64> = BTreeMap::new();
    for s in segs {
        if let Piece::File { name, offset } = &s.key.piece {
            let bytes = client.get(&client.key(&s.rest)).await?;
            if s.key.matches(&bytes) {
                let end = offset + bytes.len() as u64;
                let e = file_bytes.entry(name.clone()).or_default();
                if *offset <= *e {
                    *e = (*e).max(end);
                }
            } else {
                findings.push(Finding::FileChanged {
                    key: s.rest.clone(),
                });
            }
        }
    }
    // What this bastion knows it uploaded.
    if let Some(state) = sent::load(data, run_id) {
        if state.journal_seq > remote_seq {
            findings.push(Finding::LinesGone {
                uploaded: state.journal_seq,
                remote: remote_seq,
            });
        }
        for (name, uploaded) in &state.files {
            let remote = file_bytes.get(name).copied().unwrap_or(0);
            if *uploaded > remote {
                findings.push(Finding::FileGone {
                    name: name.clone(),
                    uploaded: *uploaded,
                    remote,
                });
            }
        }
    }
    let local = store::journal_path(data, run_id);
    if let Some((local_seq, _)) = read_head(&local)
        && local_seq > remote_seq
        && !findings
            .iter()
            .any(|f| matches!(f, Finding::LinesGone { .. }))
    {
        findings.push(Finding::Behind {
            local: local_seq,
            remote: remote_seq,
        });
    }
    Ok(RunCheck {
        run_id: run_id.to_string(),
        lines: remote_seq,
        objects: segs.len(),
        findings,
    })
}

/// Verifies every run in the bucket, and this bastion's runs against it.
pub async fn verify(client: &Client, data: &Path) -> Result<Report, RemoteError> {
    let bucket = pull::list_bucket(client).await?;
    let checks: Vec<Result<RunCheck, RemoteError>> = futures_util::stream::iter(bucket.iter())
        .map(|(id, segs)| async move { check_run(client, data, id, segs).await })
        .buffer_unordered(16)
        .collect()
        .await;
    let mut report = Report::default();
    for c in checks {
        report.runs.push(c?);
    }
    // Runs known to have been in the bucket that are not there now.
    let mut gone: Vec<String> = sent::all(data)
        .into_iter()
        .filter(|(id, s)| s.journal_seq > 0 && !bucket.contains_key(id))
        .map(|(id, _)| id)
        .collect();
    for id in pull::load_manifest(data).runs.into_keys() {
        if !bucket.contains_key(&id) && !gone.contains(&id) {
            gone.push(id);
        }
    }
    for id in gone {
        report.runs.push(RunCheck {
            run_id: id,
            lines: 0,
            objects: 0,
            findings: vec![Finding::RunGone],
        });
    }
    report.runs.sort_by(|a, b| a.run_id.cmp(&b.run_id));
    let states = sent::all(data);
    if let Ok(local) = store::list(data) {
        for j in local {
            let id = store::run_id_of(&j);
            if !bucket.contains_key(&id) && states.get(&id).is_none_or(|s| s.journal_seq == 0) {
                report.never_uploaded.push(id);
            }
        }
    }
    Ok(report)
}
