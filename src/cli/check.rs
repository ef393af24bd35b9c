//! `pasos check FILE...`: validate and lint, for people or for machines.

use super::args::{CheckArgs, CheckFormat};
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, color};
use pasos::diagnostic::{Diagnostic, FileReport, SourceText, render_human, render_json};
use pasos::i18n::Lang;
use pasos::procedure::source_file::SourceError;
use pasos::procedure::{self, Loaded, lint::RULES};
use pasos::tr;
use std::io::Read;
use std::path::Path;

pub fn run(args: &CheckArgs, global: &super::args::Global) -> u8 {
    let lang = super::help::lang_of(std::env::args());
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
    let mut history = super::check_history::History::new(global);
    for path in &args.files {
        let shown = path.display().to_string();
        let loaded = match check_file(path) {
            Ok(l) => history.lint(l),
            Err(e) => {
                any_error = true;
                match args.format {
                    CheckFormat::Human => println!(
                        "{}[unreadable]: {}\n",
                        tr!(lang, "check-severity-error"),
                        tr!(
                            lang,
                            "check-unreadable",
                            path = pasos::diagnostic::printable(&shown).to_string(),
                            error = e.describe(lang)
                        )
                    ),
                    CheckFormat::Json => reports.push(unreadable(&shown, &e, lang)),
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
                    render_human(&shown, &loaded.source, &loaded.diagnostics, color, lang)
                );
                println!(
                    "{}",
                    pasos::diagnostic::printable(&summary(&shown, &loaded, args.strict, lang))
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
                "\n{}",
                tr!(
                    lang,
                    "check-files",
                    count = args.files.len(),
                    passed = ok_files,
                    failed = args.files.len() - ok_files
                )
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

fn summary(path: &str, loaded: &Loaded, strict: bool, lang: Lang) -> String {
    let (e, w) = (loaded.errors(), loaded.warnings());
    let warnings = tr!(lang, "check-warnings", count = w);
    match (&loaded.procedure, e) {
        (Some(_), 0) if strict && w > 0 => {
            tr!(
                lang,
                "check-failed-strict",
                path = path,
                warnings = warnings
            )
        }
        (Some(p), 0) => {
            let estimate = p
                .meta
                .estimate
                .map(|e| tr!(lang, "check-estimate", estimate = e.to_string()))
                .unwrap_or_default();
            let steps = tr!(lang, "check-steps", count = p.steps().count());
            let phases = tr!(lang, "check-phases", count = p.phases.len());
            let rollback = tr!(lang, "check-rollback-steps", count = p.rollback.steps.len());
            let (id, title) = (p.meta.id.as_str(), p.meta.title.as_str());
            if w > 0 {
                tr!(
                    lang,
                    "check-ok-warnings",
                    path = path,
                    warnings = warnings,
                    id = id,
                    title = title,
                    steps = steps,
                    phases = phases,
                    rollback = rollback,
                    estimate = estimate
                )
            } else {
                tr!(
                    lang,
                    "check-ok",
                    path = path,
                    id = id,
                    title = title,
                    steps = steps,
                    phases = phases,
                    rollback = rollback,
                    estimate = estimate
                )
            }
        }
        _ => tr!(
            lang,
            "check-not-ok",
            path = path,
            errors = tr!(lang, "check-errors", count = e),
            warnings = warnings
        ),
    }
}

fn unreadable(path: &str, e: &SourceError, lang: Lang) -> FileReport {
    let source = pasos::diagnostic::SourceText::new("");
    let text = tr!(
        lang,
        "check-unreadable",
        path = pasos::diagnostic::printable(path).to_string(),
        error = e.describe(lang)
    );
    let d = Diagnostic::error("unreadable", text, None);
    FileReport::new(path, &source, &[d], false)
}
