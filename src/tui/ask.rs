//! Questions the run asks again instead of leaving the operator stuck:
//! the prerequisites (after "[esc] later", or when they block the first
//! step) and the decision tree, one question after the other until it
//! reaches an action.

use crate::run::RunStatus;
use crate::tr;
use crate::tui::app::{App, Dialog};

impl App {
    /// Unconfirmed prerequisites keep the first step from starting.
    pub fn prerequisites_block(&self) -> bool {
        let s = self.engine.state();
        s.status == RunStatus::Preparing
            && !s.prerequisites_waived
            && s.prerequisites.iter().flatten().any(|c| !*c)
    }

    /// Asks again about every unconfirmed prerequisite; those whose check
    /// is still running wait for it.
    pub fn reopen_prerequisites(&mut self) {
        let lang = self.lang;
        if !self.prerequisites_block() {
            self.say(tr!(lang, "nav-prerequisites-settled"));
            return;
        }
        self.deferred.clear();
        self.ask_prerequisites(self.busy.is_none());
        let asked = self
            .dialogs
            .iter()
            .filter(|d| matches!(d, Dialog::Prerequisite { .. }))
            .count();
        if asked == 0 {
            self.say(tr!(lang, "nav-prerequisites-checking"));
        } else {
            self.clear_status();
        }
    }

    /// Opens the dialog for the decision tree's next question; false when
    /// none is waiting (no tree, or an action was reached).
    pub fn ask_decision(&mut self) -> bool {
        let Some(n) = self.engine.pending_question() else {
            return false;
        };
        let d = Dialog::Decision {
            node: n.id.clone(),
            question: n.question.clone().unwrap_or_default(),
        };
        self.dialogs
            .retain(|x| !matches!(x, Dialog::Decision { .. }));
        self.dialogs.push_front(d);
        true
    }

    /// Where the answers led, in the status line.
    pub fn say_decision_outcome(&mut self) {
        let lang = self.lang;
        match self.engine.decision_outcome() {
            Some(n) => {
                let action = n.action.clone().unwrap_or_default();
                self.say(tr!(lang, "nav-decision-outcome", action = action));
            }
            None if self.engine.procedure().decision_tree.is_empty() => {
                self.say(tr!(lang, "nav-decision-none"))
            }
            None => {}
        }
    }
}
