//! `[[phases]]`, their `[[phases.steps]]`, and the full `[rollback]`.

use super::reader::{Sink, Table};
use crate::diagnostic::Diagnostic;
use crate::procedure::keyword::{Keyword, PhaseKind};
use crate::procedure::model::{Phase, RollbackPlan, Step, StepRollback, StepUndo, Validation};
use toml::de::DeValue;

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
    for (n, (mut t, span)) in top.tables(sink, "phases").into_iter().enumerate() {
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
                        sink.push(
                            Diagnostic::error(
                                "bad-value",
                                format!("`{}` is not a phase kind (in {})", r.value, t.label),
                                Some(r.span.clone()),
                            )
                            .with_hint("accepted: preflight, execution, validation, post"),
                        );
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
        let steps = steps_of(&mut t, sink, "steps");
        if steps.is_empty() && !t.has("steps") {
            sink.push(
                Diagnostic::error("missing-key", format!("{} has no steps", t.label), t.at())
                    .with_hint("add its steps as `[[phases.steps]]` blocks after the phase"),
            );
        }
        let kind = kind.unwrap_or(PhaseKind::Execution);
        t.finish(sink);
        out.push(Phase {
            id: id.map(|i| i.value).unwrap_or_default(),
            title: title.unwrap_or_else(|| kind.to_string()),
            kind,
            budget,
            steps,
            span,
        });
    }
    out
}

pub fn rollback_plan(t: &mut Table<'_, '_>, sink: &mut Sink) -> RollbackPlan {
    RollbackPlan {
        when: t.texts(sink, "when"),
        estimate: t.estimate(sink, "estimate").map(|(e, _)| e),
        span: t.at(),
        steps: steps_of(t, sink, "steps"),
    }
}

fn steps_of(t: &mut Table<'_, '_>, sink: &mut Sink, key: &'static str) -> Vec<Step> {
    let owner = t.label.clone();
    t.tables(sink, key)
        .into_iter()
        .enumerate()
        .map(|(n, (mut st, _))| {
            st.relabel(format!("step #{} of {owner}", n + 1));
            let s = step(&mut st, sink);
            st.finish(sink);
            s
        })
        .collect()
}

fn step(t: &mut Table<'_, '_>, sink: &mut Sink) -> Step {
    let mut s = Step {
        span: t.anchor(),
        ..Step::default()
    };
    if let Some(id) = t.required_string(sink, "id", "\"1\"") {
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
    s.commands = t.commands(sink, "commands");
    s.expected = t.text(sink, "expected");
    s.validation = validation(t, sink);
    s.on_failure = t.texts(sink, "on_failure");
    s.rollback = step_rollback(t, sink);
    s.confirm = t.bool(sink, "confirm").unwrap_or(false);
    s.manual = t.bool(sink, "manual").unwrap_or(false);
    s.notes = t.texts(sink, "notes");
    s.allow = t.texts(sink, "allow");
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
            let command = vt.command(sink, "command");
            let exit_code = vt.integer(sink, "exit_code").and_then(|n| {
                i32::try_from(n)
                    .ok()
                    .filter(|n| (0..=255).contains(n))
                    .or_else(|| {
                        sink.push(
                            Diagnostic::error(
                                "bad-value",
                                format!("exit code {n} in {} is not between 0 and 255", vt.label),
                                Some(v.span()),
                            )
                            .with_hint("exit codes are 0 (success) to 255"),
                        );
                        None
                    })
            });
            let output = vt.string(sink, "output");
            if let Some(o) = &output
                && let Err(e) = regex::Regex::new(&o.value) {
                    let detail = e.to_string();
                    let last = detail
                        .lines()
                        .last()
                        .unwrap_or("invalid")
                        .trim()
                        .to_string();
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
