//! One step being assembled from the blocks under its heading (or from a
//! list item): the template's labelled fields, commands from code blocks,
//! inline code and bare bullets, expected output, on-failure hints and the
//! step's own rollback. Whatever fits no field goes to the step's notes.

use super::blocks::{Block, BlockKind, Item, Lines};
use super::duration::{self, Found};
use super::fence::{self, Class};
use super::freeform::{self, Context};
use super::inline::{self, Inline, plain};
use super::msg::{Msg, StepNo};
use super::report::{Kind, Report};
use super::shell;
use super::template::{StepField, step_field};
use super::text::{Src, block_text, list_text};
use crate::procedure::estimate::Estimate;
use crate::procedure::keyword::{Criticality, Keyword};
use crate::procedure::model::{Command, Step, StepRollback, StepUndo, Validation};

mod code;
mod field;
mod list;
mod prose;

#[derive(Debug, Clone, Default)]
pub struct StepDraft {
    /// Draft number, used in report targets until ids are final.
    pub no: usize,
    pub title: String,
    pub explicit_id: Option<String>,
    pub lines: Option<Lines>,
    /// A `(lo-hi min)` range from the heading, for time-window detection.
    pub heading_range: Option<Estimate>,
    pub estimate: Option<Estimate>,
    pub criticality: Option<Criticality>,
    pub confirm: bool,
    pub instructions: Vec<String>,
    /// WARNING / ADVERTENCIA / ⚠️ paragraphs: shown before the step runs.
    pub warnings: Vec<String>,
    pub commands: Vec<Command>,
    pub expected: Vec<String>,
    pub validation: Option<Command>,
    pub on_failure: Vec<String>,
    pub notes: Vec<String>,
    pub undo_commands: Vec<Command>,
    pub undo_text: Vec<String>,
    pub rollback_available: Option<bool>,
    pending: Option<Pending>,
    last_was_shell: bool,
}

#[derive(Debug, Clone)]
enum Pending {
    Field(StepField),
    /// An unknown label waiting for its content: it goes to the notes.
    Label(String),
}

/// `step 3 commands`: a field of a step, by draft number (its final id
/// is filled in when ids are assigned); the field is its TOML key.
pub fn target(no: usize, field: &'static str) -> Msg {
    crate::msg!("import-target-step", step = StepNo(no), field = field)
}

/// `step 3 fields`: labelled fields of a step, read from comments or
/// labels.
pub fn fields_target(no: usize) -> Msg {
    crate::msg!("import-target-step-fields", step = StepNo(no))
}

impl StepDraft {
    pub fn new(no: usize, title: &str, lines: Option<Lines>) -> Self {
        StepDraft {
            no,
            title: title.trim().to_string(),
            lines,
            ..StepDraft::default()
        }
    }

    fn t(&self, field: &'static str) -> Msg {
        target(self.no, field)
    }

    fn fields(&self) -> Msg {
        fields_target(self.no)
    }

    /// Takes a duration from the heading: `(5-8 min)`.
    pub fn heading_estimate(&mut self, f: &Found, line: Option<Lines>, report: &mut Report) {
        self.heading_range = Some(f.estimate);
        self.estimate = Some(f.estimate);
        let t = self.t("estimate");
        report.guess(
            line,
            t,
            crate::msg!(
                "import-detail-estimate-from-heading",
                estimate = f.estimate.to_string(),
                text = f.text.clone()
            ),
        );
    }

    pub fn add_note(&mut self, text: String, lines: Lines, report: &mut Report, what: Msg) {
        if text.trim().is_empty() {
            return;
        }
        self.notes.push(text);
        let t = self.t("notes");
        report.notes(lines, t, what);
    }

    fn push_command(&mut self, run: String, name: Option<String>, interactive: bool) {
        let run = run.trim_end().to_string();
        if run.trim().is_empty() {
            return;
        }
        let interactive = interactive || shell::is_interactive(&run);
        self.commands.push(Command {
            run,
            name,
            interactive,
            timeout: None,
            span: 0..0,
        });
    }

    /// Reads one block of the step's content.
    pub fn absorb(&mut self, b: &Block, src: &Src, report: &mut Report) {
        match &b.kind {
            BlockKind::Paragraph(p) => self.paragraph(p, b.lines, src, report),
            BlockKind::List { ordered, items } => self.list(*ordered, items, b, src, report),
            BlockKind::Code { info, text } => self.code(info, text, b.lines, src, report),
            BlockKind::Table { .. } => {
                let raw = src.raw(b.lines);
                match self.pending.take() {
                    Some(Pending::Field(StepField::Expected | StepField::ExpectedOutput)) => {
                        self.expected.push(raw);
                        let t = self.t("expected");
                        report.mapped(b.lines, t, crate::msg!("import-detail-table"));
                    }
                    Some(Pending::Label(l)) => self.add_note(
                        format!("{l}:\n{raw}"),
                        b.lines,
                        report,
                        crate::msg!("import-detail-table"),
                    ),
                    _ => self.add_note(raw, b.lines, report, crate::msg!("import-detail-table")),
                }
                self.last_was_shell = false;
            }
            BlockKind::Quote(blocks) => {
                for inner in blocks {
                    match &inner.kind {
                        BlockKind::Paragraph(p) => self.quoted(p, inner.lines, src, report),
                        _ => {
                            let text = src.raw(inner.lines);
                            self.add_note(
                                text,
                                inner.lines,
                                report,
                                crate::msg!("import-detail-quoted-block"),
                            );
                        }
                    }
                }
            }
            BlockKind::Html(h) => self.html(h, b.lines, src, report),
            BlockKind::Rule => report.separator(b.lines),
            BlockKind::Heading { text, .. } => {
                // A sub-heading inside the step: a label for what follows.
                let title = inline::strip_decoration(&plain(text));
                match step_field(&title) {
                    Some(f) => {
                        self.pending = Some(Pending::Field(f));
                        let t = self.fields();
                        report.mapped(
                            b.lines,
                            t,
                            crate::msg!("import-detail-sub-heading-label", title = title),
                        );
                    }
                    None => {
                        self.instructions.push(format!("{title}:"));
                        let t = self.t("instructions");
                        report.mapped(b.lines, t, crate::msg!("import-detail-sub-heading"));
                    }
                }
            }
        }
    }

    /// The finished step (ids are set later).
    pub fn finish(self) -> Step {
        let manual = self.commands.is_empty();
        let rollback = if !self.undo_commands.is_empty() || !self.undo_text.is_empty() {
            StepRollback::Some(StepUndo {
                instructions: join(&self.undo_text, "\n"),
                commands: self.undo_commands,
                estimate: None,
                steps: Vec::new(),
            })
        } else if self.rollback_available == Some(false) {
            StepRollback::None
        } else {
            StepRollback::Missing
        };
        Step {
            id: self.explicit_id.clone().unwrap_or_default(),
            title: self.title,
            estimate: self.estimate,
            criticality: self.criticality,
            instructions: join(&self.instructions, "\n\n"),
            warning: join(&self.warnings, "\n"),
            commands: self.commands,
            expected: join(&self.expected, "\n"),
            validation: self.validation.map(|c| Validation {
                command: Some(c),
                exit_code: Some(0),
                output: None,
                span: 0..0,
            }),
            on_failure: self
                .on_failure
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect(),
            rollback,
            approval: Vec::new(),
            confirm: self.confirm,
            manual,
            notes: self.notes,
            allow: Vec::new(),
            choice: None,
            condition: None,
            span: 0..0,
        }
    }
}

fn join(parts: &[String], sep: &str) -> Option<String> {
    let kept: Vec<&str> = parts
        .iter()
        .map(|s| s.trim_end())
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join(sep))
}

/// One list item as a line of text.
pub fn item_text(item: &Item) -> String {
    let mut s = plain(item.head()).replace('\n', " ");
    for b in item.blocks.iter().skip(1) {
        let t = block_text(b);
        if !t.trim().is_empty() {
            s.push('\n');
            s.push_str(&t);
        }
    }
    s
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::procedure::import::blocks;

    /// A draft that has absorbed every block of `md`.
    pub fn draft(md: &str) -> StepDraft {
        let blocks = blocks::parse(md);
        let src = Src::new(md);
        let mut report = Report::default();
        let mut d = StepDraft::new(1, "Paso", None);
        for b in &blocks {
            d.absorb(b, &src, &mut report);
        }
        d
    }

    #[test]
    fn a_table_without_a_label_goes_to_the_notes() {
        let d = draft("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(d.notes.len(), 1, "{d:?}");
        assert!(d.notes[0].contains("| 1 | 2 |"));
        assert!(d.commands.is_empty());
    }

    #[test]
    fn a_sub_heading_that_is_no_field_becomes_an_instruction() {
        let d = draft("#### Antes de empezar\n");
        assert_eq!(d.instructions, vec!["Antes de empezar:".to_string()]);
    }
}
