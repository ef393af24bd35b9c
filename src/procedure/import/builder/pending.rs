//! Text that belongs to no step yet: it waits for the next step's notes,
//! or ends in the procedure's notes.

use super::*;

impl Builder<'_, '_> {
    pub fn attach_pending(&mut self, step: &mut StepDraft) {
        if self.pending.is_empty() {
            return;
        }
        let mut notes: Vec<String> = Vec::new();
        for p in self.pending.drain(..) {
            for (lines, what) in p.parts {
                self.report.notes(lines, target(step.no, "notes"), what);
            }
            notes.push(p.text);
        }
        notes.append(&mut step.notes);
        step.notes = notes;
    }

    pub fn pend(&mut self, text: String, lines: Lines, what: Msg) {
        if text.trim().is_empty() || is_rule(&text) {
            self.report.add(
                Some(lines),
                Kind::Skipped,
                crate::msg!("import-target-nothing"),
                crate::msg!("import-detail-empty"),
            );
            return;
        }
        self.pending.push(PendingNote {
            text,
            parts: vec![(lines, what)],
        });
    }

    /// Several blocks of one section as one note.
    pub fn pend_blocks(&mut self, heading: Option<&Block>, blocks: &[&Block]) {
        let mut parts: Vec<(Lines, Msg)> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        if let Some(h) = heading {
            texts.push(self.src.raw(h.lines));
            parts.push((h.lines, crate::msg!("import-detail-heading")));
        }
        for b in blocks {
            if matches!(b.kind, BlockKind::Rule) {
                self.report.separator(b.lines);
                continue;
            }
            let text = self.src.raw(b.lines);
            if text.trim().is_empty() {
                continue;
            }
            texts.push(text);
            parts.push((b.lines, kind_name(b)));
        }
        if !parts.is_empty() {
            self.pending.push(PendingNote {
                text: texts.join("\n\n"),
                parts,
            });
        }
    }

    /// Notes still waiting when their section ends go to the procedure.
    pub(super) fn flush_pending(&mut self, mark: usize) {
        if self.pending.len() <= mark {
            return;
        }
        for p in self.pending.drain(mark..) {
            for (lines, what) in p.parts {
                self.report
                    .notes(lines, crate::msg!("import-target-procedure-notes"), what);
            }
            self.p.notes.push(p.text);
        }
    }

    /// A block no section reader took: a rule is skipped, anything else
    /// waits as a note.
    pub fn note_block(&mut self, b: &Block) {
        if matches!(b.kind, BlockKind::Rule) {
            self.report.separator(b.lines);
            return;
        }
        let text = self.src.raw(b.lines);
        self.note(text, b.lines, kind_name(b));
    }

    pub fn note(&mut self, text: String, lines: Lines, what: Msg) {
        if text.trim().is_empty() || is_rule(&text) {
            self.report.separator(lines);
            return;
        }
        self.report
            .notes(lines, crate::msg!("import-target-procedure-notes"), what);
        self.p.notes.push(text);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::built;

    #[test]
    fn text_before_a_step_waits_for_it() {
        let md = "# RB\n\n## Fase 1: Preparar\n\nAvisa al equipo de guardia.\n\n### Paso 1: Parar\n\n```bash\nsystemctl stop app\n```\n";
        built(md, |b| {
            let step = &b.phases[0].steps[0];
            let all: Vec<&String> = step
                .notes
                .iter()
                .chain(&step.instructions)
                .chain(&b.p.notes)
                .collect();
            assert!(
                all.iter().any(|t| t.contains("Avisa al equipo de guardia")),
                "{:?} {:?}",
                step,
                b.p.notes
            );
        });
    }
}
