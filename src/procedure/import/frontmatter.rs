//! What comes before the Markdown: a YAML front matter (`---`), a TOML one
//! (`+++`, Runme/Hugo), or a shebang line (Rundown). It is cut out of the
//! text (replaced by empty lines, so line numbers stay) and read as simple
//! `key: value` pairs.

use super::blocks::Lines;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Yaml,
    Toml,
    Shebang,
}

#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub kind: Kind,
    pub lines: Lines,
    /// The lines between the delimiters (or the shebang line).
    pub raw: String,
    /// `key: value` pairs with their 1-based line (YAML only).
    pub pairs: Vec<Pair>,
}

#[derive(Debug, Clone)]
pub struct Pair {
    pub key: String,
    pub value: Value,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    One(String),
    List(Vec<String>),
}

impl Value {
    pub fn joined(&self) -> String {
        match self {
            Value::One(s) => s.clone(),
            Value::List(items) => items.join(", "),
        }
    }
}

/// Splits off front matter. Returns what was found and the text with those
/// lines emptied.
pub fn split(text: &str) -> (Vec<FrontMatter>, Cow<'_, str>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut found = Vec::new();
    let mut blank_until = 0; // lines [0, blank_until) are emptied
    let mut at = 0;
    if lines.first().is_some_and(|l| l.starts_with("#!")) {
        found.push(FrontMatter {
            kind: Kind::Shebang,
            lines: Lines::one(1),
            raw: lines[0].to_string(),
            pairs: Vec::new(),
        });
        at = 1;
        blank_until = 1;
    }
    let delimiter = lines.get(at).map(|l| l.trim_end());
    let kind = match delimiter {
        Some("---") => Some(Kind::Yaml),
        Some("+++") => Some(Kind::Toml),
        _ => None,
    };
    if let Some(kind) = kind {
        let close = if kind == Kind::Yaml {
            &["---", "..."][..]
        } else {
            &["+++"][..]
        };
        if let Some(end) = (at + 1..lines.len()).find(|&i| close.contains(&lines[i].trim_end())) {
            let raw = lines[at + 1..end].join("\n");
            let pairs = if kind == Kind::Yaml {
                yaml_pairs(&lines[at + 1..end], at + 2)
            } else {
                Vec::new()
            };
            // A YAML block of prose is a thematic break, not front matter.
            if kind == Kind::Toml || !pairs.is_empty() {
                found.push(FrontMatter {
                    kind,
                    lines: Lines::new(at + 1, end + 1),
                    raw,
                    pairs,
                });
                blank_until = end + 1;
            }
        }
    }
    if blank_until == 0 {
        return (found, Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i >= blank_until {
            out.push_str(l);
        }
    }
    (found, Cow::Owned(out))
}

/// The flat subset of YAML front matters use: `key: value`,
/// `key: [a, b]`, and `key:` followed by `- item` lines.
fn yaml_pairs(lines: &[&str], first_line: usize) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(last) = out.last_mut() {
                let item = unquote(item);
                match &mut last.value {
                    Value::List(v) => v.push(item),
                    Value::One(s) if s.is_empty() => last.value = Value::List(vec![item]),
                    Value::One(_) => {}
                }
            }
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            continue; // nested mapping: kept in the raw text only
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim();
        if key.is_empty() || key.contains(' ') && key.split(' ').count() > 4 {
            continue;
        }
        let value = value.trim();
        let value = if value.starts_with('[') && value.ends_with(']') && value.len() >= 2 {
            Value::List(
                value[1..value.len() - 1]
                    .split(',')
                    .map(unquote)
                    .filter(|s| !s.is_empty())
                    .collect(),
            )
        } else {
            Value::One(unquote(value))
        };
        out.push(Pair {
            key: key.to_string(),
            value,
            line: first_line + i,
        });
    }
    out
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(s);
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let text = "---\nid: PROC-1\nrevisores: [Ana, Luis]\ntags:\n  - db\n  - prod\ntitulo: \"Hola\"\n---\n# T\n";
        let (fm, rest) = split(text);
        assert_eq!(fm.len(), 1);
        assert_eq!(fm[0].lines, Lines::new(1, 8));
        assert_eq!(
            fm[0].pairs[1].value,
            Value::List(vec!["Ana".into(), "Luis".into()])
        );
        assert_eq!(
            fm[0].pairs[2].value,
            Value::List(vec!["db".into(), "prod".into()])
        );
        assert_eq!(fm[0].pairs[3].value, Value::One("Hola".into()));
        assert_eq!(rest.lines().count(), text.lines().count());
        assert!(rest.ends_with("\n# T\n"));
    }

    #[test]
    fn shebang_and_toml() {
        let (fm, rest) = split("#!/usr/bin/env rundown\n+++\ncwd = '..'\n+++\n# T");
        assert_eq!(fm.len(), 2);
        assert_eq!(fm[0].kind, Kind::Shebang);
        assert_eq!(fm[1].kind, Kind::Toml);
        assert_eq!(rest, "\n\n\n\n# T");
    }

    #[test]
    fn a_rule_is_not_front_matter() {
        let (fm, rest) = split("---\nSolo texto.\n---\n");
        assert!(fm.is_empty());
        assert_eq!(rest, "---\nSolo texto.\n---\n");
    }
}
