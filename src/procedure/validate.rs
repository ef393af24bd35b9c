//! Checks across the whole procedure, after its fields are read: unique
//! ids, references that resolve, variables that are declared, a decision
//! tree without cycles.

use super::decode::did_you_mean;
use super::model::{Procedure, StepRollback};
use super::variables;
use crate::diagnostic::{Diagnostic, SourceText, Span};
use std::collections::{HashMap, HashSet};

pub fn validate(p: &Procedure, source: &SourceText) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if p.steps().next().is_none() && !p.phases.is_empty() {
        out.push(
            Diagnostic::error("no-steps", "the procedure has no steps", None)
                .with_hint("add `[[phases.steps]]` blocks under a phase"),
        );
    }
    unique(
        &mut out,
        source,
        "step",
        p.all_steps()
            .filter(|s| !s.id.is_empty())
            .map(|s| (s.id.as_str(), s.span.clone())),
    );
    unique(
        &mut out,
        source,
        "phase",
        p.phases
            .iter()
            .filter(|x| !x.id.is_empty())
            .map(|x| (x.id.as_str(), x.span.clone())),
    );
    unique(
        &mut out,
        source,
        "variable",
        p.variables
            .iter()
            .filter(|v| !v.name.is_empty())
            .map(|v| (v.name.as_str(), v.span.clone())),
    );
    unique(
        &mut out,
        source,
        "decision node",
        p.decision_tree
            .iter()
            .filter(|d| !d.id.is_empty())
            .map(|d| (d.id.as_str(), d.span.clone())),
    );
    references(p, source, &mut out);
    decision_cycles(p, &mut out);
    undeclared_variables(p, source, &mut out);
    out
}

fn unique<'a>(
    out: &mut Vec<Diagnostic>,
    source: &SourceText,
    what: &str,
    items: impl Iterator<Item = (&'a str, Span)>,
) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for (id, span) in items {
        if let Some(first) = seen.get(id) {
            let line = source.position(first.start).line;
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("{what} id `{id}` is used twice"),
                    Some(span),
                )
                .with_hint(format!(
                    "the first `{id}` is on line {line}; give each {what} its own id"
                )),
            );
        } else {
            seen.insert(id, span);
        }
    }
}

fn unknown_ref(what: &str, name: &str, span: Span, known: &[&str]) -> Diagnostic {
    let mut known = known.to_vec();
    known.sort_unstable();
    known.dedup();
    let known = &known[..];
    let d = Diagnostic::error(
        "unknown-reference",
        format!("{what} `{name}` does not exist"),
        Some(span),
    );
    match did_you_mean(name, known) {
        Some(best) => d.with_hint(format!("did you mean `{best}`?")),
        None if known.is_empty() => d.with_hint(format!("there is no {what} to refer to yet")),
        None => d.with_hint(format!("known: {}", known.join(", "))),
    }
}

/// Finds `needle` inside the source text of `span`, for a precise column.
pub fn locate(source: &SourceText, span: &Span, needle: &str) -> Span {
    let text = source.text();
    let end = span.end.min(text.len());
    let start = span.start.min(end);
    match text.get(start..end).and_then(|s| s.find(needle)) {
        Some(i) => start + i..start + i + needle.len(),
        None => span.clone(),
    }
}

fn references(p: &Procedure, source: &SourceText, out: &mut Vec<Diagnostic>) {
    let node_ids: Vec<&str> = p.decision_tree.iter().map(|d| d.id.as_str()).collect();
    let step_ids: Vec<&str> = p.all_steps().map(|s| s.id.as_str()).collect();
    let rollback_ids: Vec<&str> = p.rollback.steps.iter().map(|s| s.id.as_str()).collect();
    for node in &p.decision_tree {
        for (key, target) in [("yes", &node.yes), ("no", &node.no)] {
            if let Some(t) = target
                && !node_ids.contains(&t.as_str()) {
                    let span = find_value(source, &node.span, key, t).unwrap_or(node.span.clone());
                    out.push(unknown_ref("decision node", t, span, &node_ids));
                }
        }
        if let Some(step) = &node.step
            && !step_ids.contains(&step.as_str()) {
                let span =
                    find_value(source, &node.span, "step", step).unwrap_or(node.span.clone());
                out.push(unknown_ref("step", step, span, &step_ids));
            }
    }
    for step in p.all_steps() {
        if let StepRollback::Some(undo) = &step.rollback {
            for r in &undo.steps {
                if !rollback_ids.contains(&r.as_str()) {
                    let span =
                        find_value(source, &step.span, "steps", r).unwrap_or(step.span.clone());
                    out.push(unknown_ref("rollback step", r, span, &rollback_ids));
                }
            }
        }
    }
}

/// The span of `"value"` after the step/node anchor: references are written
/// after the id in the same table, so the first quoted occurrence is it.
fn find_value(source: &SourceText, anchor: &Span, _key: &str, value: &str) -> Option<Span> {
    let text = source.text();
    let from = anchor.end.min(text.len());
    let quoted = format!("\"{value}\"");
    text[from..]
        .find(&quoted)
        .map(|i| from + i + 1..from + i + 1 + value.len())
}

fn decision_cycles(p: &Procedure, out: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&str, usize> = p
        .decision_tree
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    // Depth-first from each node; colors: 0 new, 1 on stack, 2 done.
    let mut color = vec![0u8; p.decision_tree.len()];
    fn visit(
        i: usize,
        p: &Procedure,
        by_id: &HashMap<&str, usize>,
        color: &mut [u8],
        out: &mut Vec<Diagnostic>,
    ) {
        color[i] = 1;
        let node = &p.decision_tree[i];
        for next in [&node.yes, &node.no].into_iter().flatten() {
            if let Some(&j) = by_id.get(next.as_str()) {
                if color[j] == 1 {
                    out.push(
                        Diagnostic::error(
                            "decision-cycle",
                            format!(
                                "the decision tree loops: `{}` leads back to `{}`",
                                node.id, next
                            ),
                            Some(node.span.clone()),
                        )
                        .with_hint("every path must end in an action node"),
                    );
                } else if color[j] == 0 {
                    visit(j, p, by_id, color, out);
                }
            }
        }
        color[i] = 2;
    }
    for i in 0..p.decision_tree.len() {
        if color[i] == 0 {
            visit(i, p, &by_id, &mut color, out);
        }
    }
    // Nodes nothing points to (other than the root) are never reached.
    let targets: HashSet<&str> = p
        .decision_tree
        .iter()
        .flat_map(|d| [d.yes.as_deref(), d.no.as_deref()])
        .flatten()
        .collect();
    for node in p.decision_tree.iter().skip(1) {
        if !node.id.is_empty() && !targets.contains(node.id.as_str()) {
            out.push(
                Diagnostic::warning(
                    "unreachable-decision",
                    format!("decision node `{}` is never reached", node.id),
                    Some(node.span.clone()),
                )
                .with_hint("point a `yes` or `no` at it, or remove it; the first node is the root"),
            );
        }
    }
}

fn undeclared_variables(p: &Procedure, source: &SourceText, out: &mut Vec<Diagnostic>) {
    let commands = p.commands();
    let mut declared: HashSet<String> = p.variables.iter().map(|v| v.name.clone()).collect();
    for c in &commands {
        declared.extend(variables::assigned_names(&c.run));
    }
    let mut reported: HashSet<String> = HashSet::new();
    for c in &commands {
        for r in variables::references(&c.run) {
            if r.optional || declared.contains(&r.name) || variables::is_well_known(&r.name) {
                continue;
            }
            let needle = format!("${{{}", r.name);
            let span = locate(source, &c.span, &needle);
            let first = reported.insert(r.name.clone());
            let mut d = Diagnostic::error(
                "undeclared-variable",
                format!("variable `{}` is used but not declared", r.name),
                Some(span),
            );
            let known: Vec<&str> = declared.iter().map(String::as_str).collect();
            d = match did_you_mean(&r.name, &known) {
                Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                None if first => d.with_hint(format!(
                    "declare it: `[[variables]]` with `name = \"{}\"` (add `secret = true` for credentials), or assign it in an earlier step",
                    r.name
                )),
                None => d.with_hint("declare it in `[[variables]]`"),
            };
            out.push(d);
        }
    }
}
