//! A step's `choice` with its `options`, and its `condition`: the rules a
//! single step can check on its own. The rules across steps (the options'
//! steps exist, follow the choice, belong to one option) are in
//! `procedure::validate`.

use super::reader::{Sink, Table};
use crate::diagnostic::Diagnostic;
use crate::procedure::model::{Choice, ChoiceOption};
use toml::de::DeValue;

/// `choice = "¿...?"` and `options = [...]`, when the step has them.
pub fn choice(t: &mut Table<'_, '_>, sink: &mut Sink) -> Option<Choice> {
    let options_value = t.value("options");
    if !t.has("choice") {
        t.consume("choice");
        if let Some(v) = options_value {
            sink.push(
                Diagnostic::error(
                    "options-without-choice",
                    format!("{} has `options` but no `choice`", t.label),
                    Some(v.span()),
                )
                .with_hint("add the question: `choice = \"¿Cómo se revierte la aplicación?\"`"),
            );
        }
        return None;
    }
    let question = t.required_string(sink, "choice", "\"¿Cómo se revierte la aplicación?\"")?;
    let mut choice = Choice {
        question: question.value.trim().to_string(),
        options: Vec::new(),
        span: question.span.clone(),
    };
    let Some(v) = options_value else {
        sink.push(
            Diagnostic::error(
                "choice-without-options",
                format!("{} asks a choice but has no `options`", t.label),
                Some(question.span),
            )
            .with_hint("add `options = [{ id = \"a\", title = \"...\", steps = [\"4a\"] }, { id = \"b\", title = \"...\", steps = [\"4b\"] }]`"),
        );
        return Some(choice);
    };
    let DeValue::Array(items) = v.get_ref() else {
        t.wrong_type(sink, "options", v, "an array of tables");
        return Some(choice);
    };
    for item in items.iter() {
        let DeValue::Table(inner) = item.get_ref() else {
            t.wrong_type(
                sink,
                "options",
                item,
                "a table with `id`, `title` and `steps` (every item of the array)",
            );
            continue;
        };
        let mut ot = Table::new(
            inner,
            Some(item.span()),
            format!("option #{} of {}", choice.options.len() + 1, t.label),
        );
        let id = ot.required_string(sink, "id", "\"helm\"");
        if let Some(id) = &id {
            ot.relabel(format!("option `{}` of {}", id.value.trim(), t.label));
        }
        let title = ot.required_string(sink, "title", "\"Helm rollback\"");
        if !ot.has("steps") {
            ot.consume("steps");
            ot.missing(sink, "steps", "[\"4a\", \"4b\"]");
        }
        let steps: Vec<String> = ot
            .strings(sink, "steps")
            .into_iter()
            .map(|s| s.value.trim().to_string())
            .collect();
        ot.finish(sink);
        let option = ChoiceOption {
            span: id.as_ref().map_or(item.span(), |i| i.span.clone()),
            id: id.map(|i| i.value.trim().to_string()).unwrap_or_default(),
            title: title.map(|t| t.value).unwrap_or_default(),
            steps,
        };
        if let Some(first) = choice
            .options
            .iter()
            .find(|o| !o.id.is_empty() && o.id == option.id)
        {
            let line = sink.line_of(first.span.start);
            sink.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("option id `{}` is used twice in {}", option.id, t.label),
                    Some(option.span.clone()),
                )
                .with_hint(format!(
                    "the first `{}` is on line {line}; give each option its own id",
                    option.id
                )),
            );
        }
        choice.options.push(option);
    }
    if choice.options.len() < 2 {
        sink.push(
            Diagnostic::error(
                "choice-too-few-options",
                format!(
                    "the choice of {} has {} option{}; a choice needs at least two",
                    t.label,
                    choice.options.len(),
                    if choice.options.len() == 1 { "" } else { "s" }
                ),
                Some(v.span()),
            )
            .with_hint("add another option, or drop `choice` and `options` and make it an ordinary step (a `condition` asks yes or no)"),
        );
    }
    Some(choice)
}

/// `condition = "¿...?"`: a non-empty question.
pub fn condition(t: &mut Table<'_, '_>, sink: &mut Sink) -> Option<String> {
    if !t.has("condition") {
        t.consume("condition");
        return None;
    }
    let c = t.required_string(sink, "condition", "\"¿La base ya tiene tablas?\"")?;
    let q = c.value.trim().to_string();
    (!q.is_empty()).then_some(q)
}
