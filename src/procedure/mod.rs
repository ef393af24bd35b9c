//! Procedures: the model, loading TOML with `file:line:col` errors, and lint.

mod branch;
pub mod danger;
mod decode;

pub use decode::spanish_key;
pub mod estimate;
pub mod import;
pub mod keyword;
pub mod lint;
pub mod model;
pub mod source_file;
pub mod validate;
pub mod variables;

pub use estimate::Estimate;
pub use keyword::{Category, Criticality, Frequency, PhaseKind, TriggerKind};
pub use model::*;

use crate::diagnostic::{self, Diagnostic, SourceText};
use std::path::Path;

/// A procedure file after loading: the procedure when it has no errors,
/// and every diagnostic found.
#[derive(Debug)]
pub struct Loaded {
    pub procedure: Option<Procedure>,
    pub source: SourceText,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
    /// The errors only (what stops a run).
    pub fn error_diagnostics(&self) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Loads a procedure from TOML bytes: syntax, fields and cross-references.
/// Never panics, whatever the bytes.
pub fn load_bytes(bytes: &[u8]) -> Loaded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let source = SourceText::new(String::from_utf8_lossy(bytes).into_owned());
            let d = Diagnostic::error(
                "not-utf8",
                format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[at]),
                Some(at..at + 1),
            )
            .with_hint("save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8 FILE`)");
            return Loaded {
                procedure: None,
                source,
                diagnostics: vec![d],
            };
        }
    };
    load_str(&text)
}

pub fn load_str(text: &str) -> Loaded {
    load_source(SourceText::new(text))
}

/// [`check_bytes`] of text the caller no longer needs: it becomes the
/// diagnostics' source without a copy (`pasos import` checks the TOML it
/// wrote this way, so a large import holds one copy of it).
pub fn check_string(text: String) -> Loaded {
    let source = SourceText::new(text);
    if source.text().len() < PARALLEL_CHECK_FROM {
        let mut loaded = load_source(source);
        if let Some(p) = &loaded.procedure {
            let mut warnings = lint::lint(p, &loaded.source);
            loaded.diagnostics.append(&mut warnings);
            diagnostic::sort(&mut loaded.diagnostics);
        }
        return loaded;
    }
    // A large procedure (an import's output) is validated and linted at
    // the same time on two threads; the lints are kept only when
    // validation found no error, as above, so the result is the same.
    let (procedure, mut diagnostics) = decode::decode(source.text());
    let Some(p) = procedure else {
        diagnostic::sort(&mut diagnostics);
        return Loaded {
            procedure: None,
            source,
            diagnostics,
        };
    };
    let (validated, linted) = std::thread::scope(|scope| {
        let linting = scope.spawn(|| lint::lint(&p, &source));
        let validated = validate::validate(&p, &source);
        match linting.join() {
            Ok(linted) => (validated, linted),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    diagnostics.extend(validated);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    if !has_errors {
        diagnostics.extend(linted);
    }
    diagnostic::sort(&mut diagnostics);
    Loaded {
        procedure: Some(p).filter(|_| !has_errors),
        source,
        diagnostics,
    }
}

/// From this size on, [`check_string`] lints on a second thread while it
/// validates (a 1 MB import writes about 1 MB of TOML; a hand-written
/// procedure is a few KB, where a thread costs more than it saves).
const PARALLEL_CHECK_FROM: usize = 256 * 1024;

fn load_source(source: SourceText) -> Loaded {
    let text = source.text();
    let (procedure, mut diagnostics) = decode::decode(text);
    if let Some(p) = &procedure {
        diagnostics.extend(validate::validate(p, &source));
    }
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    diagnostic::sort(&mut diagnostics);
    Loaded {
        procedure: procedure.filter(|_| !has_errors),
        source,
        diagnostics,
    }
}

/// Loads and lints: what `pasos check` reports.
pub fn check_bytes(bytes: &[u8]) -> Loaded {
    let mut loaded = load_bytes(bytes);
    if let Some(p) = &loaded.procedure {
        let mut warnings = lint::lint(p, &loaded.source);
        loaded.diagnostics.append(&mut warnings);
        diagnostic::sort(&mut loaded.diagnostics);
    }
    loaded
}

/// Reads and checks a file. Markdown runbooks are imported in memory
/// (see [`import`]) and the generated TOML is checked; the diagnostics'
/// positions are then in that TOML, and their hints say so.
/// A heading or front matter first (after a BOM and blank lines), and no
/// TOML table header anywhere near the top.
fn looks_like_markdown(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}');
    let first = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let toml_header = head.lines().any(|l| {
        let t = l.trim();
        t.starts_with("[procedure]") || t.starts_with("[[phases")
    });
    !toml_header && (first.starts_with('#') || first == "---")
}

/// Reads (a regular file, under the size cap) and checks `path`.
pub fn check_path(path: &Path) -> Result<Loaded, source_file::SourceError> {
    let bytes = source_file::read(path, source_file::cap(source_file::PROCEDURE_CAP))?;
    Ok(check_file(path, &bytes))
}

/// Checks the bytes of a file already read; `path` names it and its
/// extension says TOML or Markdown (the content decides otherwise).
pub fn check_file(path: &Path, bytes: &[u8]) -> Loaded {
    read_file(path, bytes, true)
}

/// [`check_file`] without the lint: what a command that runs or exports
/// the procedure needs (lint findings are warnings, which never stop it),
/// without the lint's time on the path to the first frame.
pub fn load_file(path: &Path, bytes: &[u8]) -> Loaded {
    read_file(path, bytes, false)
}

fn read_file(path: &Path, bytes: &[u8], lint: bool) -> Loaded {
    let check = |b: &[u8]| if lint { check_bytes(b) } else { load_bytes(b) };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_markdown = match ext.as_deref() {
        Some("md" | "markdown") => true,
        Some("toml") => false,
        // Runbooks arrive as .txt or without an extension: the content decides.
        _ => looks_like_markdown(bytes),
    };
    if is_markdown {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "runbook.md".into());
        let options = import::Options {
            repair: true,
            source_name: name.clone(),
        };
        if let Some(at) = import::encoding::binary_at(bytes) {
            // Positions in the text as it reads, up to the NUL byte.
            let start = String::from_utf8_lossy(&bytes[..at]).len();
            let source = SourceText::new(String::from_utf8_lossy(bytes).into_owned());
            let d = Diagnostic::error(
                "not-text",
                "a NUL byte: this is a binary file (an image, an archive, random data), not a text runbook",
                Some(start..start + 1),
            )
            .with_hint("give the Markdown or TOML file of the procedure");
            return Loaded {
                procedure: None,
                source,
                diagnostics: vec![d],
            };
        }
        let imported = import::import_bytes(bytes, &options);
        let mut loaded = check(imported.toml.as_bytes());
        let toml_name = Path::new(&name).with_extension("toml");
        let note = format!(
            "line:col are in the TOML imported from {name}; see it with `pasos import {} -o {}`",
            path.display(),
            toml_name.display()
        );
        for d in &mut loaded.diagnostics {
            d.hint = Some(match d.hint.take() {
                Some(h) => format!("{h} ({note})"),
                None => note.clone(),
            });
        }
        return loaded;
    }
    check(bytes)
}

/// Every line of the shipped procedures and the test fixtures: the corpus
/// the differential tests run a fast path and its oracle over.
#[cfg(test)]
pub(crate) fn corpus_lines() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("procedures"), root.join("tests/fixtures")];
    let mut lines = Vec::new();
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("corpus dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                lines.extend(t.lines().map(str::to_string));
            }
        }
    }
    assert!(lines.len() > 5_000, "only {} corpus lines", lines.len());
    lines
}

#[cfg(test)]
mod parallel_check_tests {
    use super::*;

    /// What `check_string` did on one thread: the oracle.
    fn one_thread(text: String) -> Loaded {
        let mut loaded = load_source(SourceText::new(text));
        if let Some(p) = &loaded.procedure {
            let mut warnings = lint::lint(p, &loaded.source);
            loaded.diagnostics.append(&mut warnings);
            diagnostic::sort(&mut loaded.diagnostics);
        }
        loaded
    }

    fn large_toml() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        let mut md = String::new();
        for f in files {
            md.push_str(&String::from_utf8_lossy(&std::fs::read(f).expect("read")));
            md.push_str("\n\n");
        }
        let options = import::Options {
            repair: true,
            source_name: "corpus.md".into(),
        };
        // The corpus twice: about 340 KB of TOML.
        let toml = import::import_str(&md.repeat(2), &options).toml;
        assert!(toml.len() >= PARALLEL_CHECK_FROM, "{} bytes", toml.len());
        toml
    }

    #[test]
    fn two_threads_find_what_one_thread_finds() {
        let toml = large_toml();
        let two = check_string(toml.clone());
        let one = one_thread(toml);
        assert!(two.warnings() > 0);
        assert_eq!(two.diagnostics, one.diagnostics);
        assert_eq!(two.procedure.is_some(), one.procedure.is_some());
    }

    #[test]
    fn with_a_validation_error_the_lints_are_left_out_as_before() {
        let toml = large_toml() + "\n[[decision]]\nid = \"orphan\"\nyes = \"no-such-node\"\n";
        let two = check_string(toml.clone());
        let one = one_thread(toml);
        // A validation error (not a decode error): the two-thread path ran.
        assert!(
            two.diagnostics
                .iter()
                .any(|d| d.is_error() && d.code == "unknown-reference"),
            "{:?}",
            two.diagnostics.first()
        );
        assert_eq!(two.diagnostics, one.diagnostics);
        assert!(two.procedure.is_none() && one.procedure.is_none());
    }
}
