//! Durations as runbooks write them: `5 minutos`, `5-8 min`, `~10-15
//! minutos`, `< 2 horas`, `1 hora 30 minutos`, `(Tiempo estimado: 2
//! minutos)`; and time windows (`0-2 min`, `2-5 min`, ...) that give a
//! step's start and end rather than its length.

use crate::procedure::estimate::{self, Estimate};
use regex::Regex;
use std::sync::OnceLock;

/// A duration found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub estimate: Estimate,
    /// The text it was read from.
    pub text: String,
}

/// Compiles the pattern now (see [`super::warm_up`]).
pub(crate) fn warm() {
    re();
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?:~|≈|<|>|≤|≥|\+|aprox(?:\.|imadamente)?\s*|approx(?:\.|imately)?\s*|about\s+|unos?\s+|hasta\s+|up\ to\s+|max(?:\.|imo|imum)?\s*)?\s*
            (\d{1,4}(?:[.,]\d+)?)\s*
            (?:(?:-|–|—|a|to)\s*(\d{1,4}(?:[.,]\d+)?)\s*)?
            (horas|hora|hours|hour|hrs|hr|h|minutos|minuto|minutes|minute|mins|min|m|segundos|segundo|seconds|second|secs|sec|seg|s)\b
            (?:\s*(\d{1,2})\s*(minutos|minuto|minutes|minute|mins|min|m)\b)?",
        )
        .expect("duration pattern compiles")
    })
}

fn unit_secs(unit: &str) -> u64 {
    match unit.to_lowercase().chars().next() {
        Some('h') => 3600,
        Some('m') => 60,
        _ => 1,
    }
}

fn number(s: &str) -> Option<f64> {
    s.replace(',', ".").parse::<f64>().ok()
}

/// The first duration anywhere in `text`.
pub fn find(text: &str) -> Option<Found> {
    let caps = re().captures(text)?;
    let whole = caps.get(0)?;
    let unit = unit_secs(caps.get(3)?.as_str());
    let lo = number(caps.get(1)?.as_str())?;
    let hi = caps.get(2).and_then(|m| number(m.as_str())).unwrap_or(lo);
    let extra = match (caps.get(4), caps.get(5)) {
        (Some(n), Some(u)) if unit == 3600 => {
            number(n.as_str()).unwrap_or(0.0) * unit_secs(u.as_str()) as f64
        }
        _ => 0.0,
    };
    let min = (lo * unit as f64 + extra).round() as u64;
    let max = (hi * unit as f64 + extra).round() as u64;
    if min > max {
        return None;
    }
    Some(Found {
        estimate: Estimate {
            min_secs: min,
            max_secs: max,
        },
        text: whole.as_str().trim().to_string(),
    })
}

/// `text` when it is nothing but a duration (with an optional label such
/// as `Tiempo estimado:`): the value of a `Duración Estimada` field or of
/// a parenthesis in a heading.
pub fn whole(text: &str) -> Option<Found> {
    let t = strip_label(text.trim());
    if let Some(s) = estimate::suggest(t)
        && let Ok(e) = Estimate::parse(&s)
    {
        return Some(Found {
            estimate: e,
            text: t.to_string(),
        });
    }
    let f = find(t)?;
    let rest = t.replacen(&f.text, "", 1);
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || ".,;()".contains(c));
    (rest.is_empty() || is_qualifier(rest)).then_some(f)
}

fn strip_label(t: &str) -> &str {
    let lower = t.to_lowercase();
    for label in [
        "tiempo estimado",
        "tiempo total",
        "tiempo",
        "duración estimada",
        "duracion estimada",
        "duración",
        "duracion",
        "estimado",
        "estimated time",
        "estimated duration",
        "estimate",
        "duration",
        "time",
        "eta",
    ] {
        if lower.starts_with(label) {
            let Some(rest) = t.get(label.len()..) else {
                continue;
            };
            if let Some(r) = rest.trim_start().strip_prefix(':') {
                return r.trim();
            }
            if rest.starts_with(' ') {
                return rest.trim();
            }
        }
    }
    t
}

fn is_qualifier(rest: &str) -> bool {
    let r = rest.to_lowercase();
    [
        "aprox",
        "approx",
        "max",
        "máximo",
        "maximo",
        "total",
        "aproximadamente",
    ]
    .iter()
    .any(|q| r == *q)
}

/// A heading's trailing `(...)` holding a duration: the title without it
/// and what was found, plus the raw `(lo, hi)` seconds for window checks.
pub fn from_heading(title: &str) -> Option<(String, Found)> {
    let t = title.trim_end();
    let open = t.rfind('(')?;
    let inner = t[open + 1..].strip_suffix(')')?;
    let f = whole(inner)?;
    Some((
        t[..open]
            .trim_end()
            .trim_end_matches([':', '-', '–'])
            .trim_end()
            .to_string(),
        f,
    ))
}

/// Consecutive step windows `0-2, 2-5, 5-8`: each step takes end - start.
/// Returns the lengths when the ranges chain like that.
pub fn windows(ranges: &[Estimate]) -> Option<Vec<Estimate>> {
    if ranges.len() < 2 || ranges.iter().any(|r| !r.is_range()) {
        return None;
    }
    let chained = ranges.windows(2).all(|w| w[1].min_secs == w[0].max_secs);
    if !chained || (ranges[0].min_secs != 0 && ranges.len() < 3) {
        return None;
    }
    Some(
        ranges
            .iter()
            .map(|r| Estimate::exact(r.max_secs - r.min_secs))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(t: &str) -> Option<String> {
        whole(t).map(|f| f.estimate.to_string())
    }

    #[test]
    fn normalises_what_runbooks_write() {
        assert_eq!(shown("5 minutos").as_deref(), Some("5m"));
        assert_eq!(shown("5-8 min").as_deref(), Some("5-8m"));
        assert_eq!(shown("~10-15 minutos").as_deref(), Some("10-15m"));
        assert_eq!(shown("Tiempo estimado: 2 minutos").as_deref(), Some("2m"));
        assert_eq!(shown("< 15 minutos").as_deref(), Some("15m"));
        assert_eq!(shown("1 hora 30 minutos").as_deref(), Some("1h30m"));
        assert_eq!(shown("1.5 horas").as_deref(), Some("1h30m"));
        assert_eq!(shown("XX minutos"), None);
        assert_eq!(shown("X minutos"), None);
        assert_eq!(shown("Dentro de 24 horas"), None);
        assert_eq!(
            find("Inmediato (< 5 min)")
                .map(|f| f.estimate.to_string())
                .as_deref(),
            Some("5m")
        );
    }

    #[test]
    fn headings_and_windows() {
        let (t, f) = from_heading("PASO 3: Ejecutar Rollback (5-8 min)").unwrap();
        assert_eq!(t, "PASO 3: Ejecutar Rollback");
        assert_eq!(f.estimate.to_string(), "5-8m");
        assert!(from_heading("Post-Mortem (Dentro de 24 horas)").is_none());
        let r: Vec<Estimate> = ["0-2m", "2-5m", "5-8m"]
            .iter()
            .map(|s| Estimate::parse(s).unwrap())
            .collect();
        let w = windows(&r).unwrap();
        assert_eq!(
            w.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
            vec!["2m", "3m", "3m"]
        );
        let r: Vec<Estimate> = ["5-10m", "5-10m"]
            .iter()
            .map(|s| Estimate::parse(s).unwrap())
            .collect();
        assert!(windows(&r).is_none());
    }
}
