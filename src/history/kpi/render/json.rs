//! The JSON document of `pasos kpi --format json`: [`Kpis`] with a
//! `schema` number that changes only when a field changes meaning or goes
//! away (new fields may appear). Durations are integer milliseconds
//! (`*_ms`), ratios 0..1 with four decimals, times RFC 3339 in UTC; a figure
//! with nothing to compute from is `null`.

use crate::history::kpi::Kpis;
use serde::Serialize;

/// The current schema number.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    #[serde(flatten)]
    kpis: &'a Kpis,
}

pub fn render(k: &Kpis) -> String {
    let mut s = serde_json::to_string_pretty(&Document {
        schema: SCHEMA,
        kpis: k,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}
