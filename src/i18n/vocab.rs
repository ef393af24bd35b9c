//! The run's vocabularies in words, each defined once: a step's state and
//! how a run ended (from the journal's words in `history::words`), why the
//! engine refused, how an item is named, why a file or run was not found. Every screen,
//! line and report that names one of these goes through here.

use super::Lang;
use crate::journal::RunOutcome;
use crate::journal::store::FindError;
use crate::procedure::Criticality;
use crate::run::{Engine, ItemKind, Refusal, StepStatus};
use crate::tr;

/// A step's state, as a word (`hecho`, `failed`, …): the journal's
/// vocabulary, translated once in `history::words`.
pub fn step_status(lang: Lang, s: StepStatus) -> String {
    crate::history::words::step_state(lang, s.journal())
}

/// How a run ended, in capitals for banners (`ÉXITO`, `ROLLED BACK`, …):
/// the history's run-end word, translated once.
pub fn run_outcome(lang: Lang, o: RunOutcome) -> String {
    crate::history::record::RunStatus::Finished(o)
        .word(lang)
        .to_uppercase()
}

/// A procedure's criticality, in capitals (`CRÍTICA`, `HIGH`, …).
pub fn criticality(lang: Lang, c: Criticality) -> String {
    match c {
        Criticality::Critical => tr!(lang, "criticality-critical"),
        Criticality::High => tr!(lang, "criticality-high"),
        Criticality::Medium => tr!(lang, "criticality-medium"),
        Criticality::Low => tr!(lang, "criticality-low"),
    }
}

/// How a checklist item is named in a sentence: its step id, or
/// `deshacer 3` / `undo 3` for the undo of step 3.
pub fn item_name(lang: Lang, e: &Engine, id: &str) -> String {
    match e.item(id) {
        Some(item) if matches!(item.kind, ItemKind::Undo { .. }) => {
            tr!(lang, "run-item-undo", step = e.step_of(item).id.as_str())
        }
        _ => id.to_string(),
    }
}

/// Why a rollback-plan entry runs nothing: the words after its title.
pub fn plan_note(lang: Lang, kind: &crate::run::PlanKind) -> Option<String> {
    use crate::run::PlanKind;
    Some(match kind {
        PlanKind::Undo | PlanKind::Full => return None,
        PlanKind::NothingToUndo => tr!(lang, "run-plan-nothing"),
        PlanKind::Undocumented => tr!(lang, "run-plan-undocumented"),
        PlanKind::CoveredBy(by) => tr!(lang, "run-plan-covered", steps = by.join(", ")),
        PlanKind::SameAs(step) => tr!(lang, "ux-plan-same-as", step = step.as_str()),
        PlanKind::BeforeEntry(entry) => tr!(lang, "ux-plan-before-entry", entry = entry.as_str()),
        PlanKind::Kept => tr!(lang, "ux-plan-kept"),
    })
}

/// Why a file could not be read or written: the usual causes in words,
/// anything else as the system says it.
pub fn io_error(lang: Lang, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!(lang, "io-not-found"),
        std::io::ErrorKind::PermissionDenied => tr!(lang, "io-permission-denied"),
        std::io::ErrorKind::IsADirectory => tr!(lang, "io-is-a-directory"),
        _ => e.to_string(),
    }
}

/// Why no single run was found for an id the operator gave.
pub fn find_error(lang: Lang, e: &FindError) -> String {
    match e {
        FindError::Unreadable(dir, err) => tr!(
            lang,
            "run-find-unreadable",
            dir = dir.display().to_string(),
            error = err.to_string()
        ),
        FindError::NoRun { prefix, data } => tr!(
            lang,
            "run-find-none",
            run = prefix.as_str(),
            dir = data.display().to_string()
        ),
        FindError::Ambiguous { prefix, count } => tr!(
            lang,
            "run-find-ambiguous",
            run = prefix.as_str(),
            count = *count
        ),
    }
}

/// Why the engine refused, in words.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let either = |accepted: &[String]| {
        let quoted: Vec<String> = accepted.iter().map(|a| format!("`{a}`")).collect();
        quoted.join(&format!(" {} ", tr!(lang, "refusal-or")))
    };
    match r {
        Refusal::NoSuchStep(s) => tr!(lang, "refusal-no-such-step", step = s.as_str()),
        Refusal::NoSuchPrerequisite => tr!(lang, "refusal-no-such-prerequisite"),
        Refusal::NoSuchVariable(v) => tr!(lang, "refusal-no-such-variable", name = v.as_str()),
        Refusal::NoSuchDecision(n) => tr!(lang, "refusal-no-such-decision", node = n.as_str()),
        Refusal::BadValue { name, pattern } => tr!(
            lang,
            "refusal-bad-value",
            name = name.as_str(),
            pattern = pattern.as_str()
        ),
        Refusal::ReasonRequired => tr!(lang, "refusal-reason-required"),
        Refusal::NeedsConfirmation { step, accepted } => tr!(
            lang,
            "refusal-needs-confirmation",
            step = step.as_str(),
            accepted = either(accepted)
        ),
        Refusal::WrongConfirmation { step, accepted } => tr!(
            lang,
            "refusal-wrong-confirmation",
            step = step.as_str(),
            accepted = either(accepted)
        ),
        Refusal::PrerequisitesPending(n) => {
            tr!(lang, "refusal-prerequisites-pending", count = *n)
        }
        Refusal::VariablesMissing(v) => tr!(
            lang,
            "refusal-variables-missing",
            count = v.len(),
            names = v.join(", ")
        ),
        Refusal::NotNext { step, next } => tr!(
            lang,
            "refusal-not-next",
            step = step.as_str(),
            next = next.as_str()
        ),
        Refusal::WrongState { step, state } => tr!(
            lang,
            "refusal-wrong-state",
            step = step.as_str(),
            state = step_status(lang, *state)
        ),
        Refusal::NotLeft { step } => tr!(lang, "refusal-not-left", step = step.as_str()),
        Refusal::RunNotActive => tr!(lang, "refusal-run-not-active"),
        Refusal::AlreadyRollingBack => tr!(lang, "refusal-already-rolling-back"),
        Refusal::AwaitingApproval { run, step, roles } => {
            crate::history::people::awaiting(lang, step, roles, run)
        }
        Refusal::AwaitingSupervisor {
            run,
            step,
            supervisor,
        } => tr!(
            lang,
            "team-awaiting-supervisor",
            step = step.as_str(),
            supervisor = supervisor.as_str(),
            run = run.as_str()
        ),
        Refusal::SecretTooShort { name, min } => {
            tr!(lang, "secrets-too-short", name = name.as_str(), min = *min)
        }
        Refusal::ChoiceNeeded { step } => {
            tr!(lang, "branch-refusal-choice-needed", step = step.as_str())
        }
        Refusal::ConditionUnanswered { step } => tr!(
            lang,
            "branch-refusal-condition-unanswered",
            step = step.as_str()
        ),
        Refusal::NotAChoice { step } => {
            tr!(lang, "branch-refusal-not-a-choice", step = step.as_str())
        }
        Refusal::NoSuchOption {
            step,
            option,
            options,
        } => tr!(
            lang,
            "branch-refusal-no-such-option",
            step = step.as_str(),
            option = option.as_str(),
            options = options.join(", ")
        ),
        Refusal::NoCondition { step } => {
            tr!(lang, "branch-refusal-no-condition", step = step.as_str())
        }
        Refusal::AlreadyAnswered { step } => {
            tr!(
                lang,
                "branch-refusal-already-answered",
                step = step.as_str()
            )
        }
        Refusal::NoSuchSnippet { snippet } => tr!(
            lang,
            "branch-refusal-no-such-snippet",
            snippet = snippet.as_str()
        ),
        Refusal::NoSuchSnippetCommand { snippet, command } => tr!(
            lang,
            "branch-refusal-no-such-snippet-command",
            snippet = snippet.as_str(),
            command = command + 1
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_states_and_counts_in_the_language() {
        let r = Refusal::WrongState {
            step: "3".into(),
            state: StepStatus::Done,
        };
        assert_eq!(refusal(Lang::Es, &r), "el paso 3 está hecho");
        assert_eq!(refusal(Lang::En, &r), "step 3 is done");
        assert_eq!(
            refusal(Lang::Es, &Refusal::PrerequisitesPending(1)),
            "hay 1 prerequisito sin confirmar; confírmelo o empiece igualmente con un motivo"
        );
        let c = Refusal::NeedsConfirmation {
            step: "2".into(),
            accepted: vec!["SI".into(), "yes".into()],
        };
        assert_eq!(
            refusal(Lang::Es, &c),
            "el paso 2 requiere confirmación escrita: escriba `SI` o `yes`"
        );
    }
}
