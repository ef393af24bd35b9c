//! The lint rules of `pasos check` that look beyond the file: `review-due`
//! (today's date) and `version-not-bumped` (the history's most recent run
//! of the procedure). The history is scanned once, on the first procedure
//! that loads, through the KPI index; without a readable history the
//! second rule is left out, never the check.

use super::args::Global;
use pasos::catalog::cadence;
use pasos::diagnostic;
use pasos::history::record::RunRecord;
use pasos::history::scan::{ScanOptions, scan};
use pasos::paths::Paths;
use pasos::procedure::Loaded;
use pasos::procedure::lint::{Context, LastRun, lint_in_context};

pub struct History {
    data: Option<std::path::PathBuf>,
    /// `None` until the first scan; `Some(empty)` when there is no history.
    runs: Option<Vec<RunRecord>>,
}

impl History {
    pub fn new(global: &Global) -> History {
        let data = Paths::resolve(global.config_dir.clone(), global.data_dir.clone())
            .ok()
            .map(|p| p.data);
        History { data, runs: None }
    }

    fn runs(&mut self) -> &[RunRecord] {
        let data = self.data.clone();
        self.runs.get_or_insert_with(|| {
            data.filter(|d| d.is_dir())
                .and_then(|d| scan(&d, &ScanOptions::default()).ok())
                .map(|s| s.runs)
                .unwrap_or_default()
        })
    }

    /// `loaded` with the context rules' warnings added.
    pub fn lint(&mut self, mut loaded: Loaded) -> Loaded {
        let Some(p) = &loaded.procedure else {
            return loaded;
        };
        let id = p.meta.id.clone();
        let last_run = self
            .runs()
            .iter()
            .rev()
            .find(|r| r.procedure_id == id && !r.plan.is_empty())
            .map(|r| LastRun {
                run_id: r.run_id.clone(),
                version: r.version.clone(),
                steps: r.plan.iter().map(|s| s.id.clone()).collect(),
            });
        let context = Context {
            today: Some(cadence::today()),
            last_run,
        };
        let Some(p) = &loaded.procedure else {
            return loaded;
        };
        let mut more = lint_in_context(p, &loaded.source, &context);
        if !more.is_empty() {
            loaded.diagnostics.append(&mut more);
            diagnostic::sort(&mut loaded.diagnostics);
        }
        loaded
    }
}
