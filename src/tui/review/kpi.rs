//! The KPI screen's state: the figures of every procedure (from the
//! history's scan and index), which one is shown, and the step selected.

use crate::history::kpi::{Filter, Kpis, ProcedureKpi, compute};
use crate::history::scan::{ScanOptions, scan};
use std::path::Path;

pub struct KpiView {
    pub kpis: Kpis,
    /// Index into `kpis.procedures`.
    pub procedure: usize,
    pub step_row: usize,
}

impl KpiView {
    /// Every procedure's figures, showing `select` (a procedure id) first.
    pub fn load(data: &Path, select: Option<&str>) -> Result<KpiView, String> {
        let scan = scan(data, &ScanOptions::default())
            .map_err(|e| format!("cannot read the history in {}: {e}", data.display()))?;
        Ok(KpiView::new(compute(&scan, &Filter::default()), select))
    }

    pub fn new(kpis: Kpis, select: Option<&str>) -> KpiView {
        let procedure = select
            .and_then(|id| {
                kpis.procedures
                    .iter()
                    .position(|p| p.procedure_id.eq_ignore_ascii_case(id))
            })
            .unwrap_or(0);
        KpiView {
            kpis,
            procedure,
            step_row: 0,
        }
    }

    pub fn current(&self) -> Option<&ProcedureKpi> {
        self.kpis.procedures.get(self.procedure)
    }

    /// Next or previous procedure, wrapping around.
    pub fn cycle(&mut self, forward: bool) {
        let n = self.kpis.procedures.len();
        if n == 0 {
            return;
        }
        self.procedure = if forward {
            (self.procedure + 1) % n
        } else {
            (self.procedure + n - 1) % n
        };
        self.step_row = 0;
    }
}
