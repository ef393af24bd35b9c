//! The embedded shell: one persistent interactive shell per run in a PTY,
//! an emulated screen for the pane, per-command exit codes from OSC 133
//! semantic-prompt markers, and an asciicast transcript. No UI here.
//!
//! How the run loop uses it:
//!
//! ```text
//! let shell = Shell::spawn(ShellConfig { transcript: Some(TranscriptConfig::for_run(data, run_id)),
//!                                        redactor, notify: Some(wake_the_loop), ..Default::default() })?;
//! Effect::RunCommands { step, commands, env }  -> shell.run(&commands[0], &env) (the next one after
//!                                                  its CommandFinished, while the step still runs)
//! "type, don't run" action                     -> shell.type_at_prompt(&command, &env)
//! ShellEvent::CommandStarted { text, manual, transcript_offset }
//!                                              -> Msg::CommandSent { step, command: text, manual, transcript_offset }
//! ShellEvent::CommandFinished { exit_code, duration_ms, output_tail }
//!                                              -> Msg::CommandFinished { step, exit_code, duration_ms, output: output_tail }
//! ShellEvent::Foreign { program }              -> say so in the pane; ask the operator, or run_with_sentinel()
//! ShellEvent::Output                           -> redraw from shell.with_emulator(|e| e.term().renderable_content())
//! keys in the pane                             -> shell.send_key(&key), shell.paste(&text)
//! interrupt / kill / restart actions           -> shell.interrupt(), kill_foreground(), restart()
//! terminal resized                             -> shell.resize(rows, cols)
//! ```
//!
//! Threads per shell: the output reader (feeds the emulator, the marker
//! tracker and the transcript), the input writer, the exit waiter, and a
//! short-lived one per secrets hand-over.

pub mod cast;
pub mod core;
pub mod emulator;
pub mod event;
pub mod foreign;
pub mod keys;
pub mod marker;
pub mod marker_key;
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
