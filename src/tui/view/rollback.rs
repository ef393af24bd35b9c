//! The rollback tree from the current position: what to undo and in which
//! order, the triggers that call for it, and the decision tree's path.

use super::style::{Look, mark};
use crate::i18n::fill;
use crate::procedure::TriggerKind;
use crate::run::PlanKind;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn lines(app: &App, look: &Look) -> Vec<Line<'static>> {
    let t = app.t();
    let e = &app.engine;
    let mut lines = vec![Line::styled(t.rollback_plan.to_string(), look.title())];
    let plan = e.rollback_plan();
    let n = plan.len();
    for (i, entry) in plan.iter().enumerate() {
        let b = look.branch(i + 1 == n);
        let est = entry
            .estimate
            .map(|x| format!(" [{x}]"))
            .unwrap_or_default();
        let (text, style) = match &entry.kind {
            PlanKind::Undo => (
                format!(
                    "{b}{} {} {}: {}{est}",
                    mark(entry.status),
                    t.plan_undo,
                    entry.step,
                    entry.title
                ),
                look.status(entry.status),
            ),
            PlanKind::Full => (
                format!(
                    "{b}{} {}: {}{est}",
                    mark(entry.status),
                    entry.id,
                    entry.title
                ),
                look.status(entry.status),
            ),
            PlanKind::NothingToUndo => (
                format!(
                    "{b}    {}: {} ({})",
                    entry.step, entry.title, t.plan_nothing
                ),
                look.dim(),
            ),
            PlanKind::Undocumented => (
                format!(
                    "{b}[!] {}: {} ({})",
                    entry.step, entry.title, t.plan_undocumented
                ),
                look.alert(),
            ),
            PlanKind::CoveredBy(by) => (
                format!(
                    "{b}    {}: {} ({} {})",
                    entry.step,
                    entry.title,
                    t.plan_covered,
                    by.join(", ")
                ),
                look.dim(),
            ),
        };
        lines.push(Line::styled(text, style));
    }
    let p = e.procedure();
    if !p.rollback.when.is_empty() || !p.triggers.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("{}:", t.rollback_when), look.title()));
        for w in &p.rollback.when {
            lines.push(Line::raw(format!(" - {w}")));
        }
        for tr in &p.triggers {
            let kind = match tr.kind {
                TriggerKind::Automatic => t.automatic,
                TriggerKind::Manual => t.manual_word,
            };
            lines.push(Line::raw(format!(
                " - [{kind}] {}: {} → {}",
                tr.name, tr.condition, tr.action
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("{}:", t.decision_tree), look.title()));
    let path = e.decision_path();
    if path.is_empty() {
        lines.push(Line::styled(t.no_decision_tree.to_string(), look.dim()));
    }
    for (depth, step) in path.iter().enumerate() {
        let pad = "  ".repeat(depth);
        if let Some(q) = &step.node.question {
            let a = match step.answer {
                Some(true) => " → SI",
                Some(false) => " → NO",
                None => " ?",
            };
            let style = if step.answer.is_none() {
                look.title()
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::styled(
                format!("{pad}{}{q}{a}", look.branch(true)),
                style,
            ));
        } else if let Some(a) = &step.node.action {
            let style = if step.node.rollback {
                look.alert()
            } else {
                look.title()
            };
            lines.push(Line::styled(
                format!(
                    "{pad}{}{}",
                    look.branch(true),
                    fill(t.decision_action, &[a])
                ),
                style,
            ));
        }
    }
    lines
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {} ", app.t().tab_rollback))
        .border_style(look.dim());
    f.render_widget(
        Paragraph::new(lines(app, look))
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
