//! The figures as text for people (aligned table, Markdown) and machines
//! (JSON, CSV). The interactive view renders [`super::Kpis`] itself.

pub mod columns;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use chrono::{DateTime, Local, Utc};

/// A duration for people: `0.4s` and `4.2s` under ten seconds, then
/// `12s`, `5m10s`, `1h02m`... rounded to the second.
pub fn duration(ms: u64) -> String {
    if ms < 10_000 {
        format!("{:.1}s", ms as f64 / 1000.0)
    } else {
        crate::procedure::estimate::format_secs((ms + 500) / 1000)
    }
}

/// An optional duration, or `none`.
pub fn opt_duration(ms: Option<u64>, none: &str) -> String {
    ms.map(duration).unwrap_or_else(|| none.to_string())
}

/// A 0..1 ratio as a whole percentage (`67%`), or `none`.
pub fn percent(r: Option<f64>, none: &str) -> String {
    r.map(|r| format!("{}%", (r * 100.0).round()))
        .unwrap_or_else(|| none.to_string())
}

/// Local date and time with the offset, to the minute.
pub fn local_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M %:z")
        .to_string()
}

/// Local date and time, to the minute (table rows, where the offset of the
/// heading applies).
pub fn local_minute(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// A run's deviations and notes in one line: deviations first.
pub fn notes_line(deviations: &[String], notes: &[String], deviation_word: &str) -> String {
    deviations
        .iter()
        .map(|d| format!("{deviation_word} {d}"))
        .chain(notes.iter().cloned())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
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
