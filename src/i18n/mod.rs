//! Every user-visible string, in Spanish and English. The catalog
//! (`catalog`, Fluent files under `ftl/`) is the one place strings live;
//! `vocab` names the run's vocabularies (step states, outcomes, refusals,
//! causes) through it. The older per-area structs (`export`, `kpi`,
//! `report`, `review`) are being moved into it.

pub mod catalog;
#[cfg(test)]
mod catalog_check;
pub mod export;
pub mod kpi;
pub mod report;
pub mod review;
pub mod vocab;

pub use vocab::{criticality, find_error, io_error, item_name, refusal, run_outcome, step_status};

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

/// Tests: both languages of every pair have the same number of `{}`
/// placeholders, and at least one (the pairs are the templates).
#[cfg(test)]
pub(crate) fn assert_same_placeholders(pairs: &[(&str, &str)]) {
    for (es, en) in pairs {
        let (a, b) = (es.matches("{}").count(), en.matches("{}").count());
        assert_eq!(a, b, "{es} / {en}");
        assert!(a > 0, "{es} has no placeholder");
    }
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("a {} b {}", &["1", "2"]), "a 1 b 2");
    }
}
