//! The suggested estimates as a unified diff of the procedure file.
//!
//! Only the value of each concerned step's own `estimate = "..."` is
//! replaced (found by its byte span in the TOML, so the line's indentation,
//! comments and quoting style around it stay as they are); every other byte
//! of the file is kept. A step's rollback estimate (`rollback = { ...,
//! estimate = ".." }`) is not the step's and is never touched. The diff
//! names the file as given, for `patch -p0` / `git apply -p0` from the
//! directory the path is relative to.

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
struct File {
    procedure: Option<Meta>,
    #[serde(default)]
    phases: Vec<Phase>,
    rollback: Option<Rollback>,
}

#[derive(Deserialize)]
struct Meta {
    id: Option<String>,
}

#[derive(Deserialize)]
struct Phase {
    #[serde(default)]
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Rollback {
    #[serde(default)]
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    id: String,
    estimate: Option<Spanned<String>>,
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
    let file: File = toml::from_str(text).map_err(|_| PatchError::NotToml)?;
    let id = file
        .procedure
        .and_then(|m| m.id)
        .ok_or(PatchError::NotToml)?;
    if id != procedure_id {
        return Err(PatchError::OtherProcedure(id));
    }
    let steps: Vec<Step> = file
        .phases
        .into_iter()
        .flat_map(|p| p.steps)
        .chain(file.rollback.into_iter().flat_map(|r| r.steps))
        .collect();
    let mut out = EstimatePatch::default();
    let mut spans: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (step, new) in changes {
        match steps.iter().find(|s| &s.id == step).map(|s| &s.estimate) {
            Some(Some(old)) => {
                spans.push((old.span(), format!("\"{new}\"")));
                out.changed
                    .push((step.clone(), old.get_ref().clone(), new.clone()));
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
