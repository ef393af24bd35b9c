//! `pasos check FILE...`: validate and lint, for people or for machines.

use super::args::{CheckArgs, CheckFormat};
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, color};
use pasos::diagnostic::{Diagnostic, FileReport, SourceText, render_human, render_json};
use pasos::procedure::source_file::SourceError;
use pasos::procedure::{self, Loaded, lint::RULES};
use std::io::Read;
use std::path::Path;

pub fn run(args: &CheckArgs) -> u8 {
    if args.rules {
        for (name, what) in RULES {
            println!("{name:<28} {what}");
        }
        return EXIT_OK;
    }
    let color = color::stdout_color();
    let mut reports = Vec::new();
    let (mut any_error, mut any_warning) = (false, false);
    let mut ok_files = 0;
    for path in &args.files {
        let shown = path.display().to_string();
        let loaded = match check_file(path) {
            Ok(l) => l,
            Err(e) => {
                any_error = true;
                match args.format {
                    CheckFormat::Human => println!(
                        "error[unreadable]: cannot read {}: {e}\n",
                        pasos::diagnostic::printable(&shown)
                    ),
                    CheckFormat::Json => reports.push(unreadable(&shown, &e)),
                }
                continue;
            }
        };
        any_error |= loaded.errors() > 0;
        any_warning |= loaded.warnings() > 0;
        if loaded.errors() == 0 && !(args.strict && loaded.warnings() > 0) {
            ok_files += 1;
        }
        match args.format {
            CheckFormat::Human => {
                print!(
                    "{}",
                    render_human(&shown, &loaded.source, &loaded.diagnostics, color)
                );
                println!(
                    "{}",
                    pasos::diagnostic::printable(&summary(&shown, &loaded, args.strict))
                );
            }
            CheckFormat::Json => reports.push(FileReport::new(
                &shown,
                &loaded.source,
                &loaded.diagnostics,
                args.strict,
            )),
        }
    }
    match args.format {
        CheckFormat::Json => println!("{}", render_json(&reports)),
        CheckFormat::Human if args.files.len() > 1 => {
            println!(
                "\nchecked {} files: {ok_files} passed, {} did not",
                args.files.len(),
                args.files.len() - ok_files
            );
        }
        CheckFormat::Human => {}
    }
    if any_error {
        EXIT_BAD_INPUT
    } else if args.strict && any_warning {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

/// Checks one file. UTF-16 is recognised first: read as UTF-8 it would
/// only be "not UTF-8" with a snippet of NUL bytes.
fn check_file(path: &Path) -> Result<Loaded, SourceError> {
    let mut head = Vec::with_capacity(4);
    // Only a regular file is opened to peek (a FIFO would block).
    if std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::File::open(path)
            .and_then(|f| f.take(4).read_to_end(&mut head))
            .is_ok()
        && let Some(d) = utf16_problem(&head)
    {
        return Ok(Loaded {
            procedure: None,
            source: SourceText::new(""),
            diagnostics: vec![d],
        });
    }
    procedure::check_path(path)
}

/// A file in UTF-16 (what some Windows editors save), told apart from any
/// other non-UTF-8 file by its first bytes: it needs its own fix.
fn utf16_problem(head: &[u8]) -> Option<Diagnostic> {
    let why = match head {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => "it starts with a UTF-16 byte order mark",
        [a, 0, b, 0, ..] | [0, a, 0, b, ..]
            if a.is_ascii() && b.is_ascii() && *a != 0 && *b != 0 =>
        {
            "every other byte is zero"
        }
        _ => return None,
    };
    Some(
        Diagnostic::error(
            "not-utf8",
            format!("the file is UTF-16 ({why}), not UTF-8"),
            None,
        )
        .with_hint("save it as UTF-8 (e.g. `iconv -f utf-16 -t utf-8 FILE`)"),
    )
}

fn summary(path: &str, loaded: &Loaded, strict: bool) -> String {
    let (e, w) = (loaded.errors(), loaded.warnings());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (&loaded.procedure, e) {
        (Some(_), 0) if strict && w > 0 => {
            format!("{path}: failed (--strict): {}", plural(w, "warning"))
        }
        (Some(p), 0) => {
            let steps = p.steps().count();
            let estimate = p
                .meta
                .estimate
                .map(|e| format!(", estimate {e}"))
                .unwrap_or_default();
            let warn = if w > 0 {
                format!(" with {}", plural(w, "warning"))
            } else {
                String::new()
            };
            format!(
                "{path}: ok{warn} — {} `{}`: {} in {}, {}{estimate}",
                p.meta.id,
                p.meta.title,
                plural(steps, "step"),
                plural(p.phases.len(), "phase"),
                plural(p.rollback.steps.len(), "rollback step"),
            )
        }
        _ => format!("{path}: {}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

fn unreadable(path: &str, e: &SourceError) -> FileReport {
    let source = pasos::diagnostic::SourceText::new("");
    let d = Diagnostic::error("unreadable", format!("cannot read {path}: {e}"), None);
    FileReport::new(path, &source, &[d], false)
}
