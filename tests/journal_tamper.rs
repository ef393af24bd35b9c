//! Every single-line edit, deletion, duplication, swap and every truncation
//! of a real journal is detected by verification: all of them, not a sample.

use chrono::{TimeZone, Utc};
use pasos::journal::store;
use pasos::journal::verify::{ProblemKind, verify_file};
use pasos::journal::{Event, JournalWriter, Mode, Operator, Redactor, RunOutcome, StepOutcome};
use std::path::{Path, PathBuf};

fn write_journal(dir: &Path) -> PathBuf {
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap();
    let run_id = store::new_run_id(t0);
    let path = store::journal_path(dir, &run_id);
    let mut w =
        JournalWriter::create(&path, &run_id, Redactor::new(["s3cr3t-pw".to_string()])).unwrap();
    let events = vec![
        Event::RunStarted {
            run_id: run_id.clone(),
            procedure_id: "PROC-DEMO-001".into(),
            procedure_title: "Demo".into(),
            version: "1.0.0".into(),
            procedure_sha256: "ab".repeat(32),
            source: "procedures/demo.toml".into(),
            environment: Some("demo".into()),
            mode: Mode::Live,
            operator: Operator {
                user: "ana".into(),
                host: "bastion".into(),
                ssh: Some("10.0.0.1 5555 22".into()),
                name: None,
            },
            forced: false,
            profile: Default::default(),
        },
        Event::VariableSet {
            name: "DB_PASSWORD".into(),
            value: None,
            secret: true,
        },
        Event::StepStarted {
            step: "P1".into(),
            attempt: 1,
        },
        Event::CommandSent {
            step: "P1".into(),
            command: "echo s3cr3t-pw".into(),
            manual: false,
            transcript_offset: Some(120),
        },
        Event::CommandFinished {
            step: "P1".into(),
            exit_code: 0,
            duration_ms: 812,
        },
        Event::StepFinished {
            step: "P1".into(),
            outcome: StepOutcome::Done,
            duration_ms: 900,
            why: pasos::journal::StepWhy::default(),
        },
        Event::StepStarted {
            step: "1".into(),
            attempt: 1,
        },
        Event::CommandFinished {
            step: "1".into(),
            exit_code: 1,
            duration_ms: 40,
        },
        Event::Deviation {
            step: Some("1".into()),
            kind: pasos::journal::DeviationKind::from_sentence("failed -> done"),
            reason: "falso positivo: el grep busca en el log antiguo".into(),
        },
        Event::Note {
            step: Some("1".into()),
            text: "ñandú ✓ 中文".into(),
        },
        Event::RollbackStarted {
            from_step: Some("1".into()),
            reason: "error rate".into(),
            plan: vec!["1".into(), "R1".into()],
        },
        Event::RunFinished {
            outcome: RunOutcome::RolledBack,
            duration_ms: 61_000,
            reason: None,
        },
    ];
    for (i, e) in events.into_iter().enumerate() {
        w.append(e, t0 + chrono::Duration::seconds(i as i64))
            .unwrap();
    }
    path
}

fn lines_of(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn verify_with(path: &Path, bytes: &[u8]) -> pasos::journal::Verification {
    std::fs::write(path, bytes).unwrap();
    verify_file(path).unwrap()
}

#[test]
fn the_untouched_journal_verifies_and_hides_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let v = verify_file(&path).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    assert_eq!(v.lines.len(), 12);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("s3cr3t-pw"));
    assert!(text.contains("echo [redacted]"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(path.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
    }
}

#[test]
fn every_byte_edit_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut checked = 0;
    for i in 0..original.len() {
        if original[i] == b'\n' {
            continue; // joining or splitting lines is covered by the other tests
        }
        let mut bytes = original.clone();
        bytes[i] = if bytes[i] == b'x' { b'y' } else { b'x' };
        let v = verify_with(&path, &bytes);
        assert!(!v.intact(), "edit at byte {i} went unnoticed");
        checked += 1;
    }
    assert!(checked > 1000);
}

#[test]
fn every_line_deletion_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let lines = lines_of(&std::fs::read(&path).unwrap());
    for k in 0..lines.len() {
        let mut l = lines.clone();
        l.remove(k);
        let v = verify_with(&path, &l.concat());
        assert!(!v.intact(), "deleting line {} went unnoticed", k + 1);
        let kinds: Vec<_> = v.problems.iter().map(|p| p.kind.clone()).collect();
        let expected = if k == 0 {
            ProblemKind::Foreign
        } else if k == lines.len() - 1 {
            ProblemKind::Truncated
        } else {
            ProblemKind::Missing
        };
        assert!(kinds.contains(&expected), "line {}: {kinds:?}", k + 1);
    }
}

#[test]
fn every_line_duplication_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let lines = lines_of(&std::fs::read(&path).unwrap());
    for k in 0..lines.len() {
        let mut l = lines.clone();
        l.insert(k + 1, lines[k].clone());
        let v = verify_with(&path, &l.concat());
        assert!(!v.intact(), "duplicating line {} went unnoticed", k + 1);
        assert_eq!(
            v.problems[0].kind,
            ProblemKind::Duplicated,
            "line {}",
            k + 1
        );
    }
}

#[test]
fn every_swap_of_two_lines_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let lines = lines_of(&std::fs::read(&path).unwrap());
    for i in 0..lines.len() {
        for j in i + 1..lines.len() {
            let mut l = lines.clone();
            l.swap(i, j);
            let v = verify_with(&path, &l.concat());
            assert!(
                !v.intact(),
                "swapping lines {} and {} went unnoticed",
                i + 1,
                j + 1
            );
        }
    }
}

#[test]
fn every_truncation_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let original = std::fs::read(&path).unwrap();
    for len in 0..original.len() {
        let v = verify_with(&path, &original[..len]);
        assert!(!v.intact(), "truncating to {len} bytes went unnoticed");
    }
}

#[test]
fn a_torn_last_line_from_a_crash_is_reported_apart_and_the_rest_stays_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    // A crash in the middle of writing line 13: the head was not moved.
    bytes.extend_from_slice(b"{\"seq\":13,\"ts\":\"2026-11-23T03:0");
    let v = verify_with(&path, &bytes);
    assert!(v.intact(), "{:?}", v.problems);
    let torn = v.torn_tail.clone().expect("torn tail reported");
    assert_eq!(torn.line, 13);
    assert_eq!(v.lines.len(), 12);
    // Reopening for resume cuts the torn bytes and goes on chaining.
    let (mut w, lines, discarded) = JournalWriter::reopen(&path, Redactor::default()).unwrap();
    assert_eq!(lines.len(), 12);
    assert_eq!(discarded, Some(torn.bytes));
    w.append(
        Event::RunResumed {
            operator: Operator::default(),
            discarded_torn_bytes: discarded,
        },
        Utc::now(),
    )
    .unwrap();
    let v = verify_file(&path).unwrap();
    assert!(v.intact() && v.torn_tail.is_none(), "{:?}", v.problems);
    assert_eq!(v.lines.len(), 13);
}

#[test]
fn a_journal_from_another_run_is_foreign() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path());
    let other = path.with_file_name("20261123T030000000Z-ffff.jsonl");
    std::fs::copy(&path, &other).unwrap();
    std::fs::copy(store::head_path(&path), store::head_path(&other)).unwrap();
    let v = verify_file(&other).unwrap();
    assert_eq!(v.problems[0].kind, ProblemKind::Foreign);
}
