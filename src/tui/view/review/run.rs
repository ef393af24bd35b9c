//! One run opened: a header, then the timeline, the steps, deviations and
//! notes, and the transcript (beside the others from 160 columns).

use super::window;
use crate::history::review::{StepKind, StepState};
use crate::i18n::fill;
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
        let block = Block::bordered()
            .border_set(look.border())
            .title(format!(" {} ", app.t().tab_transcript));
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
    let words = app.lang.texts();
    let mode = match s.mode {
        crate::journal::Mode::Live => words.live,
        crate::journal::Mode::Rehearsal => words.rehearsal,
    };
    let first = format!(
        "{} — {} (v{})",
        s.procedure_id, s.procedure_title, s.version
    );
    let second = format!(
        "{} · {} · {} · {} · {} · {} {}",
        t.outcome(&s.status),
        format_ms(s.working_ms()),
        s.operator,
        s.environment.as_deref().unwrap_or("-"),
        mode,
        t.started,
        d.date,
    );
    let third = format!(
        "{} {} · {} {} · {}",
        t.journal,
        s.run_id,
        d.rows.len(),
        t.events,
        if d.entry.intact {
            t.verified.to_string()
        } else {
            fill(t.verify_hint, &[&s.run_id])
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
            Tab::Timeline => t.tab_timeline,
            Tab::Steps => t.tab_steps,
            Tab::Notes => t.tab_notes,
            Tab::Transcript => t.tab_transcript,
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
                cell(t.step, id_w),
                cell("", title_w),
                t.actual,
                t.estimate,
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
    let sections: [(&str, &[&str], &str); 5] = [
        (t.deviations, &["deviation"], t.no_deviations),
        (t.notes, &["note"], t.no_notes),
        (t.rollback, &["rollback-started"], t.no_rollback),
        (t.decisions, &["decision-answered", "confirmation"], "-"),
        (t.interruptions, &["run-interrupted", "run-resumed"], "-"),
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
            Paragraph::new(t.no_transcript).wrap(ratatui::widgets::Wrap { trim: false }),
            area,
        );
        return;
    };
    let where_ = match d.commands.get(d.at_command) {
        Some(c) => fill(
            t.transcript_at,
            &[
                &(d.at_command + 1).to_string(),
                &d.commands.len().to_string(),
                &c.step,
            ],
        ),
        None if d.commands.is_empty() => t.no_commands.to_string(),
        None => t.transcript_end.to_string(),
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
