//! Labelled lines outside steps: variables and the procedure's metadata.

use super::*;

impl Builder<'_, '_> {
    /// Rundown options (`<r opt="file" .../>`) are variables of the run.
    pub fn take_variables(&mut self, b: &Block) -> bool {
        let BlockKind::Html(h) = &b.kind else {
            return false;
        };
        let mut found = false;
        for part in h.split("/>") {
            if let Some((name, desc)) = freeform::rundown_opt(&format!("{part}/>")) {
                if !self.p.variables.iter().any(|v| v.name == name) {
                    self.report.mapped(
                        b.lines,
                        crate::msg!("import-target-variable", name = name.clone()),
                        crate::msg!("import-detail-rundown-option"),
                    );
                    self.p.variables.push(Variable {
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
                Some(f) => template::apply_meta(
                    &mut self.p.meta,
                    f,
                    &text,
                    Some(b.lines),
                    &mut self.report,
                ),
                None => false,
            };
            if !used {
                let what = if template::meta_field(&label) == Some(MetaField::Version)
                    || template::meta_field(&label).is_some()
                {
                    crate::msg!(
                        "import-detail-value-unused",
                        label = label.clone(),
                        value = text.clone()
                    )
                } else {
                    crate::msg!("import-detail-label", label = label.clone())
                };
                self.p.notes.push(format!("{label}: {text}"));
                self.report
                    .notes(b.lines, crate::msg!("import-target-procedure-notes"), what);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::built;
    use crate::procedure::keyword::Criticality;

    #[test]
    fn labelled_metadata_fills_the_procedure() {
        let md = "# RB-007: Rotar certificados\n\n**Criticidad:** ALTA\n**Versión:** 2.1.0\n";
        built(md, |b| {
            assert_eq!(
                b.p.meta.criticality,
                Some(Criticality::High),
                "{:?}",
                b.p.meta
            );
            assert_eq!(b.p.meta.version, "2.1.0");
        });
    }
}
