//! History: all journals, read back for listings, reviews, reports and KPIs.

pub mod kpi;
pub mod listing;
pub mod local_time;
pub mod report;
pub mod review;
pub mod scan;
pub mod summary;
pub mod timeline;

pub use summary::RunSummary;
