//! The run engine as a library: transitions, timers on a fake clock,
//! rollback plans from every position, and resume-from-journal equality.

use chrono::{TimeZone, Utc};
use pasos::journal::line::{Line, genesis};
use pasos::journal::{DeviationKind, StepCause};
use pasos::journal::{Event, ExitSource, Mode, Operator, RunOutcome, StepOutcome};
use pasos::procedure::{Procedure, load_str};
use pasos::run::{
    Effect, Engine, FakeClock, Msg, PlanKind, Refusal, RunConfig, RunStatus, StepStatus,
};
use proptest::prelude::*;

const TEN_STEPS: &str = r#"
[procedure]
id = "PROC-TEST-010"
title = "Diez pasos"
criticality = "alta"
version = "1.0.0"
estimate = "20-30m"
rto = "30m"
environment = "staging"

[[prerequisites]]
group = "Accesos"
items = ["VPN conectada", { text = "kubectl instalado", check = "command -v kubectl" }]

[[variables]]
name = "HOST"
default = "db-01"

[[variables]]
name = "DB_PASSWORD"
secret = true

[[phases]]
id = "pre"
kind = "preflight"
budget = "3m"

[[phases.steps]]
id = "P1"
title = "Verificar"
estimate = "1m"
commands = ["ping -c1 ${HOST}"]
rollback = "none"

[[phases.steps]]
id = "P2"
title = "Backup"
estimate = "2m"
commands = ["pg_dump -h ${HOST} > b.sql", "ls -l b.sql"]
rollback = { commands = ["rm b.sql"] }

[[phases]]
id = "exec"
kind = "execution"
budget = "15m"

[[phases.steps]]
id = "1"
title = "Drenar tráfico"
estimate = "2m"
commands = ["touch maint"]
rollback = { commands = ["rm -f maint"], estimate = "30s" }

[[phases.steps]]
id = "2"
title = "Desplegar"
estimate = "5-10m"
confirm = true
commands = ["deploy v2"]
validation = { command = "curl -fsS localhost/health", exit_code = 0, output = "ok" }
rollback = { steps = ["R2"] }

[[phases.steps]]
id = "3"
title = "Migrar"
estimate = "3m"
commands = ["PGPASSWORD=\"${DB_PASSWORD}\" migrate up"]
rollback = { commands = ["migrate down"], estimate = "2m" }

[[phases.steps]]
id = "4"
title = "Vaciar caché"
estimate = "1m"
commands = ["redis-cli FLUSHALL"]
rollback = "none"

[[phases.steps]]
id = "5"
title = "Reiniciar"
estimate = "1m"
commands = ["systemctl restart api"]

[[phases]]
id = "val"
kind = "validation"

[[phases.steps]]
id = "V1"
title = "Smoke"
estimate = "1m"
commands = ["curl localhost/version"]
validation = { output = "^v2$" }

[[phases]]
id = "post"
kind = "post"

[[phases.steps]]
id = "6"
title = "Notificar"
estimate = "30s"
commands = ["notify done"]
rollback = { commands = ["notify rollback"] }

[[phases.steps]]
id = "7"
title = "Revisar dashboards"
estimate = "2m"
manual = true

[rollback]
when = ["error rate > 5%"]

[[rollback.steps]]
id = "R1"
title = "Mantenimiento"
estimate = "1m"
commands = ["touch maint"]

[[rollback.steps]]
id = "R2"
title = "Restaurar v1"
estimate = "5m"
commands = ["deploy v1"]

[[decision]]
id = "fallo"
question = "¿Falló?"
yes = "critico"
no = "seguir"

[[decision]]
id = "critico"
question = "¿Es crítico?"
yes = "rollback"
no = "arreglar"

[[decision]]
id = "seguir"
action = "Continuar"

[[decision]]
id = "rollback"
action = "Rollback inmediato"
rollback = true
step = "R1"

[[decision]]
id = "arreglar"
action = "Intentar fix"
"#;

fn procedure(text: &str) -> Procedure {
    let loaded = load_str(text);
    assert!(loaded.procedure.is_some(), "{:?}", loaded.diagnostics);
    loaded.procedure.unwrap()
}

struct Harness {
    engine: Engine,
    clock: FakeClock,
    events: Vec<(Event, chrono::DateTime<Utc>)>,
    text: &'static str,
}

impl Harness {
    fn new(text: &'static str, mode: Mode, env: Option<&str>) -> Harness {
        let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap());
        let cfg = RunConfig {
            run_id: "20261123T030000000Z-0001".into(),
            mode,
            environment: env.map(str::to_string),
            operator: Operator {
                user: "ana".into(),
                host: "bastion".into(),
                ssh: None,
                name: None,
            },
            source: "test.toml".into(),
            procedure_sha256: "00".repeat(32),
            forced: false,
            preset: Vec::new(),
        };
        let (engine, effects) = Engine::start(procedure(text), Box::new(clock.clone()), cfg);
        let mut h = Harness {
            engine,
            clock,
            events: Vec::new(),
            text,
        };
        h.record(&effects);
        h
    }

    fn record(&mut self, effects: &[Effect]) {
        let now = self.engine.now();
        for e in effects {
            if let Effect::Journal(ev) = e {
                self.events.push((ev.clone(), now));
            }
        }
    }

    fn send(&mut self, msg: Msg) -> Result<Vec<Effect>, Refusal> {
        let effects = self.engine.update(msg)?;
        self.record(&effects);
        Ok(effects)
    }

    fn ok(&mut self, msg: Msg) -> Vec<Effect> {
        self.send(msg.clone())
            .unwrap_or_else(|r| panic!("{msg:?} refused: {r:?}"))
    }

    fn prepare(&mut self) {
        self.ok(Msg::ConfirmPrerequisite { group: 0, item: 0 });
        self.ok(Msg::PrerequisiteChecked {
            group: 0,
            item: 1,
            exit_code: 0,
        });
        self.ok(Msg::SetVariable {
            name: "DB_PASSWORD".into(),
            value: "pw-secreto".into(),
        });
    }

    /// Starts a step and feeds its commands' exit codes, one per command.
    fn run(&mut self, step: &str, codes: &[i32]) -> Vec<Effect> {
        let typed = self
            .engine
            .item(step)
            .and_then(|i| self.engine.confirmation_for(i))
            .map(|a| a[0].clone());
        let mut all = self.ok(Msg::StartStep {
            step: step.into(),
            typed,
        });
        for (n, code) in codes.iter().enumerate() {
            self.clock.advance_secs(10);
            self.ok(Msg::CommandSent {
                step: step.into(),
                command: format!("cmd {n}"),
                manual: false,
                transcript_offset: None,
            });
            self.clock.advance_secs(20);
            all.extend(self.ok(Msg::CommandFinished {
                step: step.into(),
                exit_code: *code,
                duration_ms: 20_000,
                output: "ok\n".into(),
                source: ExitSource::Marker,
            }));
        }
        all
    }

    fn status(&self, step: &str) -> StepStatus {
        self.engine.item(step).unwrap().status
    }

    fn replayed(&self) -> Engine {
        Engine::replay(
            procedure(self.text),
            Box::new(self.clock.clone()),
            &self.lines(),
        )
        .unwrap()
    }

    /// The journal so far, as lines.
    fn lines(&self) -> Vec<Line> {
        let mut prev = genesis("r");
        self.events
            .iter()
            .enumerate()
            .map(|(i, (e, t))| {
                let l = Line::new(i as u64 + 1, *t, prev.clone(), e.clone());
                prev = l.hash.clone();
                l
            })
            .collect()
    }
}

fn harness() -> Harness {
    Harness::new(TEN_STEPS, Mode::Live, None)
}

fn finish_step_2(h: &mut Harness) {
    let fx = h.run("2", &[0]);
    assert!(fx.iter().any(|e| matches!(e, Effect::RunValidation { .. })));
    assert_eq!(h.status("2"), StepStatus::AwaitingValidation);
    h.ok(Msg::ValidationFinished {
        step: "2".into(),
        exit_code: 0,
        output: "ok\n".into(),
    });
}

#[test]
fn prerequisites_and_variables_come_first() {
    let mut h = harness();
    assert_eq!(h.engine.state().status, RunStatus::Preparing);
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: None
        }),
        Err(Refusal::PrerequisitesPending(2))
    );
    h.ok(Msg::ConfirmPrerequisite { group: 0, item: 0 });
    let fx = h.ok(Msg::CheckPrerequisite { group: 0, item: 1 });
    assert_eq!(
        fx,
        vec![Effect::CheckPrerequisite {
            group: 0,
            item: 1,
            command: "command -v kubectl".into()
        }]
    );
    h.ok(Msg::PrerequisiteChecked {
        group: 0,
        item: 1,
        exit_code: 1,
    });
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: None
        }),
        Err(Refusal::PrerequisitesPending(1))
    );
    assert_eq!(
        h.send(Msg::WaivePrerequisites {
            reason: "  ".into()
        }),
        Err(Refusal::ReasonRequired)
    );
    h.ok(Msg::WaivePrerequisites {
        reason: "kubectl se instala en el paso 1".into(),
    });
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: None
        }),
        Err(Refusal::VariablesMissing(vec!["DB_PASSWORD".into()]))
    );
    h.ok(Msg::SetVariable {
        name: "DB_PASSWORD".into(),
        value: "pw-secreto".into(),
    });
    let fx = h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    assert_eq!(h.engine.state().status, RunStatus::Running);
    assert!(fx.contains(&Effect::RunCommands {
        step: "P1".into(),
        commands: vec!["ping -c1 db-01".into()],
        env: h.engine.command_env("P1"),
    }));
    // The secret is never in an event.
    let journal = format!("{:?}", h.events);
    assert!(!journal.contains("pw-secreto"));
    assert!(journal.contains("DB_PASSWORD"));
    assert!(
        h.engine
            .command_env("P1")
            .contains(&("DB_PASSWORD".into(), "pw-secreto".into()))
    );
}

#[test]
fn a_variable_must_exist_and_match_its_pattern() {
    let mut h = harness();
    assert_eq!(
        h.send(Msg::SetVariable {
            name: "NOPE".into(),
            value: "x".into()
        }),
        Err(Refusal::NoSuchVariable("NOPE".into()))
    );
}

#[test]
fn exit_codes_decide_the_outcome_and_a_failed_step_can_be_retried() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    assert_eq!(h.status("P1"), StepStatus::Done);
    h.run("P2", &[0, 2]);
    assert_eq!(h.status("P2"), StepStatus::Failed);
    assert_eq!(
        h.engine.item("P2").unwrap().why.cause,
        Some(StepCause::CommandFailed {
            command: 2,
            of: 2,
            exit_code: 2
        })
    );
    h.run("P2", &[0, 0]);
    assert_eq!(h.status("P2"), StepStatus::Done);
    assert_eq!(h.engine.item("P2").unwrap().attempts, 2);
}

#[test]
fn steps_go_in_order() {
    let mut h = harness();
    h.prepare();
    assert_eq!(
        h.send(Msg::StartStep {
            step: "1".into(),
            typed: None
        }),
        Err(Refusal::NotNext {
            step: "1".into(),
            next: "P1".into()
        })
    );
    assert_eq!(
        h.send(Msg::StartStep {
            step: "X".into(),
            typed: None
        }),
        Err(Refusal::NoSuchStep("X".into()))
    );
}

#[test]
fn confirm_steps_need_the_typed_id() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    assert_eq!(
        h.send(Msg::StartStep {
            step: "2".into(),
            typed: None
        }),
        Err(Refusal::NeedsConfirmation {
            step: "2".into(),
            accepted: vec!["2".into(), "staging".into()]
        })
    );
    assert_eq!(
        h.send(Msg::StartStep {
            step: "2".into(),
            typed: Some("3".into())
        }),
        Err(Refusal::WrongConfirmation {
            step: "2".into(),
            accepted: vec!["2".into(), "staging".into()]
        })
    );
    h.ok(Msg::StartStep {
        step: "2".into(),
        typed: Some(" 2 ".into()),
    });
    assert!(h.events.iter().any(
        |(e, _)| matches!(e, Event::Confirmation { step, typed } if step == "2" && typed == "2")
    ));
}

#[test]
fn a_critical_procedure_in_production_confirms_every_step() {
    const CRIT: &str = r#"
[procedure]
id = "PROC-CRIT"
title = "Crítico"
criticality = "critica"
version = "1.0.0"
environment = "produccion"
[[phases]]
id = "e"
kind = "execution"
[[phases.steps]]
id = "1"
title = "Uno"
commands = ["true"]
"#;
    let mut h = Harness::new(CRIT, Mode::Live, None);
    // In production only the environment's name confirms.
    let accepted = vec!["produccion".to_string()];
    assert_eq!(
        h.send(Msg::StartStep {
            step: "1".into(),
            typed: None
        }),
        Err(Refusal::NeedsConfirmation {
            step: "1".into(),
            accepted
        })
    );
    h.ok(Msg::StartStep {
        step: "1".into(),
        typed: Some("produccion".into()),
    });
    // The same procedure run against staging needs nothing typed.
    let mut h = Harness::new(CRIT, Mode::Live, Some("staging"));
    h.ok(Msg::StartStep {
        step: "1".into(),
        typed: None,
    });
}

#[test]
fn validations_check_exit_code_and_output() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    h.run("2", &[0]);
    h.ok(Msg::ValidationFinished {
        step: "2".into(),
        exit_code: 0,
        output: "degraded\n".into(),
    });
    assert_eq!(h.status("2"), StepStatus::Failed);
    assert!(h.events.iter().any(|(e, _)| matches!(e, Event::ValidationResult { passed: false, problems, .. } if problems.0.iter().any(|p| matches!(p, pasos::journal::ValidationProblem::StepOutput { pattern } | pasos::journal::ValidationProblem::ValidationOutput { pattern } if pattern.contains("ok"))))));
    finish_step_2(&mut h);
    assert_eq!(h.status("2"), StepStatus::Done);
}

#[test]
fn output_patterns_without_a_command_read_the_steps_output() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    finish_step_2(&mut h);
    for s in ["3", "4", "5"] {
        h.run(s, &[0]);
    }
    // V1 expects `^v2$`; the harness output is "ok".
    h.run("V1", &[0]);
    assert_eq!(h.status("V1"), StepStatus::Failed);
    h.ok(Msg::StartStep {
        step: "V1".into(),
        typed: None,
    });
    h.ok(Msg::CommandSent {
        step: "V1".into(),
        command: "curl".into(),
        manual: false,
        transcript_offset: None,
    });
    h.ok(Msg::CommandFinished {
        step: "V1".into(),
        exit_code: 0,
        duration_ms: 5,
        output: "HTTP/1.1 200\nv2\n".into(),
        source: ExitSource::Marker,
    });
    assert_eq!(h.status("V1"), StepStatus::Done);
}

#[test]
fn overrides_and_skips_need_a_reason_and_are_deviations() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[1]);
    let msg = Msg::Override {
        step: "P1".into(),
        outcome: StepOutcome::Done,
        reason: "".into(),
    };
    assert_eq!(h.send(msg), Err(Refusal::ReasonRequired));
    h.ok(Msg::Override {
        step: "P1".into(),
        outcome: StepOutcome::Done,
        reason: "ping bloqueado por firewall; DB verificada con psql".into(),
    });
    assert_eq!(h.status("P1"), StepStatus::Done);
    assert_eq!(
        h.send(Msg::Skip {
            step: "P2".into(),
            reason: " ".into()
        }),
        Err(Refusal::ReasonRequired)
    );
    h.ok(Msg::Skip {
        step: "P2".into(),
        reason: "backup de las 02:00 verificado".into(),
    });
    assert_eq!(h.status("P2"), StepStatus::Skipped);
    let devs = &h.engine.state().deviations;
    assert_eq!(devs.len(), 2);
    assert_eq!(
        devs[0].kind,
        DeviationKind::Overridden {
            from: pasos::journal::StepState::Failed,
            to: StepOutcome::Done
        }
    );
    assert_eq!(devs[0].step.as_deref(), Some("P1"));
    assert_eq!(devs[1].kind, DeviationKind::Skipped);
    assert_eq!(devs[1].reason, "backup de las 02:00 verificado");
    h.ok(Msg::Note {
        step: Some("P2".into()),
        text: "backup en s3://bk/02".into(),
    });
    assert_eq!(
        h.engine.item("P2").unwrap().notes,
        vec!["backup en s3://bk/02".to_string()]
    );
}

#[test]
fn manual_steps_and_hand_typed_commands() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    // A command typed by hand while P2 is pending is journaled but decides nothing.
    h.ok(Msg::CommandSent {
        step: "P2".into(),
        command: "df -h".into(),
        manual: true,
        transcript_offset: Some(42),
    });
    h.ok(Msg::CommandFinished {
        step: "P2".into(),
        exit_code: 1,
        duration_ms: 3,
        output: String::new(),
        source: ExitSource::Marker,
    });
    assert_eq!(h.status("P2"), StepStatus::Pending);
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    finish_step_2(&mut h);
    for s in ["3", "4", "5"] {
        h.run(s, &[0]);
    }
    h.run("V1", &[0]);
    h.ok(Msg::Override {
        step: "V1".into(),
        outcome: StepOutcome::Done,
        reason: "versión verificada a mano".into(),
    });
    h.run("6", &[0]);
    let fx = h.ok(Msg::StartStep {
        step: "7".into(),
        typed: None,
    });
    assert!(!fx.iter().any(|e| matches!(e, Effect::RunCommands { .. })));
    assert_eq!(h.status("7"), StepStatus::AwaitingOperator);
    h.ok(Msg::Report {
        step: "7".into(),
        outcome: StepOutcome::Done,
    });
    assert_eq!(
        h.engine.state().status,
        RunStatus::Finished(RunOutcome::Success)
    );
    assert!(matches!(
        h.events.last(),
        Some((
            Event::RunFinished {
                outcome: RunOutcome::Success,
                ..
            },
            _
        ))
    ));
}

#[test]
fn rehearsal_shows_commands_and_runs_nothing() {
    let mut h = Harness::new(TEN_STEPS, Mode::Rehearsal, None);
    h.prepare();
    let fx = h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    assert!(!fx.iter().any(|e| matches!(e, Effect::RunCommands { .. })));
    h.ok(Msg::Report {
        step: "P1".into(),
        outcome: StepOutcome::Done,
    });
    assert_eq!(
        h.engine.item("P1").unwrap().why.cause,
        Some(StepCause::Rehearsal)
    );
}

#[test]
fn timers_follow_the_fake_clock() {
    let mut h = harness();
    h.prepare();
    h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    h.clock.advance_secs(59);
    let t = h.engine.step_timer("P1").unwrap();
    assert_eq!((t.elapsed_ms, t.over, t.running), (59_000, false, true));
    h.clock.advance_secs(2);
    assert!(h.engine.step_timer("P1").unwrap().over);
    h.ok(Msg::CommandSent {
        step: "P1".into(),
        command: "ping".into(),
        manual: false,
        transcript_offset: None,
    });
    h.ok(Msg::CommandFinished {
        step: "P1".into(),
        exit_code: 0,
        duration_ms: 1,
        output: String::new(),
        source: ExitSource::Marker,
    });
    h.clock.advance_secs(100);
    let t = h.engine.step_timer("P1").unwrap();
    assert_eq!(
        (t.elapsed_ms, t.running),
        (61_000, false),
        "a finished step's timer stops"
    );
    // A range is over only past its upper end: step 2 is 5-10m.
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    h.ok(Msg::StartStep {
        step: "2".into(),
        typed: Some("2".into()),
    });
    h.clock.advance_secs(9 * 60);
    assert!(!h.engine.step_timer("2").unwrap().over);
    h.clock.advance_secs(61);
    assert!(h.engine.step_timer("2").unwrap().over);
    // Phase budget: pre is 3m; P1 took 61s, P2 two commands of 30s.
    let p = h.engine.phase_timer(0);
    assert_eq!(p.elapsed_ms, 61_000 + 60_000);
    assert!(!p.over);
    // Run: started at 03:00, RTO 30m.
    let r = h.engine.run_timer();
    assert_eq!(
        r.rto_deadline,
        Some(Utc.with_ymd_and_hms(2026, 11, 23, 3, 30, 0).unwrap())
    );
    assert_eq!(r.rto_left_ms, Some(1_800_000 - r.elapsed_ms as i64));
    assert!(r.pace > 0.5 && r.pace <= 3.0);
}

#[test]
fn eta_scales_what_is_left_by_the_pace_so_far() {
    let mut h = harness();
    h.prepare();
    // P1 estimated 1m takes 2m: pace 2.0.
    h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    h.clock.advance_secs(120);
    h.ok(Msg::CommandSent {
        step: "P1".into(),
        command: "ping".into(),
        manual: false,
        transcript_offset: None,
    });
    h.ok(Msg::CommandFinished {
        step: "P1".into(),
        exit_code: 0,
        duration_ms: 1,
        output: String::new(),
        source: ExitSource::Marker,
    });
    let r = h.engine.run_timer();
    assert!((r.pace - 2.0).abs() < 1e-9, "{}", r.pace);
    // Left: P2 2m, 1 2m, 2 7.5m (mid), 3 3m, 4 1m, 5 1m, V1 1m, 6 30s, 7 2m = 20m = 1200s.
    assert_eq!(r.remaining_ms, 2 * 1_200_000);
}

#[test]
fn rollback_plan_from_every_position() {
    let order = ["P1", "P2", "1", "2", "3", "4", "5", "V1", "6", "7"];
    for done in 0..=order.len() {
        let mut h = harness();
        h.prepare();
        for s in &order[..done] {
            match *s {
                "2" => finish_step_2(&mut h),
                "7" => {
                    h.ok(Msg::StartStep {
                        step: "7".into(),
                        typed: None,
                    });
                    h.ok(Msg::Report {
                        step: "7".into(),
                        outcome: StepOutcome::Done,
                    });
                }
                "V1" => {
                    h.run("V1", &[0]);
                    h.ok(Msg::Override {
                        step: "V1".into(),
                        outcome: StepOutcome::Done,
                        reason: "ok".into(),
                    });
                }
                s => {
                    let n = pasos::procedure::load_str(TEN_STEPS)
                        .procedure
                        .unwrap()
                        .step(s)
                        .unwrap()
                        .commands
                        .len();
                    h.run(s, &vec![0; n]);
                }
            }
        }
        let plan: Vec<(String, PlanKind)> = h
            .engine
            .rollback_plan()
            .into_iter()
            .map(|e| (e.id, e.kind))
            .collect();
        // Expected: the tree's entry R1, attempted execution/post steps in
        // reverse, R2, then P2's undo, listed and kept (it would delete the
        // backup).
        let mut expected = vec![("R1".to_string(), PlanKind::Full)];
        for s in order[..done].iter().rev() {
            let e = match *s {
                "1" => ("undo:1".to_string(), PlanKind::Undo),
                "2" => ("2".into(), PlanKind::CoveredBy(vec!["R2".into()])),
                "3" => ("undo:3".into(), PlanKind::Undo),
                "4" => ("4".into(), PlanKind::NothingToUndo),
                "5" => ("5".into(), PlanKind::Undocumented),
                "6" => ("undo:6".into(), PlanKind::Undo),
                "7" => ("7".into(), PlanKind::Undocumented),
                _ => continue, // pre-flight and validation are never undone
            };
            expected.push(e);
        }
        expected.push(("R2".into(), PlanKind::Full));
        if done >= 2 {
            expected.push(("P2".into(), PlanKind::Kept));
        }
        assert_eq!(plan, expected, "after {done} steps");
    }
}

#[test]
fn a_rollback_runs_its_plan_and_ends_rolled_back() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    finish_step_2(&mut h);
    h.run("3", &[1]);
    assert_eq!(
        h.send(Msg::StartRollback { reason: "".into() }),
        Err(Refusal::ReasonRequired)
    );
    h.ok(Msg::AnswerDecision {
        node: "fallo".into(),
        answer: true,
    });
    h.ok(Msg::AnswerDecision {
        node: "critico".into(),
        answer: true,
    });
    assert_eq!(
        h.engine.decision_outcome().map(|n| n.id.as_str()),
        Some("rollback")
    );
    h.ok(Msg::StartRollback {
        reason: "migración falló: error rate 12%".into(),
    });
    assert_eq!(h.engine.state().status, RunStatus::RollingBack);
    assert_eq!(
        h.engine.state().rollback_plan,
        vec!["R1", "undo:3", "undo:1", "R2"]
    );
    assert_eq!(
        h.send(Msg::StartRollback { reason: "x".into() }),
        Err(Refusal::AlreadyRollingBack)
    );
    assert_eq!(h.engine.next_item().unwrap().id, "R1");
    h.run("R1", &[0]);
    assert_eq!(h.engine.next_item().unwrap().id, "undo:3");
    let fx = h.run("undo:3", &[0]);
    assert!(fx.iter().any(|e| matches!(e, Effect::RunCommands { commands, .. } if commands == &vec!["migrate down".to_string()])));
    assert_eq!(h.status("3"), StepStatus::RolledBack);
    h.run("undo:1", &[0]);
    h.run("R2", &[0]);
    assert_eq!(
        h.engine.state().status,
        RunStatus::Finished(RunOutcome::RolledBack)
    );
    assert_eq!(h.status("1"), StepStatus::RolledBack);
}

#[test]
fn abort_ends_failed_when_a_step_failed() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[3]);
    h.ok(Msg::Abort {
        reason: "sin acceso a la DB".into(),
    });
    assert_eq!(
        h.engine.state().status,
        RunStatus::Finished(RunOutcome::Failed)
    );
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: None
        }),
        Err(Refusal::RunNotActive)
    );
}

#[test]
fn interrupt_and_resume_come_back_to_the_same_step() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.ok(Msg::StartStep {
        step: "P2".into(),
        typed: None,
    });
    h.ok(Msg::Interrupt {
        cause: pasos::journal::Interruption::signal("SIGHUP"),
    });
    assert_eq!(h.engine.state().status, RunStatus::Interrupted);
    assert_eq!(h.status("P2"), StepStatus::Interrupted);
    let replayed = h.replayed();
    assert_eq!(replayed.state(), h.engine.state());
    h.ok(Msg::Resume {
        operator: Operator::default(),
        discarded_torn_bytes: None,
    });
    assert_eq!(h.engine.state().status, RunStatus::Running);
    assert_eq!(h.engine.next_item().unwrap().id, "P2");
    h.run("P2", &[0, 0]);
    assert_eq!(h.engine.item("P2").unwrap().attempts, 2);
}

#[test]
fn a_journal_cut_mid_step_replays_as_interrupted_and_asks_secrets_again() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.ok(Msg::StartStep {
        step: "P2".into(),
        typed: None,
    });
    let mut replayed = h.replayed();
    assert_eq!(replayed.state().status, RunStatus::Interrupted);
    assert_eq!(replayed.item("P2").unwrap().status, StepStatus::Interrupted);
    assert_eq!(
        replayed.missing_variables(),
        vec!["DB_PASSWORD".to_string()]
    );
    let fx = replayed
        .update(Msg::Resume {
            operator: Operator::default(),
            discarded_torn_bytes: None,
        })
        .unwrap();
    let kinds: Vec<&str> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Journal(ev) => Some(ev.kind()),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, vec!["run-interrupted", "run-resumed"]);
    assert_eq!(
        replayed.update(Msg::StartStep {
            step: "P2".into(),
            typed: None
        }),
        Err(Refusal::VariablesMissing(vec!["DB_PASSWORD".into()]))
    );
}

/// A message the property test may send; most will be refused, which is
/// part of what is tested.
fn any_msg() -> impl Strategy<Value = Msg> {
    let step = prop::sample::select(vec![
        "P1", "P2", "1", "2", "3", "4", "5", "V1", "6", "7", "R1", "R2", "undo:1", "undo:3",
        "undo:6",
    ]);
    prop_oneof![
        4 => (step.clone(), prop::option::of(Just("2".to_string()))).prop_map(|(s, t)| Msg::StartStep { step: s.into(), typed: t }),
        6 => (step.clone(), 0i32..3, "[a-z ]{0,12}").prop_map(|(s, c, o)| Msg::CommandFinished { step: s.into(), exit_code: c, duration_ms: 5, output: o , source: ExitSource::Marker}),
        3 => (step.clone(), any::<bool>()).prop_map(|(s, m)| Msg::CommandSent { step: s.into(), command: "x".into(), manual: m, transcript_offset: None }),
        2 => (step.clone(), 0i32..2).prop_map(|(s, c)| Msg::ValidationFinished { step: s.into(), exit_code: c, output: "ok".into() }),
        2 => (step.clone(), any::<bool>()).prop_map(|(s, ok)| Msg::Report { step: s.into(), outcome: if ok { StepOutcome::Done } else { StepOutcome::Failed } }),
        2 => (step.clone(), any::<bool>(), "[a-z]{0,3}").prop_map(|(s, ok, r)| Msg::Override { step: s.into(), outcome: if ok { StepOutcome::Done } else { StepOutcome::Failed }, reason: r }),
        1 => (step.clone(), "[a-z]{0,3}").prop_map(|(s, r)| Msg::Skip { step: s.into(), reason: r }),
        1 => (prop::option::of(step.clone()), "[a-z]{1,5}").prop_map(|(s, t)| Msg::Note { step: s.map(str::to_string), text: t }),
        1 => ("[a-z]{0,3}").prop_map(|r| Msg::StartRollback { reason: r }),
        1 => ("[a-z]{1,3}").prop_map(|r| Msg::Interrupt {
            cause: pasos::journal::Interruption::signal(&r)
        }),
        1 => Just(Msg::Resume { operator: Operator::default(), discarded_torn_bytes: None }),
        1 => (prop::sample::select(vec!["fallo", "critico", "seguir"]), any::<bool>()).prop_map(|(n, a)| Msg::AnswerDecision { node: n.into(), answer: a }),
        1 => Just(Msg::Abort { reason: "fin".into() }),
        1 => (0usize..2, 0usize..3).prop_map(|(g, i)| Msg::ConfirmPrerequisite { group: g, item: i }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PASOS_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    /// Rebuilding an engine from the events of any run gives the state the
    /// live engine has (a run that stopped mid-step comes back interrupted).
    #[test]
    fn replay_equals_live(msgs in prop::collection::vec((any_msg(), 0i64..120), 1..80)) {
        let mut h = harness();
        h.prepare();
        for (msg, secs) in msgs {
            h.clock.advance_secs(secs);
            let _ = h.send(msg);
        }
        let replayed = h.replayed();
        let mut live = h.engine.state().clone();
        if matches!(live.status, RunStatus::Preparing | RunStatus::Running | RunStatus::RollingBack) {
            // What an unclosed journal means: interrupted at the last event.
            let at = h.events.last().unwrap().1;
            live.status_before_interrupt = Some(live.status);
            live.status = RunStatus::Interrupted;
            live.in_flight = None;
            if let Some(c) = live.unfinished_command.take() {
                live.interrupted_command = Some(c);
            }
            for i in live.items.iter_mut().filter(|i| i.status.is_active()) {
                i.status = StepStatus::Interrupted;
                i.finished_at = Some(at);
            }
        }
        prop_assert_eq!(replayed.state(), &live);
    }
}

#[test]
fn a_step_stops_at_its_first_failing_command() {
    let mut h = harness();
    h.prepare();
    h.run("P1", &[0]);
    h.run("P2", &[2]);
    assert_eq!(h.status("P2"), StepStatus::Failed);
    assert_eq!(
        h.engine.item("P2").unwrap().why.cause,
        Some(StepCause::CommandFailed {
            command: 1,
            of: 2,
            exit_code: 2
        })
    );
}

#[test]
fn undo_items_are_not_judged_by_the_forward_steps_validation() {
    // In the demo, step 5 validates that the flag is gone; its undo puts it
    // back. (Written differently from R1's, so that it is not R1's to do.)
    let demo = include_str!("../procedures/demo.toml").replace(
        r#"rollback = { commands = ["touch"#,
        r#"rollback = { commands = [": undo 5; touch"#,
    );
    assert!(demo.contains(": undo 5;"));
    let mut h = Harness::new(Box::leak(demo.into_boxed_str()), Mode::Live, None);
    h.ok(Msg::WaivePrerequisites {
        reason: "prueba".into(),
    });
    h.ok(Msg::SetVariable {
        name: "NOTIFY_TOKEN".into(),
        value: "t0k3n-42".into(),
    });
    h.run("P1", &[0]); // its output pattern wants `tools-ok`: fails here
    h.ok(Msg::Override {
        step: "P1".into(),
        outcome: StepOutcome::Done,
        reason: "prueba".into(),
    });
    h.run("P2", &[0, 0, 0]);
    h.ok(Msg::ValidationFinished {
        step: "P2".into(),
        exit_code: 0,
        output: String::new(),
    });
    h.run("1", &[0, 0]);
    h.ok(Msg::ValidationFinished {
        step: "1".into(),
        exit_code: 0,
        output: String::new(),
    });
    h.run("2", &[0]);
    h.ok(Msg::ValidationFinished {
        step: "2".into(),
        exit_code: 0,
        output: String::new(),
    });
    h.run("3", &[0]);
    h.ok(Msg::ValidationFinished {
        step: "3".into(),
        exit_code: 0,
        output: "version=2.0.0\n".into(),
    });
    assert_eq!(h.status("3"), StepStatus::Done);
    h.run("4", &[0]);
    h.ok(Msg::Override {
        step: "4".into(),
        outcome: StepOutcome::Done,
        reason: "prueba".into(),
    });
    // Step 5 validates that the flag is gone; its undo puts it back.
    h.run("5", &[0]);
    h.ok(Msg::ValidationFinished {
        step: "5".into(),
        exit_code: 0,
        output: String::new(),
    });
    h.ok(Msg::StartRollback {
        reason: "prueba".into(),
    });
    assert_eq!(h.engine.next_item().unwrap().id, "R1");
    h.run("R1", &[0]);
    assert_eq!(h.engine.next_item().unwrap().id, "undo:5");
    let fx = h.run("undo:5", &[0]);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::RunValidation { .. })),
        "{fx:?}"
    );
    assert_eq!(h.status("undo:5"), StepStatus::Done);
    assert_eq!(h.status("5"), StepStatus::RolledBack);
    // R2 does step 3's undo (the same restore): step 3 is undone with it.
    h.run("R2", &[0]);
    assert_eq!(h.status("3"), StepStatus::RolledBack);
}

#[test]
fn run_started_records_the_procedure_profile() {
    let h = Harness::new(TEN_STEPS, Mode::Live, None);
    let Event::RunStarted { profile, .. } = &h.events[0].0 else {
        panic!("first event is {:?}", h.events[0].0);
    };
    assert_eq!(profile.criticality.as_deref(), Some("alta"));
    assert_eq!(profile.estimate.as_deref(), Some("20-30m"));
    assert_eq!(profile.rto.as_deref(), Some("30m"));
    assert!(!profile.incident);
    let ids: Vec<&str> = profile.steps.iter().map(|s| s.id.as_str()).collect();
    let forward = h.engine.procedure().steps().count();
    let rollback = h.engine.procedure().rollback.steps.len();
    assert_eq!(ids.len(), forward + rollback);
    assert!(rollback > 0, "the fixture has R-steps");
    assert_eq!(profile.steps.last().unwrap().phase, "rollback");
    let with_range = profile
        .steps
        .iter()
        .find(|s| s.estimate.as_deref() == Some("5-10m"));
    assert!(with_range.is_some(), "{:?}", profile.steps);
}

#[test]
fn a_variable_set_at_start_does_not_journal_its_default_first() {
    let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap());
    let cfg = RunConfig {
        run_id: "20261123T030000000Z-0002".into(),
        mode: Mode::Live,
        environment: None,
        operator: Operator::default(),
        source: "test.toml".into(),
        procedure_sha256: "00".repeat(32),
        forced: false,
        preset: vec!["HOST".into()],
    };
    let (_, effects) = Engine::start(procedure(TEN_STEPS), Box::new(clock), cfg);
    let set: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Journal(Event::VariableSet { name, .. }) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert!(!set.contains(&"HOST"), "{set:?}");
}

/// Step time is the operator's: a step that fails at 10 s, is retried and
/// is done at 50 s took 50 s (not the 10 s + 10 s of its attempts), and
/// the KPI sample says 50 s too.
#[test]
fn step_time_runs_from_the_first_start_to_the_final_outcome() {
    let mut h = harness();
    h.prepare();
    let finish = |h: &mut Harness, code: i32| {
        h.ok(Msg::CommandSent {
            step: "P1".into(),
            command: "ping".into(),
            manual: false,
            transcript_offset: None,
        });
        h.clock.advance_secs(5);
        h.ok(Msg::CommandFinished {
            step: "P1".into(),
            exit_code: code,
            duration_ms: 5_000,
            output: String::new(),
            source: ExitSource::Marker,
        });
    };
    h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    h.clock.advance_secs(5);
    finish(&mut h, 1);
    assert_eq!(h.status("P1"), StepStatus::Failed);
    // 30 s to decide and fix, then the retry takes 10 s.
    h.clock.advance_secs(30);
    h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    h.clock.advance_secs(5);
    finish(&mut h, 0);
    assert_eq!(h.status("P1"), StepStatus::Done);
    let finished: Vec<(u64, Option<u64>, Option<u64>)> = h
        .events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::StepFinished {
                duration_ms,
                step_ms,
                command_ms,
                ..
            } => Some((*duration_ms, *step_ms, *command_ms)),
            _ => None,
        })
        .collect();
    assert_eq!(
        finished,
        [
            (10_000, Some(10_000), Some(5_000)),
            (10_000, Some(50_000), Some(10_000))
        ]
    );
    assert_eq!(h.engine.step_timer("P1").unwrap().elapsed_ms, 50_000);
    // Later, the timer of a finished step does not move.
    h.clock.advance_secs(100);
    assert_eq!(h.engine.step_timer("P1").unwrap().elapsed_ms, 50_000);
    // The history reads the same.
    let record = pasos::history::record::build::from_lines(&h.lines()).unwrap();
    let p1 = record.steps.iter().find(|s| s.id == "P1").unwrap();
    assert_eq!(p1.duration_ms, 50_000);
    assert_eq!(h.replayed().step_timer("P1").unwrap().elapsed_ms, 50_000);
}

#[test]
fn step_time_leaves_out_run_interruptions() {
    let mut h = harness();
    h.prepare();
    h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    h.clock.advance_secs(10);
    h.ok(Msg::Interrupt {
        cause: pasos::journal::Interruption::signal("SIGHUP"),
    });
    h.clock.advance_secs(3_600);
    h.ok(Msg::Resume {
        operator: Operator::default(),
        discarded_torn_bytes: None,
    });
    h.clock.advance_secs(5);
    h.ok(Msg::StartStep {
        step: "P1".into(),
        typed: None,
    });
    h.clock.advance_secs(15);
    h.ok(Msg::CommandSent {
        step: "P1".into(),
        command: "ping".into(),
        manual: false,
        transcript_offset: None,
    });
    h.ok(Msg::CommandFinished {
        step: "P1".into(),
        exit_code: 0,
        duration_ms: 1_000,
        output: String::new(),
        source: ExitSource::Marker,
    });
    let step_ms = h.events.iter().find_map(|(e, _)| match e {
        Event::StepFinished { step_ms, .. } => *step_ms,
        _ => None,
    });
    assert_eq!(step_ms, Some(30_000));
}

#[test]
fn steps_whose_undo_the_full_rollback_does_are_undone_with_it() {
    // In the demo, step 5's undo is R1's command and step 3's is R2's.
    let mut h = Harness::new(include_str!("../procedures/demo.toml"), Mode::Live, None);
    h.ok(Msg::WaivePrerequisites {
        reason: "prueba".into(),
    });
    h.ok(Msg::SetVariable {
        name: "NOTIFY_TOKEN".into(),
        value: "t0k3n-42".into(),
    });
    for s in ["P1", "P2", "1", "2", "3", "4", "5"] {
        h.run(s, &[0]);
        if h.status(s) != StepStatus::Done {
            h.ok(Msg::Override {
                step: s.into(),
                outcome: StepOutcome::Done,
                reason: "prueba".into(),
            });
        }
    }
    h.ok(Msg::StartRollback {
        reason: "prueba".into(),
    });
    assert_eq!(h.engine.state().rollback_plan, ["R1", "R2", "R3", "R4"]);
    h.run("R1", &[0]);
    assert_eq!(h.status("5"), StepStatus::RolledBack);
    assert_eq!(h.status("3"), StepStatus::Done);
    h.run("R2", &[0]);
    assert_eq!(h.status("3"), StepStatus::RolledBack);
    assert_eq!(h.status("2"), StepStatus::Done);
    for r in ["R3", "R4"] {
        h.run(r, &[0]);
        if h.status(r) != StepStatus::Done {
            h.ok(Msg::Override {
                step: r.into(),
                outcome: StepOutcome::Done,
                reason: "prueba".into(),
            });
        }
    }
    assert_eq!(h.status("2"), StepStatus::RolledBack);
    // P2 is preparation: the rollback leaves it as it is.
    assert_eq!(h.status("P2"), StepStatus::Done);
    assert_eq!(
        h.engine.state().status,
        RunStatus::Finished(RunOutcome::RolledBack)
    );
    // Replaying the journal gives the same states.
    let again = h.replayed();
    for s in ["2", "3", "5", "P2"] {
        assert_eq!(again.item(s).unwrap().status, h.status(s), "{s}");
    }
}

#[test]
fn production_takes_only_the_environments_name_as_confirmation() {
    for env in ["produccion", "prod-eu"] {
        let mut h = Harness::new(TEN_STEPS, Mode::Live, Some(env));
        h.prepare();
        h.run("P1", &[0]);
        h.run("P2", &[0, 0]);
        h.run("1", &[0]);
        let item = h.engine.item("2").unwrap().clone();
        assert_eq!(
            h.engine.confirmation_for(&item),
            Some(vec![env.to_string()])
        );
        assert_eq!(
            h.send(Msg::StartStep {
                step: "2".into(),
                typed: Some("2".into()),
            }),
            Err(Refusal::WrongConfirmation {
                step: "2".into(),
                accepted: vec![env.to_string()],
            })
        );
        h.ok(Msg::StartStep {
            step: "2".into(),
            typed: Some(format!(" {env} ")),
        });
        assert_eq!(h.status("2"), StepStatus::Running);
    }
}

#[test]
fn outside_production_the_step_id_still_confirms() {
    let mut h = Harness::new(TEN_STEPS, Mode::Live, Some("staging"));
    h.prepare();
    h.run("P1", &[0]);
    h.run("P2", &[0, 0]);
    h.run("1", &[0]);
    let item = h.engine.item("2").unwrap().clone();
    assert_eq!(
        h.engine.confirmation_for(&item),
        Some(vec!["2".to_string(), "staging".to_string()])
    );
    h.ok(Msg::StartStep {
        step: "2".into(),
        typed: Some("2".into()),
    });
    assert_eq!(h.status("2"), StepStatus::Running);
}

#[test]
fn a_production_rehearsal_says_the_prerequisites_before_asking_to_type() {
    // The first step itself asks for a typed confirmation.
    let text = TEN_STEPS.replacen(
        "id = \"P1\"\ntitle = \"Verificar\"",
        "id = \"P1\"\ntitle = \"Verificar\"\nconfirm = true",
        1,
    );
    let text: &'static str = Box::leak(text.into_boxed_str());
    let mut h = Harness::new(text, Mode::Rehearsal, Some("production"));
    let p1 = h.engine.item("P1").unwrap().clone();
    // Nothing to type while the prerequisites block the start: the UI
    // starts the step, and the engine says what blocks it.
    assert_eq!(h.engine.confirmation_for(&p1), None);
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: None,
        }),
        Err(Refusal::PrerequisitesPending(2))
    );
    // Even a correct confirmation does not get past them.
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: Some("production".into()),
        }),
        Err(Refusal::PrerequisitesPending(2))
    );
    h.prepare();
    let p1 = h.engine.item("P1").unwrap().clone();
    assert_eq!(
        h.engine.confirmation_for(&p1),
        Some(vec!["production".to_string()])
    );
    assert_eq!(
        h.send(Msg::StartStep {
            step: "P1".into(),
            typed: Some("P1".into()),
        }),
        Err(Refusal::WrongConfirmation {
            step: "P1".into(),
            accepted: vec!["production".into()],
        })
    );
}
