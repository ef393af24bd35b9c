//! History: all journals, read back for listings, reviews, reports and KPIs.

pub mod kpi;
pub mod listing;
pub mod local_time;
pub mod people;
pub mod record;
pub mod report;
pub mod review;
pub mod scan;
pub mod timeline;
pub mod words;

pub use record::{RunRecord, RunStatus};
