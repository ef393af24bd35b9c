//! Seed 001's global figures that need the procedures as well as the
//! history ("Métricas Globales"): procedures documented, the share tested
//! in the last quarter and the share reviewed within their cadence.

use super::Catalog;
use crate::history::kpi::stats::ratio;
use chrono::{Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogKpi {
    /// Distinct procedure ids among the loadable files of the catalog.
    pub documented: usize,
    /// The first day of the last quarter (three months before today).
    pub quarter_start: NaiveDate,
    /// Procedures with a test run (mode `test`) started on or after
    /// `quarter_start`.
    pub tested_last_quarter: usize,
    /// `tested_last_quarter / documented`, 0..1 with four decimals.
    pub tested_share: Option<f64>,
    /// Procedures whose review is not overdue (see `catalog::cadence`).
    pub reviewed_within_cadence: usize,
    /// `reviewed_within_cadence / documented`, 0..1 with four decimals.
    pub reviewed_share: Option<f64>,
}

impl CatalogKpi {
    pub fn of(c: &Catalog) -> CatalogKpi {
        let quarter_start = c
            .today
            .checked_sub_months(Months::new(3))
            .unwrap_or(c.today);
        // A procedure id that appears in two files counts once: the
        // figures of both files are the same history.
        let mut ids: Vec<(&str, bool, bool)> =
            c.entries
                .iter()
                .map(|e| {
                    let tested = e.history.last_test.is_some_and(|t| {
                        t.with_timezone(&chrono::Local).date_naive() >= quarter_start
                    });
                    (e.id.as_str(), tested, !e.review_overdue)
                })
                .collect();
        ids.sort_unstable();
        ids.dedup_by(|a, b| a.0 == b.0);
        let documented = ids.len();
        let tested = ids.iter().filter(|i| i.1).count();
        let reviewed = ids.iter().filter(|i| i.2).count();
        CatalogKpi {
            documented,
            quarter_start,
            tested_last_quarter: tested,
            tested_share: ratio(tested, documented),
            reviewed_within_cadence: reviewed,
            reviewed_share: ratio(reviewed, documented),
        }
    }
}
