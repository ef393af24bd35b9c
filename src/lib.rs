//! pasos: guides an operator through a runbook step by step, with timers,
//! the rollback tree and a real shell, and records what happened.
//!
//! Module map (see `docs/` and DESIGN): `procedure` (model, loading, lint),
//! `diagnostic` (errors a person can act on), `paths` (where files live).

pub mod catalog;
pub mod diagnostic;
pub mod export;
pub mod history;
pub mod i18n;
pub mod journal;
pub mod paths;
pub mod plain;
pub mod procedure;
pub mod remote;
pub mod run;
pub mod runner;
pub mod secret;
pub mod shell;
pub mod trust;
pub mod tui;
