//! The purpose section (`Propósito`: what, when, when not, impact) and
//! metadata sections.

use crate::procedure::import::blocks::BlockKind;
use crate::procedure::import::builder::{Builder, Ctx, kind_name};
use crate::procedure::import::classify::{PurposePart, Role};
use crate::procedure::import::inline::plain;
use crate::procedure::import::report::toml_target;
use crate::procedure::import::sections::Section;
use crate::procedure::import::template::ImpactField;
use crate::procedure::import::text::list_text;
use crate::procedure::import::{inline, template};

impl Builder<'_, '_> {
    pub fn purpose_section(&mut self, s: &Section<'_>, part: PurposePart, ctx: &Ctx) {
        let key = match part {
            PurposePart::What => "what",
            PurposePart::When => "when",
            PurposePart::WhenNot => "when_not",
            PurposePart::Impact => "impact",
        };
        self.heading_to(s, crate::msg!("import-target-purpose", key = key));
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
                                    ImpactField::Users => &mut self.p.purpose.impact.users,
                                    ImpactField::Systems => &mut self.p.purpose.impact.systems,
                                    ImpactField::Data => &mut self.p.purpose.impact.data,
                                    ImpactField::Sla => &mut self.p.purpose.impact.sla,
                                };
                                *slot = Some(v);
                            }
                            _ => rest.push(item.clone()),
                        }
                    }
                    if !rest.is_empty() {
                        texts.push(list_text(*ordered, &rest));
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("[purpose.impact]"),
                        crate::msg!("import-detail-list"),
                    );
                }
                BlockKind::Paragraph(p) => {
                    texts.push(plain(p));
                    self.report.mapped(
                        b.lines,
                        crate::msg!("import-target-purpose", key = key),
                        None,
                    );
                }
                BlockKind::List { ordered, items } => {
                    texts.push(list_text(*ordered, items));
                    self.report.mapped(
                        b.lines,
                        crate::msg!("import-target-purpose", key = key),
                        crate::msg!("import-detail-list"),
                    );
                }
                _ => self.note_block(b),
            }
        }
        if !texts.is_empty() {
            let text = texts.join("\n\n");
            let slot = match part {
                PurposePart::What => &mut self.p.purpose.what,
                PurposePart::When => &mut self.p.purpose.when,
                PurposePart::WhenNot => &mut self.p.purpose.when_not,
                PurposePart::Impact => {
                    let lines = s.heading.map(|h| h.lines);
                    self.report.guess(
                        lines,
                        toml_target("[purpose.impact] users"),
                        crate::msg!("import-detail-impact-free-text"),
                    );
                    &mut self.p.purpose.impact.users
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
        self.heading_to(s, toml_target("[procedure]"));
        for b in &s.blocks {
            if !self.take_meta(b, true) {
                let text = self.src.raw(b.lines);
                self.note(text, b.lines, kind_name(b));
            }
        }
        self.walk_children_as(s, Role::Meta, ctx);
    }
}

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn purpose_parts_and_impact_land_in_purpose() {
        let md = "# Despliegue\n\n## Propósito\n\n### Qué hace este procedimiento\nDespliega la versión nueva.\n\n\
### Cuándo usarlo\nEn cada release.\n\n## Paso 1: Desplegar\n\n```bash\n./deploy.sh\n```\n";
        let p = import_str(md, &Options::default()).procedure;
        assert_eq!(
            p.purpose.what.as_deref(),
            Some("Despliega la versión nueva.")
        );
        assert_eq!(p.purpose.when.as_deref(), Some("En cada release."));
    }
}
