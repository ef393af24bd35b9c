//! The run engine: a pure state machine over a procedure, driven by
//! messages (keys, the shell, the clock), producing journal events and
//! effects for the outer loop. No I/O, no UI.

mod apply;
mod approvals;
mod branch;
pub mod clock;
mod decision;
mod engine;
pub mod msg;
pub mod plan;
pub mod state;
pub mod substitute;
mod supervision;
pub mod timers;
mod update;

pub use apply::{UNDO_PREFIX, status_of};
pub use branch::Question;
pub use clock::{Clock, FakeClock, SystemClock};
pub use decision::DecisionStep;
pub use engine::{Engine, ReplayError, RunConfig};
pub use msg::{Effect, Msg, Refusal};
pub use plan::{PlanEntry, PlanKind};
pub use state::{Item, ItemKind, RunStatus, State, StepStatus};
pub use timers::{PhaseTimer, RunTimer, StepTimer};
pub use update::pattern_matches;
