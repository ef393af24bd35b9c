//! One step being assembled from the blocks under its heading (or from a
//! list item): the template's labelled fields, commands from code blocks,
//! inline code and bare bullets, expected output, on-failure hints and the
//! step's own rollback. Whatever fits no field goes to the step's notes.

use super::blocks::{Block, BlockKind, Item, Lines};
use super::duration::{self, Found};
use super::fence::{self, Class};
use super::freeform::{self, Context};
use super::inline::{self, Inline, plain};
use super::report::{Kind, Report};
use super::shell;
use super::template::{StepField, step_field};
use super::text::{Src, block_text, list_text};
use crate::procedure::estimate::Estimate;
use crate::procedure::keyword::{Criticality, Keyword};
use crate::procedure::model::{Command, Step, StepRollback, StepUndo, Validation};

#[derive(Debug, Clone, Default)]
pub struct StepDraft {
    /// Draft number, used in report targets until ids are final.
    pub no: usize,
    pub title: String,
    pub explicit_id: Option<String>,
    pub lines: Option<Lines>,
    /// A `(lo-hi min)` range from the heading, for time-window detection.
    pub heading_range: Option<Estimate>,
    pub estimate: Option<Estimate>,
    pub criticality: Option<Criticality>,
    pub confirm: bool,
    pub instructions: Vec<String>,
    /// WARNING / ADVERTENCIA / ⚠️ paragraphs: shown before the step runs.
    pub warnings: Vec<String>,
    pub commands: Vec<Command>,
    pub expected: Vec<String>,
    pub validation: Option<Command>,
    pub on_failure: Vec<String>,
    pub notes: Vec<String>,
    pub undo_commands: Vec<Command>,
    pub undo_text: Vec<String>,
    pub rollback_available: Option<bool>,
    pending: Option<Pending>,
    last_was_shell: bool,
}

#[derive(Debug, Clone)]
enum Pending {
    Field(StepField),
    /// An unknown label waiting for its content: it goes to the notes.
    Label(String),
}

pub fn target(no: usize) -> String {
    format!("step {{#{no}}}")
}

impl StepDraft {
    pub fn new(no: usize, title: &str, lines: Option<Lines>) -> Self {
        StepDraft {
            no,
            title: title.trim().to_string(),
            lines,
            ..StepDraft::default()
        }
    }

    fn t(&self, what: &str) -> String {
        format!("{} {what}", target(self.no))
    }

    /// Takes a duration from the heading: `(5-8 min)`.
    pub fn heading_estimate(&mut self, f: &Found, line: Option<Lines>, report: &mut Report) {
        self.heading_range = Some(f.estimate);
        self.estimate = Some(f.estimate);
        let t = self.t("estimate");
        report.guess(
            line,
            t,
            format!("estimate {} taken from heading `({})`", f.estimate, f.text),
        );
    }

    pub fn add_note(&mut self, text: String, lines: Lines, report: &mut Report, what: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.notes.push(text);
        let t = self.t("notes");
        report.notes(lines, t, what.to_string());
    }

    fn push_command(&mut self, run: String, name: Option<String>, interactive: bool) {
        let run = run.trim_end().to_string();
        if run.trim().is_empty() {
            return;
        }
        let interactive = interactive || shell::is_interactive(&run);
        self.commands.push(Command {
            run,
            name,
            interactive,
            timeout: None,
            span: 0..0,
        });
    }

    /// Reads one block of the step's content.
    pub fn absorb(&mut self, b: &Block, src: &Src, report: &mut Report) {
        match &b.kind {
            BlockKind::Paragraph(p) => self.paragraph(p, b.lines, src, report),
            BlockKind::List { ordered, items } => self.list(*ordered, items, b, src, report),
            BlockKind::Code { info, text } => self.code(info, text, b.lines, src, report),
            BlockKind::Table { .. } => {
                let raw = src.raw(b.lines);
                match self.pending.take() {
                    Some(Pending::Field(StepField::Expected | StepField::ExpectedOutput)) => {
                        self.expected.push(raw);
                        let t = self.t("expected");
                        report.mapped(b.lines, t, "table");
                    }
                    Some(Pending::Label(l)) => {
                        self.add_note(format!("{l}:\n{raw}"), b.lines, report, "table")
                    }
                    _ => self.add_note(raw, b.lines, report, "table"),
                }
                self.last_was_shell = false;
            }
            BlockKind::Quote(blocks) => {
                for inner in blocks {
                    match &inner.kind {
                        BlockKind::Paragraph(p) => self.quoted(p, inner.lines, src, report),
                        _ => {
                            let text = src.raw(inner.lines);
                            self.add_note(text, inner.lines, report, "quoted block");
                        }
                    }
                }
            }
            BlockKind::Html(h) => self.html(h, b.lines, src, report),
            BlockKind::Rule => report.add(Some(b.lines), Kind::Skipped, "nothing", "separator"),
            BlockKind::Heading { text, .. } => {
                // A sub-heading inside the step: a label for what follows.
                let title = inline::strip_decoration(&plain(text));
                match step_field(&title) {
                    Some(f) => {
                        self.pending = Some(Pending::Field(f));
                        let t = self.t("fields");
                        report.mapped(b.lines, t, format!("sub-heading `{title}` read as a label"));
                    }
                    None => {
                        self.instructions.push(format!("{title}:"));
                        let t = self.t("instructions");
                        report.mapped(b.lines, t, "sub-heading");
                    }
                }
            }
        }
    }

    fn paragraph(&mut self, p: &[Inline], lines: Lines, src: &Src, report: &mut Report) {
        if self.pending.is_none() && super::alternative::is_warning(&plain(p)) {
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
                Some(Pending::Label(l)) => {
                    self.add_note(format!("{l}: {text}"), lines, report, "labelled text")
                }
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
                            let t = self.t("fields");
                            report.mapped(lines, t, format!("`{label}:` applies to what follows"));
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
                                &format!("label `{label}`"),
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
    fn prose(&mut self, p: &[Inline], text: &str, lines: Lines, report: &mut Report) {
        if text.is_empty() {
            return;
        }
        if super::alternative::is_warning(text) {
            self.warnings.push(super::alternative::warning_text(text));
            let t = self.t("warning");
            report.mapped(lines, t, "warning paragraph, shown before the step runs");
            if freeform::is_failure_sentence(text) {
                self.on_failure.push(text.to_string());
                let t = self.t("on_failure");
                report.mapped(lines, t, "conditional sentence");
            }
            // Inline code in a warning is never run as part of the step; a
            // warning that says what to do on failure still gives the undo.
            for (cmd, ctx) in freeform::inline_commands(p) {
                if ctx == Context::Undo {
                    self.undo_commands.push(Command {
                        run: cmd.clone(),
                        ..Command::default()
                    });
                    let t = self.t("rollback");
                    report.guess(
                        Some(lines),
                        t,
                        format!("`{cmd}` read as this step's rollback (from a warning)"),
                    );
                }
            }
            return;
        }
        if matches!(
            super::classify::norm(text).as_str(),
            "or" | "o" | "or:" | "o:" | "either" | "alternatively" | "alternativamente"
        ) {
            self.notes.push(format!("The source offers alternatives here (`{text}`): the commands before and after it are two ways to do the same thing; run one of them."));
            let t = self.t("notes");
            report.guess(
                Some(lines),
                t,
                format!("`{text}` between commands read as alternatives"),
            );
            return;
        }
        let found = freeform::inline_commands(p);
        let failure = freeform::is_failure_sentence(text);
        if failure {
            self.on_failure.push(text.to_string());
            let t = self.t("on_failure");
            report.mapped(lines, t, "conditional sentence");
        } else {
            self.instructions.push(text.to_string());
            let t = self.t("instructions");
            report.mapped(lines, t, "");
        }
        for (cmd, ctx) in found {
            match ctx {
                Context::Run if !failure => {
                    self.push_command(cmd.clone(), None, false);
                    let t = self.t("commands");
                    report.guess(
                        Some(lines),
                        t,
                        format!("command `{cmd}` taken from inline code"),
                    );
                }
                Context::Undo | Context::Run => {
                    self.undo_commands.push(Command {
                        run: cmd.clone(),
                        ..Command::default()
                    });
                    let t = self.t("rollback");
                    report.guess(
                        Some(lines),
                        t,
                        format!("`{cmd}` read as this step's rollback (from a failure hint)"),
                    );
                }
                Context::Mention => {}
            }
        }
    }

    fn quoted(&mut self, p: &[Inline], lines: Lines, src: &Src, report: &mut Report) {
        let text = plain(p);
        if super::alternative::is_warning(&text) || freeform::is_failure_sentence(&text) {
            self.prose(p, &text, lines, report);
        } else {
            self.add_note(
                src.raw(lines).trim_start_matches('>').trim().to_string(),
                lines,
                report,
                "quote",
            );
        }
    }

    fn field(
        &mut self,
        f: StepField,
        text: &str,
        value: &[Inline],
        lines: Lines,
        report: &mut Report,
    ) {
        let t = |s: &Self, what: &str| s.t(what);
        match f {
            StepField::Estimate => match duration::whole(text) {
                Some(d) => {
                    self.estimate = Some(d.estimate);
                    let tt = t(self, "estimate");
                    report.mapped(lines, tt, format!("`{text}` -> {}", d.estimate));
                }
                None => {
                    let tt = t(self, "notes");
                    self.notes.push(format!("Duración estimada: {text}"));
                    report.add(
                        Some(lines),
                        Kind::Notes,
                        tt,
                        format!("`{text}` is not a duration"),
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
                        report.mapped(lines, tt, format!("`{text}` -> {c}"));
                    }
                    None => {
                        self.notes.push(format!("Criticidad: {text}"));
                        let tt = t(self, "notes");
                        report.add(
                            Some(lines),
                            Kind::Notes,
                            tt,
                            format!("criticality `{text}` not understood"),
                        );
                    }
                }
            }
            StepField::RollbackAvailable => {
                let n = super::classify::norm(text);
                let yes = matches!(
                    n.split_whitespace().next(),
                    Some("si" | "yes" | "true" | "s")
                );
                let no = matches!(n.split_whitespace().next(), Some("no" | "false" | "n"));
                let alternatives = text.contains('|') || text.contains('/');
                if yes && !alternatives {
                    self.rollback_available = Some(true);
                    let tt = t(self, "rollback");
                    report.mapped(lines, tt, "rollback available: yes");
                } else if no && !alternatives {
                    self.rollback_available = Some(false);
                    let tt = t(self, "rollback");
                    report.mapped(lines, tt, "rollback available: no -> rollback = \"none\"");
                } else {
                    self.notes.push(format!("Rollback disponible: {text}"));
                    let tt = t(self, "notes");
                    report.add(
                        Some(lines),
                        Kind::Notes,
                        tt,
                        format!("`{text}` is neither yes nor no"),
                    );
                }
            }
            StepField::Expected | StepField::ExpectedOutput => {
                self.expected.push(text.to_string());
                let tt = t(self, "expected");
                report.mapped(lines, tt, "");
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
                    report.mapped(lines, tt, "command from inline code");
                    for extra in &cmds[1..] {
                        self.expected.push(format!("Validación: `{extra}`"));
                    }
                    self.expected.push(format!("Validación: {text}"));
                } else {
                    self.expected.push(format!("Validación: {text}"));
                    let tt = t(self, "expected");
                    report.mapped(lines, tt, "validation described in words");
                }
            }
            StepField::OnFailure => {
                self.on_failure.push(text.to_string());
                let tt = t(self, "on_failure");
                report.mapped(lines, tt, "");
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
                report.mapped(lines, tt, "");
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
                report.mapped(lines, tt, "");
            }
            StepField::Instructions => {
                self.instructions.push(text.to_string());
                let tt = t(self, "instructions");
                report.mapped(lines, tt, "");
            }
            StepField::Confirm => {
                let n = super::classify::norm(text);
                self.confirm = n.starts_with("si") || n.starts_with("yes") || n.starts_with("true");
                let tt = t(self, "confirm");
                report.mapped(lines, tt, "");
            }
        }
    }

    fn list(
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
                    report.mapped(b.lines, t, "list");
                }
                Pending::Field(
                    StepField::Expected | StepField::ExpectedOutput | StepField::Validation,
                ) => {
                    self.expected.push(list_text(ordered, items));
                    let t = self.t("expected");
                    report.mapped(b.lines, t, "list");
                }
                Pending::Field(StepField::Rollback) => {
                    for item in items {
                        self.rollback_item(item, report);
                    }
                    let t = self.t("rollback");
                    report.mapped(b.lines, t, "list");
                }
                Pending::Field(_) => {
                    self.instructions.push(list_text(ordered, items));
                    let t = self.t("instructions");
                    report.mapped(b.lines, t, "list");
                }
                Pending::Label(l) => {
                    self.add_note(
                        format!("{l}:\n{}", list_text(ordered, items)),
                        b.lines,
                        report,
                        &format!("label `{l}`"),
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
                    format!("bullet `{cmd}` read as a command"),
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
                                format!("command `{cmd}` taken from inline code"),
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
                                format!("`{cmd}` read as this step's rollback"),
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

    fn flush_kept(&mut self, kept: &mut Vec<String>, lines: Lines, report: &mut Report) {
        if kept.is_empty() {
            return;
        }
        self.instructions.push(kept.join("\n"));
        kept.clear();
        let t = self.t("instructions");
        report.mapped(lines, t, "list");
    }

    fn rollback_item(&mut self, item: &Item, report: &mut Report) {
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
                report.mapped(inner.lines, t, "code block");
            }
        }
    }

    fn code(&mut self, info: &str, text: &str, lines: Lines, src: &Src, report: &mut Report) {
        let info = fence::parse(info);
        let class = fence::classify(&info, text);
        let pending = self.pending.take();
        if !info.ignored.is_empty() {
            let t = self.t("commands");
            report.add(
                Some(lines),
                Kind::Skipped,
                t,
                format!(
                    "code block attributes pasos does not use: {}",
                    info.ignored.join(", ")
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
                report.mapped(lines, t, "code block");
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
                report.mapped(lines, t, "code block");
            }
            (
                Some(Pending::Field(
                    StepField::Expected | StepField::ExpectedOutput | StepField::Validation,
                )),
                _,
            ) => {
                self.expected.push(text.trim_end().to_string());
                let t = self.t("expected");
                report.mapped(lines, t, "code block");
            }
            (Some(Pending::Field(StepField::OnFailure)), Class::Text) => {
                self.on_failure.push(text.trim_end().to_string());
                let t = self.t("on_failure");
                report.mapped(lines, t, "code block");
            }
            (Some(Pending::Label(l)), Class::Text | Class::Diagram) => {
                self.add_note(
                    format!("{l}:\n{}", src.raw(lines)),
                    lines,
                    report,
                    &format!("label `{l}`"),
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
                    &format!("{} diagram", info.lang),
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
                        "code block after the commands read as their expected output",
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
                        format!("{lang} block kept as text (pasos runs shell commands)"),
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
            report.guess(
                Some(lines),
                ti,
                "a code block holding only an address: kept as a link to open, not a command",
            );
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
                    "lines without a `$ ` prompt read as the expected output",
                );
            }
            report.mapped(lines, t, "`$ ` prompts removed");
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
            let what = match (&named, info.interactive) {
                (Some(n), Some(true)) => format!("one command named `{n}`, interactive"),
                (Some(n), _) => format!("one command named `{n}`"),
                (None, _) => "one interactive command".to_string(),
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
                report.guess(Some(lines), self.t("fields"), r);
            }
        }
        report.mapped(lines, t, format!("{n} from a code block"));
        self.last_was_shell = true;
    }

    fn html(&mut self, h: &str, lines: Lines, src: &Src, report: &mut Report) {
        let text = freeform::rundown_desc(h);
        match text {
            Some(d) => {
                self.instructions.push(d);
                let t = self.t("instructions");
                report.mapped(lines, t, "Rundown description");
            }
            None => self.add_note(src.raw(lines), lines, report, "HTML"),
        }
    }

    /// The finished step (ids are set later).
    pub fn finish(self) -> Step {
        let manual = self.commands.is_empty();
        let rollback = if !self.undo_commands.is_empty() || !self.undo_text.is_empty() {
            StepRollback::Some(StepUndo {
                instructions: join(&self.undo_text, "\n"),
                commands: self.undo_commands,
                estimate: None,
                steps: Vec::new(),
            })
        } else if self.rollback_available == Some(false) {
            StepRollback::None
        } else {
            StepRollback::Missing
        };
        Step {
            id: self.explicit_id.clone().unwrap_or_default(),
            title: self.title,
            estimate: self.estimate,
            criticality: self.criticality,
            instructions: join(&self.instructions, "\n\n"),
            warning: join(&self.warnings, "\n"),
            commands: self.commands,
            expected: join(&self.expected, "\n"),
            validation: self.validation.map(|c| Validation {
                command: Some(c),
                exit_code: Some(0),
                output: None,
                span: 0..0,
            }),
            on_failure: self
                .on_failure
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect(),
            rollback,
            approval: Vec::new(),
            confirm: self.confirm,
            manual,
            notes: self.notes,
            allow: Vec::new(),
            choice: None,
            condition: None,
            span: 0..0,
        }
    }
}

fn join(parts: &[String], sep: &str) -> Option<String> {
    let kept: Vec<&str> = parts
        .iter()
        .map(|s| s.trim_end())
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join(sep))
}

/// One list item as a line of text.
pub fn item_text(item: &Item) -> String {
    let mut s = plain(item.head()).replace('\n', " ");
    for b in item.blocks.iter().skip(1) {
        let t = block_text(b);
        if !t.trim().is_empty() {
            s.push('\n');
            s.push_str(&t);
        }
    }
    s
}
