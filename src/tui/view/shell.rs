//! The shell pane: what the step's commands printed, newest at the bottom.

use super::style::Look;
use crate::tr;
use crate::tui::app::{App, Pane};
use crate::tui::keymap::{Action, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn draw(
    f: &mut Frame,
    area: Rect,
    app: &App,
    look: &Look,
    shell: Option<&crate::shell::Shell>,
) {
    let lang = app.lang;
    let h = area.height.saturating_sub(2) as usize;
    let total = app.shell_lines.len() + usize::from(!app.shell_partial.is_empty());
    let end = total.saturating_sub(app.shell_scroll.min(total));
    let start = end.saturating_sub(h);
    let mut lines: Vec<Line> = app
        .shell_lines
        .iter()
        .chain(std::iter::once(&app.shell_partial).filter(|p| !p.is_empty()))
        .skip(start)
        .take(end - start)
        .map(|l| Line::raw(l.clone()))
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(tr!(lang, "tui-shell-idle"), look.dim()));
    }
    let focused = app.focus == Pane::Shell;
    let mut title = match &app.busy {
        Some(cmd) => format!(
            " {} · {} ",
            tr!(lang, "tui-tab-shell"),
            tr!(
                lang,
                "tui-shell-running",
                command = cmd.chars().take(40).collect::<String>()
            )
        ),
        None => format!(" {} ", tr!(lang, "tui-tab-shell")),
    };
    if focused {
        let chord = app
            .keymap
            .label(Mode::Shell, Action::LeaveShell)
            .unwrap_or_default();
        title.push_str(&format!("· {} ", tr!(lang, "tui-shell-focus", key = chord)));
    }
    let block = Block::bordered()
        .border_set(look.border())
        .title(title)
        .border_style(if focused { look.title() } else { look.dim() });
    match shell {
        Some(sh) => {
            let inner = block.inner(area);
            f.render_widget(block, area);
            let cursor = super::terminal_pane::render(sh, inner, f.buffer_mut(), look.color);
            if let (true, Some(pos)) = (focused, cursor) {
                f.set_cursor_position(pos);
            }
        }
        None => f.render_widget(Paragraph::new(lines).block(block), area),
    }
}
