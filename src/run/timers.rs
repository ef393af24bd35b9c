//! Timers: each step against its estimate, each phase against its budget,
//! the run against its estimate and RTO, and an ETA corrected by how the
//! run is going.

use super::engine::Engine;
use super::state::{Item, ItemKind, RunStatus};
use crate::procedure::Estimate;
use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTimer {
    /// Time spent, all attempts included.
    pub elapsed_ms: u64,
    pub estimate: Option<Estimate>,
    /// Past the estimate (past the upper end of a range).
    pub over: bool,
    pub running: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseTimer {
    pub elapsed_ms: u64,
    pub budget: Option<Estimate>,
    pub over: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RunTimer {
    pub elapsed_ms: u64,
    pub estimate: Option<Estimate>,
    /// Estimated time left: estimates of what is left, scaled by `pace`.
    pub remaining_ms: u64,
    pub eta: DateTime<Utc>,
    /// Actual over estimated time of the steps finished so far (1.0 = on
    /// time), clamped to 0.5..3.
    pub pace: f64,
    pub rto_deadline: Option<DateTime<Utc>>,
    /// Negative once the deadline has passed.
    pub rto_left_ms: Option<i64>,
}

impl Engine {
    /// Step time, the operator's: from the step's first start to `end`,
    /// across attempts, run interruptions excluded.
    pub fn step_ms_to(&self, item: &Item, end: DateTime<Utc>) -> u64 {
        let Some(first) = item.first_started_at else {
            return 0;
        };
        let span = (end - first).num_milliseconds().max(0) as u64;
        let paused: i64 = self
            .state
            .pauses
            .iter()
            .map(|(from, to)| {
                let from = (*from).max(first);
                let to = to.unwrap_or(end).min(end);
                (to - from).num_milliseconds().max(0)
            })
            .sum();
        span.saturating_sub(paused as u64)
    }

    /// Step time so far: to now while the step is active, else to its
    /// latest outcome.
    fn item_elapsed_ms(&self, item: &Item) -> u64 {
        let end = match item.finished_at {
            Some(f) if !item.status.is_active() => f,
            _ => self.now(),
        };
        self.step_ms_to(item, end)
    }

    pub fn step_timer(&self, id: &str) -> Option<StepTimer> {
        let item = self.item(id)?;
        let elapsed_ms = self.item_elapsed_ms(item);
        let estimate = self.estimate_of(item);
        Some(StepTimer {
            elapsed_ms,
            estimate,
            over: estimate.is_some_and(|e| elapsed_ms > e.max_secs * 1000),
            running: item.status.is_active(),
        })
    }

    pub fn phase_timer(&self, phase: usize) -> PhaseTimer {
        let elapsed_ms = self
            .state
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Forward { phase: p, .. } if p == phase))
            .map(|i| self.item_elapsed_ms(i))
            .sum();
        let budget = self.procedure.phases.get(phase).and_then(|p| p.budget);
        PhaseTimer {
            elapsed_ms,
            budget,
            over: budget.is_some_and(|b| elapsed_ms > b.max_secs * 1000),
        }
    }

    pub fn run_timer(&self) -> RunTimer {
        let now = self.now();
        let end = self.state.finished_at.unwrap_or(now);
        let elapsed_ms = (end - self.state.started_at).num_milliseconds().max(0) as u64;
        // Pace from finished items that had an estimate.
        let (mut actual, mut planned) = (0u64, 0u64);
        for item in self
            .state
            .items
            .iter()
            .filter(|i| i.finished_at.is_some() && i.status.is_finished())
        {
            if let Some(e) = self.estimate_of(item)
                && e.mid_secs() > 0
            {
                actual += self.item_elapsed_ms(item);
                planned += e.mid_secs() * 1000;
            }
        }
        let pace = if planned > 0 {
            (actual as f64 / planned as f64).clamp(0.5, 3.0)
        } else {
            1.0
        };
        let left: Vec<&Item> = match self.state.status {
            RunStatus::Finished(_) => Vec::new(),
            RunStatus::RollingBack => self
                .state
                .items
                .iter()
                .filter(|i| self.in_rollback_plan(&i.id) && !i.status.is_finished())
                .collect(),
            _ => self
                .state
                .items
                .iter()
                .filter(|i| matches!(i.kind, ItemKind::Forward { .. }) && !i.status.is_finished())
                .collect(),
        };
        let remaining: f64 = left
            .iter()
            .map(|i| {
                let est = self
                    .estimate_of(i)
                    .map(|e| e.mid_secs() * 1000)
                    .unwrap_or(0) as f64
                    * pace;
                let spent = if i.status.is_active() {
                    self.item_elapsed_ms(i) as f64
                } else {
                    0.0
                };
                (est - spent).max(0.0)
            })
            .sum();
        let remaining_ms = remaining as u64;
        let rto_deadline = self
            .procedure
            .meta
            .rto
            .map(|r| self.state.started_at + Duration::seconds(r.max_secs as i64));
        RunTimer {
            elapsed_ms,
            estimate: self.procedure.meta.estimate,
            remaining_ms,
            eta: now + Duration::milliseconds(remaining_ms as i64),
            pace,
            rto_deadline,
            rto_left_ms: rto_deadline.map(|d| (d - now).num_milliseconds()),
        }
    }
}
