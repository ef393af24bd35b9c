//! Subcommand dispatch. Each command lives in its own file.

pub mod args;
pub use keymap::effective as effective_keymap;
mod browse;
mod check;
mod color;
mod export;
mod import;
mod keymap;
mod kpi;
mod load;
mod log;
mod report;
mod run;
mod verify;

use args::{Cli, Command};
use clap::CommandFactory;
use std::process::ExitCode;

pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;
pub const EXIT_INTERRUPTED: u8 = 4;

pub fn dispatch(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Run(a) => run::run(&a, &cli.global),
        Command::Paths => paths(&cli.global),
        Command::Keymap(a) => match pasos::paths::Paths::resolve(
            cli.global.config_dir.clone(),
            cli.global.data_dir.clone(),
        ) {
            Ok(p) => keymap::run(&a, &p.config),
            Err(e) => {
                eprintln!("pasos: {e}");
                EXIT_BAD_INPUT
            }
        },
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "pasos", &mut std::io::stdout());
            EXIT_OK
        }
        Command::Import(a) => import::run(&a, cli.global.lang()),
        Command::Export(a) => export::run(&a, &cli.global),
        Command::Log(a) => log::run(&a, &cli.global),
        Command::Kpi(a) => kpi::run(&a, &cli.global),
        Command::Report(a) => report::run(&a, &cli.global),
    };
    ExitCode::from(code)
}

fn paths(global: &args::Global) -> u8 {
    match pasos::paths::Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => {
            println!("config: {}", p.config.display());
            println!("data:   {}", p.data.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("pasos: {e}");
            EXIT_BAD_INPUT
        }
    }
}
