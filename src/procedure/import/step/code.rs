//! A step's code blocks and HTML: commands, expected output, validation.

use super::*;

impl StepDraft {
    pub(super) fn code(
        &mut self,
        info: &str,
        text: &str,
        lines: Lines,
        src: &Src,
        report: &mut Report,
    ) {
        let info = fence::parse(info);
        let class = fence::classify(&info, text);
        let pending = self.pending.take();
        if !info.ignored.is_empty() {
            let t = self.t("commands");
            report.add(
                Some(lines),
                Kind::Skipped,
                t,
                crate::msg!(
                    "import-detail-ignored-attributes",
                    attributes = info.ignored.join(", ")
                ),
            );
        }
        match (pending, class) {
            (Some(Pending::Field(StepField::Validation)), Class::Shell) => {
                let body = shell::read(text);
                let cmds: Vec<String> = body.iter().flat_map(|g| g.commands.clone()).collect();
                if cmds.is_empty() {
                    self.expected.push(text.trim_end().to_string());
                } else if self.validation.is_none() {
                    self.validation = Some(Command {
                        run: cmds.join("\n"),
                        ..Command::default()
                    });
                } else {
                    self.commands.extend(cmds.into_iter().map(|c| Command {
                        run: c,
                        ..Command::default()
                    }));
                }
                for g in body {
                    self.expected.extend(g.expected);
                    self.on_failure.extend(g.on_failure);
                }
                let t = self.t("validation");
                report.mapped(lines, t, crate::msg!("import-detail-code-block"));
            }
            (Some(Pending::Field(StepField::Rollback)), _) => {
                for g in shell::read(text) {
                    self.undo_commands
                        .extend(g.commands.into_iter().map(|c| Command {
                            run: c,
                            ..Command::default()
                        }));
                    self.undo_text.extend(g.text);
                }
                let t = self.t("rollback");
                report.mapped(lines, t, crate::msg!("import-detail-code-block"));
            }
            (
                Some(Pending::Field(
                    StepField::Expected | StepField::ExpectedOutput | StepField::Validation,
                )),
                _,
            ) => {
                self.expected.push(text.trim_end().to_string());
                let t = self.t("expected");
                report.mapped(lines, t, crate::msg!("import-detail-code-block"));
            }
            (Some(Pending::Field(StepField::OnFailure)), Class::Text) => {
                self.on_failure.push(text.trim_end().to_string());
                let t = self.t("on_failure");
                report.mapped(lines, t, crate::msg!("import-detail-code-block"));
            }
            (Some(Pending::Label(l)), Class::Text | Class::Diagram) => {
                self.add_note(
                    format!("{l}:\n{}", src.raw(lines)),
                    lines,
                    report,
                    crate::msg!("import-detail-label", label = l),
                );
            }
            (_, Class::Shell) => {
                self.shell(&info, text, lines, report);
                return;
            }
            (_, Class::Diagram) => {
                self.add_note(
                    src.raw(lines),
                    lines,
                    report,
                    crate::msg!("import-detail-diagram", lang = info.lang.clone()),
                );
            }
            (_, Class::Text) => {
                let after_session = self.commands.last().is_some_and(|c| c.interactive);
                if self.last_was_shell && fence::is_output(&info) && !after_session {
                    self.expected.push(text.trim_end().to_string());
                    let t = self.t("expected");
                    report.guess(
                        Some(lines),
                        t,
                        crate::msg!("import-detail-output-after-commands"),
                    );
                } else {
                    let lang = if info.lang.is_empty() {
                        "text".to_string()
                    } else {
                        info.lang.clone()
                    };
                    self.instructions.push(src.raw(lines));
                    let t = self.t("instructions");
                    report.mapped(
                        lines,
                        t,
                        crate::msg!("import-detail-block-as-text", lang = lang),
                    );
                }
            }
        }
        self.last_was_shell = false;
    }

    /// A shell block: its commands in order, with what its comments say.
    pub fn shell(&mut self, info: &fence::Info, text: &str, lines: Lines, report: &mut Report) {
        let t = self.t("commands");
        let trimmed = text.trim();
        if (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
            && !trimmed.contains(char::is_whitespace)
        {
            self.instructions.push(format!("Abrir {trimmed}"));
            let ti = self.t("instructions");
            report.guess(Some(lines), ti, crate::msg!("import-detail-address-block"));
            return;
        }
        if let Some((cmds, output)) = shell::prompted(text) {
            for c in cmds {
                self.push_command(c, info.name.clone(), info.interactive.unwrap_or(false));
            }
            if !output.is_empty() {
                self.expected.push(output.join("\n"));
                let te = self.t("expected");
                report.guess(
                    Some(lines),
                    te,
                    crate::msg!("import-detail-unprompted-output"),
                );
            }
            report.mapped(lines, t, crate::msg!("import-detail-prompts-removed"));
            self.last_was_shell = true;
            return;
        }
        // A named block (Runme cell, Rundown `named`) stays one command.
        let named = info.name.clone().or_else(|| {
            info.named.then(|| {
                text.lines()
                    .find(|l| l.trim_start().starts_with('#') && !l.starts_with("#!"))
                    .map(|l| l.trim_start_matches('#').trim().to_string())
            })?
        });
        if named.is_some() || info.interactive.is_some() {
            self.push_command(
                text.trim_end().to_string(),
                named.clone(),
                info.interactive.unwrap_or(false),
            );
            let what = match (named, info.interactive) {
                (Some(n), Some(true)) => {
                    crate::msg!("import-detail-named-interactive", name = n)
                }
                (Some(n), _) => crate::msg!("import-detail-named", name = n),
                (None, _) => crate::msg!("import-detail-interactive"),
            };
            report.mapped(lines, t, what);
            self.last_was_shell = true;
            return;
        }
        let mut n = 0;
        for g in shell::read(text) {
            if let Some((num, title)) = &g.marker {
                // Numbered comments inside one step stay as comments.
                match g.commands.first() {
                    Some(_) => {}
                    None => self.instructions.push(format!("{num}. {title}")),
                }
            }
            let mut cmds = g.commands;
            if let (Some((num, title)), Some(first)) = (&g.marker, cmds.first_mut()) {
                *first = format!("# {num}. {title}\n{first}");
            }
            n += cmds.len();
            for c in cmds {
                self.push_command(c, None, false);
            }
            if !g.text.is_empty() {
                self.instructions.push(shell::uncomment(&g.text));
            }
            self.expected.extend(g.expected);
            self.on_failure.extend(g.on_failure);
            if let Some(e) = g.estimate
                && self.estimate.is_none()
            {
                self.estimate = Some(e.estimate);
            }
            for r in g.read {
                report.guess(Some(lines), self.fields(), r);
            }
        }
        report.mapped(lines, t, crate::msg!("import-detail-from-code", count = n));
        self.last_was_shell = true;
    }

    pub(super) fn html(&mut self, h: &str, lines: Lines, src: &Src, report: &mut Report) {
        let text = freeform::rundown_desc(h);
        match text {
            Some(d) => {
                self.instructions.push(d);
                let t = self.t("instructions");
                report.mapped(lines, t, crate::msg!("import-detail-rundown-description"));
            }
            None => self.add_note(
                src.raw(lines),
                lines,
                report,
                crate::msg!("import-detail-html"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::draft;

    #[test]
    fn a_shell_block_gives_its_commands() {
        let d = draft("```bash\nsystemctl restart nginx\nsystemctl status nginx\n```\n");
        let runs: Vec<&str> = d.commands.iter().map(|c| c.run.as_str()).collect();
        assert!(
            runs.iter().any(|r| r.contains("systemctl restart nginx")),
            "{runs:?}"
        );
        assert!(
            runs.iter().any(|r| r.contains("systemctl status nginx")),
            "{runs:?}"
        );
    }

    #[test]
    fn a_streaming_command_is_interactive() {
        let d = draft("```bash\nkubectl get pods -w\n```\n");
        assert!(d.commands.iter().all(|c| c.interactive), "{:?}", d.commands);
        assert_eq!(d.commands.len(), 1);
    }
}
