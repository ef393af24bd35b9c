//! "Validaciones claras" and "Resultado esperado": every step says what
//! success looks like, and runnable steps have something to run.

use super::Ctx;
use crate::diagnostic::Diagnostic;

pub fn check(ctx: &mut Ctx<'_>) {
    let p = ctx.procedure;
    // A choice step only asks: its options' steps run and say what success is.
    for step in p.all_steps().filter(|s| s.choice.is_none()) {
        if step.expected.is_none() && step.validation.is_none() {
            ctx.warn(
                Some(step),
                Diagnostic::warning(
                    "no-expected-result",
                    format!("step `{}` has no expected result and no validation", step.id),
                    Some(step.span.clone()),
                )
                .with_hint("add `expected = \"...\"` (what the operator should see) or a `validation` command"),
            );
        }
        if step.commands.is_empty() && !step.manual {
            ctx.warn(
                Some(step),
                Diagnostic::warning(
                    "step-without-commands",
                    format!("step `{}` has no commands and is not manual", step.id),
                    Some(step.span.clone()),
                )
                .with_hint("add `commands`, or `manual = true` if the operator does it by hand and checks it off"),
            );
        }
    }
}
