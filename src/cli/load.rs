//! Reading the procedure file a command works on: what stops it is
//! printed with `file:line:col` and the snippet, as `pasos check` does.

use super::{EXIT_BAD_INPUT, color};
use pasos::diagnostic::render_human;
use pasos::procedure::{self, Procedure};
use pasos::tr;
use std::path::Path;

/// The procedure in `file` and the bytes it was read from, or the exit
/// code after its errors are printed; `verb` is the command to try again
/// (`run`, `export`).
pub fn procedure(file: &Path, verb: &str) -> Result<(Procedure, Vec<u8>), u8> {
    let lang = super::help::lang_of(std::env::args());
    let shown = file.display().to_string();
    let cap = procedure::source_file::cap(procedure::source_file::PROCEDURE_CAP);
    let bytes = procedure::source_file::read(file, cap).map_err(|e| {
        eprintln!(
            "pasos: {}",
            tr!(
                lang,
                "check-unreadable",
                path = pasos::diagnostic::printable(&shown).to_string(),
                error = e.describe(lang)
            )
        );
        EXIT_BAD_INPUT
    })?;
    // Lint warnings never stop a run or an export: not linted here.
    let loaded = procedure::load_file(file, &bytes);
    let Some(p) = loaded.procedure else {
        let errors = loaded.error_diagnostics();
        eprint!(
            "{}",
            render_human(&shown, &loaded.source, &errors, color::stderr_color(), lang)
        );
        eprintln!(
            "pasos: {}",
            tr!(
                lang,
                "check-fix-and-retry",
                path = shown.as_str(),
                count = errors.len(),
                verb = verb
            )
        );
        return Err(EXIT_BAD_INPUT);
    };
    Ok((p, bytes))
}
