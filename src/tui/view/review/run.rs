//! One run opened: a header, then the timeline, the steps, deviations and
//! notes, and the transcript (beside the others from 160 columns).

use super::window;
use crate::history::review::{StepKind, StepState};
use crate::journal::StepOutcome;
use crate::procedure::estimate::format_ms;
use crate::tui::review::app::ReviewApp;
use crate::tui::review::detail::{RunDetail, Tab, Tone, over, step_symbol};
use crate::tui::view::style::{Look, cell, fit};
use crate::tui::view::terminal_pane::render_emulator;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look) {
    let [head, tabs, body] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    header(f, head, app, d, look);
    draw_tabs(f, tabs, app, d, look);
    if app.wide() {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        let tab = if d.tab == Tab::Transcript {
            Tab::Timeline
        } else {
            d.tab
        };
        pane(f, left, app, d, look, tab);
        let block = Block::bordered().border_set(look.border()).title(format!(
            " {} ",
            crate::tr!(app.t(), "review-tab-transcript")
        ));
        let inner = block.inner(right);
        f.render_widget(block, right);
        transcript(f, inner, app, d, look);
    } else {
        pane(f, body, app, d, look, d.tab);
    }
}

fn header(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look) {
    let t = app.t();
    let s = &d.entry.record;
    let w = area.width as usize;
    let mode = match s.mode {
        crate::journal::Mode::Live => crate::tr!(app.lang, "run-mode-live"),
        crate::journal::Mode::Rehearsal => crate::tr!(app.lang, "run-mode-rehearsal"),
        crate::journal::Mode::Test => crate::tr!(app.lang, "unattended-mode-test"),
    };
    let first = format!(
        "{} — {} (v{})",
        s.procedure_id, s.procedure_title, s.version
    );
    let second = format!(
        "{} · {} · {} · {} · {} · {} {}",
        s.status.word(t),
        format_ms(s.working_ms()),
        s.operator,
        s.environment.as_deref().unwrap_or("-"),
        mode,
        crate::tr!(t, "review-started"),
        d.date,
    );
    let third = format!(
        "{} {} · {} {} · {}",
        crate::tr!(t, "review-journal"),
        s.run_id,
        d.rows.len(),
        crate::tr!(t, "review-events"),
        if d.entry.intact {
            crate::tr!(t, "review-verified").to_string()
        } else {
            crate::tr!(t, "review-verify-hint", run = s.run_id.to_string())
        }
    );
    let third = match &d.signing {
        Some(r) => format!(
            "{third} · {}",
            crate::trust::render::status_word(r, app.lang)
        ),
        None => third,
    };
    let lines = vec![
        Line::styled(fit(&first, w), look.title()),
        Line::raw(fit(&second, w)),
        if d.entry.intact {
            Line::styled(fit(&third, w), look.dim())
        } else {
            Line::styled(
                fit(&third, w),
                look.alert()
                    .add_modifier(ratatui::style::Modifier::REVERSED),
            )
        },
    ];
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_tabs(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look) {
    let t = app.t();
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        if app.wide() && tab == Tab::Transcript {
            continue;
        }
        let name = match tab {
            Tab::Timeline => crate::tr!(t, "review-tab-timeline"),
            Tab::Steps => crate::tr!(t, "review-tab-steps"),
            Tab::Notes => crate::tr!(t, "review-tab-notes"),
            Tab::Transcript => crate::tr!(t, "review-tab-transcript"),
        };
        let text = format!(" {name} ");
        spans.push(if tab == d.tab {
            Span::styled(text, look.selected())
        } else {
            Span::raw(text)
        });
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn pane(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look, tab: Tab) {
    match tab {
        Tab::Timeline => timeline(f, area, d, look),
        Tab::Steps => steps(f, area, app, d, look),
        Tab::Notes => notes(f, area, app, d, look),
        Tab::Transcript => transcript(f, area, app, d, look),
    }
}

fn tone_style(look: &Look, tone: Tone) -> Style {
    match tone {
        Tone::Plain => Style::default(),
        Tone::Good => look.fg(Color::Green),
        Tone::Bad => look.alert(),
        Tone::Warn => look.fg(Color::Yellow),
    }
}

fn timeline(f: &mut Frame, area: Rect, d: &RunDetail, look: &Look) {
    let w = area.width as usize;
    let h = area.height as usize;
    let first = window(d.row, h);
    let lines: Vec<Line> = d
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(i, r)| {
            // `>` marks a line whose command output the transcript holds.
            let mark = if r.command.is_some() { '>' } else { ' ' };
            let text = format!("{} {:>7} {mark} {}", r.time, r.offset, r.text);
            let style = if i == d.row {
                look.selected()
            } else {
                tone_style(look, r.tone)
            };
            Line::styled(fit(&text, w), style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

fn steps(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look) {
    let t = app.t();
    let w = area.width as usize;
    let steps = &d.review.steps;
    let id_w = steps
        .iter()
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 10);
    // box(3) id title actual(8) estimate(9) attempts(3)
    let title_w = w.saturating_sub(3 + 1 + id_w + 1 + 1 + 8 + 1 + 9 + 1 + 3);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "    {} {} {:>8} {:>9} {:>3}",
                cell(&crate::tr!(t, "review-step"), id_w),
                cell("", title_w),
                crate::tr!(t, "review-actual"),
                crate::tr!(t, "review-estimate"),
                "#",
            ),
            w,
        ),
        look.title(),
    )];
    let h = (area.height as usize).saturating_sub(1);
    let first = window(d.step_row, h);
    for (i, s) in steps.iter().enumerate().skip(first).take(h) {
        let actual = if s.attempts.is_empty() {
            "-".to_string()
        } else {
            format_ms(s.actual_ms())
        };
        let over = over(s);
        let estimate = s.estimate_text.as_deref().unwrap_or("-");
        let title = match &s.kind {
            StepKind::Undo { of } => format!(
                "↩ {}",
                d.review
                    .step(of)
                    .and_then(|s| s.title.clone())
                    .unwrap_or_else(|| of.clone())
            ),
            _ => s.title.clone().unwrap_or_default(),
        };
        let text = format!(
            "{} {} {} {:>7}{} {:>9} {:>3}",
            step_symbol(s),
            cell(&s.id, id_w),
            cell(&title, title_w),
            actual,
            if over { '!' } else { ' ' },
            estimate,
            if s.attempts.is_empty() {
                String::new()
            } else {
                s.attempts.len().to_string()
            },
        );
        let style = if i == d.step_row {
            look.selected()
        } else if over {
            look.fg(Color::Yellow)
        } else {
            match s.state {
                StepState::Ended(StepOutcome::Failed) => look.alert(),
                StepState::NotReached => look.dim(),
                _ => Style::default(),
            }
        };
        lines.push(Line::styled(fit(&text, w), style));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn notes(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look) {
    let t = app.t();
    let mut lines: Vec<Line> = Vec::new();
    let sections: [(String, &[&str], String); 5] = [
        (
            crate::tr!(t, "review-deviations"),
            &["deviation"],
            crate::tr!(t, "review-no-deviations"),
        ),
        (
            crate::tr!(t, "review-notes"),
            &["note"],
            crate::tr!(t, "review-no-notes"),
        ),
        (
            crate::tr!(t, "review-rollback"),
            &["rollback-started"],
            crate::tr!(t, "review-no-rollback"),
        ),
        (
            crate::tr!(t, "review-decisions"),
            &["decision-answered", "confirmation"],
            "-".into(),
        ),
        (
            crate::tr!(t, "review-interruptions"),
            &["run-interrupted", "run-resumed"],
            "-".into(),
        ),
    ];
    for (title, kinds, none) in sections {
        lines.push(Line::styled(title.to_string(), look.title()));
        let mut any = false;
        for r in d.rows_of(kinds) {
            any = true;
            lines.push(Line::styled(
                format!("  {} {:>7}  {}", r.time, r.offset, r.text),
                tone_style(look, r.tone),
            ));
        }
        if let (true, Some(rb)) = (kinds.contains(&"rollback-started"), &d.review.rollback) {
            for id in &rb.plan {
                let text = match d.review.step(id) {
                    Some(s) if !s.attempts.is_empty() => {
                        format!("    {} {id} {}", step_symbol(s), format_ms(s.actual_ms()))
                    }
                    _ => format!("    [ ] {id}"),
                };
                lines.push(Line::raw(text));
            }
            if let Some(ms) = rb.duration_ms() {
                lines.push(Line::raw(format!("    = {}", format_ms(ms))));
            }
        }
        if !any {
            lines.push(Line::styled(format!("  {none}"), look.dim()));
        }
        lines.push(Line::raw(""));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .scroll((d.notes_scroll, 0)),
        area,
    );
}

fn transcript(f: &mut Frame, area: Rect, app: &ReviewApp, d: &RunDetail, look: &Look) {
    let t = app.t();
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let Some(emu) = &d.replay else {
        f.render_widget(
            Paragraph::new(crate::tr!(t, "review-no-transcript"))
                .wrap(ratatui::widgets::Wrap { trim: false }),
            area,
        );
        return;
    };
    let where_ = match d.commands.get(d.at_command) {
        Some(c) => crate::tr!(
            t,
            "review-transcript-at",
            command = (d.at_command + 1).to_string(),
            total = d.commands.len().to_string(),
            step = c.step.to_string()
        ),
        None if d.commands.is_empty() => crate::tr!(t, "review-no-commands").to_string(),
        None => crate::tr!(t, "review-transcript-end").to_string(),
    };
    f.render_widget(
        Paragraph::new(Line::styled(
            fit(&where_, area.width as usize),
            look.title(),
        )),
        top,
    );
    render_emulator(emu, body, f.buffer_mut(), look.color);
}
