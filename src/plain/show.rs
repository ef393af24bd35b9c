//! What the line-oriented runner prints: headers, step cards, the rollback
//! plan, the decision tree and the summary.

use super::input::say;
use crate::i18n::Lang;
use crate::journal::Mode;
use crate::procedure::{Step, StepRollback};
use crate::run::{Engine, ItemKind, PlanKind, RunStatus, StepStatus};
use crate::tr;

pub use crate::procedure::estimate::format_ms as duration_ms;

pub fn header(e: &Engine, lang: Lang, journal: &str, resumed: bool) {
    let p = e.procedure();
    let s = e.state();
    let mode = match (s.mode, resumed) {
        (Mode::Rehearsal, _) => tr!(lang, "run-mode-rehearsal"),
        (Mode::Test, _) => tr!(lang, "unattended-mode-test"),
        (_, true) => tr!(lang, "run-mode-resumed"),
        _ => tr!(lang, "run-mode-live"),
    };
    let env = s.environment.clone().unwrap_or_else(|| "-".into());
    let crit = p
        .meta
        .criticality
        .map(|c| crate::i18n::criticality(lang, c))
        .unwrap_or_else(|| "-".into());
    say(&format!(
        "{} — {} (v{})",
        p.meta.id, p.meta.title, p.meta.version
    ));
    if s.environment
        .as_deref()
        .is_some_and(crate::procedure::is_production_name)
    {
        say(&format!("*** {} *** {env}", tr!(lang, "run-production")));
    }
    say(&format!(
        "{env} · {crit} · {mode} · {} · {}",
        s.operator.label(),
        tr!(lang, "run-id", run = s.run_id.as_str())
    ));
    say(&tr!(lang, "run-journal-at", path = journal));
}

pub fn timers(e: &Engine, lang: Lang) {
    let r = e.run_timer();
    let mut line = tr!(
        lang,
        "run-eta",
        elapsed = duration_ms(r.elapsed_ms),
        left = duration_ms(r.remaining_ms)
    );
    if let Some(left) = r.rto_left_ms {
        line.push_str(" · ");
        line.push_str(&if left >= 0 {
            tr!(lang, "run-rto-left", left = duration_ms(left as u64))
        } else {
            tr!(
                lang,
                "run-rto-passed",
                over = duration_ms(left.unsigned_abs())
            )
        });
    }
    say(&line);
}

pub fn step_card(e: &Engine, lang: Lang, id: &str) {
    let Some(item) = e.item(id) else { return };
    let step = e.step_of(item);
    let undo = e.undo_of(item);
    let est = e
        .estimate_of(item)
        .map(|x| x.to_string())
        .unwrap_or_else(|| "?".into());
    let tag = match item.kind {
        ItemKind::Undo { .. } => format!("{} {}", tr!(lang, "run-plan-undo"), step.id),
        _ => item.id.clone(),
    };
    say("");
    say(&format!(
        "[{tag}] {} ({})",
        step.title,
        tr!(lang, "run-estimate", estimate = est)
    ));
    if let (Some(w), false) = (&step.warning, matches!(item.kind, ItemKind::Undo { .. })) {
        let label = tr!(lang, "procedure-warning-label");
        for (n, l) in w.lines().enumerate() {
            match n {
                0 => say(&format!("  !! {label}: {l}")),
                _ => say(&format!("  !! {l}")),
            }
        }
    }
    if let Some(q) = e.condition_of(item) {
        say(&format!(
            "  ? {}",
            tr!(lang, "branch-condition-label", question = q)
        ));
    }
    if let Some(choice) = e.choice_of(item) {
        say(&format!("  ? {}", choice.question));
        for (n, o) in choice.options.iter().enumerate() {
            let runs = if o.steps.is_empty() {
                tr!(lang, "branch-option-runs-nothing")
            } else {
                tr!(lang, "branch-option-runs", steps = o.steps.join(", "))
            };
            say(&format!("    {}) {} [{}] — {runs}", n + 1, o.title, o.id));
        }
    }
    let instructions = match undo {
        Some(u) => u.instructions.as_ref(),
        None => step.instructions.as_ref(),
    };
    if let Some(text) = instructions {
        for l in text.lines() {
            say(&format!("  {l}"));
        }
    }
    let commands = e.commands_of(item);
    let values = e.substitution_values();
    for c in commands {
        let shown = crate::run::substitute::substitute(&c.run, &values);
        for (n, l) in shown.lines().enumerate() {
            say(&format!("  {} {l}", if n == 0 { "$" } else { ">" }));
        }
    }
    if matches!(item.kind, ItemKind::Undo { .. }) {
        return;
    }
    if let Some(x) = &step.expected {
        say(&format!("  {}: {x}", tr!(lang, "run-expected")));
    }
    if let Some(v) = &step.validation {
        let mut parts = Vec::new();
        if let Some(c) = &v.command {
            parts.push(format!(
                "$ {}",
                crate::run::substitute::substitute(&c.run, &values)
            ));
        }
        if let Some(o) = &v.output {
            parts.push(format!("/{o}/"));
        }
        if let Some(code) = v.exit_code.filter(|c| *c != 0) {
            parts.push(tr!(lang, "run-validation-exit", code = code));
        }
        if !parts.is_empty() {
            say(&format!(
                "  {}: {}",
                tr!(lang, "run-validation"),
                parts.join("  ")
            ));
        }
    }
    rollback_line(step, lang, &values);
}

fn rollback_line(step: &Step, lang: Lang, values: &std::collections::BTreeMap<String, String>) {
    match &step.rollback {
        StepRollback::None => say(&format!(
            "  {}: {}",
            tr!(lang, "run-own-rollback"),
            tr!(lang, "run-no-rollback")
        )),
        StepRollback::Some(u) => {
            let mut what: Vec<String> = u
                .commands
                .iter()
                .map(|c| format!("$ {}", crate::run::substitute::substitute(&c.run, values)))
                .collect();
            if !u.steps.is_empty() {
                what.push(tr!(lang, "run-plan-covered", steps = u.steps.join(", ")));
            }
            say(&format!(
                "  {}: {}",
                tr!(lang, "run-own-rollback"),
                what.join("; ")
            ));
        }
        StepRollback::Missing => {}
    }
}

pub fn failure(e: &Engine, lang: Lang, id: &str) {
    let Some(item) = e.item(id) else { return };
    let step = e.step_of(item);
    if !step.on_failure.is_empty() {
        say(&format!("  {}:", tr!(lang, "run-on-failure")));
        for h in &step.on_failure {
            say(&format!("   - {h}"));
        }
    }
}

pub fn plan(e: &Engine, lang: Lang) {
    say(&format!("{}:", tr!(lang, "run-rollback-plan")));
    let entries = e.rollback_plan();
    let n = entries.len();
    for (i, entry) in entries.iter().enumerate() {
        let branch = if i + 1 == n { "└─" } else { "├─" };
        let mark = status_mark(entry.status);
        let what = match &entry.kind {
            PlanKind::Undo => format!(
                "{mark} {} {}: {}",
                tr!(lang, "run-plan-undo"),
                entry.step,
                entry.title
            ),
            PlanKind::NothingToUndo => format!(
                "    {}: {} ({})",
                entry.step,
                entry.title,
                tr!(lang, "run-plan-nothing")
            ),
            PlanKind::Undocumented => format!(
                "[!] {}: {} ({})",
                entry.step,
                entry.title,
                tr!(lang, "run-plan-undocumented")
            ),
            PlanKind::CoveredBy(by) => format!(
                "    {}: {} ({})",
                entry.step,
                entry.title,
                tr!(lang, "run-plan-covered", steps = by.join(", "))
            ),
            PlanKind::Full => format!("{mark} {}: {}", entry.id, entry.title),
            PlanKind::SameAs(_) | PlanKind::BeforeEntry(_) | PlanKind::Kept => format!(
                "    {}: {} ({})",
                entry.step,
                entry.title,
                crate::i18n::plan_note(lang, &entry.kind).unwrap_or_default()
            ),
        };
        let est = entry
            .estimate
            .map(|x| format!("  [{x}]"))
            .unwrap_or_default();
        say(&format!("  {branch} {what}{est}"));
    }
    let when = &e.procedure().rollback.when;
    if !when.is_empty() {
        say(&format!("  {}:", tr!(lang, "run-rollback-when")));
        for w in when {
            say(&format!("   - {w}"));
        }
    }
}

pub fn decision(e: &Engine, lang: Lang) {
    let path = e.decision_path();
    if path.is_empty() {
        return;
    }
    say(&format!("{}:", tr!(lang, "run-decision-tree")));
    for (depth, s) in path.iter().enumerate() {
        let pad = "  ".repeat(depth + 1);
        if let Some(q) = &s.node.question {
            let a = match s.answer {
                Some(true) => format!(" → {}", tr!(lang, "run-answer-yes")),
                Some(false) => format!(" → {}", tr!(lang, "run-answer-no")),
                None => " ?".to_string(),
            };
            say(&format!("{pad}{q}{a}"));
        } else if let Some(a) = &s.node.action {
            say(&format!(
                "{pad}{}",
                tr!(lang, "run-decision-action", action = a.as_str())
            ));
        }
    }
}

pub fn status_mark(s: StepStatus) -> &'static str {
    s.symbol()
}

pub fn summary(e: &Engine, lang: Lang) {
    let s = e.state();
    let RunStatus::Finished(outcome) = s.status else {
        return;
    };
    let count = |st: StepStatus| s.items.iter().filter(|i| i.status == st).count();
    say("");
    say(&tr!(
        lang,
        "run-finished",
        outcome = crate::i18n::run_outcome(lang, outcome),
        took = duration_ms(e.run_timer().elapsed_ms)
    ));
    say(&tr!(
        lang,
        "run-summary-steps",
        done = count(StepStatus::Done),
        failed = count(StepStatus::Failed),
        skipped = count(StepStatus::Skipped),
        rolledback = count(StepStatus::RolledBack),
        deviations = s.deviations.len()
    ));
    if !s.deviations.is_empty() {
        say(&format!("{}:", tr!(lang, "run-deviations")));
        for d in &s.deviations {
            say(&format!(
                "  - {}",
                crate::history::words::deviation_with_reason(
                    lang,
                    d.step.as_deref(),
                    &d.kind,
                    &d.reason
                )
            ));
        }
    }
    say(&tr!(lang, "run-verify-with", run = s.run_id.as_str()));
}
