//! The TUI's choice dialog, condition question, warning and snippet picker
//! on the shipped `procedures/demo-ramas.toml`, rendered into ratatui's
//! TestBackend at 80x24 in Spanish and English after scripted keys
//! through the real keymap.

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::i18n::Lang;
use pasos::journal::{ExitSource, Mode, Operator};
use pasos::procedure::load_str;
use pasos::run::{Effect, Engine, FakeClock, Msg, RunConfig, StepStatus};
use pasos::tui::app::{App, Dialog};
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

const RAMAS: &str = include_str!("../procedures/demo-ramas.toml");

struct Driver {
    app: App,
    clock: FakeClock,
    /// What the fake shell was asked to type at the prompt.
    typed: Vec<String>,
}

impl Driver {
    fn new(lang: Lang) -> Driver {
        let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 12, 6, 3, 0, 0).unwrap());
        let cfg = RunConfig {
            run_id: "20261206T030000000Z-0001".into(),
            mode: Mode::Live,
            environment: None,
            operator: Operator {
                user: "ana".into(),
                host: "bastion".into(),
                ssh: None,
                name: None,
            },
            source: "procedures/demo-ramas.toml".into(),
            procedure_sha256: "00".repeat(32),
            forced: false,
            preset: Vec::new(),
        };
        let (engine, _) = Engine::start(
            load_str(RAMAS).procedure.unwrap(),
            Box::new(clock.clone()),
            cfg,
        );
        let mut app = App::new(engine, Keymap::defaults(), lang);
        app.color = false;
        app.source = "procedures/demo-ramas.toml".into();
        app.queue_preparation();
        Driver {
            app,
            clock,
            typed: Vec::new(),
        }
    }

    /// A fake shell: every command and validation succeeds.
    fn settle(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            match e {
                Effect::Journal(_) => {}
                Effect::RunCommands { step, commands, .. } => {
                    for command in commands {
                        self.clock.advance_secs(2);
                        queue.extend(self.app.send(Msg::CommandSent {
                            step: step.clone(),
                            command: command.clone(),
                            manual: false,
                            transcript_offset: None,
                        }));
                        queue.extend(self.app.send(Msg::CommandFinished {
                            step: step.clone(),
                            exit_code: 0,
                            duration_ms: 2000,
                            output: "greeting=hola\n".into(),
                            source: ExitSource::Marker,
                        }));
                    }
                }
                Effect::RunValidation { step, .. } => {
                    queue.extend(self.app.send(Msg::ValidationFinished {
                        step,
                        exit_code: 0,
                        output: "greeting=hola\n".into(),
                    }));
                }
                Effect::CheckPrerequisite { group, item, .. } => {
                    queue.extend(self.app.send(Msg::PrerequisiteChecked {
                        group,
                        item,
                        exit_code: 0,
                    }));
                }
                Effect::SendToShell { command, .. } => self.typed.push(command),
            }
        }
    }

    fn key(&mut self, code: KeyCode) {
        let (fx, _) = self.app.on_key(&KeyEvent::new(code, KeyModifiers::NONE));
        self.settle(fx);
    }

    fn render(&self) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| pasos::tui::view::draw(f, &self.app, None))
            .unwrap();
        common::screen_text(term.backend().buffer())
    }

    fn status(&self, id: &str) -> StepStatus {
        self.app.engine.item(id).unwrap().status
    }

    /// P1 and 1 done; Enter on step 2 opens the choice.
    fn at_choice(lang: Lang) -> Driver {
        let mut d = Driver::new(lang);
        d.key(KeyCode::Enter); // P1
        d.key(KeyCode::Enter); // 1
        d.key(KeyCode::Enter); // 2: the choice
        assert!(
            matches!(d.app.dialogs.front(), Some(Dialog::Choice { step, .. }) if step == "2"),
            "{:?}",
            d.app.dialogs
        );
        d
    }

    /// The template branch chosen and run; Enter on step 3 asks its
    /// condition.
    fn at_condition(lang: Lang) -> Driver {
        let mut d = Driver::at_choice(lang);
        d.key(KeyCode::Char('2')); // the template
        d.key(KeyCode::Enter); // 2b
        d.key(KeyCode::Enter); // 2c
        d.key(KeyCode::Enter); // 3: the condition
        assert!(
            matches!(d.app.dialogs.front(), Some(Dialog::Condition { step }) if step == "3"),
            "{:?}",
            d.app.dialogs
        );
        d
    }
}

#[test]
fn the_choice_dialog_lists_the_options() {
    for (lang, name, question) in [
        (Lang::Es, "es", "Elección: paso 2"),
        (Lang::En, "en", "Choice: step 2"),
    ] {
        let mut d = Driver::at_choice(lang);
        let screen = d.render();
        assert!(screen.contains(question), "{screen}");
        assert!(screen.contains("¿Cómo se restaura config.ini?"), "{screen}");
        assert!(
            screen.contains("> 1) Desde la copia de seguridad"),
            "{screen}"
        );
        assert!(screen.contains("  2) Desde la plantilla"), "{screen}");
        insta::assert_snapshot!(format!("choice_{name}_80x24"), screen);
        // Down moves the selection; Enter takes it.
        d.key(KeyCode::Down);
        assert!(d.render().contains("> 2) Desde la plantilla"));
        d.key(KeyCode::Enter);
        assert!(d.app.dialogs.is_empty());
        assert_eq!(d.status("2"), StepStatus::Done);
        assert_eq!(d.status("2a"), StepStatus::NotChosen);
        assert_eq!(d.app.engine.next_item().unwrap().id, "2b");
        // The checklist marks the branch not taken, readable without colour.
        assert!(d.render().contains("[/] 2a"), "{}", d.render());
    }
}

#[test]
fn esc_leaves_the_choice_unanswered() {
    let mut d = Driver::at_choice(Lang::Es);
    d.key(KeyCode::Esc);
    assert!(d.app.dialogs.is_empty());
    assert_eq!(d.status("2"), StepStatus::Pending);
    assert!(d.app.engine.state().choices.is_empty());
}

#[test]
fn the_condition_is_asked_when_the_step_starts_with_its_warning() {
    for (lang, name, title, warning) in [
        (
            Lang::Es,
            "es",
            "Condición: paso 3",
            "!! ADVERTENCIA: Borra todo lo que haya",
        ),
        (
            Lang::En,
            "en",
            "Condition: step 3",
            "!! WARNING: Borra todo lo que haya",
        ),
    ] {
        let d = Driver::at_condition(lang);
        let screen = d.render();
        assert!(screen.contains(title), "{screen}");
        assert!(screen.contains(warning), "{screen}");
        assert!(screen.contains("¿La caché tiene datos"), "{screen}");
        insta::assert_snapshot!(format!("condition_{name}_80x24"), screen);
    }
}

#[test]
fn condition_no_leaves_the_step_out_and_yes_asks_the_confirmation() {
    let mut d = Driver::at_condition(Lang::Es);
    d.key(KeyCode::Char('n'));
    assert!(d.app.dialogs.is_empty());
    assert_eq!(d.status("3"), StepStatus::SkippedByCondition);
    assert!(d.render().contains("[n] 3"), "{}", d.render());
    assert!(d.app.engine.state().deviations.is_empty());

    let mut d = Driver::at_condition(Lang::Es);
    d.key(KeyCode::Char('s'));
    // Step 3 has `confirm`: the confirmation follows, with the warning.
    assert!(
        matches!(d.app.dialogs.front(), Some(Dialog::Confirm { step, .. }) if step == "3"),
        "{:?}",
        d.app.dialogs
    );
    assert!(d.render().contains("!! ADVERTENCIA"), "{}", d.render());
    for c in "3".chars() {
        d.key(KeyCode::Char(c));
    }
    d.key(KeyCode::Enter);
    assert_eq!(d.status("3"), StepStatus::Done);
}

#[test]
fn the_snippet_picker_types_the_command_in_the_shell() {
    let mut d = Driver::new(Lang::En);
    d.key(KeyCode::Char('r'));
    assert!(
        matches!(
            d.app.dialogs.front(),
            Some(Dialog::Snippets { selected: 0 })
        ),
        "{:?}",
        d.app.dialogs
    );
    let screen = d.render();
    assert!(screen.contains("Reference snippets"), "{screen}");
    assert!(screen.contains("Ver la caché [cache]"), "{screen}");
    insta::assert_snapshot!("snippets_en_80x24", screen);
    d.key(KeyCode::Char('3'));
    assert!(d.app.dialogs.is_empty());
    assert_eq!(
        d.typed,
        [
            "diff \"/tmp/pasos-demo-ramas/backup/config.ini\" \"/tmp/pasos-demo-ramas/app/config.ini\" && echo iguales"
        ]
    );
    assert_eq!(d.app.focus, pasos::tui::app::Pane::Shell);
    // Sending a snippet starts no step.
    assert_eq!(d.status("P1"), StepStatus::Pending);
}
