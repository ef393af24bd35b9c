//! Markdown to paste into the runbook: per procedure, a table of figures,
//! the steps, and the "Historial de Ejecuciones" table of the users'
//! template (Fecha | Ejecutor | Duración | Éxito | Notas).

use super::{notes_line, opt_duration, percent};
use crate::history::kpi::{Kpis, ProcedureKpi, RunStatus};
use crate::history::local_time::{minute, minute_no_offset};

use crate::journal::RunOutcome;
use crate::procedure::estimate::format_ms;
use chrono::Local;

/// Text safe inside a table cell: no pipes or line breaks.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

fn row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

/// `STEP` -> `Step`: the plain table's headers, as Markdown headings.
fn title_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn header<S: AsRef<str>>(cells: &[S]) -> Vec<String> {
    vec![
        row(&cells
            .iter()
            .map(|c| title_case(c.as_ref()))
            .collect::<Vec<_>>()),
        format!("|{}", "---|".repeat(cells.len())),
    ]
}

pub fn render(k: &Kpis, t: crate::i18n::Lang) -> String {
    let mut out = Vec::new();
    let g = &k.global;
    if k.procedures.len() > 1 {
        out.push(format!("## {}", crate::tr!(t, "kpi-title")));
        out.push(String::new());
        out.extend(header(&[
            crate::tr!(t, "kpi-figure"),
            crate::tr!(t, "kpi-value"),
        ]));
        out.push(row(&[
            crate::tr!(t, "kpi-executions"),
            g.executions.to_string(),
        ]));
        out.push(row(&[
            crate::tr!(t, "kpi-procedures"),
            g.procedures_run.to_string(),
        ]));
        out.push(row(&[
            crate::tr!(t, "kpi-rehearsals-apart"),
            g.rehearsals.to_string(),
        ]));
        if g.tests > 0 {
            out.push(row(&[
                crate::tr!(t, "unattended-kpi-tests-apart", count = g.tests),
                g.tests.to_string(),
            ]));
        }
        out.push(row(&[
            crate::tr!(t, "kpi-success-rate"),
            format!(
                "{} ({})",
                percent(g.success_rate, &crate::tr!(t, "kpi-none")),
                crate::tr!(
                    t,
                    "kpi-of-finished",
                    count = g.successes,
                    finished = g.finished.to_string()
                )
            ),
        ]));
        out.push(row(&[
            crate::tr!(t, "kpi-rollback-share"),
            percent(g.rollback_share, &crate::tr!(t, "kpi-none")),
        ]));
        out.push(row(&[
            crate::tr!(t, "kpi-mttr"),
            match g.mttr_ms {
                Some(ms) => format!(
                    "{} ({})",
                    format_ms(ms),
                    crate::tr!(t, "kpi-mttr-of", count = g.mttr_samples)
                ),
                None => crate::tr!(t, "kpi-mttr-none"),
            },
        ]));
        out.push(String::new());
    }
    for p in &k.procedures {
        out.extend(procedure(p, t));
    }
    if !k.unverified.is_empty() {
        for line in super::table::unverified(&k.unverified, t) {
            out.push(format!("> {line}"));
        }
        out.push(String::new());
    }
    out.join("\n")
}

fn procedure(p: &ProcedureKpi, t: crate::i18n::Lang) -> Vec<String> {
    let f = &p.figures;
    let mut out = vec![
        format!(
            "## {}: {} — {}",
            crate::tr!(t, "kpi-title"),
            cell(&p.procedure_id),
            cell(&p.title)
        ),
        String::new(),
    ];
    out.extend(header(&[
        crate::tr!(t, "kpi-figure"),
        crate::tr!(t, "kpi-value"),
    ]));
    let mut exec = format!(
        "{} ({} {}, {} {}, {} {})",
        f.executions,
        crate::tr!(t, "kpi-finished"),
        f.finished,
        crate::tr!(t, "kpi-interrupted"),
        f.interrupted,
        crate::tr!(t, "kpi-open"),
        f.open
    );
    if f.rehearsals > 0 {
        exec.push_str(&format!(
            "; {} {}",
            crate::tr!(t, "kpi-rehearsals"),
            f.rehearsals
        ));
    }
    if f.tests > 0 {
        exec.push_str(&format!(
            "; {}",
            crate::tr!(t, "unattended-kpi-tests", count = f.tests)
        ));
    }
    if f.supervised > 0 {
        exec.push_str(&format!(
            "; {}",
            crate::tr!(t, "team-kpi-supervised", count = f.supervised)
        ));
    }
    out.push(row(&[crate::tr!(t, "kpi-executions"), exec]));
    out.push(row(&[
        crate::tr!(t, "kpi-success-rate"),
        format!(
            "{} ({})",
            percent(f.success_rate, &crate::tr!(t, "kpi-none")),
            crate::tr!(
                t,
                "kpi-of-finished",
                count = f.successes,
                finished = f.finished.to_string()
            )
        ),
    ]));
    let d = f.duration.as_ref();
    for (label, v) in [
        (crate::tr!(t, "kpi-average"), d.map(|d| d.avg_ms)),
        (crate::tr!(t, "kpi-median"), d.map(|d| d.median_ms)),
        (crate::tr!(t, "kpi-minimum"), d.map(|d| d.min_ms)),
        (crate::tr!(t, "kpi-maximum"), d.map(|d| d.max_ms)),
    ] {
        out.push(row(&[
            format!("{} ({label})", crate::tr!(t, "kpi-duration")),
            opt_duration(v, &crate::tr!(t, "kpi-none")),
        ]));
    }
    out.push(row(&[
        crate::tr!(t, "kpi-rollbacks"),
        f.rollbacks.to_string(),
    ]));
    out.push(row(&[
        format!(
            "{} ({})",
            crate::tr!(t, "kpi-rollbacks"),
            crate::tr!(t, "kpi-rollback-avg")
        ),
        opt_duration(f.rollback_avg_ms, &crate::tr!(t, "kpi-none")),
    ]));
    out.push(row(&[
        crate::tr!(t, "kpi-deviations"),
        f.deviations.to_string(),
    ]));
    out.push(row(&[
        crate::tr!(t, "kpi-last-execution"),
        f.last_execution
            .map(|t| minute(t, &Local))
            .unwrap_or_else(|| crate::tr!(t, "kpi-none")),
    ]));
    out.push(String::new());
    if p.versions.len() > 1 {
        out.extend(header(&[
            crate::tr!(t, "kpi-col-version"),
            crate::tr!(t, "kpi-col-executions"),
            crate::tr!(t, "kpi-col-success"),
            crate::tr!(t, "kpi-col-median"),
            crate::tr!(t, "kpi-col-rollbacks"),
            crate::tr!(t, "kpi-col-deviations"),
        ]));
        for v in &p.versions {
            let f = &v.figures;
            out.push(row(&[
                cell(&v.version),
                f.executions.to_string(),
                percent(f.success_rate, &crate::tr!(t, "kpi-none")),
                opt_duration(f.duration.map(|d| d.median_ms), &crate::tr!(t, "kpi-none")),
                f.rollbacks.to_string(),
                f.deviations.to_string(),
            ]));
        }
        out.push(String::new());
    }
    if p.steps.iter().any(|s| s.actual.is_some()) {
        out.push(format!("### {}", crate::tr!(t, "kpi-steps-title")));
        out.push(String::new());
        out.extend(header(&[
            crate::tr!(t, "kpi-col-step"),
            crate::tr!(t, "kpi-col-title"),
            crate::tr!(t, "kpi-col-estimate"),
            crate::tr!(t, "kpi-col-median"),
            crate::tr!(t, "kpi-col-p90"),
            crate::tr!(t, "kpi-col-over"),
            crate::tr!(t, "kpi-col-suggested"),
        ]));
        for s in p.steps.iter().filter(|s| s.actual.is_some()) {
            let a = s.actual.as_ref();
            out.push(row(&[
                cell(&s.id),
                cell(&s.title),
                s.estimate
                    .as_deref()
                    .map(cell)
                    .unwrap_or_else(|| crate::tr!(t, "kpi-none")),
                opt_duration(a.map(|a| a.median_ms), &crate::tr!(t, "kpi-none")),
                opt_duration(a.map(|a| a.p90_ms), &crate::tr!(t, "kpi-none")),
                match (a, s.estimate_max_ms) {
                    (Some(a), Some(_)) => format!("{}/{}", s.over_estimate, a.samples),
                    _ => crate::tr!(t, "kpi-none"),
                },
                s.suggestion
                    .as_ref()
                    .map(|sg| sg.estimate.clone())
                    .unwrap_or_else(|| crate::tr!(t, "kpi-none")),
            ]));
        }
        out.push(String::new());
    }
    if !p.history.is_empty() {
        out.push(format!("### {}", crate::tr!(t, "kpi-history-title")));
        out.push(String::new());
        out.extend(header(&[
            crate::tr!(t, "kpi-col-date"),
            crate::tr!(t, "kpi-col-operator"),
            crate::tr!(t, "kpi-col-duration"),
            crate::tr!(t, "kpi-col-ok"),
            crate::tr!(t, "kpi-col-notes"),
        ]));
        for h in &p.history {
            let ok = match h.status {
                RunStatus::Finished(RunOutcome::Success) => crate::tr!(t, "kpi-yes").to_string(),
                s if s.is_finished() => format!("{} ({})", crate::tr!(t, "kpi-no"), s.word(t)),
                s => format!("{} ({})", crate::tr!(t, "kpi-none"), s.word(t)),
            };
            let notes = notes_line(h, t);
            out.push(row(&[
                minute_no_offset(h.started, &Local),
                cell(&h.operator),
                format_ms(h.duration_ms),
                ok,
                cell(&super::abridge(&notes, 120)),
            ]));
        }
        out.push(String::new());
    }
    out
}
