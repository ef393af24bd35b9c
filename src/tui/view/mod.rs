//! Drawing the whole screen from the app state. Responsive: at 160+
//! columns the four regions sit side by side; at 100-159 two columns; below
//! that one region at a time, with tabs and a zoom key.

mod branch;
mod catalog;
mod catalog_row;
mod checklist;
pub mod degrade;
mod footer;
mod header;
pub mod help;
mod overlay;
mod review;
mod rollback;
mod shell;
pub mod style;
mod terminal_pane;
mod timers;

pub use catalog::draw as draw_catalog;
pub use review::draw as draw_review;

use crate::tr;
use crate::tui::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use style::Look;

/// Where each region goes at this size.
pub struct Regions {
    pub head: Rect,
    pub foot: Rect,
    pub tabs: Option<Rect>,
    pub panes: Vec<(Pane, Rect)>,
}

pub fn regions(area: Rect, app: &App) -> Option<Regions> {
    if area.width < 60 || area.height < 16 {
        return None;
    }
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(5),
        Constraint::Length(2),
    ])
    .areas(area);
    let mut r = Regions {
        head,
        foot,
        tabs: None,
        panes: Vec::new(),
    };
    if app.zoom {
        r.panes.push((app.tab, body));
    } else if area.width >= 160 {
        // The shell gets half the width: commands do not wrap.
        let [a, middle, d] = Layout::horizontal([
            Constraint::Percentage(32),
            Constraint::Percentage(18),
            Constraint::Percentage(50),
        ])
        .areas(body);
        let [b, c] = Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(middle);
        r.panes.extend([
            (Pane::Checklist, a),
            (Pane::Timers, b),
            (Pane::Rollback, c),
            (Pane::Shell, d),
        ]);
    } else if area.width >= 100 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        let other = if app.tab == Pane::Checklist {
            Pane::Shell
        } else {
            app.tab
        };
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(right);
        r.panes.push((Pane::Checklist, left));
        r.panes.push((
            if other == Pane::Rollback {
                Pane::Timers
            } else {
                Pane::Rollback
            },
            top,
        ));
        r.panes.push((
            if other == Pane::Rollback {
                Pane::Shell
            } else {
                other
            },
            bottom,
        ));
    } else {
        let [tabs, main] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(body);
        r.tabs = Some(tabs);
        r.panes.push((app.tab, main));
    }
    Some(r)
}

/// The inside of the shell pane at this size, if it is shown: the loop
/// resizes the shell's PTY and screen to it.
pub fn shell_area(area: Rect, app: &App) -> Option<Rect> {
    let r = regions(area, app)?;
    r.panes
        .iter()
        .find(|(p, _)| *p == Pane::Shell)
        .map(|(_, a)| {
            Rect::new(
                a.x + 1,
                a.y + 1,
                a.width.saturating_sub(2),
                a.height.saturating_sub(2),
            )
        })
}

/// Draws everything; `shell` is the embedded shell, when there is one
/// (tests draw without).
pub fn draw(f: &mut Frame, app: &App, shell: Option<&crate::shell::Shell>) {
    let look = Look {
        color: app.color,
        ascii: app.ascii,
    };
    let area = f.area();
    let Some(r) = regions(area, app) else {
        let msg = tr!(
            app.lang,
            "tui-too-small",
            size = format!("{}x{}", area.width, area.height)
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    };
    header::draw(f, r.head, app, &look);
    footer::draw(f, r.foot, app, &look);
    if let Some(tabs) = r.tabs {
        draw_tabs(f, tabs, app, &look);
    }
    for (pane, rect) in &r.panes {
        draw_pane(f, *rect, app, &look, *pane, shell);
    }
    if app.help {
        help::draw(f, area, app, &look);
    } else if let Some(d) = app.dialogs.front() {
        overlay::dialog(f, area, app, &look, d);
    }
}

fn draw_pane(
    f: &mut Frame,
    area: Rect,
    app: &App,
    look: &Look,
    pane: Pane,
    sh: Option<&crate::shell::Shell>,
) {
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
        Pane::Shell => shell::draw(f, area, app, look, sh),
    }
}

fn draw_tabs(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let lang = app.lang;
    let mut spans = Vec::new();
    for (n, (pane, name)) in [
        (Pane::Checklist, tr!(lang, "tui-tab-checklist")),
        (Pane::Timers, tr!(lang, "tui-tab-timers")),
        (Pane::Rollback, tr!(lang, "tui-tab-rollback")),
        (Pane::Shell, tr!(lang, "tui-tab-shell")),
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

/// A keymap mode's name, as the help overlay shows it.
pub fn mode_word(lang: crate::i18n::Lang, mode: crate::tui::keymap::Mode) -> String {
    use crate::tui::keymap::Mode;
    match mode {
        Mode::Checklist => tr!(lang, "tui-mode-checklist"),
        Mode::Shell => tr!(lang, "tui-mode-shell"),
        Mode::Dialog => tr!(lang, "tui-mode-dialog"),
        Mode::Log => tr!(lang, "tui-mode-log"),
        Mode::Catalog => tr!(lang, "catalog-mode"),
    }
}
