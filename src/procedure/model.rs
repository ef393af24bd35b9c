//! The procedure as the rest of pasos sees it. Built by the TOML loader or
//! the Markdown importer; spans point into whatever source it came from.

use super::estimate::Estimate;
use super::keyword::{Category, Criticality, Frequency, PhaseKind, TriggerKind};
use crate::diagnostic::Span;

#[derive(Debug, Clone, Default)]
pub struct Procedure {
    pub meta: Metadata,
    pub purpose: Purpose,
    pub prerequisites: Vec<PrerequisiteGroup>,
    pub variables: Vec<Variable>,
    pub triggers: Vec<Trigger>,
    pub severities: Vec<SeverityLevel>,
    pub phases: Vec<Phase>,
    pub rollback: RollbackPlan,
    pub decision_tree: Vec<DecisionNode>,
    pub troubleshooting: Vec<Troubleshooting>,
    pub contacts: Vec<Contact>,
    /// The template's Anexo B, when the author wrote one.
    pub quick_checklist: Vec<String>,
    pub references: Vec<String>,
    /// Reference snippets: commands the operator may open and send to the
    /// shell, never run as steps.
    pub snippets: Vec<Snippet>,
    /// Free text that belongs to the procedure as a whole.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub id: String,
    pub title: String,
    pub category: Option<Category>,
    pub criticality: Option<Criticality>,
    pub frequency: Option<Frequency>,
    pub estimate: Option<Estimate>,
    pub version: String,
    /// Last update, `YYYY-MM-DD`.
    pub updated: Option<chrono::NaiveDate>,
    pub author: Option<String>,
    pub reviewers: Vec<String>,
    pub environment: Option<String>,
    pub rto: Option<Estimate>,
    pub rpo: Option<Estimate>,
    pub tags: Vec<String>,
    /// Lint rules switched off for the whole procedure.
    pub allow: Vec<String>,
    /// Roles that must approve the run before its first step
    /// (`approval = ["tech-lead"]`; see `trust::approval`).
    pub approval: Vec<String>,
    pub span: Span,
    pub estimate_span: Option<Span>,
}

#[derive(Debug, Clone, Default)]
pub struct Purpose {
    pub what: Option<String>,
    pub when: Option<String>,
    pub when_not: Option<String>,
    pub impact: Impact,
}

#[derive(Debug, Clone, Default)]
pub struct Impact {
    pub users: Option<String>,
    pub systems: Option<String>,
    pub data: Option<String>,
    pub sla: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PrerequisiteGroup {
    pub group: String,
    pub items: Vec<Prerequisite>,
}

#[derive(Debug, Clone, Default)]
pub struct Prerequisite {
    pub text: String,
    /// A command whose exit status 0 means the prerequisite holds.
    pub check: Option<Command>,
}

#[derive(Debug, Clone, Default)]
pub struct Variable {
    pub name: String,
    pub prompt: Option<String>,
    pub default: Option<String>,
    /// Never shown, never written to the journal or the transcript.
    pub secret: bool,
    /// A regular expression the value must match.
    pub pattern: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub name: String,
    pub condition: String,
    pub action: String,
    /// Who decides, for manual triggers.
    pub decides: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SeverityLevel {
    pub level: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub response: Option<Estimate>,
    pub resolution: Option<Estimate>,
    pub examples: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub id: String,
    pub kind: PhaseKind,
    pub title: String,
    pub budget: Option<Estimate>,
    pub steps: Vec<Step>,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub estimate: Option<Estimate>,
    pub criticality: Option<Criticality>,
    pub instructions: Option<String>,
    /// Shown prominently before the step runs, in the dry run and in the
    /// printable checklist (`WARNING: this restarts every pod`).
    pub warning: Option<String>,
    pub commands: Vec<Command>,
    pub expected: Option<String>,
    pub validation: Option<Validation>,
    pub on_failure: Vec<String>,
    pub rollback: StepRollback,
    /// Needs a typed confirmation before it runs.
    pub confirm: bool,
    /// No command: the operator checks it off.
    pub manual: bool,
    pub notes: Vec<String>,
    /// Lint rules switched off for this step.
    pub allow: Vec<String>,
    /// Roles that must approve this step before it runs.
    pub approval: Vec<String>,
    /// The operator picks one of its options; only that option's steps
    /// run. A choice step has no commands of its own.
    pub choice: Option<Choice>,
    /// A yes/no question asked before the step runs: "no" skips it, and
    /// that is not a deviation.
    pub condition: Option<String>,
    /// Span of the step's `id` value (or its table when the id is missing).
    pub span: Span,
}

/// A choice between alternatives (`choice = "¿...?"` with `options`).
#[derive(Debug, Clone, Default)]
pub struct Choice {
    /// The question the operator answers.
    pub question: String,
    pub options: Vec<ChoiceOption>,
    /// Span of the `choice` value.
    pub span: Span,
}

/// One branch of a [`Choice`].
#[derive(Debug, Clone, Default)]
pub struct ChoiceOption {
    pub id: String,
    pub title: String,
    /// Steps of the same phase, after the choice step, that run when this
    /// option is chosen (may be empty: "none of these").
    pub steps: Vec<String>,
    /// Span of the option's `id` value (or the option when it has none).
    pub span: Span,
}

impl Choice {
    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The steps of every option but `chosen`: they do not run.
    pub fn not_chosen(&self, chosen: &str) -> Vec<String> {
        self.options
            .iter()
            .filter(|o| o.id != chosen)
            .flat_map(|o| o.steps.iter().cloned())
            .collect()
    }
}

/// A reference snippet (`[[snippets]]`).
#[derive(Debug, Clone, Default)]
pub struct Snippet {
    pub id: String,
    pub title: String,
    pub commands: Vec<Command>,
    /// When and why to use it.
    pub text: Option<String>,
    /// Span of the snippet's `id` value (or its table).
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Command {
    pub run: String,
    /// A name for the command (Runme's `name=`), shown instead of the text.
    pub name: Option<String>,
    /// Expects the operator to interact (a pager, a prompt).
    pub interactive: bool,
    pub timeout: Option<Estimate>,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// Run after the step's commands; when absent, the checks apply to the
    /// step's own commands.
    pub command: Option<Command>,
    pub exit_code: Option<i32>,
    /// A regular expression the output must match.
    pub output: Option<String>,
    pub span: Span,
}

/// A step's own undo.
#[derive(Debug, Clone, Default)]
pub enum StepRollback {
    /// The author said nothing.
    #[default]
    Missing,
    /// `rollback = "none"`: the step cannot or need not be undone.
    None,
    Some(StepUndo),
}

#[derive(Debug, Clone, Default)]
pub struct StepUndo {
    pub instructions: Option<String>,
    pub commands: Vec<Command>,
    pub estimate: Option<Estimate>,
    /// Steps of the full rollback that undo this one (`R2`).
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RollbackPlan {
    /// When to roll back ("Cuándo ejecutar rollback").
    pub when: Vec<String>,
    pub estimate: Option<Estimate>,
    pub steps: Vec<Step>,
    pub span: Option<Span>,
}

/// A node of the rollback decision tree (the template's Anexo C). The
/// first node is the root; a node asks a question or names an action.
#[derive(Debug, Clone, Default)]
pub struct DecisionNode {
    pub id: String,
    pub question: Option<String>,
    pub yes: Option<String>,
    pub no: Option<String>,
    pub action: Option<String>,
    /// The action starts the rollback.
    pub rollback: bool,
    /// The action goes to this step.
    pub step: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Troubleshooting {
    pub problem: String,
    pub symptoms: Vec<String>,
    pub cause: Option<String>,
    pub solution: Vec<Command>,
    pub references: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub role: String,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub when: Option<String>,
}

impl Procedure {
    /// An incident procedure: run in emergencies, to troubleshoot or to
    /// recover from a disaster, or one that defines severity levels.
    pub fn is_incident(&self) -> bool {
        use super::keyword::{Category, Frequency};
        self.meta.frequency == Some(Frequency::Emergency)
            || matches!(
                self.meta.category,
                Some(Category::Troubleshooting | Category::DisasterRecovery)
            )
            || !self.severities.is_empty()
    }

    /// Every step of the forward path, in order.
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.phases.iter().flat_map(|p| p.steps.iter())
    }

    /// Forward steps then full-rollback steps.
    pub fn all_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps().chain(self.rollback.steps.iter())
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.all_steps().find(|s| s.id == id)
    }

    pub fn snippet(&self, id: &str) -> Option<&Snippet> {
        self.snippets.iter().find(|s| s.id == id)
    }

    /// The choice step whose option runs `step`, and that option.
    pub fn choice_owning(&self, step: &str) -> Option<(&Step, &ChoiceOption)> {
        self.all_steps().find_map(|s| {
            s.choice
                .as_ref()?
                .options
                .iter()
                .find(|o| o.steps.iter().any(|x| x == step))
                .map(|o| (s, o))
        })
    }

    pub fn variable(&self, name: &str) -> Option<&Variable> {
        self.variables.iter().find(|v| v.name == name)
    }

    /// Sum of the forward steps' estimates (missing ones count as zero).
    pub fn steps_estimate(&self) -> Estimate {
        self.steps()
            .filter_map(|s| s.estimate)
            .fold(Estimate::ZERO, std::ops::Add::add)
    }

    /// The production environment gets extra confirmations.
    pub fn is_production(&self) -> bool {
        self.meta
            .environment
            .as_deref()
            .map(is_production_name)
            .unwrap_or(false)
    }

    /// Every command in the file with where it lives, for linting and for
    /// the variable check.
    pub fn commands(&self) -> Vec<&Command> {
        let mut out = Vec::new();
        for g in &self.prerequisites {
            out.extend(g.items.iter().filter_map(|i| i.check.as_ref()));
        }
        for step in self.all_steps() {
            out.extend(step.commands.iter());
            if let Some(c) = step.validation.as_ref().and_then(|v| v.command.as_ref()) {
                out.push(c);
            }
            if let StepRollback::Some(undo) = &step.rollback {
                out.extend(undo.commands.iter());
            }
        }
        for t in &self.troubleshooting {
            out.extend(t.solution.iter());
        }
        for s in &self.snippets {
            out.extend(s.commands.iter());
        }
        out
    }
}

/// `production`, `prod`, `producción`, `prd` (any case) name production.
pub fn is_production_name(env: &str) -> bool {
    let f = super::keyword::fold(env);
    matches!(f.as_str(), "production" | "prod" | "produccion" | "prd")
        || f.starts_with("prod-")
        || f.ends_with("-prod")
}
