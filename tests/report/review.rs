//! `RunReview` over the scenarios: the exact figures.

use super::scenarios;
use pasos::history::RunStatus as Status;
use pasos::history::review::{RunReview, StepKind, StepReview, StepState, Versus};
use pasos::journal::{Event, Line, RunOutcome, StepOutcome, verify_file};
use std::path::Path;

/// Command, exit code, duration, typed by hand, attempt.
type CommandFigures<'a> = (&'a str, Option<i32>, Option<u64>, bool, u32);

fn review(path: &Path) -> RunReview {
    let v = verify_file(path).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    RunReview::from_lines(&v.lines).expect("a run-started line")
}

fn ms(r: &RunReview, step: &str) -> u64 {
    r.step(step).unwrap().actual_ms()
}

fn outcome(r: &RunReview, step: &str) -> Option<StepOutcome> {
    r.step(step).unwrap().outcome()
}

/// Each attempt of a step: number, outcome, duration.
fn attempts(s: &StepReview) -> Vec<(u32, Option<StepOutcome>, u64)> {
    s.attempts
        .iter()
        .map(|a| (a.number, a.outcome, a.duration_ms))
        .collect()
}

#[test]
fn a_successful_run() {
    let data = tempfile::tempdir().unwrap();
    let r = review(&scenarios::success(data.path()));
    assert_eq!(r.record.procedure_id, "PROC-APP-007");
    assert_eq!(r.record.version, "2.3.0");
    assert_eq!(r.record.environment.as_deref(), Some("production"));
    assert_eq!(r.record.status, Status::Finished(RunOutcome::Success));
    assert_eq!(r.record.wall_ms, 700_500);
    assert_eq!(
        r.ended.unwrap().to_rfc3339(),
        "2026-11-23T06:23:49.500+00:00"
    );
    assert_eq!(r.operators.len(), 1);
    assert_eq!(r.operators[0].operator.label(), "Ana Pérez");
    assert_eq!((r.paused_ms(), r.active_ms()), (0, 700_500));
    assert_eq!(
        r.estimate().map(|e| (e.min_secs, e.max_secs)),
        Some((900, 1200))
    );
    // Profile order, forward then R-steps, none added.
    let ids: Vec<&str> = r.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["P1", "1", "2", "3", "V1", "R1", "R2"]);
    assert_eq!(r.step("R1").unwrap().kind, StepKind::Rollback);
    assert_eq!(r.step("R1").unwrap().state, StepState::NotReached);
    assert_eq!(
        r.step("2").unwrap().title.as_deref(),
        Some("Deploy the release")
    );
    // Actual against estimate.
    assert_eq!(ms(&r, "P1"), 40_000);
    assert_eq!(
        r.step("P1").unwrap().versus(),
        Some(Versus::Under { by_ms: 20_000 })
    );
    assert_eq!(ms(&r, "1"), 150_000);
    assert_eq!(
        r.step("1").unwrap().versus(),
        Some(Versus::Over { by_ms: 30_000 })
    );
    assert_eq!(ms(&r, "2"), 420_000);
    assert_eq!(r.step("2").unwrap().versus(), Some(Versus::Within));
    assert_eq!(r.step("3").unwrap().versus(), Some(Versus::Within));
    assert_eq!(
        r.step("V1").unwrap().versus(),
        Some(Versus::Under { by_ms: 10_000 })
    );
    assert_eq!(r.step("R1").unwrap().versus(), None);
    // Commands, exit codes, the hand-typed one.
    let two = r.step("2").unwrap();
    let cmds: Vec<CommandFigures> = two
        .commands
        .iter()
        .map(|c| {
            (
                c.command.as_str(),
                c.exit_code,
                c.duration_ms,
                c.manual,
                c.attempt,
            )
        })
        .collect();
    assert_eq!(
        cmds,
        [
            (
                "kubectl set image deploy/billing app=billing:2.3.0",
                Some(0),
                Some(800),
                false,
                1
            ),
            (
                "kubectl rollout status deploy/billing --timeout=5m",
                Some(0),
                Some(360_000),
                false,
                1
            ),
            (
                "kubectl get pods | grep billing",
                Some(0),
                Some(1_000),
                true,
                1
            ),
        ]
    );
    assert_eq!(two.attempts.len(), 1);
    assert_eq!(
        two.started().unwrap().to_rfc3339(),
        "2026-11-23T06:15:22.500+00:00"
    );
    assert_eq!(
        two.ended().unwrap().to_rfc3339(),
        "2026-11-23T06:22:22.500+00:00"
    );
    assert_eq!(r.step("3").unwrap().validations.len(), 1);
    assert!(r.step("3").unwrap().validations[0].passed);
    // Prerequisites, variables (secret without value), confirmation, note.
    assert_eq!(r.prerequisites.len(), 1);
    assert_eq!(r.prerequisites[0].check.as_deref(), Some("ping -c1 db"));
    assert_eq!(r.variables.len(), 2);
    assert!(r.variables[1].secret && r.variables[1].value.is_none());
    assert_eq!(r.confirmations.len(), 1);
    assert_eq!(r.confirmations[0].step, "2");
    assert_eq!(r.notes.len(), 1);
    assert!(r.deviations.is_empty() && r.rollback.is_none() && r.interruptions.is_empty());
    assert_eq!(r.retried_steps().count(), 0);
}

#[test]
fn a_failure_and_its_rollback() {
    let data = tempfile::tempdir().unwrap();
    let r = review(&scenarios::rolled_back(data.path()));
    assert_eq!(r.record.status, Status::Finished(RunOutcome::RolledBack));
    assert_eq!(r.operators[0].operator.label(), "carlos@bastion-1");
    assert_eq!(outcome(&r, "3"), Some(StepOutcome::Failed));
    assert_eq!(
        r.step("3").unwrap().why.cause,
        Some(pasos::journal::StepCause::CommandFailed {
            command: 1,
            of: 1,
            exit_code: 3
        })
    );
    assert_eq!(r.step("3").unwrap().commands[0].exit_code, Some(3));
    let v = &r.step("3").unwrap().validations[0];
    assert!(!v.passed);
    assert_eq!(
        pasos::history::words::validation_problems(pasos::i18n::Lang::En, &v.problems),
        "expected schema=42, got schema=41"
    );
    assert_eq!(r.decisions.len(), 1);
    assert!(r.decisions[0].answer);
    let rb = r.rollback.as_ref().unwrap();
    assert_eq!(rb.from_step.as_deref(), Some("3"));
    assert_eq!(
        rb.reason,
        "schema migration failed; cannot fix within the RTO"
    );
    assert_eq!(rb.plan, ["undo:2", "R1", "R2"]);
    assert_eq!(rb.ran, ["undo:2", "R1", "R2"]);
    assert_eq!(rb.duration_ms(), Some(214_000));
    // The undo step comes after the profile's steps; it undid step 2.
    let ids: Vec<&str> = r.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["P1", "1", "2", "3", "V1", "R1", "R2", "undo:2"]);
    assert_eq!(
        r.step("undo:2").unwrap().kind,
        StepKind::Undo { of: "2".into() }
    );
    assert_eq!(outcome(&r, "undo:2"), Some(StepOutcome::Done));
    assert_eq!(ms(&r, "undo:2"), 60_000);
    assert!(r.step("2").unwrap().undone);
    assert!(!r.step("1").unwrap().undone);
    assert_eq!(ms(&r, "R1"), 120_000);
    assert_eq!(
        r.step("R1").unwrap().versus(),
        Some(Versus::Over { by_ms: 60_000 })
    );
    assert_eq!(
        r.step("R2").unwrap().versus(),
        Some(Versus::Under { by_ms: 90_000 })
    );
    assert_eq!(r.step("V1").unwrap().state, StepState::NotReached);
}

#[test]
fn an_interrupted_then_resumed_run() {
    let data = tempfile::tempdir().unwrap();
    let r = review(&scenarios::interrupted(data.path()));
    assert_eq!(r.record.status, Status::Interrupted);
    assert_eq!(r.ended, None);
    assert_eq!(r.record.wall_ms, 76_000_000);
    // Who: Ana started, Beto resumed, Ana resumed.
    let who: Vec<(String, bool)> = r
        .operators
        .iter()
        .map(|o| (o.operator.label(), o.resumed))
        .collect();
    assert_eq!(
        who,
        [
            ("Ana Pérez".to_string(), false),
            ("Beto Díaz".to_string(), true),
            ("Ana Pérez".to_string(), true)
        ]
    );
    assert_eq!(r.interruptions.len(), 3);
    let [first, crash, last] = &r.interruptions[..] else {
        unreachable!()
    };
    assert_eq!(first.step.as_deref(), Some("1"));
    assert_eq!(first.gap_ms(), Some(900_000));
    // Recorded only on resuming: the run stopped at the event before.
    assert_eq!(crash.stopped.to_rfc3339(), "2026-11-23T06:29:59+00:00");
    assert_eq!(crash.gap_ms(), Some(74_530_000));
    assert_eq!(
        crash.resumed.as_ref().unwrap().discarded_torn_bytes,
        Some(37)
    );
    assert_eq!(last.resumed, None);
    assert_eq!(last.gap_ms(), None);
    assert_eq!(r.paused_ms(), 75_430_000);
    assert_eq!(r.active_ms(), 570_000);
    // Step 1: attempt 1 cut by the interruption (68 s), attempt 2 done.
    let one = r.step("1").unwrap();
    assert_eq!(
        attempts(one),
        [
            (1, Some(StepOutcome::Interrupted), 68_000),
            (2, Some(StepOutcome::Done), 60_000)
        ]
    );
    assert_eq!(one.actual_ms(), 128_000);
    assert_eq!(one.versus(), Some(Versus::Over { by_ms: 8_000 }));
    assert_eq!(
        one.commands.iter().map(|c| c.attempt).collect::<Vec<_>>(),
        [1, 2]
    );
    // Step 2: the crash cut attempt 1 at its last event, not 21 h later.
    let two = r.step("2").unwrap();
    assert_eq!(two.attempts[0].duration_ms, 8_000);
    assert_eq!(two.attempts[0].outcome, Some(StepOutcome::Interrupted));
    assert_eq!(two.actual_ms(), 368_000);
    assert_eq!(two.versus(), Some(Versus::Within));
    assert_eq!(two.state, StepState::Ended(StepOutcome::Done));
    assert_eq!(r.step("3").unwrap().state, StepState::NotReached);
}

#[test]
fn a_retried_step_deviations_and_notes() {
    let data = tempfile::tempdir().unwrap();
    let r = review(&scenarios::retried(data.path()));
    assert_eq!(r.record.status, Status::Finished(RunOutcome::Success));
    // Skipped from pending: no attempt, no time, no comparison.
    let p1 = r.step("P1").unwrap();
    assert_eq!(p1.state, StepState::Ended(StepOutcome::Skipped));
    assert!(p1.attempts.is_empty());
    assert_eq!((p1.actual_ms(), p1.versus()), (0, None));
    assert_eq!(
        p1.why.reason.as_deref(),
        Some("tools checked by the previous shift")
    );
    // Retried: two attempts add up to exactly the estimate.
    let retried: Vec<&str> = r.retried_steps().map(|s| s.id.as_str()).collect();
    assert_eq!(retried, ["1"]);
    let one = r.step("1").unwrap();
    assert_eq!(
        attempts(one),
        [
            (1, Some(StepOutcome::Failed), 30_000),
            (2, Some(StepOutcome::Done), 90_000)
        ]
    );
    assert_eq!(one.versus(), Some(Versus::Within));
    let codes: Vec<Option<i32>> = one.commands.iter().map(|c| c.exit_code).collect();
    assert_eq!(codes, [Some(1), Some(0)]);
    // Overridden: the last word counts, one attempt, its final duration.
    let three = r.step("3").unwrap();
    assert_eq!(three.outcome(), Some(StepOutcome::Done));
    assert_eq!(three.attempts.len(), 1);
    assert_eq!(three.actual_ms(), 38_000);
    assert_eq!(three.versus(), Some(Versus::Over { by_ms: 8_000 }));
    use pasos::journal::DeviationKind;
    let devs: Vec<(Option<&str>, DeviationKind)> = r
        .deviations
        .iter()
        .map(|d| (d.step.as_deref(), d.kind.clone()))
        .collect();
    assert_eq!(
        devs,
        [
            (Some("P1"), DeviationKind::Skipped),
            (
                Some("3"),
                DeviationKind::Overridden {
                    from: pasos::journal::StepState::Failed,
                    to: StepOutcome::Done
                }
            )
        ]
    );
    assert_eq!(r.deviations[1].at.to_rfc3339(), "2026-11-23T06:20:19+00:00");
    let notes: Vec<(Option<&str>, &str)> = r
        .notes
        .iter()
        .map(|n| (n.step.as_deref(), n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (Some("1"), "disk full on /backups; freed 20 GB"),
            (None, "Customer notified\nby phone")
        ]
    );
}

#[test]
fn an_open_run_and_a_journal_without_profile() {
    let data = tempfile::tempdir().unwrap();
    let v = verify_file(&scenarios::rolled_back(data.path())).unwrap();
    // Cut after step 2 started and its command was sent: the run is open.
    let cut = v
        .lines
        .iter()
        .position(|l| matches!(&l.event, Event::CommandSent { step, .. } if step == "2"))
        .unwrap();
    let open: Vec<Line> = v.lines[..=cut].to_vec();
    let r = RunReview::from_lines(&open).unwrap();
    assert_eq!(r.record.status, Status::Open);
    let two = r.step("2").unwrap();
    assert_eq!(two.state, StepState::InProgress);
    assert_eq!(two.attempts[0].ended, None);
    assert_eq!(two.attempts[0].duration_ms, 100);
    assert_eq!(two.commands[0].exit_code, None);
    // The same journal with the profile taken out (as written before it
    // existed): steps in first-seen order, no titles, no estimates; R-steps
    // known by starting after the rollback.
    let mut old = v.lines.clone();
    if let Event::RunStarted { profile, .. } = &mut old[0].event {
        **profile = Default::default();
    }
    let r = RunReview::from_lines(&old).unwrap();
    let ids: Vec<&str> = r.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["P1", "1", "2", "3", "undo:2", "R1", "R2"]);
    assert_eq!(r.step("1").unwrap().title, None);
    assert_eq!(r.step("1").unwrap().versus(), None);
    assert_eq!(r.step("R1").unwrap().kind, StepKind::Rollback);
    assert_eq!(r.step("1").unwrap().actual_ms(), 120_000);
    assert!(r.step("2").unwrap().undone);
    // Not a journal: no review.
    assert!(RunReview::from_lines(&v.lines[1..]).is_none());
    assert!(pasos::history::record::build::from_lines(&[]).is_err());
}
