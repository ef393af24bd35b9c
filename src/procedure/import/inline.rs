//! Inline Markdown content (text, code spans, emphasis, links) and the
//! plain-text views the importer reads it through.

use std::borrow::Cow;

/// One piece of inline content. Text borrows from the Markdown source
/// where the parser hands out a slice of it (most text), so the block
/// tree of a large document does not hold a second copy of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(Cow<'a, str>),
    Code(Cow<'a, str>),
    Strong(Vec<Inline<'a>>),
    Emph(Vec<Inline<'a>>),
    /// Boxed, as images are: the common variants stay small.
    Link(Box<Linked<'a>>),
    /// The text is the image's alternative text.
    Image(Box<Linked<'a>>),
    Html(Cow<'a, str>),
    /// A soft or hard line break.
    Break,
}

/// A link or an image: its text and address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked<'a> {
    pub text: Vec<Inline<'a>>,
    pub url: Cow<'a, str>,
}

impl Linked<'_> {
    fn into_owned(self) -> Box<Linked<'static>> {
        Box::new(Linked {
            text: owned_all(self.text),
            url: Cow::Owned(self.url.into_owned()),
        })
    }
}

impl Inline<'_> {
    /// The same content, owning its text (for blocks read from a string
    /// that does not outlive them).
    pub fn into_owned(self) -> Inline<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        match self {
            Inline::Text(t) => Inline::Text(own(t)),
            Inline::Code(t) => Inline::Code(own(t)),
            Inline::Strong(v) => Inline::Strong(owned_all(v)),
            Inline::Emph(v) => Inline::Emph(owned_all(v)),
            Inline::Link(l) => Inline::Link(l.into_owned()),
            Inline::Image(l) => Inline::Image(l.into_owned()),
            Inline::Html(t) => Inline::Html(own(t)),
            Inline::Break => Inline::Break,
        }
    }
}

/// [`Inline::into_owned`] of each.
pub fn owned_all(v: Vec<Inline<'_>>) -> Vec<Inline<'static>> {
    v.into_iter().map(Inline::into_owned).collect()
}

/// Plain text: code spans keep their backticks (so commands stay visible),
/// emphasis markers go, links show their address when it differs from the
/// text, breaks become newlines.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(&mut out, inlines, false);
    out.trim().to_string()
}

/// Like [`plain`] but code spans lose their backticks.
pub fn bare(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(&mut out, inlines, true);
    out.trim().to_string()
}

fn push_plain(out: &mut String, inlines: &[Inline], bare_code: bool) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Code(c) if bare_code => out.push_str(c),
            Inline::Code(c) => {
                out.push('`');
                out.push_str(c);
                out.push('`');
            }
            Inline::Strong(inner) | Inline::Emph(inner) => push_plain(out, inner, bare_code),
            Inline::Link(l) => {
                let Linked { text, url } = &**l;
                let before = out.len();
                push_plain(out, text, bare_code);
                let shown = out[before..].trim().to_string();
                if !url.is_empty() && shown != *url && !url.starts_with('#') {
                    if shown.is_empty() {
                        out.push_str(url);
                    } else {
                        out.push_str(" (");
                        out.push_str(url);
                        out.push(')');
                    }
                }
            }
            Inline::Image(l) => push_plain(out, &l.text, bare_code),
            Inline::Html(h) => {
                if !is_rundown_tag(h) {
                    out.push_str(h);
                }
            }
            Inline::Break => out.push('\n'),
        }
    }
}

/// `<r ...>`, `</r>`: Rundown's inline tags, read separately.
pub fn is_rundown_tag(html: &str) -> bool {
    let t = html.trim_start();
    t.starts_with("<r ") || t.starts_with("<r>") || t.starts_with("<r/") || t.starts_with("</r")
}

/// Splits inline content at line breaks.
pub fn lines<'a>(inlines: &[Inline<'a>]) -> Vec<Vec<Inline<'a>>> {
    let mut out = vec![Vec::new()];
    for i in inlines {
        match i {
            Inline::Break => out.push(Vec::new()),
            other => out.last_mut().expect("never empty").push(other.clone()),
        }
    }
    out.retain(|l| !plain(l).is_empty());
    out
}

/// Every code span, in order, with the plain text before it.
pub fn code_spans(inlines: &[Inline]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut before = String::new();
    collect_code(inlines, &mut before, &mut out);
    out
}

fn collect_code(inlines: &[Inline], before: &mut String, out: &mut Vec<(String, String)>) {
    for i in inlines {
        match i {
            Inline::Code(c) => {
                out.push((before.clone(), c.to_string()));
                before.push('`');
                before.push_str(c);
                before.push('`');
            }
            Inline::Text(t) => before.push_str(t),
            Inline::Strong(inner) | Inline::Emph(inner) => collect_code(inner, before, out),
            Inline::Link(l) | Inline::Image(l) => collect_code(&l.text, before, out),
            Inline::Html(_) => {}
            Inline::Break => before.push('\n'),
        }
    }
}

/// A `**Label:** value` (or `**Label**: value`) line: the label without its
/// colon, and the value's inlines. `None` when the line does not start with
/// a bold label ending in a colon.
pub fn label<'a>(line: &[Inline<'a>]) -> Option<(String, Vec<Inline<'a>>)> {
    let mut idx = 0;
    // Leading emoji or whitespace text before the bold label is allowed.
    while let Some(Inline::Text(t)) = line.get(idx) {
        if t.chars().all(|c| c.is_whitespace() || is_decoration(c)) {
            idx += 1;
        } else {
            break;
        }
    }
    let Some(Inline::Strong(inner)) = line.get(idx) else {
        return None;
    };
    let strong = plain(inner);
    let rest = &line[idx + 1..];
    let (label, value) = if let Some(l) = strong.strip_suffix(':') {
        (l.trim().to_string(), rest.to_vec())
    } else {
        // `**Label**: value`
        let mut rest = rest.to_vec();
        match rest.first_mut() {
            Some(Inline::Text(t)) if t.trim_start().starts_with(':') => {
                let trimmed = t.trim_start()[1..].to_string();
                if trimmed.is_empty() {
                    rest.remove(0);
                } else {
                    rest[0] = Inline::Text(trimmed.into());
                }
                (strong.trim().to_string(), rest)
            }
            _ => return None,
        }
    };
    if label.is_empty() || label.chars().count() > 60 {
        return None;
    }
    let mut value = value;
    if let Some(Inline::Text(t)) = value.first_mut() {
        *t = t.trim_start().to_string().into();
    }
    Some((label, value))
}

/// Emoji, symbols and marks that decorate headings and labels.
pub fn is_decoration(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x2190..=0x21FF   // arrows
        | 0x2300..=0x23FF // technical
        | 0x2460..=0x24FF // enclosed
        | 0x25A0..=0x27BF // shapes, misc symbols, dingbats
        | 0x2900..=0x297F
        | 0x2B00..=0x2BFF
        | 0xFE00..=0xFE0F // variation selectors
        | 0x200D          // zero width joiner
        | 0x20E3
        | 0x1F000..=0x1FAFF
        | 0xE0000..=0xE007F
    )
}

/// Removes leading and trailing emoji and symbols.
pub fn strip_decoration(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || is_decoration(c))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline<'_> {
        Inline::Text(s.into())
    }

    #[test]
    fn labels_in_both_colon_positions() {
        let a = vec![Inline::Strong(vec![t("Criticidad:")]), t(" ALTA")];
        let (l, v) = label(&a).unwrap();
        assert_eq!((l.as_str(), plain(&v).as_str()), ("Criticidad", "ALTA"));
        let b = vec![Inline::Strong(vec![t("Versión")]), t(": 3.0.0")];
        let (l, v) = label(&b).unwrap();
        assert_eq!((l.as_str(), plain(&v).as_str()), ("Versión", "3.0.0"));
        assert!(label(&[Inline::Strong(vec![t("WARNING")]), t(" never")]).is_none());
    }

    #[test]
    fn plain_keeps_code_and_links() {
        let x = vec![
            t("run "),
            Inline::Code("ls -l".into()),
            t(" see "),
            Inline::Link(Box::new(Linked {
                text: vec![t("docs")],
                url: "https://x".into(),
            })),
        ];
        assert_eq!(plain(&x), "run `ls -l` see docs (https://x)");
        assert_eq!(bare(&x), "run ls -l see docs (https://x)");
        assert_eq!(code_spans(&x)[0], ("run ".to_string(), "ls -l".to_string()));
    }
}
