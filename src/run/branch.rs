//! Choices, conditions and reference snippets: the operator's answers,
//! checked and turned into journal events.

use super::engine::Engine;
use super::msg::{Effect, Refusal};
use super::state::{Item, ItemKind, StepStatus};
use super::substitute::substitute;
use crate::journal::Event;
use crate::procedure::Choice;

impl Engine {
    /// The choice an item asks (never for an undo item).
    pub fn choice_of(&self, item: &Item) -> Option<&Choice> {
        match item.kind {
            ItemKind::Undo { .. } => None,
            _ => self.step_of(item).choice.as_ref(),
        }
    }

    /// The condition an item asks before it starts (never for an undo item).
    pub fn condition_of(&self, item: &Item) -> Option<&str> {
        match item.kind {
            ItemKind::Undo { .. } => None,
            _ => self.step_of(item).condition.as_deref(),
        }
    }

    /// What the operator must answer before `step` can start: a choice, an
    /// unanswered condition, or nothing.
    pub fn question_for(&self, step: &str) -> Option<Question<'_>> {
        let item = self.item(step)?;
        if item.status != StepStatus::Pending {
            return None;
        }
        if let Some(c) = self.choice_of(item) {
            return Some(Question::Choice(c));
        }
        match self.condition_of(item) {
            Some(q) if !self.state.conditions.contains_key(step) => Some(Question::Condition(q)),
            _ => None,
        }
    }

    pub(super) fn choose(
        &mut self,
        step: String,
        option: String,
        fx: &mut Vec<Effect>,
    ) -> Result<(), Refusal> {
        let idx = self
            .item_index(&step)
            .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
        let Some(choice) = self.choice_of(&self.state.items[idx]) else {
            return Err(Refusal::NotAChoice { step });
        };
        if self.state.choices.contains_key(&step) {
            return Err(Refusal::AlreadyAnswered { step });
        }
        let Some(picked) = choice.option(option.trim()) else {
            return Err(Refusal::NoSuchOption {
                step,
                option,
                options: choice.options.iter().map(|o| o.id.clone()).collect(),
            });
        };
        let option = picked.id.clone();
        let not_chosen = choice.not_chosen(&option);
        self.startable(&step)?;
        self.emit(
            fx,
            Event::ChoiceMade {
                step,
                option,
                not_chosen,
            },
        );
        Ok(())
    }

    pub(super) fn answer_condition(
        &mut self,
        step: String,
        answer: bool,
        fx: &mut Vec<Effect>,
    ) -> Result<(), Refusal> {
        let idx = self
            .item_index(&step)
            .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
        if self.condition_of(&self.state.items[idx]).is_none() {
            return Err(Refusal::NoCondition { step });
        }
        if self.state.conditions.contains_key(&step) {
            return Err(Refusal::AlreadyAnswered { step });
        }
        self.startable(&step)?;
        self.emit(fx, Event::ConditionAnswered { step, answer });
        Ok(())
    }

    pub(super) fn send_snippet(
        &mut self,
        snippet: String,
        command: usize,
        fx: &mut Vec<Effect>,
    ) -> Result<(), Refusal> {
        self.active_run()?;
        let s = self
            .procedure
            .snippet(&snippet)
            .ok_or_else(|| Refusal::NoSuchSnippet {
                snippet: snippet.clone(),
            })?;
        let c = s
            .commands
            .get(command)
            .ok_or_else(|| Refusal::NoSuchSnippetCommand {
                snippet: snippet.clone(),
                command,
            })?;
        let text = substitute(&c.run, &self.substitution_values());
        self.emit(
            fx,
            Event::SnippetSent {
                snippet: snippet.clone(),
                command: text.clone(),
            },
        );
        fx.push(Effect::SendToShell {
            snippet,
            command: text,
        });
        Ok(())
    }
}

/// A question the operator answers before a step can start.
#[derive(Debug, Clone, Copy)]
pub enum Question<'a> {
    Choice(&'a Choice),
    Condition(&'a str),
}

#[cfg(test)]
mod tests {
    use crate::journal::line::{Line, genesis};
    use crate::journal::{Event, ExitSource, Mode, Operator, RunOutcome};
    use crate::run::{
        Effect, Engine, FakeClock, Msg, PlanKind, Refusal, RunConfig, RunStatus, StepStatus,
    };
    use chrono::{TimeZone, Utc};

    const BRANCHES: &str = r#"
[procedure]
id = "PROC-TEST-BRANCH"
title = "Ramas"
criticality = "media"
version = "1.0.0"

[[phases]]
id = "exec"
kind = "execution"

[[phases.steps]]
id = "1"
title = "Parar la app"
commands = ["stop app"]
rollback = { commands = ["start app"] }

[[phases.steps]]
id = "2"
title = "Revertir la aplicación"
choice = "¿Cómo se revierte la aplicación?"
options = [
  { id = "helm", title = "Helm rollback", steps = ["2a", "2b"] },
  { id = "kubectl", title = "kubectl rollout undo", steps = ["2c"] },
]

[[phases.steps]]
id = "2a"
title = "helm rollback"
commands = ["helm rollback app 0"]
rollback = { commands = ["helm rollback app 1"] }

[[phases.steps]]
id = "2b"
title = "helm status"
commands = ["helm status app"]
rollback = "none"

[[phases.steps]]
id = "2c"
title = "kubectl undo"
commands = ["kubectl rollout undo deploy/app"]
rollback = { commands = ["kubectl rollout undo deploy/app"] }

[[phases.steps]]
id = "3"
title = "Vaciar la base"
condition = "¿La base ya tiene tablas?"
warning = "Borra todos los datos de la base."
confirm = true
commands = ["dropdb app"]
rollback = { commands = ["createdb app"] }

[[phases.steps]]
id = "4"
title = "Arrancar"
commands = ["start app"]
rollback = "none"

[[snippets]]
id = "logs"
title = "Ver logs"
commands = ["tail -n 50 /var/log/${APP}.log", "journalctl -u app"]
text = "Útil cuando falla."

[[variables]]
name = "APP"
default = "app"
"#;

    struct H {
        engine: Engine,
        clock: FakeClock,
        events: Vec<(Event, chrono::DateTime<Utc>)>,
    }

    impl H {
        fn new(mode: Mode) -> H {
            let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 12, 6, 3, 0, 0).unwrap());
            let cfg = RunConfig {
                run_id: "20261206T030000000Z-0001".into(),
                mode,
                environment: None,
                operator: Operator {
                    user: "ana".into(),
                    host: "bastion".into(),
                    ssh: None,
                    name: None,
                },
                source: "t.toml".into(),
                procedure_sha256: "00".repeat(32),
                forced: false,
                preset: Vec::new(),
            };
            let (engine, fx) = Engine::start(procedure(), Box::new(clock.clone()), cfg);
            let mut h = H {
                engine,
                clock,
                events: Vec::new(),
            };
            h.record(&fx);
            h
        }

        fn record(&mut self, fx: &[Effect]) {
            let now = self.engine.now();
            for e in fx {
                if let Effect::Journal(ev) = e {
                    self.events.push((ev.clone(), now));
                }
            }
        }

        fn send(&mut self, msg: Msg) -> Result<Vec<Effect>, Refusal> {
            let fx = self.engine.update(msg)?;
            self.record(&fx);
            Ok(fx)
        }

        fn ok(&mut self, msg: Msg) -> Vec<Effect> {
            self.send(msg.clone())
                .unwrap_or_else(|r| panic!("{msg:?} refused: {r:?}"))
        }

        fn run(&mut self, step: &str, typed: Option<&str>) {
            let n = self
                .engine
                .item(step)
                .map(|i| self.engine.commands_of(i).len())
                .unwrap();
            self.ok(Msg::StartStep {
                step: step.into(),
                typed: typed.map(str::to_string),
            });
            for i in 0..n {
                self.clock.advance_secs(5);
                self.ok(Msg::CommandSent {
                    step: step.into(),
                    command: format!("c{i}"),
                    manual: false,
                    transcript_offset: None,
                });
                self.ok(Msg::CommandFinished {
                    step: step.into(),
                    exit_code: 0,
                    duration_ms: 5_000,
                    output: String::new(),
                    source: ExitSource::Marker,
                });
            }
            assert_eq!(self.status(step), StepStatus::Done, "step {step}");
        }

        fn status(&self, step: &str) -> StepStatus {
            self.engine.item(step).unwrap().status
        }

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

        fn replayed(&self) -> Engine {
            Engine::replay(procedure(), Box::new(self.clock.clone()), &self.lines()).unwrap()
        }
    }

    fn procedure() -> crate::procedure::Procedure {
        let loaded = crate::procedure::load_str(BRANCHES);
        assert!(loaded.procedure.is_some(), "{:?}", loaded.diagnostics);
        loaded.procedure.unwrap()
    }

    #[test]
    fn a_choice_runs_only_the_chosen_branch() {
        let mut h = H::new(Mode::Live);
        h.run("1", None);
        // Starting or skipping the choice step asks for the choice.
        assert_eq!(
            h.send(Msg::StartStep {
                step: "2".into(),
                typed: None
            }),
            Err(Refusal::ChoiceNeeded { step: "2".into() })
        );
        assert_eq!(
            h.send(Msg::Skip {
                step: "2".into(),
                reason: "x".into()
            }),
            Err(Refusal::ChoiceNeeded { step: "2".into() })
        );
        assert!(matches!(
            h.send(Msg::Choose {
                step: "2".into(),
                option: "argo".into()
            }),
            Err(Refusal::NoSuchOption { options, .. }) if options == ["helm", "kubectl"]
        ));
        let fx = h.ok(Msg::Choose {
            step: "2".into(),
            option: "kubectl".into(),
        });
        assert_eq!(
            fx,
            vec![Effect::Journal(Event::ChoiceMade {
                step: "2".into(),
                option: "kubectl".into(),
                not_chosen: vec!["2a".into(), "2b".into()],
            })]
        );
        assert_eq!(h.status("2"), StepStatus::Done);
        assert_eq!(h.status("2a"), StepStatus::NotChosen);
        assert_eq!(h.status("2b"), StepStatus::NotChosen);
        assert_eq!(h.status("2c"), StepStatus::Pending);
        assert_eq!(h.engine.next_item().unwrap().id, "2c");
        assert_eq!(
            h.send(Msg::Choose {
                step: "2".into(),
                option: "helm".into()
            }),
            Err(Refusal::AlreadyAnswered { step: "2".into() })
        );
        // Not-chosen steps cannot be started.
        assert!(
            h.send(Msg::StartStep {
                step: "2a".into(),
                typed: None
            })
            .is_err()
        );
        h.run("2c", None);
        assert!(h.engine.state().deviations.is_empty());
    }

    #[test]
    fn a_choice_is_asked_in_order() {
        let mut h = H::new(Mode::Live);
        assert!(matches!(
            h.send(Msg::Choose {
                step: "2".into(),
                option: "helm".into()
            }),
            Err(Refusal::NotNext { .. })
        ));
        assert!(matches!(
            h.send(Msg::Choose {
                step: "1".into(),
                option: "helm".into()
            }),
            Err(Refusal::NotAChoice { .. })
        ));
    }

    #[test]
    fn condition_yes_runs_the_step_after_its_confirmation() {
        let mut h = H::new(Mode::Live);
        h.run("1", None);
        h.ok(Msg::Choose {
            step: "2".into(),
            option: "kubectl".into(),
        });
        h.run("2c", None);
        assert_eq!(
            h.send(Msg::StartStep {
                step: "3".into(),
                typed: Some("3".into())
            }),
            Err(Refusal::ConditionUnanswered { step: "3".into() })
        );
        assert!(matches!(
            h.engine.question_for("3"),
            Some(super::Question::Condition("¿La base ya tiene tablas?"))
        ));
        h.ok(Msg::AnswerCondition {
            step: "3".into(),
            answer: true,
        });
        assert_eq!(h.status("3"), StepStatus::Pending);
        assert!(h.engine.question_for("3").is_none());
        // The confirmation still applies.
        assert!(matches!(
            h.send(Msg::StartStep {
                step: "3".into(),
                typed: None
            }),
            Err(Refusal::NeedsConfirmation { .. })
        ));
        h.run("3", Some("3"));
        h.run("4", None);
        assert_eq!(
            h.engine.state().status,
            RunStatus::Finished(RunOutcome::Success)
        );
    }

    #[test]
    fn condition_no_leaves_the_step_out_without_a_deviation() {
        let mut h = H::new(Mode::Live);
        h.run("1", None);
        h.ok(Msg::Choose {
            step: "2".into(),
            option: "helm".into(),
        });
        h.run("2a", None);
        h.run("2b", None);
        let fx = h.ok(Msg::AnswerCondition {
            step: "3".into(),
            answer: false,
        });
        assert_eq!(
            fx,
            vec![Effect::Journal(Event::ConditionAnswered {
                step: "3".into(),
                answer: false
            })]
        );
        assert_eq!(h.status("3"), StepStatus::SkippedByCondition);
        assert!(h.status("3").is_finished());
        assert!(!h.status("3").was_attempted());
        assert_eq!(h.engine.next_item().unwrap().id, "4");
        assert!(h.engine.state().deviations.is_empty());
        assert_eq!(
            h.send(Msg::AnswerCondition {
                step: "3".into(),
                answer: true
            }),
            Err(Refusal::AlreadyAnswered { step: "3".into() })
        );
        assert_eq!(
            h.send(Msg::AnswerCondition {
                step: "4".into(),
                answer: true
            }),
            Err(Refusal::NoCondition { step: "4".into() })
        );
        h.run("4", None);
        assert_eq!(
            h.engine.state().status,
            RunStatus::Finished(RunOutcome::Success)
        );
    }

    #[test]
    fn resume_replays_the_choice_and_the_condition() {
        let mut h = H::new(Mode::Live);
        h.run("1", None);
        h.ok(Msg::Choose {
            step: "2".into(),
            option: "helm".into(),
        });
        h.run("2a", None);
        h.run("2b", None);
        h.ok(Msg::AnswerCondition {
            step: "3".into(),
            answer: true,
        });
        let replayed = h.replayed();
        // Cut without `run-interrupted`: it comes back interrupted, with
        // everything else as it was.
        assert_eq!(replayed.state().status, RunStatus::Interrupted);
        assert_eq!(replayed.state().items, h.engine.state().items);
        assert_eq!(replayed.state().choices, h.engine.state().choices);
        assert_eq!(replayed.state().conditions, h.engine.state().conditions);
        assert_eq!(replayed.item("2c").unwrap().status, StepStatus::NotChosen);
        assert!(replayed.question_for("2").is_none());
        assert!(replayed.question_for("3").is_none());
    }

    #[test]
    fn the_rollback_plan_follows_only_what_ran() {
        let mut h = H::new(Mode::Live);
        h.run("1", None);
        h.ok(Msg::Choose {
            step: "2".into(),
            option: "helm".into(),
        });
        h.run("2a", None);
        let plan = h.engine.rollback_plan();
        let ids: Vec<&str> = plan.iter().map(|e| e.id.as_str()).collect();
        // Undo 2a then 1: not 2c (not chosen), not the choice step itself.
        assert_eq!(ids, ["undo:2a", "undo:1"]);
        assert!(plan.iter().all(|e| e.kind == PlanKind::Undo));
        h.ok(Msg::StartRollback {
            reason: "falla".into(),
        });
        assert_eq!(h.engine.state().rollback_plan, ["undo:2a", "undo:1"]);

        // A condition answered no: nothing of the step to undo.
        let mut h = H::new(Mode::Live);
        h.run("1", None);
        h.ok(Msg::Choose {
            step: "2".into(),
            option: "kubectl".into(),
        });
        h.run("2c", None);
        h.ok(Msg::AnswerCondition {
            step: "3".into(),
            answer: false,
        });
        let ids: Vec<String> = h.engine.rollback_plan().into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["undo:2c", "undo:1"]);
    }

    #[test]
    fn a_snippet_is_sent_with_its_variables_and_journaled() {
        let mut h = H::new(Mode::Live);
        let fx = h.ok(Msg::SendSnippet {
            snippet: "logs".into(),
            command: 0,
        });
        assert_eq!(
            fx,
            vec![
                Effect::Journal(Event::SnippetSent {
                    snippet: "logs".into(),
                    command: "tail -n 50 /var/log/app.log".into(),
                }),
                Effect::SendToShell {
                    snippet: "logs".into(),
                    command: "tail -n 50 /var/log/app.log".into(),
                },
            ]
        );
        assert_eq!(
            h.send(Msg::SendSnippet {
                snippet: "logs".into(),
                command: 2
            }),
            Err(Refusal::NoSuchSnippetCommand {
                snippet: "logs".into(),
                command: 2
            })
        );
        assert_eq!(
            h.send(Msg::SendSnippet {
                snippet: "nada".into(),
                command: 0
            }),
            Err(Refusal::NoSuchSnippet {
                snippet: "nada".into()
            })
        );
        // Sending a snippet is no step: nothing started.
        assert_eq!(h.engine.state().status, RunStatus::Preparing);
    }

    #[test]
    fn a_rehearsal_asks_the_same_questions() {
        let mut h = H::new(Mode::Rehearsal);
        h.ok(Msg::StartStep {
            step: "1".into(),
            typed: None,
        });
        h.ok(Msg::Report {
            step: "1".into(),
            outcome: crate::journal::StepOutcome::Done,
        });
        assert!(matches!(
            h.engine.question_for("2"),
            Some(super::Question::Choice(c)) if c.options.len() == 2
        ));
        h.ok(Msg::Choose {
            step: "2".into(),
            option: "kubectl".into(),
        });
        assert_eq!(h.engine.next_item().unwrap().id, "2c");
    }
}
