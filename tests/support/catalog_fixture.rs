//! A procedures directory and a history for the catalog's tests: four
//! procedures of different criticality, category and frequency, a file
//! that is not a procedure, and live runs and rehearsals of some of them.
//! Included with `#[path = "support/catalog_fixture.rs"] mod catalog_fixture;`
//! next to `journal_gen`.

#![allow(dead_code)]

use super::journal_gen::{Journal, RunSpec, profile, utc};
use chrono::NaiveDate;
use pasos::journal::RunOutcome;
use std::path::Path;

/// The date the figures are counted from (`PASOS_TODAY`).
pub const TODAY: &str = "2026-12-01";

pub fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn procedure(meta: &str, steps: &[&str]) -> String {
    let mut s = format!("[procedure]\n{meta}\n[[phases]]\nid = \"main\"\nkind = \"execution\"\n");
    for id in steps {
        s.push_str(&format!(
            "\n[[phases.steps]]\nid = \"{id}\"\ntitle = \"Paso {id}\"\nestimate = \"2m\"\ncommands = [\"echo paso-{id}\"]\nexpected = \"paso-{id}\"\n"
        ));
    }
    s
}

/// Writes the procedures under `dir` (created).
pub fn procedures(dir: &Path) {
    std::fs::create_dir_all(dir.join("bd")).unwrap();
    let files = [
        (
            "PROC-BACKEND-001-despliegue-api.toml",
            "id = \"PROC-BACKEND-001\"\ntitle = \"Despliegue de la API de pedidos\"\ncategory = \"despliegue\"\ncriticality = \"critica\"\nfrequency = \"semanal\"\nestimate = \"6m\"\nversion = \"2.0.0\"\nupdated = 2026-10-01\ntags = [\"api\", \"pedidos\"]\n",
            &["1", "2", "3"][..],
        ),
        (
            "bd/PROC-BACKEND-002-rollback-migracion.toml",
            "id = \"PROC-BACKEND-002\"\ntitle = \"Rollback de migración de la base de pedidos\"\ncategory = \"reversion\"\ncriticality = \"critica\"\nfrequency = \"emergencia\"\nestimate = \"4m\"\nversion = \"1.1.0\"\nupdated = 2025-06-01\n",
            &["1", "2"][..],
        ),
        (
            "PROC-BACKEND-003-backup-diario.toml",
            "id = \"PROC-BACKEND-003\"\ntitle = \"Backup diario de PostgreSQL\"\ncategory = \"mantenimiento\"\ncriticality = \"media\"\nfrequency = \"diaria\"\nestimate = \"2m\"\nversion = \"1.0.0\"\nupdated = 2026-11-15\n",
            &["1"][..],
        ),
        (
            "PROC-BACKEND-004-escalado.toml",
            "id = \"PROC-BACKEND-004\"\ntitle = \"Escalado horizontal del clúster\"\ncategory = \"escalado\"\ncriticality = \"alta\"\nfrequency = \"mensual\"\nestimate = \"4m\"\nversion = \"1.0.0\"\nupdated = 2026-03-01\n",
            &["1", "2"][..],
        ),
    ];
    for (name, meta, steps) in files {
        std::fs::write(dir.join(name), procedure(meta, steps)).unwrap();
    }
    std::fs::write(dir.join("notas.toml"), "esto no es [un procedimiento\n").unwrap();
}

fn run(
    data: &Path,
    id: &str,
    steps: &[&str],
    at: (u32, u32),
    outcome: RunOutcome,
    rehearsal: bool,
) {
    let plan: Vec<(&str, &str, Option<&str>)> =
        steps.iter().map(|s| (*s, "main", Some("2m"))).collect();
    let mut spec = RunSpec::new(id, "1.0.0", profile(false, &plan)).operator("Ana");
    if rehearsal {
        spec = spec.rehearsal();
    }
    let start = utc(2026, at.0, at.1, 9, 0, 0);
    let mut j = Journal::start_with_suffix(data, start, &spec, (at.0 * 100 + at.1) as usize);
    for s in steps {
        j.done(s, 90_000);
    }
    j.finish(outcome, start);
    j.write();
}

/// Writes the history under `data`.
pub fn history(data: &Path) {
    let api = ["1", "2", "3"];
    run(
        data,
        "PROC-BACKEND-001",
        &api,
        (11, 10),
        RunOutcome::Success,
        true,
    );
    run(
        data,
        "PROC-BACKEND-001",
        &api,
        (11, 20),
        RunOutcome::Success,
        false,
    );
    run(
        data,
        "PROC-BACKEND-001",
        &api,
        (11, 25),
        RunOutcome::Failed,
        false,
    );
    run(
        data,
        "PROC-BACKEND-001",
        &api,
        (11, 28),
        RunOutcome::Success,
        false,
    );
    run(
        data,
        "PROC-BACKEND-002",
        &["1", "2"],
        (6, 10),
        RunOutcome::RolledBack,
        false,
    );
    // A procedure the catalog does not hold: left out.
    run(
        data,
        "PROC-OTRO-009",
        &["1"],
        (11, 29),
        RunOutcome::Success,
        false,
    );
}
