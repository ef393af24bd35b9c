//! Helpers shared by several test binaries: golden files (`tests/invalid.rs`,
//! `tests/lint.rs`) and the text of a rendered screen (`tests/tui_snapshots.rs`,
//! `tests/review_browser.rs`).
//!
//! Golden files: each `DIR/X.toml` has a `DIR/X.expected` holding the
//! exact stdout of `pasos check X.toml` run from `DIR` (so the paths it
//! prints are just `X.toml`). `PASOS_BLESS=1` rewrites the `.expected`
//! files from the current output instead of comparing, except for the
//! files listed as pending: their `.expected` holds the output the loader
//! *should* print, written by hand, and blessing never overwrites it.

#![allow(dead_code)] // each test binary uses a different subset

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the binary produced.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The directory of a fixture set, e.g. `tests/invalid`.
pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// Every `*.toml` in `dir`, as file stems, sorted.
pub fn fixtures(dir: &Path) -> Vec<String> {
    files_with_extension(dir, "toml")
}

pub fn files_with_extension(dir: &Path, ext: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// Runs `pasos ARGS...` in `dir` with a fixed, colourless, English
/// environment so the output does not depend on who runs the tests.
/// Today is pinned (the `review-due` lint counts from it) and the history
/// is an empty directory of its own (`version-not-bumped` reads it), unless
/// the caller names one with `--data-dir`.
pub fn pasos_in(dir: &Path, args: &[&str]) -> Output {
    let history = tempfile::tempdir().expect("a temporary data dir");
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(args)
        .current_dir(dir)
        .env("PASOS_TODAY", "2026-12-06")
        .env("PASOS_DATA_DIR", history.path())
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the pasos binary runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn blessing() -> bool {
    std::env::var_os("PASOS_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

pub fn expected_path(dir: &Path, stem: &str) -> PathBuf {
    dir.join(format!("{stem}.expected"))
}

pub fn read_expected(dir: &Path, stem: &str) -> Option<String> {
    std::fs::read_to_string(expected_path(dir, stem)).ok()
}

/// Compares `actual` with `X.expected`, or writes it when blessing.
/// Returns a description of the mismatch, if any.
pub fn check_golden(dir: &Path, stem: &str, actual: &str) -> Option<String> {
    if blessing() {
        std::fs::write(expected_path(dir, stem), actual).expect("write .expected");
        return None;
    }
    match read_expected(dir, stem) {
        None => Some(format!(
            "{stem}.expected is missing (create it with PASOS_BLESS=1 and read it before committing)"
        )),
        Some(expected) if expected == actual => None,
        Some(expected) => Some(format!(
            "{stem}.toml: stdout differs from {stem}.expected\n{}",
            diff(&expected, actual)
        )),
    }
}

/// A small line diff: `-` expected, `+` actual, around the lines that differ.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x == y {
            continue;
        }
        if let Some(x) = x {
            let _ = writeln!(out, "  line {:>3} - {x}", i + 1);
        }
        if let Some(y) = y {
            let _ = writeln!(out, "  line {:>3} + {y}", i + 1);
        }
    }
    if out.is_empty() {
        out.push_str("  (the texts differ only in their final newline)\n");
    }
    out
}

/// The diagnostic codes in a `pasos check` human output, e.g.
/// `error[unknown-key]` gives `("error", "unknown-key")`.
pub fn codes(output: &str) -> Vec<(String, String)> {
    output
        .lines()
        .filter_map(|line| {
            let (severity, rest) = line.split_once('[')?;
            if severity != "error" && severity != "warning" {
                return None;
            }
            let (code, tail) = rest.split_once(']')?;
            tail.starts_with(':')
                .then(|| (severity.to_string(), code.to_string()))
        })
        .collect()
}

/// Panics with every collected failure, if there is one.
pub fn report(test: &str, failures: Vec<String>) {
    if !failures.is_empty() {
        panic!(
            "{} fixture(s) failed:\n\n{}\nIf the new output is right (read it first!), accept it with: \
PASOS_BLESS=1 cargo test --test {test}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// A rendered TestBackend buffer as text: one line per row, trailing
/// blanks trimmed.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Whether an external tool a test needs is here. When it is missing the
/// test should return early: this prints a visible notice, unless
/// `PASOS_REQUIRE_TOOLS` is set (as `.ci/run` does), where a missing tool is
/// a failure so that CI never skips silently.
pub fn tool_available(test: &str, tool: &str) -> bool {
    let found = if tool.contains('/') {
        Path::new(tool).exists()
    } else {
        std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
            .unwrap_or(false)
    };
    if found {
        return true;
    }
    if std::env::var_os("PASOS_REQUIRE_TOOLS").is_some() {
        panic!("{test}: {tool} is required (PASOS_REQUIRE_TOOLS is set) but not installed");
    }
    eprintln!("SKIP {test}: {tool} is not installed (.ci/run installs it)");
    false
}
