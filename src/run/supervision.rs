//! Supervised runs (`pasos run --supervised-by NAME`): each critical step
//! (criticality `critica` or `alta`, the step's own or else the
//! procedure's) waits until the supervisor is there, watching live
//! (`pasos watch`, told by the front end) or through their signed
//! approval of that step; which of the two is journaled per step.

use super::engine::Engine;
use super::msg::{Effect, Refusal};
use super::state::{Item, ItemKind};
use crate::journal::supervision::{BY_APPROVAL, BY_WATCHER, same_person};
use crate::journal::{Event, Supervision};
use crate::procedure::Criticality;

impl Engine {
    /// The supervisor named at the start, if the run is supervised.
    pub fn supervisor(&self) -> Option<&str> {
        self.state.supervisor.as_deref()
    }

    /// The front end tells whether the supervisor is watching now (not
    /// journaled itself: the step it lets start is).
    pub fn set_supervisor_watching(&mut self, watching: bool) {
        self.supervisor_watching = watching;
    }

    /// Whether `item` needs the supervisor: a forward step of high or
    /// critical criticality, in a supervised run, not yet supervised.
    pub fn needs_supervision(&self, item: &Item) -> bool {
        if self.state.supervisor.is_none()
            || !matches!(item.kind, ItemKind::Forward { .. })
            || self.state.supervised.contains_key(&item.id)
        {
            return false;
        }
        let level = self
            .step_of(item)
            .criticality
            .or(self.procedure.meta.criticality);
        matches!(level, Some(Criticality::High | Criticality::Critical))
    }

    /// How the supervisor is there for `step` now, if they are: their
    /// approval of the step first (it is a signed fact), else watching.
    fn supervised_by(&self, step: &str) -> Option<&'static str> {
        let sup = self.state.supervisor.as_deref()?;
        if self
            .state
            .approvals
            .iter()
            .any(|a| a.step.as_deref() == Some(step) && same_person(sup, &a.approver))
        {
            Some(BY_APPROVAL)
        } else if self.supervisor_watching {
            Some(BY_WATCHER)
        } else {
            None
        }
    }

    /// The next item, when it is held for the supervisor: its id and the
    /// supervisor's name.
    pub fn awaiting_supervisor(&self) -> Option<(String, String)> {
        if self.active_item().is_some() {
            return None;
        }
        let item = self.next_item()?;
        (self.needs_supervision(item) && self.supervised_by(&item.id).is_none()).then(|| {
            (
                item.id.clone(),
                self.state.supervisor.clone().unwrap_or_default(),
            )
        })
    }

    pub(super) fn check_supervision(&self, idx: usize) -> Result<(), Refusal> {
        let item = &self.state.items[idx];
        if !self.needs_supervision(item) || self.supervised_by(&item.id).is_some() {
            return Ok(());
        }
        Err(Refusal::AwaitingSupervisor {
            run: self.state.run_id.clone(),
            step: item.id.clone(),
            supervisor: self.state.supervisor.clone().unwrap_or_default(),
        })
    }

    /// As a critical step starts: journals how the supervisor was there.
    pub(super) fn note_supervision(&mut self, idx: usize, fx: &mut Vec<Effect>) {
        let item = &self.state.items[idx];
        if !self.needs_supervision(item) {
            return;
        }
        let step = item.id.clone();
        if let (Some(by), Some(sup)) = (self.supervised_by(&step), self.state.supervisor.clone()) {
            self.emit(
                fx,
                Event::Supervision(Supervision {
                    supervisor: sup,
                    step: Some(step),
                    by: Some(by.to_string()),
                }),
            );
        }
    }

    /// Records who supervises the run (once, at its start).
    pub(super) fn supervise(&mut self, name: String, fx: &mut Vec<Effect>) -> Result<(), Refusal> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(Refusal::ReasonRequired);
        }
        if self.state.supervisor.is_some() {
            return Ok(());
        }
        self.emit(
            fx,
            Event::Supervision(Supervision {
                supervisor: name,
                step: None,
                by: None,
            }),
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::journal::{Approval, Event, Mode, Operator};
    use crate::run::{Effect, Engine, FakeClock, Msg, Refusal, RunConfig};
    use chrono::TimeZone;

    const P: &str = r#"[procedure]
id = "P-1"
title = "t"
criticality = "baja"
version = "1.0.0"

[[phases]]
id = "e"
kind = "execution"

[[phases.steps]]
id = "1"
title = "a"
criticality = "critica"
commands = ["true"]
rollback = "none"

[[phases.steps]]
id = "2"
title = "b"
commands = ["true"]
rollback = "none"
"#;

    fn engine(supervisor: Option<&str>) -> Engine {
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
        if let Some(s) = supervisor {
            e.update(Msg::Supervise(s.into())).unwrap();
        }
        e
    }

    fn start(e: &mut Engine, s: &str) -> Result<Vec<Effect>, Refusal> {
        e.update(Msg::StartStep {
            step: s.into(),
            typed: None,
        })
    }

    fn supervision(fx: &[Effect]) -> Option<String> {
        fx.iter().find_map(|f| match f {
            Effect::Journal(Event::Supervision(s)) => s.by.clone(),
            _ => None,
        })
    }

    #[test]
    fn an_unsupervised_run_is_never_held() {
        let mut e = engine(None);
        assert_eq!(e.awaiting_supervisor(), None);
        assert!(supervision(&start(&mut e, "1").unwrap()).is_none());
    }

    #[test]
    fn a_critical_step_waits_for_the_watching_supervisor() {
        let mut e = engine(Some("luis"));
        assert_eq!(e.supervisor(), Some("luis"));
        assert_eq!(e.awaiting_supervisor(), Some(("1".into(), "luis".into())));
        assert!(matches!(
            start(&mut e, "1"),
            Err(Refusal::AwaitingSupervisor { ref supervisor, .. }) if supervisor == "luis"
        ));
        e.update(Msg::SupervisorWatching(true)).unwrap();
        assert_eq!(e.awaiting_supervisor(), None);
        let fx = start(&mut e, "1").unwrap();
        assert_eq!(supervision(&fx).as_deref(), Some("watcher"));
        assert_eq!(
            e.state().supervised.get("1").map(String::as_str),
            Some("watcher")
        );
    }

    #[test]
    fn the_supervisors_approval_of_the_step_lets_it_start_and_a_low_step_is_not_held() {
        let mut e = engine(Some("luis"));
        // Someone else's approval does not count.
        let grant = |who: &str| {
            Msg::Approve(Approval {
                step: Some("1".into()),
                role: "tech-lead".into(),
                approver: who.into(),
                key: "SHA256:x".into(),
                note: None,
                signed_at: "2026-01-01T00:00:00.000Z".into(),
                window: false,
                text: String::new(),
                signature: who.into(),
            })
        };
        e.update(grant("ana@example")).unwrap();
        assert!(start(&mut e, "1").is_err());
        e.update(grant("luis@example")).unwrap();
        let fx = start(&mut e, "1").unwrap();
        assert_eq!(supervision(&fx).as_deref(), Some("approval"));
        // Step 2 is `baja` like the procedure: no supervision asked.
        let item = e.item("2").unwrap().clone();
        assert!(!e.needs_supervision(&item));
    }
}
