//! The event loop: keys, the shell's events, a 1 s tick and signals, in one
//! `select!`. Pending messages are drained before drawing; the screen is
//! drawn only when something changed, at most ~60 times a second. The
//! engine's effects are carried out here: journal first (fsynced), then
//! commands, one at a time, in the embedded shell.

use super::app::{App, Request};
use crate::journal::{ExitSource, JournalWriter, RestartCause};
use crate::run::{Effect, Msg, RunStatus, StepStatus};
use crate::runner::ending::{self, Ending};
use crate::shell::{Shell, ShellConfig, ShellError, ShellEvent, TranscriptConfig};
use crate::tr;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
enum Job {
    Step {
        step: String,
        command: String,
        env: Vec<(String, String)>,
        /// Typed at the prompt for the operator to edit; Enter runs it.
        typed: bool,
        /// The command's `timeout`, in seconds.
        timeout: Option<u64>,
    },
    Validation {
        step: String,
        command: String,
        env: Vec<(String, String)>,
    },
    Check {
        group: usize,
        item: usize,
        command: String,
    },
}

impl Job {
    fn command(&self) -> &str {
        match self {
            Job::Step { command, .. }
            | Job::Validation { command, .. }
            | Job::Check { command, .. } => command,
        }
    }
    fn env(&self) -> &[(String, String)] {
        match self {
            Job::Step { env, .. } | Job::Validation { env, .. } => env,
            Job::Check { .. } => &[],
        }
    }
}

/// Carries out effects: the journal, and the command queue in the shell.
pub struct Executor {
    pub writer: JournalWriter,
    pub shell: Shell,
    queue: VecDeque<Job>,
    in_flight: Option<Job>,
    /// A prompt is showing: the shell takes a command.
    ready: bool,
    /// The step a command typed by hand is attributed to.
    manual: Option<String>,
    pane: (u16, u16),
    /// The run is stopping: queued commands are not started.
    pub hold: bool,
    /// The running step command's timeout: when it is due and how far
    /// the stopping has gone.
    deadline: Option<Deadline>,
}

/// A command over its time is stopped in stages: Ctrl-C to its process
/// group, then SIGTERM, then SIGKILL, each after a short grace.
#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: Instant,
    /// Signals sent so far (0: none yet).
    stage: u8,
    timed_out: bool,
}

/// The time a command gets after each signal of its timeout.
const TIMEOUT_GRACE: Duration = Duration::from_millis(700);

impl Executor {
    pub fn spawn(
        writer: JournalWriter,
        data_dir: &std::path::Path,
        run_id: &str,
        wake: tokio::sync::mpsc::UnboundedSender<()>,
        restore: &crate::runner::restore::Restore,
    ) -> std::io::Result<Executor> {
        let notify = Arc::new(move || {
            let _ = wake.send(());
        });
        let mut env = restore.env.clone();
        env.push(("PASOS_RUN_ID".into(), run_id.into()));
        let shell = Shell::spawn(ShellConfig {
            transcript: Some(TranscriptConfig::for_run(data_dir, run_id)),
            notify: Some(notify),
            env,
            cwd: restore.cwd.clone(),
            ..ShellConfig::default()
        })?;
        Ok(Executor {
            writer,
            shell,
            queue: VecDeque::new(),
            in_flight: None,
            ready: false,
            manual: None,
            pane: (24, 80),
            hold: false,
            deadline: None,
        })
    }

    pub fn resize(&mut self, rows: u16, cols: u16) {
        if (rows, cols) != self.pane && rows > 1 && cols > 1 {
            self.pane = (rows, cols);
            let _ = self.shell.resize(rows, cols);
        }
    }

    fn journal(&mut self, app: &mut App, ev: crate::journal::Event) -> bool {
        for s in app.engine.secret_values() {
            self.writer.redactor_mut().add_secret(s.clone());
            self.shell.add_secret(s.clone());
        }
        if let Err(err) = self.writer.append(ev, app.engine.now()) {
            app.fatal = Some(err.to_string());
            app.warn(tr!(
                app.lang,
                "tui-status-journal-failed",
                error = err.to_string()
            ));
            self.queue.clear();
            return false;
        }
        true
    }

    /// Journals events (fsynced before anything shows them as done) and
    /// queues commands.
    pub fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>) {
        for e in effects {
            match e {
                Effect::Journal(ev) => {
                    if !self.journal(app, ev) {
                        return;
                    }
                }
                Effect::RunCommands {
                    step,
                    commands,
                    env,
                } => {
                    let typed = app.edit_commands;
                    let timeouts = app.engine.command_timeouts(&step);
                    self.queue
                        .extend(
                            commands
                                .into_iter()
                                .enumerate()
                                .map(|(i, command)| Job::Step {
                                    step: step.clone(),
                                    command,
                                    env: env.clone(),
                                    typed,
                                    timeout: timeouts.get(i).copied().flatten(),
                                }),
                        );
                }
                Effect::RunValidation { step, command, env } => self
                    .queue
                    .push_front(Job::Validation { step, command, env }),
                Effect::CheckPrerequisite {
                    group,
                    item,
                    command,
                } => self.queue.push_back(Job::Check {
                    group,
                    item,
                    command,
                }),
                // Typed at the prompt as the operator would paste it: Enter
                // runs it, journaled as a command typed by hand.
                Effect::SendToShell { command, .. } => self.shell.paste(&command),
            }
        }
        self.pump(app);
    }

    fn pump(&mut self, app: &mut App) {
        while !self.hold && self.in_flight.is_none() && self.ready {
            let Some(job) = self.queue.pop_front() else {
                app.busy = None;
                return;
            };
            if let Job::Step { step, .. } = &job
                && app
                    .engine
                    .item(step)
                    .is_none_or(|i| i.status != StepStatus::Running)
            {
                continue; // the step already ended (a command failed)
            }
            // Only secrets are redacted; the other variables and PASOS_*
            // travel the same way but stay readable in the transcript.
            let secrets: Vec<&String> = app.engine.secret_values().collect();
            let (secret, public): (Vec<_>, Vec<_>) = job
                .env()
                .iter()
                .cloned()
                .partition(|(_, v)| secrets.contains(&v));
            let sent = if matches!(job, Job::Step { typed: true, .. }) {
                self.shell
                    .type_at_prompt_with_public(job.command(), &secret, &public)
            } else {
                self.shell.run_with_public(job.command(), &secret, &public)
            };
            match sent {
                Ok(()) => {
                    app.busy = Some(job.command().to_string());
                    self.ready = false;
                    self.in_flight = Some(job);
                }
                Err(ShellError::Busy) => {
                    self.queue.push_front(job);
                    self.ready = false;
                    return;
                }
                Err(ShellError::Foreign(_)) => {
                    self.queue.push_front(job);
                    app.warn(tr!(app.lang, "run-shell-foreign-wait"));
                    return;
                }
                Err(e) => {
                    app.warn(tr!(
                        app.lang,
                        "run-shell-cannot-run",
                        error = format!("{e:?}")
                    ));
                    self.in_flight = Some(job);
                    self.finished(app, 127, 0, String::new(), ExitSource::ShellExited);
                    return;
                }
            }
        }
    }

    pub fn on_event(&mut self, app: &mut App, ev: ShellEvent) {
        match ev {
            ShellEvent::Prompt { .. } => {
                self.ready = true;
                self.pump(app);
            }
            ShellEvent::CommandStarted {
                text,
                manual,
                transcript_offset,
            } => {
                if manual {
                    let step = app
                        .engine
                        .active_item()
                        .or_else(|| app.engine.next_item())
                        .map(|i| i.id.clone())
                        .or_else(|| app.selected_item().map(|i| i.id.clone()));
                    if let Some(step) = step {
                        let fx = app.send(Msg::CommandSent {
                            step: step.clone(),
                            command: text,
                            manual: true,
                            transcript_offset,
                        });
                        self.carry_out(app, fx);
                        self.manual = Some(step);
                    }
                } else if let Some(Job::Step {
                    step,
                    command,
                    typed,
                    timeout,
                    ..
                }) = &self.in_flight
                {
                    self.deadline = timeout.map(|secs| Deadline {
                        at: Instant::now() + Duration::from_secs(secs),
                        stage: 0,
                        timed_out: false,
                    });
                    // A typed command is journaled as the operator ran it.
                    let command = if *typed { text } else { command.clone() };
                    let fx = app.send(Msg::CommandSent {
                        step: step.clone(),
                        command,
                        manual: false,
                        transcript_offset,
                    });
                    self.carry_out(app, fx);
                }
            }
            ShellEvent::CommandFinished {
                exit_code,
                duration_ms,
                output_tail,
                source,
            } => {
                if let Some(step) = self.manual.take() {
                    let fx = app.send(Msg::CommandFinished {
                        step,
                        exit_code,
                        duration_ms,
                        output: String::new(),
                        source,
                    });
                    self.carry_out(app, fx);
                } else {
                    let source = match self.deadline.take() {
                        Some(d) if d.timed_out => ExitSource::TimedOut,
                        _ => source,
                    };
                    self.finished(app, exit_code, duration_ms, output_tail, source);
                }
            }
            ShellEvent::Context {
                cwd,
                set,
                unset,
                withheld,
            } => {
                // Before the run starts or after it ended: nothing to keep.
                if let Ok(fx) = app.engine.update(Msg::ShellContext {
                    cwd,
                    set,
                    unset,
                    withheld,
                }) {
                    self.carry_out(app, fx);
                }
            }
            ShellEvent::MarkerRejected => app.warn(crate::tr!(app.lang, "shell-marker-rejected")),
            ShellEvent::Foreign { program } => app.warn(tr!(
                app.lang,
                "run-shell-foreign",
                program = program.as_str()
            )),
            ShellEvent::Native => app.say(tr!(app.lang, "run-shell-back")),
            ShellEvent::Exited { code } => {
                let how = code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| tr!(app.lang, "run-shell-killed"));
                app.warn(tr!(app.lang, "run-shell-exited", how = how));
                self.shell_died(app, code);
                self.ready = false;
                if let Err(e) = self.shell.restart() {
                    app.warn(tr!(app.lang, "run-shell-cannot-run", error = e.to_string()));
                }
            }
            ShellEvent::Output
            | ShellEvent::SecretsLoaded
            | ShellEvent::Title(_)
            | ShellEvent::Bell => {}
        }
    }

    /// The shell ended: what ran in it failed ("the shell exited", never
    /// the shell's own exit code), the rest of the step is dropped, and
    /// the restart is journaled.
    fn shell_died(&mut self, app: &mut App, code: Option<i32>) {
        self.deadline = None;
        let mut step = None;
        if let Some(s) = self.manual.take() {
            let fx = app.send(Msg::CommandFinished {
                step: s.clone(),
                exit_code: -1,
                duration_ms: 0,
                output: String::new(),
                source: ExitSource::ShellExited,
            });
            self.carry_out(app, fx);
            if app.engine.item(&s).is_some_and(|i| i.status.is_active()) {
                step = Some(s);
            }
        }
        // A step between two of its commands: the next one never started.
        if self.in_flight.is_none()
            && let Some(job @ Job::Step { .. }) = self.queue.front().cloned()
            && let Job::Step { step: s, .. } = &job
            && app
                .engine
                .item(s)
                .is_some_and(|i| i.status == StepStatus::Running)
        {
            self.queue.pop_front();
            self.in_flight = Some(job);
        }
        if let Some(Job::Step { step: s, .. } | Job::Validation { step: s, .. }) = &self.in_flight {
            step = Some(s.clone());
        }
        if self.in_flight.is_some() {
            self.finished(app, -1, 0, String::new(), ExitSource::ShellExited);
        }
        self.queue.retain(|j| matches!(j, Job::Check { .. }));
        let cause = if code.is_some() {
            RestartCause::Exited
        } else {
            RestartCause::Killed
        };
        if let Ok(fx) = app.engine.update(Msg::ShellRestarted {
            cause,
            exit_code: code,
            step,
        }) {
            self.carry_out(app, fx);
        }
    }

    /// The running command's timeout, when one is set: when to look next.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline.map(|d| d.at)
    }

    /// The timeout is due: the next signal, and the next grace.
    pub fn on_deadline(&mut self, app: &mut App) {
        let Some(d) = self.deadline.as_mut() else {
            return;
        };
        if Instant::now() < d.at {
            return;
        }
        if !d.timed_out {
            d.timed_out = true;
            if let Some(Job::Step { command, .. }) = &self.in_flight {
                app.warn(crate::tr!(
                    app.lang,
                    "shell-timed-out",
                    command = command.lines().next().unwrap_or_default().to_string()
                ));
            }
        }
        match d.stage {
            0 => self.shell.interrupt(),
            1 => {
                self.shell.terminate_foreground();
            }
            _ => {
                self.shell.kill_foreground();
            }
        }
        d.stage = d.stage.saturating_add(1);
        d.at = Instant::now() + TIMEOUT_GRACE;
    }

    fn finished(
        &mut self,
        app: &mut App,
        code: i32,
        duration_ms: u64,
        output: String,
        source: ExitSource,
    ) {
        let Some(job) = self.in_flight.take() else {
            return;
        };
        self.deadline = None;
        app.busy = None;
        let step_id = match &job {
            Job::Step { step, .. } | Job::Validation { step, .. } => Some(step.clone()),
            Job::Check { .. } => None,
        };
        let msg = match job {
            Job::Step { step, .. } => Msg::CommandFinished {
                step,
                exit_code: code,
                duration_ms,
                output,
                source,
            },
            Job::Validation { step, .. } => Msg::ValidationFinished {
                step,
                exit_code: code,
                output,
            },
            Job::Check { group, item, .. } => Msg::PrerequisiteChecked {
                group,
                item,
                exit_code: code,
            },
        };
        let fx = app.send(msg);
        self.carry_out(app, fx);
        if let Some(id) = step_id {
            app.report_outcome(&id);
        }
        if app.engine.state().status == RunStatus::Preparing
            && self.queue.is_empty()
            && self.in_flight.is_none()
        {
            // Checks done: ask about what they could not confirm.
            app.ask_prerequisites(true);
        }
    }

    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Starts queued commands again after a cancelled quit.
    pub fn resume_queue(&mut self, app: &mut App) {
        self.pump(app);
    }

    /// Journals a note on the active step (or the run).
    pub fn note(&mut self, app: &mut App, text: String) {
        let step = app.engine.active_item().map(|i| i.id.clone());
        let fx = app.send(Msg::Note { step, text });
        self.carry_out(app, fx);
    }
}

/// A run on its way out: nothing new starts, and a command in flight is
/// waited for, then interrupted, then killed, as `runner::ending` says.
struct Winding {
    why: Ending,
    since: Instant,
    /// Interrupt, then kill, the command when it does not end by itself
    /// (false: the operator chose to wait for it).
    escalate: bool,
    sent_int: Option<Instant>,
    sent_kill: Option<Instant>,
}

impl Winding {
    fn new(why: Ending, escalate: bool) -> Winding {
        Winding {
            why,
            since: Instant::now(),
            escalate,
            sent_int: None,
            sent_kill: None,
        }
    }

    /// The next moment something is due, if any.
    fn next_deadline(&self) -> Option<Instant> {
        if !self.escalate {
            return None;
        }
        Some(match (self.sent_int, self.sent_kill) {
            (None, _) => self.since + ending::GRACE,
            (Some(t), None) => t + ending::AFTER_SIGINT,
            (_, Some(t)) => t + ending::AFTER_SIGKILL,
        })
    }

    /// Carries out what is due; true when the loop should stop waiting
    /// for the command.
    fn step(&mut self, app: &mut App, exec: &mut Executor) -> bool {
        if !exec.busy() {
            return true;
        }
        let now = Instant::now();
        if !self.escalate || self.next_deadline().is_some_and(|d| now < d) {
            return false;
        }
        match (self.sent_int, self.sent_kill) {
            (None, _) => {
                let text = self.why.interrupting_note();
                exec.note(app, text);
                exec.shell.interrupt();
                self.sent_int = Some(now);
                false
            }
            (Some(_), None) => {
                exec.shell.kill_foreground();
                self.sent_kill = Some(now);
                false
            }
            (_, Some(_)) => true,
        }
    }
}

/// Runs the loop until the operator quits, or a signal arrives. A command
/// in flight is dealt with first (see `runner::ending`); the caller
/// journals the interruption before it touches the terminal again.
pub async fn run_loop(
    app: &mut App,
    exec: &mut Executor,
    guard: &mut super::terminal::TerminalGuard,
    mut wake: tokio::sync::mpsc::UnboundedReceiver<()>,
) -> Result<Stop, std::io::Error> {
    use crossterm::event::{Event, EventStream, KeyEventKind};
    use futures_util::StreamExt;
    use tokio::signal::unix::{SignalKind, signal};
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut hup = signal(SignalKind::hangup())?;
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut dirty = true;
    let mut winding: Option<Winding> = None;
    // The terminal is gone: never write to it again.
    let mut hung_up = false;
    let mut last_draw = Instant::now() - Duration::from_secs(1);
    const FRAME: Duration = Duration::from_millis(16);
    loop {
        if let Some(w) = &mut winding {
            exec.hold = true;
            if w.step(app, exec) {
                return Ok(Stop::Ended(w.why));
            }
        }
        if hung_up {
            dirty = false;
        }
        if dirty && last_draw.elapsed() >= FRAME {
            match draw(app, exec, guard) {
                Ok(()) => {
                    last_draw = Instant::now();
                    dirty = false;
                }
                Err(_) => {
                    // EIO/EPIPE: the session is gone. Never panic, never
                    // write again; wind down as for SIGHUP.
                    hung_up = true;
                    winding = Some(Winding::new(Ending::Hangup, true));
                    continue;
                }
            }
        }
        let mut wait = if dirty {
            FRAME.saturating_sub(last_draw.elapsed())
        } else {
            Duration::from_secs(3600)
        };
        if let Some(d) = winding.as_ref().and_then(Winding::next_deadline) {
            wait = wait.min(d.saturating_duration_since(Instant::now()));
        }
        // Keys are read unless the session is going away on a signal.
        let keys = !hung_up && winding.as_ref().is_none_or(|w| w.why == Ending::Quit);
        tokio::select! {
            ev = events.next(), if keys => {
                match ev {
                    Some(Ok(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                        let (fx, req) = app.on_key(&k);
                        exec.carry_out(app, fx);
                        match req {
                            Some(Request::Exit) => {
                                if exec.busy() {
                                    // The dialog offered wait/interrupt;
                                    // never leave a command silently.
                                    app.ask_quit();
                                } else {
                                    return Ok(Stop::Ended(Ending::Quit));
                                }
                            }
                            Some(Request::ExitAfterCommand) => {
                                app.say(app.tr_quit_waiting());
                                winding = Some(Winding::new(Ending::Quit, false));
                            }
                            Some(Request::ExitInterruptingCommand) => {
                                exec.note(app, OPERATOR_INTERRUPT_NOTE.to_string());
                                exec.shell.interrupt();
                                let mut w = Winding::new(Ending::Quit, true);
                                w.sent_int = Some(Instant::now());
                                winding = Some(w);
                            }
                            Some(Request::CancelExit) => {
                                winding = None;
                                exec.hold = false;
                                exec.resume_queue(app);
                            }
                            Some(Request::InterruptCommand) => exec.shell.interrupt(),
                            Some(Request::ShellKey(key)) => {
                                exec.shell.scroll_to_bottom();
                                exec.shell.send_key(&key);
                            }
                            Some(Request::ShellScroll(n)) => exec.shell.scroll(n),
                            Some(Request::Redraw) if guard.terminal.clear().is_err() => {
                                hung_up = true;
                                winding = Some(Winding::new(Ending::Hangup, true));
                            }
                            Some(Request::Redraw) => {}
                            Some(Request::Copy(text))
                                if super::clipboard::write(guard, &text).is_err() =>
                            {
                                hung_up = true;
                                winding = Some(Winding::new(Ending::Hangup, true));
                            }
                            Some(Request::Copy(_)) => {}
                            None => {}
                        }
                        dirty = true;
                    }
                    Some(Ok(Event::Paste(text))) => {
                        if app.paste(&text) {
                            exec.shell.scroll_to_bottom();
                            exec.shell.paste(&text);
                        }
                        dirty = true;
                    }
                    Some(Ok(Event::Resize(_, _))) => {
                        if guard.terminal.autoresize().is_err() {
                            hung_up = true;
                            winding = Some(Winding::new(Ending::Hangup, true));
                        }
                        dirty = true;
                    }
                    Some(Ok(_)) => {}
                    Some(Err(_)) | None => {
                        hung_up = true;
                        winding = Some(Winding::new(Ending::Hangup, true));
                    }
                }
            }
            Some(()) = wake.recv() => {
                while wake.try_recv().is_ok() {}
                while let Some(ev) = exec.shell.try_event() {
                    exec.on_event(app, ev);
                }
                dirty = true;
            }
            _ = tick.tick() => {
                if app.engine.active_item().is_some() || matches!(app.engine.state().status, RunStatus::Running | RunStatus::RollingBack | RunStatus::Preparing) {
                    dirty = true;
                }
            }
            _ = sleep_until_opt(exec.deadline()) => {
                exec.on_deadline(app);
                dirty = true;
            }
            // The session is going away: see `runner::ending` for what
            // happens to a command in flight. Nothing more is drawn after
            // a hang-up.
            _ = hup.recv() => {
                hung_up = true;
                winding = Some(Winding::new(Ending::Hangup, true));
            }
            _ = term.recv() => {
                if winding.as_ref().is_none_or(|w| w.why == Ending::Quit) {
                    winding = Some(Winding::new(Ending::Terminate, true));
                }
            }
            _ = int.recv() => {
                if winding.as_ref().is_none_or(|w| w.why == Ending::Quit) {
                    winding = Some(Winding::new(Ending::Interrupt, true));
                }
            }
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

/// The note journaled when the operator quits by interrupting the command.
const OPERATOR_INTERRUPT_NOTE: &str =
    "the operator quit and interrupted the running command (SIGINT to its process group)";

fn draw(
    app: &mut App,
    exec: &mut Executor,
    guard: &mut super::terminal::TerminalGuard,
) -> std::io::Result<()> {
    app.refresh_status();
    let size = guard.terminal.size()?;
    if let Some(r) = super::view::shell_area(
        ratatui::layout::Rect::new(0, 0, size.width, size.height),
        app,
    ) {
        exec.resize(r.height, r.width);
    }
    paint(app, guard, Some(&exec.shell))
}

/// The first frame, drawn before the shell exists.
pub fn first_frame(
    app: &mut App,
    guard: &mut super::terminal::TerminalGuard,
) -> std::io::Result<()> {
    paint(app, guard, None)
}

fn paint(
    app: &App,
    guard: &mut super::terminal::TerminalGuard,
    shell: Option<&Shell>,
) -> std::io::Result<()> {
    let (ascii, basic) = (app.ascii, app.mono);
    guard.terminal.draw(|f| {
        super::view::draw(f, app, shell);
        if ascii || basic {
            super::view::degrade::degrade(f.buffer_mut(), ascii, basic);
        }
    })?;
    Ok(())
}

/// Sleeps until `at`, or forever when there is no deadline.
async fn sleep_until_opt(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at.into()).await,
        None => std::future::pending().await,
    }
}

pub enum Stop {
    Ended(Ending),
}
