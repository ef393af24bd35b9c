//! A new estimate for a step from its actual durations.
//!
//! With at least [`MIN_SAMPLES`] durations, the suggestion is the range
//! from the median (rounded down) to the p90 (rounded up), each rounded to
//! a unit that suits its size: 5 s under a minute, 30 s under 5 minutes,
//! 1 min under 30 minutes, 5 min under 2 hours, 15 min above. When both
//! ends round to the same value it is a single duration. Written the way
//! `Estimate` prints (`5-10m`, `1m30s-3m`), so it reads back with
//! `Estimate::parse`.
//!
//! It is proposed as a change (`--suggest`) only when the current estimate
//! is missing, or the p90 is above the estimate's upper end (the step
//! over-runs more than one time in ten), or the upper end is more than
//! twice the p90 (the estimate is far too generous), and the suggestion
//! differs from what is written.

use super::stats::DurationStats;
use crate::procedure::estimate::Estimate;
use serde::Serialize;

/// Fewer durations than this give no suggestion.
pub const MIN_SAMPLES: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// As it would be written in the procedure (`5-10m`).
    pub estimate: String,
    pub min_ms: u64,
    pub max_ms: u64,
    /// Whether `--suggest` proposes it (see the module docs).
    pub proposed: bool,
}

fn unit(secs: u64) -> u64 {
    match secs {
        0..60 => 5,
        60..300 => 30,
        300..1800 => 60,
        1800..7200 => 300,
        _ => 900,
    }
}

fn round_down(secs: u64) -> u64 {
    let u = unit(secs);
    (secs / u * u).max(u)
}

fn round_up(secs: u64) -> u64 {
    let u = unit(secs);
    secs.div_ceil(u).max(1) * u
}

/// The suggestion for these actual durations against the current estimate.
pub fn suggest(actual: &DurationStats, current: Option<&Estimate>) -> Option<Suggestion> {
    if actual.samples < MIN_SAMPLES {
        return None;
    }
    let lo = round_down(actual.median_ms / 1000);
    let hi = round_up(actual.p90_ms.div_ceil(1000)).max(lo);
    let est = Estimate {
        min_secs: lo,
        max_secs: hi,
    };
    let text = est.to_string();
    let proposed = match current {
        None => true,
        Some(c) => {
            let upper_ms = c.max_secs * 1000;
            let off = actual.p90_ms > upper_ms || upper_ms > 2 * actual.p90_ms;
            off && *c != est
        }
    };
    Some(Suggestion {
        estimate: text,
        min_ms: lo * 1000,
        max_ms: hi * 1000,
        proposed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(v: &[u64]) -> DurationStats {
        DurationStats::of(v).unwrap()
    }

    #[test]
    fn ranges_from_median_to_p90_in_sensible_units() {
        // Median 6m40s -> 6m (1 min unit); p90 11m20s -> 12m.
        let s = suggest(&stats(&[300_000, 400_000, 680_000]), None).unwrap();
        assert_eq!(s.estimate, "6-12m");
        let s = suggest(&stats(&[430_000, 430_000, 680_000]), None).unwrap();
        assert_eq!(s.estimate, "7-12m");
        assert_eq!((s.min_ms, s.max_ms), (420_000, 720_000));
        assert!(s.proposed);
        // Seconds: 12s, 14s, 23s -> 10-25s.
        let s = suggest(&stats(&[12_000, 14_000, 23_000]), None).unwrap();
        assert_eq!(s.estimate, "10-25s");
        // Same ends: one value.
        let s = suggest(&stats(&[60_000, 60_000, 60_000]), None).unwrap();
        assert_eq!(s.estimate, "1m");
        assert_eq!(Estimate::parse(&s.estimate).unwrap(), Estimate::exact(60));
        // Too few samples.
        assert_eq!(suggest(&stats(&[1, 2]), None), None);
    }

    #[test]
    fn proposed_only_when_the_estimate_is_off() {
        let actual = stats(&[430_000, 430_000, 680_000]);
        let fits = Estimate::parse("7-12m").unwrap();
        assert!(!suggest(&actual, Some(&fits)).unwrap().proposed);
        let short = Estimate::parse("5m").unwrap();
        assert!(suggest(&actual, Some(&short)).unwrap().proposed);
        let generous = Estimate::parse("30m").unwrap();
        assert!(suggest(&actual, Some(&generous)).unwrap().proposed);
        let roomy = Estimate::parse("5-20m").unwrap();
        assert!(!suggest(&actual, Some(&roomy)).unwrap().proposed);
    }
}
