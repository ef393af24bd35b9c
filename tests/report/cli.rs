//! `pasos report` end to end: a real run of the demo procedure driven on
//! stdin, then its report; the output file; bad input; a tampered journal;
//! runs that did not finish.

use super::golden::{report, stdout, tables};
use super::journals::{Gen, operator, profile, started};
use super::scenarios;
use assert_cmd::Command;
use pasos::journal::{Event, store, verify_file};
use std::path::Path;

fn demo_run(data: &Path, work: &Path, stdin: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("pasos")
        .unwrap()
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["run", "--plain"])
        .arg(format!("--var=WORKDIR={}", work.join("demo").display()))
        .env("PASOS_VAR_NOTIFY_TOKEN", "tok-SECRETO-77a1")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
        .write_stdin(stdin.to_string())
        .timeout(std::time::Duration::from_secs(60))
        .assert()
}

#[test]
fn the_demo_rolled_back_then_its_report() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-report-")
        .tempdir_in("/tmp")
        .unwrap();
    // Prerequisite, P1, P2, 1, 2, step 3 and its confirmation, step 4
    // fails; roll back with a reason, run the six rollback steps.
    let stdin = [
        "y",
        "",
        "",
        "",
        "",
        "",
        "3",
        "",
        "b",
        "schema not migrated | DBA away",
        "",
    ]
    .join("\n")
        + "\n\n\n\n\n\n";
    demo_run(data.path(), work.path(), &stdin).code(1);
    let journal = &store::list(data.path()).unwrap()[0];
    let run_id = store::run_id_of(journal);
    let events = verify_file(journal).unwrap().lines;
    let a = report(data.path(), &[&run_id[..20]], "es_AR.UTF-8").code(0);
    let md = stdout(&a);
    assert!(
        md.starts_with("# Informe de incidente: PROC-DEMO-001 "),
        "{md}"
    );
    assert!(
        !md.contains("> **"),
        "no warning for a finished, verified run: {md}"
    );
    assert!(
        md.contains("| Resultado | **REVERTIDA (rollback)** |"),
        "{md}"
    );
    assert!(
        md.contains(&format!("verificada ({} eventos", events.len())),
        "{md}"
    );
    assert!(
        md.contains("| 4 | Check the database schema is migrated | **falló** | 1 |"),
        "{md}"
    );
    assert!(md.contains("Plan: R1, R2, R3, R4."), "{md}");
    assert!(md.contains("schema not migrated \\| DBA away"), "{md}");
    assert!(md.contains("| Severidad | *(a completar"), "{md}");
    assert!(
        !md.contains("tok-SECRETO-77a1"),
        "the secret leaked into the report"
    );
    let (tables, codes) = tables(&md);
    let finished = events
        .iter()
        .filter(|l| matches!(l.event, Event::CommandFinished { .. }))
        .count();
    assert_eq!(tables[1], (2, events.len() - finished + 1), "timeline rows");
    assert!(
        codes.iter().any(|c| c.starts_with("tar -czf ")),
        "{codes:?}"
    );
}

#[test]
fn an_output_file_is_not_overwritten_without_force() {
    let data = tempfile::tempdir().unwrap();
    scenarios::success(data.path());
    let out = data.path().join("incident.md");
    let out_s = out.to_str().unwrap();
    report(data.path(), &[scenarios::SUCCESS, "-o", out_s], "C")
        .code(0)
        .stdout("")
        .stderr(predicates::str::contains("report written to"));
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("# Incident report: PROC-APP-007"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o600, 0o600, "{mode:o}");
        assert_eq!(
            mode & 0o133,
            0,
            "{mode:o}: no one else writes it, no one runs it"
        );
    }
    // Filled in by hand, then the report asked again: kept.
    let filled = written.replace("*To be filled in.*", "The probe timed out.");
    std::fs::write(&out, &filled).unwrap();
    report(data.path(), &[scenarios::SUCCESS, "-o", out_s], "C")
        .code(2)
        .stderr(predicates::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), filled);
    report(
        data.path(),
        &[scenarios::SUCCESS, "-o", out_s, "--force"],
        "C",
    )
    .code(0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);
}

#[test]
fn unknown_and_ambiguous_runs_and_bad_severity_are_bad_input() {
    let data = tempfile::tempdir().unwrap();
    scenarios::success(data.path());
    scenarios::retried(data.path());
    report(data.path(), &["nope"], "C")
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("no run `nope` in"));
    report(data.path(), &["20261123T0612"], "C")
        .code(2)
        .stderr(predicates::str::contains("matches 2 runs"));
    report(data.path(), &[scenarios::SUCCESS, "--severity", " "], "C")
        .code(2)
        .stderr(predicates::str::contains("--severity needs a value"));
}

#[test]
fn a_tampered_journal_gets_a_report_that_says_so_at_the_top() {
    let data = tempfile::tempdir().unwrap();
    let journal = scenarios::success(data.path());
    let text = std::fs::read_to_string(&journal).unwrap();
    std::fs::write(&journal, text.replace("closed on time", "closed on tlme")).unwrap();
    let verify = Command::cargo_bin("pasos")
        .unwrap()
        .env("PASOS_DATA_DIR", data.path())
        .args(["log", "verify", scenarios::SUCCESS])
        .assert()
        .code(1);
    let said = String::from_utf8_lossy(&verify.get_output().stdout).to_string();
    let problem = said
        .lines()
        .next()
        .and_then(|l| l.split_once(&format!("{}  ", scenarios::SUCCESS)))
        .map(|(_, p)| p.to_string())
        .unwrap();
    assert!(problem.starts_with("line 32: edited"), "{said}");
    let a = report(data.path(), &[scenarios::SUCCESS], "C")
        .code(1)
        .stderr(predicates::str::contains("does NOT verify"));
    let md = stdout(&a);
    let mut lines = md.lines();
    assert_eq!(
        lines.next(),
        Some("# Incident report (UNVERIFIED JOURNAL): PROC-APP-007 Deploy the billing app")
    );
    lines.next();
    let warning = lines.next().unwrap();
    assert!(warning.starts_with("> **WARNING: this run's journal does NOT verify.**"));
    assert!(
        warning.ends_with(&format!("says: `{problem}`")),
        "{warning}\n{problem}"
    );
    assert!(
        md.contains("| Journal | **NOT verified**: `line 32: edited"),
        "{md}"
    );
    // The report ends saying so; the receipt that follows says why.
    let (body, receipt) = md.split_once("\n## Receipt\n").unwrap();
    assert!(
        body.trim_end()
            .ends_with("**The journal does NOT verify.**"),
        "{md}"
    );
    assert!(receipt.contains("**Signature**: FAILED"), "{md}");
    // What it still shows is what the journal says.
    assert!(md.contains("closed on tlme"));
}

#[test]
fn an_interrupted_and_an_open_run_say_they_did_not_finish() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-report-")
        .tempdir_in("/tmp")
        .unwrap();
    // Confirm the prerequisite, run P1, then end of input: interrupted.
    demo_run(data.path(), work.path(), "y\n\n").code(4);
    let run_id = store::run_id_of(&store::list(data.path()).unwrap()[0]);
    let md = stdout(&report(data.path(), &[&run_id], "C").code(0));
    assert!(
        md.contains("| Outcome | **INTERRUPTED, not finished** |"),
        "{md}"
    );
    assert!(
        md.contains("> **This run has not finished:** it was interrupted at "),
        "{md}"
    );
    assert!(
        md.contains(&format!("`pasos run --resume {run_id}`")),
        "{md}"
    );
    assert!(md.contains("| End | not finished |"), "{md}");

    // A journal that just stops (a crash nobody resumed).
    let open = "20261123T061209000Z-e005";
    let mut g = Gen::start(data.path(), open, profile(), operator("ana", None));
    g.at(1_000, started("P1", 1));
    let md = stdout(&report(data.path(), &[open], "C").code(0));
    assert!(
        md.contains("| Outcome | **NOT FINISHED (journal open)** |"),
        "{md}"
    );
    assert!(
        md.contains(
            "> **This run has not finished:** its journal ends at 2026-11-23 03:12:10 -03:00"
        ),
        "{md}"
    );
    assert!(
        md.contains("| P1 | Check the tools | in progress | 1 | 0s | 1m |  |"),
        "{md}"
    );
}
