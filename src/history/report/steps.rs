//! The report's steps (actual against estimated times), its rollback and
//! its interruptions.

use super::markdown::{Align, table};
use super::{Ctx, duration, escape};
use crate::history::review::{StepKind, StepReview};
use crate::i18n::fill;
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
    let (t, r) = (cx.t, cx.review);
    let rows: Vec<Vec<String>> = r
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Forward)
        .map(|s| step_row(cx, s, true))
        .collect();
    let mut out = format!("## {}\n\n", t.steps);
    if rows.is_empty() {
        out.push_str(t.no_steps);
        out.push_str("\n\n");
        return out;
    }
    out.push_str(&table(
        &[
            t.step,
            t.title_column,
            t.result,
            t.attempts,
            t.actual,
            t.estimate_column,
            t.difference,
        ],
        &[
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        &rows,
    ));
    out.push('\n');
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
        out.push_str(&fill(t.over_estimate_steps, &[&over.join(", ")]));
        out.push_str("\n\n");
    }
    out
}

pub(super) fn rollback_section<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let (t, r) = (cx.t, cx.review);
    let mut out = format!("## {}\n\n", t.rollback);
    let Some(rb) = &r.rollback else {
        out.push_str(t.no_rollback);
        out.push_str("\n\n");
        return out;
    };
    let from = rb
        .from_step
        .as_deref()
        .map(|s| fill(t.rollback_from, &[&escape(s)]))
        .unwrap_or_default();
    let since_start = duration((rb.at - r.record.started()).num_milliseconds().max(0) as u64);
    out.push_str(&fill(
        t.rollback_started,
        &[
            &cx.datetime(rb.at),
            &from,
            &since_start,
            &escape(&rb.reason),
        ],
    ));
    out.push_str("\n\n");
    let plan: Vec<String> = rb.plan.iter().map(|p| escape(p)).collect();
    out.push_str(&fill(t.rollback_plan, &[&plan.join(", ")]));
    out.push(' ');
    out.push_str(&match rb.duration_ms() {
        Some(d) => fill(t.rollback_took, &[&duration(d)]),
        None => t.rollback_unfinished.to_string(),
    });
    out.push_str("\n\n");
    let mut ids: Vec<&String> = rb.plan.iter().collect();
    ids.extend(rb.ran.iter().filter(|id| !rb.plan.contains(id)));
    let rows: Vec<Vec<String>> = ids
        .into_iter()
        .map(|id| match r.step(id) {
            Some(s) => step_row(cx, s, false),
            None => vec![escape(id), String::new(), t.step_not_reached.to_string()],
        })
        .collect();
    out.push_str(&table(
        &[
            t.step,
            t.title_column,
            t.result,
            t.actual,
            t.estimate_column,
            t.difference,
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
    let (t, r) = (cx.t, cx.review);
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
                None => (t.not_resumed.to_string(), String::new(), String::new()),
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
    let mut out = format!("## {}\n\n", t.interruptions);
    out.push_str(&table(
        &t.interruption_columns,
        &[Align::Left, Align::Left, Align::Right],
        &rows,
    ));
    out.push('\n');
    out.push_str(&fill(
        t.paused_total,
        &[&duration(r.paused_ms()), &duration(r.active_ms())],
    ));
    out.push_str("\n\n");
    out
}
