//! An unattended run (`pasos run --unattended`) in line mode: the same
//! session, shell and journal as `--plain`, but every answer comes from
//! the flags, checked before the start (`runner::unattended::preflight`).
//! It stops at the first failure; with `--rollback-on-failure` it runs the
//! rollback plan first. What it does is journaled like any run, with the
//! mode `test`.

use super::input::{Signals, say};
use super::session::{Session, Stop};
use super::show;
use crate::journal::{RunOutcome, StepOutcome};
use crate::run::{ItemKind, Msg, Question, RunStatus, StepStatus};
use crate::runner::ending::Ending;
use crate::runner::people::People;
use crate::runner::setup::{Ended, Options, Signing};
use crate::runner::unattended::flags::PREREQUISITES;
use crate::runner::unattended::{Flags, TestReport};
use crate::tr;

/// Runs it. The report is there whenever the run was opened (a journal
/// exists), whatever the ending.
pub fn run(opts: Options, flags: &Flags) -> (Ended, Option<TestReport>) {
    let signals = Signals::install();
    let open = match crate::runner::setup::open(&opts) {
        Ok(o) => o,
        Err(e) => return (e.into(), None),
    };
    let _lock = open.lock;
    match &open.signing {
        Signing::Signed { label, .. } => say(label),
        Signing::Unsigned(why) => say(why),
    }
    let mut s = Session::new(open.engine, open.writer, &open.run_id, &opts, signals);
    // Window approvals signed ahead of time are the only ones an
    // unattended run can have: verified like in any run.
    let mut people = People::new(
        s.writer.path(),
        &opts.data_dir,
        &opts.procedure.meta.id,
        &opts.team_file,
        open.own_keys.clone(),
    );
    let result = s.unattended(open.effects, &opts, flags, &mut people);
    if let Some(text) = open.signing.failures(opts.lang) {
        say(&text);
    }
    let ended = match result {
        Ok(outcome) => Ended::Finished(outcome),
        Err(Stop::Journal(e)) => Ended::JournalFailed(e.to_string()),
        Err(Stop::Quit) => s.interrupt(Ending::Quit),
        Err(Stop::Ending(why)) => s.interrupt(why),
    };
    let journal = s.writer.path().display().to_string();
    let report = TestReport::of(&s.engine, &s.outputs, &journal, opts.lang);
    super::input::drain(std::time::Duration::from_secs(30));
    (ended, Some(report))
}

impl Session {
    fn unattended(
        &mut self,
        first: Vec<crate::run::Effect>,
        opts: &Options,
        flags: &Flags,
        people: &mut People,
    ) -> Result<RunOutcome, Stop> {
        self.exec(first)?;
        show::header(
            &self.engine,
            self.lang,
            &self.writer.path().display().to_string(),
            false,
        );
        say(&tr!(self.lang, "unattended-header"));
        for (name, value) in &opts.vars {
            let msg = Msg::SetVariable {
                name: name.clone(),
                value: value.to_string(),
            };
            if !self.send(msg)? {
                return self.end("unattended run: a variable was refused");
            }
        }
        if let Some(name) = self.engine.missing_variables().first() {
            say(&tr!(
                self.lang,
                "unattended-not-answered",
                step = name.as_str()
            ));
            return self.end(&format!("unattended run: variable {name} has no value"));
        }
        if self.engine.state().status == RunStatus::Preparing
            && let Some(outcome) = self.unattended_prerequisites(flags)?
        {
            return Ok(outcome);
        }
        loop {
            // A run that finished is over, whatever signal came meanwhile.
            if let RunStatus::Finished(o) = self.engine.state().status {
                return Ok(o);
            }
            if let Some(why) = self.signals.ending() {
                return Err(Stop::Ending(why));
            }
            let rolling = self.engine.state().status == RunStatus::RollingBack;
            let Some((id, status)) = self.engine.next_item().map(|i| (i.id.clone(), i.status))
            else {
                return self.end("unattended run: nothing left to run");
            };
            let name = crate::i18n::item_name(self.lang, &self.engine, &id);
            if status != StepStatus::Failed {
                self.unattended_step(&id, flags, people)?;
                continue;
            }
            if rolling {
                say(&tr!(
                    self.lang,
                    "unattended-rollback-step-failed",
                    step = name.as_str()
                ));
                return self.end(&format!("unattended run: rollback step {id} failed"));
            }
            if !flags.rollback_on_failure {
                say(&tr!(self.lang, "unattended-stopping", step = name.as_str()));
                return self.end(&format!("unattended run: step {id} failed"));
            }
            say("");
            say(&tr!(
                self.lang,
                "unattended-rolling-back",
                step = name.as_str()
            ));
            let msg = Msg::StartRollback {
                reason: format!("unattended run: step {id} failed (--rollback-on-failure)"),
            };
            if !self.send(msg)? {
                return self.end(&format!("unattended run: step {id} failed"));
            }
            show::plan(&self.engine, self.lang);
        }
    }

    /// Checks what has a check, confirms the rest by `--yes-to
    /// prerequisites`; a prerequisite not met ends the run (`Some`).
    fn unattended_prerequisites(&mut self, flags: &Flags) -> Result<Option<RunOutcome>, Stop> {
        let groups = self.engine.procedure().prerequisites.clone();
        if !groups.is_empty() {
            say(&format!("\n{}", tr!(self.lang, "run-prerequisites")));
        }
        for (g, group) in groups.iter().enumerate() {
            for (i, item) in group.items.iter().enumerate() {
                if self.engine.state().prerequisites[g][i] {
                    continue;
                }
                say(&format!("  [ ] {}", item.text));
                let msg = if item.check.is_some() {
                    Msg::CheckPrerequisite { group: g, item: i }
                } else if flags.yes(PREREQUISITES) {
                    Msg::ConfirmPrerequisite { group: g, item: i }
                } else {
                    say(&tr!(
                        self.lang,
                        "unattended-not-answered",
                        step = PREREQUISITES
                    ));
                    return self
                        .end("unattended run: a prerequisite was not answered")
                        .map(Some);
                };
                let by_flag = matches!(msg, Msg::ConfirmPrerequisite { .. });
                self.send(msg)?;
                if by_flag && self.engine.state().prerequisites[g][i] {
                    say(&format!(
                        "    {}",
                        tr!(self.lang, "unattended-prerequisite-confirmed")
                    ));
                }
                if !self.engine.state().prerequisites[g][i] {
                    say(&tr!(
                        self.lang,
                        "unattended-prerequisite-failed",
                        item = item.text.as_str()
                    ));
                    let reason = format!("unattended run: prerequisite not met: {}", item.text);
                    return self.end(&reason).map(Some);
                }
            }
        }
        Ok(None)
    }

    /// Starts an item with the answers the flags give, and says how it
    /// went.
    fn unattended_step(
        &mut self,
        id: &str,
        flags: &Flags,
        people: &mut People,
    ) -> Result<(), Stop> {
        let Some(item) = self.engine.item(id).cloned() else {
            return Ok(());
        };
        let name = crate::i18n::item_name(self.lang, &self.engine, id);
        match self.engine.question_for(id) {
            Some(Question::Choice(_)) => {
                let Some(option) = flags.answer(id) else {
                    return self.unanswered(id, &name);
                };
                let msg = Msg::Choose {
                    step: id.to_string(),
                    option: option.to_string(),
                };
                if !self.send(msg)? {
                    return self.unanswered(id, &name);
                }
                say("");
                say(&format!(
                    "✓ {}",
                    tr!(self.lang, "branch-chosen", step = id, option = option)
                ));
                return Ok(());
            }
            Some(Question::Condition(_)) => {
                let Some(answer) = flags.condition(id) else {
                    return self.unanswered(id, &name);
                };
                let msg = Msg::AnswerCondition {
                    step: id.to_string(),
                    answer,
                };
                if !self.send(msg)? {
                    return self.unanswered(id, &name);
                }
                if !answer {
                    say("");
                    say(&format!(
                        "– {}",
                        tr!(self.lang, "branch-condition-skipped", step = id)
                    ));
                    return Ok(());
                }
            }
            None => {}
        }
        // An undo is answered by its forward step's id too.
        let forward = self.engine.step_of(&item).id.clone();
        let yes = flags.yes(id) || flags.yes(&forward);
        let typed = match self.engine.confirmation_for(&item) {
            Some(accepted) if yes => accepted.first().cloned(),
            Some(_) => return self.unanswered(id, &name),
            None => None,
        };
        if !self.approved(id, people)? {
            let roles = self.engine.missing_approvals(&item).join(", ");
            say(&tr!(
                self.lang,
                "unattended-approval-missing",
                step = name.as_str(),
                roles = roles.as_str()
            ));
            return self
                .end(&format!(
                    "unattended run: {id} awaits an approval by {roles}"
                ))
                .map(|_| ());
        }
        say("");
        say(&tr!(
            self.lang,
            "unattended-step-start",
            step = name.as_str(),
            title = self.engine.step_of(&item).title.as_str()
        ));
        let msg = Msg::StartStep {
            step: id.to_string(),
            typed,
        };
        if !self.send(msg)? {
            return self
                .end(&format!("unattended run: step {id} could not start"))
                .map(|_| ());
        }
        if self
            .engine
            .item(id)
            .is_some_and(|i| i.status == StepStatus::AwaitingOperator)
        {
            // A step without commands, answered by --yes-to.
            if !yes {
                return self.unanswered(id, &name);
            }
            self.send(Msg::Report {
                step: id.to_string(),
                outcome: StepOutcome::Done,
            })?;
        }
        self.unattended_outcome(id, &name);
        Ok(())
    }

    fn unattended_outcome(&mut self, id: &str, name: &str) {
        let Some(item) = self.engine.item(id) else {
            return;
        };
        let took = self
            .engine
            .step_timer(id)
            .map(|t| show::duration_ms(t.elapsed_ms))
            .unwrap_or_default();
        match item.status {
            StepStatus::Done => say(&tr!(
                self.lang,
                "unattended-step-passed",
                step = name,
                took = took
            )),
            StepStatus::Failed => {
                let cause =
                    crate::history::words::step_why(self.lang, &item.why).unwrap_or_default();
                say(&tr!(
                    self.lang,
                    "unattended-step-failed",
                    step = name,
                    took = took,
                    cause = cause
                ));
                if matches!(item.kind, ItemKind::Forward { .. }) {
                    show::failure(&self.engine, self.lang, id);
                }
            }
            _ => {}
        }
    }

    /// Whether every approval `id` needs is granted, after a look at the
    /// approvals on file (each verified and journaled, granted or refused).
    fn approved(&mut self, id: &str, people: &mut People) -> Result<bool, Stop> {
        let missing = |s: &Session| {
            s.engine
                .item(id)
                .map(|i| s.engine.missing_approvals(i))
                .unwrap_or_default()
        };
        if missing(self).is_empty() {
            return Ok(true);
        }
        let found = people.look(&self.engine, self.lang);
        if let Some(w) = found.warning {
            say(&w);
        }
        for msg in found.msgs {
            match self.engine.update(msg) {
                Ok(fx) => {
                    for e in &fx {
                        if let crate::run::Effect::Journal(ev) = e
                            && let Some((text, _)) = crate::runner::people::said(self.lang, ev)
                        {
                            say(&text);
                        }
                    }
                    self.exec(fx)?;
                }
                Err(r) => say(&format!("  ! {}", crate::i18n::refusal(self.lang, &r))),
            }
        }
        Ok(missing(self).is_empty())
    }

    fn unanswered(&mut self, id: &str, name: &str) -> Result<(), Stop> {
        say(&tr!(self.lang, "unattended-not-answered", step = name));
        self.end(&format!(
            "unattended run: {id} needs an answer no flag gave"
        ))
        .map(|_| ())
    }

    /// Sends a message; a refusal is shown and reported as `false`.
    fn send(&mut self, msg: Msg) -> Result<bool, Stop> {
        match self.engine.update(msg) {
            Ok(fx) => {
                self.sync_secrets();
                self.exec(fx)?;
                Ok(true)
            }
            Err(r) => {
                say(&format!("  ! {}", crate::i18n::refusal(self.lang, &r)));
                Ok(false)
            }
        }
    }

    /// Ends the run now (failed when a step failed, else aborted), with
    /// the reason in the journal.
    fn end(&mut self, reason: &str) -> Result<RunOutcome, Stop> {
        self.send(Msg::Abort {
            reason: reason.to_string(),
        })?;
        match self.engine.state().status {
            RunStatus::Finished(o) => Ok(o),
            _ => Err(Stop::Quit),
        }
    }
}
