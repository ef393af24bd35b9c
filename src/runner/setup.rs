//! Opening a run for any front end: a new run (journal, engine, lock) or a
//! resumed one (verified journal, replayed engine, same lock rules).

use super::lock::{LockError, RunLock, Taken};
use super::operator;
use super::storage;
use crate::i18n::Lang;
use crate::journal::{JournalWriter, Mode, Redactor, store};
use crate::procedure::Procedure;
use crate::run::{Effect, Engine, Msg, ReplayError, RunConfig, RunStatus, SystemClock};
use crate::tr;
use std::path::PathBuf;

pub struct Options {
    pub file: PathBuf,
    /// The procedure, already loaded and valid, and its file's bytes.
    pub procedure: Procedure,
    pub procedure_bytes: Vec<u8>,
    pub dry_run: bool,
    /// `--unattended`: journaled as a test (`Mode::Test`).
    pub unattended: bool,
    /// Values given before the start (secret ones zeroed when dropped).
    pub vars: super::intake::Values,
    pub env: Option<String>,
    pub operator: Option<String>,
    pub resume: Option<String>,
    pub force: bool,
    pub data_dir: PathBuf,
    pub lang: Lang,
    /// Signing settings (`trust.toml`, `--signing-key`).
    pub trust: crate::trust::Settings,
    /// The team file (roles and keys) approvals are checked against.
    pub team_file: PathBuf,
    /// `--supervised-by NAME` (see `run::supervision`).
    pub supervised_by: Option<String>,
}

/// How a run ended, for the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    Finished(crate::journal::RunOutcome),
    /// Quit or signal: resumable.
    Interrupted,
    /// Could not start (lock held, journal unreadable, bad --var).
    Refused(String),
    /// The journal could not be written: the run stopped.
    JournalFailed(String),
}

pub struct OpenRun {
    pub engine: Engine,
    pub writer: JournalWriter,
    /// Events and effects to carry out first (run-started, defaults, resume).
    pub effects: Vec<Effect>,
    pub resumed: bool,
    pub run_id: String,
    pub lock: RunLock,
    /// Signed (with which key) or not, and why, for the operator.
    pub signing: Signing,
    /// Fingerprints of the operator's own keys (signing key, agent keys):
    /// approvals signed with them are refused.
    pub own_keys: Vec<String>,
}

/// Whether the journal is being signed, in words for the operator.
pub enum Signing {
    Signed {
        label: String,
        status: std::sync::Arc<std::sync::Mutex<crate::trust::recorder::Status>>,
    },
    Unsigned(String),
}

impl Signing {
    /// A failure to sign after the start, for the end of the run.
    pub fn failures(&self, lang: Lang) -> Option<String> {
        let Signing::Signed { status, .. } = self else {
            return None;
        };
        let st = status.lock().unwrap_or_else(|p| p.into_inner()).clone();
        (st.failed > 0).then(|| {
            crate::tr!(
                lang,
                "trust-run-sign-failed",
                count = st.failed,
                why = st.last_error.unwrap_or_default()
            )
        })
    }
}

/// Why a run could not be opened.
#[derive(Debug)]
pub enum NotOpened {
    /// Refused (lock held, journal unreadable or finished, bad input).
    Refused(String),
    /// The data directory cannot be written (disk full, read-only,
    /// permission): the message names the cause.
    Storage(String),
}

impl From<NotOpened> for Ended {
    fn from(n: NotOpened) -> Ended {
        match n {
            NotOpened::Refused(s) => Ended::Refused(s),
            NotOpened::Storage(s) => Ended::JournalFailed(s),
        }
    }
}

/// Opens a new or resumed run. The run lock comes first: nothing touches
/// a journal (not even cutting a torn line) before this process is its
/// only writer.
pub fn open(opts: &Options) -> Result<OpenRun, NotOpened> {
    let procedure_id = opts.procedure.meta.id.clone();
    // What killed processes left behind: their private dirs, free locks.
    super::leftovers::sweep_temp();
    super::leftovers::sweep_locks(
        &opts.data_dir,
        &super::lock::lock_path(&opts.data_dir, &procedure_id),
    );
    let lang = opts.lang;
    let environment = opts
        .env
        .clone()
        .or_else(|| opts.procedure.meta.environment.clone());
    // Before anything is written: a run that must be signed and cannot
    // be leaves no journal behind.
    let choice = crate::trust::choose::choose(
        &opts.trust,
        opts.procedure.meta.criticality,
        environment.as_deref(),
        opts.lang,
    )
    .map_err(NotOpened::Refused)?;
    let (run_id, existing) = match &opts.resume {
        Some(id) => {
            let path = store::find(&opts.data_dir, id)
                .map_err(|e| NotOpened::Refused(crate::i18n::find_error(lang, &e)))?;
            (store::run_id_of(&path), Some(path))
        }
        None => (store::new_run_id(chrono::Utc::now()), None),
    };
    let (lock, taken) = RunLock::acquire(&opts.data_dir, &procedure_id, &run_id, opts.force)
        .map_err(|e| lock_refusal(lang, e))?;
    let (engine, mut writer, mut effects, resumed) = match existing {
        Some(path) => {
            let (e, w, fx) = resume(opts, &path, &run_id)?;
            (e, w, fx, true)
        }
        None => {
            let path = store::journal_path(&opts.data_dir, &run_id);
            let writer = JournalWriter::create(&path, &run_id, Redactor::default())
                .map_err(|e| NotOpened::Storage(storage::describe(lang, &path, &e)))?;
            let cfg = RunConfig {
                run_id: run_id.clone(),
                mode: if opts.dry_run {
                    Mode::Rehearsal
                } else if opts.unattended {
                    Mode::Test
                } else {
                    Mode::Live
                },
                environment: opts.env.clone(),
                operator: operator::current(opts.operator.clone()),
                source: opts.file.display().to_string(),
                procedure_sha256: crate::journal::line::sha256_hex(&opts.procedure_bytes),
                forced: opts.force,
                preset: opts.vars.iter().map(|(name, _)| name.clone()).collect(),
            };
            let (engine, fx) = Engine::start(opts.procedure.clone(), Box::new(SystemClock), cfg);
            (engine, writer, fx, false)
        }
    };
    let mut engine = engine;
    // A takeover is journaled with the holder it replaced.
    let takeover = match &taken {
        Taken::Free => None,
        Taken::Stale(h) => Some(format!(
            "took over the run lock from run {} (pid {} on {}), which ended without releasing it",
            h.run_id, h.pid, h.host
        )),
        Taken::Stopped(h) => Some(format!(
            "took over the run lock with --force from run {} (pid {} on {}), stopped cleanly",
            h.run_id, h.pid, h.host
        )),
    };
    if let Some(text) = takeover
        && let Ok(fx) = engine.update(Msg::Note { step: None, text })
    {
        effects.extend(fx);
    }
    if let Some(name) = opts.supervised_by.clone()
        && let Ok(fx) = engine.update(Msg::Supervise(name))
    {
        effects.extend(fx);
    }
    let mut own_keys = super::people::agent_fingerprints();
    if let crate::trust::choose::Choice::Sign(signer) = &choice {
        own_keys.push(signer.fingerprint());
    }
    let signing = match choice {
        crate::trust::choose::Choice::Sign(signer) => {
            let op = operator::current(opts.operator.clone());
            let label = crate::tr!(
                opts.lang,
                "trust-run-signed",
                key = signer.fingerprint(),
                via = signer.via()
            );
            let facts = crate::trust::recorder::RunFacts {
                journal: writer.path().to_path_buf(),
                run_id: run_id.clone(),
                procedure_sha256: crate::journal::line::sha256_hex(&opts.procedure_bytes),
                operator: op.label(),
                login: op.login(),
                host: op.host.clone(),
                every_events: opts.trust.signing.every_events,
                every_seconds: opts.trust.signing.every_seconds,
            };
            let checkpoints = crate::trust::recorder::Checkpointer::start(signer, facts);
            let status = checkpoints.status();
            writer.observe(move |line| checkpoints.observe(line));
            Signing::Signed { label, status }
        }
        crate::trust::choose::Choice::Unsigned(why) => Signing::Unsigned(why),
    };
    Ok(OpenRun {
        engine,
        writer,
        effects,
        resumed,
        run_id,
        lock,
        signing,
        own_keys,
    })
}

fn lock_refusal(lang: crate::i18n::Lang, e: LockError) -> NotOpened {
    match e {
        LockError::Held(h) => NotOpened::Refused(crate::tr!(
            lang,
            "hardening-lock-held",
            run = h.run_id,
            pid = h.pid.to_string(),
            host = h.host
        )),
        LockError::DidNotStop(h) => NotOpened::Refused(crate::tr!(
            lang,
            "hardening-lock-did-not-stop",
            run = h.run_id,
            pid = h.pid.to_string(),
            host = h.host
        )),
        LockError::Remote(h) => NotOpened::Refused(crate::tr!(
            lang,
            "hardening-lock-remote",
            run = h.run_id,
            pid = h.pid.to_string(),
            host = h.host
        )),
        LockError::Io(path, e) => NotOpened::Storage(storage::describe(lang, &path, &e)),
    }
}

type Resumed = (Engine, JournalWriter, Vec<Effect>);

fn resume(opts: &Options, path: &std::path::Path, run_id: &str) -> Result<Resumed, NotOpened> {
    let run_id = run_id.to_string();
    // A journal that cannot be opened for writing is a storage problem
    // (read-only, permission), not a journal that fails to verify.
    if let Err(e) = store::private_file_options().append(true).open(path) {
        return Err(NotOpened::Storage(storage::describe(opts.lang, path, &e)));
    }
    let (writer, lines, torn) = JournalWriter::reopen(path, Redactor::default()).map_err(|v| {
        let p = v
            .first_problem()
            .map(|p| format!("{}: {}", p.kind, p.detail))
            .unwrap_or_default();
        NotOpened::Refused(tr!(
            opts.lang,
            "run-error-not-verified",
            run = run_id.as_str(),
            problem = p
        ))
    })?;
    let mut engine = Engine::replay(opts.procedure.clone(), Box::new(SystemClock), &lines)
        .map_err(|e| {
            NotOpened::Refused(match e {
                ReplayError::Empty => tr!(opts.lang, "run-error-journal-empty"),
                ReplayError::NotStarted => tr!(opts.lang, "run-error-journal-not-started"),
                ReplayError::WrongProcedure { journal, file } => tr!(
                    opts.lang,
                    "run-error-wrong-procedure",
                    journal = journal,
                    file = file
                ),
            })
        })?;
    let mut fx = Vec::new();
    if let Some(crate::journal::Event::RunStarted {
        procedure_sha256, ..
    }) = lines.first().map(|l| &l.event)
    {
        let sha = crate::journal::line::sha256_hex(&opts.procedure_bytes);
        if *procedure_sha256 != sha {
            if !opts.force {
                return Err(NotOpened::Refused(tr!(
                    opts.lang,
                    "run-error-procedure-changed",
                    file = opts.file.display().to_string(),
                    run = run_id.as_str()
                )));
            }
            fx.extend(
                engine
                    .update(Msg::Note {
                        step: None,
                        text: format!("resumed with a changed procedure file (sha256 {sha})"),
                    })
                    .unwrap_or_default(),
            );
        }
    }
    if matches!(engine.state().status, RunStatus::Finished(_)) {
        return Err(NotOpened::Refused(tr!(
            opts.lang,
            "run-error-already-finished",
            run = run_id.as_str()
        )));
    }
    let resumed = engine
        .update(Msg::Resume {
            operator: operator::current(opts.operator.clone()),
            discarded_torn_bytes: torn,
        })
        .map_err(|r| {
            NotOpened::Refused(tr!(
                opts.lang,
                "run-error-cannot-resume",
                why = crate::i18n::refusal(opts.lang, &r)
            ))
        })?;
    fx.extend(resumed);
    Ok((engine, writer, fx))
}
