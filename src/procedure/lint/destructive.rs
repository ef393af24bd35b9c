//! A destructive command (see [`crate::procedure::danger`]) in a step that
//! does not ask the operator first (`confirm = true`).

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::procedure::danger;
use crate::procedure::decode::literal;

pub fn check(ctx: &mut Ctx<'_>) {
    let p = ctx.procedure;
    let mut found = Vec::new();
    for step in p.all_steps().filter(|s| !s.confirm) {
        for c in &step.commands {
            let Some(pattern) = danger::destructive(&c.run) else {
                continue;
            };
            let span = literal::locate_range(ctx.source, &c.span, &c.run, 0..c.run.len());
            let shown: String = c
                .run
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(60)
                .collect();
            found.push((
                step,
                Diagnostic::warning(
                    "destructive-without-confirm",
                    format!(
                        "step {} runs `{shown}` ({}: {}) without asking first",
                        step.id, pattern.name, pattern.why
                    ),
                    Some(span),
                )
                .with_hint(
                    "add `confirm = true` to the step so the operator confirms before it runs",
                ),
            ));
            break;
        }
    }
    for (step, d) in found {
        ctx.warn(Some(step), d);
    }
}
