//! `pasos run FILE`: runs a procedure step by step, full screen on a
//! terminal, line by line with `--plain` or without one.

use super::args::{Global, RunArgs};
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_JOURNAL, EXIT_OK, color};
use pasos::journal::RunOutcome;
use pasos::paths::Paths;
use pasos::plain::{self, Options};
use pasos::tr;

pub fn run(args: &RunArgs, global: &Global) -> u8 {
    let lang = global.lang();
    pasos::i18n::catalog::warm_in_background(lang);
    let (p, bytes) = match super::load::procedure(&args.file, "run") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // Secrets may be held from here on: no core dump may hold them.
    if !pasos::secret::memory::protect() {
        eprintln!("pasos: {}", pasos::tr!(lang, "secrets-protect-failed"));
    }
    let env = |k: &str| std::env::var(k).ok();
    let gathered = pasos::runner::intake::gather(&p, &args.vars, &args.var_files, &env, lang);
    // SAFETY: no other thread has started yet.
    unsafe { pasos::runner::intake::forget_env() };
    let vars = match gathered {
        Ok(v) => v,
        Err(why) => {
            eprintln!("pasos: {why}");
            return EXIT_BAD_INPUT;
        }
    };
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    // Unattended: everything it would ask is answered by flags, or it
    // refuses now, before anything runs or is journaled.
    let unattended = match args
        .unattended
        .then(|| super::unattended::preflight(args, &p, &vars, &paths.data, lang))
    {
        Some(Ok(flags)) => Some(flags),
        Some(Err(code)) => return code,
        None => None,
    };
    let mut trust = match pasos::trust::Settings::load(&paths.config) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    if let Some(key) = &args.signing_key {
        trust.signing.key = Some(key.display().to_string());
    }
    let uploader = match super::remote::start_uploader(&paths, global, args.resume.as_deref()) {
        Ok(u) => u,
        Err(code) => return code,
    };
    let opts = Options {
        file: args.file.clone(),
        procedure: p,
        procedure_bytes: bytes,
        dry_run: args.dry_run,
        unattended: args.unattended,
        vars,
        env: args.env.clone(),
        operator: args.operator.clone(),
        resume: args.resume.clone(),
        force: args.force,
        data_dir: paths.data.clone(),
        lang,
        trust,
        team_file: pasos::trust::team::Team::locate(args.team.as_deref(), &paths.config),
        supervised_by: args.supervised_by.clone(),
    };
    use std::io::IsTerminal;
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let mut junit_failed = false;
    let ended = if let Some(flags) = &unattended {
        let (ended, junit_ok) = super::unattended::run(opts, flags, args.junit.as_deref());
        junit_failed = !junit_ok;
        ended
    } else if args.plain || !interactive || dumb {
        plain::run(opts)
    } else {
        let keymap = match super::effective_keymap(&paths.config, args.keymap.as_deref()) {
            Ok(k) => k,
            Err(text) => {
                eprint!("{text}");
                return EXIT_BAD_INPUT;
            }
        };
        let caps = pasos::tui::view::degrade::detect(args.ascii);
        let look = pasos::tui::Look {
            ascii: !caps.unicode,
            color: color::allowed(),
            mono: caps.mono,
        };
        pasos::tui::run(opts, keymap, look)
    };
    if let Some(u) = uploader {
        super::remote::finish_uploader(u, lang);
    }
    match ended {
        // A drill whose JUnit report could not be written did not report.
        plain::Ended::Finished(RunOutcome::Success) if junit_failed => EXIT_FAILED,
        plain::Ended::Finished(RunOutcome::Success) => EXIT_OK,
        plain::Ended::Finished(_) => EXIT_FAILED,
        plain::Ended::Interrupted => EXIT_INTERRUPTED,
        plain::Ended::Refused(why) => {
            complain(&format!("pasos: {why}"));
            EXIT_BAD_INPUT
        }
        plain::Ended::JournalFailed(why) => {
            complain(&format!(
                "pasos: {}",
                tr!(lang, "run-error-journal-failed", error = why)
            ));
            EXIT_JOURNAL
        }
    }
}

/// To stderr, which may be a terminal that went away: never panics.
fn complain(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}
