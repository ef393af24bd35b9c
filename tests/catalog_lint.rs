//! The lint rules of `pasos check` that look beyond the file, through the
//! real binary: `version-not-bumped` against a history whose last run
//! recorded the procedure's steps, and `review-due` on a pinned date.

#[path = "support/journal_gen.rs"]
mod journal_gen;

use journal_gen::{Journal, RunSpec, profile, utc};
use pasos::journal::RunOutcome;
use std::path::Path;
use std::process::Command;

/// A procedure with these forward steps (one phase) and rollback steps.
fn procedure(version: &str, steps: &[&str], rollback: &[&str], extra_meta: &str) -> String {
    let mut s = format!(
        "[procedure]\nid = \"PROC-BACKEND-070\"\ntitle = \"Despliegue de pagos\"\ncriticality = \"media\"\nversion = \"{version}\"\nestimate = \"{}m\"\n{extra_meta}\n[[phases]]\nid = \"main\"\nkind = \"execution\"\n",
        steps.len()
    );
    for id in steps {
        s.push_str(&format!(
            "\n[[phases.steps]]\nid = \"{id}\"\ntitle = \"Paso {id}\"\nestimate = \"1m\"\ncommands = [\"echo {id}\"]\nexpected = \"{id}\"\n"
        ));
    }
    if !rollback.is_empty() {
        s.push_str("\n[rollback]\n");
        for id in rollback {
            s.push_str(&format!(
                "\n[[rollback.steps]]\nid = \"{id}\"\ntitle = \"Deshacer {id}\"\nestimate = \"1m\"\ncommands = [\"echo {id}\"]\nexpected = \"{id}\"\n"
            ));
        }
    }
    s
}

/// A finished run of version 1.4.2 that recorded steps 1, 2, 3 and R1.
fn history(data: &Path) -> String {
    let plan = [
        ("1", "main", Some("1m")),
        ("2", "main", Some("1m")),
        ("3", "main", Some("1m")),
        ("R1", "rollback", Some("1m")),
    ];
    let spec = RunSpec::new("PROC-BACKEND-070", "1.4.2", profile(false, &plan));
    let start = utc(2026, 11, 2, 10, 0, 0);
    let mut j = Journal::start(data, start, &spec);
    j.done("1", 60_000).done("2", 60_000).done("3", 60_000);
    j.finish(RunOutcome::Success, start);
    j.write();
    j.run_id.clone()
}

fn check(dir: &Path, data: &Path, text: &str) -> (i32, String) {
    let file = dir.join("proc.toml");
    std::fs::write(&file, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["check", "--data-dir"])
        .arg(data)
        .arg(&file)
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env("PASOS_TODAY", "2026-12-01")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn version_not_bumped_compares_with_the_last_runs_profile() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = history(&data);

    // Same steps: any version is fine.
    let (code, out) = check(
        dir.path(),
        &data,
        &procedure("1.4.2", &["1", "2", "3"], &["R1"], ""),
    );
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("version-not-bumped"), "{out}");

    // Step 3 removed, 4 added, only PATCH bumped: MAJOR was needed.
    let (code, out) = check(
        dir.path(),
        &data,
        &procedure("1.4.3", &["1", "2", "4"], &["R1"], ""),
    );
    assert_eq!(code, 0, "warnings do not fail without --strict: {out}");
    assert!(out.contains("warning[version-not-bumped]"), "{out}");
    assert!(
        out.contains(&format!("since run {run} of version 1.4.2")),
        "{out}"
    );
    assert!(out.contains("removed `3`, added `4`"), "{out}");
    assert!(out.contains("set `version = \"2.0.0\"`"), "{out}");
    // The caret points at the `version` key (line 5).
    assert!(out.contains("proc.toml:5:1"), "{out}");

    // A step added (not optional): MINOR is not enough either.
    let (_, out) = check(
        dir.path(),
        &data,
        &procedure("1.5.0", &["1", "2", "3", "4"], &["R1"], ""),
    );
    assert!(out.contains("warning[version-not-bumped]"), "{out}");
    assert!(out.contains("added `4`"), "{out}");

    // Only an optional step added (asked before it runs): MINOR is enough.
    let conditional = procedure("1.4.3", &["1", "2", "3", "4"], &["R1"], "").replace(
        "id = \"4\"\n",
        "id = \"4\"\ncondition = \"¿Hay réplicas de lectura?\"\n",
    );
    let (_, out) = check(dir.path(), &data, &conditional);
    assert!(out.contains("but the MINOR version did not"), "{out}");
    assert!(out.contains("set `version = \"1.5.0\"`"), "{out}");
    let (_, out) = check(dir.path(), &data, &conditional.replace("1.4.3", "1.5.0"));
    assert!(!out.contains("version-not-bumped"), "{out}");

    // Reordered steps change the path: MAJOR.
    let (_, out) = check(
        dir.path(),
        &data,
        &procedure("1.9.0", &["2", "1", "3"], &["R1"], ""),
    );
    assert!(out.contains("reordered"), "{out}");

    // A rollback step removed counts too.
    let (_, out) = check(
        dir.path(),
        &data,
        &procedure("1.4.2", &["1", "2", "3"], &[], ""),
    );
    assert!(out.contains("removed `R1`"), "{out}");

    // MAJOR bumped: quiet.
    let (code, out) = check(
        dir.path(),
        &data,
        &procedure("2.0.0", &["1", "2", "4"], &["R1"], ""),
    );
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("version-not-bumped"), "{out}");

    // `allow` switches it off, like every rule.
    let (_, out) = check(
        dir.path(),
        &data,
        &procedure(
            "1.4.3",
            &["1", "2", "4"],
            &["R1"],
            "allow = [\"version-not-bumped\"]\n",
        ),
    );
    assert!(!out.contains("version-not-bumped"), "{out}");

    // Without a history the rule has nothing to compare with.
    let empty = dir.path().join("empty");
    let (code, out) = check(
        dir.path(),
        &empty,
        &procedure("1.4.3", &["1", "2", "4"], &["R1"], ""),
    );
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("version-not-bumped"), "{out}");
}

#[test]
fn review_due_follows_the_cadence_of_the_frequency() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let steps = ["1"];
    // Weekly: every 3 months. Updated 2026-09-01 is due 2026-12-01: not yet.
    let weekly = |updated: &str| {
        procedure(
            "1.0.0",
            &steps,
            &[],
            &format!("frequency = \"semanal\"\nupdated = {updated}\n"),
        )
    };
    let (_, out) = check(dir.path(), &data, &weekly("2026-09-01"));
    assert!(!out.contains("review-due"), "{out}");
    let (code, out) = check(dir.path(), &data, &weekly("2026-08-31"));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[review-due]"), "{out}");
    assert!(out.contains("the review was due on 2026-11-30"), "{out}");
    assert!(out.contains("reviewed every 3 months"), "{out}");
    // Monthly: 6 months; on demand: 12.
    let monthly = procedure(
        "1.0.0",
        &steps,
        &[],
        "frequency = \"mensual\"\nupdated = 2026-06-15\n",
    );
    assert!(!check(dir.path(), &data, &monthly).1.contains("review-due"));
    let on_demand = procedure(
        "1.0.0",
        &steps,
        &[],
        "frequency = \"on-demand\"\nupdated = 2025-11-30\n",
    );
    let (_, out) = check(dir.path(), &data, &on_demand);
    assert!(out.contains("reviewed every 12 months"), "{out}");
    // No `updated`: nothing to measure from (the catalog shows it as due).
    let (_, out) = check(dir.path(), &data, &procedure("1.0.0", &steps, &[], ""));
    assert!(!out.contains("review-due"), "{out}");
}
