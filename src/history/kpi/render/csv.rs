//! CSV (RFC 4180, comma-separated, header row) of one table of the
//! figures: one row per procedure and version, per step, or per run.
//! Column names are the JSON field names; durations in milliseconds,
//! ratios 0..1, times RFC 3339 in UTC, empty for "none".

use crate::history::kpi::{Figures, Kpis};
use chrono::SecondsFormat;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// One row per procedure (`version` empty: every version) and one per
    /// procedure version.
    Procedures,
    /// One row per step of each procedure.
    Steps,
    /// One row per execution (the execution history).
    Runs,
}

/// A field quoted when it needs to be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn line(cells: &[String]) -> String {
    cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",") + "\n"
}

const PROCEDURE_COLUMNS: &[&str] = &[
    "procedure_id",
    "version",
    "executions",
    "finished",
    "successes",
    "failed",
    "rolled_back",
    "aborted",
    "interrupted",
    "open",
    "success_rate",
    "avg_ms",
    "median_ms",
    "min_ms",
    "max_ms",
    "rollbacks",
    "rollback_avg_ms",
    "deviations",
    "last_execution",
    "rehearsals",
];

const STEP_COLUMNS: &[&str] = &[
    "procedure_id",
    "step",
    "title",
    "phase",
    "estimate",
    "estimate_min_ms",
    "estimate_max_ms",
    "samples",
    "median_ms",
    "p90_ms",
    "min_ms",
    "max_ms",
    "over_estimate",
    "skipped",
    "retried",
    "suggested",
    "suggestion_proposed",
];

const RUN_COLUMNS: &[&str] = &[
    "procedure_id",
    "run_id",
    "started",
    "operator",
    "environment",
    "version",
    "duration_ms",
    "status",
    "rolled_back",
    "interruptions",
    "deviations",
    "notes",
];

fn figures(id: &str, version: &str, f: &Figures) -> Vec<String> {
    let d = f.duration.as_ref();
    vec![
        id.to_string(),
        version.to_string(),
        f.executions.to_string(),
        f.finished.to_string(),
        f.successes.to_string(),
        f.failed.to_string(),
        f.rolled_back.to_string(),
        f.aborted.to_string(),
        f.interrupted.to_string(),
        f.open.to_string(),
        opt(f.success_rate),
        opt(d.map(|d| d.avg_ms)),
        opt(d.map(|d| d.median_ms)),
        opt(d.map(|d| d.min_ms)),
        opt(d.map(|d| d.max_ms)),
        f.rollbacks.to_string(),
        opt(f.rollback_avg_ms),
        f.deviations.to_string(),
        opt(f
            .last_execution
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))),
        f.rehearsals.to_string(),
    ]
}

pub fn render(k: &Kpis, rows: Rows) -> String {
    let columns = match rows {
        Rows::Procedures => PROCEDURE_COLUMNS,
        Rows::Steps => STEP_COLUMNS,
        Rows::Runs => RUN_COLUMNS,
    };
    let mut out = line(&columns.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    for p in &k.procedures {
        match rows {
            Rows::Procedures => {
                out.push_str(&line(&figures(&p.procedure_id, "", &p.figures)));
                for v in &p.versions {
                    out.push_str(&line(&figures(&p.procedure_id, &v.version, &v.figures)));
                }
            }
            Rows::Steps => {
                for s in &p.steps {
                    let a = s.actual.as_ref();
                    out.push_str(&line(&[
                        p.procedure_id.clone(),
                        s.id.clone(),
                        s.title.clone(),
                        s.phase.clone(),
                        s.estimate.clone().unwrap_or_default(),
                        opt(s.estimate_min_ms),
                        opt(s.estimate_max_ms),
                        a.map_or(0, |a| a.samples).to_string(),
                        opt(a.map(|a| a.median_ms)),
                        opt(a.map(|a| a.p90_ms)),
                        opt(a.map(|a| a.min_ms)),
                        opt(a.map(|a| a.max_ms)),
                        s.over_estimate.to_string(),
                        s.skipped.to_string(),
                        s.retried.to_string(),
                        opt(s.suggestion.as_ref().map(|g| g.estimate.clone())),
                        opt(s.suggestion.as_ref().map(|g| g.proposed)),
                    ]));
                }
            }
            Rows::Runs => {
                for h in &p.history {
                    out.push_str(&line(&[
                        p.procedure_id.clone(),
                        h.run_id.clone(),
                        h.started.to_rfc3339_opts(SecondsFormat::Millis, true),
                        h.operator.clone(),
                        h.environment.clone().unwrap_or_default(),
                        h.version.clone(),
                        h.duration_ms.to_string(),
                        h.status.name().to_string(),
                        h.rolled_back.to_string(),
                        h.interruptions.to_string(),
                        h.deviations
                            .iter()
                            .map(|d| d.line(crate::i18n::Lang::En))
                            .collect::<Vec<_>>()
                            .join("; "),
                        h.notes
                            .iter()
                            .map(|n| n.line())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
