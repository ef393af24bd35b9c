//! "Tiempo estimado": every step and the whole procedure carry estimates,
//! and they agree with each other.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::procedure::estimate::Estimate;

pub fn check(ctx: &mut Ctx<'_>) {
    let p = ctx.procedure;
    if p.meta.estimate.is_none() {
        ctx.warn(
            None,
            Diagnostic::warning(
                "missing-estimate",
                "the procedure has no total estimate",
                Some(p.meta.span.clone()),
            )
            .with_hint(format!(
                "add `estimate = \"{}\"` to [procedure] (the sum of its steps)",
                p.steps_estimate()
            )),
        );
    }
    for step in p.all_steps() {
        if step.estimate.is_none() {
            ctx.warn(
                Some(step),
                Diagnostic::warning(
                    "missing-estimate",
                    format!("step `{}` has no estimate", step.id),
                    Some(step.span.clone()),
                )
                .with_hint("add `estimate = \"5m\"` (or a range like `5-10m`)"),
            );
        }
    }
    let sum = p.steps_estimate();
    if let (Some(total), true) = (p.meta.estimate, sum.max_secs > 0)
        && let Some(problem) = disagreement(total, sum)
    {
        let span = p.meta.estimate_span.clone().unwrap_or(p.meta.span.clone());
        ctx.warn(
            None,
            Diagnostic::warning(
                "estimate-mismatch",
                format!("total estimate {total} {problem} the sum of the steps ({sum})"),
                Some(span),
            )
            .with_hint(format!(
                "set `estimate = \"{sum}\"`, or fix the step estimates"
            )),
        );
    }
    for phase in &p.phases {
        let Some(budget) = phase.budget else { continue };
        let sum = phase
            .steps
            .iter()
            .filter_map(|s| s.estimate)
            .fold(Estimate::ZERO, std::ops::Add::add);
        if sum.min_secs > budget.max_secs {
            ctx.warn(
                None,
                Diagnostic::warning(
                    "phase-over-budget",
                    format!(
                        "the steps of phase `{}` add up to {sum}, over its budget of {budget}",
                        phase.id
                    ),
                    Some(phase.span.clone()),
                )
                .with_hint("raise the phase `budget` or shorten its steps"),
            );
        }
    }
}

/// The total is wrong when even its upper end cannot hold the steps, or
/// when it is padded well past the steps' upper end (50 % plus 5 minutes
/// of slack for notifications and hand-offs between steps).
fn disagreement(total: Estimate, sum: Estimate) -> Option<&'static str> {
    if total.max_secs < sum.min_secs {
        Some("is less than")
    } else if total.min_secs > sum.max_secs + sum.max_secs / 2 + 300 {
        Some("is far above")
    } else {
        None
    }
}
