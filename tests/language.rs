//! Every screen of a run speaks one language: each run state and every
//! dialog of the full-screen interface (ratatui's TestBackend, through the
//! real keymap), and line mode through the real binary, in Spanish and in
//! English. A screen fails when it holds a tell-tale word of the other
//! language. The procedure (`tests/language/neutral.toml`) is written in
//! made-up words, so every real word on screen is pasos's own; commands
//! (`pasos run --resume …`), key names and the glossary's shared terms
//! (rollback, checklist, shell, RTO, ETA) are allowed in both.

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::i18n::Lang;
use pasos::journal::{Mode, Operator};
use pasos::procedure::load_str;
use pasos::run::{Effect, Engine, FakeClock, Msg, RunConfig, RunStatus, StepStatus};
use pasos::tui::app::App;
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::VecDeque;

mod common;

const NEUTRAL: &str = include_str!("language/neutral.toml");
const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/language/neutral.toml");

/// Words only English would put on screen.
const ENGLISH: &[&str] = &[
    "the",
    "step",
    "steps",
    "failed",
    "fails",
    "not",
    "possible",
    "press",
    "run",
    "running",
    "done",
    "skip",
    "skipped",
    "reason",
    "why",
    "note",
    "notes",
    "value",
    "quit",
    "yes",
    "confirm",
    "confirmed",
    "prerequisite",
    "prerequisites",
    "undo",
    "nothing",
    "elapsed",
    "left",
    "help",
    "keys",
    "cancel",
    "accept",
    "type",
    "command",
    "commands",
    "exited",
    "with",
    "of",
    "by",
    "and",
    "is",
    "are",
    "start",
    "started",
    "checking",
    "journal",
    "decision",
    "tree",
    "phase",
    "estimate",
    "expected",
    "validation",
    "if",
    "it",
    "pending",
    "waiting",
    "for",
    "you",
    "progress",
    "timers",
    "idle",
    "here",
    "later",
    "without",
    "back",
    "finished",
    "success",
    "aborted",
    "rolled",
    "live",
    "rehearsal",
    "resumed",
    "when",
    "passed",
    "its",
    "none",
    "edit",
    "next",
    "previous",
    "focus",
    "pane",
    "this",
    "automatic",
    "interrupted",
    "validating",
    "retry",
    "mark",
    "answer",
    "check",
    "deviation",
    "deviations",
    "from",
    "unknown",
    "choice",
    "shows",
    "value",
    "secret",
    "shown",
    "budget",
    "would",
    "reviewed",
    "high",
];

/// Words only Spanish would put on screen.
const SPANISH: &[&str] = &[
    "el",
    "la",
    "los",
    "las",
    "paso",
    "falló",
    "pulse",
    "ejecutar",
    "ejecución",
    "saltar",
    "motivo",
    "por",
    "qué",
    "nota",
    "notas",
    "valor",
    "salir",
    "sí",
    "confirmado",
    "prerequisito",
    "prerequisitos",
    "deshacer",
    "nada",
    "transcurrido",
    "quedan",
    "faltan",
    "ayuda",
    "teclas",
    "volver",
    "cancelar",
    "aceptar",
    "escriba",
    "comando",
    "comandos",
    "terminó",
    "con",
    "de",
    "del",
    "es",
    "está",
    "iniciar",
    "iniciado",
    "verificando",
    "bitácora",
    "árbol",
    "decisión",
    "fase",
    "estimado",
    "esperado",
    "validación",
    "si",
    "falla",
    "pendiente",
    "esperando",
    "avance",
    "tiempos",
    "espera",
    "aquí",
    "luego",
    "sin",
    "hecho",
    "hechos",
    "en",
    "vivo",
    "ensayo",
    "reanudada",
    "terminada",
    "revertida",
    "éxito",
    "abortada",
    "desviación",
    "desviaciones",
    "panel",
    "pestaña",
    "siguiente",
    "anterior",
    "abrir",
    "primer",
    "último",
    "una",
    "un",
    "al",
    "que",
    "para",
    "código",
    "opción",
    "desconocida",
    "secreto",
    "muestra",
    "presupuesto",
    "ejecutaría",
    "revisado",
    "alta",
    "desde",
    "cuando",
    "diálogo",
];

/// The tell-tale words of `other` found in `screen`, outside commands.
fn foreign_words(screen: &str, other: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        // A command a person copies (`pasos run --resume …`) is not prose.
        let command = [
            "run",
            "log",
            "check",
            "kpi",
            "report",
            "export",
            "import",
            "completions",
        ]
        .iter()
        .filter_map(|c| line.find(&format!("pasos {c} ")))
        .min();
        let prose = command.map_or(line, |i| &line[..i]);
        for word in prose.split(|c: char| !c.is_alphanumeric()) {
            let w = word.to_lowercase();
            if !w.is_empty() && other.contains(&w.as_str()) && !found.contains(&w) {
                found.push(w);
            }
        }
    }
    found
}

fn assert_one_language(name: &str, lang: Lang, screen: &str) {
    let other = match lang {
        Lang::Es => ENGLISH,
        Lang::En => SPANISH,
    };
    let found = foreign_words(screen, other);
    assert!(
        found.is_empty(),
        "{name} ({lang:?}) shows words of the other language {found:?}:\n{screen}"
    );
}

/// Drives the interface over a fake shell: commands print `zz` and exit 0,
/// `false` exits 1. Commands or validations can be held (not finished) to
/// show a step running or awaiting its validation.
struct Driver {
    app: App,
    clock: FakeClock,
    hold_commands: bool,
    hold_validation: bool,
}

impl Driver {
    fn new(lang: Lang) -> Driver {
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
            source: "neutral.toml".into(),
            procedure_sha256: "00".repeat(32),
            forced: false,
            preset: Vec::new(),
        };
        let (engine, _) = Engine::start(
            load_str(NEUTRAL).procedure.expect("the fixture loads"),
            Box::new(clock.clone()),
            cfg,
        );
        let mut app = App::new(engine, Keymap::defaults(), lang);
        app.color = false;
        app.source = "neutral.toml".into();
        app.queue_preparation();
        let fx = app.prerequisite_checks();
        let mut d = Driver {
            app,
            clock,
            hold_commands: false,
            hold_validation: false,
        };
        d.settle(fx);
        d
    }

    /// Past the variable and the prerequisites: the checklist, step 1 next.
    fn ready(lang: Lang) -> Driver {
        let mut d = Driver::new(lang);
        d.text("k1k1k1k1");
        d.key(KeyCode::Char('y'));
        assert!(d.app.dialogs.is_empty(), "{:?}", d.app.dialogs);
        d
    }

    /// Step 3 has failed (its second command exits 1).
    fn failed(lang: Lang) -> Driver {
        let mut d = Driver::ready(lang);
        d.key(KeyCode::Enter); // 1
        d.key(KeyCode::Enter); // 2 asks for its confirmation
        d.text("2");
        d.key(KeyCode::Enter); // 3 fails
        assert_eq!(d.status("3"), StepStatus::Failed);
        d
    }

    fn status(&self, id: &str) -> StepStatus {
        self.app.engine.item(id).unwrap().status
    }

    fn settle(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
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
                        queue.extend(self.app.send(Msg::CommandSent {
                            step: step.clone(),
                            command: command.clone(),
                            manual: false,
                            transcript_offset: None,
                        }));
                        self.app.push_line(format!("$ {command}"));
                        if self.hold_commands {
                            self.app.busy = Some(command);
                            break;
                        }
                        self.clock.advance_secs(3);
                        queue.extend(self.app.send(Msg::CommandFinished {
                            step: step.clone(),
                            exit_code: if command == "false" { 1 } else { 0 },
                            duration_ms: 3000,
                            output: "zz\n".into(),
                            source: pasos::journal::ExitSource::Marker,
                        }));
                    }
                    self.app.report_outcome(&step);
                }
                Effect::RunValidation { step, .. } => {
                    if self.hold_validation {
                        continue;
                    }
                    queue.extend(self.app.send(Msg::ValidationFinished {
                        step: step.clone(),
                        exit_code: 0,
                        output: "zz\n".into(),
                    }));
                    self.app.report_outcome(&step);
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

/// Every run state and every dialog, by name.
fn screens(lang: Lang) -> Vec<(&'static str, Driver)> {
    let mut out = Vec::new();

    out.push(("dialog: secret variable", Driver::new(lang)));
    let mut d = Driver::new(lang);
    d.text("k1k1k1k1");
    out.push(("dialog: prerequisite", d));
    let mut d = Driver::new(lang);
    d.text("k1k1k1k1");
    d.key(KeyCode::Char('w'));
    out.push(("dialog: reason to waive prerequisites", d));
    let mut d = Driver::new(lang);
    d.key(KeyCode::Char('x'));
    d.key(KeyCode::Enter);
    out.push(("dialog: variable refused (pattern)", d));

    out.push(("ready", Driver::ready(lang)));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('s'));
    out.push(("dialog: reason to skip", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('s'));
    d.key(KeyCode::Enter);
    out.push(("refused: no reason", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('c'));
    out.push(("dialog: note", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('f'));
    out.push(("dialog: reason to mark failed", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('a'));
    out.push(("dialog: reason to abort", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('q'));
    out.push(("dialog: quit", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('?'));
    out.push(("help", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('4'));
    out.push(("shell focused", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('e'));
    out.push(("edit at the prompt", d));

    let mut d = Driver::ready(lang);
    d.hold_commands = true;
    d.key(KeyCode::Enter);
    assert_eq!(d.status("1"), StepStatus::Running);
    out.push(("running", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Enter);
    d.key(KeyCode::Enter);
    out.push(("dialog: typed confirmation", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Enter);
    d.key(KeyCode::Enter);
    d.text("nope");
    out.push(("refused: wrong confirmation", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Enter);
    d.hold_validation = true;
    d.key(KeyCode::Enter);
    d.text("2");
    assert_eq!(d.status("2"), StepStatus::AwaitingValidation);
    out.push(("awaiting validation", d));

    out.push(("failed", Driver::failed(lang)));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('3'));
    out.push(("failed: rollback tab", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('2'));
    out.push(("failed: timers tab", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('o'));
    out.push(("dialog: reason to override", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('d'));
    out.push(("dialog: yes/no (decision tree)", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('b'));
    out.push(("dialog: reason to start the rollback", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('d'));
    d.key(KeyCode::Char('y'));
    out.push(("decision answered", d));

    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('b'));
    d.text("qq");
    assert_eq!(d.app.engine.state().status, RunStatus::RollingBack);
    out.push(("rolling back", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('b'));
    d.text("qq");
    for _ in 0..4 {
        d.key(KeyCode::Enter);
    }
    assert!(matches!(
        d.app.engine.state().status,
        RunStatus::Finished(_)
    ));
    out.push(("finished: rolled back", d));
    let mut d = Driver::ready(lang);
    d.key(KeyCode::Char('a'));
    d.text("qq");
    out.push(("finished: aborted", d));
    let mut d = Driver::failed(lang);
    d.key(KeyCode::Char('o'));
    d.text("qq");
    d.key(KeyCode::Enter);
    assert!(matches!(
        d.app.engine.state().status,
        RunStatus::Finished(_)
    ));
    out.push(("finished: success with a deviation", d));
    out
}

#[test]
fn every_run_screen_speaks_one_language() {
    for lang in [Lang::Es, Lang::En] {
        for (name, d) in screens(lang) {
            for (w, h) in [(80, 24), (200, 50)] {
                let screen = d.render(w, h);
                assert_one_language(&format!("{name} at {w}x{h}"), lang, &screen);
            }
        }
    }
}

/// The checker itself: it finds a word of the other language, and lets
/// commands and shared terms through.
#[test]
fn the_checker_finds_foreign_words_and_spares_commands() {
    assert_eq!(
        foreign_words("Paso 3 · the command", ENGLISH),
        vec!["the", "command"]
    );
    assert!(foreign_words("rollback · checklist · RTO 1:00 · ETA 2:00", ENGLISH).is_empty());
    assert!(foreign_words("pasos run --resume X neutral.toml", ENGLISH).is_empty());
    assert_eq!(foreign_words("falló tras 0:03", SPANISH), vec!["falló"]);
    // The Spanish screens of the real interface are caught in English.
    let d = Driver::failed(Lang::Es);
    assert!(!foreign_words(&d.render(120, 40), SPANISH).is_empty());
}

/// Line mode through the real binary, with a real shell: variables,
/// prerequisites, a typed confirmation, a failure, help, an unknown key, a
/// note, the decision tree and the rollback to the end.
#[test]
fn line_mode_speaks_one_language() {
    let script = "k1k1k1k1\ny\n\n\n2\n\n?\nx\nn\nzz\np\nt\ny\nb\nqq\n\n\n\n\n\n\n";
    for (flag, lang) in [("es", Lang::Es), ("en", Lang::En)] {
        let data = tempfile::tempdir().unwrap();
        let out = assert_cmd::Command::cargo_bin("pasos")
            .unwrap()
            .env("PASOS_DATA_DIR", data.path())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["--lang", flag, "run", "--plain", FILE])
            .write_stdin(script)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // It went all the way: failed, rolled back, finished.
        assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
        let finished = match lang {
            Lang::Es => "REVERTIDA",
            Lang::En => "ROLLED BACK",
        };
        assert!(stdout.contains(finished), "{stdout}");
        assert_one_language("line mode", lang, &format!("{stdout}\n{stderr}"));
    }
}

/// A run that cannot start says why in the operator's language.
#[test]
fn refusals_to_start_speak_one_language() {
    for (flag, lang) in [("es", Lang::Es), ("en", Lang::En)] {
        let data = tempfile::tempdir().unwrap();
        for args in [
            vec!["--var", "NOPE=1"],
            vec!["--var", "NOPE"],
            vec!["--resume", "20261123T030000000Z-0001"],
        ] {
            let out = assert_cmd::Command::cargo_bin("pasos")
                .unwrap()
                .env("PASOS_DATA_DIR", data.path())
                .env("LANG", "C")
                .args(["--lang", flag, "run", "--plain"])
                .args(&args)
                .arg(FILE)
                .write_stdin("")
                .timeout(std::time::Duration::from_secs(30))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert_one_language(&format!("run {args:?}"), lang, &stderr);
        }
    }
}

/// Option values the help names as they are typed (`--format json`,
/// `--outcome rolled-back`): syntax, not prose.
const VALUES: &[&str] = &[
    "human",
    "json",
    "txt",
    "md",
    "html",
    "table",
    "csv",
    "procedures",
    "steps",
    "runs",
    "success",
    "failed",
    "rolled",
    "back",
    "aborted",
    "interrupted",
    "open",
    "bash",
    "elvish",
    "fish",
    "powershell",
    "zsh",
    "es",
    "en",
];

/// The prose of a `--help` page: without option names, placeholders
/// (`<FILE>`, `[OPTIONS]`), environment variables, option values and the
/// names of the commands it lists.
fn help_prose(help: &str) -> String {
    let mut out = String::new();
    for line in help.lines() {
        let listing = line.starts_with("  ") && !line.starts_with("   ");
        // The usage line: its heading is prose, the rest is syntax.
        let line = match line.find(": pasos") {
            Some(i) => &line[..i],
            None => line,
        };
        // A command in backticks (`pasos run --resume`) is syntax too.
        let unquoted: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        let line = unquoted.as_str();
        let mut words: Vec<&str> = Vec::new();
        for (n, token) in line.split_whitespace().enumerate() {
            let token = token.trim_start_matches(['(', '`', '"']);
            let syntax = token.starts_with('-')
                || token.starts_with('<')
                || token.starts_with('[')
                || token.chars().any(|c| c.is_ascii_uppercase())
                    && !token.chars().any(|c| c.is_lowercase())
                || (listing && n == 0);
            if !syntax {
                words.push(token);
            }
        }
        let prose: Vec<String> = words
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !VALUES.contains(&w.to_lowercase().as_str()))
            .map(str::to_string)
            .collect();
        out.push_str(&prose.join(" "));
        out.push('\n');
    }
    out
}

/// `--help` of every command, in the language of `--lang` and of `LANG`.
#[test]
fn help_speaks_one_language() {
    let commands: &[&[&str]] = &[
        &[],
        &["check"],
        &["run"],
        &["import"],
        &["export"],
        &["log"],
        &["log", "browse"],
        &["log", "list"],
        &["log", "show"],
        &["log", "verify"],
        &["kpi"],
        &["report"],
        &["paths"],
        &["keymap"],
        &["keymap", "check"],
        &["keymap", "show"],
        &["completions"],
    ];
    for (locale, lang) in [("es_ES.UTF-8", Lang::Es), ("en_US.UTF-8", Lang::En)] {
        for path in commands {
            for flag in ["-h", "--help"] {
                let out = assert_cmd::Command::cargo_bin("pasos")
                    .unwrap()
                    .env("LANG", locale)
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES")
                    .args(*path)
                    .arg(flag)
                    .output()
                    .unwrap();
                let help = String::from_utf8_lossy(&out.stdout);
                assert_eq!(out.status.code(), Some(0), "{path:?}: {help}");
                assert_one_language(&format!("{path:?} {flag}"), lang, &help_prose(&help));
            }
        }
    }
    // `--lang` wins over LANG, and the exit codes are explained.
    let out = assert_cmd::Command::cargo_bin("pasos")
        .unwrap()
        .env("LANG", "en_US.UTF-8")
        .args(["--lang", "es", "run", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Códigos de salida:"), "{help}");
    assert!(help.contains("Uso: pasos run"), "{help}");
}

/// `pasos check` in both languages: the words around each diagnostic,
/// the summaries and an unreadable file. The diagnostics' own messages and
/// hints (after `]: ` and after the hint word) come from the loader and the
/// snippet lines are the file's text: both are left out here.
#[test]
fn check_speaks_one_language_around_its_diagnostics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/language");
    for (flag, lang) in [("es", Lang::Es), ("en", Lang::En)] {
        let out = common::pasos_in(
            std::path::Path::new(dir),
            &[
                "--lang",
                flag,
                "check",
                "broken.toml",
                "neutral.toml",
                "missing.toml",
            ],
        );
        assert_eq!(out.code, 2, "{}", out.stdout);
        let hint = match lang {
            Lang::Es => "= pista: ",
            Lang::En => "= hint: ",
        };
        let words: String = out
            .stdout
            .lines()
            .filter(|l| {
                !l.trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || c == '|')
            })
            .map(|l| match (l.find("]: "), l.find(hint)) {
                (Some(i), _) if !l.contains("[unreadable]") => &l[..i],
                (_, Some(i)) => &l[..i],
                _ => l,
            })
            // The diagnostic's code (`error[bad-value]`) is an identifier.
            .map(|l| match (l.find('['), l.find(']')) {
                (Some(a), Some(b)) if a < b => format!("{}{}", &l[..a], &l[b + 1..]),
                (Some(a), None) => l[..a].to_string(),
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_one_language("check", lang, &words);
        let expected = match lang {
            Lang::Es => [
                "broken.toml: 3 errores, 0 avisos",
                "4 pasos en 1 fase, 1 paso de rollback, estimado 2-3m",
                "no se puede leer missing.toml: no existe",
                "3 archivos verificados: 1 pasó, 2 no",
            ],
            Lang::En => [
                "broken.toml: 3 errors, 0 warnings",
                "4 steps in 1 phase, 1 rollback step, estimate 2-3m",
                "cannot read missing.toml: it does not exist",
                "checked 3 files: 1 passed, 2 did not",
            ],
        };
        for e in expected {
            assert!(out.stdout.contains(e), "`{e}` missing:\n{}", out.stdout);
        }
    }
}
