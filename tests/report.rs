//! The review of a past run (`history::review::RunReview`) over journals
//! written here with fixed times, and `pasos report` on them.

#[path = "report/cli.rs"]
mod cli;
#[path = "report/golden.rs"]
mod golden;
#[path = "report/journals.rs"]
mod journals;
#[path = "report/review.rs"]
mod review;
#[path = "report/scenarios.rs"]
mod scenarios;
