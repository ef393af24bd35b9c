//! The import report: for each source line range, where its content went
//! and what was guessed; what was done to the encoding; totals.

use super::blocks::Lines;
use super::encoding::plural;
use std::borrow::Cow;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Mapped to a field.
    Mapped,
    /// Kept as notes (of a step or of the procedure).
    Notes,
    /// A value the importer inferred or defaulted.
    Guess,
    /// Nothing to keep (separators, blank markup).
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub lines: Option<Lines>,
    pub kind: Kind,
    /// Where it went: `step 3 commands`, `[procedure] title`, `notes`.
    pub target: Cow<'static, str>,
    pub detail: Cow<'static, str>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub phases: usize,
    pub steps: usize,
    pub manual_steps: usize,
    pub rollback_steps: usize,
    /// Commands in steps, validations, rollbacks, prerequisites and troubleshooting.
    pub commands: usize,
    pub lines_to_notes: usize,
    pub repaired_segments: usize,
    pub variables: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub source: String,
    pub encoding: Vec<String>,
    pub entries: Vec<Entry>,
    pub totals: Totals,
    pub risks: Risks,
}

/// What an operator must know before running the import: the summary at
/// the end of the report, and what `--strict` counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Risks {
    /// What the document is (procedure, reference, index).
    pub document: Option<super::document::Kind>,
    /// Alternatives and conditions the importer had to decide about.
    pub choices: Vec<String>,
    /// Placeholders turned into variables, as written.
    pub placeholders: Vec<String>,
    /// Destructive commands and the step that now asks first.
    pub gated: Vec<Gated>,
    /// Commands that never end, marked interactive.
    pub streaming: Vec<String>,
    /// Text taken out of the commands (output, prose, SQL...).
    pub demoted: Vec<String>,
    /// Sections with content that produced no step.
    pub sections_without_step: Vec<String>,
    /// Commands of a reference document kept as `[[snippets]]`.
    pub snippets: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gated {
    pub step: String,
    pub command: String,
    pub pattern: &'static str,
    /// The source already asked for a confirmation.
    pub already: bool,
}

impl Risks {
    /// Things a person must review before the procedure is run.
    pub fn left_to_human(&self) -> usize {
        self.choices.len()
            + self.placeholders.len()
            + self.gated.iter().filter(|g| !g.already).count()
            + self.demoted.len()
            + self.sections_without_step.len()
            + usize::from(
                self.document
                    .is_some_and(|d| d != super::document::Kind::Procedure),
            )
    }
}

impl Report {
    pub fn add(
        &mut self,
        lines: Option<Lines>,
        kind: Kind,
        target: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) {
        self.entries.push(Entry {
            lines,
            kind,
            target: target.into(),
            detail: detail.into(),
        });
    }

    pub fn mapped(
        &mut self,
        lines: Lines,
        target: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) {
        self.add(Some(lines), Kind::Mapped, target, detail);
    }

    pub fn notes(
        &mut self,
        lines: Lines,
        target: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) {
        self.add(Some(lines), Kind::Notes, target, detail);
    }

    pub fn guess(
        &mut self,
        lines: Option<Lines>,
        target: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) {
        self.add(lines, Kind::Guess, target, detail);
    }

    /// Distinct source lines whose content went to notes.
    pub fn count_note_lines(&self) -> usize {
        let mut lines: Vec<usize> = self
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Notes)
            .filter_map(|e| e.lines)
            .flat_map(|l| l.first..=l.last)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        lines.len()
    }

    /// Entries in source order, consecutive ones with the same target and
    /// kind merged.
    pub fn merged(&self) -> Vec<Entry> {
        let mut sorted: Vec<(usize, &Entry)> = self.entries.iter().enumerate().collect();
        sorted.sort_by_key(|(i, e)| {
            (
                e.lines
                    .map(|l| (l.first, l.last))
                    .unwrap_or((usize::MAX, 0)),
                *i,
            )
        });
        let mut out: Vec<Entry> = Vec::new();
        for (_, e) in sorted {
            if let (Some(last), Some(l)) = (out.last_mut(), e.lines) {
                let adjacent = last.lines.is_some_and(|ll| l.first <= ll.last + 1);
                if adjacent
                    && last.kind == e.kind
                    && last.target == e.target
                    && last.detail == e.detail
                {
                    last.lines = last.lines.map(|ll| ll.join(l));
                    continue;
                }
            }
            out.push(e.clone());
        }
        out
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "pasos import report: {}", self.source);
        if self.encoding.is_empty() {
            let _ = writeln!(s, "encoding: UTF-8, nothing to repair");
        } else {
            for e in &self.encoding {
                let _ = writeln!(s, "encoding: {e}");
            }
        }
        let _ = writeln!(s);
        for e in self.merged() {
            let at = match e.lines {
                Some(l) if l.first == l.last => format!("line {}", l.first),
                Some(l) => format!("lines {}-{}", l.first, l.last),
                None => "-".to_string(),
            };
            let tag = match e.kind {
                Kind::Mapped => "",
                Kind::Notes => "[notes] ",
                Kind::Guess => "[guess] ",
                Kind::Skipped => "[skip] ",
            };
            let detail = if e.detail.is_empty() {
                String::new()
            } else {
                format!(": {}", e.detail)
            };
            let _ = writeln!(s, "{at:<14} {tag}-> {}{detail}", e.target);
        }
        let t = &self.totals;
        let _ = writeln!(
            s,
            "\nsummary: {} in {} ({} manual), {} rollback steps, {}, {}, {} sent to notes, {} repaired",
            plural(t.steps, "step"),
            plural(t.phases, "phase"),
            t.manual_steps,
            t.rollback_steps,
            plural(t.commands, "command"),
            plural(t.variables, "variable"),
            plural(t.lines_to_notes, "line"),
            plural(t.repaired_segments, "encoding segment"),
        );
        self.render_risks(&mut s);
        s
    }
}

impl Report {
    fn render_risks(&self, s: &mut String) {
        let r = &self.risks;
        let _ = writeln!(s, "\nrisk summary:");
        if let Some(d) = r.document {
            let _ = writeln!(s, "  document: {}", d.describe());
        }
        let groups: [(&str, Vec<String>); 7] = [
            (
                "destructive commands gated with confirm",
                r.gated
                    .iter()
                    .map(|g| format!("step {}: `{}` ({})", g.step, g.command, g.pattern))
                    .collect(),
            ),
            ("placeholders turned into variables", r.placeholders.clone()),
            ("choices and conditions to review", r.choices.clone()),
            (
                "interactive commands (sessions, follows, live views)",
                r.streaming.clone(),
            ),
            ("text taken out of the commands", r.demoted.clone()),
            (
                "sections that produced no step",
                r.sections_without_step.clone(),
            ),
            (
                "reference snippets (sent to the shell by hand, never run as steps)",
                r.snippets.clone(),
            ),
        ];
        for (n, (title, items)) in groups.into_iter().enumerate() {
            // Snippets exist only in reference documents: said only there.
            if n == 6 && items.is_empty() {
                continue;
            }
            let _ = writeln!(s, "  {title}: {}", items.len());
            for i in items {
                let _ = writeln!(s, "    - {i}");
            }
        }
        let _ = writeln!(s, "  left to a human: {}", r.left_to_human());
    }
}
