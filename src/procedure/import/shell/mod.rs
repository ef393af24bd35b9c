//! Shell text in runbooks: splitting a code block into the commands it
//! holds (quotes, heredocs, `if`/`for` blocks, `\` and `|` continuations
//! kept together), reading the comments around them (`# Esperado: ...`,
//! `# Tiempo estimado: ...`, `# 1. Paso`), and telling a command from prose
//! when it is written inline or as a bullet.

mod groups;
mod interactive;
mod lex;
mod prompt;
mod recognize;

/// Compiles the comment patterns now; see [`super::warm_up`].
pub(crate) fn warm() {
    groups::warm();
}

pub use groups::{Group, comment_groups, read, uncomment};
pub use interactive::is_interactive;
pub use prompt::prompted;
pub use recognize::{command_with_remark, is_shell_text, looks_like_command};
