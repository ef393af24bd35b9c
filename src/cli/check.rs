//! `pasos check FILE...`: validate and lint, for people or for machines.

use super::args::{CheckArgs, CheckFormat};
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, color};
use pasos::diagnostic::{FileReport, render_human, render_json};
use pasos::procedure::{self, Loaded, lint::RULES};

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
        let loaded = match procedure::check_path(path) {
            Ok(l) => l,
            Err(e) => {
                any_error = true;
                match args.format {
                    CheckFormat::Human => println!("error[unreadable]: cannot read {shown}: {e}\n"),
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
                println!("{}", summary(&shown, &loaded));
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

fn summary(path: &str, loaded: &Loaded) -> String {
    let (e, w) = (loaded.errors(), loaded.warnings());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (&loaded.procedure, e) {
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
                "{path}: ok{warn} — {} `{}`: {} in {}, {} rollback steps{estimate}",
                p.meta.id,
                p.meta.title,
                plural(steps, "step"),
                plural(p.phases.len(), "phase"),
                p.rollback.steps.len(),
            )
        }
        _ => format!("{path}: {}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

fn unreadable(path: &str, e: &std::io::Error) -> FileReport {
    let source = pasos::diagnostic::SourceText::new("");
    let d = pasos::diagnostic::Diagnostic::error(
        "unreadable",
        format!("cannot read {path}: {e}"),
        None,
    );
    FileReport::new(path, &source, &[d], false)
}
