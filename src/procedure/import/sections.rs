//! Blocks -> a tree of sections by heading level. A section owns the blocks
//! between its heading and its first sub-heading.

use super::blocks::{Block, BlockKind, Lines, exact};
use super::inline::{Inline, is_rundown_tag, plain, strip_decoration};

#[derive(Debug)]
pub struct Section<'b> {
    /// `None` for the document root.
    pub heading: Option<&'b Block<'b>>,
    pub level: u8,
    /// The heading as plain text, without emoji or Rundown tags.
    pub title: String,
    /// What the title says the section is (`classify::role`), read once:
    /// the section readers ask it many times.
    pub role: crate::procedure::import::classify::Role,
    /// Rundown tags written in the heading (`<r label=build/>`).
    pub tags: Vec<String>,
    pub blocks: Vec<&'b Block<'b>>,
    pub children: Vec<Section<'b>>,
}

impl Section<'_> {
    /// Every line the section covers, heading included.
    pub fn lines(&self) -> Option<Lines> {
        let mut acc: Option<Lines> = self.heading.map(|h| h.lines);
        for b in &self.blocks {
            acc = Some(acc.map_or(b.lines, |a| a.join(b.lines)));
        }
        for c in &self.children {
            if let Some(l) = c.lines() {
                acc = Some(acc.map_or(l, |a| a.join(l)));
            }
        }
        acc
    }
}

pub fn build<'b>(blocks: &'b [Block<'b>]) -> Section<'b> {
    let mut stack: Vec<Section<'_>> = vec![Section {
        heading: None,
        level: 0,
        role: crate::procedure::import::classify::role(""),
        title: String::new(),
        tags: Vec::new(),
        blocks: Vec::new(),
        children: Vec::new(),
    }];
    for b in blocks {
        if let BlockKind::Heading { level, text } = &b.kind {
            let level = (*level).max(1);
            while stack.len() > 1 && stack.last().is_some_and(|s| s.level >= level) {
                let done = finished(stack.pop().expect("len > 1"));
                stack.last_mut().expect("root stays").children.push(done);
            }
            let (title, tags) = heading_text(text);
            stack.push(Section {
                heading: Some(b),
                level,
                role: crate::procedure::import::classify::role(&title),
                title,
                tags,
                blocks: Vec::new(),
                children: Vec::new(),
            });
        } else {
            stack.last_mut().expect("root stays").blocks.push(b);
        }
    }
    while stack.len() > 1 {
        let done = finished(stack.pop().expect("len > 1"));
        stack.last_mut().expect("root stays").children.push(done);
    }
    finished(stack.pop().expect("root"))
}

/// A section with no spare room in its lists (a large document has
/// hundreds of thousands of them).
fn finished(mut s: Section<'_>) -> Section<'_> {
    exact(&mut s.blocks);
    exact(&mut s.children);
    s
}

fn heading_text(inlines: &[Inline]) -> (String, Vec<String>) {
    let tags = inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Html(h) if is_rundown_tag(h) => Some(h.trim().to_string()),
            _ => None,
        })
        .collect();
    let text = plain(inlines).replace('\n', " ");
    (strip_decoration(&text), tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::import::blocks::parse;

    #[test]
    fn nests_by_level() {
        let blocks = parse("intro\n# A\ntext\n## B\n### C\n## D\n# E <r label=e/>\n");
        let root = build(&blocks);
        assert_eq!(root.blocks.len(), 1);
        assert_eq!(root.children.len(), 2);
        let a = &root.children[0];
        assert_eq!(a.title, "A");
        assert_eq!(
            a.children
                .iter()
                .map(|c| c.title.as_str())
                .collect::<Vec<_>>(),
            vec!["B", "D"]
        );
        assert_eq!(a.children[0].children[0].title, "C");
        assert_eq!(root.children[1].title, "E");
        assert_eq!(root.children[1].tags, vec!["<r label=e/>"]);
        assert_eq!(a.lines(), Some(Lines::new(2, 6)));
    }
}
