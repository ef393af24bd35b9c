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

mod branches;
mod deviations;
mod markdown;
pub mod people;
mod steps;
mod summary;
mod timeline;

use super::local_time;
use super::record::RunStatus;
use super::review::{RunReview, StepReview, Versus};
use crate::i18n::Lang;
use crate::journal::{Line, StepOutcome, Verification};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

pub use markdown::{code, escape};

/// The column headers of a report table: attributes of message `id`.
pub fn columns(lang: Lang, id: &str, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .map(|n| crate::i18n::catalog::format_attr(lang, id, n, None))
        .collect()
}

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
        tz,
        review: input.review,
    };
    let s = &input.review.record;
    let mut out = String::new();
    let unverified = if input.integrity.verified() {
        String::new()
    } else {
        format!(" {}", crate::tr!(lang, "report-title-unverified"))
    };
    out.push_str(&format!(
        "# {}{unverified}: {} {}\n\n",
        crate::tr!(lang, "report-title"),
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
    out.push_str(&branches::section(&cx));
    out.push_str(&people::section(&cx, input.lines));
    out.push_str(&steps::rollback_section(&cx));
    out.push_str(&steps::interruptions_section(&cx));
    out.push_str(&format!(
        "## {}\n\n{}\n\n",
        crate::tr!(lang, "report-root-cause"),
        crate::tr!(lang, "report-to-fill")
    ));
    out.push_str(&format!(
        "## {}\n\n",
        crate::tr!(lang, "report-action-items")
    ));
    let blank: Vec<Vec<String>> = (1..=3).map(|n| vec![n.to_string()]).collect();
    out.push_str(&markdown::table(
        &crate::history::report::columns(
            lang,
            "report-action-columns",
            &["number", "action", "owner", "due", "status"],
        ),
        &[markdown::Align::Right],
        &blank,
    ));
    out.push_str(&format!(
        "\n## {}\n\n{}\n\n",
        crate::tr!(lang, "report-lessons"),
        crate::tr!(lang, "report-to-fill")
    ));
    out.push_str("---\n\n");
    out.push_str(&crate::tr!(
        lang,
        "report-footer",
        run = (code(&s.run_id)).to_string()
    ));
    if !input.integrity.verified() {
        out.push(' ');
        out.push_str(&crate::tr!(lang, "report-footer-unverified"));
    }
    out.push('\n');
    out
}

/// What the sections share: words, timezone, the run.
struct Ctx<'a, Tz: TimeZone> {
    lang: Lang,
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
        let r = self.review;
        let mut out = Vec::new();
        if let Some(problem) = &integrity.problem {
            out.push(crate::tr!(
                self.lang,
                "report-warn-unverified",
                command = (code(&format!("pasos log verify {}", r.record.run_id))).to_string(),
                problem = (code(problem)).to_string()
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
                out.push(crate::tr!(
                    self.lang,
                    "report-warn-interrupted",
                    time = when.to_string(),
                    reason = why.to_string(),
                    command = resume.to_string()
                ));
            }
            RunStatus::Open => out.push(crate::tr!(
                self.lang,
                "report-warn-open",
                time = (self.datetime(r.record.last_event())).to_string(),
                command = resume.to_string()
            )),
            RunStatus::Finished(_) => {}
        }
        if r.record.mode == crate::journal::Mode::Rehearsal {
            out.push(crate::tr!(self.lang, "report-warn-rehearsal").to_string());
        }
        if r.record.is_test() {
            out.push(crate::tr!(self.lang, "unattended-report-warn").to_string());
        }
        out
    }

    fn outcome(&self, o: StepOutcome) -> String {
        match o {
            StepOutcome::Done => crate::tr!(self.lang, "report-step-done"),
            StepOutcome::Failed => crate::tr!(self.lang, "report-step-failed"),
            StepOutcome::Skipped => crate::tr!(self.lang, "report-step-skipped"),
            StepOutcome::RolledBack => crate::tr!(self.lang, "report-step-rolled-back"),
            StepOutcome::Interrupted => crate::tr!(self.lang, "report-step-interrupted"),
        }
    }

    /// A step's result for a table cell: failures in bold, and whether the
    /// rollback undid it.
    fn result(&self, s: &StepReview) -> String {
        if let Some(c) = self.review.choices.iter().find(|c| c.step == s.id) {
            return crate::tr!(self.lang, "branch-report-chose", option = code(&c.option));
        }
        let word = match s.state {
            super::review::StepState::NotReached => {
                crate::tr!(self.lang, "report-step-not-reached").to_string()
            }
            super::review::StepState::InProgress => {
                crate::tr!(self.lang, "report-step-in-progress").to_string()
            }
            super::review::StepState::Ended(StepOutcome::Failed) => {
                format!("**{}**", crate::tr!(self.lang, "report-step-failed"))
            }
            super::review::StepState::Ended(o) => self.outcome(o),
            super::review::StepState::NotChosen => {
                crate::tr!(self.lang, "branch-report-not-chosen").to_string()
            }
            super::review::StepState::SkippedByCondition => {
                crate::tr!(self.lang, "branch-report-condition-no").to_string()
            }
        };
        if s.undone {
            format!("{word} ({})", crate::tr!(self.lang, "report-undone"))
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
                format!(
                    "{}{of_title}",
                    crate::tr!(self.lang, "report-undo-of", step = (escape(of)).to_string())
                )
            }
            _ => s.title.as_deref().map(escape).unwrap_or_default(),
        }
    }

    fn versus(&self, v: Option<Versus>) -> String {
        match v {
            None => String::new(),
            Some(Versus::Within) => crate::tr!(self.lang, "report-within").to_string(),
            Some(Versus::Over { by_ms }) => crate::tr!(
                self.lang,
                "report-over",
                duration = (duration(by_ms)).to_string()
            ),
            Some(Versus::Under { by_ms }) => crate::tr!(
                self.lang,
                "report-under",
                duration = (duration(by_ms)).to_string()
            ),
        }
    }
}

/// A measured duration in a report: [`format_ms`] (`2.5s`, `30s`,
/// `11m49s`), but a post-mortem keeps what the other views round away:
/// milliseconds under a second (`350ms`) and whole seconds without a tenth
/// (`7s`, not `7.0s`).
pub use crate::history::timeline::duration;
