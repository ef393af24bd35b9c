//! `pasos import`, `pasos import --report`, `pasos check FILE.md`.

use assert_cmd::Command;
use predicates::prelude::*;

fn fixture_path(name: &str) -> String {
    format!(
        "{}/tests/import/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn pasos() -> Command {
    Command::cargo_bin("pasos").expect("binary")
}

#[test]
fn import_writes_toml_to_stdout() {
    pasos()
        .args(["import", &fixture_path("plantilla.md")])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "[procedure]\nid = \"PROC-BACKEND-014\"",
        ))
        .stderr(predicate::str::contains("passes `pasos check`"));
}

#[test]
fn import_report_goes_to_stderr_with_stdout_toml() {
    pasos()
        .args(["import", "--report", &fixture_path("ventanas.md")])
        .assert()
        .success()
        .stdout(predicate::str::contains("[[phases.steps]]"))
        .stderr(predicate::str::contains("pasos import report: ventanas.md"))
        .stderr(predicate::str::contains("time window"));
}

#[test]
fn import_to_a_file_then_check_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fases.toml");
    pasos()
        .args([
            "import",
            &fixture_path("fases.md"),
            "-o",
            out.to_str().unwrap(),
            "--report",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("pasos import report: fases.md"));
    pasos()
        .args(["check", out.to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn check_accepts_markdown() {
    pasos()
        .args(["check", &fixture_path("lista_numerada.md")])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok"));
}

#[test]
fn check_says_positions_are_in_the_imported_toml() {
    // Warnings of an imported file point into the generated TOML.
    pasos()
        .args(["check", &fixture_path("chuleta.md")])
        .assert()
        .success()
        .stdout(predicate::str::contains("pasos import"));
}

#[test]
fn import_of_a_missing_file_is_bad_input() {
    pasos()
        .args(["import", "/nonexistent/x.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

/// The report speaks the operator's language, entries included; `--lang`
/// overrides the environment.
#[test]
fn import_report_entries_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plantilla.toml");
    let run = |extra: &[&str]| {
        let mut cmd = pasos();
        cmd.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "es_ES.UTF-8")
            .arg("import")
            .args(extra)
            .args([&fixture_path("plantilla.md"), "-o", out.to_str().unwrap()])
            .arg("--report");
        cmd.assert().success()
    };
    run(&[])
        .stdout(predicate::str::contains("informe de pasos import: plantilla.md"))
        .stdout(predicate::str::contains(
            "-> paso P1 commands: 2 comandos de un bloque de código\n",
        ))
        .stdout(predicate::str::contains(
            "[omitido] -> nada: separador\n",
        ))
        .stdout(predicate::str::contains(
            "[notas] -> notas del procedimiento: valor de `tipo` del front matter sin usar (`procedimiento`)\n",
        ))
        .stdout(predicate::str::contains("step P1").not());
    run(&["--lang", "en"])
        .stdout(predicate::str::contains(
            "pasos import report: plantilla.md",
        ))
        .stdout(predicate::str::contains(
            "-> step P1 commands: 2 from a code block\n",
        ))
        .stdout(predicate::str::contains(
            "[notes] -> procedure notes: front matter `tipo` value not used (`procedimiento`)\n",
        ));
}

/// A binary file (bytes with NULs, as an image or random data) is refused
/// with its position and exit 2, by `import` and by `check`, and nothing
/// is written; a UTF-16 runbook (NULs in every other byte) still imports.
#[test]
fn a_binary_file_is_refused_with_its_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("image.md");
    let mut bytes = b"# Looks like a title\n\x89PNG\r\n".to_vec();
    bytes.extend((0u8..=255).cycle().take(4096));
    std::fs::write(&bin, &bytes).expect("write");
    let out = dir.path().join("out.toml");
    pasos()
        .args(["import", "--lang", "en"])
        .arg(&bin)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("image.md:3:1: a NUL byte"))
        .stderr(predicate::str::contains("not a text runbook"));
    assert!(!out.exists(), "nothing written");
    pasos()
        .args(["import", "--lang", "es"])
        .arg(&bin)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("image.md:3:1: un byte NUL"));
    pasos()
        .arg("check")
        .arg(&bin)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("not-text").or(predicate::str::contains("NUL")));

    let utf16 = dir.path().join("utf16.md");
    let mut text = vec![0xFF, 0xFE];
    text.extend(
        "# Reinicio\n\n## Paso 1: Reiniciar\n\n```bash\nsystemctl restart app\n```\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(&utf16, text).expect("write");
    pasos()
        .arg("import")
        .arg(&utf16)
        .assert()
        .success()
        .stdout(predicate::str::contains("systemctl restart app"));
}
