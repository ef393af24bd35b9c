//! Markdown text -> a tree of blocks (headings, paragraphs, lists, code,
//! tables, quotes, HTML), each with the source lines it came from.
//! pulldown-cmark does the parsing; this only shapes its events.

use super::inline::{Inline, Linked, owned_all};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// 1-based, inclusive line range in the (repaired) source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lines {
    pub first: usize,
    pub last: usize,
}

impl Lines {
    pub fn new(first: usize, last: usize) -> Self {
        Lines {
            first,
            last: last.max(first),
        }
    }
    pub fn one(line: usize) -> Self {
        Lines::new(line, line)
    }
    pub fn join(self, other: Lines) -> Lines {
        Lines::new(self.first.min(other.first), self.last.max(other.last))
    }
    pub fn count(self) -> usize {
        self.last + 1 - self.first
    }
}

/// A block of the Markdown source. Its text borrows from the source
/// (`'a`) wherever the parser hands out one contiguous slice of it.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub lines: Lines,
    pub kind: BlockKind<'a>,
}

#[derive(Debug, Clone)]
pub enum BlockKind<'a> {
    Heading {
        level: u8,
        text: Vec<Inline<'a>>,
    },
    Paragraph(Vec<Inline<'a>>),
    /// `ordered` holds the first number of an ordered list.
    List {
        ordered: Option<u64>,
        items: Vec<Item<'a>>,
    },
    Code {
        info: Cow<'a, str>,
        text: Cow<'a, str>,
    },
    Table {
        head: Vec<Vec<Inline<'a>>>,
        rows: Vec<Vec<Vec<Inline<'a>>>>,
    },
    Quote(Vec<Block<'a>>),
    Html(Cow<'a, str>),
    Rule,
}

#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub lines: Lines,
    /// `- [ ]` is `Some(false)`, `- [x]` is `Some(true)`.
    pub task: Option<bool>,
    pub blocks: Vec<Block<'a>>,
}

impl<'a> Item<'a> {
    /// The inline text of the item's first paragraph.
    pub fn head(&self) -> &[Inline<'a>] {
        match self.blocks.first().map(|b| &b.kind) {
            Some(BlockKind::Paragraph(p)) => p,
            _ => &[],
        }
    }
}

impl Block<'_> {
    /// The same block owning all its text.
    pub fn into_owned(self) -> Block<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        let kind = match self.kind {
            BlockKind::Heading { level, text } => BlockKind::Heading {
                level,
                text: owned_all(text),
            },
            BlockKind::Paragraph(p) => BlockKind::Paragraph(owned_all(p)),
            BlockKind::List { ordered, items } => BlockKind::List {
                ordered,
                items: items
                    .into_iter()
                    .map(|i| Item {
                        lines: i.lines,
                        task: i.task,
                        blocks: i.blocks.into_iter().map(Block::into_owned).collect(),
                    })
                    .collect(),
            },
            BlockKind::Code { info, text } => BlockKind::Code {
                info: own(info),
                text: own(text),
            },
            BlockKind::Table { head, rows } => BlockKind::Table {
                head: head.into_iter().map(owned_all).collect(),
                rows: rows
                    .into_iter()
                    .map(|r| r.into_iter().map(owned_all).collect())
                    .collect(),
            },
            BlockKind::Quote(b) => BlockKind::Quote(b.into_iter().map(Block::into_owned).collect()),
            BlockKind::Html(h) => BlockKind::Html(own(h)),
            BlockKind::Rule => BlockKind::Rule,
        };
        Block {
            lines: self.lines,
            kind,
        }
    }
}

/// Drops the spare capacity of a finished block's lists: the tree of a
/// large document holds hundreds of thousands of them, most with one or
/// two elements.
fn compact(kind: &mut BlockKind<'_>) {
    match kind {
        BlockKind::Heading { text: v, .. } | BlockKind::Paragraph(v) => exact(v),
        BlockKind::List { items, .. } => exact(items),
        BlockKind::Table { head, rows } => {
            head.iter_mut().for_each(exact);
            exact(head);
            for row in rows.iter_mut() {
                row.iter_mut().for_each(exact);
                exact(row);
            }
            exact(rows);
        }
        BlockKind::Quote(blocks) => exact(blocks),
        BlockKind::Code { .. } | BlockKind::Html(_) | BlockKind::Rule => {}
    }
}

/// Drops a list's spare capacity by moving it into a list of its exact
/// size. Unlike `shrink_to_fit` (which splits the block in place and
/// leaves the allocator odd-sized remainders, slowing every later
/// allocation of a large import), the old block goes back whole and is
/// reused by the next list that grows.
pub fn exact<T>(v: &mut Vec<T>) {
    if v.capacity() > v.len() {
        let mut fit = Vec::with_capacity(v.len());
        fit.append(v);
        *v = fit;
    }
}

/// Text the parser handed out: borrowed when it is a slice of the source.
fn cow<'t>(c: CowStr<'t>) -> Cow<'t, str> {
    match c {
        CowStr::Borrowed(s) => Cow::Borrowed(s),
        other => Cow::Owned(other.to_string()),
    }
}

/// `c` without surrounding white space, still borrowed when it was.
fn trim_cow(c: Cow<'_, str>) -> Cow<'_, str> {
    match c {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// Appends `piece` to `acc`, staying a slice of `base` while the pieces
/// are adjacent in it (a code block's lines at the top level).
fn append<'t>(base: &'t str, acc: &mut Cow<'t, str>, piece: CowStr<'t>) {
    if let (Cow::Borrowed(a), CowStr::Borrowed(b)) = (&*acc, &piece) {
        if a.is_empty() {
            *acc = Cow::Borrowed(b);
            return;
        }
        let start = base.as_ptr() as usize;
        let a_at = (a.as_ptr() as usize).wrapping_sub(start);
        let b_at = (b.as_ptr() as usize).wrapping_sub(start);
        if a_at <= base.len() && a_at + a.len() == b_at && b_at + b.len() <= base.len() {
            *acc = Cow::Borrowed(&base[a_at..b_at + b.len()]);
            return;
        }
    }
    acc.to_mut().push_str(&piece);
}

/// Nesting deeper than this is flattened, so hostile input cannot blow the
/// stack of the recursive passes that follow.
const MAX_DEPTH: usize = 48;

/// Line index of a text, for byte offset -> line.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts =
            Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }
    /// How many lines (one more than newlines).
    pub fn count(&self) -> usize {
        self.starts.len()
    }
    /// Byte offset where line `n` (1-based, at most [`Self::count`]) starts.
    pub fn start(&self, n: usize) -> usize {
        self.starts[n - 1]
    }
    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

enum Frame<'t> {
    Heading {
        level: u8,
        inlines: Vec<Inline<'t>>,
        start: usize,
    },
    Paragraph {
        inlines: Vec<Inline<'t>>,
        start: usize,
        end: usize,
        implicit: bool,
    },
    List {
        ordered: Option<u64>,
        items: Vec<Item<'t>>,
        start: usize,
    },
    Item {
        task: Option<bool>,
        blocks: Vec<Block<'t>>,
        start: usize,
        end: usize,
    },
    Quote {
        blocks: Vec<Block<'t>>,
        start: usize,
    },
    Code {
        info: Cow<'t, str>,
        text: Cow<'t, str>,
        start: usize,
    },
    Html {
        text: Cow<'t, str>,
        start: usize,
    },
    Table {
        head: Vec<Vec<Inline<'t>>>,
        rows: Vec<Vec<Vec<Inline<'t>>>>,
        row: Vec<Vec<Inline<'t>>>,
        cell: Vec<Inline<'t>>,
        start: usize,
    },
    Root {
        blocks: Vec<Block<'t>>,
    },
}

enum Span<'t> {
    Strong(Vec<Inline<'t>>),
    Emph(Vec<Inline<'t>>),
    Link(Cow<'t, str>, Vec<Inline<'t>>),
    Image(Cow<'t, str>, Vec<Inline<'t>>),
    Other(Vec<Inline<'t>>),
}

impl<'t> Span<'t> {
    fn inner(&mut self) -> &mut Vec<Inline<'t>> {
        match self {
            Span::Strong(v)
            | Span::Emph(v)
            | Span::Link(_, v)
            | Span::Image(_, v)
            | Span::Other(v) => v,
        }
    }
    fn finish(mut self) -> Vec<Inline<'t>> {
        exact(self.inner());
        match self {
            Span::Strong(v) => vec![Inline::Strong(v)],
            Span::Emph(v) => vec![Inline::Emph(v)],
            Span::Link(url, text) => vec![Inline::Link(Box::new(Linked { text, url }))],
            Span::Image(url, text) => vec![Inline::Image(Box::new(Linked { text, url }))],
            Span::Other(v) => v,
        }
    }
}

struct Builder<'t> {
    index: LineIndex,
    text: &'t str,
    frames: Vec<Frame<'t>>,
    spans: Vec<Span<'t>>,
    /// Container starts skipped because of [`MAX_DEPTH`].
    suppressed: usize,
}

/// Parses Markdown into blocks. Line numbers are those of `text`.
pub fn parse(text: &str) -> Vec<Block<'_>> {
    parse_at(text, 0, 0)
}

fn parse_at(text: &str, line_offset: usize, depth: usize) -> Vec<Block<'_>> {
    let defs = super::chunk::LinkDefs::of(text);
    let mut out = Vec::new();
    for piece in super::chunk::pieces(text) {
        parse_piece(
            piece.text,
            &defs,
            line_offset + piece.lines_before,
            depth,
            &mut out,
        );
    }
    out
}

/// Parses one piece (see [`super::chunk`]); its blocks go to `out` with
/// lines counted from the start of the document.
fn parse_piece<'t>(
    text: &'t str,
    defs: &super::chunk::LinkDefs<'t>,
    line_offset: usize,
    depth: usize,
    out: &mut Vec<Block<'t>>,
) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut b = Builder {
        index: LineIndex::new(text),
        text,
        frames: vec![Frame::Root { blocks: Vec::new() }],
        spans: Vec::new(),
        suppressed: 0,
    };
    // A reference whose definition is in another piece.
    let callback = |link: pulldown_cmark::BrokenLink<'t>| {
        defs.get(&link.reference)
            .map(|(url, title)| (url.into(), title.into()))
    };
    let parser = Parser::new_with_broken_link_callback(text, options, Some(callback));
    for (event, range) in parser.into_offset_iter() {
        b.event(event, range);
    }
    while b.frames.len() > 1 {
        b.close_top(text.len());
    }
    let Some(Frame::Root { blocks }) = b.frames.pop() else {
        return;
    };
    out.reserve(blocks.len());
    for mut block in blocks {
        shift(&mut block, line_offset);
        // Rundown's hidden blocks `<!--~ ... -->` hold real content.
        if let BlockKind::Html(h) = &block.kind
            && let Some(inner) = h.trim_start().strip_prefix("<!--~")
            && depth < 3
        {
            let inner = inner.trim_end().strip_suffix("-->").unwrap_or(inner);
            let first = block.lines.first;
            match &block.kind {
                BlockKind::Html(Cow::Borrowed(whole)) => {
                    // `inner` is a slice of `whole`, itself of `text`.
                    let at = inner.as_ptr() as usize - whole.as_ptr() as usize;
                    let inner: &'t str = &whole[at..at + inner.len()];
                    out.extend(parse_at(inner, first - 1, depth + 1));
                }
                _ => out.extend(
                    parse_at(inner, first - 1, depth + 1)
                        .into_iter()
                        .map(|b| b.into_owned()),
                ),
            }
            continue;
        }
        out.push(block);
    }
}

/// A fence nested inside another one closes the outer fence early; the
/// bare closing fence that follows then opens a new code block that
/// swallows the next sections (up to the next fence or the end). Such a
/// block has no language, holds Markdown headings and either runs to the
/// end unclosed or holds a fence line itself. Its content is read again as
/// Markdown. Returns the lines that had been swallowed.
pub fn reopen_swallowed<'t>(text: &str, blocks: &mut Vec<Block<'t>>) -> Vec<Lines> {
    // Line starts, not a list of line slices: half the size, and the
    // whole block tree is alive here.
    let index = LineIndex::new(text);
    let line_count = text.lines().count();
    let line = |n: usize| {
        if n == 0 || n > line_count {
            return "";
        }
        let start = index.starts[n - 1];
        let end = index.starts.get(n).map_or(text.len(), |e| e - 1);
        text[start..end].trim()
    };
    let mut out = Vec::new();
    // One pass into a new list: splicing in place would be quadratic in
    // documents with many such blocks.
    let mut kept: Vec<Block<'t>> = Vec::with_capacity(blocks.len());
    for b in std::mem::take(blocks) {
        let BlockKind::Code { info, text: code } = &b.kind else {
            kept.push(b);
            continue;
        };
        let opener = line(b.lines.first);
        let fenced = opener.starts_with("```") || opener.starts_with("~~~");
        let closer = line(b.lines.last);
        let closed = b.lines.last > b.lines.first
            && (closer.starts_with("```") || closer.starts_with("~~~"));
        let has_headings = code.lines().any(|l| {
            let hashes = l.chars().take_while(|c| *c == '#').count();
            (2..=6).contains(&hashes) && l[hashes..].starts_with(' ')
        });
        let inner_fence = code
            .lines()
            .any(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"));
        let swallowing = fenced
            && info.trim().is_empty()
            && has_headings
            && ((!closed && b.lines.last >= line_count) || inner_fence);
        if !swallowing {
            kept.push(b);
            continue;
        }
        let first = b.lines.first;
        let last = if closed {
            b.lines.last - 1
        } else {
            b.lines.last
        };
        out.push(Lines::new(first + 1, last.max(first + 1)));
        let reread: Vec<Block<'t>> = match code {
            Cow::Borrowed(code) => parse_at(code, first, 1),
            Cow::Owned(code) => parse_at(code, first, 1)
                .into_iter()
                .map(|b| b.into_owned())
                .collect(),
        };
        if reread.is_empty() {
            kept.push(b);
        } else {
            kept.extend(reread);
        }
    }
    *blocks = kept;
    out
}

fn shift(block: &mut Block<'_>, by: usize) {
    if by == 0 {
        return;
    }
    block.lines = Lines::new(block.lines.first + by, block.lines.last + by);
    match &mut block.kind {
        BlockKind::List { items, .. } => {
            for item in items {
                item.lines = Lines::new(item.lines.first + by, item.lines.last + by);
                for b in &mut item.blocks {
                    shift(b, by);
                }
            }
        }
        BlockKind::Quote(blocks) => {
            for b in blocks {
                shift(b, by);
            }
        }
        _ => {}
    }
}

impl<'t> Builder<'t> {
    fn lines(&self, start: usize, end: usize) -> Lines {
        let bytes = self.text.as_bytes();
        let mut end = end.min(bytes.len());
        while end > start + 1 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let end = end.max(start + 1).min(self.text.len().max(1));
        Lines::new(self.index.line(start), self.index.line(end - 1))
    }

    fn depth(&self) -> usize {
        self.frames.len()
    }

    fn event(&mut self, event: Event<'t>, range: std::ops::Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => {
                if let Some(Frame::Code { text, .. }) | Some(Frame::Html { text, .. }) =
                    self.frames.last_mut()
                {
                    append(self.text, text, t);
                } else {
                    self.inline(Inline::Text(cow(t)), range);
                }
            }
            Event::Code(c) => self.inline(Inline::Code(cow(c)), range),
            Event::Html(h) => {
                if let Some(Frame::Html { text, .. }) = self.frames.last_mut() {
                    append(self.text, text, h);
                } else {
                    self.inline(Inline::Html(cow(h)), range);
                }
            }
            Event::InlineHtml(h) => self.inline(Inline::Html(cow(h)), range),
            Event::SoftBreak | Event::HardBreak => self.inline(Inline::Break, range),
            Event::Rule => {
                self.close_implicit(range.start);
                let lines = self.lines(range.start, range.end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::Rule,
                });
            }
            Event::TaskListMarker(done) => {
                for f in self.frames.iter_mut().rev() {
                    if let Frame::Item { task, .. } = f {
                        *task = Some(done);
                        break;
                    }
                }
            }
            Event::FootnoteReference(r) => {
                self.inline(Inline::Text(format!("[^{r}]").into()), range)
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => {
                self.inline(Inline::Text(cow(m)), range)
            }
        }
    }

    fn start(&mut self, tag: Tag<'t>, range: std::ops::Range<usize>) {
        let s = range.start;
        let container = matches!(tag, Tag::List(_) | Tag::Item | Tag::BlockQuote(_));
        if container && (self.suppressed > 0 || self.depth() >= MAX_DEPTH) {
            self.suppressed += 1;
            return;
        }
        match tag {
            Tag::Paragraph => {
                self.close_implicit(s);
                self.frames.push(Frame::Paragraph {
                    inlines: Vec::new(),
                    start: s,
                    end: range.end,
                    implicit: false,
                });
            }
            Tag::Heading { level, .. } => {
                self.close_implicit(s);
                self.frames.push(Frame::Heading {
                    level: level as u8,
                    inlines: Vec::new(),
                    start: s,
                });
            }
            Tag::BlockQuote(_) => {
                self.close_implicit(s);
                self.frames.push(Frame::Quote {
                    blocks: Vec::new(),
                    start: s,
                });
            }
            Tag::CodeBlock(kind) => {
                self.close_implicit(s);
                let info = match kind {
                    CodeBlockKind::Fenced(info) => cow(info),
                    CodeBlockKind::Indented => Cow::Borrowed(""),
                };
                self.frames.push(Frame::Code {
                    info,
                    text: Cow::Borrowed(""),
                    start: s,
                });
            }
            Tag::HtmlBlock => {
                self.close_implicit(s);
                self.frames.push(Frame::Html {
                    text: Cow::Borrowed(""),
                    start: s,
                });
            }
            Tag::List(first) => {
                self.close_implicit(s);
                self.frames.push(Frame::List {
                    ordered: first,
                    items: Vec::new(),
                    start: s,
                });
            }
            Tag::Item => {
                self.frames.push(Frame::Item {
                    task: None,
                    blocks: Vec::new(),
                    start: s,
                    end: range.end,
                });
            }
            Tag::Table(_) => {
                self.close_implicit(s);
                self.frames.push(Frame::Table {
                    head: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    cell: Vec::new(),
                    start: s,
                });
            }
            Tag::TableHead | Tag::TableRow | Tag::TableCell => {}
            Tag::Strong => self.push_span(Span::Strong(Vec::new())),
            Tag::Emphasis => self.push_span(Span::Emph(Vec::new())),
            Tag::Link { dest_url, .. } => self.push_span(Span::Link(cow(dest_url), Vec::new())),
            Tag::Image { dest_url, .. } => self.push_span(Span::Image(cow(dest_url), Vec::new())),
            _ => self.push_span(Span::Other(Vec::new())),
        }
    }

    fn push_span(&mut self, span: Span<'t>) {
        if self.spans.len() >= MAX_DEPTH {
            // Too deep: keep the text, drop the nesting.
            self.spans.push(Span::Other(Vec::new()));
        } else {
            self.spans.push(span);
        }
    }

    fn end(&mut self, tag: TagEnd, range: std::ops::Range<usize>) {
        let container = matches!(tag, TagEnd::List(_) | TagEnd::Item | TagEnd::BlockQuote(_));
        if container && self.suppressed > 0 {
            self.suppressed -= 1;
            return;
        }
        match tag {
            TagEnd::Strong
            | TagEnd::Emphasis
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {
                if let Some(span) = self.spans.pop() {
                    for i in span.finish() {
                        self.inline_raw(i);
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { head, row, .. }) = self.frames.last_mut() {
                    *head = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.frames.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::TableCell => {
                self.flush_spans();
                if let Some(Frame::Table { row, cell, .. }) = self.frames.last_mut() {
                    row.push(std::mem::take(cell));
                }
            }
            TagEnd::Item => {
                self.close_implicit(range.end);
                self.close_top(range.end);
            }
            _ => self.close_top(range.end),
        }
    }

    /// Inline content: into the innermost span, else the current block.
    fn inline(&mut self, i: Inline<'t>, range: std::ops::Range<usize>) {
        if let Some(span) = self.spans.last_mut() {
            span.inner().push(i);
            return;
        }
        // Tight list items carry inline content without a paragraph.
        if matches!(
            self.frames.last(),
            Some(Frame::Item { .. }) | Some(Frame::Quote { .. }) | Some(Frame::Root { .. })
        ) {
            self.frames.push(Frame::Paragraph {
                inlines: Vec::new(),
                start: range.start,
                end: range.end,
                implicit: true,
            });
        }
        self.inline_raw_at(i, range.end);
    }

    fn inline_raw(&mut self, i: Inline<'t>) {
        if let Some(span) = self.spans.last_mut() {
            span.inner().push(i);
            return;
        }
        if matches!(
            self.frames.last(),
            Some(Frame::Item { .. }) | Some(Frame::Quote { .. }) | Some(Frame::Root { .. })
        ) {
            let start = self.frame_start();
            self.frames.push(Frame::Paragraph {
                inlines: Vec::new(),
                start,
                end: start + 1,
                implicit: true,
            });
        }
        self.inline_raw_at(i, 0);
    }

    fn frame_start(&self) -> usize {
        match self.frames.last() {
            Some(Frame::Item { start, .. }) | Some(Frame::Quote { start, .. }) => *start,
            _ => 0,
        }
    }

    fn inline_raw_at(&mut self, i: Inline<'t>, end_at: usize) {
        match self.frames.last_mut() {
            Some(Frame::Heading { inlines, .. }) => inlines.push(i),
            Some(Frame::Paragraph { inlines, end, .. }) => {
                inlines.push(i);
                *end = (*end).max(end_at);
            }
            Some(Frame::Table { cell, .. }) => cell.push(i),
            Some(Frame::Code { text, .. }) | Some(Frame::Html { text, .. }) => {
                if let Inline::Text(t) | Inline::Html(t) = i {
                    text.to_mut().push_str(&t);
                }
            }
            _ => {}
        }
    }

    fn flush_spans(&mut self) {
        while let Some(span) = self.spans.pop() {
            for i in span.finish() {
                self.inline_raw(i);
            }
        }
    }

    fn close_implicit(&mut self, at: usize) {
        if matches!(
            self.frames.last(),
            Some(Frame::Paragraph { implicit: true, .. })
        ) {
            self.close_top(at);
        }
    }

    fn close_top(&mut self, end: usize) {
        self.flush_spans();
        if self.frames.len() <= 1 {
            return;
        }
        let frame = self.frames.pop().expect("checked");
        match frame {
            Frame::Heading {
                level,
                inlines,
                start,
            } => {
                let lines = self.lines(start, end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::Heading {
                        level,
                        text: inlines,
                    },
                });
            }
            Frame::Paragraph {
                inlines,
                start,
                end: pend,
                implicit,
            } => {
                let end = if implicit { pend } else { end };
                let lines = self.lines(start, end);
                if !inlines.is_empty() {
                    self.push_block(Block {
                        lines,
                        kind: BlockKind::Paragraph(inlines),
                    });
                }
            }
            Frame::List {
                ordered,
                items,
                start,
            } => {
                let lines = self.lines(start, end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::List { ordered, items },
                });
            }
            Frame::Item {
                task,
                blocks,
                start,
                end: iend,
            } => {
                let lines = self.lines(start, iend.max(end.min(iend)));
                if let Some(Frame::List { items, .. }) = self.frames.last_mut() {
                    let mut blocks = blocks;
                    exact(&mut blocks);
                    items.push(Item {
                        lines,
                        task,
                        blocks,
                    });
                } else {
                    for b in blocks {
                        self.push_block(b);
                    }
                }
            }
            Frame::Quote { blocks, start } => {
                let lines = self.lines(start, end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::Quote(blocks),
                });
            }
            Frame::Code { info, text, start } => {
                let lines = self.lines(start, end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::Code {
                        info: trim_cow(info),
                        text,
                    },
                });
            }
            Frame::Html { text, start } => {
                let lines = self.lines(start, end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::Html(text),
                });
            }
            Frame::Table {
                head,
                mut rows,
                row,
                start,
                ..
            } => {
                if !row.is_empty() {
                    rows.push(row);
                }
                let lines = self.lines(start, end);
                self.push_block(Block {
                    lines,
                    kind: BlockKind::Table { head, rows },
                });
            }
            Frame::Root { blocks } => self.frames.push(Frame::Root { blocks }),
        }
    }

    fn push_block(&mut self, mut block: Block<'t>) {
        compact(&mut block.kind);
        match self.frames.last_mut() {
            Some(Frame::Root { blocks })
            | Some(Frame::Item { blocks, .. })
            | Some(Frame::Quote { blocks, .. }) => blocks.push(block),
            Some(Frame::List { items, .. }) => {
                // Content directly in a list (only after flattening): keep it.
                let lines = block.lines;
                items.push(Item {
                    lines,
                    task: None,
                    blocks: vec![block],
                });
            }
            _ => {
                // A block while an inline-only frame is open (never expected
                // from pulldown-cmark): put it in the nearest container.
                for f in self.frames.iter_mut().rev() {
                    if let Frame::Root { blocks }
                    | Frame::Item { blocks, .. }
                    | Frame::Quote { blocks, .. } = f
                    {
                        blocks.push(block);
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::import::inline::plain;

    #[test]
    fn shapes_the_common_blocks() {
        let md = "# T\n\nSome *text* with `code`.\n\n- [ ] uno\n- [x] dos\n  ```bash\n  ls\n  ```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n---\n";
        let blocks = parse(md);
        let kinds: Vec<&str> = blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::Paragraph(_) => "p",
                BlockKind::List { .. } => "l",
                BlockKind::Code { .. } => "c",
                BlockKind::Table { .. } => "t",
                BlockKind::Quote(_) => "q",
                BlockKind::Html(_) => "html",
                BlockKind::Rule => "r",
            })
            .collect();
        assert_eq!(kinds, vec!["h", "p", "l", "t", "q", "r"]);
        let BlockKind::List { items, .. } = &blocks[2].kind else {
            panic!()
        };
        assert_eq!(items[0].task, Some(false));
        assert_eq!(items[1].task, Some(true));
        assert_eq!(plain(items[1].head()), "dos");
        assert!(matches!(items[1].blocks[1].kind, BlockKind::Code { .. }));
        assert_eq!(items[1].lines, Lines::new(6, 9));
        assert_eq!(blocks[1].lines, Lines::one(3));
    }

    #[test]
    fn survives_deep_nesting() {
        let md = ">".repeat(5000) + " x\n" + &"- ".repeat(3000) + "y\n";
        let blocks = parse(&md);
        assert!(!blocks.is_empty());
    }

    #[test]
    fn reads_rundown_hidden_blocks() {
        let md = "a\n\n<!--~\n``` bash\nls\n```\n-->\n";
        let blocks = parse(md);
        let code = blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Code { .. }))
            .unwrap();
        assert_eq!(code.lines.first, 4);
    }

    #[test]
    fn a_large_document_parses_in_pieces_as_it_would_whole() {
        let unit = "## Paso 1\n\nLee la [guía][g] y ejecuta:\n\n```bash\necho a\n\n# comentario\necho b\n```\n\n\
- uno\n- dos\n\n<!--\n\n# oculto\n-->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
        let mut text = unit.repeat(super::super::chunk::WHOLE_BELOW / unit.len() * 3);
        text.push_str("[g]: https://example.org/guia \"Guía\"\n");
        assert!(super::super::chunk::pieces(&text).len() > 2);
        let mut whole = Vec::new();
        parse_piece(&text, &Default::default(), 0, 0, &mut whole);
        let pieces = parse(&text);
        assert_eq!(format!("{pieces:?}"), format!("{whole:?}"));
        assert!(format!("{pieces:?}").contains("https://example.org/guia"));
    }
}
