//! Prerequisite sections: checklists and tables become groups of
//! prerequisites, with a check command when an item names one.

use crate::procedure::import::blocks::{BlockKind, Lines};
use crate::procedure::import::builder::{Builder, Ctx, PhaseRef};
use crate::procedure::import::classify::Role;
use crate::procedure::import::fence::Class;
use crate::procedure::import::inline::Inline;
use crate::procedure::import::sections::Section;
use crate::procedure::import::step::{item_text, target};
use crate::procedure::import::{fence, inline, shell};
use crate::procedure::keyword::PhaseKind;
use crate::procedure::model::{Command, Prerequisite, PrerequisiteGroup};

impl Builder<'_, '_> {
    pub fn prerequisite_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        let mut commands: Vec<(String, Lines)> = Vec::new();
        self.prerequisite_group(s, &mut commands, ctx);
        if !commands.is_empty() {
            let phase = PhaseRef {
                key: 1_000_000 + self.p.prerequisites.len(),
                title: s.title.clone(),
                parent_title: ctx.title.clone(),
                kind: PhaseKind::Preflight,
                budget: None,
                lines: s.heading.map(|h| h.lines),
            };
            let mut step = self.new_step(&s.title, s.lines());
            for (c, lines) in commands {
                self.report.guess(
                    Some(lines),
                    target(step.no, "commands"),
                    crate::msg!(
                        "import-detail-preflight-command",
                        command = c.lines().next().unwrap_or("").to_string()
                    ),
                );
                step.commands.push(Command {
                    run: c,
                    ..Command::default()
                });
            }
            self.push_step(&phase, step);
        }
    }

    pub(super) fn prerequisite_group(
        &mut self,
        s: &Section<'_>,
        commands: &mut Vec<(String, Lines)>,
        ctx: &Ctx,
    ) {
        let group = if s.title.is_empty() {
            "Prerrequisitos".to_string()
        } else {
            s.title.clone()
        };
        let target = crate::msg!("import-target-prerequisites", group = group.clone());
        self.heading_to(s, target.clone());
        let mut items: Vec<Prerequisite> = Vec::new();
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items: list, .. } => {
                    for item in list {
                        let text = item_text(item);
                        if item.task == Some(true) {
                            self.report.guess(
                                Some(item.lines),
                                target.clone(),
                                crate::msg!("import-detail-item-ticked"),
                            );
                        }
                        // `Instalar X:- `make bin/x``: a command to run first;
                        // a tool named in passing is not.
                        let mut text_inlines: Vec<Inline> = Vec::new();
                        for inner in &item.blocks {
                            if let BlockKind::Paragraph(p) = &inner.kind {
                                if !text_inlines.is_empty() {
                                    text_inlines.push(Inline::Break);
                                }
                                text_inlines.extend(p.iter().cloned());
                            }
                        }
                        for (before, code) in inline::code_spans(&text_inlines) {
                            let b = before.trim_end();
                            if (b.ends_with(':') || b.ends_with(":-"))
                                && shell::looks_like_command(&code)
                            {
                                commands.push((code, item.lines));
                            }
                        }
                        for inner in &item.blocks {
                            if let BlockKind::Code { info, text } = &inner.kind
                                && fence::classify(&fence::parse(info), text) == Class::Shell
                            {
                                for g in shell::read(text) {
                                    commands
                                        .extend(g.commands.into_iter().map(|c| (c, inner.lines)));
                                }
                            }
                        }
                        items.push(Prerequisite { text, check: None });
                    }
                    self.report.mapped(
                        b.lines,
                        target.clone(),
                        crate::msg!("import-detail-list-items"),
                    );
                }
                BlockKind::Code { info, text }
                    if fence::classify(&fence::parse(info), text) == Class::Shell =>
                {
                    for g in shell::read(text) {
                        commands.extend(g.commands.into_iter().map(|c| (c, b.lines)));
                    }
                }
                _ => self.note_block(b),
            }
        }
        if !items.is_empty() {
            self.p
                .prerequisites
                .push(PrerequisiteGroup { group, items });
        }
        for c in &s.children {
            let own = c.role;
            if matches!(own, Role::Generic | Role::Prerequisites | Role::Phase(_)) {
                self.prerequisite_group(c, commands, ctx);
            } else {
                self.walk(c, ctx);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn a_checklist_becomes_a_prerequisite_group() {
        let md = "# Despliegue\n\n## Prerequisitos\n\n### Accesos\n- [ ] Acceso SSH al bastión\n- [ ] VPN conectada\n\n\
## Paso 1: Desplegar\n\n```bash\n./deploy.sh\n```\n";
        let p = import_str(md, &Options::default()).procedure;
        let items: Vec<&str> = p
            .prerequisites
            .iter()
            .flat_map(|g| g.items.iter().map(|i| i.text.as_str()))
            .collect();
        assert_eq!(items, ["Acceso SSH al bastión", "VPN conectada"]);
        assert!(p.steps().all(|s| s.title != "Accesos"), "no step from it");
    }
}
