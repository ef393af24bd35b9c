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
use crate::i18n::Lang;
use crate::tr;
use std::fmt::Write;

/// Renders diagnostics of one file. `color` adds ANSI styling.
pub fn render_human(
    path: &str,
    source: &SourceText,
    diagnostics: &[Diagnostic],
    color: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        render_one(&mut out, path, source, d, color, lang);
    }
    // The file's bytes (snippets, names quoted in messages) never act on
    // the terminal: each piece is made printable before it is painted.
    out
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn render_one(
    out: &mut String,
    path: &str,
    source: &SourceText,
    d: &Diagnostic,
    color: bool,
    lang: Lang,
) {
    let sev_color = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
    };
    let severity = match d.severity {
        Severity::Error => tr!(lang, "check-severity-error"),
        Severity::Warning => tr!(lang, "check-severity-warning"),
    };
    let head = format!("{severity}[{}]", d.code);
    let hint_word = tr!(lang, "check-hint");
    let _ = writeln!(
        out,
        "{}: {}",
        paint(color, sev_color, &head),
        paint(color, "1", &super::printable(&d.message))
    );
    match &d.span {
        Some(span) => {
            let pos = source.position(span.start);
            let gutter = pos.line.to_string().len();
            let pad = " ".repeat(gutter);
            let path = super::printable(path);
            let _ = writeln!(out, "{pad}--> {path}:{}:{}", pos.line, pos.col);
            let _ = writeln!(out, "{pad} |");
            let line = super::printable(&source.line(pos.line).replace('\t', " ")).into_owned();
            let width = underline_width(source, span, pos.line, pos.col);
            let (shown, col, width) = cut_long_line(&line, pos.col - 1, width);
            let _ = writeln!(out, "{} | {}", pos.line, shown);
            let marks = format!("{}{}", " ".repeat(col), "^".repeat(width));
            let _ = writeln!(out, "{pad} | {}", paint(color, sev_color, &marks));
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "{pad} = {hint_word}: {}", super::printable(hint));
            }
        }
        None => {
            let _ = writeln!(out, " --> {}", super::printable(path));
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "  = {hint_word}: {}", super::printable(hint));
            }
        }
    }
    out.push('\n');
}

/// Lines longer than this are cut around the caret.
const MAX_SNIPPET: usize = 200;
/// Characters kept before the caret when a long line is cut.
const CONTEXT_BEFORE: usize = 60;

/// The part of `line` to show, with `…` where it was cut, and the caret's
/// column (0-based, in characters) and width in what is shown.
fn cut_long_line(line: &str, col: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_SNIPPET {
        return (line.to_string(), col, width);
    }
    let start = col
        .saturating_sub(CONTEXT_BEFORE)
        .min(chars.len().saturating_sub(MAX_SNIPPET));
    let end = (start + MAX_SNIPPET).min(chars.len());
    let mut shown = String::new();
    let mut col = col - start;
    if start > 0 {
        shown.push('…');
        col += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let visible = (end - start + usize::from(start > 0)).saturating_sub(col);
    (shown, col, width.min(visible).max(1))
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
    fn long_lines_are_cut_around_the_caret() {
        let line = format!(
            "commands = [\"{}SECRET{}\"]",
            "a".repeat(300),
            "b".repeat(300)
        );
        let src = SourceText::new(line.clone());
        let at = line.find("SECRET").unwrap();
        let d = Diagnostic::error("x", "y", Some(at..at + 6));
        let text = render_human("p.toml", &src, &[d], false, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        let snippet = lines[3].strip_prefix("1 | ").unwrap();
        assert!(
            snippet.starts_with('…') && snippet.ends_with('…'),
            "{snippet}"
        );
        assert!(snippet.chars().count() <= MAX_SNIPPET + 2);
        let carets = lines[4].strip_prefix("  | ").unwrap();
        let col = carets.find('^').unwrap();
        let shown: String = snippet.chars().skip(col).take(6).collect();
        assert_eq!(shown, "SECRET");
        assert_eq!(carets.trim(), "^^^^^^");
        assert!(text.contains("--> p.toml:1:"), "{text}");
    }

    #[test]
    fn renders_location_snippet_and_hint() {
        let src = SourceText::new("[procedure]\ntitel = \"x\"\n");
        let d = Diagnostic::error(
            "unknown-key",
            "unknown key `titel` in [procedure]",
            Some(12..17),
        )
        .with_hint("did you mean `title`?");
        let text = render_human("p.toml", &src, &[d], false, Lang::En);
        assert_eq!(
            text,
            "error[unknown-key]: unknown key `titel` in [procedure]\n --> p.toml:2:1\n  |\n2 | titel = \"x\"\n  | ^^^^^\n  = hint: did you mean `title`?\n\n"
        );
    }
}
