//! The facts a journal records, in the reader's language: run ends, step
//! states, deviations, why a step ended, why a run stopped. Every screen,
//! report and listing that shows one of these calls here, so each is
//! translated once (catalog area `history`).

use crate::i18n::Lang;
use crate::journal::{
    DeviationKind, Interruption, StepCause, StepOutcome, StepState, StepWhy, ValidationProblem,
};
use crate::tr;

/// `done`, `failed`, … (`hecho`, `fallido`, …).
pub fn step_state(lang: Lang, s: StepState) -> String {
    tr!(lang, "history-step-state", state = s.name())
}

pub fn step_outcome(lang: Lang, o: StepOutcome) -> String {
    step_state(lang, StepState::of_outcome(o))
}

/// What a deviation was, without its reason: `step 4: failed → done
/// (overridden)`, `step 5 skipped`, `started with prerequisites unconfirmed`.
pub fn deviation(lang: Lang, step: Option<&str>, kind: &DeviationKind) -> String {
    let step = step.unwrap_or("-");
    match kind {
        DeviationKind::Skipped => tr!(lang, "history-deviation-skipped", step = step),
        DeviationKind::Overridden { from, to } => tr!(
            lang,
            "history-deviation-overridden",
            step = step,
            from = step_state(lang, *from),
            to = step_outcome(lang, *to)
        ),
        DeviationKind::PrerequisitesWaived => tr!(lang, "history-deviation-waived"),
        DeviationKind::Legacy(what) if step == "-" || what.starts_with("step ") => what.clone(),
        DeviationKind::Legacy(what) => format!("{step}: {what}"),
    }
}

/// A deviation with the operator's reason.
pub fn deviation_with_reason(
    lang: Lang,
    step: Option<&str>,
    kind: &DeviationKind,
    reason: &str,
) -> String {
    tr!(
        lang,
        "history-with-reason",
        what = deviation(lang, step, kind),
        reason = reason
    )
}

pub fn validation_problem(lang: Lang, p: &ValidationProblem) -> String {
    match p {
        ValidationProblem::ExitCode { got, expected } => tr!(
            lang,
            "history-validation-exit",
            got = *got,
            expected = *expected
        ),
        ValidationProblem::ValidationOutput { pattern } => {
            tr!(
                lang,
                "history-validation-output",
                pattern = pattern.as_str()
            )
        }
        ValidationProblem::StepOutput { pattern } => {
            tr!(lang, "history-step-output", pattern = pattern.as_str())
        }
        ValidationProblem::Legacy { text } => text.clone(),
    }
}

pub fn validation_problems(lang: Lang, problems: &[ValidationProblem]) -> String {
    problems
        .iter()
        .map(|p| validation_problem(lang, p))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why pasos ended a step as it did.
pub fn step_cause(lang: Lang, c: &StepCause) -> String {
    match c {
        StepCause::CommandFailed {
            command,
            of,
            exit_code,
        } => tr!(
            lang,
            "history-cause-command-failed",
            command = *command,
            total = *of,
            code = *exit_code
        ),
        StepCause::ValidationFailed { problems } => validation_problems(lang, problems),
        StepCause::ShellExited { command, of } => tr!(
            lang,
            "shell-cause-shell-exited",
            command = *command,
            total = *of
        ),
        StepCause::TimedOut {
            command,
            of,
            after_secs,
        } => tr!(
            lang,
            "shell-cause-timed-out",
            command = *command,
            total = *of,
            after = crate::procedure::estimate::format_secs(*after_secs)
        ),
        StepCause::Rehearsal => tr!(lang, "history-cause-rehearsal"),
        StepCause::StoppedByRollback => tr!(lang, "history-cause-stopped-rollback"),
        StepCause::StoppedByAbort => tr!(lang, "history-cause-stopped-abort"),
    }
}

/// Why a step ended, as one line: the cause, the operator's reason, or
/// both; `None` when nothing was recorded.
pub fn step_why(lang: Lang, why: &StepWhy) -> Option<String> {
    match (&why.cause, &why.reason) {
        (None, None) => None,
        (Some(c), None) => Some(step_cause(lang, c)),
        (None, Some(r)) => Some(r.clone()),
        (Some(c), Some(r)) => Some(tr!(
            lang,
            "history-with-reason",
            what = step_cause(lang, c),
            reason = r.as_str()
        )),
    }
}

/// A note's text: the operator's words, or one of the two sentences older
/// versions wrote as notes (a failed prerequisite check, an abort), in
/// `lang`.
pub fn note(lang: Lang, text: &str) -> String {
    if let Some(reason) = text.strip_prefix("run ended by the operator: ") {
        return tr!(lang, "history-note-ended-by-operator", reason = reason);
    }
    if let Some((code, item)) = text
        .strip_prefix("prerequisite check failed (exit ")
        .and_then(|r| r.split_once("): "))
    {
        return tr!(lang, "history-note-check-failed", code = code, item = item);
    }
    text.to_string()
}

/// Why a run stopped without finishing.
pub fn interruption(lang: Lang, i: &Interruption) -> String {
    match i {
        Interruption::Quit => tr!(lang, "history-interrupted-quit"),
        Interruption::Signal { name } => {
            tr!(lang, "history-interrupted-signal", signal = name.as_str())
        }
        Interruption::TerminalError { error } => {
            tr!(lang, "history-interrupted-terminal", error = error.as_str())
        }
        Interruption::Crash => tr!(lang, "history-interrupted-crash"),
        Interruption::NoInput => tr!(lang, "hardening-interrupted-no-input"),
        Interruption::Handoff => tr!(lang, "team-interrupted-handoff"),
        Interruption::Legacy { text } => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_read_in_both_languages() {
        let k = DeviationKind::Overridden {
            from: StepState::Failed,
            to: StepOutcome::Done,
        };
        assert_eq!(
            deviation(Lang::En, Some("4"), &k),
            "step 4: failed → done (overridden)"
        );
        assert_eq!(
            deviation(Lang::Es, Some("4"), &k),
            "paso 4: fallido → hecho (forzado)"
        );
        let c = StepCause::CommandFailed {
            command: 1,
            of: 1,
            exit_code: 1,
        };
        assert_eq!(step_cause(Lang::En, &c), "command 1 of 1 exited with 1");
        assert_eq!(step_cause(Lang::Es, &c), "el comando 1 de 1 salió con 1");
        let c = StepCause::CommandFailed {
            command: 2,
            of: 3,
            exit_code: 127,
        };
        assert_eq!(step_cause(Lang::Es, &c), "el comando 2 de 3 salió con 127");
    }
}
