//! The rollback plan on the shipped procedures: it never runs the same
//! restore twice, it starts where the decision tree says, and it lists
//! every undo the author wrote (issue 15).

use chrono::{TimeZone, Utc};
use pasos::journal::{ExitSource, Mode, Operator, StepOutcome};
use pasos::run::{
    Effect, Engine, FakeClock, ItemKind, Msg, PlanEntry, PlanKind, RunConfig, RunStatus,
};

fn engine(path: &str, env: Option<&str>) -> Engine {
    let text = std::fs::read_to_string(path).unwrap();
    let loaded = pasos::procedure::load_str(&text);
    let procedure = loaded
        .procedure
        .unwrap_or_else(|| panic!("{path}: {:?}", loaded.diagnostics));
    let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap());
    let cfg = RunConfig {
        run_id: "20261123T030000000Z-0001".into(),
        mode: Mode::Live,
        environment: env.map(str::to_string),
        operator: Operator {
            user: "ana".into(),
            host: "bastion".into(),
            ssh: None,
            name: None,
        },
        source: path.into(),
        procedure_sha256: "00".repeat(32),
        forced: false,
        preset: Vec::new(),
    };
    let (mut e, _) = Engine::start(procedure, Box::new(clock), cfg);
    // A value each shipped variable's pattern accepts.
    const VALUES: &[&str] = &[
        "/tmp/x",
        "app",
        "CHG-1",
        "INC-1",
        "SEV-1",
        "20261123030000_x",
        "1",
        "aks-ecommerce-prod",
        "v1.2.3",
    ];
    for name in e.missing_variables() {
        let set = VALUES.iter().any(|v| {
            e.update(Msg::SetVariable {
                name: name.clone(),
                value: v.to_string(),
            })
            .is_ok()
        });
        assert!(set, "{path}: no test value for {name}");
    }
    e.update(Msg::WaivePrerequisites {
        reason: "test".into(),
    })
    .unwrap();
    e
}

fn ok(e: &mut Engine, msg: Msg) -> Vec<Effect> {
    e.update(msg.clone())
        .unwrap_or_else(|r| panic!("{msg:?} refused: {r:?}"))
}

/// Runs a step with every command exiting `code`; a step that passes is
/// made to pass even if its validation would look at output.
fn run(e: &mut Engine, step: &str, code: i32) {
    // Choices take their first option; conditions are answered yes; steps
    // a choice left out are not run.
    if e.item(step).unwrap().status.is_finished() {
        return;
    }
    if let Some(choice) = e.procedure().step(step).and_then(|s| s.choice.clone()) {
        ok(
            e,
            Msg::Choose {
                step: step.into(),
                option: choice.options[0].id.clone(),
            },
        );
        return;
    }
    if e.procedure()
        .step(step)
        .is_some_and(|s| s.condition.is_some())
    {
        ok(
            e,
            Msg::AnswerCondition {
                step: step.into(),
                answer: true,
            },
        );
    }
    let typed = e
        .item(step)
        .and_then(|i| e.confirmation_for(i))
        .map(|a| a[0].clone());
    let fx = ok(
        e,
        Msg::StartStep {
            step: step.into(),
            typed,
        },
    );
    let commands = fx
        .iter()
        .find_map(|f| match f {
            Effect::RunCommands { commands, .. } => Some(commands.len()),
            _ => None,
        })
        .unwrap_or(0);
    for n in 0..commands {
        ok(
            e,
            Msg::CommandSent {
                step: step.into(),
                command: format!("cmd {n}"),
                manual: false,
                transcript_offset: None,
            },
        );
        let fx = ok(
            e,
            Msg::CommandFinished {
                step: step.into(),
                exit_code: code,
                duration_ms: 1_000,
                output: String::new(),
                source: ExitSource::Marker,
            },
        );
        if fx.iter().any(|f| matches!(f, Effect::RunValidation { .. })) {
            ok(
                e,
                Msg::ValidationFinished {
                    step: step.into(),
                    exit_code: code,
                    output: String::new(),
                },
            );
        }
    }
    let status = e.item(step).unwrap().status;
    let done = status.is_finished();
    if commands == 0 && !done {
        ok(
            e,
            Msg::Report {
                step: step.into(),
                outcome: if code == 0 {
                    StepOutcome::Done
                } else {
                    StepOutcome::Failed
                },
            },
        );
    } else if code == 0 && e.item(step).unwrap().status != pasos::run::StepStatus::Done {
        ok(
            e,
            Msg::Override {
                step: step.into(),
                outcome: StepOutcome::Done,
                reason: "validated by hand".into(),
            },
        );
    }
}

fn runnable(plan: &[PlanEntry]) -> Vec<String> {
    plan.iter()
        .filter(|p| p.runnable())
        .map(|p| p.id.clone())
        .collect()
}

fn entry<'a>(plan: &'a [PlanEntry], step: &str) -> &'a PlanEntry {
    plan.iter()
        .find(|p| p.step == step)
        .unwrap_or_else(|| panic!("{step} not in the plan: {plan:#?}"))
}

const DEMO: &str = "procedures/demo.toml";

/// The demo up to its failing step 4.
fn demo_failed_at_4() -> Engine {
    let mut e = engine(DEMO, None);
    for s in ["P1", "P2", "1", "2", "3"] {
        run(&mut e, s, 0);
    }
    run(&mut e, "4", 1);
    e
}

#[test]
fn demo_plan_does_not_restore_twice() {
    let e = demo_failed_at_4();
    let plan = e.rollback_plan();
    // Step 3's undo is the very `tar -xzf` R2 runs: R2 covers it.
    assert_eq!(
        entry(&plan, "3").kind,
        PlanKind::CoveredBy(vec!["R2".into()]),
        "{plan:#?}"
    );
    let tar = plan
        .iter()
        .filter(|p| p.runnable())
        .filter(|p| {
            let item = p.id.strip_prefix("undo:").unwrap_or(&p.id);
            e.procedure()
                .step(item)
                .map(|s| match &s.rollback {
                    pasos::procedure::StepRollback::Some(u) if p.id.starts_with("undo:") => {
                        u.commands.iter().any(|c| c.run.contains("tar -xzf"))
                    }
                    _ => s.commands.iter().any(|c| c.run.contains("tar -xzf")),
                })
                .unwrap_or(false)
        })
        .count();
    assert_eq!(tar, 1, "{plan:#?}");
}

#[test]
fn demo_plan_starts_where_the_decision_tree_says() {
    let mut e = demo_failed_at_4();
    // Before any answer: every rollback action of the tree says R1.
    assert_eq!(runnable(&e.rollback_plan())[0], "R1");
    for (node, answer) in [("failed", true), ("deployed", true), ("quick-fix", false)] {
        ok(
            &mut e,
            Msg::AnswerDecision {
                node: node.into(),
                answer,
            },
        );
    }
    let leaf = e.decision_outcome().unwrap();
    assert_eq!(leaf.step.as_deref(), Some("R1"));
    assert_eq!(runnable(&e.rollback_plan())[0], "R1");
    ok(
        &mut e,
        Msg::StartRollback {
            reason: "schema not migrated".into(),
        },
    );
    assert_eq!(e.state().status, RunStatus::RollingBack);
    assert_eq!(e.state().rollback_plan[0], "R1");
    assert_eq!(e.next_item().unwrap().id, "R1");
    // The plan shown during the rollback is the one being run.
    assert_eq!(runnable(&e.rollback_plan()), e.state().rollback_plan);
}

#[test]
fn demo_plan_lists_every_undo() {
    let e = demo_failed_at_4();
    let plan = e.rollback_plan();
    // P2 wrote an undo (`rm -rf WORKDIR`): listed, never run by the
    // rollback (it would delete the backups R2 restores from).
    let p2 = entry(&plan, "P2");
    assert_eq!(p2.kind, PlanKind::Kept, "{plan:#?}");
    assert!(!p2.runnable());
    for s in ["1", "2", "3", "4"] {
        entry(&plan, s);
    }
    // P1 is a check with `rollback = "none"`: nothing to list.
    assert!(plan.iter().all(|p| p.step != "P1"));
}

const BACKEND_001: &str = "procedures/PROC-BACKEND-001-despliegue-produccion.toml";

#[test]
fn backend_001_plan_runs_each_undo_once_after_declaring_the_rollback() {
    let mut e = engine(BACKEND_001, Some("staging"));
    let order: Vec<String> = e
        .state()
        .items
        .iter()
        .map(|i| i.id.clone())
        .take_while(|id| id != "7")
        .collect();
    for s in &order {
        run(&mut e, s, 0);
    }
    run(&mut e, "7", 1);
    let plan = e.rollback_plan();
    let ids = runnable(&plan);
    assert_eq!(ids[0], "R1", "{plan:#?}");
    // Steps 5 and 6 have the same undo (remove the new replicas): once.
    assert_eq!(entry(&plan, "6").kind, PlanKind::Undo, "{plan:#?}");
    assert_eq!(entry(&plan, "5").kind, PlanKind::SameAs("6".into()));
    assert_eq!(
        entry(&plan, "7").kind,
        PlanKind::CoveredBy(vec!["R3".into()])
    );
    assert_eq!(
        entry(&plan, "4").kind,
        PlanKind::CoveredBy(vec!["R2".into()])
    );
    assert_eq!(
        ids,
        ["R1", "undo:6", "undo:3", "R2", "R3", "R4", "R5"],
        "{plan:#?}"
    );
}

#[test]
fn every_shipped_procedure_plans_each_undo_once_from_the_trees_entry() {
    for f in std::fs::read_dir("procedures").unwrap() {
        let path = f.unwrap().path();
        let path = path.to_str().unwrap();
        if !path.ends_with(".toml") {
            continue;
        }
        let mut e = engine(path, Some("staging"));
        let ids: Vec<String> = e
            .state()
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Forward { .. }))
            .map(|i| i.id.clone())
            .collect();
        // Everything but the last step, which fails.
        let (last, before) = ids.split_last().unwrap();
        for s in before {
            run(&mut e, s, 0);
        }
        run(&mut e, last, 1);
        let plan = e.rollback_plan();
        let ids = runnable(&plan);
        let mut seen = std::collections::BTreeSet::new();
        assert!(
            ids.iter().all(|i| seen.insert(i.clone())),
            "{path}: {ids:?}"
        );
        if let Some(entry) = e.plan_entry_point(None) {
            assert_eq!(ids.first(), Some(&entry), "{path}: {plan:#?}");
        }
    }
}
