//! The rollback tree from the current position: what to undo and in which
//! order, the triggers that call for it, and the decision tree's path.

use super::style::{Look, mark};
use crate::procedure::TriggerKind;
use crate::run::PlanKind;
use crate::tr;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn lines(app: &App, look: &Look) -> Vec<Line<'static>> {
    let lang = app.lang;
    let e = &app.engine;
    let mut lines = vec![Line::styled(tr!(lang, "run-rollback-plan"), look.title())];
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
                    tr!(lang, "run-plan-undo"),
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
                    entry.step,
                    entry.title,
                    tr!(lang, "run-plan-nothing")
                ),
                look.dim(),
            ),
            PlanKind::Undocumented => (
                format!(
                    "{b}[!] {}: {} ({})",
                    entry.step,
                    entry.title,
                    tr!(lang, "run-plan-undocumented")
                ),
                look.alert(),
            ),
            PlanKind::SameAs(_) | PlanKind::BeforeEntry(_) | PlanKind::Kept => (
                format!(
                    "{b}    {}: {} ({})",
                    entry.step,
                    entry.title,
                    crate::i18n::plan_note(lang, &entry.kind).unwrap_or_default()
                ),
                look.dim(),
            ),
            PlanKind::CoveredBy(by) => (
                format!(
                    "{b}    {}: {} ({})",
                    entry.step,
                    entry.title,
                    tr!(lang, "run-plan-covered", steps = by.join(", "))
                ),
                look.dim(),
            ),
        };
        lines.push(Line::styled(text, style));
    }
    let p = e.procedure();
    if !p.rollback.when.is_empty() || !p.triggers.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{}:", tr!(lang, "run-rollback-when")),
            look.title(),
        ));
        for w in &p.rollback.when {
            lines.push(Line::raw(format!(" - {w}")));
        }
        for trigger in &p.triggers {
            let kind = match trigger.kind {
                TriggerKind::Automatic => tr!(lang, "run-trigger-automatic"),
                TriggerKind::Manual => tr!(lang, "run-trigger-manual"),
            };
            lines.push(Line::raw(format!(
                " - [{kind}] {}: {} → {}",
                trigger.name, trigger.condition, trigger.action
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{}:", tr!(lang, "run-decision-tree")),
        look.title(),
    ));
    let path = e.decision_path();
    if path.is_empty() {
        lines.push(Line::styled(tr!(lang, "tui-no-decision-tree"), look.dim()));
    }
    for (depth, step) in path.iter().enumerate() {
        let pad = "  ".repeat(depth);
        if let Some(q) = &step.node.question {
            let a = match step.answer {
                Some(true) => format!(" → {}", tr!(lang, "run-answer-yes")),
                Some(false) => format!(" → {}", tr!(lang, "run-answer-no")),
                None => " ?".to_string(),
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
                    tr!(lang, "run-decision-action", action = a.as_str())
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
        .title(format!(" {} ", tr!(app.lang, "tui-tab-rollback")))
        .border_style(look.dim());
    f.render_widget(
        Paragraph::new(lines(app, look))
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
