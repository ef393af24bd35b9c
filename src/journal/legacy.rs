//! The English sentences older versions of pasos wrote into journals, read
//! back as the facts they stood for. Exactly these shapes were written
//! (see `tests/fixtures/legacy-journals`); anything else is kept as text.

use super::event::StepOutcome;
use super::facts::{DeviationKind, Interruption, StepCause, StepState, ValidationProblem};

/// `started with prerequisites unconfirmed`, `step 5 skipped`,
/// `step 4: failed -> done (overridden)`.
pub fn deviation(what: &str) -> DeviationKind {
    if what == "started with prerequisites unconfirmed" {
        return DeviationKind::PrerequisitesWaived;
    }
    if let Some(rest) = what.strip_prefix("step ") {
        if rest.ends_with(" skipped") && !rest.contains(": ") {
            return DeviationKind::Skipped;
        }
        if let Some(change) = rest
            .split_once(": ")
            .and_then(|(_, c)| c.strip_suffix(" (overridden)"))
            && let Some((from, to)) = change.split_once(" -> ")
            && let (Some(from), Some(to)) = (state(from), state(to))
            && let Some(to) = outcome(to)
        {
            return DeviationKind::Overridden { from, to };
        }
    }
    DeviationKind::Legacy(what.to_string())
}

/// The step state names older versions printed (`awaiting validation`).
fn state(name: &str) -> Option<StepState> {
    Some(match name {
        "pending" => StepState::Pending,
        "running" => StepState::Running,
        "awaiting validation" => StepState::AwaitingValidation,
        "awaiting the operator" => StepState::AwaitingOperator,
        "done" => StepState::Done,
        "failed" => StepState::Failed,
        "skipped" => StepState::Skipped,
        "rolled back" => StepState::RolledBack,
        "interrupted" => StepState::Interrupted,
        _ => return None,
    })
}

fn outcome(s: StepState) -> Option<StepOutcome> {
    match s {
        StepState::Done => Some(StepOutcome::Done),
        StepState::Failed => Some(StepOutcome::Failed),
        _ => None,
    }
}

/// The causes older versions wrote as a step's `reason`.
pub fn step_cause(reason: &str) -> Option<StepCause> {
    match reason {
        "rehearsal: commands shown, not run" => return Some(StepCause::Rehearsal),
        "stopped: rollback started" => return Some(StepCause::StoppedByRollback),
        "run aborted" => return Some(StepCause::StoppedByAbort),
        _ => {}
    }
    if let Some(rest) = reason.strip_prefix("command ") {
        let (n, rest) = rest.split_once(" of ")?;
        let (of, code) = rest.split_once(" exited with ")?;
        return Some(StepCause::CommandFailed {
            command: n.parse().ok()?,
            of: of.parse().ok()?,
            exit_code: code.parse().ok()?,
        });
    }
    let problems = validation_problems(reason);
    if problems
        .iter()
        .all(|p| !matches!(p, ValidationProblem::Legacy { .. }))
    {
        return Some(StepCause::ValidationFailed { problems });
    }
    None
}

/// `validation exited with 1, expected 0; output does not match `x``.
pub fn validation_problems(detail: &str) -> Vec<ValidationProblem> {
    detail.split("; ").map(validation_problem).collect()
}

fn validation_problem(text: &str) -> ValidationProblem {
    let pattern = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|p| p.strip_prefix('`'))
            .and_then(|p| p.strip_suffix('`'))
            .map(str::to_string)
    };
    if let Some(pattern) = pattern("validation output does not match ") {
        return ValidationProblem::ValidationOutput { pattern };
    }
    if let Some(pattern) = pattern("output does not match ") {
        return ValidationProblem::StepOutput { pattern };
    }
    if let Some((got, expected)) = text
        .strip_prefix("validation exited with ")
        .and_then(|r| r.split_once(", expected "))
        && let (Ok(got), Ok(expected)) = (got.parse(), expected.parse())
    {
        return ValidationProblem::ExitCode { got, expected };
    }
    ValidationProblem::Legacy {
        text: text.to_string(),
    }
}

/// `the operator quit`, `the previous session ended …`, `terminal error: …`,
/// or a signal's name.
pub fn interruption(reason: &str) -> Interruption {
    if reason == "the operator quit" {
        return Interruption::Quit;
    }
    if reason.starts_with("the previous session ended without closing the run") {
        return Interruption::Crash;
    }
    if let Some(error) = reason.strip_prefix("terminal error: ") {
        return Interruption::TerminalError {
            error: error.to_string(),
        };
    }
    if reason.starts_with("SIG") {
        return Interruption::signal(reason);
    }
    Interruption::Legacy {
        text: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentences_older_versions_wrote_read_back_as_facts() {
        assert_eq!(
            deviation("step 4: failed -> done (overridden)"),
            DeviationKind::Overridden {
                from: StepState::Failed,
                to: StepOutcome::Done
            }
        );
        assert_eq!(
            deviation("step 2: awaiting the operator -> failed (overridden)"),
            DeviationKind::Overridden {
                from: StepState::AwaitingOperator,
                to: StepOutcome::Failed
            }
        );
        assert_eq!(deviation("step 5 skipped"), DeviationKind::Skipped);
        assert_eq!(
            deviation("started with prerequisites unconfirmed"),
            DeviationKind::PrerequisitesWaived
        );
        assert_eq!(
            deviation("something else"),
            DeviationKind::Legacy("something else".into())
        );
        assert_eq!(
            step_cause("command 1 of 3 exited with 127"),
            Some(StepCause::CommandFailed {
                command: 1,
                of: 3,
                exit_code: 127
            })
        );
        assert_eq!(
            step_cause(
                "validation exited with 1, expected 0; validation output does not match `ok`"
            ),
            Some(StepCause::ValidationFailed {
                problems: vec![
                    ValidationProblem::ExitCode {
                        got: 1,
                        expected: 0
                    },
                    ValidationProblem::ValidationOutput {
                        pattern: "ok".into()
                    }
                ]
            })
        );
        assert_eq!(step_cause("el DBA lo migró"), None);
        assert_eq!(interruption("the operator quit"), Interruption::Quit);
        assert_eq!(
            interruption("SIGHUP (terminal or SSH session closed)"),
            Interruption::Signal {
                name: "SIGHUP".into()
            }
        );
        assert_eq!(
            interruption(
                "the previous session ended without closing the run (crash, kill or lost connection)"
            ),
            Interruption::Crash
        );
    }
}
