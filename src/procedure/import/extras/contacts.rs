//! Contacts, references and notes sections.

use super::{cells, col, strip_bold};
use crate::procedure::import::blocks::{Block, BlockKind, Lines};
use crate::procedure::import::builder::{Builder, Ctx, PhaseRef};
use crate::procedure::import::classify::Role;
use crate::procedure::import::inline::{Inline, plain};
use crate::procedure::import::report::toml_target;
use crate::procedure::import::sections::Section;
use crate::procedure::import::step::item_text;
use crate::procedure::import::{inline, template};
use crate::procedure::keyword::PhaseKind;
use crate::procedure::model::Contact;

impl Builder<'_, '_> {
    pub fn contact_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[[contacts]]"));
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items, .. } => {
                    for item in items {
                        self.p.contacts.push(contact_from_line(item.head()));
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("[[contacts]]"),
                        crate::msg!("import-detail-items", count = items.len()),
                    );
                }
                BlockKind::Paragraph(p) => {
                    let rows = inline::lines(p);
                    if rows.iter().all(|r| inline::label(r).is_some()) {
                        for r in rows {
                            self.p.contacts.push(contact_from_line(&r));
                        }
                        self.report.mapped(
                            b.lines,
                            toml_target("[[contacts]]"),
                            crate::msg!("import-detail-labelled-lines"),
                        );
                    } else {
                        let text = self.src.raw(b.lines);
                        self.note(text, b.lines, crate::msg!("import-detail-text"));
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
                        self.p.contacts.push(Contact {
                            role: role_text.trim().to_string(),
                            name: (!others.is_empty()).then(|| others.join("; ")),
                            contact: contact.map(get).filter(|c| !c.is_empty()),
                            when: when.map(get).filter(|w| !w.is_empty()),
                        });
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("[[contacts]]"),
                        crate::msg!("import-detail-table-rows", count = rows.len()),
                    );
                }
                _ => self.note_block(b),
            }
        }
        self.walk_children_as(s, Role::Contacts, ctx);
    }

    pub fn reference_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("references"));
        for b in &s.blocks {
            match &b.kind {
                BlockKind::List { items, .. } => {
                    self.p
                        .references
                        .extend(items.iter().map(|i| item_text(i).replace('\n', " ")));
                    self.report.mapped(
                        b.lines,
                        toml_target("references"),
                        crate::msg!("import-detail-items", count = items.len()),
                    );
                }
                BlockKind::Paragraph(p) => {
                    self.p
                        .references
                        .extend(inline::lines(p).iter().map(|r| plain(r)));
                    self.report.mapped(
                        b.lines,
                        toml_target("references"),
                        crate::msg!("import-detail-text"),
                    );
                }
                BlockKind::Table { rows, .. } => {
                    self.p
                        .references
                        .extend(rows.iter().map(|r| cells(r).join(" | ")));
                    self.report.mapped(
                        b.lines,
                        toml_target("references"),
                        crate::msg!("import-detail-table"),
                    );
                }
                _ => self.note_block(b),
            }
        }
        self.walk_children_as(s, Role::References, ctx);
    }

    pub fn notes_section(&mut self, s: &Section<'_>) {
        let mut texts: Vec<String> = Vec::new();
        let mut parts: Vec<Lines> = Vec::new();
        let mut others: Vec<&Section<'_>> = Vec::new();
        self.collect_notes(s, &mut texts, &mut parts, &mut others);
        if !texts.is_empty() {
            for lines in &parts {
                self.report.notes(
                    *lines,
                    crate::msg!("import-target-procedure-notes"),
                    crate::msg!("import-detail-section-notes"),
                );
            }
            self.p.notes.push(texts.join("\n\n"));
        }
        let ctx = Ctx {
            role: Role::Generic,
            phase: PhaseRef {
                key: 1,
                title: self.p.meta.title.clone(),
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
    pub(super) fn collect_notes<'a>(
        &mut self,
        s: &'a Section<'a>,
        texts: &mut Vec<String>,
        parts: &mut Vec<Lines>,
        others: &mut Vec<&'a Section<'a>>,
    ) {
        if let Some(h) = s.heading {
            texts.push(self.src.raw(h.lines));
            parts.push(h.lines);
        }
        for b in &s.blocks {
            if matches!(b.kind, BlockKind::Rule) {
                self.report.separator(b.lines);
                continue;
            }
            self.glean_meta(b);
            texts.push(self.src.raw(b.lines));
            parts.push(b.lines);
        }
        for c in &s.children {
            match c.role {
                Role::Generic | Role::Notes | Role::Phase(_) | Role::Purpose(_) => {
                    self.collect_notes(c, texts, parts, others)
                }
                _ => others.push(c),
            }
        }
    }

    /// Metadata from `**Key:** value` lines, keeping the lines themselves.
    pub(super) fn glean_meta(&mut self, b: &Block) {
        let BlockKind::Paragraph(p) = &b.kind else {
            return;
        };
        for row in inline::lines(p) {
            if let Some((label, value)) = inline::label(&row)
                && let Some(f) = template::meta_field(&label)
            {
                {
                    template::apply_meta(
                        &mut self.p.meta,
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

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn contacts_and_references_are_read() {
        let md = "# Despliegue\n\n## Paso 1: Desplegar\n\n```bash\n./deploy.sh\n```\n\n## Contactos\n\n\
| Rol | Nombre | Contacto |\n|---|---|---|\n| DBA | Ana | ana@example.org |\n\n## Referencias\n\n- https://example.org/guia\n";
        let p = import_str(md, &Options::default()).procedure;
        let c = p.contacts.first().expect("a contact");
        assert_eq!(c.role, "DBA");
        // Columns other than role, contact and when are kept labelled.
        assert_eq!(c.name.as_deref(), Some("Nombre: Ana"));
        assert_eq!(c.contact.as_deref(), Some("ana@example.org"));
        assert!(
            p.references
                .iter()
                .any(|r| r.contains("https://example.org/guia")),
            "{:?}",
            p.references
        );
    }
}
