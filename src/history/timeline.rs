//! A run's timeline in words: one line per event, for `pasos log show`.

use crate::journal::{Event, Line, StepOutcome};
use crate::procedure::estimate::format_ms;
use crate::run::parse_ts;
use chrono::Local;

/// (local time with offset, seconds since start, description).
pub fn timeline(lines: &[Line]) -> Vec<(String, String, String)> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let t0 = parse_ts(&first.ts);
    lines
        .iter()
        .map(|l| {
            let t = parse_ts(&l.ts);
            let local = t
                .with_timezone(&Local)
                .format("%Y-%m-%d %H:%M:%S%.3f %:z")
                .to_string();
            let offset =
                crate::procedure::estimate::format_secs((t - t0).num_seconds().max(0) as u64);
            (local, format!("+{offset}"), describe(&l.event))
        })
        .collect()
}

fn outcome(o: StepOutcome) -> &'static str {
    match o {
        StepOutcome::Done => "done",
        StepOutcome::Failed => "FAILED",
        StepOutcome::Skipped => "skipped",
        StepOutcome::RolledBack => "rolled back",
        StepOutcome::Interrupted => "interrupted",
    }
}

pub fn describe(e: &Event) -> String {
    match e {
        Event::RunStarted {
            procedure_id,
            version,
            environment,
            mode,
            operator,
            forced,
            ..
        } => format!(
            "run started: {procedure_id} v{version} on {} ({}) by {}{}@{}{}{}",
            environment.as_deref().unwrap_or("-"),
            match mode {
                crate::journal::Mode::Live => "live",
                crate::journal::Mode::Rehearsal => "rehearsal",
            },
            operator
                .name
                .as_ref()
                .map(|n| format!("{n} as "))
                .unwrap_or_default(),
            operator.user,
            operator.host,
            operator
                .ssh
                .as_ref()
                .map(|s| format!(" via SSH from {}", s.split_whitespace().next().unwrap_or(s)))
                .unwrap_or_default(),
            if *forced {
                " [forced past the lock]"
            } else {
                ""
            }
        ),
        Event::PrerequisiteConfirmed {
            group, item, check, ..
        } => match check {
            Some(c) => format!("prerequisite ok ({group}): {item} — checked with `{c}`"),
            None => format!("prerequisite confirmed ({group}): {item}"),
        },
        Event::VariableSet {
            name,
            value,
            secret,
        } => match (secret, value) {
            (true, _) => format!("variable {name} set (secret)"),
            (false, Some(v)) => format!("variable {name} = {v}"),
            (false, None) => format!("variable {name} set"),
        },
        Event::StepStarted { step, attempt } if *attempt > 1 => {
            format!("step {step} started (attempt {attempt})")
        }
        Event::StepStarted { step, .. } => format!("step {step} started"),
        Event::CommandSent {
            step,
            command,
            manual,
            ..
        } => {
            let first = command.lines().next().unwrap_or("");
            let more = if command.lines().count() > 1 {
                " …"
            } else {
                ""
            };
            format!(
                "{step}: {}$ {first}{more}",
                if *manual { "(typed) " } else { "" }
            )
        }
        Event::CommandFinished {
            step,
            exit_code,
            duration_ms,
            source,
        } => format!(
            "{step}: exit {exit_code} after {}{}",
            format_ms(*duration_ms),
            source
                .map(|s| format!(" ({})", s.name()))
                .unwrap_or_default()
        ),
        Event::ValidationResult {
            step,
            passed,
            detail,
        } => match (passed, detail) {
            (true, _) => format!("{step}: validation passed"),
            (false, Some(d)) => format!("{step}: validation FAILED: {d}"),
            (false, None) => format!("{step}: validation FAILED"),
        },
        Event::StepFinished {
            step,
            outcome: o,
            duration_ms,
            reason,
            step_ms,
            command_ms,
        } => format!(
            "step {step} {} in {}{}",
            outcome(*o),
            match (step_ms, command_ms) {
                (Some(s), Some(c)) => format!(
                    "{} (step time; this attempt {}, commands {})",
                    format_ms(*s),
                    format_ms(*duration_ms),
                    format_ms(*c)
                ),
                _ => format_ms(*duration_ms),
            },
            reason
                .as_ref()
                .map(|r| format!(" — {r}"))
                .unwrap_or_default()
        ),
        Event::Deviation { what, reason, .. } => format!("DEVIATION: {what} — reason: {reason}"),
        Event::Note {
            step: Some(s),
            text,
        } => format!("note on {s}: {text}"),
        Event::Note { step: None, text } => format!("note: {text}"),
        Event::Confirmation { step, typed } => format!("step {step} confirmed by typing `{typed}`"),
        Event::DecisionAnswered { node, answer } => {
            format!("decision `{node}`: {}", if *answer { "yes" } else { "no" })
        }
        Event::RollbackStarted {
            from_step,
            reason,
            plan,
        } => format!(
            "ROLLBACK started{}: {reason} — plan: {}",
            from_step
                .as_ref()
                .map(|s| format!(" at {s}"))
                .unwrap_or_default(),
            plan.join(", ")
        ),
        Event::ShellContext {
            cwd,
            set,
            unset,
            withheld,
        } => {
            let mut parts = Vec::new();
            if let Some(d) = cwd {
                parts.push(format!("cwd {d}"));
            }
            if !set.is_empty() {
                let names: Vec<&str> = set.keys().map(String::as_str).collect();
                parts.push(format!("exported {}", names.join(", ")));
            }
            if !unset.is_empty() {
                parts.push(format!("unset {}", unset.join(", ")));
            }
            if !withheld.is_empty() {
                parts.push(format!("secret, not recorded: {}", withheld.join(", ")));
            }
            format!("shell context: {}", parts.join("; "))
        }
        Event::ShellRestarted {
            cause,
            exit_code,
            step,
        } => format!(
            "shell restarted ({}{}){}",
            match cause {
                crate::journal::RestartCause::Exited => "exited",
                crate::journal::RestartCause::Killed => "killed",
                crate::journal::RestartCause::Operator => "asked by the operator",
            },
            exit_code.map(|c| format!(" with {c}")).unwrap_or_default(),
            step.as_ref()
                .map(|s| format!(" during {s}"))
                .unwrap_or_default()
        ),
        Event::RunInterrupted { reason, step } => format!(
            "run interrupted{}: {reason}",
            step.as_ref()
                .map(|s| format!(" during {s}"))
                .unwrap_or_default()
        ),
        Event::RunResumed {
            operator,
            discarded_torn_bytes,
        } => format!(
            "run resumed by {}@{}{}",
            operator.user,
            operator.host,
            discarded_torn_bytes
                .map(|b| format!(" ({b} bytes of a torn last line set aside)"))
                .unwrap_or_default()
        ),
        Event::RunFinished {
            outcome,
            duration_ms,
        } => format!(
            "run finished: {} in {}",
            crate::run::outcome_name(*outcome),
            format_ms(*duration_ms)
        ),
    }
}
