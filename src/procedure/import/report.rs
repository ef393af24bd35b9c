//! The import report: for each source line range, where its content went
//! and what was guessed; what was done to the encoding; totals.

use super::blocks::Lines;
use super::encoding::plural;
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
    pub target: String,
    pub detail: String,
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
}

impl Report {
    pub fn add(
        &mut self,
        lines: Option<Lines>,
        kind: Kind,
        target: impl Into<String>,
        detail: impl Into<String>,
    ) {
        self.entries.push(Entry {
            lines,
            kind,
            target: target.into(),
            detail: detail.into(),
        });
    }

    pub fn mapped(&mut self, lines: Lines, target: impl Into<String>, detail: impl Into<String>) {
        self.add(Some(lines), Kind::Mapped, target, detail);
    }

    pub fn notes(&mut self, lines: Lines, target: impl Into<String>, detail: impl Into<String>) {
        self.add(Some(lines), Kind::Notes, target, detail);
    }

    pub fn guess(
        &mut self,
        lines: Option<Lines>,
        target: impl Into<String>,
        detail: impl Into<String>,
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
        s
    }
}
