//! The full-screen interface (ratatui + crossterm + tokio). Only this
//! module knows ratatui; it renders the engine's state and never owns it.

pub mod app;
pub mod keymap;
pub mod review;
mod runtime;
mod terminal;
pub mod view;

use crate::run::{Msg, RunStatus};
use crate::runner::setup::{Ended, Options};

pub struct Look {
    pub ascii: bool,
    pub color: bool,
}

pub fn run(opts: Options, keymap: keymap::Keymap, look: Look) -> Ended {
    let open = match crate::runner::setup::open(&opts) {
        Ok(o) => o,
        Err(e) => return Ended::Refused(e),
    };
    let _lock = open.lock;
    let source = opts.file.display().to_string();
    let mut app = app::App::new(open.engine, keymap, opts.lang);
    app.ascii = look.ascii;
    app.color = look.color;
    app.source = source.clone();
    app.resumed = open.resumed;
    app.journal = open.writer.path().display().to_string();
    match &open.signing {
        crate::runner::setup::Signing::Signed { label, .. } => app.say(label.clone()),
        crate::runner::setup::Signing::Unsigned(why) => app.warn(why.clone()),
    }
    let signing = open.signing;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let mut exec = match runtime::Executor::spawn(open.writer, &opts.data_dir, &open.run_id, tx) {
        Ok(e) => e,
        Err(e) => {
            return Ended::Refused(format!(
                "cannot start the embedded shell: {e}; try `pasos run --plain`"
            ));
        }
    };
    exec.carry_out(&mut app, open.effects);
    for (name, value) in &opts.vars {
        let fx = app.send(Msg::SetVariable {
            name: name.clone(),
            value: value.to_string(),
        });
        exec.carry_out(&mut app, fx);
    }
    app.queue_preparation();
    let fx = app.prerequisite_checks();
    exec.carry_out(&mut app, fx);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return Ended::Refused(format!("cannot start the event loop: {e}")),
    };
    let mut guard = match terminal::TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => {
            return Ended::Refused(format!(
                "cannot use this terminal: {e}; try `pasos run --plain`"
            ));
        }
    };
    let stop = runtime.block_on(runtime::run_loop(&mut app, &mut exec, &mut guard, rx));
    drop(guard);
    if let Some(text) = signing.failures(opts.lang) {
        eprintln!("pasos: {text}");
    }
    if let Some(f) = &app.fatal {
        return Ended::JournalFailed(f.clone());
    }
    if let RunStatus::Finished(o) = app.engine.state().status {
        println!(
            "{}",
            crate::i18n::fill(app.t().finished_banner, &[app.t().outcome(o)])
        );
        println!(
            "{}",
            crate::i18n::fill(app.t().verify_with, &[&app.engine.state().run_id])
        );
        return Ended::Finished(o);
    }
    let cause = match stop {
        Ok(runtime::Stop::Quit) => crate::journal::Interruption::Quit,
        Ok(runtime::Stop::Signal(s)) => crate::journal::Interruption::signal(s),
        Err(e) => crate::journal::Interruption::TerminalError {
            error: e.to_string(),
        },
    };
    if let Ok(fx) = app.engine.update(Msg::Interrupt { cause }) {
        exec.carry_out(&mut app, fx);
    }
    println!(
        "{}",
        crate::i18n::fill(
            app.t().interrupted_resume,
            &[&app.engine.state().run_id, &source]
        )
    );
    Ended::Interrupted
}
