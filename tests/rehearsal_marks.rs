//! A rehearsal is never read as a real execution: `log list` marks it, in
//! both languages, and `kpi` does not count it as an execution.

use std::process::{Command, Stdio};

fn pasos(data: &std::path::Path, lang: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(args)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .expect("pasos runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn log_list_marks_a_rehearsal_and_kpi_does_not_count_it() {
    let data = tempfile::tempdir().unwrap();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml");
    // No input: the line-mode rehearsal starts, then ends interrupted.
    let (code, _) = pasos(
        data.path(),
        "en_US.UTF-8",
        &["run", "--plain", "--dry-run", demo],
    );
    assert_eq!(code, 4);
    let (code, en) = pasos(data.path(), "en_US.UTF-8", &["log", "list"]);
    assert_eq!(code, 0, "{en}");
    let row = en.lines().nth(1).expect("one run listed");
    assert!(row.contains("interrupted (rehearsal)"), "{en}");
    let (_, es) = pasos(data.path(), "es_ES.UTF-8", &["log", "list"]);
    assert!(es.contains("interrumpida (ensayo)"), "{es}");
    let (_, kpi) = pasos(data.path(), "en_US.UTF-8", &["kpi", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&kpi).expect("kpi json");
    assert_eq!(v["global"]["executions"], 0, "{kpi}");
    assert_eq!(v["global"]["rehearsals"], 1, "{kpi}");
}
