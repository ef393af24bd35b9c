//! Whether to colour output: only on a terminal, and never with NO_COLOR.

use std::io::IsTerminal;

/// NO_COLOR is unset or empty (the full-screen views check only this).
pub fn allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn stdout_color() -> bool {
    allowed() && std::io::stdout().is_terminal()
}

pub fn stderr_color() -> bool {
    allowed() && std::io::stderr().is_terminal()
}
