//! The catalog screen: the procedures grouped by criticality and category,
//! one row each, the selected one's details below, the keys in the footer;
//! the Enter dialog (rehearse or run) and the help over it.

use super::catalog_row::{Columns, age, due};
use super::overlay::keys_help;
use super::review::window;
use super::style::{Look, fit};
use crate::catalog::index::{category_word, criticality_word, date_of, percent};
use crate::tr;
use crate::tui::catalog::app::CatalogApp;
use crate::tui::keymap::{Action, Mode};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Lines of the selected procedure's details (a rule, then four lines
/// that wrap on a narrow terminal).
const DETAIL: u16 = 5;
const DETAIL_NARROW: u16 = 7;

pub fn draw(f: &mut Frame, app: &CatalogApp) {
    if let Some(n) = &app.nested {
        super::draw_review(f, &n.review);
        return;
    }
    let look = Look {
        color: app.color,
        ascii: app.ascii,
    };
    let area = f.area();
    if area.width < 60 || area.height < 16 {
        let size = format!("{}x{}", area.width, area.height);
        f.render_widget(
            Paragraph::new(tr!(app.lang, "catalog-too-small", size = size)),
            area,
        );
        return;
    }
    let [body, detail, foot] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(if area.width < 120 {
            DETAIL_NARROW
        } else {
            DETAIL
        }),
        Constraint::Length(2),
    ])
    .areas(area);
    list(f, body, app, &look);
    details(f, detail, app, &look);
    footer(f, foot, app, &look);
    if app.help {
        keys_help(
            f,
            area,
            &look,
            &app.keymap,
            &[Mode::Catalog],
            app.lang,
            &tr!(app.lang, "catalog-help-title"),
            &tr!(app.lang, "catalog-help-footer"),
        );
    } else if let Some(c) = app.choice {
        choice(f, area, app, &look, c);
    }
}

fn list(f: &mut Frame, area: Rect, app: &CatalogApp, look: &Look) {
    let t = app.lang;
    let c = &app.catalog;
    let width = area.width as usize;
    let mut lines = Vec::new();
    let mut head = vec![
        Span::styled(tr!(t, "catalog-title"), look.title()),
        Span::raw(format!(
            "  ·  {}",
            tr!(
                t,
                "catalog-count",
                shown = app.visible.len().to_string(),
                total = c.entries.len().to_string()
            )
        )),
    ];
    if !app.filter.is_empty() {
        head.push(Span::raw(format!("  ·  {}: ", tr!(t, "catalog-filter"))));
        head.push(Span::styled(app.filter.clone(), look.selected()));
    }
    lines.push(Line::from(head));
    for d in &c.missing_dirs {
        let text = tr!(
            t,
            "catalog-missing-dir",
            dir = d.display().to_string(),
            config = app.config_file.display().to_string()
        );
        lines.push(Line::styled(fit(&text, width), look.alert()));
    }
    if !c.broken.is_empty() {
        let files: Vec<String> = c
            .broken
            .iter()
            .map(|b| b.path.display().to_string())
            .collect();
        let text = tr!(
            t,
            "catalog-broken-short",
            count = c.broken.len(),
            files = files.join(", ")
        );
        lines.push(Line::styled(fit(&text, width), look.alert()));
    }
    let longest = c
        .entries
        .iter()
        .map(|e| e.id.chars().count())
        .max()
        .unwrap_or(8);
    let cols = Columns::at(width, longest);
    lines.push(Line::styled(fit(&cols.header(t), width), look.title()));
    if c.entries.is_empty() {
        let dirs: Vec<String> = c.dirs.iter().map(|d| d.display().to_string()).collect();
        lines.push(Line::raw(""));
        lines.push(Line::raw(tr!(t, "catalog-empty", dirs = dirs.join(", "))));
        lines.push(Line::raw(tr!(
            t,
            "catalog-empty-hint",
            config = app.config_file.display().to_string()
        )));
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
    if app.visible.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(tr!(t, "catalog-no-match")));
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
    // The rows with a heading wherever the group changes; the window keeps
    // the selected row (and its heading when there is room) in view.
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut group = None;
    for (pos, i) in app.visible.iter().enumerate() {
        let e = &c.entries[*i];
        let key = (e.criticality, e.category);
        if group != Some(key) {
            group = Some(key);
            let count = app
                .visible
                .iter()
                .filter(|j| {
                    let o = &c.entries[**j];
                    (o.criticality, o.category) == key
                })
                .count();
            rows.push(Line::styled(
                fit(
                    &format!(
                        "{} · {} ({count})",
                        criticality_word(t, e.criticality),
                        category_word(t, e.category)
                    ),
                    width,
                ),
                look.title().fg(criticality_color(e.criticality, look)),
            ));
        }
        if pos == app.selected {
            selected_row = rows.len();
        }
        let text = fit(&cols.row(e, c.today, t), width);
        let style = if pos == app.selected {
            look.selected()
        } else if e.review_overdue {
            look.fg(Color::Yellow)
        } else {
            look.fg(Color::Reset)
        };
        rows.push(Line::styled(text, style));
    }
    let height = (area.height as usize).saturating_sub(lines.len());
    let first = window(selected_row, height);
    lines.extend(rows.into_iter().skip(first).take(height));
    f.render_widget(Paragraph::new(lines), area);
}

fn criticality_color(c: Option<crate::procedure::Criticality>, look: &Look) -> Color {
    use crate::procedure::Criticality::*;
    if !look.color {
        return Color::Reset;
    }
    match c {
        Some(Critical) => Color::Red,
        Some(High) => Color::Yellow,
        Some(Medium) => Color::Cyan,
        _ => Color::Reset,
    }
}

fn details(f: &mut Frame, area: Rect, app: &CatalogApp, look: &Look) {
    let t = app.lang;
    let width = area.width as usize;
    let rule = if look.ascii { "-" } else { "─" };
    let [rule_area, area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(Line::styled(rule.repeat(width), look.dim())),
        rule_area,
    );
    let mut lines = Vec::new();
    if let Some(e) = app.selected_entry() {
        let h = &e.history;
        let today = app.catalog.today;
        lines.push(Line::styled(
            format!("{} — {}", e.id, e.title),
            look.title(),
        ));
        lines.push(Line::raw(tr!(
            t,
            "catalog-detail-file",
            path = e.path.display().to_string(),
            version = e.version.as_str(),
            steps = e.steps,
            updated = e.updated.map_or("-".into(), |d| d.to_string())
        )));
        let last = match h.last_execution {
            Some(_) => format!(
                "{} ({})",
                date_of(h.last_execution),
                age(h.last_execution, today, t)
            ),
            None => "-".into(),
        };
        lines.push(Line::raw(tr!(
            t,
            "catalog-detail-history",
            count = h.executions,
            rate = h.success_rate.map_or("-".into(), percent),
            last = last,
            tests = h.tests,
            test = date_of(h.last_test),
            rehearsals = h.rehearsals
        )));
        let due_text = match e.review.due {
            Some(d) => format!("{d} ({})", due(e, today, t)),
            None => due(e, today, t),
        };
        let style = if e.review_overdue {
            look.alert()
        } else {
            look.fg(Color::Reset)
        };
        lines.push(Line::styled(
            tr!(
                t,
                "catalog-detail-review",
                months = e.review.months,
                due = due_text
            ),
            style,
        ));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

fn footer(f: &mut Frame, area: Rect, app: &CatalogApp, look: &Look) {
    let t = app.lang;
    let first = if app.filtering {
        Line::from(vec![
            Span::styled(tr!(t, "catalog-filter-prompt"), look.title()),
            Span::raw(app.filter.clone()),
            Span::styled("_", look.selected()),
        ])
    } else {
        match &app.status {
            Some((text, true)) => Line::styled(text.clone(), look.alert()),
            Some((text, false)) => Line::raw(text.clone()),
            None if app.pending.is_some() => {
                Line::styled(tr!(t, "catalog-checking-history"), look.dim())
            }
            None => Line::raw(""),
        }
    };
    let mut spans = Vec::new();
    for a in [
        Action::OpenProcedure,
        Action::FilterProcedures,
        Action::ShowKpi,
        Action::ShowRuns,
        Action::Help,
        Action::Quit,
    ] {
        if let Some(key) = app.keymap.hint(Mode::Catalog, a) {
            spans.push(Span::styled(key, look.title()));
            spans.push(Span::raw(format!(" {}  ", a.short(t))));
        }
    }
    f.render_widget(Paragraph::new(vec![first, Line::from(spans)]), area);
}

fn choice(
    f: &mut Frame,
    area: Rect,
    app: &CatalogApp,
    look: &Look,
    c: crate::tui::catalog::app::Choice,
) {
    let t = app.lang;
    let e = &app.catalog.entries[c.entry];
    let options = [
        (tr!(t, "catalog-choose-rehearse"), !c.live),
        (tr!(t, "catalog-choose-live"), c.live),
    ];
    let mut lines = vec![Line::raw("")];
    for (text, on) in options {
        let marker = if on { "> " } else { "  " };
        let style = if on {
            look.selected()
        } else {
            look.fg(Color::Reset)
        };
        lines.push(Line::styled(format!("{marker}{text}"), style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr!(t, "catalog-choose-hint"), look.dim()));
    let width = (area.width.saturating_sub(4)).min(70);
    let height = lines.len() as u16 + 2;
    let r = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_set(look.border())
        .title(format!(
            " {} ",
            tr!(t, "catalog-choose-title", id = e.id.as_str())
        ))
        .border_style(look.title());
    f.render_widget(Paragraph::new(lines).block(block), r);
}
