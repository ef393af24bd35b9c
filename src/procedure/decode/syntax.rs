//! TOML syntax errors, said the way a runbook author thinks about them: the
//! duplicate key named with where it first appears, a table header written
//! twice reported once, an unclosed string pointed at where it opens.

use crate::diagnostic::{Diagnostic, Span};

const DUPLICATE_HINT: &str =
    "each key may appear once per table; for several steps use one `[[phases.steps]]` block each";

/// The diagnostics for the parser's errors, in file order, without the
/// follow-on errors of one mistake.
pub fn errors(errors: &[toml::de::Error], text: &str) -> Vec<Diagnostic> {
    let mut raw: Vec<(Span, String)> = errors
        .iter()
        .map(|e| {
            let span = e.span().map_or(0..0, |s| clamp(s, text));
            let message = e.message().trim().trim_end_matches('.').to_string();
            (span, message)
        })
        .collect();
    raw.sort_by_key(|(span, _)| span.start);

    // Lines holding an unclosed string: the parser's other complaints about
    // them are consequences of it.
    let unclosed_lines: Vec<usize> = raw
        .iter()
        .filter(|(span, m)| unclosed_single_line(m, span, text))
        .map(|(span, _)| line_start(text, span.start))
        .collect();
    // A table header written twice: its keys are duplicates too, but the
    // mistake is the header.
    let mut repeated_tables: Vec<Span> = Vec::new();

    let mut out = Vec::new();
    for (span, message) in &raw {
        let here = line_start(text, span.start);
        if unclosed_lines.contains(&here) && !unclosed_single_line(message, span, text) {
            continue;
        }
        let d = if message == "duplicate key" {
            if repeated_tables.iter().any(|t| t.contains(&span.start)) {
                continue;
            }
            if is_header(line_at(text, span.start)) {
                repeated_tables.push(here..table_end(text, here));
            }
            duplicate_key(span, text)
        } else if unclosed_single_line(message, span, text) {
            unclosed_string(span, text)
        } else if let Some(quotes) = unclosed_multi_line(message) {
            let open = text
                .get(..span.start)
                .and_then(|before| before.rfind(quotes))
                .map_or(span.clone(), |i| i..i + 3);
            Diagnostic::error(
                "toml-syntax",
                format!("this multi-line string is not closed: add the closing `{quotes}`"),
                Some(open),
            )
        } else {
            other(span, message)
        };
        out.push(d);
    }
    out
}

fn clamp(s: std::ops::Range<usize>, text: &str) -> Span {
    let start = s.start.min(text.len());
    start..s.end.max(start + 1).min(text.len().max(start))
}

fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

fn line_end(text: &str, offset: usize) -> usize {
    let from = offset.min(text.len());
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}

/// The text of the line holding `offset`, without its terminator.
fn line_at(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    text[start..line_end(text, start)].trim_end_matches('\r')
}

fn line_number(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |t| t.matches('\n').count()) + 1
}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

/// Where the table opened by the header at `start` ends: the next header.
fn table_end(text: &str, start: usize) -> usize {
    let mut at = line_end(text, start);
    while at < text.len() {
        let next = at + 1;
        if is_header(line_at(text, next)) {
            return next;
        }
        at = line_end(text, next);
    }
    text.len()
}

/// `[a . b]` -> `a.b`, `[[a]]` -> `[a]`: what makes two headers the same.
fn header_path(line: &str) -> String {
    let t = line.trim();
    let t = match t.find(']') {
        Some(close) if t.starts_with("[[") => &t[..(close + 2).min(t.len())],
        Some(close) => &t[..close + 1],
        None => t,
    };
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

fn duplicate_key(span: &Span, text: &str) -> Diagnostic {
    let here = line_start(text, span.start);
    let line = line_at(text, span.start);
    let (key, first) = if is_header(line) {
        let path = header_path(line);
        let key = text.get(span.clone()).unwrap_or("").trim().to_string();
        let first = previous_lines(text, here)
            .find(|(_, l)| is_header(l) && header_path(l) == path)
            .map(|(offset, _)| line_number(text, offset));
        (key, first)
    } else {
        let end = span.end.min(text.len()).max(here);
        let written = text.get(here..end).unwrap_or("").trim_start();
        match written.rfind(['{', ',']) {
            // In an inline table: the first one is earlier on the line.
            Some(i) => {
                let key = written[i + 1..].trim().to_string();
                let before = line.get(..span.start - here).unwrap_or(line);
                let first = inline_key(before, &key).then(|| line_number(text, here));
                (key, first)
            }
            None => {
                let key = written.trim().to_string();
                let first = previous_lines(text, here)
                    .take_while(|(_, l)| !is_header(l))
                    .filter(|(_, l)| defines(l, &key))
                    .last()
                    .map(|(offset, _)| line_number(text, offset));
                (key, first)
            }
        }
    };
    let message = match first {
        Some(n) => format!("invalid TOML: duplicate key `{key}` (first on line {n})"),
        None => format!("invalid TOML: duplicate key `{key}`"),
    };
    Diagnostic::error("toml-syntax", message, Some(span.clone())).with_hint(DUPLICATE_HINT)
}

/// The lines before the one starting at `start`, nearest first, with the
/// offset where each starts.
fn previous_lines(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    let before = &text[..start.min(text.len())];
    let mut offsets: Vec<usize> = std::iter::once(0)
        .chain(before.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&o| o < start)
        .collect();
    offsets.reverse();
    offsets.into_iter().map(move |o| (o, line_at(text, o)))
}

/// Whether `line` assigns `key` (`key = ...` or the dotted `key.x = ...`).
fn defines(line: &str, key: &str) -> bool {
    line.trim_start()
        .strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(['=', '.']))
}

/// Whether the inline table text `before` already has `key = `.
fn inline_key(before: &str, key: &str) -> bool {
    before
        .split(['{', ','])
        .skip(1)
        .any(|part| defines(part, key))
}

fn unclosed_single_line(message: &str, span: &Span, text: &str) -> bool {
    let at_line_end = text
        .get(span.start..)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n"));
    (message.starts_with("invalid basic string") || message.starts_with("invalid literal string"))
        && message.contains("expected `")
        && at_line_end
}

fn unclosed_multi_line(message: &str) -> Option<&'static str> {
    if message.starts_with("invalid multi-line basic string") {
        Some("\"\"\"")
    } else if message.starts_with("invalid multi-line literal string") {
        Some("'''")
    } else {
        None
    }
}

/// From the opening quote to the end of the line.
fn unclosed_string(span: &Span, text: &str) -> Diagnostic {
    let start = line_start(text, span.start);
    let before = text.get(start..span.start).unwrap_or("");
    let bytes = before.as_bytes();
    let open = (0..bytes.len())
        .rev()
        .find(|&i| (bytes[i] == b'"' || bytes[i] == b'\'') && (i == 0 || bytes[i - 1] != b'\\'));
    let at = match open {
        Some(i) => start + i..span.start.max(start + i + 1),
        None => span.clone(),
    };
    Diagnostic::error(
        "toml-syntax",
        "this string is not closed: add the closing quote",
        Some(at),
    )
    .with_hint("for text over several lines use triple quotes `\"\"\"...\"\"\"`")
}

fn other(span: &Span, message: &str) -> Diagnostic {
    let first = message.lines().next().unwrap_or("invalid TOML");
    let d = Diagnostic::error(
        "toml-syntax",
        format!("invalid TOML: {first}"),
        Some(span.clone()),
    );
    match hint(message) {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

fn hint(message: &str) -> Option<&'static str> {
    let m = message.to_lowercase();
    let hint = if m.contains("invalid basic string")
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
    Some(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<(String, usize)> {
        let (_, found) = toml::de::DeTable::parse_recoverable(text);
        errors(&found, text)
            .into_iter()
            .map(|d| {
                let line = line_number(text, d.span.map_or(0, |s| s.start));
                (d.message, line)
            })
            .collect()
    }

    #[test]
    fn names_duplicate_keys_and_their_first_line() {
        assert_eq!(
            check("[t]\na = 1\nb = 2\na = 3\n"),
            vec![(
                "invalid TOML: duplicate key `a` (first on line 2)".into(),
                4
            )]
        );
        assert_eq!(
            check("[t]\nx.y = 1\nx.y = 2\n"),
            vec![(
                "invalid TOML: duplicate key `x.y` (first on line 2)".into(),
                3
            )]
        );
        assert_eq!(
            check("t = { a = 1, a = 2 }\n"),
            vec![(
                "invalid TOML: duplicate key `a` (first on line 1)".into(),
                1
            )]
        );
    }

    #[test]
    fn a_repeated_header_is_one_error() {
        assert_eq!(
            check("[[p]]\n[p.s]\nid = 1\n[p.s]\nid = 2\nt = 3\n"),
            vec![(
                "invalid TOML: duplicate key `s` (first on line 2)".into(),
                4
            )]
        );
    }

    #[test]
    fn unclosed_strings_point_at_the_opening_quote() {
        let text = "a = 1\nb = \"abc\n";
        let (_, found) = toml::de::DeTable::parse_recoverable(text);
        let d = errors(&found, text);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "this string is not closed: add the closing quote"
        );
        assert_eq!(d[0].span, Some(10..14));
        assert_eq!(
            check("a = \"\"\"abc\n")[0].0,
            "this multi-line string is not closed: add the closing `\"\"\"`"
        );
    }
}
