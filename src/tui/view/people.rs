//! The header's indicators of the people around a run: a step held for
//! an approval, and who is watching.

use super::style::Look;
use crate::tr;
use crate::tui::app::App;
use ratatui::style::Modifier;
use ratatui::text::Span;

pub fn spans(app: &App, look: &Look) -> Vec<Span<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    if let Some((step, roles)) = app.engine.awaiting_approval() {
        out.push(Span::raw("  "));
        out.push(Span::styled(
            format!(
                " {} ",
                tr!(
                    lang,
                    "team-header-awaiting",
                    step = step,
                    roles = roles.join(", ")
                )
            ),
            look.alert().add_modifier(Modifier::REVERSED),
        ));
    }
    if let Some((step, sup)) = app.engine.awaiting_supervisor() {
        out.push(Span::raw("  "));
        out.push(Span::styled(
            format!(
                " {} ",
                tr!(
                    lang,
                    "team-header-awaiting-supervisor",
                    step = step,
                    supervisor = sup
                )
            ),
            look.alert().add_modifier(Modifier::REVERSED),
        ));
    }
    // The header is one line at 80 columns: names, not their hosts.
    if !app.watchers.is_empty() {
        // The header is one line at 80 columns: names, not their hosts.
        out.push(Span::styled(
            format!(
                "  {}",
                // The header is one line at 80 columns: names, not their
                // hosts.
                tr!(
                    lang,
                    "team-watchers",
                    count = app.watchers.len(),
                    names = app
                        .watchers
                        .iter()
                        .map(|w| w.split('@').next().unwrap_or(w))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            ),
            look.title(),
        ));
    }
    out
}
