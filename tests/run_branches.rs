//! Choices, conditions, warnings and reference snippets end to end through
//! the real binary in line mode, on the shipped `procedures/demo-ramas.toml`
//! (it only touches a scratch directory): the journal records the answers,
//! only the chosen branch runs, a "no" leaves its step out without a
//! deviation, a snippet runs as a command typed by hand, and the report
//! names the choice and the condition's answer.

use assert_cmd::Command;
use pasos::journal::{Event, RunOutcome, store, verify_file};
use std::path::Path;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo-ramas.toml");

struct Env {
    data: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            data: tempfile::tempdir().unwrap(),
            work: tempfile::Builder::new()
                .prefix("pasos-ramas-")
                .tempdir_in("/tmp")
                .unwrap(),
        }
    }

    fn workdir(&self) -> String {
        self.work.path().join("demo").display().to_string()
    }

    fn pasos(&self) -> Command {
        let mut cmd = Command::cargo_bin("pasos").unwrap();
        cmd.env("PASOS_DATA_DIR", self.data.path())
            .env("HOME", self.work.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .timeout(std::time::Duration::from_secs(60));
        cmd
    }

    fn run(&self, lang: &str, stdin: &str) -> (i32, String) {
        let out = self
            .pasos()
            .args(["run", "--plain", "--lang", lang])
            .arg(format!("--var=WORKDIR={}", self.workdir()))
            .arg(DEMO)
            .write_stdin(stdin.to_string())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    fn events(&self) -> Vec<Event> {
        let journals = store::list(self.data.path()).unwrap();
        assert_eq!(journals.len(), 1);
        let v = verify_file(&journals[0]).unwrap();
        assert!(v.intact(), "{:?}", v.problems);
        v.lines.into_iter().map(|l| l.event).collect()
    }

    fn run_id(&self) -> String {
        match &self.events()[0] {
            Event::RunStarted { run_id, .. } => run_id.clone(),
            e => panic!("first event {e:?}"),
        }
    }

    fn file(&self, rel: &str) -> Option<String> {
        std::fs::read_to_string(Path::new(&self.workdir()).join(rel)).ok()
    }
}

#[test]
fn template_branch_condition_no_and_a_snippet() {
    let env = Env::new();
    // P1, 1; step 2: Enter then option 2 (the template); 2b; the snippet
    // picker (`c`), command 1, yes; 2c; step 3: Enter, condition "n"; V1.
    let (code, stdout) = env.run("en", "\n\n\n2\n\nc\n1\ny\n\n\nn\n\n");
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("? ¿Cómo se restaura config.ini?"),
        "{stdout}"
    );
    assert!(stdout.contains("2: option plantilla chosen"), "{stdout}");
    assert!(
        stdout.contains("!! WARNING: Borra todo lo que haya en la caché"),
        "the warning shows before step 3: {stdout}"
    );
    assert!(
        stdout.contains("step 3 does not run (condition: no)"),
        "{stdout}"
    );
    // The template branch ran; the backup branch did not; the cache stays.
    assert_eq!(
        env.file("app/config.ini").as_deref(),
        Some("version=1.0.0\ngreeting=hola\n")
    );
    assert!(env.file("cache/entry-1").is_some(), "step 3 must not run");

    let events = env.events();
    assert!(events.contains(&Event::ChoiceMade {
        step: "2".into(),
        option: "plantilla".into(),
        not_chosen: vec!["2a".into()],
    }));
    assert!(events.contains(&Event::ConditionAnswered {
        step: "3".into(),
        answer: false,
    }));
    let ws = env.workdir();
    assert!(events.contains(&Event::SnippetSent {
        snippet: "cache".into(),
        command: format!("ls -la \"{ws}/cache\""),
    }));
    assert!(
        events.iter().any(|e| matches!(e, Event::CommandSent { manual: true, command, .. } if command.starts_with("ls -la"))),
        "the snippet runs as a command typed by hand"
    );
    let started: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::StepStarted { step, .. } => Some(step.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(started, ["P1", "1", "2b", "2c", "V1"]);
    assert!(!events.iter().any(|e| matches!(e, Event::Deviation { .. })));
    assert!(matches!(
        events.last(),
        Some(Event::RunFinished {
            outcome: RunOutcome::Success,
            ..
        })
    ));

    // The report names the choice and the answer; neither is a deviation.
    let out = env
        .pasos()
        .args(["report", "--lang", "es", &env.run_id()])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("## Elecciones y condiciones"), "{report}");
    assert!(
        report.contains("opción `plantilla` (no se ejecutaron: 2a)"),
        "{report}"
    );
    assert!(report.contains("no: no aplica"), "{report}");
    assert!(report.contains("no elegido"), "{report}");
    assert!(report.contains("no aplica (condición: no)"), "{report}");
    let deviations = report
        .split("## Desviaciones")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap_or_default();
    assert_eq!(deviations.trim(), "Ninguno.", "{report}");

    // KPIs: a branch not taken and a condition answered no are not skips.
    let out = env
        .pasos()
        .args(["kpi", "--format", "json", "--procedure", "PROC-DEMO-003"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let kpi: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut skipped = Vec::new();
    collect_skips(&kpi, &mut skipped);
    for id in ["2a", "3"] {
        assert!(
            skipped.contains(&(id.to_string(), 0)),
            "{id} counted as a skip: {skipped:?}"
        );
    }
}

/// (step id, skipped) of every per-step KPI in the JSON.
fn collect_skips(v: &serde_json::Value, out: &mut Vec<(String, u64)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(id), Some(n)) = (
                m.get("id").and_then(|x| x.as_str()),
                m.get("skipped").and_then(|x| x.as_u64()),
            ) {
                out.push((id.to_string(), n));
            }
            m.values().for_each(|x| collect_skips(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_skips(x, out)),
        _ => {}
    }
}

#[test]
fn backup_branch_condition_yes_confirms_and_resume_keeps_the_answers() {
    let env = Env::new();
    // P1, 1; step 2: option 1 (the backup); then quit at 2a.
    let (code, stdout) = env.run("es", "\n\n\n1\nq\n");
    assert_eq!(code, 4, "{stdout}");
    assert!(stdout.contains("2: opción backup elegida"), "{stdout}");
    // Resume: the choice is not asked again; 2a runs, then step 3's
    // condition (yes) and its confirmation (typing `3`), then V1.
    let out = env
        .pasos()
        .args(["run", "--plain", "--lang", "es", "--resume", &env.run_id()])
        .arg(DEMO)
        .write_stdin("\n\ny\n3\n\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        !stdout.contains("Elija una opción"),
        "asked again: {stdout}"
    );
    assert!(
        stdout.contains("Condición: ¿La caché tiene datos"),
        "{stdout}"
    );
    assert_eq!(
        env.file("app/config.ini").as_deref(),
        Some("version=1.0.0\ngreeting=hola\n")
    );
    assert_eq!(env.file("cache/entry-1"), None, "step 3 emptied the cache");
    let events = env.events();
    let started: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::StepStarted { step, .. } => Some(step.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(started, ["P1", "1", "2a", "3", "V1"]);
    assert!(events.contains(&Event::ConditionAnswered {
        step: "3".into(),
        answer: true,
    }));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Confirmation { step, .. } if step == "3"))
    );
}
