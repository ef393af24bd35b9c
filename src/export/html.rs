//! One self-contained HTML page: the stylesheet inline (screen and print,
//! A4 and Letter), no fonts, scripts or images from anywhere. Everything
//! from the procedure or the journal is escaped. The markup is also
//! well-formed XML (void elements self-closed), so a strict parser reads it.

use super::doc::{Block, Detail, Doc, Item, TreeLine};
use crate::i18n::Lang;

/// The print stylesheet, embedded in every page.
pub const PRINT_CSS: &str = include_str!("../../assets/print.css");

pub fn render(doc: &Doc) -> String {
    let lang = match doc.lang {
        Lang::Es => "es",
        Lang::En => "en",
    };
    let mut o = String::with_capacity(32 * 1024);
    o.push_str("<!DOCTYPE html>\n");
    o.push_str(&format!("<html lang=\"{lang}\">\n<head>\n"));
    o.push_str("<meta charset=\"utf-8\" />\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    o.push_str(&format!(
        "<title>{} · {}</title>\n",
        esc(&doc.title),
        esc(&doc.kind)
    ));
    o.push_str("<style>\n");
    o.push_str(PRINT_CSS);
    o.push_str("</style>\n</head>\n<body>\n");
    o.push_str(&format!(
        "<header class=\"doc\">\n<h1>{}</h1>\n<p class=\"kind\">{}</p>\n</header>\n",
        esc(&doc.title),
        esc(&doc.kind)
    ));
    for s in &doc.sections {
        o.push_str("<section>\n");
        if let Some(t) = &s.title {
            o.push_str(&format!("<h2>{}", esc(t)));
            if let Some(a) = &s.aside {
                o.push_str(&format!(" <span class=\"aside\">{}</span>", esc(a)));
            }
            o.push_str("</h2>\n");
        }
        for b in &s.blocks {
            block(&mut o, b);
        }
        o.push_str("</section>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}

fn block(o: &mut String, b: &Block) {
    match b {
        Block::Fields(fields) => {
            o.push_str("<dl class=\"fields\">\n");
            for (label, value) in fields {
                o.push_str(&format!(
                    "<div><dt>{}</dt><dd>{}</dd></div>\n",
                    esc(label),
                    esc(value)
                ));
            }
            o.push_str("</dl>\n");
        }
        Block::Blanks(labels) => {
            o.push_str("<div class=\"blanks\">\n");
            let odd = labels.len() % 2 == 1;
            for (n, l) in labels.iter().enumerate() {
                let wide = if odd && n + 1 == labels.len() {
                    " wide"
                } else {
                    ""
                };
                o.push_str(&format!(
                    "<div class=\"blank{wide}\"><span class=\"label\">{}</span><span class=\"line\"></span></div>\n",
                    esc(l)
                ));
            }
            o.push_str("</div>\n");
        }
        Block::Heading { text, aside } => {
            o.push_str(&format!("<h3>{}", esc(text)));
            if let Some(a) = aside {
                o.push_str(&format!(" <span class=\"aside\">{}</span>", esc(a)));
            }
            o.push_str("</h3>\n");
        }
        Block::Items(items) => {
            o.push_str("<ul class=\"items\">\n");
            for i in items {
                item(o, i);
            }
            o.push_str("</ul>\n");
        }
        Block::Bullets(list) => {
            o.push_str("<ul class=\"bullets\">\n");
            for b in list {
                o.push_str(&format!("<li>{}</li>\n", esc(b)));
            }
            o.push_str("</ul>\n");
        }
        Block::Text(t) => o.push_str(&format!("<p class=\"text\">{}</p>\n", esc(t))),
        Block::Tree(lines) => tree(o, lines),
        Block::Code(lines) => o.push_str(&format!(
            "<pre class=\"code\">{}</pre>\n",
            esc(&lines.join("\n"))
        )),
    }
}

fn item(o: &mut String, i: &Item) {
    o.push_str("<li class=\"item\">\n<div class=\"head\">");
    match i.mark {
        Some(m) => o.push_str(&format!(
            "<span class=\"box {}\">{}</span>",
            m.class(),
            m.glyph()
        )),
        None => o.push_str("<span class=\"dot\">•</span>"),
    }
    if let Some(id) = &i.id {
        o.push_str(&format!("<span class=\"id\">{}</span>", esc(id)));
    }
    o.push_str(&format!("<span class=\"title\">{}", esc(&i.title)));
    for f in &i.flags {
        o.push_str(&format!(" <span class=\"flag\">{}</span>", esc(f)));
    }
    o.push_str("</span>");
    if let Some(a) = &i.aside {
        o.push_str(&format!("<span class=\"aside\">{}</span>", esc(a)));
    }
    o.push_str("</div>\n");
    if !i.details.is_empty() {
        o.push_str("<div class=\"details\">\n");
        for d in &i.details {
            detail(o, d);
        }
        o.push_str("</div>\n");
    }
    o.push_str("</li>\n");
}

fn detail(o: &mut String, d: &Detail) {
    match d {
        Detail::Line {
            label,
            text,
            strong,
        } => {
            let class = if *strong { "line strong" } else { "line" };
            o.push_str(&format!("<p class=\"{class}\">"));
            if let Some(l) = label {
                o.push_str(&format!("<span class=\"label\">{}:</span> ", esc(l)));
            }
            o.push_str(&esc(text));
            o.push_str("</p>\n");
        }
        Detail::Code { label, commands } => {
            o.push_str("<div class=\"code\">");
            if let Some(l) = label {
                o.push_str(&format!("<span class=\"label\">{}:</span>", esc(l)));
            }
            o.push_str("<pre>");
            let mut first = true;
            for c in commands {
                for (k, line) in c.lines().enumerate() {
                    if !first {
                        o.push('\n');
                    }
                    first = false;
                    o.push_str(if k == 0 { "$ " } else { "  " });
                    o.push_str(&esc(line));
                }
            }
            o.push_str("</pre></div>\n");
        }
    }
}

/// Nested lists from the lines' depths (a line is at most one level
/// deeper than the one before it).
fn tree(o: &mut String, lines: &[TreeLine]) {
    o.push_str("<ul class=\"tree\">\n");
    let mut depth = 0;
    for (n, l) in lines.iter().enumerate() {
        let d = l.depth.min(depth + 1);
        if n > 0 && d > depth {
            o.push_str("\n<ul>\n");
        } else if n > 0 {
            o.push_str("</li>\n");
            for _ in d..depth {
                o.push_str("</ul>\n</li>\n");
            }
        }
        depth = if n == 0 { 0 } else { d };
        o.push_str("<li>");
        if let Some(b) = &l.branch {
            o.push_str(&format!("<span class=\"branch\">{} →</span> ", esc(b)));
        }
        if l.strong {
            o.push_str(&format!("<strong>{}</strong>", esc(&l.text)));
        } else {
            o.push_str(&esc(&l.text));
        }
    }
    if !lines.is_empty() {
        o.push_str("</li>\n");
        for _ in 0..depth {
            o.push_str("</ul>\n</li>\n");
        }
    }
    o.push_str("</ul>\n");
}

/// Escapes text for HTML element content and attribute values. Five
/// replacements do not call for a crate.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::doc::TreeLine;

    fn line(depth: usize, text: &str) -> TreeLine {
        TreeLine {
            depth,
            branch: None,
            text: text.into(),
            strong: false,
        }
    }

    #[test]
    fn trees_nest_and_close() {
        let mut o = String::new();
        tree(
            &mut o,
            &[
                line(0, "a"),
                line(1, "b"),
                line(2, "c"),
                line(1, "d"),
                line(0, "e"),
            ],
        );
        let compact: String = o.split_whitespace().collect();
        assert_eq!(
            compact,
            "<ulclass=\"tree\"><li>a<ul><li>b<ul><li>c</li></ul></li><li>d</li></ul></li><li>e</li></ul>"
        );
    }

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<script>\"x\" & 'y'\u{1b}"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\u{fffd}"
        );
    }
}
