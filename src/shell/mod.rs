//! The embedded shell: one persistent interactive shell per run in a PTY,
//! an emulated screen for the pane, per-command exit codes from OSC 133
//! semantic-prompt markers, and an asciicast transcript. No UI here: the
//! TUI draws [`Shell::with_emulator`]'s grid and feeds keys through
//! [`Shell::send_key`].
//!
//! Threads per shell: the output reader (feeds the emulator, the marker
//! tracker and the transcript), the input writer, the exit waiter, and a
//! short-lived one per secrets hand-over.

pub mod core;
pub mod emulator;
pub mod event;
pub mod foreign;
pub mod keys;
pub mod marker;
pub mod osc_scan;
pub mod output_text;
pub mod program;
pub mod pty;
pub mod reader;
pub mod redact_stream;
pub mod secrets;
pub mod session;
pub mod tracker;
pub mod transcript;

pub use alacritty_terminal;
pub use emulator::{Emulator, PaneSize};
pub use event::ShellEvent;
pub use keys::{KeyModes, encode_key, encode_paste};
pub use program::ShellKind;
pub use session::{DEFAULT_SCROLLBACK, Shell, ShellConfig, ShellError};
pub use tracker::Phase;
pub use transcript::{DEFAULT_MAX_COMMAND_BYTES, TranscriptConfig};
