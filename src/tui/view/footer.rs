//! The footer: the keys of the current context, from the active keymap,
//! and the last status message.

use super::style::Look;
use crate::tui::app::App;
use crate::tui::keymap::{Action, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const CHECKLIST_HINTS: &[Action] = &[
    Action::RunStep,
    Action::SkipStep,
    Action::OverrideStep,
    Action::AddNote,
    Action::StartRollback,
    Action::AnswerDecision,
    Action::NextPane,
    Action::ShowShell,
    Action::Help,
    Action::Quit,
];

pub fn draw(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let mode = app.mode();
    let actions: &[Action] = match mode {
        Mode::Checklist => CHECKLIST_HINTS,
        Mode::Shell => &[Action::LeaveShell, Action::ScrollUp, Action::ScrollDown],
        Mode::Dialog => &[Action::DialogAccept, Action::DialogCancel],
        Mode::Log => &[Action::OpenRun, Action::Back, Action::Quit],
        Mode::Catalog => &[Action::OpenProcedure, Action::Quit],
    };
    let mut spans = Vec::new();
    for a in actions {
        if let Some(first) = app.keymap.hint(mode, *a) {
            spans.push(Span::styled(first, look.title()));
            spans.push(Span::raw(format!(" {}  ", a.short(app.lang))));
        }
    }
    let mut lines = vec![Line::from(spans)];
    if area.height > 1 {
        lines.insert(
            0,
            match &app.status {
                Some((text, true)) => Line::styled(text.clone(), look.alert()),
                Some((text, false)) => Line::raw(text.clone()),
                None => Line::raw(""),
            },
        );
    }
    f.render_widget(Paragraph::new(lines), area);
}
