//! Running a procedure for real: the I/O around the pure engine (journal
//! files, the run lock, the operator's identity, the line-mode shell).

pub mod intake;
pub mod lock;
pub mod operator;
pub mod pipe_shell;
pub mod setup;
