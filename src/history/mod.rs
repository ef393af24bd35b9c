//! History: all journals, read back for listings, reviews and KPIs.

pub mod summary;
pub mod timeline;

pub use summary::RunSummary;
