//! `pasos run --unattended`: the refusal before the start, then the run in
//! line mode, its summary and its JUnit report.

use super::EXIT_BAD_INPUT;
use super::args::RunArgs;
use pasos::i18n::Lang;
use pasos::plain;
use pasos::procedure::Procedure;
use pasos::runner::intake::Values;
use pasos::runner::unattended::{Flags, approvals, junit, preflight, summary};
use pasos::tr;
use std::path::Path;

/// The flags, when nothing is left unanswered; else the refusal is
/// printed and the exit code returned (nothing ran, nothing journaled).
pub fn preflight(
    args: &RunArgs,
    p: &Procedure,
    vars: &Values,
    data: &Path,
    lang: Lang,
) -> Result<Flags, u8> {
    let flags = Flags::parse(&args.answers, &args.yes_to, args.rollback_on_failure, lang).map_err(
        |why| {
            eprintln!("pasos: {why}");
            EXIT_BAD_INPUT
        },
    )?;
    let environment = args.env.clone().or_else(|| p.meta.environment.clone());
    let approved = approvals::windows_on_file(data, &p.meta.id, chrono::Utc::now());
    let needs = preflight::check(p, &flags, vars, environment.as_deref(), &approved);
    if !needs.is_empty() {
        eprintln!("pasos: {}", preflight::describe(lang, &needs, &p.meta.id));
        return Err(EXIT_BAD_INPUT);
    }
    // A report that cannot be written is refused now, not after the run.
    if let Some(path) = &args.junit
        && let Err(e) = create(path, "")
    {
        eprintln!(
            "pasos: {}",
            tr!(
                lang,
                "unattended-junit-cannot-write",
                path = path.display().to_string(),
                error = pasos::i18n::io_error(lang, &e)
            )
        );
        return Err(EXIT_BAD_INPUT);
    }
    Ok(flags)
}

/// Runs it; the second value is false when the JUnit report could not be
/// written.
pub fn run(opts: plain::Options, flags: &Flags, junit_path: Option<&Path>) -> (plain::Ended, bool) {
    let lang = opts.lang;
    let (ended, report) = plain::unattended::run(opts, flags);
    let Some(report) = report else {
        // Never started: the empty file made to check the path goes.
        if let Some(path) = junit_path
            && std::fs::metadata(path).is_ok_and(|m| m.len() == 0)
        {
            let _ = std::fs::remove_file(path);
        }
        return (ended, true);
    };
    println!();
    println!("{}", summary::render(&report, lang));
    let Some(path) = junit_path else {
        return (ended, true);
    };
    let written = junit::render(&report, lang)
        .map_err(std::io::Error::other)
        .and_then(|xml| create(path, &xml));
    let shown = path.display().to_string();
    match written {
        Ok(()) => {
            println!("{}", tr!(lang, "unattended-junit-written", path = shown));
            (ended, true)
        }
        Err(e) => {
            eprintln!(
                "pasos: {}",
                tr!(
                    lang,
                    "unattended-junit-cannot-write",
                    path = shown,
                    error = pasos::i18n::io_error(lang, &e)
                )
            );
            (ended, false)
        }
    }
}

fn create(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
