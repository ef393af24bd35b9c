//! The real-runbook corpus: every `tests/fixtures/import/NAME.md` (public
//! runbooks and the users' seeds, sources in `SOURCES.md`) has a
//! hand-written `NAME.expect` saying what an operator needs from the import:
//!
//! - `kind: procedure|reference|index` — how the document is read;
//! - `run: TEXT` — some command of a step contains TEXT;
//! - `never: TEXT` — no command of a step or snippet contains TEXT;
//! - `variable: NAME` — a `[[variables]]` entry NAME exists (`secret: NAME`: and is secret);
//! - `gated: TEXT` — the step whose command contains TEXT has `confirm = true`;
//! - `interactive: TEXT` — the command (of a step or snippet) containing TEXT is interactive;
//! - `step: TEXT` — a step title contains TEXT;
//! - `option: TEXT` — the step whose command contains TEXT runs only when
//!   its option of a `choice` is picked;
//! - `choice: TEXT` — a choice has an option whose title contains TEXT;
//! - `condition: TEXT` — the step whose title contains TEXT has a `condition`;
//! - `snippet: TEXT` — a `[[snippets]]` command contains TEXT, and no step runs it.

use super::assert_loads;
use pasos::procedure::import::{Options, import_bytes};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn check_one(md: &PathBuf, expect: &str) -> Vec<String> {
    let bytes = std::fs::read(md).expect("fixture");
    let name = md.file_name().unwrap().to_string_lossy().to_string();
    let imported = import_bytes(
        &bytes,
        &Options {
            repair: true,
            source_name: name.clone(),
        },
    );
    assert_loads(&imported);
    let p = &imported.procedure;
    let steps: Vec<_> = p.all_steps().collect();
    let mut failures = Vec::new();
    for (n, line) in expect.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            failures.push(format!("{name}.expect:{}: no `key:`", n + 1));
            continue;
        };
        let value = value.trim();
        let commands = || {
            steps
                .iter()
                .flat_map(|s| s.commands.iter().map(move |c| (*s, c)))
        };
        let snippet_commands = || p.snippets.iter().flat_map(|s| s.commands.iter());
        let ok = match key.trim() {
            "kind" => imported.report.risks.document.map(|d| d.name()) == Some(value),
            "run" => commands().any(|(_, c)| c.run.contains(value)),
            "never" => {
                !commands().any(|(_, c)| c.run.contains(value))
                    && !snippet_commands().any(|c| c.run.contains(value))
            }
            "option" => {
                commands().any(|(_, c)| c.run.contains(value))
                    && commands()
                        .filter(|(_, c)| c.run.contains(value))
                        .all(|(s, _)| p.choice_owning(&s.id).is_some())
            }
            "choice" => steps.iter().any(|s| {
                s.choice
                    .as_ref()
                    .is_some_and(|c| c.options.iter().any(|o| o.title.contains(value)))
            }),
            "condition" => steps
                .iter()
                .any(|s| s.title.contains(value) && s.condition.is_some()),
            "snippet" => {
                snippet_commands().any(|c| c.run.contains(value))
                    && !commands().any(|(_, c)| c.run.contains(value))
            }
            "variable" => p.variables.iter().any(|v| v.name == value),
            "secret" => p.variables.iter().any(|v| v.name == value && v.secret),
            "gated" => {
                commands().any(|(_, c)| c.run.contains(value))
                    && commands().all(|(s, c)| !c.run.contains(value) || s.confirm)
            }
            "interactive" => {
                commands().any(|(_, c)| c.run.contains(value) && c.interactive)
                    || snippet_commands().any(|c| c.run.contains(value) && c.interactive)
            }
            "step" => steps.iter().any(|s| s.title.contains(value)),
            other => {
                failures.push(format!("{name}.expect:{}: unknown key `{other}`", n + 1));
                continue;
            }
        };
        if !ok {
            failures.push(format!("{name}.expect:{}: `{line}` does not hold", n + 1));
        }
    }
    failures
}

#[test]
fn every_corpus_runbook_meets_its_expectations() {
    let mut mds: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("SOURCES.md"))
        .collect();
    mds.sort();
    assert!(mds.len() >= 13, "corpus has {} runbooks", mds.len());
    let mut failures = Vec::new();
    for md in &mds {
        let expect_path = md.with_extension("expect");
        let Ok(expect) = std::fs::read_to_string(&expect_path) else {
            failures.push(format!("{}: no .expect file", md.display()));
            continue;
        };
        failures.extend(check_one(md, &expect));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A WARNING paragraph reaches the step, the TOML and the printable
/// checklist, without its label twice.
#[test]
fn a_warning_reaches_the_checklist() {
    let md = "# Reinicio\n\n## Paso 1: Reiniciar pods\n\n**ADVERTENCIA:** esto reinicia todos los pods.\n\n```bash\nkubectl rollout restart deployment -n prod\n```\n";
    let imported = pasos::procedure::import::import_str(md, &Options::default());
    let step = imported.procedure.steps().next().expect("one step");
    assert_eq!(
        step.warning.as_deref(),
        Some("esto reinicia todos los pods.")
    );
    let loaded = pasos::procedure::load_str(&imported.toml);
    let p = loaded.procedure.expect("loads");
    assert_eq!(
        p.steps().next().and_then(|s| s.warning.as_deref()),
        Some("esto reinicia todos los pods.")
    );
    let doc = pasos::export::from_procedure::build(&p, pasos::i18n::Lang::Es);
    let txt = pasos::export::render(&doc, pasos::export::Format::Txt);
    assert!(
        txt.contains("ADVERTENCIA: esto reinicia todos los pods."),
        "{txt}"
    );
    assert!(!txt.contains("ADVERTENCIA: ADVERTENCIA"), "{txt}");
}

/// Steps in the layouts real runbooks use: a `- [ ] Paso N:` checklist, a
/// cutover timeline (`T-15`, `T0`, `T+30`), steps under deep headings.
#[test]
fn steps_in_every_layout() {
    let md = "# Corte de tráfico\n\n## Checklist\n\n- [ ] Paso 1: Avisar al equipo en #ops\n- [ ] Paso 2: Parar el worker: `systemctl stop worker`\n- [ ] Paso 3: Verificar la cola: `rabbitmqctl list_queues`\n\n## Timeline\n\n- T-15: Congelar despliegues\n- T0: Cambiar DNS con `./scripts/switch-dns.sh`\n- T+30: Revisar métricas\n\n## Anexo\n\n#### Detalle\n\n##### Paso 9: Limpiar\n\n```bash\nrm -f /tmp/corte.lock\n```\n";
    let imported = pasos::procedure::import::import_str(md, &Options::default());
    assert_loads(&imported);
    let titles: Vec<String> = imported
        .procedure
        .steps()
        .map(|s| s.title.clone())
        .collect();
    for want in [
        "Avisar al equipo en #ops",
        "Parar el worker",
        "Verificar la cola",
        "T-15: Congelar despliegues",
        "T+30: Revisar métricas",
        "Limpiar",
    ] {
        assert!(titles.iter().any(|t| t == want), "{want} not in {titles:?}");
    }
    let stop = imported
        .procedure
        .steps()
        .find(|s| s.title == "Parar el worker")
        .expect("step");
    assert_eq!(stop.commands[0].run, "systemctl stop worker");
}
