//! What the line-oriented runner prints: headers, step cards, the rollback
//! plan, the decision tree and the summary.

use super::input::say;
use crate::i18n::{Texts, fill};
use crate::journal::Mode;
use crate::procedure::{Step, StepRollback};
use crate::run::{Engine, ItemKind, PlanKind, RunStatus, StepStatus};

pub use crate::procedure::estimate::format_ms as duration_ms;

pub fn header(e: &Engine, t: &Texts, journal: &str, resumed: bool) {
    let p = e.procedure();
    let s = e.state();
    let mode = match (s.mode, resumed) {
        (Mode::Rehearsal, _) => t.rehearsal,
        (_, true) => t.resumed,
        _ => t.live,
    };
    let env = s.environment.clone().unwrap_or_else(|| "-".into());
    let crit = p.meta.criticality.map(|c| c.es()).unwrap_or("-");
    say(&format!(
        "{} — {} (v{})",
        p.meta.id, p.meta.title, p.meta.version
    ));
    if s.environment
        .as_deref()
        .is_some_and(crate::procedure::is_production_name)
    {
        say(&format!("*** {} *** {env}", t.production_banner));
    }
    say(&format!(
        "{env} · {crit} · {mode} · {} · run {}",
        s.operator.label(),
        s.run_id
    ));
    say(&format!("{}: {journal}", t.journal_at));
}

pub fn timers(e: &Engine, t: &Texts) {
    let r = e.run_timer();
    let mut line = fill(
        t.eta,
        &[&duration_ms(r.elapsed_ms), &duration_ms(r.remaining_ms)],
    );
    if let Some(left) = r.rto_left_ms {
        line.push_str(" · ");
        line.push_str(&if left >= 0 {
            fill(t.rto_left, &[&duration_ms(left as u64)])
        } else {
            fill(t.rto_passed, &[&duration_ms(left.unsigned_abs())])
        });
    }
    say(&line);
}

pub fn step_card(e: &Engine, t: &Texts, id: &str) {
    let Some(item) = e.item(id) else { return };
    let step = e.step_of(item);
    let undo = e.undo_of(item);
    let est = e
        .estimate_of(item)
        .map(|x| x.to_string())
        .unwrap_or_else(|| "?".into());
    let tag = match item.kind {
        ItemKind::Undo { .. } => format!("{} {}", t.plan_undo, step.id),
        _ => item.id.clone(),
    };
    say("");
    say(&format!("[{tag}] {} ({} {est})", step.title, t.estimate));
    if let (Some(w), false) = (&step.warning, matches!(item.kind, ItemKind::Undo { .. })) {
        for l in w.lines() {
            say(&format!("  !! {l}"));
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
        say(&format!("  {}: {x}", t.expected));
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
            parts.push(format!("exit {code}"));
        }
        if !parts.is_empty() {
            say(&format!("  {}: {}", t.validation, parts.join("  ")));
        }
    }
    rollback_line(step, t, &values);
}

fn rollback_line(step: &Step, t: &Texts, values: &std::collections::BTreeMap<String, String>) {
    match &step.rollback {
        StepRollback::None => say(&format!("  {}: {}", t.own_rollback, t.no_rollback)),
        StepRollback::Some(u) => {
            let mut what: Vec<String> = u
                .commands
                .iter()
                .map(|c| format!("$ {}", crate::run::substitute::substitute(&c.run, values)))
                .collect();
            if !u.steps.is_empty() {
                what.push(format!("{} {}", t.plan_covered, u.steps.join(", ")));
            }
            say(&format!("  {}: {}", t.own_rollback, what.join("; ")));
        }
        StepRollback::Missing => {}
    }
}

pub fn failure(e: &Engine, t: &Texts, id: &str) {
    let Some(item) = e.item(id) else { return };
    let step = e.step_of(item);
    if !step.on_failure.is_empty() {
        say(&format!("  {}:", t.on_failure));
        for h in &step.on_failure {
            say(&format!("   - {h}"));
        }
    }
}

pub fn plan(e: &Engine, t: &Texts) {
    say(&format!("{}:", t.rollback_plan));
    let entries = e.rollback_plan();
    let n = entries.len();
    for (i, entry) in entries.iter().enumerate() {
        let branch = if i + 1 == n { "└─" } else { "├─" };
        let mark = status_mark(entry.status);
        let what = match &entry.kind {
            PlanKind::Undo => format!("{mark} {} {}: {}", t.plan_undo, entry.step, entry.title),
            PlanKind::NothingToUndo => {
                format!("    {}: {} ({})", entry.step, entry.title, t.plan_nothing)
            }
            PlanKind::Undocumented => format!(
                "[!] {}: {} ({})",
                entry.step, entry.title, t.plan_undocumented
            ),
            PlanKind::CoveredBy(by) => format!(
                "    {}: {} ({} {})",
                entry.step,
                entry.title,
                t.plan_covered,
                by.join(", ")
            ),
            PlanKind::Full => format!("{mark} {}: {}", entry.id, entry.title),
        };
        let est = entry
            .estimate
            .map(|x| format!("  [{x}]"))
            .unwrap_or_default();
        say(&format!("  {branch} {what}{est}"));
    }
    let when = &e.procedure().rollback.when;
    if !when.is_empty() {
        say(&format!("  {}:", t.rollback_when));
        for w in when {
            say(&format!("   - {w}"));
        }
    }
}

pub fn decision(e: &Engine, t: &Texts) {
    let path = e.decision_path();
    if path.is_empty() {
        return;
    }
    say(&format!("{}:", t.decision_tree));
    for (depth, s) in path.iter().enumerate() {
        let pad = "  ".repeat(depth + 1);
        if let Some(q) = &s.node.question {
            let a = match s.answer {
                Some(true) => " → SI",
                Some(false) => " → NO",
                None => " ?",
            };
            say(&format!("{pad}{q}{a}"));
        } else if let Some(a) = &s.node.action {
            say(&format!("{pad}{}", fill(t.decision_action, &[a])));
        }
    }
}

pub fn status_mark(s: StepStatus) -> &'static str {
    s.symbol()
}

pub fn summary(e: &Engine, t: &Texts) {
    let s = e.state();
    let RunStatus::Finished(outcome) = s.status else {
        return;
    };
    let count = |st: StepStatus| {
        s.items
            .iter()
            .filter(|i| i.status == st)
            .count()
            .to_string()
    };
    say("");
    say(&format!(
        "{}: {} · {}",
        t.finished,
        t.outcome(outcome),
        duration_ms(e.run_timer().elapsed_ms)
    ));
    say(&fill(
        t.summary_steps,
        &[
            &count(StepStatus::Done),
            &count(StepStatus::Failed),
            &count(StepStatus::Skipped),
            &count(StepStatus::RolledBack),
            &s.deviations.len().to_string(),
        ],
    ));
    if !s.deviations.is_empty() {
        say(&format!("{}:", t.summary_deviations));
        for d in &s.deviations {
            say(&format!(
                "  - {}",
                crate::history::words::deviation_with_reason(
                    crate::i18n::Lang::of_texts(t),
                    d.step.as_deref(),
                    &d.kind,
                    &d.reason
                )
            ));
        }
    }
    say(&fill(t.verify_with, &[&s.run_id]));
}
