//! A step's lists: bullets that are commands, checklists, the step's own
//! rollback items.

use super::*;

impl StepDraft {
    pub(super) fn list(
        &mut self,
        ordered: Option<u64>,
        items: &[Item],
        b: &Block,
        src: &Src,
        report: &mut Report,
    ) {
        if let Some(pending) = self.pending.take() {
            let texts: Vec<String> = items.iter().map(item_text).collect();
            match pending {
                Pending::Field(StepField::OnFailure) => {
                    self.on_failure.extend(texts);
                    let t = self.t("on_failure");
                    report.mapped(b.lines, t, crate::msg!("import-detail-list"));
                }
                Pending::Field(
                    StepField::Expected | StepField::ExpectedOutput | StepField::Validation,
                ) => {
                    self.expected.push(list_text(ordered, items));
                    let t = self.t("expected");
                    report.mapped(b.lines, t, crate::msg!("import-detail-list"));
                }
                Pending::Field(StepField::Rollback) => {
                    for item in items {
                        self.rollback_item(item, report);
                    }
                    let t = self.t("rollback");
                    report.mapped(b.lines, t, crate::msg!("import-detail-list"));
                }
                Pending::Field(_) => {
                    self.instructions.push(list_text(ordered, items));
                    let t = self.t("instructions");
                    report.mapped(b.lines, t, crate::msg!("import-detail-list"));
                }
                Pending::Label(l) => {
                    self.add_note(
                        format!("{l}:\n{}", list_text(ordered, items)),
                        b.lines,
                        report,
                        crate::msg!("import-detail-label", label = l),
                    );
                }
            }
            self.last_was_shell = false;
            return;
        }
        // Items that are commands become commands; the list is kept as
        // instructions (without the bare command items).
        let mut kept: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let marker = match ordered {
                Some(n) => format!("{}.", n + i as u64),
                None => "-".into(),
            };
            let head = item.head();
            let head_text = plain(head);
            if let Some((cmd, remark)) =
                shell::command_with_remark(&inline::bare(head)).filter(|_| freeform::is_bare(head))
            {
                self.push_command(cmd.clone(), None, false);
                let t = self.t("commands");
                report.guess(
                    Some(item.lines),
                    t,
                    crate::msg!("import-detail-bullet-command", command = cmd.clone()),
                );
                if let Some(r) = remark {
                    kept.push(format!("{marker} `{cmd}` {r}"));
                }
            } else if !head_text.is_empty() {
                let task = match item.task {
                    Some(true) => "[x] ",
                    Some(false) => "[ ] ",
                    None => "",
                };
                kept.push(format!("{marker} {task}{}", head_text.replace('\n', " ")));
                if freeform::is_failure_sentence(&head_text) {
                    self.on_failure.push(head_text.clone());
                }
                for (cmd, ctx) in freeform::inline_commands(head) {
                    match ctx {
                        Context::Run if !freeform::is_failure_sentence(&head_text) => {
                            self.push_command(cmd.clone(), None, false);
                            let t = self.t("commands");
                            report.guess(
                                Some(item.lines),
                                t,
                                crate::msg!("import-detail-inline-code-command", command = cmd),
                            );
                        }
                        Context::Run | Context::Undo => {
                            self.undo_commands.push(Command {
                                run: cmd.clone(),
                                ..Command::default()
                            });
                            let t = self.t("rollback");
                            report.guess(
                                Some(item.lines),
                                t,
                                crate::msg!("import-detail-step-rollback", command = cmd),
                            );
                        }
                        Context::Mention => {}
                    }
                }
            }
            let rest_start = usize::from(matches!(
                item.blocks.first().map(|b| &b.kind),
                Some(BlockKind::Paragraph(_))
            ));
            for inner in &item.blocks[rest_start..] {
                match &inner.kind {
                    BlockKind::Code { .. }
                    | BlockKind::List { .. }
                    | BlockKind::Paragraph(_)
                    | BlockKind::Quote(_) => {
                        if !kept.is_empty() {
                            self.flush_kept(&mut kept, b.lines, report);
                        }
                        self.absorb(inner, src, report);
                    }
                    _ => {
                        kept.push(block_text(inner));
                    }
                }
            }
        }
        self.flush_kept(&mut kept, b.lines, report);
        self.last_was_shell = false;
    }

    pub(super) fn flush_kept(&mut self, kept: &mut Vec<String>, lines: Lines, report: &mut Report) {
        if kept.is_empty() {
            return;
        }
        self.instructions.push(kept.join("\n"));
        kept.clear();
        let t = self.t("instructions");
        report.mapped(lines, t, crate::msg!("import-detail-list"));
    }

    pub(super) fn rollback_item(&mut self, item: &Item, report: &mut Report) {
        let head = item.head();
        let text = plain(head);
        if let Some((cmd, _)) =
            shell::command_with_remark(&inline::bare(head)).filter(|_| freeform::is_bare(head))
        {
            self.undo_commands.push(Command {
                run: cmd,
                ..Command::default()
            });
        } else {
            for (c, _) in freeform::inline_commands(head) {
                self.undo_commands.push(Command {
                    run: c,
                    ..Command::default()
                });
            }
            self.undo_text.push(text);
        }
        for inner in &item.blocks {
            if let BlockKind::Code { info, text } = &inner.kind {
                for g in shell::read(text) {
                    for c in g.commands {
                        self.undo_commands.push(Command {
                            run: c,
                            ..Command::default()
                        });
                    }
                }
                let _ = info;
                let t = self.t("rollback");
                report.mapped(inner.lines, t, crate::msg!("import-detail-code-block"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::draft;

    #[test]
    fn bullets_of_inline_code_are_commands() {
        let d = draft("- `systemctl restart nginx`\n- `systemctl status nginx`\n");
        let runs: Vec<&str> = d.commands.iter().map(|c| c.run.as_str()).collect();
        assert_eq!(
            runs,
            vec!["systemctl restart nginx", "systemctl status nginx"]
        );
    }
}
