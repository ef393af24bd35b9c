//! The full rollback section: when to run it, its total estimate and its
//! steps.

use crate::procedure::import::blocks::{Block, BlockKind, Lines};
use crate::procedure::import::builder::{Builder, Ctx, kind_name};
use crate::procedure::import::classify::Role;
use crate::procedure::import::fence::Class;
use crate::procedure::import::inline::plain;
use crate::procedure::import::report::toml_target;
use crate::procedure::import::sections::Section;
use crate::procedure::import::step::{StepDraft, item_text, target};
use crate::procedure::import::{classify, duration, fence, freeform, inline, template};

impl Builder<'_, '_> {
    pub fn rollback_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[rollback]"));
        self.rollback_lines = Some(
            self.rollback_lines
                .map_or(s.lines().unwrap_or(Lines::one(1)), |l| {
                    l.join(s.lines().unwrap_or(l))
                }),
        );
        let mut pending_label: Option<String> = None;
        for b in &s.blocks {
            if let Some(label) = pending_label.take()
                && template::rollback_when(&label)
                && let BlockKind::List { items, .. } = &b.kind
            {
                self.p.rollback.when.extend(items.iter().map(item_text));
                self.report.mapped(
                    b.lines,
                    toml_target("[rollback] when"),
                    crate::msg!("import-detail-list"),
                );
                continue;
            }
            match &b.kind {
                BlockKind::Paragraph(p)
                    if inline::lines(p)
                        .first()
                        .and_then(|r| inline::label(r))
                        .is_some() =>
                {
                    let mut rest: Vec<String> = Vec::new();
                    for row in inline::lines(p) {
                        match inline::label(&row) {
                            Some((label, value)) => {
                                let v = plain(&value);
                                if template::rollback_when(&label) {
                                    if v.is_empty() {
                                        pending_label = Some(label.clone());
                                    } else {
                                        self.p.rollback.when.push(v);
                                    }
                                    self.report.mapped(
                                        b.lines,
                                        toml_target("[rollback] when"),
                                        crate::msg!("import-detail-quoted", text = label.clone()),
                                    );
                                } else if template::rollback_total(&label)
                                    && duration::find(&v).is_some()
                                {
                                    let f = duration::find(&v).expect("checked");
                                    if self.p.rollback.estimate.is_none() {
                                        self.p.rollback.estimate = Some(f.estimate);
                                    }
                                    self.report.mapped(
                                        b.lines,
                                        toml_target("[rollback] estimate"),
                                        crate::procedure::import::msg::Msg::value_to(
                                            v.clone(),
                                            f.estimate.to_string(),
                                        ),
                                    );
                                } else if let (Some(last), Some(f)) =
                                    (self.rollback_steps.last_mut(), template::step_field(&label))
                                {
                                    let _ = f;
                                    let para = Block {
                                        lines: b.lines,
                                        kind: BlockKind::Paragraph(row.clone()),
                                    };
                                    last.absorb(&para, self.src, &mut self.report);
                                } else {
                                    rest.push(plain(&row));
                                }
                            }
                            None => rest.push(plain(&row)),
                        }
                    }
                    if !rest.is_empty() {
                        self.pend(rest.join("\n"), b.lines, crate::msg!("import-detail-text"));
                    }
                }
                BlockKind::Paragraph(p) if freeform::is_failure_sentence(&plain(p)) => {
                    self.p
                        .rollback
                        .when
                        .push(plain(p).trim_end_matches(':').to_string());
                    self.report.mapped(
                        b.lines,
                        toml_target("[rollback] when"),
                        crate::msg!("import-detail-conditional"),
                    );
                }
                BlockKind::List {
                    ordered: Some(_),
                    items,
                } => {
                    for item in items {
                        let mut step = self.item_step(item, 0);
                        self.attach_pending(&mut step);
                        self.rollback_steps.push(step);
                    }
                }
                BlockKind::List { ordered: None, .. }
                    if !self.rollback_steps.is_empty() && s.children.is_empty() =>
                {
                    let src = self.src;
                    if let Some(last) = self.rollback_steps.last_mut() {
                        last.absorb(b, src, &mut self.report);
                    }
                }
                BlockKind::Code { .. } if !self.rollback_steps.is_empty() => {
                    let src = self.src;
                    if let Some(last) = self.rollback_steps.last_mut() {
                        last.absorb(b, src, &mut self.report);
                    }
                }
                BlockKind::Code { info, text }
                    if fence::classify(&fence::parse(info), text) == Class::Shell =>
                {
                    let mut step = self.new_step(&s.title, Some(b.lines));
                    step.absorb(b, self.src, &mut self.report);
                    self.attach_pending(&mut step);
                    self.rollback_steps.push(step);
                }
                BlockKind::Rule => self.report.separator(b.lines),
                _ => {
                    let text = self.src.raw(b.lines);
                    self.pend(text, b.lines, kind_name(b));
                }
            }
        }
        for c in &s.children {
            let own = c.role;
            match own {
                Role::Generic | Role::Phase(_) | Role::Rollback => {
                    if c.children
                        .iter()
                        .any(|g| classify::step_heading(&g.title).is_some())
                    {
                        self.rollback_section(c, ctx);
                        continue;
                    }
                    let (id, rest) = classify::step_heading(&c.title).unwrap_or_default();
                    let title_src = if rest.is_empty() {
                        c.title.clone()
                    } else {
                        rest
                    };
                    let (title, est) = match duration::from_heading(&title_src) {
                        Some((t, f)) => (t, Some(f)),
                        None => (title_src, None),
                    };
                    let mut step = self.new_step(&title, c.lines());
                    if !id.is_empty() {
                        // `Paso 1` of the full rollback is its R1.
                        let id = if id.starts_with('R') {
                            id.clone()
                        } else {
                            format!("R{id}")
                        };
                        step.explicit_id = Some(id);
                    }
                    if let Some(h) = c.heading {
                        self.report.mapped(
                            h.lines,
                            target(step.no, "title"),
                            crate::msg!("import-detail-rollback-step-heading"),
                        );
                        if let Some(f) = &est {
                            step.heading_estimate(f, Some(h.lines), &mut self.report);
                        }
                    }
                    for b in &c.blocks {
                        if !self.take_rollback_total(b) {
                            step.absorb(b, self.src, &mut self.report);
                        }
                    }
                    for g in &c.children {
                        if let Some(h) = g.heading {
                            step.absorb(h, self.src, &mut self.report);
                        }
                        for b in &g.blocks {
                            step.absorb(b, self.src, &mut self.report);
                        }
                    }
                    self.attach_pending(&mut step);
                    self.rollback_steps.push(step);
                }
                Role::RollbackWhen | Role::Triggers(_) => {
                    self.heading_to(c, toml_target("[rollback] when"));
                    for b in &c.blocks {
                        match &b.kind {
                            BlockKind::List { items, .. } => {
                                self.p.rollback.when.extend(items.iter().map(item_text));
                                self.report.mapped(
                                    b.lines,
                                    toml_target("[rollback] when"),
                                    crate::msg!("import-detail-list"),
                                );
                            }
                            BlockKind::Paragraph(p) => {
                                self.p.rollback.when.push(plain(p));
                                self.report.mapped(
                                    b.lines,
                                    toml_target("[rollback] when"),
                                    crate::msg!("import-detail-text"),
                                );
                            }
                            _ => {
                                let text = self.src.raw(b.lines);
                                self.note(text, b.lines, kind_name(b));
                            }
                        }
                    }
                }
                _ => self.walk(c, ctx),
            }
        }
        if self.rollback_steps.is_empty() && !self.pending.is_empty() {
            // Only prose: the operator follows it by hand.
            let mut step: StepDraft = self.new_step(&s.title, s.lines());
            self.report.guess(
                s.heading.map(|h| h.lines),
                target(step.no, "title"),
                crate::msg!("import-detail-rollback-prose"),
            );
            self.attach_pending(&mut step);
            step.instructions = std::mem::take(&mut step.notes);
            self.rollback_steps.push(step);
        }
    }

    /// `**Tiempo total de rollback:** ~10-15 minutos` written under the
    /// last rollback step: the whole rollback's estimate.
    pub(super) fn take_rollback_total(&mut self, b: &Block) -> bool {
        let BlockKind::Paragraph(p) = &b.kind else {
            return false;
        };
        let rows = inline::lines(p);
        let [row] = rows.as_slice() else { return false };
        let Some((label, value)) = inline::label(row) else {
            return false;
        };
        let v = plain(&value);
        match duration::find(&v) {
            Some(f) if template::rollback_total(&label) => {
                if self.p.rollback.estimate.is_none() {
                    self.p.rollback.estimate = Some(f.estimate);
                }
                self.report.mapped(
                    b.lines,
                    toml_target("[rollback] estimate"),
                    crate::procedure::import::msg::Msg::value_to(v.clone(), f.estimate.to_string()),
                );
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn a_rollback_plan_becomes_rollback_steps() {
        let md = "# Despliegue\n\n## Paso 1: Desplegar\n\n```bash\n./deploy.sh\n```\n\n## Rollback Completo\n\n\
**Cuándo ejecutar rollback:**\n- Error rate > 5%\n\n### Paso R1: Restaurar el backup\n```bash\n./scripts/restaurar.sh\n```\n";
        let p = import_str(md, &Options::default()).procedure;
        assert_eq!(p.rollback.when, ["Error rate > 5%"]);
        let runs: Vec<&str> = p
            .rollback
            .steps
            .iter()
            .flat_map(|s| s.commands.iter().map(|c| c.run.as_str()))
            .collect();
        assert_eq!(runs, ["./scripts/restaurar.sh"]);
        assert!(
            p.steps()
                .all(|s| s.commands.iter().all(|c| c.run != "./scripts/restaurar.sh"))
        );
    }
}
