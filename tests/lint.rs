//! Procedures that load but warn: `tests/lint/RULE.toml` triggers exactly
//! the lint rule RULE. `pasos check RULE.toml` (run from `tests/lint`)
//! prints `RULE.expected` and exits 0; with `--strict` it exits 1.
//!
//! Regenerate the expectations after reading the new output:
//! `PASOS_BLESS=1 cargo test --test lint`.

mod common;

use common::{check_golden, codes, fixture_dir, fixtures, pasos_in, report};

/// Warnings that exist but that `pasos check --rules` does not list.
const UNLISTED_RULES: &[&str] = &[];

/// Rules that need the history, so a lone file cannot trigger them: their
/// tests write a history first (tests/catalog_lint.rs).
const HISTORY_RULES: &[&str] = &["version-not-bumped"];

fn listed_rules() -> Vec<String> {
    let out = pasos_in(&fixture_dir("lint"), &["check", "--rules"]);
    assert_eq!(out.code, 0, "check --rules failed: {}", out.stderr);
    out.stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_rule_has_a_fixture_and_every_fixture_a_rule() {
    let dir = fixture_dir("lint");
    let stems = fixtures(&dir);
    let rules = listed_rules();
    assert!(rules.len() >= 10, "check --rules lists only {rules:?}");
    let uncovered: Vec<_> = rules
        .iter()
        .filter(|r| !stems.contains(r) && !HISTORY_RULES.contains(&r.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "lint rules without a fixture in tests/lint: {uncovered:?}"
    );
    let strays: Vec<_> = stems
        .iter()
        .filter(|s| !rules.contains(s) && !UNLISTED_RULES.contains(&s.as_str()))
        .collect();
    assert!(
        strays.is_empty(),
        "fixtures named after no rule: {strays:?}"
    );
    let expected = common::files_with_extension(&dir, "expected");
    let orphans: Vec<_> = expected.iter().filter(|e| !stems.contains(e)).collect();
    assert!(
        orphans.is_empty(),
        ".expected files without a .toml: {orphans:?}"
    );
}

#[test]
fn each_fixture_warns_with_its_rule_and_passes_without_strict() {
    let dir = fixture_dir("lint");
    let mut failures = Vec::new();
    for stem in fixtures(&dir) {
        let file = format!("{stem}.toml");
        let out = pasos_in(&dir, &["check", &file]);
        if out.code != 0 {
            failures.push(format!(
                "{file}: exit code {} without --strict (expected 0)\n{}",
                out.code, out.stdout
            ));
        }
        let found = codes(&out.stdout);
        let only_its_rule = vec![("warning".to_string(), stem.clone())];
        if found != only_its_rule {
            failures.push(format!(
                "{file}: expected exactly one warning[{stem}], got {found:?}\n{}",
                out.stdout
            ));
        }
        if !out.stdout.contains(&format!("{file}: ok with 1 warning")) {
            failures.push(format!(
                "{file}: no `ok with 1 warning` summary:\n{}",
                out.stdout
            ));
        }
        if let Some(problem) = check_golden(&dir, &stem, &out.stdout) {
            failures.push(problem);
        }
    }
    report("lint", failures);
}

#[test]
fn each_fixture_fails_with_strict() {
    let dir = fixture_dir("lint");
    let mut failures = Vec::new();
    for stem in fixtures(&dir) {
        let file = format!("{stem}.toml");
        let out = pasos_in(&dir, &["check", "--strict", &file]);
        if out.code != 1 {
            failures.push(format!(
                "{file}: exit code {} with --strict (expected 1)\n{}",
                out.code, out.stdout
            ));
        }
        if !out.stdout.contains(&format!("warning[{stem}]")) {
            failures.push(format!(
                "{file}: --strict output lacks warning[{stem}]:\n{}",
                out.stdout
            ));
        }
        if !out
            .stdout
            .ends_with(&format!("{file}: failed (--strict): 1 warning\n"))
        {
            failures.push(format!(
                "{file}: --strict does not end with `failed (--strict): 1 warning`:\n{}",
                out.stdout
            ));
        }
    }
    report("lint", failures);
}
