//! Markdown to paste into the runbook: per procedure, a table of figures,
//! the steps, and the "Historial de Ejecuciones" table of the users'
//! template (Fecha | Ejecutor | Duración | Éxito | Notas).

use super::{notes_line, opt_duration, percent};
use crate::history::kpi::{Kpis, ProcedureKpi, RunStatus};
use crate::history::local_time::{minute, minute_no_offset};
use crate::i18n::fill;
use crate::i18n::kpi::KpiTexts;
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

fn header(cells: &[&str]) -> Vec<String> {
    vec![
        row(&cells.iter().map(|c| title_case(c)).collect::<Vec<_>>()),
        format!("|{}", "---|".repeat(cells.len())),
    ]
}

pub fn render(k: &Kpis, t: &KpiTexts) -> String {
    let mut out = Vec::new();
    let g = &k.global;
    if k.procedures.len() > 1 {
        out.push(format!("## {}", t.title));
        out.push(String::new());
        out.extend(header(&[t.figure, t.value]));
        out.push(row(&[t.executions.into(), g.executions.to_string()]));
        out.push(row(&[t.procedures.into(), g.procedures_run.to_string()]));
        out.push(row(&[t.rehearsals_apart.into(), g.rehearsals.to_string()]));
        out.push(row(&[
            t.success_rate.into(),
            format!(
                "{} ({})",
                percent(g.success_rate, t.none),
                fill(
                    t.of_finished,
                    &[&g.successes.to_string(), &g.finished.to_string()]
                )
            ),
        ]));
        out.push(row(&[
            t.rollback_share.into(),
            percent(g.rollback_share, t.none),
        ]));
        out.push(row(&[
            t.mttr.into(),
            match g.mttr_ms {
                Some(ms) => format!(
                    "{} ({})",
                    format_ms(ms),
                    fill(t.mttr_of, &[&g.mttr_samples.to_string()])
                ),
                None => t.mttr_none.into(),
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

fn procedure(p: &ProcedureKpi, t: &KpiTexts) -> Vec<String> {
    let f = &p.figures;
    let mut out = vec![
        format!(
            "## {}: {} — {}",
            t.title,
            cell(&p.procedure_id),
            cell(&p.title)
        ),
        String::new(),
    ];
    out.extend(header(&[t.figure, t.value]));
    let mut exec = format!(
        "{} ({} {}, {} {}, {} {})",
        f.executions, t.finished, f.finished, t.interrupted, f.interrupted, t.open, f.open
    );
    if f.rehearsals > 0 {
        exec.push_str(&format!("; {} {}", t.rehearsals, f.rehearsals));
    }
    out.push(row(&[t.executions.into(), exec]));
    out.push(row(&[
        t.success_rate.into(),
        format!(
            "{} ({})",
            percent(f.success_rate, t.none),
            fill(
                t.of_finished,
                &[&f.successes.to_string(), &f.finished.to_string()]
            )
        ),
    ]));
    let d = f.duration.as_ref();
    for (label, v) in [
        (t.average, d.map(|d| d.avg_ms)),
        (t.median, d.map(|d| d.median_ms)),
        (t.minimum, d.map(|d| d.min_ms)),
        (t.maximum, d.map(|d| d.max_ms)),
    ] {
        out.push(row(&[
            format!("{} ({label})", t.duration),
            opt_duration(v, t.none),
        ]));
    }
    out.push(row(&[t.rollbacks.into(), f.rollbacks.to_string()]));
    out.push(row(&[
        format!("{} ({})", t.rollbacks, t.rollback_avg),
        opt_duration(f.rollback_avg_ms, t.none),
    ]));
    out.push(row(&[t.deviations.into(), f.deviations.to_string()]));
    out.push(row(&[
        t.last_execution.into(),
        f.last_execution
            .map(|t| minute(t, &Local))
            .unwrap_or_else(|| t.none.into()),
    ]));
    out.push(String::new());
    if p.versions.len() > 1 {
        out.extend(header(&[
            t.col_version,
            t.col_executions,
            t.col_success,
            t.col_median,
            t.col_rollbacks,
            t.col_deviations,
        ]));
        for v in &p.versions {
            let f = &v.figures;
            out.push(row(&[
                cell(&v.version),
                f.executions.to_string(),
                percent(f.success_rate, t.none),
                opt_duration(f.duration.map(|d| d.median_ms), t.none),
                f.rollbacks.to_string(),
                f.deviations.to_string(),
            ]));
        }
        out.push(String::new());
    }
    if p.steps.iter().any(|s| s.actual.is_some()) {
        out.push(format!("### {}", t.steps_title));
        out.push(String::new());
        out.extend(header(&[
            t.col_step,
            t.col_title,
            t.col_estimate,
            t.col_median,
            t.col_p90,
            t.col_over,
            t.col_suggested,
        ]));
        for s in p.steps.iter().filter(|s| s.actual.is_some()) {
            let a = s.actual.as_ref();
            out.push(row(&[
                cell(&s.id),
                cell(&s.title),
                s.estimate
                    .as_deref()
                    .map(cell)
                    .unwrap_or_else(|| t.none.into()),
                opt_duration(a.map(|a| a.median_ms), t.none),
                opt_duration(a.map(|a| a.p90_ms), t.none),
                match (a, s.estimate_max_ms) {
                    (Some(a), Some(_)) => format!("{}/{}", s.over_estimate, a.samples),
                    _ => t.none.into(),
                },
                s.suggestion
                    .as_ref()
                    .map(|sg| sg.estimate.clone())
                    .unwrap_or_else(|| t.none.into()),
            ]));
        }
        out.push(String::new());
    }
    if !p.history.is_empty() {
        out.push(format!("### {}", t.history_title));
        out.push(String::new());
        out.extend(header(&[
            t.col_date,
            t.col_operator,
            t.col_duration,
            t.col_ok,
            t.col_notes,
        ]));
        for h in &p.history {
            let ok = match h.status {
                RunStatus::Finished(RunOutcome::Success) => t.yes.to_string(),
                s if s.is_finished() => format!("{} ({})", t.no, t.status(s)),
                s => format!("{} ({})", t.none, t.status(s)),
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
