//! "What do I undo, in what order, from here": the own rollbacks of the
//! attempted execution and post steps in reverse order, then the full
//! rollback. Pre-flight and validation steps are preparation and checks:
//! undoing them (deleting the backup just taken) would hurt, so they are
//! left out.

use super::apply::UNDO_PREFIX;
use super::engine::Engine;
use super::state::{ItemKind, RunStatus, StepStatus};
use crate::procedure::{Estimate, PhaseKind, StepRollback};

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
    /// A step of the full rollback procedure.
    Full,
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

impl Engine {
    pub fn rollback_plan(&self) -> Vec<PlanEntry> {
        let mut out = Vec::new();
        let attempted: Vec<usize> = self
            .state
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| match i.kind {
                ItemKind::Forward { phase, .. } => {
                    matches!(
                        self.procedure.phases[phase].kind,
                        PhaseKind::Execution | PhaseKind::Post
                    ) && (i.status.was_attempted() || i.status == StepStatus::RolledBack)
                        // A choice only asked: nothing of it to undo.
                        && self.step_of(i).choice.is_none()
                }
                _ => false,
            })
            .map(|(n, _)| n)
            .collect();
        let rolling = self.state.status == RunStatus::RollingBack
            || matches!(self.state.status, RunStatus::Finished(_))
                && !self.state.rollback_plan.is_empty();
        for &n in attempted.iter().rev() {
            let item = &self.state.items[n];
            let step = self.step_of(item);
            let undo_id = format!("{UNDO_PREFIX}{}", item.id);
            let (kind, estimate) = match &step.rollback {
                StepRollback::Missing => (PlanKind::Undocumented, None),
                StepRollback::None => (PlanKind::NothingToUndo, None),
                StepRollback::Some(u) if u.commands.is_empty() && !u.steps.is_empty() => {
                    (PlanKind::CoveredBy(u.steps.clone()), u.estimate)
                }
                StepRollback::Some(u) if u.commands.is_empty() => {
                    (PlanKind::Undocumented, u.estimate)
                }
                StepRollback::Some(u) => (PlanKind::Undo, u.estimate),
            };
            if rolling && kind == PlanKind::Undo && !self.in_rollback_plan(&undo_id) {
                continue; // attempted after the plan was made: not part of it
            }
            let status = self
                .item(&undo_id)
                .map(|i| i.status)
                .unwrap_or(StepStatus::Pending);
            out.push(PlanEntry {
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
            });
        }
        for (i, step) in self.procedure.rollback.steps.iter().enumerate() {
            let status = self
                .state
                .items
                .iter()
                .find(|it| it.kind == ItemKind::FullRollback { step: i })
                .map(|it| it.status)
                .unwrap_or(StepStatus::Pending);
            out.push(PlanEntry {
                id: step.id.clone(),
                step: step.id.clone(),
                title: step.title.clone(),
                kind: PlanKind::Full,
                estimate: step.estimate,
                status,
                of_status: None,
            });
        }
        out
    }
}
