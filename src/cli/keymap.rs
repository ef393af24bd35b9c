//! `pasos keymap check FILE` and `pasos keymap show`, and loading the
//! effective keymap for a run: defaults, then the user's file from the
//! config dir, then `--keymap FILE`.

use super::args::KeymapAction;
use super::{EXIT_BAD_INPUT, EXIT_OK, color};
use pasos::diagnostic::{SourceText, render_human};
use pasos::tr;
use pasos::tui::keymap::{Keymap, parse};
use std::path::Path;

pub fn run(action: &KeymapAction, config_dir: &Path) -> u8 {
    match action {
        KeymapAction::Check { file } => match load_file(file) {
            Ok(bindings) => essentials(file, &bindings),
            Err(text) => {
                print!("{text}");
                EXIT_BAD_INPUT
            }
        },
        KeymapAction::Show { keymap } => match effective(config_dir, keymap.as_deref()) {
            Ok(map) => {
                print!("{}", map.to_toml());
                EXIT_OK
            }
            Err(text) => {
                eprint!("{text}");
                EXIT_BAD_INPUT
            }
        },
    }
}

/// The defaults with the file on top must keep a key for every essential
/// action (run a step, leave the shell, answer a dialog, quit…).
fn essentials(file: &Path, bindings: &[pasos::tui::keymap::Binding]) -> u8 {
    let lang = super::help::lang_of(std::env::args());
    let mut map = Keymap::defaults();
    map.apply(bindings);
    let missing = map.missing_essentials();
    if missing.is_empty() {
        println!("{}: ok", file.display());
        return EXIT_OK;
    }
    let defaults = Keymap::defaults();
    for (mode, action) in &missing {
        let key = defaults
            .hint(*mode, *action)
            .unwrap_or_else(|| "enter".to_string());
        println!(
            "{}",
            tr!(
                lang,
                "ux-keymap-essential-unbound",
                file = file.display().to_string(),
                action = action.name(),
                mode = mode.name(),
                what = action.describe(lang),
                key = key
            )
        );
    }
    println!(
        "{}",
        tr!(lang, "ux-keymap-essential-count", count = missing.len())
    );
    EXIT_BAD_INPUT
}

fn load_file(path: &Path) -> Result<Vec<pasos::tui::keymap::Binding>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let lang = super::help::lang_of(std::env::args());
        format!(
            "{}: {}\n",
            tr!(lang, "check-severity-error"),
            tr!(
                lang,
                "check-unreadable",
                path = path.display().to_string(),
                error = pasos::i18n::io_error(lang, &e)
            )
        )
    })?;
    let (bindings, diags) = parse(&text);
    if diags.is_empty() {
        Ok(bindings)
    } else {
        Err(render_human(
            &path.display().to_string(),
            &SourceText::new(text),
            &diags,
            color::stdout_color(),
            super::help::lang_of(std::env::args()),
        ))
    }
}

/// Defaults, then `<config>/keymap.toml` if present, then `extra`.
pub fn effective(config_dir: &Path, extra: Option<&Path>) -> Result<Keymap, String> {
    let mut map = Keymap::defaults();
    let user = config_dir.join("keymap.toml");
    if user.exists() {
        map.apply(&load_file(&user)?);
    }
    if let Some(extra) = extra {
        map.apply(&load_file(extra)?);
    }
    Ok(map)
}
