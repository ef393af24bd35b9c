//! The decision tree as indented lines readable on paper: each question,
//! then what a yes and a no lead to. A node reached a second time is not
//! repeated: the line says "see [id] above", and the first one carries
//! its `[id]`.

use super::doc::TreeLine;
use crate::procedure::DecisionNode;
use std::collections::HashSet;

pub fn lines(nodes: &[DecisionNode], t: crate::i18n::Lang) -> Vec<TreeLine> {
    let none = HashSet::new();
    let first = Walk::run(nodes, t, &none);
    if first.revisited.is_empty() {
        return first.lines;
    }
    let revisited = first.revisited;
    Walk::run(nodes, t, &revisited).lines
}

struct Walk<'a> {
    nodes: &'a [DecisionNode],
    t: crate::i18n::Lang,
    labelled: &'a HashSet<String>,
    visited: HashSet<String>,
    revisited: HashSet<String>,
    lines: Vec<TreeLine>,
}

impl<'a> Walk<'a> {
    fn run(nodes: &'a [DecisionNode], t: crate::i18n::Lang, labelled: &'a HashSet<String>) -> Self {
        let mut w = Walk {
            nodes,
            t,
            labelled,
            visited: HashSet::new(),
            revisited: HashSet::new(),
            lines: Vec::new(),
        };
        // The first node is the root; nodes nothing leads to follow it.
        for n in nodes {
            if !w.visited.contains(&n.id) {
                w.node(&n.id, 0, None);
            }
        }
        w
    }

    fn node(&mut self, id: &str, depth: usize, branch: Option<&str>) {
        let branch = branch.map(str::to_string);
        let Some(n) = self.nodes.iter().find(|n| n.id == id) else {
            self.lines.push(TreeLine {
                depth,
                branch,
                text: format!("[{id}]"),
                strong: false,
            });
            return;
        };
        if !self.visited.insert(n.id.clone()) {
            self.revisited.insert(n.id.clone());
            self.lines.push(TreeLine {
                depth,
                branch,
                text: crate::tr!(self.t, "export-see-above", label = n.id.to_string()),
                strong: false,
            });
            return;
        }
        let mut text = match &n.question {
            Some(q) => q.clone(),
            None => self.action(n),
        };
        if self.labelled.contains(&n.id) {
            text = format!("[{}] {text}", n.id);
        }
        self.lines.push(TreeLine {
            depth,
            branch,
            text,
            strong: n.rollback,
        });
        if n.question.is_some() {
            if let Some(yes) = &n.yes {
                self.node(yes, depth + 1, Some(&crate::tr!(self.t, "export-yes")));
            }
            if let Some(no) = &n.no {
                self.node(no, depth + 1, Some(&crate::tr!(self.t, "export-no")));
            }
        }
    }

    fn action(&self, n: &DecisionNode) -> String {
        let mut text = n.action.clone().unwrap_or_default();
        if n.rollback {
            text = format!("{}: {text}", crate::tr!(self.t, "export-starts-rollback"));
        }
        if let Some(step) = &n.step {
            text = format!(
                "{text} ({})",
                crate::tr!(self.t, "export-go-to-step", step = step.to_string())
            );
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const EN: crate::i18n::Lang = crate::i18n::Lang::En;

    fn q(id: &str, yes: &str, no: &str) -> DecisionNode {
        DecisionNode {
            id: id.into(),
            question: Some(format!("{id}?")),
            yes: Some(yes.into()),
            no: Some(no.into()),
            ..Default::default()
        }
    }

    fn a(id: &str) -> DecisionNode {
        DecisionNode {
            id: id.into(),
            action: Some(format!("do {id}")),
            ..Default::default()
        }
    }

    #[test]
    fn a_shared_node_is_written_once_and_referred_to() {
        let nodes = vec![
            q("root", "x", "y"),
            q("x", "act", "y"),
            q("y", "act", "act"),
            a("act"),
        ];
        let got: Vec<(usize, Option<String>, String)> = lines(&nodes, EN)
            .into_iter()
            .map(|l| (l.depth, l.branch, l.text))
            .collect();
        let yes = || Some("yes".to_string());
        let no = || Some("no".to_string());
        assert_eq!(
            got,
            vec![
                (0, None, "root?".into()),
                (1, yes(), "x?".into()),
                (2, yes(), "[act] do act".into()),
                (2, no(), "[y] y?".into()),
                (3, yes(), "see [act] above".into()),
                (3, no(), "see [act] above".into()),
                (1, no(), "see [y] above".into()),
            ]
        );
    }

    #[test]
    fn cycles_end() {
        let nodes = vec![q("a", "b", "a"), q("b", "a", "b")];
        let got = lines(&nodes, EN);
        assert_eq!(got.len(), 5);
    }
}
