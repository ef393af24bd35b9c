//! `pasos run FILE`: the procedure is loaded and validated exactly as a run
//! would; running it arrives with the run engine.

use super::args::RunArgs;
use super::{EXIT_BAD_INPUT, EXIT_NOT_YET, color};
use pasos::diagnostic::render_human;
use pasos::procedure;

pub fn run(args: &RunArgs) -> u8 {
    let shown = args.file.display().to_string();
    let loaded = match procedure::check_path(&args.file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("pasos: cannot read {shown}: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let Some(p) = &loaded.procedure else {
        let errors: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        eprint!(
            "{}",
            render_human(&shown, &loaded.source, &errors, color::stderr_color())
        );
        eprintln!(
            "pasos: {shown} has {} error(s); fix them and run again (`pasos check {shown}` lists warnings too)",
            errors.len()
        );
        return EXIT_BAD_INPUT;
    };
    println!("{} — {} (v{})", p.meta.id, p.meta.title, p.meta.version);
    for phase in &p.phases {
        let budget = phase.budget.map(|b| format!(" [{b}]")).unwrap_or_default();
        println!("\n{}{budget}", phase.title);
        for s in &phase.steps {
            let est = s
                .estimate
                .map(|e| e.to_string())
                .unwrap_or_else(|| "?".into());
            println!("  [ ] {:<5} {:<52} {est:>8}", s.id, s.title);
        }
    }
    if !p.rollback.steps.is_empty() {
        println!("\nRollback");
        for s in &p.rollback.steps {
            let est = s
                .estimate
                .map(|e| e.to_string())
                .unwrap_or_else(|| "?".into());
            println!("  [ ] {:<5} {:<52} {est:>8}", s.id, s.title);
        }
    }
    eprintln!(
        "\npasos run: the procedure is valid, but executing it is not available in this build yet \
(the run engine is being built)."
    );
    EXIT_NOT_YET
}
