//! Markdown (CommonMark with GitHub task lists): to paste into a wiki or
//! a ticket. `<` and `&` from the procedure are escaped so its text can
//! never become HTML; commands go in fences longer than any backtick run
//! they contain.

use super::doc::{Block, Detail, Doc, Item, TreeLine};

pub fn render(doc: &Doc) -> String {
    let mut out = Vec::new();
    out.push(format!("# {}", esc(&doc.title)));
    out.push(String::new());
    out.push(format!("*{}*", esc(&doc.kind)));
    for s in &doc.sections {
        if let Some(t) = &s.title {
            out.push(String::new());
            match &s.aside {
                Some(a) => out.push(format!("## {} · *{}*", esc(t), esc(a))),
                None => out.push(format!("## {}", esc(t))),
            }
        }
        for b in &s.blocks {
            out.push(String::new());
            block(&mut out, b);
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn block(out: &mut Vec<String>, b: &Block) {
    match b {
        Block::Fields(fields) => {
            for (label, value) in fields {
                out.push(format!("- **{}:** {}", esc(label), esc(value)));
            }
        }
        Block::Blanks(labels) => {
            for l in labels {
                out.push(format!("- **{}:** {}", esc(l), "\\_".repeat(24)));
            }
        }
        Block::Heading { text, aside } => match aside {
            Some(a) => out.push(format!("### {} · {}", esc(text), esc(a))),
            None => out.push(format!("### {}", esc(text))),
        },
        Block::Items(items) => {
            for i in items {
                item(out, i);
            }
        }
        Block::Bullets(list) => {
            for b in list {
                out.push(format!("- {}", esc(b)));
            }
        }
        Block::Text(t) => out.push(esc(t)),
        Block::Tree(lines) => tree(out, lines),
        Block::Code(lines) => {
            let fence = "`".repeat(longest_backtick_run(&lines.join("\n")).max(2) + 1);
            out.push(format!("{fence}sh"));
            out.extend(lines.iter().cloned());
            out.push(fence);
        }
    }
}

fn item(out: &mut Vec<String>, i: &Item) {
    let mut head = String::from("- ");
    if let Some(m) = i.mark {
        head.push_str(m.symbol());
        head.push(' ');
    }
    if let Some(id) = &i.id {
        head.push_str(&format!("**{}** ", esc(id)));
    }
    head.push_str(&esc(&i.title));
    if let Some(a) = &i.aside {
        head.push_str(&format!(" · *{}*", esc(a)));
    }
    for f in &i.flags {
        head.push_str(&format!(" · **{}**", esc(f)));
    }
    out.push(head);
    for d in &i.details {
        match d {
            Detail::Line {
                label,
                text,
                strong,
            } => {
                let label = match (label, strong) {
                    (Some(l), true) => format!("**{}:** ", esc(l)),
                    (Some(l), false) => format!("*{}:* ", esc(l)),
                    (None, _) => String::new(),
                };
                out.push(format!("  - {label}{}", esc(text)));
            }
            Detail::Code { label, commands } => {
                let body = commands.join("\n");
                let fence = "`".repeat(longest_backtick_run(&body).max(2) + 1);
                let indent = match label {
                    Some(l) => {
                        out.push(format!("  - *{}:*", esc(l)));
                        "    "
                    }
                    None => "  ",
                };
                out.push(format!("{indent}{fence}sh"));
                for line in body.lines() {
                    out.push(format!("{indent}{line}"));
                }
                out.push(format!("{indent}{fence}"));
            }
        }
    }
}

fn tree(out: &mut Vec<String>, lines: &[TreeLine]) {
    for l in lines {
        let indent = "  ".repeat(l.depth);
        let lead = l
            .branch
            .as_ref()
            .map(|b| format!("*{}* → ", esc(b)))
            .unwrap_or_default();
        let text = if l.strong {
            format!("**{}**", esc(&l.text))
        } else {
            esc(&l.text)
        };
        out.push(format!("{indent}- {lead}{text}"));
    }
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in text.chars() {
        if c == '`' {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_outgrow_the_backticks_inside() {
        assert_eq!(longest_backtick_run("a ``` b `` c"), 3);
        assert_eq!(esc("<b>&"), "&lt;b>&amp;");
    }
}
