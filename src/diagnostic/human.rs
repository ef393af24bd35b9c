//! Rendering diagnostics for people, in the style of rustc:
//!
//! ```text
//! error[unknown-key]: unknown key `titel` in [procedure]
//!  --> procedures/x.toml:3:1
//!   |
//! 3 | titel = "Deploy"
//!   | ^^^^^
//!   = hint: did you mean `title`?
//! ```

use super::{Diagnostic, Severity, SourceText};
use std::fmt::Write;

/// Renders diagnostics of one file. `color` adds ANSI styling.
pub fn render_human(
    path: &str,
    source: &SourceText,
    diagnostics: &[Diagnostic],
    color: bool,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        render_one(&mut out, path, source, d, color);
    }
    out
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn render_one(out: &mut String, path: &str, source: &SourceText, d: &Diagnostic, color: bool) {
    let sev_color = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
    };
    let head = format!("{}[{}]", d.severity.as_str(), d.code);
    let _ = writeln!(
        out,
        "{}: {}",
        paint(color, sev_color, &head),
        paint(color, "1", &d.message)
    );
    match &d.span {
        Some(span) => {
            let pos = source.position(span.start);
            let gutter = pos.line.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(out, "{pad}--> {path}:{}:{}", pos.line, pos.col);
            let _ = writeln!(out, "{pad} |");
            let line = source.line(pos.line);
            let _ = writeln!(out, "{} | {}", pos.line, line.replace('\t', " "));
            let width = underline_width(source, span, pos.line, pos.col);
            let marks = format!("{}{}", " ".repeat(pos.col - 1), "^".repeat(width));
            let _ = writeln!(out, "{pad} | {}", paint(color, sev_color, &marks));
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "{pad} = hint: {hint}");
            }
        }
        None => {
            let _ = writeln!(out, " --> {path}");
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "  = hint: {hint}");
            }
        }
    }
    out.push('\n');
}

/// Characters to underline: the span, cut at the end of its first line.
fn underline_width(source: &SourceText, span: &super::Span, line: usize, col: usize) -> usize {
    let line_chars = source.line(line).chars().count();
    let rest = line_chars.saturating_sub(col - 1);
    let end = span.end.min(source.text().len()).max(span.start);
    let span_chars = source
        .text()
        .get(span.start..end)
        .map(|s| s.chars().take_while(|&c| c != '\n').count())
        .unwrap_or(1);
    span_chars.min(rest).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_hint() {
        let src = SourceText::new("[procedure]\ntitel = \"x\"\n");
        let d = Diagnostic::error(
            "unknown-key",
            "unknown key `titel` in [procedure]",
            Some(12..17),
        )
        .with_hint("did you mean `title`?");
        let text = render_human("p.toml", &src, &[d], false);
        assert_eq!(
            text,
            "error[unknown-key]: unknown key `titel` in [procedure]\n --> p.toml:2:1\n  |\n2 | titel = \"x\"\n  | ^^^^^\n  = hint: did you mean `title`?\n\n"
        );
    }
}
