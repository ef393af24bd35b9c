//! The review cadence of the team's standard (seed 001, "Revisión
//! Periódica"): daily and weekly procedures are reviewed every 3 months,
//! monthly ones every 6, quarterly, on-demand and emergency ones (and
//! those that name no frequency) every 12. A procedure's review is due
//! that many months after its `updated` date.

use crate::procedure::Frequency;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// Months between reviews for a procedure run at `frequency`.
pub fn review_months(frequency: Option<Frequency>) -> u32 {
    match frequency {
        Some(Frequency::Daily | Frequency::Weekly) => 3,
        Some(Frequency::Monthly) => 6,
        Some(Frequency::Quarterly | Frequency::OnDemand | Frequency::Emergency) | None => 12,
    }
}

/// When a procedure must next be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Review {
    /// The cadence in months.
    pub months: u32,
    /// `updated` plus the cadence; `None` when the procedure has no
    /// `updated` date (it has never been recorded as reviewed).
    pub due: Option<NaiveDate>,
}

impl Review {
    pub fn of(updated: Option<NaiveDate>, frequency: Option<Frequency>) -> Review {
        let months = review_months(frequency);
        Review {
            months,
            due: updated.and_then(|u| u.checked_add_months(Months::new(months))),
        }
    }

    /// The review is overdue on `today` (the due date has passed), or was
    /// never recorded.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.due.is_none_or(|d| d < today)
    }

    /// Days from `today` to the due date: negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.map(|d| (d - today).num_days())
    }
}

/// Today's date in the reader's time zone; `PASOS_TODAY=YYYY-MM-DD` pins
/// it (reproducible reports and tests of what falls due when).
pub fn today() -> NaiveDate {
    std::env::var("PASOS_TODAY")
        .ok()
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn cadence_follows_the_standard() {
        assert_eq!(review_months(Some(Frequency::Daily)), 3);
        assert_eq!(review_months(Some(Frequency::Weekly)), 3);
        assert_eq!(review_months(Some(Frequency::Monthly)), 6);
        assert_eq!(review_months(Some(Frequency::Quarterly)), 12);
        assert_eq!(review_months(Some(Frequency::OnDemand)), 12);
        assert_eq!(review_months(None), 12);
    }

    #[test]
    fn due_date_and_overdue() {
        let r = Review::of(Some(d("2026-01-31")), Some(Frequency::Weekly));
        // Month arithmetic clamps to the month's last day.
        assert_eq!(r.due, Some(d("2026-04-30")));
        assert!(!r.is_overdue(d("2026-04-30")));
        assert!(r.is_overdue(d("2026-05-01")));
        assert_eq!(r.days_left(d("2026-04-20")), Some(10));
        let never = Review::of(None, Some(Frequency::Monthly));
        assert_eq!(never.due, None);
        assert!(never.is_overdue(d("2000-01-01")));
    }
}
