//! `pasos kpi`.

use super::args::{Global, KpiArgs};

pub fn run(_args: &KpiArgs, _global: &Global) -> u8 {
    super::not_yet::say("kpi", "the KPI history")
}
