//! "Rollback para todo": critical steps and critical procedures can be undone.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::procedure::keyword::{Criticality, PhaseKind};
use crate::procedure::model::StepRollback;

pub fn check(ctx: &mut Ctx<'_>) {
    let p = ctx.procedure;
    for phase in &p.phases {
        // A choice step changes nothing: its options' steps are linted.
        for step in phase.steps.iter().filter(|s| s.choice.is_none()) {
            let effective = step.criticality.or(match phase.kind {
                PhaseKind::Execution => p.meta.criticality,
                _ => None,
            });
            let Some(c) = effective.filter(|c| c.is_high_or_above()) else {
                continue;
            };
            if matches!(step.rollback, StepRollback::Missing) {
                ctx.warn(
                    Some(step),
                    Diagnostic::warning(
                        "critical-without-rollback",
                        format!("step `{}` is {} but has no rollback", step.id, c.es().to_lowercase()),
                        Some(step.span.clone()),
                    )
                    .with_hint("add `[phases.steps.rollback]` with the commands that undo it, or `rollback = \"none\"` if it changes nothing"),
                );
            }
        }
    }
    if p.meta.criticality == Some(Criticality::Critical) && p.rollback.steps.is_empty() {
        ctx.warn(
            None,
            Diagnostic::warning(
                "empty-rollback",
                "the procedure is critica but its full rollback has no steps",
                Some(p.rollback.span.clone().unwrap_or(p.meta.span.clone())),
            )
            .with_hint("add `[rollback]` with `when` and `[[rollback.steps]]` R1..Rn"),
        );
    }
    if let Some(rto) = p.meta.rto {
        let rb = p.rollback.estimate.or_else(|| {
            let steps: Vec<_> = p.rollback.steps.iter().filter_map(|s| s.estimate).collect();
            (!steps.is_empty()).then(|| {
                steps
                    .into_iter()
                    .fold(Default::default(), std::ops::Add::add)
            })
        });
        if let Some(rb) = rb
            && rb.max_secs > rto.max_secs
        {
            ctx.warn(
                None,
                Diagnostic::warning(
                    "rollback-exceeds-rto",
                    format!("the full rollback takes up to {rb}, longer than the RTO ({rto})"),
                    Some(p.rollback.span.clone().unwrap_or(p.meta.span.clone())),
                )
                .with_hint("shorten the rollback, or revise the RTO with the service owner"),
            );
        }
    }
}
