//! Keys while the help overlay is open: the list keys scroll it (a line,
//! a page, to either end), any other key closes it.

use crate::tui::app::App;
use crate::tui::keymap::{Action, Mode};
use crossterm::event::KeyEvent;

/// Lines a page key moves the help by.
const PAGE: u16 = 10;

impl App {
    pub fn help_key(&mut self, key: &KeyEvent) {
        let max = self.help_max.get();
        let now = self.help_scroll.min(max);
        self.help_scroll = match self.keymap.lookup(Mode::Checklist, key) {
            Some(Action::NextStep) => now.saturating_add(1).min(max),
            Some(Action::PreviousStep) => now.saturating_sub(1),
            Some(Action::ScrollDown) => now.saturating_add(PAGE).min(max),
            Some(Action::ScrollUp) => now.saturating_sub(PAGE),
            Some(Action::FirstStep) => 0,
            Some(Action::LastStep) => max,
            _ => {
                self.help = false;
                0
            }
        };
    }
}
