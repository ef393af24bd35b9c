//! The event loop: keys, shell output, a 1 s tick and signals, in one
//! `select!`. Pending messages are drained before drawing; the screen is
//! drawn only when something changed, at most ~60 times a second. The
//! engine's effects are carried out here: journal first (fsynced), then
//! commands, one at a time, on the shell thread.

use super::app::{App, Request};
use crate::journal::JournalWriter;
use crate::run::{Effect, Msg, RunStatus, StepStatus};
use crate::runner::pipe_shell::{Finished, PipeShell};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
enum Job {
    Step {
        step: String,
        command: String,
        env: Vec<(String, String)>,
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

pub enum ShellMsg {
    Output(Vec<u8>),
    Done(Finished),
}

/// Carries out effects: the journal, and the command queue.
pub struct Executor {
    pub writer: JournalWriter,
    queue: VecDeque<Job>,
    in_flight: Option<Job>,
    jobs: std::sync::mpsc::Sender<(String, Vec<(String, String)>)>,
    pub interrupt: Arc<AtomicBool>,
}

impl Executor {
    pub fn spawn(
        writer: JournalWriter,
        shell_dir: PathBuf,
        out: tokio::sync::mpsc::UnboundedSender<ShellMsg>,
    ) -> Executor {
        let (jobs, rx) = std::sync::mpsc::channel::<(String, Vec<(String, String)>)>();
        let interrupt = Arc::new(AtomicBool::new(false));
        let flag = interrupt.clone();
        std::thread::spawn(move || {
            let mut shell: Option<PipeShell> = None;
            while let Ok((command, env)) = rx.recv() {
                if shell.as_mut().is_none_or(|s| !s.is_alive()) {
                    shell = PipeShell::spawn(shell_dir.clone()).ok();
                }
                let Some(sh) = shell.as_mut() else {
                    let _ = out.send(ShellMsg::Done(Finished {
                        exit_code: Some(127),
                        duration_ms: 0,
                        output: "cannot start a shell".into(),
                        interrupted: false,
                    }));
                    continue;
                };
                let tx = out.clone();
                flag.store(false, Ordering::SeqCst);
                let result = sh.run(
                    &command,
                    &env,
                    &mut |b: &[u8]| {
                        let _ = tx.send(ShellMsg::Output(b.to_vec()));
                    },
                    &flag,
                );
                let fin = result.unwrap_or(Finished {
                    exit_code: None,
                    duration_ms: 0,
                    output: String::new(),
                    interrupted: false,
                });
                if fin.exit_code.is_none() {
                    shell = None;
                }
                let _ = out.send(ShellMsg::Done(fin));
            }
        });
        Executor {
            writer,
            queue: VecDeque::new(),
            in_flight: None,
            jobs,
            interrupt,
        }
    }

    /// Journals events (fsynced before anything shows them as done) and
    /// queues commands.
    pub fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>) {
        for e in effects {
            match e {
                Effect::Journal(ev) => {
                    for s in app.engine.secret_values() {
                        self.writer.redactor_mut().add_secret(s.clone());
                    }
                    if let Err(err) = self.writer.append(ev, app.engine.now()) {
                        let text =
                            crate::i18n::fill(app.t().status_journal_failed, &[&err.to_string()]);
                        app.fatal = Some(text.clone());
                        app.warn(text);
                        self.queue.clear();
                        return;
                    }
                }
                Effect::RunCommands {
                    step,
                    commands,
                    env,
                } => {
                    self.queue
                        .extend(commands.into_iter().map(|command| Job::Step {
                            step: step.clone(),
                            command,
                            env: env.clone(),
                        }));
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
            }
        }
        self.pump(app);
    }

    fn pump(&mut self, app: &mut App) {
        while self.in_flight.is_none() {
            let Some(job) = self.queue.pop_front() else {
                app.busy = None;
                return;
            };
            if let Job::Step { step, command, .. } = &job {
                let running = app
                    .engine
                    .item(step)
                    .is_some_and(|i| i.status == StepStatus::Running);
                if !running {
                    continue; // the step already ended (a command failed)
                }
                let fx = app.send(Msg::CommandSent {
                    step: step.clone(),
                    command: command.clone(),
                    manual: false,
                    transcript_offset: None,
                });
                self.carry_out_journal_only(app, fx);
            }
            app.busy = Some(job.command().to_string());
            app.push_line(format!("$ {}", job.command().lines().next().unwrap_or("")));
            if self
                .jobs
                .send((job.command().to_string(), job.env().to_vec()))
                .is_err()
            {
                app.warn("the shell thread is gone".into());
                return;
            }
            self.in_flight = Some(job);
        }
    }

    fn carry_out_journal_only(&mut self, app: &mut App, fx: Vec<Effect>) {
        for e in fx {
            if let Effect::Journal(ev) = e
                && let Err(err) = self.writer.append(ev, app.engine.now())
            {
                app.fatal = Some(err.to_string());
            }
        }
    }

    pub fn finished(&mut self, app: &mut App, fin: Finished) {
        if !app.shell_partial.is_empty() {
            let line = std::mem::take(&mut app.shell_partial);
            app.push_line(line);
        }
        let code = fin
            .exit_code
            .unwrap_or(if fin.interrupted { 130 } else { 127 });
        let Some(job) = self.in_flight.take() else {
            return;
        };
        let step_id = match &job {
            Job::Step { step, .. } | Job::Validation { step, .. } => Some(step.clone()),
            Job::Check { .. } => None,
        };
        let msg = match job {
            Job::Step { step, .. } => Msg::CommandFinished {
                step,
                exit_code: code,
                duration_ms: fin.duration_ms,
                output: fin.output,
            },
            Job::Validation { step, .. } => Msg::ValidationFinished {
                step,
                exit_code: code,
                output: fin.output,
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
            let pending: Vec<(usize, usize)> = app
                .engine
                .state()
                .prerequisites
                .iter()
                .enumerate()
                .flat_map(|(g, items)| {
                    items
                        .iter()
                        .enumerate()
                        .filter(|(_, ok)| !**ok)
                        .map(move |(i, _)| (g, i))
                })
                .collect();
            for (g, i) in pending {
                let d = super::app::Dialog::Prerequisite { group: g, item: i };
                if !app.dialogs.contains(&d) && !app.engine.state().prerequisites_waived {
                    app.dialogs.push_back(d);
                }
            }
        }
    }

    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }
}

/// Runs the loop until the operator quits, the run ends and they leave,
/// or a signal arrives. Returns why it stopped.
pub async fn run_loop(
    app: &mut App,
    exec: &mut Executor,
    guard: &mut super::terminal::TerminalGuard,
    mut shell_rx: tokio::sync::mpsc::UnboundedReceiver<ShellMsg>,
) -> Result<Stop, std::io::Error> {
    use crossterm::event::{Event, EventStream, KeyEventKind};
    use futures_util::StreamExt;
    use tokio::signal::unix::{SignalKind, signal};
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut hup = signal(SignalKind::hangup())?;
    let mut term = signal(SignalKind::terminate())?;
    let mut dirty = true;
    let mut ending: Option<&'static str> = None;
    let mut last_draw = Instant::now() - Duration::from_secs(1);
    const FRAME: Duration = Duration::from_millis(16);
    loop {
        if let Some(why) = ending {
            if !exec.busy() {
                return Ok(Stop::Signal(why));
            }
            dirty = false;
        }
        if dirty && last_draw.elapsed() >= FRAME {
            guard.terminal.draw(|f| super::view::draw(f, app))?;
            last_draw = Instant::now();
            dirty = false;
        }
        let wait = if dirty {
            FRAME.saturating_sub(last_draw.elapsed())
        } else {
            Duration::from_secs(3600)
        };
        tokio::select! {
            ev = events.next(), if ending.is_none() => {
                match ev {
                    Some(Ok(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                        let (fx, req) = app.on_key(&k);
                        exec.carry_out(app, fx);
                        match req {
                            Some(Request::Exit) => return Ok(Stop::Quit),
                            Some(Request::InterruptCommand) => exec.interrupt.store(true, Ordering::SeqCst),
                            None => {}
                        }
                        dirty = true;
                    }
                    Some(Ok(Event::Resize(_, _))) => {
                        guard.terminal.autoresize()?;
                        dirty = true;
                    }
                    Some(Ok(_)) => {}
                    Some(Err(_)) | None => {
                        ending = ending.or(Some("the terminal went away"));
                        if !exec.busy() {
                            return Ok(Stop::Signal("the terminal went away"));
                        }
                    }
                }
            }
            Some(msg) = shell_rx.recv() => {
                handle_shell(app, exec, msg);
                while let Ok(more) = shell_rx.try_recv() {
                    handle_shell(app, exec, more);
                }
                dirty = true;
            }
            _ = tick.tick() => {
                if app.engine.active_item().is_some() || matches!(app.engine.state().status, RunStatus::Running | RunStatus::RollingBack | RunStatus::Preparing) {
                    dirty = true;
                }
            }
            // The session is going away: a command in flight may finish
            // (its result is journaled), nothing more is drawn.
            _ = hup.recv() => ending = Some("SIGHUP (terminal or SSH session closed)"),
            _ = term.recv() => ending = Some("SIGTERM"),
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

fn handle_shell(app: &mut App, exec: &mut Executor, msg: ShellMsg) {
    match msg {
        ShellMsg::Output(bytes) => app.shell_output(&bytes),
        ShellMsg::Done(fin) => exec.finished(app, fin),
    }
}

pub enum Stop {
    Quit,
    Signal(&'static str),
}
