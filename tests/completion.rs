//! Shell completion through a real bash: `pasos completions bash` is
//! sourced, bash's completion function is called as a TAB would, and the
//! run ids of the data directory come back for `--resume`, `log show`,
//! `log verify`, `report` and `export --run`.

mod common;

use std::process::Command;

fn complete(data: &std::path::Path, bin_dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let current = words.last().copied().unwrap_or("");
    let previous = words[words.len().saturating_sub(2)];
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <(pasos completions bash)\n\
         COMP_WORDS=({words})\n\
         COMP_CWORD={cword}\n\
         COMP_TYPE=9\n\
         _clap_complete_pasos pasos '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = quoted.join(" "),
        cword = words.len() - 1,
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &script])
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin_dir.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("PASOS_DATA_DIR", data)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A history of two runs: journals whose names carry their run ids.
fn history() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("runs/2026/12");
    std::fs::create_dir_all(&dir).unwrap();
    for id in ["20261201T080000000Z-aaaa", "20261205T090000000Z-bbbb"] {
        std::fs::write(dir.join(format!("{id}.jsonl")), "").unwrap();
    }
    data
}

#[test]
fn run_ids_complete_where_a_run_is_named() {
    if !common::tool_available("run_ids_complete_where_a_run_is_named", "bash") {
        return;
    }
    let data = history();
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_pasos"), bin.path().join("pasos")).unwrap();
    let newest_first = ["20261205T090000000Z-bbbb", "20261201T080000000Z-aaaa"];
    for words in [
        &["pasos", "log", "show", ""][..],
        &["pasos", "log", "verify", ""],
        &["pasos", "report", ""],
        &["pasos", "run", "--resume", ""],
        &["pasos", "export", "--run", ""],
    ] {
        let got = complete(data.path(), bin.path(), words);
        let ids: Vec<&str> = got
            .iter()
            .map(String::as_str)
            .filter(|c| !c.starts_with('-'))
            .collect();
        assert_eq!(ids, newest_first, "{words:?}: {got:?}");
    }
    // A prefix narrows them; subcommands still complete.
    let got = complete(
        data.path(),
        bin.path(),
        &["pasos", "log", "show", "202612052"],
    );
    assert!(got.is_empty(), "{got:?}");
    let got = complete(
        data.path(),
        bin.path(),
        &["pasos", "log", "show", "20261205"],
    );
    assert_eq!(got, ["20261205T090000000Z-bbbb"]);
    let got = complete(data.path(), bin.path(), &["pasos", "lo"]);
    assert_eq!(got, ["log"]);
    // No history: nothing, and no error.
    let empty = tempfile::tempdir().unwrap();
    let got = complete(empty.path(), bin.path(), &["pasos", "report", ""]);
    assert!(got.iter().all(|c| c.starts_with('-')), "{got:?}");
}
