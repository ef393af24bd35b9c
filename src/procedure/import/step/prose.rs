//! A step's paragraphs: instructions, warnings, quotes, and the prose that
//! carries commands inline.

use super::*;

impl StepDraft {
    /// `cmd`, found in `what` (a warning, a failure hint), becomes this
    /// step's rollback.
    fn undo_from(&mut self, cmd: String, what: Msg, lines: Lines, report: &mut Report) {
        let t = self.t("rollback");
        report.guess(
            Some(lines),
            t,
            crate::msg!(
                "import-detail-step-rollback-from",
                command = cmd.clone(),
                source = what
            ),
        );
        self.undo_commands.push(Command {
            run: cmd,
            ..Command::default()
        });
    }

    pub(super) fn paragraph(&mut self, p: &[Inline], lines: Lines, src: &Src, report: &mut Report) {
        if self.pending.is_none() && crate::procedure::import::alternative::is_warning(&plain(p)) {
            let text = plain(p);
            self.prose(p, &text, lines, report);
            self.last_was_shell = false;
            return;
        }
        let rows = inline::lines(p);
        let labelled = rows.first().and_then(|r| inline::label(r)).is_some();
        if !labelled {
            let text = plain(p);
            match self.pending.take() {
                Some(Pending::Field(f)) => self.field(f, &text, p, lines, report),
                Some(Pending::Label(l)) => self.add_note(
                    format!("{l}: {text}"),
                    lines,
                    report,
                    crate::msg!("import-detail-labelled-text"),
                ),
                None => self.prose(p, &text, lines, report),
            }
            self.last_was_shell = false;
            return;
        }
        // A labelled line takes the unlabelled lines after it as its value.
        let mut grouped: Vec<(Option<String>, Vec<Inline>)> = Vec::new();
        for row in rows {
            match (inline::label(&row), grouped.last_mut()) {
                (Some((label, value)), _) => grouped.push((Some(label), value)),
                (None, Some((Some(_), value))) => {
                    value.push(Inline::Break);
                    value.extend(row);
                }
                (None, _) => grouped.push((None, row)),
            }
        }
        for (label, value) in grouped {
            match label.map(|l| (l, value.clone())) {
                Some((label, value)) => {
                    let text = plain(&value);
                    match step_field(&label) {
                        Some(f) if text.is_empty() => {
                            self.pending = Some(Pending::Field(f));
                            let t = self.fields();
                            report.mapped(
                                lines,
                                t,
                                crate::msg!("import-detail-label-applies", label = label),
                            );
                        }
                        Some(f) => {
                            self.pending = None;
                            self.field(f, &text, &value, lines, report);
                        }
                        None if text.is_empty() => self.pending = Some(Pending::Label(label)),
                        None => {
                            self.pending = None;
                            self.add_note(
                                format!("{label}: {text}"),
                                lines,
                                report,
                                crate::msg!("import-detail-label", label = label),
                            );
                        }
                    }
                }
                None => {
                    let text = plain(&value);
                    self.prose(&value, &text, lines, report);
                }
            }
        }
        let _ = src;
        self.last_was_shell = false;
    }

    /// Plain text of the step: instructions, with the commands written
    /// inline picked out.
    pub(super) fn prose(&mut self, p: &[Inline], text: &str, lines: Lines, report: &mut Report) {
        if text.is_empty() {
            return;
        }
        if crate::procedure::import::alternative::is_warning(text) {
            self.warnings
                .push(crate::procedure::import::alternative::warning_text(text));
            let t = self.t("warning");
            report.mapped(lines, t, crate::msg!("import-detail-warning-paragraph"));
            if freeform::is_failure_sentence(text) {
                self.on_failure.push(text.to_string());
                let t = self.t("on_failure");
                report.mapped(lines, t, crate::msg!("import-detail-conditional"));
            }
            // Inline code in a warning is never run as part of the step; a
            // warning that says what to do on failure still gives the undo.
            for (cmd, ctx) in freeform::inline_commands(p) {
                if ctx == Context::Undo {
                    self.undo_from(
                        cmd,
                        crate::msg!("import-detail-from-warning"),
                        lines,
                        report,
                    );
                }
            }
            return;
        }
        if matches!(
            crate::procedure::import::classify::norm(text).as_str(),
            "or" | "o" | "or:" | "o:" | "either" | "alternatively" | "alternativamente"
        ) {
            self.notes.push(format!("The source offers alternatives here (`{text}`): the commands before and after it are two ways to do the same thing; run one of them."));
            let t = self.t("notes");
            report.guess(
                Some(lines),
                t,
                crate::msg!("import-detail-alternatives", text = text.to_string()),
            );
            return;
        }
        let found = freeform::inline_commands(p);
        let failure = freeform::is_failure_sentence(text);
        if failure {
            self.on_failure.push(text.to_string());
            let t = self.t("on_failure");
            report.mapped(lines, t, crate::msg!("import-detail-conditional"));
        } else {
            self.instructions.push(text.to_string());
            let t = self.t("instructions");
            report.mapped(lines, t, None);
        }
        for (cmd, ctx) in found {
            match ctx {
                Context::Run if !failure => {
                    self.push_command(cmd.clone(), None, false);
                    let t = self.t("commands");
                    report.guess(
                        Some(lines),
                        t,
                        crate::msg!("import-detail-inline-code-command", command = cmd.clone()),
                    );
                }
                Context::Undo | Context::Run => {
                    self.undo_from(
                        cmd,
                        crate::msg!("import-detail-from-failure-hint"),
                        lines,
                        report,
                    );
                }
                Context::Mention => {}
            }
        }
    }

    pub(super) fn quoted(&mut self, p: &[Inline], lines: Lines, src: &Src, report: &mut Report) {
        let text = plain(p);
        if crate::procedure::import::alternative::is_warning(&text)
            || freeform::is_failure_sentence(&text)
        {
            self.prose(p, &text, lines, report);
        } else {
            self.add_note(
                src.raw(lines).trim_start_matches('>').trim().to_string(),
                lines,
                report,
                crate::msg!("import-detail-quote"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::draft;

    #[test]
    fn a_warning_paragraph_is_a_warning() {
        let d = draft("**WARNING:** this deletes every backup\n");
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("this deletes every backup")),
            "{d:?}"
        );
    }

    #[test]
    fn plain_prose_is_an_instruction_not_a_command() {
        let d = draft("Revisa que el balanceador esté sano antes de seguir.\n");
        assert!(d.commands.is_empty(), "{d:?}");
        assert!(!d.instructions.is_empty(), "{d:?}");
    }
}
