//! Four runs of the same procedure, written with fixed times (ms after
//! `journals::T0`, 03:12:09 in Buenos Aires), whose figures the tests assert.

use super::journals::*;
use pasos::journal::{Event, RunOutcome, StepOutcome};
use std::path::{Path, PathBuf};

pub const SUCCESS: &str = "20261123T061209000Z-a001";
pub const ROLLED_BACK: &str = "20261123T061209000Z-b002";
pub const INTERRUPTED: &str = "20261123T061209000Z-c003";
pub const RETRIED: &str = "20261123T061209000Z-d004";

/// Every step done; step 1 over its estimate, V1 under, 2 and 3 within;
/// a hand-typed command in step 2.
pub fn success(data: &Path) -> PathBuf {
    let mut g = Gen::start(data, SUCCESS, profile(), operator("ana", Some("Ana Pérez")));
    g.at(
        500,
        Event::VariableSet {
            name: "RELEASE".into(),
            value: Some("2.3.0".into()),
            secret: false,
        },
    )
    .at(
        600,
        Event::VariableSet {
            name: "DB_PASSWORD".into(),
            value: None,
            secret: true,
        },
    )
    .at(
        800,
        Event::PrerequisiteConfirmed {
            group: "Access".into(),
            item: "VPN to the database is up".into(),
            check: Some("ping -c1 db".into()),
            exit_code: Some(0),
        },
    )
    .at(1_000, started("P1", 1))
    .at(1_100, sent("P1", "command -v psql kubectl", false))
    .at(1_900, exit("P1", 0, 800))
    .at(40_900, validation("P1", true, None))
    .at(41_000, finished("P1", StepOutcome::Done, 40_000, None))
    .step(
        "1",
        1,
        42_000,
        192_000,
        &[(
            "pg_dump billing | gzip > /backups/billing-$(date +%F).sql.gz",
            0,
        )],
        StepOutcome::Done,
        None,
    )
    .at(
        193_000,
        Event::Confirmation {
            step: "2".into(),
            typed: "2".into(),
        },
    )
    .at(193_500, started("2", 1))
    .at(
        193_600,
        sent(
            "2",
            "kubectl set image deploy/billing app=billing:2.3.0",
            false,
        ),
    )
    .at(194_400, exit("2", 0, 800))
    .at(
        194_600,
        sent(
            "2",
            "kubectl rollout status deploy/billing --timeout=5m",
            false,
        ),
    )
    .at(554_600, exit("2", 0, 360_000))
    .at(560_000, sent("2", "kubectl get pods | grep billing", true))
    .at(561_000, exit("2", 0, 1_000))
    .at(613_500, finished("2", StepOutcome::Done, 420_000, None))
    .at(614_000, started("3", 1))
    .at(614_100, sent("3", "psql -f migrate.sql", false))
    .at(643_000, exit("3", 0, 28_900))
    .at(643_500, validation("3", true, None))
    .at(644_000, finished("3", StepOutcome::Done, 30_000, None))
    .step(
        "V1",
        1,
        645_000,
        695_000,
        &[("curl -fsS https://billing.internal/health", 0)],
        StepOutcome::Done,
        None,
    )
    .at(700_000, note(None, "Deploy window closed on time"))
    .at(700_500, run_finished(RunOutcome::Success, 700_500));
    g.path.clone()
}

/// Step 3 fails; a decision, then the rollback from 3: undo of 2, R1, R2.
pub fn rolled_back(data: &Path) -> PathBuf {
    let mut g = Gen::start(data, ROLLED_BACK, profile(), operator("carlos", None));
    g.step(
        "P1",
        1,
        1_000,
        31_000,
        &[("command -v psql kubectl", 0)],
        StepOutcome::Done,
        None,
    )
    .step(
        "1",
        1,
        32_000,
        152_000,
        &[(
            "pg_dump billing | gzip > /backups/billing-$(date +%F).sql.gz",
            0,
        )],
        StepOutcome::Done,
        None,
    )
    .step(
        "2",
        1,
        153_000,
        453_000,
        &[("kubectl set image deploy/billing app=billing:2.3.0", 0)],
        StepOutcome::Done,
        None,
    )
    .at(454_000, started("3", 1))
    .at(454_100, sent("3", "psql -f migrate.sql", false))
    .at(480_000, exit("3", 3, 25_900))
    .at(
        481_000,
        validation("3", false, Some("expected schema=42, got schema=41")),
    )
    .at(
        484_000,
        finished(
            "3",
            StepOutcome::Failed,
            30_000,
            Some("command 1 of 1 exited with 3"),
        ),
    )
    .at(
        490_000,
        Event::DecisionAnswered {
            node: "D1".into(),
            answer: true,
        },
    )
    .at(
        495_000,
        Event::RollbackStarted {
            from_step: Some("3".into()),
            reason: "schema migration failed; cannot fix within the RTO".into(),
            plan: vec!["undo:2".into(), "R1".into(), "R2".into()],
        },
    )
    .step(
        "undo:2",
        1,
        496_000,
        556_000,
        &[("kubectl rollout undo deploy/billing", 0)],
        StepOutcome::Done,
        None,
    )
    .step(
        "R1",
        1,
        557_000,
        677_000,
        &[("gunzip -c /backups/billing.sql.gz | psql billing", 0)],
        StepOutcome::Done,
        None,
    )
    .step(
        "R2",
        1,
        678_000,
        708_000,
        &[("echo 'rolled back' | mail -s billing oncall@example.com", 0)],
        StepOutcome::Done,
        None,
    )
    .at(709_000, run_finished(RunOutcome::RolledBack, 709_000));
    g.path.clone()
}

/// Interrupted during step 1 (SSH dropped), resumed by Beto after 15
/// minutes; a crash during step 2, noticed when Ana resumed 21 hours later
/// (the next day); interrupted again at the end: not finished.
pub fn interrupted(data: &Path) -> PathBuf {
    let mut g = Gen::start(
        data,
        INTERRUPTED,
        profile(),
        operator("ana", Some("Ana Pérez")),
    );
    g.step("P1", 1, 1_000, 31_000, &[("command -v psql kubectl", 0)], StepOutcome::Done, None)
        .at(32_000, started("1", 1))
        .at(33_000, sent("1", "pg_dump billing > /backups/billing.sql", false))
        .at(93_000, exit("1", 0, 60_000))
        .at(
            100_000,
            Event::RunInterrupted {
                why: pasos::journal::InterruptionWhy(pasos::journal::Interruption::from_sentence("SIGHUP: the SSH session dropped")),
                step: Some("1".into()),
            },
        )
        .at(
            1_000_000,
            Event::RunResumed {
                operator: operator("beto", Some("Beto Díaz")),
                discarded_torn_bytes: None,
            },
        )
        .step(
            "1",
            2,
            1_001_000,
            1_061_000,
            &[("pg_dump billing > /backups/billing.sql", 0)],
            StepOutcome::Done,
            None,
        )
        .at(1_062_000, started("2", 1))
        .at(1_063_000, sent("2", "kubectl set image deploy/billing app=billing:2.3.0", false))
        .at(1_070_000, exit("2", 0, 7_000))
        .at(
            75_600_000,
            Event::RunInterrupted {
                why: pasos::journal::InterruptionWhy(pasos::journal::Interruption::from_sentence("the previous session ended without closing the run (crash, kill or lost connection)")),
                step: Some("2".into()),
            },
        )
        .at(
            75_600_000,
            Event::RunResumed {
                operator: operator("ana", Some("Ana Pérez")),
                discarded_torn_bytes: Some(37),
            },
        )
        .step(
            "2",
            2,
            75_601_000,
            75_961_000,
            &[("kubectl set image deploy/billing app=billing:2.3.0", 0)],
            StepOutcome::Done,
            None,
        )
        .at(
            76_000_000,
            Event::RunInterrupted {
                why: pasos::journal::InterruptionWhy(pasos::journal::Interruption::from_sentence("the operator quit")),
                step: None,
            },
        );
    g.path.clone()
}

/// P1 skipped; step 1 fails, a note, then a second attempt succeeds;
/// step 3 fails and is overridden to done; a note of two lines.
pub fn retried(data: &Path) -> PathBuf {
    let mut g = Gen::start(data, RETRIED, profile(), operator("ana", Some("Ana")));
    let skip = "tools checked by the previous shift";
    let override_reason = "migration already applied by the DBA | ticket #4411";
    g.at(
        1_000,
        Event::Deviation {
            step: Some("P1".into()),
            kind: pasos::journal::DeviationKind::from_sentence("step P1 skipped"),
            reason: skip.into(),
        },
    )
    .at(1_000, finished("P1", StepOutcome::Skipped, 0, Some(skip)))
    .step(
        "1",
        1,
        2_000,
        32_000,
        &[("pg_dump billing > /backups/billing.sql", 1)],
        StepOutcome::Failed,
        Some("command 1 of 1 exited with 1"),
    )
    .at(
        40_000,
        note(Some("1"), "disk full on /backups; freed 20 GB"),
    )
    .step(
        "1",
        2,
        60_000,
        150_000,
        &[("pg_dump billing > /backups/billing.sql", 0)],
        StepOutcome::Done,
        None,
    )
    .step(
        "2",
        1,
        151_000,
        451_000,
        &[("kubectl set image deploy/billing app=billing:2.3.0", 0)],
        StepOutcome::Done,
        None,
    )
    .step(
        "3",
        1,
        452_000,
        482_000,
        &[("psql -f migrate.sql", 3)],
        StepOutcome::Failed,
        Some("command 1 of 1 exited with 3"),
    )
    .at(
        490_000,
        Event::Deviation {
            step: Some("3".into()),
            kind: pasos::journal::DeviationKind::from_sentence(
                "step 3: failed -> done (overridden)",
            ),
            reason: override_reason.into(),
        },
    )
    .at(
        490_000,
        finished("3", StepOutcome::Done, 38_000, Some(override_reason)),
    )
    .step(
        "V1",
        1,
        491_000,
        531_000,
        &[("curl -fsS https://billing.internal/health", 0)],
        StepOutcome::Done,
        None,
    )
    .at(535_000, note(None, "Customer notified\nby phone"))
    .at(540_000, run_finished(RunOutcome::Success, 540_000));
    g.path.clone()
}
