//! Every history output a person reads, in Spanish and in English, through
//! the real binary: `log list`, `log show`, `log verify`, the `kpi` table,
//! `report` and `export --run` (txt), over a real demo run with a
//! deviation, a note, a skip and a rollback. Each output must not hold
//! words of the other language; the allow-list is what neither language
//! owns: the procedure's own text (procedures/demo.toml, English), the
//! operator's words (Spanish), commands, ids and the glossary's kept terms.

use assert_cmd::Command;
use pasos::journal::store;
use std::path::Path;

const NOTE: &str = "arrancamos con el equipo de guardia";
const OVERRIDE: &str = "migración hecha a mano con el DBA";
const SKIP: &str = "no aplica en este entorno";
const ROLLBACK: &str = "el smoke test no se puede completar";

/// Words only English output would hold (none is in demo.toml).
const ENGLISH: &[&str] = &[
    "skipped",
    "overridden",
    "exited with",
    "Reason",
    "Deviation",
    "started again",
    "Run started",
    "Run finished",
    "Run resumed",
    " events",
    "verified",
    "Duration",
    "executions",
    "success",
    "rolled back",
    "Notes",
    "Outcome",
    "Operator",
    "paused",
    "Undo step",
    "interrupted",
    "journal",
];

/// Words only Spanish output would hold (none is in demo.toml, nor in the
/// operator's words above).
const SPANISH: &[&str] = &[
    "Desviación",
    "Motivo",
    "saltado",
    "forzado",
    "salió con",
    "ejecuciones",
    "Resultado",
    "Duración",
    "Inicio de",
    "verificada",
    "eventos",
    "Operador",
    "revertida",
    "REVERTIDA",
    "Notas",
    "Pasos",
    "bitácora",
];

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

fn demo_run(data: &Path, work: &Path) -> String {
    let stdin = format!(
        "y\nn\n{NOTE}\n\n\n\n\n\n3\n\no\n{OVERRIDE}\ns\n{SKIP}\nb\n{ROLLBACK}\n{}",
        "\n".repeat(8)
    );
    pasos(data, "en_US.UTF-8")
        .arg("run")
        .arg(format!("--var=WORKDIR={}", work.join("demo").display()))
        .env("PASOS_VAR_NOTIFY_TOKEN", "tok-x-secret")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
        .write_stdin(stdin)
        .assert()
        .code(1);
    store::run_id_of(&store::list(data).unwrap()[0])
}

fn output(data: &Path, lang: &str, args: &[&str]) -> String {
    let a = pasos(data, lang).args(args).assert().success();
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

fn check(text: &str, words: &[&str], what: &str) -> Vec<String> {
    words
        .iter()
        .filter(|w| text.contains(*w))
        .map(|w| format!("{what}: `{w}`"))
        .collect()
}

#[test]
fn history_outputs_speak_one_language() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-test-")
        .tempdir_in("/tmp")
        .unwrap();
    let run = demo_run(data.path(), work.path());
    let commands: Vec<(&str, Vec<&str>)> = vec![
        ("log list", vec!["log", "list"]),
        ("log show", vec!["log", "show", &run]),
        ("log verify", vec!["log", "verify"]),
        ("kpi", vec!["kpi", "--format", "table"]),
        ("report", vec!["report", &run]),
        (
            "export txt",
            vec!["export", "--run", &run, "--format", "txt"],
        ),
    ];
    let mut leaks = Vec::new();
    for (name, args) in &commands {
        let es = output(data.path(), "es_ES.UTF-8", args);
        leaks.extend(check(&es, ENGLISH, &format!("{name} (es)")));
        let en = output(data.path(), "en_US.UTF-8", args);
        leaks.extend(check(&en, SPANISH, &format!("{name} (en)")));
    }
    assert!(
        leaks.is_empty(),
        "words of the other language:\n{}",
        leaks.join("\n")
    );
}
