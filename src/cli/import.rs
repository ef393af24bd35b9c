//! `pasos import FILE.md [-o FILE.toml] [--report] [--no-repair]`: converts
//! a Markdown runbook into a procedure. The TOML goes to the file or to
//! standard output; the report (with `--report`) goes to standard output
//! when the TOML went to a file, else to standard error.

use super::args::ImportArgs;
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, color};
use pasos::diagnostic::render_human;
use pasos::procedure::{self, import};

pub fn run(args: &ImportArgs, lang: pasos::i18n::Lang) -> u8 {
    import::warm_up();
    let shown = args.file.display().to_string();
    let cap = procedure::source_file::cap(procedure::source_file::IMPORT_CAP);
    let bytes = match procedure::source_file::read(&args.file, cap) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("pasos import: cannot read {shown}: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    if let Some(at) = import::encoding::binary_at(&bytes) {
        let (line, col) = import::encoding::line_col(&bytes, at);
        eprintln!(
            "{}",
            pasos::tr!(
                lang,
                "import-not-text",
                file = shown.as_str(),
                line = line,
                col = col
            )
        );
        return EXIT_BAD_INPUT;
    }
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let options = import::Options {
        repair: !args.no_repair,
        source_name: name,
    };
    let import::Imported {
        procedure: imported_procedure,
        toml,
        report,
    } = import::import_vec(bytes, &options);

    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &toml) {
                eprintln!("pasos import: cannot write {}: {e}", path.display());
                return EXIT_BAD_INPUT;
            }
        }
        None => print!("{toml}"),
    }
    if args.report {
        let text = report.render_in(lang);
        if args.output.is_some() {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    }
    // The summary needs the totals and the risks only: the report's
    // entries (one per source range) go before the check, and the TOML
    // moves into it (no second copy of a large import).
    let import::report::Report { totals, risks, .. } = report;
    let loaded = import::verify::check_emitted(imported_procedure, toml);
    let t = &totals;
    let check = match (loaded.errors(), loaded.warnings()) {
        (0, w) => pasos::tr!(lang, "import-check-passes", count = w),
        (e, _) => pasos::tr!(lang, "import-check-fails", count = e),
    };
    let written = args
        .output
        .as_ref()
        .map(|p| format!(" -> {}", p.display()))
        .unwrap_or_default();
    eprintln!(
        "{}",
        pasos::tr!(
            lang,
            "import-summary-line",
            file = format!("{shown}{written}"),
            steps = t.steps,
            phases = t.phases,
            commands = t.commands,
            rollback = t.rollback_steps,
            notes = t.lines_to_notes,
            repaired = t.repaired_segments,
            check = check,
            details = if args.report { "no" } else { "yes" }
        )
    );
    let left = risks.left_to_human();
    let document = risks.document.map(|d| d.name()).unwrap_or("procedure");
    eprintln!(
        "{}",
        pasos::tr!(
            lang,
            "import-risk-line",
            document = document,
            gated = risks.gated.len(),
            placeholders = risks.placeholders.len(),
            demoted = risks.demoted.len(),
            count = left
        )
    );
    if loaded.errors() > 0 {
        let errors = loaded.error_diagnostics();
        eprint!(
            "{}",
            render_human(
                "imported.toml",
                &loaded.source,
                &errors,
                color::stderr_color(),
                super::help::lang_of(std::env::args())
            )
        );
        eprintln!(
            "pasos import: this is a bug in the importer; please report it with the Markdown file"
        );
        return EXIT_FAILED;
    }
    if args.strict && left > 0 {
        eprintln!("{}", pasos::tr!(lang, "import-strict-failed", count = left));
        return EXIT_FAILED;
    }
    EXIT_OK
}
