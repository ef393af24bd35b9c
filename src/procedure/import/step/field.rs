//! The template's labelled fields of a step (`**Resultado Esperado:**`,
//! `**Criticidad:**`, ...).

use super::*;

impl StepDraft {
    pub(super) fn field(
        &mut self,
        f: StepField,
        text: &str,
        value: &[Inline],
        lines: Lines,
        report: &mut Report,
    ) {
        let t = |s: &Self, field: &'static str| s.t(field);
        match f {
            StepField::Estimate => match duration::whole(text) {
                Some(d) => {
                    self.estimate = Some(d.estimate);
                    let tt = t(self, "estimate");
                    report.mapped(
                        lines,
                        tt,
                        crate::procedure::import::msg::Msg::value_to(
                            text.to_string(),
                            d.estimate.to_string(),
                        ),
                    );
                }
                None => {
                    let tt = t(self, "notes");
                    self.notes.push(format!("Duración estimada: {text}"));
                    report.add(
                        Some(lines),
                        Kind::Notes,
                        tt,
                        crate::msg!("import-detail-not-a-duration", value = text.to_string()),
                    );
                }
            },
            StepField::Criticality => {
                let word = text
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .next()
                    .unwrap_or("");
                match Criticality::parse(text)
                    .or_else(|| Criticality::parse(word.trim_matches('*')))
                    .filter(|_| !text.contains('|'))
                {
                    Some(c) => {
                        self.criticality = Some(c);
                        let tt = t(self, "criticality");
                        report.mapped(
                            lines,
                            tt,
                            crate::procedure::import::msg::Msg::value_to(
                                text.to_string(),
                                c.to_string(),
                            ),
                        );
                    }
                    None => {
                        self.notes.push(format!("Criticidad: {text}"));
                        let tt = t(self, "notes");
                        report.add(
                            Some(lines),
                            Kind::Notes,
                            tt,
                            crate::msg!(
                                "import-detail-criticality-unknown",
                                value = text.to_string()
                            ),
                        );
                    }
                }
            }
            StepField::RollbackAvailable => {
                let n = crate::procedure::import::classify::norm(text);
                let yes = matches!(
                    n.split_whitespace().next(),
                    Some("si" | "yes" | "true" | "s")
                );
                let no = matches!(n.split_whitespace().next(), Some("no" | "false" | "n"));
                let alternatives = text.contains('|') || text.contains('/');
                if yes && !alternatives {
                    self.rollback_available = Some(true);
                    let tt = t(self, "rollback");
                    report.mapped(lines, tt, crate::msg!("import-detail-rollback-yes"));
                } else if no && !alternatives {
                    self.rollback_available = Some(false);
                    let tt = t(self, "rollback");
                    report.mapped(lines, tt, crate::msg!("import-detail-rollback-no"));
                } else {
                    self.notes.push(format!("Rollback disponible: {text}"));
                    let tt = t(self, "notes");
                    report.add(
                        Some(lines),
                        Kind::Notes,
                        tt,
                        crate::msg!("import-detail-not-yes-no", value = text.to_string()),
                    );
                }
            }
            StepField::Expected | StepField::ExpectedOutput => {
                self.expected.push(text.to_string());
                let tt = t(self, "expected");
                report.mapped(lines, tt, None);
            }
            StepField::Validation => {
                let cmds: Vec<String> = freeform::inline_commands(value)
                    .into_iter()
                    .map(|(c, _)| c)
                    .collect();
                if let (Some(first), true) = (cmds.first(), self.validation.is_none()) {
                    self.validation = Some(Command {
                        run: first.clone(),
                        ..Command::default()
                    });
                    let tt = t(self, "validation");
                    report.mapped(lines, tt, crate::msg!("import-detail-inline-command"));
                    for extra in &cmds[1..] {
                        self.expected.push(format!("Validación: `{extra}`"));
                    }
                    self.expected.push(format!("Validación: {text}"));
                } else {
                    self.expected.push(format!("Validación: {text}"));
                    let tt = t(self, "expected");
                    report.mapped(lines, tt, crate::msg!("import-detail-validation-words"));
                }
            }
            StepField::OnFailure => {
                self.on_failure.push(text.to_string());
                let tt = t(self, "on_failure");
                report.mapped(lines, tt, None);
            }
            StepField::Rollback => {
                let cmds = freeform::inline_commands(value);
                if cmds.is_empty() {
                    self.undo_text.push(text.to_string());
                } else {
                    for (c, _) in cmds {
                        self.undo_commands.push(Command {
                            run: c,
                            ..Command::default()
                        });
                    }
                    self.undo_text.push(text.to_string());
                }
                let tt = t(self, "rollback");
                report.mapped(lines, tt, None);
            }
            StepField::Commands => {
                let cmds = freeform::inline_commands(value);
                if cmds.is_empty() {
                    self.instructions.push(text.to_string());
                } else {
                    for (c, _) in cmds {
                        self.push_command(c, None, false);
                    }
                }
                let tt = t(self, "commands");
                report.mapped(lines, tt, None);
            }
            StepField::Instructions => {
                self.instructions.push(text.to_string());
                let tt = t(self, "instructions");
                report.mapped(lines, tt, None);
            }
            StepField::Confirm => {
                let n = crate::procedure::import::classify::norm(text);
                self.confirm = n.starts_with("si") || n.starts_with("yes") || n.starts_with("true");
                let tt = t(self, "confirm");
                report.mapped(lines, tt, None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::draft;

    #[test]
    fn the_expected_result_label_fills_expected() {
        let d = draft("**Resultado Esperado:** el servicio responde 200\n");
        assert!(
            d.expected
                .iter()
                .any(|e| e.contains("el servicio responde 200")),
            "{d:?}"
        );
        assert!(d.commands.is_empty());
    }
}
