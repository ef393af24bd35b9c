//! The filled checklist of a past run, read back from its journal: every
//! step with its box ticked as it ended, who did it and when (local time
//! with its offset), how long against the estimate, the deviations and
//! notes next to the step they concern, the rollback if it ran, and
//! whether the journal verifies.

use super::abridge;
use super::doc::{Block, Detail, Doc, Item, Mark, Section};
use crate::history::local_time;
use crate::history::review::{RunReview, StepKind, StepReview, StepState, Versus};
use crate::history::words;

use crate::i18n::Lang;
use crate::journal::{Mode, StepOutcome, Verification};
use crate::procedure::estimate::format_ms;
use crate::procedure::keyword::Keyword;
use crate::procedure::{Criticality, Procedure};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

/// Whether the journal is exactly what pasos wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Integrity {
    pub events: usize,
    /// The first problem found, in words; `None` when it verifies.
    pub problem: Option<String>,
    /// Bytes of a torn last line (a write cut by a crash).
    pub torn_tail: Option<u64>,
}

impl Integrity {
    pub fn of(v: &Verification) -> Integrity {
        Integrity {
            events: v.lines.len(),
            problem: v.problems.first().map(|p| match p.line {
                Some(l) => format!("{} (line {l}): {}", p.kind, p.detail),
                None => format!("{}: {}", p.kind, p.detail),
            }),
            torn_tail: v.torn_tail.as_ref().map(|t| t.bytes),
        }
    }
}

/// Builds the filled checklist. `procedure` is the run's procedure file
/// when it is still there unchanged: it gives the phases their titles.
/// Times are shown in `tz`.
pub fn build<Tz>(
    review: &RunReview,
    integrity: &Integrity,
    procedure: Option<&Procedure>,
    lang: Lang,
    tz: &Tz,
) -> Doc
where
    Tz: TimeZone,
    Tz::Offset: Display,
{
    let b = Builder {
        lang,
        r: review,
        t: lang,
        procedure,
        tz,
    };
    let mut sections = vec![b.header(integrity)];
    sections.extend(b.prerequisites());
    sections.extend(b.variables());
    sections.extend(b.phases());
    sections.push(b.rollback());
    sections.extend(b.decisions());
    sections.extend(b.interruptions());
    sections.extend(b.run_notes());
    let s = &review.record;
    Doc {
        lang,
        title: format!(
            "{} · {}",
            abridge::one_line(&s.procedure_id),
            abridge::one_line(&s.procedure_title)
        ),
        kind: crate::tr!(b.t, "export-run-checklist").to_string(),
        sections,
    }
}

struct Builder<'a, Tz: TimeZone> {
    lang: Lang,
    r: &'a RunReview,
    t: crate::i18n::Lang,
    procedure: Option<&'a Procedure>,
    tz: &'a Tz,
}

impl<Tz> Builder<'_, Tz>
where
    Tz: TimeZone,
    Tz::Offset: Display,
{
    fn datetime(&self, at: DateTime<Utc>) -> String {
        local_time::datetime(at, self.tz)
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        local_time::time(at, self.tz)
    }

    fn header(&self, integrity: &Integrity) -> Section {
        let (r, t, s) = (self.r, self.t, &self.r.record);
        let mut fields = vec![
            (crate::tr!(t, "export-run").to_string(), s.run_id.clone()),
            (
                crate::tr!(t, "export-version").to_string(),
                abridge::one_line(&s.version),
            ),
        ];
        let p = &r.profile;
        if let Some(c) = &p.criticality {
            let word = match Criticality::parse(c) {
                Some(c) => crate::export::words::criticality(t, c).to_string(),
                None => abridge::one_line(c),
            };
            fields.push((crate::tr!(t, "export-criticality"), word));
        }
        if let Some(e) = &s.environment {
            fields.push((crate::tr!(t, "export-environment"), abridge::one_line(e)));
        }
        let mode = match s.mode {
            Mode::Live => crate::tr!(t, "export-live"),
            Mode::Rehearsal => crate::tr!(t, "export-rehearsal"),
            Mode::Test => crate::tr!(t, "unattended-mode-test"),
        };
        fields.push((crate::tr!(t, "export-mode"), mode));
        fields.push((crate::tr!(t, "export-started"), self.datetime(s.started())));
        fields.push((
            crate::tr!(t, "export-ended"),
            r.ended
                .map(|e| self.datetime(e))
                .unwrap_or_else(|| crate::tr!(t, "export-not-ended").to_string()),
        ));
        // The working time, the figure every listing and KPI shows.
        let mut duration = format_ms(r.active_ms());
        if r.paused_ms() > 0 {
            duration.push_str(&crate::tr!(
                self.lang,
                "history-report-wall-paused",
                wall = format_ms(s.wall_ms),
                paused = format_ms(r.paused_ms())
            ));
        }
        if let Some(e) = r.estimate() {
            duration.push_str(&format!(
                " / {} {e}",
                crate::tr!(t, "export-estimate").to_lowercase()
            ));
        }
        fields.push((crate::tr!(t, "export-duration"), duration));
        if let Some(rto) = &p.rto {
            fields.push((crate::tr!(t, "export-rto"), rto.clone()));
        }
        let outcome = crate::tr!(
            self.lang,
            "history-report-outcome",
            status = s.status.name()
        );
        fields.push((crate::tr!(t, "export-outcome"), outcome));
        let mut operators = Vec::new();
        for turn in &r.operators {
            let who = abridge::one_line(&turn.operator.label());
            if turn.resumed {
                operators.push(crate::tr!(
                    t,
                    "export-resumed-by",
                    operator = who.to_string(),
                    time = self.time(turn.at).to_string()
                ));
            } else {
                operators.push(who);
            }
        }
        fields.push((crate::tr!(t, "export-operator"), operators.join("; ")));
        let mut journal = match &integrity.problem {
            None => crate::tr!(t, "export-verified", count = integrity.events),
            Some(p) => crate::tr!(t, "export-not-verified", problem = p.to_string()),
        };
        if let Some(b) = integrity.torn_tail {
            journal.push(' ');
            journal.push_str(&crate::tr!(t, "export-torn-tail", bytes = b));
        }
        fields.push((crate::tr!(t, "export-journal"), journal));
        let mut blocks = vec![Block::Fields(fields)];
        if r.profile.steps.is_empty() {
            blocks.push(Block::Text(crate::tr!(t, "export-no-profile")));
        }
        blocks.push(Block::Text(crate::tr!(t, "export-legend")));
        Section {
            aside: None,
            title: None,
            blocks,
        }
    }

    fn prerequisites(&self) -> Option<Section> {
        if self.r.prerequisites.is_empty() {
            return None;
        }
        let mut blocks = Vec::new();
        let mut group: Option<&str> = None;
        let mut items = Vec::new();
        for p in &self.r.prerequisites {
            if group != Some(p.group.as_str()) {
                if !items.is_empty() {
                    blocks.push(Block::Items(std::mem::take(&mut items)));
                }
                group = Some(p.group.as_str());
                blocks.push(Block::Heading {
                    text: abridge::one_line(&p.group),
                    aside: None,
                });
            }
            let failed = p.exit_code.is_some_and(|c| c != 0);
            let mark = if failed { Mark::Failed } else { Mark::Done };
            let mut item = Item::new(Some(mark), abridge::one_line(&p.item));
            item.aside = Some(self.time(p.at));
            match (&p.check, p.exit_code) {
                (Some(c), code) => {
                    let mut line = format!(
                        "`{}`",
                        abridge::cut(&abridge::one_line(c), abridge::MAX_LINE)
                    );
                    if let Some(code) = code {
                        line.push_str(&format!(
                            " → {}",
                            crate::tr!(self.t, "export-exit", code = code.to_string().to_string())
                        ));
                    }
                    item.details
                        .push(Detail::line(crate::tr!(self.t, "export-check"), line));
                }
                (None, _) => item
                    .details
                    .push(Detail::plain(crate::tr!(self.t, "export-checked-by-hand"))),
            }
            items.push(item);
        }
        blocks.push(Block::Items(items));
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-prerequisites")),
            blocks,
        })
    }

    /// Each variable once, with its last value, in the order first set.
    fn variables(&self) -> Option<Section> {
        let mut order: Vec<&str> = Vec::new();
        for v in &self.r.variables {
            if !order.contains(&v.name.as_str()) {
                order.push(&v.name);
            }
        }
        if order.is_empty() {
            return None;
        }
        let list = order
            .iter()
            .filter_map(|name| self.r.variables.iter().rev().find(|v| v.name == *name))
            .map(|v| match (&v.value, v.secret) {
                (Some(value), false) => format!(
                    "{} = {}",
                    v.name,
                    abridge::cut(&abridge::one_line(value), abridge::MAX_LINE)
                ),
                _ => format!("{}: {}", v.name, crate::tr!(self.t, "export-secret-set")),
            })
            .collect();
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-variables")),
            blocks: vec![Block::Bullets(list)],
        })
    }

    /// Forward steps grouped by phase, in the profile's order.
    fn phases(&self) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        let mut current: Option<String> = None;
        for s in self.r.steps.iter().filter(|s| s.kind == StepKind::Forward) {
            let phase = s.phase.clone().unwrap_or_default();
            if current.as_ref() != Some(&phase) || sections.is_empty() {
                current = Some(phase.clone());
                let (title, budget) = self.phase_title(&phase);
                sections.push(Section {
                    aside: budget,
                    title: Some(title),
                    blocks: vec![Block::Items(Vec::new())],
                });
            }
            if let Some(Block::Items(items)) = sections.last_mut().and_then(|s| s.blocks.last_mut())
            {
                items.push(self.step(s));
            }
        }
        sections
    }

    /// The phase's title and budget from the procedure file, else its id.
    fn phase_title(&self, id: &str) -> (String, Option<String>) {
        let phase = self
            .procedure
            .and_then(|p| p.phases.iter().find(|ph| ph.id == id));
        match phase {
            Some(ph) => (
                abridge::one_line(&ph.title),
                ph.budget.map(|b| {
                    crate::tr!(self.t, "export-budget", budget = b.to_string().to_string())
                }),
            ),
            None if id.is_empty() => (crate::tr!(self.t, "export-step-word").to_string(), None),
            None => (abridge::one_line(id), None),
        }
    }

    fn mark(s: &StepReview) -> Mark {
        match s.state {
            StepState::NotReached => Mark::Empty,
            StepState::InProgress => Mark::InProgress,
            StepState::Ended(StepOutcome::Done) if s.undone => Mark::Undone,
            StepState::Ended(StepOutcome::Done) => Mark::Done,
            StepState::Ended(StepOutcome::Failed) => Mark::Failed,
            StepState::Ended(StepOutcome::Skipped) => Mark::Skipped,
            StepState::Ended(StepOutcome::RolledBack) => Mark::Undone,
            StepState::Ended(StepOutcome::Interrupted) => Mark::Interrupted,
            StepState::NotChosen => Mark::NotChosen,
            StepState::SkippedByCondition => Mark::SkippedByCondition,
        }
    }

    /// Who was at the keyboard when the step started.
    fn who(&self, at: DateTime<Utc>) -> String {
        let turn = self
            .r
            .operators
            .iter()
            .rev()
            .find(|t| t.at <= at)
            .or(self.r.operators.first());
        turn.map(|t| abridge::one_line(&t.operator.label()))
            .unwrap_or_default()
    }

    fn step(&self, s: &StepReview) -> Item {
        let t = self.t;
        let title = match (&s.title, &s.kind) {
            (Some(title), _) => abridge::one_line(title),
            (None, StepKind::Undo { of }) => {
                let undo = crate::tr!(t, "export-undo-of", step = of.to_string());
                match self.r.step(of).and_then(|o| o.title.as_ref()) {
                    Some(title) => format!("{undo}: {}", abridge::one_line(title)),
                    None => undo,
                }
            }
            (None, _) => String::new(),
        };
        let mut item = Item::new(Some(Self::mark(s)), title);
        item.id = Some(abridge::one_line(&s.id));
        let estimate = s.estimate_text.as_deref().map(abridge::one_line);
        item.aside = match (s.attempts.is_empty(), &estimate) {
            (true, e) => e.clone(),
            (false, Some(e)) => Some(format!("{} / {e}", format_ms(s.actual_ms()))),
            (false, None) => Some(format_ms(s.actual_ms())),
        };
        // The box says it; the word makes what went wrong stand out.
        match s.outcome() {
            Some(StepOutcome::Done) if s.undone => {
                item.flags
                    .push(crate::tr!(t, "export-st-rolled-back").to_uppercase());
            }
            Some(StepOutcome::Done) | None => {}
            Some(outcome) => item
                .flags
                .push(crate::export::words::step_outcome(t, outcome).to_uppercase()),
        }
        if let Some(started) = s.started() {
            item.details.push(Detail::plain(crate::tr!(
                t,
                "export-by-at",
                operator = self.who(started).to_string(),
                time = self.time(started).to_string()
            )));
        }
        // The aside shows the time against the estimate; an overrun is
        // also said in words.
        if let Some(Versus::Over { by_ms }) = s.versus() {
            item.details.push(Detail::strong(
                crate::tr!(t, "export-time-word"),
                crate::tr!(t, "export-over-by", duration = format_ms(by_ms).to_string()),
            ));
        }
        if s.attempts.len() > 1 {
            item.details.push(Detail::plain(crate::tr!(
                t,
                "export-attempts",
                count = s.attempts.len()
            )));
        }
        if let Some(reason) = words::step_why(self.lang, &s.why) {
            item.details.push(Detail::line(
                crate::tr!(t, "export-reason"),
                abridge::one_line(&reason),
            ));
        }
        for c in self.r.confirmations.iter().filter(|c| c.step == s.id) {
            item.details.push(Detail::plain(crate::tr!(
                t,
                "export-confirmed",
                typed = abridge::one_line(&c.typed).to_string()
            )));
        }
        self.commands(s, &mut item);
        for v in s.validations.iter().filter(|v| !v.passed) {
            let found = words::validation_problems(self.lang, &v.problems);
            let text = abridge::cut(&abridge::one_line(&found), abridge::MAX_SUMMARY);
            item.details.push(Detail::line(
                crate::tr!(t, "export-validation-failed"),
                text,
            ));
        }
        if s.undone {
            item.details.push(Detail::plain(crate::tr!(
                t,
                "export-undone-by",
                step = format!("undo:{}", s.id).to_string()
            )));
        }
        for d in self
            .r
            .deviations
            .iter()
            .filter(|d| d.step.as_deref() == Some(&s.id))
        {
            item.details.push(Detail::strong(
                crate::tr!(t, "export-deviation"),
                format!(
                    "{} — {} ({})",
                    abridge::one_line(&words::deviation(self.lang, d.step.as_deref(), &d.kind)),
                    abridge::one_line(&d.reason),
                    self.time(d.at)
                ),
            ));
        }
        for n in self
            .r
            .notes
            .iter()
            .filter(|n| n.step.as_deref() == Some(&s.id))
        {
            item.details.push(Detail::line(
                crate::tr!(t, "export-note"),
                format!("{} ({})", abridge::one_line(&n.text), self.time(n.at)),
            ));
        }
        item
    }

    /// Commands that failed or were typed by hand are listed; the rest
    /// are counted.
    fn commands(&self, s: &StepReview, item: &mut Item) {
        let t = self.t;
        let notable: Vec<_> = s
            .commands
            .iter()
            .filter(|c| c.manual || c.exit_code.is_some_and(|e| e != 0))
            .collect();
        if notable.is_empty() {
            if !s.commands.is_empty() {
                item.details.push(Detail::plain(crate::tr!(
                    t,
                    "export-commands-ok",
                    count = s.commands.len()
                )));
            }
            return;
        }
        for c in notable {
            let mut label = c
                .exit_code
                .map(|e| crate::tr!(t, "export-exit", code = e.to_string().to_string()))
                .unwrap_or_default();
            if c.manual {
                if !label.is_empty() {
                    label.push_str(", ");
                }
                label.push_str(&crate::tr!(t, "export-typed-by-hand"));
            }
            let (code, _) = abridge::commands([c.command.as_str()], t);
            item.details.push(Detail::Code {
                label: Some(label),
                commands: code,
            });
        }
    }

    fn rollback(&self) -> Section {
        let t = self.t;
        let Some(rb) = &self.r.rollback else {
            return Section {
                aside: None,
                title: Some(crate::tr!(t, "export-rollback-plan")),
                blocks: vec![Block::Text(crate::tr!(t, "export-rollback-not-run"))],
            };
        };
        let mut fields = vec![(
            crate::tr!(t, "export-started").to_string(),
            self.datetime(rb.at),
        )];
        if let Some(ms) = rb.duration_ms() {
            fields.push((crate::tr!(t, "export-duration").to_string(), format_ms(ms)));
        }
        fields.push((
            crate::tr!(t, "export-plan-label").to_string(),
            rb.plan.join(", "),
        ));
        fields.push((
            crate::tr!(t, "export-reason-label").to_string(),
            abridge::one_line(&rb.reason),
        ));
        let ran = match &rb.from_step {
            Some(from) => format!(
                "{} {}.",
                crate::tr!(t, "export-rollback-ran"),
                crate::tr!(t, "export-from-step", step = from.to_string())
            ),
            None => format!("{}.", crate::tr!(t, "export-rollback-ran")),
        };
        let mut blocks = vec![Block::Text(ran), Block::Fields(fields)];
        // The plan in its order, then anything else that ran.
        let mut ids: Vec<&String> = rb.plan.iter().collect();
        ids.extend(rb.ran.iter().filter(|id| !rb.plan.contains(id)));
        let items: Vec<Item> = ids
            .into_iter()
            .filter_map(|id| self.r.step(id))
            .filter(|s| s.kind != StepKind::Forward || rb.plan.contains(&s.id))
            .map(|s| self.step(s))
            .collect();
        if !items.is_empty() {
            blocks.push(Block::Items(items));
        }
        Section {
            aside: None,
            title: Some(crate::tr!(t, "export-rollback-plan")),
            blocks,
        }
    }

    fn decisions(&self) -> Option<Section> {
        if self.r.decisions.is_empty() {
            return None;
        }
        let list = self
            .r
            .decisions
            .iter()
            .map(|d| {
                let question = self
                    .procedure
                    .and_then(|p| p.decision_tree.iter().find(|n| n.id == d.node))
                    .and_then(|n| n.question.as_deref())
                    .map(|q| format!(" {}", abridge::one_line(q)))
                    .unwrap_or_default();
                let answer = if d.answer {
                    crate::tr!(self.t, "export-yes")
                } else {
                    crate::tr!(self.t, "export-no")
                };
                format!("[{}]{question} → {answer} ({})", d.node, self.time(d.at))
            })
            .collect();
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-decisions")),
            blocks: vec![Block::Bullets(list)],
        })
    }

    fn interruptions(&self) -> Option<Section> {
        if self.r.interruptions.is_empty() {
            return None;
        }
        let t = self.t;
        let list = self
            .r
            .interruptions
            .iter()
            .map(|i| {
                let mut s = crate::tr!(
                    t,
                    "export-stopped-at",
                    time = self.datetime(i.stopped).to_string()
                );
                if let Some(step) = &i.step {
                    s.push_str(&format!(" ({} {step})", crate::tr!(t, "export-step-word")));
                }
                if let Some(c) = &i.cause {
                    let why = words::interruption(self.lang, c);
                    s.push_str(&format!(": {}", abridge::one_line(&why)));
                }
                match (&i.resumed, i.gap_ms()) {
                    (Some(r), Some(gap)) => {
                        let who = abridge::one_line(&r.operator.label());
                        s.push_str(&format!(
                            "; {} {}",
                            crate::tr!(
                                t,
                                "export-resumed-by",
                                operator = who.to_string(),
                                time = self.time(r.at).to_string()
                            ),
                            crate::tr!(
                                t,
                                "export-after-gap",
                                duration = format_ms(gap).to_string()
                            )
                        ));
                    }
                    _ => s.push_str(&format!("; {}", crate::tr!(t, "export-not-resumed"))),
                }
                s
            })
            .collect();
        Some(Section {
            aside: None,
            title: Some(crate::tr!(t, "export-interruptions")),
            blocks: vec![Block::Bullets(list)],
        })
    }

    /// Deviations and notes not about a step of the checklist.
    fn run_notes(&self) -> Option<Section> {
        let t = self.t;
        let shown = |step: &Option<String>| {
            step.as_ref()
                .is_some_and(|id| self.r.steps.iter().any(|s| &s.id == id))
        };
        let mut items = Vec::new();
        for d in self.r.deviations.iter().filter(|d| !shown(&d.step)) {
            let mut item = Item::new(
                None,
                format!(
                    "{}: {}",
                    crate::tr!(t, "export-deviation"),
                    abridge::one_line(&words::deviation(self.lang, d.step.as_deref(), &d.kind))
                ),
            );
            item.aside = Some(self.time(d.at));
            item.details.push(Detail::strong(
                crate::tr!(t, "export-reason"),
                abridge::one_line(&d.reason),
            ));
            items.push(item);
        }
        for n in self.r.notes.iter().filter(|n| !shown(&n.step)) {
            let mut item = Item::new(None, abridge::one_line(&n.text));
            item.aside = Some(self.time(n.at));
            items.push(item);
        }
        if items.is_empty() {
            return None;
        }
        Some(Section {
            aside: None,
            title: Some(crate::tr!(t, "export-run-notes")),
            blocks: vec![Block::Items(items)],
        })
    }
}
