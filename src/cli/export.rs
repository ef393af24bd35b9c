//! `pasos export FILE` prints the quick checklist of a procedure;
//! `pasos export --run RUN_ID` the filled checklist of a past run.

use super::args::{ExportArgs, ExportFormat, Global};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use pasos::export::{self, Doc, Format, from_procedure, from_run};
use pasos::history::review::RunReview;
use pasos::journal::{Event, line::sha256_hex, store, verify_file};
use pasos::paths::Paths;
use pasos::procedure::{self, Procedure};
use std::path::{Path, PathBuf};

pub fn run(args: &ExportArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let doc = match (&args.run, &args.file) {
        (Some(run), _) => run_doc(run, global, lang),
        (None, Some(file)) => procedure_doc(file, lang),
        (None, None) => {
            eprintln!("pasos: name a procedure file, or a run with --run RUN_ID");
            Err(EXIT_BAD_INPUT)
        }
    };
    let doc = match doc {
        Ok(d) => d,
        Err(code) => return code,
    };
    let format = match args.format {
        ExportFormat::Txt => Format::Txt,
        ExportFormat::Md => Format::Md,
        ExportFormat::Html => Format::Html,
    };
    let text = export::render(&doc, format);
    match &args.output {
        None => {
            print!("{text}");
            EXIT_OK
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("pasos: cannot write {}: {e}", path.display());
                EXIT_BAD_INPUT
            }
        },
    }
}

fn procedure_doc(file: &Path, lang: pasos::i18n::Lang) -> Result<Doc, u8> {
    let (p, _) = super::load::procedure(file, "export")?;
    Ok(from_procedure::build(&p, lang))
}

fn run_doc(run: &str, global: &Global, lang: pasos::i18n::Lang) -> Result<Doc, u8> {
    let paths =
        Paths::resolve(global.config_dir.clone(), global.data_dir.clone()).map_err(|e| {
            eprintln!("pasos: {e}");
            EXIT_BAD_INPUT
        })?;
    super::remote::prepare_history(&paths, global)?;
    let journal = store::history_find(&paths.data, run).map_err(|e| {
        eprintln!("pasos: {}", pasos::i18n::find_error(lang, &e));
        EXIT_BAD_INPUT
    })?;
    let v = verify_file(&journal).map_err(|e| {
        eprintln!("pasos: cannot read {}: {e}", journal.display());
        EXIT_BAD_INPUT
    })?;
    let Some(review) = RunReview::from_lines(&v.lines) else {
        eprintln!(
            "pasos: {} does not start with a run-started event; `pasos log verify {run}` says more",
            journal.display()
        );
        return Err(EXIT_BAD_INPUT);
    };
    let procedure = same_procedure(&v.lines);
    let integrity = from_run::Integrity::of(&v);
    let mut doc = from_run::build(
        &review,
        &integrity,
        procedure.as_ref(),
        lang,
        &chrono::Local,
    );
    let receipt = super::verify::receipt(&paths, &journal, lang).map_err(|e| {
        eprintln!("pasos: {e}");
        EXIT_BAD_INPUT
    })?;
    doc.sections
        .push(pasos::export::receipt::section(&receipt, lang));
    Ok(doc)
}

/// The run's procedure file, when it is still where the run read it and
/// unchanged (same SHA-256): it names the phases. `RunReview` does not
/// keep the source path and digest, so they come from `run-started`.
fn same_procedure(lines: &[pasos::journal::Line]) -> Option<Procedure> {
    let Event::RunStarted {
        source,
        procedure_sha256,
        ..
    } = &lines.first()?.event
    else {
        return None;
    };
    let path = PathBuf::from(source);
    let bytes = std::fs::read(&path).ok()?;
    if sha256_hex(&bytes) != *procedure_sha256 {
        return None;
    }
    procedure::check_file(&path, &bytes).procedure
}
