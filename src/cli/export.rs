//! `pasos export`.

use super::args::{ExportArgs, Global};

pub fn run(_args: &ExportArgs, _global: &Global) -> u8 {
    super::not_yet::say("export", "the printable quick checklist")
}
