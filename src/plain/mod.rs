//! The line-oriented runner (`pasos run --plain`): for dumb terminals, very
//! slow links and scripts. It drives the same engine and writes the same
//! journal as the full-screen interface, reading answers line by line.

mod input;
mod session;
mod show;
pub mod unattended;

pub use session::{Ended, Options, run};
