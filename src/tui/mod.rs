//! The full-screen interface (ratatui + crossterm + tokio). Only this
//! module knows ratatui; it renders the engine's state and never owns it.

pub mod app;
mod ask;
mod branch;
pub mod catalog;
mod clipboard;
mod filter_line;
pub mod find;
mod help;
pub mod keymap;
mod people;
pub mod review;
mod runtime;
mod terminal;
pub mod view;
pub mod watch;

use crate::run::{Msg, RunStatus};
use crate::runner::ending::Ending;
use crate::runner::setup::{Ended, Options};
use crate::tr;

pub struct Look {
    pub ascii: bool,
    pub color: bool,
    /// Only the 16 basic colours.
    pub mono: bool,
}

pub fn run(opts: Options, keymap: keymap::Keymap, look: Look) -> Ended {
    let open = match crate::runner::setup::open(&opts) {
        Ok(o) => o,
        Err(e) => return e.into(),
    };
    let _lock = open.lock;
    let source = opts.file.display().to_string();
    let mut app = app::App::new(open.engine, keymap, opts.lang);
    app.ascii = look.ascii;
    app.color = look.color;
    app.mono = look.mono;
    app.source = source.clone();
    app.resumed = open.resumed;
    app.journal = open.writer.path().display().to_string();
    match &open.signing {
        crate::runner::setup::Signing::Signed { label, .. } => app.say(label.clone()),
        crate::runner::setup::Signing::Unsigned(why) => app.warn(why.clone()),
    }
    let signing = open.signing;
    // What the run needs before it can go on, asked from the first frame:
    // the engine decides without the shell, the journal follows.
    let mut pending = open.effects;
    for (name, value) in &opts.vars {
        pending.extend(app.send(Msg::SetVariable {
            name: name.clone(),
            value: value.to_string(),
        }));
    }
    app.queue_preparation();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            return Ended::Refused(tr!(
                opts.lang,
                "run-error-event-loop",
                error = e.to_string()
            ));
        }
    };
    let mut guard = match terminal::TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => {
            return Ended::Refused(tr!(opts.lang, "run-error-terminal", error = e.to_string()));
        }
    };
    // The first frame before the shell starts (a fork and a shell's rc
    // files) and before the journal's first fsync: the operator reads
    // the checklist while they happen.
    if let Err(e) = runtime::first_frame(&mut app, &mut guard) {
        drop(guard);
        return Ended::Refused(tr!(opts.lang, "run-error-terminal", error = e.to_string()));
    }
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let restore = if open.resumed {
        crate::runner::restore::plan(app.engine.state())
    } else {
        Default::default()
    };
    let spawned = runtime::Executor::spawn(open.writer, &opts.data_dir, &open.run_id, tx, &restore);
    let mut exec = match spawned {
        Ok(e) => e,
        Err(e) => {
            drop(guard);
            return Ended::Refused(tr!(opts.lang, "run-error-shell", error = e.to_string()));
        }
    };
    if open.resumed {
        let lines = restore_banner(&app, &restore);
        exec.shell.notice(&lines.join("\n"));
        if let Some(first) = lines.into_iter().next() {
            app.warn(first);
        }
    }
    exec.people = Some(crate::runner::people::People::new(
        exec.writer.path(),
        &opts.data_dir,
        &app.engine.procedure().meta.id.clone(),
        &opts.team_file,
        open.own_keys.clone(),
    ));
    exec.carry_out(&mut app, pending);
    let fx = app.prerequisite_checks();
    exec.carry_out(&mut app, fx);
    let stop = runtime.block_on(runtime::run_loop(&mut app, &mut exec, &mut guard, rx));
    // The journal first: after a hang-up the terminal may be gone, and
    // nothing written to it may come before `run-interrupted`.
    let finished = match app.engine.state().status {
        RunStatus::Finished(o) => Some(o),
        _ => None,
    };
    if app.fatal.is_none() && finished.is_none() {
        let why = match stop {
            Ok(runtime::Stop::Ended(why)) => why,
            Err(_) => Ending::Hangup,
        };
        if let Ok(fx) = app.engine.update(Msg::Interrupt { cause: why.cause() }) {
            exec.carry_out(&mut app, fx);
        }
    }
    drop(guard);
    // Writes below may fail on a dead terminal: never panic on them.
    if let Some(text) = signing.failures(opts.lang) {
        say(&format!("pasos: {text}"));
    }
    if let Some(f) = &app.fatal {
        return Ended::JournalFailed(f.clone());
    }
    if let Some(o) = finished {
        let lang = app.lang;
        let outcome = crate::i18n::run_outcome(lang, o);
        say(&tr!(lang, "run-finished-banner", outcome = outcome));
        say(&tr!(
            lang,
            "run-verify-with",
            run = app.engine.state().run_id.as_str()
        ));
        return Ended::Finished(o);
    }
    if let Some(h) = &app.engine.state().handoff {
        say(&tr!(
            app.lang,
            "team-handed-off-banner",
            to = h.to.as_str(),
            file = source.as_str(),
            run = app.engine.state().run_id.as_str()
        ));
        return Ended::Interrupted;
    }
    say(&tr!(
        app.lang,
        "run-interrupted-resume",
        run = app.engine.state().run_id.as_str(),
        file = source.as_str()
    ));
    Ended::Interrupted
}

/// One line to stdout; a closed or dead terminal is not an error here.
fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

/// What the resumed run's new shell got back, and what it could not.
fn restore_banner(app: &app::App, r: &crate::runner::restore::Restore) -> Vec<String> {
    let lang = app.lang;
    let mut out = Vec::new();
    let names: Vec<&str> = r.env.iter().map(|(k, _)| k.as_str()).collect();
    out.push(crate::tr!(
        lang,
        "shell-restored",
        cwd = r
            .cwd
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "-".into()),
        count = names.len(),
        names = names.join(", ")
    ));
    if let Some(dir) = &r.cwd_missing {
        out.push(crate::tr!(lang, "shell-restore-no-dir", dir = dir.clone()));
    }
    if !r.withheld.is_empty() {
        out.push(crate::tr!(
            lang,
            "shell-restore-withheld",
            names = r.withheld.join(", ")
        ));
    }
    if let Some((step, command)) = app.engine.interrupted_command() {
        out.push(crate::tr!(
            lang,
            "shell-restore-in-flight",
            step = step,
            command = command
        ));
    }
    out.push(crate::tr!(lang, "shell-restore-lost"));
    out
}
