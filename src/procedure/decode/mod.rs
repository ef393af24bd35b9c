//! TOML text -> [`Procedure`], with every problem reported at its position.

mod choice;
mod extras;
pub mod literal;
mod meta;
mod reader;

pub use reader::spanish_key;
mod snippets;
mod steps;
mod syntax;

pub use reader::did_you_mean;
use reader::{Sink, Table};

use crate::diagnostic::{Diagnostic, Span};
use crate::procedure::model::Procedure;
use toml::de::DeTable;

/// Decodes a procedure. The procedure is returned whenever the TOML parsed,
/// even with field errors, so semantic checks can still run and report more.
pub fn decode(text: &str) -> (Option<Procedure>, Vec<Diagnostic>) {
    let mut sink = Sink::new(text);
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        sink.diagnostics.extend(syntax::errors(&errors, text));
        return (None, sink.diagnostics);
    }
    let root = root.into_inner();
    if root.is_empty() {
        let message = if text.trim().is_empty() {
            "the file is empty"
        } else {
            "the file has only comments"
        };
        sink.push(Diagnostic::error("empty-file", message, None).with_hint(
            "start from the format in docs/procedure-format.md, or copy `procedures/demo.toml`",
        ));
        return (None, sink.diagnostics);
    }
    sink.step_ids = steps::all_step_ids(&root);
    let mut top = Table::new(&root, None, "the file");
    let procedure = decode_root(&mut top, &mut sink);
    top.finish(&mut sink);
    (Some(procedure), sink.diagnostics)
}

fn decode_root(top: &mut Table<'_, '_>, sink: &mut Sink) -> Procedure {
    let mut p = Procedure::default();
    match top.table(sink, "procedure", "[procedure]") {
        Some(mut t) => {
            // Keys of [procedure] written above its header are reported
            // there, as unknown keys of the file, not also as missing.
            t.written_elsewhere(metadata_keys(top).into_iter().map(|(k, _)| k).collect());
            p.meta = meta::metadata(&mut t, sink);
            t.finish(sink);
        }
        None if top.has("procedure") || top.misspelt("procedure") => {}
        None => no_procedure_table(top, sink),
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
    p.snippets = snippets::snippets(top, sink);
    p.notes = top.texts(sink, "notes");
    p
}

/// The keys of `[procedure]` written at the top level of the file.
fn metadata_keys(top: &Table<'_, '_>) -> Vec<(&'static str, Span)> {
    top.keys()
        .filter_map(|(k, span)| {
            reader::METADATA_KEYS
                .iter()
                .find(|m| **m == k)
                .map(|m| (*m, span))
        })
        .collect()
}

/// No `[procedure]`: most often its keys are there, written without the
/// header (as the Markdown template's metadata block). One error for it.
fn no_procedure_table(top: &mut Table<'_, '_>, sink: &mut Sink) {
    let misplaced = metadata_keys(top);
    let Some((_, first)) = misplaced.first().cloned() else {
        sink.push(
            Diagnostic::error("missing-key", "the file has no [procedure] table", None)
                .with_hint("start the file with `[procedure]` and its `id`, `title`, `version` and `criticality`"),
        );
        return;
    };
    let names: Vec<String> = misplaced.iter().map(|(k, _)| format!("`{k}`")).collect();
    let hint = match names.split_last() {
        Some((one, [])) => {
            format!("{one} belongs in [procedure]: add a `[procedure]` header above it")
        }
        Some((last, init)) => format!(
            "{} and {last} belong in [procedure]: add a `[procedure]` header above them",
            init.join(", ")
        ),
        None => return,
    };
    for (k, _) in &misplaced {
        top.consume(k);
    }
    sink.push(
        Diagnostic::error(
            "missing-key",
            "the file has no [procedure] table",
            Some(first),
        )
        .with_hint(hint),
    );
}
