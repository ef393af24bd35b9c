//! The whole screen rendered into ratatui's TestBackend after scripted key
//! presses through the real keymap, in each run state, at 80x24, 120x40
//! and 200x50, in Spanish and English, with and without box drawing.

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::i18n::Lang;
use pasos::journal::{ExitSource, Mode, Operator};
use pasos::procedure::load_str;
use pasos::run::{Effect, Engine, FakeClock, Msg, RunConfig};
use pasos::tui::app::App;
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

const DEMO: &str = include_str!("../procedures/demo.toml");

/// Output that satisfies every output pattern of the demo.
const OUTPUT: &str = "tools-ok\nversion=2.0.0\nversion=1.0.0\ndeploy 2.0.0 finished\nROLLBACK\n";

struct Driver {
    app: App,
    clock: FakeClock,
}

impl Driver {
    fn new(lang: Lang, ascii: bool) -> Driver {
        let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap());
        let cfg = RunConfig {
            run_id: "20261123T030000000Z-0001".into(),
            mode: Mode::Live,
            environment: None,
            operator: Operator {
                user: "ana".into(),
                host: "bastion".into(),
                ssh: None,
                name: None,
            },
            source: "procedures/demo.toml".into(),
            procedure_sha256: "00".repeat(32),
            forced: false,
            preset: Vec::new(),
        };
        let (engine, _) = Engine::start(
            load_str(DEMO).procedure.unwrap(),
            Box::new(clock.clone()),
            cfg,
        );
        let mut app = App::new(engine, Keymap::defaults(), lang);
        app.ascii = ascii;
        app.color = false;
        app.source = "procedures/demo.toml".into();
        app.queue_preparation();
        let fx = app.prerequisite_checks();
        let mut d = Driver { app, clock };
        d.settle(fx);
        d
    }

    /// A fake shell: every command succeeds except step 4's.
    fn settle(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            match e {
                Effect::Journal(_) => {}
                Effect::RunCommands { step, commands, .. } => {
                    for command in commands {
                        if self.app.engine.item(&step).map(|i| i.status)
                            != Some(pasos::run::StepStatus::Running)
                        {
                            break;
                        }
                        self.clock.advance_secs(4);
                        queue.extend(self.app.send(Msg::CommandSent {
                            step: step.clone(),
                            command: command.clone(),
                            manual: false,
                            transcript_offset: None,
                        }));
                        self.app.push_line(format!("$ {command}"));
                        let code = if step == "4" { 1 } else { 0 };
                        if code != 0 {
                            self.app.push_line("cat: /tmp/pasos-demo/app/schema.version: No such file or directory".into());
                        }
                        queue.extend(self.app.send(Msg::CommandFinished {
                            step: step.clone(),
                            exit_code: code,
                            duration_ms: 4000,
                            output: OUTPUT.into(),
                            source: ExitSource::Marker,
                        }));
                    }
                }
                Effect::RunValidation { step, .. } => {
                    queue.extend(self.app.send(Msg::ValidationFinished {
                        step,
                        exit_code: 0,
                        output: OUTPUT.into(),
                    }));
                }
                Effect::CheckPrerequisite { group, item, .. } => {
                    queue.extend(self.app.send(Msg::PrerequisiteChecked {
                        group,
                        item,
                        exit_code: 0,
                    }));
                }
                // Typed at the fake prompt, not run.
                Effect::SendToShell { command, .. } => self.app.push_line(format!("$ {command}")),
            }
        }
    }

    fn key(&mut self, code: KeyCode) {
        let (fx, _) = self.app.on_key(&KeyEvent::new(code, KeyModifiers::NONE));
        self.settle(fx);
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self.key(KeyCode::Enter);
    }

    fn render(&self, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| pasos::tui::view::draw(f, &self.app, None))
            .unwrap();
        common::screen_text(term.backend().buffer())
    }
}

/// Drives the demo to one of the run states.
fn at_state(state: &str, lang: Lang, ascii: bool) -> Driver {
    let mut d = Driver::new(lang, ascii);
    if state == "preparing" {
        return d;
    }
    d.text("tok-123"); // the secret variable
    d.key(KeyCode::Char('y')); // the manual prerequisite
    for _ in 0..3 {
        d.key(KeyCode::Enter); // P1, P2, 1
    }
    if state == "running" {
        d.key(KeyCode::Enter); // step 2
        return d;
    }
    d.key(KeyCode::Enter); // 2
    d.key(KeyCode::Enter); // 3: asks for confirmation
    d.text("3");
    d.key(KeyCode::Enter); // 4 fails
    if state == "failed" {
        d.key(KeyCode::Char('3')); // the rollback tab, for narrow screens
        return d;
    }
    d.key(KeyCode::Char('b'));
    d.text("el esquema no migró");
    d.key(KeyCode::Enter); // R1, where the decision tree starts
    if state == "rolling-back" {
        return d;
    }
    // The rest of the plan, one Enter per item, and not one more.
    for _ in 0..10 {
        if matches!(
            d.app.engine.state().status,
            pasos::run::RunStatus::Finished(_)
        ) {
            break;
        }
        d.key(KeyCode::Enter);
    }
    assert!(
        matches!(
            d.app.engine.state().status,
            pasos::run::RunStatus::Finished(_)
        ),
        "{:?}",
        d.app.engine.state().status
    );
    d
}

const STATES: &[&str] = &["preparing", "running", "failed", "rolling-back", "finished"];

#[test]
fn main_screen_in_spanish_at_three_sizes() {
    for state in STATES {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            let d = at_state(state, Lang::Es, false);
            insta::assert_snapshot!(format!("es_{state}_{w}x{h}"), d.render(w, h));
        }
    }
}

#[test]
fn main_screen_in_english() {
    for state in STATES {
        let d = at_state(state, Lang::En, false);
        insta::assert_snapshot!(format!("en_{state}_120x40"), d.render(120, 40));
    }
}

#[test]
fn ascii_only_at_80x24() {
    for state in STATES {
        let d = at_state(state, Lang::En, true);
        let screen = d.render(80, 24);
        assert!(
            screen.is_ascii() || !screen.contains(['─', '│', '┌', '├', '└', '█', '░']),
            "box drawing in --ascii:\n{screen}"
        );
        insta::assert_snapshot!(format!("ascii_{state}_80x24"), screen);
    }
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut d = at_state("running", Lang::En, false);
    d.key(KeyCode::Char('?'));
    let screen = d.render(120, 40);
    assert!(
        screen.contains("next step") && screen.contains("ctrl-g"),
        "{screen}"
    );
    insta::assert_snapshot!("help_120x40", screen);
}

#[test]
fn too_small_a_terminal_says_so() {
    let d = at_state("running", Lang::En, false);
    assert!(d.render(50, 12).contains("Terminal too small: 50x12"));
}

#[test]
fn outcome_marks_are_unicode_only_without_ascii() {
    for (ascii, failed, done) in [
        (false, "✗ 4 failed after", "✓ 3 done in"),
        (true, "4 failed after", "3 done in"),
    ] {
        let mut d = at_state("failed", Lang::En, ascii);
        d.app.report_outcome("4");
        let (text, alert) = d.app.status.clone().unwrap();
        assert!(alert && text.starts_with(failed), "{text}");
        d.app.report_outcome("3");
        let (text, _) = d.app.status.clone().unwrap();
        assert!(text.starts_with(done), "{text}");
        assert_eq!(text.is_ascii(), ascii, "{text}");
    }
}
