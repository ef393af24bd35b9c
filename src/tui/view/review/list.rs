//! The list of past runs, newest first, with the filter applied.

use super::window;
use crate::history::local_time::minute_no_offset;
use crate::procedure::estimate::format_ms;
use crate::tui::review::app::ReviewApp;
use crate::tui::view::style::{Look, cell};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

struct Columns {
    procedure: usize,
    operator: usize,
    env: usize,
    /// 0 when there is no room for the title.
    title: usize,
}

const DATE: usize = 16;
const DURATION: usize = 8;
/// The outcome column: wide enough for the longest outcome listed (a
/// rehearsal's says so, `interrumpida (ensayo)`), at least 12.
const OUTCOME_MIN: usize = 12;
const OUTCOME_MAX: usize = 22;
const DEVIATIONS: usize = 5;

fn columns(width: usize, outcome: usize) -> Columns {
    // Fixed columns, the one-character integrity mark, and the separators.
    let rest = width.saturating_sub(2 + DATE + DURATION + outcome + DEVIATIONS + 6);
    let procedure = (rest * 45 / 100).clamp(8, 24);
    let operator = (rest * 30 / 100).clamp(6, 18);
    let env = (rest.saturating_sub(procedure + operator)).clamp(4, 12);
    let title = rest.saturating_sub(procedure + operator + env + 1);
    Columns {
        procedure,
        operator,
        env,
        title: if title >= 10 { title } else { 0 },
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &ReviewApp, look: &Look) {
    let t = app.t();
    let width = area.width as usize;
    let mut lines = Vec::new();
    let mut head = vec![
        Span::styled(crate::tr!(t, "review-title"), look.title()),
        Span::raw(format!(
            "  ·  {}",
            crate::tr!(
                t,
                "review-count",
                shown = app.visible.len().to_string(),
                total = app.runs.len().to_string()
            )
        )),
    ];
    if !app.filter.is_empty() {
        head.push(Span::raw(format!(
            "  ·  {}: ",
            crate::tr!(t, "review-filter")
        )));
        head.push(Span::styled(app.filter.clone(), look.selected()));
    }
    lines.push(Line::from(head));
    if !app.unreadable.is_empty() {
        lines.push(Line::styled(
            crate::tui::view::style::fit(
                &crate::tr!(
                    t,
                    "review-unreadable",
                    count = app.unreadable.len(),
                    runs = app.unreadable.join(", ").to_string()
                ),
                width,
            ),
            look.alert(),
        ));
    }
    let outcome = app
        .visible
        .iter()
        .map(|i| app.runs[*i].record.outcome_word(t).chars().count())
        .max()
        .unwrap_or(0)
        .clamp(OUTCOME_MIN, OUTCOME_MAX);
    let c = columns(width, outcome);
    let mut header = format!(
        "  {} {} {} {} {} {} {}",
        cell(&crate::tr!(t, "review-col-date"), DATE),
        cell(&crate::tr!(t, "review-col-procedure"), c.procedure),
        cell(&crate::tr!(t, "review-col-operator"), c.operator),
        cell(&crate::tr!(t, "review-col-env"), c.env),
        cell(&crate::tr!(t, "review-col-duration"), DURATION),
        cell(&crate::tr!(t, "review-col-outcome"), outcome),
        cell(&crate::tr!(t, "review-col-deviations"), DEVIATIONS),
    );
    if c.title > 0 {
        header.push(' ');
        header.push_str(&cell("", c.title));
    }
    lines.push(Line::styled(header, look.title()));
    if app.runs.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(crate::tr!(
            t,
            "review-no-runs",
            dir = app.data_dir.display().to_string()
        )));
    } else if app.visible.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(crate::tr!(t, "review-no-match")));
    }
    let height = (area.height as usize).saturating_sub(lines.len());
    let first = window(app.selected, height);
    for (pos, i) in app.visible.iter().enumerate().skip(first).take(height) {
        let e = &app.runs[*i];
        let s = &e.record;
        let mark = if e.intact { ' ' } else { '!' };
        let mut text = format!(
            "{mark} {} {} {} {} {:>8} {} {:>5}",
            cell(&minute_no_offset(s.started(), &chrono::Local), DATE),
            cell(&s.procedure_id, c.procedure),
            cell(&s.operator, c.operator),
            cell(s.environment.as_deref().unwrap_or("-"), c.env),
            format_ms(s.working_ms()),
            cell(&s.outcome_word(t), outcome),
            s.deviations.len(),
        );
        if c.title > 0 {
            text.push(' ');
            text.push_str(&cell(&s.procedure_title, c.title));
        }
        let style = if pos == app.selected {
            look.selected()
        } else if !e.intact {
            look.alert()
        } else {
            match s.status.name() {
                "success" => look.fg(Color::Green),
                "failed" | "aborted" => look.fg(Color::Red),
                "rolled-back" | "interrupted" | "open" => look.fg(Color::Yellow),
                _ => look.fg(Color::Reset),
            }
        };
        lines.push(Line::styled(text, style));
    }
    f.render_widget(Paragraph::new(lines), area);
}
