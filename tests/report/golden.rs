//! `pasos report` on generated journals, through the real binary with the
//! timezone fixed: the exact Markdown, and every table well formed when a
//! real parser reads it.

use super::scenarios;
use assert_cmd::Command;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

pub fn report(data: &Path, args: &[&str], lang: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("pasos")
        .unwrap()
        .env("PASOS_DATA_DIR", data)
        .env("TZ", "America/Argentina/Buenos_Aires")
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("report")
        .args(args)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
}

pub fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/report")
        .join(name)
}

/// Compares with the golden file; `PASOS_UPDATE_GOLDEN=1` rewrites it
/// (then read the diff before committing it).
fn assert_golden(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("PASOS_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(n, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", n + 1))
            .collect();
        panic!(
            "{name} differs ({} vs {} lines):\n{}\n--- actual ---\n{actual}",
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// Every table: (columns, rows) with every row's cell count checked
/// against the header's; and the inline code seen anywhere.
pub fn tables(markdown: &str) -> (Vec<(usize, usize)>, Vec<String>) {
    let mut out = Vec::new();
    let mut codes = Vec::new();
    let (mut columns, mut rows, mut cells) = (0, 0, 0);
    for ev in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Table(align)) => {
                columns = align.len();
                rows = 0;
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                assert_eq!(
                    cells, columns,
                    "a row with {cells} cells in a table of {columns}"
                );
                rows += 1;
            }
            Event::End(TagEnd::Table) => out.push((columns, rows)),
            Event::Code(c) => codes.push(c.to_string()),
            _ => {}
        }
    }
    (out, codes)
}

#[test]
fn a_rolled_back_run_in_spanish() {
    let data = tempfile::tempdir().unwrap();
    scenarios::rolled_back(data.path());
    let a = report(
        data.path(),
        &[&scenarios::ROLLED_BACK[..22], "--severity", "SEV-2"],
        "es_AR.UTF-8",
    )
    .code(0);
    let md = stdout(&a);
    assert_golden("rolled_back.es.md", &md);
    let (tables, _) = tables(&md);
    // (columns, rows with the header): summary (12 fields), timeline (33
    // events, the 7 command results folded into their commands' rows),
    // steps (5 forward), decisions, rollback (3), action items (3 blank).
    assert_eq!(
        tables,
        [(2, 13), (2, 27), (7, 6), (3, 2), (6, 4), (5, 4)],
        "{md}"
    );
}

#[test]
fn an_interrupted_run_in_english_across_midnight() {
    let data = tempfile::tempdir().unwrap();
    scenarios::interrupted(data.path());
    let a = report(data.path(), &[scenarios::INTERRUPTED], "en_US.UTF-8").code(0);
    let md = stdout(&a);
    assert_golden("interrupted.en.md", &md);
    let (tables, _) = tables(&md);
    // The steps table names who did each step: the run was resumed by
    // another operator.
    assert_eq!(
        tables.iter().map(|t| t.0).collect::<Vec<_>>(),
        [2, 2, 8, 6, 5]
    );
}

#[test]
fn pipes_newlines_and_backticks_stay_inside_their_cells() {
    let data = tempfile::tempdir().unwrap();
    scenarios::retried(data.path());
    scenarios::success(data.path());
    for id in [scenarios::RETRIED, scenarios::SUCCESS] {
        for lang in ["es_ES.UTF-8", "C"] {
            let md = stdout(&report(data.path(), &[id], lang).code(0));
            let (tables, codes) = tables(&md);
            assert!(tables.len() >= 5, "{md}");
            if id == scenarios::SUCCESS {
                assert!(
                    codes.iter().any(|c| c == "kubectl get pods | grep billing"),
                    "{codes:?}"
                );
            }
        }
    }
    let md = stdout(&report(data.path(), &[scenarios::RETRIED], "C").code(0));
    // The override's reason has a `|`, the last note a line break.
    assert!(
        md.contains("| migration already applied by the DBA \\| ticket #4411 |"),
        "{md}"
    );
    assert!(md.contains("| Customer notified<br>by phone |"), "{md}");
}
