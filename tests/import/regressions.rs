//! Regressions from the operator read of real runbooks (issue 16): an
//! intentional mojibake in correct UTF-8 is never "repaired", and a fence
//! nested inside another neither swallows the sections after it silently
//! nor turns the inner example into commands. Through the library and the
//! real binary.

use super::{assert_loads, import};
use assert_cmd::Command;
use pasos::i18n::Lang;
use predicates::prelude::*;

/// Correct UTF-8 (accents in the prose) whose command greps for the
/// mojibake form on purpose.
const INTENTIONAL: &str = "# Diagnóstico de codificación\n\n\
## Paso 1: Buscar texto roto\n\n\
Busca en los logs las líneas donde la aplicación escribió mal una é:\n\n\
```bash\ngrep -rn \"Ã©\" /var/log/app/ | head -n 20\n```\n\n\
## Paso 2: Contar\n\n```bash\ngrep -c 'Ã±' /var/log/app/app.log\n```\n";

#[test]
fn an_intentional_mojibake_in_a_command_is_kept_byte_for_byte() {
    let imported = import(INTENTIONAL.as_bytes(), "codificacion.md");
    assert_loads(&imported);
    let runs: Vec<&str> = imported
        .procedure
        .commands()
        .into_iter()
        .map(|c| c.run.as_str())
        .collect();
    assert!(
        runs.contains(&"grep -rn \"Ã©\" /var/log/app/ | head -n 20"),
        "{runs:?}"
    );
    assert!(
        runs.contains(&"grep -c 'Ã±' /var/log/app/app.log"),
        "{runs:?}"
    );
    assert!(imported.toml.contains("Diagnóstico de codificación"));
    assert_eq!(imported.report.totals.repaired_segments, 0);
    assert!(
        imported
            .report
            .render()
            .contains("encoding: UTF-8, nothing to repair"),
        "{}",
        imported.report.render()
    );
}

#[test]
fn the_binary_keeps_an_intentional_mojibake() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("codificacion.md");
    std::fs::write(&md, INTENTIONAL).expect("write");
    Command::cargo_bin("pasos")
        .expect("binary")
        .args(["import", "--report", md.to_str().expect("utf-8 path")])
        .assert()
        .success()
        .stdout(predicate::str::contains("grep -rn \"Ã©\" /var/log/app/"))
        .stdout(predicate::str::contains("grep -c 'Ã±'"))
        .stderr(predicate::str::contains("nothing to repair"))
        .stderr(predicate::str::contains("0 encoding segments repaired"))
        .stderr(predicate::str::contains(
            "encoding: UTF-8, nothing to repair",
        ));
}

/// The author shows a Markdown example holding a bash fence, with three
/// backticks on both: the inner fence closes the outer one, and the outer
/// closing line opens a block that would swallow the next step.
const NESTED_BADLY: &str = "# Publicar la guía\n\n\
## Paso 1: Escribir el README\n\n\
Copia este ejemplo en el README:\n\n\
```\n## Uso\n\n```bash\nmake install\n```\n```\n\n\
## Paso 2: Reiniciar el servicio\n\n\
```bash\nsystemctl restart guia\n```\n\n\
## Paso 3: Comprobar\n\n\
```bash\ncurl -fsS http://localhost:8080/health\n```\n";

#[test]
fn a_fence_nested_in_another_does_not_swallow_the_next_steps() {
    let imported = import(NESTED_BADLY.as_bytes(), "guia.md");
    assert_loads(&imported);
    let titles: Vec<&str> = imported
        .procedure
        .steps()
        .map(|s| s.title.as_str())
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("Reiniciar el servicio")),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("Comprobar")), "{titles:?}");
    let runs: Vec<&str> = imported
        .procedure
        .commands()
        .into_iter()
        .map(|c| c.run.as_str())
        .collect();
    assert!(runs.contains(&"systemctl restart guia"), "{runs:?}");
    assert!(
        runs.contains(&"curl -fsS http://localhost:8080/health"),
        "{runs:?}"
    );
    // The report says what happened and where.
    let report = imported.report.render();
    assert!(report.contains("never closed"), "{report}");
    assert!(
        imported
            .report
            .risks
            .demoted
            .iter()
            .any(|d| d.render(Lang::En).contains("unclosed code block")),
        "{:?}",
        imported.report.risks.demoted
    );
}

/// Nested the CommonMark way (a longer outer fence): nothing is
/// swallowed, nothing is reported, and the example stays text.
const NESTED_WELL: &str = "# Publicar la guía\n\n\
## Paso 1: Escribir el README\n\n\
Copia este ejemplo en el README:\n\n\
````markdown\n## Uso\n\n```bash\nmake install\n```\n````\n\n\
## Paso 2: Reiniciar el servicio\n\n\
```bash\nsystemctl restart guia\n```\n";

#[test]
fn a_correctly_nested_fence_stays_one_example() {
    let imported = import(NESTED_WELL.as_bytes(), "guia.md");
    assert_loads(&imported);
    let runs: Vec<&str> = imported
        .procedure
        .commands()
        .into_iter()
        .map(|c| c.run.as_str())
        .collect();
    assert_eq!(runs, ["systemctl restart guia"], "{}", imported.toml);
    assert!(!imported.report.render().contains("never closed"));
    assert!(
        imported.toml.contains("make install"),
        "the example is kept"
    );
}

#[test]
fn the_binary_reports_a_swallowing_fence_and_strict_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("guia.md");
    std::fs::write(&md, NESTED_BADLY).expect("write");
    let path = md.to_str().expect("utf-8 path");
    Command::cargo_bin("pasos")
        .expect("binary")
        .args(["import", "--report", path])
        .assert()
        .success()
        .stdout(predicate::str::contains("systemctl restart guia"))
        .stderr(predicate::str::contains("never closed"));
    Command::cargo_bin("pasos")
        .expect("binary")
        .args(["import", "--strict", path])
        .assert()
        .code(1);
    let well = dir.path().join("bien.md");
    std::fs::write(&well, NESTED_WELL).expect("write");
    Command::cargo_bin("pasos")
        .expect("binary")
        .args(["import", "--report", well.to_str().expect("utf-8 path")])
        .assert()
        .success()
        .stderr(predicate::str::contains("never closed").not());
}
