//! Dialogs and the help overlay, drawn over the screen.

use super::style::Look;
use crate::i18n::Lang;
use crate::tr;
use crate::tui::app::{App, Dialog, ReasonFor};
use crate::tui::keymap::{Action, Keymap, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(10);
    let h = height.min(area.height.saturating_sub(2)).max(3);
    Rect::new(
        area.x + (area.width.saturating_sub(w)) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    )
}

pub fn dialog(f: &mut Frame, area: Rect, app: &App, look: &Look, d: &Dialog) {
    let lang = app.lang;
    let accept = app
        .keymap
        .label(Mode::Dialog, Action::DialogAccept)
        .unwrap_or_default();
    let cancel = app
        .keymap
        .label(Mode::Dialog, Action::DialogCancel)
        .unwrap_or_default();
    let keys = tr!(
        lang,
        "tui-dialog-keys",
        accept = accept,
        cancel = cancel.clone()
    );
    let name = |id: &str| crate::i18n::item_name(lang, &app.engine, id);
    let (title, body, input): (String, Vec<String>, Option<String>) = match d {
        Dialog::Confirm {
            step,
            accepted,
            input,
        } => {
            let quoted: Vec<String> = accepted.iter().map(|a| format!("`{a}`")).collect();
            let mut body = app
                .engine
                .item(step)
                .map(|i| super::branch::warning_lines(lang, &app.engine, i))
                .unwrap_or_default();
            body.push(tr!(
                lang,
                "tui-dialog-confirm-body",
                accepted = quoted.join(" / ")
            ));
            (
                tr!(lang, "tui-dialog-confirm-title", step = name(step)),
                body,
                Some(input.clone()),
            )
        }
        Dialog::Choice { .. }
        | Dialog::Condition { .. }
        | Dialog::Warning { .. }
        | Dialog::Snippets { .. } => {
            let (title, body) = super::branch::dialog_text(app, d).unwrap_or_default();
            (title, body, None)
        }
        Dialog::Reason { purpose, input } => {
            let q = match purpose {
                ReasonFor::Skip(s) => tr!(lang, "run-reason-skip", step = name(s)),
                ReasonFor::Override(s) => tr!(lang, "run-reason-override", step = name(s)),
                ReasonFor::Fail(s) => tr!(lang, "run-reason-fail", step = name(s)),
                ReasonFor::Rollback => tr!(lang, "run-reason-rollback"),
                ReasonFor::Abort => tr!(lang, "run-reason-abort"),
                ReasonFor::Waive => tr!(lang, "run-reason-waive"),
            };
            (q, vec![tr!(lang, "run-reason-prompt")], Some(input.clone()))
        }
        Dialog::Note { step, input } => (
            match step {
                Some(s) => tr!(lang, "tui-dialog-note", step = name(s)),
                None => tr!(lang, "tui-dialog-note-run"),
            },
            vec![],
            Some(input.clone()),
        ),
        Dialog::Variable {
            name,
            prompt,
            secret,
            input,
        } => {
            let shown = if *secret {
                "*".repeat(input.chars().count())
            } else {
                input.clone()
            };
            (
                tr!(lang, "tui-dialog-variable", name = name.as_str()),
                vec![prompt.clone()],
                Some(shown),
            )
        }
        Dialog::Prerequisite { group, item } => {
            let p = app.engine.procedure();
            let g = &p.prerequisites[*group];
            let it = &g.items[*item];
            let mut body = vec![it.text.clone()];
            if let Some(check) = &it.check {
                let command = check.run.clone();
                body.push(
                    if app.engine.state().mode == crate::journal::Mode::Rehearsal {
                        tr!(lang, "nav-prerequisite-check-rehearsal", command = command)
                    } else {
                        tr!(lang, "nav-prerequisite-check-failed", command = command)
                    },
                );
            }
            body.push(String::new());
            body.push(tr!(lang, "tui-dialog-prerequisite-keys"));
            if let Some(key) = app.keymap.hint(Mode::Checklist, Action::Prerequisites) {
                body.push(tr!(lang, "nav-prerequisite-reopen", key = key));
            }
            (
                tr!(lang, "tui-dialog-prerequisite", group = g.group.as_str()),
                body,
                None,
            )
        }
        Dialog::Decision { question, .. } => {
            // The answers so far, then the question.
            let mut body: Vec<String> = app
                .engine
                .decision_path()
                .iter()
                .filter_map(|s| {
                    let answer = match s.answer? {
                        true => tr!(lang, "nav-yes"),
                        false => tr!(lang, "nav-no"),
                    };
                    Some(tr!(
                        lang,
                        "nav-decision-answered",
                        question = s.node.question.clone().unwrap_or_default(),
                        answer = answer
                    ))
                })
                .collect();
            if !body.is_empty() {
                body.push(String::new());
            }
            body.extend([
                question.clone(),
                String::new(),
                tr!(lang, "tui-dialog-yes-no"),
            ]);
            (tr!(lang, "run-decision-tree"), body, None)
        }
        Dialog::Find { input } => (
            tr!(lang, "nav-find-title"),
            vec![tr!(
                lang,
                "nav-find-body",
                next = app
                    .keymap
                    .hint(Mode::Checklist, Action::NextMatch)
                    .unwrap_or_default(),
                previous = app
                    .keymap
                    .hint(Mode::Checklist, Action::PreviousMatch)
                    .unwrap_or_default()
            )],
            Some(input.clone()),
        ),
        Dialog::Jump { input } => (
            tr!(lang, "nav-jump-title"),
            vec![tr!(lang, "nav-jump-body")],
            Some(input.clone()),
        ),
        Dialog::Quit => (
            tr!(lang, "tui-dialog-quit-title"),
            quit_text(app)
                .lines()
                .map(str::to_string)
                .chain([String::new(), tr!(lang, "tui-dialog-yes-no")])
                .collect(),
            None,
        ),
        Dialog::QuitBusy => (
            tr!(lang, "tui-dialog-quit-title"),
            crate::tr!(
                app.lang,
                "hardening-quit-busy",
                command = app.busy.clone().unwrap_or_default(),
                cancel = cancel.clone()
            )
            .lines()
            .map(str::to_string)
            .collect(),
            None,
        ),
    };
    let width = (area.width * 3 / 4).clamp(30, 90);
    let mut lines: Vec<Line> = body.into_iter().map(Line::raw).collect();
    if let Some(i) = input {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("> {i}_"), look.title()));
        lines.push(Line::raw(""));
        lines.push(Line::styled(keys, look.dim()));
    }
    let height = match d {
        // Questions and warnings from the procedure run long: room for
        // their wrapped rows, so the keys at the bottom stay visible.
        Dialog::Choice { .. }
        | Dialog::Condition { .. }
        | Dialog::Warning { .. }
        | Dialog::Snippets { .. } => super::branch::wrapped_rows(&lines, width, area) + 4,
        _ => lines.len() as u16 + 4,
    };
    let r = centered(area, width, height);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {title} "))
        .border_style(look.title());
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// What quitting means in this run's state: a finished run is not
/// resumable, any other is.
fn quit_text(app: &App) -> String {
    let lang = app.lang;
    let s = app.engine.state();
    match s.status {
        crate::run::RunStatus::Finished(o) => tr!(
            lang,
            "nav-quit-finished",
            outcome = crate::i18n::run_outcome(lang, o),
            run = s.run_id.as_str()
        ),
        _ => tr!(
            lang,
            "tui-dialog-quit",
            run = s.run_id.as_str(),
            file = app.source.as_str()
        ),
    }
}

/// The help overlay: every binding of `modes` with its description, from
/// the effective keymap, then a closing paragraph.
#[allow(clippy::too_many_arguments)]
pub fn keys_help(
    f: &mut Frame,
    area: Rect,
    look: &Look,
    keymap: &Keymap,
    modes: &[Mode],
    lang: Lang,
    title: &str,
    footer: &str,
) {
    let mut lines = super::help::key_lines(keymap, modes, lang, look);
    lines.push(Line::raw(""));
    lines.push(Line::raw(footer.to_string()));
    let r = centered(
        area,
        (area.width * 9 / 10).max(40),
        area.height.saturating_sub(2),
    );
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_set(look.border())
        .title(format!(" {title} "))
        .border_style(look.title());
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}
