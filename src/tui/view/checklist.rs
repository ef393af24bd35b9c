//! The checklist (phases and steps with state symbols and times) and the
//! selected step's details, readable in full.

use super::style::{Look, OVERRIDDEN, clock, is_overridden, mark};
use crate::procedure::StepRollback;
use crate::run::{ItemKind, StepStatus};
use crate::tr;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw_list(f: &mut Frame, area: Rect, app: &App, look: &Look, focused: bool) {
    let lang = app.lang;
    let rows = app.rows();
    let s = app.engine.state();
    let p = app.engine.procedure();
    let inner_h = area.height.saturating_sub(2) as usize;
    // Only the rows that fit around the selection are built: a 2,000-step
    // procedure costs no more to draw than a 20-step one.
    let selected = app.selected.min(rows.len().saturating_sub(1));
    let group_of = |pos: usize| match s.items[rows[pos]].kind {
        ItemKind::Forward { phase, .. } => Some(phase),
        _ => None,
    };
    let first = first_row(rows.len(), selected, inner_h, group_of);
    let mut lines: Vec<Line> = Vec::new();
    let mut last_group: Option<String> = None;
    let width = area.width.saturating_sub(2) as usize;
    for (pos, n) in rows.iter().enumerate().skip(first) {
        if lines.len() >= inner_h {
            break;
        }
        let item = &s.items[*n];
        let group = match item.kind {
            ItemKind::Forward { phase, .. } => p.phases[phase].title.clone(),
            _ => tr!(lang, "tui-tab-rollback"),
        };
        if last_group.as_ref() != Some(&group) {
            lines.push(Line::styled(group.clone(), look.title()));
            last_group = Some(group);
        }
        let step = app.engine.step_of(item);
        let timer = app.engine.step_timer(&item.id);
        let time = match (&timer, item.status) {
            (Some(tm), st) if st != StepStatus::Pending => {
                let est = tm
                    .estimate
                    .map(|e| clock(e.max_secs * 1000))
                    .unwrap_or_else(|| "?".into());
                format!(
                    "{}/{est}{}",
                    clock(tm.elapsed_ms),
                    if tm.over { "!" } else { "" }
                )
            }
            (Some(tm), _) => tm.estimate.map(|e| e.to_string()).unwrap_or_default(),
            _ => String::new(),
        };
        let label = match item.kind {
            ItemKind::Undo { .. } => format!("↶{}", step.id),
            _ => item.id.clone(),
        };
        let label = if look.ascii {
            label.replace('↶', "<")
        } else {
            label
        };
        let overridden = is_overridden(item);
        let m = if overridden {
            OVERRIDDEN
        } else {
            mark(item.status)
        };
        let head = format!("{m} {label:<4} ");
        let room = width.saturating_sub(head.chars().count() + time.chars().count() + 1);
        let title: String = step.title.chars().take(room).collect();
        let pad = " ".repeat(room.saturating_sub(title.chars().count()));
        let mut style = if overridden {
            look.overridden()
        } else {
            look.status(item.status)
        };
        if pos == selected {
            style = style.patch(look.selected());
        }
        lines.push(Line::from(vec![Span::styled(
            format!("{head}{title}{pad} {time}"),
            style,
        )]));
    }
    let scroll = 0u16;
    let block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {} ", tr!(lang, "tui-tab-checklist")))
        .border_style(if focused { look.title() } else { look.dim() });
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// The first row to show so the selected one is on screen with some rows
/// of context below it: group headings (`group_of` changes) take a line
/// each, so they are counted.
pub fn first_row(
    len: usize,
    selected: usize,
    height: usize,
    group_of: impl Fn(usize) -> Option<usize>,
) -> usize {
    if len == 0 || height == 0 {
        return 0;
    }
    let below = (height / 3).min(len - 1 - selected);
    // Lines for the rows below the selection, their headings counted.
    let mut below_lines = 0;
    for pos in selected + 1..=selected + below {
        below_lines += 1 + usize::from(group_of(pos) != group_of(pos - 1));
    }
    let budget = height.saturating_sub(below_lines.min(height / 3)).max(2);
    // The selected row and its heading.
    let mut used = 2;
    let mut first = selected;
    while first > 0 {
        let cost = 1 + usize::from(group_of(first - 1) != group_of(first));
        if used + cost > budget {
            break;
        }
        used += cost;
        first -= 1;
    }
    first
}

pub fn draw_details(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let lang = app.lang;
    let Some(item) = app.selected_item() else {
        return;
    };
    let step = app.engine.step_of(item);
    let values = app.engine.substitution_values();
    let subst = |s: &str| crate::run::substitute::substitute(s, &values);
    let mut lines: Vec<Line> = Vec::new();
    let undo = app.engine.undo_of(item);
    let est = app
        .engine
        .estimate_of(item)
        .map(|e| e.to_string())
        .unwrap_or_else(|| "?".into());
    lines.push(Line::styled(
        format!(
            "{} {} · {} · {}",
            crate::i18n::item_name(lang, &app.engine, &item.id),
            step.title,
            tr!(lang, "run-estimate", estimate = est),
            crate::i18n::step_status(lang, item.status)
        ),
        look.title(),
    ));
    if let Some(reason) = crate::history::words::step_why(lang, &item.why) {
        lines.push(Line::styled(
            format!("→ {reason}"),
            look.status(item.status),
        ));
    }
    if let (Some(w), None) = (&step.warning, undo) {
        lines.push(Line::raw(""));
        let label = tr!(lang, "procedure-warning-label");
        lines.extend(reflow(w).into_iter().enumerate().map(|(n, l)| {
            let text = match n {
                0 => format!("!! {label}: {l}"),
                _ => format!("!! {l}"),
            };
            Line::styled(text, look.alert())
        }));
    }
    lines.extend(super::branch::detail_lines(app, item, look));
    let instructions = match undo {
        Some(u) => u.instructions.as_ref(),
        None => step.instructions.as_ref(),
    };
    if let Some(text) = instructions {
        lines.push(Line::raw(""));
        lines.extend(reflow(text).into_iter().map(Line::raw));
    }
    let commands = app.engine.commands_of(item);
    if !commands.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(tr!(lang, "run-commands"), look.title()));
        for c in commands {
            for (n, l) in subst(&c.run).lines().enumerate() {
                lines.push(Line::raw(format!("{} {l}", if n == 0 { "$" } else { ">" })));
            }
        }
    }
    if undo.is_none() {
        if let Some(x) = &step.expected {
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", tr!(lang, "run-expected")), look.title()),
                Span::raw(x.clone()),
            ]));
        }
        if let Some(v) = &step.validation {
            let mut parts = Vec::new();
            if let Some(c) = &v.command {
                parts.push(format!("$ {}", subst(&c.run)));
            }
            if let Some(o) = &v.output {
                parts.push(format!("/{o}/"));
            }
            if let Some(code) = v.exit_code.filter(|c| *c != 0) {
                parts.push(tr!(lang, "run-validation-exit", code = code));
            }
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", tr!(lang, "run-validation")), look.title()),
                Span::raw(parts.join("  ")),
            ]));
        }
        if !step.on_failure.is_empty() {
            lines.push(Line::styled(
                format!("{}:", tr!(lang, "run-on-failure")),
                look.title(),
            ));
            lines.extend(step.on_failure.iter().map(|h| Line::raw(format!(" - {h}"))));
        }
        match &step.rollback {
            StepRollback::None => lines.push(Line::raw(format!(
                "{}: {}",
                tr!(lang, "run-own-rollback"),
                tr!(lang, "run-no-rollback")
            ))),
            StepRollback::Some(u) => {
                let mut what: Vec<String> = u
                    .commands
                    .iter()
                    .map(|c| format!("$ {}", subst(&c.run)))
                    .collect();
                if !u.steps.is_empty() {
                    what.push(tr!(lang, "run-plan-covered", steps = u.steps.join(", ")));
                }
                lines.push(Line::raw(format!(
                    "{}: {}",
                    tr!(lang, "run-own-rollback"),
                    what.join("; ")
                )));
            }
            StepRollback::Missing => {}
        }
    }
    if !item.notes.is_empty() {
        lines.push(Line::styled(
            format!("{}:", tr!(lang, "run-notes")),
            look.title(),
        ));
        lines.extend(item.notes.iter().map(|n| Line::raw(format!(" - {n}"))));
    }
    // Cut text says so: a marker on the bottom border.
    let inner_w = area.width.saturating_sub(2);
    let inner_h = area.height.saturating_sub(2);
    let max = super::help::wrapped_height(&lines, inner_w).saturating_sub(inner_h);
    app.detail_max.set(max);
    let scroll = app.detail_scroll.min(max);
    let mut block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {} ", tr!(lang, "tui-details")))
        .border_style(look.dim());
    if scroll < max {
        block = block.title_bottom(
            Line::styled(format!(" {} ", tr!(lang, "nav-more")), look.title()).right_aligned(),
        );
    }
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

/// Paragraphs of text wrapped by hand in the source are joined, so the
/// pane can wrap them to its own width; blank lines and list items stay.
fn reflow(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joining = false;
    for line in text.lines() {
        let t = line.trim();
        let starts_item = t.starts_with(['-', '*', '$', '#'])
            || t.chars().next().is_some_and(|c| c.is_ascii_digit());
        if t.is_empty() {
            out.push(String::new());
            joining = false;
        } else if joining && !starts_item {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        } else {
            out.push(t.to_string());
            joining = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::first_row;

    /// Lines from `first` to `selected` inclusive, headings counted.
    fn lines_to(first: usize, selected: usize, group: &dyn Fn(usize) -> Option<usize>) -> usize {
        let mut n = 0;
        for pos in first..=selected {
            n += 1 + usize::from(pos == first || group(pos) != group(pos - 1));
        }
        n
    }

    #[test]
    fn the_selected_row_is_always_on_screen() {
        // 3 groups of 4, then 6 rollback rows: headings everywhere.
        let group = |pos: usize| if pos < 12 { Some(pos / 4) } else { None };
        for height in 2..20 {
            for selected in 0..18 {
                let first = first_row(18, selected, height, group);
                assert!(first <= selected);
                assert!(
                    lines_to(first, selected, &group) <= height.max(2),
                    "height {height}, selected {selected}, first {first}"
                );
            }
        }
        // The last row with a short list: everything above it shows.
        assert_eq!(first_row(5, 4, 20, |_| Some(0)), 0);
    }
}
