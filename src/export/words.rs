//! The procedure's and the run's enumerations in the checklist's words
//! (catalog area `export`). How a run ended is `history::RunStatus`'s.

use crate::i18n::Lang;
use crate::journal::StepOutcome;
use crate::procedure::{Category, Criticality, TriggerKind};
use crate::tr;

pub fn category(lang: Lang, c: Category) -> String {
    match c {
        Category::Deployment => tr!(lang, "export-cat-deployment"),
        Category::Rollback => tr!(lang, "export-cat-rollback"),
        Category::Maintenance => tr!(lang, "export-cat-maintenance"),
        Category::Troubleshooting => tr!(lang, "export-cat-troubleshooting"),
        Category::Scaling => tr!(lang, "export-cat-scaling"),
        Category::DisasterRecovery => tr!(lang, "export-cat-disaster-recovery"),
    }
}

pub fn criticality(lang: Lang, c: Criticality) -> String {
    match c {
        Criticality::Low => tr!(lang, "export-crit-low"),
        Criticality::Medium => tr!(lang, "export-crit-medium"),
        Criticality::High => tr!(lang, "export-crit-high"),
        Criticality::Critical => tr!(lang, "export-crit-critical"),
    }
}

pub fn trigger_kind(lang: Lang, k: TriggerKind) -> String {
    match k {
        TriggerKind::Automatic => tr!(lang, "export-automatic"),
        TriggerKind::Manual => tr!(lang, "export-manual"),
    }
}

pub fn step_outcome(lang: Lang, o: StepOutcome) -> String {
    match o {
        StepOutcome::Done => tr!(lang, "export-st-done"),
        StepOutcome::Failed => tr!(lang, "export-st-failed"),
        StepOutcome::Skipped => tr!(lang, "export-st-skipped"),
        StepOutcome::RolledBack => tr!(lang, "export-st-rolled-back"),
        StepOutcome::Interrupted => tr!(lang, "export-st-interrupted"),
    }
}
