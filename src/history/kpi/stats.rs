//! Summary statistics over durations in milliseconds.

use serde::Serialize;

/// Average, median, p90, min and max of a set of durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DurationStats {
    /// How many durations.
    pub samples: usize,
    /// Arithmetic mean, rounded down to the millisecond.
    pub avg_ms: u64,
    /// The middle value; for an even count, the mean of the two middle
    /// values (rounded down).
    pub median_ms: u64,
    /// 90th percentile by the nearest-rank method: the smallest value with
    /// at least 90 % of the samples at or below it (`ceil(0.9 n)`-th value).
    pub p90_ms: u64,
    pub min_ms: u64,
    pub max_ms: u64,
}

impl DurationStats {
    /// `None` for no samples.
    pub fn of(values: &[u64]) -> Option<DurationStats> {
        if values.is_empty() {
            return None;
        }
        let mut v = values.to_vec();
        v.sort_unstable();
        let n = v.len();
        let sum: u128 = v.iter().map(|x| u128::from(*x)).sum();
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            ((u128::from(v[n / 2 - 1]) + u128::from(v[n / 2])) / 2) as u64
        };
        let rank = (n * 9).div_ceil(10).max(1);
        Some(DurationStats {
            samples: n,
            avg_ms: (sum / n as u128) as u64,
            median_ms: median,
            p90_ms: v[rank - 1],
            min_ms: v[0],
            max_ms: v[n - 1],
        })
    }
}

/// `part / whole`, rounded to four decimals; `None` when `whole` is 0.
pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_p90_and_the_rest_by_hand() {
        assert_eq!(DurationStats::of(&[]), None);
        let s = DurationStats::of(&[30, 10, 20]).unwrap();
        assert_eq!(
            (s.avg_ms, s.median_ms, s.p90_ms, s.min_ms, s.max_ms),
            (20, 20, 30, 10, 30)
        );
        let s = DurationStats::of(&[4, 1, 3, 2]).unwrap();
        assert_eq!((s.median_ms, s.p90_ms), (2, 4));
        // Ten values 1..=10: p90 is the 9th.
        let v: Vec<u64> = (1..=10).collect();
        assert_eq!(DurationStats::of(&v).unwrap().p90_ms, 9);
        let v: Vec<u64> = (1..=11).collect();
        assert_eq!(DurationStats::of(&v).unwrap().p90_ms, 10);
        assert_eq!(ratio(2, 3), Some(0.6667));
        assert_eq!(ratio(1, 0), None);
    }
}
