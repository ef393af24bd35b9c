//! The report's summary: one table of what, how bad, how it ended, how
//! long, who, where, which run, and whether its journal can be trusted.

use super::markdown::{Align, table};
use super::{Ctx, ReportInput, code, duration, escape};
use crate::i18n::fill;
use crate::journal::{Mode, Operator};
use chrono::TimeZone;
use std::fmt::Display;

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>, input: &ReportInput) -> String
where
    Tz::Offset: Display,
{
    let (t, r) = (cx.t, cx.review);
    let s = &r.record;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |k: &str, v: String| rows.push(vec![k.to_string(), v]);
    row(
        t.procedure,
        format!(
            "{} {} (v{})",
            code(&s.procedure_id),
            escape(&s.procedure_title),
            escape(&s.version)
        ),
    );
    if let Some(c) = &r.profile.criticality {
        row(t.criticality, escape(c));
    }
    row(
        t.severity,
        input
            .severity
            .map(|v| format!("**{}**", escape(v)))
            .unwrap_or_else(|| t.severity_blank.to_string()),
    );
    row(t.outcome, format!("**{}**", outcome(cx)));
    row(t.duration, duration_cell(cx));
    row(t.started, cx.datetime(s.started()));
    row(
        t.ended,
        match r.ended {
            Some(e) => cx.datetime(e),
            None => t.not_finished.to_string(),
        },
    );
    if let Some(first) = r.operators.first() {
        row(t.operator, person(&first.operator));
    }
    let resumed: Vec<String> = r
        .operators
        .iter()
        .filter(|o| o.resumed)
        .map(|o| format!("{}, {}", person(&o.operator), cx.datetime(o.at)))
        .collect();
    if !resumed.is_empty() {
        row(t.resumed_by, resumed.join("\n"));
    }
    row(
        t.environment,
        s.environment
            .as_deref()
            .map(escape)
            .unwrap_or_else(|| "-".into()),
    );
    row(
        t.mode,
        match s.mode {
            Mode::Live => t.live,
            Mode::Rehearsal => t.rehearsal,
        }
        .to_string(),
    );
    row(t.run, code(&s.run_id));
    row(t.journal, integrity_cell(cx, input));
    let mut out = format!("## {}\n\n", t.summary);
    out.push_str(&table(&[t.field, t.value], &[Align::Left], &rows));
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
    let (t, r) = (cx.t, cx.review);
    // The working time, the figure every listing and KPI shows.
    let total = duration(r.active_ms());
    let mut out = if r.ended.is_some() {
        total
    } else {
        fill(t.until_last_event, &[&total])
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
        out.push_str(&format!(" · {} {}", t.estimate, escape(e)));
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
    let t = cx.t;
    let i = input.integrity;
    let mut out = match &i.problem {
        None => fill(t.verified, &[&i.events.to_string()]),
        Some(p) => fill(t.not_verified, &[&code(p)]),
    };
    if let Some((line, bytes)) = i.torn_tail {
        out.push_str(&fill(t.torn_tail, &[&line.to_string(), &bytes.to_string()]));
    }
    out
}
