//! One row of the catalog: a procedure file's classification and what the
//! history says about it (last execution, success rate, last test).

use super::cadence::Review;
use super::files::Found;
use crate::history::kpi::Figures;
use crate::history::record::{RunMode, RunRecord, RunStatus};
use crate::procedure::{Category, Criticality, Estimate, Frequency};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::path::PathBuf;

/// A procedure of the catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub version: String,
    #[serde(serialize_with = "display_opt")]
    pub criticality: Option<Criticality>,
    #[serde(serialize_with = "display_opt")]
    pub category: Option<Category>,
    #[serde(serialize_with = "display_opt")]
    pub frequency: Option<Frequency>,
    #[serde(serialize_with = "display_opt")]
    pub estimate: Option<Estimate>,
    pub updated: Option<NaiveDate>,
    pub review: Review,
    /// The review is overdue today (or was never recorded).
    pub review_overdue: bool,
    /// The file, as found under its directory.
    pub path: PathBuf,
    /// The path relative to its procedures directory.
    pub relative: String,
    /// Forward steps.
    pub steps: usize,
    pub tags: Vec<String>,
    pub history: History,
}

/// What the history holds about one procedure (by id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct History {
    /// Live runs.
    pub executions: usize,
    /// `successes / finished` of the live runs, 0..1.
    pub success_rate: Option<f64>,
    /// Mean working time of the finished live runs.
    pub avg_ms: Option<u64>,
    #[serde(
        serialize_with = "crate::history::kpi::output::opt_time",
        deserialize_with = "crate::history::kpi::output::de_opt_time"
    )]
    pub last_execution: Option<DateTime<Utc>>,
    /// How the most recent live run stands.
    pub last_status: Option<RunStatus>,
    /// Unattended test runs (mode `test`).
    pub tests: usize,
    #[serde(
        serialize_with = "crate::history::kpi::output::opt_time",
        deserialize_with = "crate::history::kpi::output::de_opt_time"
    )]
    pub last_test: Option<DateTime<Utc>>,
    /// Whether the most recent test run finished with success.
    pub last_test_passed: Option<bool>,
    pub rehearsals: usize,
}

impl History {
    /// `runs`: every run of one procedure id, oldest first.
    pub fn of(runs: &[&RunRecord]) -> History {
        let f = Figures::of(runs.iter().copied());
        let live_last = runs.iter().rev().find(|r| r.mode == RunMode::Live);
        History {
            executions: f.executions,
            success_rate: f.success_rate,
            avg_ms: f.duration.map(|d| d.avg_ms),
            last_execution: live_last.map(|r| r.started()),
            last_status: live_last.map(|r| r.status),
            tests: f.tests,
            last_test: f.last_test,
            last_test_passed: f.last_test_passed,
            rehearsals: f.rehearsals,
        }
    }
}

impl Entry {
    pub fn new(found: &Found, history: History, today: NaiveDate) -> Entry {
        let m = &found.procedure.meta;
        let review = Review::of(m.updated, m.frequency);
        Entry {
            id: m.id.clone(),
            title: m.title.clone(),
            version: m.version.clone(),
            criticality: m.criticality,
            category: m.category,
            frequency: m.frequency,
            estimate: m.estimate.or_else(|| {
                let sum = found.procedure.steps_estimate();
                (sum.max_secs > 0).then_some(sum)
            }),
            updated: m.updated,
            review_overdue: review.is_overdue(today),
            review,
            path: found.path.clone(),
            relative: found.relative.clone(),
            steps: found.procedure.steps().count(),
            tags: m.tags.clone(),
            history,
        }
    }

    /// Every word of `filter` appears (case-insensitively) in the id,
    /// title, file, tags, criticality, category or frequency (as written in
    /// the file, or as `words` shows them).
    pub fn matches(&self, filter: &str, words: &str) -> bool {
        let opt = |o: Option<String>| o.unwrap_or_default();
        let hay = format!(
            "{} {} {} {} {} {} {} {}",
            self.id,
            self.title,
            self.relative,
            self.tags.join(" "),
            opt(self.criticality.map(|c| c.to_string())),
            opt(self.category.map(|c| c.to_string())),
            opt(self.frequency.map(|c| c.to_string())),
            words
        )
        .to_lowercase();
        filter
            .split_whitespace()
            .all(|w| hay.contains(&w.to_lowercase()))
    }

    /// The order of the catalog: criticality (highest first, unclassified
    /// last), then category, then id.
    pub fn sort_key(&self) -> (u8, u8, String, String) {
        (
            criticality_rank(self.criticality),
            category_rank(self.category),
            self.id.clone(),
            self.relative.clone(),
        )
    }
}

pub fn criticality_rank(c: Option<Criticality>) -> u8 {
    match c {
        Some(Criticality::Critical) => 0,
        Some(Criticality::High) => 1,
        Some(Criticality::Medium) => 2,
        Some(Criticality::Low) => 3,
        None => 4,
    }
}

/// The categories in the order of seed 001's "Tipos de Procedimientos".
pub const CATEGORIES: [Category; 6] = [
    Category::Deployment,
    Category::Rollback,
    Category::Maintenance,
    Category::Troubleshooting,
    Category::Scaling,
    Category::DisasterRecovery,
];

pub fn category_rank(c: Option<Category>) -> u8 {
    c.and_then(|c| CATEGORIES.iter().position(|x| *x == c))
        .map_or(CATEGORIES.len() as u8, |p| p as u8)
}

fn display_opt<T: std::fmt::Display, S: serde::Serializer>(
    v: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_str(&v.to_string()),
        None => s.serialize_none(),
    }
}
