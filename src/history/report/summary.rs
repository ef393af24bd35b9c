//! The report's summary: one table of what, how bad, how it ended, how
//! long, who, where, which run, and whether its journal can be trusted.

use super::markdown::{Align, table};
use super::{Ctx, ReportInput, code, duration, escape};
use crate::journal::{Mode, Operator};
use chrono::TimeZone;
use std::fmt::Display;

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>, input: &ReportInput) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    let s = &r.record;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |k: String, v: String| rows.push(vec![k, v]);
    row(
        crate::tr!(cx.lang, "report-procedure"),
        format!(
            "{} {} (v{})",
            code(&s.procedure_id),
            escape(&s.procedure_title),
            escape(&s.version)
        ),
    );
    if let Some(c) = &r.profile.criticality {
        row(crate::tr!(cx.lang, "report-criticality"), escape(c));
    }
    row(
        crate::tr!(cx.lang, "report-severity"),
        input
            .severity
            .map(|v| format!("**{}**", escape(v)))
            .unwrap_or_else(|| crate::tr!(cx.lang, "report-severity-blank").to_string()),
    );
    row(
        crate::tr!(cx.lang, "report-outcome"),
        format!("**{}**", outcome(cx)),
    );
    row(crate::tr!(cx.lang, "report-duration"), duration_cell(cx));
    row(
        crate::tr!(cx.lang, "report-started"),
        cx.datetime(s.started()),
    );
    row(
        crate::tr!(cx.lang, "report-ended"),
        match r.ended {
            Some(e) => cx.datetime(e),
            None => crate::tr!(cx.lang, "report-not-finished").to_string(),
        },
    );
    if let Some(first) = r.operators.first() {
        row(
            crate::tr!(cx.lang, "report-operator"),
            person(&first.operator),
        );
    }
    if let Some(sup) = &s.supervisor {
        row(crate::tr!(cx.lang, "team-report-supervisor"), escape(sup));
    }
    let resumed: Vec<String> = r
        .operators
        .iter()
        .filter(|o| o.resumed)
        .map(|o| format!("{}, {}", person(&o.operator), cx.datetime(o.at)))
        .collect();
    if !resumed.is_empty() {
        row(crate::tr!(cx.lang, "report-resumed-by"), resumed.join("\n"));
    }
    row(
        crate::tr!(cx.lang, "report-environment"),
        s.environment
            .as_deref()
            .map(escape)
            .unwrap_or_else(|| "-".into()),
    );
    row(
        crate::tr!(cx.lang, "report-mode"),
        match s.mode {
            Mode::Live => crate::tr!(cx.lang, "report-live"),
            Mode::Rehearsal => crate::tr!(cx.lang, "report-rehearsal"),
            Mode::Test => crate::tr!(cx.lang, "unattended-mode-test"),
        }
        .to_string(),
    );
    row(crate::tr!(cx.lang, "report-run"), code(&s.run_id));
    row(
        crate::tr!(cx.lang, "report-journal"),
        integrity_cell(cx, input),
    );
    let mut out = format!("## {}\n\n", crate::tr!(cx.lang, "report-summary"));
    out.push_str(&table(
        &[
            crate::tr!(cx.lang, "report-field"),
            crate::tr!(cx.lang, "report-value"),
        ],
        &[Align::Left],
        &rows,
    ));
    out.push('\n');
    out
}

/// `Ana Pérez (ana@bastion-1, SSH from 10.0.0.5)`.
fn person(op: &Operator) -> String {
    let mut who = escape(&op.label());
    let mut detail = Vec::new();
    if op.name.is_some() {
        detail.push(escape(&op.login()));
    }
    if let Some(ssh) = &op.ssh {
        let from = ssh.split_whitespace().next().unwrap_or(ssh);
        detail.push(format!("SSH {}", escape(from)));
    }
    if !detail.is_empty() {
        who.push_str(&format!(" ({})", detail.join(", ")));
    }
    who
}

fn outcome<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    crate::tr!(
        cx.lang,
        "history-report-outcome",
        status = cx.review.record.status.name()
    )
}

/// `11m49s · estimate 15-20m · RTO 30m`, with the pauses when there were.
fn duration_cell<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    // The working time, the figure every listing and KPI shows.
    let total = duration(r.active_ms());
    let mut out = if r.ended.is_some() {
        total
    } else {
        crate::tr!(
            cx.lang,
            "report-until-last-event",
            duration = total.to_string()
        )
    };
    if r.paused_ms() > 0 {
        out.push_str(&crate::tr!(
            cx.lang,
            "history-report-wall-paused",
            wall = duration(r.record.wall_ms),
            paused = duration(r.paused_ms())
        ));
    }
    if let Some(e) = &r.profile.estimate {
        out.push_str(&format!(
            " · {} {}",
            crate::tr!(cx.lang, "report-estimate"),
            escape(e)
        ));
        if let Some(est) = r.estimate().filter(|_| r.ended.is_some()) {
            let v = crate::history::review::Versus::of(r.active_ms(), est);
            out.push_str(&format!(" ({})", cx.versus(Some(v))));
        }
    }
    if let Some(rto) = &r.profile.rto {
        out.push_str(&format!(" · RTO {}", escape(rto)));
    }
    out
}

fn integrity_cell<Tz: TimeZone>(cx: &Ctx<Tz>, input: &ReportInput) -> String
where
    Tz::Offset: Display,
{
    let i = input.integrity;
    let mut out = match &i.problem {
        None => crate::tr!(cx.lang, "report-verified", count = i.events),
        Some(p) => crate::tr!(
            cx.lang,
            "report-not-verified",
            problem = (code(p)).to_string()
        ),
    };
    if let Some((line, bytes)) = i.torn_tail {
        out.push_str(&crate::tr!(
            cx.lang,
            "report-torn-tail",
            line = line,
            bytes = bytes
        ));
    }
    out
}
