//! Generated journals for the KPI tests and benchmark: real hash-chained
//! journals, written line by line as `JournalWriter` writes them
//! (`Line::new(..).to_text()` + newline, then the `.head` with the last
//! seq and hash), without the fsync per event, so thousands are quick to
//! make. Included with `#[path = "support/journal_gen.rs"] mod journal_gen;`.

#![allow(dead_code)] // the tests and the benchmark use different parts

use chrono::{DateTime, Duration, TimeZone, Utc};
use pasos::journal::line::{Line, genesis};
use pasos::journal::{Event, Mode, Operator, Profile, RunOutcome, StepOutcome, StepProfile, store};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A UTC time from its parts.
pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

/// A profile with these (id, phase, estimate) steps.
pub fn profile(incident: bool, steps: &[(&str, &str, Option<&str>)]) -> Profile {
    Profile {
        category: Some(if incident { "incident" } else { "deployment" }.into()),
        frequency: Some(if incident { "emergency" } else { "on-demand" }.into()),
        criticality: Some("alta".into()),
        estimate: None,
        rto: None,
        incident,
        steps: steps
            .iter()
            .map(|(id, phase, estimate)| StepProfile {
                id: id.to_string(),
                title: format!("Step {id}"),
                phase: phase.to_string(),
                estimate: estimate.map(str::to_string),
            })
            .collect(),
        ..Profile::default()
    }
}

/// What `run-started` says.
#[derive(Clone)]
pub struct RunSpec {
    pub procedure_id: String,
    pub title: String,
    pub version: String,
    pub source: String,
    pub environment: Option<String>,
    pub rehearsal: bool,
    /// `--operator NAME`.
    pub operator: Option<String>,
    pub user: String,
    pub profile: Profile,
}

impl RunSpec {
    pub fn new(procedure_id: &str, version: &str, profile: Profile) -> RunSpec {
        RunSpec {
            procedure_id: procedure_id.into(),
            title: format!("Procedure {procedure_id}"),
            version: version.into(),
            source: format!("{procedure_id}.toml"),
            environment: Some("prod".into()),
            rehearsal: false,
            operator: None,
            user: "oncall".into(),
            profile,
        }
    }

    pub fn operator(mut self, name: &str) -> Self {
        self.operator = Some(name.into());
        self
    }

    pub fn env(mut self, env: &str) -> Self {
        self.environment = Some(env.into());
        self
    }

    pub fn rehearsal(mut self) -> Self {
        self.rehearsal = true;
        self
    }

    pub fn source(mut self, source: &str) -> Self {
        self.source = source.into();
        self
    }
}

/// A journal being written: events at a clock that only moves forward.
pub struct Journal {
    pub path: PathBuf,
    pub run_id: String,
    now: DateTime<Utc>,
    seq: u64,
    prev: String,
    text: String,
}

impl Journal {
    /// Starts the journal of a run started at `start`, under `data`.
    pub fn start(data: &Path, start: DateTime<Utc>, spec: &RunSpec) -> Journal {
        // A deterministic suffix: the same spec and start give the same id.
        let suffix =
            (spec.procedure_id.len() * 31 + spec.version.len() * 7 + spec.user.len()) & 0xffff;
        Self::start_with_suffix(data, start, spec, suffix)
    }

    /// The same, with the run id's suffix given (to tell apart runs that
    /// start in the same millisecond).
    pub fn start_with_suffix(
        data: &Path,
        start: DateTime<Utc>,
        spec: &RunSpec,
        suffix: usize,
    ) -> Journal {
        let run_id = format!(
            "{}-{:04x}",
            start.format("%Y%m%dT%H%M%S%3fZ"),
            suffix & 0xffff
        );
        let mut j = Journal {
            path: store::journal_path(data, &run_id),
            run_id: run_id.clone(),
            now: start,
            seq: 0,
            prev: genesis(&run_id),
            text: String::new(),
        };
        j.push(Event::RunStarted {
            run_id,
            procedure_id: spec.procedure_id.clone(),
            procedure_title: spec.title.clone(),
            version: spec.version.clone(),
            procedure_sha256: "0".repeat(64),
            source: spec.source.clone(),
            environment: spec.environment.clone(),
            mode: if spec.rehearsal {
                Mode::Rehearsal
            } else {
                Mode::Live
            },
            operator: Operator {
                user: spec.user.clone(),
                host: "bastion".into(),
                ssh: Some("10.0.0.7 51234 22".into()),
                name: spec.operator.clone(),
            },
            forced: false,
            profile: Box::new(spec.profile.clone()),
        });
        j
    }

    /// Appends one event at the current time.
    pub fn push(&mut self, event: Event) -> &mut Self {
        self.seq += 1;
        let line = Line::new(self.seq, self.now, self.prev.clone(), event);
        self.text.push_str(&line.to_text());
        self.text.push('\n');
        self.prev = line.hash;
        self
    }

    /// Moves the clock on.
    pub fn wait(&mut self, ms: u64) -> &mut Self {
        self.now += Duration::milliseconds(ms as i64);
        self
    }

    /// One attempt at a step: started now, `ms` later finished with
    /// `outcome` (with one command and its exit code in between).
    pub fn step(&mut self, id: &str, ms: u64, outcome: StepOutcome) -> &mut Self {
        let attempt = self
            .text
            .matches(&format!("\"step-started\",\"step\":\"{id}\""))
            .count() as u32
            + 1;
        self.push(Event::StepStarted {
            step: id.into(),
            attempt,
        });
        self.push(Event::CommandSent {
            step: id.into(),
            command: format!("systemctl status app-{id}"),
            manual: false,
            transcript_offset: Some(self.seq * 80),
        });
        self.wait(ms);
        self.push(Event::CommandFinished {
            step: id.into(),
            exit_code: if outcome == StepOutcome::Failed { 1 } else { 0 },
            duration_ms: ms,
            source: None,
        });
        self.push(Event::StepFinished {
            step: id.into(),
            outcome,
            duration_ms: ms,
            why: pasos::journal::StepWhy::default(),
            step_ms: None,
            command_ms: None,
        })
    }

    pub fn done(&mut self, id: &str, ms: u64) -> &mut Self {
        self.step(id, ms, StepOutcome::Done)
    }

    pub fn skip(&mut self, id: &str, reason: &str) -> &mut Self {
        self.push(Event::StepFinished {
            step: id.into(),
            outcome: StepOutcome::Skipped,
            duration_ms: 0,
            why: pasos::journal::StepWhy::from_sentence(Some(reason)),
            step_ms: None,
            command_ms: None,
        })
    }

    pub fn deviation(&mut self, step: &str, what: &str, reason: &str) -> &mut Self {
        self.push(Event::Deviation {
            step: Some(step.into()),
            kind: pasos::journal::DeviationKind::from_sentence(what),
            reason: reason.into(),
        })
    }

    pub fn note(&mut self, text: &str) -> &mut Self {
        self.push(Event::Note {
            step: None,
            text: text.into(),
        })
    }

    pub fn rollback(&mut self, from: &str, plan: &[&str]) -> &mut Self {
        self.push(Event::RollbackStarted {
            from_step: Some(from.into()),
            reason: "the step failed".into(),
            plan: plan.iter().map(|s| s.to_string()).collect(),
        })
    }

    pub fn interrupt(&mut self) -> &mut Self {
        self.push(Event::RunInterrupted {
            why: pasos::journal::InterruptionWhy(pasos::journal::Interruption::from_sentence(
                "the operator quit",
            )),
            step: None,
        })
    }

    /// The interruption a resuming session records after a crash (written
    /// just before `run-resumed`, as the engine does).
    pub fn crash(&mut self) -> &mut Self {
        self.push(Event::RunInterrupted {
            why: pasos::journal::InterruptionWhy(pasos::journal::Interruption::Crash),
            step: None,
        })
    }

    pub fn resume(&mut self) -> &mut Self {
        self.push(Event::RunResumed {
            operator: Operator {
                user: "oncall".into(),
                host: "bastion".into(),
                ssh: None,
                name: None,
            },
            discarded_torn_bytes: None,
        })
    }

    /// `run-finished` now; `duration_ms` is the wall clock, as the engine
    /// writes it.
    pub fn finish(&mut self, outcome: RunOutcome, started: DateTime<Utc>) -> &mut Self {
        let duration_ms = (self.now - started).num_milliseconds() as u64;
        self.push(Event::RunFinished {
            outcome,
            duration_ms,
            reason: None,
        })
    }

    /// Events written so far.
    pub fn len(&self) -> u64 {
        self.seq
    }

    /// Writes the journal and its `.head` (0600 in 0700 directories).
    pub fn write(&self) -> PathBuf {
        let dir = self.path.parent().unwrap();
        store::create_private_dir_all(dir).unwrap();
        let mut f = store::private_file_options()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&self.path)
            .unwrap();
        f.write_all(self.text.as_bytes()).unwrap();
        let mut h = store::private_file_options()
            .create(true)
            .write(true)
            .truncate(true)
            .open(store::head_path(&self.path))
            .unwrap();
        h.write_all(format!("{} {}\n", self.seq, self.prev).as_bytes())
            .unwrap();
        self.path.clone()
    }
}

/// A journal of exactly `events` events (at least 10) for the benchmark:
/// a live run of procedure `PROC-BENCH-{n % procedures}` with 12 steps
/// estimated `1-2m` that take between 20 s and 3 min; one run in ten
/// rolls back, one in twenty is interrupted and resumed, one in seven is
/// an incident procedure.
pub fn bench_journal(data: &Path, n: usize, procedures: usize, events: u64) -> PathBuf {
    let steps: Vec<String> = (1..=12).map(|i| i.to_string()).collect();
    let plan: Vec<(&str, &str, Option<&str>)> = steps
        .iter()
        .map(|s| (s.as_str(), "main", Some("1-2m")))
        .collect();
    let spec = RunSpec::new(
        &format!("PROC-BENCH-{}", n % procedures),
        "1.0.0",
        profile((n % procedures).is_multiple_of(7), &plan),
    )
    .operator(["Ana", "Bea", "Carlos", "Dani"][n % 4])
    .source("procedures/bench.toml");
    let start = utc(2026, 1, 1, 0, 0, 0) + Duration::minutes(n as i64 * 37);
    let mut j = Journal::start_with_suffix(data, start, &spec, n);
    let rolls_back = n % 10 == 3;
    let interrupted = n % 20 == 5;
    // What the end takes: the rollback line and `run-finished`.
    let ending = 1 + u64::from(rolls_back);
    let mut i = 0;
    while j.len() + 4 + ending <= events {
        let id = &steps[i % steps.len()];
        let ms = 20_000 + ((n * 7919 + i * 104_729) % 160_000) as u64;
        j.done(id, ms);
        i += 1;
        if interrupted && i == 3 && j.len() + 2 + 4 + ending <= events {
            j.interrupt().wait(600_000).resume();
        }
    }
    while j.len() + ending < events {
        j.note("checked the dashboards");
    }
    if rolls_back {
        j.rollback("12", &["R1"]).wait(45_000);
    }
    j.finish(
        if rolls_back {
            RunOutcome::RolledBack
        } else {
            RunOutcome::Success
        },
        start,
    );
    j.write()
}
