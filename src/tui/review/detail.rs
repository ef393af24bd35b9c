//! One past run opened in the browser: its timeline, its steps with actual
//! against estimated times, what deviated, and its transcript replayed up
//! to any command's output.

use super::runs::RunEntry;
use crate::history::review::{RunReview, StepReview, StepState, Versus};
use crate::history::timeline::describe;
use crate::journal::{Event, Line, StepOutcome, verify_file};
use crate::procedure::estimate::format_secs;
use crate::shell::cast::Cast;
use crate::shell::{Emulator, PaneSize};
use chrono::Local;

/// How a timeline line should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Warn,
}

#[derive(Debug, Clone)]
pub struct TimelineRow {
    /// Local time, `HH:MM:SS`.
    pub time: String,
    /// Since the start, `+1m05s`.
    pub offset: String,
    pub text: String,
    pub step: Option<String>,
    /// The event's `type`.
    pub kind: &'static str,
    pub tone: Tone,
    /// Index into `RunDetail::commands` when this row sent a command that
    /// has output in the transcript.
    pub command: Option<usize>,
}

/// A command whose output the transcript holds.
#[derive(Debug, Clone)]
pub struct CommandMark {
    pub step: String,
    pub offset: u64,
    pub row: usize,
}

/// The box of a step as the checklist draws it.
pub fn step_symbol(s: &StepReview) -> &'static str {
    match s.state {
        StepState::NotReached => "[ ]",
        StepState::InProgress => "[>]",
        StepState::Ended(StepOutcome::Done) => "[x]",
        StepState::Ended(StepOutcome::Failed) => "[!]",
        StepState::Ended(StepOutcome::Skipped) => "[-]",
        StepState::Ended(StepOutcome::RolledBack) => "[~]",
        StepState::Ended(StepOutcome::Interrupted) => "[?]",
        StepState::NotChosen => crate::run::StepStatus::NotChosen.symbol(),
        StepState::SkippedByCondition => crate::run::StepStatus::SkippedByCondition.symbol(),
    }
}

/// Ran past the upper end of its estimate.
pub fn over(s: &StepReview) -> bool {
    matches!(s.versus(), Some(Versus::Over { .. }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Timeline,
    Steps,
    Notes,
    Transcript,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Timeline, Tab::Steps, Tab::Notes, Tab::Transcript];

    pub fn cycle(self, forward: bool) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let n = Tab::ALL.len();
        Tab::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

pub struct RunDetail {
    pub entry: RunEntry,
    pub date: String,
    pub rows: Vec<TimelineRow>,
    pub review: RunReview,
    /// The first timeline row of each step of `review.steps`.
    pub step_rows: Vec<Option<usize>>,
    pub commands: Vec<CommandMark>,
    pub cast: Option<Cast>,
    pub tab: Tab,
    pub row: usize,
    pub step_row: usize,
    pub notes_scroll: u16,
    /// Which command's output the transcript shows (`commands.len()` = the
    /// end of the recording).
    pub at_command: usize,
    pub replay: Option<Emulator>,
    /// `signed`, `unsigned` or `FAILED` (signed checkpoints, checked
    /// without an allowed_signers list: `pasos log verify` names signers).
    pub signing: Option<crate::trust::verify::Report>,
}

impl RunDetail {
    pub fn open(entry: RunEntry, lang: crate::i18n::Lang) -> Result<RunDetail, String> {
        let v = verify_file(&entry.path).map_err(|e| format!("{}: {e}", entry.path.display()))?;
        let cast = Cast::read(&entry.path.with_extension("cast")).ok();
        let path = entry.path.display().to_string();
        let mut d = RunDetail::from_lines(entry, &v.lines, cast, lang)
            .ok_or_else(|| format!("{path}: does not start with run-started"))?;
        d.show_command(d.commands.len());
        d.signing = crate::trust::verify::verify(&d.entry.path, None).ok();
        Ok(d)
    }

    /// `None` when the journal does not start with `run-started`.
    pub fn from_lines(
        entry: RunEntry,
        lines: &[Line],
        cast: Option<Cast>,
        lang: crate::i18n::Lang,
    ) -> Option<RunDetail> {
        let t0 = lines.first().map(|l| l.ts).unwrap_or_default();
        let review = RunReview::from_lines(lines)?;
        let clock = |t: chrono::DateTime<chrono::Utc>| {
            t.with_timezone(&Local).format("%H:%M:%S").to_string()
        };
        let tl = crate::history::timeline::Context {
            lang,
            review: Some(&review),
            clock: &clock,
        };
        let date = t0.with_timezone(&Local).format("%Y-%m-%d %:z").to_string();
        let mut rows = Vec::with_capacity(lines.len());
        let mut commands = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let t = l.ts;
            let step = l.event.step().map(str::to_string);
            let mut command = None;
            if let Event::CommandSent {
                step,
                transcript_offset: Some(offset),
                ..
            } = &l.event
            {
                command = Some(commands.len());
                commands.push(CommandMark {
                    step: step.clone(),
                    offset: *offset,
                    row: i,
                });
            }
            rows.push(TimelineRow {
                time: t.with_timezone(&Local).format("%H:%M:%S").to_string(),
                offset: format!("+{}", format_secs((t - t0).num_seconds().max(0) as u64)),
                text: describe(&tl, &crate::history::timeline::Plain, &l.event, l.ts),
                step,
                kind: l.event.kind(),
                tone: tone(&l.event),
                command,
            });
        }
        let mut first_row: std::collections::HashMap<&str, usize> = Default::default();
        for (i, r) in rows.iter().enumerate() {
            if let Some(step) = &r.step {
                first_row.entry(step.as_str()).or_insert(i);
            }
        }
        let step_rows = review
            .steps
            .iter()
            .map(|s| first_row.get(s.id.as_str()).copied())
            .collect();
        Some(RunDetail {
            entry,
            date,
            rows,
            review,
            step_rows,
            commands,
            cast,
            tab: Tab::Timeline,
            row: 0,
            step_row: 0,
            notes_scroll: 0,
            signing: None,
            at_command: 0,
            replay: None,
        })
    }

    /// Replays the transcript up to the end of command `i`'s output (the
    /// start of the next command's), so its output is on the screen.
    pub fn show_command(&mut self, i: usize) {
        let Some(cast) = &self.cast else {
            return;
        };
        let i = i.min(self.commands.len());
        let end = match self.commands.get(i + 1) {
            Some(next) if i < self.commands.len() => next.offset,
            _ => cast.end_offset(),
        };
        self.at_command = i;
        self.replay = Some(cast.replay_until(end, crate::shell::DEFAULT_SCROLLBACK));
    }

    /// Reflows the replayed screen to `cols` x `rows` (the pane it is
    /// drawn in), keeping it scrolled to the bottom.
    pub fn fit_transcript(&mut self, cols: u16, rows: u16) {
        if let Some(e) = self.replay.as_mut() {
            let size = PaneSize {
                cols: cols.max(2),
                rows: rows.max(1),
            };
            if e.size() != size {
                e.resize(size);
            }
        }
    }

    /// The first command of `step` (or the nearest one after it).
    pub fn command_of_row(&self, row: usize) -> Option<usize> {
        if let Some(c) = self.rows.get(row).and_then(|r| r.command) {
            return Some(c);
        }
        let step = self.rows.get(row)?.step.as_deref();
        self.commands
            .iter()
            .position(|c| Some(c.step.as_str()) == step)
            .or_else(|| self.commands.iter().position(|c| c.row >= row))
    }

    /// The timeline rows of the given event kinds (`deviation`, `note`…).
    pub fn rows_of<'a>(&'a self, kinds: &'a [&str]) -> impl Iterator<Item = &'a TimelineRow> {
        self.rows.iter().filter(move |r| kinds.contains(&r.kind))
    }
}

fn tone(e: &Event) -> Tone {
    match e {
        Event::StepFinished {
            outcome: StepOutcome::Done,
            ..
        }
        | Event::ValidationResult { passed: true, .. } => Tone::Good,
        Event::StepFinished {
            outcome: StepOutcome::Failed,
            ..
        }
        | Event::ValidationResult { passed: false, .. }
        | Event::RollbackStarted { .. } => Tone::Bad,
        Event::CommandFinished { exit_code, .. } if *exit_code != 0 => Tone::Bad,
        Event::Deviation { .. }
        | Event::Note { .. }
        | Event::RunInterrupted { .. }
        | Event::RunResumed { .. } => Tone::Warn,
        Event::RunFinished { outcome, .. } => {
            if *outcome == crate::journal::RunOutcome::Success {
                Tone::Good
            } else {
                Tone::Bad
            }
        }
        _ => Tone::Plain,
    }
}
