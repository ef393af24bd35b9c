//! One run in line mode: set up (or resume) the journal, ask for variables
//! and prerequisites, then walk the steps, carrying out the engine's
//! effects in order (each event appended and fsynced before anything is
//! shown as done).

use super::input::{Input, NoAnswer, Signals, say, write_raw};
use super::show;
use crate::i18n::Lang;
use crate::journal::{JournalWriter, Mode, RunOutcome, StepOutcome};
use crate::run::{Effect, Engine, Msg, RunStatus, StepStatus};
use crate::runner::ending::Ending;
use crate::runner::pipe_shell::PipeShell;
use crate::tr;
use std::collections::VecDeque;
use std::path::PathBuf;

pub use crate::runner::setup::{Ended, Options};

mod branch;
mod people;

pub(super) enum Stop {
    Quit,
    Ending(Ending),
    Journal(std::io::Error),
}

impl From<NoAnswer> for Stop {
    fn from(n: NoAnswer) -> Stop {
        match n {
            NoAnswer::Quit => Stop::Quit,
            NoAnswer::Ending(why) => Stop::Ending(why),
        }
    }
}

pub(super) struct Session {
    pub(super) engine: Engine,
    pub(super) writer: JournalWriter,
    pub(super) shell: Option<PipeShell>,
    pub(super) shell_dir: PathBuf,
    pub(super) input: Input,
    pub(super) lang: Lang,
    pub(super) signals: Signals,
    pub(super) source: String,
    pub(super) phase_shown: Option<String>,
    /// The step card last printed (id, attempt), to print it once.
    pub(super) card_shown: Option<(String, u32)>,
    /// Each item's output (redacted), kept for an unattended run's report.
    pub(super) outputs: std::collections::BTreeMap<String, String>,
    /// Approvals, the supervisor, a handoff (see `session::people`).
    pub(super) people: Option<crate::runner::people::People>,
}

pub fn run(opts: Options) -> Ended {
    let signals = Signals::install();
    let open = match crate::runner::setup::open(&opts) {
        Ok(o) => o,
        Err(e) => return e.into(),
    };
    let _lock = open.lock;
    match &open.signing {
        crate::runner::setup::Signing::Signed { label, .. } => say(label),
        crate::runner::setup::Signing::Unsigned(why) => say(why),
    }
    let signing = open.signing;
    let mut s = Session::new(open.engine, open.writer, &open.run_id, &opts, signals);
    s.people = Some(crate::runner::people::People::new(
        s.writer.path(),
        &opts.data_dir,
        &s.engine.procedure().meta.id.clone(),
        &opts.team_file,
        open.own_keys.clone(),
    ));
    let result = s.drive(open.effects, &opts, open.resumed);
    if let Some(text) = signing.failures(opts.lang) {
        say(&text);
    }
    let ended = match result {
        Ok(outcome) => Ended::Finished(outcome),
        Err(Stop::Journal(e)) => Ended::JournalFailed(e.to_string()),
        Err(Stop::Quit) => s.interrupt(Ending::Quit),
        Err(Stop::Ending(why)) => s.interrupt(why),
    };
    // Everything said reaches stdout before the exit code is decided,
    // unless a signal says the reader is gone.
    super::input::drain(std::time::Duration::from_secs(30));
    ended
}

impl Session {
    pub(super) fn new(
        engine: Engine,
        writer: JournalWriter,
        run_id: &str,
        opts: &Options,
        signals: Signals,
    ) -> Session {
        Session {
            engine,
            // Named with the pid, so a later start can tell it is left over.
            shell_dir: std::env::temp_dir()
                .join(format!("pasos-run-{}-{run_id}", std::process::id())),
            writer,
            shell: None,
            input: Input::new(signals.clone()),
            lang: opts.lang,
            signals,
            source: opts.file.display().to_string(),
            phase_shown: None,
            card_shown: None,
            outputs: Default::default(),
            people: None,
        }
    }

    fn drive(
        &mut self,
        first: Vec<Effect>,
        opts: &Options,
        resumed: bool,
    ) -> Result<RunOutcome, Stop> {
        self.exec(first)?;
        show::header(
            &self.engine,
            self.lang,
            &self.writer.path().display().to_string(),
            resumed,
        );
        self.variables(opts)?;
        if self.engine.state().status == RunStatus::Preparing {
            self.prerequisites()?;
        }
        loop {
            if let Some(why) = self.signals.ending() {
                return Err(Stop::Ending(why));
            }
            if let RunStatus::Finished(o) = self.engine.state().status {
                show::summary(&self.engine, self.lang);
                return Ok(o);
            }
            self.turn()?;
        }
    }

    pub(super) fn interrupt(&mut self, why: Ending) -> Ended {
        if why == Ending::NoInput {
            say("");
            say(&crate::tr!(
                self.lang,
                "hardening-no-input",
                limit = super::input::UNUSABLE_LIMIT
            ));
        }
        if let Ok(fx) = self.engine.update(Msg::Interrupt { cause: why.cause() })
            && let Err(Stop::Journal(e)) = self.exec(fx)
        {
            return Ended::JournalFailed(e.to_string());
        }
        say("");
        say(&tr!(
            self.lang,
            "run-interrupted-resume",
            run = self.engine.state().run_id.as_str(),
            file = self.source.as_str()
        ));
        Ended::Interrupted
    }

    /// Carries out effects in order; effects that produce more (a command
    /// finishing) are carried out before the next one.
    pub(super) fn exec(&mut self, effects: Vec<Effect>) -> Result<(), Stop> {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Journal(ev) => {
                    let now = self.engine.now();
                    self.writer.append(ev, now).map_err(Stop::Journal)?;
                    self.input.progress();
                }
                Effect::RunCommands {
                    step,
                    commands,
                    env,
                } => {
                    for command in commands {
                        let still_running = self
                            .engine
                            .item(&step)
                            .is_some_and(|i| i.status == StepStatus::Running);
                        if !still_running {
                            break;
                        }
                        for (n, l) in command.lines().enumerate() {
                            say(&format!("{} {l}", if n == 0 { "$" } else { ">" }));
                        }
                        let fx = self.update(Msg::CommandSent {
                            step: step.clone(),
                            command: command.clone(),
                            manual: false,
                            transcript_offset: None,
                        });
                        self.exec(fx)?;
                        let fin = self.run_in_shell(&command, &env);
                        self.keep_output(&step, &fin.2);
                        let fx = self.update(Msg::CommandFinished {
                            step: step.clone(),
                            exit_code: fin.0,
                            duration_ms: fin.1,
                            output: fin.2,
                            source: crate::journal::ExitSource::Sentinel,
                        });
                        self.exec(fx)?;
                    }
                }
                Effect::SendToShell { command, .. } => self.run_by_hand(&command)?,
                Effect::RunValidation { step, command, env } => {
                    say(&format!(
                        "  {}: $ {command}",
                        tr!(self.lang, "run-validating")
                    ));
                    let (code, _, output) = self.run_in_shell(&command, &env);
                    self.keep_output(&step, &output);
                    let fx = self.update(Msg::ValidationFinished {
                        step,
                        exit_code: code,
                        output,
                    });
                    self.exec(fx)?;
                }
                Effect::CheckPrerequisite {
                    group,
                    item,
                    command,
                } => {
                    say(&format!(
                        "    {}",
                        tr!(self.lang, "run-checking", command = format!("$ {command}"))
                    ));
                    let (code, _, _) = self.run_in_shell(&command, &[]);
                    say(&format!(
                        "    {}",
                        if code == 0 {
                            tr!(self.lang, "run-check-ok")
                        } else {
                            tr!(self.lang, "run-check-failed", code = code)
                        }
                    ));
                    let fx = self.update(Msg::PrerequisiteChecked {
                        group,
                        item,
                        exit_code: code,
                    });
                    self.exec(fx)?;
                }
            }
        }
        Ok(())
    }

    /// Sends a message the loop itself built; a refusal here is shown.
    pub(super) fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match self.engine.update(msg) {
            Ok(fx) => {
                self.sync_secrets();
                fx
            }
            Err(r) => {
                say(&format!("  ! {}", crate::i18n::refusal(self.lang, &r)));
                Vec::new()
            }
        }
    }

    /// Keeps the tail of an item's output (already redacted by the shell;
    /// redacted again with the journal's patterns).
    fn keep_output(&mut self, step: &str, output: &str) {
        let text = self.writer.redactor_mut().redact(output);
        let kept = self.outputs.entry(step.to_string()).or_default();
        kept.push_str(&text);
        if kept.len() > 2 * crate::runner::unattended::results::TAIL_CHARS {
            *kept = crate::runner::unattended::results::tail(kept);
        }
    }

    pub(super) fn sync_secrets(&mut self) {
        for s in self.engine.secret_values() {
            self.writer.redactor_mut().add_secret_str(s);
            if let Some(shell) = self.shell.as_mut() {
                shell.add_secret(s);
            }
        }
    }

    /// Runs a command in the persistent shell: (exit code, ms, output).
    fn run_in_shell(&mut self, command: &str, env: &[(String, String)]) -> (i32, u64, String) {
        if self.shell.as_mut().is_none_or(|s| !s.is_alive()) {
            if self.shell.is_some() {
                say(&tr!(self.lang, "run-shell-died"));
            }
            match PipeShell::spawn(self.shell_dir.clone()) {
                Ok(s) => {
                    self.shell = Some(s);
                    self.sync_secrets();
                }
                Err(e) => {
                    say(&format!(
                        "  ! {}",
                        tr!(self.lang, "run-shell-cannot-start", error = e.to_string())
                    ));
                    return (127, 0, String::new());
                }
            }
        }
        let sigint = self.signals.interrupt.clone();
        sigint.store(false, std::sync::atomic::Ordering::SeqCst);
        let Some(shell) = self.shell.as_mut() else {
            return (127, 0, String::new());
        };
        let mut ended_with_newline = true;
        let signals = self.signals.clone();
        let result = shell.run_until(
            command,
            env,
            &mut |b: &[u8]| {
                ended_with_newline = b.last() == Some(&b'\n');
                write_raw(b);
            },
            &sigint,
            &|| signals.ending().is_some(),
        );
        if !ended_with_newline {
            say("");
        }
        match result {
            Ok(f) => {
                if f.wound_down {
                    let why = self.signals.ending().unwrap_or(Ending::Terminate);
                    let text = why.interrupting_note();
                    let step = self.engine.active_item().map(|i| i.id.clone());
                    let fx = self.update(Msg::Note { step, text });
                    if let Err(Stop::Journal(e)) = self.exec(fx) {
                        say(&format!("  ! {e}"));
                    }
                }
                if f.exit_code.is_none() {
                    self.shell = None;
                    say(&tr!(self.lang, "run-shell-died"));
                }
                (
                    f.exit_code.unwrap_or(if f.interrupted { 130 } else { 127 }),
                    f.duration_ms,
                    f.output,
                )
            }
            Err(e) => {
                say(&format!("  ! {e}"));
                self.shell = None;
                (127, 0, String::new())
            }
        }
    }

    fn variables(&mut self, opts: &Options) -> Result<(), Stop> {
        for (name, value) in &opts.vars {
            let fx = self.update(Msg::SetVariable {
                name: name.clone(),
                value: value.to_string(),
            });
            self.exec(fx)?;
        }
        let missing = self.engine.missing_variables();
        if missing.is_empty() {
            return Ok(());
        }
        say(&format!("\n{}", tr!(self.lang, "run-variables")));
        for name in missing {
            let Some(var) = self.engine.procedure().variable(&name).cloned() else {
                continue;
            };
            let prompt_text = var.prompt.clone().unwrap_or_default();
            loop {
                let value = if var.secret {
                    self.input.secret(&format!(
                        "{} ",
                        tr!(
                            self.lang,
                            "plain-secret-prompt",
                            name = name.as_str(),
                            prompt = prompt_text.as_str()
                        )
                    ))?
                } else {
                    let default = var.default.clone().unwrap_or_default();
                    let v = self.input.line(&format!(
                        "{} ",
                        tr!(
                            self.lang,
                            "plain-variable-prompt",
                            name = name.as_str(),
                            prompt = prompt_text.as_str(),
                            default = default.as_str()
                        )
                    ))?;
                    if v.is_empty() { default } else { v }
                };
                if value.is_empty() {
                    continue;
                }
                match self.engine.update(Msg::SetVariable {
                    name: name.clone(),
                    value,
                }) {
                    Ok(fx) => {
                        self.sync_secrets();
                        self.exec(fx)?;
                        break;
                    }
                    Err(r) => say(&format!("  ! {}", crate::i18n::refusal(self.lang, &r))),
                }
            }
        }
        Ok(())
    }

    fn prerequisites(&mut self) -> Result<(), Stop> {
        let groups = self.engine.procedure().prerequisites.clone();
        if groups.is_empty() {
            return Ok(());
        }
        say(&format!("\n{}", tr!(self.lang, "run-prerequisites")));
        for (g, group) in groups.iter().enumerate() {
            say(&format!("  {}", group.group));
            for (i, item) in group.items.iter().enumerate() {
                if self.engine.state().prerequisites[g][i]
                    || self.engine.state().prerequisites_waived
                {
                    continue;
                }
                say(&format!("  [ ] {}", item.text));
                let rehearsal = self.engine.state().mode == Mode::Rehearsal;
                if item.check.is_some() && !rehearsal {
                    let fx = self.update(Msg::CheckPrerequisite { group: g, item: i });
                    self.exec(fx)?;
                    if self.engine.state().prerequisites[g][i] {
                        continue;
                    }
                }
                loop {
                    let answer = self.input.line(&format!(
                        "      {} ",
                        tr!(self.lang, "plain-prerequisite-keys")
                    ))?;
                    match answer.trim().to_lowercase().as_str() {
                        "y" | "s" | "si" | "sí" | "yes" => {
                            let fx = self.update(Msg::ConfirmPrerequisite { group: g, item: i });
                            self.exec(fx)?;
                            break;
                        }
                        "w" => {
                            let reason = self
                                .input
                                .line(&format!("      {} ", tr!(self.lang, "run-reason-waive")))?;
                            let fx = self.update(Msg::WaivePrerequisites { reason });
                            self.exec(fx)?;
                            if self.engine.state().prerequisites_waived {
                                return Ok(());
                            }
                        }
                        "q" => return Err(Stop::Quit),
                        _ => say(&tr!(self.lang, "plain-unknown-choice")),
                    }
                }
            }
        }
        Ok(())
    }

    fn announce_phase(&mut self, id: &str) {
        let Some(item) = self.engine.item(id) else {
            return;
        };
        let label = match item.kind {
            crate::run::ItemKind::Forward { phase, .. } => {
                let p = &self.engine.procedure().phases[phase];
                let budget = p
                    .budget
                    .map(|b| {
                        format!(
                            " ({})",
                            tr!(self.lang, "run-phase-budget", budget = b.to_string())
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{}{budget}",
                    tr!(self.lang, "run-phase", title = p.title.as_str())
                )
            }
            _ => tr!(self.lang, "run-rolling-back"),
        };
        if self.phase_shown.as_deref() != Some(label.as_str()) {
            say(&format!("\n== {label}"));
            if self.engine.state().status == RunStatus::RollingBack {
                show::plan(&self.engine, self.lang);
            }
            self.phase_shown = Some(label);
        }
    }

    fn turn(&mut self) -> Result<(), Stop> {
        self.look_around()?;
        if let Some(active) = self.engine.active_item().map(|i| (i.id.clone(), i.status))
            && active.1 == StepStatus::AwaitingOperator
        {
            return self.ask_report(&active.0);
        }
        let Some((id, status)) = self.engine.next_item().map(|i| (i.id.clone(), i.status)) else {
            return Err(Stop::Quit);
        };
        self.announce_phase(&id);
        let attempts = self
            .engine
            .item(&id)
            .map(|i| i.attempts)
            .unwrap_or_default();
        let card = Some((id.clone(), attempts));
        if self.card_shown != card {
            show::step_card(&self.engine, self.lang, &id);
            show::timers(&self.engine, self.lang);
            self.card_shown = card;
        }
        let rolling = self.engine.state().status == RunStatus::RollingBack;
        let menu = match (status, rolling) {
            (StepStatus::Failed, _) => tr!(self.lang, "plain-menu-failed"),
            (_, true) => tr!(self.lang, "plain-menu-rollback"),
            _ => tr!(self.lang, "plain-menu-step"),
        };
        let menu = if self.engine.procedure().snippets.is_empty() {
            menu
        } else {
            format!("{menu}  {}", tr!(self.lang, "branch-plain-menu-snippets"))
        };
        if let Some(held) = self.held() {
            say(&format!("  ! {held}"));
        }
        let answer = self.input.line(&format!("{menu}\n> "))?;
        let choice = answer.trim().to_lowercase();
        match (choice.as_str(), status) {
            ("", s) | ("r", s) if s != StepStatus::Failed || choice == "r" => self.run_step(&id),
            ("o", StepStatus::Failed) => {
                let reason = self.reason()?;
                let fx = self.update(Msg::Override {
                    step: id,
                    outcome: StepOutcome::Done,
                    reason,
                });
                self.exec(fx)
            }
            ("s", _) => {
                let reason = self.reason()?;
                let fx = self.update(Msg::Skip { step: id, reason });
                self.exec(fx)
            }
            ("n", _) => self.note(Some(id)),
            ("c", _) => self.snippets(),
            ("p", _) => {
                show::plan(&self.engine, self.lang);
                Ok(())
            }
            ("t", _) => self.decide(),
            ("b", _) => {
                let reason = self.reason()?;
                let fx = self.update(Msg::StartRollback { reason });
                self.exec(fx)
            }
            ("a", _) => {
                let reason = self.reason()?;
                let fx = self.update(Msg::Abort { reason });
                self.exec(fx)
            }
            ("q", _) => Err(Stop::Quit),
            ("?", _) => {
                say(&tr!(self.lang, "run-help"));
                Ok(())
            }
            _ => {
                say(&tr!(self.lang, "plain-unknown-choice"));
                Ok(())
            }
        }
    }

    /// Asks for the reason of a deviation (recorded in the journal).
    fn reason(&mut self) -> Result<String, Stop> {
        Ok(self
            .input
            .line(&format!("{} ", tr!(self.lang, "run-reason-prompt")))?)
    }

    fn run_step(&mut self, id: &str) -> Result<(), Stop> {
        // Approvals or the supervisor may have come while the prompt
        // waited; still held, the next prompt says for what.
        self.look_around()?;
        if self.held().is_some() {
            return Ok(());
        }
        if let branch::Answer::Settled = self.ask_question(id)? {
            return Ok(());
        }
        let accepted = self
            .engine
            .item(id)
            .and_then(|i| self.engine.confirmation_for(i));
        let typed = match accepted {
            Some(accepted) => {
                let quoted: Vec<String> = accepted.iter().map(|a| format!("`{a}`")).collect();
                let typed = self.input.line(&format!(
                    "{} ",
                    tr!(
                        self.lang,
                        "plain-type-to-confirm",
                        step = crate::i18n::item_name(self.lang, &self.engine, id),
                        accepted = quoted.join(" / ")
                    )
                ))?;
                if typed.trim().is_empty() {
                    return Ok(());
                }
                Some(typed)
            }
            None => None,
        };
        let fx = self.update(Msg::StartStep {
            step: id.to_string(),
            typed,
        });
        self.exec(fx)?;
        self.report_outcome(id);
        Ok(())
    }

    fn report_outcome(&mut self, id: &str) {
        let Some(item) = self.engine.item(id) else {
            return;
        };
        let name = crate::i18n::item_name(self.lang, &self.engine, id);
        let timer = self.engine.step_timer(id);
        let took = timer
            .as_ref()
            .map(|t| show::duration_ms(t.elapsed_ms))
            .unwrap_or_default();
        let est = timer
            .as_ref()
            .and_then(|t| t.estimate)
            .map(|e| e.to_string())
            .unwrap_or_else(|| "?".into());
        match item.status {
            StepStatus::Done => {
                let mut line = format!(
                    "✓ {}",
                    tr!(
                        self.lang,
                        "run-step-done",
                        step = name.as_str(),
                        took = took,
                        estimate = est
                    )
                );
                if let Some(t) = timer.filter(|t| t.over) {
                    let over = t
                        .elapsed_ms
                        .saturating_sub(t.estimate.map(|e| e.max_secs * 1000).unwrap_or(0));
                    line.push_str(&format!(
                        " — {}",
                        tr!(
                            self.lang,
                            "run-over-estimate",
                            over = show::duration_ms(over)
                        )
                    ));
                }
                say(&line);
            }
            StepStatus::Failed => {
                let cause =
                    crate::history::words::step_why(self.lang, &item.why).unwrap_or_default();
                say(&format!(
                    "✗ {}",
                    tr!(
                        self.lang,
                        "run-step-failed",
                        step = name.as_str(),
                        took = took,
                        cause = cause
                    )
                ));
                show::failure(&self.engine, self.lang, id);
                if self.engine.state().status == RunStatus::Running {
                    show::plan(&self.engine, self.lang);
                    show::decision(&self.engine, self.lang);
                }
            }
            _ => {}
        }
    }

    fn ask_report(&mut self, id: &str) -> Result<(), Stop> {
        let rehearsal = self.engine.state().mode == Mode::Rehearsal;
        if rehearsal {
            let commands: Vec<String> = self
                .engine
                .item(id)
                .map(|i| {
                    let values = self.engine.substitution_values();
                    self.engine
                        .commands_of(i)
                        .iter()
                        .map(|c| crate::run::substitute::substitute(&c.run, &values))
                        .collect()
                })
                .unwrap_or_default();
            for c in commands {
                say(&format!("  ({}) $ {c}", tr!(self.lang, "run-would-run")));
            }
        }
        let menu = if rehearsal {
            tr!(self.lang, "plain-menu-rehearsal")
        } else {
            tr!(self.lang, "plain-menu-manual")
        };
        let answer = self.input.line(&format!("{menu}\n> "))?;
        let outcome = match answer.trim().to_lowercase().as_str() {
            "y" | "s" | "" => StepOutcome::Done,
            "f" => StepOutcome::Failed,
            "n" => return self.note(Some(id.to_string())),
            "q" => return Err(Stop::Quit),
            _ => {
                say(&tr!(self.lang, "plain-unknown-choice"));
                return Ok(());
            }
        };
        let fx = self.update(Msg::Report {
            step: id.to_string(),
            outcome,
        });
        self.exec(fx)?;
        self.report_outcome(id);
        Ok(())
    }

    fn note(&mut self, step: Option<String>) -> Result<(), Stop> {
        let text = self
            .input
            .line(&format!("{} ", tr!(self.lang, "run-note-prompt")))?;
        if text.trim().is_empty() {
            return Ok(());
        }
        let fx = self.update(Msg::Note { step, text });
        self.exec(fx)
    }

    fn decide(&mut self) -> Result<(), Stop> {
        loop {
            show::decision(&self.engine, self.lang);
            let Some(q) = self
                .engine
                .pending_question()
                .map(|n| (n.id.clone(), n.question.clone().unwrap_or_default()))
            else {
                return Ok(());
            };
            let answer = self.input.line(&format!(
                "  {} {}\n> ",
                q.1,
                tr!(self.lang, "plain-decision-keys")
            ))?;
            let yes = match answer.trim().to_lowercase().as_str() {
                "y" | "s" | "si" | "sí" | "yes" => true,
                "n" | "no" => false,
                _ => return Ok(()),
            };
            let fx = self.update(Msg::AnswerDecision {
                node: q.0,
                answer: yes,
            });
            self.exec(fx)?;
        }
    }
}
