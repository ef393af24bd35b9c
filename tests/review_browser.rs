//! The review browser (`pasos log` on a terminal) rendered into ratatui's
//! TestBackend after scripted keys through the real keymap: the list with a
//! filter, a run's timeline, steps, deviations and notes, and its
//! transcript replayed at a command's output; a tampered journal flagged.

use chrono::{DateTime, Duration, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::i18n::Lang;
use pasos::journal::{
    Event, JournalWriter, Mode, Operator, Profile, Redactor, RunOutcome, StepOutcome, StepProfile,
    store,
};
use pasos::tui::keymap::Keymap;
use pasos::tui::review::app::{ReviewApp, Screen};
use pasos::tui::review::runs;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

mod common;

fn t0(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, hour, 0, 0).unwrap()
}

fn profile() -> Box<Profile> {
    let step = |id: &str, title: &str, phase: &str, est: &str| StepProfile {
        id: id.into(),
        title: title.into(),
        phase: phase.into(),
        estimate: Some(est.into()),
    };
    Box::new(Profile {
        criticality: Some("alta".into()),
        estimate: Some("10m".into()),
        steps: vec![
            step("1", "Backup de la base", "exec", "2m"),
            step("2", "Migrar el esquema", "exec", "1m"),
            step("3", "Reiniciar la API", "exec", "30s"),
            step("R1", "Restaurar el backup", "rollback", "3m"),
        ],
        ..Profile::default()
    })
}

fn started(run_id: &str, operator: &str) -> Event {
    started_v(run_id, operator, "2.1.0")
}

fn started_v(run_id: &str, operator: &str, version: &str) -> Event {
    Event::RunStarted {
        run_id: run_id.into(),
        procedure_id: "PROC-BD-007".into(),
        procedure_title: "Migración de la base de pedidos".into(),
        version: version.into(),
        procedure_sha256: "ab".repeat(32),
        source: "procedures/bd.toml".into(),
        environment: Some("produccion".into()),
        mode: Mode::Live,
        operator: Operator {
            user: "oncall".into(),
            host: "bastion".into(),
            ssh: None,
            name: Some(operator.into()),
        },
        forced: false,
        profile: profile(),
    }
}

fn command(step: &str, cmd: &str, offset: Option<u64>) -> Event {
    Event::CommandSent {
        step: step.into(),
        command: cmd.into(),
        manual: false,
        transcript_offset: offset,
    }
}

fn finished(step: &str, outcome: StepOutcome, secs: u64) -> Event {
    Event::StepFinished {
        step: step.into(),
        outcome,
        duration_ms: secs * 1000,
        why: pasos::journal::StepWhy::default(),
    }
}

/// Writes a journal whose events are `secs` seconds after `start`.
fn write(data: &Path, start: DateTime<Utc>, events: Vec<(i64, Event)>) -> std::path::PathBuf {
    let run_id = store::new_run_id(start);
    let path = store::journal_path(data, &run_id);
    let mut w = JournalWriter::create(&path, &run_id, Redactor::new([])).unwrap();
    for (secs, mut e) in events {
        if let Event::RunStarted { run_id: id, .. } = &mut e {
            *id = run_id.clone();
        }
        w.append(e, start + Duration::seconds(secs)).unwrap();
    }
    path
}

/// A successful run with a transcript whose offsets the journal names.
fn success(data: &Path) {
    let header = "{\"version\":2,\"width\":60,\"height\":8}\n";
    let f1 = "[0.5,\"o\",\"$ pg_dump pedidos > /backups/pedidos.sql\\r\\nbackup: 1823 MB escritos\\r\\n\"]\n";
    let f2 = "[70.0,\"o\",\"$ ./migrate up\\r\\nmigración 0042 aplicada\\r\\n\"]\n";
    let f3 = "[130.0,\"o\",\"$ systemctl restart api\\r\\napi: active (running)\\r\\n\"]\n";
    let o1 = header.len() as u64;
    let o2 = o1 + f1.len() as u64;
    let o3 = o2 + f2.len() as u64;
    let path = write(
        data,
        t0(3),
        vec![
            (0, started("x", "ana")),
            (
                1,
                Event::StepStarted {
                    step: "1".into(),
                    attempt: 1,
                },
            ),
            (
                1,
                command("1", "pg_dump pedidos > /backups/pedidos.sql", Some(o1)),
            ),
            (
                100,
                Event::CommandFinished {
                    step: "1".into(),
                    exit_code: 0,
                    duration_ms: 99_000,
                },
            ),
            (100, finished("1", StepOutcome::Done, 99)),
            (
                101,
                Event::StepStarted {
                    step: "2".into(),
                    attempt: 1,
                },
            ),
            (101, command("2", "./migrate up", Some(o2))),
            (160, finished("2", StepOutcome::Done, 59)),
            (
                161,
                Event::StepStarted {
                    step: "3".into(),
                    attempt: 1,
                },
            ),
            (161, command("3", "systemctl restart api", Some(o3))),
            (200, finished("3", StepOutcome::Done, 39)),
            (
                200,
                Event::RunFinished {
                    outcome: RunOutcome::Success,
                    duration_ms: 200_000,
                    reason: None,
                },
            ),
        ],
    );
    std::fs::write(path.with_extension("cast"), format!("{header}{f1}{f2}{f3}")).unwrap();
}

/// A run that failed at step 2, was overridden once, then rolled back.
fn rolled_back(data: &Path) {
    write(
        data,
        t0(4),
        vec![
            (0, started("x", "bruno")),
            (
                1,
                Event::StepStarted {
                    step: "1".into(),
                    attempt: 1,
                },
            ),
            (
                1,
                command("1", "pg_dump pedidos > /backups/pedidos.sql", None),
            ),
            (60, finished("1", StepOutcome::Done, 59)),
            (
                61,
                Event::StepStarted {
                    step: "2".into(),
                    attempt: 1,
                },
            ),
            (61, command("2", "./migrate up", None)),
            (
                300,
                Event::StepFinished {
                    step: "2".into(),
                    outcome: StepOutcome::Failed,
                    duration_ms: 239_000,
                    why: pasos::journal::StepWhy::from_sentence(Some(
                        "command 1 of 1 exited with 3",
                    )),
                },
            ),
            (
                310,
                Event::Note {
                    step: Some("2".into()),
                    text: "el lock de la tabla no se liberó".into(),
                },
            ),
            (
                320,
                Event::Deviation {
                    step: Some("2".into()),
                    kind: pasos::journal::DeviationKind::from_sentence("step 2: failed -> skipped"),
                    reason: "la DBA lo hará a mano".into(),
                },
            ),
            (
                320,
                Event::StepFinished {
                    step: "2".into(),
                    outcome: StepOutcome::Skipped,
                    duration_ms: 239_000,
                    why: pasos::journal::StepWhy::from_sentence(Some("la DBA lo hará a mano")),
                },
            ),
            (
                330,
                Event::RollbackStarted {
                    from_step: Some("2".into()),
                    reason: "la API no arranca".into(),
                    plan: vec!["R1".into()],
                },
            ),
            (
                331,
                Event::StepStarted {
                    step: "R1".into(),
                    attempt: 1,
                },
            ),
            (731, finished("R1", StepOutcome::Done, 400)),
            (
                731,
                Event::RunFinished {
                    outcome: RunOutcome::RolledBack,
                    duration_ms: 731_000,
                    reason: None,
                },
            ),
        ],
    );
}

/// A run whose journal was edited afterwards.
fn tampered(data: &Path) {
    let path = write(
        data,
        t0(5),
        vec![
            (0, started("x", "carla")),
            (
                1,
                Event::StepStarted {
                    step: "1".into(),
                    attempt: 1,
                },
            ),
            (90, finished("1", StepOutcome::Done, 89)),
            (
                90,
                Event::RunFinished {
                    outcome: RunOutcome::Failed,
                    duration_ms: 90_000,
                    reason: None,
                },
            ),
        ],
    );
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("\"duration_ms\":89000", "\"duration_ms\":19000"),
    )
    .unwrap();
}

fn app(lang: Lang) -> (tempfile::TempDir, ReviewApp) {
    // Local times in the views: pin the zone (every test sets the same).
    unsafe { std::env::set_var("TZ", "America/Argentina/Buenos_Aires") };
    let data = tempfile::tempdir().unwrap();
    success(data.path());
    rolled_back(data.path());
    tampered(data.path());
    let (runs, unreadable) = runs::load(data.path()).unwrap();
    assert!(unreadable.is_empty());
    let mut app = ReviewApp::new(runs, Keymap::defaults(), lang, data.path().to_path_buf());
    app.color = false;
    (data, app)
}

fn key(app: &mut ReviewApp, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut ReviewApp, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn render(app: &mut ReviewApp, w: u16, h: u16) -> String {
    app.set_size(w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| pasos::tui::view::draw_review(f, app))
        .unwrap();
    common::screen_text(term.backend().buffer())
}

/// The run id in a screen varies with each test's random suffix.
fn stable(screen: &str) -> String {
    let re = regex::Regex::new(r"(2026112\dT\d{9}Z)-[0-9a-f]{4}").unwrap();
    re.replace_all(screen, "$1-XXXX").into_owned()
}

#[test]
fn the_list_shows_every_run_newest_first_and_flags_the_tampered_one() {
    let (_d, mut app) = app(Lang::Es);
    let screen = render(&mut app, 80, 24);
    insta::assert_snapshot!("list_es_80x24", stable(&screen));
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("PROC-BD-007"))
        .collect();
    assert_eq!(rows.len(), 3, "{screen}");
    assert!(
        rows[0].starts_with('!') && rows[0].contains("carla"),
        "{screen}"
    );
    assert!(
        rows[1].contains("bruno") && rows[1].contains("revertida"),
        "{screen}"
    );
    assert!(
        rows[2].contains("ana") && rows[2].contains("éxito"),
        "{screen}"
    );
    insta::assert_snapshot!("list_es_200x50", stable(&render(&mut app, 200, 50)));
}

#[test]
fn the_filter_matches_every_word_and_esc_clears_it() {
    let (_d, mut app) = app(Lang::Es);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "revertida bruno");
    assert_eq!(app.visible.len(), 1);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("1 de 3 ejecuciones"), "{screen}");
    assert!(screen.contains("Filtrar"), "{screen}");
    key(&mut app, KeyCode::Enter);
    // Words match the English outcome too, and dates.
    app.set_filter("rolled-back 2026-11-20");
    assert_eq!(app.visible.len(), 1);
    app.set_filter("nadie");
    assert!(render(&mut app, 80, 24).contains("Ninguna ejecución coincide"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.visible.len(), 3);
}

#[test]
fn a_run_opens_on_its_timeline_then_steps_notes_and_transcript() {
    let (_d, mut app) = app(Lang::Es);
    key(&mut app, KeyCode::Down); // bruno's rolled-back run
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Run(_)));
    let screen = render(&mut app, 80, 24);
    insta::assert_snapshot!("run_timeline_es_80x24", stable(&screen));
    assert!(screen.contains("revertida · 12m11s · bruno"), "{screen}");
    key(&mut app, KeyCode::Tab);
    let screen = render(&mut app, 80, 24);
    insta::assert_snapshot!("run_steps_es_80x24", stable(&screen));
    let step2 = screen
        .lines()
        .find(|l| l.contains("Migrar el esquema"))
        .unwrap();
    assert!(step2.starts_with("[-] 2"), "{screen}");
    assert!(step2.contains("3m59s "), "skipped: not compared: {screen}");
    let r1 = screen
        .lines()
        .find(|l| l.contains("Restaurar el backup"))
        .unwrap();
    assert!(r1.contains("6m40s!"), "over its 3m estimate: {screen}");
    key(&mut app, KeyCode::Tab);
    let screen = render(&mut app, 80, 24);
    insta::assert_snapshot!("run_notes_es_80x24", stable(&screen));
    assert!(
        screen.contains("la DBA lo\nhará a mano"),
        "wrapped: {screen}"
    );
    assert!(screen.contains("el lock de la tabla"), "{screen}");
    assert!(screen.contains("[x] R1 6m40s"), "{screen}");
    key(&mut app, KeyCode::Tab);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("no tiene transcripción"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::List));
}

#[test]
fn the_transcript_replays_up_to_the_chosen_commands_output() {
    let (_d, mut app) = app(Lang::En);
    key(&mut app, KeyCode::End); // ana's run, the oldest
    key(&mut app, KeyCode::Enter);
    // Narrow: `n`/`p` switch to the transcript tab.
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Char('p'));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("command 2 of 3 (step 2)"), "{screen}");
    assert!(screen.contains("migración 0042 aplicada"), "{screen}");
    assert!(!screen.contains("active (running)"), "{screen}");
    key(&mut app, KeyCode::Char('n'));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("api: active (running)"), "{screen}");
    // Wide: the transcript sits beside the timeline; enter on a step's
    // line shows that step's output.
    key(&mut app, KeyCode::Tab);
    app.size = (200, 50);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let screen = render(&mut app, 200, 50);
    insta::assert_snapshot!("run_transcript_en_200x50", stable(&screen));
    assert!(screen.contains("command 1 of 3 (step 1)"), "{screen}");
    assert!(screen.contains("backup: 1823 MB"), "{screen}");
    assert!(!screen.contains("migración 0042"), "{screen}");
}

#[test]
fn a_tampered_journal_says_so_in_the_run_view() {
    let (_d, mut app) = app(Lang::En);
    key(&mut app, KeyCode::Enter); // carla's, the newest
    let screen = render(&mut app, 120, 30);
    assert!(screen.contains("does not verify"), "{screen}");
    assert!(screen.contains("pasos log verify"), "{screen}");
}

#[test]
fn ascii_and_tiny_terminals() {
    let (_d, mut app) = app(Lang::En);
    app.ascii = true;
    app.size = (200, 50);
    key(&mut app, KeyCode::Enter);
    let screen = render(&mut app, 200, 50);
    assert!(!screen.contains('┌') && !screen.contains('│'), "{screen}");
    assert!(screen.contains('+') && screen.contains('|'), "{screen}");
    let screen = render(&mut app, 50, 10);
    assert!(screen.contains("Terminal too small (50x10)"), "{screen}");
}

#[test]
fn the_kpi_screen_shows_the_procedures_figures_and_flags_unverified_journals() {
    let (_d, mut app) = app(Lang::Es);
    key(&mut app, KeyCode::Char('K'));
    assert!(matches!(app.screen, Screen::Kpi(_)));
    let screen = render(&mut app, 80, 24);
    insta::assert_snapshot!("kpi_es_80x24", stable(&screen));
    // Two verified executions: one success, one rolled back; carla's
    // tampered journal is left out and named.
    assert!(screen.contains("Ejecuciones 2 · terminadas 2"), "{screen}");
    assert!(screen.contains("Éxito 50% (1 de 2)"), "{screen}");
    assert!(screen.contains("revertida 1"), "{screen}");
    assert!(screen.contains("1 bitácora no se verifica"), "{screen}");
    let r1 = screen.lines().find(|l| l.starts_with("R1 ")).unwrap();
    assert!(r1.contains("6m40s") && r1.contains("3m"), "{screen}");
    let screen = render(&mut app, 200, 50);
    insta::assert_snapshot!("kpi_es_200x50", stable(&screen));
    assert!(screen.contains("Resultados"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::List));
}

#[test]
fn the_kpi_screen_compares_versions_when_there_are_several() {
    let (d, mut app) = app(Lang::En);
    write(
        d.path(),
        t0(6),
        vec![
            (0, started_v("x", "dora", "2.2.0")),
            (
                1,
                Event::StepStarted {
                    step: "1".into(),
                    attempt: 1,
                },
            ),
            (50, finished("1", StepOutcome::Done, 49)),
            (
                50,
                Event::RunFinished {
                    outcome: RunOutcome::Success,
                    duration_ms: 50_000,
                    reason: None,
                },
            ),
        ],
    );
    key(&mut app, KeyCode::Char('K'));
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("Versions: v2.1.0 2 runs success 50% · v2.2.0 1 run success 100%"),
        "{screen}"
    );
}

#[test]
fn journals_that_are_not_runs_are_named_not_dropped() {
    let (d, _) = app(Lang::En);
    let dir = d.path().join("runs/2026/11");
    std::fs::write(dir.join("20261101T000000000Z-abcd.jsonl"), "garbage {\n").unwrap();
    let (runs, unreadable) = runs::load(d.path()).unwrap();
    assert_eq!(runs.len(), 3);
    assert_eq!(unreadable.len(), 1);
    let mut app = ReviewApp::new(runs, Keymap::defaults(), Lang::En, d.path().to_path_buf());
    app.unreadable = unreadable.into_iter().map(|u| u.run_id).collect();
    let screen = render(&mut app, 100, 24);
    assert!(
        screen.contains("1 journal cannot be read (`pasos log verify`): 20261101T000000000Z-abcd"),
        "{screen}"
    );
    // `pasos log list` names it too, and still lists the others.
    let out = assert_cmd::Command::cargo_bin("pasos")
        .unwrap()
        .args(["log", "list", "--data-dir"])
        .arg(d.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("unreadable  20261101T000000000Z-abcd"),
        "{text}"
    );
    assert_eq!(text.matches("PROC-BD-007").count(), 3, "{text}");
    assert!(
        text.contains("failed!"),
        "the tampered one is flagged: {text}"
    );
}
