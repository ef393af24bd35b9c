//! The interface's own state (selection, focus, dialogs, the shell pane's
//! lines) and what keys do. It never owns domain state: the engine does.
//! Handling a key returns the engine's effects for the loop to carry out.

use super::keymap::{Action, Keymap, Mode};
use crate::i18n::Lang;
use crate::journal::StepOutcome;
use crate::run::{Effect, Engine, ItemKind, Msg, RunStatus, StepStatus};
use crate::tr;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::VecDeque;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Checklist,
    Timers,
    Rollback,
    Shell,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Checklist, Pane::Timers, Pane::Rollback, Pane::Shell];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReasonFor {
    Skip(String),
    Override(String),
    Fail(String),
    Rollback,
    Abort,
    Waive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    Confirm {
        step: String,
        accepted: Vec<String>,
        input: String,
    },
    Reason {
        purpose: ReasonFor,
        input: String,
    },
    Note {
        step: Option<String>,
        input: String,
    },
    Variable {
        name: String,
        prompt: String,
        secret: bool,
        input: String,
    },
    Prerequisite {
        group: usize,
        item: usize,
    },
    Decision {
        node: String,
        question: String,
    },
    /// A choice step: pick one of its options (`selected` is highlighted).
    Choice {
        step: String,
        selected: usize,
    },
    /// A step's condition, asked when the operator starts it.
    Condition {
        step: String,
    },
    /// A step's warning, shown before it runs (when no confirmation or
    /// condition dialog showed it).
    Warning {
        step: String,
    },
    /// The reference snippets: every command, `selected` highlighted.
    Snippets {
        selected: usize,
    },
    Quit,
    /// Quitting while a command runs: wait for it, interrupt it, or stay.
    QuitBusy,
    /// `/`: text to search the checklist for.
    Find {
        input: String,
    },
    /// `:`: the id of the step to jump to.
    Jump {
        input: String,
    },
}

/// What the loop should do besides carrying out effects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Interrupt the command running in the shell (Ctrl-C).
    InterruptCommand,
    /// A key for the shell (the pane has the focus).
    ShellKey(KeyEvent),
    /// Scroll the shell's screen back (+) or forward (-) by lines.
    ShellScroll(i32),
    /// Leave the program (after journaling the interruption).
    Exit,
    /// Leave once the running command ends.
    ExitAfterCommand,
    /// Interrupt the running command (journaled), then leave.
    ExitInterruptingCommand,
    /// Stay after all (a pending quit is forgotten).
    CancelExit,
    /// Clear the terminal and draw everything again (Ctrl-L).
    Redraw,
    /// Put this text on the operator's clipboard (OSC 52).
    Copy(String),
}

pub const SHELL_LINES: usize = 2000;

pub struct App {
    pub engine: Engine,
    pub keymap: Keymap,
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    /// Only the 16 basic colours (vt100, linux console).
    pub mono: bool,
    pub selected: usize,
    pub follow: bool,
    pub focus: Pane,
    pub tab: Pane,
    pub zoom: bool,
    pub help: bool,
    /// Lines the help overlay is scrolled down by.
    pub help_scroll: u16,
    /// The furthest the help can scroll on the screen last drawn.
    pub help_max: std::cell::Cell<u16>,
    pub dialogs: VecDeque<Dialog>,
    /// Prerequisites the operator put off with "[esc] later": not asked
    /// again until they ask (group, item).
    pub deferred: std::collections::BTreeSet<(usize, usize)>,
    pub status: Option<(String, bool)>,
    /// The status line speaks of this step while it is active (`started`):
    /// it goes away when the step is no longer active.
    pub status_step: Option<String>,
    /// The last search (`/`), for next and previous match.
    pub search: Option<String>,
    /// The status line speaks of a search or a jump: moving the
    /// selection by hand makes it old news.
    pub status_nav: bool,
    /// A key is being handled: a successful action clears the status
    /// line, which spoke of what came before.
    keyed: bool,
    pub shell_lines: VecDeque<String>,
    pub shell_partial: String,
    pub shell_scroll: usize,
    pub detail_scroll: u16,
    /// The furthest the Step pane can scroll, as last drawn.
    pub detail_max: std::cell::Cell<u16>,
    pub busy: Option<String>,
    /// The step being started types its commands at the prompt for the
    /// operator to edit (`edit-step`) instead of running them.
    pub edit_commands: bool,
    pub journal: String,
    pub source: String,
    pub resumed: bool,
    pub fatal: Option<String>,
}

impl App {
    pub fn new(engine: Engine, keymap: Keymap, lang: Lang) -> App {
        let mut app = App {
            engine,
            keymap,
            lang,
            ascii: false,
            color: true,
            mono: false,
            selected: 0,
            follow: true,
            focus: Pane::Checklist,
            tab: Pane::Checklist,
            zoom: false,
            help: false,
            help_scroll: 0,
            help_max: std::cell::Cell::new(u16::MAX),
            dialogs: VecDeque::new(),
            deferred: Default::default(),
            status: None,
            status_step: None,
            search: None,
            status_nav: false,
            keyed: false,
            shell_lines: VecDeque::new(),
            shell_partial: String::new(),
            shell_scroll: 0,
            detail_scroll: 0,
            detail_max: std::cell::Cell::new(u16::MAX),
            busy: None,
            edit_commands: false,
            journal: String::new(),
            source: String::new(),
            resumed: false,
            fatal: None,
        };
        app.follow_next();
        app
    }

    /// Items shown in the checklist: forward steps, then rollback items
    /// (undo items in plan order when a rollback is under way).
    pub fn rows(&self) -> Vec<usize> {
        let s = self.engine.state();
        let mut rows: Vec<usize> = s
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, ItemKind::Forward { .. }))
            .map(|(n, _)| n)
            .collect();
        if !s.rollback_plan.is_empty() {
            for id in &s.rollback_plan {
                if let Some(n) = s.items.iter().position(|i| &i.id == id) {
                    rows.push(n);
                }
            }
        } else {
            rows.extend(
                s.items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| matches!(i.kind, ItemKind::FullRollback { .. }))
                    .map(|(n, _)| n),
            );
        }
        rows
    }

    pub fn selected_item(&self) -> Option<&crate::run::Item> {
        let rows = self.rows();
        rows.get(self.selected.min(rows.len().saturating_sub(1)))
            .map(|n| &self.engine.state().items[*n])
    }

    /// Moves the selection to what is next (or active), when following.
    pub fn follow_next(&mut self) {
        if !self.follow {
            return;
        }
        let target = self
            .engine
            .active_item()
            .or_else(|| self.engine.next_item())
            .map(|i| i.id.clone());
        if let Some(id) = target {
            let rows = self.rows();
            if let Some(pos) = rows
                .iter()
                .position(|n| self.engine.state().items[*n].id == id)
            {
                self.selected = pos;
                self.detail_scroll = 0;
            }
        }
    }

    pub fn mode(&self) -> Mode {
        if !self.dialogs.is_empty() {
            Mode::Dialog
        } else if self.focus == Pane::Shell {
            Mode::Shell
        } else {
            Mode::Checklist
        }
    }

    pub fn say(&mut self, text: String) {
        self.status = Some((text, false));
        self.status_step = None;
        self.status_nav = false;
    }

    pub fn warn(&mut self, text: String) {
        self.status = Some((text, true));
        self.status_step = None;
        self.status_nav = false;
    }

    pub fn clear_status(&mut self) {
        self.status = None;
        self.status_step = None;
        self.status_nav = false;
    }

    /// Drops a status message that is no longer true: "step 3 started"
    /// once step 3 is no longer active.
    pub fn refresh_status(&mut self) {
        if let Some(id) = &self.status_step
            && self.engine.item(id).is_none_or(|i| !i.status.is_active())
        {
            self.clear_status();
        }
    }

    /// Sends a message to the engine; a refusal becomes a status message.
    pub fn send(&mut self, msg: Msg) -> Vec<Effect> {
        self.try_send(msg).unwrap_or_default()
    }

    /// [`App::send`], telling a refusal (`None`) from a change without
    /// effects.
    pub fn try_send(&mut self, msg: Msg) -> Option<Vec<Effect>> {
        match self.engine.update(msg) {
            Ok(fx) => {
                if self.keyed {
                    // The operator did something: what the status line
                    // said about before is no longer news.
                    self.clear_status();
                }
                self.follow_next();
                Some(fx)
            }
            Err(r) => {
                let why = crate::i18n::refusal(self.lang, &r);
                self.warn(tr!(self.lang, "run-refused", why = why));
                None
            }
        }
    }

    /// Dialogs the run needs before it can go on: missing variables, then
    /// unconfirmed prerequisites without a check command.
    pub fn queue_preparation(&mut self) {
        for name in self.engine.missing_variables() {
            if let Some(v) = self.engine.procedure().variable(&name).cloned() {
                self.dialogs.push_back(Dialog::Variable {
                    name: v.name.clone(),
                    prompt: v.prompt.clone().unwrap_or_default(),
                    secret: v.secret,
                    input: if v.secret {
                        String::new()
                    } else {
                        v.default.clone().unwrap_or_default()
                    },
                });
            }
        }
        // A rehearsal runs no check: every prerequisite is asked.
        let rehearsal = self.engine.state().mode == crate::journal::Mode::Rehearsal;
        self.ask_prerequisites(rehearsal);
    }

    /// A dialog for every unconfirmed prerequisite not asked yet; those with
    /// a check command only once the checks have run (`checked`).
    pub fn ask_prerequisites(&mut self, checked: bool) {
        if self.engine.state().status != RunStatus::Preparing
            || self.engine.state().prerequisites_waived
        {
            return;
        }
        let groups = self.engine.procedure().prerequisites.clone();
        for (g, group) in groups.iter().enumerate() {
            for (i, item) in group.items.iter().enumerate() {
                let d = Dialog::Prerequisite { group: g, item: i };
                let ask = !self.engine.state().prerequisites[g][i]
                    && (checked || item.check.is_none())
                    && !self.deferred.contains(&(g, i))
                    && !self.dialogs.contains(&d);
                if ask {
                    self.dialogs.push_back(d);
                }
            }
        }
    }

    /// Checks to run at the start (prerequisites with a command).
    pub fn prerequisite_checks(&mut self) -> Vec<Effect> {
        if self.engine.state().status != RunStatus::Preparing
            || self.engine.state().mode == crate::journal::Mode::Rehearsal
        {
            return Vec::new();
        }
        let groups = self.engine.procedure().prerequisites.clone();
        let mut fx = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for (i, item) in group.items.iter().enumerate() {
                if !self.engine.state().prerequisites[g][i] && item.check.is_some() {
                    fx.extend(self.send(Msg::CheckPrerequisite { group: g, item: i }));
                }
            }
        }
        fx
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> (Vec<Effect>, Option<Request>) {
        self.keyed = true;
        let out = self.handle_key(key);
        self.keyed = false;
        self.refresh_status();
        out
    }

    fn handle_key(&mut self, key: &KeyEvent) -> (Vec<Effect>, Option<Request>) {
        if self.fatal.is_some() {
            // Only quitting is left once the journal cannot be written.
            return (
                Vec::new(),
                (key.code == KeyCode::Char('q') || key.modifiers.contains(KeyModifiers::CONTROL))
                    .then_some(Request::Exit),
            );
        }
        if self.help {
            self.help_key(key);
            return (Vec::new(), None);
        }
        let mode = self.mode();
        let action = self.keymap.lookup(mode, key);
        match mode {
            Mode::Dialog => self.dialog_key(key, action),
            Mode::Shell => match action {
                Some(Action::LeaveShell) => {
                    self.focus = Pane::Checklist;
                    (Vec::new(), None)
                }
                Some(Action::ScrollUp) => (Vec::new(), Some(Request::ShellScroll(10))),
                Some(Action::ScrollDown) => (Vec::new(), Some(Request::ShellScroll(-10))),
                _ => (Vec::new(), Some(Request::ShellKey(*key))),
            },
            _ => {
                if key.code == KeyCode::Char('c')
                    && key.modifiers.contains(KeyModifiers::CONTROL)
                    && self.busy.is_some()
                {
                    return (Vec::new(), Some(Request::InterruptCommand));
                }
                match action {
                    Some(a) => self.act(a),
                    None => (Vec::new(), None),
                }
            }
        }
    }

    fn act(&mut self, a: Action) -> (Vec<Effect>, Option<Request>) {
        let rows = self.rows().len();
        let current = self.selected_item().map(|i| (i.id.clone(), i.status));
        let mut fx = Vec::new();
        let moves = matches!(
            a,
            Action::NextStep | Action::PreviousStep | Action::FirstStep | Action::LastStep
        );
        if moves && self.status_nav {
            self.clear_status();
        }
        match a {
            Action::NextStep => {
                self.follow = false;
                self.selected = (self.selected + 1).min(rows.saturating_sub(1));
                self.detail_scroll = 0;
            }
            Action::PreviousStep => {
                self.follow = false;
                self.selected = self.selected.saturating_sub(1);
                self.detail_scroll = 0;
            }
            Action::FirstStep => self.select_row(0),
            Action::LastStep => self.select_row(rows.saturating_sub(1)),
            Action::RunStep | Action::EditStep => {
                self.follow = true;
                self.edit_commands = a == Action::EditStep;
                if let Some((id, status)) = current {
                    if status == StepStatus::AwaitingOperator {
                        fx = self.send(Msg::Report {
                            step: id,
                            outcome: StepOutcome::Done,
                        });
                    } else if self.prerequisites_block() {
                        // What blocks the start, asked again (not a dead end).
                        self.reopen_prerequisites();
                    } else if self.busy.is_some() {
                        let why = tr!(self.lang, "refusal-command-running");
                        self.warn(tr!(self.lang, "run-refused", why = why));
                    } else {
                        fx = self.begin_step(id);
                    }
                }
            }
            Action::SkipStep => {
                if let Some((id, _)) = current {
                    self.dialogs.push_back(Dialog::Reason {
                        purpose: ReasonFor::Skip(id),
                        input: String::new(),
                    });
                }
            }
            Action::OverrideStep => {
                if let Some((id, _)) = current {
                    self.dialogs.push_back(Dialog::Reason {
                        purpose: ReasonFor::Override(id),
                        input: String::new(),
                    });
                }
            }
            Action::MarkFailed => {
                if let Some((id, status)) = current {
                    if status == StepStatus::AwaitingOperator {
                        fx = self.send(Msg::Report {
                            step: id,
                            outcome: StepOutcome::Failed,
                        });
                    } else {
                        self.dialogs.push_back(Dialog::Reason {
                            purpose: ReasonFor::Fail(id),
                            input: String::new(),
                        });
                    }
                }
            }
            Action::AddNote => {
                let step = current.map(|(id, _)| id);
                self.dialogs.push_back(Dialog::Note {
                    step,
                    input: String::new(),
                });
            }
            Action::StartRollback => self.dialogs.push_back(Dialog::Reason {
                purpose: ReasonFor::Rollback,
                input: String::new(),
            }),
            Action::AbortRun => self.dialogs.push_back(Dialog::Reason {
                purpose: ReasonFor::Abort,
                input: String::new(),
            }),
            Action::AnswerDecision => {
                if !self.ask_decision() {
                    self.say_decision_outcome();
                }
                self.tab = Pane::Rollback;
            }
            Action::Prerequisites => self.reopen_prerequisites(),
            Action::Search => self.dialogs.push_front(Dialog::Find {
                input: String::new(),
            }),
            Action::NextMatch => self.search_step(true, false),
            Action::PreviousMatch => self.search_step(false, false),
            Action::JumpToStep => self.dialogs.push_front(Dialog::Jump {
                input: String::new(),
            }),
            Action::CopyCommand => return (fx, self.copy_command()),
            Action::NextPane | Action::PreviousPane => {
                let i = Pane::ALL.iter().position(|p| *p == self.tab).unwrap_or(0);
                let n = if a == Action::NextPane {
                    (i + 1) % 4
                } else {
                    (i + 3) % 4
                };
                self.tab = Pane::ALL[n];
            }
            Action::ShowChecklist => self.tab = Pane::Checklist,
            Action::ShowTimers => self.tab = Pane::Timers,
            Action::ShowRollback => self.tab = Pane::Rollback,
            Action::ShowShell => {
                self.tab = Pane::Shell;
                self.focus = Pane::Shell;
            }
            Action::Zoom => self.zoom = !self.zoom,
            Action::ScrollDown => {
                self.detail_scroll = self
                    .detail_scroll
                    .saturating_add(5)
                    .min(self.detail_max.get())
            }
            Action::ScrollUp => self.detail_scroll = self.detail_scroll.saturating_sub(5),
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Snippets => self.open_snippets(),
            Action::Quit => self.ask_quit(),
            Action::Redraw => return (fx, Some(Request::Redraw)),
            Action::LeaveShell
            | Action::DialogAccept
            | Action::DialogCancel
            | Action::OpenRun
            | Action::Back
            | Action::FilterRuns
            | Action::ShowKpi
            | Action::NextCommand
            | Action::PreviousCommand
            | Action::OpenProcedure
            | Action::FilterProcedures
            | Action::ShowRuns => {}
        }
        (fx, None)
    }

    /// The quit dialog; with a command running, the one that asks what
    /// to do with it (never left silently).
    pub fn ask_quit(&mut self) {
        self.dialogs
            .retain(|d| !matches!(d, Dialog::Quit | Dialog::QuitBusy));
        let d = if self.busy.is_some() {
            Dialog::QuitBusy
        } else {
            Dialog::Quit
        };
        self.dialogs.push_front(d);
    }

    /// The status line while waiting for a command before quitting.
    pub fn tr_quit_waiting(&self) -> String {
        crate::tr!(self.lang, "hardening-quit-waiting")
    }

    /// A bracketed paste: text, never keys. The shell pane takes it (true:
    /// the caller sends it to the shell); an open text field takes it as
    /// one line; anywhere else it is refused with a message.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.fatal.is_none() && !self.help && self.mode() == Mode::Shell {
            return true;
        }
        if let Some(
            Dialog::Confirm { input, .. }
            | Dialog::Reason { input, .. }
            | Dialog::Note { input, .. }
            | Dialog::Variable { input, .. }
            | Dialog::Find { input }
            | Dialog::Jump { input },
        ) = self.dialogs.front_mut()
        {
            for c in text.chars() {
                match c {
                    '\n' | '\r' | '\t' => {
                        if !input.ends_with(' ') && !input.is_empty() {
                            input.push(' ');
                        }
                    }
                    c if c.is_control() => {}
                    c => input.push(c),
                }
            }
            return false;
        }
        self.warn(crate::tr!(self.lang, "hardening-paste-refused"));
        false
    }

    pub(super) fn start(&mut self, id: String, typed: Option<String>) -> Vec<Effect> {
        let fx = self.send(Msg::StartStep {
            step: id.clone(),
            typed,
        });
        if !fx.is_empty() {
            let name = crate::i18n::item_name(self.lang, &self.engine, &id);
            self.say(tr!(self.lang, "run-started", step = name.as_str()));
            self.status_step = Some(id.clone());
            if self.edit_commands && fx.iter().any(|e| matches!(e, Effect::RunCommands { .. })) {
                // Keys go to the shell, where the command waits for Enter.
                self.tab = Pane::Shell;
                self.focus = Pane::Shell;
                self.say(tr!(self.lang, "tui-status-edit-at-prompt", step = name));
                self.status_step = Some(id.clone());
            }
        }
        fx
    }

    fn dialog_key(
        &mut self,
        key: &KeyEvent,
        action: Option<Action>,
    ) -> (Vec<Effect>, Option<Request>) {
        let Some(dialog) = self.dialogs.front_mut() else {
            return (Vec::new(), None);
        };
        let yes_no = matches!(
            dialog,
            Dialog::Prerequisite { .. } | Dialog::Decision { .. } | Dialog::Quit
        );
        if action == Some(Action::Redraw) {
            return (Vec::new(), Some(Request::Redraw));
        }
        if let Some(fx) = self.branch_dialog_key(key, action) {
            return (fx, None);
        }
        let Some(dialog) = self.dialogs.front_mut() else {
            return (Vec::new(), None);
        };
        if matches!(dialog, Dialog::QuitBusy) {
            let choice = match (key.code, action) {
                (_, Some(Action::DialogCancel)) => Some(Request::CancelExit),
                (KeyCode::Char('w' | 'W' | 'e' | 'E'), _) => Some(Request::ExitAfterCommand),
                (KeyCode::Char('i' | 'I'), _) => Some(Request::ExitInterruptingCommand),
                (KeyCode::Char('c' | 'C'), _) => Some(Request::CancelExit),
                _ => None,
            };
            if choice.is_some() {
                self.dialogs.pop_front();
            }
            return (Vec::new(), choice);
        }
        if action == Some(Action::DialogCancel) {
            if let Some(Dialog::Prerequisite { group, item }) = self.dialogs.pop_front() {
                // "Later" sticks: checks finishing do not ask it again;
                // the operator does (the reopen key, or Enter on a step).
                self.deferred.insert((group, item));
            }
            return (Vec::new(), None);
        }
        if yes_no {
            let c = match key.code {
                KeyCode::Char(c) => c.to_ascii_lowercase(),
                KeyCode::Enter => 'y',
                _ => return (Vec::new(), None),
            };
            let Some(dialog) = self.dialogs.pop_front() else {
                return (Vec::new(), None);
            };
            return match (dialog, c) {
                (Dialog::Prerequisite { group, item }, 'y' | 's') => {
                    (self.send(Msg::ConfirmPrerequisite { group, item }), None)
                }
                (Dialog::Prerequisite { .. }, 'w') => {
                    self.dialogs.push_front(Dialog::Reason {
                        purpose: ReasonFor::Waive,
                        input: String::new(),
                    });
                    (Vec::new(), None)
                }
                (Dialog::Decision { node, .. }, c @ ('y' | 's' | 'n')) => {
                    let fx = self.send(Msg::AnswerDecision {
                        node,
                        answer: c != 'n',
                    });
                    // The next question at once, until an action is reached.
                    if !self.ask_decision() {
                        self.say_decision_outcome();
                    }
                    (fx, None)
                }
                (Dialog::Quit, 'y' | 's') => (Vec::new(), Some(Request::Exit)),
                (d, _) => {
                    self.dialogs.push_front(d);
                    (Vec::new(), None)
                }
            };
        }
        let input = match dialog {
            Dialog::Confirm { input, .. }
            | Dialog::Reason { input, .. }
            | Dialog::Note { input, .. }
            | Dialog::Variable { input, .. }
            | Dialog::Find { input }
            | Dialog::Jump { input } => input,
            _ => return (Vec::new(), None),
        };
        if action == Some(Action::DialogAccept) {
            let Some(dialog) = self.dialogs.pop_front() else {
                return (Vec::new(), None);
            };
            return (self.accept(dialog), None);
        }
        match key.code {
            KeyCode::Backspace => {
                input.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => input.push(c),
            _ => {}
        }
        (Vec::new(), None)
    }

    fn accept(&mut self, dialog: Dialog) -> Vec<Effect> {
        match dialog {
            Dialog::Confirm { step, input, .. } => self.start(step, Some(input)),
            Dialog::Reason { purpose, input } => {
                let again = Dialog::Reason {
                    purpose: purpose.clone(),
                    input: input.clone(),
                };
                let msg = match purpose {
                    ReasonFor::Skip(step) => Msg::Skip {
                        step,
                        reason: input,
                    },
                    ReasonFor::Override(step) => Msg::Override {
                        step,
                        outcome: StepOutcome::Done,
                        reason: input,
                    },
                    ReasonFor::Fail(step) => Msg::Override {
                        step,
                        outcome: StepOutcome::Failed,
                        reason: input,
                    },
                    ReasonFor::Rollback => Msg::StartRollback { reason: input },
                    ReasonFor::Abort => Msg::Abort { reason: input },
                    ReasonFor::Waive => Msg::WaivePrerequisites { reason: input },
                };
                let Some(fx) = self.try_send(msg) else {
                    // Refused (no reason written): the dialog stays, and
                    // the status line says why.
                    self.dialogs.push_front(again);
                    return Vec::new();
                };
                if self.engine.state().prerequisites_waived {
                    self.dialogs
                        .retain(|d| !matches!(d, Dialog::Prerequisite { .. }));
                }
                fx
            }
            Dialog::Note { step, input } => self.send(Msg::Note { step, text: input }),
            Dialog::Find { input } => {
                self.search(input);
                Vec::new()
            }
            Dialog::Jump { input } => {
                self.jump(&input);
                Vec::new()
            }
            Dialog::Variable {
                name,
                input,
                secret,
                prompt,
            } => {
                let fx = self.send(Msg::SetVariable {
                    name: name.clone(),
                    value: input.clone(),
                });
                if fx.is_empty() {
                    // Refused (pattern): ask again.
                    self.dialogs.push_front(Dialog::Variable {
                        name,
                        prompt,
                        secret,
                        input: if secret { String::new() } else { input },
                    });
                }
                fx
            }
            other => {
                self.dialogs.push_front(other);
                Vec::new()
            }
        }
    }

    /// After a step ends: its outcome in the status line.
    pub fn report_outcome(&mut self, id: &str) {
        let Some(item) = self.engine.item(id) else {
            return;
        };
        let lang = self.lang;
        let name = crate::i18n::item_name(lang, &self.engine, id);
        let timer = self.engine.step_timer(id);
        let took = timer
            .as_ref()
            .map(|x| super::view::style::clock(x.elapsed_ms))
            .unwrap_or_default();
        let est = timer
            .as_ref()
            .and_then(|x| x.estimate)
            .map(|e| e.to_string())
            .unwrap_or_else(|| "?".into());
        match item.status {
            StepStatus::Done => {
                let mark = if self.ascii { "" } else { "✓ " };
                let text = format!(
                    "{mark}{}",
                    tr!(
                        lang,
                        "run-step-done",
                        step = name.as_str(),
                        took = took,
                        estimate = est
                    )
                );
                self.say(text);
            }
            StepStatus::Failed => {
                let cause = crate::history::words::step_why(lang, &item.why).unwrap_or_default();
                let mark = if self.ascii { "" } else { "✗ " };
                let text = format!(
                    "{mark}{}",
                    tr!(
                        lang,
                        "run-step-failed",
                        step = name.as_str(),
                        took = took,
                        cause = cause
                    )
                );
                self.warn(text);
            }
            _ => {}
        }
    }

    /// Output from the shell, split into lines (bounded).
    pub fn shell_output(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        for ch in text.chars() {
            match ch {
                '\n' => {
                    let line = std::mem::take(&mut self.shell_partial);
                    self.push_line(line);
                }
                '\r' => {}
                c if c.is_control() && c != '\t' => {}
                c => self.shell_partial.push(c),
            }
        }
    }

    pub fn push_line(&mut self, line: String) {
        self.shell_lines.push_back(line);
        while self.shell_lines.len() > SHELL_LINES {
            self.shell_lines.pop_front();
        }
    }
}
