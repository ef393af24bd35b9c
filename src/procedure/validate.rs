//! Checks across the whole procedure, after its fields are read: unique
//! ids, references that resolve, variables that are declared, a decision
//! tree without cycles.

use super::decode::{did_you_mean, literal};
use super::model::{Procedure, StepRollback};
use super::variables;
use crate::diagnostic::{Diagnostic, SourceText, Span};
use std::collections::{HashMap, HashSet};

pub fn validate(p: &Procedure, source: &SourceText) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A phase without steps is reported by the loader, phase by phase.
    unique(
        &mut out,
        source,
        STEP_IDS,
        p.all_steps()
            .filter(|s| !s.id.is_empty())
            .map(|s| (s.id.as_str(), s.span.clone())),
    );
    unique(
        &mut out,
        source,
        PHASE_IDS,
        p.phases
            .iter()
            .filter(|x| !x.id.is_empty())
            .map(|x| (x.id.as_str(), x.span.clone())),
    );
    unique(
        &mut out,
        source,
        VARIABLE_NAMES,
        p.variables
            .iter()
            .filter(|v| !v.name.is_empty())
            .map(|v| (v.name.as_str(), v.span.clone())),
    );
    unique(
        &mut out,
        source,
        NODE_IDS,
        p.decision_tree
            .iter()
            .filter(|d| !d.id.is_empty())
            .map(|d| (d.id.as_str(), d.span.clone())),
    );
    references(p, source, &mut out);
    super::branch::validate(p, source, &mut out);
    decision_cycles(p, &mut out);
    undeclared_variables(p, source, &mut out);
    out
}

/// How [`unique`] words its error for one kind of name.
struct Ids {
    /// "step id `X` is used twice".
    twice: fn(&str) -> String,
    /// "give each step its own id".
    fix: &'static str,
}

const STEP_IDS: Ids = Ids {
    twice: |id| format!("step id `{id}` is used twice"),
    fix: "give each step its own id",
};
const PHASE_IDS: Ids = Ids {
    twice: |id| format!("phase id `{id}` is used twice"),
    fix: "give each phase its own id",
};
const VARIABLE_NAMES: Ids = Ids {
    twice: |name| format!("variable `{name}` is declared twice"),
    fix: "give each variable its own name",
};
const NODE_IDS: Ids = Ids {
    twice: |id| format!("decision node id `{id}` is used twice"),
    fix: "give each decision node its own id",
};

fn unique<'a>(
    out: &mut Vec<Diagnostic>,
    source: &SourceText,
    ids: Ids,
    items: impl Iterator<Item = (&'a str, Span)>,
) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for (id, span) in items {
        if let Some(first) = seen.get(id) {
            let line = source.position(first.start).line;
            out.push(
                Diagnostic::error("duplicate-id", (ids.twice)(id), Some(span))
                    .with_hint(format!("the first `{id}` is on line {line}; {}", ids.fix)),
            );
        } else {
            seen.insert(id, span);
        }
    }
}

/// `name` names nothing. `known` are the names it could be; `taken` are
/// names already used next to it (the rest of its list), not worth a
/// did-you-mean. Very short names are too easy to mistake for one another:
/// they get the list.
pub(super) fn unknown_ref(
    what: &str,
    name: &str,
    span: Span,
    known: &[&str],
    taken: &[&str],
) -> Diagnostic {
    let mut known: Vec<&str> = known.iter().copied().filter(|k| !k.is_empty()).collect();
    known.sort_unstable();
    known.dedup();
    let candidates: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| !taken.contains(k))
        .collect();
    let d = Diagnostic::error(
        "unknown-reference",
        format!("{what} `{name}` does not exist"),
        Some(span),
    );
    let guess = if name.chars().count() <= 2 {
        None
    } else {
        did_you_mean(name, &candidates)
    };
    match guess {
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
    // Sets for the lookups: a decision tree of 100,000 nodes is checked
    // in linear time; the lists for suggestions are built only on error.
    let node_ids: Vec<&str> = p.decision_tree.iter().map(|d| d.id.as_str()).collect();
    let node_set: HashSet<&str> = node_ids.iter().copied().collect();
    let step_ids: Vec<&str> = p.all_steps().map(|s| s.id.as_str()).collect();
    let step_set: HashSet<&str> = step_ids.iter().copied().collect();
    let rollback_ids: Vec<&str> = p.rollback.steps.iter().map(|s| s.id.as_str()).collect();
    for node in &p.decision_tree {
        for (key, target) in [("yes", &node.yes), ("no", &node.no)] {
            if let Some(t) = target
                && !node_set.contains(t.as_str())
            {
                // A node pointing at itself would loop: it is not an option.
                let others: Vec<&str> = node_ids
                    .iter()
                    .copied()
                    .filter(|id| *id != node.id)
                    .collect();
                let span = find_value(source, &node.span, key, t).unwrap_or(node.span.clone());
                out.push(unknown_ref("decision node", t, span, &others, &[]));
            }
        }
        if let Some(step) = &node.step
            && !step_set.contains(step.as_str())
        {
            let span = find_value(source, &node.span, "step", step).unwrap_or(node.span.clone());
            out.push(unknown_ref("step", step, span, &step_ids, &[]));
        }
    }
    for step in p.all_steps() {
        if let StepRollback::Some(undo) = &step.rollback {
            let listed: Vec<&str> = undo.steps.iter().map(String::as_str).collect();
            for r in &undo.steps {
                if !rollback_ids.contains(&r.as_str()) {
                    let span =
                        find_value(source, &step.span, "steps", r).unwrap_or(step.span.clone());
                    out.push(unknown_ref(
                        "rollback step",
                        r,
                        span,
                        &rollback_ids,
                        &listed,
                    ));
                }
            }
        }
    }
}

/// The span of `value` in `key = "value"` (or in `key = [..., "value"]`)
/// of the table whose id is at `anchor`: after the id up to the next
/// `[[...]]` block, or else between that table's header and the id.
pub(super) fn find_value(
    source: &SourceText,
    anchor: &Span,
    key: &str,
    value: &str,
) -> Option<Span> {
    let text = source.text();
    let at = anchor.start.min(text.len());
    let after = anchor.end.clamp(at, text.len());
    find_assignment(text, after..next_block(text, after), key, value)
        .or_else(|| find_assignment(text, block_start(text, at)..at, key, value))
}

/// Where the `[[...]]` block holding `offset` starts (or 0). Scans back
/// from `offset`, so a lookup costs the size of its block, not of the file.
fn block_start(text: &str, offset: usize) -> usize {
    let mut end = offset.min(text.len());
    loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if text[start..].trim_start().starts_with("[[") {
            return start;
        }
        if start == 0 {
            return 0;
        }
        end = start - 1;
    }
}

/// Where the next `[[...]]` block after `offset` starts (or the end).
fn next_block(text: &str, offset: usize) -> usize {
    let from = offset.min(text.len());
    text[from..]
        .match_indices('\n')
        .map(|(i, _)| from + i + 1)
        .find(|&s| text[s..].trim_start().starts_with("[["))
        .unwrap_or(text.len())
}

/// Where `key = "value"` (or `'value'`, or the value inside `key = [...]`)
/// is written in `range`: the key at a line start or after whitespace,
/// `{` or `,`. A plain search, not a regular expression: this runs once
/// per choice option, and compiling a pattern each time cost more than
/// the search.
fn find_assignment(text: &str, range: Span, key: &str, value: &str) -> Option<Span> {
    let hay = text.get(range.clone())?;
    if key.is_empty() {
        return None;
    }
    for (at, _) in hay.match_indices(key) {
        let starts = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '{' || c == ',');
        if !starts {
            continue;
        }
        let Some(rest) = hay[at + key.len()..].trim_start().strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value_at = hay.len() - rest.len();
        let end = if rest.starts_with('[') {
            rest.find(']').unwrap_or(rest.len())
        } else {
            rest.find('\n').unwrap_or(rest.len())
        };
        for quote in ['"', '\''] {
            if let Some(i) = rest[..end].find(&format!("{quote}{value}{quote}")) {
                let start = range.start + value_at + i + 1;
                return Some(start..start + value.len());
            }
        }
    }
    None
}

fn decision_cycles(p: &Procedure, out: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&str, usize> = p
        .decision_tree
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    // Depth-first from each node, with an explicit stack (a chain of
    // 100,000 nodes must not overflow the call stack); colors: 0 new,
    // 1 on the path, 2 done. Each node and edge is visited once.
    let mut color = vec![0u8; p.decision_tree.len()];
    let targets_of = |i: usize| {
        let node = &p.decision_tree[i];
        [&node.yes, &node.no]
            .into_iter()
            .flatten()
            .filter_map(|next| by_id.get(next.as_str()).map(|&j| (next, j)))
    };
    for root in 0..p.decision_tree.len() {
        if color[root] != 0 {
            continue;
        }
        // (node, index of the next edge to look at)
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        color[root] = 1;
        while let Some(&mut (i, ref mut edge)) = stack.last_mut() {
            let Some((next, j)) = targets_of(i).nth(*edge) else {
                color[i] = 2;
                stack.pop();
                continue;
            };
            *edge += 1;
            if color[j] == 1 {
                let node = &p.decision_tree[i];
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
                color[j] = 1;
                stack.push((j, 0));
            }
        }
    }
    // Nodes nothing points to (other than the root) are never reached. A
    // warning like the lint rules', switched off the same way.
    if p.meta.allow.iter().any(|a| a == "unreachable-decision") {
        return;
    }
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
    let undeclared = |declared: &HashSet<String>, r: &variables::Reference| {
        !(r.optional || declared.contains(&r.name) || variables::is_well_known(&r.name))
    };
    // What commands assign is read only when something is not declared
    // otherwise: most procedures declare every variable they use.
    let refs: Vec<Vec<variables::Reference>> = commands
        .iter()
        .map(|c| variables::references(&c.run))
        .collect();
    if !refs.iter().flatten().any(|r| undeclared(&declared, r)) {
        return;
    }
    for c in &commands {
        declared.extend(variables::assigned_names(&c.run));
    }
    let mut reported: HashSet<String> = HashSet::new();
    for (c, refs) in commands.iter().zip(refs) {
        for r in refs {
            if !undeclared(&declared, &r) {
                continue;
            }
            // `${NAME}` up to its closing brace, wherever the command has it.
            let end = c.run[r.offset..]
                .find('}')
                .map_or(c.run.len(), |i| r.offset + i + 1);
            let span = literal::locate_range(source, &c.span, &c.run, r.offset..end);
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

#[cfg(test)]
mod tests {
    use super::find_assignment;

    /// The regular expression `find_assignment` used before: the oracle.
    fn by_regex(text: &str, key: &str, value: &str) -> Option<std::ops::Range<usize>> {
        let re =
            regex::Regex::new(&format!(r"(?m)(?:^|[\s{{,]){}\s*=\s*", regex::escape(key))).unwrap();
        for m in re.find_iter(text) {
            let rest = &text[m.end()..];
            let end = if rest.starts_with('[') {
                rest.find(']').unwrap_or(rest.len())
            } else {
                rest.find('\n').unwrap_or(rest.len())
            };
            for quote in ['"', '\''] {
                if let Some(i) = rest[..end].find(&format!("{quote}{value}{quote}")) {
                    let start = m.end() + i + 1;
                    return Some(start..start + value.len());
                }
            }
        }
        None
    }

    #[test]
    fn finds_what_the_regular_expression_found() {
        let texts = [
            "id = \"a\"\nsteps = [\"2a\", \"2b\"]\n",
            "options = [\n  { id = \"a\", title = \"A\", steps = [\"2a\"] },\n  { id = 'b', steps = ['2b'] },\n]\n",
            "xid = \"a\"\nid=\"a\"\n",
            "steps =\n  [\"2a\"]\n",
            "title = \"steps = ['2a']\"\nsteps = [\"2a\"]\n",
            "",
            "id = \"a\"",
        ];
        for text in texts {
            for (key, value) in [("id", "a"), ("steps", "2a"), ("steps", "2b"), ("id", "b")] {
                let range = 0..text.len();
                assert_eq!(
                    find_assignment(text, range, key, value),
                    by_regex(text, key, value),
                    "{key}={value} in {text:?}"
                );
            }
        }
    }
}
