//! The run screen's help overlay: every key of the effective keymap, the
//! legend of the checklist's marks, and a closing paragraph. It scrolls:
//! at 80x24 it is longer than the screen.

use super::style::{Look, OVERRIDDEN, mark};
use crate::i18n::Lang;
use crate::run::StepStatus;
use crate::tr;
use crate::tui::app::App;
use crate::tui::keymap::{Action, Keymap, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Every state a checklist row can show, in the order a run meets them.
/// `every_state_is_in_the_legend` fails to compile-check a new state
/// that is missing here.
pub const LEGEND: &[StepStatus] = &[
    StepStatus::Pending,
    StepStatus::Running,
    StepStatus::AwaitingValidation,
    StepStatus::AwaitingOperator,
    StepStatus::Done,
    StepStatus::Failed,
    StepStatus::Skipped,
    StepStatus::SkippedByCondition,
    StepStatus::NotChosen,
    StepStatus::RolledBack,
    StepStatus::Interrupted,
];

/// A new state must be added to [`LEGEND`]: this match stops compiling.
#[allow(dead_code)]
fn in_legend(s: StepStatus) -> bool {
    match s {
        StepStatus::Pending
        | StepStatus::Running
        | StepStatus::AwaitingValidation
        | StepStatus::AwaitingOperator
        | StepStatus::Done
        | StepStatus::Failed
        | StepStatus::Skipped
        | StepStatus::SkippedByCondition
        | StepStatus::NotChosen
        | StepStatus::RolledBack
        | StepStatus::Interrupted => LEGEND.contains(&s),
    }
}

/// The legend: one line per mark, states sharing a mark on one line.
pub fn legend(lang: Lang, look: &Look) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        format!("[{}]", tr!(lang, "nav-legend-title")),
        look.title(),
    )];
    let mut seen: Vec<&str> = Vec::new();
    for s in LEGEND {
        let m = mark(*s);
        if seen.contains(&m) {
            continue;
        }
        seen.push(m);
        let words: Vec<String> = LEGEND
            .iter()
            .filter(|o| mark(**o) == m)
            .map(|o| crate::i18n::step_status(lang, *o))
            .collect();
        out.push(Line::from(vec![
            Span::styled(format!("  {m:<18} "), look.status(*s)),
            Span::raw(words.join(" / ")),
        ]));
    }
    let undo = if look.ascii { "<3" } else { "↶3" };
    for (m, words) in [
        (OVERRIDDEN.to_string(), tr!(lang, "nav-legend-overridden")),
        (undo.to_string(), tr!(lang, "nav-legend-undo")),
        ("1:05/1:00!".to_string(), tr!(lang, "nav-legend-over")),
        (tr!(lang, "nav-more"), tr!(lang, "nav-legend-more")),
    ] {
        out.push(Line::raw(format!("  {m:<18} {words}")));
    }
    out
}

/// The key lines of `modes`, from the effective keymap.
pub fn key_lines(keymap: &Keymap, modes: &[Mode], lang: Lang, look: &Look) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for mode in modes {
        lines.push(Line::styled(
            format!("[{}]", super::mode_word(lang, *mode)),
            look.title(),
        ));
        let mut seen: Vec<Action> = Vec::new();
        for (_, a) in keymap.bindings(*mode) {
            if seen.contains(&a) {
                continue;
            }
            seen.push(a);
            let keys = keymap.label(*mode, a).unwrap_or_default();
            lines.push(Line::raw(format!("  {keys:<18} {}", a.describe(lang))));
        }
    }
    lines
}

/// Everything the run screen's help shows, before wrapping.
pub fn content(app: &App, look: &Look) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = key_lines(
        &app.keymap,
        &[Mode::Checklist, Mode::Shell, Mode::Dialog],
        lang,
        look,
    );
    lines.push(Line::raw(""));
    lines.extend(legend(lang, look));
    lines.push(Line::raw(""));
    lines.push(Line::raw(tr!(lang, "run-help")));
    lines
}

/// Where the overlay goes on a screen of `area`.
pub fn frame(area: Rect) -> Rect {
    let w = (area.width * 9 / 10)
        .max(40)
        .min(area.width.saturating_sub(2));
    let h = area.height.saturating_sub(2).max(3);
    Rect::new(
        area.x + area.width.saturating_sub(w) / 2,
        area.y + area.height.saturating_sub(h) / 2,
        w,
        h,
    )
}

/// Rows `lines` take once word-wrapped to `width` cells, exactly as a
/// wrapping paragraph draws them.
pub fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width.max(1))
        .min(usize::from(u16::MAX)) as u16
}

/// The furthest the help can scroll on a screen of `area`.
pub fn max_scroll(app: &App, area: Rect) -> u16 {
    let look = Look {
        color: false,
        ascii: app.ascii,
    };
    let r = frame(area);
    let inner_h = r.height.saturating_sub(2);
    wrapped_height(&content(app, &look), r.width.saturating_sub(2)).saturating_sub(inner_h)
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let lang = app.lang;
    let r = frame(area);
    let lines = content(app, look);
    let max = max_scroll(app, area);
    app.help_max.set(max);
    let scroll = app.help_scroll.min(max);
    let mut block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {} ", tr!(lang, "tui-help-title")))
        .border_style(look.title());
    let hint = if scroll < max {
        tr!(lang, "nav-help-more", now = scroll + 1, total = max + 1)
    } else {
        tr!(lang, "nav-help-end")
    };
    block = block.title_bottom(Line::styled(format!(" {hint} "), look.dim()).right_aligned());
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_in_the_legend() {
        for s in LEGEND {
            assert!(in_legend(*s));
        }
        for lang in [Lang::Es, Lang::En] {
            let look = Look {
                color: false,
                ascii: false,
            };
            let text: Vec<String> = legend(lang, &look).iter().map(|l| l.to_string()).collect();
            let text = text.join("\n");
            for s in LEGEND {
                assert!(
                    text.contains(mark(*s)),
                    "{lang:?}: no {} in\n{text}",
                    mark(*s)
                );
                assert!(text.contains(&crate::i18n::step_status(lang, *s)));
            }
        }
    }
}
