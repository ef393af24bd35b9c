//! The run screen at 80x24 with the second-person indicators: a step held
//! for a tech lead's approval, who is watching, and the approval once it
//! arrives; in Spanish and English (insta snapshots, as
//! `tests/tui_snapshots.rs`).

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::i18n::Lang;
use pasos::journal::{Approval, ExitSource, Mode, Operator};
use pasos::procedure::load_str;
use pasos::run::{Effect, Engine, FakeClock, Msg, RunConfig};
use pasos::tui::app::App;
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

const PROCEDURE: &str = r#"[procedure]
id = "PROC-TEAM-001"
title = "Cambio con aprobación del tech lead"
criticality = "alta"
version = "1.0.0"
estimate = "3m"

[[phases]]
id = "ejecucion"
kind = "execution"

[[phases.steps]]
id = "1"
title = "Preparar"
estimate = "1m"
commands = ["echo preparado"]
rollback = "none"

[[phases.steps]]
id = "2"
title = "Desplegar"
estimate = "1m"
approval = ["tech-lead"]
commands = ["echo desplegado"]
rollback = "none"
"#;

struct Driver {
    app: App,
    clock: FakeClock,
}

impl Driver {
    fn new(lang: Lang) -> Driver {
        let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap());
        let cfg = RunConfig {
            run_id: "20261123T030000000Z-0001".into(),
            mode: Mode::Live,
            environment: Some("staging".into()),
            operator: Operator {
                user: "ana".into(),
                host: "bastion".into(),
                ssh: None,
                name: None,
            },
            source: "approve.toml".into(),
            procedure_sha256: "00".repeat(32),
            forced: false,
            preset: Vec::new(),
        };
        let (engine, _) = Engine::start(
            load_str(PROCEDURE).procedure.unwrap(),
            Box::new(clock.clone()),
            cfg,
        );
        let mut app = App::new(engine, Keymap::defaults(), lang);
        app.color = false;
        app.source = "approve.toml".into();
        Driver { app, clock }
    }

    /// A fake shell where every command succeeds.
    fn settle(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            if let Effect::RunCommands { step, commands, .. } = e {
                for command in commands {
                    self.clock.advance_secs(3);
                    queue.extend(self.app.send(Msg::CommandSent {
                        step: step.clone(),
                        command: command.clone(),
                        manual: false,
                        transcript_offset: None,
                    }));
                    self.app.push_line(format!("$ {command}"));
                    queue.extend(self.app.send(Msg::CommandFinished {
                        step: step.clone(),
                        exit_code: 0,
                        duration_ms: 3000,
                        output: String::new(),
                        source: ExitSource::Marker,
                    }));
                }
            }
        }
    }

    fn enter(&mut self) {
        let (fx, _) = self
            .app
            .on_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        self.settle(fx);
    }

    fn render(&self) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| pasos::tui::view::draw(f, &self.app, None))
            .unwrap();
        common::screen_text(term.backend().buffer())
    }
}

/// Step 1 done, step 2 asked for and held; Luis watching.
fn held(lang: Lang) -> Driver {
    let mut d = Driver::new(lang);
    d.enter();
    d.enter();
    d.app.watchers = vec!["luis@example".into()];
    d
}

fn approve(d: &mut Driver) {
    let fx = d.app.send(Msg::Approve(Approval {
        step: Some("2".into()),
        role: "tech-lead".into(),
        approver: "luis@example".into(),
        key: "SHA256:luis".into(),
        note: Some("ok".into()),
        signed_at: "2026-11-23T03:00:05.000Z".into(),
        window: false,
        text: "pasos-approval 1\n".into(),
        signature: "-----BEGIN SSH SIGNATURE-----\n".into(),
    }));
    d.settle(fx);
    d.app.say(pasos::tr!(
        d.app.lang,
        "team-approval-granted",
        step = "2",
        approver = "luis@example",
        role = "tech-lead"
    ));
}

#[test]
fn a_held_step_and_a_watcher_at_80x24_in_both_languages() {
    for (lang, name) in [(Lang::Es, "es"), (Lang::En, "en")] {
        let mut d = held(lang);
        let screen = d.render();
        let held_words = match lang {
            Lang::Es => "2 espera a tech-lead",
            Lang::En => "2 awaits tech-lead",
        };
        assert!(screen.contains(held_words), "{screen}");
        assert!(screen.contains(": luis"), "{screen}");
        insta::assert_snapshot!(format!("team_{name}_held_80x24"), screen);
        approve(&mut d);
        let screen = d.render();
        assert!(!screen.contains(held_words), "{screen}");
        insta::assert_snapshot!(format!("team_{name}_approved_80x24"), screen);
    }
}
