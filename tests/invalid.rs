//! Broken procedures: every `tests/invalid/X.toml` is rejected (exit 2) and
//! `pasos check X.toml`, run from `tests/invalid`, prints exactly
//! `X.expected`.
//!
//! Regenerate the expectations after reading the new output:
//! `PASOS_BLESS=1 cargo test --test invalid`.

mod common;

use common::{check_golden, fixture_dir, fixtures, pasos_in, report};

#[test]
fn the_fixture_set_is_complete() {
    let dir = fixture_dir("invalid");
    let tomls = fixtures(&dir);
    assert!(tomls.len() >= 24, "only {} invalid fixtures", tomls.len());
    let expected = common::files_with_extension(&dir, "expected");
    if !common::blessing() {
        let missing: Vec<_> = tomls.iter().filter(|t| !expected.contains(t)).collect();
        assert!(
            missing.is_empty(),
            "fixtures without .expected: {missing:?} (PASOS_BLESS=1 creates them)"
        );
    }
    let orphans: Vec<_> = expected.iter().filter(|e| !tomls.contains(e)).collect();
    assert!(
        orphans.is_empty(),
        ".expected files without a .toml: {orphans:?}"
    );
}

#[test]
fn every_invalid_file_prints_its_expected_output() {
    let dir = fixture_dir("invalid");
    let mut failures = Vec::new();
    for stem in fixtures(&dir).iter() {
        let file = format!("{stem}.toml");
        let out = pasos_in(&dir, &["check", &file]);
        if out.code != 2 {
            failures.push(format!(
                "{file}: exit code {} (expected 2)\n{}",
                out.code, out.stdout
            ));
        }
        if !out.stderr.is_empty() {
            failures.push(format!("{file}: unexpected stderr: {}", out.stderr));
        }
        if !out.stdout.contains("error[") {
            failures.push(format!("{file}: no error reported:\n{}", out.stdout));
        }
        if let Some(problem) = check_golden(&dir, stem, &out.stdout) {
            failures.push(problem);
        }
    }
    report("invalid", failures);
}
