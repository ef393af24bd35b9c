//! What a run needs from other people: approvals by role before a step
//! (or before the first step, for the procedure's own), and the handoff
//! to the next operator. The checks of signatures and roles happen before
//! (`trust::approval`); the engine records what was decided and holds
//! steps until their roles have approved.

use super::engine::Engine;
use super::msg::{Effect, Msg, Refusal};
use super::state::{Item, ItemKind, StepStatus};
use crate::journal::{Event, Handoff};

impl Engine {
    /// The roles asked of `step` (`None`: of the procedure itself).
    pub fn asked_roles(&self, step: Option<&str>) -> Vec<String> {
        match step {
            None => self.procedure.meta.approval.clone(),
            Some(id) => self
                .item(id)
                .filter(|i| !matches!(i.kind, ItemKind::Undo { .. }))
                .map(|i| self.step_of(i).approval.clone())
                .unwrap_or_default(),
        }
    }

    fn granted(&self, step: Option<&str>, role: &str) -> bool {
        self.state
            .approvals
            .iter()
            .any(|a| a.step.as_deref() == step && a.role == role)
    }

    /// Roles that still have to approve before `item` may start: the
    /// procedure's own (before any step), then the step's. Undo items run
    /// inside a rollback and are never held.
    pub fn missing_approvals(&self, item: &Item) -> Vec<String> {
        if matches!(item.kind, ItemKind::Undo { .. }) {
            return Vec::new();
        }
        let mut out: Vec<String> = self
            .asked_roles(None)
            .into_iter()
            .filter(|r| !self.granted(None, r))
            .collect();
        for r in self.asked_roles(Some(&item.id)) {
            if !self.granted(Some(&item.id), &r) && !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// The next item, when it is held for an approval: its id and roles.
    pub fn awaiting_approval(&self) -> Option<(String, Vec<String>)> {
        if self.active_item().is_some() {
            return None;
        }
        let item = self.next_item()?;
        let roles = self.missing_approvals(item);
        (!roles.is_empty()).then(|| (item.id.clone(), roles))
    }

    /// Whether an approval (by the SHA-256 of its signature) was already
    /// recorded, granted or refused.
    pub fn approval_seen(&self, signature_sha256: &str) -> bool {
        self.state.approvals_seen.contains(signature_sha256)
    }

    pub(super) fn check_approvals(&self, idx: usize) -> Result<(), Refusal> {
        let item = &self.state.items[idx];
        let roles = self.missing_approvals(item);
        if roles.is_empty() {
            Ok(())
        } else {
            Err(Refusal::AwaitingApproval {
                run: self.state.run_id.clone(),
                step: item.id.clone(),
                roles,
            })
        }
    }

    /// What is left open for the next operator.
    fn open_matters(&self) -> Vec<String> {
        let mut open = Vec::new();
        if let Some((step, roles)) = self.awaiting_approval() {
            open.push(format!("{step}: approval {}", roles.join(", ")));
        }
        for i in &self.state.items {
            match i.status {
                StepStatus::AwaitingOperator => {
                    open.push(format!("{}: awaiting the operator", i.id))
                }
                StepStatus::Failed | StepStatus::Interrupted => {
                    open.push(format!("{}: {}", i.id, i.status.name()))
                }
                _ => {}
            }
        }
        open
    }

    /// The messages of this file; `None` when `msg` is not one of them.
    pub(super) fn handle_people(
        &mut self,
        msg: Msg,
        fx: &mut Vec<Effect>,
    ) -> Result<Option<Msg>, Refusal> {
        match msg {
            Msg::Approve(a) => {
                if matches!(self.state.status, super::RunStatus::Finished(_)) {
                    return Err(Refusal::RunNotActive);
                }
                self.emit(fx, Event::ApprovalGranted(a));
            }
            Msg::RefuseApproval(r) => self.emit(fx, Event::ApprovalRefused(r)),
            Msg::Handoff { to, note } => {
                let to = to.trim().to_string();
                if to.is_empty() || note.trim().is_empty() {
                    return Err(Refusal::ReasonRequired);
                }
                if !matches!(
                    self.state.status,
                    super::RunStatus::Preparing
                        | super::RunStatus::Running
                        | super::RunStatus::RollingBack
                ) {
                    return Err(Refusal::RunNotActive);
                }
                let at_step = self
                    .active_item()
                    .or_else(|| self.next_item())
                    .map(|i| i.id.clone());
                let open = self.open_matters();
                self.emit(
                    fx,
                    Event::Handoff(Handoff {
                        to,
                        note: note.trim().to_string(),
                        at_step,
                        open,
                    }),
                );
            }
            other => return Ok(Some(other)),
        }
        Ok(None)
    }
}
