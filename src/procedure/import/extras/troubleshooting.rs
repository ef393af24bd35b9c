//! Troubleshooting sections (problem, symptoms, cause, solution) and
//! collections of useful commands.

use crate::procedure::import::blocks::{Block, BlockKind};
use crate::procedure::import::builder::{Builder, Ctx, kind_name};
use crate::procedure::import::classify::{Role, norm};
use crate::procedure::import::fence::Class;
use crate::procedure::import::inline::{Inline, plain};
use crate::procedure::import::report::toml_target;
use crate::procedure::import::sections::Section;
use crate::procedure::import::step::item_text;
use crate::procedure::import::template::TroubleField;
use crate::procedure::import::{fence, freeform, inline, shell, template};
use crate::procedure::model::{Command, Troubleshooting};

impl Builder<'_, '_> {
    pub fn trouble_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[[troubleshooting]]"));
        if s.children.is_empty() {
            self.trouble_entry(s, &s.title, true);
            return;
        }
        // Own content before the entries.
        let own_has_commands = s
            .blocks
            .iter()
            .any(|b| freeform::block_has_commands(&b.kind));
        if own_has_commands {
            self.trouble_entry_blocks(&s.blocks, &s.title, true);
        } else {
            for b in &s.blocks {
                let text = self.src.raw(b.lines);
                self.note(text, b.lines, kind_name(b));
            }
        }
        for c in &s.children {
            let own = c.role;
            if matches!(
                own,
                Role::Generic | Role::Phase(_) | Role::Troubleshooting | Role::Rollback
            ) {
                let problem = problem_title(&c.title);
                self.heading_to(c, toml_target("[[troubleshooting]] problem"));
                if c.children.is_empty() {
                    self.trouble_entry(c, &problem, true);
                } else {
                    self.trouble_section(c, ctx);
                }
            } else {
                self.walk(c, ctx);
            }
        }
    }

    pub(super) fn trouble_entry(&mut self, s: &Section<'_>, problem: &str, split_groups: bool) {
        self.trouble_entry_blocks(&s.blocks, problem, split_groups);
    }

    pub(super) fn trouble_entry_blocks(
        &mut self,
        blocks: &[&Block],
        problem: &str,
        split_groups: bool,
    ) {
        let mut entry = Troubleshooting {
            problem: problem.to_string(),
            ..Troubleshooting::default()
        };
        let mut pending: Option<TroubleField> = None;
        let mut extra_entries: Vec<Troubleshooting> = Vec::new();
        let labelled = blocks.iter().any(|b| matches!(&b.kind, BlockKind::Paragraph(p) if inline::lines(p).first().and_then(|r| inline::label(r)).is_some()));
        for b in blocks {
            match &b.kind {
                BlockKind::Paragraph(p) => {
                    let mut unlabelled = Vec::new();
                    for row in inline::lines(p) {
                        match inline::label(&row)
                            .and_then(|(l, v)| template::trouble_field(&l).map(|f| (f, v)))
                        {
                            Some((f, v)) => {
                                let text = plain(&v);
                                if text.is_empty() {
                                    pending = Some(f);
                                } else {
                                    trouble_put(&mut entry, f, text, &v);
                                }
                            }
                            None => unlabelled.push(plain(&row)),
                        }
                    }
                    if unlabelled.is_empty() {
                        self.report.mapped(
                            b.lines,
                            crate::msg!("import-target-trouble", problem = problem.to_string()),
                            crate::msg!("import-detail-labels"),
                        );
                    } else if pending.is_none() && entry.cause.is_none() && !labelled {
                        entry.cause = Some(unlabelled.join("\n"));
                        self.report.guess(
                            Some(b.lines),
                            crate::msg!(
                                "import-target-trouble-field",
                                problem = problem.to_string(),
                                field = "cause"
                            ),
                            crate::msg!("import-detail-trouble-cause"),
                        );
                    } else {
                        self.note(
                            format!("{problem}: {}", unlabelled.join("\n")),
                            b.lines,
                            crate::msg!("import-detail-trouble-text"),
                        );
                    }
                }
                BlockKind::List { items, .. } => {
                    let texts: Vec<String> = items.iter().map(item_text).collect();
                    match pending.take() {
                        Some(TroubleField::Cause) => entry.cause = Some(texts.join("\n")),
                        Some(TroubleField::Solution) => {
                            for item in items {
                                match shell::command_with_remark(&inline::bare(item.head()))
                                    .filter(|_| freeform::is_bare(item.head()))
                                {
                                    Some((c, _)) => entry.solution.push(Command {
                                        run: c,
                                        ..Command::default()
                                    }),
                                    None => {
                                        let cmds = freeform::inline_commands(item.head());
                                        if cmds.is_empty() {
                                            entry
                                                .symptoms
                                                .push(format!("Solución: {}", item_text(item)));
                                        }
                                        for (c, _) in cmds {
                                            entry.solution.push(Command {
                                                run: c,
                                                ..Command::default()
                                            });
                                        }
                                    }
                                }
                            }
                        }
                        Some(TroubleField::References) => entry.references.extend(texts),
                        Some(TroubleField::Symptoms) | None => entry.symptoms.extend(texts),
                    }
                    self.report.mapped(
                        b.lines,
                        crate::msg!("import-target-trouble", problem = problem.to_string()),
                        crate::msg!("import-detail-list"),
                    );
                }
                BlockKind::Code { info, text } => {
                    let info = fence::parse(info);
                    if fence::classify(&info, text) == Class::Shell {
                        let groups = shell::comment_groups(text);
                        let verbs = groups
                            .iter()
                            .filter(|g| g.0.as_deref().is_some_and(starts_with_verb))
                            .count();
                        if split_groups
                            && groups.len() >= 2
                            && groups.iter().all(|g| g.0.is_some() && !g.1.is_empty())
                            && !labelled
                            && verbs * 2 < groups.len()
                        {
                            for (comment, cmds) in groups {
                                let title = format!("{problem}: {}", comment.unwrap_or_default());
                                extra_entries.push(Troubleshooting {
                                    problem: title,
                                    solution: cmds
                                        .into_iter()
                                        .map(|c| Command {
                                            run: c,
                                            ..Command::default()
                                        })
                                        .collect(),
                                    ..Troubleshooting::default()
                                });
                            }
                            self.report.mapped(
                                b.lines,
                                toml_target("[[troubleshooting]]"),
                                crate::msg!("import-detail-trouble-groups"),
                            );
                        } else {
                            for g in shell::read(text) {
                                entry
                                    .solution
                                    .extend(g.commands.into_iter().map(|c| Command {
                                        run: c,
                                        ..Command::default()
                                    }));
                                if !g.text.is_empty() {
                                    self.note(
                                        format!("{problem}:\n{}", g.text.join("\n")),
                                        b.lines,
                                        crate::msg!("import-detail-shell-block-text"),
                                    );
                                }
                                entry.symptoms.extend(
                                    g.expected.into_iter().map(|e| format!("Esperado: {e}")),
                                );
                            }
                            self.report.mapped(
                                b.lines,
                                crate::msg!(
                                    "import-target-trouble-field",
                                    problem = problem.to_string(),
                                    field = "solution"
                                ),
                                crate::msg!("import-detail-code-block"),
                            );
                        }
                        pending = None;
                    } else if pending == Some(TroubleField::Symptoms) {
                        entry.symptoms.push(text.trim_end().to_string());
                        self.report.mapped(
                            b.lines,
                            crate::msg!(
                                "import-target-trouble-field",
                                problem = problem.to_string(),
                                field = "symptoms"
                            ),
                            crate::msg!("import-detail-code-block"),
                        );
                        pending = None;
                    } else {
                        let raw = self.src.raw(b.lines);
                        self.note(
                            format!("{problem}:\n{raw}"),
                            b.lines,
                            crate::msg!("import-detail-trouble-code"),
                        );
                    }
                }
                BlockKind::Rule => self.report.separator(b.lines),
                _ => {
                    let raw = self.src.raw(b.lines);
                    self.note(raw, b.lines, kind_name(b));
                }
            }
        }
        let has_content = !entry.solution.is_empty()
            || !entry.symptoms.is_empty()
            || entry.cause.is_some()
            || !entry.references.is_empty();
        if has_content && !entry.problem.trim().is_empty() {
            self.p.troubleshooting.push(entry);
        }
        self.p.troubleshooting.extend(extra_entries);
    }

    pub fn useful_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[[troubleshooting]]"));
        self.trouble_entry(s, &problem_title(&s.title), false);
        for c in &s.children {
            match c.role {
                Role::Generic | Role::Phase(_) | Role::UsefulCommands => {
                    self.useful_section(c, ctx)
                }
                _ => self.walk(c, ctx),
            }
        }
    }
}

fn trouble_put(entry: &mut Troubleshooting, f: TroubleField, text: String, value: &[Inline]) {
    match f {
        TroubleField::Symptoms => entry.symptoms.push(text),
        TroubleField::Cause => entry.cause = Some(text),
        TroubleField::References => entry.references.push(text),
        TroubleField::Solution => {
            let cmds = freeform::inline_commands(value);
            if cmds.is_empty() {
                entry.symptoms.push(format!("Solución: {text}"));
            }
            for (c, _) in cmds {
                entry.solution.push(Command {
                    run: c,
                    ..Command::default()
                });
            }
        }
    }
}

/// `Verificar ...`, `Revisar ...`, `Check ...`: a comment that says what
/// to do, not what is wrong.
fn starts_with_verb(comment: &str) -> bool {
    let first = norm(comment)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let spanish = first.len() > 3
        && (first.ends_with("ar") || first.ends_with("er") || first.ends_with("ir"));
    let english = [
        "check", "restart", "verify", "increase", "renew", "copy", "run", "get", "list", "see",
        "view", "show", "inspect", "describe", "delete", "scale", "apply", "rollback", "create",
        "restore", "update", "reset", "kill", "stop", "start",
    ]
    .contains(&first.as_str());
    spanish || english
}

/// `Problema 1: [Problema Común]` -> `[Problema Común]`.
fn problem_title(title: &str) -> String {
    let n = norm(title);
    for prefix in [
        "problema ",
        "problem ",
        "issue ",
        "caso ",
        "anexo ",
        "annex ",
        "appendix ",
    ] {
        if n.starts_with(prefix)
            && let Some((_, rest)) = title.split_once(':')
            && !rest.trim().is_empty()
        {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn a_problem_with_symptoms_and_a_solution_is_troubleshooting() {
        let md = "# Despliegue\n\n## Paso 1: Desplegar\n\n```bash\n./deploy.sh\n```\n\n## Troubleshooting\n\n\
### Problema 1: Lentitud\n**Síntomas:**\n- p95 > 2s\n\n**Solución:**\n```bash\n./scripts/vacuum.sh\n```\n";
        let p = import_str(md, &Options::default()).procedure;
        let t = p.troubleshooting.first().expect("one problem");
        assert!(t.problem.contains("Lentitud"), "{}", t.problem);
        assert_eq!(t.symptoms, ["p95 > 2s"]);
        assert_eq!(t.solution[0].run, "./scripts/vacuum.sh");
        assert!(
            p.steps()
                .all(|s| s.commands.iter().all(|c| c.run != "./scripts/vacuum.sh"))
        );
    }
}
