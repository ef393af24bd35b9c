//! The quick checklist (Anexo B) and the decision tree (Anexo C).

use crate::procedure::import::blocks::BlockKind;
use crate::procedure::import::builder::{Builder, Ctx, kind_name};
use crate::procedure::import::classify::Role;
use crate::procedure::import::decision;
use crate::procedure::import::inline::plain;
use crate::procedure::import::report::toml_target;
use crate::procedure::import::sections::Section;
use crate::procedure::import::step::item_text;

impl Builder<'_, '_> {
    pub fn quick_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("quick_checklist"));
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items, .. } => {
                    // Items of a sub-group keep the group's name.
                    let prefix = if ctx.role == Role::QuickChecklist && !s.title.is_empty() {
                        format!("{}: ", s.title)
                    } else {
                        String::new()
                    };
                    self.p.quick_checklist.extend(
                        items
                            .iter()
                            .map(|i| format!("{prefix}{}", item_text(i).replace('\n', " "))),
                    );
                    self.report.mapped(
                        b.lines,
                        toml_target("quick_checklist"),
                        crate::msg!("import-detail-items", count = items.len()),
                    );
                }
                BlockKind::Code { text, .. } => {
                    let mut n = 0;
                    for line in text.lines() {
                        let t = line.trim();
                        if t.is_empty() {
                            continue;
                        }
                        let item = t
                            .trim_start_matches("[ ]")
                            .trim_start_matches("[x]")
                            .trim_start_matches("- [ ]")
                            .trim();
                        let indented = line.starts_with(' ') || line.starts_with('\t');
                        match (indented, self.p.quick_checklist.last_mut()) {
                            (true, Some(last)) if n > 0 => {
                                last.push_str(if last.contains(" — ") {
                                    "; "
                                } else {
                                    " — "
                                });
                                last.push_str(item.trim_start_matches("- "));
                            }
                            _ => {
                                self.p.quick_checklist.push(item.to_string());
                                n += 1;
                            }
                        }
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("quick_checklist"),
                        crate::msg!("import-detail-items-from-text", count = n),
                    );
                }
                _ => self.note_block(b),
            }
        }
        self.walk_children_as(s, Role::QuickChecklist, ctx);
    }

    pub fn decision_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[[decision]]"));
        for b in &s.blocks {
            let text = match &b.kind {
                BlockKind::Code { text, .. } => Some(text.to_string()),
                BlockKind::Paragraph(p) => Some(plain(p)),
                _ => None,
            };
            let parsed = text.as_deref().and_then(decision::parse);
            match parsed {
                Some((nodes, filled)) if self.p.decision_tree.is_empty() => {
                    self.report.mapped(
                        b.lines,
                        toml_target("[[decision]]"),
                        crate::msg!("import-detail-nodes", count = nodes.len()),
                    );
                    if filled > 0 {
                        self.report.guess(
                            Some(b.lines),
                            toml_target("[[decision]]"),
                            crate::msg!("import-detail-answers-filled", count = filled),
                        );
                    }
                    self.p.decision_tree = nodes;
                }
                _ => {
                    let raw = self.src.raw(b.lines);
                    self.note(raw, b.lines, kind_name(b));
                }
            }
        }
        self.walk_children_as(s, Role::DecisionTree, ctx);
    }
}

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn the_quick_checklist_and_decision_tree_are_read() {
        let md = "# Despliegue\n\n## Paso 1: Desplegar\n\n```bash\n./deploy.sh\n```\n\n## Anexo B: Checklist Rápido\n\n\
- [ ] Backup hecho\n- [ ] Equipo avisado\n\n## Anexo C: Decision Tree para Rollback\n\n```\n¿Falló?\n NO → Continuar\n SI → Rollback\n```\n";
        let p = import_str(md, &Options::default()).procedure;
        assert_eq!(p.quick_checklist, ["Backup hecho", "Equipo avisado"]);
        assert!(!p.decision_tree.is_empty());
        assert!(
            p.decision_tree[0]
                .question
                .as_deref()
                .unwrap_or("")
                .contains("Falló")
        );
    }
}
