//! Journals written for the tests with the real writer, at fixed times.

use chrono::{DateTime, Duration, Utc};
use pasos::journal::{
    DecisionProfile, Event, JournalWriter, Mode, Operator, Profile, Redactor, RunOutcome,
    StepOutcome, StepProfile, store,
};
use std::path::{Path, PathBuf};

/// 2026-11-23 06:12:09 UTC = 03:12:09 in Buenos Aires (-03:00).
pub const T0: &str = "2026-11-23T06:12:09.000Z";

pub struct Gen {
    writer: JournalWriter,
    t0: DateTime<Utc>,
    pub path: PathBuf,
}

pub fn operator(user: &str, name: Option<&str>) -> Operator {
    Operator {
        user: user.into(),
        host: "bastion-1".into(),
        ssh: None,
        name: name.map(str::to_string),
    }
}

fn step(id: &str, title: &str, phase: &str, estimate: &str) -> StepProfile {
    StepProfile {
        id: id.into(),
        title: title.into(),
        phase: phase.into(),
        estimate: Some(estimate.into()),
    }
}

/// A deployment: P1, 1, 2, 3, V1 forward; R1, R2 to roll back.
pub fn profile() -> Profile {
    Profile {
        category: Some("deployment".into()),
        frequency: Some("weekly".into()),
        criticality: Some("alta".into()),
        estimate: Some("15-20m".into()),
        rto: Some("30m".into()),
        incident: false,
        steps: vec![
            step("P1", "Check the tools", "preflight", "1m"),
            step("1", "Back up the database", "deploy", "2m"),
            step("2", "Deploy the release", "deploy", "5-10m"),
            step("3", "Migrate the schema", "deploy", "30s"),
            step("V1", "Smoke test", "validate", "1m"),
            step("R1", "Restore the backup", "rollback", "1m"),
            step("R2", "Notify the team", "rollback", "2m"),
        ],
        decisions: vec![DecisionProfile {
            id: "D1".into(),
            question: "Can the schema be fixed within the RTO?".into(),
        }],
    }
}

impl Gen {
    /// Starts a journal in `data` for `run_id` at `T0 + start_ms`.
    pub fn start(data: &Path, run_id: &str, profile: Profile, op: Operator) -> Gen {
        let path = store::journal_path(data, run_id);
        let writer = JournalWriter::create(&path, run_id, Redactor::new(Vec::new())).unwrap();
        let mut g = Gen {
            writer,
            t0: T0.parse().unwrap(),
            path,
        };
        g.at(
            0,
            Event::RunStarted {
                run_id: run_id.into(),
                procedure_id: "PROC-APP-007".into(),
                procedure_title: "Deploy the billing app".into(),
                version: "2.3.0".into(),
                procedure_sha256: "0".repeat(64),
                source: "procedures/billing.toml".into(),
                environment: Some("production".into()),
                mode: Mode::Live,
                operator: op,
                forced: false,
                profile: Box::new(profile),
            },
        );
        g
    }

    /// Appends `event` at `T0 + ms`.
    pub fn at(&mut self, ms: i64, event: Event) -> &mut Gen {
        self.writer
            .append(event, self.t0 + Duration::milliseconds(ms))
            .unwrap();
        self
    }

    /// A step's attempt: started at `from_ms`, command k sent at
    /// `from_ms + 100 + 1000·k` and finished 800 ms later, the step
    /// finished at `to_ms` (which must leave room for the commands).
    #[allow(clippy::too_many_arguments)]
    pub fn step(
        &mut self,
        id: &str,
        attempt: u32,
        from_ms: i64,
        to_ms: i64,
        commands: &[(&str, i32)],
        outcome: StepOutcome,
        reason: Option<&str>,
    ) -> &mut Gen {
        self.at(from_ms, started(id, attempt));
        for (k, (cmd, code)) in commands.iter().enumerate() {
            let sent_at = from_ms + 100 + 1000 * k as i64;
            self.at(sent_at, sent(id, cmd, false));
            self.at(sent_at + 800, exit(id, *code, 800));
        }
        self.at(
            to_ms,
            finished(id, outcome, (to_ms - from_ms) as u64, reason),
        )
    }
}

pub fn started(step: &str, attempt: u32) -> Event {
    Event::StepStarted {
        step: step.into(),
        attempt,
    }
}

pub fn sent(step: &str, command: &str, manual: bool) -> Event {
    Event::CommandSent {
        step: step.into(),
        command: command.into(),
        manual,
        transcript_offset: None,
    }
}

pub fn exit(step: &str, exit_code: i32, duration_ms: u64) -> Event {
    Event::CommandFinished {
        step: step.into(),
        exit_code,
        duration_ms,
        source: None,
    }
}

pub fn finished(step: &str, outcome: StepOutcome, duration_ms: u64, reason: Option<&str>) -> Event {
    Event::StepFinished {
        step: step.into(),
        outcome,
        duration_ms,
        why: pasos::journal::StepWhy::from_sentence(reason),
        step_ms: None,
        command_ms: None,
    }
}

pub fn validation(step: &str, passed: bool, detail: Option<&str>) -> Event {
    Event::ValidationResult {
        step: step.into(),
        passed,
        problems: pasos::journal::Problems::from_sentence(detail),
    }
}

pub fn run_finished(outcome: RunOutcome, duration_ms: u64) -> Event {
    Event::RunFinished {
        outcome,
        duration_ms,
        reason: None,
    }
}

pub fn note(step: Option<&str>, text: &str) -> Event {
    Event::Note {
        step: step.map(str::to_string),
        text: text.into(),
    }
}
