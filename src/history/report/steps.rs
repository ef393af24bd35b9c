//! The report's steps (actual against estimated times), its rollback and
//! its interruptions.

use super::markdown::{Align, table};
use super::{Ctx, duration, escape};
use crate::history::review::{StepKind, StepReview};
use chrono::TimeZone;
use std::fmt::Display;

/// Step | Title | Result | Attempts | Actual | Estimate | Difference.
fn step_row<Tz: TimeZone>(cx: &Ctx<Tz>, s: &StepReview, attempts: bool) -> Vec<String>
where
    Tz::Offset: Display,
{
    let actual = if s.attempts.is_empty() {
        "-".to_string()
    } else {
        duration(s.actual_ms())
    };
    let mut row = vec![escape(&s.id), cx.title(s), cx.result(s)];
    if attempts {
        row.push(s.attempts.len().to_string());
    }
    row.extend([
        actual,
        s.estimate_text
            .as_deref()
            .map(escape)
            .unwrap_or_else(|| "-".into()),
        cx.versus(s.versus()),
    ]);
    row
}

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    let rows: Vec<Vec<String>> = r
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Forward)
        .map(|s| step_row(cx, s, true))
        .collect();
    let mut out = format!("## {}\n\n", crate::tr!(cx.lang, "report-steps"));
    if rows.is_empty() {
        out.push_str(&crate::tr!(cx.lang, "report-no-steps"));
        out.push_str("\n\n");
        return out;
    }
    let mut header = vec![
        crate::tr!(cx.lang, "report-step"),
        crate::tr!(cx.lang, "report-title-column"),
        crate::tr!(cx.lang, "report-result"),
        crate::tr!(cx.lang, "report-attempts"),
        crate::tr!(cx.lang, "report-actual"),
        crate::tr!(cx.lang, "report-estimate-column"),
        crate::tr!(cx.lang, "report-difference"),
    ];
    let mut align = vec![
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
    ];
    let mut rows = rows;
    // Handed over: each step names who did it (its last attempt's).
    if super::people::several_operators(r) {
        header.push(crate::tr!(cx.lang, "team-report-by-column"));
        align.push(Align::Left);
        let forward = r.steps.iter().filter(|s| s.kind == StepKind::Forward);
        for (row, s) in rows.iter_mut().zip(forward) {
            let who = s
                .attempts
                .last()
                .and_then(|a| super::people::operator_at(r, a.started))
                .map(|o| escape(&o.label()))
                .unwrap_or_else(|| "-".into());
            row.push(who);
        }
    }
    out.push_str(&table(&header, &align, &rows));
    out.push('\n');
    out.push_str(&crate::tr!(cx.lang, "shell-step-time-note"));
    out.push_str("\n\n");
    let over: Vec<String> = r
        .steps
        .iter()
        .filter(|s| {
            s.kind == StepKind::Forward
                && matches!(
                    s.versus(),
                    Some(crate::history::review::Versus::Over { .. })
                )
        })
        .map(|s| escape(&s.id))
        .collect();
    if !over.is_empty() {
        out.push_str(&crate::tr!(
            cx.lang,
            "report-over-estimate-steps",
            steps = (over.join(", ")).to_string()
        ));
        out.push_str("\n\n");
    }
    out
}

pub(super) fn rollback_section<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    let mut out = format!("## {}\n\n", crate::tr!(cx.lang, "report-rollback"));
    let Some(rb) = &r.rollback else {
        out.push_str(&crate::tr!(cx.lang, "report-no-rollback"));
        out.push_str("\n\n");
        return out;
    };
    let from = rb
        .from_step
        .as_deref()
        .map(|s| {
            crate::tr!(
                cx.lang,
                "report-rollback-from",
                step = (escape(s)).to_string()
            )
        })
        .unwrap_or_default();
    let since_start = duration((rb.at - r.record.started()).num_milliseconds().max(0) as u64);
    out.push_str(&crate::tr!(
        cx.lang,
        "report-rollback-started",
        time = (cx.datetime(rb.at)).to_string(),
        from = from.to_string(),
        since_start = since_start.to_string(),
        reason = (escape(&rb.reason)).to_string()
    ));
    out.push_str("\n\n");
    let plan: Vec<String> = rb.plan.iter().map(|p| escape(p)).collect();
    out.push_str(&crate::tr!(
        cx.lang,
        "report-rollback-plan",
        plan = (plan.join(", ")).to_string()
    ));
    out.push(' ');
    out.push_str(&match rb.duration_ms() {
        Some(d) => crate::tr!(
            cx.lang,
            "report-rollback-took",
            duration = (duration(d)).to_string()
        ),
        None => crate::tr!(cx.lang, "report-rollback-unfinished").to_string(),
    });
    out.push_str("\n\n");
    let mut ids: Vec<&String> = rb.plan.iter().collect();
    ids.extend(rb.ran.iter().filter(|id| !rb.plan.contains(id)));
    let rows: Vec<Vec<String>> = ids
        .into_iter()
        .map(|id| match r.step(id) {
            Some(s) => step_row(cx, s, false),
            None => vec![
                escape(id),
                String::new(),
                crate::tr!(cx.lang, "report-step-not-reached").to_string(),
            ],
        })
        .collect();
    out.push_str(&table(
        &[
            crate::tr!(cx.lang, "report-step"),
            crate::tr!(cx.lang, "report-title-column"),
            crate::tr!(cx.lang, "report-result"),
            crate::tr!(cx.lang, "report-actual"),
            crate::tr!(cx.lang, "report-estimate-column"),
            crate::tr!(cx.lang, "report-difference"),
        ],
        &[
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
        ],
        &rows,
    ));
    out.push('\n');
    out
}

pub(super) fn interruptions_section<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    if r.interruptions.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = r
        .interruptions
        .iter()
        .map(|i| {
            let (resumed, gap, who) = match &i.resumed {
                Some(x) => (
                    cx.datetime(x.at),
                    i.gap_ms().map(duration).unwrap_or_default(),
                    escape(&x.operator.label()),
                ),
                None => (
                    crate::tr!(cx.lang, "report-not-resumed").to_string(),
                    String::new(),
                    String::new(),
                ),
            };
            vec![
                cx.datetime(i.stopped),
                resumed,
                gap,
                i.step.as_deref().map(escape).unwrap_or_default(),
                i.cause
                    .as_ref()
                    .map(|c| escape(&crate::history::words::interruption(cx.lang, c)))
                    .unwrap_or_default(),
                who,
            ]
        })
        .collect();
    let mut out = format!("## {}\n\n", crate::tr!(cx.lang, "report-interruptions"));
    out.push_str(&table(
        &crate::history::report::columns(
            cx.lang,
            "report-interruption-columns",
            &[
                "stopped",
                "resumed",
                "paused",
                "step",
                "reason",
                "resumed-by",
            ],
        ),
        &[Align::Left, Align::Left, Align::Right],
        &rows,
    ));
    out.push('\n');
    out.push_str(&crate::tr!(
        cx.lang,
        "report-paused-total",
        paused = (duration(r.paused_ms())).to_string(),
        active = (duration(r.active_ms())).to_string()
    ));
    out.push_str("\n\n");
    out
}
