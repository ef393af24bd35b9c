//! What the operator answers before a step runs, in the TUI: a choice
//! (a dialog listing the options), a condition (a yes/no dialog), the
//! step's warning (shown before it runs), and the reference snippets
//! (a picker that types the chosen command at the shell's prompt).

use super::app::{App, Dialog, Pane};
use super::keymap::Action;
use crate::run::{Effect, Msg, Question};
use crate::tr;
use crossterm::event::{KeyCode, KeyEvent};

impl App {
    /// Starting step `id` (`run-step`): first what must be answered (its
    /// choice, its condition), then its confirmation or its warning, then
    /// the step.
    pub(super) fn begin_step(&mut self, id: String) -> Vec<Effect> {
        match self.engine.question_for(&id) {
            Some(Question::Choice(_)) => {
                self.dialogs.push_back(Dialog::Choice {
                    step: id,
                    selected: 0,
                });
                Vec::new()
            }
            Some(Question::Condition(_)) => {
                self.dialogs.push_back(Dialog::Condition { step: id });
                Vec::new()
            }
            None => self.confirm_or_start(id, true),
        }
    }

    /// The confirmation when the step needs one (it shows the warning
    /// too); else the warning, when the step has one and it was not
    /// shown yet (`warn`); else the step starts.
    fn confirm_or_start(&mut self, id: String, warn: bool) -> Vec<Effect> {
        let Some(item) = self.engine.item(&id) else {
            return self.send(Msg::StartStep {
                step: id,
                typed: None,
            });
        };
        if let Some(accepted) = self.engine.confirmation_for(item) {
            self.dialogs.push_back(Dialog::Confirm {
                step: id,
                accepted,
                input: String::new(),
            });
            return Vec::new();
        }
        let has_warning =
            self.engine.undo_of(item).is_none() && self.engine.step_of(item).warning.is_some();
        if warn && has_warning {
            self.dialogs.push_back(Dialog::Warning { step: id });
            return Vec::new();
        }
        self.start(id, None)
    }

    /// Keys of the choice, condition, warning and snippet dialogs; `None`
    /// when the front dialog is none of them.
    pub(super) fn branch_dialog_key(
        &mut self,
        key: &KeyEvent,
        action: Option<Action>,
    ) -> Option<Vec<Effect>> {
        let dialog = self.dialogs.front()?.clone();
        let cancel = action == Some(Action::DialogCancel);
        let accept = action == Some(Action::DialogAccept);
        let ch = match key.code {
            KeyCode::Char(c) => Some(c.to_ascii_lowercase()),
            _ => None,
        };
        match dialog {
            Dialog::Choice { step, selected } => {
                let n = self
                    .engine
                    .item(&step)
                    .and_then(|i| self.engine.choice_of(i))
                    .map_or(0, |c| c.options.len());
                let pick = match (key.code, ch) {
                    _ if cancel => {
                        self.dialogs.pop_front();
                        return Some(Vec::new());
                    }
                    (KeyCode::Down, _) | (_, Some('j')) => {
                        self.move_list(selected + 1, n);
                        return Some(Vec::new());
                    }
                    (KeyCode::Up, _) | (_, Some('k')) => {
                        self.move_list(selected.saturating_sub(1), n);
                        return Some(Vec::new());
                    }
                    (_, Some(d)) if d.is_ascii_digit() => {
                        match (d as usize).checked_sub('1' as usize).filter(|i| *i < n) {
                            Some(i) => i,
                            None => return Some(Vec::new()),
                        }
                    }
                    _ if accept => selected,
                    _ => return Some(Vec::new()),
                };
                let option = self
                    .engine
                    .item(&step)
                    .and_then(|i| self.engine.choice_of(i))
                    .and_then(|c| c.options.get(pick))
                    .map(|o| o.id.clone())?;
                self.dialogs.pop_front();
                let fx = self.send(Msg::Choose {
                    step: step.clone(),
                    option: option.clone(),
                });
                if !fx.is_empty() {
                    self.say(tr!(
                        self.lang,
                        "branch-chosen",
                        step = step.as_str(),
                        option = option.as_str()
                    ));
                }
                Some(fx)
            }
            Dialog::Condition { step } => {
                let answer = match ch {
                    _ if cancel => {
                        self.dialogs.pop_front();
                        return Some(Vec::new());
                    }
                    Some('y' | 's') => true,
                    Some('n') => false,
                    _ => return Some(Vec::new()),
                };
                self.dialogs.pop_front();
                let mut fx = self.send(Msg::AnswerCondition {
                    step: step.clone(),
                    answer,
                });
                if fx.is_empty() {
                    return Some(fx);
                }
                if answer {
                    // The dialog showed the warning already.
                    fx.extend(self.confirm_or_start(step, false));
                } else {
                    self.say(tr!(
                        self.lang,
                        "branch-condition-skipped",
                        step = step.as_str()
                    ));
                }
                Some(fx)
            }
            Dialog::Warning { step } => {
                if cancel {
                    self.dialogs.pop_front();
                    return Some(Vec::new());
                }
                if !(accept || matches!(ch, Some('y' | 's'))) {
                    return Some(Vec::new());
                }
                self.dialogs.pop_front();
                Some(self.start(step, None))
            }
            Dialog::Snippets { selected } => {
                let entries = self.snippet_entries();
                let pick = match (key.code, ch) {
                    _ if cancel => {
                        self.dialogs.pop_front();
                        return Some(Vec::new());
                    }
                    (KeyCode::Down, _) | (_, Some('j')) => {
                        self.move_list(selected + 1, entries.len());
                        return Some(Vec::new());
                    }
                    (KeyCode::Up, _) | (_, Some('k')) => {
                        self.move_list(selected.saturating_sub(1), entries.len());
                        return Some(Vec::new());
                    }
                    (_, Some(d)) if d.is_ascii_digit() => {
                        match (d as usize)
                            .checked_sub('1' as usize)
                            .filter(|i| *i < entries.len())
                        {
                            Some(i) => i,
                            None => return Some(Vec::new()),
                        }
                    }
                    _ if accept => selected,
                    _ => return Some(Vec::new()),
                };
                let (snippet, command) = entries.get(pick).cloned()?;
                self.dialogs.pop_front();
                let fx = self.send(Msg::SendSnippet { snippet, command });
                if !fx.is_empty() {
                    // The command waits at the prompt: keys go to the shell.
                    self.tab = Pane::Shell;
                    self.focus = Pane::Shell;
                    let leave = self
                        .keymap
                        .label(super::keymap::Mode::Shell, Action::LeaveShell)
                        .unwrap_or_default();
                    self.say(tr!(self.lang, "branch-snippet-typed", leave = leave));
                }
                Some(fx)
            }
            _ => None,
        }
    }

    /// `snippets`: the picker, when the procedure has snippets.
    pub(super) fn open_snippets(&mut self) {
        if self.engine.procedure().snippets.is_empty() {
            self.warn(tr!(self.lang, "branch-no-snippets"));
            return;
        }
        if self.busy.is_some() {
            let why = tr!(self.lang, "refusal-command-running");
            self.warn(tr!(self.lang, "run-refused", why = why));
            return;
        }
        self.dialogs.push_back(Dialog::Snippets { selected: 0 });
    }

    /// Every command of every snippet, in order: (snippet id, index).
    pub fn snippet_entries(&self) -> Vec<(String, usize)> {
        self.engine
            .procedure()
            .snippets
            .iter()
            .flat_map(|s| (0..s.commands.len()).map(move |i| (s.id.clone(), i)))
            .collect()
    }

    /// Moves the selection of the list dialog in front to `to` (bounded).
    fn move_list(&mut self, to: usize, len: usize) {
        if let Some(Dialog::Choice { selected, .. } | Dialog::Snippets { selected }) =
            self.dialogs.front_mut()
        {
            *selected = to.min(len.saturating_sub(1));
        }
    }
}
