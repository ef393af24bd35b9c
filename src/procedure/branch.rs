//! The rules of choices across steps: every option's steps exist, are in
//! the same phase (or the same full rollback) after the choice step,
//! belong to one option only, and are not choices themselves (no nesting
//! in this version). Also: snippet ids are unique.

use super::model::{Procedure, Step};
use super::validate::{find_value, unknown_ref};
use crate::diagnostic::{Diagnostic, SourceText};
use std::collections::HashMap;

pub fn validate(p: &Procedure, source: &SourceText, out: &mut Vec<Diagnostic>) {
    let all_ids: Vec<&str> = p.all_steps().map(|s| s.id.as_str()).collect();
    // Which list (phase index, or `None` for the full rollback) holds a step.
    let mut home: HashMap<&str, (Option<usize>, usize)> = HashMap::new();
    for (pi, phase) in p.phases.iter().enumerate() {
        for (si, s) in phase.steps.iter().enumerate() {
            home.entry(s.id.as_str()).or_insert((Some(pi), si));
        }
    }
    for (si, s) in p.rollback.steps.iter().enumerate() {
        home.entry(s.id.as_str()).or_insert((None, si));
    }
    let mut claimed: HashMap<&str, (&str, &str)> = HashMap::new();
    let lists = p
        .phases
        .iter()
        .enumerate()
        .map(|(pi, ph)| (Some(pi), ph.steps.as_slice()))
        .chain(std::iter::once((None, p.rollback.steps.as_slice())));
    for (list, steps) in lists {
        for (ci, step) in steps.iter().enumerate() {
            let Some(choice) = &step.choice else { continue };
            for option in &choice.options {
                let listed: Vec<&str> = option.steps.iter().map(String::as_str).collect();
                for target in &option.steps {
                    // Where the target is written, looked up only for a
                    // diagnostic: the lookup scans back to its table's
                    // header, and done for every option of a 50 MB import
                    // it took 60 % of the run.
                    let span = || {
                        find_value(source, &option.span, "steps", target)
                            .unwrap_or(option.span.clone())
                    };
                    let Some(&(at_list, at)) = home.get(target.as_str()) else {
                        out.push(unknown_ref("step", target, span(), &all_ids, &listed));
                        continue;
                    };
                    let target_step = step_at(p, at_list, at);
                    if at_list != list {
                        out.push(
                            Diagnostic::error(
                                "choice-step-elsewhere",
                                format!(
                                    "step `{target}` of option `{}` is not in the same {} as the choice `{}`",
                                    option.id,
                                    if list.is_some() { "phase" } else { "full rollback" },
                                    step.id
                                ),
                                Some(span()),
                            )
                            .with_hint(format!(
                                "an option runs steps that follow its choice in the same list; move `{target}` after step `{}`",
                                step.id
                            )),
                        );
                    } else if at <= ci {
                        out.push(
                            Diagnostic::error(
                                "choice-step-before",
                                format!(
                                    "step `{target}` of option `{}` does not come after the choice `{}`",
                                    option.id, step.id
                                ),
                                Some(span()),
                            )
                            .with_hint(format!(
                                "write the steps of the options after step `{}`, in the order they run",
                                step.id
                            )),
                        );
                    } else if target_step.is_some_and(|t| t.choice.is_some()) {
                        out.push(
                            Diagnostic::error(
                                "choice-nested",
                                format!(
                                    "step `{target}` of option `{}` is itself a choice",
                                    option.id
                                ),
                                Some(span()),
                            )
                            .with_hint("choices inside choices are not supported yet: make the inner choice an ordinary step after the branch, or merge both questions into one choice"),
                        );
                    } else if let Some((other_choice, other_option)) = claimed.get(target.as_str())
                    {
                        out.push(
                            Diagnostic::error(
                                "choice-step-twice",
                                format!(
                                    "step `{target}` belongs to option `{other_option}` of `{other_choice}` and to option `{}` of `{}`",
                                    option.id, step.id
                                ),
                                Some(span()),
                            )
                            .with_hint("a step runs in one branch only; copy it under another id for the other branch"),
                        );
                    } else {
                        claimed.insert(target.as_str(), (step.id.as_str(), option.id.as_str()));
                    }
                }
            }
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in &p.snippets {
        if s.id.is_empty() {
            continue;
        }
        match seen.get(s.id.as_str()) {
            Some(first) => out.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("snippet id `{}` is used twice", s.id),
                    Some(s.span.clone()),
                )
                .with_hint(format!(
                    "the first `{}` is on line {}; give each snippet its own id",
                    s.id,
                    source.position(*first).line
                )),
            ),
            None => {
                seen.insert(s.id.as_str(), s.span.start);
            }
        }
    }
}

fn step_at(p: &Procedure, list: Option<usize>, at: usize) -> Option<&Step> {
    match list {
        Some(pi) => p.phases.get(pi)?.steps.get(at),
        None => p.rollback.steps.get(at),
    }
}
