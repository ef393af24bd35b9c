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
use super::report::{Kind, Report};
use super::sections::Section;
use super::shell;
use super::step::{StepDraft, target};
use super::template::{self, MetaField};
use super::text::Src;
use crate::procedure::estimate::Estimate;
use crate::procedure::keyword::PhaseKind;
use crate::procedure::model::{
    Contact, DecisionNode, Metadata, PrerequisiteGroup, Purpose, SeverityLevel, Trigger,
    Troubleshooting, Variable,
};

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
    parts: Vec<(Lines, String)>,
}

pub struct Builder<'s, 't> {
    pub src: &'s Src<'t>,
    pub report: Report,
    pub meta: Metadata,
    pub purpose: Purpose,
    pub prerequisites: Vec<PrerequisiteGroup>,
    pub triggers: Vec<Trigger>,
    pub severities: Vec<SeverityLevel>,
    pub rollback_when: Vec<String>,
    pub rollback_estimate: Option<Estimate>,
    pub rollback_lines: Option<Lines>,
    pub rollback_steps: Vec<StepDraft>,
    pub decision: Vec<DecisionNode>,
    pub troubleshooting: Vec<Troubleshooting>,
    pub contacts: Vec<Contact>,
    pub quick: Vec<String>,
    pub references: Vec<String>,
    pub notes: Vec<String>,
    pub variables: Vec<Variable>,
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
            meta: Metadata::default(),
            purpose: Purpose::default(),
            prerequisites: Vec::new(),
            triggers: Vec::new(),
            severities: Vec::new(),
            rollback_when: Vec::new(),
            rollback_estimate: None,
            rollback_lines: None,
            rollback_steps: Vec::new(),
            decision: Vec::new(),
            troubleshooting: Vec::new(),
            contacts: Vec::new(),
            quick: Vec::new(),
            references: Vec::new(),
            notes: Vec::new(),
            variables: Vec::new(),
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
        let doc_title = self.meta.title.clone();
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
                        "[procedure] title",
                        format!("heading `{}`", child.title),
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
        let own = classify::role(&s.title);
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
                        format!("phase `{}` budget", phase.title),
                        format!("{b} taken from the heading"),
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

    pub fn attach_pending(&mut self, step: &mut StepDraft) {
        if self.pending.is_empty() {
            return;
        }
        let mut notes: Vec<String> = Vec::new();
        for p in self.pending.drain(..) {
            for (lines, what) in p.parts {
                self.report
                    .notes(lines, format!("{} notes", target(step.no)), what);
            }
            notes.push(p.text);
        }
        notes.append(&mut step.notes);
        step.notes = notes;
    }

    pub fn pend(&mut self, text: String, lines: Lines, what: &str) {
        if text.trim().is_empty() || is_rule(&text) {
            self.report
                .add(Some(lines), Kind::Skipped, "nothing", "empty");
            return;
        }
        self.pending.push(PendingNote {
            text,
            parts: vec![(lines, what.to_string())],
        });
    }

    /// Several blocks of one section as one note.
    pub fn pend_blocks(&mut self, heading: Option<&Block>, blocks: &[&Block]) {
        let mut parts: Vec<(Lines, String)> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        if let Some(h) = heading {
            texts.push(self.src.raw(h.lines));
            parts.push((h.lines, "heading".into()));
        }
        for b in blocks {
            if matches!(b.kind, BlockKind::Rule) {
                self.report
                    .add(Some(b.lines), Kind::Skipped, "nothing", "separator");
                continue;
            }
            let text = self.src.raw(b.lines);
            if text.trim().is_empty() {
                continue;
            }
            texts.push(text);
            parts.push((b.lines, kind_name(b).to_string()));
        }
        if !parts.is_empty() {
            self.pending.push(PendingNote {
                text: texts.join("\n\n"),
                parts,
            });
        }
    }

    /// Notes still waiting when their section ends go to the procedure.
    fn flush_pending(&mut self, mark: usize) {
        if self.pending.len() <= mark {
            return;
        }
        for p in self.pending.drain(mark..) {
            for (lines, what) in p.parts {
                self.report.notes(lines, "procedure notes", what);
            }
            self.notes.push(p.text);
        }
    }

    pub fn note(&mut self, text: String, lines: Lines, what: &str) {
        if text.trim().is_empty() || is_rule(&text) {
            self.report
                .add(Some(lines), Kind::Skipped, "nothing", "separator");
            return;
        }
        self.report
            .notes(lines, "procedure notes", what.to_string());
        self.notes.push(text);
    }

    fn step_section(&mut self, s: &Section<'_>, role: Role, ctx: &Ctx) {
        let own_kind = match role {
            Role::Phase(k) => Some(k),
            _ => None,
        };
        let kind = own_kind.or(ctx.kind);
        let explicit = classify::step_heading(&s.title).or_else(|| {
            if ctx.phase_like {
                classify::numbered(&s.title)
            } else {
                None
            }
        });
        let children_are_steps = s.children.iter().any(|c| {
            classify::step_heading(&c.title).is_some()
                || classify::phase_heading(&c.title).is_some()
        });
        if let (Some((id, rest)), false) = (&explicit, children_are_steps) {
            let step = self.step_from_section(s, id, rest, ctx);
            let phase = ctx.phase.clone();
            self.push_step(&phase, step);
            for alt in std::mem::take(&mut self.alternatives) {
                self.push_step(&phase, alt);
            }
            return;
        }
        let phase_kind = kind.unwrap_or(PhaseKind::Execution);
        if !s.children.is_empty() {
            let phase = self.phase_for(s, phase_kind, &ctx.title);
            let child_ctx = Ctx {
                role: Role::Generic,
                phase: phase.clone(),
                phase_like: own_kind.is_some() || explicit.is_some(),
                kind,
                title: s.title.clone(),
                phase_mark: self.phases.len(),
            };
            let title = phase.title.clone();
            self.content(s, &s.blocks, &phase, &title, &child_ctx);
            for c in &s.children {
                self.walk(c, &child_ctx);
            }
            return;
        }
        // A leaf.
        let has_commands = s
            .blocks
            .iter()
            .any(|b| freeform::block_has_commands(&b.kind));
        if !has_commands && !ctx.phase_like && own_kind.is_none() {
            self.leaf_without_steps(s);
            return;
        }
        let phase = if own_kind.is_some() && !ctx.phase_like && ctx.phase.key == 1 {
            self.phase_for(s, phase_kind, &ctx.title)
        } else {
            ctx.phase.clone()
        };
        let own_phase = if phase.key == ctx.phase.key {
            let mut p = self.phase_for(s, phase_kind, &ctx.title);
            p.kind = kind.unwrap_or(ctx.phase.kind);
            p
        } else {
            phase.clone()
        };
        let (title, estimate) = match duration::from_heading(&s.title) {
            Some((t, f)) => (t, Some(f)),
            None => (s.title.clone(), None),
        };
        if self.split_steps(
            s.heading,
            &s.blocks,
            &own_phase,
            own_kind.is_some() || ctx.phase_like,
        ) {
            return;
        }
        // Without commands, metadata lines are metadata; nothing else left
        // means there is no step here.
        let blocks: Vec<&Block> = if has_commands {
            s.blocks.clone()
        } else {
            s.blocks
                .iter()
                .copied()
                .filter(|b| !self.take_meta(b, false))
                .collect()
        };
        if !has_commands && blocks.iter().all(|b| matches!(b.kind, BlockKind::Rule)) {
            self.pend_blocks(s.heading, &blocks);
            return;
        }
        let mut step = self.new_step(&title, s.lines());
        if let (Some(f), Some(h)) = (&estimate, s.heading) {
            step.heading_estimate(f, Some(h.lines), &mut self.report);
        }
        if let Some(h) = s.heading {
            self.report
                .mapped(h.lines, format!("{} title", target(step.no)), "heading");
        }
        self.rundown_tags(s, &mut step);
        for b in blocks {
            if !self.take_variables(b) {
                step.absorb(b, self.src, &mut self.report);
            }
        }
        self.push_step(&phase, step);
    }

    /// A heading that names a step: one step from its content and its
    /// sub-sections.
    fn step_from_section(&mut self, s: &Section<'_>, id: &str, rest: &str, ctx: &Ctx) -> StepDraft {
        let title_src = if rest.is_empty() {
            s.title.clone()
        } else {
            rest.to_string()
        };
        let (title, estimate) = match duration::from_heading(&title_src) {
            Some((t, f)) => (t, Some(f)),
            None => (title_src, None),
        };
        let mut step = self.new_step(&title, s.lines());
        step.explicit_id = Some(id.to_string());
        if let Some(h) = s.heading {
            self.report.mapped(
                h.lines,
                format!("{} title", target(step.no)),
                format!("step heading, id `{id}`"),
            );
        }
        if let (Some(f), Some(h)) = (&estimate, s.heading) {
            step.heading_estimate(f, Some(h.lines), &mut self.report);
        }
        self.rundown_tags(s, &mut step);
        for b in &s.blocks {
            if !self.take_variables(b) {
                step.absorb(b, self.src, &mut self.report);
            }
        }
        self.absorb_children(s, &mut step, ctx);
        step
    }

    fn absorb_children(&mut self, s: &Section<'_>, step: &mut StepDraft, ctx: &Ctx) {
        let alternatives = s
            .children
            .iter()
            .filter(|c| super::alternative::label(&c.title).is_some())
            .count();
        for c in &s.children {
            if alternatives >= 2 && super::alternative::label(&c.title).is_some() {
                // One step per alternative, never chained into this one.
                let title = format!("{} — {}", step.title, c.title);
                let mut alt = self.new_step(&title, c.lines());
                alt.explicit_id = match (&step.explicit_id, super::alternative::label(&c.title)) {
                    (Some(id), Some(l)) => Some(format!("{id}{}", l.to_lowercase())),
                    _ => None,
                };
                if let Some(h) = c.heading {
                    self.report.mapped(
                        h.lines,
                        format!("{} title", target(alt.no)),
                        "an alternative: its own step, an option of a choice",
                    );
                }
                for b in &c.blocks {
                    if !self.take_variables(b) {
                        alt.absorb(b, self.src, &mut self.report);
                    }
                }
                self.absorb_children(c, &mut alt, ctx);
                self.alternatives.push(alt);
                continue;
            }
            let role = classify::role(&c.title);
            if matches!(
                role,
                Role::Troubleshooting
                    | Role::Contacts
                    | Role::References
                    | Role::DecisionTree
                    | Role::QuickChecklist
            ) {
                self.walk(c, ctx);
                continue;
            }
            if let Some(h) = c.heading {
                step.absorb(h, self.src, &mut self.report);
            }
            for b in &c.blocks {
                if !self.take_variables(b) {
                    step.absorb(b, self.src, &mut self.report);
                }
            }
            self.absorb_children(c, step, ctx);
        }
    }

    /// A leaf's content as several steps: numbered comments in its code
    /// block (`# 1. ...`), or a numbered list of actions.
    fn split_steps(
        &mut self,
        heading: Option<&Block>,
        blocks: &[&Block],
        phase: &PhaseRef,
        announced: bool,
    ) -> bool {
        // Numbered comments in the one shell block of the section.
        let shell_blocks: Vec<&Block> = blocks
            .iter()
            .copied()
            .filter(|b| matches!(&b.kind, BlockKind::Code { info, text } if fence::classify(&fence::parse(info), text) == Class::Shell))
            .collect();
        if shell_blocks.len() == 1 {
            let b = shell_blocks[0];
            if let BlockKind::Code { info, text } = &b.kind {
                let info = fence::parse(info);
                let groups = shell::read(text);
                let markers = groups.iter().filter(|g| g.marker.is_some()).count();
                if markers >= 2 && info.name.is_none() && shell::prompted(text).is_none() {
                    if let Some(h) = heading {
                        self.report.mapped(
                            h.lines,
                            format!("phase `{}`", phase.title),
                            "heading of a code block with numbered steps",
                        );
                    }
                    let mut before = true;
                    for other in blocks {
                        if std::ptr::eq(*other, b) {
                            before = false;
                            self.comment_steps(groups.clone(), b.lines, phase);
                            continue;
                        }
                        let text = self.src.raw(other.lines);
                        if before {
                            self.pend(text, other.lines, "text before the steps");
                        } else if let Some(last) =
                            self.phases.last_mut().and_then(|p| p.steps.last_mut())
                        {
                            last.add_note(
                                text,
                                other.lines,
                                &mut self.report,
                                "text after the steps",
                            );
                        }
                    }
                    return true;
                }
            }
        }
        // A numbered list of actions.
        let list_at = blocks.iter().position(|b| match &b.kind {
            BlockKind::List {
                ordered: Some(_),
                items,
            } => freeform::list_is_steps(items, announced),
            BlockKind::List {
                ordered: None,
                items,
            } => freeform::marked_steps(items),
            _ => false,
        });
        let Some(at) = list_at else { return false };
        // Other blocks with commands outside the list: keep the section as one step.
        if blocks.iter().enumerate().any(|(i, b)| {
            i != at
                && freeform::block_has_commands(&b.kind)
                && !matches!(b.kind, BlockKind::List { .. })
        }) {
            return false;
        }
        if let Some(h) = heading {
            self.report.mapped(
                h.lines,
                format!("phase `{}`", phase.title),
                "heading of a numbered list of steps",
            );
        }
        for b in &blocks[..at] {
            if !self.take_meta(b, true) && !self.take_variables(b) {
                let text = self.src.raw(b.lines);
                self.pend(text, b.lines, "text before the steps");
            }
        }
        let mut last_number = 0u64;
        let mut made_any = false;
        for b in &blocks[at..] {
            match &b.kind {
                BlockKind::List {
                    ordered: Some(start),
                    items,
                } if !made_any
                    || *start == last_number + 1
                    || freeform::list_is_steps(items, announced) =>
                {
                    for (i, item) in items.iter().enumerate() {
                        let step = self.item_step(item, *start + i as u64);
                        self.push_step(phase, step);
                    }
                    last_number = *start + items.len() as u64 - 1;
                    made_any = true;
                }
                BlockKind::List {
                    ordered: None,
                    items,
                } if freeform::marked_steps(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let step = self.item_step(item, i as u64 + 1);
                        self.push_step(phase, step);
                    }
                    made_any = true;
                }
                _ => {
                    let src = self.src;
                    if let Some(last) = self.phases.last_mut().and_then(|p| p.steps.last_mut()) {
                        last.absorb(b, src, &mut self.report);
                    }
                }
            }
        }
        true
    }

    pub fn comment_steps(&mut self, groups: Vec<shell::Group>, lines: Lines, phase: &PhaseRef) {
        for g in groups {
            let (id, title) = match &g.marker {
                Some((n, t)) => (Some(n.clone()), t.clone()),
                None => (None, phase.title.clone()),
            };
            let _ = id; // local numbering: the final ids are assigned in order
            let mut step = self.new_step(&title, Some(lines));
            let t = target(step.no);
            self.report.guess(
                Some(lines),
                format!("{t} title"),
                format!("step `{title}` from a numbered comment in a code block"),
            );
            for c in g.commands {
                let interactive = shell::is_interactive(&c);
                step.commands.push(crate::procedure::model::Command {
                    run: c,
                    interactive,
                    ..Default::default()
                });
            }
            if !g.text.is_empty() {
                step.instructions.push(shell::uncomment(&g.text));
            }
            step.expected.extend(g.expected);
            step.on_failure.extend(g.on_failure);
            step.estimate = g.estimate.map(|e| e.estimate);
            for r in g.read {
                self.report.guess(Some(lines), format!("{t} fields"), r);
            }
            self.push_step(phase, step);
        }
    }

    /// A step from one item of a numbered list.
    pub fn item_step(&mut self, item: &super::blocks::Item, number: u64) -> StepDraft {
        let (title, used_head) = freeform::item_title(item);
        let (title, estimate) = match duration::from_heading(&title) {
            Some((t, f)) => (t, Some(f)),
            None => (title, None),
        };
        let mut step = self.new_step(&title, Some(item.lines));
        let _ = number;
        self.report.guess(
            Some(item.lines),
            format!("{} title", target(step.no)),
            format!("step `{title}` from a numbered list item"),
        );
        if let Some(f) = &estimate {
            step.heading_estimate(f, Some(item.lines), &mut self.report);
        }
        let head = item.head();
        let skip_head = match head.first() {
            Some(inline::Inline::Strong(_)) => {
                let rest = &head[1..];
                let rest_text = plain(rest);
                let rest_text = rest_text.trim_start_matches(':').trim();
                if !used_head && !rest_text.is_empty() {
                    let para = Block {
                        lines: item.lines,
                        kind: BlockKind::Paragraph(rest.to_vec()),
                    };
                    step.absorb(&para, self.src, &mut self.report);
                }
                true
            }
            _ => false,
        };
        for (i, b) in item.blocks.iter().enumerate() {
            if i == 0 && skip_head && matches!(b.kind, BlockKind::Paragraph(_)) {
                continue;
            }
            if !self.take_variables(b) {
                step.absorb(b, self.src, &mut self.report);
            }
        }
        step
    }

    /// `#### Tiempo de Resolución Objetivo: 15 minutos` alone: the budget of
    /// the phase just above it.
    fn time_heading(&mut self, s: &Section<'_>, ctx: &Ctx) -> bool {
        if s.blocks.iter().all(|b| matches!(b.kind, BlockKind::Rule)) && s.children.is_empty() {
            let n = classify::norm(&s.title);
            if let Some(f) = duration::find(&s.title).filter(|_| {
                [
                    "tiempo", "time", "duracion", "objetivo", "sla", "budget", "target",
                ]
                .iter()
                .any(|w| n.contains(w))
            }) {
                let line = s.heading.map(|h| h.lines);
                for b in &s.blocks {
                    self.report
                        .add(Some(b.lines), Kind::Skipped, "nothing", "separator");
                }
                if self.phases.len() > ctx.phase_mark
                    && let Some(p) = self.phases.last_mut()
                    && p.budget.is_none()
                {
                    p.budget = Some(f.estimate);
                    let title = p.title.clone();
                    self.report.guess(
                        line,
                        format!("phase `{title}` budget"),
                        format!("{} from heading `{}`", f.estimate, s.title),
                    );
                    return true;
                }
            }
        }
        false
    }

    /// A leaf that is neither a step nor a known part: metadata lines are
    /// read, the rest waits for the next step's notes.
    fn leaf_without_steps(&mut self, s: &Section<'_>) {
        let rest: Vec<&Block> = s
            .blocks
            .iter()
            .copied()
            .filter(|b| !self.take_meta(b, true) && !self.take_variables(b))
            .collect();
        self.pend_blocks(s.heading, &rest);
    }

    /// A container's own content (before its sub-headings) and the
    /// preamble: with commands it is a step; otherwise metadata, purpose
    /// text or notes for the next step.
    fn content(
        &mut self,
        s: &Section<'_>,
        blocks: &[&Block],
        phase: &PhaseRef,
        title: &str,
        ctx: &Ctx,
    ) {
        let has_commands = blocks.iter().any(|b| freeform::block_has_commands(&b.kind));
        let announced = matches!(classify::role(&s.title), Role::Phase(_));
        if has_commands && self.split_steps(s.heading, blocks, phase, announced) {
            return;
        }
        if has_commands {
            let mut step = self.new_step(title, s.lines());
            if let Some(h) = s.heading {
                self.report.mapped(
                    h.lines,
                    format!("{} title", target(step.no)),
                    "heading of a section with its own commands",
                );
            }
            self.rundown_tags(s, &mut step);
            for b in blocks {
                if !self.take_meta(b, true) && !self.take_variables(b) {
                    step.absorb(b, self.src, &mut self.report);
                }
            }
            self.push_step(phase, step);
            return;
        }
        if let Some(h) = s.heading {
            self.report
                .mapped(h.lines, format!("phase `{}`", phase.title), "heading");
        }
        for tag in &s.tags {
            if let (Some(h), Some(l)) = (s.heading, rundown_label(tag)) {
                self.pend(format!("Rundown shortcode: {l}"), h.lines, "Rundown label");
            }
        }
        let _ = ctx;
        let rest: Vec<&Block> = blocks
            .iter()
            .copied()
            .filter(|b| !self.take_meta(b, true) && !self.take_variables(b))
            .collect();
        self.pend_blocks(None, &rest);
    }

    /// The document's preamble (before the first section).
    fn loose(&mut self, blocks: &[&Block], ctx: &Ctx, purpose: bool) {
        let has_commands = blocks.iter().any(|b| freeform::block_has_commands(&b.kind));
        if has_commands {
            let title = ctx.phase.title.clone();
            let mut step = self.new_step(&title, None);
            for b in blocks {
                if !self.take_meta(b, true) && !self.take_variables(b) {
                    step.absorb(b, self.src, &mut self.report);
                }
            }
            let phase = ctx.phase.clone();
            self.push_step(&phase, step);
            return;
        }
        for b in blocks {
            if self.take_meta(b, true) || self.take_variables(b) {
                continue;
            }
            match &b.kind {
                BlockKind::Paragraph(p) if purpose => {
                    let text = plain(p);
                    match &mut self.purpose.what {
                        None => {
                            self.purpose.what = Some(text);
                            self.report
                                .mapped(b.lines, "[purpose] what", "introduction");
                        }
                        Some(w) => {
                            w.push_str("\n\n");
                            w.push_str(&text);
                            self.report
                                .mapped(b.lines, "[purpose] what", "introduction");
                        }
                    }
                }
                BlockKind::Rule => {
                    self.report
                        .add(Some(b.lines), Kind::Skipped, "nothing", "separator")
                }
                _ => {
                    let text = self.src.raw(b.lines);
                    self.note(text, b.lines, kind_name(b));
                }
            }
        }
    }

    fn rundown_tags(&mut self, s: &Section<'_>, step: &mut StepDraft) {
        for tag in &s.tags {
            if let (Some(h), Some(l)) = (s.heading, rundown_label(tag)) {
                step.add_note(
                    format!("Rundown shortcode: {l}"),
                    h.lines,
                    &mut self.report,
                    "Rundown label",
                );
            } else if let (Some(h), true) = (s.heading, tag.contains("stop-ok")) {
                step.add_note(
                    "Rundown: stop-ok".into(),
                    h.lines,
                    &mut self.report,
                    "Rundown tag",
                );
            }
        }
    }

    /// Rundown options (`<r opt="file" .../>`) are variables of the run.
    pub fn take_variables(&mut self, b: &Block) -> bool {
        let BlockKind::Html(h) = &b.kind else {
            return false;
        };
        let mut found = false;
        for part in h.split("/>") {
            if let Some((name, desc)) = freeform::rundown_opt(&format!("{part}/>")) {
                if !self.variables.iter().any(|v| v.name == name) {
                    self.report
                        .mapped(b.lines, format!("[[variables]] {name}"), "Rundown option");
                    self.variables.push(Variable {
                        name,
                        prompt: desc,
                        ..Variable::default()
                    });
                }
                found = true;
            }
        }
        found
    }

    /// `**Key:** value` lines (in paragraphs, lists or quotes) holding
    /// metadata. Labels that are not metadata keys become notes.
    pub fn take_meta(&mut self, b: &Block, step_labels: bool) -> bool {
        let rows: Vec<Vec<inline::Inline>> = match &b.kind {
            BlockKind::Paragraph(p) => inline::lines(p),
            BlockKind::List { items, .. } => {
                if items.iter().any(|i| i.blocks.len() > 1) {
                    return false;
                }
                items.iter().map(|i| i.head().to_vec()).collect()
            }
            BlockKind::Quote(blocks) => {
                let mut rows = Vec::new();
                for inner in blocks {
                    match &inner.kind {
                        BlockKind::Paragraph(p) => rows.extend(inline::lines(p)),
                        _ => return false,
                    }
                }
                rows
            }
            _ => return false,
        };
        let labels: Vec<Option<(String, Vec<inline::Inline>)>> =
            rows.iter().map(|r| inline::label(r)).collect();
        if labels.is_empty() || labels.iter().any(Option::is_none) {
            return false;
        }
        if !labels
            .iter()
            .flatten()
            .any(|(l, _)| template::meta_field(l).is_some())
        {
            return false;
        }
        if !step_labels
            && labels
                .iter()
                .flatten()
                .any(|(l, _)| template::step_field(l).is_some())
        {
            return false;
        }
        for (label, value) in labels.into_iter().flatten() {
            let text = plain(&value);
            let used = match template::meta_field(&label) {
                Some(f) => {
                    template::apply_meta(&mut self.meta, f, &text, Some(b.lines), &mut self.report)
                }
                None => false,
            };
            if !used {
                let what = if template::meta_field(&label) == Some(MetaField::Version)
                    || template::meta_field(&label).is_some()
                {
                    format!("`{label}` value not used (`{text}`)")
                } else {
                    format!("label `{label}`")
                };
                self.notes.push(format!("{label}: {text}"));
                self.report.notes(b.lines, "procedure notes", what);
            }
        }
        true
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

pub fn kind_name(b: &Block) -> &'static str {
    match &b.kind {
        BlockKind::Heading { .. } => "heading",
        BlockKind::Paragraph(_) => "text",
        BlockKind::List { .. } => "list",
        BlockKind::Code { .. } => "code block",
        BlockKind::Table { .. } => "table",
        BlockKind::Quote(_) => "quote",
        BlockKind::Html(_) => "HTML",
        BlockKind::Rule => "separator",
    }
}

fn rundown_label(tag: &str) -> Option<String> {
    let at = tag.find("label=")? + "label=".len();
    let rest = &tag[at..];
    let rest = rest.trim_start_matches('"');
    let end = rest.find(['"', '/', '>', ' ']).unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|s| !s.is_empty())
}
