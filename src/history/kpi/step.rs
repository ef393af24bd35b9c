//! Per-step figures: actual durations against the estimate.

use super::record::{RunRecord, StepEnd};
use super::stats::DurationStats;
use super::suggest::{Suggestion, suggest};
use crate::procedure::estimate::Estimate;
use serde::Serialize;
use std::collections::HashMap;

/// The prefix of a step's own undo (`undo:3`), which has no estimate of
/// its own in the profile and is part of the rollback time instead.
use crate::journal::event::UNDO_PREFIX;

/// One step of a procedure over its executions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepKpi {
    pub id: String,
    /// From the most recent execution's profile (empty if it has none).
    pub title: String,
    /// Phase id, or `rollback` for the full rollback's R-steps.
    pub phase: String,
    /// The estimate as written in the most recent execution's profile.
    pub estimate: Option<String>,
    /// Its lower and upper ends in milliseconds.
    pub estimate_min_ms: Option<u64>,
    pub estimate_max_ms: Option<u64>,
    /// Over the executions where the step was worked on (attempts that
    /// ended done or failed, summed per execution). Skipped steps are not
    /// samples.
    pub actual: Option<DurationStats>,
    /// Executions in which the step was only skipped.
    pub skipped: usize,
    /// Executions in which it took more than one attempt.
    pub retried: usize,
    /// Samples above the estimate's upper end.
    pub over_estimate: usize,
    /// Median over the estimate's upper end (1.5 = half again as long).
    pub overrun_ratio: Option<f64>,
    /// A new estimate from the actual durations (at least 3 samples).
    pub suggestion: Option<Suggestion>,
}

/// The steps of a procedure's executions: the most recent profile's steps
/// in its order, then steps only the events name (first seen first),
/// leaving out undo steps. `runs` must be live runs, oldest first.
pub fn steps(runs: &[&RunRecord]) -> Vec<StepKpi> {
    let latest = runs.iter().rev().find(|r| !r.plan.is_empty());
    let mut order: Vec<(String, String, String, Option<String>)> = latest
        .map(|r| {
            r.plan
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        p.title.clone(),
                        p.phase.clone(),
                        p.estimate.clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    // Every run's samples, gathered per step in one pass; steps the
    // profile does not name are added as they are first seen.
    let mut index: HashMap<String, usize> = order
        .iter()
        .enumerate()
        .map(|(i, o)| (o.0.clone(), i))
        .collect();
    let mut gathered: Vec<(Vec<u64>, usize, usize)> = vec![(Vec::new(), 0, 0); order.len()];
    for r in runs {
        for s in &r.steps {
            let i = match index.get(s.id.as_str()) {
                Some(i) => *i,
                None if s.id.starts_with(UNDO_PREFIX) => continue,
                None => {
                    index.insert(s.id.clone(), order.len());
                    order.push((s.id.clone(), String::new(), String::new(), None));
                    gathered.push((Vec::new(), 0, 0));
                    order.len() - 1
                }
            };
            let g = &mut gathered[i];
            if s.is_sample() {
                g.0.push(s.duration_ms);
                if s.attempts > 1 {
                    g.2 += 1;
                }
            } else if s.last == StepEnd::Skipped {
                g.1 += 1;
            }
        }
    }
    order
        .into_iter()
        .zip(gathered)
        .map(
            |((id, title, phase, estimate), (samples, skipped, retried))| {
                let parsed = estimate.as_deref().and_then(|e| Estimate::parse(e).ok());
                let actual = DurationStats::of(&samples);
                let upper_ms = parsed.map(|e| e.max_secs * 1000);
                let over_estimate =
                    upper_ms.map_or(0, |u| samples.iter().filter(|d| **d > u).count());
                let overrun_ratio = match (actual, upper_ms) {
                    (Some(a), Some(u)) if u > 0 => {
                        Some((a.median_ms as f64 / u as f64 * 100.0).round() / 100.0)
                    }
                    _ => None,
                };
                StepKpi {
                    suggestion: actual.and_then(|a| suggest(&a, parsed.as_ref())),
                    id,
                    title,
                    phase,
                    estimate_min_ms: parsed.map(|e| e.min_secs * 1000),
                    estimate_max_ms: upper_ms,
                    estimate,
                    actual,
                    skipped,
                    retried,
                    over_estimate,
                    overrun_ratio,
                }
            },
        )
        .collect()
}

/// Ids of the steps whose median is over their estimate, the worst (by
/// median / upper end) first; ties keep the procedure's order.
pub fn over_runs(steps: &[StepKpi]) -> Vec<String> {
    let mut over: Vec<&StepKpi> = steps
        .iter()
        .filter(|s| s.overrun_ratio.is_some_and(|r| r > 1.0))
        .collect();
    over.sort_by(|a, b| {
        b.overrun_ratio
            .partial_cmp(&a.overrun_ratio)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    over.into_iter().map(|s| s.id.clone()).collect()
}
