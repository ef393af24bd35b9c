//! The words of the choice, condition, warning and snippet dialogs, and
//! the lines the details pane adds for a choice or a condition.

use super::style::Look;
use crate::i18n::Lang;
use crate::run::{Engine, Item};
use crate::tr;
use crate::tui::app::{App, Dialog};
use crate::tui::keymap::{Action, Mode};
use ratatui::text::Line;

/// Title and body of a dialog of this area; `None` for the others.
pub fn dialog_text(app: &App, d: &Dialog) -> Option<(String, Vec<String>)> {
    let lang = app.lang;
    let e = &app.engine;
    let name = |id: &str| crate::i18n::item_name(lang, e, id);
    let key = |a: Action| app.keymap.label(Mode::Dialog, a).unwrap_or_default();
    let (accept, cancel) = (key(Action::DialogAccept), key(Action::DialogCancel));
    Some(match d {
        Dialog::Choice { step, selected } => {
            let item = e.item(step)?;
            let choice = e.choice_of(item)?;
            let mut body = warning_lines(lang, e, item);
            body.push(choice.question.clone());
            body.push(String::new());
            for (n, o) in choice.options.iter().enumerate() {
                let mark = if n == *selected { ">" } else { " " };
                body.push(format!(
                    "{mark} {}) {} — {}",
                    n + 1,
                    o.title,
                    runs(lang, &o.steps)
                ));
            }
            body.push(String::new());
            body.push(tr!(
                lang,
                "branch-choice-keys",
                count = choice.options.len(),
                accept = accept.as_str(),
                cancel = cancel.as_str()
            ));
            (tr!(lang, "branch-choice-title", step = name(step)), body)
        }
        Dialog::Condition { step } => {
            let item = e.item(step)?;
            let mut body = warning_lines(lang, e, item);
            body.push(e.condition_of(item)?.to_string());
            body.push(String::new());
            body.push(tr!(lang, "branch-condition-keys", cancel = cancel.as_str()));
            (tr!(lang, "branch-condition-title", step = name(step)), body)
        }
        Dialog::Warning { step } => {
            let item = e.item(step)?;
            let mut body = warning_lines(lang, e, item);
            body.push(tr!(
                lang,
                "branch-warning-keys",
                accept = accept.as_str(),
                cancel = cancel.as_str()
            ));
            (tr!(lang, "branch-warning-title", step = name(step)), body)
        }
        Dialog::Snippets { selected } => {
            let values = e.substitution_values();
            let mut body = Vec::new();
            let mut n = 0;
            for s in &e.procedure().snippets {
                body.push(format!("{} [{}]", s.title, s.id));
                if let Some(t) = &s.text {
                    body.push(format!("    {}", one_line(t)));
                }
                for c in &s.commands {
                    let mark = if n == *selected { ">" } else { " " };
                    let shown = crate::run::substitute::substitute(&c.run, &values);
                    body.push(format!("{mark} {}) $ {}", n + 1, one_line(&shown)));
                    n += 1;
                }
            }
            body.push(String::new());
            body.push(tr!(
                lang,
                "branch-snippets-keys",
                count = n,
                accept = accept.as_str(),
                cancel = cancel.as_str()
            ));
            (tr!(lang, "branch-snippets-dialog-title"), body)
        }
        _ => return None,
    })
}

/// The step's warning, labelled, then a blank line; nothing without one.
pub fn warning_lines(lang: Lang, e: &Engine, item: &Item) -> Vec<String> {
    if e.undo_of(item).is_some() {
        return Vec::new();
    }
    let Some(w) = &e.step_of(item).warning else {
        return Vec::new();
    };
    let label = tr!(lang, "procedure-warning-label");
    let mut out: Vec<String> = w
        .lines()
        .enumerate()
        .map(|(n, l)| match n {
            0 => format!("!! {label}: {l}"),
            _ => format!("!! {l}"),
        })
        .collect();
    out.push(String::new());
    out
}

/// For the details pane: the choice's question and options (and the one
/// chosen), or the condition (and its answer).
pub fn detail_lines(app: &App, item: &Item, look: &Look) -> Vec<Line<'static>> {
    let lang = app.lang;
    let e = &app.engine;
    let mut lines = Vec::new();
    if let Some(choice) = e.choice_of(item) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("? {}", choice.question), look.title()));
        let chosen = e.state().choices.get(&item.id);
        for (n, o) in choice.options.iter().enumerate() {
            let mark = match chosen {
                Some(c) if *c == o.id => "(*)",
                Some(_) => "( )",
                None => "   ",
            };
            lines.push(Line::raw(format!(
                "{mark} {}) {} — {}",
                n + 1,
                o.title,
                runs(lang, &o.steps)
            )));
        }
    }
    if let Some(q) = e.condition_of(item) {
        lines.push(Line::raw(""));
        let answer = match e.state().conditions.get(&item.id) {
            Some(true) => format!(" → {}", tr!(lang, "branch-answer", answer = "yes")),
            Some(false) => format!(" → {}", tr!(lang, "branch-answer", answer = "no")),
            None => String::new(),
        };
        lines.push(Line::styled(
            format!(
                "? {}{answer}",
                tr!(lang, "branch-condition-label", question = q)
            ),
            look.title(),
        ));
    }
    lines
}

/// Rows `lines` take once wrapped inside a dialog `width` wide (borders
/// and padding: 2 columns) drawn in `area`.
pub fn wrapped_rows(lines: &[Line], width: u16, area: ratatui::layout::Rect) -> u16 {
    let inner = usize::from(width.min(area.width.saturating_sub(2)).saturating_sub(2)).max(1);
    lines
        .iter()
        .map(|l| l.width().div_ceil(inner).max(1))
        .sum::<usize>()
        .try_into()
        .unwrap_or(u16::MAX)
}

fn runs(lang: Lang, steps: &[String]) -> String {
    if steps.is_empty() {
        tr!(lang, "branch-option-runs-nothing")
    } else {
        tr!(lang, "branch-option-runs", steps = steps.join(", "))
    }
}

fn one_line(s: &str) -> String {
    let mut lines = s.lines();
    let first = lines.next().unwrap_or_default().to_string();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first
    }
}
