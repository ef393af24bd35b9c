//! Copying a step's command to the operator's clipboard with OSC 52: the
//! text, base64-encoded, in an escape sequence the terminal (or tmux with
//! `set-clipboard on`) puts on the clipboard. It works over SSH, where no
//! local clipboard tool could reach the operator's machine.

use crate::tr;
use crate::tui::app::{App, Request};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The escape sequence that puts `text` on the clipboard (`c`), ended by
/// BEL, which xterm, tmux, kitty, iTerm2, WezTerm and foot all accept.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text.as_bytes()))
}

/// The text to copy for a step: its commands as the Step pane shows them
/// (non-secret variables filled in; a secret stays `${NAME}`, so it never
/// reaches the terminal), one per line.
pub fn commands_text(commands: &[String]) -> Option<String> {
    (!commands.is_empty()).then(|| commands.join("\n"))
}

/// Writes the sequence for `text` to the terminal, between frames.
pub fn write(guard: &mut super::terminal::TerminalGuard, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let out = guard.terminal.backend_mut();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

impl App {
    /// `y`: the selected step's commands to the clipboard; the loop
    /// writes the escape sequence to the terminal.
    pub fn copy_command(&mut self) -> Option<Request> {
        let lang = self.lang;
        let item = self.selected_item()?;
        let id = item.id.clone();
        let name = crate::i18n::item_name(lang, &self.engine, &id);
        let values = self.engine.substitution_values();
        let commands: Vec<String> = self
            .engine
            .commands_of(item)
            .iter()
            .map(|c| crate::run::substitute::substitute(&c.run, &values))
            .collect();
        match commands_text(&commands) {
            Some(text) => {
                self.say(tr!(lang, "nav-copied", step = name, count = commands.len()));
                Some(Request::Copy(text))
            }
            None => {
                self.warn(tr!(lang, "nav-copy-nothing", step = name));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_osc_52_with_standard_base64() {
        assert_eq!(osc52("ls -la"), "\x1b]52;c;bHMgLWxh\x07");
        assert_eq!(osc52("a\nb"), "\x1b]52;c;YQpi\x07");
        assert_eq!(osc52("ñ"), "\x1b]52;c;w7E=\x07");
    }

    #[test]
    fn nothing_to_copy_without_commands() {
        assert_eq!(commands_text(&[]), None);
        assert_eq!(
            commands_text(&["a".into(), "b".into()]).as_deref(),
            Some("a\nb")
        );
    }
}
