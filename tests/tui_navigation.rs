//! Finding your way in the run screen (issue 15), rendered into ratatui's
//! TestBackend after key presses through the real keymap: rehearsal on
//! every shipped procedure, prerequisites asked again, search and jump,
//! the scrolling help with its legend, the decision tree in one dialog,
//! status lines that go away when no longer true, the quit dialog per
//! run state, overridden steps, the list following the selection, and
//! the Step pane's "more" marker. Snapshots at 80x24 and 200x50, in
//! Spanish and English.

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::i18n::Lang;
use pasos::journal::{ExitSource, Mode, Operator};
use pasos::procedure::load_str;
use pasos::run::{Effect, Engine, FakeClock, Msg, RunConfig, RunStatus, StepStatus};
use pasos::tui::app::{App, Dialog, Request};
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

const DEMO: &str = include_str!("../procedures/demo.toml");

/// Output that satisfies every output pattern of the demo.
const OUTPUT: &str = "tools-ok\nversion=2.0.0\nversion=1.0.0\ndeploy 2.0.0 finished\nROLLBACK\n";

/// Values tried, in order, for a variable with no default: one of them
/// fits every pattern of the shipped procedures.
const TRIES: &[&str] = &[
    "v1.2.3",
    "CHG-1234",
    "INC-1234",
    "SEV-2",
    "2",
    "app",
    "aks-ecommerce-prod",
    "/tmp/prueba",
    "20250101000000_prueba",
    "valor-de-prueba-1",
];

struct Driver {
    app: App,
    clock: FakeClock,
}

impl Driver {
    fn new(text: &str, lang: Lang, mode: Mode) -> Driver {
        Driver::in_env(text, lang, mode, None)
    }

    fn in_env(text: &str, lang: Lang, mode: Mode, environment: Option<&str>) -> Driver {
        let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap());
        let cfg = RunConfig {
            run_id: "20261123T030000000Z-0001".into(),
            mode,
            environment: environment.map(str::to_string),
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
        let procedure = load_str(text).procedure.expect("the procedure loads");
        let (engine, _) = Engine::start(procedure, Box::new(clock.clone()), cfg);
        let mut app = App::new(engine, Keymap::defaults(), lang);
        app.color = false;
        app.source = "procedures/demo.toml".into();
        app.queue_preparation();
        let fx = app.prerequisite_checks();
        let mut d = Driver { app, clock };
        d.settle(fx);
        d
    }

    fn demo(lang: Lang, mode: Mode) -> Driver {
        Driver::new(DEMO, lang, mode)
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
                            != Some(StepStatus::Running)
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
                        let code = if step == "4" { 1 } else { 0 };
                        queue.extend(self.app.send(Msg::CommandFinished {
                            step: step.clone(),
                            exit_code: code,
                            duration_ms: 4000,
                            output: OUTPUT.into(),
                            source: ExitSource::Marker,
                        }));
                    }
                    self.app.report_outcome(&step);
                }
                Effect::RunValidation { step, .. } => {
                    queue.extend(self.app.send(Msg::ValidationFinished {
                        step: step.clone(),
                        exit_code: 0,
                        output: OUTPUT.into(),
                    }));
                    self.app.report_outcome(&step);
                }
                // Typed at the fake prompt, not run.
                Effect::SendToShell { .. } => {}
                Effect::CheckPrerequisite { group, item, .. } => {
                    queue.extend(self.app.send(Msg::PrerequisiteChecked {
                        group,
                        item,
                        exit_code: 0,
                    }));
                }
            }
        }
        self.app.refresh_status();
    }

    fn press(&mut self, code: KeyCode, mods: KeyModifiers) -> Option<Request> {
        let (fx, req) = self.app.on_key(&KeyEvent::new(code, mods));
        self.settle(fx);
        req
    }

    fn key(&mut self, code: KeyCode) -> Option<Request> {
        self.press(code, KeyModifiers::NONE)
    }

    fn chars(&mut self, s: &str) {
        for c in s.chars() {
            let mods = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            self.press(KeyCode::Char(c), mods);
        }
    }

    fn text(&mut self, s: &str) {
        self.chars(s);
        self.key(KeyCode::Enter);
    }

    /// Answers every variable dialog with a value its pattern accepts:
    /// its default, else the first of [`TRIES`] that fits.
    fn fill_variables(&mut self) {
        let mut current = String::new();
        let mut tries = 0;
        while let Some(Dialog::Variable { name, input, .. }) = self.app.dialogs.front().cloned() {
            if name != current {
                current = name;
                tries = 0;
                if !input.is_empty() {
                    self.key(KeyCode::Enter); // the default
                    continue;
                }
            }
            assert!(tries < TRIES.len(), "no value fits {current}");
            for _ in 0..input.chars().count() {
                self.key(KeyCode::Backspace);
            }
            self.text(TRIES[tries]);
            tries += 1;
        }
    }

    fn front(&self) -> Option<&Dialog> {
        self.app.dialogs.front()
    }

    fn status(&self) -> String {
        self.app
            .status
            .as_ref()
            .map(|(t, _)| t.clone())
            .unwrap_or_default()
    }

    fn selected_id(&self) -> String {
        self.app.selected_item().unwrap().id.clone()
    }

    fn render(&self, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| pasos::tui::view::draw(f, &self.app, None))
            .unwrap();
        common::screen_text(term.backend().buffer())
    }

    /// The demo past its variable and manual prerequisite.
    fn demo_started(lang: Lang, mode: Mode) -> Driver {
        let mut d = Driver::demo(lang, mode);
        d.text("tok-123456");
        while matches!(d.front(), Some(Dialog::Prerequisite { .. })) {
            d.key(KeyCode::Char('y'));
        }
        d
    }
}

const SIZES: &[(u16, u16)] = &[(80, 24), (200, 50)];
const LANGS: &[(Lang, &str)] = &[(Lang::Es, "es"), (Lang::En, "en")];

fn snap_all(name: &str, make: impl Fn(Lang) -> Driver) {
    for (lang, code) in LANGS {
        let d = make(*lang);
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), d.render(*w, *h));
        }
    }
}

#[test]
fn every_shipped_procedure_can_be_rehearsed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut d = Driver::new(&text, Lang::En, Mode::Rehearsal);
        d.fill_variables();
        let p = d.app.engine.procedure().clone();
        let total: usize = p.prerequisites.iter().map(|g| g.items.len()).sum();
        let with_check = p
            .prerequisites
            .iter()
            .flat_map(|g| &g.items)
            .filter(|i| i.check.is_some())
            .count();
        // Every prerequisite is asked, those with a check too (a
        // rehearsal runs no check), each showing its check.
        let mut asked = 0;
        let mut checks_shown = 0;
        while let Some(Dialog::Prerequisite { group, item }) = d.front().cloned() {
            if p.prerequisites[group].items[item].check.is_some() {
                let screen = d.render(120, 40);
                assert!(
                    screen.contains("Check (not run in a rehearsal)"),
                    "{}: {screen}",
                    file.display()
                );
                checks_shown += 1;
            }
            d.key(KeyCode::Char('y'));
            asked += 1;
        }
        assert_eq!(asked, total, "{}", file.display());
        assert_eq!(checks_shown, with_check, "{}", file.display());
        assert!(
            d.app.dialogs.is_empty(),
            "{}: {:?}",
            file.display(),
            d.front()
        );
        // The first step starts (or asks for its typed confirmation).
        d.key(KeyCode::Enter);
        let started = d.app.engine.active_item().is_some()
            || matches!(d.front(), Some(Dialog::Confirm { .. }));
        assert!(
            started,
            "{}: stuck in rehearsal: {:?} / {}",
            file.display(),
            d.app.engine.state().status,
            d.status()
        );
    }
}

#[test]
fn the_prerequisites_come_back_after_later() {
    let mut d = Driver::demo(Lang::En, Mode::Rehearsal);
    d.text("tok-123456");
    assert!(matches!(d.front(), Some(Dialog::Prerequisite { .. })));
    while d.front().is_some() {
        d.key(KeyCode::Esc); // [esc] later, for all of them
    }
    assert!(
        d.render(80, 24).contains("p prereqs"),
        "the footer offers p"
    );
    // p asks again.
    d.key(KeyCode::Char('p'));
    assert!(matches!(d.front(), Some(Dialog::Prerequisite { .. })));
    while d.front().is_some() {
        d.key(KeyCode::Esc);
    }
    // Enter on the first step asks again too, instead of a dead end.
    d.key(KeyCode::Enter);
    assert!(matches!(d.front(), Some(Dialog::Prerequisite { .. })));
    while d.front().is_some() {
        d.key(KeyCode::Char('y'));
    }
    d.key(KeyCode::Enter);
    assert_eq!(d.app.engine.state().status, RunStatus::Running);
    // Settled: p says so.
    d.key(KeyCode::Char('p'));
    assert!(d.front().is_none());
    assert!(d.status().contains("settled"), "{}", d.status());
}

/// "Later" sticks: a prerequisite check finishing after the operator put
/// the questions off does not bring them back uninvited (it did, under
/// load, and ate the next key).
#[test]
fn later_is_not_undone_by_checks_finishing() {
    let mut d = Driver::demo(Lang::En, Mode::Rehearsal);
    d.text("tok-123456");
    while d.front().is_some() {
        d.key(KeyCode::Esc);
    }
    // What the loop does when the last check command finishes.
    d.app.ask_prerequisites(true);
    assert!(d.front().is_none(), "asked again without the operator");
    d.key(KeyCode::Char('p'));
    assert!(matches!(d.front(), Some(Dialog::Prerequisite { .. })));
}

#[test]
fn rehearsal_prerequisite_dialog() {
    snap_all("rehearsal_prerequisite", |lang| {
        let mut d = Driver::demo(lang, Mode::Rehearsal);
        d.text("tok-123456");
        d.key(KeyCode::Char('y')); // the manual one; the next has a check
        d
    });
}

#[test]
fn search_finds_steps_by_id_title_and_command() {
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char('/'));
    assert!(matches!(d.front(), Some(Dialog::Find { .. })));
    d.text("tar");
    // `tar` is in P1's, 1's and R2's commands.
    assert_eq!(d.selected_id(), "P1");
    assert!(d.status().contains("match 1 of 3"), "{}", d.status());
    d.key(KeyCode::Char('n'));
    assert_eq!(d.selected_id(), "1");
    d.key(KeyCode::Char('n'));
    assert_eq!(d.selected_id(), "R2");
    d.key(KeyCode::Char('n'));
    assert_eq!(d.selected_id(), "P1", "wraps around");
    d.press(KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert_eq!(d.selected_id(), "R2");
    // By title, case-insensitive.
    d.key(KeyCode::Char('/'));
    d.text("SMOKE");
    assert_eq!(d.selected_id(), "V1");
    // By id.
    d.key(KeyCode::Char('/'));
    d.text("r4");
    assert_eq!(d.selected_id(), "R4");
    // Nothing: said, the selection stays.
    d.key(KeyCode::Char('/'));
    d.text("kubectl");
    assert_eq!(d.selected_id(), "R4");
    assert!(d.status().contains("No step matches"), "{}", d.status());
}

#[test]
fn jump_goes_to_a_step_by_id() {
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char(':'));
    assert!(matches!(d.front(), Some(Dialog::Jump { .. })));
    d.text("v1");
    assert_eq!(d.selected_id(), "V1");
    d.key(KeyCode::Char(':'));
    d.text("R3");
    assert_eq!(d.selected_id(), "R3");
    d.key(KeyCode::Char(':'));
    d.text("99");
    assert_eq!(d.selected_id(), "R3");
    assert!(d.status().contains("no step 99"), "{}", d.status());
    // Moving by hand, the miss is old news.
    d.key(KeyCode::Down);
    assert_eq!(d.status(), "");
    // The list shows the step jumped to.
    d.key(KeyCode::Char(':'));
    d.text("6");
    for (w, h) in [(80, 24), (100, 30)] {
        assert!(d.render(w, h).contains("[ ] 6 "), "{}", d.render(w, h));
    }
}

#[test]
fn search_and_jump_screens() {
    snap_all("search", |lang| {
        let mut d = Driver::demo_started(lang, Mode::Live);
        d.key(KeyCode::Char('/'));
        d.text("tar");
        d.key(KeyCode::Char('n'));
        d
    });
    snap_all("find_dialog", |lang| {
        let mut d = Driver::demo_started(lang, Mode::Live);
        d.key(KeyCode::Char('/'));
        d.chars("backup");
        d
    });
}

#[test]
fn the_list_follows_the_selection() {
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let mut d = Driver::demo_started(Lang::En, Mode::Live);
        d.key(KeyCode::End);
        let screen = d.render(w, h);
        assert!(screen.contains("[ ] R4"), "{w}x{h} after End:\n{screen}");
        d.key(KeyCode::Home);
        let screen = d.render(w, h);
        assert!(screen.contains("[ ] P1"), "{w}x{h} after Home:\n{screen}");
        // Step by step down the whole list: the selection always shows.
        for _ in 0..d.app.rows().len() {
            d.key(KeyCode::Down);
            let id = d.selected_id();
            let screen = d.render(w, h);
            assert!(
                screen.contains(&format!("] {id:<4} ")),
                "{w}x{h}: {id} not on screen:\n{screen}"
            );
        }
    }
}

#[test]
fn help_scrolls_to_the_legend() {
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char('?'));
    let top = d.render(80, 24);
    assert!(top.contains("1/"), "a position marker:\n{top}");
    assert!(!top.contains("interrupted"), "{top}");
    d.key(KeyCode::End);
    let end = d.render(80, 24);
    for needle in ["[ ]", "[>]", "[x]", "[!]", "[-]", "[~]", "[?]", "[*]", "↶3"] {
        assert!(end.contains(needle), "{needle} missing:\n{end}");
    }
    assert!(
        end.contains("command runs interrupts that command only"),
        "{end}"
    );
    // Line by line back up, and closing with any other key.
    d.key(KeyCode::Up);
    assert!(d.app.help);
    d.key(KeyCode::PageUp);
    d.key(KeyCode::Home);
    assert_eq!(d.app.help_scroll, 0);
    d.key(KeyCode::Esc);
    assert!(!d.app.help);
    // Every key of the map is reachable by scrolling at 80x24.
    d.key(KeyCode::Char('?'));
    let mut seen = String::new();
    for _ in 0..60 {
        seen.push_str(&d.render(80, 24));
        d.key(KeyCode::Down);
    }
    for needle in ["pageup", "ctrl-g", "backtab", "enter", "tab"] {
        assert!(seen.contains(needle), "{needle} never shown");
    }
}

#[test]
fn help_screens() {
    snap_all("help_top", |lang| {
        let mut d = Driver::demo_started(lang, Mode::Live);
        d.key(KeyCode::Char('?'));
        d
    });
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let mut d = Driver::demo_started(*lang, Mode::Live);
            d.key(KeyCode::Char('?'));
            d.render(*w, *h); // the overlay learns how far it scrolls
            d.key(KeyCode::End);
            insta::assert_snapshot!(format!("help_end_{code}_{w}x{h}"), d.render(*w, *h));
        }
    }
}

/// The demo with step 4 failed.
fn failed(lang: Lang) -> Driver {
    let mut d = Driver::demo_started(lang, Mode::Live);
    for _ in 0..4 {
        d.key(KeyCode::Enter); // P1, P2, 1, 2
    }
    d.key(KeyCode::Enter); // 3 asks for its id
    d.text("3");
    d.key(KeyCode::Enter); // 4 fails
    assert_eq!(
        d.app.engine.item("4").unwrap().status,
        StepStatus::Failed,
        "{}",
        d.status()
    );
    d
}

#[test]
fn the_decision_tree_is_answered_in_one_dialog() {
    let mut d = failed(Lang::En);
    d.key(KeyCode::Char('d'));
    assert!(matches!(d.front(), Some(Dialog::Decision { node, .. }) if node == "failed"));
    d.key(KeyCode::Char('y'));
    // The next question at once, no `d` needed.
    assert!(matches!(d.front(), Some(Dialog::Decision { node, .. }) if node == "deployed"));
    // A stray key stays in the dialog: the checklist does not move.
    let before = d.selected_id();
    d.key(KeyCode::Char('j'));
    d.key(KeyCode::Char('x'));
    assert_eq!(d.selected_id(), before);
    assert!(matches!(d.front(), Some(Dialog::Decision { node, .. }) if node == "deployed"));
    d.key(KeyCode::Char('y'));
    d.key(KeyCode::Char('n'));
    assert!(d.front().is_none(), "{:?}", d.front());
    assert!(d.status().starts_with("Decision: "), "{}", d.status());
}

#[test]
fn decision_dialog_screens() {
    snap_all("decision", |lang| {
        let mut d = failed(lang);
        d.key(KeyCode::Char('d'));
        d.key(KeyCode::Char('y'));
        d
    });
}

#[test]
fn status_lines_go_away_when_no_longer_true() {
    let mut d = failed(Lang::En);
    assert!(d.status().contains("4 failed"), "{}", d.status());
    // A note: the failure message is old news.
    d.key(KeyCode::Char('c'));
    d.text("mirando el esquema");
    assert_eq!(d.status(), "");
    // A skip refused (no reason) keeps its dialog open and says why...
    d.key(KeyCode::Char('s'));
    d.key(KeyCode::Enter);
    assert!(matches!(d.front(), Some(Dialog::Reason { .. })));
    assert!(d.status().contains("reason"), "{}", d.status());
    // ...and the reason written, the refusal goes.
    d.text("fuera de alcance");
    assert!(d.front().is_none());
    assert_eq!(d.status(), "");
    assert_eq!(d.app.engine.item("4").unwrap().status, StepStatus::Skipped);
    // "started" goes once the step is no longer active.
    let mut d = Driver::demo_started(Lang::En, Mode::Rehearsal);
    d.key(KeyCode::Enter);
    assert!(d.status().contains("P1 started"), "{}", d.status());
    d.key(KeyCode::Enter); // rehearsal: reviewed
    assert!(!d.status().contains("started"), "{}", d.status());
}

#[test]
fn an_overridden_step_looks_different() {
    let mut d = failed(Lang::En);
    d.key(KeyCode::Char('o'));
    d.text("migrado a mano");
    assert_eq!(d.app.engine.item("4").unwrap().status, StepStatus::Done);
    assert_eq!(d.status(), "", "the failure is no longer true");
    let screen = d.render(120, 40);
    assert!(screen.contains("[*] 4 "), "{screen}");
    assert!(screen.contains("[x] 3 "), "{screen}");
    snap_all("overridden", |lang| {
        let mut d = failed(lang);
        d.key(KeyCode::Char('o'));
        d.text("migrado a mano");
        d
    });
}

#[test]
fn the_quit_dialog_fits_the_run_state() {
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char('q'));
    let screen = d.render(80, 24);
    assert!(screen.contains(" Quit "), "{screen}");
    assert!(!screen.contains(" Keys "), "{screen}");
    assert!(screen.contains("resumable"), "{screen}");
    d.key(KeyCode::Esc);
    // A finished run is not resumable.
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char('a'));
    d.text("ensayo de abandono");
    assert!(matches!(
        d.app.engine.state().status,
        RunStatus::Finished(_)
    ));
    d.key(KeyCode::Char('q'));
    let screen = d.render(80, 24);
    assert!(!screen.contains("resumable"), "{screen}");
    assert!(screen.contains("finished"), "{screen}");
    assert_eq!(d.key(KeyCode::Char('y')), Some(Request::Exit));
    snap_all("quit_finished", |lang| {
        let mut d = Driver::demo_started(lang, Mode::Live);
        d.key(KeyCode::Char('a'));
        d.text("ensayo de abandono");
        d.key(KeyCode::Char('q'));
        d
    });
}

#[test]
fn y_asks_to_copy_the_selected_steps_commands() {
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char(':'));
    d.text("1");
    let req = d.key(KeyCode::Char('y'));
    let Some(Request::Copy(text)) = req else {
        panic!("{req:?}");
    };
    assert!(text.starts_with("tar -czf"), "{text}");
    assert!(
        !text.contains("${WORKDIR}"),
        "variables are filled in: {text}"
    );
    assert!(d.status().contains("clipboard"), "{}", d.status());
    // A secret is never filled in: it stays a reference.
    d.key(KeyCode::Char(':'));
    d.text("6");
    let Some(Request::Copy(text)) = d.key(KeyCode::Char('y')) else {
        panic!("nothing copied");
    };
    assert!(text.contains("${NOTIFY_TOKEN}"), "{text}");
    assert!(!text.contains("tok-123456"), "{text}");
}

#[test]
fn the_step_pane_says_when_there_is_more() {
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char(':'));
    d.text("3");
    let screen = d.render(80, 24);
    assert!(screen.contains("↓ more"), "{screen}");
    // Scrolled to its end, the marker goes.
    for _ in 0..10 {
        d.key(KeyCode::PageDown);
        d.render(80, 24);
    }
    let screen = d.render(80, 24);
    assert!(!screen.contains("↓ more"), "{screen}");
    // Wide, everything fits: no marker.
    let mut d = Driver::demo_started(Lang::En, Mode::Live);
    d.key(KeyCode::Char(':'));
    d.text("P1");
    assert!(!d.render(200, 50).contains("↓ more"));
}

#[test]
fn wide_screens_give_the_shell_half_the_width() {
    let d = Driver::demo_started(Lang::En, Mode::Live);
    for w in [160u16, 200, 250] {
        let area = ratatui::layout::Rect::new(0, 0, w, 50);
        let shell = pasos::tui::view::shell_area(area, &d.app).unwrap();
        assert!(shell.width + 2 >= w / 2, "{w}: shell {}", shell.width);
    }
}

#[test]
fn too_small_fits_its_message() {
    let d = Driver::demo_started(Lang::En, Mode::Live);
    let screen = d.render(40, 12);
    let joined: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("Terminal too small: 40x12 (at least 60x16)"),
        "{screen}"
    );
}

#[test]
fn a_rehearsal_says_so_in_the_header() {
    for (lang, word) in [(Lang::En, " REHEARSAL "), (Lang::Es, " ENSAYO ")] {
        let d = Driver::demo_started(lang, Mode::Rehearsal);
        for (w, h) in SIZES {
            let screen = d.render(*w, *h);
            let second = screen.lines().nth(1).unwrap();
            assert!(second.starts_with(word), "{second}");
        }
    }
    snap_all("rehearsal_running", |lang| {
        let mut d = Driver::demo_started(lang, Mode::Rehearsal);
        d.key(KeyCode::Enter);
        d
    });
}

#[test]
fn production_asks_for_the_prerequisites_before_the_typed_confirmation() {
    let text = include_str!("../procedures/PROC-BACKEND-001-despliegue-produccion.toml");
    let mut d = Driver::in_env(text, Lang::Es, Mode::Rehearsal, Some("produccion"));
    d.fill_variables();
    while d.front().is_some() {
        d.key(KeyCode::Esc); // every prerequisite: later
    }
    // A step that needs a typed confirmation.
    // (While prerequisites block, the engine asks for no confirmation at
    // all; the step is found in the procedure instead.)
    let id = d
        .app
        .engine
        .procedure()
        .phases
        .iter()
        .flat_map(|ph| ph.steps.iter())
        .find(|s| s.confirm)
        .map(|s| s.id.clone())
        .expect("a step that asks for a typed confirmation");
    d.key(KeyCode::Char(':'));
    d.text(&id);
    d.key(KeyCode::Enter);
    assert!(
        matches!(d.front(), Some(Dialog::Prerequisite { .. })),
        "the prerequisites first: {:?}",
        d.front()
    );
}
