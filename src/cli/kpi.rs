//! `pasos kpi`.

use super::args::{KpiArgs, Global};

pub fn run(_args: &KpiArgs, _global: &Global) -> u8 {
    super::not_yet::say("kpi", "the KPI history")
}
