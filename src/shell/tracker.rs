//! The life of commands in the shell, told by the markers: prompt, a
//! command starts (ours or typed by hand), it finishes with an exit code;
//! and whether the pane still talks to our shell at all.

use super::event::{ExitSource, ShellEvent};
use super::marker::{Marker, Parsed};
use super::output_text::plain_text;
use crate::journal::Redactor;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Bytes of a command's output kept for `CommandFinished::output_tail`.
pub const OUTPUT_TAIL: usize = 64 * 1024;

/// How long a foreign program must be in the foreground before it counts.
pub const FOREIGN_AFTER: Duration = Duration::from_millis(800);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// No prompt seen yet.
    Starting,
    /// The prompt is being drawn (A seen).
    Prompt,
    /// The shell reads a command (B seen): input can be sent.
    Ready,
    /// A command runs.
    Running,
    /// It finished (D seen); the next prompt is coming.
    Finished,
}

struct Running {
    started: Instant,
    /// Finished by a sentinel printf instead of D.
    sentinel: bool,
    /// Lines of the command's own echo at the start of its output (when
    /// pasos starts it without a C marker).
    echo_lines: usize,
}

pub struct Tracker {
    phase: Phase,
    running: Option<Running>,
    /// The command a sentinel command interrupted (the `ssh` it runs in).
    outer: Option<Running>,
    /// Text of the command pasos sent (and whether it was only typed at
    /// the prompt for the operator to edit), until its C arrives.
    own: Option<(String, bool)>,
    /// The command line the shell reported (E) for the next C.
    command_line: Option<String>,
    tail: VecDeque<u8>,
    cwd: Option<String>,
    /// The foreign program in the foreground, once reported.
    foreign: Option<String>,
    /// A foreign-looking program seen in the foreground since then.
    foreign_candidate: Option<(String, Instant)>,
    /// The shell has no hook before commands (sh): pasos starts them.
    prompt_only: bool,
    redactor: Redactor,
    /// The directory last reported in a `Context` event.
    reported_cwd: Option<String>,
    /// Exported variables changed since the last prompt (`None`: gone).
    env: std::collections::BTreeMap<String, Option<String>>,
}

impl Tracker {
    pub fn new(redactor: Redactor, prompt_only: bool) -> Tracker {
        Tracker {
            phase: Phase::Starting,
            running: None,
            outer: None,
            own: None,
            command_line: None,
            tail: VecDeque::new(),
            cwd: None,
            foreign: None,
            foreign_candidate: None,
            prompt_only,
            redactor,
            reported_cwd: None,
            env: std::collections::BTreeMap::new(),
        }
    }

    /// The context changes gathered since the last prompt, if any.
    fn context(&mut self) -> Option<ShellEvent> {
        let cwd = (self.cwd != self.reported_cwd)
            .then(|| self.cwd.clone())
            .flatten();
        if cwd.is_none() && self.env.is_empty() {
            return None;
        }
        self.reported_cwd = self.cwd.clone();
        let (mut set, mut unset, mut withheld) = (Vec::new(), Vec::new(), Vec::new());
        for (name, value) in std::mem::take(&mut self.env) {
            match value {
                // A value the redactor would change holds a secret.
                Some(v) if self.redactor.redact(&v) != v || self.redactor.redact(&name) != name => {
                    withheld.push(name)
                }
                Some(v) => set.push((name, v)),
                None => unset.push(name),
            }
        }
        Some(ShellEvent::Context {
            cwd,
            set,
            unset,
            withheld,
        })
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn cwd(&self) -> Option<&str> {
        self.cwd.as_deref()
    }

    pub fn foreign(&self) -> Option<&str> {
        self.foreign.as_deref()
    }

    pub fn add_secret(&mut self, secret: String) {
        self.redactor.add_secret(secret);
    }

    /// Output of the shell, in order with the markers.
    pub fn output(&mut self, bytes: &[u8]) {
        if self.running.is_none() {
            return;
        }
        if bytes.len() >= OUTPUT_TAIL {
            self.tail.clear();
            self.tail.extend(&bytes[bytes.len() - OUTPUT_TAIL..]);
            return;
        }
        let over = (self.tail.len() + bytes.len()).saturating_sub(OUTPUT_TAIL);
        self.tail.drain(..over);
        self.tail.extend(bytes);
    }

    /// pasos is about to send `text` as a command at the prompt;
    /// `prefilled` when it is left there for the operator to edit.
    pub fn expect_own(&mut self, text: &str, prefilled: bool) {
        self.own = Some((text.to_string(), prefilled));
    }

    /// Whether a command pasos sent has not started yet.
    pub fn own_pending(&self) -> bool {
        self.own.as_ref().is_some_and(|(_, prefilled)| !prefilled)
    }

    /// A command pasos started itself, without a C marker to come (a
    /// sentinel command in a foreign shell, or any command in sh).
    pub fn start_own(&mut self, text: &str, sentinel: bool, offset: Option<u64>) -> ShellEvent {
        self.own = None;
        if sentinel && self.running.as_ref().is_some_and(|r| !r.sentinel) {
            self.outer = self.running.take();
        }
        self.begin(sentinel);
        if let Some(r) = self.running.as_mut() {
            // The echo of the command, and of the sentinel line after it.
            r.echo_lines = text.lines().count().max(1) + usize::from(sentinel);
        }
        ShellEvent::CommandStarted {
            text: self.redactor.redact(text),
            manual: false,
            transcript_offset: offset,
        }
    }

    fn begin(&mut self, sentinel: bool) {
        self.phase = Phase::Running;
        self.tail.clear();
        self.running = Some(Running {
            started: Instant::now(),
            sentinel,
            echo_lines: 0,
        });
    }

    fn finish(&mut self, code: Option<i32>) -> Option<ShellEvent> {
        let r = self.running.take()?;
        let bytes: Vec<u8> = self.tail.drain(..).collect();
        let mut text = plain_text(&bytes);
        if r.echo_lines > 0 {
            let cut = text
                .match_indices('\n')
                .nth(r.echo_lines - 1)
                .map_or(text.len(), |(i, _)| i + 1);
            text.drain(..cut);
        }
        // A last line of blanks is the shell's prompt preparation (zsh's
        // PROMPT_SP), not output.
        let last_line = text.rfind('\n').map_or(0, |i| i + 1);
        if text[last_line..].trim().is_empty() {
            text.truncate(last_line);
        }
        Some(ShellEvent::CommandFinished {
            exit_code: code.unwrap_or(-1),
            duration_ms: r.started.elapsed().as_millis() as u64,
            output_tail: text,
            source: if r.sentinel {
                ExitSource::Sentinel
            } else {
                ExitSource::Marker
            },
        })
    }

    /// A marker arrived. `offset` gives the transcript offset at this
    /// point (flushing it); `screen_line` the typed text from the screen,
    /// used when the shell did not report the command line.
    pub fn marker(
        &mut self,
        parsed: Parsed,
        offset: &mut dyn FnMut() -> Option<u64>,
        screen_line: &mut dyn FnMut() -> String,
        events: &mut Vec<ShellEvent>,
    ) {
        if !parsed.ours {
            return;
        }
        match parsed.marker {
            Marker::PromptStart => {
                // Only an authenticated D ends a command: a prompt start
                // can be printed by anyone who learned the tag.
                if self.running.is_none() {
                    self.phase = Phase::Prompt;
                }
                if let Some(e) = self.context() {
                    events.push(e);
                }
                self.foreign_candidate = None;
                // A command sent but not started was abandoned.
                self.own = None;
                if self.foreign.take().is_some() {
                    events.push(ShellEvent::Native);
                }
            }
            Marker::PromptEnd => {
                if self.running.is_none() {
                    self.phase = Phase::Ready;
                }
                events.push(ShellEvent::Prompt {
                    cwd: self.cwd.clone(),
                });
            }
            Marker::CommandLine(text) => self.command_line = Some(text),
            Marker::OutputStart => {
                if self.running.is_some() {
                    // The next line of a multi-line paste.
                    self.command_line = None;
                    return;
                }
                let manual = self.own.is_none();
                let text = match (self.own.take(), self.command_line.take()) {
                    (Some((_, true)), Some(line)) if !line.is_empty() => line,
                    (Some((own, _)), _) => own,
                    (None, Some(line)) if !line.is_empty() => line,
                    _ => screen_line(),
                };
                self.begin(false);
                events.push(ShellEvent::CommandStarted {
                    text: self.redactor.redact(&text),
                    manual,
                    transcript_offset: offset(),
                });
            }
            Marker::Finished(code) => {
                if self.running.as_ref().is_some_and(|r| r.sentinel) {
                    // The program the sentinel ran in ended first.
                    if let Some(e) = self.finish(None) {
                        events.push(e);
                    }
                    self.running = self.outer.take();
                }
                if self.running.as_ref().is_some_and(|r| !r.sentinel)
                    && let Some(e) = self.finish(code)
                {
                    offset();
                    events.push(e);
                    self.phase = Phase::Finished;
                }
            }
            Marker::Sentinel(code) => {
                if self.running.as_ref().is_some_and(|r| r.sentinel)
                    && let Some(e) = self.finish(code)
                {
                    offset();
                    events.push(e);
                    self.running = self.outer.take();
                    self.phase = if self.running.is_some() {
                        Phase::Running
                    } else {
                        Phase::Finished
                    };
                }
            }
            Marker::Cwd(dir) => self.cwd = Some(dir),
            Marker::EnvLoaded => events.push(ShellEvent::SecretsLoaded),
            Marker::PromptOnly => self.prompt_only = true,
            Marker::EnvSet(name, value) => {
                self.env.insert(name, Some(value));
            }
            Marker::EnvUnset(name) => {
                self.env.insert(name, None);
            }
        }
    }

    /// In sh (no hook before commands), pasos's own command starts when it
    /// is sent; this tells whether that is the case.
    pub fn prompt_only(&self) -> bool {
        self.prompt_only
    }

    /// The foreground process of the terminal, checked now and then while
    /// a command runs: `None` when it is the shell itself.
    pub fn foreground(&mut self, program: Option<String>, events: &mut Vec<ShellEvent>) {
        if self.phase != Phase::Running || self.foreign.is_some() {
            return;
        }
        let Some(p) = program.filter(|p| super::foreign::is_foreign_program(p)) else {
            self.foreign_candidate = None;
            return;
        };
        match &self.foreign_candidate {
            Some((name, since)) if *name == p => {
                if since.elapsed() >= FOREIGN_AFTER {
                    self.foreign = Some(p.clone());
                    events.push(ShellEvent::Foreign { program: p });
                }
            }
            _ => self.foreign_candidate = Some((p, Instant::now())),
        }
    }

    /// Whether a command is running (for polling the foreground).
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(marker: Marker) -> Parsed {
        Parsed {
            marker,
            ours: true,
            auth: None,
        }
    }

    fn feed(t: &mut Tracker, m: Marker) -> Vec<ShellEvent> {
        let mut ev = Vec::new();
        t.marker(
            ours(m),
            &mut || Some(7),
            &mut || "from screen".into(),
            &mut ev,
        );
        ev
    }

    #[test]
    fn own_and_manual_commands() {
        let mut t = Tracker::new(Redactor::new(["s3cret".to_string()]), false);
        assert!(feed(&mut t, Marker::PromptStart).is_empty());
        assert_eq!(
            feed(&mut t, Marker::PromptEnd),
            [ShellEvent::Prompt { cwd: None }]
        );
        assert_eq!(t.phase(), Phase::Ready);
        t.expect_own("echo ${TOKEN}", false);
        feed(&mut t, Marker::CommandLine("echo ${TOKEN}".into()));
        assert_eq!(
            feed(&mut t, Marker::OutputStart),
            [ShellEvent::CommandStarted {
                text: "echo ${TOKEN}".into(),
                manual: false,
                transcript_offset: Some(7)
            }]
        );
        t.output(b"\x1b[1mhi\x1b[0m\r\n");
        // A second line of the same paste.
        assert!(feed(&mut t, Marker::OutputStart).is_empty());
        let ev = feed(&mut t, Marker::Finished(Some(3)));
        assert!(matches!(
            &ev[..],
            [ShellEvent::CommandFinished { exit_code: 3, output_tail, .. }] if output_tail == "hi\n"
        ));
        feed(&mut t, Marker::PromptStart);
        feed(&mut t, Marker::CommandLine("echo s3cret".into()));
        let ev = feed(&mut t, Marker::OutputStart);
        assert!(matches!(
            &ev[..],
            [ShellEvent::CommandStarted { text, manual: true, .. }] if text == "echo [redacted]"
        ));
        feed(&mut t, Marker::Finished(Some(0)));
        feed(&mut t, Marker::CommandLine(String::new()));
        let ev = feed(&mut t, Marker::OutputStart);
        assert!(matches!(
            &ev[..],
            [ShellEvent::CommandStarted { text, .. }] if text == "from screen"
        ));
        // Markers of someone else's integration are ignored.
        let mut ev = Vec::new();
        t.marker(
            Parsed {
                marker: Marker::Finished(Some(9)),
                ours: false,
                auth: None,
            },
            &mut || None,
            &mut String::new,
            &mut ev,
        );
        assert!(ev.is_empty());
    }

    #[test]
    fn foreign_then_sentinel_then_native() {
        let mut t = Tracker::new(Redactor::default(), false);
        feed(&mut t, Marker::PromptEnd);
        feed(&mut t, Marker::OutputStart);
        let mut ev = Vec::new();
        t.foreground(Some("sleep".into()), &mut ev);
        t.foreground(Some("ssh".into()), &mut ev);
        assert!(ev.is_empty());
        std::thread::sleep(FOREIGN_AFTER);
        t.foreground(Some("ssh".into()), &mut ev);
        assert_eq!(
            ev,
            [ShellEvent::Foreign {
                program: "ssh".into()
            }]
        );
        assert_eq!(t.foreign(), Some("ssh"));
        let started = t.start_own("uptime", true, None);
        assert!(matches!(
            started,
            ShellEvent::CommandStarted { manual: false, .. }
        ));
        let ev = feed(&mut t, Marker::Sentinel(Some(0)));
        assert!(matches!(
            &ev[..],
            [ShellEvent::CommandFinished { exit_code: 0, .. }]
        ));
        assert_eq!(t.phase(), Phase::Running);
        // ssh ends: its own D, then our prompt.
        let ev = feed(&mut t, Marker::Finished(Some(255)));
        assert!(matches!(
            &ev[..],
            [ShellEvent::CommandFinished { exit_code: 255, .. }]
        ));
        let ev = feed(&mut t, Marker::PromptStart);
        assert_eq!(ev, [ShellEvent::Native]);
    }

    #[test]
    fn context_changes_are_reported_at_the_prompt_without_secret_values() {
        let mut t = Tracker::new(Redactor::new(["s3cret".to_string()]), false);
        feed(&mut t, Marker::Cwd("/tmp".into()));
        let ev = feed(&mut t, Marker::PromptStart);
        assert_eq!(
            ev,
            [ShellEvent::Context {
                cwd: Some("/tmp".into()),
                set: vec![],
                unset: vec![],
                withheld: vec![],
            }]
        );
        // Nothing changed: nothing reported.
        feed(&mut t, Marker::Cwd("/tmp".into()));
        assert!(feed(&mut t, Marker::PromptStart).is_empty());
        feed(&mut t, Marker::EnvSet("MARK".into(), "1".into()));
        feed(&mut t, Marker::EnvSet("TOKEN".into(), "xs3cretx".into()));
        feed(&mut t, Marker::EnvUnset("OLD".into()));
        let ev = feed(&mut t, Marker::PromptStart);
        assert_eq!(
            ev,
            [ShellEvent::Context {
                cwd: None,
                set: vec![("MARK".into(), "1".into())],
                unset: vec!["OLD".into()],
                withheld: vec!["TOKEN".into()],
            }]
        );
    }
}
