//! Broken procedures: every `tests/invalid/X.toml` is rejected (exit 2) and
//! `pasos check X.toml`, run from `tests/invalid`, prints exactly
//! `X.expected`.
//!
//! Regenerate the expectations after reading the new output:
//! `PASOS_BLESS=1 cargo test --test invalid`.
//!
//! Files in [`PENDING`] show loader messages that are wrong or unclear
//! today. Their `.expected` is the output the loader *should* print (a
//! proposal written by hand; blessing never touches it). By default they
//! are only checked to be rejected with the expected diagnostic codes and
//! to still differ from the proposal, so fixing the loader makes the
//! default run say which entry to retire. `cargo test --test invalid --
//! --ignored` shows the remaining differences.

mod common;

use common::{
    check_golden, code_set, diff, fixture_dir, fixtures, pasos_in, read_expected, report,
};

/// Fixtures whose current output is not right yet, and why.
const PENDING: &[(&str, &str)] = &[];

fn is_pending(stem: &str) -> bool {
    PENDING.iter().any(|(p, _)| *p == stem)
}

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
    for (stem, why) in PENDING {
        assert!(
            tomls.iter().any(|t| t == stem),
            "PENDING names `{stem}` ({why}) but there is no {stem}.toml"
        );
    }
}

#[test]
fn every_invalid_file_prints_its_expected_output() {
    let dir = fixture_dir("invalid");
    let mut failures = Vec::new();
    for stem in fixtures(&dir).iter().filter(|s| !is_pending(s)) {
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

#[test]
fn pending_files_are_rejected_but_their_messages_still_need_work() {
    let dir = fixture_dir("invalid");
    let mut failures = Vec::new();
    for (stem, why) in PENDING {
        let file = format!("{stem}.toml");
        let out = pasos_in(&dir, &["check", &file]);
        let Some(proposal) = read_expected(&dir, stem) else {
            failures.push(format!(
                "{file}: pending ({why}) but {stem}.expected with the proposed output is missing"
            ));
            continue;
        };
        if out.code != 2 {
            failures.push(format!(
                "{file}: exit code {} (expected 2)\n{}",
                out.code, out.stdout
            ));
        }
        let missing: Vec<_> = code_set(&proposal)
            .difference(&code_set(&out.stdout))
            .cloned()
            .collect();
        if !missing.is_empty() {
            failures.push(format!(
                "{file}: does not report {missing:?} any more:\n{}",
                out.stdout
            ));
        }
        if out.stdout == proposal {
            failures.push(format!(
                "{file} now prints exactly its .expected: the loader was fixed, remove `{stem}` from PENDING"
            ));
        }
    }
    report("invalid", failures);
}

#[test]
#[ignore = "loader messages still to fix; see PENDING"]
fn pending_files_print_the_proposed_output() {
    let dir = fixture_dir("invalid");
    let mut failures = Vec::new();
    for (stem, why) in PENDING {
        let out = pasos_in(&dir, &["check", &format!("{stem}.toml")]);
        let proposal = read_expected(&dir, stem).unwrap_or_default();
        if out.stdout != proposal {
            failures.push(format!(
                "{stem}.toml ({why}):\n{}",
                diff(&proposal, &out.stdout)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
