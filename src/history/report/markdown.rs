//! Writing Markdown that renders as written: escaped text, code spans that
//! survive backticks, tables whose cells survive `|` and newlines.

/// Text with every character Markdown could take as markup escaped
/// (CommonMark lets any ASCII punctuation be backslash-escaped). Line starts
/// are never left to the text: callers put a word or a cell border first.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An inline code span: fenced with more backticks than the text holds in
/// a row, padded when the text starts or ends with a backtick. Newlines
/// become spaces (a code span is one line).
pub fn code(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A command as one short code span: its first non-empty line, cut at
/// `max` characters, with `…` when anything was left out.
pub fn command(text: &str, max: usize) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    let mut shown: String = first.chars().take(max).collect();
    if shown.chars().count() < first.chars().count() || lines.next().is_some() {
        shown = shown.trim_end().to_string();
        shown.push('…');
    }
    code(&shown)
}

/// How a column lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A GFM table. Cells hold Markdown; a `|` in them is escaped (GFM splits
/// cells before parsing code spans, so this holds inside them too) and a
/// line break becomes `<br>`. Short rows are padded with empty cells.
pub fn table<S: AsRef<str>>(header: &[S], align: &[Align], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let row = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        let mut line = String::from("|");
        for i in 0..header.len() {
            let c = cells.get(i).map(String::as_str).unwrap_or("");
            let c = cell(c);
            if c.is_empty() {
                line.push_str("  |");
            } else {
                line.push(' ');
                line.push_str(&c);
                line.push_str(" |");
            }
        }
        line.push('\n');
        line
    };
    out.push_str(&row(&mut header.iter().map(|h| h.as_ref().to_string())));
    out.push('|');
    for i in 0..header.len() {
        out.push_str(match align.get(i) {
            Some(Align::Right) => "---:|",
            _ => "---|",
        });
    }
    out.push('\n');
    for r in rows {
        out.push_str(&row(&mut r.iter().cloned()));
    }
    out
}

fn cell(text: &str) -> String {
    text.trim()
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_spans() {
        assert_eq!(
            escape("a*b_c [x] <y> #1 R&D ~z -> \\"),
            "a\\*b\\_c \\[x\\] \\<y> #1 R\\&D \\~z -> \\\\"
        );
        assert_eq!(code("ls -l"), "`ls -l`");
        // Padded on both sides: CommonMark strips one space from each.
        assert_eq!(code("echo `date`"), "`` echo `date` ``");
        assert_eq!(code("a ``b``"), "``` a ``b`` ```");
        assert_eq!(
            command("tar -czf x.tgz app\nls", 72),
            "`tar -czf x.tgz app…`"
        );
        assert_eq!(command("abcdef", 3), "`abc…`");
        assert_eq!(command("\n  abc  \n", 3), "`abc`");
    }

    #[test]
    fn code_spans_parse_back_to_their_text() {
        use pulldown_cmark::{Event, Parser};
        for text in ["echo `date`", "a ``b``", "`", "x | y", "plain"] {
            let md = code(text);
            let codes: Vec<String> = Parser::new(&md)
                .filter_map(|e| match e {
                    Event::Code(c) => Some(c.to_string()),
                    _ => None,
                })
                .collect();
            assert_eq!(codes, [text], "{md}");
        }
    }

    #[test]
    fn tables_escape_cells() {
        let t = table(
            &["A", "B"],
            &[Align::Left, Align::Right],
            &[vec!["x | y".into(), "1\n2".into()], vec!["z".into()]],
        );
        assert_eq!(t, "| A | B |\n|---|---:|\n| x \\| y | 1<br>2 |\n| z |  |\n");
    }
}
