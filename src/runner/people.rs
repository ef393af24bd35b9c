//! The other people around a live run, as files beside its journal that
//! the runner looks at once a second (no extra process):
//!
//! - `<run>.approvals/*.approval`: signed approvals (`pasos approve`),
//!   plus `<data>/approvals/<procedure>/` for change windows; each is
//!   verified (`trust::approval::check`) and journaled, granted or refused;
//! - `<run>.handoff`: a handoff asked by `pasos handoff` from another
//!   session; the runner journals it and ends the session;
//! - `<run>.watchers/*.watcher`: who is watching (`pasos watch`), shown in
//!   the header; a watcher whose process is gone is not counted.

use crate::journal::{Approval, ApprovalRefusal, Event};
use crate::run::{Engine, Msg};
use crate::trust::approval::{self, Context, Signed};
use crate::trust::team::Team;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A handoff asked from another session.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HandoffRequest {
    pub to: String,
    pub note: String,
}

/// A watcher's announcement.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WatcherNote {
    pub name: String,
    pub pid: u32,
    pub host: String,
}

pub fn handoff_path(journal: &Path) -> PathBuf {
    journal.with_extension("handoff")
}

pub fn watchers_dir(journal: &Path) -> PathBuf {
    journal.with_extension("watchers")
}

/// Writes `text` to `path` through a temporary file and a rename.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp-write");
    let mut f = crate::journal::store::private_file_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// The live watchers of a run (their processes still exist on this host).
pub fn watchers(journal: &Path) -> Vec<WatcherNote> {
    let host = super::operator::hostname();
    let Ok(rd) = std::fs::read_dir(watchers_dir(journal)) else {
        return Vec::new();
    };
    let mut out: Vec<WatcherNote> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "watcher"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|t| serde_json::from_str::<WatcherNote>(&t).ok())
        .filter(|w| w.host != host || alive(w.pid))
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.dedup_by(|a, b| a.name == b.name);
    out
}

fn alive(pid: u32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    let r = unsafe { libc::kill(pid as libc::pid_t, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Fingerprints of the keys the operator's own agent holds: an approval
/// signed with any of them is the operator approving themselves.
pub fn agent_fingerprints() -> Vec<String> {
    let Some(sock) = std::env::var_os("SSH_AUTH_SOCK").filter(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let Ok(mut client) = ssh_agent_client_rs::Client::connect(Path::new(&sock)) else {
        return Vec::new();
    };
    client
        .list_all_identities()
        .map(|ids| {
            ids.into_iter()
                .filter_map(|i| match i {
                    ssh_agent_client_rs::Identity::PublicKey(k) => {
                        Some(crate::trust::team::fingerprint(&k))
                    }
                    ssh_agent_client_rs::Identity::Certificate(_) => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What the runner watches for.
pub struct People {
    journal: PathBuf,
    dirs: Vec<PathBuf>,
    team: Result<Team, String>,
    own_keys: Vec<String>,
    /// Files already dealt with in this session.
    done: HashSet<PathBuf>,
    /// The missing team file was already reported.
    told: bool,
    /// Whether the supervisor was watching at the last look.
    supervisor_watching: bool,
}

/// What one look found.
#[derive(Debug, Default)]
pub struct Found {
    /// Messages for the engine: approvals granted and refused.
    pub msgs: Vec<Msg>,
    /// A handoff asked from another session.
    pub handoff: Option<HandoffRequest>,
    /// Something the operator should read (the team file is missing).
    pub warning: Option<String>,
}

impl People {
    pub fn new(
        journal: &Path,
        data_dir: &Path,
        procedure_id: &str,
        team_file: &Path,
        own_keys: Vec<String>,
    ) -> People {
        let team = if team_file.exists() {
            Team::read(team_file)
        } else {
            Err(team_file.display().to_string())
        };
        People {
            journal: journal.to_path_buf(),
            dirs: vec![
                approval::run_dir(journal),
                approval::window_dir(data_dir, procedure_id),
            ],
            team,
            own_keys,
            done: HashSet::new(),
            told: false,
            supervisor_watching: false,
        }
    }

    pub fn journal(&self) -> &Path {
        &self.journal
    }

    /// Looks once: new approvals (checked against the engine's run), and
    /// a handoff request (taken: its file is removed).
    pub fn look(&mut self, engine: &Engine, lang: crate::i18n::Lang) -> Found {
        let mut found = Found::default();
        if let Some(sup) = engine.supervisor() {
            let watching = watchers(&self.journal)
                .iter()
                .any(|w| crate::journal::supervision::same_person(sup, &w.name));
            if watching != self.supervisor_watching {
                self.supervisor_watching = watching;
                found.msgs.push(Msg::SupervisorWatching(watching));
            }
        }
        let hp = handoff_path(&self.journal);
        if let Ok(text) = std::fs::read_to_string(&hp) {
            let _ = std::fs::remove_file(&hp);
            found.handoff = serde_json::from_str(&text).ok();
        }
        let files: Vec<PathBuf> = approval::pending(&self.dirs)
            .into_iter()
            .filter(|p| !self.done.contains(p))
            .collect();
        if files.is_empty() {
            return found;
        }
        let team = match &self.team {
            Ok(t) => t,
            Err(path) => {
                if !self.told {
                    self.told = true;
                    found.warning =
                        Some(crate::tr!(lang, "team-no-team-file", path = path.clone()));
                }
                return found;
            }
        };
        let state = engine.state();
        let operator = state.operator.label();
        // A critical step of a supervised run also asks its supervisor,
        // whatever role the team file gives them.
        let asked = |step: Option<&str>| {
            let mut roles = engine.asked_roles(step);
            if let Some(sup) = engine.supervisor()
                && let Some(item) = step.and_then(|s| engine.item(s))
                && engine.needs_supervision(item)
            {
                for m in team
                    .members
                    .iter()
                    .filter(|m| crate::journal::supervision::same_person(sup, &m.name))
                {
                    roles.extend(m.roles.iter().cloned());
                }
            }
            roles
        };
        let cx = Context {
            procedure: &engine.procedure().meta.id,
            run: &state.run_id,
            now: engine.now(),
            team,
            own_keys: &self.own_keys,
            operator: &operator,
            asked: &asked,
        };
        for path in files {
            self.done.insert(path.clone());
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let signed = match Signed::parse(&text) {
                Ok(s) => s,
                Err(_) => Signed {
                    text,
                    signature: String::new(),
                },
            };
            let id = signed.id();
            if engine.approval_seen(&id) {
                continue;
            }
            match approval::check(&signed, &cx) {
                Ok(v) => {
                    // A window approval holds for its window: a run id
                    // approval only for its run.
                    let window = v.request.run.is_none();
                    found.msgs.push(Msg::Approve(Approval {
                        step: v.request.step.clone(),
                        role: v.request.role.clone(),
                        approver: v.approver,
                        key: v.fingerprint,
                        note: v.request.note.clone(),
                        signed_at: v
                            .request
                            .time
                            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                        window,
                        text: signed.text.clone(),
                        signature: signed.signature.trim().to_string(),
                    }))
                }
                Err(r) => {
                    // Window approvals for other runs or other times are
                    // not this run's business: left alone, not journaled.
                    let from_window = !path.starts_with(&self.dirs[0]);
                    if from_window
                        && matches!(
                            r.problem,
                            approval::Problem::OutsideWindow
                                | approval::Problem::OtherRun
                                | approval::Problem::NotAsked
                        )
                    {
                        continue;
                    }
                    found.msgs.push(Msg::RefuseApproval(ApprovalRefusal {
                        step: r.step,
                        role: r.role,
                        approver: r.approver,
                        key: r.fingerprint,
                        problem: r.problem.word().to_string(),
                        signature_sha256: id,
                    }))
                }
            }
        }
        found
    }
}

/// What the operator reads when the engine journaled an approval event.
pub fn said(lang: crate::i18n::Lang, e: &Event) -> Option<(String, bool)> {
    use crate::tr;
    match e {
        Event::ApprovalGranted(a) => Some((
            match &a.step {
                Some(s) => tr!(
                    lang,
                    "team-approval-granted",
                    step = s.as_str(),
                    approver = a.approver.as_str(),
                    role = a.role.as_str()
                ),
                None => tr!(
                    lang,
                    "team-run-approval-granted",
                    approver = a.approver.as_str(),
                    role = a.role.as_str()
                ),
            },
            false,
        )),
        Event::ApprovalRefused(r) => Some((
            tr!(
                lang,
                "team-approval-refused",
                approver = r
                    .approver
                    .clone()
                    .or_else(|| r.key.clone())
                    .unwrap_or_else(|| tr!(lang, "team-unknown-person")),
                problem = crate::history::people::problem(lang, &r.problem)
            ),
            true,
        )),
        _ => None,
    }
}
