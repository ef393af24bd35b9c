//! The two header lines: what, where (production unmistakable), who, and
//! the run's clocks.

use super::style::{Look, clock};
use crate::journal::Mode;
use crate::run::RunStatus;
use crate::tr;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(f: &mut Frame, area: Rect, app: &App, look: &Look) {
    let lang = app.lang;
    let p = app.engine.procedure();
    let s = app.engine.state();
    let env = s.environment.clone().unwrap_or_else(|| "-".into());
    let production = s
        .environment
        .as_deref()
        .is_some_and(crate::procedure::is_production_name);
    let mode = match (s.mode, app.resumed) {
        (Mode::Rehearsal, _) => tr!(lang, "run-mode-rehearsal"),
        (_, true) => tr!(lang, "run-mode-resumed"),
        _ => tr!(lang, "run-mode-live"),
    };
    let crit = p
        .meta
        .criticality
        .map(|c| crate::i18n::criticality(lang, c))
        .unwrap_or_else(|| "-".into());
    let who = s.operator.label();
    let env_text = if production {
        format!(" {} {env} ", tr!(lang, "run-production"))
    } else {
        format!("[{env}]")
    };
    let right = format!(" {crit} · {mode} · {who}");
    let id = format!("{} ", p.meta.id);
    let version = format!(" v{} ", p.meta.version);
    // The title gives way to everything else, with an ellipsis.
    let fixed = id.chars().count()
        + version.chars().count()
        + env_text.chars().count()
        + right.chars().count();
    let room = (area.width as usize).saturating_sub(fixed);
    let title = if room > 1 {
        super::style::fit(&p.meta.title, room)
    } else {
        String::new()
    };
    let mut first = vec![
        Span::styled(id, look.title()),
        Span::raw(title),
        Span::raw(version),
    ];
    if production {
        first.push(Span::styled(
            env_text,
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ));
    } else {
        first.push(Span::raw(env_text));
    }
    first.push(Span::raw(right));

    let r = app.engine.run_timer();
    let est = r
        .estimate
        .map(|e| e.to_string())
        .unwrap_or_else(|| "?".into());
    let mut second = Vec::new();
    if s.mode == Mode::Rehearsal {
        // Unmissable at any width: nothing runs in a rehearsal.
        second.push(Span::styled(
            format!(" {} ", tr!(lang, "nav-rehearsal-badge")),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ));
        second.push(Span::raw(" "));
    }
    second.push(Span::raw(tr!(
        lang,
        "tui-clocks",
        elapsed = clock(r.elapsed_ms),
        estimate = est,
        left = clock(r.remaining_ms)
    )));
    if let Some(left) = r.rto_left_ms {
        let text = if left >= 0 {
            format!(" · {}", tr!(lang, "tui-rto", left = clock(left as u64)))
        } else {
            format!(
                " · {}",
                tr!(lang, "run-rto-passed", over = clock(left.unsigned_abs()))
            )
        };
        let style = if left < 60_000 {
            look.alert()
        } else {
            Style::default()
        };
        second.push(Span::styled(text, style));
    }
    match s.status {
        RunStatus::RollingBack => second.push(Span::styled(
            format!("  {} ", tr!(lang, "run-rolling-back")),
            look.alert().add_modifier(Modifier::REVERSED),
        )),
        RunStatus::Finished(o) => second.push(Span::styled(
            format!(
                "  {} ",
                tr!(
                    lang,
                    "run-finished-banner",
                    outcome = crate::i18n::run_outcome(lang, o)
                )
            ),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )),
        RunStatus::Preparing => {
            let pending = s.prerequisites.iter().flatten().filter(|c| !**c).count();
            if pending > 0 && !s.prerequisites_waived {
                second.push(Span::styled(
                    format!(
                        "  {}",
                        tr!(lang, "run-prerequisites-pending", count = pending)
                    ),
                    look.alert(),
                ));
            }
        }
        _ => {}
    }
    second.extend(super::people::spans(app, look));
    let lines = vec![Line::from(first), Line::from(second)];
    f.render_widget(Paragraph::new(lines), area);
}
