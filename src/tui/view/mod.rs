//! Drawing the whole screen from the app state. Responsive: at 160+
//! columns the four regions sit side by side; at 100-159 two columns; below
//! that one region at a time, with tabs and a zoom key.

mod checklist;
mod footer;
mod header;
mod overlay;
mod rollback;
mod shell;
pub mod style;
mod timers;

use crate::i18n::fill;
use crate::tui::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use style::Look;

pub fn draw(f: &mut Frame, app: &App) {
    let look = Look {
        color: app.color,
        ascii: app.ascii,
    };
    let area = f.area();
    if area.width < 60 || area.height < 16 {
        let msg = fill(
            app.t().too_small,
            &[&format!("{}x{}", area.width, area.height)],
        );
        f.render_widget(Paragraph::new(msg), area);
        return;
    }
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(5),
        Constraint::Length(2),
    ])
    .areas(area);
    header::draw(f, head, app, &look);
    footer::draw(f, foot, app, &look);
    if app.zoom {
        draw_pane(f, body, app, &look, app.tab);
    } else if area.width >= 160 {
        let [a, b, c, d] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(20),
            Constraint::Percentage(22),
            Constraint::Percentage(28),
        ])
        .areas(body);
        draw_pane(f, a, app, &look, Pane::Checklist);
        draw_pane(f, b, app, &look, Pane::Timers);
        draw_pane(f, c, app, &look, Pane::Rollback);
        draw_pane(f, d, app, &look, Pane::Shell);
    } else if area.width >= 100 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        draw_pane(f, left, app, &look, Pane::Checklist);
        let other = if app.tab == Pane::Checklist {
            Pane::Shell
        } else {
            app.tab
        };
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(right);
        draw_pane(
            f,
            top,
            app,
            &look,
            if other == Pane::Rollback {
                Pane::Timers
            } else {
                Pane::Rollback
            },
        );
        draw_pane(
            f,
            bottom,
            app,
            &look,
            if other == Pane::Rollback {
                Pane::Shell
            } else {
                other
            },
        );
    } else {
        let [tabs, main] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(body);
        draw_tabs(f, tabs, app, &look);
        draw_pane(f, main, app, &look, app.tab);
    }
    if app.help {
        overlay::help(f, area, app, &look);
    } else if let Some(d) = app.dialogs.front() {
        overlay::dialog(f, area, app, &look, d);
    }
}

fn draw_pane(f: &mut Frame, area: Rect, app: &App, look: &Look, pane: Pane) {
    match pane {
        Pane::Checklist => {
            let list_h = (app.rows().len() as u16 + 8)
                .min(area.height / 2)
                .max(area.height.min(6));
            let [list, details] =
                Layout::vertical([Constraint::Length(list_h), Constraint::Min(3)]).areas(area);
            checklist::draw_list(f, list, app, look, app.focus == Pane::Checklist);
            checklist::draw_details(f, details, app, look);
        }
        Pane::Timers => timers::draw(f, area, app, look),
        Pane::Rollback => rollback::draw(f, area, app, look),
        Pane::Shell => shell::draw(f, area, app, look),
    }
}

fn draw_tabs(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = app.t();
    let mut spans = Vec::new();
    for (n, (pane, name)) in [
        (Pane::Checklist, t.tab_checklist),
        (Pane::Timers, t.tab_timers),
        (Pane::Rollback, t.tab_rollback),
        (Pane::Shell, t.tab_shell),
    ]
    .into_iter()
    .enumerate()
    {
        let text = format!(" {} {name} ", n + 1);
        spans.push(if pane == app.tab {
            Span::styled(text, look.selected())
        } else {
            Span::raw(text)
        });
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
