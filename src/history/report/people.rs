//! The report's second people: approvals (granted and refused) and
//! handoffs, from the journal's lines. Absent when the run had none.

use super::markdown::{Align, table};
use super::{Ctx, code, escape};
use crate::history::review::RunReview;
use crate::journal::{Event, Line, Operator};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>, lines: &[Line]) -> String
where
    Tz::Offset: Display,
{
    let lang = cx.lang;
    let mut rows = Vec::new();
    for l in lines {
        match &l.event {
            Event::ApprovalGranted(a) => {
                let what = a
                    .step
                    .as_deref()
                    .map(escape)
                    .unwrap_or_else(|| crate::tr!(lang, "team-report-whole-run"));
                let note = a
                    .note
                    .as_deref()
                    .map(|n| format!(": {}", escape(n)))
                    .unwrap_or_default();
                rows.push(vec![
                    cx.datetime(l.ts),
                    crate::tr!(
                        lang,
                        "team-report-approval-line",
                        what = what,
                        approver = escape(&a.approver),
                        role = escape(&a.role),
                        time = a.signed_at.clone(),
                        note = note
                    ),
                    code(&a.key),
                ]);
            }
            Event::ApprovalRefused(_) | Event::Handoff(_) => {
                let m = crate::history::timeline::Plain;
                rows.push(vec![
                    cx.datetime(l.ts),
                    escape(&crate::history::people::describe(lang, &m, &l.event)),
                    String::new(),
                ]);
            }
            _ => {}
        }
    }
    if rows.is_empty() {
        return String::new();
    }
    let mut out = format!("## {}\n\n", crate::tr!(lang, "team-report-approvals"));
    out.push_str(&table(
        &crate::history::report::columns(lang, "team-report-columns", &["time", "what", "key"]),
        &[Align::Left],
        &rows,
    ));
    out.push('\n');
    out
}

/// The operator at work at `t`: who started the run, or the last one who
/// resumed it before `t`.
pub fn operator_at(r: &RunReview, t: DateTime<Utc>) -> Option<&Operator> {
    r.operators
        .iter()
        .rev()
        .find(|o| o.at <= t)
        .or(r.operators.first())
        .map(|o| &o.operator)
}

/// More than one person ran steps of this run.
pub fn several_operators(r: &RunReview) -> bool {
    let mut names: Vec<String> = r.operators.iter().map(|o| o.operator.label()).collect();
    names.sort();
    names.dedup();
    names.len() > 1
}
