//! The `pasos` command line.

mod cli;

use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    let lang = cli::help::lang_of(std::env::args());
    // A TAB in a shell whose completion `pasos completions` registered:
    // answer it and exit (does nothing unless PASOS_COMPLETE is set).
    clap_complete::CompleteEnv::with_factory(move || cli::help::command(lang))
        .var(cli::complete::VAR)
        .complete();
    let matches = cli::help::matches(lang);
    let args = match cli::args::Cli::from_arg_matches(&matches) {
        Ok(a) => a,
        Err(e) => e.exit(),
    };
    if !matches!(args.command, Some(cli::args::Command::Run(_))) {
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
