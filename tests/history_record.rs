//! The history reads one record per run, from journals that store facts:
//!
//! - journals written by the version before (tests/fixtures/legacy-journals)
//!   still verify, list, show and report, their English sentences read back
//!   as facts and rendered in the reader's language;
//! - `pasos kpi` (table, CSV, JSON), `log list`, `report`, `export --run`
//!   and the browser's listing give the same working time for the same
//!   resumed run, figures computed by hand below;
//! - a full demo run through the real binary (a deviation, a note, a skip,
//!   a rollback; then a waiver and an abort) writes no free English text
//!   into its journal: every free-text field is the operator's own words or
//!   the procedure's.

#[path = "support/journal_gen.rs"]
mod journal_gen;

use assert_cmd::Command;
use journal_gen::{Journal, RunSpec, profile, utc};
use pasos::journal::{
    DeviationKind, Event, Interruption, RunOutcome, StepCause, StepOutcome, StepState, store,
    verify_file,
};
use std::path::{Path, PathBuf};

const LEGACY_QUIT: &str = "20261206T080809506Z-4ab5";
const LEGACY_ABORT: &str = "20261206T080822743Z-f813";

fn pasos(data: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("pasos").unwrap();
    c.env("PASOS_DATA_DIR", data)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("TZ", "UTC")
        .timeout(std::time::Duration::from_secs(60));
    c
}

fn out(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

/// A copy of the legacy fixture data directory.
fn legacy_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy-journals/runs/2026/12");
    let to = dir.path().join("runs/2026/12");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(&from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

fn events(path: &Path) -> Vec<Event> {
    let v = verify_file(path).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    v.lines.into_iter().map(|l| l.event).collect()
}

/// Words only the other language would print here.
fn assert_no_words(text: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(!text.contains(w), "{what}: `{w}` in\n{text}");
    }
}

const ENGLISH_TELLTALES: &[&str] = &[
    "skipped",
    "overridden",
    "exited with",
    "Run started",
    "started again",
    "validation passed",
    "the operator quit",
    "Deviation",
    "Reason:",
    "Run finished",
    "rolled back",
    "success",
    "interrupted",
    "journals do not",
    "events",
];

const SPANISH_TELLTALES: &[&str] = &[
    "saltado",
    "forzado",
    "salió con",
    "Inicio de",
    "Motivo",
    "Desviación",
    "ejecución",
    "interrumpida",
    "éxito",
    "eventos",
];

#[test]
fn legacy_journals_read_back_as_facts() {
    let data = legacy_data();
    let quit = events(&store::journal_path(data.path(), LEGACY_QUIT));
    let kinds: Vec<(Option<String>, DeviationKind, String)> = quit
        .iter()
        .filter_map(|e| match e {
            Event::Deviation { step, kind, reason } => {
                Some((step.clone(), kind.clone(), reason.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                Some("4".into()),
                DeviationKind::Overridden {
                    from: StepState::Failed,
                    to: StepOutcome::Done
                },
                "migración del esquema hecha a mano con el DBA".into()
            ),
            (
                Some("5".into()),
                DeviationKind::Skipped,
                "el paso 5 no aplica en este entorno".into()
            ),
        ]
    );
    assert!(quit.iter().any(|e| matches!(
        e,
        Event::StepFinished { step, outcome: StepOutcome::Failed, why, .. }
            if step == "4"
                && why.reason.is_none()
                && why.cause == Some(StepCause::CommandFailed { command: 1, of: 1, exit_code: 1 })
    )));
    // The operator's reason stays the operator's reason.
    assert!(quit.iter().any(|e| matches!(
        e,
        Event::StepFinished { step, outcome: StepOutcome::Skipped, why, .. }
            if step == "5" && why.reason.as_deref() == Some("el paso 5 no aplica en este entorno")
    )));
    assert!(quit.iter().any(|e| matches!(
        e,
        Event::RunInterrupted { why, .. } if why.0 == Interruption::Quit
    )));
    let abort = events(&store::journal_path(data.path(), LEGACY_ABORT));
    assert!(abort.iter().any(|e| matches!(
        e,
        Event::Deviation { kind: DeviationKind::PrerequisitesWaived, reason, .. }
            if reason == "revisado ayer con el equipo"
    )));
}

#[test]
fn legacy_journals_verify_list_show_and_report_in_both_languages() {
    let data = legacy_data();
    let d = data.path();
    let v = pasos(d, "es_ES.UTF-8")
        .args(["log", "verify"])
        .assert()
        .code(0);
    let text = out(&v);
    assert!(
        text.contains(&format!("ok    {LEGACY_QUIT}  80 eventos")),
        "{text}"
    );
    assert_no_words(&text, ENGLISH_TELLTALES, "log verify (es)");
    let v = pasos(d, "en_US.UTF-8")
        .args(["log", "verify"])
        .assert()
        .code(0);
    assert!(out(&v).contains(&format!("ok    {LEGACY_QUIT}  80 events")));

    let list = out(&pasos(d, "es_ES.UTF-8")
        .args(["log", "list"])
        .assert()
        .code(0));
    assert!(list.contains("EJECUCIÓN"), "{list}");
    assert!(list.contains("revertida"), "{list}");
    assert!(list.contains("abortada"), "{list}");
    assert_no_words(
        &list,
        &["RUN ", "OUTCOME", "rolled back", "aborted"],
        "log list (es)",
    );
    let list = out(&pasos(d, "en_US.UTF-8")
        .args(["log", "list"])
        .assert()
        .code(0));
    assert!(
        list.contains("rolled back") && list.contains("aborted"),
        "{list}"
    );
    assert_no_words(&list, SPANISH_TELLTALES, "log list (en)");

    let show = out(&pasos(d, "es_ES.UTF-8")
        .args(["log", "show", LEGACY_QUIT])
        .assert()
        .code(0));
    assert!(
        show.contains("paso 4: fallido → hecho (forzado). Motivo: migración del esquema hecha a mano con el DBA"),
        "{show}"
    );
    assert!(show.contains("el comando 1 de 1 salió con 1"), "{show}");
    assert!(show.contains("paso 5 saltado"), "{show}");
    assert!(show.contains("el operador salió"), "{show}");
    let abort = out(&pasos(d, "es_ES.UTF-8")
        .args(["log", "show", LEGACY_ABORT])
        .assert()
        .code(0));
    assert!(
        abort.contains(
            "Nota: ejecución terminada por el operador: ventana de mantenimiento cancelada"
        ),
        "{abort}"
    );
    assert!(
        abort.contains(
            "iniciada con prerequisitos sin confirmar. Motivo: revisado ayer con el equipo"
        ),
        "{abort}"
    );
    assert_no_words(&show, ENGLISH_TELLTALES, "log show (es)");
    let show = out(&pasos(d, "en_US.UTF-8")
        .args(["log", "show", LEGACY_QUIT])
        .assert()
        .code(0));
    assert!(
        show.contains("step 4: failed → done (overridden)"),
        "{show}"
    );
    assert!(show.contains("command 1 of 1 exited with 1"), "{show}");
    assert_no_words(
        &show,
        &[
            "saltado",
            "forzado",
            "salió con",
            "Motivo",
            "Desviación",
            "interrumpida",
        ],
        "log show (en)",
    );

    let report = out(&pasos(d, "es_ES.UTF-8")
        .args(["report", LEGACY_QUIT])
        .assert()
        .code(0));
    assert!(
        report.contains("paso 4: fallido → hecho (forzado)"),
        "{report}"
    );
    assert_no_words(
        &report,
        &[
            "(overridden)",
            "exited with",
            "the operator quit",
            "step 5 skipped",
        ],
        "report (es)",
    );
}

/// A resumed run whose figures are computed by hand:
///
/// | at (s) | line |
/// |---|---|
/// | 0 | run-started |
/// | 0 → 60 | step 1 done (60 s) |
/// | 70 | run-interrupted (quit; 10 s idle before it are work) |
/// | 3,670 | run-resumed (pause 3,600 s) |
/// | 3,670 → 3,870 | step 2 done (200 s) |
/// | 3,875 | the session dies 5 s after its last line, leaving no trace |
/// | 5,075 | run-interrupted (crash, written on resuming) and run-resumed: the pause runs from the last line, 3,870, to 5,075 = 1,205 s |
/// | 5,075 → 5,115 | step 3 done (40 s) |
/// | 5,125 | run-finished (success) |
///
/// Wall 5,125 s; paused 3,600 + 1,205 = 4,805 s; working 320 s (5m20s).
fn resumed_run(data: &Path) -> String {
    let spec = RunSpec::new(
        "PROC-W-001",
        "1.0",
        profile(
            false,
            &[
                ("1", "a", Some("1m")),
                ("2", "a", Some("3m")),
                ("3", "a", Some("1m")),
            ],
        ),
    )
    .operator("Ana")
    .env("prod");
    let s = utc(2026, 4, 1, 9, 0, 0);
    let path = Journal::start(data, s, &spec)
        .done("1", 60_000)
        .wait(10_000)
        .interrupt()
        .wait(3_600_000)
        .resume()
        .done("2", 200_000)
        .wait(5_000)
        .wait(1_200_000)
        .crash()
        .resume()
        .done("3", 40_000)
        .wait(10_000)
        .finish(RunOutcome::Success, s)
        .write();
    store::run_id_of(&path)
}

const WORKING_MS: u64 = 320_000;

#[test]
fn the_same_working_time_everywhere() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let run = resumed_run(d);

    // The record.
    let listing = pasos::history::listing::list(d).unwrap();
    let r = &listing.runs[0].record;
    assert_eq!(r.wall_ms, 5_125_000);
    assert_eq!(r.paused_ms, 4_805_000);
    assert_eq!(r.working_ms(), WORKING_MS);
    // The review (browser, report, export) reads the same figures.
    let v = verify_file(&listing.runs[0].path).unwrap();
    let review = pasos::history::review::RunReview::from_lines(&v.lines).unwrap();
    assert_eq!(review.active_ms(), WORKING_MS);
    let gaps: Vec<u64> = review
        .interruptions
        .iter()
        .filter_map(|i| i.gap_ms())
        .collect();
    assert_eq!(gaps, [3_600_000, 1_205_000]);

    // `pasos kpi`: JSON and CSV.
    let json = out(&pasos(d, "en_US.UTF-8")
        .args(["kpi", "--format", "json"])
        .assert()
        .code(0));
    let j: serde_json::Value = serde_json::from_str(&json).unwrap();
    let h = &j["procedures"][0]["history"][0];
    assert_eq!(h["duration_ms"], WORKING_MS, "{json}");
    let csv = out(&pasos(d, "en_US.UTF-8")
        .args(["kpi", "--format", "csv", "--rows", "runs"])
        .assert()
        .code(0));
    assert!(csv.contains(&format!(",{WORKING_MS},")), "{csv}");
    // The table shows 5m20s.
    let table = out(&pasos(d, "en_US.UTF-8").args(["kpi"]).assert().code(0));
    assert!(table.contains("5m20s"), "{table}");

    // `log list` and `log show`.
    let list = out(&pasos(d, "en_US.UTF-8")
        .args(["log", "list"])
        .assert()
        .code(0));
    assert!(list.contains("5m20s"), "{list}");
    let show = out(&pasos(d, "en_US.UTF-8")
        .args(["log", "show", &run])
        .assert()
        .code(0));
    assert!(show.contains("worked 5m20s"), "{show}");
    // The crash: the pause is measured from the last line before it.
    assert!(show.contains("it stopped at 2026-04-01 10:04:30"), "{show}");

    // `report` and `export --run`.
    let report = out(&pasos(d, "en_US.UTF-8")
        .args(["report", &run])
        .assert()
        .code(0));
    assert!(report.contains("5m20s"), "{report}");
    assert!(
        report.contains("(wall clock 1h25m25s, paused 1h20m5s)"),
        "{report}"
    );
    let txt = out(&pasos(d, "en_US.UTF-8")
        .args(["export", "--run", &run, "--format", "txt"])
        .assert()
        .code(0));
    assert!(txt.contains("5m20s"), "{txt}");
}

struct Demo {
    data: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Demo {
    fn new() -> Demo {
        Demo {
            data: tempfile::tempdir().unwrap(),
            work: tempfile::Builder::new()
                .prefix("pasos-test-")
                .tempdir_in("/tmp")
                .unwrap(),
        }
    }

    fn run(&self, stdin: &str) -> PathBuf {
        pasos(self.data.path(), "en_US.UTF-8")
            .arg("run")
            .arg(format!(
                "--var=WORKDIR={}",
                self.work.path().join("demo").display()
            ))
            .env("PASOS_VAR_NOTIFY_TOKEN", "tok-x-secret")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
            .write_stdin(stdin.to_string())
            .assert()
            .code(1);
        store::list(self.data.path()).unwrap().pop().unwrap()
    }
}

#[test]
fn a_demo_run_writes_no_free_english_into_its_journal() {
    const NOTE: &str = "arrancamos con el equipo de guardia";
    const OVERRIDE: &str = "migración hecha a mano con el DBA";
    const SKIP: &str = "no aplica en este entorno";
    const ROLLBACK: &str = "el smoke test no se puede completar";
    const WAIVE: &str = "revisado ayer con el equipo";
    const ABORT: &str = "ventana cancelada";
    let operator_words = [NOTE, OVERRIDE, SKIP, ROLLBACK, WAIVE, ABORT];

    let demo = Demo::new();
    // Prerequisite; a note on P1; P1, P2, 1, 2; step 3 and its
    // confirmation; step 4 fails and is overridden; step 5 skipped; at V1
    // the rollback, run to the end.
    let stdin = format!(
        "y\nn\n{NOTE}\n\n\n\n\n\n3\n\no\n{OVERRIDE}\ns\n{SKIP}\nb\n{ROLLBACK}\n{}",
        "\n".repeat(8)
    );
    let mut all = events(&demo.run(&stdin));
    let other = Demo::new();
    all.extend(events(&other.run(&format!("w\n{WAIVE}\n\na\n{ABORT}\n"))));

    let mut seen = Vec::new();
    for e in &all {
        match e {
            Event::Deviation { kind, reason, .. } => {
                assert!(!matches!(kind, DeviationKind::Legacy(_)), "{e:?}");
                seen.push(reason.clone());
            }
            Event::Note { text, .. } => seen.push(text.clone()),
            Event::StepFinished { why, .. } => seen.extend(why.reason.clone()),
            Event::RollbackStarted { reason, .. } => seen.push(reason.clone()),
            Event::RunFinished { reason, .. } => seen.extend(reason.clone()),
            Event::RunInterrupted { why, .. } => {
                assert!(!matches!(why.0, Interruption::Legacy { .. }), "{e:?}")
            }
            Event::ValidationResult { problems, .. } => assert!(
                problems
                    .0
                    .iter()
                    .all(|p| !matches!(p, pasos::journal::ValidationProblem::Legacy { .. })),
                "{e:?}"
            ),
            _ => {}
        }
    }
    // Every free-text field is exactly something the operator typed.
    for s in &seen {
        assert!(
            operator_words.contains(&s.as_str()),
            "not the operator's words: {s:?}"
        );
    }
    for w in operator_words {
        assert!(
            seen.iter().any(|s| s == w),
            "{w} is missing from the journal"
        );
    }
    // The facts are there.
    assert!(all.iter().any(|e| matches!(
        e,
        Event::Deviation {
            kind: DeviationKind::Overridden {
                from: StepState::Failed,
                to: StepOutcome::Done
            },
            ..
        }
    )));
    assert!(all.iter().any(|e| matches!(
        e,
        Event::Deviation {
            kind: DeviationKind::Skipped,
            ..
        }
    )));
    assert!(all.iter().any(|e| matches!(
        e,
        Event::Deviation {
            kind: DeviationKind::PrerequisitesWaived,
            ..
        }
    )));
    assert!(all.iter().any(|e| matches!(e, Event::StepFinished { why, .. } if matches!(why.cause, Some(StepCause::CommandFailed { .. })))));
    // And no sentence the older versions wrote.
    let raw: String = [demo.data.path(), other.data.path()]
        .iter()
        .flat_map(|d| store::list(d).unwrap())
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_no_words(
        &raw,
        &[
            "\"what\"",
            "(overridden)",
            "exited with",
            "ended by the operator",
            "prerequisites unconfirmed",
            "rehearsal:",
            "stopped:",
        ],
        "journal",
    );
}
