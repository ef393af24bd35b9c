//! `pasos report RUN`: the incident / post-mortem report of a past run,
//! in Markdown, from its journal alone.
//!
//! Exit codes: 0 written; 1 written, but the journal does not verify (the
//! report says so at the top); 2 bad input (unknown or ambiguous run, an
//! unreadable journal, an output file that exists without `--force`).
//!
//! `-o FILE` creates the file with mode 0644 (before the umask): a report
//! is meant to be shared, and what it holds was already redacted in the
//! journal. It refuses to replace an existing file unless `--force`,
//! because people fill in the root cause and the action items by hand and
//! regenerating must not lose that.

use super::args::{Global, ReportArgs};
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK};
use pasos::history::report::{Integrity, ReportInput, render};
use pasos::history::review::RunReview;
use pasos::journal::{store, verify_file};
use pasos::paths::Paths;
use std::io::Write;
use std::path::Path;

pub fn run(args: &ReportArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let fail = |msg: String| {
        eprintln!("pasos report: {msg}");
        EXIT_BAD_INPUT
    };
    let severity = args.severity.as_deref().map(str::trim);
    if severity.is_some_and(str::is_empty) {
        return fail(pasos::tr!(lang, "report-cli-empty-severity").to_string());
    }
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    if let Err(code) = super::remote::prepare_history(&paths, global) {
        return code;
    }
    let journal = match store::history_find(&paths.data, &args.run) {
        Ok(p) => p,
        Err(e) => return fail(pasos::i18n::find_error(lang, &e)),
    };
    let shown = journal.display().to_string();
    let v = match verify_file(&journal) {
        Ok(v) => v,
        Err(e) => {
            return fail(pasos::tr!(
                lang,
                "report-cli-cannot-read",
                path = shown.to_string(),
                error = e.to_string()
            ));
        }
    };
    let integrity = Integrity::of(&v);
    let Some(review) = RunReview::from_lines(&v.lines) else {
        let why = integrity.problem.clone().unwrap_or_else(|| "-".into());
        return fail(pasos::tr!(
            lang,
            "report-cli-not-a-run",
            path = shown.to_string(),
            error = why.to_string()
        ));
    };
    let mut text = render(
        &ReportInput {
            review: &review,
            lines: &v.lines,
            integrity: &integrity,
            severity,
        },
        lang,
        &chrono::Local,
    );
    let receipt = match super::verify::receipt(&paths, &journal, lang) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    text.push_str(&receipt.markdown(lang));
    match &args.output {
        None => print!("{text}"),
        Some(path) => {
            if let Err(code) = write(path, &text, args.force, lang) {
                return code;
            }
            eprintln!(
                "pasos report: {}",
                pasos::tr!(lang, "report-cli-wrote", path = path.display().to_string())
            );
        }
    }
    if integrity.verified() && receipt.ok {
        EXIT_OK
    } else {
        let id = &review.record.run_id;
        eprintln!(
            "pasos report: {}",
            pasos::tr!(lang, "report-cli-unverified", run = id.to_string())
        );
        EXIT_FAILED
    }
}

/// Creates the report file (0644), refusing an existing one unless `force`.
fn write(path: &Path, text: &str, force: bool, lang: pasos::i18n::Lang) -> Result<(), u8> {
    let shown = path.display().to_string();
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o644);
    }
    let result = options
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()));
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "pasos report: {}",
                pasos::tr!(lang, "report-cli-exists", path = shown.to_string())
            );
            Err(EXIT_BAD_INPUT)
        }
        Err(e) => {
            eprintln!(
                "pasos report: {}",
                pasos::tr!(
                    lang,
                    "report-cli-cannot-write",
                    path = shown.to_string(),
                    error = e.to_string()
                )
            );
            Err(EXIT_BAD_INPUT)
        }
    }
}
