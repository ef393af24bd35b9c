//! Plain text for paper and terminals: every line fits [`WIDTH`] columns
//! (display width, so accents and wide characters count right), text is
//! wrapped at words and commands at spaces, with hanging indents.

use super::doc::{Block, Detail, Doc, Item, Section, TreeLine};
use textwrap::core::display_width;
use textwrap::{Options, WordSplitter};

pub const WIDTH: usize = 80;

pub fn render(doc: &Doc) -> String {
    let mut out = Vec::new();
    out.push("=".repeat(WIDTH));
    out.extend(wrap(&doc.title, "", ""));
    out.extend(wrap(&doc.kind, "", ""));
    out.push("=".repeat(WIDTH));
    for s in &doc.sections {
        section(&mut out, s);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn section(out: &mut Vec<String>, s: &Section) {
    if let Some(t) = &s.title {
        out.push(String::new());
        out.push(String::new());
        let mut title = t.to_uppercase();
        if let Some(a) = &s.aside {
            title.push_str(&format!(" · {a}"));
        }
        let lines = wrap(&title, "", "");
        let rule = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
        out.extend(lines);
        out.push("=".repeat(rule));
    }
    for b in &s.blocks {
        out.push(String::new());
        block(out, b);
    }
}

fn block(out: &mut Vec<String>, b: &Block) {
    match b {
        Block::Fields(fields) => fields_line(out, fields),
        Block::Blanks(labels) => blanks(out, labels),
        Block::Heading { text, aside } => {
            let text = match aside {
                Some(a) => format!("{text} · {a}"),
                None => text.clone(),
            };
            let lines = wrap(&text, "", "");
            let rule = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
            out.extend(lines);
            out.push("-".repeat(rule));
        }
        Block::Items(items) => {
            let id_width = items
                .iter()
                .filter_map(|i| i.id.as_deref())
                .map(display_width)
                .max()
                .unwrap_or(0)
                .min(10);
            for (n, i) in items.iter().enumerate() {
                // Items with details are set apart; bare ones stay together.
                if n > 0 && (!i.details.is_empty() || !items[n - 1].details.is_empty()) {
                    out.push(String::new());
                }
                item(out, i, id_width);
            }
        }
        Block::Bullets(list) => {
            for b in list {
                out.extend(wrap(b, "- ", "  "));
            }
        }
        Block::Text(t) => out.extend(wrap(t, "", "")),
        Block::Tree(lines) => tree(out, lines),
        // Commands to paste: a wrapped command would not run.
        Block::Code(lines) => out.extend(lines.iter().map(|l| format!("  {l}"))),
    }
}

/// `Label: value` pairs packed on as few lines as fit.
fn fields_line(out: &mut Vec<String>, fields: &[(String, String)]) {
    let mut line = String::new();
    for (label, value) in fields {
        let field = format!("{label}: {value}");
        let w = display_width(&field);
        if !line.is_empty() && display_width(&line) + 3 + w <= WIDTH {
            line.push_str("   ");
            line.push_str(&field);
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if w <= WIDTH {
            line = field;
        } else {
            out.extend(wrap(&field, "", "    "));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
}

/// Two blanks a line; an odd last one (the signature) gets a whole line.
fn blanks(out: &mut Vec<String>, labels: &[String]) {
    let half = (WIDTH - 2) / 2;
    let cell = |label: &str, width: usize| {
        let head = format!("{label}: ");
        let rule = width.saturating_sub(display_width(&head)).max(8);
        format!("{head}{}", "_".repeat(rule))
    };
    for (n, pair) in labels.chunks(2).enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        match pair {
            [a, b] => out.push(format!("{}  {}", cell(a, half), cell(b, half))),
            [a] => out.push(cell(a, WIDTH)),
            _ => {}
        }
    }
}

fn item(out: &mut Vec<String>, i: &Item, id_width: usize) {
    let mut prefix = String::new();
    if let Some(m) = i.mark {
        prefix.push_str(m.symbol());
        prefix.push(' ');
    } else {
        prefix.push_str("- ");
    }
    if id_width > 0 {
        let id = i.id.as_deref().unwrap_or("");
        let pad = id_width.saturating_sub(display_width(id));
        prefix.push_str(id);
        prefix.push_str(&" ".repeat(pad + 2));
    }
    let indent = " ".repeat(display_width(&prefix).min(16));
    let mut title = i.title.clone();
    for f in &i.flags {
        title.push_str(&format!(" [{f}]"));
    }
    match &i.aside {
        // A short aside goes on the right of the first line.
        Some(aside) if display_width(aside) + display_width(&prefix) + 20 <= WIDTH => {
            let aw = display_width(aside);
            let mut lines = wrap_width(&title, &prefix, &indent, WIDTH - aw - 2, false);
            let first = &mut lines[0];
            let gap = WIDTH - aw - display_width(first);
            first.push_str(&" ".repeat(gap));
            first.push_str(aside);
            out.extend(lines);
        }
        Some(aside) => {
            out.extend(wrap(&title, &prefix, &indent));
            out.extend(wrap(aside, &indent, &indent));
        }
        None => out.extend(wrap(&title, &prefix, &indent)),
    }
    for d in &i.details {
        detail(out, d, &indent);
    }
}

fn detail(out: &mut Vec<String>, d: &Detail, indent: &str) {
    match d {
        Detail::Line {
            label,
            text,
            strong,
        } => {
            let mut line = match label {
                Some(l) => format!("{l}: {text}"),
                None => text.clone(),
            };
            if *strong {
                line = format!("!! {line}");
            }
            out.extend(wrap(&line, indent, &format!("{indent}  ")));
        }
        Detail::Code { label, commands } => {
            let head = label.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
            let pad = " ".repeat(display_width(&head));
            for (n, command) in commands.iter().enumerate() {
                for (k, line) in command.lines().enumerate() {
                    let lead = if n == 0 && k == 0 { &head } else { &pad };
                    let sigil = if k == 0 { "$ " } else { "  " };
                    let first = format!("{indent}{lead}{sigil}");
                    let rest = format!("{indent}{pad}      ");
                    let line = line.replace('\t', "    ");
                    out.extend(wrap_width(&line, &first, &rest, WIDTH, true));
                }
            }
        }
    }
}

fn tree(out: &mut Vec<String>, lines: &[TreeLine]) {
    for l in lines {
        let indent = " ".repeat((l.depth * 4).min(WIDTH / 2));
        let lead = match &l.branch {
            Some(b) => format!("{indent}{b} → "),
            None => indent.clone(),
        };
        let rest = " ".repeat(display_width(&lead).min(WIDTH / 2 + 8));
        let text = if l.strong {
            format!("!! {}", l.text)
        } else {
            l.text.clone()
        };
        out.extend(wrap(&text, &lead, &rest));
    }
}

fn wrap(text: &str, first: &str, rest: &str) -> Vec<String> {
    wrap_width(text, first, rest, WIDTH, false)
}

/// Wraps at spaces; a word longer than the line is broken. `code` keeps
/// hyphenated options (`--no-owner`) whole.
fn wrap_width(text: &str, first: &str, rest: &str, width: usize, code: bool) -> Vec<String> {
    let mut options = Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true);
    if code {
        options = options.word_splitter(WordSplitter::NoHyphenation);
    }
    let lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect();
    if lines.is_empty() {
        vec![first.trim_end().to_string()]
    } else {
        lines
    }
}
