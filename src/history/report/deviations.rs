//! The report's deviations, notes and decision-tree answers.

use super::markdown::{Align, table};
use super::{Ctx, code, escape};
use chrono::TimeZone;
use std::fmt::Display;

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>) -> String
where
    Tz::Offset: Display,
{
    let r = cx.review;
    let step = |s: &Option<String>| s.as_deref().map(escape).unwrap_or_else(|| "-".into());
    let mut out = format!("## {}\n\n", crate::tr!(cx.lang, "report-deviations"));
    if r.deviations.is_empty() {
        out.push_str(&crate::tr!(cx.lang, "report-no-deviations"));
        out.push_str("\n\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .deviations
            .iter()
            .map(|d| {
                vec![
                    cx.datetime(d.at),
                    step(&d.step),
                    escape(&crate::history::words::deviation(
                        cx.lang,
                        d.step.as_deref(),
                        &d.kind,
                    )),
                    escape(&d.reason),
                ]
            })
            .collect();
        out.push_str(&table(
            &crate::history::report::columns(
                cx.lang,
                "report-deviation-columns",
                &["time", "step", "what", "reason"],
            ),
            &[Align::Left],
            &rows,
        ));
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", crate::tr!(cx.lang, "report-notes")));
    if r.notes.is_empty() {
        out.push_str(&crate::tr!(cx.lang, "report-no-notes"));
        out.push_str("\n\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .notes
            .iter()
            .map(|n| vec![cx.datetime(n.at), step(&n.step), escape(&n.text)])
            .collect();
        out.push_str(&table(
            &crate::history::report::columns(
                cx.lang,
                "report-note-columns",
                &["time", "step", "note"],
            ),
            &[Align::Left],
            &rows,
        ));
        out.push('\n');
    }
    if !r.decisions.is_empty() {
        out.push_str(&format!(
            "## {}\n\n",
            crate::tr!(cx.lang, "report-decisions")
        ));
        let rows: Vec<Vec<String>> = r
            .decisions
            .iter()
            .map(|d| {
                let question = r
                    .question(&d.node)
                    .map(escape)
                    // Journals from before the questions were recorded.
                    .unwrap_or_else(|| code(&d.node));
                vec![
                    cx.datetime(d.at),
                    question,
                    crate::tr!(
                        cx.lang,
                        "history-yes-no",
                        answer = if d.answer { "yes" } else { "no" }
                    ),
                ]
            })
            .collect();
        out.push_str(&table(
            &crate::history::report::columns(
                cx.lang,
                "report-decision-columns",
                &["time", "question", "answer"],
            ),
            &[Align::Left],
            &rows,
        ));
        out.push('\n');
    }
    out
}
