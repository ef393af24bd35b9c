//! The report's timeline: one row per journal event (a command and its
//! exit code share one), local time with its offset, the date on the first
//! row and whenever it changes.

use super::markdown::{Align, command, table};
use super::{Ctx, escape};
use crate::history::timeline::{self, Context, Markup};
use crate::journal::{Event, Line};
use chrono::TimeZone;
use std::fmt::Display;

/// The shared timeline's words, marked up as Markdown.
struct Markdown;

impl Markup for Markdown {
    fn text(&self, s: &str) -> String {
        escape(s)
    }
    fn step(&self, id: &str) -> String {
        escape(id)
    }
    fn code(&self, s: &str, max: usize) -> String {
        command(s, max)
    }
    fn strong(&self, s: &str) -> String {
        format!("**{s}**")
    }
}

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>, lines: &[Line]) -> String
where
    Tz::Offset: Display,
{
    let clock = |at| cx.datetime(at);
    let tl = Context {
        lang: cx.lang,
        review: Some(cx.review),
        clock: &clock,
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut last_date = None;
    // The row of the command waiting for its exit code: (row, step).
    let mut in_flight: Option<(usize, String)> = None;
    for line in lines {
        let at = line.ts;
        if let Event::CommandFinished {
            step,
            exit_code,
            duration_ms,
        } = &line.event
            && let Some((row, _)) = in_flight.as_ref().filter(|(_, s)| s == step)
        {
            rows[*row][1].push_str(&format!(
                " {}",
                timeline::exit(&tl, &Markdown, *exit_code, *duration_ms)
            ));
            in_flight = None;
            continue;
        }
        // A command that never got its exit code (the run stopped).
        if let Some((row, _)) = in_flight.take() {
            rows[row][1].push_str(&format!(" {}", crate::tr!(cx.lang, "report-no-exit-code")));
        }
        let date = cx.date(at);
        let when = if last_date == Some(date) {
            cx.time(at)
        } else {
            cx.datetime(at)
        };
        last_date = Some(date);
        let text = timeline::describe(&tl, &Markdown, &line.event, at);
        if let Event::CommandSent { step, .. } = &line.event {
            in_flight = Some((rows.len(), step.clone()));
        }
        rows.push(vec![when, text]);
    }
    if let Some((row, _)) = in_flight.take() {
        rows[row][1].push_str(&format!(" {}", crate::tr!(cx.lang, "report-no-exit-code")));
    }
    let mut out = format!(
        "## {}\n\n{}\n\n",
        crate::tr!(cx.lang, "report-timeline"),
        crate::tr!(cx.lang, "report-timeline-note")
    );
    out.push_str(&table(
        &[
            crate::tr!(cx.lang, "report-time"),
            crate::tr!(cx.lang, "report-event"),
        ],
        &[Align::Left],
        &rows,
    ));
    out.push('\n');
    out
}
