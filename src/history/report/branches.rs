//! The report's choices and conditions: the option chosen at each choice
//! (and the steps that therefore did not run) and every condition's
//! answer. Neither is a deviation.

use super::markdown::{Align, table};
use super::{Ctx, code, escape};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    if r.choices.is_empty() && r.conditions.is_empty() {
        return String::new();
    }
    let step = |id: &str| {
        let title = r
            .step(id)
            .and_then(|s| s.title.clone())
            .map(|t| format!(": {}", escape(&t)))
            .unwrap_or_default();
        format!("{}{title}", escape(id))
    };
    let mut rows: Vec<(DateTime<Utc>, Vec<String>)> = Vec::new();
    for c in &r.choices {
        let answer = if c.not_chosen.is_empty() {
            crate::tr!(cx.lang, "branch-report-chose", option = code(&c.option))
        } else {
            let skipped: Vec<String> = c.not_chosen.iter().map(|s| escape(s)).collect();
            crate::tr!(
                cx.lang,
                "branch-report-chose-not-run",
                option = code(&c.option),
                steps = skipped.join(", ")
            )
        };
        rows.push((
            c.at,
            vec![
                cx.datetime(c.at),
                step(&c.step),
                crate::tr!(cx.lang, "branch-report-kind", kind = "choice"),
                answer,
            ],
        ));
    }
    for c in &r.conditions {
        rows.push((
            c.at,
            vec![
                cx.datetime(c.at),
                step(&c.step),
                crate::tr!(cx.lang, "branch-report-kind", kind = "condition"),
                crate::tr!(
                    cx.lang,
                    "branch-report-condition-answer",
                    answer = if c.answer { "yes" } else { "no" }
                ),
            ],
        ));
    }
    rows.sort_by_key(|(at, _)| *at);
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
    let mut out = format!("## {}\n\n", crate::tr!(cx.lang, "branch-report-title"));
    out.push_str(&crate::tr!(cx.lang, "branch-report-intro"));
    out.push_str("\n\n");
    out.push_str(&table(
        &crate::history::report::columns(
            cx.lang,
            "branch-report-columns",
            &["time", "step", "kind", "answer"],
        ),
        &[Align::Left],
        &rows,
    ));
    out.push('\n');
    out
}
