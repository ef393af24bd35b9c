//! The template's Anexo C: a rollback decision tree written as indented
//! lines, `¿Pregunta?` then `SI → ...` / `NO → ...`, where an answer may be
//! another question. Indentation says which question an answer belongs to;
//! when it was lost (all lines at one indent), an answer goes to the
//! innermost question still missing that answer.

use crate::procedure::model::DecisionNode;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
}

struct Draft {
    question: Option<String>,
    action: Option<String>,
    yes: Option<usize>,
    no: Option<usize>,
    indent: usize,
    child_indent: Option<usize>,
}

impl Draft {
    fn has(&self, a: Answer) -> bool {
        match a {
            Answer::Yes => self.yes.is_some(),
            Answer::No => self.no.is_some(),
        }
    }
}

/// The nodes (root first), and how many answers were missing and filled
/// with a placeholder action. `None` when the text is not such a tree.
pub fn parse(text: &str) -> Option<(Vec<DecisionNode>, usize)> {
    static ANSWER: OnceLock<Regex> = OnceLock::new();
    let answer_re = ANSWER.get_or_init(|| {
        Regex::new(r"(?i)^(s[ií]|yes|y|no|n)\s*(?:→|->|=>|:|⇒|➜)\s*(.+)$").expect("answer pattern")
    });
    let mut nodes: Vec<Draft> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for raw in text.lines() {
        let start = raw
            .char_indices()
            .find(|(_, c)| !(c.is_whitespace() || "├└│─|+`-*•┣┗┃━>".contains(*c)))
            .map(|(i, _)| i);
        let Some(start) = start else { continue };
        let indent = raw[..start].chars().count();
        let line = raw[start..].trim();
        if let Some(c) = answer_re.captures(line) {
            let ans = if c[1].to_lowercase().starts_with('n') {
                Answer::No
            } else {
                Answer::Yes
            };
            let target = c[2].trim().to_string();
            let q = open
                .iter()
                .rev()
                .copied()
                .find(|&q| {
                    let n = &nodes[q];
                    !n.has(ans)
                        && (n.child_indent == Some(indent)
                            || (n.child_indent.is_none() && indent >= n.indent))
                })
                .or_else(|| open.iter().rev().copied().find(|&q| !nodes[q].has(ans)))?;
            let idx = nodes.len();
            let is_question = target.ends_with('?') || target.starts_with('¿');
            nodes.push(Draft {
                question: is_question.then(|| target.clone()),
                action: (!is_question).then_some(target),
                yes: None,
                no: None,
                indent,
                child_indent: None,
            });
            let parent = &mut nodes[q];
            match ans {
                Answer::Yes => parent.yes = Some(idx),
                Answer::No => parent.no = Some(idx),
            }
            parent.child_indent.get_or_insert(indent);
            if parent.yes.is_some() && parent.no.is_some() {
                open.retain(|&o| o != q);
            }
            if is_question {
                open.push(idx);
            }
        } else if nodes.is_empty() && (line.ends_with('?') || line.starts_with('¿')) {
            nodes.push(Draft {
                question: Some(line.to_string()),
                action: None,
                yes: None,
                no: None,
                indent,
                child_indent: None,
            });
            open.push(0);
        } else {
            return None;
        }
    }
    if nodes.len() < 2 {
        return None;
    }
    let mut filled = 0;
    let count = nodes.len();
    for i in 0..count {
        if nodes[i].question.is_none() {
            continue;
        }
        for ans in [Answer::Yes, Answer::No] {
            if !nodes[i].has(ans) {
                let idx = nodes.len();
                nodes.push(Draft {
                    question: None,
                    action: Some("Not stated in the source: decide with the incident lead".into()),
                    yes: None,
                    no: None,
                    indent: 0,
                    child_indent: None,
                });
                filled += 1;
                match ans {
                    Answer::Yes => nodes[i].yes = Some(idx),
                    Answer::No => nodes[i].no = Some(idx),
                }
            }
        }
    }
    let ids: Vec<String> = {
        let (mut q, mut a) = (0, 0);
        nodes
            .iter()
            .map(|n| {
                if n.question.is_some() {
                    q += 1;
                    format!("q{q}")
                } else {
                    a += 1;
                    format!("a{a}")
                }
            })
            .collect()
    };
    let out = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let rollback = n.action.as_deref().is_some_and(starts_rollback);
            DecisionNode {
                id: ids[i].clone(),
                question: n.question.clone(),
                yes: n.yes.map(|j| ids[j].clone()),
                no: n.no.map(|j| ids[j].clone()),
                action: n.action.clone(),
                rollback,
                step: None,
                span: 0..0,
            }
        })
        .collect();
    Some((out, filled))
}

/// An action that starts the full rollback.
fn starts_rollback(action: &str) -> bool {
    let n = super::classify::norm(action);
    (n.contains("rollback")
        || n.contains("revertir")
        || n.contains("reversion")
        || n.contains("roll back"))
        && !n.starts_with("no ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(nodes: &[DecisionNode]) -> Vec<String> {
        nodes
            .iter()
            .map(|n| match (&n.question, &n.action) {
                (Some(q), _) => format!(
                    "{} {q} yes={} no={}",
                    n.id,
                    n.yes.as_deref().unwrap_or("-"),
                    n.no.as_deref().unwrap_or("-")
                ),
                (_, Some(a)) => format!(
                    "{} {a}{}",
                    n.id,
                    if n.rollback { " [rollback]" } else { "" }
                ),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn flat_template_form() {
        let text = "¿El procedimiento falló?\n NO → Continuar con validación final\n SI → ¿Es crítico?\n SI → Rollback inmediato\n NO → ¿Se puede resolver en < 15 min?\n SI → Intentar fix\n NO → Rollback\n";
        let (nodes, filled) = parse(text).unwrap();
        assert_eq!(filled, 0);
        assert_eq!(
            shape(&nodes),
            vec![
                "q1 ¿El procedimiento falló? yes=q2 no=a1",
                "a1 Continuar con validación final",
                "q2 ¿Es crítico? yes=a2 no=q3",
                "a2 Rollback inmediato [rollback]",
                "q3 ¿Se puede resolver en < 15 min? yes=a3 no=a4",
                "a3 Intentar fix",
                "a4 Rollback [rollback]",
            ]
        );
    }

    #[test]
    fn indented_form_with_tree_drawing() {
        let text = "¿Falló un paso?\n├─ SÍ → ¿Ya se desplegó?\n│   ├─ SÍ → Rollback a R1\n│   └─ NO → Reintentar\n└─ NO → Continuar\n";
        let (nodes, _) = parse(text).unwrap();
        assert_eq!(nodes[0].yes.as_deref(), Some("q2"));
        assert_eq!(nodes[0].no.as_deref(), Some("a3"));
        assert_eq!(nodes[1].yes.as_deref(), Some("a1"));
    }

    #[test]
    fn missing_answers_are_filled_and_prose_is_refused() {
        let (nodes, filled) = parse("¿Funciona?\n SI → Seguir\n").unwrap();
        assert_eq!(filled, 1);
        assert_eq!(nodes.len(), 3);
        assert!(parse("Esto no es un árbol\nni esto").is_none());
    }
}
