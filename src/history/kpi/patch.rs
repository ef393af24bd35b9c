//! The suggested estimates as a unified diff of the procedure file.
//!
//! Only the value of each concerned step's own `estimate = "..."` is
//! replaced (found by its byte span in the TOML, so the line's indentation,
//! comments and quoting style around it stay as they are); every other byte
//! of the file is kept. A step's rollback estimate (`rollback = { ...,
//! estimate = ".." }`) is not the step's and is never touched. The diff
//! names the file as given, for `patch -p0` / `git apply -p0` from the
//! directory the path is relative to.

use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A key of the file as the loader reads it: English, or the Spanish key
/// the loader accepts for it (`fases`, `pasos`, `estimado`…).
fn is_key(key: &str, english: &str) -> bool {
    key == english || crate::procedure::spanish_key(key) == Some(english)
}

fn get<'a, 'i>(t: &'a DeTable<'i>, english: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    t.iter()
        .find(|(k, _)| is_key(k.get_ref(), english))
        .map(|(_, v)| v)
}

fn tables<'a, 'i>(v: Option<&'a Spanned<DeValue<'i>>>) -> Vec<&'a DeTable<'i>> {
    match v.map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => a
            .iter()
            .filter_map(|x| match x.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn table<'a, 'i>(v: Option<&'a Spanned<DeValue<'i>>>) -> Option<&'a DeTable<'i>> {
    match v.map(|v| v.get_ref()) {
        Some(DeValue::Table(t)) => Some(t),
        _ => None,
    }
}

/// A string value and where it is written (quotes included).
fn string(v: Option<&Spanned<DeValue>>) -> Option<(String, Range<usize>)> {
    match v.map(|v| (v.get_ref(), v.span())) {
        Some((DeValue::String(s), span)) => Some((s.to_string(), span)),
        _ => None,
    }
}

/// A step of the file: its id and its own estimate, with its span.
struct Step {
    id: String,
    estimate: Option<(String, Range<usize>)>,
}

/// Why no diff could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchError {
    /// Not a TOML procedure (a Markdown runbook, or a broken file).
    NotToml,
    /// The file is another procedure: its id.
    OtherProcedure(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EstimatePatch {
    /// The unified diff; empty when nothing changes.
    pub diff: String,
    /// (step, old estimate, new estimate) of every line changed.
    pub changed: Vec<(String, String, String)>,
    /// (step, suggestion) of steps the file writes no `estimate` for.
    pub without_line: Vec<(String, String)>,
}

/// The diff that sets `changes` (step id, new estimate) in `text`, the
/// procedure `procedure_id`, shown as `path`.
pub fn estimate_patch(
    text: &str,
    path: &str,
    procedure_id: &str,
    changes: &[(String, String)],
) -> Result<EstimatePatch, PatchError> {
    let root = DeTable::parse(text).map_err(|_| PatchError::NotToml)?;
    let root = root.get_ref();
    let (id, _) = string(table(get(root, "procedure")).and_then(|m| get(m, "id")))
        .ok_or(PatchError::NotToml)?;
    if id != procedure_id {
        return Err(PatchError::OtherProcedure(id));
    }
    let rollback = table(get(root, "rollback"));
    let steps: Vec<Step> = tables(get(root, "phases"))
        .into_iter()
        .flat_map(|p| tables(get(p, "steps")))
        .chain(rollback.into_iter().flat_map(|r| tables(get(r, "steps"))))
        .filter_map(|s| {
            Some(Step {
                id: string(get(s, "id"))?.0,
                estimate: string(get(s, "estimate")),
            })
        })
        .collect();
    let mut out = EstimatePatch::default();
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for (step, new) in changes {
        match steps.iter().find(|s| &s.id == step).map(|s| &s.estimate) {
            Some(Some((old, span))) => {
                spans.push((span.clone(), format!("\"{new}\"")));
                out.changed.push((step.clone(), old.clone(), new.clone()));
            }
            _ => out.without_line.push((step.clone(), new.clone())),
        }
    }
    spans.sort_by_key(|(r, _)| r.start);
    let mut edited = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (range, value) in &spans {
        edited.push_str(&text[at..range.start]);
        edited.push_str(value);
        at = range.end;
    }
    edited.push_str(&text[at..]);
    if edited != text {
        out.diff = similar::TextDiff::from_lines(text, &edited)
            .unified_diff()
            .context_radius(3)
            .header(path, path)
            .to_string();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "[procedure]\nid = \"P-1\"\n\n[[phases]]\nid = \"a\"\n\n[[phases.steps]]\nid = \"1\"\nestimate = '30s' # guessed\nrollback = { commands = [\"x\"], estimate = \"30s\" }\n\n[rollback]\nestimate = \"2m\"\n\n[[rollback.steps]]\nid = \"R1\"\ntitle = \"t\"\n";

    #[test]
    fn only_the_steps_own_estimate_changes() {
        let p = estimate_patch(
            FILE,
            "p.toml",
            "P-1",
            &[("1".into(), "1-2m".into()), ("R1".into(), "10s".into())],
        )
        .unwrap();
        assert_eq!(
            p.diff,
            "--- p.toml\n+++ p.toml\n@@ -6,7 +6,7 @@\n \n [[phases.steps]]\n id = \"1\"\n-estimate = '30s' # guessed\n+estimate = \"1-2m\" # guessed\n rollback = { commands = [\"x\"], estimate = \"30s\" }\n \n [rollback]\n"
        );
        assert_eq!(p.changed, vec![("1".into(), "30s".into(), "1-2m".into())]);
        assert_eq!(p.without_line, vec![("R1".into(), "10s".into())]);
    }

    #[test]
    fn spanish_keys_read_as_the_loader_reads_them() {
        let file = "[procedimiento]\nid = \"P-1\"\n\n[[fases]]\nid = \"a\"\n\n[[fases.pasos]]\nid = \"1\"\nestimado = \"30s\"\n";
        let p = estimate_patch(file, "p.toml", "P-1", &[("1".into(), "1m".into())]).unwrap();
        assert_eq!(p.changed, vec![("1".into(), "30s".into(), "1m".into())]);
        assert!(p.diff.contains("+estimado = \"1m\"\n"), "{}", p.diff);
    }

    #[test]
    fn refuses_other_files() {
        assert_eq!(
            estimate_patch("# Runbook\n\n1. do it\n", "r.md", "P-1", &[]),
            Err(PatchError::NotToml)
        );
        assert_eq!(
            estimate_patch(FILE, "p.toml", "P-2", &[]),
            Err(PatchError::OtherProcedure("P-1".into()))
        );
    }
}
