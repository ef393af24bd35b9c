//! `review-due`: seed 001's "Revisión Periódica" — a procedure is reviewed
//! every 3, 6 or 12 months depending on how often it runs
//! (`catalog::cadence`); `updated` older than that is a review overdue.

use super::Ctx;
use crate::catalog::cadence::Review;
use crate::diagnostic::Diagnostic;
use chrono::NaiveDate;

pub fn check(ctx: &mut Ctx<'_>, today: NaiveDate) {
    let m = &ctx.procedure.meta;
    let Some(updated) = m.updated else { return };
    let review = Review::of(Some(updated), m.frequency);
    let Some(due) = review.due.filter(|d| *d < today) else {
        return;
    };
    let frequency = m
        .frequency
        .map_or("none given".to_string(), |f| format!("`{f}`"));
    let span = super::key_span(ctx.source, "updated", &m.span);
    ctx.warn(
        None,
        Diagnostic::warning(
            "review-due",
            format!(
                "the review was due on {due}: updated {updated}, and a procedure of frequency {frequency} is reviewed every {} months",
                review.months
            ),
            Some(span),
        )
        .with_hint(
            "review it (run it in staging, check the commands, the rollback and the estimates), then set `updated` to the review's date",
        ),
    );
}
