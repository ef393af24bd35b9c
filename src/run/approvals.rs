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
            // A step may also carry the procedure's own roles: the held
            // step names them, and `pasos approve RUN STEP` answers.
            Some(id) => {
                let mut roles = self
                    .item(id)
                    .filter(|i| !matches!(i.kind, ItemKind::Undo { .. }))
                    .map(|i| self.step_of(i).approval.clone())
                    .unwrap_or_default();
                for r in &self.procedure.meta.approval {
                    if !roles.contains(r) {
                        roles.push(r.clone());
                    }
                }
                roles
            }
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
        // The procedure's own roles: once for the whole run, whether given
        // for the run or on the step that was held.
        let mut out: Vec<String> = self
            .asked_roles(None)
            .into_iter()
            .filter(|r| !self.state.approvals.iter().any(|a| a.role == *r))
            .collect();
        let own = self
            .item(&item.id)
            .map(|i| self.step_of(i).approval.clone())
            .unwrap_or_default();
        for r in own {
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
            self.check_supervision(idx)
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
            Msg::Supervise(name) => self.supervise(name, fx)?,
            Msg::SupervisorWatching(w) => self.set_supervisor_watching(w),
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

#[cfg(test)]
mod tests {
    use crate::journal::{Approval, Mode, Operator};
    use crate::run::{Engine, FakeClock, Msg, RunConfig};
    use chrono::TimeZone;

    const P: &str = r#"[procedure]
id = "P-1"
title = "t"
criticality = "alta"
version = "1.0.0"
approval = ["manager"]

[[phases]]
id = "e"
kind = "execution"

[[phases.steps]]
id = "1"
title = "a"
commands = ["true"]
rollback = "none"

[[phases.steps]]
id = "2"
title = "b"
approval = ["tech-lead"]
commands = ["true"]
rollback = "none"
"#;

    fn grant(step: Option<&str>, role: &str) -> Msg {
        Msg::Approve(Approval {
            step: step.map(str::to_string),
            role: role.into(),
            approver: "luis".into(),
            key: "SHA256:x".into(),
            note: None,
            signed_at: "2026-01-01T00:00:00.000Z".into(),
            window: false,
            text: String::new(),
            signature: format!("{step:?}{role}"),
        })
    }

    #[test]
    fn the_procedures_roles_hold_the_first_step_and_a_steps_roles_hold_it() {
        let clock = FakeClock::at(chrono::Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        let cfg = RunConfig {
            run_id: "R".into(),
            mode: Mode::Live,
            environment: None,
            operator: Operator::default(),
            source: "p.toml".into(),
            procedure_sha256: String::new(),
            forced: false,
            preset: Vec::new(),
        };
        let p = crate::procedure::load_str(P).procedure.unwrap();
        let (mut e, _) = Engine::start(p, Box::new(clock), cfg);
        assert_eq!(
            e.awaiting_approval(),
            Some(("1".into(), vec!["manager".into()]))
        );
        assert!(e.asked_roles(Some("1")).contains(&"manager".to_string()));
        // The procedure's role, given on the held step, holds for the run.
        e.update(grant(Some("1"), "manager")).unwrap();
        assert_eq!(e.awaiting_approval(), None);
        let start = |e: &mut Engine, s: &str| {
            e.update(Msg::StartStep {
                step: s.into(),
                typed: None,
            })
        };
        start(&mut e, "1").unwrap();
        e.update(Msg::Report {
            step: "1".into(),
            outcome: crate::journal::StepOutcome::Done,
        })
        .ok();
        let _ = e.update(Msg::CommandFinished {
            step: "1".into(),
            exit_code: 0,
            duration_ms: 1,
            output: String::new(),
            source: crate::journal::ExitSource::Marker,
        });
        assert!(matches!(
            start(&mut e, "2"),
            Err(crate::run::Refusal::AwaitingApproval { ref roles, .. }) if roles == &["tech-lead".to_string()]
        ));
        e.update(grant(Some("2"), "tech-lead")).unwrap();
        start(&mut e, "2").unwrap();
        assert!(e.approval_seen(&crate::journal::line::sha256_hex(b"Some(\"2\")tech-lead")));
    }
}
