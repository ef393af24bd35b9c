//! The figures as text for people (aligned table, Markdown) and machines
//! (JSON, CSV). The interactive view renders [`super::Kpis`] itself.

pub mod columns;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use crate::history::kpi::HistoryRow;

use crate::procedure::estimate::format_ms;

/// An optional duration, or `none`.
pub fn opt_duration(ms: Option<u64>, none: &str) -> String {
    ms.map(format_ms).unwrap_or_else(|| none.to_string())
}

/// A 0..1 ratio as a whole percentage (`67%`), or `none`.
pub fn percent(r: Option<f64>, none: &str) -> String {
    r.map(|r| format!("{}%", (r * 100.0).round()))
        .unwrap_or_else(|| none.to_string())
}

/// An execution's notes in one line: how often it was interrupted, its
/// deviations, then its notes.
pub fn notes_line(h: &HistoryRow, t: crate::i18n::Lang) -> String {
    let interrupted = (h.interruptions > 0)
        .then(|| crate::tr!(t, "kpi-interrupted-times", count = h.interruptions));
    let deviations = h
        .deviations
        .iter()
        .map(|d| format!("{} {}", crate::tr!(t, "kpi-deviation-word"), d.line(t)));
    interrupted
        .into_iter()
        .chain(
            deviations
                .chain(h.notes.iter().map(|n| n.line()))
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
        )
        .collect::<Vec<_>>()
        .join("; ")
}

/// `text` cut to `width` characters, with `…` when cut.
pub fn abridge(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}
