//! The report's timeline: one row per journal event (a command and its
//! exit code share one), local time with its offset, the date on the first
//! row and whenever it changes.

use super::markdown::{Align, command, table};
use super::{Ctx, code, duration, escape};
use crate::i18n::fill;
use crate::journal::{Event, ExitSource, Line, Mode, StepOutcome};
use crate::run::parse_ts;
use chrono::TimeZone;
use std::fmt::Display;

/// Characters of a command shown in the timeline.
const COMMAND_CHARS: usize = 60;

pub(super) fn section<Tz: TimeZone>(cx: &Ctx<Tz>, lines: &[Line]) -> String
where
    Tz::Offset: Display,
{
    let t = cx.t;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut last_date = None;
    // The row of the command waiting for its exit code: (row, step).
    let mut in_flight: Option<(usize, String)> = None;
    for line in lines {
        // What a resume restores, not something a reader follows.
        if matches!(line.event, Event::ShellContext { .. }) {
            continue;
        }
        let at = parse_ts(&line.ts);
        if let Event::CommandFinished {
            step,
            exit_code,
            duration_ms,
            source,
        } = &line.event
            && let Some((row, _)) = in_flight.as_ref().filter(|(_, s)| s == step)
        {
            rows[*row][1].push_str(&format!(" {}", exit(cx, *exit_code, *duration_ms, *source)));
            in_flight = None;
            continue;
        }
        // A command that never got its exit code (the run stopped).
        if let Some((row, _)) = in_flight.take() {
            rows[row][1].push_str(&format!(" {}", t.no_exit_code));
        }
        let date = cx.date(at);
        let when = if last_date == Some(date) {
            cx.time(at)
        } else {
            cx.datetime(at)
        };
        last_date = Some(date);
        let text = describe(cx, &line.event, at);
        if let Event::CommandSent { step, .. } = &line.event {
            in_flight = Some((rows.len(), step.clone()));
        }
        rows.push(vec![when, text]);
    }
    if let Some((row, _)) = in_flight.take() {
        rows[row][1].push_str(&format!(" {}", t.no_exit_code));
    }
    let mut out = format!("## {}\n\n{}\n\n", t.timeline, t.timeline_note);
    out.push_str(&table(&[t.time, t.event], &[Align::Left], &rows));
    out.push('\n');
    out
}

fn exit<Tz: TimeZone>(cx: &Ctx<Tz>, code: i32, ms: u64, source: Option<ExitSource>) -> String
where
    Tz::Offset: Display,
{
    let word = fill(cx.t.exit_code, &[&code.to_string()]);
    let word = if code == 0 {
        word
    } else {
        format!("**{word}**")
    };
    let from = source
        .map(|s| {
            format!(
                ", {}",
                crate::tr!(cx.lang, "shell-exit-source", source = s.name())
            )
        })
        .unwrap_or_default();
    format!("→ {word} ({}{from})", duration(ms))
}

fn step_label(id: &str) -> String {
    format!("**{}**", escape(id))
}

fn describe<Tz: TimeZone>(cx: &Ctx<Tz>, e: &Event, at: chrono::DateTime<chrono::Utc>) -> String
where
    Tz::Offset: Display,
{
    let (t, r) = (cx.t, cx.review);
    match e {
        Event::RunStarted {
            environment,
            mode,
            operator,
            forced,
            ..
        } => {
            let mode = match mode {
                Mode::Live => t.live,
                Mode::Rehearsal => t.rehearsal,
            };
            let mut s = fill(
                t.ev_run_started,
                &[
                    &escape(&operator.label()),
                    &environment
                        .as_deref()
                        .map(escape)
                        .unwrap_or_else(|| "-".into()),
                    mode,
                ],
            );
            if *forced {
                s.push_str(t.ev_forced);
            }
            s
        }
        Event::PrerequisiteConfirmed {
            group,
            item,
            check,
            exit_code,
        } => {
            let mut s = fill(t.ev_prerequisite, &[&escape(group), &escape(item)]);
            if let Some(c) = check {
                let code_text = exit_code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into());
                s.push_str(&fill(
                    t.ev_checked_with,
                    &[&command(c, COMMAND_CHARS), &code_text],
                ));
            }
            s
        }
        Event::VariableSet {
            name,
            value,
            secret,
        } => match (secret, value) {
            (false, Some(v)) => fill(t.ev_variable, &[&code(name), &command(v, COMMAND_CHARS)]),
            _ => fill(t.ev_variable_secret, &[&code(name)]),
        },
        Event::StepStarted { step, attempt } => {
            let title = r
                .step(step)
                .map(|s| cx.title(s))
                .filter(|t| !t.is_empty())
                .map(|t| format!(": {t}"))
                .unwrap_or_default();
            if *attempt > 1 {
                format!(
                    "{}{title}",
                    fill(
                        t.ev_step_retried,
                        &[&step_label(step), &attempt.to_string()]
                    )
                )
            } else {
                format!("{}{title}", fill(t.ev_step_started, &[&step_label(step)]))
            }
        }
        Event::CommandSent {
            step,
            command: c,
            manual,
            ..
        } => {
            let by_hand = if *manual { t.ev_by_hand } else { "" };
            format!(
                "{}: {by_hand}{}",
                step_label(step),
                command(c, COMMAND_CHARS)
            )
        }
        Event::CommandFinished {
            step,
            exit_code,
            duration_ms,
            source,
        } => format!(
            "{}: {}",
            step_label(step),
            exit(cx, *exit_code, *duration_ms, *source)
        ),
        Event::ValidationResult {
            step,
            passed,
            detail,
        } => {
            let detail = detail
                .as_deref()
                .map(|d| format!(": {}", escape(d)))
                .unwrap_or_default();
            if *passed {
                format!("{}: {}{detail}", step_label(step), t.ev_validation_passed)
            } else {
                format!(
                    "{}: **{}**{detail}",
                    step_label(step),
                    t.ev_validation_failed
                )
            }
        }
        Event::StepFinished {
            step,
            outcome,
            duration_ms,
            reason,
            step_ms,
            ..
        } => {
            // Step time (the operator's) where the journal has it.
            let duration_ms = &step_ms.unwrap_or(*duration_ms);
            let reason = reason
                .as_deref()
                .map(|d| format!(": {}", escape(d)))
                .unwrap_or_default();
            let estimate = r
                .step(step)
                .and_then(|s| s.estimate_text.as_deref())
                .map(|e| fill(t.ev_estimate, &[&escape(e)]))
                .unwrap_or_default();
            let word = cx.outcome(*outcome);
            match outcome {
                StepOutcome::Skipped => format!("{} {word}{reason}", step_label(step)),
                StepOutcome::Failed => format!(
                    "**{} {word}** {}{estimate}{reason}",
                    escape(step),
                    fill(t.ev_after, &[&duration(*duration_ms)])
                ),
                _ => format!(
                    "{} {word} {}{estimate}{reason}",
                    step_label(step),
                    fill(t.ev_after, &[&duration(*duration_ms)])
                ),
            }
        }
        Event::Deviation { step, what, reason } => {
            let on = step
                .as_deref()
                .map(|s| fill(t.ev_on, &[&step_label(s)]))
                .unwrap_or_default();
            fill(t.ev_deviation, &[&on, &escape(what), &escape(reason)])
        }
        Event::Note { step, text } => {
            let on = step
                .as_deref()
                .map(|s| fill(t.ev_on, &[&step_label(s)]))
                .unwrap_or_default();
            fill(t.ev_note, &[&on, &escape(text)])
        }
        Event::Confirmation { step, typed } => {
            fill(t.ev_confirmation, &[&step_label(step), &code(typed)])
        }
        Event::DecisionAnswered { node, answer } => fill(
            t.ev_decision,
            &[&code(node), if *answer { t.yes } else { t.no }],
        ),
        Event::RollbackStarted {
            from_step,
            reason,
            plan,
        } => {
            let from = from_step
                .as_deref()
                .map(|s| fill(t.ev_from, &[&step_label(s)]))
                .unwrap_or_default();
            let plan: Vec<String> = plan.iter().map(|p| escape(p)).collect();
            fill(t.ev_rollback, &[&from, &escape(reason), &plan.join(", ")])
        }
        Event::ShellContext { .. } => String::new(),
        Event::ShellRestarted {
            cause,
            exit_code,
            step,
        } => {
            let during = step
                .as_deref()
                .map(|s| {
                    format!(
                        " ({})",
                        crate::tr!(cx.lang, "shell-during-step", step = step_label(s))
                    )
                })
                .unwrap_or_default();
            let what = crate::tr!(
                cx.lang,
                "shell-restarted",
                cause = match cause {
                    crate::journal::RestartCause::Exited => "exited",
                    crate::journal::RestartCause::Killed => "killed",
                    crate::journal::RestartCause::Operator => "operator",
                },
                code = exit_code.map(|c| c.to_string()).unwrap_or_default()
            );
            format!("{what}{during}")
        }
        Event::RunInterrupted { reason, step } => {
            let during = step
                .as_deref()
                .map(|s| fill(t.ev_during, &[&step_label(s)]))
                .unwrap_or_default();
            let mut s = fill(t.ev_interrupted, &[&during, &escape(reason)]);
            if let Some(i) = r
                .interruptions
                .iter()
                .find(|i| i.at == at && i.stopped != at)
            {
                s.push_str(&fill(t.ev_stopped_at, &[&cx.datetime(i.stopped)]));
            }
            s
        }
        Event::RunResumed {
            operator,
            discarded_torn_bytes,
        } => {
            let gap = r
                .interruptions
                .iter()
                .find(|i| i.resumed.as_ref().is_some_and(|x| x.at == at))
                .and_then(|i| i.gap_ms())
                .map(|g| fill(t.ev_after_stopped, &[&duration(g)]))
                .unwrap_or_default();
            let mut s = fill(t.ev_resumed, &[&escape(&operator.label()), &gap]);
            if let Some(b) = discarded_torn_bytes {
                s.push_str(&fill(t.ev_torn, &[&b.to_string()]));
            }
            s
        }
        Event::RunFinished {
            outcome,
            duration_ms,
        } => {
            let word = match outcome {
                crate::journal::RunOutcome::Success => t.outcome_success,
                crate::journal::RunOutcome::Failed => t.outcome_failed,
                crate::journal::RunOutcome::RolledBack => t.outcome_rolled_back,
                crate::journal::RunOutcome::Aborted => t.outcome_aborted,
            };
            fill(t.ev_finished, &[word, &duration(*duration_ms)])
        }
    }
}
