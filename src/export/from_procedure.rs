//! The quick checklist of a procedure (the template's Anexo B, extended):
//! header and blanks, prerequisites, every phase and step, the rollback
//! plan, the decision tree, contacts and the author's own checklist.
//!
//! Variables stay as `${NAME}` (the loader refuses a secret with a
//! default, so no secret value is in a procedure); credential shapes
//! written into a command by mistake (`Bearer …`, `password=…`) are
//! redacted as the journal redacts them. Prose is left alone: there the
//! shapes would mistake a label like "Password: see the vault" for one.

use super::abridge;
use super::doc::{Block, Detail, Doc, Item, Mark, Section};
use super::tree;

use crate::i18n::Lang;
use crate::journal::Redactor;
use crate::procedure::{Command, Procedure, Step, StepRollback};

pub fn build(p: &Procedure, lang: Lang) -> Doc {
    let b = Builder {
        p,
        t: lang,
        redactor: Redactor::default(),
    };
    let mut sections = vec![b.header()];
    sections.extend(b.prerequisites());
    sections.extend(b.variables());
    sections.extend(b.phases());
    sections.push(b.rollback());
    sections.extend(b.decision_tree());
    sections.extend(b.snippets());
    sections.extend(b.contacts());
    sections.extend(b.authors_checklist());
    Doc {
        lang,
        title: format!("{} · {}", b.clean(&p.meta.id), b.clean(&p.meta.title)),
        kind: crate::tr!(b.t, "export-quick-checklist").to_string(),
        sections,
    }
}

pub(super) struct Builder<'a> {
    pub(super) p: &'a Procedure,
    pub(super) t: crate::i18n::Lang,
    /// Redacts well-known credential shapes in commands.
    redactor: Redactor,
}

impl Builder<'_> {
    /// Free text from the procedure, on one line.
    pub(super) fn clean(&self, text: &str) -> String {
        abridge::one_line(text)
    }

    /// A command's text, redacted as the journal would redact it.
    pub(super) fn command(&self, text: &str) -> String {
        self.redactor.redact(text)
    }

    fn header(&self) -> Section {
        let (m, t) = (&self.p.meta, self.t);
        let mut fields = vec![(crate::tr!(t, "export-id").to_string(), self.clean(&m.id))];
        fields.push((
            crate::tr!(t, "export-version").to_string(),
            self.clean(&m.version),
        ));
        if let Some(c) = m.criticality {
            fields.push((
                crate::tr!(t, "export-criticality"),
                crate::export::words::criticality(t, c),
            ));
        }
        if let Some(c) = m.category {
            fields.push((
                crate::tr!(t, "export-category"),
                crate::export::words::category(t, c),
            ));
        }
        if let Some(e) = &m.environment {
            fields.push((crate::tr!(t, "export-environment"), self.clean(e)));
        }
        let estimate = m.estimate.or_else(|| {
            let sum = self.p.steps_estimate();
            (sum.max_secs > 0).then_some(sum)
        });
        if let Some(e) = estimate {
            fields.push((crate::tr!(t, "export-estimate"), e.to_string()));
        }
        if let Some(r) = m.rto {
            fields.push((crate::tr!(t, "export-rto"), r.to_string()));
        }
        if let Some(r) = m.rpo {
            fields.push((crate::tr!(t, "export-rpo"), r.to_string()));
        }
        if let Some(a) = &m.author {
            fields.push((crate::tr!(t, "export-author"), self.clean(a)));
        }
        if let Some(u) = m.updated {
            fields.push((
                crate::tr!(t, "export-updated"),
                u.format("%Y-%m-%d").to_string(),
            ));
        }
        if !m.reviewers.is_empty() {
            let r: Vec<String> = m.reviewers.iter().map(|r| self.clean(r)).collect();
            fields.push((crate::tr!(t, "export-reviewers"), r.join(", ")));
        }
        let mut blanks: Vec<String> = [
            crate::tr!(t, "export-operator"),
            crate::tr!(t, "export-date"),
            crate::tr!(t, "export-start-time"),
            crate::tr!(t, "export-end-time"),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        if !m.reviewers.is_empty() {
            blanks.push(crate::tr!(t, "export-reviewed-by"));
            blanks.push(crate::tr!(t, "export-approved-by"));
        }
        blanks.push(crate::tr!(t, "export-signature"));
        Section {
            aside: None,
            title: None,
            blocks: vec![Block::Fields(fields), Block::Blanks(blanks)],
        }
    }

    fn prerequisites(&self) -> Option<Section> {
        if self.p.prerequisites.is_empty() {
            return None;
        }
        let mut blocks = Vec::new();
        for g in &self.p.prerequisites {
            if !g.group.trim().is_empty() {
                blocks.push(Block::Heading {
                    text: self.clean(&g.group),
                    aside: None,
                });
            }
            let items = g
                .items
                .iter()
                .map(|i| {
                    let mut item = Item::new(Some(Mark::Empty), self.clean(&i.text));
                    if let Some(c) = &i.check {
                        item.details.extend(self.code(
                            Some(&crate::tr!(self.t, "export-check")),
                            std::slice::from_ref(c),
                        ));
                    }
                    item
                })
                .collect();
            blocks.push(Block::Items(items));
        }
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-prerequisites")),
            blocks,
        })
    }

    fn variables(&self) -> Option<Section> {
        if self.p.variables.is_empty() {
            return None;
        }
        let items = self
            .p
            .variables
            .iter()
            .map(|v| {
                let mut item = Item::new(None, format!("${{{}}}", v.name));
                if let Some(prompt) = &v.prompt {
                    item.details.push(Detail::plain(self.clean(prompt)));
                }
                if v.secret {
                    item.flags
                        .push(crate::tr!(self.t, "export-secret-variable").to_uppercase());
                } else {
                    if let Some(d) = &v.default {
                        item.details.push(Detail::plain(crate::tr!(
                            self.t,
                            "export-default-value",
                            value = self.clean(d).to_string()
                        )));
                    }
                    item.details.push(Detail::line(
                        crate::tr!(self.t, "export-value-blank"),
                        "_".repeat(30),
                    ));
                }
                item
            })
            .collect();
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-variables")),
            blocks: vec![Block::Items(items)],
        })
    }

    fn phases(&self) -> Vec<Section> {
        self.p
            .phases
            .iter()
            .map(|ph| Section {
                aside: ph.budget.map(|b| {
                    crate::tr!(self.t, "export-budget", budget = b.to_string().to_string())
                }),
                title: Some(self.clean(&ph.title)),
                blocks: vec![Block::Items(
                    ph.steps.iter().map(|s| self.step(s)).collect(),
                )],
            })
            .collect()
    }

    /// A step with its box, commands, expected result and rollback pointer.
    fn step(&self, s: &Step) -> Item {
        let t = self.t;
        let mut item = Item::new(Some(Mark::Empty), self.clean(&s.title));
        item.id = Some(self.clean(&s.id));
        item.aside = s.estimate.map(|e| e.to_string());
        if s.confirm {
            item.flags.push(crate::tr!(t, "export-confirm-flag"));
        }
        if s.manual {
            item.flags.push(crate::tr!(t, "export-manual-flag"));
        }
        if s.criticality == Some(crate::procedure::Criticality::Critical) {
            item.flags.push(crate::tr!(t, "export-critical-flag"));
        }
        if let Some(w) = &s.warning {
            item.details.push(Detail::Line {
                label: Some(crate::tr!(self.t, "procedure-warning-label")),
                text: self.clean(w),
                strong: true,
            });
        }
        item.details.extend(self.branch_details(s));
        item.details.extend(self.code(None, &s.commands));
        if let Some(e) = &s.expected {
            item.details.push(Detail::line(
                crate::tr!(t, "export-expected"),
                self.clean(e),
            ));
        }
        // A choice only asks: nothing of its own to undo.
        if s.choice.is_none()
            && let Some(r) = self.rollback_pointer(s)
        {
            item.details.push(r);
        }
        item
    }

    /// "rollback: R2", the own undo summarized, "no rollback needed" or
    /// "rollback not documented". Full-rollback steps have none.
    fn rollback_pointer(&self, s: &Step) -> Option<Detail> {
        let t = self.t;
        let text = match &s.rollback {
            StepRollback::Missing => crate::tr!(t, "export-rollback-undocumented").to_string(),
            StepRollback::None => crate::tr!(t, "export-no-rollback").to_string(),
            StepRollback::Some(u) => {
                let mut parts = Vec::new();
                let own = !u.commands.is_empty() || u.instructions.is_some();
                if own {
                    let head = match u.estimate {
                        Some(e) => {
                            crate::tr!(t, "export-own-undo", step = e.to_string().to_string())
                        }
                        None => crate::tr!(t, "export-own-undo-no-estimate").to_string(),
                    };
                    let what = match (u.commands.first(), &u.instructions) {
                        (Some(c), _) => {
                            let line = abridge::one_line(&self.command(&c.run));
                            let more = u.commands.len() - 1;
                            let mut s = format!("`{}`", abridge::cut(&line, abridge::MAX_LINE));
                            if more > 0 {
                                s.push(' ');
                                s.push_str(&crate::tr!(t, "export-more-commands", count = more));
                            }
                            s
                        }
                        (None, Some(i)) => {
                            abridge::cut(self.clean(i).trim_end_matches('.'), abridge::MAX_SUMMARY)
                        }
                        (None, None) => String::new(),
                    };
                    parts.push(format!("{head}: {what}"));
                }
                if !u.steps.is_empty() {
                    let steps = u.steps.join(", ");
                    parts.push(if own {
                        crate::tr!(t, "export-then-steps", steps = steps.to_string())
                    } else {
                        match u.estimate {
                            Some(e) => format!("{steps} ({e})"),
                            None => steps,
                        }
                    });
                }
                parts.join("; ")
            }
        };
        Some(Detail::line(crate::tr!(t, "export-rollback"), text))
    }

    fn rollback(&self) -> Section {
        let (rb, t) = (&self.p.rollback, self.t);
        let mut blocks = Vec::new();
        if let Some(e) = rb.estimate {
            blocks.push(Block::Fields(vec![(
                crate::tr!(t, "export-estimate"),
                e.to_string(),
            )]));
        }
        if !rb.when.is_empty() {
            blocks.push(Block::Heading {
                text: crate::tr!(t, "export-when-to-roll-back"),
                aside: None,
            });
            blocks.push(Block::Bullets(
                rb.when.iter().map(|w| self.clean(w)).collect(),
            ));
        }
        if !self.p.triggers.is_empty() {
            blocks.push(Block::Heading {
                text: crate::tr!(t, "export-triggers"),
                aside: None,
            });
            let triggers = self
                .p
                .triggers
                .iter()
                .map(|tr| {
                    let mut s = format!(
                        "[{}] {}: {} → {}",
                        crate::export::words::trigger_kind(t, tr.kind),
                        self.clean(&tr.name),
                        self.clean(&tr.condition),
                        self.clean(&tr.action)
                    );
                    if let Some(d) = &tr.decides {
                        s.push_str(&format!(
                            " ({})",
                            crate::tr!(t, "export-decides", who = self.clean(d).to_string())
                        ));
                    }
                    s
                })
                .collect();
            blocks.push(Block::Bullets(triggers));
        }
        if !rb.steps.is_empty() {
            blocks.push(Block::Heading {
                text: crate::tr!(t, "export-rollback-steps"),
                aside: None,
            });
            let items = rb
                .steps
                .iter()
                .map(|s| {
                    let mut item = self.step(s);
                    // An R-step is the rollback: no pointer to another one.
                    item.details.retain(
                        |d| !matches!(d, Detail::Line { label: Some(l), .. } if *l == crate::tr!(t, "export-rollback")),
                    );
                    item
                })
                .collect();
            blocks.push(Block::Items(items));
        }
        if blocks.is_empty() {
            blocks.push(Block::Text(crate::tr!(t, "export-rollback-undocumented")));
        }
        Section {
            aside: None,
            title: Some(crate::tr!(t, "export-rollback-plan")),
            blocks,
        }
    }

    fn decision_tree(&self) -> Option<Section> {
        if self.p.decision_tree.is_empty() {
            return None;
        }
        let mut lines = tree::lines(&self.p.decision_tree, self.t);
        for l in &mut lines {
            l.text = self.clean(&l.text);
        }
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-decision-tree")),
            blocks: vec![Block::Tree(lines)],
        })
    }

    fn contacts(&self) -> Option<Section> {
        if self.p.contacts.is_empty() {
            return None;
        }
        let items = self
            .p
            .contacts
            .iter()
            .map(|c| {
                let title = [Some(&c.role), c.name.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|s| self.clean(s))
                    .collect::<Vec<_>>()
                    .join(" — ");
                let mut item = Item::new(None, title);
                if let Some(how) = &c.contact {
                    item.details.push(Detail::plain(self.clean(how)));
                }
                if let Some(w) = &c.when {
                    item.details.push(Detail::line(
                        crate::tr!(self.t, "export-when"),
                        self.clean(w),
                    ));
                }
                item
            })
            .collect();
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-contacts")),
            blocks: vec![Block::Items(items)],
        })
    }

    fn authors_checklist(&self) -> Option<Section> {
        if self.p.quick_checklist.is_empty() {
            return None;
        }
        let items = self
            .p
            .quick_checklist
            .iter()
            .map(|q| Item::new(Some(Mark::Empty), self.clean(q)))
            .collect();
        Some(Section {
            aside: None,
            title: Some(crate::tr!(self.t, "export-authors-checklist")),
            blocks: vec![Block::Items(items)],
        })
    }

    /// Commands abridged for paper, redacted; what did not fit is said.
    pub(super) fn code(&self, label: Option<&str>, commands: &[Command]) -> Vec<Detail> {
        if commands.is_empty() {
            return Vec::new();
        }
        let redacted: Vec<String> = commands.iter().map(|c| self.command(&c.run)).collect();
        let (runs, more) = abridge::commands(redacted.iter().map(String::as_str), self.t);
        let mut out = vec![Detail::Code {
            label: label.map(str::to_string),
            commands: runs,
        }];
        out.extend(more.map(Detail::plain));
        out
    }
}
