//! Durations as people write them in runbooks: `90s`, `5m`, `1h30m`, and
//! ranges `5-10m` or `1h-1h30m` that keep both ends.

use std::fmt;

/// A duration estimate in seconds; a single value has `min == max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Estimate {
    pub min_secs: u64,
    pub max_secs: u64,
}

impl std::ops::Add for Estimate {
    type Output = Estimate;
    fn add(self, other: Estimate) -> Estimate {
        Estimate {
            min_secs: self.min_secs.saturating_add(other.min_secs),
            max_secs: self.max_secs.saturating_add(other.max_secs),
        }
    }
}

/// Why a duration did not parse; rendered into a diagnostic by the loader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstimateError(pub String);

pub const ESTIMATE_HINT: &str =
    "write durations like `90s`, `5m`, `1h30m`, or a range like `5-10m` (units: h, m, s)";

impl Estimate {
    pub const ZERO: Estimate = Estimate {
        min_secs: 0,
        max_secs: 0,
    };

    pub fn exact(secs: u64) -> Self {
        Estimate {
            min_secs: secs,
            max_secs: secs,
        }
    }

    pub fn is_range(&self) -> bool {
        self.min_secs != self.max_secs
    }

    /// Midpoint, used for sums and ETAs.
    pub fn mid_secs(&self) -> u64 {
        (self.min_secs + self.max_secs) / 2
    }

    pub fn parse(text: &str) -> Result<Estimate, EstimateError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(EstimateError("the duration is empty".into()));
        }
        match t.split_once('-') {
            Some((lo, hi)) => {
                let (lo, hi) = (lo.trim(), hi.trim());
                let hi_secs = parse_single(hi, None)?;
                let unit = hi.chars().find(|c| c.is_ascii_alphabetic());
                let lo_secs = parse_single(lo, unit)?;
                if lo_secs > hi_secs {
                    return Err(EstimateError(format!(
                        "the range `{t}` goes backwards: its start is longer than its end"
                    )));
                }
                Ok(Estimate {
                    min_secs: lo_secs,
                    max_secs: hi_secs,
                })
            }
            None => parse_single(t, None).map(Estimate::exact),
        }
    }
}

/// Parses `1h30m`, `45s`, or a bare number when `default_unit` is given
/// (the left side of a range: `5` in `5-10m`).
fn parse_single(text: &str, default_unit: Option<char>) -> Result<u64, EstimateError> {
    if text.is_empty() {
        return Err(EstimateError("a side of the range is empty".into()));
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return match default_unit {
            Some(u) => parse_single(&format!("{text}{u}"), None),
            None => Err(EstimateError(format!("`{text}` has no unit"))),
        };
    }
    let mut total: u64 = 0;
    let mut digits = String::new();
    let mut last_rank = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if c.is_whitespace() {
            return Err(EstimateError(if digits.is_empty() {
                "write it without spaces".into()
            } else {
                "write the unit right after the number, without a space".into()
            }));
        }
        let (mult, rank) = match c {
            'h' => (3600, 3),
            'm' => (60, 2),
            's' => (1, 1),
            _ => return Err(EstimateError(format!("`{c}` is not a unit in `{text}`"))),
        };
        if digits.is_empty() {
            return Err(EstimateError(format!(
                "unit `{c}` without a number in `{text}`"
            )));
        }
        if last_rank != 0 && rank >= last_rank {
            return Err(EstimateError(format!(
                "units in `{text}` must go from hours to seconds, each once"
            )));
        }
        last_rank = rank;
        let n: u64 = digits
            .parse()
            .map_err(|_| EstimateError(format!("`{digits}` is too large")))?;
        total = n
            .checked_mul(mult)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| EstimateError(format!("`{text}` is too large")))?;
        digits.clear();
    }
    if !digits.is_empty() {
        return Err(EstimateError(format!(
            "`{text}` ends with a number without a unit"
        )));
    }
    Ok(total)
}

/// The compact form of a duration written for people (`5 min`, `2 horas`,
/// `5 a 10 minutos`, `~15 minutes`), when there is one.
pub fn suggest(text: &str) -> Option<String> {
    let mut t = format!(" {} ", text.trim().to_lowercase().replace('-', " - "));
    for (words, unit) in [
        (&["horas", "hora", "hours", "hour", "hrs", "hr"][..], "h"),
        (
            &["minutos", "minuto", "minutes", "minute", "mins", "min"][..],
            "m",
        ),
        (
            &[
                "segundos", "segundo", "seconds", "second", "secs", "sec", "seg",
            ][..],
            "s",
        ),
    ] {
        for w in words {
            t = t.replace(&format!("{w} "), &format!("{unit} "));
        }
    }
    let t = t
        .replace(" a ", "-")
        .replace(" to ", "-")
        .replace(['~', '<', '>', '≈'], "");
    let compact: String = t.split_whitespace().collect();
    Estimate::parse(&compact).ok().map(|e| e.to_string())
}

/// A measured duration for people: tenths under ten seconds (`0.4s`,
/// `4.2s`), then rounded to the second (`12s`, `5m10s`, `1h2m`).
pub fn format_ms(ms: u64) -> String {
    if ms < 9_950 {
        format!("{:.1}s", ms as f64 / 1000.0)
    } else {
        format_secs((ms + 500) / 1000)
    }
}

/// Formats seconds as `1h30m`, `5m`, `45s`, `2m30s`.
pub fn format_secs(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = format_secs(self.max_secs);
        if !self.is_range() {
            return f.write_str(&max);
        }
        let min = format_secs(self.min_secs);
        let same_unit = |s: &str| {
            let unit = s.chars().last();
            s[..s.len() - 1].chars().all(|c| c.is_ascii_digit()) && unit == max.chars().last()
        };
        if same_unit(&min) && same_unit(&max) {
            write!(f, "{}-{}", &min[..min.len() - 1], max)
        } else {
            write!(f, "{min}-{max}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(Estimate::parse("90s").unwrap(), Estimate::exact(90));
        assert_eq!(Estimate::parse("5m").unwrap(), Estimate::exact(300));
        assert_eq!(Estimate::parse("1h30m").unwrap(), Estimate::exact(5400));
        let r = Estimate::parse("5-10m").unwrap();
        assert_eq!((r.min_secs, r.max_secs), (300, 600));
        let r = Estimate::parse("1h-1h30m").unwrap();
        assert_eq!((r.min_secs, r.max_secs), (3600, 5400));
        assert_eq!(Estimate::parse(" 2m30s ").unwrap(), Estimate::exact(150));
    }

    #[test]
    fn rejects_what_is_ambiguous() {
        for bad in [
            "",
            "5",
            "m",
            "5 min",
            "10-5m",
            "5x",
            "30m1h",
            "5m5m",
            "-5m",
            "5-",
            "1.5h",
            "99999999999999999999h",
        ] {
            assert!(Estimate::parse(bad).is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn suggests_compact_forms() {
        assert_eq!(suggest("5 min").as_deref(), Some("5m"));
        assert_eq!(suggest("2 horas").as_deref(), Some("2h"));
        assert_eq!(suggest("5 a 10 minutos").as_deref(), Some("5-10m"));
        assert_eq!(suggest("~15 minutes").as_deref(), Some("15m"));
        assert_eq!(suggest("1 hora 30 minutos").as_deref(), Some("1h30m"));
        assert_eq!(suggest("pronto"), None);
    }

    #[test]
    fn displays_compactly() {
        for s in ["90s", "5m", "1h30m", "5-10m", "1h-1h30m", "2m30s", "0s"] {
            let shown = Estimate::parse(s).unwrap().to_string();
            let again = Estimate::parse(&shown).unwrap();
            assert_eq!(again, Estimate::parse(s).unwrap(), "{s} -> {shown}");
        }
        assert_eq!(Estimate::parse("90s").unwrap().to_string(), "1m30s");
        assert_eq!(Estimate::parse("5-10m").unwrap().to_string(), "5-10m");
    }
}
