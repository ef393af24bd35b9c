//! The run engine: a pure state machine over a procedure.
//!
//! `update(msg)` decides and returns effects; every state change is a
//! journal event that `apply` folds into the state. A live run and a run
//! rebuilt from its journal go through the same `apply`, so resuming gives
//! exactly the state the run had.

use super::clock::Clock;
use super::msg::{Effect, Msg, Refusal};
use super::state::{Item, ItemKind, RunStatus, State, StepStatus};
use crate::journal::{Event, Line, Mode, Operator};
use crate::procedure::{Command, Procedure, Step, StepRollback};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// How a run starts.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub run_id: String,
    pub mode: Mode,
    /// Overrides the procedure's environment (`--env`).
    pub environment: Option<String>,
    pub operator: Operator,
    pub source: String,
    pub procedure_sha256: String,
    pub forced: bool,
    /// Variables the operator sets at once (`--var`): their defaults are
    /// not recorded, only the values that follow as `variable-set`.
    pub preset: Vec<String>,
}

pub struct Engine {
    pub(super) procedure: Procedure,
    pub(super) clock: Box<dyn Clock>,
    pub(super) state: State,
    /// Secret values: in memory only, never in an event.
    /// Zeroed when dropped.
    pub(super) secrets: BTreeMap<String, zeroize::Zeroizing<String>>,
    /// Output of the current attempt of each item (for output patterns).
    pub(super) outputs: BTreeMap<String, String>,
    /// Rebuilt from a journal that ended without `run-interrupted`.
    pub(super) implicit_interrupt: bool,
    /// The supervisor watches the run now (told by the front end).
    pub(super) supervisor_watching: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplayError {
    Empty,
    NotStarted,
    WrongProcedure { journal: String, file: String },
}

impl Engine {
    /// Starts a run: the first effect is its `run-started` event, followed
    /// by a `variable-set` for every default value.
    pub fn start(
        procedure: Procedure,
        clock: Box<dyn Clock>,
        cfg: RunConfig,
    ) -> (Engine, Vec<Effect>) {
        let now = clock.now();
        let event = Event::RunStarted {
            run_id: cfg.run_id.clone(),
            procedure_id: procedure.meta.id.clone(),
            procedure_title: procedure.meta.title.clone(),
            version: procedure.meta.version.clone(),
            procedure_sha256: cfg.procedure_sha256.clone(),
            source: cfg.source.clone(),
            environment: cfg
                .environment
                .clone()
                .or_else(|| procedure.meta.environment.clone()),
            mode: cfg.mode,
            operator: cfg.operator.clone(),
            forced: cfg.forced,
            profile: Box::new(profile(&procedure)),
        };
        let state = initial_state(&procedure, &event, now);
        let mut engine = Engine::with_state(procedure, clock, state);
        let mut effects = vec![Effect::Journal(event)];
        let defaults: Vec<(String, String)> = engine
            .procedure
            .variables
            .iter()
            .filter(|v| !v.secret && !cfg.preset.contains(&v.name))
            .filter_map(|v| v.default.clone().map(|d| (v.name.clone(), d)))
            .collect();
        for (name, value) in defaults {
            engine.emit(
                &mut effects,
                Event::VariableSet {
                    name,
                    value: Some(value),
                    secret: false,
                },
            );
        }
        (engine, effects)
    }

    /// Rebuilds a run from its journal lines. A run whose journal ends
    /// mid-step (a crash, a kill) comes back interrupted at that step.
    pub fn replay(
        procedure: Procedure,
        clock: Box<dyn Clock>,
        lines: &[Line],
    ) -> Result<Engine, ReplayError> {
        Engine::rebuild(procedure, clock, lines, true)
    }

    /// A run as its journal says so far, for someone watching it live:
    /// a step in progress stays in progress.
    pub fn follow(
        procedure: Procedure,
        clock: Box<dyn Clock>,
        lines: &[Line],
    ) -> Result<Engine, ReplayError> {
        Engine::rebuild(procedure, clock, lines, false)
    }

    fn rebuild(
        procedure: Procedure,
        clock: Box<dyn Clock>,
        lines: &[Line],
        mark_live: bool,
    ) -> Result<Engine, ReplayError> {
        let first = lines.first().ok_or(ReplayError::Empty)?;
        let Event::RunStarted { procedure_id, .. } = &first.event else {
            return Err(ReplayError::NotStarted);
        };
        if *procedure_id != procedure.meta.id {
            return Err(ReplayError::WrongProcedure {
                journal: procedure_id.clone(),
                file: procedure.meta.id.clone(),
            });
        }
        let state = initial_state(&procedure, &first.event, first.ts);
        let mut engine = Engine::with_state(procedure, clock, state);
        for line in &lines[1..] {
            engine.apply(&line.event, line.ts);
        }
        let live = matches!(
            engine.state.status,
            RunStatus::Preparing | RunStatus::Running | RunStatus::RollingBack
        );
        if live && mark_live {
            let at = lines.last().map(|l| l.ts).unwrap_or_default();
            engine.mark_interrupted(at);
            engine.implicit_interrupt = true;
        }
        Ok(engine)
    }

    fn with_state(procedure: Procedure, clock: Box<dyn Clock>, state: State) -> Engine {
        Engine {
            procedure,
            clock,
            state,
            secrets: BTreeMap::new(),
            outputs: BTreeMap::new(),
            implicit_interrupt: false,
            supervisor_watching: false,
        }
    }

    pub fn procedure(&self) -> &Procedure {
        &self.procedure
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Secret values set so far (for the journal's redactor).
    /// The command (step, text) that was running when the run was last
    /// interrupted: it may or may not have finished.
    pub fn interrupted_command(&self) -> Option<(String, String)> {
        self.state.interrupted_command.clone()
    }

    /// Whether the procedure declares `name` a secret variable.
    pub fn is_secret_variable(&self, name: &str) -> bool {
        self.procedure
            .variables
            .iter()
            .any(|v| v.secret && v.name == name)
    }

    pub fn secret_values(&self) -> impl Iterator<Item = &String> {
        self.secrets.values().map(|v| &**v)
    }

    /// Variables declared but without a value (secrets after a resume).
    pub fn missing_variables(&self) -> Vec<String> {
        self.procedure
            .variables
            .iter()
            .filter(|v| {
                if v.secret {
                    !self.secrets.contains_key(&v.name)
                } else {
                    !matches!(self.state.variables.get(&v.name), Some(Some(_)))
                }
            })
            .map(|v| v.name.clone())
            .collect()
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.state.items.iter().find(|i| i.id == id)
    }

    pub(super) fn item_index(&self, id: &str) -> Option<usize> {
        self.state.items.iter().position(|i| i.id == id)
    }

    /// The procedure step behind an item (the forward step for an undo).
    pub fn step_of(&self, item: &Item) -> &Step {
        match item.kind {
            ItemKind::Forward { phase, step } => &self.procedure.phases[phase].steps[step],
            ItemKind::FullRollback { step } => &self.procedure.rollback.steps[step],
            ItemKind::Undo { of } => self.step_of(&self.state.items[of]),
        }
    }

    /// The validation that judges an item: its step's, except for undo
    /// items, which have none (the forward step's check would judge the
    /// opposite of what the undo does).
    pub fn validation_of(&self, item: &Item) -> Option<&crate::procedure::Validation> {
        match item.kind {
            ItemKind::Undo { .. } => None,
            _ => self.step_of(item).validation.as_ref(),
        }
    }

    /// The commands an item runs.
    /// The `timeout` of each of a step's commands, in seconds (the upper
    /// end of a range), in order.
    pub fn command_timeouts(&self, step: &str) -> Vec<Option<u64>> {
        self.item(step)
            .map(|item| {
                self.commands_of(item)
                    .iter()
                    .map(|c| c.timeout.map(|t| t.max_secs))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn commands_of(&self, item: &Item) -> Vec<&Command> {
        match item.kind {
            ItemKind::Undo { .. } => self
                .undo_of(item)
                .map(|u| u.commands.iter().collect())
                .unwrap_or_default(),
            _ => self.step_of(item).commands.iter().collect(),
        }
    }

    /// For an undo item, the forward step's own rollback it runs.
    pub fn undo_of(&self, item: &Item) -> Option<&crate::procedure::StepUndo> {
        match (&item.kind, &self.step_of(item).rollback) {
            (ItemKind::Undo { .. }, StepRollback::Some(u)) => Some(u),
            _ => None,
        }
    }

    /// An item's estimate: its undo's for an undo item.
    pub fn estimate_of(&self, item: &Item) -> Option<crate::procedure::Estimate> {
        match item.kind {
            ItemKind::Undo { .. } => self.undo_of(item).and_then(|u| u.estimate),
            _ => self.step_of(item).estimate,
        }
    }

    /// The item to do next: the first unfinished forward step, or during a
    /// rollback the first unfinished step of the plan.
    pub fn next_item(&self) -> Option<&Item> {
        match self.state.status {
            RunStatus::RollingBack => self
                .state
                .rollback_plan
                .iter()
                .filter_map(|id| self.item(id))
                .find(|i| !i.status.is_finished()),
            _ => self
                .state
                .items
                .iter()
                .filter(|i| matches!(i.kind, ItemKind::Forward { .. }))
                .find(|i| !i.status.is_finished()),
        }
    }

    pub(super) fn in_rollback_plan(&self, id: &str) -> bool {
        self.state.rollback_plan.iter().any(|p| p == id)
    }

    /// The item being worked on, if any.
    pub fn active_item(&self) -> Option<&Item> {
        self.state.items.iter().find(|i| i.status.is_active())
    }

    /// What blocks any step from starting before its confirmation is even
    /// asked: prerequisites not confirmed, variables not set.
    pub fn start_blocker(&self) -> Option<Refusal> {
        if self.state.status == RunStatus::Preparing && !self.state.prerequisites_waived {
            let pending = self
                .state
                .prerequisites
                .iter()
                .flatten()
                .filter(|c| !**c)
                .count();
            if pending > 0 {
                return Some(Refusal::PrerequisitesPending(pending));
            }
        }
        let missing = self.missing_variables();
        (!missing.is_empty()).then_some(Refusal::VariablesMissing(missing))
    }

    /// Whether starting this item needs a typed confirmation, and what text
    /// confirms it: the step id or the environment's name; in production
    /// only the environment's name. Not while [`Engine::start_blocker`]
    /// holds: that is said first, then the confirmation is asked.
    pub fn confirmation_for(&self, item: &Item) -> Option<Vec<String>> {
        if self.start_blocker().is_some() {
            return None;
        }
        let step = self.step_of(item);
        let critical_prod = self.procedure.meta.criticality
            == Some(crate::procedure::Criticality::Critical)
            && self
                .state
                .environment
                .as_deref()
                .is_some_and(crate::procedure::is_production_name);
        // Undo items run inside a rollback that was started with a written
        // reason: only the critical-production rule asks again.
        let own_confirm = step.confirm && !matches!(item.kind, ItemKind::Undo { .. });
        if !(own_confirm || critical_prod) || item.confirmed {
            return None;
        }
        match &self.state.environment {
            Some(env) if crate::procedure::is_production_name(env) => Some(vec![env.clone()]),
            Some(env) => Some(vec![item.id.clone(), env.clone()]),
            None => Some(vec![item.id.clone()]),
        }
    }

    /// Values `${NAME}` takes in commands (secrets excluded: they go by env).
    pub fn substitution_values(&self) -> BTreeMap<String, String> {
        self.state
            .variables
            .iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v)))
            .collect()
    }

    /// Environment for the shell: every variable (so any shell form such
    /// as `${NAME:-x}` or `${NAME//a/b}` sees its value; secrets only ever
    /// travel this way) plus the `PASOS_*` variables.
    pub fn command_env(&self, step: &str) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = self.substitution_values().into_iter().collect();
        env.extend(self.secrets.iter().map(|(k, v)| (k.clone(), v.to_string())));
        env.push(("PASOS_RUN_ID".into(), self.state.run_id.clone()));
        env.push(("PASOS_PROCEDURE_ID".into(), self.procedure.meta.id.clone()));
        env.push(("PASOS_STEP".into(), step.to_string()));
        if let Some(e) = &self.state.environment {
            env.push(("PASOS_ENV".into(), e.clone()));
        }
        env
    }

    /// Records an event: folds it into the state, then asks the loop to
    /// journal it.
    pub(super) fn emit(&mut self, effects: &mut Vec<Effect>, mut event: Event) {
        let now = self.clock.now();
        if let Event::StepFinished {
            step,
            step_ms,
            command_ms,
            ..
        } = &mut event
            && let Some(item) = self.item(step)
        {
            // To this outcome; a finished step only changes its label (an
            // override later on), not its time.
            let end = match item.finished_at {
                Some(f) if item.status.is_finished() => f,
                _ => now,
            };
            *step_ms = Some(self.step_ms_to(item, end));
            *command_ms = Some(item.command_ms);
        }
        let finished_done = matches!(
            &event,
            Event::StepFinished {
                outcome: crate::journal::StepOutcome::Done,
                ..
            }
        );
        self.apply(&event, now);
        effects.push(Effect::Journal(event));
        if finished_done {
            for (step, by) in self.undone_by_others() {
                self.emit(effects, Event::StepUndone { step, by });
            }
        }
    }

    pub fn update(&mut self, msg: Msg) -> Result<Vec<Effect>, Refusal> {
        let mut effects = Vec::new();
        self.handle(msg, &mut effects)?;
        self.finish_if_complete(&mut effects);
        Ok(effects)
    }
}

/// The procedure's classification and step estimates, for the journal.
fn profile(p: &Procedure) -> crate::journal::Profile {
    use crate::journal::{Profile, StepProfile};
    let step = |s: &crate::procedure::Step, phase: &str| StepProfile {
        id: s.id.clone(),
        title: s.title.clone(),
        phase: phase.to_string(),
        estimate: s.estimate.map(|e| e.to_string()),
    };
    let mut steps: Vec<StepProfile> = p
        .phases
        .iter()
        .flat_map(|ph| ph.steps.iter().map(move |s| (s, ph.id.as_str())))
        .map(|(s, ph)| step(s, ph))
        .collect();
    steps.extend(p.rollback.steps.iter().map(|s| step(s, "rollback")));
    Profile {
        category: p.meta.category.map(|c| c.to_string()),
        frequency: p.meta.frequency.map(|f| f.to_string()),
        criticality: p.meta.criticality.map(|c| c.to_string()),
        estimate: p.meta.estimate.map(|e| e.to_string()),
        rto: p.meta.rto.map(|e| e.to_string()),
        incident: p.is_incident(),
        steps,
        decisions: p
            .decision_tree
            .iter()
            .filter_map(|n| {
                n.question
                    .as_ref()
                    .map(|q| crate::journal::DecisionProfile {
                        id: n.id.clone(),
                        question: q.clone(),
                    })
            })
            .collect(),
    }
}

fn initial_state(p: &Procedure, started: &Event, at: DateTime<Utc>) -> State {
    let (run_id, mode, environment, operator) = match started {
        Event::RunStarted {
            run_id,
            mode,
            environment,
            operator,
            ..
        } => (run_id.clone(), *mode, environment.clone(), operator.clone()),
        _ => (String::new(), Mode::Live, None, Operator::default()),
    };
    let mut items = Vec::new();
    for (pi, phase) in p.phases.iter().enumerate() {
        for (si, step) in phase.steps.iter().enumerate() {
            items.push(Item::new(
                step.id.clone(),
                ItemKind::Forward {
                    phase: pi,
                    step: si,
                },
            ));
        }
    }
    for (si, step) in p.rollback.steps.iter().enumerate() {
        items.push(Item::new(
            step.id.clone(),
            ItemKind::FullRollback { step: si },
        ));
    }
    State {
        run_id,
        mode,
        environment,
        operator,
        status: RunStatus::Preparing,
        status_before_interrupt: None,
        started_at: at,
        finished_at: None,
        items,
        prerequisites: p
            .prerequisites
            .iter()
            .map(|g| vec![false; g.items.len()])
            .collect(),
        prerequisites_waived: false,
        variables: p.variables.iter().map(|v| (v.name.clone(), None)).collect(),
        deviations: Vec::new(),
        notes: Vec::new(),
        answers: BTreeMap::new(),
        choices: BTreeMap::new(),
        conditions: BTreeMap::new(),
        rollback_reason: None,
        pauses: Vec::new(),
        shell: Default::default(),
        unfinished_command: None,
        interrupted_command: None,
        end_reason: None,
        rollback_plan: Vec::new(),
        in_flight: None,
        resumes: 0,
        approvals: Vec::new(),
        approvals_seen: Default::default(),
        handoff: None,
        supervisor: None,
        supervised: BTreeMap::new(),
    }
}

impl StepStatus {
    pub fn name(self) -> &'static str {
        match self {
            StepStatus::Pending => "pending",
            StepStatus::Running => "running",
            StepStatus::AwaitingValidation => "awaiting validation",
            StepStatus::AwaitingOperator => "awaiting the operator",
            StepStatus::Done => "done",
            StepStatus::Failed => "failed",
            StepStatus::Skipped => "skipped",
            StepStatus::RolledBack => "rolled back",
            StepStatus::Interrupted => "interrupted",
            StepStatus::NotChosen => "not chosen",
            StepStatus::SkippedByCondition => "skipped by its condition",
        }
    }
}
