//! A run's timeline in words, one line per journal event, in the reader's
//! language: the one description `pasos log show`, the browser's timeline
//! and `pasos report` share (catalog area `history`, `history-ev-*`).
//!
//! The words are the same everywhere; only the markup differs: plain text
//! on a terminal, Markdown in the report ([`Markup`]).

use super::review::RunReview;
use super::words;
use crate::i18n::Lang;
use crate::journal::{Event, ExitSource, Line, Mode, RestartCause, StepOutcome, StepState};
use crate::procedure::estimate::{format_ms, format_secs};
use crate::tr;
use chrono::{DateTime, Local, Utc};

/// Characters of a command shown in a timeline row.
pub const COMMAND_CHARS: usize = 60;

/// How values are marked up in a row.
pub trait Markup {
    /// Free text (the operator's words, procedure texts).
    fn text(&self, s: &str) -> String;
    /// A step id.
    fn step(&self, id: &str) -> String;
    /// A command or a value, cut to `max` characters and one line.
    fn code(&self, s: &str, max: usize) -> String;
    /// A whole row that deserves attention (a failure, a rollback).
    fn strong(&self, s: &str) -> String;
}

/// Plain text, for terminals.
pub struct Plain;

impl Markup for Plain {
    fn text(&self, s: &str) -> String {
        s.to_string()
    }
    fn step(&self, id: &str) -> String {
        id.to_string()
    }
    fn code(&self, s: &str, max: usize) -> String {
        let first = s.lines().next().unwrap_or("");
        let mut shown: String = first.chars().take(max).collect();
        if shown.chars().count() < first.chars().count() || s.lines().count() > 1 {
            shown.push('…');
        }
        shown
    }
    fn strong(&self, s: &str) -> String {
        s.to_string()
    }
}

/// What a row may add from the run read as a whole: step titles and
/// estimates, when an interruption really stopped, how long a pause was.
pub struct Context<'a> {
    pub lang: Lang,
    pub review: Option<&'a RunReview>,
    /// A time as the reader's clock shows it.
    pub clock: &'a dyn Fn(DateTime<Utc>) -> String,
}

/// A duration as rows show it (`350ms`, `4s`, `1m05s`).
pub fn duration(ms: u64) -> String {
    if ms > 0 && ms < 1000 {
        format!("{ms}ms")
    } else if ms.is_multiple_of(1000) {
        format_secs(ms / 1000)
    } else {
        format_ms(ms)
    }
}

/// `exit 0 (1.2s, authenticated marker)`, the part of a command row that
/// says how it ended and where its exit code came from.
pub fn exit(
    cx: &Context,
    m: &dyn Markup,
    code: i32,
    ms: u64,
    source: Option<ExitSource>,
) -> String {
    let word = tr!(cx.lang, "history-ev-exit", code = code);
    let word = if code == 0 { word } else { m.strong(&word) };
    let from = source
        .map(|s| format!(", {}", tr!(cx.lang, "shell-exit-source", source = s.name())))
        .unwrap_or_default();
    format!("→ {word} ({}{from})", duration(ms))
}

/// One event in words.
pub fn describe(cx: &Context, m: &dyn Markup, e: &Event, at: DateTime<Utc>) -> String {
    let lang = cx.lang;
    let r = cx.review;
    match e {
        Event::RunStarted {
            environment,
            mode,
            operator,
            forced,
            ..
        } => {
            let mode = match mode {
                Mode::Live => "live",
                Mode::Rehearsal => "rehearsal",
                Mode::Test => "test",
            };
            let s = tr!(
                lang,
                "history-ev-run-started",
                operator = m.text(&operator.label()),
                environment = m.text(environment.as_deref().unwrap_or("-")),
                mode = mode
            );
            if *forced {
                format!("{s}{}", m.strong(&tr!(lang, "history-ev-forced")))
            } else {
                s
            }
        }
        Event::PrerequisiteConfirmed {
            group,
            item,
            check,
            exit_code,
        } => match check {
            Some(c) => tr!(
                lang,
                "history-ev-prerequisite-checked",
                group = m.text(group),
                item = m.text(item),
                command = m.code(c, COMMAND_CHARS),
                code = exit_code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into())
            ),
            None => tr!(
                lang,
                "history-ev-prerequisite",
                group = m.text(group),
                item = m.text(item)
            ),
        },
        Event::PrerequisiteFailed {
            group,
            item,
            check,
            exit_code,
        } => m.strong(&tr!(
            lang,
            "history-ev-prerequisite-failed",
            group = m.text(group),
            item = m.text(item),
            command = m.code(check, COMMAND_CHARS),
            code = *exit_code
        )),
        Event::VariableSet {
            name,
            value,
            secret,
        } => match (secret, value) {
            (false, Some(v)) => tr!(
                lang,
                "history-ev-variable",
                name = m.code(name, COMMAND_CHARS),
                value = m.code(v, COMMAND_CHARS)
            ),
            _ => tr!(
                lang,
                "history-ev-variable-secret",
                name = m.code(name, COMMAND_CHARS)
            ),
        },
        Event::StepStarted { step, attempt } => {
            let title = r
                .and_then(|r| step_title(lang, r, step))
                .map(|t| format!(": {}", m.text(&t)))
                .unwrap_or_default();
            let s = tr!(
                lang,
                "history-ev-step-started",
                step = m.step(step),
                attempt = *attempt
            );
            format!("{s}{title}")
        }
        Event::CommandSent {
            step,
            command,
            manual,
            ..
        } => {
            let (step, command) = (m.step(step), m.code(command, COMMAND_CHARS));
            if *manual {
                tr!(
                    lang,
                    "history-ev-command-typed",
                    step = step,
                    command = command
                )
            } else {
                tr!(lang, "history-ev-command", step = step, command = command)
            }
        }
        Event::CommandFinished {
            step,
            exit_code,
            duration_ms,
            source,
        } => format!(
            "{}: {}",
            m.step(step),
            exit(cx, m, *exit_code, *duration_ms, *source)
        ),
        Event::ValidationResult {
            step,
            passed,
            problems,
        } => {
            if *passed {
                tr!(lang, "history-ev-validation-passed", step = m.step(step))
            } else {
                let s = tr!(lang, "history-ev-validation-failed", step = m.step(step));
                let found = words::validation_problems(lang, &problems.0);
                if found.is_empty() {
                    m.strong(&s)
                } else {
                    format!("{}: {}", m.strong(&s), m.text(&found))
                }
            }
        }
        Event::StepFinished {
            step,
            outcome,
            duration_ms,
            why,
            step_ms,
            command_ms,
        } => {
            let estimate = r
                .and_then(|r| r.step(step))
                .and_then(|s| s.estimate_text.clone())
                .unwrap_or_default();
            let mut s = tr!(
                lang,
                "history-ev-step-finished",
                step = m.step(step),
                outcome = StepState::of_outcome(*outcome).name(),
                duration = duration(step_ms.unwrap_or(*duration_ms))
            );
            // Step time is the operator's; say so, with the attempt's and
            // the commands' own time beside it.
            if let (Some(_), Some(c)) = (step_ms, command_ms) {
                s.push_str(&tr!(
                    lang,
                    "shell-step-time-detail",
                    attempt = duration(*duration_ms),
                    commands = duration(*c)
                ));
            }
            if !estimate.is_empty() && *outcome != StepOutcome::Skipped {
                s.push_str(&tr!(
                    lang,
                    "history-ev-estimate",
                    estimate = m.text(&estimate)
                ));
            }
            let s = if *outcome == StepOutcome::Failed {
                m.strong(&s)
            } else {
                s
            };
            match words::step_why(lang, why) {
                Some(w) => format!("{s}: {}", m.text(&w)),
                None => s,
            }
        }
        Event::Deviation { step, kind, reason } => {
            let what = words::deviation(lang, step.as_deref(), kind);
            let head = m.strong(&tr!(lang, "history-ev-deviation"));
            tr!(
                lang,
                "history-ev-deviation-row",
                head = head,
                what = m.text(&what),
                reason = m.text(reason)
            )
        }
        Event::Note { step, text } => {
            let text = m.text(&words::note(lang, text));
            match step {
                Some(s) => tr!(lang, "history-ev-note-on", step = m.step(s), text = text),
                None => tr!(lang, "history-ev-note", text = text),
            }
        }
        Event::Confirmation { step, typed } => tr!(
            lang,
            "history-ev-confirmation",
            step = m.step(step),
            typed = m.code(typed, COMMAND_CHARS)
        ),
        Event::ChoiceMade { step, option, .. } => tr!(
            lang,
            "branch-ev-choice",
            step = m.step(step),
            option = m.code(option, COMMAND_CHARS)
        ),
        Event::ConditionAnswered { step, answer } => tr!(
            lang,
            "branch-ev-condition",
            step = m.step(step),
            answer = if *answer { "yes" } else { "no" }
        ),
        Event::SnippetSent { snippet, command } => tr!(
            lang,
            "branch-ev-snippet",
            snippet = m.code(snippet, COMMAND_CHARS),
            command = m.code(command, COMMAND_CHARS)
        ),
        Event::DecisionAnswered { node, answer } => tr!(
            lang,
            "history-ev-decision",
            node = match r.and_then(|r| r.question(node)) {
                Some(q) => tr!(lang, "ux-quoted", text = m.text(q)),
                None => m.code(node, COMMAND_CHARS),
            },
            answer = if *answer { "yes" } else { "no" }
        ),
        Event::StepUndone { step, by } => {
            let by: Vec<String> = by.iter().map(|b| m.step(b)).collect();
            tr!(
                lang,
                "ux-ev-step-undone",
                step = m.step(step),
                by = by.join(", ")
            )
        }
        Event::RollbackStarted {
            from_step,
            reason,
            plan,
        } => {
            let head = m.strong(&match from_step {
                Some(s) => tr!(lang, "history-ev-rollback-from", step = m.step(s)),
                None => tr!(lang, "history-ev-rollback"),
            });
            let plan: Vec<String> = plan.iter().map(|p| m.text(p)).collect();
            tr!(
                lang,
                "history-ev-rollback-row",
                head = head,
                reason = m.text(reason),
                plan = plan.join(", ")
            )
        }
        Event::ShellContext {
            cwd,
            set,
            unset,
            withheld,
        } => {
            let names = |v: Vec<&str>| m.text(&v.join(", "));
            let mut parts = Vec::new();
            if let Some(d) = cwd {
                parts.push(tr!(
                    lang,
                    "shell-context-cwd",
                    dir = m.code(d, COMMAND_CHARS)
                ));
            }
            if !set.is_empty() {
                let v: Vec<&str> = set.keys().map(String::as_str).collect();
                parts.push(tr!(lang, "shell-context-set", names = names(v)));
            }
            if !unset.is_empty() {
                let v: Vec<&str> = unset.iter().map(String::as_str).collect();
                parts.push(tr!(lang, "shell-context-unset", names = names(v)));
            }
            if !withheld.is_empty() {
                let v: Vec<&str> = withheld.iter().map(String::as_str).collect();
                parts.push(tr!(lang, "shell-context-withheld", names = names(v)));
            }
            tr!(lang, "shell-context", what = parts.join("; "))
        }
        Event::ShellRestarted {
            cause,
            exit_code,
            step,
        } => {
            let what = tr!(
                lang,
                "shell-restarted",
                cause = match cause {
                    RestartCause::Exited => "exited",
                    RestartCause::Killed => "killed",
                    RestartCause::Operator => "operator",
                },
                code = exit_code.map(|c| c.to_string()).unwrap_or_default()
            );
            let during = step
                .as_deref()
                .map(|s| format!(" ({})", tr!(lang, "shell-during-step", step = m.step(s))))
                .unwrap_or_default();
            m.strong(&format!("{what}{during}"))
        }
        Event::RunInterrupted { why, step } => {
            let head = m.strong(&match step {
                Some(s) => tr!(lang, "history-ev-interrupted-during", step = m.step(s)),
                None => tr!(lang, "history-ev-interrupted"),
            });
            let mut s = format!("{head}: {}", m.text(&words::interruption(lang, &why.0)));
            if let Some(i) = r
                .and_then(|r| r.interruptions.iter().find(|i| i.at == at))
                .filter(|i| i.stopped != at)
            {
                s.push_str(&tr!(
                    lang,
                    "history-ev-stopped-at",
                    time = (cx.clock)(i.stopped)
                ));
            }
            s
        }
        Event::RunResumed {
            operator,
            discarded_torn_bytes,
        } => {
            let gap = r
                .and_then(|r| {
                    r.interruptions
                        .iter()
                        .find(|i| i.resumed.as_ref().is_some_and(|x| x.at == at))
                })
                .and_then(|i| i.gap_ms());
            let mut s = m.strong(&tr!(
                lang,
                "history-ev-resumed",
                operator = m.text(&operator.label())
            ));
            if let Some(g) = gap {
                s.push_str(&tr!(
                    lang,
                    "history-ev-after-stopped",
                    duration = duration(g)
                ));
            }
            if let Some(b) = discarded_torn_bytes {
                s.push_str(&tr!(lang, "history-ev-torn", count = *b));
            }
            s
        }
        Event::ApprovalGranted(_)
        | Event::ApprovalRefused(_)
        | Event::Handoff(_)
        | Event::Supervision(_) => crate::history::people::describe(lang, m, e),
        Event::RunFinished {
            outcome,
            duration_ms,
            reason,
        } => {
            let s = m.strong(&tr!(
                lang,
                "history-ev-finished",
                status = crate::history::RunStatus::Finished(*outcome).word(lang),
                duration = duration(*duration_ms)
            ));
            match reason {
                Some(r) => format!("{s}: {}", m.text(r)),
                None => s,
            }
        }
    }
}

/// A step's title as people read it: the profile's, or for a step's own
/// rollback, `Undo step 2: <its title>`.
pub fn step_title(lang: Lang, r: &RunReview, id: &str) -> Option<String> {
    let s = r.step(id)?;
    match &s.kind {
        super::review::StepKind::Undo { of } => {
            let undo = tr!(lang, "history-undo-of", step = of.as_str());
            Some(match r.step(of).and_then(|o| o.title.clone()) {
                Some(t) => format!("{undo}: {t}"),
                None => undo,
            })
        }
        _ => s.title.clone(),
    }
}

/// `pasos log show`: (local time with its offset, time since the start,
/// the event in words) for every line.
pub fn rows(
    lang: Lang,
    lines: &[Line],
    review: Option<&RunReview>,
) -> Vec<(String, String, String)> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let t0 = first.ts;
    let clock = |t: DateTime<Utc>| {
        t.with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    };
    let cx = Context {
        lang,
        review,
        clock: &clock,
    };
    lines
        .iter()
        .map(|l| {
            let local =
                l.ts.with_timezone(&Local)
                    .format("%Y-%m-%d %H:%M:%S%.3f %:z")
                    .to_string();
            let offset = format_secs((l.ts - t0).num_seconds().max(0) as u64);
            (
                local,
                format!("+{offset}"),
                describe(&cx, &Plain, &l.event, l.ts),
            )
        })
        .collect()
}
