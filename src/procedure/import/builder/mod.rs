//! The section walk: each heading's role decides where its content goes.
//! Phases come from the headings that hold steps; steps from step headings
//! (`Paso 3`, `Step 2 -`, `### 1.` under a phase), from sections that hold
//! commands, from numbered lists of actions and from numbered comments in
//! a code block. Text that belongs nowhere waits for the next step's notes,
//! or ends in the procedure's notes.

use super::blocks::{Block, BlockKind, Lines};
use super::classify::{self, Role};
use super::duration;
use super::fence::{self, Class};
use super::freeform;
use super::inline::{self, plain};
use super::msg::Msg;
use super::report::toml_target;
use super::report::{Kind, Report};
use super::sections::Section;
use super::shell;
use super::step::{StepDraft, fields_target, target};
use super::template::{self, MetaField};
use super::text::Src;
use crate::procedure::estimate::Estimate;
use crate::procedure::keyword::PhaseKind;
use crate::procedure::model::{Procedure, Variable};

mod content;
mod items;
mod labels;
mod pending;
mod steps;

#[derive(Debug, Clone)]
pub struct PhaseDraft {
    pub key: usize,
    pub title: String,
    pub parent_title: String,
    pub kind: PhaseKind,
    pub budget: Option<Estimate>,
    pub steps: Vec<StepDraft>,
}

/// Where the steps of a section go.
#[derive(Debug, Clone)]
pub struct PhaseRef {
    pub key: usize,
    pub title: String,
    pub parent_title: String,
    pub kind: PhaseKind,
    pub budget: Option<Estimate>,
    pub lines: Option<Lines>,
}

#[derive(Debug, Clone)]
pub struct Ctx {
    pub role: Role,
    pub phase: PhaseRef,
    /// The parent announces steps (a phase heading).
    pub phase_like: bool,
    pub kind: Option<PhaseKind>,
    pub title: String,
    /// `self.phases.len()` when the parent section started.
    pub phase_mark: usize,
}

pub(super) struct PendingNote {
    text: String,
    /// Source ranges and what they were, for the report.
    parts: Vec<(Lines, Msg)>,
}

pub struct Builder<'s, 't> {
    pub src: &'s Src<'t>,
    pub report: Report,
    /// The procedure being built: every field is filled in place, but the
    /// phases and the rollback steps, drafts until their ids are final
    /// (see [`super::finish`]).
    pub p: Procedure,
    pub rollback_lines: Option<Lines>,
    pub rollback_steps: Vec<StepDraft>,
    pub phases: Vec<PhaseDraft>,
    pub rollback_doc: bool,
    next_no: usize,
    next_key: usize,
    pub(super) pending: Vec<PendingNote>,
    /// Alternatives found under a step heading (`Option A`, `Option B`):
    /// pushed as their own steps right after it.
    alternatives: Vec<StepDraft>,
}

impl<'s, 't> Builder<'s, 't> {
    pub fn new(src: &'s Src<'t>, report: Report) -> Self {
        Builder {
            src,
            report,
            p: Procedure::default(),
            rollback_lines: None,
            rollback_steps: Vec::new(),
            phases: Vec::new(),
            rollback_doc: false,
            next_no: 0,
            next_key: 1,
            pending: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    pub fn new_step(&mut self, title: &str, lines: Option<Lines>) -> StepDraft {
        self.next_no += 1;
        StepDraft::new(self.next_no, title, lines)
    }

    fn key(&mut self) -> usize {
        self.next_key += 1;
        self.next_key
    }

    /// Walks the document. `title_section` is the H1 whose text is the title.
    pub fn build(&mut self, root: &Section<'_>, title_index: Option<usize>) {
        let doc_title = self.p.meta.title.clone();
        let root_phase = PhaseRef {
            key: 1,
            title: if doc_title.is_empty() {
                "Procedimiento".into()
            } else {
                doc_title.clone()
            },
            parent_title: String::new(),
            kind: PhaseKind::Execution,
            budget: None,
            lines: None,
        };
        let ctx = Ctx {
            role: Role::Generic,
            phase: root_phase,
            phase_like: false,
            kind: None,
            title: String::new(),
            phase_mark: 0,
        };
        let mut preamble: Vec<&Block> = root.blocks.clone();
        let mut tops: Vec<&Section<'_>> = Vec::new();
        for (i, child) in root.children.iter().enumerate() {
            if Some(i) == title_index {
                if let Some(h) = child.heading {
                    self.report.mapped(
                        h.lines,
                        toml_target("[procedure] title"),
                        crate::msg!("import-detail-heading-quoted", title = child.title.clone()),
                    );
                }
                preamble.extend(child.blocks.iter().copied());
                tops.extend(child.children.iter());
            } else {
                tops.push(child);
            }
        }
        self.loose(&preamble, &ctx, true);
        for s in tops {
            self.walk(s, &ctx);
        }
        self.flush_pending(0);
    }

    pub fn walk(&mut self, s: &Section<'_>, ctx: &Ctx) {
        let own = s.role;
        let role = if ctx.role.is_inherited() && matches!(own, Role::Generic | Role::Phase(_)) {
            ctx.role
        } else if ctx.role == Role::Rollback
            && matches!(own, Role::Generic | Role::Phase(_) | Role::Rollback)
        {
            Role::Rollback
        } else if own == Role::Rollback && self.rollback_doc {
            Role::Phase(PhaseKind::Execution)
        } else if own == Role::RollbackWhen && ctx.role != Role::Rollback {
            Role::Triggers(None)
        } else {
            own
        };
        let role = if role == Role::Rollback && !plan_like(s) {
            Role::Generic
        } else {
            role
        };
        if self.time_heading(s, ctx) {
            return;
        }
        let mark = self.pending.len();
        match role {
            Role::Purpose(part) => self.purpose_section(s, part, ctx),
            Role::Meta => self.meta_section(s, ctx),
            Role::Prerequisites => self.prerequisite_section(s, ctx),
            Role::Triggers(kind) => self.trigger_section(s, kind, ctx),
            Role::Severity => self.severity_section(s, ctx),
            Role::Troubleshooting => self.trouble_section(s, ctx),
            Role::UsefulCommands => self.useful_section(s, ctx),
            Role::QuickChecklist => self.quick_section(s, ctx),
            Role::DecisionTree => self.decision_section(s, ctx),
            Role::Contacts => self.contact_section(s, ctx),
            Role::References => self.reference_section(s, ctx),
            Role::Notes => self.notes_section(s),
            Role::Rollback | Role::RollbackWhen => self.rollback_section(s, ctx),
            Role::Phase(_) | Role::Generic => self.step_section(s, role, ctx),
        }
        self.flush_pending(mark);
    }

    /// Child sections of an extras section that announce something else.
    pub fn walk_children_as(&mut self, s: &Section<'_>, role: Role, ctx: &Ctx) {
        let child_ctx = Ctx {
            role,
            title: s.title.clone(),
            ..ctx.clone()
        };
        for c in &s.children {
            self.walk(c, &child_ctx);
        }
    }

    // ----- steps -------------------------------------------------------

    fn phase_for(&mut self, s: &Section<'_>, kind: PhaseKind, parent_title: &str) -> PhaseRef {
        let key = self.key();
        let (title, budget) = match duration::from_heading(&s.title) {
            Some((t, f)) => (t, Some(f.estimate)),
            None => (s.title.clone(), None),
        };
        PhaseRef {
            key,
            title,
            parent_title: parent_title.to_string(),
            kind,
            budget,
            lines: s.heading.map(|h| h.lines),
        }
    }

    pub fn push_step(&mut self, phase: &PhaseRef, mut step: StepDraft) {
        self.attach_pending(&mut step);
        match self.phases.last_mut() {
            Some(p) if p.key == phase.key => p.steps.push(step),
            _ => {
                if let Some(b) = phase.budget {
                    self.report.guess(
                        phase.lines,
                        crate::msg!("import-target-phase-budget", title = phase.title.clone()),
                        crate::msg!("import-detail-budget-from-heading", budget = b.to_string()),
                    );
                }
                self.phases.push(PhaseDraft {
                    key: phase.key,
                    title: phase.title.clone(),
                    parent_title: phase.parent_title.clone(),
                    kind: phase.kind,
                    budget: phase.budget,
                    steps: vec![step],
                })
            }
        }
    }
}

fn is_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 3
        && (t.chars().all(|c| c == '-' || c == ' ')
            || t.chars().all(|c| c == '*' || c == ' ')
            || t.chars().all(|c| c == '_' || c == ' '))
}

/// A rollback section that is a plan (steps, commands, `Cuándo ejecutar`),
/// not a paragraph that mentions rollbacks.
fn plan_like(s: &Section<'_>) -> bool {
    let labels = s.blocks.iter().any(|b| match &b.kind {
        BlockKind::Paragraph(p) => inline::lines(p)
            .iter()
            .filter_map(|r| inline::label(r))
            .any(|(l, _)| {
                template::rollback_when(&l)
                    || template::rollback_total(&l)
                    || template::step_field(&l).is_some()
            }),
        _ => false,
    });
    labels
        || s.blocks.iter().any(|b| {
            freeform::block_has_commands(&b.kind)
                || matches!(
                    b.kind,
                    BlockKind::List {
                        ordered: Some(_),
                        ..
                    }
                )
        })
        || s.children
            .iter()
            .any(|c| classify::step_heading(&c.title).is_some() || plan_like(c))
}

pub fn kind_name(b: &Block) -> Msg {
    match &b.kind {
        BlockKind::Heading { .. } => crate::msg!("import-detail-heading"),
        BlockKind::Paragraph(_) => crate::msg!("import-detail-text"),
        BlockKind::List { .. } => crate::msg!("import-detail-list"),
        BlockKind::Code { .. } => crate::msg!("import-detail-code-block"),
        BlockKind::Table { .. } => crate::msg!("import-detail-table"),
        BlockKind::Quote(_) => crate::msg!("import-detail-quote"),
        BlockKind::Html(_) => crate::msg!("import-detail-html"),
        BlockKind::Rule => crate::msg!("import-detail-separator"),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::procedure::import::{blocks, sections};

    /// What the builder made of `md`, as `check` sees it.
    pub fn built<R>(md: &str, check: impl FnOnce(&Builder<'_, '_>) -> R) -> R {
        let blocks = blocks::parse(md);
        let root = sections::build(&blocks);
        let src = Src::new(md);
        let mut b = Builder::new(&src, Report::default());
        let title_index = root.children.iter().position(|c| c.level == 1);
        b.build(&root, title_index);
        check(&b)
    }

    /// Step titles by phase.
    pub fn titles(b: &Builder<'_, '_>) -> Vec<Vec<String>> {
        b.phases
            .iter()
            .map(|p| p.steps.iter().map(|s| s.title.clone()).collect())
            .collect()
    }

    #[test]
    fn phases_hold_the_steps_under_them() {
        let md = "# RB\n\n## Fase 1: Preparar\n\n### Paso 1: Parar\n\n```bash\nsystemctl stop app\n```\n\n\
## Fase 2: Desplegar\n\n### Paso 2: Arrancar\n\n```bash\nsystemctl start app\n```\n";
        built(md, |b| {
            assert_eq!(b.phases.len(), 2, "{:?}", b.phases);
            assert_eq!(titles(b), vec![vec!["Parar"], vec!["Arrancar"]]);
        });
    }
}
