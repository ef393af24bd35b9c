//! Deciding what a message means: checks, then events and effects.

use super::engine::Engine;
use super::msg::{Effect, Msg, Refusal};
use super::state::{ItemKind, OUTPUT_LIMIT, RunStatus, StepStatus};
use super::substitute::substitute;
use crate::journal::{
    DeviationKind, Event, ExitSource, Interruption, InterruptionWhy, Problems, RunOutcome,
    StepCause, StepOutcome, StepWhy, ValidationProblem,
};

impl Engine {
    pub(super) fn handle(&mut self, msg: Msg, fx: &mut Vec<Effect>) -> Result<(), Refusal> {
        let Some(msg) = self.handle_people(msg, fx)? else {
            return Ok(());
        };
        match msg {
            Msg::ConfirmPrerequisite { group, item } => {
                let (g, i) = self.prerequisite(group, item)?;
                self.emit(
                    fx,
                    Event::PrerequisiteConfirmed {
                        group: g,
                        item: i,
                        check: None,
                        exit_code: None,
                    },
                );
            }
            Msg::CheckPrerequisite { group, item } => {
                let check = self
                    .procedure
                    .prerequisites
                    .get(group)
                    .and_then(|g| g.items.get(item))
                    .and_then(|i| i.check.as_ref())
                    .ok_or(Refusal::NoSuchPrerequisite)?;
                let command = substitute(&check.run, &self.substitution_values());
                fx.push(Effect::CheckPrerequisite {
                    group,
                    item,
                    command,
                });
            }
            Msg::PrerequisiteChecked {
                group,
                item,
                exit_code,
            } => {
                let (g, i) = self.prerequisite(group, item)?;
                let check = self.procedure.prerequisites[group].items[item]
                    .check
                    .as_ref()
                    .map(|c| c.run.clone());
                if exit_code == 0 {
                    self.emit(
                        fx,
                        Event::PrerequisiteConfirmed {
                            group: g,
                            item: i,
                            check,
                            exit_code: Some(0),
                        },
                    );
                } else {
                    self.emit(
                        fx,
                        Event::PrerequisiteFailed {
                            group: g,
                            item: i,
                            check: check.unwrap_or_default(),
                            exit_code,
                        },
                    );
                }
            }
            Msg::WaivePrerequisites { reason } => {
                let reason = required(reason)?;
                self.emit(
                    fx,
                    Event::Deviation {
                        step: None,
                        kind: DeviationKind::PrerequisitesWaived,
                        reason,
                    },
                );
            }
            Msg::SetVariable { name, value } => {
                let var = self
                    .procedure
                    .variable(&name)
                    .ok_or_else(|| Refusal::NoSuchVariable(name.clone()))?
                    .clone();
                if let Some(p) = &var.pattern
                    && !regex::Regex::new(p).is_ok_and(|re| re.is_match(&value))
                {
                    return Err(Refusal::BadValue {
                        name,
                        pattern: p.clone(),
                    });
                }
                if var.secret && value.chars().count() < crate::secret::MIN_SECRET_LEN {
                    drop(zeroize::Zeroizing::new(value));
                    return Err(Refusal::SecretTooShort {
                        name,
                        min: crate::secret::MIN_SECRET_LEN,
                    });
                }
                if var.secret {
                    self.secrets
                        .insert(name.clone(), zeroize::Zeroizing::new(value));
                    self.emit(
                        fx,
                        Event::VariableSet {
                            name,
                            value: None,
                            secret: true,
                        },
                    );
                } else {
                    self.emit(
                        fx,
                        Event::VariableSet {
                            name,
                            value: Some(value),
                            secret: false,
                        },
                    );
                }
            }
            Msg::StartStep { step, typed } => self.start_step(step, typed, fx)?,
            Msg::Choose { step, option } => self.choose(step, option, fx)?,
            Msg::AnswerCondition { step, answer } => self.answer_condition(step, answer, fx)?,
            Msg::SendSnippet { snippet, command } => self.send_snippet(snippet, command, fx)?,
            Msg::ShellContext {
                cwd,
                set,
                unset,
                withheld,
            } => {
                self.active_run()?;
                // Secret variables of the procedure: their names only.
                let (secret, set): (Vec<_>, Vec<_>) = set
                    .into_iter()
                    .partition(|(name, _)| self.is_secret_variable(name));
                let mut withheld = withheld;
                withheld.extend(secret.into_iter().map(|(name, _)| name));
                withheld.sort();
                withheld.dedup();
                self.emit(
                    fx,
                    Event::ShellContext {
                        cwd,
                        set: set.into_iter().collect(),
                        unset,
                        withheld,
                    },
                );
            }
            Msg::ShellRestarted {
                cause,
                exit_code,
                step,
            } => {
                self.active_run()?;
                self.emit(
                    fx,
                    Event::ShellRestarted {
                        cause,
                        exit_code,
                        step,
                    },
                );
            }
            Msg::CommandSent {
                step,
                command,
                manual,
                transcript_offset,
            } => {
                self.active_run()?;
                if !manual {
                    self.outputs.remove(&step);
                }
                self.emit(
                    fx,
                    Event::CommandSent {
                        step,
                        command,
                        manual,
                        transcript_offset,
                    },
                );
            }
            Msg::CommandFinished {
                step,
                exit_code,
                duration_ms,
                output,
                source,
            } => {
                self.active_run()?;
                let manual = self.state.in_flight.as_ref().is_some_and(|(_, m)| *m);
                if !manual {
                    let buf = self.outputs.entry(step.clone()).or_default();
                    buf.push_str(&output);
                    if buf.len() > OUTPUT_LIMIT {
                        let mut cut = buf.len() - OUTPUT_LIMIT;
                        while !buf.is_char_boundary(cut) {
                            cut += 1;
                        }
                        buf.drain(..cut);
                    }
                }
                self.emit(
                    fx,
                    Event::CommandFinished {
                        step: step.clone(),
                        exit_code,
                        duration_ms,
                        source: Some(source),
                    },
                );
                if !manual {
                    self.after_command(&step, fx);
                }
            }
            Msg::ValidationFinished {
                step,
                exit_code,
                output,
            } => {
                let idx = self
                    .item_index(&step)
                    .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
                let status = self.state.items[idx].status;
                if status != StepStatus::AwaitingValidation {
                    return Err(Refusal::WrongState {
                        step,
                        state: status,
                    });
                }
                let v = self
                    .validation_of(&self.state.items[idx])
                    .cloned()
                    .unwrap_or_default();
                let expected = v.exit_code.unwrap_or(0);
                let mut problems = Vec::new();
                if exit_code != expected {
                    problems.push(ValidationProblem::ExitCode {
                        got: exit_code,
                        expected,
                    });
                }
                if let Some(p) = &v.output
                    && !pattern_matches(p, &output)
                {
                    problems.push(ValidationProblem::ValidationOutput { pattern: p.clone() });
                }
                self.finish_validation(&step, problems, fx);
            }
            Msg::Report { step, outcome } => {
                let idx = self
                    .item_index(&step)
                    .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
                let status = self.state.items[idx].status;
                if !status.is_active() {
                    return Err(Refusal::WrongState {
                        step,
                        state: status,
                    });
                }
                let outcome = if outcome == StepOutcome::Failed {
                    StepOutcome::Failed
                } else {
                    StepOutcome::Done
                };
                let duration_ms = self.attempt_ms(idx);
                let cause = (self.state.mode == crate::journal::Mode::Rehearsal)
                    .then_some(StepCause::Rehearsal);
                self.emit(
                    fx,
                    Event::StepFinished {
                        step,
                        outcome,
                        duration_ms,
                        why: StepWhy {
                            reason: None,
                            cause,
                        },
                        step_ms: None,
                        command_ms: None,
                    },
                );
            }
            Msg::Override {
                step,
                outcome,
                reason,
            } => {
                let reason = required(reason)?;
                let idx = self
                    .item_index(&step)
                    .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
                let status = self.state.items[idx].status;
                let allowed = matches!(
                    status,
                    StepStatus::Done | StepStatus::Failed | StepStatus::Interrupted
                ) || status.is_active();
                if !allowed || !matches!(outcome, StepOutcome::Done | StepOutcome::Failed) {
                    return Err(Refusal::WrongState {
                        step,
                        state: status,
                    });
                }
                self.active_run()?;
                let duration_ms = self.attempt_ms(idx);
                self.emit(
                    fx,
                    Event::Deviation {
                        step: Some(step.clone()),
                        kind: DeviationKind::Overridden {
                            from: status.journal(),
                            to: outcome,
                        },
                        reason: reason.clone(),
                    },
                );
                self.emit(
                    fx,
                    Event::StepFinished {
                        step,
                        outcome,
                        duration_ms,
                        why: StepWhy::reason(reason),
                        step_ms: None,
                        command_ms: None,
                    },
                );
            }
            Msg::Skip { step, reason } => {
                let reason = required(reason)?;
                self.active_run()?;
                let idx = self
                    .item_index(&step)
                    .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
                let status = self.state.items[idx].status;
                if status == StepStatus::Pending && self.choice_of(&self.state.items[idx]).is_some()
                {
                    return Err(Refusal::ChoiceNeeded { step });
                }
                if !matches!(
                    status,
                    StepStatus::Pending
                        | StepStatus::Failed
                        | StepStatus::Interrupted
                        | StepStatus::AwaitingOperator
                ) {
                    return Err(Refusal::WrongState {
                        step,
                        state: status,
                    });
                }
                let duration_ms = if status == StepStatus::Pending {
                    0
                } else {
                    self.attempt_ms(idx)
                };
                self.emit(
                    fx,
                    Event::Deviation {
                        step: Some(step.clone()),
                        kind: DeviationKind::Skipped,
                        reason: reason.clone(),
                    },
                );
                self.emit(
                    fx,
                    Event::StepFinished {
                        step,
                        outcome: StepOutcome::Skipped,
                        duration_ms,
                        why: StepWhy::reason(reason),
                        step_ms: None,
                        command_ms: None,
                    },
                );
            }
            Msg::Note { step, text } => {
                let text = required(text)?;
                if let Some(s) = &step {
                    self.item_index(s)
                        .ok_or_else(|| Refusal::NoSuchStep(s.clone()))?;
                }
                self.emit(fx, Event::Note { step, text });
            }
            Msg::AnswerDecision { node, answer } => {
                let n = self
                    .procedure
                    .decision_tree
                    .iter()
                    .find(|n| n.id == node && n.question.is_some())
                    .ok_or_else(|| Refusal::NoSuchDecision(node.clone()))?;
                let node = n.id.clone();
                self.emit(fx, Event::DecisionAnswered { node, answer });
            }
            Msg::StartRollback { reason } => {
                let reason = required(reason)?;
                match self.state.status {
                    RunStatus::RollingBack => return Err(Refusal::AlreadyRollingBack),
                    RunStatus::Running | RunStatus::Preparing => {}
                    _ => return Err(Refusal::RunNotActive),
                }
                let from_step = self.active_item().map(|i| i.id.clone()).or_else(|| {
                    self.state
                        .items
                        .iter()
                        .rfind(|i| {
                            matches!(i.kind, ItemKind::Forward { .. }) && i.status.was_attempted()
                        })
                        .map(|i| i.id.clone())
                });
                self.stop_active(fx, StepCause::StoppedByRollback);
                let plan = self
                    .rollback_plan()
                    .into_iter()
                    .filter(|e| e.runnable())
                    .map(|e| e.id)
                    .collect();
                self.emit(
                    fx,
                    Event::RollbackStarted {
                        from_step,
                        reason,
                        plan,
                    },
                );
            }
            Msg::Abort { reason } => {
                let reason = required(reason)?;
                self.active_run()?;
                self.stop_active(fx, StepCause::StoppedByAbort);
                let failed = self
                    .state
                    .items
                    .iter()
                    .any(|i| i.status == StepStatus::Failed);
                let outcome = if failed {
                    RunOutcome::Failed
                } else {
                    RunOutcome::Aborted
                };
                let duration_ms = self.run_ms();
                self.emit(
                    fx,
                    Event::RunFinished {
                        outcome,
                        duration_ms,
                        reason: Some(reason),
                    },
                );
            }
            Msg::Interrupt { cause } => {
                self.active_run()?;
                let step = self.active_item().map(|i| i.id.clone());
                self.emit(
                    fx,
                    Event::RunInterrupted {
                        why: InterruptionWhy(cause),
                        step,
                    },
                );
            }
            Msg::Resume {
                operator,
                discarded_torn_bytes,
            } => {
                if self.state.status != RunStatus::Interrupted {
                    return Err(Refusal::RunNotActive);
                }
                if self.implicit_interrupt {
                    self.implicit_interrupt = false;
                    let step = self
                        .state
                        .items
                        .iter()
                        .filter(|i| i.status == StepStatus::Interrupted)
                        .map(|i| i.id.clone())
                        .next_back();
                    self.emit(
                        fx,
                        Event::RunInterrupted {
                            why: InterruptionWhy(Interruption::Crash),
                            step,
                        },
                    );
                }
                self.emit(
                    fx,
                    Event::RunResumed {
                        operator,
                        discarded_torn_bytes,
                    },
                );
            }
            Msg::Approve(_)
            | Msg::RefuseApproval(_)
            | Msg::Handoff { .. }
            | Msg::Supervise(_)
            | Msg::SupervisorWatching(_) => {}
        }
        Ok(())
    }

    /// Ends the step in progress as failed, with why.
    fn stop_active(&mut self, fx: &mut Vec<Effect>, cause: StepCause) {
        let Some(active) = self.active_item().map(|i| i.id.clone()) else {
            return;
        };
        let idx = self.item_index(&active).unwrap_or_default();
        let duration_ms = self.attempt_ms(idx);
        self.emit(
            fx,
            Event::StepFinished {
                step: active,
                outcome: StepOutcome::Failed,
                duration_ms,
                why: StepWhy::cause(cause),
                step_ms: None,
                command_ms: None,
            },
        );
    }

    fn prerequisite(&self, group: usize, item: usize) -> Result<(String, String), Refusal> {
        let g = self
            .procedure
            .prerequisites
            .get(group)
            .ok_or(Refusal::NoSuchPrerequisite)?;
        let i = g.items.get(item).ok_or(Refusal::NoSuchPrerequisite)?;
        Ok((g.group.clone(), i.text.clone()))
    }

    pub(super) fn active_run(&self) -> Result<(), Refusal> {
        match self.state.status {
            RunStatus::Preparing | RunStatus::Running | RunStatus::RollingBack => Ok(()),
            _ => Err(Refusal::RunNotActive),
        }
    }

    fn start_step(
        &mut self,
        step: String,
        typed: Option<String>,
        fx: &mut Vec<Effect>,
    ) -> Result<(), Refusal> {
        let idx = self.startable(&step)?;
        let item = &self.state.items[idx];
        if self.choice_of(item).is_some() {
            return Err(Refusal::ChoiceNeeded { step });
        }
        if self.condition_of(item).is_some() && !self.state.conditions.contains_key(&step) {
            return Err(Refusal::ConditionUnanswered { step });
        }
        if let Some(accepted) = self.confirmation_for(&self.state.items[idx]) {
            match typed {
                None => return Err(Refusal::NeedsConfirmation { step, accepted }),
                Some(t) if !accepted.iter().any(|a| a == t.trim()) => {
                    return Err(Refusal::WrongConfirmation { step, accepted });
                }
                Some(t) => self.emit(
                    fx,
                    Event::Confirmation {
                        step: step.clone(),
                        typed: t.trim().to_string(),
                    },
                ),
            }
        }
        self.note_supervision(idx, fx);
        let attempt = self.state.items[idx].attempts + 1;
        self.outputs.remove(&step);
        self.emit(
            fx,
            Event::StepStarted {
                step: step.clone(),
                attempt,
            },
        );
        if self.state.items[idx].status == StepStatus::Running {
            let values = self.substitution_values();
            let commands = self
                .commands_of(&self.state.items[idx])
                .iter()
                .map(|c| substitute(&c.run, &values))
                .collect();
            let env = self.command_env(&step);
            fx.push(Effect::RunCommands {
                step,
                commands,
                env,
            });
        }
        Ok(())
    }

    /// Whether `step` may start now (prerequisites, variables, order, its
    /// state): its item's index.
    pub(super) fn startable(&self, step: &str) -> Result<usize, Refusal> {
        let step = step.to_string();
        self.active_run()?;
        let idx = self
            .item_index(&step)
            .ok_or_else(|| Refusal::NoSuchStep(step.clone()))?;
        if let Some(blocked) = self.start_blocker() {
            return Err(blocked);
        }
        if let Some(active) = self.active_item()
            && active.id != step
        {
            return Err(Refusal::WrongState {
                step: active.id.clone(),
                state: active.status,
            });
        }
        let next = self.next_item().map(|i| i.id.clone());
        if next.as_deref() != Some(step.as_str()) {
            return match next {
                Some(next) => Err(Refusal::NotNext { step, next }),
                None => Err(Refusal::NotLeft { step }),
            };
        }
        let status = self.state.items[idx].status;
        if !matches!(
            status,
            StepStatus::Pending | StepStatus::Failed | StepStatus::Interrupted
        ) {
            return Err(Refusal::WrongState {
                step,
                state: status,
            });
        }
        self.check_approvals(idx)?;
        Ok(idx)
    }

    /// After each of a step's commands: decide once they have all run.
    fn after_command(&mut self, step: &str, fx: &mut Vec<Effect>) {
        let Some(idx) = self.item_index(step) else {
            return;
        };
        let item = &self.state.items[idx];
        let total = self.commands_of(item).len();
        if !matches!(
            item.status,
            StepStatus::Running | StepStatus::AwaitingValidation
        ) {
            return;
        }
        let duration_ms = self.attempt_ms(idx);
        let failed = !self.commands_succeeded(item);
        if !failed && item.exit_codes.len() < total {
            return;
        }
        if failed {
            let (n, code) = item
                .exit_codes
                .iter()
                .enumerate()
                .next_back()
                .map(|(i, c)| (i + 1, *c))
                .unwrap_or((0, 0));
            let cause = match item.stopped {
                Some(ExitSource::ShellExited) => StepCause::ShellExited {
                    command: n as u32,
                    of: total as u32,
                },
                Some(ExitSource::TimedOut) => StepCause::TimedOut {
                    command: n as u32,
                    of: total as u32,
                    after_secs: self
                        .commands_of(item)
                        .get(n.saturating_sub(1))
                        .and_then(|c| c.timeout)
                        .map(|t| t.max_secs)
                        .unwrap_or_default(),
                },
                _ => StepCause::CommandFailed {
                    command: n as u32,
                    of: total as u32,
                    exit_code: code,
                },
            };
            self.emit(
                fx,
                Event::StepFinished {
                    step: step.to_string(),
                    outcome: StepOutcome::Failed,
                    duration_ms,
                    why: StepWhy::cause(cause),
                    step_ms: None,
                    command_ms: None,
                },
            );
            return;
        }
        let validation = self.validation_of(item).cloned();
        match validation {
            Some(v) if v.command.is_some() => {
                let command = substitute(
                    &v.command
                        .as_ref()
                        .map(|c| c.run.clone())
                        .unwrap_or_default(),
                    &self.substitution_values(),
                );
                let env = self.command_env(step);
                fx.push(Effect::RunValidation {
                    step: step.to_string(),
                    command,
                    env,
                });
            }
            Some(v) if v.output.is_some() => {
                let pattern = v.output.unwrap_or_default();
                let output = self.outputs.get(step).cloned().unwrap_or_default();
                let problems = if pattern_matches(&pattern, &output) {
                    Vec::new()
                } else {
                    vec![ValidationProblem::StepOutput { pattern }]
                };
                self.finish_validation(step, problems, fx);
            }
            _ => self.emit(
                fx,
                Event::StepFinished {
                    step: step.to_string(),
                    outcome: StepOutcome::Done,
                    duration_ms,
                    why: StepWhy::default(),
                    step_ms: None,
                    command_ms: None,
                },
            ),
        }
    }

    fn finish_validation(
        &mut self,
        step: &str,
        problems: Vec<ValidationProblem>,
        fx: &mut Vec<Effect>,
    ) {
        let idx = self.item_index(step).unwrap_or_default();
        let passed = problems.is_empty();
        self.emit(
            fx,
            Event::ValidationResult {
                step: step.to_string(),
                passed,
                problems: Problems(problems.clone()),
            },
        );
        let duration_ms = self.attempt_ms(idx);
        let outcome = if passed {
            StepOutcome::Done
        } else {
            StepOutcome::Failed
        };
        self.emit(
            fx,
            Event::StepFinished {
                step: step.to_string(),
                outcome,
                duration_ms,
                why: if passed {
                    StepWhy::default()
                } else {
                    StepWhy::cause(StepCause::ValidationFailed { problems })
                },
                step_ms: None,
                command_ms: None,
            },
        );
    }

    /// Ends the run when nothing is left: success after the last forward
    /// step, rolled back after the last rollback step.
    pub(super) fn finish_if_complete(&mut self, fx: &mut Vec<Effect>) {
        let outcome = match self.state.status {
            RunStatus::Running if self.next_item().is_none() => RunOutcome::Success,
            RunStatus::RollingBack if self.next_item().is_none() => RunOutcome::RolledBack,
            _ => return,
        };
        let duration_ms = self.run_ms();
        self.emit(
            fx,
            Event::RunFinished {
                outcome,
                duration_ms,
                reason: None,
            },
        );
    }

    pub(super) fn attempt_ms(&self, idx: usize) -> u64 {
        let item = &self.state.items[idx];
        item.started_at
            .map(|s| (self.clock.now() - s).num_milliseconds().max(0) as u64)
            .unwrap_or(0)
    }

    pub(super) fn run_ms(&self) -> u64 {
        (self.clock.now() - self.state.started_at)
            .num_milliseconds()
            .max(0) as u64
    }
}

fn required(text: String) -> Result<String, Refusal> {
    let t = text.trim();
    if t.is_empty() {
        Err(Refusal::ReasonRequired)
    } else {
        Ok(t.to_string())
    }
}

/// Output patterns match any line (multi-line mode), like `grep -E`.
pub fn pattern_matches(pattern: &str, output: &str) -> bool {
    regex::RegexBuilder::new(pattern)
        .multi_line(true)
        .build()
        .is_ok_and(|re| re.is_match(&output.replace("\r\n", "\n")))
}
