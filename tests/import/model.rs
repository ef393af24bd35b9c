//! The new procedure model through the real binary: alternatives become a
//! `choice`, conditional steps a `condition`, a cheat sheet `[[snippets]]`;
//! the TOML `pasos import` writes passes `pasos check`.

use assert_cmd::Command;
use predicates::prelude::*;

fn pasos() -> Command {
    Command::cargo_bin("pasos").expect("binary")
}

const ROLLBACK: &str = "# Revertir la tienda\n\n\
## Paso 1: Avisar\n\n```bash\n./avisar.sh\n```\n\n\
## Paso 2: Revertir la aplicación\n\n\
### Option A: Helm\n\n```bash\nhelm rollback tienda 0\n```\n\n\
### Option B: kubectl\n\n```bash\nkubectl rollout undo deployment/tienda\n```\n\n\
## Paso 3: Terminar conexiones (si es necesario)\n\n```bash\npsql -c 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity'\n```\n";

const CHEAT_SHEET: &str = "# Cheat sheet de la tienda\n\n\
## Logs\n\n```bash\ndocker compose logs -f app\n```\n\n\
## Limpieza\n\n```bash\ndocker compose down -v\n```\n";

fn import(dir: &std::path::Path, name: &str, md: &str) -> String {
    let src = dir.join(name);
    std::fs::write(&src, md).expect("write");
    let out = dir.join(format!("{name}.toml"));
    pasos()
        .args(["import", "--report", src.to_str().expect("path"), "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("passes `pasos check`"));
    pasos().arg("check").arg(&out).assert().success();
    std::fs::read_to_string(&out).expect("toml")
}

#[test]
fn alternatives_and_conditions_reach_the_toml_and_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = import(dir.path(), "revertir.md", ROLLBACK);
    assert!(
        toml.contains("choice = \"¿Cómo se hace «Revertir la aplicación»?\""),
        "{toml}"
    );
    assert!(
        toml.contains("{ id = \"a\", title = \"Option A: Helm\", steps = [\"2a\"] }"),
        "{toml}"
    );
    assert!(
        toml.contains("{ id = \"b\", title = \"Option B: kubectl\", steps = [\"2b\"] }"),
        "{toml}"
    );
    assert!(
        toml.contains("condition = \"¿Hay que hacer «Terminar conexiones (si es necesario)»?\""),
        "{toml}"
    );
    // --strict counts the choice and the condition as left to a human.
    pasos()
        .args(["import", "--strict"])
        .arg(dir.path().join("revertir.md"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("choices and conditions")
                .or(predicate::str::contains("--strict")),
        );
}

#[test]
fn a_cheat_sheet_becomes_snippets_that_never_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = import(dir.path(), "chuleta.md", CHEAT_SHEET);
    assert!(toml.contains("[[snippets]]\nid = \"logs\""), "{toml}");
    assert!(toml.contains("[[snippets]]\nid = \"limpieza\""), "{toml}");
    let loaded = pasos::procedure::load_str(&toml);
    let p = loaded.procedure.expect("loads");
    assert!(
        p.all_steps().all(|s| s.commands.is_empty()),
        "no step runs anything"
    );
    let runs: Vec<&str> = p
        .snippets
        .iter()
        .flat_map(|s| s.commands.iter().map(|c| c.run.as_str()))
        .collect();
    assert_eq!(
        runs,
        ["docker compose logs -f app", "docker compose down -v"]
    );
}
