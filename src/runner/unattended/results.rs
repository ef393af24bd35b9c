//! The results of an unattended run, step by step: what the summary
//! prints and the JUnit file holds. Built once from the engine's final
//! state and the output the runner kept of each step.

use crate::i18n::Lang;
use crate::journal::RunOutcome;
use crate::run::{Engine, ItemKind, RunStatus, StepStatus};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// How much of a failed step's output is kept (its tail).
pub const TAIL_CHARS: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Done (and, when `rolled_back`, undone later by the rollback).
    Passed { rolled_back: bool },
    Failed {
        /// The last non-zero exit code of its commands, if one was.
        exit_code: Option<i32>,
        /// Why, in words (the cause pasos recorded).
        cause: String,
        /// The tail of its output, already redacted.
        output: String,
    },
    /// Not run: after the failure, or not in the rollback plan.
    NotRun,
    /// Left out by an answer: an option not chosen, a condition answered
    /// no. Not a failure, not a skip.
    LeftOut { by_condition: bool },
    /// Skipped with a reason (a deviation, which an unattended run never
    /// makes; kept for completeness).
    Skipped { why: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepResult {
    /// The item id (`3`, `R1`, `undo:3`).
    pub id: String,
    /// The item as people name it (`3`, `R1`, `undo 3`).
    pub name: String,
    pub title: String,
    /// The phase id, or `rollback` for rollback items.
    pub group: String,
    pub verdict: Verdict,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TestReport {
    pub run_id: String,
    pub procedure_id: String,
    pub procedure_title: String,
    pub version: String,
    pub environment: Option<String>,
    /// `None` when the run did not finish (interrupted).
    pub outcome: Option<RunOutcome>,
    pub started: DateTime<Utc>,
    pub duration_ms: u64,
    pub journal: String,
    pub steps: Vec<StepResult>,
}

impl TestReport {
    /// The results of the run the engine holds. `outputs` are the redacted
    /// outputs of each item, by id.
    pub fn of(
        engine: &Engine,
        outputs: &BTreeMap<String, String>,
        journal: &str,
        lang: Lang,
    ) -> TestReport {
        let s = engine.state();
        let p = engine.procedure();
        let mut steps = Vec::new();
        for item in &s.items {
            let group = match item.kind {
                ItemKind::Forward { phase, .. } => p.phases[phase].id.clone(),
                ItemKind::FullRollback { .. } | ItemKind::Undo { .. } => "rollback".to_string(),
            };
            let forward = matches!(item.kind, ItemKind::Forward { .. });
            // Rollback items are results only when the rollback planned them.
            if !forward && !s.rollback_plan.contains(&item.id) {
                continue;
            }
            let verdict = match item.status {
                StepStatus::Done => Verdict::Passed { rolled_back: false },
                StepStatus::RolledBack => Verdict::Passed { rolled_back: true },
                StepStatus::Failed => Verdict::Failed {
                    exit_code: item.exit_codes.iter().rev().find(|c| **c != 0).copied(),
                    cause: crate::history::words::step_why(lang, &item.why).unwrap_or_default(),
                    output: tail(outputs.get(&item.id).map(String::as_str).unwrap_or("")),
                },
                StepStatus::NotChosen => Verdict::LeftOut {
                    by_condition: false,
                },
                StepStatus::SkippedByCondition => Verdict::LeftOut { by_condition: true },
                StepStatus::Skipped => Verdict::Skipped {
                    why: crate::history::words::step_why(lang, &item.why).unwrap_or_default(),
                },
                _ => Verdict::NotRun,
            };
            // An undo item is named after the step it undoes (`undo 3`).
            let title = engine.step_of(item).title.clone();
            let duration_ms = match verdict {
                Verdict::NotRun | Verdict::LeftOut { .. } => 0,
                _ => engine
                    .step_timer(&item.id)
                    .map(|t| t.elapsed_ms)
                    .unwrap_or(0),
            };
            steps.push(StepResult {
                id: item.id.clone(),
                name: crate::i18n::item_name(lang, engine, &item.id),
                title: one_line(&title),
                group,
                verdict,
                duration_ms,
            });
        }
        // Rollback items in the order they ran (the plan's), after the
        // forward steps.
        let plan_pos = |id: &str| s.rollback_plan.iter().position(|p| p == id);
        steps.sort_by_key(|r| plan_pos(&r.id).map(|n| n + 1).unwrap_or(0));
        let finished = s.finished_at.unwrap_or_else(|| engine.now());
        TestReport {
            run_id: s.run_id.clone(),
            procedure_id: p.meta.id.clone(),
            procedure_title: p.meta.title.clone(),
            version: p.meta.version.clone(),
            environment: s.environment.clone(),
            outcome: match s.status {
                RunStatus::Finished(o) => Some(o),
                _ => None,
            },
            started: s.started_at,
            duration_ms: (finished - s.started_at).num_milliseconds().max(0) as u64,
            journal: journal.to_string(),
            steps,
        }
    }

    pub fn passed(&self) -> bool {
        self.outcome == Some(RunOutcome::Success)
    }

    /// (passed, failed, not run or skipped)
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for s in &self.steps {
            match s.verdict {
                Verdict::Passed { .. } => c.0 += 1,
                Verdict::Failed { .. } => c.1 += 1,
                Verdict::NotRun | Verdict::Skipped { .. } | Verdict::LeftOut { .. } => c.2 += 1,
            }
        }
        c
    }
}

/// The last [`TAIL_CHARS`] characters, cut at a line start when one is near.
pub fn tail(text: &str) -> String {
    let count = text.chars().count();
    if count <= TAIL_CHARS {
        return text.to_string();
    }
    let start = text
        .char_indices()
        .nth(count - TAIL_CHARS)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let rest = &text[start..];
    match rest.find('\n') {
        Some(nl) if nl < 200 => rest[nl + 1..].to_string(),
        _ => rest.to_string(),
    }
}

/// Why a step left out by an answer did not run, in words.
pub fn left_out(lang: Lang, by_condition: bool) -> String {
    if by_condition {
        crate::tr!(lang, "unattended-left-out-condition")
    } else {
        crate::tr!(lang, "unattended-left-out-not-chosen")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tail_keeps_the_end_from_a_line_start() {
        assert_eq!(tail("short"), "short");
        let long: String = (0..2000).map(|n| format!("line {n}\n")).collect();
        let t = tail(&long);
        assert!(t.chars().count() <= TAIL_CHARS);
        assert!(t.starts_with("line "), "{}", &t[..20]);
        assert!(t.ends_with("line 1999\n"));
        let wide = "é".repeat(TAIL_CHARS * 2);
        assert_eq!(tail(&wide).chars().count(), TAIL_CHARS);
    }
}
