//! Folding one journal event into the run state. The only place the state
//! changes; deterministic given the procedure and the events.

use super::engine::Engine;
use super::state::{Deviation, Item, ItemKind, RunStatus, StepStatus};
use crate::journal::{DeviationKind, Event, ExitSource, Mode, StepOutcome, StepWhy};
use chrono::{DateTime, Utc};

pub use crate::journal::event::UNDO_PREFIX;

impl Engine {
    pub fn apply(&mut self, event: &Event, at: DateTime<Utc>) {
        let s = &mut self.state;
        match event {
            Event::RunStarted { .. } => {}
            Event::PrerequisiteConfirmed { group, item, .. } => {
                if let Some((g, i)) = find_prerequisite(&self.procedure, group, item) {
                    s.prerequisites[g][i] = true;
                }
            }
            Event::VariableSet { name, value, .. } => {
                s.variables.insert(name.clone(), value.clone());
            }
            Event::StepStarted { step, attempt } => {
                if s.status == RunStatus::Preparing {
                    s.status = RunStatus::Running;
                }
                let Some(idx) = self.item_index(step) else {
                    return;
                };
                let waits = {
                    let item = &self.state.items[idx];
                    let step_def = self.step_of(item);
                    step_def.manual
                        || self.commands_of(item).is_empty()
                        || self.state.mode == Mode::Rehearsal
                };
                let item = &mut self.state.items[idx];
                if let (Some(start), Some(end)) = (item.started_at, item.finished_at) {
                    item.spent_before_ms += (end - start).num_milliseconds().max(0) as u64;
                }
                item.status = if waits {
                    StepStatus::AwaitingOperator
                } else {
                    StepStatus::Running
                };
                item.attempts = *attempt;
                item.started_at = Some(at);
                item.first_started_at.get_or_insert(at);
                self.state.interrupted_command = None;
                item.finished_at = None;
                item.exit_codes.clear();
                item.stopped = None;
                item.why = StepWhy::default();
            }
            Event::Confirmation { step, .. } => {
                if let Some(item) = s.items.iter_mut().find(|i| i.id == *step) {
                    item.confirmed = true;
                }
            }
            Event::CommandSent {
                step,
                manual,
                command,
                ..
            } => {
                s.in_flight = Some((step.clone(), *manual));
                s.unfinished_command = Some((step.clone(), command.clone()));
            }
            Event::CommandFinished {
                step,
                exit_code,
                source,
                duration_ms,
            } => {
                s.unfinished_command = None;
                if let Some(item) = s.items.iter_mut().find(|i| i.id == *step) {
                    item.command_ms += duration_ms;
                }
                let manual = s.in_flight.take().is_some_and(|(_, m)| m);
                if manual {
                    return;
                }
                let Some(idx) = self.item_index(step) else {
                    return;
                };
                if !self.state.items[idx].status.is_active() {
                    return;
                }
                self.state.items[idx].exit_codes.push(*exit_code);
                if matches!(source, Some(ExitSource::ShellExited | ExitSource::TimedOut)) {
                    self.state.items[idx].stopped = *source;
                }
                let item = &self.state.items[idx];
                let all_done = item.exit_codes.len() >= self.commands_of(item).len();
                let ok = self.commands_succeeded(item);
                let has_validation_command = self
                    .validation_of(item)
                    .is_some_and(|v| v.command.is_some());
                if all_done && ok && has_validation_command {
                    self.state.items[idx].status = StepStatus::AwaitingValidation;
                }
            }
            Event::ValidationResult { .. } | Event::PrerequisiteFailed { .. } => {}
            Event::StepFinished {
                step, outcome, why, ..
            } => {
                let Some(idx) = self.item_index(step) else {
                    return;
                };
                let item = &mut self.state.items[idx];
                item.status = status_of(*outcome);
                item.finished_at = Some(at);
                if item.started_at.is_none() {
                    item.started_at = Some(at);
                }
                item.why = why.clone();
                if let (ItemKind::Undo { of }, StepOutcome::Done) = (item.kind, outcome) {
                    self.state.items[of].status = StepStatus::RolledBack;
                }
            }
            Event::Deviation { step, kind, reason } => {
                if *kind == DeviationKind::PrerequisitesWaived {
                    s.prerequisites_waived = true;
                }
                s.deviations.push(Deviation {
                    step: step.clone(),
                    kind: kind.clone(),
                    reason: reason.clone(),
                });
            }
            Event::Note { step, text } => {
                if let Some(item) = step
                    .as_ref()
                    .and_then(|id| s.items.iter_mut().find(|i| i.id == *id))
                {
                    item.notes.push(text.clone());
                }
                s.notes.push((step.clone(), text.clone()));
            }
            Event::DecisionAnswered { node, answer } => {
                s.answers.insert(node.clone(), *answer);
            }
            Event::ChoiceMade {
                step,
                option,
                not_chosen,
            } => {
                if s.status == RunStatus::Preparing {
                    s.status = RunStatus::Running;
                }
                s.choices.insert(step.clone(), option.clone());
                for item in s.items.iter_mut() {
                    let done = item.id == *step;
                    if !(done || not_chosen.contains(&item.id))
                        || item.status != StepStatus::Pending
                    {
                        continue;
                    }
                    item.status = if done {
                        StepStatus::Done
                    } else {
                        StepStatus::NotChosen
                    };
                    item.started_at.get_or_insert(at);
                    item.finished_at = Some(at);
                }
            }
            Event::ConditionAnswered { step, answer } => {
                s.conditions.insert(step.clone(), *answer);
                if !answer
                    && let Some(item) = s
                        .items
                        .iter_mut()
                        .find(|i| i.id == *step && i.status == StepStatus::Pending)
                {
                    if s.status == RunStatus::Preparing {
                        s.status = RunStatus::Running;
                    }
                    item.status = StepStatus::SkippedByCondition;
                    item.started_at.get_or_insert(at);
                    item.finished_at = Some(at);
                }
            }
            Event::SnippetSent { .. } => {}
            Event::RollbackStarted { reason, plan, .. } => {
                s.status = RunStatus::RollingBack;
                s.rollback_reason = Some(reason.clone());
                s.rollback_plan = plan.clone();
                for id in plan {
                    let Some(of_id) = id.strip_prefix(UNDO_PREFIX) else {
                        continue;
                    };
                    if s.items.iter().any(|i| i.id == *id) {
                        continue;
                    }
                    let of = s
                        .items
                        .iter()
                        .position(|i| i.id == of_id && matches!(i.kind, ItemKind::Forward { .. }));
                    if let Some(of) = of {
                        s.items.push(Item::new(id.clone(), ItemKind::Undo { of }));
                    }
                }
            }
            Event::RunInterrupted { .. } => {
                if s.pauses.last().is_none_or(|p| p.1.is_some()) {
                    s.pauses.push((at, None));
                }
                self.mark_interrupted(at)
            }
            Event::StepUndone { step, .. } => {
                if let Some(item) = s.items.iter_mut().find(|i| i.id == *step) {
                    item.status = StepStatus::RolledBack;
                }
            }
            Event::ShellRestarted { .. } => {
                s.in_flight = None;
                s.unfinished_command = None;
            }
            Event::ShellContext {
                cwd,
                set,
                unset,
                withheld,
            } => {
                if cwd.is_some() {
                    s.shell.cwd = cwd.clone();
                }
                for (k, v) in set {
                    s.shell.withheld.remove(k);
                    s.shell.env.insert(k.clone(), v.clone());
                }
                for k in unset {
                    s.shell.env.remove(k);
                    s.shell.withheld.remove(k);
                }
                for k in withheld {
                    s.shell.env.remove(k);
                    s.shell.withheld.insert(k.clone());
                }
            }
            Event::ApprovalGranted(a) => {
                s.approvals_seen.insert(crate::journal::line::sha256_hex(
                    a.signature.trim().as_bytes(),
                ));
                s.approvals.push(a.clone());
            }
            Event::ApprovalRefused(r) => {
                s.approvals_seen.insert(r.signature_sha256.clone());
            }
            Event::Handoff(h) => s.handoff = Some(h.clone()),
            Event::Supervision(v) => match (&v.step, &v.by) {
                (Some(step), Some(by)) => {
                    s.supervised.insert(step.clone(), by.clone());
                }
                _ => s.supervisor = Some(v.supervisor.clone()),
            },
            Event::RunResumed { operator, .. } => {
                // The operator who goes on (after a handoff, the next one).
                s.operator = operator.clone();
                s.handoff = None;
                if let Some(p) = s.pauses.last_mut().filter(|p| p.1.is_none()) {
                    p.1 = Some(at);
                }
                s.status = s
                    .status_before_interrupt
                    .take()
                    .unwrap_or(RunStatus::Running);
                s.resumes += 1;
            }
            Event::RunFinished {
                outcome, reason, ..
            } => {
                s.status = RunStatus::Finished(*outcome);
                s.end_reason = reason.clone();
                s.finished_at = Some(at);
                for item in s.items.iter_mut().filter(|i| i.status.is_active()) {
                    item.status = StepStatus::Interrupted;
                    item.finished_at = Some(at);
                }
            }
        }
    }

    /// The run stops where it is; an active step is marked interrupted.
    pub(super) fn mark_interrupted(&mut self, at: DateTime<Utc>) {
        let s = &mut self.state;
        if s.status != RunStatus::Interrupted {
            s.status_before_interrupt = Some(s.status);
        }
        s.status = RunStatus::Interrupted;
        s.in_flight = None;
        if let Some(c) = s.unfinished_command.take() {
            s.interrupted_command = Some(c);
        }
        for item in s.items.iter_mut().filter(|i| i.status.is_active()) {
            item.status = StepStatus::Interrupted;
            item.finished_at = Some(at);
        }
    }

    /// Exit codes so far say the commands work: every command 0, except
    /// the last one, which must equal the validation's `exit_code` when the
    /// validation has no command of its own. Checked after each command, so
    /// a step stops at its first failing command.
    pub(super) fn commands_succeeded(&self, item: &Item) -> bool {
        let expected_last = match item.kind {
            ItemKind::Undo { .. } => 0,
            _ => self
                .step_of(item)
                .validation
                .as_ref()
                .filter(|v| v.command.is_none())
                .and_then(|v| v.exit_code)
                .unwrap_or(0),
        };
        let total = self.commands_of(item).len();
        item.stopped.is_none()
            && item.exit_codes.iter().enumerate().all(|(i, code)| {
                if i + 1 == total {
                    *code == expected_last
                } else {
                    *code == 0
                }
            })
    }
}

pub fn status_of(outcome: StepOutcome) -> StepStatus {
    match outcome {
        StepOutcome::Done => StepStatus::Done,
        StepOutcome::Failed => StepStatus::Failed,
        StepOutcome::Skipped => StepStatus::Skipped,
        StepOutcome::RolledBack => StepStatus::RolledBack,
        StepOutcome::Interrupted => StepStatus::Interrupted,
    }
}

fn find_prerequisite(
    p: &crate::procedure::Procedure,
    group: &str,
    item: &str,
) -> Option<(usize, usize)> {
    p.prerequisites.iter().enumerate().find_map(|(g, grp)| {
        if grp.group != group {
            return None;
        }
        grp.items
            .iter()
            .position(|i| i.text == item)
            .map(|i| (g, i))
    })
}
