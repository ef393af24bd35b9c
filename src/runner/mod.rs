//! Running a procedure for real: the I/O around the pure engine (journal
//! files, the run lock, the operator's identity, the line-mode shell).

pub mod ending;
pub mod intake;
pub mod leftovers;
pub mod lock;
pub mod marker_scan;
pub mod operator;
pub mod people;
pub mod pipe_shell;
pub mod restore;
pub mod setup;
pub mod storage;
pub mod unattended;
