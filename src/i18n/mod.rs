//! Every user-visible string, in Spanish and English. The catalog
//! (`catalog`, Fluent files under `ftl/`) is the one place strings live;
//! `vocab` names the run's vocabularies (step states, run ends, refusals,
//! item names, criticality) through it.

pub mod catalog;
#[cfg(test)]
mod catalog_check;
pub mod vocab;

pub use vocab::{
    criticality, find_error, io_error, item_name, plan_note, refusal, run_outcome, step_status,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Es,
    En,
}

impl Lang {
    /// From `LC_ALL`, `LC_MESSAGES`, then `LANG`; Spanish when it says
    /// `es`, English otherwise.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return if v.to_ascii_lowercase().starts_with("es") {
                    Lang::Es
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }
}
