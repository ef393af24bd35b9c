//! Why a live run stops before its end, the reason its `run-interrupted`
//! records, and what happens to a command still running at that moment.
//!
//! The policy for a command in flight when the session goes away (SIGHUP,
//! a dropped SSH connection, SIGTERM, SIGINT):
//!
//! 1. nothing new starts; the command gets [`GRACE`] to finish on its own,
//!    and its real result is journaled (`command-finished`);
//! 2. then it is interrupted (SIGINT to its process group), the journal
//!    notes it, and the shell's marker journals the exit code it ends with;
//! 3. if it ignores SIGINT, it gets SIGKILL after [`AFTER_SIGINT`], and
//!    pasos waits [`AFTER_SIGKILL`] more for its marker;
//! 4. finally `run-interrupted` is journaled (a step whose command never
//!    reported is marked interrupted) and the process exits 4. The run
//!    resumes with `pasos run FILE --resume RUN`.

use crate::journal::Interruption;
use std::time::Duration;

/// How long a command in flight may go on after the session ends.
pub const GRACE: Duration = Duration::from_secs(3);
/// After SIGINT, before SIGKILL.
pub const AFTER_SIGINT: Duration = Duration::from_secs(2);
/// After SIGKILL, before giving up on the command's marker.
pub const AFTER_SIGKILL: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// SIGHUP, or the terminal stopped answering (a dropped SSH session).
    Hangup,
    /// SIGTERM.
    Terminate,
    /// SIGINT from outside (in the full screen, Ctrl-C is a key).
    Interrupt,
    /// The operator chose to stop and resume later.
    Quit,
    /// Standard input ended, or gave only unusable answers.
    NoInput,
    /// The run was handed over to the next operator (`pasos handoff`).
    Handoff,
}

impl Ending {
    /// The fact `run-interrupted` records.
    pub fn cause(self) -> Interruption {
        let signal = |name: &str| Interruption::Signal {
            name: name.to_string(),
        };
        match self {
            Ending::Hangup => signal("SIGHUP"),
            Ending::Terminate => signal("SIGTERM"),
            Ending::Interrupt => signal("SIGINT"),
            Ending::Quit => Interruption::Quit,
            Ending::NoInput => Interruption::NoInput,
            Ending::Handoff => Interruption::Handoff,
        }
    }

    /// The reason recorded in `run-interrupted`.
    pub fn reason(self) -> &'static str {
        match self {
            Ending::Hangup => "SIGHUP (terminal or SSH session closed)",
            Ending::Terminate => "SIGTERM",
            Ending::Interrupt => "SIGINT",
            Ending::Quit => "the operator quit",
            Ending::NoInput => "no usable input (end of input or repeated unusable answers)",
            Ending::Handoff => "handed off to the next operator",
        }
    }

    /// The note journaled when a command still running is interrupted.
    pub fn interrupting_note(self) -> String {
        format!(
            "{}: the command still running after {} s was interrupted (SIGINT to its process group)",
            self.reason(),
            GRACE.as_secs()
        )
    }
}
