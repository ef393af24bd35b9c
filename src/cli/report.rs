//! `pasos report`.

use super::args::{Global, ReportArgs};

pub fn run(_args: &ReportArgs, _global: &Global) -> u8 {
    super::not_yet::say("report", "incident reports")
}
