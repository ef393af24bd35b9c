//! Steps from numbered comments in a code block and from list items.

use super::*;

impl Builder<'_, '_> {
    pub fn comment_steps(&mut self, groups: Vec<shell::Group>, lines: Lines, phase: &PhaseRef) {
        for g in groups {
            let (id, title) = match &g.marker {
                Some((n, t)) => (Some(n.clone()), t.clone()),
                None => (None, phase.title.clone()),
            };
            let _ = id; // local numbering: the final ids are assigned in order
            let mut step = self.new_step(&title, Some(lines));
            self.report.guess(
                Some(lines),
                target(step.no, "title"),
                crate::msg!("import-detail-step-from-comment", title = title.clone()),
            );
            for c in g.commands {
                let interactive = shell::is_interactive(&c);
                step.commands.push(crate::procedure::model::Command {
                    run: c,
                    interactive,
                    ..Default::default()
                });
            }
            if !g.text.is_empty() {
                step.instructions.push(shell::uncomment(&g.text));
            }
            step.expected.extend(g.expected);
            step.on_failure.extend(g.on_failure);
            step.estimate = g.estimate.map(|e| e.estimate);
            for r in g.read {
                self.report.guess(Some(lines), fields_target(step.no), r);
            }
            self.push_step(phase, step);
        }
    }

    /// A step from one item of a numbered list.
    pub fn item_step(
        &mut self,
        item: &crate::procedure::import::blocks::Item,
        number: u64,
    ) -> StepDraft {
        let (title, used_head) = freeform::item_title(item);
        let (title, estimate) = match duration::from_heading(&title) {
            Some((t, f)) => (t, Some(f)),
            None => (title, None),
        };
        let mut step = self.new_step(&title, Some(item.lines));
        let _ = number;
        self.report.guess(
            Some(item.lines),
            target(step.no, "title"),
            crate::msg!("import-detail-step-from-item", title = title.clone()),
        );
        if let Some(f) = &estimate {
            step.heading_estimate(f, Some(item.lines), &mut self.report);
        }
        let head = item.head();
        let skip_head = match head.first() {
            Some(inline::Inline::Strong(_)) => {
                let rest = &head[1..];
                let rest_text = plain(rest);
                let rest_text = rest_text.trim_start_matches(':').trim();
                if !used_head && !rest_text.is_empty() {
                    let para = Block {
                        lines: item.lines,
                        kind: BlockKind::Paragraph(rest.to_vec()),
                    };
                    step.absorb(&para, self.src, &mut self.report);
                }
                true
            }
            _ => false,
        };
        for (i, b) in item.blocks.iter().enumerate() {
            if i == 0 && skip_head && matches!(b.kind, BlockKind::Paragraph(_)) {
                continue;
            }
            if !self.take_variables(b) {
                step.absorb(b, self.src, &mut self.report);
            }
        }
        step
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::built;

    #[test]
    fn numbered_comments_in_a_block_are_steps() {
        let md = "# RB\n\n## Procedimiento\n\n```bash\n# 1. Parar el servicio\nsystemctl stop app\n# 2. Arrancarlo\nsystemctl start app\n```\n";
        built(md, |b| {
            let steps: Vec<&str> = b
                .phases
                .iter()
                .flat_map(|p| p.steps.iter().map(|s| s.title.as_str()))
                .collect();
            assert_eq!(steps.len(), 2, "{steps:?}");
            let runs: Vec<&str> = b
                .phases
                .iter()
                .flat_map(|p| {
                    p.steps
                        .iter()
                        .flat_map(|s| s.commands.iter().map(|c| c.run.as_str()))
                })
                .collect();
            assert_eq!(runs, vec!["systemctl stop app", "systemctl start app"]);
        });
    }
}
