//! Opening a run for any front end: a new run (journal, engine, lock) or a
//! resumed one (verified journal, replayed engine, same lock rules).

use super::lock::RunLock;
use super::operator;
use crate::i18n::Lang;
use crate::journal::{JournalWriter, Mode, Redactor, store};
use crate::procedure::Procedure;
use crate::run::{Effect, Engine, Msg, RunConfig, RunStatus, SystemClock};
use std::path::PathBuf;

pub struct Options {
    pub file: PathBuf,
    /// The procedure, already loaded and valid, and its file's bytes.
    pub procedure: Procedure,
    pub procedure_bytes: Vec<u8>,
    pub dry_run: bool,
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

pub fn open(opts: &Options) -> Result<OpenRun, String> {
    let procedure_id = opts.procedure.meta.id.clone();
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
    )?;
    let (engine, mut writer, effects, resumed, run_id) = match &opts.resume {
        Some(id) => resume(opts, id)?,
        None => {
            let run_id = store::new_run_id(chrono::Utc::now());
            let path = store::journal_path(&opts.data_dir, &run_id);
            let writer = JournalWriter::create(&path, &run_id, Redactor::default())
                .map_err(|e| format!("cannot create the journal {}: {e}", path.display()))?;
            let cfg = RunConfig {
                run_id: run_id.clone(),
                mode: if opts.dry_run {
                    Mode::Rehearsal
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
            (engine, writer, fx, false, run_id)
        }
    };
    let lock = match RunLock::acquire(&opts.data_dir, &procedure_id, &run_id, opts.force) {
        Ok((lock, _)) => lock,
        Err(e) => {
            if !resumed {
                let _ = std::fs::remove_file(writer.path());
                let _ = std::fs::remove_file(store::head_path(writer.path()));
            }
            return Err(format!(
                "{e}; wait for it to end, or use --force (recorded in the journal)"
            ));
        }
    };
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
    })
}

type Resumed = (Engine, JournalWriter, Vec<Effect>, bool, String);

fn resume(opts: &Options, id: &str) -> Result<Resumed, String> {
    let path = store::find(&opts.data_dir, id)?;
    let run_id = store::run_id_of(&path);
    let (writer, lines, torn) = JournalWriter::reopen(&path, Redactor::default()).map_err(|v| {
        let p = v.first_problem().map(|p| format!("{}: {}", p.kind, p.detail)).unwrap_or_default();
        format!("the journal of {run_id} does not verify ({p}); it cannot be resumed (see `pasos log verify {run_id}`)")
    })?;
    let mut engine = Engine::replay(opts.procedure.clone(), Box::new(SystemClock), &lines)
        .map_err(|e| e.to_string())?;
    let mut fx = Vec::new();
    if let Some(crate::journal::Event::RunStarted {
        procedure_sha256, ..
    }) = lines.first().map(|l| &l.event)
    {
        let sha = crate::journal::line::sha256_hex(&opts.procedure_bytes);
        if *procedure_sha256 != sha {
            if !opts.force {
                return Err(format!(
                    "{} changed since run {run_id} started; resume with --force to go on with the new version (recorded)",
                    opts.file.display()
                ));
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
        return Err(format!(
            "run {run_id} has already finished; nothing to resume"
        ));
    }
    let resumed = engine
        .update(Msg::Resume {
            operator: operator::current(opts.operator.clone()),
            discarded_torn_bytes: torn,
        })
        .map_err(|e| e.to_string())?;
    fx.extend(resumed);
    Ok((engine, writer, fx, true, run_id))
}
