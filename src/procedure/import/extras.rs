//! The sections around the steps: purpose, metadata, prerequisites,
//! triggers, severity levels, the full rollback, troubleshooting, useful
//! commands, the quick checklist (Anexo B), the decision tree (Anexo C),
//! contacts, references and plain notes.

use super::blocks::{Block, BlockKind, Lines};
use super::builder::{Builder, Ctx, PhaseRef, kind_name};
use super::classify::{self, PurposePart, Role, norm};
use super::decision;
use super::duration;
use super::fence::{self, Class};
use super::freeform;
use super::inline::{self, Inline, plain};
use super::report::Kind;
use super::sections::Section;
use super::shell;
use super::step::{StepDraft, item_text, target};
use super::template::{self, ImpactField, TroubleField};
use super::text::list_text;
use crate::procedure::keyword::{PhaseKind, TriggerKind};
use crate::procedure::model::{
    Command, Contact, Prerequisite, PrerequisiteGroup, SeverityLevel, Trigger, Troubleshooting,
};

fn cells(row: &[Vec<Inline>]) -> Vec<String> {
    row.iter().map(|c| plain(c).replace('\n', " ")).collect()
}

fn col(head: &[String], keys: &[&str]) -> Option<usize> {
    head.iter().position(|h| {
        let n = norm(h);
        keys.iter().any(|k| n.contains(k))
    })
}

fn strip_bold(s: &str) -> String {
    s.trim().trim_matches('*').trim().to_string()
}

impl Builder<'_, '_> {
    fn heading_to(&mut self, s: &Section<'_>, target: &str) {
        if let Some(h) = s.heading {
            self.report.mapped(
                h.lines,
                target.to_string(),
                format!("heading `{}`", s.title),
            );
        }
    }

    // ----- purpose -----------------------------------------------------

    pub fn purpose_section(&mut self, s: &Section<'_>, part: PurposePart, ctx: &Ctx) {
        let key = match part {
            PurposePart::What => "what",
            PurposePart::When => "when",
            PurposePart::WhenNot => "when_not",
            PurposePart::Impact => "impact",
        };
        self.heading_to(s, &format!("[purpose] {key}"));
        let mut texts: Vec<String> = Vec::new();
        for b in &s.blocks {
            if self.take_meta(b, true) {
                continue;
            }
            match &b.kind {
                BlockKind::List { items, ordered } if part == PurposePart::Impact => {
                    let mut rest = Vec::new();
                    for item in items {
                        match inline::label(item.head()) {
                            Some((label, value)) if template::impact_field(&label).is_some() => {
                                let v = plain(&value);
                                let slot = match template::impact_field(&label).expect("checked") {
                                    ImpactField::Users => &mut self.purpose.impact.users,
                                    ImpactField::Systems => &mut self.purpose.impact.systems,
                                    ImpactField::Data => &mut self.purpose.impact.data,
                                    ImpactField::Sla => &mut self.purpose.impact.sla,
                                };
                                *slot = Some(v);
                            }
                            _ => rest.push(item.clone()),
                        }
                    }
                    if !rest.is_empty() {
                        texts.push(list_text(*ordered, &rest));
                    }
                    self.report.mapped(b.lines, "[purpose.impact]", "list");
                }
                BlockKind::Paragraph(p) => {
                    texts.push(plain(p));
                    self.report.mapped(b.lines, format!("[purpose] {key}"), "");
                }
                BlockKind::List { ordered, items } => {
                    texts.push(list_text(*ordered, items));
                    self.report
                        .mapped(b.lines, format!("[purpose] {key}"), "list");
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
        if !texts.is_empty() {
            let text = texts.join("\n\n");
            let slot = match part {
                PurposePart::What => &mut self.purpose.what,
                PurposePart::When => &mut self.purpose.when,
                PurposePart::WhenNot => &mut self.purpose.when_not,
                PurposePart::Impact => {
                    let lines = s.heading.map(|h| h.lines);
                    self.report.guess(
                        lines,
                        "[purpose.impact] users",
                        "impact written as free text",
                    );
                    &mut self.purpose.impact.users
                }
            };
            match slot {
                Some(existing) => {
                    existing.push_str("\n\n");
                    existing.push_str(&text);
                }
                None => *slot = Some(text),
            }
        }
        self.walk_children_as(s, Role::Purpose(PurposePart::What), ctx);
    }

    pub fn meta_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[procedure]");
        for b in &s.blocks {
            if !self.take_meta(b, true) {
                let text = self.src.raw(b.lines);
                self.note(text, b.lines, kind_name(b));
            }
        }
        self.walk_children_as(s, Role::Meta, ctx);
    }

    // ----- prerequisites ----------------------------------------------

    pub fn prerequisite_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        let mut commands: Vec<(String, Lines)> = Vec::new();
        self.prerequisite_group(s, &mut commands, ctx);
        if !commands.is_empty() {
            let phase = PhaseRef {
                key: 1_000_000 + self.prerequisites.len(),
                title: s.title.clone(),
                parent_title: ctx.title.clone(),
                kind: PhaseKind::Preflight,
                budget: None,
                lines: s.heading.map(|h| h.lines),
            };
            let mut step = self.new_step(&s.title, s.lines());
            for (c, lines) in commands {
                self.report.guess(
                    Some(lines),
                    format!("{} commands", target(step.no)),
                    format!(
                        "`{}` from the prerequisites, run as a preflight step",
                        c.lines().next().unwrap_or("")
                    ),
                );
                step.commands.push(Command {
                    run: c,
                    ..Command::default()
                });
            }
            self.push_step(&phase, step);
        }
    }

    fn prerequisite_group(
        &mut self,
        s: &Section<'_>,
        commands: &mut Vec<(String, Lines)>,
        ctx: &Ctx,
    ) {
        let group = if s.title.is_empty() {
            "Prerrequisitos".to_string()
        } else {
            s.title.clone()
        };
        let target = format!("[[prerequisites]] `{group}`");
        self.heading_to(s, &target);
        let mut items: Vec<Prerequisite> = Vec::new();
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items: list, .. } => {
                    for item in list {
                        let text = item_text(item);
                        if item.task == Some(true) {
                            self.report.guess(
                                Some(item.lines),
                                target.clone(),
                                "item was already ticked in the source; kept unticked",
                            );
                        }
                        // `Instalar X:- `make bin/x``: a command to run first;
                        // a tool named in passing is not.
                        let mut text_inlines: Vec<Inline> = Vec::new();
                        for inner in &item.blocks {
                            if let BlockKind::Paragraph(p) = &inner.kind {
                                if !text_inlines.is_empty() {
                                    text_inlines.push(Inline::Break);
                                }
                                text_inlines.extend(p.iter().cloned());
                            }
                        }
                        for (before, code) in inline::code_spans(&text_inlines) {
                            let b = before.trim_end();
                            if (b.ends_with(':') || b.ends_with(":-"))
                                && shell::looks_like_command(&code)
                            {
                                commands.push((code, item.lines));
                            }
                        }
                        for inner in &item.blocks {
                            if let BlockKind::Code { info, text } = &inner.kind
                                && fence::classify(&fence::parse(info), text) == Class::Shell
                            {
                                for g in shell::read(text) {
                                    commands
                                        .extend(g.commands.into_iter().map(|c| (c, inner.lines)));
                                }
                            }
                        }
                        items.push(Prerequisite { text, check: None });
                    }
                    self.report.mapped(b.lines, target.clone(), "list items");
                }
                BlockKind::Code { info, text }
                    if fence::classify(&fence::parse(info), text) == Class::Shell =>
                {
                    for g in shell::read(text) {
                        commands.extend(g.commands.into_iter().map(|c| (c, b.lines)));
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
        if !items.is_empty() {
            self.prerequisites.push(PrerequisiteGroup { group, items });
        }
        for c in &s.children {
            let own = classify::role(&c.title);
            if matches!(own, Role::Generic | Role::Prerequisites | Role::Phase(_)) {
                self.prerequisite_group(c, commands, ctx);
            } else {
                self.walk(c, ctx);
            }
        }
    }

    // ----- triggers and severity ----------------------------------------

    pub fn trigger_section(&mut self, s: &Section<'_>, kind: Option<TriggerKind>, ctx: &Ctx) {
        self.heading_to(s, "[[triggers]]");
        let action_hint = s
            .title
            .rfind('(')
            .and_then(|i| s.title[i + 1..].strip_suffix(')'))
            .map(str::to_string)
            .filter(|a| duration::whole(a).is_none() && !classify::norm(a).contains("cuando"));
        for b in &s.blocks {
            match &b.kind {
                BlockKind::Table { head, rows } => {
                    let head = cells(head);
                    let name = col(
                        &head,
                        &[
                            "trigger",
                            "disparador",
                            "alerta",
                            "senal",
                            "evento",
                            "nombre",
                            "name",
                            "signal",
                        ],
                    );
                    let cond = col(
                        &head,
                        &[
                            "descripcion",
                            "condicion",
                            "condition",
                            "description",
                            "umbral",
                            "threshold",
                            "criterio",
                        ],
                    );
                    let action = col(&head, &["accion", "action", "respuesta"]);
                    let decides = col(&head, &["decision", "decide", "quien", "aprob", "who"]);
                    let (name, cond) = match (name, cond) {
                        (Some(n), Some(c)) => (n, c),
                        (Some(n), None) => (n, if n == 0 { 1 } else { 0 }),
                        (None, Some(c)) => (if c == 0 { 1 } else { 0 }, c),
                        (None, None) => (0, 1),
                    };
                    for row in rows {
                        let r = cells(row);
                        let get = |i: usize| r.get(i).map(|s| strip_bold(s)).unwrap_or_default();
                        let n = get(name);
                        let mut c = get(cond);
                        if c.is_empty() {
                            c = n.clone();
                        }
                        if c.is_empty() {
                            continue;
                        }
                        let k = kind.unwrap_or(if decides.is_some() {
                            TriggerKind::Manual
                        } else {
                            TriggerKind::Automatic
                        });
                        self.triggers.push(Trigger {
                            kind: k,
                            name: if n.is_empty() { c.clone() } else { n },
                            condition: c,
                            action: action
                                .map(get)
                                .or_else(|| action_hint.clone())
                                .unwrap_or_default(),
                            decides: decides.map(get).filter(|d| !d.is_empty()),
                        });
                    }
                    if kind.is_none() {
                        self.report.guess(
                            Some(b.lines),
                            "[[triggers]]",
                            "trigger kind guessed from the table's columns",
                        );
                    }
                    self.report.mapped(
                        b.lines,
                        "[[triggers]]",
                        format!("table, {} rows", rows.len()),
                    );
                }
                BlockKind::List { items, .. } => {
                    for item in items {
                        let (name, cond) = match inline::label(item.head()) {
                            Some((l, v)) => (l, plain(&v)),
                            None => {
                                let t = plain(item.head()).replace('\n', " ");
                                (t.clone(), t)
                            }
                        };
                        if cond.trim().is_empty() && name.trim().is_empty() {
                            continue;
                        }
                        let cond = if cond.trim().is_empty() {
                            name.clone()
                        } else {
                            cond
                        };
                        self.triggers.push(Trigger {
                            kind: kind.unwrap_or(TriggerKind::Manual),
                            name,
                            condition: cond,
                            action: action_hint.clone().unwrap_or_default(),
                            decides: None,
                        });
                    }
                    self.report.mapped(
                        b.lines,
                        "[[triggers]]",
                        format!("list, {} items", items.len()),
                    );
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
        for c in &s.children {
            match classify::role(&c.title) {
                Role::Triggers(k) => self.trigger_section(c, k.or(kind), ctx),
                Role::Generic => self.trigger_section(c, kind, ctx),
                _ => self.walk(c, ctx),
            }
        }
    }

    pub fn severity_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[[severity]]");
        for b in &s.blocks {
            match &b.kind {
                BlockKind::Table { head, rows } => {
                    let head = cells(head);
                    let level = col(
                        &head,
                        &[
                            "nivel",
                            "level",
                            "severidad",
                            "severity",
                            "sev",
                            "prioridad",
                            "priority",
                        ],
                    )
                    .unwrap_or(0);
                    let desc = col(
                        &head,
                        &[
                            "descripcion",
                            "description",
                            "impacto",
                            "impact",
                            "nombre",
                            "name",
                        ],
                    );
                    let response = col(&head, &["respuesta", "response"]);
                    let resolution = col(&head, &["resolucion", "resolution"]);
                    let examples = col(&head, &["accion", "action", "ejemplo", "example"]);
                    for row in rows {
                        let r = cells(row);
                        let get = |i: usize| r.get(i).map(|s| strip_bold(s)).unwrap_or_default();
                        let lv = get(level);
                        if lv.is_empty() {
                            continue;
                        }
                        let resp_text = response.map(get).unwrap_or_default();
                        let res_text = resolution.map(get).unwrap_or_default();
                        let mut sev = SeverityLevel {
                            level: lv.clone(),
                            name: None,
                            description: desc.map(get).filter(|d| !d.is_empty()),
                            response: duration::find(&resp_text).map(|f| f.estimate),
                            resolution: duration::find(&res_text).map(|f| f.estimate),
                            examples: examples
                                .map(get)
                                .filter(|e| !e.is_empty())
                                .into_iter()
                                .collect(),
                        };
                        for (what, text, got) in [
                            ("response", &resp_text, sev.response),
                            ("resolution", &res_text, sev.resolution),
                        ] {
                            if !text.is_empty() {
                                match got {
                                    Some(e) => self.report.guess(
                                        Some(b.lines),
                                        format!("[[severity]] {lv}"),
                                        format!("{what} `{text}` -> {e}"),
                                    ),
                                    None => sev.examples.push(format!("{what}: {text}")),
                                }
                            }
                        }
                        self.severities.push(sev);
                    }
                    self.report.mapped(
                        b.lines,
                        "[[severity]]",
                        format!("table, {} rows", rows.len()),
                    );
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
        let child_ctx = Ctx {
            role: Role::Generic,
            ..ctx.clone()
        };
        for c in &s.children {
            self.walk(c, &child_ctx);
        }
    }

    // ----- full rollback ------------------------------------------------

    pub fn rollback_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[rollback]");
        self.rollback_lines = Some(
            self.rollback_lines
                .map_or(s.lines().unwrap_or(Lines::one(1)), |l| {
                    l.join(s.lines().unwrap_or(l))
                }),
        );
        let mut pending_label: Option<String> = None;
        for b in &s.blocks {
            if let Some(label) = pending_label.take()
                && template::rollback_when(&label)
                && let BlockKind::List { items, .. } = &b.kind
            {
                self.rollback_when.extend(items.iter().map(item_text));
                self.report.mapped(b.lines, "[rollback] when", "list");
                continue;
            }
            match &b.kind {
                BlockKind::Paragraph(p)
                    if inline::lines(p)
                        .first()
                        .and_then(|r| inline::label(r))
                        .is_some() =>
                {
                    let mut rest: Vec<String> = Vec::new();
                    for row in inline::lines(p) {
                        match inline::label(&row) {
                            Some((label, value)) => {
                                let v = plain(&value);
                                if template::rollback_when(&label) {
                                    if v.is_empty() {
                                        pending_label = Some(label.clone());
                                    } else {
                                        self.rollback_when.push(v);
                                    }
                                    self.report.mapped(
                                        b.lines,
                                        "[rollback] when",
                                        format!("`{label}`"),
                                    );
                                } else if template::rollback_total(&label)
                                    && duration::find(&v).is_some()
                                {
                                    let f = duration::find(&v).expect("checked");
                                    if self.rollback_estimate.is_none() {
                                        self.rollback_estimate = Some(f.estimate);
                                    }
                                    self.report.mapped(
                                        b.lines,
                                        "[rollback] estimate",
                                        format!("`{v}` -> {}", f.estimate),
                                    );
                                } else if let (Some(last), Some(f)) =
                                    (self.rollback_steps.last_mut(), template::step_field(&label))
                                {
                                    let _ = f;
                                    let para = Block {
                                        lines: b.lines,
                                        kind: BlockKind::Paragraph(row.clone()),
                                    };
                                    last.absorb(&para, self.src, &mut self.report);
                                } else {
                                    rest.push(plain(&row));
                                }
                            }
                            None => rest.push(plain(&row)),
                        }
                    }
                    if !rest.is_empty() {
                        self.pend(rest.join("\n"), b.lines, "text");
                    }
                }
                BlockKind::Paragraph(p) if freeform::is_failure_sentence(&plain(p)) => {
                    self.rollback_when
                        .push(plain(p).trim_end_matches(':').to_string());
                    self.report
                        .mapped(b.lines, "[rollback] when", "conditional sentence");
                }
                BlockKind::List {
                    ordered: Some(_),
                    items,
                } => {
                    for item in items {
                        let mut step = self.item_step(item, 0);
                        self.attach_pending(&mut step);
                        self.rollback_steps.push(step);
                    }
                }
                BlockKind::List { ordered: None, .. }
                    if !self.rollback_steps.is_empty() && s.children.is_empty() =>
                {
                    let src = self.src;
                    if let Some(last) = self.rollback_steps.last_mut() {
                        last.absorb(b, src, &mut self.report);
                    }
                }
                BlockKind::Code { .. } if !self.rollback_steps.is_empty() => {
                    let src = self.src;
                    if let Some(last) = self.rollback_steps.last_mut() {
                        last.absorb(b, src, &mut self.report);
                    }
                }
                BlockKind::Code { info, text }
                    if fence::classify(&fence::parse(info), text) == Class::Shell =>
                {
                    let mut step = self.new_step(&s.title, Some(b.lines));
                    step.absorb(b, self.src, &mut self.report);
                    self.attach_pending(&mut step);
                    self.rollback_steps.push(step);
                }
                BlockKind::Rule => {
                    self.report
                        .add(Some(b.lines), Kind::Skipped, "nothing", "separator")
                }
                _ => {
                    let text = self.src.raw(b.lines);
                    self.pend(text, b.lines, kind_name(b));
                }
            }
        }
        for c in &s.children {
            let own = classify::role(&c.title);
            match own {
                Role::Generic | Role::Phase(_) | Role::Rollback => {
                    if c.children
                        .iter()
                        .any(|g| classify::step_heading(&g.title).is_some())
                    {
                        self.rollback_section(c, ctx);
                        continue;
                    }
                    let (id, rest) = classify::step_heading(&c.title).unwrap_or_default();
                    let title_src = if rest.is_empty() {
                        c.title.clone()
                    } else {
                        rest
                    };
                    let (title, est) = match duration::from_heading(&title_src) {
                        Some((t, f)) => (t, Some(f)),
                        None => (title_src, None),
                    };
                    let mut step = self.new_step(&title, c.lines());
                    if !id.is_empty() {
                        // `Paso 1` of the full rollback is its R1.
                        let id = if id.starts_with('R') {
                            id.clone()
                        } else {
                            format!("R{id}")
                        };
                        step.explicit_id = Some(id);
                    }
                    if let Some(h) = c.heading {
                        self.report.mapped(
                            h.lines,
                            format!("{} title", target(step.no)),
                            "rollback step heading",
                        );
                        if let Some(f) = &est {
                            step.heading_estimate(f, Some(h.lines), &mut self.report);
                        }
                    }
                    for b in &c.blocks {
                        if !self.take_rollback_total(b) {
                            step.absorb(b, self.src, &mut self.report);
                        }
                    }
                    for g in &c.children {
                        if let Some(h) = g.heading {
                            step.absorb(h, self.src, &mut self.report);
                        }
                        for b in &g.blocks {
                            step.absorb(b, self.src, &mut self.report);
                        }
                    }
                    self.attach_pending(&mut step);
                    self.rollback_steps.push(step);
                }
                Role::RollbackWhen | Role::Triggers(_) => {
                    self.heading_to(c, "[rollback] when");
                    for b in &c.blocks {
                        match &b.kind {
                            BlockKind::List { items, .. } => {
                                self.rollback_when.extend(items.iter().map(item_text));
                                self.report.mapped(b.lines, "[rollback] when", "list");
                            }
                            BlockKind::Paragraph(p) => {
                                self.rollback_when.push(plain(p));
                                self.report.mapped(b.lines, "[rollback] when", "text");
                            }
                            _ => {
                                let text = self.src.raw(b.lines);
                                self.note(text, b.lines, kind_name(b));
                            }
                        }
                    }
                }
                _ => self.walk(c, ctx),
            }
        }
        if self.rollback_steps.is_empty() && !self.pending.is_empty() {
            // Only prose: the operator follows it by hand.
            let mut step: StepDraft = self.new_step(&s.title, s.lines());
            self.report.guess(
                s.heading.map(|h| h.lines),
                format!("{} title", target(step.no)),
                "the rollback is described in prose only: one manual step",
            );
            self.attach_pending(&mut step);
            step.instructions = std::mem::take(&mut step.notes);
            self.rollback_steps.push(step);
        }
    }

    /// `**Tiempo total de rollback:** ~10-15 minutos` written under the
    /// last rollback step: the whole rollback's estimate.
    fn take_rollback_total(&mut self, b: &Block) -> bool {
        let BlockKind::Paragraph(p) = &b.kind else {
            return false;
        };
        let rows = inline::lines(p);
        let [row] = rows.as_slice() else { return false };
        let Some((label, value)) = inline::label(row) else {
            return false;
        };
        let v = plain(&value);
        match duration::find(&v) {
            Some(f) if template::rollback_total(&label) => {
                if self.rollback_estimate.is_none() {
                    self.rollback_estimate = Some(f.estimate);
                }
                self.report.mapped(
                    b.lines,
                    "[rollback] estimate",
                    format!("`{v}` -> {}", f.estimate),
                );
                true
            }
            _ => false,
        }
    }

    // ----- troubleshooting and useful commands ------------------------

    pub fn trouble_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[[troubleshooting]]");
        if s.children.is_empty() {
            self.trouble_entry(s, &s.title, true);
            return;
        }
        // Own content before the entries.
        let own_has_commands = s
            .blocks
            .iter()
            .any(|b| freeform::block_has_commands(&b.kind));
        if own_has_commands {
            self.trouble_entry_blocks(&s.blocks, &s.title, true);
        } else {
            for b in &s.blocks {
                let text = self.src.raw(b.lines);
                self.note(text, b.lines, kind_name(b));
            }
        }
        for c in &s.children {
            let own = classify::role(&c.title);
            if matches!(
                own,
                Role::Generic | Role::Phase(_) | Role::Troubleshooting | Role::Rollback
            ) {
                let problem = problem_title(&c.title);
                self.heading_to(c, "[[troubleshooting]] problem");
                if c.children.is_empty() {
                    self.trouble_entry(c, &problem, true);
                } else {
                    self.trouble_section(c, ctx);
                }
            } else {
                self.walk(c, ctx);
            }
        }
    }

    fn trouble_entry(&mut self, s: &Section<'_>, problem: &str, split_groups: bool) {
        self.trouble_entry_blocks(&s.blocks, problem, split_groups);
    }

    fn trouble_entry_blocks(&mut self, blocks: &[&Block], problem: &str, split_groups: bool) {
        let mut entry = Troubleshooting {
            problem: problem.to_string(),
            ..Troubleshooting::default()
        };
        let mut pending: Option<TroubleField> = None;
        let mut extra_entries: Vec<Troubleshooting> = Vec::new();
        let labelled = blocks.iter().any(|b| matches!(&b.kind, BlockKind::Paragraph(p) if inline::lines(p).first().and_then(|r| inline::label(r)).is_some()));
        for b in blocks {
            match &b.kind {
                BlockKind::Paragraph(p) => {
                    let mut unlabelled = Vec::new();
                    for row in inline::lines(p) {
                        match inline::label(&row)
                            .and_then(|(l, v)| template::trouble_field(&l).map(|f| (f, v)))
                        {
                            Some((f, v)) => {
                                let text = plain(&v);
                                if text.is_empty() {
                                    pending = Some(f);
                                } else {
                                    trouble_put(&mut entry, f, text, &v);
                                }
                            }
                            None => unlabelled.push(plain(&row)),
                        }
                    }
                    if unlabelled.is_empty() {
                        self.report.mapped(
                            b.lines,
                            format!("[[troubleshooting]] `{problem}`"),
                            "labels",
                        );
                    } else if pending.is_none() && entry.cause.is_none() && !labelled {
                        entry.cause = Some(unlabelled.join("\n"));
                        self.report.guess(
                            Some(b.lines),
                            format!("[[troubleshooting]] `{problem}` cause"),
                            "text under the problem read as its cause",
                        );
                    } else {
                        self.note(
                            format!("{problem}: {}", unlabelled.join("\n")),
                            b.lines,
                            "troubleshooting text",
                        );
                    }
                }
                BlockKind::List { items, .. } => {
                    let texts: Vec<String> = items.iter().map(item_text).collect();
                    match pending.take() {
                        Some(TroubleField::Cause) => entry.cause = Some(texts.join("\n")),
                        Some(TroubleField::Solution) => {
                            for item in items {
                                match shell::command_with_remark(&inline::bare(item.head()))
                                    .filter(|_| freeform::is_bare(item.head()))
                                {
                                    Some((c, _)) => entry.solution.push(Command {
                                        run: c,
                                        ..Command::default()
                                    }),
                                    None => {
                                        let cmds = freeform::inline_commands(item.head());
                                        if cmds.is_empty() {
                                            entry
                                                .symptoms
                                                .push(format!("Solución: {}", item_text(item)));
                                        }
                                        for (c, _) in cmds {
                                            entry.solution.push(Command {
                                                run: c,
                                                ..Command::default()
                                            });
                                        }
                                    }
                                }
                            }
                        }
                        Some(TroubleField::References) => entry.references.extend(texts),
                        Some(TroubleField::Symptoms) | None => entry.symptoms.extend(texts),
                    }
                    self.report
                        .mapped(b.lines, format!("[[troubleshooting]] `{problem}`"), "list");
                }
                BlockKind::Code { info, text } => {
                    let info = fence::parse(info);
                    if fence::classify(&info, text) == Class::Shell {
                        let groups = shell::comment_groups(text);
                        let verbs = groups
                            .iter()
                            .filter(|g| g.0.as_deref().is_some_and(starts_with_verb))
                            .count();
                        if split_groups
                            && groups.len() >= 2
                            && groups.iter().all(|g| g.0.is_some() && !g.1.is_empty())
                            && !labelled
                            && verbs * 2 < groups.len()
                        {
                            for (comment, cmds) in groups {
                                let title = format!("{problem}: {}", comment.unwrap_or_default());
                                extra_entries.push(Troubleshooting {
                                    problem: title,
                                    solution: cmds
                                        .into_iter()
                                        .map(|c| Command {
                                            run: c,
                                            ..Command::default()
                                        })
                                        .collect(),
                                    ..Troubleshooting::default()
                                });
                            }
                            self.report.mapped(
                                b.lines,
                                "[[troubleshooting]]",
                                "one entry per commented group of commands",
                            );
                        } else {
                            for g in shell::read(text) {
                                entry
                                    .solution
                                    .extend(g.commands.into_iter().map(|c| Command {
                                        run: c,
                                        ..Command::default()
                                    }));
                                if !g.text.is_empty() {
                                    self.note(
                                        format!("{problem}:\n{}", g.text.join("\n")),
                                        b.lines,
                                        "text in a shell block",
                                    );
                                }
                                entry.symptoms.extend(
                                    g.expected.into_iter().map(|e| format!("Esperado: {e}")),
                                );
                            }
                            self.report.mapped(
                                b.lines,
                                format!("[[troubleshooting]] `{problem}` solution"),
                                "code block",
                            );
                        }
                        pending = None;
                    } else if pending == Some(TroubleField::Symptoms) {
                        entry.symptoms.push(text.trim_end().to_string());
                        self.report.mapped(
                            b.lines,
                            format!("[[troubleshooting]] `{problem}` symptoms"),
                            "code block",
                        );
                        pending = None;
                    } else {
                        let raw = self.src.raw(b.lines);
                        self.note(
                            format!("{problem}:\n{raw}"),
                            b.lines,
                            "code block in troubleshooting",
                        );
                    }
                }
                BlockKind::Rule => {
                    self.report
                        .add(Some(b.lines), Kind::Skipped, "nothing", "separator")
                }
                _ => {
                    let raw = self.src.raw(b.lines);
                    self.note(raw, b.lines, kind_name(b));
                }
            }
        }
        let has_content = !entry.solution.is_empty()
            || !entry.symptoms.is_empty()
            || entry.cause.is_some()
            || !entry.references.is_empty();
        if has_content && !entry.problem.trim().is_empty() {
            self.troubleshooting.push(entry);
        }
        self.troubleshooting.extend(extra_entries);
    }

    pub fn useful_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[[troubleshooting]]");
        self.trouble_entry(s, &problem_title(&s.title), false);
        for c in &s.children {
            match classify::role(&c.title) {
                Role::Generic | Role::Phase(_) | Role::UsefulCommands => {
                    self.useful_section(c, ctx)
                }
                _ => self.walk(c, ctx),
            }
        }
    }

    // ----- Anexo B, Anexo C ---------------------------------------------

    pub fn quick_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "quick_checklist");
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items, .. } => {
                    // Items of a sub-group keep the group's name.
                    let prefix = if ctx.role == Role::QuickChecklist && !s.title.is_empty() {
                        format!("{}: ", s.title)
                    } else {
                        String::new()
                    };
                    self.quick.extend(
                        items
                            .iter()
                            .map(|i| format!("{prefix}{}", item_text(i).replace('\n', " "))),
                    );
                    self.report.mapped(
                        b.lines,
                        "quick_checklist",
                        format!("{} items", items.len()),
                    );
                }
                BlockKind::Code { text, .. } => {
                    let mut n = 0;
                    for line in text.lines() {
                        let t = line.trim();
                        if t.is_empty() {
                            continue;
                        }
                        let item = t
                            .trim_start_matches("[ ]")
                            .trim_start_matches("[x]")
                            .trim_start_matches("- [ ]")
                            .trim();
                        let indented = line.starts_with(' ') || line.starts_with('\t');
                        match (indented, self.quick.last_mut()) {
                            (true, Some(last)) if n > 0 => {
                                last.push_str(if last.contains(" — ") {
                                    "; "
                                } else {
                                    " — "
                                });
                                last.push_str(item.trim_start_matches("- "));
                            }
                            _ => {
                                self.quick.push(item.to_string());
                                n += 1;
                            }
                        }
                    }
                    self.report.mapped(
                        b.lines,
                        "quick_checklist",
                        format!("{n} items from a text block"),
                    );
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
        self.walk_children_as(s, Role::QuickChecklist, ctx);
    }

    pub fn decision_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[[decision]]");
        for b in &s.blocks {
            let text = match &b.kind {
                BlockKind::Code { text, .. } => Some(text.clone()),
                BlockKind::Paragraph(p) => Some(plain(p)),
                _ => None,
            };
            let parsed = text.as_deref().and_then(decision::parse);
            match parsed {
                Some((nodes, filled)) if self.decision.is_empty() => {
                    self.report
                        .mapped(b.lines, "[[decision]]", format!("{} nodes", nodes.len()));
                    if filled > 0 {
                        self.report.guess(
                            Some(b.lines),
                            "[[decision]]",
                            format!(
                                "{filled} missing answers filled with \"Not stated in the source\""
                            ),
                        );
                    }
                    self.decision = nodes;
                }
                _ => {
                    let raw = self.src.raw(b.lines);
                    self.note(raw, b.lines, kind_name(b));
                }
            }
        }
        self.walk_children_as(s, Role::DecisionTree, ctx);
    }

    // ----- contacts, references, notes ----------------------------------

    pub fn contact_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "[[contacts]]");
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items, .. } => {
                    for item in items {
                        self.contacts.push(contact_from_line(item.head()));
                    }
                    self.report
                        .mapped(b.lines, "[[contacts]]", format!("{} items", items.len()));
                }
                BlockKind::Paragraph(p) => {
                    let rows = inline::lines(p);
                    if rows.iter().all(|r| inline::label(r).is_some()) {
                        for r in rows {
                            self.contacts.push(contact_from_line(&r));
                        }
                        self.report
                            .mapped(b.lines, "[[contacts]]", "labelled lines");
                    } else {
                        let text = self.src.raw(b.lines);
                        self.note(text, b.lines, "text");
                    }
                }
                BlockKind::Table { head, rows } => {
                    let head = cells(head);
                    let level = col(&head, &["nivel", "level", "severidad", "severity"]);
                    let role = col(&head, &["rol", "role", "area", "equipo", "team", "cargo"])
                        .or(level)
                        .unwrap_or(0);
                    let level = level.filter(|l| *l != role);
                    let contact = col(
                        &head,
                        &[
                            "contacto", "contact", "email", "telefono", "phone", "slack", "canal",
                        ],
                    );
                    let when = col(&head, &["cuando", "when", "time", "tiempo"]);
                    for row in rows {
                        let r = cells(row);
                        let get = |i: usize| r.get(i).map(|s| strip_bold(s)).unwrap_or_default();
                        let mut role_text = get(role);
                        if let Some(l) = level {
                            role_text = format!("{} {role_text}", get(l));
                        }
                        if role_text.trim().is_empty() {
                            continue;
                        }
                        let others: Vec<String> = (0..r.len())
                            .filter(|i| {
                                Some(*i) != Some(role)
                                    && Some(*i) != level
                                    && Some(*i) != contact
                                    && Some(*i) != when
                            })
                            .filter(|i| !get(*i).is_empty())
                            .map(|i| {
                                format!(
                                    "{}: {}",
                                    head.get(i).map(|h| strip_bold(h)).unwrap_or_default(),
                                    get(i)
                                )
                            })
                            .collect();
                        self.contacts.push(Contact {
                            role: role_text.trim().to_string(),
                            name: (!others.is_empty()).then(|| others.join("; ")),
                            contact: contact.map(get).filter(|c| !c.is_empty()),
                            when: when.map(get).filter(|w| !w.is_empty()),
                        });
                    }
                    self.report.mapped(
                        b.lines,
                        "[[contacts]]",
                        format!("table, {} rows", rows.len()),
                    );
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
        self.walk_children_as(s, Role::Contacts, ctx);
    }

    pub fn reference_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, "references");
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items, .. } => {
                    self.references
                        .extend(items.iter().map(|i| item_text(i).replace('\n', " ")));
                    self.report
                        .mapped(b.lines, "references", format!("{} items", items.len()));
                }
                BlockKind::Paragraph(p) => {
                    self.references
                        .extend(inline::lines(p).iter().map(|r| plain(r)));
                    self.report.mapped(b.lines, "references", "text");
                }
                BlockKind::Table { rows, .. } => {
                    self.references
                        .extend(rows.iter().map(|r| cells(r).join(" | ")));
                    self.report.mapped(b.lines, "references", "table");
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
        self.walk_children_as(s, Role::References, ctx);
    }

    pub fn notes_section(&mut self, s: &Section<'_>) {
        let mut texts: Vec<String> = Vec::new();
        let mut parts: Vec<(Lines, &'static str)> = Vec::new();
        let mut others: Vec<&Section<'_>> = Vec::new();
        self.collect_notes(s, &mut texts, &mut parts, &mut others);
        if !texts.is_empty() {
            for (lines, what) in &parts {
                self.report.notes(*lines, "procedure notes", *what);
            }
            self.notes.push(texts.join("\n\n"));
        }
        let ctx = Ctx {
            role: Role::Generic,
            phase: PhaseRef {
                key: 1,
                title: self.meta.title.clone(),
                parent_title: String::new(),
                kind: PhaseKind::Execution,
                budget: None,
                lines: None,
            },
            phase_like: false,
            kind: None,
            title: String::new(),
            phase_mark: self.phases.len(),
        };
        for c in others {
            self.walk(c, &ctx);
        }
    }

    /// A notes section verbatim (sub-sections included); metadata lines in
    /// it are also read (`**Versión:** 1.2.0` at the end of a document).
    fn collect_notes<'a>(
        &mut self,
        s: &'a Section<'a>,
        texts: &mut Vec<String>,
        parts: &mut Vec<(Lines, &'static str)>,
        others: &mut Vec<&'a Section<'a>>,
    ) {
        if let Some(h) = s.heading {
            texts.push(self.src.raw(h.lines));
            parts.push((h.lines, "section kept as notes"));
        }
        for b in &s.blocks {
            if matches!(b.kind, BlockKind::Rule) {
                self.report
                    .add(Some(b.lines), Kind::Skipped, "nothing", "separator");
                continue;
            }
            self.glean_meta(b);
            texts.push(self.src.raw(b.lines));
            parts.push((b.lines, "section kept as notes"));
        }
        for c in &s.children {
            match classify::role(&c.title) {
                Role::Generic | Role::Notes | Role::Phase(_) | Role::Purpose(_) => {
                    self.collect_notes(c, texts, parts, others)
                }
                _ => others.push(c),
            }
        }
    }

    /// Metadata from `**Key:** value` lines, keeping the lines themselves.
    fn glean_meta(&mut self, b: &Block) {
        let BlockKind::Paragraph(p) = &b.kind else {
            return;
        };
        for row in inline::lines(p) {
            if let Some((label, value)) = inline::label(&row)
                && let Some(f) = template::meta_field(&label)
            {
                {
                    template::apply_meta(
                        &mut self.meta,
                        f,
                        &plain(&value),
                        Some(b.lines),
                        &mut self.report,
                    );
                }
            }
        }
    }
}

fn trouble_put(entry: &mut Troubleshooting, f: TroubleField, text: String, value: &[Inline]) {
    match f {
        TroubleField::Symptoms => entry.symptoms.push(text),
        TroubleField::Cause => entry.cause = Some(text),
        TroubleField::References => entry.references.push(text),
        TroubleField::Solution => {
            let cmds = freeform::inline_commands(value);
            if cmds.is_empty() {
                entry.symptoms.push(format!("Solución: {text}"));
            }
            for (c, _) in cmds {
                entry.solution.push(Command {
                    run: c,
                    ..Command::default()
                });
            }
        }
    }
}

/// `Verificar ...`, `Revisar ...`, `Check ...`: a comment that says what
/// to do, not what is wrong.
fn starts_with_verb(comment: &str) -> bool {
    let first = norm(comment)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let spanish = first.len() > 3
        && (first.ends_with("ar") || first.ends_with("er") || first.ends_with("ir"));
    let english = [
        "check", "restart", "verify", "increase", "renew", "copy", "run", "get", "list", "see",
        "view", "show", "inspect", "describe", "delete", "scale", "apply", "rollback", "create",
        "restore", "update", "reset", "kill", "stop", "start",
    ]
    .contains(&first.as_str());
    spanish || english
}

/// `Problema 1: [Problema Común]` -> `[Problema Común]`.
fn problem_title(title: &str) -> String {
    let n = norm(title);
    for prefix in [
        "problema ",
        "problem ",
        "issue ",
        "caso ",
        "anexo ",
        "annex ",
        "appendix ",
    ] {
        if n.starts_with(prefix)
            && let Some((_, rest)) = title.split_once(':')
            && !rest.trim().is_empty()
        {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

/// `**Tech Lead:** Ana Pérez - @ana` and `On-Call: [link]`.
fn contact_from_line(head: &[Inline]) -> Contact {
    let (role, rest) = match inline::label(head) {
        Some((l, v)) => (l, plain(&v)),
        None => {
            let t = plain(head).replace('\n', " ");
            match t.split_once(": ") {
                Some((a, b)) if a.len() < 60 => (a.trim().to_string(), b.trim().to_string()),
                _ => (t, String::new()),
            }
        }
    };
    let looks_contact = |s: &str| {
        s.contains('@')
            || s.contains("http")
            || s.starts_with('+')
            || s.starts_with('#')
            || s.chars().filter(|c| c.is_ascii_digit()).count() >= 6
    };
    let (name, contact) = match rest.split_once(" - ") {
        Some((n, c)) => (Some(n.trim().to_string()), Some(c.trim().to_string())),
        None if rest.is_empty() => (None, None),
        None if looks_contact(&rest) => (None, Some(rest.clone())),
        None => (Some(rest.clone()), None),
    };
    Contact {
        role,
        name: name.filter(|n| !n.is_empty()),
        contact: contact.filter(|c| !c.is_empty()),
        when: None,
    }
}
