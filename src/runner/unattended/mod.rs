//! Unattended runs (`pasos run --unattended`), for staging and CI drills:
//! every step runs without a prompt, answers come from flags, the run is
//! journaled as a test (`Mode::Test`) and ends with a summary and,
//! optionally, a JUnit file. The loop itself lives with the line-mode
//! runner (`plain::unattended`), which it shares the shell with; this
//! module holds what needs no I/O: the flags, the refusal before the start,
//! the results, the summary and the JUnit report.

pub mod approvals;
pub mod flags;
pub mod junit;
pub mod preflight;
pub mod results;
pub mod summary;

pub use flags::Flags;
pub use results::{StepResult, TestReport, Verdict};
