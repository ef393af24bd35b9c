//! The one-line filter both list screens (the catalog and the run browser)
//! type into after `/`: what a key does to the text, decided once.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key did to the filter being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterEdit {
    /// The text changed: filter the list again.
    Changed,
    /// Enter: keep the filter, stop typing.
    Done,
    /// Esc: drop the filter, stop typing.
    Cleared,
    /// Ctrl-C: leave the screen.
    Quit,
    /// Nothing to do.
    Ignored,
}

/// Applies `ev` to `filter` (Esc leaves clearing the text to the caller,
/// which also refilters).
pub fn edit(filter: &mut String, ev: &KeyEvent) -> FilterEdit {
    match ev.code {
        KeyCode::Char('c') if ev.modifiers.contains(KeyModifiers::CONTROL) => FilterEdit::Quit,
        KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
            filter.push(c);
            FilterEdit::Changed
        }
        KeyCode::Backspace => {
            filter.pop();
            FilterEdit::Changed
        }
        KeyCode::Enter => FilterEdit::Done,
        KeyCode::Esc => FilterEdit::Cleared,
        _ => FilterEdit::Ignored,
    }
}
