//! "What do I undo, in what order, from here": one list the rollback view,
//! the plain runner and `StartRollback` all read.
//!
//! - The own undos of the attempted execution and post steps, newest
//!   first. An undo the full rollback already does (the author named the
//!   R-steps in `steps`, or an R-step runs the very same commands) is
//!   listed as covered and not run twice; two steps with the same undo run
//!   it once.
//! - The full rollback. When the decision tree sends the operator to a
//!   full-rollback step ("roll back now, starting at R1"), the plan starts
//!   there: that step first, then the own undos, then the rest of the full
//!   rollback; steps before the entry are listed as not run.
//! - The undos of pre-flight and validation steps are listed last and never
//!   run by the rollback: they undo preparation (deleting the backup just
//!   taken would hurt), so the operator does them by hand if at all.

use super::apply::UNDO_PREFIX;
use super::engine::Engine;
use super::state::{ItemKind, RunStatus, StepStatus};
use crate::procedure::{Estimate, PhaseKind, Step, StepRollback};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanKind {
    /// Run the step's own rollback commands.
    Undo,
    /// `rollback = "none"`: the step needs no undo.
    NothingToUndo,
    /// The author wrote no rollback for this step: look at it by hand.
    Undocumented,
    /// The step's undo is done by these full-rollback steps.
    CoveredBy(Vec<String>),
    /// The step's undo runs the same commands as this other step's undo,
    /// which the plan runs (by step id).
    SameAs(String),
    /// A step of the full rollback procedure.
    Full,
    /// A full-rollback step before the decision tree's entry point (the
    /// entry's id): listed, not run.
    BeforeEntry(String),
    /// The undo of a pre-flight or validation step: listed, never run by
    /// the rollback.
    Kept,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    /// Item id: `undo:3`, `R1`, or the step id for entries that run nothing.
    pub id: String,
    /// The procedure step it is about.
    pub step: String,
    pub title: String,
    pub kind: PlanKind,
    pub estimate: Option<Estimate>,
    /// Where the entry stands (for a rollback under way).
    pub status: StepStatus,
    /// The forward step's own status, for undo entries.
    pub of_status: Option<StepStatus>,
}

impl PlanEntry {
    /// Whether it is run as a rollback item.
    pub fn runnable(&self) -> bool {
        matches!(self.kind, PlanKind::Undo | PlanKind::Full)
    }
}

/// The command texts of a list, to compare two undos.
fn texts(commands: &[crate::procedure::Command]) -> Vec<&str> {
    commands.iter().map(|c| c.run.trim()).collect()
}

impl Engine {
    pub fn rollback_plan(&self) -> Vec<PlanEntry> {
        let full = &self.procedure.rollback.steps;
        let frozen = self.plan_frozen();
        let entry = self.plan_entry_point(frozen);
        let entry_at = entry
            .as_deref()
            .and_then(|e| full.iter().position(|s| s.id == e));

        let mut undos: Vec<PlanEntry> = Vec::new();
        let mut kept: Vec<PlanEntry> = Vec::new();
        for item in self.state.items.iter().rev() {
            let ItemKind::Forward { phase, .. } = item.kind else {
                continue;
            };
            if !(item.status.was_attempted() || item.status == StepStatus::RolledBack)
                // A choice only asked: nothing of it to undo.
                || self.step_of(item).choice.is_some()
            {
                continue;
            }
            let preparation = !matches!(
                self.procedure.phases[phase].kind,
                PhaseKind::Execution | PhaseKind::Post
            );
            let step = self.step_of(item);
            let undo_id = format!("{UNDO_PREFIX}{}", item.id);
            let (mut kind, estimate) = self.own_undo_kind(step, &undos);
            if preparation {
                // Checks and preparation: only an undo the author wrote is
                // worth listing, and the rollback never runs it.
                if kind == PlanKind::Undo {
                    kind = PlanKind::Kept;
                } else if !matches!(kind, PlanKind::CoveredBy(_)) {
                    continue;
                }
            }
            if let Some(frozen) = frozen
                && kind == PlanKind::Undo
                && !frozen.contains(&undo_id)
            {
                continue; // attempted after the plan was made: not part of it
            }
            let status = self
                .item(&undo_id)
                .map(|i| i.status)
                .unwrap_or(StepStatus::Pending);
            let entry = PlanEntry {
                id: if kind == PlanKind::Undo {
                    undo_id
                } else {
                    item.id.clone()
                },
                step: item.id.clone(),
                title: step.title.clone(),
                kind,
                estimate,
                status,
                of_status: Some(item.status),
            };
            if entry.kind == PlanKind::Kept {
                kept.push(entry);
            } else {
                undos.push(entry);
            }
        }

        let mut fulls: Vec<PlanEntry> = full
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let status = self
                    .state
                    .items
                    .iter()
                    .find(|it| it.kind == ItemKind::FullRollback { step: i })
                    .map(|it| it.status)
                    .unwrap_or(StepStatus::Pending);
                let kind = match (&entry, entry_at) {
                    (Some(e), Some(at)) if i < at => PlanKind::BeforeEntry(e.clone()),
                    _ => PlanKind::Full,
                };
                PlanEntry {
                    id: step.id.clone(),
                    step: step.id.clone(),
                    title: step.title.clone(),
                    kind,
                    estimate: step.estimate,
                    status,
                    of_status: None,
                }
            })
            .collect();

        let mut out = Vec::new();
        match entry_at {
            Some(at) => {
                let rest = fulls.split_off(at + 1);
                out.extend(fulls);
                out.extend(undos);
                out.extend(rest);
            }
            None => {
                out.extend(undos);
                out.extend(fulls);
            }
        }
        out.extend(kept);
        out
    }

    /// How a step's own undo enters the plan, given the undos listed so
    /// far (newer steps).
    fn own_undo_kind(&self, step: &Step, earlier: &[PlanEntry]) -> (PlanKind, Option<Estimate>) {
        let u = match &step.rollback {
            StepRollback::Missing => return (PlanKind::Undocumented, None),
            StepRollback::None => return (PlanKind::NothingToUndo, None),
            StepRollback::Some(u) => u,
        };
        let full = &self.procedure.rollback.steps;
        let named: Vec<String> = u
            .steps
            .iter()
            .filter(|s| full.iter().any(|f| f.id == **s))
            .cloned()
            .collect();
        if !named.is_empty() {
            return (PlanKind::CoveredBy(named), u.estimate);
        }
        if u.commands.is_empty() {
            return (PlanKind::Undocumented, u.estimate);
        }
        let mine = texts(&u.commands);
        if let Some(r) = full.iter().find(|r| texts(&r.commands) == mine) {
            return (PlanKind::CoveredBy(vec![r.id.clone()]), u.estimate);
        }
        let same = earlier.iter().find(|e| {
            e.kind == PlanKind::Undo
                && self
                    .procedure
                    .step(&e.step)
                    .is_some_and(|s| match &s.rollback {
                        StepRollback::Some(o) => texts(&o.commands) == mine,
                        _ => false,
                    })
        });
        match same {
            Some(e) => (PlanKind::SameAs(e.step.clone()), u.estimate),
            None => (PlanKind::Undo, u.estimate),
        }
    }

    /// The plan `StartRollback` froze, while it is being (or was) run.
    fn plan_frozen(&self) -> Option<&[String]> {
        let rolling = self.state.status == RunStatus::RollingBack
            || matches!(self.state.status, RunStatus::Finished(_))
                && !self.state.rollback_plan.is_empty();
        rolling.then_some(self.state.rollback_plan.as_slice())
    }

    /// The full-rollback step the decision tree says the rollback starts
    /// at: the one the operator's answers reached, else the one every
    /// rollback action of the tree agrees on. Once a plan is frozen, the
    /// one it started at.
    pub fn plan_entry_point(&self, frozen: Option<&[String]>) -> Option<String> {
        let full = &self.procedure.rollback.steps;
        let is_full = |id: &str| full.iter().any(|s| s.id == id);
        if let Some(frozen) = frozen {
            // Made with an entry point when it starts with a full step.
            let first = frozen.first()?;
            return is_full(first).then(|| first.clone());
        }
        if let Some(node) = self.decision_outcome()
            && node.rollback
            && let Some(step) = node.step.as_deref().filter(|s| is_full(s))
        {
            return Some(step.to_string());
        }
        let mut named = self
            .procedure
            .decision_tree
            .iter()
            .filter(|n| n.rollback)
            .filter_map(|n| n.step.as_deref())
            .filter(|s| is_full(s));
        let first = named.next()?;
        named.all(|s| s == first).then(|| first.to_string())
    }

    /// During a rollback, the forward steps whose undo someone else has
    /// now done, with who did it: all the full-rollback steps covering it
    /// are done, or the step with the same undo was undone.
    pub(super) fn undone_by_others(&self) -> Vec<(String, Vec<String>)> {
        if self.plan_frozen().is_none() {
            return Vec::new();
        }
        let done = |id: &str| self.item(id).is_some_and(|i| i.status == StepStatus::Done);
        self.rollback_plan()
            .into_iter()
            .filter(|e| e.of_status.is_some_and(|s| s != StepStatus::RolledBack))
            .filter_map(|e| match e.kind {
                PlanKind::CoveredBy(by) if by.iter().all(|r| done(r)) => Some((e.step, by)),
                PlanKind::SameAs(step) if done(&format!("{UNDO_PREFIX}{step}")) => {
                    Some((e.step, vec![format!("{UNDO_PREFIX}{step}")]))
                }
                _ => None,
            })
            .collect()
    }
}
