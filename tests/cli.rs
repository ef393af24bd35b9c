//! The command line as people and scripts use it: exit codes, where the
//! messages go, JSON output, paths, completions and the commands that are
//! not available yet. Fixtures live in `tests/fixtures/`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn demo() -> PathBuf {
    root().join("procedures/demo.toml")
}

/// `pasos` with a clean, colourless environment, run from the fixtures
/// directory so the paths it prints are short.
fn pasos() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pasos"));
    cmd.current_dir(root().join("tests/fixtures"))
        .env("NO_COLOR", "1")
        .env_remove("PASOS_CONFIG_DIR")
        .env_remove("PASOS_DATA_DIR")
        .env_remove("RUST_BACKTRACE");
    cmd
}

fn json_of(output: &[u8]) -> Vec<Value> {
    let text = std::str::from_utf8(output).expect("JSON output is UTF-8");
    let doc: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    doc.as_array()
        .expect("the JSON document is an array of file reports")
        .clone()
}

// ---- check -----------------------------------------------------------------

#[test]
fn the_demo_passes_check_strict() {
    pasos()
        .args(["check", "--strict"])
        .arg(demo())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(": ok — PROC-DEMO-001"))
        .stdout(predicate::str::contains("warning[").not())
        .stderr("");
}

#[test]
fn the_full_fixture_passes_check_strict_without_warnings() {
    pasos()
        .args(["check", "--strict", "valid.toml"])
        .assert()
        .code(0)
        .stdout(
            "valid.toml: ok — PROC-BACKEND-001 `Despliegue de la API de pedidos a producción`: \
5 steps in 3 phases, 2 rollback steps, estimate 8-12m\n",
        );
}

#[test]
fn json_output_has_line_col_and_code_for_every_diagnostic() {
    let out = pasos()
        .args(["check", "--format", "json", "invalid.toml"])
        .assert()
        .code(2);
    let reports = json_of(&out.get_output().stdout);
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r["file"], "invalid.toml");
    assert_eq!(r["ok"], false);
    assert_eq!(r["errors"], 2);
    assert_eq!(r["warnings"], 0);
    let diags = r["diagnostics"].as_array().expect("diagnostics array");
    let found: Vec<(String, u64, u64, String)> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code is a string").to_string(),
                d["line"].as_u64().expect("line is a number"),
                d["col"].as_u64().expect("col is a number"),
                d["severity"]
                    .as_str()
                    .expect("severity is a string")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("unknown-key".to_string(), 3, 1, "error".to_string()),
            ("bad-duration".to_string(), 15, 12, "error".to_string()),
        ]
    );
    assert_eq!(
        diags[0]["snippet"],
        "titulo = \"Reinicio del worker de facturación\""
    );
    assert_eq!(diags[0]["hint"], "keys are in English: write `title`");
    assert!(diags[1]["message"].as_str().unwrap().contains("`5 min`"));
}

#[test]
fn json_output_for_a_valid_file_and_a_warning() {
    let out = pasos()
        .args(["check", "--format", "json", "valid.toml", "warns.toml"])
        .assert()
        .code(0);
    let reports = json_of(&out.get_output().stdout);
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["file"], "valid.toml");
    assert_eq!(reports[0]["ok"], true);
    assert_eq!(reports[0]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(
        reports[1]["ok"], true,
        "a warning does not fail without --strict"
    );
    assert_eq!(reports[1]["warnings"], 1);
    assert_eq!(reports[1]["diagnostics"][0]["severity"], "warning");
    assert_eq!(reports[1]["diagnostics"][0]["code"], "no-expected-result");

    let strict = pasos()
        .args([
            "check",
            "--strict",
            "--format",
            "json",
            "valid.toml",
            "warns.toml",
        ])
        .assert()
        .code(1);
    let reports = json_of(&strict.get_output().stdout);
    assert_eq!(reports[0]["ok"], true);
    assert_eq!(reports[1]["ok"], false, "a warning fails under --strict");
}

#[test]
fn json_output_reports_unreadable_files_without_a_position() {
    let out = pasos()
        .args([
            "check",
            "--format",
            "json",
            "valid.toml",
            "no-such-file.toml",
        ])
        .assert()
        .code(2);
    let reports = json_of(&out.get_output().stdout);
    assert_eq!(reports.len(), 2);
    let d = &reports[1]["diagnostics"][0];
    assert_eq!(reports[1]["file"], "no-such-file.toml");
    assert_eq!(d["code"], "unreadable");
    assert!(d["line"].is_null() && d["col"].is_null());
}

#[test]
fn several_files_are_all_reported_and_the_exit_code_is_the_worst() {
    pasos()
        .args(["check", "valid.toml", "invalid.toml", "warns.toml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "valid.toml: ok — PROC-BACKEND-001",
        ))
        .stdout(predicate::str::contains(
            "invalid.toml: 2 errors, 0 warnings",
        ))
        .stdout(predicate::str::contains("warns.toml: ok with 1 warning"))
        .stdout(predicate::str::ends_with(
            "\nchecked 3 files: 2 passed, 1 did not\n",
        ));

    // Warnings only: fine without --strict, exit 1 with it.
    pasos()
        .args(["check", "valid.toml", "warns.toml"])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            "checked 2 files: 2 passed, 0 did not\n",
        ));
    pasos()
        .args(["check", "--strict", "warns.toml", "valid.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with(
            "checked 2 files: 1 passed, 1 did not\n",
        ));

    // An error anywhere wins over warnings, whatever the order.
    pasos()
        .args(["check", "--strict", "invalid.toml", "warns.toml"])
        .assert()
        .code(2);
    pasos()
        .args(["check", "--strict", "warns.toml", "invalid.toml"])
        .assert()
        .code(2);
}

#[test]
fn a_missing_file_is_exit_2_with_a_clear_message_and_the_others_are_still_checked() {
    pasos()
        .args(["check", "no-such-file.toml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "error[unreadable]: cannot read no-such-file.toml",
        ))
        .stdout(predicate::str::contains("it does not exist"));
    pasos()
        .args(["check", "no-such-file.toml", "valid.toml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("valid.toml: ok"))
        .stdout(predicate::str::contains(
            "checked 2 files: 1 passed, 1 did not",
        ));
}

#[test]
fn a_directory_is_not_a_procedure() {
    pasos()
        .args(["check", "."])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("error[unreadable]: cannot read ."));
}

#[test]
fn a_markdown_runbook_is_imported_and_checked() {
    pasos()
        .args(["check", "runbook.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "runbook.md: ok with 2 warnings — PROC-BACKEND-004",
        ));
    pasos()
        .args(["check", "--strict", "runbook.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("warning[missing-estimate]"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(fixture("valid.toml")).unwrap());
    std::fs::write(dir.path().join("bom.toml"), bytes).unwrap();
    pasos()
        .current_dir(dir.path())
        .args(["check", "--strict", "bom.toml"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "bom.toml: ok — PROC-BACKEND-001",
        ));
}

#[test]
fn output_has_no_colour_when_piped() {
    let out = pasos()
        .env_remove("NO_COLOR")
        .args(["check", "invalid.toml"])
        .assert()
        .code(2);
    assert!(
        !out.get_output().stdout.contains(&0x1b),
        "ANSI escapes in piped output"
    );
}

#[test]
fn rules_lists_every_rule_with_a_description() {
    let out = pasos().args(["check", "--rules"]).assert().code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 10, "{text}");
    for rule in [
        "critical-without-rollback",
        "no-expected-result",
        "missing-estimate",
        "inline-credential",
        "unreachable-decision",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(rule)),
            "{rule} missing from:\n{text}"
        );
    }
    for line in lines {
        let (name, what) = line.split_once(' ').expect("name and description");
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "odd rule name {name:?}"
        );
        assert!(!what.trim().is_empty(), "rule {name} has no description");
    }
}

#[test]
fn check_without_files_is_a_usage_error() {
    pasos()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FILE"));
}

// ---- global flags and small commands -------------------------------------

#[test]
fn version_and_help() {
    pasos()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("pasos {}\n", env!("CARGO_PKG_VERSION")));
    pasos()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Usage: pasos"))
        .stdout(predicate::str::contains("check"))
        .stdout(predicate::str::contains("completions"))
        .stdout(predicate::str::contains("Exit codes:"));
    pasos()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--strict"))
        .stdout(predicate::str::contains("--format"))
        .stdout(predicate::str::contains("--rules"));
}

#[test]
fn unknown_subcommands_and_flags_are_usage_errors() {
    pasos()
        .arg("desplegar")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("desplegar"));
    pasos()
        .args(["check", "--estricto", "valid.toml"])
        .assert()
        .code(2);
    pasos()
        .args(["check", "--format", "yaml", "valid.toml"])
        .assert()
        .code(2);
}

#[test]
fn completions_print_a_script() {
    pasos()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("_clap_complete_pasos()"))
        .stdout(predicate::str::contains("-F _clap_complete_pasos pasos"))
        .stdout(predicate::str::contains("PASOS_COMPLETE=\"bash\""));
    pasos()
        .args(["completions", "zsh"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("#compdef pasos"));
    pasos().args(["completions", "cmd.exe"]).assert().code(2);
}

#[test]
fn paths_honour_the_environment() {
    pasos()
        .env("PASOS_CONFIG_DIR", "/srv/pasos/config")
        .env("PASOS_DATA_DIR", "/srv/pasos/data")
        .arg("paths")
        .assert()
        .code(0)
        .stdout("config: /srv/pasos/config\ndata:   /srv/pasos/data\n");
}

#[test]
fn data_dir_flag_wins_over_the_environment() {
    pasos()
        .env("PASOS_CONFIG_DIR", "/srv/pasos/config")
        .env("PASOS_DATA_DIR", "/srv/pasos/data")
        .args(["--data-dir", "/mnt/equipo/pasos", "paths"])
        .assert()
        .code(0)
        .stdout("config: /srv/pasos/config\ndata:   /mnt/equipo/pasos\n");
    // The flag is global: it may follow the subcommand too.
    pasos()
        .env("PASOS_CONFIG_DIR", "/srv/pasos/config")
        .args([
            "paths",
            "--data-dir",
            "/mnt/equipo/pasos",
            "--config-dir",
            "/etc/pasos",
        ])
        .assert()
        .code(0)
        .stdout("config: /etc/pasos\ndata:   /mnt/equipo/pasos\n");
}

#[test]
fn paths_fall_back_to_the_home_directory() {
    let home = tempfile::tempdir().unwrap();
    let out = pasos()
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .args(["--data-dir", "/mnt/equipo/pasos", "paths"])
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let config = text
        .lines()
        .next()
        .unwrap()
        .strip_prefix("config: ")
        .unwrap();
    assert!(
        config.starts_with(home.path().to_str().unwrap()),
        "config dir {config} is not under HOME"
    );
    assert!(text.ends_with("data:   /mnt/equipo/pasos\n"), "{text}");
}

/// `PASOS_DATA_DIR=` (set but empty) counts as unset, as `Paths::resolve`
/// intends. (Read by clap's `env`, it made every command fail with "a value
/// is required for '--data-dir <DIR>'".)
#[test]
fn an_empty_environment_variable_counts_as_unset() {
    pasos()
        .env("PASOS_DATA_DIR", "")
        .arg("check")
        .arg(demo())
        .assert()
        .code(0);
    let home = tempfile::tempdir().unwrap();
    let out = pasos()
        .env("HOME", home.path())
        .env("PASOS_DATA_DIR", "")
        .env("PASOS_CONFIG_DIR", "/srv/pasos/config")
        .arg("paths")
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let data = text
        .lines()
        .nth(1)
        .unwrap()
        .strip_prefix("data:   ")
        .unwrap();
    assert!(data.starts_with(home.path().to_str().unwrap()), "{text}");
}

// ---- run and the commands still to come ----------------------------------

#[test]
fn run_on_an_invalid_file_prints_the_errors_to_stderr_and_exits_2() {
    pasos()
        .args(["run", "invalid.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error[unknown-key]: unknown key `titulo` in [procedure]",
        ))
        .stderr(predicate::str::contains(" --> invalid.toml:3:1"))
        .stderr(predicate::str::contains("error[bad-duration]"))
        .stderr(predicate::str::contains(
            "invalid.toml has 2 errors; fix them",
        ));
}

#[test]
fn run_on_a_missing_file_exits_2() {
    pasos()
        .args(["run", "no-such-file.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no-such-file.toml"));
}

/// `pasos check *.toml | head` must not end in a panic and a backtrace.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    // Enough output (about 3 KB a file) to overflow any pipe buffer.
    let many = vec![root().join("tests/invalid/several-errors.toml"); 200];
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pasos"))
        .arg("check")
        .args(&many)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pasos starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("pasos ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Runbooks arrive as `.txt` or without an extension: Markdown content is
/// imported, TOML content (even opening with a `#` comment) is loaded.
#[test]
fn the_content_decides_when_the_extension_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("runbook.txt");
    std::fs::write(
        &md,
        "# PROC-X-001: Reinicio\n\n### Paso 1: Reiniciar\n```bash\nsystemctl restart api\n```\n",
    )
    .unwrap();
    pasos()
        .args(["check"])
        .arg(&md)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "PROC-X-001 `Reinicio`: 1 step in 1 phase",
        ));
    let toml = dir.path().join("procedimiento");
    std::fs::write(
        &toml,
        std::fs::read(root().join("procedures/demo.toml")).unwrap(),
    )
    .unwrap();
    pasos()
        .args(["check", "--strict"])
        .arg(&toml)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("PROC-DEMO-001"));
}
