//! The journal: one append-only, hash-chained JSON Lines file per run,
//! written and fsynced event by event, redacted, verifiable.

pub mod approval;
pub mod event;
pub mod facts;
mod legacy;
pub mod line;
pub mod redact;
pub mod store;
pub mod supervision;
pub mod verify;
pub mod writer;

pub use approval::{Approval, ApprovalRefusal, Handoff};
pub use event::{
    DecisionProfile, Event, ExitSource, Mode, Operator, Profile, RestartCause, RunOutcome,
    StepOutcome, StepProfile,
};
pub use facts::{
    DeviationKind, Interruption, InterruptionWhy, Problems, StepCause, StepState, StepWhy,
    ValidationProblem,
};
pub use line::Line;
pub use redact::Redactor;
pub use supervision::Supervision;
pub use verify::{Problem, ProblemKind, Verification, verify_file, verify_file_fast};
pub use writer::JournalWriter;
