//! Subcommand dispatch. Each command lives in its own file.

pub mod args;
pub use keymap::effective as effective_keymap;
mod approve;
mod browse;
mod catalog;
mod check;
mod check_history;
mod color;
pub mod complete;
mod export;
mod handoff;
pub mod help;
mod import;
mod keymap;
mod kpi;
mod load;
mod log;
mod remote;
mod remote_verify;
mod report;
mod run;
mod sync;
mod unattended;
mod verify;
mod watch;

use args::{Cli, Command};
use pasos::tr;
use std::process::ExitCode;

pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;
/// The journal could not be written (disk full, read-only, deleted): the
/// run stopped at the last recorded event and can be resumed from it.
pub const EXIT_JOURNAL: u8 = 3;
pub const EXIT_INTERRUPTED: u8 = 4;

pub fn dispatch(cli: Cli) -> ExitCode {
    remote::set_scope(&cli.global);
    let Some(command) = cli.command else {
        return ExitCode::from(catalog::bare(&cli.global));
    };
    let code = match command {
        Command::Open(a) => catalog::open(&a, &cli.global),
        Command::Index(a) => catalog::index(&a, &cli.global),
        Command::Check(a) => check::run(&a, &cli.global),
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
            match complete::registration(shell, &mut std::io::stdout()) {
                Some(Ok(())) => EXIT_OK,
                Some(Err(e)) => {
                    eprintln!("pasos: {e}");
                    EXIT_BAD_INPUT
                }
                None => {
                    let mut cmd = help::command(cli.global.lang());
                    clap_complete::generate(shell, &mut cmd, "pasos", &mut std::io::stdout());
                    EXIT_OK
                }
            }
        }
        Command::Import(a) => import::run(&a, cli.global.lang()),
        Command::Export(a) => export::run(&a, &cli.global),
        Command::Log(a) => log::run(&a, &cli.global),
        Command::Kpi(a) => kpi::run(&a, &cli.global),
        Command::Report(a) => report::run(&a, &cli.global),
        Command::Sync(a) => sync::run(&a, &cli.global),
        Command::Approve(a) => approve::run(&a, &cli.global),
        Command::Handoff(a) => handoff::run(&a, &cli.global),
        Command::Watch(a) => watch::run(&a, &cli.global),
    };
    ExitCode::from(code)
}

fn paths(global: &args::Global) -> u8 {
    match pasos::paths::Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => {
            let lang = global.lang();
            let (config, data) = (tr!(lang, "cli-paths-config"), tr!(lang, "cli-paths-data"));
            let width = config.chars().count().max(data.chars().count()) + 1;
            println!("{:<width$} {}", format!("{config}:"), p.config.display());
            println!("{:<width$} {}", format!("{data}:"), p.data.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("pasos: {e}");
            EXIT_BAD_INPUT
        }
    }
}
