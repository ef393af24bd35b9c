//! Line mode looks at the people around the run as the TUI does (see
//! `runner::people`): approvals to verify and journal, the supervisor
//! watching, a handoff asked from another session. It looks before each
//! prompt and again when the operator presses Enter on a held step, so a
//! `pasos approve` from another session unblocks it.

use super::{Session, Stop};
use crate::plain::input::say;
use crate::run::Effect;
use crate::runner::ending::Ending;
use crate::tr;

impl Session {
    pub(super) fn look_around(&mut self) -> Result<(), Stop> {
        let Some(people) = self.people.as_mut() else {
            return Ok(());
        };
        let found = people.look(&self.engine, self.lang);
        if let Some(w) = found.warning {
            say(&format!("  ! {w}"));
        }
        for msg in found.msgs {
            let fx = self.update(msg);
            let said: Vec<(String, bool)> = fx
                .iter()
                .filter_map(|e| match e {
                    Effect::Journal(ev) => crate::runner::people::said(self.lang, ev),
                    _ => None,
                })
                .collect();
            self.exec(fx)?;
            for (text, warn) in said {
                say(&format!("  {} {text}", if warn { "!" } else { "*" }));
            }
        }
        if let Some(h) = found.handoff {
            let fx = self.update(crate::run::Msg::Handoff {
                to: h.to.clone(),
                note: h.note,
            });
            if !fx.is_empty() {
                self.exec(fx)?;
                say(&tr!(self.lang, "team-handoff-received", to = h.to));
                return Err(Stop::Ending(Ending::Handoff));
            }
        }
        Ok(())
    }

    /// What the next step waits for from other people, in words; `None`
    /// when it may start.
    pub(super) fn held(&self) -> Option<String> {
        let run = self.engine.state().run_id.clone();
        if let Some((step, roles)) = self.engine.awaiting_approval() {
            return Some(crate::history::people::awaiting(
                self.lang, &step, &roles, &run,
            ));
        }
        self.engine.awaiting_supervisor().map(|(step, sup)| {
            tr!(
                self.lang,
                "team-awaiting-supervisor",
                step = step,
                supervisor = sup,
                run = run
            )
        })
    }
}
