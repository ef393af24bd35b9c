//! `[[phases]]`, their `[[phases.steps]]`, and the full `[rollback]`.

use super::reader::{PHASE_KEYS, STEP_KEYS, Sink, Table, bad_keyword};
use crate::diagnostic::Diagnostic;
use crate::procedure::keyword::{Keyword, PhaseKind};
use crate::procedure::model::{Phase, RollbackPlan, Step, StepRollback, StepUndo, Validation};
use toml::de::{DeTable, DeValue};

/// The `id` of every step written in the file (phases and full rollback),
/// read before decoding so a missing id can be given a free one.
pub fn all_step_ids(root: &DeTable<'_>) -> std::collections::HashSet<String> {
    fn tables<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Vec<&'a DeTable<'i>> {
        let Some((_, v)) = t.iter().find(|(k, _)| k.get_ref().as_ref() == key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Table(t) => vec![t],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    DeValue::Table(t) => Some(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    let phases = tables(root, "phases");
    let rollback = tables(root, "rollback");
    phases
        .iter()
        .chain(rollback.iter())
        .flat_map(|owner| tables(owner, "steps"))
        .filter_map(|step| {
            step.iter()
                .find(|(k, _)| k.get_ref().as_ref() == "id")
                .and_then(|(_, v)| match v.get_ref() {
                    DeValue::String(s) => Some(s.trim().to_string()),
                    _ => None,
                })
        })
        .collect()
}

pub fn phases(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<Phase> {
    if !top.has("phases") {
        top.value("phases");
        sink.push(
            Diagnostic::error("missing-key", "the file has no `[[phases]]`", None).with_hint(
                "add at least one `[[phases]]` with `id`, `kind` and its `[[phases.steps]]`",
            ),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    let tables = top.tables(sink, "phases");
    if tables.is_empty() {
        if let Some(v) = top.value("phases")
            && matches!(v.get_ref(), DeValue::Array(a) if a.is_empty())
        {
            sink.push(
                Diagnostic::error("missing-key", "`phases` is empty", Some(v.span())).with_hint(
                    "add at least one `[[phases]]` with `id`, `kind` and its `[[phases.steps]]`",
                ),
            );
        }
        return out;
    }
    for (n, (mut t, span)) in tables.into_iter().enumerate() {
        t.relabel(format!("phase #{}", n + 1));
        let id = t.required_string(sink, "id", "\"ejecucion\"");
        if let Some(id) = &id {
            t.relabel(format!("phase `{}`", id.value));
        }
        let kind = if t.has("kind") {
            let raw = t.string(sink, "kind");
            match &raw {
                Some(r) if crate::procedure::keyword::fold(&r.value) == "rollback" => {
                    sink.push(
                        Diagnostic::error(
                            "bad-value",
                            format!("{} cannot be of kind `rollback`", t.label),
                            Some(r.span.clone()),
                        )
                        .with_hint("the full rollback lives in `[rollback]` with `[[rollback.steps]]`, so it is in one place"),
                    );
                    None
                }
                Some(r) => match PhaseKind::parse(&r.value) {
                    Some(k) => Some(k),
                    None => {
                        sink.push(bad_keyword::<PhaseKind>(r, &t.label));
                        None
                    }
                },
                None => None,
            }
        } else {
            t.value("kind");
            t.missing(sink, "kind", "\"execution\"");
            None
        };
        let title = t.text(sink, "title");
        let budget = t.estimate(sink, "budget").map(|(e, _)| e);
        let steps = steps_of(&mut t, sink, "steps", false);
        // A misspelt `steps` is reported once, as an unknown key.
        let written = t.value("steps");
        let none_written =
            written.is_none_or(|v| matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()));
        if steps.is_empty() && none_written && !t.misspelt("steps") {
            let at = written.map(|v| v.span()).or(t.at());
            sink.push(
                Diagnostic::error("missing-key", format!("{} has no steps", t.label), at)
                    .with_hint("add its steps as `[[phases.steps]]` blocks after the phase"),
            );
        }
        let kind = kind.unwrap_or(PhaseKind::Execution);
        t.finish(sink);
        out.push(Phase {
            // Like a step's, a phase's span is its id's (its header without one).
            span: id.as_ref().map_or(span, |i| i.span.clone()),
            id: id.map(|i| i.value).unwrap_or_default(),
            title: title.unwrap_or_else(|| kind.to_string()),
            kind,
            budget,
            steps,
        });
    }
    out
}

pub fn rollback_plan(t: &mut Table<'_, '_>, sink: &mut Sink) -> RollbackPlan {
    RollbackPlan {
        when: t.texts(sink, "when"),
        estimate: t.estimate(sink, "estimate").map(|(e, _)| e),
        span: t.at(),
        steps: steps_of(t, sink, "steps", true),
    }
}

/// The steps of a phase, or of the full rollback when `in_rollback`.
fn steps_of(
    t: &mut Table<'_, '_>,
    sink: &mut Sink,
    key: &'static str,
    in_rollback: bool,
) -> Vec<Step> {
    let owner = t.label.clone();
    t.tables(sink, key)
        .into_iter()
        .enumerate()
        .map(|(n, (mut st, _))| {
            st.relabel(format!("step #{} of {owner}", n + 1));
            if in_rollback {
                st.inside(sink, "the step", "the full rollback", ROLLBACK_PLAN_KEYS);
            } else {
                st.inside(sink, "the step", "the phase", PHASE_KEYS);
            }
            sink.steps_read += 1;
            // Only a step without an id needs a suggestion for one.
            let free = if st.has("id") {
                String::new()
            } else if in_rollback {
                free_id(sink, "R", n + 1)
            } else {
                free_id(sink, "", sink.steps_read)
            };
            let s = step(&mut st, sink, &free);
            st.finish(sink);
            s
        })
        .collect()
}

/// Keys of `[rollback]`.
const ROLLBACK_PLAN_KEYS: &[&str] = &["when", "estimate", "steps"];

/// `{prefix}{n}`, or the next number no step of the file uses.
fn free_id(sink: &Sink, prefix: &str, from: usize) -> String {
    (from..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !sink.step_ids.contains(id))
        .unwrap_or_default()
}

fn step(t: &mut Table<'_, '_>, sink: &mut Sink, free_id: &str) -> Step {
    let mut s = Step {
        span: t.anchor(),
        ..Step::default()
    };
    if let Some(id) = t.required_string(sink, "id", &format!("\"{free_id}\"")) {
        t.relabel(format!("step `{}`", id.value));
        s.span = id.span;
        s.id = id.value.trim().to_string();
    }
    s.title = t
        .required_string(sink, "title", "\"Crear backup de la base de datos\"")
        .map(|t| t.value)
        .unwrap_or_default();
    s.estimate = t.estimate(sink, "estimate").map(|(e, _)| e);
    s.criticality = t.keyword(sink, "criticality");
    s.instructions = t.text(sink, "instructions");
    s.warning = t.text(sink, "warning");
    s.commands = t.commands(sink, "commands");
    s.expected = t.text(sink, "expected");
    s.validation = validation(t, sink);
    s.on_failure = t.texts(sink, "on_failure");
    s.rollback = step_rollback(t, sink);
    s.confirm = t.bool(sink, "confirm").unwrap_or(false);
    s.manual = t.bool(sink, "manual").unwrap_or(false);
    s.notes = t.texts(sink, "notes");
    s.allow = t.texts(sink, "allow");
    s.choice = super::choice::choice(t, sink);
    s.condition = super::choice::condition(t, sink);
    if let Some(choice) = &s.choice {
        choice_step_rules(&s, choice, &t.label, sink);
    }
    if s.manual && !s.commands.is_empty() {
        sink.push(
            Diagnostic::error(
                "manual-with-commands",
                format!("{} is `manual` but has commands", t.label),
                Some(s.commands[0].span.clone()),
            )
            .with_hint(
                "remove `manual = true` so pasos runs them, or move the text into `instructions`",
            ),
        );
    }
    s
}

/// A choice step only asks: it runs nothing itself.
fn choice_step_rules(
    s: &Step,
    choice: &crate::procedure::model::Choice,
    label: &str,
    sink: &mut Sink,
) {
    if let Some(c) = s.commands.first() {
        sink.push(
            Diagnostic::error(
                "choice-with-commands",
                format!("{label} is a choice but has commands"),
                Some(c.span.clone()),
            )
            .with_hint("a choice step only asks; put the commands in the steps of its options"),
        );
    }
    if let Some(v) = &s.validation {
        sink.push(
            Diagnostic::error(
                "choice-with-validation",
                format!("{label} is a choice but has a validation"),
                Some(v.span.clone()),
            )
            .with_hint("validate in the steps of its options"),
        );
    }
    if s.condition.is_some() {
        sink.push(
            Diagnostic::error(
                "choice-with-condition",
                format!("{label} is a choice and also has a condition"),
                Some(choice.span.clone()),
            )
            .with_hint("drop `condition` and add an option with no steps for \"none of these\": `{ id = \"ninguna\", title = \"No hace falta\", steps = [] }`"),
        );
    }
}

fn validation(t: &mut Table<'_, '_>, sink: &mut Sink) -> Option<Validation> {
    let v = t.value("validation")?;
    match v.get_ref() {
        DeValue::String(_) => t.command(sink, "validation").map(|c| Validation {
            span: c.span.clone(),
            command: Some(c),
            exit_code: Some(0),
            output: None,
        }),
        DeValue::Table(inner) => {
            let mut vt = Table::new(
                inner,
                Some(v.span()),
                format!("the validation of {}", t.label),
            );
            vt.inside(sink, "the validation", "the step", STEP_KEYS);
            let command = vt.command(sink, "command");
            let exit_span = vt.value("exit_code").map(|e| e.span());
            let exit_code = vt.integer(sink, "exit_code").and_then(|n| {
                i32::try_from(n)
                    .ok()
                    .filter(|n| (0..=255).contains(n))
                    .or_else(|| {
                        sink.push(
                            Diagnostic::error(
                                "bad-value",
                                format!("exit code {n} in {} is not between 0 and 255", vt.label),
                                exit_span.clone(),
                            )
                            .with_hint("exit codes are 0 (success) to 255"),
                        );
                        None
                    })
            });
            let output = vt.string(sink, "output");
            // The syntax only: compiling every step's pattern here (a
            // DFA each) was the larger part of loading a long procedure,
            // in front of the run's first frame; the validation compiles
            // it when output is checked.
            if let Some(o) = &output
                && let Err(e) = regex_syntax::Parser::new().parse(&o.value)
            {
                let detail = e.to_string();
                let last = detail.lines().last().unwrap_or("invalid").trim();
                let last = last.strip_prefix("error:").unwrap_or(last).trim();
                sink.push(
                        Diagnostic::error(
                            "bad-regex",
                            format!("`output` in {} is not a valid regular expression: {last}", vt.label),
                            Some(o.span.clone()),
                        )
                        .with_hint("escape special characters with `\\\\`, e.g. `\"v1\\\\.2\"` for the text v1.2"),
                    );
            }
            if command.is_none()
                && exit_code.is_none()
                && output.is_none()
                && !vt.has("command")
                && !vt.has("exit_code")
                && !vt.has("output")
            {
                sink.push(
                    Diagnostic::error(
                        "empty-value",
                        format!("{} checks nothing", vt.label),
                        Some(v.span()),
                    )
                    .with_hint("give it a `command`, an `exit_code` or an `output` pattern"),
                );
            }
            vt.finish(sink);
            Some(Validation {
                command,
                exit_code: exit_code.or(Some(0)),
                output: output.map(|o| o.value),
                span: v.span(),
            })
        }
        _ => {
            t.wrong_type(sink, "validation", v, "a string (a command) or a table");
            None
        }
    }
}

fn step_rollback(t: &mut Table<'_, '_>, sink: &mut Sink) -> StepRollback {
    let Some(v) = t.value("rollback") else {
        return StepRollback::Missing;
    };
    match v.get_ref() {
        DeValue::String(s) if crate::procedure::keyword::fold(s) == "none" => StepRollback::None,
        DeValue::String(_) => {
            sink.push(
                Diagnostic::error(
                    "bad-value",
                    format!("`rollback` in {} must be \"none\" or a table", t.label),
                    Some(v.span()),
                )
                .with_hint(
                    "write `rollback = \"none\"`, or `[phases.steps.rollback]` with `commands`",
                ),
            );
            StepRollback::Missing
        }
        DeValue::Table(inner) => {
            let mut rt = Table::new(
                inner,
                Some(v.span()),
                format!("the rollback of {}", t.label),
            );
            rt.inside(sink, "the rollback", "the step", STEP_KEYS);
            let undo = StepUndo {
                instructions: rt.text(sink, "instructions"),
                commands: rt.commands(sink, "commands"),
                estimate: rt.estimate(sink, "estimate").map(|(e, _)| e),
                steps: rt.texts(sink, "steps"),
            };
            if undo.commands.is_empty() && undo.steps.is_empty() && undo.instructions.is_none() {
                sink.push(
                    Diagnostic::error("empty-value", format!("{} is empty", rt.label), Some(v.span()))
                        .with_hint("give it `commands`, `instructions`, or the full-rollback `steps` that undo it; or write `rollback = \"none\"`"),
                );
            }
            rt.finish(sink);
            StepRollback::Some(undo)
        }
        _ => {
            t.wrong_type(sink, "rollback", v, "\"none\" or a table");
            StepRollback::Missing
        }
    }
}
