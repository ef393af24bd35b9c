//! The `pasos` command line.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    if !matches!(args.command, cli::args::Command::Run(_)) {
        end_quietly_on_a_closed_pipe();
    }
    cli::dispatch(args)
}

/// `pasos check *.toml | head`: when the reader goes away, end quietly like
/// any Unix filter instead of panicking in `println!`. Rust ignores SIGPIPE
/// by default; this restores the default action. Not for `run`, which
/// talks to the processes it starts and must see a closed pipe as an error
/// it handles, not die of it.
fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: sets the disposition of one signal to its default, before any
    // other thread exists; no handler is involved.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
