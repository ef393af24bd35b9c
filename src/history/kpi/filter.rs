//! Which runs the figures are computed over.

use super::record::RunRecord;
use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;

/// Every condition must hold; an empty filter keeps every run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Procedure id, compared without regard to ASCII case.
    pub procedure: Option<String>,
    /// Runs started at or after this instant.
    #[serde(serialize_with = "super::output::opt_time")]
    pub since: Option<DateTime<Utc>>,
    /// Runs started before this instant (exclusive).
    #[serde(serialize_with = "super::output::opt_time")]
    pub until: Option<DateTime<Utc>>,
    /// A piece of the operator's name or `user@host`, any case.
    pub operator: Option<String>,
    /// Environment, compared without regard to ASCII case.
    pub environment: Option<String>,
}

impl Filter {
    pub fn keeps(&self, r: &RunRecord) -> bool {
        let started = r.started();
        self.procedure
            .as_ref()
            .is_none_or(|p| r.procedure_id.eq_ignore_ascii_case(p))
            && self.since.is_none_or(|t| started >= t)
            && self.until.is_none_or(|t| started < t)
            && self.operator.as_ref().is_none_or(|o| {
                let o = o.to_lowercase();
                r.operator.to_lowercase().contains(&o)
                    || r.login.to_lowercase().contains(&o)
                    || r.operators.iter().any(|x| x.to_lowercase().contains(&o))
            })
            && self.environment.as_ref().is_none_or(|e| {
                r.environment
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(e))
            })
    }
}

impl Filter {
    /// With `--operator`: the run with only the steps that operator did
    /// (a run handed over counts each step for the person who did it).
    pub fn own_steps(&self, r: &RunRecord) -> RunRecord {
        let mut r = r.clone();
        if let Some(o) = &self.operator {
            let o = o.to_lowercase();
            let (name, login) = (r.operator.to_lowercase(), r.login.to_lowercase());
            r.steps.retain(|s| match &s.by {
                Some(by) => by.to_lowercase().contains(&o),
                None => name.contains(&o) || login.contains(&o),
            });
        }
        r
    }
}

/// A date that does not read; the message says what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate(pub String);

/// The first instant of a local calendar day given as `YYYY-MM-DD`
/// (for `since`; for an inclusive `until`, pass the day after, see
/// [`day_after`]).
pub fn local_day_start(text: &str) -> Result<DateTime<Utc>, BadDate> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| BadDate(text.to_string()))?;
    local_midnight(day).ok_or_else(|| BadDate(text.to_string()))
}

/// The first instant of the local day after `YYYY-MM-DD`: the exclusive
/// end of a range that includes that day.
pub fn day_after(text: &str) -> Result<DateTime<Utc>, BadDate> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| BadDate(text.to_string()))?;
    day.succ_opt()
        .and_then(local_midnight)
        .ok_or_else(|| BadDate(text.to_string()))
}

fn local_midnight(day: NaiveDate) -> Option<DateTime<Utc>> {
    let naive = day.and_hms_opt(0, 0, 0)?;
    // A day that starts inside a DST gap starts at its first valid instant.
    Local
        .from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            Local
                .from_local_datetime(&(naive + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}
