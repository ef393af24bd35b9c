//! Sections that are steps: step headings, sections that hold commands,
//! several steps in one section, time headings, Rundown tags.

use super::*;

impl Builder<'_, '_> {
    pub(super) fn step_section(&mut self, s: &Section<'_>, role: Role, ctx: &Ctx) {
        let own_kind = match role {
            Role::Phase(k) => Some(k),
            _ => None,
        };
        let kind = own_kind.or(ctx.kind);
        let explicit = classify::step_heading(&s.title).or_else(|| {
            if ctx.phase_like {
                classify::numbered(&s.title)
            } else {
                None
            }
        });
        let children_are_steps = s.children.iter().any(|c| {
            classify::step_heading(&c.title).is_some()
                || classify::phase_heading(&c.title).is_some()
        });
        if let (Some((id, rest)), false) = (&explicit, children_are_steps) {
            let step = self.step_from_section(s, id, rest, ctx);
            let phase = ctx.phase.clone();
            self.push_step(&phase, step);
            for alt in std::mem::take(&mut self.alternatives) {
                self.push_step(&phase, alt);
            }
            return;
        }
        let phase_kind = kind.unwrap_or(PhaseKind::Execution);
        if !s.children.is_empty() {
            let phase = self.phase_for(s, phase_kind, &ctx.title);
            let child_ctx = Ctx {
                role: Role::Generic,
                phase: phase.clone(),
                phase_like: own_kind.is_some() || explicit.is_some(),
                kind,
                title: s.title.clone(),
                phase_mark: self.phases.len(),
            };
            let title = phase.title.clone();
            self.content(s, &s.blocks, &phase, &title, &child_ctx);
            for c in &s.children {
                self.walk(c, &child_ctx);
            }
            return;
        }
        // A leaf.
        let has_commands = s
            .blocks
            .iter()
            .any(|b| freeform::block_has_commands(&b.kind));
        if !has_commands && !ctx.phase_like && own_kind.is_none() {
            self.leaf_without_steps(s);
            return;
        }
        let phase = if own_kind.is_some() && !ctx.phase_like && ctx.phase.key == 1 {
            self.phase_for(s, phase_kind, &ctx.title)
        } else {
            ctx.phase.clone()
        };
        let own_phase = if phase.key == ctx.phase.key {
            let mut p = self.phase_for(s, phase_kind, &ctx.title);
            p.kind = kind.unwrap_or(ctx.phase.kind);
            p
        } else {
            phase.clone()
        };
        let (title, estimate) = match duration::from_heading(&s.title) {
            Some((t, f)) => (t, Some(f)),
            None => (s.title.clone(), None),
        };
        if self.split_steps(
            s.heading,
            &s.blocks,
            &own_phase,
            own_kind.is_some() || ctx.phase_like,
        ) {
            return;
        }
        // Without commands, metadata lines are metadata; nothing else left
        // means there is no step here.
        let blocks: Vec<&Block> = if has_commands {
            s.blocks.clone()
        } else {
            s.blocks
                .iter()
                .copied()
                .filter(|b| !self.take_meta(b, false))
                .collect()
        };
        if !has_commands && blocks.iter().all(|b| matches!(b.kind, BlockKind::Rule)) {
            self.pend_blocks(s.heading, &blocks);
            return;
        }
        let mut step = self.new_step(&title, s.lines());
        if let (Some(f), Some(h)) = (&estimate, s.heading) {
            step.heading_estimate(f, Some(h.lines), &mut self.report);
        }
        if let Some(h) = s.heading {
            self.report.mapped(
                h.lines,
                target(step.no, "title"),
                crate::msg!("import-detail-heading"),
            );
        }
        self.rundown_tags(s, &mut step);
        for b in blocks {
            if !self.take_variables(b) {
                step.absorb(b, self.src, &mut self.report);
            }
        }
        self.push_step(&phase, step);
    }

    /// A heading that names a step: one step from its content and its
    /// sub-sections.
    pub(super) fn step_from_section(
        &mut self,
        s: &Section<'_>,
        id: &str,
        rest: &str,
        ctx: &Ctx,
    ) -> StepDraft {
        let title_src = if rest.is_empty() {
            s.title.clone()
        } else {
            rest.to_string()
        };
        let (title, estimate) = match duration::from_heading(&title_src) {
            Some((t, f)) => (t, Some(f)),
            None => (title_src, None),
        };
        let mut step = self.new_step(&title, s.lines());
        step.explicit_id = Some(id.to_string());
        if let Some(h) = s.heading {
            self.report.mapped(
                h.lines,
                target(step.no, "title"),
                crate::msg!("import-detail-step-heading-id", id = id.to_string()),
            );
        }
        if let (Some(f), Some(h)) = (&estimate, s.heading) {
            step.heading_estimate(f, Some(h.lines), &mut self.report);
        }
        self.rundown_tags(s, &mut step);
        for b in &s.blocks {
            if !self.take_variables(b) {
                step.absorb(b, self.src, &mut self.report);
            }
        }
        self.absorb_children(s, &mut step, ctx);
        step
    }

    pub(super) fn absorb_children(&mut self, s: &Section<'_>, step: &mut StepDraft, ctx: &Ctx) {
        let alternatives = s
            .children
            .iter()
            .filter(|c| crate::procedure::import::alternative::label(&c.title).is_some())
            .count();
        for c in &s.children {
            if alternatives >= 2 && crate::procedure::import::alternative::label(&c.title).is_some()
            {
                // One step per alternative, never chained into this one.
                let title = format!("{} — {}", step.title, c.title);
                let mut alt = self.new_step(&title, c.lines());
                alt.explicit_id = match (
                    &step.explicit_id,
                    crate::procedure::import::alternative::label(&c.title),
                ) {
                    (Some(id), Some(l)) => Some(format!("{id}{}", l.to_lowercase())),
                    _ => None,
                };
                if let Some(h) = c.heading {
                    self.report.mapped(
                        h.lines,
                        target(alt.no, "title"),
                        crate::msg!("import-detail-alternative-step"),
                    );
                }
                for b in &c.blocks {
                    if !self.take_variables(b) {
                        alt.absorb(b, self.src, &mut self.report);
                    }
                }
                self.absorb_children(c, &mut alt, ctx);
                self.alternatives.push(alt);
                continue;
            }
            let role = c.role;
            if matches!(
                role,
                Role::Troubleshooting
                    | Role::Contacts
                    | Role::References
                    | Role::DecisionTree
                    | Role::QuickChecklist
            ) {
                self.walk(c, ctx);
                continue;
            }
            if let Some(h) = c.heading {
                step.absorb(h, self.src, &mut self.report);
            }
            for b in &c.blocks {
                if !self.take_variables(b) {
                    step.absorb(b, self.src, &mut self.report);
                }
            }
            self.absorb_children(c, step, ctx);
        }
    }

    /// A leaf's content as several steps: numbered comments in its code
    /// block (`# 1. ...`), or a numbered list of actions.
    pub(super) fn split_steps(
        &mut self,
        heading: Option<&Block>,
        blocks: &[&Block],
        phase: &PhaseRef,
        announced: bool,
    ) -> bool {
        // Numbered comments in the one shell block of the section.
        let shell_blocks: Vec<&Block> = blocks
            .iter()
            .copied()
            .filter(|b| matches!(&b.kind, BlockKind::Code { info, text } if fence::classify(&fence::parse(info), text) == Class::Shell))
            .collect();
        if shell_blocks.len() == 1 {
            let b = shell_blocks[0];
            if let BlockKind::Code { info, text } = &b.kind {
                let info = fence::parse(info);
                let groups = shell::read(text);
                let markers = groups.iter().filter(|g| g.marker.is_some()).count();
                if markers >= 2 && info.name.is_none() && shell::prompted(text).is_none() {
                    if let Some(h) = heading {
                        self.report.mapped(
                            h.lines,
                            crate::msg!("import-target-phase", title = phase.title.clone()),
                            crate::msg!("import-detail-heading-numbered-code"),
                        );
                    }
                    let mut before = true;
                    for other in blocks {
                        if std::ptr::eq(*other, b) {
                            before = false;
                            self.comment_steps(groups.clone(), b.lines, phase);
                            continue;
                        }
                        let text = self.src.raw(other.lines);
                        if before {
                            self.pend(
                                text,
                                other.lines,
                                crate::msg!("import-detail-text-before-steps"),
                            );
                        } else if let Some(last) =
                            self.phases.last_mut().and_then(|p| p.steps.last_mut())
                        {
                            last.add_note(
                                text,
                                other.lines,
                                &mut self.report,
                                crate::msg!("import-detail-text-after-steps"),
                            );
                        }
                    }
                    return true;
                }
            }
        }
        // A numbered list of actions.
        let list_at = blocks.iter().position(|b| match &b.kind {
            BlockKind::List {
                ordered: Some(_),
                items,
            } => freeform::list_is_steps(items, announced),
            BlockKind::List {
                ordered: None,
                items,
            } => freeform::marked_steps(items),
            _ => false,
        });
        let Some(at) = list_at else { return false };
        // Other blocks with commands outside the list: keep the section as one step.
        if blocks.iter().enumerate().any(|(i, b)| {
            i != at
                && freeform::block_has_commands(&b.kind)
                && !matches!(b.kind, BlockKind::List { .. })
        }) {
            return false;
        }
        if let Some(h) = heading {
            self.report.mapped(
                h.lines,
                crate::msg!("import-target-phase", title = phase.title.clone()),
                crate::msg!("import-detail-heading-numbered-list"),
            );
        }
        for b in &blocks[..at] {
            if !self.take_meta(b, true) && !self.take_variables(b) {
                let text = self.src.raw(b.lines);
                self.pend(
                    text,
                    b.lines,
                    crate::msg!("import-detail-text-before-steps"),
                );
            }
        }
        let mut last_number = 0u64;
        let mut made_any = false;
        for b in &blocks[at..] {
            match &b.kind {
                BlockKind::List {
                    ordered: Some(start),
                    items,
                } if !made_any
                    || *start == last_number + 1
                    || freeform::list_is_steps(items, announced) =>
                {
                    for (i, item) in items.iter().enumerate() {
                        let step = self.item_step(item, *start + i as u64);
                        self.push_step(phase, step);
                    }
                    last_number = *start + items.len() as u64 - 1;
                    made_any = true;
                }
                BlockKind::List {
                    ordered: None,
                    items,
                } if freeform::marked_steps(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let step = self.item_step(item, i as u64 + 1);
                        self.push_step(phase, step);
                    }
                    made_any = true;
                }
                _ => {
                    let src = self.src;
                    if let Some(last) = self.phases.last_mut().and_then(|p| p.steps.last_mut()) {
                        last.absorb(b, src, &mut self.report);
                    }
                }
            }
        }
        true
    }

    /// `#### Tiempo de Resolución Objetivo: 15 minutos` alone: the budget of
    /// the phase just above it.
    pub(super) fn time_heading(&mut self, s: &Section<'_>, ctx: &Ctx) -> bool {
        if s.blocks.iter().all(|b| matches!(b.kind, BlockKind::Rule)) && s.children.is_empty() {
            let n = classify::norm(&s.title);
            if let Some(f) = duration::find(&s.title).filter(|_| {
                [
                    "tiempo", "time", "duracion", "objetivo", "sla", "budget", "target",
                ]
                .iter()
                .any(|w| n.contains(w))
            }) {
                let line = s.heading.map(|h| h.lines);
                for b in &s.blocks {
                    self.report.separator(b.lines);
                }
                if self.phases.len() > ctx.phase_mark
                    && let Some(p) = self.phases.last_mut()
                    && p.budget.is_none()
                {
                    p.budget = Some(f.estimate);
                    let title = p.title.clone();
                    self.report.guess(
                        line,
                        crate::msg!("import-target-phase-budget", title = title.clone()),
                        crate::msg!(
                            "import-detail-budget-from-heading-quoted",
                            budget = f.estimate.to_string(),
                            title = s.title.clone()
                        ),
                    );
                    return true;
                }
            }
        }
        false
    }

    pub(super) fn rundown_tags(&mut self, s: &Section<'_>, step: &mut StepDraft) {
        for tag in &s.tags {
            if let (Some(h), Some(l)) = (s.heading, rundown_label(tag)) {
                step.add_note(
                    format!("Rundown shortcode: {l}"),
                    h.lines,
                    &mut self.report,
                    crate::msg!("import-detail-rundown-label"),
                );
            } else if let (Some(h), true) = (s.heading, tag.contains("stop-ok")) {
                step.add_note(
                    "Rundown: stop-ok".into(),
                    h.lines,
                    &mut self.report,
                    crate::msg!("import-detail-rundown-tag"),
                );
            }
        }
    }
}

pub(super) fn rundown_label(tag: &str) -> Option<String> {
    let at = tag.find("label=")? + "label=".len();
    let rest = &tag[at..];
    let rest = rest.trim_start_matches('"');
    let end = rest.find(['"', '/', '>', ' ']).unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{built, titles};

    #[test]
    fn a_step_heading_takes_its_commands() {
        let md = "# RB\n\n## Pasos\n\n### Paso 1: Reiniciar nginx\n\n```bash\nsystemctl restart nginx\n```\n";
        built(md, |b| {
            assert_eq!(titles(b), vec![vec!["Reiniciar nginx"]]);
            let step = &b.phases[0].steps[0];
            assert_eq!(step.commands[0].run, "systemctl restart nginx");
        });
    }

    #[test]
    fn a_rundown_label_names_the_step() {
        assert_eq!(
            super::rundown_label("<r label=build/>").as_deref(),
            Some("build")
        );
        assert_eq!(super::rundown_label("<b>"), None);
    }
}
