//! Secrets: the values of variables declared `secret`. What they look like
//! once encoded (so redaction finds them in any common form), how the
//! process keeps them out of core dumps, and the buffer that forgets them.
//!
//! Where a secret goes while pasos runs:
//! - into pasos's memory (zeroed on drop, process not dumpable);
//! - into the embedded shell's environment, through a FIFO (never typed,
//!   never on disk, see `shell::secrets`), and so into the environment of
//!   every command the operator or a step runs in that shell;
//! - into the line-mode shell's environment (`runner::pipe_shell`), through
//!   its stdin pipe, and so into every command of the run.
//!
//! Nothing else gets them: the journal, the transcript, plain output,
//! reports, exports and error messages go through redaction.

pub mod forms;
pub mod memory;

pub use forms::forms;

/// Secrets shorter than this are refused: redacting every occurrence of a
/// 3-character value would shred the transcript while protecting nothing.
pub const MIN_SECRET_LEN: usize = 6;
