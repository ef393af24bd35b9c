//! What the shell tells its owner (the TUI loop), in order.

pub use crate::journal::ExitSource;

/// One thing that happened in the pane's shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShellEvent {
    /// The screen changed; redraw when convenient. Coalesced: a new one is
    /// sent only after the previous one was received.
    Output,
    /// The shell shows its prompt and reads a command (OSC 133 B); the
    /// first one means the shell is ready. `cwd` as the shell reported it.
    Prompt {
        cwd: Option<String>,
    },
    /// A command started (OSC 133 C): one pasos sent (`manual: false`) or
    /// one the operator typed. `text` is redacted. `transcript_offset` is
    /// where its output starts in the `.cast` file.
    CommandStarted {
        text: String,
        manual: bool,
        transcript_offset: Option<u64>,
    },
    /// The command finished (OSC 133 D, or a sentinel in a foreign shell).
    /// `output_tail` is the end of what it printed, as plain text (escape
    /// sequences removed, not redacted: it feeds the step's expected-output
    /// check, not the journal).
    CommandFinished {
        exit_code: i32,
        duration_ms: u64,
        output_tail: String,
        /// Where the exit code comes from: an authenticated `D` marker or
        /// a sentinel.
        source: ExitSource,
    },
    /// A marker claimed to be ours but did not authenticate (a wrong MAC
    /// or sentinel token): ignored; something tried to forge an exit code.
    MarkerRejected,
    /// The markers cannot come: the foreground program opens another shell
    /// (`ssh`, `sudo -i`...). Steps now need a sentinel or the operator's
    /// word.
    Foreign {
        program: String,
    },
    /// Our shell's prompt is back after being foreign.
    Native,
    /// Secrets sent with a command were loaded into the shell.
    SecretsLoaded,
    /// The working context changed since the last prompt: the directory
    /// (when it changed), exported variables set or gone, and the names of
    /// those whose value looks secret (never their values).
    Context {
        cwd: Option<String>,
        set: Vec<(String, String)>,
        unset: Vec<String>,
        withheld: Vec<String>,
    },
    Title(String),
    Bell,
    /// The shell process ended (`code` is `None` when killed by a signal).
    Exited {
        code: Option<i32>,
    },
}
