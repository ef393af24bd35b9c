//! `pasos kpi` over generated journals: every figure checked against
//! values computed by hand (written literally below), the index, and the
//! command line in each format, with filters and `--suggest`.
//!
//! The fixture (all times UTC). PROC-T-001, profile of v1.1: steps 1 (1m),
//! 2 (2-3m), 3 (30s), R1 (1m); v1.0 estimated step 2 at 2m.
//!
//! | run | start            | ver | who    | env     | what happens                                   | wall | working |
//! |-----|------------------|-----|--------|---------|------------------------------------------------|------|---------|
//! | A   | 03-02 09:00      | 1.0 | Ana    | prod    | wait 5s, 1: 70s, 2: 150s, 3: 20s, wait 5s, success | 250s | 250s |
//! | B   | 03-05 10:00      | 1.0 | Bea    | staging | 1: 90s, deviation, 2 failed 100s then done 80s, 3 skipped, note, success | 270s | 270s |
//! | C   | 03-10 08:00      | 1.1 | Ana    | prod    | 1: 60s, wait 10s, interrupted, 1h later resumed, 2: 200s, 3: 40s, success | 3,910s | 310s (pause from the interruption at 70s to 3,670s) |
//! | D   | 03-12 12:00      | 1.1 | Carlos | prod    | 1: 80s, 2 failed 120s, rollback, undo:1 30s, interrupted 600s, R1 60s, wait 10s, rolled back | 900s | 300s; rollback 100s |
//! | E   | 03-15 07:00      | 1.1 | Ana    | prod    | 1: 100s, interrupted, never resumed            | 100s | 100s |
//! | F   | 03-16 07:00      | 1.1 | Ana    | prod    | rehearsal: 1, 2, 3 one second each, success    | — | — |
//! | G   | 03-18 07:00      | 1.1 | Mallory| prod    | success in 1s, then edited: fails verification | — | — |
//!
//! PROC-INC-002 (incident): H 03-03 02:00 a: 300s success (300s); I 03-20
//! 03:00 a: 500s, interrupted, resumed 1,000s later, b: 100s, success
//! (1,600s wall, 600s working); J 03-21 04:00 a: 50s failed, failed.

#[path = "support/journal_gen.rs"]
mod journal_gen;

use assert_cmd::Command;
use journal_gen::{Journal, RunSpec, profile, utc};
use pasos::history::kpi::{self, Filter, Kpis, RunStatus, filter};
use pasos::history::scan::{ScanOptions, scan};
use pasos::journal::{RunOutcome, StepOutcome, verify_file};
use std::path::{Path, PathBuf};

const NO_INDEX: ScanOptions = ScanOptions { use_index: false };
const INDEX: ScanOptions = ScanOptions { use_index: true };

struct Fixture {
    data: tempfile::TempDir,
    tampered: PathBuf,
    tampered_id: String,
}

fn t_profile(v10: bool) -> pasos::journal::Profile {
    profile(
        false,
        &[
            ("1", "main", Some("1m")),
            ("2", "main", Some(if v10 { "2m" } else { "2-3m" })),
            ("3", "main", Some("30s")),
            ("R1", "rollback", Some("1m")),
        ],
    )
}

fn fixture() -> Fixture {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let v10 = RunSpec::new("PROC-T-001", "1.0", t_profile(true));
    let v11 = RunSpec::new("PROC-T-001", "1.1", t_profile(false));

    let s = utc(2026, 3, 2, 9, 0, 0);
    Journal::start(d, s, &v10.clone().operator("Ana"))
        .wait(5_000)
        .done("1", 70_000)
        .done("2", 150_000)
        .done("3", 20_000)
        .wait(5_000)
        .finish(RunOutcome::Success, s)
        .write();

    let s = utc(2026, 3, 5, 10, 0, 0);
    Journal::start(d, s, &v10.clone().operator("Bea").env("staging"))
        .done("1", 90_000)
        .deviation("2", "marked done by hand", "checked the replica by hand")
        .step("2", 100_000, StepOutcome::Failed)
        .done("2", 80_000)
        .skip("3", "nothing to clean on staging")
        .note("slow disk on db-2")
        .finish(RunOutcome::Success, s)
        .write();

    let s = utc(2026, 3, 10, 8, 0, 0);
    Journal::start(d, s, &v11.clone().operator("Ana"))
        .done("1", 60_000)
        .wait(10_000)
        .interrupt()
        .wait(3_600_000)
        .resume()
        .done("2", 200_000)
        .done("3", 40_000)
        .finish(RunOutcome::Success, s)
        .write();

    let s = utc(2026, 3, 12, 12, 0, 0);
    Journal::start(d, s, &v11.clone().operator("Carlos"))
        .done("1", 80_000)
        .step("2", 120_000, StepOutcome::Failed)
        .rollback("2", &["undo:1", "R1"])
        .done("undo:1", 30_000)
        .interrupt()
        .wait(600_000)
        .resume()
        .done("R1", 60_000)
        .note("DB lock held by the batch job")
        .wait(10_000)
        .finish(RunOutcome::RolledBack, s)
        .write();

    let s = utc(2026, 3, 15, 7, 0, 0);
    Journal::start(d, s, &v11.clone().operator("Ana"))
        .done("1", 100_000)
        .interrupt()
        .write();

    let s = utc(2026, 3, 16, 7, 0, 0);
    Journal::start(d, s, &v11.clone().operator("Ana").rehearsal())
        .done("1", 1_000)
        .done("2", 1_000)
        .done("3", 1_000)
        .finish(RunOutcome::Success, s)
        .write();

    let s = utc(2026, 3, 18, 7, 0, 0);
    let g = Journal::start(d, s, &v11.clone().operator("Mallory"))
        .done("1", 1_000)
        .finish(RunOutcome::Success, s)
        .write();
    // Someone edits the recorded duration: same length, the hash no longer
    // matches.
    let text = std::fs::read_to_string(&g).unwrap();
    let edited = text.replacen("\"duration_ms\":1000}", "\"duration_ms\":9000}", 1);
    assert_ne!(text, edited);
    std::fs::write(&g, edited).unwrap();

    let inc = RunSpec::new(
        "PROC-INC-002",
        "2",
        profile(
            true,
            &[("a", "main", Some("5m")), ("b", "main", Some("1m"))],
        ),
    )
    .operator("Dani");
    let s = utc(2026, 3, 3, 2, 0, 0);
    Journal::start(d, s, &inc)
        .done("a", 300_000)
        .finish(RunOutcome::Success, s)
        .write();
    let s = utc(2026, 3, 20, 3, 0, 0);
    Journal::start(d, s, &inc)
        .done("a", 500_000)
        .interrupt()
        .wait(1_000_000)
        .resume()
        .done("b", 100_000)
        .finish(RunOutcome::Success, s)
        .write();
    let s = utc(2026, 3, 21, 4, 0, 0);
    Journal::start(d, s, &inc)
        .step("a", 50_000, StepOutcome::Failed)
        .finish(RunOutcome::Failed, s)
        .write();

    let tampered_id = pasos::journal::store::run_id_of(&g);
    Fixture {
        data,
        tampered: g,
        tampered_id,
    }
}

fn kpis(data: &Path, filter: &Filter) -> Kpis {
    kpi::compute(&scan(data, &NO_INDEX).unwrap(), filter)
}

fn proc<'a>(k: &'a Kpis, id: &str) -> &'a kpi::ProcedureKpi {
    k.procedures.iter().find(|p| p.procedure_id == id).unwrap()
}

#[test]
fn generated_journals_verify_except_the_tampered_one() {
    let f = fixture();
    let all = pasos::journal::store::list(f.data.path()).unwrap();
    assert_eq!(all.len(), 10);
    for j in &all {
        let v = verify_file(j).unwrap();
        assert_eq!(
            v.intact(),
            *j != f.tampered,
            "{}: {:?}",
            j.display(),
            v.problems
        );
    }
}

#[test]
fn procedure_figures_by_hand() {
    let f = fixture();
    let k = kpis(f.data.path(), &Filter::default());
    let p = proc(&k, "PROC-T-001");
    let fig = &p.figures;
    assert_eq!(
        fig.executions, 5,
        "A B C D E; F is a rehearsal, G does not verify"
    );
    assert_eq!(fig.finished, 4);
    assert_eq!(fig.successes, 3);
    assert_eq!(fig.rolled_back, 1);
    assert_eq!(fig.failed, 0);
    assert_eq!(fig.interrupted, 1);
    assert_eq!(fig.open, 0);
    assert_eq!(fig.rehearsals, 1);
    assert_eq!(fig.success_rate, Some(0.75));
    let d = fig.duration.unwrap();
    // Working times of A B C D: 250, 270, 310, 300 s.
    assert_eq!(d.samples, 4);
    assert_eq!(d.avg_ms, 282_500);
    assert_eq!(d.median_ms, 285_000);
    assert_eq!(d.min_ms, 250_000);
    assert_eq!(d.max_ms, 310_000);
    assert_eq!(fig.rollbacks, 1);
    // D: rollback at 200 s, finished at 900 s, 600 s of it paused.
    assert_eq!(fig.rollback_avg_ms, Some(100_000));
    assert_eq!(fig.deviations, 1);
    assert_eq!(
        fig.last_execution,
        Some(utc(2026, 3, 15, 7, 0, 0)),
        "E, the interrupted one, is the last execution"
    );

    assert_eq!(p.versions.len(), 2);
    let (v10, v11) = (&p.versions[0], &p.versions[1]);
    assert_eq!(v10.version, "1.0");
    assert_eq!(
        (
            v10.figures.executions,
            v10.figures.successes,
            v10.figures.success_rate
        ),
        (2, 2, Some(1.0))
    );
    assert_eq!(v10.figures.duration.unwrap().avg_ms, 260_000);
    assert_eq!(v10.figures.deviations, 1);
    assert_eq!(v11.version, "1.1");
    assert_eq!(
        (
            v11.figures.executions,
            v11.figures.finished,
            v11.figures.success_rate
        ),
        (3, 2, Some(0.5))
    );
    assert_eq!(v11.figures.duration.unwrap().avg_ms, 305_000);
    assert_eq!((v11.figures.rollbacks, v11.figures.rehearsals), (1, 1));

    // The history: executions only, oldest first, working time.
    let rows: Vec<(&str, u64, RunStatus)> = p
        .history
        .iter()
        .map(|h| (h.operator.as_str(), h.duration_ms, h.status))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Ana", 250_000, RunStatus::SUCCESS),
            ("Bea", 270_000, RunStatus::SUCCESS),
            ("Ana", 310_000, RunStatus::SUCCESS),
            ("Carlos", 300_000, RunStatus::ROLLED_BACK),
            ("Ana", 100_000, RunStatus::Interrupted),
        ]
    );
    let lines = |lang| {
        p.history[1]
            .deviations
            .iter()
            .map(|d| d.line(lang))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lines(pasos::i18n::Lang::En),
        vec!["2: marked done by hand: checked the replica by hand"]
    );
    assert_eq!(p.history[1].deviations[0].step.as_deref(), Some("2"));
    let notes: Vec<String> = p.history[1].notes.iter().map(|n| n.line()).collect();
    assert_eq!(notes, vec!["slow disk on db-2"]);
    assert_eq!(p.history[2].interruptions, 1);
    assert!(p.history[3].rolled_back);
}

#[test]
fn step_figures_and_suggestions_by_hand() {
    let f = fixture();
    let k = kpis(f.data.path(), &Filter::default());
    let p = proc(&k, "PROC-T-001");
    let ids: Vec<&str> = p.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["1", "2", "3", "R1"],
        "undo:1 is part of the rollback"
    );
    let s1 = &p.steps[0];
    // 70, 90, 60, 80, 100 s.
    let a = s1.actual.unwrap();
    assert_eq!((a.samples, a.median_ms, a.p90_ms), (5, 80_000, 100_000));
    assert_eq!((a.min_ms, a.max_ms, a.avg_ms), (60_000, 100_000, 80_000));
    assert_eq!(s1.estimate.as_deref(), Some("1m"));
    assert_eq!(s1.over_estimate, 4, "all but the 60 s one");
    assert_eq!(s1.overrun_ratio, Some(1.33));
    let sg = s1.suggestion.as_ref().unwrap();
    // Median 80 s down to 60 s (30 s unit), p90 100 s up to 120 s.
    assert_eq!((sg.estimate.as_str(), sg.proposed), ("1-2m", true));

    let s2 = &p.steps[1];
    // The latest profile's estimate (v1.1), not v1.0's 2m.
    assert_eq!(s2.estimate.as_deref(), Some("2-3m"));
    assert_eq!(
        (s2.estimate_min_ms, s2.estimate_max_ms),
        (Some(120_000), Some(180_000))
    );
    // 150, 180 (100 failed + 80 done), 200, 120 s.
    let a = s2.actual.unwrap();
    assert_eq!((a.samples, a.median_ms, a.p90_ms), (4, 165_000, 200_000));
    assert_eq!(
        (s2.retried, s2.over_estimate, s2.overrun_ratio),
        (1, 1, Some(0.92))
    );
    let sg = s2.suggestion.as_ref().unwrap();
    assert_eq!((sg.estimate.as_str(), sg.proposed), ("2m30s-3m30s", true));

    let s3 = &p.steps[2];
    // 20 and 40 s; skipped in B.
    let a = s3.actual.unwrap();
    assert_eq!((a.samples, a.median_ms, s3.skipped), (2, 30_000, 1));
    assert_eq!(s3.suggestion, None, "fewer than 3 samples");
    let r1 = &p.steps[3];
    assert_eq!(r1.actual.unwrap().samples, 1);
    assert_eq!(r1.phase, "rollback");

    assert_eq!(p.over_runs, vec!["1"]);
}

#[test]
fn global_figures_by_hand() {
    let f = fixture();
    let k = kpis(f.data.path(), &Filter::default());
    let g = &k.global;
    assert_eq!(g.procedures_run, 2);
    assert_eq!(g.executions, 8);
    assert_eq!(g.finished, 7);
    assert_eq!(g.successes, 5);
    assert_eq!(g.success_rate, Some(0.7143));
    assert_eq!(g.rehearsals, 1);
    assert_eq!(g.runs_with_rollback, 1);
    assert_eq!(g.rollback_share, Some(0.125));
    assert_eq!(g.incident_executions, 3);
    // H 300 s and I 600 s (1,600 s minus the 1,000 s pause); J failed.
    assert_eq!((g.mttr_ms, g.mttr_samples), (Some(450_000), 2));
    assert_eq!(g.unverified, 1);
    assert_eq!(k.unverified.len(), 1);
    assert_eq!(k.unverified[0].run_id, f.tampered_id);
    assert!(
        k.unverified[0].problem.contains("edited"),
        "{}",
        k.unverified[0].problem
    );
    let inc = proc(&k, "PROC-INC-002");
    assert_eq!(
        inc.figures.duration.unwrap().median_ms,
        300_000,
        "50, 300, 600 s"
    );
}

#[test]
fn filters_select_runs() {
    let f = fixture();
    let d = f.data.path();
    let only = |filter: Filter| kpis(d, &filter);
    let k = only(Filter {
        procedure: Some("proc-t-001".into()),
        ..Filter::default()
    });
    assert_eq!(k.procedures.len(), 1);
    assert_eq!(k.global.executions, 5);
    // Dates are local days: the test runs in whatever zone, so compute the
    // bounds as the command line does.
    let k = only(Filter {
        since: Some(filter::local_day_start("2026-03-10").unwrap()),
        until: Some(filter::day_after("2026-03-15").unwrap()),
        ..Filter::default()
    });
    let local = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&chrono::Local).date_naive();
    let expected = [
        utc(2026, 3, 2, 9, 0, 0),
        utc(2026, 3, 5, 10, 0, 0),
        utc(2026, 3, 10, 8, 0, 0),
        utc(2026, 3, 12, 12, 0, 0),
        utc(2026, 3, 15, 7, 0, 0),
        utc(2026, 3, 3, 2, 0, 0),
        utc(2026, 3, 20, 3, 0, 0),
        utc(2026, 3, 21, 4, 0, 0),
    ]
    .iter()
    .filter(|t| {
        let day = local(**t).to_string();
        day.as_str() >= "2026-03-10" && day.as_str() <= "2026-03-15"
    })
    .count();
    assert_eq!(k.global.executions, expected);
    let k = only(Filter {
        operator: Some("ANA".into()),
        ..Filter::default()
    });
    let p = proc(&k, "PROC-T-001");
    assert_eq!((p.figures.executions, p.figures.rehearsals), (3, 1));
    assert!(
        k.procedures
            .iter()
            .all(|p| p.procedure_id != "PROC-INC-002")
    );
    let k = only(Filter {
        operator: Some("oncall@bastion".into()),
        ..Filter::default()
    });
    assert_eq!(k.global.executions, 8, "user@host matches too");
    let k = only(Filter {
        environment: Some("staging".into()),
        ..Filter::default()
    });
    assert_eq!(k.global.executions, 1);
    assert_eq!(proc(&k, "PROC-T-001").history[0].operator, "Bea");
    // The tampered journal is listed whatever the filter.
    assert_eq!(k.unverified.len(), 1);
}

#[test]
fn the_index_gives_the_same_figures_and_catches_changes() {
    let f = fixture();
    let d = f.data.path();
    let cold = scan(d, &INDEX).unwrap();
    assert_eq!(
        (cold.index.read, cold.index.reused, cold.index.written),
        (10, 0, true)
    );
    let index = kpi::cache::index_path(d);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&index), 0o600);
        assert_eq!(mode(index.parent().unwrap()), 0o700);
    }
    let warm = scan(d, &INDEX).unwrap();
    assert_eq!(
        (warm.index.read, warm.index.reused, warm.index.written),
        (0, 10, false)
    );
    assert_eq!(warm.runs, cold.runs);
    assert_eq!(warm.unverified, cold.unverified);
    let all = Filter::default();
    assert_eq!(kpi::compute(&warm, &all), kpi::compute(&cold, &all));

    // Edit a verified journal after it was indexed, keeping its size and
    // putting its modification time back: caught (the ctime moved).
    let a = pasos::journal::store::list(d).unwrap()[0].clone();
    let mtime = std::fs::metadata(&a).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&a).unwrap();
    let edited = text.replacen("\"duration_ms\":70000}", "\"duration_ms\":10000}", 1);
    assert_ne!(text, edited);
    std::fs::write(&a, &edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let after = scan(d, &INDEX).unwrap();
    assert_eq!((after.index.read, after.index.reused), (1, 9));
    assert_eq!(after.unverified.len(), 2);
    assert!(after.unverified.iter().any(|u| u.path == a));
    assert_eq!(kpi::compute(&after, &all).global.executions, 7);

    // A run that goes on (a valid line appended) is read again.
    let e = &pasos::journal::store::list(d)
        .unwrap()
        .into_iter()
        .find(|p| pasos::journal::store::run_id_of(p).starts_with("20260315"))
        .unwrap();
    let before = after
        .runs
        .iter()
        .find(|r| r.run_id == pasos::journal::store::run_id_of(e))
        .unwrap()
        .clone();
    assert_eq!(before.status, RunStatus::Interrupted);
    let v = verify_file(e).unwrap();
    let (seq, prev) = v.last.unwrap();
    let line = pasos::journal::Line::new(
        seq + 1,
        pasos::journal::line::parse_ts("2026-03-15T09:00:00.000Z").unwrap(),
        prev,
        pasos::journal::Event::RunResumed {
            operator: Default::default(),
            discarded_torn_bytes: None,
        },
    );
    let mut bytes = std::fs::read(e).unwrap();
    bytes.extend_from_slice(line.to_text().as_bytes());
    bytes.push(b'\n');
    std::fs::write(e, bytes).unwrap();
    std::fs::write(
        pasos::journal::store::head_path(e),
        format!("{} {}\n", line.seq, line.hash),
    )
    .unwrap();
    let later = scan(d, &INDEX).unwrap();
    assert_eq!(later.index.read, 1);
    let now = later
        .runs
        .iter()
        .find(|r| r.run_id == before.run_id)
        .unwrap();
    assert_eq!(now.status, RunStatus::Open);

    // A corrupt index is ignored and rebuilt, never an error.
    std::fs::write(&index, b"PASOSKPI\x01\x00\x00\x00garbage").unwrap();
    let rebuilt = scan(d, &INDEX).unwrap();
    assert_eq!((rebuilt.index.read, rebuilt.index.written), (10, true));
    assert_eq!(rebuilt.runs, later.runs);
    std::fs::write(&index, b"").unwrap();
    assert_eq!(scan(d, &INDEX).unwrap().index.read, 10);
    // A journal removed is dropped from the index.
    std::fs::remove_file(&f.tampered).unwrap();
    let fewer = scan(d, &INDEX).unwrap();
    assert_eq!(
        (
            fewer.index.read,
            fewer.index.written,
            fewer.unverified.len()
        ),
        (0, true, 1)
    );
    assert_eq!(scan(d, &INDEX).unwrap().index.reused, 9);
}

// ---- The command line ----

fn pasos(data: &Path) -> Command {
    let mut c = Command::cargo_bin("pasos").unwrap();
    c.env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .env("TZ", "UTC")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("kpi")
        .timeout(std::time::Duration::from_secs(60));
    c
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

#[test]
fn cli_table_fits_80_columns_and_flags_the_tampered_journal() {
    let f = fixture();
    let a = pasos(f.data.path())
        .arg("--format")
        .arg("table")
        .assert()
        .code(0);
    let out = stdout(&a);
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    assert!(
        out.contains("Key figures · executions 8 · procedures 2 · rehearsals (not counted) 1\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "success 71% (5 of 7 finished) · needed a rollback 13% · MTTR 7m30s (resolved: 2)\n"
        ),
        "{out}"
    );
    assert!(out.contains("PROC-T-001 — Procedure PROC-T-001"), "{out}");
    assert!(
        out.contains("  executions 5: finished 4, interrupted 1 · rehearsals 1"),
        "{out}"
    );
    assert!(
        out.contains("  success 75% (3 of 4 finished) · rollbacks 1 (avg 1m40s) · deviations 1"),
        "{out}"
    );
    assert!(
        out.contains("  duration: avg 4m43s · median 4m45s · min 4m10s · max 5m10s"),
        "{out}"
    );
    assert!(out.contains("2026-03-05 10:00  Bea"), "{out}");
    assert!(out.contains("Over-run most: 1 (×1.3)"), "{out}");
    assert!(
        out.contains("! 1 journal does not verify and is left out of the figures:"),
        "{out}"
    );
    assert!(
        out.contains(&format!("pasos log verify {}", f.tampered_id)),
        "{out}"
    );
    // Without --format and not on a terminal: the same table.
    let plain = stdout(&pasos(f.data.path()).assert().code(0));
    assert_eq!(plain, out);
}

#[test]
fn cli_markdown_has_the_template_history_table() {
    let f = fixture();
    let a = pasos(f.data.path())
        .args([
            "--format",
            "md",
            "--procedure",
            "PROC-T-001",
            "--lang",
            "es",
        ])
        .assert()
        .code(0);
    let out = stdout(&a);
    assert!(out.contains("### Historial de Ejecuciones\n\n| Fecha | Ejecutor | Duración | Éxito | Notas |\n|---|---|---|---|---|\n"), "{out}");
    assert!(
        out.contains("| 2026-03-02 09:00 | Ana | 4m10s | Sí |  |"),
        "{out}"
    );
    assert!(out.contains("| 2026-03-05 10:00 | Bea | 4m30s | Sí | desviación 2: marked done by hand: checked the replica by hand; slow disk on db-2 |"), "{out}");
    assert!(out.contains("| 2026-03-12 12:00 | Carlos | 5m | No (revertida) | interrumpida ×1; DB lock held by the batch job |"), "{out}");
    assert!(
        out.contains("| 2026-03-15 07:00 | Ana | 1m40s | — (interrumpida) | interrumpida ×1 |"),
        "{out}"
    );
    assert!(out.contains("| éxito | 75% (3 de 4 terminadas) |"), "{out}");
}

#[test]
fn cli_json_has_the_documented_fields() {
    let f = fixture();
    let a = pasos(f.data.path())
        .args(["--format", "json"])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["global"]["executions"], 8);
    assert_eq!(v["global"]["mttr_ms"], 450_000);
    assert_eq!(v["global"]["rollback_share"], 0.125);
    let p = &v["procedures"][1];
    assert_eq!(p["procedure_id"], "PROC-T-001");
    assert_eq!(p["figures"]["success_rate"], 0.75);
    assert_eq!(p["figures"]["duration"]["median_ms"], 285_000);
    assert_eq!(p["figures"]["last_execution"], "2026-03-15T07:00:00.000Z");
    assert_eq!(p["steps"][0]["suggestion"]["estimate"], "1-2m");
    assert_eq!(p["history"][3]["status"], "rolled-back");
    assert_eq!(v["unverified"][0]["run_id"], f.tampered_id.as_str());
    assert!(
        v["unverified"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("edited")
    );
}

#[test]
fn cli_csv_tables() {
    let f = fixture();
    let out = stdout(
        &pasos(f.data.path())
            .args(["--format", "csv"])
            .assert()
            .code(0),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("procedure_id,version,executions,finished,successes,"));
    assert!(lines.contains(&"PROC-T-001,,5,4,3,0,1,0,1,0,0.75,282500,285000,250000,310000,1,100000,1,2026-03-15T07:00:00.000Z,1"), "{out}");
    assert!(lines.contains(&"PROC-T-001,1.0,2,2,2,0,0,0,0,0,1,260000,260000,250000,270000,0,,1,2026-03-05T10:00:00.000Z,0"), "{out}");
    let steps = stdout(
        &pasos(f.data.path())
            .args([
                "--format",
                "csv",
                "--rows",
                "steps",
                "--procedure",
                "PROC-T-001",
            ])
            .assert()
            .code(0),
    );
    assert!(steps.contains("\nPROC-T-001,2,Step 2,main,2-3m,120000,180000,4,165000,200000,120000,200000,1,0,1,2m30s-3m30s,true\n"), "{steps}");
    let runs = stdout(
        &pasos(f.data.path())
            .args(["--format", "csv", "--rows", "runs", "--env", "staging"])
            .assert()
            .code(0),
    );
    assert_eq!(runs.lines().count(), 2, "{runs}");
    assert!(runs.contains(",270000,success,false,0,2: marked done by hand: checked the replica by hand,slow disk on db-2\n"), "{runs}");
}

#[test]
fn cli_filters_and_bad_dates() {
    let f = fixture();
    let out = stdout(
        &pasos(f.data.path())
            .args([
                "--format",
                "json",
                "--since",
                "2026-03-10",
                "--until",
                "2026-03-15",
                "--operator",
                "ana",
            ])
            .assert()
            .code(0),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // C and E (TZ=UTC): Carlos ran D.
    assert_eq!(v["global"]["executions"], 2);
    let a = pasos(f.data.path())
        .args(["--since", "10/03/2026"])
        .assert()
        .code(2);
    assert!(
        stderr(&a).contains("--since takes a date YYYY-MM-DD like 2026-11-01, not `10/03/2026`"),
        "{}",
        stderr(&a)
    );
    let a = pasos(f.data.path())
        .args(["--since", "2026-03-10", "--until", "2026-03-01"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("--since is after --until"));
    let a = pasos(f.data.path())
        .args(["--procedure", "NOPE"])
        .assert()
        .code(0);
    assert!(
        stdout(&a).contains("No run matches the filter (9 runs in"),
        "{}",
        stdout(&a)
    );
}

#[test]
fn cli_no_journals_is_a_clear_message() {
    let empty = tempfile::tempdir().unwrap();
    let a = pasos(empty.path()).assert().code(0);
    assert!(stdout(&a).contains("No verified runs in"), "{}", stdout(&a));
    assert!(stdout(&a).contains("nothing to count yet"));
    let a = pasos(empty.path())
        .args(["--format", "json"])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["global"]["executions"], 0);
    assert!(stderr(&a).contains("No verified runs in"));
}

/// Journals of the demo procedure, started with `procs/demo.toml` from
/// `work`, whose steps took the given seconds.
fn demo_runs(data: &Path, steps: &[(&str, [u64; 3])]) {
    let plan = profile(
        false,
        &[
            ("P1", "preflight", Some("10s")),
            ("1", "deploy", Some("30s")),
            ("3", "deploy", Some("1m")),
            ("R2", "rollback", Some("30s")),
        ],
    );
    for i in 0..3 {
        let spec = RunSpec::new("PROC-DEMO-001", "1.0.0", plan.clone()).source("procs/demo.toml");
        let s = utc(2026, 4, 1 + i as u32, 9, 0, 0);
        let mut j = Journal::start(data, s, &spec);
        for (id, secs) in steps {
            j.done(id, secs[i] * 1000);
        }
        j.finish(RunOutcome::Success, s).write();
    }
}

#[test]
fn cli_suggest_prints_a_diff_that_patch_applies() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    demo_runs(
        data.path(),
        &[
            ("P1", [12, 14, 23]),
            ("1", [25, 28, 29]),
            ("3", [300, 310, 400]),
            ("R2", [30, 30, 30]),
        ],
    );
    std::fs::create_dir(work.path().join("procs")).unwrap();
    let original =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
            .unwrap();
    let file = work.path().join("procs/demo.toml");
    std::fs::write(&file, &original).unwrap();

    let a = pasos(data.path())
        .arg("--suggest")
        .current_dir(work.path())
        .assert()
        .code(0);
    let diff = stdout(&a);
    assert!(
        diff.starts_with("--- procs/demo.toml\n+++ procs/demo.toml\n@@ "),
        "{diff}"
    );
    assert_eq!(
        diff.lines()
            .filter(|l| l.starts_with('-') && !l.starts_with("---"))
            .count(),
        2,
        "{diff}"
    );
    assert!(stderr(&a).contains("patch -p0"), "{}", stderr(&a));

    // git apply agrees it applies; patch -p0 applies it.
    std::fs::write(work.path().join("kpi.diff"), &diff).unwrap();
    let git = std::process::Command::new("git")
        .args(["apply", "-p0", "--check", "kpi.diff"])
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(
        git.status.success(),
        "{}",
        String::from_utf8_lossy(&git.stderr)
    );
    let patch = std::process::Command::new("patch")
        .args(["-p0", "-i", "kpi.diff"])
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(
        patch.status.success(),
        "{}",
        String::from_utf8_lossy(&patch.stdout)
    );

    // Only P1 (p90 23s over 10s) and 3 (p90 400s over 1m) changed; step 1
    // (25-30s fits 30s), R2 (exactly 30s) and every rollback estimate
    // stay, byte for byte.
    let expected = original
        .replacen(
            "id = \"P1\"\ntitle = \"Check the tools\"\nestimate = \"10s\"",
            "id = \"P1\"\ntitle = \"Check the tools\"\nestimate = \"10-25s\"",
            1,
        )
        .replacen(
            "id = \"3\"\ntitle = \"Deploy version 2.0.0\"\nestimate = \"1m\"",
            "id = \"3\"\ntitle = \"Deploy version 2.0.0\"\nestimate = \"5-7m\"",
            1,
        );
    assert_ne!(expected, original);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    // The patched procedure still checks.
    Command::cargo_bin("pasos")
        .unwrap()
        .args(["check"])
        .arg(&file)
        .assert()
        .code(0);
    // Applied: nothing left to change.
    let again = pasos(data.path())
        .arg("--suggest")
        .current_dir(work.path())
        .assert()
        .code(0);
    assert_eq!(stdout(&again), "");
    assert!(
        stderr(&again).contains("No estimate to change in PROC-DEMO-001"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn cli_suggest_says_when_the_file_is_not_there() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    demo_runs(data.path(), &[("P1", [12, 14, 23])]);
    let a = pasos(data.path())
        .arg("--suggest")
        .current_dir(elsewhere.path())
        .assert()
        .code(2);
    assert!(
        stderr(&a).contains(
            "cannot find the file of PROC-DEMO-001: its runs were started with `procs/demo.toml`"
        ),
        "{}",
        stderr(&a)
    );
    assert!(stderr(&a).contains("--procedure-file FILE"));
    // Naming it works, and a file of another procedure is refused.
    let other = elsewhere.path().join("other.toml");
    std::fs::write(&other, "[procedure]\nid = \"PROC-X\"\n").unwrap();
    let a = pasos(data.path())
        .arg("--suggest")
        .arg("--procedure-file")
        .arg(&other)
        .assert()
        .code(2);
    assert!(
        stderr(&a).contains("is procedure PROC-X, not PROC-DEMO-001"),
        "{}",
        stderr(&a)
    );
    let md = elsewhere.path().join("runbook.md");
    std::fs::write(&md, "# Runbook\n\n1. Do it\n").unwrap();
    let a = pasos(data.path())
        .arg("--suggest")
        .arg("--procedure-file")
        .arg(&md)
        .assert()
        .code(2);
    assert!(
        stderr(&a).contains("is not a TOML procedure"),
        "{}",
        stderr(&a)
    );
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml");
    let a = pasos(data.path())
        .arg("--suggest")
        .arg("--procedure-file")
        .arg(demo)
        .current_dir(elsewhere.path())
        .assert()
        .code(0);
    assert!(
        stdout(&a).contains("+estimate = \"10-25s\""),
        "{}",
        stdout(&a)
    );
}

#[test]
fn cli_suggest_needs_one_procedure() {
    let f = fixture();
    let a = pasos(f.data.path()).arg("--suggest").assert().code(2);
    assert!(
        stderr(&a).contains("pick it with --procedure ID (PROC-INC-002, PROC-T-001)"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn cli_uses_the_index_unless_told_not_to() {
    let f = fixture();
    let index = kpi::cache::index_path(f.data.path());
    let cold = stdout(
        &pasos(f.data.path())
            .args(["--format", "json", "--no-index"])
            .assert()
            .code(0),
    );
    assert!(!index.exists(), "--no-index leaves the index alone");
    let first = stdout(
        &pasos(f.data.path())
            .args(["--format", "json"])
            .assert()
            .code(0),
    );
    assert!(index.exists());
    let warm = stdout(
        &pasos(f.data.path())
            .args(["--format", "json"])
            .assert()
            .code(0),
    );
    assert_eq!(cold, first);
    assert_eq!(first, warm);
}

#[test]
fn the_scan_finds_what_the_store_lists() {
    let f = fixture();
    let listed: Vec<String> = pasos::journal::store::list(f.data.path())
        .unwrap()
        .iter()
        .map(|p| pasos::journal::store::run_id_of(p))
        .collect();
    let s = scan(f.data.path(), &NO_INDEX).unwrap();
    let mut scanned: Vec<String> = s.runs.iter().map(|r| r.run_id.clone()).collect();
    scanned.extend(s.unverified.iter().map(|u| u.run_id.clone()));
    scanned.sort();
    assert_eq!(scanned, listed);
    let in_order: Vec<&str> = s.runs.iter().map(|r| r.run_id.as_str()).collect();
    let mut sorted = in_order.clone();
    sorted.sort();
    assert_eq!(in_order, sorted, "runs come in run-id order");
}
