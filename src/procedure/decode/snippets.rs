//! `[[snippets]]`: reference commands the operator may send to the shell,
//! never run as steps.

use super::reader::{Sink, Table};
use crate::diagnostic::Diagnostic;
use crate::procedure::model::Snippet;

pub fn snippets(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<Snippet> {
    let mut out = Vec::new();
    for (n, (mut t, span)) in top.tables(sink, "snippets").into_iter().enumerate() {
        t.relabel(format!("snippet #{}", n + 1));
        let id = t.required_string(sink, "id", "\"logs\"");
        if let Some(id) = &id {
            t.relabel(format!("snippet `{}`", id.value.trim()));
        }
        let title = t.required_string(sink, "title", "\"Ver logs del backend\"");
        let has_commands = t.has("commands");
        let commands = t.commands(sink, "commands");
        if !has_commands {
            t.missing(sink, "commands", "[\"docker compose logs -f backend\"]");
        } else if commands.is_empty() {
            let at = t.value("commands").map(|v| v.span()).or(t.at());
            sink.push(
                Diagnostic::error(
                    "empty-value",
                    format!("{} has no commands", t.label),
                    at,
                )
                .with_hint("a snippet is there to send a command: write at least one, e.g. `commands = [\"docker compose logs -f backend\"]`"),
            );
        }
        let text = t.text(sink, "text");
        t.finish(sink);
        out.push(Snippet {
            span: id.as_ref().map_or(span, |i| i.span.clone()),
            id: id.map(|i| i.value.trim().to_string()).unwrap_or_default(),
            title: title.map(|t| t.value).unwrap_or_default(),
            commands,
            text,
        });
    }
    out
}
