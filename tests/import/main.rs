//! The Markdown importer: golden imports of fixtures in each style, encoding
//! repair, the command line, and a property test over arbitrary input.

mod cli;
mod corpus;
mod encoding;
mod fuzz;
mod golden;
mod model;
mod regressions;

use pasos::procedure::import::{Imported, Options, import_bytes};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/import/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn import(bytes: &[u8], name: &str) -> Imported {
    import_bytes(
        bytes,
        &Options {
            repair: true,
            source_name: name.to_string(),
        },
    )
}

/// The emitted TOML loads and lints without errors.
pub fn assert_loads(imported: &Imported) {
    let loaded = pasos::procedure::load_str(&imported.toml);
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{}", imported.toml);
    let checked = pasos::procedure::check_bytes(imported.toml.as_bytes());
    assert_eq!(checked.errors(), 0);
}
