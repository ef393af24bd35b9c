//! The footer: the keys of the current context, from the active keymap,
//! and the last status message.

use super::style::Look;
use crate::tui::app::App;
use crate::tui::keymap::{Action, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The checklist's hints, most needed first; help and quit always show.
const CHECKLIST_HINTS: &[Action] = &[
    Action::RunStep,
    Action::Prerequisites,
    Action::SkipStep,
    Action::OverrideStep,
    Action::AddNote,
    Action::StartRollback,
    Action::AnswerDecision,
    Action::Search,
    Action::JumpToStep,
    Action::CopyCommand,
    Action::NextPane,
    Action::ShowShell,
];

pub fn draw(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let mode = app.mode();
    let (actions, always): (&[Action], &[Action]) = match mode {
        Mode::Checklist => (CHECKLIST_HINTS, &[Action::Help, Action::Quit]),
        Mode::Shell => (
            &[Action::LeaveShell, Action::ScrollUp, Action::ScrollDown],
            &[],
        ),
        Mode::Dialog => (&[Action::DialogAccept, Action::DialogCancel], &[]),
        Mode::Log => (&[Action::OpenRun, Action::Back, Action::Quit], &[]),
        Mode::Catalog => (&[Action::OpenProcedure, Action::Quit], &[]),
    };
    let hint = |a: Action| -> Option<(String, String)> {
        if a == Action::Prerequisites && !app.prerequisites_block() {
            return None;
        }
        if a == Action::AnswerDecision && app.engine.pending_question().is_none() {
            return None;
        }
        let key = app.keymap.hint(mode, a)?;
        Some((key, format!(" {}  ", a.short(app.lang))))
    };
    let width = |h: &(String, String)| h.0.chars().count() + h.1.chars().count();
    let tail: Vec<(String, String)> = always.iter().filter_map(|a| hint(*a)).collect();
    let mut room = (area.width as usize).saturating_sub(tail.iter().map(width).sum());
    let mut shown = Vec::new();
    for a in actions {
        if let Some(h) = hint(*a) {
            if width(&h) > room {
                continue;
            }
            room -= width(&h);
            shown.push(h);
        }
    }
    shown.extend(tail);
    let mut spans = Vec::new();
    for (key, words) in shown {
        spans.push(Span::styled(key, look.title()));
        spans.push(Span::raw(words));
    }
    let mut lines = vec![Line::from(spans)];
    // "step 3 started" is not shown once step 3 is no longer active,
    // whoever forgot to clear it.
    let stale = app
        .status_step
        .as_ref()
        .is_some_and(|id| app.engine.item(id).is_none_or(|i| !i.status.is_active()));
    if area.height > 1 {
        lines.insert(
            0,
            match &app.status {
                _ if stale => Line::raw(""),
                Some((text, true)) => Line::styled(text.clone(), look.alert()),
                Some((text, false)) => Line::raw(text.clone()),
                None => Line::raw(""),
            },
        );
    }
    f.render_widget(Paragraph::new(lines), area);
}
