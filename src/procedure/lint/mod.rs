//! Lint rules from the users' "Mejores Prácticas": warnings about a
//! procedure that loads but is not safe or complete enough to run at 03:00.
//! A rule can be switched off with `allow = ["rule-name"]` in `[procedure]`
//! or in one step.

mod credentials;
mod destructive;
mod estimates;
mod expectations;
mod review;
mod rollback;
mod version;

/// Compiles the patterns the lints search with (credentials, destructive
/// commands) now; see [`crate::procedure::import::warm_up`].
pub fn warm() {
    credentials::warm();
    crate::procedure::danger::warm();
}

pub use version::LastRun;

use super::model::{Procedure, Step};
use crate::diagnostic::{Diagnostic, SourceText};

pub use credentials::find_credentials;

/// Every rule, with what it checks (shown by `pasos check --rules`).
pub const RULES: &[(&str, &str)] = &[
    (
        "critical-without-rollback",
        "a critica/alta step has no rollback (not even `rollback = \"none\"`)",
    ),
    (
        "no-expected-result",
        "a step says neither what to expect nor how to validate it",
    ),
    (
        "missing-estimate",
        "the procedure or a step has no estimate",
    ),
    (
        "estimate-mismatch",
        "the total estimate disagrees with the sum of the steps",
    ),
    (
        "phase-over-budget",
        "the steps of a phase add up to more than its budget",
    ),
    (
        "inline-credential",
        "a password, token, Authorization header, AWS key or private key is written inline",
    ),
    (
        "empty-rollback",
        "a critica procedure has no full rollback steps",
    ),
    (
        "rollback-exceeds-rto",
        "the full rollback takes longer than the RTO",
    ),
    (
        "step-without-commands",
        "a step has no commands and is not marked `manual`",
    ),
    (
        "unreachable-decision",
        "a decision tree node is never reached",
    ),
    (
        "destructive-without-confirm",
        "a step runs a destructive command (rm -r, DROP, down -v, kubectl delete...) without `confirm = true`",
    ),
    (
        "review-due",
        "`updated` is older than the review cadence of the procedure's frequency (3, 6 or 12 months); `pasos check` only",
    ),
    (
        "version-not-bumped",
        "the step ids changed since the last run's recorded profile but the MAJOR version did not (MINOR for added optional steps); `pasos check` only",
    ),
    ("unknown-rule", "`allow` names a rule that does not exist"),
];

/// What the rules that look beyond the file need: today's date and the
/// history. `pasos check` has them; loading a procedure to run it does not
/// ask (a run is never refused for a review that is due).
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// `review-due` runs when set.
    pub today: Option<chrono::NaiveDate>,
    /// `version-not-bumped` runs when set: the most recent run of the
    /// procedure that recorded its steps.
    pub last_run: Option<LastRun>,
}

/// The rules that need [`Context`], with the same `allow` handling.
pub fn lint_in_context(
    procedure: &Procedure,
    source: &SourceText,
    context: &Context,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx {
        procedure,
        source,
        out: Vec::new(),
    };
    if let Some(today) = context.today {
        review::check(&mut ctx, today);
    }
    if let Some(last) = &context.last_run {
        version::check(&mut ctx, last);
    }
    ctx.out
}

/// Where `key = ` is written in the file (the first line that starts with
/// it), else `fallback`.
fn key_span(
    source: &SourceText,
    key: &str,
    fallback: &crate::diagnostic::Span,
) -> crate::diagnostic::Span {
    let text = source.text();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let start = at + (line.len() - t.len());
            return start..start + key.len();
        }
        at += line.len();
    }
    fallback.clone()
}

pub struct Ctx<'a> {
    pub procedure: &'a Procedure,
    pub source: &'a SourceText,
    out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// Records a warning unless the procedure or `step` allows the rule.
    pub fn warn(&mut self, step: Option<&Step>, d: Diagnostic) {
        let allowed = |list: &[String]| list.iter().any(|a| a == d.code);
        if allowed(&self.procedure.meta.allow) || step.is_some_and(|s| allowed(&s.allow)) {
            return;
        }
        self.out.push(d);
    }
}

pub fn lint(procedure: &Procedure, source: &SourceText) -> Vec<Diagnostic> {
    let mut ctx = Ctx {
        procedure,
        source,
        out: Vec::new(),
    };
    rollback::check(&mut ctx);
    expectations::check(&mut ctx);
    estimates::check(&mut ctx);
    credentials::check(&mut ctx);
    destructive::check(&mut ctx);
    unknown_allows(&mut ctx);
    ctx.out
}

/// Allows are hints to people; a misspelt one silently allowing nothing
/// would be a trap.
fn unknown_allows(ctx: &mut Ctx<'_>) {
    let p = ctx.procedure;
    let lists = std::iter::once((&p.meta.allow, p.meta.span.clone()))
        .chain(p.all_steps().map(|s| (&s.allow, s.span.clone())));
    let mut found = Vec::new();
    for (list, span) in lists {
        for name in list {
            if !RULES.iter().any(|(r, _)| r == name) {
                let names: Vec<&str> = RULES.iter().map(|(r, _)| *r).collect();
                let hint = match super::decode::did_you_mean(name, &names) {
                    Some(b) => format!("did you mean `{b}`?"),
                    None => format!("rules: {}", names.join(", ")),
                };
                let span = super::validate::locate(
                    ctx.source,
                    &(span.start..ctx.source.text().len()),
                    &format!("\"{name}\""),
                );
                found.push(
                    Diagnostic::warning(
                        "unknown-rule",
                        format!("`allow` names an unknown rule `{name}`"),
                        Some(span),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    ctx.out.extend(found);
}
