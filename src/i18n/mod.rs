//! Every user-visible string of the interactive runners, in Spanish and
//! English. One struct per language: a missing translation does not compile.

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
        // Same number of `{}` in every field of both languages.
        let count = |s: &str| s.matches("{}").count();
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
        ];
        for (a, b) in pairs {
            assert_eq!(count(a), count(b), "{a} / {b}");
        }
        assert_eq!(fill("a {} b {}", &["1", "2"]), "a 1 b 2");
    }
}
