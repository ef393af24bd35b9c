//! The incident / post-mortem report of a run, in Markdown.
//!
//! Built from the journal alone ([`RunReview`] and the journal's lines):
//! a summary (procedure, severity, outcome, duration, operators,
//! environment, run id, the journal's integrity), a timeline table in the
//! local timezone with its offset, the steps with actual against estimated
//! times, deviations and notes, the rollback, the interruptions, and
//! sections for people to fill in (root cause, action items, lessons
//! learned). A journal that does not verify, and a run that has not
//! finished, say so at the top.

mod deviations;
mod markdown;
mod steps;
mod summary;
mod timeline;

use super::local_time;
use super::record::RunStatus;
use super::review::{RunReview, StepReview, Versus};
use crate::i18n::report::{ReportTexts, report_texts};
use crate::i18n::{Lang, fill};
use crate::journal::{Line, StepOutcome, Verification};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

pub use markdown::{code, escape};

/// What `pasos log verify` says about the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Integrity {
    /// Lines in the hash chain.
    pub events: usize,
    /// `None` when it verifies; else its first problem as `pasos log
    /// verify` prints it (`line 12: edited: …`), with how many more.
    pub problem: Option<String>,
    /// A torn last line (a write cut by a crash): (line, bytes). It does
    /// not make the journal fail.
    pub torn_tail: Option<(usize, u64)>,
}

impl Integrity {
    pub fn of(v: &Verification) -> Integrity {
        let problem = v.first_problem().map(|p| {
            let at = p.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let more = match v.problems.len() {
                0 | 1 => String::new(),
                n => format!(" (+{} more)", n - 1),
            };
            format!("{at}{}: {}{more}", p.kind, p.detail)
        });
        Integrity {
            events: v.events,
            problem,
            torn_tail: v.torn_tail.as_ref().map(|t| (t.line, t.bytes)),
        }
    }

    pub fn verified(&self) -> bool {
        self.problem.is_none()
    }
}

/// Everything a report is made of.
pub struct ReportInput<'a> {
    pub review: &'a RunReview,
    /// The journal's lines, for the timeline.
    pub lines: &'a [Line],
    pub integrity: &'a Integrity,
    /// `--severity`; a blank to fill when `None`.
    pub severity: Option<&'a str>,
}

/// The report, with times in `tz` (`chrono::Local` for people).
pub fn render<Tz: TimeZone>(input: &ReportInput, lang: Lang, tz: &Tz) -> String
where
    Tz::Offset: Display,
{
    let cx = Ctx {
        lang,
        t: report_texts(lang),
        tz,
        review: input.review,
    };
    let t = cx.t;
    let s = &input.review.record;
    let mut out = String::new();
    let unverified = if input.integrity.verified() {
        String::new()
    } else {
        format!(" {}", t.title_unverified)
    };
    out.push_str(&format!(
        "# {}{unverified}: {} {}\n\n",
        t.title,
        escape(&s.procedure_id),
        escape(&s.procedure_title)
    ));
    for warning in cx.warnings(input.integrity) {
        out.push_str(&format!("> {warning}\n\n"));
    }
    out.push_str(&summary::section(&cx, input));
    out.push_str(&timeline::section(&cx, input.lines));
    out.push_str(&steps::section(&cx));
    out.push_str(&deviations::section(&cx));
    out.push_str(&steps::rollback_section(&cx));
    out.push_str(&steps::interruptions_section(&cx));
    out.push_str(&format!("## {}\n\n{}\n\n", t.root_cause, t.to_fill));
    out.push_str(&format!("## {}\n\n", t.action_items));
    let blank: Vec<Vec<String>> = (1..=3).map(|n| vec![n.to_string()]).collect();
    out.push_str(&markdown::table(
        &t.action_columns,
        &[markdown::Align::Right],
        &blank,
    ));
    out.push_str(&format!("\n## {}\n\n{}\n\n", t.lessons, t.to_fill));
    out.push_str("---\n\n");
    out.push_str(&fill(t.footer, &[&code(&s.run_id)]));
    if !input.integrity.verified() {
        out.push(' ');
        out.push_str(t.footer_unverified);
    }
    out.push('\n');
    out
}

/// What the sections share: words, timezone, the run.
struct Ctx<'a, Tz: TimeZone> {
    lang: Lang,
    t: &'static ReportTexts,
    tz: &'a Tz,
    review: &'a RunReview,
}

impl<Tz: TimeZone> Ctx<'_, Tz>
where
    Tz::Offset: Display,
{
    fn datetime(&self, at: DateTime<Utc>) -> String {
        local_time::datetime(at, self.tz)
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        local_time::time(at, self.tz)
    }

    fn date(&self, at: DateTime<Utc>) -> chrono::NaiveDate {
        at.with_timezone(self.tz).date_naive()
    }

    /// The blockquotes at the top: an unverified journal, an unfinished
    /// run, a rehearsal.
    fn warnings(&self, integrity: &Integrity) -> Vec<String> {
        let (t, r) = (self.t, self.review);
        let mut out = Vec::new();
        if let Some(problem) = &integrity.problem {
            out.push(fill(
                t.warn_unverified,
                &[
                    &code(&format!("pasos log verify {}", r.record.run_id)),
                    &code(problem),
                ],
            ));
        }
        let resume = code(&format!("pasos run --resume {}", r.record.run_id));
        match r.record.status {
            RunStatus::Interrupted => {
                let last = r.interruptions.last();
                let when = last.map(|i| self.datetime(i.at)).unwrap_or_default();
                let why = last
                    .and_then(|i| i.cause.as_ref())
                    .map(|c| escape(&super::words::interruption(self.lang, c)))
                    .unwrap_or_else(|| "-".into());
                out.push(fill(t.warn_interrupted, &[&when, &why, &resume]));
            }
            RunStatus::Open => out.push(fill(
                t.warn_open,
                &[&self.datetime(r.record.last_event()), &resume],
            )),
            RunStatus::Finished(_) => {}
        }
        if r.record.mode == crate::journal::Mode::Rehearsal {
            out.push(t.warn_rehearsal.to_string());
        }
        out
    }

    fn outcome(&self, o: StepOutcome) -> &'static str {
        let t = self.t;
        match o {
            StepOutcome::Done => t.step_done,
            StepOutcome::Failed => t.step_failed,
            StepOutcome::Skipped => t.step_skipped,
            StepOutcome::RolledBack => t.step_rolled_back,
            StepOutcome::Interrupted => t.step_interrupted,
        }
    }

    /// A step's result for a table cell: failures in bold, and whether the
    /// rollback undid it.
    fn result(&self, s: &StepReview) -> String {
        let t = self.t;
        let word = match s.state {
            super::review::StepState::NotReached => t.step_not_reached.to_string(),
            super::review::StepState::InProgress => t.step_in_progress.to_string(),
            super::review::StepState::Ended(StepOutcome::Failed) => {
                format!("**{}**", t.step_failed)
            }
            super::review::StepState::Ended(o) => self.outcome(o).to_string(),
        };
        if s.undone {
            format!("{word} ({})", t.undone)
        } else {
            word
        }
    }

    /// A step's title for a table cell (undo steps named after their step).
    fn title(&self, s: &StepReview) -> String {
        match &s.kind {
            super::review::StepKind::Undo { of } => {
                let of_title = self
                    .review
                    .step(of)
                    .and_then(|o| o.title.clone())
                    .map(|t| format!(": {}", escape(&t)))
                    .unwrap_or_default();
                format!("{}{of_title}", fill(self.t.undo_of, &[&escape(of)]))
            }
            _ => s.title.as_deref().map(escape).unwrap_or_default(),
        }
    }

    fn versus(&self, v: Option<Versus>) -> String {
        match v {
            None => String::new(),
            Some(Versus::Within) => self.t.within.to_string(),
            Some(Versus::Over { by_ms }) => fill(self.t.over, &[&duration(by_ms)]),
            Some(Versus::Under { by_ms }) => fill(self.t.under, &[&duration(by_ms)]),
        }
    }
}

/// A measured duration in a report: [`format_ms`] (`2.5s`, `30s`,
/// `11m49s`), but a post-mortem keeps what the other views round away:
/// milliseconds under a second (`350ms`) and whole seconds without a tenth
/// (`7s`, not `7.0s`).
pub use crate::history::timeline::duration;
