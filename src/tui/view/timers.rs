//! Every step's time against its estimate, the phase budgets and the run's
//! progress, as bars that read without colour.

use super::style::{Look, clock};
use crate::run::{ItemKind, StepStatus};
use crate::tr;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let lang = app.lang;
    let e = &app.engine;
    let s = e.state();
    let width = area.width.saturating_sub(2) as usize;
    let bar_w = width.saturating_sub(22).clamp(4, 30);
    let mut lines = Vec::new();
    let forward: Vec<_> = s
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Forward { .. }))
        .collect();
    let done = forward.iter().filter(|i| i.status.is_finished()).count();
    let ratio = if forward.is_empty() {
        0.0
    } else {
        done as f64 / forward.len() as f64
    };
    lines.push(Line::styled(
        tr!(lang, "tui-progress", done = done, total = forward.len()),
        look.title(),
    ));
    lines.push(Line::raw(look.bar(ratio, bar_w + 14)));
    for (pi, phase) in e.procedure().phases.iter().enumerate() {
        let pt = e.phase_timer(pi);
        let budget = pt
            .budget
            .map(|b| format!("/{}", clock(b.max_secs * 1000)))
            .unwrap_or_default();
        let style = if pt.over { look.alert() } else { look.title() };
        let name: String = phase.title.chars().take(width.saturating_sub(12)).collect();
        lines.push(Line::styled(
            format!(
                "{name} {}{budget}{}",
                clock(pt.elapsed_ms),
                if pt.over { " !" } else { "" }
            ),
            style,
        ));
        for item in s
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Forward { phase, .. } if phase == pi))
        {
            lines.push(step_line(app, look, &item.id, bar_w));
        }
    }
    let rolling: Vec<_> = s.rollback_plan.clone();
    if !rolling.is_empty() {
        lines.push(Line::styled(tr!(lang, "tui-tab-rollback"), look.title()));
        for id in rolling {
            lines.push(step_line(app, look, &id, bar_w));
        }
    }
    let block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {} ", tr!(lang, "tui-tab-timers")))
        .border_style(look.dim());
    f.render_widget(Paragraph::new(lines).block(block), area);
}

fn step_line(app: &App, look: &Look, id: &str, bar_w: usize) -> Line<'static> {
    let Some(item) = app.engine.item(id) else {
        return Line::raw("");
    };
    let Some(tm) = app.engine.step_timer(id) else {
        return Line::raw("");
    };
    let est_ms = tm.estimate.map(|e| e.max_secs * 1000).unwrap_or(0);
    let ratio = if est_ms == 0 {
        0.0
    } else {
        tm.elapsed_ms as f64 / est_ms as f64
    };
    let bar = if item.status == StepStatus::Pending {
        look.bar(0.0, bar_w)
    } else {
        look.bar(ratio, bar_w)
    };
    let est = tm
        .estimate
        .map(|e| clock(e.max_secs * 1000))
        .unwrap_or_else(|| "?".into());
    // An undo reads as in the checklist: `↶3` (`<3` without box drawing).
    let label = match item.kind {
        ItemKind::Undo { .. } => {
            let undo = if look.ascii { "<" } else { "↶" };
            format!("{undo}{}", app.engine.step_of(item).id)
        }
        _ => id.to_string(),
    };
    let label: String = label.chars().take(6).collect();
    let flag = if tm.over { "!" } else { " " };
    let style = if tm.over {
        look.alert()
    } else {
        look.status(item.status)
    };
    Line::from(vec![Span::styled(
        format!("{label:<6} {bar} {}/{est}{flag}", clock(tm.elapsed_ms)),
        style,
    )])
}
