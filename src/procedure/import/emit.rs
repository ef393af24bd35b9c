//! A procedure written as TOML in the documented format (the layout of
//! `procedures/demo.toml`): top-level lists first, then `[procedure]`,
//! `[purpose]`, prerequisites, variables, triggers, severity levels, phases
//! with their steps, the full rollback, the decision tree, troubleshooting
//! and contacts.
//!
//! The document is built as a `toml_edit` tree, which writes it: each
//! string gets the form that reads best (a literal when it holds
//! backslashes or quotes, a multi-line block for multi-line commands), and
//! tables follow their parent's keys. What is decided here is only the
//! layout: key order, which lists break one item a line, and when commands
//! need tables.

use crate::procedure::model::{
    Choice, Command, Procedure, Snippet, Step, StepRollback, Validation,
};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

pub fn to_toml(p: &Procedure, header: &[String]) -> String {
    let mut out = String::with_capacity(4096);
    for h in header {
        for line in h.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    }
    if !header.is_empty() {
        out.push('\n');
    }
    // The document is rendered in pieces, each a small toml_edit tree
    // dropped once written: a tree of a whole 50 MB import held 360 MB
    // more than the text it renders to. Root values and the one-off
    // tables come first (TOML wants root values before any table); each
    // array of tables follows a piece at a time, which reads as one
    // array.
    let mut first = true;
    piece(&mut out, &mut first, |root| {
        list(root, "quick_checklist", &p.quick_checklist);
        list(root, "references", &p.references);
        list(root, "notes", &p.notes);
        root.insert("procedure", Item::Table(meta(p)));
        if let Some(t) = purpose(p) {
            root.insert("purpose", Item::Table(t));
        }
    });
    pieces(&mut out, "prerequisites", &p.prerequisites, prerequisite);
    pieces(&mut out, "variables", &p.variables, variable);
    pieces(&mut out, "triggers", &p.triggers, trigger);
    pieces(&mut out, "severity", &p.severities, severity);
    pieces(&mut out, "phases", &p.phases, phase);
    let r = &p.rollback;
    if !r.when.is_empty() || r.estimate.is_some() || !r.steps.is_empty() {
        piece(&mut out, &mut first, |root| {
            let mut t = Table::new();
            list(&mut t, "when", &r.when);
            opt_display(&mut t, "estimate", r.estimate);
            tables(&mut t, "steps", r.steps.iter().map(step));
            root.insert("rollback", Item::Table(t));
        });
    }
    pieces(&mut out, "decision", &p.decision_tree, decision);
    pieces(&mut out, "troubleshooting", &p.troubleshooting, trouble);
    pieces(&mut out, "contacts", &p.contacts, contact);
    pieces(&mut out, "snippets", &p.snippets, snippet);
    out
}

/// Elements of a top-level array of tables rendered together.
const PIECE: usize = 64;

/// `items` as `[[key]]` tables, [`PIECE`] at a time.
fn pieces<T>(out: &mut String, key: &str, items: &[T], table: fn(&T) -> Table) {
    for chunk in items.chunks(PIECE) {
        piece(out, &mut false, |root| {
            tables(root, key, chunk.iter().map(table));
        });
    }
}

/// Renders one document built by `fill` and appends it. Every piece but
/// the first is separated by the blank line toml_edit puts before a
/// table header inside one document.
fn piece(out: &mut String, first: &mut bool, fill: impl FnOnce(&mut Table)) {
    let mut doc = DocumentMut::new();
    fill(doc.as_table_mut());
    let text = doc.to_string();
    if text.is_empty() {
        return;
    }
    if !*first && !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    *first = false;
    out.push_str(&text);
}

fn meta(p: &Procedure) -> Table {
    let m = &p.meta;
    let mut t = Table::new();
    kv(&mut t, "id", &m.id);
    kv(&mut t, "title", &m.title);
    opt_display(&mut t, "category", m.category);
    opt_display(&mut t, "criticality", m.criticality);
    opt_display(&mut t, "frequency", m.frequency);
    opt_display(&mut t, "estimate", m.estimate);
    kv(&mut t, "version", &m.version);
    if let Some(d) = m.updated {
        use chrono::Datelike;
        let date = toml_edit::Date {
            year: d.year().clamp(0, 9999) as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        };
        t.insert("updated", toml_edit::value(toml_edit::Datetime::from(date)));
    }
    opt(&mut t, "author", &m.author);
    list(&mut t, "reviewers", &m.reviewers);
    opt(&mut t, "environment", &m.environment);
    opt_display(&mut t, "rto", m.rto);
    opt_display(&mut t, "rpo", m.rpo);
    list(&mut t, "tags", &m.tags);
    list(&mut t, "allow", &m.allow);
    t
}

/// `[purpose]` and `[purpose.impact]`, each only when it has a value.
fn purpose(p: &Procedure) -> Option<Table> {
    let pu = &p.purpose;
    let mut t = Table::new();
    opt(&mut t, "what", &pu.what);
    opt(&mut t, "when", &pu.when);
    opt(&mut t, "when_not", &pu.when_not);
    let i = &pu.impact;
    let mut impact = Table::new();
    opt(&mut impact, "users", &i.users);
    opt(&mut impact, "systems", &i.systems);
    opt(&mut impact, "data", &i.data);
    opt(&mut impact, "sla", &i.sla);
    if t.is_empty() && impact.is_empty() {
        return None;
    }
    // No `[purpose]` header of its own when only the impact is known.
    t.set_implicit(true);
    if !impact.is_empty() {
        t.insert("impact", Item::Table(impact));
    }
    Some(t)
}

fn prerequisite(g: &crate::procedure::model::PrerequisiteGroup) -> Table {
    let mut t = Table::new();
    kv(&mut t, "group", &g.group);
    let mut items = Array::new();
    for item in &g.items {
        match &item.check {
            None => items.push(item.text.as_str()),
            Some(c) => {
                let mut it = InlineTable::new();
                it.insert("text", item.text.as_str().into());
                it.insert("check", c.run.as_str().into());
                items.push(Value::InlineTable(it));
            }
        }
    }
    one_a_line(&mut items);
    t.insert("items", toml_edit::value(items));
    t
}

fn variable(v: &crate::procedure::model::Variable) -> Table {
    let mut t = Table::new();
    kv(&mut t, "name", &v.name);
    opt(&mut t, "prompt", &v.prompt);
    opt(&mut t, "default", &v.default);
    flag(&mut t, "secret", v.secret);
    opt(&mut t, "pattern", &v.pattern);
    t
}

fn trigger(tr: &crate::procedure::model::Trigger) -> Table {
    let mut t = Table::new();
    kv(&mut t, "kind", &tr.kind.to_string());
    kv(&mut t, "name", &tr.name);
    kv(&mut t, "condition", &tr.condition);
    if !tr.action.is_empty() {
        kv(&mut t, "action", &tr.action);
    }
    opt(&mut t, "decides", &tr.decides);
    t
}

fn severity(s: &crate::procedure::model::SeverityLevel) -> Table {
    let mut t = Table::new();
    kv(&mut t, "level", &s.level);
    opt(&mut t, "name", &s.name);
    opt(&mut t, "description", &s.description);
    opt_display(&mut t, "response", s.response);
    opt_display(&mut t, "resolution", s.resolution);
    list(&mut t, "examples", &s.examples);
    t
}

fn phase(ph: &crate::procedure::model::Phase) -> Table {
    let mut t = Table::new();
    kv(&mut t, "id", &ph.id);
    kv(&mut t, "kind", &ph.kind.to_string());
    kv(&mut t, "title", &ph.title);
    opt_display(&mut t, "budget", ph.budget);
    tables(&mut t, "steps", ph.steps.iter().map(step));
    t
}

fn step(s: &Step) -> Table {
    let mut t = Table::new();
    kv(&mut t, "id", &s.id);
    kv(&mut t, "title", &s.title);
    opt_display(&mut t, "estimate", s.estimate);
    opt_display(&mut t, "criticality", s.criticality);
    flag(&mut t, "confirm", s.confirm);
    flag(&mut t, "manual", s.manual);
    opt(&mut t, "condition", &s.condition);
    if let Some(c) = &s.choice {
        choice(&mut t, c);
    }
    opt(&mut t, "warning", &s.warning);
    opt(&mut t, "instructions", &s.instructions);
    // Tables are written after every plain key of the step, whatever
    // their place here.
    commands(&mut t, "commands", &s.commands);
    opt(&mut t, "expected", &s.expected);
    list(&mut t, "on_failure", &s.on_failure);
    list(&mut t, "notes", &s.notes);
    list(&mut t, "allow", &s.allow);
    if let Some(v) = &s.validation {
        t.insert("validation", Item::Table(validation(v)));
    }
    match &s.rollback {
        StepRollback::None => kv(&mut t, "rollback", "none"),
        StepRollback::Some(undo) => {
            let mut r = Table::new();
            opt(&mut r, "instructions", &undo.instructions);
            opt_display(&mut r, "estimate", undo.estimate);
            list(&mut r, "steps", &undo.steps);
            commands(&mut r, "commands", &undo.commands);
            t.insert("rollback", Item::Table(r));
        }
        StepRollback::Missing => {}
    }
    t
}

/// `choice = "¿...?"` and its `options`, one inline table a line.
fn choice(t: &mut Table, c: &Choice) {
    kv(t, "choice", &c.question);
    let mut options = Array::new();
    for o in &c.options {
        let mut it = InlineTable::new();
        it.insert("id", o.id.as_str().into());
        it.insert("title", o.title.as_str().into());
        let steps: Array = o.steps.iter().map(String::as_str).collect();
        it.insert("steps", Value::Array(steps));
        options.push(Value::InlineTable(it));
    }
    one_a_line(&mut options);
    t.insert("options", toml_edit::value(options));
}

fn validation(v: &Validation) -> Table {
    let mut t = Table::new();
    if let Some(c) = &v.command {
        kv(&mut t, "command", &c.run);
    }
    if let Some(e) = v.exit_code {
        t.insert("exit_code", toml_edit::value(i64::from(e)));
    }
    opt(&mut t, "output", &v.output);
    t
}

fn decision(d: &crate::procedure::model::DecisionNode) -> Table {
    let mut t = Table::new();
    kv(&mut t, "id", &d.id);
    opt(&mut t, "question", &d.question);
    opt(&mut t, "yes", &d.yes);
    opt(&mut t, "no", &d.no);
    opt(&mut t, "action", &d.action);
    flag(&mut t, "rollback", d.rollback);
    opt(&mut t, "step", &d.step);
    t
}

fn trouble(tr: &crate::procedure::model::Troubleshooting) -> Table {
    let mut t = Table::new();
    kv(&mut t, "problem", &tr.problem);
    list(&mut t, "symptoms", &tr.symptoms);
    opt(&mut t, "cause", &tr.cause);
    list(&mut t, "references", &tr.references);
    commands(&mut t, "solution", &tr.solution);
    t
}

fn contact(c: &crate::procedure::model::Contact) -> Table {
    let mut t = Table::new();
    kv(&mut t, "role", &c.role);
    opt(&mut t, "name", &c.name);
    opt(&mut t, "contact", &c.contact);
    opt(&mut t, "when", &c.when);
    t
}

/// `[[snippets]]`: id, title, text, then the commands.
fn snippet(s: &Snippet) -> Table {
    let mut t = Table::new();
    kv(&mut t, "id", &s.id);
    kv(&mut t, "title", &s.title);
    opt(&mut t, "text", &s.text);
    commands(&mut t, "commands", &s.commands);
    t
}

/// Commands as a list of strings when nothing else is set, else as an
/// array of tables.
fn commands(t: &mut Table, key: &str, cmds: &[Command]) {
    if cmds.is_empty() {
        return;
    }
    let plain = cmds
        .iter()
        .all(|c| c.name.is_none() && !c.interactive && c.timeout.is_none());
    if plain {
        let runs: Vec<&str> = cmds.iter().map(|c| c.run.as_str()).collect();
        list(t, key, &runs);
        return;
    }
    tables(
        t,
        key,
        cmds.iter().map(|c| {
            let mut ct = Table::new();
            kv(&mut ct, "run", &c.run);
            opt(&mut ct, "name", &c.name);
            flag(&mut ct, "interactive", c.interactive);
            opt_display(&mut ct, "timeout", c.timeout);
            ct
        }),
    );
}

/// An array of tables under `key`, when there is at least one.
fn tables(t: &mut Table, key: &str, items: impl Iterator<Item = Table>) {
    let aot: ArrayOfTables = items.collect();
    if !aot.is_empty() {
        t.insert(key, Item::ArrayOfTables(aot));
    }
}

fn kv(t: &mut Table, key: &str, v: &str) {
    t.insert(key, toml_edit::value(v));
}

fn flag(t: &mut Table, key: &str, set: bool) {
    if set {
        t.insert(key, toml_edit::value(true));
    }
}

fn opt(t: &mut Table, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        kv(t, key, v);
    }
}

fn opt_display(t: &mut Table, key: &str, v: Option<impl std::fmt::Display>) {
    if let Some(v) = v {
        kv(t, key, &v.to_string());
    }
}

/// A list of strings: on one line when it is short, else one item a line.
fn list<S: AsRef<str>>(t: &mut Table, key: &str, items: &[S]) {
    if items.is_empty() {
        return;
    }
    let mut a: Array = items.iter().map(|i| i.as_ref()).collect();
    let short = items.len() <= 4
        && items.iter().all(|i| !i.as_ref().contains('\n'))
        && items.iter().map(|i| i.as_ref().len() + 4).sum::<usize>() + key.len() < 90;
    if !short {
        one_a_line(&mut a);
    }
    t.insert(key, toml_edit::value(a));
}

/// Each element on its own line, indented, with a trailing comma.
fn one_a_line(a: &mut Array) {
    for v in a.iter_mut() {
        v.decor_mut().set_prefix("\n  ");
        v.decor_mut().set_suffix("");
    }
    a.set_trailing("\n");
    a.set_trailing_comma(true);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::model::Procedure;

    fn roundtrip(s: &str) -> String {
        let mut t = Table::new();
        kv(&mut t, "v", s);
        list(&mut t, "l", &[s, "x"]);
        let mut doc = DocumentMut::new();
        doc.insert("t", Item::Table(t));
        let text = doc.to_string();
        let parsed: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{text}\n{e}"));
        let l = parsed["t"]["l"].as_array().unwrap();
        assert_eq!(l[0].as_str(), Some(s), "{text}");
        parsed["t"]["v"].as_str().unwrap().to_string()
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
            "awk '{print $1}' | grep -E '^a\\d'",
        ] {
            assert_eq!(roundtrip(s), s, "{s:?}");
        }
    }

    #[test]
    fn commands_read_as_written() {
        let mut t = Table::new();
        kv(&mut t, "regex", "grep -E '^a\\d+' f");
        kv(&mut t, "block", "cat <<'EOF'\nC:\\path\nEOF");
        let text = t.to_string();
        assert!(text.contains(r"regex = '''grep -E '^a\d+' f'''"), "{text}");
        assert!(
            text.contains("block = '''\ncat <<'EOF'\nC:\\path\nEOF'''"),
            "{text}"
        );
    }

    #[test]
    fn long_lists_break_one_item_a_line() {
        let mut t = Table::new();
        list(&mut t, "short", &["a", "b"]);
        list(&mut t, "long", &["a".repeat(50), "b".repeat(50)]);
        let text = t.to_string();
        assert!(text.contains("short = [\"a\", \"b\"]\n"), "{text}");
        assert!(
            text.contains(&format!(
                "long = [\n  \"{}\",\n  \"{}\",\n]\n",
                "a".repeat(50),
                "b".repeat(50)
            )),
            "{text}"
        );
    }

    #[test]
    fn an_empty_procedure_is_valid_toml() {
        let text = to_toml(&Procedure::default(), &["from x.md".into()]);
        assert!(text.starts_with("# from x.md\n\n[procedure]\n"), "{text}");
        toml::from_str::<toml::Table>(&text).unwrap();
    }
}
