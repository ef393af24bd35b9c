//! TOML text -> [`Procedure`], with every problem reported at its position.

mod extras;
mod meta;
mod reader;
mod steps;

pub use reader::did_you_mean;
use reader::{Sink, Table};

use crate::diagnostic::{Diagnostic, Span};
use crate::procedure::model::Procedure;
use toml::de::DeTable;

/// Decodes a procedure. The procedure is returned whenever the TOML parsed,
/// even with field errors, so semantic checks can still run and report more.
pub fn decode(text: &str) -> (Option<Procedure>, Vec<Diagnostic>) {
    let mut sink = Sink::default();
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            sink.push(syntax_error(&e, text));
        }
        return (None, sink.diagnostics);
    }
    let root = root.into_inner();
    let mut top = Table::new(&root, None, "the file");
    let procedure = decode_root(&mut top, &mut sink);
    top.finish(&mut sink);
    (Some(procedure), sink.diagnostics)
}

fn decode_root(top: &mut Table<'_, '_>, sink: &mut Sink) -> Procedure {
    let mut p = Procedure::default();
    match top.table(sink, "procedure", "[procedure]") {
        Some(mut t) => {
            p.meta = meta::metadata(&mut t, sink);
            t.finish(sink);
        }
        None => {
            if !top.has("procedure") {
                sink.push(
                    Diagnostic::error("missing-key", "the file has no [procedure] table", None)
                        .with_hint("start the file with `[procedure]` and its `id`, `title`, `version` and `criticality`"),
                );
            }
        }
    }
    if let Some(mut t) = top.table(sink, "purpose", "[purpose]") {
        p.purpose = meta::purpose(&mut t, sink);
        t.finish(sink);
    }
    p.prerequisites = extras::prerequisites(top, sink);
    p.variables = extras::variables(top, sink);
    p.triggers = extras::triggers(top, sink);
    p.severities = extras::severities(top, sink);
    p.phases = steps::phases(top, sink);
    if let Some(mut t) = top.table(sink, "rollback", "[rollback]") {
        p.rollback = steps::rollback_plan(&mut t, sink);
        t.finish(sink);
    }
    p.decision_tree = extras::decision_tree(top, sink);
    p.troubleshooting = extras::troubleshooting(top, sink);
    p.contacts = extras::contacts(top, sink);
    p.quick_checklist = top.texts(sink, "quick_checklist");
    p.references = top.texts(sink, "references");
    p.notes = top.texts(sink, "notes");
    p
}

fn syntax_error(e: &toml::de::Error, text: &str) -> Diagnostic {
    let span: Option<Span> = e.span().map(|s| {
        let start = s.start.min(text.len());
        start..s.end.max(start + 1).min(text.len().max(start))
    });
    let message = e.message().trim().trim_end_matches('.').to_string();
    let first = message.lines().next().unwrap_or("invalid TOML").to_string();
    let hint = syntax_hint(&message);
    let d = Diagnostic::error("toml-syntax", format!("invalid TOML: {first}"), span);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

fn syntax_hint(message: &str) -> Option<String> {
    let m = message.to_lowercase();
    let hint = if m.contains("duplicate key") {
        "each key may appear once per table; for several steps use one `[[phases.steps]]` block each"
    } else if m.contains("invalid basic string")
        || m.contains("unterminated")
        || m.contains("missing closing quote")
    {
        "close the string with a quote; for multi-line text use triple quotes `\"\"\"...\"\"\"`"
    } else if m.contains("string values must be quoted")
        || m.contains("invalid string")
        || m.contains("unquoted")
    {
        "put text values in quotes: `title = \"Desplegar\"`"
    } else if m.contains("expected `=`") || m.contains("key with no value") {
        "write `key = value`"
    } else {
        return None;
    };
    Some(hint.to_string())
}
