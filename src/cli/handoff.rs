//! `pasos handoff RUN --to NAME --note "…"`: asks the pasos running RUN
//! to journal a handoff and end its session; the next operator goes on
//! with `pasos run FILE --resume RUN`.

use super::args::Global;
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK};
use clap::Args;
use pasos::journal::store;
use pasos::paths::Paths;
use pasos::runner::people::{HandoffRequest, handoff_path, write_atomic};
use pasos::tr;
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
pub struct HandoffArgs {
    #[arg(value_name = "RUN_ID")]
    pub run: String,
    #[arg(long, value_name = "NAME")]
    pub to: String,
    #[arg(long)]
    pub note: String,
}

/// How long the running pasos gets to notice (it looks once a second, and
/// may be finishing a command first).
const WAIT: Duration = Duration::from_secs(8);

fn handed_off(journal: &std::path::Path, after: usize) -> bool {
    std::fs::read_to_string(journal).is_ok_and(|t| {
        t.lines()
            .skip(after)
            .any(|l| l.contains("\"type\":\"run-interrupted\"") && l.contains("\"handoff\""))
    })
}

pub fn run(args: &HandoffArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let fail = |text: String| {
        eprintln!("pasos: {text}");
        EXIT_BAD_INPUT
    };
    if args.to.trim().is_empty() || args.note.trim().is_empty() {
        return fail(tr!(lang, "refusal-reason-required"));
    }
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    let journal = match store::find(&paths.data, &args.run) {
        Ok(p) => p,
        Err(e) => return fail(pasos::i18n::find_error(lang, &e)),
    };
    let run_id = store::run_id_of(&journal);
    let before = std::fs::read_to_string(&journal)
        .map(|t| t.lines().count())
        .unwrap_or(0);
    let request = HandoffRequest {
        to: args.to.trim().to_string(),
        note: args.note.trim().to_string(),
    };
    let path = handoff_path(&journal);
    let text = serde_json::to_string(&request).unwrap_or_default();
    if let Err(e) = write_atomic(&path, &text) {
        return fail(pasos::runner::storage::describe(lang, &path, &e));
    }
    println!(
        "{}",
        tr!(
            lang,
            "team-handoff-sent",
            run = run_id.as_str(),
            to = request.to.as_str()
        )
    );
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if handed_off(&journal, before) {
            println!(
                "{}",
                tr!(
                    lang,
                    "team-handoff-done",
                    run = run_id.as_str(),
                    to = request.to.as_str()
                )
            );
            return EXIT_OK;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // Nobody took it: leave nothing behind for a later session to act on.
    let _ = std::fs::remove_file(&path);
    eprintln!(
        "pasos: {}",
        tr!(lang, "team-handoff-not-running", run = run_id.as_str())
    );
    EXIT_FAILED
}
