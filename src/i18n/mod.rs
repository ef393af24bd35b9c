//! Every user-visible string, in Spanish and English. The catalog
//! (`catalog`, Fluent files under `ftl/`) is the one place strings live;
//! the older per-language structs below are being moved into it.

pub mod catalog;
#[cfg(test)]
mod catalog_check;
mod en;
mod es;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Es,
    En,
}

impl Lang {
    /// From `LC_ALL`, `LC_MESSAGES`, then `LANG`; Spanish when it says
    /// `es`, English otherwise.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return if v.to_ascii_lowercase().starts_with("es") {
                    Lang::Es
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Es => &es::ES,
            Lang::En => &en::EN,
        }
    }

    /// The language of a table of [`Texts`] (for what those screens show
    /// from the catalog).
    pub fn of_texts(t: &Texts) -> Lang {
        if std::ptr::eq(t, &es::ES) {
            Lang::Es
        } else {
            Lang::En
        }
    }
}

/// Strings of the runners. `{}` placeholders are filled in order.
pub struct Texts {
    pub live: &'static str,
    pub rehearsal: &'static str,
    pub resumed: &'static str,
    pub production_banner: &'static str,
    pub journal_at: &'static str,
    pub prerequisites: &'static str,
    pub checking: &'static str,
    pub check_ok: &'static str,
    pub check_failed: &'static str,
    pub confirm_prerequisite: &'static str,
    pub waive_reason: &'static str,
    pub variables: &'static str,
    pub variable_prompt: &'static str,
    pub secret_prompt: &'static str,
    pub phase: &'static str,
    pub budget: &'static str,
    pub estimate: &'static str,
    pub instructions: &'static str,
    pub commands: &'static str,
    pub expected: &'static str,
    pub validation: &'static str,
    pub on_failure: &'static str,
    pub own_rollback: &'static str,
    pub no_rollback: &'static str,
    pub step_menu: &'static str,
    pub rollback_menu: &'static str,
    pub failed_menu: &'static str,
    pub manual_menu: &'static str,
    pub rehearsal_menu: &'static str,
    pub would_run: &'static str,
    pub type_to_confirm: &'static str,
    pub reason_prompt: &'static str,
    pub note_prompt: &'static str,
    pub validating: &'static str,
    pub done_in: &'static str,
    pub failed_in: &'static str,
    pub skipped: &'static str,
    pub over_estimate: &'static str,
    pub rollback_plan: &'static str,
    pub plan_undo: &'static str,
    pub plan_nothing: &'static str,
    pub plan_undocumented: &'static str,
    pub plan_covered: &'static str,
    pub rollback_when: &'static str,
    pub decision_tree: &'static str,
    pub decision_question: &'static str,
    pub decision_action: &'static str,
    pub rolling_back: &'static str,
    pub shell_died: &'static str,
    pub interrupted_resume: &'static str,
    pub finished: &'static str,
    pub outcome_success: &'static str,
    pub outcome_failed: &'static str,
    pub outcome_rolled_back: &'static str,
    pub outcome_aborted: &'static str,
    pub summary_steps: &'static str,
    pub summary_deviations: &'static str,
    pub verify_with: &'static str,
    pub eta: &'static str,
    pub rto_left: &'static str,
    pub rto_passed: &'static str,
    pub unknown_choice: &'static str,
    pub help: &'static str,
    pub tab_checklist: &'static str,
    pub tab_timers: &'static str,
    pub tab_rollback: &'static str,
    pub tab_shell: &'static str,
    pub details: &'static str,
    pub run_progress: &'static str,
    pub steps_word: &'static str,
    pub elapsed_word: &'static str,
    pub of_word: &'static str,
    pub eta_word: &'static str,
    pub rto_word: &'static str,
    pub triggers: &'static str,
    pub automatic: &'static str,
    pub manual_word: &'static str,
    pub no_decision_tree: &'static str,
    pub shell_idle: &'static str,
    pub shell_running: &'static str,
    pub shell_focus_hint: &'static str,
    pub notes_word: &'static str,
    pub dialog_confirm_title: &'static str,
    pub dialog_confirm_body: &'static str,
    pub dialog_reason_skip: &'static str,
    pub dialog_reason_override: &'static str,
    pub dialog_reason_fail: &'static str,
    pub dialog_reason_rollback: &'static str,
    pub dialog_reason_abort: &'static str,
    pub dialog_reason_waive: &'static str,
    pub dialog_note: &'static str,
    pub dialog_variable: &'static str,
    pub dialog_prerequisite: &'static str,
    pub dialog_prerequisite_keys: &'static str,
    pub dialog_yes_no: &'static str,
    pub dialog_quit: &'static str,
    pub dialog_accept_hint: &'static str,
    pub help_title: &'static str,
    pub status_started: &'static str,
    pub status_edit_at_prompt: &'static str,
    pub status_refused: &'static str,
    pub status_journal_failed: &'static str,
    pub prereq_pending: &'static str,
    pub finished_banner: &'static str,
    pub too_small: &'static str,
    pub rf_no_such_step: &'static str,
    pub rf_no_such_prerequisite: &'static str,
    pub rf_no_such_variable: &'static str,
    pub rf_no_such_decision: &'static str,
    pub rf_bad_value: &'static str,
    pub rf_reason_required: &'static str,
    pub rf_needs_confirmation: &'static str,
    pub rf_wrong_confirmation: &'static str,
    pub rf_prerequisites_pending: &'static str,
    pub rf_variables_missing: &'static str,
    pub rf_not_next: &'static str,
    pub rf_wrong_state: &'static str,
    pub rf_run_not_active: &'static str,
    pub rf_already_rolling_back: &'static str,
    pub shell_foreign_wait: &'static str,
    pub shell_cannot_run: &'static str,
    pub shell_foreign: &'static str,
    pub shell_back: &'static str,
    pub shell_exited: &'static str,
    pub st_pending: &'static str,
    pub st_running: &'static str,
    pub st_validating: &'static str,
    pub st_awaiting: &'static str,
    pub st_done: &'static str,
    pub st_failed: &'static str,
    pub st_skipped: &'static str,
    pub st_rolled_back: &'static str,
    pub st_interrupted: &'static str,
}

impl Texts {
    pub fn status(&self, s: crate::run::StepStatus) -> &'static str {
        use crate::run::StepStatus::*;
        match s {
            Pending => self.st_pending,
            Running => self.st_running,
            AwaitingValidation => self.st_validating,
            AwaitingOperator => self.st_awaiting,
            Done => self.st_done,
            Failed => self.st_failed,
            Skipped => self.st_skipped,
            RolledBack => self.st_rolled_back,
            Interrupted => self.st_interrupted,
        }
    }

    /// The language these texts are in.
    fn lang(&self) -> Lang {
        if std::ptr::eq(self, Lang::Es.texts()) {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// Why the engine refused, in words.
    pub fn refusal(&self, r: &crate::run::Refusal) -> String {
        use crate::run::Refusal::*;
        match r {
            NoSuchStep(s) => fill(self.rf_no_such_step, &[s]),
            NoSuchPrerequisite => self.rf_no_such_prerequisite.to_string(),
            NoSuchVariable(v) => fill(self.rf_no_such_variable, &[v]),
            NoSuchDecision(n) => fill(self.rf_no_such_decision, &[n]),
            BadValue { name, pattern } => fill(self.rf_bad_value, &[name, pattern]),
            ReasonRequired => self.rf_reason_required.to_string(),
            NeedsConfirmation { step, accepted } => {
                fill(self.rf_needs_confirmation, &[step, &accepted.join(" / ")])
            }
            WrongConfirmation { step, accepted } => {
                fill(self.rf_wrong_confirmation, &[step, &accepted.join(" / ")])
            }
            PrerequisitesPending(n) => fill(self.rf_prerequisites_pending, &[&n.to_string()]),
            VariablesMissing(v) => fill(self.rf_variables_missing, &[&v.join(", ")]),
            NotNext { step, next } => fill(self.rf_not_next, &[step, next]),
            WrongState { step, state } => fill(self.rf_wrong_state, &[step, state]),
            RunNotActive => self.rf_run_not_active.to_string(),
            AlreadyRollingBack => self.rf_already_rolling_back.to_string(),
            SecretTooShort { name, min } => crate::tr!(
                self.lang(),
                "secrets-too-short",
                name = name.as_str(),
                min = *min
            ),
        }
    }

    pub fn outcome(&self, o: crate::journal::RunOutcome) -> &'static str {
        use crate::journal::RunOutcome::*;
        match o {
            Success => self.outcome_success,
            Failed => self.outcome_failed,
            RolledBack => self.outcome_rolled_back,
            Aborted => self.outcome_aborted,
        }
    }
}

/// Tests: both languages of every pair have the same number of `{}`
/// placeholders, and at least one (the pairs are the templates).
#[cfg(test)]
pub(crate) fn assert_same_placeholders(pairs: &[(&str, &str)]) {
    for (es, en) in pairs {
        let (a, b) = (es.matches("{}").count(), en.matches("{}").count());
        assert_eq!(a, b, "{es} / {en}");
        assert!(a > 0, "{es} has no placeholder");
    }
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_match_between_languages() {
        let (es, en) = (Lang::Es.texts(), Lang::En.texts());
        let pairs = [
            (es.done_in, en.done_in),
            (es.failed_in, en.failed_in),
            (es.type_to_confirm, en.type_to_confirm),
            (es.interrupted_resume, en.interrupted_resume),
            (es.variable_prompt, en.variable_prompt),
            (es.summary_steps, en.summary_steps),
            (es.over_estimate, en.over_estimate),
            (es.eta, en.eta),
            (es.rto_left, en.rto_left),
            (es.phase, en.phase),
            (es.check_failed, en.check_failed),
            (es.status_edit_at_prompt, en.status_edit_at_prompt),
        ];
        assert_same_placeholders(&pairs);
        assert_eq!(fill("a {} b {}", &["1", "2"]), "a 1 b 2");
    }
}
