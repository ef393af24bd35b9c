//! Opening the review browser of past runs (`pasos log`, `pasos kpi` on a
//! terminal) with the user's keymap, language and colour.

use super::args::Global;
use super::{EXIT_BAD_INPUT, EXIT_OK, color};
use pasos::paths::Paths;
use pasos::tui::review::{BrowseOptions, Start, browse};
use std::path::Path;

/// Runs the browser until the operator quits; the exit code.
pub fn open(
    paths: &Paths,
    global: &Global,
    keymap: Option<&Path>,
    ascii: bool,
    filter: String,
    start: Start,
) -> u8 {
    let keymap = match super::effective_keymap(&paths.config, keymap) {
        Ok(k) => k,
        Err(text) => {
            eprint!("{text}");
            return EXIT_BAD_INPUT;
        }
    };
    let caps = pasos::tui::view::degrade::detect(ascii);
    let opts = BrowseOptions {
        data_dir: &paths.data,
        keymap,
        lang: global.lang(),
        ascii: !caps.unicode,
        color: color::allowed(),
        mono: caps.mono,
        filter,
        start,
    };
    match browse(opts) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("pasos: {e}");
            EXIT_BAD_INPUT
        }
    }
}
