//! `pasos keymap check`: a map that leaves an essential action (run a
//! step, quit, help, leave the shell, answer a dialog…) with no key is an
//! error, exit 2, naming the action and how to bind it.

use assert_cmd::Command;
use std::path::Path;

fn check(file: &Path, lang: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["keymap", "check"])
        .arg(file)
        .env("NO_COLOR", "1")
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn map(text: &str) -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::fs::write(f.path(), text).unwrap();
    f
}

#[test]
fn unbinding_run_step_quit_and_help_is_an_error() {
    let f = map(
        "[checklist]\n\"enter\" = \"none\"\n\"q\" = \"none\"\n\"ctrl-c\" = \"none\"\n\"?\" = \"none\"\n",
    );
    let (code, out) = check(f.path(), "en_US.UTF-8");
    assert_eq!(code, 2, "{out}");
    for part in [
        "`run-step` has no key in [checklist]",
        "\"enter\" = \"run-step\"",
        "`quit` has no key in [checklist]",
        "`help` has no key in [checklist]",
        "3 essential actions left without a key",
    ] {
        assert!(out.contains(part), "missing {part:?} in:\n{out}");
    }
    assert!(!out.contains(": ok"), "{out}");
    let (code, out) = check(f.path(), "es_ES.UTF-8");
    assert_eq!(code, 2);
    assert!(
        out.contains("`run-step` no tiene tecla en [checklist]"),
        "{out}"
    );
    assert!(
        out.contains("3 acciones esenciales se quedan sin tecla"),
        "{out}"
    );
}

#[test]
fn a_shell_with_no_way_out_is_an_error() {
    let f = map("[shell]\n\"ctrl-g\" = \"none\"\n");
    let (code, out) = check(f.path(), "en_US.UTF-8");
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("`leave-shell` has no key in [shell]"), "{out}");
    assert!(
        out.contains("1 essential action left without a key"),
        "{out}"
    );
}

#[test]
fn moving_an_essential_to_another_key_is_fine() {
    let f = map("[checklist]\n\"enter\" = \"none\"\n\"x\" = \"run-step\"\n");
    let (code, out) = check(f.path(), "en_US.UTF-8");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(": ok"), "{out}");
}

#[test]
fn the_shipped_maps_pass() {
    for name in ["default", "vim", "emacs"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("keymaps/{name}.toml"));
        let (code, out) = check(&path, "en_US.UTF-8");
        assert_eq!(code, 0, "{name}: {out}");
    }
}
