//! What kind of document is being imported: a procedure (steps to follow
//! in order), a reference (a cheat sheet of independent commands grouped
//! by area) or an index (a README about procedures). Only a procedure is
//! made runnable as it stands: an index keeps its commands as text, and in
//! a reference every step asks before it runs.

use super::blocks::{Block, BlockKind};
use super::classify::{norm, numbered, phase_heading, step_heading};
use super::inline::{Inline, plain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Procedure,
    Reference,
    Index,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Procedure => "procedure",
            Kind::Reference => "reference",
            Kind::Index => "index",
        }
    }
}

/// Headings that name an area of a cheat sheet rather than a step.
const AREAS: &[&str] = &[
    "docker",
    "kubernetes",
    "logs",
    "backups",
    "monitoreo",
    "monitoring",
    "troubleshooting",
    "deployment",
    "quick reference",
    "referencia rapida",
    "performance",
    "health checks",
    "migraciones",
    "migrations",
    "urls",
    "comandos frecuentes",
    "comandos utiles",
    "useful commands",
    "cheat sheet",
];

const INDEX_HEADINGS: &[&str] = &[
    "que es",
    "what is",
    "tipos de",
    "types of",
    "convenciones",
    "conventions",
    "estructura",
    "structure",
    "indice",
    "index",
    "table of contents",
    "contenido",
    "como contribuir",
    "contributing",
    "mejores practicas",
    "best practices",
];

/// Classifies from the document's blocks and title.
pub fn classify(title: &str, blocks: &[Block]) -> Kind {
    let mut headings = 0usize;
    let mut stepish = 0usize;
    let mut strong_steps = 0usize;
    let mut areas = 0usize;
    let mut index_like = 0usize;
    let mut ordered_lists = 0usize;
    let mut code_lines = 0usize;
    let mut lines = 0usize;
    let mut template_fields = 0usize;
    for b in blocks {
        lines += b.lines.count();
        match &b.kind {
            BlockKind::Heading { level, text } if *level >= 2 => {
                let t = plain(text);
                let n = norm(&t);
                headings += 1;
                if step_heading(&t).is_some() || phase_heading(&t).is_some() {
                    stepish += 2;
                    strong_steps += 1;
                } else if numbered(&t).is_some() {
                    stepish += 1;
                }
                let bare = n.trim_matches(|c: char| !c.is_alphanumeric());
                if AREAS.iter().any(|a| {
                    bare.strip_prefix(a)
                        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
                }) {
                    areas += 1;
                }
                if INDEX_HEADINGS.iter().any(|h| {
                    n.starts_with(h) || n.match_indices(h).any(|(i, _)| n[..i].ends_with(' '))
                }) {
                    index_like += 1;
                }
            }
            BlockKind::List {
                ordered: Some(_),
                items,
            } if items.len() >= 2 => {
                ordered_lists += 1;
                code_lines += items
                    .iter()
                    .flat_map(|i| i.blocks.iter())
                    .map(code_lines_in)
                    .sum::<usize>();
            }
            BlockKind::Code { text, .. } => code_lines += text.lines().count(),
            BlockKind::List { items, .. } => {
                code_lines += items
                    .iter()
                    .flat_map(|i| i.blocks.iter())
                    .map(code_lines_in)
                    .sum::<usize>();
            }
            BlockKind::Paragraph(p) => {
                // Only the start of a paragraph is compared.
                let t = norm(&head_text(p, 40));
                if [
                    "resultado esperado",
                    "expected result",
                    "si falla",
                    "rollback",
                    "validacion",
                ]
                .iter()
                .any(|w| t.starts_with(w))
                {
                    template_fields += 1;
                }
            }
            _ => {}
        }
    }
    let t = norm(title);
    let index_title = [
        "procedimientos",
        "runbooks",
        "readme",
        "indice",
        "index",
        "playbooks",
    ]
    .iter()
    .any(|w| t.split_whitespace().any(|x| x == *w));
    let reference_title = [
        "cheat sheet",
        "cheatsheet",
        "chuleta",
        "quick reference",
        "referencia",
    ]
    .iter()
    .any(|w| t.contains(w));
    let code_share = code_lines as f64 / lines.max(1) as f64;
    if (index_title
        && index_like >= 1
        && code_share < 0.15
        && strong_steps == 0
        && template_fields == 0)
        || (index_like >= 3 && code_share < 0.1 && template_fields == 0)
    {
        return Kind::Index;
    }
    if reference_title
        || (stepish == 0
            && template_fields == 0
            && ordered_lists <= 1
            && headings >= 4
            && areas * 2 >= headings)
    {
        return Kind::Reference;
    }
    Kind::Procedure
}

/// The first `chars` characters of a paragraph's plain text, without
/// building the whole text.
fn head_text(p: &[Inline], chars: usize) -> String {
    let mut end = 0;
    let mut len = 0;
    while end < p.len() && len < chars {
        len += match &p[end] {
            Inline::Text(t) | Inline::Code(t) | Inline::Html(t) => t.len(),
            _ => chars,
        };
        end += 1;
    }
    plain(&p[..end]).chars().take(chars).collect()
}

/// Code lines in a block and the blocks inside it.
fn code_lines_in(b: &Block) -> usize {
    match &b.kind {
        BlockKind::Code { text, .. } => text.lines().count(),
        BlockKind::List { items, .. } => items
            .iter()
            .flat_map(|i| i.blocks.iter())
            .map(code_lines_in)
            .sum(),
        BlockKind::Quote(blocks) => blocks.iter().map(code_lines_in).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::import::blocks::parse;

    fn kind(md: &str) -> Kind {
        let blocks = parse(md);
        let title = blocks
            .iter()
            .find_map(|b| match &b.kind {
                BlockKind::Heading { level: 1, text } => Some(plain(text)),
                _ => None,
            })
            .unwrap_or_default();
        classify(&title, &blocks)
    }

    #[test]
    fn a_cheat_sheet_is_a_reference() {
        let md = "# Runbook\n\n## Deployment\n\n### Docker\n\n```bash\ndocker-compose up -d\n```\n\n\
### Kubernetes\n\n```bash\nkubectl apply -f x\n```\n\n## Logs\n\n### Docker\n\n```bash\ndocker logs x\n```\n";
        assert_eq!(kind(md), Kind::Reference);
    }

    #[test]
    fn a_readme_about_procedures_is_an_index() {
        let md = "# Procedimientos Operacionales\n\n## ¿Qué es un Procedimiento?\n\nTexto.\n\n\
## Tipos de Procedimientos\n\n### 1. Deployment\n\nTexto.\n\n## Convenciones\n\n- PROC-001\n\n\
## Cómo contribuir\n\n```bash\ngit push origin x\n```\n";
        assert_eq!(kind(md), Kind::Index);
    }

    #[test]
    fn steps_make_a_procedure() {
        let md = "# Despliegue\n\n## Paso 1: Parar\n\n```bash\nsystemctl stop x\n```\n\n\
## Paso 2: Migrar\n\n```bash\n./migrar.sh\n```\n";
        assert_eq!(kind(md), Kind::Procedure);
        let md = "# Runbook\n\n1. Run `x`\n2. Run `y`\n";
        assert_eq!(kind(md), Kind::Procedure);
    }
}
