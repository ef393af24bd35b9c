//! The review browser's screens: the list of runs and one run opened.

mod kpi;
mod list;
mod run;

use super::overlay::keys_help;
use super::style::Look;
use crate::tui::keymap::{Action, Mode};
use crate::tui::review::app::{ReviewApp, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(f: &mut Frame, app: &ReviewApp) {
    let look = Look {
        color: app.color,
        ascii: app.ascii,
    };
    let area = f.area();
    if area.width < 60 || area.height < 16 {
        let msg = crate::tr!(
            app.t(),
            "review-too-small",
            size = format!("{}x{}", area.width, area.height).to_string()
        );
        f.render_widget(Paragraph::new(msg), area);
        return;
    }
    let [body, foot] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    match &app.screen {
        Screen::List => list::draw(f, body, app, &look),
        Screen::Run(d) => run::draw(f, body, app, d, &look),
        Screen::Kpi(k) => kpi::draw(f, body, app, k, &look),
    }
    footer(f, foot, app, &look);
    if app.help {
        keys_help(
            f,
            area,
            &look,
            &app.keymap,
            &[Mode::Log],
            app.lang,
            &crate::tr!(app.t(), "review-help-title"),
            &crate::tr!(app.t(), "review-help-footer"),
        );
    }
}

fn footer(f: &mut Frame, area: Rect, app: &ReviewApp, look: &Look) {
    let t = app.t();
    let first = if app.filtering {
        Line::from(vec![
            Span::styled(crate::tr!(t, "review-filter-prompt"), look.title()),
            Span::raw(app.filter.clone()),
            Span::styled("_", look.selected()),
        ])
    } else {
        match &app.status {
            Some((text, true)) => Line::styled(text.clone(), look.alert()),
            Some((text, false)) => Line::raw(text.clone()),
            None => Line::raw(""),
        }
    };
    let hints: &[Action] = match app.screen {
        Screen::List => &[
            Action::OpenRun,
            Action::FilterRuns,
            Action::ShowKpi,
            Action::Help,
            Action::Quit,
        ],
        Screen::Kpi(_) => &[Action::NextPane, Action::Back, Action::Help, Action::Quit],
        Screen::Run(_) => &[
            Action::NextPane,
            Action::OpenRun,
            Action::NextCommand,
            Action::PreviousCommand,
            Action::Back,
            Action::Help,
        ],
    };
    let mut spans = Vec::new();
    for a in hints {
        if let Some(key) = app.keymap.hint(Mode::Log, *a) {
            spans.push(Span::styled(key, look.title()));
            spans.push(Span::raw(format!(" {}  ", a.short(app.lang))));
        }
    }
    f.render_widget(Paragraph::new(vec![first, Line::from(spans)]), area);
}

/// The first row to draw so that `selected` is visible in `height` rows.
pub(super) fn window(selected: usize, height: usize) -> usize {
    if height == 0 {
        return 0;
    }
    selected.saturating_sub(height - 1)
}
