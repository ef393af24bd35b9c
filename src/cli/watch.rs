//! `pasos watch [RUN]`: follow a run live, read only, from another
//! terminal on the same host (see `tui::watch`).

use super::args::Global;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use clap::Args;
use pasos::journal::{Event, Line, store};
use pasos::paths::Paths;
use pasos::tr;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct WatchArgs {
    // The run; default: the newest one going on.
    #[arg(value_name = "RUN_ID")]
    pub run: Option<String>,
    // How the runner's header names this watcher.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[arg(long)]
    pub ascii: bool,
}

fn fail(text: String) -> u8 {
    eprintln!("pasos: {text}");
    EXIT_BAD_INPUT
}

fn first_and_last(path: &std::path::Path) -> (Option<Event>, Option<Event>) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let parse = |l: &str| serde_json::from_str::<Line>(l).ok().map(|l| l.event);
    (
        text.lines().next().and_then(parse),
        text.lines().rev().find_map(parse),
    )
}

pub fn run(args: &WatchArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    let journal = match &args.run {
        Some(r) => match store::find(&paths.data, r) {
            Ok(p) => p,
            Err(e) => return fail(pasos::i18n::find_error(lang, &e)),
        },
        None => {
            let all = store::list(&paths.data).unwrap_or_default();
            let live = all.into_iter().rev().find(|p| {
                !matches!(
                    first_and_last(p).1,
                    Some(Event::RunFinished { .. } | Event::RunInterrupted { .. }) | None
                )
            });
            match live {
                Some(p) => p,
                None => return fail(tr!(lang, "team-watch-no-run")),
            }
        }
    };
    store::wait_for_first_line(&journal, std::time::Duration::from_secs(3));
    let Some(Event::RunStarted { source, .. }) = first_and_last(&journal).0 else {
        return fail(tr!(lang, "run-error-journal-not-started"));
    };
    let (procedure, _) = match super::load::procedure(&PathBuf::from(&source), "watch") {
        Ok(p) => p,
        Err(code) => return code,
    };
    let name = args.name.clone().unwrap_or_else(|| {
        let op = pasos::runner::operator::current(None);
        op.login()
    });
    let opts = pasos::tui::watch::WatchOptions {
        journal,
        procedure,
        name,
        lang,
        ascii: args.ascii,
        color: super::color::allowed(),
    };
    match pasos::tui::watch::watch(opts) {
        Ok(()) => EXIT_OK,
        Err(pasos::tui::watch::NotWatched::Refused(why)) => fail(why),
    }
}
