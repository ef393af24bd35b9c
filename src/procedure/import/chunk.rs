//! Large Markdown is parsed in pieces, so the parser's tree of the whole
//! document never exists at once (a 50 MB runbook would need several
//! hundred megabytes for it). A piece ends just before an ATX heading at
//! the start of a line that follows a blank line, outside any fenced code
//! block or multi-line HTML block: CommonMark closes every open block
//! there, so the pieces parse exactly as the whole would. Link reference
//! definitions are the one thing that crosses pieces; [`LinkDefs`] keeps
//! them for the parser's broken-link callback.

use std::collections::HashMap;

/// Documents smaller than this are parsed in one go.
pub const WHOLE_BELOW: usize = 512 * 1024;
/// The size a piece grows to before it ends at the next safe heading.
const PIECE: usize = 256 * 1024;

/// A piece of the text and the number of lines before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'t> {
    pub text: &'t str,
    pub lines_before: usize,
}

/// Splits `text` into pieces of about [`PIECE`] bytes at safe headings.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    if text.len() < WHOLE_BELOW {
        return vec![Piece {
            text,
            lines_before: 0,
        }];
    }
    let mut out = Vec::new();
    let mut state = Open::None;
    let mut piece_start = 0;
    let mut piece_lines = 0;
    let mut line_no = 0;
    let mut previous_blank = true;
    let mut at = 0;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..end].trim_end_matches(['\n', '\r']);
        if state == Open::None
            && previous_blank
            && at - piece_start >= PIECE
            && is_atx_heading(line)
        {
            out.push(Piece {
                text: &text[piece_start..at],
                lines_before: piece_lines,
            });
            piece_start = at;
            piece_lines = line_no;
        }
        state = state.after(line);
        previous_blank = line.trim().is_empty();
        line_no += 1;
        at = end;
    }
    out.push(Piece {
        text: &text[piece_start..],
        lines_before: piece_lines,
    });
    out
}

/// What is open at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    /// A fence: its character and length.
    Fence(u8, usize),
    /// An HTML block that ends at a marker, not at a blank line.
    Html(&'static str),
}

impl Open {
    fn after(self, line: &str) -> Open {
        match self {
            Open::Fence(ch, len) => {
                let (c, n, rest) = fence(line);
                if c == ch && n >= len && rest.trim().is_empty() {
                    Open::None
                } else {
                    self
                }
            }
            Open::Html(end) => {
                if line.to_ascii_lowercase().contains(end) {
                    Open::None
                } else {
                    self
                }
            }
            Open::None => {
                let (c, n, rest) = fence(line);
                if n >= 3 && !(c == b'`' && rest.contains('`')) {
                    return Open::Fence(c, n);
                }
                match html_end(line) {
                    Some(end) if !line.to_ascii_lowercase().contains(end) => Open::Html(end),
                    _ => Open::None,
                }
            }
        }
    }
}

/// A fence line (up to 3 spaces, then 3+ backticks or tildes): its
/// character, length and what follows; length 0 when it is not one.
fn fence(line: &str) -> (u8, usize, &str) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return (0, 0, "");
    }
    let rest = &line[indent..];
    let Some(&c) = rest
        .as_bytes()
        .first()
        .filter(|c| **c == b'`' || **c == b'~')
    else {
        return (0, 0, "");
    };
    let n = rest.bytes().take_while(|b| *b == c).count();
    if n < 3 {
        return (0, 0, "");
    }
    (c, n, &rest[n..])
}

/// The end marker of an HTML block that a blank line does not end
/// (CommonMark kinds 1 to 5), when `line` starts one.
fn html_end(line: &str) -> Option<&'static str> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 || !t.starts_with('<') {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    for tag in ["script", "pre", "style", "textarea"] {
        if let Some(after) = lower[1..].strip_prefix(tag)
            && (after.is_empty() || after.starts_with([' ', '>', '\t']))
        {
            return Some(match tag {
                "script" => "</script>",
                "pre" => "</pre>",
                "style" => "</style>",
                _ => "</textarea>",
            });
        }
    }
    if lower.starts_with("<!--") {
        Some("-->")
    } else if lower.starts_with("<![cdata[") {
        Some("]]>")
    } else if lower.starts_with("<?") {
        Some("?>")
    } else if lower.len() > 2
        && lower.as_bytes()[1] == b'!'
        && lower.as_bytes()[2].is_ascii_alphabetic()
    {
        Some(">")
    } else {
        None
    }
}

/// `# x` .. `###### x` (or a bare `#`) at the start of the line.
fn is_atx_heading(line: &str) -> bool {
    let n = line.bytes().take_while(|b| *b == b'#').count();
    let rest = &line[n..];
    (1..=6).contains(&n) && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Link reference definitions (`[label]: url "title"`) of the whole text,
/// by normalised label, for links whose definition is in another piece.
#[derive(Debug, Default)]
pub struct LinkDefs<'t> {
    defs: HashMap<String, (&'t str, &'t str)>,
}

impl<'t> LinkDefs<'t> {
    /// Scans `text` only when it will be split.
    pub fn of(text: &'t str) -> Self {
        let mut defs = HashMap::new();
        if text.len() < WHOLE_BELOW {
            return LinkDefs { defs };
        }
        for line in text.lines() {
            if let Some((label, url, title)) = definition(line) {
                defs.entry(label_key(label)).or_insert((url, title));
            }
        }
        LinkDefs { defs }
    }

    /// The url and title a reference names.
    pub fn get(&self, reference: &str) -> Option<(&'t str, &'t str)> {
        self.defs.get(&label_key(reference)).copied()
    }
}

fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `[label]: url` with an optional quoted title, on one line.
fn definition(line: &str) -> Option<(&str, &str, &str)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let rest = t.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    if label.trim().is_empty() || label.contains(['[', ']']) {
        return None;
    }
    let after = rest[close + 2..].trim();
    let (url, title) = match after.split_once([' ', '\t']) {
        Some((u, t)) => (u, t.trim()),
        None => (after, ""),
    };
    if url.is_empty() {
        return None;
    }
    let url = url
        .strip_prefix('<')
        .and_then(|u| u.strip_suffix('>'))
        .unwrap_or(url);
    let title = title
        .strip_prefix(['"', '\'', '('])
        .map(|t| t.trim_end_matches(['"', '\'', ')']))
        .unwrap_or(title);
    Some((label, url, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(unit: &str) -> String {
        unit.repeat(WHOLE_BELOW / unit.len() + PIECE / unit.len() * 3)
    }

    #[test]
    fn small_text_is_one_piece() {
        let p = pieces("# A\n\ntext\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].lines_before, 0);
    }

    #[test]
    fn pieces_cover_the_text_and_count_lines() {
        let text = big("## Paso\n\ntexto\n\n```bash\necho hola\n```\n\n");
        let p = pieces(&text);
        assert!(p.len() > 2, "{}", p.len());
        assert_eq!(p.iter().map(|x| x.text).collect::<String>(), text);
        let mut before = 0;
        for x in &p {
            assert_eq!(x.lines_before, before);
            assert!(x.text.starts_with("## Paso"));
            before += x.text.matches('\n').count();
        }
    }

    #[test]
    fn never_splits_inside_a_fence_or_a_comment() {
        // Every `# ` line after a blank line is inside a fence or comment.
        let unit = "```bash\necho a\n\n# not a heading\n```\n\n<!--\n\n# hidden\n-->\n\n";
        let text = format!("# Top\n\n{}", big(unit));
        let p = pieces(&text);
        assert_eq!(p.len(), 1);
        let tilde = format!("# Top\n\n~~~\n{}", big("\n# comment\n```\n"));
        assert_eq!(pieces(&tilde).len(), 1);
    }

    #[test]
    fn an_unclosed_fence_keeps_the_rest_together() {
        let text = format!("{}```\n{}", big("## A\n\nx\n\n"), big("\n# b\n"));
        let p = pieces(&text);
        let last = p.last().expect("one");
        assert!(last.text.contains("```\n"));
        assert!(last.text.ends_with("# b\n"));
    }

    #[test]
    fn headings_and_fences_are_recognised() {
        assert!(is_atx_heading("# a"));
        assert!(is_atx_heading("###### a"));
        assert!(is_atx_heading("##"));
        assert!(!is_atx_heading("####### a"));
        assert!(!is_atx_heading("#a"));
        assert!(!is_atx_heading(" # a"));
        assert_eq!(fence("   ```bash").1, 3);
        assert_eq!(fence("    ```").1, 0);
        assert_eq!(Open::None.after("``` a ` b"), Open::None);
        assert_eq!(Open::None.after("<div>"), Open::None);
        assert_eq!(Open::None.after("<!-- a -->"), Open::None);
        assert_eq!(Open::None.after("<!--~"), Open::Html("-->"));
        assert_eq!(Open::None.after("<pre>"), Open::Html("</pre>"));
    }

    #[test]
    fn link_definitions_are_found_by_label() {
        let text = big("[Guía]: https://x.example/a \"t\"\n\n");
        let defs = LinkDefs::of(&text);
        assert_eq!(defs.get("guía"), Some(("https://x.example/a", "t")));
        assert_eq!(defs.get("GUÍA"), Some(("https://x.example/a", "t")));
        assert_eq!(defs.get("other"), None);
        assert_eq!(definition("[a]: <u>"), Some(("a", "u", "")));
        assert_eq!(definition("    [a]: u"), None);
        assert_eq!(definition("[a]:"), None);
    }
}
