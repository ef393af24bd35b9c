//! The repaired source by line, to keep pieces verbatim (notes keep the
//! author's Markdown), and small text helpers.

use super::blocks::{Block, BlockKind, Item, LineIndex, Lines};
use super::inline::plain;

pub struct Src<'t> {
    text: &'t str,
    /// Where each line starts (8 bytes a line, not a 16-byte slice).
    index: LineIndex,
}

impl<'t> Src<'t> {
    pub fn new(text: &'t str) -> Self {
        Src {
            text,
            index: LineIndex::new(text),
        }
    }

    /// How many lines the text has.
    pub fn count(&self) -> usize {
        self.index.count()
    }

    /// Line `n` (1-based), without its newline.
    fn line(&self, n: usize) -> &'t str {
        let start = self.index.start(n);
        let end = if n < self.count() {
            self.index.start(n + 1) - 1
        } else {
            self.text.len()
        };
        &self.text[start..end]
    }

    /// The lines verbatim, common indentation removed, blank edges trimmed.
    pub fn raw(&self, l: Lines) -> String {
        let first = l.first.max(1);
        let last = l.last.min(self.count());
        if first > last {
            return String::new();
        }
        let slice: Vec<&str> = (first..=last).map(|n| self.line(n)).collect();
        let slice = &slice[..];
        let indent = slice
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.len() - s.trim_start_matches([' ', '\t']).len())
            .min()
            .unwrap_or(0);
        let out: Vec<&str> = slice
            .iter()
            .map(|s| {
                if s.len() >= indent && s.is_char_boundary(indent) {
                    &s[indent..]
                } else {
                    s.trim_start()
                }
            })
            .map(str::trim_end)
            .collect();
        out.join("\n").trim_matches('\n').to_string()
    }
}

/// A list as text lines (`- [ ] item`, `1. item`), nested items indented,
/// code blocks inside items kept fenced.
pub fn list_text(ordered: Option<u64>, items: &[Item]) -> String {
    let mut out = Vec::new();
    push_list(&mut out, ordered, items, 0);
    out.join("\n")
}

fn push_list(out: &mut Vec<String>, ordered: Option<u64>, items: &[Item], depth: usize) {
    let pad = "  ".repeat(depth.min(8));
    for (i, item) in items.iter().enumerate() {
        let marker = match ordered {
            Some(n) => format!("{}.", n + i as u64),
            None => "-".to_string(),
        };
        let task = match item.task {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        let mut first = true;
        for b in &item.blocks {
            match &b.kind {
                BlockKind::Paragraph(p) if first => {
                    out.push(format!(
                        "{pad}{marker} {task}{}",
                        plain(p).replace('\n', " ")
                    ));
                    first = false;
                }
                other => {
                    if first {
                        out.push(format!("{pad}{marker} {task}").trim_end().to_string());
                        first = false;
                    }
                    push_block(out, other, depth + 1);
                }
            }
        }
        if first {
            out.push(format!("{pad}{marker} {task}").trim_end().to_string());
        }
    }
}

fn push_block(out: &mut Vec<String>, kind: &BlockKind, depth: usize) {
    let pad = "  ".repeat(depth.min(8));
    match kind {
        BlockKind::Paragraph(p) => out.push(format!("{pad}{}", plain(p).replace('\n', " "))),
        BlockKind::List { ordered, items } => push_list(out, *ordered, items, depth),
        BlockKind::Code { info, text } => {
            out.push(format!("{pad}```{info}"));
            out.extend(
                text.trim_end_matches('\n')
                    .lines()
                    .map(|l| format!("{pad}{l}")),
            );
            out.push(format!("{pad}```"));
        }
        BlockKind::Quote(blocks) => {
            for b in blocks {
                push_block(out, &b.kind, depth);
            }
        }
        BlockKind::Heading { text, .. } => out.push(format!("{pad}{}", plain(text))),
        BlockKind::Table { head, rows } => {
            out.push(format!(
                "{pad}{}",
                head.iter()
                    .map(|c| plain(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            for r in rows {
                out.push(format!(
                    "{pad}{}",
                    r.iter().map(|c| plain(c)).collect::<Vec<_>>().join(" | ")
                ));
            }
        }
        BlockKind::Html(h) => out.push(format!("{pad}{}", h.trim())),
        BlockKind::Rule => {}
    }
}

/// A block as text (paragraphs plain, the rest like [`list_text`]).
pub fn block_text(b: &Block) -> String {
    let mut out = Vec::new();
    push_block(&mut out, &b.kind, 0);
    out.join("\n")
}

/// `Verificar que ... sistema` shortened to a title.
pub fn title_of(text: &str) -> String {
    let first = text.lines().next().unwrap_or("").trim();
    let first = first.trim_end_matches([':', '.']).trim();
    let cut: String = first.chars().take(100).collect();
    if cut.len() < first.len() {
        match cut.rfind(' ') {
            Some(i) if i > 40 => format!("{}…", &cut[..i]),
            _ => format!("{cut}…"),
        }
    } else {
        cut
    }
}
