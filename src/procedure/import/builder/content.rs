//! Sections without steps, and loose blocks: where their content goes.

use super::steps::rundown_label;
use super::*;

impl Builder<'_, '_> {
    /// A leaf that is neither a step nor a known part: metadata lines are
    /// read, the rest waits for the next step's notes.
    pub(super) fn leaf_without_steps(&mut self, s: &Section<'_>) {
        let rest: Vec<&Block> = s
            .blocks
            .iter()
            .copied()
            .filter(|b| !self.take_meta(b, true) && !self.take_variables(b))
            .collect();
        self.pend_blocks(s.heading, &rest);
    }

    /// A container's own content (before its sub-headings) and the
    /// preamble: with commands it is a step; otherwise metadata, purpose
    /// text or notes for the next step.
    pub(super) fn content(
        &mut self,
        s: &Section<'_>,
        blocks: &[&Block],
        phase: &PhaseRef,
        title: &str,
        ctx: &Ctx,
    ) {
        let has_commands = blocks.iter().any(|b| freeform::block_has_commands(&b.kind));
        let announced = matches!(s.role, Role::Phase(_));
        if has_commands && self.split_steps(s.heading, blocks, phase, announced) {
            return;
        }
        if has_commands {
            let mut step = self.new_step(title, s.lines());
            if let Some(h) = s.heading {
                self.report.mapped(
                    h.lines,
                    target(step.no, "title"),
                    crate::msg!("import-detail-heading-own-commands"),
                );
            }
            self.rundown_tags(s, &mut step);
            for b in blocks {
                if !self.take_meta(b, true) && !self.take_variables(b) {
                    step.absorb(b, self.src, &mut self.report);
                }
            }
            self.push_step(phase, step);
            return;
        }
        if let Some(h) = s.heading {
            self.report.mapped(
                h.lines,
                crate::msg!("import-target-phase", title = phase.title.clone()),
                crate::msg!("import-detail-heading"),
            );
        }
        for tag in &s.tags {
            if let (Some(h), Some(l)) = (s.heading, rundown_label(tag)) {
                self.pend(
                    format!("Rundown shortcode: {l}"),
                    h.lines,
                    crate::msg!("import-detail-rundown-label"),
                );
            }
        }
        let _ = ctx;
        let rest: Vec<&Block> = blocks
            .iter()
            .copied()
            .filter(|b| !self.take_meta(b, true) && !self.take_variables(b))
            .collect();
        self.pend_blocks(None, &rest);
    }

    /// The document's preamble (before the first section).
    pub(super) fn loose(&mut self, blocks: &[&Block], ctx: &Ctx, purpose: bool) {
        let has_commands = blocks.iter().any(|b| freeform::block_has_commands(&b.kind));
        if has_commands {
            let title = ctx.phase.title.clone();
            let mut step = self.new_step(&title, None);
            for b in blocks {
                if !self.take_meta(b, true) && !self.take_variables(b) {
                    step.absorb(b, self.src, &mut self.report);
                }
            }
            let phase = ctx.phase.clone();
            self.push_step(&phase, step);
            return;
        }
        for b in blocks {
            if self.take_meta(b, true) || self.take_variables(b) {
                continue;
            }
            match &b.kind {
                BlockKind::Paragraph(p) if purpose => {
                    let text = plain(p);
                    match &mut self.p.purpose.what {
                        None => {
                            self.p.purpose.what = Some(text);
                            self.report.mapped(
                                b.lines,
                                toml_target("[purpose] what"),
                                crate::msg!("import-detail-introduction"),
                            );
                        }
                        Some(w) => {
                            w.push_str("\n\n");
                            w.push_str(&text);
                            self.report.mapped(
                                b.lines,
                                toml_target("[purpose] what"),
                                crate::msg!("import-detail-introduction"),
                            );
                        }
                    }
                }
                _ => self.note_block(b),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::built;

    #[test]
    fn a_section_without_steps_keeps_its_text_in_the_notes() {
        let md = "# RB\n\n## Historia\n\nEste servicio nació en 2019 y nadie lo toca.\n";
        built(md, |b| {
            assert!(
                b.phases.iter().all(|p| p.steps.is_empty()),
                "{:?}",
                b.phases
            );
            assert!(
                b.p.notes.iter().any(|n| n.contains("nadie lo toca")),
                "{:?}",
                b.p.notes
            );
        });
    }
}
