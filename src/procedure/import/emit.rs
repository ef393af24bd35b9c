//! A procedure written as TOML in the documented format (the layout of
//! `procedures/demo.toml`): top-level lists first, then `[procedure]`,
//! `[purpose]`, prerequisites, variables, triggers, severity levels, phases
//! with their steps, the full rollback, the decision tree, troubleshooting
//! and contacts. Multi-line text is written as literal blocks so commands
//! read as the author wrote them.

use crate::procedure::model::{
    Choice, Command, Procedure, Snippet, Step, StepRollback, Validation,
};
use std::fmt::Write;

pub fn to_toml(p: &Procedure, header: &[String]) -> String {
    let mut o = String::with_capacity(4096);
    for h in header {
        for line in h.lines() {
            let _ = writeln!(o, "# {line}");
        }
    }
    if !header.is_empty() {
        o.push('\n');
    }
    list(&mut o, "quick_checklist", &p.quick_checklist);
    list(&mut o, "references", &p.references);
    list(&mut o, "notes", &p.notes);
    if !(p.quick_checklist.is_empty() && p.references.is_empty() && p.notes.is_empty()) {
        o.push('\n');
    }

    o.push_str("[procedure]\n");
    let m = &p.meta;
    kv(&mut o, "id", &m.id);
    kv(&mut o, "title", &m.title);
    if let Some(c) = m.category {
        kv(&mut o, "category", &c.to_string());
    }
    if let Some(c) = m.criticality {
        kv(&mut o, "criticality", &c.to_string());
    }
    if let Some(f) = m.frequency {
        kv(&mut o, "frequency", &f.to_string());
    }
    opt_display(&mut o, "estimate", m.estimate);
    kv(&mut o, "version", &m.version);
    if let Some(d) = m.updated {
        let _ = writeln!(o, "updated = {}", d.format("%Y-%m-%d"));
    }
    opt(&mut o, "author", &m.author);
    if !m.reviewers.is_empty() {
        list(&mut o, "reviewers", &m.reviewers);
    }
    opt(&mut o, "environment", &m.environment);
    opt_display(&mut o, "rto", m.rto);
    opt_display(&mut o, "rpo", m.rpo);
    if !m.tags.is_empty() {
        list(&mut o, "tags", &m.tags);
    }
    if !m.allow.is_empty() {
        list(&mut o, "allow", &m.allow);
    }

    let pu = &p.purpose;
    if pu.what.is_some() || pu.when.is_some() || pu.when_not.is_some() {
        o.push_str("\n[purpose]\n");
        opt(&mut o, "what", &pu.what);
        opt(&mut o, "when", &pu.when);
        opt(&mut o, "when_not", &pu.when_not);
    }
    let i = &pu.impact;
    if i.users.is_some() || i.systems.is_some() || i.data.is_some() || i.sla.is_some() {
        o.push_str("\n[purpose.impact]\n");
        opt(&mut o, "users", &i.users);
        opt(&mut o, "systems", &i.systems);
        opt(&mut o, "data", &i.data);
        opt(&mut o, "sla", &i.sla);
    }

    for g in &p.prerequisites {
        o.push_str("\n[[prerequisites]]\n");
        kv(&mut o, "group", &g.group);
        o.push_str("items = [\n");
        for item in &g.items {
            match &item.check {
                None => {
                    let _ = writeln!(o, "  {},", value(&item.text, 2));
                }
                Some(c) => {
                    let _ = writeln!(
                        o,
                        "  {{ text = {}, check = {} }},",
                        inline(&item.text),
                        inline(&c.run)
                    );
                }
            }
        }
        o.push_str("]\n");
    }

    for v in &p.variables {
        o.push_str("\n[[variables]]\n");
        kv(&mut o, "name", &v.name);
        opt(&mut o, "prompt", &v.prompt);
        opt(&mut o, "default", &v.default);
        if v.secret {
            o.push_str("secret = true\n");
        }
        opt(&mut o, "pattern", &v.pattern);
    }

    for t in &p.triggers {
        o.push_str("\n[[triggers]]\n");
        kv(&mut o, "kind", &t.kind.to_string());
        kv(&mut o, "name", &t.name);
        kv(&mut o, "condition", &t.condition);
        if !t.action.is_empty() {
            kv(&mut o, "action", &t.action);
        }
        opt(&mut o, "decides", &t.decides);
    }

    for s in &p.severities {
        o.push_str("\n[[severity]]\n");
        kv(&mut o, "level", &s.level);
        opt(&mut o, "name", &s.name);
        opt(&mut o, "description", &s.description);
        opt_display(&mut o, "response", s.response);
        opt_display(&mut o, "resolution", s.resolution);
        if !s.examples.is_empty() {
            list(&mut o, "examples", &s.examples);
        }
    }

    for ph in &p.phases {
        o.push_str("\n[[phases]]\n");
        kv(&mut o, "id", &ph.id);
        kv(&mut o, "kind", &ph.kind.to_string());
        kv(&mut o, "title", &ph.title);
        opt_display(&mut o, "budget", ph.budget);
        for s in &ph.steps {
            step(&mut o, "phases.steps", s);
        }
    }

    let r = &p.rollback;
    if !r.when.is_empty() || r.estimate.is_some() || !r.steps.is_empty() {
        o.push_str("\n[rollback]\n");
        if !r.when.is_empty() {
            list(&mut o, "when", &r.when);
        }
        opt_display(&mut o, "estimate", r.estimate);
        for s in &r.steps {
            step(&mut o, "rollback.steps", s);
        }
    }

    for d in &p.decision_tree {
        o.push_str("\n[[decision]]\n");
        kv(&mut o, "id", &d.id);
        opt(&mut o, "question", &d.question);
        opt(&mut o, "yes", &d.yes);
        opt(&mut o, "no", &d.no);
        opt(&mut o, "action", &d.action);
        if d.rollback {
            o.push_str("rollback = true\n");
        }
        opt(&mut o, "step", &d.step);
    }

    for t in &p.troubleshooting {
        o.push_str("\n[[troubleshooting]]\n");
        kv(&mut o, "problem", &t.problem);
        if !t.symptoms.is_empty() {
            list(&mut o, "symptoms", &t.symptoms);
        }
        opt(&mut o, "cause", &t.cause);
        if !t.references.is_empty() {
            list(&mut o, "references", &t.references);
        }
        commands(&mut o, "troubleshooting.solution", "solution", &t.solution);
    }

    for c in &p.contacts {
        o.push_str("\n[[contacts]]\n");
        kv(&mut o, "role", &c.role);
        opt(&mut o, "name", &c.name);
        opt(&mut o, "contact", &c.contact);
        opt(&mut o, "when", &c.when);
    }

    for s in &p.snippets {
        snippet(&mut o, s);
    }
    o
}

fn step(o: &mut String, path: &str, s: &Step) {
    let _ = writeln!(o, "\n[[{path}]]");
    kv(o, "id", &s.id);
    kv(o, "title", &s.title);
    opt_display(o, "estimate", s.estimate);
    if let Some(c) = s.criticality {
        kv(o, "criticality", &c.to_string());
    }
    if s.confirm {
        o.push_str("confirm = true\n");
    }
    if s.manual {
        o.push_str("manual = true\n");
    }
    opt(o, "condition", &s.condition);
    if let Some(c) = &s.choice {
        choice(o, c);
    }
    opt(o, "warning", &s.warning);
    opt(o, "instructions", &s.instructions);
    let tables = needs_tables(&s.commands);
    if !tables {
        plain_commands(o, "commands", &s.commands);
    }
    opt(o, "expected", &s.expected);
    if !s.on_failure.is_empty() {
        list(o, "on_failure", &s.on_failure);
    }
    if !s.notes.is_empty() {
        list(o, "notes", &s.notes);
    }
    if !s.allow.is_empty() {
        list(o, "allow", &s.allow);
    }
    if matches!(s.rollback, StepRollback::None) {
        o.push_str("rollback = \"none\"\n");
    }
    if tables {
        command_tables(o, &format!("{path}.commands"), &s.commands);
    }
    if let Some(v) = &s.validation {
        validation(o, &format!("{path}.validation"), v);
    }
    if let StepRollback::Some(undo) = &s.rollback {
        let _ = writeln!(o, "\n[{path}.rollback]");
        opt(o, "instructions", &undo.instructions);
        opt_display(o, "estimate", undo.estimate);
        if !undo.steps.is_empty() {
            list(o, "steps", &undo.steps);
        }
        commands(
            o,
            &format!("{path}.rollback.commands"),
            "commands",
            &undo.commands,
        );
    }
}

/// `choice = "¿...?"` and its `options`, one inline table a line.
fn choice(o: &mut String, c: &Choice) {
    kv(o, "choice", &c.question);
    o.push_str("options = [\n");
    for opt in &c.options {
        let steps: Vec<String> = opt.steps.iter().map(|s| inline(s)).collect();
        let _ = writeln!(
            o,
            "  {{ id = {}, title = {}, steps = [{}] }},",
            inline(&opt.id),
            inline(&opt.title),
            steps.join(", ")
        );
    }
    o.push_str("]\n");
}

/// `[[snippets]]`: id, title, text, then the commands.
fn snippet(o: &mut String, s: &Snippet) {
    o.push_str("\n[[snippets]]\n");
    kv(o, "id", &s.id);
    kv(o, "title", &s.title);
    opt(o, "text", &s.text);
    commands(o, "snippets.commands", "commands", &s.commands);
}

fn validation(o: &mut String, path: &str, v: &Validation) {
    let _ = writeln!(o, "\n[{path}]");
    if let Some(c) = &v.command {
        kv(o, "command", &c.run);
    }
    if let Some(e) = v.exit_code {
        let _ = writeln!(o, "exit_code = {e}");
    }
    opt(o, "output", &v.output);
}

fn needs_tables(cmds: &[Command]) -> bool {
    cmds.iter()
        .any(|c| c.name.is_some() || c.interactive || c.timeout.is_some())
}

/// Commands as strings when nothing else is set, else as tables. Tables
/// must come after every plain key of the enclosing table.
fn commands(o: &mut String, path: &str, key: &str, cmds: &[Command]) {
    if needs_tables(cmds) {
        command_tables(o, path, cmds);
    } else {
        plain_commands(o, key, cmds);
    }
}

fn plain_commands(o: &mut String, key: &str, cmds: &[Command]) {
    if cmds.is_empty() {
        return;
    }
    let runs: Vec<String> = cmds.iter().map(|c| c.run.clone()).collect();
    list(o, key, &runs);
}

fn command_tables(o: &mut String, path: &str, cmds: &[Command]) {
    for c in cmds {
        let _ = writeln!(o, "\n[[{path}]]");
        kv(o, "run", &c.run);
        opt(o, "name", &c.name);
        if c.interactive {
            o.push_str("interactive = true\n");
        }
        opt_display(o, "timeout", c.timeout);
    }
}

fn kv(o: &mut String, key: &str, v: &str) {
    let _ = writeln!(o, "{key} = {}", value(v, 0));
}

fn opt(o: &mut String, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        kv(o, key, v);
    }
}

fn opt_display(o: &mut String, key: &str, v: Option<impl std::fmt::Display>) {
    if let Some(v) = v {
        kv(o, key, &v.to_string());
    }
}

fn list(o: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let single: Vec<String> = items.iter().map(|i| value(i, 0)).collect();
    let short = items.len() <= 4
        && single.iter().all(|s| !s.contains('\n'))
        && single.iter().map(|s| s.len() + 2).sum::<usize>() + key.len() < 90;
    if short {
        let _ = writeln!(o, "{key} = [{}]", single.join(", "));
        return;
    }
    let _ = writeln!(o, "{key} = [");
    for i in items {
        let _ = writeln!(o, "  {},", value(i, 2));
    }
    o.push_str("]\n");
}

/// A TOML string for `s`: a literal (`'...'` or `'''...'''`) when the text
/// allows it, so backslashes and quotes stay as written; a basic string
/// with escapes otherwise.
pub fn value(s: &str, _indent: usize) -> String {
    let has_control = s
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}');
    if !has_control {
        if !s.contains('\n') {
            if !s.contains('\'') {
                return format!("'{s}'");
            }
        } else if !s.contains("'''") && !s.ends_with('\'') {
            return format!("'''\n{s}'''");
        }
    }
    if s.contains('\n') && !has_control {
        return multiline_basic(s);
    }
    inline(s)
}

fn multiline_basic(s: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    let mut quotes = 0;
    for c in s.chars() {
        match c {
            '"' => {
                quotes += 1;
                if quotes == 3 {
                    out.push_str("\\\"");
                    quotes = 0;
                } else {
                    out.push('"');
                }
                continue;
            }
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push('\t'),
            c => out.push(c),
        }
        quotes = 0;
    }
    if out.ends_with('"') {
        // A closing quote right before the delimiter: escape it.
        out.pop();
        out.push_str("\\\"");
    }
    out.push_str("\"\"\"");
    out
}

/// A single-line basic string, escaped.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(s: &str) -> String {
        let doc = format!("v = {}\n", value(s, 0));
        let t: toml::Table = toml::from_str(&doc).unwrap_or_else(|e| panic!("{doc}\n{e}"));
        t["v"].as_str().unwrap().to_string()
    }

    #[test]
    fn strings_round_trip() {
        for s in [
            "simple",
            "it's",
            "a\\b \"q\"",
            "line1\nline2",
            "multi 'quote'\nend'",
            "has ''' triple\nx",
            "ctrl \u{1b}[0m \u{7f}",
            "trailing quote\"\nx\"",
            "\"\"\"\nx",
            "tab\tand\nnewline",
            "\nleading newline",
            "ends\n",
        ] {
            assert_eq!(roundtrip(s), s, "{s:?}");
        }
    }
}
